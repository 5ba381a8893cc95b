// An inspector types the borrower's opinion one character at a time, as a keyboard delivers it, then finishes the
// check: the device's evidence chain and its outbox gain ONE signed answer for the opinion, not one per keystroke.
// Links are counted through the bindings (verifyEvidence().checked, pendingChanges()).
package vn.gov.langson.vieclam.core.test

import java.io.File
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Test
import vn.gov.langson.vieclam.core.AnswerInput
import vn.gov.langson.vieclam.core.CheckState
import vn.gov.langson.vieclam.core.Language
import vn.gov.langson.vieclam.core.LocationFix
import vn.gov.langson.vieclam.core.QuestionKind
import vn.gov.langson.vieclam.core.VieclamStore

class TypingTest {
    private lateinit var dir: File
    private val start = "2025-10-14T08:30:00+07:00"
    private val end = "2025-10-14T09:10:00+07:00"
    private val opinion = "Cần thêm vốn để mở rộng chuồng"

    @Before
    fun makeDir() {
        dir = tempDir("vieclam-typing-test")
    }

    @After
    fun removeDir() {
        dir.deleteRecursively()
    }

    /** Every required question but the opinion, answered as a tap would (one signed answer each). */
    private fun answerTheRest(store: VieclamStore, checkId: String, opinionKey: String) {
        for (q in store.checklist(Language.VI).filter { it.required && it.key != opinionKey }) {
            val answer = when (val kind = q.kind) {
                is QuestionKind.YesNo -> AnswerInput.YesNo(false)
                is QuestionKind.Number -> AnswerInput.Number(2.0)
                is QuestionKind.Choice -> AnswerInput.Choice(kind.options.first().key)
                is QuestionKind.Text -> AnswerInput.Text("Mô hình hoạt động tốt")
            }
            store.answerCheck(checkId, q.key, answer)
        }
    }

    @Test
    fun anOpinionTypedKeyByKeyIsOneSignedAnswer() {
        demoStore(dir, 100).use { store ->
            store.enrolDevice()
            val site = store.sitesNear(21.85, 106.76, 1u, null, Language.VI).single()
            val fix = LocationFix(site.lat, site.lon, 4.0, 400.0, start, "gps", 12u, false)
            val id = store.startCheck(site.siteId, fix, start)
            assertEquals("the open check is listed to reopen", listOf(id to site.siteId), store.openChecks(Language.VI).map { it.checkId to it.siteId })
            val opinionKey = store.checklist(Language.VI).single { it.key == "borrower_opinions" }.key
            answerTheRest(store, id, opinionKey)
            val linksBefore = store.verifyEvidence(Language.VI).checked.toLong()
            val outboxBefore = store.pendingChanges().toLong()

            for (n in 1..opinion.length) store.draftAnswer(id, opinionKey, AnswerInput.Text(opinion.take(n)))
            assertEquals("typing signs nothing", linksBefore, store.verifyEvidence(Language.VI).checked.toLong())
            store.finishCheck(id, end)

            val report = store.verifyEvidence(Language.VI)
            assertTrue("${report.summary}: ${report.problems}", report.ok)
            assertEquals(
                "one signed answer and the finish, not ${opinion.length} answers",
                linksBefore + 2, report.checked.toLong(),
            )
            assertEquals("one outbox row for the opinion, one for the finish", outboxBefore + 2, store.pendingChanges().toLong())
            val done = store.checkDetail(id, Language.VI)
            assertEquals(CheckState.FINISHED, done.state)
            assertTrue("a finished check is no longer open", store.openChecks(Language.VI).isEmpty())
            assertEquals(opinion, done.answers.single { it.key == opinionKey }.valueText)
        }
    }

    @Test
    fun leavingTheQuestionSignsItOnceAndLeavingAgainSignsNothing() {
        demoStore(dir, 100).use { store ->
            store.enrolDevice()
            val site = store.sitesNear(21.85, 106.76, 1u, null, Language.VI).single()
            val id = store.startCheck(site.siteId, LocationFix(site.lat, site.lon, 4.0, 400.0, start, "gps", 12u, false), start)
            for (n in 1..opinion.length) store.draftAnswer(id, "borrower_opinions", AnswerInput.Text(opinion.take(n)))
            assertEquals(1u, store.leaveQuestion(id, "borrower_opinions"))
            assertEquals(0u, store.leaveQuestion(id, "borrower_opinions"))
            assertEquals("the start and one answer", 2L, store.verifyEvidence(Language.VI).checked.toLong())
        }
    }
}
