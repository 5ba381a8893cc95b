//! The import pages as HTML: the upload form, the preview (every bad row, every finding, what would be written) with
//! its confirm button, the result, and a refusal. Plain forms with stable `id`s, no scripts: the office's browser
//! tests drive them by those ids.

use vieclam_core::checks::minutes_html::escape;

use super::stage::StagedFile;
use super::tally::KindTally;
use crate::dashboard::render::{both, page};
use crate::import::RowError;

/// Problems listed on one page at most. A book whose every row is wrong (a wrong export, a date format Excel
/// changed) would otherwise be a page of a million table rows no browser shows; the first ten thousand say what to
/// fix, and the count says how many there are.
pub const MAX_SHOWN: usize = 10_000;

/// The record kinds an import writes, in words.
fn kind_words(kind: &str) -> (&str, &str) {
    match kind {
        "loan_programme" => ("Chương trình cho vay", "Loan programmes"),
        "borrower" => ("Người vay", "Borrowers"),
        "loan" => ("Khoản vay", "Loans"),
        "schedule" => ("Lịch trả nợ", "Repayment schedules"),
        "payment" => ("Lần trả nợ", "Payments"),
        "funded_model" => ("Mô hình được vay vốn", "Funded models"),
        "site" => ("Địa điểm mô hình", "Sites"),
        "savings_group" => ("Tổ TK&VV", "Savings-and-loan groups"),
        "transaction_point" => ("Điểm giao dịch", "Transaction points"),
        other => (other, other),
    }
}

/// `1.234.567` for a count, grouped as the core groups money.
fn n(v: usize) -> String {
    let digits = v.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// The upload form, with a refusal above it when `error` is given (its code, Vietnamese, English).
pub fn form(error: Option<(&str, &str, &str)>, max_bytes: usize) -> String {
    let error = error.map_or(String::new(), |(code, vi, en)| refusal(code, vi, en));
    let mb = max_bytes / (1024 * 1024);
    let body = format!(
        "{error}<p>{}</p><form id=\"import-form\" method=\"post\" action=\"/office/import\" \
         enctype=\"multipart/form-data\" class=\"filters\">\
         <div><label for=\"import-loans\">{}</label><input type=\"file\" id=\"import-loans\" name=\"loans\" required \
         accept=\".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"></div>\
         <div><label for=\"import-payments\">{}</label><input type=\"file\" id=\"import-payments\" name=\"payments\" \
         accept=\".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"></div>\
         <div><label for=\"import-relief\">{}</label><input type=\"file\" id=\"import-relief\" name=\"relief\" \
         accept=\".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"></div>\
         <div><button type=\"submit\" id=\"import-preview\">{}</button></div></form><p><small>{}</small></p>",
        both(
            "Tải lên sao kê của Ngân hàng Chính sách xã hội (Excel .xlsx hoặc CSV UTF-8). Hệ thống kiểm tra từng dòng \
             và cho xem trước; chưa ghi gì cho đến khi bấm «Xác nhận nhập».",
            "Upload the Social Policy Bank's export (Excel .xlsx or CSV UTF-8). Every row is checked and shown first; \
             nothing is written until you press “Confirm import”."
        ),
        both("Danh sách khoản vay (hoặc cả sổ Excel)", "Loan list (or the whole workbook)"),
        both("Lịch sử trả nợ (nếu là tệp riêng)", "Payment history (if a separate file)"),
        both("Xử lý nợ (nếu là tệp riêng)", "Relief events (if a separate file)"),
        both("Xem trước", "Preview"),
        escape(&format!(
            "Tối đa {mb} MB mỗi lần tải (sổ 100.000 khoản vay kèm lịch sử trả nợ khoảng 78 MB CSV). \
             / At most {mb} MB an upload (a book of 100,000 loans with its payments is about 78 MB of CSV)."
        )),
    );
    page("Nhập dữ liệu khoản vay", "Import loans", &body)
}

/// A refusal's paragraph, with its stable code for tests and support.
fn refusal(code: &str, vi: &str, en: &str) -> String {
    format!("<p class=\"flag\" id=\"import-error\" data-code=\"{}\">{}</p>", escape(code), both(vi, en))
}

/// A refused upload or confirmation: why, and the way back to the form.
pub fn refused(code: &str, vi: &str, en: &str) -> String {
    let body = format!(
        "{}<p><a href=\"/office/import\" id=\"import-again\">← Nhập tệp khác / Upload another file</a></p>",
        refusal(code, vi, en)
    );
    page("Chưa nhập", "Not imported", &body)
}

fn problems(id: &str, rows: &[RowError]) -> String {
    let mut t = format!(
        "<table id=\"{id}\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
        both("Bảng", "Table"),
        both("Dòng", "Row"),
        both("Cột", "Column"),
        both("Mã", "Code"),
        both("Lý do", "Reason")
    );
    for r in rows.iter().take(MAX_SHOWN) {
        t.push_str(&format!(
            "<tr data-row=\"{}\" data-column=\"{}\" data-code=\"{}\"><td>{}</td><td>{}</td><td>{}</td>\
             <td><code>{}</code></td><td>{}</td></tr>\n",
            r.row,
            escape(&r.column),
            escape(&r.code),
            escape(&r.table),
            r.row,
            escape(&r.column),
            escape(&r.code),
            both(&r.message_vi, &r.message_en)
        ));
    }
    t.push_str("</table>");
    if rows.len() > MAX_SHOWN {
        t.push_str(&format!(
            "<p>{}</p>",
            both(
                &format!("… và {} dòng nữa không hiện ở đây.", n(rows.len() - MAX_SHOWN)),
                &format!("… and {} more not shown here.", n(rows.len() - MAX_SHOWN))
            )
        ));
    }
    t
}

/// What a preview shows.
pub struct Preview<'a> {
    /// The token to confirm with; `None` when the import is refused (bad rows).
    pub token: Option<&'a str>,
    /// The files read.
    pub files: &'a [StagedFile],
    /// Rows accepted.
    pub accepted_rows: usize,
    /// Every problem of the rejected rows.
    pub rejected: &'a [RowError],
    /// Every finding of the good rows.
    pub findings: &'a [RowError],
    /// What the good rows would write, kind by kind.
    pub tallies: &'a [KindTally],
}

