// Instalment reminders as local notifications: the core's reminder lines for each loan (already in Vietnamese,
// amounts and dates formatted) are posted once; no date arithmetic here.
import Foundation
import UserNotifications

enum Reminders {
    /// Asks permission, then posts one notification per loan the core's `reminders` lists (its one window).
    static func post(core: CoreAPI) async {
        let center = UNUserNotificationCenter.current()
        guard (try? await center.requestAuthorization(options: [.alert, .sound])) == true else { return }
        let today = isoToday()
        guard let loans = try? core.reminders(on: today) else { return }
        for loan in loans {
            let content = UNMutableNotificationContent()
            content.title = loan.title
            content.body = loan.lines.joined(separator: "\n")
            // One per loan and day: posting again the same day replaces rather than repeats. A request needs a
            // trigger to be shown reliably; one second from now is the shortest a time trigger takes.
            let trigger = UNTimeIntervalNotificationTrigger(timeInterval: 1, repeats: false)
            let request = UNNotificationRequest(identifier: "reminder-\(loan.loanId)-\(today)", content: content, trigger: trigger)
            try? await center.add(request)
        }
    }
}
