//! Search without diacritics over borrowers, communes and programmes: "dinh lap" finds "Đình Lập", "hoa" finds
//! both "Hòa" and "Hoà". Ranked by FTS5's bm25 with names weighted above places, then paged.

use rusqlite::params;

use crate::error::Result;
use crate::fold;
use crate::store::Store;

/// What a search may return.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SearchKind {
    /// A borrower (matched by name, commune or agreement number).
    Borrower,
    /// A commune or ward.
    Commune,
    /// A job programme.
    Programme,
}

impl SearchKind {
    fn as_str(self) -> &'static str {
        match self {
            SearchKind::Borrower => "borrower",
            SearchKind::Commune => "commune",
            SearchKind::Programme => "programme",
        }
    }

    fn parse(s: &str) -> SearchKind {
        match s {
            "borrower" => SearchKind::Borrower,
            "commune" => SearchKind::Commune,
            _ => SearchKind::Programme,
        }
    }
}

/// One hit: which record, and how well it matched (lower is better).
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Kind of record.
    pub kind: SearchKind,
    /// Its id (commune code for communes).
    pub id: String,
    /// bm25 score; lower ranks first.
    pub rank: f64,
}

/// A page of hits and whether more follow.
#[derive(Clone, Debug, PartialEq)]
pub struct HitPage {
    /// The hits of this page, best first.
    pub hits: Vec<Hit>,
    /// Whether another page exists.
    pub has_more: bool,
}

/// Builds the FTS5 query: every folded token must match as a prefix ("dinh lap" → `"dinh"* "lap"*`). Tokens are
/// quoted, so nothing a person types can reach FTS5's query syntax.
pub fn match_expression(query: &str) -> Option<String> {
    let tokens = fold::tokens(query);
    if tokens.is_empty() {
        return None;
    }
    Some(tokens.iter().map(|t| format!("\"{t}\"*")).collect::<Vec<_>>().join(" "))
}

/// The same tokens as one phrase ("dinh lap" → `"dinh lap"*`): records holding the words side by side, as in a
/// commune's or a person's name, rank above records that hold them apart.
pub fn phrase_expression(query: &str) -> Option<String> {
    let tokens = fold::tokens(query);
    (tokens.len() > 1).then(|| format!("\"{}\"*", tokens.join(" ")))
}

/// Searches `kinds` (all kinds when empty) for `query`; page `page` (0-based) of `page_size`.
pub fn search(store: &Store, query: &str, kinds: &[SearchKind], page: u32, page_size: u32) -> Result<HitPage> {
    let Some(expr) = match_expression(query) else {
        return Ok(HitPage { hits: Vec::new(), has_more: false });
    };
    let kind_filter = if kinds.is_empty() {
        String::new()
    } else {
        let list: Vec<String> = kinds.iter().map(|k| format!("'{}'", k.as_str())).collect();
        format!("AND kind IN ({})", list.join(", "))
    };
    let phrase = phrase_expression(query);
    let tier = if phrase.is_some() {
        "(rowid IN (SELECT rowid FROM search_index WHERE search_index MATCH ?4)) DESC,"
    } else {
        ""
    };
    let sql = format!(
        "SELECT kind, ref, bm25(search_index, 10.0, 1.0) AS score FROM search_index
         WHERE search_index MATCH ?1 {kind_filter}
         ORDER BY {tier} score, name, ref LIMIT ?2 OFFSET ?3"
    );
    let mut stmt = store.conn().prepare_cached(&sql)?;
    let limit = page_size.max(1) as i64;
    let offset = page as i64 * limit;
    let map = |r: &rusqlite::Row| {
        Ok(Hit { kind: SearchKind::parse(&r.get::<_, String>(0)?), id: r.get(1)?, rank: r.get(2)? })
    };
    let mut hits: Vec<Hit> = match &phrase {
        Some(p) => stmt.query_map(params![expr, limit + 1, offset, p], map)?.collect::<rusqlite::Result<_>>()?,
        None => stmt.query_map(params![expr, limit + 1, offset], map)?.collect::<rusqlite::Result<_>>()?,
    };
    let has_more = hits.len() as i64 > limit;
    hits.truncate(limit as usize);
    Ok(HitPage { hits, has_more })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_folded_prefixes_and_quoted() {
        assert_eq!(match_expression("Đình Lập").as_deref(), Some("\"dinh\"* \"lap\"*"));
        assert_eq!(match_expression("hoà").as_deref(), Some("\"hoa\"*"));
        assert_eq!(match_expression("\" OR * NEAR(").as_deref(), Some("\"or\"* \"near\"*"));
        assert_eq!(match_expression("  "), None);
        assert_eq!(phrase_expression("Đình  Lập").as_deref(), Some("\"dinh lap\"*"));
        assert_eq!(phrase_expression("hoa"), None);
    }
}
