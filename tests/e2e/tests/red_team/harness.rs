//! The red team's harness: what a forged case must end in, the devices the test holds the keys of, records made
//! from the templates a genuine check left, the office's day and its pages.

use std::path::Path;

use serde_json::{Value, json};
use vieclam_core::evidence::signing::SignedLink;
use vieclam_core::sync::wire::{Mutation, MutationOp, MutationStatus, PushRequest, PushResponse};
use vieclam_e2e::chain::{Chain, hex};
use vieclam_e2e::cli::{self, Device};
use vieclam_e2e::fixtures::hlc;
use vieclam_e2e::loans_csv;
use vieclam_e2e::server::{ServerConfig, admin_command, admin_command_with_stdin};
use vieclam_e2e::wire::{self, WireClient};

pub(super) const COMMUNE: &str = "05977";

/// What a forged case must end in.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Expect {
    /// Stored and flagged with this evidence code.
    Flagged(&'static str),
    /// Refused with this mutation code; nothing stored.
    Refused(&'static str),
    /// Aimed at another record, which still verifies.
    Harmless,
}

/// One forged case: where to look, and what must be seen.
pub(super) struct Case {
    pub(super) name: &'static str,
    pub(super) check_id: String,
    pub(super) kind: &'static str,
    pub(super) record_id: String,
    pub(super) expect: Expect,
    /// For refusals: the code the push answered.
    pub(super) refused_with: Option<String>,
}

/// One genuine record: must verify.
pub(super) struct Genuine {
    pub(super) check_id: String,
    pub(super) kind: &'static str,
    pub(super) record_id: String,
}

/// A device the test holds the key of, signed in as an account, with its chain.
pub(super) struct Actor {
    pub(super) client: WireClient,
    pub(super) device: &'static wire::Device,
    pub(super) chain: Chain<'static>,
    pub(super) device_id: String,
    pub(super) node: u32,
}

impl Actor {
    pub(super) async fn new(url: &str, user: &str, password: &str, seed: u64) -> Actor {
        let device: &'static wire::Device = Box::leak(Box::new(wire::Device::from_seed(seed)));
        let mut client = WireClient::new(reqwest::Client::new(), url);
        client.login(user, password, device).await.expect("sign in");
        Actor { client, device, chain: Chain::new(device), device_id: device.device_id.clone(), node: seed as u32 }
    }

    /// Signs `body` as record `id` (link kind `link_kind`) and writes the link's hash into `field`.
    pub(super) fn sign(&mut self, link_kind: &str, id: &str, body: &mut Value, field: &str) -> SignedLink {
        body[field] = Value::Null;
        let link = self.chain.link(link_kind, id, body);
        body[field] = json!(link.link_hash);
        link
    }

    pub(super) fn mutation(&self, kind: &str, id: &str, body: &Value, op: MutationOp) -> Mutation {
        Mutation {
            id: vieclam_core::ids::new_id(),
            entity: kind.into(),
            entity_id: id.into(),
            op,
            payload: body.clone().into(),
            hlc: hlc(vieclam_core::ids::now_millis(), 0, self.node),
        }
    }

    pub(super) async fn push(&self, mutations: Vec<Mutation>, links: Vec<SignedLink>) -> PushResponse {
        self.client.push(&PushRequest { mutations, links }).await.expect("push")
    }

    /// Pushes one record of `kind` with `links`; answers the refusal code, if refused.
    pub(super) async fn put(&self, kind: &str, id: &str, body: &Value, links: Vec<SignedLink>) -> Option<String> {
        let r = self.push(vec![self.mutation(kind, id, body, MutationOp::Insert)], links).await;
        (r.results[0].status == MutationStatus::Rejected).then(|| r.results[0].code.clone().unwrap_or_default())
    }
}

/// The records a genuine check made by the shell left on the server, as templates.
pub(super) struct Templates {
    pub(super) check: Value,
    pub(super) answer: Value,
    pub(super) photo: Value,
}

/// A fresh, unsigned check for `actor` from the template: new id, open, at `site_id`.
pub(super) fn fresh_check(t: &Templates, actor: &Actor) -> (String, Value) {
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
pub(super) async fn base_check(t: &Templates, actor: &mut Actor) -> (String, Value) {
    let (id, mut c) = fresh_check(t, actor);
    let link = actor.sign("check", &id, &mut c, "signature");
    assert_eq!(actor.put("site_check", &id, &c, vec![link]).await, None, "a base check is taken");
    (id, c)
}

pub(super) fn fresh_answer(t: &Templates, check_id: &str, question: &str) -> (String, Value) {
    let mut a = t.answer.clone();
    a["check_id"] = json!(check_id);
    a["question"] = json!(question);
    (format!("{check_id}/{question}"), a)
}

pub(super) fn fresh_photo(t: &Templates, check_id: &str, sha: &str) -> (String, Value) {
    let id = vieclam_core::ids::new_id();
    let mut p = t.photo.clone();
    p["id"] = json!(id);
    p["check_id"] = json!(check_id);
    p["sha256"] = json!(sha);
    (id, p)
}

pub(super) fn sha_of(bytes: &[u8]) -> String {
    hex(&vieclam_core::evidence::signing::sha256(bytes))
}

/// The office's day: an import, two inspectors and an admin, a plan for both, an activation code.
pub(super) fn office(config: &ServerConfig, work: &Path) -> (Vec<loans_csv::ImportedLoan>, String) {
    let csv = work.join("sao-ke.csv");
    let loans = loans_csv::write(&csv, COMMUNE, 6, 6, "RT", 23).expect("CSV");
    admin_command(config, &["import", "loans", &csv.display().to_string()]).expect("import");
    for (role, user) in [("inspector", "thanhtra-a"), ("inspector", "thanhtra-b"), ("admin", "vanphong")] {
        let args = ["users", "add", "--role", role, "--username", user, "--name", "Hoàng Thị Lan", "--password-stdin"];
        admin_command_with_stdin(config, &args, &format!("{user}-mat-khau\n")).expect("users add");
    }
    let today = vieclam_core::query::session::today_in_province();
    let (from, to) = ((today - chrono::Days::new(1)).to_string(), (today + chrono::Days::new(30)).to_string());
    let plan = ["plans", "add", "--name", "07/KH-DO", "--inspector", "thanhtra-a", "--inspector", "thanhtra-b"];
    admin_command(config, &[&plan[..], &["--communes", COMMUNE, "--from", &from, "--to", &to]].concat()).expect("plan");
    let issued =
        admin_command(config, &["activation", "issue", "--borrower", &loans[0].borrower_id]).expect("activation");
    let code = String::from_utf8_lossy(&issued.stdout).trim().rsplit(' ').next().expect("code").to_owned();
    (loans, code)
}

/// A finished check through the shell, every required question answered, one photo. Answers its code.
pub(super) fn shell_check(device: &Device, site: &(String, String, String), variant: u8) -> String {
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
pub(super) struct Office {
    pub(super) http: reqwest::Client,
    pub(super) base: String,
    pub(super) cookie: String,
}

impl Office {
    pub(super) async fn sign_in(base: &str) -> Office {
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

    pub(super) async fn check_page(&self, id: &str) -> String {
        let r = self.http.get(format!("{}/office/checks/{id}", self.base)).header("cookie", &self.cookie).send();
        r.await.expect("check page").text().await.expect("html")
    }
}

/// The evidence status the API gives `kind`/`record_id` of check `check_id`, and the check's overall status.
pub(super) async fn api_status(admin: &WireClient, check_id: &str, kind: &str, record_id: &str) -> (String, String) {
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
