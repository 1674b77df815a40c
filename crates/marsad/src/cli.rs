//! Command-line interface.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// marsad (مرصد): an Arabic-first conflict-news intelligence engine.
///
/// Turns raw Arabic news articles into a sourced record: clean text with scraping debris set
/// aside, and (as the engine grows) entities, dates, events and casualty claims, every fact
/// pointing back to the characters that support it.
#[derive(Debug, Parser)]
#[command(name = "marsad", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract one JSON record per article (JSON Lines), in input order.
    ///
    /// Reads files and folders (recursively): .txt, .html/.htm, .json, .jsonl (also
    /// gzip-compressed), and standard input ("-", or no PATH). Metadata manifests found in a
    /// folder (a .jsonl with "file" keys, or a .tsv/.csv with a "file" column) give the
    /// files their publication dates, titles and outlets.
    ///
    /// Exit status: 0 when every input was read, 1 when some were skipped (each is listed
    /// in the summary on standard error), 2 for usage errors, 3 when the run failed (the
    /// records could not be written, an internal error).
    #[command(after_help = "Examples:\n  \
        marsad extract examples/corpus -o out.jsonl\n  \
        marsad extract --published 2022-09-13 article.txt\n  \
        marsad extract news.jsonl.gz --metadata index.tsv > out.jsonl\n  \
        cat page.html | marsad extract -")]
    Extract(ExtractArgs),

    /// Extract articles into the corpus database (SQLite), incrementally.
    ///
    /// Reads the same inputs as `extract`. Each article is identified by its canonical path
    /// (and record id, for JSON Lines) and hashed: an article already stored with the same
    /// content is not extracted again, a changed one is replaced. Articles are written in
    /// transactions of `--batch` articles, so a run that is killed keeps every transaction it
    /// committed and the next run completes it.
    ///
    /// Exit status: 0 when every input was read, 1 when some were skipped, 2 for usage errors,
    /// 3 when the run failed.
    #[command(after_help = "Examples:\n  \
        marsad ingest examples/corpus --db marsad.db\n  \
        marsad ingest ../shared/corpus/bench/ant-multisource-2018.jsonl.gz --db bench.db\n  \
        PGPASSWORD=secret marsad ingest examples/corpus --db postgresql://me@localhost/marsad")]
    Ingest(IngestArgs),

    /// Search the corpus database: Arabic-aware full text (marks, alef forms and clitics
    /// folded), phrases in double quotes, OR, -word to exclude; ranked by bm25, with snippets.
    #[command(after_help = "Examples:\n  \
        marsad search 'قصف أذربيجان' --db marsad.db\n  \
        marsad search '\"وزارة الدفاع\" OR الجيش' --from 2022-09-01 --to 2022-09-30 --kind killed")]
    Search(SearchArgs),

    /// Export the corpus database: JSON Lines records, ACLED-style CSV, PLOVER JSON, GeoJSON.
    #[command(after_help = "Examples:\n  \
        marsad export --format acled-csv --db marsad.db -o events.csv\n  \
        marsad export --format geojson -o events.geojson")]
    Export(ExportArgs),

    /// The casualty claim ledger: every figure per side and kind over time, with claimant,
    /// outlet and evidence; running totals and contradictions flagged.
    #[command(after_help = "Example:\n  \
        marsad claims --entity Armenia --from 2022-09-01 --to 2022-09-30 --db marsad.db")]
    Claims(ClaimsArgs),

    /// Stories: articles about one happening across outlets (near-duplicates, shared wire
    /// paragraphs, the same merged event within a few days); with an ID, one story in full.
    #[command(after_help = "Examples:\n  \
        marsad stories --db marsad.db\n  \
        marsad stories 12 --db marsad.db")]
    Stories(crate::commands::stories::StoriesArgs),

    /// Events merged across articles (same category, compatible mode and day, shared places
    /// or parties), each with all its reports; with an ID, one event in full.
    #[command(after_help = "Examples:\n  \
        marsad events --category FIGHT --db marsad.db\n  \
        marsad events 7 --db marsad.db")]
    Events(crate::commands::events::EventsArgs),

    /// Measure extraction speed and memory on a corpus (articles/s, MB/s per core, peak memory).
    ///
    /// Runs the extraction pipeline without writing records, timing each stage inside the
    /// worker threads, and compares it with baselines measured in the same run: reading the
    /// input alone, and a trivial scan of the same texts.
    #[command(after_help = "Example:\n  \
        marsad throughput ../shared/corpus/bench/ant-multisource-2018.jsonl.gz --repeat 3")]
    Throughput(ThroughputArgs),

    /// Serve the corpus database over HTTP: the web UI (Arabic first, English labels
    /// available) at / and the JSON API under /api (described at /api/openapi.json).
    ///
    /// Read endpoints are open; POST /api/ingest needs the bearer token given by --token or
    /// the MARSAD_TOKEN environment variable (without one, ingest is refused). The default
    /// address is loopback only.
    #[command(after_help = "Examples:\n  \
        marsad serve --demo\n  \
        marsad serve --db marsad.db --addr 127.0.0.1:8080\n  \
        MARSAD_TOKEN=secret marsad serve --db marsad.db")]
    Serve(ServeArgs),

    /// Score the entity layer on a named-entity corpus in CoNLL form (`token TAG` lines, BIO
    /// tags PERS/PER, ORG, LOC/GPE, a blank line between sentences), such as the ANERcorp
    /// test split: per type and micro precision, recall and F1, exact spans.
    #[command(after_help = "Example:\n  \
        marsad eval-ner ../shared/corpus/ner/ANERCorp_CamelLab_test.txt")]
    EvalNer(EvalNerArgs),
}

