// Renders a composable offscreen at phone size (1080 × 2340 px, density 2.625: a 411 × 891 dp phone) with the app's
// theme and a bundled Noto Sans in an `ImageComposeScene`, writes the PNG and keeps a snapshot of the screen's
// semantics tree, read the way Compose's test APIs read it (the scene's `RootForTest.semanticsOwner`, every node
// of the unmerged tree); and checks what a person needs from a screen: the key texts there, no raw key shown,
// every tap target at least 48 × 48 dp, no text squeezed to nothing or off the screen. No test methods here.
package vn.gov.langson.vieclam.ui.screenshots

import androidx.compose.runtime.Composable
import androidx.compose.ui.ImageComposeScene
import androidx.compose.ui.semantics.SemanticsActions
import androidx.compose.ui.semantics.SemanticsNode
import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.semantics.getAllSemanticsNodes
import androidx.compose.ui.semantics.getOrNull
import androidx.compose.ui.text.font.FontFamily
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.platform.Font
import androidx.compose.ui.unit.Density
import java.io.File
import javax.xml.parsers.DocumentBuilderFactory
import org.jetbrains.skia.Bitmap
import org.jetbrains.skia.EncodedImageFormat
import org.jetbrains.skia.Image
import org.w3c.dom.Element
import vn.gov.langson.vieclam.core.Language
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.theme.VieclamTheme

const val WIDTH_PX = 1080
const val HEIGHT_PX = 2340

/** Pixels per dp of the phone rendered: 1080 px / 2.625 = 411 dp wide. */
const val DENSITY = 2.625f

/** The smallest tap target a screen may have, in dp (Android's guideline, and the `ui` module's `MinTouchTarget`). */
const val MIN_TARGET_DP = 48f

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

/**
 * The app's English labels: `android/app`'s `values-en/strings.xml` (`-Dvieclam.strings.en`) mapped onto [UiStrings]
 * by name (`signInTitle` is `sign_in_title`), as the app's `Strings.kt` does. Every label must have its English.
 */
val englishStrings: UiStrings by lazy {
    val file = File(System.getProperty("vieclam.strings.en") ?: error("-Dvieclam.strings.en is not set"))
    val doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file)
    val elements = doc.getElementsByTagName("string")
    val byName = (0 until elements.length).map { elements.item(it) as Element }.associate { e ->
        // Android's escapes in string resources: \' \" \\ \n.
        e.getAttribute("name") to e.textContent.replace(Regex("""\\(.)""")) { if (it.groupValues[1] == "n") "\n" else it.groupValues[1] }
    }
    val english = UiStrings.Vi.copy()
    for (field in UiStrings::class.java.declaredFields) {
        if (java.lang.reflect.Modifier.isStatic(field.modifiers) || field.type != String::class.java) continue
        val name = field.name.replace(Regex("[A-Z]")) { "_" + it.value.lowercase() }
        val value = byName[name] ?: error("${file.path} has no <string name=\"$name\"> for UiStrings.${field.name}")
        field.isAccessible = true
        field.set(english, value)
    }
    check(english.signIn != UiStrings.Vi.signIn) { "English labels were not read" }
    english
}

/** How a screen is shown: its language (the core's records and the `ui`'s labels) and font scale, and the PNG's name. */
enum class Variant(val suffix: String, val language: Language, val fontScale: Float) {
    /** Vietnamese, the default: `NN-name.png`. */
    VI("", Language.VI, 1f),

    /** English: `NN-name.en.png`. */
    EN(".en", Language.EN, 1f),

    /** Vietnamese at the system's largest font scale (200 %): `NN-name.font2.png`. */
    FONT2(".font2", Language.VI, 2f);

    val strings: UiStrings get() = if (language == Language.EN) englishStrings else UiStrings.Vi

    /** The `ui`'s language code, as the app passes it. */
    val code: String get() = if (language == Language.EN) "en" else "vi"
}

/**
 * One node of a rendered screen's unmerged semantics tree: its texts (text, field text, content description, error,
 * state), whether it has a click action, and its layout box in dp, unclipped (content scrolled out of view included).
 */
data class Node(
    val texts: List<String>,
    val clickable: Boolean,
    val x: Float,
    val y: Float,
    val width: Float,
    val height: Float,
    val label: String,
) {
    val hasText: Boolean get() = texts.any { it.isNotBlank() }
}

/** A rendered screen: its PNG, the semantics tree as it was drawn, and the image's ink. */
class Screen(val png: File, val density: Density, val widthDp: Float, val nodes: List<Node>, val ink: Ink)

private fun SemanticsNode.ownTexts(): List<String> {
    val c = config
    return buildList {
        c.getOrNull(SemanticsProperties.Text)?.forEach { add(it.text) }
        c.getOrNull(SemanticsProperties.EditableText)?.let { add(it.text) }
        c.getOrNull(SemanticsProperties.ContentDescription)?.let { addAll(it) }
        c.getOrNull(SemanticsProperties.Error)?.let { add(it) }
        c.getOrNull(SemanticsProperties.StateDescription)?.let { add(it) }
    }
}

