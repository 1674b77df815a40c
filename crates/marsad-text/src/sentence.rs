//! Sentence splitting on a normalised view, returning spans of the original text.
//!
//! Rules:
//! - A sentence ends after a terminator run: `.` `!` `?` `؟` `…` and any run of them (`...`,
//!   `؟!`, `!!`), together with the closing quotes and brackets right after it (`."`, `.»`,
//!   `.”`, `.)`). The Arabic comma ، and semicolon ؛ do not end sentences; line breaks always do.
//! - A single `.` does not end a sentence before a digit (`3.5`, `.5`), after a bare number
//!   opening the sentence (a list item `1. `), inside or after dotted abbreviations (`ت.غ`,
//!   `أ.ف.ب`, `د.ب.ا`, `U.S.`), after a Latin capital initial (`J. Smith`) or an Arabic one
//!   (a lone letter after a space or an opening bracket or quote: `د. نايف الحجرف`,
//!   `ج. بايدن`), or between Latin letters (`aljazeera.net`).
//! - But a lone Arabic letter after a number is an era or a unit and its dot does end the
//!   sentence (`1442 هـ.`, `2020 م.`), and so does the final dot of the abbreviations listed in
//!   `data/text/sentence-final-abbreviations.txt` when a space or the line end follows
//!   (`06:00 ت.غ. وقال`).
//! - An ellipsis directly followed by a letter or digit is a pause, not an end
//!   (`اليوم...لكن`), and a run of dots right after `(` or `[` is an elision (`(...)`), never
//!   an end.
//! - Inside a quotation that is closed later on the same line, nothing ends a sentence, except
//!   a terminator right before the quotation's own closing quote when a space or the line end
//!   follows (`قال "انتهى." ثم`). Quotes are paired per line in a pre-pass: « » and “ ” „ are
//!   paired by family, and every quote (ASCII `"` included) is classified by its neighbours:
//!   opening when preceded by the line start, a space, an opening bracket or quote, `:` `،` `,`
//!   `-`, or a lone proclitic letter (`لـ"`, `بـ"`, `وبـ"`) and followed by a non-space;
//!   closing when preceded by a non-space and followed by a space, punctuation or the line end.
//!   An unpaired quote suppresses nothing.
//! - Sentence spans are trimmed of whitespace (and never start on a deleted invisible mark);
//!   empty sentences are dropped.

use std::sync::LazyLock;

use crate::chars::{
    char_at, char_before, is_alphabetic, is_alphanumeric, is_arabic_letter, is_punctuation, line_breaks,
};
use crate::{Normalized, Normalizer, Span, tables};

/// Splits the part of `norm` produced by `within` (a span of the original text) into sentences,
/// returned as spans of the original text, in order.
///
/// ```
/// use marsad_text::{Normalizer, sentences};
/// let text = "قال إن المعارك بدأت (06:00 ت.غ). ونقلت عنه «نحن مستعدون... لكنهم يهاجمون». وانتهى";
/// let norm = Normalizer::analysis().normalize(text);
/// let spans: Vec<&str> = sentences(&norm, norm.full_span()).iter().map(|s| s.slice(text)).collect();
/// assert_eq!(spans, [
///     "قال إن المعارك بدأت (06:00 ت.غ).",
///     "ونقلت عنه «نحن مستعدون... لكنهم يهاجمون».",
///     "وانتهى",
/// ]);
/// ```
pub fn sentences(norm: &Normalized<'_>, within: Span) -> Vec<Span> {
    let range = norm.to_normalized(within);
    let text = norm.text();
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut line = Line::default();
    let mut line_start = range.start();
    let mut i = range.start();
    let end = range.end().min(text.len());
    // Only terminators, quotes and line breaks matter; everything else is skipped bytewise. The
    // lead bytes below cover them all (the only one that is also common in Arabic letters, D8,
    // is checked against ؟'s second byte), and a continuation byte never equals one of them, so
    // `i` is a char boundary whenever a character is decoded.
    while i < end {
        // Whole blocks without any of those bytes (nearly all of a text) are skipped at once:
        // the test of a block is a few vector comparisons. A block ending with D8 is not
        // skipped (its next byte may make ؟).
        while let Some(block) = bytes.get(i..end).and_then(|rest| rest.first_chunk::<BLOCK>()) {
            if block[BLOCK - 1] == 0xD8 || !plain(block) {
                break;
            }
            i += BLOCK;
        }
        if i >= end {
            break;
        }
        let b = bytes[i];
        // Branch-free on the common bytes: D8 starts half the Arabic letters, so testing it
        // with a branch of its own would mispredict all the time.
        let question = (b == 0xD8) & (bytes.get(i + 1).copied() == Some(0x9F));
        if !(INTERESTING[usize::from(b)] | question) {
            i += 1;
            continue;
        }
        let Some(c) = char_at(text, i) else { break };
        if line_breaks(c) > 0 {
            line.split(text, line_start, i, &mut found);
            line_start = i + c.len_utf8();
        } else if is_terminator(c) || quote(c).is_some() {
            line.events.push((i, c));
        }
        i += c.len_utf8();
    }
    line.split(text, line_start, end, &mut found);
    let mut hint = 0;
    for span in &mut found {
        *span = norm.to_original_from(*span, &mut hint);
    }
    found
}

