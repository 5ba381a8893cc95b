// Background sync with BGTaskScheduler, two ways: a short app-refresh task (BGAppRefreshTask, about 30 seconds,
// which iOS grants often, so a finished check goes up soon after the phone finds a network) and a longer
// processing task with network (BGProcessingTask, for photo uploads, usually at night on power). iOS wakes the app
// when it sees fit, the core syncs (data first, photos after, resumable), and the next runs are asked for. A run cut
// short by iOS loses nothing: the core only advances what the server acknowledged.
import BackgroundTasks
import Foundation
import VieclamCore

enum BackgroundSync {
    /// The long task (Info.plist BGTaskSchedulerPermittedIdentifiers lists both).
    static let identifier = "vn.gov.langson.vieclam.sync"
    /// The short, frequent task.
    static let refreshIdentifier = "vn.gov.langson.vieclam.refresh"

    /// Registers both handlers; call once at launch, before the app finishes launching. `core` waits for the store
    /// to open and is nil when it would not (the recovery screen is waiting for the person: nothing to sync).
    static func register(core: @escaping @Sendable () async -> CoreAPI?) {
        BGTaskScheduler.shared.register(forTaskWithIdentifier: identifier, using: nil) { task in
            run(task, core: core)
        }
        BGTaskScheduler.shared.register(forTaskWithIdentifier: refreshIdentifier, using: nil) { task in
            run(task, core: core)
        }
    }

    /// One sync for either kind of task; the task is completed on every path, as BGTaskScheduler requires.
    private static func run(_ task: BGTask, core: @escaping @Sendable () async -> CoreAPI?) {
        let cancel = SyncCancel()
        // iOS's time is up: the core stops at its next safe point, keeping what the server acknowledged.
        task.expirationHandler = { cancel.cancel() }
        Task {
            // Signed out, or no readable store: nothing goes up until someone signs in again (which schedules anew).
            guard let api = await core(), (try? api.session()) != nil else {
                task.setTaskCompleted(success: true)
                return
            }
            schedule()
            do {
                _ = try await api.sync(cancel: cancel) { _, _, _ in }
                task.setTaskCompleted(success: true)
            } catch {
                task.setTaskCompleted(success: false)
            }
        }
    }

    /// Asks for the next runs: an app refresh no sooner than 15 minutes from now, and a processing run with
    /// network no sooner than an hour from now. Submitting again replaces a pending request of the same kind.
    static func schedule() {
        let refresh = BGAppRefreshTaskRequest(identifier: refreshIdentifier)
        refresh.earliestBeginDate = Date(timeIntervalSinceNow: 15 * 60)
        try? BGTaskScheduler.shared.submit(refresh)
        let processing = BGProcessingTaskRequest(identifier: identifier)
        processing.requiresNetworkConnectivity = true
        processing.earliestBeginDate = Date(timeIntervalSinceNow: 60 * 60)
        try? BGTaskScheduler.shared.submit(processing)
    }

    /// Withdraws the pending runs (signing out).
    static func cancel() {
        BGTaskScheduler.shared.cancel(taskRequestWithIdentifier: refreshIdentifier)
        BGTaskScheduler.shared.cancel(taskRequestWithIdentifier: identifier)
    }
}
