//! Every sentence a person reads lives in `core/src/messages` (issue 13). This test reads the Rust sources of the
//! core, the bindings, the CLI and the server and fails, naming file and line, on a user-facing literal anywhere
//! else.
//!
//! What counts as a user-facing literal, precisely: a string literal (`"…"` or raw `r#"…"#`; byte strings cannot
//! hold one) holding a Vietnamese letter with a diacritic (below, both cases, `đ` included). Not looked at: the
//! files of `core/src/messages/`, comments and doc comments, character literals, and test code: files named
//! `tests.rs` or `*_tests.rs` and any item marked `#[cfg(test)]`. An English-only sentence is not caught (no rule
//! tells it from an identifier, a format string or a key); every English sentence of the catalogue has its
//! Vietnamese beside it, so a pair written outside the catalogue is caught by its Vietnamese half.
//!
//! [`ALLOWED`] names the only exceptions, each with the most literals the file may hold and why: data that are
//! facts (place names, the demo province's people and what its inspectors wrote, the administrative header and the
//! national motto of the report's documents). A file may hold fewer than its number (lower it when it does), never
//! more, and a file that holds none any more must leave the list.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Vietnamese letters with a diacritic, lower and upper case.
const VIETNAMESE: &str = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ\
                          ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ";

/// The source trees scanned, from the workspace root.
const ROOTS: [&str; 4] = ["core/src", "bindings/src", "cli/src", "server/src"];

/// The catalogue itself.
const CATALOGUE: &str = "core/src/messages/";

/// Files allowed to hold Vietnamese literals: (path, at most this many, why).
const ALLOWED: &[(&str, usize, &str)] = &[
    (
        "core/src/checks/minutes_html.rs",
        2,
        "data: the national motto heading an administrative document (Vietnamese only by law)",
    ),
    (
        "core/src/demo/mod.rs",
        12,
        "data: the demo loan book's programme names and licence numbers, as the bank writes them",
    ),
    ("core/src/demo/names.rs", 138, "data: the demo province's family, middle and given names and villages"),
    ("core/src/demo/people.rs", 2, "data: the demo borrowers' groups and addresses, built from names"),
    ("core/src/loans/rules.rs", 2, "data: the legal basis of each rule set, the decrees' own titles"),
    ("core/src/places/communes.rs", 2, "data: the official prefixes of a commune's and a ward's name (Xã, Phường)"),
    (
        "core/src/registration/province.rs",
        59,
        "data: the provinces of the citizen ID number's prefix, by their official names",
    ),
    (
        "server/src/demo/field.rs",
        4,
        "data: the official prefixes of a commune's and a ward's name, lowered in a sentence",
    ),
    ("server/src/demo/mod.rs", 4, "data: the demo accounts' names"),
    (
        "server/src/demo/reviews.rs",
        91,
        "data: what the demo inspectors wrote in their reviews (record content, not interface)",
    ),
    (
        "server/src/demo/visits.rs",
        24,
        "data: what the demo inspectors noted at each site (record content, not interface)",
    ),
    ("server/src/import/cells.rs", 2, "data: the currency words a bank's cell may carry, read and dropped"),
    ("server/src/import/records.rs", 3, "data: the bank's own programme names, matched in its files"),
    (
        "server/src/report/compose.rs",
        10,
        "data: the report's administrative header (authority, issuer, number line, place) and the official prefixes of \
         a commune's name, lowered inside a sentence",
    ),
    (
        "server/src/report/doc.rs",
        3,
        "data: the national motto and the place-and-date line heading an administrative document (Vietnamese only by law)",
    ),
    (
        "server/src/report/minutes.rs",
        5,
        "data: the minutes' number line (administrative header) and the chairman's titles matched in recorded attendees",
    ),
];

/// One literal found: its line and text.
#[derive(Debug)]
struct Found {
    line: usize,
    text: String,
}

fn is_vietnamese(s: &str) -> bool {
    s.chars().any(|c| VIETNAMESE.contains(c))
}

/// The string literals of `src` outside comments and `#[cfg(test)]` items, with the line each starts on.
fn literals(src: &str) -> Vec<Found> {
    let b: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1;
    // Depth of braces, and the depth at which a `#[cfg(test)]` item began (skipped until it closes).
    let mut depth: i64 = 0;
    let mut skip_from: Option<i64> = None;
    let mut pending_test_attr = false;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut nest = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    nest += 1;
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    nest -= 1;
                    i += 2;
                    if nest == 0 {
                        break;
                    }
                } else {
                    if b[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if c == '#' && src_at(&b, i, "#[cfg(test)]") {
            pending_test_attr = true;
            i += "#[cfg(test)]".chars().count();
        } else if c == '"' || (c == 'r' && (next == Some('"') || next == Some('#')) && !ident_before(&b, i)) {
            // A string literal, plain or raw (`b"…"` and `br"…"` come through here too: ASCII only, never caught).
            let start_line = line;
            let (text, end) = if c == 'r' {
                let mut j = i + 1;
                let mut hashes = 0;
                while b.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if b.get(j) != Some(&'"') {
                    // `r#ident`, a raw identifier.
                    i = j;
                    continue;
                }
                j += 1;
                let begin = j;
                loop {
                    if j >= b.len() {
                        break;
                    }
                    if b[j] == '"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&'#')) {
                        break;
                    }
                    j += 1;
                }
                (b[begin..j.min(b.len())].iter().collect::<String>(), j + 1 + hashes)
            } else {
                let mut j = i + 1;
                let begin = j;
                while j < b.len() && b[j] != '"' {
                    if b[j] == '\\' {
                        j += 1;
                    }
                    j += 1;
                }
                (b[begin..j.min(b.len())].iter().collect::<String>(), j + 1)
            };
            line += text.matches('\n').count();
            if skip_from.is_none() && !pending_test_attr {
                out.push(Found { line: start_line, text });
            }
            i = end;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{1EA1}') or a lifetime ('a).
            if next == Some('\\') {
                let mut j = i + 2;
                while j < b.len() && b[j] != '\'' {
                    j += 1;
                }
                i = j + 1;
            } else if b.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if c == '{' {
            if pending_test_attr && skip_from.is_none() {
                skip_from = Some(depth);
            }
            pending_test_attr = false;
            depth += 1;
            i += 1;
        } else if c == '}' {
            depth -= 1;
            if skip_from == Some(depth) {
                skip_from = None;
            }
            i += 1;
        } else if c == ';' {
            // `#[cfg(test)] mod tests;` or `#[cfg(test)] use …;`: the item ends here.
            pending_test_attr = false;
            i += 1;
        } else {
            i += 1;
        }
    }
    out
}

