//! The register of sending enterprises and the job programmes, from the office's browser through the real server on
//! SQLite and PostgreSQL: enterprises added and changed (status, markets), every refusal (a licence number that
//! cannot be one or is taken, an unknown status, no market, no name) a 422 with its reason that changes nothing;
//! programmes published and closed, work abroad refused for a suspended licence or a country outside the
//! enterprise's markets, on the web and on the command line alike.

mod common;

use common::office::Browser;
use common::{Backend, Server};
use serde_json::Value;
use vieclam_server::db::Db;
use vieclam_server::work;

/// Every enterprise and programme as stored (id, body, seq): what a refusal must leave alone.
async fn catalogue(db: &Db) -> Vec<String> {
    db.read::<Vec<String>>(work!(|tx| async move {
        let rows = tx
            .query(
                "SELECT kind, id, body, seq FROM records WHERE kind IN ('enterprise', 'job_programme') ORDER BY kind, id",
                vec![],
            )
            .await?;
        Ok(rows.iter().map(|r| format!("{} {} {} {}", r.text(0), r.text(1), r.text(2), r.int(3))).collect())
    }))
    .await
    .expect("read the catalogue")
}

/// The stored bodies of `kind` whose `field` is `value`.
async fn find(db: &Db, kind: &str, field: &str, value: &str) -> Vec<Value> {
    let kind = kind.to_owned();
    let bodies = db
        .read::<Vec<String>>(work!(|tx| async move {
            let rows = tx.query("SELECT body FROM records WHERE kind = $1", vec![kind.as_str().into()]).await?;
            Ok(rows.iter().map(|r| r.text(0)).collect())
        }))
        .await
        .expect("read");
    bodies.iter().filter_map(|b| serde_json::from_str::<Value>(b).ok()).filter(|b| b[field] == value).collect()
}

async fn refused(web: &Browser, db: &Db, path: &str, form: &[(&str, &str)], vi: &str, en: &str) -> String {
    let before = catalogue(db).await;
    let (status, _, page, _) = web.post(path, form).await;
    assert_eq!(status, 422, "{form:?}: {page}");
    assert!(page.contains(vi) && page.contains(en), "{form:?}: {page}");
    assert_eq!(catalogue(db).await, before, "{form:?} changed something");
    page
}

