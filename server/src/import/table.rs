//! Reading a bank export into a plain table of cells: CSV (UTF-8, with or without BOM, `,` or `;` separated) or
//! XLSX (the first sheet), told apart by their first bytes rather than the file name.
//!
//! Nothing here knows about loans: the table is rows of [`Cell`]s with their row numbers as the office sees them
//! in a spreadsheet (1 = the first line of the file), so every later error can point at the right row.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::ImportError;

/// Most rows one import may hold over all its tables: a province's book of 100,000 loans with their payment
/// history (a monthly interest payment each, 1.2 million rows) fits; what would not fit in memory does not.
pub const MAX_ROWS: usize = 2_000_000;

/// One cell as the file gave it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing in the cell.
    Empty,
    /// Text (every CSV cell, and XLSX text cells), trimmed.
    Text(String),
    /// An XLSX number, which may be an amount, a year, a code whose leading zero Excel dropped, or a date serial.
    Number(f64),
    /// An XLSX date cell, as its Excel serial day number (days since 30/12/1899).
    DateSerial(f64),
}

impl Cell {
    /// Whether the cell holds nothing (or only spaces).
    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty) || matches!(self, Cell::Text(t) if t.is_empty())
    }

    /// The cell as text: numbers without a trailing `.0` when whole, so a code typed as a number reads back.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) | Cell::DateSerial(n) => number_text(*n),
        }
    }
}

/// A whole number without decimals, other numbers as Rust prints them.
fn number_text(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { n.to_string() }
}

/// One non-empty row and where it is in the file.
#[derive(Clone, Debug)]
pub struct Row {
    /// The row number a spreadsheet program shows (1-based, counting the header and any title rows).
    pub number: u64,
    /// The cells, left to right.
    pub cells: Vec<Cell>,
}

/// Every table in `bytes`, with its sheet's name: one (named "") for a CSV file, one a sheet for a workbook (an
/// export may keep the loan list, the payments and the relief events on sheets of one file). Empty rows dropped;
/// [`MAX_ROWS`] counts the rows of all the sheets together. XLSX when the bytes start like a zip archive, CSV
/// otherwise.
pub fn read_tables(bytes: &[u8]) -> Result<Vec<(String, Vec<Row>)>, ImportError> {
    if bytes.starts_with(b"PK\x03\x04") { read_xlsx(bytes) } else { Ok(vec![(String::new(), read_csv(bytes)?)]) }
}

fn read_csv(bytes: &[u8]) -> Result<Vec<Row>, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotUtf8)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(detect_delimiter(text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // The reader skips blank lines without counting them, so lines are counted here from byte offsets.
    let (mut seen_byte, mut seen_line) = (0usize, 1u64);
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::Csv { line: csv_line(&e), reason: csv_reason(&e) })?;
        let mut start = record.position().map_or(seen_byte, |p| p.byte() as usize).clamp(seen_byte, text.len());
        // The position may be where the blank lines before the record begin.
        while matches!(text.as_bytes().get(start), Some(b'\n' | b'\r')) {
            start += 1;
        }
        seen_line += text.as_bytes()[seen_byte..start].iter().filter(|b| **b == b'\n').count() as u64;
        seen_byte = start;
        let number = seen_line;
        let cells: Vec<Cell> = record.iter().map(|c| Cell::Text(c.trim().to_owned())).collect();
        push_row(&mut rows, number, cells)?;
    }
    Ok(rows)
}

/// `;` when the first lines (a title above the header has neither sign) hold more semicolons than commas (what
/// Excel writes where the decimal sign is a comma, as in Vietnamese settings), `,` otherwise. Quoted text is
/// skipped so a comma inside a name or a decimal does not count.
fn detect_delimiter(text: &str) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0, 0, false);
    for c in text.lines().take(16).flat_map(|l| l.chars().chain(std::iter::once('\n'))) {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

fn csv_line(e: &csv::Error) -> u64 {
    e.position().map_or(0, |p| p.line())
}

/// The CSV error without the cell contents it may quote (personal data is never echoed into logs).
fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "invalid UTF-8".into(),
        csv::ErrorKind::UnequalLengths { .. } => "unequal row lengths".into(),
        _ => "malformed CSV".into(),
    }
}

/// Every sheet of an XLSX file, in order, with its name. calamine 0.31 panics on some damaged files (a cell naming
/// a shared string past the end of the table, found by the `import_loans` fuzz target): such a file is refused like
/// any unreadable one, and never takes the server or the import command down.
fn sheets(bytes: &[u8]) -> Result<Vec<(String, calamine::Range<Data>)>, ImportError> {
    let read = std::panic::catch_unwind(|| {
        let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| ImportError::Xlsx(e.to_string()))?;
        let names = book.sheet_names();
        if names.is_empty() {
            return Err(ImportError::Empty);
        }
        names
            .into_iter()
            .map(|name| match book.worksheet_range(&name) {
                Ok(range) => Ok((name, range)),
                Err(e) => Err(ImportError::Xlsx(e.to_string())),
            })
            .collect()
    });
    read.unwrap_or_else(|_| Err(ImportError::Xlsx("the workbook is damaged".into())))
}

fn read_xlsx(bytes: &[u8]) -> Result<Vec<(String, Vec<Row>)>, ImportError> {
    let mut tables = Vec::new();
    let mut total = 0;
    for (name, range) in sheets(bytes)? {
        let first_row = range.start().map_or(0, |(r, _)| u64::from(r));
        let first_col = range.start().map_or(0, |(_, c)| c as usize);
        let mut rows = Vec::new();
        for (i, data) in range.rows().enumerate() {
            // Columns left of the used range are empty: keep them so header positions match the sheet.
            let mut cells = vec![Cell::Empty; first_col];
            cells.extend(data.iter().map(xlsx_cell));
            push_row(&mut rows, first_row + i as u64 + 1, cells)?;
            if total + rows.len() > MAX_ROWS {
                return Err(ImportError::TooManyRows(MAX_ROWS));
            }
        }
        total += rows.len();
        tables.push((name, rows));
    }
    Ok(tables)
}

fn xlsx_cell(data: &Data) -> Cell {
    match data {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(if *b { "1".into() } else { "0".into() }),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.trim().to_owned()),
        Data::DateTime(d) => Cell::DateSerial(d.as_f64()),
    }
}

fn push_row(rows: &mut Vec<Row>, number: u64, cells: Vec<Cell>) -> Result<(), ImportError> {
    if cells.iter().all(Cell::is_empty) {
        return Ok(());
    }
    if rows.len() >= MAX_ROWS {
        return Err(ImportError::TooManyRows(MAX_ROWS));
    }
    rows.push(Row { number, cells });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_win_only_when_they_outnumber_commas() {
        assert_eq!(detect_delimiter("a;b;c\n1,5;2;3"), b';');
        assert_eq!(detect_delimiter("\"Nguyễn, Văn\";b\n"), b';');
        assert_eq!(detect_delimiter("a,b;c,d"), b',');
        assert_eq!(detect_delimiter(""), b',');
    }

    #[test]
    fn bom_is_dropped_and_rows_keep_their_line_numbers() {
        let rows = read_tables("\u{feff}a;b\n\n1;2\n".as_bytes()).unwrap().remove(0).1;
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].cells[0], Cell::Text("a".into()));
        assert_eq!(rows[1].number, 3);
    }

    #[test]
    fn whole_numbers_read_back_as_codes() {
        assert_eq!(Cell::Number(6040.0).text(), "6040");
        assert_eq!(Cell::Number(7.92).text(), "7.92");
    }
}
