// Sign-in for staff (user name, password) and activation for borrowers and workers (code, CCCD); the core
// checks everything and its error is shown as it comes.
import SwiftUI

struct SignInView: View {
    @EnvironmentObject var model: AppModel
    let onSignedIn: (Role) -> Void
    @State private var server = ""
    @State private var username = ""
    @State private var password = ""
    @State private var code = ""
    @State private var idNumber = ""
    @State private var error: String?

    var body: some View {
        NavigationStack {
            Form {
                TextField("server_url", text: $server).keyboardType(.URL).textInputAutocapitalization(.never)
                if let error { Text(error).foregroundColor(Theme.bad) }
                Section("sign_in_title") {
                    TextField("username", text: $username).textInputAutocapitalization(.never)
                    SecureField("password", text: $password)
                    PrimaryButton(title: "sign_in") {
                        if attempt($error, { try model.core.login(serverUrl: server, username: username, password: password) }) != nil {
                            onSignedIn(.inspector)
                        }
                    }
                }
                Section("activate_title") {
                    TextField("activation_code", text: $code)
                    TextField("id_number", text: $idNumber).keyboardType(.numberPad)
                    PrimaryButton(title: "activate") {
                        if attempt($error, { try model.core.activate(serverUrl: server, code: code, idNumber: idNumber) }) != nil {
                            onSignedIn(.citizen)
                        }
                    }
                }
            }
            .navigationTitle("app_name")
        }
    }
}

#Preview { SignInView { _ in }.environmentObject(AppModel(core: CoreMock())) }
