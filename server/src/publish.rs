//! What the office publishes from the command line: a bank export of loans (`import loans`), applied in one
//! transaction only when every row is good or the office chose to skip the bad ones, and job programmes
//! (`programmes add`). Errors are one sentence, Vietnamese then English.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use vieclam_core::fold::fold;
use vieclam_core::messages::{Text, office as m};
use vieclam_core::records::{JobProgramme, SendingEnterprise};
use vieclam_core::store::office::OfficeBatch;

use crate::admin::AdminResult;
use crate::db::Db;
use crate::error::{ApiError, ApiResult};
use crate::import::{self, RowError};
use crate::store::records;
use crate::work;

/// What an import did.
#[derive(Clone, Debug)]
pub struct ImportOutcome {
    /// Every rejected row, in file order.
    pub rejected: Vec<RowError>,
    /// What good rows break of their rule set (imported all the same, each finding kept on its loan).
    pub findings: Vec<RowError>,
    /// Rows that became records.
    pub accepted_rows: usize,
    /// Records written, when the batch was applied; `None` when rows were rejected and nothing was written.
    pub applied: Option<usize>,
}

/// Reads the export in `paths` (CSV or XLSX files: the loan list with its payment history and relief events) as
/// of `today` and applies it in one transaction when nothing was rejected or `skip_bad_rows` is set.
pub async fn import_loans(
    db: &Db,
    paths: &[PathBuf],
    today: NaiveDate,
    skip_bad_rows: bool,
) -> AdminResult<ImportOutcome> {
    let files = paths.to_vec();
    let sets = crate::rules::list(db).await?;
    // Reading a large spreadsheet is CPU work: keep it off the async threads.
    let read = tokio::task::spawn_blocking(move || {
        let refs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
        import::read_loan_files(&refs, today, &sets)
    })
    .await
    .map_err(|e| e.to_string())?;
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let read = read.map_err(|e| {
        format!(
            "{}: {} / {}",
            names.join(", "),
            e.message(vieclam_core::messages::Lang::Vi),
            e.message(vieclam_core::messages::Lang::En)
        )
    })?;
    let applied = if read.rejected.is_empty() || skip_bad_rows {
        Some(db.apply_office_batch(&read.batch).await.map_err(|e| format!("{} / {}", e.vi, e.en))?)
    } else {
        None
    };
    Ok(ImportOutcome { rejected: read.rejected, findings: read.findings, accepted_rows: read.accepted_rows, applied })
}

/// A job programme as the office describes it on the command line.
#[derive(Clone, Debug, Default)]
pub struct NewJobProgramme {
    /// Title.
    pub title: String,
    /// `domestic_job`, `training`, `loan` or `overseas`.
    pub kind: String,
    /// What it offers.
    pub description: String,
    /// For work abroad: the country.
    pub country: Option<String>,
    /// For work abroad: the licensed enterprise, by id or by name.
    pub enterprise: Option<String>,
    /// Where, if local: a commune code.
    pub commune: Option<String>,
    /// Opens (today when not given).
    pub from: Option<NaiveDate>,
    /// Closes.
    pub to: Option<NaiveDate>,
    /// Places offered.
    pub seats: Option<i64>,
}

const KINDS: [&str; 4] = ["domestic_job", "training", "loan", "overseas"];

/// Publishes a job programme (a public record every device pulls); answers its id.
pub async fn add_job_programme(db: &Db, p: NewJobProgramme, today: NaiveDate) -> AdminResult<String> {
    publish_job_programme(db, p, today).await.map(|j| j.id).map_err(|e| format!("{} / {}", e.vi, e.en))
}

fn refuse(text: Text, args: &[(&str, &str)]) -> ApiError {
    crate::plans::refuse("programme.invalid", text, args)
}

