//! The inspector's plan: the plans running today as the core returns them (`currentPlans`), each with its dates and
//! the communes to visit, how many sites each has and how many are already checked. The screen only draws them.
package vn.gov.langson.vieclam.ui.inspector

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import vn.gov.langson.vieclam.core.PlanCommuneRow
import vn.gov.langson.vieclam.core.PlanList
import vn.gov.langson.vieclam.core.PlanSummary
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.common.RowCard
import vn.gov.langson.vieclam.ui.common.ScreenFrame
import vn.gov.langson.vieclam.ui.common.SectionTitle

/** The running plans; tapping a commune opens its minutes under that plan. */
@Composable
fun PlanScreen(plans: PlanList, strings: UiStrings, onCommune: (PlanSummary, PlanCommuneRow) -> Unit) {
    ScreenFrame(plans.title.ifEmpty { strings.planTitle }) {
        if (plans.plans.isEmpty()) Text(plans.emptyText, style = MaterialTheme.typography.bodyLarge)
        for (plan in plans.plans) {
            SectionTitle(plan.code)
            Text(plan.title, style = MaterialTheme.typography.titleMedium)
            Text(plan.datesText, style = MaterialTheme.typography.bodyLarge)
            for (c in plan.communes) {
                RowCard(onClick = { onCommune(plan, c) }) {
                    Text(c.communeName, style = MaterialTheme.typography.titleMedium)
                    Text(c.sitesText, style = MaterialTheme.typography.bodyMedium)
                }
            }
        }
    }
}
