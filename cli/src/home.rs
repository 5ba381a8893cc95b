//! Where the shell keeps its store and the store's key.
//!
//! On a phone the key lives in Android Keystore or the iOS Keychain; on a desktop it is a file readable only by its
//! owner beside the store (or `VIECLAM_KEY` in the environment), made from the OS's random source at `init`.

use std::io::Write;
use std::path::{Path, PathBuf};

use vieclam_core::messages::cli as m;
use vieclam_core::{DbKey, Lang};

/// The shell's data folder: `--home`, else `$VIECLAM_HOME`, else `$XDG_DATA_HOME/vieclam`, else
/// `~/.local/share/vieclam`.
pub fn folder(explicit: Option<&Path>) -> PathBuf {
    if let Some(p) = explicit {
        return p.to_path_buf();
    }
    if let Some(p) = std::env::var_os("VIECLAM_HOME") {
        return PathBuf::from(p);
    }
    if let Some(p) = std::env::var_os("XDG_DATA_HOME") {
        return PathBuf::from(p).join("vieclam");
    }
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("."));
    home.join(".local/share/vieclam")
}

/// The store file in `folder`.
pub fn store_path(folder: &Path) -> PathBuf {
    folder.join("vieclam.db")
}

fn key_path(folder: &Path) -> PathBuf {
    folder.join("vieclam.key")
}

fn parse_hex_key(text: &str) -> Option<DbKey> {
    let t = text.trim();
    if t.len() != 64 {
        return None;
    }
    let bytes: Option<Vec<u8>> = (0..32).map(|i| u8::from_str_radix(t.get(i * 2..i * 2 + 2)?, 16).ok()).collect();
    DbKey::raw(&bytes?).ok()
}

/// Reads the key: `VIECLAM_KEY`, else the key file.
pub fn read_key(folder: &Path, lang: Lang) -> Result<DbKey, String> {
    if let Ok(k) = std::env::var("VIECLAM_KEY") {
        return parse_hex_key(&k).ok_or_else(|| m::BAD_KEY_FILE.fill(lang, &[("path", "VIECLAM_KEY")]));
    }
    let path = key_path(folder);
    let text = std::fs::read_to_string(&path)
        .map_err(|_| m::NO_STORE.fill(lang, &[("path", &folder.display().to_string())]))?;
    parse_hex_key(&text).ok_or_else(|| m::BAD_KEY_FILE.fill(lang, &[("path", &path.display().to_string())]))
}

/// Makes a new random key and writes it to the key file (mode 0600), unless `VIECLAM_KEY` is set.
pub fn new_key(folder: &Path, lang: Lang) -> Result<DbKey, String> {
    if std::env::var_os("VIECLAM_KEY").is_some() {
        return read_key(folder, lang);
    }
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| e.to_string())?;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let path = key_path(folder);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    file.write_all(hex.as_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
    DbKey::raw(&bytes).map_err(|e| e.message(lang))
}
