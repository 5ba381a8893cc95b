//! The office's forms that change what devices receive: inspection plans (create, edit, close), the register of
//! sending enterprises (add, edit) and job programmes (publish, close), over an [`OfficeChanges`] trait the
//! storage layer implements. Every change is a form POST (the session cookie is SameSite=Strict, so no other site
//! can make a clerk's browser send one) answered by a redirect to the list, or by a page saying why it was refused
//! (422, nothing changed).

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::NaiveDate;
use vieclam_core::checks::minutes_html::escape;
use vieclam_core::messages::dashboard as d;
use vieclam_core::messages::{Text, office};
use vieclam_core::records::{InspectionPlan, JobProgramme, SendingEnterprise};

use super::plan_form::{self, PlanFormView};
use super::render::{both, both_of, notice, page};
use super::{enterprises, programmes};
use crate::enterprises::EnterpriseDraft;
use crate::error::{ApiError, ApiResult};
use crate::plans::PlanDraft;
use crate::publish::NewJobProgramme;

/// What the forms need from the storage layer. A refusal is an [`ApiError`] of 404 or 422 (shown to the clerk);
/// any other status is a failure of the storage.
pub trait OfficeChanges: Send + Sync + 'static {
    /// The plan form: the plan `id` to edit (`None` for a new plan) and the inspectors to choose from.
    fn plan_form(&self, id: Option<String>) -> impl Future<Output = ApiResult<PlanFormView>> + Send;
    /// Creates a plan (`id` `None`) or changes the plan `id`.
    fn save_plan(&self, id: Option<String>, draft: PlanDraft)
    -> impl Future<Output = ApiResult<InspectionPlan>> + Send;
    /// Closes the plan `id` today.
    fn close_plan(&self, id: String) -> impl Future<Output = ApiResult<InspectionPlan>> + Send;
    /// Every enterprise of the register.
    fn enterprises(&self) -> impl Future<Output = ApiResult<Vec<SendingEnterprise>>> + Send;
    /// Adds an enterprise (`id` `None`) or changes the enterprise `id`.
    fn save_enterprise(
        &self,
        id: Option<String>,
        draft: EnterpriseDraft,
    ) -> impl Future<Output = ApiResult<SendingEnterprise>> + Send;
    /// Every job programme, the enterprises they may name, and today.
    fn programmes(
        &self,
    ) -> impl Future<Output = ApiResult<(Vec<JobProgramme>, Vec<SendingEnterprise>, NaiveDate)>> + Send;
    /// Publishes a job programme.
    fn publish_programme(&self, p: NewJobProgramme) -> impl Future<Output = ApiResult<JobProgramme>> + Send;
    /// Closes the job programme `id` on `on` (today when `None`).
    fn close_programme(
        &self,
        id: String,
        on: Option<NaiveDate>,
    ) -> impl Future<Output = ApiResult<JobProgramme>> + Send;
}

/// The fields of a form body, in order, repeats kept (the plan form sends one `commune` per box ticked).
pub fn fields(body: &[u8]) -> Vec<(String, String)> {
    url::form_urlencoded::parse(body).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
}

/// The first value of `key`, or empty.
pub fn field(fields: &[(String, String)], key: &str) -> String {
    fields.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).unwrap_or_default()
}

/// A form's date field (`YYYY-MM-DD`, what `<input type="date">` sends), or the refusal naming it.
pub fn date_field(fields: &[(String, String)], key: &str, label: Text) -> ApiResult<NaiveDate> {
    let text = field(fields, key);
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        ApiError::with_entries(
            StatusCode::UNPROCESSABLE_ENTITY,
            "form.date_invalid",
            office::FORM_DATE_INVALID,
            &[("value", &text)],
            &[("label", label)],
        )
    })
}

/// The answer to a refused or failed change: 404 and 422 say why, with the way back; anything else is a failure.
fn refused(e: ApiError, back: &str) -> Response {
    if e.status != StatusCode::NOT_FOUND && e.status != StatusCode::UNPROCESSABLE_ENTITY {
        tracing::warn!(code = e.code, "office change failed");
        return (StatusCode::SERVICE_UNAVAILABLE, Html(notice(d::SERVER_ERROR_TRY_LATER))).into_response();
    }
    let body = format!(
        "<p class=\"flag\" id=\"refusal\" data-code=\"{}\">{}</p><p>{}</p><p><a id=\"back\" href=\"{}\">← {}</a></p>",
        escape(e.code),
        both_of(&e.vi, &e.en),
        both(d::NOTHING_CHANGED),
        escape(back),
        both(d::BACK)
    );
    (e.status, Html(page(d::NOT_DONE, &body))).into_response()
}

