//! The account and sync screen of every role: who is signed in, what is waiting to reach the server, what it
//! refused and why, the progress of a running sync, and signing out. The screen draws the core's `SyncStatus`
//! (`syncStatus`) as it is; only the running sync's progress, which arrives through
//! `SyncProgressListener.onProgress`, comes as the small [SyncProgressUi] the app makes from it.
package vn.gov.langson.vieclam.ui.sync

import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import vn.gov.langson.vieclam.core.SyncStatus
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.common.LabeledRow
import vn.gov.langson.vieclam.ui.common.PrimaryButton
import vn.gov.langson.vieclam.ui.common.RowCard
import vn.gov.langson.vieclam.ui.common.ScreenFrame
import vn.gov.langson.vieclam.ui.common.SecondaryButton
import vn.gov.langson.vieclam.ui.common.SectionTitle
import vn.gov.langson.vieclam.ui.theme.StatusColors

/** A running sync: `fraction` 0..1 (null while unknown) and what it is doing ("Đang gửi ảnh 2/5"). */
data class SyncProgressUi(val fraction: Float?, val text: String)

/**
 * Who is signed in, waiting counts, refused changes, the last sync, a sync button (disabled while one runs) and,
 * when [onSignOut] is given, a sign-out button (disabled while a sync runs) with what happens to unsent data.
 */
@Composable
fun SyncStatusScreen(
    status: SyncStatus,
    progress: SyncProgressUi?,
    strings: UiStrings,
    onSyncNow: () -> Unit,
    onSignOut: (() -> Unit)? = null,
) {
    ScreenFrame(strings.syncTitle) {
        status.account?.let { LabeledRow(it, status.role ?: "") }
        LabeledRow(strings.lastSync, status.lastSuccess ?: strings.neverSynced)
        progress?.let { p ->
            if (p.fraction != null) LinearProgressIndicator(progress = p.fraction, modifier = Modifier.fillMaxWidth())
            else LinearProgressIndicator(Modifier.fillMaxWidth())
            Text(p.text, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.semantics { liveRegion = LiveRegionMode.Polite })
        }
        PrimaryButton(strings.syncNow, onSyncNow, enabled = progress == null)
        SectionTitle("${strings.waiting} (${status.waitingTotal})")
        for (w in status.waiting) LabeledRow(w.label, w.count.toString())
        LabeledRow(strings.photosWaiting, status.photosWaiting.toString())
        if (status.rejected.isNotEmpty()) {
            SectionTitle("${strings.rejected} (${status.rejected.size})")
            for (r in status.rejected) {
                RowCard(onClick = null) {
                    Text("${r.label} · ${r.madeAt}", style = MaterialTheme.typography.titleSmall)
                    // The core's sentence for the refusal; its stable code is for the office's logs, not for people.
                    Text(r.reason, color = StatusColors.bad, style = MaterialTheme.typography.bodyMedium)
                }
            }
        }
        if (onSignOut != null && status.account != null) {
            SectionTitle(strings.signOut)
            Text(strings.signOutHint, style = MaterialTheme.typography.bodyMedium)
            SecondaryButton(strings.signOut, onSignOut, enabled = progress == null)
        }
    }
}
