// Screenshot tests of the app's `ui` screens: a demo province is loaded into an encrypted store through the
// Kotlin bindings, and each main screen is fed the core's real records and rendered at phone size three ways:
// in Vietnamese (NN-name.png), in English (the core's records asked in English and the app's English labels,
// NN-name.en.png) and in Vietnamese at font scale 2 (NN-name.font2.png), under build/screenshots/. Each rendering
// is checked on its PNG (a drawn screen, not a blank one) and on its semantics tree (Render.kt's `problems`): the
// record's key texts are there, no raw key is shown, every tap target is at least 48 × 48 dp, no text is squeezed
// to nothing or runs off the screen. The screens' own behaviour is tested in Rust; here the point is that the `ui`
// module compiles against Compose, draws these records legibly in both languages and at large type, and that a
// person can look at the result.
package vn.gov.langson.vieclam.ui.screenshots

import androidx.compose.runtime.Composable
import java.io.File
import kotlinx.coroutines.runBlocking
import org.junit.AfterClass
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.BeforeClass
import org.junit.Test
import vn.gov.langson.vieclam.core.AnswerInput
import vn.gov.langson.vieclam.core.ApplicationState
import vn.gov.langson.vieclam.core.FieldKind
import vn.gov.langson.vieclam.core.FieldProblem
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
import vn.gov.langson.vieclam.core.reviewFormProblems
import vn.gov.langson.vieclam.core.reviewHeadings
import vn.gov.langson.vieclam.core.reviewRatings
import vn.gov.langson.vieclam.core.walkPlot
import vn.gov.langson.vieclam.core.test.DEMO_AS_OF
import vn.gov.langson.vieclam.core.test.demoStore
import vn.gov.langson.vieclam.core.test.tempDir
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

/** One variant of a screen: the texts a person must find on it (from the records fed in) and the screen itself. */
class Shot(val mustShow: List<String>, val content: @Composable () -> Unit)

