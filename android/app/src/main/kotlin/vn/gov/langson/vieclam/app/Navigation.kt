//! The navigation graph: sign-in, then the bottom bar the core gives the session's role (`sessionTabs`: the tabs, their
//! labels and the first to open; every role has sync and sign-out), and
//! the detail routes. A device already signed in opens on its role's first tab; signing out returns to sign-in. Each route reads its records from the core off the main
//! thread and passes actions back to the core; nothing is computed here.
package vn.gov.langson.vieclam.app

import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.material3.NavigationBar
import androidx.compose.material3.NavigationBarItem
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.produceState
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.navigation.NavHostController
import androidx.navigation.compose.NavHost
import androidx.navigation.compose.composable
import androidx.navigation.compose.currentBackStackEntryAsState
import androidx.navigation.compose.rememberNavController
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import vn.gov.langson.vieclam.core.SessionInfo
import vn.gov.langson.vieclam.core.SessionTabs
import vn.gov.langson.vieclam.core.Tab
import vn.gov.langson.vieclam.core.UserRole
import vn.gov.langson.vieclam.core.VieclamException
import vn.gov.langson.vieclam.core.errorMessage
import vn.gov.langson.vieclam.core.sessionTabs
import vn.gov.langson.vieclam.core.reminderWindowDays
import vn.gov.langson.vieclam.core.todayInProvince
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.auth.SignInAction
import vn.gov.langson.vieclam.ui.auth.SignInScreen
import vn.gov.langson.vieclam.ui.auth.SignInState
import vn.gov.langson.vieclam.ui.borrower.LoanDetailScreen
import vn.gov.langson.vieclam.ui.borrower.LoansScreen
import vn.gov.langson.vieclam.ui.worker.CatalogueScreen

/** The route that draws each of the core's tabs. Which tabs a role has, their order, labels and the first one to
 *  open are the core's `sessionTabs` (office staff are not inspectors: they get sync only, with a note). */
private fun Tab.route(): String = when (this) {
    Tab.PLAN -> Routes.PLAN
    Tab.SITES -> Routes.SITES
    Tab.LOANS -> Routes.LOANS
    Tab.REMINDERS -> Routes.REMINDERS
    Tab.REGISTER -> Routes.REGISTER
    Tab.CATALOGUE -> Routes.CATALOGUE
    Tab.APPLICATIONS -> Routes.APPLICATIONS
    Tab.SYNC -> Routes.SYNC
}

/** How this device names itself to the server when it signs in. */
private val deviceName: String get() = "${android.os.Build.MANUFACTURER} ${android.os.Build.MODEL}"
private const val PLATFORM = "android"

/** Every route of the app. */
object Routes {
    const val SIGN_IN = "sign-in"
    const val PLAN = "plan"
    const val SITES = "sites"
    const val CHECK = "check/{checkId}/{siteId}"
    const val CAMERA = "camera/{checkId}"
    const val WALK = "walk/{checkId}"
    const val MINUTES = "minutes/{planId}/{commune}"
    const val REVIEW = "review/{planId}/{commune}"
    const val SYNC = "sync"
    const val LOANS = "loans"
    const val LOAN = "loan/{loanId}"
    const val REMINDERS = "reminders"
    const val REGISTER = "register"
    const val CATALOGUE = "catalogue"
    const val APPLICATIONS = "applications"
}

/** The app's screens under one NavHost, with the bottom bar of the signed-in role. */
@Composable
fun VieclamNavHost(app: VieclamApp, strings: UiStrings) {
    val nav = rememberNavController()
    var session by remember { mutableStateOf<SessionTabs?>(null) }
    val tabs = session?.tabs?.map { it.tab.route() to it.label }.orEmpty()
    val context = LocalContext.current
    val lang = appLanguage(context)
    fun enter(role: UserRole) {
        val given = sessionTabs(role, lang)
        session = given
        SyncWorker.schedule(context) // stopped by a sign-out earlier in this run, if any
        nav.navigate(given.home.route()) { popUpTo(Routes.SIGN_IN) { inclusive = true } }
    }
    fun leave() {
        session = null
        nav.navigate(Routes.SIGN_IN) { popUpTo(0) { inclusive = true } }
    }
    // A session kept in the store from an earlier run: straight to its role's tabs, no sign-in.
    LaunchedEffect(Unit) {
        withContext(Dispatchers.IO) { runCatching { app.store.session() }.getOrNull() }?.role?.let(::enter)
    }
    Column(Modifier.fillMaxSize()) {
        Box(Modifier.weight(1f)) {
            NavHost(nav, startDestination = Routes.SIGN_IN) {
                composable(Routes.SIGN_IN) { SignInRoute(app, strings, ::enter) }
                inspectorRoutes(nav, app, strings)
                composable(Routes.SYNC) { SyncRoute(app, strings, ::leave) }
                composable(Routes.LOANS) { LoansRoute(app, strings, nav) }
                composable(Routes.LOAN) { entry ->
                    val loanId = entry.arguments?.getString("loanId") ?: return@composable
                    val lang = appLanguage(LocalContext.current)
                    val detail by produceState<vn.gov.langson.vieclam.core.LoanDetail?>(null, loanId) {
                        value = withContext(Dispatchers.IO) { app.store.loanDetail(loanId, todayInProvince(), reminderWindowDays(), lang) }
                    }
                    detail?.let { LoanDetailScreen(it, strings) { nav.popBackStack() } }
                }
                citizenRoutes(nav, app, strings)
            }
        }
        if (tabs.isNotEmpty()) BottomBar(nav, tabs)
    }
}

