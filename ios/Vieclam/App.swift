// The iOS app: opens the core off the main thread at launch (CoreSlot: CoreProxy over the encrypted store),
// registers background sync, and shows sign-in, then the tabs the core gives the session's role (a device
// already signed in skips sign-in). A store that will not open shows the recovery screen: there is no stand-in
// core with made-up data (CoreMock is for SwiftUI previews only).
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
    @StateObject private var launcher: Launcher

    init() {
        let slot = CoreSlot()
        _launcher = StateObject(wrappedValue: Launcher(slot: slot))
        // Registered before launch finishes, as BGTaskScheduler requires; the tasks wait for the same opening.
        BackgroundSync.register { await slot.core() }
        BackgroundSync.schedule()
    }

    var body: some Scene {
        WindowGroup {
            LaunchView().environmentObject(launcher).tint(Theme.primary)
        }
    }
}

/// The store opening, then the app, or the recovery screen when the store will not open.
struct LaunchView: View {
    @EnvironmentObject var launcher: Launcher

    var body: some View {
        switch launcher.phase {
        case .opening:
            ProgressView("working").task { await launcher.start() }
        case let .failed(problem):
            RecoveryView(problem: problem, busy: launcher.busy) { Task { await launcher.startAfresh() } }
        case let .ready(model):
            RootView().environmentObject(model)
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
