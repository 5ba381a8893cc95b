// The real core behind `CoreAPI`: the encrypted store opened with the Keychain's key, every call forwarded to the
// generated bindings, records returned as they come. The store file and the evidence photos are excluded from
// iCloud/iTunes backup: the key never leaves this device (ThisDeviceOnly), so a restored copy could not be opened
// anyway, and the server holds everything that was sent. A store that will not open is `StoreProblem`, for the
// recovery screen, which can set the file aside (`setAside`) and start afresh.
import Foundation
import UIKit
import VieclamCore

/// How this device names itself to the server when it signs in.
private let platform = "ios"

final class CoreProxy: CoreAPI {
    private let store: VieclamStore
    private let photosDir: URL
    let language: Language

    /// Opens (creating) the store in Application Support with the key from the Keychain. Slow (the key
    /// derivation, a migration): call it off the main thread, as `CoreSlot` does.
    init() throws {
        let support = try Self.supportDirectory()
        photosDir = support.appendingPathComponent("photos", isDirectory: true)
        try FileManager.default.createDirectory(at: photosDir, withIntermediateDirectories: true)
        let file = support.appendingPathComponent(Self.storeName)
        store = try VieclamStore.open(path: file.path, key: try DatabaseKey.load())
        language = appLanguage
        // Excluding a directory excludes what is put in it later; the store's files are marked one by one (SQLite
        // makes its -wal and -shm files while open, so this runs after opening).
        Self.excludeFromBackup(photosDir)
        for suffix in Self.storeSuffixes { Self.excludeFromBackup(URL(fileURLWithPath: file.path + suffix)) }
    }

    private static let storeName = "vieclam.db"
    /// The store and the files SQLite keeps beside it.
    private static let storeSuffixes = ["", "-wal", "-shm", "-journal"]

    private static func supportDirectory() throws -> URL {
        try FileManager.default.url(for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true)
    }

    /// Marks `url` as not to be backed up, when it exists (a failure only means it is backed up, so it is ignored).
    private static func excludeFromBackup(_ url: URL) {
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        var marked = url
        try? marked.setResourceValues(values)
    }

    /// The recovery screen's "sign in again": renames the unreadable store (with its SQLite side files) to
    /// `vieclam.db.unreadable`, replacing an older one, so the next `CoreProxy()` creates a fresh, signed-out store.
    /// For a wrong key the Keychain's key is forgotten too, so the fresh store gets a new one.
    static func setAside(_ problem: StoreProblem) throws {
        let support = try supportDirectory()
        let files = FileManager.default
        for suffix in storeSuffixes {
            let from = support.appendingPathComponent(storeName + suffix)
            let to = support.appendingPathComponent(storeName + ".unreadable" + suffix)
            try? files.removeItem(at: to)
            guard files.fileExists(atPath: from.path) else { continue }
            do { try files.moveItem(at: from, to: to) } catch { try files.removeItem(at: from) }
        }
        if problem == .wrongKey { try DatabaseKey.forget() }
    }

    private var deviceName: String { get async { await MainActor.run { UIDevice.current.model } } }

