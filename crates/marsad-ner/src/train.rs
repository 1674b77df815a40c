//! Training: an averaged structured perceptron (Collins 2002) over BIO label sequences, decoded
//! with the same constrained Viterbi as tagging.
//!
//! Deterministic: features are counted and numbered in hash order, the sentence order of each
//! epoch comes from a fixed-seed SplitMix64 shuffle, and all arithmetic is in f64 in a fixed
//! order. Features seen fewer than [`TrainOptions::min_count`] times are dropped before
//! training. The averaged weights are quantised to i16 with one scale for the whole model.

use rustc_hash::FxHashMap;

use crate::corpus::Prepared;
use crate::features::{Features, Gazetteer, extract};
use crate::model::{Model, Transitions, Weights, viterbi};
use crate::{LABELS, Tag};

/// How to train.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// The seed of the sentence shuffles.
    pub seed: u64,
    /// The fewest occurrences a feature needs to be kept.
    pub min_count: u32,
    /// Whether the examples carry knowledge-base features (recorded in the model).
    pub gazetteer: bool,
    /// The share of features left out of each sentence at each pass (dropout), so that the
    /// model does not lean on one feature, a name's own word above all.
    pub dropout: f64,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions { epochs: 30, seed: 0x6d61_7273_6164, min_count: 2, gazetteer: false, dropout: 0.3 }
    }
}

/// A training sentence: its features and gold label indices.
#[derive(Clone, Debug, Default)]
pub struct Example {
    /// The features of its tokens.
    pub features: Features,
    /// One label index ([`Tag::index`]) per token.
    pub gold: Vec<usize>,
}

impl Example {
    /// The example of a prepared sentence whose words are tagged `word_tags`.
    pub fn new(prepared: &Prepared, word_tags: &[Tag], gazetteer: Option<Gazetteer<'_>>) -> Example {
        let features = extract(&prepared.tokens, &prepared.normalized, gazetteer);
        let gold = prepared.project(word_tags).into_iter().map(Tag::index).collect();
        Example { features, gold }
    }
}

/// A SplitMix64 generator: small, fast, and the same everywhere.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// Shuffles `items` (Fisher-Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// A sentence with its features as dense ids.
struct Dense {
    ids: Vec<u32>,
    ends: Vec<u32>,
    gold: Vec<usize>,
}

impl Dense {
    fn token(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.ids[start..self.ends[i] as usize]
    }
}

/// The perceptron's weights and their running sums for averaging.
struct Perceptron {
    w: Vec<f64>,
    /// Σ c·Δw: the averaged weight is w − u / c.
    u: Vec<f64>,
    tw: Transitions<f64>,
    tu: Transitions<f64>,
    c: f64,
}

impl Perceptron {
    fn emissions(&self, s: &Dense) -> Vec<[f64; LABELS]> {
        (0..s.gold.len())
            .map(|i| {
                let mut e = [0.0; LABELS];
                for &f in s.token(i) {
                    let row = &self.w[f as usize * LABELS..][..LABELS];
                    for l in 0..LABELS {
                        e[l] += row[l];
                    }
                }
                e
            })
            .collect()
    }

    fn bump(&mut self, f: u32, l: usize, delta: f64) {
        let k = f as usize * LABELS + l;
        self.w[k] += delta;
        self.u[k] += self.c * delta;
    }

    fn bump_transition(&mut self, from: usize, to: usize, delta: f64) {
        self.tw[from][to] += delta;
        self.tu[from][to] += self.c * delta;
    }

    fn learn(&mut self, s: &Dense) {
        let pred = viterbi(&self.emissions(s), &self.tw);
        if pred != s.gold {
            for i in 0..s.gold.len() {
                let (g, p) = (s.gold[i], pred[i]);
                if g != p {
                    for &f in s.token(i) {
                        self.bump(f, g, 1.0);
                        self.bump(f, p, -1.0);
                    }
                }
                let gf = if i == 0 { 0 } else { 1 + s.gold[i - 1] };
                let pf = if i == 0 { 0 } else { 1 + pred[i - 1] };
                if (gf, g) != (pf, p) {
                    self.bump_transition(gf, g, 1.0);
                    self.bump_transition(pf, p, -1.0);
                }
            }
        }
        self.c += 1.0;
    }

