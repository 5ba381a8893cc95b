//! Applying field records that come down in a pull: a borrower receives the check of their loan, a worker the
//! office's verdict on their registration, an inspector the checks a teammate made. The body is the record in the
//! form devices push it (the outbox payload), so it is mapped onto the table's columns by name: nested objects are
//! flattened with their key as prefix (`fix.lat` → `fix_lat`, or the bare name where that is the column, as
//! `verdict.in_commune` → `in_commune`), lists and objects that are one column are stored as JSON text, booleans
//! as 0/1. A record the device itself still has waiting in its outbox is left alone: the device's own change wins
//! until the server has it.

use std::collections::HashSet;

use rusqlite::Transaction;
use rusqlite::types::Value as Sql;
use serde_json::{Map, Value};

use crate::error::Result;
use crate::evidence::binding::field_record_id;
use crate::store::outbox;

/// The table of each field kind, and its key columns.
pub(crate) fn table_of(kind: &str) -> Option<(&'static str, &'static [&'static str])> {
    Some(match kind {
        "site_check" => ("site_checks", &["id"]),
        "check_answer" => ("check_answers", &["check_id", "question"]),
        "check_photo" => ("check_photos", &["id"]),
        "commune_findings" => ("commune_findings", &["commune_list", "commune_code", "plan_id"]),
        "commune_review" => ("commune_reviews", &["id"]),
        "plot_walk" => ("plot_walks", &["check_id"]),
        "worker_registration" => ("worker_registrations", &["id"]),
        _ => return None,
    })
}

/// What applying one field record did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Applied {
    /// Written (or deleted).
    Written,
    /// Left alone: the device's own change to it still waits to go up.
    OwnPending,
    /// Not applicable here (a body that does not fit the table, a reference to a record the device lacks).
    Skipped,
}

/// Upserts (or deletes, when `body` is `None`) field record `id` of `kind` inside a savepoint, so one record that
/// does not fit never undoes the rest of its page.
pub(crate) fn apply(tx: &Transaction, kind: &str, id: &str, body: Option<&Value>) -> Result<Applied> {
    let Some((table, keys)) = table_of(kind) else { return Ok(Applied::Skipped) };
    if outbox::is_pending(tx, kind, id)? {
        return Ok(Applied::OwnPending);
    }
    // The record is applied under the change's id only: a body naming another record (another inspector's check,
    // a colleague's answer) would otherwise overwrite it here, whatever the server checked.
    if let Some(body @ Value::Object(_)) = body
        && field_record_id(kind, body).as_deref() != Some(id)
    {
        return Ok(Applied::Skipped);
    }
    tx.execute_batch("SAVEPOINT field_record")?;
    let outcome = match body {
        Some(Value::Object(obj)) => upsert(tx, table, obj).and_then(|()| answers_of_revision(tx, kind, id, obj)),
        Some(_) => Err(crate::Error::BadArgument("a field record that is not an object".into())),
        None if keys == ["id"] => {
            tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id]).map(|_| ()).map_err(Into::into)
        }
        None => Err(crate::Error::BadArgument("a delete by a composite key".into())),
    };
    match outcome {
        Ok(()) => {
            tx.execute_batch("RELEASE field_record")?;
            Ok(Applied::Written)
        }
        Err(_) => {
            tx.execute_batch("ROLLBACK TO field_record; RELEASE field_record")?;
            Ok(Applied::Skipped)
        }
    }
}

/// A corrected check travels with its answers (`answers: [...]`): they go into their own table.
/// Only answers of this very revision are taken.
fn answers_of_revision(tx: &Transaction, kind: &str, id: &str, obj: &Map<String, Value>) -> Result<()> {
    if kind != "site_check" {
        return Ok(());
    }
    if let Some(Value::Array(answers)) = obj.get("answers") {
        for a in answers {
            if let Value::Object(a) = a
                && a.get("check_id").and_then(Value::as_str) == Some(id)
            {
                upsert(tx, "check_answers", a)?;
            }
        }
    }
    Ok(())
}

