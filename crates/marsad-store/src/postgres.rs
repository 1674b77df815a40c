//! The PostgreSQL backend (cargo feature `postgres`), for a corpus that a team shares.
//!
//! The store's logic is the SQLite backend's ([`SqlStore`]); this module gives it a
//! connection ([`Postgres`]) that speaks the same [`Db`] interface, and the schema. Statements
//! are written once with SQLite's numbered parameters and a few of its spellings
//! (see [`crate::db`]); [`rewrite`] turns them into PostgreSQL's when a statement is first
//! prepared, and prepared statements are kept (up to 1,024: the store's own are a few
//! hundred).
//!
//! The full-text index is a `tsvector` column that marsad fills itself, from the same
//! normalised terms as SQLite's FTS5 index (the title's lexemes weighted `A`): PostgreSQL's
//! own text search configurations would split Arabic words at their diacritics and fold
//! nothing, as FTS5's tokenizers do. A query is a `tsquery` built the same way.
//!
//! Writers take turns: a write transaction takes an advisory lock first (keyed by the table
//! `marsad_meta` the connection finds),
//! and commits bump `marsad_meta.generation` so that a writer knows when another has written
//! since it built its filter of stored buckets and cached sketches. Readers never wait, nor
//! does connecting to a database whose schema is current.
//!
//! ```no_run
//! use marsad_store::{PostgresStore, Store};
//! let store = PostgresStore::connect("postgresql://marsad@localhost/marsad").unwrap();
//! println!("{} articles", store.stats().unwrap().articles);
//! ```

use std::cell::{Cell, RefCell, RefMut};
use std::collections::HashMap;
use std::error::Error;
use std::sync::{Arc, Mutex};

use ::postgres::types::{IsNull, ToSql, Type, to_sql_checked};
use ::postgres::{Client, Statement};
use bytes::BytesMut;
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::StoreError;
use crate::db::{Backend, Db, Row, Value};
use crate::schema::APPLICATION_ID;
use crate::sql::{SqlStore, WRITE_LOCK};

/// A marsad database in PostgreSQL.
pub type PostgresStore = SqlStore<Postgres>;

/// A PostgreSQL connection to a marsad database (the connection of a [`PostgresStore`]).
pub struct Postgres {
    /// None only while it is dropped ([`Drop`]).
    client: RefCell<Option<Client>>,
    /// Prepared statements, by the SQL the store wrote (before [`rewrite`]).
    statements: RefCell<HashMap<String, Statement>>,
    /// Where the database is, without a password (for messages).
    place: String,
    /// How to connect again when the server closed the connection (and to send a cancel).
    config: ::postgres::Config,
    tls: MakeRustlsConnect,
    /// Cancel requests on their way ([`crate::Corpus::interrupter`]): each is delivered before
    /// the next statement runs, which it would stop otherwise.
    cancelling: Arc<Mutex<Vec<std::thread::JoinHandle<()>>>>,
    /// Whether a transaction is open (`BEGIN` run, no `COMMIT` or `ROLLBACK` since): a read
    /// outside one that met a closed connection is run again on a new one.
    in_transaction: Cell<bool>,
    /// The server said it closes the connection (the client may not have seen it close yet):
    /// the next statement connects again.
    ended: Cell<bool>,
}

impl std::fmt::Debug for Postgres {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Postgres").field("database", &self.place).finish()
    }
}

/// A PostgreSQL error with what the server said (its message, detail and hint: the
/// error's own `Display` is only "db error").
fn pg_error(e: ::postgres::Error, context: &str) -> StoreError {
    let mut message = match e.as_db_error() {
        Some(db) => {
            let mut m = format!("{}: {}", db.severity(), db.message());
            if let Some(d) = db.detail() {
                m.push_str(&format!(" ({d})"));
            }
            if let Some(h) = db.hint() {
                m.push_str(&format!(" [hint: {h}]"));
            }
            m
        }
        // the client's own error, with its causes (a TLS handshake failed: why)
        None => {
            let mut m = e.to_string();
            let mut cause = std::error::Error::source(&e);
            while let Some(c) = cause {
                m.push_str(&format!(": {c}"));
                cause = c.source();
            }
            m
        }
    };
    if !context.is_empty() {
        message.push_str(&format!(" in: {}", context.split_whitespace().collect::<Vec<_>>().join(" ")));
    }
    StoreError::Postgres { message, error: e }
}

