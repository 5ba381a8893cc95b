//! `sync_load`: docs/design.md (figures) P3, the server under 1,000 devices syncing at once on loopback over
//! PostgreSQL, measured open-loop.
//!
//! Starts a throwaway PostgreSQL cluster (or uses `DATABASE_URL`) and `vieclam-server serve` on it, makes worker
//! accounts with `vieclam-server users add`, signs every simulated device in once (timed apart: sign-in hashes a
//! password with Argon2 on purpose, and is not sync). Then, for each arrival rate of `--rates` in turn, requests are
//! sent at fixed times (`1 / rate` apart, round-robin over the devices, whether or not earlier answers came back):
//! a pull from the device's cursor, and every `--push-every`-th request a push of one small registration. Latency
//! is counted from the time a request was due, so a slow generator cannot hide queueing. Beside latency it prints
//! the server process's CPU per request (from `/proc`), a figure that does not depend on the generator, and with
//! `--pin` keeps the generator on the last core and the server on the others. `--url` measures a server that is
//! already running (then `--server-pid` gives its CPU).

use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;
use comfy_table::Table;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use tokio::sync::{Mutex, Semaphore};
use vieclam_core::sync::wire::PushRequest;
use vieclam_e2e::cpu::cpu_seconds;
use vieclam_e2e::fixtures;
use vieclam_e2e::postgres::PgCluster;
use vieclam_e2e::server::{Server, ServerConfig, admin_command};
use vieclam_e2e::wire::{Device, WireClient};
use vieclam_test_support::bench_rows;

/// Options.
#[derive(Debug, Parser)]
struct Args {
    /// Simulated devices.
    #[arg(long, default_value_t = 1000)]
    devices: usize,
    /// Worker accounts the devices share (sign-in registers each device on its account).
    #[arg(long, default_value_t = 50)]
    accounts: usize,
    /// Arrival rates to measure, requests per second, one phase each.
    #[arg(long, value_delimiter = ',', default_value = "250,500,1000")]
    rates: Vec<u32>,
    /// How long each phase sends, in seconds.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// A push every this many requests (the others are pulls).
    #[arg(long, default_value_t = 4)]
    push_every: u64,
    /// Seed of the devices and records.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// A server already running (its accounts must be `load-N` / `load-password-N`).
    #[arg(long)]
    url: Option<String>,
    /// The process id of the server given with `--url`, for its CPU time.
    #[arg(long)]
    server_pid: Option<u32>,
    /// Pin this generator to the last core and the server to the others (Linux).
    #[arg(long)]
    pin: bool,
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

    fn percentile(&mut self, p: f64) -> Duration {
        if self.micros.is_empty() {
            return Duration::ZERO;
        }
        self.micros.sort_unstable();
        let i = ((self.micros.len() - 1) as f64 * p).round() as usize;
        Duration::from_micros(self.micros[i.min(self.micros.len() - 1)])
    }
}

/// Sign-ins in flight at once while the devices are made.
const SIGN_INS_AT_ONCE: usize = 4;

/// The P3 budget at the highest rate: p99 latency, server CPU per request, and the share of the rate that must be
/// served.
const P99_BUDGET: Duration = Duration::from_millis(250);
const CPU_BUDGET_MS: f64 = 1.0;

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
        Ok(true) => std::process::ExitCode::SUCCESS,
        Ok(false) => std::process::ExitCode::from(2),
        Err(e) => {
            eprintln!("sync_load: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// One simulated device: its client and where its pulls have got to.
struct Phone {
    client: WireClient,
    cursor: Mutex<Option<String>>,
    rng: Mutex<ChaCha8Rng>,
    node: u32,
}

/// What one phase measured.
struct Phase {
    rate: u32,
    sent: usize,
    secs: f64,
    pull: Samples,
    push: Samples,
    server_cpu: Option<f64>,
    generator_cpu: Option<f64>,
}

async fn run(args: Args) -> Result<bool, Box<dyn std::error::Error>> {
    let data = tempfile::tempdir()?;
    // Kept alive until the end: dropping them stops the server and the cluster.
    let (url, server_pid, _running) = match &args.url {
        Some(u) => (u.clone(), args.server_pid, None),
        None => {
            let (server, cluster) = start_server(&args, data.path())?;
            (server.url(), server.pid(), Some((server, cluster)))
        }
    };
    if args.pin {
        pin_apart(server_pid);
    }
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
            r.ok().map(|_| Phone {
                client,
                cursor: Mutex::new(None),
                rng: Mutex::new(ChaCha8Rng::seed_from_u64(seed)),
                node: d as u32,
            })
        }));
    }
    let mut phones = Vec::new();
    for t in tasks {
        if let Ok(Some(p)) = t.await {
            phones.push(p);
        }
    }
    let login_secs = login_started.elapsed().as_secs_f64();
    if phones.is_empty() {
        return Err("no device could sign in".into());
    }
    let phones = Arc::new(phones);
    let mut phases = Vec::new();
    for &rate in &args.rates {
        eprintln!("{} devices, {rate} requests/s for {} s…", phones.len(), args.seconds);
        phases.push(phase(&phones, rate, args.seconds, args.push_every.max(1), server_pid).await);
    }
    let mut login = std::mem::take(&mut *login.lock().await);
    Ok(report(&args, phones.len(), &mut login, login_secs, &mut phases))
}

