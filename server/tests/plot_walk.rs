//! The plot walked on a check, end to end on SQLite and PostgreSQL: an inspector's device (the core's store) starts
//! a check at a site whose loan funded a plot, walks the plot, and syncs; a teammate's device gets the walk; the
//! office's check page shows the area walked, the funded area and the difference, the verdict in words, the ring
//! drawn with a scale bar, and the walk's evidence verified against its signature; a loan file changed since is
//! pointed out, and a correction of the check shows the walk of the visit. Refused through the raw API, each with its
//! code and changing nothing: a tampered area (not the ring's), a ring off the Earth or left open, a verdict its
//! figures do not give, a walk naming another site than its check's or another check than the change, and a
//! teammate's walk on my check.

mod common;

use chrono::{Duration, Utc};
use common::field::field_device;
use common::office::Browser;
use common::{Api, Backend, Server};
use serde_json::{Value, json};
use vieclam_core::Lang;
use vieclam_core::checks::checklist::{AnswerValue, QUESTIONS};
use vieclam_core::checks::fix::Fix;
use vieclam_core::checks::lifecycle::{self as lc, CheckVerdict};
use vieclam_core::checks::plot_walk::PlotWalkRecord;
use vieclam_core::checks::settings::CheckSettings;
use vieclam_core::checks::walk::plot_from_walk;
use vieclam_core::evidence::signing::DeviceIdentity;
use vieclam_core::ids::new_id;
use vieclam_core::messages::checks_geo::hectares;
use vieclam_core::sync::{CancelToken, NoProgress, SyncOptions, sync};
use vieclam_server::{params, work};

/// A site of the demo whose loan funded a plot: (site id, its commune, its model, funded hectares).
async fn land_site(s: &Server) -> (String, String, String, f64) {
    let db = s.db().await;
    let (models, sites) = db
        .read::<(Vec<(String, String)>, Vec<(String, String, String)>)>(work!(|tx| async move {
            let models = tx.query("SELECT id, body FROM records WHERE kind = 'funded_model'", vec![]).await?;
            let sites = tx.query("SELECT id, commune_code, body FROM records WHERE kind = 'site'", vec![]).await?;
            Ok((
                models.iter().map(|r| (r.text(0), r.text(1))).collect::<Vec<_>>(),
                sites.iter().map(|r| (r.text(0), r.text(1), r.text(2))).collect::<Vec<_>>(),
            ))
        }))
        .await
        .expect("read");
    let area = |model: &str| {
        models.iter().find(|(id, _)| id == model).and_then(|(_, body)| {
            serde_json::from_str::<Value>(body).ok()?["funded_area_ha"].as_f64().filter(|a| *a > 0.0)
        })
    };
    sites
        .iter()
        .find_map(|(id, commune, body)| {
            let model = serde_json::from_str::<Value>(body).ok()?["model_id"].as_str()?.to_owned();
            Some((id.clone(), commune.clone(), model.clone(), area(&model)?))
        })
        .expect("the demo funds land")
}

/// The walk records the server holds, as (id, body).
async fn walks(s: &Server) -> Vec<(String, String)> {
    let db = s.db().await;
    db.read(work!(|tx| async move {
        Ok(tx
            .query("SELECT id, body FROM records WHERE kind = $1 ORDER BY id", params!["plot_walk"])
            .await?
            .iter()
            .map(|r| (r.text(0), r.text(1)))
            .collect::<Vec<_>>())
    }))
    .await
    .expect("read")
}

/// Pushes one `plot_walk` mutation through the raw API; answers its result's code (`""` when applied).
async fn push(api: &Api, entity_id: &str, payload: &Value, n: u64) -> String {
    let hlc = format!("{:013}-{:08x}-{:08x}", 1_900_000_000_000u64 + n, 0, 9);
    let m = json!({ "id": new_id(), "entity": "plot_walk", "entity_id": entity_id, "op": "insert",
        "payload": payload, "hlc": hlc });
    let (status, answer) = api.post("/v1/push", &json!({ "mutations": [m], "links": [] })).await;
    assert_eq!(status, 200, "{answer}");
    answer["results"][0]["code"].as_str().unwrap_or_default().to_owned()
}

/// A fix `north_m` / `east_m` metres from (`lat`, `lon`).
fn fix(lat: f64, lon: f64, i: i64, north_m: f64, east_m: f64) -> Fix {
    Fix {
        lat: lat + north_m / 111_320.0,
        lon: lon + east_m / (111_320.0 * lat.to_radians().cos()),
        accuracy_m: 3.0,
        altitude_m: None,
        time: Utc::now() - Duration::seconds(60 - i),
        provider: "gps".into(),
        satellites: Some(10),
        mocked: false,
    }
}

