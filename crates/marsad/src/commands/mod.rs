//! The subcommands.

pub mod claims;
pub mod eval_ner;
pub mod events;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod search;
pub mod serve;
pub mod stories;
pub mod throughput;

use marsad_ingest::{Format, Inputs, Options};

use crate::cli::{InputArgs, InputFormat};

/// An error in what the user asked for (exit status 2), as opposed to a failure of the run.
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// A store error as the command's error: a query the store refuses (a bad date, an unknown
/// category) is the user's, anything else the run's.
pub fn query_error(e: marsad_store::StoreError) -> anyhow::Error {
    match e {
        marsad_store::StoreError::Query(m) => UsageError(m).into(),
        e => e.into(),
    }
}

/// The ingest options and the paths an input-reading command was given.
pub fn open_inputs(args: &InputArgs) -> anyhow::Result<Inputs> {
    let options = Options {
        published: args.published,
        format: args.format.map(|f| match f {
            InputFormat::Text => Format::Text,
            InputFormat::Html => Format::Html,
            InputFormat::Jsonl => Format::Jsonl,
        }),
        max_article_bytes: args.max_article_mib.saturating_mul(1 << 20),
        follow_links: args.follow_links,
        manifests: args.metadata.clone(),
        auto_manifests: !args.no_auto_metadata,
    };
    // a manifest given on the command line that cannot be used is the user's to fix
    Inputs::new(&args.paths, options).map_err(|e| UsageError(e.to_string()).into())
}

/// The message a panic was raised with.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

/// Waits for the reader thread; its panic (a bug) becomes an error with the panic's message.
pub fn join_reader(reader: std::thread::JoinHandle<Inputs>) -> anyhow::Result<Inputs> {
    reader.join().map_err(|panic| {
        let message = panic_message(&*panic);
        anyhow::anyhow!(
            "internal error while reading the inputs (a bug in marsad, please report it): {message}"
        )
    })
}

/// Sizes the rayon pool.
pub fn configure_threads(jobs: Option<usize>) -> anyhow::Result<()> {
    if let Some(n) = jobs {
        rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global()?;
    }
    Ok(())
}

/// A corpus database as the commands use it: SQLite or PostgreSQL behind one trait.
pub type DynStore = Box<dyn marsad_store::Corpus>;

/// Whether `--db` names a PostgreSQL database (`postgres://` or `postgresql://`) rather than
/// an SQLite file.
pub fn is_postgres(db: &std::path::Path) -> bool {
    db.to_str().is_some_and(marsad_store::url::is_postgres_url)
}

/// The database `--db` names, for messages: a PostgreSQL URL without its password.
pub fn db_name(db: &std::path::Path) -> String {
    match db.to_str() {
        Some(s) if is_postgres(db) => marsad_store::url::without_password(s),
        _ => db.display().to_string(),
    }
}

/// Opens the corpus database `--db` names: a PostgreSQL database (its tables made when it
/// has none), else an SQLite file, created when missing if `create`, else refused (a missing
/// file is the user's to fix, not a new empty database).
pub fn open_store(db: &std::path::Path, create: bool) -> anyhow::Result<DynStore> {
    if !create && !is_postgres(db) && !db.is_file() {
        return Err(UsageError(format!(
            "no database at {} (create one with `marsad ingest PATH --db {}`)",
            db.display(),
            db.display()
        ))
        .into());
    }
    marsad_store::open_corpus(db, create).map_err(|e| UsageError(e.to_string()).into())
}

/// Opens a corpus database that must exist (search, export, claims, stories, events).
pub fn open_existing(db: &std::path::Path) -> anyhow::Result<DynStore> {
    open_store(db, false)
}
