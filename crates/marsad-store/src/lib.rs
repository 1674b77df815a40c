//! The corpus database of marsad: articles and everything extracted from them, kept in a
//! persistent, incremental store that can be searched, followed across articles and exported.
//!
//! - [`Store`]: what a backend does (ingest runs, batches written in one transaction each,
//!   search, claims, iteration for exports). [`SqliteStore`] is the embedded default; a
//!   PostgreSQL backend can implement the same trait without touching callers.
//! - [`record`]: the extraction record as the store reads it (the contract's fields).
//! - [`article`]: an [`Article`] ready to be written, prepared outside the writer.
//! - [`terms`]: the normalised, clitic-split terms the full-text index holds, aligned with the
//!   original text.
//! - [`schema`]: the SQLite schema as versioned migrations.
//! - [`search`]: queries, filters, ranked hits with snippets in original-text offsets.
//! - [`sketch`]: MinHash sketches of bodies and paragraphs (near-duplicates, text reuse).
//! - [`export`]: JSON Lines, ACLED-style CSV, PLOVER JSON, GeoJSON.
//!
//! ```
//! use marsad_store::{SqliteStore, Store};
//! let dir = tempfile::tempdir().unwrap();
//! let mut store = SqliteStore::open(&dir.path().join("marsad.db")).unwrap();
//! assert_eq!(store.stats().unwrap().articles, 0);
//! ```

#![deny(unsafe_code)]

pub mod article;
pub mod browse;
mod db;
pub mod export;
pub mod ledger;
pub mod link;
#[cfg(feature = "postgres")]
mod postgres;
mod read;
pub mod record;
pub mod schema;
pub mod search;
pub mod sketch;
mod sql;
mod sqlite;
mod stories;
pub mod terms;
#[cfg(feature = "postgres")]
mod tls;
pub mod url;

use std::path::PathBuf;

pub use article::{Article, ContentHash, Identity, IndexTerms, splice_text};
#[cfg(feature = "postgres")]
pub use postgres::{Postgres, PostgresStore, test_database};
pub use search::{Hit, SearchQuery, Snippet};
pub use sketch::Sketch;
pub use sql::SqlStore;
pub use sqlite::{Sqlite, SqliteStore};

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database could not be opened or used.
    #[error("database {path}: {source}")]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    /// A statement failed.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The database was written by a newer marsad.
    #[error(
        "database {path} has schema version {found}, newer than this marsad supports ({supported}): use a newer marsad"
    )]
    TooNew { path: PathBuf, found: i64, supported: i64 },
    /// The file is an SQLite database of another application.
    #[error("{path} is an SQLite database but not a marsad one (application id {found:#x})")]
    NotMarsad { path: PathBuf, found: i64 },
    /// A record could not be read.
    #[error("record {key}: {message}")]
    Record { key: String, message: String },
    /// A search query that cannot be run.
    #[error("query: {0}")]
    Query(String),
    /// A PostgreSQL connection or statement failed (with what the server said).
    #[cfg(feature = "postgres")]
    #[error("PostgreSQL: {message}")]
    Postgres {
        /// What the server said (the error's own message is only "db error").
        message: String,
        /// The client's error.
        error: ::postgres::Error,
    },
    /// A PostgreSQL database whose encoding cannot hold Arabic text as marsad writes it.
    #[error("PostgreSQL database {database} has encoding {encoding}; marsad needs UTF8 (createdb -E UTF8)")]
    NotUtf8 { database: String, encoding: String },
    /// A PostgreSQL database with tables of marsad's names that marsad did not make.
    #[error(
        "PostgreSQL database {database} holds tables that are not marsad's (no marsad_meta of marsad): use another database"
    )]
    NotMarsadPostgres { database: String },
    /// A PostgreSQL database written by a newer marsad.
    #[error(
        "PostgreSQL database {database} has schema version {found}, newer than this marsad supports ({supported}): use a newer marsad"
    )]
    TooNewPostgres { database: String, found: i64, supported: i64 },
    /// A PostgreSQL database without marsad's tables, named to a command that reads a corpus.
    #[error(
        "PostgreSQL database {database} holds no marsad corpus (make one with `marsad ingest PATH --db {database}`)"
    )]
    NoCorpus { database: String },
    /// A PostgreSQL database named to a marsad built without the `postgres` feature.
    #[error(
        "{database} is a PostgreSQL database, and this marsad was built without PostgreSQL (cargo feature `postgres`)"
    )]
    NoPostgres { database: String },
    /// A column holds another type than the store wrote there.
    #[error("database column {index}: {message}")]
    Column { index: usize, message: String },
    /// Output could not be written.
    #[error("cannot write: {0}")]
    Io(#[from] std::io::Error),
}

