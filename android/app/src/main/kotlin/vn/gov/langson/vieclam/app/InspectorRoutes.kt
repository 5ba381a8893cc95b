//! The inspector's routes: the running plans, a commune's minutes (printed from the core's HTML) and its review
//! ([ReviewRoute]), nearest sites
//! (list or map), a site check with camera and plot walk (the sync tab is every role's: [SyncRoute]). Fixes come from [bestFix] and [fixes]; photos
//! from [CameraCapture]; all judgement is the core's. A window that ends with no fix (GPS off, permission refused)
//! is said so on screen ([LocationProblemScreen]) or in a message, never waited on forever.
package vn.gov.langson.vieclam.app

import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateListOf
import androidx.compose.runtime.mutableStateMapOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.produceState
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.platform.LocalContext
import androidx.navigation.NavGraphBuilder
import androidx.navigation.NavHostController
import androidx.navigation.compose.composable
import java.time.Instant
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import vn.gov.langson.vieclam.core.AnswerInput
import vn.gov.langson.vieclam.core.CheckDetail
import vn.gov.langson.vieclam.core.CommuneMinutes
import vn.gov.langson.vieclam.core.LocationFix
import vn.gov.langson.vieclam.core.PlanList
import vn.gov.langson.vieclam.core.SiteRow
import vn.gov.langson.vieclam.core.VerdictView
import vn.gov.langson.vieclam.core.shutterFix
import vn.gov.langson.vieclam.core.todayInProvince
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.inspector.CheckAction
import vn.gov.langson.vieclam.ui.inspector.Here
import vn.gov.langson.vieclam.ui.inspector.MinutesScreen
import vn.gov.langson.vieclam.ui.inspector.PlanScreen
import vn.gov.langson.vieclam.ui.inspector.PlotWalkScreen
import vn.gov.langson.vieclam.ui.inspector.PlotWalkUi
import vn.gov.langson.vieclam.ui.inspector.SiteCheckScreen
import vn.gov.langson.vieclam.ui.inspector.SitesScreen

/** Adds the inspector's routes to the graph. */
fun NavGraphBuilder.inspectorRoutes(nav: NavHostController, app: VieclamApp, strings: UiStrings) {
    composable(Routes.PLAN) {
        val context = LocalContext.current
        val lang = appLanguage(context)
        val plans by produceState<PlanList?>(null) {
            value = coreCall(context) { app.store.currentPlans(todayInProvince(), lang) }
        }
        plans?.let { PlanScreen(it, strings) { plan, commune -> nav.navigate("minutes/${plan.planId}/${commune.communeCode}") } }
    }
    composable(Routes.SITES) { SitesRoute(app, strings, nav) }
    composable(Routes.CHECK) { entry ->
        val checkId = entry.arguments?.getString("checkId") ?: return@composable
        CheckRoute(app, strings, nav, checkId, entry.arguments?.getString("siteId") ?: return@composable)
    }
    composable(Routes.CAMERA) { entry ->
        val checkId = entry.arguments?.getString("checkId") ?: return@composable
        val context = LocalContext.current
        val scope = rememberCoroutineScope()
        // Fixes keep coming while the camera is open, so the photo is stamped with where the phone was when the
        // shutter was pressed, not seconds later (a person walks on). The last minute's are enough.
        val recent = remember { mutableStateListOf<LocationFix>() }
        LaunchedEffect(Unit) {
            try {
                fixes(context).collect { fix ->
                    recent.add(fix)
                    if (recent.size > PHOTO_FIXES_KEPT) recent.removeAt(0)
                }
            } catch (e: SecurityException) {
                // No permission: nothing kept; the shutter then says why there is no fix.
            }
        }
        CameraCapture(strings.takePhoto, onJpeg = { jpeg, rotation ->
            val shutter = Instant.now()
            val around = recent.toList()
            scope.launch {
                // The core's fix for the shutter (its rule says which seconds around it count); only when there is
                // none (the camera was opened an instant ago, or GPS is off) a fresh window is waited for. With no
                // fix at all (GPS off, permission refused) the photo is not added, and the person is told why.
                val atShutter = coreCall(context) { shutterFix(around, shutter.toString()) }
                val outcome = atShutter?.let { FixOutcome.Got(it) } ?: bestFix(context, count = 3)
                val fix = outcome.fixOrNull
                if (fix == null) showMessage(context, outcome.problem(context))
                else coreCall(context) { app.store.addPhoto(checkId, jpeg, rotation, fix, app.photosDir.path) }
                nav.popBackStack()
            }
        }, onError = { nav.popBackStack() })
    }
    composable(Routes.WALK) { entry ->
        val checkId = entry.arguments?.getString("checkId") ?: return@composable
        WalkRoute(app, strings, nav, checkId)
    }
    composable(Routes.MINUTES) { entry ->
        val planId = entry.arguments?.getString("planId") ?: return@composable
        val commune = entry.arguments?.getString("commune") ?: return@composable
        val context = LocalContext.current
        val lang = appLanguage(context)
        val minutes by produceState<CommuneMinutes?>(null, planId, commune) {
            value = coreCall(context) { app.store.communeMinutes(commune, planId, todayInProvince(), lang) }
        }
        minutes?.let { m ->
            MinutesScreen(
                m, strings,
                onExport = { printHtml(context, m.title, m.html) },
                onBack = { nav.popBackStack() },
                onReview = { nav.navigate("review/$planId/$commune") },
            )
        }
    }
    composable(Routes.REVIEW) { entry ->
        val planId = entry.arguments?.getString("planId") ?: return@composable
        val commune = entry.arguments?.getString("commune") ?: return@composable
        ReviewRoute(app, strings, nav, planId, commune)
    }
}

