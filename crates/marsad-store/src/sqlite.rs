//! The SQLite backend (embedded, the default).
//!
//! The database runs in WAL mode: readers (a search, the hash look-ups of an ingest) see the
//! last committed batch while the writer writes the next. `synchronous = NORMAL` keeps every
//! committed batch through a crash of the process (kill -9); only a power loss can take back
//! the last ones, never corrupt the file.

use std::path::{Path, PathBuf};
use std::time::Duration;

use marsad_kb::Kb;
use rusqlite::{Connection, OptionalExtension, params};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::link::{EventKeys, Linkable, Linker, day_number, event_days};
use crate::schema::{APPLICATION_ID, LATEST, MIGRATIONS};
use crate::sketch::Sketch;
use crate::terms::query_terms;
use crate::{
    Article, BatchStats, ClaimFilter, ClaimRow, ContentHash, Elsewhere, EventRow, Identity, Party, RunId,
    RunStatus, SearchQuery, Stats, Store, StoreError,
};

/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 128;

/// Entities remembered by the writer between batches (their ids), at most.
const ENTITY_CACHE: usize = 200_000;

/// A marsad database in an SQLite file.
pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
    /// Global entity ids by key, so that most entities of a batch cost no statement.
    entity_ids: FxHashMap<String, i64>,
    /// Links new articles with the stored ones (near-duplicates, merged events, stories).
    linker: Linker,
    /// Articles written in the open transaction (None: no transaction is open).
    open: Option<usize>,
    /// Articles a transaction of [`Store::write_batch`] takes before it is committed (0: each
    /// batch is committed).
    commit_every: usize,
    /// Search index rows of the open transaction (rowid, title, body), written just before
    /// its commit: FTS5 writes its pending terms out as a new segment whenever a statement
    /// opens a savepoint (an `INSERT OR REPLACE` does), so rows indexed as they come made a
    /// segment per batch, each merged again later; written last, a transaction makes one.
    pending_fts: Vec<(i64, String, String)>,
    /// Mention rows of the open transaction, written just before its commit in the order of
    /// the entity index (`mentions_entity`): written as they come, each of them was a look-up
    /// at a random place of that index. (The rows' primary key starts with the article, which
    /// is new: in any order they go to the end of the table.)
    pending_mentions: Vec<Mention>,
    /// Whether a stored article of the same content is extracted and written again
    /// ([`SqliteStore::set_reextract`]).
    reextract: bool,
}

/// The version of marsad a run records (`runs.marsad_version`): an article written by a run
/// of another version was extracted by another extractor, and counts as changed.
const MARSAD_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The stored id and content hash of an article, by key, with whether this version of marsad
/// extracted it (the version of the run that wrote it).
const STORED_ARTICLE: &str = "SELECT a.id, a.hash, r.marsad_version IS ?2 FROM articles a
     LEFT JOIN runs r ON r.id = a.run WHERE a.key = ?1";

/// The rows of a batch's articles in `events` and `event_roles`, written together at
/// the end of the batch ([`ChildRows::write`]), many rows per statement: written one statement
/// a row, they were 200,000 statement executions of a bench ingest, each costing more than the
/// row it inserts. They borrow from the batch; each row knows its article, so that the rows
/// of an article replaced within the batch can be dropped.
#[derive(Default)]
struct ChildRows<'a> {
    /// The rows of `events`: their ids are given here (`next_event`), as SQLite would give
    /// them (one more than the largest stored or given), so that the rows that point at an
    /// event can be made before it is written.
    events: Vec<NewEvent<'a>>,
    next_event: i64,
    roles: Vec<Role<'a>>,
}

/// A row of `events`: (article, id, the record's event, claimant entity, claimant name).
type NewEvent<'a> = (i64, i64, &'a crate::record::Event, Option<i64>, Option<&'a str>);

/// A row of `event_roles`, with its event's article: (article, event, role, entity, bare name).
type Role<'a> = (i64, i64, &'static str, Option<i64>, Option<&'a str>);

impl<'a> ChildRows<'a> {
    /// Before a batch: the next event id is one more than the largest stored.
    fn new(tx: &Connection) -> Result<ChildRows<'a>, StoreError> {
        Ok(ChildRows { next_event: Self::stored_events_end(tx)?, ..ChildRows::default() })
    }

    fn stored_events_end(tx: &Connection) -> Result<i64, StoreError> {
        Ok(tx.prepare_cached("SELECT coalesce(max(id), 0) + 1 FROM events")?.query_row([], |r| r.get(0))?)
    }

    /// Drops the rows of a deleted article (replaced), written or not: the next event id is
    /// again one more than the largest left, stored or given, as SQLite's would be.
    fn forget(&mut self, tx: &Connection, article: i64) -> Result<(), StoreError> {
        self.events.retain(|r| r.0 != article);
        let given = self.events.last().map_or(0, |r| r.1 + 1);
        self.next_event = Self::stored_events_end(tx)?.max(given);
        self.roles.retain(|r| r.0 != article);
        Ok(())
    }

    /// Writes the rows, in the order they came (the roles of an event are read in rowid order).
    fn write(&self, tx: &Connection) -> Result<(), StoreError> {
        insert_rows(
            tx,
            "INSERT OR FAIL INTO events (id, article, local, type, mode, date, modality, negated, claimant_entity,
                 claimant, evidence_start, evidence_end, trigger_start, trigger_end, rule) VALUES",
            15,
            &self.events,
            |stmt, at, &(article, id, ev, claimant_entity, claimant)| {
                stmt.raw_bind_parameter(at, id)?;
                stmt.raw_bind_parameter(at + 1, article)?;
                stmt.raw_bind_parameter(at + 2, &ev.id)?;
                stmt.raw_bind_parameter(at + 3, &ev.kind)?;
                stmt.raw_bind_parameter(at + 4, &ev.mode)?;
                stmt.raw_bind_parameter(at + 5, &ev.date)?;
                stmt.raw_bind_parameter(at + 6, &ev.modality)?;
                stmt.raw_bind_parameter(at + 7, ev.negated)?;
                stmt.raw_bind_parameter(at + 8, claimant_entity)?;
                stmt.raw_bind_parameter(at + 9, claimant)?;
                stmt.raw_bind_parameter(at + 10, ev.evidence.start as i64)?;
                stmt.raw_bind_parameter(at + 11, ev.evidence.end as i64)?;
                stmt.raw_bind_parameter(at + 12, ev.trigger.map(|t| t.start as i64))?;
                stmt.raw_bind_parameter(at + 13, ev.trigger.map(|t| t.end as i64))?;
                stmt.raw_bind_parameter(at + 14, &ev.rule)
            },
        )?;
        insert_rows(
            tx,
            "INSERT OR FAIL INTO event_roles (event, role, entity, name) VALUES",
            4,
            &self.roles,
            |stmt, at, &(_, event, role, entity, name)| {
                stmt.raw_bind_parameter(at, event)?;
                stmt.raw_bind_parameter(at + 1, role)?;
                stmt.raw_bind_parameter(at + 2, entity)?;
                stmt.raw_bind_parameter(at + 3, name)
            },
        )
    }
}

