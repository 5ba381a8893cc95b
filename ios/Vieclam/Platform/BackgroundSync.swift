// Background sync with BGTaskScheduler: iOS wakes the app when it sees fit (with network), the core syncs
// (data first, photos after, resumable), and the next run is asked for at once. A run cut short by iOS loses
// nothing: the core only advances what the server acknowledged.
import BackgroundTasks
import Foundation
import VieclamCore

enum BackgroundSync {
    static let identifier = "vn.gov.langson.vieclam.sync"

    /// Registers the handler; call once at launch, before the app finishes launching.
    static func register(core: @escaping () -> CoreAPI?) {
        BGTaskScheduler.shared.register(forTaskWithIdentifier: identifier, using: nil) { task in
            guard let task = task as? BGProcessingTask else { return }
            // Signed out: nothing goes up until someone signs in again (which schedules the next run).
            guard let api = core(), (try? api.session()) != nil else { task.setTaskCompleted(success: true); return }
            schedule()
            let cancel = SyncCancel()
            Task {
                do {
                    _ = try await api.sync(cancel: cancel) { _, _, _ in }
                    task.setTaskCompleted(success: true)
                } catch {
                    task.setTaskCompleted(success: false)
                }
            }
            // iOS's time is up: the core stops at its next safe point, keeping what the server acknowledged.
            task.expirationHandler = { cancel.cancel() }
        }
    }

    /// Asks for the next run, with network, no sooner than 15 minutes from now.
    static func schedule() {
        let request = BGProcessingTaskRequest(identifier: identifier)
        request.requiresNetworkConnectivity = true
        request.earliestBeginDate = Date(timeIntervalSinceNow: 15 * 60)
        try? BGTaskScheduler.shared.submit(request)
    }

    /// Withdraws the pending run (signing out).
    static func cancel() {
        BGTaskScheduler.shared.cancel(taskRequestWithIdentifier: identifier)
    }
}
