//! The borrower's loans (or an inspector's search result): the core's `LoanList`, one card per loan with its
//! outstanding principal and state; an overdue loan is drawn in red.
package vn.gov.langson.vieclam.ui.borrower

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import vn.gov.langson.vieclam.core.LoanList
import vn.gov.langson.vieclam.core.loanStateTone
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.common.LabeledRow
import vn.gov.langson.vieclam.ui.common.RowCard
import vn.gov.langson.vieclam.ui.common.ScreenFrame
import vn.gov.langson.vieclam.ui.theme.StatusColors

/** The list; tapping a loan opens its detail by id. */
@Composable
fun LoansScreen(list: LoanList, strings: UiStrings, onLoan: (String) -> Unit) {
    ScreenFrame(list.title.ifBlank { strings.loansTitle }) {
        if (list.rows.isEmpty()) Text(list.emptyText, style = MaterialTheme.typography.bodyLarge)
        for (row in list.rows) {
            RowCard(onClick = { onLoan(row.loanId) }) {
                Text(row.borrowerName, style = MaterialTheme.typography.titleMedium)
                Text("${row.agreementNo} · ${row.communeName}", style = MaterialTheme.typography.bodyMedium)
                val colour = StatusColors.of(loanStateTone(row.state), MaterialTheme.colorScheme.onSurface)
                LabeledRow(row.stateText, row.outstandingText, colour)
            }
        }
    }
}
