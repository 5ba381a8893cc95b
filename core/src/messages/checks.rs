//! Messages of site checks: validation codes of the checklist and the lifecycle, labels of the check screen, and
//! the words of the commune inspection minutes (biên bản kiểm tra).

use crate::messages::Text;
use crate::t;

// ----- Answer validation (field = the question key) -----

/// `answer.unknown_question`.
pub const UNKNOWN_QUESTION: Text =
    t!("Câu hỏi này không có trong phiếu kiểm tra.", "This question is not on the checklist.");
/// `answer.kind_mismatch`.
pub const KIND_MISMATCH: Text =
    t!("Câu trả lời không đúng loại với câu hỏi này.", "The answer is not of the kind this question takes.");
/// `answer.out_of_range`.
pub const OUT_OF_RANGE: Text =
    t!("Giá trị nằm ngoài khoảng cho phép của câu hỏi.", "The value is outside the range this question allows.");
/// `answer.not_whole`.
pub const NOT_WHOLE: Text = t!("Giá trị phải là số nguyên.", "The value must be a whole number.");
/// `answer.unknown_choice`.
pub const UNKNOWN_CHOICE: Text =
    t!("Lựa chọn này không có trong câu hỏi.", "This is not one of the question's options.");
/// `answer.too_long`.
pub const TOO_LONG: Text = t!("Nội dung dài quá 2.000 ký tự.", "The text is longer than 2,000 characters.");
/// `answer.required` (at finish).
pub const REQUIRED: Text = t!("Chưa trả lời câu hỏi bắt buộc này.", "This required question is not answered yet.");

// ----- Lifecycle refusals (field = `check`, `fix`, `photo`, `reason`, …) -----

/// `check.locked`.
pub const LOCKED: Text = t!(
    "Phiếu kiểm tra đã kết thúc và bị khóa; muốn sửa hãy lập bản điều chỉnh.",
    "The check is finished and locked; to change it, make a correction."
);
/// `check.superseded`.
pub const SUPERSEDED: Text = t!(
    "Phiếu này đã có bản điều chỉnh mới hơn; hãy điều chỉnh bản mới nhất.",
    "This check already has a newer correction; correct the latest one."
);
/// `check.not_finished`.
pub const NOT_FINISHED: Text = t!(
    "Phiếu đang mở: cứ sửa trực tiếp, chỉ phiếu đã kết thúc mới cần bản điều chỉnh.",
    "The check is still open: change it directly; only a finished check needs a correction."
);
/// `check.reason_required`.
pub const REASON_REQUIRED: Text = t!("Vui lòng ghi lý do điều chỉnh.", "Please give the reason for the correction.");
/// `check.site_unknown`.
pub const SITE_UNKNOWN: Text = t!("Không có địa điểm kiểm tra này trên máy.", "This site is not on the device.");
/// `fix.invalid`.
pub const FIX_INVALID: Text = t!(
    "Vị trí GPS không hợp lệ (tọa độ hoặc độ chính xác ngoài phạm vi).",
    "The GPS fix is not valid (coordinates or accuracy out of range)."
);
/// `photo.invalid`.
pub const PHOTO_INVALID: Text = t!(
    "Ảnh không hợp lệ (mã băm SHA-256, kích thước hoặc dung lượng sai).",
    "The photo is not valid (wrong SHA-256 hash, size or dimensions)."
);
/// `photo.duplicate`.
pub const PHOTO_DUPLICATE: Text = t!("Ảnh này đã có trong phiếu kiểm tra.", "This photo is already in the check.");
/// `findings.plan_unknown`.
pub const PLAN_UNKNOWN: Text = t!(
    "Xã/phường này không thuộc kế hoạch kiểm tra đã chọn.",
    "This commune is not part of the chosen inspection plan."
);

// ----- The check screen -----

/// Title: `Phiếu kiểm tra {code}`.
pub const CHECK_TITLE: Text = t!("Phiếu kiểm tra {code}", "Site check {code}");
/// Title suffix for revisions.
pub const REVISION_SUFFIX: Text = t!("(điều chỉnh lần {n})", "(correction {n})");
/// Check code.
pub const CODE: Text = t!("Mã phiếu", "Check code");
/// Revision.
pub const REVISION: Text = t!("Lần lập", "Revision");
/// Revision reason.
pub const REVISION_REASON: Text = t!("Lý do điều chỉnh", "Reason for correction");
/// Started.
pub const STARTED_AT: Text = t!("Bắt đầu", "Started");
/// Finished.
pub const FINISHED_AT: Text = t!("Kết thúc", "Finished");
/// State.
pub const STATE: Text = t!("Trạng thái", "State");
/// State: open.
pub const STATE_OPEN: Text = t!("Đang kiểm tra", "Open");
/// State: finished.
pub const STATE_FINISHED: Text = t!("Đã kết thúc (khóa)", "Finished (locked)");
/// Position.
pub const POSITION: Text = t!("Vị trí", "Position");
/// Accuracy: `±{m} m`.
pub const ACCURACY: Text = t!("Độ chính xác", "Accuracy");
/// Where the inspector was.
pub const PLACE: Text = t!("Đánh giá vị trí", "Where the inspector stood");
/// Place: at the site.
pub const PLACE_AT: Text = t!("Tại mô hình", "At the site");
/// Place: near.
pub const PLACE_NEAR: Text = t!("Gần mô hình", "Near the site");
/// Place: away.
pub const PLACE_AWAY: Text = t!("Xa mô hình", "Away from the site");
/// Place: the fix was too poor to tell.
pub const PLACE_TOO_POOR: Text = t!("Tín hiệu GPS quá yếu để xác định", "GPS fix too poor to tell");
/// Verdict place: the phone reported a mock location.
pub const PLACE_MOCKED: Text = t!("Vị trí giả lập", "Mocked location");
/// Distance to the site.
pub const DISTANCE: Text = t!("Khoảng cách tới mô hình", "Distance to the site");
/// In the commune.
pub const IN_COMMUNE: Text = t!("Trong địa bàn xã", "Inside the commune");
/// Mock location.
pub const MOCKED: Text = t!("Vị trí giả lập", "Mock location");
/// Yes.
pub const YES: Text = t!("Có", "Yes");
/// No.
pub const NO: Text = t!("Không", "No");
/// Not answered.
pub const UNANSWERED: Text = t!("—", "—");
/// Photo flag: reused.
pub const FLAG_REUSED: Text = t!("Ảnh đã dùng ở phiếu kiểm tra khác", "Photo already used in another check");
/// Photo flag: GPS disagrees.
pub const FLAG_GPS_DISAGREES: Text =
    t!("Tọa độ trong ảnh lệch {m} m so với vị trí kiểm tra", "The photo's own GPS is {m} m from the check's fix");
