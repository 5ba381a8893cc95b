//! One loan as the core describes it (`loanDetail`): its figures (programme, amount, rate, dates, outstanding,
//! overdue, unpaid interest, relief), what is due next, the reminders, the instalment schedule and the payments.
package vn.gov.langson.vieclam.ui.borrower

import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Divider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.unit.dp
import vn.gov.langson.vieclam.core.LoanDetail
import vn.gov.langson.vieclam.core.ScheduleRow
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.common.FieldsCard
import vn.gov.langson.vieclam.ui.common.LabeledRow
import vn.gov.langson.vieclam.ui.common.ScreenFrame
import vn.gov.langson.vieclam.ui.common.SectionTitle
import vn.gov.langson.vieclam.ui.theme.StatusColors

/** The detail of one loan. */
@Composable
fun LoanDetailScreen(loan: LoanDetail, strings: UiStrings, onBack: () -> Unit) {
    ScreenFrame(loan.title, onBack = onBack, backLabel = strings.back) {
        if (loan.reminders.isNotEmpty()) {
            SectionTitle(strings.dueNext)
            for (r in loan.reminders) Text(r, color = StatusColors.warn, style = MaterialTheme.typography.titleSmall)
        }
        FieldsCard(loan.fields)
        SectionTitle(loan.scheduleTitle)
        for (row in loan.schedule) ScheduleLine(row)
        if (loan.payments.isNotEmpty()) {
            SectionTitle(loan.paymentsTitle)
            for (p in loan.payments) LabeledRow(p.dateText, "${p.principalText} + ${p.interestText}")
        }
    }
}

/** One instalment: number and date, amount, and its state in words; read out as one sentence. */
@Composable
private fun ScheduleLine(row: ScheduleRow) {
    val sentence = "${row.seq}. ${row.dueText}: ${row.amountText}, ${row.statusText}"
    Row(Modifier.fillMaxWidth().padding(vertical = 6.dp).clearAndSetSemantics { contentDescription = sentence }) {
        Text("${row.seq}. ${row.dueText}", style = MaterialTheme.typography.bodyMedium, modifier = Modifier.weight(1.1f))
        Text(row.amountText, style = MaterialTheme.typography.bodyMedium, modifier = Modifier.weight(1f))
        Text(row.statusText, style = MaterialTheme.typography.bodySmall, modifier = Modifier.weight(1f))
    }
    Divider()
}
