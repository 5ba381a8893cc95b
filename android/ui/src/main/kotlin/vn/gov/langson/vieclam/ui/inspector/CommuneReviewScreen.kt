//! The commune review (đánh giá tại xã) of one plan's commune: the inspector's own review to edit (the meeting day,
//! under each heading of the report a rating and text, the attendees, opinions heard and recommendations), saved
//! through the core (`saveReview`: validated, signed, sent at the next sync), and below it what the whole team has
//! written, merged by the core (`mergedReview`), every contributor's words side by side. The screen only draws and
//! reports edits: the app holds the review being edited and the core's problems with it, which the core has already
//! sorted under the form's parts (`reviewFormProblems`); a rating or a text typed goes through the core's
//! `reviewWithRating` / `reviewWithText`, which decide what an unrated heading is and keep the report's order.
package vn.gov.langson.vieclam.ui.inspector

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.sizeIn
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.selection.selectableGroup
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.unit.dp
import vn.gov.langson.vieclam.core.MergedReviewView
import vn.gov.langson.vieclam.core.MyReview
import vn.gov.langson.vieclam.core.ReviewAttendee
import vn.gov.langson.vieclam.core.ReviewFormProblems
import vn.gov.langson.vieclam.core.ReviewHeading
import vn.gov.langson.vieclam.core.ReviewListProblems
import vn.gov.langson.vieclam.core.ReviewOpinion
import vn.gov.langson.vieclam.core.ReviewRating
import vn.gov.langson.vieclam.core.ReviewRatingOption
import vn.gov.langson.vieclam.core.ReviewRecommendation
import vn.gov.langson.vieclam.core.ratingTone
import vn.gov.langson.vieclam.core.reviewWithRating
import vn.gov.langson.vieclam.core.reviewWithText
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.common.PrimaryButton
import vn.gov.langson.vieclam.ui.common.RowCard
import vn.gov.langson.vieclam.ui.common.ScreenFrame
import vn.gov.langson.vieclam.ui.common.SecondaryButton
import vn.gov.langson.vieclam.ui.common.SectionTitle
import vn.gov.langson.vieclam.ui.common.TextInput
import vn.gov.langson.vieclam.ui.common.WrapRow
import vn.gov.langson.vieclam.ui.theme.MinTouchTarget
import vn.gov.langson.vieclam.ui.theme.StatusColors

/** What the review form needs besides the review itself: the core's headings and ratings in the app's language,
 *  and the core's problems with the last save, sorted under the form's parts and worded in that language. */
data class ReviewForm(
    val headings: List<ReviewHeading>,
    val ratings: List<ReviewRatingOption>,
    val problems: ReviewFormProblems,
)