#[derive(Debug, Args)]
pub struct EvalNerArgs {
    /// The corpus file.
    #[arg(value_name = "FILE")]
    pub conll: PathBuf,

    /// Consecutive sentences taken as one article (names are linked within an article).
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub sentences: usize,

    /// Rules and knowledge base only, without the statistical tagger (an ablation).
    #[arg(long)]
    pub no_tagger: bool,

    /// Write every sentence where the layer and the corpus differ to this file: the
    /// sentence, then each name missed (`-`), found wrongly (`+`) or typed differently (`~`).
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,
}

/// Options shared by the commands that read articles.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or folders to read ("-" for standard input; none: standard input).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Publication date (YYYY-MM-DD) for articles whose metadata gives none.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub published: Option<jiff::civil::Date>,

    /// A metadata manifest (JSON Lines with "file" keys, or TSV/CSV with a "file" column)
    /// applying to every input; may be repeated.
    #[arg(long = "metadata", value_name = "FILE")]
    pub metadata: Vec<PathBuf>,

    /// Do not use metadata manifests found in folders.
    #[arg(long)]
    pub no_auto_metadata: bool,

    /// Read every input in this format instead of deciding by extension and content.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<InputFormat>,

    /// Largest single article accepted, in MiB (larger ones are skipped and reported).
    #[arg(long, value_name = "MIB", default_value_t = 16)]
    pub max_article_mib: u64,

    /// Follow symbolic links to folders (loops are detected and reported).
    #[arg(long)]
    pub follow_links: bool,

    /// Worker threads (default: one per core).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Write records to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Include every token of the content (normalised form, proclitics, stem) in each record.
    #[arg(long)]
    pub tokens: bool,

    /// Write the run summary, with every skipped input, to FILE as JSON.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// No progress bar and no summary on standard error (errors are still reported).
    #[arg(short, long)]
    pub quiet: bool,

    /// Print each article's events and casualty claims to standard error as readable lines,
    /// each with the rule that produced it (why it is there).
    #[arg(long)]
    pub explain: bool,
}

