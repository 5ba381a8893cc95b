//! The sync screen: who is signed in, what waits to go up (counted per kind without reading a payload), photos
//! waiting, changes the server refused with its reasons, and when the last sync worked. Screen-shaped: every text
//! is already formatted for people (`vieclam_core::format`, Vietnam time).

use chrono::{DateTime, FixedOffset, Utc};

use super::photos;
use super::state;
use crate::error::Result;
use crate::format;
use crate::messages::{Lang, sync as msg};
use crate::store::{Store, outbox};

/// One kind of record waiting to go up.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WaitingKind {
    /// The outbox entity, e.g. `site_check`.
    pub entity: String,
    /// What people call it.
    pub label: String,
    /// How many wait.
    pub count: u64,
}

/// One change the server refused.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RejectedChange {
    /// What people call the kind of record.
    pub label: String,
    /// The record's id.
    pub entity_id: String,
    /// The server's stable code.
    pub code: String,
    /// Why, as the server said it (Vietnamese first).
    pub reason: String,
    /// When the change was made, Vietnam time (`14/10/2025 08:30`).
    pub made_at: String,
}

/// The sync screen.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SyncStatus {
    /// The signed-in account's name, or `None` when signed out.
    pub account: Option<String>,
    /// Its role as people read it.
    pub role: Option<String>,
    /// The server.
    pub server_url: Option<String>,
    /// What waits to go up, by kind.
    pub waiting: Vec<WaitingKind>,
    /// All changes waiting.
    pub waiting_total: u64,
    /// Photos waiting to be uploaded.
    pub photos_waiting: u64,
    /// Changes refused, newest first.
    pub rejected: Vec<RejectedChange>,
    /// The last successful sync, Vietnam time.
    pub last_success: Option<String>,
    /// The last sync's failure, when it failed.
    pub last_failure: Option<String>,
    /// The whole screen as lines, in the language asked for.
    pub lines: Vec<String>,
}

/// The sync screen of `store`, in `lang`.
pub fn status(store: &Store, lang: Lang) -> Result<SyncStatus> {
    let conn = store.conn();
    let session = state::session(conn)?;
    let waiting: Vec<WaitingKind> = outbox::pending_by_entity(conn)?
        .into_iter()
        .map(|(entity, count)| WaitingKind { label: msg::entity_label(&entity).get(lang).to_owned(), entity, count })
        .collect();
    let waiting_total = waiting.iter().map(|w| w.count).sum();
    let photos_waiting = photos::waiting(conn)?.len() as u64;
    let rejected: Vec<RejectedChange> = outbox::rejected(conn)?
        .into_iter()
        .map(|r| RejectedChange {
            label: msg::entity_label(&r.entity).get(lang).to_owned(),
            entity_id: r.entity_id,
            code: r.code,
            reason: r.reason,
            made_at: local_time(&r.created_at),
        })
        .collect();
    let last = state::last_sync(conn)?;
    let last_failure = last.outcome.filter(|o| o != "ok");
    let mut status = SyncStatus {
        account: session.as_ref().map(|s| s.display_name.clone()),
        role: session.as_ref().map(|s| msg::role_label(s.role).get(lang).to_owned()),
        server_url: session.as_ref().map(|s| s.server_url.clone()),
        waiting,
        waiting_total,
        photos_waiting,
        rejected,
        last_success: last.success_at.as_deref().map(local_time),
        last_failure,
        lines: Vec::new(),
    };
    status.lines = lines(&status, session.as_ref().map(|s| s.expires_at.as_str()), lang);
    Ok(status)
}

fn lines(s: &SyncStatus, expires: Option<&str>, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    match (&s.account, &s.role, &s.server_url) {
        (Some(name), Some(role), Some(server)) => {
            out.push(msg::SIGNED_IN.fill(lang, &[("name", name), ("role", role), ("server", server)]));
            if let Some(at) = expires {
                out.push(msg::EXPIRES.fill(lang, &[("at", &local_time(at))]));
            }
        }
        _ => out.push(msg::SIGNED_OUT.get(lang).to_owned()),
    }
    if s.waiting_total == 0 {
        out.push(msg::ALL_SENT.get(lang).to_owned());
    } else {
        out.push(msg::WAITING.fill(lang, &[("n", &s.waiting_total.to_string())]));
        out.extend(s.waiting.iter().map(|w| format!("  {}: {}", w.label, w.count)));
    }
    if s.photos_waiting > 0 {
        out.push(msg::PHOTOS_WAITING.fill(lang, &[("n", &s.photos_waiting.to_string())]));
    }
    if !s.rejected.is_empty() {
        out.push(msg::REJECTED.fill(lang, &[("n", &s.rejected.len().to_string())]));
        out.extend(
            s.rejected
                .iter()
                .map(|r| format!("  {} ({}, {}): {} [{}]", r.label, r.entity_id, r.made_at, r.reason, r.code)),
        );
    }
    match &s.last_success {
        Some(at) => out.push(msg::LAST_SUCCESS.fill(lang, &[("at", at)])),
        None => out.push(msg::NEVER_SYNCED.get(lang).to_owned()),
    }
    if let Some(f) = &s.last_failure {
        out.push(msg::LAST_FAILURE.fill(lang, &[("detail", f)]));
    }
    out
}

/// A stored UTC time as people in Lạng Sơn read it (UTC+7): `14/10/2025 08:30`.
fn local_time(text: &str) -> String {
    let Ok(t) = DateTime::parse_from_rfc3339(text) else { return text.to_owned() };
    let Some(vn) = FixedOffset::east_opt(7 * 3600) else { return text.to_owned() };
    let local = t.with_timezone(&Utc).with_timezone(&vn);
    format!("{} {}", format::date(local.date_naive()), local.format("%H:%M"))
}
