// Screenshot tests of the app's `ui` screens: a demo province is loaded into an encrypted store through the
// Kotlin bindings, each main screen is fed the core's real records (in Vietnamese) and rendered to a PNG at phone
// size under build/screenshots/, and each PNG is checked to be a drawn screen, not a blank one. The screens' own
// behaviour is tested in Rust; here the point is that the `ui` module compiles against Compose, draws these
// records, and that a person can look at the result.
package vn.gov.langson.vieclam.ui.screenshots

import java.io.File
import kotlinx.coroutines.runBlocking
import org.junit.AfterClass
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.BeforeClass
import org.junit.Test
import vn.gov.langson.vieclam.core.AnswerInput
import vn.gov.langson.vieclam.core.ApplicationState
import vn.gov.langson.vieclam.core.Language
import vn.gov.langson.vieclam.core.LocationFix
import vn.gov.langson.vieclam.core.MyReview
import vn.gov.langson.vieclam.core.QuestionKind
import vn.gov.langson.vieclam.core.RegistrationForm
import vn.gov.langson.vieclam.core.ReviewAttendee
import vn.gov.langson.vieclam.core.ReviewNote
import vn.gov.langson.vieclam.core.ReviewOpinion
import vn.gov.langson.vieclam.core.ReviewRating
import vn.gov.langson.vieclam.core.VieclamException
import vn.gov.langson.vieclam.core.VieclamStore
import vn.gov.langson.vieclam.core.errorMessage
import vn.gov.langson.vieclam.core.reviewHeadings
import vn.gov.langson.vieclam.core.reviewRatings
import vn.gov.langson.vieclam.core.walkPlot
import vn.gov.langson.vieclam.core.test.DEMO_AS_OF
import vn.gov.langson.vieclam.core.test.demoStore
import vn.gov.langson.vieclam.core.test.tempDir
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.auth.SignInScreen
import vn.gov.langson.vieclam.ui.auth.SignInMode
import vn.gov.langson.vieclam.ui.auth.SignInState
import vn.gov.langson.vieclam.ui.borrower.LoanDetailScreen
import vn.gov.langson.vieclam.ui.borrower.LoanReminders
import vn.gov.langson.vieclam.ui.borrower.LoansScreen
import vn.gov.langson.vieclam.ui.borrower.RemindersScreen
import vn.gov.langson.vieclam.ui.inspector.Here
import vn.gov.langson.vieclam.ui.inspector.CommuneReviewScreen
import vn.gov.langson.vieclam.ui.inspector.MinutesScreen
import vn.gov.langson.vieclam.ui.inspector.PlanScreen
import vn.gov.langson.vieclam.ui.inspector.PlotWalkScreen
import vn.gov.langson.vieclam.ui.inspector.PlotWalkUi
import vn.gov.langson.vieclam.ui.inspector.ReviewForm
import vn.gov.langson.vieclam.ui.inspector.SiteCheckScreen
import vn.gov.langson.vieclam.ui.inspector.SitesScreen
import vn.gov.langson.vieclam.ui.recovery.RecoveryScreen
import vn.gov.langson.vieclam.ui.recovery.StoreProblem
import vn.gov.langson.vieclam.ui.recovery.storeProblemOf
import vn.gov.langson.vieclam.ui.sync.SyncProgressUi
import vn.gov.langson.vieclam.ui.sync.SyncStatusScreen
import vn.gov.langson.vieclam.ui.worker.ApplicationsScreen
import vn.gov.langson.vieclam.ui.worker.CatalogueScreen
import vn.gov.langson.vieclam.ui.worker.RegistrationScreen

