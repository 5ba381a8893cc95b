//! The commune minutes (biên bản làm việc): what the team and the commune agreed at the review meeting, printed
//! from the server for both sides to sign. The team is named by name and function, the commune's side by the
//! attendees the inspectors recorded, and under each heading of the review come the commune's figures (the dashboard's)
//! and every inspector's words.

use vieclam_core::format::date;
use vieclam_core::loans::overdue_band::ratio_text;

use super::compose::{AUTHORITY, ISSUER, SECTIONS, in_sentence, list, percent};
use super::doc::{Block, Document, place_date};
use super::input::ReportInput;
use crate::dashboard::communes::{CommuneFigures, misuse_questions};
use vieclam_core::review::merge;

/// The minutes of commune `code` of the plan in `input`; `None` when the commune is not in the plan.
pub fn minutes(input: &ReportInput, code: &str) -> Option<Document> {
    let c = input.communes.iter().find(|c| c.code == code)?;
    let review = input.review(code);
    let held_on = review.and_then(|r| r.held_on).unwrap_or(input.today);
    let commune = in_sentence(&c.name);
    let leader = input.team.iter().find(|m| m.leads).or(input.team.first());
    let mut b = vec![Block::Para(format!(
        "Hôm nay, ngày {}, tại trụ sở UBND {commune}, Đoàn kiểm tra theo Kế hoạch số {} làm việc với UBND {commune} \
         về việc thực hiện chính sách hỗ trợ tạo việc làm và đưa người lao động đi làm việc ở nước ngoài theo hợp đồng.",
        date(held_on),
        input.plan.code
    ))];

    b.push(Block::Part("I. THÀNH PHẦN".into()));
    b.push(Block::Section("1. Đoàn kiểm tra".into()));
    for m in &input.team {
        b.push(Block::Dash(format!("{}, {};", m.name, m.function)));
    }
    b.push(Block::Section(format!("2. Đại diện {commune} và các thành phần dự họp")));
    let side = commune_side(input, review.map(|r| r.attendees.as_slice()).unwrap_or_default());
    if side.is_empty() {
        b.push(Block::Para("(Đoàn chưa ghi thành phần dự họp.)".into()));
    }
    b.extend(side.iter().map(|a| Block::Dash(format!("{a};"))));

    b.push(Block::Part("II. NỘI DUNG VÀ KẾT QUẢ LÀM VIỆC".into()));
    for (i, (key, title)) in SECTIONS.iter().enumerate() {
        b.push(Block::Section(format!("{}. {title}", i + 1)));
        b.extend(figures(input, c, key));
        let notes = review.map(|r| r.notes(key)).unwrap_or_default();
        for n in notes {
            let rating = if n.rating.is_empty() { String::new() } else { format!("Đánh giá: {}. ", n.rating) };
            b.push(Block::Dash(format!("{rating}{} ({}).", n.text.trim_end_matches('.'), n.author)));
        }
        if key == &"opinions" {
            for o in review.map(|r| r.opinions.as_slice()).unwrap_or_default() {
                b.push(Block::Dash(o.clone()));
            }
        }
    }

    b.push(Block::Part("III. KIẾN NGHỊ CỦA ĐOÀN KIỂM TRA".into()));
    let recs = review.map(|r| r.recommendations.as_slice()).unwrap_or_default();
    let notes = review.map(|r| r.notes("recommendations")).unwrap_or_default();
    for n in notes {
        b.push(Block::Dash(format!("{} ({}).", n.text.trim_end_matches('.'), n.author)));
    }
    b.extend(recs.iter().map(|r| Block::Dash(format!("{}.", r.trim_end_matches('.')))));
    if recs.is_empty() && notes.is_empty() {
        b.push(Block::Para("(Đoàn chưa ghi kiến nghị.)".into()));
    }
    b.push(Block::Para(
        "Biên bản được lập thành 02 bản có giá trị như nhau, Đoàn kiểm tra giữ 01 bản, UBND xã giữ 01 bản; đã đọc lại \
         cho các thành phần dự họp cùng nghe và nhất trí ký tên./."
            .into(),
    ));

    // The commune's side signs as its first attendee: the People's Committee's chairman when recorded.
    let chair_name = side.first().map(|a| name_of(a).to_owned()).unwrap_or_default();
    Some(Document {
        authority: AUTHORITY.into(),
        issuer: ISSUER.into(),
        number: "Số:        /BB-ĐKT".into(),
        place_date: place_date(&c.name, held_on),
        kind: "BIÊN BẢN".into(),
        title: format!("Làm việc với UBND {commune} theo Kế hoạch kiểm tra số {}", input.plan.code),
        blocks: b,
        recipients: Vec::new(),
        signer_function: "TRƯỞNG ĐOÀN KIỂM TRA".into(),
        signer_name: leader.map(|m| m.name.clone()).unwrap_or_default(),
        counter_signer: Some((format!("ĐẠI DIỆN UBND {}", commune.to_uppercase()), chair_name)),
        annexes: Vec::new(),
    })
}

/// The name in an attendee's `name, function`.
fn name_of(attendee: &str) -> &str {
    attendee.split_once(", ").map_or(attendee, |(n, _)| n).trim()
}

/// The attendees who are not of the team, the commune People's Committee's chairman (else a vice-chairman, else
/// any chairman) first: the team is already named above, and the first of the commune's side signs.
fn commune_side(input: &ReportInput, attendees: &[String]) -> Vec<String> {
    let team: Vec<String> = input.team.iter().map(|m| merge::same_line(&m.name)).collect();
    let rank = |a: &String| {
        let role = a.split_once(", ").map_or("", |(_, r)| r).to_lowercase();
        if role.starts_with("chủ tịch ubnd") || role.starts_with("chủ tịch ủy ban") {
            0
        } else if role.starts_with("phó chủ tịch ubnd") || role.starts_with("phó chủ tịch ủy ban") {
            1
        } else {
            2
        }
    };
    let mut side: Vec<String> =
        attendees.iter().filter(|a| !team.contains(&merge::same_line(name_of(a)))).cloned().collect();
    // Stable: within a rank the merged (alphabetical) order stays.
    side.sort_by_key(rank);
    side
}

