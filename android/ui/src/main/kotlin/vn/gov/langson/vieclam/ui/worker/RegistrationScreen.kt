//! A returning worker's registration, validated field by field as they type: the app sends the form to
//! `registrationFormState` on every change and draws what comes back (labels, values, the core's Vietnamese
//! errors on the fields already touched, whether it can be sent). No rule lives here.
package vn.gov.langson.vieclam.ui.worker

import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.selection.toggleable
import androidx.compose.material3.Checkbox
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.error
import androidx.compose.ui.semantics.semantics
import vn.gov.langson.vieclam.core.FieldState
import vn.gov.langson.vieclam.core.FormState
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.common.PrimaryButton
import vn.gov.langson.vieclam.ui.common.ScreenFrame
import vn.gov.langson.vieclam.ui.theme.MinTouchTarget

/** What the worker did on the form. */
sealed interface RegistrationAction {
    /** Field `field` (the core's field name) now holds `value`. */
    data class Edit(val field: String, val value: String) : RegistrationAction

    /** The consent box. */
    data class Consent(val given: Boolean) : RegistrationAction

    /** Send the registration (`submitRegistration`). */
    object Submit : RegistrationAction
}

/** The form as the core states it; `consent` is the box's state. */
@Composable
fun RegistrationScreen(form: FormState, consent: Boolean, strings: UiStrings, onAction: (RegistrationAction) -> Unit) {
    ScreenFrame(form.title.ifBlank { strings.registrationTitle }) {
        for (f in form.fields.filter { it.field != "consent" }) FormField(f) { onAction(RegistrationAction.Edit(f.field, it)) }
        Row(
            Modifier.fillMaxWidth().heightIn(min = MinTouchTarget)
                .toggleable(consent, role = Role.Checkbox) { onAction(RegistrationAction.Consent(it)) },
            verticalAlignment = Alignment.CenterVertically,
        ) {
            Checkbox(checked = consent, onCheckedChange = null)
            Text(strings.consent, style = MaterialTheme.typography.bodyLarge)
        }
        form.fields.firstOrNull { it.field == "consent" }?.error?.let { Text(it, color = MaterialTheme.colorScheme.error) }
        PrimaryButton(form.submitLabel, { onAction(RegistrationAction.Submit) }, enabled = form.canSubmit)
    }
}

/** One text field with the core's label and, once touched, its error (announced by TalkBack as an error). */
@Composable
private fun FormField(f: FieldState, onChange: (String) -> Unit) {
    val message = f.error
    OutlinedTextField(
        value = f.value,
        onValueChange = onChange,
        label = { Text(f.label) },
        isError = message != null,
        supportingText = message?.let { { Text(it) } },
        singleLine = true,
        modifier = Modifier.fillMaxWidth().semantics { if (message != null) error(message) },
    )
}
