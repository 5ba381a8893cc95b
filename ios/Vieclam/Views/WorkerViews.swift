// The worker's screens: registration validated by the core as they type (errors only on touched fields), the
// programme catalogue searched without diacritics (its "register" opens the form with the programme's wish
// ticked), and applications. The form is drawn as the core describes each field (`FieldState.kind` and
// `options`); every change is the core's (`registrationSetField` for what is typed, lists split by the core;
// `registrationToggle` for taps): no code of a commune or of a wish is typed or written here.
import SwiftUI
import VieclamCore

struct RegistrationView: View {
    @EnvironmentObject var model: AppModel
    /// What the form holds. Only the core changes it (`setField`, `toggle`, `formForProgramme`).
    @State private var form: RegistrationForm
    @State private var touched: Set<String> = []
    @State private var state: FormState?
    @State private var error: String?

    /// A new, empty registration, or `form` (a catalogue programme's, from `formForProgramme`).
    init(form: RegistrationForm? = nil) {
        _form = State(initialValue: form ?? RegistrationForm(
            fullName: "", idNumber: "", birthDate: "", sex: "", phone: "", communeCode: "", address: "",
            countryAbroad: nil, yearsAbroad: nil, occupation: "", skills: [], languages: [], certificates: [],
            wants: [], consent: false))
    }

    var body: some View {
        Form {
            if let state {
                // Each field's rows (a choice of several gives one row per option), then its error, if shown.
                ForEach(state.fields, id: \.field) { field in
                    input(field)
                    if let e = field.error { Text(e).font(.footnote).foregroundColor(Theme.bad) }
                }
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

    /// One field, drawn the way the core says the person gives it.
    @ViewBuilder
    private func input(_ field: FieldState) -> some View {
        switch field.kind {
        case .text, .list:
            // A list is one line with commas: the whole line goes to the core, which splits it.
            TextField(field.label, text: typed(field))
        case .date:
            // Typed as the label shows it (dd/MM/yyyy); the core reads and checks it.
            TextField(field.label, text: typed(field)).keyboardType(.numbersAndPunctuation)
        case .phone:
            TextField(field.label, text: typed(field)).keyboardType(.phonePad).textContentType(.telephoneNumber)
        case .number:
            TextField(field.label, text: typed(field)).keyboardType(.numberPad)
        case .choice where field.options.count > Self.menuLimit:
            // Many options (the 65 communes): a searchable list on its own page.
            NavigationLink {
                ChoiceList(title: field.label, options: field.options) { tap(field.field, $0) }
            } label: {
                LabeledContent(field.label, value: field.options.first { $0.selected }?.label ?? "")
            }
            .frame(minHeight: Theme.minTarget)
        case .choice:
            Picker(field.label, selection: Binding(
                get: { field.options.first { $0.selected }?.code ?? "" },
                set: { code in if !code.isEmpty { tap(field.field, code) } }
            )) {
                if !field.options.contains(where: \.selected) { Text("choose").tag("") }
                ForEach(field.options, id: \.code) { Text($0.label).tag($0.code) }
            }
            .pickerStyle(.menu)
            .frame(minHeight: Theme.minTarget)
        case .multiChoice:
            Text(field.label)
            ForEach(field.options, id: \.code) { option in
                Button { tap(field.field, option.code) } label: {
                    HStack {
                        Text(option.label).foregroundColor(.primary)
                        Spacer()
                        if option.selected { Image(systemName: "checkmark").foregroundColor(Theme.primary) }
                    }
                    .frame(minHeight: Theme.minTarget)
                }
                .accessibilityAddTraits(option.selected ? .isSelected : [])
            }
        case .consent:
            // The core flips the box; the form's flag only says how to draw it.
            Toggle(field.label, isOn: Binding(get: { form.consent }, set: { _ in tap(field.field, "") }))
                .frame(minHeight: Theme.minTarget)
        }
    }

    /// Above this many options a single choice opens a searchable list instead of a menu.
    private static let menuLimit = 8

    /// What the person types into `field`, handed whole to the core (`registrationSetField`).
    private func typed(_ field: FieldState) -> Binding<String> {
        Binding(get: { field.value }, set: { text in
            form = model.core.setField(form: form, field: field.field, value: text)
            touched.insert(field.field)
            refresh()
        })
    }

    /// A tap on option `code` of `field` (or the consent box), handed to the core (`registrationToggle`).
    private func tap(_ field: String, _ code: String) {
        form = model.core.toggle(form: form, field: field, code: code)
        touched.insert(field)
        refresh()
    }

    private func refresh() {
        state = attempt($error) { try model.core.formState(form: form, touched: Array(touched), today: isoToday()) }
    }
}

/// One option to pick out of many (a commune out of 65), searched without diacritics by the core's `foldText`.
private struct ChoiceList: View {
    let title: String
    let options: [FieldOption]
    let pick: (String) -> Void
    @Environment(\.dismiss) private var dismiss
    @State private var query = ""

    var body: some View {
        let folded = foldText(text: query)
        List(options.filter { folded.isEmpty || foldText(text: $0.label).contains(folded) }, id: \.code) { option in
            Button {
                pick(option.code)
                dismiss()
            } label: {
                HStack {
                    Text(option.label).foregroundColor(.primary)
                    Spacer()
                    if option.selected { Image(systemName: "checkmark").foregroundColor(Theme.primary) }
                }
                .frame(minHeight: Theme.minTarget)
            }
            .accessibilityAddTraits(option.selected ? .isSelected : [])
        }
        .searchable(text: $query, prompt: Text("search"))
        .navigationTitle(title)
    }
}

struct CatalogueView: View {
    @EnvironmentObject var model: AppModel
    @State private var query = ""
    @State private var catalogue: Catalogue?
    @State private var error: String?

    var body: some View {
        List {
            if let error { Text(error).foregroundColor(Theme.bad) }
            ForEach(catalogue?.programmes ?? [], id: \.id) { p in
                // "Register": the form with what this kind of programme offers already ticked, by the core.
                NavigationLink {
                    RegistrationView(form: model.core.formForProgramme(kind: p.kind))
                } label: {
                    VStack(alignment: .leading, spacing: 4) {
                        Text(p.kindText).font(.caption).foregroundColor(Theme.primary)
                        Text(p.title).font(.headline)
                        if let e = p.enterpriseText { Text(e) }
                        Text([p.place, p.seatsText, p.closesText].compactMap { $0 }.joined(separator: " · ")).font(.footnote)
                        Text("programme_register").bold().foregroundColor(Theme.primary)
                    }
                    .frame(minHeight: Theme.minTarget)
                    .accessibilityElement(children: .combine)
                }
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
                        // Colour repeats what the text says, for bright sun; the core says how the state reads.
                        Text(a.statusText).bold().foregroundColor(Theme.colour(applicationTone(state: a.state)))
                        if let reason = a.reason { Text(reason).foregroundColor(Theme.bad) }
                    }
                    .accessibilityElement(children: .combine)
                }
            }
        }
        .navigationTitle(list?.title ?? "")
        .task { list = attempt($error) { try model.core.applications() } }
    }
}

#Preview { NavigationStack { RegistrationView() }.environmentObject(AppModel(core: CoreMock())) }
#Preview { NavigationStack { CatalogueView() }.environmentObject(AppModel(core: CoreMock())) }
#Preview { NavigationStack { ApplicationsView() }.environmentObject(AppModel(core: CoreMock())) }
