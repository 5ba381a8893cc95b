//! The reviews on the device: saving the signed-in inspector's own (validated, signed into the device's chain and
//! queued in the outbox in one transaction, like every step of a site check), and reading a commune's reviews —
//! the inspector's own and those of teammates that came down in a pull — one by one or merged.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::merge::{MergedReview, merge};
use super::record::{CommuneReview, ReviewRecord, review_id};
use super::validate::{problems, trimmed};
use super::{ENTITY_REVIEW, HeadingNote};
use crate::checks::lifecycle::{EvidenceSigner, record_time};
use crate::error::{Error, FieldError, Result};
use crate::messages::review as msg;
use crate::store::Store;
use crate::store::outbox::{self, Op};
use crate::sync::state;

const COLUMNS: &str = "id, plan_id, commune_code, author, held_on, headings, attendees, opinions, recommendations, \
    updated_at, signature, hlc";

fn one(field: &str, code: &str, message: crate::messages::Text) -> Error {
    Error::Invalid(vec![FieldError { field: field.to_owned(), code: code.to_owned(), message }])
}

/// A JSON list column read back; a row a pull wrote badly reads as an empty list rather than failing the screen.
fn list<T: serde::de::DeserializeOwned>(text: String) -> Vec<T> {
    serde_json::from_str(&text).unwrap_or_default()
}

/// A list as its JSON column.
fn json<T: serde::Serialize>(list: &[T]) -> Result<String> {
    serde_json::to_string(list).map_err(|e| Error::BadArgument(e.to_string()))
}

fn read(r: &Row) -> rusqlite::Result<ReviewRecord> {
    let held_on: String = r.get(4)?;
    Ok(ReviewRecord {
        review: CommuneReview {
            id: r.get(0)?,
            plan_id: r.get(1)?,
            commune_code: r.get(2)?,
            author: r.get(3)?,
            held_on: held_on.parse().unwrap_or_default(),
            headings: list::<HeadingNote>(r.get(5)?),
            attendees: list(r.get(6)?),
            opinions: list(r.get(7)?),
            recommendations: list(r.get(8)?),
        },
        updated_at: r.get(9)?,
        signature: r.get(10)?,
        hlc: r.get(11)?,
    })
}

/// Refuses a plan's commune this device does not hold (it is in none of the signed-in inspector's plans), with
/// `NotFound` on `plan_commune`: a review is written only for a commune the inspector was sent to.
pub fn require_plan_commune(store: &Store, plan_id: &str, commune_code: &str) -> Result<()> {
    let held: bool = store.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM plan_communes WHERE plan_id = ?1 AND commune_code = ?2)",
        [plan_id, commune_code],
        |r| r.get(0),
    )?;
    if held { Ok(()) } else { Err(Error::NotFound { entity: "plan_commune", id: format!("{plan_id}/{commune_code}") }) }
}

/// The account id reviews are written under on this device: the signed-in account's. `Invalid`
/// (`review.not_signed_in`) without a session.
pub fn author(store: &Store) -> Result<String> {
    state::session(store.conn())?
        .map(|s| s.account_id)
        .ok_or_else(|| one("author", "review.not_signed_in", msg::NOT_SIGNED_IN))
}

/// The review with this id, as stored.
pub fn load(conn: &Connection, id: &str) -> Result<Option<ReviewRecord>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM commune_reviews WHERE id = ?1"))?
        .query_row([id], read)
        .optional()?)
}

/// The signed-in inspector's own review of `commune_code` under `plan_id`, if they wrote one. `Invalid`
/// (`review.not_signed_in`) without a session.
pub fn mine(store: &Store, plan_id: &str, commune_code: &str) -> Result<Option<CommuneReview>> {
    let me = author(store)?;
    Ok(load(store.conn(), &review_id(plan_id, commune_code, &me))?.map(|r| r.review))
}

/// Every review of `commune_code` under `plan_id` on the device, by author.
pub fn reviews_of(store: &Store, plan_id: &str, commune_code: &str) -> Result<Vec<CommuneReview>> {
    let mut stmt = store.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} FROM commune_reviews WHERE plan_id = ?1 AND commune_code = ?2 ORDER BY author"
    ))?;
    let rows = stmt.query_map(params![plan_id, commune_code], read)?;
    Ok(rows.map(|r| r.map(|r| r.review)).collect::<rusqlite::Result<_>>()?)
}

/// The reviews of `commune_code` under `plan_id` on the device, merged.
pub fn merged_of(store: &Store, plan_id: &str, commune_code: &str) -> Result<MergedReview> {
    Ok(merge(&reviews_of(store, plan_id, commune_code)?))
}

/// Saves `review` as the signed-in inspector's at `now`: trimmed, validated (its own rules, then its commune must
/// be one of the plan's on this device: `review.not_in_plan`), signed and queued to go up. A review written as
/// another author is refused (`review.id_mismatch` on `author`). Nothing is written when anything is refused.
pub fn save(
    store: &mut Store,
    signer: &dyn EvidenceSigner,
    review: &CommuneReview,
    now: DateTime<Utc>,
) -> Result<ReviewRecord> {
    let me = author(store)?;
    if review.author != me {
        return Err(one("author", "review.id_mismatch", msg::ID_MISMATCH));
    }
    let review = trimmed(review);
    let found = problems(&review);
    if !found.is_empty() {
        return Err(Error::Invalid(found));
    }
    let node = store.node();
    let tx = store.transaction()?;
    let in_plan: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM plan_communes WHERE plan_id = ?1 AND commune_code = ?2)",
        params![review.plan_id, review.commune_code],
        |r| r.get(0),
    )?;
    if !in_plan {
        return Err(one("commune_code", "review.not_in_plan", msg::NOT_IN_PLAN));
    }
    let existed = load(&tx, &review.id)?.is_some();
    let hlc = Store::tick(&tx, node)?;
    let mut rec = ReviewRecord { review, updated_at: record_time(now), signature: None, hlc: hlc.to_string() };
    let body = serde_json::to_value(&rec).map_err(|e| Error::BadArgument(e.to_string()))?;
    rec.signature = signer.sign_record(&tx, ENTITY_REVIEW, &rec.review.id, &body)?;
    let r = &rec.review;
    tx.execute(
        &format!(
            "INSERT INTO commune_reviews ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
             ON CONFLICT (id) DO UPDATE SET held_on = excluded.held_on, headings = excluded.headings,
               attendees = excluded.attendees, opinions = excluded.opinions,
               recommendations = excluded.recommendations, updated_at = excluded.updated_at,
               signature = excluded.signature, hlc = excluded.hlc"
        ),
        params![
            r.id,
            r.plan_id,
            r.commune_code,
            r.author,
            r.held_on.to_string(),
            json(&r.headings)?,
            json(&r.attendees)?,
            json(&r.opinions)?,
            json(&r.recommendations)?,
            rec.updated_at,
            rec.signature,
            rec.hlc
        ],
    )?;
    let op = if existed { Op::Update } else { Op::Insert };
    outbox::record(&tx, ENTITY_REVIEW, &rec.review.id, op, hlc, &rec)?;
    tx.commit()?;
    Ok(rec)
}
