//! `serve --demo` and `demo`: seeds a demo province once (a second start changes nothing): 2,000 loans from the
//! core's deterministic generator, an admin, two inspectors each with a current plan over communes that have sites,
//! and activation codes for two borrowers. Answers what to print: how to sign in, Vietnamese then English.

use chrono::Duration;
use vieclam_core::demo::{self, DemoSpec};
use vieclam_core::sync::wire::Role;

use crate::admin::{self, AdminResult};
use crate::db::Db;
use crate::{params, work};

/// Loans in the demo province.
pub const DEMO_LOANS: usize = 2_000;

/// Gives the demo's loan programmes the ids an import derives from their codes (`import::stable_id`), so a bank
/// export imported into the demo province points its loans at the same three programme records.
fn same_programme_ids(batch: &mut vieclam_core::store::office::OfficeBatch) {
    let mut renamed = std::collections::HashMap::new();
    for p in &mut batch.programmes {
        let id = crate::import::stable_id("programme", &p.code);
        renamed.insert(std::mem::replace(&mut p.id, id.clone()), id);
    }
    for l in &mut batch.loans {
        if let Some(id) = renamed.get(&l.programme_id) {
            l.programme_id = id.clone();
        }
    }
}

/// Seeds the demo unless it is there; answers the sign-in sheet.
pub async fn seed(db: &Db) -> AdminResult<String> {
    let held = db
        .read(work!(|tx| async move {
            Ok(tx.one("SELECT value FROM settings WHERE key = 'demo'", vec![]).await?.map(|r| r.text(0)))
        }))
        .await
        .map_err(|e| e.to_string())?;
    if let Some(sheet) = held {
        return Ok(sheet);
    }
    let today = chrono::Utc::now().date_naive();
    let mut batch = demo::generate(DemoSpec { loans: DEMO_LOANS, seed: 7, as_of: today }).map_err(|e| e.to_string())?;
    same_programme_ids(&mut batch);
    db.apply_office_batch(&batch).await.map_err(|e| e.to_string())?;

    admin::add_user(db, Role::Admin, "admin", "Quản trị viên", "admin-vieclam").await?;
    admin::add_user(db, Role::Inspector, "thanhtra1", "Nguyễn Văn An", "thanhtra1-vieclam").await?;
    admin::add_user(db, Role::Inspector, "thanhtra2", "Hoàng Thị Bích", "thanhtra2-vieclam").await?;
    // Communes that have sites, in order of how many: plans over them give the inspectors something to do.
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for s in &batch.sites {
        *counts.entry(s.commune_code.as_str()).or_default() += 1;
    }
    let mut busiest: Vec<(&str, usize)> = counts.into_iter().collect();
    busiest.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let pick = |range: std::ops::Range<usize>| -> Vec<String> {
        busiest.iter().skip(range.start).take(range.len()).map(|(c, _)| (*c).to_owned()).collect()
    };
    let (from, to) = (today - Duration::days(7), today + Duration::days(60));
    admin::add_plan(db, "01/KH-DEMO", &["thanhtra1".into()], &pick(0..3), from, to).await?;
    admin::add_plan(db, "02/KH-DEMO", &["thanhtra2".into()], &pick(3..6), from, to).await?;

    let mut codes = Vec::new();
    for b in batch.borrowers.iter().take(2) {
        let code = admin::issue_activation(db, &b.id, 365).await?;
        codes.push(format!("  {code}  CCCD {}  ({})", b.id_number, b.full_name));
    }
    let sheet = format!(
        "Tỉnh mẫu: {DEMO_LOANS} khoản vay. Đăng nhập / Demo province: {DEMO_LOANS} loans. Sign in:\n\
         \x20 admin / admin-vieclam              (quản trị / office admin)\n\
         \x20 thanhtra1 / thanhtra1-vieclam      (người kiểm tra / inspector, 01/KH-DEMO)\n\
         \x20 thanhtra2 / thanhtra2-vieclam      (người kiểm tra / inspector, 02/KH-DEMO)\n\
         Mã kích hoạt cho người vay (mã + số CCCD) / Borrower activation codes (code + ID number):\n{}\n",
        codes.join("\n")
    );
    let s = sheet.clone();
    db.write::<()>(work!(|tx| async move {
        tx.exec("INSERT INTO settings (key, value) VALUES ('demo', $1)", params![&s]).await?;
        Ok(())
    }))
    .await
    .map_err(|e| e.to_string())?;
    Ok(sheet)
}
