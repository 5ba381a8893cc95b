//! Finding the workspace's built binaries: they sit in the target profile directory, next to the test executable
//! (`target/debug/deps/…`) or next to a harness binary (`target/debug/fault_run`). The test script builds them
//! first; a missing one is a clear error naming the command that builds it, never a confusing spawn failure.

use std::path::PathBuf;

use crate::error::{HarnessError, Result};

/// The sync server's binary name.
pub const SERVER: &str = "vieclam-server";
/// The terminal shell's binary name.
pub const CLI: &str = "vieclam";

/// The directory holding the workspace's binaries: `$VIECLAM_BIN_DIR` when set, else the profile directory of the
/// running executable.
pub fn bin_dir() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os("VIECLAM_BIN_DIR") {
        return Ok(PathBuf::from(dir));
    }
    let exe = std::env::current_exe().map_err(crate::error::io("locating the test executable"))?;
    let mut dir = exe.parent().map(PathBuf::from).unwrap_or_default();
    // Test executables live in `deps/`; the binaries one level up.
    if dir.file_name().is_some_and(|n| n == "deps") {
        dir.pop();
    }
    Ok(dir)
}

/// The path of the built binary `name`, or [`HarnessError::MissingBinary`].
pub fn binary(name: &str) -> Result<PathBuf> {
    let path = bin_dir()?.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    if path.is_file() { Ok(path) } else { Err(HarnessError::MissingBinary { name: name.to_string(), path }) }
}