@Composable
private fun SitesRoute(app: VieclamApp, strings: UiStrings, nav: NavHostController) {
    val context = LocalContext.current
    val lang = appLanguage(context)
    var showMap by remember { mutableStateOf(false) }
    // Each retry asks for a new window; until one ends the screen says it is working, never stays blank.
    var attempt by remember { mutableStateOf(0) }
    val outcome by produceState<FixOutcome?>(null, attempt) { value = null; value = bestFix(context) }
    val here = when (val o = outcome) {
        null -> { WaitingScreen(strings.sitesTitle, strings); return }
        is FixOutcome.Got -> o.fix
        else -> { LocationProblemScreen(strings.sitesTitle, o) { attempt++ }; return }
    }
    val sites by produceState(emptyList<SiteRow>(), here) {
        value = coreCall(context) { app.store.sitesNear(here.lat, here.lon, 30u, todayInProvince(), lang) }.orEmpty()
    }
    val scope = rememberCoroutineScope()
    var starting by remember { mutableStateOf(false) }
    SitesScreen(sites, Here(here.lat, here.lon), showMap, strings, { showMap = it }) { site ->
        if (starting) return@SitesScreen // a double tap starts one check, not two
        starting = true
        scope.launch {
            // A check this device left open at the site (the app was closed mid-check) is reopened, not doubled.
            val open = coreCall(context) { app.store.openChecks(lang) }?.firstOrNull { it.siteId == site.siteId }
            val checkId = open?.checkId ?: run {
                val started = bestFix(context)
                val startFix = started.fixOrNull
                if (startFix == null) {
                    showMessage(context, started.problem(context))
                    return@run null
                }
                coreCall(context) {
                    app.store.enrolDevice() // idempotent: the device key is made once
                    app.store.startCheck(site.siteId, startFix, Instant.now().toString())
                }
            }
            starting = false
            if (checkId == null) return@launch
            nav.navigate("check/$checkId/${site.siteId}")
        }
    }
}

