//! The pages as HTML strings: pure functions of the view structs, every value escaped, Vietnamese first with
//! English beneath, a little inline CSS and no scripts.

use vieclam_core::checks::minutes_html::escape;
use vieclam_core::format::{date, money};

use super::views::*;

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem;color:#111}\
h1{font-size:1.5rem}small.en{display:block;color:#555;font-weight:normal}table{border-collapse:collapse;width:100%}\
td,th{border:1px solid #bbb;padding:.4rem;text-align:left;vertical-align:top}.flag{color:#a00;font-weight:bold}\
.figures{display:flex;flex-wrap:wrap;gap:1rem}.figures div{border:1px solid #bbb;padding:.6rem;min-width:12rem}\
.figures b{display:block;font-size:1.4rem}button{font-size:1rem;padding:.3rem .8rem}";

/// A label in both languages.
fn both(vi: &str, en: &str) -> String {
    format!("{}<small class=\"en\">{}</small>", escape(vi), escape(en))
}

fn page(title_vi: &str, title_en: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{} / {}</title><style>{STYLE}</style>\
         </head><body><nav><a href=\"/office\">Tổng quan</a> · <a href=\"/office/checks\">Kiểm tra</a> · \
         <a href=\"/office/registrations\">Đăng ký</a> · <form method=\"post\" action=\"/office/logout\" \
         style=\"display:inline\"><button type=\"submit\">Đăng xuất / Sign out</button></form></nav><h1>{}</h1>\n{body}</body></html>\n",
        escape(title_vi),
        escape(title_en),
        both(title_vi, title_en)
    )
}

fn figure(vi: &str, en: &str, value: &str) -> String {
    format!("<div>{}<b>{}</b></div>", both(vi, en), escape(value))
}

/// The front page.
pub fn overview(o: &DashboardOverview) -> String {
    let last = o.last_sync.map_or_else(|| "—".to_owned(), date);
    let body = [
        figure("Số khoản vay", "Loans", &o.loans.to_string()),
        figure("Dư nợ", "Outstanding", &money(o.outstanding)),
        figure("Khoản vay quá hạn", "Overdue loans", &o.overdue.to_string()),
        figure("Nợ quá hạn", "Overdue principal", &money(o.overdue_amount)),
        figure("Kiểm tra hôm nay", "Checks today", &o.checks_today.to_string()),
        figure("Kiểm tra bị gắn cờ", "Flagged checks", &o.flagged_checks.to_string()),
        figure("Đăng ký chờ xác minh", "Registrations to verify", &o.unverified_registrations.to_string()),
        figure("Thiết bị", "Devices", &o.devices.to_string()),
        figure("Đồng bộ gần nhất", "Last sync", &last),
    ]
    .concat();
    page("Tổng quan", "Overview", &format!("<section class=\"figures\">{body}</section>"))
}

fn check_row(c: &CheckRow) -> String {
    let flags: Vec<String> = c.flags.iter().map(|f| format!("<span class=\"flag\">{}</span>", escape(f))).collect();
    format!(
        "<tr><td><a href=\"/office/checks/{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        escape(&c.id),
        escape(&c.code),
        escape(&c.borrower_name),
        escape(&c.commune_name),
        date(c.checked_on),
        escape(&c.verdict),
        flags.join("<br>")
    )
}

fn head(cols: &[(&str, &str)]) -> String {
    let ths: String = cols.iter().map(|(vi, en)| format!("<th>{}</th>", both(vi, en))).collect();
    format!("<tr>{ths}</tr>\n")
}

/// The list of site checks with verdict and flags.
pub fn checks(rows: &[CheckRow]) -> String {
    let mut t = String::from("<table>");
    t.push_str(&head(&[
        ("Mã", "Code"),
        ("Người vay", "Borrower"),
        ("Xã", "Commune"),
        ("Ngày", "Date"),
        ("Kết luận", "Verdict"),
        ("Cờ", "Flags"),
    ]));
    rows.iter().for_each(|r| t.push_str(&check_row(r)));
    t.push_str("</table>");
    page("Các lần kiểm tra", "Site checks", &t)
}

/// One check with its answers, photos and evidence status.
pub fn check_detail(d: &CheckDetail) -> String {
    let evidence = if d.evidence_verified {
        both("Chứng cứ đã xác thực chữ ký.", "Evidence signature verified.")
    } else {
        let mut e = format!(
            "<p class=\"flag\">{}</p><ul>",
            both("Chữ ký chứng cứ KHÔNG hợp lệ.", "Evidence signature does NOT verify.")
        );
        for f in &d.evidence {
            e.push_str(&format!(
                "<li data-evidence=\"{}\">{} <code>{}</code>: {}",
                escape(&f.code),
                escape(&f.kind),
                escape(&f.record_id),
                escape(&f.text)
            ));
            if !f.changed.is_empty() {
                e.push_str(&format!(
                    "<table>{}",
                    head(&[("Trường", "Field"), ("Đã ký", "As signed"), ("Đang lưu", "As stored")])
                ));
                for (field, signed, stored) in &f.changed {
                    e.push_str(&format!(
                        "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                        escape(field),
                        escape(signed),
                        escape(stored)
                    ));
                }
                e.push_str("</table>");
            }
            e.push_str("</li>");
        }
        e.push_str("</ul>");
        e
    };
    let mut body = format!(
        "<table>{}{}</table><p>{}</p>",
        head(&[
            ("Mã", "Code"),
            ("Người vay", "Borrower"),
            ("Xã", "Commune"),
            ("Ngày", "Date"),
            ("Kết luận", "Verdict"),
            ("Cờ", "Flags"),
        ]),
        check_row(&d.check),
        evidence
    );
    body.push_str(&format!("<p>{}: {}</p><table>", both("Cán bộ kiểm tra", "Inspector"), escape(&d.inspector)));
    for (q, a) in &d.answers {
        body.push_str(&format!("<tr><td>{}</td><td>{}</td></tr>", escape(q), escape(a)));
    }
    body.push_str("</table><ul>");
    for p in &d.photos {
        let sha = escape(&p.sha256);
        if p.received {
            body.push_str(&format!("<li><a href=\"/office/photos/{sha}\">{sha}</a></li>"));
        } else {
            body.push_str(&format!("<li>{sha} — {}</li>", both("chưa nhận ảnh", "not received yet")));
        }
    }
    body.push_str("</ul>");
    page("Chi tiết kiểm tra", "Check detail", &body)
}

/// Registrations awaiting verification, each with a verify button (a form POST).
pub fn registrations(rows: &[RegistrationRow]) -> String {
    let mut t = String::from("<table>");
    t.push_str(&head(&[
        ("Họ và tên", "Name"),
        ("Xã", "Commune"),
        ("Nước đã làm việc", "Country"),
        ("Ngày gửi", "Submitted"),
        ("", ""),
    ]));
    for r in rows {
        t.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><form method=\"post\" \
             action=\"/office/registrations/{}/verify\"><button type=\"submit\">Xác minh / Verify</button></form></td></tr>\n",
            escape(&r.full_name),
            escape(&r.commune_name),
            escape(&r.country),
            date(r.submitted_on),
            escape(&r.id)
        ));
    }
    t.push_str("</table>");
    page("Đăng ký chờ xác minh", "Registrations to verify", &t)
}

/// An import's outcome with every rejected row.
pub fn import_result(r: &ImportResultView) -> String {
    let status = if r.applied {
        both("Đã nhập vào hệ thống.", "Imported.")
    } else {
        format!("<p class=\"flag\">{}</p>", both("Chưa nhập: còn dòng lỗi.", "Not imported: some rows are bad."))
    };
    let mut body = format!(
        "<p>{}: {}</p><p>{}: {}</p>{status}<table>",
        both("Tệp", "File"),
        escape(&r.file_name),
        both("Số dòng hợp lệ", "Rows accepted"),
        r.accepted_rows
    );
    body.push_str(&head(&[("Dòng", "Row"), ("Cột", "Column"), ("Lý do", "Reason")]));
    for (row, col, vi, en) in &r.rejected {
        body.push_str(&format!("<tr><td>{row}</td><td>{}</td><td>{}</td></tr>\n", escape(col), both(vi, en)));
    }
    body.push_str("</table>");
    page("Kết quả nhập dữ liệu", "Import result", &body)
}
