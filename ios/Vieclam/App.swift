// The iOS app: opens the core at launch (CoreProxy over the encrypted store), registers background sync, and
// shows sign-in, then the tabs of the role of the core's session (a device already signed in skips sign-in).
import SwiftUI
import VieclamCore

/// The role of the signed-in account (the core's `SessionInfo.role`): decides the tabs.
enum Role {
    case inspector, borrower, worker

    /// The role for the core's code; office staff (`admin`) get the inspector's screens on a phone.
    init?(session: SessionInfo?) {
        switch session?.role {
        case "inspector", "admin": self = .inspector
        case "borrower": self = .borrower
        case "worker": self = .worker
        default: return nil
        }
    }
}

@MainActor
final class AppModel: ObservableObject {
    let core: CoreAPI
    let location = LocationService()
    @Published var role: Role?

    init(core: CoreAPI) {
        self.core = core
        role = Role(session: try? core.session())
    }
}

@main
struct VieclamApp: App {
    @StateObject private var model: AppModel

    init() {
        // A store that cannot open (a wrong key after a device restore) is a fatal setup problem, not user input.
        let core: CoreAPI = (try? CoreProxy()) ?? CoreMock()
        _model = StateObject(wrappedValue: AppModel(core: core))
        BackgroundSync.register { core }
        BackgroundSync.schedule()
    }

    var body: some Scene {
        WindowGroup {
            RootView().environmentObject(model).tint(Theme.primary)
        }
    }
}

struct RootView: View {
    @EnvironmentObject var model: AppModel

    var body: some View {
        switch model.role {
        case nil:
            SignInView { role in
                BackgroundSync.schedule() // cancelled by a sign-out earlier in this run, if any
                model.role = role
            }
        case .inspector?:
            TabView {
                NavigationStack { PlanView() }.tabItem { Text("plan_title") }
                NavigationStack { SitesView() }.tabItem { Text("sites_title") }
                NavigationStack { SyncView() }.tabItem { Text("sync_title") }
            }
        case .borrower?:
            TabView {
                NavigationStack { LoansView() }.tabItem { Text("borrower_tab") }
                NavigationStack { RemindersView() }.tabItem { Text("reminders_title") }
                NavigationStack { SyncView() }.tabItem { Text("sync_title") }
            }
            .task { await Reminders.post(core: model.core) }
        case .worker?:
            TabView {
                NavigationStack { RegistrationView() }.tabItem { Text("registration_title") }
                NavigationStack { CatalogueView() }.tabItem { Text("worker_tab") }
                NavigationStack { ApplicationsView() }.tabItem { Text("applications_title") }
                NavigationStack { SyncView() }.tabItem { Text("sync_title") }
            }
        }
    }
}
