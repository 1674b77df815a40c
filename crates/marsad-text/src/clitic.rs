//! Arabic proclitic segmentation, guarded by a lexicon of words that only look prefixed.
//!
//! Arabic writes conjunctions, some prepositions, the future particle and the article as part of
//! the next word: وبالقرب is و + ب + ال + قرب. Lexicon consumers (gazetteers, trigger tables)
//! need the stem, but a naive stripper turns آلاف into ال + اف and وزير into و + زير. This module
//! strips only what Arabic orthography allows and never cuts into a guard word.
//!
//! # Rules
//!
//! Words are expected in the [analysis](crate::Normalizer::analysis) view (alef forms folded,
//! harakat and tatweel gone). The proclitics, in the only order Arabic allows:
//!
//! ```text
//! [و | ف]?  ( [ب | ك] ال? | ل ل? | س | ال )?
//! ```
//!
//! - ل + ال is written لل (للأمم): the article's surface is then the second ل alone. After ل, a
//!   following ال belongs to the stem (لإلغاء → ل + الغاء), since ل + ال is never written لال.
//! - س (future) only precedes an imperfect-looking stem, starting with ي ت or ن: سيعقد,
//!   وسنواصل. Not ا: the analysis view writes سأ as سا, and words like ساهم, سالم or سانا are
//!   far more frequent than a first-person future (سأكون), which stays whole.
//! - Stem length: after ال the stem needs two letters or more; without ال it needs three, so
//!   وقف, بلد, لها, في and بين stay whole. The exception is a short function word after a bare
//!   conjunction (وفي, ومن, فقد, ولا...), listed in `data/text/clitic-short-stems.txt`.
//! - Guards (`data/text/clitic-guards.txt`, plus any registered with
//!   [`Segmenter::with_guards`]): a word that is a guard is not split, and a word is never split
//!   into a guard: وبوتين is و + بوتين, not و + ب + وتين, while ولبوتين is و + ل + بوتين.
//!
//! [`Segmenter::candidates`] lists every analysis the rules allow, best first: the analysis whose
//! stem is a guard (the whole word when the word itself is a guard), otherwise the longest
//! strip; then the shorter strips down to the whole word. Consumers try them in order until one
//! hits their lexicon.

use std::borrow::Cow;
use std::ops::{ControlFlow, Range};
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::Normalizer;
use crate::tables;

/// A proclitic: a conjunction, preposition, particle or article written as part of the word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Proclitic {
    /// و, "and".
    Wa,
    /// ف, "then, so".
    Fa,
    /// ب, "with, in, by".
    Bi,
    /// ل, "to, for".
    Li,
    /// ك, "like, as".
    Ka,
    /// س, the future particle before an imperfect verb.
    Sa,
    /// ال, the definite article (written ل alone after the preposition ل).
    Al,
}

impl Proclitic {
    /// The proclitic's letters in their full form (ال for the article).
    ///
    /// ```
    /// use marsad_text::Proclitic;
    /// assert_eq!(Proclitic::Al.letters(), "ال");
    /// ```
    pub fn letters(self) -> &'static str {
        match self {
            Proclitic::Wa => "و",
            Proclitic::Fa => "ف",
            Proclitic::Bi => "ب",
            Proclitic::Li => "ل",
            Proclitic::Ka => "ك",
            Proclitic::Sa => "س",
            Proclitic::Al => "ال",
        }
    }

    /// Whether this is one of the conjunctions و and ف.
    pub fn is_conjunction(self) -> bool {
        matches!(self, Proclitic::Wa | Proclitic::Fa)
    }

    /// Whether this is one of the prepositions ب, ل and ك.
    pub fn is_preposition(self) -> bool {
        matches!(self, Proclitic::Bi | Proclitic::Li | Proclitic::Ka)
    }
}

