//! Sketches of an article's text for near-duplicate and text-reuse detection: MinHash over
//! word shingles of the normalised search terms ([`crate::terms`]: marks, alef forms and
//! clitics already folded, so `وقالت وزارة الدفاع` and `قالت وزاره الدفاع` shingle alike),
//! for the whole body and for each paragraph.
//!
//! - The article signature is [`HASHES`] minimum hashes of the body's [`SHINGLE`]-word
//!   shingles; the fraction of equal positions of two signatures estimates the Jaccard
//!   similarity of their shingle sets. For LSH its first half is cut into [`BANDS`] bands of
//!   [`ROWS`] values: two articles land in the same bucket of a band with probability `J^4`,
//!   in at least one of the 8 with `1 - (1 - J^4)^8` (0.40 at J = 0.5, 0.88 at J = 0.7, 0.99 at
//!   J = 0.8, 0.06 at J = 0.3). Near-duplicates below 0.7 are found through their paragraphs.
//! - Each paragraph of at least [`PARAGRAPH_MIN_TERMS`] terms gets [`PARAGRAPH_HASHES`]
//!   16-bit minimum hashes of its [`PARAGRAPH_SHINGLE`]-word shingles (wire copy is lightly
//!   edited from outlet to outlet: `الأرمنية`/`الأرمينية`, a clause dropped), and
//!   [`PARAGRAPH_BANDS`] buckets of one (32-bit) minimum hash each: an edited paragraph of
//!   Jaccard 0.4 with its source meets it in a bucket with probability 0.87, one of 0.6 with
//!   0.97. Single-hash bands also gather paragraphs that merely share a common phrase; the
//!   cap on a bucket's size (`link::BUCKET_CAP`) keeps those few, and the comparison of the
//!   full sketches drops them.
//!
//! Every bucket is a row of the database (`sketch_buckets`), which is what makes a corpus of
//! millions of articles searchable for a new one's candidates: about 8 + 3 x paragraphs rows
//! per article, each a look-up and an insert (fewer bands would miss more; more would cost
//! each article more rows).
//!
//! Hashes are fixed functions of the terms (FNV-1a, the splitmix64 finaliser and fixed
//! multiply-add functions), so that sketches stored by one run compare with those of the next.
//!
//! ```
//! use marsad_store::sketch::Sketch;
//! let a = Sketch::of(&[(0, "قال وزير الدفاع ان القوات قصفت مواقع في المدينه الليله الماضيه واسفر القصف عن مقتل عشره جنود")]);
//! let b = Sketch::of(&[(0, "قال وزير الدفاع ان القوات قصفت مواقع في المدينه الليله الماضيه واسفر القصف عن مقتل 12 جنديا")]);
//! let c = Sketch::of(&[(0, "اعلنت الحكومه عن خطه جديده لدعم المزارعين في المناطق الريفيه خلال العام المقبل بتمويل من البنك")]);
//! assert!(a.similarity(&b) > 0.4 && a.similarity(&c) < 0.1);
//! assert_eq!(Sketch::decode(&a.encode()), Some(a));
//! ```

/// Words per shingle of the article signature.
pub const SHINGLE: usize = 4;
/// Minimum hashes in an article signature.
pub const HASHES: usize = 64;
/// LSH bands of the article signature (over its first `BANDS * ROWS` values).
pub const BANDS: usize = 8;
/// Values per band.
pub const ROWS: usize = 4;
/// Words per shingle of a paragraph sketch.
pub const PARAGRAPH_SHINGLE: usize = 3;
/// Minimum hashes per paragraph.
pub const PARAGRAPH_HASHES: usize = 32;
// the bands are cut from the hashes
const _: () = assert!(BANDS * ROWS <= HASHES && PARAGRAPH_BANDS <= PARAGRAPH_HASHES);
/// LSH bands per paragraph: one minimum hash each (in full), the first ones of the sketch.
pub const PARAGRAPH_BANDS: usize = 4;
/// Paragraphs shorter than this (datelines, bylines, one-line captions) get no sketch.
pub const PARAGRAPH_MIN_TERMS: usize = 10;

