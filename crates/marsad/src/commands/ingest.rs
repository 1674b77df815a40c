//! `marsad ingest`: extract articles into the corpus database, incrementally.
//!
//! The inputs are read and extracted as by `marsad extract` (a reader thread, batches extracted
//! in parallel); before a batch is extracted its articles' content hashes are looked up, so an
//! unchanged article costs a hash, not an extraction (an article another version of marsad
//! stored is changed; `--reextract` makes every article changed). The extracted batch goes to one writer
//! thread, which writes it in one transaction while the next batch is extracted: a kill loses
//! at most the batches in flight, and never leaves half an article.

use std::io::{self, IsTerminal};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow};
use crossbeam_channel::bounded;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use marsad_extract::wire::{self, Record};
use marsad_extract::{Extraction, Extractor, Options};
use marsad_ingest::{Document, Format, Item};
use marsad_store::record as stored;
use marsad_store::{Article, BatchStats, ContentHash, Elsewhere, Identity, IndexTerms, RunStatus};
use marsad_text::{AnalysedToken, Span};
use rayon::prelude::*;

use crate::cli::IngestArgs;
use crate::commands::{configure_threads, db_name, join_reader, open_inputs, open_store, panic_message};
use crate::memory::peak_rss_bytes;
use crate::pipeline;
use crate::summary::SkippedEntry;

/// Batches extracted ahead of the one being written: enough to cover a commit (the search
/// index, mention and bucket rows of a `--batch` transaction are written at its end, a burst
/// of the writer's time), so that the workers go on extracting meanwhile rather than wait
/// (with 2 batches they waited 2.1–2.6 s of a bench run for it, with 8 none; the memory they
/// hold is a few MiB a batch).
const WRITE_AHEAD: usize = 8;

/// Articles extracted together, at most (a transaction may take several batches: `--batch`).
const EXTRACT_BATCH: usize = 512;

/// What a run did.
#[derive(Debug, Default)]
pub struct IngestSummary {
    pub stats: BatchStats,
    pub skipped: Vec<SkippedEntry>,
    pub text_bytes: u64,
    pub elapsed: Duration,
    pub db: String,
    /// Time the writer thread spent writing.
    pub writing: Duration,
    /// CPU time of the workers spent extracting, and preparing rows (record JSON, terms).
    pub extracting: Duration,
    pub preparing: Duration,
    /// Time the extraction waited for the writer to take a batch (its queue full).
    pub waiting: Duration,
}

impl IngestSummary {
    /// Whether every input was read.
    pub fn complete(&self) -> bool {
        self.skipped.is_empty()
    }

    /// The summary for standard error.
    pub fn render(&self) -> String {
        let s = &self.stats;
        let read = s.added + s.replaced + s.unchanged;
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        let mut out = format!(
            "ingest: {read} articles into {}: {} added, {} replaced, {} unchanged, {} skipped\n\
             ingest: {:.1} s, {:.0} articles/s, {:.2} MB/s of text, peak memory {}\n",
            self.db,
            s.added,
            s.replaced,
            s.unchanged,
            self.skipped.len(),
            secs,
            read as f64 / secs,
            self.text_bytes as f64 / 1e6 / secs,
            peak_rss_bytes().map_or("unknown".into(), |b| format!("{:.0} MiB", b as f64 / (1 << 20) as f64)),
        );
        out.push_str(&format!(
            "ingest: workers {:.1} s extracting, {:.1} s preparing rows; writer busy {:.1} s, waited for {:.1} s\n",
            self.extracting.as_secs_f64(),
            self.preparing.as_secs_f64(),
            self.writing.as_secs_f64(),
            self.waiting.as_secs_f64()
        ));
        for s in self.skipped.iter().take(20) {
            out.push_str(&format!("ingest: skipped {}: {}\n", s.input, s.reason));
        }
        if self.skipped.len() > 20 {
            out.push_str(&format!("ingest: ... and {} more skipped\n", self.skipped.len() - 20));
        }
        out
    }
}

