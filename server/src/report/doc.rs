//! The report as a document: headings, paragraphs, bullets and tables, with the heading block and the signature
//! block of a Vietnamese administrative document. The HTML, Word and Excel renderers walk the same value, so the
//! three files cannot say different things.

use vieclam_core::format::{Dong, money};
use vieclam_core::loans::overdue_band::ratio_text;

/// One cell of a table: numbers stay numbers, so the workbook can sum them.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Words.
    Text(String),
    /// A count.
    Count(u64),
    /// An amount in đồng.
    Money(Dong),
    /// `part / whole` as a percentage (the overdue ratio): kept as both numbers.
    Ratio(Dong, Dong),
    /// Words linking to a page of the dashboard (a path under `/office`).
    Link(String, String),
}

impl Cell {
    /// The cell as the printed report writes it.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(t) | Cell::Link(t, _) => t.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Money(m) => money(*m),
            Cell::Ratio(part, whole) => ratio_text(*part, *whole),
        }
    }

    /// Whether the cell is a figure (right-aligned in print).
    pub fn is_number(&self) -> bool {
        matches!(self, Cell::Count(_) | Cell::Money(_) | Cell::Ratio(..))
    }
}

/// A table with its title, its columns, its rows and the dashboard page its figures can be read on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// Title, e.g. `Phụ lục 1. Dư nợ, nợ quá hạn và kết quả kiểm tra theo xã`.
    pub title: String,
    /// Short name for a worksheet tab (at most 31 characters).
    pub sheet: String,
    /// Column headings.
    pub head: Vec<String>,
    /// Rows.
    pub rows: Vec<Vec<Cell>>,
    /// The total row, if the table has one.
    pub total: Option<Vec<Cell>>,
    /// The dashboard page the figures come from (a path under `/office`).
    pub source: String,
}

/// A piece of the report's body.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A part (I., II., …), printed bold and upper case.
    Part(String),
    /// A section within a part (1., 2., …), printed bold.
    Section(String),
    /// A paragraph.
    Para(String),
    /// A line beginning with a dash.
    Dash(String),
    /// Where the figures above can be read on the dashboard: words and a path under `/office`.
    Source(String, String),
    /// A table.
    Table(Table),
}

/// A whole administrative document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// The body above the issuer, e.g. `UBND TỈNH LẠNG SƠN`.
    pub authority: String,
    /// The issuing body, e.g. `SỞ NỘI VỤ`.
    pub issuer: String,
    /// `Số: …/BC-SNV`.
    pub number: String,
    /// `Lạng Sơn, ngày 06 tháng 12 năm 2026`.
    pub place_date: String,
    /// The kind of document, e.g. `BÁO CÁO`.
    pub kind: String,
    /// What it is about.
    pub title: String,
    /// The body.
    pub blocks: Vec<Block>,
    /// Who receives it (`Nơi nhận`).
    pub recipients: Vec<String>,
    /// The signer's function, e.g. `TRƯỞNG ĐOÀN KIỂM TRA`.
    pub signer_function: String,
    /// The signer's name.
    pub signer_name: String,
    /// A second signer on the left, in place of the recipients (minutes are signed by both sides): function, name.
    pub counter_signer: Option<(String, String)>,
    /// The annex tables, each on its own page (and its own worksheet).
    pub annexes: Vec<Table>,
}

/// The national motto that heads every administrative document.
pub const NATION: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
/// Its second line.
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";

/// `Lạng Sơn, ngày 06 tháng 12 năm 2026`: days and months under 10 written with a leading zero, as the rules for
/// administrative documents ask.
pub fn place_date(place: &str, d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{place}, ngày {:02} tháng {:02} năm {}", d.day(), d.month(), d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_print_as_the_dashboard_does() {
        assert_eq!(Cell::Money(1_234_567).text(), "1.234.567\u{a0}₫");
        assert_eq!(Cell::Ratio(25, 1_000).text(), "2,50%");
        assert_eq!(Cell::Count(7).text(), "7");
        assert!(Cell::Ratio(1, 2).is_number() && !Cell::Text("a".into()).is_number());
    }

    #[test]
    fn the_date_line_pads_day_and_month() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        assert_eq!(place_date("Lạng Sơn", d), "Lạng Sơn, ngày 05 tháng 03 năm 2026");
    }
}
