//! `vieclam programmes [--search TEXT]`: the job programme catalogue.

use vieclam_core::query::catalogue;

use super::Ctx;
use crate::Failure;

/// Prints the catalogue.
pub fn run(ctx: &Ctx, search: &str) -> Result<(), Failure> {
    let store = ctx.open()?;
    let c = catalogue(&store, search, ctx.today, ctx.lang).map_err(|e| Failure::core(e, ctx.lang))?;
    println!("{}", c.title);
    let mut kind = String::new();
    for p in &c.programmes {
        if p.kind_text != kind {
            kind = p.kind_text.clone();
            println!("\n== {kind} ==");
        }
        let extra: Vec<&str> =
            [p.place.as_deref(), p.seats_text.as_deref(), p.closes_text.as_deref()].into_iter().flatten().collect();
        println!("• {} — {}", p.title, extra.join(" · "));
        println!("  {}", p.description);
        if let Some(e) = &p.enterprise_text {
            println!("  {e}");
        }
    }
    Ok(())
}
