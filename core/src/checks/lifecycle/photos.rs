//! Adding a photo record to an open check, and the flags an auditor looks at first: a photo already used in
//! another visit (`reused`), a photo whose own EXIF GPS is far from the check's fix (`gps_disagrees`), and a photo
//! taken long after the visit started (`late`). Flags never refuse a photo: they are evidence, judged in the office.

use chrono::Utc;
use rusqlite::{Transaction, params};
use serde::{Deserialize, Serialize};

use super::record::{self, SiteCheckRecord, iso, json, parse_time, refusal};
use super::{ENTITY_PHOTO, EvidenceSigner, PhotoInput, PhotoRules};
use crate::error::Result;
use crate::messages::checks as msg;
use crate::places::distance_m;
use crate::store::Store;
use crate::store::outbox::{self, Op};

/// What was found about a photo when it was added.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PhotoFlags {
    /// The same SHA-256 is already in another visit (any revision of this visit does not count).
    pub reused: bool,
    /// The camera's own GPS is farther than the threshold from the fix.
    pub gps_disagrees: bool,
    /// Taken later than the threshold after the visit started.
    pub late: bool,
    /// Distance between the camera's GPS and the fix, metres, when the camera had GPS.
    pub gps_gap_m: Option<f64>,
    /// Whole minutes between the start of the visit and the photo (negative if taken before it).
    pub delay_min: i64,
}

impl PhotoFlags {
    /// The stable codes of the flags that are set, in a fixed order.
    pub fn codes(&self) -> Vec<&'static str> {
        [(self.reused, "reused"), (self.gps_disagrees, "gps_disagrees"), (self.late, "late")]
            .into_iter()
            .filter_map(|(on, code)| on.then_some(code))
            .collect()
    }
}

/// The photo record that was stored.
#[derive(Clone, Debug, PartialEq)]
pub struct AddedPhoto {
    /// The photo record's id.
    pub id: String,
    /// Its flags.
    pub flags: PhotoFlags,
}

#[derive(Serialize)]
struct PhotoRecord<'a> {
    id: &'a str,
    check_id: &'a str,
    #[serde(flatten)]
    photo: &'a PhotoInput,
    flags: &'a PhotoFlags,
    signature: Option<String>,
    created_at: String,
    hlc: String,
}

fn is_sha256(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

fn is_valid(p: &PhotoInput) -> bool {
    let gps_ok = p.source_gps.is_none_or(|(lat, lon)| {
        lat.is_finite() && lon.is_finite() && (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)
    });
    is_sha256(&p.sha256) && p.width > 0 && p.height > 0 && p.size_bytes > 0 && p.fix.check().is_ok() && gps_ok
}

/// Adds `photo` to open check `check_id` with its flags computed under `rules`.
///
/// Refuses a malformed record (`photo.invalid`), the same photo twice in one check (`photo.duplicate`) and any
/// photo on a finished check (`check.locked`); then nothing is written.
pub fn add_photo(
    store: &mut Store,
    signer: &dyn EvidenceSigner,
    check_id: &str,
    photo: &PhotoInput,
    rules: &PhotoRules,
) -> Result<AddedPhoto> {
    if !is_valid(photo) {
        return Err(refusal("photo", "photo.invalid", msg::PHOTO_INVALID));
    }
    // Hashes are compared as text: one case everywhere.
    let photo = PhotoInput { sha256: photo.sha256.to_ascii_lowercase(), ..photo.clone() };
    let node = store.node();
    let tx = store.transaction()?;
    let check = record::load_open(&tx, check_id)?;
    let here: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM check_photos WHERE check_id = ?1 AND sha256 = ?2)",
        params![check_id, photo.sha256],
        |r| r.get(0),
    )?;
    if here {
        return Err(refusal("photo", "photo.duplicate", msg::PHOTO_DUPLICATE));
    }
    let flags = flags(&tx, &check, &photo, rules)?;
    let hlc = Store::tick(&tx, node)?;
    let id = crate::ids::new_id();
    let mut rec = PhotoRecord {
        id: &id,
        check_id,
        photo: &photo,
        flags: &flags,
        signature: None,
        created_at: iso(Utc::now()),
        hlc: hlc.to_string(),
    };
    rec.signature = signer.sign_record(&tx, ENTITY_PHOTO, &id, &json(&rec)?)?;
    insert(&tx, &rec)?;
    outbox::record(&tx, ENTITY_PHOTO, &id, Op::Insert, hlc, &rec)?;
    tx.commit()?;
    Ok(AddedPhoto { id, flags })
}

fn flags(tx: &Transaction, check: &SiteCheckRecord, photo: &PhotoInput, rules: &PhotoRules) -> Result<PhotoFlags> {
    let reused: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM check_photos p JOIN site_checks c ON c.id = p.check_id
                        WHERE p.sha256 = ?1 AND c.root_id <> ?2)",
        params![photo.sha256, check.root_id],
        |r| r.get(0),
    )?;
    let gps_gap_m = photo.source_gps.map(|(lat, lon)| distance_m(lat, lon, photo.fix.lat, photo.fix.lon));
    let started = parse_time(&check.started_at).unwrap_or(photo.taken_at);
    let delay_min = (photo.taken_at - started).num_minutes();
    Ok(PhotoFlags {
        reused,
        gps_disagrees: gps_gap_m.is_some_and(|gap| gap > rules.photo_gps_disagree_m),
        late: delay_min > rules.photo_max_delay_min,
        gps_gap_m,
        delay_min,
    })
}

fn insert(tx: &Transaction, r: &PhotoRecord) -> Result<()> {
    let p = r.photo;
    let flags = serde_json::to_string(r.flags).map_err(|e| crate::Error::BadArgument(e.to_string()))?;
    tx.execute(
        "INSERT INTO check_photos (id, check_id, sha256, width, height, size_bytes, taken_at, fix_lat, fix_lon,
             fix_accuracy_m, fix_altitude_m, fix_time, fix_provider, fix_satellites, fix_mocked, source_lat,
             source_lon, flags, signature, created_at, hlc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
        params![
            r.id,
            r.check_id,
            p.sha256,
            p.width,
            p.height,
            i64::try_from(p.size_bytes).unwrap_or(i64::MAX),
            iso(p.taken_at),
            p.fix.lat,
            p.fix.lon,
            p.fix.accuracy_m,
            p.fix.altitude_m,
            iso(p.fix.time),
            p.fix.provider,
            p.fix.satellites,
            p.fix.mocked,
            p.source_gps.map(|g| g.0),
            p.source_gps.map(|g| g.1),
            flags,
            r.signature,
            r.created_at,
            r.hlc,
        ],
    )?;
    Ok(())
}
