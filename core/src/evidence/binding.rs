//! Whether a stored record is exactly what its author's device signed.
//!
//! A chain that verifies proves only that a device signed *some* bodies. What the office and an auditor need is the
//! tie between a record as the server holds it now and one of those signatures: the record names the link that
//! signed its current state (`signature`, or `finish_signature` once a check is finished), and the body that link
//! carries must be, byte for byte in canonical JSON, the stored record with that one reference cleared (the device
//! signs the record before it knows the link's hash). Anything else (a verdict edited after signing, a link of
//! another device or of another record, a link with a problem, a record that names no link) is a finding, with a
//! stable code the server stores and the dashboard shows in words.
//!
//! The same rules tell which id a field record's body gives itself ([`field_record_id`]): the server refuses a
//! mutation whose entity id is not that id, and a device applies a pulled record only under it, so one account can
//! never write a body that lands on another's record.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::signing::canonical;
use crate::messages::Text;
use crate::messages::evidence_signing as msg;

/// The field kinds that carry evidence: every stored state must be signed by the author's device.
pub const EVIDENCE_KINDS: &[&str] =
    &["site_check", "check_answer", "check_photo", "commune_findings", "commune_review", "plot_walk"];

/// Whether records of `kind` must be signed.
pub fn is_evidence_kind(kind: &str) -> bool {
    EVIDENCE_KINDS.contains(&kind)
}

/// The chain link kinds that may sign a record of `kind` (none for kinds that are not evidence).
pub fn link_kinds(kind: &str) -> &'static [&'static str] {
    match kind {
        "site_check" => &["check", "check_revision"],
        "check_answer" => &["answer"],
        "check_photo" => &["photo"],
        "commune_findings" => &["finding"],
        "commune_review" => &["review"],
        "plot_walk" => &["walk"],
        _ => &[],
    }
}

/// The id the body of a field record of `kind` gives itself: its `id`, or for an answer `check_id/question`, or for
/// a commune's findings `commune_list/commune_code/plan_id`. `None` when the body lacks the fields (or the kind is
/// not a field kind).
pub fn field_record_id(kind: &str, body: &Value) -> Option<String> {
    let text = |k: &str| body.get(k).and_then(Value::as_str).filter(|s| !s.is_empty());
    match kind {
        "site_check" | "check_photo" | "worker_registration" => text("id").map(str::to_owned),
        "check_answer" => Some(format!("{}/{}", text("check_id")?, text("question")?)),
        "commune_findings" => Some(format!("{}/{}/{}", text("commune_list")?, text("commune_code")?, text("plan_id")?)),
        // A review's id is made of its plan, commune and author: a body can name only its own author's record.
        "commune_review" => Some(crate::review::review_id(text("plan_id")?, text("commune_code")?, text("author")?)),
        // One walk per check: its id is the check's.
        "plot_walk" => text("check_id").map(str::to_owned),
        _ => None,
    }
}

/// The link hash a record names as the signature of its current state, and the field that holds it: a finished
/// check names its finish link, every other state its `signature`.
pub fn signed_reference(kind: &str, body: &Value) -> Option<(&'static str, String)> {
    let text = |k: &str| body.get(k).and_then(Value::as_str).map(str::to_owned);
    if kind == "site_check"
        && let Some(finish) = text("finish_signature")
    {
        return Some(("finish_signature", finish));
    }
    text("signature").map(|s| ("signature", s))
}

/// What a record's evidence is, as the office reads it. Stable codes (`evidence.*`), stored by the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Binding {
    /// The stored body is exactly what a device of its author signed, in a link with no problem.
    Verified,
    /// The record names no link, or a link the server does not hold.
    Unsigned,
    /// The link it names was made by a device of another account, or (for a check) by a device other than the one
    /// the check says it was made on.
    OtherDevice,
    /// The link it names signs another record or another kind of record.
    WrongRecord,
    /// The link it names failed verification (bad signature, hash mismatch, a fork or a gap in the chain).
    LinkProblem,
    /// The body is what an older link signed, but its device has signed a later state of the record since: an old
    /// state sent again (a replay), or the later state has not arrived.
    Superseded,
    /// The link is genuine but the stored body differs from the body it signed: changed after signing.
    ChangedAfterSigning,
}

