//! Walking a plot's boundary: while walking, the count of fixes taken; when done, the core's measured plot, recorded
//! on the check (`recordWalk`): its outline, area in hectares and perimeter beside the area the loan funded, and the
//! comparison in words.
package vn.gov.langson.vieclam.ui.inspector

import androidx.compose.foundation.Canvas
import androidx.compose.foundation.layout.aspectRatio
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.Path
import androidx.compose.ui.graphics.drawscope.Stroke
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import kotlin.math.cos
import vn.gov.langson.vieclam.core.WalkedPlot
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.common.LabeledRow
import vn.gov.langson.vieclam.ui.common.PrimaryButton
import vn.gov.langson.vieclam.ui.common.ScreenFrame

/**
 * The walk as drawn: fixes so far while `walking`, the measured plot once done, the funded area's text, and the
 * core's sentence comparing the two once the walk is recorded on the check.
 */
data class PlotWalkUi(
    val walking: Boolean,
    val fixesText: String,
    val plot: WalkedPlot?,
    val areaText: String?,
    val perimeterText: String?,
    val fundedAreaText: String?,
    val verdictText: String? = null,
)

/** Start or stop the walk; the result is drawn to scale under the figures. */
@Composable
fun PlotWalkScreen(walk: PlotWalkUi, strings: UiStrings, onStart: () -> Unit, onStop: () -> Unit, onBack: () -> Unit) {
    ScreenFrame(strings.walkTitle, onBack = onBack, backLabel = strings.back) {
        Text(walk.fixesText, style = MaterialTheme.typography.bodyLarge)
        if (walk.walking) PrimaryButton(strings.walkStop, onStop) else PrimaryButton(strings.walkStart, onStart)
        walk.plot?.let { plot ->
            Text(plot.message, style = MaterialTheme.typography.titleMedium)
            walk.areaText?.let { LabeledRow(strings.walkedArea, it) }
            walk.fundedAreaText?.let { LabeledRow(strings.fundedArea, it) }
            walk.perimeterText?.let { LabeledRow(strings.perimeter, it) }
            walk.verdictText?.let { Text(it, style = MaterialTheme.typography.bodyLarge) }
            PlotOutline(plot, walk.areaText ?: "")
        }
    }
}

@Composable
private fun PlotOutline(plot: WalkedPlot, description: String) {
    val primary = MaterialTheme.colorScheme.primary
    Canvas(Modifier.fillMaxWidth().aspectRatio(1f).semantics { contentDescription = description }) {
        if (plot.ring.size < 3) return@Canvas
        val lat0 = plot.ring.map { it.lat }.average()
        val kx = cos(Math.toRadians(lat0))
        val xs = plot.ring.map { it.lon * kx }
        val ys = plot.ring.map { -it.lat }
        val span = maxOf(xs.max() - xs.min(), ys.max() - ys.min(), 1e-9)
        val scale = size.minDimension * 0.85f / span.toFloat()
        fun at(i: Int) = Offset(
            ((xs[i] - xs.min()) * scale).toFloat() + size.minDimension * 0.075f,
            ((ys[i] - ys.min()) * scale).toFloat() + size.minDimension * 0.075f,
        )
        val path = Path().apply {
            moveTo(at(0).x, at(0).y)
            for (i in 1 until plot.ring.size) lineTo(at(i).x, at(i).y)
            close()
        }
        drawRect(Color(0xFFF1F4F9))
        drawPath(path, primary.copy(alpha = 0.2f))
        drawPath(path, primary, style = Stroke(6f))
    }
}
