// The worker's screens: registration validated by the core as they type (errors only on touched fields), the
// programme catalogue searched without diacritics, and applications.
import SwiftUI
import VieclamCore

struct RegistrationView: View {
    @EnvironmentObject var model: AppModel
    @State private var form = RegistrationForm(fullName: "", idNumber: "", birthDate: "", sex: "", phone: "",
                                               communeCode: "", address: "", countryAbroad: nil, yearsAbroad: nil,
                                               occupation: "", skills: [], languages: [], certificates: [], wants: [],
                                               consent: false)
    @State private var touched: Set<String> = []
    @State private var state: FormState?
    @State private var error: String?

    var body: some View {
        Form {
            if let state {
                ForEach(state.fields.filter { $0.field != "consent" }, id: \.field) { field in
                    VStack(alignment: .leading) {
                        TextField(field.label, text: binding(field.field, field.value))
                        if let e = field.error { Text(e).font(.footnote).foregroundColor(Theme.bad) }
                    }
                    .accessibilityElement(children: .combine)
                }
                Toggle("consent", isOn: Binding(get: { form.consent }, set: { form.consent = $0; touched.insert("consent"); refresh() }))
                if let error { Text(error).foregroundColor(Theme.bad) }
                Button(state.submitLabel) {
                    if attempt($error, { try model.core.submit(form: form, today: isoToday()) }) != nil { touched = [] }
                }
                .disabled(!state.canSubmit).frame(minHeight: Theme.minTarget)
            }
        }
        .navigationTitle(state?.title ?? "")
        .onAppear(perform: refresh)
    }

    private func binding(_ name: String, _ value: String) -> Binding<String> {
        Binding(get: { value }, set: { text in
            let list = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            switch name {
            case "full_name": form.fullName = text
            case "id_number": form.idNumber = text
            case "birth_date": form.birthDate = text
            case "sex": form.sex = text
            case "phone": form.phone = text
            case "commune_code": form.communeCode = text
            case "address": form.address = text
            case "country_abroad": form.countryAbroad = text.isEmpty ? nil : text
            case "years_abroad": form.yearsAbroad = text.isEmpty ? nil : text
            case "occupation": form.occupation = text
            case "skills": form.skills = list
            case "languages": form.languages = list
            case "certificates": form.certificates = list
            case "wants": form.wants = list
            default: break
            }
            touched.insert(name)
            refresh()
        })
    }

    private func refresh() {
        state = attempt($error) { try model.core.formState(form: form, touched: Array(touched), today: isoToday()) }
    }
}

struct CatalogueView: View {
    @EnvironmentObject var model: AppModel
    @State private var query = ""
    @State private var catalogue: Catalogue?
    @State private var error: String?

    var body: some View {
        List {
            ForEach(catalogue?.programmes ?? [], id: \.id) { p in
                VStack(alignment: .leading, spacing: 4) {
                    Text(p.kindText).font(.caption).foregroundColor(Theme.primary)
                    Text(p.title).font(.headline)
                    if let e = p.enterpriseText { Text(e) }
                    Text([p.place, p.seatsText, p.closesText].compactMap { $0 }.joined(separator: " · ")).font(.footnote)
                }
                .accessibilityElement(children: .combine)
            }
        }
        .searchable(text: $query, prompt: Text("search"))
        .navigationTitle(catalogue?.title ?? "")
        .task(id: query) { catalogue = attempt($error) { try model.core.catalogue(query: query, on: isoToday()) } }
    }
}

/// The worker's applications with where each stands, as the core returns them.
struct ApplicationsView: View {
    @EnvironmentObject var model: AppModel
    @State private var list: ApplicationList?
    @State private var error: String?

    var body: some View {
        List {
            if let error { Text(error).foregroundColor(Theme.bad) }
            if let list {
                if list.rows.isEmpty { Text(list.emptyText) }
                ForEach(list.rows, id: \.registrationId) { a in
                    VStack(alignment: .leading, spacing: 4) {
                        Text(a.title).font(.headline)
                        Text(a.fullName)
                        Text(a.sentText)
                        Text(a.statusText).bold().foregroundColor(colour(a.state))
                        if let reason = a.reason { Text(reason).foregroundColor(Theme.bad) }
                    }
                    .accessibilityElement(children: .combine)
                }
            }
        }
        .navigationTitle(list?.title ?? "")
        .task { list = attempt($error) { try model.core.applications() } }
    }

    /// Colour repeats what the text says, for bright sun; it never carries the state alone.
    private func colour(_ state: ApplicationState) -> Color {
        switch state {
        case .verified: return Theme.good
        case .refused, .rejected: return Theme.bad
        case .waiting, .sent: return Theme.primary
        }
    }
}

#Preview { NavigationStack { RegistrationView() }.environmentObject(AppModel(core: CoreMock())) }
#Preview { NavigationStack { CatalogueView() }.environmentObject(AppModel(core: CoreMock())) }
#Preview { NavigationStack { ApplicationsView() }.environmentObject(AppModel(core: CoreMock())) }
