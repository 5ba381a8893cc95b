// Instalment reminders as local notifications: the core's reminder lines for each loan (already in Vietnamese,
// amounts and dates formatted), scheduled for the next 08:00 on the phone's clock, when a borrower reads them, not
// the moment the app happens to be open (a notification due while the app is in front is not shown). No date
// arithmetic on the loans here: which loans and what to say are the core's.
import Foundation
import UserNotifications

enum Reminders {
    /// The local hour reminders appear at: morning, before the day's work and market.
    static let hour = 8
    private static let prefix = "reminder-"

    /// Asks permission, then schedules one notification per loan the core's `reminders` lists (its one window),
    /// replacing the ones scheduled before, so a loan that was paid meanwhile is not reminded of.
    static func post(core: CoreAPI) async {
        let center = UNUserNotificationCenter.current()
        guard (try? await center.requestAuthorization(options: [.alert, .sound])) == true else { return }
        guard let loans = try? core.reminders(on: isoToday()) else { return }
        let stale = await center.pendingNotificationRequests().map(\.identifier).filter { $0.hasPrefix(prefix) }
        center.removePendingNotificationRequests(withIdentifiers: stale)
        // The next time the clock reads 08:00 (today if it is earlier, else tomorrow); a calendar trigger fires
        // while the app is closed, which a one-second interval posted from the open app did not achieve.
        let trigger = UNCalendarNotificationTrigger(dateMatching: DateComponents(hour: hour, minute: 0), repeats: false)
        for loan in loans {
            let content = UNMutableNotificationContent()
            content.title = loan.title
            content.body = loan.lines.joined(separator: "\n")
            content.sound = .default
            // One per loan: scheduling again replaces rather than repeats.
            let request = UNNotificationRequest(identifier: prefix + loan.loanId, content: content, trigger: trigger)
            try? await center.add(request)
        }
    }
}
