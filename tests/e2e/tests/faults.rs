//! Short fault rounds (the long mode is the `fault_run` binary): devices push and pull through the seeded fault
//! proxy while the server is restarted mid-batch; nothing acknowledged is lost or doubled, nothing stays stuck,
//! every device converges. On SQLite and on PostgreSQL.

use vieclam_e2e::postgres::PgCluster;
use vieclam_e2e::proxy::{FaultPolicy, Proxy};
use vieclam_e2e::rounds;
use vieclam_e2e::server::{Server, ServerConfig};

const ROUNDS: u64 = 20;

async fn fault_rounds(config: ServerConfig, seed: u64) {
    let mut server =
        tokio::task::block_in_place(|| Server::start(ServerConfig { demo: true, ..config })).expect("server");
    let proxy = Proxy::start(server.addr(), FaultPolicy::Pass).await.expect("proxy");
    let (mut devices, admin) = rounds::prepare(&server, &proxy.url(), 3, seed).await.expect("devices");
    let summary = rounds::run(&mut server, &proxy, &mut devices, &admin, ROUNDS, seed).await.expect("rounds");
    println!("seed {seed}\n{}", summary.table());
    assert!(summary.clean(), "seed {seed}: {summary:?}\nserver log:\n{}", server.log());
    assert_eq!(summary.acknowledged, summary.mutations, "after clean syncs every mutation is acknowledged");
    let injected: u64 = summary.faults.iter().skip(1).sum();
    assert!(injected >= 10, "the rounds really injected faults: {summary:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fault_rounds_on_sqlite() {
    let dir = tempfile::tempdir().expect("dir");
    fault_rounds(ServerConfig::sqlite(dir.path()), 20_261_128).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fault_rounds_on_postgres() {
    let cluster = tokio::task::block_in_place(PgCluster::start).expect("cluster");
    let url = tokio::task::block_in_place(|| cluster.fresh_database()).expect("database");
    let dir = tempfile::tempdir().expect("dir");
    fault_rounds(ServerConfig::postgres(dir.path(), url), 7).await;
}
