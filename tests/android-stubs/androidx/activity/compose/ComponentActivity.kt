// SIGNATURE STUB FOR COMPILING ONLY, NOT THE REAL LIBRARY: every body throws. It mirrors the public API of
// androidx.activity:activity-compose 1.9.3 that android/app uses (same package, names, types, nullability).
// Only scripts/android-app-jvm.sh uses it; the real library comes from Google's Maven in the Gradle build.
package androidx.activity.compose

import androidx.activity.ComponentActivity
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionContext

fun ComponentActivity.setContent(
    parent: CompositionContext? = null,
    content: @Composable () -> Unit,
): Unit = throw UnsupportedOperationException("signature stub (tests/android-stubs): compile only")
