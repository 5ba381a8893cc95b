//! `GET /office/plans/{plan_id}/communes/{code}/review`: the commune review page's data, read from the database:
//! the plan, the `commune_review` records of that plan and commune (each as its author's device signed it, with its
//! evidence status), merged by the core, and the display names of their authors' accounts.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use vieclam_core::evidence::binding::Binding;
use vieclam_core::records::InspectionPlan;
use vieclam_core::review::{self, CommuneReview, ReviewRecord};

use vieclam_core::messages::dashboard as d;

use crate::dashboard::render::notice;
use crate::dashboard::review::{Author, ReviewPage, render};
use crate::db::{Db, Tx};
use crate::error::ApiResult;
use crate::store::records::{self, SELECT, from_row};
use crate::{params, work};

/// The route (behind the office's admin check, like every `/office` page).
pub fn router(db: Db) -> Router {
    Router::new().route("/office/plans/{plan_id}/communes/{code}/review", get(page)).with_state(db)
}

async fn page(State(db): State<Db>, Path((plan_id, code)): Path<(String, String)>) -> Response {
    match review_page(&db, &plan_id, &code).await {
        Ok(Some(p)) => Html(render(&p)).into_response(),
        Ok(None) => (StatusCode::NOT_FOUND, Html(notice(d::NO_SUCH_COMMUNE_IN_PLAN))).into_response(),
        Err(e) => {
            tracing::warn!(len = e.len(), "review page failed");
            (StatusCode::SERVICE_UNAVAILABLE, Html(notice(d::SERVER_ERROR_TRY_LATER))).into_response()
        }
    }
}

/// The page of `code` under `plan_id`; `None` when the server holds no such plan or the commune is not one of it.
pub async fn review_page(db: &Db, plan_id: &str, code: &str) -> Result<Option<ReviewPage>, String> {
    let (plan_id, code) = (plan_id.to_owned(), code.to_owned());
    db.read(work!(|tx| async move { read(tx, &plan_id, &code).await })).await.map_err(|e| e.code.to_owned())
}

async fn read(tx: &mut Tx, plan_id: &str, code: &str) -> ApiResult<Option<ReviewPage>> {
    let plan: Option<InspectionPlan> = records::get(tx, "inspection_plan", plan_id)
        .await?
        .filter(|p| !p.row.deleted)
        .and_then(|p| serde_json::from_str(&p.row.body).ok());
    let Some(plan) = plan.filter(|p| p.commune_codes.iter().any(|c| c == code)) else { return Ok(None) };
    let rows = tx
        .query(
            &format!("{SELECT} WHERE kind = $1 AND plan_id = $2 AND commune_code = $3 AND deleted = 0 ORDER BY id"),
            params![review::ENTITY_REVIEW, plan_id, code],
        )
        .await?;
    let mut reviews: Vec<CommuneReview> = Vec::new();
    let mut authors: Vec<Author> = Vec::new();
    for stored in rows.iter().map(from_row) {
        // Stored only after the core's rules passed; one that no longer reads is left out rather than failing the page.
        let Ok(rec) = serde_json::from_str::<ReviewRecord>(&stored.row.body) else { continue };
        let evidence = stored.evidence.as_deref().and_then(Binding::parse).unwrap_or(Binding::Unsigned).text();
        let name = tx
            .one("SELECT display_name FROM accounts WHERE id = $1", params![&rec.review.author])
            .await?
            .map(|r| r.text(0))
            .unwrap_or_else(|| "—".to_owned());
        authors.push(Author {
            account_id: rec.review.author.clone(),
            name,
            held_on: rec.review.held_on,
            evidence: (evidence.vi.to_owned(), evidence.en.to_owned()),
        });
        reviews.push(rec.review);
    }
    authors.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.account_id.cmp(&b.account_id)));
    Ok(Some(ReviewPage {
        plan_id: plan.id.clone(),
        plan_code: plan.code.clone(),
        commune_code: code.to_owned(),
        commune_name: vieclam_core::places::commune(code).map_or_else(|| code.to_owned(), |c| c.name.clone()),
        authors,
        merged: review::merge(&reviews),
    }))
}
