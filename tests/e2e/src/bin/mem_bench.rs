//! `mem_bench`: the server's resident memory under compressed-body bombs (issue 9, "20 parallel 16 KB compressed
//! bodies leave the server's resident memory under 200 MB").
//!
//! Starts `vieclam-server serve` on SQLite in a temporary folder (or the binary given with `--server`, e.g. an older
//! build to compare), signs a worker in, then sends rounds of `--parallel` gzip bodies at once, each about 16 KB on
//! the wire and crafted to inflate as far as gzip goes (about a thousandfold) into something that looks valid: a
//! push whose one note is 16 MB, a push of 25,000 copies of one mutation (4 MB), a sign-in whose password is
//! 16 MB. After each round it reads the server's peak resident memory (`VmHWM` in `/proc/PID/status`) and prints
//! a table with the statuses answered and the budget. It also measures a real full push (500 registrations, each
//! signed, plus 500 more links), the size the push bound must leave room for.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use clap::Parser;
use comfy_table::Table;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde_json::{Value, json};
use vieclam_core::sync::wire::{MAX_PUSH_MUTATIONS, PushRequest};
use vieclam_e2e::chain::Chain;
use vieclam_e2e::wire::Device;
use vieclam_e2e::{bins, fixtures, net};
use vieclam_test_support::bench_rows;

/// The budget for the server's peak resident memory, in MB.
const BUDGET_MB: f64 = 200.0;

/// Options.
#[derive(Debug, Parser)]
struct Args {
    /// Bodies sent at once in a round.
    #[arg(long, default_value_t = 20)]
    parallel: usize,
    /// Rounds of each kind of bomb.
    #[arg(long, default_value_t = 3)]
    rounds: usize,
    /// What each body inflates to, in bytes (just under the 16 MB bound the server had before issue 9).
    #[arg(long, default_value_t = 16 * 1024 * 1024 - 64 * 1024)]
    inflated: usize,
    /// The server binary (default: the one built next to this bench).
    #[arg(long)]
    server: Option<PathBuf>,
}

/// A running server, killed on drop.
struct Running {
    child: Child,
    url: String,
    _data: tempfile::TempDir,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(exe: &PathBuf) -> Result<Running, String> {
    let data = tempfile::tempdir().map_err(|e| e.to_string())?;
    let dir = data.path().display().to_string();
    let add = Command::new(exe)
        .args(["--data", &dir, "users", "add", "--role", "worker", "--username", "bench", "--name", "Bench"])
        .args(["--password", "bench-password"])
        .env_remove("DATABASE_URL")
        .output()
        .map_err(|e| e.to_string())?;
    if !add.status.success() {
        return Err(format!("users add: {}", String::from_utf8_lossy(&add.stderr)));
    }
    let port = net::free_port().map_err(|e| e.to_string())?;
    let child = Command::new(exe)
        .args(["--data", &dir, "serve", "--listen", &format!("127.0.0.1:{port}")])
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| e.to_string())?;
    Ok(Running { child, url: format!("http://127.0.0.1:{port}"), _data: data })
}

/// `VmHWM` (peak) and `VmRSS` (now) of `pid`, in MB.
fn memory(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kb = |key: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (kb("VmHWM:") / 1024.0, kb("VmRSS:") / 1024.0)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = enc.write_all(bytes);
    enc.finish().unwrap_or_default()
}

/// The bombs: a name, the path, the plain body.
fn bombs(inflated: usize) -> Vec<(&'static str, &'static str, Vec<u8>)> {
    let id = "01900000-0000-7000-8000-000000000001";
    let hlc = "1700000000000-00000000-00000001";
    let mutation = |note: &str| {
        json!({ "id": id, "entity": "worker_registration", "entity_id": id, "op": "insert",
            "payload": { "id": id, "note": note }, "hlc": hlc })
    };
    let one_note = serde_json::to_vec(&json!({ "mutations": [mutation(&"A".repeat(inflated))], "links": [] }));
    let one = serde_json::to_string(&mutation("A")).unwrap_or_default();
    // A mutation repeats every ~200 bytes, which gzip shrinks about 250-fold (not a thousandfold like one letter):
    // a quarter as many copies keeps this bomb at 16 KB on the wire too.
    let copies = inflated / 4 / (one.len() + 1);
    let mut many = String::with_capacity(inflated + 64);
    many.push_str("{\"mutations\":[");
    for i in 0..copies {
        if i > 0 {
            many.push(',');
        }
        many.push_str(&one);
    }
    many.push_str("],\"links\":[]}");
    let device = Device::from_seed(9).info();
    let login = serde_json::to_vec(&json!({ "username": "bench", "password": "p".repeat(inflated), "device": device }));
    vec![
        ("push: one note of 16 MB", "/v1/push", one_note.unwrap_or_default()),
        ("push: 25k copies of a mutation", "/v1/push", many.into_bytes()),
        ("sign-in: a password of 16 MB", "/v1/auth/login", login.unwrap_or_default()),
    ]
}

