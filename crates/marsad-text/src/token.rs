//! Tokens over a normalised view, each carrying its original and normalised spans.
//!
//! Rules:
//! - An [`Arabic`](TokenKind::Arabic) token is a maximal run of Arabic letters (hamza..yeh,
//!   ٱ..ۓ, ە, ۺ..ۼ, ۿ, Arabic Supplement and Extended-A letters); harakat and tatweel are already
//!   gone from an analysis view.
//! - A [`Word`](TokenKind::Word) is a maximal run of other letters and non-ASCII digits (Latin,
//!   Cyrillic...). An apostrophe (`'` or `’`) between two such letters stays inside
//!   (`O'Brien`, `d'Ivoire`).
//! - A [`Number`](TokenKind::Number) is a run of ASCII digits with single `,` or `.` between
//!   digits (`6,500`, `19,45`, `3.5`); `/`, `-` and `:` split (dates and times are assembled
//!   later from separate tokens).
//! - A change of script always splits: `140عنصرا` → `140` `عنصرا`, `لCNN` → `ل` `CNN`,
//!   `F16` → `F` `16`. Adjacent tokens can be recognised by `span.end() == next.span.start()`.
//! - [`Punct`](TokenKind::Punct): one punctuation character, or a run of the same one (`...`,
//!   `--`, `!!`); Arabic ، ؛ ؟, quotes « » “ ” " ' and a standalone tatweel (a dash) included.
//! - [`Symbol`](TokenKind::Symbol): any other visible character (`#`, `%`, `@`, `$`, `€`,
//!   emoji...), one per token.
//! - Tokens never overlap in the normalised text. In the original they are disjoint too, except
//!   when one original character expands into several words (the ligature ﷺ): those tokens
//!   share (part of) its range.
//! - Combining marks the normaliser kept never start a token when they can join the previous
//!   one. Whitespace and control characters separate tokens and are not tokens; the number of
//!   line breaks in the gap before a token is recorded in
//!   [`line_breaks_before`](Token::line_breaks_before).

use crate::chars::{char_at, is_arabic_letter, is_combining_mark, is_punctuation, line_breaks};
use crate::{Normalized, Span};

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TokenKind {
    /// A run of Arabic letters.
    Arabic,
    /// A run of letters of another script (and non-ASCII digits).
    Word,
    /// ASCII digits, with `,` or `.` between digits.
    Number,
    /// A punctuation character, or a run of the same one.
    Punct,
    /// Any other visible character.
    Symbol,
}

/// A token: its kind, where it is in the original text and in the normalised view.
///
/// ```
/// use marsad_text::{Normalizer, TokenKind, tokenize};
/// let text = "قُتل 140عنصرا";
/// let norm = Normalizer::analysis().normalize(text);
/// let tokens: Vec<_> = tokenize(&norm).collect();
/// assert_eq!(tokens.len(), 3);
/// assert_eq!(tokens[0].text(&norm), "قُتل");
/// assert_eq!(tokens[0].norm_str(&norm), "قتل");
/// assert_eq!(tokens[1].kind, TokenKind::Number);
/// assert_eq!(tokens[2].norm_str(&norm), "عنصرا");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    /// What the token is made of.
    pub kind: TokenKind,
    /// The token in the original text, marks after its last letter included.
    pub span: Span,
    /// The token in the normalised text ([`Normalized::text`]).
    pub norm: Span,
    /// Line breaks between the previous token (or the start of the tokenised range) and this
    /// one: 0 on the same line, 1 after a line break, 2 or more after a blank line. `\r\n`
    /// counts once; U+2029 PARAGRAPH SEPARATOR counts twice.
    pub line_breaks_before: u32,
}

impl Token {
    /// The normalised form of the token.
    #[inline]
    pub fn norm_str<'n>(&self, norm: &'n Normalized<'_>) -> &'n str {
        self.norm.slice(norm.text())
    }