class ScreenshotTest {
    companion object {
        private lateinit var dir: File
        private lateinit var store: VieclamStore

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

    /** A drawn phone screen: a PNG written, full size, more than a handful of colours (text is anti-aliased), real ink. */
    private fun drawnProblems(screen: Screen): List<String> {
        val png = screen.png
        if (!png.isFile || png.length() == 0L) return listOf("${png.path} was not written")
        val ink = screen.ink
        return listOfNotNull(
            "${png.name}: ${ink.width} × ${ink.height} px".takeIf { ink.width != WIDTH_PX || ink.height != HEIGHT_PX },
            "${png.name}: only ${ink.colours} colours".takeIf { ink.colours <= 20 },
            "${png.name}: ${ink.inkedFraction} of it inked".takeIf { ink.inkedFraction <= 0.02 },
        )
    }

    /**
     * Renders screen `name` in every [Variant] (`shot` makes each from the records asked in the variant's language)
     * and checks each PNG and semantics tree; every variant is rendered, and all their problems reported together.
     */
    private fun screen(name: String, shot: (Variant) -> Shot) {
        val problems = mutableListOf<String>()
        for (v in Variant.values()) {
            val s = shot(v)
            val rendered = renderScreen(name + v.suffix, v.fontScale, s.content)
            problems += drawnProblems(rendered) + problems(rendered, s.mustShow)
        }
        assertTrue(problems.joinToString("\n", prefix = "\n"), problems.isEmpty())
    }

    @Test
    fun signIn() = screen("01-dang-nhap") { v ->
        val s = v.strings
        val state = SignInState(serverUrl = "https://vieclam.langson.gov.vn", username = "thanhtra.dinhlap")
        Shot(listOf(s.appName, s.serverUrl, state.serverUrl, s.signInTitle, s.username, state.username, s.password, s.enrol)) {
            SignInScreen(state, s) {}
        }
    }

    @Test
    fun enrolmentRefusedOnTheDevice() {
        // The core checks the fields before any request: no server is needed to get these errors.
        val refused = runCatching {
            runBlocking { store.enrol("http://127.0.0.1:9", "Hoàng Văn Minh", "0123 456", "ngan", "desktop", "desktop") }
        }.exceptionOrNull()
        assertTrue("expected field problems, got $refused", refused is VieclamException.Invalid)
        val problems = (refused as VieclamException.Invalid).fields
        assertEquals(listOf("phone.format", "password.too_short"), problems.map { it.code })
        assertTrue(errorMessage(refused, Language.VI).endsWith("Mật khẩu cần ít nhất 8 ký tự."))
        screen("01b-dang-ky-nguoi-lao-dong") { v ->
            val text = errorMessage(refused, v.language)
            assertEquals(problems.joinToString(" ") { if (v.language == Language.EN) it.messageEn else it.messageVi }, text)
            val state = SignInState(
                mode = SignInMode.ENROL, serverUrl = "https://vieclam.langson.gov.vn", fullName = "Hoàng Văn Minh",
                phone = "0123 456", password = "ngan", error = text,
            )
            val s = v.strings
            Shot(listOf(text, s.enrolTitle, s.fullName, state.fullName, s.phone, state.phone, s.enrolHint)) { SignInScreen(state, s) {} }
        }
    }

    @Test
    fun plan() {
        finishedCommune // one commune shows a site checked
        screen("02-ke-hoach") { v ->
            val plans = store.currentPlans(DEMO_AS_OF, v.language)
            val plan = plans.plans.single()
            val checked = plan.communes.first { it.checked > 0u }
            Shot(listOf(plans.title.ifEmpty { v.strings.planTitle }, plan.code, plan.title, plan.datesText, checked.communeName, checked.sitesText)) {
                PlanScreen(plans, v.strings) { _, _ -> }
            }
        }
    }

    @Test
    fun sitesAsListAndMap() {
        for ((name, map) in listOf("03-mo-hinh-danh-sach" to false, "04-mo-hinh-ban-do" to true)) screen(name) { v ->
            val sites = store.sitesNear(here.lat, here.lon, 8u, null, v.language)
            assertEquals(8, sites.size)
            assertTrue("nearest first", sites.zipWithNext().all { (a, b) -> a.distanceM <= b.distanceM })
            val s = v.strings
            val first = sites.first()
            val texts = listOf(s.sitesTitle, s.showList, s.showMap, first.borrowerName, "${first.modelText} · ${first.communeName}", first.distanceText)
            Shot(if (map) texts + s.youAreHere else texts) { SitesScreen(sites, here, map, s, {}, {}) }
        }
    }

    @Test
    fun siteCheckInProgress() {
        store.enrolDevice()
        val site = store.sitesNear(here.lat, here.lon, 1u, null, Language.VI).single()
        val at = fix(site.lat + 0.0002, site.lon, accuracy = 8.0)
        val checkId = store.startCheck(site.siteId, at, START)
        store.answerCheck(checkId, "purpose_kept", AnswerInput.YesNo(true))
        screen("05-kiem-tra-mo-hinh") { v ->
            val verdict = store.checkVerdict(site.siteId, at, v.language)
            val questions = store.checklist(v.language)
            val detail = store.checkDetail(checkId, v.language)
            assertTrue("some required answers are still missing", detail.missingRequired.isNotEmpty())
            val field = detail.fields.first()
            val s = v.strings
            Shot(listOfNotNull(detail.title, verdict.message, field.label, field.value, s.checklist, questions.first().prompt, detail.missingText, s.finishCheck)) {
                SiteCheckScreen(detail, verdict, questions, emptyMap(), s) {}
            }
        }
    }

    @Test
    fun plotWalk() {
        // A 100 m × 80 m field walked corner to corner: 0.8 ha.
        val dLat = 100.0 / 111_320.0
        val dLon = 80.0 / (111_320.0 * Math.cos(Math.toRadians(here.lat)))
        val corners = listOf(0.0 to 0.0, dLat to 0.0, dLat to dLon, 0.0 to dLon, 0.0 to 0.0)
        val fixes = corners.mapIndexed { i, (a, b) -> fix(here.lat + a, here.lon + b, time = "2025-10-14T08:3$i:00+07:00") }
        screen("06-do-thua-dat") { v ->
            val plot = walkPlot(fixes, v.language)
            assertEquals(0.8, plot.areaHa, 0.02)
            val points = if (v.language == Language.EN) "points measured" else "điểm đo"
            val funded = if (v.language == Language.EN) "0.75 ha" else "0,75 ha"
            val walk = PlotWalkUi(false, "${plot.usedPoints} $points", plot, plot.areaText, plot.perimeterText, funded)
            val s = v.strings
            Shot(listOf(s.walkTitle, s.walkStart, plot.message, s.walkedArea, plot.areaText, s.fundedArea, s.perimeter, plot.perimeterText)) {
                PlotWalkScreen(walk, s, {}, {}, {})
            }
        }
    }

    @Test
    fun communeMinutes() = screen("07-bien-ban") { v ->
        val minutes = store.communeMinutes(finishedCommune, null, DEMO_AS_OF, v.language)
        assertTrue("the finished visit is counted", minutes.checks >= 1u)
        val header = minutes.header.first()
        val s = v.strings
        Shot(listOf(s.minutesTitle, minutes.title, minutes.subject, header.label, header.value, minutes.sections.first().title, s.exportMinutes)) {
            MinutesScreen(minutes, s, {}, {})
        }
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
            attendees = listOf(ReviewAttendee("Hoàng Văn Lân", "Chủ tịch UBND xã"), ReviewAttendee("", "Cán bộ LĐ-TB&XH")),
            opinions = listOf(ReviewOpinion("Hộ ông Tô Văn Hải", "Xin gia hạn nợ vì lũ.")),
            recommendations = emptyList(),
        )
        screen("16-danh-gia-xa") { v ->
            val team = store.mergedReview(plan.planId, commune, v.language)
            assertEquals(7, team.headings.size)
            // A save refused for the second attendee's missing name: the core places the problem under that field.
            val missing = FieldProblem("attendees[1].name", "review.required", "Cần nhập họ tên.", "A name is needed.")
            val problems = reviewFormProblems(mine, listOf(missing), v.language)
            assertEquals(listOf(null, if (v.language == Language.EN) missing.messageEn else missing.messageVi), problems.attendees.items.map { it.first })
            val form = ReviewForm(reviewHeadings(v.language), reviewRatings(v.language), problems)
            val s = v.strings
            val texts = listOf(
                problems.attendees.items[1].first!!,
                "${team.title} — ${team.communeName}", s.reviewMine, form.headings.first().label, form.ratings.first().label,
                form.ratings.last().label, mine.notes.first().text, s.reviewAttendees, mine.attendees.first().name, s.reviewSave, s.reviewTeam,
            )
            Shot(texts) { CommuneReviewScreen(mine, team, form, s, {}, {}, {}) }
        }
    }

