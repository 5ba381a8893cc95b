//! The office in a real browser, on SQLite and on PostgreSQL: the demo server runs, a returning worker registers
//! through `vieclam`, and Debian's Chromium, driven through the DevTools protocol by `tests/browser/office.mjs`
//! (puppeteer-core, pinned by its lockfile), signs in, imports a loan book with one bad row (refused, the row named)
//! and then a good one, creates a plan with its team, opens the map and clicks a check, verifies the registration,
//! opens the report to the province, prints it to PDF, downloads its Word and Excel files, opens a commune's minutes
//! and switches the pages to English. Then the files are opened here: the Word file and the workbook read back by
//! libraries, the PDF's text by pdftotext. Screenshots of every page are left in `build/browser/{sqlite,postgres}/`.
//!
//! Needs Node with npm (the script's packages are installed into `tests/browser/node_modules` on the first run),
//! Debian's `chromium` and `poppler-utils`; `.ci/run` installs them.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Reader, Xlsx};
use vieclam_e2e::cli::{self, Device};
use vieclam_e2e::postgres::PgCluster;
use vieclam_e2e::server::{Server, ServerConfig};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("the workspace")
}

fn have(program: &str, arg: &str) -> bool {
    Command::new(program).arg(arg).output().is_ok_and(|o| o.status.success())
}

/// The script's packages, installed once from the lockfile.
fn node_modules(dir: &Path) {
    if dir.join("node_modules/puppeteer-core/package.json").exists() {
        return;
    }
    let out = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(dir)
        .output()
        .expect("npm (install Node and npm)");
    assert!(out.status.success(), "npm ci failed: {}", String::from_utf8_lossy(&out.stderr));
}

/// A returning worker enrols and registers through the terminal shell; answers the registration's id.
fn registration(url: &str, work: &Path) -> String {
    let worker = Device::init(work.join("worker")).expect("init");
    let enrol = ["enrol", "--server", url, "--name", "Lăng Văn Về", "--phone", "0912345679", "--password-stdin"];
    worker.ok_with_stdin(&enrol, "mat-khau-cua-ve\n").expect("enrol");
    let registered = worker
        .ok(&[
            "register",
            "--name",
            "Lăng Văn Về",
            "--id-number",
            "020091234567",
            "--birth-date",
            "02/09/1991",
            "--sex",
            "nam",
            "--phone",
            "0912345679",
            "--commune",
            "06040",
            "--address",
            "Thôn Bản Van",
            "--occupation",
            "Thợ hàn",
            "--wants",
            "work_abroad",
            "--consent",
        ])
        .expect("register");
    let id = cli::word_after(&registered, "Đã lưu đăng ký ").expect("registration id");
    assert!(worker.ok(&["sync"]).expect("sync").contains("Đã gửi"));
    id
}

fn office_in_browser(config: ServerConfig, work: &Path, name: &str) {
    assert!(have("chromium", "--version"), "Chromium is needed: apt-get install chromium");
    assert!(have("pdftotext", "-v"), "pdftotext is needed: apt-get install poppler-utils");
    let root = root();
    let script = root.join("tests/browser");
    node_modules(&script);
    let out = root.join("build/browser").join(name);
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).expect("screenshots folder");

    let server = Server::start(ServerConfig { demo: true, ..config }).expect("server");
    let url = server.url();
    let registration = registration(&url, work);
    // The bank's sample export, and the same with one commune code that is none of the province's.
    let good = root.join("server/tests/data/loans-good.csv");
    let text = std::fs::read_to_string(&good).expect("sample");
    let bad = work.join("sao-ke-co-dong-sai.csv");
    let wrong = text.replacen(";06040;", ";99999;", 1);
    assert_ne!(wrong, text);
    std::fs::write(&bad, wrong).expect("bad book");
    let communes: Vec<String> = vieclam_core::places::communes().iter().take(2).map(|c| c.code.clone()).collect();

    let run = Command::new("node")
        .arg(script.join("office.mjs"))
        .current_dir(&script)
        .env("VIECLAM_URL", &url)
        .env("VIECLAM_OUT", &out)
        .env("VIECLAM_BAD_BOOK", &bad)
        .env("VIECLAM_BAD_TEXT", "99999")
        .env("VIECLAM_GOOD_BOOK", &good)
        .env("VIECLAM_COMMUNES", communes.join(","))
        .env("VIECLAM_REGISTRATION", &registration)
        .output()
        .expect("node");
    let said = format!("{}{}", String::from_utf8_lossy(&run.stdout), String::from_utf8_lossy(&run.stderr));
    println!("{said}");
    assert!(run.status.success(), "the browser run failed:\n{said}\nserver log:\n{}", server.log());

    // The report, printed by the browser: its text as a PDF reader sees it.
    let pdf = Command::new("pdftotext").arg(out.join("report.pdf")).arg("-").output().expect("pdftotext");
    let pdf = String::from_utf8_lossy(&pdf.stdout);
    for words in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỞ NỘI VỤ", "BÁO CÁO", "01/KH-DEMO", "TRƯỞNG ĐOÀN KIỂM TRA"]
    {
        assert!(pdf.contains(words), "«{words}» not in the printed report:\n{pdf}");
    }
    assert!(pdf.contains("Phụ lục 1.") && pdf.contains("Phụ lục 4."), "the annexes printed:\n{pdf}");
    // The Word file the browser downloaded, read back.
    let docx = std::fs::read(out.join("bao-cao-01_KH-DEMO.docx")).expect("the Word file");
    let word = docx_rs::read_docx(&docx).expect("a Word file").json();
    for words in ["BÁO CÁO", "01/KH-DEMO", "Nguyễn Văn An", "III. ĐÁNH GIÁ CHUNG"] {
        assert!(word.contains(words), "«{words}» not in the Word file");
    }
    // The workbook: four annex sheets, the first with a row per commune of the plan and a total.
    let xlsx = std::fs::read(out.join("bao-cao-01_KH-DEMO.xlsx")).expect("the workbook");
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(xlsx)).expect("a workbook");
    assert_eq!(book.sheet_names(), ["1. Dư nợ", "2. Kiểm tra", "3. Kết quả", "4. Đăng ký"]);
    let first = book.worksheet_range("1. Dư nợ").expect("annex 1");
    let names: Vec<String> = first.rows().skip(4).map(|r| r[0].to_string()).collect();
    assert_eq!(names.last().map(String::as_str), Some("Cộng"), "{names:?}");
    assert!(names.len() >= 2, "{names:?}");
    let shots = std::fs::read_dir(&out)
        .expect("out")
        .filter(|e| e.as_ref().is_ok_and(|e| e.path().extension().is_some_and(|x| x == "png")))
        .count();
    assert!(shots >= 18, "a screenshot of each page: {shots}");
    assert!(!out.join("failed.png").exists());
}

#[test]
fn office_in_chromium_on_sqlite() {
    let work = tempfile::tempdir().expect("tempdir");
    office_in_browser(ServerConfig::sqlite(work.path().join("server")), work.path(), "sqlite");
}

#[test]
fn office_in_chromium_on_postgres() {
    let work = tempfile::tempdir().expect("tempdir");
    let pg = PgCluster::start().expect("PostgreSQL");
    let url = pg.fresh_database().expect("database");
    office_in_browser(ServerConfig::postgres(work.path().join("server"), url), work.path(), "postgres");
}
