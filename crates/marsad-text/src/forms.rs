//! A cache of what is computed from a word form alone.
//!
//! News repeats its words: a few tens of thousands of forms make up nearly every token of a
//! day of articles. Layers that derive keys, flags or scores from a token's form (its
//! normalised text, kind and clitic segmentation, nothing around it) keep them in a
//! [`FormCache`], so that a token costs one hash lookup instead of the derivation. The cache
//! is bounded: past its capacity it starts afresh, which keeps the memory flat whatever the
//! corpus and costs a few recomputations of the frequent forms.
//!
//! ```
//! use marsad_text::{FormCache, Normalizer, Segmenter, analyse};
//!
//! let norm = Normalizer::analysis().normalize("قال وزير الخارجية إن الوزير");
//! let tokens: Vec<_> = analyse(&norm, norm.full_span(), Segmenter::builtin()).collect();
//! let mut cache = FormCache::new(1000);
//! let mut computed = 0;
//! for t in &tokens {
//!     cache.get_or_insert_with(t, norm.text(), || {
//!         computed += 1;
//!         t.norm_str(norm.text()).chars().count()
//!     });
//! }
//! assert_eq!(computed, 5);
//! let again = cache.get_or_insert_with(&tokens[0], norm.text(), || unreachable!());
//! assert_eq!(*again, 3);
//! ```

use std::hash::{BuildHasherDefault, Hasher};

use hashbrown::HashMap;

use crate::{AnalysedToken, Segmentation, TokenKind};

/// Values computed from word forms (see the module documentation), at most `capacity` of
/// them at a time.
///
/// A form is keyed by a 128-bit fingerprint of its text, kind and segmentation rather than by
/// the text itself: a lookup then compares two integers held in the table, with no pointer to
/// follow and no string to compare. Two forms share a fingerprint with a probability of about
/// n² / 2¹²⁹ (10⁻²⁸ for a million forms).
#[derive(Debug)]
pub struct FormCache<V> {
    forms: HashMap<u128, V, BuildHasherDefault<Prehashed>>,
    capacity: usize,
    owner: u64,
}

/// The hasher of keys that are hashes already: their low 64 bits.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn write_u128(&mut self, n: u128) {
        self.0 = n as u64;
    }
}

/// The SplitMix64 finaliser.
#[inline]
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The fingerprint of a form: two 64-bit lanes over its bytes, seeded apart.
fn fingerprint(text: &str, kind: TokenKind, seg: Option<Segmentation>) -> u128 {
    let tag = (kind as u64) << 56 ^ seg.map_or(0, |s| mix(s.fingerprint()));
    let bytes = text.as_bytes();
    let mut a = 0x243f_6a88_85a3_08d3 ^ tag ^ (bytes.len() as u64);
    let mut b = 0x1319_8a2e_0370_7344 ^ tag.rotate_left(17);
    for chunk in bytes.chunks(8) {
        let mut w = [0u8; 8];
        w[..chunk.len()].copy_from_slice(chunk);
        let x = u64::from_le_bytes(w);
        a = mix(a ^ x);
        b = mix(b.rotate_left(23).wrapping_add(x ^ 0xa409_3822_299f_31d0));
    }
    u128::from(mix(a ^ b.rotate_left(7))) << 64 | u128::from(mix(b ^ a))
}

impl<V> FormCache<V> {
    /// An empty cache holding at most `capacity` forms.
    pub fn new(capacity: usize) -> FormCache<V> {
        FormCache { forms: HashMap::default(), capacity: capacity.max(1), owner: 0 }
    }

    /// How many forms are cached.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    /// Whether nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// Empties the cache unless its values were computed for `owner` (an id of whatever the
    /// values depend on besides the form: a knowledge base, a model), and notes the owner.
    pub fn keep_for(&mut self, owner: u64) {
        if self.owner != owner {
            self.forms.clear();
            self.owner = owner;
        }
    }

    /// The value of `token`'s form (its text in `normalized`, kind and segmentation),
    /// computed by `compute` the first time.
    pub fn get_or_insert_with(
        &mut self,
        token: &AnalysedToken,
        normalized: &str,
        compute: impl FnOnce() -> V,
    ) -> &V {
        let key = fingerprint(token.norm_str(normalized), token.token.kind, token.segmentation);
        if self.forms.len() >= self.capacity && !self.forms.contains_key(&key) {
            self.forms.clear();
        }
        self.forms.entry(key).or_insert_with(compute)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Normalizer, Segmenter, analyse};

    fn tokens(text: &str) -> (Vec<AnalysedToken>, String) {
        let norm = Normalizer::analysis().normalize(text);
        let t = analyse(&norm, norm.full_span(), Segmenter::builtin()).collect();
        (t, norm.text().to_string())
    }

    #[test]
    fn one_value_per_form_kind_and_segmentation() {
        let (t, n) = tokens("باكو باكو 12 12 وباكو");
        let mut cache = FormCache::new(100);
        let mut calls = 0;
        let values: Vec<usize> = t
            .iter()
            .map(|tok| {
                *cache.get_or_insert_with(tok, &n, || {
                    calls += 1;
                    calls
                })
            })
            .collect();
        assert_eq!(values, [1, 1, 2, 2, 3]);
        assert_eq!(cache.len(), 3);
    }

    #[test]
    fn capacity_bounds_it_and_owner_change_empties_it() {
        let (t, n) = tokens("أ ب ت ث ج ح");
        let mut cache = FormCache::new(2);
        for tok in &t {
            cache.get_or_insert_with(tok, &n, || 0u8);
            assert!(cache.len() <= 2);
        }
        cache.keep_for(7);
        assert!(cache.is_empty());
        cache.get_or_insert_with(&t[0], &n, || 1u8);
        cache.keep_for(7);
        assert_eq!(cache.len(), 1);
        assert_eq!(*cache.get_or_insert_with(&t[0], &n, || 2u8), 1);
    }
}
