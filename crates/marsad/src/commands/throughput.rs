//! `marsad throughput`: extraction speed and memory on a corpus, against baselines measured in
//! the same run.

use std::io::Write;

use anyhow::Context;
use std::time::{Duration, Instant};

use marsad_extract::wire::Record;
use marsad_extract::{Extractor, Options, StageTimes};
use marsad_ingest::{Item, human_bytes};

use crate::cli::ThroughputArgs;
use crate::commands::{configure_threads, join_reader, open_inputs};
use crate::memory::peak_rss_bytes;
use crate::pipeline;

/// Per-stage CPU time summed over the worker threads, and the work it covered.
#[derive(Debug, Default)]
struct Totals {
    articles: u64,
    text_bytes: u64,
    skipped: u64,
    scan: Duration,
    stages: StageTimes,
    serialise: Duration,
    /// Counts of what each stage produced, printed so that no stage can be optimised away and
    /// a fast wrong answer shows.
    chars: u64,
    json_bytes: u64,
    paragraphs: u64,
    debris: u64,
    sentences: u64,
    tokens: u64,
    times: u64,
    /// Entity mentions.
    mentions: u64,
    events: u64,
    claims: u64,
}

pub fn run(args: &ThroughputArgs) -> anyhow::Result<()> {
    configure_threads(args.input.jobs)?;
    let threads = rayon::current_num_threads();
    let mut out = std::io::stdout().lock();
    writeln!(out, "marsad throughput: {threads} worker threads, {} pass(es)", args.repeat)?;

    if !args.no_baseline {
        // reading alone: open files, decompress, parse JSON, decode text (one thread)
        let t = Instant::now();
        let (mut n, mut bytes) = (0u64, 0u64);
        for item in open_inputs(&args.input)? {
            bytes += pipeline::item_bytes(&item) as u64;
            n += u64::from(matches!(item, Item::Document(_)));
        }
        let secs = t.elapsed().as_secs_f64();
        writeln!(
            out,
            "  baseline read: {n} articles, {} of text in {secs:.2} s: {:.1} MB/s on one thread; peak memory {}",
            human_bytes(bytes),
            bytes as f64 / 1e6 / secs.max(1e-9),
            peak_rss_bytes().map_or("unknown".into(), human_bytes),
        )?;
    }

    let extractor = Extractor::new(Options::default());
    let mut totals = Totals::default();
    let mut wall = Duration::ZERO;
    for pass in 1..=args.repeat.max(1) {
        let t = Instant::now();
        let mut p = Totals::default();
        let (batches, reader) = pipeline::read_batches(open_inputs(&args.input)?);
        pipeline::run(
            batches,
            |item| measure(&extractor, item),
            |results| -> anyhow::Result<()> {
                results.into_iter().for_each(|r| merge(&mut p, r));
                Ok(())
            },
        )?;
        join_reader(reader)?;
        let elapsed = t.elapsed();
        wall += elapsed;
        let secs = elapsed.as_secs_f64().max(1e-9);
        writeln!(
            out,
            "  pass {pass}: {} articles ({} skipped), {} of text in {secs:.2} s wall: {:.0} articles/s, {:.1} MB/s; peak memory {}",
            p.articles,
            p.skipped,
            human_bytes(p.text_bytes),
            p.articles as f64 / secs,
            p.text_bytes as f64 / 1e6 / secs,
            peak_rss_bytes().map_or("unknown".into(), human_bytes),
        )?;
        merge(&mut totals, p);
    }

    let mb = totals.text_bytes as f64 / 1e6;
    let rate = |d: Duration| mb / d.as_secs_f64().max(1e-9);
    let s = &totals.stages;
    let clean_text = s.clean + s.text;
    let all =
        s.clean + s.text + s.metadata + s.times + s.entities + s.casualties + s.events + totals.serialise;
    writeln!(out, "per core (CPU time in the workers; MB of text per second of one core):")?;
    writeln!(out, "  scan (count characters: the floor)      {:>9.1} MB/s", rate(totals.scan))?;
    writeln!(out, "  cleaning                                {:>9.1} MB/s", rate(s.clean))?;
    writeln!(out, "  text layer (normalise, sentences,")?;
    writeln!(out, "    tokens and clitics)                   {:>9.1} MB/s", rate(s.text))?;
    writeln!(out, "  cleaning + text layer                   {:>9.1} MB/s", rate(clean_text))?;
    writeln!(out, "  language + publication date             {:>9.1} MB/s", rate(s.metadata))?;
    writeln!(out, "  dates and times                         {:>9.1} MB/s", rate(s.times))?;
    writeln!(out, "  entities                                {:>9.1} MB/s", rate(s.entities))?;
    writeln!(out, "  casualty claims                         {:>9.1} MB/s", rate(s.casualties))?;
    writeln!(out, "  events (and linking claims to them)     {:>9.1} MB/s", rate(s.events))?;
    writeln!(out, "  JSON record                             {:>9.1} MB/s", rate(totals.serialise))?;
    writeln!(out, "  whole extraction                        {:>9.1} MB/s", rate(all))?;
    writeln!(
        out,
        "  cleaning + text layer costs {:.1}x a character scan of the same text",
        clean_text.as_secs_f64() / totals.scan.as_secs_f64().max(1e-9)
    )?;
    writeln!(
        out,
        "overall: {} articles in {:.2} s wall ({:.0} articles/s, {:.1} MB/s with {threads} threads)",
        totals.articles,
        wall.as_secs_f64(),
        totals.articles as f64 / wall.as_secs_f64().max(1e-9),
        mb / wall.as_secs_f64().max(1e-9),
    )?;
    writeln!(
        out,
        "checks: {} chars, {} paragraphs, {} debris, {} sentences, {} tokens, {} times, {} entity mentions, {} events, {} casualty claims, {} of JSON",
        totals.chars,
        totals.paragraphs,
        totals.debris,
        totals.sentences,
        totals.tokens,
        totals.times,
        totals.mentions,
        totals.events,
        totals.claims,
        human_bytes(totals.json_bytes)
    )?;
    if let Some(path) = &args.report {
        let report = serde_json::json!({
            "threads": threads,
            "passes": args.repeat.max(1),
            "articles": totals.articles,
            "skipped": totals.skipped,
            "text_bytes": totals.text_bytes,
            "wall_seconds": wall.as_secs_f64(),
            "peak_memory_bytes": peak_rss_bytes(),
            "cpu_seconds": {
                "scan": totals.scan.as_secs_f64(),
                "cleaning": s.clean.as_secs_f64(),
                "text_layer": s.text.as_secs_f64(),
                "language_and_published": s.metadata.as_secs_f64(),
                "times": s.times.as_secs_f64(),
                "entities": s.entities.as_secs_f64(),
                "casualties": s.casualties.as_secs_f64(),
                "events": s.events.as_secs_f64(),
                "json": totals.serialise.as_secs_f64(),
                "whole_extraction": all.as_secs_f64(),
            },
            "checks": {
                "chars": totals.chars,
                "paragraphs": totals.paragraphs,
                "debris": totals.debris,
                "sentences": totals.sentences,
                "tokens": totals.tokens,
                "times": totals.times,
                "entity_mentions": totals.mentions,
                "events": totals.events,
                "casualty_claims": totals.claims,
                "json_bytes": totals.json_bytes,
            },
        });
        let json = serde_json::to_string_pretty(&report)?;
        std::fs::write(path, json).with_context(|| format!("cannot write the report {}", path.display()))?;
    }
    Ok(())
}