fn done<T>(r: ApiResult<T>, to: &str, back: &str) -> Response {
    match r {
        Ok(_) => Redirect::to(to).into_response(),
        Err(e) => refused(e, back),
    }
}

async fn new_plan<D: OfficeChanges>(State(d): State<Arc<D>>) -> Response {
    match d.plan_form(None).await {
        Ok(v) => Html(plan_form::render(&v)).into_response(),
        Err(e) => refused(e, "/office/plans"),
    }
}

async fn edit_plan_form<D: OfficeChanges>(State(d): State<Arc<D>>, Path(id): Path<String>) -> Response {
    match d.plan_form(Some(id)).await {
        Ok(v) => Html(plan_form::render(&v)).into_response(),
        Err(e) => refused(e, "/office/plans"),
    }
}

/// Saves the plan form (`id` `None` for a new plan). A refusal shows the form again as the clerk filled it, with
/// the reason above it (422), so nothing typed is lost.
async fn save_plan<D: OfficeChanges>(d: &D, id: Option<String>, body: &[u8]) -> Response {
    let f = fields(body);
    let r = match plan_form::parse(&f) {
        Ok(draft) => d.save_plan(id.clone(), draft).await,
        Err(e) => Err(e),
    };
    let back = id.as_ref().map_or_else(|| "/office/plans/new".to_owned(), |id| format!("/office/plans/{id}/edit"));
    match r {
        Ok(_) => Redirect::to("/office/plans").into_response(),
        Err(e) if e.status == StatusCode::UNPROCESSABLE_ENTITY => match d.plan_form(id).await {
            Ok(mut v) => {
                v.sent = Some(plan_form::PlanValues::sent(&f));
                v.refusal = Some((e.code.to_owned(), e.vi, e.en));
                (StatusCode::UNPROCESSABLE_ENTITY, Html(plan_form::render(&v))).into_response()
            }
            // The plan cannot be edited at all (closed, gone): say that instead.
            Err(e) => refused(e, &back),
        },
        Err(e) => refused(e, &back),
    }
}

async fn create_plan<D: OfficeChanges>(State(d): State<Arc<D>>, body: Bytes) -> Response {
    save_plan(&*d, None, &body).await
}

async fn edit_plan<D: OfficeChanges>(State(d): State<Arc<D>>, Path(id): Path<String>, body: Bytes) -> Response {
    save_plan(&*d, Some(id), &body).await
}

async fn close_plan<D: OfficeChanges>(State(d): State<Arc<D>>, Path(id): Path<String>) -> Response {
    done(d.close_plan(id).await, "/office/plans", "/office/plans")
}

async fn enterprises_page<D: OfficeChanges>(State(d): State<Arc<D>>) -> Response {
    match d.enterprises().await {
        Ok(list) => Html(enterprises::render(&list, None)).into_response(),
        Err(e) => refused(e, "/office"),
    }
}

async fn enterprise_page<D: OfficeChanges>(State(d): State<Arc<D>>, Path(id): Path<String>) -> Response {
    match d.enterprises().await {
        Ok(list) => match list.iter().find(|e| e.id == id) {
            Some(e) => Html(enterprises::render_edit(e, None)).into_response(),
            None => refused(
                ApiError::new(StatusCode::NOT_FOUND, "not_found", vieclam_core::messages::office::NO_SUCH_ENTERPRISE),
                "/office/enterprises",
            ),
        },
        Err(e) => refused(e, "/office/enterprises"),
    }
}

