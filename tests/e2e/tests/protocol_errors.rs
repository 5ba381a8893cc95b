//! Bad requests against the real server, on SQLite and on PostgreSQL: a malformed push, no token, an expired
//! token and a wrong-scope read or write each get their stable code, and none of them changes what the server
//! holds. A worker's registration reaches the office (`GET /v1/registrations/{id}` as admin).

use vieclam_core::sync::wire::{Mutation, MutationOp, MutationStatus, PushRequest};
use vieclam_e2e::fixtures;
use vieclam_e2e::postgres::PgCluster;
use vieclam_e2e::server::{Server, ServerConfig};
use vieclam_e2e::wire::{Device, WireClient, WireError, error_code};

fn code_of<T: std::fmt::Debug>(r: Result<T, WireError>) -> (u16, String) {
    match r {
        Err(WireError::Status { status, code }) => (status, code),
        other => panic!("expected an error answer, got {other:?}"),
    }
}

async fn registrations_held(admin: &WireClient) -> usize {
    let mut cursor = None;
    let mut n = 0;
    loop {
        let page = admin.pull(cursor.as_deref(), None).await.expect("admin pull");
        n += page.changes.iter().filter(|c| c.kind == "worker_registration").count();
        cursor = Some(page.cursor);
        if !page.more {
            return n;
        }
    }
}

async fn errors_change_nothing(config: ServerConfig) {
    let server =
        tokio::task::block_in_place(|| Server::start(ServerConfig { demo: true, ..config.clone() })).expect("server");
    for (user, pass) in [("tho1", "tho1-password"), ("tho2", "tho2-password")] {
        let args = ["users", "add", "--role", "worker", "--username", user, "--name", "Thợ Thử", "--password", pass];
        tokio::task::block_in_place(|| server.command(&args)).expect("users add");
    }
    let http = reqwest::Client::new();
    let mut admin = WireClient::new(http.clone(), server.url());
    admin.login("admin", "admin-vieclam", &Device::from_seed(1)).await.expect("admin");
    let mut w1 = WireClient::new(http.clone(), server.url());
    w1.login("tho1", "tho1-password", &Device::from_seed(2)).await.expect("worker 1");
    let mut w2 = WireClient::new(http.clone(), server.url());
    w2.login("tho2", "tho2-password", &Device::from_seed(3)).await.expect("worker 2");

    // A registration reaches the office.
    let mut rng = <rand_chacha::ChaCha8Rng as rand::SeedableRng>::seed_from_u64(9);
    let m = fixtures::registration_mutation(&mut rng, vieclam_core::ids::now_millis(), 2);
    let answer = w1.push(&PushRequest { mutations: vec![m.clone()], links: vec![] }).await.expect("push");
    assert_eq!(answer.results[0].status, MutationStatus::Applied);
    let seen: serde_json::Value =
        admin.get_json(&format!("/v1/registrations/{}", m.entity_id)).await.expect("office reads it");
    assert!(seen.to_string().contains(m.payload.to_value()["id_number"].as_str().expect("number")), "{seen}");
    assert_eq!(registrations_held(&admin).await, 1);

    // Malformed: 400 push.malformed, nothing applied.
    let (status, body) = w1.post_raw("/v1/push", b"{\"mutations\": [{\"id\": 7".to_vec(), true).await.expect("answer");
    assert_eq!((status, error_code(&body).as_str()), (400, "push.malformed"));
    // No token: 401 auth.missing_token.
    let anonymous = WireClient::new(http.clone(), server.url());
    assert_eq!(code_of(anonymous.pull(None, None).await), (401, "auth.missing_token".into()));
    // Wrong scope: another worker's registration is out of reach, and a worker cannot write a site check.
    let (status, code) = code_of(w2.get_json::<serde_json::Value>(&format!("/v1/registrations/{}", m.entity_id)).await);
    assert_eq!((status, code.as_str()), (403, "scope.forbidden"));
    let check = Mutation {
        id: fixtures::new_id(&mut rng),
        entity: "site_check".into(),
        entity_id: fixtures::new_id(&mut rng),
        op: MutationOp::Insert,
        payload: serde_json::json!({ "site_id": "x" }).into(),
        hlc: fixtures::hlc(vieclam_core::ids::now_millis(), 0, 3),
    };
    let answer = w2.push(&PushRequest { mutations: vec![check], links: vec![] }).await.expect("push");
    assert_eq!(answer.results[0].status, MutationStatus::Rejected);
    assert_eq!(answer.results[0].code.as_deref(), Some("mutation.out_of_scope"));
    assert_eq!(registrations_held(&admin).await, 1, "no bad request changed anything");
    drop(server);

    // Expired: a server whose tokens last zero days.
    let normal = config.clone();
    let short = ServerConfig { extra: vec!["--token-days".into(), "0".into()], ..config };
    let server = tokio::task::block_in_place(|| Server::start(short)).expect("server");
    let mut w1 = WireClient::new(http.clone(), server.url());
    w1.login("tho1", "tho1-password", &Device::from_seed(2)).await.expect("worker 1");
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let m2 = fixtures::registration_mutation(&mut rng, vieclam_core::ids::now_millis(), 2);
    let (status, code) = code_of(w1.push(&PushRequest { mutations: vec![m2], links: vec![] }).await);
    assert_eq!((status, code.as_str()), (401, "auth.expired_token"));
    drop(server);
    // Back on normal tokens, the office still holds the one registration.
    let server = tokio::task::block_in_place(|| Server::start(normal)).expect("server");
    let mut admin = WireClient::new(http, server.url());
    admin.login("admin", "admin-vieclam", &Device::from_seed(1)).await.expect("admin");
    assert_eq!(registrations_held(&admin).await, 1, "an expired token wrote nothing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_sqlite() {
    let dir = tempfile::tempdir().expect("dir");
    errors_change_nothing(ServerConfig::sqlite(dir.path())).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_postgres() {
    let cluster = tokio::task::block_in_place(PgCluster::start).expect("cluster");
    let url = tokio::task::block_in_place(|| cluster.fresh_database()).expect("database");
    let dir = tempfile::tempdir().expect("dir");
    errors_change_nothing(ServerConfig::postgres(dir.path(), url)).await;
}
