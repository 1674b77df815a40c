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

    /// Measure extraction speed and memory on a corpus (articles/s, MB/s per core, peak memory).
    ///
    /// Runs the extraction pipeline without writing records, timing each stage inside the
    /// worker threads, and compares it with baselines measured in the same run: reading the
    /// input alone, and a trivial scan of the same texts.
    #[command(after_help = "Example:\n  \
        marsad throughput ../shared/corpus/bench/ant-multisource-2018.jsonl.gz --repeat 3")]
    Throughput(ThroughputArgs),

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
