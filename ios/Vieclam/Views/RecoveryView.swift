// The screen shown instead of the app when the encrypted store will not open: what happened (a wrong key after a
// restore, a damaged file, a newer app's file), what is kept (everything the server already has) and what may be
// lost (changes on this phone not yet sent), and one way forward: sign in again, which sets the unreadable file
// aside, opens a fresh store and downloads the data again. The same words as Android's RecoveryScreen.
import SwiftUI

struct RecoveryView: View {
    let problem: StoreProblem
    let busy: Bool
    let onSignInAgain: () -> Void

    private var cause: LocalizedStringKey {
        switch problem {
        case .wrongKey: return "recovery_wrong_key"
        case .damaged: return "recovery_damaged"
        case .tooNew: return "recovery_too_new"
        }
    }

    var body: some View {
        NavigationStack {
            List {
                Section { Text(cause).font(.body) }
                Section {
                    // Colour only repeats what the words say; each line reads on its own for VoiceOver.
                    Label { Text("recovery_safe") } icon: { Image(systemName: "checkmark.circle") }
                        .foregroundColor(Theme.good)
                    Label { Text("recovery_may_lose") } icon: { Image(systemName: "exclamationmark.triangle") }
                        .foregroundColor(Theme.warn)
                } header: { Text("recovery_kept_title") }
                Section {
                    PrimaryButton(title: LocalizedStringKey(busy ? "working" : "recovery_action"), enabled: !busy, action: onSignInAgain)
                    Text("recovery_action_hint").font(.callout)
                }
            }
            .navigationTitle("recovery_title")
        }
    }
}

#Preview { RecoveryView(problem: .wrongKey, busy: false) {} }
