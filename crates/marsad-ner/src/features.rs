//! The features of a token: one function, [`extract`], over a sentence of marsad's analysed
//! tokens, used both to train (on corpus sentences run through marsad-text, see
//! [`crate::corpus::Prepared`]) and to tag, so that the two see the same features.
//!
//! Every feature is a 64-bit hash of a template and a value, computed with hash functions
//! written here (FNV-1a over code points, the SplitMix64 finaliser), so that a model file stays
//! valid whatever the version of the standard library or of a hashing crate. Words are hashed
//! under the knowledge base's key ([`marsad_kb::names::key`]: ة → ه, ؤ → و, ئ → ي, Latin
//! lowercased), on the normalised view ([`marsad_text::Normalizer::analysis`]).
//!
//! Per token:
//! - the word without conjunction and preposition, the article kept (`core`: للعراق →
//!   العراق, وأرمينيا → ارمينيا), its stem (every proclitic off: عراق), the proclitics, the
//!   first and last two and three letters of the stem, its length, the token's shape (Arabic,
//!   Latin capitalised or not, digits by length, punctuation);
//! - the core words two tokens to each side, the stems one token to each side, the shapes of
//!   the three tokens, the last two letters and the proclitics of the next token (no word
//!   bigrams: version 1 had the bigrams with the previous and the next word, which scored no
//!   better on NewsFANE's held-out tenth, 70.94 with them and 71.31 without, and cost the
//!   tagger two look-ups a token in a table of weights out of the processor's cache);
//! - with a knowledge base: whether a name of the knowledge base ([`Kb::find`]) starts or goes
//!   on here (`B-GPE`, `I-ORG`, with the entry's subtype and whether it matched exactly, by its
//!   loose key or with a typo), and on the neighbours; whether the word is a nisba adjective, a
//!   first name (Arabic or foreign), starts or continues a title (title, role, honorific, kin
//!   particle) or directly follows one, on the token and its neighbours.
//!
//! The knowledge base's common words are not used: `data/kb/common-words.txt` is derived from
//! NewsFANE's tags, the training data, so a feature on it would learn from the labels twice
//! and inflate held-out scores. For the same reason a match's `ambiguous` mark (which comes from
//! that list) is left out.
//!
//! Changing what this module computes changes the meaning of a model's weights: bump
//! [`FEATURES_VERSION`] and retrain.

use marsad_kb::{EntityType, How, Kb, Match, TitleKind};
use marsad_text::{AnalysedToken, Proclitic, TokenKind};

/// The version of the feature definitions; a model records the version it was trained with.
pub const FEATURES_VERSION: u32 = 2;

/// The knowledge base, and the names [`Kb::find`] found in the sentence.
#[derive(Clone, Copy, Debug)]
pub struct Gazetteer<'k> {
    /// The knowledge base.
    pub kb: &'k Kb,
    /// Its names in the sentence.
    pub matches: &'k [Match],
}

/// The feature hashes of a sentence's tokens.
#[derive(Clone, Debug, Default)]
pub struct Features {
    hashes: Vec<u64>,
    ends: Vec<u32>,
}

impl Features {
    /// How many tokens.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The features of token `i` (empty when out of range).
    pub fn token(&self, i: usize) -> &[u64] {
        let start = if i == 0 { 0 } else { self.ends.get(i - 1).map_or(0, |&e| e as usize) };
        let end = self.ends.get(i).map_or(start, |&e| e as usize);
        self.hashes.get(start..end).unwrap_or(&[])
    }

    /// Every feature of every token, in order.
    pub fn all(&self) -> &[u64] {
        &self.hashes
    }

    fn clear(&mut self) {
        self.hashes.clear();
        self.ends.clear();
    }
}

// ---------------------------------------------------------------------------------------------
// Hashing

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

#[inline]
fn fnv(h: u64, c: char) -> u64 {
    (h ^ u64::from(c)).wrapping_mul(FNV_PRIME)
}

