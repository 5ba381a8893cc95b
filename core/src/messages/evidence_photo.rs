//! Messages of the evidence photo pipeline, the EXIF reader and the photo store: one entry per stable error code.

use crate::messages::Text;
use crate::t;

/// `photo.not_jpeg`.
pub const PHOTO_NOT_JPEG: Text = t!(
    "Tệp này không phải ảnh JPEG; hãy chụp lại bằng máy ảnh.",
    "This file is not a JPEG photo; please take it again."
);
/// `photo.corrupt`.
pub const PHOTO_CORRUPT: Text = t!(
    "Ảnh bị hỏng hoặc không đọc được; hãy chụp lại.",
    "The photo is damaged or cannot be read; please take it again."
);
/// `photo.too_large`.
pub const PHOTO_TOO_LARGE: Text = t!(
    "Ảnh quá lớn để xử lý trên máy này; hãy chọn độ phân giải máy ảnh thấp hơn.",
    "The photo is too large to process on this device; please choose a lower camera resolution."
);
/// `photo.bad_stamp`.
pub const PHOTO_BAD_STAMP: Text = t!(
    "Không thể đóng dấu ảnh: thông tin vị trí hoặc mã kiểm tra không hợp lệ.",
    "The photo cannot be stamped: the location or the check id is not valid."
);
/// `photo.encode`.
pub const PHOTO_ENCODE: Text = t!(
    "Không lưu được ảnh do lỗi nội bộ; hãy thử lại.",
    "The photo could not be saved because of an internal error; please try again."
);

/// `photo.bad_rotation`.
pub const PHOTO_BAD_ROTATION: Text = t!(
    "Máy ảnh báo góc xoay không hợp lệ (chỉ 0, 90, 180 hoặc 270 độ); hãy chụp lại.",
    "The camera reported an invalid rotation (only 0, 90, 180 or 270 degrees); please take the photo again."
);

/// `exif.not_jpeg`.
pub const EXIF_NOT_JPEG: Text = t!(
    "Tệp này không phải ảnh JPEG nên không có thông tin EXIF.",
    "This file is not a JPEG photo, so it has no EXIF data."
);
/// `exif.malformed`.
pub const EXIF_MALFORMED: Text =
    t!("Thông tin EXIF của ảnh bị hỏng và đã được bỏ qua.", "The photo's EXIF data is damaged and was ignored.");

/// `photo.bad_hash`.
pub const PHOTO_BAD_HASH: Text = t!(
    "Mã băm ảnh không hợp lệ (cần 64 ký tự thập lục phân).",
    "The photo hash is not valid (64 hexadecimal characters expected)."
);
/// `photo.not_found`.
pub const PHOTO_NOT_FOUND: Text = t!("Không tìm thấy ảnh {sha} trên máy.", "Photo {sha} was not found on this device.");
/// `photo.tampered`.
pub const PHOTO_TAMPERED: Text = t!(
    "Tệp ảnh {sha} đã bị thay đổi sau khi lưu; ảnh này không còn là bằng chứng tin cậy.",
    "The file of photo {sha} was changed after it was saved; it is no longer trustworthy evidence."
);
/// `photo.io`.
pub const PHOTO_IO: Text = t!("Lỗi đọc/ghi tệp ảnh: {detail}.", "Photo file error: {detail}.");
