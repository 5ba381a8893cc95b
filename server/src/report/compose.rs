//! The report's words: from a [`ReportInput`] to the [`Document`] a clerk of the department would write, in
//! Vietnamese, part by part as the inspection reviewed each commune (leadership and publicity, lending to the right
//! people for the right purpose, the loan book, the sites visited, citizens' opinions, work abroad), then the overall
//! assessment and the recommendations. Every figure comes from the input (the dashboard's computation), and each part
//! says which page of the dashboard shows it.

use vieclam_core::format::{date, money};
use vieclam_core::loans::overdue_band::{OverdueBand, ratio_text};

use vieclam_core::messages::report as r;
use vieclam_core::messages::{Lang, Text};

use super::doc::{Block, Cell, Document, Table, place_date};
use super::input::ReportInput;
use crate::dashboard::communes::{CommuneFigures, misuse_questions};

/// The provincial authority over the issuer.
pub const AUTHORITY: &str = "UBND TỈNH LẠNG SƠN";
/// The issuing department: labour and employment passed to the Department of Home Affairs in 2025.
pub const ISSUER: &str = "SỞ NỘI VỤ";
/// The number line: the records office writes the number in the blank when the report is issued.
pub const NUMBER: &str = "Số:        /BC-SNV";

/// The review headings in the report's order, with the section title each becomes.
pub const SECTIONS: &[(&str, Text)] = &[
    ("leadership", r::SECTION_LEADERSHIP),
    ("targeting", r::SECTION_TARGETING),
    ("book", r::SECTION_BOOK),
    ("site_checks", r::SECTION_SITE_CHECKS),
    ("opinions", r::SECTION_OPINIONS),
    ("overseas", r::SECTION_OVERSEAS),
];

/// The place where the department issues its documents, on the date line.
pub const PLACE: &str = "Lạng Sơn";

/// Entry `text` in Vietnamese, the language the report and the minutes are issued in.
pub fn vi(text: Text) -> String {
    text.get(Lang::Vi).to_owned()
}

/// Entry `text` in Vietnamese with its placeholders filled.
pub fn vi_with(text: Text, args: &[(&str, &str)]) -> String {
    text.fill(Lang::Vi, args)
}

/// A commune's name inside a sentence: `Xã Đình Lập` → `xã Đình Lập`.
pub fn in_sentence(name: &str) -> String {
    for (head, lower) in [("Xã ", "xã "), ("Phường ", "phường "), ("Thị trấn ", "thị trấn ")] {
        if let Some(rest) = name.strip_prefix(head) {
            return format!("{lower}{rest}");
        }
    }
    name.to_owned()
}

/// The Vietnamese half of a `Vietnamese / English` text the dashboard shows (the report is in Vietnamese only).
fn vietnamese(both: &str) -> String {
    both.split_once(" / ").map_or(both, |(vi, _)| vi).trim().to_owned()
}

/// `a, b và c`.
pub fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => vi_with(r::LIST_AND, &[("items", &init.join(", ")), ("last", last)]),
    }
}

/// `n/m (p%)` with one decimal and a comma, `—` when nothing was asked.
pub fn share(n: u64, m: u64) -> String {
    if m == 0 {
        return "—".to_owned();
    }
    let tenths = (n * 1000 + m / 2) / m;
    format!("{n}/{m} ({},{}%)", tenths / 10, tenths % 10)
}

/// `p%` with one decimal and a comma, `—` when nothing was asked.
pub fn percent(n: u64, m: u64) -> String {
    if m == 0 {
        return "—".to_owned();
    }
    let tenths = (n * 1000 + m / 2) / m;
    format!("{},{}%", tenths / 10, tenths % 10)
}

fn money_words(amount: i64) -> String {
    // The report writes "đồng" in words; the dashboard's figure carries a ₫ sign.
    let figure = money(amount);
    vi_with(r::DONG, &[("amount", figure.trim_end_matches('₫').trim_end_matches('\u{a0}'))])
}

