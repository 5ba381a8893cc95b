//! The savings-and-loan group (tổ TK&VV) a row names, with its leader and the mass organisation entrusted with it:
//! the borrower's first contact for paying at the transaction point. Optional columns of the loan list; a group is
//! one record however many rows name it, keyed by its commune and its code (or its name when the export has no
//! code).

use vieclam_core::fold::fold;
use vieclam_core::records::SavingsGroup;

use super::build::Problems;
use super::columns::Field;
use super::records::stable_id;
use vieclam_core::messages::import as m;

/// The organisation a cell names, as the core's code: Vietnamese as the bank writes it, or English.
pub fn organisation(text: &str) -> Option<&'static str> {
    let key: String = fold(text).chars().filter(char::is_ascii_alphanumeric).collect();
    let key = key.strip_prefix("hoi").unwrap_or(&key);
    Some(match key {
        "phunu" | "lhpn" | "lienhiepphunu" | "womensunion" | "women" => "womens_union",
        "nongdan" | "farmersunion" | "farmers" => "farmers_union",
        "cuuchienbinh" | "ccb" | "veterans" => "veterans",
        "doanthanhnien" | "thanhnien" | "doantncshcm" | "youthunion" | "youth" => "youth_union",
        _ => return None,
    })
}

/// The group a row names: `Some(None)` when it names none, `None` when what it names is incomplete or unknown.
pub(super) fn group(p: &mut Problems, commune_code: Option<&str>) -> Option<Option<SavingsGroup>> {
    let name = p.text(Field::GroupName, false, 120)?;
    let code = p.text(Field::GroupCode, false, 40)?;
    let leader = p.text(Field::GroupLeader, false, 100)?;
    let organisation_text = p.text(Field::Organisation, false, 120)?;
    if name.is_empty() && code.is_empty() {
        return Some(None);
    }
    let mut ok = true;
    for (field, value) in
        [(Field::GroupName, &name), (Field::GroupLeader, &leader), (Field::Organisation, &organisation_text)]
    {
        if value.is_empty() {
            p.add(field, "required_with_group", m::GROUP_INCOMPLETE, &[]);
            ok = false;
        }
    }
    let organisation = if organisation_text.is_empty() {
        None
    } else {
        let o = organisation(&organisation_text);
        if o.is_none() {
            p.add(Field::Organisation, "unknown", m::ORGANISATION_UNKNOWN, &[]);
        }
        o
    };
    let (commune_code, organisation) = (commune_code?, organisation?);
    if !ok {
        return None;
    }
    let key = if code.is_empty() { fold(&name) } else { code.clone() };
    let code = format!("{commune_code}-{key}");
    Some(Some(SavingsGroup {
        id: stable_id("savings_group", &code),
        code,
        name,
        leader_name: leader,
        organisation: organisation.to_owned(),
        commune_code: commune_code.to_owned(),
    }))
}