/// An ingest run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunId(pub i64);

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunStatus {
    /// Every input was read and written.
    Complete,
    /// The run stopped on an error (what was committed stays).
    Failed,
}

/// What writing a batch did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BatchStats {
    /// Articles whose key was new.
    pub added: u64,
    /// Articles whose key was known with another content hash: the old one was replaced.
    pub replaced: u64,
    /// Articles already stored with the same hash: nothing written.
    pub unchanged: u64,
}

impl std::ops::AddAssign for BatchStats {
    fn add_assign(&mut self, o: BatchStats) {
        self.added += o.added;
        self.replaced += o.replaced;
        self.unchanged += o.unchanged;
    }
}

/// Inputs of a batch that do not come to [`Store::write_batch`] as articles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Elsewhere {
    /// Articles the caller found stored with the same hash (not extracted again).
    pub unchanged: u64,
    /// Inputs that could not be read or extracted.
    pub skipped: u64,
}

/// Sizes of a database.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub articles: u64,
    pub entities: u64,
    pub mentions: u64,
    pub events: u64,
    pub claims: u64,
    pub runs: u64,
}

/// A party of an event or claim as stored: a global entity, or a bare name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Party {
    /// English name (or the name given in the record).
    pub name: String,
    /// Arabic canonical name, for entities.
    pub name_ar: Option<String>,
    /// Knowledge-base id, when known.
    pub kb: Option<String>,
    /// Entity type (PERSON, ORG, GPE, LOC), for entities.
    pub kind: Option<String>,
    /// For places: the knowledge-base id of their country (a country: itself).
    pub country: Option<String>,
    /// For places in the knowledge base: latitude and longitude.
    pub coordinates: Option<(f64, f64)>,
    /// Finer type (city, province, ...).
    pub subtype: Option<String>,
}

/// Which claims to list.
#[derive(Clone, Debug, Default)]
pub struct ClaimFilter {
    /// Claims whose side (or claimant) is this entity: its English name, Arabic name or
    /// knowledge-base id; and claims about both sides in the articles that name it (the tolls
    /// of its conflicts).
    pub entity: Option<String>,
    /// Earliest claim date (YYYY-MM-DD; compared on the date's prefix).
    pub from: Option<String>,
    /// Latest claim date.
    pub to: Option<String>,
    /// Casualty kind (killed, wounded, ...).
    pub kind: Option<String>,
}

/// A casualty claim with its source, as the ledger and the exports read it.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimRow {
    pub article_key: String,
    pub doc_id: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub count: Option<u64>,
    pub qualifier: String,
    pub kind: String,
    pub population: String,
    pub side: Option<Party>,
    pub claimant: Option<Party>,
    pub reported_by: Vec<String>,
    pub date: Option<String>,
    pub cumulative: bool,
    /// The record's id of the event the claim belongs to (v3).
    pub event: Option<String>,
    /// The places (global entity ids) of that event that are not countries: where it
    /// happened, as far as the article says.
    pub places: Vec<i64>,
    /// That event's category (`FIGHT`, `ASSAULT`, `PROTEST`...).
    pub event_type: Option<String>,
    pub evidence: String,
}

/// An event with its parties and source, as the exports read it.
#[derive(Clone, Debug, PartialEq)]
pub struct EventRow {
    pub article_key: String,
    pub doc_id: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// The record's id (v3).
    pub local: String,
    pub kind: String,
    pub mode: String,
    pub date: Option<String>,
    pub modality: Option<String>,
    pub negated: bool,
    pub actors: Vec<Party>,
    pub targets: Vec<Party>,
    pub locations: Vec<Party>,
    pub claimant: Option<Party>,
    pub reported_by: Vec<Party>,
    pub evidence: String,
    /// The casualty claims linked to this event.
    pub claims: Vec<ClaimRow>,
}

/// Which stories to list.
#[derive(Clone, Debug, Default)]
pub struct StoryFilter {
    /// Stories whose last article was published on or after this date (YYYY-MM-DD).
    pub from: Option<String>,
    /// Stories whose first article was published on or before this date.
    pub to: Option<String>,
    /// Stories with at least this many articles (at least 2: a story links articles).
    pub min_articles: u64,
    /// At most this many stories (0: all).
    pub limit: usize,
}

/// A story (articles about one happening) as a list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorySummary {
    pub id: i64,
    /// The title of its earliest article (the first words of its text when it has none).
    pub title: String,
    /// First and last publication dates.
    pub first: Option<String>,
    pub last: Option<String>,
    pub articles: u64,
    /// Distinct outlets, in order of first publication.
    pub outlets: Vec<String>,
}

/// An article of a story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryArticle {
    pub key: String,
    pub doc_id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// How it joined the story: `seed` (the first), `duplicate`, `reuse` or `event`.
    pub why: String,
}

