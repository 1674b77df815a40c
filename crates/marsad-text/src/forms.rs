//! Ids of word forms, and tables of what is computed from a form alone.
//!
//! News repeats its words: a few tens of thousands of forms make up nearly every token of a
//! day of articles. Layers that derive keys, flags or scores from a token's form (its
//! normalised text, kind and clitic segmentation, nothing around it) keep them in a
//! [`FormTable`], so that a token costs one read of a vector instead of the derivation.
//!
//! The thread keeps one interner of forms, which gives each form a small dense id;
//! [`assign_form_ids`] writes the id into each token of an article once, and every table then
//! reads its value at that index, where each layer used to hash and probe every token in a
//! table of its own. The interner is bounded: past its capacity it keeps only the forms met
//! again and starts afresh with the others, which keeps the memory flat whatever the corpus.
//! An id is stamped with the generation it was given in, and a table entry with the generation
//! of the form it was computed for, so that an id given again to another form never reads the
//! old form's value, and the forms kept keep their values in every table.
//!
//! ```
//! use marsad_text::{FormTable, Normalizer, Segmenter, analyse, assign_form_ids};
//!
//! let norm = Normalizer::analysis().normalize("قال وزير الخارجية إن الوزير");
//! let mut tokens: Vec<_> = analyse(&norm, norm.full_span(), Segmenter::builtin()).collect();
//! assign_form_ids(&mut tokens);
//! let mut table = FormTable::new();
//! let mut computed = 0;
//! let ids = table.fill(&tokens, |_, t| {
//!     computed += 1;
//!     t.norm_str(norm.text()).chars().count()
//! });
//! assert_eq!(computed, 5);
//! assert_eq!(*table.get(ids[0]), 3);
//! // a second pass finds them all
//! table.fill(&tokens, |_, _| unreachable!());
//! ```

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicU32, Ordering};

use crate::{AnalysedToken, Segmentation, TokenKind};

/// How many forms the thread's interner holds before it keeps only the forms met again.
///
/// Every form past the bound that comes back is computed again by every layer, and a larger
/// bound holds more forms' values in every table (about 900 bytes a form in all). Measured on
/// 10,000 bench articles (`extract -j 1`, callgrind) and on the 30,044 of the full bench:
///
/// | bound | instructions, 10,000 | peak memory, 30,044, `-j 1` | peak memory, `-j 2` |
/// |-------|----------------------|-----------------------------|---------------------|
/// | 100k  | 21,100.8M            | 220 MB                      | 323–326 MB          |
/// | 150k  | 20,838.0M (−1.25%)   |                             | 417 MB              |
/// | 200k  | 20,837.3M            | 304–312 MB                  | 425–427 MB          |
/// | 400k  | 20,839.0M            | 323–347 MB                  | 456 MB              |
///
/// The 10,000 articles have fewer than 150,000 forms, so that every larger bound holds them
/// all; the interner's slots are as many from 131,073 forms to 262,144, and the memory grows
/// with the forms held: at 150k a thread holds at most some 45 MB more than at 100k, whatever
/// the corpus, where 200k would let two threads take 180 MB more on a larger one.
pub const FORM_IDS: usize = 150_000;

/// How many tokens ahead the interner's slot of a token is fetched.
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
        // `value`, so the pointer arithmetic is `wrapping_add` only to keep this safe code); a
        // value no larger than its alignment lies in one line, which the compiler knows
        let lines = if size <= std::mem::align_of::<T>() && size <= LINE {
            1
        } else {
            (start as usize + size - 1) / LINE - start as usize / LINE + 1
        };
        for line in 0..lines {
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
        // the bytes left, little-endian, the others zero (a loop: a copy of a length known
        // only here is a call of memcpy, once per form)
        let w = rest.iter().rev().fold(0u64, |w, &b| w << 8 | u64::from(b));
        lane(w ^ 0xff << 56);
    }
    let (a, b) = (mix(a ^ tag.rotate_left(17)), mix(b ^ a));
    u128::from(a) << 64 | u128::from(mix(b ^ a.rotate_left(7)))
}

/// The id of a form: its index in the interner, and the generation it was given the index in.
/// Within a generation an index names one form; the generations are numbered across all
/// threads ([`GENERATIONS`]), so that the pair names one form of one thread for the life of the
/// process.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct FormId {
    index: u32,
    born: u32,
}

