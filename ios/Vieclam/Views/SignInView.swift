// Sign-in, activation and enrolment, one screen with a segmented choice: staff and returning workers sign in with
// a user name and password, borrowers activate with the office's one-time code and their CCCD, and a worker back
// from abroad creates an account (name, phone, password; the phone is the user name next time). The core and the
// server check everything; their sentence is shown as it comes. The tabs follow the role the server gave.
import SwiftUI
import VieclamCore

/// Which way in the person chose.
enum SignInMode: Hashable { case signIn, activate, enrol }

struct SignInView: View {
    @EnvironmentObject var model: AppModel
    let onSignedIn: (UserRole) -> Void
    @State private var mode = SignInMode.signIn
    @State private var server = ""
    @State private var username = ""
    @State private var password = ""
    @State private var code = ""
    @State private var idNumber = ""
    @State private var fullName = ""
    @State private var phone = ""
    @State private var error: String?
    @State private var busy = false

    var body: some View {
        NavigationStack {
            Form {
                TextField("server_url", text: $server).keyboardType(.URL).textInputAutocapitalization(.never)
                Picker("sign_in_mode", selection: $mode) {
                    Text("sign_in").tag(SignInMode.signIn)
                    Text("activate").tag(SignInMode.activate)
                    Text("enrol").tag(SignInMode.enrol)
                }
                .pickerStyle(.segmented)
                .onChange(of: mode) { _ in error = nil }
                if let error { Text(error).foregroundColor(Theme.bad) }
                switch mode {
                case .signIn:
                    Section("sign_in_title") {
                        TextField("username", text: $username).textInputAutocapitalization(.never)
                        SecureField("password", text: $password)
                        PrimaryButton(title: "sign_in", enabled: !busy) {
                            run { try await model.core.login(serverUrl: server, username: username, password: password) }
                        }
                    }
                case .activate:
                    Section("activate_title") {
                        TextField("activation_code", text: $code)
                        TextField("id_number", text: $idNumber).keyboardType(.numberPad)
                        PrimaryButton(title: "activate", enabled: !busy) {
                            run { try await model.core.activate(serverUrl: server, code: code, idNumber: idNumber) }
                        }
                    }
                case .enrol:
                    Section {
                        TextField("full_name", text: $fullName).textContentType(.name)
                        TextField("phone", text: $phone).keyboardType(.phonePad).textContentType(.telephoneNumber)
                        SecureField("new_password", text: $password).textContentType(.newPassword)
                        PrimaryButton(title: "enrol", enabled: !busy) {
                            run {
                                try await model.core.enrol(serverUrl: server, fullName: fullName, phone: phone, password: password)
                            }
                        }
                    } header: {
                        Text("enrol_title")
                    } footer: {
                        Text("enrol_hint")
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
                let role = try await call().role
                password = ""
                onSignedIn(role)
            } catch { self.error = describe(error) }
        }
    }
}

#Preview { SignInView { _ in }.environmentObject(AppModel(core: CoreMock())) }
