// Location fixes from CoreLocation as the core's `LocationFix`, with iOS 15's simulated-location flag as the
// mock flag. The best fix over a short window starts a check; a plot walk streams every fix.
import CoreLocation
import VieclamCore

@MainActor
final class LocationService: NSObject, ObservableObject, CLLocationManagerDelegate {
    @Published private(set) var latest: LocationFix?
    /// Called with every fix while a plot walk runs.
    var onFix: ((LocationFix) -> Void)?
    private let manager = CLLocationManager()

    override init() {
        super.init()
        manager.delegate = self
        manager.desiredAccuracy = kCLLocationAccuracyBest
        manager.requestWhenInUseAuthorization()
        manager.startUpdatingLocation()
    }

    /// The most accurate of the next `count` fixes.
    func bestFix(count: Int = 5) async -> LocationFix? {
        var seen: [LocationFix] = []
        while seen.count < count {
            try? await Task.sleep(nanoseconds: 1_000_000_000)
            if let f = latest { seen.append(f) }
        }
        return seen.min { $0.accuracyM < $1.accuracyM }
    }

    nonisolated func locationManager(_ manager: CLLocationManager, didUpdateLocations locations: [CLLocation]) {
        let fixes = locations.map(Self.fix)
        Task { @MainActor in
            for f in fixes { latest = f; onFix?(f) }
        }
    }

    private nonisolated static func fix(_ l: CLLocation) -> LocationFix {
        LocationFix(lat: l.coordinate.latitude, lon: l.coordinate.longitude, accuracyM: l.horizontalAccuracy,
                    altitudeM: l.verticalAccuracy >= 0 ? l.altitude : nil,
                    time: ISO8601DateFormatter().string(from: l.timestamp), provider: "corelocation",
                    satellites: nil, // iOS does not report satellites
                    mocked: l.sourceInformation?.isSimulatedBySoftware ?? false)
    }
}
