//! The screen shown instead of a crash when the encrypted store will not open at launch: what happened (the key
//! does not open the file, typically after a restore or a move to another phone; or the file is damaged; or a newer
//! app wrote it), what is kept (everything the server already has) and what may be lost (changes not yet sent from
//! this phone), and one way forward: sign in again, which moves the unreadable file aside, opens a fresh store and
//! downloads the data again. Stateless like every screen here; the app does the moving and opening.
package vn.gov.langson.vieclam.ui.recovery

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import vn.gov.langson.vieclam.core.VieclamException
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.common.PrimaryButton
import vn.gov.langson.vieclam.ui.common.ScreenFrame
import vn.gov.langson.vieclam.ui.common.SectionTitle
import vn.gov.langson.vieclam.ui.theme.StatusColors

/** Why the store did not open, as far as the person needs to know (the core's `WrongKey`, `Corrupt`, `SchemaTooNew`). */
enum class StoreProblem {
    /** The key does not open the file: the phone's keystore was reset, or the file came back from a restore. */
    WRONG_KEY,

    /** The file is damaged or truncated (or anything else kept it from opening). */
    DAMAGED,

    /** A newer version of the app wrote the file: updating the app opens it again. */
    TOO_NEW,
}

/**
 * The problem the core's refusal to open the store means for the person. Anything else it refuses with (an I/O
 * error, a full disk) is [StoreProblem.DAMAGED] too: the file could not be read either way, and the same way out helps.
 */
fun storeProblemOf(error: VieclamException): StoreProblem = when (error) {
    is VieclamException.WrongKey -> StoreProblem.WRONG_KEY
    is VieclamException.SchemaTooNew -> StoreProblem.TOO_NEW
    else -> StoreProblem.DAMAGED
}

/**
 * What happened, what is safe, what may be lost, and "sign in again to download your data". [busy] while the app
 * moves the file aside and opens a fresh store (the button is disabled so it runs once).
 */
@Composable
fun RecoveryScreen(problem: StoreProblem, strings: UiStrings, busy: Boolean, onSignInAgain: () -> Unit) {
    ScreenFrame(strings.recoveryTitle) {
        val cause = when (problem) {
            StoreProblem.WRONG_KEY -> strings.recoveryWrongKey
            StoreProblem.DAMAGED -> strings.recoveryDamaged
            StoreProblem.TOO_NEW -> strings.recoveryTooNew
        }
        Text(cause, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.semantics { liveRegion = LiveRegionMode.Polite })
        SectionTitle(strings.recoveryKeptTitle)
        Card(Modifier.fillMaxWidth()) {
            // Colour only repeats what the words say; each line reads on its own for TalkBack.
            Column(Modifier.padding(12.dp)) {
                Text("✓ ${strings.recoverySafe}", style = MaterialTheme.typography.bodyLarge, color = StatusColors.good)
                Text(
                    "! ${strings.recoveryMayLose}",
                    style = MaterialTheme.typography.bodyLarge,
                    color = StatusColors.warn,
                    modifier = Modifier.padding(top = 8.dp),
                )
            }
        }
        PrimaryButton(if (busy) strings.working else strings.recoveryAction, onSignInAgain, enabled = !busy)
        Text(strings.recoveryActionHint, style = MaterialTheme.typography.bodyMedium)
    }
}
