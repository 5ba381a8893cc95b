//! What the demo team writes at a commune's review meeting, as Vietnamese inspectors word it: the team leader rates
//! and writes every heading of the report (the book's figures and the site checks' results are those of the
//! commune as their phone holds it); the secretary records who attended, the opinions heard and their own notes on
//! a few headings. The two records of a commune are merged by the core wherever they are read.
//!
//! Names, village names and counts come from a generator seeded by the commune, so a reseeding writes the same.

use chrono::NaiveDate;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use vieclam_core::format::{date, money};
use vieclam_core::loans::overdue_band::ratio_text;
use vieclam_core::review::{Attendee, CommuneReview, Opinion, Rating, Recommendation};

use super::visits::{Finding, Visit};

/// What the team knows of a commune when it meets: its name, its loan book on the day and a year before, and the
/// visits it made there.
#[derive(Clone, Debug)]
pub struct CommuneFacts<'a> {
    /// Commune code.
    pub code: String,
    /// Commune name as written in running text: `xã Thất Khê`, `phường Đông Kinh`.
    pub name: String,
    /// Loans with money still out.
    pub loans: usize,
    /// Outstanding on the meeting's day.
    pub outstanding: i64,
    /// The last day of the year before, which a report's growth is counted from (as the office's figures are).
    pub since: NaiveDate,
    /// Outstanding on that day.
    pub outstanding_since: i64,
    /// Overdue principal on the meeting's day.
    pub overdue: i64,
    /// The visits made in the commune.
    pub visits: &'a [&'a Visit],
}

/// Who writes: the plan, the author's account id and name.
#[derive(Clone, Debug)]
pub struct Author<'a> {
    /// The plan's id.
    pub plan_id: &'a str,
    /// The author's account id.
    pub account_id: &'a str,
    /// The author's name.
    pub name: &'a str,
}

const FAMILY: &[&str] = &["Hoàng", "Nông", "Lương", "Vi", "Lăng", "Triệu", "Hà", "Chu", "Lộc", "Mông", "Dương", "Đinh"];
const MEN: &[&str] = &["Văn Thắng", "Văn Hùng", "Văn Quyết", "Đức Tuấn", "Văn Cường", "Văn Sơn", "Văn Hải", "Minh Đức"];
const WOMEN: &[&str] = &["Thị Hoa", "Thị Lan", "Thị Phương", "Thị Hạnh", "Thị Thảo", "Thị Mai", "Thị Huyền", "Thị Nga"];
const VILLAGES: &[&str] =
    &["Bản Chuối", "Nà Pàn", "Khòn Phạ", "Nà Lầm", "Pác Khuông", "Bản Van", "Còn Sláy", "Nà Thí", "Khuổi Cáp"];

fn pick<'a>(rng: &mut impl Rng, from: &[&'a str]) -> &'a str {
    from[rng.random_range(0..from.len())]
}

fn person(rng: &mut impl Rng, woman: bool) -> String {
    format!("{} {}", pick(rng, FAMILY), pick(rng, if woman { WOMEN } else { MEN }))
}

/// People of a commune, a woman or a man each as asked, no two with the same given name (a meeting's list reads as
/// real people).
fn people(rng: &mut impl Rng, women: &[bool]) -> Vec<String> {
    let (mut men, mut wives) = (MEN.to_vec(), WOMEN.to_vec());
    men.shuffle(rng);
    wives.shuffle(rng);
    let (mut m, mut w) = (men.into_iter().cycle(), wives.into_iter().cycle());
    women
        .iter()
        .map(|&woman| {
            let given = if woman { w.next() } else { m.next() };
            format!("{} {}", pick(rng, FAMILY), given.unwrap_or_default())
        })
        .collect()
}

/// The generator of a commune's names and counts: the same for both authors, so they name the same people.
fn rng_of(code: &str) -> StdRng {
    StdRng::seed_from_u64(code.bytes().fold(17u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b))))
}

