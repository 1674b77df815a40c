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
//!     cache.get_or_insert_with(t, || {
//!         computed += 1;
//!         t.norm_str(norm.text()).chars().count()
//!     });
//! }
//! assert_eq!(computed, 5);
//! let again = cache.get_or_insert_with(&tokens[0], || unreachable!());
//! assert_eq!(*again, 3);
//! ```

use crate::{AnalysedToken, Segmentation, TokenKind};

/// Values computed from word forms (see the module documentation), at most `capacity` of
/// them at a time.
///
/// A form is keyed by a 128-bit fingerprint of its text, kind and segmentation rather than by
/// the text itself: a lookup then compares two integers held in the table, with no pointer to
/// follow and no string to compare. Two forms share a fingerprint with a probability of about
/// n² / 2¹²⁹ (10⁻²⁸ for a million forms).
///
/// The values live in one vector in the order they were first computed, so that the frequent
/// forms (met first) sit together, and a value is named by its index ([`FormCache::ids`]):
/// a block of text costs one pass of lookups, in which the table slot of a token a few places
/// ahead is fetched from memory while the current one is probed.
#[derive(Debug)]
pub struct FormCache<V> {
    /// Open addressing, linear probing; a power of two long (or empty before the first use).
    slots: Vec<Slot>,
    values: Vec<V>,
    capacity: usize,
    owner: u64,
}

/// A slot of the table: a fingerprint, the index of its value ([`EMPTY`] when unused), and
/// whether the form was met again since it was computed or last kept.
#[derive(Clone, Copy, Debug)]
struct Slot {
    high: u64,
    low: u64,
    id: u32,
    hit: bool,
}

const EMPTY: u32 = u32::MAX;
const EMPTY_SLOT: Slot = Slot { high: 0, low: 0, id: EMPTY, hit: false };

/// How many tokens ahead the slot of a token is fetched.
const AHEAD: usize = 6;

/// Asks the processor to bring every cache line of `value` into its cache (a hint: it reads
/// nothing), for a value read a little later whose address is known now: a scattered table
/// slot, the cached value of a word a few tokens ahead.
#[inline(always)]
#[allow(unsafe_code)]
pub fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        const LINE: usize = 64;
        let start = std::ptr::from_ref(value).cast::<i8>();
        let size = std::mem::size_of::<T>().max(1);
        // the lines of the first and last byte and those between (the offsets stay inside
        // `value`, so the pointer arithmetic is `wrapping_add` only to keep this safe code)
        let first = start as usize / LINE;
        let last = (start as usize + size - 1) / LINE;
        for line in 0..=(last - first) {
            let p = start.wrapping_add((line * LINE).min(size - 1));
            // SAFETY: a prefetch is a hint that never faults and reads nothing into the
            // program; the SSE instruction set it needs is part of every x86-64 processor.
            unsafe {
                std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p);
            }
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}

/// The SplitMix64 finaliser.
#[inline]
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The fingerprint of a form: two 64-bit multiply-rotate lanes over its bytes, seeded apart
/// and finished with [`mix`].
pub(crate) fn fingerprint(text: &str, kind: TokenKind, seg: Option<Segmentation>) -> u128 {
    const K1: u64 = 0x9e37_79b9_7f4a_7c15;
    const K2: u64 = 0xc2b2_ae3d_27d4_eb4f;
    let tag = (kind as u64) << 56 ^ seg.map_or(0, |s| s.fingerprint());
    let bytes = text.as_bytes();
    let mut a = 0x243f_6a88_85a3_08d3 ^ (bytes.len() as u64);
    let mut b = 0x1319_8a2e_0370_7344 ^ tag;
    let mut lane = |x: u64| {
        a = (a ^ x).wrapping_mul(K1).rotate_left(29);
        b = (b ^ x.rotate_left(32)).wrapping_mul(K2).rotate_left(31);
    };
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        lane(u64::from_le_bytes(w));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        lane(u64::from_le_bytes(w) ^ 0xff << 56);
    }
    let (a, b) = (mix(a ^ tag.rotate_left(17)), mix(b ^ a));
    u128::from(a) << 64 | u128::from(mix(b ^ a.rotate_left(7)))
}

impl<V> FormCache<V> {
    /// An empty cache holding at most `capacity` forms.
    pub fn new(capacity: usize) -> FormCache<V> {
        FormCache { slots: Vec::new(), values: Vec::new(), capacity: capacity.max(1), owner: 0 }
    }

    /// How many forms are cached.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Empties the cache unless its values were computed for `owner` (an id of whatever the
    /// values depend on besides the form: a knowledge base, a model), and notes the owner.
    pub fn keep_for(&mut self, owner: u64) {
        if self.owner != owner {
            self.clear();
            self.owner = owner;
        }
    }