    /// The token as written in the original text.
    #[inline]
    pub fn text<'t>(&self, norm: &Normalized<'t>) -> &'t str {
        self.span.slice(norm.original())
    }

    /// Whether a line break separates this token from the previous one.
    #[inline]
    pub fn starts_line(&self) -> bool {
        self.line_breaks_before > 0
    }
}

/// Iterator over the tokens of a normalised view; see [`tokenize`].
#[derive(Clone, Debug)]
pub struct Tokens<'n> {
    norm: &'n Normalized<'n>,
    pos: usize,
    end: usize,
    /// Alignment cursor: tokens come in order, so their lookups can start where the last ended.
    hint: usize,
}

/// Tokenises a whole normalised view.
///
/// ```
/// use marsad_text::{Normalizer, TokenKind, tokenize};
/// let norm = Normalizer::analysis().normalize("أسفر عن سقوط 6,500 ضحية (06:00 ت.غ)");
/// let kinds: Vec<TokenKind> = tokenize(&norm).map(|t| t.kind).collect();
/// use TokenKind::*;
/// assert_eq!(kinds, [Arabic, Arabic, Arabic, Number, Arabic, Punct, Number, Punct, Number,
///                    Arabic, Punct, Arabic, Punct]);
/// ```
pub fn tokenize<'n>(norm: &'n Normalized<'n>) -> Tokens<'n> {
    Tokens { norm, pos: 0, end: norm.text().len(), hint: 0 }
}

/// Tokenises the part of a normalised view produced by `within`, a span of the original text
/// (a sentence, a paragraph).
///
/// ```
/// use marsad_text::{Normalizer, Span, tokenize_within};
/// let text = "سطر أول.\nسطر ثان.";
/// let norm = Normalizer::analysis().normalize(text);
/// let second = Span::new(text.find('\n').unwrap() + 1, text.len());
/// assert_eq!(tokenize_within(&norm, second).count(), 3);
/// ```
pub fn tokenize_within<'n>(norm: &'n Normalized<'n>, within: Span) -> Tokens<'n> {
    let range = norm.to_normalized(within);
    Tokens { norm, pos: range.start(), end: range.end(), hint: 0 }
}

