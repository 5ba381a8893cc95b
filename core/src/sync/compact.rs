//! Ids a pull page need not carry. An office record's id is almost always made from its own natural key
//! (`ids::stable_id`: a borrower's ID number, a loan's agreement number, a model or site from its loan's agreement, a
//! payment from its loan, day and place among that day's payments), and a record hung off a loan comes right after
//! that loan in a page (the server writes a borrower's records together). Sent as they are, those ids were most of a
//! first download: sixteen random bytes each that no compressor can shrink, five per loan and one per payment.
//!
//! A device that asks for it (`GET /v1/pull?derive_ids=true`) gets pages where:
//! - a body leaves out the field naming its parent (a loan's `borrower_id`, the `loan_id` of a schedule, payment or
//!   funded model, a site's `model_id`) when it is the id of the last record of the parent's kind earlier in the page;
//! - a change leaves out its `id` when [`Walk::derived_id`] gives exactly that id from the body and what the page
//!   said before it.
//!
//! Both sides walk the page in order with the same [`Walk`]: the server ([`compact`]) leaves a part out only after
//! checking that the device's walk ([`expand`]) will put the very same value back, so nothing a page says is lost,
//! whatever the ids are (an id made another way is simply sent). Field records and deletions are never touched.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::wire::{Change, ChangeOp, is_office_kind};
use crate::ids::stable_id;

/// The kind of record an office kind's body points at, and the field that holds its id.
fn parent(kind: &str) -> Option<(&'static str, &'static str)> {
    match kind {
        "loan" => Some(("borrower", "borrower_id")),
        "schedule" | "payment" | "funded_model" => Some(("loan", "loan_id")),
        "site" => Some(("funded_model", "model_id")),
        _ => None,
    }
}

/// What a page has said so far that a later change may lean on. Bounded by the page: a walk starts afresh on each.
#[derive(Debug, Default)]
pub struct Walk {
    /// The id of the last record of each kind.
    last: HashMap<String, String>,
    /// A loan's agreement number, by loan id.
    agreements: HashMap<String, String>,
    /// A funded model's loan, by model id.
    model_loans: HashMap<String, String>,
    /// Payments seen per (loan id, day paid): the import numbers a day's payments from 1.
    same_day: HashMap<(String, String), u32>,
}

impl Walk {
    /// The id that `body` (with its parent field in place) of `kind` would have if it was made from its natural key,
    /// given what came before it in the page; `None` when the kind has no such id or the page has not said enough.
    pub fn derived_id(&self, kind: &str, body: &Map<String, Value>) -> Option<String> {
        let text = |field: &str| body.get(field).and_then(Value::as_str);
        match kind {
            "borrower" => Some(stable_id("borrower", text("id_number")?)),
            "loan" => Some(stable_id("loan", text("agreement_no")?)),
            // A loan's schedule is one record under the loan's own id.
            "schedule" => text("loan_id").map(str::to_owned),
            "funded_model" => Some(stable_id("model", self.agreements.get(text("loan_id")?)?)),
            "site" => {
                let loan = self.model_loans.get(text("model_id")?)?;
                Some(stable_id("site", self.agreements.get(loan)?))
            }
            "payment" => {
                let (loan, day) = (text("loan_id")?, text("paid_on")?);
                let n = self.same_day.get(&(loan.to_owned(), day.to_owned())).copied().unwrap_or(0) + 1;
                Some(stable_id("payment", &format!("{}|{day}|{n}", self.agreements.get(loan)?)))
            }
            _ => None,
        }
    }

    /// Takes note of an office record, whole (its id and its body with the parent field in place).
    fn note(&mut self, kind: &str, id: &str, body: &Map<String, Value>) {
        let text = |field: &str| body.get(field).and_then(Value::as_str).map(str::to_owned);
        self.last.insert(kind.to_owned(), id.to_owned());
        match kind {
            "loan" => {
                if let Some(no) = text("agreement_no") {
                    self.agreements.insert(id.to_owned(), no);
                }
            }
            "funded_model" => {
                if let Some(loan) = text("loan_id") {
                    self.model_loans.insert(id.to_owned(), loan);
                }
            }
            "payment" => {
                if let (Some(loan), Some(day)) = (text("loan_id"), text("paid_on")) {
                    *self.same_day.entry((loan, day)).or_default() += 1;
                }
            }
            _ => {}
        }
    }

    /// The id of the last record of `kind` in the page so far.
    fn last(&self, kind: &str) -> Option<&str> {
        self.last.get(kind).map(String::as_str)
    }
}

/// The office upserts a walk looks at: their kind, id and object body.
fn walked(c: &mut Change) -> Option<(&str, &mut String, &mut Map<String, Value>)> {
    if c.op != ChangeOp::Upsert || !is_office_kind(&c.kind) {
        return None;
    }
    match c.body.as_mut() {
        Some(Value::Object(body)) => Some((c.kind.as_str(), &mut c.id, body)),
        _ => None,
    }
}

/// The server's side: leaves out of `changes` every parent field and id that [`expand`] will put back as they were.
pub fn compact(changes: &mut [Change]) {
    let mut walk = Walk::default();
    for change in changes.iter_mut() {
        let Some((kind, id, body)) = walked(change) else { continue };
        let derived = walk.derived_id(kind, body);
        walk.note(kind, id, body);
        if let Some((of, field)) = parent(kind) {
            match (body.get(field), walk.last(of)) {
                (Some(Value::String(held)), Some(last)) if held == last => {
                    body.remove(field);
                }
                // A body without the field would have it filled in on the device: an explicit null keeps it apart.
                (None, Some(_)) => {
                    body.insert(field.to_owned(), Value::Null);
                }
                _ => {}
            }
        }
        if derived.as_deref() == Some(id.as_str()) {
            id.clear();
        }
    }
}

/// A change in a page left out its id and the page does not give it: the page is not one the server makes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("change {index} ({kind}) has no id and none follows from the page")]
pub struct Underivable {
    /// The change's place in the page, from 0.
    pub index: usize,
    /// Its kind.
    pub kind: String,
}

/// The device's side: puts back every parent field and id that [`compact`] left out, in place.
pub fn expand(changes: &mut [Change]) -> Result<(), Underivable> {
    let mut walk = Walk::default();
    for (index, change) in changes.iter_mut().enumerate() {
        if change.id.is_empty() && !(change.op == ChangeOp::Upsert && is_office_kind(&change.kind)) {
            return Err(Underivable { index, kind: change.kind.clone() });
        }
        let Some((kind, id, body)) = walked(change) else { continue };
        if let Some((of, field)) = parent(kind)
            && !body.contains_key(field)
            && let Some(last) = walk.last(of)
        {
            body.insert(field.to_owned(), Value::String(last.to_owned()));
        }
        if id.is_empty() {
            *id = walk.derived_id(kind, body).ok_or_else(|| Underivable { index, kind: kind.to_owned() })?;
        }
        walk.note(kind, id, body);
    }
    Ok(())
}