    fn clear(&mut self) {
        self.values.clear();
        self.slots.fill(EMPTY_SLOT);
    }

    /// Makes room for `more` new forms, and keeps the table at most half full. When the cache
    /// would pass its capacity it keeps only the forms met again since they were computed or
    /// last kept (the frequent ones: a day of news has a few hundred thousand forms, most
    /// seen once), or starts afresh when those alone nearly fill it.
    ///
    /// The table and the values are allocated at their full size on first use and then kept:
    /// memory that is freed and allocated again comes back from the system as fresh pages, each
    /// cleared by the kernel on its first write, which costs more than the values it holds.
    fn make_room(&mut self, more: usize) {
        if self.values.len() + more > self.capacity {
            self.keep_met_again();
            if self.values.len() + more > self.capacity {
                self.clear();
            }
        }
        if self.values.capacity() < self.capacity {
            self.values.reserve_exact(self.capacity - self.values.len());
        }
        let needed = ((self.values.len() + more) * 2).next_power_of_two().max(64);
        if self.slots.len() < needed {
            let size = needed.max((self.capacity * 2).next_power_of_two());
            let old = std::mem::replace(&mut self.slots, vec![EMPTY_SLOT; size]);
            for s in old.into_iter().filter(|s| s.id != EMPTY) {
                let at = self.probe(u128::from(s.high) << 64 | u128::from(s.low));
                self.slots[at] = s;
            }
        }
    }

    /// Drops the forms not met again (see [`FormCache::make_room`]); the kept ones get new ids
    /// in their old order, and their marks are reset. The values and the table are rewritten
    /// where they are, with no other memory than a bit per value.
    fn keep_met_again(&mut self) {
        let mut keep = vec![0u64; self.values.len().div_ceil(64)];
        let mut kept = 0;
        for s in self.slots.iter().filter(|s| s.id != EMPTY && s.hit) {
            let id = s.id as usize;
            if let Some(word) = keep.get_mut(id / 64) {
                *word |= 1 << (id % 64);
                kept += 1;
            }
        }
        if kept * 10 > self.capacity * 9 {
            self.clear();
            return;
        }
        // the new id of a kept value is the number of kept values before it
        let mut before = Vec::with_capacity(keep.len());
        let mut sum = 0u32;
        for word in &keep {
            before.push(sum);
            sum += word.count_ones();
        }
        let is_kept = |id: usize| keep.get(id / 64).is_some_and(|w| w >> (id % 64) & 1 != 0);
        let new_id = |id: usize| before[id / 64] + (keep[id / 64] & ((1u64 << (id % 64)) - 1)).count_ones();
        let mut id = 0;
        self.values.retain(|_| {
            id += 1;
            is_kept(id - 1)
        });
        for s in &mut self.slots {
            if s.id == EMPTY {
                continue;
            }
            let old = s.id as usize;
            if s.hit && is_kept(old) {
                s.id = new_id(old);
                s.hit = false;
            } else {
                *s = EMPTY_SLOT;
            }
        }
        self.rehash_in_place();
    }

    /// Moves every entry of the table to the first free slot of its probe sequence, after
    /// entries were emptied (which may have cut the sequences of others). The walk starts after
    /// an empty slot, so that no sequence runs across its start: an entry then only moves back
    /// into slots already walked, and the sequences of those stay whole.
    fn rehash_in_place(&mut self) {
        let len = self.slots.len();
        let Some(start) = self.slots.iter().position(|s| s.id == EMPTY) else { return };
        for k in 1..=len {
            let at = (start + k) & (len - 1);
            let s = self.slots[at];
            if s.id == EMPTY {
                continue;
            }
            self.slots[at] = EMPTY_SLOT;
            let to = self.probe(u128::from(s.high) << 64 | u128::from(s.low));
            self.slots[to] = s;
        }
    }

    /// The slot holding `fp`, or the empty slot where it would go.
    #[inline]
    fn probe(&self, fp: u128) -> usize {
        let (high, low) = ((fp >> 64) as u64, fp as u64);
        let mask = self.slots.len() - 1;
        let mut at = low as usize & mask;
        loop {
            let s = &self.slots[at];
            if s.id == EMPTY || (s.low == low && s.high == high) {
                return at;
            }
            at = (at + 1) & mask;
        }
    }

    /// The value of `fp`, computed by `compute` the first time (room was made).
    #[inline]
    fn id_of(&mut self, fp: u128, compute: impl FnOnce() -> V) -> u32 {
        let at = self.probe(fp);
        let slot = &mut self.slots[at];
        if slot.id != EMPTY {
            slot.hit = true;
            return slot.id;
        }
        let id = u32::try_from(self.values.len()).unwrap_or(EMPTY - 1);
        *slot = Slot { high: (fp >> 64) as u64, low: fp as u64, id, hit: false };
        self.values.push(compute());
        id
    }

