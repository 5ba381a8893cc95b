//! The office's admin commands on the database (`users`, `plans`, `activation`, `devices`, `registrations`), as
//! functions the command line and the demo both call. Errors are one sentence, Vietnamese then English.

use chrono::NaiveDate;
use vieclam_core::messages::server_cli as sc;
use vieclam_core::sync::wire::Role;

use crate::auth::{hash_password, iso, new_activation_code, normalise_code, now_iso, sha256_hex};
use crate::db::Db;
use crate::error::ApiError;
use crate::store::accounts::{self, Account};
use crate::store::records;
use crate::{params, work};

/// An admin command's failure, for a person.
pub type AdminResult<T> = Result<T, String>;

fn say(e: ApiError) -> String {
    format!("{} / {}", e.vi, e.en)
}

/// Creates an account with a password (`users add`).
pub async fn add_user(db: &Db, role: Role, username: &str, name: &str, password: &str) -> AdminResult<Account> {
    if role == Role::Borrower {
        return Err(sc::BORROWERS_ACTIVATE_WITH_A_CODE.joined(&[]));
    }
    if password.chars().count() < 8 {
        return Err(sc::THE_PASSWORD_NEEDS_AT_LEAST.joined(&[]));
    }
    let hash = hash_password(password).map_err(say)?;
    let account = Account {
        id: vieclam_core::ids::new_id(),
        role,
        username: Some(username.trim().to_owned()),
        display_name: name.trim().to_owned(),
        password_hash: Some(hash),
        borrower_id: None,
        disabled: false,
    };
    let a = account.clone();
    db.write::<()>(work!(|tx| async move {
        if accounts::by_username(tx, a.username.as_deref().unwrap_or_default()).await?.is_some() {
            return Err(ApiError::new(
                axum::http::StatusCode::CONFLICT,
                "auth.username_taken",
                vieclam_core::messages::api::USERNAME_TAKEN,
            ));
        }
        accounts::insert(tx, &a, None, &now_iso()).await?;
        Ok(())
    }))
    .await
    .map_err(say)?;
    Ok(account)
}

/// What an account command did.
#[derive(Clone, Debug)]
pub struct AccountChange {
    /// The account.
    pub account: Account,
    /// Tokens revoked by the command.
    pub tokens_revoked: u64,
}

fn no_account(name: &str) -> ApiError {
    ApiError::with(
        axum::http::StatusCode::NOT_FOUND,
        "not_found",
        vieclam_core::messages::api::NO_ACCOUNT,
        &[("name", name)],
    )
}

/// Disables an account (`users disable USER`): sign-in is refused (403 `auth.account_disabled`) and every token
/// it holds is revoked at once, in the same transaction.
pub async fn disable_user(db: &Db, name_or_id: &str) -> AdminResult<AccountChange> {
    let name = name_or_id.trim().to_owned();
    db.write(work!(|tx| async move {
        let mut account = accounts::by_username_or_id(tx, &name).await?.ok_or_else(|| no_account(&name))?;
        accounts::set_disabled(tx, &account.id, true).await?;
        let tokens_revoked = accounts::revoke_tokens(tx, &account.id, &now_iso()).await?;
        account.disabled = true;
        Ok(AccountChange { account, tokens_revoked })
    }))
    .await
    .map_err(say)
}

/// Enables a disabled account again (`users enable USER`); tokens revoked before stay revoked.
pub async fn enable_user(db: &Db, name_or_id: &str) -> AdminResult<Account> {
    let name = name_or_id.trim().to_owned();
    db.write(work!(|tx| async move {
        let mut account = accounts::by_username_or_id(tx, &name).await?.ok_or_else(|| no_account(&name))?;
        accounts::set_disabled(tx, &account.id, false).await?;
        account.disabled = false;
        Ok(account)
    }))
    .await
    .map_err(say)
}

/// Sets a new password (`users reset-password USER`) and revokes every token of the account, so whoever held the
/// old password is signed out everywhere.
pub async fn reset_password(db: &Db, name_or_id: &str, password: &str) -> AdminResult<AccountChange> {
    if password.chars().count() < 8 {
        return Err(sc::THE_PASSWORD_NEEDS_AT_LEAST.joined(&[]));
    }
    if password.len() > vieclam_core::sync::wire::MAX_PASSWORD_BYTES {
        return Err(sc::PASSWORD_TOO_LONG.joined(&[("n", &vieclam_core::sync::wire::MAX_PASSWORD_BYTES.to_string())]));
    }
    let hash = hash_password(password).map_err(say)?;
    let name = name_or_id.trim().to_owned();
    db.write(work!(|tx| async move {
        let account = accounts::by_username_or_id(tx, &name).await?.ok_or_else(|| no_account(&name))?;
        if account.role == Role::Borrower {
            return Err(ApiError::new(
                axum::http::StatusCode::CONFLICT,
                "auth.no_password",
                vieclam_core::messages::api::NO_PASSWORD,
            ));
        }
        accounts::set_password_hash(tx, &account.id, &hash).await?;
        let tokens_revoked = accounts::revoke_tokens(tx, &account.id, &now_iso()).await?;
        Ok(AccountChange { account, tokens_revoked })
    }))
    .await
    .map_err(say)
}

