//! What is waiting to reach the server, what it refused and why, and the progress of a running sync. The screen
//! takes its own [SyncStatusUi], which the app maps from the core's `SyncStatus` and the progress callbacks of
//! `sync(listener)`, so it renders (and is tested) without the sync code.
package vn.gov.langson.vieclam.ui.inspector

import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.common.LabeledRow
import vn.gov.langson.vieclam.ui.common.PrimaryButton
import vn.gov.langson.vieclam.ui.common.RowCard
import vn.gov.langson.vieclam.ui.common.ScreenFrame
import vn.gov.langson.vieclam.ui.common.SectionTitle
import vn.gov.langson.vieclam.ui.theme.StatusColors

/** One kind of record waiting, e.g. ("Phiếu kiểm tra", "3"). */
data class WaitingUi(val kindText: String, val countText: String)

/** An entry the server refused: what it was and the reason in words. */
data class RejectedUi(val title: String, val reason: String)

/** A running sync: `fraction` 0..1 (null while unknown) and what it is doing ("Đang gửi ảnh 2/5"). */
data class SyncProgressUi(val fraction: Float?, val text: String)

/** The sync status screen's state. */
data class SyncStatusUi(
    val waiting: List<WaitingUi>,
    val photosWaitingText: String,
    val rejected: List<RejectedUi>,
    val lastSyncText: String,
    val progress: SyncProgressUi?,
)

/** Waiting counts, rejected entries, the last sync and a sync button (disabled while one runs). */
@Composable
fun SyncStatusScreen(status: SyncStatusUi, strings: UiStrings, onSyncNow: () -> Unit) {
    ScreenFrame(strings.syncTitle) {
        LabeledRow(strings.lastSync, status.lastSyncText)
        status.progress?.let { p ->
            if (p.fraction != null) LinearProgressIndicator(progress = p.fraction, modifier = Modifier.fillMaxWidth())
            else LinearProgressIndicator(Modifier.fillMaxWidth())
            Text(p.text, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.semantics { liveRegion = LiveRegionMode.Polite })
        }
        PrimaryButton(strings.syncNow, onSyncNow, enabled = status.progress == null)
        SectionTitle(strings.waiting)
        for (w in status.waiting) LabeledRow(w.kindText, w.countText)
        LabeledRow(strings.photosWaiting, status.photosWaitingText)
        if (status.rejected.isNotEmpty()) {
            SectionTitle("${strings.rejected} (${status.rejected.size})")
            for (r in status.rejected) {
                RowCard(onClick = null) {
                    Text(r.title, style = MaterialTheme.typography.titleSmall)
                    Text(r.reason, color = StatusColors.bad, style = MaterialTheme.typography.bodyMedium)
                }
            }
        }
    }
}