/// A statement of the store in PostgreSQL's SQL: `?N` parameters become `$N`, `INSERT OR
/// FAIL INTO` a plain insert, `INSERT OR IGNORE INTO ... VALUES ...` an insert with
/// `ON CONFLICT DO NOTHING` (at the end: such statements have no `RETURNING`), and
/// `IN rarray(?N)` is `= ANY($N)` (an array parameter). Quoted literals are left alone.
pub(crate) fn rewrite(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 24);
    let mut ignore = false;
    let mut rest = sql.trim_start();
    for (from, to) in [("INSERT OR FAIL INTO", "INSERT INTO"), ("INSERT OR IGNORE INTO", "INSERT INTO")] {
        if let Some(tail) = rest.strip_prefix(from) {
            out.push_str(to);
            ignore = from.contains("IGNORE");
            rest = tail;
        }
    }
    // a bare `?` is the parameter after the largest numbered so far, as in SQLite
    let mut last = 0u32;
    let mut at = 0;
    while let Some(c) = rest[at..].chars().next() {
        let tail = &rest[at..];
        // quoted text and identifiers, and comments, are copied as they are
        let verbatim = match c {
            '\'' => Some(tail[1..].find('\'').map_or(tail.len(), |e| e + 2)),
            '"' => Some(tail[1..].find('"').map_or(tail.len(), |e| e + 2)),
            '-' if tail.starts_with("--") => Some(tail.find('\n').unwrap_or(tail.len())),
            _ => None,
        };
        if let Some(len) = verbatim {
            out.push_str(&tail[..len]);
            at += len;
            continue;
        }
        let word_start = !out.ends_with(|p: char| p.is_alphanumeric() || p == '_');
        if c == '?' {
            let digits = tail[1..].bytes().take_while(u8::is_ascii_digit).count();
            let n = tail[1..1 + digits].parse::<u32>().unwrap_or(last + 1);
            last = last.max(n);
            out.push_str(&format!("${n}"));
            at += 1 + digits;
        } else if word_start && tail.starts_with("NOT IN rarray(") {
            out.push_str("<> ALL(");
            at += "NOT IN rarray(".len();
        } else if word_start && tail.starts_with("IN rarray(") {
            out.push_str("= ANY(");
            at += "IN rarray(".len();
        } else {
            out.push(c);
            at += c.len_utf8();
        }
    }
    if ignore {
        out.push_str(" ON CONFLICT DO NOTHING");
    }
    out
}

/// Prepared statements kept per connection; past it, they are all dropped (statements are
/// the store's own, a few hundred at most, so this only bounds a connection that lives long).
const STATEMENT_CACHE: usize = 1024;

impl Postgres {
    /// The client, unless a [`Db::scan`] is reading rows with it (a callback of a scan that
    /// runs a statement gets this error, not a panic).
    fn client(&self) -> Result<RefMut<'_, Client>, StoreError> {
        let sent: Vec<_> = std::mem::take(&mut *self.cancelling.lock().unwrap_or_else(|e| e.into_inner()));
        for cancel in sent {
            let _ = cancel.join();
        }
        let mut busy = self.client.try_borrow_mut().map_err(|_| {
            StoreError::Query(
                "a statement was run while a scan of the PostgreSQL connection read its rows".into(),
            )
        })?;
        // a connection the server closed (restarted, or an idle session timed out) is made
        // again: the statement that met the closed one failed, the next ones work
        if self.ended.take() || busy.as_ref().is_some_and(Client::is_closed) {
            let fresh = self.config.connect(self.tls.clone()).map_err(|e| pg_error(e, ""))?;
            self.statements.borrow_mut().clear();
            self.in_transaction.set(false);
            *busy = Some(fresh);
        }
        RefMut::filter_map(busy, Option::as_mut)
            .map_err(|_| StoreError::Query("the connection is closed".into()))
    }

    /// The prepared statement of `sql`, prepared now if it is new.
    fn statement(&self, client: &mut Client, sql: &str) -> Result<Statement, StoreError> {
        if let Some(s) = self.statements.borrow().get(sql) {
            return Ok(s.clone());
        }
        let pg = rewrite(sql);
        let statement = client.prepare(&pg).map_err(|e| self.failed(e, &pg))?;
        let mut statements = self.statements.borrow_mut();
        if statements.len() >= STATEMENT_CACHE {
            statements.clear();
        }
        statements.insert(sql.to_string(), statement.clone());
        Ok(statement)
    }

    /// Runs a query and returns its rows (the client is free again when they are read). A
    /// read that met a connection the server ended runs again on a new one ([`may_retry`]).
    ///
    /// [`may_retry`]: Postgres::may_retry
    fn query_all(&self, sql: &str, args: &[Value<'_>]) -> Result<Vec<::postgres::Row>, StoreError> {
        let attempt = || {
            let mut client = self.client()?;
            let statement = self.statement(&mut client, sql)?;
            client.query(&statement, &params(args).refs()).map_err(|e| self.failed(e, sql))
        };
        match attempt() {
            Err(_) if self.may_retry(sql) => attempt(),
            other => other,
        }
    }

    /// A client error as the store's, noting a connection the server ended (the client may
    /// not have seen it close yet: the server's last word, 57P01 and its kin, says it): the
    /// next statement connects again.
    fn failed(&self, e: ::postgres::Error, sql: &str) -> StoreError {
        if e.is_closed() || e.as_db_error().is_some_and(|d| d.code().code().starts_with("57P")) {
            self.ended.set(true);
        }
        pg_error(e, sql)
    }

    /// Whether a statement that failed may run again on a new connection: the server ended
    /// this one (restarted, or timed the session out), no transaction was open (nothing of
    /// one is lost) and the statement only reads.
    fn may_retry(&self, sql: &str) -> bool {
        self.ended.get()
            && !self.in_transaction.get()
            && sql.trim_start().get(..6).is_some_and(|w| w.eq_ignore_ascii_case("SELECT"))
    }
}

/// Values as the client binds them.
struct Params<'a>(Vec<Param<'a>>);

fn params<'a>(args: &[Value<'a>]) -> Params<'a> {
    Params(args.iter().map(|&v| Param(v)).collect())
}

