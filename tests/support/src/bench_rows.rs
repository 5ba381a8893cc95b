//! The budgets `scripts/bench.sh` measures, kept in one place, and the rows file every bench binary appends its
//! measurements to so that one table of all of them can be printed at the end (`bench_table`).
//!
//! [`FIGURES`] lists the figures of docs/design.md §3 ("Figures (P1–P6)") in the document's order, each with its
//! budget cell copied word for word and split into the [`Budget`]s a bench measures (`P1a`, `P1b`, …); a unit test
//! parses the document and fails when a figure or a budget there is not here. [`OTHER`] holds the budgets the
//! issues set outside §3 (the import, the office pages, the server's memory).
//!
//! A bench binary calls [`record`] for each budget it measured: when `$VIECLAM_BENCH_ROWS` names a file, one
//! tab-separated line is appended to it (id, figure, measured with its unit, budget, met `yes`/`no`, the command
//! that measured it); when it is unset nothing is written, so a bench run by hand behaves as before.

use std::io::Write as _;

/// The environment variable naming the rows file (bench.sh sets it and truncates the file first).
pub const ROWS_ENV: &str = "VIECLAM_BENCH_ROWS";

/// One budget a bench measures against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// `P1a`…: the figure's id in docs/design.md §3 and a letter; `I9`… for a budget an issue set.
    pub id: &'static str,
    /// What is measured.
    pub figure: &'static str,
    /// The budget as the document words it.
    pub budget: &'static str,
    /// The bench binary that measures it.
    pub bench: &'static str,
}

/// One row of docs/design.md §3's table of figures and the budgets it is measured as.
#[derive(Debug, Clone, Copy)]
pub struct Figure {
    /// `P1`…, the document's id.
    pub id: &'static str,
    /// The document's budget cell, word for word (the unit test compares them).
    pub doc_budget: &'static str,
    /// The budgets that cell is measured as.
    pub budgets: &'static [Budget],
}

const fn budget(id: &'static str, figure: &'static str, budget: &'static str, bench: &'static str) -> Budget {
    Budget { id, figure, budget, bench }
}

/// P1: first download, bytes per loan on the wire.
pub const P1A: Budget =
    budget("P1a", "first download of a 10,000-loan commune: bytes per loan on the wire", "≤ 150 B", "sync_bench");
/// P1: first download, client CPU.
pub const P1B: Budget = budget("P1b", "first download: client CPU", "≤ 0.5 s", "sync_bench");
/// P1: first download, records applied per second of client CPU.
pub const P1C: Budget =
    budget("P1c", "first download: records applied per second of client CPU", "≥ 20,000 /s", "sync_bench");
/// P2: a sync with nothing new, round trips.
pub const P2A: Budget = budget("P2a", "sync with nothing new: round trips", "1", "sync_bench");
/// P2: a sync with nothing new, bytes.
pub const P2B: Budget = budget("P2b", "sync with nothing new: bytes both ways", "≤ 1 KB", "sync_bench");
/// P2: a sync with 10 changed records, round trips.
pub const P2C: Budget = budget("P2c", "sync with 10 changed records: round trips", "1", "sync_bench");
/// P2: a sync with 10 changed records, bytes.
pub const P2D: Budget = budget("P2d", "sync with 10 changed records: bytes both ways", "≤ 5 KB", "sync_bench");
/// P3: requests a second the server keeps up with.
pub const P3A: Budget =
    budget("P3a", "1,000 devices syncing, open loop: requests/s offered, all answered", "≥ 1,000 /s", "sync_load");
