// Renders a composable offscreen to a PNG at phone size (1080 × 2340 px, density 2.625: a 411 × 891 dp phone)
// with the app's theme and a bundled Noto Sans, and checks a PNG is not blank. No test methods here.
package vn.gov.langson.vieclam.ui.screenshots

import androidx.compose.runtime.Composable
import androidx.compose.ui.ImageComposeScene
import androidx.compose.ui.text.font.FontFamily
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.platform.Font
import androidx.compose.ui.unit.Density
import java.io.File
import javax.imageio.ImageIO
import org.jetbrains.skia.EncodedImageFormat
import vn.gov.langson.vieclam.ui.theme.VieclamTheme

const val WIDTH_PX = 1080
const val HEIGHT_PX = 2340

/** Where the PNGs go: `-Dvieclam.screenshots=DIR` (scripts/screenshots.sh sets build/screenshots). */
val screenshotDir: File = File(System.getProperty("vieclam.screenshots") ?: "build/screenshots")

/** Noto Sans Regular, Medium and Bold from `-Dvieclam.fonts=DIR`: every Vietnamese letter, whatever the machine has. */
val noto: FontFamily by lazy {
    val dir = File(System.getProperty("vieclam.fonts") ?: error("-Dvieclam.fonts is not set"))
    FontFamily(
        Font(File(dir, "NotoSans_400Regular.ttf"), FontWeight.Normal),
        Font(File(dir, "NotoSans_500Medium.ttf"), FontWeight.Medium),
        Font(File(dir, "NotoSans_700Bold.ttf"), FontWeight.Bold),
    )
}

/** Renders `content` in the app theme to `screenshotDir/name.png` and returns the file. */
fun renderPng(name: String, content: @Composable () -> Unit): File {
    val scene = ImageComposeScene(WIDTH_PX, HEIGHT_PX, Density(2.625f)) { VieclamTheme(noto) { content() } }
    try {
        val image = scene.render()
        val bytes = image.encodeToData(EncodedImageFormat.PNG)?.bytes ?: error("$name: PNG encoding failed")
        screenshotDir.mkdirs()
        return File(screenshotDir, "$name.png").also { it.writeBytes(bytes) }
    } finally {
        scene.close()
    }
}

/** What a PNG holds, to tell a drawn screen from a blank one. */
data class Ink(val width: Int, val height: Int, val colours: Int, val inkedFraction: Double)

/** Reads `png` back and measures it: distinct colours and the share of pixels unlike the top-left background. */
fun ink(png: File): Ink {
    val img = ImageIO.read(png) ?: error("${png.name} is not a PNG")
    val colours = HashSet<Int>()
    var inked = 0L
    val background = img.getRGB(img.width - 1, img.height - 1)
    for (y in 0 until img.height step 2) for (x in 0 until img.width step 2) {
        val rgb = img.getRGB(x, y)
        colours.add(rgb)
        if (rgb != background) inked++
    }
    return Ink(img.width, img.height, colours.size, inked.toDouble() / ((img.width / 2) * (img.height / 2)))
}