/// One input after extraction.
enum Outcome {
    Article(Box<Article>, usize),
    Unchanged,
    Skipped(SkippedEntry),
}

/// A batch for the writer.
struct WriteJob {
    articles: Vec<Article>,
    elsewhere: Elsewhere,
}

pub fn run(args: &IngestArgs) -> anyhow::Result<IngestSummary> {
    configure_threads(args.input.jobs)?;
    let started = Instant::now();
    let inputs = open_inputs(&args.input)?;
    let progress = inputs.progress();
    let mut writer = open_store(&args.db, true)?;
    let mut lookup = open_store(&args.db, true)?;
    writer.set_reextract(args.reextract);
    lookup.set_reextract(args.reextract);
    let paths: Vec<String> = args.input.paths.iter().map(|p| p.display().to_string()).collect();
    let run = writer.begin_run(&paths)?;
    // a transaction takes `--batch` articles, extracted in batches of at most EXTRACT_BATCH
    writer.set_commit_every(args.batch);

    let (jobs, received) = bounded::<WriteJob>(WRITE_AHEAD);
    let writer_thread = thread::Builder::new().name("marsad-writer".into()).spawn(move || {
        let mut total = BatchStats::default();
        let mut busy = Duration::ZERO;
        for job in received {
            let t = Instant::now();
            let written = writer.write_batch(run, &job.articles, job.elsewhere);
            busy += t.elapsed();
            match written {
                Ok(stats) => total += stats,
                Err(e) => {
                    let _ = writer.end_run(run, RunStatus::Failed);
                    return Err(e);
                }
            }
        }
        // what was written is committed when the writer is done, whatever happens next
        let t = Instant::now();
        let committed = writer.commit();
        busy += t.elapsed();
        if let Err(e) = committed {
            let _ = writer.end_run(run, RunStatus::Failed);
            return Err(e);
        }
        Ok((writer, total, busy))
    })?;

    let bar = progress_bar(args.quiet, progress.total_bytes());
    // the analysis view's text is kept: the search terms are read from extraction's tokens
    let extractor = Extractor::new(Options { tokens: true });
    let canon = CanonicalPaths::default();
    let timers = Timers::default();
    let mut summary = IngestSummary { db: db_name(&args.db), ..IngestSummary::default() };
    let mut unchanged_total = 0u64;
    let (batches, reader) = pipeline::read_batches_of(inputs, args.batch.clamp(1, EXTRACT_BATCH));
    let mut sent = Ok(());
    for batch in batches {
        let identities: Vec<Option<Identity>> = batch
            .par_iter()
            .map(|item| match item {
                Item::Document(doc) => Some(identity(doc, &canon)),
                Item::Skipped(_) => None,
            })
            .collect();
        let keys: Vec<&str> = identities.iter().flatten().map(|i| i.key.as_str()).collect();
        let mut known = lookup.known_hashes(&keys)?.into_iter();
        let known: Vec<Option<ContentHash>> =
            identities.iter().map(|i| if i.is_some() { known.next().flatten() } else { None }).collect();
        let outcomes: Vec<Outcome> = batch
            .into_par_iter()
            .zip(identities)
            .zip(known)
            .map(|((item, identity), known)| process(&extractor, item, identity, known, &timers))
            .collect();
        let mut job =
            WriteJob { articles: Vec::with_capacity(outcomes.len()), elsewhere: Elsewhere::default() };
        for outcome in outcomes {
            match outcome {
                Outcome::Article(a, bytes) => {
                    summary.text_bytes += bytes as u64;
                    job.articles.push(*a);
                }
                Outcome::Unchanged => job.elsewhere.unchanged += 1,
                Outcome::Skipped(s) => {
                    job.elsewhere.skipped += 1;
                    summary.skipped.push(s);
                }
            }
        }
        unchanged_total += job.elsewhere.unchanged;
        let t = Instant::now();
        let sent_job = jobs.send(job);
        summary.waiting += t.elapsed();
        if sent_job.is_err() {
            // the writer stopped: its error is reported below
            sent = Err(());
            break;
        }
        bar.set_position(progress.bytes_read());
    }
    drop(jobs);
    let written =
        writer_thread.join().map_err(|p| anyhow!("internal error in the writer: {}", panic_message(&*p)))?;
    let (mut writer, mut stats, busy) = written.context("cannot write to the database")?;
    summary.writing = busy;
    summary.extracting = Duration::from_nanos(timers.extracting.load(Ordering::Relaxed));
    summary.preparing = Duration::from_nanos(timers.preparing.load(Ordering::Relaxed));
    if sent.is_err() {
        return Err(anyhow!("the writer stopped early"));
    }
    join_reader(reader)?;
    bar.finish_and_clear();
    writer.end_run(run, RunStatus::Complete)?;
    stats.unchanged += unchanged_total;
    summary.stats = stats;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Extracts one changed article and prepares its rows; an unchanged one is only counted.
fn process(
    extractor: &Extractor,
    item: Item,
    identity: Option<Identity>,
    known: Option<ContentHash>,
    timers: &Timers,
) -> Outcome {
    let (doc, identity) = match (item, identity) {
        (Item::Document(doc), Some(identity)) => (doc, identity),
        (Item::Skipped(s), _) => return Outcome::Skipped(SkippedEntry::from(&s)),
        (Item::Document(doc), None) => {
            return Outcome::Skipped(SkippedEntry {
                input: doc.source.display(),
                reason: "internal error: no identity".into(),
            });
        }
    };
    if known == Some(identity.hash) {
        return Outcome::Unchanged;
    }
    let source = doc.source.display();
    let bytes = doc.text.len();
    let result = catch_unwind(AssertUnwindSafe(|| {
        let t = Instant::now();
        let mut extraction = extractor.extract(&doc);
        timers.add_extracting(t.elapsed());
        // the normalised text goes to the terms, not into the record (it would add the tokens)
        let normalized = extraction.normalized.take();
        let t = Instant::now();
        let terms = normalized.as_deref().and_then(|n| index_terms(&extraction, n));
        let mut record = Record::new(&doc, &extraction);
        // the text is stored once, in its own column
        record.text = "";
        let json = serde_json::to_string(&record)?;
        // the store's record is the extractor's, converted: not the JSON parsed back
        let stored = stored_record(&record);
        timers.add_preparing(t.elapsed());
        Ok::<_, serde_json::Error>((json, stored, terms))
    }));
    let (json, mut stored, terms) = match result {
        Ok(Ok(done)) => done,
        Ok(Err(e)) => {
            return Outcome::Skipped(SkippedEntry { input: source, reason: format!("record: {e}") });
        }
        Err(panic) => {
            return Outcome::Skipped(SkippedEntry {
                input: source,
                reason: format!(
                    "internal error while extracting (a bug in marsad, please report it): {}",
                    panic_message(&*panic)
                ),
            });
        }
    };
    let t = Instant::now();
    stored.text = doc.text;
    let article = Article::from_record(identity, stored, json, terms);
    timers.add_preparing(t.elapsed());
    Outcome::Article(Box::new(article), bytes)
}

/// The record as the store reads it ([`marsad_store::record::Record`]) of the extractor's
/// record: what parsing the record's JSON gives, without its text (the caller puts it back).
fn stored_record(r: &Record<'_>) -> stored::Record {
    let own = |s: &str| s.to_string();
    let span = |s: &wire::SpanRecord| stored::Span { start: s.start, end: s.end };
    stored::Record {
        id: own(r.id),
        source: stored::Source {
            path: r.source.path.map(own),
            format: own(r.source.format),
            line: r.source.line,
        },
        outlet: r.outlet.map(own),
        published: r.published.clone(),
        published_from: r.published_from.map(own),
        text: String::new(),
        title: r.title.as_ref().map(|t| stored::Title { text: own(t.text), start: t.start, end: t.end }),
        paragraphs: r
            .paragraphs
            .iter()
            .map(|p| stored::Paragraph { start: p.start, end: p.end, kind: own(p.kind) })
            .collect(),
        debris: r
            .debris
            .iter()
            .map(|d| stored::Debris {
                start: d.start,
                end: d.end,
                reason: own(d.reason),
                rule: Some(own(d.rule)),
            })
            .collect(),
        entities: r
            .entities
            .iter()
            .map(|e| stored::Entity {
                id: e.id.clone(),
                kind: own(e.kind),
                name: own(e.name),
                name_ar: own(e.name_ar),
                kb: e.kb.map(own),
                subtype: e.subtype.map(own),
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| stored::Mention { start: m.start, end: m.end, rule: Some(own(m.rule)) })
                    .collect(),
            })
            .collect(),
        times: r
            .times
            .iter()
            .map(|t| stored::Time {
                start: t.start,
                end: t.end,
                kind: own(t.kind),
                value: t.value.clone(),
                anchor: own(t.anchor),
                rule: Some(own(t.rule)),
            })
            .collect(),
        events: r
            .events
            .iter()
            .map(|e| stored::Event {
                id: e.id.clone(),
                kind: own(e.kind),
                mode: e.mode.clone(),
                date: e.date.clone(),
                actors: e.actors.clone(),
                targets: e.targets.clone(),
                locations: e.locations.clone(),
                claimant: e.claimant.clone(),
                reported_by: e.reported_by.clone(),
                negated: e.negated,
                evidence: span(&e.evidence),
                modality: Some(own(e.modality)),
                trigger: Some(span(&e.trigger)),
                rule: Some(own(e.rule)),
            })
            .collect(),
        casualties: r
            .casualties
            .iter()
            .map(|c| stored::Casualty {
                count: c.count,
                qualifier: c.qualifier.clone(),
                kind: c.kind.clone(),
                population: c.population.clone(),
                side: c.side.clone(),
                claimant: c.claimant.clone(),
                reported_by: c.reported_by.clone(),
                date: c.date.clone(),
                cumulative: c.cumulative,
                event: c.event.clone(),
                evidence: span(&c.evidence),
                rule: Some(own(c.rule)),
            })
            .collect(),
        language: Some(own(r.language)),
    }
}

