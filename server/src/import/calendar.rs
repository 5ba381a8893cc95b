//! The transaction points' calendars (lịch giao dịch của điểm giao dịch xã): where each commune's VBSP point sits
//! and on which days, so a borrower's loan screen can say when and where to pay. One row a point; rows naming the
//! same commune and place add their days together. Public records: a calendar is no one's personal data.

use std::collections::HashMap;

use vieclam_core::fold::fold;
use vieclam_core::records::TransactionPoint;

use super::build::{Builder, Problems};
use super::cells;
use super::columns::{Columns, Field};
use super::records::stable_id;
use super::table::{Cell, Row};
use vieclam_core::messages::import as m;

fn parts(text: &str) -> impl Iterator<Item = &str> {
    text.split([';', ',', '\n']).map(str::trim).filter(|t| !t.is_empty())
}

impl Builder {
    /// Reads one row of a calendar: its point joins the batch (or adds its days to the same point's), or its
    /// problems join the report.
    pub fn calendar_row(&mut self, cols: &Columns, row: &Row) {
        let mut p = Problems { row, cols, list: Vec::new() };
        let code = super::build::commune_code(&mut p);
        let place = p.text(Field::Place, true, 200);
        let days_text = p.text(Field::DaysOfMonth, false, 100);
        let dates_text = p.text(Field::SessionDates, false, 2_000);
        let days: Option<Vec<u32>> = days_text.as_deref().and_then(|t| {
            let days: Option<Vec<u32>> = parts(t).map(|d| d.parse().ok().filter(|d| (1..=31).contains(d))).collect();
            if days.is_none() {
                p.add(Field::DaysOfMonth, "format", m::DAYS_FORMAT, &[]);
            }
            days
        });
        let dates: Option<Vec<chrono::NaiveDate>> = dates_text.as_deref().and_then(|t| {
            let dates: Option<Vec<_>> = parts(t).map(|d| cells::date(&Cell::Text(d.to_owned()))).collect();
            if dates.is_none() {
                p.add(Field::SessionDates, "format", m::DATES_FORMAT, &[]);
            }
            dates
        });
        if let (Some(code), Some(place), Some(days), Some(dates)) = (code, place, days, dates)
            && p.list.is_empty()
        {
            if days.is_empty() && dates.is_empty() {
                let header = cols.header(Field::DaysOfMonth);
                let e = super::RowError::new(
                    row.number,
                    header,
                    "transaction_point.no_days".into(),
                    m::NO_SESSION_DAYS,
                    &[],
                );
                p.list.push(e);
            } else {
                let id = stable_id("transaction_point", &format!("{code}|{}", fold(&place)));
                let points = &mut self.out.batch.transaction_points;
                match self.points.get(&id) {
                    Some(&i) => {
                        points[i].days_of_month.extend(days);
                        points[i].dates.extend(dates);
                        points[i].days_of_month.sort_unstable();
                        points[i].days_of_month.dedup();
                        points[i].dates.sort_unstable();
                        points[i].dates.dedup();
                    }
                    None => {
                        self.points.insert(id.clone(), points.len());
                        points.push(TransactionPoint { id, commune_code: code, place, days_of_month: days, dates });
                    }
                }
                self.out.accepted_rows += 1;
            }
        }
        self.reject(p.list);
    }
}

/// Point id → its place in the batch.
pub(super) type PointIndex = HashMap<String, usize>;
