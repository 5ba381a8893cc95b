// SIGNATURE STUB FOR COMPILING ONLY, NOT THE REAL LIBRARY: every body throws. It mirrors the public API of
// androidx.activity:activity 1.9.3 (package androidx.activity.result) that android/app uses.
// Only scripts/android-app-jvm.sh uses it; the real library comes from Google's Maven in the Gradle build.
package androidx.activity.result

/** Real: a Java-style single-method interface, so a lambda converts to it. */
fun interface ActivityResultCallback<O> {
    fun onActivityResult(result: O)
}

abstract class ActivityResultLauncher<I> {
    open fun launch(input: I): Unit = throw UnsupportedOperationException("signature stub (tests/android-stubs): compile only")

    abstract fun unregister()
}
