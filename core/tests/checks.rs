//! Site checks over a real encrypted store holding a 200-loan demo province: the lifecycle from start to a locked
//! check, corrections, photo flags, the one-outbox-entry-per-step rule, refusals that write nothing, and the
//! commune minutes with their printable HTML.

use std::cell::RefCell;
use std::sync::OnceLock;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use rusqlite::Transaction;
use serde_json::Value;
use vieclam_core::checks::checklist::{self, AnswerValue, QUESTIONS};
use vieclam_core::checks::findings::{CommuneFindings, record_findings};
use vieclam_core::checks::lifecycle::{
    self as lc, CheckFix, CheckState, CheckVerdict, EvidenceSigner, NoSigner, PhotoInput, PhotoRules,
};
use vieclam_core::checks::minutes::minutes;
use vieclam_core::checks::minutes_html::minutes_html;
use vieclam_core::demo::{self, DemoSpec};
use vieclam_core::{DbKey, Error, Lang, Store};

const AS_OF: NaiveDate = NaiveDate::from_ymd_opt(2025, 10, 20).unwrap();
const KEY: DbKey = DbKey::Raw([7; 32]);

/// A fresh copy of one demo store per test (loading the demo once keeps the suite quick).
fn store() -> (tempfile::TempDir, Store) {
    static TEMPLATE: OnceLock<tempfile::TempDir> = OnceLock::new();
    let template = TEMPLATE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(dir.path().join("t.db"), &KEY).unwrap();
        demo::load(&mut s, DemoSpec { loans: 200, seed: 1, as_of: AS_OF }).unwrap();
        dir
    });
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(template.path().join("t.db"), dir.path().join("c.db")).unwrap();
    let s = Store::open(dir.path().join("c.db"), &KEY).unwrap();
    (dir, s)
}

/// The plan's id and the plan commune with the most sites, with its sites.
fn plan_commune(s: &Store) -> (String, String, Vec<String>) {
    let (plan, commune): (String, String) = s
        .raw_connection_for_tests()
        .query_row(
            "SELECT pc.plan_id, pc.commune_code FROM plan_communes pc JOIN sites st ON st.commune_code = pc.commune_code
             GROUP BY pc.plan_id, pc.commune_code ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let sites = s
        .raw_connection_for_tests()
        .prepare("SELECT id FROM sites WHERE commune_code = ?1 ORDER BY id")
        .unwrap()
        .query_map([&commune], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<Vec<String>>>()
        .unwrap();
    (plan, commune, sites)
}

/// 14/10/2025 08:30 in Lạng Sơn.
fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 10, 14, 1, 30, 0).unwrap()
}

fn fix(at: DateTime<Utc>) -> CheckFix {
    CheckFix {
        lat: 21.5432,
        lon: 107.1012,
        accuracy_m: 8.0,
        altitude_m: Some(412.0),
        time: at,
        provider: "gps".into(),
        satellites: Some(11),
        mocked: false,
    }
}

fn verdict() -> CheckVerdict {
    CheckVerdict { place: "at_site".into(), distance_m: 12.0, accuracy_m: 8.0, in_commune: true }
}

fn photo(sha_byte: u8, minutes_after: i64) -> PhotoInput {
    let at = t0() + Duration::minutes(minutes_after);
    PhotoInput {
        sha256: format!("{sha_byte:02x}").repeat(32),
        width: 1600,
        height: 1200,
        size_bytes: 312_000,
        taken_at: at,
        fix: fix(at),
        source_gps: Some((21.5433, 107.1013)),
    }
}

fn outbox_len(s: &Store) -> usize {
    s.pending_outbox().unwrap().len()
}