/// One analysis of a word: its proclitics, in order, and its stem (the rest of the word).
///
/// Byte ranges index the word that was segmented; the proclitics and the stem concatenate back
/// to it.
///
/// ```
/// use marsad_text::{Proclitic, segment};
/// let word = "وللامم"; // وللأمم, analysis view
/// let seg = segment(word);
/// let parts: Vec<_> = seg.proclitics().map(|(p, r)| (p, &word[r])).collect();
/// assert_eq!(parts, [(Proclitic::Wa, "و"), (Proclitic::Li, "ل"), (Proclitic::Al, "ل")]);
/// assert_eq!(seg.stem_str(word), "امم");
/// assert_eq!(seg.stem_with_article(word), "الامم");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Segmentation {
    /// Each proclitic with the byte offset where it ends.
    parts: [(Proclitic, u8); 3],
    count: u8,
    /// Bit `p as u8` for each proclitic stripped: every stage asks [`Segmentation::has`] of
    /// most tokens, and a mask answers without a search of the parts.
    mask: u8,
    len: usize,
}

impl Segmentation {
    /// The analysis packed in 64 bits, for keys (equal segmentations of words no longer than
    /// a million bytes give equal numbers, different ones different numbers).
    pub fn fingerprint(&self) -> u64 {
        let mut x = u64::from(self.count);
        for (p, end) in self.parts {
            x = x << 12 | (p as u64) << 8 | u64::from(end);
        }
        x << 20 | (self.len as u64 & 0xf_ffff)
    }

    /// The analysis without proclitics.
    pub fn whole(word: &str) -> Segmentation {
        Segmentation { parts: [(Proclitic::Wa, 0); 3], count: 0, mask: 0, len: word.len() }
    }

    /// The proclitics in order, with their byte ranges in the word.
    pub fn proclitics(&self) -> impl Iterator<Item = (Proclitic, Range<usize>)> + use<> {
        let parts = self.parts;
        (0..usize::from(self.count)).map(move |k| {
            let start = if k == 0 { 0 } else { usize::from(parts[k - 1].1) };
            (parts[k].0, start..usize::from(parts[k].1))
        })
    }

    /// How many proclitics were stripped.
    pub fn proclitic_count(&self) -> usize {
        usize::from(self.count)
    }

    /// Whether the analysis strips `p`.
    #[inline]
    pub fn has(&self, p: Proclitic) -> bool {
        self.mask & 1 << (p as u8) != 0
    }

    /// Whether nothing was stripped.
    pub fn is_whole(&self) -> bool {
        self.count == 0
    }

    /// The stem's byte range in the word.
    pub fn stem(&self) -> Range<usize> {
        self.stem_start()..self.len
    }

    /// The stem of `word` (the word this analysis was made for).
    pub fn stem_str<'w>(&self, word: &'w str) -> &'w str {
        word.get(self.stem()).unwrap_or("")
    }

    /// The stem with its article when the analysis strips one (والولايات → الولايات,
    /// للامم → الامم), otherwise the stem: the form definite lexicon entries are written in.
    pub fn stem_with_article<'w>(&self, word: &'w str) -> Cow<'w, str> {
        let Some(k) = self.parts[..usize::from(self.count)].iter().position(|&(p, _)| p == Proclitic::Al)
        else {
            return Cow::Borrowed(self.stem_str(word));
        };
        let start = if k == 0 { 0 } else { usize::from(self.parts[k - 1].1) };
        let article = word.get(start..self.len).unwrap_or("");
        if article.starts_with("ال") { Cow::Borrowed(article) } else { Cow::Owned(format!("ا{article}")) }
    }

    /// The last proclitic stripped, if any.
    fn last(&self) -> Option<Proclitic> {
        usize::from(self.count).checked_sub(1).and_then(|k| self.parts.get(k)).map(|&(p, _)| p)
    }

    fn stem_start(&self) -> usize {
        match self.count {
            0 => 0,
            n => usize::from(self.parts[usize::from(n) - 1].1).min(self.len),
        }
    }

    fn with(mut self, p: Proclitic, bytes: usize) -> Segmentation {
        let start = self.stem_start();
        if let Some(slot) = self.parts.get_mut(usize::from(self.count)) {
            *slot = (p, u8::try_from(start + bytes).unwrap_or(u8::MAX));
            self.count += 1;
            self.mask |= 1 << (p as u8);
        }
        self
    }
}

/// The chain of strips of a word (the whole word first), which of them the rules accept, and
/// the first whose stem is a guard; strips after it are never considered.
struct Analysis {
    chain: [Segmentation; 4],
    n: usize,
    valid: [bool; 4],
    guard: Option<usize>,
}

