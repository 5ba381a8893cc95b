//! The dashboard pages rendered from real demo records and served by a real axum server over an in-memory
//! `DashboardData` (the test implementation): Vietnamese text, figures in the core's format, hostile names escaped,
//! and the verify button's POST changing what the list shows.

use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use vieclam_core::demo::{DemoSpec, generate};
use vieclam_server::dashboard::*;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
}

fn check(name: &str) -> CheckRow {
    CheckRow {
        id: "c1".into(),
        code: "KT-06613-0001".into(),
        borrower_name: name.into(),
        commune_name: "Đình Lập".into(),
        checked_on: day(),
        verdict: "Đang ở tại mô hình (cách 0 m).".into(),
        flags: vec!["Ảnh dùng lại".into()],
    }
}

#[test]
fn pages_show_real_figures_in_vietnamese_and_escape_everything() {
    let batch = generate(DemoSpec { loans: 100, seed: 7, as_of: day() }).unwrap();
    let outstanding: i64 = batch.loans.iter().map(|l| l.principal).sum();
    let o = DashboardOverview {
        loans: batch.loans.len() as u64,
        outstanding,
        last_sync: Some(day()),
        ..Default::default()
    };
    let html = render::overview(&o);
    assert!(html.contains("Dư nợ") && html.contains("Outstanding"));
    assert!(html.contains(&vieclam_core::format::money(outstanding)));
    assert!(html.contains("01/03/2026"));

    let real = &batch.borrowers[0].full_name;
    let html = render::checks(&[check(real), check("<script>alert(1)</script>")]);
    assert!(html.contains(real.as_str()));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script>"));
    assert!(html.contains("Ảnh dùng lại"));

    let detail = CheckDetail {
        check: check(real),
        inspector: "Lộc Văn Bình".into(),
        fix: Some((21.84612, 106.76104, 8.0)),
        answers: vec![
            AnswerView {
                question_vi: "Vốn vay được sử dụng đúng mục đích?".into(),
                question_en: "Is the loan used for its stated purpose?".into(),
                answer_vi: "Có".into(),
                answer_en: "Yes".into(),
                misuse_found: false,
            },
            AnswerView {
                question_vi: "Có hiện tượng vay ké (vay hộ người khác)?".into(),
                question_en: "Is the loan borrowed on someone else's behalf (vay ké)?".into(),
                answer_vi: "Có".into(),
                answer_en: "Yes".into(),
                misuse_found: true,
            },
        ],
        photos: vec![
            PhotoView {
                sha256: "ab".repeat(32),
                received: true,
                taken_at: "01/03/2026 09:14".into(),
                size_px: (1600, 1200),
                fix: Some((21.84610, 106.76100, 6.0)),
                camera_gps: Some((21.9, 106.8)),
                gps_gap_m: Some(7315.0),
                delay_min: Some(4),
                flags: vec!["Ảnh đã dùng ở phiếu kiểm tra khác / Photo already used in another check".into()],
            },
            // A hostile client's "hash": multi-byte text must neither panic nor reach the page unescaped.
            PhotoView { sha256: "ảnh<b>ảnh".repeat(3), received: false, ..Default::default() },
        ],
        evidence_verified: false,
        evidence: vec![EvidenceFinding {
            kind: "site_check".into(),
            record_id: "c1".into(),
            code: "evidence.changed_after_signing".into(),
            text: "Đã bị thay đổi sau khi ký / Changed after signing".into(),
            changed: vec![("verdict".into(), r#"{"place":"away"}"#.into(), r#"{"place":"at_site"}"#.into())],
        }],
        walk: None,
    };
    let html = render::check_detail(&detail);
    assert!(html.contains(&format!("<img src=\"/office/photos/{}\"", "ab".repeat(32))), "{html}");
    assert!(
        html.contains("Vốn vay được sử dụng đúng mục đích?") && html.contains("<td><span class=\"vi\">Có</span>"),
        "{html}"
    );
    // A sign of misuse answered "yes" stands out.
    assert!(html.contains("vay ké") && html.contains("<td class=\"flag\"><span class=\"vi\">Có</span>"), "{html}");
    // The photo's stamp: time, the phone's fix, the camera's own GPS and how far apart, its flag.
    assert!(html.contains("01/03/2026 09:14") && html.contains("21.84610, 106.76100 (± 6 m)"), "{html}");
    assert!(html.contains("21.90000, 106.80000 — 7315 m") && html.contains("Photo already used"), "{html}");
    assert!(html.contains("ảnh&lt;b&gt;ảnh") && !html.contains("ảnh<b>"), "{html}");
    assert!(html.contains("chưa nhận ảnh") && html.contains("KHÔNG hợp lệ"));
    // Both versions of a record changed after signing, escaped.
    assert!(html.contains("data-evidence=\"evidence.changed_after_signing\""), "{html}");
    assert!(html.contains("{&quot;place&quot;:&quot;away&quot;}") && html.contains("at_site"), "{html}");

    let import = ImportResultView {
        file_name: "du-no.csv".into(),
        accepted_rows: 1,
        applied: false,
        rejected: vec![(3, "Họ và tên".into(), "Cột «Họ và tên» đang trống.".into(), "Column is empty.".into())],
    };
    let html = render::import_result(&import);
    assert!(html.contains("Chưa nhập") && html.contains("«Họ và tên» đang trống"));
}

/// TEST IMPLEMENTATION of the storage layer: registrations in a vector.
struct Memory {
    registrations: Mutex<Vec<RegistrationRow>>,
}

impl DashboardData for Memory {
    async fn overview(&self) -> Result<DashboardOverview, String> {
        Ok(DashboardOverview {
            unverified_registrations: self.registrations.lock().unwrap().len() as u64,
            ..Default::default()
        })
    }
    async fn checks(&self) -> Result<Vec<CheckRow>, String> {
        Ok(vec![check("Hoàng Văn Minh")])
    }
    async fn check(&self, id: &str) -> Result<Option<CheckDetail>, String> {
        Ok((id == "c1").then(|| CheckDetail {
            check: check("Hoàng Văn Minh"),
            inspector: "A".into(),
            fix: None,
            answers: vec![],
            photos: vec![],
            evidence_verified: true,
            evidence: vec![],
            walk: None,
        }))
    }
    async fn map(&self) -> Result<(Vec<map::MapPoint>, Vec<map::PlanOption>), String> {
        Ok((vec![], vec![]))
    }
    async fn communes(
        &self,
        _since: Option<NaiveDate>,
        _plan: Option<String>,
    ) -> Result<(Vec<communes::CommuneFigures>, NaiveDate), String> {
        Ok((vec![], day()))
    }
    async fn plans(&self) -> Result<(Vec<plans::PlanProgress>, NaiveDate), String> {
        Ok((vec![], day()))
    }
    async fn users(&self) -> Result<Vec<users::UserRow>, String> {
        Ok(vec![])
    }
    async fn user_action(&self, _action: users::UserAction) -> Result<Result<String, String>, String> {
        Ok(Err("not in this test".into()))
    }
    async fn unverified_registrations(&self) -> Result<Vec<RegistrationRow>, String> {
        Ok(self.registrations.lock().unwrap().clone())
    }
    async fn reject_registration(&self, id: &str, reason: &str) -> Result<Result<bool, String>, String> {
        if reason.trim().is_empty() {
            return Ok(Err("Cần ghi lý do / Give the reason".into()));
        }
        self.verify_registration(id).await.map(Ok)
    }
    async fn verify_registration(&self, id: &str) -> Result<bool, String> {
        let mut regs = self.registrations.lock().unwrap();
        let before = regs.len();
        regs.retain(|r| r.id != id);
        Ok(regs.len() < before)
    }
}

#[tokio::test]
async fn served_pages_and_the_verify_button() {
    let reg = |id: &str, name: &str| RegistrationRow {
        id: id.into(),
        full_name: name.into(),
        commune_name: "Na Sầm".into(),
        country: "Hàn Quốc".into(),
        submitted_on: day(),
    };
    let data = Arc::new(Memory {
        registrations: Mutex::new(vec![reg("r1", "Triệu Thị Hằng"), reg("r2", "Hà Văn Nam")]),
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router(data)).await.unwrap() });
    let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();

    let page = http.get(format!("{base}/office/registrations")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Triệu Thị Hằng") && page.contains("action=\"/office/registrations/r1/verify\""));
    let r = http.post(format!("{base}/office/registrations/r1/verify")).send().await.unwrap();
    assert_eq!(r.status(), 303);
    let page = http.get(format!("{base}/office/registrations")).send().await.unwrap().text().await.unwrap();
    assert!(!page.contains("Triệu Thị Hằng") && page.contains("Hà Văn Nam"));
    assert_eq!(http.post(format!("{base}/office/registrations/zz/verify")).send().await.unwrap().status(), 404);
    assert_eq!(http.get(format!("{base}/office/checks/c1")).send().await.unwrap().status(), 200);
    assert_eq!(http.get(format!("{base}/office/checks/nope")).send().await.unwrap().status(), 404);
    let front = http.get(format!("{base}/office")).send().await.unwrap().text().await.unwrap();
    assert!(front.contains("Đăng ký chờ xác minh"));
}