/// Extracts one item, timing each stage.
fn measure(extractor: &Extractor, item: Item) -> Totals {
    let mut t = Totals::default();
    let Item::Document(doc) = item else {
        t.skipped = 1;
        return t;
    };
    let start = Instant::now();
    t.chars = doc.text.chars().count() as u64;
    t.scan = start.elapsed();
    // the same extraction and record as `marsad extract` without --tokens
    let (extraction, stages) = extractor.extract_timed(&doc);
    let start = Instant::now();
    let json = Record::new(&doc, &extraction).to_json().map_or(0, |v| v.len() as u64);
    t.serialise = start.elapsed();
    t.articles = 1;
    t.text_bytes = doc.text.len() as u64;
    t.stages = stages;
    t.paragraphs = extraction.cleaned.paragraphs.len() as u64;
    t.debris = extraction.cleaned.debris.len() as u64;
    t.sentences = extraction.sentences.len() as u64;
    t.tokens = extraction.tokens.len() as u64;
    t.mentions = extraction.entities.iter().map(|e| e.mentions.len() as u64).sum();
    t.times = extraction.times.len() as u64;
    t.events = extraction.events.len() as u64;
    t.claims = extraction.casualties.len() as u64;
    t.json_bytes = json;
    t
}

fn merge(acc: &mut Totals, r: Totals) {
    acc.articles += r.articles;
    acc.text_bytes += r.text_bytes;
    acc.skipped += r.skipped;
    acc.scan += r.scan;
    acc.stages += r.stages;
    acc.serialise += r.serialise;
    acc.chars += r.chars;
    acc.json_bytes += r.json_bytes;
    acc.paragraphs += r.paragraphs;
    acc.debris += r.debris;
    acc.sentences += r.sentences;
    acc.tokens += r.tokens;
    acc.times += r.times;
    acc.mentions += r.mentions;
    acc.events += r.events;
    acc.claims += r.claims;
}
