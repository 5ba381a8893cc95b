//! Reminders before due dates: the core's reminder lines of every loan the borrower holds (from `loanDetail`
//! with the reminder window), the same text the app posts as notifications.
package vn.gov.langson.vieclam.ui.borrower

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.common.RowCard
import vn.gov.langson.vieclam.ui.common.ScreenFrame

/** One loan's reminders: the loan's title and its lines. */
data class LoanReminders(val loanId: String, val loanTitle: String, val lines: List<String>)

/** Every reminder, by loan; tapping one opens the loan. */
@Composable
fun RemindersScreen(reminders: List<LoanReminders>, strings: UiStrings, onLoan: (String) -> Unit) {
    ScreenFrame(strings.remindersTitle) {
        val due = reminders.filter { it.lines.isNotEmpty() }
        if (due.isEmpty()) Text(strings.noReminders, style = MaterialTheme.typography.bodyLarge)
        for (r in due) {
            RowCard(onClick = { onLoan(r.loanId) }) {
                Text(r.loanTitle, style = MaterialTheme.typography.titleSmall)
                for (line in r.lines) Text(line, style = MaterialTheme.typography.bodyLarge)
            }
        }
    }
}
