//! The register of sending enterprises: every enterprise with its licence, status and markets, a form to add one,
//! and a page to change one (status, markets, name, licence). Stable ids: `enterprise-form`, `enterprise-name`,
//! `enterprise-licence`, `enterprise-status`, `enterprise-markets`, `enterprise-save`, and `enterprise-edit-{id}`
//! on each row's link.

use vieclam_core::checks::minutes_html::escape;
use vieclam_core::messages::dashboard as d;
use vieclam_core::records::SendingEnterprise;

use super::manage::field;
use super::plan_form::id_part;
use super::render::{both, both_of, page, page_with};
use crate::enterprises::{EnterpriseDraft, STATUSES, status_words};
use crate::error::ApiError;

/// Reads the form's fields (`name`, `licence_no`, `status`, `markets` as comma-separated text) into a draft.
pub fn parse(fields: &[(String, String)]) -> EnterpriseDraft {
    EnterpriseDraft {
        name: field(fields, "name"),
        licence_no: field(fields, "licence_no"),
        status: field(fields, "status"),
        markets: vec![field(fields, "markets")],
    }
}

/// The values of a stored enterprise, as the form shows them.
fn values_of(e: &SendingEnterprise) -> EnterpriseDraft {
    EnterpriseDraft {
        name: e.name.clone(),
        licence_no: e.licence_no.clone(),
        status: e.status.clone(),
        markets: vec![e.markets.join(", ")],
    }
}

/// Why a form was refused, above the form that holds what the clerk typed.
fn refusal(why: Option<&ApiError>) -> String {
    why.map_or_else(String::new, |e| {
        format!(
            "<p class=\"flag\" id=\"refusal\" data-code=\"{}\">{}</p><p>{}</p>",
            escape(e.code),
            both_of(&e.vi, &e.en),
            both(d::NOTHING_SAVED)
        )
    })
}

/// The form: to add (`id` `None`) or to change the enterprise `id`, filled with `v`.
fn form(id: Option<&str>, v: &EnterpriseDraft) -> String {
    let action = id.map_or_else(|| "/office/enterprises".to_owned(), |id| format!("/office/enterprises/{id}"));
    let current = if v.status.is_empty() { "active" } else { v.status.as_str() };
    let statuses: String = STATUSES
        .iter()
        .map(|(k, t)| {
            let on = if *k == current { " selected" } else { "" };
            format!("<option value=\"{k}\"{on}>{} / {}</option>", escape(t.vi), escape(t.en))
        })
        .collect();
    format!(
        "<form id=\"enterprise-form\" method=\"post\" action=\"{}\" class=\"filters\">\
         <div><label for=\"enterprise-name\">{}</label><input id=\"enterprise-name\" name=\"name\" required \
         maxlength=\"{}\" size=\"40\" value=\"{}\"></div>\
         <div><label for=\"enterprise-licence\">{}</label><input id=\"enterprise-licence\" name=\"licence_no\" required \
         maxlength=\"{}\" value=\"{}\" placeholder=\"{licence_eg}\"></div>\
         <div><label for=\"enterprise-status\">{}</label><select id=\"enterprise-status\" name=\"status\">{statuses}\
         </select></div>\
         <div><label for=\"enterprise-markets\">{}</label><input id=\"enterprise-markets\" name=\"markets\" required \
         size=\"30\" value=\"{}\" placeholder=\"{markets_eg}\"></div>\
         <div><button type=\"submit\" id=\"enterprise-save\">{}</button></div></form>",
        escape(&action),
        both(d::COMPANY_NAME),
        crate::enterprises::NAME_MAX_CHARS,
        escape(&v.name),
        both(d::LICENCE_NUMBER),
        crate::enterprises::LICENCE_MAX_CHARS,
        escape(&v.licence_no),
        both(d::STATUS),
        both(d::MARKETS_FIELD),
        escape(&v.markets.join(", ")),
        if id.is_some() { both(d::SAVE_CHANGES) } else { both(d::ADD_ENTERPRISE) },
        licence_eg = escape(d::LICENCE_EXAMPLE.vi),
        markets_eg = escape(d::MARKETS_EXAMPLE.vi),
    )
}

/// The list page with the add form; `sent`, what a refused add sent and why (the form shows it again).
pub fn render(list: &[SendingEnterprise], sent: Option<(&EnterpriseDraft, &ApiError)>) -> String {
    let mut body = refusal(sent.map(|(_, e)| e));
    body.push_str(&form(None, sent.map_or(&EnterpriseDraft::default(), |(d, _)| d)));
    body.push_str(&format!(
        "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th></th></tr>",
        both(d::ENTERPRISE),
        both(d::LICENCE),
        both(d::STATUS),
        both(d::MARKETS),
    ));
    if list.is_empty() {
        body.push_str(&format!("<tr><td colspan=\"5\">{}</td></tr>", both(d::NO_ENTERPRISE_YET)));
    }
    for e in list {
        let (vi, en) = status_words(&e.status);
        let cls = if e.status == "active" { "" } else { " class=\"flag\"" };
        body.push_str(&format!(
            "<tr data-enterprise=\"{}\"><td>{}</td><td>{}</td><td{cls}>{}</td><td>{}</td><td><a \
             id=\"enterprise-edit-{}\" href=\"/office/enterprises/{}\">{}</a></td></tr>\n",
            escape(&e.id),
            escape(&e.name),
            escape(&e.licence_no),
            both_of(vi, en),
            escape(&e.markets.join(", ")),
            id_part(&e.id),
            escape(&e.id),
            escape(&d::EDIT.joined(&[])),
        ));
    }
    body.push_str("</table>");
    page(d::LICENSED_SENDING_ENTERPRISES, &body)
}

/// The edit page of one enterprise; `sent`, what a refused change sent and why.
pub fn render_edit(e: &SendingEnterprise, sent: Option<(&EnterpriseDraft, &ApiError)>) -> String {
    let stored = values_of(e);
    let body = format!(
        "{}{}<p><a href=\"/office/enterprises\">← {}</a></p>",
        refusal(sent.map(|(_, x)| x)),
        form(Some(&e.id), sent.map_or(&stored, |(d, _)| d)),
        both(d::BACK_TO_LIST)
    );
    page_with(d::EDIT_ENTERPRISE, &[("name", &e.name)], &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_reads_its_fields_and_the_page_escapes_them() {
        let f: Vec<(String, String)> =
            [("name", "A&B"), ("licence_no", "12/GP"), ("status", "active"), ("markets", "Nhật Bản")]
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect();
        let d = parse(&f);
        assert_eq!((d.name.as_str(), d.markets.as_slice()), ("A&B", ["Nhật Bản".to_owned()].as_slice()));
        let e = SendingEnterprise {
            id: "e1".into(),
            name: d.name,
            licence_no: d.licence_no,
            markets: vec!["Nhật Bản".into()],
            status: "suspended".into(),
        };
        let html = render(&[e], None);
        let row = &html[html.find("data-enterprise=\"e1\"").expect("its row")..];
        let row = &row[..row.find("</tr>").expect("its end")];
        assert!(row.contains("A&amp;B") && row.contains("Bị đình chỉ") && row.contains("Suspended"), "{row}");
    }
}