fn src_at(b: &[char], i: usize, s: &str) -> bool {
    s.chars().enumerate().all(|(k, c)| b.get(i + k) == Some(&c))
}

/// Whether the character before `i` continues an identifier (so an `r` there is not a raw string's prefix).
fn ident_before(b: &[char], i: usize) -> bool {
    i > 0 && (b[i - 1].is_alphanumeric() || b[i - 1] == '_')
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn is_test_file(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name == "tests.rs" || name.ends_with("_tests.rs") || rel.contains("/tests/")
}

/// Every Vietnamese literal outside the catalogue and outside tests, by file (relative to the workspace).
fn scan(root: &Path) -> BTreeMap<String, Vec<Found>> {
    let mut files = Vec::new();
    for r in ROOTS {
        rust_files(&root.join(r), &mut files);
    }
    let mut by_file = BTreeMap::new();
    for f in files {
        let rel = f.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        if rel.starts_with(CATALOGUE) || is_test_file(&rel) {
            continue;
        }
        let src = std::fs::read_to_string(&f).unwrap();
        let found: Vec<Found> = literals(&src).into_iter().filter(|l| is_vietnamese(&l.text)).collect();
        if !found.is_empty() {
            by_file.insert(rel, found);
        }
    }
    by_file
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn short(text: &str) -> String {
    let one_line = text.replace('\n', "⏎");
    let mut s: String = one_line.chars().take(70).collect();
    if one_line.chars().count() > 70 {
        s.push('…');
    }
    s
}

#[test]
fn user_facing_sentences_live_only_in_the_catalogue() {
    let root = workspace();
    let found = scan(&root);
    let mut problems = Vec::new();
    for (file, lits) in &found {
        // `CATALOGUE_LIST_ALL=1` lists the allowed literals too (to lower a number, or to move what is left).
        let everything = std::env::var_os("CATALOGUE_LIST_ALL").is_some();
        let allowed = ALLOWED.iter().find(|(p, _, _)| p == file).filter(|_| !everything).map_or(0, |(_, n, _)| *n);
        if lits.len() > allowed {
            let mut p = format!(
                "{file}: {} Vietnamese literal(s), {allowed} allowed; move the sentences into core/src/messages:",
                lits.len()
            );
            for l in lits {
                p.push_str(&format!("\n  {file}:{}: \"{}\"", l.line, short(&l.text)));
            }
            problems.push(p);
        }
    }
    for (path, _, _) in ALLOWED {
        if !found.contains_key(*path) {
            problems.push(format!("{path} holds no Vietnamese literal any more: take it off the allow-list"));
        }
    }
    assert!(problems.is_empty(), "user-facing literals outside the catalogue:\n{}", problems.join("\n"));
}

#[test]
fn the_allow_list_names_files_that_exist() {
    let root = workspace();
    for (path, _, why) in ALLOWED {
        assert!(root.join(path).is_file(), "{path} is allowed ({why}) but is not there any more");
        assert!(!why.is_empty());
    }
}

#[test]
fn the_scanner_reads_literals_as_rust_does() {
    let src = "// «Tiếng Việt» in a comment\n\
               /// «doc»: Tiếng Việt\n\
               /* block: Tiếng Việt /* nested */ */\n\
               let a = \"Đăng nhập\"; let c = 'đ'; fn f<'a>(x: &'a str) {}\n\
               let r = r#\"Có \"dấu\" ngoặc\"#;\n\
               let e = \"escaped \\\" quote, then Việt\";\n\
               #[cfg(test)]\nmod tests { const X: &str = \"Kiểm tra\"; }\n\
               let after = \"Sau đó\";\n";
    let found: Vec<(usize, String)> =
        literals(src).into_iter().filter(|l| is_vietnamese(&l.text)).map(|l| (l.line, l.text)).collect();
    assert_eq!(
        found,
        [
            (4, "Đăng nhập".to_owned()),
            (5, "Có \"dấu\" ngoặc".to_owned()),
            (6, "escaped \\\" quote, then Việt".to_owned()),
            (9, "Sau đó".to_owned()),
        ]
    );
}
