//! The status of a worker's applications and registrations. The bindings return no application record yet, so
//! the app maps into [ApplicationUi]; the status text comes from the core's catalogue when it does.
package vn.gov.langson.vieclam.ui.worker

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.common.RowCard
import vn.gov.langson.vieclam.ui.common.ScreenFrame

/** One application: the programme, when it was sent, and its status in words ("Đang chờ gửi", "Đã tiếp nhận"). */
data class ApplicationUi(val programmeTitle: String, val sentText: String, val statusText: String)

/** Every application, newest first as given. */
@Composable
fun ApplicationsScreen(applications: List<ApplicationUi>, emptyText: String, strings: UiStrings) {
    ScreenFrame(strings.applicationsTitle) {
        if (applications.isEmpty()) Text(emptyText, style = MaterialTheme.typography.bodyLarge)
        for (a in applications) {
            RowCard(onClick = null) {
                Text(a.programmeTitle, style = MaterialTheme.typography.titleMedium)
                Text(a.sentText, style = MaterialTheme.typography.bodyMedium)
                Text(a.statusText, style = MaterialTheme.typography.titleSmall, color = MaterialTheme.colorScheme.primary)
            }
        }
    }
}
