// The iOS app: opens the core at launch (CoreProxy over the encrypted store), registers background sync, and
// shows sign-in, then the tabs of the signed-in role.
import SwiftUI

/// Who signed in: decides the tabs.
enum Role { case inspector, citizen }

@MainActor
final class AppModel: ObservableObject {
    let core: CoreAPI
    let location = LocationService()
    @Published var role: Role?

    init(core: CoreAPI) { self.core = core }
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
            SignInView { model.role = $0 }
        case .inspector?:
            TabView {
                NavigationStack { PlanView() }.tabItem { Text("plan_title") }
                NavigationStack { SitesView() }.tabItem { Text("sites_title") }
                NavigationStack { SyncStatusView() }.tabItem { Text("sync_title") }
            }
        case .citizen?:
            TabView {
                NavigationStack { LoansView() }.tabItem { Text("borrower_tab") }
                NavigationStack { RemindersView() }.tabItem { Text("reminders_title") }
                NavigationStack { RegistrationView() }.tabItem { Text("registration_title") }
                NavigationStack { CatalogueView() }.tabItem { Text("worker_tab") }
                NavigationStack { ApplicationsView() }.tabItem { Text("applications_title") }
            }
            .task { await Reminders.post(core: model.core) }
        }
    }
}
