//! The office's web pages: server-rendered HTML (no JS framework), Vietnamese first with English beneath, over a
//! [`DashboardData`] trait the storage layer implements.
//!
//! [`views`] holds what the pages show, [`render`] turns it into HTML (pure functions, every value escaped), and
//! [`router`] serves them under `/office`. The lead puts the auth middleware (admin only) in front of it.

pub mod communes;
pub mod enterprises;
pub mod lang;
pub mod manage;
pub mod map;
pub mod plan_form;
pub mod plans;
pub mod programmes;
pub mod render;
pub mod review;
pub mod users;
pub mod views;
pub mod walk;

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use render::notice;
use vieclam_core::messages::api::NOT_FOUND;
use vieclam_core::messages::dashboard as d;

pub use views::*;

/// What the pages need from the storage layer.
pub trait DashboardData: Send + Sync + 'static {
    /// The front page's figures.
    fn overview(&self) -> impl Future<Output = Result<DashboardOverview, String>> + Send;
    /// Recent site checks, newest first.
    fn checks(&self) -> impl Future<Output = Result<Vec<CheckRow>, String>> + Send;
    /// One check, `None` when there is no such check.
    fn check(&self, id: &str) -> impl Future<Output = Result<Option<CheckDetail>, String>> + Send;
    /// Every check as a point on the map, and the inspection plans the map can filter by.
    fn map(&self) -> impl Future<Output = Result<(Vec<map::MapPoint>, Vec<map::PlanOption>), String>> + Send;
    /// Every commune's figures (with outstanding on `since` too, when given; with `plan`, only that plan's checks),
    /// and the day they are for.
    fn communes(
        &self,
        since: Option<chrono::NaiveDate>,
        plan: Option<String>,
    ) -> impl Future<Output = Result<(Vec<communes::CommuneFigures>, chrono::NaiveDate), String>> + Send;
    /// Every inspection plan with its team and progress, newest first, and the day it is for.
    fn plans(&self) -> impl Future<Output = Result<(Vec<plans::PlanProgress>, chrono::NaiveDate), String>> + Send;
    /// The staff accounts with their devices.
    fn users(&self) -> impl Future<Output = Result<Vec<users::UserRow>, String>> + Send;
    /// Does `action`: `Ok(Ok(message))` what was done (a new password in it, shown once), `Ok(Err(why))` refused
    /// with nothing changed, `Err` the storage failed.
    fn user_action(
        &self,
        action: users::UserAction,
    ) -> impl Future<Output = Result<Result<String, String>, String>> + Send;
    /// Registrations awaiting verification.
    fn unverified_registrations(&self) -> impl Future<Output = Result<Vec<RegistrationRow>, String>> + Send;
    /// Marks a registration verified; `false` when there is no such registration.
    fn verify_registration(&self, id: &str) -> impl Future<Output = Result<bool, String>> + Send;
    /// Rejects a registration with `reason`: `Ok(Ok(true))` done, `Ok(Ok(false))` no such registration,
    /// `Ok(Err(why))` a reason that cannot be one (nothing changed), `Err` the storage failed.
    fn reject_registration(
        &self,
        id: &str,
        reason: &str,
    ) -> impl Future<Output = Result<Result<bool, String>, String>> + Send;
}

fn failed(e: String) -> Response {
    // The storage layer's message may name records; it goes to the log only as a count-free summary.
    tracing::warn!(len = e.len(), "dashboard data failed");
    (StatusCode::SERVICE_UNAVAILABLE, Html(notice(d::SERVER_ERROR_TRY_LATER))).into_response()
}

async fn overview<D: DashboardData>(State(d): State<Arc<D>>) -> Response {
    d.overview().await.map_or_else(failed, |o| Html(render::overview(&o)).into_response())
}

async fn checks<D: DashboardData>(State(d): State<Arc<D>>) -> Response {
    d.checks().await.map_or_else(failed, |c| Html(render::checks(&c)).into_response())
}

async fn check<D: DashboardData>(State(d): State<Arc<D>>, Path(id): Path<String>) -> Response {
    match d.check(&id).await {
        Ok(Some(c)) => Html(render::check_detail(&c)).into_response(),
        Ok(None) => (StatusCode::NOT_FOUND, Html(notice(NOT_FOUND))).into_response(),
        Err(e) => failed(e),
    }
}

async fn map_page<D: DashboardData>(State(d): State<Arc<D>>, Query(q): Query<map::MapQuery>) -> Response {
    d.map().await.map_or_else(failed, |(points, plans)| Html(render::map(&points, &q, &plans)).into_response())
}

async fn communes_page<D: DashboardData>(
    State(d): State<Arc<D>>,
    Query(q): Query<communes::CommunesQuery>,
) -> Response {
    d.communes(q.since_day(), q.plan_id())
        .await
        .map_or_else(failed, |(rows, today)| Html(communes::render(&rows, &q, today)).into_response())
}