/// The sketch of one paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParagraphSketch {
    /// Index of the paragraph in the record's `paragraphs`.
    pub ordinal: u16,
    /// Its number of terms (saturating).
    pub terms: u16,
    /// Minimum hashes (16 bits each).
    pub mins: [u16; PARAGRAPH_HASHES],
    /// The first [`PARAGRAPH_BANDS`] minimum hashes in full (32 bits): the LSH keys.
    pub keys: [u32; PARAGRAPH_BANDS],
}

impl ParagraphSketch {
    /// Estimated Jaccard similarity of two paragraphs' shingle sets.
    pub fn similarity(&self, other: &ParagraphSketch) -> f64 {
        self.same(other) as f64 / PARAGRAPH_HASHES as f64
    }

    /// How many of the minimum hashes are equal (a sum of lane comparisons, which compiles to
    /// a few vector instructions: the writer compares every paragraph of a new article with
    /// every paragraph of each of its candidates).
    #[inline]
    fn same(&self, other: &ParagraphSketch) -> u32 {
        let mut n = 0u16;
        for (a, b) in self.mins.iter().zip(&other.mins) {
            n += u16::from(a == b);
        }
        u32::from(n)
    }
}

/// The sketch of an article: its signature and its paragraphs'.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sketch {
    /// Number of body terms (saturating at `u32::MAX`).
    pub terms: u32,
    /// The body's minimum hashes; all `u32::MAX` when the body has fewer than [`SHINGLE`] terms.
    pub signature: [u32; HASHES],
    /// The paragraphs long enough to have one.
    pub paragraphs: Vec<ParagraphSketch>,
}

/// The splitmix64 finaliser: a fixed, well-mixing permutation of 64-bit values.
const fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The hash functions, fixed (stored sketches depend on them): function `i` of a shingle's
/// 32-bit mixed hash `x` is `A[i] * x + B[i]` modulo 2^32 (`A[i]` odd: a permutation of the
/// 32-bit values; min-wise enough on mixed input, and 32-bit lanes vectorise).
const A: [u32; HASHES] = {
    let mut s = [0u32; HASHES];
    let mut i = 0;
    while i < HASHES {
        s[i] = (mix(0x9e37_79b9_7f4a_7c15u64.wrapping_mul(i as u64 + 1)) >> 32) as u32 | 1;
        i += 1;
    }
    s
};
const B: [u32; HASHES] = {
    let mut s = [0u32; HASHES];
    let mut i = 0;
    while i < HASHES {
        s[i] = (mix(0x632b_e59b_d9b4_e019u64.wrapping_mul(i as u64 + 7)) >> 32) as u32;
        i += 1;
    }
    s
};

/// Lowers `mins` to the hashes of `x` where they are lower.
#[inline]
fn lower<const N: usize>(mins: &mut [u32; N], x: u32) {
    for ((m, a), b) in mins.iter_mut().zip(&A).zip(&B) {
        *m = (*m).min(a.wrapping_mul(x).wrapping_add(*b));
    }
}

/// FNV-1a of a term.
pub(crate) fn term_hash(term: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in term.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Hashes of the `n`-word shingles of `terms` (none when there are fewer than `n` terms): an
/// order-sensitive combination of the terms' hashes, mixed by the caller.
fn shingles(terms: &[u64], n: usize) -> impl Iterator<Item = u64> + '_ {
    terms.windows(n).map(|w| {
        w.iter().fold(0x2545_f491_4f6c_dd1du64, |h, &t| {
            (h.rotate_left(23) ^ t).wrapping_mul(0x9e37_79b9_7f4a_7c15)
        })
    })
}

