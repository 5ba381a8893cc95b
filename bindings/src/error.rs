//! The public error of the FFI: a small enum whose variants are things the app can act on.
//!
//! The core's [`vieclam_core::Error`] has more kinds than an app can tell apart on screen; each variant here passes
//! the test "would the app do something different for this kind alone?" (ask for the key again, offer to restore a
//! backup, ask to update the app, show the form's problems). Everything else is [`VieclamError::Other`] with the
//! core's stable code, so apps branch on codes, never on message strings.

use vieclam_core::error::{INVALID, NOT_FOUND};
use vieclam_core::messages::{Text, checks, evidence_signing, sync};
use vieclam_core::sync::ServerRefusal;
use vieclam_core::{Error, FieldError, Lang};

use crate::types::Language;

/// One form field that failed validation, with a stable code and a message in both languages.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct FieldProblem {
    /// The form field, e.g. `id_number`, `phone`.
    pub field: String,
    /// Stable code, e.g. `cccd.province_unknown`.
    pub code: String,
    /// What a person reads, in Vietnamese.
    pub message_vi: String,
    /// What a person reads, in English.
    pub message_en: String,
}

/// What can go wrong in a call to the core. Kotlin sees it as `VieclamException`, Swift as `VieclamError`.
// Not the core's `SyncError` (nor its `Error`): this is the one error of every call, store, sync and binding alike,
// keeping only the kinds an app acts on and folding the rest into `Other` with the core's code; `SyncError` also
// wraps the store's `Error`, which no FFI type can carry. What the server said is the core's own `ServerRefusal`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum VieclamError {
    /// The key does not open this store (for example the keystore was reset): ask for the key again or restore.
    #[error("the key does not open this database")]
    WrongKey,
    /// The store file is damaged or truncated; nothing was changed. Offer to restore a backup.
    #[error("the database file is damaged or truncated: {detail}")]
    Corrupt {
        /// What was found wrong, for logs and bug reports.
        detail: String,
    },
    /// The store was written by a newer version of the app: ask the user to update.
    #[error("the database was written by a newer version of the app")]
    SchemaTooNew,
    /// No record of kind `entity` with this `id`.
    #[error("{entity} {id} not found")]
    NotFound {
        /// Kind of record, e.g. `loan`.
        entity: String,
        /// The id that was asked for.
        id: String,
    },
    /// This device has no signing identity yet: call `enrol_device()` (once, after the key is in the keystore),
    /// then repeat the call. Checks cannot be recorded, nor evidence verified, without it.
    #[error("this device is not enrolled: it has no signing key")]
    NotEnrolled,
    /// The site check is finished and locked: it takes no more answers or photos. Correct it by a new revision.
    #[error("the site check is finished and locked")]
    Locked,
    /// The input failed validation, field by field; nothing was written. Show each problem next to its field.
    #[error("invalid input in {} field(s)", fields.len())]
    Invalid {
        /// Every problem found, in form order.
        fields: Vec<FieldProblem>,
    },
    /// The server could not be reached; the data is safe on the device. Retry later (the scheduler does).
    #[error("the server could not be reached")]
    Offline,
    /// The server refused the session or the credentials: ask the user to sign in again. The refusal's code is the
    /// server's (`auth.expired_token`, `auth.bad_credentials`, …), its sentences end with "sign in again".
    #[error("unauthorized: {}", refusal.code)]
    Unauthorized {
        /// The server's code and what a person reads.
        refusal: ServerRefusal,
    },
    /// The sync was cancelled; what it committed before stays.
    #[error("cancelled")]
    Cancelled,
    /// Anything else: a stable `code` (e.g. `store.database`, `io`, `bad_argument`) and one sentence for a person
    /// in each language, including any technical detail.
    // Not a single `message` field: in Kotlin it would clash with `Throwable.message`.
    #[error("{code}: {message_en}")]
    Other {
        /// The core's stable error code.
        code: String,
        /// What a person reads, in Vietnamese.
        message_vi: String,
        /// What a person reads, in English.
        message_en: String,
    },
}

