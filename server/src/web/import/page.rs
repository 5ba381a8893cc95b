//! The import pages as HTML: the upload form, the preview (every bad row, every finding, what would be written) with
//! its confirm button, the result, and a refusal. Plain forms with stable `id`s, no scripts: the office's browser
//! tests drive them by those ids.

use vieclam_core::checks::minutes_html::escape;
use vieclam_core::messages::{Text, import_page as m};

use super::stage::StagedFile;
use super::tally::KindTally;
use crate::dashboard::render::{both, both_of, both_with, page};
use crate::import::RowError;

/// Problems listed on one page at most. A book whose every row is wrong (a wrong export, a date format Excel
/// changed) would otherwise be a page of a million table rows no browser shows; the first ten thousand say what to
/// fix, and the count says how many there are.
pub const MAX_SHOWN: usize = 10_000;

/// The record kinds an import writes, in words.
fn kind_words(kind: &str) -> (&str, &str) {
    let t = |t: Text| (t.vi, t.en);
    match kind {
        "loan_programme" => t(m::LOAN_PROGRAMMES),
        "borrower" => t(m::BORROWERS),
        "loan" => t(m::LOANS),
        "schedule" => t(m::REPAYMENT_SCHEDULES),
        "payment" => t(m::PAYMENTS),
        "funded_model" => t(m::FUNDED_MODELS),
        "site" => t(m::SITES),
        "savings_group" => t(m::SAVINGS_AND_LOAN_GROUPS),
        "transaction_point" => t(m::TRANSACTION_POINTS),
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
        both(m::UPLOAD_INTRO),
        both(m::LOAN_LIST_FILE),
        both(m::PAYMENT_HISTORY_FILE),
        both(m::RELIEF_EVENTS_FILE),
        both(m::PREVIEW),
        escape(&m::AT_MOST_MB.joined(&[("mb", &mb.to_string())])),
    );
    page(m::IMPORT_LOANS, &body)
}

/// A refusal's paragraph, with its stable code for tests and support.
fn refusal(code: &str, vi: &str, en: &str) -> String {
    format!("<p class=\"flag\" id=\"import-error\" data-code=\"{}\">{}</p>", escape(code), both_of(vi, en))
}

/// A refused upload or confirmation: why, and the way back to the form.
pub fn refused(code: &str, vi: &str, en: &str) -> String {
    let body = format!(
        "{}<p><a href=\"/office/import\" id=\"import-again\">← {}</a></p>",
        refusal(code, vi, en),
        escape(&m::UPLOAD_ANOTHER_FILE.joined(&[]))
    );
    page(m::NOT_IMPORTED, &body)
}

fn problems(id: &str, rows: &[RowError]) -> String {
    let mut t = format!(
        "<table id=\"{id}\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
        both(m::TABLE),
        both(m::ROW),
        both(m::COLUMN),
        both(m::CODE),
        both(m::REASON)
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
            both_of(&r.message_vi, &r.message_en)
        ));
    }
    t.push_str("</table>");
    if rows.len() > MAX_SHOWN {
        t.push_str(&format!("<p>{}</p>", both_with(m::MORE_NOT_SHOWN, &[("n", &n(rows.len() - MAX_SHOWN))])));
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
        both(m::KIND),
        both(m::TOTAL),
        both(m::NEW),
        both(m::CHANGED),
        both(m::UNCHANGED)
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
            both_of(vi, en),
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
        both_with(m::ROWS_ACCEPTED, &[("accepted", &n(p.accepted_rows)), ("rejected", &n(p.rejected.len()))])
    ));
    if !p.rejected.is_empty() {
        let t = m::NOTHING_IMPORTED_BAD_ROWS;
        body.push_str(&refusal("import.bad_rows", t.vi, t.en));
        body.push_str(&format!("<h2>{}</h2>", both(m::BAD_ROWS)));
        body.push_str(&problems("import-problems", p.rejected));
    }
    if !p.findings.is_empty() {
        body.push_str(&format!("<h2>{}</h2><p>{}</p>", both(m::FINDINGS), both(m::RULE_BREAKING_LOANS)));
        body.push_str(&problems("import-findings", p.findings));
    }
    body.push_str(&format!("<h2>{}</h2>{}", both(m::WHAT_WOULD_BE_WRITTEN), counts(p.tallies)));
    match p.token {
        Some(token) => body.push_str(&format!(
            "<form id=\"import-confirm-form\" method=\"post\" action=\"/office/import/confirm\">\
             <input type=\"hidden\" id=\"import-token\" name=\"token\" value=\"{}\">\
             <p><button type=\"submit\" id=\"import-confirm\">{}</button></p></form>\
             <p><small>{}</small></p>",
            escape(token),
            escape(&m::CONFIRM_IMPORT.joined(&[])),
            both(m::PREVIEW_KEPT_AN_HOUR)
        )),
        None => body.push_str(&format!(
            "<p><a href=\"/office/import\" id=\"import-again\">← {}</a></p>",
            escape(&m::UPLOAD_THE_FIXED_FILE.joined(&[]))
        )),
    }
    page(m::IMPORT_PREVIEW, &body)
}

/// The result of a confirmed import: what was written, and where to see the book.
pub fn done(files_read: &[StagedFile], accepted_rows: usize, written: usize, tallies: &[KindTally]) -> String {
    let body = format!(
        "{}<p id=\"import-done\" data-rows=\"{accepted_rows}\" data-written=\"{written}\">{}</p>{}\
         <p><a href=\"/office/communes\" id=\"import-communes\">{}</a> · \
         <a href=\"/office/import\" id=\"import-again\">{}</a></p>",
        files(files_read),
        both_with(m::IMPORTED_ROWS, &[("rows", &n(accepted_rows)), ("written", &n(written))]),
        counts(tallies),
        both(m::SEE_LOAN_BOOK_BY_COMMUNE),
        both(m::IMPORT_ANOTHER_FILE),
    );
    page(m::IMPORT_DONE, &body)
}