/// A real full push: MAX_PUSH_MUTATIONS registrations, each signed by the device, and as many links again
/// (older ones not yet acknowledged): plain and gzip sizes.
fn full_batch(device: &Device) -> (PushRequest, usize, usize) {
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let mut chain = Chain::new(device);
    let mut mutations = Vec::new();
    let mut links = Vec::new();
    for i in 0..MAX_PUSH_MUTATIONS {
        let m = fixtures::registration_mutation(&mut rng, 1_700_000_000_000 + i as u64, 1);
        let body: Value = serde_json::from_str(m.payload.get()).unwrap_or(Value::Null);
        links.push(chain.link("registration", &m.entity_id, &body));
        links.push(chain.link("registration", &m.entity_id, &body));
        mutations.push(m);
    }
    let push = PushRequest { mutations, links };
    let plain = serde_json::to_vec(&push).unwrap_or_default();
    let zipped = gzip(&plain).len();
    (push, plain.len(), zipped)
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args = Args::parse();
    match run(args).await {
        Ok(true) => std::process::ExitCode::SUCCESS,
        Ok(false) => std::process::ExitCode::FAILURE,
        Err(e) => {
            eprintln!("mem_bench: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<bool, String> {
    let exe = match args.server {
        Some(p) => p,
        None => bins::binary(bins::SERVER).map_err(|e| e.to_string())?,
    };
    let server = start(&exe)?;
    let pid = server.child.id();
    let http = reqwest::Client::builder().timeout(Duration::from_secs(300)).build().map_err(|e| e.to_string())?;
    let started = Instant::now();
    while !http.get(format!("{}/v1/health", server.url)).send().await.is_ok_and(|r| r.status().is_success()) {
        if started.elapsed() > Duration::from_secs(60) {
            return Err("the server did not come up".into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let device = Device::from_seed(1);
    let session: Value = http
        .post(format!("{}/v1/auth/login", server.url))
        .json(&json!({ "username": "bench", "password": "bench-password", "device": device.info() }))
        .send()
        .await
        .map_err(|e| e.to_string())?
        .json()
        .await
        .map_err(|e| e.to_string())?;
    let token = session["token"].as_str().ok_or(format!("sign-in failed: {session}"))?.to_owned();

    let mut table = Table::new();
    table.set_header(["what", "round", "on the wire", "inflates to", "statuses", "peak RSS (VmHWM)", "RSS now"]);
    let (hwm, rss) = memory(pid);
    table.add_row(vec![
        "after start and one sign-in".into(),
        "-".into(),
        "-".into(),
        "-".into(),
        "-".into(),
        format!("{hwm:.1} MB"),
        format!("{rss:.1} MB"),
    ]);

    // The real full batch first: the size the push bound must take.
    let (push, plain, zipped) = full_batch(&device);
    let answer = http
        .post(format!("{}/v1/push", server.url))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .header("content-encoding", "gzip")
        .body(gzip(&serde_json::to_vec(&push).unwrap_or_default()))
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let (hwm, rss) = memory(pid);
    table.add_row(vec![
        format!("a real full push: {} registrations, {} signed links", push.mutations.len(), push.links.len()),
        "1".into(),
        format!("{:.1} KB", zipped as f64 / 1024.0),
        format!("{:.2} MB", plain as f64 / 1024.0 / 1024.0),
        answer.status().as_u16().to_string(),
        format!("{hwm:.1} MB"),
        format!("{rss:.1} MB"),
    ]);

    // The highest VmHWM read (the kernel's own peak; read after every round).
    let mut peak = memory(pid).0;
    for (name, path, body) in bombs(args.inflated) {
        let zipped = gzip(&body);
        for round in 1..=args.rounds {
            let sends = (0..args.parallel).map(|_| {
                let rb = http
                    .post(format!("{}{path}", server.url))
                    .bearer_auth(&token)
                    .header("content-type", "application/json")
                    .header("content-encoding", "gzip")
                    .body(zipped.clone());
                async move { rb.send().await.map(|r| r.status().as_u16()) }
            });
            let mut statuses: BTreeMap<String, usize> = BTreeMap::new();
            for r in futures::future::join_all(sends).await {
                let key = match r {
                    Ok(s) => s.to_string(),
                    Err(e) if e.is_timeout() => "timeout".into(),
                    Err(_) => "connection error".into(),
                };
                *statuses.entry(key).or_default() += 1;
            }
            let (hwm, rss) = memory(pid);
            peak = peak.max(hwm);
            let statuses: Vec<String> = statuses.iter().map(|(s, n)| format!("{n}× {s}")).collect();
            table.add_row(vec![
                format!("{} × {name}", args.parallel),
                round.to_string(),
                format!("{:.1} KB", zipped.len() as f64 / 1024.0),
                format!("{:.1} MB", body.len() as f64 / 1024.0 / 1024.0),
                statuses.join(", "),
                format!("{hwm:.1} MB"),
                format!("{rss:.1} MB"),
            ]);
        }
    }
    let peak = peak.max(memory(pid).0);
    let met = peak > 0.0 && peak < BUDGET_MB;
    bench_rows::record(
        &bench_rows::I9,
        &format!(
            "server's peak resident memory (VmHWM), {} rounds of {} parallel gzip bombs of each kind{}",
            args.rounds,
            args.parallel,
            if cfg!(debug_assertions) { ", debug build" } else { "" }
        ),
        &format!("{peak:.1} MB"),
        met,
    );
    println!("{table}");
    println!(
        "Server peak resident memory: {peak:.1} MB; budget < {BUDGET_MB:.0} MB: {} ({})",
        if met { "met" } else { "NOT met" },
        exe.display()
    );
    Ok(met)
}
