//! The commune minutes (biên bản làm việc): what the team and the commune agreed at the review meeting, printed
//! from the server for both sides to sign. The team is named by name and function, the commune's side by the
//! attendees the inspectors recorded, and under each heading of the review come the commune's figures (the dashboard's)
//! and every inspector's words.

use vieclam_core::format::date;
use vieclam_core::loans::overdue_band::ratio_text;

use vieclam_core::messages::{minutes as m, report as r};

use super::compose::{AUTHORITY, ISSUER, SECTIONS, in_sentence, list, percent, vi, vi_with};
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
    let leader = input.team.iter().find(|l| l.leads).or(input.team.first());
    let mut b = vec![Block::Para(vi_with(
        m::OPENING,
        &[("date", &date(held_on)), ("commune", &commune), ("code", &input.plan.code)],
    ))];

    b.push(Block::Part(vi(m::PART_ATTENDANCE)));
    b.push(Block::Section(vi(m::SECTION_TEAM)));
    for member in &input.team {
        b.push(Block::Dash(format!("{}, {};", member.name, member.function)));
    }
    b.push(Block::Section(vi_with(m::SECTION_COMMUNE_SIDE, &[("commune", &commune)])));
    let side = commune_side(input, review.map(|r| r.attendees.as_slice()).unwrap_or_default());
    if side.is_empty() {
        b.push(Block::Para(vi(m::NO_ATTENDEES)));
    }
    b.extend(side.iter().map(|a| Block::Dash(format!("{a};"))));

    b.push(Block::Part(vi(m::PART_CONTENT)));
    for (i, (key, title)) in SECTIONS.iter().enumerate() {
        b.push(Block::Section(format!("{}. {}", i + 1, title.vi)));
        b.extend(figures(input, c, key));
        let notes = review.map(|r| r.notes(key)).unwrap_or_default();
        for n in notes {
            let rating = if n.rating.is_empty() { String::new() } else { vi_with(m::RATING, &[("rating", &n.rating)]) };
            b.push(Block::Dash(format!("{rating}{} ({}).", n.text.trim_end_matches('.'), n.author)));
        }
        if key == &"opinions" {
            for o in review.map(|r| r.opinions.as_slice()).unwrap_or_default() {
                b.push(Block::Dash(o.clone()));
            }
        }
    }

    b.push(Block::Part(vi(m::PART_RECOMMENDATIONS)));
    let recs = review.map(|r| r.recommendations.as_slice()).unwrap_or_default();
    let notes = review.map(|r| r.notes("recommendations")).unwrap_or_default();
    for n in notes {
        b.push(Block::Dash(format!("{} ({}).", n.text.trim_end_matches('.'), n.author)));
    }
    b.extend(recs.iter().map(|r| Block::Dash(format!("{}.", r.trim_end_matches('.')))));
    if recs.is_empty() && notes.is_empty() {
        b.push(Block::Para(vi(m::NO_RECOMMENDATIONS)));
    }
    b.push(Block::Para(vi(m::CLOSING)));

    // The commune's side signs as its first attendee: the People's Committee's chairman when recorded.
    let chair_name = side.first().map(|a| name_of(a).to_owned()).unwrap_or_default();
    Some(Document {
        authority: AUTHORITY.into(),
        issuer: ISSUER.into(),
        number: "Số:        /BB-ĐKT".into(),
        place_date: place_date(&c.name, held_on),
        kind: vi(m::KIND),
        title: vi_with(m::TITLE, &[("commune", &commune), ("code", &input.plan.code)]),
        blocks: b,
        recipients: Vec::new(),
        signer_function: vi(r::TEAM_LEADER),
        signer_name: leader.map(|l| l.name.clone()).unwrap_or_default(),
        counter_signer: Some((vi_with(m::COMMUNE_SIGNER, &[("commune", &commune.to_uppercase())]), chair_name)),
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
    let team: Vec<String> = input.team.iter().map(|member| merge::same_line(&member.name)).collect();
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
    let source = || Block::Source(vi(m::SOURCE_FIGURES), input.figures_page());
    match key {
        "targeting" if c.checks > 0 => {
            let misuse: Vec<String> = misuse_questions()
                .iter()
                .zip(&c.misuse)
                .filter(|(_, n)| **n > 0)
                .map(|((_, sign, _), n)| format!("{} ({n})", sign.trim_end_matches('?')))
                .collect();
            let found = if misuse.is_empty() {
                vi(m::NO_MISUSE)
            } else {
                vi_with(m::MISUSE_FOUND, &[("signs", &list(&misuse))])
            };
            vec![
                Block::Para(vi_with(
                    m::TARGETING,
                    &[
                        ("checks", &c.checks.to_string()),
                        ("kept", &c.purpose.1.to_string()),
                        ("asked", &c.purpose.0.to_string()),
                        ("percent", &percent(c.purpose.1, c.purpose.0)),
                        ("found", &found),
                    ],
                )),
                source(),
            ]
        }
        "book" => vec![
            Block::Para(vi_with(
                m::BOOK,
                &[
                    ("today", &date(input.today)),
                    ("commune", &in_sentence(&c.name)),
                    ("loans", &c.loans.to_string()),
                    ("outstanding", &vieclam_core::format::money(c.outstanding)),
                    ("growth", &growth(c)),
                    ("since", &date(input.since)),
                    ("overdue", &vieclam_core::format::money(c.overdue_amount)),
                    ("ratio", &ratio_text(c.overdue_amount, c.outstanding)),
                    ("band", &c.band().label().vi.to_lowercase()),
                ],
            )),
            source(),
        ],
        "site_checks" if c.checks > 0 => vec![
            Block::Para(vi_with(
                m::SITE_CHECKS,
                &[
                    ("effective", &c.effective.1.to_string()),
                    ("judged", &c.effective.0.to_string()),
                    ("created", &c.jobs_created.to_string()),
                    ("kept", &c.jobs_kept.to_string()),
                    ("flagged", &c.flagged_checks.to_string()),
                ],
            )),
            source(),
        ],
        "overseas" => vec![Block::Para(vi_with(
            m::RETURNEES,
            &[("n", &input.registrations.iter().find(|g| g.commune_code == c.code).map_or(0, |g| g.total).to_string())],
        ))],
        _ => Vec::new(),
    }
}

fn growth(c: &CommuneFigures) -> String {
    match c.growth() {
        Some(g) if g < 0 => vi_with(m::GROWTH_DOWN, &[("amount", &vieclam_core::format::money(-g))]),
        Some(g) => vi_with(m::GROWTH_UP, &[("amount", &vieclam_core::format::money(g))]),
        None => vi(m::NOT_COMPARED),
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