/// The report for the plan in `input`.
pub fn report(input: &ReportInput) -> Document {
    let plan = &input.plan;
    let total = CommuneFigures::sum(&input.communes, true);
    let names: Vec<String> = input.communes.iter().map(|c| in_sentence(&c.name)).collect();
    let leader = input.team.iter().find(|m| m.leads).or(input.team.first());
    let mut b = Vec::new();

    // A plan made from the command line has its number for a title: say it once.
    let title =
        if plan.title.is_empty() || plan.title == plan.code { String::new() } else { format!(" ({})", plan.title) };
    b.push(Block::Para(vi_with(
        r::OPENING,
        &[
            ("code", &plan.code),
            ("title", &title),
            ("from", &date(plan.starts_on)),
            ("to", &date(plan.ends_on)),
            ("count", &input.communes.len().to_string()),
            ("communes", &list(&names)),
        ],
    )));

    b.push(Block::Part(vi(r::PART_TEAM)));
    if input.team.is_empty() {
        b.push(Block::Para(vi(r::NO_TEAM)));
    }
    for m in &input.team {
        b.push(Block::Dash(format!("{}, {}.", m.name, m.function)));
    }
    b.push(Block::Source(vi(r::SOURCE_TEAM), "/office/plans".into()));

    b.push(Block::Part(vi(r::PART_RESULTS)));
    for (i, (key, title)) in SECTIONS.iter().enumerate() {
        b.push(Block::Section(format!("{}. {}", i + 1, title.vi)));
        let mut section = Vec::new();
        match *key {
            "targeting" => targeting(input, &total, &mut section),
            "book" => book(input, &total, &mut section),
            "site_checks" => site_checks(input, &total, &mut section),
            "opinions" => opinions(input, &mut section),
            "overseas" => overseas(input, &mut section),
            _ => {}
        }
        notes(input, key, &mut section);
        // The figures, then the team's words, then where the figures can be read.
        let (sources, words): (Vec<Block>, Vec<Block>) =
            section.into_iter().partition(|b| matches!(b, Block::Source(..)));
        b.extend(words);
        b.extend(sources);
    }

    b.push(Block::Part(vi(r::PART_ASSESSMENT)));
    assessment(input, &total, &mut b);

    b.push(Block::Part(vi(r::PART_RECOMMENDATIONS)));
    recommendations(input, &mut b);

    b.push(Block::Para(vi_with(r::CLOSING, &[("code", &plan.code)])));

    Document {
        authority: AUTHORITY.into(),
        issuer: ISSUER.into(),
        number: NUMBER.into(),
        place_date: place_date(PLACE, input.today),
        kind: vi(r::KIND),
        title: vi_with(r::TITLE, &[("code", &plan.code)]),
        blocks: b,
        recipients: vec![
            vi(r::TO_PROVINCE),
            vi(r::TO_DIRECTOR),
            vi(r::TO_BANK),
            vi_with(r::TO_COMMUNES, &[("communes", &list(&names))]),
            vi(r::TO_ARCHIVE),
        ],
        signer_function: vi(r::TEAM_LEADER),
        signer_name: leader.map(|m| m.name.clone()).unwrap_or_default(),
        counter_signer: None,
        annexes: vec![
            annex_book(input, &total),
            annex_checks(input),
            annex_findings(input, &total),
            annex_workers(input),
        ],
    }
}

fn targeting(input: &ReportInput, total: &CommuneFigures, b: &mut Vec<Block>) {
    let (asked, kept) = total.purpose;
    if total.checks == 0 {
        b.push(Block::Para(vi(r::NO_CHECKS_YET)));
        return;
    }
    b.push(Block::Para(vi_with(
        r::TARGETING_CHECKED,
        &[("checks", &total.checks.to_string()), ("asked", &asked.to_string()), ("share", &share(kept, asked))],
    )));
    let misuse: Vec<String> = misuse_questions()
        .iter()
        .zip(&total.misuse)
        .filter(|(_, n)| **n > 0)
        .map(|((_, sign, _), n)| {
            vi_with(r::MISUSE_CASES, &[("sign", sign.trim_end_matches('?')), ("n", &n.to_string())])
        })
        .collect();
    if misuse.is_empty() {
        b.push(Block::Para(vi(r::NO_MISUSE)));
    } else {
        b.push(Block::Para(vi(r::MISUSE_FOUND)));
        for m in misuse {
            b.push(Block::Dash(format!("{m};")));
        }
    }
    b.push(Block::Source(vi(r::SOURCE_TARGETING), input.figures_page()));
}

