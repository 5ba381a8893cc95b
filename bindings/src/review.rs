//! The commune review (đánh giá tại xã) through the FFI: the headings and ratings to build the form, the signed-in
//! inspector's own review of a plan's commune to edit and save (validated, signed and queued by the core), and the
//! reviews of the whole team for that commune, merged by the core, to read.

use vieclam_core::review::{self as core, Rating, store};

use crate::error::VieclamError;
use crate::store::VieclamStore;
use crate::types::{Language, day, instant, iso_day};

/// A rating, as the form offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum ReviewRating {
    /// Tốt.
    Good,
    /// Khá.
    Fair,
    /// Yếu.
    Weak,
    /// Chưa đánh giá.
    NotAssessed,
}

impl From<Rating> for ReviewRating {
    fn from(r: Rating) -> Self {
        match r {
            Rating::Good => ReviewRating::Good,
            Rating::Fair => ReviewRating::Fair,
            Rating::Weak => ReviewRating::Weak,
            Rating::NotAssessed => ReviewRating::NotAssessed,
        }
    }
}

impl From<ReviewRating> for Rating {
    fn from(r: ReviewRating) -> Self {
        match r {
            ReviewRating::Good => Rating::Good,
            ReviewRating::Fair => Rating::Fair,
            ReviewRating::Weak => Rating::Weak,
            ReviewRating::NotAssessed => Rating::NotAssessed,
        }
    }
}

/// One heading of the review, in the report's order.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct ReviewHeading {
    /// Stable key (`leadership`, `targeting`, …).
    pub key: String,
    /// The heading.
    pub label: String,
    /// What to write under it.
    pub hint: String,
}

/// A rating with its label, for the form's choice.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct ReviewRatingOption {
    /// The rating.
    pub rating: ReviewRating,
    /// "Tốt".
    pub label: String,
}

/// What the inspector wrote under one heading.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct ReviewNote {
    /// The heading's key.
    pub key: String,
    /// The rating.
    pub rating: ReviewRating,
    /// The text.
    pub text: String,
}

/// Someone at the meeting.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct ReviewAttendee {
    /// Full name.
    pub name: String,
    /// Function and organisation.
    pub role: String,
}

/// An opinion heard.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct ReviewOpinion {
    /// Who said it.
    pub who: String,
    /// What they said.
    pub what: String,
}

/// A recommendation.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct ReviewRecommendation {
    /// To whom.
    pub to: String,
    /// What.
    pub what: String,
}

/// The inspector's own review of a commune: what the form shows and sends back whole to `save_review`.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct MyReview {
    /// The meeting day (ISO `yyyy-MM-dd`).
    pub held_on: String,
    /// One note per heading written, in the report's order.
    pub notes: Vec<ReviewNote>,
    /// Attendees.
    pub attendees: Vec<ReviewAttendee>,
    /// Opinions heard.
    pub opinions: Vec<ReviewOpinion>,
    /// Recommendations.
    pub recommendations: Vec<ReviewRecommendation>,
}

/// One contributor's words under a heading.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct ReviewContribution {
    /// Who wrote it: the signed-in inspector's own name, or "Thành viên đoàn" for a teammate (the device holds no
    /// other account's name).
    pub author: String,
    /// Whether the signed-in inspector wrote it.
    pub mine: bool,
    /// The rating.
    pub rating: ReviewRating,
    /// The rating in words.
    pub rating_label: String,
    /// The text.
    pub text: String,
}

/// A heading with every contribution.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct ReviewHeadingView {
    /// Key.
    pub key: String,
    /// The heading.
    pub label: String,
    /// Every contribution, by author.
    pub contributions: Vec<ReviewContribution>,
}

/// The team's reviews of a commune, merged: nothing of anyone's is left out.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct MergedReviewView {
    /// "Đánh giá tại xã".
    pub title: String,
    /// Commune name.
    pub commune_name: String,
    /// How many inspectors contributed.
    pub contributors: u32,
    /// Every heading of the report, in order.
    pub headings: Vec<ReviewHeadingView>,
    /// Attendees, each once.
    pub attendees: Vec<ReviewAttendee>,
    /// Opinions, each once.
    pub opinions: Vec<ReviewOpinion>,
    /// Recommendations, each once.
    pub recommendations: Vec<ReviewRecommendation>,
    /// What to show when nobody has written anything yet.
    pub empty_text: String,
}

/// The review's headings in the report's order, in `lang`.
#[uniffi::export]
pub fn review_headings(lang: Language) -> Vec<ReviewHeading> {
    core::HEADINGS
        .iter()
        .map(|h| ReviewHeading {
            key: h.key.to_owned(),
            label: h.label.get(lang.into()).to_owned(),
            hint: h.hint.get(lang.into()).to_owned(),
        })
        .collect()
}

