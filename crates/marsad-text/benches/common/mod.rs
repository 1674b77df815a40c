//! The corpus the text-layer benches share: the five seed articles, concatenated, and repeated
//! [`REPEAT`] times (about 660 KB), so that the figures depend on nothing outside the
//! repository.

pub const SEEDS: [&str; 5] = [
    include_str!("../../../../examples/corpus/000_b587ee3253eb2d41.txt"),
    include_str!("../../../../examples/corpus/001_d67965d036683f9b.txt"),
    include_str!("../../../../examples/corpus/002_99d1a8828afe04f7.txt"),
    include_str!("../../../../examples/corpus/003_6b2d5fff41c62f6f.txt"),
    include_str!("../../../../examples/corpus/004_b5f0c4ca6264197a.txt"),
];

pub const REPEAT: usize = 20;

/// The seeds once, and the benchmark corpus: the seeds [`REPEAT`] times.
pub fn corpus() -> (String, String) {
    let seeds = SEEDS.join("\n\n");
    let corpus = [seeds.as_str(); REPEAT].join("\n\n");
    (seeds, corpus)
}
