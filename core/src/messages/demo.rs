//! The server's demo (`vieclam-server demo`, `serve --demo`): the sign-in sheet it prints and what it says when the
//! seeding fails. Both languages are printed side by side ([`Text::joined`]). The demo province's people, places and
//! what its inspectors wrote are data, not entries.

use super::Text;
use crate::t;

/// The sheet's first words; `{loans}` how many loans the demo province has.
pub const PROVINCE: Text = t!("Tỉnh mẫu: {loans} khoản vay. Đăng nhập", "Demo province: {loans} loans. Sign in");
/// The office administrator's account, on the sheet.
pub const OFFICE_ADMIN: Text = t!("quản trị", "office admin");
/// An inspector who leads a plan's team, on the sheet.
pub const TEAM_LEADER: Text = t!("trưởng đoàn", "team leader");
/// An inspector who is a plan's team secretary, on the sheet.
pub const TEAM_SECRETARY: Text = t!("thư ký đoàn", "team secretary");
/// Before the borrowers' activation codes.
pub const ACTIVATION_CODES: Text =
    t!("Mã kích hoạt cho người vay (mã + số CCCD)", "Borrower activation codes (code + ID number)");

/// The field work the demo's phones did, as a heading and before an error.
pub const FIELD_WORK: Text = t!("Công việc thực địa mẫu", "Demo field work");
/// A plan's site checks; the English line stands under the Vietnamese, without the plan's code.
pub const PLAN_CHECKS: Text = t!("{code}: {checks} lần kiểm tra tại mô hình", "{checks} site checks");
/// The plan's checks with findings, and those made away from the site.
pub const FLAGGED_CHECKS: Text = t!(
    " ({findings} có phát hiện sai phạm, {away} không ở tại mô hình: bị gắn cờ)",
    " ({findings} with findings, {away} away from the site: flagged)"
);
/// The communes whose review the team held.
pub const REVIEWED: Text = t!("; đánh giá tại {communes}", "; commune reviews of {communes}");
/// The plan's communes nobody checked.
pub const UNCHECKED: Text = t!("; chưa kiểm tra {communes}", "; {communes} not checked yet");
/// A demo phone's device name; `{name}` the inspector's.
pub const PHONE: Text = t!("Điện thoại mẫu ({name})", "Demo phone ({name})");
/// A demo phone's sync that the server did not take in full.
pub const SYNC_REFUSED: Text =
    t!("máy chủ từ chối {records} bản ghi, {photos} ảnh", "the server refused {records} records and {photos} photos");

/// The photo store named for the demo cannot be opened (nothing is written).
pub const NO_PHOTO_STORE: Text = t!("Không mở được kho ảnh của dữ liệu mẫu", "Cannot open the demo's photo store");
/// The field work failed after the accounts and plans were written.
pub const START_AGAIN: Text = t!(
    "Xoá thư mục dữ liệu (hoặc cơ sở dữ liệu) rồi chạy lại.",
    "Delete the data folder (or the database) and start again."
);
