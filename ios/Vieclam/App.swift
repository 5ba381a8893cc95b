// The iOS app: opens the core at launch (CoreProxy over the encrypted store), registers background sync, and
// shows sign-in, then the tabs the core gives the session's role (a device already signed in skips sign-in).
import SwiftUI
import VieclamCore

@MainActor
final class AppModel: ObservableObject {
    let core: CoreAPI
    let location = LocationService()
    /// The tabs the core gives the signed-in role (`sessionTabs`): which, in what order, with their labels. Office
    /// staff are not inspectors: the core gives them sync only, with a note.
    @Published var tabs: SessionTabs?

    init(core: CoreAPI) {
        self.core = core
        tabs = (try? core.session())?.map { sessionTabs(role: $0.role, lang: appLanguage) }
    }

    /// Shows the tabs of `role`, or sign-in when nil.
    func enter(_ role: UserRole?) {
        tabs = role.map { sessionTabs(role: $0, lang: appLanguage) }
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
        if let tabs = model.tabs {
            TabView {
                ForEach(tabs.tabs, id: \.tab) { row in
                    NavigationStack { screen(row.tab, note: row.tab == tabs.home ? tabs.note : nil) }
                        .tabItem { Text(row.label) }
                }
            }
            .task { if tabs.tabs.contains(where: { $0.tab == .reminders }) { await Reminders.post(core: model.core) } }
        } else {
            SignInView { role in
                BackgroundSync.schedule() // cancelled by a sign-out earlier in this run, if any
                model.enter(role)
            }
        }
    }

    /// The screen that draws each of the core's tabs; a note from the core (office staff) heads the home tab.
    @ViewBuilder
    private func screen(_ tab: VieclamCore.Tab, note: String?) -> some View {
        VStack(spacing: 0) {
            if let note { Text(note).padding() }
            switch tab {
            case .plan: PlanView()
            case .sites: SitesView()
            case .loans: LoansView()
            case .reminders: RemindersView()
            case .register: RegistrationView()
            case .catalogue: CatalogueView()
            case .applications: ApplicationsView()
            case .sync: SyncView()
            }
        }
    }
}
