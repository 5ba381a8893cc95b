//! `vieclam status`: the sync screen — who is signed in, what waits to go up, what the server refused and why,
//! and when the last sync worked.

use vieclam_core::sync;

use super::Ctx;
use crate::Failure;

/// Prints the sync screen.
pub fn run(ctx: &Ctx) -> Result<(), Failure> {
    let store = ctx.open()?;
    let status = sync::status(&store, ctx.lang).map_err(|e| Failure::core(e, ctx.lang))?;
    for line in &status.lines {
        println!("{line}");
    }
    Ok(())
}
