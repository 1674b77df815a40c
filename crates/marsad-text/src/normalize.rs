//! Normalised views of a text, aligned byte by byte with the original.
//!
//! Matching Arabic news text needs a cleaner view than what was scraped: vowel marks come and go,
//! hamza seats vary between outlets, digits arrive in three scripts and the text is sprinkled with
//! invisible bidi controls. A [`Normalizer`] produces that view as a [`Normalized`], which keeps
//! an alignment so that anything found in the view is reported as a [`Span`] of the original.
//!
//! # Rules of the [`Normalizer::analysis`] preset (the view used for matching)
//!
//! Deleted, their bytes joining the range of the preceding kept character (so a word found in
//! the view maps back to the original word with all its marks):
//! - harakat and other Arabic combining marks U+064B..U+065F, the dagger alef U+0670, the small
//!   honorific and Quranic marks U+0610..U+061A, U+06D6..U+06ED and U+08CA..U+08FF, the
//!   combining ones only (category Mn: the end of ayah U+06DD and U+08E2, ۞ U+06DE, ۩ U+06E9 and
//!   the small waw and yeh U+06E5 U+06E6 are kept), and the spacing forms of harakat among the
//!   presentation forms;
//! - tatweel U+0640 after an Arabic letter (`لـCNN` → `لCNN`). A tatweel after anything else is a
//!   dash (`بغداد ـ رويترز`) and is kept.
//!
//! Deleted, attached to nothing (a span never starts or ends on them): ZWSP, ZWNJ, ZWJ, LRM, RLM
//! (U+200B..U+200F), the Arabic letter mark U+061C, bidi embeddings, overrides and isolates
//! (U+202A..U+202E, U+2066..U+2069), the word joiner U+2060, BOM/ZWNBSP U+FEFF and the soft
//! hyphen U+00AD.
//!
//! Replaced:
//! - alef forms أ إ آ ٱ and the rare ٲ ٳ ٵ → ا;
//! - alef maksura ى → ي; a decomposed hamza (U+0654) after و ي ى composes to ؤ ئ ئ;
//! - Persian and Urdu letter variants: ک ڪ → ك, ی ې → ي, ھ ہ ۀ ۂ ە → ه (ۀ is ه with a hamza
//!   above, which this view drops like the decomposed hamza mark), ۃ → ة;
//! - Arabic-Indic ٠..٩ and extended (Persian) ۰..۹ digits → ASCII `0`..`9`; the Arabic decimal
//!   separator ٫ → `.`, thousands separator ٬ → `,` and percent sign ٪ → `%`;
//! - Arabic presentation forms (U+FB50..U+FDFF, U+FE70..U+FEFE) → base letters, then folded as
//!   above: one original character can give several (`ﻻ` → `لا`, `ﷲ` → `الله`). The table is
//!   `data/text/presentation-forms.txt`, derived from the Unicode compatibility decompositions;
//! - an underscore between two Arabic letters, which joins a hashtag's words
//!   (`#حركة_الشباب`), → ASCII space; elsewhere (`file_name`) it is kept;
//! - space separators (NBSP U+00A0, U+1680, U+2000..U+200A, U+202F, U+205F, U+3000) → ASCII space.
//!
//! Everything else is kept as it is: ة stays distinct from ه, ؤ and ئ and ء are kept, Latin is not
//! lowercased, line breaks (`\n`, `\r\n`, U+2028...) and tabs are untouched, punctuation and
//! quotes are untouched but for the underscore above (the Arabic comma ، is not a comma).
//!
//! # Extra rules of the [`Normalizer::search_key`] preset (keys for search and indexing)
//!
//! - upper-case letters of every cased script are lowercased (`char::to_lowercase`);
//! - ة → ه, ؤ → و, ئ → ي (including those coming from a composed hamza or a presentation form);
//! - a standalone ء is kept: dropping it would merge ماء (water) with ما, جزء with جز.
//!
//! Both presets are idempotent: normalising a normalised text changes nothing.
//!
//! # Alignment
//!
//! Every normalised byte knows the original byte range of the character that produced it
//! ([`Normalized::alignment`]). The alignment is stored as runs ("pieces"), not per byte: a run
//! of characters that kept their byte length costs one entry, so a text that needs no change
//! costs one entry and no copy. Offsets are `usize`, so there is no size limit.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::sync::LazyLock;

use crate::Span;
use crate::chars::{char_before, is_arabic_letter};
use crate::tables;

/// Builds normalised views of texts; see the [module documentation](self) for the rules.
///
/// ```
/// use marsad_text::Normalizer;
/// let norm = Normalizer::analysis().normalize("قُتِلَ ٣ جنود في إدلب");
/// assert_eq!(norm.text(), "قتل 3 جنود في ادلب");
/// assert_eq!(Normalizer::search_key().normalize_str("القاعدة ومسؤول CNN"), "القاعده ومسوول cnn");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Normalizer {
    search: bool,
}

impl Default for Normalizer {
    /// The [`analysis`](Normalizer::analysis) preset.
    fn default() -> Normalizer {
        Normalizer::analysis()
    }
}

impl Normalizer {
    /// The view used for matching: marks and invisible characters removed, alef forms, digits
    /// and letter variants folded; case and ة kept.
    pub const fn analysis() -> Normalizer {
        Normalizer { search: false }
    }

    /// The aggressive view for search and index keys: [`analysis`](Normalizer::analysis) plus
    /// lowercasing and the folds ة → ه, ؤ → و, ئ → ي.
    pub const fn search_key() -> Normalizer {
        Normalizer { search: true }
    }

