//! Bank exports for `vieclam-server import loans`: a CSV in the columns of docs/import-loans.md with `n` loans in
//! one commune, each of a borrower of its own, the first `sites` of them with a funded model and a site inside the
//! commune. Made from a seed, so a run repeats; the ids the server will give each record are computed the way the
//! import does (SHA-256 of the bank's key), so a test can name a borrower or a site without asking the server.

use std::fmt::Write as _;
use std::path::Path;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::error::{Result, io, process};

/// The header row (English headers, accepted by the import as well as the Vietnamese ones).
const HEADER: &str = "Agreement no,Borrower name,Birth year,ID number,Address,Commune code,Programme code,\
Disbursement date,Maturity date,Principal,Annual rate,Purpose,VBSP office,Model kind,Latitude,Longitude";

const FAMILY: [&str; 8] = ["Hoàng", "Nông", "Lương", "Vi", "Triệu", "Lộc", "Mã", "Chu"];
const MIDDLE: [&str; 4] = ["Văn", "Thị", "Đức", "Minh"];
const GIVEN: [&str; 10] = ["An", "Bình", "Chắt", "Dũng", "Hoa", "Lan", "Minh", "Pả", "Sáng", "Thắm"];

/// One loan of the file, with the ids the import makes of it.
#[derive(Clone, Debug)]
pub struct ImportedLoan {
    /// Số khế ước.
    pub agreement_no: String,
    /// The borrower's name.
    pub full_name: String,
    /// The borrower's CCCD (12 digits).
    pub id_number: String,
    /// The borrower's record id.
    pub borrower_id: String,
    /// The loan's record id.
    pub loan_id: String,
    /// The site's record id and position (`lat`, `lon` as written in the file), when the loan has one.
    pub site: Option<(String, String, String)>,
    /// The amount lent, in đồng (at 7.92 % a year, disbursed 15/03/2024).
    pub principal: u64,
}

/// The id the import gives a record of `kind` from the bank's `key`.
pub use vieclam_core::ids::stable_id;

/// Writes a CSV of `n` loans in `commune` (the first `sites` with a site) to `path`; the loans, in file order.
/// `prefix` starts every agreement number, so two files of one test never share a loan.
pub fn write(path: &Path, commune: &str, n: usize, sites: usize, prefix: &str, seed: u64) -> Result<Vec<ImportedLoan>> {
    if vieclam_core::places::commune(commune).is_none() {
        return Err(process("loans CSV", format!("no commune {commune}")));
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut text = String::with_capacity(200 * (n + 1));
    text.push_str(HEADER);
    text.push('\n');
    let mut loans = Vec::with_capacity(n);
    for i in 0..n {
        let agreement_no = format!("{prefix}{i:07}");
        // A man born in 1985 in Lạng Sơn (province 020, century-and-sex digit 0, year 85): the import checks both.
        let id_number = format!("02008{}{:06}", 5, (seed as usize).wrapping_mul(7919).wrapping_add(i) % 1_000_000);
        let full_name = format!(
            "{} {} {}",
            FAMILY[rng.random_range(0..FAMILY.len())],
            MIDDLE[rng.random_range(0..MIDDLE.len())],
            GIVEN[rng.random_range(0..GIVEN.len())]
        );
        let site = if i < sites { Some(point_in(commune, &mut rng)?) } else { None };
        let (kind, lat, lon) = match &site {
            Some((lat, lon)) => ("chăn nuôi", lat.as_str(), lon.as_str()),
            None => ("", "", ""),
        };
        let principal = rng.random_range(10..=90) * 1_000_000u64;
        let _ = writeln!(
            text,
            "{agreement_no},{full_name},1985,{id_number},Thôn Bản Chắt,{commune},TVL-LD,15/03/2024,15/03/2027,\
             {principal},7.92,Nuôi lợn nái sinh sản,PGD NHCSXH thành phố Lạng Sơn,{kind},{lat},{lon}"
        );
        loans.push(ImportedLoan {
            borrower_id: stable_id("borrower", &id_number),
            loan_id: stable_id("loan", &agreement_no),
            site: site.map(|(lat, lon)| (stable_id("site", &agreement_no), lat, lon)),
            agreement_no,
            full_name,
            id_number,
            principal,
        });
    }
    std::fs::write(path, text).map_err(io("writing the loans CSV"))?;
    Ok(loans)
}

/// A point inside `commune`, written with six decimals, that is still inside once rounded so.
fn point_in(commune: &str, rng: &mut ChaCha8Rng) -> Result<(String, String)> {
    for _ in 0..100 {
        let Some((lat, lon)) = vieclam_core::places::random_point_in(commune, rng) else { break };
        let (lat, lon) = (format!("{lat:.6}"), format!("{lon:.6}"));
        let inside = match (lat.parse::<f64>(), lon.parse::<f64>()) {
            (Ok(a), Ok(o)) => vieclam_core::places::commune_at(a, o).is_some_and(|c| c.code == commune),
            _ => false,
        };
        if inside {
            return Ok((lat, lon));
        }
    }
    Err(process("loans CSV", format!("no point found inside commune {commune}")))
}
