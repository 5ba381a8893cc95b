//! The app's look: a high-contrast Material 3 scheme that stays readable in bright sun, large type, and one
//! font family for every style (the caller passes one that carries every Vietnamese glyph; the platform default
//! does on Android and iOS, the screenshot tests bundle Noto Sans).
package vn.gov.langson.vieclam.ui.theme

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Typography
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.graphics.Color
import vn.gov.langson.vieclam.core.Tone
import androidx.compose.ui.text.TextStyle
import androidx.compose.ui.text.font.FontFamily
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.dp
import androidx.compose.ui.unit.sp

/** Colours for findings that must stand out: dark enough on white for WCAG AAA text contrast (≥ 7:1). */
object StatusColors {
    /** At the site, paid, synced. */
    val good = Color(0xFF0B5D1E)

    /** Near the site, a fair fix, due soon. */
    val warn = Color(0xFF7A4A00)

    /** Away, overdue, rejected. */
    val bad = Color(0xFF9B1111)

    /**
     * The colour of a tone the core gave (`loanStateTone`, `applicationTone`, `placeTone`, `ratingTone`): which
     * states are good or bad is the core's judgement; the screen only picks the colour. [Tone.NEUTRAL] is `plain`.
     */
    fun of(tone: Tone, plain: Color): Color = when (tone) {
        Tone.GOOD -> good
        Tone.CAUTION -> warn
        Tone.BAD -> bad
        Tone.NEUTRAL -> plain
    }
}

/** The smallest touch target on every platform (Android's guideline; Apple asks 44 pt). */
val MinTouchTarget = 48.dp

// Deep blue on white: the contrast ratio of primary text on the background is above 12:1.
private val scheme = lightColorScheme(
    primary = Color(0xFF0B3D91),
    onPrimary = Color.White,
    primaryContainer = Color(0xFFD6E2FF),
    onPrimaryContainer = Color(0xFF001A43),
    secondary = Color(0xFF3B4A63),
    onSecondary = Color.White,
    surface = Color.White,
    onSurface = Color(0xFF111418),
    surfaceVariant = Color(0xFFE8ECF3),
    onSurfaceVariant = Color(0xFF2A3140),
    background = Color.White,
    onBackground = Color(0xFF111418),
    error = Color(0xFF9B1111),
    onError = Color.White,
    outline = Color(0xFF4A5468),
)

private fun typography(family: FontFamily): Typography {
    fun style(size: Int, weight: FontWeight, line: Int) =
        TextStyle(fontFamily = family, fontWeight = weight, fontSize = size.sp, lineHeight = line.sp)
    return Typography(
        headlineSmall = style(24, FontWeight.Bold, 32),
        titleLarge = style(22, FontWeight.Bold, 28),
        titleMedium = style(18, FontWeight.Bold, 24),
        titleSmall = style(16, FontWeight.Medium, 22),
        bodyLarge = style(17, FontWeight.Normal, 24),
        bodyMedium = style(15, FontWeight.Normal, 21),
        bodySmall = style(14, FontWeight.Normal, 19),
        labelLarge = style(16, FontWeight.Medium, 22),
        labelMedium = style(14, FontWeight.Medium, 19),
    )
}

/** Wraps a screen in the app's colours and type; `fontFamily` must draw every Vietnamese letter. */
@Composable
fun VieclamTheme(fontFamily: FontFamily = FontFamily.Default, content: @Composable () -> Unit) {
    MaterialTheme(colorScheme = scheme, typography = typography(fontFamily), content = content)
}
