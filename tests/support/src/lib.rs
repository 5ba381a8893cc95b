//! `vieclam-test-support`: the small things every Rust test crate of the workspace needs, kept once so the server's,
//! the core's and the end-to-end tests cannot drift apart: lower-case hex, SHA-256 as hex, and where the PostgreSQL
//! server tools of this machine are (the throwaway clusters of the tests start from them). [`bench_rows`] holds the
//! budgets `scripts/bench.sh` measures and the rows file every bench binary (the end-to-end ones and
//! `vieclam-bench`) appends to, so that `bench_table` prints them as one table.

pub mod bench_rows;

use std::path::PathBuf;

use sha2::{Digest, Sha256};

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    hex::encode(bytes)
}

/// Lower-case hex of the SHA-256 of `bytes` (a photo's address, a token's stored form).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The folder of the newest PostgreSQL server tools installed (`/usr/lib/postgresql/N/bin` on Debian, whichever
/// version the release ships), or `$PG_BIN` when set. Falls back to version 15's folder, so the error a test gives
/// names a real path to install.
pub fn pg_bin() -> PathBuf {
    if let Some(dir) = std::env::var_os("PG_BIN") {
        return PathBuf::from(dir);
    }
    let versions = std::fs::read_dir("/usr/lib/postgresql").into_iter().flatten().flatten();
    versions
        .filter_map(|e| Some((e.file_name().to_str()?.parse::<u32>().ok()?, e.path().join("bin"))))
        .filter(|(_, bin)| bin.join("initdb").exists())
        .max_by_key(|(version, _)| *version)
        .map_or_else(|| PathBuf::from("/usr/lib/postgresql/15/bin"), |(_, bin)| bin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_and_sha256() {
        assert_eq!(hex(&[0, 15, 255]), "000fff");
        assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn finds_the_installed_postgresql() {
        // The test command needs PostgreSQL's server tools (.ci/run installs them): initdb must be where we look.
        let bin = pg_bin();
        assert!(bin.join("initdb").exists() && bin.join("pg_ctl").exists(), "{}", bin.display());
    }
}