    @Test
    fun syncStatus() {
        finishedCommune // a finished check waits to go up
        screen("08-dong-bo") { v ->
            val status = store.syncStatus(v.language)
            assertTrue("changes wait: ${status.lines}", status.waitingTotal > 0uL && status.waiting.isNotEmpty())
            val s = v.strings
            // No server here, so no sync runs: the progress line is the one the app makes from onProgress(PHOTOS, 2, 5).
            val progress = SyncProgressUi(0.4f, "${s.syncPhotos} 2/5")
            Shot(listOf(s.syncTitle, s.lastSync, status.lastSuccess ?: s.neverSynced, progress.text, s.syncNow, status.waiting.first().label, s.photosWaiting)) {
                SyncStatusScreen(status, progress, s, onSyncNow = {}, onSignOut = {})
            }
        }
    }

    @Test
    fun loansAndDetail() {
        screen("09-khoan-vay") { v ->
            val list = store.loanList("dinh lap", 0u, 10u, DEMO_AS_OF, v.language)
            assertTrue("Đình Lập has borrowers", list.rows.isNotEmpty())
            val row = list.rows.first()
            Shot(listOf(list.title.ifBlank { v.strings.loansTitle }, row.borrowerName, row.agreementNo, row.stateText, row.outstandingText)) {
                LoansScreen(list, v.strings) {}
            }
        }
        screen("10-chi-tiet-khoan-vay") { v ->
            val loanId = store.loanList("dinh lap", 0u, 1u, DEMO_AS_OF, v.language).rows.first().loanId
            val detail = store.loanDetail(loanId, DEMO_AS_OF, 30u, v.language)
            assertTrue(detail.schedule.isNotEmpty())
            val field = detail.fields.first()
            val s = v.strings
            Shot(listOf(detail.title, s.back, field.label, field.value, detail.scheduleTitle, detail.schedule.first().amountText)) {
                LoanDetailScreen(detail, s) {}
            }
        }
    }

