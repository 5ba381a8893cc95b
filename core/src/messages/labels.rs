//! Labels of the screens and the CLI: field names, headings, states.

use crate::messages::Text;
use crate::t;

/// Dư nợ: principal still owed.
pub const OUTSTANDING: Text = t!("Dư nợ", "Outstanding principal");
