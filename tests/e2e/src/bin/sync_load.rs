//! `sync_load`: docs/design.md (figures) P3, the server under 1,000 devices syncing at once on loopback over PostgreSQL.
//!
//! Starts a throwaway PostgreSQL cluster (or uses `DATABASE_URL`) and `vieclam-server serve` on it, makes worker
//! accounts with `vieclam-server users add`, signs every simulated device in once (timed apart: sign-in hashes a
//! password with Argon2 on purpose, and is not sync), then lets every device loop for `--seconds`: pull (nothing
//! new after the first page) and, every `--push-every`-th round, push one small registration. Prints requests/s,
//! p50/p99 latency and errors per kind against the budget. `--url` measures a server that is already running.

use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;
use comfy_table::Table;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use tokio::sync::{Mutex, Semaphore};
use vieclam_core::sync::wire::PushRequest;
use vieclam_e2e::fixtures;
use vieclam_e2e::postgres::PgCluster;
use vieclam_e2e::server::{Server, ServerConfig, admin_command};
use vieclam_e2e::wire::{Device, WireClient};

/// Options.
#[derive(Debug, Parser)]
struct Args {
    /// Simulated devices.
    #[arg(long, default_value_t = 1000)]
    devices: usize,
    /// Worker accounts the devices share (sign-in registers each device on its account).
    #[arg(long, default_value_t = 50)]
    accounts: usize,
    /// How long the devices sync, in seconds.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// A push every this many rounds of a device (the others only pull).
    #[arg(long, default_value_t = 4)]
    push_every: u64,
    /// Seed of the devices and records.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// A server already running (its accounts must be `load-N` / `load-password-N`).
    #[arg(long)]
    url: Option<String>,
}

/// Latencies of one kind of request, in microseconds, and its errors.
#[derive(Default)]
struct Samples {
    micros: Vec<u64>,
    errors: u64,
    first_error: Option<String>,
}

impl Samples {
    fn record<T, E: std::fmt::Display>(&mut self, started: Instant, result: &Result<T, E>) {
        self.micros.push(u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX));
        if let Err(e) = result {
            self.errors += 1;
            self.first_error.get_or_insert_with(|| e.to_string());
        }
    }

    fn merge(&mut self, other: Samples) {
        self.micros.extend(other.micros);
        self.errors += other.errors;
        if self.first_error.is_none() {
            self.first_error = other.first_error;
        }
    }

    fn percentile(&mut self, p: f64) -> Duration {
        if self.micros.is_empty() {
            return Duration::ZERO;
        }
        self.micros.sort_unstable();
        let i = ((self.micros.len() - 1) as f64 * p).round() as usize;
        Duration::from_micros(self.micros[i.min(self.micros.len() - 1)])
    }
}

/// What one device measured.
#[derive(Default)]
struct DeviceReport {
    pull: Samples,
    push: Samples,
}

/// Sign-ins in flight at once while the devices are made.
const SIGN_INS_AT_ONCE: usize = 4;

fn username(i: usize) -> String {
    format!("load-{i}")
}

