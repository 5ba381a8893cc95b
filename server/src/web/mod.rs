//! The office's web side: `/` sends to `/office`; `/office/login` signs an admin in with the same password check as
//! `/v1/auth/login` and keeps the session in an HttpOnly, SameSite=Strict cookie holding a token (stored hashed in
//! `tokens`, bound to a "web" device row like any other); every other `/office` page, and the photos it links to at
//! `/office/photos/{sha256}`, needs that cookie of a valid admin session, else it redirects to the login form.

pub mod book;
pub mod communes;
pub mod data;
pub mod headers;
pub mod import;
pub mod manage;
pub mod report;
pub mod report_cache;
pub mod report_routes;
pub mod review;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Form;
use axum::Router;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use vieclam_core::checks::minutes_html::escape;
use vieclam_core::messages::dashboard as d;
use vieclam_core::sync::wire::{DeviceInfo, MAX_PASSWORD_BYTES, MAX_USERNAME_BYTES, Role};

use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, Predicate, SizeAbove};

use crate::api::SMALL_BODY_LIMIT;
use crate::api::auth::{SignInError, password_session};
use crate::auth::{Caller, caller_for_token};
use crate::dashboard::lang;
use crate::dashboard::render::notice;
use crate::params;
use crate::state::AppState;
use crate::uploads::photo_path;
use crate::work;
use data::DbDashboard;
use vieclam_core::messages::Lang;

/// How often the office looks whether the loan book changed, to have its figures ready before a clerk asks.
const BOOK_CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(15);

/// The session cookie's name.
pub const COOKIE: &str = "vieclam_office";

/// The routes: `/`, `/office/login`, `/office/logout`, the dashboard and `/office/photos/{sha256}`.
pub fn router(state: AppState) -> Router {
    let dashboard = Arc::new(DbDashboard::new(state.db.clone()));
    DbDashboard::keep_book_warm(&dashboard, BOOK_CHECK_EVERY);
    let pages = crate::dashboard::router(dashboard.clone())
        .merge(report_routes::router(dashboard))
        .merge(Router::new().route("/office/photos/{sha256}", get(photo)).with_state(state.clone()))
        .merge(review::router(state.db.clone()))
        .merge(import::router(state.clone()))
        .merge(crate::dashboard::manage::router(Arc::new(manage::DbOffice::new(state.db.clone()))))
        .route("/office/lang", get(switch_lang))
        .layer(middleware::from_fn(in_language))
        .layer(middleware::from_fn_with_state(state.clone(), require_admin))
        // A map of 5,000 checks is 1.7 MB of SVG that gzip shrinks about threefold, on an office line that may
        // be a provincial one; photos (JPEG) and small answers go as they are.
        .layer(CompressionLayer::new().compress_when(DefaultPredicate::new().and(SizeAbove::new(1024))));
    // A sign-in form is small: the bound of every small API body.
    let sign_in = get(login_form).post(login).layer(DefaultBodyLimit::max(SMALL_BODY_LIMIT));
    Router::new()
        .route("/", get(|| async { Redirect::to("/office") }))
        .route("/office/login", sign_in)
        .route("/office/logout", post(logout))
        .with_state(state)
        .merge(pages)
}

/// The value of cookie `name`, if sent and not empty.
fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
        .filter(|v| !v.is_empty())
}

fn cookie_token(headers: &HeaderMap) -> Option<String> {
    cookie(headers, COOKIE)
}

/// Makes the request's pages in the language of its cookie, knowing their own address for the switch.
async fn in_language(request: Request, next: Next) -> Response {
    let lang = cookie(request.headers(), lang::COOKIE).map_or(Lang::Vi, |v| lang::parse(&v));
    let here = request.uri().path_and_query().map_or_else(|| "/office".to_owned(), |p| p.as_str().to_owned());
    lang::scope(lang, here, next.run(request)).await
}

/// The language switch's query: `?to=en&back=/office/…`.
#[derive(Deserialize)]
struct SwitchLang {
    #[serde(default)]
    to: String,
    #[serde(default)]
    back: String,
}

/// `GET /office/lang`: keeps the chosen language in a cookie (a year) and goes back to the page.
async fn switch_lang(axum::extract::Query(q): axum::extract::Query<SwitchLang>) -> Response {
    let code = lang::code(lang::parse(&q.to));
    let mut r = Redirect::to(lang::safe_back(&q.back)).into_response();
    let value = format!("{}={code}; SameSite=Strict; Path=/office; Max-Age=31536000", lang::COOKIE);
    if let Ok(v) = HeaderValue::from_str(&value) {
        r.headers_mut().insert(header::SET_COOKIE, v);
    }
    r
}

/// The admin behind the request's cookie, if the session is valid.
async fn admin(state: &AppState, headers: &HeaderMap) -> Option<Caller> {
    let token = cookie_token(headers)?;
    caller_for_token(state, &token).await.ok().filter(|c| c.account.role == Role::Admin)
}