/// The kind of token a character starts.
#[inline]
fn kind_of(c: char) -> TokenKind {
    if ('\u{0621}'..='\u{064A}').contains(&c) && c != '\u{0640}' {
        TokenKind::Arabic
    } else if c.is_ascii_digit() {
        TokenKind::Number
    } else if c.is_ascii_alphabetic() {
        TokenKind::Word
    } else if is_arabic_letter(c) {
        TokenKind::Arabic
    } else if is_punctuation(c) {
        TokenKind::Punct
    } else if c.is_alphanumeric() {
        TokenKind::Word
    } else {
        TokenKind::Symbol
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !c.is_ascii_digit() && !is_arabic_letter(c)
}

/// Whether `pair` is the UTF-8 of a letter of the basic Arabic block (U+0621..U+063F,
/// U+0641..U+064A).
///
/// Branch-free: Arabic words alternate the lead bytes D8 and D9 unpredictably, so testing them
/// with branches would mispredict about once a letter.
#[inline]
fn is_basic_arabic_letter(pair: &[u8]) -> bool {
    /// Continuation bytes (low six bits) of the letters after D8 (A1..BF) and D9 (81..8A).
    const AFTER: [u64; 2] = [0xFFFF_FFFE_0000_0000, 0x0000_0000_0000_07FE];
    let &[lead, cont] = pair else { return false };
    let after = AFTER[usize::from(lead & 1)];
    (lead & 0xFE == 0xD8) & (cont & 0xC0 == 0x80) & ((after >> (cont & 0x3F)) & 1 == 1)
}

/// The character at byte `pos` of `text` (a char boundary) and its length. Arabic letters and
/// ASCII, nearly all of the text, are decoded by hand.
#[inline]
fn decode(text: &str, pos: usize) -> Option<(char, usize)> {
    let bytes = text.as_bytes();
    let b0 = *bytes.get(pos)?;
    if b0 < 0x80 {
        return Some((char::from(b0), 1));
    }
    if (0xD8..=0xDB).contains(&b0)
        && let Some(&b1) = bytes.get(pos + 1)
        && let Some(c) = char::from_u32((u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F))
    {
        return Some((c, 2));
    }
    let c = text.get(pos..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let text = self.norm.text();
        let end = self.end.min(text.len());
        let mut pos = self.pos;
        let mut breaks = 0u32;
        let mut prev_cr = false;
        let (first, first_len) = loop {
            if pos >= end {
                self.pos = pos;
                return None;
            }
            let (c, len) = decode(text, pos)?;
            if !(c.is_whitespace() || c.is_control()) {
                break (c, len);
            }
            if !(c == '\n' && prev_cr) {
                breaks = breaks.saturating_add(line_breaks(c));
            }
            prev_cr = c == '\r';
            pos += len;
        };
        let start = pos;
        let kind = kind_of(first);
        pos += first_len;
        let bytes = text.as_bytes();
        loop {
            if kind == TokenKind::Arabic {
                // Letters of the basic Arabic block (U+0621..U+063F, U+0641..U+064A), most of an
                // Arabic text, continue an Arabic word without decoding.
                let rest = bytes.get(pos..end).unwrap_or_default();
                pos += 2 * rest.chunks_exact(2).take_while(|pair| is_basic_arabic_letter(pair)).count();
            }
            if pos >= end {
                break;
            }
            let Some((c, len)) = decode(text, pos) else {
                break;
            };
            let joins = match kind {
                // Mostly the space or the punctuation after the word.
                TokenKind::Arabic if c.is_ascii() => false,
                TokenKind::Arabic => is_arabic_letter(c),
                TokenKind::Word => {
                    is_word_char(c)
                        || (matches!(c, '\'' | '\u{2019}')
                            && pos + len < end
                            && char_at(text, pos + len).is_some_and(is_word_char))
                }
                TokenKind::Number => {
                    c.is_ascii_digit()
                        || (matches!(c, ',' | '.')
                            && pos + 1 < end
                            && bytes.get(pos + 1).is_some_and(u8::is_ascii_digit))
                }
                TokenKind::Punct => c == first,
                TokenKind::Symbol => false,
            } || is_combining_mark(c);
            if !joins {
                break;
            }
            pos += len;
        }
        self.pos = pos;
        let norm = Span::new(start, pos);
        Some(Token {
            kind,
            span: self.norm.to_original_from(norm, &mut self.hint),
            norm,
            line_breaks_before: breaks,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Normalizer;

    /// `[kind] "original" -> "normalised"` lines, so a failing test reads like the text.
    fn render(text: &str) -> Vec<String> {
        let norm = Normalizer::analysis().normalize(text);
        tokenize(&norm)
            .map(|t| {
                let shown = if t.text(&norm) == t.norm_str(&norm) {
                    format!("{:?} \"{}\"", t.kind, t.norm_str(&norm))
                } else {
                    format!("{:?} \"{}\" -> \"{}\"", t.kind, t.text(&norm), t.norm_str(&norm))
                };
                if t.starts_line() { format!("¶{} {shown}", t.line_breaks_before) } else { shown }
            })
            .collect()
    }

    #[test]
    fn numbers_keep_inner_separators_only_between_digits() {
        assert_eq!(
            render("أكثر من 6500 ضحية و6,500 و19,45 و3.5. في 2022/09/13 الساعة 06:00"),
            [
                "Arabic \"أكثر\" -> \"اكثر\"",
                "Arabic \"من\"",
                "Number \"6500\"",
                "Arabic \"ضحية\"",
                "Arabic \"و\"",
                "Number \"6,500\"",
                "Arabic \"و\"",
                "Number \"19,45\"",
                "Arabic \"و\"",
                "Number \"3.5\"",
                "Punct \".\"",
                "Arabic \"في\"",
                "Number \"2022\"",
                "Punct \"/\"",
                "Number \"09\"",
                "Punct \"/\"",
                "Number \"13\"",
                "Arabic \"الساعة\"",
                "Number \"06\"",
                "Punct \":\"",
                "Number \"00\"",
            ]
        );
    }

    #[test]
    fn script_changes_split() {
        assert_eq!(
            render("140عنصرا لـCNN F16"),
            [
                "Number \"140\"",
                "Arabic \"عنصرا\"",
                "Arabic \"لـ\" -> \"ل\"",
                "Word \"CNN\"",
                "Word \"F\"",
                "Number \"16\""
            ]
        );
    }

    #[test]
    fn quotes_after_proclitics_and_harakat() {
        assert_eq!(
            render("بـ\"جريمة سعودية جديدة\" و135 جنديًّا"),
            [
                "Arabic \"بـ\" -> \"ب\"",
                "Punct \"\"\"",
                "Arabic \"جريمة\"",
                "Arabic \"سعودية\"",
                "Arabic \"جديدة\"",
                "Punct \"\"\"",
                "Arabic \"و\"",
                "Number \"135\"",
                "Arabic \"جنديًّا\" -> \"جنديا\"",
            ]
        );
    }

    #[test]
    fn tatweel_after_li_before_a_quote() {
        assert_eq!(
            render("نفوذها لـ\"تهدئة الأوضاع\"."),
            [
                "Arabic \"نفوذها\"",
                "Arabic \"لـ\" -> \"ل\"",
                "Punct \"\"\"",
                "Arabic \"تهدئة\"",
                "Arabic \"الأوضاع\" -> \"الاوضاع\"",
                "Punct \"\"\"",
                "Punct \".\"",
            ]
        );
    }

    #[test]
    fn punctuation_runs_and_symbols() {
        assert_eq!(
            render("اليوم...لكن؟! «نعم»، 50% #سوريا"),
            [
                "Arabic \"اليوم\"",
                "Punct \"...\"",
                "Arabic \"لكن\"",
                "Punct \"؟\"",
                "Punct \"!\"",
                "Punct \"«\"",
                "Arabic \"نعم\"",
                "Punct \"»\"",
                "Punct \"،\"",
                "Number \"50\"",
                "Symbol \"%\"",
                "Symbol \"#\"",
                "Arabic \"سوريا\"",
            ]
        );
    }

    #[test]
    fn line_breaks_are_counted() {
        assert_eq!(
            render("عنوان\n\nفقرة\r\nسطر\u{2029}آخر بين"),
            [
                "Arabic \"عنوان\"",
                "¶2 Arabic \"فقرة\"",
                "¶1 Arabic \"سطر\"",
                "¶2 Arabic \"آخر\" -> \"اخر\"",
                "Arabic \"بين\"",
            ]
        );
    }

    #[test]
    fn invisible_marks_and_nbsp_do_not_leak_into_tokens() {
        let text = "\u{200F}قال\u{00A0}باشينيان\u{200F}: نعم";
        let norm = Normalizer::analysis().normalize(text);
        let tokens: Vec<_> = tokenize(&norm).map(|t| t.text(&norm)).collect();
        assert_eq!(tokens, ["قال", "باشينيان", ":", "نعم"]);
    }

    #[test]
    fn latin_words_keep_inner_apostrophes_and_accents() {
        assert_eq!(
            render("O'Brien d’Ivoire cafe\u{0301} 'quoted'"),
            [
                "Word \"O'Brien\"",
                "Word \"d’Ivoire\"",
                "Word \"cafe\u{0301}\"",
                "Punct \"'\"",
                "Word \"quoted\"",
                "Punct \"'\"",
            ]
        );
    }

    #[test]
    fn tokenize_within_stays_in_its_range() {
        let text = "الأول. الثاني";
        let norm = Normalizer::analysis().normalize(text);
        let within = Span::new(0, text.find('.').unwrap_or(0));
        let tokens: Vec<_> = tokenize_within(&norm, within).map(|t| t.text(&norm)).collect();
        assert_eq!(tokens, ["الأول"]);
    }
}