    /// Normalises `text` into a view aligned with it. When nothing needs to change, the view
    /// borrows `text` and the alignment is a single run.
    ///
    /// ```
    /// use marsad_text::{Normalizer, Span};
    /// let text = "وقال: \u{200F}قُتِلَ 135 جنديًّا";
    /// let norm = Normalizer::analysis().normalize(text);
    /// let at = norm.text().find("جنديا").unwrap();
    /// let word = norm.to_original(Span::new(at, at + "جنديا".len()));
    /// assert_eq!(word.slice(text), "جنديًّا");
    /// ```
    pub fn normalize<'t>(&self, text: &'t str) -> Normalized<'t> {
        let mut builder = Builder::<true>::new(text);
        self.run(text, &mut builder);
        builder.finish()
    }

    /// Normalises `text` without keeping an alignment: for lexicon entries and search keys.
    ///
    /// ```
    /// use marsad_text::Normalizer;
    /// assert_eq!(Normalizer::analysis().normalize_str("ﻷن"), "لان");
    /// ```
    pub fn normalize_str(&self, text: &str) -> String {
        let mut builder = Builder::<false>::new(text);
        self.run(text, &mut builder);
        builder.flush(text.len());
        if builder.untouched() { text.to_owned() } else { builder.out }
    }

    /// Whether normalising `text` would leave it unchanged.
    ///
    /// ```
    /// use marsad_text::Normalizer;
    /// assert!(Normalizer::analysis().is_normalized("قتل 3 جنود"));
    /// assert!(!Normalizer::analysis().is_normalized("قُتل"));
    /// ```
    pub fn is_normalized(&self, text: &str) -> bool {
        self.first_change(text).is_none()
    }

    /// The byte offset of the first character normalisation would change, without building
    /// anything: the pass stops there.
    fn first_change(&self, text: &str) -> Option<usize> {
        let mut probe = Builder::<false>::probe(text);
        self.run(text, &mut probe)
    }

    /// The one pass shared by every entry point: walks the original, letting unchanged runs
    /// accumulate and handing every change to the builder. A [probe](Builder::probe) stops at
    /// the first change, whose offset is returned.
    fn run<const ALIGN: bool>(&self, text: &str, b: &mut Builder<'_, ALIGN>) -> Option<usize> {
        let bytes = text.as_bytes();
        let arabic = if self.search { &SEARCH_ARABIC } else { &ANALYSIS_ARABIC };
        let mut i = 0;
        while i < bytes.len() {
            // Fast paths for ASCII and the Arabic block, nearly all of the text: most characters
            // are kept, and deciding so costs a byte test or a table read.
            let b0 = bytes[i];
            let (c, act) = if b0 < 0x80 {
                if b0 == b'_' {
                    (char::from(b0), Act::Joiner)
                } else if !(self.search && b0.is_ascii_uppercase()) {
                    i += 1;
                    continue;
                } else {
                    (char::from(b0), Act::Char(char::from(b0.to_ascii_lowercase())))
                }
            } else if (0xD8..=0xDB).contains(&b0) && i + 1 < bytes.len() {
                let index = (usize::from(b0 & 0x03) << 6) | usize::from(bytes[i + 1] & 0x3F);
                let act = arabic[index];
                if matches!(act, Act::Keep) {
                    i += 2;
                    continue;
                }
                (char::from_u32(0x0600 + index as u32).unwrap_or('\u{FFFD}'), act)
            } else {
                let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else {
                    break;
                };
                let act = self.action(c);
                if matches!(act, Act::Keep) {
                    i += c.len_utf8();
                    continue;
                }
                (c, act)
            };
            let at = i;
            i = self.apply(text, i, c, act, b);
            if b.probe && b.touched {
                return Some(at);
            }
        }
        None
    }

    /// Applies a change to the character `c` at byte `i`; returns where the next character
    /// starts.
    fn apply<const ALIGN: bool>(
        &self,
        text: &str,
        i: usize,
        c: char,
        act: Act,
        b: &mut Builder<'_, ALIGN>,
    ) -> usize {
        let end = i + c.len_utf8();
        match act {
            Act::Keep => {}
            Act::Char(d) => b.replace_char(i, end, d),
            Act::Mark => b.attach(i, end),
            Act::Invisible => b.skip(i, end),
            Act::Tatweel => {
                if b.last_char(i).is_some_and(is_arabic_letter) {
                    b.attach(i, end);
                }
            }
            Act::Joiner => {
                if b.last_char(i).is_some_and(is_arabic_letter) && self.letter_next(text, end) {
                    b.replace_char(i, end, ' ');
                }
            }
            Act::Carrier(plain, composed) => {
                // U+0654 HAMZA ABOVE is D9 94 in UTF-8.
                if text.as_bytes().get(end..end + 2) == Some(&[0xD9, 0x94]) {
                    b.replace_str(i, end + 2, composed.encode_utf8(&mut [0; 4]));
                    return end + 2;
                } else if plain != c {
                    b.replace_char(i, end, plain);
                }
            }
            Act::Form => match forms(self.search).get(c) {
                Some(Form::Mark) => b.attach(i, end),
                Some(Form::Text(s)) => b.replace_str(i, end, s),
                None => {}
            },
            Act::Lower => {
                let mut lower = c.to_lowercase();
                if lower.len() == 1 {
                    let l = lower.next().unwrap_or(c);
                    if l != c {
                        b.replace_char(i, end, l);
                    }
                } else {
                    b.replace_str(i, end, &lower.collect::<String>());
                }
            }
        }
        end
    }

    /// Whether the view's next character after byte `at` is an Arabic letter: the original's
    /// next characters as this preset turns them, marks and invisible ones skipped (so that
    /// `ب_َت` and `ب_ت` agree and normalising twice changes nothing).
    fn letter_next(&self, text: &str, at: usize) -> bool {
        for c in text.get(at..).unwrap_or("").chars() {
            return match self.action(c) {
                Act::Mark | Act::Invisible => continue,
                Act::Form => match forms(self.search).get(c) {
                    Some(Form::Mark) => continue,
                    Some(Form::Text(s)) => s.chars().next().is_some_and(is_arabic_letter),
                    None => is_arabic_letter(c),
                },
                Act::Char(d) | Act::Carrier(d, _) => is_arabic_letter(d),
                _ => is_arabic_letter(c),
            };
        }
        false
    }

    /// What happens to `c` in this preset.
    #[inline]
    fn action(&self, c: char) -> Act {
        let cp = c as u32;
        if cp < 0x80 {
            return if c == '_' {
                Act::Joiner
            } else if self.search && c.is_ascii_uppercase() {
                Act::Char(c.to_ascii_lowercase())
            } else {
                Act::Keep
            };
        }
        if (0x0600..0x0700).contains(&cp) {
            let table = if self.search { &SEARCH_ARABIC } else { &ANALYSIS_ARABIC };
            return table[(cp - 0x0600) as usize];
        }
        match c {
            '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                Act::Char(' ')
            }
            '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}' => Act::Invisible,
            '\u{08CA}'..='\u{08E1}' | '\u{08E3}'..='\u{08FF}' => Act::Mark,
            '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' => Act::Form,
            _ if self.search && c.is_uppercase() => Act::Lower,
            _ => Act::Keep,
        }
    }

    /// The preset's fold of a base character, as used on presentation-form replacements.
    fn fold_into(&self, c: char, out: &mut String) {
        match self.action(c) {
            Act::Keep | Act::Tatweel | Act::Joiner | Act::Form => out.push(c),
            Act::Char(d) | Act::Carrier(d, _) => out.push(d),
            Act::Mark | Act::Invisible => {}
            Act::Lower => out.extend(c.to_lowercase()),
        }
    }
}

