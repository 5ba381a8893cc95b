//! The status of a worker's applications (their registrations) as the core returns them (`applications`): what
//! was asked for, when, and where it stands, with the server's reason when it refused one or the office's when it
//! rejected one.
package vn.gov.langson.vieclam.ui.worker

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import vn.gov.langson.vieclam.core.ApplicationList
import vn.gov.langson.vieclam.core.applicationTone
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.common.RowCard
import vn.gov.langson.vieclam.ui.common.ScreenFrame
import vn.gov.langson.vieclam.ui.theme.StatusColors

/** Every application, newest first as given. */
@Composable
fun ApplicationsScreen(applications: ApplicationList, strings: UiStrings) {
    ScreenFrame(applications.title.ifEmpty { strings.applicationsTitle }) {
        if (applications.rows.isEmpty()) Text(applications.emptyText, style = MaterialTheme.typography.bodyLarge)
        for (a in applications.rows) {
            // Colour only repeats what the text says (for bright sun), it never carries the state alone.
            val colour = StatusColors.of(applicationTone(a.state), MaterialTheme.colorScheme.primary)
            RowCard(onClick = null) {
                Text(a.title, style = MaterialTheme.typography.titleMedium)
                Text(a.fullName, style = MaterialTheme.typography.bodyMedium)
                Text(a.sentText, style = MaterialTheme.typography.bodyMedium)
                Text(a.statusText, style = MaterialTheme.typography.titleSmall, color = colour)
                a.reason?.let { Text(it, style = MaterialTheme.typography.bodyMedium, color = StatusColors.bad) }
            }
        }
    }
}