/// A row of `mentions`.
struct Mention {
    entity: i64,
    article: i64,
    local: String,
    spans: String,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore").field("path", &self.path).finish()
    }
}

impl SqliteStore {
    /// Opens (or creates) the database at `path`, bringing an older schema up to date. A
    /// database of a newer marsad, or an SQLite file of another application, is refused.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let at = |source| StoreError::Open { path: path.to_path_buf(), source };
        let conn = Connection::open(path).map_err(at)?;
        conn.busy_timeout(Duration::from_secs(30)).map_err(at)?;
        // a new database gets 16 KiB pages: articles of a few KiB fit a page more often, the
        // trees are shallower, and a commit writes fewer, larger pages (a bench ingest ran 4%
        // faster than with 8 KiB pages, with the same search latency); it takes effect only
        // before the first table is written
        conn.execute_batch("PRAGMA page_size = 16384;").map_err(at)?;
        // WAL can only be set outside a transaction; a read-only medium keeps its mode
        let _: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).map_err(at)?;
        // a 64 MiB page cache: the indexes of a batch are written in key order, not row order;
        // the WAL is copied back every 64 MiB (4096 pages of a new database, 8192 of one made
        // with 8 KiB pages), not every 1000 pages: an index page that many batches write is
        // copied back once
        let page_size: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0)).map_err(at)?;
        conn.execute_batch(&format!(
            "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -65536;
             PRAGMA wal_autocheckpoint = {};",
            (64 << 20) / page_size.max(512)
        ))
        .map_err(at)?;
        // every statement of a batch stays prepared (rusqlite keeps 16 by default: a batch
        // uses more, and preparing is most of the cost of a small statement)
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        // rarray(): a list of values bound as one parameter
        rusqlite::vtab::array::load_module(&conn).map_err(at)?;
        let mut store = SqliteStore {
            conn,
            path: path.to_path_buf(),
            entity_ids: FxHashMap::default(),
            linker: Linker::default(),
            open: None,
            commit_every: 0,
            pending_fts: Vec::new(),
            pending_mentions: Vec::new(),
            reextract: false,
        };
        let before = store.schema_version()?;
        store.migrate()?;
        if before < 3 && before > 0 {
            store.link_stored()?;
        }
        Ok(store)
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// The underlying connection (for checks and tools).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Brings the database to [`LATEST`], one migration per transaction.
    fn migrate(&mut self) -> Result<(), StoreError> {
        self.migrate_to(LATEST)
    }

    /// Applies the migrations up to `target` (tests build older databases with it).
    #[doc(hidden)]
    pub fn migrate_to(&mut self, target: i64) -> Result<(), StoreError> {
        let version = self.schema_version()?;
        let app: i64 = self.conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        if app != 0 && app != APPLICATION_ID {
            return Err(StoreError::NotMarsad { path: self.path.clone(), found: app });
        }
        if app == 0 && version > 0 {
            return Err(StoreError::NotMarsad { path: self.path.clone(), found: app });
        }
        if version > LATEST {
            return Err(StoreError::TooNew { path: self.path.clone(), found: version, supported: LATEST });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().take(target as usize).skip(version as usize) {
            let tx = self.conn.transaction()?;
            // read again inside the transaction: another process may have migrated meanwhile
            let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if now > i as i64 {
                continue;
            }
            tx.execute_batch(sql)?;
            tx.execute_batch(&format!(
                "PRAGMA user_version = {}; PRAGMA application_id = {APPLICATION_ID};",
                i + 1
            ))?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Opens a database without migrating it (tests build older databases with it).
    #[doc(hidden)]
    pub fn open_at_version(path: &Path, version: i64) -> Result<SqliteStore, StoreError> {
        let conn =
            Connection::open(path).map_err(|source| StoreError::Open { path: path.to_path_buf(), source })?;
        let mut store = SqliteStore {
            conn,
            path: path.to_path_buf(),
            entity_ids: FxHashMap::default(),
            linker: Linker::default(),
            open: None,
            commit_every: 0,
            pending_fts: Vec::new(),
            pending_mentions: Vec::new(),
            reextract: false,
        };
        store.migrate_to(version)?;
        Ok(store)
    }
}

impl SqliteStore {
    /// Lets [`Store::write_batch`] keep its transaction open until `articles` articles were
    /// written in it (0, the default: each batch is committed). A run writing a corpus commits
    /// every few thousand articles rather than every batch: each commit writes every page its
    /// transaction changed, and the index pages that random keys change (LSH buckets, the
    /// entity index of mentions, the search index) are changed again by the next batch. What
    /// is committed stays whole either way; [`Store::end_run`] and [`SqliteStore::commit`]
    /// commit the rest.
    pub fn set_commit_every(&mut self, articles: usize) {
        self.commit_every = articles;
    }

    /// Has [`Store::write_batch`] replace a stored article even when its content is unchanged
    /// (`marsad ingest --reextract`: the extractor changed within one version of marsad, as
    /// in development; across versions, articles are extracted again anyway).
    pub fn set_reextract(&mut self, reextract: bool) {
        self.reextract = reextract;
    }

    /// Commits the open transaction, if any (its bucket rows are written first).
    pub fn commit(&mut self) -> Result<(), StoreError> {
        if self.open.is_none() {
            return Ok(());
        }
        let done = self
            .linker
            .flush(&self.conn)
            .and_then(|()| self.flush_mentions())
            .and_then(|()| self.flush_fts())
            .and_then(|()| Ok(self.conn.execute_batch("COMMIT")?));
        match done {
            Ok(()) => self.open = None,
            Err(_) => self.rollback(),
        }
        done
    }

    /// Writes the mention rows of the transaction, in the order of the entity index.
    fn flush_mentions(&mut self) -> Result<(), StoreError> {
        self.pending_mentions.sort_unstable_by_key(|m| (m.entity, m.article));
        let rows = std::mem::take(&mut self.pending_mentions);
        insert_rows(
            &self.conn,
            "INSERT OR IGNORE INTO mentions (article, local, entity, spans) VALUES",
            4,
            &rows,
            |stmt, at, m| {
                stmt.raw_bind_parameter(at, m.article)?;
                stmt.raw_bind_parameter(at + 1, &m.local)?;
                stmt.raw_bind_parameter(at + 2, m.entity)?;
                stmt.raw_bind_parameter(at + 3, &m.spans)
            },
        )
    }

    /// Writes the search index rows of the transaction.
    fn flush_fts(&mut self) -> Result<(), StoreError> {
        let mut insert =
            self.conn.prepare_cached("INSERT INTO article_fts (rowid, title, body) VALUES (?1, ?2, ?3)")?;
        for (rowid, title, body) in self.pending_fts.drain(..) {
            insert.execute(params![rowid, title, body])?;
        }
        Ok(())
    }

    fn begin(&mut self) -> Result<(), StoreError> {
        if self.open.is_none() {
            // the write lock at once: a transaction holds thousands of articles, and another
            // connection committing between its first read and its first write would make
            // that write fail
            self.conn.execute_batch("BEGIN IMMEDIATE")?;
            self.open = Some(0);
            if let Err(e) = self.linker.begin(&self.conn) {
                self.rollback();
                return Err(e);
            }
        }
        Ok(())
    }

    /// Rolls the open transaction back and forgets what was cached from it (ids of a
    /// rolled-back transaction may not exist, or be given again).
    fn rollback(&mut self) {
        if self.open.take().is_some() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        self.linker.clear();
        self.entity_ids.clear();
        self.pending_fts.clear();
        self.pending_mentions.clear();
    }
}

impl SqliteStore {
    /// Links the stored articles that have no sketch yet (a database made before links
    /// existed: opening it after migration 3 runs this once), a transaction per 256 articles.
    /// Returns how many were linked.
    pub fn link_stored(&mut self) -> Result<u64, StoreError> {
        let mut done = 0u64;
        loop {
            let rows: Vec<(i64, String, Vec<u8>, String)> = self
                .conn
                .prepare_cached(
                    "SELECT a.id, a.key, a.record, a.text FROM articles a
                     WHERE NOT EXISTS (SELECT 1 FROM sketches s WHERE s.article = a.id) ORDER BY a.id LIMIT 256",
                )?
                .query_map([], |r| {
                    // whatever a damaged row holds, it is read as bytes (and then not linked)
                    let bytes = |i: usize| -> rusqlite::Result<Vec<u8>> {
                        Ok(match r.get_ref(i)? {
                            rusqlite::types::ValueRef::Blob(b) | rusqlite::types::ValueRef::Text(b) => b.to_vec(),
                            _ => Vec::new(),
                        })
                    };
                    Ok((r.get(0)?, r.get(1)?, bytes(2)?, String::from_utf8_lossy(&bytes(3)?).into_owned()))
                })?
                .collect::<Result<_, _>>()?;
            if rows.is_empty() {
                return Ok(done);
            }
            self.begin()?;
            match link_rows(&self.conn, &mut self.linker, rows) {
                Ok(n) => {
                    done += n;
                    self.commit()?;
                }
                Err(e) => {
                    self.rollback();
                    return Err(e);
                }
            }
        }
    }
}

/// Links stored articles (id, key, record, text) read by [`SqliteStore::link_stored`].
fn link_rows(
    conn: &Connection,
    linker: &mut Linker,
    rows: Vec<(i64, String, Vec<u8>, String)>,
) -> Result<u64, StoreError> {
    let mut done = 0;
    for (id, key, record, text) in rows {
        let identity = Identity { key, hash: ContentHash([0; 32]) };
        let linkable =
            match crate::article::decompress(&record).and_then(|json| Article::new(identity, json, text)) {
                Ok(a) => stored_linkable(conn, id, &a)?,
                // an unreadable record is not linked, and not tried again
                Err(_) => Linkable { article: id, day: None, sketch: Sketch::of(&[]), events: Vec::new() },
            };
        linker.link(conn, linkable)?;
        done += 1;
    }
    Ok(done)
}

/// What linking needs of a stored article, its ids read back from the database.
fn stored_linkable(tx: &Connection, id: i64, a: &Article) -> Result<Linkable, StoreError> {
    let owned: Vec<(String, i64, bool)> = tx
        .prepare_cached(
            "SELECT m.local, m.entity, coalesce(e.kb LIKE 'country:%', 0) FROM mentions m
             JOIN entities e ON e.id = m.entity WHERE m.article = ?1",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let local: FxHashMap<&str, i64> = owned.iter().map(|(l, e, _)| (l.as_str(), *e)).collect();
    let countries: FxHashSet<i64> = owned.iter().filter(|o| o.2).map(|o| o.1).collect();
    let events: FxHashMap<String, i64> = tx
        .prepare_cached("SELECT local, id FROM events WHERE article = ?1")?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let day = a.record.published.as_deref().and_then(day_number);
    let keys = a
        .record
        .events
        .iter()
        .filter_map(|ev| events.get(&ev.id).map(|&eid| event_keys(eid, ev, day, &local, &countries)))
        .collect();
    Ok(Linkable { article: id, day, sketch: a.sketch.clone(), events: keys })
}

/// Deletes an article and every row of it. The writer does not have SQLite enforce the
/// foreign keys (checking that each of the hundred rows of a new article points at the
/// article just written cost more than a tenth of its time), so it deletes what the schema's
/// `ON DELETE CASCADE` would, itself; `PRAGMA foreign_key_check` stays clean (a test checks).
fn delete_article(tx: &Connection, id: i64) -> Result<(), StoreError> {
    for sql in [
        "DELETE FROM event_roles WHERE event IN (SELECT id FROM events WHERE article = ?1)",
        "DELETE FROM event_merges WHERE event IN (SELECT id FROM events WHERE article = ?1)",
        "DELETE FROM claims WHERE article = ?1",
        "DELETE FROM events WHERE article = ?1",
        "DELETE FROM mentions WHERE article = ?1",
        "DELETE FROM sketches WHERE article = ?1",
        "DELETE FROM story_articles WHERE article = ?1",
        "DELETE FROM article_links WHERE a = ?1",
        "DELETE FROM article_links WHERE b = ?1",
        "DELETE FROM article_fts WHERE rowid = ?1",
        "DELETE FROM articles WHERE id = ?1",
    ] {
        tx.prepare_cached(sql)?.execute([id])?;
    }
    Ok(())
}

/// The global id of an entity of a record, created when new.
fn entity_id(
    tx: &Connection,
    cache: &mut FxHashMap<String, i64>,
    e: &crate::record::Entity,
    key: &str,
) -> Result<i64, StoreError> {
    if let Some(&id) = cache.get(key) {
        return Ok(id);
    }
    // inserted unless its key is stored (one look-up of the key, not a look-up and then an
    // insert: most entities the cache does not know are new); a stored one is read back.
    // An insert that conflicts stores nothing and takes no id.
    let kb = Kb::builtin();
    let entry = e.kb.as_deref().and_then(|id| kb.by_id(id)).map(|id| kb.entry(id));
    let country = entry.and_then(|en| match en.country {
        Some(c) => Some(kb.entry(c).id.as_str()),
        None if en.id.starts_with("country:") => Some(en.id.as_str()),
        None => None,
    });
    let coords = entry.and_then(|en| en.coordinates);
    let inserted = tx
        .prepare_cached(
            "INSERT INTO entities (key, kb, type, name, name_ar, subtype, country, lat, lon)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (key) DO NOTHING",
        )?
        .execute(params![
            key,
            e.kb,
            e.kind,
            e.name,
            e.name_ar,
            e.subtype,
            country,
            coords.map(|c| c.0),
            coords.map(|c| c.1)
        ])?;
    let id = if inserted == 1 {
        tx.last_insert_rowid()
    } else {
        tx.prepare_cached("SELECT id FROM entities WHERE key = ?1")?.query_row([&key], |r| r.get(0))?
    };
    if cache.len() >= ENTITY_CACHE {
        cache.clear();
    }
    cache.insert(key.to_string(), id);
    Ok(id)
}

/// Writes one article's rows (the article is new or its old rows are gone).
fn insert_article<'a>(
    tx: &Connection,
    cache: &mut FxHashMap<String, i64>,
    fts: &mut Vec<(i64, String, String)>,
    mentions: &mut Vec<Mention>,
    children: &mut ChildRows<'a>,
    run: RunId,
    a: &'a Article,
) -> Result<Linkable, StoreError> {
    let r = &a.record;
    tx.prepare_cached(
        "INSERT INTO articles (key, doc_id, source_path, source_format, source_line, outlet, published,
                 published_from, language, hash, title, text, record, run)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        a.identity.key,
        r.id,
        r.source.path,
        r.source.format,
        r.source.line,
        r.outlet,
        r.published,
        r.published_from,
        r.language,
        &a.identity.hash.0[..],
        r.title.as_ref().map(|t| t.text.as_str()),
        r.text,
        a.record_deflated,
        run.0
    ])?;
    let article = tx.last_insert_rowid();
    // indexed just before the commit (`SqliteStore::pending_fts`)
    fts.push((article, a.index_title.clone(), a.index_body.clone()));

    let mut local: FxHashMap<&str, i64> = FxHashMap::default();
    let mut countries: FxHashSet<i64> = FxHashSet::default();
    for ((e, key), spans) in r.entities.iter().zip(&a.entity_keys).zip(&a.mention_spans) {
        let id = entity_id(tx, cache, e, key)?;
        local.insert(e.id.as_str(), id);
        if e.kb.as_deref().is_some_and(|k| k.starts_with("country:")) {
            countries.insert(id);
        }
        // one row per entity of the article, its mentions together (a row per mention would
        // be most of the rows an ingest writes), written before the commit
        mentions.push(Mention { entity: id, article, local: e.id.clone(), spans: spans.clone() });
    }
    let party = |p: &Option<String>| -> (Option<i64>, Option<String>) {
        match p {
            None => (None, None),
            Some(s) => match local.get(s.as_str()) {
                Some(&id) => (Some(id), None),
                None => (None, Some(s.clone())),
            },
        }
    };
    let mut event_ids: FxHashMap<&str, i64> = FxHashMap::default();
    let day = r.published.as_deref().and_then(day_number);
    let mut keys = Vec::new();
    for ev in &r.events {
        let (claimant_entity, claimant) = match ev.claimant.as_deref() {
            None => (None, None),
            Some(c) => match local.get(c) {
                Some(&id) => (Some(id), None),
                None => (None, Some(c)),
            },
        };
        // written at the end of the batch, with the id given here
        let id = children.next_event;
        children.next_event += 1;
        children.events.push((article, id, ev, claimant_entity, claimant));
        event_ids.insert(ev.id.as_str(), id);
        keys.push(event_keys(id, ev, day, &local, &countries));
        let roles = [
            ("actor", &ev.actors),
            ("target", &ev.targets),
            ("location", &ev.locations),
            ("reported_by", &ev.reported_by),
        ];
        for (name, parties) in roles {
            for p in parties.iter() {
                let row = match local.get(p.as_str()) {
                    Some(&entity) => (article, id, name, Some(entity), None),
                    None => (article, id, name, None, Some(p.as_str())),
                };
                children.roles.push(row);
            }
        }
    }
    let mut claim = tx.prepare_cached(
            "INSERT INTO claims (article, ordinal, count, qualifier, kind, population, side_entity, side,
                 claimant_entity, claimant, reported_by, date, cumulative, event, evidence_start, evidence_end, rule)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        )?;
    for (i, c) in r.casualties.iter().enumerate() {
        let (side_entity, side) = party(&c.side);
        let (claimant_entity, claimant) = party(&c.claimant);
        let reported: Vec<i64> =
            c.reported_by.iter().filter_map(|r| local.get(r.as_str()).copied()).collect();
        let event = c.event.as_deref().and_then(|v| event_ids.get(v).copied());
        claim.execute(params![
            article,
            i,
            c.count.map(|n| n.min(i64::MAX as u64) as i64),
            c.qualifier,
            c.kind,
            c.population,
            side_entity,
            side,
            claimant_entity,
            claimant,
            serde_json::to_string(&reported).unwrap_or_else(|_| "[]".into()),
            c.date,
            c.cumulative,
            event,
            c.evidence.start,
            c.evidence.end,
            c.rule
        ])?;
    }
    Ok(Linkable { article, day, sketch: a.sketch.clone(), events: keys })
}

