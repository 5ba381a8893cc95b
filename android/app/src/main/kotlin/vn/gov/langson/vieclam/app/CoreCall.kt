//! The one path every core call of the app takes: off the main thread, and a core error (`VieclamException`) shown
//! to the person as the core's own sentence (`errorMessage`, in the app's language) instead of escaping and
//! crashing the app. A failed call returns null; the screen stays as it was.
package vn.gov.langson.vieclam.app

import android.content.Context
import android.widget.Toast
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import vn.gov.langson.vieclam.core.VieclamException
import vn.gov.langson.vieclam.core.errorMessage

/** Runs [call] on the IO dispatcher; on a core error shows its message and returns null. */
suspend fun <T> coreCall(context: Context, call: () -> T): T? = try {
    withContext(Dispatchers.IO) { call() }
} catch (e: VieclamException) {
    val message = errorMessage(e, appLanguage(context))
    withContext(Dispatchers.Main) { Toast.makeText(context, message, Toast.LENGTH_LONG).show() }
    null
}
