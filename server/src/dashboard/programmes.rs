//! Job programmes: every programme with its kind, sender, country, days and places, a form to publish one, and on
//! each open programme a form to close it on a day. Work abroad is published only through an enterprise whose
//! licence is active and for one of its markets (the rule is `publish`'s, the command line's too). Stable ids:
//! `programme-form`, `programme-title`, `programme-kind`, `programme-description`, `programme-enterprise`,
//! `programme-country`, `programme-commune`, `programme-opens-on`, `programme-closes-on`, `programme-seats`,
//! `programme-publish`; on each open programme `programme-close-on-{id}` and `programme-close-{id}`.

use chrono::NaiveDate;
use vieclam_core::checks::minutes_html::escape;
use vieclam_core::format::date;
use vieclam_core::messages::dashboard as d;
use vieclam_core::messages::{Text, office};
use vieclam_core::records::{JobProgramme, SendingEnterprise};

use super::manage::{date_field, field};
use super::plan_form::id_part;
use super::render::{both, both_of, page};
use crate::enterprises::status_words;
use crate::error::{ApiError, ApiResult};
use crate::publish::NewJobProgramme;

/// The kinds of programme, with their words.
const KINDS: [(&str, Text); 4] = [
    ("domestic_job", d::DOMESTIC_JOB),
    ("training", d::VOCATIONAL_TRAINING),
    ("loan", d::JOB_CREATION_LOAN),
    ("overseas", d::WORK_ABROAD),
];

fn kind_words(key: &str) -> String {
    KINDS.iter().find(|(k, _)| *k == key).map_or_else(|| escape(key), |(_, t)| both(*t))
}

/// Reads the publish form (`title`, `kind`, `description`, `enterprise` id, `country`, `commune` code, `opens_on`,
/// `closes_on`, `seats`; the optional ones may be left empty) into a programme to publish.
pub fn parse(fields: &[(String, String)]) -> ApiResult<NewJobProgramme> {
    let optional = |key: &str| Some(field(fields, key)).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    let day = |key: &str, label: Text| -> ApiResult<Option<NaiveDate>> {
        if optional(key).is_none() { Ok(None) } else { date_field(fields, key, label).map(Some) }
    };
    let seats = match optional("seats") {
        None => None,
        Some(s) => Some(s.parse::<i64>().map_err(|_| {
            crate::plans::refuse("programme.invalid", office::PROGRAMME_SEATS_NOT_NUMBER, &[("value", &s)])
        })?),
    };
    Ok(NewJobProgramme {
        title: field(fields, "title"),
        kind: field(fields, "kind"),
        description: field(fields, "description"),
        country: optional("country"),
        enterprise: optional("enterprise"),
        commune: optional("commune"),
        from: day("opens_on", office::OPENING_DAY)?,
        to: day("closes_on", office::CLOSING_DAY)?,
        seats,
    })
}

/// ` selected` when `value` is what the field `key` of `sent` holds.
fn on(sent: &[(String, String)], key: &str, value: &str) -> &'static str {
    if field(sent, key) == value { " selected" } else { "" }
}

/// The publish form, its fields holding `sent` (what a refused publish sent; empty for a fresh form).
fn form(enterprises: &[SendingEnterprise], sent: &[(String, String)]) -> String {
    let kinds: String = KINDS
        .iter()
        .map(|(k, t)| {
            format!("<option value=\"{k}\"{}>{} / {}</option>", on(sent, "kind", k), escape(t.vi), escape(t.en))
        })
        .collect();
    let mut senders = format!("<option value=\"\">— {} —</option>", d::NONE.joined(&[]));
    for e in enterprises {
        let (vi, en) = status_words(&e.status);
        senders.push_str(&format!(
            "<option value=\"{}\"{}>{} ({}; {} / {})</option>",
            escape(&e.id),
            on(sent, "enterprise", &e.id),
            escape(&e.name),
            escape(&e.markets.join(", ")),
            escape(vi),
            escape(en)
        ));
    }
    let mut markets: Vec<&String> = enterprises.iter().flat_map(|e| &e.markets).collect();
    markets.sort();
    markets.dedup();
    let countries: String = markets.iter().map(|m| format!("<option value=\"{}\">", escape(m))).collect();
    let mut by_name: Vec<_> = vieclam_core::places::communes().iter().collect();
    by_name.sort_by_cached_key(|c| vieclam_core::fold::fold(&c.short_name));
    let communes: String = std::iter::once(format!("<option value=\"\">— {} —</option>", d::NONE.joined(&[])))
        .chain(by_name.iter().map(|c| {
            format!(
                "<option value=\"{}\"{}>{}</option>",
                escape(&c.code),
                on(sent, "commune", &c.code),
                escape(&c.name)
            )
        }))
        .collect();
    format!(
        "<form id=\"programme-form\" method=\"post\" action=\"/office/programmes\" class=\"filters\">\
         <div><label for=\"programme-title\">{}</label><input id=\"programme-title\" name=\"title\" required \
         maxlength=\"300\" size=\"40\" value=\"{}\"></div>\
         <div><label for=\"programme-kind\">{}</label><select id=\"programme-kind\" name=\"kind\">{kinds}</select></div>\
         <div><label for=\"programme-enterprise\">{}</label><select id=\"programme-enterprise\" name=\"enterprise\">\
         {senders}</select></div>\
         <div><label for=\"programme-country\">{}</label><input id=\"programme-country\" name=\"country\" \
         list=\"markets\" maxlength=\"60\" value=\"{}\"><datalist id=\"markets\">{countries}</datalist></div>\
         <div><label for=\"programme-commune\">{}</label><select id=\"programme-commune\" name=\"commune\">{communes}\
         </select></div>\
         <div><label for=\"programme-opens-on\">{}</label><input type=\"date\" id=\"programme-opens-on\" \
         name=\"opens_on\" value=\"{}\"></div>\
         <div><label for=\"programme-closes-on\">{}</label><input type=\"date\" id=\"programme-closes-on\" \
         name=\"closes_on\" value=\"{}\"></div>\
         <div><label for=\"programme-seats\">{}</label><input type=\"number\" id=\"programme-seats\" name=\"seats\" \
         min=\"1\" max=\"1000000\" value=\"{}\"></div>\
         <div><label for=\"programme-description\">{}</label><textarea id=\"programme-description\" \
         name=\"description\" rows=\"2\" cols=\"40\" maxlength=\"5000\">{}</textarea></div>\
         <div><button type=\"submit\" id=\"programme-publish\">{}</button></div></form>",
        both(d::PROGRAMME_TITLE),
        escape(&field(sent, "title")),
        both(d::KIND),
        both(d::ENTERPRISE_ABROAD),
        both(d::DESTINATION_COUNTRY),
        escape(&field(sent, "country")),
        both(d::COMMUNE),
        both(d::OPENS_TODAY_IF_EMPTY),
        escape(&field(sent, "opens_on")),
        both(d::CLOSES),
        escape(&field(sent, "closes_on")),
        both(d::PLACES),
        escape(&field(sent, "seats")),
        both(d::DESCRIPTION),
        escape(&field(sent, "description")),
        both(d::PUBLISH),
    )
}

