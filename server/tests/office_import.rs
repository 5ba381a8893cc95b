//! The office's import page through the real server, on SQLite and PostgreSQL: a loan list with one bad row is
//! previewed with that row, its column and reason, and nothing is written; a picture and an upload over the bound
//! are refused with their own reasons; a good book (loans, payments, relief events) is previewed with what it would
//! write, written on confirmation, and then counted on the loan book by commune; a confirmation replayed, from
//! another session, with a forged token or after the hour is refused and writes nothing; and no one but an admin
//! session reaches the page.

mod common;

use common::office::Browser;
use common::{Backend, Server};
use vieclam_core::ids::stable_id;
use vieclam_server::db::Db;
use vieclam_server::{params, work};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DATA}/{name}")).expect("sample file")
}

/// Records held and the newest change: what "nothing was written" compares.
async fn held(db: &Db) -> (i64, i64) {
    db.read(work!(|tx| async move {
        let r = tx.one("SELECT count(*), coalesce(max(seq), 0) FROM records", params![]).await?;
        Ok(r.map_or((0, 0), |r| (r.int(0), r.int(1))))
    }))
    .await
    .expect("read")
}

async fn has_record(db: &Db, kind: &str, id: &str) -> bool {
    let (kind, id) = (kind.to_owned(), id.to_owned());
    db.read(work!(|tx| async move {
        Ok(tx.one("SELECT 1 FROM records WHERE kind = $1 AND id = $2", params![&kind, &id]).await?.is_some())
    }))
    .await
    .expect("read")
}

/// The value of attribute `name` in the first tag holding `marker`.
fn attr<'a>(page: &'a str, marker: &str, name: &str) -> &'a str {
    let at = page.find(marker).unwrap_or_else(|| panic!("no {marker} in {page}"));
    let tag_start = page[..at].rfind('<').unwrap_or(0);
    let tag = &page[tag_start..tag_start + page[tag_start..].find('>').unwrap_or(page.len() - tag_start)];
    let key = format!("{name}=\"");
    let from = tag.find(&key).unwrap_or_else(|| panic!("no {name} in {tag}")) + key.len();
    &tag[from..from + tag[from..].find('"').unwrap_or(0)]
}

/// The refusal's code on a page (`data-code` of `#import-error`).
fn refusal(page: &str) -> &str {
    attr(page, "id=\"import-error\"", "data-code")
}

/// Loans a commune's row of the book shows.
fn loans_in(page: &str, commune: &str) -> u64 {
    let row = &page[page.find(&format!("<tr data-commune=\"{commune}\">")).expect("the commune's row")..];
    let cell = &row[row.find("<td class=\"n\">").expect("its loans") + "<td class=\"n\">".len()..];
    cell[..cell.find('<').unwrap_or(0)].parse().expect("a count")
}

fn staged(s: &Server) -> usize {
    std::fs::read_dir(s.data.path().join("photos/imports")).map_or(0, |d| d.count())
}