class ScreenshotTest {
    companion object {
        private lateinit var dir: File
        private lateinit var store: VieclamStore
        private val strings = UiStrings.Vi

        /** Đình Lập town: the demo has sites around it. */
        private val here = Here(21.545, 107.095)
        private const val START = "2025-10-14T08:30:00+07:00"

        @BeforeClass
        @JvmStatic
        fun loadDemo() {
            dir = tempDir("vieclam-screenshots")
            store = demoStore(dir, 300)
        }

        /** The commune code of a finished check at the assigned site nearest Đình Lập town, made once for the class. */
        private val finishedCommune: String by lazy {
            store.enrolDevice()
            val site = store.sitesNear(here.lat, here.lon, 1u, DEMO_AS_OF, Language.VI).single()
            val at = LocationFix(site.lat, site.lon, 4.0, 400.0, START, "gps", 12u, false)
            val id = store.startCheck(site.siteId, at, START)
            for (q in store.checklist(Language.VI).filter { it.required }) {
                store.answerCheck(id, q.key, when (val kind = q.kind) {
                    is QuestionKind.YesNo -> AnswerInput.YesNo(q.key == "purpose_kept")
                    is QuestionKind.Number -> AnswerInput.Number(3.0)
                    is QuestionKind.Choice -> AnswerInput.Choice(kind.options.first().key)
                    is QuestionKind.Text -> AnswerInput.Text("Hộ vay đề nghị được vay thêm để mở rộng chuồng trại.")
                })
            }
            store.finishCheck(id, "2025-10-14T09:10:00+07:00")
            store.currentPlans(DEMO_AS_OF, Language.VI).plans.single().communes.single { it.communeName == site.communeName }.communeCode
        }

        @AfterClass
        @JvmStatic
        fun removeDemo() {
            store.close()
            dir.deleteRecursively()
        }
    }

    private fun fix(lat: Double, lon: Double, accuracy: Double = 4.0, time: String = START) =
        LocationFix(lat, lon, accuracy, 400.0, time, "gps", 12u, false)

    /** A drawn phone screen: full size, more than a handful of colours (text is anti-aliased), real ink. */
    private fun assertDrawn(png: File) {
        assertTrue("${png.path} was not written", png.isFile && png.length() > 0)
        val ink = ink(png)
        assertEquals(WIDTH_PX to HEIGHT_PX, ink.width to ink.height)
        assertTrue("${png.name}: only ${ink.colours} colours", ink.colours > 20)
        assertTrue("${png.name}: ${ink.inkedFraction} of it inked", ink.inkedFraction > 0.02)
    }

    @Test
    fun signIn() = assertDrawn(renderPng("01-dang-nhap") {
        SignInScreen(SignInState(serverUrl = "https://vieclam.langson.gov.vn", username = "thanhtra.dinhlap"), strings) {}
    })

    @Test
    fun enrolmentRefusedOnTheDevice() {
        // The core checks the fields before any request: no server is needed to get these errors.
        val refused = runCatching {
            runBlocking { store.enrol("http://127.0.0.1:9", "Hoàng Văn Minh", "0123 456", "ngan", "desktop", "desktop") }
        }.exceptionOrNull()
        assertTrue("expected field problems, got $refused", refused is VieclamException.Invalid)
        val problems = (refused as VieclamException.Invalid).fields
        assertEquals(listOf("phone.format", "password.too_short"), problems.map { it.code })
        val text = errorMessage(refused, Language.VI)
        assertEquals(problems.joinToString(" ") { it.messageVi }, text)
        assertTrue(text, text.endsWith("Mật khẩu cần ít nhất 8 ký tự."))
        val state = SignInState(
            mode = SignInMode.ENROL, serverUrl = "https://vieclam.langson.gov.vn", fullName = "Hoàng Văn Minh",
            phone = "0123 456", password = "ngan", error = text,
        )
        assertDrawn(renderPng("01b-dang-ky-nguoi-lao-dong") { SignInScreen(state, strings) {} })
    }

    @Test
    fun plan() {
        finishedCommune // one commune shows a site checked
        val plans = store.currentPlans(DEMO_AS_OF, Language.VI)
        assertTrue("the demo plan runs on its as-of day", plans.plans.single().communes.any { it.checked > 0u })
        assertDrawn(renderPng("02-ke-hoach") { PlanScreen(plans, strings) { _, _ -> } })
    }

    @Test
    fun sitesAsListAndMap() {
        val sites = store.sitesNear(here.lat, here.lon, 8u, null, Language.VI)
        assertEquals(8, sites.size)
        assertTrue("nearest first", sites.zipWithNext().all { (a, b) -> a.distanceM <= b.distanceM })
        assertDrawn(renderPng("03-mo-hinh-danh-sach") { SitesScreen(sites, here, false, strings, {}, {}) })
        assertDrawn(renderPng("04-mo-hinh-ban-do") { SitesScreen(sites, here, true, strings, {}, {}) })
    }

