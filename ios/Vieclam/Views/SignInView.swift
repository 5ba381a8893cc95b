// Sign-in for staff (user name, password) and activation for borrowers and workers (code, CCCD); the core
// checks everything and its error is shown as it comes. The tabs follow the role the server gave the session.
import SwiftUI
import VieclamCore

struct SignInView: View {
    @EnvironmentObject var model: AppModel
    let onSignedIn: (Role) -> Void
    @State private var server = ""
    @State private var username = ""
    @State private var password = ""
    @State private var code = ""
    @State private var idNumber = ""
    @State private var error: String?
    @State private var busy = false

    var body: some View {
        NavigationStack {
            Form {
                TextField("server_url", text: $server).keyboardType(.URL).textInputAutocapitalization(.never)
                if let error { Text(error).foregroundColor(Theme.bad) }
                Section("sign_in_title") {
                    TextField("username", text: $username).textInputAutocapitalization(.never)
                    SecureField("password", text: $password)
                    PrimaryButton(title: "sign_in", enabled: !busy) {
                        run { try await model.core.login(serverUrl: server, username: username, password: password) }
                    }
                }
                Section("activate_title") {
                    TextField("activation_code", text: $code)
                    TextField("id_number", text: $idNumber).keyboardType(.numberPad)
                    PrimaryButton(title: "activate", enabled: !busy) {
                        run { try await model.core.activate(serverUrl: server, code: code, idNumber: idNumber) }
                    }
                }
            }
            .navigationTitle("app_name")
        }
    }

    private func run(_ call: @escaping () async throws -> SessionInfo) {
        busy = true
        error = nil
        Task { @MainActor in
            defer { busy = false }
            do {
                if let role = Role(session: try await call()) { password = ""; onSignedIn(role) }
            } catch { self.error = String(describing: error) }
        }
    }
}

#Preview { SignInView { _ in }.environmentObject(AppModel(core: CoreMock())) }