/// What [`assign_form_ids`] wrote into a token: its form's id, and the generation of the
/// thread's interner then (0: never assigned). The id still holds while the interner is in that
/// generation, which a layer checks with one comparison per token.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct FormStamp {
    id: FormId,
    seen: u32,
}

/// The last generation given to an interner of any thread. Generations start at 1, so that
/// the 0 of a token never assigned and of a table entry never filled matches none. A new
/// generation starts when an interner passes its capacity, after at least a tenth of it in new
/// forms: the 32 bits would last for 4·10¹³ new forms at the least.
static GENERATIONS: AtomicU32 = AtomicU32::new(0);

fn next_generation() -> u32 {
    GENERATIONS.fetch_add(1, Ordering::Relaxed).wrapping_add(1)
}

/// A slot of the interner's table: a fingerprint, the id of its form ([`EMPTY`] index when
/// unused), and whether the form was met again since it was given its id or last kept.
///
/// Aligned to its size, so that a slot lies in one cache line: a probe then reads one line,
/// and fetching a slot ahead ([`prefetch`]) asks for one.
#[derive(Clone, Copy, Debug)]
#[repr(align(32))]
struct Slot {
    high: u64,
    low: u64,
    id: FormId,
    hit: bool,
}

const EMPTY: u32 = u32::MAX;
const EMPTY_SLOT: Slot = Slot { high: 0, low: 0, id: FormId { index: EMPTY, born: 0 }, hit: false };

/// The forms of a thread and their ids, at most `capacity` of them at a time.
///
/// A form is keyed by a 128-bit fingerprint of its text, kind and segmentation
/// ([`AnalysedToken::form`]) rather than by the text itself: a lookup then compares two
/// integers held in the table, with no pointer to follow and no string to compare. Two forms
/// share a fingerprint with a probability of about n² / 2¹²⁹ (10⁻²⁸ for a million forms).
#[derive(Debug)]
struct Interner {
    /// Open addressing, linear probing; a power of two long (or empty before the first use).
    slots: Vec<Slot>,
    /// The indices given so far (those in use and those in `free`).
    given: u32,
    /// Indices below `given` not in use, the largest first (the smallest is given first).
    free: Vec<u32>,
    generation: u32,
    capacity: usize,
}

impl Interner {
    fn new(capacity: usize) -> Interner {
        Interner {
            slots: Vec::new(),
            given: 0,
            free: Vec::new(),
            generation: next_generation(),
            capacity: capacity.max(1),
        }
    }

    /// How many forms have an id.
    fn len(&self) -> usize {
        self.given as usize - self.free.len()
    }

    /// Makes room for `more` new forms, and keeps the table at most half full. When the
    /// interner would pass its capacity it keeps only the forms met again since they were given
    /// their ids or last kept (the frequent ones: a day of news has a few hundred thousand
    /// forms, most seen once), or starts afresh when those alone nearly fill it; either way a
    /// new generation starts, in which the indices freed are given to new forms.
    ///
    /// The table is allocated at its full size on first use and then kept: memory that is freed
    /// and allocated again comes back from the system as fresh pages, each cleared by the
    /// kernel on its first write.
    fn make_room(&mut self, more: usize) {
        if self.len() + more > self.capacity {
            self.keep_met_again();
            if self.len() + more > self.capacity {
                self.clear();
            }
            self.generation = next_generation();
        }
        let needed = ((self.len() + more) * 2).next_power_of_two().max(64);
        if self.slots.len() < needed {
            let size = needed.max((self.capacity * 2).next_power_of_two());
            let old = std::mem::replace(&mut self.slots, vec![EMPTY_SLOT; size]);
            for s in old.into_iter().filter(|s| s.id.index != EMPTY) {
                let at = self.probe(u128::from(s.high) << 64 | u128::from(s.low));
                self.slots[at] = s;
            }
        }
    }

    fn clear(&mut self) {
        self.slots.fill(EMPTY_SLOT);
        self.given = 0;
        self.free.clear();
    }