/** The node's texts and its descendants', to name a node (a button's click node holds no text itself). */
private fun SemanticsNode.deepTexts(): List<String> = ownTexts() + children.flatMap { it.deepTexts() }

private fun SemanticsNode.snapshot(density: Density): Node {
    val at = positionInRoot
    val px = density.density
    val label = deepTexts().filter { it.isNotBlank() }.joinToString(" | ").let { if (it.length > 80) it.take(77) + "…" else it }
    return Node(
        ownTexts(), SemanticsActions.OnClick in config,
        at.x / px, at.y / px, size.width / px, size.height / px, label,
    )
}

/**
 * Renders `content` in the app theme at phone size and `fontScale`, writes `screenshotDir/name.png` and returns it
 * with a snapshot of the semantics tree and the image's ink. A plain `ImageComposeScene`, not `runComposeUiTest`:
 * the same scene and semantics owner, without the test clock's ~0.1 s of idling per screen.
 */
fun renderScreen(name: String, fontScale: Float, content: @Composable () -> Unit): Screen {
    val density = Density(DENSITY, fontScale)
    val scene = ImageComposeScene(WIDTH_PX, HEIGHT_PX, density) { VieclamTheme(noto) { content() } }
    try {
        val image = scene.render()
        val bytes = image.encodeToData(EncodedImageFormat.PNG)?.bytes ?: error("$name: PNG encoding failed")
        screenshotDir.mkdirs()
        val png = File(screenshotDir, "$name.png").also { it.writeBytes(bytes) }
        val nodes = scene.roots.flatMap { it.semanticsOwner.getAllSemanticsNodes(mergingEnabled = false) }
        return Screen(png, density, WIDTH_PX / DENSITY, nodes.map { it.snapshot(density) }, ink(image))
    } finally {
        scene.close()
    }
}

/** A raw key (`purpose_kept`, `domestic_job`) as a whole word: lower-case ASCII words joined by underscores. */
val RAW_KEY = Regex("""(?<![\p{L}\p{N}_])[a-z]+_[a-z_]+(?![\p{L}\p{N}_])""")

/**
 * What a person would miss on `screen`, one line each: a text of `mustShow` absent (or laid out with no room), a raw
 * key shown, a tap target under 48 × 48 dp, a text squeezed to nothing or running off the screen's sides.
 */
fun problems(screen: Screen, mustShow: List<String>): List<String> {
    val name = screen.png.name
    val out = mutableListOf<String>()
    if (screen.nodes.none { it.hasText }) out += "$name: its semantics tree holds no text"
    for (want in mustShow.filter { it.isNotBlank() }) {
        val holders = screen.nodes.filter { n -> n.texts.any { it.contains(want) } }
        if (holders.isEmpty()) out += "$name: \"$want\" is not shown"
        else if (holders.none { it.width > 0f && it.height > 0f }) out += "$name: \"$want\" has no room (${holders.first().width} × ${holders.first().height} dp)"
    }
    for (n in screen.nodes) for (t in n.texts) RAW_KEY.find(t)?.let { out += "$name: raw key \"${it.value}\" shown in \"$t\"" }
    for (n in screen.nodes.filter { it.clickable }) {
        if (n.width < MIN_TARGET_DP - 0.01f || n.height < MIN_TARGET_DP - 0.01f) {
            out += "$name: tap target \"${n.label}\" is %.1f × %.1f dp, under %.0f × %.0f dp".format(n.width, n.height, MIN_TARGET_DP, MIN_TARGET_DP)
        }
    }
    for (n in screen.nodes.filter { it.hasText }) {
        if (n.width <= 0f || n.height <= 0f) out += "$name: \"${n.label}\" is squeezed to %.1f × %.1f dp".format(n.width, n.height)
        else if (n.x < -0.5f || n.x + n.width > screen.widthDp + 0.5f) {
            out += "$name: \"${n.label}\" runs off the screen (x %.1f to %.1f dp of %.0f)".format(n.x, n.x + n.width, screen.widthDp)
        }
    }
    return out
}

/** What a PNG holds, to tell a drawn screen from a blank one. */
data class Ink(val width: Int, val height: Int, val colours: Int, val inkedFraction: Double)

/** Measures a rendered image: distinct colours and the share of pixels unlike the bottom-right background. */
fun ink(image: Image): Ink {
    val pixels = Bitmap.makeFromImage(image).readPixels() ?: error("the image's pixels cannot be read")
    fun at(x: Int, y: Int): Int {
        val i = (y * image.width + x) * 4
        return (pixels[i].toInt() and 0xFF) or ((pixels[i + 1].toInt() and 0xFF) shl 8) or
            ((pixels[i + 2].toInt() and 0xFF) shl 16) or ((pixels[i + 3].toInt() and 0xFF) shl 24)
    }
    val colours = HashSet<Int>()
    var inked = 0L
    val background = at(image.width - 1, image.height - 1)
    for (y in 0 until image.height step 2) for (x in 0 until image.width step 2) {
        val rgb = at(x, y)
        colours.add(rgb)
        if (rgb != background) inked++
    }
    return Ink(image.width, image.height, colours.size, inked.toDouble() / ((image.width / 2) * (image.height / 2)))
}
