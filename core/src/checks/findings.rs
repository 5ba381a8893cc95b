//! What the team writes for a whole commune under a plan: its general findings, its recommendations and the
//! opinions heard at the closing meeting. They go into the commune's minutes; writing them is a signed step with
//! its outbox entry, like every step of a check.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use crate::checks::lifecycle::EvidenceSigner;
use crate::checks::lifecycle::record_time as iso;
use crate::error::{Error, FieldError, Result};
use crate::messages::checks as msg;
use crate::places::COMMUNE_LIST;
use crate::store::Store;
use crate::store::outbox::{self, Op};

/// Outbox entity of a commune's findings.
pub const ENTITY_FINDINGS: &str = "commune_findings";

/// Longest text accepted in each part.
const MAX_CHARS: usize = 20_000;

/// A commune's notes for the minutes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CommuneFindings {
    /// Commune code, in the 2025 list.
    pub commune_code: String,
    /// The inspection plan.
    pub plan_id: String,
    /// The team's general findings.
    pub findings: String,
    /// The team's recommendations.
    pub recommendations: String,
    /// Opinions heard at the meeting with the commune.
    pub opinions: String,
}

#[derive(Serialize)]
struct FindingsRecord<'a> {
    commune_list: &'a str,
    #[serde(flatten)]
    notes: &'a CommuneFindings,
    updated_at: String,
    signature: Option<String>,
    hlc: String,
}

/// Writes (or rewrites) the notes of `notes.commune_code` under `notes.plan_id` at `now`.
///
/// Refuses a commune outside the plan (`findings.plan_unknown`) and a part longer than 20,000 characters
/// (`findings.too_long`, field = the part); then nothing is written.
pub fn record_findings(
    store: &mut Store,
    signer: &dyn EvidenceSigner,
    notes: &CommuneFindings,
    now: DateTime<Utc>,
) -> Result<()> {
    let notes = CommuneFindings {
        findings: notes.findings.trim().to_owned(),
        recommendations: notes.recommendations.trim().to_owned(),
        opinions: notes.opinions.trim().to_owned(),
        ..notes.clone()
    };
    let too_long: Vec<FieldError> =
        [("findings", &notes.findings), ("recommendations", &notes.recommendations), ("opinions", &notes.opinions)]
            .into_iter()
            .filter(|(_, text)| text.chars().count() > MAX_CHARS)
            .map(|(field, _)| FieldError {
                field: field.into(),
                code: "findings.too_long".into(),
                message: msg::FINDINGS_TOO_LONG,
            })
            .collect();
    if !too_long.is_empty() {
        return Err(Error::Invalid(too_long));
    }
    let node = store.node();
    let tx = store.transaction()?;
    let in_plan: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM plan_communes WHERE plan_id = ?1 AND commune_code = ?2)",
        params![notes.plan_id, notes.commune_code],
        |r| r.get(0),
    )?;
    if !in_plan {
        return Err(Error::Invalid(vec![FieldError {
            field: "plan_id".into(),
            code: "findings.plan_unknown".into(),
            message: msg::PLAN_UNKNOWN,
        }]));
    }
    let existed: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM commune_findings WHERE commune_list = ?1 AND commune_code = ?2 AND plan_id = ?3)",
        params![COMMUNE_LIST, notes.commune_code, notes.plan_id],
        |r| r.get(0),
    )?;
    let hlc = Store::tick(&tx, node)?;
    let key = format!("{COMMUNE_LIST}/{}/{}", notes.commune_code, notes.plan_id);
    let mut rec = FindingsRecord {
        commune_list: COMMUNE_LIST,
        notes: &notes,
        updated_at: iso(now),
        signature: None,
        hlc: hlc.to_string(),
    };
    let body = serde_json::to_value(&rec).map_err(|e| Error::BadArgument(e.to_string()))?;
    rec.signature = signer.sign_record(&tx, ENTITY_FINDINGS, &key, &body)?;
    tx.execute(
        "INSERT INTO commune_findings (commune_list, commune_code, plan_id, findings, recommendations, opinions,
             updated_at, signature, hlc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (commune_list, commune_code, plan_id) DO UPDATE SET findings = excluded.findings,
             recommendations = excluded.recommendations, opinions = excluded.opinions,
             updated_at = excluded.updated_at, signature = excluded.signature, hlc = excluded.hlc",
        params![
            COMMUNE_LIST,
            notes.commune_code,
            notes.plan_id,
            notes.findings,
            notes.recommendations,
            notes.opinions,
            rec.updated_at,
            rec.signature,
            rec.hlc
        ],
    )?;
    let op = if existed { Op::Update } else { Op::Insert };
    outbox::record(&tx, ENTITY_FINDINGS, &key, op, hlc, &rec)?;
    tx.commit()?;
    Ok(())
}

/// The notes of a commune under a plan, if any were written.
pub fn findings(store: &Store, commune_code: &str, plan_id: &str) -> Result<Option<CommuneFindings>> {
    Ok(store
        .conn()
        .query_row(
            "SELECT findings, recommendations, opinions FROM commune_findings
             WHERE commune_list = ?1 AND commune_code = ?2 AND plan_id = ?3",
            params![COMMUNE_LIST, commune_code, plan_id],
            |r| {
                Ok(CommuneFindings {
                    commune_code: commune_code.to_owned(),
                    plan_id: plan_id.to_owned(),
                    findings: r.get(0)?,
                    recommendations: r.get(1)?,
                    opinions: r.get(2)?,
                })
            },
        )
        .optional()?)
}
