//! What the CLI tests share: running the real binary on a data folder, on a fixed day.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `vieclam --home HOME --on 15/11/2026 ARGS…` without any key in the environment.
pub fn vieclam(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vieclam"))
        .arg("--home")
        .arg(home)
        .args(["--on", "15/11/2026"])
        .args(args)
        .env_remove("VIECLAM_KEY")
        .output()
        .expect("the binary runs")
}
