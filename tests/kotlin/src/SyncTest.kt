// Sync through the bindings against the real server: `vieclam-server serve --demo` runs as a child process (one
// per class: seeding the 2,000-loan demo takes seconds), and an empty encrypted store signs in as a demo inspector,
// pulls the communes of their plan, makes a site check with a photo and sends it up. The office's side is read
// over plain HTTP with an admin token, so the test sees what the server holds, not what the client believes.
package vn.gov.langson.vieclam.core.test

import java.awt.Color
import java.awt.image.BufferedImage
import java.io.ByteArrayOutputStream
import java.io.File
import java.security.MessageDigest
import java.time.LocalDate
import java.time.OffsetDateTime
import java.time.ZoneOffset
import java.time.format.DateTimeFormatter
import java.time.temporal.ChronoUnit
import java.util.concurrent.CopyOnWriteArrayList
import javax.imageio.ImageIO
import kotlinx.coroutines.runBlocking
import org.junit.After
import org.junit.AfterClass
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertThrows
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.BeforeClass
import org.junit.Test
import vn.gov.langson.vieclam.core.AnswerInput
import vn.gov.langson.vieclam.core.Language
import vn.gov.langson.vieclam.core.LoanRow
import vn.gov.langson.vieclam.core.LocationFix
import vn.gov.langson.vieclam.core.QuestionKind
import vn.gov.langson.vieclam.core.SearchKind
import vn.gov.langson.vieclam.core.SessionInfo
import vn.gov.langson.vieclam.core.SyncCancel
import vn.gov.langson.vieclam.core.SyncProgressListener
import vn.gov.langson.vieclam.core.SyncStage
import vn.gov.langson.vieclam.core.SyncSummary
import vn.gov.langson.vieclam.core.VieclamException
import vn.gov.langson.vieclam.core.Tab
import vn.gov.langson.vieclam.core.UserRole
import vn.gov.langson.vieclam.core.sessionTabs
import vn.gov.langson.vieclam.core.VieclamStore
import vn.gov.langson.vieclam.core.errorMessage
import vn.gov.langson.vieclam.core.foldText

/** A Kotlin-implemented progress listener, as the app's sync screen would be: it records every event. */
class RecordingListener : SyncProgressListener {
    data class Event(val stage: SyncStage, val done: ULong, val total: ULong, val bytesUp: ULong, val bytesDown: ULong)

    /** Called from uniffi's worker threads, read from the test's. */
    val events: MutableList<Event> = CopyOnWriteArrayList()

    override fun onProgress(stage: SyncStage, done: ULong, total: ULong, bytesUp: ULong, bytesDown: ULong) {
        events.add(Event(stage, done, total, bytesUp, bytesDown))
    }

    /** The stages seen, in the order they first appeared. */
    fun stages(): List<SyncStage> = events.map { it.stage }.distinct()
}

class SyncTest {
    companion object {
        private lateinit var serverDir: File
        private lateinit var server: TestServer

        @BeforeClass
        @JvmStatic
        fun startServer() {
            serverDir = tempDir("vieclam-sync-server")
            server = TestServer.start(serverDir)
        }

        @AfterClass
        @JvmStatic
        fun stopServer() {
            if (::server.isInitialized) server.close()
            if (::serverDir.isInitialized) serverDir.deleteRecursively()
        }
    }

    private lateinit var dir: File
    private val opened = mutableListOf<AutoCloseable>()