/// The search terms of an extracted article, from the tokens extraction analysed (the same
/// normaliser, tokens and segmentation as the store's own [`marsad_store::terms::terms`]): the
/// title's, then each paragraph's in order. None when the tokens do not line up with the
/// title and paragraphs (the store then finds the terms itself).
fn index_terms(ex: &Extraction, normalized: &str) -> Option<IndexTerms> {
    let title = ex.cleaned.title.as_ref().and_then(|t| t.span);
    // extraction's blocks of tokens are its content spans in text order
    let mut content: Vec<Span> =
        title.into_iter().chain(ex.cleaned.paragraphs.iter().map(|p| p.span)).collect();
    content.sort();
    if content.len() != ex.blocks.len() {
        return None;
    }
    let tokens = |span: Span| -> Option<&[AnalysedToken]> {
        let i = content.binary_search(&span).ok()?;
        ex.tokens.get(ex.blocks.get(i)?.clone())
    };
    let mut terms = IndexTerms::default();
    let mut form = String::new();
    let mut each = |span: Span, f: &mut dyn FnMut(&str, usize)| -> Option<()> {
        for t in tokens(span)? {
            form.clear();
            let word = t.norm_str(normalized);
            marsad_store::terms::push_analysed_form(word, t.token.kind, t.segmentation.as_ref(), &mut form);
            if !form.is_empty() {
                f(&form, t.token.span.start());
            }
        }
        Some(())
    };
    if let Some(span) = title {
        each(span, &mut |form, _| terms.push_title(form))?;
    }
    for p in &ex.cleaned.paragraphs {
        each(p.span, &mut |form, start| terms.push_body(form, start))?;
    }
    Some(terms)
}