    /// Drops the forms not met again (see [`Interner::make_room`]) and frees their indices; the
    /// kept forms keep their ids, and their marks are reset. The table is rewritten where it
    /// is, with no other memory than a bit per index.
    fn keep_met_again(&mut self) {
        let kept = self.slots.iter().filter(|s| s.id.index != EMPTY && s.hit).count();
        if kept * 10 > self.capacity * 9 {
            self.clear();
            return;
        }
        let mut used = vec![0u64; (self.given as usize).div_ceil(64)];
        for s in &mut self.slots {
            if s.id.index == EMPTY {
                continue;
            }
            if s.hit {
                let index = s.id.index as usize;
                if let Some(word) = used.get_mut(index / 64) {
                    *word |= 1 << (index % 64);
                }
                s.hit = false;
            } else {
                *s = EMPTY_SLOT;
            }
        }
        self.free.clear();
        self.free.extend((0..self.given).rev().filter(|&i| used[i as usize / 64] >> (i % 64) & 1 == 0));
        self.rehash_in_place();
    }

    /// Moves every entry of the table to the first free slot of its probe sequence, after
    /// entries were emptied (which may have cut the sequences of others). The walk starts after
    /// an empty slot, so that no sequence runs across its start: an entry then only moves back
    /// into slots already walked, and the sequences of those stay whole.
    fn rehash_in_place(&mut self) {
        let len = self.slots.len();
        let Some(start) = self.slots.iter().position(|s| s.id.index == EMPTY) else { return };
        for k in 1..=len {
            let at = (start + k) & (len - 1);
            let s = self.slots[at];
            if s.id.index == EMPTY {
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
            if s.id.index == EMPTY || (s.low == low && s.high == high) {
                return at;
            }
            at = (at + 1) & mask;
        }
    }

    /// The id of `fp`, given it if it has none (room was made).
    #[inline]
    fn id_of(&mut self, fp: u128) -> FormId {
        let at = self.probe(fp);
        if self.slots[at].id.index != EMPTY {
            self.slots[at].hit = true;
            return self.slots[at].id;
        }
        // a freed index first, else the next one (past the capacity only for a block of more
        // forms than that, served whole)
        let index = self.free.pop().unwrap_or_else(|| {
            self.given += 1;
            self.given - 1
        });
        let id = FormId { index, born: self.generation };
        self.slots[at] = Slot { high: (fp >> 64) as u64, low: fp as u64, id, hit: false };
        id
    }

    /// Writes into each of `tokens` its form's id ([`assign_form_ids`]), as [`Interner::ids`].
    fn assign(&mut self, tokens: &mut [AnalysedToken]) {
        self.make_room(tokens.len());
        let mask = self.slots.len() - 1;
        let slot_of = |t: &AnalysedToken| t.form as u64 as usize & mask;
        for t in tokens.iter().take(AHEAD) {
            prefetch(&self.slots[slot_of(t)]);
        }
        for i in 0..tokens.len() {
            if let Some(ahead) = tokens.get(i + AHEAD) {
                prefetch(&self.slots[slot_of(ahead)]);
            }
            let id = self.id_of(tokens[i].form);
            tokens[i].form_id = FormStamp { id, seen: self.generation };
        }
    }

    /// Calls `each` with the index of each of `tokens` and its form's id, giving ids to the
    /// forms that have none (room is made for them all first, so that the ids hold together).
    fn ids(&mut self, tokens: &[AnalysedToken], mut each: impl FnMut(usize, FormId)) {
        self.make_room(tokens.len());
        let mask = self.slots.len() - 1;
        let slot_of = |t: &AnalysedToken| t.form as u64 as usize & mask;
        for t in tokens.iter().take(AHEAD) {
            prefetch(&self.slots[slot_of(t)]);
        }
        for (i, t) in tokens.iter().enumerate() {
            if let Some(ahead) = tokens.get(i + AHEAD) {
                prefetch(&self.slots[slot_of(ahead)]);
            }
            each(i, self.id_of(t.form));
        }
    }
}

thread_local! {
    static INTERNER: RefCell<Interner> = RefCell::new(Interner::new(FORM_IDS));
    /// The generation of the thread's interner and the indices it gave, readable without
    /// borrowing it.
    static GENERATION: Cell<u32> = const { Cell::new(0) };
    static GIVEN: Cell<u32> = const { Cell::new(0) };
}

/// Runs `f` with the thread's interner, and notes its generation afterwards.
fn with_interner<R>(f: impl FnOnce(&mut Interner) -> R) -> R {
    INTERNER.with_borrow_mut(|interner| {
        let r = f(interner);
        GENERATION.set(interner.generation);
        GIVEN.set(interner.given);
        r
    })
}

/// Writes into each of `tokens` the id of its form in the thread's interner (one probe per
/// token), which every [`FormTable`] of the thread then reads instead of probing a table of
/// its own. The ids hold until the interner starts a new generation, which only this and a
/// table given tokens without valid ids do; a token whose id no longer holds is looked up
/// again, so any token may be given to a table.
pub fn assign_form_ids(tokens: &mut [AnalysedToken]) {
    with_interner(|interner| interner.assign(tokens));
}

/// The ids of `tokens`' forms: `None` when every token holds a valid one
/// ([`assign_form_ids`] in the current generation), which the caller then reads from the
/// tokens; otherwise those of all of them, looked up in the thread's interner.
fn fresh_ids(tokens: &[AnalysedToken]) -> Option<Vec<FormId>> {
    let now = GENERATION.get();
    if now != 0 && tokens.iter().all(|t| t.form_id.seen == now) {
        return None;
    }
    let mut ids = Vec::with_capacity(tokens.len());
    with_interner(|interner| interner.ids(tokens, |_, id| ids.push(id)));
    Some(ids)
}

/// An entry of a table: a value and the id generation of the form it was computed for (0 when
/// empty).
#[derive(Debug)]
struct Entry<V> {
    born: u32,
    value: Option<V>,
}

impl<V> Default for Entry<V> {
    fn default() -> Entry<V> {
        Entry { born: 0, value: None }
    }
}

/// Values computed from word forms (see the module documentation), indexed by the forms' ids
/// in the thread's interner: a thread-local of the layer that computes them.
///
/// An entry is kept with the generation of its form's id, and a token reads it only when its
/// id is of that generation: an index given again to another form (after the interner passed
/// its capacity) is computed anew, and the forms the interner kept keep their values. The
/// table is as long as the largest index met, which the interner's capacity bounds.
#[derive(Debug)]
pub struct FormTable<V> {
    entries: Vec<Entry<V>>,
    owner: u64,
}

impl<V> Default for FormTable<V> {
    fn default() -> FormTable<V> {
        FormTable::new()
    }
}

impl<V> FormTable<V> {
    /// An empty table.
    pub const fn new() -> FormTable<V> {
        FormTable { entries: Vec::new(), owner: 0 }
    }

