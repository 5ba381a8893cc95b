//! The pages as HTML strings: pure functions of the view structs, every value escaped, every label in both
//! languages with the clerk's shown (see [`super::lang`]), a little inline CSS and no scripts.

use vieclam_core::checks::minutes_html::escape;
use vieclam_core::format::{date, money};
use vieclam_core::messages::{Lang, Text, dashboard as d};

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

/// A catalogue entry in both languages; the page shows the one the clerk chose (see [`super::lang`]).
pub(crate) fn both(t: Text) -> String {
    both_of(t.vi, t.en)
}

/// A notice page's paragraph: the entry in Vietnamese, a line break, in English.
pub(crate) fn notice(t: Text) -> String {
    format!("<p>{}<br>{}</p>", escape(t.vi), escape(t.en))
}

/// A catalogue entry with placeholders, each filled with its value in both languages, shown like [`both`].
pub(crate) fn both_with(t: Text, args: &[(&str, &str)]) -> String {
    both_of(&t.fill(Lang::Vi, args), &t.fill(Lang::En, args))
}

/// A whole page whose title is an entry with placeholders, each filled with its value in both languages.
pub(crate) fn page_with(title: Text, args: &[(&str, &str)], body: &str) -> String {
    page_of(&title.fill(Lang::Vi, args), &title.fill(Lang::En, args), body)
}

/// A text already in both languages (an error's sentences, an entry filled with values), shown like [`both`].
pub(crate) fn both_of(vi: &str, en: &str) -> String {
    format!("<span class=\"vi\">{}</span><span class=\"en\" lang=\"en\">{}</span>", escape(vi), escape(en))
}

/// A text the views carry as `Vietnamese / English` (verdicts, flags, evidence findings, team functions), shown in
/// the clerk's language like [`both`]; a text without the separator is shown as it is.
pub(crate) fn pair(text: &str) -> String {
    match text.split_once(" / ") {
        Some((vi, en)) => both_of(vi, en),
        None => escape(text),
    }
}

/// A whole page: the navigation, the title, `body`, in the clerk's language.
pub(crate) fn page(title: Text, body: &str) -> String {
    page_of(title.vi, title.en, body)
}

/// A whole page whose title is already in both languages (it names a plan, say), like [`page`].
pub(crate) fn page_of(title_vi: &str, title_en: &str, body: &str) -> String {
    let lang = super::lang::current();
    let title = match lang {
        vieclam_core::messages::Lang::Vi => title_vi,
        vieclam_core::messages::Lang::En => title_en,
    };
    let nav: Vec<String> = [
        ("/office", d::OVERVIEW),
        ("/office/checks", d::CHECKS),
        ("/office/map", d::MAP),
        ("/office/communes", d::NAV_COMMUNE_FIGURES),
        ("/office/plans", d::PLANS),
        ("/office/enterprises", d::ENTERPRISES),
        ("/office/programmes", d::PROGRAMMES),
        ("/office/users", d::ACCOUNTS),
        ("/office/registrations", d::NAV_REGISTRATIONS),
        ("/office/import", d::IMPORT),
    ]
    .iter()
    .map(|(href, t)| {
        let id = if *href == "/office/import" { " id=\"nav-import\"" } else { "" };
        format!("<a href=\"{href}\"{id}>{}</a>", both(*t))
    })
    .collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style>\
         </head><body><nav>{} · <form method=\"post\" action=\"/office/logout\" style=\"display:inline\">\
         <button type=\"submit\">{}</button></form> · {}</nav><h1>{}</h1>\n{body}</body></html>\n",
        super::lang::code(lang),
        escape(title),
        nav.join(" · "),
        both(d::SIGN_OUT),
        super::lang::switch_link(),
        both_of(title_vi, title_en)
    )
}

fn figure(label: Text, value: &str) -> String {
    format!("<div>{}<b>{}</b></div>", both(label), escape(value))
}