fn counts(tallies: &[KindTally]) -> String {
    let mut t = format!(
        "<table id=\"import-counts\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
        both("Loại", "Kind"),
        both("Tổng", "Total"),
        both("Mới", "New"),
        both("Thay đổi", "Changed"),
        both("Không đổi", "Unchanged")
    );
    for k in tallies {
        let (vi, en) = kind_words(&k.kind);
        t.push_str(&format!(
            "<tr data-kind=\"{}\" data-total=\"{}\" data-new=\"{}\" data-changed=\"{}\" data-unchanged=\"{}\">\
             <td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            escape(&k.kind),
            k.total,
            k.new,
            k.changed,
            k.unchanged(),
            both(vi, en),
            n(k.total),
            n(k.new),
            n(k.changed),
            n(k.unchanged())
        ));
    }
    t.push_str("</table>");
    t
}

fn files(files: &[StagedFile]) -> String {
    let names: Vec<String> = files
        .iter()
        .map(|f| format!("<li>{} ({} byte)</li>", escape(&f.name), n(usize::try_from(f.size).unwrap_or(0))))
        .collect();
    format!("<ul id=\"import-files\">{}</ul>", names.concat())
}

/// The preview: the files, the bad rows (with no confirm button: the file must be fixed), the findings, and what
/// would be written, with the confirm form when nothing was rejected.
pub fn preview(p: &Preview) -> String {
    let mut body = files(p.files);
    body.push_str(&format!(
        "<p id=\"import-summary\" data-accepted=\"{}\" data-rejected=\"{}\">{}</p>",
        p.accepted_rows,
        p.rejected.len(),
        both(
            &format!("{} dòng hợp lệ, {} lỗi.", n(p.accepted_rows), n(p.rejected.len())),
            &format!("{} rows accepted, {} problems.", n(p.accepted_rows), n(p.rejected.len()))
        )
    ));
    if !p.rejected.is_empty() {
        body.push_str(&refusal(
            "import.bad_rows",
            "Chưa nhập gì: tệp còn dòng lỗi. Sửa các dòng dưới đây trong tệp rồi tải lên lại.",
            "Nothing imported: the file has bad rows. Fix the rows below in the file and upload it again.",
        ));
        body.push_str(&format!("<h2>{}</h2>", both("Dòng lỗi", "Bad rows")));
        body.push_str(&problems("import-problems", p.rejected));
    }
    if !p.findings.is_empty() {
        body.push_str(&format!(
            "<h2>{}</h2><p>{}</p>",
            both("Lưu ý", "Findings"),
            both(
                "Các khoản vay này trái bộ quy định đang áp dụng; vẫn nhập đúng như ngân hàng ghi, kèm lưu ý.",
                "These loans break the rule set in force; they are imported as the bank wrote them, with the finding."
            )
        ));
        body.push_str(&problems("import-findings", p.findings));
    }
    body.push_str(&format!("<h2>{}</h2>{}", both("Sẽ ghi vào hệ thống", "What would be written"), counts(p.tallies)));
    match p.token {
        Some(token) => body.push_str(&format!(
            "<form id=\"import-confirm-form\" method=\"post\" action=\"/office/import/confirm\">\
             <input type=\"hidden\" id=\"import-token\" name=\"token\" value=\"{}\">\
             <p><button type=\"submit\" id=\"import-confirm\">Xác nhận nhập / Confirm import</button></p></form>\
             <p><small>{}</small></p>",
            escape(token),
            both("Bản xem trước giữ trong một giờ.", "This preview is kept for one hour.")
        )),
        None => body.push_str(
            "<p><a href=\"/office/import\" id=\"import-again\">← Tải lên tệp đã sửa / Upload the fixed file</a></p>",
        ),
    }
    page("Xem trước khi nhập", "Import preview", &body)
}

/// The result of a confirmed import: what was written, and where to see the book.
pub fn done(files_read: &[StagedFile], accepted_rows: usize, written: usize, tallies: &[KindTally]) -> String {
    let body = format!(
        "{}<p id=\"import-done\" data-rows=\"{accepted_rows}\" data-written=\"{written}\">{}</p>{}\
         <p><a href=\"/office/communes\" id=\"import-communes\">{}</a> · \
         <a href=\"/office/import\" id=\"import-again\">{}</a></p>",
        files(files_read),
        both(
            &format!("Đã nhập {} dòng: ghi {} bản ghi.", n(accepted_rows), n(written)),
            &format!("Imported {} rows: {} records written.", n(accepted_rows), n(written))
        ),
        counts(tallies),
        both("Xem số liệu dư nợ theo xã →", "See the loan book by commune →"),
        both("Nhập tệp khác", "Import another file"),
    );
    page("Đã nhập dữ liệu", "Import done", &body)
}