/// What the normaliser does with one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Act {
    Keep,
    /// Replace by one character.
    Char(char),
    /// Delete; the range joins the preceding kept character.
    Mark,
    /// Delete; attached to nothing.
    Invisible,
    /// Delete as a mark after an Arabic letter, keep otherwise.
    Tatweel,
    /// An underscore: a space between two Arabic letters (a hashtag's words), kept otherwise.
    Joiner,
    /// A hamza seat: becomes the first char (kept when equal), or the second when a decomposed
    /// hamza above follows.
    Carrier(char, char),
    /// A presentation form: see the table.
    Form,
    /// Lowercase (search keys).
    Lower,
}

const fn arabic_table(search: bool) -> [Act; 256] {
    let mut table = [Act::Keep; 256];
    let mut i = 0;
    while i < 256 {
        let cp = 0x0600 + i as u32;
        table[i] = match cp {
            // The combining marks (category Mn) of the block. U+06DD END OF AYAH, ۞ U+06DE,
            // the small waw and yeh U+06E5 U+06E6 (letters) and ۩ U+06E9 are kept.
            0x0610..=0x061A
            | 0x064B..=0x065F
            | 0x0670
            | 0x06D6..=0x06DC
            | 0x06DF..=0x06E4
            | 0x06E7..=0x06E8
            | 0x06EA..=0x06ED => Act::Mark,
            0x061C => Act::Invisible,
            0x0622 | 0x0623 | 0x0625 | 0x0671..=0x0673 | 0x0675 => Act::Char('ا'),
            0x0624 if search => Act::Char('و'),
            0x0626 if search => Act::Char('ي'),
            0x0629 if search => Act::Char('ه'),
            0x0640 => Act::Tatweel,
            0x0648 if !search => Act::Carrier('و', 'ؤ'),
            0x0649 if search => Act::Char('ي'),
            0x0649 => Act::Carrier('ي', 'ئ'),
            0x064A if !search => Act::Carrier('ي', 'ئ'),
            0x0660..=0x0669 => Act::Char((b'0' + (cp - 0x0660) as u8) as char),
            0x066A => Act::Char('%'),
            0x066B => Act::Char('.'),
            0x066C => Act::Char(','),
            0x06A9 | 0x06AA => Act::Char('ك'),
            0x06BE | 0x06C0 | 0x06C1 | 0x06C2 | 0x06D5 => Act::Char('ه'),
            0x06C3 if search => Act::Char('ه'),
            0x06C3 => Act::Char('ة'),
            0x06CC | 0x06D0 => Act::Char('ي'),
            0x06F0..=0x06F9 => Act::Char((b'0' + (cp - 0x06F0) as u8) as char),
            _ => Act::Keep,
        };
        i += 1;
    }
    table
}

static ANALYSIS_ARABIC: [Act; 256] = arabic_table(false);
static SEARCH_ARABIC: [Act; 256] = arabic_table(true);

/// A presentation form's replacement, already folded for one preset.
#[derive(Debug)]
enum Form {
    Mark,
    Text(Box<str>),
}

/// The presentation-form table of one preset, indexed by code point.
struct Forms {
    table: Vec<Option<Form>>,
}

const FORMS_A: u32 = 0xFB50;
const FORMS_A_END: u32 = 0xFDFF;
const FORMS_B: u32 = 0xFE70;
const FORMS_B_END: u32 = 0xFEFE;
const FORMS_A_LEN: usize = (FORMS_A_END - FORMS_A + 1) as usize;

