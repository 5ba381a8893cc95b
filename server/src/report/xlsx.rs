//! The report's annex tables as an Excel workbook, one worksheet each: numbers stay numbers (amounts in đồng with
//! thousands grouped, the overdue ratio as a percentage), so a clerk can sort, filter and sum them; each sheet says
//! which dashboard page its figures come from.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use vieclam_core::messages::report as r;

use super::doc::{Cell, Document, Table};

fn sheet(book: &mut Workbook, t: &Table) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let head = Format::new().set_bold().set_text_wrap().set_border(rust_xlsxwriter::FormatBorder::Thin);
    let money = Format::new().set_num_format("#,##0");
    let money_bold = money.clone().set_bold();
    let ratio = Format::new().set_num_format("0.00%");
    let ratio_bold = ratio.clone().set_bold();
    let ws = book.add_worksheet();
    ws.set_name(&t.sheet)?;
    ws.write_string_with_format(0, 0, &t.title, &bold)?;
    ws.write_string(1, 0, format!("{}: {}", r::SOURCE.joined(&[]), t.source))?;
    for (c, h) in t.head.iter().enumerate() {
        ws.write_string_with_format(3, c as u16, h, &head)?;
        ws.set_column_width(c as u16, if c == 0 { 28 } else { 16 })?;
    }
    ws.set_freeze_panes(4, 1)?;
    let rows = t.rows.iter().map(|r| (r, false)).chain(t.total.iter().map(|r| (r, true)));
    for (i, (cells, total)) in rows.enumerate() {
        let row = 4 + i as u32;
        for (c, cell) in cells.iter().enumerate() {
            let col = c as u16;
            match cell {
                Cell::Count(n) if total => ws.write_number_with_format(row, col, *n as f64, &bold)?,
                Cell::Count(n) => ws.write_number(row, col, *n as f64)?,
                Cell::Money(m) => {
                    ws.write_number_with_format(row, col, *m as f64, if total { &money_bold } else { &money })?
                }
                Cell::Ratio(part, whole) => {
                    let r = if *whole > 0 { *part as f64 / *whole as f64 } else { 0.0 };
                    ws.write_number_with_format(row, col, r, if total { &ratio_bold } else { &ratio })?
                }
                Cell::Text(s) | Cell::Link(s, _) if total => ws.write_string_with_format(row, col, s, &bold)?,
                Cell::Text(s) | Cell::Link(s, _) => ws.write_string(row, col, s)?,
            };
        }
    }
    Ok(())
}

/// The workbook's bytes: one sheet per annex of `d`.
pub fn workbook(d: &Document) -> Result<Vec<u8>, String> {
    let mut book = Workbook::new();
    for t in &d.annexes {
        sheet(&mut book, t).map_err(|e| e.to_string())?;
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}
