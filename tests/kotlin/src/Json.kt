// JSON for the tests that talk to the server over plain HTTP, through Gson (Maven Central; scripts/kotlin-toolchain.sh
// puts it on the test classpath). No test methods here: run.sh runs only the files that have some.
package vn.gov.langson.vieclam.core.test

import com.google.gson.Gson

/**
 * JSON text to Kotlin values and back: objects as `Map<String, Any?>`, arrays as `List<Any?>`, strings, numbers as
 * `Double`, booleans and null. Malformed text throws Gson's `JsonSyntaxException`.
 */
object Json {
    private val gson = Gson()

    /** The value `text` holds. */
    fun parse(text: String): Any? = gson.fromJson(text, Any::class.java)

    /** `s` as a JSON string literal. */
    fun quote(s: String): String = gson.toJson(s)
}
