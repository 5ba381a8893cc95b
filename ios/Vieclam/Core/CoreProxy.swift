// The real core behind `CoreAPI`: the encrypted store opened with the Keychain's key, every call forwarded to the
// generated bindings; only `SyncStatus` is mapped into the views' own `SyncStatusUI`.
import Foundation
import VieclamCore

final class CoreProxy: CoreAPI {
    private let store: VieclamStore
    private let photosDir: URL
    let language: Language

    /// Opens (creating) the store in Application Support with the key from the Keychain.
    init() throws {
        let support = try FileManager.default.url(for: .applicationSupportDirectory, in: .userDomainMask,
                                                  appropriateFor: nil, create: true)
        photosDir = support.appendingPathComponent("photos", isDirectory: true)
        store = try VieclamStore.open(path: support.appendingPathComponent("vieclam.db").path, key: try DatabaseKey.load())
        language = Locale.preferredLanguages.first?.hasPrefix("en") == true ? .en : .vi
    }

    func login(serverUrl: String, username: String, password: String) throws {
        try store.login(serverUrl: serverUrl, username: username, password: password)
    }
    func activate(serverUrl: String, code: String, idNumber: String) throws {
        try store.activate(serverUrl: serverUrl, code: code, idNumber: idNumber)
    }
    func loanList(query: String, on: String) throws -> LoanList {
        try store.loanList(query: query, page: 0, pageSize: 50, on: on, lang: language)
    }
    func loanDetail(loanId: String, on: String, remindWithinDays: UInt32) throws -> LoanDetail {
        try store.loanDetail(loanId: loanId, on: on, remindWithinDays: remindWithinDays, lang: language)
    }
    func sitesNear(lat: Double, lon: Double, on: String) throws -> [SiteRow] {
        try store.sitesNear(lat: lat, lon: lon, limit: 30, assignedOn: on, lang: language)
    }
    func startCheck(siteId: String, fix: LocationFix) throws -> String {
        _ = try store.enrolDevice() // idempotent: the device key is made once
        return try store.startCheck(siteId: siteId, fix: fix, now: isoNow())
    }
    func verdict(siteId: String, fix: LocationFix) throws -> Verdict {
        try store.checkVerdict(siteId: siteId, fix: fix, lang: language)
    }
    func checkDetail(checkId: String) throws -> CheckDetail { try store.checkDetail(checkId: checkId, lang: language) }
    func checklist() -> [Question] { store.checklist(lang: language) }
    func answer(checkId: String, key: String, value: AnswerInput) throws {
        try store.answerCheck(checkId: checkId, key: key, value: value)
    }
    func finish(checkId: String) throws { try store.finishCheck(checkId: checkId, now: isoNow()) }
    func addPhoto(checkId: String, jpeg: Data, fix: LocationFix) throws {
        _ = try store.addPhoto(checkId: checkId, jpeg: jpeg, fix: fix, photosDir: photosDir.path)
    }
    func walk(fixes: [LocationFix]) throws -> WalkedPlot { try walkPlot(fixes: fixes, lang: language) }
    func catalogue(query: String, on: String) throws -> Catalogue {
        try store.catalogue(query: query, on: on, lang: language)
    }
    func formState(form: RegistrationForm, touched: [String], today: String) throws -> FormState {
        try store.registrationFormState(form: form, touched: touched, today: today, lang: language)
    }
    func submit(form: RegistrationForm, today: String) throws {
        _ = try store.submitRegistration(form: form, today: today)
    }
    func syncStatus() throws -> SyncStatusUI {
        let s = try store.syncStatus()
        return SyncStatusUI(
            waiting: s.waiting.map { .init(kind: $0.label, count: $0.value) },
            photosWaiting: s.photosWaitingText,
            rejected: s.rejected.map { .init(title: $0.title, reason: $0.reason) },
            lastSync: s.lastSyncText, progress: nil, progressText: "")
    }
    func sync(progress: @escaping (Double, String) -> Void) async throws {
        try await store.sync(listener: ProgressRelay(progress))
    }
}

/// Hands the core's progress callbacks to a closure (the sync screen or the background task).
final class ProgressRelay: SyncProgressListener {
    private let report: (Double, String) -> Void
    init(_ report: @escaping (Double, String) -> Void) { self.report = report }
    func onProgress(done: UInt64, total: UInt64, text: String) {
        report(total > 0 ? Double(done) / Double(total) : 0, text)
    }
}
