//! Instalment reminders as notifications: once a day the worker asks the core for each of the borrower's loans
//! with a reminder window and posts the core's own reminder lines (already in Vietnamese, amounts and dates
//! formatted). No date arithmetic happens here.
package vn.gov.langson.vieclam.app

import android.Manifest
import android.content.Context
import android.content.pm.PackageManager
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import androidx.core.content.ContextCompat
import androidx.work.CoroutineWorker
import androidx.work.ExistingPeriodicWorkPolicy
import androidx.work.PeriodicWorkRequestBuilder
import androidx.work.WorkManager
import androidx.work.WorkerParameters
import vn.gov.langson.vieclam.core.VieclamException
import vn.gov.langson.vieclam.core.todayInProvince
import java.util.concurrent.TimeUnit

/** Posts one notification per loan the core's `reminders` lists (an instalment due within its window). */
class ReminderWorker(context: Context, params: WorkerParameters) : CoroutineWorker(context, params) {
    override suspend fun doWork(): Result {
        val app = applicationContext as VieclamApp
        val granted = ContextCompat.checkSelfPermission(app, Manifest.permission.POST_NOTIFICATIONS) ==
            PackageManager.PERMISSION_GRANTED
        if (!granted) return Result.success()
        // A store that would not open waits for the person on the recovery screen: no reminders until then.
        val store = app.awaitStore() ?: return Result.success()
        val lang = appLanguage(app)
        // The core's list: every loan on the device due within its one window, with no page limit.
        val due = try {
            store.reminders(todayInProvince(), lang)
        } catch (e: VieclamException) {
            return Result.retry() // the store could not be read now; tomorrow's run, or a retry, tries again
        }
        for ((i, loan) in due.withIndex()) {
            val notification = NotificationCompat.Builder(app, VieclamApp.REMINDER_CHANNEL)
                .setSmallIcon(android.R.drawable.ic_popup_reminder)
                .setContentTitle(loan.title)
                .setContentText(loan.lines.first())
                .setStyle(NotificationCompat.BigTextStyle().bigText(loan.lines.joinToString("\n")))
                .setAutoCancel(true)
                .build()
            NotificationManagerCompat.from(app).notify(REMINDER_BASE + i, notification)
        }
        return Result.success()
    }

    companion object {
        private const val REMINDER_BASE = 1000

        /** Keeps the daily reminder check scheduled (idempotent). */
        fun schedule(context: Context) {
            val request = PeriodicWorkRequestBuilder<ReminderWorker>(1, TimeUnit.DAYS).build()
            WorkManager.getInstance(context).enqueueUniquePeriodicWork("vieclam-reminders", ExistingPeriodicWorkPolicy.KEEP, request)
        }
    }
}