/// Publishes a job programme, from the command line or the office's form; answers it as stored. Work abroad is
/// published only through an enterprise whose licence is active, and only for one of its markets: a worker must
/// never be steered to an unlicensed sender, or to a country its licence does not cover. The enterprise is read
/// in the transaction that writes the programme, so a licence suspended at the same moment cannot slip through.
pub async fn publish_job_programme(db: &Db, p: NewJobProgramme, today: NaiveDate) -> ApiResult<JobProgramme> {
    let title = p.title.trim().to_owned();
    if title.is_empty() || title.chars().count() > 300 || title.chars().any(char::is_control) {
        return Err(refuse(m::PROGRAMME_TITLE, &[]));
    }
    if p.description.chars().count() > 5000 {
        return Err(refuse(m::PROGRAMME_DESCRIPTION, &[]));
    }
    if !KINDS.contains(&p.kind.as_str()) {
        return Err(refuse(m::PROGRAMME_KIND, &[("kinds", &KINDS.join(", "))]));
    }
    let (country, enterprise) = (blank_none(p.country), blank_none(p.enterprise));
    if country.as_ref().is_some_and(|c| c.chars().count() > 60 || c.chars().any(char::is_control)) {
        return Err(refuse(m::PROGRAMME_COUNTRY, &[]));
    }
    if p.kind == "overseas" && (country.is_none() || enterprise.is_none()) {
        return Err(refuse(m::PROGRAMME_OVERSEAS_NEEDS, &[]));
    }
    let commune = blank_none(p.commune);
    if let Some(c) = &commune
        && vieclam_core::places::commune(c).is_none()
    {
        return Err(refuse(m::PROGRAMME_COMMUNE, &[("code", c)]));
    }
    let opens_on = p.from.unwrap_or(today);
    if p.to.is_some_and(|to| to < opens_on) {
        return Err(refuse(m::PROGRAMME_DATES, &[]));
    }
    if p.seats.is_some_and(|n| !(1..=1_000_000).contains(&n)) {
        return Err(refuse(m::PROGRAMME_SEATS, &[]));
    }
    let mut programme = JobProgramme {
        id: vieclam_core::ids::new_id(),
        kind: p.kind,
        title,
        description: p.description.trim().to_owned(),
        commune_code: commune,
        enterprise_id: None,
        country,
        opens_on,
        closes_on: p.to,
        seats: p.seats,
    };
    db.write(work!(|tx| async move {
        crate::plans::take_turn(tx).await?;
        if let Some(key) = &enterprise {
            let e = enterprise_named(tx, key).await?;
            if programme.kind == "overseas" {
                let (vi, en) = crate::enterprises::status_words(&e.status);
                if e.status != "active" {
                    return Err(crate::plans::refuse(
                        "programme.licence_not_active",
                        m::PROGRAMME_LICENCE_NOT_ACTIVE,
                        &[("name", &e.name), ("status_vi", vi), ("status_en", &en.to_lowercase())],
                    ));
                }
                let wanted = fold(programme.country.as_deref().unwrap_or_default());
                let Some(market) = e.markets.iter().find(|m| fold(m) == wanted) else {
                    let country = programme.country.clone().unwrap_or_default();
                    return Err(crate::plans::refuse(
                        "programme.country_not_in_markets",
                        m::PROGRAMME_COUNTRY_NOT_IN_MARKETS,
                        &[("name", &e.name), ("country", &country), ("markets", &e.markets.join(", "))],
                    ));
                };
                // The enterprise's own spelling: the phone lists programmes by country.
                programme.country = Some(market.clone());
            }
            programme.enterprise_id = Some(e.id);
        }
        let batch = OfficeBatch { job_programmes: vec![programme.clone()], ..OfficeBatch::default() };
        let rows = crate::store::office::batch_rows(tx, &batch).await?;
        records::upsert(tx, &rows).await?;
        Ok(programme)
    }))
    .await
}

fn blank_none(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

/// Every job programme, newest opening first.
pub async fn job_programmes(tx: &mut crate::db::Tx) -> ApiResult<Vec<JobProgramme>> {
    let rows = tx.query("SELECT body FROM records WHERE kind = 'job_programme' AND deleted = 0", vec![]).await?;
    let mut list: Vec<JobProgramme> =
        rows.iter().filter_map(|r| serde_json::from_str::<JobProgramme>(&r.text(0)).ok()).collect();
    list.sort_by(|a, b| b.opens_on.cmp(&a.opens_on).then(fold(&a.title).cmp(&fold(&b.title))));
    Ok(list)
}

/// Closes the job programme `id` on `closes_on` (it leaves the phones' catalogue the day after); answers it.
pub async fn close_job_programme(db: &Db, id: &str, closes_on: NaiveDate) -> ApiResult<JobProgramme> {
    let id = id.to_owned();
    db.write(work!(|tx| async move {
        crate::plans::take_turn(tx).await?;
        let stored = records::get(tx, "job_programme", &id).await?.filter(|s| !s.row.deleted);
        let Some(p) = stored.and_then(|s| serde_json::from_str::<JobProgramme>(&s.row.body).ok()) else {
            return Err(ApiError::new(axum::http::StatusCode::NOT_FOUND, "not_found", m::NO_SUCH_PROGRAMME));
        };
        if closes_on < p.opens_on {
            return Err(crate::plans::refuse(
                "programme.closes_before_opening",
                m::PROGRAMME_CLOSES_BEFORE_OPENING,
                &[("date", &vieclam_core::format::date(p.opens_on))],
            ));
        }
        let p = JobProgramme { closes_on: Some(closes_on), ..p };
        let batch = OfficeBatch { job_programmes: vec![p.clone()], ..OfficeBatch::default() };
        let rows = crate::store::office::batch_rows(tx, &batch).await?;
        records::upsert(tx, &rows).await?;
        Ok(p)
    }))
    .await
}

/// The enterprise named `key` (its id, or its name in any case and with or without diacritics).
async fn enterprise_named(tx: &mut crate::db::Tx, key: &str) -> ApiResult<SendingEnterprise> {
    let wanted = fold(key.trim());
    crate::enterprises::all(tx).await?.into_iter().find(|e| e.id == key.trim() || fold(&e.name) == wanted).ok_or_else(
        || crate::plans::refuse("programme.unknown_enterprise", m::PROGRAMME_UNKNOWN_ENTERPRISE, &[("key", key)]),
    )
}
