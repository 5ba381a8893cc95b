//! The plan form (new or edit): plan number, title, first and last day, the communes as boxes to tick (wards, then
//! communes, each by name), and the team as one row per inspector with their function in the team, or none. Plain
//! HTML with stable ids, so a person or a browser driven by a test fills it the same way:
//!
//! `plan-form`, `plan-code`, `plan-title`, `plan-starts-on`, `plan-ends-on`, `commune-{code}` (one per commune),
//! `team-{username}` (one select per inspector), `plan-save`.

use vieclam_core::checks::minutes_html::escape;
use vieclam_core::messages::dashboard as d;
use vieclam_core::messages::office;
use vieclam_core::places::{CommuneKind, communes};
use vieclam_core::records::{InspectionPlan, TeamRole};

use super::manage::{date_field, field};
use super::render::{both, both_of, page, page_with};
use crate::error::ApiResult;
use crate::plans::{PlanDraft, TeamPick, refuse};

/// An inspector the team may take.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InspectorOption {
    /// Account id.
    pub id: String,
    /// User name.
    pub username: String,
    /// Full name.
    pub name: String,
    /// A disabled account can be kept out of a team, not put in it.
    pub disabled: bool,
}

/// What the form shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanFormView {
    /// The plan being edited; `None` for a new one.
    pub plan: Option<InspectionPlan>,
    /// Every inspector account, by name.
    pub inspectors: Vec<InspectorOption>,
    /// What the clerk sent, when it was refused: the form shows it again as typed, not the stored plan.
    pub sent: Option<PlanValues>,
    /// Why it was refused: the code, Vietnamese, English.
    pub refusal: Option<(String, String, String)>,
}

/// The values in the form's fields, as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanValues {
    /// Plan number.
    pub code: String,
    /// Title.
    pub title: String,
    /// First day, `YYYY-MM-DD` (what a date input takes).
    pub starts_on: String,
    /// Last day.
    pub ends_on: String,
    /// Commune codes ticked.
    pub communes: Vec<String>,
    /// Each member: account id and function key.
    pub team: Vec<(String, String)>,
}

impl PlanValues {
    /// A stored plan's values.
    pub fn of(p: &InspectionPlan) -> PlanValues {
        PlanValues {
            code: p.code.clone(),
            title: p.title.clone(),
            starts_on: p.starts_on.to_string(),
            ends_on: p.ends_on.to_string(),
            communes: p.commune_codes.clone(),
            team: p.team.iter().map(|m| (m.account_id.clone(), m.role.clone())).collect(),
        }
    }

    /// The values a form sent, as sent.
    pub fn sent(fields: &[(String, String)]) -> PlanValues {
        PlanValues {
            code: field(fields, "code"),
            title: field(fields, "title"),
            starts_on: field(fields, "starts_on"),
            ends_on: field(fields, "ends_on"),
            communes: fields.iter().filter(|(k, _)| k == "commune").map(|(_, v)| v.clone()).collect(),
            team: fields
                .iter()
                .filter_map(|(k, v)| Some((k.strip_prefix(TEAM)?.to_owned(), v.clone())))
                .filter(|(_, v)| !v.trim().is_empty())
                .collect(),
        }
    }
}

/// The prefix of a team field: `team.{account id}` carries that inspector's function (empty: not in the team).
const TEAM: &str = "team.";

/// Reads the form's fields into a draft: `code`, `title`, `starts_on`, `ends_on` (YYYY-MM-DD), `commune` once per
/// commune ticked, `team.{account id}` = a function key or empty. Dates that are not dates and functions that are
/// not functions are refused here; the rest of the rules are the plan's own ([`PlanDraft::checked`]).
pub fn parse(fields: &[(String, String)]) -> ApiResult<PlanDraft> {
    let starts_on = date_field(fields, "starts_on", office::FIRST_DAY)?;
    let ends_on = date_field(fields, "ends_on", office::LAST_DAY)?;
    let mut team = Vec::new();
    for (k, v) in fields {
        let Some(account) = k.strip_prefix(TEAM) else { continue };
        if v.trim().is_empty() {
            continue;
        }
        let Some(role) = TeamRole::parse(v) else {
            return Err(refuse("plan.unknown_role", office::PLAN_FORM_UNKNOWN_ROLE, &[("key", v)]));
        };
        team.push(TeamPick { account: account.to_owned(), role });
    }
    Ok(PlanDraft {
        code: field(fields, "code"),
        title: field(fields, "title"),
        starts_on,
        ends_on,
        communes: fields.iter().filter(|(k, _)| k == "commune").map(|(_, v)| v.clone()).collect(),
        team,
    })
}

