//! Benchmarks of the per-article stages on the five seed articles: cleaning alone, the time
//! layer alone (on the cleaned content, against each seed's publication date), the entity
//! layer alone (the knowledge base's name matching; the rules with it; the rules with the
//! statistical tagger, as in extraction), and the whole extraction with tokens. Like tantivy's analyzer bench, the expected counts are checked once
//! before timing, so that a fast wrong answer cannot pass.
//!
//! Five articles have a few thousand distinct words: the per-form caches of the entity layer
//! (keys, tagger scores) stay in the processor's second-level cache, which a day of news does
//! not. These figures are 2 to 3 times what the same code sustains on a varied corpus; the
//! pipeline's throughput is what `marsad throughput` measures on `../shared/corpus/bench/`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use marsad_doc::{Document, Format, Metadata, Source};
use marsad_extract::clean::Cleaner;
use marsad_extract::{Extractor, Options, entities, times};
use marsad_kb::Kb;
use marsad_text::{AnalysedToken, Segmenter, Span, analyse};

const SEEDS: [&str; 5] = [
    include_str!("../../../examples/corpus/000_b587ee3253eb2d41.txt"),
    include_str!("../../../examples/corpus/001_d67965d036683f9b.txt"),
    include_str!("../../../examples/corpus/002_99d1a8828afe04f7.txt"),
    include_str!("../../../examples/corpus/003_6b2d5fff41c62f6f.txt"),
    include_str!("../../../examples/corpus/004_b5f0c4ca6264197a.txt"),
];

/// The publication dates of `examples/corpus/seeds.jsonl`, in the order of `SEEDS`.
const PUBLISHED: [(i16, i8, i8); 5] =
    [(2022, 9, 16), (2022, 9, 13), (2022, 11, 25), (2020, 10, 24), (2022, 9, 13)];

/// Time expressions the layer finds in the seeds' content (53 of the 53 gold ones, and one the
/// gold leaves out).
const SEED_TIMES: usize = 54;

fn docs() -> Vec<Document> {
    SEEDS
        .iter()
        .enumerate()
        .map(|(i, text)| Document {
            id: format!("seed{i}"),
            source: Source { path: None, format: Format::Text, line: None },
            text: text.to_string(),
            meta: Metadata::default(),
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = docs();
    let bytes: usize = SEEDS.iter().map(|s| s.len()).sum();
    let cleaner = Cleaner::builtin();
    let extractor = Extractor::new(Options { tokens: true });

    // the expected structure: a fast wrong answer must not pass
    let (paragraphs, debris): (usize, usize) = SEEDS
        .iter()
        .map(|t| cleaner.clean(t, None))
        .fold((0, 0), |(p, d), c| (p + c.paragraphs.len(), d + c.debris.len()));
    assert_eq!((paragraphs, debris), (114, 11), "seed structure changed: update the bench");
    let tokens: usize = docs.iter().map(|d| extractor.extract(d).tokens.len()).sum();
    assert!(tokens > 3000, "{tokens} tokens");

    // the time layer alone: normalised views and analysed tokens of the content made once
    let views: Vec<_> = SEEDS.iter().map(|t| cleaner.normalizer().normalize(t)).collect();
    let blocks: Vec<Vec<Vec<AnalysedToken>>> = views
        .iter()
        .map(|norm| {
            let cleaned = cleaner.clean_normalized(norm, None);
            let mut spans: Vec<Span> = cleaned.title.iter().filter_map(|t| t.span).collect();
            spans.extend(cleaned.paragraphs.iter().map(|p| p.span));
            spans.sort();
            spans.iter().map(|&s| analyse(norm, s, Segmenter::builtin()).collect()).collect()
        })
        .collect();
    let published: Vec<_> =
        PUBLISHED.iter().map(|&(y, m, d)| jiff::civil::Date::new(y, m, d).expect("a date")).collect();
    let find_times = || {
        views
            .iter()
            .zip(&blocks)
            .zip(&published)
            .map(|((norm, blocks), &p)| {
                let paragraphs: Vec<&[AnalysedToken]> = blocks.iter().map(Vec::as_slice).collect();
                times::find(norm, &paragraphs, Some(p)).len()
            })
            .sum::<usize>()
    };
    assert_eq!(find_times(), SEED_TIMES, "time expressions in the seeds changed: update the bench");

    // the entity layer alone, on the same blocks
    let kb = Kb::builtin();
    let tagger = marsad_ner::Model::builtin();
    let kb_matches = || {
        views
            .iter()
            .zip(&blocks)
            .map(|(norm, blocks)| blocks.iter().map(|b| kb.find(b, norm.text()).len()).sum::<usize>())
            .sum::<usize>()
    };
    let find_entities = |tagger: Option<&marsad_ner::Model>| {
        views
            .iter()
            .zip(&blocks)
            .map(|(norm, blocks)| {
                let paragraphs: Vec<&[AnalysedToken]> = blocks.iter().map(Vec::as_slice).collect();
                entities::find_with(
                    norm,
                    &paragraphs,
                    kb,
                    tagger.map(|model| entities::Tagger { model, not_names: &[] }),
                    None,
                )
                .iter()
                .map(|e| e.mentions.len())
                .sum::<usize>()
            })
            .sum::<usize>()
    };
    // 342 of the seeds' 350 gold mentions are found, with 5 more (score.py)
    let (rules, all) = (find_entities(None), find_entities(Some(tagger)));
    assert!((320..=380).contains(&rules) && all >= rules, "entity mentions in the seeds: {rules}, {all}");
    assert!(kb_matches() > 250, "knowledge-base matches in the seeds: {}", kb_matches());

    let mut group = c.benchmark_group("seeds");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("clean", |b| {
        b.iter(|| SEEDS.iter().map(|t| cleaner.clean(t, None).paragraphs.len()).sum::<usize>())
    });
    group.bench_function("times", |b| b.iter(find_times));
    group.bench_function("kb_match", |b| b.iter(kb_matches));
    group.bench_function("entities_rules", |b| b.iter(|| find_entities(None)));
    group.bench_function("entities_with_tagger", |b| b.iter(|| find_entities(Some(tagger))));
    group.bench_function("extract_with_tokens", |b| {
        b.iter(|| docs.iter().map(|d| extractor.extract(d).tokens.len()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