fn book(input: &ReportInput, total: &CommuneFigures, b: &mut Vec<Block>) {
    let growth = total.growth().unwrap_or(0);
    let direction = if growth >= 0 { r::GROWTH_UP } else { r::GROWTH_DOWN };
    b.push(Block::Para(vi_with(
        r::BOOK_SUMMARY,
        &[
            ("today", &date(input.today)),
            ("count", &input.communes.len().to_string()),
            ("loans", &total.loans.to_string()),
            ("outstanding", &money_words(total.outstanding)),
            ("direction", direction.vi),
            ("growth", &money_words(growth.abs())),
            ("since", &date(input.since)),
            ("overdue", &money_words(total.overdue_amount)),
            ("overdue_loans", &total.overdue_loans.to_string()),
            ("ratio", &ratio_text(total.overdue_amount, total.outstanding)),
            ("band", &OverdueBand::of(total.overdue_amount, total.outstanding).label().vi.to_lowercase()),
        ],
    )));
    let high: Vec<String> = input
        .communes
        .iter()
        .filter(|c| c.outstanding > 0 && matches!(c.band(), OverdueBand::From3To4 | OverdueBand::From4))
        .map(|c| format!("{} ({})", in_sentence(&c.name), ratio_text(c.overdue_amount, c.outstanding)))
        .collect();
    if high.is_empty() {
        b.push(Block::Para(vi(r::NO_HIGH_OVERDUE)));
    } else {
        b.push(Block::Para(vi_with(r::HIGH_OVERDUE, &[("communes", &list(&high))])));
    }
    b.push(Block::Table(book_table(input, total, &vi(r::TABLE_BOOK), "", false)));
}

fn site_checks(input: &ReportInput, total: &CommuneFigures, b: &mut Vec<Block>) {
    let sites: u64 = input.plan.communes.iter().map(|c| c.sites).sum();
    let checked: u64 = input.plan.communes.iter().map(|c| c.checked).sum();
    let flagged: u64 = input.plan.communes.iter().map(|c| c.flagged).sum();
    b.push(Block::Para(vi_with(
        r::SITES_SUMMARY,
        &[
            ("sites", &sites.to_string()),
            ("checked", &checked.to_string()),
            ("checks", &total.checks.to_string()),
            ("flagged", &flagged.to_string()),
        ],
    )));
    let (judged, effective) = total.effective;
    if total.checks == 0 {
        b.push(Block::Source(vi(r::SOURCE_PROGRESS), "/office/plans".into()));
        return;
    }
    b.push(Block::Para(vi_with(
        r::EFFECTIVENESS,
        &[
            ("share", &share(effective, judged)),
            ("created", &total.jobs_created.to_string()),
            ("kept", &total.jobs_kept.to_string()),
        ],
    )));
    b.push(Block::Source(vi(r::SOURCE_PROGRESS), "/office/plans".into()));
    b.push(Block::Source(vi(r::SOURCE_EACH_CHECK), input.figures_page()));
}

fn opinions(input: &ReportInput, b: &mut Vec<Block>) {
    let heard: Vec<(String, &String)> = input
        .communes
        .iter()
        .filter_map(|c| input.review(&c.code).map(|r| (in_sentence(&c.name), r)))
        .flat_map(|(name, r)| r.opinions.iter().map(move |o| (name.clone(), o)))
        .collect();
    if heard.is_empty() {
        b.push(Block::Para(vi(r::NO_OPINIONS)));
    } else {
        b.push(Block::Para(vi(r::OPINIONS_HEARD)));
        for (commune, o) in heard {
            b.push(Block::Dash(vi_with(r::OPINION_AT, &[("commune", &commune), ("opinion", o)])));
        }
    }
}

