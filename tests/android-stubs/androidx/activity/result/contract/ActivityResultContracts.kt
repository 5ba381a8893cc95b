// SIGNATURE STUB FOR COMPILING ONLY, NOT THE REAL LIBRARY: every body throws. It mirrors the public API of
// androidx.activity:activity 1.9.3 (package androidx.activity.result.contract) that android/app uses.
// Only scripts/android-app-jvm.sh uses it; the real library comes from Google's Maven in the Gradle build.
package androidx.activity.result.contract

import android.content.Context
import android.content.Intent

private const val STUB = "signature stub (tests/android-stubs): compile only"

abstract class ActivityResultContract<I, O> {
    abstract fun createIntent(context: Context, input: I): Intent

    abstract fun parseResult(resultCode: Int, intent: Intent?): O
}

class ActivityResultContracts private constructor() {
    class RequestMultiplePermissions : ActivityResultContract<Array<String>, Map<String, @JvmSuppressWildcards Boolean>>() {
        override fun createIntent(context: Context, input: Array<String>): Intent = throw UnsupportedOperationException(STUB)

        override fun parseResult(resultCode: Int, intent: Intent?): Map<String, Boolean> =
            throw UnsupportedOperationException(STUB)
    }
}
