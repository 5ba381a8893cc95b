// Instalment reminders as local notifications: the core's reminder lines for each loan (already in Vietnamese,
// amounts and dates formatted) are posted once; no date arithmetic here.
import Foundation
import UserNotifications

enum Reminders {
    /// Asks permission, then posts one notification per loan with something due within `days`.
    static func post(core: CoreAPI, days: UInt32 = 7) async {
        let center = UNUserNotificationCenter.current()
        guard (try? await center.requestAuthorization(options: [.alert, .sound])) == true else { return }
        let today = isoToday()
        guard let loans = try? core.loanList(query: "", on: today) else { return }
        for row in loans.rows {
            guard let detail = try? core.loanDetail(loanId: row.loanId, on: today, remindWithinDays: days),
                  !detail.reminders.isEmpty else { continue }
            let content = UNMutableNotificationContent()
            content.title = detail.title
            content.body = detail.reminders.joined(separator: "\n")
            // One per loan and day: posting again the same day replaces rather than repeats.
            let request = UNNotificationRequest(identifier: "reminder-\(row.loanId)-\(today)", content: content, trigger: nil)
            try? await center.add(request)
        }
    }
}
