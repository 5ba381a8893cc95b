//! What the office publishes from the command line: a bank export of loans (`import loans`), applied in one
//! transaction only when every row is good or the office chose to skip the bad ones, and job programmes
//! (`programmes add`). Errors are one sentence, Vietnamese then English.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use vieclam_core::fold::fold;
use vieclam_core::records::JobProgramme;
use vieclam_core::store::office::OfficeBatch;

use crate::admin::AdminResult;
use crate::db::Db;
use crate::import::{self, RowError};
use crate::store::records;
use crate::{params, work};

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
    let title = p.title.trim().to_owned();
    if title.is_empty() {
        return Err("Cần --title. / Give --title.".into());
    }
    if !KINDS.contains(&p.kind.as_str()) {
        return Err(format!("--kind: {} / --kind: one of {}.", KINDS.join(", "), KINDS.join(", ")));
    }
    if p.kind == "overseas" && (p.country.is_none() || p.enterprise.is_none()) {
        return Err("Chương trình đi làm việc ở nước ngoài cần --country và --enterprise. / Work abroad needs --country and --enterprise.".into());
    }
    if let Some(c) = &p.commune
        && vieclam_core::places::commune(c).is_none()
    {
        return Err(format!("Không có xã mã {c}. / No commune with code {c}."));
    }
    let opens_on = p.from.unwrap_or(today);
    if p.to.is_some_and(|to| to < opens_on) {
        return Err("--to phải sau --from. / --to must not be before --from.".into());
    }
    let enterprise_id = match &p.enterprise {
        None => None,
        Some(e) => Some(enterprise(db, e).await?),
    };
    let programme = JobProgramme {
        id: vieclam_core::ids::new_id(),
        kind: p.kind,
        title,
        description: p.description.trim().to_owned(),
        commune_code: p.commune,
        enterprise_id,
        country: p.country.map(|c| c.trim().to_owned()),
        opens_on,
        closes_on: p.to,
        seats: p.seats,
    };
    let id = programme.id.clone();
    let batch = OfficeBatch { job_programmes: vec![programme], ..OfficeBatch::default() };
    db.apply_office_batch(&batch).await.map_err(|e| format!("{} / {}", e.vi, e.en))?;
    Ok(id)
}

/// The id of the enterprise named `key` (its id, or its name in any case and with or without diacritics).
async fn enterprise(db: &Db, key: &str) -> AdminResult<String> {
    let rows = db
        .read::<Vec<records::RecordRow>>(work!(|tx| async move {
            let rows = tx
                .query(&format!("{} WHERE kind = $1 AND deleted = 0", records::SELECT), params!["enterprise"])
                .await?;
            Ok(rows.iter().map(records::from_row).map(|s| s.row).collect::<Vec<_>>())
        }))
        .await
        .map_err(|e| format!("{} / {}", e.vi, e.en))?;
    let wanted = fold(key.trim());
    rows.iter()
        .find(|r| {
            r.id == key.trim()
                || serde_json::from_str::<serde_json::Value>(&r.body)
                    .ok()
                    .and_then(|b| b["name"].as_str().map(fold))
                    .is_some_and(|n| n == wanted)
        })
        .map(|r| r.id.clone())
        .ok_or_else(|| format!("Không có doanh nghiệp {key}. / No enterprise {key}."))
}
