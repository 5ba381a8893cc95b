//! The commune figures page: for each of the province's communes, its loan book (loans, principal outstanding and its
//! growth since a chosen day, the overdue ratio in the bank's bands), its site checks and what they found (misuse of
//! each kind, purpose kept, effectiveness, jobs created and kept) and its workers' registrations. A table a clerk
//! sorts by any column (links, no script) and a bar chart of the communes with the highest overdue ratio.

use std::cmp::Ordering;

use chrono::NaiveDate;
use vieclam_core::checks::checklist::QUESTIONS;
use vieclam_core::checks::minutes_html::escape;
use vieclam_core::format::{Dong, date, money};
use vieclam_core::loans::overdue_band::{OverdueBand, ratio_text};
use vieclam_core::messages::{Text, dashboard as d};

use super::render::{both, both_of, page};

/// One commune's figures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CommuneFigures {
    /// Commune code.
    pub code: String,
    /// Commune name (Xã …, Phường …).
    pub name: String,
    /// Loans held.
    pub loans: u64,
    /// Principal outstanding today.
    pub outstanding: Dong,
    /// Principal outstanding on the chosen earlier day (loans disbursed after it count nothing), when a day is chosen.
    pub outstanding_since: Option<Dong>,
    /// Loans with overdue principal.
    pub overdue_loans: u64,
    /// Overdue principal.
    pub overdue_amount: Dong,
    /// Site checks (the latest revision of each).
    pub checks: u64,
    /// Checks with at least one flag.
    pub flagged_checks: u64,
    /// Checks that answered whether the loan is used for its purpose, and how many said yes.
    pub purpose: (u64, u64),
    /// Checks that judged effectiveness, and how many found the model effective.
    pub effective: (u64, u64),
    /// Checks finding each sign of misuse, in the order of [`misuse_questions`].
    pub misuse: Vec<u64>,
    /// Jobs created, summed over the checks.
    pub jobs_created: u64,
    /// Jobs kept, summed over the checks.
    pub jobs_kept: u64,
    /// Workers' registrations.
    pub registrations: u64,
    /// Job programmes open today in the commune (programmes of work abroad are open to every commune and counted
    /// on `/office/programmes`, not here).
    pub programmes: u64,
}

impl CommuneFigures {
    /// Growth of principal outstanding since the chosen day.
    pub fn growth(&self) -> Option<Dong> {
        self.outstanding_since.map(|s| self.outstanding - s)
    }

    /// The sum of `rows` (the province's, or a plan's communes'), with growth when `with_since`.
    pub fn sum(rows: &[CommuneFigures], with_since: bool) -> CommuneFigures {
        let mut total = CommuneFigures {
            misuse: vec![0; misuse_questions().len()],
            outstanding_since: with_since.then_some(0),
            ..Default::default()
        };
        for r in rows {
            total.loans += r.loans;
            total.outstanding += r.outstanding;
            total.outstanding_since = total.outstanding_since.zip(r.outstanding_since).map(|(a, b)| a + b);
            total.overdue_loans += r.overdue_loans;
            total.overdue_amount += r.overdue_amount;
            total.checks += r.checks;
            total.flagged_checks += r.flagged_checks;
            total.purpose = (total.purpose.0 + r.purpose.0, total.purpose.1 + r.purpose.1);
            total.effective = (total.effective.0 + r.effective.0, total.effective.1 + r.effective.1);
            total.misuse.iter_mut().zip(&r.misuse).for_each(|(t, n)| *t += n);
            total.jobs_created += r.jobs_created;
            total.jobs_kept += r.jobs_kept;
            total.registrations += r.registrations;
            total.programmes += r.programmes;
        }
        total
    }

    /// Checks finding any sign of misuse, counted per sign.
    pub fn misuse_total(&self) -> u64 {
        self.misuse.iter().sum()
    }

    /// The bank's band of this commune's overdue ratio.
    pub fn band(&self) -> OverdueBand {
        OverdueBand::of(self.overdue_amount, self.outstanding)
    }

