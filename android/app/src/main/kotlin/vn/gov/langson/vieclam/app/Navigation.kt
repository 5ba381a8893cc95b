//! The navigation graph: sign-in, then a bottom bar by the role of the core's session (inspector: plan, sites;
//! borrower: loans, reminders; worker: registration, programmes, applications; every role: sync and sign-out), and
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
import java.time.LocalDate
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import vn.gov.langson.vieclam.core.SessionInfo
import vn.gov.langson.vieclam.core.VieclamException
import vn.gov.langson.vieclam.core.errorMessage
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.auth.SignInAction
import vn.gov.langson.vieclam.ui.auth.SignInScreen
import vn.gov.langson.vieclam.ui.auth.SignInState
import vn.gov.langson.vieclam.ui.borrower.LoanDetailScreen
import vn.gov.langson.vieclam.ui.borrower.LoansScreen
import vn.gov.langson.vieclam.ui.worker.CatalogueScreen

/** The role of the signed-in account (the core's `SessionInfo.role`): decides the tabs. */
enum class Role(val home: String) {
    INSPECTOR(Routes.PLAN),
    BORROWER(Routes.LOANS),
    WORKER(Routes.REGISTER);

    companion object {
        /** The role for the core's code; office staff (`admin`) get the inspector's screens on a phone. */
        fun of(session: SessionInfo?): Role? = when (session?.role) {
            "inspector", "admin" -> INSPECTOR
            "borrower" -> BORROWER
            "worker" -> WORKER
            else -> null
        }
    }
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
    const val WALK = "walk/{siteId}"
    const val MINUTES = "minutes/{planId}/{commune}"
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
    var role by remember { mutableStateOf<Role?>(null) }
    val tabs = when (role) {
        Role.INSPECTOR -> listOf(Routes.PLAN to strings.planTitle, Routes.SITES to strings.sitesTitle)
        Role.BORROWER -> listOf(Routes.LOANS to strings.borrowerTab, Routes.REMINDERS to strings.remindersTitle)
        Role.WORKER -> listOf(
            Routes.REGISTER to strings.registrationTitle, Routes.CATALOGUE to strings.workerTab,
            Routes.APPLICATIONS to strings.applicationsTitle,
        )
        null -> emptyList()
    }.let { if (it.isEmpty()) it else it + (Routes.SYNC to strings.syncTitle) }
    val context = LocalContext.current
    fun enter(r: Role) {
        role = r
        SyncWorker.schedule(context) // stopped by a sign-out earlier in this run, if any
        nav.navigate(r.home) { popUpTo(Routes.SIGN_IN) { inclusive = true } }
    }
    fun leave() {
        role = null
        nav.navigate(Routes.SIGN_IN) { popUpTo(0) { inclusive = true } }
    }
    // A session kept in the store from an earlier run: straight to its role's tabs, no sign-in.
    LaunchedEffect(Unit) {
        withContext(Dispatchers.IO) { runCatching { app.store.session() }.getOrNull() }?.let { Role.of(it) }?.let(::enter)
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
                        value = withContext(Dispatchers.IO) { app.store.loanDetail(loanId, LocalDate.now().toString(), 30u, lang) }
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
private fun SignInRoute(app: VieclamApp, strings: UiStrings, onSignedIn: (Role) -> Unit) {
    var state by remember { mutableStateOf(SignInState()) }
    val scope = rememberCoroutineScope()
    val lang = appLanguage(LocalContext.current)
    // The tabs follow the role the server gave the session, whichever way the person came in.
    fun run(call: suspend () -> SessionInfo) = scope.launch {
        state = state.copy(busy = true, error = null)
        state = try {
            val role = Role.of(call())
            state = state.copy(busy = false, password = "")
            role?.let(onSignedIn)
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
        value = withContext(Dispatchers.IO) { app.store.loanList("", 0u, 50u, LocalDate.now().toString(), lang) }
    }
    list?.let { LoansScreen(it, strings) { id -> nav.navigate("loan/$id") } }
}

@Composable
internal fun CatalogueRoute(app: VieclamApp, strings: UiStrings) {
    val lang = appLanguage(LocalContext.current)
    var query by remember { mutableStateOf("") }
    val catalogue by produceState<vn.gov.langson.vieclam.core.Catalogue?>(null, query) {
        value = withContext(Dispatchers.IO) { app.store.catalogue(query, LocalDate.now().toString(), lang) }
    }
    catalogue?.let { CatalogueScreen(it, query, strings, { q -> query = q }, {}) }
}
