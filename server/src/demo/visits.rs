//! Which sites the demo inspectors visit, when, and what they find there: a plan of visits made from the sites
//! their phone downloaded, a fixed seed and today's date, so every seeding of the same book gives the same field
//! work. Nothing here writes: [`super::field`] carries each visit out through the core as a phone would.
//!
//! Most visits find the loan used for its purpose; the round's findings (a sign of misuse answered yes, a purpose
//! not kept, a check made away from the site) fall on visits chosen by position, so the demo always holds them.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use vieclam_core::checks::checklist::{self, AnswerValue};
use vieclam_core::loans::status::LoanState;

/// A site the inspector's phone holds, with what the check screen shows about its loan.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The site.
    pub site_id: String,
    /// Its commune.
    pub commune_code: String,
    /// The funded model's kind (`livestock`, …), the checklist's `model_type` choice.
    pub kind: String,
    /// The model in the borrower's words.
    pub description: String,
    /// Jobs the loan's project promised.
    pub jobs_planned: i64,
    /// Where the loan stands today.
    pub state: LoanState,
    /// The borrower's name.
    pub borrower: String,
}

/// What a visit finds that the office must see.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Finding {
    /// Nothing: the loan is used for its purpose.
    None,
    /// The savings group's leader charged a fee outside the rules (a sign of misuse answered yes).
    Fees,
    /// The group's leader keeps the borrower's loan book (a sign of misuse answered yes).
    BookHeld,
    /// Part of the loan went to something else: purpose not kept.
    PurposeNotKept,
    /// The inspector filled the checklist at the village's cultural house, away from the site: the check's
    /// verdict is `away`, which the office flags.
    Away,
}

/// One visit: the site, when it starts, what the inspector answers, and where they stand.
#[derive(Clone, Debug, PartialEq)]
pub struct Visit {
    /// The site visited.
    pub site: Candidate,
    /// What it finds.
    pub finding: Finding,
    /// When the check starts.
    pub start: DateTime<Utc>,
    /// The checklist's answers, in the order the form asks them.
    pub answers: Vec<(&'static str, AnswerValue)>,
    /// Which shot of the camera the visit's photo is (distinct across the demo, so no photo is a reuse).
    pub shot: u32,
}

/// A round of field work: how many visits in each commune, in order, and which visit finds what.
#[derive(Clone, Debug)]
pub struct Round<'a> {
    /// Communes in the order they are visited, with the number of visits in each.
    pub communes: &'a [(String, usize)],
    /// Visit number (counting from 0 across the round) and what it finds; the others find nothing.
    pub findings: &'a [(usize, Finding)],
    /// The day of the first visits (three visits a day).
    pub first_day: NaiveDate,
    /// The round's seed.
    pub seed: u64,
    /// The camera's first shot number.
    pub first_shot: u32,
}

/// Start times of a day's three visits, in UTC (08:00, 09:30 and 14:00 in Lạng Sơn).
const SLOTS: [(u32, u32); 3] = [(1, 0), (2, 30), (7, 0)];

/// Whether a loan is one a check looks at: money still out (not settled, not written off).
fn active(state: LoanState) -> bool {
    !matches!(state, LoanState::Settled | LoanState::WrittenOff)
}

/// The visits of `round` over `candidates` (any order: they are sorted by site first). A commune with fewer active
/// sites than asked gets as many visits as it has.
pub fn plan(candidates: &[Candidate], round: &Round) -> Vec<Visit> {
    let mut rng = StdRng::seed_from_u64(round.seed);
    let mut visits = Vec::new();
    for (commune, wanted) in round.communes {
        let mut here: Vec<&Candidate> =
            candidates.iter().filter(|c| &c.commune_code == commune && active(c.state)).collect();
        here.sort_by(|a, b| a.site_id.cmp(&b.site_id));
        here.shuffle(&mut rng);
        for site in here.into_iter().take(*wanted) {
            let n = visits.len();
            let finding = round.findings.iter().find(|(i, _)| *i == n).map_or(Finding::None, |(_, f)| *f);
            let day = round.first_day + Duration::days((n / SLOTS.len()) as i64);
            let (h, m) = SLOTS[n % SLOTS.len()];
            let start = day.and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()).and_utc()
                + Duration::minutes(rng.random_range(0..20));
            visits.push(Visit {
                answers: answers(site, finding, &mut rng),
                site: site.clone(),
                finding,
                start,
                shot: round.first_shot + n as u32,
            });
        }
    }
    visits
}

