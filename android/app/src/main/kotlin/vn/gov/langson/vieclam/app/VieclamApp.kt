//! The application: opens the encrypted store once with the Keystore-wrapped key, makes the notification
//! channels, and schedules background sync and the daily reminder check.
package vn.gov.langson.vieclam.app

import android.app.Application
import android.app.NotificationChannel
import android.app.NotificationManager
import java.io.File
import vn.gov.langson.vieclam.core.VieclamStore

/** Holds the one store of the process; everything else reaches the core through it. */
class VieclamApp : Application() {
    /** The encrypted on-device store. */
    lateinit var store: VieclamStore
        private set

    /** Where stamped evidence photos are kept, content-addressed by the core. */
    val photosDir: File get() = File(filesDir, "photos")

    override fun onCreate() {
        super.onCreate()
        store = VieclamStore.open(File(noBackupFilesDir, "vieclam.db").path, databaseKey(this))
        val manager = getSystemService(NotificationManager::class.java)
        manager.createNotificationChannel(
            NotificationChannel(REMINDER_CHANNEL, getString(R.string.reminder_channel), NotificationManager.IMPORTANCE_DEFAULT),
        )
        manager.createNotificationChannel(
            NotificationChannel(SYNC_CHANNEL, getString(R.string.sync_channel), NotificationManager.IMPORTANCE_LOW),
        )
        SyncWorker.schedule(this)
        ReminderWorker.schedule(this)
    }

    companion object {
        /** Channel of instalment reminders. */
        const val REMINDER_CHANNEL = "reminders"

        /** Channel of sync progress. */
        const val SYNC_CHANNEL = "sync"
    }
}
