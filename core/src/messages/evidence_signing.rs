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
