//! The report as a Word file (.docx), the same [`Document`] the HTML prints: A4 portrait with the margins of an
//! administrative document (20 mm top and bottom, 30 mm left, 15 mm right), Times New Roman 14 pt, the heading block
//! and the signature block as borderless tables, then the annexes in a landscape section. A clerk opens it in Word or
//! LibreOffice, fills in the number and signs.

use docx_rs::{
    AlignmentType, BreakType, Docx, LineSpacing, PageMargin, PageOrientationType, PageSize, Paragraph, Run, RunFonts,
    Section, SpecialIndentType, Table as DocxTable, TableCell, TableRow, WidthType,
};

use vieclam_core::messages::report as r;

use super::compose::vi;
use super::doc::{Block, Document, MOTTO, NATION, Table};

/// A4 in twentieths of a point.
const A4: (u32, u32) = (11_906, 16_838);
/// 1.27 cm, the first-line indent of a paragraph.
const INDENT: i32 = 720;

fn run(text: &str, size_pt: usize) -> Run {
    Run::new()
        .add_text(text)
        .size(size_pt * 2)
        .fonts(RunFonts::new().ascii("Times New Roman").hi_ansi("Times New Roman").cs("Times New Roman"))
}

fn para(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, 14))
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None)
        .line_spacing(LineSpacing::new().before(60).after(60))
}

fn centred(r: Run) -> Paragraph {
    Paragraph::new().add_run(r).align(AlignmentType::Center)
}

fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    paragraphs.into_iter().fold(TableCell::new().width(width, WidthType::Dxa), TableCell::add_paragraph)
}

/// The issuing body and the motto side by side, borderless.
fn heading(d: &Document) -> DocxTable {
    let left = vec![
        centred(run(&d.authority, 13)),
        centred(run(&d.issuer, 13).bold()),
        centred(run("―――――", 13)),
        centred(run(&d.number, 13)),
    ];
    let right = vec![centred(run(NATION, 12).bold()), centred(run(MOTTO, 13).bold()), centred(run("――――――――――", 13))];
    DocxTable::without_borders(vec![TableRow::new(vec![cell(left, 3_800), cell(right, 5_600)])])
        .set_grid(vec![3_800, 5_600])
}

fn signature(d: &Document) -> DocxTable {
    let signer = |function: &str, name: &str| {
        vec![
            centred(run(function, 14).bold()),
            centred(run("", 14)),
            centred(run("", 14)),
            centred(run("", 14)),
            centred(run(name, 14).bold()),
        ]
    };
    let left = match &d.counter_signer {
        Some((function, name)) => signer(function, name),
        None => {
            let mut left = vec![Paragraph::new().add_run(run(&vi(r::RECIPIENTS), 12).bold().italic())];
            left.extend(d.recipients.iter().map(|r| Paragraph::new().add_run(run(&format!("- {r}"), 11))));
            left
        }
    };
    let right = signer(&d.signer_function, &d.signer_name);
    DocxTable::without_borders(vec![TableRow::new(vec![cell(left, 4_700), cell(right, 4_700)])])
        .set_grid(vec![4_700, 4_700])
}

fn table(t: &Table, width: usize) -> DocxTable {
    let each = width / t.head.len().max(1);
    let row = |cells: Vec<(String, bool)>, bold: bool| {
        TableRow::new(
            cells
                .into_iter()
                .map(|(text, number)| {
                    let r = if bold { run(&text, 11).bold() } else { run(&text, 11) };
                    let p = Paragraph::new().add_run(r).align(if number {
                        AlignmentType::Right
                    } else {
                        AlignmentType::Left
                    });
                    cell(vec![p], each)
                })
                .collect(),
        )
    };
    let mut rows = vec![row(t.head.iter().map(|h| (h.clone(), false)).collect(), true)];
    rows.extend(t.rows.iter().map(|r| row(r.iter().map(|c| (c.text(), c.is_number())).collect(), false)));
    if let Some(total) = &t.total {
        rows.push(row(total.iter().map(|c| (c.text(), c.is_number())).collect(), true));
    }
    DocxTable::new(rows).set_grid(vec![each; t.head.len()])
}

fn source(href: &str) -> Paragraph {
    Paragraph::new().add_run(run(&format!("{}: {href}", vi(r::SOURCE)), 11).italic())
}

/// The Word file's bytes.
pub fn document(d: &Document) -> Result<Vec<u8>, String> {
    let mut body = Section::new()
        .page_size(PageSize::new().size(A4.0, A4.1))
        .page_margin(PageMargin::new().top(1_134).bottom(1_134).left(1_701).right(850))
        .add_table(heading(d))
        .add_paragraph(Paragraph::new().add_run(run(&d.place_date, 14).italic()).align(AlignmentType::Right))
        .add_paragraph(centred(run(&d.kind, 14).bold()))
        .add_paragraph(centred(run(&d.title, 14).bold()))
        .add_paragraph(centred(run("――――", 14)));
    for b in &d.blocks {
        body = match b {
            Block::Part(t) => body.add_paragraph(Paragraph::new().add_run(run(t, 14).bold()).indent(
                None,
                Some(SpecialIndentType::FirstLine(INDENT)),
                None,
                None,
            )),
            Block::Section(t) => body.add_paragraph(Paragraph::new().add_run(run(t, 14).bold()).indent(
                None,
                Some(SpecialIndentType::FirstLine(INDENT)),
                None,
                None,
            )),
            Block::Para(t) => body.add_paragraph(para(t)),
            Block::Dash(t) => body.add_paragraph(para(&format!("- {t}"))),
            Block::Source(words, href) => {
                body.add_paragraph(Paragraph::new().add_run(run(&format!("({words}: {href})"), 11).italic()).indent(
                    Some(INDENT),
                    None,
                    None,
                    None,
                ))
            }
            Block::Table(t) => {
                body.add_paragraph(para(&t.title).bold()).add_table(table(t, 9_300)).add_paragraph(source(&t.source))
            }
        };
    }
    body = body.add_table(signature(d));
    // The annexes go in the document's last section, landscape.
    let mut docx = Docx::new()
        .default_fonts(RunFonts::new().ascii("Times New Roman").hi_ansi("Times New Roman").cs("Times New Roman"))
        .default_size(28)
        .add_section(body)
        .page_size(A4.1, A4.0)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(PageMargin::new().top(850).bottom(850).left(850).right(850));
    for (i, a) in d.annexes.iter().enumerate() {
        let mut title = Paragraph::new().add_run(run(&a.title, 13).bold()).align(AlignmentType::Center);
        if i > 0 {
            title = Paragraph::new()
                .add_run(Run::new().add_break(BreakType::Page))
                .add_run(run(&a.title, 13).bold())
                .align(AlignmentType::Center);
        }
        docx = docx.add_paragraph(title).add_table(table(a, 15_000)).add_paragraph(source(&a.source));
    }
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}