@Composable
private fun CheckRoute(app: VieclamApp, strings: UiStrings, nav: NavHostController, checkId: String, siteId: String) {
    val context = LocalContext.current
    val lang = appLanguage(context)
    val scope = rememberCoroutineScope()
    val drafts = remember { mutableStateMapOf<String, String>() }
    var revision by remember { mutableStateOf(0) }
    val check by produceState<CheckDetail?>(null, revision) {
        value = coreCall(context) { app.store.checkDetail(checkId, lang) }
    }
    // The verdict of the fix now, so the inspector sees whether they are still at the site while working.
    val verdict by produceState<VerdictView?>(null, revision) {
        // No fix (GPS off, permission refused): no verdict is shown rather than a made-up one; the work goes on.
        val fix = bestFix(context).fixOrNull ?: return@produceState
        value = runCatching { withContext(Dispatchers.IO) { app.store.checkVerdict(siteId, fix, lang) } }.getOrNull()
    }
    val questions = remember { app.store.checklist(lang) }
    // The question whose typed answer is a draft (see the core's `draftAnswer`): leaving it signs it once.
    var typing by remember { mutableStateOf<String?>(null) }
    suspend fun leave() {
        val key = typing ?: return
        typing = null
        coreCall(context) { app.store.leaveQuestion(checkId, key) }
    }
    val shown = check ?: return
    SiteCheckScreen(shown, verdict, questions, drafts, strings) { action ->
        when (action) {
            is CheckAction.Draft -> drafts[action.key] = action.text
            // Typed values (text, numbers) arrive on every keystroke: kept as a draft, unsigned. A tap (yes/no, a
            // choice) is the answer itself. Moving to another question leaves the one being typed.
            is CheckAction.Answer -> scope.launch {
                if (typing != null && typing != action.key) leave()
                val typed = action.value is AnswerInput.Text || action.value is AnswerInput.Number
                if (typed) {
                    typing = action.key
                    coreCall(context) { app.store.draftAnswer(checkId, action.key, action.value) }
                    revision++ // a read: the core counts the draft for "can finish"
                } else {
                    coreCall(context) { app.store.answerCheck(checkId, action.key, action.value) }
                    revision++
                }
            }
            CheckAction.TakePhoto -> scope.launch { leave(); nav.navigate("camera/$checkId") }
            CheckAction.WalkPlot -> scope.launch { leave(); nav.navigate("walk/$checkId") }
            // The core signs the drafts still open before it judges the check whole.
            CheckAction.Finish -> scope.launch {
                typing = null
                coreCall(context) { app.store.finishCheck(checkId, Instant.now().toString()) } ?: return@launch
                SyncWorker.now(context)
                revision++
            }
            CheckAction.Back -> scope.launch { leave(); nav.popBackStack() }
        }
    }
}

/** The walk of check `checkId`: once stopped, measured and recorded on the check by the core (signed, queued). */
@Composable
private fun WalkRoute(app: VieclamApp, strings: UiStrings, nav: NavHostController, checkId: String) {
    val context = LocalContext.current
    val lang = appLanguage(context)
    val scope = rememberCoroutineScope()
    val taken = remember { mutableStateListOf<LocationFix>() }
    var job by remember { mutableStateOf<Job?>(null) }
    var ui by remember { mutableStateOf(PlotWalkUi(false, "", null, null, null, null)) }
    PlotWalkScreen(
        ui.copy(fixesText = "${taken.size}"),
        strings,
        onStart = {
            taken.clear()
            ui = ui.copy(walking = true, plot = null)
            job = scope.launch {
                // Permission refused or revoked mid-walk: the walk stops with the reason instead of crashing.
                try {
                    fixes(context).collect { taken.add(it) }
                } catch (e: SecurityException) {
                    ui = ui.copy(walking = false)
                    showMessage(context, FixOutcome.NoPermission.problem(context))
                }
            }
        },
        onStop = {
            job?.cancel()
            ui = ui.copy(walking = false)
            scope.launch {
                // The core measures and records the walk on the check; a walk that makes no plot is shown as its
                // refusal (too few points, crossing itself) and nothing is kept.
                val walk = coreCall(context) {
                    app.store.recordWalk(checkId, taken.toList(), Instant.now().toString(), lang)
                } ?: return@launch
                ui = ui.copy(
                    plot = walk.plot,
                    areaText = walk.plot.areaText,
                    perimeterText = walk.plot.perimeterText,
                    verdictText = walk.verdictText,
                )
            }
        },
        onBack = { job?.cancel(); nav.popBackStack() },
    )
}

/** Fixes kept while the camera is open (about one a second). */
private const val PHOTO_FIXES_KEPT = 60

