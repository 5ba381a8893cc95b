// The evidence camera with AVFoundation: a live preview and a shutter, the JPEG handed to the core with the fix.
// There is deliberately no photo-library picker: evidence is taken at the site, at the time.
import AVFoundation
import SwiftUI

struct CameraView: UIViewControllerRepresentable {
    let onJpeg: (Data) -> Void

    func makeUIViewController(context: Context) -> CameraController { CameraController(onJpeg: onJpeg) }
    func updateUIViewController(_ controller: CameraController, context: Context) {}
}

final class CameraController: UIViewController, AVCapturePhotoCaptureDelegate {
    private let session = AVCaptureSession()
    private let output = AVCapturePhotoOutput()
    private let onJpeg: (Data) -> Void

    init(onJpeg: @escaping (Data) -> Void) {
        self.onJpeg = onJpeg
        super.init(nibName: nil, bundle: nil)
    }
    required init?(coder: NSCoder) { nil }

    override func viewDidLoad() {
        super.viewDidLoad()
        guard let camera = AVCaptureDevice.default(.builtInWideAngleCamera, for: .video, position: .back),
              let input = try? AVCaptureDeviceInput(device: camera) else { return }
        session.sessionPreset = .photo
        if session.canAddInput(input) { session.addInput(input) }
        if session.canAddOutput(output) { session.addOutput(output) }
        let preview = AVCaptureVideoPreviewLayer(session: session)
        preview.frame = view.bounds
        preview.videoGravity = .resizeAspectFill
        view.layer.addSublayer(preview)
        let shutter = UIButton(type: .system)
        shutter.setTitle(NSLocalizedString("take_photo", comment: ""), for: .normal)
        shutter.titleLabel?.font = .preferredFont(forTextStyle: .title2)
        shutter.backgroundColor = .white
        shutter.layer.cornerRadius = 32
        shutter.frame = CGRect(x: view.bounds.midX - 100, y: view.bounds.maxY - 120, width: 200, height: 64)
        shutter.addAction(UIAction { [weak self] _ in self?.capture() }, for: .touchUpInside)
        view.addSubview(shutter)
        DispatchQueue.global(qos: .userInitiated).async { [session] in session.startRunning() }
    }

    private func capture() {
        output.capturePhoto(with: AVCapturePhotoSettings(format: [AVVideoCodecKey: AVVideoCodecType.jpeg]), delegate: self)
    }

    func photoOutput(_ output: AVCapturePhotoOutput, didFinishProcessingPhoto photo: AVCapturePhoto, error: Error?) {
        if let data = photo.fileDataRepresentation() { onJpeg(data) }
    }
}
