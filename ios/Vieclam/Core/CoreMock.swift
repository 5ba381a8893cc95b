// Fixed records shaped like the core's, so every view has a SwiftUI preview without the native library. The
// texts imitate what the core formats. Only `#Preview`s construct it: the app never falls back to it (a store that
// will not open shows the recovery screen), and its sign-in refuses every password outside Xcode's previews, so
// it can never pass for a real session with made-up data.
import Foundation
import VieclamCore

final class CoreMock: CoreAPI {
    let language: Language = .vi
    private let row = LoanRow(loanId: "l1", agreementNo: "7300100000012", borrowerId: "b1", borrowerName: "Hoàng Văn Thắng",
                              communeName: "Đình Lập", outstanding: 42_000_000, outstandingText: "42.000.000 ₫",
                              overduePrincipal: 0, state: .current, stateText: "Trong hạn")

    private let inspector = SessionInfo(serverUrl: "https://vieclam.langson.gov.vn", accountId: "a1", role: .inspector,
                                        displayName: "Nông Văn Hải", expiresAt: "2025-11-14T00:00:00Z", username: "thanhtra.dinhlap")

    /// Xcode sets this in the process that renders SwiftUI previews, and nowhere else.
    private var inPreview: Bool { ProcessInfo.processInfo.environment["XCODE_RUNNING_FOR_PREVIEWS"] == "1" }

    /// Refuses, as a server would refuse bad credentials, unless this is a preview.
    private func previewOnly() throws {
        guard inPreview else {
            throw VieclamError.Unauthorized(refusal: ServerRefusal(code: "preview.only",
                                                                   messageVi: "Bản xem trước không đăng nhập được.",
                                                                   messageEn: "A preview cannot sign in."))
        }
    }

