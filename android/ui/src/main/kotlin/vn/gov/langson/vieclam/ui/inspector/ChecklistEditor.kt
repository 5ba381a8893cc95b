//! The checklist of a site check: one editor per question, by its kind (yes/no, number, choice, text), showing
//! the answer the core holds. Typed text stays in the app's drafts until it parses (a number) or the person moves
//! on; the core checks ranges and required answers and says what is missing.
package vn.gov.langson.vieclam.ui.inspector

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import vn.gov.langson.vieclam.core.AnswerInput
import vn.gov.langson.vieclam.core.AnswerRow
import vn.gov.langson.vieclam.core.Question
import vn.gov.langson.vieclam.core.QuestionKind
import vn.gov.langson.vieclam.core.parseNumber
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.common.RowCard
import vn.gov.langson.vieclam.ui.common.TextInput
import vn.gov.langson.vieclam.ui.theme.MinTouchTarget
import vn.gov.langson.vieclam.ui.theme.StatusColors

/** Every question with its editor; `drafts` holds text typed but not yet sent, by question key. */
@Composable
fun ChecklistEditor(
    questions: List<Question>,
    answers: List<AnswerRow>,
    drafts: Map<String, String>,
    locked: Boolean,
    strings: UiStrings,
    onDraft: (key: String, text: String) -> Unit,
    onAnswer: (key: String, value: AnswerInput) -> Unit,
) {
    val byKey = answers.associateBy { it.key }
    for (q in questions) {
        val answer = byKey[q.key]
        RowCard(onClick = null) {
            Text(q.prompt + if (q.required) " *" else "", style = MaterialTheme.typography.titleSmall)
            val shown = answer?.takeIf { it.answered }?.valueText ?: strings.notAnswered
            Text(shown, color = if (answer?.misuseFound == true) StatusColors.bad else MaterialTheme.colorScheme.onSurfaceVariant)
            if (!locked) QuestionEditor(q, answer?.takeIf { it.answered }?.valueText, drafts[q.key], strings, { onDraft(q.key, it) }, { onAnswer(q.key, it) })
        }
    }
}

@Composable
private fun QuestionEditor(q: Question, current: String?, draft: String?, strings: UiStrings, onDraft: (String) -> Unit, onAnswer: (AnswerInput) -> Unit) {
    when (val kind = q.kind) {
        is QuestionKind.YesNo -> Options(listOf("yes" to strings.yes, "no" to strings.no), current) { onAnswer(AnswerInput.YesNo(it == "yes")) }
        is QuestionKind.Choice -> Options(kind.options.map { it.key to it.label }, current) { onAnswer(AnswerInput.Choice(it)) }
        is QuestionKind.Number -> TextInput(
            value = draft ?: "",
            onValueChange = { text ->
                onDraft(text)
                // The core reads the number as Vietnamese writes it ("1.000" is a thousand, "2,5" two and a half),
                // then checks its range and unit.
                parseNumber(text)?.let { onAnswer(AnswerInput.Number(it)) }
            },
            label = kind.unit,
            keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Decimal),
        )
        is QuestionKind.Text -> OutlinedTextField(
            value = draft ?: "",
            onValueChange = { text -> onDraft(text); onAnswer(AnswerInput.Text(text)) },
            modifier = Modifier.fillMaxWidth().heightIn(min = 96.dp),
        )
    }
}

/** Options as radio rows, each a 48 dp target announced as a radio button; the one whose label the core shows as
 *  the answer (`current`) is selected. */
@Composable
private fun Options(options: List<Pair<String, String>>, current: String?, onPick: (String) -> Unit) {
    Column(verticalArrangement = Arrangement.spacedBy(0.dp)) {
        for ((key, label) in options) {
            Row(
                Modifier.fillMaxWidth().heightIn(min = MinTouchTarget)
                    .selectable(selected = label == current, role = Role.RadioButton, onClick = { onPick(key) }),
                verticalAlignment = Alignment.CenterVertically,
            ) {
                RadioButton(selected = label == current, onClick = null)
                Text(label, style = MaterialTheme.typography.bodyLarge)
            }
        }
    }
}
