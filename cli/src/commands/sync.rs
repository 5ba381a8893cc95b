//! `vieclam sync`: one sync with the office server, with a progress bar on a terminal (plain lines otherwise, so
//! logs and tests read it), Ctrl-C to stop at the next safe point, and a last line that says what moved.

use std::io::IsTerminal;
use std::sync::Mutex;

use indicatif::{ProgressBar, ProgressStyle};
use vieclam_core::Lang;
use vieclam_core::sync::{self, CancelToken, ProgressEvent, SyncOptions, SyncPhase, SyncProgress, bytes_text};

use super::Ctx;
use super::login::{runtime, sync_failure};
use crate::Failure;

/// Draws progress: a bar on a terminal, one line per step otherwise.
struct Shown {
    lang: Lang,
    bar: Option<ProgressBar>,
    last_phase: Mutex<Option<SyncPhase>>,
}

impl SyncProgress for Shown {
    fn on_progress(&self, e: ProgressEvent) {
        let label = e.phase.label().get(self.lang);
        let bytes = format!("↑ {} ↓ {}", bytes_text(e.bytes_up), bytes_text(e.bytes_down));
        match &self.bar {
            Some(bar) => {
                bar.set_length(e.total.max(e.done));
                bar.set_position(e.done);
                bar.set_message(format!("{label} · {bytes}"));
            }
            None => {
                let mut last = self.last_phase.lock().unwrap_or_else(|p| p.into_inner());
                if *last != Some(e.phase) || e.done == e.total {
                    let of = if e.total > 0 { format!("{}/{}", e.done, e.total) } else { e.done.to_string() };
                    println!("{label}: {of} ({bytes})");
                    *last = Some(e.phase);
                }
            }
        }
    }
}

/// Runs one sync.
pub fn run(ctx: &Ctx) -> Result<(), Failure> {
    let store = Mutex::new(ctx.open()?);
    let bar = std::io::stdout().is_terminal().then(|| {
        let bar = ProgressBar::new(0);
        if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}") {
            bar.set_style(style);
        }
        bar
    });
    let shown = Shown { lang: ctx.lang, bar, last_phase: Mutex::new(None) };
    let options = SyncOptions::with_photos(ctx.folder.join("photos"));
    let cancel = CancelToken::new();
    let rt = runtime(ctx)?;
    let result = rt.block_on(async {
        let stop = cancel.clone();
        let ctrl_c = tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                stop.cancel();
            }
        });
        let out = sync::sync(&store, &options, &shown, &cancel).await;
        ctrl_c.abort();
        out
    });
    if let Some(bar) = &shown.bar {
        bar.finish_and_clear();
    }
    let report = result.map_err(|e| sync_failure(e, ctx))?;
    println!("{}", report.summary(ctx.lang));
    Ok(())
}
