// What the views need from the core, as a protocol: `CoreProxy` forwards to the real core (the generated
// VieclamCore bindings), `CoreMock` returns fixed records so SwiftUI previews run without the native library.
import Foundation
import VieclamCore

/// The sync screen's own state, mapped from the core's `SyncStatus` (the same shape as the Android `ui` module's).
struct SyncStatusUI {
    struct Waiting: Hashable { let kind: String; let count: String }
    struct Rejected: Hashable { let title: String; let reason: String }
    var waiting: [Waiting]
    var photosWaiting: String
    var rejected: [Rejected]
    var lastSync: String
    /// 0...1 while a sync runs, nil otherwise.
    var progress: Double?
    var progressText: String
}

/// Every call a screen makes. Dates are ISO `yyyy-MM-dd`, instants RFC 3339, as the bindings take them.
protocol CoreAPI: AnyObject {
    var language: Language { get }
    func login(serverUrl: String, username: String, password: String) throws
    func activate(serverUrl: String, code: String, idNumber: String) throws
    func loanList(query: String, on: String) throws -> LoanList
    func loanDetail(loanId: String, on: String, remindWithinDays: UInt32) throws -> LoanDetail
    func sitesNear(lat: Double, lon: Double, on: String) throws -> [SiteRow]
    func startCheck(siteId: String, fix: LocationFix) throws -> String
    func verdict(siteId: String, fix: LocationFix) throws -> Verdict
    func checkDetail(checkId: String) throws -> CheckDetail
    func checklist() -> [Question]
    func answer(checkId: String, key: String, value: AnswerInput) throws
    func finish(checkId: String) throws
    func addPhoto(checkId: String, jpeg: Data, fix: LocationFix) throws
    func walk(fixes: [LocationFix]) throws -> WalkedPlot
    func catalogue(query: String, on: String) throws -> Catalogue
    func formState(form: RegistrationForm, touched: [String], today: String) throws -> FormState
    func submit(form: RegistrationForm, today: String) throws
    func syncStatus() throws -> SyncStatusUI
    func sync(progress: @escaping (Double, String) -> Void) async throws
}

/// Today as the bindings take it, in Vietnam's time zone (where every due date is).
func isoToday() -> String {
    let f = DateFormatter()
    f.calendar = Calendar(identifier: .iso8601)
    f.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
    f.dateFormat = "yyyy-MM-dd"
    return f.string(from: Date())
}

/// Now as RFC 3339.
func isoNow() -> String { ISO8601DateFormatter().string(from: Date()) }
