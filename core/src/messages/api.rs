//! What the sync server answers in an error body (`message_vi`, `message_en`): each entry sits beside the stable
//! code it is answered with (docs/sync-protocol.md). Placeholders are named where they are used.

use super::Text;
use crate::t;

/// 400 `push.malformed`; `{detail}` names what is wrong.
pub const MALFORMED: Text =
    t!("Dữ liệu gửi lên không đúng định dạng: {detail}", "The request body is malformed: {detail}");
/// 403 `scope.forbidden`.
pub const FORBIDDEN: Text = t!("Bạn không có quyền với dữ liệu này.", "This is outside your role or scope.");
/// 404 `not_found`.
pub const NOT_FOUND: Text = t!("Không tìm thấy.", "Not found.");
/// 500 `internal`.
pub const INTERNAL: Text = t!("Máy chủ gặp lỗi, hãy thử lại sau.", "The server failed; try again later.");

/// 401 `auth.missing_token`.
pub const MISSING_TOKEN: Text = t!("Chưa đăng nhập.", "No token was sent.");
/// 401 `auth.expired_token`.
pub const EXPIRED_TOKEN: Text =
    t!("Phiên đăng nhập đã hết hạn, hãy đăng nhập lại.", "The token has expired; sign in again.");
/// 401 `auth.revoked_token`.
pub const REVOKED_TOKEN: Text = t!("Phiên đăng nhập đã bị thu hồi.", "The token was revoked.");
/// 401 `auth.bad_credentials`.
pub const BAD_CREDENTIALS: Text = t!("Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong user name or password.");
/// 401 `auth.bad_activation_code`.
pub const BAD_ACTIVATION_CODE: Text = t!(
    "Mã kích hoạt hoặc số CCCD không đúng, hoặc mã đã dùng hay hết hạn.",
    "The activation code or ID number is wrong, or the code was used or has expired."
);
/// 401 with any other `auth.*` code.
pub const INVALID_TOKEN: Text = t!("Phiên đăng nhập không hợp lệ.", "The token is not valid.");

/// 409 `device.key_mismatch`.
pub const DEVICE_KEY_MISMATCH: Text =
    t!("Thiết bị này đã đăng ký với một khoá khác.", "This device id is registered with another public key.");
/// 403 `auth.device_revoked`.
pub const DEVICE_REVOKED: Text = t!(
    "Thiết bị này đã bị văn phòng thu hồi; hãy liên hệ văn phòng.",
    "The office revoked this device; contact the office."
);
/// 403 `auth.account_disabled`.
pub const ACCOUNT_DISABLED: Text = t!(
    "Tài khoản này đã bị văn phòng khoá; hãy liên hệ văn phòng.",
    "The office disabled this account; contact the office."
);
/// 400 `auth.invalid_field`: `{field}` longer than `{max}` bytes.
pub const FIELD_TOO_LONG: Text =
    t!("Trường «{field}» dài quá {max} byte.", "The field «{field}» is longer than {max} bytes.");
/// 400 `auth.invalid_field`: `{field}` is not 64 hex digits.
pub const FIELD_NOT_HEX64: Text =
    t!("Trường «{field}» phải gồm đúng 64 chữ số thập lục phân.", "The field «{field}» must be exactly 64 hex digits.");
/// 400 `auth.invalid_field`: `{field}` holds a control character.
pub const FIELD_CONTROL_CHARACTER: Text = t!(
    "Trường «{field}» có ký tự điều khiển không được phép.",
    "The field «{field}» holds a control character, which is not allowed."
);
/// 429 `rate_limited` on enrolment.
pub const ENROL_RATE_LIMITED: Text = t!(
    "Quá nhiều lượt đăng ký từ địa chỉ này, hãy thử lại sau.",
    "Too many enrolments from this address; try again later."
);
/// 409 `auth.username_taken` on enrolment.
pub const PHONE_TAKEN: Text = t!(
    "Số điện thoại này đã có tài khoản; hãy đăng nhập.",
    "This phone number already has an account; sign in instead."
);
/// 409 `auth.username_taken` when the office adds an account.
pub const USERNAME_TAKEN: Text = t!("Tên đăng nhập đã có.", "This user name is taken.");
/// 404 `not_found`: no account `{name}`.
pub const NO_ACCOUNT: Text = t!("Không có tài khoản «{name}».", "No account «{name}».");
/// 409 `auth.no_password`.
pub const NO_PASSWORD: Text =
    t!("Người vay kích hoạt bằng mã, không dùng mật khẩu.", "Borrowers activate with a code, not a password.");
/// 503 `auth.busy`.
pub const AUTH_BUSY: Text = t!(
    "Máy chủ đang bận kiểm tra đăng nhập, hãy thử lại sau ít phút.",
    "The server is busy checking sign-ins; try again in a few minutes."
);
/// 429 `auth.too_many_attempts`; `{seconds}` until the next attempt.
pub const TOO_MANY_ATTEMPTS: Text = t!(
    "Đăng nhập sai quá nhiều lần; hãy thử lại sau {seconds} giây.",
    "Too many failed sign-in attempts; try again in {seconds} seconds."
);

/// 415 `push.unsupported_encoding`.
pub const UNSUPPORTED_ENCODING: Text = t!(
    "Máy chủ chỉ nhận dữ liệu nén gzip hoặc không nén.",
    "The server takes bodies gzip-compressed or not compressed."
);
/// 413 `push.too_large`.
pub const TOO_LARGE: Text =
    t!("Gói dữ liệu quá lớn; hãy gửi thành nhiều lần.", "The batch is too large; send it in parts.");

/// `mutation.unknown_entity`.
pub const UNKNOWN_ENTITY: Text = t!("Loại dữ liệu không xác định.", "Unknown kind of record.");
/// `mutation.bad_payload`.
pub const BAD_PAYLOAD: Text = t!("Nội dung không hợp lệ.", "The record is not valid.");
/// `mutation.office_record`.
pub const OFFICE_RECORD: Text = t!("Dữ liệu của văn phòng chỉ được xem.", "Office records are read-only.");
/// `mutation.not_owner`.
pub const NOT_OWNER: Text = t!("Bản ghi này thuộc người khác.", "This record belongs to someone else.");
/// `mutation.out_of_scope`.
pub const OUT_OF_SCOPE: Text = t!("Ngoài phạm vi được giao.", "Outside your role or assigned communes.");
/// `mutation.id_mismatch`.
pub const ID_MISMATCH: Text = t!(
    "Mã bản ghi trong nội dung không khớp với mã của thay đổi.",
    "The record's id in its body does not match the change's id."
);
/// `mutation.id_reused`.
pub const ID_REUSED: Text =
    t!("Mã thay đổi đã dùng cho nội dung khác.", "This mutation id was used for other content.");
/// `mutation.other_author`.
pub const OTHER_AUTHOR: Text =
    t!("Chỉ được gửi đánh giá do chính mình viết.", "A review may be sent only by its own author.");
