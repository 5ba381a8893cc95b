//! The bank's sample export (`server/tests/data/book-1000/`: 1,000 loans with their payment history and relief
//! events) imported by `vieclam-server import loans` into a real server, on SQLite and on PostgreSQL; an inspector
//! whose plan covers the communes of the five loans worked by hand (`server/tests/import_history.rs`) takes them down
//! with `vieclam sync`, and `vieclam --on 01/03/2026 loan` shows each one's figures as worked out there.

use std::path::{Path, PathBuf};

use vieclam_core::format::money;
use vieclam_e2e::cli::Device;
use vieclam_e2e::postgres::PgCluster;
use vieclam_e2e::server::{Server, ServerConfig, admin_command, admin_command_with_stdin};

fn sample(name: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../server/tests/data/book-1000");
    dir.join(name).display().to_string()
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The loan's screen on 1 March 2026, as the device shows it.
fn loan_on_first_of_march(device: &Device, agreement: &str) -> String {
    device.ok(&["--on", "01/03/2026", "loan", agreement]).unwrap_or_else(|e| panic!("loan {agreement}: {e}"))
}

fn loan_book(config: ServerConfig, work: &Path) {
    let files = [sample("du-no.csv"), sample("tra-no.csv"), sample("xu-ly-no.csv"), sample("lich-giao-dich.csv")];
    let args: Vec<&str> = ["import", "loans"].into_iter().chain(files.iter().map(String::as_str)).collect();
    let imported = admin_command(&config, &args).expect("import");
    let said = stdout(&imported);
    assert!(imported.status.success(), "{said}\n{}", String::from_utf8_lossy(&imported.stderr));
    assert!(said.contains("bỏ qua 0 dòng lỗi"), "{said}");
    // A second import of the same export writes the same records: the office's figures do not move.
    let again = stdout(&admin_command(&config, &args).expect("import again"));
    assert_eq!(again, said);

    let user = ["users", "add", "--role", "inspector", "--username", "thanhtra-so", "--name", "Hà Thị Sổ"];
    admin_command_with_stdin(&config, &[&user[..], &["--password-stdin"]].concat(), "thanhtra-so-mat-khau\n")
        .expect("users add");
    let today = vieclam_core::query::session::today_in_province();
    let (from, to) = ((today - chrono::Days::new(1)).to_string(), (today + chrono::Days::new(30)).to_string());
    let plan = ["plans", "add", "--name", "02/KH-SO", "--inspector", "thanhtra-so", "--communes", "05977,06040,06001"];
    admin_command(&config, &[&plan[..], &["--from", &from, "--to", &to]].concat()).expect("plan");

    let mut server = Server::start(config).expect("server");
    let device = Device::init(work.join("thanhtra-so")).expect("init");
    device.login(&server.url(), "thanhtra-so", "thanhtra-so-mat-khau").expect("login");
    device.ok(&["sync"]).expect("sync");

    // 7301000001, paid on every due day: nothing overdue, the unpaid interest 1,195,500 all there is to pay.
    let s = loan_on_first_of_march(&device, "7301000001");
    assert!(s.contains("Trong hạn") && s.contains(&money(25_000_001)) && s.contains(&money(1_195_500)), "{s}");
    // When and where to pay: the ward's transaction point sits on the 15th.
    assert!(s.contains("Phiên giao dịch tới") && s.contains("15/03/2026, tại Nhà văn hóa khối 5"), "{s}");
    // Whom to ask: the savings group and its leader; and the savings kept with the loan.
    assert!(s.contains("Tổ Bản Chắt 1") && s.contains("Hoàng Thị Nga") && s.contains(&money(1_200_000)), "{s}");
    // 7301000002, frozen: 53,333,334 held, nothing to pay now.
    let s = loan_on_first_of_march(&device, "7301000002");
    assert!(s.contains("Khoanh nợ") && s.contains(&money(53_333_334)) && !s.contains("Cần trả ngay"), "{s}");
    // Its schedule shows the instalment of 01/06/2025, due inside the freeze, held rather than overdue.
    let row = s.lines().find(|l| l.contains("01/06/2025")).expect("the 01/06/2025 instalment");
    assert!(row.contains("Khoanh nợ") && !s.contains("Quá hạn"), "{s}");
    // 7301000003, nothing paid: 10,000,000 overdue for 234 days, 406,120 overdue interest, 12,839,320 to pay now.
    let s = loan_on_first_of_march(&device, "7301000003");
    for want in [money(10_000_000), money(406_120), money(2_433_200), money(12_839_320), "234".to_owned()] {
        assert!(s.contains(&want), "{want} missing from:\n{s}");
    }
    // 7301000004, February's interest paid: one day, 27,940, is owed.
    let s = loan_on_first_of_march(&device, "7301000004");
    assert!(s.contains(&money(27_940)) && s.contains("Trong hạn"), "{s}");
    // 7301000005, written off: 900,000,000.
    let s = loan_on_first_of_march(&device, "7301000005");
    assert!(s.contains("Đã xóa nợ") && s.contains(&money(900_000_000)), "{s}");
    assert!(!s.contains("Quá hạn"), "a written-off loan's instalments are not overdue: {s}");
    println!("7301000003 on 01/03/2026:\n{}", loan_on_first_of_march(&device, "7301000003"));

    // The same export again changes nothing a device would download; a newer one with one more payment sends it.
    assert!(admin_command(server.config(), &args).expect("import again").status.success());
    let again = device.ok(&["sync"]).expect("sync");
    assert!(again.contains("Không có gì mới để đồng bộ."), "{again}");
    let newer = work.join("tra-no-moi.csv");
    let mut payments = std::fs::read_to_string(&files[1]).expect("payments");
    payments.push_str("7301000003;10/03/2026;5.000.000;600.000;0\r\n");
    std::fs::write(&newer, payments).expect("write");
    let newer = newer.display().to_string();
    let newer_args = ["import", "loans", &files[0], &newer, &files[2], &files[3]];
    let out = admin_command(server.config(), &newer_args).expect("newer import");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let synced = device.ok(&["sync"]).expect("sync");
    assert!(synced.contains("nhận 1 bản ghi"), "only the new payment comes down: {synced}");
    let s = device.ok(&["--on", "11/03/2026", "loan", "7301000003"]).expect("loan");
    assert!(s.contains(&money(5_000_000)), "the newer payment shows: {s}");
    server.stop().expect("stop");
}

#[test]
fn the_banks_sample_export_reads_on_a_device_on_sqlite() {
    let work = tempfile::tempdir().expect("dir");
    loan_book(ServerConfig::sqlite(work.path().join("server")), work.path());
}

#[test]
fn the_banks_sample_export_reads_on_a_device_on_postgres() {
    let cluster = PgCluster::start().expect("cluster");
    let work = tempfile::tempdir().expect("dir");
    let url = cluster.fresh_database().expect("database");
    loan_book(ServerConfig::postgres(work.path().join("server"), url), work.path());
}
