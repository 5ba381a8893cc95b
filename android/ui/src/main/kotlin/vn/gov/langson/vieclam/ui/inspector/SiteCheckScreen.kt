//! The site-check flow on one screen, top to bottom as the inspector works: the fix and the core's verdict
//! (at the site, near, away, too poor a fix), the check's fields, the checklist (the borrower's opinions are its
//! free-text questions), the photos with their flags, and the finish button the core allows once nothing required
//! is missing. A finished check is locked and shown read-only.
package vn.gov.langson.vieclam.ui.inspector

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import vn.gov.langson.vieclam.core.AccuracyLevel
import vn.gov.langson.vieclam.core.AnswerInput
import vn.gov.langson.vieclam.core.CheckDetail
import vn.gov.langson.vieclam.core.Place
import vn.gov.langson.vieclam.core.Question
import vn.gov.langson.vieclam.core.VerdictView
import vn.gov.langson.vieclam.core.placeTone
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.common.FieldsCard
import vn.gov.langson.vieclam.ui.common.PrimaryButton
import vn.gov.langson.vieclam.ui.common.RowCard
import vn.gov.langson.vieclam.ui.common.ScreenFrame
import vn.gov.langson.vieclam.ui.common.SecondaryButton
import vn.gov.langson.vieclam.ui.common.SectionTitle
import vn.gov.langson.vieclam.ui.theme.StatusColors

/** What the inspector did during a check. */
sealed interface CheckAction {
    /** Typed text not yet sent, by question key. */
    data class Draft(val key: String, val text: String) : CheckAction

    /** An answer to send to the core (`answerCheck`). */
    data class Answer(val key: String, val value: AnswerInput) : CheckAction

    /** Open the camera (never the gallery: evidence must be taken here and now). */
    object TakePhoto : CheckAction

    /** Walk the site's plot boundary. */
    object WalkPlot : CheckAction

    /** Finish and lock the check (`finishCheck`). */
    object Finish : CheckAction

    /** Leave the screen. */
    object Back : CheckAction
}

/** A check in progress (or finished); `verdict` is the core's judgement of the latest fix, if any. */
@Composable
fun SiteCheckScreen(
    check: CheckDetail,
    verdict: VerdictView?,
    questions: List<Question>,
    drafts: Map<String, String>,
    strings: UiStrings,
    onAction: (CheckAction) -> Unit,
) {
    ScreenFrame(check.title, onBack = { onAction(CheckAction.Back) }, backLabel = strings.back) {
        verdict?.let { VerdictCard(it, strings) }
        FieldsCard(check.fields)
        SectionTitle(strings.checklist)
        ChecklistEditor(
            questions, check.answers, drafts, check.locked, strings,
            onDraft = { k, t -> onAction(CheckAction.Draft(k, t)) },
            onAnswer = { k, v -> onAction(CheckAction.Answer(k, v)) },
        )
        SectionTitle("${strings.photos} (${check.photos.size})")
        for (p in check.photos) {
            RowCard(onClick = null) {
                Text(p.takenText, style = MaterialTheme.typography.titleSmall)
                Text(p.dimensionsText, style = MaterialTheme.typography.bodyMedium)
                for (flag in p.flagsText) Text("⚠ $flag", color = StatusColors.bad, style = MaterialTheme.typography.bodyMedium)
            }
        }
        if (!check.locked) {
            SecondaryButton(strings.takePhoto, { onAction(CheckAction.TakePhoto) })
            SecondaryButton(strings.walkTitle, { onAction(CheckAction.WalkPlot) })
            // The core's sentence names the questions by their labels ("Còn thiếu: …"), never by their keys.
            check.missingText?.let { missing ->
                Text(
                    missing,
                    color = StatusColors.warn,
                    style = MaterialTheme.typography.bodyMedium,
                )
            }
            PrimaryButton(strings.finishCheck, { onAction(CheckAction.Finish) }, enabled = check.canFinish)
        }
    }
}

/** The colour a place is drawn in, by the core's tone of it (`placeTone`). */
fun placeColor(place: Place): Color = StatusColors.of(placeTone(place), StatusColors.warn)

/** The verdict in words from the core, on a card coloured by the place; announced when it changes. */
@Composable
fun VerdictCard(verdict: VerdictView, strings: UiStrings) {
    val colour = placeColor(verdict.verdict.place)
    Card(
        Modifier.fillMaxWidth().semantics { liveRegion = LiveRegionMode.Polite },
        colors = CardDefaults.cardColors(containerColor = colour, contentColor = Color.White),
    ) {
        Column(Modifier.padding(16.dp)) {
            Text(strings.locationFix, style = MaterialTheme.typography.labelMedium)
            Text(verdict.message, style = MaterialTheme.typography.titleLarge)
            val accuracyNote = if (verdict.verdict.accuracyLevel == AccuracyLevel.GOOD) "" else " ⚠"
            Text(verdict.accuracyMessage + accuracyNote, style = MaterialTheme.typography.bodyLarge)
            verdict.communeMessage?.let { Text(it, style = MaterialTheme.typography.bodyLarge) }
        }
    }
}
