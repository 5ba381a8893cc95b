//! Maps WorkManager's view of a running [SyncWorker] (the progress the core reported through
//! `SyncProgressListener.onProgress`) into the sync screen's [SyncProgressUi]. The sync screen's own record,
//! `SyncStatus`, is the core's and is drawn as it is; only this progress line is made here.
package vn.gov.langson.vieclam.app

import androidx.work.WorkInfo
import vn.gov.langson.vieclam.core.SyncStage
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.sync.SyncProgressUi

/** The progress of a running sync ("Đang gửi ảnh 2/5"), or null when none runs. */
fun WorkInfo?.toProgressUi(strings: UiStrings): SyncProgressUi? {
    if (this == null || state != WorkInfo.State.RUNNING) return null
    val data = progress
    val stage = data.getString(SyncWorker.STAGE)?.let { name -> SyncStage.values().firstOrNull { it.name == name } }
    val done = data.getLong(SyncWorker.DONE, 0)
    val total = data.getLong(SyncWorker.TOTAL, 0)
    val label = when (stage) {
        SyncStage.PUSH -> strings.syncPush
        SyncStage.PULL -> strings.syncPull
        SyncStage.PHOTOS -> strings.syncPhotos
        null -> strings.syncTitle
    }
    // A total of 0 means the core does not know it yet: an indeterminate bar and no count.
    return if (total > 0) SyncProgressUi(done.toFloat() / total, "$label $done/$total") else SyncProgressUi(null, label)
}