    /** The server's "today" (the demo's plans run from a week before it): UTC. */
    private val today: String = LocalDate.now(ZoneOffset.UTC).toString()
    private val vnTime = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
    private val now = OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS)

    @Before
    fun makeDir() {
        dir = tempDir("vieclam-sync-test")
    }

    @After
    fun closeAll() {
        opened.asReversed().forEach { it.close() }
        dir.deleteRecursively()
    }

    private fun <T : AutoCloseable> keep(item: T): T = item.also { opened.add(it) }

    /** An empty store, as on a phone just installed. */
    private fun phone(name: String = "phone"): VieclamStore = keep(openStore(File(dir, name).apply { mkdirs() }))

    private fun minutesAgo(m: Long): String = vnTime.format(now.minusMinutes(m))

    private fun fix(lat: Double, lon: Double, time: String) = LocationFix(lat, lon, 4.0, 400.0, time, "gps", 12u, false)

    private fun signIn(store: VieclamStore): SessionInfo = runBlocking {
        store.login(server.url, TestServer.INSPECTOR, TestServer.INSPECTOR_PASSWORD, "Pixel 6a (JUnit)", "android")
    }

    private fun sync(store: VieclamStore, photos: File, listener: RecordingListener): SyncSummary = runBlocking {
        store.sync(photos.path, Language.VI, listener, keep(SyncCancel()))
    }

    /** Every loan the store holds, as the loan list pages them. */
    private fun allLoans(store: VieclamStore): List<LoanRow> {
        val rows = mutableListOf<LoanRow>()
        var page = 0u
        do {
            val list = store.loanList("", page++, 200u, today, Language.VI)
            rows += list.rows
        } while (list.hasMore)
        return rows
    }

    /** Answers every required question with a value that fits its kind; answers how many. */
    private fun answerRequired(store: VieclamStore, checkId: String): Int {
        val required = store.checklist(Language.VI).filter { it.required }
        for (q in required) {
            val answer = when (val kind = q.kind) {
                is QuestionKind.YesNo -> AnswerInput.YesNo(true)
                is QuestionKind.Number -> AnswerInput.Number(3.0)
                is QuestionKind.Choice -> AnswerInput.Choice(kind.options.first().key)
                is QuestionKind.Text -> AnswerInput.Text("Mô hình hoạt động tốt")
            }
            store.answerCheck(checkId, q.key, answer)
        }
        return required.size
    }

    /** A camera picture without EXIF: a gradient, `w` × `h`. */
    private fun cameraJpeg(w: Int, h: Int): ByteArray {
        val image = BufferedImage(w, h, BufferedImage.TYPE_INT_RGB)
        for (x in 0 until w) for (y in 0 until h) image.setRGB(x, y, Color(x % 256, y % 256, 90).rgb)
        return ByteArrayOutputStream().also { ImageIO.write(image, "jpg", it) }.toByteArray()
    }

    private fun sha256(bytes: ByteArray): String =
        MessageDigest.getInstance("SHA-256").digest(bytes).joinToString("") { "%02x".format(it) }

    private fun Any?.field(name: String): Any? = (this as? Map<*, *>)?.get(name)

    @Test
    fun anInspectorPullsTheirCommunesAndTheirCheckReachesTheServer() {
        val store = phone()
        val photos = File(dir, "photos")
        assertNull("a new store is signed out", store.session())
        assertTrue(server.output(), server.output().contains("${TestServer.INSPECTOR} / ${TestServer.INSPECTOR_PASSWORD}"))

        val session = signIn(store)
        assertEquals(UserRole.INSPECTOR, session.role)
        assertEquals(Tab.PLAN, sessionTabs(session.role, Language.EN).home)
        assertEquals(TestServer.INSPECTOR_NAME, session.displayName)
        assertEquals(server.url, session.serverUrl)
        assertEquals(session, store.session())

        // First sync: only the device's key to send (signing in enrolled it), the inspector's scope to receive.
        val signedIn = store.syncStatus(Language.VI)
        assertEquals(signedIn.lines.toString(), 0uL, signedIn.photosWaiting)
        val first = RecordingListener()
        val pulled = sync(store, photos, first)
        assertTrue("pulled ${pulled.pulled}: ${pulled.summary}", pulled.pulled > 0uL)
        assertEquals(pulled.summary, signedIn.waitingTotal, pulled.pushed + pulled.alreadyApplied)
        assertEquals(0uL, pulled.rejected)
        assertFalse(pulled.nothingToDo)
        assertTrue(pulled.summary, pulled.summary.isNotBlank())
        assertTrue("stages ${first.stages()}", SyncStage.PULL in first.stages())
        val downs = first.events.map { it.bytesDown }
        assertEquals("bytes only grow", downs.sorted(), downs)
        assertTrue("${downs.last()} ≤ ${pulled.bytesDown}", downs.last() <= pulled.bytesDown)

        // Loans arrived, but only the communes of the inspector's plan (three of the province's communes).
        val loans = allLoans(store)
        val communes = loans.map { it.communeName }.toSet()
        assertTrue("${loans.size} loans", loans.isNotEmpty())
        assertTrue("${loans.size} of the demo's 2,000 loans", loans.size < 2_000)
        assertTrue("communes $communes", communes.size in 1..3)
        val borrowers = loans.map { it.borrowerId }.toSet()
        for (commune in communes) {
            // People type the place's name without its unit ("that khe", not "xa that khe").
            val query = foldText(commune).removePrefix("xa ").removePrefix("phuong ").removePrefix("thi tran ")
            val hits = store.search(query, listOf(SearchKind.BORROWER), 0u, 20u).hits
            assertTrue("searching '$query' finds borrowers", hits.isNotEmpty())
            assertTrue("every borrower found is one the inspector holds", hits.all { it.id in borrowers })
        }
        // The plan came down too: the sites assigned today lie in those communes.
        val sites = store.sitesNear(21.85, 106.76, 10_000u, today, Language.VI)
        assertTrue("sites assigned on $today", sites.isNotEmpty())
        assertTrue(sites.all { it.communeName in communes })

        val synced = store.syncStatus(Language.VI)
        assertEquals(TestServer.INSPECTOR_NAME, synced.account)
        assertEquals(0uL, synced.waitingTotal)
        assertEquals(0uL, synced.photosWaiting)
        assertTrue(synced.rejected.isEmpty())
        assertTrue("last success ${synced.lastSuccess}", synced.lastSuccess != null)

        // A site check with a photo, made offline at the first assigned site.
        val site = sites.first()
        val checkId = store.startCheck(site.siteId, fix(site.lat, site.lon, minutesAgo(20)), minutesAgo(20))
        val answered = answerRequired(store, checkId)
        val camera = cameraJpeg(800, 600)
        val photo = store.addPhoto(checkId, camera, 0u, fix(site.lat, site.lon, minutesAgo(10)), photos.path)
        store.finishCheck(checkId, minutesAgo(1))
        val waiting = store.syncStatus(Language.EN)
        assertTrue("changes waiting: ${waiting.lines}", waiting.waitingTotal > 0uL)
        assertEquals(1uL, waiting.photosWaiting)

        // Second sync: the check, its answers and the photo go up.
        val second = RecordingListener()
        val sent = sync(store, photos, second)
        assertEquals(sent.summary, waiting.waitingTotal, sent.pushed + sent.alreadyApplied)
        assertEquals(0uL, sent.rejected)
        assertEquals(1uL, sent.photosSent)
        assertTrue("stages ${second.stages()}", second.stages().containsAll(listOf(SyncStage.PUSH, SyncStage.PHOTOS)))
        assertTrue("bytes up ${sent.bytesUp} ≥ the photo's ${photo.sizeBytes}", sent.bytesUp >= photo.sizeBytes)
        val after = store.syncStatus(Language.VI)
        assertEquals(after.lines.toString(), 0uL, after.waitingTotal)
        assertEquals(0uL, after.photosWaiting)
        assertTrue(after.rejected.isEmpty())

        // The office sees it: the check with its answers and the photo, whose bytes are the stored file's.
        val admin = server.token(TestServer.ADMIN, TestServer.ADMIN_PASSWORD)
        val held = server.get("/v1/checks/$checkId", admin)
        assertEquals(held.body, 200, held.status)
        val body = held.json()
        assertEquals(held.body, checkId, body.field("check").field("id"))
        assertEquals(held.body, site.siteId, body.field("check").field("site_id"))
        assertEquals(held.body, answered, (body.field("answers") as List<*>).size)
        val heldPhotos = body.field("photos") as List<*>
        assertEquals(held.body, listOf(photo.sha256), heldPhotos.map { it.field("sha256") })
        val (status, bytes) = server.getBytes("/v1/photos/${photo.sha256}", admin)
        assertEquals(200, status)
        assertEquals(photo.sha256, sha256(bytes))
        assertTrue(bytes.contentEquals(File(photo.path).readBytes()))

        // Third sync: nothing left to do either way.
        val idle = sync(store, photos, RecordingListener())
        assertTrue("a sync after a sync: ${idle.summary} $idle", idle.nothingToDo)
        assertEquals(0uL, idle.pushed + idle.pulled + idle.photosSent)
    }

    @Test
    fun aWrongPasswordIsUnauthorizedWithItsCodeAndLeavesTheStoreSignedOut() {
        val store = phone()
        val wrong = assertThrows(VieclamException.Unauthorized::class.java) {
            runBlocking { store.login(server.url, TestServer.INSPECTOR, "not-the-password", "Pixel 6a (JUnit)", "android") }
        }
        assertEquals("auth.bad_credentials", wrong.refusal.code)
        assertTrue(wrong.refusal.messageVi, wrong.refusal.messageVi.isNotBlank())
        assertTrue(wrong.refusal.messageEn, wrong.refusal.messageEn.isNotBlank())
        val unknown = assertThrows(VieclamException.Unauthorized::class.java) {
            runBlocking { store.login(server.url, "no-such-user", "x", "Pixel 6a (JUnit)", "android") }
        }
        assertEquals("an unknown user name reads the same", "auth.bad_credentials", unknown.refusal.code)
        assertNull(store.session())
        assertNull(store.syncStatus(Language.VI).account)

        val notSignedIn = assertThrows(VieclamException.Other::class.java) {
            sync(store, File(dir, "photos"), RecordingListener())
        }
        assertEquals("sync.not_signed_in", notSignedIn.code)

        // The right password afterwards still works, and logging out forgets the session.
        assertEquals(UserRole.INSPECTOR, signIn(store).role)
        runBlocking { store.logout() }
        assertNull(store.session())
    }

    @Test
    fun aReturningWorkerEnrolsSignsOutAndSignsInAgainWithTheirPhone() {
        val store = phone("worker")
        val session = runBlocking {
            store.enrol(server.url, "  Hoàng   Văn Minh ", "+84 912 345 678", "mat-khau-dai", "Galaxy A05 (JUnit)", "android")
        }
        assertEquals(UserRole.WORKER, session.role)
        assertEquals("Hoàng Văn Minh", session.displayName)
        assertEquals("the phone, normalised, is the user name", "0912345678", session.username)
        assertEquals("Hoàng Văn Minh", store.syncStatus(Language.VI).account)

        // The same phone from another device: refused by the server with its own code and sentence.
        val again = assertThrows(VieclamException.Other::class.java) {
            runBlocking { phone("other").enrol(server.url, "Hoàng Văn Minh", "0912345678", "mat-khau-khac", "A05", "android") }
        }
        assertEquals("auth.username_taken", again.code)
        assertEquals(again.messageVi, errorMessage(again, Language.VI))
        assertTrue(errorMessage(again, Language.VI), errorMessage(again, Language.VI).contains("đã có tài khoản"))

        runBlocking { store.logout() }
        assertNull(store.session())
        assertEquals(UserRole.WORKER, runBlocking { store.login(server.url, "0912345678", "mat-khau-dai", "A05", "android") }.role)
    }
}