/// The abbreviations whose final dot may end a sentence, normalised like the text they are
/// compared with.
fn final_abbreviations() -> &'static [String] {
    static ABBREVIATIONS: LazyLock<Vec<String>> = LazyLock::new(|| {
        tables::entries(tables::SENTENCE_FINAL_ABBREVIATIONS)
            .map(|entry| Normalizer::analysis().normalize_str(entry))
            .collect()
    });
    &ABBREVIATIONS
}

/// The bytes of a block tested at once by [`sentences`].
const BLOCK: usize = 16;

/// Whether a byte is one of [`INTERESTING`] or the second byte of ؟ (9F), by comparisons that
/// vectorise over a block (a table lookup does not).
#[inline]
fn maybe_interesting(b: u8) -> bool {
    (b == b'.')
        | (b == b'!')
        | (b == b'?')
        | (b == b'"')
        | (b == b'\n')
        | (b == b'\r')
        | (b == 0x0B)
        | (b == 0x0C)
        | (b == 0xC2)
        | (b == 0xE2)
        | (b == 0x9F)
}

/// Whether none of a block's bytes is [`maybe_interesting`] (written as lanes of 0 and 1
/// compared with 0 at once, which compiles to vector comparisons).
#[inline]
fn plain(block: &[u8; BLOCK]) -> bool {
    let mut hits = [0u8; BLOCK];
    for (hit, &b) in hits.iter_mut().zip(block) {
        *hit = u8::from(maybe_interesting(b));
    }
    u128::from_ne_bytes(hits) == 0
}

/// Bytes that start a terminator, a quote or a line break (besides ؟, D8 9F, tested apart).
static INTERESTING: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = [b'.', b'!', b'?', b'"', b'\n', b'\r', 0x0B, 0x0C, 0xC2, 0xE2];
    let mut k = 0;
    while k < bytes.len() {
        table[bytes[k] as usize] = true;
        k += 1;
    }
    table
};

/// How a quote character acts, decided from its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    NotQuote,
    Open,
    Close,
    Stray,
}

/// Quote families: a closing quote only closes a quote of its own family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Ascii,
    Guillemet,
    Curly,
}

impl Family {
    fn index(self) -> usize {
        match self {
            Family::Ascii => 0,
            Family::Guillemet => 1,
            Family::Curly => 2,
        }
    }
}

/// Which family a quote belongs to and which role its glyph suggests when its neighbours allow
/// both (`None` for the ASCII quote, which suggests nothing).
fn quote(c: char) -> Option<(Family, Option<Role>)> {
    match c {
        '"' => Some((Family::Ascii, None)),
        '«' => Some((Family::Guillemet, Some(Role::Open))),
        '»' => Some((Family::Guillemet, Some(Role::Close))),
        '“' | '„' | '‟' => Some((Family::Curly, Some(Role::Open))),
        '”' => Some((Family::Curly, Some(Role::Close))),
        _ => None,
    }
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

fn is_closing_bracket(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '\'' | '’' | '﴿')
}

