//! `vieclam init [--demo N]`: a new encrypted store with a fresh key, optionally a demo province.

use vieclam_core::Store;
use vieclam_core::demo::{self, DemoSpec};
use vieclam_core::messages::cli as m;

use super::Ctx;
use crate::{Failure, home};

/// Creates the store.
pub fn run(ctx: &Ctx, demo_loans: Option<usize>, seed: u64, force: bool) -> Result<(), Failure> {
    let lang = ctx.lang;
    let path = home::store_path(&ctx.folder);
    let shown = ctx.folder.display().to_string();
    if path.exists() {
        if !force {
            return Err(Failure(m::STORE_EXISTS.fill(lang, &[("path", &shown)])));
        }
        for suffix in ["", "-wal", "-shm"] {
            let p = path.with_file_name(format!("vieclam.db{suffix}"));
            if p.exists() {
                std::fs::remove_file(&p).map_err(|e| Failure(format!("{}: {e}", p.display())))?;
            }
        }
    }
    std::fs::create_dir_all(&ctx.folder).map_err(|e| Failure(format!("{shown}: {e}")))?;
    if let Some(n) = demo_loans {
        // Check the size before making anything, so a bad size leaves no half-made store behind.
        demo::check_size(n).map_err(|e| Failure::core(e, lang))?;
    }
    let key = home::new_key(&ctx.folder, lang).map_err(Failure)?;
    let mut store = Store::open(&path, &key).map_err(|e| Failure::core(e, lang))?;
    match demo_loans {
        Some(n) => {
            let batch = demo::load(&mut store, DemoSpec { loans: n, seed, as_of: ctx.today })
                .map_err(|e| Failure::core(e, lang))?;
            println!(
                "{}",
                m::DEMO_READY.fill(
                    lang,
                    &[
                        ("loans", &batch.loans.len().to_string()),
                        ("borrowers", &batch.borrowers.len().to_string()),
                        ("sites", &batch.sites.len().to_string()),
                        ("path", &path.display().to_string()),
                    ]
                )
            );
        }
        None => println!("{}", m::STORE_READY.fill(lang, &[("path", &path.display().to_string())])),
    }
    Ok(())
}
