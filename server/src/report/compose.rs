//! The report's words: from a [`ReportInput`] to the [`Document`] a clerk of the department would write, in
//! Vietnamese, part by part as the inspection reviewed each commune (leadership and publicity, lending to the right
//! people for the right purpose, the loan book, the sites visited, citizens' opinions, work abroad), then the overall
//! assessment and the recommendations. Every figure comes from the input (the dashboard's computation), and each part
//! says which page of the dashboard shows it.

use vieclam_core::format::{date, money};
use vieclam_core::loans::overdue_band::{OverdueBand, ratio_text};

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
pub const SECTIONS: &[(&str, &str)] = &[
    ("leadership", "Công tác lãnh đạo, chỉ đạo và thông tin, tuyên truyền"),
    ("targeting", "Việc cho vay đúng đối tượng, đúng mục đích"),
    ("book", "Tăng trưởng dư nợ và nợ quá hạn"),
    ("site_checks", "Kết quả kiểm tra tại các mô hình được vay vốn"),
    ("opinions", "Ý kiến, kiến nghị của người dân"),
    ("overseas", "Công tác đưa người lao động đi làm việc ở nước ngoài theo hợp đồng"),
];

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
        [init @ .., last] => format!("{} và {last}", init.join(", ")),
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
    money(amount).trim_end_matches('₫').trim_end_matches('\u{a0}').to_owned() + " đồng"
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
    b.push(Block::Para(format!(
        "Thực hiện Kế hoạch số {}{title}, từ ngày {} đến ngày {}, Đoàn kiểm tra đã làm việc tại {} xã, phường: {}. \
         Sở Nội vụ báo cáo kết quả kiểm tra như sau:",
        plan.code,
        date(plan.starts_on),
        date(plan.ends_on),
        input.communes.len(),
        list(&names)
    )));

    b.push(Block::Part("I. THÀNH PHẦN ĐOÀN KIỂM TRA".into()));
    if input.team.is_empty() {
        b.push(Block::Para("Kế hoạch chưa phân công thành viên đoàn kiểm tra.".into()));
    }
    for m in &input.team {
        b.push(Block::Dash(format!("{}, {}.", m.name, m.function)));
    }
    b.push(Block::Source("Danh sách đoàn: trang Kế hoạch kiểm tra".into(), "/office/plans".into()));

    b.push(Block::Part("II. KẾT QUẢ KIỂM TRA".into()));
    for (i, (key, title)) in SECTIONS.iter().enumerate() {
        b.push(Block::Section(format!("{}. {title}", i + 1)));
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

    b.push(Block::Part("III. ĐÁNH GIÁ CHUNG".into()));
    assessment(input, &total, &mut b);

    b.push(Block::Part("IV. KIẾN NGHỊ".into()));
    recommendations(input, &mut b);

    b.push(Block::Para(format!(
        "Trên đây là báo cáo kết quả kiểm tra theo Kế hoạch số {}. Sở Nội vụ kính báo cáo Ủy ban nhân dân tỉnh xem \
         xét, chỉ đạo./.",
        plan.code
    )));

    Document {
        authority: AUTHORITY.into(),
        issuer: ISSUER.into(),
        number: NUMBER.into(),
        place_date: place_date("Lạng Sơn", input.today),
        kind: "BÁO CÁO".into(),
        title: format!(
            "Kết quả kiểm tra việc thực hiện chính sách hỗ trợ tạo việc làm từ Quỹ quốc gia về việc làm và đưa người \
             lao động đi làm việc ở nước ngoài theo hợp đồng, theo Kế hoạch số {}",
            plan.code
        ),
        blocks: b,
        recipients: vec![
            "UBND tỉnh (để báo cáo);".into(),
            "Giám đốc Sở (để báo cáo);".into(),
            "Chi nhánh NHCSXH tỉnh Lạng Sơn;".into(),
            format!("UBND {} (để thực hiện);", list(&names)),
            "Lưu: VT, LĐVL.".into(),
        ],
        signer_function: "TRƯỞNG ĐOÀN KIỂM TRA".into(),
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
        b.push(Block::Para("Đến ngày lập báo cáo, Đoàn chưa kiểm tra mô hình nào tại các xã của kế hoạch.".into()));
        return;
    }
    b.push(Block::Para(format!(
        "Qua kiểm tra {} lượt tại các mô hình được vay vốn, {} lượt xác định được việc sử dụng vốn; trong đó sử dụng \
         vốn đúng mục đích: {}.",
        total.checks,
        asked,
        share(kept, asked)
    )));
    let misuse: Vec<String> = misuse_questions()
        .iter()
        .zip(&total.misuse)
        .filter(|(_, n)| **n > 0)
        .map(|((_, vi, _), n)| format!("{} ({n} trường hợp)", vi.trim_end_matches('?')))
        .collect();
    if misuse.is_empty() {
        b.push(Block::Para("Không phát hiện dấu hiệu vi phạm trong sử dụng vốn vay.".into()));
    } else {
        b.push(Block::Para("Phát hiện các dấu hiệu vi phạm sau:".into()));
        for m in misuse {
            b.push(Block::Dash(format!("{m};")));
        }
    }
    b.push(Block::Source(
        "Số liệu: trang Số liệu xã, các cột Đúng mục đích và Dấu hiệu sai phạm".into(),
        input.figures_page(),
    ));
}

