//! One interface over the SQL databases the store runs on ([`Db`]), so that the store's logic
//! (writing articles, linking them, reading stories, events and claims back) is written once
//! for SQLite and PostgreSQL.
//!
//! Statements are written in the SQL the two share, with numbered parameters (`?1`) and these
//! SQLite spellings, which the PostgreSQL backend rewrites when it prepares a statement:
//! `INSERT OR FAIL INTO` (a plain insert), `INSERT OR IGNORE INTO ... VALUES ...` (with
//! `ON CONFLICT DO NOTHING`), and `IN rarray(?N)` (a list of integers bound as one parameter:
//! `= ANY(?N)`). Where their defaults differ, the statement says what it means: where NULLs
//! sort (`NULLS FIRST`), a parameter's type where nothing else gives it (`CAST(?1 AS TEXT)
//! IS NULL`), `1 = 1` for true; text compares byte by byte in both (PostgreSQL's columns are
//! `COLLATE "C"`). Where the two differ more (the full-text index, transactions, the schema),
//! the code asks [`Db::backend`].
//!
//! Values go in as [`Value`]s ([`ToValue`] for the usual Rust types, so that `args![a, b]`
//! reads like rusqlite's `params!`) and come out of a [`Row`] as [`Value`]s, converted by
//! [`FromValue`].

use crate::StoreError;

/// Which database a [`Db`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A value bound to a statement or read from a row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'a str),
    Blob(&'a [u8]),
    /// A list of integers bound as one parameter (`IN rarray(?N)`); never read from a row.
    Ints(&'a [i64]),
}

impl<'a> Value<'a> {
    /// An integer, or NULL.
    pub fn opt_int(v: Option<i64>) -> Value<'static> {
        v.map_or(Value::Null, Value::Int)
    }

    /// Text, or NULL.
    pub fn opt_text(v: Option<&'a str>) -> Value<'a> {
        v.map_or(Value::Null, Value::Text)
    }
}

/// A Rust value that binds to a statement's parameter.
pub trait ToValue {
    fn to_value(&self) -> Value<'_>;
}

impl ToValue for Value<'_> {
    fn to_value(&self) -> Value<'_> {
        *self
    }
}

macro_rules! int_values {
    ($($t:ty),*) => {$(
        impl ToValue for $t {
            fn to_value(&self) -> Value<'_> {
                Value::Int(i64::try_from(*self).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_values!(i64, i32, i16, u8, u16, u32, u64, usize);

impl ToValue for bool {
    fn to_value(&self) -> Value<'_> {
        Value::Int(i64::from(*self))
    }
}

impl ToValue for f64 {
    fn to_value(&self) -> Value<'_> {
        Value::Real(*self)
    }
}

impl ToValue for str {
    fn to_value(&self) -> Value<'_> {
        Value::Text(self)
    }
}

impl ToValue for String {
    fn to_value(&self) -> Value<'_> {
        Value::Text(self)
    }
}

impl ToValue for [u8] {
    fn to_value(&self) -> Value<'_> {
        Value::Blob(self)
    }
}

impl ToValue for Vec<u8> {
    fn to_value(&self) -> Value<'_> {
        Value::Blob(self)
    }
}

impl<T: ToValue + ?Sized> ToValue for &T {
    fn to_value(&self) -> Value<'_> {
        (**self).to_value()
    }
}

impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self) -> Value<'_> {
        self.as_ref().map_or(Value::Null, ToValue::to_value)
    }
}

/// The parameters of a statement: `args![a, b]` is `&[&a as &dyn ToValue, &b]`.
macro_rules! args {
    () => { &[] as &[&dyn $crate::db::ToValue] };
    ($($v:expr),+ $(,)?) => { &[$(&$v as &dyn $crate::db::ToValue),+] as &[&dyn $crate::db::ToValue] };
}
pub(crate) use args;