async fn require_admin(State(state): State<AppState>, request: Request, next: Next) -> Response {
    match admin(&state, request.headers()).await {
        Some(caller) => {
            let mut request = request;
            request.extensions_mut().insert(caller);
            next.run(request).await
        }
        None => Redirect::to("/office/login").into_response(),
    }
}

fn form_page(error: Option<(&str, &str)>) -> String {
    let error = error.map_or(String::new(), |(vi, en)| {
        format!("<p class=\"flag\">{}<small class=\"en\">{}</small></p>", escape(vi), escape(en))
    });
    format!(
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{sign_in}</title><style>\
         body{{font-family:system-ui,sans-serif;max-width:24rem;margin:3rem auto;padding:1rem}}label,input,button\
         {{display:block;width:100%;margin:.3rem 0;font-size:1rem}}small.en{{display:block;color:#555}}.flag{{color:#a00}}\
         </style></head><body><h1>{}<small class=\"en\">{}</small></h1>{error}\
         <form method=\"post\" action=\"/office/login\">\
         <label>{} <small class=\"en\">{}</small><input name=\"username\" autocomplete=\"username\" required></label>\
         <label>{} <small class=\"en\">{}</small><input name=\"password\" type=\"password\" \
         autocomplete=\"current-password\" required></label>\
         <button type=\"submit\">{sign_in}</button></form></body></html>\n",
        d::OFFICE_SIGN_IN.vi,
        d::OFFICE_SIGN_IN.en,
        d::SIGN_IN_USER_NAME.vi,
        d::SIGN_IN_USER_NAME.en,
        d::SIGN_IN_PASSWORD.vi,
        d::SIGN_IN_PASSWORD.en,
        sign_in = d::SIGN_IN.joined(&[]),
    )
}

async fn login_form() -> Html<String> {
    Html(form_page(None))
}

/// The login form's fields.
#[derive(Deserialize)]
pub struct LoginForm {
    username: String,
    password: String,
}

async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Form(f): Form<LoginForm>,
) -> Response {
    let wrong = || {
        (
            StatusCode::UNAUTHORIZED,
            Html(form_page(Some((d::WRONG_USER_NAME_OR_PASSWORD.vi, d::WRONG_USER_NAME_OR_PASSWORD.en)))),
        )
            .into_response()
    };
    // The same bounds as the API's sign-in, before any hashing; a browser's form cannot go past them anyway.
    if f.username.len() > MAX_USERNAME_BYTES || f.password.len() > MAX_PASSWORD_BYTES {
        return wrong();
    }
    // A browser has no signing key: its device row carries a key that signs nothing.
    let device = DeviceInfo {
        device_id: vieclam_core::ids::new_id(),
        public_key: "0".repeat(64),
        name: "office browser".into(),
        platform: "web".into(),
    };
    match password_session(&state, peer.ip(), &f.username, &f.password, device, true).await {
        Ok(session) => {
            let max_age = state.token_days.max(0) * 86_400;
            let cookie = format!("{COOKIE}={}; HttpOnly; SameSite=Strict; Path=/; Max-Age={max_age}", session.token);
            let mut r = Redirect::to("/office").into_response();
            if let Ok(v) = HeaderValue::from_str(&cookie) {
                r.headers_mut().insert(header::SET_COOKIE, v);
            }
            r
        }
        Err(SignInError::Api(e)) if e.status == StatusCode::UNAUTHORIZED => wrong(),
        Err(SignInError::Api(e)) if e.status == StatusCode::FORBIDDEN => {
            (StatusCode::FORBIDDEN, Html(form_page(Some((&e.vi, &e.en))))).into_response()
        }
        Err(SignInError::Throttled(t)) => {
            let e = t.error();
            t.with_retry_after((StatusCode::TOO_MANY_REQUESTS, Html(form_page(Some((&e.vi, &e.en))))).into_response())
        }
        Err(e) => e.into_response(),
    }
}

async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(token) = cookie_token(&headers) {
        let hash = crate::auth::sha256_hex(&token);
        let now = crate::auth::now_iso();
        let _ = state
            .db
            .write::<()>(work!(|tx| async move {
                tx.exec(
                    "UPDATE tokens SET revoked_at = $1 WHERE hash = $2 AND revoked_at IS NULL",
                    params![&now, &hash],
                )
                .await?;
                Ok(())
            }))
            .await;
    }
    let mut r = Redirect::to("/office/login").into_response();
    let clear = format!("{COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
    if let Ok(v) = HeaderValue::from_str(&clear) {
        r.headers_mut().insert(header::SET_COOKIE, v);
    }
    r
}

/// `GET /office/photos/{sha256}`: a held photo, to the admin session.
async fn photo(State(state): State<AppState>, Path(sha256): Path<String>) -> Response {
    let not_found = || (StatusCode::NOT_FOUND, Html(notice(d::PHOTO_NOT_FOUND))).into_response();
    if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
        return not_found();
    }
    let Ok(got) = state.photos.get(&photo_path(&sha256.to_ascii_lowercase())).await else { return not_found() };
    match got.bytes().await {
        Ok(bytes) => ([(header::CONTENT_TYPE, "image/jpeg")], bytes).into_response(),
        Err(_) => not_found(),
    }
}
