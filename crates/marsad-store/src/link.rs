//! Linking articles across the corpus, incrementally: each new article is compared with the
//! stored ones through LSH buckets (never with all of them), its events are merged with the
//! stored events of the same happening, and both grow the stories.
//!
//! ## Near-duplicates and text reuse
//! The article's [`Sketch`] buckets are looked up in `sketch_buckets`. A bucket holds at most
//! [`BUCKET_CAP`] articles: a full one takes no more and gives no candidates (a phrase or a
//! paragraph of boilerplate shared by thousands of articles would otherwise make every one a
//! candidate). The [`MAX_CANDIDATES`] stored articles sharing the most buckets with the new
//! one have their sketches compared with its ([`crate::sketch::compare`]). A pair is
//! recorded in `article_links` as `duplicate` (near-duplicates: estimated Jaccard similarity of
//! the bodies' 4-word shingles at least 0.5, or reused paragraphs making up 80% of either) or
//! `reuse` (at least one paragraph of one found, edited or not, in the other), with the
//! paragraph pairs.
//!
//! ## Merged events
//! An event is mergeable when it is asserted and not negated, has a day (its date, a range of
//! at most [`MAX_EVENT_SPAN`] + 1 days, or the publication day when it has no date; a month or
//! a year is too vague) and at least one party or place. It joins the stored merged event
//! that shares the most with it among those of the same category whose mode is compatible
//! (equal; or ACLED's sub-event type is the same; or either is a generic `attack`,
//! `armed-clash` or `other`), whose days meet its days widened by one day on each side
//! (reports lag, time zones), whose span stays within [`MAX_EVENT_SPAN`] days once it joins
//! (no drift day after day), and which shares with it a place that is not a country, or a
//! country and an actor or target, or two actors or targets (entities are the global ones:
//! by knowledge-base id, else by type and normalised name). Otherwise it starts a merged
//! event of its own. An event joins one merged event: merged events are never chained.
//!
//! ## Stories
//! Two articles belong to the same story when they are near-duplicates published within
//! [`STORY_SPAN`] days of each other; or one reuses at least two paragraphs of the other (or
//! paragraphs making up 30% of either) and they were published within [`REUSE_SPAN`] days;
//! or they report the same merged event of a category that is a happening (not a statement,
//! an appeal, a demand, a rejection, a threat, support or cooperation). Stories are built by
//! union as links arrive, with two limits against chaining: a union that would make a story
//! span more than [`STORY_SPAN`] days from its first to its last article is not made (a
//! running conflict would otherwise become one story), and two stories of several articles
//! each become one only through a near-duplicate (an article joins a story through any link). An article removed (replaced by a changed version) leaves its story,
//! which is not split.

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::StoreError;
use crate::db::{Backend, Db, ToValue, Value, args};
use crate::sketch::{Comparison, Sketch, compare};

/// Articles a bucket holds, at most: a full bucket takes no more and gives no candidates (a
/// common phrase or boilerplate, not a sign of reuse).
pub const BUCKET_CAP: i64 = 32;
/// Stored articles compared with a new one, at most (those sharing the most buckets).
pub const MAX_CANDIDATES: usize = 64;
/// Days a merged event may span, from its first to its last day.
pub const MAX_EVENT_SPAN: i32 = 3;
/// Days a story may span, and near-duplicates be apart, to be one story.
pub const STORY_SPAN: i32 = 7;
/// Days apart that articles sharing paragraphs may be to be one story.
pub const REUSE_SPAN: i32 = 3;

/// The categories whose merged events make a story (happenings, not sayings).
const STORY_CATEGORIES: &[&str] = &[
    "FIGHT",
    "ASSAULT",
    "PROTEST",
    "COERCE",
    "MOBILIZE",
    "RETREAT",
    "AGREE",
    "CONSULT",
    "AID",
    "SANCTION",
    "CRIME",
    "CONCEDE",
    "INVESTIGATE",
];

/// Modes compatible with any other of their category.
const GENERIC_MODES: &[&str] = &["", "attack", "armed-clash", "other"];

/// What linking needs of a new article (ids are the database's).
#[derive(Clone, Debug)]
pub struct Linkable {
    pub article: i64,
    /// Publication day (days since 1970-01-01).
    pub day: Option<i32>,
    pub sketch: Sketch,
    pub events: Vec<EventKeys>,
}

