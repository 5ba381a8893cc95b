//! The plans page: each inspection plan with its team (by name and role, not device ids), its days, and its
//! progress commune by commune: sites the plan covers, sites checked during its days, sites with a flagged check,
//! and a link to the commune's review page ([`super::review`]).

use chrono::NaiveDate;
use vieclam_core::checks::minutes_html::escape;
use vieclam_core::format::date;
use vieclam_core::messages::{Text, dashboard as d};

use super::render::{both, both_of, page, pair};

/// One commune of a plan and how far the team got there.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanCommune {
    /// Commune code.
    pub code: String,
    /// Commune name.
    pub name: String,
    /// Sites of funded models in the commune.
    pub sites: u64,
    /// Sites checked during the plan's days.
    pub checked: u64,
    /// Sites with a flagged check during the plan's days.
    pub flagged: u64,
}

/// One plan with its team and progress.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanProgress {
    /// Plan id.
    pub id: String,
    /// Plan number.
    pub code: String,
    /// Title.
    pub title: String,
    /// First day of field work.
    pub starts_on: NaiveDate,
    /// Last day of field work.
    pub ends_on: NaiveDate,
    /// The team: each member's name and role in the team.
    pub team: Vec<(String, String)>,
    /// The day the office closed the plan, if it did: its team is no longer assigned to it.
    pub closed_on: Option<NaiveDate>,
    /// Its communes, in the plan's order.
    pub communes: Vec<PlanCommune>,
}

/// What a check contributes to a plan's progress.
#[derive(Clone, Debug)]
pub struct CheckAt {
    /// The site's commune.
    pub commune: String,
    /// Day of the check (Vietnam time).
    pub on: NaiveDate,
    /// The site checked.
    pub site_id: String,
    /// Whether the check carries a flag.
    pub flagged: bool,
}

impl PlanProgress {
    /// Fills each commune's `checked` and `flagged` from `checks`: a site counts once however often it was visited,
    /// and only visits during the plan's days count.
    pub fn tally(&mut self, checks: &[CheckAt]) {
        for c in &mut self.communes {
            let during = |k: &&CheckAt| k.commune == c.code && k.on >= self.starts_on && k.on <= self.ends_on;
            let mut checked: Vec<&str> = checks.iter().filter(during).map(|k| k.site_id.as_str()).collect();
            let mut flagged: Vec<&str> =
                checks.iter().filter(during).filter(|k| k.flagged).map(|k| k.site_id.as_str()).collect();
            checked.sort_unstable();
            checked.dedup();
            flagged.sort_unstable();
            flagged.dedup();
            c.checked = checked.len() as u64;
            c.flagged = flagged.len() as u64;
        }
    }

    /// Where the plan stands on `today`: not started, in the field, or over.
    fn standing(&self, today: NaiveDate) -> Text {
        if self.closed_on.is_some_and(|c| c <= today) {
            d::CLOSED
        } else if today < self.starts_on {
            d::NOT_STARTED
        } else if today > self.ends_on {
            d::OVER
        } else {
            d::IN_THE_FIELD
        }
    }
}

/// A progress bar of `n` of `of`.
fn bar(n: u64, of: u64) -> String {
    let pct = if of == 0 { 0.0 } else { n as f64 * 100.0 / of as f64 };
    format!(
        "<span class=\"bar\" title=\"{n}/{of}\"><span style=\"width:{:.0}%\"></span></span> {:.0}%",
        pct.min(100.0),
        pct
    )
}

