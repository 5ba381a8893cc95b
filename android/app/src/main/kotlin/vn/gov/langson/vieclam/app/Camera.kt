//! Evidence photos from CameraX: a preview and a shutter, the JPEG handed straight to the core's `addPhoto` with
//! the current fix and the rotation CameraX reports (the core turns the photo upright; some camera drivers do not
//! write it into the EXIF). There is deliberately no gallery picker: evidence must be taken at the site, at the time.
package vn.gov.langson.vieclam.app

import androidx.camera.core.ImageCapture
import androidx.camera.core.ImageCaptureException
import androidx.camera.core.ImageProxy
import androidx.camera.view.CameraController
import androidx.camera.view.LifecycleCameraController
import androidx.camera.view.PreviewView
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.remember
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.lifecycle.compose.LocalLifecycleOwner
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import androidx.compose.ui.viewinterop.AndroidView
import androidx.core.content.ContextCompat

/**
 * A full-screen camera; `onJpeg` gets the captured JPEG bytes (EXIF as the camera wrote it) and CameraX's
 * `rotationDegrees`, the clockwise turn the pixels need to be upright, for the core's `addPhoto`.
 */
@Composable
fun CameraCapture(shutterLabel: String, onJpeg: (ByteArray, UShort) -> Unit, onError: (String) -> Unit) {
    val context = LocalContext.current
    val owner = LocalLifecycleOwner.current
    val controller = remember {
        LifecycleCameraController(context).apply {
            setEnabledUseCases(CameraController.IMAGE_CAPTURE)
            imageCaptureMode = ImageCapture.CAPTURE_MODE_MAXIMIZE_QUALITY
            bindToLifecycle(owner)
        }
    }
    Box(Modifier.fillMaxSize()) {
        AndroidView({ PreviewView(it).apply { this.controller = controller } }, Modifier.fillMaxSize())
        Button(
            onClick = {
                controller.takePicture(ContextCompat.getMainExecutor(context), object : ImageCapture.OnImageCapturedCallback() {
                    override fun onCaptureSuccess(image: ImageProxy) {
                        // CameraX delivers JPEG captures as one plane holding the whole file.
                        val buffer = image.planes[0].buffer
                        val bytes = ByteArray(buffer.remaining()).also { buffer.get(it) }
                        val rotation = image.imageInfo.rotationDegrees.toUShort()
                        image.close()
                        onJpeg(bytes, rotation)
                    }

                    override fun onError(exception: ImageCaptureException) = onError(exception.message ?: "camera")
                })
            },
            modifier = Modifier.align(Alignment.BottomCenter).padding(32.dp).semantics { contentDescription = shutterLabel },
        ) { Text(shutterLabel) }
    }
}