    /// The ids of the values of `tokens`' forms ([`AnalysedToken::form`]), computing by
    /// `compute` those not cached yet. The ids are valid until the next call
    /// ([`FormCache::get`] reads them).
    pub fn ids(
        &mut self,
        tokens: &[AnalysedToken],
        mut compute: impl FnMut(&AnalysedToken) -> V,
    ) -> Vec<u32> {
        self.ids_at(tokens, |_, t| compute(t))
    }

    /// [`FormCache::ids`], `compute` told the token's index in `tokens` too (for values made
    /// from a parallel list, e.g. the stage's own view of each token).
    pub fn ids_at(
        &mut self,
        tokens: &[AnalysedToken],
        compute: impl FnMut(usize, &AnalysedToken) -> V,
    ) -> Vec<u32> {
        self.make_room(tokens.len());
        let mut ids = Vec::with_capacity(tokens.len());
        self.push_ids(tokens, compute, &mut ids);
        ids
    }

    /// [`FormCache::ids`] of several blocks of tokens at once, one after the other in one
    /// vector: the ids of all the blocks are valid together, until the next call.
    pub fn ids_of_blocks(
        &mut self,
        blocks: &[&[AnalysedToken]],
        mut compute: impl FnMut(&AnalysedToken) -> V,
    ) -> Vec<u32> {
        let total = blocks.iter().map(|b| b.len()).sum();
        self.make_room(total);
        let mut ids = Vec::with_capacity(total);
        for tokens in blocks {
            self.push_ids(tokens, |_, t| compute(t), &mut ids);
        }
        ids
    }

    /// Pushes the ids of `tokens` to `ids` (room was made for them).
    fn push_ids(
        &mut self,
        tokens: &[AnalysedToken],
        mut compute: impl FnMut(usize, &AnalysedToken) -> V,
        ids: &mut Vec<u32>,
    ) {
        let mask = self.slots.len() - 1;
        let slot_of = |t: &AnalysedToken| t.form as u64 as usize & mask;
        for t in tokens.iter().take(AHEAD) {
            prefetch(&self.slots[slot_of(t)]);
        }
        for (i, t) in tokens.iter().enumerate() {
            if let Some(ahead) = tokens.get(i + AHEAD) {
                prefetch(&self.slots[slot_of(ahead)]);
            }
            ids.push(self.id_of(t.form, || compute(i, t)));
        }
    }

    /// The value with id `id` ([`FormCache::ids`]).
    ///
    /// # Panics
    /// When `id` was not returned by the last call of [`FormCache::ids`] (a caller's bug).
    #[inline]
    pub fn get(&self, id: u32) -> &V {
        &self.values[id as usize]
    }

    /// The value of `token`'s form ([`AnalysedToken::form`]), computed by `compute` the first
    /// time.
    pub fn get_or_insert_with(&mut self, token: &AnalysedToken, compute: impl FnOnce() -> V) -> &V {
        let fp = token.form;
        if !self.slots.is_empty() {
            let at = self.probe(fp);
            let slot = &mut self.slots[at];
            if slot.id != EMPTY {
                slot.hit = true;
                return &self.values[slot.id as usize];
            }
        }
        self.make_room(1);
        let id = self.id_of(fp, compute);
        &self.values[id as usize]
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
        let (t, _) = tokens("باكو باكو 12 12 وباكو");
        let mut cache = FormCache::new(100);
        let mut calls = 0;
        let values: Vec<usize> = t
            .iter()
            .map(|tok| {
                *cache.get_or_insert_with(tok, || {
                    calls += 1;
                    calls
                })
            })
            .collect();
        assert_eq!(values, [1, 1, 2, 2, 3]);
        assert_eq!(cache.len(), 3);
    }

    #[test]
    fn a_block_gets_one_id_per_form_valid_together() {
        let (t, n) = tokens("باكو يريفان باكو 12 وباكو يريفان");
        let mut cache = FormCache::new(100);
        let mut computed = Vec::new();
        let ids = cache.ids(&t, |tok| {
            computed.push(tok.norm_str(&n).to_string());
            tok.norm_str(&n).to_string()
        });
        assert_eq!(computed, ["باكو", "يريفان", "12", "وباكو"]);
        assert_eq!(ids[0], ids[2]);
        assert_eq!(ids[1], ids[5]);
        let values: Vec<&str> = ids.iter().map(|&id| cache.get(id).as_str()).collect();
        assert_eq!(values, ["باكو", "يريفان", "باكو", "12", "وباكو", "يريفان"]);
        // a second block finds them all cached
        let again = cache.ids(&t, |_| unreachable!());
        assert_eq!(again, ids);
    }

