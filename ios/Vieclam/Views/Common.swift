// Shared pieces of the views: the high-contrast colours (the same as Android's) and the colour of each of the
// core's tones, label/value rows from the core's `LabeledValue`, and a full-width button at least 48 pt high.
import SwiftUI
import VieclamCore

enum Theme {
    static let primary = Color(red: 0x0B / 255, green: 0x3D / 255, blue: 0x91 / 255)
    static let good = Color(red: 0x0B / 255, green: 0x5D / 255, blue: 0x1E / 255)
    static let warn = Color(red: 0x7A / 255, green: 0x4A / 255, blue: 0x00 / 255)
    static let bad = Color(red: 0x9B / 255, green: 0x11 / 255, blue: 0x11 / 255)
    static let minTarget: CGFloat = 48

    /// The colour of a tone the core gave (`loanStateTone`, `applicationTone`, `placeTone`, `ratingTone`). Which
    /// states are good, worth a look or bad is the core's; a view only picks the colour here. Plain is the app's
    /// blue, so it also reads as a background under white text.
    static func colour(_ tone: Tone) -> Color {
        switch tone {
        case .neutral: return primary
        case .good: return good
        case .caution: return warn
        case .bad: return bad
        }
    }
}

struct LabeledRow: View {
    let label: String
    let value: String
    var body: some View {
        HStack(alignment: .firstTextBaseline) {
            Text(label)
            Spacer()
            Text(value).bold().multilineTextAlignment(.trailing)
        }
        .accessibilityElement(children: .combine)
    }
}

struct FieldsSection: View {
    let fields: [LabeledValue]
    var body: some View {
        Section { ForEach(fields, id: \.label) { LabeledRow(label: $0.label, value: $0.value) } }
    }
}

struct PrimaryButton: View {
    let title: LocalizedStringKey
    var enabled = true
    let action: () -> Void
    var body: some View {
        Button(action: action) { Text(title).font(.headline).frame(maxWidth: .infinity, minHeight: Theme.minTarget) }
            .buttonStyle(.borderedProminent)
            .disabled(!enabled)
    }
}

/// The language the core formats in: English when the device prefers it, Vietnamese otherwise.
let appLanguage: Language = Locale.preferredLanguages.first?.hasPrefix("en") == true ? .en : .vi

/// One sentence for a person: the core's own text for its errors (`errorMessage`), the system's for the rest.
func describe(_ error: Error) -> String {
    if let core = error as? VieclamError { return errorMessage(error: core, language: appLanguage) }
    return error.localizedDescription
}

/// Runs a throwing core call and shows its message (the core's own text) when it fails.
@MainActor
func attempt<T>(_ message: Binding<String?>, _ call: () throws -> T) -> T? {
    do { return try call() } catch { message.wrappedValue = describe(error); return nil }
}
