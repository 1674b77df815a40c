//! Throughput of the number layer on the seed articles.
//!
//! The corpus is the five seeds concatenated 20 times (about 660 KB), as in the text layer
//! bench. The expected counts are asserted once before measuring, so that a fast wrong answer
//! cannot pass.

use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};
use marsad_text::numbers::{NumberParser, Quantity, Unit};
use marsad_text::{Normalized, Normalizer};

mod common;

use common::{REPEAT, corpus};

/// Number expressions in one pass over the five seeds, per seed: 16, 9, 9, 11, 9.
const SEED_NUMBERS: usize = 54;
/// Of which years (2020, 2022...) and days of the month (13 سبتمبر).
const SEED_YEARS: usize = 15;
const SEED_DATES: usize = 11;
/// And counts that carry a counted noun (135 جنديًّا, خمسة آلاف شخص, عدة مواقع, 49 من جنودها).
const SEED_WITH_NOUN: usize = 19;

struct Counts {
    numbers: usize,
    years: usize,
    dates: usize,
    with_noun: usize,
    total: u64,
}

fn count(norm: &Normalized<'_>, parser: &NumberParser) -> Counts {
    let found = parser.find(norm, norm.full_span());
    let unit = |u: Unit| found.iter().filter(|n| n.unit == Some(u)).count();
    Counts {
        numbers: found.len(),
        years: unit(Unit::Year),
        dates: unit(Unit::Date),
        with_noun: found.iter().filter(|n| n.noun_span.is_some()).count(),
        total: found
            .iter()
            .filter_map(|n| match n.value {
                Quantity::Exact(v) => Some(v),
                _ => None,
            })
            .fold(0u64, u64::saturating_add),
    }
}

fn bench(c: &mut Criterion) {
    let (seeds, corpus) = corpus();
    let parser = NumberParser::builtin();

    let once = count(&Normalizer::analysis().normalize(&seeds), parser);
    assert_eq!(
        (once.numbers, once.years, once.dates, once.with_noun),
        (SEED_NUMBERS, SEED_YEARS, SEED_DATES, SEED_WITH_NOUN),
        "the seeds no longer give the expected numbers: update the counts only if the change is meant"
    );
    let norm = Normalizer::analysis().normalize(&corpus);
    let all = count(&norm, parser);
    assert_eq!(all.numbers, REPEAT * SEED_NUMBERS);
    assert_eq!(all.total, once.total * REPEAT as u64);

    let mut group = c.benchmark_group("numbers");
    group.throughput(Throughput::Bytes(corpus.len() as u64));
    group.sample_size(30);
    group.bench_function("find", |b| b.iter(|| parser.find(black_box(&norm), norm.full_span()).len()));
    group.bench_function("normalize+find", |b| {
        b.iter(|| {
            let norm = Normalizer::analysis().normalize(black_box(&corpus));
            parser.find(&norm, norm.full_span()).len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