fn pick<'a>(rng: &mut impl Rng, from: &[&'a str]) -> &'a str {
    from[rng.random_range(0..from.len())]
}

/// What the borrower says, by the kind of model.
fn opinion(kind: &str, rng: &mut impl Rng) -> &'static str {
    match kind {
        "afforestation" => pick(
            rng,
            &[
                "Vốn vay giúp gia đình trồng thêm 2 ha keo, sau 5 năm có thu nhập ổn định.",
                "Rừng hồi đã cho quả năm thứ hai, gia đình trả lãi đều hằng tháng.",
            ],
        ),
        "livestock" => pick(
            rng,
            &[
                "Đàn lợn phát triển tốt, mỗi lứa xuất chuồng được khoảng 30 triệu đồng.",
                "Gia đình nuôi 3 con trâu sinh sản, đã có thêm 1 nghé; vốn vay rất thiết thực.",
                "Nuôi gà đồi thả vườn bán dịp Tết, có lãi, trả nợ đúng kỳ.",
            ],
        ),
        "crops" => pick(
            rng,
            &[
                "Vốn vay dùng mua cây giống na và phân bón; vườn na năm nay được mùa.",
                "Trồng thạch đen và rau theo mùa, đầu ra ổn định nhờ thương lái đến tận nhà.",
            ],
        ),
        "services" => pick(
            rng,
            &[
                "Mở tiệm sửa chữa xe máy ở đầu bản, có việc làm cho cả con trai mới đi lao động về.",
                "Máy xay xát phục vụ cả thôn, thu nhập đều hằng tháng.",
            ],
        ),
        _ => pick(
            rng,
            &[
                "Cửa hàng tạp hóa bán đều, đủ trả lãi hằng tháng và gửi tiết kiệm qua tổ.",
                "Gia đình may mặc gia công, có thêm 2 lao động trong thôn cùng làm.",
            ],
        ),
    }
}

/// What borrowers ask for: more money, longer terms, easier papers, training.
const REQUESTS: &[&str] = &[
    "Đề nghị được vay thêm, nâng mức cho vay lên 100 triệu đồng để mở rộng sản xuất.",
    "Đề nghị kéo dài thời hạn vay cho phù hợp với chu kỳ trồng rừng.",
    "Đề nghị đơn giản thủ tục hồ sơ vay, giải ngân nhanh hơn.",
    "Mong được tập huấn kỹ thuật chăn nuôi, phòng bệnh cho vật nuôi.",
    "Đề nghị được vay tiếp sau khi trả hết nợ để duy trì mô hình.",
];

/// The inspector's remark on a visit that found nothing.
fn remark(site: &Candidate, rng: &mut impl Rng) -> String {
    let how = pick(
        rng,
        &[
            "đang hoạt động tốt, tạo việc làm ổn định cho lao động gia đình",
            "duy trì được, có thu nhập đều",
            "phát triển, hộ có ý thức trả nợ",
        ],
    );
    format!(
        "Mô hình {} {how}. Hồ sơ vay vốn lưu giữ đầy đủ tại hộ.",
        site.description.trim_end_matches('.').to_lowercase()
    )
}

