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
pub const BAD_DATE: Text = t!("Ngày “{text}” không hợp lệ; hãy viết dd/MM/yyyy.", "“{text}” is not a date; write dd/MM/yyyy.");
/// Registration saved.
pub const REGISTERED: Text = t!(
    "Đã lưu đăng ký {id}; sẽ gửi lên khi đồng bộ.",
    "Registration {id} saved; it will be sent at the next sync."
);
/// Registration refused.
pub const REGISTRATION_INVALID: Text = t!("Đăng ký chưa hợp lệ:", "The registration is not valid:");
/// A prompt for a missing field.
pub const PROMPT: Text = t!("{label}: ", "{label}: ");
/// Page footer.
pub const MORE: Text = t!("Còn nữa: dùng --page {next}.", "More: use --page {next}.");
/// Sites list when the plan has no commune here.
pub const NO_SITES: Text = t!("Không có địa điểm nào trong phạm vi.", "No sites in scope.");
