// A small JSON reader and string quoting for the tests that talk to the server over plain HTTP: the JVM has no
// JSON parser of its own, and the test classpath stays the bindings' (no serialization library just for tests).
// No test methods here: run.sh runs only the files that have some.
package vn.gov.langson.vieclam.core.test

/**
 * JSON text to Kotlin values: objects as `Map<String, Any?>` (in document order), arrays as `List<Any?>`, strings,
 * numbers as `Long` when whole and `Double` otherwise, booleans and null. Malformed text throws
 * [IllegalArgumentException] naming the offset.
 */
object Json {
    fun parse(text: String): Any? {
        val reader = Reader(text)
        val value = reader.value()
        reader.skipSpace()
        require(reader.pos == text.length) { "JSON: text after the value at ${reader.pos}" }
        return value
    }

    /** `s` as a JSON string literal. */
    fun quote(s: String): String = buildString {
        append('"')
        for (c in s) {
            when {
                c == '"' -> append("\\\"")
                c == '\\' -> append("\\\\")
                c < ' ' -> append("\\u%04x".format(c.code))
                else -> append(c)
            }
        }
        append('"')
    }

    private class Reader(val text: String) {
        var pos = 0

        fun skipSpace() {
            while (pos < text.length && text[pos] in " \t\r\n") pos++
        }

        private fun fail(what: String): Nothing = throw IllegalArgumentException("JSON: $what at $pos")

        private fun expect(c: Char) {
            if (pos >= text.length || text[pos] != c) fail("expected '$c'")
            pos++
        }

        private fun literal(word: String, value: Any?): Any? {
            if (!text.startsWith(word, pos)) fail("expected $word")
            pos += word.length
            return value
        }

        fun value(): Any? {
            skipSpace()
            if (pos >= text.length) fail("unexpected end")
            return when (text[pos]) {
                '{' -> obj()
                '[' -> array()
                '"' -> string()
                't' -> literal("true", true)
                'f' -> literal("false", false)
                'n' -> literal("null", null)
                else -> number()
            }
        }

        private fun obj(): Map<String, Any?> {
            expect('{')
            val map = LinkedHashMap<String, Any?>()
            skipSpace()
            if (text.getOrNull(pos) == '}') return map.also { pos++ }
            while (true) {
                skipSpace()
                val key = string()
                skipSpace()
                expect(':')
                map[key] = value()
                skipSpace()
                if (text.getOrNull(pos) == ',') pos++ else break
            }
            expect('}')
            return map
        }

        private fun array(): List<Any?> {
            expect('[')
            val list = ArrayList<Any?>()
            skipSpace()
            if (text.getOrNull(pos) == ']') return list.also { pos++ }
            while (true) {
                list.add(value())
                skipSpace()
                if (text.getOrNull(pos) == ',') pos++ else break
            }
            expect(']')
            return list
        }

        private fun string(): String {
            expect('"')
            val out = StringBuilder()
            while (true) {
                if (pos >= text.length) fail("unterminated string")
                when (val c = text[pos++]) {
                    '"' -> return out.toString()
                    '\\' -> {
                        if (pos >= text.length) fail("unterminated escape")
                        when (val e = text[pos++]) {
                            'n' -> out.append('\n')
                            't' -> out.append('\t')
                            'r' -> out.append('\r')
                            'b' -> out.append('\b')
                            'f' -> out.append('\u000c')
                            'u' -> {
                                val hex = text.substring(pos, minOf(pos + 4, text.length))
                                out.append(hex.toIntOrNull(16)?.toChar() ?: fail("bad \\u escape"))
                                pos += 4
                            }
                            else -> out.append(e)
                        }
                    }
                    else -> out.append(c)
                }
            }
        }

        private fun number(): Any {
            val start = pos
            while (pos < text.length && text[pos] in "+-0123456789.eE") pos++
            val t = text.substring(start, pos)
            return t.toLongOrNull() ?: t.toDoubleOrNull() ?: fail("bad value '$t'")
        }
    }
}