/// The people of the commune at the meeting, with their functions.
fn commune_people(f: &CommuneFacts) -> Vec<Attendee> {
    let mut rng = rng_of(&f.code);
    let village = pick(&mut rng, VILLAGES);
    let roles = [
        (false, format!("Chủ tịch UBND {}", f.name)),
        (true, "Công chức Văn hóa - Xã hội xã".to_owned()),
        (false, "Chủ tịch Hội Nông dân xã".to_owned()),
        (true, "Chủ tịch Hội Liên hiệp Phụ nữ xã".to_owned()),
        (false, "Chủ tịch Hội Cựu chiến binh xã".to_owned()),
        (false, "Bí thư Đoàn Thanh niên xã".to_owned()),
        (true, "Cán bộ tín dụng, Phòng giao dịch NHCSXH khu vực".to_owned()),
        (false, format!("Trưởng thôn {village}")),
        (true, format!("Tổ trưởng tổ TK&VV thôn {village}")),
    ];
    let names = people(&mut rng, &roles.iter().map(|(woman, _)| *woman).collect::<Vec<_>>());
    names.into_iter().zip(roles).map(|(name, (_, role))| Attendee { name, role }).collect()
}

fn count(visits: &[&Visit], finding: Finding) -> usize {
    visits.iter().filter(|v| v.finding == finding).count()
}

/// A funded model's kind as a report names it.
fn kind_words(kind: &str) -> &'static str {
    match kind {
        "afforestation" => "trồng rừng",
        "livestock" => "chăn nuôi",
        "crops" => "trồng trọt",
        "services" => "dịch vụ",
        _ => "kinh doanh nhỏ",
    }
}

/// The site checks' results in words, and how good they were.
fn site_checks(f: &CommuneFacts) -> (Rating, String) {
    let n = f.visits.len();
    let kept = n - count(f.visits, Finding::PurposeNotKept);
    let jobs: f64 = f
        .visits
        .iter()
        .filter_map(|v| v.answers.iter().find(|(k, _)| *k == "jobs_created"))
        .filter_map(|(_, a)| match a {
            vieclam_core::checks::checklist::AnswerValue::Number(x) => Some(*x),
            _ => None,
        })
        .sum();
    let mut kinds: Vec<&str> = f.visits.iter().map(|v| kind_words(&v.site.kind)).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let mut text = format!(
        "Đoàn kiểm tra trực tiếp {n} mô hình tại xã: {kept}/{n} hộ sử dụng vốn đúng mục đích; các mô hình {} cơ bản \
         duy trì và phát triển, tạo việc làm mới cho {jobs} lao động.",
        kinds.join(", ")
    );
    let mut findings = Vec::new();
    if count(f.visits, Finding::PurposeNotKept) > 0 {
        findings.push("01 hộ sử dụng một phần vốn vay sai mục đích (mua xe máy)");
    }
    if count(f.visits, Finding::Fees) > 0 {
        findings.push("01 trường hợp tổ trưởng tổ TK&VV thu phí ngoài quy định");
    }
    if count(f.visits, Finding::BookHeld) > 0 {
        findings.push("01 trường hợp sổ vay vốn do tổ trưởng giữ hộ");
    }
    if count(f.visits, Finding::Away) > 0 {
        findings.push("01 lần kiểm tra chưa xem được mô hình do hộ vắng nhà, phải hẹn kiểm tra lại");
    }
    if findings.is_empty() {
        text.push_str(" Không phát hiện dấu hiệu vi phạm.");
        (Rating::Good, text)
    } else {
        text.push_str(&format!(" Tồn tại: {}.", findings.join("; ")));
        (Rating::Fair, text)
    }
}

/// The loan book in words: outstanding, its growth since the end of last year, the overdue ratio.
fn book(f: &CommuneFacts, on: NaiveDate) -> (Rating, String) {
    let growth = f.outstanding - f.outstanding_since;
    let growth_text = if f.outstanding_since > 0 {
        format!(
            "{} {} ({}) so với ngày {}",
            if growth >= 0 { "tăng" } else { "giảm" },
            money(growth.abs()),
            ratio_text(growth.abs(), f.outstanding_since),
            date(f.since)
        )
    } else {
        "chương trình mới giải ngân trong năm".to_owned()
    };
    let ratio = if f.outstanding > 0 { f.overdue as f64 / f.outstanding as f64 } else { 0.0 };
    let rating = match ratio {
        r if r < 0.02 => Rating::Good,
        r if r < 0.04 => Rating::Fair,
        _ => Rating::Weak,
    };
    let text = format!(
        "Đến ngày {}, dư nợ cho vay giải quyết việc làm tại xã đạt {} với {} khách hàng còn dư nợ, {growth_text}. Nợ \
         quá hạn {}, chiếm {} tổng dư nợ{}.",
        date(on),
        money(f.outstanding),
        f.loans,
        money(f.overdue),
        ratio_text(f.overdue, f.outstanding),
        if rating == Rating::Good {
            ", trong giới hạn cho phép"
        } else {
            "; cần tập trung đôn đốc thu hồi"
        }
    );
    (rating, text)
}

