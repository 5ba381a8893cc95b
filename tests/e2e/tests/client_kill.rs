//! A field device killed mid-sync: `vieclam sync` runs as a child through the fault proxy, whose first connection
//! is held back (a delay fault), and is killed with SIGKILL at a chosen moment — while its push waits in the
//! proxy (the server applies it after the client is gone, so the acknowledgement is lost), after a push was
//! acknowledged, between two pull pages, between two photo uploads. After every kill the store opens and passes
//! SQLite's integrity check; after a clean sync nothing waits, and the server holds every check, answer and photo
//! the device made exactly once.

use std::io::{BufRead, BufReader};
use std::process::Child;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use vieclam_e2e::cli::{self, Device};
use vieclam_e2e::loans_csv;
use vieclam_e2e::proxy::{Fault, FaultPolicy, Proxy};
use vieclam_e2e::server::{Server, ServerConfig, admin_command};
use vieclam_e2e::wire::{self, WireClient};

const COMMUNE: &str = "05977";
/// How long the proxy holds the first connection of each killed sync.
const HOLD: Duration = Duration::from_millis(1500);

/// When to kill the sync.
#[derive(Clone, Copy, Debug)]
enum Moment {
    /// This long after it started (inside the held connection: its request is already in the proxy).
    After(Duration),
    /// As soon as it prints a progress line of this phase (after that step committed).
    Line(&'static str),
}

/// Runs `vieclam sync` through the held connection and kills it at `moment`; whether it was still running then.
fn kill_sync(device: &Device, proxy: &Proxy, moment: Moment) -> bool {
    proxy.set_policy(FaultPolicy::Script([Fault::Delay(HOLD)].into_iter().collect()));
    let mut child = device.spawn(&["sync"]).expect("spawn sync");
    let lines = watch(&mut child);
    let started = Instant::now();
    match moment {
        Moment::After(d) => std::thread::sleep(d),
        Moment::Line(phase) => loop {
            match lines.recv_timeout(Duration::from_millis(50)) {
                Ok(line) if line.starts_with(phase) => break,
                Ok(_) | Err(mpsc::RecvTimeoutError::Timeout) if started.elapsed() < Duration::from_secs(30) => {}
                _ => break,
            }
        },
    }
    let running = matches!(child.try_wait(), Ok(None));
    // Child::kill is SIGKILL on Unix: no handler runs, nothing is flushed or rolled back by the process itself.
    let _ = child.kill();
    let _ = child.wait();
    running
}

/// The child's stdout lines, as they come.
fn watch(child: &mut Child) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    if let Some(out) = child.stdout.take() {
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
    }
    rx
}

/// A check at the site with one answer and one photo, made offline; its id.
fn make_check(device: &Device, site: &(String, String, String), variant: u8) -> String {
    let (site_id, lat, lon) = site;
    let started = device
        .ok(&["check", "start", "--site", site_id, "--at", &format!("{lat},{lon}"), "--accuracy", "4"])
        .expect("start");
    let (code, id) =
        (cli::word_after(&started, "kiểm tra ").expect("code"), cli::word_after(&started, "(mã ").expect("id"));
    device.ok(&["check", "answer", &code, "purpose_kept", "có"]).expect("answer");
    let jpeg = device.home().join(format!("camera-{variant}.jpg"));
    cli::camera_jpeg(&jpeg, variant).expect("JPEG");
    device.ok(&["check", "photo", &code, &jpeg.display().to_string()]).expect("photo");
    id
}

/// The store opens with its key and SQLite finds nothing wrong in it.
fn store_is_whole(device: &Device) {
    let store = device.open_store().expect("the store opens after a kill");
    let verdict: String = store
        .raw_connection_for_tests()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(verdict, "ok");
    drop(store);
    device.ok(&["status"]).expect("status after a kill");
}

