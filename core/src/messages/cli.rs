//! Words of the `vieclam` terminal shell.

use crate::messages::Text;
use crate::t;

/// Prefix of an error line.
pub const ERROR: Text = t!("Lỗi", "Error");
/// After `init --demo`.
pub const DEMO_READY: Text = t!(
    "Đã tạo dữ liệu mẫu: {loans} khoản vay, {borrowers} người vay, {sites} địa điểm tại {path}.",
    "Demo data created: {loans} loans, {borrowers} borrowers, {sites} sites in {path}."
);
/// After `init` without demo.
pub const STORE_READY: Text = t!("Đã tạo kho dữ liệu mã hóa tại {path}.", "Encrypted store created at {path}.");
/// Init over existing data.
pub const STORE_EXISTS: Text = t!(
    "Đã có dữ liệu tại {path}; thêm --force để xóa và tạo lại.",
    "There is already data at {path}; add --force to delete and recreate it."
);
/// No store yet.
pub const NO_STORE: Text = t!(
    "Chưa có dữ liệu tại {path}; hãy chạy `vieclam init --demo 1000` trước.",
    "No data at {path}; run `vieclam init --demo 1000` first."
);
/// Bad key file.
pub const BAD_KEY_FILE: Text = t!(
    "Tệp khóa {path} không hợp lệ (cần 64 chữ số thập lục phân).",
    "The key file {path} is not valid (64 hex digits expected)."
);
/// Bad coordinates.
pub const BAD_POINT: Text = t!(
    "Tọa độ “{text}” không hợp lệ; hãy viết VĨ_ĐỘ,KINH_ĐỘ, ví dụ 21.85,106.76.",
    "“{text}” is not a position; write LAT,LON, e.g. 21.85,106.76."
);
/// Bad date.
pub const BAD_DATE: Text =
    t!("Ngày “{text}” không hợp lệ; hãy viết dd/MM/yyyy.", "“{text}” is not a date; write dd/MM/yyyy.");
/// Registration saved.
pub const REGISTERED: Text =
    t!("Đã lưu đăng ký {id}; sẽ gửi lên khi đồng bộ.", "Registration {id} saved; it will be sent at the next sync.");