/// The checklist's answers to `site` for `finding`.
fn answers(site: &Candidate, finding: Finding, rng: &mut impl Rng) -> Vec<(&'static str, AnswerValue)> {
    let yes_no = AnswerValue::YesNo;
    let choice = |s: &str| AnswerValue::Choice(s.to_owned());
    let planned = site.jobs_planned.max(1);
    let (state, effectiveness, created, kept) = match finding {
        Finding::PurposeNotKept => ("poor", "not_effective", 0, 1),
        _ if rng.random_bool(0.75) => ("good", "effective", rng.random_range(1..=planned), rng.random_range(1..=3)),
        _ => ("average", "partly", rng.random_range(0..=planned), rng.random_range(1..=2)),
    };
    let repayment = match site.state {
        LoanState::Overdue => "overdue",
        _ if finding == Finding::PurposeNotKept || rng.random_bool(0.1) => "late",
        _ => "on_time",
    };
    let remark = match finding {
        Finding::None => remark(site, rng),
        Finding::Fees => "Tổ trưởng tổ TK&VV thu của hộ 200.000 đồng gọi là phí làm hồ sơ, ngoài quy định. Đề nghị \
                          Phòng giao dịch NHCSXH xử lý, hoàn trả cho người vay."
            .to_owned(),
        Finding::BookHeld => "Sổ vay vốn do tổ trưởng tổ TK&VV giữ hộ, người vay không nắm được số dư nợ. Đã yêu cầu \
                              trả sổ cho hộ ngay tại buổi kiểm tra."
            .to_owned(),
        Finding::PurposeNotKept => "Hộ dùng 30 triệu đồng trong số vốn vay để mua xe máy, chỉ đầu tư một phần vào mô \
                                    hình; mô hình hiệu quả thấp. Đề nghị thu hồi phần vốn sử dụng sai mục đích."
            .to_owned(),
        Finding::Away => "Hộ đi làm nương vắng nhà; đoàn làm việc với người vay tại nhà văn hóa thôn, chưa trực tiếp \
                          xem mô hình. Hẹn kiểm tra lại tại mô hình."
            .to_owned(),
    };
    let mut out = vec![
        (checklist::PURPOSE_KEPT, yes_no(finding != Finding::PurposeNotKept)),
        ("model_type", choice(&site.kind)),
        (checklist::MODEL_STATE, choice(state)),
        (checklist::JOBS_CREATED, AnswerValue::Number(created as f64)),
        (checklist::JOBS_KEPT, AnswerValue::Number(kept as f64)),
        ("effectiveness", choice(effectiveness)),
        ("repayment_state", choice(repayment)),
        ("misuse_fees", yes_no(finding == Finding::Fees)),
        ("misuse_principal_collected", yes_no(false)),
        ("misuse_vay_ke", yes_no(false)),
        ("misuse_misappropriation", yes_no(false)),
        ("misuse_book_held", yes_no(finding == Finding::BookHeld)),
        (checklist::BORROWER_OPINIONS, AnswerValue::Text(opinion(&site.kind, rng).to_owned())),
        ("inspector_remark", AnswerValue::Text(remark)),
    ];
    // Not every borrower asks for something.
    if rng.random_bool(0.7) {
        out.insert(13, (checklist::BORROWER_REQUESTS, AnswerValue::Text(pick(rng, REQUESTS).to_owned())));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(n: usize, commune: &str, state: LoanState) -> Candidate {
        Candidate {
            site_id: format!("s{n:03}"),
            commune_code: commune.into(),
            kind: ["livestock", "crops", "afforestation", "services", "small_business"][n % 5].into(),
            description: "Nuôi lợn thịt".into(),
            jobs_planned: 3,
            state,
            borrower: format!("Người vay {n}"),
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_visits_with_every_answer_valid() {
        let mut sites: Vec<Candidate> = (0..20).map(|n| site(n, "06613", LoanState::Current)).collect();
        sites.extend((20..30).map(|n| site(n, "05977", LoanState::Overdue)));
        sites.push(site(31, "05977", LoanState::Settled));
        let communes = [("06613".to_owned(), 4), ("05977".to_owned(), 20)];
        let findings = [(1, Finding::Fees), (5, Finding::Away)];
        let day = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        let round = Round { communes: &communes, findings: &findings, first_day: day, seed: 3, first_shot: 10 };
        let visits = plan(&sites, &round);
        assert_eq!(visits, plan(&sites, &round), "deterministic");
        // 4 in the first commune, then the second's 10 active sites (the settled loan is not checked).
        assert_eq!(visits.len(), 14);
        assert!(visits.iter().all(|v| v.site.state != LoanState::Settled));
        assert_eq!(visits.iter().filter(|v| v.finding != Finding::None).count(), 2);
        assert_eq!((visits[1].finding, visits[5].finding), (Finding::Fees, Finding::Away));
        assert_eq!(visits[3].start.date_naive(), day + Duration::days(1), "three visits a day");
        assert_eq!(visits[13].shot, 23);
        for v in &visits {
            for (key, value) in &v.answers {
                checklist::validate(key, value.clone()).unwrap_or_else(|e| panic!("{key}: {e:?}"));
            }
            let required = checklist::QUESTIONS.iter().filter(|q| q.required);
            assert!(required.clone().all(|q| v.answers.iter().any(|(k, _)| *k == q.key)), "every required answer");
        }
        let fees = &visits[1].answers;
        assert!(fees.contains(&("misuse_fees", AnswerValue::YesNo(true))));
        assert!(visits[6].answers.contains(&("repayment_state", AnswerValue::Choice("overdue".into()))));
    }
}