impl Forms {
    fn index(c: char) -> Option<usize> {
        let cp = c as u32;
        match cp {
            FORMS_A..=FORMS_A_END => Some((cp - FORMS_A) as usize),
            FORMS_B..=FORMS_B_END => Some(FORMS_A_LEN + (cp - FORMS_B) as usize),
            _ => None,
        }
    }

    fn load(normalizer: Normalizer) -> Forms {
        let mut table: Vec<Option<Form>> = Vec::new();
        table.resize_with(FORMS_A_LEN + (FORMS_B_END - FORMS_B + 1) as usize, || None);
        for entry in tables::entries(tables::PRESENTATION_FORMS) {
            let Some((code, replacement)) = entry.split_once('\t') else {
                continue;
            };
            let Some(c) = u32::from_str_radix(code.trim(), 16).ok().and_then(char::from_u32) else {
                continue;
            };
            let Some(slot) = Forms::index(c).and_then(|i| table.get_mut(i)) else {
                continue;
            };
            let replacement = replacement.trim();
            *slot = if replacement == "<mark>" {
                Some(Form::Mark)
            } else {
                let mut folded = String::new();
                for r in replacement.chars() {
                    normalizer.fold_into(r, &mut folded);
                }
                Some(if folded.is_empty() { Form::Mark } else { Form::Text(folded.into()) })
            };
        }
        Forms { table }
    }

    fn get(&self, c: char) -> Option<&Form> {
        Forms::index(c).and_then(|i| self.table.get(i)).and_then(Option::as_ref)
    }
}

fn forms(search: bool) -> &'static Forms {
    static ANALYSIS: LazyLock<Forms> = LazyLock::new(|| Forms::load(Normalizer::analysis()));
    static SEARCH: LazyLock<Forms> = LazyLock::new(|| Forms::load(Normalizer::search_key()));
    if search { &SEARCH } else { &ANALYSIS }
}

/// One run of the alignment. It covers the normalised bytes from `norm` to the next piece's
/// `norm` (or the end of the text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    norm: usize,
    orig: usize,
    orig_end: usize,
    /// Characters kept their byte length, so normalised byte `norm + k` came from the character
    /// containing original byte `orig + k`. Otherwise every byte of the piece came from the
    /// single range `orig..orig_end`.
    parallel: bool,
}

/// Accumulates the normalised text (and, when `ALIGN`, its pieces). Unchanged characters are not
/// copied one by one: they form a pending run from `run` that is copied when the next change
/// comes, so a text without changes is never copied at all.
struct Builder<'t, const ALIGN: bool> {
    src: &'t str,
    out: String,
    pieces: Vec<Piece>,
    run: usize,
    touched: bool,
    /// Only finding out whether anything changes: nothing is copied, and `run` stops at the
    /// first change.
    probe: bool,
}

impl<'t, const ALIGN: bool> Builder<'t, ALIGN> {
    fn new(src: &'t str) -> Self {
        Builder { src, out: String::new(), pieces: Vec::new(), run: 0, touched: false, probe: false }
    }

    /// A builder that only notes whether a change comes.
    fn probe(src: &'t str) -> Self {
        Builder { probe: true, ..Builder::new(src) }
    }

    fn untouched(&self) -> bool {
        !self.touched
    }

    /// Copies the pending unchanged run up to `upto`.
    fn flush(&mut self, upto: usize) {
        if self.run >= upto {
            return;
        }
        if self.touched {
            let n = self.out.len();
            self.out.push_str(&self.src[self.run..upto]);
            self.note_parallel(n, self.run, upto);
        }
        self.run = upto;
    }

    /// Starts the output on the first change: everything before it was unchanged.
    fn touch(&mut self, at: usize) {
        if self.probe {
            self.touched = true;
            return;
        }
        if !self.touched {
            self.touched = true;
            self.out.reserve(self.src.len());
            self.run = 0;
        }
        self.flush(at);
    }

    fn note_parallel(&mut self, norm: usize, orig: usize, orig_end: usize) {
        if !ALIGN {
            return;
        }
        match self.pieces.last_mut() {
            Some(last) if last.parallel && last.orig_end == orig => last.orig_end = orig_end,
            _ => self.pieces.push(Piece { norm, orig, orig_end, parallel: true }),
        }
    }

    /// The last character of the output as it will be once the pending run up to `at` is
    /// copied.
    fn last_char(&self, at: usize) -> Option<char> {
        if !self.touched || self.run < at { char_before(self.src, at) } else { self.out.chars().next_back() }
    }

    fn replace_char(&mut self, start: usize, end: usize, d: char) {
        if d.len_utf8() != end - start {
            return self.replace_str(start, end, d.encode_utf8(&mut [0; 4]));
        }
        self.touch(start);
        let n = self.out.len();
        self.out.push(d);
        self.note_parallel(n, start, end);
        self.run = end;
    }

    fn replace_str(&mut self, start: usize, end: usize, s: &str) {
        self.touch(start);
        let n = self.out.len();
        self.out.push_str(s);
        if ALIGN {
            self.pieces.push(Piece { norm: n, orig: start, orig_end: end, parallel: false });
        }
        self.run = end;
    }

    fn skip(&mut self, start: usize, end: usize) {
        self.touch(start);
        self.run = end;
    }

