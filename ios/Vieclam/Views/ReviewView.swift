// The commune review (đánh giá tại xã) of one plan's commune: the inspector's own review to edit (the meeting day,
// a rating and text under each heading of the report, attendees, opinions and recommendations), saved whole through
// the core (validated, signed, sent at the next sync; the core's problems shown where the core's
// `reviewFormProblems` places them), and what the whole team has written, merged by the core, every contributor's
// words side by side. A rating or text typed goes through `reviewWithRating` / `reviewWithText`: the core decides what
// an unrated heading is and keeps the report's order.
import SwiftUI
import VieclamCore

struct ReviewView: View {
    @EnvironmentObject var model: AppModel
    let planId: String
    let communeCode: String
    @State private var mine = MyReview(heldOn: isoToday(), notes: [], attendees: [], opinions: [], recommendations: [])
    @State private var team: MergedReviewView?
    /// The last save's problems, placed by the core under the parts of the review that was saved.
    @State private var problems: ReviewFormProblems?
    @State private var saved = false
    @State private var error: String?

    var body: some View {
        let headings = model.core.reviewHeadings()
        let ratings = model.core.reviewRatings()
        List {
            if let error { Text(error).foregroundColor(Theme.bad) }
            Section("review_mine") {
                ForEach(problems?.other ?? [], id: \.self) { problem($0) }
                TextField("review_held_on", text: $mine.heldOn)
                problem(problems?.heldOn)
            }
            ForEach(headings, id: \.key) { h in
                Section {
                    Picker(h.label, selection: rating(h.key)) {
                        ForEach(ratings, id: \.rating) { Text($0.label).tag(Optional($0.rating)) }
                    }
                    .pickerStyle(.segmented)
                    TextField(h.hint, text: text(h.key), axis: .vertical).lineLimit(3...8)
                    problem(problems?.headings.first { $0.key == h.key }?.message)
                } header: { Text(h.label) }
            }
            pairs("review_attendees", "review_name", "review_role", problems: problems?.attendees,
                  items: mine.attendees.map { ($0.name, $0.role) }) { mine.attendees = $0.map { ReviewAttendee(name: $0.0, role: $0.1) } }
            pairs("review_opinions", "review_who", "review_what", problems: problems?.opinions,
                  items: mine.opinions.map { ($0.who, $0.what) }) { mine.opinions = $0.map { ReviewOpinion(who: $0.0, what: $0.1) } }
            pairs("review_recommendations", "review_to", "review_what", problems: problems?.recommendations,
                  items: mine.recommendations.map { ($0.to, $0.what) }) {
                mine.recommendations = $0.map { ReviewRecommendation(to: $0.0, what: $0.1) }
            }
            PrimaryButton(title: "review_save") { save() }
            if saved { Text("review_saved").foregroundColor(Theme.good) }
            if let team {
                Section("review_team") {
                    if team.contributors == 0 { Text(team.emptyText) }
                    ForEach(team.headings.filter { !$0.contributions.isEmpty }, id: \.key) { h in
                        VStack(alignment: .leading, spacing: 4) {
                            Text(h.label).bold()
                            ForEach(Array(h.contributions.enumerated()), id: \.offset) { _, c in
                                Text("\(c.author) · \(c.ratingLabel)").foregroundColor(Theme.colour(ratingTone(rating: c.rating)))
                                if !c.text.isEmpty { Text(c.text) }
                            }
                        }
                    }
                    ForEach(Array(team.attendees.enumerated()), id: \.offset) { _, a in Text("• \(a.name) — \(a.role)") }
                    ForEach(Array(team.opinions.enumerated()), id: \.offset) { _, o in Text("• \(o.who): \(o.what)") }
                    ForEach(Array(team.recommendations.enumerated()), id: \.offset) { _, r in Text("• \(r.to): \(r.what)") }
                }
            }
        }
        .navigationTitle(team.map { "\($0.title) — \($0.communeName)" } ?? "")
        .task {
            // A first review starts empty on today's date (in the province); an earlier one is edited as saved.
            if let found = attempt($error, { try model.core.myReview(planId: planId, communeCode: communeCode) }),
               let stored = found {
                mine = stored
            }
            team = attempt($error) { try model.core.mergedReview(planId: planId, communeCode: communeCode) }
        }
    }

    private func save() {
        do {
            try model.core.saveReview(planId: planId, communeCode: communeCode, review: mine)
            problems = nil
            saved = true
            error = nil
            BackgroundSync.schedule() // the review goes up with the next background sync
            team = attempt($error) { try model.core.mergedReview(planId: planId, communeCode: communeCode) }
        } catch VieclamError.Invalid(let fields) {
            problems = reviewFormProblems(review: mine, problems: fields, lang: appLanguage)
            saved = false
        } catch {
            self.error = describe(error)
        }
    }

    /// The core's sentence for a problem found here (already in the app's language), if any.
    @ViewBuilder private func problem(_ message: String?) -> some View {
        if let message {
            Text(message).foregroundColor(Theme.bad).font(.footnote)
        }
    }

    private func rating(_ key: String) -> Binding<ReviewRating?> {
        Binding(
            get: { mine.notes.first { $0.key == key }?.rating },
            set: { new in if let new { mine = reviewWithRating(review: mine, key: key, rating: new) } }
        )
    }

    private func text(_ key: String) -> Binding<String> {
        Binding(
            get: { mine.notes.first { $0.key == key }?.text ?? "" },
            set: { new in mine = reviewWithText(review: mine, key: key, text: new) }
        )
    }

    /// A list of two-part items edited in place, with add and remove.
    @ViewBuilder private func pairs(
        _ title: LocalizedStringKey, _ first: LocalizedStringKey, _ second: LocalizedStringKey,
        problems: ReviewListProblems?, items: [(String, String)], set: @escaping ([(String, String)]) -> Void
    ) -> some View {
        Section(title) {
            problem(problems?.whole)
            ForEach(Array(items.enumerated()), id: \.offset) { i, item in
                VStack(alignment: .leading) {
                    let placed = problems.flatMap { i < $0.items.count ? $0.items[i] : nil }
                    TextField(first, text: Binding(get: { item.0 }, set: { v in var all = items; all[i].0 = v; set(all) }))
                    problem(placed?.first)
                    TextField(second, text: Binding(get: { item.1 }, set: { v in var all = items; all[i].1 = v; set(all) }), axis: .vertical)
                    problem(placed?.second)
                    Button("review_remove", role: .destructive) { var all = items; all.remove(at: i); set(all) }
                        .frame(minHeight: Theme.minTarget)
                }
            }
            Button("review_add") { set(items + [("", "")]) }.frame(minHeight: Theme.minTarget)
        }
    }
}

#Preview { NavigationStack { ReviewView(planId: "p1", communeCode: "06613") }.environmentObject(AppModel(core: CoreMock())) }
