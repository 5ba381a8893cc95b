//! `vieclam minutes COMMUNE [--plan P] [--html FILE]`: a commune's inspection minutes, on screen and printable.

use std::path::Path;

use vieclam_core::checks::lookup;
use vieclam_core::checks::minutes::minutes;
use vieclam_core::checks::minutes_html::minutes_html;
use vieclam_core::messages::cli as m;

use super::Ctx;
use super::parse;
use crate::Failure;

/// Prints the minutes and writes the HTML when asked.
pub fn run(ctx: &Ctx, commune: &str, plan: Option<&str>, html: Option<&Path>) -> Result<(), Failure> {
    let lang = ctx.lang;
    let code =
        parse::commune_code(commune).ok_or_else(|| Failure(m::UNKNOWN_COMMUNE.fill(lang, &[("text", commune)])))?;
    let store = ctx.open()?;
    let plan_id = lookup::plan_id(&store, plan).map_err(|e| Failure::core(e, lang))?;
    let minutes = minutes(&store, &code, &plan_id, ctx.today, lang).map_err(|e| Failure::core(e, lang))?;
    println!("{}", minutes.title.to_uppercase());
    println!("{}", minutes.subject);
    for item in &minutes.header {
        println!("  {}: {}", item.label, item.value);
    }
    for section in &minutes.sections {
        println!("\n{}", section.title);
        for item in &section.items {
            println!("  {}: {}", item.label, item.value);
        }
        for line in &section.lines {
            println!("  - {line}");
        }
    }
    if let Some(path) = html {
        std::fs::write(path, minutes_html(&minutes)).map_err(|e| {
            Failure(m::CANNOT_READ.fill(lang, &[("path", &path.display().to_string()), ("detail", &e.to_string())]))
        })?;
        println!("\n{}", m::MINUTES_WRITTEN.fill(lang, &[("path", &path.display().to_string())]));
    }
    Ok(())
}
