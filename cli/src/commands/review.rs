//! `vieclam review …`: the commune review from the terminal. Each change reads the signed-in inspector's own
//! review of the plan's commune (or starts one), changes one thing, and saves it through the core: validated,
//! signed by this desktop's device key and queued for the next `vieclam sync`.

use chrono::Utc;
use vieclam_core::checks::lookup;
use vieclam_core::evidence::signing::enrol;
use vieclam_core::format::{date, parse_date};
use vieclam_core::messages::cli as m;
use vieclam_core::messages::review as msg;
use vieclam_core::review::store::{self as reviews, author};
use vieclam_core::review::{Attendee, CommuneReview, HEADINGS, Opinion, Rating, Recommendation, heading};
use vieclam_core::{Error, FieldError, Lang, Store};

use super::Ctx;
use super::parse;
use crate::Failure;
use crate::args::{ReviewCommand, ReviewListCommand, ReviewTarget};

/// Which list a list command changes.
#[derive(Clone, Copy)]
enum List {
    Attendees,
    Opinions,
    Recommendations,
}

/// Runs one review command.
pub fn run(ctx: &Ctx, action: ReviewCommand) -> Result<(), Failure> {
    let lang = ctx.lang;
    match action {
        ReviewCommand::Headings => {
            for h in &HEADINGS {
                println!("{:<16} {}", h.key, h.label.get(lang));
                println!("{:<16} {}", "", h.hint.get(lang));
            }
            let ratings: Vec<String> =
                Rating::ALL.iter().map(|r| format!("{} ({})", r.code(), r.label().get(lang))).collect();
            println!("\n{}: {}", msg::RATINGS.get(lang), ratings.join(", "));
            Ok(())
        }
        ReviewCommand::Show { target, mine } => show(ctx, &target, mine),
        ReviewCommand::Set { target, heading: key, rating, text, held_on } => {
            let rating = Rating::parse(&rating).ok_or_else(|| invalid("rating", "review.rating_unknown", lang))?;
            edit(ctx, &target, held_on.as_deref(), |r| {
                r.set_note(key.trim(), rating, &text);
                Ok(())
            })
        }
        ReviewCommand::Attendee { action } => list(ctx, List::Attendees, action),
        ReviewCommand::Opinion { action } => list(ctx, List::Opinions, action),
        ReviewCommand::Recommend { action } => list(ctx, List::Recommendations, action),
    }
}

fn invalid(field: &str, code: &str, lang: Lang) -> Failure {
    let message = if code == "review.rating_unknown" { msg::RATING_UNKNOWN } else { msg::NO_ITEM };
    Failure::core(Error::Invalid(vec![FieldError { field: field.into(), code: code.into(), message }]), lang)
}

/// The plan id and commune code the target names, on this device.
fn resolve(store: &Store, target: &ReviewTarget, lang: Lang) -> Result<(String, String), Failure> {
    let code = parse::commune_code(&target.commune)
        .ok_or_else(|| Failure(m::UNKNOWN_COMMUNE.fill(lang, &[("text", &target.commune)])))?;
    let plan = lookup::plan_id(store, Some(&target.plan)).map_err(|e| Failure::core(e, lang))?;
    Ok((plan, code))
}

/// Reads my review (or a new one), applies `change`, saves it, and says so.
fn edit(
    ctx: &Ctx,
    target: &ReviewTarget,
    held_on: Option<&str>,
    change: impl FnOnce(&mut CommuneReview) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let lang = ctx.lang;
    let core = |e| Failure::core(e, lang);
    let mut store = ctx.open()?;
    let (plan, code) = resolve(&store, target, lang)?;
    let me = author(&store).map_err(core)?;
    let mut review = reviews::mine(&store, &plan, &code)
        .map_err(core)?
        .unwrap_or_else(|| CommuneReview::new(&plan, &code, &me, ctx.today));
    if let Some(text) = held_on {
        review.held_on = parse_date(text).ok_or_else(|| Failure(m::BAD_DATE.fill(lang, &[("text", text)])))?;
    }
    change(&mut review)?;
    let identity = enrol(&mut store).map_err(core)?;
    reviews::save(&mut store, &identity, &review, Utc::now()).map_err(core)?;
    println!("{}", msg::SAVED.get(lang));
    Ok(())
}