/// The key and content hash of a document: its canonical path, and its record id when the
/// input holds many articles (JSON Lines); the hash covers the text and every metadata field
/// extraction reads.
fn identity(doc: &Document, canon: &CanonicalPaths) -> Identity {
    let path = match &doc.source.path {
        Some(p) => canon.get(p),
        None => "<stdin>".to_string(),
    };
    // a JSON input (lines, an array) holds many articles: their record ids tell them apart
    let many = doc.source.line.is_some() || doc.source.path.is_none() || doc.source.format == Format::Jsonl;
    let key = if many { format!("{path}#{}", doc.id) } else { path };
    Identity { key, hash: ContentHash::of_document(doc) }
}

/// CPU time of the workers, in nanoseconds.
#[derive(Default)]
struct Timers {
    extracting: AtomicU64,
    preparing: AtomicU64,
}

impl Timers {
    fn add_extracting(&self, d: Duration) {
        self.extracting.fetch_add(d.as_nanos() as u64, Ordering::Relaxed);
    }
    fn add_preparing(&self, d: Duration) {
        self.preparing.fetch_add(d.as_nanos() as u64, Ordering::Relaxed);
    }
}

/// Canonical paths, remembered (a JSON Lines file holds thousands of articles).
#[derive(Default)]
struct CanonicalPaths {
    last: Mutex<Option<(String, String)>>,
}