    @Test
    fun reminders() = screen("11-nhac-han") { v ->
        val rows = store.loanList("", 0u, 30u, DEMO_AS_OF, v.language).rows
        val reminders = rows.map { r ->
            val d = store.loanDetail(r.loanId, DEMO_AS_OF, 60u, v.language)
            LoanReminders(r.loanId, d.title, d.reminders)
        }.filter { it.lines.isNotEmpty() }.take(5)
        assertTrue("some loan is due within 60 days", reminders.isNotEmpty())
        Shot(listOf(v.strings.remindersTitle, reminders.first().loanTitle, reminders.first().lines.first())) {
            RemindersScreen(reminders, v.strings) {}
        }
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
        screen("12-dang-ky") { v ->
            val form = store.registrationFormState(typed, touched, DEMO_AS_OF, v.language)
            val errors = form.fields.mapNotNull { it.error }
            assertTrue("a bad CCCD and date are caught as typed", errors.size >= 2)
            assertTrue(!form.canSubmit)
            val first = form.fields.first()
            // Choices show the labels of what the form holds (the commune's name, "Nữ", what the worker wants), not codes.
            val chosen = form.fields.filter { it.kind == FieldKind.CHOICE || it.kind == FieldKind.MULTI_CHOICE }
                .flatMap { f -> f.options.filter { it.selected }.map { it.label } }
            assertTrue("the commune, sex and wants typed are chosen options: $chosen", chosen.size >= 3)
            Shot(listOf(form.title.ifBlank { v.strings.registrationTitle }, first.label, first.value, v.strings.consent, form.submitLabel) + errors + chosen) {
                RegistrationScreen(form, false, v.strings) {}
            }
        }
    }

    @Test
    fun catalogue() = screen("13-chuong-trinh") { v ->
        val catalogue = store.catalogue("", DEMO_AS_OF, v.language)
        assertTrue(catalogue.programmes.isNotEmpty())
        val p = catalogue.programmes.first()
        Shot(listOf(catalogue.title.ifBlank { v.strings.catalogueTitle }, v.strings.search, p.kindText, p.title)) {
            CatalogueScreen(catalogue, "", v.strings, {}, {})
        }
    }

    @Test
    fun storeThatWillNotOpen() {
        // The launch the recovery screen is for: the store file is there but this key does not open it (the phone's
        // keystore was reset, or the file came back from a restore). The core says WrongKey; a file of garbage is
        // refused as well, and neither is shown as anything but what it is.
        val dir = tempDir("vieclam-recovery")
        val problem = try {
            val path = File(dir, "vieclam.db").path
            VieclamStore.open(path, ByteArray(32) { 1 }).close()
            val wrongKey = runCatching { VieclamStore.open(path, ByteArray(32) { 2 }) }.exceptionOrNull()
            assertTrue("expected WrongKey, got $wrongKey", wrongKey is VieclamException.WrongKey)
            val garbage = File(dir, "damaged.db").apply { writeBytes(ByteArray(8192) { (it * 7).toByte() }) }
            val damaged = runCatching { VieclamStore.open(garbage.path, ByteArray(32) { 1 }) }.exceptionOrNull()
            assertTrue("expected a core error, got $damaged", damaged is VieclamException)
            assertTrue(storeProblemOf(damaged as VieclamException) != StoreProblem.TOO_NEW)
            storeProblemOf(wrongKey as VieclamException)
        } finally {
            dir.deleteRecursively()
        }
        assertEquals(StoreProblem.WRONG_KEY, problem)
        screen("17-khoi-phuc-du-lieu") { v ->
            val s = v.strings
            Shot(listOf(s.recoveryTitle, s.recoveryWrongKey, s.recoveryKeptTitle, s.recoverySafe, s.recoveryMayLose, s.recoveryAction)) {
                RecoveryScreen(problem, s, busy = false) {}
            }
        }
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
        screen("14-ho-so") { v ->
            val list = store.applications(v.language)
            val row = list.rows.first()
            assertEquals(ApplicationState.WAITING, row.state)
            Shot(listOf(list.title.ifEmpty { v.strings.applicationsTitle }, row.title, row.fullName, row.sentText, row.statusText)) {
                ApplicationsScreen(list, v.strings)
            }
        }
    }
}