/// The commune's figures under heading `key`, as the figures page shows them for the plan.
fn figures(input: &ReportInput, c: &CommuneFigures, key: &str) -> Vec<Block> {
    let source = || Block::Source("Số liệu: trang Số liệu xã".into(), input.figures_page());
    match key {
        "targeting" if c.checks > 0 => {
            let misuse: Vec<String> = misuse_questions()
                .iter()
                .zip(&c.misuse)
                .filter(|(_, n)| **n > 0)
                .map(|((_, vi, _), n)| format!("{} ({n})", vi.trim_end_matches('?')))
                .collect();
            let found = if misuse.is_empty() {
                "không phát hiện dấu hiệu vi phạm".to_owned()
            } else {
                format!("phát hiện: {}", list(&misuse))
            };
            vec![
                Block::Para(format!(
                    "Đoàn kiểm tra {} lượt tại mô hình; sử dụng vốn đúng mục đích {}/{} lượt ({}); {found}.",
                    c.checks,
                    c.purpose.1,
                    c.purpose.0,
                    percent(c.purpose.1, c.purpose.0)
                )),
                source(),
            ]
        }
        "book" => vec![
            Block::Para(format!(
                "Đến ngày {}, {} có {} khoản vay, dư nợ {}, {} so với ngày {}; nợ quá hạn {}, tỷ lệ {} ({}).",
                date(input.today),
                in_sentence(&c.name),
                c.loans,
                vieclam_core::format::money(c.outstanding),
                growth(c),
                date(input.since),
                vieclam_core::format::money(c.overdue_amount),
                ratio_text(c.overdue_amount, c.outstanding),
                c.band().label().vi.to_lowercase()
            )),
            source(),
        ],
        "site_checks" if c.checks > 0 => vec![
            Block::Para(format!(
                "Có {}/{} lượt kiểm tra được đánh giá có hiệu quả; tạo việc làm mới cho {} lao động, duy trì việc làm \
                 cho {} lao động; {} lượt kiểm tra bị hệ thống gắn cờ cần xác minh.",
                c.effective.1, c.effective.0, c.jobs_created, c.jobs_kept, c.flagged_checks
            )),
            source(),
        ],
        "overseas" => vec![Block::Para(format!(
            "{} người lao động về nước tại xã đã đăng ký nhu cầu qua ứng dụng.",
            input.registrations.iter().find(|r| r.commune_code == c.code).map_or(0, |r| r.total)
        ))],
        _ => Vec::new(),
    }
}

fn growth(c: &CommuneFigures) -> String {
    match c.growth() {
        Some(g) if g < 0 => format!("giảm {}", vieclam_core::format::money(-g)),
        Some(g) => format!("tăng {}", vieclam_core::format::money(g)),
        None => "chưa so sánh".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::input::{CommuneReview, Member, Note};

    #[test]
    fn the_minutes_name_both_sides_and_every_contributor() {
        let commune = CommuneFigures {
            code: "1".into(),
            name: "Xã Một".into(),
            misuse: vec![0; misuse_questions().len()],
            ..Default::default()
        };
        let input = ReportInput {
            team: vec![
                Member { name: "Nguyễn Văn An".into(), function: "Trưởng đoàn".into(), leads: true },
                Member { name: "Lăng Thị Mai".into(), function: "Thư ký".into(), leads: false },
            ],
            communes: vec![commune],
            reviews: vec![CommuneReview {
                commune_code: "1".into(),
                notes: vec![(
                    "leadership".into(),
                    vec![
                        Note {
                            author: "Nguyễn Văn An".into(), rating: "Tốt".into(), text: "Họp 9 thôn.".into()
                        },
                        Note {
                            author: "Lăng Thị Mai".into(), rating: "Khá".into(), text: "Loa phát 2 buổi".into()
                        },
                    ],
                )],
                attendees: vec![
                    "Chu Minh Đức, Chủ tịch Hội Cựu chiến binh xã".into(),
                    "Hà Văn Sơn, Chủ tịch UBND xã".into(),
                    "Lăng Thị Mai, Thư ký đoàn kiểm tra".into(),
                ],
                ..Default::default()
            }],
            ..Default::default()
        };
        let m = minutes(&input, "1").expect("minutes");
        assert_eq!(m.signer_name, "Nguyễn Văn An");
        assert_eq!(m.counter_signer, Some(("ĐẠI DIỆN UBND XÃ MỘT".into(), "Hà Văn Sơn".into())));
        let text: Vec<String> = m
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Dash(t) | Block::Para(t) => Some(t.clone()),
                _ => None,
            })
            .collect();
        for line in [
            "Nguyễn Văn An, Trưởng đoàn;",
            "Lăng Thị Mai, Thư ký;",
            "Hà Văn Sơn, Chủ tịch UBND xã;",
            "Đánh giá: Tốt. Họp 9 thôn (Nguyễn Văn An).",
            "Đánh giá: Khá. Loa phát 2 buổi (Lăng Thị Mai).",
        ] {
            assert!(text.iter().any(|t| t == line), "{line} in {text:?}");
        }
        assert!(!text.iter().any(|t| t.starts_with("Lăng Thị Mai, Thư ký đoàn")), "the team is not the commune's side");
        assert!(minutes(&input, "2").is_none(), "a commune outside the plan has no minutes");
    }
}
