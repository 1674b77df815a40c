//! The line model the cleaner works on: every line of the text with its trimmed span in the
//! original, its span in the document's normalised view, and its matching key.
//!
//! The document is normalised once (the text layer reuses that view); a line's key is its
//! normalised text with whitespace runs collapsed and ASCII lowercased. Key offsets map back
//! to the original text on demand, through the normalised view's alignment.

use std::ops::Range;

use marsad_text::{Normalized, Span};

/// One line of the input text (or one paragraph span, for callers that key paragraphs).
#[derive(Debug)]
pub(crate) struct Line {
    /// The line's trimmed extent in the original text (empty for blank lines).
    pub trim: Span,
    /// The same extent in the normalised view.
    pub norm: Span,
    /// Normalised, whitespace-collapsed, ASCII-lowercased text of the line.
    pub key: String,
    /// Number of words of `key`.
    pub words: usize,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.key.is_empty()
    }

    /// The original span of a byte range of `key`.
    pub fn orig_span(&self, norm: &Normalized<'_>, key_range: Range<usize>) -> Span {
        let line = self.norm.slice(norm.text());
        let start = key_to_norm(line, key_range.start);
        let end = key_to_norm(line, key_range.end).max(start);
        if start == end {
            return Span::empty(
                norm.to_original(Span::new(self.norm.start() + start, self.norm.start() + start)).end(),
            );
        }
        norm.to_original(Span::new(self.norm.start() + start, self.norm.start() + end))
    }
}

/// Whether a character is invisible formatting that should not start or end a span.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}' | '\u{061C}' | '\u{00AD}')
}