/// The front page.
pub fn overview(o: &DashboardOverview) -> String {
    let last = o.last_sync.map_or_else(|| "—".to_owned(), date);
    let body = [
        figure(d::LOANS, &o.loans.to_string()),
        figure(d::OUTSTANDING, &money(o.outstanding)),
        figure(d::OVERDUE_LOANS, &o.overdue.to_string()),
        figure(d::OVERDUE_PRINCIPAL, &money(o.overdue_amount)),
        figure(d::CHECKS_TODAY, &o.checks_today.to_string()),
        figure(d::FLAGGED_CHECKS, &o.flagged_checks.to_string()),
        figure(d::REGISTRATIONS_TO_VERIFY, &o.unverified_registrations.to_string()),
        figure(d::DEVICES, &o.devices.to_string()),
        figure(d::LAST_SYNC, &last),
    ]
    .concat();
    page(d::OVERVIEW, &format!("<section class=\"figures\">{body}</section>"))
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

fn head(cols: &[Text]) -> String {
    let ths: String = cols.iter().map(|t| format!("<th>{}</th>", both(*t))).collect();
    format!("<tr>{ths}</tr>\n")
}

/// The list of site checks with verdict and flags.
pub fn checks(rows: &[CheckRow]) -> String {
    let mut t = String::from("<table>");
    t.push_str(&head(&[d::CODE, d::BORROWER, d::COMMUNE_SHORT, d::DATE, d::VERDICT, d::FLAGS]));
    rows.iter().for_each(|r| t.push_str(&check_row(r)));
    t.push_str("</table>");
    page(d::SITE_CHECKS, &t)
}

/// One check with its answers, photos and evidence status.
pub fn check_detail(d: &CheckDetail) -> String {
    let evidence = if d.evidence_verified {
        both(d::EVIDENCE_SIGNATURE_VERIFIED)
    } else {
        let mut e = format!("<p class=\"flag\">{}</p><ul>", both(d::EVIDENCE_SIGNATURE_DOES_NOT_VERIFY));
        for f in &d.evidence {
            e.push_str(&format!(
                "<li data-evidence=\"{}\">{} <code>{}</code>: {}",
                escape(&f.code),
                escape(&f.kind),
                escape(&f.record_id),
                pair(&f.text)
            ));
            if !f.changed.is_empty() {
                e.push_str(&format!("<table>{}", head(&[d::FIELD, d::AS_SIGNED, d::AS_STORED])));
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
        head(&[d::CODE, d::BORROWER, d::COMMUNE_SHORT, d::DATE, d::VERDICT, d::FLAGS,]),
        check_row(&d.check),
        evidence
    );
    body.push_str(&format!(
        "<table class=\"facts\"><tr><th>{}</th><td>{}</td></tr>",
        both(d::INSPECTOR),
        escape(&d.inspector)
    ));
    if let Some(fix) = d.fix {
        body.push_str(&format!("<tr><th>{}</th><td>{}</td></tr>", both(d::WHERE_THE_INSPECTOR_STOOD), position(fix)));
    }
    body.push_str("</table>");
    body.push_str(&format!("<h2>{}</h2><table class=\"answers\">", both(d::ANSWERS)));
    body.push_str(&head(&[d::QUESTION, d::ANSWER]));
    for a in &d.answers {
        let cls = if a.misuse_found { " class=\"flag\"" } else { "" };
        body.push_str(&format!(
            "<tr><td>{}</td><td{cls}>{}</td></tr>\n",
            both_of(&a.question_vi, &a.question_en),
            if a.answer_vi == a.answer_en { escape(&a.answer_vi) } else { both_of(&a.answer_vi, &a.answer_en) }
        ));
    }
    body.push_str("</table>");
    body.push_str(&super::walk::section(d.walk.as_ref()));
    body.push_str(&format!("<h2>{}</h2><div class=\"photos\">", both(d::PHOTOS)));
    for p in &d.photos {
        body.push_str(&photo(p));
    }
    body.push_str("</div>");
    page(d::CHECK_DETAIL, &body)
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
             alt=\"{}\"></a>",
            escape(&d::PHOTO_TAKEN_AT.joined(&[("at", &p.taken_at)]))
        )
    } else {
        format!("<div class=\"missing\">{}</div>", both(d::NOT_RECEIVED_YET))
    };
    let mut lines = vec![format!("{}: {}", both(d::TAKEN), escape(&p.taken_at))];
    if let Some(fix) = p.fix {
        lines.push(format!("{}: {}", both(d::PHONES_FIX), position(fix)));
    }
    match p.camera_gps {
        Some((lat, lon)) => {
            let gap = p.gps_gap_m.map_or(String::new(), |g| format!(" — {g:.0} m"));
            lines.push(format!("{}: {lat:.5}, {lon:.5}{gap}", both(d::CAMERA_GPS_EXIF)));
        }
        None => lines.push(format!("{}: —", both(d::CAMERA_GPS_EXIF))),
    }
    if let Some(m) = p.delay_min {
        lines.push(format!("{}: {m} {}", both(d::AFTER_THE_START), both(d::MIN)));
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
    t.push_str(&head(&[d::NAME, d::COMMUNE_SHORT, d::COUNTRY_WORKED_IN, d::SUBMITTED, d::NO_HEADING]));
    for r in rows {
        t.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><form method=\"post\" \
             action=\"/office/registrations/{id}/verify\"><button type=\"submit\">{verify}</button></form>\
             <form method=\"post\" action=\"/office/registrations/{id}/reject\" class=\"reject\">\
             <input name=\"reason\" required maxlength=\"500\" aria-label=\"{reason}\" \
             placeholder=\"{reason_hint}\"> <button type=\"submit\">{reject}</button>\
             </form></td></tr>\n",
            escape(&r.full_name),
            escape(&r.commune_name),
            escape(&r.country),
            date(r.submitted_on),
            id = escape(&r.id),
            verify = escape(&d::VERIFY.joined(&[])),
            reason = escape(&d::REJECTION_REASON.joined(&[])),
            reason_hint = escape(&d::REJECTION_REASON_HINT.joined(&[])),
            reject = escape(&d::REJECT.joined(&[])),
        ));
    }
    t.push_str("</table>");
    page(d::REGISTRATIONS_TO_VERIFY, &t)
}