/// What may precede an opening quote besides a space or the line start.
fn opens_after(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '﴾' | ':' | '،' | ',' | '-' | '–' | '—' | '/') || quote(c).is_some()
}

fn is_proclitic_letter(c: char) -> bool {
    matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك')
}

/// One line being split: its bounds, its terminators and quotes, and scratch space reused
/// across lines.
#[derive(Default)]
struct Line<'t> {
    text: &'t str,
    start: usize,
    end: usize,
    /// Terminators and quotes of the line, in order.
    events: Vec<(usize, char)>,
    /// The role of each event (`NotQuote` for terminators).
    roles: Vec<Role>,
    /// Outermost closed quotations: positions of the opening and closing quotes.
    quotes: Vec<(usize, usize)>,
    stack: Vec<(Family, usize)>,
}

impl<'t> Line<'t> {
    /// The character before byte `at`, within the line.
    fn before(&self, at: usize) -> Option<char> {
        if at <= self.start { None } else { char_before(self.text, at) }
    }

    /// The character at byte `at`, within the line.
    fn at(&self, at: usize) -> Option<char> {
        if at >= self.end { None } else { char_at(self.text, at) }
    }

    /// The `n`-th character before byte `at` (1 is the one right before), within the line.
    fn nth_before(&self, mut at: usize, n: usize) -> Option<char> {
        let mut c = None;
        for _ in 0..n {
            c = Some(self.before(at)?);
            at -= c.map_or(0, char::len_utf8);
        }
        c
    }

    /// Splits the line `text[start..end]` whose events were collected, appending trimmed
    /// normalised sentence spans to `out`, and clears the events.
    fn split(&mut self, text: &'t str, start: usize, end: usize, out: &mut Vec<Span>) {
        self.text = text;
        self.start = start;
        self.end = end;
        if !self.events.is_empty() {
            self.split_events(out);
        } else {
            push_trimmed(text, start, end, out);
        }
        self.events.clear();
    }

    fn split_events(&mut self, out: &mut Vec<Span>) {
        self.pair_quotes();
        let mut sentence_start = self.start;
        // The quotations are sorted and disjoint, and terminators come in order: the enclosing
        // quotation, if any, is found by moving a cursor forward.
        let mut quote = 0;
        let mut k = 0;
        while k < self.events.len() {
            let (pos, c) = self.events[k];
            if !is_terminator(c) {
                k += 1;
                continue;
            }
            // The run of adjacent terminators starting here.
            let mut j = k + 1;
            let mut run_end = pos + c.len_utf8();
            while let Some(&(p, d)) = self.events.get(j) {
                if p != run_end || !is_terminator(d) {
                    break;
                }
                run_end += d.len_utf8();
                j += 1;
            }
            let next = self.at(run_end);
            let dots_only = self.events[k..j].iter().all(|&(_, c)| matches!(c, '.' | '…'));
            // An elision in brackets, "(...)": a quotation goes on.
            let elision = dots_only && matches!(self.before(pos), Some('(' | '['));
            let mut ends = if elision {
                false
            } else if j == k + 1 && c == '.' {
                !self.dot_continues(pos, sentence_start)
            } else {
                !(dots_only && next.is_some_and(is_alphanumeric))
            };
            // Closing quotes and brackets right after the run belong to the sentence.
            let mut cut = run_end;
            let mut m = j;
            while let Some(d) = self.at(cut) {
                let event = self.events.get(m).filter(|&&(p, _)| p == cut);
                if event.is_some() {
                    if !matches!(self.roles[m], Role::Close | Role::Stray) {
                        break;
                    }
                    m += 1;
                } else if !is_closing_bracket(d) {
                    break;
                }
                cut += d.len_utf8();
            }
            while self.quotes.get(quote).is_some_and(|&(_, close)| close < pos) {
                quote += 1;
            }
            if ends
                && let Some(&(open, close)) = self.quotes.get(quote)
                && open < pos
                && pos < close
            {
                let closes_quote = cut > close;
                let then_space = self.at(cut).is_none_or(char::is_whitespace);
                ends = closes_quote && then_space;
            }
            if ends {
                push_trimmed(self.text, sentence_start, cut, out);
                sentence_start = cut;
                k = m;
            } else {
                k = j;
            }
        }
        push_trimmed(self.text, sentence_start, self.end, out);
    }