    /// `overdue / outstanding` compared across communes exactly (cross-multiplied; no floating point).
    fn cmp_ratio(&self, other: &CommuneFigures) -> Ordering {
        let a = i128::from(self.overdue_amount) * i128::from(other.outstanding.max(1));
        let b = i128::from(other.overdue_amount) * i128::from(self.outstanding.max(1));
        a.cmp(&b)
    }
}

/// The checklist's signs of misuse: `(key, Vietnamese, English)`.
pub fn misuse_questions() -> Vec<(&'static str, &'static str, &'static str)> {
    QUESTIONS.iter().filter(|q| q.misuse).map(|q| (q.key, q.prompt.vi, q.prompt.en)).collect()
}

/// The page's query: `?since=YYYY-MM-DD&plan=ID&sort=column&desc=1`.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct CommunesQuery {
    /// The earlier day outstanding grows from; empty for none.
    #[serde(default)]
    pub since: String,
    /// An inspection plan: only its checks (its communes, its days) are counted; empty for every check.
    #[serde(default)]
    pub plan: String,
    /// The column sorted on (see [`COLUMNS`]); empty for the commune's name.
    #[serde(default)]
    pub sort: String,
    /// `1` for largest first.
    #[serde(default)]
    pub desc: String,
}

impl CommunesQuery {
    /// The chosen earlier day, if the text is one.
    pub fn since_day(&self) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(self.since.trim(), "%Y-%m-%d").ok()
    }

    /// The chosen plan's id, if any.
    pub fn plan_id(&self) -> Option<String> {
        Some(self.plan.trim().to_owned()).filter(|p| !p.is_empty())
    }
}

/// The sortable columns: `(key, Vietnamese, English)`.
pub const COLUMNS: &[(&str, Text)] = &[
    ("name", d::COMMUNE),
    ("loans", d::LOANS),
    ("outstanding", d::OUTSTANDING),
    ("growth", d::GROWTH),
    ("overdue", d::OVERDUE),
    ("ratio", d::OVERDUE_RATIO),
    ("checks", d::SITES_CHECKED),
    ("flagged", d::FLAGGED),
    ("purpose", d::PURPOSE_KEPT),
    ("effective", d::EFFECTIVE),
    ("misuse", d::SIGNS_OF_MISUSE),
    ("jobs_created", d::JOBS_CREATED),
    ("jobs_kept", d::JOBS_KEPT),
    ("registrations", d::REGISTRATIONS),
    ("programmes", d::OPEN_PROGRAMMES),
];

/// Sorts `rows` by column `key` (unknown: by name), ties broken by name so the order is stable.
pub fn sort(rows: &mut [CommuneFigures], key: &str, desc: bool) {
    rows.sort_by(|a, b| {
        let by = match key {
            "loans" => a.loans.cmp(&b.loans),
            "outstanding" => a.outstanding.cmp(&b.outstanding),
            "growth" => a.growth().cmp(&b.growth()),
            "overdue" => a.overdue_amount.cmp(&b.overdue_amount),
            "ratio" => a.cmp_ratio(b),
            "checks" => a.checks.cmp(&b.checks),
            "flagged" => a.flagged_checks.cmp(&b.flagged_checks),
            "purpose" => a.purpose.1.cmp(&b.purpose.1),
            "effective" => a.effective.1.cmp(&b.effective.1),
            "misuse" => a.misuse_total().cmp(&b.misuse_total()),
            "jobs_created" => a.jobs_created.cmp(&b.jobs_created),
            "jobs_kept" => a.jobs_kept.cmp(&b.jobs_kept),
            "registrations" => a.registrations.cmp(&b.registrations),
            "programmes" => a.programmes.cmp(&b.programmes),
            _ => Ordering::Equal,
        };
        let by = if desc { by.reverse() } else { by };
        by.then_with(|| a.name.cmp(&b.name))
    });
}

