//! The loan book's figures kept on the dashboard: made once per state of the book and day (with a few days of
//! comparison at once), kept warm in the background after an import, and asked whether they are current.

use std::sync::Arc;

use chrono::NaiveDate;

use super::{DbDashboard, say};
use crate::db::Tx;
use crate::error::ApiResult;
use crate::web::book::{self, Book};
use crate::work;

/// How many makings of the loan book's figures (for different days of comparison) are kept at once.
const BOOKS_KEPT: usize = 3;

impl DbDashboard {
    /// Keeps the loan book's figures made for today, looking every `every` whether the book changed and making them
    /// again if so, so the first clerk to open the front page after an import does not wait the seconds a
    /// province's book takes. Runs on the current Tokio runtime (none: does nothing) and ends when the dashboard is
    /// dropped.
    pub fn keep_book_warm(this: &Arc<DbDashboard>, every: std::time::Duration) {
        let Ok(runtime) = tokio::runtime::Handle::try_current() else { return };
        let weak = Arc::downgrade(this);
        runtime.spawn(async move {
            while let Some(dashboard) = weak.upgrade() {
                let today = vieclam_core::query::session::today_in_province();
                let (db, this) = (dashboard.db.clone(), (*dashboard).clone());
                drop(dashboard);
                // With the report's day of comparison: the same figures answer the front page, the figures page
                // and every report of the year.
                let since = Some(Some(crate::web::report::year_start(today)));
                let made = db.read(work!(|tx| async move { this.book_in(tx, today, since).await.map(|_| ()) })).await;
                if let Err(e) = made {
                    tracing::warn!(code = e.code, "making the loan book's figures failed");
                }
                tokio::time::sleep(every).await;
            }
        });
    }

    /// Whether the kept figures are those of the book as it stands today.
    pub async fn book_is_current(&self) -> Result<bool, String> {
        let today = vieclam_core::query::session::today_in_province();
        let held = self.book.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let seen = self.db.read(work!(|tx| async move { book::seen(tx).await })).await.map_err(say)?;
        Ok(held.iter().any(|b| b.answers(seen, today, None)))
    }

    /// The book's figures for `today` (and `since`, when `Some`), kept or made again.
    pub(super) async fn book_in(
        &self,
        tx: &mut Tx,
        today: NaiveDate,
        since: Option<Option<NaiveDate>>,
    ) -> ApiResult<Arc<Book>> {
        let held = self.book.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let seen = book::seen(tx).await?;
        if let Some(b) = held.into_iter().rev().find(|b| b.answers(seen, today, since)) {
            return Ok(b);
        }
        let made = Arc::new(book::compute(tx, today, since.flatten(), seen).await?);
        let mut kept = self.book.lock().unwrap_or_else(|p| p.into_inner());
        // Figures of an older book answer nothing any more; of the current one, a few days of comparison are kept
        // (the report's end of last year, and whatever day a clerk chose on the figures page).
        kept.retain(|b| b.seen == seen && b.today == today);
        kept.push(made.clone());
        let excess = kept.len().saturating_sub(BOOKS_KEPT);
        kept.drain(..excess);
        Ok(made)
    }
}
