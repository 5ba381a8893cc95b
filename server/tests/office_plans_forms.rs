//! Inspection plans made, changed and closed from the office's browser, through the real server on SQLite and
//! PostgreSQL: a plan with its team by name and function shows on /office/plans and reaches the team's devices;
//! every refusal (no communes, an unknown commune, a last day before the first, an unknown or disabled inspector,
//! no leader, a taken plan number, a closed plan) answers 422 with its reason and leaves the plans and the
//! assignments exactly as they were; a closed plan no longer lets its inspector push a check in its communes; and
//! `plans add` on the command line takes functions while its old invocations keep working.

mod common;

use chrono::Duration;
use common::office::Browser;
use common::{Backend, Server};
use serde_json::{Value, json};
use vieclam_core::ids::new_id;
use vieclam_server::db::Db;
use vieclam_server::work;

/// Every plan body and every assignment row, in a stable order: what a refusal must leave alone.
async fn plans_state(db: &Db) -> (Vec<String>, Vec<String>) {
    db.read(work!(|tx| async move {
        let bodies = tx
            .query("SELECT id, body, seq FROM records WHERE kind = 'inspection_plan' ORDER BY id", vec![])
            .await?
            .iter()
            .map(|r| format!("{} {} {}", r.text(0), r.text(1), r.int(2)))
            .collect();
        let rows = tx
            .query(
                "SELECT plan_id, account_id, commune_code, starts_on, ends_on FROM plan_assignments
                 ORDER BY plan_id, account_id, commune_code",
                vec![],
            )
            .await?
            .iter()
            .map(|r| (0..5).map(|i| r.text(i)).collect::<Vec<_>>().join(" "))
            .collect();
        Ok((bodies, rows))
    }))
    .await
    .expect("read plans")
}

async fn account_id(db: &Db, username: &str) -> String {
    let u = username.to_owned();
    db.read::<Option<String>>(work!(|tx| async move {
        Ok(tx.one("SELECT id FROM accounts WHERE username = $1", vec![u.as_str().into()]).await?.map(|r| r.text(0)))
    }))
    .await
    .expect("read")
    .expect("the account")
}

/// The plan numbered `code`, as stored.
async fn plan(db: &Db, code: &str) -> Value {
    let bodies = db
        .read::<Vec<String>>(work!(|tx| async move {
            let rows = tx.query("SELECT body FROM records WHERE kind = 'inspection_plan'", vec![]).await?;
            Ok(rows.iter().map(|r| r.text(0)).collect::<Vec<_>>())
        }))
        .await
        .expect("read plans");
    bodies
        .iter()
        .filter_map(|b| serde_json::from_str::<Value>(b).ok())
        .find(|b| b["code"] == code)
        .unwrap_or(Value::Null)
}

/// Communes holding sites, most sites first, with one site of each.
async fn site_communes(db: &Db) -> Vec<(String, String)> {
    db.read(work!(|tx| async move {
        let rows = tx
            .query(
                "SELECT commune_code, MIN(id), COUNT(*) FROM records WHERE kind = 'site' GROUP BY commune_code
                 ORDER BY COUNT(*) DESC, commune_code",
                vec![],
            )
            .await?;
        Ok(rows.iter().map(|r| (r.text(0), r.text(1))).collect::<Vec<_>>())
    }))
    .await
    .expect("read sites")
}

/// Whether `page` names `name` with their function in both languages right after it (however the words are marked
/// up for the language switch).
fn named_as(page: &str, name: &str, vi: &str, en: &str) -> bool {
    page.match_indices(name).any(|(at, _)| {
        let after: String = page[at + name.len()..].chars().take(160).collect();
        let text = after.split_once(')').map_or(after.as_str(), |(t, _)| t);
        text.contains(vi) && text.contains(en)
    })
}

fn hlc(millis: u64) -> String {
    format!("{millis:013}-00000000-00000003")
}