/// The analyses a word allows, best first; see [`Segmenter::candidates`].
#[derive(Clone, Debug)]
pub struct Candidates {
    items: [Segmentation; 4],
    len: usize,
    next: usize,
}

impl Candidates {
    fn push(&mut self, seg: Segmentation) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = seg;
            self.len += 1;
        }
    }
}

impl Iterator for Candidates {
    type Item = Segmentation;

    fn next(&mut self) -> Option<Segmentation> {
        let item = self.items[..self.len].get(self.next).copied()?;
        self.next += 1;
        Some(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.len - self.next;
        (left, Some(left))
    }
}

impl ExactSizeIterator for Candidates {}

/// Guard and short-stem lookups run for most Arabic tokens: the Fx hash is a few multiplications
/// per word, and SipHash's DoS resistance buys nothing for fixed word lists.
type WordSet = FxHashSet<Box<str>>;

/// Splits proclitics off Arabic words; see the [module documentation](self) for the rules.
///
/// ```
/// use marsad_text::Segmenter;
/// let segmenter = Segmenter::new().with_guards(["باشينيان"]);
/// let word = "وباشينيان";
/// assert_eq!(segmenter.segment(word).stem_str(word), "باشينيان");
/// let stems: Vec<&str> = segmenter.candidates("بالقرب").map(|s| s.stem_str("بالقرب")).collect();
/// assert_eq!(stems, ["قرب", "القرب", "بالقرب"]);
/// ```
#[derive(Clone, Debug)]
pub struct Segmenter {
    guards: WordSet,
    short_stems: WordSet,
}

impl Default for Segmenter {
    /// The segmenter with the built-in guards.
    fn default() -> Segmenter {
        Segmenter::new()
    }
}

impl Segmenter {
    /// A segmenter with the built-in guard lexicon (a copy of [`Segmenter::builtin`], ready to
    /// take more guards).
    pub fn new() -> Segmenter {
        Segmenter::builtin().clone()
    }

    /// The shared segmenter with the built-in guard lexicon.
    pub fn builtin() -> &'static Segmenter {
        static BUILTIN: LazyLock<Segmenter> = LazyLock::new(|| {
            let mut segmenter = Segmenter { guards: WordSet::default(), short_stems: WordSet::default() };
            for word in tables::entries(tables::CLITIC_GUARDS) {
                segmenter.add_guard(word);
            }
            for word in tables::entries(tables::CLITIC_SHORT_STEMS) {
                segmenter.short_stems.insert(Normalizer::analysis().normalize_str(word).into());
            }
            segmenter
        });
        &BUILTIN
    }