impl CanonicalPaths {
    fn get(&self, path: &str) -> String {
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((p, c)) = last.as_ref()
            && p == path
        {
            return c.clone();
        }
        let c = std::fs::canonicalize(Path::new(path))
            .map_or_else(|_| path.to_string(), |c| c.display().to_string());
        *last = Some((path.to_string(), c.clone()));
        c
    }
}

fn progress_bar(quiet: bool, total: u64) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() || total == 0 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr()).with_style(
        ProgressStyle::with_template("{spinner} {elapsed_precise} [{bar:30}] {bytes}/{total_bytes} ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_doc::{Format, Metadata, Source};

    /// The articles of the seeds and, when the shared material is there, of the real corpus.
    fn texts() -> Vec<(String, String)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut out = Vec::new();
        for dir in [root.join("examples/corpus"), root.join("../shared/corpus/real")] {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            let mut paths: Vec<std::path::PathBuf> = entries.flatten().map(|e| e.path()).collect();
            paths.sort();
            for path in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path.display().to_string(), text));
            }
        }
        out
    }

    #[test]
    fn terms_and_record_read_from_extraction_are_those_the_store_finds() {
        let extractor = Extractor::new(Options { tokens: true });
        let texts = texts();
        assert!(texts.len() >= 5);
        for (name, text) in texts {
            let doc = Document {
                id: name.clone(),
                source: Source { path: None, format: Format::Text, line: None },
                text,
                meta: Metadata::default(),
            };
            let mut extraction = extractor.extract(&doc);
            let normalized = extraction.normalized.take().unwrap();
            let terms = index_terms(&extraction, &normalized).expect("the tokens line up");
            let mut record = Record::new(&doc, &extraction);
            assert!(record.tokens.is_none(), "the record has no tokens");
            record.text = "";
            let json = serde_json::to_string(&record).unwrap();
            let mut converted = stored_record(&record);
            converted.text = doc.text.clone();
            let identity = || Identity { key: name.clone(), hash: ContentHash([0; 32]) };
            let given = Article::from_record(identity(), converted, json.clone(), Some(terms));
            let found = Article::new(identity(), json, doc.text.clone()).unwrap();
            assert!(!found.index_body.is_empty(), "{name}");
            assert_eq!(given.index_title, found.index_title, "{name}");
            assert_eq!(given.index_body, found.index_body, "{name}");
            assert_eq!(given.sketch, found.sketch, "{name}");
            assert_eq!(given.record_deflated, found.record_deflated, "{name}");
            // the converted record is the parsed one
            assert_eq!(format!("{:?}", given.record), format!("{:?}", found.record), "{name}");
            assert_eq!(given.entity_keys, found.entity_keys, "{name}");
            assert_eq!(given.mention_spans, found.mention_spans, "{name}");
        }
    }
}