fn list(ctx: &Ctx, which: List, action: ReviewListCommand) -> Result<(), Failure> {
    let lang = ctx.lang;
    match action {
        ReviewListCommand::Add { target, first, second } => edit(ctx, &target, None, |r| {
            match which {
                List::Attendees => r.attendees.push(Attendee { name: first, role: second }),
                List::Opinions => r.opinions.push(Opinion { who: first, what: second }),
                List::Recommendations => r.recommendations.push(Recommendation { to: first, what: second }),
            }
            Ok(())
        }),
        ReviewListCommand::Remove { target, number } => edit(ctx, &target, None, |r| {
            let len = match which {
                List::Attendees => r.attendees.len(),
                List::Opinions => r.opinions.len(),
                List::Recommendations => r.recommendations.len(),
            };
            if number == 0 || number > len {
                return Err(invalid("number", "review.no_item", lang));
            }
            match which {
                List::Attendees => drop(r.attendees.remove(number - 1)),
                List::Opinions => drop(r.opinions.remove(number - 1)),
                List::Recommendations => drop(r.recommendations.remove(number - 1)),
            }
            Ok(())
        }),
    }
}

fn label(key: &str, lang: Lang) -> String {
    heading(key).map_or_else(|| key.to_owned(), |h| h.label.get(lang).to_owned())
}

fn show(ctx: &Ctx, target: &ReviewTarget, mine: bool) -> Result<(), Failure> {
    let lang = ctx.lang;
    let core = |e| Failure::core(e, lang);
    let store = ctx.open()?;
    let (plan, code) = resolve(&store, target, lang)?;
    let commune = vieclam_core::places::commune(&code).map_or_else(|| code.clone(), |c| c.name.clone());
    if mine {
        println!("{} — {commune}", msg::MINE.get(lang).to_uppercase());
        let Some(r) = reviews::mine(&store, &plan, &code).map_err(core)? else {
            println!("{}", msg::NONE_YET.get(lang));
            return Ok(());
        };
        println!("{}: {}", msg::HELD_ON.get(lang), date(r.held_on));
        for n in &r.headings {
            println!("\n{} [{}]\n  {}", label(&n.key, lang), n.rating.label().get(lang), n.text.replace('\n', "\n  "));
        }
        let numbered = |title: &str, items: Vec<(String, String)>| {
            println!("\n{title}");
            for (i, (a, b)) in items.iter().enumerate() {
                println!("  {}. {a} — {b}", i + 1);
            }
        };
        numbered(msg::ATTENDEES.get(lang), r.attendees.into_iter().map(|a| (a.name, a.role)).collect());
        numbered(msg::OPINIONS.get(lang), r.opinions.into_iter().map(|o| (o.who, o.what)).collect());
        numbered(msg::RECOMMENDATIONS.get(lang), r.recommendations.into_iter().map(|x| (x.to, x.what)).collect());
        return Ok(());
    }
    let me = author(&store).ok();
    let merged = reviews::merged_of(&store, &plan, &code).map_err(core)?;
    println!("{} — {commune}", msg::TITLE.get(lang).to_uppercase());
    if merged.is_empty() {
        println!("{}", msg::NONE_YET.get(lang));
        return Ok(());
    }
    println!("{}", msg::CONTRIBUTORS.fill(lang, &[("n", &merged.contributors.len().to_string())]));
    let who = |author: &str| {
        if me.as_deref() == Some(author) { msg::ME.get(lang) } else { msg::TEAMMATE.get(lang) }
    };
    for h in &merged.headings {
        println!("\n{}", label(&h.key, lang));
        if h.contributions.is_empty() {
            println!("  {}", msg::NOTHING.get(lang));
        }
        for c in &h.contributions {
            println!("  - [{}] ({}) {}", c.rating.label().get(lang), who(&c.author), c.text.replace('\n', "\n    "));
        }
    }
    for (title, items) in [
        (msg::ATTENDEES, merged.attendees.iter().map(|a| format!("{} — {}", a.name, a.role)).collect::<Vec<_>>()),
        (msg::OPINIONS, merged.opinions.iter().map(|o| format!("{} — {}", o.who, o.what)).collect()),
        (msg::RECOMMENDATIONS, merged.recommendations.iter().map(|x| format!("{} — {}", x.to, x.what)).collect()),
    ] {
        println!("\n{}", title.get(lang));
        for item in items {
            println!("  - {item}");
        }
    }
    Ok(())
}
