//! The commune review route (from a commune's minutes): holds the inspector's review as it is being edited, saves it
//! through the core (`saveReview`: validated, signed, then sent by [SyncWorker]) and shows the core's problems under
//! their fields; the team's reviews, merged by the core, are read again after each save and sync.
package vn.gov.langson.vieclam.app

import android.widget.Toast
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.produceState
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.platform.LocalContext
import androidx.navigation.NavHostController
import java.time.Instant
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import vn.gov.langson.vieclam.core.MergedReviewView
import vn.gov.langson.vieclam.core.MyReview
import vn.gov.langson.vieclam.core.ReviewFormProblems
import vn.gov.langson.vieclam.core.VieclamException
import vn.gov.langson.vieclam.core.errorMessage
import vn.gov.langson.vieclam.core.reviewFormProblems
import vn.gov.langson.vieclam.core.reviewHeadings
import vn.gov.langson.vieclam.core.reviewRatings
import vn.gov.langson.vieclam.core.todayInProvince
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.inspector.CommuneReviewScreen
import vn.gov.langson.vieclam.ui.inspector.ReviewForm

/** The review of `commune` under `planId`. */
@Composable
fun ReviewRoute(app: VieclamApp, strings: UiStrings, nav: NavHostController, planId: String, commune: String) {
    val context = LocalContext.current
    val lang = appLanguage(context)
    val scope = rememberCoroutineScope()
    var revision by remember { mutableStateOf(0) }
    // The last save's problems, sorted by the core under the parts of the review that was saved.
    var problems by remember { mutableStateOf<ReviewFormProblems?>(null) }
    var mine by remember { mutableStateOf<MyReview?>(null) }
    LaunchedEffect(planId, commune) {
        // A first review starts empty on today's date (in the province); an earlier one is edited as saved.
        mine = coreCall(context) { app.store.myReview(planId, commune) }
            ?: MyReview(todayInProvince(), emptyList(), emptyList(), emptyList(), emptyList())
    }
    val team by produceState<MergedReviewView?>(null, revision) {
        value = coreCall(context) { app.store.mergedReview(planId, commune, lang) }
    }
    val editing = mine ?: return
    val shown = team ?: return
    val form = remember(lang, problems) {
        ReviewForm(reviewHeadings(lang), reviewRatings(lang), problems ?: reviewFormProblems(editing, emptyList(), lang))
    }
    CommuneReviewScreen(
        editing, shown, form, strings,
        onChange = { mine = it },
        onSave = {
            scope.launch {
                try {
                    withContext(Dispatchers.IO) {
                        app.store.enrolDevice() // idempotent: the device key is made once
                        app.store.saveReview(planId, commune, editing, Instant.now().toString())
                    }
                    problems = null
                    SyncWorker.now(app)
                    revision++
                } catch (e: VieclamException.Invalid) {
                    problems = reviewFormProblems(editing, e.fields, lang)
                } catch (e: VieclamException) {
                    Toast.makeText(context, errorMessage(e, lang), Toast.LENGTH_LONG).show()
                }
            }
        },
        onBack = { nav.popBackStack() },
    )
}