impl Params<'_> {
    fn refs(&self) -> Vec<&(dyn ToSql + Sync)> {
        self.0.iter().map(|p| p as &(dyn ToSql + Sync)).collect()
    }
}

impl Db for Postgres {
    fn backend(&self) -> Backend {
        Backend::Postgres
    }

    fn execute_values(&self, sql: &str, args: &[Value<'_>]) -> Result<u64, StoreError> {
        let mut client = self.client()?;
        let statement = self.statement(&mut client, sql)?;
        client.execute(&statement, &params(args).refs()).map_err(|e| self.failed(e, sql))
    }

    fn query_values(
        &self,
        sql: &str,
        args: &[Value<'_>],
        f: &mut dyn FnMut(&dyn Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        // every row is read before the first callback: a callback may run statements itself
        for row in self.query_all(sql, args)? {
            f(&PgRow(&row))?;
        }
        Ok(())
    }

    fn scan(
        &self,
        sql: &str,
        args: &[Value<'_>],
        f: &mut dyn FnMut(&dyn Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        use ::postgres::fallible_iterator::FallibleIterator;
        let mut client = self.client()?;
        let statement = self.statement(&mut client, sql)?;
        let params = params(args);
        let token = client.cancel_token();
        let tls = self.tls.clone();
        let mut rows = client.query_raw(&statement, params.refs()).map_err(|e| self.failed(e, sql))?;
        while let Some(row) = rows.next().map_err(|e| self.failed(e, sql))? {
            if let Err(e) = f(&PgRow(&row)) {
                // the rows not read would be read (and thrown away) before the next
                // statement: the server stops sending them
                let _ = token.cancel_query(tls);
                return Err(e);
            }
        }
        Ok(())
    }

    fn execute_batch(&self, sql: &str) -> Result<(), StoreError> {
        let done = self.client()?.batch_execute(sql).map_err(|e| self.failed(e, sql));
        let head: String = sql.trim_start().chars().take(8).collect::<String>().to_ascii_uppercase();
        if head.starts_with("BEGIN") {
            self.in_transaction.set(done.is_ok());
        } else if head.starts_with("COMMIT") || head.starts_with("ROLLBACK") {
            self.in_transaction.set(false);
        }
        done
    }

    fn insert_id(&self, sql: &str, args: &[Value<'_>]) -> Result<Option<i64>, StoreError> {
        let rows = self.query_all(&format!("{sql} RETURNING id"), args)?;
        match rows.first() {
            Some(row) => PgRow(row).value(0).map(|v| match v {
                Value::Int(id) => Some(id),
                _ => None,
            }),
            None => Ok(None),
        }
    }

    fn execute_once(&self, sql: &str, args: &[Value<'_>]) -> Result<u64, StoreError> {
        // prepared, run and closed again: not kept in the cache
        let pg = rewrite(sql);
        self.client()?.execute(pg.as_str(), &params(args).refs()).map_err(|e| self.failed(e, sql))
    }
}

/// A value bound to a parameter, converted to the parameter's type: the store's integers go
/// to `bigint`, `integer` (text offsets), `smallint` or `boolean` parameters alike.
#[derive(Debug)]
struct Param<'a>(Value<'a>);

impl ToSql for Param<'_> {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, Box<dyn Error + Sync + Send>> {
        let wrong = |what: &str| -> Box<dyn Error + Sync + Send> {
            format!("{what} bound to a parameter of type {ty}").into()
        };
        match self.0 {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(n) => match *ty {
                Type::INT8 => n.to_sql(ty, out),
                Type::INT4 => i32::try_from(n)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(n)?.to_sql(ty, out),
                Type::BOOL => (n != 0).to_sql(ty, out),
                Type::FLOAT8 => (n as f64).to_sql(ty, out),
                Type::FLOAT4 => (n as f32).to_sql(ty, out),
                Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
                    n.to_string().as_str().to_sql(ty, out)
                }
                _ => Err(wrong("an integer")),
            },
            Value::Real(x) => match *ty {
                Type::FLOAT8 => x.to_sql(ty, out),
                Type::FLOAT4 => (x as f32).to_sql(ty, out),
                _ => Err(wrong("a real number")),
            },
            Value::Text(s) => match *ty {
                // PostgreSQL's text holds no NUL: one becomes U+FFFD, a code point for a code
                // point, so that every offset into the text stays right
                Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN
                    if s.contains('\0') =>
                {
                    s.replace('\0', "\u{FFFD}").as_str().to_sql(ty, out)
                }
                Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => s.to_sql(ty, out),
                _ => Err(wrong("text")),
            },
            Value::Blob(b) => match *ty {
                Type::BYTEA => b.to_sql(ty, out),
                _ => Err(wrong("a blob")),
            },
            Value::Ints(list) => match *ty {
                Type::INT8_ARRAY => list.to_sql(ty, out),
                Type::INT4_ARRAY => {
                    let narrow = list.iter().map(|&n| i32::try_from(n)).collect::<Result<Vec<i32>, _>>()?;
                    narrow.to_sql(ty, out)
                }
                _ => Err(wrong("a list of integers")),
            },
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

struct PgRow<'r>(&'r ::postgres::Row);

impl Row for PgRow<'_> {
    fn value(&self, i: usize) -> Result<Value<'_>, StoreError> {
        let row = self.0;
        let column = |message: String| StoreError::Column { index: i, message };
        let Some(ty) = row.columns().get(i).map(|c| c.type_().clone()) else {
            return Err(column(format!("no such column (the row has {})", row.len())));
        };
        let bad = |e: ::postgres::Error| column(e.to_string());
        Ok(match ty {
            Type::INT8 => row.try_get::<_, Option<i64>>(i).map_err(bad)?.map_or(Value::Null, Value::Int),
            Type::INT4 => {
                row.try_get::<_, Option<i32>>(i).map_err(bad)?.map_or(Value::Null, |n| Value::Int(n.into()))
            }
            Type::INT2 => {
                row.try_get::<_, Option<i16>>(i).map_err(bad)?.map_or(Value::Null, |n| Value::Int(n.into()))
            }
            Type::BOOL => {
                row.try_get::<_, Option<bool>>(i).map_err(bad)?.map_or(Value::Null, |b| Value::Int(b.into()))
            }
            Type::FLOAT8 => row.try_get::<_, Option<f64>>(i).map_err(bad)?.map_or(Value::Null, Value::Real),
            Type::FLOAT4 => {
                row.try_get::<_, Option<f32>>(i).map_err(bad)?.map_or(Value::Null, |x| Value::Real(x.into()))
            }
            Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME => {
                row.try_get::<_, Option<&str>>(i).map_err(bad)?.map_or(Value::Null, Value::Text)
            }
            Type::BYTEA => row.try_get::<_, Option<&[u8]>>(i).map_err(bad)?.map_or(Value::Null, Value::Blob),
            other => return Err(column(format!("a column of type {other}, which the store does not read"))),
        })
    }
}

/// The schema, as a list of migrations: migration `i` brings a database from version `i` to
/// `i + 1`, `marsad_meta.version` holding how many it has had (as `PRAGMA user_version`
/// does in SQLite). Version 1 is SQLite's version 5 (see `schema`), in PostgreSQL's types:
/// integers are `bigint`, text offsets `integer` (what `substr` takes), blobs `bytea`;
/// foreign keys are checked at commit (a batch writes claims before the events they point
/// at), and `article_search` holds the full-text index. Text columns compare and sort byte by
/// byte (`COLLATE "C"`), as SQLite's do, whatever the database's locale: lists come in the
/// same order from both, and dates compare as strings alike.
pub const MIGRATIONS: &[&str] = &[r#"
CREATE TABLE runs (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    started TEXT COLLATE "C" NOT NULL,
    ended TEXT COLLATE "C",
    status TEXT COLLATE "C" NOT NULL,
    marsad_version TEXT COLLATE "C" NOT NULL,
    inputs TEXT COLLATE "C" NOT NULL,
    seen BIGINT NOT NULL DEFAULT 0,
    added BIGINT NOT NULL DEFAULT 0,
    replaced BIGINT NOT NULL DEFAULT 0,
    unchanged BIGINT NOT NULL DEFAULT 0,
    skipped BIGINT NOT NULL DEFAULT 0,
    pid BIGINT                         -- the server process of the session writing the run
);
CREATE TABLE articles (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    key TEXT COLLATE "C" NOT NULL UNIQUE,
    doc_id TEXT COLLATE "C" NOT NULL,
    source_path TEXT COLLATE "C",
    source_format TEXT COLLATE "C" NOT NULL,
    source_line BIGINT,
    outlet TEXT COLLATE "C",
    published TEXT COLLATE "C",
    published_from TEXT COLLATE "C",
    language TEXT COLLATE "C",
    hash BYTEA NOT NULL,
    title TEXT COLLATE "C",
    text TEXT COLLATE "C" NOT NULL,
    record BYTEA NOT NULL,
    run BIGINT REFERENCES runs(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(lower(outlet));
CREATE TABLE entities (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    key TEXT COLLATE "C" NOT NULL UNIQUE,
    kb TEXT COLLATE "C",
    type TEXT COLLATE "C" NOT NULL,
    name TEXT COLLATE "C" NOT NULL,
    name_ar TEXT COLLATE "C" NOT NULL,
    subtype TEXT COLLATE "C",
    country TEXT COLLATE "C",
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION
);
CREATE INDEX entities_name ON entities(lower(name));
CREATE INDEX entities_kb ON entities(kb);
CREATE INDEX entities_name_ar ON entities(name_ar);
CREATE TABLE mentions (
    article BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    local TEXT COLLATE "C" NOT NULL,
    entity BIGINT NOT NULL REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED,
    spans TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (article, local)
);
CREATE INDEX mentions_entity ON mentions(entity);
CREATE TABLE events (
    id BIGINT PRIMARY KEY,
    article BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    local TEXT COLLATE "C" NOT NULL,
    type TEXT COLLATE "C" NOT NULL,
    mode TEXT COLLATE "C" NOT NULL,
    date TEXT COLLATE "C",
    modality TEXT COLLATE "C",
    negated BIGINT NOT NULL,
    claimant_entity BIGINT REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED,
    claimant TEXT COLLATE "C",
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    trigger_start INTEGER,
    trigger_end INTEGER,
    rule TEXT COLLATE "C",
    UNIQUE (article, local)
);
CREATE INDEX events_type ON events(type, date);
-- events in ingestion order, a page at a time (`read::each_event_row`)
CREATE INDEX events_article ON events(article, id);
CREATE TABLE event_roles (
    rowid BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    event BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    role TEXT COLLATE "C" NOT NULL,
    entity BIGINT REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED,
    name TEXT COLLATE "C"
);
CREATE INDEX event_roles_event ON event_roles(event);
CREATE INDEX event_roles_entity ON event_roles(entity);
CREATE TABLE claims (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    article BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    ordinal BIGINT NOT NULL,
    count BIGINT,
    qualifier TEXT COLLATE "C" NOT NULL,
    kind TEXT COLLATE "C" NOT NULL,
    population TEXT COLLATE "C" NOT NULL,
    side_entity BIGINT REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED,
    side TEXT COLLATE "C",
    claimant_entity BIGINT REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED,
    claimant TEXT COLLATE "C",
    reported_by TEXT COLLATE "C",
    date TEXT COLLATE "C",
    cumulative BIGINT NOT NULL,
    event BIGINT REFERENCES events(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    rule TEXT COLLATE "C"
);
CREATE INDEX claims_article ON claims(article);
CREATE INDEX claims_kind ON claims(kind, date);
CREATE INDEX claims_side ON claims(side_entity);
CREATE INDEX claims_event ON claims(event);
CREATE TABLE article_search (
    article BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    tsv TSVECTOR NOT NULL
);
CREATE INDEX article_search_tsv ON article_search USING GIN (tsv);
CREATE TABLE sketches (
    article BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    day BIGINT,
    sketch BYTEA NOT NULL
);
CREATE TABLE sketch_buckets (
    bucket BIGINT NOT NULL,
    article BIGINT NOT NULL,
    PRIMARY KEY (bucket, article)
);
CREATE TABLE article_links (
    a BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    b BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    kind TEXT COLLATE "C" NOT NULL,
    similarity DOUBLE PRECISION NOT NULL,
    paragraphs TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (a, b)
);
CREATE INDEX article_links_b ON article_links(b);
CREATE TABLE stories (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    articles BIGINT NOT NULL,
    first_day BIGINT,
    last_day BIGINT
);
CREATE INDEX stories_size ON stories(articles);
CREATE TABLE story_articles (
    article BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    story BIGINT NOT NULL,
    why TEXT COLLATE "C" NOT NULL
);
CREATE INDEX story_articles_story ON story_articles(story);
CREATE TABLE merged_events (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    type TEXT COLLATE "C" NOT NULL,
    mode TEXT COLLATE "C" NOT NULL,
    first_day BIGINT,
    last_day BIGINT,
    events BIGINT NOT NULL,
    articles BIGINT NOT NULL
);
CREATE INDEX merged_events_articles ON merged_events(articles);
CREATE TABLE event_merges (
    event BIGINT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    merged BIGINT NOT NULL
);
CREATE INDEX event_merges_merged ON event_merges(merged);
CREATE TABLE merged_keys (
    type TEXT COLLATE "C" NOT NULL,
    entity BIGINT NOT NULL,
    day BIGINT NOT NULL,
    merged BIGINT NOT NULL,
    place BIGINT NOT NULL,
    PRIMARY KEY (type, entity, day, merged)
);
-- SQLite's group_concat over integers (the places of a claim's event): comma-joined text
CREATE FUNCTION marsad_concat(acc TEXT, v BIGINT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS
    $$ SELECT CASE WHEN v IS NULL THEN acc WHEN acc IS NULL THEN v::text ELSE acc || ',' || v::text END $$;
CREATE AGGREGATE group_concat(BIGINT) (SFUNC = marsad_concat, STYPE = TEXT);
"#];

/// The schema version this build writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

impl SqlStore<Postgres> {
    /// Connects to the database at `url` (`postgresql://user:password@host:port/database`;
    /// a Unix socket as `postgresql://user@%2Frun%2Fpostgresql/database`; without a password
    /// in it, `PGPASSWORD` gives one), creating marsad's tables in a database that has none
    /// and bringing an older schema up to date. A database of a newer marsad, one that holds
    /// tables of the same names not made by marsad, or one whose encoding is not UTF-8, is
    /// refused.
    pub fn connect(url: &str) -> Result<PostgresStore, StoreError> {
        Self::connect_to(url, true)
    }

    /// Connects to a database that holds a marsad corpus already ([`connect`](Self::connect)
    /// otherwise): reading commands refuse a database without one, as they refuse a missing
    /// SQLite file, rather than make marsad's tables in a database named by mistake.
    pub fn connect_existing(url: &str) -> Result<PostgresStore, StoreError> {
        Self::connect_to(url, false)
    }

    fn connect_to(url: &str, create: bool) -> Result<PostgresStore, StoreError> {
        let place = crate::url::without_password(url);
        let unreachable = |e: ::postgres::Error| match pg_error(e, "") {
            StoreError::Postgres { message, error } => {
                StoreError::Postgres { message: format!("cannot connect to {place}: {message}"), error }
            }
            other => other,
        };
        let refused = |message: String| StoreError::Query(format!("{place}: {message}"));
        let crate::tls::Tls { url, connector: tls, verifies } =
            crate::tls::configure(url).map_err(refused)?;
        let mut config: ::postgres::Config = url.parse().map_err(unreachable)?;
        // a certificate to check needs TLS: whatever else the URL says, no connection without
        if verifies && config.get_ssl_mode() != ::postgres::config::SslMode::Require {
            return Err(refused(
                "sslmode and sslrootcert ask for a checked certificate, the rest of the URL for less".into(),
            ));
        }
        // TLS needs a host name: a URL of addresses alone (`hostaddr`) names the host by them
        if config.get_hosts().is_empty() {
            let addresses: Vec<String> = config.get_hostaddrs().iter().map(|a| a.to_string()).collect();
            for address in &addresses {
                config.host(address);
            }
        }
        // a password kept out of the command line (and out of `ps`), as libpq reads it
        if config.get_password().is_none()
            && let Ok(password) = std::env::var("PGPASSWORD")
        {
            config.password(password);
        }
        let client = config.connect(tls.clone()).map_err(unreachable)?;
        let conn = Postgres {
            client: RefCell::new(Some(client)),
            statements: RefCell::default(),
            place,
            config,
            tls,
            cancelling: Arc::default(),
            in_transaction: Cell::new(false),
            ended: Cell::new(false),
        };
        let db: &dyn Db = &conn;
        let encoding: String = db.value("SHOW server_encoding", &[])?;
        if !encoding.eq_ignore_ascii_case("UTF8") {
            return Err(StoreError::NotUtf8 { database: conn.place.clone(), encoding });
        }
        match conn.stored_version()? {
            None if !create => return Err(StoreError::NoCorpus { database: conn.place.clone() }),
            Some(LATEST) => {}
            _ => conn.migrate()?,
        }
        Ok(SqlStore::with_connection(conn))
    }
}

impl Postgres {
    /// The schema version of the database, None when it has no marsad tables; an error when
    /// its tables are not marsad's or were written by a newer marsad.
    fn stored_version(&self) -> Result<Option<i64>, StoreError> {
        let db: &dyn Db = self;
        let has = |table: &str| db.value::<bool>("SELECT to_regclass(?1) IS NOT NULL", &[&table]);
        if !has("marsad_meta")? {
            // tables of marsad's names, not marsad's: not touched
            return match has("articles")? {
                true => Err(StoreError::NotMarsadPostgres { database: self.place.clone() }),
                false => Ok(None),
            };
        }
        let (app, version): (i64, i64) = db
            .row("SELECT application, version FROM marsad_meta", &[], |r| Ok((r.get(0)?, r.get(1)?)))?
            .ok_or_else(|| StoreError::NotMarsadPostgres { database: self.place.clone() })?;
        if app != APPLICATION_ID {
            return Err(StoreError::NotMarsadPostgres { database: self.place.clone() });
        }
        if version > LATEST {
            return Err(StoreError::TooNewPostgres {
                database: self.place.clone(),
                found: version,
                supported: LATEST,
            });
        }
        Ok(Some(version))
    }

    /// Creates the schema, or applies the migrations it lacks, in one transaction holding the
    /// writers' lock (a writer of the old schema finishes first; another process connecting
    /// at the same time waits, then finds the schema made). A database at the latest version
    /// is not migrated ([`SqlStore::connect`]): connecting does not wait for an ingest.
    fn migrate(&self) -> Result<(), StoreError> {
        // read committed: after the lock, what another process made is seen; the lock is the
        // schema's (`marsad_meta` may not exist yet), then the writers' too
        self.execute_batch(
            "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(1836217188, hashtext(current_schema()))",
        )?;
        let done = self.migrate_locked();
        let end = if done.is_ok() { "COMMIT" } else { "ROLLBACK" };
        let ended = self.execute_batch(end);
        done.and(ended)
    }

    fn migrate_locked(&self) -> Result<(), StoreError> {
        // read again under the lock: another process may have migrated meanwhile
        let version = match self.stored_version()? {
            Some(v) => {
                // writers of the old schema finish first
                self.execute_batch(WRITE_LOCK)?;
                v
            }
            None => {
                self.execute_batch(&format!(
                    "CREATE TABLE marsad_meta (application BIGINT NOT NULL, version BIGINT NOT NULL,
                         generation BIGINT NOT NULL);
                     INSERT INTO marsad_meta VALUES ({APPLICATION_ID}, 0, 0);"
                ))?;
                0
            }
        };
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            self.execute_batch(sql)?;
            self.execute_batch(&format!("UPDATE marsad_meta SET version = {}", i + 1))?;
        }
        Ok(())
    }
}

/// For tests: the URL of a new, empty schema named `schema` in the database `MARSAD_PG_URL`
/// names (the schema first in the URL's search path, so that the store's tables are made
/// there), or None without it, after saying the test skips; with `MARSAD_REQUIRE_PG` set (CI),
/// a missing URL is a failure.
#[doc(hidden)]
pub fn test_database(schema: &str) -> Option<String> {
    let Ok(base) = std::env::var("MARSAD_PG_URL") else {
        assert!(
            std::env::var_os("MARSAD_REQUIRE_PG").is_none(),
            "MARSAD_REQUIRE_PG is set but MARSAD_PG_URL is not: the PostgreSQL tests cannot run"
        );
        eprintln!("skipped: set MARSAD_PG_URL to a PostgreSQL database to run the tests of {schema}");
        return None;
    };
    let tls = crate::tls::configure(&base).expect("MARSAD_PG_URL: its TLS settings");
    let mut client = Client::connect(&tls.url, tls.connector).expect("MARSAD_PG_URL: cannot connect");
    client
        .batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"))
        .expect("a schema");
    let sep = if base.contains('?') { '&' } else { '?' };
    Some(format!("{base}{sep}options=-c%20search_path%3D{schema}"))
}

/// The client closes its connection (and drops its runtime) by blocking on a runtime of its
/// own, which panics inside another runtime's async code: a server's state dropped in one of
/// its tasks. There, it is closed on a thread of its own.
impl Drop for Postgres {
    fn drop(&mut self) {
        self.statements.get_mut().clear();
        let client = self.client.get_mut().take();
        if tokio::runtime::Handle::try_current().is_ok() {
            std::thread::spawn(move || drop(client));
        }
    }
}

impl crate::Corpus for PostgresStore {
    fn interrupter(&self) -> Option<crate::Interrupter> {
        let token = self.conn.client.try_borrow().ok()?.as_ref()?.cancel_token();
        let cancelling = self.conn.cancelling.clone();
        let tls = self.conn.tls.clone();
        // the cancel request is a connection of its own: made on a thread, so that whoever
        // gives the request up (a server's async task) does not wait for it; the connection's
        // next statement waits for it (a late cancel would stop that statement instead)
        Some(crate::Interrupter(Box::new(move || {
            let (token, tls) = (token.clone(), tls.clone());
            let sent = std::thread::spawn(move || {
                let _ = token.cancel_query(tls);
            });
            cancelling.lock().unwrap_or_else(|e| e.into_inner()).push(sent);
        })))
    }
}

/// A `tsvector` literal of an article's index terms (space-separated, as
/// [`crate::terms::index_text`] writes them): the title's at positions from 1, weighted `A`
/// (ranked three times the body's, as bm25's weights are in SQLite), the body's after them,
/// one position apart so that a phrase does not run from the title into the body.
///
/// PostgreSQL's limits are kept rather than hit (an error would lose the transaction): a
/// term of [`MAX_LEXEME`] bytes or more is left out (no word is that long: it is a run of
/// letters without spaces), and the literal stops at [`MAX_TSVECTOR`] bytes (the first
/// 60,000 words or so of a giant article are indexed). PostgreSQL also counts positions past
/// 16,383 there and keeps 256 of a lexeme: a phrase past them is not found in a long article,
/// where SQLite finds it.
pub(crate) fn tsvector(title: &str, body: &str) -> String {
    let mut out = String::with_capacity((title.len() + body.len()) * 3 / 2);
    let mut position = 0u32;
    for (text, weight) in [(title, "A"), (body, "")] {
        for term in text.split_whitespace() {
            position += 1;
            if term.len() >= MAX_LEXEME {
                continue;
            }
            let entry = format!("{}:{}{weight}", crate::search::lexeme(term), position.min(16_383));
            if out.len() + entry.len() + 1 > MAX_TSVECTOR {
                return out;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&entry);
        }
        position += 1;
    }
    out
}

/// Bytes a lexeme may not reach (PostgreSQL: 2,047 at most).
const MAX_LEXEME: usize = 1024;

/// Bytes of a `tsvector` literal at most: its value, at most half as long again for one-letter
/// terms, stays under PostgreSQL's 1 MiB.
const MAX_TSVECTOR: usize = 600_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_are_rewritten_outside_quotes() {
        assert_eq!(
            rewrite("SELECT a FROM t WHERE b = ?1 AND c = '?2'"),
            "SELECT a FROM t WHERE b = $1 AND c = '?2'"
        );
        assert_eq!(
            rewrite("INSERT OR IGNORE INTO m (a, b) VALUES (?1, ?2), (?3, ?4)"),
            "INSERT INTO m (a, b) VALUES ($1, $2), ($3, $4) ON CONFLICT DO NOTHING"
        );
        assert_eq!(rewrite("INSERT OR FAIL INTO e (a) VALUES (?1)"), "INSERT INTO e (a) VALUES ($1)");
        assert_eq!(
            rewrite("INSERT INTO e (a, b) VALUES (?, ?), (?, ?)"),
            "INSERT INTO e (a, b) VALUES ($1, $2), ($3, $4)"
        );
        assert_eq!(
            rewrite("SELECT a FROM s WHERE b IN rarray(?1) ORDER BY b"),
            "SELECT a FROM s WHERE b = ANY($1) ORDER BY b"
        );
        // an escaped quote inside a literal, and a ? that is not a parameter
        assert_eq!(
            rewrite("SELECT 'it''s ?1', ?12 WHERE x LIKE 'a?'"),
            "SELECT 'it''s ?1', $12 WHERE x LIKE 'a?'"
        );
        assert_eq!(rewrite("SELECT ?2, ?, ?1"), "SELECT $2, $3, $1");
        // comments, quoted identifiers, words ending in IN, NOT IN
        assert_eq!(
            rewrite("SELECT a -- it's ?1\n, \"b?\" FROM t WHERE x NOT IN rarray(?1) AND y JOIN rarray(?2)"),
            "SELECT a -- it's ?1\n, \"b?\" FROM t WHERE x <> ALL($1) AND y JOIN rarray($2)"
        );
        // an unterminated quote ends the statement, not the rewriting's bounds
        assert_eq!(rewrite("SELECT 'open ?1"), "SELECT 'open ?1");
    }

    /// A statement running on a connection is stopped from another thread (a server's request
    /// given up). Needs the server of `MARSAD_PG_URL`; skips without it.
    #[test]
    fn a_running_statement_is_cancelled_by_the_interrupter() {
        use crate::Corpus;
        let Some(url) = test_database("marsad_unit_cancel") else { return };
        let store = PostgresStore::connect(&url).unwrap();
        let interrupter = store.interrupter().expect("PostgreSQL can cancel");
        let started = std::time::Instant::now();
        let canceller = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(300));
            interrupter.interrupt();
        });
        let slept = store.db().execute_batch("SELECT pg_sleep(20)");
        canceller.join().unwrap();
        let err = slept.expect_err("cancelled");
        assert!(err.to_string().contains("cancel"), "{err}");
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "{:?}", started.elapsed());
        // the connection goes on
        assert_eq!(store.db().value::<i64>("SELECT 1 + 1", &[]).unwrap(), 2);
    }

