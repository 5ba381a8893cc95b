//! Folding Vietnamese text for search without diacritics.
//!
//! "Đình Lập", "dinh lap" and "ĐÌNH LẬP" all fold to `dinh lap`; "Hòa" and "Hoà" (the two tone placements found in
//! real records) both fold to `hoa`. The recipe is the one in docs/domain.md: NFD, drop combining marks, then map đ/Đ to d
//! by hand because they are letters of their own and do not decompose.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds `text` to lowercase ASCII-ish search form: no diacritics, `đ` → `d`, runs of whitespace and punctuation
/// collapsed to one space, trimmed.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c,
        };
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

/// Splits a user's query into folded tokens, dropping empties: the unit the search index matches on.
pub fn tokens(query: &str) -> Vec<String> {
    fold(query).split(' ').filter(|t| !t.is_empty()).map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn folds_vietnamese_names() {
        assert_eq!(fold("Đình Lập"), "dinh lap");
        assert_eq!(fold("ĐÌNH LẬP"), "dinh lap");
        assert_eq!(fold("Hòa"), fold("Hoà"));
        assert_eq!(fold("Hòa"), "hoa");
        assert_eq!(fold("Nguyễn Thị Hằng"), "nguyen thi hang");
        assert_eq!(fold("  Lộc  Bình, xã "), "loc binh xa");
        assert_eq!(fold("Tràng Định"), "trang dinh");
    }

    #[test]
    fn precomposed_and_decomposed_input_fold_alike() {
        let decomposed: String = "Lạng Sơn".nfd().collect();
        assert_eq!(fold(&decomposed), fold("Lạng Sơn"));
    }

    #[test]
    fn tokens_drop_empties() {
        assert_eq!(tokens(" dinh   LẬP "), vec!["dinh", "lap"]);
        assert!(tokens(" ,. ").is_empty());
    }

    proptest! {
        #[test]
        fn folding_is_idempotent(s in "\\PC{0,40}") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once.clone());
        }

        #[test]
        fn folded_text_has_no_combining_marks_or_d_stroke(s in "\\PC{0,40}") {
            let f = fold(&s);
            prop_assert!(!f.nfd().any(is_combining_mark));
            prop_assert!(!f.contains('đ') && !f.contains('Đ'));
        }
    }
}
