// Site checks through the bindings: enrol the device, judge fixes at a demo site and 5 km away, answer the
// checklist, finish (which locks the check), and verify the device's signed evidence chain. The verdict and the
// chain are tested in Rust; here they must cross the FFI: enums with data, nested records and the errors an app
// acts on (NotEnrolled, Locked, Invalid with codes).
package vn.gov.langson.vieclam.core.test

import java.awt.Color
import java.awt.image.BufferedImage
import java.io.ByteArrayOutputStream
import java.io.File
import javax.imageio.ImageIO
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertThrows
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Test
import vn.gov.langson.vieclam.core.AnswerInput
import vn.gov.langson.vieclam.core.CheckState
import vn.gov.langson.vieclam.core.Language
import vn.gov.langson.vieclam.core.LocationFix
import vn.gov.langson.vieclam.core.Place
import vn.gov.langson.vieclam.core.QuestionKind
import vn.gov.langson.vieclam.core.SiteRow
import vn.gov.langson.vieclam.core.VieclamException
import vn.gov.langson.vieclam.core.VieclamStore
import vn.gov.langson.vieclam.core.readExif
import vn.gov.langson.vieclam.core.walkPlot

class ChecksTest {
    private lateinit var dir: File
    private val start = "2025-10-14T08:30:00+07:00"
    private val end = "2025-10-14T09:10:00+07:00"

    /** About 5 km of latitude. */
    private val fiveKmNorth = 5_000.0 / 111_320.0

    @Before
    fun makeDir() {
        dir = tempDir("vieclam-checks-test")
    }

    @After
    fun removeDir() {
        dir.deleteRecursively()
    }

    private fun fix(lat: Double, lon: Double, time: String = start, accuracy: Double = 4.0) =
        LocationFix(lat, lon, accuracy, 400.0, time, "gps", 12u, false)

    /** The demo site nearest the centre of Lạng Sơn city. */
    private fun site(store: VieclamStore): SiteRow = store.sitesNear(21.85, 106.76, 1u, null, Language.VI).single()

