//! The commune inspection minutes (biên bản) as the core drafts them (`communeMinutes`): the heading, the plan,
//! dates and team, sections I–V with their figures and paragraphs, and the signature blocks. Export hands the
//! record's printable HTML to the platform (print or share); the screen only draws.
package vn.gov.langson.vieclam.ui.inspector

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import vn.gov.langson.vieclam.core.CommuneMinutes
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.common.FieldsCard
import vn.gov.langson.vieclam.ui.common.LabeledRow
import vn.gov.langson.vieclam.ui.common.PrimaryButton
import vn.gov.langson.vieclam.ui.common.ScreenFrame
import vn.gov.langson.vieclam.ui.common.SecondaryButton
import vn.gov.langson.vieclam.ui.common.SectionTitle

/** The minutes of one commune, with an export button (and, given `onReview`, a way to the commune's review). */
@Composable
fun MinutesScreen(
    minutes: CommuneMinutes,
    strings: UiStrings,
    onExport: () -> Unit,
    onBack: () -> Unit,
    onReview: (() -> Unit)? = null,
) {
    ScreenFrame(strings.minutesTitle, onBack = onBack, backLabel = strings.back) {
        Text(minutes.title, style = MaterialTheme.typography.titleLarge)
        Text(minutes.subject, style = MaterialTheme.typography.bodyLarge)
        FieldsCard(minutes.header)
        for (s in minutes.sections) {
            SectionTitle(s.title)
            if (s.items.isNotEmpty()) FieldsCard(s.items)
            for (line in s.lines) Text(line, style = MaterialTheme.typography.bodyLarge)
        }
        for (sig in minutes.signatures) LabeledRow(sig.who, sig.hint)
        PrimaryButton(strings.exportMinutes, onExport)
        if (onReview != null) SecondaryButton(strings.reviewOpen, onReview)
    }
}
