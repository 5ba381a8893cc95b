//! The office's import page (`/office/import`): the form, the preview, what was written, and each refusal with the
//! stable code it is answered with. What is wrong with a row or a file is in [`super::import`].

use super::Text;
use crate::t;

/// Server error, nothing imported; try again later.
pub const SERVER_ERROR: Text =
    t!("Lỗi máy chủ, chưa nhập gì; thử lại sau.", "Server error, nothing imported; try again later.");

/// The upload was malformed or cut short; choose the file and send it again.
pub const UPLOAD_MALFORMED: Text = t!(
    "Tải lên bị lỗi hoặc bị ngắt giữa chừng; chọn tệp và gửi lại.",
    "The upload was malformed or cut short; choose the file and send it again."
);

/// Choose one file in each box.
pub const ONE_FILE_PER_BOX: Text = t!("Mỗi ô chỉ chọn một tệp.", "Choose one file in each box.");

/// No loan list file chosen (or the file is empty).
pub const NO_LOAN_LIST_FILE_CHOSEN: Text =
    t!("Chưa chọn tệp danh sách khoản vay (hoặc tệp rỗng).", "No loan list file chosen (or the file is empty).");

/// Send the files with this page's upload form.
pub const USE_THE_UPLOAD_FORM: Text =
    t!("Gửi tệp bằng mẫu tải lên của trang này.", "Send the files with this page's upload form.");

/// No import awaits confirmation under this token (a preview is removed after an hour): upload the file again.
pub const NO_PENDING_IMPORT: Text = t!(
    "Không có bản nhập nào chờ xác nhận với mã này (quá một giờ thì bản xem trước bị xóa): tải tệp lên lại.",
    "No import awaits confirmation under this token (a preview is removed after an hour): upload the file again."
);

/// This preview belongs to another sign-in session: upload the file again in this one.
pub const PREVIEW_OF_ANOTHER_SESSION: Text = t!(
    "Bản xem trước này thuộc phiên đăng nhập khác: tải tệp lên lại trong phiên này.",
    "This preview belongs to another sign-in session: upload the file again in this one."
);

/// The preview is more than an hour old: upload the file again to preview and confirm it.
pub const PREVIEW_EXPIRED: Text = t!(
    "Bản xem trước đã quá một giờ: tải tệp lên lại để xem trước và xác nhận.",
    "The preview is more than an hour old: upload the file again to preview and confirm it."
);

/// The file no longer reads as previewed (the rule sets changed?): nothing imported; upload it again.
pub const FILE_READS_DIFFERENTLY: Text = t!(
    "Kết quả kiểm tra khác với bản xem trước (bộ quy định vừa thay đổi?): chưa nhập gì; tải tệp lên lại.",
    "The file no longer reads as previewed (the rule sets changed?): nothing imported; upload it again."
);

/// This import was confirmed and written already: it is not written again.
pub const ALREADY_IMPORTED: Text = t!(
    "Bản nhập này đã được xác nhận và ghi rồi: không ghi lần nữa.",
    "This import was confirmed and written already: it is not written again."
);

/// This import is being written, or its write was cut short: it is not written again. See the figures by commune;
/// if it is not there, upload the file again.
pub const IMPORT_IN_PROGRESS: Text = t!(
    "Bản nhập này đang được ghi, hoặc đã bị ngắt khi ghi: không ghi lần nữa. Xem số liệu theo xã; nếu chưa có, \
         tải tệp lên lại.",
    "This import is being written, or its write was cut short: it is not written again. See the figures by \
         commune; if it is not there, upload the file again."
);

/// 413 `import.upload_too_large`; `{mb}` the limit in MB.
pub const UPLOAD_TOO_LARGE: Text = t!(
    "Tệp tải lên lớn quá {mb} MB: chưa nhập gì. Tách sổ theo huyện, hoặc lưu dạng .xlsx (nhỏ hơn).",
    "The upload is larger than {mb} MB: nothing imported. Split the book by district, or save it as .xlsx."
);
/// 415 `import.old_xls`.
pub const OLD_XLS: Text = t!(
    "«{name}» là tệp Excel 97–2003 (.xls): mở bằng Excel và lưu lại dạng .xlsx hoặc CSV UTF-8.",
    "“{name}” is an Excel 97–2003 file (.xls): open it in Excel and save it as .xlsx or CSV UTF-8."
);
/// 415 `import.not_spreadsheet`.
pub const NOT_SPREADSHEET: Text = t!(
    "«{name}» không phải bảng tính: chỉ nhận tệp Excel .xlsx hoặc CSV.",
    "“{name}” is not a spreadsheet: only Excel .xlsx or CSV files are taken."
);

/// Loan programmes
pub const LOAN_PROGRAMMES: Text = t!("Chương trình cho vay", "Loan programmes");

/// Borrowers
pub const BORROWERS: Text = t!("Người vay", "Borrowers");

/// Loans
pub const LOANS: Text = t!("Khoản vay", "Loans");

/// Repayment schedules
pub const REPAYMENT_SCHEDULES: Text = t!("Lịch trả nợ", "Repayment schedules");

/// Payments
pub const PAYMENTS: Text = t!("Lần trả nợ", "Payments");

/// Funded models
pub const FUNDED_MODELS: Text = t!("Mô hình được vay vốn", "Funded models");

/// Sites
pub const SITES: Text = t!("Địa điểm mô hình", "Sites");

/// Savings-and-loan groups
pub const SAVINGS_AND_LOAN_GROUPS: Text = t!("Tổ TK&VV", "Savings-and-loan groups");