impl Binding {
    /// The stable code, e.g. `evidence.changed_after_signing`.
    pub const fn code(self) -> &'static str {
        match self {
            Binding::Verified => "evidence.verified",
            Binding::Unsigned => "evidence.unsigned",
            Binding::OtherDevice => "evidence.other_device",
            Binding::WrongRecord => "evidence.wrong_record",
            Binding::LinkProblem => "evidence.link_problem",
            Binding::Superseded => "evidence.superseded",
            Binding::ChangedAfterSigning => "evidence.changed_after_signing",
        }
    }

    /// The binding with this stable code.
    pub fn parse(code: &str) -> Option<Binding> {
        Binding::ALL.into_iter().find(|b| b.code() == code)
    }

    /// Every binding, best first.
    pub const ALL: [Binding; 7] = [
        Binding::Verified,
        Binding::Unsigned,
        Binding::OtherDevice,
        Binding::WrongRecord,
        Binding::LinkProblem,
        Binding::Superseded,
        Binding::ChangedAfterSigning,
    ];

    /// What it means, for a person.
    pub const fn text(self) -> Text {
        match self {
            Binding::Verified => msg::BINDING_VERIFIED,
            Binding::Unsigned => msg::BINDING_UNSIGNED,
            Binding::OtherDevice => msg::BINDING_OTHER_DEVICE,
            Binding::WrongRecord => msg::BINDING_WRONG_RECORD,
            Binding::LinkProblem => msg::BINDING_LINK_PROBLEM,
            Binding::Superseded => msg::BINDING_SUPERSEDED,
            Binding::ChangedAfterSigning => msg::BINDING_CHANGED,
        }
    }

    /// Whether the office must look at it.
    pub const fn is_finding(self) -> bool {
        !matches!(self, Binding::Verified)
    }
}

/// What the server knows of the link a record names.
#[derive(Clone, Copy, Debug)]
pub struct LinkFacts<'a> {
    /// The device that signed it.
    pub device_id: &'a str,
    /// Whether that device belongs to the record's author.
    pub of_author: bool,
    /// The link's kind (`check`, `answer`…).
    pub kind: &'a str,
    /// The record it signs.
    pub record_id: &'a str,
    /// The canonical body it signs.
    pub body: &'a str,
    /// The verifier's problem with it, if any.
    pub problem: Option<&'a str>,
    /// Whether it is the latest link its device made for this record.
    pub latest: bool,
}