/// An id attribute made of `text`: letters, digits, `-` and `_` kept, anything else `_`.
pub fn id_part(text: &str) -> String {
    text.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect()
}

fn commune_boxes(chosen: &[String]) -> String {
    let mut out = String::new();
    for (kind, t) in [(CommuneKind::Ward, d::WARDS), (CommuneKind::Commune, d::COMMUNES_OF_PLAN)] {
        let mut list: Vec<_> = communes().iter().filter(|c| c.kind == kind).collect();
        list.sort_by_cached_key(|c| vieclam_core::fold::fold(&c.short_name));
        out.push_str(&format!("<fieldset class=\"communes\"><legend>{} ({})</legend>", both(t), list.len()));
        for c in list {
            let on = if chosen.contains(&c.code) { " checked" } else { "" };
            out.push_str(&format!(
                "<label><input type=\"checkbox\" id=\"commune-{code}\" name=\"commune\" value=\"{code}\"{on}> {}</label>",
                escape(&c.short_name),
                code = escape(&c.code)
            ));
        }
        out.push_str("</fieldset>");
    }
    out
}

fn team_rows(v: &PlanFormView, values: &PlanValues) -> String {
    let role_of =
        |id: &str| values.team.iter().find(|(account, _)| account == id).and_then(|(_, role)| TeamRole::parse(role));
    let mut out = format!(
        "<table class=\"team\"><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
        both(d::INSPECTOR),
        both(d::USER_NAME),
        both(d::FUNCTION_IN_THE_TEAM)
    );
    for i in &v.inspectors {
        let current = role_of(&i.id);
        // A disabled account is listed only to be taken out of a team it is in.
        let in_team = v.plan.as_ref().is_some_and(|p| p.team.iter().any(|m| m.account_id == i.id));
        if i.disabled && current.is_none() && !in_team {
            continue;
        }
        let mut opts = format!(
            "<option value=\"\"{}>— {} —</option>",
            if current.is_none() { " selected" } else { "" },
            d::NOT_IN_THE_TEAM.joined(&[])
        );
        for r in TeamRole::ALL {
            opts.push_str(&format!(
                "<option value=\"{}\"{}>{} / {}</option>",
                r.key(),
                if current == Some(r) { " selected" } else { "" },
                escape(r.label(vieclam_core::messages::Lang::Vi)),
                escape(r.label(vieclam_core::messages::Lang::En))
            ));
        }
        let state =
            if i.disabled { format!(" <span class=\"flag\">{}</span>", both(d::DISABLED)) } else { String::new() };
        out.push_str(&format!(
            "<tr data-account=\"{}\"><td><label for=\"team-{}\">{}</label>{state}</td><td>{}</td><td><select \
             id=\"team-{}\" name=\"{TEAM}{}\">{opts}</select></td></tr>",
            escape(&i.id),
            id_part(&i.username),
            escape(&i.name),
            escape(&i.username),
            id_part(&i.username),
            escape(&i.id)
        ));
    }
    out.push_str("</table>");
    out
}