async fn plans_page<D: DashboardData>(State(d): State<Arc<D>>) -> Response {
    d.plans().await.map_or_else(failed, |(p, today)| Html(plans::render(&p, today)).into_response())
}

async fn registrations<D: DashboardData>(State(d): State<Arc<D>>) -> Response {
    d.unverified_registrations().await.map_or_else(failed, |r| Html(render::registrations(&r)).into_response())
}

async fn verify<D: DashboardData>(State(d): State<Arc<D>>, Path(id): Path<String>) -> Response {
    match d.verify_registration(&id).await {
        Ok(true) => Redirect::to("/office/registrations").into_response(),
        Ok(false) => (StatusCode::NOT_FOUND, Html(notice(NOT_FOUND))).into_response(),
        Err(e) => failed(e),
    }
}

/// The reject form's fields.
#[derive(serde::Deserialize)]
struct RejectForm {
    #[serde(default)]
    reason: String,
}

async fn reject<D: DashboardData>(
    State(d): State<Arc<D>>,
    Path(id): Path<String>,
    axum::Form(form): axum::Form<RejectForm>,
) -> Response {
    match d.reject_registration(&id, &form.reason).await {
        Ok(Ok(true)) => Redirect::to("/office/registrations").into_response(),
        Ok(Ok(false)) => (StatusCode::NOT_FOUND, Html(notice(NOT_FOUND))).into_response(),
        Ok(Err(why)) => (StatusCode::UNPROCESSABLE_ENTITY, Html(render::refused(&why))).into_response(),
        Err(e) => failed(e),
    }
}

async fn users_page<D: DashboardData>(State(d): State<Arc<D>>) -> Response {
    d.users().await.map_or_else(failed, |u| Html(users::render(&u)).into_response())
}

async fn act<D: DashboardData>(d: &D, action: users::UserAction) -> Response {
    match d.user_action(action).await {
        Ok(Ok(message)) => Html(users::outcome(true, &message)).into_response(),
        Ok(Err(why)) => (StatusCode::UNPROCESSABLE_ENTITY, Html(users::outcome(false, &why))).into_response(),
        Err(e) => failed(e),
    }
}

/// The add-account form's fields.
#[derive(serde::Deserialize)]
struct AddUserForm {
    #[serde(default)]
    role: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    name: String,
}

async fn add_user<D: DashboardData>(State(d): State<Arc<D>>, axum::Form(f): axum::Form<AddUserForm>) -> Response {
    act(&*d, users::UserAction::Add { role: f.role, username: f.username, name: f.name }).await
}

async fn disable_user<D: DashboardData>(State(d): State<Arc<D>>, Path(id): Path<String>) -> Response {
    act(&*d, users::UserAction::Disable(id)).await
}

async fn enable_user<D: DashboardData>(State(d): State<Arc<D>>, Path(id): Path<String>) -> Response {
    act(&*d, users::UserAction::Enable(id)).await
}

async fn reset_password<D: DashboardData>(State(d): State<Arc<D>>, Path(id): Path<String>) -> Response {
    act(&*d, users::UserAction::ResetPassword(id)).await
}

async fn revoke_device<D: DashboardData>(State(d): State<Arc<D>>, Path(id): Path<String>) -> Response {
    act(&*d, users::UserAction::RevokeDevice(id)).await
}

/// `GET /office`, `/office/checks`, `/office/checks/{id}`, `/office/map`, `/office/communes`, `/office/plans`,
/// `/office/users` (and its forms), `/office/registrations`, and
/// `POST /office/registrations/{id}/verify` and `…/reject` (each answers with a redirect back to the list).
pub fn router<D: DashboardData>(data: Arc<D>) -> Router {
    Router::new()
        .route("/office", get(overview::<D>))
        .route("/office/checks", get(checks::<D>))
        .route("/office/checks/{id}", get(check::<D>))
        .route("/office/map", get(map_page::<D>))
        .route("/office/communes", get(communes_page::<D>))
        .route("/office/plans", get(plans_page::<D>))
        .route("/office/users", get(users_page::<D>).post(add_user::<D>))
        .route("/office/users/{id}/disable", post(disable_user::<D>))
        .route("/office/users/{id}/enable", post(enable_user::<D>))
        .route("/office/users/{id}/reset-password", post(reset_password::<D>))
        .route("/office/devices/{id}/revoke", post(revoke_device::<D>))
        .route("/office/registrations", get(registrations::<D>))
        .route("/office/registrations/{id}/verify", post(verify::<D>))
        .route("/office/registrations/{id}/reject", post(reject::<D>))
        .with_state(data)
}