async fn register(backend: Backend) {
    let s = Server::new(backend, &[]).await;
    s.admin(&[
        "users",
        "add",
        "--role",
        "admin",
        "--username",
        "admin",
        "--name",
        "Quản trị",
        "--password",
        "admin-vieclam",
    ]);
    let s = s.start().await;
    let db = s.db().await;
    let web = Browser::signed_in(&s.url, "admin", "admin-vieclam").await;
    let today = vieclam_core::query::session::today_in_province();

    let (status, _, page) = web.get("/office/enterprises").await;
    assert_eq!(status, 200);
    for id in [
        "enterprise-form",
        "enterprise-name",
        "enterprise-licence",
        "enterprise-status",
        "enterprise-markets",
        "enterprise-save",
    ] {
        assert!(page.contains(&format!("id=\"{id}\"")), "{id}");
    }
    let nav = &page[page.find("<nav>").expect("the navigation")..page.find("</nav>").expect("its end")];
    assert!(nav.contains("href=\"/office/enterprises\"") && nav.contains("href=\"/office/programmes\""), "{nav}");

    // Two enterprises.
    let ky_lua = [
        ("name", "Công ty CP Nhân lực Kỳ Lừa"),
        ("licence_no", "137/LĐTBXH-GP"),
        ("status", "active"),
        ("markets", "Nhật Bản, Đài Loan"),
    ];
    let (status, location, page, _) = web.post("/office/enterprises", &ky_lua).await;
    assert_eq!((status, location.as_str()), (303, "/office/enterprises"), "{page}");
    let mau_son = [
        ("name", "Công ty TNHH Cung ứng Lao động Mẫu Sơn"),
        ("licence_no", "211/LĐTBXH-GP"),
        ("status", "active"),
        ("markets", "Hàn Quốc"),
    ];
    assert_eq!(web.post("/office/enterprises", &mau_son).await.0, 303);
    let a = find(&db, "enterprise", "licence_no", "137/LĐTBXH-GP").await.remove(0);
    let a_id = a["id"].as_str().unwrap().to_owned();
    assert_eq!(a["markets"], serde_json::json!(["Nhật Bản", "Đài Loan"]));
    let b_id = find(&db, "enterprise", "licence_no", "211/LĐTBXH-GP").await[0]["id"].as_str().unwrap().to_owned();
    let (_, _, page) = web.get("/office/enterprises").await;
    assert!(page.contains("Công ty CP Nhân lực Kỳ Lừa") && page.contains("Nhật Bản, Đài Loan"), "{page}");
    assert!(page.contains(&format!("id=\"enterprise-edit-{a_id}\"")));

    // Refusals, nothing changed.
    let add = "/office/enterprises";
    let with = |k: &'static str, v: &'static str| -> Vec<(&'static str, &'static str)> {
        let mut f =
            vec![("name", "Công ty Mới"), ("licence_no", "300/LĐTBXH-GP"), ("status", "active"), ("markets", "Đức")];
        f.iter_mut().filter(|(key, _)| *key == k).for_each(|p| p.1 = v);
        f
    };
    let page = refused(
        &web,
        &db,
        add,
        &with("licence_no", "GP-KHONG-SO"),
        "Số giấy phép «GP-KHONG-SO» không hợp lệ",
        "is not valid",
    )
    .await;
    // The form comes back as the clerk filled it.
    assert!(page.contains("id=\"enterprise-form\"") && page.contains("value=\"GP-KHONG-SO\""), "{page}");
    refused(&web, &db, add, &with("licence_no", "12\u{7}/GP"), "không hợp lệ", "is not valid").await;
    refused(
        &web,
        &db,
        add,
        &with("licence_no", " 137/lđtbxh-gp "),
        "đã có: Công ty CP Nhân lực Kỳ Lừa",
        "already held by",
    )
    .await;
    refused(&web, &db, add, &with("status", "closed"), "Trạng thái «closed» không có", "No status «closed»").await;
    refused(&web, &db, add, &with("markets", " , ; "), "Cần ít nhất một thị trường", "at least one market").await;
    refused(&web, &db, add, &with("name", "  "), "Cần tên doanh nghiệp", "Give the company").await;

    // An edit: Kỳ Lừa suspended, sending to Japan only; taking another's licence is refused.
    let (status, _, page) = web.get(&format!("/office/enterprises/{a_id}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("value=\"137/LĐTBXH-GP\"") && page.contains("<option value=\"active\" selected>"), "{page}");
    let suspended = [
        ("name", "Công ty CP Nhân lực Kỳ Lừa"),
        ("licence_no", "137/LĐTBXH-GP"),
        ("status", "suspended"),
        ("markets", "Nhật Bản"),
    ];
    let (status, location, page, _) = web.post(&format!("/office/enterprises/{a_id}"), &suspended).await;
    assert_eq!((status, location.as_str()), (303, "/office/enterprises"), "{page}");
    let a = find(&db, "enterprise", "id", &a_id).await.remove(0);
    assert_eq!((a["status"].as_str(), a["markets"].clone()), (Some("suspended"), serde_json::json!(["Nhật Bản"])));
    let page = web.get("/office/enterprises").await.2;
    let row = &page[page.find(&format!("data-enterprise=\"{a_id}\"")).expect("its row")..];
    let row = &row[..row.find("</tr>").expect("its end")];
    assert!(row.contains("Bị đình chỉ") && row.contains("Suspended"), "{row}");
    let taking = [("name", "Mẫu Sơn"), ("licence_no", "137/LĐTBXH-GP"), ("status", "active"), ("markets", "Hàn Quốc")];
    refused(
        &web,
        &db,
        &format!("/office/enterprises/{b_id}"),
        &taking,
        "Số giấy phép 137/LĐTBXH-GP đã có",
        "already held",
    )
    .await;
    assert_eq!(web.post("/office/enterprises/no-such-id", &suspended).await.0, 404);

    // Programmes: the page and its ids.
    let (status, _, page) = web.get("/office/programmes").await;
    assert_eq!(status, 200);
    for id in [
        "programme-form",
        "programme-title",
        "programme-kind",
        "programme-enterprise",
        "programme-country",
        "programme-commune",
        "programme-opens-on",
        "programme-closes-on",
        "programme-seats",
        "programme-description",
        "programme-publish",
    ] {
        assert!(page.contains(&format!("id=\"{id}\"")), "{id}");
    }
    // Work abroad through a suspended licence, or to a country outside the markets: refused.
    fn abroad<'a>(enterprise: &'a str, country: &'a str) -> Vec<(&'a str, &'a str)> {
        vec![
            ("title", "Điều dưỡng tại Nhật Bản"),
            ("kind", "overseas"),
            ("enterprise", enterprise),
            ("country", country),
            ("seats", "30"),
        ]
    }
    let page =
        refused(&web, &db, "/office/programmes", &abroad(&a_id, "Nhật Bản"), "Bị đình chỉ", "is suspended").await;
    // The form comes back as the clerk filled it.
    assert!(
        page.contains("value=\"Điều dưỡng tại Nhật Bản\"") && page.contains("<option value=\"overseas\" selected>")
    );
    assert!(page.contains(&format!("<option value=\"{a_id}\" selected>")), "{page}");
    refused(
        &web,
        &db,
        "/office/programmes",
        &abroad(&b_id, "Nhật Bản"),
        "không được đưa lao động đến Nhật Bản",
        "does not send workers to Nhật Bản",
    )
    .await;
    refused(
        &web,
        &db,
        "/office/programmes",
        &abroad("no-such-enterprise", "Hàn Quốc"),
        "Không có doanh nghiệp",
        "No enterprise",
    )
    .await;
    refused(&web, &db, "/office/programmes", &abroad(&b_id, ""), "cần nước đến", "needs a country").await;
    refused(
        &web,
        &db,
        "/office/programmes",
        &[("title", " "), ("kind", "training")],
        "Cần tên chương trình",
        "Give the title",
    )
    .await;
    refused(
        &web,
        &db,
        "/office/programmes",
        &[("title", "Học nghề"), ("kind", "training"), ("opens_on", "2027-02-01"), ("closes_on", "2027-01-01")],
        "trước ngày mở",
        "before the opening day",
    )
    .await;
    // The command line keeps the same rule.
    let why = s.admin_refused(&[
        "programmes",
        "add",
        "--title",
        "Đi Nhật",
        "--kind",
        "overseas",
        "--country",
        "Nhật Bản",
        "--enterprise",
        "Công ty CP Nhân lực Kỳ Lừa",
    ]);
    assert!(why.contains("suspended"), "{why}");

    // Published: Korea through Mẫu Sơn (written as the enterprise writes it), and a training course in a commune.
    let (status, location, page, _) = web.post("/office/programmes", &abroad(&b_id, "han quoc")).await;
    assert_eq!((status, location.as_str()), (303, "/office/programmes"), "{page}");
    let p = find(&db, "job_programme", "title", "Điều dưỡng tại Nhật Bản").await.remove(0);
    assert_eq!((p["country"].as_str(), p["enterprise_id"].as_str()), (Some("Hàn Quốc"), Some(b_id.as_str())));
    assert_eq!(p["opens_on"], today.to_string());
    let course = [
        ("title", "Học nghề may công nghiệp"),
        ("kind", "training"),
        ("commune", "06040"),
        ("closes_on", "2099-12-31"),
    ];
    assert_eq!(web.post("/office/programmes", &course).await.0, 303);
    let (_, _, page) = web.get("/office/programmes").await;
    assert!(
        page.contains("Điều dưỡng tại Nhật Bản") && page.contains("Công ty TNHH Cung ứng Lao động Mẫu Sơn"),
        "{page}"
    );
    let c_id =
        find(&db, "job_programme", "title", "Học nghề may công nghiệp").await[0]["id"].as_str().unwrap().to_owned();
    assert!(page.contains(&format!("id=\"programme-close-{c_id}\"")), "{page}");

    // Closing: a day before it opened is refused; today closes it.
    let close = format!("/office/programmes/{c_id}/close");
    refused(&web, &db, &close, &[("closes_on", "2000-01-01")], "Ngày đóng trước ngày mở", "before the opening day")
        .await;
    let (status, location, _, _) = web.post(&close, &[("closes_on", &today.to_string())]).await;
    assert_eq!((status, location.as_str()), (303, "/office/programmes"));
    assert_eq!(find(&db, "job_programme", "id", &c_id).await[0]["closes_on"], today.to_string());
    assert_eq!(web.post("/office/programmes/no-such-id/close", &[]).await.0, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn register_on_sqlite() {
    register(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn register_on_postgres() {
    register(Backend::Postgres).await;
}
