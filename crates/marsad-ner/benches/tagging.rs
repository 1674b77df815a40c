//! Tagging speed on the five seed articles (`examples/corpus/*.txt`), paragraph by paragraph
//! as marsad-extract tags them, with the built-in knowledge base; throughput in bytes of
//! article text.
//!
//! - `tag`: the tagger alone (knowledge-base search, features, Viterbi) over paragraphs
//!   analysed beforehand;
//! - `analyse+tag`: from the text (normalisation, tokens, clitics, then tagging).
//!
//! ```text
//! cargo bench -p marsad-ner --bench tagging
//! ```

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use marsad_kb::Kb;
use marsad_ner::{Model, Tag};
use marsad_text::{AnalysedToken, Normalizer, Segmenter, analyse};

/// The texts of the seed articles, in file order.
fn articles() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no articles in {}", dir.display());
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect()
}

/// The paragraphs (non-empty lines) of the articles.
fn paragraphs(articles: &[String]) -> Vec<&str> {
    articles.iter().flat_map(|a| a.lines()).filter(|l| !l.trim().is_empty()).collect()
}

/// A paragraph analysed: its normalised text and tokens.
struct Analysed {
    normalized: String,
    tokens: Vec<AnalysedToken>,
}

fn analysed(paragraph: &str) -> Analysed {
    let norm = Normalizer::analysis().normalize(paragraph);
    let tokens = analyse(&norm, norm.full_span(), Segmenter::builtin()).collect();
    Analysed { normalized: norm.text().to_string(), tokens }
}

/// Tags a paragraph from its text; the number of tags other than O.
fn analyse_and_tag(paragraph: &str, model: &Model, kb: &Kb) -> usize {
    let norm = Normalizer::analysis().normalize(paragraph);
    let tokens: Vec<AnalysedToken> = analyse(&norm, norm.full_span(), Segmenter::builtin()).collect();
    model.tag(&tokens, norm.text(), kb).iter().filter(|&&t| t != Tag::O).count()
}

fn bench(c: &mut Criterion) {
    let articles = articles();
    let bytes: usize = articles.iter().map(String::len).sum();
    let paragraphs = paragraphs(&articles);
    let prepared: Vec<Analysed> = paragraphs.iter().map(|p| analysed(p)).collect();
    let model = Model::builtin();
    let kb = Kb::builtin();
    // load the model and the knowledge base outside the measurements
    let tagged: usize = paragraphs.iter().map(|p| analyse_and_tag(p, model, kb)).sum();
    assert!(tagged > 0, "the model tags nothing: is data/ner/model.bin loading?");

    let mut group = c.benchmark_group("seed-articles");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("tag", |b| {
        b.iter(|| {
            let mut n = 0;
            for a in &prepared {
                n += model.tag(black_box(&a.tokens), &a.normalized, kb).len();
            }
            n
        })
    });
    group.bench_function("analyse+tag", |b| {
        b.iter(|| paragraphs.iter().map(|p| analyse_and_tag(black_box(p), model, kb)).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
