// The one store of the process, opened off the main thread (SQLCipher's key derivation and a migration would hold
// up the first frame), and what to do when it will not open: a `StoreProblem` for the recovery screen, never a
// stand-in with made-up data. The background sync task asks the same slot, so it waits for the opening too and
// does nothing while the store is unreadable.
import Foundation
import VieclamCore

/// Why the store did not open, as far as the person needs to know (the core's `WrongKey`, `Corrupt`, `SchemaTooNew`).
enum StoreProblem: Equatable {
    /// The key does not open the file: typically the file came back from a restore or a move to another phone,
    /// where the Keychain key (ThisDeviceOnly) did not follow; or the Keychain refused the key.
    case wrongKey
    /// The file is damaged or truncated, or anything else kept it from opening.
    case damaged
    /// A newer version of the app wrote the file: updating the app opens it again.
    case tooNew

    init(_ error: Error) {
        if error is DatabaseKey.KeychainError {
            self = .wrongKey
        } else if let core = error as? VieclamError {
            switch core {
            case .WrongKey: self = .wrongKey
            case .SchemaTooNew: self = .tooNew
            default: self = .damaged
            }
        } else {
            self = .damaged
        }
    }
}

/// The store's outcome: open, or refused with a problem.
enum StoreState {
    case open(CoreAPI)
    case failed(StoreProblem)
}

actor CoreSlot {
    private var opening: Task<StoreState, Never>

    init() {
        opening = Task.detached(priority: .userInitiated) { () -> StoreState in CoreSlot.open() }
    }

    /// How the opening ended (waits for it).
    func state() async -> StoreState { await opening.value }

    /// The open core, or nil when the store would not open (the background task then has nothing to do).
    func core() async -> CoreAPI? {
        if case let .open(core) = await opening.value { return core }
        return nil
    }

    /// "Sign in again to download your data": sets the unreadable file aside and opens a fresh, signed-out store.
    /// Does nothing when the store is already open (a second tap). What the old file held and had not sent is
    /// the only loss, as the recovery screen says.
    func startAfresh() async -> StoreState {
        let current = await opening.value
        guard case let .failed(problem) = current else { return current }
        opening = Task.detached(priority: .userInitiated) { () -> StoreState in
            do {
                try CoreProxy.setAside(problem)
            } catch {
                return .failed(StoreProblem(error))
            }
            return CoreSlot.open()
        }
        return await opening.value
    }

    private static func open() -> StoreState {
        do {
            return .open(try CoreProxy())
        } catch {
            return .failed(StoreProblem(error))
        }
    }
}

/// What the window shows: the store opening, the app over the open core, or the recovery screen.
@MainActor
final class Launcher: ObservableObject {
    enum Phase {
        case opening
        case ready(AppModel)
        case failed(StoreProblem)
    }

    @Published private(set) var phase: Phase = .opening
    /// "Sign in again" is running (its button is disabled so it runs once).
    @Published private(set) var busy = false
    let slot: CoreSlot

    init(slot: CoreSlot) { self.slot = slot }

    /// Waits for the store and shows the app or the recovery screen.
    func start() async { show(await slot.state()) }

    /// The recovery screen's action; the fresh store has no session, so the app opens on sign-in.
    func startAfresh() async {
        guard !busy else { return }
        busy = true
        defer { busy = false }
        show(await slot.startAfresh())
    }

    private func show(_ state: StoreState) {
        switch state {
        case let .open(core): phase = .ready(AppModel(core: core))
        case let .failed(problem): phase = .failed(problem)
        }
    }
}
