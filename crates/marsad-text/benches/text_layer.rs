//! Throughput of the text layer on the seed articles.
//!
//! The corpus is the five seeds concatenated 20 times (about 660 KB), so that the numbers do not
//! depend on anything outside the repository. Like tantivy's analyzer bench, the expected counts
//! are asserted once before measuring, so that a fast wrong answer cannot pass.

use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};
use marsad_text::{Normalized, Normalizer, Segmenter, TokenKind, sentences, tokenize};

mod common;

use common::{REPEAT, corpus};

/// Token and sentence counts of one pass over the five seeds.
const SEED_TOKENS: usize = 3408;
const SEED_ARABIC_TOKENS: usize = 2843;
const SEED_SENTENCES: usize = 152;

struct Counts {
    tokens: usize,
    arabic: usize,
    stripped: usize,
    sentences: usize,
}

/// The whole layer as a document goes through it.
fn layer(text: &str, segmenter: &Segmenter) -> Counts {
    let norm = Normalizer::analysis().normalize(text);
    let mut counts = words(&norm, segmenter);
    counts.sentences = sentences(&norm, norm.full_span()).len();
    counts
}

fn words(norm: &Normalized<'_>, segmenter: &Segmenter) -> Counts {
    let mut counts = Counts { tokens: 0, arabic: 0, stripped: 0, sentences: 0 };
    for token in tokenize(norm) {
        counts.tokens += 1;
        if token.kind == TokenKind::Arabic {
            counts.arabic += 1;
            if !segmenter.segment(token.norm_str(norm)).is_whole() {
                counts.stripped += 1;
            }
        }
    }
    counts
}

fn bench(c: &mut Criterion) {
    let (seeds, corpus) = corpus();
    let segmenter = Segmenter::builtin();

    let once = layer(&seeds, segmenter);
    assert_eq!(
        (once.tokens, once.arabic, once.sentences),
        (SEED_TOKENS, SEED_ARABIC_TOKENS, SEED_SENTENCES),
        "the seeds no longer tokenise as expected: update the counts only if the change is meant"
    );
    let all = layer(&corpus, segmenter);
    assert_eq!(all.tokens, REPEAT * SEED_TOKENS);
    assert!(all.stripped > all.arabic / 5, "suspiciously few proclitics: {}", all.stripped);

    let mut group = c.benchmark_group("text_layer");
    group.throughput(Throughput::Bytes(corpus.len() as u64));
    group.sample_size(30);

    group.bench_function("normalize", |b| {
        b.iter(|| Normalizer::analysis().normalize(black_box(&corpus)).text().len())
    });
    let norm = Normalizer::analysis().normalize(&corpus);
    group.bench_function("tokenize", |b| b.iter(|| tokenize(black_box(&norm)).count()));
    group.bench_function("tokenize+clitics", |b| b.iter(|| words(black_box(&norm), segmenter).stripped));
    group.bench_function("sentences", |b| b.iter(|| sentences(black_box(&norm), norm.full_span()).len()));
    group.bench_function("whole_layer", |b| b.iter(|| layer(black_box(&corpus), segmenter).tokens));
    group.bench_function("search_key_normalize", |b| {
        b.iter(|| Normalizer::search_key().normalize_str(black_box(&corpus)).len())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
