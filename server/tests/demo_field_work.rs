//! The demo's field work through the real server, on SQLite and PostgreSQL: after `demo` the office lists the
//! checks its inspectors' phones made and synced (16 for 01/KH-DEMO, 5 for 02/KH-DEMO in two of its three
//! communes) with their verdicts; every check's evidence verifies and has its photo; exactly the check made away
//! from its site is flagged, and exactly the two that answered a sign of misuse yes mark it; 01/KH-DEMO's team is
//! led by thanhtra1 with thanhtra3 as its secretary, and the reviews of its first two communes are held from both
//! and merged under every heading; the sign-in sheet says so; a second seeding adds nothing; a photo store that
//! cannot be opened is refused before anything is written.

mod common;

use common::office::Browser;
use common::{Backend, Server};
use vieclam_core::records::InspectionPlan;
use vieclam_core::review::{HEADINGS, ReviewRecord, merge};
use vieclam_server::{params, work};

/// How many records of each kind the field work leaves, with the accounts and devices.
async fn counts(s: &Server) -> Vec<(String, i64)> {
    let db = s.db().await;
    db.read(work!(|tx| async move {
        let mut out = Vec::new();
        for r in
            tx.query("SELECT kind, count(*) FROM records WHERE deleted = 0 GROUP BY kind ORDER BY kind", vec![]).await?
        {
            out.push((r.text(0), r.int(1)));
        }
        for table in ["accounts", "devices", "plan_assignments"] {
            let n = tx.one(&format!("SELECT count(*) FROM {table}"), vec![]).await?.map_or(0, |r| r.int(0));
            out.push((table.to_owned(), n));
        }
        Ok(out)
    }))
    .await
    .expect("read")
}

/// The bodies of the records of `kind`.
async fn bodies(s: &Server, kind: &'static str) -> Vec<String> {
    let db = s.db().await;
    db.read(work!(|tx| async move {
        Ok(tx
            .query("SELECT body FROM records WHERE kind = $1 AND deleted = 0 ORDER BY seq", params![kind])
            .await?
            .iter()
            .map(|r| r.text(0))
            .collect::<Vec<_>>())
    }))
    .await
    .expect("read")
}

fn count_of(counts: &[(String, i64)], kind: &str) -> i64 {
    counts.iter().find(|(k, _)| k == kind).map_or(0, |(_, n)| *n)
}