/// Photo flag: late.
pub const FLAG_LATE: Text =
    t!("Ảnh chụp {min} phút sau khi bắt đầu kiểm tra", "Photo taken {min} minutes after the check started");

// ----- The minutes (biên bản) -----

/// Title.
pub const MINUTES_TITLE: Text = t!("Biên bản kiểm tra", "Inspection minutes");
/// Subtitle.
pub const MINUTES_SUBJECT: Text = t!(
    "Kiểm tra việc thực hiện cho vay giải quyết việc làm tại {commune}",
    "Inspection of job-creation lending in {commune}"
);
/// Plan.
pub const PLAN: Text = t!("Theo kế hoạch", "Under plan");
/// Dates.
pub const DATES: Text = t!("Thời gian kiểm tra", "Dates of inspection");
/// Team / devices.
pub const TEAM: Text = t!("Đoàn kiểm tra (thiết bị)", "Team (devices)");
/// Section: what was checked.
pub const SECTION_CHECKED: Text = t!("I. Nội dung đã kiểm tra", "I. What was checked");
/// Section: what was found.
pub const SECTION_FOUND: Text = t!("II. Kết quả kiểm tra", "II. What was found");
/// Section: misuse.
pub const SECTION_MISUSE: Text = t!("III. Dấu hiệu sai phạm", "III. Signs of misuse");
/// Section: opinions.
pub const SECTION_OPINIONS: Text = t!("IV. Ý kiến, kiến nghị của người vay", "IV. Borrowers' opinions and requests");
/// Section: recommendations.
pub const SECTION_RECOMMENDATIONS: Text = t!("V. Kiến nghị của đoàn kiểm tra", "V. The team's recommendations");
/// Checks made.
pub const CHECKS_MADE: Text = t!("Số mô hình đã kiểm tra", "Sites checked");
/// Loans covered.
pub const LOANS_CHECKED: Text = t!("Số khoản vay", "Loans");
/// Outstanding of those loans.
pub const OUTSTANDING_CHECKED: Text =
    t!("Dư nợ của các khoản vay được kiểm tra (ngày {date})", "Outstanding on the loans checked (on {date})");
/// Purpose kept n/N.
pub const PURPOSE_KEPT: Text = t!("Sử dụng vốn đúng mục đích", "Loan used for its purpose");
/// `{n}/{total}`.
pub const N_OF_TOTAL: Text = t!("{n}/{total} mô hình", "{n} of {total} sites");
/// Models by state.
pub const MODELS_BY_STATE: Text = t!("Tình trạng mô hình", "State of the models");
/// Jobs created.
pub const JOBS_CREATED: Text = t!("Số lao động được tạo việc làm", "Jobs created");
/// Jobs kept.
pub const JOBS_KEPT: Text = t!("Số lao động duy trì việc làm", "Jobs kept");
/// No misuse found.
pub const NO_MISUSE: Text = t!("Không phát hiện dấu hiệu sai phạm.", "No sign of misuse was found.");
/// Findings of the team.
pub const TEAM_FINDINGS: Text = t!("Nhận xét chung của đoàn", "The team's general findings");
/// Opinions heard at the meeting.
pub const MEETING_OPINIONS: Text = t!("Ý kiến tại buổi làm việc", "Opinions at the meeting");
/// Nothing recorded.
pub const NOTHING_RECORDED: Text = t!("Không có.", "None.");
/// Signature lines.
pub const SIGN_TEAM: Text = t!("Đại diện đoàn kiểm tra", "For the inspection team");
/// Signature lines.
pub const SIGN_COMMUNE: Text = t!("Đại diện UBND xã", "For the commune People's Committee");
/// Under the signature lines.
pub const SIGN_HINT: Text = t!("(Ký, ghi rõ họ tên)", "(Signature and full name)");
/// Opinion line: `{borrower}: {text}`.
pub const OPINION_OF: Text = t!("{borrower} ({code})", "{borrower} ({code})");
/// `verdict.invalid`.
pub const VERDICT_INVALID: Text = t!(
    "Kết quả đánh giá vị trí không hợp lệ (khoảng cách hoặc độ chính xác sai).",
    "The position verdict is not valid (wrong distance or accuracy)."
);
/// `findings.too_long`.
pub const FINDINGS_TOO_LONG: Text = t!("Nội dung dài quá 20.000 ký tự.", "The text is longer than 20,000 characters.");

/// A check's required questions still unanswered.
pub const STILL_MISSING: Text = t!("Còn thiếu: {questions}", "Still missing: {questions}");
