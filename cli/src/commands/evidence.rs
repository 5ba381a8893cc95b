//! `vieclam evidence verify` and `vieclam exif FILE.jpg`.

use std::path::Path;

use vieclam_core::evidence::exif::read_exif;
use vieclam_core::evidence::signing::verify_store;
use vieclam_core::messages::cli as m;

use super::Ctx;
use crate::Failure;

/// Verifies this device's signed hash chain; a broken chain is a failure with every reason listed.
pub fn verify(ctx: &Ctx) -> Result<(), Failure> {
    let lang = ctx.lang;
    let store = ctx.open()?;
    let report = verify_store(&store).map_err(|e| Failure::core(e, lang))?;
    if report.ok {
        println!("{}", m::EVIDENCE_OK.fill(lang, &[("n", &report.checked.to_string())]));
        return Ok(());
    }
    let mut lines = vec![
        m::EVIDENCE_BAD
            .fill(lang, &[("n", &report.problems.len().to_string()), ("checked", &report.checked.to_string())]),
    ];
    lines.extend(report.problems.iter().map(|p| format!("  - #{} [{}] {}", p.seq, p.code.as_str(), p.message(lang))));
    Err(Failure(lines.join("\n")))
}

/// Prints the GPS position and time a JPEG carries, or says clearly that it has none.
pub fn exif(ctx: &Ctx, file: &Path) -> Result<(), Failure> {
    let lang = ctx.lang;
    let bytes = std::fs::read(file).map_err(|e| {
        Failure(m::CANNOT_READ.fill(lang, &[("path", &file.display().to_string()), ("detail", &e.to_string())]))
    })?;
    let info = read_exif(&bytes).map_err(|e| Failure(e.message(lang)))?;
    match &info.gps {
        Some(g) => {
            let ns = if g.lat >= 0.0 { "N" } else { "S" };
            let ew = if g.lon >= 0.0 { "E" } else { "W" };
            let mut position = format!("{:.6}° {ns}, {:.6}° {ew}", g.lat.abs(), g.lon.abs());
            if let Some(alt) = g.altitude_m {
                position.push_str(&format!(", {alt:.0} m"));
            }
            if let Some(err) = g.horizontal_error_m {
                position.push_str(&format!(", ±{err:.0} m"));
            }
            println!("{}", m::EXIF_POSITION.fill(lang, &[("position", &position)]));
        }
        None => println!("{}", m::EXIF_NO_GPS.get(lang)),
    }
    match (info.taken_at, info.offset) {
        (Some(t), Some(o)) => {
            println!("{}", m::EXIF_TIME.fill(lang, &[("time", &format!("{} {o}", t.format("%d/%m/%Y %H:%M:%S")))]))
        }
        (Some(t), None) => {
            println!("{}", m::EXIF_TIME.fill(lang, &[("time", &t.format("%d/%m/%Y %H:%M:%S").to_string())]))
        }
        _ => println!("{}", m::EXIF_NO_TIME.get(lang)),
    }
    if let Some(id) = &info.check_id {
        println!("{}", m::EXIF_CHECK.fill(lang, &[("id", id)]));
    }
    Ok(())
}