/// Every `/office/checks/{id}` the list links to.
fn check_ids(list: &str) -> Vec<String> {
    list.split("<a href=\"/office/checks/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next().map(str::to_owned))
        .collect()
}

async fn field_work(backend: Backend) {
    let s = Server::new(backend, &[]).await;
    // A photo store that cannot be opened is refused before anything of the demo is written (the shipped rule sets,
    // which any first start writes, are there from the listing of accounts).
    s.admin(&["users", "list"]);
    let before = counts(&s).await;
    for photos in ["nope://bucket/demo", "file:///proc/no-such-folder/photos"] {
        let refused = s.admin_refused(&["serve", "--demo", "--photos", photos, "--listen", "127.0.0.1:0"]);
        assert!(refused.contains("Không mở được kho ảnh") && refused.contains("Cannot open the demo's photo store"));
        assert_eq!(counts(&s).await, before, "nothing written");
    }
    assert_eq!(count_of(&before, "accounts") + count_of(&before, "loan"), 0, "{before:?}");
    let sheet = s.admin(&["demo"]);
    for line in [
        "thanhtra1 / thanhtra1-vieclam      (trưởng đoàn / team leader, 01/KH-DEMO)",
        "thanhtra3 / thanhtra3-vieclam      (thư ký đoàn / team secretary, 01/KH-DEMO)",
        "thanhtra2 / thanhtra2-vieclam      (trưởng đoàn / team leader, 02/KH-DEMO)",
        "01/KH-DEMO: 16 lần kiểm tra tại mô hình (3 có phát hiện sai phạm, 1 không ở tại mô hình: bị gắn cờ)",
        "16 site checks (3 with findings, 1 away from the site: flagged); commune reviews of ",
        "02/KH-DEMO: 5 lần kiểm tra tại mô hình; chưa kiểm tra ",
    ] {
        assert!(sheet.contains(line), "the sheet says «{line}»:\n{sheet}");
    }
    let seeded = counts(&s).await;
    assert_eq!(count_of(&seeded, "site_check"), 21, "{seeded:?}");
    assert_eq!(count_of(&seeded, "check_photo"), 21, "{seeded:?}");
    assert!(count_of(&seeded, "check_answer") >= 21 * 13, "{seeded:?}");
    assert_eq!(count_of(&seeded, "commune_review"), 4, "{seeded:?}");
    assert_eq!(count_of(&seeded, "accounts"), 4, "admin and three inspectors: {seeded:?}");
    assert_eq!(count_of(&seeded, "devices"), 3, "the three inspectors' phones: {seeded:?}");

    // A second seeding changes nothing and prints the same sheet.
    assert_eq!(s.admin(&["demo"]), sheet);
    assert_eq!(counts(&s).await, seeded);

    // The plans and their teams.
    let plans: Vec<InspectionPlan> =
        bodies(&s, "inspection_plan").await.iter().map(|b| serde_json::from_str(b).expect("a plan")).collect();
    let plan = |code: &str| plans.iter().find(|p| p.code == code).cloned().expect("the plan");
    let (first, second) = (plan("01/KH-DEMO"), plan("02/KH-DEMO"));
    let team: Vec<(&str, &str)> = first.team.iter().map(|m| (m.name.as_str(), m.role.as_str())).collect();
    assert_eq!(team, [("Nguyễn Văn An", "leader"), ("Lăng Thị Mai", "secretary")]);
    assert_eq!(second.leader().map(|m| m.name.as_str()), Some("Hoàng Thị Bích"));

    // Each plan's checks in its communes: all three of the first, two of the second's three.
    let checks: Vec<serde_json::Value> =
        bodies(&s, "site_check").await.iter().map(|b| serde_json::from_str(b).expect("a check")).collect();
    let communes_checked = |p: &InspectionPlan| {
        let mut found: Vec<String> = checks
            .iter()
            .filter_map(|c| c["commune_code"].as_str())
            .filter(|c| p.commune_codes.iter().any(|x| x == c))
            .map(str::to_owned)
            .collect();
        found.sort();
        found.dedup();
        (found.len(), checks.iter().filter(|c| p.commune_codes.iter().any(|x| c["commune_code"] == **x)).count())
    };
    assert_eq!(communes_checked(&first), (3, 16));
    assert_eq!(communes_checked(&second), (2, 5));
    assert!(checks.iter().all(|c| c["state"] == "finished"), "every check finished");

    let s = s.start().await;
    let web = Browser::signed_in(&s.url, "admin", "admin-vieclam").await;

    // The list: every check with its verdict; exactly one flagged, the one made away from its site.
    let (status, _, list) = web.get("/office/checks").await;
    assert_eq!(status, 200);
    let ids = check_ids(&list);
    assert_eq!(ids.len(), 21, "{list}");
    assert_eq!(list.matches("Đang ở tại mô hình (").count(), 20, "{list}");
    assert_eq!(list.matches("Không ở tại mô hình (").count(), 1, "the away verdict with its distance");
    assert_eq!(list.matches("<span class=\"flag\">").count(), 1, "{list}");
    let flag = list.split("<span class=\"flag\">").nth(1).and_then(|f| f.split("</td>").next()).unwrap_or_default();
    assert!(flag.contains("Không ở tại mô hình") && flag.contains("Away from the site"), "{flag}");

    // Every check's evidence verifies; its photo was received and is served; two mark a sign of misuse.
    let mut misuse = 0;
    for id in &ids {
        let (status, _, page) = web.get(&format!("/office/checks/{id}")).await;
        assert_eq!(status, 200, "{id}");
        assert!(!page.contains("does NOT verify"), "{id}: {page}");
        assert!(page.contains("Evidence signature verified."), "{id}");
        assert!(!page.contains("not received yet"), "{id}: every photo is up");
        let sha = page.split("<img src=\"/office/photos/").nth(1).and_then(|r| r.split('"').next()).expect("a photo");
        assert_eq!(sha.len(), 64);
        misuse += usize::from(page.contains("<td class=\"flag\">"));
    }
    assert_eq!(misuse, 2, "a fee charged and a loan book held");
    let (_, _, one) = web.get(&format!("/office/checks/{}", ids[0])).await;
    let sha = one.split("<img src=\"/office/photos/").nth(1).and_then(|r| r.split('"').next()).expect("a photo");
    let photo = web.http.get(format!("{}/office/photos/{sha}", s.url)).header("cookie", web.cookie.clone().unwrap());
    let photo = photo.send().await.expect("photo");
    assert_eq!(photo.status(), 200);
    assert_eq!(&photo.bytes().await.expect("bytes")[..2], [0xFF, 0xD8], "a JPEG");

    // The reviews: 01/KH-DEMO's first two communes, each from the leader and the secretary, merged under every
    // heading; its third commune has none.
    let reviews: Vec<ReviewRecord> =
        bodies(&s, "commune_review").await.iter().map(|b| serde_json::from_str(b).expect("a review")).collect();
    for (i, code) in first.commune_codes.iter().enumerate() {
        let here: Vec<_> =
            reviews.iter().filter(|r| &r.review.commune_code == code).map(|r| r.review.clone()).collect();
        let (status, _, page) = web.get(&format!("/office/plans/{}/communes/{code}/review", first.id)).await;
        assert_eq!(status, 200, "{code}");
        if i == 2 {
            assert!(here.is_empty());
            assert!(page.contains("No inspector has sent a review of this commune yet."), "{page}");
            continue;
        }
        assert_eq!(here.len(), 2, "{code}");
        assert!(here.iter().all(|r| r.plan_id == first.id));
        let merged = merge(&here);
        assert_eq!(merged.contributors.len(), 2);
        for h in HEADINGS {
            let under = merged.headings.iter().find(|m| m.key == h.key).expect("the heading");
            assert!(!under.contributions.is_empty(), "{code}: {} written", h.key);
        }
        let leader = here.iter().find(|r| r.headings.len() == HEADINGS.len()).expect("the leader's, every heading");
        assert!(leader.recommendations.len() >= 3 && leader.recommendations.iter().any(|r| r.to.starts_with("UBND ")));
        let secretary = here.iter().find(|r| !r.attendees.is_empty()).expect("the secretary's, with attendees");
        assert!(secretary.attendees.iter().any(|a| a.role.starts_with("Chủ tịch UBND")), "{:?}", secretary.attendees);
        assert!(secretary.opinions.len() >= 3);
        for words in ["Nguyễn Văn An", "Lăng Thị Mai", "họp thôn", "loa truyền thanh", "Trung tâm Dịch vụ việc làm"]
        {
            assert!(page.contains(words), "{code}: the review page says «{words}»");
        }
        assert!(!page.contains("Nothing written."), "{code}: every heading written");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_field_work_on_sqlite() {
    field_work(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_field_work_on_postgres() {
    field_work(Backend::Postgres).await;
}