fn count(s: &Store, table: &str) -> i64 {
    s.raw_connection_for_tests().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

fn codes(e: Error) -> Vec<String> {
    match e {
        Error::Invalid(fields) => fields.into_iter().map(|f| f.code).collect(),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

/// Answers every required question (jobs as given) and the borrower's opinion.
fn answer_all(s: &mut Store, id: &str, jobs: f64, opinion: &str) {
    let answers = [
        ("purpose_kept", AnswerValue::YesNo(true)),
        ("model_type", AnswerValue::Choice("livestock".into())),
        ("model_state", AnswerValue::Choice("good".into())),
        ("jobs_created", AnswerValue::Number(jobs)),
        ("jobs_kept", AnswerValue::Number(1.0)),
        ("effectiveness", AnswerValue::Choice("effective".into())),
        ("repayment_state", AnswerValue::Choice("on_time".into())),
        ("misuse_fees", AnswerValue::YesNo(false)),
        ("misuse_principal_collected", AnswerValue::YesNo(false)),
        ("misuse_vay_ke", AnswerValue::YesNo(false)),
        ("misuse_misappropriation", AnswerValue::YesNo(false)),
        ("misuse_book_held", AnswerValue::YesNo(false)),
        ("borrower_opinions", AnswerValue::Text(opinion.into())),
    ];
    for (k, v) in answers {
        lc::answer(s, &NoSigner, id, k, v).unwrap();
    }
}

fn started(s: &mut Store, site: &str) -> String {
    lc::start(s, &NoSigner, site, &fix(t0()), &verdict(), t0()).unwrap()
}

#[test]
fn a_full_check_goes_from_start_to_a_locked_record() {
    let (_d, mut s) = store();
    let (_, commune, sites) = plan_commune(&s);
    let id = started(&mut s, &sites[0]);
    let d = lc::check(&s, &id, Lang::Vi).unwrap();
    assert_eq!(d.code, format!("KT-{commune}-0001"));
    assert_eq!(d.title, format!("Phiếu kiểm tra KT-{commune}-0001"));
    assert_eq!((d.state, d.locked, d.can_finish), (CheckState::Open, false, false));
    assert_eq!(d.missing_required.len(), QUESTIONS.iter().filter(|q| q.required).count());
    let missing = d.missing_text.as_deref().expect("a missing sentence");
    assert!(missing.starts_with("Còn thiếu: ") && !missing.contains("purpose_kept"), "{missing}");
    assert!(missing.contains(checklist::question("purpose_kept").unwrap().prompt.get(Lang::Vi)), "{missing}");
    let value = |label: &str| d.fields.iter().find(|f| f.label == label).map(|f| f.value.clone());
    assert_eq!(value("Bắt đầu").as_deref(), Some("14/10/2025 08:30"), "shown in Vietnam time");
    assert_eq!(value("Đánh giá vị trí").as_deref(), Some("Tại mô hình"));
    assert_eq!(value("Khoảng cách tới mô hình").as_deref(), Some("12 m"));

    answer_all(&mut s, &id, 2.0, "Cần thêm vốn");
    let added = lc::add_photo(&mut s, &NoSigner, &id, &photo(0xab, 10), &PhotoRules::default()).unwrap();
    assert!(added.flags.codes().is_empty(), "a fresh photo near the fix, on time: {:?}", added.flags);
    assert_eq!(added.flags.delay_min, 10);
    lc::finish(&mut s, &NoSigner, &id, t0() + Duration::minutes(40)).unwrap();

    let d = lc::check(&s, &id, Lang::Vi).unwrap();
    assert_eq!((d.state, d.locked, d.can_finish), (CheckState::Finished, true, false));
    assert!(d.missing_required.is_empty());
    assert_eq!(d.missing_text, None);
    let jobs = d.answers.iter().find(|a| a.key == "jobs_created").unwrap();
    assert_eq!((jobs.label.as_str(), jobs.value_text.as_str()), ("Số lao động được tạo việc làm mới", "2 người"));
    let fees = d.answers.iter().find(|a| a.key == "misuse_fees").unwrap();
    assert_eq!((fees.value_text.as_str(), fees.misuse_found), ("Không", false));
    assert_eq!(d.photos.len(), 1);
    assert_eq!(d.photos[0].dimensions_text, "1600 × 1200");
    assert_eq!(d.fields.iter().find(|f| f.label == "Kết thúc").unwrap().value, "14/10/2025 09:10");
    let en = lc::check(&s, &id, Lang::En).unwrap();
    assert_eq!(en.answers[0].label, "Is the loan used for its stated purpose?");
    assert_eq!(en.answers[0].value_text, "Yes");
}

#[test]
fn finish_lists_every_required_question_still_open() {
    let (_d, mut s) = store();
    let (_, _, sites) = plan_commune(&s);
    let id = started(&mut s, &sites[0]);
    lc::answer(&mut s, &NoSigner, &id, "purpose_kept", AnswerValue::YesNo(true)).unwrap();
    lc::answer(&mut s, &NoSigner, &id, "inspector_remark", AnswerValue::Text("  ".into())).unwrap();
    let before = outbox_len(&s);
    let Err(Error::Invalid(missing)) = lc::finish(&mut s, &NoSigner, &id, t0()) else { panic!("must refuse") };
    let keys: Vec<&str> = missing.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(keys.len(), QUESTIONS.iter().filter(|q| q.required).count() - 1);
    assert!(keys.contains(&"jobs_created") && keys.contains(&"misuse_vay_ke") && !keys.contains(&"purpose_kept"));
    assert!(missing.iter().all(|f| f.code == "answer.required"));
    assert_eq!(outbox_len(&s), before);
    assert_eq!(lc::check(&s, &id, Lang::Vi).unwrap().state, CheckState::Open);
}

#[test]
fn a_finished_check_refuses_changes() {
    let (_d, mut s) = store();
    let (_, _, sites) = plan_commune(&s);
    let id = started(&mut s, &sites[0]);
    answer_all(&mut s, &id, 1.0, "");
    lc::finish(&mut s, &NoSigner, &id, t0() + Duration::minutes(30)).unwrap();
    let (outbox, answers) = (outbox_len(&s), count(&s, "check_answers"));
    let e = lc::answer(&mut s, &NoSigner, &id, "jobs_created", AnswerValue::Number(5.0)).unwrap_err();
    assert_eq!(codes(e), ["check.locked"]);
    let e = lc::add_photo(&mut s, &NoSigner, &id, &photo(1, 5), &PhotoRules::default()).unwrap_err();
    assert_eq!(codes(e), ["check.locked"]);
    let e = lc::finish(&mut s, &NoSigner, &id, t0()).unwrap_err();
    assert_eq!(codes(e), ["check.locked"]);
    assert_eq!((outbox_len(&s), count(&s, "check_answers"), count(&s, "check_photos")), (outbox, answers, 0));
    let jobs = lc::check(&s, &id, Lang::Vi).unwrap().answers.into_iter().find(|a| a.key == "jobs_created").unwrap();
    assert_eq!(jobs.value_text, "1 người");
}

#[test]
fn a_correction_makes_revision_two_with_its_reason() {
    let (_d, mut s) = store();
    let (_, _, sites) = plan_commune(&s);
    let id = started(&mut s, &sites[0]);
    assert_eq!(codes(lc::correct(&mut s, &NoSigner, &id, "sai số").unwrap_err()), ["check.not_finished"]);
    answer_all(&mut s, &id, 1.0, "");
    lc::finish(&mut s, &NoSigner, &id, t0() + Duration::minutes(30)).unwrap();
    assert_eq!(codes(lc::correct(&mut s, &NoSigner, &id, "  \n ").unwrap_err()), ["check.reason_required"]);

    let rev = lc::correct(&mut s, &NoSigner, &id, " Nhập nhầm  số lao động ").unwrap();
    assert_ne!(rev, id);
    let d = lc::check(&s, &rev, Lang::Vi).unwrap();
    assert_eq!((d.revision, d.state), (2, CheckState::Open));
    assert!(d.title.ends_with("(điều chỉnh lần 1)"), "{}", d.title);
    assert!(d.fields.iter().any(|f| f.label == "Lý do điều chỉnh" && f.value == "Nhập nhầm số lao động"));
    assert!(d.missing_required.is_empty(), "answers were copied");
    let (revises, code_old, code_new): (String, String, String) = s
        .raw_connection_for_tests()
        .query_row(
            "SELECT n.revises, o.code, n.code FROM site_checks n JOIN site_checks o ON o.id = n.revises
             WHERE n.id = ?1",
            [&rev],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((revises.as_str(), code_old), (id.as_str(), code_new));

    lc::answer(&mut s, &NoSigner, &rev, "jobs_created", AnswerValue::Number(4.0)).unwrap();
    let original = lc::check(&s, &id, Lang::Vi).unwrap();
    assert_eq!(original.answers.iter().find(|a| a.key == "jobs_created").unwrap().value_text, "1 người");
    assert_eq!(codes(lc::correct(&mut s, &NoSigner, &id, "lần nữa").unwrap_err()), ["check.superseded"]);
    // The list shows the visit once, at its latest revision.
    let list = lc::checks_for_commune(&s, &original.code[3..8], Lang::Vi).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!((list[0].check_id.as_str(), list[0].revision), (rev.as_str(), 2));
}

#[test]
fn a_photo_reused_across_two_visits_is_flagged() {
    let (_d, mut s) = store();
    let (_, _, sites) = plan_commune(&s);
    let rules = PhotoRules::default();
    let a = started(&mut s, &sites[0]);
    let b = started(&mut s, &sites[1 % sites.len()]);
    assert!(!lc::add_photo(&mut s, &NoSigner, &a, &photo(0x5c, 3), &rules).unwrap().flags.reused);
    let again = PhotoInput { sha256: "5C".repeat(32), ..photo(0x5c, 4) };
    let flagged = lc::add_photo(&mut s, &NoSigner, &b, &again, &rules).unwrap();
    assert_eq!(flagged.flags.codes(), ["reused"], "same hash, whatever its case");
    let e = lc::add_photo(&mut s, &NoSigner, &a, &photo(0x5c, 6), &rules).unwrap_err();
    assert_eq!(codes(e), ["photo.duplicate"]);
    let d = lc::check(&s, &b, Lang::Vi).unwrap();
    assert_eq!(d.photos[0].flags_text, ["Ảnh đã dùng ở phiếu kiểm tra khác"]);
    let commune = &d.code[3..8];
    let listed = lc::checks_for_commune(&s, commune, Lang::Vi).unwrap();
    assert_eq!(listed.iter().find(|r| r.check_id == b).unwrap().flagged_photos, 1);

    // A correction of the same visit is not "another check".
    lc::add_photo(&mut s, &NoSigner, &a, &photo(0x6d, 8), &rules).unwrap();
    answer_all(&mut s, &a, 1.0, "");
    lc::finish(&mut s, &NoSigner, &a, t0() + Duration::minutes(20)).unwrap();
    let rev = lc::correct(&mut s, &NoSigner, &a, "thêm ảnh").unwrap();
    let p = lc::add_photo(&mut s, &NoSigner, &rev, &photo(0x6d, 50), &rules).unwrap();
    assert!(!p.flags.reused);
    let p = lc::add_photo(&mut s, &NoSigner, &rev, &photo(0x5c, 51), &rules).unwrap();
    assert!(p.flags.reused, "still in visit b");
    assert_eq!(lc::check(&s, &rev, Lang::Vi).unwrap().photos.len(), 4, "photos of the whole visit");
}

#[test]
fn late_and_far_photos_are_flagged_in_words() {
    let (_d, mut s) = store();
    let (_, _, sites) = plan_commune(&s);
    let id = started(&mut s, &sites[0]);
    let rules = PhotoRules { photo_gps_disagree_m: 100.0, photo_max_delay_min: 60 };
    let on_time = lc::add_photo(&mut s, &NoSigner, &id, &photo(1, 60), &rules).unwrap();
    assert!(!on_time.flags.late, "exactly the limit is not late");
    let late = lc::add_photo(&mut s, &NoSigner, &id, &photo(2, 61), &rules).unwrap();
    assert_eq!(late.flags.codes(), ["late"]);
    // 0.01° of latitude is about 1.1 km.
    let far = PhotoInput { source_gps: Some((21.5532, 107.1012)), ..photo(3, 5) };
    let far = lc::add_photo(&mut s, &NoSigner, &id, &far, &rules).unwrap();
    assert_eq!(far.flags.codes(), ["gps_disagrees"]);
    assert!((far.flags.gps_gap_m.unwrap() - 1_112.0).abs() < 5.0);
    let no_exif = PhotoInput { source_gps: None, ..photo(4, 5) };
    assert!(lc::add_photo(&mut s, &NoSigner, &id, &no_exif, &rules).unwrap().flags.codes().is_empty());
    let d = lc::check(&s, &id, Lang::Vi).unwrap();
    let texts: Vec<String> = d.photos.iter().flat_map(|p| p.flags_text.clone()).collect();
    assert!(texts.contains(&"Ảnh chụp 61 phút sau khi bắt đầu kiểm tra".to_owned()), "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("Tọa độ trong ảnh lệch 111")), "{texts:?}");
}

#[test]
fn invalid_input_writes_nothing() {
    let (_d, mut s) = store();
    let (_, _, sites) = plan_commune(&s);
    let id = started(&mut s, &sites[0]);
    let snapshot = |s: &Store| {
        let hlc: String = s
            .raw_connection_for_tests()
            .query_row("SELECT value FROM meta WHERE key = 'hlc'", [], |r| r.get(0))
            .unwrap();
        (outbox_len(s), count(s, "check_answers"), count(s, "check_photos"), count(s, "site_checks"), hlc)
    };
    let before = snapshot(&s);
    let bad = [
        ("purpose_kept", AnswerValue::Text("có".into()), "answer.kind_mismatch"),
        ("jobs_created", AnswerValue::Number(-1.0), "answer.out_of_range"),
        ("jobs_kept", AnswerValue::Number(1.5), "answer.not_whole"),
        ("model_state", AnswerValue::Choice("excellent".into()), "answer.unknown_choice"),
        ("colour_of_roof", AnswerValue::Text("đỏ".into()), "answer.unknown_question"),
    ];
    for (key, value, code) in bad {
        let e = lc::answer(&mut s, &NoSigner, &id, key, value).unwrap_err();
        let Error::Invalid(fields) = &e else { panic!("{e:?}") };
        assert_eq!((fields[0].field.as_str(), fields[0].code.as_str()), (key, code));
        assert!(!e.message(Lang::Vi).is_empty() && fields[0].message.vi != fields[0].message.en);
        assert_eq!(snapshot(&s), before, "{code} changed the store");
    }
    let bad_fix = CheckFix { lat: 91.0, ..fix(t0()) };
    let e = lc::start(&mut s, &NoSigner, &sites[0], &bad_fix, &verdict(), t0()).unwrap_err();
    assert_eq!(codes(e), ["fix.invalid"]);
    let bad_photo = PhotoInput { sha256: "xyz".into(), ..photo(9, 1) };
    let e = lc::add_photo(&mut s, &NoSigner, &id, &bad_photo, &PhotoRules::default()).unwrap_err();
    assert_eq!(codes(e), ["photo.invalid"]);
    let e = lc::start(&mut s, &NoSigner, "no-such-site", &fix(t0()), &verdict(), t0()).unwrap_err();
    assert!(matches!(e, Error::NotFound { entity: "site", .. }));
    assert_eq!(snapshot(&s), before);
}

#[test]
fn every_step_adds_exactly_one_outbox_entry() {
    let (_d, mut s) = store();
    let (plan, commune, sites) = plan_commune(&s);
    let mut seen = Vec::new();
    let mut step = |s: &Store, what: &str| {
        let all = s.pending_outbox().unwrap();
        assert_eq!(all.len(), seen.len() + 1, "{what}");
        let last = all.last().unwrap();
        seen.push(format!("{} {}", last.entity, last.op));
    };
    let id = started(&mut s, &sites[0]);
    step(&s, "start");
    lc::answer(&mut s, &NoSigner, &id, "jobs_created", AnswerValue::Number(2.0)).unwrap();
    step(&s, "answer");
    lc::answer(&mut s, &NoSigner, &id, "jobs_created", AnswerValue::Number(3.0)).unwrap();
    step(&s, "answer again");
    lc::add_photo(&mut s, &NoSigner, &id, &photo(7, 2), &PhotoRules::default()).unwrap();
    step(&s, "photo");
    for q in QUESTIONS.iter().filter(|q| q.required && q.key != "jobs_created") {
        let v = match q.kind {
            checklist::QuestionKind::YesNo => AnswerValue::YesNo(false),
            checklist::QuestionKind::Number { .. } => AnswerValue::Number(0.0),
            checklist::QuestionKind::Choice { options } => AnswerValue::Choice(options[0].key.into()),
            checklist::QuestionKind::Text { .. } => AnswerValue::Text("x".into()),
        };
        lc::answer(&mut s, &NoSigner, &id, q.key, v).unwrap();
        step(&s, q.key);
    }
    lc::finish(&mut s, &NoSigner, &id, t0() + Duration::minutes(30)).unwrap();
    step(&s, "finish");
    lc::correct(&mut s, &NoSigner, &id, "sửa").unwrap();
    step(&s, "correct");
    let notes =
        CommuneFindings { commune_code: commune, plan_id: plan, findings: "Tốt".into(), ..Default::default() };
    record_findings(&mut s, &NoSigner, &notes, t0()).unwrap();
    step(&s, "findings");
    record_findings(&mut s, &NoSigner, &notes, t0()).unwrap();
    step(&s, "findings again");
    assert_eq!(&seen[..4], ["site_check insert", "check_answer insert", "check_answer update", "check_photo insert"]);
    assert_eq!(
        &seen[seen.len() - 4..],
        ["site_check update", "site_check insert", "commune_findings insert", "commune_findings update"]
    );
    // The revision's outbox record carries its answers and reason.
    let rev = &s.pending_outbox().unwrap()[seen.len() - 3];
    let payload: serde_json::Value = serde_json::from_str(&rev.payload).unwrap();
    assert_eq!(payload["revision"], 2);
    assert_eq!(payload["revision_reason"], "sửa");
    assert_eq!(payload["answers"].as_array().unwrap().len(), QUESTIONS.iter().filter(|q| q.required).count());
}

/// Writes a row in the signer's transaction and hands back a reference, like the real chain does.
struct RecordingSigner(RefCell<Vec<String>>);

impl EvidenceSigner for RecordingSigner {
    fn sign_record(
        &self,
        tx: &Transaction,
        kind: &str,
        id: &str,
        body: &Value,
    ) -> vieclam_core::Result<Option<String>> {
        assert!(body.is_object());
        let n = self.0.borrow().len();
        tx.execute("INSERT INTO meta (key, value) VALUES (?1, ?2)", [format!("link-{n}"), format!("{kind} {id}")])?;
        self.0.borrow_mut().push(kind.to_owned());
        Ok(Some(format!("link-{n}")))
    }
}

struct FailingSigner;

impl EvidenceSigner for FailingSigner {
    fn sign_record(&self, tx: &Transaction, _: &str, _: &str, _: &Value) -> vieclam_core::Result<Option<String>> {
        tx.execute("INSERT INTO meta (key, value) VALUES ('half-written', 'x')", [])?;
        Err(Error::BadArgument("the keystore is locked".into()))
    }
}

#[test]
fn signing_happens_in_the_step_and_a_failed_signature_writes_nothing() {
    let (_d, mut s) = store();
    let (_, _, sites) = plan_commune(&s);
    let signer = RecordingSigner(RefCell::new(Vec::new()));
    let id = lc::start(&mut s, &signer, &sites[0], &fix(t0()), &verdict(), t0()).unwrap();
    lc::answer(&mut s, &signer, &id, "purpose_kept", AnswerValue::YesNo(true)).unwrap();
    lc::add_photo(&mut s, &signer, &id, &photo(3, 1), &PhotoRules::default()).unwrap();
    assert_eq!(*signer.0.borrow(), ["site_check", "check_answer", "check_photo"]);
    let (start_ref, photo_ref): (String, String) = s
        .raw_connection_for_tests()
        .query_row(
            "SELECT c.signature, p.signature FROM site_checks c JOIN check_photos p ON p.check_id = c.id
             WHERE c.id = ?1",
            [&id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((start_ref.as_str(), photo_ref.as_str()), ("link-0", "link-2"));

    let before = (outbox_len(&s), count(&s, "check_answers"), count(&s, "site_checks"), count(&s, "meta"));
    assert!(lc::start(&mut s, &FailingSigner, &sites[0], &fix(t0()), &verdict(), t0()).is_err());
    assert!(lc::answer(&mut s, &FailingSigner, &id, "jobs_kept", AnswerValue::Number(1.0)).is_err());
    assert_eq!((outbox_len(&s), count(&s, "check_answers"), count(&s, "site_checks"), count(&s, "meta")), before);
}

#[test]
fn minutes_count_what_was_entered_and_print_safely() {
    let (_d, mut s) = store();
    let (plan, commune, sites) = plan_commune(&s);
    assert!(sites.len() >= 2, "the demo commune has sites to visit");
    let a = started(&mut s, &sites[0]);
    answer_all(&mut s, &a, 2.0, "Muốn vay thêm <script>alert(1)</script>");
    lc::answer(&mut s, &NoSigner, &a, "misuse_vay_ke", AnswerValue::YesNo(true)).unwrap();
    lc::finish(&mut s, &NoSigner, &a, t0() + Duration::minutes(30)).unwrap();
    let b = started(&mut s, &sites[1]);
    answer_all(&mut s, &b, 3.0, "");
    lc::answer(&mut s, &NoSigner, &b, "purpose_kept", AnswerValue::YesNo(false)).unwrap();
    lc::answer(&mut s, &NoSigner, &b, "model_state", AnswerValue::Choice("poor".into())).unwrap();
    lc::finish(&mut s, &NoSigner, &b, t0() + Duration::hours(2)).unwrap();
    let open = started(&mut s, &sites[0]);
    answer_all(&mut s, &open, 9.0, "not finished, not counted");
    let notes = CommuneFindings {
        commune_code: commune.clone(),
        plan_id: plan.clone(),
        findings: "Các hộ vay sử dụng vốn cơ bản đúng mục đích.".into(),
        recommendations: "Tăng cường tuyên truyền.\n\nTập huấn xây dựng dự án vay vốn.".into(),
        opinions: "Chủ tịch UBND xã: nhất trí <b>".into(),
    };
    record_findings(&mut s, &NoSigner, &notes, t0()).unwrap();

    let m = minutes(&s, &commune, &plan, AS_OF, Lang::Vi).unwrap();
    let f = &m.figures;
    assert_eq!((f.checks, f.purpose_kept, f.purpose_answered, f.jobs_created, f.jobs_kept), (2, 1, 2, 5, 2));
    let loans: Vec<String> = s
        .raw_connection_for_tests()
        .prepare("SELECT DISTINCT loan_id FROM site_checks WHERE id IN (?1, ?2)")
        .unwrap()
        .query_map([&a, &b], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(f.loans as usize, loans.len());
    let outstanding: i64 =
        loans.iter().map(|l| vieclam_core::query::facts::load(&s, l).unwrap().status(AS_OF, 0).outstanding).sum();
    assert_eq!(f.outstanding, outstanding);
    assert!(f.outstanding > 0);
    let states = [("good".into(), 1), ("average".into(), 0), ("poor".into(), 1), ("abandoned".into(), 0)];
    assert_eq!(f.models_by_state, states);
    let vay_ke = f.misuse.iter().find(|(k, _)| k == "misuse_vay_ke").unwrap();
    assert_eq!(vay_ke.1.len(), 1);
    assert!(vay_ke.1[0].ends_with("-0001)"), "{:?}", vay_ke.1);
    assert_eq!(m.title, "Biên bản kiểm tra");
    assert_eq!(m.sections.len(), 5);
    assert_eq!(m.sections[4].lines, ["Tăng cường tuyên truyền.", "Tập huấn xây dựng dự án vay vốn."]);

    // A correction counts once finished; until then the finished revision stands.
    let rev = lc::correct(&mut s, &NoSigner, &b, "đếm lại lao động").unwrap();
    lc::answer(&mut s, &NoSigner, &rev, "jobs_created", AnswerValue::Number(10.0)).unwrap();
    assert_eq!(minutes(&s, &commune, &plan, AS_OF, Lang::Vi).unwrap().figures.jobs_created, 5);
    lc::finish(&mut s, &NoSigner, &rev, t0() + Duration::hours(3)).unwrap();
    let m = minutes(&s, &commune, &plan, AS_OF, Lang::Vi).unwrap();
    assert_eq!((m.figures.checks, m.figures.jobs_created), (2, 12));

    let html = minutes_html(&m);
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<html lang=\"vi\">"));
    assert!(html.contains("<h1>Biên bản kiểm tra</h1>"));
    assert!(html.contains("@page { size: A4;"));
    assert!(!html.contains("<script>") && !html.contains("<b>"), "text is escaped");
    assert!(html.contains("Muốn vay thêm &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("Có hiện tượng vay ké"));
    assert!(!html.contains("http"), "self-contained");
    let en = minutes_html(&minutes(&s, &commune, &plan, AS_OF, Lang::En).unwrap());
    assert!(en.contains("<h1>Inspection minutes</h1>") && en.contains("<html lang=\"en\">"));
}

#[test]
fn findings_outside_the_plan_are_refused() {
    let (_d, mut s) = store();
    let (plan, _, _) = plan_commune(&s);
    let outside = vieclam_core::places::communes()
        .iter()
        .map(|c| c.code.clone())
        .find(|c| {
            let n: i64 = s
                .raw_connection_for_tests()
                .query_row("SELECT count(*) FROM plan_communes WHERE commune_code = ?1", [c], |r| r.get(0))
                .unwrap();
            n == 0
        })
        .unwrap();
    let notes = CommuneFindings { commune_code: outside, plan_id: plan, ..Default::default() };
    assert_eq!(codes(record_findings(&mut s, &NoSigner, &notes, t0()).unwrap_err()), ["findings.plan_unknown"]);
    assert_eq!(outbox_len(&s), 0);
}

proptest! {
    #[test]
    fn counts_are_accepted_exactly_within_their_range(n in -50i64..1_100) {
        let r = checklist::validate("jobs_created", AnswerValue::Number(n as f64));
        if (0..=1_000).contains(&n) {
            prop_assert_eq!(r.unwrap().1, AnswerValue::Number(n as f64));
        } else {
            prop_assert_eq!(r.unwrap_err().code, "answer.out_of_range");
        }
    }

    #[test]
    fn text_is_kept_trimmed_whatever_it_holds(text in "\\PC{0,200}") {
        let (_, v) = checklist::validate("borrower_requests", AnswerValue::Text(text.clone())).unwrap();
        prop_assert_eq!(v, AnswerValue::Text(text.trim().to_owned()));
    }
}

#[test]
fn an_opinion_typed_key_by_key_is_signed_once_when_left_and_drafts_are_signed_at_finish() {
    let (_d, mut s) = store();
    let (_, _, sites) = plan_commune(&s);
    let signer = RecordingSigner(RefCell::new(Vec::new()));
    let id = lc::start(&mut s, &signer, &sites[0], &fix(t0()), &verdict(), t0()).unwrap();
    let outbox_before = outbox_len(&s);
    let opinion = "Cần thêm vốn để mở rộng chuồng";
    let mut typed = String::new();
    for c in opinion.chars() {
        typed.push(c);
        lc::draft_answer(&mut s, &id, "borrower_opinions", AnswerValue::Text(typed.clone())).unwrap();
    }
    assert_eq!(*signer.0.borrow(), ["site_check"], "typing signs nothing");
    let shown = lc::check(&s, &id, Lang::Vi).unwrap();
    assert_eq!(shown.answers.iter().find(|a| a.key == "borrower_opinions").unwrap().value_text, opinion, "shown");
    assert_eq!(outbox_len(&s), outbox_before, "typing queues nothing");
    assert_eq!(lc::settle_drafts(&mut s, &signer, &id, Some("borrower_opinions")).unwrap(), 1);
    assert_eq!(*signer.0.borrow(), ["site_check", "check_answer"]);
    assert_eq!(outbox_len(&s), outbox_before + 1);
    // Leaving the question again, or a draft equal to the signed answer, signs nothing more.
    lc::draft_answer(&mut s, &id, "borrower_opinions", AnswerValue::Text(opinion.into())).unwrap();
    assert_eq!(lc::settle_drafts(&mut s, &signer, &id, None).unwrap(), 0);
    assert_eq!(count(&s, "check_answer_drafts"), 0);

    // A draft still open when the check is finished is signed then, once, with the rest.
    answer_all(&mut s, &id, 2.0, opinion);
    lc::draft_answer(&mut s, &id, "inspector_remark", AnswerValue::Text("Đ".into())).unwrap();
    lc::draft_answer(&mut s, &id, "inspector_remark", AnswerValue::Text("Đúng".into())).unwrap();
    let links = signer.0.borrow().len();
    lc::finish(&mut s, &signer, &id, t0() + Duration::minutes(30)).unwrap();
    assert_eq!(signer.0.borrow()[links..], ["check_answer", "site_check"]);
    let d = lc::check(&s, &id, Lang::Vi).unwrap();
    assert_eq!(d.answers.iter().find(|a| a.key == "inspector_remark").unwrap().value_text, "Đúng");
    assert!(matches!(
        lc::draft_answer(&mut s, &id, "inspector_remark", AnswerValue::Text("x".into())),
        Err(Error::Invalid(_))
    ));
}

#[test]
fn open_checks_list_what_this_device_left_unfinished() {
    let (_d, mut s) = store();
    let (_, _, sites) = plan_commune(&s);
    assert!(lc::open_checks(&s, Lang::Vi).unwrap().is_empty());
    let first = started(&mut s, &sites[0]);
    let second = started(&mut s, &sites[1]);
    let open = lc::open_checks(&s, Lang::En).unwrap();
    let ids: Vec<&str> = open.iter().map(|r| r.check_id.as_str()).collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&first.as_str()) && ids.contains(&second.as_str()));
    let row = open.iter().find(|r| r.check_id == first).unwrap();
    assert_eq!(row.site_id, sites[0]);
    assert_eq!(row.state_text, "Open");
    answer_all(&mut s, &first, 1.0, "Tốt");
    lc::finish(&mut s, &NoSigner, &first, t0() + Duration::minutes(20)).unwrap();
    let open = lc::open_checks(&s, Lang::Vi).unwrap();
    assert_eq!(open.iter().map(|r| r.check_id.clone()).collect::<Vec<_>>(), [second]);
}

#[test]
fn the_borrowers_loan_screen_shows_what_the_last_inspection_found() {
    let (_d, mut s) = store();
    let (_, _, sites) = plan_commune(&s);
    let loan: String = s
        .raw_connection_for_tests()
        .query_row(
            "SELECT loan_id FROM sites st JOIN funded_models m ON m.id = st.model_id WHERE st.id = ?1",
            [&sites[0]],
            |r| r.get(0),
        )
        .unwrap();
    let labels = |s: &Store| -> Vec<(String, String)> {
        let d = vieclam_core::query::loans::loan_detail(s, &loan, AS_OF, 30, Lang::Vi).unwrap();
        d.fields.into_iter().map(|f| (f.label, f.value)).collect()
    };
    // Never inspected: nothing claimed; an open check is not a result either.
    assert!(!labels(&s).iter().any(|(l, _)| l == "Lần kiểm tra gần nhất"));
    let id = started(&mut s, &sites[0]);
    answer_all(&mut s, &id, 2.0, "Tốt");
    assert!(!labels(&s).iter().any(|(l, _)| l == "Lần kiểm tra gần nhất"));
    lc::finish(&mut s, &NoSigner, &id, t0() + Duration::minutes(30)).unwrap();
    let code: String = s
        .raw_connection_for_tests()
        .query_row("SELECT code FROM site_checks WHERE id = ?1", [&id], |r| r.get(0))
        .unwrap();
    let fields = labels(&s);
    let at = fields.iter().position(|(l, _)| l == "Lần kiểm tra gần nhất").expect("the inspection is shown");
    assert_eq!(fields[at].1, format!("14/10/2025 (biên bản {code})"));
    assert_eq!(fields[at + 1], ("Vốn vay được sử dụng đúng mục đích?".into(), "Có".into()));
    assert_eq!(fields[at + 2], ("Tình trạng mô hình".into(), "Tốt".into()));
    assert_eq!(fields[at + 3], ("Hiệu quả của mô hình".into(), "Hiệu quả".into()));
    // The bank's office is named beside the group leader and the transaction point: whom to ask.
    assert!(fields.iter().any(|(l, v)| l == "Phòng giao dịch NHCSXH" && !v.is_empty()));
}
