//! When a borrower pays: the next day a commune's transaction point sits, from its days of the month (a day past a
//! month's end is its last day) and its dates, and the loan screen that names it with the place.

use chrono::NaiveDate;
use vieclam_core::records::TransactionPoint;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn point(days: &[u32], dates: &[NaiveDate]) -> TransactionPoint {
    TransactionPoint {
        id: "tp".into(),
        commune_code: "05977".into(),
        place: "Nhà văn hóa khối 5".into(),
        days_of_month: days.to_vec(),
        dates: dates.to_vec(),
    }
}

#[test]
fn the_next_session_from_days_of_the_month_and_dates() {
    let p = point(&[5, 20], &[]);
    assert_eq!(p.next_session(ymd(2026, 3, 1)), Some(ymd(2026, 3, 5)));
    assert_eq!(p.next_session(ymd(2026, 3, 5)), Some(ymd(2026, 3, 5)), "the day itself");
    assert_eq!(p.next_session(ymd(2026, 3, 6)), Some(ymd(2026, 3, 20)));
    assert_eq!(p.next_session(ymd(2026, 12, 21)), Some(ymd(2027, 1, 5)), "across the year's end");
    // The 31st sits on the last day of a shorter month.
    let p = point(&[31], &[]);
    assert_eq!(p.next_session(ymd(2026, 2, 10)), Some(ymd(2026, 2, 28)));
    assert_eq!(p.next_session(ymd(2028, 2, 10)), Some(ymd(2028, 2, 29)));
    // Dates the bank set come first when earlier; a calendar of past dates has no next session.
    let p = point(&[31], &[ymd(2026, 12, 5), ymd(2026, 12, 19)]);
    assert_eq!(p.next_session(ymd(2026, 12, 1)), Some(ymd(2026, 12, 5)));
    assert_eq!(p.next_session(ymd(2026, 12, 20)), Some(ymd(2026, 12, 31)));
    assert_eq!(point(&[], &[ymd(2025, 1, 1)]).next_session(ymd(2026, 1, 1)), None);
}