fn book(input: &ReportInput, total: &CommuneFigures, b: &mut Vec<Block>) {
    let growth = total.growth().unwrap_or(0);
    let direction = if growth >= 0 { "tăng" } else { "giảm" };
    b.push(Block::Para(format!(
        "Đến ngày {}, tại {} xã, phường được kiểm tra có {} khoản vay trên sổ, tổng dư nợ {}, {direction} {} so với \
         ngày {}; nợ quá hạn {} của {} khoản vay, tỷ lệ nợ quá hạn {} (nhóm {}).",
        date(input.today),
        input.communes.len(),
        total.loans,
        money_words(total.outstanding),
        money_words(growth.abs()),
        date(input.since),
        money_words(total.overdue_amount),
        total.overdue_loans,
        ratio_text(total.overdue_amount, total.outstanding),
        OverdueBand::of(total.overdue_amount, total.outstanding).label().vi.to_lowercase()
    )));
    let high: Vec<String> = input
        .communes
        .iter()
        .filter(|c| c.outstanding > 0 && matches!(c.band(), OverdueBand::From3To4 | OverdueBand::From4))
        .map(|c| format!("{} ({})", in_sentence(&c.name), ratio_text(c.overdue_amount, c.outstanding)))
        .collect();
    if high.is_empty() {
        b.push(Block::Para("Không có xã nào có tỷ lệ nợ quá hạn từ 3% trở lên.".into()));
    } else {
        b.push(Block::Para(format!("Các xã có tỷ lệ nợ quá hạn từ 3% trở lên: {}.", list(&high))));
    }
    b.push(Block::Table(book_table(input, total, "Bảng 1. Dư nợ và nợ quá hạn theo xã", "", false)));
}

fn site_checks(input: &ReportInput, total: &CommuneFigures, b: &mut Vec<Block>) {
    let sites: u64 = input.plan.communes.iter().map(|c| c.sites).sum();
    let checked: u64 = input.plan.communes.iter().map(|c| c.checked).sum();
    let flagged: u64 = input.plan.communes.iter().map(|c| c.flagged).sum();
    b.push(Block::Para(format!(
        "Các xã được kiểm tra có {sites} mô hình được vay vốn; Đoàn đã kiểm tra trực tiếp tại {checked} mô hình ({} \
         lượt kiểm tra), trong đó {flagged} mô hình có lượt kiểm tra bị hệ thống gắn cờ cần xem xét (ảnh hoặc vị trí \
         không khớp, chữ ký số không hợp lệ).",
        total.checks
    )));
    let (judged, effective) = total.effective;
    if total.checks == 0 {
        b.push(Block::Source("Tiến độ theo xã: trang Kế hoạch kiểm tra".into(), "/office/plans".into()));
        return;
    }
    b.push(Block::Para(format!(
        "Về hiệu quả: {} mô hình được đánh giá có hiệu quả. Các mô hình đã tạo việc làm mới cho {} lao động và duy trì \
         việc làm cho {} lao động.",
        share(effective, judged),
        total.jobs_created,
        total.jobs_kept
    )));
    b.push(Block::Source("Tiến độ theo xã: trang Kế hoạch kiểm tra".into(), "/office/plans".into()));
    b.push(Block::Source("Kết quả từng lượt: trang Số liệu xã và Phụ lục 2, 3".into(), input.figures_page()));
}

