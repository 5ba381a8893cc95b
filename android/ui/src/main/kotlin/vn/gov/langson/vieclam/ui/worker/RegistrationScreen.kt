//! A returning worker's registration, validated field by field as they type: the app sends the form to
//! `registrationFormState` on every change and draws what comes back (labels, values, the core's errors on the
//! fields already touched, whether it can be sent), each field the way the core says it is taken (`FieldKind`):
//! text, a date, a phone number, a number, a comma list, one choice or several among the core's options (shown by
//! their labels, never their codes), and the consent box. No rule lives here.
package vn.gov.langson.vieclam.ui.worker

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.selection.selectableGroup
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.Checkbox
import androidx.compose.material3.DropdownMenu
import androidx.compose.material3.DropdownMenuItem
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.error
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import vn.gov.langson.vieclam.core.FieldKind
import vn.gov.langson.vieclam.core.FieldState
import vn.gov.langson.vieclam.core.FormState
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.common.PrimaryButton
import vn.gov.langson.vieclam.ui.common.ScreenFrame
import vn.gov.langson.vieclam.ui.common.TextInput
import vn.gov.langson.vieclam.ui.theme.MinTouchTarget

/** What the worker did on the form. */
sealed interface RegistrationAction {
    /** Text field `field` (the core's field name) now reads `value`, as typed (`registrationSetField`). */
    data class Edit(val field: String, val value: String) : RegistrationAction

    /** Option `code` of choice field `field` was tapped (`registrationToggle`: one choice takes it, several flip it). */
    data class Tap(val field: String, val code: String) : RegistrationAction

    /** The consent box. */
    data class Consent(val given: Boolean) : RegistrationAction

    /** Send the registration (`submitRegistration`). */
    object Submit : RegistrationAction
}

/** A choice with more options than this (the communes) opens a menu instead of listing them all. */
private const val MAX_LISTED_OPTIONS = 6

/** The form as the core states it; `consent` is the box's state. */
@Composable
fun RegistrationScreen(form: FormState, consent: Boolean, strings: UiStrings, onAction: (RegistrationAction) -> Unit) {
    ScreenFrame(form.title.ifBlank { strings.registrationTitle }) {
        for (f in form.fields.filter { it.kind != FieldKind.CONSENT }) {
            val edit = { value: String -> onAction(RegistrationAction.Edit(f.field, value)) }
            val tap = { code: String -> onAction(RegistrationAction.Tap(f.field, code)) }
            when (f.kind) {
                FieldKind.CHOICE ->
                    if (f.options.size > MAX_LISTED_OPTIONS) MenuField(f, tap) else OptionsField(f, multiple = false, tap)
                FieldKind.MULTI_CHOICE -> OptionsField(f, multiple = true, tap)
                else -> TextInput(f.value, edit, f.label, errorText = f.error, keyboardOptions = KeyboardOptions(keyboardType = keyboardOf(f.kind)))
            }
        }
        Row(
            Modifier.fillMaxWidth().heightIn(min = MinTouchTarget)
                .toggleable(consent, role = Role.Checkbox) { onAction(RegistrationAction.Consent(it)) },
            verticalAlignment = Alignment.CenterVertically,
        ) {
            Checkbox(checked = consent, onCheckedChange = null)
            Text(strings.consent, style = MaterialTheme.typography.bodyLarge)
        }
        form.fields.firstOrNull { it.kind == FieldKind.CONSENT }?.error?.let { Text(it, color = MaterialTheme.colorScheme.error) }
        PrimaryButton(form.submitLabel, { onAction(RegistrationAction.Submit) }, enabled = form.canSubmit)
    }
}

private fun keyboardOf(kind: FieldKind): KeyboardType = when (kind) {
    FieldKind.PHONE -> KeyboardType.Phone
    FieldKind.NUMBER -> KeyboardType.Number
    else -> KeyboardType.Text
}

/** The field's label over its content, and the core's error under it (announced by TalkBack as the group's error). */
@Composable
private fun Labelled(f: FieldState, content: @Composable () -> Unit) {
    val message = f.error
    Column(
        Modifier.fillMaxWidth().semantics { if (message != null) error(message) },
        verticalArrangement = Arrangement.spacedBy(4.dp),
    ) {
        val colour = if (message != null) MaterialTheme.colorScheme.error else MaterialTheme.colorScheme.onSurfaceVariant
        Text(f.label, style = MaterialTheme.typography.labelLarge, color = colour)
        content()
        if (message != null) {
            Text(message, color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyMedium, modifier = Modifier.clearAndSetSemantics {})
        }
    }
}

/** A choice among a few options (or several of them), each a 48 dp row with its label; a tap hands back its code. */
@Composable
private fun OptionsField(f: FieldState, multiple: Boolean, onTap: (String) -> Unit) = Labelled(f) {
    Column(if (multiple) Modifier.fillMaxWidth() else Modifier.fillMaxWidth().selectableGroup()) {
        for (o in f.options) {
            val row = Modifier.fillMaxWidth().heightIn(min = MinTouchTarget)
            Row(
                if (multiple) row.toggleable(o.selected, role = Role.Checkbox) { onTap(o.code) }
                else row.selectable(o.selected, role = Role.RadioButton) { onTap(o.code) },
                verticalAlignment = Alignment.CenterVertically,
            ) {
                if (multiple) Checkbox(checked = o.selected, onCheckedChange = null) else RadioButton(selected = o.selected, onClick = null)
                Text(o.label, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.padding(start = 8.dp))
            }
        }
    }
}

/** A choice among many options (the communes): the chosen option's label on a button that opens the list. */
@Composable
private fun MenuField(f: FieldState, onTap: (String) -> Unit) = Labelled(f) {
    var open by remember { mutableStateOf(false) }
    val chosen = f.options.firstOrNull { it.selected }?.label ?: "—"
    Box {
        OutlinedButton(
            onClick = { open = true },
            shape = MaterialTheme.shapes.extraSmall,
            modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp),
        ) {
            Text(chosen, style = MaterialTheme.typography.bodyLarge, color = MaterialTheme.colorScheme.onSurface, modifier = Modifier.weight(1f))
            Text("▾", style = MaterialTheme.typography.bodyLarge, color = MaterialTheme.colorScheme.onSurface)
        }
        DropdownMenu(expanded = open, onDismissRequest = { open = false }) {
            for (o in f.options) {
                DropdownMenuItem(
                    text = { Text(o.label, style = MaterialTheme.typography.bodyLarge) },
                    onClick = { open = false; onTap(o.code) },
                )
            }
        }
    }
}
