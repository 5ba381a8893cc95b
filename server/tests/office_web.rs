//! The office dashboard through the real server, on SQLite and PostgreSQL: pages redirect to the login form
//! without a session; a wrong password and a non-admin are refused; an admin's sign-in sets an HttpOnly,
//! SameSite=Strict cookie whose token is stored hashed; the overview shows the demo's figures; a pushed check is
//! listed with its verdict, its answers in words and its photo's stamp, and drawn on the map; a worker's registration is verified through the form and leaves the list.

mod common;

use common::office::Browser;
use common::{Backend, Server, device, record};
use reqwest::redirect::Policy;
use serde_json::json;
use vieclam_core::ids::new_id;
use vieclam_core::query::facts::LoanFacts;
use vieclam_core::records::{Loan, LoanPayment};
use vieclam_core::sync::pull::parse_schedule;
use vieclam_server::auth::sha256_hex;
use vieclam_server::{params, work};

fn money(v: i64) -> String {
    vieclam_core::format::money(v)
}

async fn office(backend: Backend) {
    let s = Server::new(backend, &[]).await;
    s.admin(&["demo"]);
    let s = s.start().await;
    let http = reqwest::Client::builder().redirect(Policy::none()).build().expect("client");
    let mut web = Browser { http, base: s.url.clone(), cookie: None };

    // Without a session every page sends to the login form.
    assert_eq!(web.get("/").await.1, "/office");
    for path in [
        "/office",
        "/office/checks",
        "/office/map",
        "/office/registrations",
        &format!("/office/photos/{}", "a".repeat(64)),
    ] {
        let (status, location, _) = web.get(path).await;
        assert_eq!((status, location.as_str()), (303, "/office/login"), "{path}");
    }
    let (status, _, form) = web.get("/office/login").await;
    assert_eq!(status, 200);
    assert!(form.contains("Đăng nhập văn phòng") && form.contains("Office sign-in"));

    // A wrong password, and an inspector's right one, are refused without a cookie.
    let (status, _, page, cookie) =
        web.post("/office/login", &[("username", "admin"), ("password", "sai-mat-khau")]).await;
    assert_eq!((status, cookie), (401, None));
    assert!(page.contains("Sai tên đăng nhập hoặc mật khẩu.") && page.contains("Wrong user name or password."));
    let (status, _, _, cookie) =
        web.post("/office/login", &[("username", "thanhtra1"), ("password", "thanhtra1-vieclam")]).await;
    assert_eq!((status, cookie), (401, None));

    // The admin signs in: an HttpOnly, SameSite=Strict cookie whose token is kept only as its hash.
    let (status, location, _, cookie) =
        web.post("/office/login", &[("username", "admin"), ("password", "admin-vieclam")]).await;
    assert_eq!((status, location.as_str()), (303, "/office"));
    let cookie = cookie.expect("a session cookie");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
    let pair = cookie.split(';').next().unwrap_or_default().to_owned();
    let token = pair.split_once('=').map(|(_, t)| t.to_owned()).unwrap_or_default();
    let db = s.db().await;
    let hash = sha256_hex(&token);
    let stored: Option<String> = db
        .read(work!(|tx| async move {
            Ok(tx
                .one(
                    "SELECT d.platform FROM tokens t JOIN devices d ON d.id = t.device_id WHERE t.hash = $1",
                    params![&hash],
                )
                .await?
                .map(|r| r.text(0)))
        }))
        .await
        .expect("read");
    assert_eq!(stored.as_deref(), Some("web"));
    web.cookie = Some(pair.clone());

    // The overview: the demo's loans and principal outstanding (each loan's status from the core over what the
    // office pulls: repaid principal off, written-off loans owing nothing).
    let admin = s.client().login("admin", "admin-vieclam").await;
    let all = admin.pull_all(5_000).await;
    let of = |kind: &'static str| all.iter().filter(move |c| c["kind"] == kind).map(record);
    let payments: Vec<LoanPayment> = of("payment").map(|b| serde_json::from_value(b).unwrap()).collect();
    let today = vieclam_core::query::session::today_in_province();
    let since = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("a day");
    // Each loan's outstanding today and on `since` (nothing when disbursed after it), from the core's status.
    let (outstanding, outstanding_since): (i64, i64) = of("loan")
        .map(|b| serde_json::from_value::<Loan>(b).unwrap())
        .map(|loan| {
            let schedule = all
                .iter()
                .find(|c| c["kind"] == "schedule" && c["id"] == loan.id.as_str())
                .and_then(|c| parse_schedule(c["body"].clone()))
                .unwrap_or_default();
            let paid = payments.iter().filter(|p| p.loan_id == loan.id);
            let facts = LoanFacts::from_records(&loan, schedule, paid);
            let then = if loan.disbursed_on > since { 0 } else { facts.status(since, 0).outstanding };
            (facts.status(today, 0).outstanding, then)
        })
        .fold((0, 0), |(a, b), (x, y)| (a + x, b + y));
    let (status, _, page) = web.get("/office").await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Số khoản vay") && page.contains("<b>2000</b>"), "{page}");
    assert!(page.contains(&money(outstanding)), "{} not in {page}", money(outstanding));

    // An inspector's check, away from the site, shows in the list with its verdict and flag.
    let inspector = s.client().login("thanhtra1", "thanhtra1-vieclam").await;
    let site = record(&inspector.pull_all(5_000).await.into_iter().find(|c| c["kind"] == "site").expect("a site"));
    let check_id = new_id();
    let (lat, lon) = (site["lat"].as_f64().expect("lat"), site["lon"].as_f64().expect("lon") + 0.0075);
    let check = json!({ "id": check_id, "code": "KT-TEST-0001", "site_id": site["id"], "state": "finished",
        "started_at": "2026-11-28T02:00:00.000Z", "verdict": { "place": "away", "distance_m": 812.0 },
        "fix": { "lat": lat, "lon": lon, "accuracy_m": 9.0 } });
    let sha = "5e".repeat(32);
    let photo = json!({ "id": new_id(), "check_id": check_id, "sha256": sha, "width": 1600, "height": 1200,
        "taken_at": "2026-11-28T02:06:00.000Z", "fix": { "lat": lat, "lon": lon, "accuracy_m": 7.0 },
        "source_gps": [lat, lon], "flags": { "reused": false, "gps_disagrees": false, "late": false,
        "gps_gap_m": 3.0, "delay_min": 6 } });
    let answer = |n: u64, key: &str, value: serde_json::Value| {
        json!({ "id": new_id(), "entity": "check_answer", "entity_id": format!("{check_id}/{key}"), "op": "insert",
            "payload": { "check_id": check_id, "question": key, "value": value },
            "hlc": format!("0000000001000-00000000-0000000{n}") })
    };
    let mutations = [
        json!({ "id": new_id(), "entity": "site_check", "entity_id": check_id, "op": "insert", "payload": check,
            "hlc": "0000000001000-00000000-00000001" }),
        answer(3, "purpose_kept", json!(false)),
        answer(4, "misuse_vay_ke", json!(true)),
        answer(5, "model_state", json!("poor")),
        json!({ "id": new_id(), "entity": "check_photo", "entity_id": photo["id"], "op": "insert", "payload": photo,
            "hlc": "0000000001000-00000000-00000006" }),
    ];
    let (st, r) = inspector.post("/v1/push", &json!({ "mutations": mutations, "links": [] })).await;
    assert_eq!(st, 200, "{r}");
    for res in r["results"].as_array().expect("results") {
        assert_eq!(res["status"], "applied", "{r}");
    }
    let (_, _, list) = web.get("/office/checks").await;
    assert!(list.contains("KT-TEST-0001") && list.contains("Away from the site") && list.contains("812 m"), "{list}");
    let (status, _, detail) = web.get(&format!("/office/checks/{check_id}")).await;
    assert_eq!(status, 200);
    assert!(detail.contains("Nguyễn Văn An") && detail.contains("does NOT verify"), "{detail}");
    // Answers in words from the core's checklist, in its order; a sign of misuse answered "yes" marked.
    let purpose = detail.find("Vốn vay được sử dụng đúng mục đích?").expect("the purpose question in words");
    let state = detail.find("Tình trạng mô hình").expect("the model's state in words");
    assert!(
        purpose < state
            && detail.contains("<td><span class=\"vi\">Kém</span><span class=\"en\" lang=\"en\">Poor</span>"),
        "{detail}"
    );
    assert!(
        detail.contains("<td class=\"flag\"><span class=\"vi\">Có</span><span class=\"en\" lang=\"en\">Yes</span>"),
        "{detail}"
    );
    let table = &detail[detail.find("<table class=\"answers\">").expect("the answers")..];
    assert!(!table.contains("purpose_kept") && !table.contains("misuse_vay_ke"), "{table}");
    // The photo with its stamp (Vietnam time), not yet received so no thumbnail.
    assert!(detail.contains("28/11/2026 09:06") && detail.contains("chưa nhận ảnh"), "{detail}");
    assert!(detail.contains(&format!("{lat:.5}, {lon:.5} (± 9 m)")), "{detail}");

    // The map draws every commune and the check as a red point linking to it; a filter on another commune hides it.
    let (status, _, map) = web.get("/office/map").await;
    assert_eq!(status, 200);
    assert_eq!(map.matches("<path class=\"commune").count(), 65);
    let point = map.find(&format!("data-check=\"{check_id}\"")).expect("the check on the map");
    let link = &map[map[..point].rfind("<a href=").unwrap()..point];
    assert!(link.starts_with(&format!("<a href=\"/office/checks/{check_id}\">")), "{link}");
    assert!(map[map[..point].rfind("<circle").unwrap()..point].contains("class=\"pt flag\""), "{map}");
    let commune = site["commune_code"].as_str().expect("commune");
    let other = vieclam_core::places::communes().iter().find(|c| c.code != commune).expect("another commune");
    let (_, _, same) =
        web.get(&format!("/office/map?commune={commune}&flag=flagged&from=2026-11-28&to=2026-11-28")).await;
    assert!(same.contains(&format!("data-check=\"{check_id}\"")), "{same}");
    // The map goes gzipped to a browser that asks for it.
    let raw = reqwest::Client::builder().no_gzip().no_zstd().build().expect("client");
    let r = raw
        .get(format!("{}/office/map", web.base))
        .header("cookie", web.cookie.clone().unwrap_or_default())
        .header("accept-encoding", "gzip")
        .send()
        .await
        .expect("the map");
    assert_eq!(r.headers().get("content-encoding").and_then(|v| v.to_str().ok()), Some("gzip"));
    let packed = r.bytes().await.expect("its bytes").len();
    assert!(packed * 2 < map.len(), "{packed} bytes gzipped against {} plain", map.len());
    let (_, _, elsewhere) = web.get(&format!("/office/map?commune={}", other.code)).await;
    assert!(!elsewhere.contains(&format!("data-check=\"{check_id}\"")));
    let (_, _, clean) = web.get("/office/map?flag=clean").await;
    assert!(!clean.contains(&format!("data-check=\"{check_id}\"")));

    // Commune figures: the province's total is the overview's, growth since a day is the core's, and the check
    // counts in its commune: one site checked, purpose not kept, one sign of misuse; sorted by misuse it comes first.
    let (status, _, figures) = web.get("/office/communes?since=2025-01-01&sort=misuse&desc=1").await;
    assert_eq!(status, 200, "{figures}");
    assert_eq!(figures.matches("<tr data-commune=").count(), 65, "every commune has its row");
    let total = &figures[figures.find("<tr class=\"total\">").expect("the total row")..];
    assert!(total.contains(&money(outstanding)), "{} not in {total}", money(outstanding));
    assert!(
        total.contains(&money(outstanding - outstanding_since)),
        "growth {} not in {total}",
        money(outstanding - outstanding_since)
    );
    // The demo's own field work (its inspectors' synced checks) counts there too.
    let demo_checks: Vec<serde_json::Value> = of("site_check").filter(|c| c["commune_code"] == commune).collect();
    let answered = |c: &serde_json::Value, key: &str, value: serde_json::Value| {
        of("check_answer").any(|a| a["check_id"] == c["id"] && a["question"] == key && a["value"] == value)
    };
    let kept = demo_checks.iter().filter(|c| answered(c, "purpose_kept", json!(true))).count();
    let first = figures.find("<tr data-commune=").expect("a commune row");
    let first_row = &figures[first..first + figures[first..].find("</tr>").expect("its end")];
    assert!(first_row.contains("<td class=\"n\" title="), "sorted by misuse, a commune with some first: {first_row}");
    let at = figures.find(&format!("<tr data-commune=\"{commune}\">")).expect("the check's commune");
    let row = &figures[at..at + figures[at..].find("</tr>").expect("its end")];
    let purpose = format!("<td class=\"n\">{kept}/{}</td>", demo_checks.len() + 1);
    assert!(row.contains(&purpose) && row.contains("vay ké"), "{purpose} in {row}");
    // The sort links keep the chosen day; a day that does not parse shows no growth rather than failing.
    assert!(
        figures.contains("href=\"/office/communes?since=2025-01-01&amp;plan=&amp;sort=ratio&amp;desc=1\""),
        "{figures}"
    );
    let (status, _, undated) = web.get("/office/communes?since=h%C3%B4m-qua").await;
    assert_eq!(status, 200);
    assert!(undated.contains("value=\"hôm-qua\""));

    // Plans: the inspector's plan names its team by name and function, and its commune of the check counts the site checked when
    // the check falls within the plan's days (the demo's plan starts a week before today).
    let (status, _, plans) = web.get("/office/plans").await;
    assert_eq!(status, 200);
    let plan = all
        .iter()
        .filter(|c| c["kind"] == "inspection_plan")
        .map(record)
        .find(|p| p["code"] == "01/KH-DEMO")
        .expect("the demo's first plan");
    let section =
        &plans[plans.find(&format!("data-plan=\"{}\"", plan["id"].as_str().unwrap())).expect("its section")..];
    let section = &section[..section.find("</section>").expect("its end")];
    // `plans add` with one inspector makes them the team's leader.
    let named = &section[section.find("Nguyễn Văn An (").expect("the leader by name")..];
    let function = &named[..named.find(')').expect("their function")];
    assert!(function.contains("Trưởng đoàn") && function.contains("Team leader"), "{section}");
    let within =
        plan["starts_on"].as_str().unwrap() <= "2026-11-28" && "2026-11-28" <= plan["ends_on"].as_str().unwrap();
    let row = &section[section.find(&format!("<tr data-commune=\"{commune}\">")).expect("the check's commune")..];
    let cells: Vec<&str> = row.split("<td class=\"n\">").skip(1).map(|c| &c[..c.find('<').unwrap()]).take(3).collect();
    assert!(cells[0].parse::<u64>().unwrap() >= 1, "{row}");
    // Sites, once each, checked (and flagged) by the demo's field work in the commune and by this check.
    let sites_where = |flagged: bool| {
        let mut sites: Vec<&str> = demo_checks
            .iter()
            .filter(|c| !flagged || c["verdict"]["place"] == "away")
            .filter_map(|c| c["site_id"].as_str())
            .chain(within.then(|| site["id"].as_str().unwrap()))
            .collect();
        sites.sort_unstable();
        sites.dedup();
        sites.len().to_string()
    };
    assert_eq!(cells[1..], [sites_where(false), sites_where(true)], "{row}");

    // A worker's registration: listed, verified through the form, gone from the list, verified for the worker.
    let (st, session) = s
        .client()
        .post("/v1/auth/enrol", &json!({ "full_name": "Lý Văn Bình", "phone": "0912 345 678", "password": "matkhau-123", "device": device() }))
        .await;
    assert_eq!(st, 200, "{session}");
    let worker = s.client().with_token(&session);
    let reg_id = new_id();
    let reg = json!({ "id": reg_id, "full_name": "Lý Thị Mai", "commune_code": "05977", "country_abroad": "Hàn Quốc",
        "created_at": "2026-11-20T03:00:00.000Z", "status": "verified" });
    let m = json!({ "id": new_id(), "entity": "worker_registration", "entity_id": reg_id, "op": "insert", "payload": reg,
        "hlc": "0000000001000-00000000-00000002" });
    assert_eq!(worker.post("/v1/push", &json!({ "mutations": [m], "links": [] })).await.0, 200);
    let (_, _, regs) = web.get("/office/registrations").await;
    assert!(regs.contains("Lý Thị Mai") && regs.contains("Hàn Quốc"), "{regs}");
    let (_, _, overview) = web.get("/office").await;
    assert!(overview.contains("Đăng ký chờ xác minh"));
    // Without the cookie the form does nothing.
    let anon = Browser { http: web.http.clone(), base: web.base.clone(), cookie: None };
    assert_eq!(anon.post(&format!("/office/registrations/{reg_id}/verify"), &[]).await.1, "/office/login");
    assert!(web.get("/office/registrations").await.2.contains("Lý Thị Mai"));
    let (status, location, _, _) = web.post(&format!("/office/registrations/{reg_id}/verify"), &[]).await;
    assert_eq!((status, location.as_str()), (303, "/office/registrations"));
    assert!(!web.get("/office/registrations").await.2.contains("Lý Thị Mai"));
    let (_, mine) = worker.get(&format!("/v1/registrations/{reg_id}")).await;
    assert_eq!(mine["status"], "verified");

    // A second registration, rejected: without a reason nothing changes; with one it leaves the list and the worker
    // reads the reason. A resend of the same content keeps the office's decision; the device never sets a reason.
    let other_id = new_id();
    let other = json!({ "id": other_id, "full_name": "Hà Văn Nam", "commune_code": "05977", "country_abroad": "Nhật Bản",
        "created_at": "2026-11-21T03:00:00.000Z", "status_reason": "tự đặt / set by the device" });
    let m = |hlc: &str| {
        json!({ "mutations": [{ "id": new_id(), "entity": "worker_registration", "entity_id": other_id,
        "op": "update", "payload": other, "hlc": hlc }], "links": [] })
    };
    assert_eq!(worker.post("/v1/push", &m("0000000001000-00000000-00000003")).await.0, 200);
    let (_, mine) = worker.get(&format!("/v1/registrations/{other_id}")).await;
    assert_eq!((mine["status"].as_str(), &mine["status_reason"]), (Some("unverified"), &serde_json::Value::Null));
    let reject = format!("/office/registrations/{other_id}/reject");
    let (status, _, page, _) = web.post(&reject, &[("reason", "   ")]).await;
    assert_eq!(status, 422);
    assert!(page.contains("Cần ghi lý do từ chối"), "{page}");
    let (status, _, page, _) = web.post(&reject, &[("reason", &"x".repeat(501))]).await;
    assert_eq!(status, 422);
    assert!(page.contains("500"), "{page}");
    assert!(web.get("/office/registrations").await.2.contains("Hà Văn Nam"), "a refused reason changes nothing");
    let reason = "Số CCCD không khớp với giấy tờ <b>gốc</b>.";
    let (status, location, _, _) = web.post(&reject, &[("reason", reason)]).await;
    assert_eq!((status, location.as_str()), (303, "/office/registrations"));
    assert!(!web.get("/office/registrations").await.2.contains("Hà Văn Nam"));
    let (_, mine) = worker.get(&format!("/v1/registrations/{other_id}")).await;
    assert_eq!((mine["status"].as_str(), mine["status_reason"].as_str()), (Some("rejected"), Some(reason)));
    assert_eq!(worker.post("/v1/push", &m("0000000001000-00000000-00000004")).await.0, 200);
    let (_, mine) = worker.get(&format!("/v1/registrations/{other_id}")).await;
    assert_eq!((mine["status"].as_str(), mine["status_reason"].as_str()), (Some("rejected"), Some(reason)));
    assert_eq!(web.post("/office/registrations/zz/reject", &[("reason", "x")]).await.0, 404);

    // Signing out revokes the token: the cookie no longer opens pages.
    web.post("/office/logout", &[]).await;
    assert_eq!(web.get("/office").await.1, "/office/login");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn office_on_sqlite() {
    office(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn office_on_postgres() {
    office(Backend::Postgres).await;
}
