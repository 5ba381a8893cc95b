//! Loans from a bank export: a VBSP spreadsheet (CSV or XLSX) read into one [`OfficeBatch`] of borrowers, loans
//! with their schedules, funded models and sites, with every bad row reported and none of it written.
//!
//! The caller applies the batch in one transaction, and only when [`LoanImport::rejected`] is empty or the office
//! chose to skip bad rows: nothing is ever half-imported by this module. The columns are described in
//! `docs/import-loans.md`. Ids are derived from the bank's own keys (agreement number, ID number), so importing the
//! same export twice writes the same records again instead of duplicating them.

mod build;
mod calendar;
mod cells;
mod columns;
mod findings;
mod groups;
mod history;
mod records;
mod table;

use std::path::Path;

use chrono::NaiveDate;
use vieclam_core::loans::rules::{RuleSet, default_rule_sets};
use vieclam_core::messages::{Lang, Text, import as m};
use vieclam_core::store::office::OfficeBatch;

pub use columns::{FIELDS, Field, PAYMENT_FIELDS, RELIEF_FIELDS, TableKind, header_key, recognise, recognise_in};
pub use groups::organisation;
pub use history::relief_kind;
pub use records::{PROGRAMMES, stable_id};
pub use table::MAX_ROWS;

/// Largest file accepted, in bytes.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// What an import produced: the records of the good rows and the reasons for the bad ones.
#[derive(Clone, Debug, Default)]
pub struct LoanImport {
    /// Everything the good rows make, ready for `Store::apply_office_batch` or the server's storage.
    pub batch: OfficeBatch,
    /// One entry per problem found; a row may have several.
    pub rejected: Vec<RowError>,
    /// What good rows break of their rule set (a rate not among its rates, a cap, collateral, a contract abroad):
    /// the loans are imported as the bank wrote them, each with its findings for the office (`Loan::findings`).
    pub findings: Vec<RowError>,
    /// How many data rows were accepted, of every table (a loan, a payment, a relief event each).
    pub accepted_rows: usize,
}

impl LoanImport {
    /// The rows (by number) that were rejected, each once, in order.
    pub fn rejected_rows(&self) -> Vec<u64> {
        let mut rows: Vec<u64> = self.rejected.iter().map(|e| e.row).collect();
        rows.dedup();
        rows
    }
}

/// One problem in one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// The table the row is in: its sheet's name in a workbook, its file's name when an import reads several files,
    /// empty for an import of one CSV file.
    pub table: String,
    /// Row number as a spreadsheet shows it (1 = the first line of the file).
    pub row: u64,
    /// The column's header as the file writes it (or the field key when the file has no such column).
    pub column: String,
    /// Stable code, `field.problem`: `principal.format`, `id_number.province_unknown`, `site.outside_commune`, …
    pub code: String,
    /// Why, in Vietnamese.
    pub message_vi: String,
    /// Why, in English.
    pub message_en: String,
}

impl RowError {
    fn new(row: u64, column: String, code: String, text: Text, args: &[(&str, &str)]) -> RowError {
        let mut all: Vec<(&str, &str)> = vec![("column", column.as_str())];
        all.extend_from_slice(args);
        let message_vi = text.fill(Lang::Vi, &all);
        let message_en = text.fill(Lang::En, &all);
        RowError { table: String::new(), row, column, code, message_vi, message_en }
    }
}

/// Why a whole file could not be read. Row-level problems are [`RowError`]s instead.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The file could not be opened or read.
    #[error("cannot read the file: {0}")]
    Io(String),
    /// More than [`MAX_FILE_BYTES`].
    #[error("the file is larger than {MAX_FILE_BYTES} bytes")]
    TooLarge,
    /// More than [`MAX_ROWS`] rows.
    #[error("the file has more than {0} rows")]
    TooManyRows(usize),
    /// A CSV file that is not UTF-8.
    #[error("the CSV file is not UTF-8")]
    NotUtf8,
    /// A CSV file the reader cannot split into records.
    #[error("malformed CSV at line {line}: {reason}")]
    Csv {
        /// Line of the problem.
        line: u64,
        /// What is wrong.
        reason: String,
    },
    /// An XLSX file calamine cannot read.
    #[error("unreadable XLSX: {0}")]
    Xlsx(String),
    /// No rows at all.
    #[error("the file holds no rows")]
    Empty,
    /// Required columns missing from the header (their field keys).
    #[error("missing columns: {}", .0.join(", "))]
    MissingColumns(Vec<String>),
    /// Two columns name the same field.
    #[error("two columns name the same field: {0}")]
    DuplicateColumn(String),
    /// Payments or relief events without the loan list they belong to.
    #[error("the export holds no loan list")]
    NoLoanList,
}