fn recommendations(f: &CommuneFacts) -> Vec<Recommendation> {
    let mut wrongs = Vec::new();
    if count(f.visits, Finding::PurposeNotKept) > 0 {
        wrongs.push("thu hồi phần vốn sử dụng sai mục đích");
    }
    if count(f.visits, Finding::Fees) > 0 {
        wrongs.push("yêu cầu tổ trưởng tổ TK&VV hoàn trả khoản phí thu ngoài quy định");
    }
    if count(f.visits, Finding::BookHeld) > 0 {
        wrongs.push("yêu cầu tổ trưởng tổ TK&VV trả sổ vay vốn cho hộ vay");
    }
    let mut out = vec![Recommendation {
        to: format!("UBND {}", f.name),
        what: "Chỉ đạo trưởng thôn, tổ TK&VV bình xét công khai, đúng đối tượng; tiếp tục tuyên truyền chính sách \
               trên loa truyền thanh và tại các cuộc họp thôn."
            .to_owned(),
    }];
    out.push(Recommendation {
        to: "Phòng giao dịch NHCSXH khu vực".to_owned(),
        what: if wrongs.is_empty() {
            "Đơn giản hóa hồ sơ, giải ngân kịp thời; xem xét nâng mức cho vay với hộ có mô hình hiệu quả.".to_owned()
        } else {
            format!("Đề nghị {}; đơn giản hóa hồ sơ, giải ngân kịp thời.", wrongs.join("; "))
        },
    });
    out.push(Recommendation {
        to: "Hội Nông dân, Hội Liên hiệp Phụ nữ, Hội Cựu chiến binh, Đoàn Thanh niên xã".to_owned(),
        what: "Tăng cường kiểm tra, giám sát sau cho vay; hướng dẫn hộ vay sử dụng vốn đúng mục đích, phối hợp tập \
               huấn kỹ thuật sản xuất."
            .to_owned(),
    });
    out.push(Recommendation {
        to: "Trung tâm Dịch vụ việc làm tỉnh".to_owned(),
        what: "Tổ chức tư vấn, giới thiệu việc làm và hỗ trợ vay vốn khởi nghiệp cho người lao động hết hạn hợp đồng \
               về nước."
            .to_owned(),
    });
    out
}

/// Workers who went abroad and came back, and how many came to counselling, for the overseas heading.
fn overseas_counts(f: &CommuneFacts) -> (u32, u32, u32) {
    let mut rng = rng_of(&format!("{}/overseas", f.code));
    (rng.random_range(6..18), rng.random_range(3..10), rng.random_range(40..120))
}

