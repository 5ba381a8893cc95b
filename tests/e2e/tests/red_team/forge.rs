//! The forged cases of the red team, in groups, each beside its genuine twins: the author's second device
//! tampering with their own evidence after signing, and a colleague in the same commune.

use serde_json::{Value, json};
use vieclam_core::sync::wire::MutationOp;
use vieclam_e2e::chain::Chain;
use vieclam_e2e::fixtures::hlc;
use vieclam_e2e::wire;

use super::harness::{
    Actor, Case, Expect, Genuine, Templates, base_check, fresh_answer, fresh_check, fresh_photo, sha_of,
};

/// An edit made to a signed record.
type FieldEdit = fn(&mut Value);

fn control(check_id: &str, kind: &'static str, record_id: &str) -> Genuine {
    Genuine { check_id: check_id.into(), kind, record_id: record_id.into() }
}

fn case(name: &'static str, check_id: &str, kind: &'static str, record_id: &str, expect: Expect) -> Case {
    Case { name, check_id: check_id.into(), kind, record_id: record_id.into(), expect, refused_with: None }
}

/// The device behind `a`.
fn a2_device(a: &Actor) -> &'static wire::Device {
    a.device
}

/// The forgers and what they left: the cases to judge and their genuine twins.
struct Forger<'t> {
    t: &'t Templates,
    a2: Actor,
    b: Actor,
    cases: Vec<Case>,
    controls: Vec<Genuine>,
}

/// Every forged case against the server at `url`, and the genuine records made beside them.
pub(super) async fn forge(
    url: &str,
    t: &Templates,
    a_checks: &[String],
    sites: &[String],
) -> (Vec<Case>, Vec<Genuine>) {
    let a2 = Actor::new(url, "thanhtra-a", "thanhtra-a-mat-khau", 7101).await;
    let b = Actor::new(url, "thanhtra-b", "thanhtra-b-mat-khau", 7102).await;
    let mut f = Forger { t, a2, b, cases: Vec::new(), controls: Vec::new() };
    f.check_edits(sites).await;
    f.later_edit_and_replay().await;
    f.bad_references().await;
    f.bad_links().await;
    f.forked_chain().await;
    let check_id = f.answers().await;
    f.photos(&check_id).await;
    f.colleague(a_checks).await;
    (f.cases, f.controls)
}

