//! Full-text search over the stored articles.
//!
//! The query goes through the same steps as the indexed text ([`crate::terms`]): `الجيش`,
//! `والجيشِ` and `للجيش` all find `جيش`. Words are all required; `"..."` makes a phrase, `OR`
//! between two words or phrases takes either, and a leading `-` excludes a word or phrase.
//! Hits are ranked by bm25 (the title weighs three times the body) and come with a snippet cut
//! from the original text, the matched words given as code-point offsets of that text.
//!
//! ```
//! use marsad_store::search::parse;
//! let q = parse(r#"قصف "وزارة الدفاع" -روسيا"#).unwrap();
//! assert_eq!(q.fts, r#"("قصف" AND "وزاره دفاع") NOT "روسيا""#);
//! assert_eq!(q.phrases, [vec!["قصف".to_string()], vec!["وزاره".into(), "دفاع".into()]]);
//! ```

use rustc_hash::FxHashSet;

use crate::StoreError;
use crate::db::{Backend, Db, Row, Value, args};
use crate::terms::{Term, char_starts, query_terms, terms};

/// A search with its filters.
#[derive(Clone, Debug, Default)]
pub struct SearchQuery {
    /// The query (see the [module documentation](self)).
    pub text: String,
    /// Articles published on or after this date (YYYY-MM-DD).
    pub from: Option<String>,
    /// Articles published on or before this date (a prefix: `2018-03` is the whole month).
    pub to: Option<String>,
    /// Articles of this outlet (case-insensitive).
    pub outlet: Option<String>,
    /// Articles mentioning this entity (English or Arabic name, or knowledge-base id).
    pub entity: Option<String>,
    /// Articles with an event of this PLOVER category (FIGHT, ASSAULT, ...).
    pub category: Option<String>,
    /// Articles with a casualty claim of this kind (killed, wounded, ...).
    pub kind: Option<String>,
    /// At most this many hits.
    pub limit: usize,
}

/// One article found.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub key: String,
    pub doc_id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// bm25 relevance (higher is better).
    pub score: f64,
    pub snippet: Snippet,
}

/// A passage of the original text around the best matches.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snippet {
    /// Code-point offset of the passage in the article text.
    pub start: usize,
    /// Code-point offset of its end.
    pub end: usize,
    /// The passage, as in the original text.
    pub text: String,
    /// The matched words and phrases: code-point ranges of the article text, inside
    /// `start..end`.
    pub highlights: Vec<(usize, usize)>,
}

impl Snippet {
    /// The passage with each highlight wrapped in `open` and `close`.
    ///
    /// ```
    /// use marsad_store::Snippet;
    /// let s = Snippet { start: 10, end: 15, text: "ab cd".into(), highlights: vec![(13, 15)] };
    /// assert_eq!(s.marked("[", "]"), "ab [cd]");
    /// ```
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + 8 * self.highlights.len());
        let mut at = self.start;
        let mut chars = self.text.chars();
        let mut take = |n: usize, out: &mut String| out.extend(chars.by_ref().take(n));
        for &(s, e) in &self.highlights {
            if s < at || e > self.end || s >= e {
                continue;
            }
            take(s - at, &mut out);
            out.push_str(open);
            take(e - s, &mut out);
            out.push_str(close);
            at = e;
        }
        take(usize::MAX, &mut out);
        out
    }
}

/// A parsed query: the FTS5 expression and the phrases to highlight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    /// The FTS5 MATCH expression over normalised terms (SQLite).
    pub fts: String,
    /// The same as a `tsquery` (PostgreSQL): `'قصف' & ( 'وزاره' <-> 'دفاع' )`.
    pub tsquery: String,
    /// The positive words and phrases, as terms.
    pub phrases: Vec<Vec<String>>,
}

