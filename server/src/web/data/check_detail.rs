//! One check's page in words: its answers in the checklist's order, its photos with their stamps and flags, what
//! is wrong with the evidence of each of its records, its fix, and the area the office's loan file funds for the
//! site its walk names.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde_json::Value;
use vieclam_core::checks::checklist::{self, AnswerValue};
use vieclam_core::checks::lifecycle;
use vieclam_core::messages::Lang;
use vieclam_core::messages::checks as checks_msg;

use super::body;
use crate::api::evidence;
use crate::dashboard::{AnswerView, EvidenceFinding, PhotoView};
use crate::db::Tx;
use crate::error::ApiResult;
use crate::store::records::{self, Stored};

/// Every leaf of `v` under its dotted path (`verdict.place`), written canonically so `4` and `4.0` read alike.
fn leaves(path: &str, v: &Value, out: &mut BTreeMap<String, String>) {
    match v {
        Value::Object(map) if !map.is_empty() => {
            for (k, inner) in map {
                leaves(&if path.is_empty() { k.clone() } else { format!("{path}.{k}") }, inner, out);
            }
        }
        other => {
            let text = vieclam_core::evidence::signing::canonical(other)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .unwrap_or_else(|| other.to_string());
            out.insert(path.to_owned(), text);
        }
    }
}

/// The area the office's own loan file funds for the site a walk names, hectares: the walk carries the figure its
/// device had, which the office compares with rather than takes on trust.
pub(super) async fn funded_area_of(tx: &mut Tx, walk: &Value) -> ApiResult<Option<f64>> {
    let Some(site_id) = walk["site_id"].as_str() else { return Ok(None) };
    let Some(site) = records::get(tx, "site", site_id).await? else { return Ok(None) };
    let Some(model_id) = body(&site)["model_id"].as_str().map(str::to_owned) else { return Ok(None) };
    Ok(records::get(tx, "funded_model", &model_id).await?.and_then(|m| body(&m)["funded_area_ha"].as_f64()))
}

/// What is wrong with `rec`'s evidence, if anything: the status in words and, for a record changed after signing,
/// each field whose stored value differs from the value its device signed.
pub(super) async fn evidence_finding(tx: &mut Tx, rec: &Stored) -> ApiResult<Option<EvidenceFinding>> {
    let binding = evidence::worst([rec.evidence.clone()]);
    if !binding.is_finding() {
        return Ok(None);
    }
    let mut changed = Vec::new();
    if binding == vieclam_core::evidence::binding::Binding::ChangedAfterSigning
        && let Some(link) = evidence::named_link(tx, rec).await?
    {
        let signed: Value = serde_json::from_str(&link.body).unwrap_or(Value::Null);
        let (mut was, mut now) = (BTreeMap::new(), BTreeMap::new());
        leaves("", &signed, &mut was);
        leaves("", &body(rec), &mut now);
        let keys: BTreeSet<&String> = was.keys().chain(now.keys()).collect();
        let null = "null".to_owned();
        for k in keys {
            let (a, b) = (was.get(k).unwrap_or(&null), now.get(k).unwrap_or(&null));
            // The reference to the link itself is the one field the device could not sign.
            if a != b && !(a == "null" && matches!(k.as_str(), "signature" | "finish_signature")) {
                changed.push((k.clone(), a.clone(), b.clone()));
            }
        }
    }
    let t = binding.text();
    Ok(Some(EvidenceFinding {
        kind: rec.row.kind.clone(),
        record_id: rec.row.id.clone(),
        code: binding.code().to_owned(),
        text: format!("{} / {}", t.vi, t.en),
        changed,
    }))
}

/// A fix's latitude, longitude and accuracy, when the body has the first two as numbers.
pub(super) fn fix_of(fix: &Value) -> Option<(f64, f64, f64)> {
    Some((fix["lat"].as_f64()?, fix["lon"].as_f64()?, fix["accuracy_m"].as_f64().unwrap_or(f64::NAN)))
}

/// A check's answers in the checklist's order, worded by the core's checklist in both languages. An answer to a
/// question this build does not know, or one that does not fit its question (a hostile or newer client), is shown
/// as sent rather than dropped: the office must see everything it was given.
pub(super) fn answers_in_words(answers: &[Stored]) -> Vec<AnswerView> {
    let mut out: Vec<(usize, AnswerView)> = answers
        .iter()
        .map(|a| {
            let b = body(a);
            let key = b["question"].as_str().unwrap_or_default();
            let raw = match &b["value"] {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let order = checklist::QUESTIONS.iter().position(|q| q.key == key).unwrap_or(usize::MAX);
            let view = match checklist::question(key) {
                Some(q) => {
                    let value = AnswerValue::from_json(&q.kind, &b["value"]);
                    let word = |lang| value.as_ref().map_or_else(|| raw.clone(), |v| v.text(q, lang));
                    AnswerView {
                        question_vi: q.prompt.vi.to_owned(),
                        question_en: q.prompt.en.to_owned(),
                        answer_vi: word(Lang::Vi),
                        answer_en: word(Lang::En),
                        misuse_found: q.misuse && value == Some(AnswerValue::YesNo(true)),
                    }
                }
                None => AnswerView {
                    question_vi: key.to_owned(),
                    question_en: key.to_owned(),
                    answer_vi: raw.clone(),
                    answer_en: raw,
                    misuse_found: false,
                },
            };
            (order, view)
        })
        .collect();
    out.sort_by_key(|(order, _)| *order);
    out.into_iter().map(|(_, v)| v).collect()
}

/// A photo record in words: its stamp (time, the phone's fix, the camera's own GPS) and its flags.
pub(super) fn photo_view(p: &Value, held: &HashSet<String>) -> Option<PhotoView> {
    let sha256 = p["sha256"].as_str()?.to_ascii_lowercase();
    let flag = |name: &str| p["flags"][name] == Value::Bool(true);
    let flags = [
        (flag("reused"), checks_msg::FLAG_REUSED),
        (flag("gps_disagrees"), checks_msg::FLAG_GPS_DISAGREES),
        (flag("late"), checks_msg::FLAG_LATE),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .map(|(_, t)| format!("{} / {}", t.vi, t.en))
    .collect();
    let camera_gps = match &p["source_gps"] {
        Value::Array(xy) if xy.len() == 2 => xy[0].as_f64().zip(xy[1].as_f64()),
        _ => None,
    };
    let taken_at = p["taken_at"].as_str().map(lifecycle::local_text);
    Some(PhotoView {
        received: held.contains(&sha256),
        sha256,
        taken_at: taken_at.unwrap_or_default(),
        size_px: (p["width"].as_u64().unwrap_or(0) as u32, p["height"].as_u64().unwrap_or(0) as u32),
        fix: fix_of(&p["fix"]),
        camera_gps,
        gps_gap_m: p["flags"]["gps_gap_m"].as_f64(),
        delay_min: p["flags"]["delay_min"].as_i64(),
        flags,
    })
}
