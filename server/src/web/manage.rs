//! The office's forms ([`OfficeChanges`]) over the database, through the same functions as the command line
//! (`plans`, `enterprises`, `publish`), so a rule holds whichever way the office works.

use chrono::NaiveDate;
use vieclam_core::messages::office;
use vieclam_core::records::{InspectionPlan, JobProgramme, SendingEnterprise};

use crate::dashboard::manage::OfficeChanges;
use crate::dashboard::plan_form::{InspectorOption, PlanFormView};
use crate::db::Db;
use crate::enterprises::{self, EnterpriseDraft};
use crate::error::{ApiError, ApiResult};
use crate::plans::{self, PlanDraft};
use crate::publish::{self, NewJobProgramme};
use crate::work;

/// The forms' data source.
#[derive(Clone)]
pub struct DbOffice {
    db: Db,
}

impl DbOffice {
    /// Over `db`.
    pub fn new(db: Db) -> DbOffice {
        DbOffice { db }
    }
}

fn today() -> NaiveDate {
    vieclam_core::query::session::today_in_province()
}

impl OfficeChanges for DbOffice {
    async fn plan_form(&self, id: Option<String>) -> ApiResult<PlanFormView> {
        self.db
            .read(work!(|tx| async move {
                let plan = match id {
                    None => None,
                    Some(id) => Some(plans::load(tx, &id).await?.ok_or_else(|| {
                        ApiError::new(axum::http::StatusCode::NOT_FOUND, "not_found", office::NO_SUCH_PLAN)
                    })?),
                };
                if let Some(c) = plan.as_ref().and_then(|p| p.closed_on) {
                    let code = plan.as_ref().map(|p| p.code.clone()).unwrap_or_default();
                    return Err(plans::refuse(
                        "plan.closed",
                        office::PLAN_CLOSED,
                        &[("code", &code), ("date", &vieclam_core::format::date(c))],
                    ));
                }
                let mut inspectors: Vec<InspectorOption> = tx
                    .query("SELECT id, username, display_name, disabled FROM accounts WHERE role = 'inspector'", vec![])
                    .await?
                    .iter()
                    .map(|r| InspectorOption {
                        id: r.text(0),
                        username: r.opt_text(1).unwrap_or_default(),
                        name: r.text(2),
                        disabled: r.int(3) != 0,
                    })
                    .collect();
                inspectors.sort_by(|a, b| {
                    vieclam_core::fold::fold(&a.name).cmp(&vieclam_core::fold::fold(&b.name)).then(a.id.cmp(&b.id))
                });
                Ok(PlanFormView { plan, inspectors, ..PlanFormView::default() })
            }))
            .await
    }

    async fn save_plan(&self, id: Option<String>, draft: PlanDraft) -> ApiResult<InspectionPlan> {
        match id {
            None => plans::create(&self.db, &draft).await,
            Some(id) => plans::edit(&self.db, &id, &draft).await,
        }
    }

    async fn close_plan(&self, id: String) -> ApiResult<InspectionPlan> {
        plans::close(&self.db, &id, today()).await
    }

    async fn enterprises(&self) -> ApiResult<Vec<SendingEnterprise>> {
        enterprises::list(&self.db).await
    }

    async fn save_enterprise(&self, id: Option<String>, draft: EnterpriseDraft) -> ApiResult<SendingEnterprise> {
        match id {
            None => enterprises::create(&self.db, &draft).await,
            Some(id) => enterprises::edit(&self.db, &id, &draft).await,
        }
    }

    async fn programmes(&self) -> ApiResult<(Vec<JobProgramme>, Vec<SendingEnterprise>, NaiveDate)> {
        let today = today();
        self.db
            .read(work!(
                |tx| async move { Ok((publish::job_programmes(tx).await?, enterprises::all(tx).await?, today)) }
            ))
            .await
    }

    async fn publish_programme(&self, p: NewJobProgramme) -> ApiResult<JobProgramme> {
        publish::publish_job_programme(&self.db, p, today()).await
    }

    async fn close_programme(&self, id: String, on: Option<NaiveDate>) -> ApiResult<JobProgramme> {
        publish::close_job_programme(&self.db, &id, on.unwrap_or_else(today)).await
    }
}
