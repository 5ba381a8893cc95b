//! Search without diacritics over borrowers, communes and programmes: "dinh lap" finds "Đình Lập", "hoa" finds
//! both "Hòa" and "Hoà". Ranked in tiers (the words as a name first, then anywhere), then paged.

use rusqlite::params;

use crate::error::Result;
use crate::fold;
use crate::store::Store;

/// What a search may return.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Hit {
    /// Kind of record.
    pub kind: SearchKind,
    /// Its id (commune code for communes).
    pub id: String,
    /// The match tier (see [`tier_expressions`]); lower ranks first.
    pub rank: f64,
}

/// A page of hits and whether more follow.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HitPage {
    /// The hits of this page, best first.
    pub hits: Vec<Hit>,
    /// Whether another page exists.
    pub has_more: bool,
}

/// The match tiers of a query, best first, each an FTS5 expression disjoint from the tiers before it:
///
/// 1. the words as one phrase in the name (one word: that exact word, so "hoa" puts Hòa before Hoàng);
/// 2. every word, as a prefix, in the name;
/// 3. the words as one phrase anywhere (a borrower living in "Đình Lập");
/// 4. every word, as a prefix, anywhere.
///
/// Within a tier, hits come in index order, which the bulk rebuild makes communes, then programmes, then borrowers
/// by folded name. Unlike a bm25 sort, every tier is read in the index's own order and stops at the page's end, so
/// a page costs the same whether a word matches ten records or fifty thousand (P4: a page of 50 in ≤ 10 ms).
pub fn tier_expressions(query: &str) -> Vec<String> {
    let tokens = fold::tokens(query);
    if tokens.is_empty() {
        return Vec::new();
    }
    let phrase = format!("\"{}\"", tokens.join(" "));
    let all = tokens.iter().map(|t| format!("\"{t}\"*")).collect::<Vec<_>>().join(" AND ");
    let name_exact = if tokens.len() == 1 { phrase.clone() } else { format!("{phrase}*") };
    let name_exact = format!("name : ({name_exact})");
    let name_all = format!("name : ({all})");
    let mut tiers = vec![name_exact.clone(), format!("({name_all}) NOT ({name_exact})")];
    if tokens.len() == 1 {
        tiers.push(format!("({all}) NOT ({name_all})"));
    } else {
        let anywhere_phrase = format!("{phrase}*");
        tiers.push(format!("({anywhere_phrase}) NOT ({name_all})"));
        tiers.push(format!("({all}) NOT (({name_all}) OR ({anywhere_phrase}))"));
    }
    tiers
}

/// Searches `kinds` (all kinds when empty) for `query`; page `page` (0-based) of `page_size`, ranked by
/// [`tier_expressions`]. A hit's `rank` is its tier (1 = best).
pub fn search(store: &Store, query: &str, kinds: &[SearchKind], page: u32, page_size: u32) -> Result<HitPage> {
    let tiers = tier_expressions(query);
    let kind_filter = if kinds.is_empty() {
        String::new()
    } else {
        let list: Vec<String> = kinds.iter().map(|k| format!("'{}'", k.as_str())).collect();
        format!("AND kind IN ({})", list.join(", "))
    };
    let rows_sql = format!(
        "SELECT kind, ref FROM search_index WHERE search_index MATCH ?1 {kind_filter} ORDER BY rowid LIMIT ?2 OFFSET ?3"
    );
    let count_sql = format!("SELECT count(*) FROM search_index WHERE search_index MATCH ?1 {kind_filter}");
    let limit = i64::from(page_size.max(1));
    // One more than the page, to know whether another page follows.
    let mut wanted = limit + 1;
    let mut skip = i64::from(page) * limit;
    let mut hits = Vec::new();
    for (tier, expr) in tiers.iter().enumerate() {
        if wanted == 0 {
            break;
        }
        if skip > 0 {
            // Only later pages count a tier, to step over it whole when the page starts beyond it.
            let count: i64 = store.conn().prepare_cached(&count_sql)?.query_row([expr], |r| r.get(0))?;
            if count <= skip {
                skip -= count;
                continue;
            }
        }
        let mut stmt = store.conn().prepare_cached(&rows_sql)?;
        let rank = (tier + 1) as f64;
        let rows = stmt.query_map(params![expr, wanted, skip], |r| {
            Ok(Hit { kind: SearchKind::parse(&r.get::<_, String>(0)?), id: r.get(1)?, rank })
        })?;
        let before = hits.len();
        for row in rows {
            hits.push(row?);
        }
        wanted -= (hits.len() - before) as i64;
        skip = 0;
    }
    let has_more = hits.len() as i64 > limit;
    hits.truncate(limit as usize);
    Ok(HitPage { hits, has_more })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_are_names_first_then_anywhere() {
        assert_eq!(
            tier_expressions("Hoà"),
            vec![
                "name : (\"hoa\")".to_owned(),
                "(name : (\"hoa\"*)) NOT (name : (\"hoa\"))".to_owned(),
                "(\"hoa\"*) NOT (name : (\"hoa\"*))".to_owned(),
            ]
        );
        let t = tier_expressions("dinh lap");
        assert_eq!(t.len(), 4);
        assert_eq!(t[0], "name : (\"dinh lap\"*)");
        assert!(tier_expressions(" ").is_empty());
        // Whatever is typed, only folded words reach FTS5, always quoted.
        assert_eq!(tier_expressions("\" OR * NEAR(")[0], "name : (\"or near\"*)");
    }
}