/// A near-duplicate or text-reuse pair.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleLink {
    /// Keys of the two articles (the earlier stored first).
    pub a: String,
    pub b: String,
    /// `duplicate` or `reuse`.
    pub kind: String,
    /// Estimated Jaccard similarity of the bodies.
    pub similarity: f64,
    /// Reused paragraphs: index in `a`'s record paragraphs, in `b`'s, estimated similarity.
    pub paragraphs: Vec<(u16, u16, f64)>,
}

/// A story with its articles, the text they share and the events they report.
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    pub summary: StorySummary,
    /// By publication date.
    pub articles: Vec<StoryArticle>,
    /// The links between its articles.
    pub links: Vec<ArticleLink>,
    /// The merged events reported by at least two of its articles.
    pub events: Vec<MergedEventSummary>,
}

/// Which merged events to list.
#[derive(Clone, Debug, Default)]
pub struct MergedEventFilter {
    /// Events on or after this day (YYYY-MM-DD).
    pub from: Option<String>,
    /// Events on or before this day.
    pub to: Option<String>,
    /// Only this category (FIGHT, ...).
    pub category: Option<String>,
    /// Events reported by at least this many articles.
    pub min_articles: u64,
    /// At most this many (0: all).
    pub limit: usize,
}

/// An event merged across articles, as a list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergedEventSummary {
    pub id: i64,
    pub kind: String,
    pub mode: String,
    /// First and last day of the member events.
    pub first: Option<String>,
    pub last: Option<String>,
    /// Member events and the articles they come from.
    pub events: u64,
    pub articles: u64,
    pub actors: Vec<String>,
    pub targets: Vec<String>,
    pub places: Vec<String>,
    pub outlets: Vec<String>,
    pub claimants: Vec<String>,
}

/// An event merged across articles, with every member event (its article, claimant, outlet,
/// evidence and claims).
#[derive(Clone, Debug, PartialEq)]
pub struct MergedEvent {
    /// None for an event that could not be merged (no day, not asserted, no party or place):
    /// it stands alone.
    pub id: Option<i64>,
    pub kind: String,
    pub mode: String,
    pub first: Option<String>,
    pub last: Option<String>,
    pub members: Vec<EventRow>,
}

/// A storage backend. Callers (the `marsad` command) use only this trait, so that another
/// backend can follow without touching them.
///
/// Writing happens in runs: [`begin_run`](Store::begin_run), then batches, each in one
/// transaction ([`write_batch`](Store::write_batch)), then [`end_run`](Store::end_run). A run
/// killed between batches keeps every batch it committed and nothing of the others. (A
/// backend may let a transaction take several batches ([`Store::set_commit_every`]): a kill
/// then loses the batches of the open transaction, never part of one.)
///
/// [`SqliteStore`] (a file, the default) and, with the `postgres` feature, `PostgresStore`
/// implement it with the same logic and give the same answers (search ranks aside: see
/// `search`).
pub trait Store {
    /// Lets [`write_batch`](Store::write_batch) keep its transaction open until `articles`
    /// articles were written in it (0, the default: each batch is committed). A run writing a
    /// corpus commits every few thousand articles rather than every batch: each commit writes
    /// every page its transaction changed, and the index pages that random keys change (LSH
    /// buckets, the entity index of mentions, the search index) are changed again by the next
    /// batch. What is committed stays whole either way; [`end_run`](Store::end_run) and
    /// [`commit`](Store::commit) commit the rest.
    fn set_commit_every(&mut self, articles: usize);

    /// Has [`write_batch`](Store::write_batch) replace a stored article even when its content
    /// is unchanged (`marsad ingest --reextract`: the extractor changed within one version of
    /// marsad, as in development; across versions, articles are extracted again anyway).
    fn set_reextract(&mut self, reextract: bool);

    /// Commits the open transaction, if any.
    fn commit(&mut self) -> Result<(), StoreError>;

    /// Rolls the open transaction back, if any: for a writer whose last use ended in a panic
    /// (a server's, which goes on), so that half a batch is not committed by the next.
    fn abandon(&mut self);

    /// Records the start of an ingest run over `inputs`.
    fn begin_run(&mut self, inputs: &[String]) -> Result<RunId, StoreError>;

    /// The stored content hash of each key (None: not stored, or extracted by another version
    /// of marsad), so that unchanged articles need not be extracted again.
    fn known_hashes(&self, keys: &[&str]) -> Result<Vec<Option<ContentHash>>, StoreError>;

    /// Writes `batch` in one transaction (or in the open one, which [`end_run`](Store::end_run)
    /// commits): new keys are added, known keys with another hash are replaced (with all their
    /// rows), known keys with the same hash are left alone.
    /// `elsewhere` counts, for the run, the articles of the same stretch of input that the
    /// caller found unchanged itself (and did not extract) and the inputs it skipped.
    fn write_batch(
        &mut self,
        run: RunId,
        batch: &[Article],
        elsewhere: Elsewhere,
    ) -> Result<BatchStats, StoreError>;

