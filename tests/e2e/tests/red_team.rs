//! The red team: forged and tampered evidence against the real server, on SQLite and PostgreSQL, beside genuine
//! evidence that must pass untouched.
//!
//! Genuine evidence comes from two sources: checks made by the real `vieclam` shell (the core's own signer, as a
//! phone makes them) for two inspectors, and for every forged case a *control twin* built and signed the same way
//! by the test but left alone, so a flagged forgery can never be explained by a mistake in how the test builds
//! records. Forged cases come from inspector A's second registered device (the author tampering with their own
//! evidence after signing), from inspector B (a colleague in the same commune) and from a borrower.
//!
//! Each forged case expects one of: **flagged** with a stated `evidence.*` code (the record is kept and the office
//! sees why, in `GET /v1/checks/{id}` and on the dashboard's check page), **refused** with a stated code (nothing of
//! it is stored), or **harmless** (it aimed at someone else's record, which must still verify). The suite's last
//! line is the table's total.

use std::path::Path;

use serde_json::{Value, json};
use vieclam_core::evidence::signing::SignedLink;
use vieclam_core::sync::wire::{Mutation, MutationOp, MutationStatus, PushRequest, PushResponse};
use vieclam_e2e::chain::{Chain, hex};
use vieclam_e2e::cli::{self, Device};
use vieclam_e2e::fixtures::hlc;
use vieclam_e2e::loans_csv;
use vieclam_e2e::postgres::PgCluster;
use vieclam_e2e::server::{Server, ServerConfig, admin_command, admin_command_with_stdin};
use vieclam_e2e::wire::{self, WireClient};

const COMMUNE: &str = "05977";

