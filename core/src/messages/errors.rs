//! The core's errors as a person reads them ([`crate::Error`]), beside the stable code each is sent with.

use super::Text;
use crate::t;

/// `store.wrong_key`.
pub const WRONG_KEY: Text = t!("Khóa không mở được cơ sở dữ liệu này.", "The key does not open this database.");
/// `store.corrupt`.
pub const CORRUPT: Text = t!(
    "Tệp dữ liệu bị hỏng hoặc bị cắt cụt; không có gì bị thay đổi.",
    "The database file is damaged or truncated; nothing was changed."
);
/// `store.schema_too_new`.
pub const TOO_NEW: Text = t!(
    "Dữ liệu được tạo bởi phiên bản ứng dụng mới hơn; hãy cập nhật ứng dụng.",
    "The data was written by a newer version of the app; please update it."
);
/// `not_found`: `{entity}` and `{id}` are filled in.
pub const NOT_FOUND: Text = t!("Không tìm thấy {entity} {id}.", "{entity} {id} was not found.");
/// `invalid`: `{fields}` lists each problem with its field.
pub const INVALID: Text = t!("Thông tin chưa hợp lệ: {fields}.", "Some details are not valid: {fields}.");
/// `bad_argument`: `{detail}` says what.
pub const BAD_ARGUMENT: Text = t!("Yêu cầu không hợp lệ: {detail}.", "Invalid request: {detail}.");
/// `store.database`: `{detail}` says what.
pub const DATABASE: Text = t!("Lỗi cơ sở dữ liệu: {detail}.", "Database error: {detail}.");
/// `io`: `{detail}` says what.
pub const IO: Text = t!("Lỗi đọc/ghi tệp: {detail}.", "File error: {detail}.");

/// The FFI's store after a call panicked while holding it (its lock is poisoned).
pub const STORE_POISONED: Text = t!(
    "Kho dữ liệu gặp lỗi nội bộ; hãy khởi động lại ứng dụng.",
    "The store hit an internal error; please restart the app."
);
/// A date the app sent over the FFI that is not `yyyy-MM-dd`.
pub const INVALID_DATE: Text =
    t!("Ngày không hợp lệ (cần dạng yyyy-MM-dd).", "The date is not valid (expected yyyy-MM-dd).");
/// A timestamp the app sent over the FFI that is not RFC 3339.
pub const INVALID_TIMESTAMP: Text = t!(
    "Thời điểm không hợp lệ (cần dạng RFC 3339, ví dụ 2025-10-14T08:30:00+07:00).",
    "The timestamp is not valid (expected RFC 3339, e.g. 2025-10-14T08:30:00+07:00)."
);
