// The encrypted store as the apps see it through the Kotlin bindings: opening, reopening, and the two failures an
// app must tell apart (a wrong key, a damaged file). The store's behaviour itself is tested in Rust; these tests
// check that it crosses the FFI intact: errors arrive as the right VieclamException, objects close cleanly.
package vn.gov.langson.vieclam.core.test

import java.io.File
import java.nio.file.Files
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertThrows
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Test
import vn.gov.langson.vieclam.core.VieclamException
import vn.gov.langson.vieclam.core.VieclamStore

class StoreTest {
    private lateinit var dir: File
    private val key = ByteArray(32) { (it * 7 + 3).toByte() }
    private val otherKey = ByteArray(32) { (255 - it).toByte() }
    private val pageSize = 4096

    @Before
    fun makeDir() {
        dir = Files.createTempDirectory("vieclam-store-test").toFile()
    }

    @After
    fun removeDir() {
        dir.deleteRecursively()
    }

    private fun dbFile() = File(dir, "vieclam.db")

    /** Creates the store and closes it, so SQLite folds the write-ahead log back into the one file. */
    private fun createStore(): String = VieclamStore.open(dbFile().path, key).use { it.deviceId() }

    @Test
    fun aNewStoreIsEncryptedAndKeepsItsDeviceIdAcrossReopening() {
        val deviceId = VieclamStore.open(dbFile().path, key).use { store ->
            assertTrue("schema version ${store.schemaVersion()}", store.schemaVersion() >= 1u)
            assertEquals(0uL, store.pendingChanges())
            store.deviceId()
        }
        assertTrue("device id $deviceId", Regex("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}").matches(deviceId))
        // A plain SQLite file starts with this header; SQLCipher encrypts the whole first page.
        val header = dbFile().readBytes().copyOf(16).toString(Charsets.ISO_8859_1)
        assertFalse("the file must not be plain SQLite", header.startsWith("SQLite format 3"))

        VieclamStore.open(dbFile().path, key).use { assertEquals(deviceId, it.deviceId()) }
    }

    @Test
    fun aWrongKeyIsReportedAsWrongKeyAndLeavesTheFileUnchanged() {
        createStore()
        val before = dbFile().readBytes()
        assertThrows(VieclamException.WrongKey::class.java) {
            VieclamStore.open(dbFile().path, otherKey).close()
        }
        assertTrue("a failed open must not touch the file", before.contentEquals(dbFile().readBytes()))
        VieclamStore.open(dbFile().path, key).use { assertTrue(it.schemaVersion() >= 1u) }
    }

    @Test
    fun aCopyCutMidPageIsCorrupt() {
        createStore()
        val bytes = dbFile().readBytes()
        val copy = File(dir, "cut.db").apply { writeBytes(bytes.copyOf(bytes.size - 100)) }
        val e = assertThrows(VieclamException.Corrupt::class.java) {
            VieclamStore.open(copy.path, key).close()
        }
        assertTrue(e.detail, e.detail.contains("not a whole number of 4096-byte pages"))
    }

    @Test
    fun aCopyCutAtAPageBoundaryIsCorrupt() {
        createStore()
        val bytes = dbFile().readBytes()
        val pages = bytes.size / pageSize
        assertTrue("a new store holds several pages, not $pages", pages >= 2)
        val copy = File(dir, "half.db").apply { writeBytes(bytes.copyOf(pages / 2 * pageSize)) }
        assertThrows(VieclamException.Corrupt::class.java) {
            VieclamStore.open(copy.path, key).close()
        }
    }

    @Test
    fun aKeyOfTheWrongLengthIsABadArgument() {
        val e = assertThrows(VieclamException.Other::class.java) {
            VieclamStore.open(dbFile().path, ByteArray(16)).close()
        }
        assertEquals("bad_argument", e.code)
        assertTrue(e.messageEn, e.messageEn.contains("a raw key is 32 bytes, not 16"))
        assertTrue(e.messageVi, e.messageVi.startsWith("Yêu cầu không hợp lệ"))
        assertFalse("nothing is created for a refused key", dbFile().exists())
    }
}