/// `INSERT … ON CONFLICT DO UPDATE` of the columns the object names.
fn upsert(tx: &Transaction, table: &str, obj: &Map<String, Value>) -> Result<()> {
    let columns = columns_of(tx, table)?;
    let mut row: Vec<(String, Sql)> = Vec::new();
    flatten(table, "", obj, &columns, &mut row);
    if row.is_empty() {
        return Err(crate::Error::BadArgument(format!("nothing in the record fits {table}")));
    }
    let names: Vec<&str> = row.iter().map(|(c, _)| c.as_str()).collect();
    let marks: Vec<String> = (1..=row.len()).map(|i| format!("?{i}")).collect();
    let sets: Vec<String> = names.iter().map(|c| format!("{c} = excluded.{c}")).collect();
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES ({}) ON CONFLICT DO UPDATE SET {}",
        names.join(", "),
        marks.join(", "),
        sets.join(", ")
    );
    let values: Vec<&dyn rusqlite::ToSql> = row.iter().map(|(_, v)| v as &dyn rusqlite::ToSql).collect();
    tx.prepare_cached(&sql)?.execute(values.as_slice())?;
    Ok(())
}

fn columns_of(tx: &Transaction, table: &str) -> Result<HashSet<String>> {
    let mut stmt = tx.prepare_cached(&format!("SELECT name FROM pragma_table_info('{table}')"))?;
    let names = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(names.collect::<rusqlite::Result<_>>()?)
}

/// Collects `(column, value)` for every key of `obj` that names a column, directly or with `prefix`.
fn flatten(
    table: &str,
    prefix: &str,
    obj: &Map<String, Value>,
    columns: &HashSet<String>,
    out: &mut Vec<(String, Sql)>,
) {
    for (key, value) in obj {
        let prefixed = if prefix.is_empty() { key.clone() } else { format!("{prefix}_{key}") };
        let column = [prefixed.clone(), key.clone()].into_iter().find(|c| columns.contains(c));
        match (value, column) {
            // A column whose value is JSON text, whatever the JSON (a checklist answer's `value`).
            (v, Some(c)) if table == "check_answers" && c == "value" => push(out, c, Sql::Text(v.to_string())),
            (Value::Object(inner), None) => flatten(table, &prefixed, inner, columns, out),
            // A pair of coordinates (`source_gps: [lat, lon]`) → `source_lat`, `source_lon`.
            (Value::Array(pair), None) if pair.len() == 2 && key.ends_with("_gps") => {
                let stem = key.trim_end_matches("_gps");
                for (suffix, v) in ["lat", "lon"].iter().zip(pair) {
                    let c = format!("{stem}_{suffix}");
                    if columns.contains(&c) {
                        push(out, c, scalar(v));
                    }
                }
            }
            (Value::Null, None) if key.ends_with("_gps") => {
                let stem = key.trim_end_matches("_gps");
                for suffix in ["lat", "lon"] {
                    let c = format!("{stem}_{suffix}");
                    if columns.contains(&c) {
                        push(out, c, Sql::Null);
                    }
                }
            }
            (v, Some(c)) => push(out, c, scalar(v)),
            _ => {}
        }
    }
}

fn push(out: &mut Vec<(String, Sql)>, column: String, value: Sql) {
    if !out.iter().any(|(c, _)| *c == column) {
        out.push((column, value));
    }
}

/// A JSON value as one SQLite value: lists and objects as JSON text.
fn scalar(v: &Value) -> Sql {
    match v {
        Value::Null => Sql::Null,
        Value::Bool(b) => Sql::Integer(i64::from(*b)),
        Value::Number(n) => n.as_i64().map(Sql::Integer).unwrap_or_else(|| Sql::Real(n.as_f64().unwrap_or(0.0))),
        Value::String(s) => Sql::Text(s.clone()),
        other => Sql::Text(other.to_string()),
    }
}