impl ImportError {
    /// Stable code for the wire and the dashboard.
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::Io(_) => "import.io",
            ImportError::TooLarge => "import.too_large",
            ImportError::TooManyRows(_) => "import.too_many_rows",
            ImportError::NotUtf8 => "import.not_utf8",
            ImportError::Csv { .. } => "import.bad_csv",
            ImportError::Xlsx(_) => "import.bad_xlsx",
            ImportError::Empty => "import.empty",
            ImportError::MissingColumns(_) => "import.missing_columns",
            ImportError::DuplicateColumn(_) => "import.duplicate_column",
            ImportError::NoLoanList => "import.no_loan_list",
        }
    }

    /// What to tell the office, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let text: Text = match self {
            ImportError::Io(_) => m::FILE_UNREADABLE,
            ImportError::TooLarge => m::FILE_TOO_LARGE,
            ImportError::TooManyRows(_) => m::FILE_TOO_MANY_ROWS,
            ImportError::NotUtf8 => m::FILE_NOT_UTF8,
            ImportError::Csv { .. } => m::FILE_BAD_CSV,
            ImportError::Xlsx(_) => m::FILE_BAD_XLSX,
            ImportError::Empty => m::FILE_EMPTY,
            ImportError::MissingColumns(_) => m::FILE_MISSING_COLUMNS,
            ImportError::DuplicateColumn(_) => m::FILE_DUPLICATE_COLUMN,
            ImportError::NoLoanList => m::FILE_NO_LOAN_LIST,
        };
        let columns = match self {
            ImportError::MissingColumns(c) => c.join(", "),
            _ => String::new(),
        };
        let column = match self {
            ImportError::DuplicateColumn(c) => c.clone(),
            _ => String::new(),
        };
        text.fill(lang, &[("columns", &columns), ("column", &column)])
    }
}

/// Reads a bank export at `path` (CSV or XLSX, told apart by content) as of `today` (no disbursement after it),
/// judging loans by the shipped rule sets.
pub fn read_loans(path: &Path, today: NaiveDate) -> Result<LoanImport, ImportError> {
    let size = std::fs::metadata(path).map_err(|e| ImportError::Io(e.kind().to_string()))?.len();
    if size > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge);
    }
    let bytes = std::fs::read(path).map_err(|e| ImportError::Io(e.kind().to_string()))?;
    read_loans_bytes(&bytes, today)
}

/// Reads a bank export from its bytes: what an upload on the dashboard hands over. Never panics, whatever the bytes.
/// A workbook's sheets are each a table (the loan list, the payments, the relief events; sheets of notes are
/// skipped).
/// Loans are judged by the shipped rule sets; the office's own go through [`read_loan_files`].
pub fn read_loans_bytes(bytes: &[u8], today: NaiveDate) -> Result<LoanImport, ImportError> {
    read_book(&[("", bytes)], today, &default_rule_sets())
}

/// Reads the files at `paths` as one export: the loan list with its payment history and relief events, in any
/// order, each a CSV file or a workbook of one or more sheets. Problems are reported with the file's name. Each loan
/// is judged by the set of `sets` (the office's, `crate::rules::list`) in force on its disbursement day.
pub fn read_loan_files(paths: &[&Path], today: NaiveDate, sets: &[RuleSet]) -> Result<LoanImport, ImportError> {
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let size = std::fs::metadata(path).map_err(|e| ImportError::Io(e.kind().to_string()))?.len();
        if size > MAX_FILE_BYTES {
            return Err(ImportError::TooLarge);
        }
        let bytes = std::fs::read(path).map_err(|e| ImportError::Io(e.kind().to_string()))?;
        let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        files.push((name, bytes));
    }
    let named: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    read_loan_uploads(&named, today, sets)
}

/// Reads `(name, bytes)` files as one export, as [`read_loan_files`] reads files on disk: what the office's import
/// page hands over from an upload, so the browser and the command line check a book with the same code.
pub fn read_loan_uploads(
    files: &[(&str, &[u8])],
    today: NaiveDate,
    sets: &[RuleSet],
) -> Result<LoanImport, ImportError> {
    // One file alone keeps its rows unnamed, as a single export always was.
    match files {
        [(_, bytes)] => read_book(&[("", bytes)], today, sets),
        _ => read_book(files, today, sets),
    }
}

/// Reads `(name, bytes)` files as one export. Every table is read before anything is checked across tables, so a
/// payment may come before its loan; an export with no loan list is refused whole.
fn read_book(files: &[(&str, &[u8])], today: NaiveDate, sets: &[RuleSet]) -> Result<LoanImport, ImportError> {
    if files.iter().map(|f| f.1.len() as u64).sum::<u64>() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge);
    }
    let mut builder = build::Builder::new(today, sets);
    let (mut loan_lists, mut histories, mut read) = (0, 0, 0);
    let mut rows_seen = 0;
    for (file, bytes) in files {
        let tables = table::read_tables(bytes)?;
        let several = tables.len() > 1;
        for (sheet, rows) in &tables {
            rows_seen += rows.len();
            if rows_seen > MAX_ROWS {
                return Err(ImportError::TooManyRows(MAX_ROWS));
            }
            let kind = match columns::table_kind(rows) {
                Some(kind) => kind,
                // A sheet of notes beside the tables; a lone table is read as a loan list, to report its columns.
                None if several => continue,
                None => TableKind::Loans,
            };
            let (header_index, cols) = columns::find_header_of(rows, kind)?;
            let name = match (file.is_empty(), several) {
                (true, false) => String::new(),
                (true, true) => sheet.clone(),
                (false, false) => (*file).to_owned(),
                (false, true) => format!("{file} › {sheet}"),
            };
            builder.start_table(&name);
            for row in rows.iter().skip(header_index + 1) {
                match kind {
                    TableKind::Loans => builder.row(&cols, row),
                    TableKind::Payments => builder.payment_row(&cols, row),
                    TableKind::Relief => builder.relief_row(&cols, row),
                    TableKind::Calendar => builder.calendar_row(&cols, row),
                }
            }
            loan_lists += usize::from(kind == TableKind::Loans);
            histories += usize::from(matches!(kind, TableKind::Payments | TableKind::Relief));
            read += 1;
        }
    }
    // A calendar stands alone; payments and relief events belong to the loan list they come with.
    if read == 0 || (loan_lists == 0 && histories > 0) {
        return Err(ImportError::NoLoanList);
    }
    Ok(builder.finish())
}
