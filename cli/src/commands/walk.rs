//! `vieclam walk FILE [--site ID | --check CODE]`: a plot walked along its boundary, as area and perimeter, compared
//! with the area the site's loan funded; with `--check`, recorded on that open check (signed by this desktop's device
//! key and queued to go up, like a photo).

use std::path::Path;

use chrono::{Duration, Utc};
use vieclam_core::checks::fix::Fix;
use vieclam_core::checks::lifecycle as lc;
use vieclam_core::checks::lookup;
use vieclam_core::checks::settings::CheckSettings;
use vieclam_core::checks::walk::{compare_area, plot_from_walk};
use vieclam_core::evidence::signing::enrol;
use vieclam_core::messages::cli as m;

use super::Ctx;
use crate::Failure;

/// Reads `lat,lon[,accuracy]` lines (a header line and blank lines are skipped) as fixes one second apart.
fn read_fixes(ctx: &Ctx, file: &Path) -> Result<Vec<Fix>, Failure> {
    let lang = ctx.lang;
    let text = std::fs::read_to_string(file).map_err(|e| {
        Failure(m::CANNOT_READ.fill(lang, &[("path", &file.display().to_string()), ("detail", &e.to_string())]))
    })?;
    let start = Utc::now();
    let mut fixes = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        let bad = || Failure(m::WALK_BAD_LINE.fill(lang, &[("line", &(n + 1).to_string())]));
        let parts: Vec<f64> =
            line.split(',').map(|p| p.trim().parse::<f64>()).collect::<Result<_, _>>().map_err(|_| bad())?;
        let (lat, lon, accuracy_m) = match parts[..] {
            [lat, lon] => (lat, lon, 5.0),
            [lat, lon, acc] => (lat, lon, acc),
            _ => return Err(bad()),
        };
        let fix = Fix {
            lat,
            lon,
            accuracy_m,
            altitude_m: None,
            time: start + Duration::seconds(fixes.len() as i64),
            provider: "manual".into(),
            satellites: None,
            mocked: false,
        };
        fix.check().map_err(|_| bad())?;
        fixes.push(fix);
    }
    Ok(fixes)
}

/// Measures the walked plot, and records it on `check` when one is named.
pub fn run(ctx: &Ctx, file: &Path, site: Option<&str>, check: Option<&str>) -> Result<(), Failure> {
    let lang = ctx.lang;
    let fixes = read_fixes(ctx, file)?;
    let settings = CheckSettings::default();
    let plot = plot_from_walk(&fixes, &settings).map_err(|e| Failure(e.message(lang)))?;
    println!("{}", plot.message(lang));
    if let Some(check) = check {
        let core = |e| Failure::core(e, lang);
        let mut store = ctx.open()?;
        let identity = enrol(&mut store).map_err(core)?;
        let id = lookup::check_id(&store, check).map_err(core)?;
        let rec =
            lc::record_walk(&mut store, &identity, &id, &plot, settings.area_tolerance, Utc::now()).map_err(core)?;
        println!("{}", rec.verdict.message(rec.area_ha, rec.funded_ha, lang));
        let code = lc::check(&store, &id, lang).map_err(core)?.code;
        println!("{}", m::WALK_RECORDED.fill(lang, &[("code", &code)]));
    }
    if let Some(site) = site {
        let store = ctx.open()?;
        let funded = lookup::funded_area_ha(&store, site).map_err(|e| Failure::core(e, lang))?;
        let verdict = compare_area(plot.area_ha, funded, settings.area_tolerance);
        println!("{}", verdict.message(plot.area_ha, funded, lang));
    }
    Ok(())
}
