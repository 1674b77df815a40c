//! Golden tests on the five seed articles: the cleaned structure of each, its entities, its
//! events and casualty claims, and the dates and times of each resolved against its publication
//! date (`examples/corpus/seeds.jsonl`), rendered so that a diff reads like the text (`[start..end] kind "text"`, offsets in code points as in
//! records).
//!
//! Update after an intended change with `INSTA_UPDATE=always cargo test -p marsad-extract
//! --test golden` and review the diff.

use std::path::PathBuf;

use marsad_doc::{Document, Format, Metadata, Source};
use marsad_extract::wire::Record;
use marsad_extract::{Extractor, Options};

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus")
}

/// Quotes text for a snapshot: harakat shown as they are (Debug formatting would escape them),
/// line breaks and invisible marks escaped so that they stay visible.
fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{A0}' => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Renders the cleaned structure of one seed.
fn render(file: &str) -> String {
    let text = std::fs::read_to_string(seeds_dir().join(file)).expect("seed article");
    let doc = Document {
        id: file.trim_end_matches(".txt").into(),
        source: Source { path: Some(file.into()), format: Format::Text, line: None },
        text,
        meta: Metadata::default(),
    };
    let extraction = Extractor::new(Options::default()).extract(&doc);
    let record = Record::new(&doc, &extraction);
    let chars: Vec<char> = doc.text.chars().collect();
    let slice = |s: usize, e: usize| quote(&chars[s..e].iter().collect::<String>());
    let mut out = String::new();
    out.push_str(&format!("language: {}\n", record.language));
    out.push_str(&format!(
        "published: {} ({})\n",
        record.published.as_deref().unwrap_or("unknown"),
        record.published_from.unwrap_or("-")
    ));
    if let Some(ev) = &record.published_evidence {
        out.push_str(&format!(
            "  evidence [{}..{}] {} ({})\n",
            ev.start,
            ev.end,
            slice(ev.start, ev.end),
            ev.rule
        ));
    }
    out.push_str(&format!("outlet: {}\n", record.outlet.unwrap_or("unknown")));
    match &record.title {
        Some(t) => match (t.start, t.end) {
            (Some(s), Some(e)) => out.push_str(&format!("title [{s}..{e}] {}\n", slice(s, e))),
            _ => out.push_str(&format!("title (not in the text) {}\n", quote(t.text))),
        },
        None => out.push_str("title: none\n"),
    }
    // content and debris interleaved in text order
    let mut items: Vec<(usize, String)> = Vec::new();
    for p in &record.paragraphs {
        items.push((p.start, format!("[{}..{}] {} {}", p.start, p.end, p.kind, slice(p.start, p.end))));
    }
    for d in &record.debris {
        items.push((
            d.start,
            format!("[{}..{}] DEBRIS {} ({}) {}", d.start, d.end, d.reason, d.rule, slice(d.start, d.end)),
        ));
    }
    items.sort();
    for (_, line) in items {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&format!("sentences: {}\n", record.sentences.len()));
    out
}

/// One seed read and extracted, written on `published`.
fn extract_seed(file: &str, published: &str) -> (Document, marsad_extract::Extraction) {
    let text = std::fs::read_to_string(seeds_dir().join(file)).expect("seed article");
    let doc = Document {
        id: file.trim_end_matches(".txt").into(),
        source: Source { path: Some(file.into()), format: Format::Text, line: None },
        text,
        meta: Metadata { published: Some(published.parse().expect("a date")), ..Metadata::default() },
    };
    let extraction = Extractor::new(Options::default()).extract(&doc);
    (doc, extraction)
}

/// Renders the time expressions of one seed, written on `published`.
fn render_times(file: &str, published: &str) -> String {
    let (doc, extraction) = extract_seed(file, published);
    let record = Record::new(&doc, &extraction);
    let chars: Vec<char> = doc.text.chars().collect();
    let mut out = format!("published: {published}\n");
    for t in &record.times {
        let quoted = quote(&chars[t.start..t.end].iter().collect::<String>());
        out.push_str(&format!(
            "[{}..{}] {} {} ({}, {}) {}",
            t.start, t.end, t.kind, t.value, t.anchor, t.rule, quoted
        ));
        if let Some(c) = &t.conflict {
            out.push_str(&format!(" CONFLICT {c}"));
        }
        out.push('\n');
    }
    out
}