    /// Deletes `start..end` and extends the range of the last kept character over it.
    fn attach(&mut self, start: usize, end: usize) {
        self.touch(start);
        self.run = end;
        if !ALIGN {
            return;
        }
        let out_len = self.out.len();
        let Some(last) = self.pieces.last_mut() else {
            return;
        };
        if !last.parallel {
            last.orig_end = end;
            return;
        }
        // Split the last character off the parallel run so that it alone carries the marks.
        let mut cs = out_len.saturating_sub(1);
        while cs > last.norm && !self.out.is_char_boundary(cs) {
            cs -= 1;
        }
        let orig_cs = last.orig + (cs - last.norm);
        if cs == last.norm {
            last.parallel = false;
            last.orig_end = end;
        } else {
            last.orig_end = orig_cs;
            self.pieces.push(Piece { norm: cs, orig: orig_cs, orig_end: end, parallel: false });
        }
    }

    fn finish(mut self) -> Normalized<'t> {
        let src = self.src;
        if !self.touched {
            let pieces = if src.is_empty() {
                Vec::new()
            } else {
                vec![Piece { norm: 0, orig: 0, orig_end: src.len(), parallel: true }]
            };
            return Normalized { original: src, text: Cow::Borrowed(src), pieces, keyed: OnceCell::new() };
        }
        self.flush(src.len());
        Normalized { original: src, text: Cow::Owned(self.out), pieces: self.pieces, keyed: OnceCell::new() }
    }
}

/// A normalised view of an original text, with the alignment between the two.
///
/// Produced by [`Normalizer::normalize`]; normalise a document once and run every stage
/// (tokens, sentences, matching) on the view, converting offsets with
/// [`to_original`](Normalized::to_original) and [`to_normalized`](Normalized::to_normalized).
///
/// ```
/// use marsad_text::{Normalizer, Span};
/// let text = "قصف بـ\u{00A0}٣ صواريخ";
/// let norm = Normalizer::analysis().normalize(text);
/// assert_eq!(norm.text(), "قصف ب 3 صواريخ");
/// let three = norm.text().find('3').unwrap();
/// assert_eq!(norm.to_original(Span::new(three, three + 1)).slice(text), "٣");
/// ```
#[derive(Clone, Debug)]
pub struct Normalized<'t> {
    original: &'t str,
    text: Cow<'t, str>,
    pieces: Vec<Piece>,
    /// The text keyed in place ([`crate::key::keyed_view`]), made on first use.
    keyed: OnceCell<Option<Box<str>>>,
}

impl<'t> Normalized<'t> {
    /// The normalised text.
    #[inline]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The exact key ([`crate::key()`]) of `word`, a slice of [`text`](Normalized::text): read
    /// from the text keyed once in place, so that keying every word of a document neither
    /// folds nor copies word by word. A `word` from elsewhere is keyed by itself.
    ///
    /// ```
    /// use marsad_text::Normalizer;
    /// let norm = Normalizer::analysis().normalize("قالت الوزارة");
    /// let word = &norm.text()[9..];
    /// assert_eq!(norm.key_of(word), "الوزاره");
    /// assert!(matches!(norm.key_of(word), std::borrow::Cow::Borrowed(_)));
    /// assert_eq!(norm.key_of("مدينة"), "مدينه");
    /// ```
    #[inline]
    pub fn key_of<'a>(&'a self, word: &'a str) -> Cow<'a, str> {
        let text: &str = &self.text;
        let start = (word.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
        let keyed = self.keyed.get_or_init(|| crate::key::keyed_view(text).map(String::into_boxed_str));
        // a slice of the text (its bytes lie within the text's): its key is the view at the
        // same bytes; the view has the text's length
        match keyed.as_deref().and_then(|k| k.get(start..start.checked_add(word.len())?)) {
            Some(k) => Cow::Borrowed(k),
            None => crate::key::key(word),
        }
    }

    /// The original text.
    #[inline]
    pub fn original(&self) -> &'t str {
        self.original
    }

    /// The span of the whole original text, for the stages that take a `within` span.
    #[inline]
    pub fn full_span(&self) -> Span {
        Span::new(0, self.original.len())
    }

    /// Whether normalisation changed nothing (the view then borrows the original).
    #[inline]
    pub fn is_unchanged(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }

    /// The original byte range of the character that produced normalised byte `norm_byte`,
    /// including the marks deleted after it. Past the end: an empty span at the original's end.
    ///
    /// ```
    /// use marsad_text::{Normalizer, Span};
    /// let norm = Normalizer::analysis().normalize("ﻻ بُد");
    /// assert_eq!(norm.text(), "لا بد");
    /// // both letters of the ligature come from its three bytes
    /// assert_eq!(norm.alignment(0), Span::new(0, 3));
    /// assert_eq!(norm.alignment(2), Span::new(0, 3));
    /// // ب carries its damma
    /// assert_eq!(norm.alignment(5), Span::new(4, 8));
    /// ```
    pub fn alignment(&self, norm_byte: usize) -> Span {
        self.alignment_from(norm_byte, &mut 0)
    }

    /// [`alignment`](Normalized::alignment) for increasing offsets: `hint` remembers the last
    /// piece used, so a pass over a document costs a step or two per lookup instead of a binary
    /// search.
    pub(crate) fn alignment_from(&self, norm_byte: usize, hint: &mut usize) -> Span {
        if norm_byte >= self.text.len() {
            return Span::empty(self.original.len());
        }
        let i = self.piece_at(norm_byte, *hint);
        *hint = i;
        let Some(p) = self.pieces.get(i) else {
            return Span::empty(self.original.len());
        };
        if !p.parallel {
            return Span::new(p.orig, p.orig_end);
        }
        let text = self.text.as_bytes();
        let mut cs = norm_byte;
        while cs > p.norm && !self.text.is_char_boundary(cs) {
            cs -= 1;
        }
        let mut ce = cs + 1;
        while ce < text.len() && !self.text.is_char_boundary(ce) {
            ce += 1;
        }
        Span::new(p.orig + (cs - p.norm), (p.orig + (ce - p.norm)).min(p.orig_end))
    }