async fn walked(backend: Backend) {
    let s = Server::new(backend, &[]).await;
    s.admin(&["demo"]);
    let (site_id, commune, model_id, funded_ha) = land_site(&s).await;
    let today = vieclam_core::query::session::today_in_province();
    s.admin(&[
        "plans",
        "add",
        "--name",
        "11/KH-DD",
        "--inspector",
        "thanhtra1",
        "--inspector",
        "thanhtra2",
        "--communes",
        &commune,
        "--from",
        &(today - Duration::days(1)).to_string(),
        "--to",
        &(today + Duration::days(5)).to_string(),
    ]);
    let s = s.start().await;
    let dir = tempfile::tempdir().expect("dir");
    let one = field_device(&s, dir.path(), "thanhtra1").await;

    // On the device: a check at the site, then a walk round a 120 m × 90 m plot, and a sync.
    let rec: PlotWalkRecord = {
        let mut st = one.lock().expect("store");
        let identity = DeviceIdentity::load(&st).expect("identity").expect("enrolled at sign-in");
        let site = vieclam_core::checks::lookup::site(&st, &site_id).expect("the site came down");
        let (lat, lon) = (site.lat, site.lon);
        let start = fix(lat, lon, 0, 0.0, 0.0);
        let verdict = CheckVerdict { place: "at_site".into(), distance_m: 0.0, accuracy_m: 3.0, in_commune: true };
        let check = lc::start(&mut st, &identity, &site_id, &start, &verdict, Utc::now()).expect("check started");
        let corners = [(0.0, 0.0), (0.0, 120.0), (90.0, 120.0), (90.0, 0.0)];
        let fixes: Vec<Fix> = corners.iter().enumerate().map(|(i, &(n, e))| fix(lat, lon, i as i64, n, e)).collect();
        let settings = CheckSettings::default();
        let plot = plot_from_walk(&fixes, &settings).expect("a plot");
        lc::record_walk(&mut st, &identity, &check, &plot, settings.area_tolerance, Utc::now()).expect("walk kept")
    };
    let report = sync(&one, &SyncOptions::default(), &NoProgress, &CancelToken::new()).await.expect("sync");
    assert_eq!((report.pushed, report.rejected), (2, 0), "the check and its walk: {report:?}");
    let before = walks(&s).await;
    assert_eq!(before.len(), 1);
    assert_eq!(before[0].0, rec.check_id);

    // A teammate's device gets the walk with the check, as the core reads it back.
    let two = field_device(&s, dir.path(), "thanhtra2").await;
    let pulled = lc::walk_of(&two.lock().expect("store"), &rec.check_id).expect("read");
    assert_eq!(pulled.map(|w| (w.area_ha, w.ring, w.verdict)), Some((rec.area_ha, rec.ring.clone(), rec.verdict)));

    // The office's check page: the plot walked against the area funded.
    let web = Browser::signed_in(&s.url, "admin", "admin-vieclam").await;
    let (status, _, page) = web.get(&format!("/office/checks/{}", rec.check_id)).await;
    assert_eq!(status, 200, "{page}");
    let section = &page[page.find("Diện tích đo thực địa").expect("the walk's section")..];
    let section = &section[..section.find("</figure>").expect("its drawing")];
    let walked = hectares(rec.area_ha, Lang::Vi);
    assert!((rec.area_ha - 1.08).abs() < 0.01, "{}", rec.area_ha);
    assert!(section.contains(&walked), "{walked} in {section}");
    assert!(section.contains(&hectares(funded_ha, Lang::Vi)), "funded {funded_ha} in {section}");
    let difference = format!("{:+.1}%", (rec.area_ha - funded_ha) / funded_ha * 100.0);
    assert!(section.contains(&difference), "{difference} in {section}");
    assert!(!section.contains("data-walk=\"funded_differs\""), "the loan file says what the device had: {section}");
    assert!(section.contains(&format!("data-code=\"{}\"", rec.verdict.code())), "{section}");
    assert!(section.contains(&rec.verdict.message(rec.area_ha, funded_ha, Lang::Vi)), "{section}");
    assert!(section.contains("4 điểm dùng, 0 điểm bỏ") && !section.contains("data-walk=\"mocked\""), "{section}");
    assert!(section.contains("data-evidence=\"evidence.verified\""), "signed by its author's device: {section}");
    assert!(section.contains("<polygon points=") && section.contains(" m</text>"), "the ring and its scale bar");
    assert!(page.contains("Chứng cứ đã xác thực chữ ký."), "the check's evidence still verifies as a whole");

    // Refusals, through the raw API; none changes anything.
    let api = s.client();
    let me = api.login("thanhtra1", "thanhtra1-vieclam").await;
    let teammate = api.login("thanhtra2", "thanhtra2-vieclam").await;
    let body: Value = serde_json::from_str(&before[0].1).expect("stored body");
    let mut tampered = body.clone();
    tampered["area_ha"] = json!(rec.area_ha * 1.3);
    tampered["verdict"] = serde_json::to_value(vieclam_core::checks::walk::compare_area(
        rec.area_ha * 1.3,
        funded_ha,
        CheckSettings::default().area_tolerance,
    ))
    .expect("json");
    assert_eq!(push(&me, &rec.check_id, &tampered, 1).await, "walk.area_mismatch");
    let mut off_earth = body.clone();
    off_earth["ring"][1] = json!([190.0, 21.7]);
    assert_eq!(push(&me, &rec.check_id, &off_earth, 2).await, "walk.bad_coordinates");
    let mut open = body.clone();
    open["ring"].as_array_mut().expect("ring").pop();
    assert_eq!(push(&me, &rec.check_id, &open, 3).await, "walk.not_a_ring");
    let mut said_to_match = body.clone();
    said_to_match["funded_ha"] = json!(rec.area_ha * 3.0);
    said_to_match["verdict"] = json!({ "kind": "matches" });
    assert_eq!(push(&me, &rec.check_id, &said_to_match, 4).await, "walk.verdict_inconsistent");
    let mut elsewhere = body.clone();
    elsewhere["site_id"] = json!("another-site");
    assert_eq!(push(&me, &rec.check_id, &elsewhere, 5).await, "walk.site_mismatch");
    // A teammate on the same plan walking my check.
    assert_eq!(push(&teammate, &rec.check_id, &body, 6).await, "mutation.not_owner");
    // A body naming another check than the change.
    assert_eq!(push(&me, "another-check", &body, 7).await, "mutation.id_mismatch");
    assert_eq!(walks(&s).await, before, "nothing changed");

    // The office's loan file changes after the walk: the page keeps the walk's own comparison and points out the
    // area the file now names.
    let db = s.db().await;
    let model = model_id.clone();
    db.write(work!(|tx| async move {
        let row = tx.one("SELECT body FROM records WHERE kind = 'funded_model' AND id = $1", params![&model]).await?;
        let mut body: Value = serde_json::from_str(&row.expect("the model").text(0)).expect("json");
        body["funded_area_ha"] = json!(7.5);
        tx.exec(
            "UPDATE records SET body = $1 WHERE kind = 'funded_model' AND id = $2",
            params![body.to_string(), &model],
        )
        .await?;
        Ok(())
    }))
    .await
    .expect("write");
    let (_, _, page) = web.get(&format!("/office/checks/{}", rec.check_id)).await;
    assert!(page.contains("data-walk=\"funded_differs\"") && page.contains("Hồ sơ vay hiện ghi 7,50 ha"), "{page}");
    assert!(page.contains(&difference), "the walk's own comparison stays");

    // The check is finished, then corrected: the correction's page shows the plot walked on the visit.
    let revision = {
        let mut st = one.lock().expect("store");
        let identity = DeviceIdentity::load(&st).expect("identity").expect("enrolled");
        for q in QUESTIONS.iter().filter(|q| q.required) {
            let value = match q.key {
                "model_type" => AnswerValue::Choice("afforestation".into()),
                "model_state" => AnswerValue::Choice("good".into()),
                "effectiveness" => AnswerValue::Choice("effective".into()),
                "repayment_state" => AnswerValue::Choice("on_time".into()),
                "jobs_created" | "jobs_kept" => AnswerValue::Number(2.0),
                _ => AnswerValue::YesNo(false),
            };
            lc::answer(&mut st, &identity, &rec.check_id, q.key, value).expect(q.key);
        }
        lc::finish(&mut st, &identity, &rec.check_id, Utc::now()).expect("finished");
        lc::correct(&mut st, &identity, &rec.check_id, "Ghi nhầm số lao động").expect("corrected")
    };
    let report = sync(&one, &SyncOptions::default(), &NoProgress, &CancelToken::new()).await.expect("sync");
    assert_eq!(report.rejected, 0, "{report:?}");
    let (status, _, page) = web.get(&format!("/office/checks/{revision}")).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("data-walk=\"difference\"") && page.contains(&walked), "{page}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn walked_plot_on_sqlite() {
    walked(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn walked_plot_on_postgres() {
    walked(Backend::Postgres).await;
}