/// What a forged case must end in.
#[derive(Clone, Debug, PartialEq)]
enum Expect {
    /// Stored and flagged with this evidence code.
    Flagged(&'static str),
    /// Refused with this mutation code; nothing stored.
    Refused(&'static str),
    /// Aimed at another record, which still verifies.
    Harmless,
}

/// One forged case: where to look, and what must be seen.
struct Case {
    name: &'static str,
    check_id: String,
    kind: &'static str,
    record_id: String,
    expect: Expect,
    /// For refusals: the code the push answered.
    refused_with: Option<String>,
}

/// One genuine record: must verify.
struct Genuine {
    check_id: String,
    kind: &'static str,
    record_id: String,
}

/// A device the test holds the key of, signed in as an account, with its chain.
struct Actor {
    client: WireClient,
    device: &'static wire::Device,
    chain: Chain<'static>,
    device_id: String,
    node: u32,
}

impl Actor {
    async fn new(url: &str, user: &str, password: &str, seed: u64) -> Actor {
        let device: &'static wire::Device = Box::leak(Box::new(wire::Device::from_seed(seed)));
        let mut client = WireClient::new(reqwest::Client::new(), url);
        client.login(user, password, device).await.expect("sign in");
        Actor { client, device, chain: Chain::new(device), device_id: device.device_id.clone(), node: seed as u32 }
    }

    /// Signs `body` as record `id` (link kind `link_kind`) and writes the link's hash into `field`.
    fn sign(&mut self, link_kind: &str, id: &str, body: &mut Value, field: &str) -> SignedLink {
        body[field] = Value::Null;
        let link = self.chain.link(link_kind, id, body);
        body[field] = json!(link.link_hash);
        link
    }

    fn mutation(&self, kind: &str, id: &str, body: &Value, op: MutationOp) -> Mutation {
        Mutation {
            id: vieclam_core::ids::new_id(),
            entity: kind.into(),
            entity_id: id.into(),
            op,
            payload: body.clone().into(),
            hlc: hlc(vieclam_core::ids::now_millis(), 0, self.node),
        }
    }

    async fn push(&self, mutations: Vec<Mutation>, links: Vec<SignedLink>) -> PushResponse {
        self.client.push(&PushRequest { mutations, links }).await.expect("push")
    }

    /// Pushes one record of `kind` with `links`; answers the refusal code, if refused.
    async fn put(&self, kind: &str, id: &str, body: &Value, links: Vec<SignedLink>) -> Option<String> {
        let r = self.push(vec![self.mutation(kind, id, body, MutationOp::Insert)], links).await;
        (r.results[0].status == MutationStatus::Rejected).then(|| r.results[0].code.clone().unwrap_or_default())
    }
}

/// The records a genuine check made by the shell left on the server, as templates.
struct Templates {
    check: Value,
    answer: Value,
    photo: Value,
}

/// A fresh, unsigned check for `actor` from the template: new id, open, at `site_id`.
fn fresh_check(t: &Templates, actor: &Actor) -> (String, Value) {
    let id = vieclam_core::ids::new_id();
    let mut c = t.check.clone();
    for (k, v) in [
        ("id", json!(id)),
        ("root_id", json!(id)),
        ("device_id", json!(actor.device_id)),
        ("state", json!("open")),
        ("finished_at", Value::Null),
        ("finish_signature", Value::Null),
        ("revision", json!(1)),
        ("revises", Value::Null),
        ("revision_reason", Value::Null),
    ] {
        c[k] = v;
    }
    (id, c)
}

/// A signed, open check of `actor`, pushed; answers its id and body.
async fn base_check(t: &Templates, actor: &mut Actor) -> (String, Value) {
    let (id, mut c) = fresh_check(t, actor);
    let link = actor.sign("check", &id, &mut c, "signature");
    assert_eq!(actor.put("site_check", &id, &c, vec![link]).await, None, "a base check is taken");
    (id, c)
}

fn fresh_answer(t: &Templates, check_id: &str, question: &str) -> (String, Value) {
    let mut a = t.answer.clone();
    a["check_id"] = json!(check_id);
    a["question"] = json!(question);
    (format!("{check_id}/{question}"), a)
}

fn fresh_photo(t: &Templates, check_id: &str, sha: &str) -> (String, Value) {
    let id = vieclam_core::ids::new_id();
    let mut p = t.photo.clone();
    p["id"] = json!(id);
    p["check_id"] = json!(check_id);
    p["sha256"] = json!(sha);
    (id, p)
}

fn sha_of(bytes: &[u8]) -> String {
    hex(&vieclam_core::evidence::signing::sha256(bytes))
}

/// The office's day: an import, two inspectors and an admin, a plan for both, an activation code.
fn office(config: &ServerConfig, work: &Path) -> (Vec<loans_csv::ImportedLoan>, String) {
    let csv = work.join("sao-ke.csv");
    let loans = loans_csv::write(&csv, COMMUNE, 6, 6, "RT", 23).expect("CSV");
    admin_command(config, &["import", "loans", &csv.display().to_string()]).expect("import");
    for (role, user) in [("inspector", "thanhtra-a"), ("inspector", "thanhtra-b"), ("admin", "vanphong")] {
        let args = ["users", "add", "--role", role, "--username", user, "--name", "Hoàng Thị Lan", "--password-stdin"];
        admin_command_with_stdin(config, &args, &format!("{user}-mat-khau\n")).expect("users add");
    }
    let today = chrono::Local::now().date_naive();
    let (from, to) = ((today - chrono::Days::new(1)).to_string(), (today + chrono::Days::new(30)).to_string());
    let plan = ["plans", "add", "--name", "07/KH-DO", "--inspector", "thanhtra-a", "--inspector", "thanhtra-b"];
    admin_command(config, &[&plan[..], &["--communes", COMMUNE, "--from", &from, "--to", &to]].concat()).expect("plan");
    let issued =
        admin_command(config, &["activation", "issue", "--borrower", &loans[0].borrower_id]).expect("activation");
    let code = String::from_utf8_lossy(&issued.stdout).trim().rsplit(' ').next().expect("code").to_owned();
    (loans, code)
}

/// A finished check through the shell, every required question answered, one photo. Answers its code.
fn shell_check(device: &Device, site: &(String, String, String), variant: u8) -> String {
    let (site_id, lat, lon) = site;
    let started = device
        .ok(&["check", "start", "--site", site_id, "--at", &format!("{lat},{lon}"), "--accuracy", "4"])
        .expect("start");
    let code = cli::word_after(&started, "kiểm tra ").expect("a check code");
    cli::answer_checklist(device, &code).expect("checklist");
    let jpeg = device.home().join(format!("camera-{variant}.jpg"));
    cli::camera_jpeg(&jpeg, variant).expect("JPEG");
    device.ok(&["check", "photo", &code, &jpeg.display().to_string()]).expect("photo");
    device.ok(&["check", "finish", &code]).expect("finish");
    code
}

/// The office's web pages, signed in as the admin.
struct Office {
    http: reqwest::Client,
    base: String,
    cookie: String,
}

impl Office {
    async fn sign_in(base: &str) -> Office {
        let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
        let r = http
            .post(format!("{base}/office/login"))
            .form(&[("username", "vanphong"), ("password", "vanphong-mat-khau")])
            .send()
            .await
            .expect("office login");
        let cookie = r.headers().get("set-cookie").and_then(|v| v.to_str().ok()).expect("a session cookie");
        let cookie = cookie.split(';').next().expect("name=value").to_owned();
        Office { http, base: base.to_owned(), cookie }
    }

    async fn check_page(&self, id: &str) -> String {
        let r = self.http.get(format!("{}/office/checks/{id}", self.base)).header("cookie", &self.cookie).send();
        r.await.expect("check page").text().await.expect("html")
    }
}

/// The evidence status the API gives `kind`/`record_id` of check `check_id`, and the check's overall status.
async fn api_status(admin: &WireClient, check_id: &str, kind: &str, record_id: &str) -> (String, String) {
    let v: Value = admin.get_json(&format!("/v1/checks/{check_id}")).await.expect("GET check");
    let ev = &v["evidence"];
    let mine = ev["records"]
        .as_array()
        .and_then(|rs| rs.iter().find(|r| r["kind"] == kind && r["id"] == record_id))
        .and_then(|r| r["status"].as_str())
        .unwrap_or("absent")
        .to_owned();
    (mine, ev["status"].as_str().unwrap_or_default().to_owned())
}

#[allow(clippy::too_many_lines)]
async fn forge(url: &str, t: &Templates, a_checks: &[String], sites: &[String]) -> (Vec<Case>, Vec<Genuine>) {
    let mut a2 = Actor::new(url, "thanhtra-a", "thanhtra-a-mat-khau", 7101).await;
    let mut b = Actor::new(url, "thanhtra-b", "thanhtra-b-mat-khau", 7102).await;
    let (mut cases, mut controls) = (Vec::new(), Vec::new());
    let control = |check_id: &str, kind: &'static str, record_id: &str| Genuine {
        check_id: check_id.into(),
        kind,
        record_id: record_id.into(),
    };
    let case = |name: &'static str, check_id: &str, kind: &'static str, record_id: &str, expect: Expect| Case {
        name,
        check_id: check_id.into(),
        kind,
        record_id: record_id.into(),
        expect,
        refused_with: None,
    };

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
            let (id, mut c) = fresh_check(t, &a2);
            c["verdict"]["place"] = json!("away");
            let link = a2.sign("check", &id, &mut c, "signature");
            if tamper {
                let signed = c.clone();
                edit(&mut c, sites);
                assert_ne!(signed, c, "{name} changes the record");
            }
            assert_eq!(a2.put("site_check", &id, &c, vec![link]).await, None, "{name}");
            if tamper {
                cases.push(case(name, &id, "site_check", &id, Expect::Flagged("evidence.changed_after_signing")));
            } else {
                controls.push(control(&id, "site_check", &id));
            }
        }
    }

    // The author edits a verified check later, in a second push, keeping the old signature.
    let (id, mut c) = base_check(t, &mut a2).await;
    controls.push(control(&id, "site_check", &id)); // twin: the next one is edited
    let (id2, mut c2) = base_check(t, &mut a2).await;
    c2["verdict"]["place"] = json!("at_site");
    c2["verdict"]["distance_m"] = json!(3.0);
    c2["hlc"] = json!(hlc(vieclam_core::ids::now_millis(), 1, a2.node));
    let m = a2.mutation("site_check", &id2, &c2, MutationOp::Update);
    a2.push(vec![m], vec![]).await;
    cases.push(case(
        "check: verdict edited in a later push, old signature kept",
        &id2,
        "site_check",
        &id2,
        Expect::Flagged("evidence.changed_after_signing"),
    ));

    // A finished check, then its open state sent again with its genuine (older) link: a replay.
    c["state"] = json!("finished");
    c["finished_at"] = json!("2026-12-05T09:00:00.000Z");
    let finish = a2.sign("check", &id, &mut c, "finish_signature");
    assert_eq!(a2.put("site_check", &id, &c, vec![finish]).await, None);
    let (rid, mut replay) = base_check(t, &mut a2).await;
    let open_state = replay.clone();
    replay["state"] = json!("finished");
    replay["finished_at"] = json!("2026-12-05T09:30:00.000Z");
    let finish = a2.sign("check", &rid, &mut replay, "finish_signature");
    assert_eq!(a2.put("site_check", &rid, &replay, vec![finish]).await, None);
    let m = a2.mutation("site_check", &rid, &open_state, MutationOp::Update);
    a2.push(vec![m], vec![]).await;
    cases.push(case(
        "check: old open state replayed with its own old link",
        &rid,
        "site_check",
        &rid,
        Expect::Flagged("evidence.superseded"),
    ));

    // Signature references that do not fit.
    let (id, mut c) = fresh_check(t, &a2);
    let link = a2.sign("check", &id, &mut c, "signature");
    c["signature"] = Value::Null;
    a2.put("site_check", &id, &c, vec![link]).await;
    cases.push(case(
        "check: signature reference removed",
        &id,
        "site_check",
        &id,
        Expect::Flagged("evidence.unsigned"),
    ));
    let (id, mut c) = fresh_check(t, &a2);
    c["signature"] = json!("ab".repeat(32));
    a2.put("site_check", &id, &c, vec![]).await;
    cases.push(case("check: a made-up link hash", &id, "site_check", &id, Expect::Flagged("evidence.unsigned")));
    let (other_id, mut other) = fresh_check(t, &a2);
    let other_link = a2.sign("check", &other_id, &mut other, "signature");
    let (id, mut c) = fresh_check(t, &a2);
    c["signature"] = json!(other_link.link_hash);
    a2.put("site_check", &other_id, &other, vec![other_link]).await;
    controls.push(control(&other_id, "site_check", &other_id));
    a2.put("site_check", &id, &c, vec![]).await;
    cases.push(case(
        "check: names the link of another check",
        &id,
        "site_check",
        &id,
        Expect::Flagged("evidence.wrong_record"),
    ));
    let (id, mut c) = fresh_check(t, &a2);
    let link = a2.sign("photo", &id, &mut c, "signature");
    a2.put("site_check", &id, &c, vec![link]).await;
    cases.push(case("check: signed as a photo link", &id, "site_check", &id, Expect::Flagged("evidence.wrong_record")));
    let (id, mut c) = fresh_check(t, &a2);
    c["device_id"] = json!(b.device_id);
    let link = a2.sign("check", &id, &mut c, "signature");
    a2.put("site_check", &id, &c, vec![link]).await;
    cases.push(case(
        "check: claims to come from a colleague's phone",
        &id,
        "site_check",
        &id,
        Expect::Flagged("evidence.other_device"),
    ));

    // Links that are not what they claim.
    let (id, mut c) = fresh_check(t, &a2);
    let mut link = a2.sign("check", &id, &mut c, "signature");
    link.body = link.body.replace("\"state\":\"open\"", "\"state\":\"finished\"");
    c["state"] = json!("finished");
    a2.put("site_check", &id, &c, vec![link]).await;
    cases.push(case(
        "link: body edited after signing, record to match",
        &id,
        "site_check",
        &id,
        Expect::Flagged("evidence.link_problem"),
    ));
    let (id, mut c) = fresh_check(t, &a2);
    let mut link = a2.sign("check", &id, &mut c, "signature");
    link.signature = format!("{}{}", &link.signature[..2], "0".repeat(link.signature.len() - 2));
    a2.put("site_check", &id, &c, vec![link]).await;
    cases.push(case("link: signature bytes altered", &id, "site_check", &id, Expect::Flagged("evidence.link_problem")));
    // Re-signed by a key the server never registered for this device (the link continues its chain otherwise).
    let stranger: &'static wire::Device = Box::leak(Box::new(wire::Device::from_seed(7199)));
    let (id, mut c) = fresh_check(t, &a2);
    c["signature"] = Value::Null;
    let mut link = Chain::positioned(stranger, a2.chain.seq(), a2.chain.prev()).link("check", &id, &c);
    link.device_id = a2.device_id.clone();
    c["signature"] = json!(link.link_hash);
    a2.chain.advance_to(link.seq, &link.link_hash.clone());
    a2.put("site_check", &id, &c, vec![link]).await;
    cases.push(case(
        "link: re-signed with an unregistered key",
        &id,
        "site_check",
        &id,
        Expect::Flagged("evidence.link_problem"),
    ));

    // Forked chain: a second link at a position the server already holds, and a link that skips ahead.
    let (id, mut c) = fresh_check(t, &a2);
    let held = a2.chain.link("check", &id, &json!({ "filler": true }));
    a2.push(vec![], vec![held.clone()]).await;
    let fork = {
        let mut before = Chain::positioned(a2_device(&a2), held.seq - 1, [0u8; 32]);
        before.advance_to(held.seq - 1, &held.prev_hash);
        c["signature"] = Value::Null;
        before.link("check", &id, &c)
    };
    c["signature"] = json!(fork.link_hash);
    let r = a2.push(vec![a2.mutation("site_check", &id, &c, MutationOp::Insert)], vec![fork]).await;
    assert!(r.chain_problems.iter().any(|p| p.code == "link_hash_mismatch"), "the fork is reported: {r:?}");
    cases.push(case("chain: a fork at a held position", &id, "site_check", &id, Expect::Flagged("evidence.unsigned")));
    let (id, mut c) = fresh_check(t, &a2);
    let mut ahead = Chain::positioned(a2_device(&a2), a2.chain.seq() + 4, [7u8; 32]);
    c["signature"] = Value::Null;
    let far = ahead.link("check", &id, &c);
    c["signature"] = json!(far.link_hash);
    let r = a2.push(vec![a2.mutation("site_check", &id, &c, MutationOp::Insert)], vec![far.clone()]).await;
    assert!(r.chain_head < far.seq, "a link far ahead never becomes the head: {r:?}");
    cases.push(case(
        "chain: a link far ahead in sequence",
        &id,
        "site_check",
        &id,
        Expect::Flagged("evidence.unsigned"),
    ));
    // The genuine next link is still taken after the one far ahead.
    let (id, _) = base_check(t, &mut a2).await;
    controls.push(control(&id, "site_check", &id));

    // Answers and photos of a verified check of the author's.
    let (check_id, _) = base_check(t, &mut a2).await;
    controls.push(control(&check_id, "site_check", &check_id));
    type FieldEdit = fn(&mut Value);
    let answer_edits: [(&'static str, &'static str, FieldEdit); 4] = [
        ("answer: value changed after signing", "q_value", |a| a["value"] = json!("thay đổi")),
        ("answer: time of answer changed", "q_time", |a| a["answered_at"] = json!("2026-01-02T00:00:00.000Z")),
        ("answer: kind of question changed", "q_kind", |a| a["kind"] = json!("number")),
        ("answer: moved to another check", "q_moved", |_| {}),
    ];
    let (moved_to, _) = base_check(t, &mut a2).await;
    controls.push(control(&moved_to, "site_check", &moved_to));
    for (name, q, edit) in answer_edits {
        for tamper in [false, true] {
            let question = format!("{q}_{}", u8::from(tamper));
            let (aid, mut a) = fresh_answer(t, &check_id, &question);
            let link = a2.sign("answer", &aid, &mut a, "signature");
            let (mut aid, mut target) = (aid, check_id.clone());
            if tamper {
                edit(&mut a);
                if q == "q_moved" {
                    a["check_id"] = json!(moved_to);
                    aid = format!("{moved_to}/{question}");
                    target = moved_to.clone();
                }
            }
            let refused = a2.put("check_answer", &aid, &a, vec![link]).await;
            assert_eq!(refused, None, "{name}");
            if tamper {
                let expect = if q == "q_moved" { "evidence.wrong_record" } else { "evidence.changed_after_signing" };
                cases.push(case(name, &target, "check_answer", &aid, Expect::Flagged(expect)));
            } else {
                controls.push(control(&check_id, "check_answer", &aid));
            }
        }
    }
    let (aid, mut a) = fresh_answer(t, &check_id, "q_unsigned");
    a["signature"] = json!("cd".repeat(32));
    a2.put("check_answer", &aid, &a, vec![]).await;
    cases.push(case(
        "answer: signature made up",
        &check_id,
        "check_answer",
        &aid,
        Expect::Flagged("evidence.unsigned"),
    ));
    // Re-signed by another account's device: the colleague signs the author's answer record.
    let (aid, mut a) = fresh_answer(t, &check_id, "q_colleague");
    let link = b.sign("answer", &aid, &mut a, "signature");
    b.push(vec![], vec![link]).await;
    a2.put("check_answer", &aid, &a, vec![]).await;
    cases.push(case(
        "answer: re-signed by a colleague's device",
        &check_id,
        "check_answer",
        &aid,
        Expect::Flagged("evidence.other_device"),
    ));

    let photo_edits: [(&'static str, FieldEdit); 5] = [
        ("photo: bytes swapped (hash replaced)", |p| p["sha256"] = json!(sha_of(b"other bytes"))),
        ("photo: EXIF position edited", |p| p["source_gps"] = json!([21.9, 106.7])),
        ("photo: taken later than signed", |p| p["taken_at"] = json!("2026-12-06T10:00:00Z")),
        ("photo: size changed", |p| p["size_bytes"] = json!(12345)),
        ("photo: reuse flag cleared", |p| p["flags"] = json!({})),
    ];
    for (i, (name, edit)) in photo_edits.into_iter().enumerate() {
        for tamper in [false, true] {
            let (pid, mut p) = fresh_photo(t, &check_id, &sha_of(format!("photo {i} {tamper}").as_bytes()));
            let link = a2.sign("photo", &pid, &mut p, "signature");
            if tamper {
                edit(&mut p);
            }
            assert_eq!(a2.put("check_photo", &pid, &p, vec![link]).await, None, "{name}");
            if tamper {
                cases.push(case(
                    name,
                    &check_id,
                    "check_photo",
                    &pid,
                    Expect::Flagged("evidence.changed_after_signing"),
                ));
            } else {
                controls.push(control(&check_id, "check_photo", &pid));
            }
        }
    }
    // A photo record of another check, moved here unsigned.
    let (other_check, _) = base_check(t, &mut a2).await;
    controls.push(control(&other_check, "site_check", &other_check));
    let (pid, mut p) = fresh_photo(t, &other_check, &sha_of(b"from another check"));
    let link = a2.sign("photo", &pid, &mut p, "signature");
    p["check_id"] = json!(check_id);
    a2.put("check_photo", &pid, &p, vec![link]).await;
    cases.push(case(
        "photo: from another check",
        &check_id,
        "check_photo",
        &pid,
        Expect::Flagged("evidence.changed_after_signing"),
    ));

    // The colleague against the author's genuine checks (made by the shell).
    let victim = &a_checks[0];
    let mut over = t.check.clone();
    over["verdict"]["place"] = json!("away");
    let r = b.put("site_check", victim, &over, vec![]).await;
    cases.push(Case {
        refused_with: r,
        ..case("colleague: overwrites a check", victim, "site_check", victim, Expect::Refused("mutation.not_owner"))
    });
    let (own_id, _) = fresh_check(t, &b);
    let mut disguised = t.check.clone();
    disguised["device_id"] = json!(b.device_id);
    let r = b.put("site_check", &own_id, &disguised, vec![]).await;
    cases.push(Case {
        refused_with: r,
        ..case(
            "colleague: own id, body naming the author's check",
            victim,
            "site_check",
            victim,
            Expect::Refused("mutation.id_mismatch"),
        )
    });
    let (aid, a) = fresh_answer(t, victim, "purpose_kept");
    let r = b.put("check_answer", &aid, &a, vec![]).await;
    cases.push(Case {
        refused_with: r,
        ..case(
            "colleague: answers the author's check",
            victim,
            "check_answer",
            &aid,
            Expect::Refused("mutation.not_owner"),
        )
    });
    let mut bad = b.chain.link("check", victim, &json!({ "forged": true }));
    bad.signature = "00".repeat(64);
    b.push(vec![], vec![bad]).await;
    cases.push(case("colleague: a bad link naming the author's check", victim, "site_check", victim, Expect::Harmless));
    let (bid, mut copy) = fresh_check(t, &b);
    copy["signature"] = t.check["signature"].clone();
    b.put("site_check", &bid, &copy, vec![]).await;
    cases.push(case(
        "colleague: a copy naming the author's signature",
        &bid,
        "site_check",
        &bid,
        Expect::Flagged("evidence.other_device"),
    ));
    (cases, controls)
}