/// What merging needs of one event.
#[derive(Clone, Debug, Default)]
pub struct EventKeys {
    pub id: i64,
    pub kind: String,
    pub mode: String,
    /// First and last day; None: not mergeable.
    pub days: Option<(i32, i32)>,
    /// Locations: global entity id, whether it is a country.
    pub places: Vec<(i64, bool)>,
    /// Actors and targets: global entity ids.
    pub parties: Vec<i64>,
}

/// Days since 1970-01-01 of a date starting `YYYY-MM-DD` (None for anything else).
///
/// ```
/// use marsad_store::link::{day_number, day_string};
/// assert_eq!(day_number("1970-01-02"), Some(1));
/// assert_eq!(day_number("2022-09-13TMO"), Some(19248));
/// assert_eq!(day_number("2022-09"), None);
/// assert_eq!(day_number("2022-02-30"), None);
/// assert_eq!(day_string(19248), "2022-09-13");
/// ```
pub fn day_number(s: &str) -> Option<i32> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' || !s.is_char_boundary(10) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i32> {
        let part = &s[r];
        if !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days_in = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&m) || d < 1 || d > days_in[(m - 1) as usize] {
        return None;
    }
    // days from civil (Howard Hinnant's algorithm)
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The `YYYY-MM-DD` of a day number.
pub fn day_string(z: i32) -> String {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    format!("{y:04}-{m:02}-{d:02}")
}

/// The days an event is dated on, if it can be merged on them: its day, its range (at most
/// [`MAX_EVENT_SPAN`] days long), or the publication day when it has no date.
pub fn event_days(date: Option<&str>, published: Option<i32>) -> Option<(i32, i32)> {
    match date {
        None => published.map(|d| (d, d)),
        Some(d) => match d.split_once('/') {
            Some((a, b)) => {
                let (a, b) = (day_number(a)?, day_number(b)?);
                (b >= a && b - a <= MAX_EVENT_SPAN).then_some((a, b))
            }
            None => day_number(d).map(|x| (x, x)),
        },
    }
}