impl VieclamError {
    /// A validation failure of one `field`, found by the binding itself (a date that is not a date).
    pub(crate) fn invalid(field: &str, code: &str, message: Text) -> Self {
        VieclamError::Invalid {
            fields: vec![FieldProblem {
                field: field.to_owned(),
                code: code.to_owned(),
                message_vi: message.get(Lang::Vi).to_owned(),
                message_en: message.get(Lang::En).to_owned(),
            }],
        }
    }

    /// An error for a failure of the binding itself (such as a poisoned lock), with a stable `code`.
    pub(crate) fn other(code: &str, message: Text) -> Self {
        VieclamError::Other {
            code: code.to_owned(),
            message_vi: message.get(Lang::Vi).to_owned(),
            message_en: message.get(Lang::En).to_owned(),
        }
    }
}

/// The entity the core names when the device's signing identity is missing.
const DEVICE_IDENTITY: &str = "device_identity";
/// The code of a refused step on a finished check.
const LOCKED_CODE: &str = "check.locked";

impl From<FieldError> for FieldProblem {
    fn from(e: FieldError) -> Self {
        FieldProblem {
            field: e.field,
            code: e.code,
            message_vi: e.message.get(Lang::Vi).to_owned(),
            message_en: e.message.get(Lang::En).to_owned(),
        }
    }
}

impl From<Error> for VieclamError {
    fn from(e: Error) -> Self {
        match e {
            Error::WrongKey => VieclamError::WrongKey,
            Error::Corrupt(detail) => VieclamError::Corrupt { detail },
            Error::SchemaTooNew { .. } => VieclamError::SchemaTooNew,
            // The signing chain reports a missing identity as a missing record; the app's answer is to enrol.
            Error::NotFound { entity: DEVICE_IDENTITY, .. } => VieclamError::NotEnrolled,
            Error::NotFound { entity, id } => VieclamError::NotFound { entity: entity.to_owned(), id },
            // The lifecycle refuses a step on a finished check as a one-field refusal with this code.
            Error::Invalid(fields) if fields.iter().any(|f| f.code == LOCKED_CODE) => VieclamError::Locked,
            Error::Invalid(fields) => VieclamError::Invalid { fields: fields.into_iter().map(Into::into).collect() },
            other => VieclamError::Other {
                code: other.code().to_owned(),
                message_vi: other.message(Lang::Vi),
                message_en: other.message(Lang::En),
            },
        }
    }
}

