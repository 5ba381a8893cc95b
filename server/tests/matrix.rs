//! The authorization matrix, on SQLite and on PostgreSQL: every scoped endpoint × every role × an object outside
//! the caller's scope is refused with its code, and a full pull for each role holds nothing outside its scope,
//! checked against the scope columns the server stored (read from the database itself) with the rule written out
//! here independently of the server's own.

mod common;

use std::collections::{HashMap, HashSet};

use common::{Api, Backend, Server, code, demo_codes, device, record};
use serde_json::{Value, json};
use vieclam_core::ids::new_id;
use vieclam_server::db::Db;
use vieclam_server::work;

/// Scope columns of every stored record: (kind, id) → (commune, borrower, author, plan, public).
type Columns = HashMap<(String, String), (Option<String>, Option<String>, Option<String>, Option<String>, bool)>;

async fn columns(db: &Db) -> Columns {
    db.read::<Columns>(work!(|tx| async move {
        let rows = tx
            .query("SELECT kind, id, commune_code, borrower_id, author_id, plan_id, public FROM records", vec![])
            .await?;
        Ok(rows
            .iter()
            .map(|r| {
                ((r.text(0), r.text(1)), (r.opt_text(2), r.opt_text(3), r.opt_text(4), r.opt_text(5), r.int(6) != 0))
            })
            .collect())
    }))
    .await
    .expect("read records")
}

struct Who {
    api: Api,
    role: &'static str,
    account: String,
    borrower: Option<String>,
    communes: HashSet<String>,
    plans: HashSet<String>,
}

fn in_scope(w: &Who, c: &(Option<String>, Option<String>, Option<String>, Option<String>, bool)) -> bool {
    let (commune, borrower, author, plan, public) = c;
    let own = author.as_deref() == Some(w.account.as_str());
    match w.role {
        "admin" => true,
        "worker" => *public || own,
        "borrower" => *public || own || (borrower.is_some() && borrower == &w.borrower),
        _ => {
            *public
                || own
                || commune.as_ref().is_some_and(|c| w.communes.contains(c))
                || plan.as_ref().is_some_and(|p| w.plans.contains(p))
        }
    }
}

async fn session(api: &Api, answer: (u16, Value), role: &'static str) -> Who {
    assert_eq!(answer.0, 200, "{}", answer.1);
    Who {
        api: api.with_token(&answer.1),
        role,
        account: answer.1["account_id"].as_str().unwrap_or_default().to_owned(),
        borrower: None,
        communes: HashSet::new(),
        plans: HashSet::new(),
    }
}

async fn login(api: &Api, user: &str, password: &str, role: &'static str) -> Who {
    session(
        api,
        api.post("/v1/auth/login", &json!({ "username": user, "password": password, "device": device() })).await,
        role,
    )
    .await
}

fn hlc(millis: u64) -> String {
    format!("{millis:013}-00000000-00000001")
}