async fn import(backend: Backend) {
    // A bound of 1 MiB, so the test can go past it cheaply; the default is 128 MiB.
    let s = Server::new(backend, &["--import-max-mb", "1"]).await;
    s.admin(&["demo"]);
    let s = s.start().await;
    let db = s.db().await;
    let web = Browser::signed_in(&s.url, "admin", "admin-vieclam").await;
    let loans = sample("loans-good.csv");
    let payments = sample("payments-good.csv");
    let relief = sample("relief-good.csv");
    let good: [(&str, &str, &[u8]); 3] =
        [("loans", "du-no.csv", &loans), ("payments", "tra-no.csv", &payments), ("relief", "xu-ly-no.csv", &relief)];

    // The page is linked from every office page, and its form has the ids the browser tests use.
    let (_, _, overview) = web.get("/office").await;
    assert!(overview.contains("href=\"/office/import\" id=\"nav-import\"") && overview.contains(">Nhập dữ liệu<"));
    let (status, _, form) = web.get("/office/import").await;
    assert_eq!(status, 200);
    for id in ["import-form", "import-loans", "import-payments", "import-relief", "import-preview"] {
        assert!(form.contains(&format!("id=\"{id}\"")), "{id}");
    }
    assert!(form.contains("enctype=\"multipart/form-data\""));

    // No one but an admin session: no cookie, or an inspector's own token as the cookie, is sent to sign in.
    let before = held(&db).await;
    let inspector = s.client().login("thanhtra1", "thanhtra1-vieclam").await;
    let strangers = [
        Browser { http: web.http.clone(), base: web.base.clone(), cookie: None },
        Browser {
            http: web.http.clone(),
            base: web.base.clone(),
            cookie: Some(format!("vieclam_office={}", inspector.token.clone().expect("a token"))),
        },
    ];
    for who in &strangers {
        assert_eq!(who.get("/office/import").await.1, "/office/login");
        let (status, location, _) = who.upload("/office/import", &good).await;
        assert_eq!((status, location.as_str()), (303, "/office/login"));
        let (status, location, _, _) = who.post("/office/import/confirm", &[("token", &"0".repeat(32))]).await;
        assert_eq!((status, location.as_str()), (303, "/office/login"));
    }
    assert_eq!(held(&db).await, before);

    // One bad row (the second loan's commune code): the preview names it, and nothing is written or kept.
    let text = String::from_utf8(loans.clone()).expect("utf-8");
    let bad = text.replacen(";06040;", ";99999;", 1);
    assert_ne!(bad, text);
    let (status, _, page) = web.upload("/office/import", &[("loans", "du-no.csv", bad.as_bytes())]).await;
    assert_eq!(status, 422, "{page}");
    assert_eq!(refusal(&page), "import.bad_rows");
    let problems = &page[page.find("id=\"import-problems\"").expect("the bad rows")..];
    let problems = &problems[..problems.find("</table>").unwrap_or(problems.len())];
    assert_eq!(problems.matches("<tr data-row=").count(), 1, "{problems}");
    assert_eq!(attr(problems, "data-row=", "data-row"), "4");
    assert_eq!(attr(problems, "data-row=", "data-column"), "Mã xã");
    assert_eq!(attr(problems, "data-row=", "data-code"), "commune_code.unknown");
    assert!(problems.contains("Mã xã «99999» không thuộc 65 xã, phường của tỉnh Lạng Sơn"), "{problems}");
    assert!(problems.contains("Commune code “99999” is none of Lạng Sơn"), "{problems}");
    assert!(!page.contains("id=\"import-confirm\""), "no confirming a book with bad rows");
    assert_eq!(attr(&page, "id=\"import-summary\"", "data-accepted"), "4");
    assert_eq!(held(&db).await, before);
    assert_eq!(staged(&s), 0);

    // Not a spreadsheet, an old .xls, and an upload over the bound: each its own reason, nothing written.
    let png: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    let (status, _, page) = web.upload("/office/import", &[("loans", "anh.png", png)]).await;
    assert_eq!((status, refusal(&page)), (415, "import.not_spreadsheet"), "{page}");
    assert!(page.contains("«anh.png» không phải bảng tính") && page.contains("“anh.png” is not a spreadsheet"));
    let xls: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
    let (status, _, page) = web.upload("/office/import", &[("loans", "du-no.xls", xls)]).await;
    assert_eq!((status, refusal(&page)), (415, "import.old_xls"), "{page}");
    let big = text.repeat(1 + 1024 * 1024 / text.len());
    let (status, _, page) = web.upload("/office/import", &[("loans", "du-no.csv", big.as_bytes())]).await;
    assert_eq!((status, refusal(&page)), (413, "import.upload_too_large"), "{page}");
    assert!(page.contains("lớn quá 1 MB") && page.contains("larger than 1 MB"), "{page}");
    assert!(page.contains("id=\"import-loans\""), "the form again, to choose another file");
    let (status, _, page) = web.upload("/office/import", &[("payments", "tra-no.csv", &payments)]).await;
    assert_eq!((status, refusal(&page)), (422, "import.no_file"), "{page}");
    assert_eq!(held(&db).await, before);

    // The good book: previewed with what it would write, and still nothing written.
    let (_, _, book) = web.get("/office/communes").await;
    let (in_05977, in_06040) = (loans_in(&book, "05977"), loans_in(&book, "06040"));
    let (status, _, page) = web.upload("/office/import", &good).await;
    assert_eq!(status, 200, "{page}");
    assert!(!page.contains("id=\"import-problems\""), "{page}");
    assert_eq!(attr(&page, "id=\"import-summary\"", "data-accepted"), "15");
    assert_eq!(attr(&page, "data-kind=\"loan\"", "data-total"), "5");
    assert_eq!(attr(&page, "data-kind=\"loan\"", "data-new"), "5");
    assert_eq!(attr(&page, "data-kind=\"payment\"", "data-new"), "7");
    // Loans 1 and 3 are one borrower's (the same CCCD).
    assert_eq!(attr(&page, "data-kind=\"borrower\"", "data-new"), "4");
    assert!(page.contains("id=\"import-confirm\""));
    let token = attr(&page, "id=\"import-token\"", "value").to_owned();
    assert_eq!(token.len(), 32);
    assert_eq!(held(&db).await, before);
    assert_eq!(staged(&s), 1);

    // Another session of the same admin, and forged tokens, are refused.
    let other = Browser::signed_in(&s.url, "admin", "admin-vieclam").await;
    let (status, _, page, _) = other.post("/office/import/confirm", &[("token", &token)]).await;
    assert_eq!((status, refusal(&page)), (403, "import.other_session"), "{page}");
    for forged in ["0".repeat(32), "../../etc/passwd".to_owned(), token.to_uppercase(), String::new()] {
        let (status, _, page, _) = web.post("/office/import/confirm", &[("token", &forged)]).await;
        assert_eq!((status, refusal(&page)), (404, "import.unknown_token"), "{forged}: {page}");
    }
    assert_eq!(held(&db).await, before);

    // Confirmed: written, counted, and on the loan book by commune.
    let (status, _, page, _) = web.post("/office/import/confirm", &[("token", &token)]).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(attr(&page, "id=\"import-done\"", "data-rows"), "15");
    assert!(page.contains("href=\"/office/communes\""));
    let after = held(&db).await;
    // The records the page counts as new are the records the database gained.
    let new: i64 =
        page.split("data-new=\"").skip(1).map(|s| s[..s.find('"').unwrap_or(0)].parse::<i64>().expect("a count")).sum();
    assert!(new >= 5 + 4 + 7, "{page}");
    assert_eq!(after.0 - before.0, new);
    for agreement in ["7301000001", "7301000002", "7301000003", "7301000004", "7301000005"] {
        assert!(has_record(&db, "loan", &stable_id("loan", agreement)).await, "{agreement}");
    }
    assert!(has_record(&db, "borrower", &stable_id("borrower", "020085001234")).await);
    let (_, _, book) = web.get("/office/communes").await;
    assert_eq!(loans_in(&book, "05977"), in_05977 + 3, "loans 1, 3 and 5");
    assert_eq!(loans_in(&book, "06040"), in_06040 + 1, "loan 2");

    // The same token again writes nothing.
    let (status, _, page, _) = web.post("/office/import/confirm", &[("token", &token)]).await;
    assert_eq!((status, refusal(&page)), (409, "import.already_confirmed"), "{page}");
    assert_eq!(held(&db).await, after);

    // A newer export with one loan's amount changed: that loan and its schedule are counted as changed.
    let newer = text.replacen("50.000.000", "45.000.000", 1);
    let files: [(&str, &str, &[u8]); 3] = [
        ("loans", "du-no.csv", newer.as_bytes()),
        ("payments", "tra-no.csv", &payments),
        ("relief", "xu-ly-no.csv", &relief),
    ];
    let (status, _, page) = web.upload("/office/import", &files).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(attr(&page, "data-kind=\"loan\"", "data-changed"), "1");
    assert_eq!(attr(&page, "data-kind=\"loan\"", "data-unchanged"), "4");
    assert_eq!(attr(&page, "data-kind=\"schedule\"", "data-changed"), "1");
    assert_eq!(attr(&page, "data-kind=\"payment\"", "data-unchanged"), "7");
    assert_eq!(held(&db).await, after);

    // The same book as one workbook, a sheet each, reads the same.
    let (status, _, page) = web.upload("/office/import", &[("loans", "sao-ke.xlsx", &sample("book-good.xlsx"))]).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(attr(&page, "id=\"import-summary\"", "data-accepted"), "15");
    assert_eq!(attr(&page, "data-kind=\"loan\"", "data-total"), "5");
    assert_eq!(attr(&page, "data-kind=\"payment\"", "data-total"), "7");

    // The same book again is all unchanged; a preview older than an hour is refused.
    let (status, _, page) = web.upload("/office/import", &good).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(attr(&page, "data-kind=\"loan\"", "data-new"), "0");
    assert_eq!(attr(&page, "data-kind=\"loan\"", "data-changed"), "0");
    assert_eq!(attr(&page, "data-kind=\"loan\"", "data-unchanged"), "5");
    let token = attr(&page, "id=\"import-token\"", "value").to_owned();
    // A confirmation claimed and never finished (a server stopped mid-write) is not written again.
    let claim = s.data.path().join(format!("photos/imports/{token}/claimed"));
    std::fs::write(&claim, b"{}").expect("write");
    let (status, _, page, _) = web.post("/office/import/confirm", &[("token", &token)]).await;
    assert_eq!((status, refusal(&page)), (409, "import.in_progress"), "{page}");
    std::fs::remove_file(&claim).expect("remove");
    let meta_path = s.data.path().join(format!("photos/imports/{token}/meta.json"));
    let mut meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&meta_path).expect("the staged meta")).expect("json");
    meta["created_at"] = serde_json::json!((chrono::Utc::now() - chrono::Duration::minutes(61)).to_rfc3339());
    std::fs::write(&meta_path, serde_json::to_vec(&meta).expect("json")).expect("write");
    let (status, _, page, _) = web.post("/office/import/confirm", &[("token", &token)]).await;
    assert_eq!((status, refusal(&page)), (410, "import.expired"), "{page}");
    assert_eq!(held(&db).await, after);
}

#[tokio::test]
async fn office_import_sqlite() {
    import(Backend::Sqlite).await;
}

#[tokio::test]
async fn office_import_postgres() {
    import(Backend::Postgres).await;
}
