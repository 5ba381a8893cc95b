//! Messages of evidence verification: what each problem the verifier finds in a device's signed chain means, for
//! the inspector's phone, the office dashboard and the CLI alike.

use crate::messages::Text;
use crate::t;

/// `bad_encoding`.
pub const BAD_ENCODING: Text = t!(
    "Dữ liệu chữ ký, mã băm hoặc nội dung không đọc được đúng định dạng.",
    "The signature, hash or content data is not in a readable form."
);
/// `body_hash_mismatch`.
pub const BODY_HASH_MISMATCH: Text = t!(
    "Nội dung bản ghi đã bị thay đổi sau khi ký (mã băm nội dung không khớp).",
    "The record's content was changed after it was signed (its content hash does not match)."
);
/// `link_hash_mismatch`.
pub const LINK_HASH_MISMATCH: Text = t!(
    "Thông tin mắt xích đã bị thay đổi sau khi ký (mã băm mắt xích không khớp).",
    "The link's details were changed after it was signed (its link hash does not match)."
);
/// `bad_signature`.
pub const BAD_SIGNATURE: Text = t!(
    "Chữ ký không hợp lệ hoặc không phải do thiết bị này ký.",
    "The signature is not valid or was not made by this device."
);
/// `out_of_order`.
pub const OUT_OF_ORDER: Text =
    t!("Bản ghi nằm sai thứ tự hoặc bị lặp lại trong chuỗi.", "The record is out of order or repeated in the chain.");
/// `missing_link`.
pub const MISSING_LINK: Text = t!(
    "Chuỗi bị đứt: thiếu bản ghi trước đó hoặc bản ghi không nối với bản ghi trước.",
    "The chain is broken: a record before this one is missing or does not link to it."
);

/// One problem at one link: `{seq}` is the link's number, `{problem}` one of the entries above.
pub const AT_LINK: Text = t!("Mắt xích số {seq}: {problem}", "Link {seq}: {problem}");
/// A whole chain that verified.
pub const CHAIN_OK: Text = t!(
    "Chuỗi bằng chứng nguyên vẹn: đã kiểm tra {checked} bản ghi.",
    "The evidence chain is intact: {checked} records checked."
);
/// A chain with problems.
pub const CHAIN_BROKEN: Text = t!(
    "Chuỗi bằng chứng có {count} lỗi trong {checked} bản ghi đã kiểm tra.",
    "The evidence chain has {count} problems in {checked} records checked."
);

/// The device has no signing identity yet (the apps make it at sign-in and before the first check).
pub const NOT_ENROLLED: Text = t!(
    "Thiết bị này chưa có khóa ký chứng cứ; hãy đăng nhập lại rồi thử lại.",
    "This device has no evidence signing key yet; sign in again and retry."
);

/// `evidence.verified`: a stored record is exactly what its author's device signed.
pub const BINDING_VERIFIED: Text = t!(
    "Đã xác thực: nội dung lưu đúng như thiết bị của người lập đã ký.",
    "Verified: the stored content is exactly what the author's device signed."
);
/// `evidence.unsigned`.
pub const BINDING_UNSIGNED: Text = t!(
    "Chưa có chữ ký: bản ghi không dẫn tới mắt xích ký nào máy chủ đang giữ.",
    "Unsigned: the record names no signed link the server holds."
);
/// `evidence.other_device`.
pub const BINDING_OTHER_DEVICE: Text = t!(
    "Được ký bởi thiết bị khác, không phải thiết bị của người lập bản ghi.",
    "Signed by another device, not the author's own."
);
/// `evidence.wrong_record`.
pub const BINDING_WRONG_RECORD: Text = t!(
    "Chữ ký thuộc về một bản ghi khác, không phải bản ghi này.",
    "The signature belongs to another record, not this one."
);
/// `evidence.link_problem`.
pub const BINDING_LINK_PROBLEM: Text = t!(
    "Mắt xích ký bản ghi này không qua được kiểm tra chuỗi chữ ký.",
    "The link that signs this record failed the chain's verification."
);
/// `evidence.changed_after_signing`.
pub const BINDING_CHANGED: Text = t!(
    "Đã bị thay đổi sau khi ký: nội dung lưu khác với nội dung đã ký (giữ cả hai bản).",
    "Changed after signing: the stored content differs from what was signed (both versions kept)."
);
/// `evidence.superseded`.
pub const BINDING_SUPERSEDED: Text = t!(
    "Là bản cũ: thiết bị đã ký một trạng thái mới hơn của bản ghi này (gửi lại bản cũ, hoặc bản mới chưa tới).",
    "An old state: the device has signed a later state of this record since (an old one sent again, or the later one \
     has not arrived)."
);
