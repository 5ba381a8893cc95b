//! What the app says when a platform service gives it nothing to show: a screen that is still waiting says so, a
//! location window that ended empty says why (GPS off, permission refused) with a retry and a way to the app's
//! settings, and one-off problems are a short message. No screen is left blank while something is missing.
package vn.gov.langson.vieclam.app

import android.content.Context
import android.content.Intent
import android.net.Uri
import android.provider.Settings
import android.widget.Toast
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.common.PrimaryButton
import vn.gov.langson.vieclam.ui.common.ScreenFrame
import vn.gov.langson.vieclam.ui.common.SecondaryButton

/** Shows `text` briefly; nothing when it is null. Safe from any thread the caller's coroutine runs on. */
fun showMessage(context: Context, text: String?) {
    if (text == null) return
    android.os.Handler(android.os.Looper.getMainLooper()).post { Toast.makeText(context, text, Toast.LENGTH_LONG).show() }
}

/** A screen titled [title] that is still waiting (for a fix, for the store): it says so, for TalkBack too. */
@Composable
fun WaitingScreen(title: String, strings: UiStrings) {
    ScreenFrame(title) {
        Text(strings.working, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.semantics { liveRegion = LiveRegionMode.Polite })
    }
}

/** Why a location window gave no fix, with "try again" and, when permission is the reason, the app's settings. */
@Composable
fun LocationProblemScreen(title: String, outcome: FixOutcome, onRetry: () -> Unit) {
    val context = LocalContext.current
    ScreenFrame(title) {
        Text(
            outcome.problem(context).orEmpty(),
            style = MaterialTheme.typography.bodyLarge,
            modifier = Modifier.semantics { liveRegion = LiveRegionMode.Polite },
        )
        PrimaryButton(context.getString(R.string.try_again), onRetry)
        if (outcome == FixOutcome.NoPermission) {
            // Once refused twice Android stops asking: only the app's settings page can grant it then.
            SecondaryButton(context.getString(R.string.open_settings), {
                context.startActivity(
                    Intent(Settings.ACTION_APPLICATION_DETAILS_SETTINGS, Uri.fromParts("package", context.packageName, null))
                        .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK),
                )
            })
        } else {
            // GPS switched off is the usual cause in the field: the location settings page turns it on.
            SecondaryButton(context.getString(R.string.open_location_settings), {
                context.startActivity(Intent(Settings.ACTION_LOCATION_SOURCE_SETTINGS).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK))
            })
        }
    }
}
