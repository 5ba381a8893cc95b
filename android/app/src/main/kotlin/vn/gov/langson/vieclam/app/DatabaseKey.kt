//! The store's 32-byte SQLCipher key, wrapped by an AES-GCM key that lives in the Android Keystore and never
//! leaves it. The wrapped key sits in app-private storage; without this device's Keystore it is useless.
package vn.gov.langson.vieclam.app

import android.content.Context
import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyProperties
import java.io.File
import java.security.KeyStore
import java.security.SecureRandom
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec

private const val ALIAS = "vieclam-db-wrap"
private const val IV_BYTES = 12
private const val WRAPPED_KEY_FILE = "vieclam.key.wrapped"

/** Returns the database key, making and wrapping a new random one on first use. */
fun databaseKey(context: Context): ByteArray {
    val file = File(context.noBackupFilesDir, WRAPPED_KEY_FILE)
    val wrapping = wrappingKey()
    if (file.isFile) {
        val blob = file.readBytes()
        val cipher = Cipher.getInstance("AES/GCM/NoPadding")
        cipher.init(Cipher.DECRYPT_MODE, wrapping, GCMParameterSpec(128, blob, 0, IV_BYTES))
        return cipher.doFinal(blob, IV_BYTES, blob.size - IV_BYTES)
    }
    val key = ByteArray(32).also { SecureRandom().nextBytes(it) }
    val cipher = Cipher.getInstance("AES/GCM/NoPadding")
    cipher.init(Cipher.ENCRYPT_MODE, wrapping) // the Keystore picks the IV
    val sealed = cipher.iv + cipher.doFinal(key)
    // Written to a temporary file and renamed, so a crash never leaves half a key (and an unopenable store).
    val tmp = File(file.path + ".tmp")
    tmp.writeBytes(sealed)
    check(tmp.renameTo(file)) { "could not store the wrapped key" }
    return key
}

/**
 * Forgets the database key after the store it opened was set aside (the recovery screen's "sign in again"): the
 * wrapped key is moved beside the old file as `.unreadable` and the Keystore's wrapping key is deleted, so the next
 * [databaseKey] makes both anew even when the Keystore key itself had been invalidated.
 */
fun forgetDatabaseKey(context: Context) {
    val file = File(context.noBackupFilesDir, WRAPPED_KEY_FILE)
    val aside = File(context.noBackupFilesDir, "$WRAPPED_KEY_FILE.unreadable")
    aside.delete()
    if (file.exists() && !file.renameTo(aside)) file.delete()
    runCatching { KeyStore.getInstance("AndroidKeyStore").apply { load(null) }.deleteEntry(ALIAS) }
}

private fun wrappingKey(): SecretKey {
    val store = KeyStore.getInstance("AndroidKeyStore").apply { load(null) }
    (store.getKey(ALIAS, null) as? SecretKey)?.let { return it }
    val generator = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, "AndroidKeyStore")
    generator.init(
        KeyGenParameterSpec.Builder(ALIAS, KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT)
            .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
            .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
            .setKeySize(256)
            .build(),
    )
    return generator.generateKey()
}
