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
use vieclam_core::sync::wire::{Mutation, MutationOp, PushRequest};
use vieclam_e2e::chain::Chain;
use vieclam_e2e::cli::Device;
use vieclam_e2e::fixtures::hlc;
use vieclam_e2e::postgres::PgCluster;
use vieclam_e2e::server::{Server, ServerConfig};
use vieclam_e2e::wire::{self, WireClient};

use harness::{Case, Expect, Genuine, Office, Templates, api_status, office, shell_check};

#[path = "red_team/forge.rs"]
mod forge;
#[path = "red_team/harness.rs"]
mod harness;

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
    let (mut cases, controls) = rt.block_on(forge::forge(&url, &templates, &a_checks, &site_ids));
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
