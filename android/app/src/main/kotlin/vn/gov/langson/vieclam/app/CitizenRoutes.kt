//! The borrower's and worker's routes beyond the loan list: reminders, registration validated as typed,
//! the programme catalogue and the worker's applications with where each stands.
package vn.gov.langson.vieclam.app

import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.produceState
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.platform.LocalContext
import androidx.navigation.NavGraphBuilder
import androidx.navigation.NavHostController
import androidx.navigation.compose.composable
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import vn.gov.langson.vieclam.core.ApplicationList
import vn.gov.langson.vieclam.core.FormState
import vn.gov.langson.vieclam.core.RegistrationForm
import vn.gov.langson.vieclam.core.VieclamException
import vn.gov.langson.vieclam.core.registrationForProgramme
import vn.gov.langson.vieclam.core.registrationSetField
import vn.gov.langson.vieclam.core.registrationToggle
import vn.gov.langson.vieclam.core.todayInProvince
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.borrower.LoanReminders
import vn.gov.langson.vieclam.ui.borrower.RemindersScreen
import vn.gov.langson.vieclam.ui.worker.ApplicationsScreen
import vn.gov.langson.vieclam.ui.worker.RegistrationAction
import vn.gov.langson.vieclam.ui.worker.RegistrationScreen

/** Adds the borrower's and worker's routes to the graph. */
fun NavGraphBuilder.citizenRoutes(nav: NavHostController, app: VieclamApp, strings: UiStrings) {
    composable(Routes.REMINDERS) {
        val lang = appLanguage(LocalContext.current)
        val reminders by produceState(emptyList<LoanReminders>()) {
            value = withContext(Dispatchers.IO) {
                // Every loan due within the core's one window (the notification shows the same list).
                app.store.reminders(todayInProvince(), lang).map { LoanReminders(it.loanId, it.title, it.lines) }
            }
        }
        RemindersScreen(reminders, strings) { nav.navigate("loan/$it") }
    }
    composable(Routes.REGISTER) { RegistrationRoute(app, strings) }
    composable(Routes.CATALOGUE) {
        // "Register" on a programme opens the form with what it offers already ticked (the core's choice).
        CatalogueRoute(app, strings) { kind ->
            PendingRegistration.form = registrationForProgramme(kind)
            nav.navigate(Routes.REGISTER)
        }
    }
    composable(Routes.APPLICATIONS) {
        val lang = appLanguage(LocalContext.current)
        val list by produceState<ApplicationList?>(null) { value = withContext(Dispatchers.IO) { app.store.applications(lang) } }
        list?.let { ApplicationsScreen(it, strings) }
    }
}

private val blankForm = RegistrationForm(
    fullName = "", idNumber = "", birthDate = "", sex = "", phone = "", communeCode = "", address = "",
    countryAbroad = null, yearsAbroad = null, occupation = "", skills = emptyList(), languages = emptyList(),
    certificates = emptyList(), wants = emptyList(), consent = false,
)

/** A form the catalogue prefilled for the programme a worker chose, taken once by the registration screen. */
private object PendingRegistration {
    var form: RegistrationForm? = null
}

@Composable
private fun RegistrationRoute(app: VieclamApp, strings: UiStrings) {
    val lang = appLanguage(LocalContext.current)
    val scope = rememberCoroutineScope()
    var form by remember { mutableStateOf(PendingRegistration.form?.also { PendingRegistration.form = null } ?: blankForm) }
    var touched by remember { mutableStateOf(setOf<String>()) }
    // Asked again on every keystroke: the core validates as the worker types and reads nothing from the store.
    val state by produceState<FormState?>(null, form, touched) {
        value = app.store.registrationFormState(form, touched.toList(), todayInProvince(), lang)
    }
    val shown = state ?: return
    RegistrationScreen(shown, form.consent, strings) { action ->
        when (action) {
            // Every change is the core's: it splits a typed list, takes a choice's code, flips one of several.
            is RegistrationAction.Edit -> {
                form = registrationSetField(form, action.field, action.value)
                touched = touched + action.field
            }
            is RegistrationAction.Tap -> {
                form = registrationToggle(form, action.field, action.code)
                touched = touched + action.field
            }
            is RegistrationAction.Consent -> { form = form.copy(consent = action.given); touched = touched + "consent" }
            RegistrationAction.Submit -> scope.launch {
                try {
                    withContext(Dispatchers.IO) { app.store.submitRegistration(form, todayInProvince()) }
                    form = blankForm
                    touched = emptySet()
                    SyncWorker.now(app)
                } catch (e: VieclamException.Invalid) {
                    touched = touched + e.fields.map { it.field } // every failing field now shows its error
                }
            }
        }
    }
}
