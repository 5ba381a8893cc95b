//! The commune review (đánh giá tại xã): at each commune of an inspection plan the team holds a review meeting,
//! and each inspector records, under the headings of the report to the province, a rating and what they found,
//! with who attended, the opinions heard and the team's recommendations. [`store`] keeps them on the device, signed
//! and queued to go up like a site check.
//!
//! Each inspector writes their own record ([`CommuneReview`], one per author per plan per commune, see
//! [`record`]); the office and the devices read the records of a commune combined by [`merge`], which keeps every
//! contributor's words side by side. [`validate`] holds the rules the device and the server both apply; [`form`] the
//! form's own rules, which both apps follow.

pub mod form;
pub mod headings;
pub mod merge;
pub mod record;
pub mod store;
pub mod validate;

pub use headings::{HEADINGS, Heading, Rating, heading};
pub use merge::{Contribution, Contributor, MergedHeading, MergedReview, merge};
pub use record::{Attendee, CommuneReview, HeadingNote, Opinion, Recommendation, ReviewRecord, review_id};

/// Outbox entity (and server record kind) of a commune review.
pub const ENTITY_REVIEW: &str = "commune_review";