/// The ratings, best first, with their labels in `lang`.
#[uniffi::export]
pub fn review_ratings(lang: Language) -> Vec<ReviewRatingOption> {
    Rating::ALL
        .iter()
        .map(|r| ReviewRatingOption { rating: (*r).into(), label: r.label().get(lang.into()).to_owned() })
        .collect()
}

fn mine_view(r: core::CommuneReview) -> MyReview {
    MyReview {
        held_on: iso_day(r.held_on),
        notes: r
            .headings
            .into_iter()
            .map(|n| ReviewNote { key: n.key, rating: n.rating.into(), text: n.text })
            .collect(),
        attendees: r.attendees.into_iter().map(|a| ReviewAttendee { name: a.name, role: a.role }).collect(),
        opinions: r.opinions.into_iter().map(|o| ReviewOpinion { who: o.who, what: o.what }).collect(),
        recommendations: r
            .recommendations
            .into_iter()
            .map(|x| ReviewRecommendation { to: x.to, what: x.what })
            .collect(),
    }
}

#[uniffi::export]
impl VieclamStore {
    /// The signed-in inspector's own review of `commune_code` under `plan_id`, or `None` before they write one.
    /// `Invalid` (`review.not_signed_in`) without a session.
    pub fn my_review(&self, plan_id: String, commune_code: String) -> Result<Option<MyReview>, VieclamError> {
        Ok(self.with(|s| store::mine(s, &plan_id, &commune_code))?.map(mine_view))
    }

    /// Saves `review` as the signed-in inspector's review of `commune_code` under `plan_id` at `now` (RFC 3339):
    /// it replaces their earlier one, is signed into the device's chain and goes up at the next sync. `Invalid` with
    /// every problem (`review.heading_unknown`, `review.too_long`, `review.control_char`, `review.not_in_plan`, …,
    /// field = `headings[2].text`, `attendees[0].name`…), `NotEnrolled` before `enrol_device()`.
    pub fn save_review(
        &self,
        plan_id: String,
        commune_code: String,
        review: MyReview,
        now: String,
    ) -> Result<(), VieclamError> {
        let held_on = day("held_on", &review.held_on)?;
        let now = instant("now", &now)?;
        self.with(|s| {
            let signer = crate::checks::identity(s)?;
            let author = store::author(s)?;
            let mut r = core::CommuneReview::new(plan_id.trim(), commune_code.trim(), &author, held_on);
            r.headings = review
                .notes
                .into_iter()
                .map(|n| core::HeadingNote { key: n.key, rating: n.rating.into(), text: n.text })
                .collect();
            r.attendees = review.attendees.into_iter().map(|a| core::Attendee { name: a.name, role: a.role }).collect();
            r.opinions = review.opinions.into_iter().map(|o| core::Opinion { who: o.who, what: o.what }).collect();
            r.recommendations =
                review.recommendations.into_iter().map(|x| core::Recommendation { to: x.to, what: x.what }).collect();
            store::save(s, &signer, &r, now).map(|_| ())
        })
    }

