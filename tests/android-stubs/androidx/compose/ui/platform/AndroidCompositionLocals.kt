// SIGNATURE STUB FOR COMPILING ONLY, NOT THE REAL LIBRARY: every body throws. It mirrors the Android-only part of
// androidx.compose.ui:ui 1.7 (compose-bom 2024.12.01) that android/app uses, which the Compose desktop jars used
// here lack: same package, names and types. A stub rather than the real ui-android so that only one Compose UI (the
// desktop jars) is on the class path. Only scripts/android-app-jvm.sh uses it.
package androidx.compose.ui.platform

import android.content.Context
import androidx.compose.runtime.ProvidableCompositionLocal

private const val STUB = "signature stub (tests/android-stubs): compile only"

val LocalContext: ProvidableCompositionLocal<Context>
    get() = throw UnsupportedOperationException(STUB)