/// The page.
pub fn render(v: &PlanFormView) -> String {
    let p = v.plan.as_ref();
    let action = p.map_or_else(|| "/office/plans".to_owned(), |p| format!("/office/plans/{}", p.id));
    let values = v.sent.clone().unwrap_or_else(|| p.map(PlanValues::of).unwrap_or_default());
    // A refused form says why above the fields, which hold what the clerk typed.
    let refusal = v.refusal.as_ref().map_or_else(String::new, |(code, vi, en)| {
        format!(
            "<p class=\"flag\" id=\"refusal\" data-code=\"{}\">{}</p><p>{}</p>",
            escape(code),
            both_of(vi, en),
            both(d::NOTHING_SAVED)
        )
    });
    let body = format!(
        "{refusal}<style>fieldset.communes{{display:flex;flex-wrap:wrap;gap:.2rem 1rem;margin:.8rem 0}}fieldset.communes label\
         {{min-width:10rem}}table.team{{width:auto;margin:.8rem 0}}form.plan input[type=text]{{width:24rem}}</style>\
         <form id=\"plan-form\" class=\"plan\" method=\"post\" action=\"{}\"><div class=\"filters\">\
         <div><label for=\"plan-code\">{}</label><input type=\"text\" id=\"plan-code\" name=\"code\" required \
         maxlength=\"{}\" value=\"{}\" placeholder=\"452/KH-SNV\"></div>\
         <div><label for=\"plan-title\">{}</label><input type=\"text\" id=\"plan-title\" name=\"title\" maxlength=\"{}\" \
         value=\"{}\"></div>\
         <div><label for=\"plan-starts-on\">{}</label><input type=\"date\" id=\"plan-starts-on\" name=\"starts_on\" \
         required value=\"{}\"></div>\
         <div><label for=\"plan-ends-on\">{}</label><input type=\"date\" id=\"plan-ends-on\" name=\"ends_on\" required \
         value=\"{}\"></div></div><h2>{}</h2>{}<h2>{}</h2><p>{}</p>{}\
         <p><button type=\"submit\" id=\"plan-save\">{}</button> <a href=\"/office/plans\">{}</a></p></form>",
        escape(&action),
        both(d::PLAN_NUMBER),
        crate::plans::CODE_MAX_CHARS,
        escape(&values.code),
        both(d::TITLE),
        crate::plans::TITLE_MAX_CHARS,
        escape(&values.title),
        both(d::FIRST_DAY),
        escape(&values.starts_on),
        both(d::LAST_DAY),
        escape(&values.ends_on),
        both(d::INSPECTION_AREA),
        commune_boxes(&values.communes),
        both(d::INSPECTION_TEAM),
        both(d::ONE_TEAM_LEADER),
        team_rows(v, &values),
        escape(&if p.is_some() { d::SAVE_CHANGES } else { d::CREATE_PLAN }.joined(&[])),
        both(d::CANCEL),
    );
    match p {
        Some(p) => page_with(d::EDIT_PLAN, &[("code", &p.code)], &body),
        None => page(d::NEW_PLAN, &body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn the_form_reads_every_commune_and_each_function() {
        let f = form(&[
            ("code", "452/KH-SNV"),
            ("title", "Kiểm tra"),
            ("starts_on", "2026-12-01"),
            ("ends_on", "2026-12-20"),
            ("commune", "06040"),
            ("commune", "05977"),
            ("team.a1", "leader"),
            ("team.a2", ""),
            ("team.a3", "secretary"),
        ]);
        let d = parse(&f).unwrap();
        assert_eq!(d.communes, ["06040", "05977"]);
        let team: Vec<(&str, TeamRole)> = d.team.iter().map(|m| (m.account.as_str(), m.role)).collect();
        assert_eq!(team, [("a1", TeamRole::Leader), ("a3", TeamRole::Secretary)]);
    }

    #[test]
    fn a_date_or_function_that_is_not_one_is_refused() {
        let base = [("code", "1/KH"), ("starts_on", "2026-12-01"), ("ends_on", "2026-12-20")];
        let mut f = form(&base);
        f[1].1 = "01/12/2026".into();
        assert_eq!(parse(&f).unwrap_err().code, "form.date_invalid");
        let mut f = form(&base);
        f.push(("team.a1".into(), "boss".into()));
        assert_eq!(parse(&f).unwrap_err().code, "plan.unknown_role");
    }

    #[test]
    fn every_commune_has_a_box_and_an_inspector_a_select() {
        let v = PlanFormView {
            plan: None,
            inspectors: vec![InspectorOption {
                id: "a1".into(),
                username: "thanhtra1".into(),
                name: "Nguyễn Văn <An>".into(),
                disabled: false,
            }],
            ..Default::default()
        };
        let html = render(&v);
        assert_eq!(html.matches("name=\"commune\"").count(), 65);
        assert!(html.contains("id=\"team-thanhtra1\" name=\"team.a1\""), "{html}");
        assert!(html.contains("Nguyễn Văn &lt;An&gt;"));
    }
}
