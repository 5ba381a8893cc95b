//! Typed readers of pushed field records: each kind's payload is first read into a struct holding the fields the
//! server's rules rely on, with their types and bounds, straight from the text (no JSON tree); only a body that
//! passes is then read whole, for storing and for comparing with what its device signed.
//!
//! The structs accept fields they do not name (a newer app may add some; they are stored as sent), but a field they
//! name must have its type, and lists are bounded.

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::Value;
use vieclam_core::sync::payload::{Payload, PayloadError};

/// The most answers a corrected check may carry (the checklist has about twenty questions).
const MAX_REVISION_ANSWERS: usize = 64;

/// The most items in a registration's lists (skills, languages, certificates, wants).
const MAX_LIST_ITEMS: usize = 50;

/// The fields every rule of a site check reads.
#[derive(Deserialize)]
#[allow(dead_code)] // read for their types and bounds; the values are taken from the stored body
struct SiteCheck {
    id: String,
    site_id: String,
    device_id: Option<String>,
    state: Option<String>,
    signature: Option<String>,
    finish_signature: Option<String>,
    hlc: Option<String>,
    /// A corrected check carries its answers.
    answers: Option<Vec<Answer>>,
}

/// One checklist answer.
#[derive(Deserialize)]
#[allow(dead_code)]
struct Answer {
    check_id: String,
    question: String,
    value: IgnoredAny,
    signature: Option<String>,
}

/// A photo's record.
#[derive(Deserialize)]
#[allow(dead_code)]
struct Photo {
    id: String,
    check_id: String,
    sha256: String,
    signature: Option<String>,
}

/// A commune's findings.
#[derive(Deserialize)]
#[allow(dead_code)]
struct Findings {
    commune_list: String,
    commune_code: String,
    plan_id: String,
    findings: Option<String>,
    recommendations: Option<String>,
    opinions: Option<String>,
    signature: Option<String>,
}

/// A returning worker's registration.
#[derive(Deserialize)]
#[allow(dead_code)]
struct Registration {
    id: String,
    full_name: String,
    id_number: Option<String>,
    phone: Option<String>,
    skills: Option<Vec<String>>,
    languages: Option<Vec<String>>,
    certificates: Option<Vec<String>>,
    wants: Option<Vec<String>>,
}

fn bounded<T>(list: &Option<Vec<T>>, max: usize, name: &str) -> Result<(), PayloadError> {
    match list {
        Some(items) if items.len() > max => Err(PayloadError::Invalid(format!("more than {max} {name}"))),
        _ => Ok(()),
    }
}

/// Reads the payload of a field record of `kind` through its typed reader, then whole. `kind` is one the server
/// accepts from devices (the caller checked it).
pub fn read(kind: &str, payload: &Payload) -> Result<Value, PayloadError> {
    // Top-level fields bounded before any typed read.
    payload.fields()?;
    match kind {
        "site_check" => {
            let c: SiteCheck = payload.parse()?;
            bounded(&c.answers, MAX_REVISION_ANSWERS, "answers")?;
        }
        "check_answer" => {
            payload.parse::<Answer>()?;
        }
        "check_photo" => {
            let p: Photo = payload.parse()?;
            if p.sha256.len() != 64 || !p.sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(PayloadError::Invalid("sha256".into()));
            }
        }
        "commune_findings" => {
            payload.parse::<Findings>()?;
        }
        // The core's own record: its rules (bounds included) are applied by `field` with their specific codes.
        "plot_walk" => {
            payload.parse::<vieclam_core::checks::plot_walk::PlotWalkRecord>()?;
        }
        // The core's own record: its rules (bounds included) are applied by `field` with their specific codes.
        "commune_review" => {
            payload.parse::<vieclam_core::review::ReviewRecord>()?;
        }
        "worker_registration" => {
            let r: Registration = payload.parse()?;
            for (list, name) in [(&r.skills, "skills"), (&r.languages, "languages"), (&r.certificates, "certificates")]
            {
                bounded(list, MAX_LIST_ITEMS, name)?;
            }
            bounded(&r.wants, MAX_LIST_ITEMS, "wants")?;
        }
        _ => return Err(PayloadError::Invalid(format!("no reader for {kind}"))),
    }
    payload.parse()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_kind_needs_its_fields_with_their_types() {
        let photo = json!({ "id": "p", "check_id": "c", "sha256": "ab".repeat(32), "signature": null });
        assert!(read("check_photo", &Payload::from(photo.clone())).is_ok());
        let mut bad = photo.clone();
        bad["sha256"] = json!("nothex");
        assert!(read("check_photo", &Payload::from(bad)).is_err());
        let mut missing = photo;
        missing.as_object_mut().map(|o| o.remove("check_id"));
        assert!(read("check_photo", &Payload::from(missing)).is_err());
        assert!(read("check_answer", &Payload::from(json!({ "check_id": 7, "question": "q", "value": 1 }))).is_err());
    }

    #[test]
    fn lists_are_bounded() {
        let answers: Vec<Value> = (0..=MAX_REVISION_ANSWERS)
            .map(|i| json!({ "check_id": "c", "question": format!("q{i}"), "value": 1 }))
            .collect();
        let check = json!({ "id": "c", "site_id": "s", "device_id": "d", "state": "open", "hlc": "h",
            "answers": answers });
        assert!(read("site_check", &Payload::from(check)).is_err());
    }
}