/// P3: p99 latency.
pub const P3B: Budget = budget("P3b", "1,000 devices syncing: p99 latency", "≤ 250 ms", "sync_load");
/// P3: errors.
pub const P3C: Budget = budget("P3c", "1,000 devices syncing: errors", "0", "sync_load");
/// P3 on 2 cores: the server's CPU per request (sync_load's own criterion, what leaves the budget room on 2 cores).
pub const P3D: Budget = budget(
    "P3d",
    "1,000 devices syncing: server CPU per request (sync_load's criterion for 2 cores)",
    "≤ 1 ms",
    "sync_load",
);
/// P4: folded search.
pub const P4A: Budget = budget("P4a", "100,000-loan store: folded search, page of 50, p95", "≤ 10 ms", "vieclam-bench");
/// P4: nearest sites.
pub const P4B: Budget = budget("P4b", "100,000-loan store: nearest 20 sites, p95", "≤ 2 ms", "vieclam-bench");
/// P4: one borrower's loan status.
pub const P4C: Budget = budget("P4c", "100,000-loan store: one borrower's loan status, p95", "≤ 1 ms", "vieclam-bench");
/// P5: the photo path's time, median.
pub const P5A: Budget = budget("P5a", "4000×3000 JPEG through the photo path, median", "≤ 400 ms", "vieclam-bench");
/// P5: the photo path's time, slowest.
pub const P5B: Budget = budget("P5b", "4000×3000 JPEG through the photo path, slowest", "≤ 400 ms", "vieclam-bench");
/// P5: the photo path's output size.
pub const P5C: Budget =
    budget("P5c", "4000×3000 JPEG through the photo path: largest output", "≤ 400 KB", "vieclam-bench");
/// P6: the bindings library's size.
pub const P6A: Budget =
    budget("P6a", "bindings library, release (mobile profile), stripped, x86-64", "≤ 12 MB", "vieclam-bench");

/// The figures of docs/design.md §3, in the document's order.
pub const FIGURES: &[Figure] = &[
    Figure {
        id: "P1",
        doc_budget: "≤ 150 bytes per loan on the wire; ≤ 0.5 s of client CPU (≥ 20,000 records applied per second)",
        budgets: &[P1A, P1B, P1C],
    },
    Figure { id: "P2", doc_budget: "1 round trip; ≤ 1 KB / ≤ 5 KB", budgets: &[P2A, P2B, P2C, P2D] },
    Figure {
        id: "P3", doc_budget: "≥ 1,000 sync requests/s, p99 ≤ 250 ms, no errors", budgets: &[P3A, P3B, P3C, P3D]
    },
    Figure {
        id: "P4",
        doc_budget: "a folded search page of 50 ≤ 10 ms p95; nearest 20 sites ≤ 2 ms; one borrower's loan status ≤ 1 ms",
        budgets: &[P4A, P4B, P4C],
    },
    Figure { id: "P5", doc_budget: "≤ 400 ms on one core; ≤ 400 KB out", budgets: &[P5A, P5B, P5C] },
    Figure { id: "P6", doc_budget: "≤ 12 MB", budgets: &[P6A] },
];

/// Issue 9: the server's memory under compressed-body bombs.
pub const I9: Budget = budget(
    "I9",
    "server's peak resident memory under 20 parallel 16 KB compressed-body bombs (issue 9)",
    "< 200 MB",
    "mem_bench",
);
/// Issue 10: the loan import into SQLite.
pub const I10A: Budget = budget(
    "I10a",
    "import of 100,000 loans with about 1.3 million payments into SQLite (issue 10)",
    "≤ 60 s",
    "import_bench",
);
/// Issue 10: the loan import into PostgreSQL.
pub const I10B: Budget = budget(
    "I10b",
    "import of 100,000 loans with about 1.3 million payments into PostgreSQL (issue 10)",
    "≤ 60 s",
    "import_bench",
);
/// Issue 11: every office page.
pub const I11: Budget = budget(
    "I11",
    "every office page, 100,000 loans and 5,000 checks: the slowest page's p95 (issue 11)",
    "< 300 ms",
    "office_bench",
);

/// The budgets issues set outside docs/design.md §3, printed after it.
pub const OTHER: &[Budget] = &[I9, I10A, I10B, I11];

/// Every budget, §3's first in the document's order, then [`OTHER`].
pub fn all() -> impl Iterator<Item = &'static Budget> {
    FIGURES.iter().flat_map(|f| f.budgets.iter()).chain(OTHER.iter())
}

/// The budget with this id.
pub fn by_id(id: &str) -> Option<&'static Budget> {
    all().find(|b| b.id == id)
}

