//! What the sync client keeps in the encrypted store between runs: the session (server, token, account), the pull
//! cursor, the chain head the server acknowledged, the last sync's time and outcome (`sync_state`), and photo
//! uploads in progress (`photo_uploads`). Every write here happens inside a caller's transaction where it must
//! commit together with the data it describes (a page with its cursor, acknowledgements with the chain head).

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::store::Store;
use crate::sync::wire::{Role, Session};

/// The session a sign-in gave this store.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredSession {
    /// The server's base URL, e.g. `https://vieclam.langson.gov.vn` (no trailing `/`).
    pub server_url: String,
    /// The bearer token. Kept only here, in the encrypted store; never logged.
    pub token: String,
    /// When the token stops working (UTC).
    pub expires_at: String,
    /// The account's id.
    pub account_id: String,
    /// The account's role.
    pub role: Role,
    /// The name to greet the user with.
    pub display_name: String,
    /// The user name to sign in with next time, where the server gave one.
    pub username: Option<String>,
}

impl StoredSession {
    /// The session a server answered, for `server_url`.
    pub fn new(server_url: &str, session: Session) -> StoredSession {
        StoredSession {
            server_url: server_url.trim_end_matches('/').to_owned(),
            token: session.token,
            expires_at: session.expires_at,
            account_id: session.account_id,
            role: session.role,
            display_name: session.display_name,
            username: session.username,
        }
    }
}

const SESSION: &str = "session";
const CURSOR: &str = "cursor";
const CHAIN_HEAD: &str = "chain_head";
const LAST_SYNC_AT: &str = "last_sync_at";
const LAST_SUCCESS_AT: &str = "last_success_at";
const LAST_OUTCOME: &str = "last_outcome";

fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn.prepare_cached("SELECT value FROM sync_state WHERE key = ?1")?.query_row([key], |r| r.get(0)).optional()?)
}

fn set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sync_state (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![key, value])?;
    Ok(())
}

/// The stored session, if the store is signed in.
pub fn session(conn: &Connection) -> Result<Option<StoredSession>> {
    match get(conn, SESSION)? {
        Some(text) => serde_json::from_str(&text).map(Some).map_err(|e| Error::Corrupt(format!("sync session: {e}"))),
        None => Ok(None),
    }
}

/// The session `store` is signed in with, if any.
pub fn stored_session(store: &Store) -> Result<Option<StoredSession>> {
    session(store.conn())
}

/// Keeps `session` in `store`, in a transaction of its own: what a sign-in does once the server has answered. A
/// sign-in as another account, or on another server, starts the pull from nothing.
pub fn keep_session(store: &mut Store, new: &StoredSession) -> Result<()> {
    let tx = store.transaction()?;
    save_session(&tx, new)?;
    Ok(tx.commit()?)
}

/// Keeps `session`. A sign-in as another account, or on another server, starts the pull from nothing.
pub fn save_session(tx: &Transaction, new: &StoredSession) -> Result<()> {
    let old = session(tx)?;
    let same_scope = old.is_some_and(|o| o.server_url == new.server_url && o.account_id == new.account_id);
    if !same_scope {
        tx.execute("DELETE FROM sync_state WHERE key IN ('cursor', 'chain_head')", [])?;
    }
    let text = serde_json::to_string(new).map_err(|e| Error::BadArgument(e.to_string()))?;
    set(tx, SESSION, &text)
}

/// Forgets the session (the cursor is kept: signing in again as the same account goes on from it).
pub fn clear_session(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM sync_state WHERE key = 'session'", [])?;
    Ok(())
}

/// The pull cursor committed with the last applied page (`None`: from the start).
pub fn cursor(conn: &Connection) -> Result<Option<String>> {
    get(conn, CURSOR)
}

/// Stores the cursor, inside the transaction that applied its page.
pub fn set_cursor(tx: &Transaction, cursor: &str) -> Result<()> {
    set(tx, CURSOR, cursor)
}

/// The `seq` of the last chain link the server acknowledged (0: none).
pub fn chain_head(conn: &Connection) -> Result<i64> {
    Ok(get(conn, CHAIN_HEAD)?.and_then(|v| v.parse().ok()).unwrap_or(0))
}

/// Stores the acknowledged chain head, inside the transaction that marks the push's entries.
pub fn set_chain_head(tx: &Transaction, seq: i64) -> Result<()> {
    set(tx, CHAIN_HEAD, &seq.to_string())
}

/// The last sync's outcome.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LastSync {
    /// When the last sync ended (UTC, ISO 8601).
    pub at: Option<String>,
    /// When the last successful sync ended.
    pub success_at: Option<String>,
    /// `ok`, or the failure's code and sentence (`sync.offline: …`).
    pub outcome: Option<String>,
}

/// The last sync's time and outcome.
pub fn last_sync(conn: &Connection) -> Result<LastSync> {
    Ok(LastSync {
        at: get(conn, LAST_SYNC_AT)?,
        success_at: get(conn, LAST_SUCCESS_AT)?,
        outcome: get(conn, LAST_OUTCOME)?,
    })
}

/// Records how a sync ended: `None` for success, or the failure's code and sentence.
pub fn record_outcome(conn: &Connection, failure: Option<&str>) -> Result<()> {
    let now = now_utc();
    set(conn, LAST_SYNC_AT, &now)?;
    match failure {
        None => {
            set(conn, LAST_SUCCESS_AT, &now)?;
            set(conn, LAST_OUTCOME, "ok")
        }
        Some(f) => set(conn, LAST_OUTCOME, f),
    }
}

/// Now in UTC as the store writes times.
pub(crate) fn now_utc() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}