impl Forger<'_> {
    /// The author edits a check after signing it: each edit on a new check, with an untouched twin beside it.
    async fn check_edits(&mut self, sites: &[String]) {
        // The author edits a check after signing it: each edit on a new check, with an untouched twin beside it.
        type Edit = fn(&mut Value, &[String]);
        let check_edits: [(&'static str, Edit); 8] = [
            ("check: verdict turned from away to at the site", |c, _| c["verdict"]["place"] = json!("at_site")),
            ("check: fix moved 1 km", |c, _| c["fix"]["lat"] = json!(c["fix"]["lat"].as_f64().unwrap_or(0.0) + 0.01)),
            ("check: distance to the site shortened", |c, _| {
                c["verdict"]["distance_m"] = json!(c["verdict"]["distance_m"].as_f64().unwrap_or(0.0) + 500.0)
            }),
            ("check: start time moved a day", |c, _| c["started_at"] = json!("2026-01-01T08:00:00.000Z")),
            ("check: another site named", |c, s| c["site_id"] = json!(s[1])),
            ("check: another loan named", |c, _| c["loan_id"] = json!("another-loan")),
            ("check: accuracy improved", |c, _| c["verdict"]["accuracy_m"] = json!(1.0)),
            ("check: a field added after signing", |c, _| c["note"] = json!("đã kiểm tra kỹ")),
        ];
        for (name, edit) in check_edits {
            for tamper in [false, true] {
                let (id, mut c) = fresh_check(self.t, &self.a2);
                c["verdict"]["place"] = json!("away");
                let link = self.a2.sign("check", &id, &mut c, "signature");
                if tamper {
                    let signed = c.clone();
                    edit(&mut c, sites);
                    assert_ne!(signed, c, "{name} changes the record");
                }
                assert_eq!(self.a2.put("site_check", &id, &c, vec![link]).await, None, "{name}");
                if tamper {
                    self.cases.push(case(
                        name,
                        &id,
                        "site_check",
                        &id,
                        Expect::Flagged("evidence.changed_after_signing"),
                    ));
                } else {
                    self.controls.push(control(&id, "site_check", &id));
                }
            }
        }
    }

    /// The author edits a verified check in a later push, and replays an old open state with its own old link.
    async fn later_edit_and_replay(&mut self) {
        // The author edits a verified check later, in a second push, keeping the old signature.
        let (id, mut c) = base_check(self.t, &mut self.a2).await;
        self.controls.push(control(&id, "site_check", &id)); // twin: the next one is edited
        let (id2, mut c2) = base_check(self.t, &mut self.a2).await;
        c2["verdict"]["place"] = json!("at_site");
        c2["verdict"]["distance_m"] = json!(3.0);
        c2["hlc"] = json!(hlc(vieclam_core::ids::now_millis(), 1, self.a2.node));
        let m = self.a2.mutation("site_check", &id2, &c2, MutationOp::Update);
        self.a2.push(vec![m], vec![]).await;
        self.cases.push(case(
            "check: verdict edited in a later push, old signature kept",
            &id2,
            "site_check",
            &id2,
            Expect::Flagged("evidence.changed_after_signing"),
        ));

        // A finished check, then its open state sent again with its genuine (older) link: a replay.
        c["state"] = json!("finished");
        c["finished_at"] = json!("2026-12-05T09:00:00.000Z");
        let finish = self.a2.sign("check", &id, &mut c, "finish_signature");
        assert_eq!(self.a2.put("site_check", &id, &c, vec![finish]).await, None);
        let (rid, mut replay) = base_check(self.t, &mut self.a2).await;
        let open_state = replay.clone();
        replay["state"] = json!("finished");
        replay["finished_at"] = json!("2026-12-05T09:30:00.000Z");
        let finish = self.a2.sign("check", &rid, &mut replay, "finish_signature");
        assert_eq!(self.a2.put("site_check", &rid, &replay, vec![finish]).await, None);
        let m = self.a2.mutation("site_check", &rid, &open_state, MutationOp::Update);
        self.a2.push(vec![m], vec![]).await;
        self.cases.push(case(
            "check: old open state replayed with its own old link",
            &rid,
            "site_check",
            &rid,
            Expect::Flagged("evidence.superseded"),
        ));
    }

    /// Signature references that do not fit: removed, made up, another record's, another kind's, another phone's.
    async fn bad_references(&mut self) {
        // Signature references that do not fit.
        let (id, mut c) = fresh_check(self.t, &self.a2);
        let link = self.a2.sign("check", &id, &mut c, "signature");
        c["signature"] = Value::Null;
        self.a2.put("site_check", &id, &c, vec![link]).await;
        self.cases.push(case(
            "check: signature reference removed",
            &id,
            "site_check",
            &id,
            Expect::Flagged("evidence.unsigned"),
        ));
        let (id, mut c) = fresh_check(self.t, &self.a2);
        c["signature"] = json!("ab".repeat(32));
        self.a2.put("site_check", &id, &c, vec![]).await;
        self.cases.push(case(
            "check: a made-up link hash",
            &id,
            "site_check",
            &id,
            Expect::Flagged("evidence.unsigned"),
        ));
        let (other_id, mut other) = fresh_check(self.t, &self.a2);
        let other_link = self.a2.sign("check", &other_id, &mut other, "signature");
        let (id, mut c) = fresh_check(self.t, &self.a2);
        c["signature"] = json!(other_link.link_hash);
        self.a2.put("site_check", &other_id, &other, vec![other_link]).await;
        self.controls.push(control(&other_id, "site_check", &other_id));
        self.a2.put("site_check", &id, &c, vec![]).await;
        self.cases.push(case(
            "check: names the link of another check",
            &id,
            "site_check",
            &id,
            Expect::Flagged("evidence.wrong_record"),
        ));
        let (id, mut c) = fresh_check(self.t, &self.a2);
        let link = self.a2.sign("photo", &id, &mut c, "signature");
        self.a2.put("site_check", &id, &c, vec![link]).await;
        self.cases.push(case(
            "check: signed as a photo link",
            &id,
            "site_check",
            &id,
            Expect::Flagged("evidence.wrong_record"),
        ));
        let (id, mut c) = fresh_check(self.t, &self.a2);
        c["device_id"] = json!(self.b.device_id);
        let link = self.a2.sign("check", &id, &mut c, "signature");
        self.a2.put("site_check", &id, &c, vec![link]).await;
        self.cases.push(case(
            "check: claims to come from a colleague's phone",
            &id,
            "site_check",
            &id,
            Expect::Flagged("evidence.other_device"),
        ));
    }

    /// Links that are not what they claim: an edited body, altered signature bytes, an unregistered key.
    async fn bad_links(&mut self) {
        // Links that are not what they claim.
        let (id, mut c) = fresh_check(self.t, &self.a2);
        let mut link = self.a2.sign("check", &id, &mut c, "signature");
        link.body = link.body.replace("\"state\":\"open\"", "\"state\":\"finished\"");
        c["state"] = json!("finished");
        self.a2.put("site_check", &id, &c, vec![link]).await;
        self.cases.push(case(
            "link: body edited after signing, record to match",
            &id,
            "site_check",
            &id,
            Expect::Flagged("evidence.link_problem"),
        ));
        let (id, mut c) = fresh_check(self.t, &self.a2);
        let mut link = self.a2.sign("check", &id, &mut c, "signature");
        link.signature = format!("{}{}", &link.signature[..2], "0".repeat(link.signature.len() - 2));
        self.a2.put("site_check", &id, &c, vec![link]).await;
        self.cases.push(case(
            "link: signature bytes altered",
            &id,
            "site_check",
            &id,
            Expect::Flagged("evidence.link_problem"),
        ));
        // Re-signed by a key the server never registered for this device (the link continues its chain otherwise).
        let stranger: &'static wire::Device = Box::leak(Box::new(wire::Device::from_seed(7199)));
        let (id, mut c) = fresh_check(self.t, &self.a2);
        c["signature"] = Value::Null;
        let mut link = Chain::positioned(stranger, self.a2.chain.seq(), self.a2.chain.prev()).link("check", &id, &c);
        link.device_id = self.a2.device_id.clone();
        c["signature"] = json!(link.link_hash);
        self.a2.chain.advance_to(link.seq, &link.link_hash.clone());
        self.a2.put("site_check", &id, &c, vec![link]).await;
        self.cases.push(case(
            "link: re-signed with an unregistered key",
            &id,
            "site_check",
            &id,
            Expect::Flagged("evidence.link_problem"),
        ));
    }

    /// A forked chain and a link far ahead; the genuine next link is still taken after them.
    async fn forked_chain(&mut self) {
        // Forked chain: a second link at a position the server already holds, and a link that skips ahead.
        let (id, mut c) = fresh_check(self.t, &self.a2);
        let held = self.a2.chain.link("check", &id, &json!({ "filler": true }));
        self.a2.push(vec![], vec![held.clone()]).await;
        let fork = {
            let mut before = Chain::positioned(a2_device(&self.a2), held.seq - 1, [0u8; 32]);
            before.advance_to(held.seq - 1, &held.prev_hash);
            c["signature"] = Value::Null;
            before.link("check", &id, &c)
        };
        c["signature"] = json!(fork.link_hash);
        let r = self.a2.push(vec![self.a2.mutation("site_check", &id, &c, MutationOp::Insert)], vec![fork]).await;
        assert!(r.chain_problems.iter().any(|p| p.code == "link_hash_mismatch"), "the fork is reported: {r:?}");
        self.cases.push(case(
            "chain: a fork at a held position",
            &id,
            "site_check",
            &id,
            Expect::Flagged("evidence.unsigned"),
        ));
        let (id, mut c) = fresh_check(self.t, &self.a2);
        let mut ahead = Chain::positioned(a2_device(&self.a2), self.a2.chain.seq() + 4, [7u8; 32]);
        c["signature"] = Value::Null;
        let far = ahead.link("check", &id, &c);
        c["signature"] = json!(far.link_hash);
        let r =
            self.a2.push(vec![self.a2.mutation("site_check", &id, &c, MutationOp::Insert)], vec![far.clone()]).await;
        assert!(r.chain_head < far.seq, "a link far ahead never becomes the head: {r:?}");
        self.cases.push(case(
            "chain: a link far ahead in sequence",
            &id,
            "site_check",
            &id,
            Expect::Flagged("evidence.unsigned"),
        ));
        // The genuine next link is still taken after the one far ahead.
        let (id, _) = base_check(self.t, &mut self.a2).await;
        self.controls.push(control(&id, "site_check", &id));
    }

    /// Answers of a verified check of the author's, edited, made up or re-signed by a colleague; answers the check.
    async fn answers(&mut self) -> String {
        // Answers and photos of a verified check of the author's.
        let (check_id, _) = base_check(self.t, &mut self.a2).await;
        self.controls.push(control(&check_id, "site_check", &check_id));
        type FieldEdit = fn(&mut Value);
        let answer_edits: [(&'static str, &'static str, FieldEdit); 4] = [
            ("answer: value changed after signing", "q_value", |a| a["value"] = json!("thay đổi")),
            ("answer: time of answer changed", "q_time", |a| a["answered_at"] = json!("2026-01-02T00:00:00.000Z")),
            ("answer: kind of question changed", "q_kind", |a| a["kind"] = json!("number")),
            ("answer: moved to another check", "q_moved", |_| {}),
        ];
        let (moved_to, _) = base_check(self.t, &mut self.a2).await;
        self.controls.push(control(&moved_to, "site_check", &moved_to));
        for (name, q, edit) in answer_edits {
            for tamper in [false, true] {
                let question = format!("{q}_{}", u8::from(tamper));
                let (aid, mut a) = fresh_answer(self.t, &check_id, &question);
                let link = self.a2.sign("answer", &aid, &mut a, "signature");
                let (mut aid, mut target) = (aid, check_id.clone());
                if tamper {
                    edit(&mut a);
                    if q == "q_moved" {
                        a["check_id"] = json!(moved_to);
                        aid = format!("{moved_to}/{question}");
                        target = moved_to.clone();
                    }
                }
                let refused = self.a2.put("check_answer", &aid, &a, vec![link]).await;
                assert_eq!(refused, None, "{name}");
                if tamper {
                    let expect =
                        if q == "q_moved" { "evidence.wrong_record" } else { "evidence.changed_after_signing" };
                    self.cases.push(case(name, &target, "check_answer", &aid, Expect::Flagged(expect)));
                } else {
                    self.controls.push(control(&check_id, "check_answer", &aid));
                }
            }
        }
        let (aid, mut a) = fresh_answer(self.t, &check_id, "q_unsigned");
        a["signature"] = json!("cd".repeat(32));
        self.a2.put("check_answer", &aid, &a, vec![]).await;
        self.cases.push(case(
            "answer: signature made up",
            &check_id,
            "check_answer",
            &aid,
            Expect::Flagged("evidence.unsigned"),
        ));
        // Re-signed by another account's device: the colleague signs the author's answer record.
        let (aid, mut a) = fresh_answer(self.t, &check_id, "q_colleague");
        let link = self.b.sign("answer", &aid, &mut a, "signature");
        self.b.push(vec![], vec![link]).await;
        self.a2.put("check_answer", &aid, &a, vec![]).await;
        self.cases.push(case(
            "answer: re-signed by a colleague's device",
            &check_id,
            "check_answer",
            &aid,
            Expect::Flagged("evidence.other_device"),
        ));
        check_id
    }

    /// Photos of the author's check `check_id`, edited after signing or moved from another check.
    async fn photos(&mut self, check_id: &str) {
        let photo_edits: [(&'static str, FieldEdit); 5] = [
            ("photo: bytes swapped (hash replaced)", |p| p["sha256"] = json!(sha_of(b"other bytes"))),
            ("photo: EXIF position edited", |p| p["source_gps"] = json!([21.9, 106.7])),
            ("photo: taken later than signed", |p| p["taken_at"] = json!("2026-12-06T10:00:00Z")),
            ("photo: size changed", |p| p["size_bytes"] = json!(12345)),
            ("photo: reuse flag cleared", |p| p["flags"] = json!({})),
        ];
        for (i, (name, edit)) in photo_edits.into_iter().enumerate() {
            for tamper in [false, true] {
                let (pid, mut p) = fresh_photo(self.t, check_id, &sha_of(format!("photo {i} {tamper}").as_bytes()));
                let link = self.a2.sign("photo", &pid, &mut p, "signature");
                if tamper {
                    edit(&mut p);
                }
                assert_eq!(self.a2.put("check_photo", &pid, &p, vec![link]).await, None, "{name}");
                if tamper {
                    self.cases.push(case(
                        name,
                        check_id,
                        "check_photo",
                        &pid,
                        Expect::Flagged("evidence.changed_after_signing"),
                    ));
                } else {
                    self.controls.push(control(check_id, "check_photo", &pid));
                }
            }
        }
        // A photo record of another check, moved here unsigned.
        let (other_check, _) = base_check(self.t, &mut self.a2).await;
        self.controls.push(control(&other_check, "site_check", &other_check));
        let (pid, mut p) = fresh_photo(self.t, &other_check, &sha_of(b"from another check"));
        let link = self.a2.sign("photo", &pid, &mut p, "signature");
        p["check_id"] = json!(check_id);
        self.a2.put("check_photo", &pid, &p, vec![link]).await;
        self.cases.push(case(
            "photo: from another check",
            check_id,
            "check_photo",
            &pid,
            Expect::Flagged("evidence.changed_after_signing"),
        ));
    }

    /// The colleague against the author's genuine checks (made by the shell): refused, harmless or flagged.
    async fn colleague(&mut self, a_checks: &[String]) {
        // The colleague against the author's genuine checks (made by the shell).
        let victim = &a_checks[0];
        let mut over = self.t.check.clone();
        over["verdict"]["place"] = json!("away");
        let r = self.b.put("site_check", victim, &over, vec![]).await;
        self.cases.push(Case {
            refused_with: r,
            ..case("colleague: overwrites a check", victim, "site_check", victim, Expect::Refused("mutation.not_owner"))
        });
        let (own_id, _) = fresh_check(self.t, &self.b);
        let mut disguised = self.t.check.clone();
        disguised["device_id"] = json!(self.b.device_id);
        let r = self.b.put("site_check", &own_id, &disguised, vec![]).await;
        self.cases.push(Case {
            refused_with: r,
            ..case(
                "colleague: own id, body naming the author's check",
                victim,
                "site_check",
                victim,
                Expect::Refused("mutation.id_mismatch"),
            )
        });
        let (aid, a) = fresh_answer(self.t, victim, "purpose_kept");
        let r = self.b.put("check_answer", &aid, &a, vec![]).await;
        self.cases.push(Case {
            refused_with: r,
            ..case(
                "colleague: answers the author's check",
                victim,
                "check_answer",
                &aid,
                Expect::Refused("mutation.not_owner"),
            )
        });
        let mut bad = self.b.chain.link("check", victim, &json!({ "forged": true }));
        bad.signature = "00".repeat(64);
        self.b.push(vec![], vec![bad]).await;
        self.cases.push(case(
            "colleague: a bad link naming the author's check",
            victim,
            "site_check",
            victim,
            Expect::Harmless,
        ));
        let (bid, mut copy) = fresh_check(self.t, &self.b);
        copy["signature"] = self.t.check["signature"].clone();
        self.b.put("site_check", &bid, &copy, vec![]).await;
        self.cases.push(case(
            "colleague: a copy naming the author's signature",
            &bid,
            "site_check",
            &bid,
            Expect::Flagged("evidence.other_device"),
        ));
    }
}