    /// Adds guard words (place and person names from a gazetteer, say). Entries may be written
    /// with hamzas and marks: they are normalised like the words they will be compared with.
    pub fn with_guards<I, S>(mut self, words: I) -> Segmenter
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for word in words {
            self.add_guard(word.as_ref());
        }
        self
    }

    /// Adds one guard word (see [`with_guards`](Segmenter::with_guards)).
    pub fn add_guard(&mut self, word: &str) {
        let word = word.trim();
        if word.is_empty() {
            return;
        }
        let analysis = Normalizer::analysis().normalize_str(word);
        // Search keys fold ة ؤ ئ further; keeping both forms lets either view be segmented.
        let key = Normalizer::search_key().normalize_str(&analysis);
        if key != analysis {
            self.insert_guard(key);
        }
        self.insert_guard(analysis);
    }

    /// Whether `word` (normalised) is a guard word.
    ///
    /// ```
    /// use marsad_text::Segmenter;
    /// assert!(Segmenter::builtin().is_guard("الاف"));
    /// assert!(!Segmenter::builtin().is_guard("والاف"));
    /// ```
    pub fn is_guard(&self, word: &str) -> bool {
        self.guarded(word)
    }

    /// The number of guard entries (normalised forms, both views).
    pub fn guard_count(&self) -> usize {
        self.guards.len()
    }

    /// The preferred analysis of `word`: the first of [`candidates`](Segmenter::candidates).
    ///
    /// ```
    /// use marsad_text::Segmenter;
    /// let s = Segmenter::builtin();
    /// assert_eq!(s.segment("والولايات").stem_str("والولايات"), "ولايات");
    /// assert!(s.segment("الجزائر").is_whole());
    /// ```
    pub fn segment(&self, word: &str) -> Segmentation {
        // The walk of `analyse` without building the chain, stopping at the first guard and
        // keeping only the longest valid strip: this runs for every Arabic token.
        let whole = Segmentation::whole(word);
        let mut best = whole;
        let mut first = true;
        let flow = strips(word, |seg| {
            // The whole word only needs a lookup when it has strips.
            if std::mem::take(&mut first) && self.guarded(word) {
                return ControlFlow::Break(whole);
            }
            if self.valid(word, &seg) {
                if self.guarded(seg.stem_str(word)) {
                    return ControlFlow::Break(seg);
                }
                best = seg;
            }
            ControlFlow::Continue(())
        });
        match flow {
            ControlFlow::Break(seg) => seg,
            ControlFlow::Continue(()) => best,
        }
    }

    /// Every analysis of `word` the rules allow, best first: the one whose stem is a guard (only
    /// the whole word, when it is itself a guard), otherwise the longest strip; then shorter
    /// strips, down to the whole word.
    ///
    /// ```
    /// use marsad_text::Segmenter;
    /// let word = "ولبوتين";
    /// let stems: Vec<&str> = Segmenter::builtin().candidates(word).map(|s| s.stem_str(word)).collect();
    /// assert_eq!(stems, ["بوتين", "لبوتين", "ولبوتين"]);
    /// assert_eq!(Segmenter::builtin().candidates("الاف").count(), 1);
    /// ```
    pub fn candidates(&self, word: &str) -> Candidates {
        let analysis = self.analyse(word);
        let mut out = Candidates { items: [analysis.chain[0]; 4], len: 0, next: 0 };
        let top = match analysis.guard {
            Some(g) => {
                out.push(analysis.chain[g]);
                g
            }
            None => analysis.n + 1,
        };
        for k in (0..top).rev() {
            if analysis.valid[k] {
                out.push(analysis.chain[k]);
            }
        }
        out
    }

    /// Walks the chain of strips from the whole word, checking each stem the rules accept
    /// against the guards, up to the first guard.
    fn analyse(&self, word: &str) -> Analysis {
        let (chain, n) = chain(word);
        let mut analysis = Analysis { chain, n, valid: [true; 4], guard: None };
        if n == 0 {
            return analysis;
        }
        for (k, seg) in chain[..=n].iter().enumerate() {
            let valid = k == 0 || self.valid(word, seg);
            analysis.valid[k] = valid;
            if valid && self.guarded(seg.stem_str(word)) {
                analysis.guard = Some(k);
                break;
            }
        }
        analysis
    }

    fn insert_guard(&mut self, word: String) {
        self.guards.insert(word.into());
    }

    #[inline]
    fn guarded(&self, word: &str) -> bool {
        self.guards.contains(word)
    }

    /// Whether a strip leaves a stem the rules accept.
    #[inline]
    fn valid(&self, word: &str, seg: &Segmentation) -> bool {
        let stem = word.as_bytes().get(seg.stem_start()..).unwrap_or_default();
        // Letters, counted up to three: the bytes that start a character.
        let letters = stem.iter().take(12).filter(|&&b| (b as i8) >= -0x40).take(3).count();
        // ال and س always come last in a chain, so the last proclitic tells which rule applies.
        match seg.last() {
            Some(Proclitic::Al) => letters >= 2,
            Some(Proclitic::Sa) => {
                letters >= 3 && matches!(stem.get(..2), Some(&[a, b]) if IMPERFECT.contains(&[a, b]))
            }
            _ if letters >= 3 => true,
            _ => {
                seg.count == 1
                    && seg.parts[0].0.is_conjunction()
                    && self.short_stems.contains(seg.stem_str(word))
            }
        }
    }
}

/// The analyses of the built-in [`Segmenter`].
///
/// ```
/// use marsad_text::segment;
/// for (word, stem) in [("وارمينيا", "ارمينيا"), ("بالقرب", "قرب"), ("الاف", "الاف"), ("وزير", "وزير")] {
///     assert_eq!(segment(word).stem_str(word), stem);
/// }
/// ```
pub fn segment(word: &str) -> Segmentation {
    Segmenter::builtin().segment(word)
}

