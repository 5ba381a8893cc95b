// SIGNATURE STUB FOR COMPILING ONLY, NOT THE REAL LIBRARY: every body throws. It mirrors AndroidView from
// androidx.compose.ui:ui 1.7 (Android only, absent from the Compose desktop jars): same package, name and types; a
// stub rather than the real ui-android so that only one Compose UI (the desktop jars) is on the class path.
// Only scripts/android-app-jvm.sh uses it; the real library comes from Google's Maven in the Gradle build.
package androidx.compose.ui.viewinterop

import android.content.Context
import android.view.View
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.UiComposable

@Composable
@UiComposable
fun <T : View> AndroidView(
    factory: (Context) -> T,
    modifier: Modifier = Modifier,
    update: (T) -> Unit = {},
): Unit = throw UnsupportedOperationException("signature stub (tests/android-stubs): compile only")