    /// Empties the table unless its values were computed for `owner` (an id of whatever the
    /// values depend on besides the form: a knowledge base, a model), and notes the owner.
    pub fn keep_for(&mut self, owner: u64) {
        if self.owner != owner {
            self.entries.clear();
            self.owner = owner;
        }
    }

    /// The indices of the values of `tokens`' forms ([`AnalysedToken::form`]), computing by
    /// `compute` (told the token's index in `tokens` too, for values made from a parallel list)
    /// those not in the table yet. The indices are valid until the next call
    /// ([`FormTable::get`] reads them).
    pub fn fill(
        &mut self,
        tokens: &[AnalysedToken],
        compute: impl FnMut(usize, &AnalysedToken) -> V,
    ) -> Vec<u32> {
        let mut indices = Vec::with_capacity(tokens.len());
        self.each(tokens, compute, |index, _| indices.push(index));
        indices
    }

    /// What `read` makes of the value of each of `tokens`' forms (told the token's index too),
    /// computing by `compute` those not in the table yet: [`FormTable::fill`] and the reading
    /// in one pass, for values read once (copied out, say).
    pub fn fill_map<R>(
        &mut self,
        tokens: &[AnalysedToken],
        compute: impl FnMut(usize, &AnalysedToken) -> V,
        mut read: impl FnMut(usize, &V) -> R,
    ) -> Vec<R> {
        let mut out = Vec::with_capacity(tokens.len());
        self.each(tokens, compute, |_, v| out.push(read(out.len(), v)));
        out
    }

    /// Calls `each` with the index and the value of each of `tokens`' forms, computing those not
    /// in the table yet.
    fn each(
        &mut self,
        tokens: &[AnalysedToken],
        mut compute: impl FnMut(usize, &AnalysedToken) -> V,
        mut each: impl FnMut(u32, &V),
    ) {
        match fresh_ids(tokens) {
            None => self.push(tokens, |i| tokens[i].form_id.id, &mut compute, &mut each),
            Some(ids) => self.push(tokens, |i| ids[i], &mut compute, &mut each),
        }
    }