fn overseas(input: &ReportInput, b: &mut Vec<Block>) {
    let total: u64 = input.registrations.iter().map(|r| r.total).sum();
    let verified: u64 = input.registrations.iter().map(|r| r.verified).sum();
    let abroad: u64 = input.registrations.iter().map(|r| r.wants[3]).sum();
    let loan: u64 = input.registrations.iter().map(|r| r.wants[2]).sum();
    b.push(Block::Para(vi_with(
        r::RETURNEES,
        &[
            ("total", &total.to_string()),
            ("verified", &verified.to_string()),
            ("abroad", &abroad.to_string()),
            ("loan", &loan.to_string()),
        ],
    )));
    if input.overseas.is_empty() {
        b.push(Block::Para(vi(r::NO_OVERSEAS_OPEN)));
    } else {
        b.push(Block::Para(vi(r::OVERSEAS_OPEN)));
        for o in &input.overseas {
            let seats = o.seats.map_or(String::new(), |n| vi_with(r::SEATS, &[("n", &n.to_string())]));
            b.push(Block::Dash(vi_with(
                r::OVERSEAS_PROGRAMME,
                &[
                    ("title", &o.title),
                    ("enterprise", &o.enterprise),
                    ("licence", &o.licence_no),
                    ("country", &o.country),
                    ("seats", &seats),
                ],
            )));
        }
    }
    b.push(Block::Source(vi(r::SOURCE_REGISTRATIONS), input.figures_page()));
}

/// The team's words under heading `key`, commune by commune, every contributor's note kept with their name.
fn notes(input: &ReportInput, key: &str, b: &mut Vec<Block>) {
    let mut any = false;
    for c in &input.communes {
        let Some(review) = input.review(&c.code) else { continue };
        for n in review.notes(key) {
            any = true;
            // A recommendation is made, not rated.
            let rating = if n.rating.is_empty() || key == "recommendations" {
                String::new()
            } else {
                vi_with(r::RATED, &[("rating", &n.rating)])
            };
            b.push(Block::Dash(format!("{}{rating}: {} — {}.", c.name, n.text.trim_end_matches('.'), n.author)));
        }
    }
    if !any && key == "leadership" {
        b.push(Block::Para(vi(r::NO_LEADERSHIP_NOTES)));
    }
}

fn assessment(input: &ReportInput, total: &CommuneFigures, b: &mut Vec<Block>) {
    let unchecked: Vec<String> =
        input.plan.communes.iter().filter(|c| c.checked == 0).map(|c| in_sentence(&c.name)).collect();
    let unreviewed: Vec<String> =
        input.communes.iter().filter(|c| input.review(&c.code).is_none()).map(|c| in_sentence(&c.name)).collect();
    b.push(Block::Section(vi(r::STRENGTHS)));
    let (asked, kept) = total.purpose;
    if total.checks == 0 {
        b.push(Block::Para(vi_with(
            r::STRENGTHS_UNCHECKED,
            &[("ratio", &ratio_text(total.overdue_amount, total.outstanding))],
        )));
    } else {
        b.push(Block::Para(vi_with(
            r::STRENGTHS_CHECKED,
            &[
                ("kept", &kept.to_string()),
                ("asked", &asked.to_string()),
                ("percent", &percent(kept, asked)),
                ("ratio", &ratio_text(total.overdue_amount, total.outstanding)),
                ("created", &total.jobs_created.to_string()),
            ],
        )));
    }
    b.push(Block::Section(vi(r::LIMITS)));
    let mut limits = Vec::new();
    if total.misuse_total() > 0 {
        limits.push(vi_with(r::LIMIT_MISUSE, &[("n", &total.misuse_total().to_string())]));
    }
    if total.flagged_checks > 0 {
        limits.push(vi_with(r::LIMIT_FLAGGED, &[("n", &total.flagged_checks.to_string())]));
    }
    if !unchecked.is_empty() {
        limits.push(vi_with(r::LIMIT_UNCHECKED, &[("communes", &list(&unchecked))]));
    }
    if !unreviewed.is_empty() {
        limits.push(vi_with(r::LIMIT_UNREVIEWED, &[("communes", &list(&unreviewed))]));
    }
    if limits.is_empty() {
        b.push(Block::Para(vi(r::NO_LIMITS)));
    } else {
        for l in limits {
            let mut chars = l.chars();
            let first: String = chars.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
            b.push(Block::Dash(format!("{first}{};", chars.as_str())));
        }
    }
}

