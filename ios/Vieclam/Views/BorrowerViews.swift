// The borrower's screens: loans, one loan's detail (figures, what is due, schedule, payments) and reminders;
// every text is the core's.
import SwiftUI
import VieclamCore

struct LoansView: View {
    @EnvironmentObject var model: AppModel
    @State private var list: LoanList?
    @State private var error: String?

    var body: some View {
        List {
            if let error { Text(error).foregroundColor(Theme.bad) }
            if let list {
                if list.rows.isEmpty { Text(list.emptyText) }
                ForEach(list.rows, id: \.loanId) { row in
                    NavigationLink(value: row.loanId) {
                        VStack(alignment: .leading, spacing: 4) {
                            Text(row.borrowerName).font(.headline)
                            Text("\(row.agreementNo) · \(row.communeName)")
                            LabeledRow(label: row.stateText, value: row.outstandingText)
                                .foregroundColor(Theme.colour(loanStateTone(state: row.state)))
                        }
                        .frame(minHeight: Theme.minTarget)
                    }
                }
            }
        }
        .navigationTitle(list?.title ?? "")
        .navigationDestination(for: String.self) { LoanDetailView(loanId: $0) }
        .task { list = attempt($error) { try model.core.loanList(query: "", on: isoToday()) } }
    }
}

struct LoanDetailView: View {
    @EnvironmentObject var model: AppModel
    let loanId: String
    @State private var loan: LoanDetail?
    @State private var error: String?

    var body: some View {
        List {
            if let error { Text(error).foregroundColor(Theme.bad) }
            if let loan {
                if !loan.reminders.isEmpty {
                    Section("due_next") { ForEach(loan.reminders, id: \.self) { Text($0).foregroundColor(Theme.warn) } }
                }
                FieldsSection(fields: loan.fields)
                Section(loan.scheduleTitle) {
                    ForEach(loan.schedule, id: \.seq) { row in
                        HStack {
                            Text("\(row.seq). \(row.dueText)")
                            Spacer()
                            VStack(alignment: .trailing) { Text(row.amountText).bold(); Text(row.statusText).font(.footnote) }
                        }
                        .accessibilityElement(children: .combine)
                    }
                }
                if !loan.payments.isEmpty {
                    Section(loan.paymentsTitle) {
                        ForEach(loan.payments, id: \.dateText) { LabeledRow(label: $0.dateText, value: "\($0.principalText) + \($0.interestText)") }
                    }
                }
            }
        }
        .navigationTitle(loan?.title ?? "")
        .task { loan = attempt($error) { try model.core.loanDetail(loanId: loanId, on: isoToday(), remindWithinDays: reminderWindowDays()) } }
    }
}

struct RemindersView: View {
    @EnvironmentObject var model: AppModel
    @State private var lines: [(String, [String])] = []
    @State private var error: String?

    var body: some View {
        List {
            if lines.isEmpty { Text("no_reminders") }
            ForEach(lines, id: \.0) { title, reminders in
                Section(title) { ForEach(reminders, id: \.self) { Text($0) } }
            }
        }
        .navigationTitle("reminders_title")
        .task {
            let due = attempt($error) { try model.core.reminders(on: isoToday()) } ?? []
            lines = due.map { ($0.title, $0.lines) }
        }
    }
}

#Preview { NavigationStack { LoansView() }.environmentObject(AppModel(core: CoreMock())) }
#Preview { NavigationStack { LoanDetailView(loanId: "l1") }.environmentObject(AppModel(core: CoreMock())) }
