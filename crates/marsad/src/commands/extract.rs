//! `marsad extract`: one JSON record per article, streamed in input order.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use marsad_extract::wire::Record;
use marsad_extract::{Extractor, Options};
use marsad_ingest::Item;

use crate::cli::ExtractArgs;
use crate::commands::{UsageError, configure_threads, join_reader, open_inputs};
use crate::pipeline;
use crate::summary::{SkippedEntry, Summary};

/// The result of processing one item.
enum Outcome {
    Record {
        line: Vec<u8>,
        language: String,
        published_from: Option<&'static str>,
        text_bytes: usize,
        /// The readable events and claims with their reasons (`--explain`).
        explain: Option<String>,
    },
    Skipped(SkippedEntry),
}

/// How the run ended.
pub enum Ended {
    /// All records written; the summary says what was skipped.
    Done(Summary),
    /// The output was closed by its reader (e.g. `| head`): stop quietly.
    OutputClosed,
}

pub fn run(args: &ExtractArgs) -> anyhow::Result<Ended> {
    configure_threads(args.input.jobs)?;
    let started = Instant::now();
    let inputs = open_inputs(&args.input)?;
    let progress = inputs.progress();
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) if path.as_os_str() != "-" => Box::new(BufWriter::with_capacity(
            1 << 20,
            File::create(path).map_err(|e| UsageError(format!("cannot create {}: {e}", path.display())))?,
        )),
        _ => Box::new(BufWriter::with_capacity(1 << 20, io::stdout().lock())),
    };
    let bar = progress_bar(args.quiet, progress.total_bytes());
    let extractor = Extractor::new(Options { tokens: args.tokens });
    let mut summary = Summary::default();

    let (batches, reader) = pipeline::read_batches(inputs);
    let explain = args.explain;
    let work = |item: Item| process(&extractor, item, explain);
    let result = pipeline::run(batches, work, |outcomes| -> io::Result<()> {
        for outcome in outcomes {
            match outcome {
                Outcome::Record { line, language, published_from, text_bytes, explain } => {
                    out.write_all(&line)?;
                    if let Some(text) = explain {
                        bar.suspend(|| eprint!("{text}"));
                    }
                    summary.articles += 1;
                    summary.text_bytes += text_bytes as u64;
                    *summary.languages.entry(language).or_default() += 1;
                    *summary.published.entry(published_from.unwrap_or("unknown")).or_default() += 1;
                }
                Outcome::Skipped(s) => summary.skipped.push(s),
            }
        }
        bar.set_position(progress.bytes_read());
        bar.set_message(format!("{} articles", summary.articles));
        Ok(())
    });
    let result = result.and_then(|()| out.flush());
    if let Err(e) = result {
        bar.finish_and_clear();
        if e.kind() == io::ErrorKind::BrokenPipe {
            return Ok(Ended::OutputClosed);
        }
        return Err(e).context("cannot write the records");
    }
    let inputs = join_reader(reader)?;
    bar.finish_and_clear();
    summary.manifests = inputs.manifests().to_vec();
    summary.ignored = inputs.ignored().clone();
    summary.elapsed = started.elapsed();
    if let Some(path) = &args.report {
        let json = serde_json::to_vec_pretty(&summary)?;
        std::fs::write(path, json).with_context(|| format!("cannot write the report {}", path.display()))?;
    }
    Ok(Ended::Done(summary))
}

/// Extracts and serialises one item. A panic inside extraction (a bug) becomes a skipped input
/// with a clear message rather than the end of the run.
fn process(extractor: &Extractor, item: Item, explain: bool) -> Outcome {
    let doc = match item {
        Item::Document(doc) => doc,
        Item::Skipped(s) => return Outcome::Skipped(SkippedEntry::from(&s)),
    };
    let result = catch_unwind(AssertUnwindSafe(|| {
        let extraction = extractor.extract(&doc);
        let record = Record::new(&doc, &extraction);
        let mut line = record.to_json().expect("records serialise (no maps with non-string keys)");
        line.push(b'\n');
        let explain = explain.then(|| {
            format!(
                "== {} ({} events, {} casualty claims)\n{}",
                doc.id,
                extraction.events.len(),
                extraction.casualties.len(),
                marsad_extract::explain::render(&doc.text, &extraction, true)
            )
        });
        (
            line,
            extraction.language.code.clone(),
            extraction.published.as_ref().map(|p| p.from.as_str()),
            explain,
        )
    }));
    match result {
        Ok((line, language, published_from, explain)) => {
            Outcome::Record { line, language, published_from, text_bytes: doc.text.len(), explain }
        }
        Err(panic) => {
            let message = super::panic_message(&*panic);
            Outcome::Skipped(SkippedEntry {
                input: doc.source.display(),
                reason: format!(
                    "internal error while extracting (a bug in marsad, please report it): {message}"
                ),
            })
        }
    }
}

/// A progress bar on standard error when it is a terminal (and the user did not ask for quiet).
fn progress_bar(quiet: bool, total: u64) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = if total > 0 {
        ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template(
                "{spinner} {elapsed_precise} [{bar:30}] {bytes}/{total_bytes} {msg} ({eta})",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        )
    } else {
        ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        )
    };
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}
