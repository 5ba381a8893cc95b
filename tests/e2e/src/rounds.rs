//! Fault rounds: devices make records and sync through the fault proxy while it drops, delays, cuts and duplicates
//! their connections and the server is restarted (gracefully or by SIGKILL) mid-batch; after each round a clean
//! sync must leave nothing pending, and the server must hold every acknowledged record exactly once.
//!
//! The devices here speak the wire protocol directly ([`crate::wire`]) with the retry discipline the protocol asks
//! of every client (resend the same mutation ids until answered), so the rounds test the server's half of "nothing
//! accepted is ever lost": idempotent pushes, atomic batches, durable acknowledgements.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::time::Duration;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use vieclam_core::sync::wire::{Mutation, MutationStatus, PushRequest};

use crate::fixtures;
use crate::proxy::{FaultKind, FaultMix, FaultPolicy, Proxy};
use crate::server::Server;
use crate::wire::{Device, WireClient};

/// Attempts a device makes in one faulty sync before it gives up until the next round.
const ATTEMPTS: usize = 4;

/// A simulated device: its outbox and what it has seen come down.
pub struct SimDevice {
    client: WireClient,
    node: u32,
    pending: Vec<Mutation>,
    acked: BTreeSet<String>,
    cursor: Option<String>,
    seen: BTreeSet<String>,
    rejected: u64,
    /// The CCCD serials (last six digits) this device's registrations take, one each, so no two registrations of a
    /// run share an ID number and "held twice" can be checked by content too.
    serials: Range<u32>,
}

impl SimDevice {
    /// A device signed in (directly, not through the proxy) as `username`, its registrations numbered from `serials`.
    pub async fn sign_in(
        http: reqwest::Client,
        server_url: &str,
        proxy_url: &str,
        (username, password): (&str, &str),
        seed: u64,
        serials: Range<u32>,
    ) -> Result<SimDevice, String> {
        let device = Device::from_seed(seed);
        let mut direct = WireClient::new(http.clone(), server_url);
        direct.login(username, password, &device).await.map_err(|e| format!("sign-in {username}: {e}"))?;
        let mut client = WireClient::new(http, proxy_url);
        client.set_token(direct.token().map(str::to_owned));
        Ok(SimDevice {
            client,
            node: seed as u32,
            pending: vec![],
            acked: BTreeSet::new(),
            cursor: None,
            seen: BTreeSet::new(),
            rejected: 0,
            serials,
        })
    }

    /// Records `n` new registrations in the outbox, each with the next ID number of this device's serials.
    pub fn make(&mut self, rng: &mut ChaCha8Rng, n: usize) -> Result<(), String> {
        for _ in 0..n {
            let serial =
                self.serials.next().ok_or("a device ran out of distinct ID numbers: fewer devices or rounds")?;
            let mut m = fixtures::registration_mutation(rng, vieclam_core::ids::now_millis(), self.node);
            let mut payload = m.payload.to_value();
            payload["id_number"] = format!("020090{serial:06}").into();
            m.payload = payload.into();
            self.pending.push(m);
        }
        Ok(())
    }

    /// Pushes what is pending and pulls until nothing more waits, retrying up to `attempts` times; whether it
    /// ended clean (nothing pending, last pull complete).
    pub async fn sync(&mut self, attempts: usize) -> bool {
        for attempt in 0..attempts {
            if attempt > 0 {
                tokio::time::sleep(Duration::from_millis(20 << attempt.min(4))).await;
            }
            if self.push_once().await && self.pull_all().await {
                return true;
            }
        }
        false
    }

    async fn push_once(&mut self) -> bool {
        if self.pending.is_empty() {
            return true;
        }
        let request = PushRequest { mutations: self.pending.clone(), links: vec![] };
        let Ok(answer) = self.client.push(&request).await else { return false };
        let answered: BTreeMap<&str, MutationStatus> =
            answer.results.iter().map(|r| (r.id.as_str(), r.status)).collect();
        let mut left = Vec::new();
        for m in self.pending.drain(..) {
            match answered.get(m.id.as_str()) {
                Some(MutationStatus::Applied | MutationStatus::AlreadyApplied) => {
                    self.acked.insert(m.entity_id.clone());
                }
                Some(MutationStatus::Rejected) => self.rejected += 1,
                // Not answered: it stays in the outbox and goes again, with the same id.
                None => left.push(m),
            }
        }
        self.pending = left;
        self.pending.is_empty()
    }