    func session() throws -> SessionInfo? { try store.session() }
    func login(serverUrl: String, username: String, password: String) async throws -> SessionInfo {
        try await store.login(serverUrl: serverUrl, username: username, password: password,
                              deviceName: await deviceName, platform: platform)
    }
    func activate(serverUrl: String, code: String, idNumber: String) async throws -> SessionInfo {
        try await store.activate(serverUrl: serverUrl, code: code, idNumber: idNumber,
                                 deviceName: await deviceName, platform: platform)
    }
    func enrol(serverUrl: String, fullName: String, phone: String, password: String) async throws -> SessionInfo {
        try await store.enrol(serverUrl: serverUrl, fullName: fullName, phone: phone, password: password,
                              deviceName: await deviceName, platform: platform)
    }
    func logout() async throws { try await store.logout() }
    func loanList(query: String, on: String) throws -> LoanList {
        try store.loanList(query: query, page: 0, pageSize: 50, on: on, lang: language)
    }
    func loanDetail(loanId: String, on: String, remindWithinDays: UInt32) throws -> LoanDetail {
        try store.loanDetail(loanId: loanId, on: on, remindWithinDays: remindWithinDays, lang: language)
    }
    func reminders(on: String) throws -> [LoanReminders] { try store.reminders(on: on, lang: language) }
    func sitesNear(lat: Double, lon: Double, on: String) throws -> [SiteRow] {
        try store.sitesNear(lat: lat, lon: lon, limit: 30, assignedOn: on, lang: language)
    }
    func openChecks() throws -> [OpenCheckRow] { try store.openChecks(lang: language) }
    func startCheck(siteId: String, fix: LocationFix) throws -> String {
        _ = try store.enrolDevice() // idempotent: the device key is made once
        return try store.startCheck(siteId: siteId, fix: fix, now: isoNow())
    }
    func verdict(siteId: String, fix: LocationFix) throws -> VerdictView {
        try store.checkVerdict(siteId: siteId, fix: fix, lang: language)
    }
    func checkDetail(checkId: String) throws -> CheckDetail { try store.checkDetail(checkId: checkId, lang: language) }
    func checklist() -> [Question] { store.checklist(lang: language) }
    func answer(checkId: String, key: String, value: AnswerInput) throws {
        try store.answerCheck(checkId: checkId, key: key, value: value)
    }
    func draftAnswer(checkId: String, key: String, value: AnswerInput) throws {
        try store.draftAnswer(checkId: checkId, key: key, value: value)
    }
    func leaveQuestion(checkId: String, key: String) throws { _ = try store.leaveQuestion(checkId: checkId, key: key) }
    func finish(checkId: String) throws { try store.finishCheck(checkId: checkId, now: isoNow()) }
    func addPhoto(checkId: String, jpeg: Data, fix: LocationFix) throws {
        // AVCapturePhoto's file data carries its own EXIF orientation, which the core applies: no turn beside it.
        _ = try store.addPhoto(checkId: checkId, jpeg: jpeg, rotationDegrees: 0, fix: fix, photosDir: photosDir.path)
    }
    func walk(fixes: [LocationFix]) throws -> WalkedPlot { try walkPlot(fixes: fixes, lang: language) }
    /// Measures the walk and records it on the open check: compared with the funded area, signed, queued.
    func recordWalk(checkId: String, fixes: [LocationFix]) throws -> RecordedWalk {
        try store.recordWalk(checkId: checkId, fixes: fixes, now: isoNow(), lang: language)
    }
    func currentPlans(on: String) throws -> PlanList { try store.currentPlans(on: on, lang: language) }
    func minutes(communeCode: String, planId: String, on: String) throws -> CommuneMinutes {
        try store.communeMinutes(communeCode: communeCode, plan: planId, on: on, lang: language)
    }
    func reviewHeadings() -> [ReviewHeading] { VieclamCore.reviewHeadings(lang: language) }
    func reviewRatings() -> [ReviewRatingOption] { VieclamCore.reviewRatings(lang: language) }
    func myReview(planId: String, communeCode: String) throws -> MyReview? {
        try store.myReview(planId: planId, communeCode: communeCode)
    }
    func saveReview(planId: String, communeCode: String, review: MyReview) throws {
        _ = try store.enrolDevice() // idempotent: the device key is made once
        try store.saveReview(planId: planId, communeCode: communeCode, review: review, now: isoNow())
    }
    func mergedReview(planId: String, communeCode: String) throws -> MergedReviewView {
        try store.mergedReview(planId: planId, communeCode: communeCode, lang: language)
    }
    func catalogue(query: String, on: String) throws -> Catalogue {
        try store.catalogue(query: query, on: on, lang: language)
    }
    func formState(form: RegistrationForm, touched: [String], today: String) throws -> FormState {
        try store.registrationFormState(form: form, touched: touched, today: today, lang: language)
    }
    func setField(form: RegistrationForm, field: String, value: String) -> RegistrationForm {
        registrationSetField(form: form, field: field, value: value)
    }
    func toggle(form: RegistrationForm, field: String, code: String) -> RegistrationForm {
        registrationToggle(form: form, field: field, code: code)
    }
    func formForProgramme(kind: String) -> RegistrationForm { registrationForProgramme(kind: kind) }
    func submit(form: RegistrationForm, today: String) throws {
        _ = try store.submitRegistration(form: form, today: today)
    }
    func applications() throws -> ApplicationList { try store.applications(lang: language) }
    func syncStatus() throws -> VieclamCore.SyncStatus { try store.syncStatus(language: language) }
    func sync(cancel: SyncCancel, progress: @escaping (SyncStage, UInt64, UInt64) -> Void) async throws -> SyncSummary {
        try await store.sync(photoDir: photosDir.path, language: language, progress: ProgressRelay(progress), cancel: cancel)
    }
}

/// Hands the core's progress callbacks to a closure (the sync screen or the background task). `@unchecked
/// Sendable`: the core calls it from its own threads, and every closure given here only hops to the main actor.
final class ProgressRelay: SyncProgressListener, @unchecked Sendable {
    private let report: (SyncStage, UInt64, UInt64) -> Void
    init(_ report: @escaping (SyncStage, UInt64, UInt64) -> Void) { self.report = report }
    func onProgress(stage: SyncStage, done: UInt64, total: UInt64, bytesUp: UInt64, bytesDown: UInt64) {
        report(stage, done, total)
    }
}
