//! The commune inspection minutes (biên bản): the heading, the per-commune figures, findings and
//! recommendations as the core drafts them, and an export the app turns into a printable page. The bindings do
//! not return minutes yet, so the app maps them into [MinutesUi].
package vn.gov.langson.vieclam.ui.inspector

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import vn.gov.langson.vieclam.core.LabeledValue
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.common.FieldsCard
import vn.gov.langson.vieclam.ui.common.PrimaryButton
import vn.gov.langson.vieclam.ui.common.ScreenFrame
import vn.gov.langson.vieclam.ui.common.SectionTitle

/** The minutes as drawn. */
data class MinutesUi(
    val title: String,
    val figures: List<LabeledValue>,
    val findings: List<String>,
    val recommendations: List<String>,
)

/** The minutes of one commune, with an export button. */
@Composable
fun MinutesScreen(minutes: MinutesUi, strings: UiStrings, onExport: () -> Unit, onBack: () -> Unit) {
    ScreenFrame(strings.minutesTitle, onBack = onBack, backLabel = strings.back) {
        Text(minutes.title, style = MaterialTheme.typography.titleLarge)
        FieldsCard(minutes.figures)
        SectionTitle(strings.findings)
        for (f in minutes.findings) Text("• $f", style = MaterialTheme.typography.bodyLarge)
        SectionTitle(strings.recommendations)
        for (r in minutes.recommendations) Text("• $r", style = MaterialTheme.typography.bodyLarge)
        PrimaryButton(strings.exportMinutes, onExport)
    }
}
