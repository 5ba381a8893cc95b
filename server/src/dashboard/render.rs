//! The pages as HTML strings: pure functions of the view structs, every value escaped, every label in both
//! languages with the clerk's shown (see [`super::lang`]), a little inline CSS and no scripts.

use vieclam_core::checks::minutes_html::escape;
use vieclam_core::format::{date, money};

use super::map::{MapPoint, MapQuery, PlanOption};
use super::views::*;

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem;color:#111}\
h1{font-size:1.5rem}html[lang=vi] .en,html[lang=en] .vi{display:none}table{border-collapse:collapse;width:100%}\
td,th{border:1px solid #bbb;padding:.4rem;text-align:left;vertical-align:top}.flag{color:#a00;font-weight:bold}\
.figures{display:flex;flex-wrap:wrap;gap:1rem}.figures div{border:1px solid #bbb;padding:.6rem;min-width:12rem}\
.figures b{display:block;font-size:1.4rem}.filters{display:flex;flex-wrap:wrap;gap:.8rem;align-items:end;\
margin-bottom:.8rem}.filters label{display:block}button{font-size:1rem;padding:.3rem .8rem}h2{font-size:1.2rem}\
.photos{display:flex;flex-wrap:wrap;gap:1rem}.photos figure{margin:0;width:240px;font-size:.85rem}\
form.reject{margin-top:.4rem}form.reject input{width:14rem}.photos img{border:1px solid #888;display:block;height:auto}.missing{width:240px;height:160px;background:#eee;\
display:flex;flex-direction:column;align-items:center;justify-content:center}table.facts{width:auto;margin:1rem 0}\
table.facts th{font-weight:normal;min-width:12rem}";

/// A label in both languages; the page shows the one the clerk chose (see [`super::lang`]).
pub(crate) fn both(vi: &str, en: &str) -> String {
    format!("<span class=\"vi\">{}</span><span class=\"en\" lang=\"en\">{}</span>", escape(vi), escape(en))
}

/// A text the views carry as `Vietnamese / English` (verdicts, flags, evidence findings, team functions), shown in
/// the clerk's language like [`both`]; a text without the separator is shown as it is.
pub(crate) fn pair(text: &str) -> String {
    match text.split_once(" / ") {
        Some((vi, en)) => both(vi, en),
        None => escape(text),
    }
}

/// A whole page: the navigation, the title, `body`, in the clerk's language.
pub(crate) fn page(title_vi: &str, title_en: &str, body: &str) -> String {
    let lang = super::lang::current();
    let title = match lang {
        vieclam_core::messages::Lang::Vi => title_vi,
        vieclam_core::messages::Lang::En => title_en,
    };
    let nav: Vec<String> = [
        ("/office", "Tổng quan", "Overview"),
        ("/office/checks", "Kiểm tra", "Checks"),
        ("/office/map", "Bản đồ", "Map"),
        ("/office/communes", "Số liệu xã", "Communes"),
        ("/office/plans", "Kế hoạch", "Plans"),
        ("/office/enterprises", "Doanh nghiệp", "Enterprises"),
        ("/office/programmes", "Chương trình", "Programmes"),
        ("/office/users", "Tài khoản", "Accounts"),
        ("/office/registrations", "Đăng ký", "Registrations"),
        ("/office/import", "Nhập dữ liệu", "Import"),
    ]
    .iter()
    .map(|(href, vi, en)| {
        let id = if *href == "/office/import" { " id=\"nav-import\"" } else { "" };
        format!("<a href=\"{href}\"{id}>{}</a>", both(vi, en))
    })
    .collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style>\
         </head><body><nav>{} · <form method=\"post\" action=\"/office/logout\" style=\"display:inline\">\
         <button type=\"submit\">{}</button></form> · {}</nav><h1>{}</h1>\n{body}</body></html>\n",
        super::lang::code(lang),
        escape(title),
        nav.join(" · "),
        both("Đăng xuất", "Sign out"),
        super::lang::switch_link(),
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
    let flags: Vec<String> = c.flags.iter().map(|f| format!("<span class=\"flag\">{}</span>", pair(f))).collect();
    format!(
        "<tr><td><a href=\"/office/checks/{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        escape(&c.id),
        escape(&c.code),
        escape(&c.borrower_name),
        escape(&c.commune_name),
        date(c.checked_on),
        pair(&c.verdict),
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
                pair(&f.text)
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
    body.push_str(&format!(
        "<table class=\"facts\"><tr><th>{}</th><td>{}</td></tr>",
        both("Cán bộ kiểm tra", "Inspector"),
        escape(&d.inspector)
    ));
    if let Some(fix) = d.fix {
        body.push_str(&format!(
            "<tr><th>{}</th><td>{}</td></tr>",
            both("Vị trí của cán bộ", "Where the inspector stood"),
            position(fix)
        ));
    }
    body.push_str("</table>");
    body.push_str(&format!("<h2>{}</h2><table class=\"answers\">", both("Câu trả lời", "Answers")));
    body.push_str(&head(&[("Câu hỏi", "Question"), ("Trả lời", "Answer")]));
    for a in &d.answers {
        let cls = if a.misuse_found { " class=\"flag\"" } else { "" };
        body.push_str(&format!(
            "<tr><td>{}</td><td{cls}>{}</td></tr>\n",
            both(&a.question_vi, &a.question_en),
            if a.answer_vi == a.answer_en { escape(&a.answer_vi) } else { both(&a.answer_vi, &a.answer_en) }
        ));
    }
    body.push_str("</table>");
    body.push_str(&super::walk::section(d.walk.as_ref()));
    body.push_str(&format!("<h2>{}</h2><div class=\"photos\">", both("Ảnh hiện trường", "Photos")));
    for p in &d.photos {
        body.push_str(&photo(p));
    }
    body.push_str("</div>");
    page("Chi tiết kiểm tra", "Check detail", &body)
}

/// Latitude, longitude and accuracy as a person reads them: `21,84612, 106,76104 (± 8 m)`.
fn position((lat, lon, accuracy): (f64, f64, f64)) -> String {
    let acc = if accuracy.is_finite() { format!(" (± {accuracy:.0} m)") } else { String::new() };
    format!("{lat:.5}, {lon:.5}{acc}")
}

/// One photo: a thumbnail opening the full picture, and its stamp beneath.
fn photo(p: &PhotoView) -> String {
    let sha = escape(&p.sha256);
    let picture = if p.received {
        format!(
            "<a href=\"/office/photos/{sha}\"><img src=\"/office/photos/{sha}\" loading=\"lazy\" width=\"240\" \
             alt=\"Ảnh {} / Photo {}\"></a>",
            escape(&p.taken_at),
            escape(&p.taken_at)
        )
    } else {
        format!("<div class=\"missing\">{}</div>", both("chưa nhận ảnh", "not received yet"))
    };
    let mut lines = vec![format!("{}: {}", both("Chụp lúc", "Taken"), escape(&p.taken_at))];
    if let Some(fix) = p.fix {
        lines.push(format!("{}: {}", both("Vị trí điện thoại", "Phone's fix"), position(fix)));
    }
    match p.camera_gps {
        Some((lat, lon)) => {
            let gap = p.gps_gap_m.map_or(String::new(), |g| format!(" — {g:.0} m"));
            lines.push(format!("{}: {lat:.5}, {lon:.5}{gap}", both("GPS trong ảnh (EXIF)", "Camera GPS (EXIF)")));
        }
        None => lines.push(format!("{}: —", both("GPS trong ảnh (EXIF)", "Camera GPS (EXIF)"))),
    }
    if let Some(m) = p.delay_min {
        lines.push(format!("{}: {m} {}", both("Sau khi bắt đầu", "After the start"), both("phút", "min")));
    }
    // Characters, not bytes: the hash comes from a client and need not be hex.
    let short: String = p.sha256.chars().take(12).collect();
    lines.push(format!("{} × {} px · <code>{}…</code>", p.size_px.0, p.size_px.1, escape(&short)));
    for f in &p.flags {
        lines.push(format!("<span class=\"flag\">{}</span>", pair(f)));
    }
    format!("<figure>{picture}<figcaption>{}</figcaption></figure>", lines.join("<br>"))
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
             action=\"/office/registrations/{id}/verify\"><button type=\"submit\">Xác minh / Verify</button></form>\
             <form method=\"post\" action=\"/office/registrations/{id}/reject\" class=\"reject\">\
             <input name=\"reason\" required maxlength=\"500\" aria-label=\"Lý do từ chối / Reason\" \
             placeholder=\"Lý do từ chối / Reason for rejecting\"> <button type=\"submit\">Từ chối / Reject</button>\
             </form></td></tr>\n",
            escape(&r.full_name),
            escape(&r.commune_name),
            escape(&r.country),
            date(r.submitted_on),
            id = escape(&r.id)
        ));
    }
    t.push_str("</table>");
    page("Đăng ký chờ xác minh", "Registrations to verify", &t)
}