async fn matrix(backend: Backend) {
    let s = Server::new(backend, &[]).await;
    let sheet = s.admin(&["demo"]);
    let s = s.start().await;
    let api = s.client();
    let db = s.db().await;

    let admin = login(&api, "admin", "admin-vieclam", "admin").await;
    let mut insp1 = login(&api, "thanhtra1", "thanhtra1-vieclam", "inspector").await;
    let mut insp2 = login(&api, "thanhtra2", "thanhtra2-vieclam", "inspector").await;
    let (c, id) = demo_codes(&sheet).into_iter().next().expect("a code");
    let mut borrower = session(
        &api,
        api.post("/v1/auth/activate", &json!({ "code": c, "id_number": id, "device": device() })).await,
        "borrower",
    )
    .await;
    let enrol = |phone: &'static str| json!({ "full_name": "Nông Văn Tú", "phone": phone, "password": "matkhau-123", "device": device() });
    let worker1 = session(&api, api.post("/v1/auth/enrol", &enrol("0987654321")).await, "worker").await;
    let worker2 = session(&api, api.post("/v1/auth/enrol", &enrol("0987654322")).await, "worker").await;

    // Each inspector's plans and communes, from their own pull; the borrower's id from their records.
    for w in [&mut insp1, &mut insp2] {
        for p in w.api.pull_all(5_000).await.into_iter().filter(|c| c["kind"] == "inspection_plan") {
            w.plans.insert(p["id"].as_str().unwrap_or_default().to_owned());
            for c in p["body"]["commune_codes"].as_array().cloned().unwrap_or_default() {
                w.communes.insert(c.as_str().unwrap_or_default().to_owned());
            }
        }
        assert!(!w.communes.is_empty());
    }
    let b_changes = borrower.api.pull_all(5_000).await;
    borrower.borrower =
        b_changes.iter().find(|c| c["kind"] == "borrower").and_then(|c| c["id"].as_str()).map(str::to_owned);
    assert!(borrower.borrower.is_some(), "the borrower pulls their own record");

    // Objects: a check by inspector 1, a registration by worker 1, a loan outside every non-admin scope.
    let site = record(&insp1.api.pull_all(5_000).await.into_iter().find(|c| c["kind"] == "site").expect("site"));
    let check_id = new_id();
    let push = |entity: &str, id: &str, payload: Value| json!({ "mutations": [{ "id": new_id(), "entity": entity, "entity_id": id, "op": "insert", "payload": payload, "hlc": hlc(1_000) }], "links": [] });
    let r = insp1
        .api
        .post("/v1/push", &push("site_check", &check_id, json!({ "id": check_id, "site_id": site["id"] })))
        .await;
    assert_eq!(r.1["results"][0]["status"], "applied", "{}", r.1);
    let reg_id = new_id();
    let r = worker1
        .api
        .post("/v1/push", &push("worker_registration", &reg_id, json!({ "id": reg_id, "full_name": "Nông Văn Tú" })))
        .await;
    assert_eq!(r.1["results"][0]["status"], "applied", "{}", r.1);
    let cols = columns(&db).await;
    let loan_id = cols
        .iter()
        .find(|((k, _), c)| k == "loan" && !in_scope(&insp1, c) && !in_scope(&insp2, c) && !in_scope(&borrower, c))
        .map(|((_, id), _)| id.clone())
        .expect("a loan outside every scope");
    // Inspector 2 must not share inspector 1's commune for the check to be out of their scope.
    let check_out_for_insp2 = !in_scope(&insp2, &cols[&("site_check".to_owned(), check_id.clone())]);

    // Every endpoint × every role, on an object outside the role's scope.
    let endpoints: Vec<(&str, String)> = vec![
        ("GET", format!("/v1/loans/{loan_id}")),
        ("GET", format!("/v1/checks/{check_id}")),
        ("GET", format!("/v1/registrations/{reg_id}")),
        ("POST", format!("/v1/registrations/{reg_id}/verify")),
    ];
    let outsiders: Vec<(&Who, Vec<usize>)> = vec![
        (&insp1, vec![0, 2, 3]),
        (&insp2, if check_out_for_insp2 { vec![0, 1, 2, 3] } else { vec![0, 2, 3] }),
        (&borrower, vec![0, 2, 3]),
        (&worker2, vec![0, 1, 2, 3]),
        (&worker1, vec![0, 1, 3]),
    ];
    for (who, which) in &outsiders {
        for i in which {
            let (method, path) = &endpoints[*i];
            let a = if *method == "GET" { who.api.get(path).await } else { who.api.post(path, &json!({})).await };
            assert_eq!((a.0, code(&a)), (403, "scope.forbidden"), "{} {method} {path}", who.role);
        }
    }
    // Nothing with that id anywhere: 404 for a role that could otherwise see it.
    let missing = admin.api.get(&format!("/v1/loans/{}", new_id())).await;
    assert_eq!((missing.0, code(&missing)), (404, "not_found"));
    // Inside scope: the owner and the admin see it; the admin verifies it.
    assert_eq!(worker1.api.get(&format!("/v1/registrations/{reg_id}")).await.1["status"], "unverified");
    assert_eq!(insp1.api.get(&format!("/v1/checks/{check_id}")).await.0, 200);
    assert_eq!(admin.api.post(&format!("/v1/registrations/{reg_id}/verify"), &json!({})).await.1["status"], "verified");
    // Writes outside the role: a worker's check, a borrower's registration, an inspector editing another's check.
    let cid = new_id();
    let r = worker2.api.post("/v1/push", &push("site_check", &cid, json!({ "site_id": site["id"] }))).await;
    assert_eq!(r.1["results"][0]["code"], "mutation.out_of_scope");
    let r = borrower.api.post("/v1/push", &push("worker_registration", &new_id(), json!({}))).await;
    assert_eq!(r.1["results"][0]["code"], "mutation.out_of_scope");
    let r = worker2
        .api
        .post("/v1/push", &push("worker_registration", &reg_id, json!({ "id": reg_id, "full_name": "x" })))
        .await;
    assert_eq!(r.1["results"][0]["code"], "mutation.not_owner");
    let r = insp2
        .api
        .post(
            "/v1/push",
            &push(
                "check_answer",
                &format!("{check_id}/q"),
                json!({ "check_id": check_id, "question": "q", "value": 1 }),
            ),
        )
        .await;
    assert_eq!(r.1["results"][0]["code"], "mutation.not_owner");

    // A full pull per role holds exactly what its rule allows.
    let cols = columns(&db).await;
    for who in [&admin, &insp1, &insp2, &borrower, &worker1, &worker2] {
        let changes = who.api.pull_all(2_000).await;
        let mut seen = HashSet::new();
        for c in &changes {
            let key =
                (c["kind"].as_str().unwrap_or_default().to_owned(), c["id"].as_str().unwrap_or_default().to_owned());
            let col = cols.get(&key).unwrap_or_else(|| panic!("{key:?} pulled but not stored"));
            assert!(in_scope(who, col), "{} pulled {key:?} outside its scope", who.role);
            seen.insert(key);
        }
        let expected = cols.iter().filter(|(_, c)| in_scope(who, c)).count();
        assert_eq!(seen.len(), expected, "{} pulls everything in its scope", who.role);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn matrix_on_sqlite() {
    matrix(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn matrix_on_postgres() {
    matrix(Backend::Postgres).await;
}
