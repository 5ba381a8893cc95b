//! The report to the province through the real server, on SQLite and PostgreSQL: an inspector of the demo plan
//! pushes two checks (one at the site with the loan used for its purpose and jobs created, one away from the site
//! with a sign of misuse); the plan's report (HTML, Word, Excel) names the team by name and function, says what the
//! checks found in words, and carries the very figures the commune figures page shows for the same plan and day; the
//! Word file and the workbook read back with libraries; the team's review of a commune, written on an inspector's
//! device and synced, is quoted under its headings with the author's name; an unknown plan is 404 and a visitor
//! without a session is sent to sign in.

mod common;

use std::io::Cursor;

use calamine::{Data, DataType, Reader, Xlsx};
use common::office::Browser;
use common::{Backend, Server, record};
use serde_json::{Value, json};
use vieclam_core::evidence::signing::DeviceIdentity;
use vieclam_core::ids::new_id;
use vieclam_core::records::InspectionPlan;
use vieclam_core::review::store::save;
use vieclam_core::review::{Attendee, CommuneReview, Opinion, Rating, Recommendation};
use vieclam_core::sync::{CancelToken, NoProgress, SyncOptions, sync};
use vieclam_server::work;

/// GET `path` with the session: status, content type, content disposition, bytes.
async fn download(web: &Browser, path: &str) -> (u16, String, String, Vec<u8>) {
    let r = web
        .http
        .get(format!("{}{path}", web.base))
        .header("cookie", web.cookie.clone().unwrap_or_default())
        .send()
        .await
        .expect("get");
    let header = |name: &str| r.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let (ctype, disposition) = (header("content-type"), header("content-disposition"));
    (r.status().as_u16(), ctype, disposition, r.bytes().await.expect("bytes").to_vec())
}

/// `GET /office/lang?{query}` with the session: status, `Location`, body, `Set-Cookie`.
async fn switch(web: &Browser, query: &str) -> (u16, String, String, Option<String>) {
    let r = web
        .http
        .get(format!("{}/office/lang?{query}", web.base))
        .header("cookie", web.cookie.clone().unwrap_or_default())
        .send()
        .await
        .expect("get");
    let set = r.headers().get("set-cookie").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let (status, location, body) = common::office::answer(r).await;
    (status, location, body, set)
}

/// The row cells of commune `name` in an HTML table: the text between `<td…>` and `</td>`.
fn row_cells(html: &str, name: &str) -> Vec<String> {
    let start = html.find(&format!("<td>{name}</td>")).unwrap_or_else(|| panic!("{name} not in {html}"));
    let end = start + html[start..].find("</tr>").expect("row end");
    html[start..end]
        .split("</td>")
        .filter_map(|c| c.rfind('>').map(|i| c[i + 1..].to_owned()))
        .filter(|c| !c.is_empty())
        .collect()
}