/// The team's recommendations: its notes under the heading first, then each recommendation once with the
/// communes where it was made (the same words to the same body in two communes are one recommendation).
fn recommendations(input: &ReportInput, b: &mut Vec<Block>) {
    notes(input, "recommendations", b);
    let mut grouped: Vec<(String, String, Vec<String>)> = Vec::new();
    for c in &input.communes {
        let Some(review) = input.review(&c.code) else { continue };
        for r in &review.recommendations {
            let r = r.trim_end_matches('.').to_owned();
            let key = vieclam_core::review::merge::same_line(&r);
            match grouped.iter_mut().find(|(k, _, _)| *k == key) {
                Some((_, _, communes)) => communes.push(in_sentence(&c.name)),
                None => grouped.push((key, r, vec![in_sentence(&c.name)])),
            }
        }
    }
    for (_, words, communes) in &grouped {
        b.push(Block::Dash(format!("{words} ({}).", list(communes))));
    }
    if grouped.is_empty() && input.reviews.iter().all(|r| r.notes("recommendations").is_empty()) {
        b.push(Block::Para(vi(r::NO_RECOMMENDATIONS)));
    }
}

/// The loan book by commune; `with_band` adds the bank's band of each ratio (the landscape annex has room for it).
fn book_table(input: &ReportInput, total: &CommuneFigures, title: &str, sheet: &str, with_band: bool) -> Table {
    let row = |name: String, c: &CommuneFigures| {
        let mut cells = vec![
            Cell::Text(name),
            Cell::Count(c.loans),
            Cell::Money(c.outstanding),
            Cell::Money(c.growth().unwrap_or(0)),
            Cell::Count(c.overdue_loans),
            Cell::Money(c.overdue_amount),
            Cell::Ratio(c.overdue_amount, c.outstanding),
        ];
        if with_band {
            cells.push(Cell::Text(c.band().label().vi.to_owned()));
        }
        cells
    };
    let since = date(input.since);
    let mut head = vec![vi(r::COMMUNE)];
    head.extend(r::BOOK_COLUMNS.iter().map(|c| vi_with(*c, &[("since", &since)])));
    if with_band {
        head.push(vi(r::BAND));
    }
    Table {
        title: title.into(),
        sheet: sheet.into(),
        head,
        rows: input.communes.iter().map(|c| row(c.name.clone(), c)).collect(),
        total: Some(row(vi(r::TOTAL), total)),
        source: input.figures_page(),
    }
}

fn annex_book(input: &ReportInput, total: &CommuneFigures) -> Table {
    book_table(input, total, &vi(r::ANNEX_BOOK), &vi(r::SHEET_BOOK), true)
}

fn annex_checks(input: &ReportInput) -> Table {
    Table {
        title: vi(r::ANNEX_CHECKS),
        sheet: vi(r::SHEET_CHECKS),
        head: r::CHECKS_COLUMNS.iter().map(|c| vi(*c)).collect(),
        rows: input
            .checks
            .iter()
            .map(|c| {
                vec![
                    Cell::Link(c.code.clone(), format!("/office/checks/{}", c.id)),
                    Cell::Text(c.borrower_name.clone()),
                    Cell::Text(c.commune_name.clone()),
                    Cell::Text(date(c.checked_on)),
                    Cell::Text(vietnamese(&c.verdict)),
                    Cell::Text(c.flags.iter().map(|f| vietnamese(f)).collect::<Vec<_>>().join("; ")),
                ]
            })
            .collect(),
        total: None,
        source: format!("/office/map?plan={}", input.plan.id),
    }
}

fn annex_findings(input: &ReportInput, total: &CommuneFigures) -> Table {
    let misuse = misuse_questions();
    let mut head = vec![vi(r::COMMUNE)];
    head.extend(r::FINDINGS_COLUMNS.iter().map(|c| vi(*c)));
    head.extend(misuse.iter().map(|(_, sign, _)| sign.trim_end_matches('?').to_owned()));
    head.extend(r::JOBS_COLUMNS.iter().map(|c| vi(*c)));
    let row = |name: String, c: &CommuneFigures, sites: u64, checked: u64| {
        let mut r = vec![
            Cell::Text(name),
            Cell::Count(sites),
            Cell::Count(checked),
            Cell::Count(c.checks),
            Cell::Count(c.flagged_checks),
            Cell::Count(c.purpose.0),
            Cell::Count(c.purpose.1),
            Cell::Count(c.effective.0),
            Cell::Count(c.effective.1),
        ];
        r.extend(c.misuse.iter().map(|n| Cell::Count(*n)));
        r.extend([Cell::Count(c.jobs_created), Cell::Count(c.jobs_kept)]);
        r
    };
    let progress =
        |code: &str| input.plan.communes.iter().find(|p| p.code == code).map_or((0, 0), |p| (p.sites, p.checked));
    let rows = input
        .communes
        .iter()
        .map(|c| {
            let (sites, checked) = progress(&c.code);
            row(c.name.clone(), c, sites, checked)
        })
        .collect();
    let (sites, checked) = input.plan.communes.iter().fold((0, 0), |(s, k), p| (s + p.sites, k + p.checked));
    Table {
        title: vi(r::ANNEX_FINDINGS),
        sheet: vi(r::SHEET_FINDINGS),
        head,
        rows,
        total: Some(row(vi(r::TOTAL), total, sites, checked)),
        source: input.figures_page(),
    }
}