/// Registration refused.
pub const REGISTRATION_INVALID: Text = t!("Đăng ký chưa hợp lệ:", "The registration is not valid:");
/// A prompt for a missing field.
pub const PROMPT: Text = t!("{label}: ", "{label}: ");
/// Page footer.
pub const MORE: Text = t!("Còn nữa: dùng --page {next}.", "More: use --page {next}.");
/// Sites list when the plan has no commune here.
pub const NO_SITES: Text = t!("Không có địa điểm nào trong phạm vi.", "No sites in scope.");
/// After `check start`.
pub const CHECK_STARTED: Text = t!("Đã bắt đầu kiểm tra {code} (mã {id}).", "Check {code} started (id {id}).");
/// After `check answer`.
pub const ANSWER_SAVED: Text = t!("Đã ghi câu trả lời “{question}”.", "Answer to “{question}” saved.");
/// After `check photo`.
pub const PHOTO_SAVED: Text = t!(
    "Đã lưu ảnh {sha} ({width}×{height}, {kb} KB) tại {path}.",
    "Photo {sha} saved ({width}×{height}, {kb} KB) at {path}."
);
/// Photo flags line.
pub const PHOTO_FLAGS: Text = t!("Cảnh báo: {flags}", "Warning: {flags}");
/// After `check finish`.
pub const CHECK_FINISHED: Text = t!("Đã kết thúc và khóa kiểm tra {code}.", "Check {code} finished and locked.");
/// A valid chain.
pub const EVIDENCE_OK: Text = t!(
    "Chứng cứ hợp lệ: {n} bản ghi đã ký, chuỗi liền mạch.",
    "Evidence verified: {n} signed records, chain unbroken."
);
/// A broken chain.
pub const EVIDENCE_BAD: Text = t!(
    "Chứng cứ KHÔNG hợp lệ: {n} lỗi trong {checked} bản ghi.",
    "Evidence FAILED verification: {n} problems in {checked} records."
);
/// A JPEG without GPS.
pub const EXIF_NO_GPS: Text = t!("Ảnh này không mang tọa độ GPS.", "This photo carries no GPS position.");
/// A JPEG's position.
pub const EXIF_POSITION: Text = t!("Vị trí: {position}", "Position: {position}");
/// A JPEG's time.
pub const EXIF_TIME: Text = t!("Thời điểm chụp: {time}", "Taken at: {time}");
/// A JPEG without time.
pub const EXIF_NO_TIME: Text = t!("Ảnh này không ghi thời điểm chụp.", "This photo carries no time.");
/// A JPEG's check id.
pub const EXIF_CHECK: Text = t!("Thuộc kiểm tra: {id}", "Belongs to check: {id}");
/// A bad line in a walk file.
pub const WALK_BAD_LINE: Text = t!(
    "Dòng {line} của tệp không hợp lệ; cần VĨ_ĐỘ,KINH_ĐỘ[,ĐỘ_CHÍNH_XÁC].",
    "Line {line} of the file is not valid; expected LAT,LON[,ACCURACY]."
);
/// A walk recorded on a check.
pub const WALK_RECORDED: Text = t!(
    "Đã lưu diện tích đo vào kiểm tra {code}; sẽ gửi lên khi đồng bộ.",
    "The walk is recorded on check {code}; it goes up at the next sync."
);
/// Written minutes.
pub const MINUTES_WRITTEN: Text = t!("Đã ghi biên bản in được vào {path}.", "Printable minutes written to {path}.");
/// Unknown commune.
pub const UNKNOWN_COMMUNE: Text =
    t!("Không có xã/phường “{text}” ở Lạng Sơn.", "There is no commune “{text}” in Lạng Sơn.");
/// A file that cannot be read.
pub const CANNOT_READ: Text = t!("Không đọc được tệp {path}: {detail}", "Cannot read {path}: {detail}");

/// `register` asks: full name.
pub const ASK_FULL_NAME: Text = t!("Họ và tên", "Full name");

/// `register` asks: cCCD/CMND number.
pub const ASK_ID_NUMBER: Text = t!("Số CCCD/CMND", "CCCD/CMND number");

/// `register` asks: date of birth (dd/MM/yyyy).
pub const ASK_BIRTH_DATE: Text = t!("Ngày sinh (dd/MM/yyyy)", "Date of birth (dd/MM/yyyy)");

/// `register` asks: sex (male/female).
pub const ASK_SEX: Text = t!("Giới tính (nam/nữ)", "Sex (male/female)");

/// `register` asks: mobile number.
pub const ASK_PHONE: Text = t!("Số điện thoại", "Mobile number");

/// `register` asks: commune.
pub const ASK_COMMUNE: Text = t!("Xã/phường", "Commune");

/// `register` asks: address (village).
pub const ASK_ADDRESS: Text = t!("Địa chỉ (thôn, bản)", "Address (village)");

/// `register` asks: occupation.
pub const ASK_OCCUPATION: Text = t!("Nghề nghiệp", "Occupation");

/// `register` asks: wants (domestic_job, training, self_employment_loan, work_abroad).
pub const ASK_WANTS: Text = t!(
    "Nhu cầu (domestic_job, training, self_employment_loan, work_abroad)",
    "Wants (domestic_job, training, self_employment_loan, work_abroad)"
);

/// `check show`: a photo's line (both languages always).
pub const PHOTO_TAG: Text = t!("ảnh", "photo");
/// `check questions`: a yes-or-no question's kind, in the words `check answer` takes (Vietnamese in either language).
pub const KIND_YES_NO: Text = t!("có/không", "yes/no");
/// `check questions`: a number's kind.
pub const KIND_NUMBER: Text = t!("số", "number");
/// `check questions`: a text's kind.
pub const KIND_TEXT: Text = t!("văn bản", "text");