fn password(i: usize) -> String {
    format!("load-password-{i}")
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args = Args::parse();
    match run(args).await {
        Ok(ok) => {
            if ok {
                std::process::ExitCode::SUCCESS
            } else {
                std::process::ExitCode::from(2)
            }
        }
        Err(e) => {
            eprintln!("sync_load: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<bool, Box<dyn std::error::Error>> {
    let data = tempfile::tempdir()?;
    // Kept alive until the end: dropping them stops the server and the cluster.
    let (url, _running) = match &args.url {
        Some(u) => (u.clone(), None),
        None => {
            let (server, cluster) = start_server(&args, data.path())?;
            (server.url(), Some((server, cluster)))
        }
    };
    let http =
        reqwest::Client::builder().timeout(Duration::from_secs(30)).pool_max_idle_per_host(args.devices).build()?;

    eprintln!("signing in {} devices…", args.devices);
    let login_started = Instant::now();
    let login = Arc::new(Mutex::new(Samples::default()));
    // A few sign-ins at a time: each hashes a password with Argon2 on purpose (tens of milliseconds of server CPU),
    // and a thousand at once would only queue behind each other until the client's time-out.
    let gate = Arc::new(Semaphore::new(SIGN_INS_AT_ONCE));
    let mut tasks = Vec::new();
    for d in 0..args.devices {
        let (http, url, login, gate) = (http.clone(), url.clone(), login.clone(), gate.clone());
        let account = d % args.accounts.max(1);
        let seed = args.seed.wrapping_mul(1_000_003).wrapping_add(d as u64);
        tasks.push(tokio::spawn(async move {
            let device = Device::from_seed(seed);
            let mut client = WireClient::new(http, url);
            let _permit = gate.acquire().await.ok()?;
            let started = Instant::now();
            let r = client.login(&username(account), &password(account), &device).await;
            login.lock().await.record(started, &r);
            r.ok().map(|_| client)
        }));
    }
    let mut clients = Vec::new();
    for t in tasks {
        if let Ok(Some(c)) = t.await {
            clients.push(c);
        }
    }
    let login_secs = login_started.elapsed().as_secs_f64();

    eprintln!("{} devices syncing for {} s…", clients.len(), args.seconds);
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    let sync_started = Instant::now();
    let mut tasks = Vec::new();
    for (d, client) in clients.into_iter().enumerate() {
        let (push_every, seed) = (args.push_every.max(1), args.seed.wrapping_add(d as u64));
        tasks.push(tokio::spawn(device_loop(client, deadline, push_every, seed, d as u32)));
    }
    let mut total = DeviceReport::default();
    for t in tasks {
        if let Ok(r) = t.await {
            total.pull.merge(r.pull);
            total.push.merge(r.push);
        }
    }
    let sync_secs = sync_started.elapsed().as_secs_f64();
    let mut login = std::mem::take(&mut *login.lock().await);
    Ok(report(&args, &mut login, login_secs, &mut total, sync_secs))
}

/// A server on a fresh PostgreSQL database with `--accounts` worker accounts.
fn start_server(args: &Args, data: &std::path::Path) -> Result<(Server, PgCluster), Box<dyn std::error::Error>> {
    let cluster = PgCluster::start()?;
    let config = ServerConfig::postgres(data, cluster.fresh_database()?);
    eprintln!("making {} accounts…", args.accounts);
    for i in 0..args.accounts {
        let (u, p) = (username(i), password(i));
        let add = [
            "users",
            "add",
            "--role",
            "worker",
            "--username",
            u.as_str(),
            "--name",
            u.as_str(),
            "--password",
            p.as_str(),
        ];
        admin_command(&config, &add)?;
    }
    Ok((Server::start(config)?, cluster))
}

/// One device: pull, and every `push_every`-th round push one registration, until `deadline`.
async fn device_loop(client: WireClient, deadline: Instant, push_every: u64, seed: u64, node: u32) -> DeviceReport {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut report = DeviceReport::default();
    let mut cursor: Option<String> = None;
    let mut round = 0u64;
    while Instant::now() < deadline {
        round += 1;
        let started = Instant::now();
        let r = client.pull(cursor.as_deref(), None).await;
        report.pull.record(started, &r);
        if let Ok(page) = r {
            cursor = Some(page.cursor);
        }
        if round.is_multiple_of(push_every) {
            let millis = vieclam_core::ids::now_millis();
            let mutation = fixtures::registration_mutation(&mut rng, millis, node);
            let request = PushRequest { mutations: vec![mutation], links: Vec::new() };
            let started = Instant::now();
            let r = client.push(&request).await;
            report.push.record(started, &r);
        }
    }
    report
}

/// Prints the table; whether the P3 budget is met.
fn report(args: &Args, login: &mut Samples, login_secs: f64, sync: &mut DeviceReport, sync_secs: f64) -> bool {
    let mut table = Table::new();
    table.set_header(vec!["request", "count", "per second", "p50", "p99", "errors"]);
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    let mut row = |name: &str, s: &mut Samples, secs: f64| {
        let n = s.micros.len();
        let rate = n as f64 / secs.max(1e-9);
        table.add_row(vec![
            name.to_string(),
            n.to_string(),
            format!("{rate:.0}"),
            ms(s.percentile(0.5)),
            ms(s.percentile(0.99)),
            s.errors.to_string(),
        ]);
    };
    row("sign-in (Argon2, not sync)", login, login_secs);
    row("pull", &mut sync.pull, sync_secs);
    row("push (1 registration)", &mut sync.push, sync_secs);
    let mut all = Samples::default();
    all.micros.extend(&sync.pull.micros);
    all.micros.extend(&sync.push.micros);
    all.errors = sync.pull.errors + sync.push.errors;
    let rate = all.micros.len() as f64 / sync_secs.max(1e-9);
    let p99 = all.percentile(0.99);
    row("sync (pull + push)", &mut all, sync_secs);
    println!("P3: {} devices, {} s, loopback, PostgreSQL", args.devices, args.seconds);
    println!("{table}");
    for (name, s) in [("sign-in", &*login), ("pull", &sync.pull), ("push", &sync.push)] {
        if let Some(e) = &s.first_error {
            println!("first {name} error: {e}");
        }
    }
    let ok = rate >= 1000.0 && p99 <= Duration::from_millis(250) && all.errors == 0 && login.errors == 0;
    println!(
        "P3 budget ≥ 1,000 sync requests/s, p99 ≤ 250 ms, 0 errors: {} ({rate:.0}/s, p99 {}, {} errors)",
        if ok { "met" } else { "NOT met" },
        ms(p99),
        all.errors + login.errors
    );
    ok
}