/// The database option shared by the commands that use it.
#[derive(Debug, Args)]
pub struct DbArgs {
    /// The corpus database: an SQLite file (created by `ingest` when missing), or a PostgreSQL
    /// database as a URL (`postgresql://user:password@host/database`).
    #[arg(long, value_name = "DB", default_value = "marsad.db")]
    pub db: PathBuf,
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// The corpus database: an SQLite file (created when missing), or a PostgreSQL database
    /// as a URL (`postgresql://user:password@host/database`; its tables are created when it
    /// has none).
    #[arg(long, value_name = "DB", default_value = "marsad.db")]
    pub db: PathBuf,

    /// Articles per transaction (extracted in batches of at most 512): a kill loses at most
    /// the articles not yet committed, which the next run writes.
    #[arg(long, value_name = "N", default_value_t = 4096)]
    pub batch: usize,

    /// Extract and write every article again, changed or not (after a change of the extractor
    /// within one version of marsad; an article stored by another version is extracted again
    /// without it).
    #[arg(long)]
    pub reextract: bool,

    /// No progress bar and no summary on standard error (errors are still reported).
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query.
    #[arg(value_name = "QUERY")]
    pub query: String,

    #[command(flatten)]
    pub db: DbArgs,

    /// Articles published on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// Articles published on or before this date (YYYY-MM-DD, or YYYY-MM for a whole month).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,

    /// Articles of this outlet.
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,

    /// Articles mentioning this entity (English or Arabic name, or knowledge-base id).
    #[arg(long, value_name = "NAME")]
    pub entity: Option<String>,

    /// Articles with an event of this PLOVER category (FIGHT, ASSAULT, CONSULT...).
    #[arg(long, value_name = "CATEGORY")]
    pub category: Option<String>,

    /// Articles with a casualty claim of this kind (killed, wounded, missing, captured,
    /// displaced, casualties).
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,

    /// At most this many hits.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub limit: usize,

    /// One JSON object per hit (snippet offsets in code points of the article text).
    #[arg(long)]
    pub json: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ExportFormat {
    /// The stored records, one per line (as `marsad extract` writes them).
    Jsonl,
    /// Events as ACLED-style CSV rows.
    AcledCsv,
    /// Events as PLOVER JSON, one object per line.
    PloverJson,
    /// Located events as a GeoJSON FeatureCollection.
    Geojson,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The output format.
    #[arg(long, value_enum)]
    pub format: ExportFormat,

    #[command(flatten)]
    pub db: DbArgs,

    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ClaimsArgs {
    #[command(flatten)]
    pub db: DbArgs,

    /// Claims about this side (or by this claimant): English or Arabic name, or knowledge-base id.
    #[arg(long, value_name = "NAME")]
    pub entity: Option<String>,

    /// Claims dated on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// Claims dated on or before this date.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,

    /// Only this casualty kind (killed, wounded, ...).
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
}

#[derive(Debug, Args)]
pub struct ThroughputArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Read the inputs this many times (peak memory must not grow with the corpus).
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub repeat: usize,

    /// Skip the baseline passes.
    #[arg(long)]
    pub no_baseline: bool,

    /// Also write the figures to FILE as JSON (CPU seconds per stage, articles, bytes, wall
    /// time, peak memory), for scripts that compare runs
    #[arg(long, value_name = "FILE")]
    pub report: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArgs,

    /// The address to listen on (port 0: any free port).
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,

    /// Serve the bundled sample corpus (examples/corpus), ingested into a temporary database
    /// (--db is not used).
    #[arg(long)]
    pub demo: bool,

    /// The bearer token POST /api/ingest requires (default: the MARSAD_TOKEN environment
    /// variable).
    #[arg(long, value_name = "TOKEN")]
    pub token: Option<String>,

    /// The largest request body POST /api/ingest accepts, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 16)]
    pub max_body_mib: usize,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum InputFormat {
    Text,
    Html,
    Jsonl,
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse::<jiff::civil::Date>().map_err(|e| format!("expected a date as YYYY-MM-DD ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_cli_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn dates_are_checked() {
        assert!(parse_date("2022-09-13").is_ok());
        assert!(parse_date("13/09/2022").is_err());
        assert!(parse_date("2022-02-30").is_err());
    }
}