    /// Records how the run ended.
    fn end_run(&mut self, run: RunId, status: RunStatus) -> Result<(), StoreError>;

    /// Searches the articles.
    fn search(&self, query: &SearchQuery) -> Result<Vec<Hit>, StoreError>;

    /// The casualty claims matching `filter`, by date, then publication date, then article.
    fn claims(&self, filter: &ClaimFilter) -> Result<Vec<ClaimRow>, StoreError>;

    /// Calls `f` with each stored record, in JSON, in ingestion order. The records are read
    /// as `f` takes them (a corpus is not held in memory), so `f` must not use the store.
    fn for_each_record(&self, f: &mut dyn FnMut(String) -> Result<(), StoreError>) -> Result<(), StoreError>;

    /// Calls `f` with each stored event, with its parties and claims, in ingestion order.
    fn for_each_event(&self, f: &mut dyn FnMut(EventRow) -> Result<(), StoreError>)
    -> Result<(), StoreError>;

    /// Sizes of the database.
    fn stats(&self) -> Result<Stats, StoreError>;

    /// The schema version of the database (each backend counts its own: SQLite's
    /// [`schema::LATEST`], PostgreSQL's `postgres::LATEST`).
    fn schema_version(&self) -> Result<i64, StoreError>;

    /// Stories matching `filter`, the largest first (then the latest).
    fn stories(&self, filter: &StoryFilter) -> Result<Vec<StorySummary>, StoreError>;

    /// One story with its articles, links and shared events.
    fn story(&self, id: i64) -> Result<Option<Story>, StoreError>;

    /// Near-duplicate and text-reuse pairs that involve the article with this key.
    fn links(&self, key: &str) -> Result<Vec<ArticleLink>, StoreError>;

    /// Merged events matching `filter`, the most reported first (then the latest).
    fn merged_events(&self, filter: &MergedEventFilter) -> Result<Vec<MergedEventSummary>, StoreError>;

    /// One merged event with its member events.
    fn merged_event(&self, id: i64) -> Result<Option<MergedEvent>, StoreError>;

    /// Calls `f` with each event merged across articles (and each event that stands alone),
    /// in the order of their first member's ingestion.
    fn for_each_merged_event(
        &self,
        f: &mut dyn FnMut(MergedEvent) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;
}

/// A corpus database as a server uses it: written and read ([`Store`]), browsed
/// ([`browse::Browse`]), and its running statement stopped from another thread when the
/// request that asked for it is given up ([`Corpus::interrupter`]).
pub trait Corpus: Store + browse::Browse + Send {
    /// What stops the statement this connection is running, if anything can.
    fn interrupter(&self) -> Option<Interrupter>;
}

/// Stops the statement a connection is running (SQLite: at once, in the process;
/// PostgreSQL: the server is asked to cancel it).
pub struct Interrupter(Box<dyn Fn() + Send + Sync>);

impl Interrupter {
    /// Stops the running statement (which then fails); nothing when none runs.
    pub fn interrupt(&self) {
        (self.0)()
    }
}

impl std::fmt::Debug for Interrupter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Interrupter")
    }
}

impl Corpus for SqliteStore {
    fn interrupter(&self) -> Option<Interrupter> {
        let handle = self.connection().get_interrupt_handle();
        Some(Interrupter(Box::new(move || handle.interrupt())))
    }
}

/// Opens the corpus database `db` names: a PostgreSQL database for a `postgres://` or
/// `postgresql://` URL ([`url::is_postgres_url`]), else an SQLite file. With `create`, a
/// database without marsad's tables gets them (an SQLite file is created); without, a
/// PostgreSQL database without them is refused ([`StoreError::NoCorpus`]; callers that want an
/// existing SQLite file check that it exists first).
pub fn open_corpus(db: &std::path::Path, create: bool) -> Result<Box<dyn Corpus>, StoreError> {
    match db.to_str() {
        Some(url) if url::is_postgres_url(url) => open_postgres(url, create),
        _ => Ok(Box::new(SqliteStore::open(db)?)),
    }
}

#[cfg(feature = "postgres")]
fn open_postgres(url: &str, create: bool) -> Result<Box<dyn Corpus>, StoreError> {
    Ok(Box::new(match create {
        true => PostgresStore::connect(url)?,
        false => PostgresStore::connect_existing(url)?,
    }))
}

#[cfg(not(feature = "postgres"))]
fn open_postgres(url: &str, _create: bool) -> Result<Box<dyn Corpus>, StoreError> {
    Err(StoreError::NoPostgres { database: url::without_password(url) })
}
