//! The store on an SQL database ([`SqlStore`]), written once for both backends: SQLite
//! ([`crate::SqliteStore`], embedded, the default) and PostgreSQL (`PostgresStore`, behind the
//! `postgres` feature). What differs between them (opening, the schema, the full-text
//! index, how a writer takes its lock) is in their modules and behind [`Db::backend`].

use marsad_kb::Kb;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::db::{Backend, Db, ToValue, Value, args};
use crate::link::{EventKeys, Linkable, Linker, day_number, event_days};
use crate::sketch::Sketch;
use crate::terms::query_terms;
use crate::{
    Article, BatchStats, ClaimFilter, ClaimRow, ContentHash, Elsewhere, EventRow, Identity, RunId, RunStatus,
    SearchQuery, Stats, Store, StoreError,
};

/// Entities remembered by the writer between batches (their ids), at most.
const ENTITY_CACHE: usize = 200_000;

/// A marsad database on an SQL connection `C` (see [`crate::SqliteStore`]).
pub struct SqlStore<C> {
    pub(crate) conn: C,
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
    /// ([`Store::set_reextract`]).
    reextract: bool,
    /// Whether the run wrote an article (PostgreSQL vacuums at its end then).
    wrote: bool,
}

/// PostgreSQL: marsad's tables vacuumed (their visibility map and statistics made) after a run.
const VACUUM: &str = "VACUUM (ANALYZE) runs, articles, entities, mentions, events, event_roles, claims, \
    article_search, sketches, sketch_buckets, article_links, stories, story_articles, merged_events, event_merges, \
    merged_keys";

/// PostgreSQL: the lock a write transaction (or a migration) takes first and holds until it
/// ends, so that the writers of one marsad database take turns: event ids are given by the
/// writer, and linking reads what others wrote. Its key is the application id ("mrsd") and
/// the table `marsad_meta` the connection's search path finds (the tables written are found
/// the same way, whichever schema holds them).
pub(crate) const WRITE_LOCK: &str = "SELECT pg_advisory_xact_lock((CAST(1836217188 AS BIGINT) << 32) | CAST(CAST(CAST('marsad_meta' AS regclass) AS oid) AS BIGINT))";
const _: () = assert!(crate::schema::APPLICATION_ID == 1_836_217_188);

impl<C> SqlStore<C> {
    /// A store on `conn` (its schema already up to date).
    pub(crate) fn with_connection(conn: C) -> SqlStore<C> {
        SqlStore {
            conn,
            entity_ids: FxHashMap::default(),
            linker: Linker::default(),
            open: None,
            commit_every: 0,
            pending_fts: Vec::new(),
            pending_mentions: Vec::new(),
            reextract: false,
            wrote: false,
        }
    }
}

impl<C: std::fmt::Debug> std::fmt::Debug for SqlStore<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("SqlStore").field(&self.conn).finish()
    }
}

