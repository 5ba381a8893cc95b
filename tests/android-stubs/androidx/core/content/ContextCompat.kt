// SIGNATURE STUB FOR COMPILING ONLY, NOT THE REAL LIBRARY: every body throws. It mirrors the public API of
// androidx.core:core's ContextCompat (a Java class; its static methods are companion functions here, its
// @NonNull parameters non-null types) that android/app uses. Only scripts/android-app-jvm.sh uses it.
package androidx.core.content

import android.content.Context
import java.util.concurrent.Executor

open class ContextCompat protected constructor() {
    companion object {
        @JvmStatic
        fun checkSelfPermission(context: Context, permission: String): Int =
            throw UnsupportedOperationException("signature stub (tests/android-stubs): compile only")

        @JvmStatic
        fun getMainExecutor(context: Context): Executor =
            throw UnsupportedOperationException("signature stub (tests/android-stubs): compile only")
    }
}