    /// The piece containing normalised byte `b`, galloping forward from `hint` when `b` lies at
    /// or after it, binary searching otherwise.
    #[inline]
    fn piece_at(&self, b: usize, hint: usize) -> usize {
        // Consecutive lookups (the tokens of a document) mostly stay in the hinted piece or
        // move to the next one.
        let pieces = &self.pieces;
        if let Some(p) = pieces.get(hint)
            && p.norm <= b
        {
            match pieces.get(hint + 1) {
                None => return hint,
                Some(q) if q.norm > b => return hint,
                Some(q) if pieces.get(hint + 2).is_none_or(|r| r.norm > b) && q.norm <= b => return hint + 1,
                _ => {}
            }
        }
        self.piece_search(b, hint)
    }

    /// [`piece_at`](Normalized::piece_at) past the pieces next to the hint.
    fn piece_search(&self, b: usize, hint: usize) -> usize {
        let pieces = &self.pieces;
        let n = pieces.len();
        let mut lo = hint.min(n.saturating_sub(1));
        if pieces.get(lo).is_none_or(|p| p.norm > b) {
            return pieces.partition_point(|p| p.norm <= b).saturating_sub(1);
        }
        let mut step = 1;
        loop {
            let probe = lo + step;
            if probe >= n || pieces[probe].norm > b {
                let hi = probe.min(n);
                return lo + pieces[lo..hi].partition_point(|p| p.norm <= b).saturating_sub(1);
            }
            lo = probe;
            step *= 2;
        }
    }

    /// Converts a span of the normalised text into the span of the original it came from:
    /// from the start of the first character's range to the end of the last one's, so marks
    /// inside and after the last letter are included and a leading bidi mark is not.
    ///
    /// The result always lies on char boundaries of the original. An empty span maps to an
    /// empty span after the range of the character before it (0 at the start); spans past the
    /// end are clamped.
    ///
    /// ```
    /// use marsad_text::{Normalizer, Span};
    /// let text = "\u{200F}قُتِلَ اثنان";
    /// let norm = Normalizer::analysis().normalize(text);
    /// assert_eq!(norm.to_original(Span::new(0, 6)).slice(text), "قُتِلَ");
    /// ```
    pub fn to_original(&self, span: Span) -> Span {
        self.to_original_from(span, &mut 0)
    }

    /// [`to_original`](Normalized::to_original) for increasing spans (see `alignment_from`).
    pub(crate) fn to_original_from(&self, span: Span, hint: &mut usize) -> Span {
        let len = self.text.len();
        let start = span.start().min(len);
        let end = span.end().min(len);
        if start >= end {
            let at = if start == 0 { 0 } else { self.alignment_from(start - 1, hint).end() };
            return Span::empty(at);
        }
        // The common case, a span on char boundaries inside one run of same-length characters,
        // is plain arithmetic.
        let i = self.piece_at(start, *hint);
        *hint = i;
        if let Some(p) = self.pieces.get(i)
            && p.parallel
            && end <= self.piece_end(i)
            && self.text.is_char_boundary(start)
            && self.text.is_char_boundary(end)
        {
            return Span::new(p.orig + (start - p.norm), p.orig + (end - p.norm));
        }
        let first = self.alignment_from(start, hint);
        let last = self.alignment_from(end - 1, hint);
        Span::new(first.start(), last.end().max(first.start()))
    }

    /// Converts a span of the original into the smallest span of the normalised text that covers
    /// every normalised character produced (even in part) by it. Total: offsets inside a deleted
    /// or replaced character snap outwards to the nearest normalised boundary, offsets past the
    /// end are clamped, and an empty span stays empty.
    ///
    /// ```
    /// use marsad_text::{Normalizer, Span};
    /// let text = "قالت «أ.ف.ب»";
    /// let norm = Normalizer::analysis().normalize(text);
    /// let at = text.find('أ').unwrap();
    /// let span = norm.to_normalized(Span::new(at, text.len()));
    /// assert_eq!(span.slice(norm.text()), "ا.ف.ب»");
    /// ```
    pub fn to_normalized(&self, span: Span) -> Span {
        let olen = self.original.len();
        let start = span.start().min(olen);
        let end = span.end().min(olen);
        let ns = self.norm_start(start);
        if start >= end {
            return Span::empty(ns);
        }
        Span::new(ns, self.norm_end(end).max(ns))
    }

    /// The end of piece `i` in the normalised text.
    fn piece_end(&self, i: usize) -> usize {
        self.pieces.get(i + 1).map_or(self.text.len(), |p| p.norm)
    }

