//! The real `vieclam-server` under the harness, on SQLite and on PostgreSQL: it starts healthy on a free port,
//! what it accepted survives a graceful restart and a SIGKILL, and a stopped server is really gone.

use vieclam_core::sync::wire::{MutationStatus, PushRequest};
use vieclam_e2e::fixtures;
use vieclam_e2e::net;
use vieclam_e2e::postgres::PgCluster;
use vieclam_e2e::server::{Server, ServerConfig};
use vieclam_e2e::wire::{Device, WireClient};

fn lifecycle(config: ServerConfig) {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let mut server = Server::start(ServerConfig { demo: true, ..config }).expect("server starts");
    let addr = server.addr();
    let http = reqwest::Client::new();
    let mut rng = <rand_chacha::ChaCha8Rng as rand::SeedableRng>::seed_from_u64(3);
    let device = Device::from_seed(3);
    let mutation = fixtures::registration_mutation(&mut rng, vieclam_core::ids::now_millis(), 3);

    let mut client = WireClient::new(http.clone(), server.url());
    rt.block_on(async {
        client.login("admin", "admin-vieclam", &device).await.expect("demo admin signs in");
        let answer =
            client.push(&PushRequest { mutations: vec![mutation.clone()], links: vec![] }).await.expect("push");
        assert_eq!(answer.results[0].status, MutationStatus::Applied, "{:?}", answer.results[0]);
    });

    server.restart().expect("graceful restart");
    assert_eq!(server.addr(), addr, "same port after a restart");
    rt.block_on(async {
        let again = client.push(&PushRequest { mutations: vec![mutation.clone()], links: vec![] }).await.expect("push");
        assert_eq!(again.results[0].status, MutationStatus::AlreadyApplied, "the token and the mutation survived");
    });

    server.crash_restart().expect("restart after SIGKILL");
    rt.block_on(async {
        let again = client.push(&PushRequest { mutations: vec![mutation.clone()], links: vec![] }).await.expect("push");
        assert_eq!(again.results[0].status, MutationStatus::AlreadyApplied, "an acknowledged push survives a crash");
    });

    server.stop().expect("stop");
    assert!(!server.is_running());
    assert!(!net::accepts(addr), "nothing listens after stop");
}

#[test]
fn on_sqlite() {
    let dir = tempfile::tempdir().expect("dir");
    lifecycle(ServerConfig::sqlite(dir.path()));
}

#[test]
fn on_postgres() {
    let cluster = PgCluster::start().expect("cluster");
    let dir = tempfile::tempdir().expect("dir");
    lifecycle(ServerConfig::postgres(dir.path(), cluster.fresh_database().expect("database")));
}