fn annex_workers(input: &ReportInput) -> Table {
    let name = |code: &str| input.communes.iter().find(|c| c.code == code).map_or(code.to_owned(), |c| c.name.clone());
    let open = |code: &str| input.communes.iter().find(|c| c.code == code).map_or(0, |c| c.programmes);
    let row = |name: String, r: &super::input::Registrations, programmes: u64| {
        vec![
            Cell::Text(name),
            Cell::Count(r.total),
            Cell::Count(r.verified),
            Cell::Count(r.rejected),
            Cell::Count(r.wants[0]),
            Cell::Count(r.wants[1]),
            Cell::Count(r.wants[2]),
            Cell::Count(r.wants[3]),
            Cell::Count(programmes),
        ]
    };
    let mut sum = super::input::Registrations::default();
    for r in &input.registrations {
        sum.total += r.total;
        sum.verified += r.verified;
        sum.rejected += r.rejected;
        for (s, w) in sum.wants.iter_mut().zip(r.wants) {
            *s += w;
        }
    }
    Table {
        title: vi(r::ANNEX_WORKERS),
        sheet: vi(r::SHEET_WORKERS),
        head: std::iter::once(vi(r::COMMUNE)).chain(r::WORKERS_COLUMNS.iter().map(|c| vi(*c))).collect(),
        rows: input.registrations.iter().map(|r| row(name(&r.commune_code), r, open(&r.commune_code))).collect(),
        total: Some(row(vi(r::TOTAL), &sum, input.communes.iter().map(|c| c.programmes).sum())),
        source: input.figures_page(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_lists_read_as_a_sentence() {
        assert_eq!(in_sentence("Xã Đình Lập"), "xã Đình Lập");
        assert_eq!(in_sentence("Phường Lương Văn Tri"), "phường Lương Văn Tri");
        assert_eq!(list(&["a".into(), "b".into(), "c".into()]), "a, b và c");
        assert_eq!(list(&["a".into()]), "a");
        assert_eq!(share(6, 7), "6/7 (85,7%)");
        assert_eq!(share(0, 0), "—");
        assert_eq!(money_words(1_500_000), "1.500.000 đồng");
    }

    fn commune(code: &str, name: &str) -> CommuneFigures {
        CommuneFigures {
            code: code.into(),
            name: name.into(),
            misuse: vec![0; misuse_questions().len()],
            ..Default::default()
        }
    }

    #[test]
    fn one_recommendation_made_in_two_communes_is_written_once_with_both() {
        let review = |code: &str, words: &str| super::super::input::CommuneReview {
            commune_code: code.into(),
            recommendations: vec![words.into()],
            ..Default::default()
        };
        let input = ReportInput {
            communes: vec![commune("1", "Xã Một"), commune("2", "Phường Hai")],
            reviews: vec![review("1", "UBND xã: Niêm yết thủ tục."), review("2", "UBND  xã: niêm yết thủ tục")],
            ..Default::default()
        };
        let doc = report(&input);
        let lines: Vec<&Block> = doc
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Dash(t) if t.to_lowercase().contains("niêm yết thủ tục")))
            .collect();
        assert_eq!(lines, [&Block::Dash("UBND xã: Niêm yết thủ tục (xã Một và phường Hai).".into())]);
        // Nothing checked: the report says so rather than counting zeros.
        assert!(doc.blocks.iter().any(|b| matches!(b, Block::Para(t) if t.contains("chưa kiểm tra mô hình nào"))));
    }
}