impl Sketch {
    /// The sketch of an article's body given as its paragraphs: `(ordinal, index text)`, the
    /// index text being terms joined by single spaces ([`crate::terms::index_text`]).
    pub fn of(paragraphs: &[(u16, &str)]) -> Sketch {
        let hashed: Vec<(u16, Vec<u64>)> = paragraphs
            .iter()
            .map(|&(ordinal, text)| {
                (ordinal, text.split(' ').filter(|t| !t.is_empty()).map(term_hash).collect())
            })
            .collect();
        let refs: Vec<(u16, &[u64])> = hashed.iter().map(|(o, h)| (*o, h.as_slice())).collect();
        Sketch::of_hashed(&refs)
    }

    /// [`Sketch::of`] with each paragraph given as the hashes of its terms (FNV-1a of each
    /// term's bytes): what the ingest computes while it builds the index text.
    pub(crate) fn of_hashed(paragraphs: &[(u16, &[u64])]) -> Sketch {
        let total = paragraphs.iter().map(|p| p.1.len()).sum();
        let mut all: Vec<u64> = Vec::with_capacity(total);
        let mut out = Vec::new();
        for &(ordinal, terms) in paragraphs {
            all.extend_from_slice(terms);
            if terms.len() < PARAGRAPH_MIN_TERMS {
                continue;
            }
            let mut wide = [u32::MAX; PARAGRAPH_HASHES];
            for s in shingles(terms, PARAGRAPH_SHINGLE) {
                lower(&mut wide, mix(s) as u32);
            }
            let mins = wide.map(|m| (m >> 16) as u16);
            let mut keys = [0u32; PARAGRAPH_BANDS];
            keys.copy_from_slice(&wide[..PARAGRAPH_BANDS]);
            out.push(ParagraphSketch {
                ordinal,
                terms: terms.len().min(u16::MAX as usize) as u16,
                mins,
                keys,
            });
        }
        let mut signature = [u32::MAX; HASHES];
        // shingles run across paragraph ends: the body is one text for the signature
        for s in shingles(&all, SHINGLE) {
            lower(&mut signature, mix(s) as u32);
        }
        Sketch { terms: all.len().min(u32::MAX as usize) as u32, signature, paragraphs: out }
    }

    /// Whether the body had a shingle at all (an empty signature is never bucketed).
    pub fn is_empty(&self) -> bool {
        (self.terms as usize) < SHINGLE
    }

    /// Estimated Jaccard similarity of two bodies' shingle sets (0 when either is empty).
    pub fn similarity(&self, other: &Sketch) -> f64 {
        if self.is_empty() || other.is_empty() {
            return 0.0;
        }
        let same = self.signature.iter().zip(&other.signature).filter(|(a, b)| a == b).count();
        same as f64 / HASHES as f64
    }