/// Parses a user query into an FTS5 expression over normalised terms.
pub fn parse(query: &str) -> Result<Parsed, StoreError> {
    // units: (negated, or-joined to the previous, terms)
    let mut units: Vec<(bool, bool, Vec<String>)> = Vec::new();
    let mut or_next = false;
    let mut rest = query.trim();
    while !rest.is_empty() {
        let negated = rest.starts_with('-');
        if negated {
            rest = &rest[1..];
        }
        let (piece, after) = if let Some(inner) = rest.strip_prefix('"') {
            match inner.find('"') {
                Some(end) => (&inner[..end], &inner[end + 1..]),
                None => (inner, ""),
            }
        } else {
            match rest.find(char::is_whitespace) {
                Some(end) => (&rest[..end], &rest[end..]),
                None => (rest, ""),
            }
        };
        rest = after.trim_start();
        if piece == "OR" && !negated {
            or_next = !units.is_empty();
            continue;
        }
        let t = query_terms(piece);
        if !t.is_empty() {
            units.push((negated, std::mem::take(&mut or_next), t));
        }
    }
    if !units.iter().any(|u| !u.0) {
        return Err(StoreError::Query(format!(
            "nothing to search for in {query:?} (a word or a number is needed)"
        )));
    }
    let phrase = |t: &[String]| format!("\"{}\"", t.join(" "));
    let ts_phrase = |t: &[String]| {
        let words: Vec<String> = t.iter().map(|w| lexeme(w)).collect();
        if words.len() == 1 { words.join("") } else { format!("( {} )", words.join(" <-> ")) }
    };
    let (mut fts, mut tsquery) = (String::new(), String::new());
    for (negated, or, t) in units.iter().filter(|u| !u.0) {
        debug_assert!(!negated);
        if !fts.is_empty() {
            fts.push_str(if *or { " OR " } else { " AND " });
            tsquery.push_str(if *or { " | " } else { " & " });
        }
        fts.push_str(&phrase(t));
        tsquery.push_str(&ts_phrase(t));
    }
    if units.iter().any(|u| u.0) {
        fts = format!("({fts})");
        tsquery = format!("( {tsquery} )");
    }
    for (_, _, t) in units.iter().filter(|u| u.0) {
        fts.push_str(" NOT ");
        fts.push_str(&phrase(t));
        tsquery.push_str(" & !");
        tsquery.push_str(&ts_phrase(t));
    }
    let phrases = units.into_iter().filter(|u| !u.0).map(|u| u.2).collect();
    Ok(Parsed { fts, tsquery, phrases })
}