/// An inspector's check at `site`, pushed: answers the mutation's result.
async fn push_check(api: &common::Api, site: &str, millis: u64) -> Value {
    let id = new_id();
    let m = json!({ "id": new_id(), "entity": "site_check", "entity_id": id, "op": "insert",
        "payload": { "id": id, "site_id": site }, "hlc": hlc(millis) });
    let (status, r) = api.post("/v1/push", &json!({ "mutations": [m], "links": [] })).await;
    assert_eq!(status, 200, "{r}");
    r["results"][0].clone()
}

/// A form's fields, in order.
type Form<'a> = Vec<(&'a str, &'a str)>;

fn form<'a>(base: &[(&'a str, &'a str)], more: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    base.iter().chain(more).copied().collect()
}

async fn plans(backend: Backend) {
    let s = Server::new(backend, &[]).await;
    s.admin(&["demo"]);
    for (user, name) in [("tt3", "Lý Thị Mai"), ("tt4", "Nông Văn Tú"), ("tt5", "Hoàng Văn Khóa")] {
        let pw = format!("{user}-password");
        s.admin(&["users", "add", "--role", "inspector", "--username", user, "--name", name, "--password", &pw]);
    }
    s.admin(&["users", "disable", "tt5"]);
    let s = s.start().await;
    let db = s.db().await;
    let web = Browser::signed_in(&s.url, "admin", "admin-vieclam").await;
    let (tt3, tt4, tt5) = (account_id(&db, "tt3").await, account_id(&db, "tt4").await, account_id(&db, "tt5").await);
    let thanhtra2 = account_id(&db, "thanhtra2").await;
    let sites = site_communes(&db).await;
    assert!(sites.len() >= 3, "the demo has sites in several communes");
    let (x, y, z) = (sites[0].0.clone(), sites[1].0.clone(), sites[2].0.clone());
    let today = vieclam_core::query::session::today_in_province();
    let (from, to) = ((today - Duration::days(1)).to_string(), (today + Duration::days(30)).to_string());

    // The form: every commune a box, every enabled inspector a select, stable ids for a driven browser.
    let (status, _, page) = web.get("/office/plans/new").await;
    assert_eq!(status, 200);
    for id in ["plan-form", "plan-code", "plan-title", "plan-starts-on", "plan-ends-on", "plan-save", "team-tt3"] {
        assert!(page.contains(&format!("id=\"{id}\"")), "{id}: {page}");
    }
    assert!(page.contains(&format!("id=\"commune-{x}\"")));
    assert!(!page.contains("id=\"team-tt5\""), "a disabled inspector is not offered");

    // Without the admin's session every change is sent to the sign-in form, and nothing changes.
    let anon = Browser { http: web.http.clone(), base: web.base.clone(), cookie: None };
    let before = plans_state(&db).await;
    for path in
        ["/office/plans", "/office/plans/x", "/office/plans/x/close", "/office/enterprises", "/office/programmes"]
    {
        assert_eq!(anon.post(path, &[("code", "99/KH")]).await.1, "/office/login", "{path}");
    }
    assert_eq!(anon.get("/office/plans/new").await.1, "/office/login");
    assert_eq!(plans_state(&db).await, before);

    // Refusals: 422, the reason in both languages, nothing changed.
    let lead3 = format!("team.{tt3}");
    let base = [
        ("code", "17/KH-VL"),
        ("title", "Kiểm tra việc sử dụng vốn vay giải quyết việc làm"),
        ("starts_on", from.as_str()),
        ("ends_on", to.as_str()),
    ];
    let before = plans_state(&db).await;
    let team5 = format!("team.{tt5}");
    let unknown = format!("team.{}", new_id());
    let refusals: Vec<(Form, &str, &str)> = vec![
        (form(&base, &[(lead3.as_str(), "leader")]), "Chọn ít nhất một xã", "Choose at least one commune"),
        (form(&base, &[("commune", "99999"), (lead3.as_str(), "leader")]), "«99999»", "No commune with code «99999»"),
        (
            form(
                &[("code", "17/KH-VL"), ("starts_on", to.as_str()), ("ends_on", from.as_str())],
                &[("commune", x.as_str()), (lead3.as_str(), "leader")],
            ),
            "Ngày kết thúc trước ngày bắt đầu",
            "The last day is before the first day",
        ),
        (
            form(&base, &[("commune", x.as_str()), (unknown.as_str(), "leader")]),
            "Không có cán bộ kiểm tra",
            "No inspector",
        ),
        (
            form(&base, &[("commune", x.as_str()), (lead3.as_str(), "leader"), (team5.as_str(), "member")]),
            "đã bị khóa",
            "disabled",
        ),
        (
            form(&base, &[("commune", x.as_str()), (lead3.as_str(), "member")]),
            "cần một trưởng đoàn",
            "needs a team leader",
        ),
        (
            form(
                &[("code", "01/KH-DEMO"), ("starts_on", from.as_str()), ("ends_on", to.as_str())],
                &[("commune", x.as_str()), (lead3.as_str(), "leader")],
            ),
            "Đã có kế hoạch số 01/KH-DEMO",
            "already a plan numbered 01/KH-DEMO",
        ),
        (form(&base, &[("commune", x.as_str()), (lead3.as_str(), "chief")]), "chức danh", "No team function"),
        (
            form(
                &[("code", "17/KH-VL"), ("starts_on", "1/12/2026"), ("ends_on", to.as_str())],
                &[("commune", x.as_str())],
            ),
            "không phải ngày",
            "is not a date",
        ),
    ];
    for (f, vi, en) in &refusals {
        let (status, _, page, _) = web.post("/office/plans", f).await;
        assert_eq!(status, 422, "{f:?}: {page}");
        assert!(page.contains(vi) && page.contains(en), "{f:?}: {page}");
        assert_eq!(plans_state(&db).await, before, "{f:?} changed something");
        // The form comes back as the clerk filled it, the reason above it.
        let code = f.iter().find(|(k, _)| *k == "code").map(|(_, v)| *v).unwrap_or_default();
        assert!(page.contains("id=\"plan-form\"") && page.contains(&format!("value=\"{code}\"")), "{page}");
        assert!(page.contains("id=\"refusal\""), "{page}");
    }
    // A refused team keeps what was chosen: the leader's select still says leader.
    let (_, _, page, _) = web.post("/office/plans", &refusals[0].0).await;
    let select = &page[page.find("id=\"team-tt3\"").expect("tt3's select")..];
    assert!(select[..select.find("</select>").unwrap()].contains("<option value=\"leader\" selected>"), "{select}");

    // A plan with its team: Lý Thị Mai leads, Nông Văn Tú is the secretary.
    let team4 = format!("team.{tt4}");
    let outside = format!("team.{thanhtra2}");
    let good = form(
        &base,
        &[
            ("commune", x.as_str()),
            ("commune", y.as_str()),
            (lead3.as_str(), "leader"),
            (team4.as_str(), "secretary"),
            (outside.as_str(), ""),
        ],
    );
    let (status, location, page, _) = web.post("/office/plans", &good).await;
    assert_eq!((status, location.as_str()), (303, "/office/plans"), "{page}");
    let stored = plan(&db, "17/KH-VL").await;
    let id = stored["id"].as_str().expect("the plan is stored").to_owned();
    assert_eq!(stored["commune_codes"], json!([x, y]));
    assert_eq!(
        stored["team"],
        json!([{ "account_id": tt3, "name": "Lý Thị Mai", "role": "leader" },
               { "account_id": tt4, "name": "Nông Văn Tú", "role": "secretary" }])
    );
    let (_, rows) = plans_state(&db).await;
    let mine: Vec<&String> = rows.iter().filter(|r| r.starts_with(&id)).collect();
    assert_eq!(mine.len(), 4, "two members × two communes: {mine:?}");
    let (_, _, page) = web.get("/office/plans").await;
    assert!(named_as(&page, "Lý Thị Mai", "Trưởng đoàn", "Team leader"), "{page}");
    assert!(named_as(&page, "Nông Văn Tú", "Thư ký", "Secretary"), "{page}");
    assert!(page.contains(&format!("id=\"plan-edit-{id}\"")) && page.contains(&format!("id=\"plan-close-{id}\"")));

    // The leader's device receives the plan with its team, and a check in its commune is taken.
    let insp = s.client().login("tt3", "tt3-password").await;
    let pulled = insp.pull_all(5_000).await;
    let got = pulled.iter().find(|c| c["kind"] == "inspection_plan" && c["id"] == id.as_str()).expect("the plan");
    assert_eq!(got["body"]["team"][0]["name"], "Lý Thị Mai");
    let site_x = sites[0].1.clone();
    assert_eq!(push_check(&insp, &site_x, 1_000).await["status"], "applied");

    // The edit form shows what is stored; an edit changes title, communes and team (thanhtra2 becomes deputy).
    let (status, _, page) = web.get(&format!("/office/plans/{id}/edit")).await;
    assert_eq!(status, 200);
    assert!(page.contains(&format!("value=\"{x}\" checked")) && page.contains("<option value=\"secretary\" selected>"));
    let deputy = format!("team.{thanhtra2}");
    let edited = form(
        &[("code", "17/KH-VL"), ("title", "Kế hoạch đã sửa"), ("starts_on", from.as_str()), ("ends_on", to.as_str())],
        &[
            ("commune", x.as_str()),
            ("commune", z.as_str()),
            (lead3.as_str(), "leader"),
            (team4.as_str(), "member"),
            (deputy.as_str(), "deputy"),
        ],
    );
    let (status, location, page, _) = web.post(&format!("/office/plans/{id}"), &edited).await;
    assert_eq!((status, location.as_str()), (303, "/office/plans"), "{page}");
    let stored = plan(&db, "17/KH-VL").await;
    assert_eq!(stored["title"], "Kế hoạch đã sửa");
    assert_eq!(stored["commune_codes"], json!([x, z]));
    let roles: Vec<(&str, &str)> = stored["team"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["name"].as_str().unwrap(), m["role"].as_str().unwrap()))
        .collect();
    assert_eq!(roles, [("Lý Thị Mai", "leader"), ("Hoàng Thị Bích", "deputy"), ("Nông Văn Tú", "member")]);
    let (_, rows) = plans_state(&db).await;
    assert_eq!(rows.iter().filter(|r| r.starts_with(&id)).count(), 6, "three members × two communes");
    assert!(!rows.iter().any(|r| r.starts_with(&id) && r.contains(&format!(" {y} "))), "the dropped commune");
    let (_, _, page) = web.get("/office/plans").await;
    assert!(named_as(&page, "Hoàng Thị Bích", "Phó trưởng đoàn", "Deputy leader"), "{page}");
    // An edit taking another plan's number is refused and changes nothing.
    let before = plans_state(&db).await;
    let mut taken = edited.clone();
    taken[0] = ("code", "02/KH-DEMO");
    let (status, _, page, _) = web.post(&format!("/office/plans/{id}"), &taken).await;
    assert_eq!(status, 422, "{page}");
    assert_eq!(plans_state(&db).await, before);
    assert_eq!(web.post(&format!("/office/plans/{}", new_id()), &edited).await.0, 404);

    // Closing: the page says so, the assignments end yesterday, and the leader can no longer push a check there.
    let (status, location, page, _) = web.post(&format!("/office/plans/{id}/close"), &[]).await;
    assert_eq!((status, location.as_str()), (303, "/office/plans"), "{page}");
    let stored = plan(&db, "17/KH-VL").await;
    assert_eq!(stored["closed_on"], today.to_string());
    let (_, rows) = plans_state(&db).await;
    let yesterday = (today - Duration::days(1)).to_string();
    assert!(rows.iter().filter(|r| r.starts_with(&id)).all(|r| r.ends_with(&yesterday)), "{rows:?}");
    let (_, _, page) = web.get("/office/plans").await;
    let section = &page[page.find(&format!("data-plan=\"{id}\"")).unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    assert!(section.contains("Đã đóng") && section.contains("Closed") && !section.contains("plan-edit-"), "{section}");
    let refused = push_check(&insp, &site_x, 2_000).await;
    assert_eq!(refused["code"], "mutation.out_of_scope", "{refused}");
    // A closed plan is not edited, nor closed again, and its edit form is not offered.
    let before = plans_state(&db).await;
    let (status, _, page, _) = web.post(&format!("/office/plans/{id}"), &edited).await;
    assert_eq!(status, 422);
    assert!(page.contains("đã đóng") && page.contains("was closed"), "{page}");
    assert_eq!(web.post(&format!("/office/plans/{id}/close"), &[]).await.0, 422);
    assert_eq!(web.get(&format!("/office/plans/{id}/edit")).await.0, 422);
    assert_eq!(plans_state(&db).await, before);

    // The command line: functions by --leader and USER:ROLE; an old invocation leads with its first inspector.
    let (f, t) = (from.as_str(), to.as_str());
    s.admin(&[
        "plans",
        "add",
        "--name",
        "07/KH-CLI",
        "--leader",
        "tt4",
        "--inspector",
        "tt3:secretary",
        "--communes",
        &x,
        "--from",
        f,
        "--to",
        t,
    ]);
    let roles = |p: &Value| -> Vec<(String, String)> {
        p["team"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| (m["name"].as_str().unwrap().to_owned(), m["role"].as_str().unwrap().to_owned()))
            .collect()
    };
    let cli = plan(&db, "07/KH-CLI").await;
    assert_eq!(
        roles(&cli),
        [("Nông Văn Tú".to_owned(), "leader".to_owned()), ("Lý Thị Mai".to_owned(), "secretary".to_owned())]
    );
    s.admin(&[
        "plans",
        "add",
        "--name",
        "08/KH-OLD",
        "--inspector",
        "tt3",
        "--inspector",
        "tt4",
        "--communes",
        &y,
        "--from",
        f,
        "--to",
        t,
    ]);
    let old = plan(&db, "08/KH-OLD").await;
    assert_eq!(
        roles(&old),
        [("Lý Thị Mai".to_owned(), "leader".to_owned()), ("Nông Văn Tú".to_owned(), "member".to_owned())]
    );
    let before = plans_state(&db).await;
    let why = s.admin_refused(&[
        "plans",
        "add",
        "--name",
        "09/KH",
        "--inspector",
        "tt3:chief",
        "--communes",
        &x,
        "--from",
        f,
        "--to",
        t,
    ]);
    assert!(why.contains("chief"), "{why}");
    let why = s.admin_refused(&[
        "plans",
        "add",
        "--name",
        "08/KH-OLD",
        "--inspector",
        "tt3",
        "--communes",
        &x,
        "--from",
        f,
        "--to",
        t,
    ]);
    assert!(why.contains("08/KH-OLD"), "{why}");
    let why = s.admin_refused(&[
        "plans",
        "add",
        "--name",
        "09/KH",
        "--inspector",
        "tt5",
        "--communes",
        &x,
        "--from",
        f,
        "--to",
        t,
    ]);
    assert!(why.contains("disabled"), "{why}");
    assert_eq!(plans_state(&db).await, before);
    s.admin(&["plans", "close", "07/KH-CLI"]);
    assert_eq!(plan(&db, "07/KH-CLI").await["closed_on"], today.to_string());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plans_on_sqlite() {
    plans(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plans_on_postgres() {
    plans(Backend::Postgres).await;
}
