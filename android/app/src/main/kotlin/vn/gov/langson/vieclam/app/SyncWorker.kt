//! Background sync with WorkManager: whenever the network is connected, every 30 minutes at most, and at once
//! when asked (a reconnect, the "sync now" button). The core pushes, pulls and uploads photos, resumably; a
//! failed run is retried with WorkManager's backoff, so the upload queue never stalls.
package vn.gov.langson.vieclam.app

import android.content.Context
import androidx.work.BackoffPolicy
import androidx.work.Constraints
import androidx.work.CoroutineWorker
import androidx.work.ExistingPeriodicWorkPolicy
import androidx.work.ExistingWorkPolicy
import androidx.work.NetworkType
import androidx.work.OneTimeWorkRequestBuilder
import androidx.work.PeriodicWorkRequestBuilder
import androidx.work.WorkManager
import androidx.work.WorkerParameters
import androidx.work.workDataOf
import java.util.concurrent.TimeUnit
import vn.gov.langson.vieclam.core.SyncProgressListener
import vn.gov.langson.vieclam.core.VieclamException

/** One sync run through the core, reporting progress as work data for the sync status screen. */
class SyncWorker(context: Context, params: WorkerParameters) : CoroutineWorker(context, params) {
    override suspend fun doWork(): Result {
        val app = applicationContext as VieclamApp
        return try {
            app.store.sync(object : SyncProgressListener {
                override fun onProgress(done: ULong, total: ULong, text: String) {
                    setProgressAsync(workDataOf(DONE to done.toLong(), TOTAL to total.toLong(), TEXT to text))
                }
            })
            Result.success()
        } catch (e: VieclamException) {
            // Offline or a server hiccup is normal in the mountains: try again later, nothing is lost.
            Result.retry()
        }
    }

    companion object {
        private const val PERIODIC = "vieclam-sync"
        private const val NOW = "vieclam-sync-now"

        /** Progress keys: records done, total, and the core's text. */
        const val DONE = "done"
        const val TOTAL = "total"
        const val TEXT = "text"

        private val connected = Constraints.Builder().setRequiredNetworkType(NetworkType.CONNECTED).build()

        /** Keeps a periodic sync scheduled (idempotent). */
        fun schedule(context: Context) {
            val request = PeriodicWorkRequestBuilder<SyncWorker>(30, TimeUnit.MINUTES)
                .setConstraints(connected)
                .setBackoffCriteria(BackoffPolicy.EXPONENTIAL, 1, TimeUnit.MINUTES)
                .build()
            WorkManager.getInstance(context).enqueueUniquePeriodicWork(PERIODIC, ExistingPeriodicWorkPolicy.KEEP, request)
        }

        /** Syncs as soon as the network allows; a second request while one waits is the same request. */
        fun now(context: Context) {
            val request = OneTimeWorkRequestBuilder<SyncWorker>().setConstraints(connected).build()
            WorkManager.getInstance(context).enqueueUniqueWork(NOW, ExistingWorkPolicy.KEEP, request)
        }
    }
}