    /// The start of the first normalised character whose range ends after original byte `o`.
    fn norm_start(&self, o: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.orig <= o);
        if i == 0 {
            return 0;
        }
        let p = self.pieces[i - 1];
        if o >= p.orig_end {
            return self.piece_end(i - 1);
        }
        if !p.parallel {
            return p.norm;
        }
        let mut n = p.norm + (o - p.orig);
        while n > p.norm && !self.text.is_char_boundary(n) {
            n -= 1;
        }
        n
    }

    /// The end of the last normalised character whose range starts before original byte `o`.
    fn norm_end(&self, o: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.orig < o);
        if i == 0 {
            return 0;
        }
        let p = self.pieces[i - 1];
        if o >= p.orig_end || !p.parallel {
            return self.piece_end(i - 1);
        }
        let end = self.piece_end(i - 1);
        let mut n = p.norm + (o - p.orig);
        while n < end && !self.text.is_char_boundary(n) {
            n += 1;
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analysis(text: &str) -> String {
        Normalizer::analysis().normalize(text).text().to_owned()
    }

    fn search(text: &str) -> String {
        Normalizer::search_key().normalize(text).text().to_owned()
    }

    /// The original text behind the first occurrence of `needle` in the normalised view.
    fn back<'t>(norm: &Normalized<'t>, needle: &str) -> &'t str {
        let at = norm.text().find(needle).expect(needle);
        norm.to_original(Span::new(at, at + needle.len())).slice(norm.original())
    }

    #[test]
    fn harakat_and_tanween_are_deleted_and_travel_with_their_letter() {
        let text = "سقط 135 جنديًّا و135 قتيلًا، الذي حمَّل";
        let norm = Normalizer::analysis().normalize(text);
        assert_eq!(norm.text(), "سقط 135 جنديا و135 قتيلا، الذي حمل");
        assert_eq!(back(&norm, "جنديا"), "جنديًّا");
        assert_eq!(back(&norm, "قتيلا"), "قتيلًا");
        assert_eq!(back(&norm, "حمل"), "حمَّل");
        // the marks belong to the letter they follow, not to the next one
        assert_eq!(back(&norm, "جندي"), "جنديًّ");
        assert_eq!(back(&norm, "جند"), "جند");
    }

    #[test]
    fn tatweel_after_a_letter_joins_it_but_a_dash_stays() {
        let norm = Normalizer::analysis().normalize("وفقاً لـ\"فرانس برس\" وبـCNN");
        assert_eq!(norm.text(), "وفقا ل\"فرانس برس\" وبCNN");
        assert_eq!(back(&norm, "ل\""), "لـ\"");
        assert_eq!(back(&norm, "وب"), "وبـ");
        assert_eq!(analysis("بغداد ـ رويترز"), "بغداد ـ رويترز");
        assert_eq!(analysis("الـــعــراق"), "العراق");
    }

    #[test]
    fn an_underscore_between_arabic_letters_is_a_space() {
        let norm = Normalizer::analysis().normalize("وتبنت #حركة_الشباب الهجوم، و#نيكول_باشينيان");
        assert_eq!(norm.text(), "وتبنت #حركة الشباب الهجوم، و#نيكول باشينيان");
        assert_eq!(back(&norm, "حركة الشباب"), "حركة_الشباب");
        // elsewhere it stays: Latin, digits, the ends of a word
        for kept in ["file_name", "حركة_2018", "_حركة", "حركة_", "a_حركة"] {
            assert_eq!(analysis(kept), kept);
        }
        // a mark or an invisible character after it does not hide the next letter
        assert_eq!(analysis("ب_\u{064E}ت"), "ب ت");
        assert_eq!(analysis("ب_\u{200C}ت"), "ب ت");
        assert_eq!(Normalizer::search_key().normalize("#حركة_الشباب").text(), "#حركه الشباب");
    }

    #[test]
    fn alef_forms_maksura_and_persian_letters_fold() {
        assert_eq!(analysis("أذربيجان إلى آلاف ٱلله"), "اذربيجان الي الاف الله");
        assert_eq!(analysis("کابل یک ھذه"), "كابل يك هذه");
        assert_eq!(analysis("مدينة"), "مدينة");
        assert_eq!(analysis("مسؤول رئيس ماء"), "مسؤول رئيس ماء");
    }

    #[test]
    fn decomposed_hamza_composes_on_its_seat() {
        assert_eq!(analysis("مسو\u{0654}ول ر\u{064A}\u{0654}يس ا\u{0654}ن"), "مسؤول رئيس ان");
        assert_eq!(search("مسو\u{0654}ول ر\u{064A}\u{0654}يس"), "مسوول رييس");
    }

    #[test]
    fn digits_of_three_scripts_and_arabic_separators_become_ascii() {
        let text = "٦٬٥٠٠ ضحية و۱۲ جريحا و٣٫٥٪";
        let norm = Normalizer::analysis().normalize(text);
        assert_eq!(norm.text(), "6,500 ضحية و12 جريحا و3.5%");
        assert_eq!(back(&norm, "6,500"), "٦٬٥٠٠");
        assert_eq!(back(&norm, "12"), "۱۲");
    }

    #[test]
    fn invisible_characters_vanish_and_spans_do_not_start_on_them() {
        let text = "\u{FEFF}\u{200F}أرمينيا\u{200E} و\u{200C}أذربيجان\u{00AD}";
        let norm = Normalizer::analysis().normalize(text);
        assert_eq!(norm.text(), "ارمينيا واذربيجان");
        assert_eq!(back(&norm, "ارمينيا"), "أرمينيا");
        assert_eq!(back(&norm, "واذربيجان"), "و\u{200C}أذربيجان");
    }

    #[test]
    fn space_separators_become_ascii_spaces_and_newlines_stay() {
        let text = "قال\u{00A0}بلينكن\u{202F}اليوم\r\nثم\u{3000}غادر\n";
        assert_eq!(analysis(text), "قال بلينكن اليوم\r\nثم غادر\n");
    }

    #[test]
    fn presentation_forms_expand() {
        let text = "ﻻ ﺑﺪ ﷲ ﻹيران";
        let norm = Normalizer::analysis().normalize(text);
        assert_eq!(norm.text(), "لا بد الله لايران");
        assert_eq!(back(&norm, "لا"), "ﻻ");
        assert_eq!(back(&norm, "ل"), "ﻻ");
        assert_eq!(back(&norm, "الله"), "ﷲ");
        assert_eq!(analysis("ﹰ"), "");
        assert_eq!(analysis("بﹰ"), "ب");
        assert_eq!(search("ﺓ ﺆ"), "ه و");
    }

    #[test]
    fn search_keys_fold_further_and_lowercase() {
        assert_eq!(search("الجمهورية المؤقتة لدائرة CNN Ünal"), "الجمهوريه الموقته لدايره cnn ünal");
        assert_eq!(search("ماء جزء"), "ماء جزء");
        assert_eq!(analysis("CNN"), "CNN");
    }

    #[test]
    fn unchanged_text_is_borrowed() {
        let norm = Normalizer::analysis().normalize("قتل 3 جنود");
        assert!(norm.is_unchanged());
        assert_eq!(norm.to_original(Span::new(0, 6)), Span::new(0, 6));
        assert!(!Normalizer::analysis().normalize("قُتل").is_unchanged());
        assert!(Normalizer::analysis().normalize("").is_unchanged());
    }

    #[test]
    fn to_normalized_snaps_outwards_and_is_total() {
        let text = "ab\u{200F}قُتل";
        let norm = Normalizer::analysis().normalize(text);
        assert_eq!(norm.text(), "abقتل");
        // the RLM alone maps to an empty span between b and ق
        assert_eq!(norm.to_normalized(Span::new(2, 5)), Span::empty(2));
        // the damma alone maps to the letter carrying it
        assert_eq!(norm.to_normalized(Span::new(7, 9)).slice(norm.text()), "ق");
        // inside a character
        assert_eq!(norm.to_normalized(Span::new(6, 10)).slice(norm.text()), "قت");
        assert_eq!(norm.to_normalized(Span::new(0, 1000)), Span::new(0, norm.text().len()));
        assert_eq!(norm.to_normalized(Span::empty(1000)), Span::empty(norm.text().len()));
    }

    #[test]
    fn empty_spans_map_after_the_previous_character() {
        let text = "قُت";
        let norm = Normalizer::analysis().normalize(text);
        assert_eq!(norm.to_original(Span::empty(0)), Span::empty(0));
        assert_eq!(norm.to_original(Span::empty(2)), Span::empty(4));
        assert_eq!(norm.to_original(Span::empty(99)), Span::empty(6));
    }

    #[test]
    fn marks_with_nothing_before_them_attach_to_nothing() {
        let norm = Normalizer::analysis().normalize("ُُقتل");
        assert_eq!(norm.text(), "قتل");
        assert_eq!(norm.to_original(Span::new(0, 2)), Span::new(4, 6));
    }

    #[test]
    fn quranic_symbols_stay_and_only_combining_marks_go() {
        // An-Naml 27:30 in Quranic spelling: small waw after the pronoun, dagger alef, a small
        // high jeem (a pause mark), the end of ayah with its number; the hizb and sajdah signs.
        let text = "۞ إِنَّهُۥ مِن سُلَيْمَٰنَ وَإِنَّهُۥ بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ\u{06DA} \u{06DD}٣٠ ۩";
        let norm = Normalizer::analysis().normalize(text);
        assert_eq!(norm.text(), "۞ انهۥ من سليمن وانهۥ بسم الله الرحمن الرحيم \u{06DD}30 ۩");
        assert_eq!(back(&norm, "الرحيم"), "ٱلرَّحِيمِ\u{06DA}");
        let tokens: Vec<_> = crate::tokenize(&norm).map(|t| (t.kind, t.norm_str(&norm))).collect();
        use crate::TokenKind::*;
        assert_eq!(tokens[..3], [(Symbol, "۞"), (Arabic, "انهۥ"), (Arabic, "من")]);
        assert_eq!(tokens[tokens.len() - 3..], [(Symbol, "\u{06DD}"), (Number, "30"), (Symbol, "۩")]);
    }

    #[test]
    fn deleted_marks_are_the_combining_marks() {
        // The normaliser and the tokeniser agree on what a mark is, over the whole block.
        for (i, act) in ANALYSIS_ARABIC.iter().enumerate() {
            let c = char::from_u32(0x0600 + i as u32).unwrap_or_default();
            let mark = crate::chars::is_combining_mark(c);
            assert_eq!(*act == Act::Mark, mark, "U+{:04X}", c as u32);
            assert_eq!(SEARCH_ARABIC[i] == Act::Mark, mark, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn is_normalized_stops_at_the_first_change() {
        let text = format!("قُتل {}", "ثلاثة جنود في ادلب ".repeat(1000));
        let analysis = Normalizer::analysis();
        let mut probe = Builder::<false>::probe(&text);
        // the damma after ق, and nothing was copied on the way
        assert_eq!(analysis.run(&text, &mut probe), Some(2));
        assert_eq!(probe.out.capacity(), 0);
        assert!(!analysis.is_normalized(&text));
        assert!(analysis.is_normalized(&text[4..]));
        assert_eq!(Normalizer::search_key().first_change("قتل في CNN"), Some(12));
        assert_eq!(analysis.first_change("قتل في CNN"), None);
    }

    #[test]
    fn normalize_str_matches_normalize() {
        for text in ["قُتِلَ ٣", "", "abc", "ﻻ ـ لـ", "\u{200F}", "ي\u{0654}"] {
            for n in [Normalizer::analysis(), Normalizer::search_key()] {
                assert_eq!(n.normalize_str(text), n.normalize(text).text(), "{text:?}");
                assert_eq!(n.is_normalized(text), n.normalize(text).text() == text, "{text:?}");
            }
        }
    }
}