    #[test]
    fn blocks_get_ids_valid_together() {
        let (t, n) = tokens("باكو يريفان باكو 12 وباكو يريفان");
        let mut cache = FormCache::new(3);
        let ids = cache.ids_of_blocks(&[&t[..2], &t[2..]], |tok| tok.norm_str(&n).to_string());
        assert_eq!(ids.len(), t.len());
        for (tok, id) in t.iter().zip(&ids) {
            assert_eq!(cache.get(*id), tok.norm_str(&n));
        }
    }

    #[test]
    fn a_block_larger_than_the_capacity_is_still_served_whole() {
        let words: Vec<String> = (0..300).map(|i| format!("w{i}")).collect();
        let (t, n) = tokens(&words.join(" "));
        let mut cache = FormCache::new(10);
        let ids = cache.ids(&t, |tok| tok.norm_str(&n).to_string());
        assert_eq!(ids.len(), t.len());
        for (tok, id) in t.iter().zip(&ids) {
            assert_eq!(cache.get(*id), tok.norm_str(&n));
        }
        // the next block makes room again
        let (t2, n2) = tokens("باكو");
        let ids2 = cache.ids(&t2, |tok| tok.norm_str(&n2).to_string());
        assert!(cache.len() <= 10);
        assert_eq!(cache.get(ids2[0]), "باكو");
    }

    #[test]
    fn past_its_capacity_it_keeps_the_forms_met_again() {
        let (t, n) = tokens("باكو يريفان موسكو باكو كييف لندن");
        let mut cache = FormCache::new(4);
        let mut computed = Vec::new();
        let mut run = |cache: &mut FormCache<String>, block: &[AnalysedToken]| {
            let ids = cache.ids(block, |tok| {
                computed.push(tok.norm_str(&n).to_string());
                tok.norm_str(&n).to_string()
            });
            ids.iter().map(|&id| cache.get(id).clone()).collect::<Vec<_>>()
        };
        assert_eq!(run(&mut cache, &t[..4]), ["باكو", "يريفان", "موسكو", "باكو"]);
        // two new forms do not fit: باكو (met again) stays, يريفان and موسكو go
        assert_eq!(run(&mut cache, &t[4..]), ["كييف", "لندن"]);
        assert_eq!(cache.len(), 3);
        assert_eq!(run(&mut cache, &t[..1]), ["باكو"]);
        assert_eq!(computed, ["باكو", "يريفان", "موسكو", "كييف", "لندن"]);
    }

    #[test]
    fn keeping_the_forms_met_again_keeps_every_kept_form_findable() {
        // many rounds of a few frequent forms among rare ones: each keep rewrites the table
        // where it is, and every form must still find its own value
        let words: Vec<String> = (0..2000).map(|i| format!("w{}", i * 7919 % 2003)).collect();
        let (t, n) = tokens(&words.join(" "));
        let mut cache = FormCache::new(150);
        let mut computed = 0;
        for round in 0..40 {
            let block: Vec<AnalysedToken> =
                t.iter().skip(round * 37 % 1900).take(60).chain(t.iter().take(20)).copied().collect();
            let ids = cache.ids(&block, |tok| {
                computed += 1;
                tok.norm_str(&n).to_string()
            });
            for (tok, id) in block.iter().zip(&ids) {
                assert_eq!(cache.get(*id), tok.norm_str(&n));
            }
            assert!(cache.len() <= 150);
        }
        // the twenty frequent forms were met again at every keep: computed once each
        let before = computed;
        let ids = cache.ids(&t[..20], |tok| {
            computed += 1;
            tok.norm_str(&n).to_string()
        });
        assert_eq!(computed, before);
        for (tok, id) in t[..20].iter().zip(&ids) {
            assert_eq!(cache.get(*id), tok.norm_str(&n));
        }
    }

    #[test]
    fn fingerprints_tell_forms_apart() {
        let (t, n) = tokens("ابا اب ا ابابابابا ابابابابب 12345678 123456789 وباكو باكو");
        let mut seen = std::collections::HashSet::new();
        for tok in &t {
            assert!(seen.insert(tok.form), "{}", tok.norm_str(&n));
        }
    }

    #[test]
    fn capacity_bounds_it_and_owner_change_empties_it() {
        let (t, _) = tokens("أ ب ت ث ج ح");
        let mut cache = FormCache::new(2);
        for tok in &t {
            cache.get_or_insert_with(tok, || 0u8);
            assert!(cache.len() <= 2);
        }
        cache.keep_for(7);
        assert!(cache.is_empty());
        cache.get_or_insert_with(&t[0], || 1u8);
        cache.keep_for(7);
        assert_eq!(cache.len(), 1);
        assert_eq!(*cache.get_or_insert_with(&t[0], || 2u8), 1);
    }
}