async fn report(backend: Backend) {
    let s = Server::new(backend, &[]).await;
    s.admin(&["demo"]);
    // A plan of its own over a commune with sites that no demo plan covers, so only this test's checks are in it.
    let db = s.db().await;
    let (covered, with_sites): (Vec<InspectionPlan>, Vec<String>) = db
        .read(work!(|tx| async move {
            let plans = tx.query("SELECT body FROM records WHERE kind = 'inspection_plan'", vec![]).await?;
            let sites = tx
                .query("SELECT DISTINCT commune_code FROM records WHERE kind = 'site' ORDER BY commune_code", vec![])
                .await?;
            Ok((
                plans.iter().filter_map(|r| serde_json::from_str(&r.text(0)).ok()).collect(),
                sites.iter().map(|r| r.text(0)).collect(),
            ))
        }))
        .await
        .expect("plans and sites");
    let commune = with_sites
        .into_iter()
        .find(|c| !covered.iter().any(|p| p.commune_codes.contains(c)))
        .expect("a commune with sites outside the demo plans");
    let today = vieclam_core::query::session::today_in_province();
    s.admin(&[
        "plans",
        "add",
        "--name",
        "09/KH-BC",
        "--title",
        "Kiểm tra cho vay giải quyết việc làm năm 2026",
        "--inspector",
        "thanhtra1",
        "--inspector",
        "thanhtra2:deputy",
        "--communes",
        &commune,
        "--from",
        &(today - chrono::Duration::days(2)).to_string(),
        "--to",
        &(today + chrono::Duration::days(5)).to_string(),
    ]);
    // A job programme open in the commune: counted on the figures page and in the report's fourth annex.
    s.admin(&[
        "programmes",
        "add",
        "--title",
        "Tuyển 30 công nhân may",
        "--kind",
        "domestic_job",
        "--commune",
        &commune,
        "--from",
        &(today - chrono::Duration::days(1)).to_string(),
    ]);
    let s = s.start().await;
    let db = s.db().await;
    let plans: Vec<InspectionPlan> = db
        .read(work!(|tx| async move {
            let rows = tx.query("SELECT body FROM records WHERE kind = 'inspection_plan'", vec![]).await?;
            Ok(rows.iter().filter_map(|r| serde_json::from_str(&r.text(0)).ok()).collect())
        }))
        .await
        .expect("plans");
    let plan = plans.into_iter().find(|p| p.code == "09/KH-BC").expect("the plan");

    // Two checks today by the plan's inspector, at sites of its first commune.
    let inspector = s.client().login("thanhtra1", "thanhtra1-vieclam").await;
    let sites: Vec<Value> = inspector
        .pull_all(5_000)
        .await
        .into_iter()
        .filter(|c| c["kind"] == "site")
        .map(|c| record(&c))
        .filter(|s| s["commune_code"] == plan.commune_codes[0].as_str())
        .take(2)
        .collect();
    assert_eq!(sites.len(), 2, "the demo plan's first commune has sites");
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
    let mut mutations = Vec::new();
    let mut hlc = 0;
    let mut next = || {
        hlc += 1;
        format!("0000000001000-00000000-{hlc:08}")
    };
    let mut ids = Vec::new();
    for (i, site) in sites.iter().enumerate() {
        let id = new_id();
        let (lat, lon) = (site["lat"].as_f64().expect("lat"), site["lon"].as_f64().expect("lon"));
        let (place, lon) = if i == 0 { ("at_site", lon) } else { ("away", lon + 0.0075) };
        let check = json!({ "id": id, "code": format!("KT-BC-{i}"), "site_id": site["id"], "state": "finished",
            "started_at": now, "verdict": { "place": place, "distance_m": if i == 0 { 12.0 } else { 812.0 } },
            "fix": { "lat": lat, "lon": lon, "accuracy_m": 8.0 } });
        mutations.push(json!({ "id": new_id(), "entity": "site_check", "entity_id": id, "op": "insert",
            "payload": check, "hlc": next() }));
        let answers: Vec<(&str, Value)> = if i == 0 {
            vec![("purpose_kept", json!(true)), ("jobs_created", json!(3)), ("jobs_kept", json!(2))]
        } else {
            vec![("misuse_vay_ke", json!(true))]
        };
        for (key, value) in answers {
            mutations.push(json!({ "id": new_id(), "entity": "check_answer", "entity_id": format!("{id}/{key}"),
                "op": "insert", "payload": { "check_id": id, "question": key, "value": value }, "hlc": next() }));
        }
        ids.push(id);
    }
    let (st, r) = inspector.post("/v1/push", &json!({ "mutations": mutations, "links": [] })).await;
    assert_eq!(st, 200, "{r}");
    assert!(r["results"].as_array().expect("results").iter().all(|x| x["status"] == "applied"), "{r}");

    // The team leader's review of the first commune, written on a phone and synced.
    let dir = tempfile::tempdir().expect("dir");
    let store = common::field::field_device(&s, dir.path(), "thanhtra1").await;
    {
        let mut st = store.lock().expect("store");
        let author = vieclam_core::sync::state::stored_session(&st).expect("session").expect("signed in").account_id;
        let mut r = CommuneReview::new(
            &plan.id,
            &plan.commune_codes[0],
            &author,
            vieclam_core::query::session::today_in_province(),
        );
        r.set_note("leadership", Rating::Good, "Đã họp dân tại 9/9 thôn, loa truyền thanh phát 4 buổi.");
        r.set_note("recommendations", Rating::NotAssessed, "Tăng nguồn vốn ủy thác từ ngân sách tỉnh");
        r.attendees.push(Attendee { name: "Hoàng Văn Lân".into(), role: "Chủ tịch UBND xã".into() });
        r.opinions
            .push(Opinion { who: "Hộ ông Tô Văn Hải".into(), what: "Đề nghị nâng mức cho vay.".into() });
        r.recommendations
            .push(Recommendation { to: "UBND xã".into(), what: "Niêm yết thủ tục vay vốn.".into() });
        let identity = DeviceIdentity::load(&st).expect("identity").expect("enrolled");
        save(&mut st, &identity, &r, chrono::Utc::now()).expect("saved");
    }
    let synced = sync(&store, &SyncOptions::default(), &NoProgress, &CancelToken::new()).await.expect("sync");
    assert_eq!((synced.pushed, synced.rejected), (1, 0), "{synced:?}");

    // Without a session the report is not shown.
    let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    let anonymous = Browser { http, base: s.url.clone(), cookie: None };
    let path = format!("/office/plans/{}/report", plan.id);
    assert_eq!(anonymous.get(&path).await.1, "/office/login");
    let web = Browser::signed_in(&s.url, "admin", "admin-vieclam").await;
    assert_eq!(web.get("/office/plans/no-such-plan/report").await.0, 404);
    assert_eq!(download(&web, "/office/plans/no-such-plan/report.docx").await.0, 404);

    let (status, _, html) = web.get(&path).await;
    assert_eq!(status, 200, "{html}");
    for words in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "UBND TỈNH LẠNG SƠN",
        "SỞ NỘI VỤ",
        "Số:        /BC-SNV",
        "BÁO CÁO",
        "theo Kế hoạch số 09/KH-BC",
        "Thực hiện Kế hoạch số 09/KH-BC (Kiểm tra cho vay giải quyết việc làm năm 2026), từ ngày",
        "I. THÀNH PHẦN ĐOÀN KIỂM TRA",
        "Nguyễn Văn An, Trưởng đoàn.</p><p class=\"dash\">- Hoàng Thị Bích, Phó trưởng đoàn.",
        "II. KẾT QUẢ KIỂM TRA",
        "III. ĐÁNH GIÁ CHUNG",
        "IV. KIẾN NGHỊ",
        "TRƯỞNG ĐOÀN KIỂM TRA",
        "Nơi nhận:",
        // One of one check that judged the purpose found it kept; one sign of misuse; jobs from the first check.
        "sử dụng vốn đúng mục đích: 1/1 (100,0%)",
        "(1 trường hợp)",
        "tạo việc làm mới cho 3 lao động và duy trì việc làm cho 2 lao động",
        "Phụ lục 1. Dư nợ và nợ quá hạn theo xã",
        // The review, quoted under its heading with its author; opinions and recommendations with the commune.
        "(đánh giá: Tốt): Đã họp dân tại 9/9 thôn, loa truyền thanh phát 4 buổi — Nguyễn Văn An.",
        "Hộ ông Tô Văn Hải: Đề nghị nâng mức cho vay.",
        ": Tăng nguồn vốn ủy thác từ ngân sách tỉnh — Nguyễn Văn An.",
        "Phụ lục 4. Người lao động về nước đăng ký nhu cầu và chương trình việc làm theo xã",
    ] {
        assert!(html.contains(words), "«{words}» not in the report: {html}");
    }
    let name = vieclam_core::places::commune(&commune).expect("commune").name.clone();
    let within = vieclam_server::report::compose::in_sentence(&name);
    assert!(html.contains(&format!("UBND xã: Niêm yết thủ tục vay vốn ({within}).")), "{html}");
    for id in &ids {
        assert!(html.contains(&format!("<a href=\"/office/checks/{id}\">")), "check {id} not in annex 2");
    }
    // The figures are the commune figures page's, for the same plan and the same day of comparison.
    let source = {
        let at = html.find("/office/communes?since=").expect("the figures page named");
        html[at..at + html[at..].find('"').expect("end")].replace("&amp;", "&")
    };
    assert!(source.contains(&format!("plan={}", plan.id)), "{source}");
    let (status, _, page) = web.get(&source).await;
    assert_eq!(status, 200);
    let annex = &html[html.find("Phụ lục 1.").expect("annex 1")..];
    for code in &plan.commune_codes {
        let name = vieclam_core::places::commune(code).expect("commune").name.clone();
        let on_page = row_cells(&page, &name);
        let in_report = row_cells(annex, &name);
        // Loans, outstanding, growth, overdue: the page's columns 2–5 are the report's columns 2, 3, 4 and 6.
        assert_eq!(
            [&on_page[1], &on_page[2], &on_page[3], &on_page[4]],
            [&in_report[1], &in_report[2], &in_report[3], &in_report[5]],
            "{name}"
        );
    }
    let first = vieclam_core::places::commune(&plan.commune_codes[0]).expect("commune").name.clone();
    // The page counts the plan's two checks in the first commune, and so does the findings annex.
    assert_eq!(row_cells(&page, &first)[6], "2");
    // The open programmes (the demo's and the one added): the page's last column, and the last of the fourth
    // annex's row.
    let (code, on) = (commune.clone(), vieclam_core::query::session::today_in_province());
    let open: usize = db
        .read(work!(|tx| async move {
            let rows = tx.query("SELECT body FROM records WHERE kind = 'job_programme'", vec![]).await?;
            Ok(rows
                .iter()
                .filter_map(|r| serde_json::from_str::<vieclam_core::records::JobProgramme>(&r.text(0)).ok())
                .filter(|p| p.commune_code.as_deref() == Some(code.as_str()))
                .filter(|p| p.opens_on <= on && p.closes_on.is_none_or(|c| c >= on))
                .count())
        }))
        .await
        .expect("programmes");
    assert!(open >= 1);
    assert_eq!(row_cells(&page, &first).last(), Some(&open.to_string()));
    let annex4 = &html[html.find("Phụ lục 4.").expect("annex 4")..];
    assert_eq!(row_cells(annex4, &first).last(), Some(&open.to_string()));

    // The Word file reads back with a library and says the same.
    let (status, ctype, disposition, bytes) = download(&web, &format!("{path}.docx")).await;
    assert_eq!(status, 200);
    assert_eq!(ctype, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assert_eq!(disposition, "attachment; filename=\"bao-cao-09_KH-BC.docx\"");
    let word = docx_rs::read_docx(&bytes).expect("a Word file").json();
    for words in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO", "Nguyễn Văn An", "sử dụng vốn đúng mục đích: 1/1"]
    {
        assert!(word.contains(words), "«{words}» not in the Word file");
    }
    let outstanding = &row_cells(&page, &first)[2];
    assert!(word.contains(outstanding.as_str()), "{outstanding} not in the Word file");

    // The workbook: one sheet per annex, numbers as numbers equal to the page's.
    let (status, ctype, _, bytes) = download(&web, &format!("{path}.xlsx")).await;
    assert_eq!(status, 200);
    assert_eq!(ctype, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("a workbook");
    assert_eq!(book.sheet_names(), ["1. Dư nợ", "2. Kiểm tra", "3. Kết quả", "4. Đăng ký"]);
    let sheet = book.worksheet_range("1. Dư nợ").expect("annex 1");
    let row =
        sheet.rows().find(|r| r.first().is_some_and(|c| c.to_string() == first)).expect("the first commune's row");
    let as_money = |d: &Data| vieclam_core::format::money(d.as_f64().expect("a number") as i64);
    assert_eq!(row_cells(&page, &first)[1], row[1].to_string());
    assert_eq!(outstanding, &as_money(&row[2]));
    let checks = book.worksheet_range("2. Kiểm tra").expect("annex 2");
    let codes: Vec<String> = checks.rows().skip(4).map(|r| r[0].to_string()).collect();
    assert_eq!(codes.len(), 2, "{codes:?}");
    assert!(codes.contains(&"KT-BC-0".to_owned()) && codes.contains(&"KT-BC-1".to_owned()), "{codes:?}");

    // The commune's minutes: the team by name and function, the commune's side as the phone recorded it, both
    // signatures; linked from the review page; as a Word file too. A commune outside the plan has none.
    let review_page = format!("/office/plans/{}/communes/{commune}/review", plan.id);
    let minutes_page = format!("/office/plans/{}/communes/{commune}/minutes", plan.id);
    assert!(web.get(&review_page).await.2.contains(&format!("href=\"{minutes_page}\"")));
    let (status, _, minutes) = web.get(&minutes_page).await;
    assert_eq!(status, 200, "{minutes}");
    for words in [
        "BIÊN BẢN",
        "Nguyễn Văn An, Trưởng đoàn;",
        "Hoàng Thị Bích, Phó trưởng đoàn;",
        "Hoàng Văn Lân, Chủ tịch UBND xã;",
        "Đánh giá: Tốt. Đã họp dân tại 9/9 thôn, loa truyền thanh phát 4 buổi (Nguyễn Văn An).",
        "Hộ ông Tô Văn Hải: Đề nghị nâng mức cho vay.",
        "ĐẠI DIỆN UBND",
        "TRƯỞNG ĐOÀN KIỂM TRA",
    ] {
        assert!(minutes.contains(words), "«{words}» not in the minutes: {minutes}");
    }
    let (status, _, disposition, bytes) = download(&web, &format!("{minutes_page}.docx")).await;
    assert_eq!(status, 200);
    assert!(disposition.contains("bien-ban-09_KH-BC-"), "{disposition}");
    assert!(docx_rs::read_docx(&bytes).expect("a Word file").json().contains("Hoàng Văn Lân, Chủ tịch UBND xã;"));
    let outside = vieclam_core::places::communes().iter().find(|c| c.code != commune).expect("another").code.clone();
    assert_eq!(web.get(&format!("/office/plans/{}/communes/{outside}/minutes", plan.id)).await.0, 404);

    // The pages switch to English and back: one language on the screen, the choice kept in a cookie; the switch
    // sends back only to an office page.
    let (status, location, _, set) = switch(&web, "to=en&back=%2Foffice%2Fcommunes%3Fsort%3Dratio").await;
    assert_eq!((status, location.as_str()), (303, "/office/communes?sort=ratio"));
    let set = set.expect("a language cookie");
    assert!(set.starts_with("vieclam_lang=en;") && set.contains("SameSite=Strict"), "{set}");
    let session = web.cookie.clone().unwrap_or_default();
    let english =
        Browser { http: web.http.clone(), base: web.base.clone(), cookie: Some(format!("{session}; vieclam_lang=en")) };
    let (_, _, page) = english.get("/office/communes").await;
    assert!(page.contains("<html lang=\"en\">") && page.contains("<title>Figures by commune</title>"), "{page}");
    assert!(page.contains("id=\"lang-switch\" hreflang=\"vi\""), "{page}");
    let (_, _, page) = web.get("/office/communes").await;
    assert!(page.contains("<html lang=\"vi\">") && page.contains("<title>Số liệu theo xã</title>"), "{page}");
    let (_, location, _, _) = switch(&web, "to=en&back=%2F%2Fevil.example%2F").await;
    assert_eq!(location, "/office");

    // The plans page links to the report.
    let (_, _, plans_page) = web.get("/office/plans").await;
    assert!(plans_page.contains(&format!("href=\"{path}\"")), "{plans_page}");

    // The report is kept while nothing changes, and made again as soon as anything does: a third check appears.
    let (_, _, again) = web.get(&path).await;
    assert_eq!(again, html, "nothing changed, the same report");
    let id = new_id();
    let check = json!({ "id": id, "code": "KT-BC-2", "site_id": sites[0]["id"], "state": "finished",
        "started_at": now, "verdict": { "place": "at_site", "distance_m": 5.0 } });
    let m = json!({ "id": new_id(), "entity": "site_check", "entity_id": id, "op": "insert", "payload": check,
        "hlc": "0000000001000-00000000-00000099" });
    let (st, r) = inspector.post("/v1/push", &json!({ "mutations": [m], "links": [] })).await;
    assert_eq!((st, r["results"][0]["status"].as_str()), (200, Some("applied")), "{r}");
    let (_, _, after) = web.get(&path).await;
    assert!(after.contains(&format!("<a href=\"/office/checks/{id}\">KT-BC-2</a>")), "the new check in annex 2");
    let word = docx_rs::read_docx(&download(&web, &format!("{path}.docx")).await.3).expect("a Word file").json();
    assert!(word.contains("KT-BC-2"), "the Word file made again too");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn report_on_sqlite() {
    report(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn report_on_postgres() {
    report(Backend::Postgres).await;
}
