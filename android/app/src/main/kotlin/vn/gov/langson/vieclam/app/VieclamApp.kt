//! The application: opens the encrypted store once with the Keystore-wrapped key, off the main thread (SQLCipher's
//! key derivation and a migration take long enough to freeze the first frame), makes the notification channels, and
//! schedules background sync and the daily reminder check. A store that will not open is a state the activity shows
//! as the recovery screen, never a crash, and never replaced by anything but a fresh, empty store.
package vn.gov.langson.vieclam.app

import android.app.Application
import android.app.NotificationChannel
import android.app.NotificationManager
import android.util.Log
import java.io.File
import java.security.GeneralSecurityException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.launch
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import kotlinx.coroutines.withContext
import vn.gov.langson.vieclam.core.VieclamException
import vn.gov.langson.vieclam.core.VieclamStore
import vn.gov.langson.vieclam.ui.recovery.StoreProblem
import vn.gov.langson.vieclam.ui.recovery.storeProblemOf

/** Where the store stands: still opening, open, or refused with a problem the person is shown. */
sealed interface StoreState {
    /** Being opened on a background thread. */
    data object Opening : StoreState

    /** Open: every screen and worker reaches the core through it. */
    data class Open(val store: VieclamStore) : StoreState

    /** The store would not open; the recovery screen explains [problem] and offers [VieclamApp.startAfresh]. */
    data class Failed(val problem: StoreProblem) : StoreState
}

/** Holds the one store of the process; everything else reaches the core through it. */
class VieclamApp : Application() {
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.IO)
    private val opening = Mutex()
    private val _state = MutableStateFlow<StoreState>(StoreState.Opening)

    /** The store's state, for the activity to choose between waiting, recovery and the app. */
    val state: StateFlow<StoreState> = _state.asStateFlow()

    /**
     * The open store. Only read by screens drawn while [state] is [StoreState.Open] (the activity shows nothing
     * else) and by workers after [awaitStore]; anywhere else it is a bug, reported as such.
     */
    val store: VieclamStore
        get() = (state.value as? StoreState.Open)?.store ?: error("the store is not open: ${state.value}")

    /** Where stamped evidence photos are kept, content-addressed by the core. */
    val photosDir: File get() = File(filesDir, "photos")

    private val dbFile: File get() = File(noBackupFilesDir, "vieclam.db")

    override fun onCreate() {
        super.onCreate()
        val manager = getSystemService(NotificationManager::class.java)
        manager.createNotificationChannel(
            NotificationChannel(REMINDER_CHANNEL, getString(R.string.reminder_channel), NotificationManager.IMPORTANCE_DEFAULT),
        )
        manager.createNotificationChannel(
            NotificationChannel(SYNC_CHANNEL, getString(R.string.sync_channel), NotificationManager.IMPORTANCE_LOW),
        )
        scope.launch { opening.withLock { _state.value = open() } }
        SyncWorker.schedule(this)
        ReminderWorker.schedule(this)
    }

    /** The open store once opening has finished, or null when it failed (a worker then has nothing to do). */
    suspend fun awaitStore(): VieclamStore? =
        (state.first { it !is StoreState.Opening } as? StoreState.Open)?.store

    /**
     * "Sign in again to download your data": moves the unreadable file aside (and, for a wrong key, the wrapped key
     * that no longer opens anything), opens a fresh store and leaves it signed out, so the activity shows sign-in
     * and the first sync downloads what the server has. Unsent changes in the old file are the only loss, as the
     * recovery screen said. Safe to call twice: the second call finds the store open and does nothing.
     */
    suspend fun startAfresh() = withContext(Dispatchers.IO) {
        opening.withLock {
            val failed = state.value as? StoreState.Failed ?: return@withLock
            _state.value = StoreState.Opening
            setAside(failed.problem)
            _state.value = open()
        }
    }

    /** Opens the store, or says why not; never throws, so a bad file cannot crash the launch. */
    private fun open(): StoreState = try {
        StoreState.Open(VieclamStore.open(dbFile.path, databaseKey(this)))
    } catch (e: VieclamException) {
        Log.w(TAG, "store did not open", e)
        StoreState.Failed(storeProblemOf(e))
    } catch (e: GeneralSecurityException) {
        // The Keystore no longer unwraps the key (a reset lock screen, a restored phone): the file's key is gone.
        Log.w(TAG, "database key could not be unwrapped", e)
        StoreState.Failed(StoreProblem.WRONG_KEY)
    } catch (e: java.security.ProviderException) {
        // Android Keystore reports some failures of its own (a key invalidated by the lock screen) this way.
        Log.w(TAG, "the Keystore refused the database key", e)
        StoreState.Failed(StoreProblem.WRONG_KEY)
    } catch (e: java.io.IOException) {
        Log.w(TAG, "database key could not be read", e)
        StoreState.Failed(StoreProblem.DAMAGED)
    } catch (e: IllegalStateException) {
        // The new wrapped key could not be stored (databaseKey's check): no store can be made on this storage now.
        Log.w(TAG, "database key could not be stored", e)
        StoreState.Failed(StoreProblem.DAMAGED)
    }

    /**
     * Renames the store (with SQLite's journal and WAL files) to `vieclam.db.unreadable` beside it, replacing an older
     * one: the newest unreadable file is kept for support to look at, and repeated resets do not fill the phone.
     */
    private fun setAside(problem: StoreProblem) {
        val dir = noBackupFilesDir
        for (suffix in listOf("", "-wal", "-shm", "-journal")) {
            val from = File(dir, "vieclam.db$suffix")
            val to = File(dir, "vieclam.db.unreadable$suffix")
            to.delete()
            if (from.exists() && !from.renameTo(to)) from.delete()
        }
        // A fresh key for the fresh store: the old one does not open its file, or no longer unwraps at all.
        if (problem == StoreProblem.WRONG_KEY) forgetDatabaseKey(this)
    }

    companion object {
        /** Channel of instalment reminders. */
        const val REMINDER_CHANNEL = "reminders"

        /** Channel of sync progress. */
        const val SYNC_CHANNEL = "sync"

        private const val TAG = "Vieclam"
    }
}
