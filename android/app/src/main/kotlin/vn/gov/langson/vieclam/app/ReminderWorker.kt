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
import java.time.LocalDate
import java.util.concurrent.TimeUnit

/** Posts one notification per loan that has an instalment due within [WINDOW_DAYS] days. */
class ReminderWorker(context: Context, params: WorkerParameters) : CoroutineWorker(context, params) {
    override suspend fun doWork(): Result {
        val app = applicationContext as VieclamApp
        val granted = ContextCompat.checkSelfPermission(app, Manifest.permission.POST_NOTIFICATIONS) ==
            PackageManager.PERMISSION_GRANTED
        if (!granted) return Result.success()
        val today = LocalDate.now().toString()
        val lang = appLanguage(app)
        val loans = app.store.loanList("", 0u, 50u, today, lang).rows
        for ((i, row) in loans.withIndex()) {
            val detail = app.store.loanDetail(row.loanId, today, WINDOW_DAYS, lang)
            if (detail.reminders.isEmpty()) continue
            val notification = NotificationCompat.Builder(app, VieclamApp.REMINDER_CHANNEL)
                .setSmallIcon(android.R.drawable.ic_popup_reminder)
                .setContentTitle(detail.title)
                .setContentText(detail.reminders.first())
                .setStyle(NotificationCompat.BigTextStyle().bigText(detail.reminders.joinToString("\n")))
                .setAutoCancel(true)
                .build()
            NotificationManagerCompat.from(app).notify(REMINDER_BASE + i, notification)
        }
        return Result.success()
    }

    companion object {
        /** Days ahead a due instalment is reminded. */
        const val WINDOW_DAYS = 7u
        private const val REMINDER_BASE = 1000

        /** Keeps the daily reminder check scheduled (idempotent). */
        fun schedule(context: Context) {
            val request = PeriodicWorkRequestBuilder<ReminderWorker>(1, TimeUnit.DAYS).build()
            WorkManager.getInstance(context).enqueueUniquePeriodicWork("vieclam-reminders", ExistingPeriodicWorkPolicy.KEEP, request)
        }
    }
}
