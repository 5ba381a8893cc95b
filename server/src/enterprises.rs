//! The register of licensed enterprises sending workers abroad (`SendingEnterprise`: name, licence number, status,
//! markets), as the office keeps it from the dashboard. Each is a public record every device pulls: a worker's
//! phone lists work abroad only through an enterprise whose licence is active (`publish` refuses a programme for
//! any other, and for a country outside its markets).
//!
//! Every refusal is a 422 whose sentence is Vietnamese then English, and changes nothing.

use vieclam_core::fold::fold;
use vieclam_core::messages::{Text, office as m};
use vieclam_core::records::SendingEnterprise;

use crate::db::{Db, Tx};
use crate::error::{ApiError, ApiResult};
use crate::plans::{refuse, take_turn};
use crate::store::records::{self, RecordRow};
use crate::work;

/// The statuses a licence can have, with their words.
pub const STATUSES: [(&str, Text); 3] =
    [("active", m::STATUS_ACTIVE), ("suspended", m::STATUS_SUSPENDED), ("revoked", m::STATUS_REVOKED)];
/// Longest company name.
pub const NAME_MAX_CHARS: usize = 200;
/// Longest licence number.
pub const LICENCE_MAX_CHARS: usize = 40;
/// Longest market (a country's name).
pub const MARKET_MAX_CHARS: usize = 60;
/// Most markets one enterprise lists.
pub const MARKETS_MAX: usize = 30;

/// An enterprise as the office describes it, before it is checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EnterpriseDraft {
    /// Company name.
    pub name: String,
    /// Licence number.
    pub licence_no: String,
    /// `active`, `suspended` or `revoked`.
    pub status: String,
    /// Countries it sends to.
    pub markets: Vec<String>,
}

/// The words for a status: `("Đang hoạt động", "Active")`, or the key itself when unknown.
pub fn status_words(key: &str) -> (&str, &str) {
    STATUSES.iter().find(|(k, _)| *k == key).map_or((key, key), |(_, t)| (t.vi, t.en))
}

/// A licence number as compared for uniqueness: upper case, no spaces (`123/lđtbxh-gp` and `123/LĐTBXH-GP` are one).
pub fn licence_key(licence: &str) -> String {
    licence.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_uppercase).collect()
}

/// Why `licence` cannot be a licence number, if it cannot.
///
/// What a licence number looks like is not established: docs/domain.md says only that the register holds one.
/// Licences issued by the ministry are written like `123/LĐTBXH-GP` (the demo's form), but the ministry that issues
/// them changed in 2025 and older licences differ, so the rule is kept to what any of them satisfies: 1 to 40
/// characters, letters (Vietnamese included), digits, spaces and `/ - . _`, at least one digit.
fn licence_problem(licence: &str) -> Option<ApiError> {
    let ok_chars = licence.chars().all(|c| c.is_alphanumeric() || " /-._".contains(c));
    if licence.is_empty()
        || licence.chars().count() > LICENCE_MAX_CHARS
        || !ok_chars
        || !licence.chars().any(|c| c.is_ascii_digit())
    {
        return Some(refuse(
            "enterprise.licence_invalid",
            m::ENTERPRISE_LICENCE_INVALID,
            &[("licence", licence), ("max", &LICENCE_MAX_CHARS.to_string())],
        ));
    }
    None
}

/// `text` split at commas, semicolons and line breaks, trimmed, blanks and repeats (ignoring case and diacritics)
/// dropped: the markets field of the form.
pub fn split_markets(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in text.split([',', ';', '\n']) {
        let m = m.trim();
        if !m.is_empty() && !out.iter().any(|o| fold(o) == fold(m)) {
            out.push(m.to_owned());
        }
    }
    out
}

fn too_many_markets() -> ApiError {
    refuse(
        "enterprise.market_invalid",
        m::ENTERPRISE_MARKET_INVALID,
        &[("max", &MARKETS_MAX.to_string()), ("max_chars", &MARKET_MAX_CHARS.to_string())],
    )
}

impl EnterpriseDraft {
    /// The draft trimmed, or why it cannot be an enterprise (what needs no database).
    pub fn checked(&self) -> ApiResult<EnterpriseDraft> {
        let name = self.name.trim().to_owned();
        if name.is_empty() || name.chars().count() > NAME_MAX_CHARS || name.chars().any(char::is_control) {
            return Err(refuse(
                "enterprise.name_invalid",
                m::ENTERPRISE_NAME_INVALID,
                &[("max", &NAME_MAX_CHARS.to_string())],
            ));
        }
        let licence_no = self.licence_no.trim().to_owned();
        if let Some(e) = licence_problem(&licence_no) {
            return Err(e);
        }
        let status = self.status.trim().to_owned();
        if !STATUSES.iter().any(|(k, _)| *k == status) {
            return Err(refuse("enterprise.status_invalid", m::ENTERPRISE_STATUS_INVALID, &[("status", &status)]));
        }
        // Bounded before the repeats are sought (each against each): a hostile form may send thousands.
        let raw = self.markets.join(",");
        if raw.split([',', ';', '\n']).filter(|m| !m.trim().is_empty()).count() > MARKETS_MAX {
            return Err(too_many_markets());
        }
        let markets = split_markets(&raw);
        if markets.is_empty() {
            return Err(refuse("enterprise.no_markets", m::ENTERPRISE_NO_MARKETS, &[]));
        }
        if markets.iter().any(|m| m.chars().count() > MARKET_MAX_CHARS || m.chars().any(char::is_control)) {
            return Err(too_many_markets());
        }
        Ok(EnterpriseDraft { name, licence_no, status, markets })
    }
}