/// Renders the entities of one seed: one line per entity (type, English name, knowledge-base
/// id, subtype), then its mentions with the rule that found each.
fn render_entities(file: &str, published: &str) -> String {
    let (doc, extraction) = extract_seed(file, published);
    let record = Record::new(&doc, &extraction);
    let chars: Vec<char> = doc.text.chars().collect();
    let mut out = String::new();
    for e in &record.entities {
        out.push_str(&format!(
            "{} {} | {} | {} | {}\n",
            e.kind,
            e.name,
            e.name_ar,
            e.kb.unwrap_or("-"),
            e.subtype.unwrap_or("-")
        ));
        for m in &e.mentions {
            let quoted = quote(&chars[m.start..m.end].iter().collect::<String>());
            out.push_str(&format!("    [{}..{}] {} {}\n", m.start, m.end, m.rule, quoted));
        }
    }
    out
}

macro_rules! golden_entities {
    ($name:ident, $file:literal, $published:literal) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(render_entities($file, $published));
        }
    };
}

golden_entities!(entities_000, "000_b587ee3253eb2d41.txt", "2022-09-16");
golden_entities!(entities_001, "001_d67965d036683f9b.txt", "2022-09-13");
golden_entities!(entities_002, "002_99d1a8828afe04f7.txt", "2022-11-25");
golden_entities!(entities_003, "003_6b2d5fff41c62f6f.txt", "2020-10-24");
golden_entities!(entities_004, "004_b5f0c4ca6264197a.txt", "2022-09-13");

macro_rules! golden_times {
    ($name:ident, $file:literal, $published:literal) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(render_times($file, $published));
        }
    };
}

golden_times!(times_000, "000_b587ee3253eb2d41.txt", "2022-09-16");
golden_times!(times_001, "001_d67965d036683f9b.txt", "2022-09-13");
golden_times!(times_002, "002_99d1a8828afe04f7.txt", "2022-11-25");
golden_times!(times_003, "003_6b2d5fff41c62f6f.txt", "2020-10-24");
golden_times!(times_004, "004_b5f0c4ca6264197a.txt", "2022-09-13");

macro_rules! golden {
    ($name:ident, $file:literal) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(render($file));
        }
    };
}

golden!(seed_000_asharq_business, "000_b587ee3253eb2d41.txt");
golden!(seed_001_al_arab, "001_d67965d036683f9b.txt");
golden!(seed_002_no_title, "002_99d1a8828afe04f7.txt");
golden!(seed_003_asharq_al_awsat, "003_6b2d5fff41c62f6f.txt");
golden!(seed_004_asharq_news, "004_b5f0c4ca6264197a.txt");

/// Renders the events and casualty claims of one seed, written on `published`: one readable
/// line each (`v3 FIGHT/shelling 2022-09-13 | actors: Azerbaijan | ... | «evidence»`,
/// `135 killed military Armenia | claimant: ... | rule: noun | «evidence»`), each followed by
/// the reason for it.
fn render_events(file: &str, published: &str) -> String {
    let (doc, extraction) = extract_seed(file, published);
    format!("published: {published}\n{}", marsad_extract::explain::render(&doc.text, &extraction, true))
}

macro_rules! golden_events {
    ($name:ident, $file:literal, $published:literal) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(render_events($file, $published));
        }
    };
}

golden_events!(events_000, "000_b587ee3253eb2d41.txt", "2022-09-16");
golden_events!(events_001, "001_d67965d036683f9b.txt", "2022-09-13");
golden_events!(events_002, "002_99d1a8828afe04f7.txt", "2022-11-25");
golden_events!(events_003, "003_6b2d5fff41c62f6f.txt", "2020-10-24");
golden_events!(events_004, "004_b5f0c4ca6264197a.txt", "2022-09-13");