/// The whole word followed by every strip orthography allows, shortest first (at most three),
/// with how many strips there are. Validity (stem lengths, guards) is checked by the caller.
fn chain(word: &str) -> ([Segmentation; 4], usize) {
    let mut out = [Segmentation::whole(word); 4];
    let mut n = 0;
    let _ = strips(word, |seg| {
        n += 1;
        if let Some(slot) = out.get_mut(n) {
            *slot = seg;
        }
        ControlFlow::<()>::Continue(())
    });
    (out, n.min(3))
}

/// Hands every strip orthography allows to `visit`, shortest first (at most three), until it
/// breaks.
#[inline(always)]
fn strips<B>(word: &str, mut visit: impl FnMut(Segmentation) -> ControlFlow<B>) -> ControlFlow<B> {
    let bytes = word.as_bytes();
    let letter = |at: usize| match bytes.get(at..at + 2) {
        Some(&[a, b]) => [a, b],
        _ => [0, 0],
    };
    let mut seg = Segmentation::whole(word);
    let mut at = 0;
    if let l @ (WAW | FA) = letter(0) {
        seg = seg.with(if l == WAW { Proclitic::Wa } else { Proclitic::Fa }, 2);
        visit(seg)?;
        at = 2;
    }
    match letter(at) {
        l @ (BA | KAF) => {
            seg = seg.with(if l == BA { Proclitic::Bi } else { Proclitic::Ka }, 2);
            visit(seg)?;
            if letter(at + 2) == ALEF && letter(at + 4) == LAM {
                visit(seg.with(Proclitic::Al, 4))?;
            }
        }
        LAM => {
            seg = seg.with(Proclitic::Li, 2);
            visit(seg)?;
            if letter(at + 2) == LAM {
                visit(seg.with(Proclitic::Al, 2))?;
            }
        }
        SIN => visit(seg.with(Proclitic::Sa, 2))?,
        ALEF if letter(at + 2) == LAM => visit(seg.with(Proclitic::Al, 4))?,
        _ => {}
    }
    ControlFlow::Continue(())
}