    /// [`FormTable::fill`] of several blocks of tokens at once, one after the other in one
    /// vector: the indices of all the blocks are valid together, until the next call.
    pub fn fill_blocks(
        &mut self,
        blocks: &[&[AnalysedToken]],
        mut compute: impl FnMut(&AnalysedToken) -> V,
    ) -> Vec<u32> {
        let total = blocks.iter().map(|b| b.len()).sum();
        let mut indices = Vec::with_capacity(total);
        let mut compute = |_: usize, t: &AnalysedToken| compute(t);
        let mut each = |index: u32, _: &V| indices.push(index);
        if blocks.iter().all(|b| fresh_ids(b).is_none()) {
            for tokens in blocks {
                self.push(tokens, |i| tokens[i].form_id.id, &mut compute, &mut each);
            }
        } else {
            // some ids no longer hold: the blocks are looked up together, so that the ids
            // given to them hold together
            let tokens: Vec<AnalysedToken> = blocks.iter().flat_map(|b| b.iter().copied()).collect();
            match fresh_ids(&tokens) {
                None => self.push(&tokens, |i| tokens[i].form_id.id, &mut compute, &mut each),
                Some(ids) => self.push(&tokens, |i| ids[i], &mut compute, &mut each),
            }
        }
        indices
    }

    /// Calls `each` with the index and the value of each of `tokens` (whose ids `id_at` tells),
    /// computing the values not in the table.
    ///
    /// The table is given room for the interner's capacity on first use, so that it is not
    /// copied over as it grows: the memory is only reserved, and the entries written as the
    /// forms come.
    #[inline(always)]
    fn push(
        &mut self,
        tokens: &[AnalysedToken],
        id_at: impl Fn(usize) -> FormId,
        compute: &mut impl FnMut(usize, &AnalysedToken) -> V,
        each: &mut impl FnMut(u32, &V),
    ) {
        let entries = &mut self.entries;
        let given = GIVEN.get() as usize;
        if entries.len() < given {
            if entries.capacity() == 0 {
                entries.reserve_exact(FORM_IDS.max(given));
            }
            entries.resize_with(given, Entry::default);
        }
        // the entries are not fetched ahead as the interner's slots are: the frequent forms were
        // given the small indices and their entries sit together, mostly in the processor's
        // cache, and fetching ahead cost a percent of the extraction's instructions for no time
        // saved (measured on 10,000 articles)
        for (i, t) in tokens.iter().enumerate() {
            let id = id_at(i);
            let index = id.index as usize;
            if index >= entries.len() {
                // not given by this thread's interner as far as the table knows (cannot happen:
                // the interner gave every id it looked up): room all the same
                entries.resize_with(index + 1, Entry::default);
            }
            let e = &mut entries[index];
            let value = match &mut e.value {
                Some(v) if e.born == id.born => &*v,
                value => {
                    e.born = id.born;
                    &*value.insert(compute(i, t))
                }
            };
            each(id.index, value);
        }
    }

