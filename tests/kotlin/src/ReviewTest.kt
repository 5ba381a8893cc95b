// The commune review through the bindings, as the apps use it, against the real server (`serve --demo`): a demo
// inspector's phone signs in, pulls their plan, writes their review of one of its communes (the headings and
// ratings come from the core; the demo may have seeded one already), has a bad note refused field by field with nothing saved, saves, reads it back and
// merged, and sends it up; the server then holds it, as the office reads it over plain HTTP with an admin token.
package vn.gov.langson.vieclam.core.test

import java.io.File
import java.time.OffsetDateTime
import java.time.ZoneOffset
import kotlinx.coroutines.runBlocking
import org.junit.AfterClass
import org.junit.Assert.assertEquals
import org.junit.Assert.assertThrows
import org.junit.Assert.assertTrue
import org.junit.BeforeClass
import org.junit.Test
import vn.gov.langson.vieclam.core.Language
import vn.gov.langson.vieclam.core.MyReview
import vn.gov.langson.vieclam.core.ReviewAttendee
import vn.gov.langson.vieclam.core.ReviewNote
import vn.gov.langson.vieclam.core.ReviewRating
import vn.gov.langson.vieclam.core.SyncCancel
import vn.gov.langson.vieclam.core.VieclamException
import vn.gov.langson.vieclam.core.reviewHeadings
import vn.gov.langson.vieclam.core.reviewRatings
import vn.gov.langson.vieclam.core.todayInProvince

class ReviewTest {
    companion object {
        private lateinit var serverDir: File
        private lateinit var server: TestServer

        @BeforeClass
        @JvmStatic
        fun startServer() {
            serverDir = tempDir("vieclam-review-server")
            server = TestServer.start(serverDir)
        }

        @AfterClass
        @JvmStatic
        fun stopServer() {
            if (::server.isInitialized) server.close()
            if (::serverDir.isInitialized) serverDir.deleteRecursively()
        }
    }

    @Test
    fun anInspectorWritesTheirReviewAndItReachesTheServer() {
        val dir = tempDir("vieclam-review-phone")
        val store = openStore(dir)
        try {
            runBlocking { store.login(server.url, TestServer.INSPECTOR, TestServer.INSPECTOR_PASSWORD, "Pixel 6a (JUnit)", "android") }
            runBlocking { store.sync(File(dir, "photos").path, Language.VI, RecordingListener(), SyncCancel()) }
            val plan = store.currentPlans(todayInProvince(), Language.VI).plans.first()
            val commune = plan.communes.first().communeCode

            assertEquals(listOf("leadership", "targeting", "book", "site_checks", "opinions", "overseas", "recommendations"),
                reviewHeadings(Language.VI).map { it.key })
            assertEquals(listOf("Tốt", "Khá", "Yếu", "Chưa đánh giá"), reviewRatings(Language.VI).map { it.label })
            // The demo may already hold this inspector's review of the commune (it came down in the pull).
            val before = store.myReview(plan.planId, commune)

            val now = OffsetDateTime.now(ZoneOffset.ofHours(7)).toString()
            val bad = MyReview(todayInProvince(), listOf(ReviewNote("weather", ReviewRating.GOOD, "Nắng")), emptyList(), emptyList(), emptyList())
            val refused = assertThrows(VieclamException.Invalid::class.java) { store.saveReview(plan.planId, commune, bad, now) }
            assertEquals("review.heading_unknown", refused.fields.single().code)
            assertEquals("nothing was saved", before, store.myReview(plan.planId, commune))

            val mine = MyReview(
                todayInProvince(),
                listOf(ReviewNote("leadership", ReviewRating.GOOD, "Họp đủ 12 thôn; loa phát 3 buổi.")),
                listOf(ReviewAttendee("Hoàng Văn Lân", "Chủ tịch UBND xã")),
                emptyList(),
                emptyList(),
            )
            store.saveReview(plan.planId, commune, mine, now)
            assertEquals(mine, store.myReview(plan.planId, commune))
            val team = store.mergedReview(plan.planId, commune, Language.VI)
            val lead = team.headings.first { it.key == "leadership" }.contributions.single { it.mine }
            assertEquals(TestServer.INSPECTOR_NAME to "Tốt", lead.author to lead.ratingLabel)
            assertEquals("Họp đủ 12 thôn; loa phát 3 buổi.", lead.text)

            val sent = runBlocking { store.sync(File(dir, "photos").path, Language.VI, RecordingListener(), SyncCancel()) }
            assertEquals(0uL, sent.rejected)
            assertTrue("pushed ${sent.pushed}", sent.pushed >= 1uL)
            // The office's side: the review as the server holds it.
            val admin = server.token(TestServer.ADMIN, TestServer.ADMIN_PASSWORD)
            var cursor = ""
            var held = false
            while (true) {
                val page = server.get("/v1/pull?limit=1000&cursor=$cursor", admin)
                assertEquals(page.body, 200, page.status)
                val json = page.json() as Map<*, *>
                held = held || (json["changes"] as List<*>).any { c ->
                    (c as Map<*, *>)["kind"] == "commune_review" && c.toString().contains("Họp đủ 12 thôn; loa phát 3 buổi.")
                }
                if (json["more"] != true) break
                cursor = json["cursor"] as String
            }
            assertTrue("the server holds the review", held)
        } finally {
            store.close()
            dir.deleteRecursively()
        }
    }
}