/// Saves the enterprise form (`id` `None` to add). A refusal shows the page again with the form as the clerk
/// filled it and the reason above it (422).
async fn save_enterprise<D: OfficeChanges>(d: &D, id: Option<String>, body: &[u8]) -> Response {
    let draft = enterprises::parse(&fields(body));
    let back = id.as_ref().map_or_else(|| "/office/enterprises".to_owned(), |id| format!("/office/enterprises/{id}"));
    match d.save_enterprise(id.clone(), draft.clone()).await {
        Ok(_) => Redirect::to("/office/enterprises").into_response(),
        Err(e) if e.status == StatusCode::UNPROCESSABLE_ENTITY => {
            let page = match (d.enterprises().await, &id) {
                (Ok(list), None) => Some(enterprises::render(&list, Some((&draft, &e)))),
                (Ok(list), Some(id)) => {
                    list.iter().find(|x| &x.id == id).map(|x| enterprises::render_edit(x, Some((&draft, &e))))
                }
                (Err(_), _) => None,
            };
            match page {
                Some(p) => (StatusCode::UNPROCESSABLE_ENTITY, Html(p)).into_response(),
                None => refused(e, &back),
            }
        }
        Err(e) => refused(e, &back),
    }
}

async fn add_enterprise<D: OfficeChanges>(State(d): State<Arc<D>>, body: Bytes) -> Response {
    save_enterprise(&*d, None, &body).await
}

async fn edit_enterprise<D: OfficeChanges>(State(d): State<Arc<D>>, Path(id): Path<String>, body: Bytes) -> Response {
    save_enterprise(&*d, Some(id), &body).await
}

async fn programmes_page<D: OfficeChanges>(State(d): State<Arc<D>>) -> Response {
    match d.programmes().await {
        Ok((list, enterprises, today)) => Html(programmes::render(&list, &enterprises, today, None)).into_response(),
        Err(e) => refused(e, "/office"),
    }
}

/// Publishes a programme; a refusal shows the page again with the form as the clerk filled it (422).
async fn publish_programme<D: OfficeChanges>(State(d): State<Arc<D>>, body: Bytes) -> Response {
    let f = fields(&body);
    let r = match programmes::parse(&f) {
        Ok(p) => d.publish_programme(p).await,
        Err(e) => Err(e),
    };
    match r {
        Ok(_) => Redirect::to("/office/programmes").into_response(),
        Err(e) if e.status == StatusCode::UNPROCESSABLE_ENTITY => match d.programmes().await {
            Ok((list, enterprises, today)) => {
                let page = programmes::render(&list, &enterprises, today, Some((&f, &e)));
                (StatusCode::UNPROCESSABLE_ENTITY, Html(page)).into_response()
            }
            Err(_) => refused(e, "/office/programmes"),
        },
        Err(e) => refused(e, "/office/programmes"),
    }
}

async fn close_programme<D: OfficeChanges>(State(d): State<Arc<D>>, Path(id): Path<String>, body: Bytes) -> Response {
    let f = fields(&body);
    let r = if field(&f, "closes_on").trim().is_empty() {
        d.close_programme(id, None).await
    } else {
        match date_field(&f, "closes_on", office::CLOSING_DAY) {
            Ok(on) => d.close_programme(id, Some(on)).await,
            Err(e) => Err(e),
        }
    };
    done(r, "/office/programmes", "/office/programmes")
}

/// `GET /office/plans/new` and `/office/plans/{id}/edit` (the plan form), `POST /office/plans` (create),
/// `/office/plans/{id}` (edit), `/office/plans/{id}/close`; `GET`/`POST /office/enterprises` (list, add),
/// `GET`/`POST /office/enterprises/{id}` (edit form, save); `GET`/`POST /office/programmes` (list, publish),
/// `POST /office/programmes/{id}/close`.
pub fn router<D: OfficeChanges>(data: Arc<D>) -> Router {
    Router::new()
        .route("/office/plans", post(create_plan::<D>))
        .route("/office/plans/new", get(new_plan::<D>))
        .route("/office/plans/{id}", post(edit_plan::<D>))
        .route("/office/plans/{id}/edit", get(edit_plan_form::<D>))
        .route("/office/plans/{id}/close", post(close_plan::<D>))
        .route("/office/enterprises", get(enterprises_page::<D>).post(add_enterprise::<D>))
        .route("/office/enterprises/{id}", get(enterprise_page::<D>).post(edit_enterprise::<D>))
        .route("/office/programmes", get(programmes_page::<D>).post(publish_programme::<D>))
        .route("/office/programmes/{id}/close", post(close_programme::<D>))
        .with_state(data)
}