/// A Rust value read from a column.
pub trait FromValue: Sized {
    /// The value, or what is wrong with it.
    fn from_value(v: Value<'_>) -> Result<Self, String>;
}

fn wrong<T>(v: Value<'_>, want: &str) -> Result<T, String> {
    Err(format!("{} where {want} was expected", kind_of(v)))
}

fn kind_of(v: Value<'_>) -> &'static str {
    match v {
        Value::Null => "NULL",
        Value::Int(_) => "an integer",
        Value::Real(_) => "a real",
        Value::Text(_) => "text",
        Value::Blob(_) => "a blob",
        Value::Ints(_) => "a list",
    }
}

impl FromValue for i64 {
    fn from_value(v: Value<'_>) -> Result<i64, String> {
        match v {
            Value::Int(i) => Ok(i),
            _ => wrong(v, "an integer"),
        }
    }
}

impl FromValue for i32 {
    fn from_value(v: Value<'_>) -> Result<i32, String> {
        let i = i64::from_value(v)?;
        i32::try_from(i).map_err(|_| format!("{i} is out of range"))
    }
}

impl FromValue for bool {
    fn from_value(v: Value<'_>) -> Result<bool, String> {
        Ok(i64::from_value(v)? != 0)
    }
}

impl FromValue for f64 {
    fn from_value(v: Value<'_>) -> Result<f64, String> {
        match v {
            Value::Real(f) => Ok(f),
            Value::Int(i) => Ok(i as f64),
            _ => wrong(v, "a number"),
        }
    }
}

impl FromValue for String {
    fn from_value(v: Value<'_>) -> Result<String, String> {
        match v {
            Value::Text(s) => Ok(s.to_owned()),
            _ => wrong(v, "text"),
        }
    }
}

impl FromValue for Vec<u8> {
    fn from_value(v: Value<'_>) -> Result<Vec<u8>, String> {
        match v {
            Value::Blob(b) => Ok(b.to_vec()),
            Value::Text(s) => Ok(s.as_bytes().to_vec()),
            _ => wrong(v, "a blob"),
        }
    }
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: Value<'_>) -> Result<Option<T>, String> {
        match v {
            Value::Null => Ok(None),
            v => T::from_value(v).map(Some),
        }
    }
}

/// A row of a query's result.
pub trait Row {
    /// The value of column `i` (from 0).
    fn value(&self, i: usize) -> Result<Value<'_>, StoreError>;
}

impl dyn Row + '_ {
    /// Column `i` (from 0) as a `T`.
    pub fn get<T: FromValue>(&self, i: usize) -> Result<T, StoreError> {
        T::from_value(self.value(i)?).map_err(|message| StoreError::Column { index: i, message })
    }
}

/// What the store needs of a database connection.
///
/// Methods take `&self`: a backend whose client needs `&mut` keeps it in a cell, and never
/// holds it while a callback runs (a callback may run statements of its own).
pub trait Db {
    /// Which database this is.
    fn backend(&self) -> Backend;