#[test]
fn a_killed_sync_loses_and_doubles_nothing() {
    let work = tempfile::tempdir().expect("dir");
    let config = ServerConfig::sqlite(work.path().join("server"));
    // Enough loans for three pull pages, so a kill can fall between two of them.
    let csv = work.path().join("sao-ke.csv");
    let loans = loans_csv::write(&csv, COMMUNE, 2_500, 1, "KL", 5).expect("CSV");
    admin_command(&config, &["import", "loans", &csv.display().to_string()]).expect("import");
    for (role, user) in [("inspector", "thanhtra"), ("admin", "vanphong")] {
        let args = [
            "users",
            "add",
            "--role",
            role,
            "--username",
            user,
            "--name",
            "Lộc Văn Kiểm",
            "--password",
            "mat-khau-dai",
        ];
        admin_command(&config, &args).expect("users add");
    }
    let today = vieclam_core::query::session::today_in_province();
    let (from, to) = ((today - chrono::Days::new(1)).to_string(), (today + chrono::Days::new(30)).to_string());
    let plan = [
        "plans",
        "add",
        "--name",
        "02/KH-E2E",
        "--inspector",
        "thanhtra",
        "--communes",
        COMMUNE,
        "--from",
        &from,
        "--to",
        &to,
    ];
    admin_command(&config, &plan).expect("plan");
    let server = Server::start(config).expect("server");
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let proxy = Proxy::start_on(rt.handle(), server.addr(), FaultPolicy::Pass).expect("proxy");
    let device = Device::init(work.path().join("field")).expect("init");
    device.login(&proxy.url(), "thanhtra", "mat-khau-dai").expect("login through the proxy");
    let site = loans[0].site.clone().expect("a site");

    let mut checks = Vec::new();
    let mut killed_running = 0;
    // The first download, killed between two pull pages.
    killed_running += kill_sync(&device, &proxy, Moment::Line("Nhận dữ liệu")) as usize;
    store_is_whole(&device);
    // The next sync takes the rest of the package from the last page committed.
    let rest = device.ok(&["sync"]).expect("the download completes");
    assert!(rest.contains("nhận"), "{rest}");
    println!("after the killed download: {}", rest.lines().last().unwrap_or_default());
    let rounds = [
        // The push sits in the held connection; the server applies it after the client is gone.
        Moment::After(HOLD / 2),
        // The push was acknowledged and committed; the pull had begun.
        Moment::Line("Gửi thay đổi"),
        // The first of two photos went up; the second had not.
        Moment::Line("Gửi ảnh"),
        // Just after the held connection was let through: mid-push or mid-pull.
        Moment::After(HOLD + Duration::from_millis(150)),
    ];
    for (i, moment) in rounds.into_iter().enumerate() {
        checks.push(make_check(&device, &site, 2 * i as u8 + 1));
        checks.push(make_check(&device, &site, 2 * i as u8 + 2));
        killed_running += kill_sync(&device, &proxy, moment) as usize;
        store_is_whole(&device);
    }
    println!("{killed_running} of 5 kills hit a running sync");
    assert!(killed_running >= 3, "most kills hit a running sync: {killed_running} of 5");

    // Clean syncs: everything goes up once, nothing waits, and then nothing is new.
    proxy.set_policy(FaultPolicy::Pass);
    let first = device.ok(&["sync"]).expect("clean sync");
    println!("the clean sync: {}", first.lines().last().unwrap_or_default());
    // The last killed sync may already have sent and received everything, so the clean one can find nothing new;
    // either way nothing may be refused.
    assert!(
        first.contains("(0 bị từ chối)") || first.contains("Không có gì mới để đồng bộ."),
        "nothing refused: {first}"
    );
    let status = device.ok(&["status"]).expect("status");
    assert!(status.contains("Mọi thay đổi đã được gửi.") && !status.contains("ảnh chờ gửi"), "{status}");
    let mut last = device.ok(&["sync"]).expect("sync");
    if !last.contains("Không có gì mới") {
        // A push the proxy let through after its client was killed may have landed during the clean sync.
        last = device.ok(&["sync"]).expect("sync");
    }
    assert!(last.contains("Không có gì mới để đồng bộ."), "{last}");
    assert!(device.ok(&["evidence", "verify"]).expect("verify").contains("Chứng cứ hợp lệ"));

    // The server holds each check, its answer and its photo exactly once.
    rt.block_on(async {
        let mut admin = WireClient::new(reqwest::Client::new(), server.url());
        admin.login("vanphong", "mat-khau-dai", &wire::Device::from_seed(31)).await.expect("admin");
        let (mut held, mut cursor) = (Vec::new(), None::<String>);
        loop {
            let page = admin.pull(cursor.as_deref(), None).await.expect("pull");
            held.extend(page.changes.into_iter().filter(|c| c.kind != "loan" && c.kind != "borrower"));
            cursor = Some(page.cursor);
            if !page.more {
                break;
            }
        }
        let mut server_checks: Vec<&str> =
            held.iter().filter(|c| c.kind == "site_check").map(|c| c.id.as_str()).collect();
        server_checks.sort_unstable();
        let mut ours: Vec<&str> = checks.iter().map(String::as_str).collect();
        ours.sort_unstable();
        assert_eq!(server_checks, ours, "every check once, and no other");
        let answers = held.iter().filter(|c| c.kind == "check_answer").count();
        assert_eq!(answers, checks.len(), "one answer per check");
        let photos: Vec<String> = held
            .iter()
            .filter(|c| c.kind == "check_photo")
            .filter_map(|c| c.body.as_ref().and_then(|b| b["sha256"].as_str()).map(str::to_owned))
            .collect();
        assert_eq!(photos.len(), checks.len(), "one photo record per check");
        for sha in &photos {
            assert_eq!(admin.photo_held(sha).await.expect("HEAD"), 200, "photo {sha} held");
        }
    });
}