    /// The LSH buckets of the article: one per band of the signature, then
    /// [`PARAGRAPH_BANDS`] per paragraph sketch (duplicates removed). Each is a hash of the
    /// band's kind, number and values, as a signed 64-bit integer (SQLite's).
    pub fn buckets(&self) -> Vec<i64> {
        let mut out = Vec::with_capacity(BANDS + PARAGRAPH_BANDS * self.paragraphs.len());
        if !self.is_empty() {
            for (b, band) in self.signature[..BANDS * ROWS].chunks(ROWS).enumerate() {
                let h = band.iter().fold(mix(0xa1 ^ ((b as u64) << 8)), |h, &v| mix(h ^ v as u64));
                out.push(h as i64);
            }
        }
        for p in &self.paragraphs {
            for (b, &key) in p.keys.iter().enumerate() {
                out.push(mix(mix(0xb2 ^ ((b as u64) << 8)) ^ key as u64) as i64);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The sketch as bytes: version, terms, signature, then each paragraph (little-endian).
    pub fn encode(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(
            1 + 4 + 4 * HASHES + 2 + self.paragraphs.len() * (4 + 2 * PARAGRAPH_HASHES + 4 * PARAGRAPH_BANDS),
        );
        b.push(1);
        b.extend_from_slice(&self.terms.to_le_bytes());
        for v in &self.signature {
            b.extend_from_slice(&v.to_le_bytes());
        }
        let n = self.paragraphs.len().min(u16::MAX as usize);
        b.extend_from_slice(&(n as u16).to_le_bytes());
        for p in &self.paragraphs[..n] {
            b.extend_from_slice(&p.ordinal.to_le_bytes());
            b.extend_from_slice(&p.terms.to_le_bytes());
            for v in &p.mins {
                b.extend_from_slice(&v.to_le_bytes());
            }
            for v in &p.keys {
                b.extend_from_slice(&v.to_le_bytes());
            }
        }
        b
    }

    /// Reads [`encode`](Sketch::encode)'s bytes (None when they are not a sketch of this
    /// version).
    pub fn decode(bytes: &[u8]) -> Option<Sketch> {
        let mut r = Reader(bytes);
        if r.take(1)?[0] != 1 {
            return None;
        }
        let terms = u32::from_le_bytes(r.take(4)?.try_into().ok()?);
        let mut signature = [0u32; HASHES];
        for v in signature.iter_mut() {
            *v = u32::from_le_bytes(r.take(4)?.try_into().ok()?);
        }
        let n = u16::from_le_bytes(r.take(2)?.try_into().ok()?);
        let mut paragraphs = Vec::with_capacity(n as usize);
        for _ in 0..n {
            let ordinal = u16::from_le_bytes(r.take(2)?.try_into().ok()?);
            let terms = u16::from_le_bytes(r.take(2)?.try_into().ok()?);
            let mut mins = [0u16; PARAGRAPH_HASHES];
            for v in mins.iter_mut() {
                *v = u16::from_le_bytes(r.take(2)?.try_into().ok()?);
            }
            let mut keys = [0u32; PARAGRAPH_BANDS];
            for v in keys.iter_mut() {
                *v = u32::from_le_bytes(r.take(4)?.try_into().ok()?);
            }
            paragraphs.push(ParagraphSketch { ordinal, terms, mins, keys });
        }
        r.0.is_empty().then_some(Sketch { terms, signature, paragraphs })
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Some(a)
    }
}

/// Two paragraphs whose estimated similarity reaches this are the same text, edited.
pub const PARAGRAPH_REUSE: f64 = 0.3;
/// Two bodies whose estimated similarity reaches this are near-duplicates.
pub const NEAR_DUPLICATE: f64 = 0.5;

/// How two articles' texts relate.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    /// Estimated Jaccard similarity of the bodies.
    pub similarity: f64,
    /// Paragraphs of the first article reused in the second: (ordinal in the first, ordinal
    /// in the second, estimated similarity), each paragraph of either side at most once.
    pub paragraphs: Vec<(u16, u16, f64)>,
    /// Terms of the reused paragraphs, in the first article and in the second.
    pub reused_terms: (u32, u32),
    /// Whether the two are near-duplicates: similar bodies, or the reused paragraphs make up
    /// most (80%) of either article.
    pub near_duplicate: bool,
}

/// Compares two articles: body similarity and the paragraphs of `a` found in `b` (greedily,
/// most similar pairs first).
pub fn compare(a: &Sketch, b: &Sketch) -> Comparison {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    // the least number of equal hashes that makes a similarity of PARAGRAPH_REUSE
    let least = (PARAGRAPH_REUSE * PARAGRAPH_HASHES as f64).ceil() as u32;
    for (i, p) in a.paragraphs.iter().enumerate() {
        for (j, q) in b.paragraphs.iter().enumerate() {
            if p.same(q) >= least {
                pairs.push((p.similarity(q), i, j));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let (mut used_a, mut used_b) = (vec![false; a.paragraphs.len()], vec![false; b.paragraphs.len()]);
    let mut paragraphs = Vec::new();
    let mut reused_terms = (0u32, 0u32);
    for (s, i, j) in pairs {
        if used_a[i] || used_b[j] {
            continue;
        }
        used_a[i] = true;
        used_b[j] = true;
        reused_terms.0 = reused_terms.0.saturating_add(a.paragraphs[i].terms as u32);
        reused_terms.1 = reused_terms.1.saturating_add(b.paragraphs[j].terms as u32);
        paragraphs.push((a.paragraphs[i].ordinal, b.paragraphs[j].ordinal, s));
    }
    paragraphs.sort_by_key(|p| p.0);
    let similarity = a.similarity(b);
    let most = |reused: u32, of: u32| of > 0 && reused as f64 >= 0.8 * of as f64;
    let near_duplicate =
        similarity >= NEAR_DUPLICATE || most(reused_terms.0, a.terms) || most(reused_terms.1, b.terms);
    Comparison { similarity, paragraphs, reused_terms, near_duplicate }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(n: usize, salt: &str) -> String {
        (0..n).map(|i| format!("{salt}{i}")).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn identical_texts_have_identical_sketches_and_share_every_bucket() {
        let t = words(200, "w");
        let a = Sketch::of(&[(0, &t)]);
        let b = Sketch::of(&[(3, &t)]);
        assert_eq!(a.signature, b.signature);
        assert_eq!(a.similarity(&b), 1.0);
        assert_eq!(a.buckets(), b.buckets());
    }

    #[test]
    fn the_estimate_follows_the_jaccard_similarity() {
        // 300 shared words, 100 of each side's own: J of 4-shingles about 300/500
        let shared = words(300, "s");
        let a = Sketch::of(&[(0, &format!("{shared} {}", words(100, "a")))]);
        let b = Sketch::of(&[(0, &format!("{shared} {}", words(100, "b")))]);
        let s = a.similarity(&b);
        assert!((0.45..=0.75).contains(&s), "{s}");
        let c = Sketch::of(&[(0, &words(400, "c"))]);
        assert!(a.similarity(&c) < 0.1);
    }

    #[test]
    fn a_reused_paragraph_is_found_among_others() {
        let wire = words(40, "wire");
        let edited = format!(
            "{} x y {}",
            words(20, "wire"),
            (25..40).map(|i| format!("wire{i}")).collect::<Vec<_>>().join(" ")
        );
        let a = Sketch::of(&[(0, &words(50, "a")), (1, &wire), (2, &words(30, "a2"))]);
        let b = Sketch::of(&[(0, &words(60, "b")), (1, &words(25, "b1")), (2, &edited)]);
        let c = compare(&a, &b);
        assert_eq!(c.paragraphs.len(), 1, "{c:?}");
        assert_eq!((c.paragraphs[0].0, c.paragraphs[0].1), (1, 2));
        assert!(!c.near_duplicate);
        let ab: std::collections::BTreeSet<i64> = a.buckets().into_iter().collect();
        assert!(b.buckets().iter().any(|x| ab.contains(x)), "the reused paragraph shares a bucket");
    }

    #[test]
    fn short_and_empty_texts_are_not_bucketed_by_their_signature() {
        let empty = Sketch::of(&[]);
        assert!(empty.is_empty() && empty.buckets().is_empty());
        assert_eq!(empty.similarity(&empty), 0.0);
        let short = Sketch::of(&[(0, "a b")]);
        assert!(short.buckets().is_empty());
    }

    #[test]
    fn decoding_garbage_is_none_not_a_panic() {
        let s = Sketch::of(&[(0, &words(30, "p")), (1, &words(12, "q"))]);
        let bytes = s.encode();
        assert_eq!(Sketch::decode(&bytes), Some(s));
        for n in 0..bytes.len() {
            assert_eq!(Sketch::decode(&bytes[..n]), None);
        }
        assert_eq!(Sketch::decode(&[2, 0, 0]), None);
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(Sketch::decode(&longer), None);
    }
}
