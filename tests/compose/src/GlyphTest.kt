// Every character of the core's Vietnamese screen text has a glyph in the bundled Noto Sans (Regular and Bold):
// nothing on the screenshots is drawn as an empty box, and the PNGs can be trusted to show each diacritic.
package vn.gov.langson.vieclam.ui.screenshots

import java.io.File
import org.jetbrains.skia.Data
import org.jetbrains.skia.Typeface
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import vn.gov.langson.vieclam.core.Language
import vn.gov.langson.vieclam.core.test.DEMO_AS_OF
import vn.gov.langson.vieclam.core.test.demoStore
import vn.gov.langson.vieclam.core.test.tempDir
import vn.gov.langson.vieclam.ui.UiStrings

class GlyphTest {
    @Test
    fun everyCharacterOfTheScreensHasAGlyph() {
        val dir = tempDir("vieclam-glyphs")
        val text = StringBuilder(UiStrings.Vi.toString())
        try {
            demoStore(dir, 100).use { store ->
                for (row in store.loanList("", 0u, 40u, DEMO_AS_OF, Language.VI).rows) {
                    text.append(row).append(store.loanDetail(row.loanId, DEMO_AS_OF, 60u, Language.VI))
                }
                text.append(store.catalogue("", DEMO_AS_OF, Language.VI)).append(store.checklist(Language.VI))
            }
        } finally {
            dir.deleteRecursively()
        }
        // Every precomposed Vietnamese letter, so the check does not depend on which names the demo drew.
        text.append("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư").append((0x1EA0..0x1EF9).map { it.toChar() }.joinToString(""))
        val codePoints = text.codePoints().filter { !Character.isWhitespace(it) && !Character.isISOControl(it) }.distinct().toArray()
        assertTrue("ơ and ư are among ${codePoints.size} characters", 'ơ'.code in codePoints && 'ư'.code in codePoints)
        val fonts = File(System.getProperty("vieclam.fonts") ?: error("-Dvieclam.fonts is not set"))
        for (name in listOf("NotoSans_400Regular.ttf", "NotoSans_700Bold.ttf")) {
            val face = Typeface.makeFromData(Data.makeFromBytes(File(fonts, name).readBytes()))
            val missing = codePoints.filter { face.getUTF32Glyph(it) == 0.toShort() }.map { String(Character.toChars(it)) }
            assertEquals("$name lacks glyphs", emptyList<String>(), missing)
        }
    }
}