/// A refused form: why, and the way back.
pub fn refused(why: &str) -> String {
    let body =
        format!("<p class=\"flag\">{}</p><p><a href=\"/office/registrations\">← Quay lại / Back</a></p>", escape(why));
    page("Chưa thực hiện", "Not done", &body)
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

/// `<option>`s with `selected` on the one whose value is `current`.
fn options(items: impl IntoIterator<Item = (String, String)>, current: &str) -> String {
    items
        .into_iter()
        .map(|(value, text)| {
            let on = if value == current { " selected" } else { "" };
            format!("<option value=\"{}\"{on}>{}</option>", escape(&value), escape(&text))
        })
        .collect()
}

/// The map page: the filter form, the province with the checks that pass it, a legend and the count shown.
pub fn map(points: &[MapPoint], q: &MapQuery, plans: &[PlanOption]) -> String {
    let shown: Vec<&MapPoint> = points.iter().filter(|p| q.keeps(p, plans)).collect();
    let any = ("".to_owned(), "— Tất cả / All —".to_owned());
    let plan_opts =
        options(std::iter::once(any.clone()).chain(plans.iter().map(|p| (p.id.clone(), p.name.clone()))), &q.plan);
    let mut by_name: Vec<_> = vieclam_core::places::communes().iter().collect();
    by_name.sort_by(|a, b| a.short_name.cmp(&b.short_name));
    let commune_opts = options(
        std::iter::once(any.clone()).chain(by_name.iter().map(|c| (c.code.clone(), c.name.clone()))),
        &q.commune,
    );
    let flag_opts = options(
        [
            any,
            ("flagged".to_owned(), "Có cờ / Flagged".to_owned()),
            ("clean".to_owned(), "Không có cờ / No flag".to_owned()),
        ],
        &q.flag,
    );
    let form = format!(
        "<form class=\"filters\" method=\"get\" action=\"/office/map\">\
         <div><label for=\"plan\">{}</label><select id=\"plan\" name=\"plan\">{plan_opts}</select></div>\
         <div><label for=\"commune\">{}</label><select id=\"commune\" name=\"commune\">{commune_opts}</select></div>\
         <div><label for=\"from\">{}</label><input type=\"date\" id=\"from\" name=\"from\" value=\"{}\"></div>\
         <div><label for=\"to\">{}</label><input type=\"date\" id=\"to\" name=\"to\" value=\"{}\"></div>\
         <div><label for=\"flag\">{}</label><select id=\"flag\" name=\"flag\">{flag_opts}</select></div>\
         <div><button type=\"submit\">Lọc / Filter</button></div></form>",
        both("Kế hoạch", "Plan"),
        both("Xã", "Commune"),
        both("Từ ngày", "From"),
        escape(&q.from),
        both("Đến ngày", "To"),
        escape(&q.to),
        both("Cờ", "Flags"),
    );
    let legend = format!(
        "<p class=\"legend\" id=\"shown\" data-shown=\"{}\">{}: {} / {}<span class=\"sw\" style=\"background:#2e7d32\"></span>\
         {}<span class=\"sw\" style=\"background:#f9a825\"></span>{}<span class=\"sw\" style=\"background:#c62828\"></span>{}\
         <span class=\"sw\" style=\"background:#9e9e9e\"></span>{}</p>",
        shown.len(),
        both("Số lần kiểm tra trên bản đồ", "Checks shown"),
        shown.len(),
        points.len(),
        both("Tại mô hình", "At the site"),
        both("Ở gần", "Near"),
        both("Có cờ", "Flagged"),
        both("Chưa có kết luận", "No verdict"),
    );
    let body = format!(
        "<style>{}</style>{form}{legend}{}<p><small>{}</small></p>",
        super::map::MAP_STYLE,
        super::map::svg(&shown, &q.commune),
        both(
            "Ranh giới xã theo danh mục 2025 (dữ liệu kèm theo phần mềm), không cần bản đồ nền trực tuyến.",
            "Commune boundaries of the 2025 list, shipped with the software; no online base map needed."
        )
    );
    page("Bản đồ kiểm tra", "Map of checks", &body)
}