/// The device behind `a`.
fn a2_device(a: &Actor) -> &'static wire::Device {
    a.device
}

fn red_team(config: ServerConfig, work: &Path) {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let (loans, activation) = office(&config, work);
    let server = Server::start(config.clone()).expect("server");
    let url = server.url();
    let sites: Vec<(String, String, String)> = loans.iter().filter_map(|l| l.site.clone()).collect();

    // Genuine: two inspectors' checks through the shell, synced as a phone syncs.
    let a = Device::init(work.join("a")).expect("init");
    let b = Device::init(work.join("b")).expect("init");
    a.login(&url, "thanhtra-a", "thanhtra-a-mat-khau").expect("login a");
    b.login(&url, "thanhtra-b", "thanhtra-b-mat-khau").expect("login b");
    a.ok(&["sync"]).expect("a pulls");
    b.ok(&["sync"]).expect("b pulls");
    let a_codes: Vec<String> = (0..3).map(|i| shell_check(&a, &sites[i], i as u8 + 1)).collect();
    let b_codes = [shell_check(&b, &sites[3], 9)];
    for d in [&a, &b] {
        let sent = d.ok(&["sync"]).expect("sync");
        assert!(sent.contains("Đã gửi"), "{sent}");
    }

    let (admin, held) = rt.block_on(async {
        let mut admin = WireClient::new(reqwest::Client::new(), &url);
        admin.login("vanphong", "vanphong-mat-khau", &wire::Device::from_seed(7100)).await.expect("admin");
        let held = admin.pull_all().await.expect("admin pull");
        (admin, held)
    });
    let body_of = |kind: &str, pick: &dyn Fn(&Value) -> bool| -> Value {
        held.iter().filter(|c| c.kind == kind).filter_map(|c| c.body.clone()).find(|b| pick(b)).expect(kind)
    };
    // Each device numbers its own visits, so the two shells' codes may be the same: tell them apart by device.
    let device_of = |d: &Device| d.open_store().expect("store").device_id().expect("device id");
    let (a_device, b_device) = (device_of(&a), device_of(&b));
    let shell_checks: Vec<Value> = held
        .iter()
        .filter(|c| c.kind == "site_check")
        .filter_map(|c| c.body.clone())
        .filter(|b| b["device_id"] == json!(a_device) || b["device_id"] == json!(b_device))
        .collect();
    assert_eq!(shell_checks.len(), a_codes.len() + b_codes.len(), "every shell check is on the server");
    let a_checks: Vec<String> = shell_checks
        .iter()
        .filter(|b| b["device_id"] == json!(a_device))
        .filter_map(|b| b["id"].as_str().map(str::to_owned))
        .collect();
    let template_check = body_of("site_check", &|b| b["id"] == json!(a_checks[0]));
    let templates = Templates {
        answer: body_of("check_answer", &|b| b["check_id"] == template_check["id"]),
        photo: body_of("check_photo", &|b| b["check_id"] == template_check["id"]),
        check: template_check,
    };
    let mut genuine: Vec<Genuine> = Vec::new();
    for change in &held {
        let Some(body) = &change.body else { continue };
        let check_id = match change.kind.as_str() {
            "site_check" => body["id"].as_str(),
            "check_answer" | "check_photo" => body["check_id"].as_str(),
            _ => None,
        };
        if let Some(check_id) = check_id.filter(|c| shell_checks.iter().any(|s| s["id"] == *c)) {
            let kind: &'static str = match change.kind.as_str() {
                "site_check" => "site_check",
                "check_answer" => "check_answer",
                _ => "check_photo",
            };
            genuine.push(Genuine { check_id: check_id.to_owned(), kind, record_id: change.id.clone() });
        }
    }
    let shell_genuine = genuine.len();
    assert!(shell_genuine >= 20, "the shell's checks left {shell_genuine} records");

    let site_ids: Vec<String> = sites.iter().map(|s| s.0.clone()).collect();
    let (mut cases, controls) = rt.block_on(forge(&url, &templates, &a_checks, &site_ids));
    genuine.extend(controls);

    // The borrower: a bad link naming the check of their own site changes nothing, and they cannot write checks.
    rt.block_on(async {
        let borrower_device: &'static wire::Device = Box::leak(Box::new(wire::Device::from_seed(7103)));
        let client = WireClient::new(reqwest::Client::new(), &url);
        let session: vieclam_core::sync::wire::Session = client
            .post_json(
                "/v1/auth/activate",
                &json!({ "code": activation, "id_number": loans[0].id_number, "device": borrower_device.info() }),
            )
            .await
            .expect("activate");
        let mut client = client;
        client.set_token(Some(session.token));
        let mut chain = Chain::new(borrower_device);
        let victim = &a_checks[0];
        let mut bad = chain.link("check", victim, &json!({ "verdict": "away" }));
        bad.signature = "11".repeat(64);
        let r = client.push(&PushRequest { mutations: vec![], links: vec![bad] }).await.expect("push");
        assert_eq!(r.chain_problems.len(), 1, "{r:?}");
        cases.push(Case {
            name: "borrower: a bad link naming the check of their site",
            check_id: victim.clone(),
            kind: "site_check",
            record_id: victim.clone(),
            expect: Expect::Harmless,
            refused_with: None,
        });
        let m = Mutation {
            id: vieclam_core::ids::new_id(),
            entity: "site_check".into(),
            entity_id: victim.clone(),
            op: MutationOp::Update,
            payload: templates.check.clone().into(),
            hlc: hlc(vieclam_core::ids::now_millis(), 0, 7103),
        };
        let r = client.push(&PushRequest { mutations: vec![m], links: vec![] }).await.expect("push");
        cases.push(Case {
            name: "borrower: rewrites the check of their site",
            check_id: victim.clone(),
            kind: "site_check",
            record_id: victim.clone(),
            expect: Expect::Refused("mutation.out_of_scope"),
            refused_with: r.results[0].code.clone(),
        });
    });

    // What the API and the dashboard say about each.
    let office = rt.block_on(Office::sign_in(&url));
    let mut table = Vec::new();
    let (mut caught, mut genuine_flagged) = (0, 0);
    for c in &cases {
        let (status, _) = rt.block_on(api_status(&admin, &c.check_id, c.kind, &c.record_id));
        let page = rt.block_on(office.check_page(&c.check_id));
        let ok = match &c.expect {
            Expect::Flagged(code) => status == *code && page.contains(&format!("data-evidence=\"{code}\"")),
            Expect::Refused(code) => {
                c.refused_with.as_deref() == Some(*code) && (status == "absent" || status == "evidence.verified")
            }
            Expect::Harmless => status == "evidence.verified",
        };
        caught += usize::from(ok);
        table.push(format!(
            "{:<58} {:<40} {:<34} {}",
            c.name,
            format!("{:?}", c.expect),
            status,
            if ok { "ok" } else { "MISSED" }
        ));
    }
    for g in &genuine {
        let (status, _) = rt.block_on(api_status(&admin, &g.check_id, g.kind, &g.record_id));
        if status != "evidence.verified" {
            genuine_flagged += 1;
            table.push(format!("GENUINE {} {} {} -> {status}", g.kind, g.record_id, g.check_id));
        }
    }
    // Pages for a person to look at: a forged check's page and a genuine one's (target/red-team/, one pair per
    // database; the README says where).
    let pages = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/red-team");
    std::fs::create_dir_all(&pages).expect("pages folder");
    let db = if config.database_url.is_some() { "postgres" } else { "sqlite" };
    let flagged = cases.iter().find(|c| c.name.starts_with("check: verdict turned")).expect("the verdict case");
    std::fs::write(pages.join(format!("forged-{db}.html")), rt.block_on(office.check_page(&flagged.check_id)))
        .expect("write");
    let genuine_page = rt.block_on(office.check_page(shell_checks[0]["id"].as_str().expect("id")));
    std::fs::write(pages.join(format!("genuine-{db}.html")), genuine_page).expect("write");
    // The shell's checks read as verified on the dashboard too.
    for s in &shell_checks {
        let page = rt.block_on(office.check_page(s["id"].as_str().expect("id")));
        assert!(page.contains("Chứng cứ đã xác thực chữ ký"), "a genuine check's page: {page}");
    }
    println!("{}", table.join("\n"));
    println!(
        "red team ({}): forged {caught}/{} flagged or refused as expected; genuine {genuine_flagged}/{} flagged \
         ({shell_genuine} from the shell, {} control twins)",
        if config.database_url.is_some() { "PostgreSQL" } else { "SQLite" },
        cases.len(),
        genuine.len(),
        genuine.len() - shell_genuine
    );
    assert!(cases.len() >= 30 && genuine.len() >= 30, "at least 30 of each");
    assert_eq!((caught, genuine_flagged), (cases.len(), 0), "every forged case caught, no genuine one flagged");
    drop(server);
}

#[test]
fn red_team_on_sqlite() {
    let work = tempfile::tempdir().expect("dir");
    red_team(ServerConfig::sqlite(work.path().join("server")), work.path());
}

#[test]
fn red_team_on_postgres() {
    let cluster = PgCluster::start().expect("cluster");
    let work = tempfile::tempdir().expect("dir");
    let url = cluster.fresh_database().expect("database");
    red_team(ServerConfig::postgres(work.path().join("server"), url), work.path());
}
