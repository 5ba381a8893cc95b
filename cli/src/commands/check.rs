//! `vieclam check …`: a site check from the terminal, signed by this desktop's device key (made at first use).

use chrono::Utc;
use vieclam_core::checks::checklist::{QUESTIONS, QuestionKind};
use vieclam_core::checks::fix::Fix;
use vieclam_core::checks::lifecycle::{self as lc, CheckVerdict, take_photo};
use vieclam_core::checks::lookup;
use vieclam_core::checks::settings::CheckSettings;
use vieclam_core::checks::verdict::{SiteGeometry, verdict};
use vieclam_core::evidence::photo::PhotoStore;
use vieclam_core::evidence::signing::enrol;
use vieclam_core::messages::cli as m;

use super::Ctx;
use super::parse;
use crate::Failure;
use crate::args::CheckCommand;

/// Runs one check command.
pub fn run(ctx: &Ctx, action: CheckCommand) -> Result<(), Failure> {
    let lang = ctx.lang;
    let core = |e| Failure::core(e, lang);
    let mut store = ctx.open()?;
    match action {
        CheckCommand::Start { site, at, accuracy, altitude, mock } => {
            let (lat, lon) = parse::point(&at).ok_or_else(|| Failure(m::BAD_POINT.fill(lang, &[("text", &at)])))?;
            let identity = enrol(&mut store).map_err(core)?;
            let site = lookup::site(&store, &site).map_err(core)?;
            let now = Utc::now();
            let fix = Fix {
                lat,
                lon,
                accuracy_m: accuracy,
                altitude_m: altitude,
                time: now,
                provider: "manual".into(),
                satellites: None,
                mocked: mock,
            };
            fix.check().map_err(|e| Failure(e.message(lang)))?;
            let v = verdict(&fix, &SiteGeometry::from(&site), &CheckSettings::default());
            let id = lc::start(&mut store, &identity, &site.id, &fix, &CheckVerdict::from(&v), now).map_err(core)?;
            let detail = lc::check(&store, &id, lang).map_err(core)?;
            println!("{}", v.message(lang));
            if v.accuracy_warning.is_some() {
                println!("{}", v.accuracy_message(lang));
            }
            if let Some(outside) = v.commune_message(lang) {
                println!("{outside}");
            }
            println!("{}", m::CHECK_STARTED.fill(lang, &[("code", &detail.code), ("id", &id)]));
        }
        CheckCommand::Answer { check, key, value } => {
            let identity = enrol(&mut store).map_err(core)?;
            let id = lookup::check_id(&store, &check).map_err(core)?;
            lc::answer(&mut store, &identity, &id, &key, parse::answer(&key, &value)).map_err(core)?;
            let prompt = QUESTIONS.iter().find(|q| q.key == key).map(|q| q.prompt.get(lang)).unwrap_or(&key);
            println!("{}", m::ANSWER_SAVED.fill(lang, &[("question", prompt)]));
        }
        CheckCommand::Photo { check, file, at, accuracy } => {
            let identity = enrol(&mut store).map_err(core)?;
            let id = lookup::check_id(&store, &check).map_err(core)?;
            let bytes = std::fs::read(&file).map_err(|e| {
                Failure(m::CANNOT_READ.fill(lang, &[("path", &file.display().to_string()), ("detail", &e.to_string())]))
            })?;
            let position = match &at {
                Some(text) => {
                    Some(parse::point(text).ok_or_else(|| Failure(m::BAD_POINT.fill(lang, &[("text", text)])))?)
                }
                None => None,
            };
            let photos = PhotoStore::new(ctx.folder.join("photos"));
            let taken = take_photo(
                &mut store,
                &identity,
                &id,
                &bytes,
                position,
                accuracy,
                &photos,
                &CheckSettings::default(),
                Utc::now(),
            )
            .map_err(core)?;
            let path = photos.path(&taken.sha256).map(|p| p.display().to_string()).unwrap_or_default();
            println!(
                "{}",
                m::PHOTO_SAVED.fill(
                    lang,
                    &[
                        ("sha", &taken.sha256),
                        ("width", &taken.width.to_string()),
                        ("height", &taken.height.to_string()),
                        ("kb", &(taken.size_bytes / 1000).to_string()),
                        ("path", &path),
                    ]
                )
            );
            let flags = lc::flags_text(&taken.flags, lang);
            if !flags.is_empty() {
                println!("{}", m::PHOTO_FLAGS.fill(lang, &[("flags", &flags.join("; "))]));
            }
        }
        CheckCommand::Finish { check } => {
            let identity = enrol(&mut store).map_err(core)?;
            let id = lookup::check_id(&store, &check).map_err(core)?;
            lc::finish(&mut store, &identity, &id, Utc::now()).map_err(core)?;
            let detail = lc::check(&store, &id, lang).map_err(core)?;
            println!("{}", m::CHECK_FINISHED.fill(lang, &[("code", &detail.code)]));
        }
        CheckCommand::Show { check } => {
            let id = lookup::check_id(&store, &check).map_err(core)?;
            let d = lc::check(&store, &id, lang).map_err(core)?;
            println!("{}", d.title);
            for f in &d.fields {
                println!("  {}: {}", f.label, f.value);
            }
            for a in d.answers.iter().filter(|a| a.answered) {
                println!("  • {}: {}", a.label, a.value_text);
            }
            for p in &d.photos {
                println!(
                    "  [{}/{}] {} {} {}",
                    m::PHOTO_TAG.vi,
                    m::PHOTO_TAG.en,
                    p.sha256,
                    p.dimensions_text,
                    p.flags_text.join("; ")
                );
            }
            if !d.missing_required.is_empty() {
                println!("  ! {}", d.missing_required.join(", "));
            }
        }
        CheckCommand::Questions => {
            for q in QUESTIONS {
                let kind = match &q.kind {
                    // The kinds in the words `check answer` takes, whatever the language.
                    QuestionKind::YesNo => m::KIND_YES_NO.vi.to_owned(),
                    QuestionKind::Number { .. } => m::KIND_NUMBER.vi.to_owned(),
                    QuestionKind::Choice { options } => options.iter().map(|o| o.key).collect::<Vec<_>>().join("|"),
                    QuestionKind::Text { .. } => m::KIND_TEXT.vi.to_owned(),
                };
                println!("{:<28} {}{}  [{kind}]", q.key, q.prompt.get(lang), if q.required { " *" } else { "" });
            }
        }
    }
    Ok(())
}
