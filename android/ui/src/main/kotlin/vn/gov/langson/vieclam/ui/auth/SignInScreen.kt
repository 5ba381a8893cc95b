//! Sign-in and activation, one screen: staff sign in with a user name and password (`login`), borrowers and
//! workers activate with the code the bank or commune gave them and their CCCD (`activate`). The fields are
//! plain state the app holds; the core checks everything and its error text is shown as it comes.
package vn.gov.langson.vieclam.ui.auth

import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.text.input.PasswordVisualTransformation
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.common.PrimaryButton
import vn.gov.langson.vieclam.ui.common.ScreenFrame
import vn.gov.langson.vieclam.ui.common.SectionTitle

/** What the sign-in screen shows: the fields as typed, whether a call is running, and the core's error text. */
data class SignInState(
    val serverUrl: String = "",
    val username: String = "",
    val password: String = "",
    val activationCode: String = "",
    val idNumber: String = "",
    val busy: Boolean = false,
    val error: String? = null,
)

/** What the person did on the sign-in screen. */
sealed interface SignInAction {
    /** A field changed: `field` is one of the names of [SignInState]'s text fields. */
    data class Edit(val field: String, val value: String) : SignInAction

    /** Staff sign in with user name and password. */
    object SignIn : SignInAction

    /** A borrower or worker activates with a code and an identity number. */
    object Activate : SignInAction
}

/** Sign-in for staff above, activation for borrowers and workers below. */
@Composable
fun SignInScreen(state: SignInState, strings: UiStrings, onAction: (SignInAction) -> Unit) {
    ScreenFrame(strings.appName) {
        @Composable
        fun field(label: String, name: String, value: String, secret: Boolean = false, type: KeyboardType = KeyboardType.Text) =
            OutlinedTextField(
                value = value,
                onValueChange = { onAction(SignInAction.Edit(name, it)) },
                label = { Text(label) },
                singleLine = true,
                enabled = !state.busy,
                visualTransformation = if (secret) PasswordVisualTransformation() else androidx.compose.ui.text.input.VisualTransformation.None,
                keyboardOptions = KeyboardOptions(keyboardType = type),
                modifier = Modifier.fillMaxWidth(),
            )
        field(strings.serverUrl, "serverUrl", state.serverUrl, type = KeyboardType.Uri)
        state.error?.let { Text(it, color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyLarge) }
        SectionTitle(strings.signInTitle)
        field(strings.username, "username", state.username)
        field(strings.password, "password", state.password, secret = true, type = KeyboardType.Password)
        PrimaryButton(if (state.busy) strings.working else strings.signIn, { onAction(SignInAction.SignIn) }, !state.busy)
        SectionTitle(strings.activateTitle)
        field(strings.activationCode, "activationCode", state.activationCode)
        field(strings.idNumber, "idNumber", state.idNumber, type = KeyboardType.Number)
        PrimaryButton(if (state.busy) strings.working else strings.activate, { onAction(SignInAction.Activate) }, !state.busy)
    }
}
