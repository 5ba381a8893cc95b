// The screen records of the inspector's plan, the commune minutes and a worker's applications, through the
// bindings: built from a demo province and a check finished at one of its sites, so the figures they carry are
// the ones the store holds (a site counted once as checked, one visit in the minutes, a registration waiting).
package vn.gov.langson.vieclam.core.test

import java.io.File
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertThrows
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Test
import vn.gov.langson.vieclam.core.AnswerInput
import vn.gov.langson.vieclam.core.ApplicationState
import vn.gov.langson.vieclam.core.Language
import vn.gov.langson.vieclam.core.LocationFix
import vn.gov.langson.vieclam.core.QuestionKind
import vn.gov.langson.vieclam.core.RegistrationForm
import vn.gov.langson.vieclam.core.SiteRow
import vn.gov.langson.vieclam.core.VieclamException
import vn.gov.langson.vieclam.core.VieclamStore

class ScreenRecordsTest {
    private lateinit var dir: File

    /** Within the demo plan's field work (DEMO_AS_OF − 30 days to + 60 days). */
    private val start = "2025-10-14T08:30:00+07:00"
    private val end = "2025-10-14T09:10:00+07:00"

    @Before
    fun makeDir() {
        dir = tempDir("vieclam-screens-test")
    }

    @After
    fun removeDir() {
        dir.deleteRecursively()
    }

    /** The site nearest Lạng Sơn city among those the running plan assigns. */
    private fun assignedSite(store: VieclamStore): SiteRow =
        store.sitesNear(21.85, 106.76, 1u, DEMO_AS_OF, Language.VI).single()

    /** Starts a check at the site, answers every required question, and finishes it. */
    private fun finishCheckAt(store: VieclamStore, site: SiteRow): String {
        store.enrolDevice()
        val id = store.startCheck(site.siteId, LocationFix(site.lat, site.lon, 4.0, 400.0, start, "gps", 12u, false), start)
        for (q in store.checklist(Language.VI).filter { it.required }) {
            val answer = when (val kind = q.kind) {
                is QuestionKind.YesNo -> AnswerInput.YesNo(q.key == "purpose_kept")
                is QuestionKind.Number -> AnswerInput.Number(2.0)
                is QuestionKind.Choice -> AnswerInput.Choice(kind.options.first().key)
                is QuestionKind.Text -> AnswerInput.Text("Mô hình hoạt động tốt")
            }
            store.answerCheck(id, q.key, answer)
        }
        store.finishCheck(id, end)
        return id
    }

    @Test
    fun theRunningPlanListsItsCommunesAndCountsAFinishedCheckOnce() {
        demoStore(dir, 200).use { store ->
            val list = store.currentPlans(DEMO_AS_OF, Language.VI)
            assertEquals("Kế hoạch kiểm tra", list.title)
            val plan = list.plans.single()
            assertEquals("452/KH-SNV", plan.code)
            assertEquals("2025-09-20" to "2025-12-19", plan.startsOn to plan.endsOn)
            assertEquals("Từ 20/09/2025 đến 19/12/2025", plan.datesText)
            assertEquals(4, plan.communes.size)
            assertTrue("nothing checked yet", plan.communes.all { it.checked == 0u })

            val site = assignedSite(store)
            val commune = plan.communes.single { it.communeName == site.communeName }
            assertTrue("${commune.communeName} has the site", commune.sites >= 1u)
            finishCheckAt(store, site)
            finishCheckAt(store, site) // a second visit to the same site is still one site checked

            val after = store.plan(null, Language.VI)
            assertEquals(plan.planId, after.planId)
            val row = after.communes.single { it.communeCode == commune.communeCode }
            assertEquals(1u, row.checked)
            assertEquals("${row.sites} mô hình · đã kiểm tra 1", row.sitesText)
            assertEquals("by number, in English", "${row.sites} sites · 1 checked",
                store.plan("452/KH-SNV", Language.EN).communes.single { it.communeCode == commune.communeCode }.sitesText)

            val none = store.currentPlans("2030-01-01", Language.VI)
            assertTrue(none.plans.isEmpty())
            assertTrue(none.emptyText, none.emptyText.startsWith("Hôm nay không có kế hoạch"))
            assertThrows(VieclamException.NotFound::class.java) { store.plan("999/KH-X", Language.VI) }
            assertThrows(VieclamException.Invalid::class.java) { store.currentPlans("14/13/2025", Language.VI) }
        }
    }

    @Test
    fun theMinutesOfACommuneCountTheFinishedVisitAndPrintAsHtml() {
        demoStore(dir, 200).use { store ->
            val site = assignedSite(store)
            val commune = store.plan(null, Language.VI).communes.single { it.communeName == site.communeName }
            val empty = store.communeMinutes(commune.communeCode, null, DEMO_AS_OF, Language.VI)
            assertEquals(0u, empty.checks)

            finishCheckAt(store, site)
            val m = store.communeMinutes(commune.communeCode, "452/KH-SNV", DEMO_AS_OF, Language.VI)
            assertEquals("Biên bản kiểm tra", m.title)
            assertEquals(commune.communeName, m.communeName)
            assertTrue(m.subject, m.subject.contains(commune.communeName))
            assertEquals(1u to 1u, m.checks to m.loans)
            assertEquals(5, m.sections.size)
            assertTrue(m.sections[0].title, m.sections[0].title.startsWith("I."))
            assertEquals("1", m.sections[0].items.first().value)
            assertEquals("452/KH-SNV – ", m.header.first().value.take(13))
            assertEquals(2, m.signatures.size)
            assertTrue(m.html.startsWith("<!DOCTYPE html>"))
            assertTrue("the page names the commune", m.html.contains(commune.communeName))

            val en = store.communeMinutes(commune.communeCode, null, DEMO_AS_OF, Language.EN)
            assertTrue(en.html.contains("lang=\"en\""))
            assertThrows(VieclamException.NotFound::class.java) {
                store.communeMinutes("99999", null, DEMO_AS_OF, Language.VI)
            }
        }
    }

    @Test
    fun aSubmittedRegistrationIsListedAsWaitingUntilItIsSent() {
        openStore(dir).use { store ->
            val empty = store.applications(Language.VI)
            assertTrue(empty.rows.isEmpty())
            assertEquals("Bạn chưa gửi đăng ký nào.", empty.emptyText)

            val form = RegistrationForm(
                fullName = "Hoàng Văn Minh", idNumber = "020090001234", birthDate = "15/04/1990", sex = "Nam",
                phone = "0912 345 678", communeCode = "06040", address = "Thôn Nà Pàn", countryAbroad = "Hàn Quốc",
                yearsAbroad = "3", occupation = "Công nhân nhà máy", skills = listOf("Hàn điện"),
                languages = listOf("Tiếng Hàn"), certificates = emptyList(), wants = listOf("work_abroad", "domestic_job"),
                consent = true,
            )
            val id = store.submitRegistration(form, "2026-03-01")
            val list = store.applications(Language.VI)
            val row = list.rows.single()
            assertEquals(id, row.registrationId)
            assertEquals("Hoàng Văn Minh", row.fullName)
            assertEquals("in the core's order of wants", "Việc làm trong nước, Làm việc ở nước ngoài", row.title)
            assertEquals(ApplicationState.WAITING, row.state)
            assertEquals("Đang chờ gửi (khi có mạng)", row.statusText)
            assertTrue(row.sentText, Regex("Lập lúc \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}").matches(row.sentText))
            assertNull(row.reason)
            assertEquals("Waiting to be sent (when online)", store.applications(Language.EN).rows.single().statusText)
        }
    }
}
