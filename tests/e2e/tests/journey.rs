//! The whole journey through the real binaries, on SQLite and on PostgreSQL: the office imports a bank export,
//! adds inspectors, a plan and a borrower's activation code with `vieclam-server`; two inspectors sign in with
//! `vieclam`, take their commune down, check a site offline (fix, checklist, a stamped photo), and send it all up
//! when the server is back; the borrower activates and sees their loan and the check of their site; a returning
//! worker enrols and registers, and the office reads the registration. Through the same server, a photo whose
//! signed record was altered after signing is refused with `photo.bad_signature` and nothing of it is stored.

use std::path::Path;

use serde_json::{Value, json};
use vieclam_core::sync::wire::{Mutation, MutationOp, PushRequest};
use vieclam_e2e::chain::{Chain, hex};
use vieclam_e2e::cli::{self, Device};
use vieclam_e2e::loans_csv::{self, ImportedLoan};
use vieclam_e2e::postgres::PgCluster;
use vieclam_e2e::server::{Server, ServerConfig, admin_command, admin_command_with_stdin};
use vieclam_e2e::wire::{self, WireClient};

/// Thành phố Lạng Sơn's ward of the sample exports: the plan's one commune.
const COMMUNE: &str = "05977";
const NOTHING_NEW: &str = "Không có gì mới để đồng bộ.";
const ALL_SENT: &str = "Mọi thay đổi đã được gửi.";

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The office's day: import, accounts, a plan for today, an activation code. Answers the loans and the code.
fn office(config: &ServerConfig, work: &Path) -> (Vec<ImportedLoan>, String) {
    let csv = work.join("sao-ke.csv");
    let loans = loans_csv::write(&csv, COMMUNE, 4, 1, "JR", 11).expect("CSV");
    let csv_arg = csv.display().to_string();
    let imported = stdout(&admin_command(config, &["import", "loans", &csv_arg]).expect("import"));
    assert!(imported.contains("Đã nhập 4 dòng"), "{imported}");
    for (role, user) in [("inspector", "thanhtra-a"), ("inspector", "thanhtra-b"), ("admin", "vanphong")] {
        let args = ["users", "add", "--role", role, "--username", user, "--name", "Nông Thị Kiểm", "--password-stdin"];
        admin_command_with_stdin(config, &args, &format!("{user}-mat-khau\n")).expect("users add");
    }
    let today = vieclam_core::query::session::today_in_province();
    let (from, to) = ((today - chrono::Days::new(1)).to_string(), (today + chrono::Days::new(30)).to_string());
    let plan = ["plans", "add", "--name", "01/KH-E2E", "--inspector", "thanhtra-a", "--inspector", "thanhtra-b"];
    admin_command(config, &[&plan[..], &["--communes", COMMUNE, "--from", &from, "--to", &to]].concat()).expect("plan");
    let borrower = &loans[0].borrower_id;
    let issued = stdout(&admin_command(config, &["activation", "issue", "--borrower", borrower]).expect("activation"));
    let code = issued.trim().rsplit(' ').next().expect("a code").to_owned();
    (loans, code)
}

/// An inspector at the site with no coverage: a check, its checklist, a photo, finished. Answers the check's code.
fn check_offline(device: &Device, site: &(String, String, String), variant: u8) -> String {
    let (site_id, lat, lon) = site;
    let at = format!("{lat},{lon}");
    let started = device.ok(&["check", "start", "--site", site_id, "--at", &at, "--accuracy", "4"]).expect("start");
    assert!(started.contains("Đang ở tại mô hình"), "{started}");
    let code = cli::word_after(&started, "kiểm tra ").expect("a check code");
    cli::answer_checklist(device, &code).expect("checklist");
    let jpeg = device.home().join(format!("camera-{variant}.jpg"));
    cli::camera_jpeg(&jpeg, variant).expect("JPEG");
    let saved = device.ok(&["check", "photo", &code, &jpeg.display().to_string()]).expect("photo");
    assert!(saved.contains("Đã lưu ảnh"), "{saved}");
    let finished = device.ok(&["check", "finish", &code]).expect("finish");
    assert!(finished.contains(&code), "{finished}");
    code
}

