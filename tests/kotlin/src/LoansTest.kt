// Loans as the apps see them through the bindings: a demo province in an encrypted store, search without
// diacritics, and one loan's detail whose figures and text agree. The figures themselves are tested in Rust; here
// they must cross the FFI intact (money as Long đồng beside its text, enums, nested records, both languages).
package vn.gov.langson.vieclam.core.test

import java.io.File
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertThrows
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Test
import vn.gov.langson.vieclam.core.Language
import vn.gov.langson.vieclam.core.LoanDetail
import vn.gov.langson.vieclam.core.LoanState
import vn.gov.langson.vieclam.core.SearchKind
import vn.gov.langson.vieclam.core.VieclamException
import vn.gov.langson.vieclam.core.VieclamStore
import vn.gov.langson.vieclam.core.foldText
import vn.gov.langson.vieclam.core.formatMoney

class LoansTest {
    private lateinit var dir: File

    @Before
    fun makeDir() {
        dir = tempDir("vieclam-loans-test")
    }

    @After
    fun removeDir() {
        dir.deleteRecursively()
    }

    private fun field(detail: LoanDetail, label: String): String {
        val found = detail.fields.firstOrNull { it.label == label }
        assertNotNull("no field '$label' in ${detail.fields.map { it.label }}", found)
        return found!!.value
    }

    /** "12.500.000 ₫" → 12500000. */
    private fun dong(text: String): Long = text.filter { it.isDigit() }.toLong()

    /** A loan with debt still running (current or overdue), so that outstanding = principal − repaid holds. */
    private fun runningLoan(store: VieclamStore, state: LoanState): String? {
        var page = 0u
        while (true) {
            val list = store.loanList("", page, 50u, DEMO_AS_OF, Language.VI)
            list.rows.firstOrNull { it.state == state && it.outstanding > 0 }?.let { return it.loanId }
            if (!list.hasMore) return null
            page++
        }
    }

    @Test
    fun searchWithoutDiacriticsFindsWhatTheFullSpellingFinds() {
        demoStore(dir, 300).use { store ->
            val plain = store.search("dinh lap", emptyList(), 0u, 10u)
            val full = store.search("Đình Lập", emptyList(), 0u, 10u)
            assertTrue("'dinh lap' finds something", plain.hits.isNotEmpty())
            assertEquals(full.hits.map { it.kind to it.id }, plain.hits.map { it.kind to it.id })
            assertEquals(SearchKind.COMMUNE, plain.hits.first().kind)
            assertEquals("dinh lap", foldText("ĐÌNH  Lập"))

            val borrowersOnly = store.search("dinh lap", listOf(SearchKind.BORROWER), 0u, 5u)
            assertTrue(borrowersOnly.hits.all { it.kind == SearchKind.BORROWER })
            assertTrue("an empty query finds nothing", store.search("  ", emptyList(), 0u, 10u).hits.isEmpty())
        }
    }

    @Test
    fun aLoansFiguresAgreeWithEachOtherAndWithTheirText() {
        demoStore(dir, 300).use { store ->
            for (state in listOf(LoanState.OVERDUE, LoanState.CURRENT)) {
                val loanId = runningLoan(store, state) ?: error("the 300-loan demo has a $state loan")
                val detail = store.loanDetail(loanId, DEMO_AS_OF, 30u, Language.VI)
                val s = detail.status
                assertEquals(state, s.state)
                assertEquals(DEMO_AS_OF, s.on)
                val principal = dong(field(detail, "Số tiền vay"))
                assertEquals("outstanding = principal − repaid", principal - s.principalRepaid, s.outstanding)
                assertTrue("overdue ${s.overduePrincipal} ≤ outstanding ${s.outstanding}", s.overduePrincipal <= s.outstanding)
                assertEquals(formatMoney(s.outstanding), field(detail, "Dư nợ"))
                assertEquals(formatMoney(s.overduePrincipal), field(detail, "Nợ quá hạn"))
                assertEquals(state == LoanState.OVERDUE, s.overduePrincipal > 0 && s.daysOverdue > 0u)
                assertTrue(detail.title, detail.title.startsWith("Số khế ước "))
                assertTrue("a running loan has a schedule", detail.schedule.isNotEmpty())
                s.nextInstalment?.let { assertTrue("due ${it.dueOn} is not before $DEMO_AS_OF", it.dueOn >= DEMO_AS_OF) }

                val english = store.loanDetail(loanId, DEMO_AS_OF, 30u, Language.EN)
                assertEquals(s, english.status)
                assertEquals(formatMoney(s.outstanding), field(english, "Outstanding principal"))
                assertTrue(english.title, english.title.startsWith("Loan agreement no. "))
                assertEquals(detail.title.removePrefix("Số khế ước "), english.title.removePrefix("Loan agreement no. "))
            }
        }
    }

    @Test
    fun aLoanIsFoundByItsAgreementAndListedWithItsBorrower() {
        demoStore(dir, 300).use { store ->
            val row = store.loanList("", 0u, 5u, DEMO_AS_OF, Language.VI).rows.first()
            assertEquals(row.loanId, store.findLoan(row.agreementNo))
            assertEquals(row.outstandingText, formatMoney(row.outstanding))
            val mine = store.borrowerLoans(row.borrowerId, DEMO_AS_OF, Language.VI)
            assertEquals(row.borrowerName, mine.title)
            assertTrue(mine.rows.any { it.loanId == row.loanId })
            assertFalse(mine.hasMore)

            val byName = store.loanList(row.borrowerName, 0u, 20u, DEMO_AS_OF, Language.EN)
            assertTrue("searching the borrower's name lists the loan", byName.rows.any { it.loanId == row.loanId })

            val missing = assertThrows(VieclamException.NotFound::class.java) { store.findLoan("KU-0000/NONE") }
            assertEquals("loan", missing.entity)
        }
    }

    @Test
    fun aBadDateIsInvalidOnItsParameterAndASmallDemoIsRefused() {
        demoStore(dir, 100).use { store ->
            val e = assertThrows(VieclamException.Invalid::class.java) {
                store.loanList("", 0u, 10u, "2025-02-30", Language.VI)
            }
            assertEquals(listOf("on" to "date.invalid"), e.fields.map { it.field to it.code })
            val small = assertThrows(VieclamException.Other::class.java) { store.loadDemo(5u, 1uL, DEMO_AS_OF) }
            assertEquals("bad_argument", small.code)
        }
    }
}
