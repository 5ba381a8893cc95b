//! The harness itself: a missing binary says how to build it, and a throwaway PostgreSQL cluster hands out
//! databases that do not see each other and is gone when dropped.

use vieclam_e2e::HarnessError;
use vieclam_e2e::bins;
use vieclam_e2e::net;
use vieclam_e2e::postgres::PgCluster;

#[test]
fn a_missing_binary_names_the_command_that_builds_it() {
    let err = bins::binary("vieclam-no-such-tool").expect_err("not built");
    assert!(matches!(err, HarnessError::MissingBinary { .. }));
    let text = err.to_string();
    assert!(text.contains("cargo build -p vieclam-server -p vieclam-cli"), "{text}");
    assert!(text.contains("vieclam-no-such-tool"), "{text}");
}

#[test]
fn a_throwaway_cluster_gives_separate_databases_and_stops_on_drop() {
    let cluster = PgCluster::throwaway().expect("cluster");
    let a = cluster.fresh_database().expect("first database");
    let b = cluster.fresh_database().expect("second database");
    assert_ne!(a, b);
    let name_a = a.rsplit('/').next().expect("name");
    let name_b = b.rsplit('/').next().expect("name");
    cluster
        .sql(name_a, "CREATE TABLE loans (id text primary key); INSERT INTO loans VALUES ('73001000001')")
        .expect("sql");
    assert_eq!(cluster.sql(name_a, "SELECT count(*) FROM loans").expect("count"), "1");
    let other = cluster.sql(name_b, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'loans'");
    assert_eq!(other.expect("count"), "0", "a fresh database holds nothing of another");
    assert!(cluster.create_database("bad; DROP").is_err(), "names are checked before they reach SQL");

    let port: u16 = a.split(':').nth(2).and_then(|p| p.split('/').next()).and_then(|p| p.parse().ok()).expect("port");
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    assert!(net::accepts(addr));
    drop(cluster);
    assert!(!net::accepts(addr), "the cluster stops when dropped");
}
