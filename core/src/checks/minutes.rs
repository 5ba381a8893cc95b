//! The commune inspection minutes (biên bản kiểm tra) as a screen-shaped record: from the commune's finished checks
//! under a plan (the latest finished revision of each visit) and the team's notes for the commune, what was checked,
//! what was found, the signs of misuse with the borrowers concerned, the opinions heard and the recommendations.
//! [`crate::checks::minutes_html`] prints it.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use crate::checks::checklist::{self, AnswerValue, MODEL_STATES, QUESTIONS};
use crate::checks::findings::{CommuneFindings, findings};
use crate::checks::lifecycle::{answers_of, local_date};
use crate::error::{Error, Result};
use crate::format::{self, Dong};
use crate::messages::{Lang, Text, checks as msg};
use crate::query::{LabeledValue, facts};
use crate::store::Store;

/// One part of the minutes: a heading, label/value items, then lines of text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MinutesSection {
    /// Heading ("I. Nội dung đã kiểm tra").
    pub title: String,
    /// Figures and short facts.
    pub items: Vec<LabeledValue>,
    /// Paragraphs.
    pub lines: Vec<String>,
}

/// The figures behind the text, for the dashboard and for tests.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MinutesFigures {
    /// Visits counted (latest finished revision of each).
    pub checks: u32,
    /// Distinct loans among them.
    pub loans: u32,
    /// Outstanding principal of those loans on the minutes' date.
    pub outstanding: Dong,
    /// Visits where the loan was used for its purpose.
    pub purpose_kept: u32,
    /// Visits that answered the purpose question.
    pub purpose_answered: u32,
    /// Visits per model state, in [`MODEL_STATES`] order: `(state key, count)`.
    pub models_by_state: Vec<(String, u32)>,
    /// Jobs created, summed.
    pub jobs_created: i64,
    /// Jobs kept, summed.
    pub jobs_kept: i64,
    /// Signs of misuse found: `(question key, borrowers' names)`.
    pub misuse: Vec<(String, Vec<String>)>,
}

/// The minutes of one commune under one plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Minutes {
    /// "Biên bản kiểm tra".
    pub title: String,
    /// What the inspection was about, naming the commune.
    pub subject: String,
    /// Commune code.
    pub commune_code: String,
    /// Commune name.
    pub commune_name: String,
    /// Plan, dates, team.
    pub header: Vec<LabeledValue>,
    /// I–V.
    pub sections: Vec<MinutesSection>,
    /// Signature blocks: `(who, hint)`.
    pub signatures: Vec<(String, String)>,
    /// The figures.
    pub figures: MinutesFigures,
    /// The language it is written in.
    pub lang: Lang,
}

struct Visit {
    id: String,
    code: String,
    loan_id: String,
    device_id: String,
    day: Option<NaiveDate>,
    borrower: String,
}

struct Plan {
    code: String,
    title: String,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
}