    /// Whether the single `.` at byte `pos` is not a sentence end.
    fn dot_continues(&self, pos: usize, sentence_start: usize) -> bool {
        let prev = self.before(pos);
        let before_prev = self.nth_before(pos, 2);
        let next = self.at(pos + 1);
        if next.is_some_and(|c| c.is_ascii_digit()) {
            return true;
        }
        let Some(prev) = prev else { return false };
        if prev.is_ascii_digit() {
            // "1. " opening a sentence numbers a list item.
            return self
                .text
                .get(sentence_start..pos)
                .is_some_and(|s| s.chars().all(|c| c.is_ascii_digit() || c.is_whitespace()));
        }
        if !is_alphabetic(prev) {
            return false;
        }
        // "X.Y" where Y is a lone letter: a dotted abbreviation even when a proclitic is glued
        // to its first letter (ود.ب.ا).
        let after_next = next.and_then(|c| self.at(pos + 1 + c.len_utf8()));
        if next.is_some_and(is_alphabetic) && !after_next.is_some_and(is_alphanumeric) {
            return true;
        }
        let single_letter = !before_prev.is_some_and(is_alphanumeric);
        if single_letter {
            // An abbreviation that may close a sentence (06:00 ت.غ. وقال).
            if next.is_none_or(char::is_whitespace) && self.ends_with_final_abbreviation(pos) {
                return false;
            }
            if before_prev == Some('.') || next.is_some_and(is_alphabetic) || prev.is_ascii_uppercase() {
                return true;
            }
            // A lone Arabic letter after a space or an opening bracket or quote is an initial
            // (د. نايف الحجرف), unless a number comes before it: an era or a unit then closes
            // the sentence (1442 هـ., 2020 م.).
            let at = pos - prev.len_utf8();
            return is_arabic_letter(prev)
                && before_prev.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '«' | '“'))
                && !self.follows_number(at);
        }
        // Between letters without a space: a domain or file name in Latin, a missing space in
        // Arabic.
        next.is_some_and(is_alphanumeric) && (prev.is_ascii() || next.is_some_and(|c| c.is_ascii()))
    }

    /// Whether the text before the dot at `dot` ends with an abbreviation of
    /// `data/text/sentence-final-abbreviations.txt` standing as a word of its own.
    fn ends_with_final_abbreviation(&self, dot: usize) -> bool {
        let Some(before) = self.text.get(self.start..dot) else { return false };
        final_abbreviations().iter().any(|abbreviation| {
            before
                .strip_suffix(abbreviation.as_str())
                .is_some_and(|rest| !rest.chars().next_back().is_some_and(|c| is_alphanumeric(c) || c == '.'))
        })
    }

    /// Whether a number comes before byte `at`, past spaces only.
    fn follows_number(&self, mut at: usize) -> bool {
        while let Some(c) = self.before(at) {
            if !c.is_whitespace() {
                return c.is_numeric();
            }
            at -= c.len_utf8();
        }
        false
    }

    /// Classifies the line's quotes and pairs them, keeping the outermost closed quotations.
    fn pair_quotes(&mut self) {
        self.roles.clear();
        self.quotes.clear();
        self.stack.clear();
        // How many quotes of each family are open on the stack, so that neither the guess
        // below nor a closing quote has to search it.
        let mut open = [0usize; 3];
        for k in 0..self.events.len() {
            let (pos, c) = self.events[k];
            let Some((family, hint)) = quote(c) else {
                self.roles.push(Role::NotQuote);
                continue;
            };
            let prev = self.before(pos);
            let next = self.at(pos + c.len_utf8());
            let boundary = |c: Option<char>| c.is_none_or(char::is_whitespace);
            let after_proclitic = prev.is_some_and(is_proclitic_letter) && {
                let pp = self.nth_before(pos, 2);
                boundary(pp)
                    || (pp.is_some_and(|c| matches!(c, 'و' | 'ف')) && boundary(self.nth_before(pos, 3)))
            };
            let can_open = next.is_some_and(|c| !c.is_whitespace())
                && (boundary(prev) || prev.is_some_and(opens_after) || after_proclitic);
            let can_close = prev.is_some_and(|c| !c.is_whitespace())
                && next.is_none_or(|c| c.is_whitespace() || is_punctuation(c));
            let role = match (can_open, can_close) {
                (true, false) => Role::Open,
                (false, true) => Role::Close,
                (true, true) => {
                    hint.unwrap_or(if open[family.index()] > 0 { Role::Close } else { Role::Open })
                }
                (false, false) => Role::Stray,
            };
            match role {
                Role::Open => {
                    self.stack.push((family, pos));
                    open[family.index()] += 1;
                }
                // Close the innermost open quote of the family, and whatever opened after it.
                Role::Close if open[family.index()] > 0 => {
                    while let Some((f, at)) = self.stack.pop() {
                        open[f.index()] -= 1;
                        if f == family {
                            self.quotes.push((at, pos));
                            break;
                        }
                    }
                }
                Role::Close | Role::Stray | Role::NotQuote => {}
            }
            self.roles.push(role);
        }
        // Closed quotations nest or are disjoint; keep the outermost ones.
        self.quotes.sort_unstable();
        let mut reach = 0;
        self.quotes.retain(|&(open, close)| {
            let outermost = open >= reach;
            reach = reach.max(close);
            outermost
        });
    }
}

