// SIGNATURE STUB FOR COMPILING ONLY, NOT THE REAL LIBRARY: every body throws. It mirrors the Android-only part of
// androidx.compose.ui:ui 1.7 (compose-bom 2024.12.01) that android/app uses, which the Compose desktop jars used
// here lack: same package, names and types. Only scripts/android-app-jvm.sh uses it.
package androidx.compose.ui.platform

import android.content.Context
import androidx.compose.runtime.ProvidableCompositionLocal
import androidx.lifecycle.LifecycleOwner

private const val STUB = "signature stub (tests/android-stubs): compile only"

val LocalContext: ProvidableCompositionLocal<Context>
    get() = throw UnsupportedOperationException(STUB)

/** Deprecated in Compose UI 1.7 (warning level), as in the real library: use androidx.lifecycle.compose's. */
@Deprecated(
    "Moved to lifecycle-runtime-compose library in androidx.lifecycle.compose package.",
    ReplaceWith("androidx.lifecycle.compose.LocalLifecycleOwner"),
)
val LocalLifecycleOwner: ProvidableCompositionLocal<LifecycleOwner>
    get() = throw UnsupportedOperationException(STUB)