/// What merging needs of an event of a record: its days (when it happened, not negated),
/// its places and parties as global entity ids.
fn event_keys(
    id: i64,
    ev: &crate::record::Event,
    published: Option<i32>,
    local: &FxHashMap<&str, i64>,
    countries: &FxHashSet<i64>,
) -> EventKeys {
    let happened = !ev.negated && ev.modality.as_deref().is_none_or(|m| m == "asserted");
    let global =
        |ids: &[String]| -> Vec<i64> { ids.iter().filter_map(|l| local.get(l.as_str()).copied()).collect() };
    EventKeys {
        id,
        kind: ev.kind.clone(),
        mode: ev.mode.clone(),
        days: if happened { event_days(ev.date.as_deref(), published) } else { None },
        places: global(&ev.locations).into_iter().map(|e| (e, countries.contains(&e))).collect(),
        parties: global(&ev.actors).into_iter().chain(global(&ev.targets)).collect(),
    }
}

impl SqliteStore {
    /// A party read back: entity columns, else the bare name.
    pub(crate) fn read_party(
        &self,
        entity: Option<i64>,
        name: Option<String>,
    ) -> Result<Option<Party>, StoreError> {
        match (entity, name) {
            (Some(id), _) => Ok(self
                .conn
                .prepare_cached(
                    "SELECT name, name_ar, kb, type, country, lat, lon, subtype FROM entities WHERE id = ?1",
                )?
                .query_row([id], |r| {
                    let lat: Option<f64> = r.get(5)?;
                    let lon: Option<f64> = r.get(6)?;
                    Ok(Party {
                        name: r.get(0)?,
                        name_ar: r.get(1)?,
                        kb: r.get(2)?,
                        kind: r.get(3)?,
                        country: r.get(4)?,
                        coordinates: lat.zip(lon),
                        subtype: r.get(7)?,
                    })
                })
                .optional()?),
            (None, Some(name)) => Ok(Some(Party { name, ..Party::default() })),
            (None, None) => Ok(None),
        }
    }