/// The page: the plans, newest first.
pub fn render(plans: &[PlanProgress], today: NaiveDate) -> String {
    let mut body = String::from(
        "<style>.bar{display:inline-block;width:8rem;height:.7rem;border:1px solid #888;vertical-align:middle}\
         .bar span{display:block;height:100%;background:#2e7d32}section.plan{margin-bottom:2rem}td.n{text-align:right}\
         </style>",
    );
    body.push_str(&format!("<p><a id=\"plan-new\" href=\"/office/plans/new\">{}</a></p>", both(d::ADD_PLAN)));
    if plans.is_empty() {
        body.push_str(&format!("<p>{}</p>", both(d::NO_INSPECTION_PLAN_YET)));
    }
    for p in plans {
        let Text { vi, en } = p.standing(today);
        let team: Vec<String> =
            p.team.iter().map(|(name, role)| format!("{} ({})", escape(name), pair(role))).collect();
        let id = super::plan_form::id_part(&p.id);
        // A closed plan says when; an open one can be changed or closed (a form POST, like every change).
        let actions = match p.closed_on {
            Some(c) => format!("<p class=\"closed\">{} {}</p>", both(d::CLOSED_ON), date(c)),
            None => format!(
                "<p><a id=\"plan-edit-{id}\" href=\"/office/plans/{}/edit\">{}</a> <form method=\"post\" \
                 action=\"/office/plans/{}/close\" style=\"display:inline\"><button type=\"submit\" \
                 id=\"plan-close-{id}\">{}</button></form></p>",
                escape(&p.id),
                both(d::EDIT),
                escape(&p.id),
                both(d::CLOSE_PLAN),
            ),
        };
        // The report to the province, made fresh from the figures, printable or as files for Word and Excel.
        let actions = format!(
            "{actions}<p class=\"report\"><a id=\"plan-report-{id}\" href=\"/office/plans/{0}/report\">{1}</a> · \
             <a href=\"/office/plans/{0}/report.docx\">Word (.docx)</a> · <a href=\"/office/plans/{0}/report.xlsx\">\
             Excel (.xlsx)</a></p>",
            escape(&p.id),
            both(d::REPORT_TO_THE_PROVINCE),
        );
        body.push_str(&format!(
            "<section class=\"plan\" data-plan=\"{}\" data-code=\"{}\"><h2>{}{}</h2><p>{} {} – {} · {} · {}: {}</p>{actions}\
             <table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
            escape(&p.id),
            escape(&p.code),
            escape(&p.code),
            // A plan made from the command line has its number for a title: say it once.
            if p.title.is_empty() || p.title == p.code { String::new() } else { format!(" — {}", escape(&p.title)) },
            both(d::FROM),
            date(p.starts_on),
            date(p.ends_on),
            both_of(vi, en),
            both(d::TEAM),
            if team.is_empty() { "—".to_owned() } else { team.join(", ") },
            both(d::COMMUNE),
            both(d::SITES),
            both(d::CHECKED),
            both(d::FLAGGED),
            both(d::PROGRESS),
            both(d::COMMUNE_REVIEW),
        ));
        let (mut sites, mut checked, mut flagged) = (0, 0, 0);
        for c in &p.communes {
            body.push_str(&format!(
                "<tr data-commune=\"{}\"><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
                 <td>{}</td><td><a class=\"review\" href=\"{}\">{}</a></td></tr>",
                escape(&c.code),
                escape(&c.name),
                c.sites,
                c.checked,
                c.flagged,
                bar(c.checked, c.sites),
                super::review::href(&p.id, &c.code),
                both_of("Xem", "Open"),
            ));
            (sites, checked, flagged) = (sites + c.sites, checked + c.checked, flagged + c.flagged);
        }
        body.push_str(&format!(
            "<tr class=\"total\"><th>{}</th><th class=\"n\">{sites}</th><th class=\"n\">{checked}</th>\
             <th class=\"n\">{flagged}</th><th>{}</th><th></th></tr></table></section>",
            both(d::TOTAL),
            bar(checked, sites)
        ));
    }
    page(d::INSPECTION_PLANS, &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn a_site_counts_once_and_only_visits_during_the_plan_count() {
        let mut p = PlanProgress {
            starts_on: day(10),
            ends_on: day(20),
            communes: vec![PlanCommune { code: "06040".into(), sites: 4, ..Default::default() }],
            ..Default::default()
        };
        let at = |site: &str, d: u32, flagged: bool| CheckAt {
            commune: "06040".into(),
            on: day(d),
            site_id: site.into(),
            flagged,
        };
        p.tally(&[
            at("s1", 10, false),
            at("s1", 12, true),
            at("s2", 20, false),
            at("s3", 9, true),
            at("s4", 21, false),
            CheckAt { commune: "05977".into(), on: day(15), site_id: "s9".into(), flagged: true },
        ]);
        assert_eq!((p.communes[0].checked, p.communes[0].flagged), (2, 1));
        let html = render(&[p], day(15));
        assert!(
            html.contains("<span class=\"vi\">Đang kiểm tra</span><span class=\"en\" lang=\"en\">In the field</span>")
                && html.contains("title=\"2/4\""),
            "{html}"
        );
        // Each commune row links to its review page.
        assert!(html.contains("<a class=\"review\" href=\"/office/plans//communes/06040/review\">"), "{html}");
    }
}
