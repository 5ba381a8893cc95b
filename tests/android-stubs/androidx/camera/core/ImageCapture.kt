// SIGNATURE STUB FOR COMPILING ONLY, NOT THE REAL LIBRARY: every body throws. It mirrors the public API of
// androidx.camera:camera-core 1.4.1 (android/gradle/libs.versions.toml) that android/app uses. The real classes are
// Java: their getters are Kotlin properties of the same name here, their static constants companion constants,
// and their @NonNull/@Nullable annotations are this file's nullability.
// Only scripts/android-app-jvm.sh uses it; the real library comes from Google's Maven in the Gradle build
// (Maven Central does not serve CameraX).
package androidx.camera.core

import java.nio.ByteBuffer

private const val STUB = "signature stub (tests/android-stubs): compile only"

/** Real: `public final class ImageCapture extends UseCase`. */
class ImageCapture private constructor() {
    companion object {
        const val CAPTURE_MODE_MAXIMIZE_QUALITY: Int = 0
        const val CAPTURE_MODE_MINIMIZE_LATENCY: Int = 1
    }

    abstract class OnImageCapturedCallback {
        open fun onCaptureSuccess(image: ImageProxy): Unit = throw UnsupportedOperationException(STUB)

        open fun onError(exception: ImageCaptureException): Unit = throw UnsupportedOperationException(STUB)
    }
}

class ImageCaptureException(imageCaptureError: Int, message: String, cause: Throwable?) : Exception(message, cause) {
    val imageCaptureError: Int get() = throw UnsupportedOperationException(STUB)
}

interface ImageProxy : AutoCloseable {
    override fun close()

    val planes: Array<PlaneProxy>

    /** Real: `@NonNull ImageInfo getImageInfo()`. */
    val imageInfo: ImageInfo

    interface PlaneProxy {
        val rowStride: Int
        val pixelStride: Int
        val buffer: ByteBuffer
    }
}

/** Real: `public interface ImageInfo` (only what android/app reads). */
interface ImageInfo {
    /** Real: `int getRotationDegrees()`: the clockwise turn that makes the image upright (0, 90, 180, 270). */
    val rotationDegrees: Int

    /** Real: `long getTimestamp()`. */
    val timestamp: Long
}
