//! Sign-in, activation and enrolment, one screen with three tabs: staff and returning workers sign in with a user
//! name and password (`login`), borrowers activate with the one-time code the office printed for them and their
//! CCCD (`activate`), and a worker back from abroad creates an account with name, phone and password (`enrol`; the
//! phone is the user name next time). The fields are plain state the app holds; the core and the server check
//! everything, and their error text is shown as it comes.
package vn.gov.langson.vieclam.ui.auth

import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Tab
import androidx.compose.material3.TabRow
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.text.input.PasswordVisualTransformation
import androidx.compose.ui.text.input.VisualTransformation
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.dp
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.common.PrimaryButton
import vn.gov.langson.vieclam.ui.common.ScreenFrame
import vn.gov.langson.vieclam.ui.common.SectionTitle
import vn.gov.langson.vieclam.ui.common.TextInput
import vn.gov.langson.vieclam.ui.theme.MinTouchTarget

/** Which way in the person chose. */
enum class SignInMode {
    /** Staff, and workers who already have an account: user name and password. */
    SIGN_IN,

    /** A borrower: the office's one-time code and their ID number. */
    ACTIVATE,

    /** A returning worker without an account: name, phone, password. */
    ENROL,
}

/** What the sign-in screen shows: the tab, the fields as typed, whether a call is running, and the error text. */
data class SignInState(
    val mode: SignInMode = SignInMode.SIGN_IN,
    val serverUrl: String = "",
    val username: String = "",
    val password: String = "",
    val activationCode: String = "",
    val idNumber: String = "",
    val fullName: String = "",
    val phone: String = "",
    val busy: Boolean = false,
    val error: String? = null,
)

/** What the person did on the sign-in screen. */
sealed interface SignInAction {
    /** Another tab was chosen. */
    data class Mode(val mode: SignInMode) : SignInAction

    /** A field changed: `field` is one of the names of [SignInState]'s text fields. */
    data class Edit(val field: String, val value: String) : SignInAction

    /** Sign in with user name and password. */
    object SignIn : SignInAction

    /** A borrower activates with a code and an identity number. */
    object Activate : SignInAction

    /** A worker creates an account. */
    object Enrol : SignInAction
}

/** The server address, then one tab per way in, each with its own fields and button. */
@Composable
fun SignInScreen(state: SignInState, strings: UiStrings, onAction: (SignInAction) -> Unit) {
    ScreenFrame(strings.appName) {
        @Composable
        fun field(label: String, name: String, value: String, secret: Boolean = false, type: KeyboardType = KeyboardType.Text) =
            TextInput(
                value = value,
                onValueChange = { onAction(SignInAction.Edit(name, it)) },
                label = label,
                enabled = !state.busy,
                visualTransformation = if (secret) PasswordVisualTransformation() else VisualTransformation.None,
                keyboardOptions = KeyboardOptions(keyboardType = type),
            )
        field(strings.serverUrl, "serverUrl", state.serverUrl, type = KeyboardType.Uri)
        val tabs = listOf(SignInMode.SIGN_IN to strings.signIn, SignInMode.ACTIVATE to strings.activate, SignInMode.ENROL to strings.enrol)
        TabRow(selectedTabIndex = state.mode.ordinal) {
            for ((mode, label) in tabs) {
                // The content form of Tab: its label may take two lines and narrow padding, so that large type wraps
                // between words instead of breaking one ("khoả-n") or spilling out of a fixed 48 dp tab.
                Tab(
                    selected = state.mode == mode,
                    onClick = { onAction(SignInAction.Mode(mode)) },
                    modifier = Modifier.heightIn(min = MinTouchTarget),
                ) {
                    Text(
                        label,
                        style = MaterialTheme.typography.labelLarge,
                        textAlign = TextAlign.Center,
                        modifier = Modifier.padding(horizontal = 4.dp, vertical = 8.dp),
                    )
                }
            }
        }
        state.error?.let { Text(it, color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyLarge) }
        @Composable
        fun button(label: String, action: SignInAction) =
            PrimaryButton(if (state.busy) strings.working else label, { onAction(action) }, !state.busy)
        when (state.mode) {
            SignInMode.SIGN_IN -> {
                SectionTitle(strings.signInTitle)
                field(strings.username, "username", state.username)
                field(strings.password, "password", state.password, secret = true, type = KeyboardType.Password)
                button(strings.signIn, SignInAction.SignIn)
            }
            SignInMode.ACTIVATE -> {
                SectionTitle(strings.activateTitle)
                field(strings.activationCode, "activationCode", state.activationCode)
                field(strings.idNumber, "idNumber", state.idNumber, type = KeyboardType.Number)
                button(strings.activate, SignInAction.Activate)
            }
            SignInMode.ENROL -> {
                SectionTitle(strings.enrolTitle)
                field(strings.fullName, "fullName", state.fullName)
                field(strings.phone, "phone", state.phone, type = KeyboardType.Phone)
                field(strings.newPassword, "password", state.password, secret = true, type = KeyboardType.Password)
                Text(strings.enrolHint, style = MaterialTheme.typography.bodyMedium)
                button(strings.enrol, SignInAction.Enrol)
            }
        }
    }
}