    /** Answers every required question with a value that fits its kind. */
    private fun answerRequired(store: VieclamStore, checkId: String) {
        for (q in store.checklist(Language.VI).filter { it.required }) {
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
    fun aCheckAtTheSiteAndOneFarAwayAreSignedFinishedAndVerified() {
        demoStore(dir, 100).use { store ->
            val key = store.enrolDevice()
            assertTrue("public key $key", Regex("[0-9a-f]{64}").matches(key))
            assertEquals("enrolling twice keeps the key", key, store.enrolDevice())
            val site = site(store)

            val here = store.checkVerdict(site.siteId, fix(site.lat, site.lon), Language.VI)
            assertEquals(Place.AT_SITE, here.verdict.place)
            assertTrue("distance ${here.verdict.distanceM}", here.verdict.distanceM <= site.radiusM)
            assertTrue(here.message, here.message.startsWith("Đang ở tại mô hình (cách "))
            val away = store.checkVerdict(site.siteId, fix(site.lat + fiveKmNorth, site.lon), Language.EN)
            assertEquals(Place.AWAY, away.verdict.place)
            assertTrue("distance ${away.verdict.distanceM}", away.verdict.distanceM in 4_500.0..5_100.0)
            assertTrue(away.message, away.message.isNotBlank())

            val atSite = store.startCheck(site.siteId, fix(site.lat, site.lon), start)
            val farAway = store.startCheck(site.siteId, fix(site.lat + fiveKmNorth, site.lon), start)
            for (id in listOf(atSite, farAway)) {
                val open = store.checkDetail(id, Language.VI)
                assertEquals(CheckState.OPEN, open.state)
                assertFalse(open.canFinish)
                val missing = assertThrows(VieclamException.Invalid::class.java) { store.finishCheck(id, end) }
                assertEquals(open.missingRequired, missing.fields.map { it.field })
                assertTrue(missing.fields.all { it.code == "answer.required" })

                answerRequired(store, id)
                assertTrue(store.checkDetail(id, Language.VI).canFinish)
                store.finishCheck(id, end)

                val done = store.checkDetail(id, Language.EN)
                assertEquals(CheckState.FINISHED, done.state)
                assertTrue(done.locked)
                assertTrue(done.answers.filter { it.required }.all { it.answered })
                assertThrows(VieclamException.Locked::class.java) {
                    store.answerCheck(id, "purpose_kept", AnswerInput.YesNo(true))
                }
                assertThrows(VieclamException.Locked::class.java) { store.finishCheck(id, end) }
            }
            val codes = listOf(atSite, farAway).map { store.checkDetail(it, Language.VI).code }
            assertEquals("two visits, two codes", 2, codes.toSet().size)

            val report = store.verifyEvidence(Language.VI)
            assertTrue("${report.summary}: ${report.problems}", report.ok)
            val required = store.checklist(Language.VI).count { it.required }
            assertEquals("starts, answers and finishes are all links", 2L * (2 + required), report.checked.toLong())
        }
    }

    /** A camera picture without EXIF: a gradient with a stripe, 800 × 600. */
    private fun cameraJpeg(): ByteArray {
        val image = BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB)
        for (x in 0 until 800) for (y in 0 until 600) image.setRGB(x, y, Color(x % 256, y % 256, 120).rgb)
        image.createGraphics().apply { color = Color.WHITE; fillRect(100, 250, 600, 100); dispose() }
        return ByteArrayOutputStream().also { ImageIO.write(image, "jpg", it) }.toByteArray()
    }

    @Test
    fun aPhotoIsStoredWithExifGpsAndSignedIntoTheChain() {
        demoStore(dir, 100).use { store ->
            store.enrolDevice()
            val site = site(store)
            val id = store.startCheck(site.siteId, fix(site.lat, site.lon), start)
            val camera = cameraJpeg()
            assertNull("the camera's picture has no GPS of its own", readExif(camera).gps)

            val takenAt = "2025-10-14T08:40:00+07:00"
            val photosDir = File(dir, "photos")
            // What CameraX reports beside the bytes: this sensor's pixels must turn 90° to be upright, and the
            // JPEG's EXIF says nothing. A bad angle is refused first, and nothing is stored.
            val badTurn = assertThrows(VieclamException.Invalid::class.java) {
                store.addPhoto(id, camera, 45u, fix(site.lat, site.lon, takenAt), photosDir.path)
            }
            assertEquals("photo.bad_rotation", badTurn.fields.single().code)
            assertEquals(0, store.checkDetail(id, Language.VI).photos.size)
            val photo = store.addPhoto(id, camera, 90u, fix(site.lat, site.lon, takenAt), photosDir.path)
            assertEquals("stored upright: the landscape sensor picture turned portrait", 600u to 800u, photo.width to photo.height)
            assertTrue("sha256 ${photo.sha256}", Regex("[0-9a-f]{64}").matches(photo.sha256))
            assertEquals(emptyList<String>(), photo.flagCodes)
            assertEquals(10L, photo.delayMin)
            val stored = File(photo.path)
            assertTrue("stored under its hash in $photosDir: ${photo.path}", stored.isFile && stored.path.startsWith(photosDir.path))
            assertEquals(photo.sizeBytes, stored.length().toULong())

            val exif = readExif(stored.readBytes())
            val gps = exif.gps
            assertNotNull("the stored photo carries EXIF GPS", gps)
            assertEquals(site.lat, gps!!.lat, 1e-6)
            assertEquals(site.lon, gps.lon, 1e-6)
            assertEquals(id, exif.checkId)
            assertEquals("2025-10-14T01:40:00.000Z", exif.takenAt)

            val detail = store.checkDetail(id, Language.VI)
            assertEquals(listOf(photo.sha256), detail.photos.map { it.sha256 })
            answerRequired(store, id)
            store.finishCheck(id, end)
            assertThrows(VieclamException.Locked::class.java) {
                store.addPhoto(id, camera, 0u, fix(site.lat, site.lon, end), photosDir.path)
            }
            val notJpeg = assertThrows(VieclamException.Invalid::class.java) { readExif("GIF89a".toByteArray()) }
            assertEquals("exif.not_jpeg", notJpeg.fields.single().code)
            assertTrue(store.verifyEvidence(Language.EN).ok)
        }
    }

    @Test
    fun aDeviceThatHasNotEnrolledCannotStartACheckNorVerify() {
        demoStore(dir, 100).use { store ->
            val site = site(store)
            val before = store.pendingChanges()
            assertThrows(VieclamException.NotEnrolled::class.java) {
                store.startCheck(site.siteId, fix(site.lat, site.lon), start)
            }
            assertThrows(VieclamException.NotEnrolled::class.java) { store.verifyEvidence(Language.VI) }
            assertEquals("nothing was written", before, store.pendingChanges())
        }
    }

    @Test
    fun impossibleInputIsInvalidWithItsCode() {
        demoStore(dir, 100).use { store ->
            store.enrolDevice()
            val site = site(store)
            val nowhere = assertThrows(VieclamException.Invalid::class.java) {
                store.checkVerdict(site.siteId, fix(0.0, 0.0), Language.VI)
            }
            assertEquals(listOf("fix.null_island"), nowhere.fields.map { it.code })
            val badTime = assertThrows(VieclamException.Invalid::class.java) {
                store.startCheck(site.siteId, fix(site.lat, site.lon), "hôm nay")
            }
            assertEquals(listOf("now" to "time.invalid"), badTime.fields.map { it.field to it.code })
            val unknown = assertThrows(VieclamException.NotFound::class.java) {
                store.checkVerdict("no-such-site", fix(site.lat, site.lon), Language.VI)
            }
            assertEquals("site", unknown.entity)

            val id = store.startCheck(site.siteId, fix(site.lat, site.lon), start)
            val tooMany = assertThrows(VieclamException.Invalid::class.java) {
                store.answerCheck(id, "jobs_created", AnswerInput.Number(2.5))
            }
            assertEquals(listOf("jobs_created" to "answer.not_whole"), tooMany.fields.map { it.field to it.code })
        }
    }

    @Test
    fun aWalkedSquareOfAHundredMetresIsAHectare() {
        val lat = 21.75
        val lon = 106.9
        val dLat = 100.0 / 111_320.0
        val dLon = 100.0 / (111_320.0 * Math.cos(Math.toRadians(lat)))
        val corners = listOf(lat to lon, lat to lon + dLon, lat + dLat to lon + dLon, lat + dLat to lon)
        val plot = walkPlot(corners.map { (a, b) -> fix(a, b, accuracy = 3.0) }, Language.VI)
        assertEquals(1.0, plot.areaHa, 0.01)
        assertEquals(400.0, plot.perimeterM, 2.0)
        assertEquals(4u, plot.usedPoints)
        assertEquals(plot.ring.first(), plot.ring.last())
        val line = assertThrows(VieclamException.Invalid::class.java) { walkPlot(corners.take(2).map { (a, b) -> fix(a, b) }, Language.VI) }
        assertEquals("walk.too_few_points", line.fields.single().code)
    }
}
