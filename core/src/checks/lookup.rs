//! Finding what a person names: a site by id, a check by id or by its code (`KT-06613-0001`, latest revision).

use rusqlite::OptionalExtension;

use crate::error::{Error, Result};
use crate::records::Site;
use crate::store::Store;

/// The site with this id.
pub fn site(store: &Store, site_id: &str) -> Result<Site> {
    store
        .conn()
        .query_row(
            "SELECT id, model_id, commune_code, lat, lon, radius_m, plot FROM sites WHERE id = ?1",
            [site_id.trim()],
            |r| {
                let plot: Option<String> = r.get(6)?;
                Ok(Site {
                    id: r.get(0)?,
                    model_id: r.get(1)?,
                    commune_code: r.get(2)?,
                    lat: r.get(3)?,
                    lon: r.get(4)?,
                    radius_m: r.get(5)?,
                    plot: plot.and_then(|p| serde_json::from_str(&p).ok()),
                })
            },
        )
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "site", id: site_id.trim().to_owned() })
}

/// The check named by its id, or by its code (then the latest revision of that visit).
pub fn check_id(store: &Store, id_or_code: &str) -> Result<String> {
    let key = id_or_code.trim();
    store
        .conn()
        .query_row("SELECT id FROM site_checks WHERE id = ?1 OR code = ?1 ORDER BY revision DESC LIMIT 1", [key], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "check", id: key.to_owned() })
}

/// The id of the inspection plan with this id or code (`452/KH-SNV`), or of the latest plan when `None`.
pub fn plan_id(store: &Store, id_or_code: Option<&str>) -> Result<String> {
    let found = match id_or_code {
        Some(key) => store
            .conn()
            .query_row("SELECT id FROM inspection_plans WHERE id = ?1 OR code = ?1", [key.trim()], |r| r.get(0))
            .optional()?,
        None => store
            .conn()
            .query_row("SELECT id FROM inspection_plans ORDER BY starts_on DESC LIMIT 1", [], |r| r.get(0))
            .optional()?,
    };
    found.ok_or_else(|| Error::NotFound { entity: "plan", id: id_or_code.unwrap_or("").to_owned() })
}

/// The area funded for the model at this site, in hectares; 0 when the loan file names none.
pub fn funded_area_ha(store: &Store, site_id: &str) -> Result<f64> {
    let site = site(store, site_id)?;
    let funded: Option<f64> = store
        .conn()
        .query_row("SELECT funded_area_ha FROM funded_models WHERE id = ?1", [&site.model_id], |r| r.get(0))
        .optional()?
        .flatten();
    Ok(funded.unwrap_or(0.0))
}
