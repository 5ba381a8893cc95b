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
    composable(Routes.CATALOGUE) { CatalogueRoute(app, strings) }
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

/** Sets field `name` (the core's field name) of the form; lists are typed comma-separated. */
private fun RegistrationForm.with(name: String, value: String): RegistrationForm {
    val list = value.split(',').map { it.trim() }.filter { it.isNotEmpty() }
    return when (name) {
        "full_name" -> copy(fullName = value)
        "id_number" -> copy(idNumber = value)
        "birth_date" -> copy(birthDate = value)
        "sex" -> copy(sex = value)
        "phone" -> copy(phone = value)
        "commune_code" -> copy(communeCode = value)
        "address" -> copy(address = value)
        "country_abroad" -> copy(countryAbroad = value.ifBlank { null })
        "years_abroad" -> copy(yearsAbroad = value.ifBlank { null })
        "occupation" -> copy(occupation = value)
        "skills" -> copy(skills = list)
        "languages" -> copy(languages = list)
        "certificates" -> copy(certificates = list)
        "wants" -> copy(wants = list)
        else -> this
    }
}

@Composable
private fun RegistrationRoute(app: VieclamApp, strings: UiStrings) {
    val lang = appLanguage(LocalContext.current)
    val scope = rememberCoroutineScope()
    var form by remember { mutableStateOf(blankForm) }
    var touched by remember { mutableStateOf(setOf<String>()) }
    // Asked again on every keystroke: the core validates as the worker types and reads nothing from the store.
    val state by produceState<FormState?>(null, form, touched) {
        value = app.store.registrationFormState(form, touched.toList(), todayInProvince(), lang)
    }
    val shown = state ?: return
    RegistrationScreen(shown, form.consent, strings) { action ->
        when (action) {
            is RegistrationAction.Edit -> { form = form.with(action.field, action.value); touched = touched + action.field }
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
