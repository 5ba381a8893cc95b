//! Accounts, activation codes, devices, tokens and plan assignments: the rows behind sign-in and scope.

use vieclam_core::sync::wire::Role;

use crate::db::{DbResult, Tx};
use crate::params;

/// An account as the server needs it for decisions.
#[derive(Clone, Debug)]
pub struct Account {
    /// Id (UUIDv7).
    pub id: String,
    /// Role.
    pub role: Role,
    /// User name (none for borrowers).
    pub username: Option<String>,
    /// Greeting name.
    pub display_name: String,
    /// Argon2 PHC string.
    pub password_hash: Option<String>,
    /// For a borrower: their borrower record.
    pub borrower_id: Option<String>,
    /// Disabled accounts cannot sign in.
    pub disabled: bool,
}

const ACCOUNT: &str = "SELECT id, role, username, display_name, password_hash, borrower_id, disabled FROM accounts";

fn account(r: &crate::db::Row) -> Account {
    Account {
        id: r.text(0),
        role: Role::parse(&r.text(1)).unwrap_or(Role::Worker),
        username: r.opt_text(2),
        display_name: r.text(3),
        password_hash: r.opt_text(4),
        borrower_id: r.opt_text(5),
        disabled: r.int(6) != 0,
    }
}

/// The account with this user name.
pub async fn by_username(tx: &mut Tx, username: &str) -> DbResult<Option<Account>> {
    Ok(tx.one(&format!("{ACCOUNT} WHERE username = $1"), params![username]).await?.as_ref().map(account))
}

/// The account with this id.
pub async fn by_id(tx: &mut Tx, id: &str) -> DbResult<Option<Account>> {
    Ok(tx.one(&format!("{ACCOUNT} WHERE id = $1"), params![id]).await?.as_ref().map(account))
}

/// The borrower's account, if they activated before.
pub async fn by_borrower(tx: &mut Tx, borrower_id: &str) -> DbResult<Option<Account>> {
    Ok(tx.one(&format!("{ACCOUNT} WHERE borrower_id = $1"), params![borrower_id]).await?.as_ref().map(account))
}

/// Every account, by role then user name.
pub async fn all(tx: &mut Tx) -> DbResult<Vec<Account>> {
    Ok(tx.query(&format!("{ACCOUNT} ORDER BY role, username, id"), vec![]).await?.iter().map(account).collect())
}

/// Inserts `a`.
pub async fn insert(tx: &mut Tx, a: &Account, phone: Option<&str>, now: &str) -> DbResult<()> {
    tx.exec(
        "INSERT INTO accounts (id, role, username, display_name, password_hash, borrower_id, phone, created_at, disabled)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        params![
            &a.id,
            a.role.as_str(),
            a.username.clone(),
            &a.display_name,
            a.password_hash.clone(),
            a.borrower_id.clone(),
            phone,
            now,
            a.disabled
        ],
    )
    .await?;
    Ok(())
}

/// A registered device.
#[derive(Clone, Debug)]
pub struct Device {
    /// Its id.
    pub id: String,
    /// The account it was enrolled for.
    pub account_id: String,
    /// Hex Ed25519 public key.
    pub public_key: String,
    /// Revoked by the office.
    pub revoked: bool,
}

/// The device with this id.
pub async fn device(tx: &mut Tx, id: &str) -> DbResult<Option<Device>> {
    Ok(tx.one("SELECT id, account_id, public_key, revoked_at FROM devices WHERE id = $1", params![id]).await?.map(
        |r| Device { id: r.text(0), account_id: r.text(1), public_key: r.text(2), revoked: r.opt_text(3).is_some() },
    ))
}

/// Current plan communes and plan ids of an inspector on `today` (YYYY-MM-DD).
pub async fn current_plans(tx: &mut Tx, account_id: &str, today: &str) -> DbResult<(Vec<String>, Vec<String>)> {
    let rows = tx
        .query(
            "SELECT DISTINCT plan_id, commune_code FROM plan_assignments
             WHERE account_id = $1 AND starts_on <= $2 AND ends_on >= $2 ORDER BY plan_id, commune_code",
            params![account_id, today],
        )
        .await?;
    let mut plans: Vec<String> = rows.iter().map(|r| r.text(0)).collect();
    plans.dedup();
    let mut communes: Vec<String> = rows.iter().map(|r| r.text(1)).collect();
    communes.sort();
    communes.dedup();
    Ok((communes, plans))
}

/// The account with this user name, or else with this id (borrowers have no user name).
pub async fn by_username_or_id(tx: &mut Tx, name_or_id: &str) -> DbResult<Option<Account>> {
    match by_username(tx, name_or_id).await? {
        Some(a) => Ok(Some(a)),
        None => by_id(tx, name_or_id).await,
    }
}

/// Disables or enables an account (`disabled` is 0 or 1 in both dialects).
pub async fn set_disabled(tx: &mut Tx, account_id: &str, disabled: bool) -> DbResult<()> {
    tx.exec("UPDATE accounts SET disabled = $1 WHERE id = $2", params![i64::from(disabled), account_id]).await?;
    Ok(())
}

/// Replaces an account's Argon2 PHC string.
pub async fn set_password_hash(tx: &mut Tx, account_id: &str, hash: &str) -> DbResult<()> {
    tx.exec("UPDATE accounts SET password_hash = $1 WHERE id = $2", params![hash, account_id]).await?;
    Ok(())
}

/// Revokes every live token of an account at `now`; answers how many.
pub async fn revoke_tokens(tx: &mut Tx, account_id: &str, now: &str) -> DbResult<u64> {
    tx.exec("UPDATE tokens SET revoked_at = $1 WHERE account_id = $2 AND revoked_at IS NULL", params![now, account_id])
        .await
}
