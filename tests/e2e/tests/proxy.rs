//! The fault proxy against a real little HTTP server (axum on loopback) and a real HTTP client (reqwest): each
//! fault does to a request exactly what it says, as seen from both ends.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::routing::{get, post};
use vieclam_e2e::proxy::{Fault, FaultKind, FaultMix, FaultPolicy, Proxy};

/// What the little server saw: the bodies of the requests it read whole.
type Seen = Arc<Mutex<Vec<Vec<u8>>>>;

async fn little_server() -> (std::net::SocketAddr, Seen) {
    let seen: Seen = Arc::default();
    let app = Router::new()
        .route(
            "/push",
            post(|State(seen): State<Seen>, body: Bytes| async move {
                let n = {
                    let mut seen = seen.lock().expect("lock");
                    seen.push(body.to_vec());
                    seen.len()
                };
                format!("applied {n}")
            }),
        )
        .route("/big", get(|| async { "x".repeat(100_000) }))
        .with_state(seen.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move { axum::serve(listener, app).await });
    (addr, seen)
}

/// A client that opens a new connection per request, so each request meets the next fault.
fn client() -> reqwest::Client {
    reqwest::Client::builder().pool_max_idle_per_host(0).timeout(Duration::from_secs(10)).build().expect("client")
}

async fn push(proxy: &Proxy, body: &str) -> Result<String, reqwest::Error> {
    let resp = client().post(format!("{}/push", proxy.url())).body(body.to_string()).send().await?;
    resp.error_for_status()?.text().await
}

async fn scripted(faults: &[Fault]) -> (Proxy, Seen) {
    let (addr, seen) = little_server().await;
    let proxy =
        Proxy::start(addr, FaultPolicy::Script(faults.iter().copied().collect::<VecDeque<_>>())).await.expect("proxy");
    (proxy, seen)
}

#[tokio::test]
async fn pass_forwards_both_ways_and_counts_bytes() {
    let (proxy, seen) = scripted(&[]).await;
    assert_eq!(push(&proxy, "mutation-1").await.expect("answer"), "applied 1");
    assert_eq!(*seen.lock().expect("lock"), vec![b"mutation-1".to_vec()]);
    let big = client().get(format!("{}/big", proxy.url())).send().await.expect("big").text().await.expect("body");
    assert_eq!(big.len(), 100_000);
    let stats = proxy.stats();
    assert_eq!(stats.connections, 2);
    assert_eq!(stats.count(FaultKind::Pass), 2);
    assert!(stats.bytes_down > 100_000, "headers and body counted: {}", stats.bytes_down);
    assert!(stats.bytes_up > "mutation-1".len() as u64);
    assert_eq!(stats.requests, 2, "each whole request counted once");
}

#[tokio::test]
async fn drop_closes_before_anything_reaches_the_server() {
    let (proxy, seen) = scripted(&[Fault::Drop]).await;
    assert!(push(&proxy, "lost").await.is_err());
    assert!(seen.lock().expect("lock").is_empty());
    // The next connection passes: the script is spent.
    assert_eq!(push(&proxy, "again").await.expect("answer"), "applied 1");
}

#[tokio::test]
async fn delay_holds_the_connection_then_passes() {
    let (proxy, seen) = scripted(&[Fault::Delay(Duration::from_millis(400))]).await;
    let start = Instant::now();
    assert_eq!(push(&proxy, "slow").await.expect("answer"), "applied 1");
    assert!(start.elapsed() >= Duration::from_millis(400), "{:?}", start.elapsed());
    assert_eq!(seen.lock().expect("lock").len(), 1);
}

#[tokio::test]
async fn reset_mid_request_body_reaches_nobody() {
    // The headers are ~100 bytes; a cut at 120 falls inside the 1,000-byte body.
    let (proxy, seen) = scripted(&[Fault::ResetRequest(120)]).await;
    assert!(push(&proxy, &"b".repeat(1000)).await.is_err());
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(seen.lock().expect("lock").is_empty(), "a cut body is never handled");
}

#[tokio::test]
async fn reset_mid_response_is_applied_on_the_server_but_unanswered() {
    let (proxy, seen) = scripted(&[Fault::ResetResponse(20)]).await;
    assert!(push(&proxy, "applied-but-lost").await.is_err());
    assert_eq!(*seen.lock().expect("lock"), vec![b"applied-but-lost".to_vec()]);
}

#[tokio::test]
async fn truncated_response_is_an_error_for_the_client() {
    let (proxy, seen) = scripted(&[Fault::TruncateResponse(1000)]).await;
    let resp = client().get(format!("{}/big", proxy.url())).send().await;
    let body = match resp {
        Ok(r) => r.text().await,
        Err(e) => Err(e),
    };
    assert!(body.is_err(), "a short body is never taken for the whole");
    assert_eq!(proxy.stats().bytes_down, 1000);
    assert!(seen.lock().expect("lock").is_empty());
}

#[tokio::test]
async fn duplicate_reaches_the_server_twice_and_the_client_once() {
    let (proxy, seen) = scripted(&[Fault::Duplicate]).await;
    // The copy goes first, so the client's answer is the second application's.
    assert_eq!(push(&proxy, "twice").await.expect("answer"), "applied 2");
    assert_eq!(*seen.lock().expect("lock"), vec![b"twice".to_vec(), b"twice".to_vec()]);
}

#[tokio::test]
async fn a_seed_replays_the_same_faults() {
    let (addr, _seen) = little_server().await;
    let mut runs = Vec::new();
    for seed in [11, 11, 12] {
        let proxy = Proxy::start(addr, FaultPolicy::Random(FaultMix::field(seed))).await.expect("proxy");
        let mut outcomes = Vec::new();
        for i in 0..30 {
            outcomes.push(push(&proxy, &format!("m{i}")).await.is_ok());
        }
        runs.push((proxy.stats().faults, outcomes));
    }
    assert_eq!(runs[0], runs[1], "same seed, same faults, same outcomes");
    assert_ne!(runs[0].0, runs[2].0, "another seed, other faults");
    assert!(runs[0].1.iter().any(|ok| !ok) && runs[0].1.iter().any(|ok| *ok));
}