/// One line of the rows file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The budget's id.
    pub id: String,
    /// What was measured, with the run's conditions.
    pub figure: String,
    /// The measured figure with its unit.
    pub measured: String,
    /// The budget.
    pub budget: String,
    /// Whether the budget is met.
    pub met: bool,
    /// The command that measured it.
    pub command: String,
}

/// A field as one cell of a line: tabs and line breaks become spaces.
fn cell(text: &str) -> String {
    text.chars().map(|c| if c == '\t' || c == '\n' || c == '\r' { ' ' } else { c }).collect()
}

impl Row {
    /// The row's line in the rows file (without the line break).
    pub fn to_line(&self) -> String {
        let met = if self.met { "yes" } else { "no" };
        [&self.id, &self.figure, &self.measured, &self.budget, met, &self.command].map(cell).join("\t")
    }

    /// Reads a line of the rows file; `None` when it is not one.
    pub fn parse(line: &str) -> Option<Row> {
        let cells: Vec<&str> = line.trim_end_matches(['\r', '\n']).split('\t').collect();
        let [id, figure, measured, budget, met, command] = cells.as_slice() else { return None };
        let met = match *met {
            "yes" => true,
            "no" => false,
            _ => return None,
        };
        Some(Row {
            id: id.to_string(),
            figure: figure.to_string(),
            measured: measured.to_string(),
            budget: budget.to_string(),
            met,
            command: command.to_string(),
        })
    }
}

/// The running command as it was typed: the program's file name and its arguments.
pub fn command() -> String {
    let mut args = std::env::args();
    let program = args.next().unwrap_or_default();
    let program = std::path::Path::new(&program).file_name().map_or(program.clone(), |n| n.to_string_lossy().into());
    std::iter::once(program)
        .chain(args.map(|a| if a.is_empty() || a.contains([' ', '\'', '"']) { format!("'{a}'") } else { a }))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Appends the row of `budget` to the rows file named by `$VIECLAM_BENCH_ROWS` (nothing when it is unset):
/// `figure` says what was measured and under which conditions, `measured` the figure with its unit. A file that
/// cannot be written is reported on stderr and does not stop the bench.
pub fn record(budget: &Budget, figure: &str, measured: &str, met: bool) {
    let Some(path) = std::env::var_os(ROWS_ENV) else { return };
    let row = Row {
        id: budget.id.into(),
        figure: figure.into(),
        measured: measured.into(),
        budget: budget.budget.into(),
        met,
        command: command(),
    };
    if let Err(e) = append(std::path::Path::new(&path), &row) {
        eprintln!("{ROWS_ENV}: cannot append to {}: {e}", std::path::Path::new(&path).display());
    }
}

/// Appends `row` to the rows file at `path` (made when missing), in one write.
pub fn append(path: &std::path::Path, row: &Row) -> std::io::Result<()> {
    let line = row.to_line() + "\n";
    std::fs::OpenOptions::new().create(true).append(true).open(path)?.write_all(line.as_bytes())
}

/// Reads the rows of a rows file's text, skipping lines that are not rows (answered apart, as their numbers).
pub fn parse_rows(text: &str) -> (Vec<Row>, Vec<usize>) {
    let mut rows = Vec::new();
    let mut bad = Vec::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        match Row::parse(line) {
            Some(r) => rows.push(r),
            None => bad.push(i + 1),
        }
    }
    (rows, bad)
}

