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
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.Job
import kotlinx.coroutines.currentCoroutineContext
import vn.gov.langson.vieclam.core.SyncCancel
import vn.gov.langson.vieclam.core.SyncProgressListener
import vn.gov.langson.vieclam.core.SyncStage
import vn.gov.langson.vieclam.core.VieclamException

/** One sync run through the core, reporting progress as work data for the sync status screen. */
class SyncWorker(context: Context, params: WorkerParameters) : CoroutineWorker(context, params) {
    override suspend fun doWork(): Result {
        val app = applicationContext as VieclamApp
        // A store that would not open waits for the person on the recovery screen: nothing to sync until then.
        val store = app.awaitStore() ?: return Result.success()
        // Signed out: nothing may go up until someone signs in again (which schedules syncs anew).
        val session = try { store.session() } catch (e: VieclamException) { return Result.retry() }
        if (session == null) return Result.success()
        // WorkManager stops a worker by cancelling its coroutine; the core stops at its next safe point, keeping
        // what it had committed.
        val cancel = SyncCancel()
        currentCoroutineContext()[Job]?.invokeOnCompletion { cause -> if (cause is CancellationException) cancel.cancel() }
        return try {
            store.sync(app.photosDir.path, appLanguage(app), object : SyncProgressListener {
                override fun onProgress(stage: SyncStage, done: ULong, total: ULong, bytesUp: ULong, bytesDown: ULong) {
                    setProgressAsync(workDataOf(STAGE to stage.name, DONE to done.toLong(), TOTAL to total.toLong()))
                }
            }, cancel)
            Result.success()
        } catch (e: VieclamException.Unauthorized) {
            // The session ended: only signing in again helps, so retrying would just spend battery.
            Result.failure()
        } catch (e: VieclamException) {
            // Offline or a server hiccup is normal in the mountains: try again later, nothing is lost.
            Result.retry()
        }
    }

    companion object {
        private const val PERIODIC = "vieclam-sync"
        private const val NOW = "vieclam-sync-now"

        /** Progress keys: the core's stage (a [SyncStage] name), items done in it, and their total (0: unknown). */
        const val STAGE = "stage"
        const val DONE = "done"
        const val TOTAL = "total"

        private val connected = Constraints.Builder().setRequiredNetworkType(NetworkType.CONNECTED).build()

        /** Keeps a periodic sync scheduled (idempotent). */
        fun schedule(context: Context) {
            val request = PeriodicWorkRequestBuilder<SyncWorker>(30, TimeUnit.MINUTES)
                .setConstraints(connected)
                .setBackoffCriteria(BackoffPolicy.EXPONENTIAL, 1, TimeUnit.MINUTES)
                .build()
            WorkManager.getInstance(context).enqueueUniquePeriodicWork(PERIODIC, ExistingPeriodicWorkPolicy.KEEP, request)
        }

        /** Stops every scheduled and waiting sync (signing out); [schedule] starts them again. */
        fun stop(context: Context) {
            val work = WorkManager.getInstance(context)
            work.cancelUniqueWork(NOW)
            work.cancelUniqueWork(PERIODIC)
        }

        /** The unique name of the "sync now" work, whose progress the sync screen follows. */
        const val NOW_NAME = NOW

        /** Syncs as soon as the network allows; a second request while one waits is the same request. */
        fun now(context: Context) {
            val request = OneTimeWorkRequestBuilder<SyncWorker>().setConstraints(connected).build()
            WorkManager.getInstance(context).enqueueUniqueWork(NOW, ExistingWorkPolicy.KEEP, request)
        }
    }
}