    func session() throws -> SessionInfo? { nil }
    func login(serverUrl: String, username: String, password: String) async throws -> SessionInfo {
        try previewOnly()
        return inspector
    }
    func activate(serverUrl: String, code: String, idNumber: String) async throws -> SessionInfo {
        try previewOnly()
        return SessionInfo(serverUrl: serverUrl, accountId: "b1", role: .borrower, displayName: "Hoàng Văn Thắng",
                           expiresAt: "2026-10-14T00:00:00Z", username: nil)
    }
    func enrol(serverUrl: String, fullName: String, phone: String, password: String) async throws -> SessionInfo {
        try previewOnly()
        return SessionInfo(serverUrl: serverUrl, accountId: "w1", role: .worker, displayName: fullName,
                           expiresAt: "2026-10-14T00:00:00Z", username: "0912345678")
    }
    func logout() async throws {}
    func loanList(query: String, on: String) throws -> LoanList {
        LoanList(title: "Khoản vay", rows: [row], hasMore: false, emptyText: "Không có khoản vay nào.")
    }
    func reminders(on: String) throws -> [LoanReminders] {
        [LoanReminders(loanId: "l1", title: "Số khế ước 6301-LAV-2024-00017", lines: ["Kỳ 3 đến hạn ngày 15/11/2025: 4.000.000 đ"])]
    }
    func loanDetail(loanId: String, on: String, remindWithinDays: UInt32) throws -> LoanDetail {
        let status = LoanStatus(on: on, state: .current, relief: Relief(kind: .none, from: nil, to: nil),
                                principalRepaid: 8_000_000, outstanding: 42_000_000, overduePrincipal: 0, daysOverdue: 0,
                                firstOverdueSince: nil, frozenPrincipal: 0, writtenOffAmount: 0,
                                nextInstalment: DueInstalment(seq: 3, dueOn: "2025-11-15", amountRemaining: 4_000_000),
                                reminders: [], interestThisMonth: 231_000, overdueInterest: 0, interestAccrued: 1_155_000,
                                interestPaidTotal: 924_000, unpaidInterest: 231_000,
                                overdueInterestPaidTotal: 0, toPayNow: 231_000)
        return LoanDetail(loanId: loanId, title: "Khế ước 7300100000012 · Hoàng Văn Thắng",
                          fields: [LabeledValue(label: "Dư nợ", value: "42.000.000 ₫"), LabeledValue(label: "Lãi suất", value: "6,6 %/năm")],
                          scheduleTitle: "Lịch trả nợ",
                          schedule: [ScheduleRow(seq: 3, dueText: "15/11/2025", amountText: "4.000.000 ₫", remainingText: "4.000.000 ₫", statusText: "Sắp đến hạn")],
                          paymentsTitle: "Lịch sử trả nợ", payments: [], reminders: ["Kỳ 3: 4.000.000 ₫ đến hạn ngày 15/11/2025."],
                          status: status)
    }
    func sitesNear(lat: Double, lon: Double, on: String) throws -> [SiteRow] {
        [SiteRow(siteId: "s1", loanId: "l1", agreementNo: "7300100000012", borrowerName: "Hoàng Văn Thắng",
                 communeName: "Đình Lập", modelText: "Chăn nuôi lợn", description: "Chuồng 40 con", lat: lat + 0.001,
                 lon: lon, radiusM: 50, hasPlot: false, distanceM: 111, distanceText: "111 m")]
    }
    func startCheck(siteId: String, fix: LocationFix) throws -> String { "c1" }
    func openChecks() throws -> [OpenCheckRow] { [] }
    func verdict(siteId: String, fix: LocationFix) throws -> VerdictView {
        VerdictView(verdict: Verdict(place: .atSite, distanceM: 3, radiusM: 50, accuracyM: 4, inSiteCommune: true,
                                     fixCommuneCode: "06613", accuracyLevel: .good, accuracyWarning: nil),
                    message: "Đang ở tại mô hình (cách 3 m).", accuracyMessage: "Độ chính xác 4 m: tốt.",
                    communeMessage: nil)
    }
    func checkDetail(checkId: String) throws -> CheckDetail {
        CheckDetail(checkId: checkId, code: "KT-06613-0001", revision: 1, title: "Phiếu KT-06613-0001 · Hoàng Văn Thắng",
                    state: .open, locked: false, fields: [LabeledValue(label: "Bắt đầu", value: "08:30 14/10/2025")],
                    answers: [], photos: [], missingRequired: ["purpose_kept"],
                    missingText: "Còn thiếu: Sử dụng vốn vay đúng mục đích", canFinish: false)
    }
    func checklist() -> [Question] {
        [Question(key: "purpose_kept", prompt: "Sử dụng vốn đúng mục đích?", kind: .yesNo, required: true, misuse: false)]
    }
    func answer(checkId: String, key: String, value: AnswerInput) throws {}
    func draftAnswer(checkId: String, key: String, value: AnswerInput) throws {}
    func leaveQuestion(checkId: String, key: String) throws {}
    func finish(checkId: String) throws {}
    func addPhoto(checkId: String, jpeg: Data, fix: LocationFix) throws {}
    func walk(fixes: [LocationFix]) throws -> WalkedPlot {
        WalkedPlot(ring: fixes.map { GeoPoint(lat: $0.lat, lon: $0.lon) }, areaHa: 0.8, perimeterM: 360, droppedPoints: 0,
                   usedPoints: UInt32(fixes.count), mockedPoints: 0, message: "Diện tích đo được 0,80 ha.",
                   areaText: "0,80 ha", perimeterText: "360 m")
    }
    func currentPlans(on: String) throws -> PlanList {
        PlanList(title: "Kế hoạch kiểm tra", plans: [
            PlanSummary(planId: "p1", code: "452/KH-SNV", title: "Kiểm tra việc thực hiện cho vay giải quyết việc làm",
                        startsOn: "2025-09-20", endsOn: "2025-12-19", datesText: "Từ 20/09/2025 đến 19/12/2025",
                        communes: [PlanCommuneRow(communeCode: "06613", communeName: "Xã Đình Lập", sites: 12, checked: 3,
                                                  sitesText: "12 mô hình · đã kiểm tra 3")])],
                 emptyText: "Hôm nay không có kế hoạch kiểm tra nào đang thực hiện.")
    }
    func minutes(communeCode: String, planId: String, on: String) throws -> CommuneMinutes {
        CommuneMinutes(title: "Biên bản kiểm tra", subject: "Kiểm tra việc sử dụng vốn vay tại Xã Đình Lập",
                       communeCode: communeCode, communeName: "Xã Đình Lập", planId: planId,
                       header: [LabeledValue(label: "Kế hoạch", value: "452/KH-SNV")],
                       sections: [MinutesSection(title: "I. Nội dung đã kiểm tra",
                                                 items: [LabeledValue(label: "Số lượt kiểm tra", value: "3")], lines: [])],
                       signatures: [SignatureBlock(who: "Đại diện đoàn kiểm tra", hint: "(Ký, ghi rõ họ tên)")],
                       checks: 3, loans: 3, html: "<!DOCTYPE html><html lang=\"vi\"><body>Biên bản kiểm tra</body></html>")
    }
    func reviewHeadings() -> [ReviewHeading] {
        [ReviewHeading(key: "leadership", label: "Công tác lãnh đạo, chỉ đạo, tuyên truyền chính sách",
                       hint: "Họp thôn, loa truyền thanh, niêm yết thủ tục tại điểm giao dịch xã."),
         ReviewHeading(key: "book", label: "Tăng trưởng dư nợ và tỷ lệ nợ quá hạn",
                       hint: "Dư nợ tăng bao nhiêu, nợ quá hạn chiếm bao nhiêu.")]
    }
    func reviewRatings() -> [ReviewRatingOption] {
        [ReviewRatingOption(rating: .good, label: "Tốt"), ReviewRatingOption(rating: .fair, label: "Khá"),
         ReviewRatingOption(rating: .weak, label: "Yếu"), ReviewRatingOption(rating: .notAssessed, label: "Chưa đánh giá")]
    }
    func myReview(planId: String, communeCode: String) throws -> MyReview? {
        MyReview(heldOn: "2025-10-14",
                 notes: [ReviewNote(key: "leadership", rating: .good, text: "Họp đủ 12 thôn; loa phát 3 buổi.")],
                 attendees: [ReviewAttendee(name: "Hoàng Văn Lân", role: "Chủ tịch UBND xã")], opinions: [], recommendations: [])
    }
    func saveReview(planId: String, communeCode: String, review: MyReview) throws {}
    func mergedReview(planId: String, communeCode: String) throws -> MergedReviewView {
        MergedReviewView(title: "Đánh giá tại xã", communeName: "Xã Đình Lập", contributors: 2, headings: [
            ReviewHeadingView(key: "leadership", label: "Công tác lãnh đạo, chỉ đạo, tuyên truyền chính sách", contributions: [
                ReviewContribution(author: "Nông Văn Hải", mine: true, rating: .good, ratingLabel: "Tốt",
                                   text: "Họp đủ 12 thôn; loa phát 3 buổi."),
                ReviewContribution(author: "Thành viên đoàn", mine: false, rating: .weak, ratingLabel: "Yếu",
                                   text: "Chưa niêm yết thủ tục tại điểm giao dịch.")])],
            attendees: [ReviewAttendee(name: "Hoàng Văn Lân", role: "Chủ tịch UBND xã")], opinions: [],
            recommendations: [ReviewRecommendation(to: "UBND xã", what: "Niêm yết thủ tục vay vốn.")],
            emptyText: "Chưa có đánh giá nào.")
    }
    func catalogue(query: String, on: String) throws -> Catalogue {
        Catalogue(title: "Chương trình việc làm", programmes: [
            ProgrammeRow(id: "p1", kind: "overseas", kindText: "Làm việc ở nước ngoài", title: "Đơn hàng điện tử Nhật Bản",
                         description: "", place: "Nhật Bản", enterpriseText: "Công ty ABC · Giấy phép 123/LĐTBXH",
                         seatsText: "20 chỉ tiêu", closesText: "Hạn 30/11/2025")])
    }
    /// One of each kind of field, options marked from the form as the core would mark them.
    func formState(form: RegistrationForm, touched: [String], today: String) throws -> FormState {
        func options(_ all: [(String, String)], held: [String]) -> [FieldOption] {
            all.map { FieldOption(code: $0.0, label: $0.1, selected: held.contains($0.0)) }
        }
        func field(_ name: String, _ label: String, _ kind: FieldKind, value: String = "", error: String? = nil,
                   options: [FieldOption] = []) -> FieldState {
            FieldState(field: name, label: label, value: value, errorCode: error.map { _ in "id.length" }, error: error,
                       kind: kind, options: options)
        }
        return FormState(title: "Đăng ký tìm việc làm", fields: [
            field("full_name", "Họ và tên", .text, value: form.fullName),
            field("id_number", "Số CCCD", .text, value: form.idNumber, error: "Số CCCD phải có 12 chữ số."),
            field("birth_date", "Ngày sinh (dd/MM/yyyy)", .date, value: form.birthDate),
            field("sex", "Giới tính", .choice, options: options([("male", "Nam"), ("female", "Nữ")], held: [form.sex])),
            field("phone", "Số điện thoại", .phone, value: form.phone),
            field("commune_code", "Xã, phường nơi thường trú", .choice,
                  options: options([("06613", "Xã Đình Lập"), ("05977", "Phường Đông Kinh")], held: [form.communeCode])),
            // The core's own split keeps each entry as typed, so joining with commas gives back what was typed.
            field("languages", "Ngoại ngữ", .list, value: form.languages.joined(separator: ",")),
            field("wants", "Nhu cầu", .multiChoice,
                  options: options([("domestic_job", "Việc làm trong nước"), ("training", "Học nghề"),
                                    ("self_employment_loan", "Vay vốn tự tạo việc làm"), ("work_abroad", "Đi làm việc ở nước ngoài")],
                                   held: form.wants)),
            field("consent", "Tôi đồng ý chia sẻ thông tin để được giới thiệu việc làm", .consent,
                  value: form.consent ? "✓" : ""),
        ], submitLabel: "Gửi đăng ký", canSubmit: false)
    }
    // The form's changes are the core's pure rules, which need no store: previews use them too, never a copy.
    func setField(form: RegistrationForm, field: String, value: String) -> RegistrationForm {
        registrationSetField(form: form, field: field, value: value)
    }
    func toggle(form: RegistrationForm, field: String, code: String) -> RegistrationForm {
        registrationToggle(form: form, field: field, code: code)
    }
    func formForProgramme(kind: String) -> RegistrationForm { registrationForProgramme(kind: kind) }
    func submit(form: RegistrationForm, today: String) throws {}
    func applications() throws -> ApplicationList {
        ApplicationList(title: "Hồ sơ đã đăng ký", rows: [
            ApplicationRow(registrationId: "r1", title: "Việc làm trong nước", fullName: "Hoàng Thị Ánh",
                           sentText: "Lập lúc 14/10/2025 08:30", state: .waiting,
                           statusText: "Đang chờ gửi (khi có mạng)", reason: nil)],
                        emptyText: "Bạn chưa gửi đăng ký nào.")
    }
    func syncStatus() throws -> VieclamCore.SyncStatus {
        VieclamCore.SyncStatus(account: "Nông Văn Hải", role: "Cán bộ kiểm tra", serverUrl: "https://vieclam.langson.gov.vn",
                               waiting: [WaitingKind(entity: "site_check", label: "Phiếu kiểm tra", count: 2)],
                               waitingTotal: 2, photosWaiting: 3,
                               rejected: [RejectedChange(label: "Phiếu kiểm tra", entityId: "chk-0001",
                                                         code: "mutation.bad_signature",
                                                         reason: "Chữ ký không hợp lệ.", madeAt: "14/10/2025 08:30")],
                               lastSuccess: "14/10/2025 07:55", lastFailure: nil, lines: [])
    }
    func sync(cancel: SyncCancel, progress: @escaping (SyncStage, UInt64, UInt64) -> Void) async throws -> SyncSummary {
        progress(.push, 1, 1)
        return SyncSummary(pushed: 1, alreadyApplied: 0, rejected: 0, pulled: 0, photosSent: 0, bytesUp: 512, bytesDown: 0,
                           nothingToDo: false, summary: "Đã gửi 1 thay đổi.")
    }
}