/// The colour of a band in the table and the chart.
fn band_colour(b: OverdueBand) -> &'static str {
    match b {
        OverdueBand::Below2 => "#2e7d32",
        OverdueBand::From2To3 => "#f9a825",
        OverdueBand::From3To4 => "#ef6c00",
        OverdueBand::From4 => "#c62828",
    }
}

/// `n of m` as the minutes write it, `—` when nothing was asked.
fn of(n: u64, m: u64) -> String {
    if m == 0 { "—".to_owned() } else { format!("{n}/{m}") }
}

/// The bar chart of the communes with the highest overdue ratio (at most 15, none without loans).
fn chart(rows: &[CommuneFigures]) -> String {
    let mut worst: Vec<&CommuneFigures> = rows.iter().filter(|r| r.outstanding > 0 && r.overdue_amount > 0).collect();
    worst.sort_by(|a, b| b.cmp_ratio(a).then_with(|| a.name.cmp(&b.name)));
    worst.truncate(15);
    if worst.is_empty() {
        return format!("<p>{}</p>", both(d::NO_OVERDUE_PRINCIPAL));
    }
    let max = worst[0].overdue_amount as f64 / worst[0].outstanding as f64;
    let (bar_h, label_w, bar_w) = (22.0, 180.0, 420.0);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" \
         aria-label=\"{}\">",
        label_w + bar_w + 90.0,
        bar_h * worst.len() as f64 + 4.0,
        escape(&d::HIGHEST_OVERDUE_RATIOS.joined(&[]))
    );
    for (i, r) in worst.iter().enumerate() {
        let y = i as f64 * bar_h + 2.0;
        let w = (r.overdue_amount as f64 / r.outstanding as f64 / max * bar_w).max(1.0);
        svg.push_str(&format!(
            "<text x=\"{:.0}\" y=\"{:.1}\" text-anchor=\"end\">{}</text><rect data-commune=\"{}\" x=\"{label_w}\" \
             y=\"{y:.1}\" width=\"{w:.1}\" height=\"{:.1}\" fill=\"{}\"><title>{}</title></rect>\
             <text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            label_w - 6.0,
            y + 15.0,
            escape(&r.name),
            escape(&r.code),
            bar_h - 6.0,
            band_colour(r.band()),
            escape(r.band().label().vi),
            label_w + w + 6.0,
            y + 15.0,
            ratio_text(r.overdue_amount, r.outstanding)
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// The header cell of column `key`: a link sorting by it, largest first on the first click and reversed on the next.
fn header(q: &CommunesQuery, (key, t): (&str, Text)) -> String {
    let (vi, en) = (t.vi, t.en);
    let current = q.sort == key || (q.sort.is_empty() && key == "name");
    let desc_now = q.desc == "1";
    // Figures read best largest first; names alphabetically.
    let next_desc = if current { !desc_now } else { key != "name" };
    let arrow = if current { if desc_now { " ▼" } else { " ▲" } } else { "" };
    format!(
        "<th><a href=\"/office/communes?since={}&amp;plan={}&amp;sort={key}&amp;desc={}\">{}{arrow}</a></th>",
        escape(&q.since),
        escape(&q.plan),
        u8::from(next_desc),
        both_of(vi, en)
    )
}

/// The page.
pub fn render(rows: &[CommuneFigures], q: &CommunesQuery, today: NaiveDate) -> String {
    let mut rows = rows.to_vec();
    sort(&mut rows, &q.sort, q.desc == "1");
    let since = q.since_day();
    let mut body = format!(
        "<style>.chart{{width:100%;max-width:46rem;font:13px system-ui,sans-serif}}td.n{{text-align:right;\
         white-space:nowrap}}.band{{display:inline-block;width:.7rem;height:.7rem;margin-right:.3rem}}\
         table.communes{{font-size:.9rem}}</style>\
         <form method=\"get\" action=\"/office/communes\" class=\"filters\"><label for=\"since\">{}</label> \
         <input type=\"date\" id=\"since\" name=\"since\" value=\"{}\"><input type=\"hidden\" name=\"plan\" value=\"{}\"><input type=\"hidden\" name=\"sort\" value=\"{}\">\
         <input type=\"hidden\" name=\"desc\" value=\"{}\"> <button type=\"submit\">Xem / Show</button></form>\
         <p>{}: {}{}</p>",
        both(d::OUTSTANDING_GROWTH_SINCE),
        escape(&q.since),
        escape(&q.plan),
        escape(&q.sort),
        escape(&q.desc),
        both(d::FIGURES_AS_OF),
        date(today),
        since.map_or(String::new(), |d| format!(" · {} {}", both(d::AGAINST), date(d)))
    );
    if q.plan_id().is_some() {
        body.push_str(&format!("<p>{}</p>", both(d::PLAN_FILTER_NOTE)));
    }
    body.push_str(&format!("<h2>{}</h2>{}", both(d::HIGHEST_OVERDUE_RATIOS), chart(&rows)));
    body.push_str("<table class=\"communes\"><tr>");
    for c in COLUMNS {
        body.push_str(&header(q, *c));
    }
    body.push_str("</tr>\n");
    let misuse = misuse_questions();
    let total = CommuneFigures::sum(&rows, since.is_some());
    for r in &rows {
        let band = r.band();
        let misuse_title: Vec<String> =
            misuse.iter().zip(&r.misuse).filter(|(_, n)| **n > 0).map(|((_, vi, _), n)| format!("{vi}: {n}")).collect();
        body.push_str(&format!(
            "<tr data-commune=\"{}\"><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\" data-band=\"{}\"><span class=\"band\" style=\"background:{}\" \
             title=\"{}\"></span>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\" title=\"{}\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
            escape(&r.code),
            escape(&r.name),
            r.loans,
            money(r.outstanding),
            r.growth().map_or("—".to_owned(), money),
            money(r.overdue_amount),
            band.code(),
            band_colour(band),
            escape(band.label().vi),
            ratio_text(r.overdue_amount, r.outstanding),
            r.checks,
            r.flagged_checks,
            of(r.purpose.1, r.purpose.0),
            of(r.effective.1, r.effective.0),
            escape(&misuse_title.join("; ")),
            r.misuse_total(),
            r.jobs_created,
            r.jobs_kept,
            r.registrations,
            r.programmes
        ));
    }
    body.push_str(&format!(
        "<tr class=\"total\"><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th>\
         <th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th>\
         <th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th>\
         <th class=\"n\">{}</th></tr></table>",
        both(d::PROVINCE),
        total.loans,
        money(total.outstanding),
        total.growth().map_or("—".to_owned(), money),
        money(total.overdue_amount),
        ratio_text(total.overdue_amount, total.outstanding),
        total.checks,
        total.flagged_checks,
        of(total.purpose.1, total.purpose.0),
        of(total.effective.1, total.effective.0),
        total.misuse_total(),
        total.jobs_created,
        total.jobs_kept,
        total.registrations,
        total.programmes
    ));
    // Misuse by kind, for the communes where any was found.
    let found: Vec<&CommuneFigures> = rows.iter().filter(|r| r.misuse_total() > 0).collect();
    if !found.is_empty() {
        body.push_str(&format!(
            "<h2>{}</h2><table><tr><th>{}</th>",
            both(d::SIGNS_OF_MISUSE_BY_KIND),
            both(d::COMMUNE)
        ));
        for (_, vi, en) in &misuse {
            body.push_str(&format!("<th>{}</th>", both_of(vi, en)));
        }
        body.push_str("</tr>");
        for r in found {
            body.push_str(&format!("<tr><td>{}</td>", escape(&r.name)));
            for n in &r.misuse {
                body.push_str(&format!("<td class=\"n\">{n}</td>"));
            }
            body.push_str("</tr>");
        }
        body.push_str("</table>");
    }
    page(d::FIGURES_BY_COMMUNE, &body)
}