    /// Claims of the query `sql` (its columns in the order of [`CLAIM_COLUMNS`]).
    fn claim_rows(&self, sql: &str, params: &[&dyn rusqlite::ToSql]) -> Result<Vec<ClaimRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let raw: Vec<RawClaim> = stmt
            .query_map(params, |r| {
                Ok(RawClaim {
                    article_key: r.get(0)?,
                    doc_id: r.get(1)?,
                    outlet: r.get(2)?,
                    published: r.get(3)?,
                    count: r.get(4)?,
                    qualifier: r.get(5)?,
                    kind: r.get(6)?,
                    population: r.get(7)?,
                    side_entity: r.get(8)?,
                    side: r.get(9)?,
                    claimant_entity: r.get(10)?,
                    claimant: r.get(11)?,
                    reported_by: r.get(12)?,
                    date: r.get(13)?,
                    cumulative: r.get(14)?,
                    event: r.get(15)?,
                    evidence: r.get(16)?,
                    places: r.get(17)?,
                    event_type: r.get(18)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        raw.into_iter()
            .map(|c| {
                let reported: Vec<i64> =
                    c.reported_by.as_deref().and_then(|s| serde_json::from_str(s).ok()).unwrap_or_default();
                let mut reported_by = Vec::with_capacity(reported.len());
                for id in reported {
                    if let Some(p) = self.read_party(Some(id), None)? {
                        reported_by.push(p.name);
                    }
                }
                Ok(ClaimRow {
                    article_key: c.article_key,
                    doc_id: c.doc_id,
                    outlet: c.outlet,
                    published: c.published,
                    count: c.count.map(|n| n.max(0) as u64),
                    qualifier: c.qualifier,
                    kind: c.kind,
                    population: c.population,
                    side: self.read_party(c.side_entity, c.side)?,
                    claimant: self.read_party(c.claimant_entity, c.claimant)?,
                    reported_by,
                    date: c.date,
                    cumulative: c.cumulative,
                    event: c.event,
                    places: c
                        .places
                        .as_deref()
                        .map(|s| s.split(',').filter_map(|id| id.trim().parse().ok()).collect())
                        .unwrap_or_default(),
                    event_type: c.event_type,
                    evidence: c.evidence,
                })
            })
            .collect()
    }
}

impl SqliteStore {
    /// Writes a batch in the open transaction.
    fn write_open(
        &mut self,
        run: RunId,
        batch: &[Article],
        elsewhere: Elsewhere,
    ) -> Result<BatchStats, StoreError> {
        let tx = &self.conn;
        let mut stats = BatchStats::default();
        let (mut merged, mut stories) = (Vec::new(), Vec::new());
        let mut linkables = Vec::with_capacity(batch.len());
        let mut children = ChildRows::new(tx)?;
        for a in batch {
            let existing: Option<(i64, Vec<u8>, bool)> = tx
                .prepare_cached(STORED_ARTICLE)?
                .query_row(params![&a.identity.key, MARSAD_VERSION], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })
                .optional()?;
            match existing {
                Some((_, hash, same_version))
                    if hash == a.identity.hash.0 && same_version && !self.reextract =>
                {
                    stats.unchanged += 1;
                    continue;
                }
                Some((id, _, _)) => {
                    merged.extend(
                        tx.prepare_cached(
                            "SELECT DISTINCT em.merged FROM events e JOIN event_merges em ON em.event = e.id
                             WHERE e.article = ?1",
                        )?
                        .query_map([id], |r| r.get::<_, i64>(0))?
                        .collect::<Result<Vec<_>, _>>()?,
                    );
                    stories.extend(
                        tx.prepare_cached("SELECT story FROM story_articles WHERE article = ?1")?
                            .query_row([id], |r| r.get::<_, i64>(0))
                            .optional()?,
                    );
                    delete_article(tx, id)?;
                    self.linker.forget_article(id);
                    // (an article of this batch: its id is given again to the new version)
                    linkables.retain(|l: &crate::link::Linkable| l.article != id);
                    self.pending_fts.retain(|p| p.0 != id);
                    self.pending_mentions.retain(|m| m.article != id);
                    children.forget(tx, id)?;
                    stats.replaced += 1;
                }
                None => stats.added += 1,
            }
            linkables.push(insert_article(
                tx,
                &mut self.entity_ids,
                &mut self.pending_fts,
                &mut self.pending_mentions,
                &mut children,
                run,
                a,
            )?);
        }
        children.write(tx)?;
        if !merged.is_empty() || !stories.is_empty() {
            crate::link::forget(tx, &merged, &stories)?;
        }
        self.linker.link_all(tx, linkables)?;
        tx.execute(
            "UPDATE runs SET seen = seen + ?2, added = added + ?3, replaced = replaced + ?4,
                 unchanged = unchanged + ?5, skipped = skipped + ?6 WHERE id = ?1",
            params![
                run.0,
                (batch.len() as u64 + elsewhere.unchanged) as i64,
                stats.added as i64,
                stats.replaced as i64,
                (stats.unchanged + elsewhere.unchanged) as i64,
                elsewhere.skipped as i64
            ],
        )?;
        Ok(stats)
    }
}

/// The query of event rows ([`SqliteStore::event_row`]); a WHERE clause and an order follow.
pub(crate) const EVENT_SELECT: &str =
    "SELECT ev.id, a.id, a.key, a.doc_id, a.outlet, a.published, ev.local, ev.type, ev.mode, ev.date,
         ev.modality, ev.negated, ev.claimant_entity, ev.claimant,
         substr(a.text, ev.evidence_start + 1, ev.evidence_end - ev.evidence_start)
     FROM events ev JOIN articles a ON a.id = ev.article";

impl SqliteStore {
    /// An event with its parties and claims, from a row of [`EVENT_SELECT`].
    pub(crate) fn event_row(&self, r: &rusqlite::Row<'_>) -> Result<EventRow, StoreError> {
        let event: i64 = r.get(0)?;
        let mut row = EventRow {
            article_key: r.get(2)?,
            doc_id: r.get(3)?,
            outlet: r.get(4)?,
            published: r.get(5)?,
            local: r.get(6)?,
            kind: r.get(7)?,
            mode: r.get(8)?,
            date: r.get(9)?,
            modality: r.get(10)?,
            negated: r.get(11)?,
            actors: Vec::new(),
            targets: Vec::new(),
            locations: Vec::new(),
            claimant: self.read_party(r.get(12)?, r.get(13)?)?,
            reported_by: Vec::new(),
            evidence: r.get(14)?,
            claims: Vec::new(),
        };
        let roles: Vec<(String, Option<i64>, Option<String>)> = self
            .conn
            .prepare_cached("SELECT role, entity, name FROM event_roles WHERE event = ?1 ORDER BY rowid")?
            .query_map([event], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        for (role, entity, name) in roles {
            let Some(p) = self.read_party(entity, name)? else { continue };
            match role.as_str() {
                "actor" => row.actors.push(p),
                "target" => row.targets.push(p),
                "location" => row.locations.push(p),
                _ => row.reported_by.push(p),
            }
        }
        row.claims = self.claim_rows(
            &format!(
                "SELECT {CLAIM_COLUMNS} FROM claims c JOIN articles a ON a.id = c.article
                 LEFT JOIN events ev ON ev.id = c.event WHERE c.event = ?1 ORDER BY c.ordinal"
            ),
            &[&event],
        )?;
        Ok(row)
    }
}

/// The columns of a claim query (`c` claims, `a` articles, `ev` events).
const CLAIM_COLUMNS: &str =
    "a.key, a.doc_id, a.outlet, a.published, c.count, c.qualifier, c.kind, c.population,
    c.side_entity, c.side, c.claimant_entity, c.claimant, c.reported_by, c.date, c.cumulative, ev.local,
    substr(a.text, c.evidence_start + 1, c.evidence_end - c.evidence_start),
    (SELECT group_concat(r.entity) FROM event_roles r JOIN entities pe ON pe.id = r.entity
     WHERE r.event = c.event AND r.role = 'location' AND coalesce(pe.subtype, '') != 'country'),
    ev.type";

struct RawClaim {
    article_key: String,
    doc_id: String,
    outlet: Option<String>,
    published: Option<String>,
    count: Option<i64>,
    qualifier: String,
    kind: String,
    population: String,
    side_entity: Option<i64>,
    side: Option<String>,
    claimant_entity: Option<i64>,
    claimant: Option<String>,
    reported_by: Option<String>,
    date: Option<String>,
    cumulative: bool,
    event: Option<String>,
    evidence: String,
    places: Option<String>,
    event_type: Option<String>,
}

/// The key merging an entity across articles: its knowledge-base id, else its type and
/// normalised Arabic name (search terms: alef forms, marks and clitics folded).
pub(crate) fn entity_key(e: &crate::record::Entity) -> String {
    match &e.kb {
        Some(kb) => format!("kb:{kb}"),
        None => {
            let name = query_terms(&e.name_ar).join(" ");
            let name = if name.is_empty() { e.name.to_lowercase() } else { name };
            format!("name:{}:{name}", e.kind)
        }
    }
}

impl Store for SqliteStore {
    fn begin_run(&mut self, inputs: &[String]) -> Result<RunId, StoreError> {
        // a run still 'running' when another begins was killed (one ingest writes a database
        // at a time): it is marked so, what it committed stays
        self.conn.execute(
            "UPDATE runs SET status = 'interrupted', ended = datetime('now') WHERE status = 'running'",
            [],
        )?;
        self.conn.execute(
            "INSERT INTO runs (started, status, marsad_version, inputs) VALUES (datetime('now'), 'running', ?1, ?2)",
            params![MARSAD_VERSION, serde_json::to_string(inputs).unwrap_or_else(|_| "[]".into())],
        )?;
        Ok(RunId(self.conn.last_insert_rowid()))
    }

    fn known_hashes(&self, keys: &[&str]) -> Result<Vec<Option<ContentHash>>, StoreError> {
        let mut stmt = self.conn.prepare_cached(STORED_ARTICLE)?;
        keys.iter()
            .map(|k| {
                let h: Option<(Vec<u8>, bool)> =
                    stmt.query_row(params![k, MARSAD_VERSION], |r| Ok((r.get(1)?, r.get(2)?))).optional()?;
                // an article another version extracted is as good as not stored
                let h = h.filter(|h| h.1 && !self.reextract);
                Ok(h.and_then(|h| <[u8; 32]>::try_from(h.0.as_slice()).ok()).map(ContentHash))
            })
            .collect()
    }

    fn write_batch(
        &mut self,
        run: RunId,
        batch: &[Article],
        elsewhere: Elsewhere,
    ) -> Result<BatchStats, StoreError> {
        self.begin()?;
        match self.write_open(run, batch, elsewhere) {
            Ok(stats) => {
                let written = self.open.unwrap_or(0) + batch.len();
                self.open = Some(written);
                if written >= self.commit_every {
                    self.commit()?;
                }
                Ok(stats)
            }
            Err(e) => {
                self.rollback();
                Err(e)
            }
        }
    }

    fn end_run(&mut self, run: RunId, status: RunStatus) -> Result<(), StoreError> {
        self.commit()?;
        let status = match status {
            RunStatus::Complete => "complete",
            RunStatus::Failed => "failed",
        };
        self.conn.execute(
            "UPDATE runs SET ended = datetime('now'), status = ?2 WHERE id = ?1",
            params![run.0, status],
        )?;
        Ok(())
    }

    fn search(&self, query: &SearchQuery) -> Result<Vec<crate::Hit>, StoreError> {
        crate::search::run(&self.conn, query)
    }

    fn claims(&self, f: &ClaimFilter) -> Result<Vec<ClaimRow>, StoreError> {
        let entity = f.entity.as_deref().map(entity_ids_sql);
        let mut sql = format!(
            "SELECT {CLAIM_COLUMNS} FROM claims c JOIN articles a ON a.id = c.article
             LEFT JOIN events ev ON ev.id = c.event WHERE 1"
        );
        match &entity {
            Some(e) => sql.push_str(&format!(
                " AND (c.side_entity IN ({e}) OR c.claimant_entity IN ({e}) OR c.side = ?4 COLLATE NOCASE
                   OR (c.side = 'both' AND EXISTS (SELECT 1 FROM mentions ae
                       WHERE ae.article = a.id AND ae.entity IN ({e}))))"
            )),
            None => sql.push_str(" AND ?4 IS NULL"),
        }
        // a period overlaps --from when its end does: 2022-09 is after --from 2022-09-01
        sql.push_str(" AND (?1 IS NULL OR coalesce(c.date, a.published) || '~' >= ?1)");
        // a date ends at its end: 2022-09 is before --to 2022-09-30 and --to 2022-09
        sql.push_str(" AND (?2 IS NULL OR substr(coalesce(c.date, a.published), 1, length(?2)) <= ?2)");
        sql.push_str(" AND (?3 IS NULL OR c.kind = ?3)");
        sql.push_str(" ORDER BY coalesce(c.date, a.published), a.published, a.id, c.ordinal");
        let needle = f.entity.clone();
        self.claim_rows(&sql, &[&f.from, &f.to, &f.kind, &needle])
    }

    fn for_each_record(&self, f: &mut dyn FnMut(String) -> Result<(), StoreError>) -> Result<(), StoreError> {
        let mut stmt = self.conn.prepare("SELECT record, text FROM articles ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let record: Vec<u8> = row.get(0)?;
            let text: String = row.get(1)?;
            f(crate::splice_text(&crate::article::decompress(&record)?, &text))?;
        }
        Ok(())
    }

    fn for_each_event(
        &self,
        f: &mut dyn FnMut(EventRow) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut stmt = self.conn.prepare(&format!("{EVENT_SELECT} ORDER BY a.id, ev.id"))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            f(self.event_row(r)?)?;
        }
        Ok(())
    }

    fn stories(&self, filter: &crate::StoryFilter) -> Result<Vec<crate::StorySummary>, StoreError> {
        self.list_stories(filter)
    }

    fn story(&self, id: i64) -> Result<Option<crate::Story>, StoreError> {
        self.read_story(id)
    }

    fn links(&self, key: &str) -> Result<Vec<crate::ArticleLink>, StoreError> {
        self.article_links(key)
    }

    fn merged_events(
        &self,
        filter: &crate::MergedEventFilter,
    ) -> Result<Vec<crate::MergedEventSummary>, StoreError> {
        self.list_merged_events(filter)
    }

    fn merged_event(&self, id: i64) -> Result<Option<crate::MergedEvent>, StoreError> {
        self.read_merged_event(id)
    }

    fn for_each_merged_event(
        &self,
        f: &mut dyn FnMut(crate::MergedEvent) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.each_merged_event(f)
    }

    fn stats(&self) -> Result<Stats, StoreError> {
        let count = |table: &str| -> Result<u64, StoreError> {
            Ok(self.conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get::<_, i64>(0))?
                as u64)
        };
        Ok(Stats {
            articles: count("articles")?,
            entities: count("entities")?,
            mentions: self.conn.query_row(
                "SELECT coalesce(sum(json_array_length(spans)), 0) FROM mentions",
                [],
                |r| r.get::<_, i64>(0),
            )? as u64,
            events: count("events")?,
            claims: count("claims")?,
            runs: count("runs")?,
        })
    }
}

