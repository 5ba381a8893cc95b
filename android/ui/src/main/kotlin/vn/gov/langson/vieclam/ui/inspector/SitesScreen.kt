//! Sites nearest the inspector, as a list or as a map, both in the core's order (nearest first). The map is a
//! plain canvas of the sites around "you are here", to scale, with no tiles: it works with no coverage at all,
//! and a tiled map (osmdroid / MapKit) can be layered under it by the app where tiles are cached.
package vn.gov.langson.vieclam.ui.inspector

import androidx.compose.foundation.Canvas
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.aspectRatio
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.drawscope.Stroke
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import kotlin.math.cos
import kotlin.math.max
import vn.gov.langson.vieclam.core.SiteRow
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.common.PrimaryButton
import vn.gov.langson.vieclam.ui.common.RowCard
import vn.gov.langson.vieclam.ui.common.ScreenFrame
import vn.gov.langson.vieclam.ui.common.SecondaryButton

/** Where the inspector stands, from the last fix. */
data class Here(val lat: Double, val lon: Double)

/** Sites nearest `here`, as a list (`showMap` false) or a map; tapping a site opens it. */
@Composable
fun SitesScreen(
    sites: List<SiteRow>,
    here: Here,
    showMap: Boolean,
    strings: UiStrings,
    onToggleMap: (Boolean) -> Unit,
    onSite: (SiteRow) -> Unit,
) {
    ScreenFrame(strings.sitesTitle) {
        Row(Modifier.fillMaxWidth(), horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            Row(Modifier.weight(1f)) {
                if (showMap) SecondaryButton(strings.showList, { onToggleMap(false) })
                else PrimaryButton(strings.showList, {})
            }
            Row(Modifier.weight(1f)) {
                if (showMap) PrimaryButton(strings.showMap, {})
                else SecondaryButton(strings.showMap, { onToggleMap(true) })
            }
        }
        if (showMap) SitesMap(sites, here, strings.youAreHere)
        for (s in sites) {
            RowCard(onClick = { onSite(s) }) {
                Text(s.borrowerName, style = MaterialTheme.typography.titleMedium)
                Text("${s.modelText} · ${s.communeName}", style = MaterialTheme.typography.bodyMedium)
                Text(s.distanceText, style = MaterialTheme.typography.titleSmall, color = MaterialTheme.colorScheme.primary)
            }
        }
    }
}

/** A square canvas centred on `here`, scaled so the farthest site fits; each site a numbered dot. */
@Composable
private fun SitesMap(sites: List<SiteRow>, here: Here, hereLabel: String) {
    val primary = MaterialTheme.colorScheme.primary
    val description = "$hereLabel; " + sites.joinToString("; ") { "${it.borrowerName}, ${it.distanceText}" }
    Canvas(Modifier.fillMaxWidth().aspectRatio(1f).semantics { contentDescription = description }) {
        // Equirectangular offsets in metres are exact enough within the few kilometres shown.
        val mPerDegLat = 111_320.0
        val mPerDegLon = mPerDegLat * cos(Math.toRadians(here.lat))
        val offsets = sites.map { Offset(((it.lon - here.lon) * mPerDegLon).toFloat(), ((here.lat - it.lat) * mPerDegLat).toFloat()) }
        val reach = max(1f, offsets.maxOfOrNull { max(kotlin.math.abs(it.x), kotlin.math.abs(it.y)) } ?: 1f)
        val scale = (size.minDimension / 2f * 0.9f) / reach
        val centre = Offset(size.width / 2f, size.height / 2f)
        drawRect(Color(0xFFF1F4F9))
        for (ring in 1..3) drawCircle(Color(0xFFB8C2D3), radius = size.minDimension / 2f * 0.3f * ring, center = centre, style = Stroke(2f))
        for ((i, o) in offsets.withIndex()) {
            val radius = if (i == 0) 22f else 16f
            drawCircle(if (i == 0) Color(0xFF0B5D1E) else primary, radius = radius, center = centre + o * scale)
        }
        drawCircle(Color(0xFF9B1111), radius = 14f, center = centre)
        drawCircle(Color.White, radius = 6f, center = centre)
    }
}