/// The binding of record `record_id` of `kind`, stored as `body`, to `link`: the link its signature reference names
/// (`None` when the record names none, or one the server does not hold).
pub fn bind(kind: &str, record_id: &str, body: &Value, link: Option<&LinkFacts>) -> Binding {
    let (Some((field, _)), Some(link)) = (signed_reference(kind, body), link) else { return Binding::Unsigned };
    if !link.of_author {
        return Binding::OtherDevice;
    }
    if link.record_id != record_id || !link_kinds(kind).contains(&link.kind) {
        return Binding::WrongRecord;
    }
    if link.problem.is_some() {
        return Binding::LinkProblem;
    }
    if kind == "site_check" && body.get("device_id").and_then(Value::as_str) != Some(link.device_id) {
        return Binding::OtherDevice;
    }
    let mut signed = body.clone();
    if let Some(obj) = signed.as_object_mut() {
        obj.insert(field.to_owned(), Value::Null);
    }
    match canonical(&signed) {
        Ok(bytes) if bytes == link.body.as_bytes() && link.latest => Binding::Verified,
        Ok(bytes) if bytes == link.body.as_bytes() => Binding::Superseded,
        _ => Binding::ChangedAfterSigning,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn signed_text(body: &Value) -> String {
        String::from_utf8(canonical(body).expect("canonical")).expect("utf-8")
    }

    fn facts<'a>(body: &'a str, kind: &'a str, record_id: &'a str) -> LinkFacts<'a> {
        LinkFacts { device_id: "dev-1", of_author: true, kind, record_id, body, problem: None, latest: true }
    }

    #[test]
    fn a_record_is_verified_only_as_signed() {
        let unsigned = json!({ "id": "c1", "device_id": "dev-1", "verdict": { "at_site": false }, "signature": null,
            "finish_signature": null });
        let signed = signed_text(&unsigned);
        let mut stored = unsigned.clone();
        stored["signature"] = json!("h1");
        let link = facts(&signed, "check", "c1");
        assert_eq!(bind("site_check", "c1", &stored, Some(&link)), Binding::Verified);
        // The verdict turned from "away" to "at the site" without a new signature.
        let mut edited = stored.clone();
        edited["verdict"]["at_site"] = json!(true);
        assert_eq!(bind("site_check", "c1", &edited, Some(&link)), Binding::ChangedAfterSigning);
        assert_eq!(bind("site_check", "c1", &stored, None), Binding::Unsigned);
        assert_eq!(bind("site_check", "c2", &stored, Some(&link)), Binding::WrongRecord);
        assert_eq!(bind("site_check", "c1", &stored, Some(&facts(&signed, "photo", "c1"))), Binding::WrongRecord);
        let foreign = LinkFacts { of_author: false, ..link };
        assert_eq!(bind("site_check", "c1", &stored, Some(&foreign)), Binding::OtherDevice);
        let other_phone = LinkFacts { device_id: "dev-2", ..link };
        assert_eq!(bind("site_check", "c1", &stored, Some(&other_phone)), Binding::OtherDevice);
        let broken = LinkFacts { problem: Some("bad_signature"), ..link };
        assert_eq!(bind("site_check", "c1", &stored, Some(&broken)), Binding::LinkProblem);
        // An earlier state sent again after its device signed a later one.
        let old = LinkFacts { latest: false, ..link };
        assert_eq!(bind("site_check", "c1", &stored, Some(&old)), Binding::Superseded);
        assert_eq!(bind("site_check", "c1", &edited, Some(&old)), Binding::ChangedAfterSigning);
        let mut bare = stored.clone();
        bare["signature"] = Value::Null;
        assert_eq!(bind("site_check", "c1", &bare, Some(&link)), Binding::Unsigned);
    }

    #[test]
    fn a_finished_check_is_bound_to_its_finish_link() {
        let mut body = json!({ "id": "c1", "device_id": "dev-1", "state": "finished", "signature": "h1",
            "finish_signature": null });
        let signed = signed_text(&body);
        body["finish_signature"] = json!("h2");
        assert_eq!(signed_reference("site_check", &body), Some(("finish_signature", "h2".to_owned())));
        assert_eq!(bind("site_check", "c1", &body, Some(&facts(&signed, "check", "c1"))), Binding::Verified);
    }

    #[test]
    fn field_ids_come_from_the_body() {
        assert_eq!(field_record_id("site_check", &json!({ "id": "c1" })).as_deref(), Some("c1"));
        let answer = json!({ "check_id": "c1", "question": "purpose_kept" });
        assert_eq!(field_record_id("check_answer", &answer).as_deref(), Some("c1/purpose_kept"));
        let findings = json!({ "commune_list": "2025", "commune_code": "06613", "plan_id": "p1" });
        assert_eq!(field_record_id("commune_findings", &findings).as_deref(), Some("2025/06613/p1"));
        assert_eq!(field_record_id("site_check", &json!({ "id": "" })), None);
        assert_eq!(field_record_id("loan", &json!({ "id": "l" })), None);
    }

    #[test]
    fn codes_round_trip() {
        for b in Binding::ALL {
            assert_eq!(Binding::parse(b.code()), Some(b));
            assert_eq!(b.is_finding(), b != Binding::Verified);
        }
    }
}