/// What a person reads about `error`, in `language`, from the core's catalogue: what the apps show in a banner or
/// beside a button. Field problems come as their sentences in form order; a screen with the fields shows each
/// beside its field instead.
#[uniffi::export]
pub fn error_message(error: VieclamError, language: Language) -> String {
    let lang = Lang::from(language);
    let pick = |vi: &str, en: &str| if lang == Lang::Vi { vi.to_owned() } else { en.to_owned() };
    match error {
        VieclamError::WrongKey => Error::WrongKey.message(lang),
        VieclamError::Corrupt { detail } => Error::Corrupt(detail).message(lang),
        VieclamError::SchemaTooNew => Error::SchemaTooNew { found: 0, supported: 0 }.message(lang),
        VieclamError::NotFound { entity, id } => NOT_FOUND.fill(lang, &[("entity", &entity), ("id", &id)]),
        VieclamError::NotEnrolled => evidence_signing::NOT_ENROLLED.get(lang).to_owned(),
        VieclamError::Locked => checks::LOCKED.get(lang).to_owned(),
        // Each field's own sentence, in form order: a person reads them without the field codes.
        VieclamError::Invalid { fields } if !fields.is_empty() => {
            fields.iter().map(|f| pick(&f.message_vi, &f.message_en)).collect::<Vec<_>>().join(" ")
        }
        VieclamError::Invalid { .. } => INVALID.fill(lang, &[("fields", "—")]),
        VieclamError::Offline => sync::OFFLINE.get(lang).to_owned(),
        VieclamError::Unauthorized { refusal } => refusal.message(lang).to_owned(),
        VieclamError::Other { message_vi, message_en, .. } => pick(&message_vi, &message_en),
        VieclamError::Cancelled => sync::CANCELLED.get(lang).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vieclam_core::t;

    #[test]
    fn actionable_core_errors_keep_their_kind() {
        assert_eq!(VieclamError::from(Error::WrongKey), VieclamError::WrongKey);
        assert_eq!(
            VieclamError::from(Error::Corrupt("12 bytes".into())),
            VieclamError::Corrupt { detail: "12 bytes".into() }
        );
        assert_eq!(VieclamError::from(Error::SchemaTooNew { found: 9, supported: 3 }), VieclamError::SchemaTooNew);
        assert_eq!(
            VieclamError::from(Error::NotFound { entity: "loan", id: "L-7".into() }),
            VieclamError::NotFound { entity: "loan".into(), id: "L-7".into() }
        );
    }

    #[test]
    fn a_missing_identity_and_a_locked_check_are_their_own_kinds() {
        let missing = Error::NotFound { entity: "device_identity", id: "dev-1".into() };
        assert_eq!(VieclamError::from(missing), VieclamError::NotEnrolled);
        let locked = Error::Invalid(vec![FieldError {
            field: "check".into(),
            code: "check.locked".into(),
            message: t!("Đã khoá.", "Locked."),
        }]);
        assert_eq!(VieclamError::from(locked), VieclamError::Locked);
    }

    #[test]
    fn field_problems_carry_both_languages() {
        let core = Error::Invalid(vec![FieldError {
            field: "phone".into(),
            code: "phone.invalid".into(),
            message: t!("Số điện thoại không hợp lệ.", "The phone number is not valid."),
        }]);
        let VieclamError::Invalid { fields } = VieclamError::from(core) else { panic!("expected Invalid") };
        assert_eq!(
            fields,
            vec![FieldProblem {
                field: "phone".into(),
                code: "phone.invalid".into(),
                message_vi: "Số điện thoại không hợp lệ.".into(),
                message_en: "The phone number is not valid.".into(),
            }]
        );
    }

    #[test]
    fn other_errors_keep_the_core_code_and_both_sentences() {
        let e = VieclamError::from(Error::BadArgument("a raw key is 32 bytes, not 3".into()));
        assert_eq!(
            e,
            VieclamError::Other {
                code: "bad_argument".into(),
                message_vi: "Yêu cầu không hợp lệ: a raw key is 32 bytes, not 3.".into(),
                message_en: "Invalid request: a raw key is 32 bytes, not 3.".into(),
            }
        );
    }

    #[test]
    fn every_error_reads_as_a_sentence_in_the_language_asked_for() {
        let invalid = VieclamError::Invalid {
            fields: vec![FieldProblem {
                field: "password".into(),
                code: "password.too_short".into(),
                message_vi: "Mật khẩu cần ít nhất 8 ký tự.".into(),
                message_en: "The password needs at least 8 characters.".into(),
            }],
        };
        assert_eq!(error_message(invalid.clone(), Language::Vi), "Mật khẩu cần ít nhất 8 ký tự.");
        assert_eq!(error_message(invalid, Language::En), "The password needs at least 8 characters.");
        let refused = VieclamError::Unauthorized {
            refusal: ServerRefusal {
                code: "auth.bad_credentials".into(),
                message_vi: "Sai tên đăng nhập hoặc mật khẩu.".into(),
                message_en: "Wrong user name or password.".into(),
            },
        };
        assert_eq!(error_message(refused, Language::Vi), "Sai tên đăng nhập hoặc mật khẩu.");
        assert_eq!(error_message(VieclamError::Offline, Language::Vi), sync::OFFLINE.get(Lang::Vi));
        assert_eq!(error_message(VieclamError::Locked, Language::En), checks::LOCKED.get(Lang::En));
        assert_eq!(
            error_message(VieclamError::NotFound { entity: "loan".into(), id: "L-7".into() }, Language::En),
            "loan L-7 was not found."
        );
        // No variant falls back to a debug dump of itself.
        for e in
            [VieclamError::WrongKey, VieclamError::SchemaTooNew, VieclamError::NotEnrolled, VieclamError::Cancelled]
        {
            let text = error_message(e, Language::Vi);
            assert!(text.ends_with('.') && !text.contains('{'), "{text}");
        }
    }
}