/// Every enterprise, by name.
pub async fn all(tx: &mut Tx) -> ApiResult<Vec<SendingEnterprise>> {
    let rows = tx.query("SELECT body FROM records WHERE kind = 'enterprise' AND deleted = 0", vec![]).await?;
    let mut list: Vec<SendingEnterprise> =
        rows.iter().filter_map(|r| serde_json::from_str::<SendingEnterprise>(&r.text(0)).ok()).collect();
    list.sort_by(|a, b| fold(&a.name).cmp(&fold(&b.name)).then(a.id.cmp(&b.id)));
    Ok(list)
}

/// Every enterprise, read in a transaction of its own.
pub async fn list(db: &Db) -> ApiResult<Vec<SendingEnterprise>> {
    db.read(work!(|tx| async move { all(tx).await })).await
}

/// The enterprise with this id.
pub async fn load(tx: &mut Tx, id: &str) -> ApiResult<Option<SendingEnterprise>> {
    Ok(records::get(tx, "enterprise", id)
        .await?
        .filter(|s| !s.row.deleted)
        .and_then(|s| serde_json::from_str::<SendingEnterprise>(&s.row.body).ok()))
}

fn not_found() -> ApiError {
    ApiError::new(axum::http::StatusCode::NOT_FOUND, "not_found", m::NO_SUCH_ENTERPRISE)
}

async fn save(tx: &mut Tx, e: &SendingEnterprise) -> ApiResult<()> {
    let key = licence_key(&e.licence_no);
    if let Some(other) = all(tx).await?.iter().find(|o| o.id != e.id && licence_key(&o.licence_no) == key) {
        return Err(refuse(
            "enterprise.licence_taken",
            m::ENTERPRISE_LICENCE_TAKEN,
            &[("licence", &e.licence_no), ("name", &other.name)],
        ));
    }
    // Public, like every catalogue record: each device lists the licensed senders.
    let row = RecordRow {
        kind: "enterprise".into(),
        id: e.id.clone(),
        public: true,
        body: serde_json::to_string(e).map_err(|x| ApiError::malformed(&x.to_string()))?,
        ..RecordRow::default()
    };
    records::upsert(tx, &[row]).await?;
    Ok(())
}

/// Adds an enterprise to the register; answers it as stored.
pub async fn create(db: &Db, draft: &EnterpriseDraft) -> ApiResult<SendingEnterprise> {
    let d = draft.checked()?;
    db.write(work!(|tx| async move {
        take_turn(tx).await?;
        let e = SendingEnterprise {
            id: vieclam_core::ids::new_id(),
            name: d.name,
            licence_no: d.licence_no,
            markets: d.markets,
            status: d.status,
        };
        save(tx, &e).await?;
        Ok(e)
    }))
    .await
}

/// Changes the enterprise `id` (name, licence number, status, markets); answers it as stored.
pub async fn edit(db: &Db, id: &str, draft: &EnterpriseDraft) -> ApiResult<SendingEnterprise> {
    let d = draft.checked()?;
    let id = id.to_owned();
    db.write(work!(|tx| async move {
        take_turn(tx).await?;
        let old = load(tx, &id).await?.ok_or_else(not_found)?;
        let e =
            SendingEnterprise { name: d.name, licence_no: d.licence_no, markets: d.markets, status: d.status, ..old };
        save(tx, &e).await?;
        Ok(e)
    }))
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> EnterpriseDraft {
        EnterpriseDraft {
            name: " Công ty CP Nhân lực Kỳ Lừa ".into(),
            licence_no: " 137/LĐTBXH-GP ".into(),
            status: "active".into(),
            markets: vec!["Nhật Bản, Đài Loan; nhat ban".into()],
        }
    }

    #[test]
    fn a_draft_is_trimmed_and_markets_kept_once() {
        let d = draft().checked().unwrap();
        assert_eq!(d.licence_no, "137/LĐTBXH-GP");
        assert_eq!(d.markets, ["Nhật Bản", "Đài Loan"]);
        assert_eq!(licence_key("137/lđtbxh-gp"), licence_key("137 / LĐTBXH-GP"));
    }

    #[test]
    fn each_refusal_names_its_reason() {
        let code = |d: EnterpriseDraft| d.checked().unwrap_err().code;
        assert_eq!(code(EnterpriseDraft { licence_no: "GP-ABC".into(), ..draft() }), "enterprise.licence_invalid");
        assert_eq!(code(EnterpriseDraft { licence_no: "12<script>".into(), ..draft() }), "enterprise.licence_invalid");
        assert_eq!(code(EnterpriseDraft { licence_no: "1".repeat(41), ..draft() }), "enterprise.licence_invalid");
        assert_eq!(code(EnterpriseDraft { status: "closed".into(), ..draft() }), "enterprise.status_invalid");
        assert_eq!(code(EnterpriseDraft { markets: vec![" , ;".into()], ..draft() }), "enterprise.no_markets");
        assert_eq!(code(EnterpriseDraft { name: String::new(), ..draft() }), "enterprise.name_invalid");
        let many = (0..=MARKETS_MAX).map(|i| format!("Nước {i}")).collect::<Vec<_>>().join(",");
        assert_eq!(code(EnterpriseDraft { markets: vec![many], ..draft() }), "enterprise.market_invalid");
    }
}