    /// Runs a statement; returns how many rows it changed.
    fn execute_values(&self, sql: &str, args: &[Value<'_>]) -> Result<u64, StoreError>;

    /// Runs a query, calling `f` with each row in turn.
    fn query_values(
        &self,
        sql: &str,
        args: &[Value<'_>],
        f: &mut dyn FnMut(&dyn Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;

    /// Runs a query of many rows (every bucket, every article), calling `f` with each as it
    /// comes: PostgreSQL streams them (where [`query_values`](Db::query_values) reads them
    /// all first, so that its callback may run statements), so `f` must not run statements
    /// of its own.
    fn scan(
        &self,
        sql: &str,
        args: &[Value<'_>],
        f: &mut dyn FnMut(&dyn Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.query_values(sql, args, f)
    }

    /// Runs statements separated by semicolons, without parameters.
    fn execute_batch(&self, sql: &str) -> Result<(), StoreError>;

    /// Runs an `INSERT` of one row into a table whose key is `id` and returns the row's id, or
    /// None when it inserted nothing (`ON CONFLICT ... DO NOTHING`). SQLite reads the id
    /// back (`last_insert_rowid`): its `RETURNING` is a trigger, which makes every insert keep
    /// a statement journal (an ingest wrote a tenth more with it); PostgreSQL appends
    /// `RETURNING id`.
    fn insert_id(&self, sql: &str, args: &[Value<'_>]) -> Result<Option<i64>, StoreError>;

    /// Runs a statement that is not run again soon (the last, short statement of
    /// [`insert_rows`](Db::insert_rows)): prepared for this run alone, it does not push the
    /// statements a batch runs again and again out of the cache.
    fn execute_once(&self, sql: &str, args: &[Value<'_>]) -> Result<u64, StoreError>;
}

/// Parameters as values (up to 20 without allocating).
fn values<'a>(args: &'a [&'a dyn ToValue]) -> inline::Values<'a> {
    inline::Values::new(args)
}

/// A short list of values kept inline: most statements take a few parameters (the many-row
/// inserts of [`insert_rows`](Db::insert_rows) build their own vector).
mod inline {
    use super::{ToValue, Value};

    const INLINE: usize = 20;

    // on the stack for the statement's life: its size is the point
    #[allow(clippy::large_enum_variant)]
    pub enum Values<'a> {
        Inline([Value<'a>; INLINE], usize),
        Heap(Vec<Value<'a>>),
    }

    impl<'a> Values<'a> {
        pub fn new(args: &'a [&'a dyn ToValue]) -> Values<'a> {
            if args.len() <= INLINE {
                let mut a = [Value::Null; INLINE];
                for (slot, v) in a.iter_mut().zip(args) {
                    *slot = v.to_value();
                }
                Values::Inline(a, args.len())
            } else {
                Values::Heap(args.iter().map(|v| v.to_value()).collect())
            }
        }

        pub fn as_slice(&self) -> &[Value<'a>] {
            match self {
                Values::Inline(a, n) => &a[..*n],
                Values::Heap(v) => v,
            }
        }
    }
}

impl dyn Db + '_ {
    /// Runs a statement; returns how many rows it changed.
    pub fn execute(&self, sql: &str, args: &[&dyn ToValue]) -> Result<u64, StoreError> {
        self.execute_values(sql, values(args).as_slice())
    }

    /// Runs a query, calling `f` with each row in turn.
    pub fn for_each(
        &self,
        sql: &str,
        args: &[&dyn ToValue],
        mut f: impl FnMut(&dyn Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.query_values(sql, values(args).as_slice(), &mut f)
    }

    /// Runs a query of many rows, calling `f` with each as it comes ([`Db::scan`]: `f` runs
    /// no statement).
    pub fn scan_each(
        &self,
        sql: &str,
        args: &[&dyn ToValue],
        mut f: impl FnMut(&dyn Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.scan(sql, values(args).as_slice(), &mut f)
    }

    /// The rows of a query, each made by `f`.
    pub fn rows<T>(
        &self,
        sql: &str,
        args: &[&dyn ToValue],
        mut f: impl FnMut(&dyn Row) -> Result<T, StoreError>,
    ) -> Result<Vec<T>, StoreError> {
        let mut out = Vec::new();
        self.query_values(sql, values(args).as_slice(), &mut |r| {
            out.push(f(r)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// The first row of a query made by `f`, if it has one.
    pub fn row<T>(
        &self,
        sql: &str,
        args: &[&dyn ToValue],
        mut f: impl FnMut(&dyn Row) -> Result<T, StoreError>,
    ) -> Result<Option<T>, StoreError> {
        let mut out = None;
        self.query_values(sql, values(args).as_slice(), &mut |r| {
            if out.is_none() {
                out = Some(f(r)?);
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// Inserts one row and returns its id ([`Db::insert_id`]; an error when nothing was
    /// inserted).
    pub fn insert(&self, sql: &str, args: &[&dyn ToValue]) -> Result<i64, StoreError> {
        self.insert_id(sql, values(args).as_slice())?
            .ok_or_else(|| StoreError::Query(format!("nothing inserted: {sql}")))
    }

    /// Inserts one row unless it conflicts ([`Db::insert_id`]).
    pub fn insert_new(&self, sql: &str, args: &[&dyn ToValue]) -> Result<Option<i64>, StoreError> {
        self.insert_id(sql, values(args).as_slice())
    }

    /// The first column of the first row of a query (an error when there is no row).
    pub fn value<T: FromValue>(&self, sql: &str, args: &[&dyn ToValue]) -> Result<T, StoreError> {
        self.row(sql, args, |r| r.get(0))?.ok_or_else(|| StoreError::Query(format!("no row: {sql}")))
    }

    /// Inserts rows of `width` values each with `sql` (an `INSERT ... VALUES` without its
    /// values), many rows per statement ([`rows_per_insert`]): the rows written at a commit
    /// (hundreds of thousands of bucket and mention rows) cost a statement step (SQLite) or
    /// an exchange with the server (PostgreSQL) each when inserted one by one, most of it
    /// not in the insertion itself. `bind` appends the `width` values of a row.
    ///
    /// A statement of several rows that may abort on a constraint (plain `INSERT`: ABORT)
    /// makes SQLite keep a statement journal, a copy of every page it touches, to undo its
    /// rows alone; where rows are only added, callers say `OR FAIL` or `OR IGNORE` instead,
    /// since an error rolls the whole transaction back anyway.
    pub fn insert_rows<'r, T>(
        &self,
        sql: &str,
        width: usize,
        rows: &'r [T],
        bind: impl FnMut(&'r T, &mut Vec<Value<'r>>),
    ) -> Result<(), StoreError> {
        let row = format!("({})", vec!["?"; width].join(", "));
        self.insert_rows_as(sql, &row, rows, bind)
    }

    /// [`insert_rows`](Self::insert_rows) with each row written as `row`, whose `?`s take the
    /// values `bind` appends (`(?, CAST(? AS tsvector))`).
    pub fn insert_rows_as<'r, T>(
        &self,
        sql: &str,
        row: &str,
        rows: &'r [T],
        mut bind: impl FnMut(&'r T, &mut Vec<Value<'r>>),
    ) -> Result<(), StoreError> {
        let width = row.matches('?').count();
        let per = rows_per_insert(self.backend());
        let statement = |n: usize| format!("{sql} {}", vec![row; n].join(", "));
        let mut values: Vec<Value<'r>> = Vec::with_capacity(width * per.min(rows.len()));
        let mut full: Option<String> = None;
        for chunk in rows.chunks(per) {
            values.clear();
            for row in chunk {
                bind(row, &mut values);
            }
            debug_assert_eq!(values.len(), chunk.len() * width);
            if chunk.len() == per {
                let sql = full.get_or_insert_with(|| statement(per));
                self.execute_values(sql, &values)?;
            } else {
                self.execute_once(&statement(chunk.len()), &values)?;
            }
        }
        Ok(())
    }
}

/// Rows a multi-row `INSERT` of [`insert_rows`](Db::insert_rows) takes at once: SQLite's
/// statements are steps in the process, and 64 rows make most of their cost; PostgreSQL's are
/// exchanges with the server, and 512 rows (of up to 15 values: 7,680 parameters of the
/// 65,535 a statement takes) make a tenth as many.
pub fn rows_per_insert(backend: Backend) -> usize {
    match backend {
        Backend::Sqlite => 64,
        Backend::Postgres => 512,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn memory() -> crate::Sqlite {
        crate::sqlite::Sqlite::memory()
    }

    #[test]
    fn values_go_in_and_come_out_with_their_types() {
        let conn = memory();
        let db: &dyn Db = &conn;
        db.execute_batch("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB)").unwrap();
        let blob = vec![0u8, 255, 7];
        db.execute("INSERT INTO t VALUES (?1, ?2, ?3, ?4)", args![7i64, 2.5f64, "قتل", blob]).unwrap();
        db.execute(
            "INSERT INTO t VALUES (?1, ?2, ?3, ?4)",
            args![None::<i64>, None::<f64>, None::<String>, None::<Vec<u8>>],
        )
        .unwrap();
        type Nullable = (Option<i64>, Option<f64>, Option<String>, Option<Vec<u8>>);
        let rows: Vec<Nullable> = db
            .rows("SELECT i, r, s, b FROM t ORDER BY rowid", args![], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .unwrap();
        assert_eq!(rows[0], (Some(7), Some(2.5), Some("قتل".to_string()), Some(blob)));
        assert_eq!(rows[1], (None, None, None, None));
        // a wrong type is an error naming the column, not a panic
        let err = db.value::<i64>("SELECT s FROM t WHERE i = 7", args![]).unwrap_err();
        assert!(matches!(err, StoreError::Column { index: 0, .. }), "{err}");
        assert!(db.value::<i64>("SELECT i FROM t WHERE i = 8", args![]).is_err());
        // a value too few or too many is an error, not a NULL
        assert!(db.execute("INSERT INTO t VALUES (?1, ?2, ?3, ?4)", args![1i64, 2.0f64, "x"]).is_err());
        assert!(db.value::<i64>("SELECT ?1", args![1i64, 2i64]).is_err());
    }

    #[test]
    fn many_rows_are_inserted_in_full_statements_and_a_last_short_one() {
        let conn = memory();
        let db: &dyn Db = &conn;
        db.execute_batch("CREATE TABLE t (a INTEGER, b TEXT)").unwrap();
        let rows: Vec<(i64, String)> = (0..150).map(|i| (i, format!("r{i}"))).collect();
        db.insert_rows("INSERT OR FAIL INTO t (a, b) VALUES", 2, &rows, |(a, b), out| {
            out.push(Value::Int(*a));
            out.push(Value::Text(b));
        })
        .unwrap();
        let back: Vec<(i64, String)> =
            db.rows("SELECT a, b FROM t ORDER BY a", args![], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        assert_eq!(back, rows);
        let some: Vec<i64> = db
            .rows(
                "SELECT a FROM t WHERE a IN rarray(?1) ORDER BY a",
                args![Value::Ints(&[3, 149, 400])],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(some, vec![3, 149]);
    }

    #[test]
    fn a_callback_may_run_statements_of_its_own() {
        let conn = memory();
        let db: &dyn Db = &conn;
        db.execute_batch("CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (1), (2)").unwrap();
        let mut sums = Vec::new();
        db.for_each("SELECT a FROM t ORDER BY a", args![], |r| {
            let a: i64 = r.get(0)?;
            sums.push(db.value::<i64>("SELECT sum(a) + ?1 FROM t", args![a])?);
            Ok(())
        })
        .unwrap();
        assert_eq!(sums, vec![4, 5]);
    }
}