/// Whether two modes of one category can describe the same happening.
pub fn modes_compatible(kind: &str, a: &str, b: &str) -> bool {
    if a == b || GENERIC_MODES.contains(&a) || GENERIC_MODES.contains(&b) {
        return true;
    }
    match (crate::export::acled_type(kind, a), crate::export::acled_type(kind, b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// Sketches kept in memory between transactions, at most (about 1 KiB each): the
/// candidates of a new article are mostly recent articles (the same story, days apart), read
/// from here rather than from `sketches`.
pub const SKETCH_CACHE: usize = 16_384;

/// A sketch and its article's publication day.
type Dated = Arc<(Option<i32>, Sketch)>;

/// Articles linked by one store before it reads the buckets into a [`BucketFilter`] (a run
/// that links a few changed articles does not read them all).
const FILTER_AFTER: usize = 256;

/// A Bloom filter of the buckets in `sketch_buckets`: most buckets of a new article (nine in
/// ten on the bench corpus) are in no stored article, and the filter says so without a
/// look-up. Its size is fixed (8 MiB); it is blocked: the three bits of a bucket are in one
/// 64-bit word, so that a test costs one cache miss rather than three (the filter is tested
/// for each of the 38 buckets of every new article, and each miss is a random place in 8 MiB).
/// One in 5,000 absent buckets passes at a million stored rows, one in 20 at ten million; a
/// bucket that passes is looked up as before, so the filter changes which look-ups are made,
/// never what they find.
pub struct BucketFilter {
    words: Vec<u64>,
}

impl BucketFilter {
    /// log2 of the number of 64-bit words.
    const WORDS: u32 = 20;

    fn new() -> BucketFilter {
        BucketFilter { words: vec![0; 1 << Self::WORDS] }
    }

    /// The word of a bucket and its three bits in it.
    #[inline]
    fn locate(bucket: i64) -> (usize, u64) {
        let x = splitmix(bucket as u64);
        let word = (x & ((1 << Self::WORDS) - 1)) as usize;
        let bits = (1 << ((x >> 40) & 63)) | (1 << ((x >> 46) & 63)) | (1 << ((x >> 52) & 63));
        (word, bits)
    }

    fn insert(&mut self, bucket: i64) {
        let (word, bits) = Self::locate(bucket);
        self.words[word] |= bits;
    }

    fn may_contain(&self, bucket: i64) -> bool {
        let (word, bits) = Self::locate(bucket);
        self.words[word] & bits == bits
    }
}

/// The splitmix64 finaliser.
fn splitmix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The linker's state: the bucket rows of the open transaction, not yet written, and
/// recently seen sketches.
#[derive(Default)]
pub struct Linker {
    /// Sketches read or written lately, by article: two generations of at most
    /// [`SKETCH_CACHE`] / 2 each (a look-up in the older one moves the sketch to the newer).
    recent: FxHashMap<i64, Dated>,
    older: FxHashMap<i64, Dated>,
    /// Bucket rows of the open transaction: bucket -> articles, in the order they joined.
    /// They are written at the end of the transaction ([`Linker::flush`]), in key order: rows
    /// of random keys written as they come dirty most pages of `sketch_buckets` in every
    /// transaction.
    pending: FxHashMap<i64, Vec<i64>>,
    /// The stored buckets (and those of the open transaction), once [`FILTER_AFTER`] articles
    /// were linked; dropped when another connection commits (its buckets are not in it).
    filter: Option<BucketFilter>,
    /// Articles linked.
    linked: usize,
    /// The database's write generation when the filter was last known to be whole
    /// ([`Linker::begin`]).
    generation: i64,
}

impl Linker {
    /// Forgets everything (after a rollback: ids may be used again). The filter stays: the
    /// buckets of the rolled-back transaction only make it pass a few more; but it is no
    /// longer known to be whole (on PostgreSQL, the generation was counted up before a commit
    /// that may have failed), so the next transaction checks it as if another had written.
    pub fn clear(&mut self) {
        self.recent.clear();
        self.older.clear();
        self.pending.clear();
        self.generation = i64::MIN;
    }

    /// At the start of a transaction: drops the filter if another connection has committed
    /// since it was made. SQLite's `PRAGMA data_version` changes only for other connections'
    /// commits; PostgreSQL's backend counts commits in `marsad_meta.generation`, which
    /// [`Linker::committed`] follows for this connection's own.
    pub fn begin(&mut self, tx: &dyn Db) -> Result<(), StoreError> {
        let version: i64 = match tx.backend() {
            Backend::Sqlite => tx.value("PRAGMA data_version", args![])?,
            Backend::Postgres => tx.value("SELECT generation FROM marsad_meta", args![])?,
        };
        if version != self.generation {
            // another connection wrote: its buckets are not in the filter, and the articles it
            // replaced have other sketches now (or none: a sketch kept here would link a
            // deleted article)
            self.filter = None;
            self.recent.clear();
            self.older.clear();
            self.generation = version;
        }
        Ok(())
    }

    /// Before a commit of this connection: PostgreSQL's write generation moves on (its
    /// row lock also makes concurrent writers commit one after the other).
    pub fn committed(&mut self, tx: &dyn Db) -> Result<(), StoreError> {
        if tx.backend() == Backend::Postgres {
            self.generation =
                tx.value("UPDATE marsad_meta SET generation = generation + 1 RETURNING generation", args![])?;
        }
        Ok(())
    }

    /// Reads the stored buckets into a filter.
    fn build_filter(&mut self, tx: &dyn Db) -> Result<(), StoreError> {
        let mut filter = BucketFilter::new();
        tx.scan_each("SELECT bucket FROM sketch_buckets", args![], |row| {
            filter.insert(row.get(0)?);
            Ok(())
        })?;
        for &bucket in self.pending.keys() {
            filter.insert(bucket);
        }
        self.filter = Some(filter);
        Ok(())
    }

    /// Forgets a deleted article's sketch (its id may be used again).
    pub fn forget_article(&mut self, article: i64) {
        self.recent.remove(&article);
        self.older.remove(&article);
    }

    /// Writes the bucket rows of the transaction (before its commit).
    pub fn flush(&mut self, tx: &dyn Db) -> Result<(), StoreError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let mut rows: Vec<(i64, i64)> = self
            .pending
            .drain()
            .flat_map(|(b, articles)| articles.into_iter().map(move |a| (b, a)))
            .collect();
        rows.sort_unstable();
        tx.insert_rows(
            "INSERT OR IGNORE INTO sketch_buckets (bucket, article) VALUES",
            2,
            &rows,
            |&(b, a), out| {
                out.extend([Value::Int(b), Value::Int(a)]);
            },
        )?;
        Ok(())
    }

    fn remember(&mut self, article: i64, sketch: Dated) {
        if self.recent.len() >= SKETCH_CACHE / 2 {
            self.older = std::mem::take(&mut self.recent);
        }
        self.recent.insert(article, sketch);
    }

    /// Links one new article (its rows are written, in the same transaction).
    pub fn link(&mut self, tx: &dyn Db, item: Linkable) -> Result<(), StoreError> {
        self.link_all(tx, vec![item])
    }

    /// Links new articles, in order (their rows are written, in the same transaction): as if
    /// each were linked in turn, with one look-up of the stored buckets and one of the stored
    /// sketches for all of them.
    pub fn link_all(&mut self, tx: &dyn Db, items: Vec<Linkable>) -> Result<(), StoreError> {
        if items.is_empty() {
            return Ok(());
        }
        // many rows a statement (`insert_rows`): a statement a row cost more than the row
        let rows: Vec<(i64, Option<i32>, Vec<u8>)> =
            items.iter().map(|i| (i.article, i.day, i.sketch.encode())).collect();
        tx.insert_rows(
            "INSERT OR FAIL INTO sketches (article, day, sketch) VALUES",
            3,
            &rows,
            |row, out| {
                out.extend([Value::Int(row.0), row.1.to_value(), Value::Blob(&row.2)]);
            },
        )?;
        self.linked += items.len();
        if self.filter.is_none() && self.linked > FILTER_AFTER {
            self.build_filter(tx)?;
        }
        let buckets: Vec<Vec<i64>> = items.iter().map(|i| i.sketch.buckets()).collect();
        // whether each bucket may be stored (all of them, without a filter): the others are
        // neither looked up in the table nor in what it returned
        let maybe: Vec<Vec<bool>> = buckets
            .iter()
            .map(|bs| bs.iter().map(|&b| self.filter.as_ref().is_none_or(|f| f.may_contain(b))).collect())
            .collect();
        // the stored rows of the buckets that may be stored, in one statement; the rows of
        // this transaction are in `pending` (the table does not change before the commit)
        let mut wanted: Vec<i64> = buckets
            .iter()
            .zip(&maybe)
            .flat_map(|(bs, m)| bs.iter().zip(m).filter(|p| *p.1).map(|p| *p.0))
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let found: Vec<(i64, i64)> = if wanted.is_empty() {
            Vec::new()
        } else {
            tx.rows(
                "SELECT bucket, article FROM sketch_buckets WHERE bucket IN rarray(?1) ORDER BY bucket, article",
                args![Value::Ints(&wanted)],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?
        };
        let stored = |bucket: i64| -> &[(i64, i64)] {
            let from = found.partition_point(|r| r.0 < bucket);
            let to = from + found[from..].partition_point(|r| r.0 == bucket);
            &found[from..to]
        };
        // each article's candidates, in order: the buckets of those before it count
        let mut lists: Vec<Vec<i64>> = Vec::with_capacity(items.len());
        for ((item, buckets), maybe) in items.iter().zip(&buckets).zip(&maybe) {
            let mut candidates: Vec<i64> = Vec::new();
            for (&bucket, &maybe) in buckets.iter().zip(maybe) {
                let first = candidates.len();
                let rows = if maybe { stored(bucket) } else { &[][..] };
                candidates.extend(rows.iter().map(|r| r.1).filter(|&a| a != item.article));
                // (a full bucket leaves an empty entry: nothing is written for it)
                let pending = self.pending.entry(bucket).or_default();
                candidates.extend(pending.iter().filter(|&&a| a != item.article));
                if ((rows.len() + pending.len()) as i64) < BUCKET_CAP {
                    pending.push(item.article);
                    if let Some(f) = self.filter.as_mut() {
                        f.insert(bucket);
                    }
                } else {
                    // a full bucket is a phrase or boilerplate that many articles share: it
                    // tells nothing, its members are not candidates
                    candidates.truncate(first);
                }
            }
            // the candidates sharing the most buckets first, at most MAX_CANDIDATES of them
            candidates.sort_unstable();
            let mut counted: Vec<(usize, i64)> =
                candidates.chunk_by(|a, b| a == b).map(|run| (run.len(), run[0])).collect();
            counted.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            counted.truncate(MAX_CANDIDATES);
            let mut candidates: Vec<i64> = counted.into_iter().map(|c| c.1).collect();
            candidates.sort_unstable();
            lists.push(candidates);
        }
        // the sketches: of these articles, remembered, or read in one statement
        let mut sketches: FxHashMap<i64, Dated> =
            items.iter().map(|i| (i.article, Arc::new((i.day, i.sketch.clone())))).collect();
        let mut missing: Vec<i64> = Vec::new();
        for &other in lists.iter().flatten() {
            if sketches.contains_key(&other) {
                continue;
            }
            match self.remembered(other) {
                Some(s) => {
                    sketches.insert(other, s);
                }
                None => missing.push(other),
            }
        }
        if !missing.is_empty() {
            missing.sort_unstable();
            missing.dedup();
            let rows: Vec<(i64, Option<i32>, Vec<u8>)> = tx.rows(
                "SELECT article, day, sketch FROM sketches WHERE article IN rarray(?1)",
                args![Value::Ints(&missing)],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
            for (article, day, blob) in rows {
                if let Some(s) = Sketch::decode(&blob) {
                    let s = Arc::new((day, s));
                    self.remember(article, s.clone());
                    sketches.insert(article, s);
                }
            }
        }
        for (item, candidates) in items.iter().zip(lists) {
            for other in candidates {
                // a candidate without a sketch was deleted
                let Some(stored) = sketches.get(&other) else { continue };
                let (day, sketch) = (stored.0, &stored.1);
                let c = compare(sketch, &item.sketch);
                if c.paragraphs.is_empty() && !c.near_duplicate {
                    continue;
                }
                let kind = if c.near_duplicate { "duplicate" } else { "reuse" };
                let paragraphs: Vec<(u16, u16, f64)> =
                    c.paragraphs.iter().map(|&(a, b, s)| (a, b, (s * 100.0).round() / 100.0)).collect();
                tx.execute(
                    "INSERT INTO article_links (a, b, kind, similarity, paragraphs) VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (a, b) DO UPDATE SET kind = excluded.kind, similarity = excluded.similarity,
                         paragraphs = excluded.paragraphs",
                    args![
                    other.min(item.article),
                    other.max(item.article),
                    kind,
                    (c.similarity * 100.0).round() / 100.0,
                    serde_json::to_string(&paragraphs).unwrap_or_else(|_| "[]".into())
                ],
                )?;
                if same_story(&c, sketch, &item.sketch, day, item.day) {
                    join(tx, other, day, item.article, item.day, kind)?;
                }
            }
            for ev in &item.events {
                merge_event(tx, item.article, item.day, ev)?;
            }
        }
        for item in items {
            self.remember(item.article, Arc::new((item.day, item.sketch)));
        }
        Ok(())
    }

    /// A sketch kept in memory (a look-up in the older generation moves it to the newer).
    fn remembered(&mut self, article: i64) -> Option<Dated> {
        if let Some(s) = self.recent.get(&article) {
            return Some(s.clone());
        }
        let s = self.older.remove(&article)?;
        self.remember(article, s.clone());
        Some(s)
    }
}

/// Whether a link makes two articles one story (before the story span is checked).
fn same_story(c: &Comparison, a: &Sketch, b: &Sketch, day_a: Option<i32>, day_b: Option<i32>) -> bool {
    let apart = match (day_a, day_b) {
        (Some(x), Some(y)) => (x - y).abs(),
        // an undated article: near-duplicates only
        _ => return c.near_duplicate,
    };
    if c.near_duplicate {
        return apart <= STORY_SPAN;
    }
    let share = |reused: u32, of: u32| of > 0 && reused as f64 >= 0.3 * of as f64;
    let enough =
        c.paragraphs.len() >= 2 || share(c.reused_terms.0, a.terms) || share(c.reused_terms.1, b.terms);
    enough && apart <= REUSE_SPAN
}

/// A story's row: id, articles, first and last day.
type StoryRow = (i64, i64, Option<i32>, Option<i32>);

fn story_of(tx: &dyn Db, article: i64) -> Result<Option<StoryRow>, StoreError> {
    tx.row(
        "SELECT s.id, s.articles, s.first_day, s.last_day FROM story_articles sa JOIN stories s ON s.id = sa.story
         WHERE sa.article = ?1",
        args![article],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )
}

fn span(days: &[Option<i32>]) -> (Option<i32>, Option<i32>) {
    let known = days.iter().flatten();
    (known.clone().min().copied(), known.max().copied())
}

fn within(first: Option<i32>, last: Option<i32>) -> bool {
    match (first, last) {
        (Some(f), Some(l)) => l - f <= STORY_SPAN,
        _ => true,
    }
}

/// Puts two articles in one story, unless that would make it span more than [`STORY_SPAN`] days.
fn join(
    tx: &dyn Db,
    a: i64,
    day_a: Option<i32>,
    b: i64,
    day_b: Option<i32>,
    why: &str,
) -> Result<(), StoreError> {
    let (sa, sb) = (story_of(tx, a)?, story_of(tx, b)?);
    let add = |story: i64, article: i64, why: &str| -> Result<(), StoreError> {
        tx.execute(
            "INSERT INTO story_articles (article, story, why) VALUES (?1, ?2, ?3)
             ON CONFLICT (article) DO UPDATE SET story = excluded.story, why = excluded.why",
            args![article, story, why],
        )?;
        Ok(())
    };
    let update = |story: i64, n: i64, first: Option<i32>, last: Option<i32>| -> Result<(), StoreError> {
        tx.execute(
            "UPDATE stories SET articles = ?2, first_day = ?3, last_day = ?4 WHERE id = ?1",
            args![story, n, first, last],
        )?;
        Ok(())
    };
    match (sa, sb) {
        (None, None) => {
            let (first, last) = span(&[day_a, day_b]);
            if !within(first, last) {
                return Ok(());
            }
            let story: i64 = tx.insert(
                "INSERT INTO stories (articles, first_day, last_day) VALUES (2, ?1, ?2)",
                args![first, last],
            )?;
            add(story, a, "seed")?;
            add(story, b, why)?;
        }
        (Some((s, n, f, l)), None) | (None, Some((s, n, f, l))) => {
            let (joining, day) = if story_of(tx, a)?.is_some() { (b, day_b) } else { (a, day_a) };
            let (first, last) = span(&[f, l, day]);
            if !within(first, last) {
                return Ok(());
            }
            add(s, joining, why)?;
            update(s, n + 1, first, last)?;
        }
        (Some((s1, n1, f1, l1)), Some((s2, n2, f2, l2))) => {
            // two stories become one only on a near-duplicate: a shared background paragraph
            // or event would otherwise chain story after story
            if s1 == s2 || why != "duplicate" {
                return Ok(());
            }
            let (first, last) = span(&[f1, l1, f2, l2]);
            if !within(first, last) {
                return Ok(());
            }
            // the smaller joins the larger
            let (keep, gone) = if n1 >= n2 { (s1, s2) } else { (s2, s1) };
            tx.execute("UPDATE story_articles SET story = ?1 WHERE story = ?2", args![keep, gone])?;
            tx.execute("DELETE FROM stories WHERE id = ?1", args![gone])?;
            update(keep, n1 + n2, first, last)?;
        }
    }
    Ok(())
}

/// What a new event shares with a stored merged event: places, countries, parties.
type Shared = (FxHashSet<i64>, FxHashSet<i64>, FxHashSet<i64>);

/// How much a candidate shares: places, parties, countries (compared in that order).
type Score = (usize, usize, usize);

/// Merges one new event with the stored merged events, or starts one.
fn merge_event(
    tx: &dyn Db,
    article: i64,
    article_day: Option<i32>,
    ev: &EventKeys,
) -> Result<(), StoreError> {
    let Some((first, last)) = ev.days else { return Ok(()) };
    if ev.places.is_empty() && ev.parties.is_empty() {
        return Ok(());
    }
    // keys: entity -> place kind (1 place, 2 country, 0 party)
    let mut keys: Vec<(i64, i64)> =
        ev.places.iter().map(|&(e, country)| (e, if country { 2 } else { 1 })).collect();
    keys.extend(ev.parties.iter().map(|&e| (e, 0)));
    keys.sort_unstable();
    keys.dedup_by_key(|k| k.0);
    keys.truncate(12);
    // shared with each candidate: (places, countries, parties)
    let mut shared: FxHashMap<i64, Shared> = FxHashMap::default();
    {
        for &(entity, place) in &keys {
            let rows: Vec<(i64, i64)> = tx.rows(
                "SELECT merged, place FROM merged_keys WHERE type = ?1 AND entity = ?2 AND day BETWEEN ?3 AND ?4",
                args![ev.kind, entity, first - 1, last + 1],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            for (merged, stored) in rows {
                let s = shared.entry(merged).or_default();
                // a place for both, or a party for both
                match (place, stored) {
                    (1, 1) => s.0.insert(entity),
                    (2, 2) => s.1.insert(entity),
                    (0, 0) => s.2.insert(entity),
                    _ => false,
                };
            }
        }
    }
    // (merged event, (places, parties, countries) shared, its days once joined)
    let mut best: Option<(i64, Score, (i32, i32))> = None;
    let mut ids: Vec<i64> = shared.keys().copied().collect();
    ids.sort_unstable();
    for m in ids {
        let (places, countries, parties) = &shared[&m];
        let (p, c, a) = (places.len(), countries.len(), parties.len());
        if !(p >= 1 || (c >= 1 && a >= 1) || a >= 2) {
            continue;
        }
        let row: Option<(String, Option<i32>, Option<i32>)> =
            tx.row("SELECT mode, first_day, last_day FROM merged_events WHERE id = ?1", args![m], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?;
        let Some((mode, Some(f), Some(l))) = row else { continue };
        if !modes_compatible(&ev.kind, &mode, &ev.mode) {
            continue;
        }
        let (nf, nl) = (f.min(first), l.max(last));
        if nl - nf > MAX_EVENT_SPAN || first > l + 1 || last < f - 1 {
            continue;
        }
        if best.as_ref().is_none_or(|b| (p, a, c) > b.1) {
            best = Some((m, (p, a, c), (nf, nl)));
        }
    }
    let merged = match best {
        Some((m, _, (nf, nl))) => {
            let new_article: bool = tx.value(
                "SELECT NOT EXISTS (SELECT 1 FROM event_merges em JOIN events e ON e.id = em.event
                 WHERE em.merged = ?1 AND e.article = ?2)",
                args![m, article],
            )?;
            // a generic mode gives way to the specific one
            tx.execute(
                "UPDATE merged_events SET first_day = ?2, last_day = ?3, events = events + 1,
                     articles = articles + ?4,
                     mode = CASE WHEN mode IN ('', 'attack', 'armed-clash', 'other') THEN ?5 ELSE mode END
                 WHERE id = ?1",
                args![m, nf, nl, new_article as i64, ev.mode],
            )?;
            if new_article && STORY_CATEGORIES.contains(&ev.kind.as_str()) {
                let other: Option<(i64, Option<i32>)> = tx.row(
                    "SELECT e.article, s.day FROM event_merges em JOIN events e ON e.id = em.event
                     LEFT JOIN sketches s ON s.article = e.article
                     WHERE em.merged = ?1 AND e.article != ?2 ORDER BY em.event LIMIT 1",
                    args![m, article],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?;
                if let Some((o, day)) = other {
                    join(tx, o, day, article, article_day, "event")?;
                }
            }
            m
        }
        None => tx.insert(
            "INSERT INTO merged_events (type, mode, first_day, last_day, events, articles)
                 VALUES (?1, ?2, ?3, ?4, 1, 1)",
            args![ev.kind, ev.mode, first, last],
        )?,
    };
    tx.execute("INSERT INTO event_merges (event, merged) VALUES (?1, ?2)", args![ev.id, merged])?;
    for &(entity, place) in &keys {
        for day in first..=last {
            tx.execute(
                "INSERT OR IGNORE INTO merged_keys (type, entity, day, merged, place) VALUES (?1, ?2, ?3, ?4, ?5)",
                args![ev.kind, entity, day, merged, place],
            )?;
        }
    }
    Ok(())
}

/// After articles were deleted (replaced): drops them from the counts of their merged events
/// and stories, and drops the stories left with fewer than two articles.
pub fn forget(tx: &dyn Db, merged: &[i64], stories: &[i64]) -> Result<(), StoreError> {
    for &m in merged {
        tx.execute(
            "UPDATE merged_events SET
                 events = (SELECT count(*) FROM event_merges WHERE merged = ?1),
                 articles = (SELECT count(DISTINCT e.article) FROM event_merges em JOIN events e ON e.id = em.event
                             WHERE em.merged = ?1)
             WHERE id = ?1",
            args![m],
        )?;
        let empty: bool = tx
            .row("SELECT events = 0 FROM merged_events WHERE id = ?1", args![m], |r| r.get(0))?
            .unwrap_or(false);
        if empty {
            tx.execute("DELETE FROM merged_events WHERE id = ?1", args![m])?;
        }
    }
    for &s in stories {
        let n: i64 = tx.value("SELECT count(*) FROM story_articles WHERE story = ?1", args![s])?;
        if n < 2 {
            tx.execute("DELETE FROM story_articles WHERE story = ?1", args![s])?;
            tx.execute("DELETE FROM stories WHERE id = ?1", args![s])?;
        } else {
            tx.execute(
                "UPDATE stories SET articles = ?2,
                     first_day = (SELECT min(k.day) FROM story_articles sa JOIN sketches k ON k.article = sa.article WHERE sa.story = ?1),
                     last_day = (SELECT max(k.day) FROM story_articles sa JOIN sketches k ON k.article = sa.article WHERE sa.story = ?1)
                 WHERE id = ?1",
                args![s, n],
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bucket_filter_has_every_inserted_bucket_and_few_others() {
        let mut filter = BucketFilter::new();
        let bucket = |i: u64| splitmix(i ^ 0xabcd) as i64;
        for i in 0..200_000 {
            filter.insert(bucket(i));
        }
        assert!((0..200_000).all(|i| filter.may_contain(bucket(i))));
        let passing = (200_000..400_000).filter(|&i| filter.may_contain(bucket(i))).count();
        assert!(passing < 20, "{passing} of 200,000 absent buckets pass");
    }

    #[test]
    fn days_round_trip() {
        for s in ["1970-01-01", "2000-02-29", "2022-09-13", "1999-12-31", "2100-03-01", "1900-01-01"] {
            assert_eq!(day_string(day_number(s).unwrap()), s);
        }
        assert_eq!(day_number("2022-09-13").unwrap() - day_number("2022-09-12").unwrap(), 1);
        for bad in ["", "2022", "XXXX-12-07", "2022-13-01", "2021-02-29", "٢٠٢٢-٠٩-١٣", "2022-09-1"] {
            assert_eq!(day_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn event_days_take_a_day_a_short_range_or_the_publication_day() {
        let d = |s: &str| day_number(s).unwrap();
        assert_eq!(event_days(Some("2022-09-13"), None), Some((d("2022-09-13"), d("2022-09-13"))));
        assert_eq!(event_days(Some("2022-09-13TNI"), None), Some((d("2022-09-13"), d("2022-09-13"))));
        assert_eq!(event_days(Some("2022-09-15/2022-09-16"), None), Some((d("2022-09-15"), d("2022-09-16"))));
        assert_eq!(event_days(Some("2022-09-01/2022-09-30"), None), None);
        assert_eq!(event_days(Some("2022-09"), Some(5)), None);
        assert_eq!(event_days(None, Some(5)), Some((5, 5)));
        assert_eq!(event_days(None, None), None);
    }

    #[test]
    fn modes_are_compatible_when_equal_generic_or_of_one_acled_type() {
        assert!(modes_compatible("FIGHT", "shelling", "shelling"));
        assert!(modes_compatible("FIGHT", "shelling", "attack"));
        assert!(modes_compatible("FIGHT", "shelling", "artillery"));
        assert!(!modes_compatible("FIGHT", "shelling", "air-strike"));
        assert!(!modes_compatible("CONSULT", "meeting", "phone-call"));
    }
}