/// Runs `query` on a connection.
///
/// The index alone finds and ranks the matches (bm25 over the index's own tables, the title
/// weighing three times the body; equal ranks in article order); then the matches are read
/// from `articles` in rank order, each checked against the filters, until `limit` passed.
/// A filter is thus checked on the best matches only, not on every match (a common word
/// matches thousands of articles, each a row to read and an event or claim to look up, when
/// a common filter is met by one of the first few); an entity filter is a set of articles
/// built once from the entity index, not a look-up per match.
pub(crate) fn run(conn: &dyn Db, query: &SearchQuery) -> Result<Vec<Hit>, StoreError> {
    let parsed = parse(&query.text)?;
    let limit = query.limit.clamp(1, 10_000);
    let entity: Option<FxHashSet<i64>> = match &query.entity {
        Some(name) => {
            let ids = crate::read::entity_ids(conn, name)?;
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            let articles = conn.rows(
                "SELECT DISTINCT article FROM mentions WHERE entity IN rarray(?1)",
                args![Value::Ints(&ids)],
                |r| r.get(0),
            )?;
            Some(articles.into_iter().collect())
        }
        None => None,
    };
    // the filters, on article `a`, parameters 2 to 6
    let filters = format!(
        "(CAST(?2 AS TEXT) IS NULL OR a.published >= ?2)
           AND (CAST(?3 AS TEXT) IS NULL OR substr(a.published, 1, length(?3)) <= ?3)
           AND (CAST(?4 AS TEXT) IS NULL OR {})
           AND (CAST(?5 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM events e WHERE e.article = a.id AND e.type = upper(?5)))
           AND (CAST(?6 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM claims c WHERE c.article = a.id AND c.kind = lower(?6)))",
        crate::read::nocase_equal(conn, "a.outlet", "?4")
    );
    let filtered = query.from.is_some()
        || query.to.is_some()
        || query.outlet.is_some()
        || query.category.is_some()
        || query.kind.is_some();
    let found = match conn.backend() {
        Backend::Sqlite => conn.rows(
            "SELECT bm25(article_fts, 3.0, 1.0), rowid FROM article_fts WHERE article_fts MATCH ?1",
            args![parsed.fts],
            |r| Ok((r.get(0)?, r.get(1)?)),
        ),
        // the title's lexemes are weighted A, the body's D: three to one, as bm25's weights
        // above; the rank is divided by 1 + the log of the article's length (flag 1), as bm25
        // favours the shorter of two articles matching alike (PostgreSQL has no bm25: the
        // order of hits may differ from SQLite's; the hits differ only past PostgreSQL's limits
        // on positions: see `postgres::tsvector`). The filters are checked here, with the
        // match, not on each match in turn: each would be an exchange with the server.
        Backend::Postgres => {
            const RANK: &str = "SELECT -ts_rank('{0.1, 0.1, 0.1, 0.3}', s.tsv, CAST(CAST(?1 AS TEXT) AS tsquery), 1), s.article
                 FROM article_search s";
            const MATCH: &str = "s.tsv @@ CAST(CAST(?1 AS TEXT) AS tsquery)";
            let row = |r: &dyn Row| Ok((r.get(0)?, r.get(1)?));
            match filtered {
                false => conn.rows(&format!("{RANK} WHERE {MATCH}"), args![parsed.tsquery], row),
                true => conn.rows(
                    &format!("{RANK} JOIN articles a ON a.id = s.article WHERE {MATCH} AND {filters}"),
                    args![parsed.tsquery, query.from, query.to, query.outlet, query.category, query.kind],
                    row,
                ),
            }
        }
    };
    let expression = match conn.backend() {
        Backend::Sqlite => &parsed.fts,
        Backend::Postgres => &parsed.tsquery,
    };
    let mut matches: Vec<(f64, i64)> = found.map_err(|e| StoreError::Query(format!("{expression}: {e}")))?;
    // the lowest bm25 is the best match
    matches.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let read = format!(
        "SELECT a.key, a.doc_id, a.title, a.outlet, a.published, a.record, a.text FROM articles a
         WHERE a.id = ?1 AND {filters}"
    );
    let mut hits = Vec::with_capacity(limit.min(matches.len()));
    for (rank, id) in matches {
        if entity.as_ref().is_some_and(|set| !set.contains(&id)) {
            continue;
        }
        let params = args![id, query.from, query.to, query.outlet, query.category, query.kind];
        let found: Option<(Hit, Vec<u8>, String)> = conn.row(&read, params, |r| {
            Ok((
                Hit {
                    key: r.get(0)?,
                    doc_id: r.get(1)?,
                    title: r.get(2)?,
                    outlet: r.get(3)?,
                    published: r.get(4)?,
                    score: -rank,
                    snippet: Snippet::default(),
                },
                r.get(5)?,
                r.get(6)?,
            ))
        })?;
        let Some((mut hit, record, text)) = found else { continue };
        let record = crate::article::decompress(&record).unwrap_or_default();
        hit.snippet = snippet(&record, &text, &parsed.phrases);
        hits.push(hit);
        if hits.len() == limit {
            break;
        }
    }
    Ok(hits)
}

/// A term as a `tsquery` or `tsvector` lexeme: quoted (terms are letters and digits, but a
/// quote or backslash would end the quoting).
pub(crate) fn lexeme(term: &str) -> String {
    format!("'{}'", term.replace('\\', "\\\\").replace('\'', "''"))
}