    /// `sslmode` as libpq reads it: `require` encrypts (the server's self-signed certificate
    /// not checked), `disable` does not, `verify-full` refuses a certificate no trusted root
    /// signed. Needs the server of `MARSAD_PG_URL` (with TLS on, as Debian's is); skips
    /// without it.
    #[test]
    fn connections_are_encrypted_as_sslmode_asks() {
        let Some(url) = test_database("marsad_unit_tls") else { return };
        let encrypted = |extra: &str| -> Result<bool, StoreError> {
            let store = PostgresStore::connect(&format!("{url}&{extra}"))?;
            store.db().value::<bool>("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &[])
        };
        assert!(!encrypted("sslmode=disable").unwrap());
        // the default, prefer: TLS when the server offers it (not over a Unix socket)
        if !encrypted("sslmode=prefer").unwrap() {
            eprintln!(
                "no TLS offered on this connection (a Unix socket, or a server without TLS): require is not tried"
            );
            return;
        }
        assert!(encrypted("sslmode=require").unwrap());
        // a root that did not sign the server's certificate: refused
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("other-root.pem");
        std::fs::write(&root, OTHER_ROOT).unwrap();
        let err = encrypted(&format!("sslmode=verify-full&sslrootcert={}", root.display())).unwrap_err();
        assert!(err.to_string().to_lowercase().contains("certificate"), "{err}");
    }

    /// A self-signed root certificate of nobody's (made for this test with
    /// `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 36500
    /// -subj /CN=marsad-test-root`; its key thrown away).
    const OTHER_ROOT: &str = include_str!("../tests/data/other-root.pem");

    /// A read outside a transaction that meets a connection the server closed runs again on a
    /// new one; a write does not (whether it was done is not known), and the next statement
    /// works. Needs the server of `MARSAD_PG_URL`; skips without it.
    #[test]
    fn a_read_runs_again_on_a_new_connection_when_the_server_closed_the_old() {
        let Some(url) = test_database("marsad_unit_reconnect") else { return };
        let store = PostgresStore::connect(&url).unwrap();
        let tls = crate::tls::configure(&url).unwrap();
        let mut admin = Client::connect(&tls.url, tls.connector).unwrap();
        let mut terminate = |store: &PostgresStore| {
            let pid: i64 = store.db().value("SELECT CAST(pg_backend_pid() AS BIGINT)", &[]).unwrap();
            admin
                .execute("SELECT pg_terminate_backend(CAST(CAST($1 AS BIGINT) AS INTEGER))", &[&pid])
                .unwrap();
            // the session is gone once the server lists it no more
            while admin
                .query_one("SELECT count(*) FROM pg_stat_activity WHERE pid = $1", &[&(pid as i32)])
                .unwrap()
                .get::<_, i64>(0)
                > 0
            {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            pid
        };
        let before = terminate(&store);
        let after: i64 = store.db().value("SELECT CAST(pg_backend_pid() AS BIGINT)", &[]).unwrap();
        assert_ne!(before, after, "a new session");
        terminate(&store);
        assert!(store.db().execute("UPDATE marsad_meta SET generation = generation", &[]).is_err());
        assert_eq!(store.db().value::<i64>("SELECT 1 + 1", &[]).unwrap(), 2);
    }

    #[test]
    fn the_title_is_weighted_and_apart_from_the_body() {
        assert_eq!(tsvector("قصف غزة", "قصف"), "'قصف':1A 'غزة':2A 'قصف':4");
        assert_eq!(tsvector("", "it's"), "'it''s':2");
        // a giant term is left out (its position stays taken), a giant text cut short
        let long = "ب".repeat(600);
        assert_eq!(tsvector("", &format!("a {long} c")), "'a':2 'c':4");
        let giant = tsvector("", &"كلمة ".repeat(200_000));
        assert!(giant.len() <= MAX_TSVECTOR && giant.len() > MAX_TSVECTOR - 40, "{}", giant.len());
        assert!(giant.ends_with(":16383"));
    }
}