/// SQL selecting the ids of the entities a user names (English or Arabic name, or
/// knowledge-base id). The name is quoted as an SQL literal; every test is an index look-up
/// (the normalised name through the exact keys of the four entity types, not a pattern).
pub(crate) fn entity_ids_sql(name: &str) -> String {
    let lit = |s: &str| format!("'{}'", s.replace('\'', "''"));
    let key = query_terms(name).join(" ");
    let keys: Vec<String> =
        ["PERSON", "ORG", "GPE", "LOC"].iter().map(|t| lit(&format!("name:{t}:{key}"))).collect();
    format!(
        "SELECT id FROM entities WHERE name = {n} COLLATE NOCASE OR kb = {n} OR name_ar = {n} OR key IN ({k})",
        n = lit(name),
        k = keys.join(", "),
    )
}

/// Rows a multi-row `INSERT` of [`insert_rows`] takes at once.
const ROWS_PER_INSERT: usize = 64;

/// Inserts rows of `width` values each with `sql` (an `INSERT ... VALUES` without its
/// values), [`ROWS_PER_INSERT`] rows per statement: the rows written at a commit (hundreds
/// of thousands of bucket and mention rows) cost a statement step each when inserted one by
/// one, most of it not in the insertion itself. `bind` binds the values of a row, starting at
/// the parameter index it is given.
///
/// A statement of several rows that may abort on a constraint (plain `INSERT`: ABORT) makes
/// SQLite keep a statement journal, a copy of every page it touches, to undo its rows alone;
/// where rows are only added, callers say `OR FAIL` or `OR IGNORE` instead, since an error rolls
/// the whole transaction back anyway (`OR REPLACE` of the sketches, which replaces, keeps one).
pub(crate) fn insert_rows<T>(
    conn: &Connection,
    sql: &str,
    width: usize,
    rows: &[T],
    mut bind: impl FnMut(&mut rusqlite::Statement<'_>, usize, &T) -> rusqlite::Result<()>,
) -> Result<(), StoreError> {
    let values = |n: usize| {
        let row = format!("({})", vec!["?"; width].join(", "));
        format!("{sql} {}", vec![row; n].join(", "))
    };
    let mut chunks = rows.chunks_exact(ROWS_PER_INSERT);
    if chunks.len() > 0 {
        let mut full = conn.prepare_cached(&values(ROWS_PER_INSERT))?;
        for chunk in chunks.by_ref() {
            for (i, row) in chunk.iter().enumerate() {
                bind(&mut full, 1 + i * width, row)?;
            }
            full.raw_execute()?;
        }
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut last = conn.prepare(&values(rest.len()))?;
        for (i, row) in rest.iter().enumerate() {
            bind(&mut last, 1 + i * width, row)?;
        }
        last.raw_execute()?;
    }
    Ok(())
}
