//! The sync tab, the same for every role: the core's sync screen record, the running [SyncWorker]'s progress, a
//! "sync now" button, and signing out. Signing out revokes the token through the core (offline it is simply
//! forgotten), stops background syncs, and goes back to sign-in; unsent changes stay in the store and go up after
//! the next sign-in.
package vn.gov.langson.vieclam.app

import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.produceState
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.ui.platform.LocalContext
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.work.WorkManager
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import vn.gov.langson.vieclam.core.SyncStatus
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.sync.SyncStatusScreen

/** The sync screen; [onSignedOut] runs on the main thread once the session is gone. */
@Composable
internal fun SyncRoute(app: VieclamApp, strings: UiStrings, onSignedOut: () -> Unit) {
    val context = LocalContext.current
    val work by WorkManager.getInstance(context).getWorkInfosForUniqueWorkFlow(SyncWorker.NOW_NAME)
        .collectAsStateWithLifecycle(emptyList())
    val running = work.firstOrNull()
    val lang = appLanguage(context)
    val scope = rememberCoroutineScope()
    val status by produceState<SyncStatus?>(null, running?.state) {
        value = withContext(Dispatchers.IO) { app.store.syncStatus(lang) }
    }
    status?.let {
        SyncStatusScreen(
            it,
            running.toProgressUi(strings),
            strings,
            onSyncNow = { SyncWorker.now(context) },
            onSignOut = {
                scope.launch {
                    SyncWorker.stop(context)
                    // Never fails for want of a network: offline, the session is simply forgotten. Only a store
                    // failure keeps it, and then the person stays signed in and sees the screen unchanged.
                    if (runCatching { app.store.logout() }.isSuccess) onSignedOut() else SyncWorker.schedule(context)
                }
            },
        )
    }
}
