// SIGNATURE STUB FOR COMPILING ONLY, NOT THE REAL LIBRARY: every body throws. It mirrors the public API of
// androidx.camera:camera-view 1.4.1 that android/app uses. The real classes are Java: getter/setter pairs are Kotlin
// properties of the same name here, static constants companion constants, @NonNull/@Nullable this file's nullability.
// Only scripts/android-app-jvm.sh uses it; the real library comes from Google's Maven in the Gradle build
// (Maven Central does not serve CameraX).
package androidx.camera.view

import android.content.Context
import android.widget.FrameLayout
import androidx.camera.core.ImageCapture
import androidx.lifecycle.LifecycleOwner
import java.util.concurrent.Executor

private const val STUB = "signature stub (tests/android-stubs): compile only"

abstract class CameraController internal constructor() {
    companion object {
        const val IMAGE_CAPTURE: Int = 1
        const val IMAGE_ANALYSIS: Int = 1 shl 1
        const val VIDEO_CAPTURE: Int = 1 shl 2
    }

    fun setEnabledUseCases(enabledUseCases: Int): Unit = throw UnsupportedOperationException(STUB)

    var imageCaptureMode: Int
        get() = throw UnsupportedOperationException(STUB)
        set(@Suppress("UNUSED_PARAMETER") value) = throw UnsupportedOperationException(STUB)

    fun takePicture(executor: Executor, callback: ImageCapture.OnImageCapturedCallback): Unit =
        throw UnsupportedOperationException(STUB)
}

class LifecycleCameraController(context: Context) : CameraController() {
    fun bindToLifecycle(lifecycleOwner: LifecycleOwner): Unit = throw UnsupportedOperationException(STUB)
}

class PreviewView(context: Context) : FrameLayout(context) {
    var controller: CameraController?
        get() = throw UnsupportedOperationException(STUB)
        set(@Suppress("UNUSED_PARAMETER") value) = throw UnsupportedOperationException(STUB)
}