    /// The averaged weights, quantised, as a model.
    fn model(&self, hashes: &[u64], gazetteer: bool) -> Model {
        let avg = |w: f64, u: f64| w - u / self.c;
        let mut max = 0.0f64;
        for (w, u) in self.w.iter().zip(&self.u) {
            max = max.max(avg(*w, *u).abs());
        }
        for (rw, ru) in self.tw.iter().zip(&self.tu) {
            for (w, u) in rw.iter().zip(ru) {
                max = max.max(avg(*w, *u).abs());
            }
        }
        let scale = if max > 0.0 { max / 32_000.0 } else { 1.0 };
        let q = |x: f64| (x / scale).round().clamp(-32_767.0, 32_767.0);
        let mut features: Vec<(u64, Weights)> = Vec::with_capacity(hashes.len());
        for (f, &h) in hashes.iter().enumerate() {
            let mut w = [0i16; LABELS];
            for (l, slot) in w.iter_mut().enumerate() {
                let k = f * LABELS + l;
                *slot = q(avg(self.w[k], self.u[k])) as i16;
            }
            if w.iter().any(|&x| x != 0) {
                features.push((h, w));
            }
        }
        let mut transitions = [[0i32; LABELS]; LABELS + 1];
        for (r, row) in transitions.iter_mut().enumerate() {
            for (l, slot) in row.iter_mut().enumerate() {
                *slot = q(avg(self.tw[r][l], self.tu[r][l])) as i32;
            }
        }
        Model::from_parts(features, transitions, gazetteer, scale as f32)
    }
}

/// What [`train`] calls after each epoch: the epoch (from 1) and the averaged model so far.
pub type EpochHook<'a> = &'a mut dyn FnMut(usize, &Model);

/// Trains a model on `examples`. After each epoch, `after_epoch` gets the epoch (from 1) and
/// the averaged model so far, when given.
pub fn train(examples: &[Example], options: &TrainOptions, mut after_epoch: Option<EpochHook<'_>>) -> Model {
    // count, prune, number in hash order
    let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
    for e in examples {
        for &h in e.features.all() {
            *counts.entry(h).or_insert(0) += 1;
        }
    }
    let mut hashes: Vec<u64> =
        counts.into_iter().filter(|&(_, c)| c >= options.min_count).map(|(h, _)| h).collect();
    hashes.sort_unstable();
    let ids: FxHashMap<u64, u32> = hashes.iter().enumerate().map(|(i, &h)| (h, i as u32)).collect();
    let dense: Vec<Dense> = examples
        .iter()
        .map(|e| {
            let mut d =
                Dense { ids: Vec::new(), ends: Vec::with_capacity(e.gold.len()), gold: e.gold.clone() };
            for i in 0..e.gold.len() {
                d.ids.extend(e.features.token(i).iter().filter_map(|h| ids.get(h)));
                d.ends.push(d.ids.len() as u32);
            }
            d
        })
        .collect();
    let n = hashes.len() * LABELS;
    let mut p = Perceptron {
        w: vec![0.0; n],
        u: vec![0.0; n],
        tw: [[0.0; LABELS]; LABELS + 1],
        tu: [[0.0; LABELS]; LABELS + 1],
        c: 1.0,
    };
    let mut rng = Rng::new(options.seed);
    let mut order: Vec<usize> = (0..dense.len()).collect();
    for epoch in 1..=options.epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            if options.dropout > 0.0 {
                let threshold = (options.dropout * u64::MAX as f64) as u64;
                let d = &dense[k];
                let mut kept = Dense {
                    ids: Vec::with_capacity(d.ids.len()),
                    ends: Vec::with_capacity(d.ends.len()),
                    gold: d.gold.clone(),
                };
                for i in 0..d.gold.len() {
                    kept.ids.extend(d.token(i).iter().filter(|_| rng.next_u64() >= threshold));
                    kept.ends.push(kept.ids.len() as u32);
                }
                p.learn(&kept);
            } else {
                p.learn(&dense[k]);
            }
        }
        if let Some(f) = after_epoch.as_mut() {
            f(epoch, &p.model(&hashes, options.gazetteer));
        }
    }
    p.model(&hashes, options.gazetteer)
}