/// The version of marsad a run records (`runs.marsad_version`): an article written by a run
/// of another version was extracted by another extractor, and counts as changed.
const MARSAD_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The stored id and content hash of an article, by key, with whether this version of marsad
/// extracted it (the version of the run that wrote it).
const STORED_ARTICLE: &str =
    "SELECT a.id, a.hash, CASE WHEN r.marsad_version = ?2 THEN 1 ELSE 0 END FROM articles a
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
    fn new(tx: &dyn Db) -> Result<ChildRows<'a>, StoreError> {
        Ok(ChildRows { next_event: Self::stored_events_end(tx)?, ..ChildRows::default() })
    }

    fn stored_events_end(tx: &dyn Db) -> Result<i64, StoreError> {
        tx.value("SELECT coalesce(max(id), 0) + 1 FROM events", args![])
    }

    /// Drops the rows of a deleted article (replaced), written or not: the next event id is
    /// again one more than the largest left, stored or given, as SQLite's would be.
    fn forget(&mut self, tx: &dyn Db, article: i64) -> Result<(), StoreError> {
        self.events.retain(|r| r.0 != article);
        let given = self.events.last().map_or(0, |r| r.1 + 1);
        self.next_event = Self::stored_events_end(tx)?.max(given);
        self.roles.retain(|r| r.0 != article);
        Ok(())
    }

    /// Writes the rows, in the order they came (the roles of an event are read in rowid order).
    fn write(&self, tx: &dyn Db) -> Result<(), StoreError> {
        tx.insert_rows(
            "INSERT OR FAIL INTO events (id, article, local, type, mode, date, modality, negated, claimant_entity,
                 claimant, evidence_start, evidence_end, trigger_start, trigger_end, rule) VALUES",
            15,
            &self.events,
            |&(article, id, ev, claimant_entity, claimant), out| {
                out.extend([
                    Value::Int(id),
                    Value::Int(article),
                    Value::Text(&ev.id),
                    Value::Text(&ev.kind),
                    Value::Text(&ev.mode),
                    ev.date.to_value(),
                    ev.modality.to_value(),
                    Value::Int(ev.negated.into()),
                    Value::opt_int(claimant_entity),
                    Value::opt_text(claimant),
                    Value::Int(ev.evidence.start as i64),
                    Value::Int(ev.evidence.end as i64),
                    Value::opt_int(ev.trigger.map(|t| t.start as i64)),
                    Value::opt_int(ev.trigger.map(|t| t.end as i64)),
                    ev.rule.to_value(),
                ]);
            },
        )?;
        tx.insert_rows(
            "INSERT OR FAIL INTO event_roles (event, role, entity, name) VALUES",
            4,
            &self.roles,
            |&(_, event, role, entity, name), out| {
                out.extend([
                    Value::Int(event),
                    Value::Text(role),
                    Value::opt_int(entity),
                    Value::opt_text(name),
                ]);
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

impl<C: Db> SqlStore<C> {
    /// The connection, as the store's logic uses it.
    pub(crate) fn db(&self) -> &dyn Db {
        &self.conn
    }

    /// Writes the mention rows of the transaction, in the order of the entity index.
    fn flush_mentions(&mut self) -> Result<(), StoreError> {
        self.pending_mentions.sort_unstable_by_key(|m| (m.entity, m.article));
        let rows = std::mem::take(&mut self.pending_mentions);
        self.db().insert_rows(
            "INSERT OR IGNORE INTO mentions (article, local, entity, spans) VALUES",
            4,
            &rows,
            |m, out| {
                out.extend([
                    Value::Int(m.article),
                    Value::Text(&m.local),
                    Value::Int(m.entity),
                    Value::Text(&m.spans),
                ]);
            },
        )
    }

    /// Writes the search index rows of the transaction.
    fn flush_fts(&mut self) -> Result<(), StoreError> {
        let rows = std::mem::take(&mut self.pending_fts);
        let db = self.db();
        match db.backend() {
            Backend::Sqlite => {
                for (rowid, title, body) in &rows {
                    db.execute(
                        "INSERT INTO article_fts (rowid, title, body) VALUES (?1, ?2, ?3)",
                        args![rowid, title, body],
                    )?;
                }
            }
            // a tsvector literal per article, cast from text on the server (a parameter would
            // be taken as a tsvector itself, which the client cannot write)
            #[cfg(feature = "postgres")]
            Backend::Postgres => {
                let vectors: Vec<(i64, String)> = rows
                    .iter()
                    .map(|(id, title, body)| (*id, crate::postgres::tsvector(title, body)))
                    .collect();
                db.insert_rows_as(
                    "INSERT INTO article_search (article, tsv) VALUES",
                    "(?, CAST(CAST(? AS TEXT) AS tsvector))",
                    &vectors,
                    |(id, tsv), out| out.extend([Value::Int(*id), Value::Text(tsv)]),
                )?;
            }
            #[cfg(not(feature = "postgres"))]
            Backend::Postgres => unreachable!("no PostgreSQL connection without the postgres feature"),
        }
        Ok(())
    }

    fn begin(&mut self) -> Result<(), StoreError> {
        if self.open.is_none() {
            // the write lock at once: a transaction holds thousands of articles, and another
            // connection committing between its first read and its first write would make
            // that write fail (SQLite), or give the same event ids (PostgreSQL: one writer at a
            // time, by an advisory lock held until the transaction ends)
            match self.conn.backend() {
                Backend::Sqlite => self.conn.execute_batch("BEGIN IMMEDIATE")?,
                Backend::Postgres => {
                    // read committed whatever the server's default: after waiting for the lock,
                    // the transaction sees what the writer before it committed
                    self.conn.execute_batch("BEGIN ISOLATION LEVEL READ COMMITTED")?;
                    if let Err(e) = self.db().execute_batch(WRITE_LOCK) {
                        let _ = self.conn.execute_batch("ROLLBACK");
                        return Err(e);
                    }
                }
            }
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

impl<C: Db> SqlStore<C> {
    /// Links the stored articles that have no sketch yet (a database made before links
    /// existed: opening it after migration 3 runs this once), a transaction per 256 articles.
    /// Returns how many were linked.
    pub fn link_stored(&mut self) -> Result<u64, StoreError> {
        let mut done = 0u64;
        loop {
            // whatever a damaged row holds, it is read as bytes (and then not linked)
            let sql = match self.conn.backend() {
                Backend::Sqlite => {
                    "SELECT a.id, a.key, CAST(a.record AS BLOB), CAST(a.text AS BLOB) FROM articles a
                     WHERE NOT EXISTS (SELECT 1 FROM sketches s WHERE s.article = a.id) ORDER BY a.id LIMIT 256"
                }
                Backend::Postgres => {
                    "SELECT a.id, a.key, a.record, a.text FROM articles a
                     WHERE NOT EXISTS (SELECT 1 FROM sketches s WHERE s.article = a.id) ORDER BY a.id LIMIT 256"
                }
            };
            let rows: Vec<(i64, String, Vec<u8>, String)> = self.db().rows(sql, args![], |r| {
                let bytes = |i: usize| r.get::<Option<Vec<u8>>>(i).map(Option::unwrap_or_default);
                Ok((r.get(0)?, r.get(1)?, bytes(2)?, String::from_utf8_lossy(&bytes(3)?).into_owned()))
            })?;
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

/// Links stored articles (id, key, record, text) read by [`SqlStore::link_stored`].
fn link_rows(
    conn: &dyn Db,
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
fn stored_linkable(tx: &dyn Db, id: i64, a: &Article) -> Result<Linkable, StoreError> {
    let owned: Vec<(String, i64, bool)> = tx.rows(
        "SELECT m.local, m.entity, CASE WHEN e.kb LIKE 'country:%' THEN 1 ELSE 0 END FROM mentions m
         JOIN entities e ON e.id = m.entity WHERE m.article = ?1",
        args![id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let local: FxHashMap<&str, i64> = owned.iter().map(|(l, e, _)| (l.as_str(), *e)).collect();
    let countries: FxHashSet<i64> = owned.iter().filter(|o| o.2).map(|o| o.1).collect();
    let events: FxHashMap<String, i64> = tx
        .rows("SELECT local, id FROM events WHERE article = ?1", args![id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .into_iter()
        .collect();
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
fn delete_article(tx: &dyn Db, id: i64) -> Result<(), StoreError> {
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
        match tx.backend() {
            Backend::Sqlite => "DELETE FROM article_fts WHERE rowid = ?1",
            Backend::Postgres => "DELETE FROM article_search WHERE article = ?1",
        },
        "DELETE FROM articles WHERE id = ?1",
    ] {
        tx.execute(sql, args![id])?;
    }
    Ok(())
}

/// The global id of an entity of a record, created when new.
fn entity_id(
    tx: &dyn Db,
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
    let inserted: Option<i64> = tx.insert_new(
        "INSERT INTO entities (key, kb, type, name, name_ar, subtype, country, lat, lon)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (key) DO NOTHING",
        args![
            key,
            e.kb,
            e.kind,
            e.name,
            e.name_ar,
            e.subtype,
            country,
            coords.map(|c| c.0),
            coords.map(|c| c.1)
        ],
    )?;
    let id = match inserted {
        Some(id) => id,
        None => tx.value("SELECT id FROM entities WHERE key = ?1", args![key])?,
    };
    if cache.len() >= ENTITY_CACHE {
        cache.clear();
    }
    cache.insert(key.to_string(), id);
    Ok(id)
}

/// Writes one article's rows (the article is new or its old rows are gone).
fn insert_article<'a>(
    tx: &dyn Db,
    cache: &mut FxHashMap<String, i64>,
    fts: &mut Vec<(i64, String, String)>,
    mentions: &mut Vec<Mention>,
    children: &mut ChildRows<'a>,
    run: RunId,
    a: &'a Article,
) -> Result<Linkable, StoreError> {
    let r = &a.record;
    let article: i64 = tx.insert(
        "INSERT INTO articles (key, doc_id, source_path, source_format, source_line, outlet, published,
                 published_from, language, hash, title, text, record, run)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        args![
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
        ],
    )?;
    // indexed just before the commit (`SqlStore::pending_fts`)
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
    const CLAIM: &str = "INSERT INTO claims (article, ordinal, count, qualifier, kind, population, side_entity, side,
                 claimant_entity, claimant, reported_by, date, cumulative, event, evidence_start, evidence_end, rule)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)";
    for (i, c) in r.casualties.iter().enumerate() {
        let (side_entity, side) = party(&c.side);
        let (claimant_entity, claimant) = party(&c.claimant);
        let reported: Vec<i64> =
            c.reported_by.iter().filter_map(|r| local.get(r.as_str()).copied()).collect();
        let event = c.event.as_deref().and_then(|v| event_ids.get(v).copied());
        tx.execute(
            CLAIM,
            args![
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
            ],
        )?;
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

impl<C: Db> SqlStore<C> {
    /// Writes a batch in the open transaction.
    fn write_open(
        &mut self,
        run: RunId,
        batch: &[Article],
        elsewhere: Elsewhere,
    ) -> Result<BatchStats, StoreError> {
        let tx: &dyn Db = &self.conn;
        let mut stats = BatchStats::default();
        let (mut merged, mut stories) = (Vec::new(), Vec::new());
        let mut linkables = Vec::with_capacity(batch.len());
        let mut children = ChildRows::new(tx)?;
        for a in batch {
            let existing: Option<(i64, Vec<u8>, bool)> =
                tx.row(STORED_ARTICLE, args![a.identity.key, MARSAD_VERSION], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?;
            match existing {
                Some((_, hash, same_version))
                    if hash == a.identity.hash.0 && same_version && !self.reextract =>
                {
                    stats.unchanged += 1;
                    continue;
                }
                Some((id, _, _)) => {
                    merged.extend(tx.rows(
                        "SELECT DISTINCT em.merged FROM events e JOIN event_merges em ON em.event = e.id
                         WHERE e.article = ?1",
                        args![id],
                        |r| r.get::<i64>(0),
                    )?);
                    stories.extend(tx.row(
                        "SELECT story FROM story_articles WHERE article = ?1",
                        args![id],
                        |r| r.get::<i64>(0),
                    )?);
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
            args![
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

impl<C: Db> Store for SqlStore<C> {
    fn set_commit_every(&mut self, articles: usize) {
        self.commit_every = articles;
    }

    fn set_reextract(&mut self, reextract: bool) {
        self.reextract = reextract;
    }

    fn abandon(&mut self) {
        self.rollback();
    }

    /// Commits the open transaction, if any (its bucket rows are written first).
    fn commit(&mut self) -> Result<(), StoreError> {
        if self.open.is_none() {
            return Ok(());
        }
        let done = self
            .linker
            .flush(&self.conn)
            .and_then(|()| self.flush_mentions())
            .and_then(|()| self.flush_fts())
            .and_then(|()| self.linker.committed(&self.conn))
            .and_then(|()| self.conn.execute_batch("COMMIT"));
        match done {
            Ok(()) => self.open = None,
            Err(_) => self.rollback(),
        }
        done
    }

    fn begin_run(&mut self, inputs: &[String]) -> Result<RunId, StoreError> {
        let now = now_utc();
        let inputs = serde_json::to_string(inputs).unwrap_or_else(|_| "[]".into());
        let id = match self.db().backend() {
            Backend::Sqlite => {
                // a run still 'running' when another begins was killed (one ingest writes a
                // database at a time): it is marked so, what it committed stays
                self.db().execute(
                    "UPDATE runs SET status = 'interrupted', ended = ?1 WHERE status = 'running'",
                    args![now],
                )?;
                self.db().insert(
                    "INSERT INTO runs (started, status, marsad_version, inputs) VALUES (?1, 'running', ?2, ?3)",
                    args![now, MARSAD_VERSION, inputs],
                )?
            }
            Backend::Postgres => {
                // ingests of a team may run at once: a run is interrupted when the session that
                // wrote it is gone
                self.db().execute(
                    "UPDATE runs SET status = 'interrupted', ended = ?1 WHERE status = 'running'
                       AND (pid IS NULL OR pid NOT IN (SELECT pid FROM pg_stat_activity WHERE pid IS NOT NULL))",
                    args![now],
                )?;
                self.db().insert(
                    "INSERT INTO runs (started, status, marsad_version, inputs, pid)
                     VALUES (?1, 'running', ?2, ?3, pg_backend_pid())",
                    args![now, MARSAD_VERSION, inputs],
                )?
            }
        };
        Ok(RunId(id))
    }

    fn known_hashes(&self, keys: &[&str]) -> Result<Vec<Option<ContentHash>>, StoreError> {
        keys.iter()
            .map(|k| {
                let h: Option<(Vec<u8>, bool)> =
                    self.db()
                        .row(STORED_ARTICLE, args![k, MARSAD_VERSION], |r| Ok((r.get(1)?, r.get(2)?)))?;
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
                self.wrote |= stats.added + stats.replaced > 0;
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
        self.db().execute(
            "UPDATE runs SET ended = ?3, status = ?2 WHERE id = ?1",
            args![run.0, status, now_utc()],
        )?;
        if std::mem::take(&mut self.wrote) && self.db().backend() == Backend::Postgres {
            // rows just written are slow to read until vacuumed (search p95 83 ms straight
            // after a bench ingest, 30 ms after; 1.2 s of a 45 s ingest): done now rather than
            // when autovacuum comes. Maintenance only: a role not allowed it loses nothing.
            let _ = self.db().execute_batch(VACUUM);
        }
        Ok(())
    }

    fn search(&self, query: &SearchQuery) -> Result<Vec<crate::Hit>, StoreError> {
        crate::search::run(self.db(), query)
    }

    fn claims(&self, f: &ClaimFilter) -> Result<Vec<ClaimRow>, StoreError> {
        crate::read::claims(self.db(), f)
    }

    fn for_each_record(&self, f: &mut dyn FnMut(String) -> Result<(), StoreError>) -> Result<(), StoreError> {
        crate::read::for_each_record(self.db(), f)
    }

    fn for_each_event(
        &self,
        f: &mut dyn FnMut(EventRow) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        crate::read::for_each_event(self.db(), f)
    }

    fn stories(&self, filter: &crate::StoryFilter) -> Result<Vec<crate::StorySummary>, StoreError> {
        crate::stories::list_stories(self.db(), filter)
    }

    fn story(&self, id: i64) -> Result<Option<crate::Story>, StoreError> {
        crate::stories::read_story(self.db(), id)
    }

    fn links(&self, key: &str) -> Result<Vec<crate::ArticleLink>, StoreError> {
        crate::stories::article_links(self.db(), key)
    }

    fn merged_events(
        &self,
        filter: &crate::MergedEventFilter,
    ) -> Result<Vec<crate::MergedEventSummary>, StoreError> {
        crate::stories::list_merged_events(self.db(), filter)
    }

    fn merged_event(&self, id: i64) -> Result<Option<crate::MergedEvent>, StoreError> {
        crate::stories::read_merged_event(self.db(), id)
    }

    fn for_each_merged_event(
        &self,
        f: &mut dyn FnMut(crate::MergedEvent) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        crate::stories::each_merged_event(self.db(), f)
    }

    fn stats(&self) -> Result<Stats, StoreError> {
        crate::read::stats(self.db())
    }

    fn schema_version(&self) -> Result<i64, StoreError> {
        match self.db().backend() {
            Backend::Sqlite => self.db().value("PRAGMA user_version", args![]),
            Backend::Postgres => self.db().value("SELECT version FROM marsad_meta", args![]),
        }
    }
}

/// The time now, in UTC, as the `runs` table keeps it (`2026-11-24 15:37:48`, as SQLite's
/// `datetime('now')` wrote it before).
fn now_utc() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rest) = ((secs / 86_400) as i32, secs % 86_400);
    format!("{} {:02}:{:02}:{:02}", crate::link::day_string(days), rest / 3600, rest / 60 % 60, rest % 60)
}