    @Test
    fun siteCheckInProgress() {
        store.enrolDevice()
        val site = store.sitesNear(here.lat, here.lon, 1u, null, Language.VI).single()
        val at = fix(site.lat + 0.0002, site.lon, accuracy = 8.0)
        val verdict = store.checkVerdict(site.siteId, at, Language.VI)
        val checkId = store.startCheck(site.siteId, at, START)
        store.answerCheck(checkId, "purpose_kept", AnswerInput.YesNo(true))
        val questions = store.checklist(Language.VI)
        val detail = store.checkDetail(checkId, Language.VI)
        assertTrue("some required answers are still missing", detail.missingRequired.isNotEmpty())
        assertDrawn(renderPng("05-kiem-tra-mo-hinh") { SiteCheckScreen(detail, verdict, questions, emptyMap(), strings) {} })
    }

    @Test
    fun plotWalk() {
        // A 100 m × 80 m field walked corner to corner: 0.8 ha.
        val dLat = 100.0 / 111_320.0
        val dLon = 80.0 / (111_320.0 * Math.cos(Math.toRadians(here.lat)))
        val corners = listOf(0.0 to 0.0, dLat to 0.0, dLat to dLon, 0.0 to dLon, 0.0 to 0.0)
        val fixes = corners.mapIndexed { i, (a, b) -> fix(here.lat + a, here.lon + b, time = "2025-10-14T08:3$i:00+07:00") }
        val plot = walkPlot(fixes, Language.VI)
        assertEquals(0.8, plot.areaHa, 0.02)
        val walk = PlotWalkUi(false, "${plot.usedPoints} điểm đo", plot, "%.2f ha".format(plot.areaHa).replace('.', ','),
            "${plot.perimeterM.toInt()} m", "0,75 ha")
        assertDrawn(renderPng("06-do-thua-dat") { PlotWalkScreen(walk, strings, {}, {}, {}) })
    }

    @Test
    fun communeMinutes() {
        val minutes = store.communeMinutes(finishedCommune, null, DEMO_AS_OF, Language.VI)
        assertTrue("the finished visit is counted", minutes.checks >= 1u)
        assertDrawn(renderPng("07-bien-ban") { MinutesScreen(minutes, strings, {}, {}) })
    }

    @Test
    fun communeReview() {
        val plan = store.currentPlans(DEMO_AS_OF, Language.VI).plans.single()
        val commune = plan.communes.first().communeCode
        // The form as an inspector fills it in (saving needs a signed-in account: the core's tests cover it).
        val mine = MyReview(
            heldOn = "2025-10-14",
            notes = listOf(
                ReviewNote("leadership", ReviewRating.GOOD, "Họp đủ 12 thôn; loa phát 3 buổi; thủ tục niêm yết tại điểm giao dịch."),
                ReviewNote("book", ReviewRating.FAIR, "Dư nợ tăng 8 %; nợ quá hạn 2,4 %."),
            ),
            attendees = listOf(ReviewAttendee("Hoàng Văn Lân", "Chủ tịch UBND xã")),
            opinions = listOf(ReviewOpinion("Hộ ông Tô Văn Hải", "Xin gia hạn nợ vì lũ.")),
            recommendations = emptyList(),
        )
        val team = store.mergedReview(plan.planId, commune, Language.VI)
        assertEquals(7, team.headings.size)
        val form = ReviewForm(reviewHeadings(Language.VI), reviewRatings(Language.VI), emptyList(), "vi")
        assertDrawn(renderPng("16-danh-gia-xa") { CommuneReviewScreen(mine, team, form, strings, {}, {}, {}) })
    }

    @Test
    fun syncStatus() {
        finishedCommune // a finished check waits to go up
        val status = store.syncStatus(Language.VI)
        assertTrue("changes wait: ${status.lines}", status.waitingTotal > 0uL && status.waiting.isNotEmpty())
        // No server here, so no sync runs: the progress line is the one the app makes from onProgress(PHOTOS, 2, 5).
        val progress = SyncProgressUi(0.4f, "${strings.syncPhotos} 2/5")
        assertDrawn(renderPng("08-dong-bo") { SyncStatusScreen(status, progress, strings, onSyncNow = {}, onSignOut = {}) })
    }

    @Test
    fun loansAndDetail() {
        val list = store.loanList("dinh lap", 0u, 10u, DEMO_AS_OF, Language.VI)
        assertTrue("Đình Lập has borrowers", list.rows.isNotEmpty())
        assertDrawn(renderPng("09-khoan-vay") { LoansScreen(list, strings) {} })
        val detail = store.loanDetail(list.rows.first().loanId, DEMO_AS_OF, 30u, Language.VI)
        assertTrue(detail.schedule.isNotEmpty())
        assertDrawn(renderPng("10-chi-tiet-khoan-vay") { LoanDetailScreen(detail, strings) {} })
    }