fn opinions(input: &ReportInput, b: &mut Vec<Block>) {
    let heard: Vec<(String, &String)> = input
        .communes
        .iter()
        .filter_map(|c| input.review(&c.code).map(|r| (in_sentence(&c.name), r)))
        .flat_map(|(name, r)| r.opinions.iter().map(move |o| (name.clone(), o)))
        .collect();
    if heard.is_empty() {
        b.push(Block::Para("Đoàn chưa ghi nhận ý kiến của người dân tại các buổi làm việc.".into()));
    } else {
        b.push(Block::Para("Tại các buổi làm việc, người dân phản ánh:".into()));
        for (commune, o) in heard {
            b.push(Block::Dash(format!("Tại {commune}: {o}")));
        }
    }
}

fn overseas(input: &ReportInput, b: &mut Vec<Block>) {
    let total: u64 = input.registrations.iter().map(|r| r.total).sum();
    let verified: u64 = input.registrations.iter().map(|r| r.verified).sum();
    let abroad: u64 = input.registrations.iter().map(|r| r.wants[3]).sum();
    let loan: u64 = input.registrations.iter().map(|r| r.wants[2]).sum();
    b.push(Block::Para(format!(
        "Tại các xã được kiểm tra, {total} người lao động về nước đã đăng ký nhu cầu việc làm qua ứng dụng ({verified} \
         hồ sơ đã được xác minh); trong đó {abroad} người có nhu cầu tiếp tục đi làm việc ở nước ngoài và {loan} \
         người có nhu cầu vay vốn tự tạo việc làm."
    )));
    if input.overseas.is_empty() {
        b.push(Block::Para(
            "Trong thời gian kiểm tra không có chương trình tuyển chọn đi làm việc ở nước ngoài nào đang mở.".into(),
        ));
    } else {
        b.push(Block::Para(
            "Các chương trình đi làm việc ở nước ngoài đang tuyển chọn qua doanh nghiệp được cấp phép:".into(),
        ));
        for o in &input.overseas {
            let seats = o.seats.map_or(String::new(), |n| format!(", {n} chỉ tiêu"));
            b.push(Block::Dash(format!(
                "{} — {} (giấy phép số {}), thị trường {}{seats};",
                o.title, o.enterprise, o.licence_no, o.country
            )));
        }
    }
    b.push(Block::Source("Số đăng ký theo xã: trang Số liệu xã, cột Đăng ký".into(), input.figures_page()));
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
                format!(" (đánh giá: {})", n.rating)
            };
            b.push(Block::Dash(format!("{}{rating}: {} — {}.", c.name, n.text.trim_end_matches('.'), n.author)));
        }
    }
    if !any && key == "leadership" {
        b.push(Block::Para("Đoàn chưa ghi nhận xét về nội dung này tại các xã.".into()));
    }
}

