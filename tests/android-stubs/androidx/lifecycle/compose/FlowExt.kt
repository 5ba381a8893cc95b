// SIGNATURE STUB FOR COMPILING ONLY, NOT THE REAL LIBRARY: every body throws. It mirrors the public API of
// androidx.lifecycle:lifecycle-runtime-compose 2.8.7 that android/app uses (same package, names, types, defaults).
// Only scripts/android-app-jvm.sh uses it; the real library comes from Google's Maven in the Gradle build.
package androidx.lifecycle.compose

import androidx.compose.runtime.Composable
import androidx.compose.runtime.ProvidableCompositionLocal
import androidx.compose.runtime.State
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.LifecycleOwner
import kotlin.coroutines.CoroutineContext
import kotlin.coroutines.EmptyCoroutineContext
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.StateFlow

private const val STUB = "signature stub (tests/android-stubs): compile only"

val LocalLifecycleOwner: ProvidableCompositionLocal<LifecycleOwner>
    get() = throw UnsupportedOperationException(STUB)

@Composable
fun <T> StateFlow<T>.collectAsStateWithLifecycle(
    lifecycleOwner: LifecycleOwner = LocalLifecycleOwner.current,
    minActiveState: Lifecycle.State = Lifecycle.State.STARTED,
    context: CoroutineContext = EmptyCoroutineContext,
): State<T> = throw UnsupportedOperationException(STUB)

@Composable
fun <T> Flow<T>.collectAsStateWithLifecycle(
    initialValue: T,
    lifecycleOwner: LifecycleOwner = LocalLifecycleOwner.current,
    minActiveState: Lifecycle.State = Lifecycle.State.STARTED,
    context: CoroutineContext = EmptyCoroutineContext,
): State<T> = throw UnsupportedOperationException(STUB)