    @Test
    fun reminders() {
        val rows = store.loanList("", 0u, 30u, DEMO_AS_OF, Language.VI).rows
        val reminders = rows.map { r ->
            val d = store.loanDetail(r.loanId, DEMO_AS_OF, 60u, Language.VI)
            LoanReminders(r.loanId, d.title, d.reminders)
        }
        assertTrue("some loan is due within 60 days", reminders.any { it.lines.isNotEmpty() })
        assertDrawn(renderPng("11-nhac-han") { RemindersScreen(reminders.filter { it.lines.isNotEmpty() }.take(5), strings) {} })
    }

    @Test
    fun registrationWithErrorsAsTyped() {
        val typed = RegistrationForm(
            fullName = "Hoàng Thị Ngọc Ánh", idNumber = "02009000123", birthDate = "31/02/1995", sex = "Nữ",
            phone = "0912 345 678", communeCode = "06040", address = "Thôn Bản Chắt", countryAbroad = "Đài Loan",
            yearsAbroad = "3", occupation = "Công nhân điện tử", skills = listOf("Hàn linh kiện"),
            languages = listOf("Tiếng Trung"), certificates = emptyList(), wants = listOf("domestic_job"), consent = false,
        )
        val touched = listOf("full_name", "id_number", "birth_date", "phone", "consent")
        val form = store.registrationFormState(typed, touched, DEMO_AS_OF, Language.VI)
        assertTrue("a bad CCCD and date are caught as typed", form.fields.count { it.error != null } >= 2)
        assertTrue(!form.canSubmit)
        assertDrawn(renderPng("12-dang-ky") { RegistrationScreen(form, false, strings) {} })
    }

    @Test
    fun catalogue() {
        val catalogue = store.catalogue("", DEMO_AS_OF, Language.VI)
        assertTrue(catalogue.programmes.isNotEmpty())
        assertDrawn(renderPng("13-chuong-trinh") { CatalogueScreen(catalogue, "", strings, {}, {}) })
    }

    @Test
    fun storeThatWillNotOpen() {
        // The launch the recovery screen is for: the store file is there but this key does not open it (the phone's
        // keystore was reset, or the file came back from a restore). The core says WrongKey; a file of garbage is
        // refused as well, and neither is shown as anything but what it is.
        val dir = tempDir("vieclam-recovery")
        try {
            val path = File(dir, "vieclam.db").path
            VieclamStore.open(path, ByteArray(32) { 1 }).close()
            val wrongKey = runCatching { VieclamStore.open(path, ByteArray(32) { 2 }) }.exceptionOrNull()
            assertTrue("expected WrongKey, got $wrongKey", wrongKey is VieclamException.WrongKey)
            assertEquals(StoreProblem.WRONG_KEY, storeProblemOf(wrongKey as VieclamException))
            val garbage = File(dir, "damaged.db").apply { writeBytes(ByteArray(8192) { (it * 7).toByte() }) }
            val damaged = runCatching { VieclamStore.open(garbage.path, ByteArray(32) { 1 }) }.exceptionOrNull()
            assertTrue("expected a core error, got $damaged", damaged is VieclamException)
            assertTrue(storeProblemOf(damaged as VieclamException) != StoreProblem.TOO_NEW)
        } finally {
            dir.deleteRecursively()
        }
        assertDrawn(renderPng("17-khoi-phuc-du-lieu") { RecoveryScreen(StoreProblem.WRONG_KEY, strings, busy = false) {} })
    }

    @Test
    fun applications() {
        val form = RegistrationForm(
            fullName = "Lương Văn Tiến", idNumber = "020092004567", birthDate = "02/09/1992", sex = "Nam",
            phone = "0987 654 321", communeCode = "06040", address = "Thôn Khòn Pát", countryAbroad = "Nhật Bản",
            yearsAbroad = "3", occupation = "Thợ hàn", skills = listOf("Hàn điện"), languages = listOf("Tiếng Nhật"),
            certificates = emptyList(), wants = listOf("domestic_job", "training"), consent = true,
        )
        store.submitRegistration(form, DEMO_AS_OF)
        val list = store.applications(Language.VI)
        assertEquals(ApplicationState.WAITING, list.rows.first().state)
        assertDrawn(renderPng("14-ho-so") { ApplicationsScreen(list, strings) })
    }
}