    async fn pull_all(&mut self) -> bool {
        loop {
            let Ok(page) = self.client.pull(self.cursor.as_deref(), None).await else { return false };
            // Like the core: a page counts only once it is whole; the cursor moves with it.
            for c in &page.changes {
                if c.kind == "worker_registration" {
                    self.seen.insert(c.id.clone());
                }
            }
            self.cursor = Some(page.cursor);
            if !page.more {
                return true;
            }
        }
    }
}

/// What the rounds found.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    /// Rounds run.
    pub rounds: u64,
    /// Connections per fault kind, in [`FaultKind::ALL`] order.
    pub faults: [u64; 7],
    /// Server restarts mid-batch (graceful, SIGKILL).
    pub restarts: (u64, u64),
    /// Mutations made.
    pub mutations: u64,
    /// Mutations the server acknowledged.
    pub acknowledged: u64,
    /// Records the server holds more than once under the same id.
    pub duplicates: u64,
    /// Registrations the server holds under two ids (same ID number): a resend taken for a new record.
    pub same_content: u64,
    /// Acknowledged records missing on the server.
    pub lost: u64,
    /// Mutations still pending after a clean sync.
    pub stuck: u64,
    /// Devices whose view differs from the server's after a clean sync.
    pub diverged: u64,
    /// Mutations the server rejected (fixtures are valid: any is a failure).
    pub rejected: u64,
}

impl Summary {
    /// Whether every invariant held.
    pub fn clean(&self) -> bool {
        self.duplicates == 0
            && self.same_content == 0
            && self.lost == 0
            && self.stuck == 0
            && self.diverged == 0
            && self.rejected == 0
    }

    /// The summary as a table.
    pub fn table(&self) -> comfy_table::Table {
        let mut t = comfy_table::Table::new();
        t.set_header(vec!["what", "count"]);
        t.add_row(vec!["rounds".to_string(), self.rounds.to_string()]);
        for k in FaultKind::ALL {
            t.add_row(vec![format!("connections: {}", k.as_str()), self.faults[k.index()].to_string()]);
        }
        t.add_row(vec![
            "server restarts (graceful / SIGKILL)".into(),
            format!("{} / {}", self.restarts.0, self.restarts.1),
        ]);
        for (name, v) in [
            ("mutations made", self.mutations),
            ("mutations acknowledged", self.acknowledged),
            ("held twice: same id", self.duplicates),
            ("held twice: same content, another id", self.same_content),
            ("acknowledged but lost", self.lost),
            ("stuck pending after a clean sync", self.stuck),
            ("devices diverged", self.diverged),
            ("rejected", self.rejected),
        ] {
            t.add_row(vec![name.to_string(), v.to_string()]);
        }
        t
    }
}

/// Runs `rounds` rounds from `seed` with `devices` against `server` through `proxy`; `admin` is a signed-in admin
/// client of the server (direct) that reads the truth. The server is restarted in about one round of five.
pub async fn run(
    server: &mut Server,
    proxy: &Proxy,
    devices: &mut [SimDevice],
    admin: &WireClient,
    rounds: u64,
    seed: u64,
) -> Result<Summary, String> {
    let mut summary = Summary::default();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let before = proxy.stats();
    for round in 0..rounds {
        proxy.set_policy(FaultPolicy::Random(FaultMix::field(seed.wrapping_add(round))));
        for d in devices.iter_mut() {
            let n = rng.random_range(1..=3);
            d.make(&mut rng, n)?;
            summary.mutations += n as u64;
        }
        let restart = rng.random_range(0..5) == 0;
        let crash = rng.random_bool(0.5);
        let syncs = sync_all(devices, ATTEMPTS);
        if restart {
            // Mid-batch: the devices' syncs are in flight while the server goes down and comes back.
            let (_, restarted) = tokio::join!(syncs, restart_later(server, crash));
            restarted?;
            if crash { summary.restarts.1 += 1 } else { summary.restarts.0 += 1 }
        } else {
            syncs.await;
        }
        proxy.set_policy(FaultPolicy::Pass);
        for d in devices.iter_mut() {
            if !d.sync(3).await {
                summary.stuck += d.pending.len().max(1) as u64;
            }
        }
        summary.rounds += 1;
    }
    let after = proxy.stats();
    for (slot, (a, b)) in summary.faults.iter_mut().zip(after.faults.iter().zip(before.faults)) {
        *slot = a - b;
    }
    check_server(admin, devices, &mut summary).await?;
    Ok(summary)
}

