//! Site checks: where the inspector stood (fixes and verdicts), the plot they walked, and the check's lifecycle
//! from start to a locked, signed record.

pub mod checklist;
pub mod commune;
pub mod findings;
pub mod fix;
pub mod lifecycle;
pub mod lookup;
pub mod minutes;
pub mod minutes_html;
pub mod plot_walk;
pub mod settings;
pub mod verdict;
pub mod walk;
