// Helpers the binding tests share: a temporary folder per test and an encrypted store in it, loaded with the demo
// province when a test needs data. No test methods here: run.sh runs only the files that have some.
package vn.gov.langson.vieclam.core.test

import java.io.File
import java.nio.file.Files
import vn.gov.langson.vieclam.core.VieclamStore

/** "Today" of the demo history: payments stop here, and the loans' figures are read on this day. */
const val DEMO_AS_OF = "2025-10-20"

/** A 32-byte key as the app would take from Android Keystore / iOS Keychain. */
val TEST_KEY = ByteArray(32) { (it * 11 + 5).toByte() }

/** A fresh temporary folder; the caller deletes it. */
fun tempDir(name: String): File = Files.createTempDirectory(name).toFile()

/** Opens (creating) the encrypted store `vieclam.db` in `dir`. */
fun openStore(dir: File): VieclamStore = VieclamStore.open(File(dir, "vieclam.db").path, TEST_KEY)

/** Opens a store in `dir` and loads a demo province of `loans` loans into it. */
fun demoStore(dir: File, loans: Int, seed: Long = 7): VieclamStore {
    val store = openStore(dir)
    try {
        store.loadDemo(loans.toUInt(), seed.toULong(), DEMO_AS_OF)
    } catch (e: Throwable) {
        store.close()
        throw e
    }
    return store
}