fn journey(config: ServerConfig, work: &Path) {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let (loans, activation) = office(&config, work);
    let site = loans[0].site.clone().expect("the first loan has a site");
    let mut server = Server::start(config.clone()).expect("server");
    let url = server.url();

    // Two inspectors take the commune down.
    let inspectors: Vec<Device> = ["a", "b"].iter().map(|n| Device::init(work.join(n)).expect("init")).collect();
    for (device, user) in inspectors.iter().zip(["thanhtra-a", "thanhtra-b"]) {
        let hello = device.login(&url, user, &format!("{user}-mat-khau")).expect("login");
        assert!(hello.contains("Xin chào"), "{hello}");
        let synced = device.ok(&["sync"]).expect("first sync");
        assert!(synced.contains("nhận"), "{synced}");
        let listed = device.ok(&["loans"]).expect("loans");
        for loan in &loans {
            assert!(listed.contains(&loan.agreement_no), "{} missing from:\n{listed}", loan.agreement_no);
        }
    }

    // Offline: the server is down while they work.
    server.stop().expect("stop");
    let codes: Vec<String> = inspectors.iter().enumerate().map(|(i, d)| check_offline(d, &site, i as u8 + 1)).collect();
    let waiting = inspectors[0].ok(&["status"]).expect("status");
    assert!(waiting.contains("thay đổi chờ gửi") && waiting.contains("1 ảnh chờ gửi"), "{waiting}");
    let refused = inspectors[0].run(&["sync"]).expect("sync offline");
    assert!(!refused.status.success(), "no server, no sync");

    // Coverage is back: the checks, answers and photos go up; then nothing waits and nothing is new.
    server.restart().expect("restart");
    for device in &inspectors {
        let sent = device.ok(&["sync"]).expect("sync");
        println!("{}: {sent}", device.home().display());
        assert!(sent.contains("gửi 1 ảnh"), "{sent}");
        let status = device.ok(&["status"]).expect("status");
        assert!(status.contains(ALL_SENT) && !status.contains("ảnh chờ gửi"), "{status}");
    }
    for device in &inspectors {
        // The first may still receive its teammate's check, sent after its own sync; then nothing is new.
        let mut again = device.ok(&["sync"]).expect("sync again");
        if !again.contains(NOTHING_NEW) {
            assert!(again.contains("Đã gửi 0 thay đổi") && again.contains("gửi 0 ảnh"), "{again}");
            again = device.ok(&["sync"]).expect("sync again");
        }
        assert!(again.contains(NOTHING_NEW), "{again}");
        println!("{}: {again}", device.home().display());
    }

    // The office holds both checks, their answers and both photos, once each.
    let admin = rt.block_on(async {
        let mut admin = WireClient::new(reqwest::Client::new(), &url);
        admin.login("vanphong", "vanphong-mat-khau", &wire::Device::from_seed(901)).await.expect("admin");
        admin
    });
    let held = rt.block_on(admin.pull_all()).expect("admin pull");
    let count = |kind: &str| held.iter().filter(|c| c.kind == kind).count();
    assert_eq!((count("site_check"), count("check_photo")), (2, 2), "one check and one photo per inspector");
    assert!(count("check_answer") >= 2 * 5, "the checklists came up: {}", count("check_answer"));
    for photo in held.iter().filter(|c| c.kind == "check_photo") {
        let sha = photo.body.as_ref().and_then(|b| b["sha256"].as_str()).expect("sha256").to_owned();
        assert_eq!(rt.block_on(admin.photo_held(&sha)).expect("HEAD"), 200, "photo {sha} is held");
    }

    // The borrower activates and sees their own loan, and the check of their site.
    let borrower = Device::init(work.join("borrower")).expect("init");
    let ours = &loans[0];
    let hello = borrower
        .ok(&["activate", "--server", &url, "--code", &activation, "--id-number", &ours.id_number])
        .expect("activate");
    assert!(hello.contains("Xin chào"), "{hello}");
    borrower.ok(&["sync"]).expect("borrower sync");
    let loan = borrower.ok(&["loan", &ours.agreement_no]).expect("loan");
    assert!(loan.contains(&ours.agreement_no), "{loan}");
    let listed = borrower.ok(&["loans"]).expect("loans");
    assert!(loans[1..].iter().all(|l| !listed.contains(&l.agreement_no)), "only their own loan:\n{listed}");
    let check = borrower.ok(&["check", "show", &codes[0]]).expect("the check came down");
    assert!(check.contains(&codes[0]), "{check}");
    // The check's answers and photo record came down too, although the server sent them before the (later
    // finished) check itself: nothing is lost to the order of a pull.
    {
        let store = borrower.open_store().expect("the borrower's store");
        let count = |sql: &str| -> i64 {
            store.raw_connection_for_tests().query_row(sql, [&codes[0]], |r| r.get(0)).expect("count")
        };
        let answers =
            count("SELECT count(*) FROM check_answers a JOIN site_checks c ON c.id = a.check_id WHERE c.code = ?1");
        let photos =
            count("SELECT count(*) FROM check_photos p JOIN site_checks c ON c.id = p.check_id WHERE c.code = ?1");
        // Each device numbers its own visits, so both inspectors' checks in the commune may carry this code.
        let checks = count("SELECT count(*) FROM site_checks WHERE code = ?1");
        assert!(checks >= 1);
        assert!(answers > 0, "the check's answers reached the borrower's device");
        assert_eq!(photos, checks, "each check's photo record reached the borrower's device");
    }
    println!("the borrower's device:\n{loan}\n{check}");

    // A returning worker enrols, registers, syncs; the office reads the registration.
    let worker = Device::init(work.join("worker")).expect("init");
    let enrol = ["enrol", "--server", &url, "--name", "Hoàng Văn Thử", "--phone", "0912345678", "--password-stdin"];
    worker.ok_with_stdin(&enrol, "mat-khau-cua-tho\n").expect("enrol");
    let registered = worker
        .ok(&[
            "register",
            "--name",
            "Hoàng Văn Thử",
            "--id-number",
            "020090123456",
            "--birth-date",
            "14/03/1990",
            "--sex",
            "nam",
            "--phone",
            "0912345678",
            "--commune",
            COMMUNE,
            "--address",
            "Thôn Bản Chắt",
            "--occupation",
            "Công nhân cơ khí",
            "--wants",
            "domestic_job",
            "--consent",
        ])
        .expect("register");
    let registration = cli::word_after(&registered, "Đã lưu đăng ký ").expect("registration id");
    assert!(worker.ok(&["sync"]).expect("worker sync").contains("Đã gửi"));
    let seen: Value =
        rt.block_on(admin.get_json(&format!("/v1/registrations/{registration}"))).expect("office reads it");
    assert!(seen.to_string().contains("020090123456"), "{seen}");

    // A photo whose signed record was altered after signing is refused, and nothing of it is kept.
    rt.block_on(tampered_photo_is_refused(&url, &site.0, &admin, &config.data));
    drop(server);
}

