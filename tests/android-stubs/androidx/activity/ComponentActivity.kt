// SIGNATURE STUB FOR COMPILING ONLY, NOT THE REAL LIBRARY: every body throws. It mirrors the public API of
// androidx.activity:activity 1.9.3 (android/gradle/libs.versions.toml) that android/app uses: same package, names,
// parameter types, nullability and generics, so code that compiles against it compiles against the real library.
// Only scripts/android-app-jvm.sh uses it; the real library comes from Google's Maven in the Gradle build.
package androidx.activity

import android.app.Activity
import android.content.res.Resources
import android.graphics.Color
import androidx.activity.result.ActivityResultCallback
import androidx.activity.result.ActivityResultLauncher
import androidx.activity.result.contract.ActivityResultContract
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.LifecycleOwner

private const val STUB = "signature stub (tests/android-stubs): compile only"

/** Real: extends androidx.core.app.ComponentActivity (itself an android.app.Activity and a LifecycleOwner). */
open class ComponentActivity : Activity(), LifecycleOwner {
    override val lifecycle: Lifecycle get() = throw UnsupportedOperationException(STUB)

    fun <I, O> registerForActivityResult(
        contract: ActivityResultContract<I, O>,
        callback: ActivityResultCallback<O>,
    ): ActivityResultLauncher<I> = throw UnsupportedOperationException(STUB)
}

/** The colours of a system bar for [enableEdgeToEdge]. */
class SystemBarStyle private constructor() {
    companion object {
        @JvmStatic
        @JvmOverloads
        fun auto(
            lightScrim: Int,
            darkScrim: Int,
            detectDarkMode: (Resources) -> Boolean = { throw UnsupportedOperationException(STUB) },
        ): SystemBarStyle = throw UnsupportedOperationException(STUB)

        @JvmStatic
        fun dark(scrim: Int): SystemBarStyle = throw UnsupportedOperationException(STUB)

        @JvmStatic
        fun light(scrim: Int, darkScrim: Int): SystemBarStyle = throw UnsupportedOperationException(STUB)
    }
}

@JvmName("enable")
@JvmOverloads
fun ComponentActivity.enableEdgeToEdge(
    statusBarStyle: SystemBarStyle = SystemBarStyle.auto(Color.TRANSPARENT, Color.TRANSPARENT),
    navigationBarStyle: SystemBarStyle = SystemBarStyle.auto(Color.TRANSPARENT, Color.TRANSPARENT),
): Unit = throw UnsupportedOperationException(STUB)
