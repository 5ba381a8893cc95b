//! `vieclam sites --near LAT,LON`: sites to inspect, nearest first.

use vieclam_core::messages::{cli as m, labels as l};
use vieclam_core::query::{SiteScope, sites_near};

use super::Ctx;
use crate::{Failure, table};

/// Lists the nearest sites.
pub fn run(ctx: &Ctx, near: &str, limit: usize, all: bool) -> Result<(), Failure> {
    let lang = ctx.lang;
    let (lat, lon) = super::parse::point(near).ok_or_else(|| Failure(m::BAD_POINT.fill(lang, &[("text", near)])))?;
    let store = ctx.open()?;
    let scope = if all { SiteScope::All } else { SiteScope::AssignedOn(ctx.today) };
    let rows = sites_near(&store, lat, lon, limit, scope, lang).map_err(|e| Failure::core(e, lang))?;
    println!("{}", l::SITES_TITLE.get(lang));
    if rows.is_empty() {
        println!("{}", m::NO_SITES.get(lang));
        return Ok(());
    }
    let mut t = table::new(&[
        l::DISTANCE.get(lang),
        l::BORROWER.get(lang),
        l::COMMUNE.get(lang),
        l::PURPOSE.get(lang),
        l::POSITION.get(lang),
        "Site",
    ]);
    for r in &rows {
        let position = format!("{:.6},{:.6}", r.lat, r.lon);
        t.add_row(vec![&r.distance_text, &r.borrower_name, &r.commune_name, &r.description, &position, &r.site_id]);
    }
    println!("{t}");
    Ok(())
}