fn plan(store: &Store, plan_id: &str) -> Result<Plan> {
    let row: Option<(String, String, String, String)> = store
        .conn()
        .query_row("SELECT code, title, starts_on, ends_on FROM inspection_plans WHERE id = ?1", [plan_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?;
    let (code, title, s, e) =
        row.ok_or_else(|| Error::NotFound { entity: "inspection_plan", id: plan_id.to_owned() })?;
    let day = |t: &str| format::parse_date(t).ok_or_else(|| Error::Corrupt(format!("plan date {t}")));
    Ok(Plan { code, title, starts_on: day(&s)?, ends_on: day(&e)? })
}

/// The latest finished revision of each visit in the commune whose start falls within the plan's dates.
fn visits(store: &Store, commune_code: &str, plan: &Plan) -> Result<Vec<Visit>> {
    let mut stmt = store.conn().prepare_cached(
        "SELECT c.id, c.code, c.loan_id, c.device_id, c.started_at, coalesce(b.full_name, '')
         FROM site_checks c
         LEFT JOIN loans l ON l.id = c.loan_id
         LEFT JOIN borrowers b ON b.id = l.borrower_id
         WHERE c.commune_code = ?1 AND c.state = 'finished'
           AND c.revision = (SELECT max(x.revision) FROM site_checks x WHERE x.root_id = c.root_id
                             AND x.state = 'finished')
         ORDER BY c.started_at, c.id",
    )?;
    let rows = stmt.query_map(params![commune_code], |r| {
        Ok(Visit {
            id: r.get(0)?,
            code: r.get(1)?,
            loan_id: r.get(2)?,
            device_id: r.get(3)?,
            day: local_date(&r.get::<_, String>(4)?),
            borrower: r.get(5)?,
        })
    })?;
    let all = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(all.into_iter().filter(|v| v.day.is_some_and(|d| d >= plan.starts_on && d <= plan.ends_on)).collect())
}

/// The minutes of `commune_code` under plan `plan_id`, with outstanding principal as of `on`, in `lang`.
pub fn minutes(store: &Store, commune_code: &str, plan_id: &str, on: NaiveDate, lang: Lang) -> Result<Minutes> {
    let commune = crate::places::commune(commune_code)
        .ok_or_else(|| Error::NotFound { entity: "commune", id: commune_code.to_owned() })?;
    let plan = plan(store, plan_id)?;
    let visits = visits(store, commune_code, &plan)?;
    let notes = findings(store, commune_code, plan_id)?.unwrap_or_default();
    let mut fig = MinutesFigures {
        checks: visits.len() as u32,
        models_by_state: MODEL_STATES.iter().map(|s| (s.key.to_owned(), 0)).collect(),
        misuse: QUESTIONS.iter().filter(|q| q.misuse).map(|q| (q.key.to_owned(), Vec::new())).collect(),
        ..Default::default()
    };
    let loans: BTreeSet<&str> = visits.iter().map(|v| v.loan_id.as_str()).collect();
    fig.loans = loans.len() as u32;
    for loan in &loans {
        // A loan the office no longer sends is not counted rather than failing the whole document.
        match facts::load(store, loan) {
            Ok(f) => fig.outstanding += f.status(on, 0).outstanding,
            Err(Error::NotFound { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    let mut opinions = Vec::new();
    for v in &visits {
        let answers = answers_of(store.conn(), &v.id)?;
        tally(&mut fig, v, &answers);
        let said: Vec<String> = [checklist::BORROWER_OPINIONS, checklist::BORROWER_REQUESTS]
            .iter()
            .filter_map(|k| answers.iter().find(|(key, _)| key == k))
            .filter_map(|(_, a)| match a {
                AnswerValue::Text(t) if !t.trim().is_empty() => Some(t.trim().to_owned()),
                _ => None,
            })
            .collect();
        if !said.is_empty() {
            let who = msg::OPINION_OF.fill(lang, &[("borrower", &v.borrower), ("code", &v.code)]);
            opinions.push(format!("{who}: {}", said.join("; ")));
        }
    }
    let item = |label: Text, value: String| LabeledValue { label: label.get(lang).to_owned(), value };
    let days: Vec<NaiveDate> = visits.iter().filter_map(|v| v.day).collect();
    let (first, last) = match (days.first(), days.last()) {
        (Some(a), Some(b)) => (*a, *b),
        _ => (plan.starts_on, plan.ends_on),
    };
    let dates =
        if first == last { format::date(first) } else { format!("{} – {}", format::date(first), format::date(last)) };
    let devices: BTreeSet<&str> = visits.iter().map(|v| v.device_id.as_str()).collect();
    let header = vec![
        item(msg::PLAN, format!("{} – {}", plan.code, plan.title)),
        item(msg::DATES, dates),
        item(msg::TEAM, devices.into_iter().collect::<Vec<_>>().join(", ")),
    ];
    let sections = sections(&fig, &notes, opinions, on, lang);
    Ok(Minutes {
        title: msg::MINUTES_TITLE.get(lang).to_owned(),
        subject: msg::MINUTES_SUBJECT.fill(lang, &[("commune", &commune.name)]),
        commune_code: commune_code.to_owned(),
        commune_name: commune.name.clone(),
        header,
        sections,
        signatures: [msg::SIGN_TEAM, msg::SIGN_COMMUNE]
            .iter()
            .map(|who| (who.get(lang).to_owned(), msg::SIGN_HINT.get(lang).to_owned()))
            .collect(),
        figures: fig,
        lang,
    })
}

/// Adds one visit's answers to the figures.
fn tally(fig: &mut MinutesFigures, v: &Visit, answers: &[(String, AnswerValue)]) {
    for (key, value) in answers {
        match (key.as_str(), value) {
            (checklist::PURPOSE_KEPT, AnswerValue::YesNo(kept)) => {
                fig.purpose_answered += 1;
                fig.purpose_kept += u32::from(*kept);
            }
            (checklist::MODEL_STATE, AnswerValue::Choice(state)) => {
                if let Some(slot) = fig.models_by_state.iter_mut().find(|(k, _)| k == state) {
                    slot.1 += 1;
                }
            }
            (checklist::JOBS_CREATED, AnswerValue::Number(n)) => fig.jobs_created += *n as i64,
            (checklist::JOBS_KEPT, AnswerValue::Number(n)) => fig.jobs_kept += *n as i64,
            (key, AnswerValue::YesNo(true)) => {
                if let Some(slot) = fig.misuse.iter_mut().find(|(k, _)| k == key) {
                    slot.1.push(format!("{} ({})", v.borrower, v.code));
                }
            }
            _ => {}
        }
    }
}

/// Paragraphs from a multi-line note, blank lines dropped.
fn paragraphs(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

fn sections(
    fig: &MinutesFigures,
    notes: &CommuneFindings,
    opinions: Vec<String>,
    on: NaiveDate,
    lang: Lang,
) -> Vec<MinutesSection> {
    let item = |label: String, value: String| LabeledValue { label, value };
    let t = |text: Text| text.get(lang).to_owned();
    let none = || vec![t(msg::NOTHING_RECORDED)];
    let checked = MinutesSection {
        title: t(msg::SECTION_CHECKED),
        items: vec![
            item(t(msg::CHECKS_MADE), fig.checks.to_string()),
            item(t(msg::LOANS_CHECKED), fig.loans.to_string()),
            item(msg::OUTSTANDING_CHECKED.fill(lang, &[("date", &format::date(on))]), format::money(fig.outstanding)),
        ],
        lines: Vec::new(),
    };
    let mut found_items = vec![item(
        t(msg::PURPOSE_KEPT),
        msg::N_OF_TOTAL
            .fill(lang, &[("n", &fig.purpose_kept.to_string()), ("total", &fig.purpose_answered.to_string())]),
    )];
    for (key, n) in &fig.models_by_state {
        let label = MODEL_STATES.iter().find(|s| s.key == key).map(|s| t(s.label)).unwrap_or_else(|| key.clone());
        found_items.push(item(format!("{} – {label}", t(msg::MODELS_BY_STATE)), n.to_string()));
    }
    found_items.push(item(t(msg::JOBS_CREATED), fig.jobs_created.to_string()));
    found_items.push(item(t(msg::JOBS_KEPT), fig.jobs_kept.to_string()));
    let mut found_lines = paragraphs(&notes.findings);
    if !found_lines.is_empty() {
        found_lines.insert(0, format!("{}:", t(msg::TEAM_FINDINGS)));
    }
    let misuse_items: Vec<LabeledValue> = fig
        .misuse
        .iter()
        .filter(|(_, who)| !who.is_empty())
        .map(|(key, who)| {
            let label = checklist::question(key).map(|q| t(q.prompt)).unwrap_or_else(|| key.clone());
            item(label, who.join(", "))
        })
        .collect();
    let misuse_lines = if misuse_items.is_empty() { vec![t(msg::NO_MISUSE)] } else { Vec::new() };
    let mut opinion_lines = opinions;
    let meeting = paragraphs(&notes.opinions);
    if !meeting.is_empty() {
        opinion_lines.push(format!("{}:", t(msg::MEETING_OPINIONS)));
        opinion_lines.extend(meeting);
    }
    let recommendations = paragraphs(&notes.recommendations);
    vec![
        checked,
        MinutesSection { title: t(msg::SECTION_FOUND), items: found_items, lines: found_lines },
        MinutesSection { title: t(msg::SECTION_MISUSE), items: misuse_items, lines: misuse_lines },
        MinutesSection {
            title: t(msg::SECTION_OPINIONS),
            items: Vec::new(),
            lines: if opinion_lines.is_empty() { none() } else { opinion_lines },
        },
        MinutesSection {
            title: t(msg::SECTION_RECOMMENDATIONS),
            items: Vec::new(),
            lines: if recommendations.is_empty() { none() } else { recommendations },
        },
    ]
}
