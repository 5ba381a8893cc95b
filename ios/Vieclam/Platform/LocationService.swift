// Location fixes from CoreLocation as the core's `LocationFix`, with iOS 15's simulated-location flag as the
// mock flag. The best fix over a short window starts a check; a plot walk streams every fix.
//
// A fix iOS marks invalid (a negative horizontalAccuracy) is never passed on: the core only believes a fix whose
// accuracy is known. When the person granted only approximate location (iOS 14's "Precise: Off"), the service asks
// for temporary full accuracy with the purpose in Info.plist (NSLocationTemporaryUsageDescriptionDictionary,
// key "SiteCheck") and, while it stays reduced, the views say so. A capture window ends after a timeout and stops
// at once when its Task is cancelled (the view went away): it never waits forever.
import CoreLocation
import VieclamCore

/** Why a capture window gave no fix; its text is the person's (Localizable.strings), never a debug string. */
enum LocationProblem: LocalizedError {
    /// Location is refused or restricted for the app: nothing was asked of CoreLocation.
    case denied
    /// No valid fix within the timeout: location services off, indoors, no sky.
    case noFix

    var errorDescription: String? {
        switch self {
        case .denied: return NSLocalizedString("location_denied", comment: "")
        case .noFix: return NSLocalizedString("location_timeout", comment: "")
        }
    }
}

@MainActor
final class LocationService: NSObject, ObservableObject, CLLocationManagerDelegate {
    /// The newest valid fix and when it was taken (to tell a fresh fix from one left over from before a window).
    @Published private(set) var latest: LocationFix?
    private var latestAt: Date?
    /// The person allowed only approximate location and did not grant full accuracy for this session: the site
    /// check shows `location_reduced` so a "poor fix" verdict is not a mystery.
    @Published private(set) var reducedAccuracy = false
    /// Called with every valid fix while a plot walk runs.
    var onFix: ((LocationFix) -> Void)?
    private let manager = CLLocationManager()
    /// The purpose key of Info.plist's NSLocationTemporaryUsageDescriptionDictionary.
    private static let purposeKey = "SiteCheck"

    override init() {
        super.init()
        manager.delegate = self
        manager.desiredAccuracy = kCLLocationAccuracyBest
        manager.requestWhenInUseAuthorization()
        manager.startUpdatingLocation()
    }

    /// Whether location is refused for the app (the person said no, or a profile restricts it).
    private var denied: Bool {
        manager.authorizationStatus == .denied || manager.authorizationStatus == .restricted
    }

    /// The best of the next `count` fresh fixes, waiting at most `timeout` seconds. When the time runs out with some
    /// fixes taken, the best of those is used; with none it throws `LocationProblem.noFix` (or `.denied`). A
    /// cancelled Task ends it at once with `CancellationError`, which callers leave unreported.
    func bestFix(count: Int = 5, timeout: TimeInterval = 20) async throws -> LocationFix {
        if denied { throw LocationProblem.denied }
        askForFullAccuracyIfReduced()
        let start = Date()
        let deadline = start.addingTimeInterval(timeout)
        var seen: [LocationFix] = []
        var lastTaken: Date?
        while seen.count < count, Date() < deadline {
            try await Task.sleep(nanoseconds: 250_000_000) // throws CancellationError when the view goes away
            if denied { throw LocationProblem.denied }
            // Only fixes taken in this window, each once (the same `latest` is seen on many ticks).
            if let fix = latest, let at = latestAt, at >= start.addingTimeInterval(-1), at != lastTaken {
                seen.append(fix)
                lastTaken = at
            }
        }
        guard let best = Self.pickBest(seen) else { throw denied ? LocationProblem.denied : LocationProblem.noFix }
        return best
    }

    /// iOS 14+: with "Precise: Off" the fixes are kilometres wide. Asks once per window for temporary full accuracy
    /// (iOS shows the purpose from Info.plist); the answer arrives through `locationManagerDidChangeAuthorization`.
    private func askForFullAccuracyIfReduced() {
        guard manager.accuracyAuthorization == .reducedAccuracy else { reducedAccuracy = false; return }
        reducedAccuracy = true
        manager.requestTemporaryFullAccuracyAuthorization(withPurposeKey: Self.purposeKey)
    }

    /// The core's rule for the best fix of a window (`vieclam_core::checks::fix::best_fix`): a real fix over a
    /// mocked one, then the smallest accuracy, then the latest. The bindings do not export that function yet; when
    /// they do, this should call it instead. Only valid fixes (accuracy ≥ 0) ever get here.
    private static func pickBest(_ fixes: [LocationFix]) -> LocationFix? {
        let valid = fixes.filter { $0.accuracyM.isFinite && $0.accuracyM >= 0 && !($0.lat == 0 && $0.lon == 0) }
        func best(_ group: [LocationFix]) -> LocationFix? {
            // `seen` is in time order, so among equal accuracies the later one wins with `<=`.
            var result: LocationFix?
            for f in group where result.map({ f.accuracyM <= $0.accuracyM }) ?? true { result = f }
            return result
        }
        return best(valid.filter { !$0.mocked }) ?? best(valid.filter { $0.mocked })
    }

    nonisolated func locationManager(_ manager: CLLocationManager, didUpdateLocations locations: [CLLocation]) {
        let fixes = locations.compactMap { l in Self.fix(l).map { ($0, l.timestamp) } }
        Task { @MainActor in
            for (f, at) in fixes { latest = f; latestAt = at; onFix?(f) }
        }
    }

    nonisolated func locationManagerDidChangeAuthorization(_ manager: CLLocationManager) {
        let reduced = manager.accuracyAuthorization == .reducedAccuracy
        Task { @MainActor in reducedAccuracy = reduced }
    }

    nonisolated func locationManager(_ manager: CLLocationManager, didFailWithError error: Error) {
        // kCLErrorLocationUnknown is transient (iOS keeps trying); a denial shows up in `bestFix` through the
        // authorization status. Nothing to keep here: a window without fixes ends with its timeout.
    }

    /// The core's fix, or nil when iOS marks the location invalid (a negative horizontal accuracy): such a fix has
    /// no position worth judging and must never win a comparison as "0 m" or less.
    private nonisolated static func fix(_ l: CLLocation) -> LocationFix? {
        guard l.horizontalAccuracy >= 0 else { return nil }
        return LocationFix(lat: l.coordinate.latitude, lon: l.coordinate.longitude, accuracyM: l.horizontalAccuracy,
                           altitudeM: l.verticalAccuracy >= 0 ? l.altitude : nil,
                           time: ISO8601DateFormatter().string(from: l.timestamp), provider: "corelocation",
                           satellites: nil, // iOS does not report satellites
                           mocked: l.sourceInformation?.isSimulatedBySoftware ?? false)
    }
}