// The letters the rules look at, as UTF-8: all are two bytes, so the chain is built on bytes.
const WAW: [u8; 2] = [0xD9, 0x88]; // و
const FA: [u8; 2] = [0xD9, 0x81]; // ف
const BA: [u8; 2] = [0xD8, 0xA8]; // ب
const KAF: [u8; 2] = [0xD9, 0x83]; // ك
const LAM: [u8; 2] = [0xD9, 0x84]; // ل
const SIN: [u8; 2] = [0xD8, 0xB3]; // س
const ALEF: [u8; 2] = [0xD8, 0xA7]; // ا
/// The prefixes of an imperfect verb that س may precede (ي ت ن; not أ, folded into the ا that
/// starts ساهم, سالم...).
const IMPERFECT: [[u8; 2]; 3] = [[0xD9, 0x8A], [0xD8, 0xAA], [0xD9, 0x86]];

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    /// The preferred analysis as `p+p+stem`, with the proclitics' surface letters.
    fn show(word: &str) -> String {
        let word = Normalizer::analysis().normalize_str(word);
        let seg = segment(&word);
        let mut parts: Vec<&str> = seg.proclitics().map(|(_, r)| &word[r]).collect();
        parts.push(seg.stem_str(&word));
        parts.join("+")
    }

    #[test]
    fn strips_what_orthography_allows() {
        assert_eq!(show("وأرمينيا"), "و+ارمينيا");
        assert_eq!(show("والولايات"), "و+ال+ولايات");
        assert_eq!(show("للأمم"), "ل+ل+امم");
        assert_eq!(show("بالقرب"), "ب+ال+قرب");
        assert_eq!(show("وبالتالي"), "و+ب+ال+تالي");
        assert_eq!(show("فسيعقد"), "ف+س+يعقد");
        assert_eq!(show("وسيعقد"), "و+س+يعقد");
        assert_eq!(show("وسنواصل"), "و+س+نواصل");
        assert_eq!(show("كالعادة"), "ك+ال+عادة");
        assert_eq!(show("وللأمم"), "و+ل+ل+امم");
        assert_eq!(show("فبالتالي"), "ف+ب+ال+تالي");
    }

    #[test]
    fn guard_words_stay_whole() {
        for word in [
            "آلاف",
            "الاف",
            "ألف",
            "الجزائر",
            "ألمانيا",
            "الله",
            "إلى",
            "الذي",
            "التي",
            "الذين",
            "اللذان",
            "اللتان",
            "اللاتي",
            "الآن",
            "أول",
            "وزير",
            "وزارة",
            "بين",
            "في",
            "لها",
            "وقف",
            "بلد",
            "واشنطن",
            "بريطانيا",
            "لبنان",
            "كييف",
            "سوريا",
            "سبتمبر",
            "فلسطين",
        ] {
            assert_eq!(show(word), Normalizer::analysis().normalize_str(word), "{word}");
        }
    }

    #[test]
    fn stripping_never_cuts_into_a_guard() {
        assert_eq!(show("ولبوتين"), "و+ل+بوتين");
        assert_eq!(show("وبوتين"), "و+بوتين");
        assert_eq!(show("وآلاف"), "و+الاف");
        assert_eq!(show("والجزائر"), "و+الجزائر");
        assert_eq!(show("لألمانيا"), "ل+المانيا");
        assert_eq!(show("وبيروت"), "و+بيروت");
    }

    #[test]
    fn short_function_words_after_a_conjunction() {
        assert_eq!(show("وفي"), "و+في");
        assert_eq!(show("ومن"), "و+من");
        assert_eq!(show("فقد"), "ف+قد");
        assert_eq!(show("ولا"), "و+لا");
        // but not after a preposition, nor any two letters
        assert_eq!(show("لها"), "لها");
        assert_eq!(show("وقف"), "وقف");
    }

    #[test]
    fn future_particle_only_before_imperfect_stems() {
        assert_eq!(show("سيارة"), "سيارة");
        assert_eq!(show("سلاح"), "سلاح");
        assert_eq!(show("سيتم"), "س+يتم");
        assert_eq!(show("ستكون"), "س+تكون");
        assert_eq!(show("سيعقد"), "س+يعقد");
        assert_eq!(show("وسنواصل"), "و+س+نواصل");
    }

    #[test]
    fn future_particle_is_not_stripped_before_alef() {
        // سأ is written سا in the analysis view, where سا- words are nearly all nouns, names
        // and perfect verbs.
        for word in ["سانا", "ساهم", "وساهم", "سالم", "سامي", "سانت", "ساعد", "سألت", "سابع", "ساكون"]
        {
            let word = Normalizer::analysis().normalize_str(word);
            assert!(!segment(&word).has(Proclitic::Sa), "{word}");
        }
        assert_eq!(show("وساهم"), "و+ساهم");
    }

    #[test]
    fn sin_initial_numbers_and_names_are_not_future_verbs() {
        for word in ["ستون", "ستين", "ستمائة", "ستمئة", "ستينيات", "سنجار", "سيدي", "سنحت", "ستالين", "سترة"]
        {
            assert_eq!(show(word), Normalizer::analysis().normalize_str(word), "{word}");
        }
        assert_eq!(show("وستين"), "و+ستين");
        assert_eq!(show("وسنحت"), "و+سنحت");
        assert_eq!(show("بسنجار"), "ب+سنجار");
        assert_eq!(show("فستان"), "فستان");
    }

    #[test]
    fn frequent_words_that_only_look_prefixed() {
        let words =
            "فكرة وافق بطاقة كريم بنود فرقة ورقة بحيرة بكين وادي فنية لجان كلام بضائع وفيات لديك بطالة فيصل";
        for word in words.split(' ') {
            assert_eq!(show(word), Normalizer::analysis().normalize_str(word), "{word}");
        }
        assert_eq!(show("والفكرة"), "و+ال+فكرة");
        assert_eq!(show("وبطاقة"), "و+بطاقة");
        assert_eq!(show("لفرقة"), "ل+فرقة");
        // genuine splits stay
        assert_eq!(show("بشكل"), "ب+شكل");
        assert_eq!(show("بسبب"), "ب+سبب");
        assert_eq!(show("وأضاف"), "و+اضاف");
        assert_eq!(show("لمدة"), "ل+مدة");
    }

    #[test]
    fn li_before_alef_lam_keeps_it_in_the_stem() {
        // لإلغاء: ل + إلغاء, never ل + ال + غاء
        let word = Normalizer::analysis().normalize_str("لإنهاء");
        assert_eq!(show(&word), "ل+انهاء");
    }

    #[test]
    fn candidates_fall_back_to_shorter_strips() {
        let word = "للقاء";
        let stems: Vec<&str> = Segmenter::builtin().candidates(word).map(|s| s.stem_str(word)).collect();
        assert_eq!(stems, ["لقاء", "للقاء"]);
        let word = "والقصف";
        let stems: Vec<&str> = Segmenter::builtin().candidates(word).map(|s| s.stem_str(word)).collect();
        assert_eq!(stems, ["قصف", "القصف", "والقصف"]);
    }

    #[test]
    fn runtime_guards_are_normalised() {
        let builtin = Segmenter::builtin().guard_count();
        let s = Segmenter::new().with_guards(["لُوكاشِينْكو", "  "]);
        assert!(s.is_guard("لوكاشينكو"));
        assert_eq!(s.segment("ولوكاشينكو").stem_str("ولوكاشينكو"), "لوكاشينكو");
        // one entry when both views agree, two for a word with ة, none for a known guard
        assert_eq!(s.guard_count(), builtin + 1);
        let s = s.with_guards(["بيلاروسية", "وزارة", "بلينكن"]);
        assert_eq!(s.guard_count(), builtin + 3);
        assert!(s.is_guard("بيلاروسية") && s.is_guard("بيلاروسيه"));
    }

    /// The words a guard entry can meet: the entry after every proclitic chain the rules
    /// allow (ل + ال written لل).
    fn contexts(form: &str) -> Vec<String> {
        const PREFIXES: [&str; 27] = [
            "", "و", "ف", "ب", "ك", "ل", "س", "ال", "وب", "وك", "ول", "وس", "فب", "فك", "فل", "فس", "بال",
            "كال", "لل", "وال", "فال", "وبال", "وكال", "ولل", "فبال", "فكال", "فلل",
        ];
        let mut words: Vec<String> = PREFIXES.iter().map(|p| format!("{p}{form}")).collect();
        if let Some(rest) = form.strip_prefix('ا').filter(|r| r.starts_with('ل')) {
            words.extend(["ل", "ول", "فل"].iter().map(|p| format!("{p}{rest}")));
        }
        words
    }

    /// The normalised forms `add_guard` stores for an entry.
    fn forms(entry: &str) -> Vec<String> {
        let analysis = Normalizer::analysis().normalize_str(entry);
        let key = Normalizer::search_key().normalize_str(&analysis);
        if key == analysis { vec![analysis] } else { vec![analysis, key] }
    }

    #[test]
    fn every_guard_entry_is_needed_once() {
        let builtin = Segmenter::builtin();
        let mut seen = HashSet::new();
        let duplicates: Vec<&str> =
            tables::entries(tables::CLITIC_GUARDS).filter(|e| !seen.insert(forms(e)[0].clone())).collect();
        assert!(duplicates.is_empty(), "entries listed twice once normalised: {duplicates:?}");
        // An entry is dead when removing it changes no analysis of any word it can occur in.
        let mut without = builtin.clone();
        let mut dead = Vec::new();
        for entry in tables::entries(tables::CLITIC_GUARDS) {
            let forms = forms(entry);
            for form in &forms {
                without.guards.remove(form.as_str());
            }
            let unchanged = forms
                .iter()
                .flat_map(|f| contexts(f))
                .all(|word| builtin.candidates(&word).eq(without.candidates(&word)));
            for form in forms {
                without.guards.insert(form.into());
            }
            if unchanged {
                dead.push(entry);
            }
        }
        assert!(dead.is_empty(), "{} guard entries the rules never split: {dead:?}", dead.len());
    }

    #[test]
    fn segmentation_concatenates_back() {
        for word in ["وبالتالي", "للامم", "والولايات", "", "و", "ال", "abc", "وس", "ولل"]
        {
            for seg in Segmenter::builtin().candidates(word) {
                let mut rebuilt = String::new();
                for (_, r) in seg.proclitics() {
                    rebuilt.push_str(&word[r]);
                }
                rebuilt.push_str(seg.stem_str(word));
                assert_eq!(rebuilt, word);
            }
        }
    }
}