/// Signs in a second device of inspector A with the wire client, pushes a check and a photo record whose link was
/// changed after signing, then tries to upload the photo.
async fn tampered_photo_is_refused(url: &str, site_id: &str, admin: &WireClient, data: &Path) {
    let device = wire::Device::from_seed(902);
    let mut inspector = WireClient::new(reqwest::Client::new(), url);
    inspector.login("thanhtra-a", "thanhtra-a-mat-khau", &device).await.expect("second device");
    let jpeg = b"\xFF\xD8\xFF\xFE\x00\x10tampered photo\xFF\xD9".to_vec();
    let sha = hex(&vieclam_core::evidence::signing::sha256(&jpeg));
    let (check_id, photo_id) = (vieclam_core::ids::new_id(), vieclam_core::ids::new_id());
    let check = json!({ "id": check_id, "site_id": site_id, "state": "open" });
    let photo = json!({ "id": photo_id, "check_id": check_id, "sha256": sha, "width": 4, "height": 3,
        "size_bytes": jpeg.len(), "taken_at": "2026-11-28T01:05:00Z" });
    let mut chain = Chain::new(&device);
    let mut links = vec![chain.link("check", &check_id, &check), chain.link("photo", &photo_id, &photo)];
    links[1].body = links[1].body.replace("\"width\":4", "\"width\":5");
    let now = vieclam_core::ids::now_millis();
    let mutation = |entity: &str, id: &str, payload: &Value, n: u64| Mutation {
        id: vieclam_core::ids::new_id(),
        entity: entity.into(),
        entity_id: id.into(),
        op: MutationOp::Insert,
        payload: payload.clone().into(),
        hlc: vieclam_e2e::fixtures::hlc(now + n, 0, 902),
    };
    let push = PushRequest {
        mutations: vec![mutation("site_check", &check_id, &check, 0), mutation("check_photo", &photo_id, &photo, 1)],
        links,
    };
    let answer = inspector.push(&push).await.expect("push");
    assert_eq!(answer.chain_problems.len(), 1, "the altered link is flagged: {answer:?}");
    let upload = inspector.upload_create(&sha, &photo_id, jpeg.len()).await.expect("create");
    assert_eq!((upload.status, upload.code.as_str()), (422, "photo.bad_signature"), "{upload:?}");
    assert_eq!(admin.photo_held(&sha).await.expect("HEAD"), 404, "the server holds nothing of it");
    assert!(!file_named(&data.join("photos"), &sha), "no file of it in the photo store");
}

/// Whether a file whose name contains `needle` lies anywhere under `dir`.
fn file_named(dir: &Path, needle: &str) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else { return false };
    entries.flatten().any(|e| {
        let path = e.path();
        if path.is_dir() { file_named(&path, needle) } else { e.file_name().to_string_lossy().contains(needle) }
    })
}

#[test]
fn journey_on_sqlite() {
    let work = tempfile::tempdir().expect("dir");
    journey(ServerConfig::sqlite(work.path().join("server")), work.path());
}

#[test]
fn journey_on_postgres() {
    let cluster = PgCluster::start().expect("cluster");
    let work = tempfile::tempdir().expect("dir");
    let url = cluster.fresh_database().expect("database");
    journey(ServerConfig::postgres(work.path().join("server"), url), work.path());
}