@Composable
private fun BottomBar(nav: NavHostController, tabs: List<Pair<String, String>>) {
    val current = nav.currentBackStackEntryAsState().value?.destination?.route
    NavigationBar {
        for ((route, label) in tabs) {
            NavigationBarItem(
                selected = current == route,
                onClick = { nav.navigate(route) { launchSingleTop = true } },
                icon = {},
                label = { Text(label) },
            )
        }
    }
}

@Composable
private fun SignInRoute(app: VieclamApp, strings: UiStrings, onSignedIn: (UserRole) -> Unit) {
    var state by remember { mutableStateOf(SignInState()) }
    val scope = rememberCoroutineScope()
    val lang = appLanguage(LocalContext.current)
    // The tabs follow the role the server gave the session, whichever way the person came in.
    fun run(call: suspend () -> SessionInfo) = scope.launch {
        state = state.copy(busy = true, error = null)
        state = try {
            val role = call().role
            state = state.copy(busy = false, password = "")
            onSignedIn(role)
            state
        } catch (e: VieclamException) {
            state.copy(busy = false, error = errorMessage(e, lang)) // the core's sentence, in the app's language
        }
    }
    SignInScreen(state, strings) { action ->
        when (action) {
            is SignInAction.Mode -> state = state.copy(mode = action.mode, error = null)
            is SignInAction.Edit -> state = when (action.field) {
                "serverUrl" -> state.copy(serverUrl = action.value)
                "username" -> state.copy(username = action.value)
                "password" -> state.copy(password = action.value)
                "activationCode" -> state.copy(activationCode = action.value)
                "fullName" -> state.copy(fullName = action.value)
                "phone" -> state.copy(phone = action.value)
                else -> state.copy(idNumber = action.value)
            }
            SignInAction.SignIn -> run { app.store.login(state.serverUrl, state.username, state.password, deviceName, PLATFORM) }
            SignInAction.Activate -> run {
                app.store.activate(state.serverUrl, state.activationCode, state.idNumber, deviceName, PLATFORM)
            }
            SignInAction.Enrol -> run {
                app.store.enrol(state.serverUrl, state.fullName, state.phone, state.password, deviceName, PLATFORM)
            }
        }
    }
}

@Composable
private fun LoansRoute(app: VieclamApp, strings: UiStrings, nav: NavHostController) {
    val lang = appLanguage(LocalContext.current)
    val list by produceState<vn.gov.langson.vieclam.core.LoanList?>(null) {
        value = withContext(Dispatchers.IO) { app.store.loanList("", 0u, 50u, todayInProvince(), lang) }
    }
    list?.let { LoansScreen(it, strings) { id -> nav.navigate("loan/$id") } }
}

@Composable
internal fun CatalogueRoute(app: VieclamApp, strings: UiStrings, onRegister: (programmeKind: String) -> Unit) {
    val lang = appLanguage(LocalContext.current)
    var query by remember { mutableStateOf("") }
    val catalogue by produceState<vn.gov.langson.vieclam.core.Catalogue?>(null, query) {
        value = withContext(Dispatchers.IO) { app.store.catalogue(query, todayInProvince(), lang) }
    }
    catalogue?.let { shown ->
        CatalogueScreen(shown, query, strings, { q -> query = q }) { id ->
            shown.programmes.firstOrNull { it.id == id }?.let { onRegister(it.kind) }
        }
    }
}