/// The team leader's review of the commune: every heading rated and written, with the team's recommendations.
pub fn leader_review(author: &Author, f: &CommuneFacts, held_on: NaiveDate) -> CommuneReview {
    let mut r = CommuneReview::new(author.plan_id, &f.code, author.account_id, held_on);
    let mut rng = rng_of(&f.code);
    let meetings = rng.random_range(8..20);
    r.set_note(
        "leadership",
        Rating::Good,
        &format!(
            "Đảng ủy, UBND {} quan tâm chỉ đạo công tác cho vay giải quyết việc làm. Trong năm xã lồng ghép \
             tuyên truyền chính sách tại {meetings} cuộc họp thôn; Đài truyền thanh xã phát trên loa truyền thanh \
             2 lượt mỗi tháng; Điểm giao dịch xã niêm yết công khai danh sách hộ vay, lãi suất, thủ tục vay và số \
             điện thoại đường dây nóng.",
            f.name
        ),
    );
    let misuse = count(f.visits, Finding::PurposeNotKept) + count(f.visits, Finding::Fees);
    r.set_note(
        "targeting",
        if misuse == 0 { Rating::Good } else { Rating::Fair },
        &format!(
            "Hồ sơ vay được tổ TK&VV bình xét công khai, có xác nhận của UBND xã; {} khách hàng còn dư nợ đều thuộc \
             đối tượng được vay (hộ gia đình, người lao động có nhu cầu tạo việc làm, người lao động về nước). {}",
            f.loans,
            if misuse == 0 {
                "Không phát hiện trường hợp cho vay sai đối tượng hoặc sử dụng vốn sai mục đích.".to_owned()
            } else {
                format!("Phát hiện {misuse} trường hợp sai phạm (xem phần kết quả kiểm tra tại mô hình).")
            }
        ),
    );
    let (rating, text) = book(f, held_on);
    r.set_note("book", rating, &text);
    let (rating, text) = site_checks(f);
    r.set_note("site_checks", rating, &text);
    r.set_note(
        "opinions",
        Rating::Good,
        "Người vay đánh giá vốn vay thiết thực, giúp tạo việc làm tại chỗ. Nhiều hộ đề nghị nâng mức cho vay lên 100 \
         triệu đồng/hộ, kéo dài thời hạn vay cho mô hình trồng rừng, đơn giản thủ tục hồ sơ; mong được tập huấn kỹ \
         thuật chăn nuôi, phòng chống dịch bệnh.",
    );
    let (sent, returned, counselled) = overseas_counts(f);
    r.set_note(
        "overseas",
        Rating::Fair,
        &format!(
            "Xã phối hợp với Trung tâm Dịch vụ việc làm tỉnh và các doanh nghiệp được cấp phép tổ chức 2 buổi tư vấn \
             cho {counselled} lượt người; trong năm {sent} lao động xuất cảnh đi Nhật Bản, Hàn Quốc, Đài Loan \
             (Trung Quốc), {returned} lao động hết hạn hợp đồng về nước được tư vấn, giới thiệu việc làm. Còn ít \
             lao động vay vốn đi làm việc ở nước ngoài do ngại thủ tục."
        ),
    );
    r.set_note(
        "recommendations",
        Rating::Good,
        "Đoàn kiến nghị UBND xã, Phòng giao dịch NHCSXH khu vực, các tổ chức hội nhận ủy thác và Trung tâm Dịch vụ \
         việc làm tỉnh như ở phần kiến nghị dưới đây.",
    );
    r.recommendations = recommendations(f);
    r
}