/// The page: the publish form, then every programme, newest opening first. `sent`: what a refused publish sent and
/// why; the form holds it again, the reason above it.
pub fn render(
    list: &[JobProgramme],
    enterprises: &[SendingEnterprise],
    today: NaiveDate,
    sent: Option<(&[(String, String)], &ApiError)>,
) -> String {
    let mut body = sent.map_or_else(String::new, |(_, e)| {
        format!(
            "<p class=\"flag\" id=\"refusal\" data-code=\"{}\">{}</p><p>{}</p>",
            escape(e.code),
            both_of(&e.vi, &e.en),
            both(d::NOTHING_PUBLISHED)
        )
    });
    body.push_str(&form(enterprises, sent.map_or(&[], |(f, _)| f)));
    body.push_str(&format!(
        "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        both(d::PROGRAMME),
        both(d::KIND),
        both(d::ENTERPRISE),
        both(d::WHERE),
        both(d::DAYS),
        both(d::PLACES),
        both(d::CLOSE),
    ));
    if list.is_empty() {
        body.push_str(&format!("<tr><td colspan=\"7\">{}</td></tr>", both(d::NO_PROGRAMME_YET)));
    }
    for p in list {
        let sender = p.enterprise_id.as_ref().and_then(|id| enterprises.iter().find(|e| &e.id == id));
        let sender = sender.map_or_else(
            || "—".to_owned(),
            |e| {
                let (vi, en) = status_words(&e.status);
                let flag = if e.status == "active" {
                    String::new()
                } else {
                    format!(" <span class=\"flag\">{}</span>", both_of(vi, en))
                };
                format!("{}{flag}", escape(&e.name))
            },
        );
        let place = match (&p.country, &p.commune_code) {
            (Some(c), _) => escape(c),
            (None, Some(code)) => escape(vieclam_core::places::commune(code).map_or(code.as_str(), |c| &c.name)),
            (None, None) => "—".to_owned(),
        };
        let days = format!("{} – {}", date(p.opens_on), p.closes_on.map_or_else(|| "…".to_owned(), date));
        let closed = p.closes_on.is_some_and(|c| c < today);
        let id = id_part(&p.id);
        let close = if closed {
            format!("<span class=\"closed\">{}</span>", both(d::CLOSED))
        } else {
            format!(
                "<form method=\"post\" action=\"/office/programmes/{}/close\"><input type=\"date\" \
                 id=\"programme-close-on-{id}\" name=\"closes_on\" value=\"{today}\" aria-label=\"{}\"> <button \
                 type=\"submit\" id=\"programme-close-{id}\">{}</button></form>",
                escape(&p.id),
                escape(&office::CLOSING_DAY.joined(&[])),
                both(d::CLOSE),
            )
        };
        body.push_str(&format!(
            "<tr data-programme=\"{}\"><td>{}</td><td>{}</td><td>{sender}</td><td>{place}</td><td>{days}</td>\
             <td>{}</td><td>{close}</td></tr>\n",
            escape(&p.id),
            escape(&p.title),
            kind_words(&p.kind),
            p.seats.map_or_else(|| "—".to_owned(), |n| n.to_string()),
        ));
    }
    body.push_str("</table>");
    page(d::JOB_PROGRAMMES, &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn empty_optional_fields_are_none_and_bad_ones_refused() {
        let p = parse(&form(&[
            ("title", "Đi Nhật"),
            ("kind", "overseas"),
            ("enterprise", "e1"),
            ("country", " "),
            ("opens_on", ""),
            ("closes_on", "2027-01-31"),
            ("seats", "40"),
        ]))
        .unwrap();
        assert_eq!((p.enterprise.as_deref(), p.country, p.from), (Some("e1"), None, None));
        assert_eq!((p.to.map(|d| d.to_string()), p.seats), (Some("2027-01-31".into()), Some(40)));
        assert_eq!(parse(&form(&[("seats", "many")])).unwrap_err().code, "programme.invalid");
        assert_eq!(parse(&form(&[("closes_on", "31/01/2027")])).unwrap_err().code, "form.date_invalid");
    }
}
