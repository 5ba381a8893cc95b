//! The store's connection stays inside the core (issue 12). `Store::conn` is private to `vieclam-core`; the only way
//! past it is `Store::raw_connection_for_tests`, behind the core's `test-access` feature, for tests that tamper with
//! rows. These checks read the sources and manifests of the workspace and fail when:
//!
//! - a product source (any `src/` outside the core: bindings, CLI, server, bench, the e2e tools) names the raw
//!   accessor or the feature;
//! - a manifest other than the fuzz harness's turns `test-access` on outside `[dev-dependencies]`, where a normal
//!   build would compile it in;
//! - the bindings depend on rusqlite or run SQL, or the CLI's sources do: both reach the store through core
//!   functions only.

use std::path::{Path, PathBuf};

const ACCESSOR: &str = "raw_connection_for_tests";
const FEATURE: &str = "test-access";

/// The workspace root (this crate lives in `tests/support`).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every file under `dir` (relative to the root) whose name ends with one of `extensions`, build output skipped.
fn files(dir: &str, extensions: &[&str]) -> Vec<PathBuf> {
    fn walk(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "target" && n != "build") {
                    walk(&path, extensions, out);
                }
            } else if path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| extensions.iter().any(|e| n.ends_with(e)))
            {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join(dir), extensions, &mut out);
    out
}

/// `path: line` for each line of `path` that contains one of `needles`.
fn hits(path: &Path, needles: &[&str]) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .enumerate()
        .filter(|(_, line)| needles.iter().any(|n| line.contains(n)))
        .map(|(i, line)| format!("{}:{}: {}", path.display(), i + 1, line.trim()))
        .collect()
}

#[test]
fn product_sources_never_name_the_raw_accessor() {
    let product = ["bindings/src", "cli/src", "server/src", "bench/src", "tests/e2e/src"];
    let found: Vec<String> =
        product.iter().flat_map(|dir| files(dir, &[".rs"])).flat_map(|f| hits(&f, &[ACCESSOR, FEATURE])).collect();
    assert!(found.is_empty(), "product code reaches the store's raw connection:\n{}", found.join("\n"));
    // The sweep did look at something: a moved folder must not make this test pass vacuously.
    assert!(files("bindings/src", &[".rs"]).len() > 10 && files("cli/src", &[".rs"]).len() > 10);
}

#[test]
fn bindings_and_cli_run_no_sql() {
    let sql = ["rusqlite", "execute(", "query_row", "prepare("];
    let mut found: Vec<String> = files("bindings", &[".rs", ".toml"]).iter().flat_map(|f| hits(f, &sql)).collect();
    found.extend(files("cli/src", &[".rs"]).iter().flat_map(|f| hits(f, &sql)));
    found.extend(hits(&root().join("cli/Cargo.toml"), &["rusqlite"]));
    assert!(found.is_empty(), "SQL outside the core (add a core function instead):\n{}", found.join("\n"));
}

/// The lines of a manifest that turn `test-access` on, with the `[section]` each sits in.
fn feature_lines(manifest: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(manifest).unwrap_or_default();
    let mut section = String::new();
    let mut out = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line.to_owned();
        } else if !line.starts_with('#') && line.contains(FEATURE) {
            out.push((section.clone(), line.to_owned()));
        }
    }
    out
}

#[test]
fn test_access_is_enabled_from_dev_dependencies_only() {
    let manifests = ["core", "bindings", "cli", "bench", "server", "tests/e2e", "tests/support"];
    let mut wrong = Vec::new();
    for dir in manifests {
        let manifest = root().join(dir).join("Cargo.toml");
        assert!(manifest.exists(), "{} is a workspace member", manifest.display());
        for (section, line) in feature_lines(&manifest) {
            let defines_it = dir == "core" && section == "[features]" && line.starts_with(FEATURE);
            if section != "[dev-dependencies]" && !defines_it {
                wrong.push(format!("{dir}/Cargo.toml {section}: {line}"));
            }
        }
    }
    // The core's `[features]` must not switch it on through another feature (`default = ["test-access"]`, …).
    let core = feature_lines(&root().join("core/Cargo.toml"));
    assert!(core.iter().any(|(s, l)| s == "[features]" && l.starts_with("test-access = []")), "the feature is defined");
    assert!(wrong.is_empty(), "`test-access` outside [dev-dependencies]:\n{}", wrong.join("\n"));
}

#[test]
fn the_core_keeps_its_connection_private() {
    let store = std::fs::read_to_string(root().join("core/src/store/mod.rs")).expect("the store module");
    assert!(!store.contains("pub fn conn("), "Store::conn must stay pub(crate)");
    assert!(store.contains("pub(crate) fn conn("), "Store::conn is where the core's queries start");
    let access = std::fs::read_to_string(root().join("core/src/store/test_access.rs")).expect("the test accessor");
    assert!(store.contains("#[cfg(feature = \"test-access\")]\nmod test_access;"), "the accessor is feature-gated");
    assert!(access.contains(&format!("pub fn {ACCESSOR}(")));
}