    /// The value at index `index` ([`FormTable::fill`]).
    ///
    /// # Panics
    /// When `index` was not returned by the last call of [`FormTable::fill`] (a caller's bug).
    #[inline]
    pub fn get(&self, index: u32) -> &V {
        self.entries[index as usize].value.as_ref().expect("an index of the last fill")
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

    /// Gives the thread (a test's own) an interner of `capacity` forms.
    fn small_interner(capacity: usize) {
        with_interner(|interner| *interner = Interner::new(capacity));
    }

    #[test]
    fn a_token_with_its_id_is_six_words_of_sixteen_bytes() {
        // the id (twelve bytes) took the token from 80 bytes to 96; tokens are copied a lot,
        // so that a field added to them should find room in the four bytes left
        assert_eq!(std::mem::size_of::<AnalysedToken>(), 96);
    }

    #[test]
    fn one_value_per_form_kind_and_segmentation() {
        let (mut t, _) = tokens("باكو باكو 12 12 وباكو");
        assign_form_ids(&mut t);
        let mut table = FormTable::new();
        let mut calls = 0;
        let ids = table.fill(&t, |_, _| {
            calls += 1;
            calls
        });
        let values: Vec<usize> = ids.iter().map(|&i| *table.get(i)).collect();
        assert_eq!(values, [1, 1, 2, 2, 3]);
        assert_eq!(ids[0], ids[1]);
        assert_ne!(ids[0], ids[4]);
    }

    #[test]
    fn tokens_without_ids_are_looked_up() {
        let (t, n) = tokens("باكو يريفان باكو 12 وباكو يريفان");
        let mut table = FormTable::new();
        let mut computed = Vec::new();
        let ids = table.fill(&t, |_, tok| {
            computed.push(tok.norm_str(&n).to_string());
            tok.norm_str(&n).to_string()
        });
        assert_eq!(computed, ["باكو", "يريفان", "12", "وباكو"]);
        let values: Vec<&str> = ids.iter().map(|&id| table.get(id).as_str()).collect();
        assert_eq!(values, ["باكو", "يريفان", "باكو", "12", "وباكو", "يريفان"]);
        // the same forms with ids assigned find their values
        let mut stamped = t.clone();
        assign_form_ids(&mut stamped);
        assert_eq!(table.fill(&stamped, |_, _| unreachable!()), ids);
    }

    #[test]
    fn fill_map_reads_each_tokens_value_in_the_same_pass() {
        let (mut t, n) = tokens("باكو يريفان باكو");
        let mut table = FormTable::new();
        let mut computed = 0;
        // without ids, then with them: the same values, each form computed once
        for pass in 0..2 {
            if pass == 1 {
                assign_form_ids(&mut t);
            }
            let read = table.fill_map(
                &t,
                |_, tok| {
                    computed += 1;
                    tok.norm_str(&n).to_string()
                },
                |i, v| format!("{i}:{v}"),
            );
            assert_eq!(read, ["0:باكو", "1:يريفان", "2:باكو"]);
        }
        assert_eq!(computed, 2);
    }

    #[test]
    fn blocks_get_indices_valid_together() {
        let (mut t, n) = tokens("باكو يريفان باكو 12 وباكو يريفان");
        assign_form_ids(&mut t);
        let mut table = FormTable::new();
        let ids = table.fill_blocks(&[&t[..2], &t[2..]], |tok| tok.norm_str(&n).to_string());
        assert_eq!(ids.len(), t.len());
        for (tok, id) in t.iter().zip(&ids) {
            assert_eq!(table.get(*id), tok.norm_str(&n));
        }
        // a block without ids beside one with them: looked up together, the values found
        let (fresh, m) = tokens("يريفان كييف");
        let ids = table.fill_blocks(&[&t[..2], &fresh], |tok| tok.norm_str(&m).to_string());
        let read: Vec<&str> = ids.iter().map(|&id| table.get(id).as_str()).collect();
        assert_eq!(read, ["باكو", "يريفان", "يريفان", "كييف"]);
    }

    #[test]
    fn a_block_larger_than_the_capacity_is_still_served_whole() {
        small_interner(10);
        let words: Vec<String> = (0..300).map(|i| format!("w{i}")).collect();
        let (mut t, n) = tokens(&words.join(" "));
        assign_form_ids(&mut t);
        let mut table = FormTable::new();
        let ids = table.fill(&t, |_, tok| tok.norm_str(&n).to_string());
        assert_eq!(ids.len(), t.len());
        for (tok, id) in t.iter().zip(&ids) {
            assert_eq!(table.get(*id), tok.norm_str(&n));
        }
        // the next block makes room again, and the old tokens are looked up anew
        let (mut t2, n2) = tokens("باكو");
        assign_form_ids(&mut t2);
        with_interner(|interner| assert!(interner.len() <= 10));
        let ids2 = table.fill(&t2, |_, tok| tok.norm_str(&n2).to_string());
        assert_eq!(table.get(ids2[0]), "باكو");
        let ids = table.fill(&t, |_, tok| tok.norm_str(&n).to_string());
        for (tok, id) in t.iter().zip(&ids) {
            assert_eq!(table.get(*id), tok.norm_str(&n));
        }
    }

    #[test]
    fn past_its_capacity_it_keeps_the_forms_met_again_with_their_values() {
        small_interner(4);
        let (t, n) = tokens("باكو يريفان موسكو باكو كييف لندن");
        let mut table = FormTable::new();
        let mut computed = Vec::new();
        let mut run = |table: &mut FormTable<String>, block: &[AnalysedToken]| {
            let mut block = block.to_vec();
            assign_form_ids(&mut block);
            let ids = table.fill(&block, |_, tok| {
                computed.push(tok.norm_str(&n).to_string());
                tok.norm_str(&n).to_string()
            });
            ids.iter().map(|&id| table.get(id).clone()).collect::<Vec<_>>()
        };
        assert_eq!(run(&mut table, &t[..4]), ["باكو", "يريفان", "موسكو", "باكو"]);
        // two new forms do not fit: باكو (met again) stays, يريفان and موسكو go, and the new
        // forms take their indices
        assert_eq!(run(&mut table, &t[4..]), ["كييف", "لندن"]);
        with_interner(|interner| assert_eq!(interner.len(), 3));
        assert_eq!(run(&mut table, &t[..1]), ["باكو"]);
        assert_eq!(run(&mut table, &t[1..2]), ["يريفان"]);
        assert_eq!(computed, ["باكو", "يريفان", "موسكو", "كييف", "لندن", "يريفان"]);
    }

    #[test]
    fn a_stale_id_never_reads_another_forms_value() {
        small_interner(4);
        let (mut t, n) = tokens("باكو يريفان موسكو كييف لندن دمشق عمان");
        assign_form_ids(&mut t[..3]);
        let old = t[..3].to_vec();
        let mut table = FormTable::new();
        table.fill(&old, |_, tok| tok.norm_str(&n).to_string());
        // new forms take the indices of the old ones in a new generation
        assign_form_ids(&mut t[3..]);
        let ids = table.fill(&t[3..], |_, tok| tok.norm_str(&n).to_string());
        for (tok, id) in t[3..].iter().zip(&ids) {
            assert_eq!(table.get(*id), tok.norm_str(&n));
        }
        // the old tokens, whose ids no longer hold, still read their own forms
        let ids = table.fill(&old, |_, tok| tok.norm_str(&n).to_string());
        for (tok, id) in old.iter().zip(&ids) {
            assert_eq!(table.get(*id), tok.norm_str(&n));
        }
    }

    #[test]
    fn keeping_the_forms_met_again_keeps_every_kept_form_findable() {
        // many rounds of a few frequent forms among rare ones: each keep rewrites the table
        // where it is, and every form must still find its own value
        small_interner(150);
        let words: Vec<String> = (0..2000).map(|i| format!("w{}", i * 7919 % 2003)).collect();
        let (t, n) = tokens(&words.join(" "));
        let mut table = FormTable::new();
        let mut computed = 0;
        for round in 0..40 {
            let mut block: Vec<AnalysedToken> =
                t.iter().skip(round * 37 % 1900).take(60).chain(t.iter().take(20)).copied().collect();
            assign_form_ids(&mut block);
            let ids = table.fill(&block, |_, tok| {
                computed += 1;
                tok.norm_str(&n).to_string()
            });
            for (tok, id) in block.iter().zip(&ids) {
                assert_eq!(table.get(*id), tok.norm_str(&n));
            }
            with_interner(|interner| assert!(interner.len() <= 150));
        }
        // the twenty frequent forms were met again at every keep: computed once each
        let before = computed;
        let mut block = t[..20].to_vec();
        assign_form_ids(&mut block);
        let ids = table.fill(&block, |_, tok| {
            computed += 1;
            tok.norm_str(&n).to_string()
        });
        assert_eq!(computed, before);
        for (tok, id) in block.iter().zip(&ids) {
            assert_eq!(table.get(*id), tok.norm_str(&n));
        }
    }

    #[test]
    fn ids_from_another_thread_are_looked_up_again() {
        let (t, n) = tokens("باكو يريفان موسكو");
        let stamped = std::thread::spawn(move || {
            let mut t = t;
            assign_form_ids(&mut t);
            t
        })
        .join()
        .unwrap();
        // this thread's interner gives its own ids, whatever the other thread gave
        let (mut other, _) = tokens("كييف لندن دمشق");
        assign_form_ids(&mut other);
        let mut table = FormTable::new();
        table.fill(&other, |_, _| String::new());
        let ids = table.fill(&stamped, |_, tok| tok.norm_str(&n).to_string());
        for (tok, id) in stamped.iter().zip(&ids) {
            assert_eq!(table.get(*id), tok.norm_str(&n));
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
    fn an_owner_change_empties_a_table() {
        let (mut t, _) = tokens("أ ب");
        assign_form_ids(&mut t);
        let mut table = FormTable::new();
        table.keep_for(7);
        let ids = table.fill(&t, |_, _| 1u8);
        table.keep_for(7);
        let kept = table.fill(&t, |_, _| 2u8);
        assert_eq!(*table.get(kept[0]), 1);
        table.keep_for(8);
        let again = table.fill(&t, |_, _| 3u8);
        assert_eq!(again, ids);
        assert_eq!(*table.get(again[1]), 3);
    }
}
