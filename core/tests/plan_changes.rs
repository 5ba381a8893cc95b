//! A plan the office changes or closes, as the device receives it again: its communes are the new ones (one taken
//! out is gone), and a closed plan no longer runs from the day it was closed, so the device stops offering it.

use chrono::{Duration, NaiveDate};
use vieclam_core::query::current_plans;
use vieclam_core::records::{InspectionPlan, TeamMember};
use vieclam_core::store::office::OfficeBatch;
use vieclam_core::{DbKey, Lang, Store};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

fn communes_of(s: &Store, on: NaiveDate) -> Vec<Vec<String>> {
    let list = current_plans(s, on, Lang::Vi).unwrap();
    list.plans.iter().map(|p| p.communes.iter().map(|c| c.commune_code.clone()).collect()).collect()
}

#[test]
fn an_edited_plan_keeps_only_its_new_communes_and_a_closed_one_stops_running() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("p.db"), &DbKey::Raw([6; 32])).unwrap();
    let mut plan = InspectionPlan {
        id: "p1".into(),
        code: "17/KH-VL".into(),
        title: "Kiểm tra".into(),
        starts_on: day(1),
        ends_on: day(20),
        commune_codes: vec!["06040".into(), "05977".into()],
        team: vec![TeamMember { account_id: "a1".into(), name: "Lý Thị Mai".into(), role: "leader".into() }],
        closed_on: None,
    };
    s.apply_office_batch(&OfficeBatch { plans: vec![plan.clone()], ..OfficeBatch::default() }).unwrap();
    assert_eq!(communes_of(&s, day(10)), [["05977", "06040"]]);

    // The office took 05977 out and put 06001 in.
    plan.commune_codes = vec!["06040".into(), "06001".into()];
    s.apply_office_batch(&OfficeBatch { plans: vec![plan.clone()], ..OfficeBatch::default() }).unwrap();
    assert_eq!(communes_of(&s, day(10)), [["06001", "06040"]]);

    // Closed on the 12th: it ran on the 11th, not on the 12th.
    plan.closed_on = Some(day(12));
    s.apply_office_batch(&OfficeBatch { plans: vec![plan.clone()], ..OfficeBatch::default() }).unwrap();
    assert_eq!(communes_of(&s, day(12) - Duration::days(1)).len(), 1);
    assert!(communes_of(&s, day(12)).is_empty());
    assert!(communes_of(&s, day(15)).is_empty());
}