    /// Every review of `commune_code` under `plan_id` on the device (the inspector's own and the teammates' that
    /// came down in a sync), merged, in `lang`. `NotFound` for a commune of no plan on the device.
    pub fn merged_review(
        &self,
        plan_id: String,
        commune_code: String,
        lang: Language,
    ) -> Result<MergedReviewView, VieclamError> {
        let lang = vieclam_core::Lang::from(lang);
        let (merged, me) = self.with(|s| {
            store::require_plan_commune(s, &plan_id, &commune_code)?;
            let me = vieclam_core::sync::state::stored_session(s)?.map(|s| (s.account_id, s.display_name));
            Ok((store::merged_of(s, &plan_id, &commune_code)?, me))
        })?;
        let teammate = vieclam_core::messages::review::TEAMMATE_AUTHOR.get(lang);
        let author = |id: &str| match &me {
            Some((mine, name)) if mine == id => (name.clone(), true),
            _ => (teammate.to_owned(), false),
        };
        let msg = &vieclam_core::messages::review::TITLE;
        Ok(MergedReviewView {
            title: msg.get(lang).to_owned(),
            commune_name: vieclam_core::places::commune(&commune_code)
                .map_or_else(|| commune_code.clone(), |c| c.name.clone()),
            contributors: merged.contributors.len() as u32,
            headings: merged
                .headings
                .iter()
                .map(|h| ReviewHeadingView {
                    key: h.key.clone(),
                    label: core::heading(&h.key).map_or_else(|| h.key.clone(), |k| k.label.get(lang).to_owned()),
                    contributions: h
                        .contributions
                        .iter()
                        .map(|c| {
                            let (name, mine) = author(&c.author);
                            ReviewContribution {
                                author: name,
                                mine,
                                rating: c.rating.into(),
                                rating_label: c.rating.label().get(lang).to_owned(),
                                text: c.text.clone(),
                            }
                        })
                        .collect(),
                })
                .collect(),
            attendees: merged
                .attendees
                .iter()
                .map(|a| ReviewAttendee { name: a.name.clone(), role: a.role.clone() })
                .collect(),
            opinions: merged
                .opinions
                .iter()
                .map(|o| ReviewOpinion { who: o.who.clone(), what: o.what.clone() })
                .collect(),
            recommendations: merged
                .recommendations
                .iter()
                .map(|x| ReviewRecommendation { to: x.to.clone(), what: x.what.clone() })
                .collect(),
            empty_text: vieclam_core::messages::review::NONE_YET.get(lang).to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signed_in_store() -> (tempfile::TempDir, std::sync::Arc<VieclamStore>, String, String) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("v.db").to_string_lossy().into_owned();
        let store = VieclamStore::open(path, vec![5; 32]).expect("open");
        store.load_demo(100, 3, "2025-10-20".into()).expect("demo");
        store.enrol_device().expect("enrol");
        let (plan, commune) = store
            .with(|s| {
                let session = vieclam_core::sync::StoredSession {
                    server_url: "http://127.0.0.1:1".into(),
                    token: "t".into(),
                    expires_at: "2030-01-01T00:00:00Z".into(),
                    account_id: "acc-me".into(),
                    role: vieclam_core::sync::wire::Role::Inspector,
                    display_name: "Hoàng Văn Minh".into(),
                    username: None,
                };
                vieclam_core::sync::state::keep_session(s, &session)?;
                let plan = vieclam_core::query::plan(s, None, vieclam_core::Lang::Vi)?;
                Ok((plan.plan_id, plan.communes[0].commune_code.clone()))
            })
            .expect("session");
        (dir, store, plan, commune)
    }

    #[test]
    fn the_form_saves_my_review_and_the_team_view_shows_it() {
        let (_d, store, plan, commune) = signed_in_store();
        assert_eq!(review_headings(Language::Vi).len(), 7);
        assert_eq!(review_ratings(Language::En)[0].label, "Good");
        assert_eq!(store.my_review(plan.clone(), commune.clone()).expect("read"), None);
        let mine = MyReview {
            held_on: "2025-10-14".into(),
            notes: vec![ReviewNote {
                key: "leadership".into(),
                rating: ReviewRating::Good,
                text: "Họp đủ thôn.".into(),
            }],
            attendees: vec![ReviewAttendee { name: "Hoàng Văn Lân".into(), role: "Chủ tịch UBND xã".into() }],
            opinions: vec![],
            recommendations: vec![ReviewRecommendation {
                to: "UBND xã".into(), what: "Niêm yết thủ tục.".into()
            }],
        };
        store
            .save_review(plan.clone(), commune.clone(), mine.clone(), "2025-10-14T08:30:00+07:00".into())
            .expect("saved");
        assert_eq!(store.my_review(plan.clone(), commune.clone()).expect("read"), Some(mine.clone()));
        let view = store.merged_review(plan.clone(), commune.clone(), Language::Vi).expect("view");
        assert_eq!(view.contributors, 1);
        let lead = &view.headings[0];
        assert_eq!((lead.key.as_str(), lead.contributions.len()), ("leadership", 1));
        assert_eq!(
            (
                lead.contributions[0].author.as_str(),
                lead.contributions[0].mine,
                lead.contributions[0].rating_label.as_str()
            ),
            ("Hoàng Văn Minh", true, "Tốt")
        );
        // A bad note is refused field by field, and nothing changes.
        let mut bad = mine.clone();
        bad.notes.push(ReviewNote { key: "weather".into(), rating: ReviewRating::Fair, text: String::new() });
        let Err(VieclamError::Invalid { fields }) =
            store.save_review(plan.clone(), commune.clone(), bad, "2025-10-14T09:00:00+07:00".into())
        else {
            panic!("refused")
        };
        assert_eq!((fields[0].field.as_str(), fields[0].code.as_str()), ("headings[1].key", "review.heading_unknown"));
        assert_eq!(store.my_review(plan.clone(), commune.clone()).expect("read"), Some(mine));
        assert!(matches!(store.merged_review(plan, "00000".into(), Language::Vi), Err(VieclamError::NotFound { .. })));
    }
}
