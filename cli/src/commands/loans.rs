//! `vieclam loans [--search TEXT]` and `vieclam loan ID`.

use vieclam_core::messages::cli as m;
use vieclam_core::query::{find_loan, loan_detail, loan_list};

use super::Ctx;
use crate::{Failure, table};

const PAGE_SIZE: u32 = 20;

/// Lists loans, or those of borrowers a search finds.
pub fn list(ctx: &Ctx, search: &str, page: u32) -> Result<(), Failure> {
    let store = ctx.open()?;
    let lang = ctx.lang;
    let list = loan_list(&store, search, page.saturating_sub(1), PAGE_SIZE, ctx.today, lang)
        .map_err(|e| Failure::core(e, lang))?;
    println!("{}", list.title);
    if list.rows.is_empty() {
        println!("{}", list.empty_text);
        return Ok(());
    }
    use vieclam_core::messages::labels as l;
    let mut t = table::new(&[
        l::AGREEMENT_NO.get(lang),
        l::BORROWER.get(lang),
        l::COMMUNE.get(lang),
        l::OUTSTANDING.get(lang),
        l::STATE.get(lang),
    ]);
    for r in &list.rows {
        t.add_row(vec![&r.agreement_no, &r.borrower_name, &r.commune_name, &r.outstanding_text, &r.state_text]);
    }
    println!("{t}");
    if list.has_more {
        println!("{}", m::MORE.fill(lang, &[("next", &(page + 1).to_string())]));
    }
    Ok(())
}

/// Shows one loan.
pub fn show(ctx: &Ctx, id_or_agreement: &str, remind: u32) -> Result<(), Failure> {
    let store = ctx.open()?;
    let lang = ctx.lang;
    let id = find_loan(&store, id_or_agreement).map_err(|e| Failure::core(e, lang))?;
    let d = loan_detail(&store, &id, ctx.today, remind, lang).map_err(|e| Failure::core(e, lang))?;
    println!("{}", d.title);
    let width = d.fields.iter().map(|f| f.label.chars().count()).max().unwrap_or(0);
    for f in &d.fields {
        println!("  {:<width$}  {}", f.label, f.value);
    }
    for r in &d.reminders {
        println!("! {r}");
    }
    println!("\n{}", d.schedule_title);
    use vieclam_core::messages::labels as l;
    let mut t =
        table::new(&["#", l::DUE_ON.get(lang), l::AMOUNT_DUE.get(lang), l::REMAINING.get(lang), l::STATE.get(lang)]);
    for s in &d.schedule {
        t.add_row(vec![
            s.seq.to_string(),
            s.due_text.clone(),
            s.amount_text.clone(),
            s.remaining_text.clone(),
            s.status_text.clone(),
        ]);
    }
    println!("{t}");
    Ok(())
}