#[inline]
fn fnv_chars(chars: &[char]) -> u64 {
    chars.iter().fold(FNV_OFFSET, |h, &c| fnv(h, c))
}

/// The SplitMix64 finaliser: a bijection that spreads every input bit.
#[inline]
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The hash of feature template `template` with value `value`.
#[inline]
fn feature(template: u64, value: u64) -> u64 {
    mix(value ^ template.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// The value of a pair.
#[inline]
fn pair(a: u64, b: u64) -> u64 {
    mix(a.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ b.rotate_left(29))
}

/// Folds a character like [`marsad_kb::names::key`], passing the result(s) to `push`.
#[inline]
fn fold(c: char, mut push: impl FnMut(char)) {
    match c {
        'ة' => push('ه'),
        'ؤ' => push('و'),
        'ئ' => push('ي'),
        '\u{0600}'..='\u{06FF}' => push(c),
        c if c.is_ascii() => push(c.to_ascii_lowercase()),
        c if c.is_uppercase() => c.to_lowercase().for_each(push),
        c => push(c),
    }
}

// ---------------------------------------------------------------------------------------------
// Templates

mod t {
    pub const BIAS: u64 = 1;
    pub const CORE: u64 = 2;
    pub const STEM: u64 = 3;
    pub const PRE2: u64 = 4;
    pub const PRE3: u64 = 5;
    pub const SUF2: u64 = 6;
    pub const SUF3: u64 = 7;
    pub const SHAPE: u64 = 8;
    pub const LEN: u64 = 9;
    pub const PROCL: u64 = 10;
    pub const CORE_M1: u64 = 11;
    pub const CORE_P1: u64 = 12;
    pub const CORE_M2: u64 = 13;
    pub const CORE_P2: u64 = 14;
    pub const STEM_M1: u64 = 15;
    pub const STEM_P1: u64 = 16;
    // 17, 18: retired templates (the word bigrams), not in version 2 models
    pub const SHAPES: u64 = 19;
    pub const SUF2_P1: u64 = 20;
    pub const PROCL_P1: u64 = 21;
    // 22 to 25: retired templates (four-letter affixes, the previous token's suffix, skip
    // bigrams), not in version 1 or 2 models
    pub const GAZ: u64 = 30;
    pub const GAZ_SUB: u64 = 31;
    pub const GAZ_FLAGS: u64 = 32;
    pub const GAZ_M1: u64 = 33;
    pub const GAZ_P1: u64 = 34;
    pub const NISBA: u64 = 35;
    pub const NISBA_M1: u64 = 36;
    pub const NISBA_P1: u64 = 37;
    pub const GIVEN: u64 = 38;
    pub const GIVEN_M1: u64 = 39;
    pub const GIVEN_P1: u64 = 40;
    pub const TITLE: u64 = 41;
    pub const TITLE_M1: u64 = 42;
    pub const AFTER_TITLE: u64 = 43;
    pub const GIVEN_CORE: u64 = 45;
}

// ---------------------------------------------------------------------------------------------
// Atoms: what is computed once per token and read by its neighbours' features

/// Shapes.
mod shape {
    pub const ARABIC: u8 = 1;
    pub const LATIN_UPPER: u8 = 2;
    pub const LATIN_CAPITALISED: u8 = 3;
    pub const LATIN_LOWER: u8 = 4;
    pub const OTHER_WORD: u8 = 5;
    pub const NUMBER: u8 = 6;
    pub const PUNCT: u8 = 7;
    pub const SYMBOL: u8 = 8;
    /// Before the first token and after the last.
    pub const EDGE: u8 = 9;
}

#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Atoms {
    core: u64,
    stem: u64,
    pre2: u64,
    pre3: u64,
    suf2: u64,
    suf3: u64,
    shape: u8,
    len: u8,
    procl: u8,
    /// 0, or 1 + 4·(0 for B, 1 for I) + type.
    gaz: u8,
    gaz_sub: u64,
    gaz_flags: u8,
    nisba: bool,
    /// 0, 1 Arabic first name, 2 foreign.
    given: u8,
    /// 0, or 1 + 2·kind + (0 first word, 1 later word).
    title: u8,
    /// 0, or 1 + kind of the title that ends just before.
    after_title: u8,
}

const EDGE_WORD: u64 = 0x5eed_0000_0000_0001;

impl Atoms {
    /// The shape code (at most [`SHAPES`]).
    pub(crate) fn shape(&self) -> u8 {
        self.shape
    }

    /// Atoms with only the shape set: what the features reading several tokens need of a
    /// token's lexical atoms (the rest of what they read is context: names, titles).
    pub(crate) fn of_shape(shape: u8) -> Atoms {
        Atoms { shape, ..Atoms::default() }
    }

    pub(crate) fn edge() -> Atoms {
        Atoms { core: EDGE_WORD, stem: EDGE_WORD, shape: shape::EDGE, ..Atoms::default() }
    }
}

fn length_bucket(chars: usize) -> u8 {
    match chars {
        0..=7 => chars as u8,
        8..=9 => 8,
        _ => 10,
    }
}

fn proclitic_bit(p: Proclitic) -> u8 {
    match p {
        Proclitic::Wa => 1,
        Proclitic::Fa => 2,
        Proclitic::Bi => 4,
        Proclitic::Li => 8,
        Proclitic::Ka => 16,
        Proclitic::Sa => 32,
        Proclitic::Al => 64,
    }
}

fn type_code(t: EntityType) -> u8 {
    // the label order's type index, below 4
    crate::type_index(t) as u8
}

fn title_code(k: TitleKind) -> u8 {
    match k {
        TitleKind::Title => 0,
        TitleKind::Role => 1,
        TitleKind::Honorific => 2,
        TitleKind::Kin => 3,
    }
}

/// Reusable buffers for [`extract_with`].
#[derive(Debug, Default)]
pub struct Scratch {
    atoms: Vec<Atoms>,
    chars: Vec<char>,
    /// Keys for the knowledge base: per token, the word as written and its core form.
    keys: String,
    key_ranges: Vec<(u32, u32, u32)>,
}

/// The features of `tokens` (a sentence), whose normalised forms index `normalized`.
pub fn extract(tokens: &[AnalysedToken], normalized: &str, gazetteer: Option<Gazetteer<'_>>) -> Features {
    let mut out = Features::default();
    extract_with(tokens, normalized, gazetteer, &mut out, &mut Scratch::default());
    out
}

/// [`extract`] into `out`, with reusable buffers.
pub fn extract_with(
    tokens: &[AnalysedToken],
    normalized: &str,
    gazetteer: Option<Gazetteer<'_>>,
    out: &mut Features,
    scratch: &mut Scratch,
) {
    out.clear();
    scratch.atoms.clear();
    scratch.keys.clear();
    scratch.key_ranges.clear();
    for t in tokens {
        let a = lexical_atoms(t, normalized, gazetteer.is_some(), scratch);
        scratch.atoms.push(a);
    }
    if let Some(g) = gazetteer {
        gazetteer_atoms(g, tokens, scratch);
    }
    let atoms = &scratch.atoms;
    let edge = Atoms::edge();
    let at = |i: isize| -> &Atoms { if i < 0 { &edge } else { atoms.get(i as usize).unwrap_or(&edge) } };
    let gaz = gazetteer.is_some();
    out.hashes.reserve(atoms.len() * 28);
    for i in 0..atoms.len() as isize {
        let (a, m1, m2, p1, p2) = (at(i), at(i - 1), at(i - 2), at(i + 1), at(i + 2));
        let mut push = |h: u64| out.hashes.push(h);
        // the lexical features first, then the knowledge base's
        own_features(a, false, &mut push);
        before_features(m1, false, &mut push);
        before2_features(m2, &mut push);
        after_features(p1, false, &mut push);
        after2_features(p2, &mut push);
        context_features(a, m1, p1, false, &mut push);
        if gaz {
            own_features(a, true, &mut push);
            before_features(m1, true, &mut push);
            after_features(p1, true, &mut push);
            context_features(a, m1, p1, true, &mut push);
        }
        out.ends.push(u32::try_from(out.hashes.len()).unwrap_or(u32::MAX));
    }
}

// The features of token i, by the tokens they read. A word form's own features and what it
// adds to its neighbours' depend on nothing else: [`crate::model`] sums their weights once per
// form ([`FormScores`]). Each function gives the lexical features, or with `gaz` the knowledge
// base's.

/// The features reading token i alone (its lexical atoms, its nisba and first-name marks).
pub(crate) fn own_features(a: &Atoms, gaz: bool, push: &mut impl FnMut(u64)) {
    if gaz {
        if a.nisba {
            push(feature(t::NISBA, 1));
        }
        if a.given != 0 {
            push(feature(t::GIVEN, u64::from(a.given)));
            push(feature(t::GIVEN_CORE, pair(u64::from(a.given), a.core)));
        }
        return;
    }
    push(feature(t::BIAS, 0));
    push(feature(t::CORE, a.core));
    push(feature(t::STEM, a.stem));
    for (tpl, v) in [(t::PRE2, a.pre2), (t::PRE3, a.pre3), (t::SUF2, a.suf2), (t::SUF3, a.suf3)] {
        if v != 0 {
            push(feature(tpl, v));
        }
    }
    push(feature(t::SHAPE, u64::from(a.shape)));
    push(feature(t::LEN, u64::from(a.shape) << 8 | u64::from(a.len)));
    push(feature(t::PROCL, u64::from(a.procl)));
}

/// The features of token i reading token i − 1 alone.
pub(crate) fn before_features(m1: &Atoms, gaz: bool, push: &mut impl FnMut(u64)) {
    if gaz {
        if m1.nisba {
            push(feature(t::NISBA_M1, 1));
        }
        if m1.given != 0 {
            push(feature(t::GIVEN_M1, u64::from(m1.given)));
        }
        return;
    }
    push(feature(t::CORE_M1, m1.core));
    push(feature(t::STEM_M1, m1.stem));
}

/// The features of token i reading token i − 2 alone.
pub(crate) fn before2_features(m2: &Atoms, push: &mut impl FnMut(u64)) {
    push(feature(t::CORE_M2, m2.core));
}

/// The features of token i reading token i + 1 alone.
pub(crate) fn after_features(p1: &Atoms, gaz: bool, push: &mut impl FnMut(u64)) {
    if gaz {
        if p1.nisba {
            push(feature(t::NISBA_P1, 1));
        }
        if p1.given != 0 {
            push(feature(t::GIVEN_P1, u64::from(p1.given)));
        }
        return;
    }
    push(feature(t::CORE_P1, p1.core));
    push(feature(t::STEM_P1, p1.stem));
    if p1.suf2 != 0 {
        push(feature(t::SUF2_P1, p1.suf2));
    }
    push(feature(t::PROCL_P1, u64::from(p1.procl)));
}

/// The features of token i reading token i + 2 alone.
pub(crate) fn after2_features(p2: &Atoms, push: &mut impl FnMut(u64)) {
    push(feature(t::CORE_P2, p2.core));
}

/// The features of token i reading several tokens, or what the knowledge base found around
/// it (names, titles).
pub(crate) fn context_features(a: &Atoms, m1: &Atoms, p1: &Atoms, gaz: bool, push: &mut impl FnMut(u64)) {
    if !gaz {
        push(shapes_feature(m1.shape, a.shape, p1.shape));
        return;
    }
    gazetteer_context_features(a, m1, p1, push);
}

/// The feature of token i reading the shapes of tokens i − 1, i and i + 1.
#[inline]
pub(crate) fn shapes_feature(m1: u8, a: u8, p1: u8) -> u64 {
    feature(t::SHAPES, u64::from(m1) << 16 | u64::from(a) << 8 | u64::from(p1))
}

/// The largest shape code (the edge's): shapes index tables of `SHAPES + 1` rows.
pub(crate) const SHAPES: usize = shape::EDGE as usize;

/// The knowledge-base part of [`context_features`].
#[inline]
pub(crate) fn gazetteer_context_features(a: &Atoms, m1: &Atoms, p1: &Atoms, push: &mut impl FnMut(u64)) {
    if a.gaz != 0 {
        push(feature(t::GAZ, u64::from(a.gaz)));
        push(feature(t::GAZ_SUB, pair(u64::from(a.gaz), a.gaz_sub)));
        push(feature(t::GAZ_FLAGS, u64::from(a.gaz) << 8 | u64::from(a.gaz_flags)));
    }
    if m1.gaz != 0 {
        push(feature(t::GAZ_M1, u64::from(m1.gaz)));
    }
    if p1.gaz != 0 {
        push(feature(t::GAZ_P1, u64::from(p1.gaz)));
    }
    if a.title != 0 {
        push(feature(t::TITLE, u64::from(a.title)));
    }
    if m1.title != 0 {
        push(feature(t::TITLE_M1, u64::from(m1.title)));
    }
    if a.after_title != 0 {
        push(feature(t::AFTER_TITLE, u64::from(a.after_title)));
    }
}

/// What a token says by itself, with a knowledge base its word marks too ([`word_atoms`]),
/// and its keys as written and in core form (empty without a knowledge base).
pub(crate) fn form_atoms(
    t: &AnalysedToken,
    normalized: &str,
    kb: Option<&Kb>,
    s: &mut Scratch,
) -> (Atoms, Box<str>, Box<str>) {
    s.keys.clear();
    s.key_ranges.clear();
    let mut a = lexical_atoms(t, normalized, kb.is_some(), s);
    let (written, core) = match s.key_ranges.last() {
        Some(&(x, y, z)) => (
            s.keys.get(x as usize..y as usize).unwrap_or(""),
            s.keys.get(y as usize..z as usize).unwrap_or(""),
        ),
        None => ("", ""),
    };
    if let Some(kb) = kb.filter(|_| t.token.kind == TokenKind::Arabic) {
        word_atoms(kb, core, &mut a);
    }
    (a, written.into(), core.into())
}

/// What a token says by itself; with `keys`, its knowledge-base keys go to the scratch.
pub(crate) fn lexical_atoms(t: &AnalysedToken, normalized: &str, keys: bool, s: &mut Scratch) -> Atoms {
    let word = t.norm_str(normalized);
    let chars = &mut s.chars;
    chars.clear();
    let mut a = Atoms::default();
    // the folded word; where its stem starts, in chars
    let mut stem_from = 0;
    match t.token.kind {
        TokenKind::Arabic => {
            a.shape = shape::ARABIC;
            let (stem_start, mut has_al) = match t.segmentation {
                Some(seg) => {
                    for (p, _) in seg.proclitics() {
                        a.procl |= proclitic_bit(p);
                    }
                    (seg.stem().start, seg.has(Proclitic::Al))
                }
                None => (0, false),
            };
            let mut found = None;
            for (b, c) in word.char_indices() {
                if b == stem_start {
                    found = Some(chars.len());
                }
                fold(c, |c| chars.push(c));
            }
            match found {
                Some(k) if k < chars.len() => stem_from = k,
                _ => {
                    // no stem left: the whole word
                    has_al = false;
                    a.procl = 0;
                }
            }
            let stem = &chars[stem_from..];
            a.stem = fnv_chars(stem);
            a.core = if has_al {
                stem.iter().fold(fnv(fnv(FNV_OFFSET, 'ا'), 'ل'), |h, &c| fnv(h, c))
            } else {
                a.stem
            };
            affixes(stem, &mut a);
            a.len = length_bucket(stem.len());
        }
        TokenKind::Word => {
            let mut letters = word.chars().filter(|c| c.is_alphabetic());
            let first_upper = letters.next().is_some_and(char::is_uppercase);
            let rest_upper = word.chars().filter(|c| c.is_alphabetic()).skip(1).all(char::is_uppercase);
            let latin = word.chars().all(|c| c.is_ascii() || !c.is_alphabetic());
            a.shape = match (latin, first_upper, rest_upper) {
                (false, ..) => shape::OTHER_WORD,
                (true, true, true) if word.chars().count() > 1 => shape::LATIN_UPPER,
                (true, true, _) => shape::LATIN_CAPITALISED,
                _ => shape::LATIN_LOWER,
            };
            for c in word.chars() {
                fold(c, |c| chars.push(c));
            }
            a.stem = fnv_chars(chars);
            a.core = a.stem;
            affixes(chars, &mut a);
            a.len = length_bucket(chars.len());
        }
        TokenKind::Number => {
            a.shape = shape::NUMBER;
            // digits by their count: 2020 and 1999 are one word
            for c in word.chars() {
                chars.push(if c.is_ascii_digit() { '0' } else { c });
            }
            a.stem = fnv_chars(chars);
            a.core = a.stem;
            a.len = length_bucket(chars.len());
        }
        TokenKind::Punct | TokenKind::Symbol => {
            a.shape = if t.token.kind == TokenKind::Punct { shape::PUNCT } else { shape::SYMBOL };
            // one character is enough (… and ... alike)
            chars.extend(word.chars().take(1));
            a.stem = fnv_chars(chars);
            a.core = a.stem;
            a.len = 1;
        }
    }
    if keys {
        // the word as written, then its core form (the article kept when it was stripped)
        let start = s.keys.len() as u32;
        s.keys.extend(chars.iter());
        let mid = s.keys.len() as u32;
        if t.token.kind == TokenKind::Arabic {
            if a.procl & proclitic_bit(Proclitic::Al) != 0 {
                s.keys.push_str("ال");
            }
            s.keys.extend(chars[stem_from..].iter());
        }
        s.key_ranges.push((start, mid, s.keys.len() as u32));
    }
    a
}

fn affixes(stem: &[char], a: &mut Atoms) {
    let n = stem.len();
    if n > 2 {
        a.pre2 = fnv_chars(&stem[..2]);
        a.suf2 = fnv_chars(&stem[n - 2..]);
    }
    if n > 3 {
        a.pre3 = fnv_chars(&stem[..3]);
        a.suf3 = fnv_chars(&stem[n - 3..]);
    }
}

/// Knowledge-base atoms: names, nisba adjectives, first names, titles.
fn gazetteer_atoms(g: Gazetteer<'_>, tokens: &[AnalysedToken], s: &mut Scratch) {
    let n = tokens.len().min(s.atoms.len());
    match_atoms(g, &mut s.atoms[..n]);
    let keys = &s.keys;
    let ranges = &s.key_ranges;
    let written = |i: usize| ranges.get(i).and_then(|&(a, b, _)| keys.get(a as usize..b as usize));
    let core = |i: usize| ranges.get(i).and_then(|&(_, b, c)| keys.get(b as usize..c as usize));
    for (i, token) in tokens.iter().enumerate().take(n) {
        if token.token.kind != TokenKind::Arabic {
            continue;
        }
        let Some(k) = core(i) else { continue };
        word_atoms(g.kb, k, &mut s.atoms[i]);
    }
    title_atoms(
        g.kb,
        &mut s.atoms[..n],
        |i| {
            (tokens.get(i)?.token.kind == TokenKind::Arabic)
                .then(|| core(i))
                .flatten()
                .filter(|k| !k.is_empty())
        },
        written,
    );
}

/// The knowledge base's marks on an Arabic word by itself (`core` is its core key): a nisba
/// adjective, a first name.
pub(crate) fn word_atoms(kb: &Kb, core: &str, a: &mut Atoms) {
    if core.is_empty() {
        return;
    }
    if kb.nisba(core).is_some() {
        a.nisba = true;
    }
    if let Some(given) = kb.given_name(core) {
        a.given = if given.arabic { 1 } else { 2 };
    }
}

/// The names the knowledge base found ([`Gazetteer::matches`]), on their tokens' atoms.
pub(crate) fn match_atoms(g: Gazetteer<'_>, atoms: &mut [Atoms]) {
    let n = atoms.len();
    for m in g.matches {
        let Some(c) = m.candidates.first() else { continue };
        let Some(entry) = g.kb.entries().get(c.entry.index()) else { continue };
        let code = type_code(entry.etype);
        let sub = entry.subtype.chars().fold(FNV_OFFSET, fnv);
        let flags = match c.how {
            How::Exact => 0,
            How::Loose => 2,
            How::Typo => 4,
        };
        let (start, end) = (m.start.min(n), m.end.min(n));
        for (k, a) in atoms[start..end].iter_mut().enumerate() {
            a.gaz = 1 + if k == 0 { 0 } else { 4 } + code;
            a.gaz_sub = sub;
            a.gaz_flags = flags;
        }
    }
}

/// Titles, roles, honorifics and kin particles, on their tokens' atoms and on the token after:
/// `starts(i)` is the core key of token i where a title may start there, `written(i)` its key
/// as written.
pub(crate) fn title_atoms<'k>(
    kb: &Kb,
    atoms: &mut [Atoms],
    starts: impl Fn(usize) -> Option<&'k str>,
    written: impl Fn(usize) -> Option<&'k str>,
) {
    let n = atoms.len();
    for i in 0..n {
        let Some(k) = starts(i) else { continue };
        if let Some((len, title)) = kb.title(k, |j| written(i + 1 + j)) {
            let kind = title_code(title.kind);
            for (k, a) in atoms[i..(i + len).min(n)].iter_mut().enumerate() {
                if a.title == 0 {
                    a.title = 1 + 2 * kind + u8::from(k > 0);
                }
            }
            if let Some(a) = atoms.get_mut(i + len) {
                a.after_title = 1 + kind;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use marsad_text::{Normalizer, Segmenter, analyse};

    use super::*;

    fn analysed(text: &str) -> (Vec<AnalysedToken>, String) {
        let norm = Normalizer::analysis().normalize(text);
        let tokens = analyse(&norm, norm.full_span(), Segmenter::builtin()).collect();
        (tokens, norm.text().to_string())
    }

    fn features(text: &str) -> Features {
        let (tokens, normalized) = analysed(text);
        extract(&tokens, &normalized, None)
    }

    /// The hash of the CORE template of token `i`.
    fn core(f: &Features, i: usize) -> u64 {
        f.token(i)[1]
    }

    #[test]
    fn one_group_of_features_per_token() {
        let (tokens, normalized) = analysed("قال محمد الجبوري، 2020: «نعم» Reuters.");
        let f = extract(&tokens, &normalized, None);
        assert_eq!(f.len(), tokens.len());
        assert!(!f.is_empty());
        let bias = feature(t::BIAS, 0);
        for i in 0..f.len() {
            // the bias, the token's own lexical templates and its neighbours' (version 2)
            assert!(f.token(i).len() >= 14, "token {i}: {} features", f.token(i).len());
            assert_eq!(f.token(i)[0], bias);
        }
        assert_eq!(f.all().len(), (0..f.len()).map(|i| f.token(i).len()).sum::<usize>());
        assert!(f.token(f.len()).is_empty());
        assert!(f.token(usize::MAX).is_empty());
        assert!(extract(&[], "", None).is_empty());
    }

    #[test]
    fn extraction_is_deterministic_and_reuses_buffers() {
        let text = "وقال الرئيس الأرميني نيكول باشينيان في يريفان";
        let (tokens, normalized) = analysed(text);
        let a = extract(&tokens, &normalized, None);
        let mut out = Features::default();
        let mut scratch = Scratch::default();
        // a longer sentence first, so the buffers hold leftovers
        let (other, other_norm) = analysed("تعرضت عدة مواقع أرمينية لقصف أذري منذ الثلاثاء الماضي");
        extract_with(&other, &other_norm, None, &mut out, &mut scratch);
        extract_with(&tokens, &normalized, None, &mut out, &mut scratch);
        assert_eq!(out.all(), a.all());
        assert_eq!(out.len(), a.len());
    }

    #[test]
    fn core_drops_conjunction_and_preposition_and_folds_letters() {
        // للعراق → العراق, والعراق → العراق
        let f = features("العراق للعراق والعراق");
        assert_eq!(core(&f, 0), core(&f, 1));
        assert_eq!(core(&f, 0), core(&f, 2));
        // ة is keyed as ه
        let f = features("الجمهورية الجمهوريه");
        assert_eq!(core(&f, 0), core(&f, 1));
        // numbers by their count of digits
        let f = features("2020 1999 20");
        assert_eq!(core(&f, 0), core(&f, 1));
        assert_ne!(core(&f, 0), core(&f, 2));
        // Latin words lowercased
        let f = features("Reuters REUTERS reuters");
        assert_eq!(core(&f, 0), core(&f, 1));
        assert_eq!(core(&f, 0), core(&f, 2));
        // different words differ
        let f = features("العراق سوريا");
        assert_ne!(core(&f, 0), core(&f, 1));
    }

    #[test]
    fn neighbours_are_seen() {
        // the same word in two contexts: its own features agree, its context features do not
        let f = features("قال محمد");
        let g = features("زار محمد");
        assert_eq!(core(&f, 1), core(&g, 1));
        assert_ne!(f.token(1), g.token(1));
    }

    #[test]
    fn gazetteer_features_come_after_the_lexical_ones() {
        let text = "وقال رئيس الوزراء الأرميني نيكول باشينيان في يريفان إن أرمينيا مستعدة";
        let (tokens, normalized) = analysed(text);
        let kb = Kb::builtin();
        let matches = kb.find(&tokens, &normalized);
        assert!(!matches.is_empty(), "the knowledge base knows أرمينيا");
        let plain = extract(&tokens, &normalized, None);
        let with = extract(&tokens, &normalized, Some(Gazetteer { kb, matches: &matches }));
        assert_eq!(with.len(), plain.len());
        for i in 0..plain.len() {
            assert!(with.token(i).starts_with(plain.token(i)), "token {i}");
        }
        assert!(with.all().len() > plain.all().len());
        // a matched name's first token carries a GAZ feature
        let m = &matches[0];
        let gaz: Vec<u64> = (1..=8).map(|v| feature(t::GAZ, v)).collect();
        assert!(with.token(m.start).iter().any(|h| gaz.contains(h)));
        assert!(!plain.token(m.start).iter().any(|h| gaz.contains(h)));
        // an empty knowledge base adds nothing that a match would
        let empty = Kb::default();
        let none = extract(&tokens, &normalized, Some(Gazetteer { kb: &empty, matches: &[] }));
        assert_eq!(none.all(), plain.all());
    }

    #[test]
    fn fold_keys_like_the_knowledge_base() {
        for word in ["مدرسة", "مؤتمر", "رئيس", "Reuters", "AFP", "بغداد"] {
            let mut folded = String::new();
            for c in word.chars() {
                fold(c, |c| folded.push(c));
            }
            assert_eq!(folded, marsad_kb::names::key(word), "{word}");
        }
    }
}
