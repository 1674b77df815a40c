//! The SQLite backend (embedded, the default).
//!
//! The database runs in WAL mode: readers (a search, the hash look-ups of an ingest) see the
//! last committed batch while the writer writes the next. `synchronous = NORMAL` keeps every
//! committed batch through a crash of the process (kill -9); only a power loss can take back
//! the last ones, never corrupt the file.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

use crate::db::{Backend, Db, Row, Value};
use crate::schema::{APPLICATION_ID, LATEST, MIGRATIONS};
use crate::sql::SqlStore;
use crate::{Store, StoreError};

/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 128;

/// A marsad database in an SQLite file.
pub type SqliteStore = SqlStore<Sqlite>;

/// An SQLite connection to a marsad database (the connection of a [`SqliteStore`]).
pub struct Sqlite {
    conn: Connection,
    path: PathBuf,
}

impl Sqlite {
    /// A database in memory, for tests of the interface.
    #[cfg(test)]
    pub(crate) fn memory() -> Sqlite {
        let conn = Connection::open_in_memory().expect("an in-memory database");
        rusqlite::vtab::array::load_module(&conn).expect("rarray");
        Sqlite { conn, path: PathBuf::from(":memory:") }
    }
}

impl std::fmt::Debug for Sqlite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sqlite").field("path", &self.path).finish()
    }
}

/// Statements are prepared once and kept (`prepare_cached`).
impl Db for Sqlite {
    fn backend(&self) -> Backend {
        Backend::Sqlite
    }

    fn execute_values(&self, sql: &str, args: &[Value<'_>]) -> Result<u64, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        run(&mut stmt, args)
    }

    fn query_values(
        &self,
        sql: &str,
        args: &[Value<'_>],
        f: &mut dyn FnMut(&dyn Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        bind_sqlite(&mut stmt, args)?;
        let mut rows = stmt.raw_query();
        while let Some(row) = rows.next()? {
            f(&SqliteRow(row))?;
        }
        Ok(())
    }

    fn execute_batch(&self, sql: &str) -> Result<(), StoreError> {
        Ok(self.conn.execute_batch(sql)?)
    }

    fn insert_id(&self, sql: &str, args: &[Value<'_>]) -> Result<Option<i64>, StoreError> {
        let inserted = self.execute_values(sql, args)?;
        Ok((inserted > 0).then(|| self.conn.last_insert_rowid()))
    }

    fn execute_once(&self, sql: &str, args: &[Value<'_>]) -> Result<u64, StoreError> {
        run(&mut self.conn.prepare(sql)?, args)
    }
}

/// Runs a statement with `args`; returns how many rows it changed.
fn run(stmt: &mut rusqlite::Statement<'_>, args: &[Value<'_>]) -> Result<u64, StoreError> {
    bind_sqlite(stmt, args)?;
    Ok(stmt.raw_execute()? as u64)
}

fn bind_sqlite(stmt: &mut rusqlite::Statement<'_>, args: &[Value<'_>]) -> Result<(), StoreError> {
    use rusqlite::types::Value as V;
    // raw binding does not count the values: a parameter left out would be NULL
    if args.len() != stmt.parameter_count() {
        return Err(StoreError::Query(format!(
            "{} values for the {} parameters of: {}",
            args.len(),
            stmt.parameter_count(),
            stmt.expanded_sql().unwrap_or_default()
        )));
    }
    for (i, v) in args.iter().enumerate() {
        let at = i + 1;
        match *v {
            Value::Null => stmt.raw_bind_parameter(at, rusqlite::types::Null)?,
            Value::Int(n) => stmt.raw_bind_parameter(at, n)?,
            Value::Real(x) => stmt.raw_bind_parameter(at, x)?,
            Value::Text(s) => stmt.raw_bind_parameter(at, s)?,
            Value::Blob(b) => stmt.raw_bind_parameter(at, b)?,
            Value::Ints(list) => {
                let list = std::rc::Rc::new(list.iter().map(|&n| V::Integer(n)).collect::<Vec<V>>());
                stmt.raw_bind_parameter(at, list)?
            }
        }
    }
    Ok(())
}

struct SqliteRow<'s>(&'s rusqlite::Row<'s>);

impl Row for SqliteRow<'_> {
    fn value(&self, i: usize) -> Result<Value<'_>, StoreError> {
        use rusqlite::types::ValueRef as V;
        Ok(match self.0.get_ref(i)? {
            V::Null => Value::Null,
            V::Integer(n) => Value::Int(n),
            V::Real(x) => Value::Real(x),
            V::Text(t) => Value::Text(std::str::from_utf8(t).map_err(|e| StoreError::Column {
                index: i,
                message: format!("text that is not UTF-8: {e}"),
            })?),
            V::Blob(b) => Value::Blob(b),
        })
    }
}

impl SqlStore<Sqlite> {
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
        let mut store = SqlStore::with_connection(Sqlite { conn, path: path.to_path_buf() });
        let before = store.schema_version()?;
        store.migrate()?;
        if before < 3 && before > 0 {
            store.link_stored()?;
        }
        Ok(store)
    }

    /// The underlying connection (for checks and tools).
    pub fn connection(&self) -> &Connection {
        &self.conn.conn
    }

    /// Brings the database to [`LATEST`], one migration per transaction.
    fn migrate(&mut self) -> Result<(), StoreError> {
        self.migrate_to(LATEST)
    }

    /// Applies the migrations up to `target` (tests build older databases with it).
    #[doc(hidden)]
    pub fn migrate_to(&mut self, target: i64) -> Result<(), StoreError> {
        let version = self.schema_version()?;
        let app: i64 = self.conn.conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        if app != 0 && app != APPLICATION_ID {
            return Err(StoreError::NotMarsad { path: self.conn.path.clone(), found: app });
        }
        if app == 0 && version > 0 {
            return Err(StoreError::NotMarsad { path: self.conn.path.clone(), found: app });
        }
        if version > LATEST {
            return Err(StoreError::TooNew {
                path: self.conn.path.clone(),
                found: version,
                supported: LATEST,
            });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().take(target as usize).skip(version as usize) {
            let tx = self.conn.conn.transaction()?;
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
        let mut store = SqlStore::with_connection(Sqlite { conn, path: path.to_path_buf() });
        store.migrate_to(version)?;
        Ok(store)
    }
}