/// The secretary's record of the meeting: who attended, the opinions heard, and their own notes on the headings
/// they followed.
pub fn secretary_review(author: &Author, leader: &str, f: &CommuneFacts, held_on: NaiveDate) -> CommuneReview {
    let mut r = CommuneReview::new(author.plan_id, &f.code, author.account_id, held_on);
    let people = commune_people(f);
    r.attendees = vec![
        Attendee { name: leader.to_owned(), role: "Trưởng đoàn kiểm tra".to_owned() },
        Attendee { name: author.name.to_owned(), role: "Thư ký đoàn kiểm tra".to_owned() },
    ];
    r.attendees.extend(people.iter().cloned());
    let who = |i: usize| format!("{} ({})", people[i].name, people[i].role);
    let returnee = person(&mut rng_of(&format!("{}/returnee", f.code)), false);
    r.opinions = vec![
        Opinion {
            who: who(2),
            what: "Đề nghị nâng mức cho vay tối đa để hộ mở rộng chăn nuôi; nhiều hộ cần vay trên 100 triệu đồng."
                .to_owned(),
        },
        Opinion {
            who: who(8),
            what: "Thủ tục còn nhiều giấy tờ, người cao tuổi khó kê khai; đề nghị đơn giản hồ sơ, giải ngân nhanh hơn."
                .to_owned(),
        },
        Opinion {
            who: format!("{returnee} (người lao động về nước từ Nhật Bản)"),
            what: "Mong được giới thiệu việc làm tại doanh nghiệp trong tỉnh và vay vốn mở xưởng cơ khí nhỏ."
                .to_owned(),
        },
        Opinion {
            who: who(0),
            what: "Xã sẽ chỉ đạo rà soát, khắc phục ngay các tồn tại đoàn nêu, báo cáo kết quả trong 30 ngày."
                .to_owned(),
        },
    ];
    r.set_note(
        "leadership",
        Rating::Good,
        "Điểm giao dịch xã có bảng niêm yết danh sách hộ vay, lãi suất và lịch giao dịch; trưởng thôn xác nhận chính \
         sách được thông báo tại họp thôn và trên loa truyền thanh.",
    );
    r.set_note(
        "opinions",
        Rating::Good,
        "Ý kiến tại buổi làm việc tập trung vào mức vay, thời hạn vay và thủ tục; không có ý kiến phản ánh tiêu cực \
         về cán bộ tín dụng.",
    );
    r.set_note(
        "overseas",
        Rating::Fair,
        "Người lao động về nước được mời dự buổi tư vấn của Trung tâm Dịch vụ việc làm tỉnh cùng doanh nghiệp được \
         cấp phép; một số người đề nghị được vay vốn tạo việc làm tại chỗ.",
    );
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::visits::Candidate;
    use chrono::{TimeZone, Utc};
    use vieclam_core::checks::checklist::AnswerValue;
    use vieclam_core::loans::status::LoanState;
    use vieclam_core::review::validate::problems;
    use vieclam_core::review::{HEADINGS, merge};

    fn visit(kind: &str, finding: Finding) -> Visit {
        Visit {
            site: Candidate {
                site_id: "s1".into(),
                commune_code: "06040".into(),
                kind: kind.into(),
                description: "Nuôi lợn".into(),
                jobs_planned: 2,
                state: LoanState::Current,
                borrower: "Hoàng Văn Thử".into(),
            },
            finding,
            start: Utc.with_ymd_and_hms(2026, 11, 30, 1, 0, 0).unwrap(),
            answers: vec![("jobs_created", AnswerValue::Number(2.0))],
            shot: 1,
        }
    }

    #[test]
    fn the_leader_rates_every_heading_and_the_secretary_records_the_meeting_both_valid() {
        let visits = [visit("livestock", Finding::None), visit("crops", Finding::Fees)];
        let here: Vec<&Visit> = visits.iter().collect();
        let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let f = CommuneFacts {
            code: "06040".into(),
            name: "xã Thất Khê".into(),
            loans: 63,
            since: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
            outstanding: 4_000_000_000,
            outstanding_since: 3_900_000_000,
            overdue: 30_000_000,
            visits: &here,
        };
        let leader = leader_review(&Author { plan_id: "p", account_id: "a1", name: "Nguyễn Văn An" }, &f, day);
        let secretary = secretary_review(
            &Author { plan_id: "p", account_id: "a3", name: "Lăng Thị Mai" },
            "Nguyễn Văn An",
            &f,
            day,
        );
        assert_eq!(problems(&leader), vec![]);
        assert_eq!(problems(&secretary), vec![]);
        assert_eq!(leader.headings.len(), HEADINGS.len(), "every heading written");
        assert!(leader.headings.iter().all(|h| h.rating != Rating::NotAssessed && !h.text.is_empty()));
        let book = leader.note("book").expect("the book");
        assert!(
            book.text.contains("tăng 100.000.000") && book.text.contains("so với ngày 31/12/2025"),
            "{}",
            book.text
        );
        assert_eq!(book.rating, Rating::Good, "0,75% overdue");
        let checks = leader.note("site_checks").expect("the checks");
        assert!(checks.text.contains("2 mô hình") && checks.text.contains("thu phí ngoài quy định"), "{}", checks.text);
        assert!(checks.text.contains("chăn nuôi, trồng trọt"), "{}", checks.text);
        let bank = leader.recommendations.iter().find(|r| r.to.contains("NHCSXH")).expect("to the bank");
        assert!(bank.what.contains("hoàn trả khoản phí") && !bank.what.contains("sổ vay vốn"), "{}", bank.what);
        // Eleven people at the meeting, no two with the same name.
        let mut names: Vec<&str> = secretary.attendees.iter().map(|a| a.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 11);
        assert!(secretary.attendees.iter().any(|a| a.role == "Chủ tịch UBND xã Thất Khê"));
        let merged = merge(&[leader, secretary]);
        assert_eq!(merged.contributors.len(), 2);
        assert_eq!(merged.heading("leadership").map(|h| h.contributions.len()), Some(2));
    }
}