/// Appends `text[start..end]` trimmed of whitespace, unless nothing is left.
fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let Some(slice) = text.get(start..end) else {
        return;
    };
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(start + lead, start + lead + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Normalizer;

    fn split(text: &str) -> Vec<&str> {
        let norm = Normalizer::analysis().normalize(text);
        sentences(&norm, norm.full_span()).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn the_block_test_lets_no_interesting_byte_through() {
        for b in 0..=255u8 {
            if INTERESTING[usize::from(b)] || b == 0x9F {
                assert!(maybe_interesting(b), "{b:#04x}");
                let mut block = [b'a'; BLOCK];
                block[BLOCK / 2] = b;
                assert!(!plain(&block), "{b:#04x}");
            }
        }
        assert!(plain(&[b'a'; BLOCK]));
    }

    #[test]
    fn blocks_skipped_whole_split_like_bytes_read_one_by_one() {
        // terminators, quotes and ؟ at every offset around a block boundary
        let filler = "كلمة ";
        for pad in 0..BLOCK + 2 {
            for end in ["؟ ثم", ". ثم", "\nثم", "!» ثم"] {
                // odd and even byte offsets: a one-byte letter, then two-byte ones
                let text = format!("{}{}{}{end}", "x".repeat(pad % 2), "ا".repeat(pad), filler);
                assert_eq!(split(&text).len(), 2, "{text:?}");
            }
        }
    }

    #[test]
    fn terminators_and_closers() {
        assert_eq!(
            split("هل التهدئة ممكنة؟ ارتفع العدد! وقال: \"انتهى الأمر.\" ثم غادر."),
            ["هل التهدئة ممكنة؟", "ارتفع العدد!", "وقال: \"انتهى الأمر.\"", "ثم غادر."]
        );
        assert_eq!(split("أحقا؟! نعم... (كما قال.) لا"), ["أحقا؟!", "نعم...", "(كما قال.)", "لا"]);
    }

    #[test]
    fn commas_semicolons_decimals_and_abbreviations_do_not_split() {
        assert_eq!(
            split("ارتفع 3.5% و19.45 نقطة، وانخفض؛ بتوقيت (06:00 ت.غ) حسب أ.ف.ب ود.ب.ا في U.S. اليوم."),
            ["ارتفع 3.5% و19.45 نقطة، وانخفض؛ بتوقيت (06:00 ت.غ) حسب أ.ف.ب ود.ب.ا في U.S. اليوم."]
        );
    }

    #[test]
    fn quotation_closed_later_holds_its_sentences() {
        let text = "ونقلت عنه الصحيفة قوله \"نحن مستعدون للتوقف ولو اليوم...لكن للأسف تنتهك أرمينيا \
                    بشكل صارخ وقف إطلاق النار...إذا لم يتوقفوا فسوف نواصل\". وسبق أن أعلن.";
        assert_eq!(split(text).len(), 2);
        let text = "وأضاف \"تركيا هي الدولة الوحيدة. لا توجد دولة أخرى. بالطبع، يجب... ونحن نؤيد ذلك\".";
        assert_eq!(split(text).len(), 1);
    }

    #[test]
    fn unbalanced_quote_does_not_suppress_the_rest() {
        assert_eq!(
            split("قبيل الاجتماع بعدم اللجوء للقوة\"، خلال قمة. ولكن وحدات أطلقت النار. وقال \"لن نتراجع"),
            ["قبيل الاجتماع بعدم اللجوء للقوة\"، خلال قمة.", "ولكن وحدات أطلقت النار.", "وقال \"لن نتراجع"]
        );
    }

    #[test]
    fn curly_quotes_used_twice_pair_by_context() {
        assert_eq!(
            split("نشرت صحيفة “بولتيكو“، أمس. وقال “موقف أرمينيا. هو ذلك”. ثم"),
            ["نشرت صحيفة “بولتيكو“، أمس.", "وقال “موقف أرمينيا. هو ذلك”.", "ثم"]
        );
    }

    #[test]
    fn proclitic_before_quote_opens_it() {
        assert_eq!(
            split("وفقاً لـ\"فرانس برس. وغيرها\". ثم بـ\"جريمة\"."),
            ["وفقاً لـ\"فرانس برس. وغيرها\".", "ثم بـ\"جريمة\"."]
        );
    }

    #[test]
    fn seed_paragraph_with_quotes_after_la() {
        let text = "قال وزير الخارجية الأميركي أنتوني بلينكن، الثلاثاء، إنه قلق من أن روسيا قد تحاول \
                    \"إثارة الاضطرابات\" في الصراع بين أذربيجان وأرمينيا، مشيراً إلى أن روسيا قادرة \
                    على استخدام نفوذها لـ\"تهدئة الأوضاع\". وأضاف بلينكين في تصريحات للصحافيين.";
        let got = split(text);
        assert_eq!(got.len(), 2);
        assert!(got[0].ends_with("لـ\"تهدئة الأوضاع\"."));
    }

    #[test]
    fn newlines_end_sentences_and_spans_are_trimmed() {
        let text = "\u{200F} عنوان بلا نقطة\r\n\n  الفقرة الأولى. الثانية \u{00A0}\n";
        assert_eq!(split(text), ["عنوان بلا نقطة", "الفقرة الأولى.", "الثانية"]);
    }

    #[test]
    fn list_numbers_and_single_arabic_letters() {
        assert_eq!(split("1. البند الأول. 2. البند الثاني"), ["1. البند الأول.", "2. البند الثاني"]);
        assert_eq!(split("في عام 1442 هـ. وقال"), ["في عام 1442 هـ.", "وقال"]);
        assert_eq!(split("انتهى الاجتماع.وقال"), ["انتهى الاجتماع.", "وقال"]);
        assert_eq!(split("زوروا aljazeera.net اليوم"), ["زوروا aljazeera.net اليوم"]);
    }

    #[test]
    fn elision_in_brackets_does_not_end_a_sentence() {
        assert_eq!(split("وزارة الدفاع (...) قالت."), ["وزارة الدفاع (...) قالت."]);
        let text = "ستحتفظ بمنافع ومزايا السوق الموحدة والاتحاد الجمركي (...) وسيتعين عليها لهذا السبب \
                    احترام جميع القواعد. وقال [...] إنه";
        assert_eq!(split(text).len(), 2);
        assert_eq!(split("قال: «نحن مستعدون (…) للتوقف». ثم"), ["قال: «نحن مستعدون (…) للتوقف».", "ثم"]);
    }

    #[test]
    fn arabic_initials_do_not_end_a_sentence() {
        assert_eq!(
            split("البيوت الدمشقية الأثرية تأليف: د. مسلم سقا أميني"),
            ["البيوت الدمشقية الأثرية تأليف: د. مسلم سقا أميني"]
        );
        assert_eq!(
            split("وقال الأمين العام د. نايف الحجرف إن المجلس"),
            ["وقال الأمين العام د. نايف الحجرف إن المجلس"]
        );
        assert_eq!(split("التقى الرئيس الأمريكي ج. بايدن. ثم"), ["التقى الرئيس الأمريكي ج. بايدن.", "ثم"]);
        assert_eq!(
            split("رائدة الفضاء سيرينا م. شانسيلور (د. ن)"),
            ["رائدة الفضاء سيرينا م. شانسيلور (د. ن)"]
        );
        // after a number: an era or a unit closing the sentence
        assert_eq!(split("في عام 1442 هـ. وقال"), ["في عام 1442 هـ.", "وقال"]);
        assert_eq!(split("ولد عام 2020 م. وقال"), ["ولد عام 2020 م.", "وقال"]);
        assert_eq!(split("يبلغ طوله 1.99 م. ولكن بلجيكا"), ["يبلغ طوله 1.99 م.", "ولكن بلجيكا"]);
        assert_eq!(split("بسرعة 144 كلم/س. وأشار البيان"), ["بسرعة 144 كلم/س.", "وأشار البيان"]);
    }

    #[test]
    fn abbreviations_that_may_end_a_sentence() {
        assert_eq!(split("بدأت المعارك (06:00 ت.غ). وقال"), ["بدأت المعارك (06:00 ت.غ).", "وقال"]);
        assert_eq!(
            split("التقى ماكرون قرابة الساعة 12,45 ت.غ. وقال الإليزيه"),
            ["التقى ماكرون قرابة الساعة 12,45 ت.غ.", "وقال الإليزيه"]
        );
        assert_eq!(
            split("عند الساعة 21,00\u{00A0}ت غ. وبحسب استطلاع"),
            ["عند الساعة 21,00\u{00A0}ت غ.", "وبحسب استطلاع"]
        );
        assert_eq!(split("بنيت عام 300 ق.م. ثم هدمت"), ["بنيت عام 300 ق.م.", "ثم هدمت"]);
        // other dotted abbreviations go on
        assert_eq!(split("حسب أ.ف.ب. اليوم"), ["حسب أ.ف.ب. اليوم"]);
        assert_eq!(split("شركة آبار ش. م. ل. ومقرها في لبنان"), ["شركة آبار ش. م. ل. ومقرها في لبنان"]);
    }

    #[test]
    fn many_quotations_on_one_line() {
        // Finding the quotation around each terminator used to scan every quotation of the
        // line: about 2 MB of this took minutes.
        let line = "قال \"نعم\". ".repeat(120_000);
        assert!(line.len() > 2_000_000);
        assert_eq!(split(&line).len(), 120_000);
        // quotes that open and never close, of several families
        let line = "قال «نعم و\"لا و“ربما ".repeat(40_000) + "انتهى.";
        assert_eq!(split(&line).len(), 1);
    }

    #[test]
    fn within_restricts_the_range() {
        let text = "أولى. ثانية. ثالثة.";
        let norm = Normalizer::analysis().normalize(text);
        let start = text.find('ث').unwrap_or(0);
        let got: Vec<&str> =
            sentences(&norm, Span::new(start, text.len())).iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, ["ثانية.", "ثالثة."]);
        assert!(sentences(&norm, Span::empty(3)).is_empty());
    }
}