/// The fields of a record that say where its content is (the rest is skipped, not built).
#[derive(serde::Deserialize)]
struct Layout {
    title: Option<crate::record::Title>,
    #[serde(default)]
    paragraphs: Vec<crate::record::Paragraph>,
}

impl Layout {
    /// Code-point spans of the content, as [`crate::record::Record::content_spans`] gives them.
    fn content_spans(self, text: &str) -> Vec<(usize, usize)> {
        let mut spans: Vec<(usize, usize)> = Vec::with_capacity(self.paragraphs.len() + 1);
        if let Some(crate::record::Title { start: Some(s), end: Some(e), .. }) = self.title {
            spans.push((s, e));
        }
        spans.extend(self.paragraphs.iter().map(|p| (p.start, p.end)));
        spans.sort_unstable();
        if spans.is_empty() && !text.is_empty() {
            spans.push((0, text.chars().count()));
        }
        spans
    }
}

/// Terms around the best matches in a snippet.
const WINDOW: usize = 30;

/// The best passage of an article for `phrases`: the window of [`WINDOW`] terms covering the
/// most distinct phrases, then the most matches.
fn snippet(record_json: &str, text: &str, phrases: &[Vec<String>]) -> Snippet {
    let content: Vec<(usize, usize)> = match serde_json::from_str::<Layout>(record_json) {
        Ok(layout) => {
            let starts = char_starts(text);
            layout
                .content_spans(text)
                .into_iter()
                .map(|(s, e)| {
                    (
                        starts.get(s).copied().unwrap_or(text.len()),
                        starts.get(e).copied().unwrap_or(text.len()),
                    )
                })
                .collect()
        }
        Err(_) => vec![(0, text.len())],
    };
    let all = terms(text, &content);
    // matches: (first term, past the last term, phrase index)
    let mut matches: Vec<(usize, usize, usize)> = Vec::new();
    for (p, phrase) in phrases.iter().enumerate() {
        if phrase.is_empty() || phrase.len() > all.len() {
            continue;
        }
        for i in 0..=all.len() - phrase.len() {
            if all[i..i + phrase.len()].iter().zip(phrase).all(|(t, q)| &t.form == q) {
                matches.push((i, i + phrase.len(), p));
            }
        }
    }
    matches.sort_unstable();
    let (from, to) = best_window(&matches, all.len());
    if all.is_empty() {
        return Snippet::default();
    }
    let offsets = marsad_text::CharOffsets::new(text);
    let cp = |b: usize| offsets.char_index(b);
    let window: &[Term] = &all[from..to.max(from + 1).min(all.len())];
    let (start, end) = (window[0].start, window[window.len() - 1].end);
    let highlights = matches
        .iter()
        .filter(|m| m.0 >= from && m.1 <= to)
        .map(|&(s, e, _)| (cp(all[s].start), cp(all[e - 1].end)))
        .collect();
    Snippet { start: cp(start), end: cp(end), text: text[start..end].to_string(), highlights }
}

/// The window of terms to show: starting a little before the first match of the densest
/// stretch.
fn best_window(matches: &[(usize, usize, usize)], n: usize) -> (usize, usize) {
    let mut best = (0usize, 0usize, 0usize); // (distinct phrases, matches, start)
    for (i, m) in matches.iter().enumerate() {
        let inside: Vec<&(usize, usize, usize)> =
            matches[i..].iter().take_while(|o| o.1 <= m.0 + WINDOW).collect();
        let mut distinct: Vec<usize> = inside.iter().map(|o| o.2).collect();
        distinct.sort_unstable();
        distinct.dedup();
        let score = (distinct.len(), inside.len());
        if score > (best.0, best.1) {
            best = (score.0, score.1, m.0);
        }
    }
    let start = best.2.saturating_sub(WINDOW / 5);
    (start, (start + WINDOW).min(n))
}
