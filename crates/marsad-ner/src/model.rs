//! The model: quantised weights of hashed features, BIO transition weights, Viterbi decoding,
//! and the file format.
//!
//! # File format (version 1)
//!
//! ```text
//! "MRSDNER\0"                 8 bytes, magic
//! format version              u32 little-endian (1)
//! gzip of:
//!   features version          u32 (crate::features::FEATURES_VERSION at training time)
//!   flags                     u8 (bit 0: trained with knowledge-base features)
//!   labels                    u8 (9)
//!   scale                     f32 (a weight is its i16 times the scale; informative)
//!   transitions               10 × 9 i32: from the sentence start, then from each label
//!   feature count             u32
//!   per feature, by increasing hash:
//!     hash − previous hash    LEB128 varint
//!     label mask              LEB128 varint (bit l: a weight for label l follows)
//!     weights                 zigzag LEB128 varints, one per set bit
//! ```
//!
//! Everything is sorted and the gzip header carries no time, so one set of weights always gives
//! the same bytes.

use std::io::{Read, Write};

use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use marsad_kb::{Kb, Match};
use marsad_text::AnalysedToken;

use crate::features::{FEATURES_VERSION, Features, Gazetteer, Scratch, extract_with};
use crate::{LABELS, NerError, Tag};

const MAGIC: &[u8; 8] = b"MRSDNER\0";
const FORMAT_VERSION: u32 = 1;
/// Decompressed models larger than this are refused.
const MAX_BODY: u64 = 1 << 30;

/// Weights of one feature, one per label.
pub(crate) type Weights = [i16; LABELS];

/// The transition weights: row 0 from the sentence start, row 1 + p from label p.
pub(crate) type Transitions<T> = [[T; LABELS]; LABELS + 1];

/// Facts about a model.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ModelInfo {
    /// The feature definitions it was trained with.
    pub features_version: u32,
    /// Whether it was trained with knowledge-base features.
    pub gazetteer: bool,
    /// How many features carry weights.
    pub features: usize,
    /// The value of one unit of an i16 weight.
    pub scale: f32,
}

/// Open addressing over feature hashes: the low bits place a feature, the high 32 bits (odd,
/// so never 0, the empty mark) check it. Most features looked up in tagging are not in the
/// model (those of words it never saw); a bit set indexed by other bits of the hash (128 KiB, so it
/// stays in the processor's cache where the slots do not) answers most of those without
/// touching the slots.
#[derive(Clone, Debug)]
struct Table {
    slots: Vec<Slot>,
    mask: usize,
    filter: Vec<u64>,
}

/// Bits of [`Table::filter`].
const FILTER_BITS: usize = 1 << 20;

#[inline]
fn filter_bit(h: u64) -> (usize, u64) {
    let b = (h >> 17) as usize & (FILTER_BITS - 1);
    (b / 64, 1 << (b % 64))
}

#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    check: u32,
    w: Weights,
}

#[inline]
fn check_of(h: u64) -> u32 {
    (h >> 32) as u32 | 1
}

impl Table {
    fn with_capacity(n: usize) -> Table {
        let size = (n + n / 3 + 1).next_power_of_two().max(16);
        Table { slots: vec![Slot::default(); size], mask: size - 1, filter: vec![0; FILTER_BITS / 64] }
    }

    /// Adds a feature; false when a feature with the same slot chain and check is there.
    fn insert(&mut self, h: u64, w: Weights) -> bool {
        let check = check_of(h);
        let mut i = (h as usize) & self.mask;
        loop {
            let Some(slot) = self.slots.get_mut(i) else { return false };
            if slot.check == 0 {
                *slot = Slot { check, w };
                let (word, bit) = filter_bit(h);
                if let Some(f) = self.filter.get_mut(word) {
                    *f |= bit;
                }
                return true;
            }
            if slot.check == check {
                return false;
            }
            i = (i + 1) & self.mask;
        }
    }