/// Transaction points
pub const TRANSACTION_POINTS: Text = t!("Điểm giao dịch", "Transaction points");

/// Upload the Social Policy Bank's export (Excel .xlsx or CSV UTF-8). Every row is checked and shown first; nothing is written until you press “Confirm import”.
pub const UPLOAD_INTRO: Text = t!(
    "Tải lên sao kê của Ngân hàng Chính sách xã hội (Excel .xlsx hoặc CSV UTF-8). Hệ thống kiểm tra từng dòng \
             và cho xem trước; chưa ghi gì cho đến khi bấm «Xác nhận nhập».",
    "Upload the Social Policy Bank's export (Excel .xlsx or CSV UTF-8). Every row is checked and shown first; \
             nothing is written until you press “Confirm import”."
);

/// Loan list (or the whole workbook)
pub const LOAN_LIST_FILE: Text = t!("Danh sách khoản vay (hoặc cả sổ Excel)", "Loan list (or the whole workbook)");

/// Payment history (if a separate file)
pub const PAYMENT_HISTORY_FILE: Text = t!("Lịch sử trả nợ (nếu là tệp riêng)", "Payment history (if a separate file)");

/// Relief events (if a separate file)
pub const RELIEF_EVENTS_FILE: Text = t!("Xử lý nợ (nếu là tệp riêng)", "Relief events (if a separate file)");

/// Preview
pub const PREVIEW: Text = t!("Xem trước", "Preview");

/// Import loans
pub const IMPORT_LOANS: Text = t!("Nhập dữ liệu khoản vay", "Import loans");

/// Not imported
pub const NOT_IMPORTED: Text = t!("Chưa nhập", "Not imported");

/// Table
pub const TABLE: Text = t!("Bảng", "Table");

/// Row
pub const ROW: Text = t!("Dòng", "Row");

/// Column
pub const COLUMN: Text = t!("Cột", "Column");

/// Code
pub const CODE: Text = t!("Mã", "Code");

/// Reason
pub const REASON: Text = t!("Lý do", "Reason");

/// Kind
pub const KIND: Text = t!("Loại", "Kind");

/// Total
pub const TOTAL: Text = t!("Tổng", "Total");

/// New
pub const NEW: Text = t!("Mới", "New");

/// Changed
pub const CHANGED: Text = t!("Thay đổi", "Changed");

/// Unchanged
pub const UNCHANGED: Text = t!("Không đổi", "Unchanged");

/// Nothing imported: the file has bad rows. Fix the rows below in the file and upload it again.
pub const NOTHING_IMPORTED_BAD_ROWS: Text = t!(
    "Chưa nhập gì: tệp còn dòng lỗi. Sửa các dòng dưới đây trong tệp rồi tải lên lại.",
    "Nothing imported: the file has bad rows. Fix the rows below in the file and upload it again."
);

/// Bad rows
pub const BAD_ROWS: Text = t!("Dòng lỗi", "Bad rows");

/// Findings
pub const FINDINGS: Text = t!("Lưu ý", "Findings");

/// These loans break the rule set in force; they are imported as the bank wrote them, with the finding.
pub const RULE_BREAKING_LOANS: Text = t!(
    "Các khoản vay này trái bộ quy định đang áp dụng; vẫn nhập đúng như ngân hàng ghi, kèm lưu ý.",
    "These loans break the rule set in force; they are imported as the bank wrote them, with the finding."
);

/// What would be written
pub const WHAT_WOULD_BE_WRITTEN: Text = t!("Sẽ ghi vào hệ thống", "What would be written");

/// This preview is kept for one hour.
pub const PREVIEW_KEPT_AN_HOUR: Text = t!("Bản xem trước giữ trong một giờ.", "This preview is kept for one hour.");

/// Import preview
pub const IMPORT_PREVIEW: Text = t!("Xem trước khi nhập", "Import preview");

/// See the loan book by commune →
pub const SEE_LOAN_BOOK_BY_COMMUNE: Text = t!("Xem số liệu dư nợ theo xã →", "See the loan book by commune →");

/// Import another file
pub const IMPORT_ANOTHER_FILE: Text = t!("Nhập tệp khác", "Import another file");

/// Import done
pub const IMPORT_DONE: Text = t!("Đã nhập dữ liệu", "Import done");

/// Rows past those shown; `{n}` of them.
pub const MORE_NOT_SHOWN: Text = t!("… và {n} dòng nữa không hiện ở đây.", "… and {n} more not shown here.");
/// The preview's summary.
pub const ROWS_ACCEPTED: Text =
    t!("{accepted} dòng hợp lệ, {rejected} lỗi.", "{accepted} rows accepted, {rejected} problems.");
/// What a confirmed import wrote.
pub const IMPORTED_ROWS: Text =
    t!("Đã nhập {rows} dòng: ghi {written} bản ghi.", "Imported {rows} rows: {written} records written.");
/// The upload's limit, under the form.
pub const AT_MOST_MB: Text = t!(
    "Tối đa {mb} MB mỗi lần tải (sổ 100.000 khoản vay kèm lịch sử trả nợ khoảng 78 MB CSV).",
    "At most {mb} MB an upload (a book of 100,000 loans with its payments is about 78 MB of CSV)."
);
/// The way back from a refusal.
pub const UPLOAD_ANOTHER_FILE: Text = t!("Nhập tệp khác", "Upload another file");
/// The way back from a preview with bad rows.
pub const UPLOAD_THE_FIXED_FILE: Text = t!("Tải lên tệp đã sửa", "Upload the fixed file");
/// The confirm button.
pub const CONFIRM_IMPORT: Text = t!("Xác nhận nhập", "Confirm import");