fn assessment(input: &ReportInput, total: &CommuneFigures, b: &mut Vec<Block>) {
    let unchecked: Vec<String> =
        input.plan.communes.iter().filter(|c| c.checked == 0).map(|c| in_sentence(&c.name)).collect();
    let unreviewed: Vec<String> =
        input.communes.iter().filter(|c| input.review(&c.code).is_none()).map(|c| in_sentence(&c.name)).collect();
    b.push(Block::Section("1. Ưu điểm".into()));
    let (asked, kept) = total.purpose;
    if total.checks == 0 {
        b.push(Block::Para(format!(
            "Tỷ lệ nợ quá hạn chung của các xã được kiểm tra là {}; chưa có kết quả kiểm tra tại mô hình để đánh giá.",
            ratio_text(total.overdue_amount, total.outstanding)
        )));
    } else {
        b.push(Block::Para(format!(
            "Vốn vay cơ bản được sử dụng đúng mục đích ({kept}/{asked} lượt kiểm tra, {}); tỷ lệ nợ quá hạn chung của \
         các xã được kiểm tra là {}; các mô hình đã tạo việc làm mới cho {} lao động.",
            percent(kept, asked),
            ratio_text(total.overdue_amount, total.outstanding),
            total.jobs_created
        )));
    }
    b.push(Block::Section("2. Tồn tại, hạn chế".into()));
    let mut limits = Vec::new();
    if total.misuse_total() > 0 {
        limits.push(format!("còn {} trường hợp có dấu hiệu vi phạm trong sử dụng vốn vay", total.misuse_total()));
    }
    if total.flagged_checks > 0 {
        limits.push(format!("{} lượt kiểm tra bị gắn cờ cần xác minh lại", total.flagged_checks));
    }
    if !unchecked.is_empty() {
        limits.push(format!("chưa kiểm tra được mô hình nào tại {}", list(&unchecked)));
    }
    if !unreviewed.is_empty() {
        limits.push(format!("chưa có biên bản làm việc tại {}", list(&unreviewed)));
    }
    if limits.is_empty() {
        b.push(Block::Para("Không phát hiện tồn tại, hạn chế đáng kể.".into()));
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
        b.push(Block::Para("Đoàn chưa ghi kiến nghị tại các xã.".into()));
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
    let mut head: Vec<String> = [
        "Xã, phường",
        "Số khoản vay",
        "Dư nợ",
        &format!("Tăng trưởng so với {}", date(input.since)),
        "Khoản vay quá hạn",
        "Nợ quá hạn",
        "Tỷ lệ nợ quá hạn",
    ]
    .map(str::to_owned)
    .to_vec();
    if with_band {
        head.push("Nhóm".to_owned());
    }
    Table {
        title: title.into(),
        sheet: sheet.into(),
        head,
        rows: input.communes.iter().map(|c| row(c.name.clone(), c)).collect(),
        total: Some(row("Cộng".into(), total)),
        source: input.figures_page(),
    }
}

fn annex_book(input: &ReportInput, total: &CommuneFigures) -> Table {
    book_table(input, total, "Phụ lục 1. Dư nợ và nợ quá hạn theo xã", "1. Dư nợ", true)
}

fn annex_checks(input: &ReportInput) -> Table {
    Table {
        title: "Phụ lục 2. Danh sách các lượt kiểm tra tại mô hình".into(),
        sheet: "2. Kiểm tra".into(),
        head: ["Mã kiểm tra", "Người vay", "Xã, phường", "Ngày", "Vị trí", "Cờ"].map(str::to_owned).to_vec(),
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
    let mut head: Vec<String> = [
        "Xã, phường",
        "Mô hình trong xã",
        "Mô hình đã kiểm tra",
        "Lượt kiểm tra",
        "Lượt bị gắn cờ",
        "Hỏi về mục đích",
        "Đúng mục đích",
        "Được đánh giá hiệu quả",
        "Có hiệu quả",
    ]
    .map(str::to_owned)
    .to_vec();
    head.extend(misuse.iter().map(|(_, vi, _)| vi.trim_end_matches('?').to_owned()));
    head.extend(["Lao động có việc làm mới", "Lao động duy trì việc làm"].map(str::to_owned));
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
        title: "Phụ lục 3. Kết quả kiểm tra theo xã".into(),
        sheet: "3. Kết quả".into(),
        head,
        rows,
        total: Some(row("Cộng".into(), total, sites, checked)),
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
        title: "Phụ lục 4. Người lao động về nước đăng ký nhu cầu và chương trình việc làm theo xã".into(),
        sheet: "4. Đăng ký".into(),
        head: [
            "Xã, phường",
            "Số đăng ký",
            "Đã xác minh",
            "Bị từ chối",
            "Cần việc làm trong nước",
            "Cần học nghề",
            "Cần vay vốn tự tạo việc làm",
            "Muốn đi làm việc ở nước ngoài",
            "Chương trình việc làm đang mở tại xã",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows: input.registrations.iter().map(|r| row(name(&r.commune_code), r, open(&r.commune_code))).collect(),
        total: Some(row("Cộng".into(), &sum, input.communes.iter().map(|c| c.programmes).sum())),
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