/// A new random password to print once: 16 characters of the activation codes' alphabet (no look-alikes), about
/// 80 bits.
pub fn generated_password() -> String {
    let a = new_activation_code().replace('-', "");
    let b = new_activation_code().replace('-', "");
    format!("{}-{}", &a[..8], &b[..8])
}

/// Every account (`users list`).
pub async fn list_users(db: &Db) -> AdminResult<Vec<Account>> {
    db.read(work!(|tx| async move { Ok(accounts::all(tx).await?) })).await.map_err(say)
}

/// Creates an inspection plan numbered `name` over `communes` from `from` to `to`, its team the inspectors with
/// these user names, each `USER` or `USER:ROLE` (see [`crate::plans::team_from_cli`]: without a function, the
/// first leads and the others are members). Answers the plan id.
pub async fn add_plan(
    db: &Db,
    name: &str,
    inspectors: &[String],
    communes: &[String],
    from: NaiveDate,
    to: NaiveDate,
) -> AdminResult<String> {
    let draft = crate::plans::PlanDraft {
        code: name.to_owned(),
        title: String::new(),
        starts_on: from,
        ends_on: to,
        communes: communes.to_vec(),
        team: crate::plans::team_from_cli(inspectors, None).map_err(say)?,
    };
    crate::plans::create(db, &draft).await.map(|p| p.id).map_err(say)
}

/// Issues a one-time activation code for a borrower, valid for `days` (`activation issue`). Answers the code.
pub async fn issue_activation(db: &Db, borrower_id: &str, days: i64) -> AdminResult<String> {
    let code = new_activation_code();
    let hash = sha256_hex(&normalise_code(&code));
    let borrower = borrower_id.to_owned();
    let expires = iso(chrono::Utc::now() + chrono::Duration::days(days));
    db.write::<()>(work!(|tx| async move {
        records::get(tx, "borrower", &borrower).await?.ok_or_else(ApiError::not_found)?;
        tx.exec(
            "INSERT INTO activation_codes (code_hash, borrower_id, expires_at) VALUES ($1, $2, $3)",
            params![&hash, &borrower, &expires],
        )
        .await?;
        Ok(())
    }))
    .await
    .map_err(say)?;
    Ok(code)
}

/// Revokes a device and every token issued to it (`devices revoke`).
pub async fn revoke_device(db: &Db, device_id: &str) -> AdminResult<()> {
    let id = device_id.to_owned();
    db.write::<()>(work!(|tx| async move {
        let now = now_iso();
        let n = tx
            .exec("UPDATE devices SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL", params![&now, &id])
            .await?;
        if n == 0 {
            return Err(ApiError::not_found());
        }
        tx.exec("UPDATE tokens SET revoked_at = $1 WHERE device_id = $2 AND revoked_at IS NULL", params![&now, &id])
            .await?;
        Ok(())
    }))
    .await
    .map_err(say)
}

/// Longest reason for a rejection: a sentence or two the worker reads on a phone.
pub const REJECT_REASON_MAX_CHARS: usize = 500;

/// A reason for rejecting a registration, trimmed, or why it cannot be one: empty (the worker must learn what to
/// put right), longer than [`REJECT_REASON_MAX_CHARS`], or holding control characters other than line breaks.
pub fn reject_reason(text: &str) -> AdminResult<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(sc::GIVE_THE_REASON_FOR_THE.joined(&[]));
    }
    if text.chars().count() > REJECT_REASON_MAX_CHARS {
        return Err(
            sc::THE_REASON_IS_LONGER_THAN.joined(&[("REJECT_REASON_MAX_CHARS", &REJECT_REASON_MAX_CHARS.to_string())])
        );
    }
    if text.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        return Err(sc::THE_REASON_HOLDS_CONTROL_CHARACTERS.joined(&[]));
    }
    Ok(text.to_owned())
}

/// Rejects a worker's registration with `reason` (see [`reject_reason`]; `registrations reject`); the worker's
/// device shows the reason.
pub async fn reject_registration(db: &Db, id: &str, reason: &str) -> AdminResult<()> {
    let reason = reject_reason(reason)?;
    let id = id.to_owned();
    db.write(work!(
        |tx| async move { crate::api::reads::review_registration(tx, &id, Some(&reason)).await.map(|_| ()) }
    ))
    .await
    .map_err(say)
}

/// Marks a worker's registration verified (`registrations verify`).
pub async fn verify_registration(db: &Db, id: &str) -> AdminResult<()> {
    let id = id.to_owned();
    db.write(work!(|tx| async move { crate::api::reads::verify_registration(tx, &id).await.map(|_| ()) }))
        .await
        .map_err(say)
}