/// Sends `rate` requests a second for `seconds`, each due at its own time, and waits for every answer.
async fn phase(phones: &Arc<Vec<Phone>>, rate: u32, seconds: u64, push_every: u64, server_pid: Option<u32>) -> Phase {
    let total = (u64::from(rate) * seconds) as usize;
    let interval = Duration::from_secs_f64(1.0 / f64::from(rate.max(1)));
    let cpu_before = (server_pid.and_then(cpu_seconds), cpu_seconds(std::process::id()));
    let started = Instant::now();
    let mut tasks = Vec::with_capacity(total);
    for i in 0..total {
        let due = started + interval.mul_f64(i as f64);
        tokio::time::sleep_until(due.into()).await;
        let phones = phones.clone();
        let push = (i as u64 + 1).is_multiple_of(push_every);
        tasks.push(tokio::spawn(async move { request(&phones[i % phones.len()], push, due).await }));
    }
    let (mut pull, mut push) = (Samples::default(), Samples::default());
    for t in tasks {
        if let Ok((was_push, micros, error)) = t.await {
            let s = if was_push { &mut push } else { &mut pull };
            s.micros.push(micros);
            if let Some(e) = error {
                s.errors += 1;
                s.first_error.get_or_insert(e);
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let server_cpu = server_pid.and_then(cpu_seconds).zip(cpu_before.0).map(|(after, before)| after - before);
    let generator_cpu = cpu_seconds(std::process::id()).zip(cpu_before.1).map(|(after, before)| after - before);
    Phase { rate, sent: total, secs, pull, push, server_cpu, generator_cpu }
}

/// One request of `phone`, due at `due`: answers whether it was a push, its latency from `due` in µs, its error.
async fn request(phone: &Phone, push: bool, due: Instant) -> (bool, u64, Option<String>) {
    let error = if push {
        let mutation = {
            let mut rng = phone.rng.lock().await;
            fixtures::registration_mutation(&mut *rng, vieclam_core::ids::now_millis(), phone.node)
        };
        let r = phone.client.push(&PushRequest { mutations: vec![mutation], links: Vec::new() }).await;
        r.err().map(|e| e.to_string())
    } else {
        let cursor = phone.cursor.lock().await.clone();
        match phone.client.pull(cursor.as_deref(), None).await {
            Ok(page) => {
                *phone.cursor.lock().await = Some(page.cursor);
                None
            }
            Err(e) => Some(e.to_string()),
        }
    };
    (push, u64::try_from(due.elapsed().as_micros()).unwrap_or(u64::MAX), error)
}

/// Keeps this process on the last core and the server on the others, so the generator's work is not the server's.
fn pin_apart(server_pid: Option<u32>) {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    if cores < 2 {
        eprintln!("--pin: one core only, nothing to pin apart");
        return;
    }
    // SAFETY: cpu_set_t is plain data, zeroed then filled with CPU_SET; sched_setaffinity reads it.
    unsafe {
        let mut mine: libc::cpu_set_t = std::mem::zeroed();
        libc::CPU_SET(cores - 1, &mut mine);
        libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &mine);
        if let Some(pid) = server_pid {
            let mut theirs: libc::cpu_set_t = std::mem::zeroed();
            for c in 0..cores - 1 {
                libc::CPU_SET(c, &mut theirs);
            }
            libc::sched_setaffinity(pid as libc::pid_t, std::mem::size_of::<libc::cpu_set_t>(), &theirs);
        }
    }
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

/// Appends the P3 rows of the one table bench.sh prints, measured at the highest rate asked: the rate (met when it is
/// at least P3's and every request was answered), p99, errors (sign-ins' included), server CPU per request.
fn record_rows(
    args: &Args,
    devices: usize,
    phase: &Phase,
    answered: usize,
    all: &mut Samples,
    login_errors: u64,
    cpu_ms: Option<f64>,
) {
    let (rate, sent) = (phase.rate, phase.sent);
    let setup = format!(
        "{devices} devices, {rate}/s for {} s, PostgreSQL{}{}",
        args.seconds,
        if args.pin { ", generator pinned" } else { "" },
        if cfg!(debug_assertions) { ", debug build" } else { "" }
    );
    let p99 = all.percentile(0.99);
    let errors = all.errors + login_errors;
    bench_rows::record(
        &bench_rows::P3A,
        &format!("requests/s offered, all answered ({setup})"),
        &format!("{rate} /s offered, {answered} of {sent} answered"),
        rate >= 1000 && answered == sent,
    );
    bench_rows::record(
        &bench_rows::P3B,
        &format!("p99 latency from the time due ({setup})"),
        &format!("{:.1} ms", p99.as_secs_f64() * 1000.0),
        p99 <= P99_BUDGET,
    );
    bench_rows::record(
        &bench_rows::P3C,
        &format!("errors, sign-ins' included ({setup})"),
        &format!("{errors} errors ({login_errors} at sign-in)"),
        errors == 0,
    );
    bench_rows::record(
        &bench_rows::P3D,
        &format!("server CPU per request ({setup})"),
        &cpu_ms.map_or("unknown (no server pid)".into(), |c| format!("{c:.2} ms")),
        cpu_ms.is_some_and(|c| c <= CPU_BUDGET_MS),
    );
}

/// Prints the table; whether the P3 budget is met at the highest rate.
fn report(args: &Args, devices: usize, login: &mut Samples, login_secs: f64, phases: &mut [Phase]) -> bool {
    let mut table = Table::new();
    table.set_header(vec![
        "rate (/s)",
        "request",
        "answered",
        "per second",
        "p50",
        "p99",
        "errors",
        "server CPU / request",
        "generator CPU / request",
    ]);
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    let per =
        |cpu: Option<f64>, n: usize| cpu.map_or("—".into(), |c| format!("{:.2} ms", c * 1000.0 / n.max(1) as f64));
    let n = login.micros.len();
    table.add_row(vec![
        "—".into(),
        "sign-in (Argon2, not sync)".into(),
        n.to_string(),
        format!("{:.0}", n as f64 / login_secs.max(1e-9)),
        ms(login.percentile(0.5)),
        ms(login.percentile(0.99)),
        login.errors.to_string(),
        "—".into(),
        "—".into(),
    ]);
    let mut met = true;
    let top = phases.iter().map(|p| p.rate).max().unwrap_or(0);
    for p in phases.iter_mut() {
        let mut all = Samples::default();
        all.micros.extend(&p.pull.micros);
        all.micros.extend(&p.push.micros);
        all.errors = p.pull.errors + p.push.errors;
        let answered = all.micros.len();
        for (name, s) in [("pull", &mut p.pull), ("push (1 registration)", &mut p.push), ("sync (all)", &mut all)] {
            let count = s.micros.len();
            let cpu = (name == "sync (all)").then_some(());
            table.add_row(vec![
                p.rate.to_string(),
                name.to_string(),
                count.to_string(),
                format!("{:.0}", count as f64 / p.secs.max(1e-9)),
                ms(s.percentile(0.5)),
                ms(s.percentile(0.99)),
                s.errors.to_string(),
                cpu.map_or(String::new(), |()| per(p.server_cpu, answered)),
                cpu.map_or(String::new(), |()| per(p.generator_cpu, answered)),
            ]);
        }
        if p.rate == top {
            let cpu_ms = p.server_cpu.map(|c| c * 1000.0 / answered.max(1) as f64);
            record_rows(args, devices, p, answered, &mut all, login.errors, cpu_ms);
            met = all.percentile(0.99) <= P99_BUDGET
                && all.errors == 0
                && answered == p.sent
                && cpu_ms.is_some_and(|c| c <= CPU_BUDGET_MS);
            println!(
                "P3 at {top}/s: p99 {}, server CPU {} per request, {} errors, {answered}/{} answered: budget p99 ≤ 250 ms, \
                 ≤ 1 ms CPU, 0 errors: {}",
                ms(all.percentile(0.99)),
                per(p.server_cpu, answered),
                all.errors,
                p.sent,
                if met { "met" } else { "NOT met" }
            );
        }
        for (name, s) in [("pull", &p.pull), ("push", &p.push)] {
            if let Some(e) = &s.first_error {
                println!("first {name} error at {}/s: {e}", p.rate);
            }
        }
    }
    println!(
        "P3: {devices} devices, open loop at {:?}/s for {} s each, loopback, PostgreSQL{}",
        args.rates,
        args.seconds,
        if args.pin { ", generator pinned to the last core" } else { "" }
    );
    println!("{table}");
    met && login.errors == 0
}
