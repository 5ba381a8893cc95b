//! What the photo uploads (tus, `/v1/uploads`) answer in an error body, beside the stable code each is sent with.

use super::Text;
use crate::t;

/// 412 `upload.unsupported_version`.
pub const UNSUPPORTED_VERSION: Text = t!("Phiên bản tus không được hỗ trợ.", "Unsupported tus version.");
/// 400 with the header's own `upload.*` code.
pub const BAD_REQUEST: Text = t!("Yêu cầu tải ảnh không hợp lệ.", "The upload request is malformed.");
/// 400 `upload.incomplete_body`.
pub const INCOMPLETE_BODY: Text =
    t!("Dữ liệu gửi lên bị ngắt giữa chừng; hãy gửi lại.", "The data was cut off; send it again.");
/// 413 `upload.too_large`.
pub const TOO_LARGE: Text = t!("Ảnh lớn quá giới hạn.", "The photo is larger than allowed.");
/// 415 `upload.content_type`.
pub const CONTENT_TYPE: Text =
    t!("Nội dung phải là application/offset+octet-stream.", "The body must be application/offset+octet-stream.");
/// 409 `upload.offset_mismatch`.
pub const OFFSET_MISMATCH: Text =
    t!("Vị trí tải tiếp không khớp; hãy hỏi lại vị trí.", "The upload offset does not match; ask for it again.");
/// 460 `upload.checksum_mismatch`.
pub const CHECKSUM_MISMATCH: Text =
    t!("Dữ liệu bị hỏng trên đường truyền; hãy gửi lại.", "The data was damaged in transit; send it again.");
/// 403 `scope.forbidden`.
pub const FORBIDDEN: Text = t!("Bạn không có quyền với ảnh này.", "You have no access to this photo.");
/// 401 `auth.missing_token`.
pub const SIGN_IN_REQUIRED: Text = t!("Cần đăng nhập.", "Sign-in required.");
/// 422 `photo.hash_mismatch`.
pub const HASH_MISMATCH: Text =
    t!("Ảnh nhận được không khớp mã băm đã khai.", "The photo received does not match its announced hash.");
/// 422 `photo.unknown_record`.
pub const UNKNOWN_RECORD: Text = t!("Chưa có bản ghi ảnh nào nêu mã băm này.", "No photo record names this hash.");
/// 422 `photo.bad_signature`.
pub const BAD_SIGNATURE: Text =
    t!("Chữ ký của bản ghi ảnh không hợp lệ.", "The photo record's signature does not verify.");
/// 503 `storage.unavailable`.
pub const STORAGE_UNAVAILABLE: Text =
    t!("Máy chủ tạm thời lỗi lưu trữ; thử lại sau.", "Storage is unavailable; try again later.");