/** The inspector's review of one commune, and the team's merged. */
@Composable
fun CommuneReviewScreen(
    mine: MyReview,
    team: MergedReviewView,
    form: ReviewForm,
    strings: UiStrings,
    onChange: (MyReview) -> Unit,
    onSave: () -> Unit,
    onBack: () -> Unit,
) {
    ScreenFrame("${team.title} — ${team.communeName}", onBack = onBack, backLabel = strings.back) {
        SectionTitle(strings.reviewMine)
        for (other in form.problems.other) Problem(other)
        TextInput(mine.heldOn, { onChange(mine.copy(heldOn = it)) }, strings.reviewHeldOn)
        Problem(form.problems.heldOn)
        for (h in form.headings) {
            val note = mine.notes.firstOrNull { it.key == h.key }
            RowCard(onClick = null) {
                Text(h.label, style = MaterialTheme.typography.titleSmall)
                Text(h.hint, style = MaterialTheme.typography.bodySmall, color = MaterialTheme.colorScheme.onSurfaceVariant)
                Ratings(form.ratings, note?.rating) { rating -> onChange(reviewWithRating(mine, h.key, rating)) }
                OutlinedTextField(
                    value = note?.text ?: "",
                    onValueChange = { text -> onChange(reviewWithText(mine, h.key, text)) },
                    modifier = Modifier.fillMaxWidth().heightIn(min = 96.dp),
                )
                Problem(form.problems.headings.firstOrNull { it.key == h.key }?.message)
            }
        }
        Pairs(
            strings.reviewAttendees, strings.reviewName, strings.reviewRole, form.problems.attendees, strings,
            mine.attendees.map { it.name to it.role },
        ) { list -> onChange(mine.copy(attendees = list.map { ReviewAttendee(it.first, it.second) })) }
        Pairs(
            strings.reviewOpinions, strings.reviewWho, strings.reviewWhat, form.problems.opinions, strings,
            mine.opinions.map { it.who to it.what },
        ) { list -> onChange(mine.copy(opinions = list.map { ReviewOpinion(it.first, it.second) })) }
        Pairs(
            strings.reviewRecommendations, strings.reviewTo, strings.reviewWhat, form.problems.recommendations, strings,
            mine.recommendations.map { it.to to it.what },
        ) { list -> onChange(mine.copy(recommendations = list.map { ReviewRecommendation(it.first, it.second) })) }
        PrimaryButton(strings.reviewSave, onSave)

        SectionTitle(strings.reviewTeam)
        if (team.contributors == 0u) Text(team.emptyText, style = MaterialTheme.typography.bodyLarge)
        for (h in team.headings) {
            if (h.contributions.isEmpty()) continue
            RowCard(onClick = null) {
                Text(h.label, style = MaterialTheme.typography.titleSmall)
                for (c in h.contributions) {
                    val colour = StatusColors.of(ratingTone(c.rating), MaterialTheme.colorScheme.onSurface)
                    Text("${c.author} · ${c.ratingLabel}", style = MaterialTheme.typography.labelLarge, color = colour)
                    if (c.text.isNotBlank()) Text(c.text, style = MaterialTheme.typography.bodyMedium)
                }
            }
        }
        for ((title, lines) in listOf(
            strings.reviewAttendees to team.attendees.map { "${it.name} — ${it.role}" },
            strings.reviewOpinions to team.opinions.map { "${it.who}: ${it.what}" },
            strings.reviewRecommendations to team.recommendations.map { "${it.to}: ${it.what}" },
        )) {
            if (lines.isEmpty()) continue
            Text(title, style = MaterialTheme.typography.titleSmall)
            for (line in lines) Text("• $line", style = MaterialTheme.typography.bodyMedium)
        }
    }
}

/** The core's sentence for a problem found here, if any. */
@Composable
private fun Problem(message: String?) {
    if (message != null) Text(message, color = StatusColors.bad, style = MaterialTheme.typography.bodySmall)
}

/** The ratings as radio buttons side by side, wrapping onto more lines when they do not fit (English, large type);
 *  each at least a 48 × 48 dp target, even a short label ("Tốt"). */
@Composable
private fun Ratings(options: List<ReviewRatingOption>, current: ReviewRating?, onPick: (ReviewRating) -> Unit) {
    WrapRow(Modifier.fillMaxWidth().selectableGroup(), spacing = 4.dp) {
        for (o in options) {
            Row(
                Modifier.sizeIn(minWidth = MinTouchTarget, minHeight = MinTouchTarget)
                    .selectable(selected = o.rating == current, role = Role.RadioButton, onClick = { onPick(o.rating) })
                    .padding(end = 8.dp),
                verticalAlignment = Alignment.CenterVertically,
            ) {
                RadioButton(selected = o.rating == current, onClick = null)
                Text(o.label, style = MaterialTheme.typography.bodyMedium)
            }
        }
    }
}

/** A list of two-part items (name and function, who and what, to whom and what), edited in place. */
@Composable
private fun Pairs(
    title: String,
    firstLabel: String,
    secondLabel: String,
    problems: ReviewListProblems,
    strings: UiStrings,
    items: List<Pair<String, String>>,
    onItems: (List<Pair<String, String>>) -> Unit,
) {
    SectionTitle(title)
    Problem(problems.whole)
    items.forEachIndexed { i, (first, second) ->
        val itemProblems = problems.items.getOrNull(i)
        RowCard(onClick = null) {
            Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
                TextInput(first, { v -> onItems(items.toMutableList().also { it[i] = v to second }) }, firstLabel)
                Problem(itemProblems?.first)
                TextInput(second, { v -> onItems(items.toMutableList().also { it[i] = first to v }) }, secondLabel, singleLine = false)
                Problem(itemProblems?.second)
                SecondaryButton(strings.reviewRemove, { onItems(items.filterIndexed { j, _ -> j != i }) })
            }
        }
    }
    SecondaryButton(strings.reviewAdd, { onItems(items + ("" to "")) })
}