    #[inline]
    fn get(&self, h: u64) -> Option<&Weights> {
        let (word, bit) = filter_bit(h);
        if self.filter.get(word).is_none_or(|f| f & bit == 0) {
            return None;
        }
        let check = check_of(h);
        let mut i = (h as usize) & self.mask;
        loop {
            let slot = self.slots.get(i)?;
            if slot.check == check {
                return Some(&slot.w);
            }
            if slot.check == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// A trained tagger.
#[derive(Clone, Debug)]
pub struct Model {
    /// Unique to this model in the process (the per-form score caches are kept per model).
    id: u64,
    table: Table,
    /// The feature hashes, sorted (for writing the model out).
    keys: Vec<u64>,
    transitions: Transitions<i32>,
    info: ModelInfo,
}

/// Whether label `l` may follow label `p` (`None`: the sentence start).
#[cfg(test)]
pub(crate) fn allowed(p: Option<usize>, l: usize) -> bool {
    ALLOWED[p.map_or(0, |p| 1 + p)][l]
}

/// [`allowed`] as a table: row 0 from the sentence start, row 1 + p after label p.
static ALLOWED: std::sync::LazyLock<[[bool; LABELS]; LABELS + 1]> = std::sync::LazyLock::new(|| {
    let mut t = [[false; LABELS]; LABELS + 1];
    for (row, cells) in t.iter_mut().enumerate() {
        let prev = row.checked_sub(1).map(Tag::from_index);
        for (l, cell) in cells.iter_mut().enumerate() {
            *cell = Tag::from_index(l).may_follow(prev);
        }
    }
    t
});

/// What a forbidden step costs in [`best_path_wide`]: more than the scores of a legal path can
/// differ by (a token's emission is a sum of at most a few hundred i16 weights, a transition
/// an i32), for sentences of up to millions of tokens.
const FORBIDDEN: i64 = -(1 << 52);

/// The largest emission or transition (in absolute value) [`best_path`] works on in 32 bits.
const NARROW_LIMIT: i32 = 1 << 24;
/// A forbidden step in 32 bits: below any legal step, as the legal scores of a position stay
/// within 2²⁷ of the best one (emissions and transitions within [`NARROW_LIMIT`]).
const NARROW_FORBIDDEN: i32 = -(1 << 29);
/// Where scores are held from falling (only those of illegal paths reach it).
const NARROW_FLOOR: i32 = -(1 << 30);

/// [`viterbi`] over integer emissions and transitions, without branches on the constraints:
/// in 32 bits, each position's scores shifted so that the best is 0 (the same path, ties
/// included, as the wide version; it is used when a score is out of the narrow range).
///
/// The forward pass keeps each position's scores and only their maxima, which vectorise well;
/// the back pointers are worked out afterwards for the labels of the path alone, from the
/// same scores with the same comparisons (the first best predecessor), so the path is the one
/// back pointers kept for every label would give.
// compiled for AVX2 and SSE4.1 besides the baseline, chosen at run time (the lanes' additions
// and maxima are single instructions there)
#[allow(unsafe_code)]
#[multiversion::multiversion(targets("x86_64+avx2", "x86_64+sse4.1"))]
pub(crate) fn best_path(emissions: &[[i32; LABELS]], transitions: &Transitions<i32>) -> Vec<usize> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    // the extremes as one pass of minima and maxima (it vectorises, a search for the first
    // value out of range does not)
    let extremes = |values: &[i32]| values.iter().fold((0i32, 0i32), |(lo, hi), &x| (lo.min(x), hi.max(x)));
    let (low, high) = extremes(emissions.as_flattened());
    let (t_low, t_high) = extremes(transitions.as_flattened());
    if low.min(t_low) < -NARROW_LIMIT || high.max(t_high) > NARROW_LIMIT {
        return best_path_wide(emissions, transitions);
    }
    // the labels padded to a whole number of 8-lane vectors. `from[p][l]` is the step from
    // label p to label l, `into[l][p]` the same step read the other way; forbidden steps and
    // padding lanes are NARROW_FORBIDDEN. The padding lanes of a position's scores are never
    // read as a previous label, and stay below its best label (they are reached by forbidden
    // steps alone, at most -2²⁹ + 2²⁵, the best label by a legal step from the previous best,
    // at least -2²⁵), so the maximum of all the lanes is the best label's score.
    const LANES: usize = LABELS.div_ceil(8) * 8;
    let allowed_after = &*ALLOWED;
    let mut from = [[NARROW_FORBIDDEN; LANES]; LABELS];
    let mut into = [[NARROW_FORBIDDEN; LANES]; LABELS];
    for p in 0..LABELS {
        for l in 0..LABELS {
            if allowed_after[1 + p][l] {
                from[p][l] = transitions[1 + p][l];
                into[l][p] = transitions[1 + p][l];
            }
        }
    }
    let shift = |scores: &mut [i32; LANES]| {
        let best = scores.iter().fold(i32::MIN, |m, &s| m.max(s));
        for s in scores.iter_mut() {
            *s = (*s - best).max(NARROW_FLOOR);
        }
    };
    // the scores of each position, as the next position reads them
    let mut scores: Vec<[i32; LANES]> = Vec::with_capacity(n);
    let mut score = [NARROW_FORBIDDEN; LANES];
    for l in 0..LABELS {
        let step = if allowed_after[0][l] { transitions[0][l] } else { NARROW_FORBIDDEN };
        score[l] = step + emissions[0][l];
    }
    shift(&mut score);
    scores.push(score);
    // the count of previous labels hidden from the optimiser: with it known, the loop over
    // them is unrolled and vectorised across the previous labels (gathering each column of the
    // steps), which costs several times the plain loop of 8-lane additions and maxima
    let previous = std::hint::black_box(LABELS).min(LABELS);
    for e in &emissions[1..] {
        let mut next = [i32::MIN; LANES];
        for (&s, row) in score[..previous].iter().zip(&from) {
            for l in 0..LANES {
                next[l] = next[l].max(s + row[l]);
            }
        }
        for l in 0..LABELS {
            next[l] += e[l];
        }
        shift(&mut next);
        score = next;
        scores.push(score);
    }
    // the best last label (the first on ties), then each label's first best predecessor
    let mut out = vec![0usize; n];
    let mut label = 0;
    for l in 1..LABELS {
        if score[l] > score[label] {
            label = l;
        }
    }
    for i in (0..n).rev() {
        out[i] = label;
        let Some(prev) = i.checked_sub(1).and_then(|j| scores.get(j)) else { break };
        let steps = &into[label];
        let mut candidates = [0i32; LANES];
        for p in 0..LANES {
            candidates[p] = prev[p] + steps[p];
        }
        let best = candidates.iter().fold(i32::MIN, |m, &c| m.max(c));
        label = candidates[..LABELS].iter().position(|&c| c == best).unwrap_or(0);
    }
    out
}

/// [`best_path`] in 64 bits, for any emissions and transitions.
fn best_path_wide(emissions: &[[i32; LABELS]], transitions: &Transitions<i32>) -> Vec<usize> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let allowed_after = &*ALLOWED;
    let mut t = [[0i64; LABELS]; LABELS + 1];
    for (row, cells) in t.iter_mut().enumerate() {
        for (l, cell) in cells.iter_mut().enumerate() {
            *cell = if allowed_after[row][l] { i64::from(transitions[row][l]) } else { FORBIDDEN };
        }
    }
    let mut back = vec![[0u8; LABELS]; n];
    let mut score = [0i64; LABELS];
    for l in 0..LABELS {
        score[l] = t[0][l] + i64::from(emissions[0][l]);
    }
    for i in 1..n {
        let mut next = [0i64; LABELS];
        for l in 0..LABELS {
            let mut best = score[0] + t[1][l];
            let mut arg = 0u8;
            for p in 1..LABELS {
                let s = score[p] + t[1 + p][l];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            next[l] = best + i64::from(emissions[i][l]);
            back[i][l] = arg;
        }
        score = next;
    }
    backtrack(&score, &back)
}

/// The best path from the final scores and the back pointers (the first best label on ties).
fn backtrack<T: PartialOrd>(score: &[T; LABELS], back: &[[u8; LABELS]]) -> Vec<usize> {
    let mut last = 0;
    for l in 1..LABELS {
        if score[l] > score[last] {
            last = l;
        }
    }
    let mut out = vec![0usize; back.len()];
    if let Some(end) = out.last_mut() {
        *end = last;
    }
    for i in (1..back.len()).rev() {
        out[i - 1] = usize::from(back[i][out[i]]);
    }
    out
}

/// A score Viterbi adds and compares: f64 in training, integers in tagging.
pub(crate) trait Score: Copy + PartialOrd + std::ops::Add<Output = Self> {
    /// Below every reachable score: no path.
    const NONE: Self;
}

impl Score for f64 {
    const NONE: f64 = f64::NEG_INFINITY;
}

/// The best label sequence under `emissions` and `transitions`, BIO constraints enforced (an
/// I-X only after B-X or I-X). Ties go to the lower label.
pub(crate) fn viterbi<T: Score>(emissions: &[[T; LABELS]], transitions: &Transitions<T>) -> Vec<usize> {
    const { assert!(LABELS <= u8::MAX as usize) };
    let none = T::NONE;
    let allowed_after = &*ALLOWED;
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let mut back = vec![[0u8; LABELS]; n];
    let mut score = [none; LABELS];
    for l in 0..LABELS {
        if allowed_after[0][l] {
            score[l] = transitions[0][l] + emissions[0][l];
        }
    }
    for i in 1..n {
        let mut next = [none; LABELS];
        for l in 0..LABELS {
            let mut best = none;
            let mut arg = 0u8;
            for p in 0..LABELS {
                if score[p] == none || !allowed_after[1 + p][l] {
                    continue;
                }
                let s = score[p] + transitions[1 + p][l];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            if best != none {
                next[l] = best + emissions[i][l];
                back[i][l] = arg;
            }
        }
        score = next;
    }
    backtrack(&score, &back)
}

/// The shipped model (`data/ner/model.bin`, trained by `train-ner` on NewsFANE).
const BUILTIN: &[u8] = include_bytes!("../../../data/ner/model.bin");

static BUILTIN_MODEL: std::sync::LazyLock<Model> = std::sync::LazyLock::new(|| {
    // the shipped bytes are checked by a test; a model that does not load tags nothing
    Model::from_bytes(BUILTIN)
        .unwrap_or_else(|_| Model::from_parts(Vec::new(), [[0; LABELS]; LABELS + 1], false, 1.0))
});

impl Model {
    /// The model shipped with marsad (`data/ner/model.bin`), loaded once.
    pub fn builtin() -> &'static Model {
        &BUILTIN_MODEL
    }

    /// A model from its parts: features (any order) and their weights, transitions.
    pub(crate) fn from_parts(
        mut features: Vec<(u64, Weights)>,
        transitions: Transitions<i32>,
        gazetteer: bool,
        scale: f32,
    ) -> Model {
        features.sort_unstable_by_key(|&(h, _)| h);
        features.dedup_by_key(|&mut (h, _)| h);
        features.retain(|(_, w)| w.iter().any(|&x| x != 0));
        let mut table = Table::with_capacity(features.len());
        let mut keys = Vec::with_capacity(features.len());
        for (h, w) in features {
            if table.insert(h, w) {
                keys.push(h);
            }
        }
        let info = ModelInfo { features_version: FEATURES_VERSION, gazetteer, features: keys.len(), scale };
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Model { id, table, keys, transitions, info }
    }

    /// Facts about the model.
    pub fn info(&self) -> ModelInfo {
        self.info
    }

    /// An id unique to this model within the process.
    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    /// The weights of a feature hash.
    pub(crate) fn weights(&self, h: u64) -> Option<&Weights> {
        self.table.get(h)
    }

    /// The tags of a sentence's tokens (`normalized` is the text their normalised spans
    /// index). The knowledge base is searched with [`Kb::find`] when the model was trained
    /// with knowledge-base features, and ignored otherwise. One tag per token; an `I-X` always
    /// follows a `B-X` or an `I-X`.
    pub fn tag(&self, sentence: &[AnalysedToken], normalized: &str, kb: &Kb) -> Vec<Tag> {
        if self.info.gazetteer {
            let matches = kb.find(sentence, normalized);
            self.tag_with_matches(sentence, normalized, kb, &matches)
        } else {
            self.tag_with_matches(sentence, normalized, kb, &[])
        }
    }

    /// [`Model::tag`] with the knowledge base's names already found (`matches`, from
    /// [`Kb::find`] over the same tokens), for callers that need them anyway.
    pub fn tag_with_matches(
        &self,
        sentence: &[AnalysedToken],
        normalized: &str,
        kb: &Kb,
        matches: &[Match],
    ) -> Vec<Tag> {
        let labels = self.decode_sentence(sentence, normalized, kb, matches).unwrap_or_else(|| {
            // re-entered on this thread (not done here): without the caches
            let gazetteer = self.info.gazetteer.then_some(Gazetteer { kb, matches });
            let mut f = Features::default();
            extract_with(sentence, normalized, gazetteer, &mut f, &mut Scratch::default());
            self.decode(&f)
        });
        labels.into_iter().map(Tag::from_index).collect()
    }

    /// The label indices of the best sequence for these features.
    pub(crate) fn decode(&self, features: &Features) -> Vec<usize> {
        self.best_path(&self.emissions(features))
    }

    /// The emission scores of each token: the sums of its features' weights.
    pub(crate) fn emissions(&self, features: &Features) -> Vec<[i32; LABELS]> {
        (0..features.len())
            .map(|i| {
                let mut s = [0i32; LABELS];
                for &h in features.token(i) {
                    self.add_weights(&mut s, h);
                }
                s
            })
            .collect()
    }

    /// The best legal label sequence under these emission scores: [`viterbi`] in integers,
    /// the BIO constraints folded into the transitions as a penalty no legal path can make up
    /// (the same path, ties included; a test holds them together).
    pub(crate) fn best_path(&self, emissions: &[[i32; LABELS]]) -> Vec<usize> {
        best_path(emissions, &self.transitions)
    }

    /// The model as bytes (see the module documentation); the same model always gives the
    /// same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut body = Vec::with_capacity(self.keys.len() * 12 + 512);
        body.extend_from_slice(&self.info.features_version.to_le_bytes());
        body.push(u8::from(self.info.gazetteer));
        body.push(LABELS as u8);
        body.extend_from_slice(&self.info.scale.to_le_bytes());
        for row in &self.transitions {
            for w in row {
                body.extend_from_slice(&w.to_le_bytes());
            }
        }
        body.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        let mut prev = 0u64;
        for &h in &self.keys {
            let w = self.table.get(h).copied().unwrap_or_default();
            put_varint(&mut body, h - prev);
            prev = h;
            let mask = w.iter().enumerate().filter(|(_, x)| **x != 0).fold(0u64, |m, (l, _)| m | 1 << l);
            put_varint(&mut body, mask);
            for &x in w.iter().filter(|x| **x != 0) {
                let x = i64::from(x);
                put_varint(&mut body, ((x << 1) ^ (x >> 63)) as u64);
            }
        }
        let mut out = Vec::with_capacity(body.len() / 2);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        let mut gz = GzEncoder::new(out, Compression::best());
        // writing to a Vec cannot fail
        let _ = gz.write_all(&body);
        gz.finish().unwrap_or_default()
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, NerError> {
        let fail = |m: &str| NerError::Format(m.to_string());
        let rest = bytes.strip_prefix(MAGIC).ok_or_else(|| fail("no MRSDNER magic"))?;
        let (version, rest) = rest.split_at_checked(4).ok_or_else(|| fail("truncated header"))?;
        let version = u32::from_le_bytes(version.try_into().map_err(|_| fail("truncated header"))?);
        if version != FORMAT_VERSION {
            return Err(fail(&format!("format version {version}, this reader reads {FORMAT_VERSION}")));
        }
        let mut body = Vec::new();
        GzDecoder::new(rest)
            .take(MAX_BODY)
            .read_to_end(&mut body)
            .map_err(|e| NerError::Format(format!("the weights do not decompress: {e}")))?;
        let mut r = Reader { bytes: &body, pos: 0 };
        let features_version = r.u32()?;
        if features_version != FEATURES_VERSION {
            return Err(fail(&format!(
                "trained with features version {features_version}, this code computes version {FEATURES_VERSION}: retrain"
            )));
        }
        let flags = r.u8()?;
        if usize::from(r.u8()?) != LABELS {
            return Err(fail("wrong label count"));
        }
        let scale = f32::from_bits(r.u32()?);
        let mut transitions = [[0i32; LABELS]; LABELS + 1];
        for row in &mut transitions {
            for w in row.iter_mut() {
                *w = r.u32()? as i32;
            }
        }
        let n = r.u32()? as usize;
        if n > body.len() {
            return Err(fail("feature count larger than the data"));
        }
        let mut features = Vec::with_capacity(n);
        let mut h = 0u64;
        for _ in 0..n {
            h = h.checked_add(r.varint()?).ok_or_else(|| fail("feature hashes out of order"))?;
            let mask = r.varint()?;
            if mask >> LABELS != 0 {
                return Err(fail("label mask out of range"));
            }
            let mut w = [0i16; LABELS];
            for (l, slot) in w.iter_mut().enumerate() {
                if mask & (1 << l) != 0 {
                    let z = r.varint()?;
                    let x = ((z >> 1) as i64) ^ -((z & 1) as i64);
                    *slot = i16::try_from(x).map_err(|_| fail("weight out of range"))?;
                }
            }
            features.push((h, w));
        }
        if r.pos != body.len() {
            return Err(fail("trailing bytes"));
        }
        Ok(Model::from_parts(features, transitions, flags & 1 != 0, scale))
    }
}

fn put_varint(out: &mut Vec<u8>, mut x: u64) {
    while x >= 0x80 {
        out.push((x as u8) | 0x80);
        x >>= 7;
    }
    out.push(x as u8);
}

struct Reader<'b> {
    bytes: &'b [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], NerError> {
        let s = self
            .bytes
            .get(self.pos..self.pos.saturating_add(n))
            .ok_or_else(|| NerError::Format("truncated weights".into()))?;
        self.pos += n;
        Ok(s)
    }