/// Whether a character is trimmed from the edges of lines and paragraphs.
pub(crate) fn is_trimmable(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

/// Trims a span of `text` of whitespace and invisible marks at both ends.
pub(crate) fn trim_span(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start_matches(is_trimmable).len();
    if lead == s.len() {
        return Span::empty(span.start());
    }
    let trail = s.len() - s.trim_end_matches(is_trimmable).len();
    Span::new(span.start() + lead, span.end() - trail)
}

/// Splits the normalised view into lines (on `\n`, `\r`, U+2028 and U+2029) and keys them.
pub(crate) fn split_lines(norm: &Normalized<'_>) -> Vec<Line> {
    let ntext = norm.text();
    let bytes = ntext.as_bytes();
    let mut lines = Vec::with_capacity(ntext.len() / 64 + 1);
    let mut start = 0;
    let mut at = 0;
    // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8
    while let Some(found) = memchr::memchr3(b'\n', b'\r', 0xE2, &bytes[at..]) {
        let i = at + found;
        let width = match bytes[i] {
            b'\n' | b'\r' => 1,
            _ if matches!(bytes.get(i + 1..i + 3), Some([0x80, 0xA8 | 0xA9])) => 3,
            _ => {
                at = i + 1;
                continue;
            }
        };
        lines.push(keyed_norm(norm, Span::new(start, i)));
        start = i + width;
        at = start;
    }
    lines.push(keyed_norm(norm, Span::new(start, ntext.len())));
    lines
}

/// Keys a span of the original text (a paragraph, a title) the way lines are keyed.
pub(crate) fn keyed(norm: &Normalized<'_>, orig: Span) -> Line {
    keyed_norm(norm, norm.to_normalized(orig))
}

fn keyed_norm(norm: &Normalized<'_>, raw: Span) -> Line {
    let s = raw.slice(norm.text());
    let lead = s.len() - s.trim_start_matches(is_trimmable).len();
    if lead == s.len() {
        let at = norm.to_original(Span::empty(raw.start())).end();
        return Line { trim: Span::empty(at), norm: Span::empty(raw.start()), key: String::new(), words: 0 };
    }
    let trail = s.len() - s.trim_end_matches(is_trimmable).len();
    let nspan = Span::new(raw.start() + lead, raw.end() - trail);
    let (key, words) = collapse(nspan.slice(norm.text()));
    Line { trim: norm.to_original(nspan), norm: nspan, key, words }
}

/// Whether a byte of a normalised line separates words. The normaliser maps every Unicode space
/// to an ASCII space and deletes invisible marks, so ASCII white space is all there is.
fn is_key_space(b: u8) -> bool {
    b.is_ascii_whitespace()
}

/// Collapses whitespace runs to one space and lowercases ASCII; counts the words.
///
/// Most lines separate their words by one space and nothing else: their key is the line
/// lowercased, made in one copy, where copying word by word cost a call per word.
fn collapse(s: &str) -> (String, usize) {
    // three passes of folds the compiler vectorises, rather than one branching per byte
    let b = s.as_bytes();
    let other_space = b.iter().fold(false, |any, &x| any | (is_key_space(x) & (x != b' ')));
    let double_space = b.windows(2).fold(false, |any, w| any | ((w[0] == b' ') & (w[1] == b' ')));
    let edge_space = b.first() == Some(&b' ') || b.last() == Some(&b' ');
    if b.is_empty() || other_space || double_space || edge_space {
        return collapse_words(s);
    }
    let words = b.iter().filter(|&&x| x == b' ').count() + 1;
    let mut key = s.to_owned();
    key.make_ascii_lowercase();
    (key, words)
}

/// [`collapse`], word by word.
fn collapse_words(s: &str) -> (String, usize) {
    let mut key = String::with_capacity(s.len());
    let mut words = 0;
    for word in s.split_ascii_whitespace() {
        if words > 0 {
            key.push(' ');
        }
        key.push_str(word);
        words += 1;
    }
    key.make_ascii_lowercase();
    (key, words)
}

/// The byte offset in the (trimmed) normalised line `s` where byte `key_off` of its key comes
/// from: for a collapsed space, the first whitespace byte of its run (so that a range ending
/// there ends right after the previous word); past the end, the end of `s`.
fn key_to_norm(s: &str, key_off: usize) -> usize {
    let mut k = 0;
    let mut in_space = true;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if is_key_space(b) {
            if !in_space {
                if k >= key_off {
                    return i;
                }
                k += 1;
                in_space = true;
            }
            continue;
        }
        in_space = false;
        if k >= key_off {
            return i;
        }
        k += 1;
    }
    s.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_text::Normalizer;

    proptest::proptest! {
        /// The one-copy key of a line is its key made word by word, whatever its spaces.
        #[test]
        fn collapse_is_the_words_joined(line in "[ \t\nAbاب.]{0,24}") {
            proptest::prop_assert_eq!(collapse(&line), collapse_words(&line));
        }
    }

    #[test]
    fn lines_keep_original_offsets() {
        let text = "\u{a0}عنوان  الخبر\u{200f}\n\nنص  الخبر.\n";
        let norm = Normalizer::analysis().normalize(text);
        let lines = split_lines(&norm);
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0].trim.slice(text), "عنوان  الخبر");
        assert_eq!(lines[0].key, "عنوان الخبر");
        assert_eq!(lines[0].words, 2);
        assert!(lines[1].is_blank());
        assert_eq!(lines[2].trim.slice(text), "نص  الخبر.");
        assert!(lines[3].is_blank());
    }

    #[test]
    fn key_ranges_map_back_to_the_original() {
        let text = "وانتهى  الاجتماعُ. سماتٌ بنغازي داعش";
        let norm = Normalizer::analysis().normalize(text);
        let line = &split_lines(&norm)[0];
        let at = line.key.find("سمات").unwrap();
        assert_eq!(line.orig_span(&norm, at..line.key.len()).slice(text), "سماتٌ بنغازي داعش");
        let dot = line.key.find('.').unwrap() + 1;
        assert_eq!(line.orig_span(&norm, 0..dot).slice(text), "وانتهى  الاجتماعُ.");
        // a range ending at a collapsed space ends after the word before it, harakat included
        let space = line.key.find(' ').unwrap();
        assert_eq!(line.orig_span(&norm, 0..space).slice(text), "وانتهى");
    }

    #[test]
    fn every_line_break_splits() {
        let text = "أ\r\nب\u{2028}ج\u{2029}د\nه\u{2026}و";
        let norm = Normalizer::analysis().normalize(text);
        let keys: Vec<String> = split_lines(&norm).into_iter().map(|l| l.key).collect();
        // \r\n gives an empty line between \r and \n; the ellipsis (E2 80 A6) is no break
        assert_eq!(keys, ["ا", "", "ب", "ج", "د", "ه\u{2026}و"]);
    }

    #[test]
    fn key_offsets_walk_collapsed_spaces() {
        let s = "ab   cd e";
        assert_eq!(collapse(s).0, "ab cd e");
        assert_eq!(key_to_norm(s, 0), 0);
        assert_eq!(key_to_norm(s, 2), 2); // the collapsed space: first blank of the run
        assert_eq!(key_to_norm(s, 3), 5); // 'c'
        assert_eq!(key_to_norm(s, 7), s.len());
    }
}
