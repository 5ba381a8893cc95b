//! Maps the core's `SyncStatus` record and WorkManager's progress into the `ui` module's [SyncStatusUi]. Only
//! renaming and picking: the counts and texts are the core's.
package vn.gov.langson.vieclam.app

import androidx.work.WorkInfo
import vn.gov.langson.vieclam.core.SyncStatus
import vn.gov.langson.vieclam.ui.inspector.RejectedUi
import vn.gov.langson.vieclam.ui.inspector.SyncProgressUi
import vn.gov.langson.vieclam.ui.inspector.SyncStatusUi
import vn.gov.langson.vieclam.ui.inspector.WaitingUi

/** The sync screen's state from the core's status and the running sync worker, if any. */
fun SyncStatus.toUi(running: WorkInfo?): SyncStatusUi = SyncStatusUi(
    waiting = waiting.map { WaitingUi(it.label, it.value) },
    photosWaitingText = photosWaitingText,
    rejected = rejected.map { RejectedUi(it.title, it.reason) },
    lastSyncText = lastSyncText,
    progress = running?.takeIf { it.state == WorkInfo.State.RUNNING }?.progress?.let { data ->
        val total = data.getLong(SyncWorker.TOTAL, 0)
        val done = data.getLong(SyncWorker.DONE, 0)
        SyncProgressUi(if (total > 0) done.toFloat() / total else null, data.getString(SyncWorker.TEXT) ?: "")
    },
)
