// Location fixes from CoreLocation as the core's `LocationFix`, with iOS 15's simulated-location flag as the
// mock flag. The best fix over a short window starts a check (which fix is best is the core's `bestFix`); a plot
// walk streams every fix.
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
    /// The valid fixes of the last minute, oldest first: a photo is stamped with where the phone was when its
    /// shutter was pressed (`fix(around:)`), not with a window opened after it, when the inspector may have walked on.
    private var recent: [(fix: LocationFix, at: Date)] = []
    /// How long `recent` keeps a fix.
    private static let recentSpan: TimeInterval = 60
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

    /// The best of the next `count` fresh fixes, waiting at most `timeout` seconds, by the core's one rule
    /// (`bestFix`: real before mocked, then accuracy, satellites, the latest; unbelievable fixes never win). When the
    /// time runs out with some fixes taken, the best of those is used; with none the core would believe it throws
    /// `LocationProblem.noFix` (or `.denied`). A cancelled Task ends it at once with `CancellationError`, which
    /// callers leave unreported.
    func bestFix(count: Int = 5, timeout: TimeInterval = 20) async throws -> LocationFix {
        if denied { throw LocationProblem.denied }
        askForFullAccuracyIfReduced()
        let start = Date()
        let deadline = start.addingTimeInterval(timeout)
        // The window the core judges: from a second before it opened (iOS stamps whole seconds) to its end.
        let windowStart = Self.instant(start.addingTimeInterval(-1))
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
        // Throws only for an unreadable window bound, which these are not.
        guard let best = try VieclamCore.bestFix(fixes: seen, windowStart: windowStart, windowEnd: Self.instant(Date()))
        else { throw denied ? LocationProblem.denied : LocationProblem.noFix }
        return best
    }

    /// The core's fix for a shutter pressed at `instant` (its rule says which seconds around it count), from the
    /// fixes that kept arriving meanwhile; nil when none was taken then (the caller opens a window instead).
    func fix(around instant: Date) -> LocationFix? {
        // Throws only for an unreadable instant, which this is not.
        (try? VieclamCore.shutterFix(fixes: recent.map(\.fix), shutter: Self.instant(instant))) ?? nil
    }

    /// iOS 14+: with "Precise: Off" the fixes are kilometres wide. Asks once per window for temporary full accuracy
    /// (iOS shows the purpose from Info.plist); the answer arrives through `locationManagerDidChangeAuthorization`.
    private func askForFullAccuracyIfReduced() {
        guard manager.accuracyAuthorization == .reducedAccuracy else { reducedAccuracy = false; return }
        reducedAccuracy = true
        manager.requestTemporaryFullAccuracyAuthorization(withPurposeKey: Self.purposeKey)
    }

    /// An instant as RFC 3339, as the core takes fix times and window bounds.
    private nonisolated static func instant(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    nonisolated func locationManager(_ manager: CLLocationManager, didUpdateLocations locations: [CLLocation]) {
        let fixes = locations.compactMap { l in Self.fix(l).map { ($0, l.timestamp) } }
        Task { @MainActor in
            for (f, at) in fixes {
                latest = f; latestAt = at; onFix?(f)
                recent.append((f, at))
            }
            let cutoff = Date().addingTimeInterval(-Self.recentSpan)
            recent.removeAll { $0.at < cutoff }
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
                           time: instant(l.timestamp), provider: "corelocation",
                           satellites: nil, // iOS does not report satellites
                           mocked: l.sourceInformation?.isSimulatedBySoftware ?? false)
    }
}
