// What the views need from the core, as a protocol: `CoreProxy` forwards to the real core (the generated
// VieclamCore bindings), `CoreMock` returns fixed records so SwiftUI previews run without a store. The core's pure
// rules that need no store are called from VieclamCore directly wherever they are needed: `todayInProvince`,
// `parseNumber`, `foldText`, `bestFix`, and the tones a view colours (`loanStateTone`, `applicationTone`,
// `placeTone`, `ratingTone`, mapped by `Theme.colour`).
import Foundation
import VieclamCore

/// Every call a screen makes. Dates are ISO `yyyy-MM-dd`, instants RFC 3339, as the bindings take them. The
/// screens draw the core's records as they come (`SyncStatus`, `PlanList`, `CommuneMinutes`, …).
protocol CoreAPI: AnyObject {
    var language: Language { get }
    /// The session kept in the store, or nil when signed out: its `role` chooses the tabs.
    func session() throws -> SessionInfo?
    func login(serverUrl: String, username: String, password: String) async throws -> SessionInfo
    func activate(serverUrl: String, code: String, idNumber: String) async throws -> SessionInfo
    /// A returning worker creates an account; the phone, normalised, is the user name next time.
    func enrol(serverUrl: String, fullName: String, phone: String, password: String) async throws -> SessionInfo
    /// Revokes the token when the server answers and forgets the session either way; unsent data stays.
    func logout() async throws
    func loanList(query: String, on: String) throws -> LoanList
    func loanDetail(loanId: String, on: String, remindWithinDays: UInt32) throws -> LoanDetail
    /// Every loan with an instalment due within the core's one reminder window, with no page limit.
    func reminders(on: String) throws -> [LoanReminders]
    func sitesNear(lat: Double, lon: Double, on: String) throws -> [SiteRow]
    func startCheck(siteId: String, fix: LocationFix) throws -> String
    /// The checks this device left open (to reopen after the app was closed mid-check).
    func openChecks() throws -> [OpenCheckRow]
    func verdict(siteId: String, fix: LocationFix) throws -> VerdictView
    func checkDetail(checkId: String) throws -> CheckDetail
    func checklist() -> [Question]
    func answer(checkId: String, key: String, value: AnswerInput) throws
    /// What is being typed, kept unsigned; signed once by `leaveQuestion` or `finish`.
    func draftAnswer(checkId: String, key: String, value: AnswerInput) throws
    /// The inspector left question `key`: its draft becomes one signed answer.
    func leaveQuestion(checkId: String, key: String) throws
    func finish(checkId: String) throws
    func addPhoto(checkId: String, jpeg: Data, fix: LocationFix) throws
    func walk(fixes: [LocationFix]) throws -> WalkedPlot
    func currentPlans(on: String) throws -> PlanList
    func minutes(communeCode: String, planId: String, on: String) throws -> CommuneMinutes
    /// The commune review's headings and ratings in the app's language, to build the form.
    func reviewHeadings() -> [ReviewHeading]
    func reviewRatings() -> [ReviewRatingOption]
    /// The signed-in inspector's own review of a plan's commune, or nil before they write one.
    func myReview(planId: String, communeCode: String) throws -> MyReview?
    /// Saves it whole: validated, signed, sent at the next sync; `VieclamError.Invalid` lists every problem.
    func saveReview(planId: String, communeCode: String, review: MyReview) throws
    /// The team's reviews of the commune, merged by the core: every contributor's words side by side.
    func mergedReview(planId: String, communeCode: String) throws -> MergedReviewView
    func catalogue(query: String, on: String) throws -> Catalogue
    func formState(form: RegistrationForm, touched: [String], today: String) throws -> FormState
    /// `form` with `field` set to what was typed, as typed; the core splits a comma list (`registrationSetField`).
    func setField(form: RegistrationForm, field: String, value: String) -> RegistrationForm
    /// `form` after option `code` of `field` was tapped: one choice taken, several toggled, the consent box flipped
    /// (`registrationToggle`).
    func toggle(form: RegistrationForm, field: String, code: String) -> RegistrationForm
    /// A new registration for a catalogue programme of `kind` (a `ProgrammeRow`'s), what it offers already ticked
    /// (`registrationForProgramme`).
    func formForProgramme(kind: String) -> RegistrationForm
    func submit(form: RegistrationForm, today: String) throws
    func applications() throws -> ApplicationList
    func syncStatus() throws -> VieclamCore.SyncStatus
    /// One sync; `progress` gets the core's stage, items done and their total (0: unknown), on a background thread.
    func sync(cancel: SyncCancel, progress: @escaping (SyncStage, UInt64, UInt64) -> Void) async throws -> SyncSummary
}

/// Today in the province (Asia/Ho_Chi_Minh), as the core decides it (`todayInProvince`), whatever the device's zone.
/// Every screen's "today" is this one.
func isoToday() -> String { todayInProvince() }

/// Now as RFC 3339.
func isoNow() -> String { ISO8601DateFormatter().string(from: Date()) }