/// The table of every budget, in [`all`]'s order, from the measured `rows` (the last row of an id wins): a budget
/// with no row shows "not measured" and is not met. Answers the table's text and whether every budget is met.
/// Rows with an id no budget has are listed under the table.
pub fn table(rows: &[Row]) -> (String, bool) {
    let header = ["id", "figure", "measured", "budget", "met", "command"].map(String::from);
    let mut lines = vec![header];
    let mut all_met = true;
    for b in all() {
        let line = match rows.iter().rev().find(|r| r.id == b.id) {
            Some(r) => {
                all_met &= r.met;
                let met = if r.met { "yes" } else { "NO" };
                [b.id.into(), r.figure.clone(), r.measured.clone(), b.budget.into(), met.into(), r.command.clone()]
            }
            None => {
                all_met = false;
                [b.id.into(), b.figure.into(), "not measured".into(), b.budget.into(), "NO".into(), b.bench.into()]
            }
        };
        lines.push(line);
    }
    let widths: Vec<usize> = (0..6).map(|c| lines.iter().map(|l| l[c].chars().count()).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        let cells: Vec<String> =
            line.iter().zip(&widths).map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count()))).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
        if i == 0 {
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
            out.push_str(&format!("|-{}-|\n", rule.join("-|-")));
        }
    }
    let mut unknown: Vec<&str> = rows.iter().map(|r| r.id.as_str()).filter(|id| by_id(id).is_none()).collect();
    unknown.dedup();
    if !unknown.is_empty() {
        out.push_str(&format!("rows with no budget of this table (ignored): {}\n", unknown.join(", ")));
    }
    (out, all_met)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DESIGN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/design.md");

    /// The rows of the figures table in §3 of the design document `doc`: `(id, budget cell)`.
    fn doc_figures(doc: &str) -> Result<Vec<(String, String)>, String> {
        // §3 is the third `## ` section, the one of the figures.
        let sections: Vec<&str> = doc.split("\n## ").skip(1).collect();
        let section = sections.get(2).ok_or("no §3")?;
        if !section.starts_with("Figures") {
            return Err(format!("§3 is not the figures: {}", section.lines().next().unwrap_or("")));
        }
        Ok(section
            .lines()
            .filter_map(|l| {
                let cells: Vec<&str> = l.strip_prefix('|')?.strip_suffix('|')?.split('|').map(str::trim).collect();
                let id = *cells.first()?;
                let is_id = id.len() > 1 && id.starts_with('P') && id[1..].chars().all(|c| c.is_ascii_digit());
                is_id.then(|| (id.to_owned(), cells.last().copied().unwrap_or_default().to_owned()))
            })
            .collect())
    }

    /// Whether [`FIGURES`] lists the figures of the design document `doc`, in its order, each with its budget cell
    /// word for word.
    fn matches_doc(doc: &str) -> Result<(), String> {
        let doc = doc_figures(doc)?;
        let doc_ids: Vec<&str> = doc.iter().map(|(id, _)| id.as_str()).collect();
        let ours: Vec<&str> = FIGURES.iter().map(|f| f.id).collect();
        if ours != doc_ids {
            return Err(format!("FIGURES lists {ours:?}, docs/design.md §3 {doc_ids:?}: the same, in its order"));
        }
        for ((id, cell), figure) in doc.iter().zip(FIGURES) {
            if figure.doc_budget != cell {
                return Err(format!(
                    "{id}'s budget in docs/design.md is \"{cell}\", FIGURES has \"{}\": update FIGURES (its doc_budget \
                     and the budgets it is measured as) and the bench that measures them",
                    figure.doc_budget
                ));
            }
        }
        Ok(())
    }

    #[test]
    fn the_budgets_are_those_of_design_md_section_3() {
        let doc = std::fs::read_to_string(DESIGN).unwrap_or_else(|e| panic!("reading {DESIGN}: {e}"));
        if let Err(e) = matches_doc(&doc) {
            panic!("{e}");
        }
    }

    #[test]
    fn a_budget_added_to_the_doc_alone_fails() {
        let doc = std::fs::read_to_string(DESIGN).unwrap_or_else(|e| panic!("reading {DESIGN}: {e}"));
        let last = FIGURES.last().expect("figures").id;
        let row = doc.lines().find(|l| l.starts_with(&format!("| {last} |"))).expect("the last figure's row");
        let new_figure = doc.replace(row, &format!("{row}\n| P99 | a cold start | ≤ 1 s |"));
        assert!(matches_doc(&new_figure).unwrap_err().contains("P99"));
        let new_budget = doc.replace(row, &format!("{}; ≤ 1 s cold start |", row.strip_suffix(" |").unwrap_or(row)));
        assert!(matches_doc(&new_budget).unwrap_err().contains(&format!("{last}'s budget")));
        let no_row = doc.replace(row, "");
        assert!(matches_doc(&no_row).is_err());
    }

    #[test]
    fn budget_ids_follow_their_figure() {
        for f in FIGURES {
            assert!(!f.budgets.is_empty(), "{} has no budget", f.id);
            for (b, letter) in f.budgets.iter().zip('a'..) {
                assert_eq!(b.id, format!("{}{letter}", f.id));
            }
        }
        let mut ids: Vec<&str> = all().map(|b| b.id).collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "budget ids are unique");
        for b in OTHER {
            assert!(b.id.starts_with('I'), "{}: a budget outside §3 is named after its issue", b.id);
        }
    }

    #[test]
    fn rows_round_trip_and_cells_stay_cells() {
        let row = Row {
            id: "P1a".into(),
            figure: "first\tdownload\n".into(),
            measured: "66.0 B".into(),
            budget: "≤ 150 B".into(),
            met: true,
            command: "sync_bench --loans 10000".into(),
        };
        let line = row.to_line();
        assert_eq!(line.matches('\t').count(), 5);
        let back = Row::parse(&line).expect("a row");
        assert_eq!(back.figure, "first download ");
        assert_eq!(Row { figure: row.figure.clone(), ..back }, row);
        assert_eq!(Row::parse("P1a\tonly three\tcells"), None);
        assert_eq!(Row::parse("P1a\tf\tm\tb\tmaybe\tc"), None);
    }

    #[test]
    fn rows_are_appended_to_the_file() {
        let path = std::env::temp_dir().join(format!("vieclam-bench-rows-{}.tsv", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let row = |id: &str, met| Row {
            id: id.into(),
            figure: "f".into(),
            measured: "1 ms".into(),
            budget: "≤ 2 ms".into(),
            met,
            command: command(),
        };
        append(&path, &row("P4a", true)).expect("appends");
        append(&path, &row("P4b", false)).expect("appends");
        let text = std::fs::read_to_string(&path).expect("reads");
        let _ = std::fs::remove_file(&path);
        assert_eq!(parse_rows(&text), (vec![row("P4a", true), row("P4b", false)], vec![]));
    }

    #[test]
    fn the_table_shows_every_budget_and_what_was_not_measured() {
        let text = "P1a\tbytes down per loan\t66.0 B\t≤ 150 B\tyes\tsync_bench\n\
                    P4a\tsearch\t3.1 ms\t≤ 10 ms\tno\tvieclam-bench\n\
                    P4a\tsearch\t4.2 ms\t≤ 10 ms\tyes\tvieclam-bench\n\
                    not a row\n\
                    X1\tstray\t1\t1\tyes\tx\n";
        let (rows, bad) = parse_rows(text);
        assert_eq!(bad, vec![4]);
        let (table, met) = table(&rows);
        assert!(!met, "unmeasured budgets are not met");
        let lines: Vec<&str> = table.lines().collect();
        // Header, rule, every budget, the stray id.
        assert_eq!(lines.len(), 2 + all().count() + 1);
        assert!(lines[2].starts_with("| P1a ") && lines[2].contains("66.0 B") && lines[2].contains("yes"));
        let p4a = lines.iter().find(|l| l.starts_with("| P4a ")).expect("P4a");
        assert!(p4a.contains("4.2 ms") && p4a.contains(" yes "), "the last row of an id wins: {p4a}");
        let p6a = lines.iter().find(|l| l.starts_with("| P6a ")).expect("P6a");
        assert!(p6a.contains("not measured") && p6a.contains(" NO "));
        assert!(lines.last().is_some_and(|l| l.contains("X1")));
        let all_rows: Vec<Row> = all()
            .map(|b| Row {
                id: b.id.into(),
                figure: b.figure.into(),
                measured: "1".into(),
                budget: b.budget.into(),
                met: true,
                command: b.bench.into(),
            })
            .collect();
        assert!(super::table(&all_rows).1);
    }
}