async fn sync_all(devices: &mut [SimDevice], attempts: usize) {
    futures::future::join_all(devices.iter_mut().map(|d| d.sync(attempts))).await;
}

async fn restart_later(server: &mut Server, crash: bool) -> Result<(), String> {
    tokio::time::sleep(Duration::from_millis(30)).await;
    // Starting a process and waiting for health blocks; keep it off the runtime's workers.
    tokio::task::block_in_place(|| if crash { server.crash_restart() } else { server.restart() })
        .map_err(|e| e.to_string())
}

/// Reads every registration the server holds (as admin, from the start) and checks the devices against it.
async fn check_server(admin: &WireClient, devices: &[SimDevice], summary: &mut Summary) -> Result<(), String> {
    let mut held: BTreeMap<String, u64> = BTreeMap::new();
    let mut by_content: BTreeMap<String, u64> = BTreeMap::new();
    let mut cursor: Option<String> = None;
    loop {
        let page = admin.pull(cursor.as_deref(), None).await.map_err(|e| format!("admin pull: {e}"))?;
        for c in page.changes.iter().filter(|c| c.kind == "worker_registration") {
            *held.entry(c.id.clone()).or_default() += 1;
            let number = c.body.as_ref().and_then(|b| b.get("id_number")).and_then(|v| v.as_str()).unwrap_or_default();
            *by_content.entry(number.to_string()).or_default() += 1;
        }
        cursor = Some(page.cursor);
        if !page.more {
            break;
        }
    }
    let extra = |counts: &BTreeMap<String, u64>| counts.values().filter(|n| **n > 1).map(|n| n - 1).sum::<u64>();
    summary.duplicates += extra(&held);
    summary.same_content += extra(&by_content);
    for d in devices {
        summary.acknowledged += d.acked.len() as u64;
        summary.rejected += d.rejected;
        summary.lost += d.acked.iter().filter(|id| !held.contains_key(*id)).count() as u64;
        if d.seen != d.acked {
            summary.diverged += 1;
        }
    }
    Ok(())
}

/// Makes `n` worker accounts on `server` (one per device, so each device's scope is its own records), signs a
/// device in on each, and signs in the demo admin; the devices talk through `proxy_url`.
pub async fn prepare(
    server: &Server,
    proxy_url: &str,
    n: usize,
    seed: u64,
) -> Result<(Vec<SimDevice>, WireClient), String> {
    // No idle connections kept: every request opens a connection of its own and so meets the proxy's next fault.
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .pool_max_idle_per_host(0)
        .build()
        .map_err(|e| e.to_string())?;
    let mut devices = Vec::new();
    // The six-digit CCCD serials, split into one block per device.
    let block = 1_000_000 / n.max(1) as u32;
    for i in 0..n {
        let (user, pass) = (format!("fault-{seed}-{i}"), format!("fault-password-{i}"));
        let args = [
            "users",
            "add",
            "--role",
            "worker",
            "--username",
            user.as_str(),
            "--name",
            "Thợ Thử",
            "--password",
            pass.as_str(),
        ];
        tokio::task::block_in_place(|| server.command(&args)).map_err(|e| e.to_string())?;
        let serials = block * i as u32..block * (i as u32 + 1);
        let seed = seed.wrapping_mul(100).wrapping_add(i as u64);
        devices.push(SimDevice::sign_in(http.clone(), &server.url(), proxy_url, (&user, &pass), seed, serials).await?);
    }
    let mut admin = WireClient::new(http, server.url());
    admin
        .login("admin", "admin-vieclam", &Device::from_seed(seed ^ 0xad))
        .await
        .map_err(|e| format!("admin sign-in: {e}"))?;
    Ok((devices, admin))
}
