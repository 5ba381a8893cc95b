//! The inspector's plan: team, dates and the communes to visit with how many sites each. The bindings do not
//! return a plan record yet, so the app maps what it has into [PlanUi]; the screen only draws it.
package vn.gov.langson.vieclam.ui.inspector

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.common.LabeledRow
import vn.gov.langson.vieclam.ui.common.RowCard
import vn.gov.langson.vieclam.ui.common.ScreenFrame

/** One commune of the plan: its name, the days the team is there, and a count of sites ("12 mô hình"). */
data class PlanCommuneUi(val communeCode: String, val communeName: String, val datesText: String, val sitesText: String)

/** The plan as drawn: its title ("Kế hoạch kiểm tra quý IV/2025"), team and communes. */
data class PlanUi(val title: String, val teamText: String, val communes: List<PlanCommuneUi>)

/** The plan; tapping a commune opens its sites. */
@Composable
fun PlanScreen(plan: PlanUi, strings: UiStrings, onCommune: (String) -> Unit) {
    ScreenFrame(strings.planTitle) {
        Text(plan.title, style = MaterialTheme.typography.titleLarge)
        Text(plan.teamText, style = MaterialTheme.typography.bodyLarge)
        for (c in plan.communes) {
            RowCard(onClick = { onCommune(c.communeCode) }) {
                Text(c.communeName, style = MaterialTheme.typography.titleMedium)
                LabeledRow(c.datesText, c.sitesText)
            }
        }
    }
}