    fn u8(&mut self) -> Result<u8, NerError> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, NerError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn varint(&mut self) -> Result<u64, NerError> {
        let mut x = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            x |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(x);
            }
        }
        Err(NerError::Format("varint too long".into()))
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use flate2::Compression;
    use flate2::write::GzEncoder;
    use proptest::prelude::*;

    use super::*;

    /// A file: magic, `version`, then `body` gzipped.
    fn file(version: u32, body: &[u8]) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&version.to_le_bytes());
        let mut gz = GzEncoder::new(out, Compression::fast());
        gz.write_all(body).unwrap();
        gz.finish().unwrap()
    }

    /// A body with the given header fields, no transitions set, and `features` as raw bytes.
    fn body(features_version: u32, labels: u8, count: u32, features: &[u8]) -> Vec<u8> {
        let mut b = features_version.to_le_bytes().to_vec();
        b.push(1);
        b.push(labels);
        b.extend_from_slice(&1.0f32.to_le_bytes());
        b.extend(std::iter::repeat_n(0u8, 4 * LABELS * (LABELS + 1)));
        b.extend_from_slice(&count.to_le_bytes());
        b.extend_from_slice(features);
        b
    }

    fn small_model() -> Model {
        let mut w = [0i16; LABELS];
        w[1] = 300;
        w[4] = -7;
        let mut transitions = [[0i32; LABELS]; LABELS + 1];
        transitions[0][1] = 5;
        transitions[3][0] = -1_000_000;
        Model::from_parts(
            vec![(u64::MAX, [1; LABELS]), (42, w), (7, [0; LABELS]), (1 << 40, [-32_767; LABELS])],
            transitions,
            false,
            0.5,
        )
    }

    #[test]
    fn the_shipped_model_loads() {
        let m = Model::from_bytes(BUILTIN).expect("data/ner/model.bin must load");
        let info = m.info();
        assert_eq!(info.features_version, FEATURES_VERSION);
        assert!(info.gazetteer, "the shipped model is trained with knowledge-base features");
        assert!(info.features > 10_000, "only {} features", info.features);
        assert!(info.scale > 0.0 && info.scale.is_finite());
        // the lazily loaded model is this one, not the empty fallback
        assert_eq!(Model::builtin().info(), info);
        assert_eq!(Model::builtin().keys, m.keys);
    }

    #[test]
    fn the_shipped_model_round_trips_to_its_own_bytes() {
        let m = Model::from_bytes(BUILTIN).unwrap();
        let bytes = m.to_bytes();
        assert_eq!(bytes, BUILTIN, "to_bytes does not give back data/ner/model.bin");
        let again = Model::from_bytes(&bytes).unwrap();
        assert_eq!(again.to_bytes(), bytes);
        assert_eq!(again.transitions, m.transitions);
        for &h in m.keys.iter().step_by(97) {
            assert_eq!(again.weights(h), m.weights(h));
        }
    }

    #[test]
    fn from_parts_sorts_and_drops_zero_weights() {
        let m = small_model();
        assert_eq!(m.keys, [42, 1 << 40, u64::MAX]);
        assert_eq!(m.info().features, 3);
        assert_eq!(m.weights(7), None);
        assert_eq!(m.weights(42).map(|w| (w[1], w[4], w[0])), Some((300, -7, 0)));
        assert_eq!(m.weights(1 << 40), Some(&[-32_767; LABELS]));
        assert_eq!(m.weights(43), None);
    }

    #[test]
    fn a_small_model_round_trips() {
        let m = small_model();
        let bytes = m.to_bytes();
        assert!(bytes.starts_with(MAGIC));
        let back = Model::from_bytes(&bytes).unwrap();
        assert_eq!(back.keys, m.keys);
        assert_eq!(back.transitions, m.transitions);
        assert_eq!(back.info(), m.info());
        for &h in &m.keys {
            assert_eq!(back.weights(h), m.weights(h));
        }
        assert_eq!(back.to_bytes(), bytes);
    }

    #[test]
    fn bad_headers_are_errors() {
        let good = small_model().to_bytes();
        for bytes in [&b""[..], b"MRSDNER", b"MRSDNER\0", b"MRSDNER\0\x01\0", b"GZIPPED?\x01\0\0\0"] {
            assert!(matches!(Model::from_bytes(bytes), Err(NerError::Format(_))), "{bytes:?}");
        }
        let mut wrong_magic = good.clone();
        wrong_magic[0] = b'X';
        assert!(Model::from_bytes(&wrong_magic).is_err());
        let mut wrong_version = good.clone();
        wrong_version[8] = 2;
        let err = Model::from_bytes(&wrong_version).unwrap_err().to_string();
        assert!(err.contains("format version 2"), "{err}");
        // not gzip after the header
        let mut not_gzip = good[..12].to_vec();
        not_gzip.extend_from_slice(b"this is not gzip at all");
        assert!(Model::from_bytes(&not_gzip).is_err());
    }

    #[test]
    fn every_truncation_is_an_error() {
        let good = small_model().to_bytes();
        for n in 0..good.len() {
            assert!(Model::from_bytes(&good[..n]).is_err(), "{n} of {} bytes loaded", good.len());
        }
        // and a few of the shipped model
        for n in [0, 11, 12, 100, BUILTIN.len() / 2, BUILTIN.len() - 9, BUILTIN.len() - 1] {
            assert!(Model::from_bytes(&BUILTIN[..n]).is_err(), "{n} bytes of the shipped model loaded");
        }
    }

    #[test]
    fn bad_bodies_are_errors() {
        let ok = file(FORMAT_VERSION, &body(FEATURES_VERSION, LABELS as u8, 0, &[]));
        let m = Model::from_bytes(&ok).unwrap();
        assert_eq!(m.info().features, 0);
        assert!(m.info().gazetteer);
        let cases: [(&str, Vec<u8>); 8] = [
            ("trained with features version", body(FEATURES_VERSION + 1, LABELS as u8, 0, &[])),
            ("label count", body(FEATURES_VERSION, 3, 0, &[])),
            ("feature count larger", body(FEATURES_VERSION, LABELS as u8, u32::MAX, &[])),
            ("truncated weights", body(FEATURES_VERSION, LABELS as u8, 1, &[5])),
            ("label mask", body(FEATURES_VERSION, LABELS as u8, 1, &[5, 0x80, 0x04, 2])),
            ("weight out of range", body(FEATURES_VERSION, LABELS as u8, 1, &[5, 1, 0x80, 0x80, 0x04])),
            ("trailing bytes", body(FEATURES_VERSION, LABELS as u8, 1, &[5, 1, 2, 0])),
            ("varint too long", body(FEATURES_VERSION, LABELS as u8, 1, &[0xff; 11])),
        ];
        for (what, b) in cases {
            match Model::from_bytes(&file(FORMAT_VERSION, &b)) {
                Err(NerError::Format(m)) => assert!(m.contains(what), "{what}: {m}"),
                other => panic!("{what}: {other:?}"),
            }
        }
        // a body cut anywhere
        let full = body(FEATURES_VERSION, LABELS as u8, 1, &[5, 1, 2]);
        assert!(Model::from_bytes(&file(FORMAT_VERSION, &full)).is_ok());
        for n in 0..full.len() {
            assert!(Model::from_bytes(&file(FORMAT_VERSION, &full[..n])).is_err(), "body cut at {n}");
        }
        // hashes that overflow u64 are out of order
        let mut overflow = Vec::new();
        for _ in 0..2 {
            put_varint(&mut overflow, u64::MAX);
            overflow.extend_from_slice(&[1, 2]);
        }
        let b = body(FEATURES_VERSION, LABELS as u8, 2, &overflow);
        let err = Model::from_bytes(&file(FORMAT_VERSION, &b)).unwrap_err().to_string();
        assert!(err.contains("out of order"), "{err}");
    }

    #[test]
    fn viterbi_respects_bio_even_against_the_weights() {
        // every emission wants I-PERSON (label 2), which may not start a sentence or follow O
        let mut e = [0.0; LABELS];
        e[2] = 10.0;
        let t = [[0.0; LABELS]; LABELS + 1];
        let out = viterbi(&[e, e, e], &t);
        assert_eq!(out.len(), 3);
        assert!(allowed(None, out[0]));
        for w in out.windows(2) {
            assert!(allowed(Some(w[0]), w[1]), "{out:?}");
        }
        // the best legal path: B-PERSON then I-PERSON
        assert_eq!(out, [1, 2, 2]);
        assert!(viterbi(&[], &t).is_empty());
    }

    /// The score of a label sequence.
    fn score(labels: &[usize], e: &[[f64; LABELS]], t: &Transitions<f64>) -> f64 {
        let mut s = 0.0;
        for (i, &l) in labels.iter().enumerate() {
            let from = if i == 0 { 0 } else { 1 + labels[i - 1] };
            s += t[from][l] + e[i][l];
        }
        s
    }

    /// The best legal score by trying every sequence.
    fn brute_force(e: &[[f64; LABELS]], t: &Transitions<f64>) -> f64 {
        let n = e.len();
        let mut best = f64::NEG_INFINITY;
        let mut labels = vec![0usize; n];
        let total = LABELS.pow(n as u32);
        for mut k in 0..total {
            for slot in labels.iter_mut() {
                *slot = k % LABELS;
                k /= LABELS;
            }
            let legal =
                labels.iter().enumerate().all(|(i, &l)| allowed(i.checked_sub(1).map(|p| labels[p]), l));
            if legal {
                best = best.max(score(&labels, e, t));
            }
        }
        best
    }

    fn small_weights() -> impl Strategy<Value = f64> {
        (-20i32..=20).prop_map(f64::from)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn viterbi_finds_the_best_legal_sequence(
            e in prop::collection::vec(prop::array::uniform9(small_weights()), 1..=4),
            t in prop::array::uniform10(prop::array::uniform9(small_weights())),
        ) {
            let out = viterbi(&e, &t);
            prop_assert_eq!(out.len(), e.len());
            prop_assert!(allowed(None, out[0]));
            for w in out.windows(2) {
                prop_assert!(allowed(Some(w[0]), w[1]));
            }
            prop_assert_eq!(score(&out, &e, &t), brute_force(&e, &t));
        }

        #[test]
        fn integer_path_is_viterbis_path(
            e in prop::collection::vec(prop::array::uniform9(-40_000i32..=40_000), 0..40),
            t in prop::array::uniform10(prop::array::uniform9(-40_000i32..=40_000)),
            ties in any::<bool>(),
        ) {
            // with ties: few distinct values, so equal scores are common
            let squash = |x: i32| if ties { x.signum() } else { x };
            let e: Vec<[i32; LABELS]> = e.iter().map(|r| r.map(squash)).collect();
            let t = t.map(|r| r.map(squash));
            let ef: Vec<[f64; LABELS]> = e.iter().map(|r| r.map(f64::from)).collect();
            let tf = t.map(|r| r.map(f64::from));
            prop_assert_eq!(best_path(&e, &t), viterbi(&ef, &tf));
        }

        #[test]
        fn narrow_and_wide_paths_agree_at_the_edges_of_the_range(
            e in prop::collection::vec(prop::array::uniform9(-(1i32 << 25)..=(1 << 25)), 0..30),
            t in prop::array::uniform10(prop::array::uniform9(-(1i32 << 25)..=(1 << 25))),
            coarse in any::<bool>(),
        ) {
            // values past the narrow range send best_path to the wide version; values within it
            // (the coarse case rounds most of them into it, with ties) must give the same path
            let round = |x: i32| if coarse { (x >> 23) << 22 } else { x };
            let e: Vec<[i32; LABELS]> = e.iter().map(|r| r.map(round)).collect();
            let t = t.map(|r| r.map(round));
            prop_assert_eq!(best_path(&e, &t), best_path_wide(&e, &t));
        }

        #[test]
        fn from_bytes_never_panics_on_garbage(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
            let _ = Model::from_bytes(&bytes);
            let mut framed = MAGIC.to_vec();
            framed.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
            framed.extend_from_slice(&bytes);
            prop_assert!(Model::from_bytes(&framed).is_err());
        }

        #[test]
        fn from_bytes_never_panics_on_gzipped_garbage(
            tail in prop::collection::vec(any::<u8>(), 0..64),
            count in 0u32..6,
        ) {
            // a valid header, then random feature records
            let b = body(FEATURES_VERSION, LABELS as u8, count, &tail);
            if let Ok(m) = Model::from_bytes(&file(FORMAT_VERSION, &b)) {
                // whatever loads writes out and loads again the same
                let again = Model::from_bytes(&m.to_bytes()).unwrap();
                prop_assert_eq!(again.to_bytes(), m.to_bytes());
            }
        }

        #[test]
        fn models_round_trip(
            features in prop::collection::vec((any::<u64>(), prop::array::uniform9(any::<i16>())), 0..40),
            gazetteer in any::<bool>(),
        ) {
            let features: Vec<(u64, Weights)> =
                features.into_iter().map(|(h, w)| (h, w.map(|x| x.max(-32_767)))).collect();
            let m = Model::from_parts(features.clone(), [[3; LABELS]; LABELS + 1], gazetteer, 0.25);
            let bytes = m.to_bytes();
            let back = Model::from_bytes(&bytes).unwrap();
            prop_assert_eq!(back.info(), m.info());
            prop_assert_eq!(&back.keys, &m.keys);
            for &h in &m.keys {
                prop_assert_eq!(back.weights(h), m.weights(h));
            }
            prop_assert_eq!(back.to_bytes(), bytes);
        }
    }
}