/// A refused form: why, and the way back.
pub fn refused(why: &str) -> String {
    let body = format!(
        "<p class=\"flag\">{}</p><p><a href=\"/office/registrations\">← {}</a></p>",
        escape(why),
        d::BACK.joined(&[])
    );
    page(d::NOT_DONE, &body)
}

/// An import's outcome with every rejected row.
pub fn import_result(r: &ImportResultView) -> String {
    let status =
        if r.applied { both(d::IMPORTED) } else { format!("<p class=\"flag\">{}</p>", both(d::NOT_IMPORTED_BAD_ROWS)) };
    let mut body = format!(
        "<p>{}: {}</p><p>{}: {}</p>{status}<table>",
        both(d::FILE),
        escape(&r.file_name),
        both(d::ROWS_ACCEPTED),
        r.accepted_rows
    );
    body.push_str(&head(&[d::ROW, d::COLUMN, d::REASON]));
    for (row, col, vi, en) in &r.rejected {
        body.push_str(&format!("<tr><td>{row}</td><td>{}</td><td>{}</td></tr>\n", escape(col), both_of(vi, en)));
    }
    body.push_str("</table>");
    page(d::IMPORT_RESULT, &body)
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
    let any = ("".to_owned(), format!("— {} —", d::ALL.joined(&[])));
    let plan_opts =
        options(std::iter::once(any.clone()).chain(plans.iter().map(|p| (p.id.clone(), p.name.clone()))), &q.plan);
    let mut by_name: Vec<_> = vieclam_core::places::communes().iter().collect();
    by_name.sort_by(|a, b| a.short_name.cmp(&b.short_name));
    let commune_opts = options(
        std::iter::once(any.clone()).chain(by_name.iter().map(|c| (c.code.clone(), c.name.clone()))),
        &q.commune,
    );
    let flag_opts = options(
        [any, ("flagged".to_owned(), d::HAS_FLAG.joined(&[])), ("clean".to_owned(), d::NO_FLAG.joined(&[]))],
        &q.flag,
    );
    let form = format!(
        "<form class=\"filters\" method=\"get\" action=\"/office/map\">\
         <div><label for=\"plan\">{}</label><select id=\"plan\" name=\"plan\">{plan_opts}</select></div>\
         <div><label for=\"commune\">{}</label><select id=\"commune\" name=\"commune\">{commune_opts}</select></div>\
         <div><label for=\"from\">{}</label><input type=\"date\" id=\"from\" name=\"from\" value=\"{}\"></div>\
         <div><label for=\"to\">{}</label><input type=\"date\" id=\"to\" name=\"to\" value=\"{}\"></div>\
         <div><label for=\"flag\">{}</label><select id=\"flag\" name=\"flag\">{flag_opts}</select></div>\
         <div><button type=\"submit\">{filter}</button></div></form>",
        both(d::PLAN),
        both(d::COMMUNE_SHORT),
        both(d::FROM_DAY),
        escape(&q.from),
        both(d::TO_DAY),
        escape(&q.to),
        both(d::FLAGS),
        filter = escape(&d::FILTER.joined(&[])),
    );
    let legend = format!(
        "<p class=\"legend\" id=\"shown\" data-shown=\"{}\">{}: {} / {}<span class=\"sw\" style=\"background:#2e7d32\"></span>\
         {}<span class=\"sw\" style=\"background:#f9a825\"></span>{}<span class=\"sw\" style=\"background:#c62828\"></span>{}\
         <span class=\"sw\" style=\"background:#9e9e9e\"></span>{}</p>",
        shown.len(),
        both(d::CHECKS_SHOWN),
        shown.len(),
        points.len(),
        both(d::VERDICT_AT_SITE),
        both(d::NEAR),
        both(d::HAS_FLAGS),
        both(d::NO_VERDICT),
    );
    let body = format!(
        "<style>{}</style>{form}{legend}{}<p><small>{}</small></p>",
        super::map::MAP_STYLE,
        super::map::svg(&shown, &q.commune),
        both(d::MAP_BASE_NOTE)
    );
    page(d::MAP_OF_CHECKS, &body)
}
