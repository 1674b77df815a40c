//! Search terms: the words of a text as the full-text index holds them, each aligned with the
//! characters of the original text it came from.
//!
//! SQLite's `unicode61` tokenizer splits Arabic words at diacritics and folds neither alef forms
//! nor clitics, so the index is fed a column normalised here, by the project's own text layer,
//! and the query goes through the same function. A term is:
//!
//! - for an Arabic word: the analysis normaliser's form (harakat, tatweel and invisible marks
//!   removed, alef forms and digits folded), its proclitics split off (و ف ب ل ك س ال, guarded by
//!   the segmenter's lexicon: الجزائر stays whole), then the search-key folds (ة → ه, ؤ → و,
//!   ئ → ي): `وبالجيشِ` → `جيش`, `الأرمينيّة` → `ارمينيه`. This is the light stemming: only
//!   proclitics, no suffixes, so that a hit is always the word the user typed, with its prefixes;
//! - for another word: lowercased (`CNN` → `cnn`);
//! - for a number: its ASCII digits (`١٣٥` → `135`).
//!
//! Punctuation and symbols make no term. A term keeps only letters and digits, so the
//! tokenizer sees exactly one token per term and term `i` of a column is token `i` of the
//! index.
//!
//! ```
//! use marsad_store::terms::{query_terms, terms};
//! let text = "قُتل 49 جندياً أرمينياً في قصفٍ للجيش الأذربيجاني";
//! let found = terms(text, &[(0, text.len())]);
//! let forms: Vec<&str> = found.iter().map(|t| t.form.as_str()).collect();
//! assert_eq!(forms, ["قتل", "49", "جنديا", "ارمينيا", "في", "قصف", "جيش", "اذربيجاني"]);
//! // each term points at the original word, marks included
//! assert_eq!(&text[found[6].start..found[6].end], "للجيش");
//! assert_eq!(query_terms("الجيش"), ["جيش"]);
//! ```

use marsad_text::{Normalized, Normalizer, Segmentation, Segmenter, TokenKind, tokenize_within};

/// One term of a text: its indexed form and the original byte range it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// The form in the index.
    pub form: String,
    /// Byte offset of the word's first character in the original text.
    pub start: usize,
    /// Byte offset just after the word.
    pub end: usize,
}

/// The terms of `text` inside `within` (byte ranges of `text`, in order), in text order.
pub fn terms(text: &str, within: &[(usize, usize)]) -> Vec<Term> {
    let norm = Normalizer::analysis().normalize(text);
    let mut out = Vec::new();
    each_term(&norm, within, |form, start, end| out.push(Term { form: form.to_string(), start, end }));
    out
}

/// Calls `f` with each term of the normalised text `norm` inside `within` (byte ranges of the
/// original text, in order): its form and the original byte range it came from. What
/// [`terms`] returns, without a string per term (the ingest indexes every word of every
/// article: one normalisation of the text serves its title and its body).
///
/// Segmenting a word costs less than looking it up in a table of the forms already met (a
/// cache of 200,000 forms per thread, which this replaced: its look-ups missed the processor's
/// caches and made the preparation of an article 1.5 times slower).
pub fn each_term(norm: &Normalized<'_>, within: &[(usize, usize)], mut f: impl FnMut(&str, usize, usize)) {
    let text = norm.original();
    let segmenter = Segmenter::builtin();
    let mut form = String::new();
    for &(start, end) in within {
        if start >= end || end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        for token in tokenize_within(norm, marsad_text::Span::new(start, end)) {
            form.clear();
            push_form(token.norm_str(norm), token.kind, segmenter, &mut form);
            if !form.is_empty() {
                f(&form, token.span.start(), token.span.end());
            }
        }
    }
}

/// Appends the index form of one token of the analysis view (nothing for punctuation).
pub fn push_form(word: &str, kind: TokenKind, segmenter: &Segmenter, out: &mut String) {
    let segmentation = (kind == TokenKind::Arabic).then(|| segmenter.segment(word));
    push_analysed_form(word, kind, segmentation.as_ref(), out);
}

/// [`push_form`] for a token already analysed: an Arabic word's `segmentation` is the
/// builtin segmenter's (as extraction's tokens carry it; segmented here when missing).
pub fn push_analysed_form(
    word: &str,
    kind: TokenKind,
    segmentation: Option<&Segmentation>,
    out: &mut String,
) {
    let base = match (kind, segmentation) {
        (TokenKind::Arabic, Some(s)) => s.stem_str(word),
        (TokenKind::Arabic, None) => Segmenter::builtin().segment(word).stem_str(word),
        (TokenKind::Word | TokenKind::Number, _) => word,
        (TokenKind::Punct | TokenKind::Symbol, _) => return,
    };
    fold(base, out);
}

/// Appends `word`, already in the analysis view, with the folds that the search-key preset
/// adds to it ([`Normalizer::search_key`]: lowercase, ة → ه, ؤ → و, ئ → ي), keeping letters and
/// digits only. Equal to `Normalizer::search_key().normalize_str(word)` filtered, without
/// allocating (this runs for every word of every article; a test checks the equality).
fn fold(word: &str, out: &mut String) {
    for c in word.chars() {
        match c {
            'ة' => out.push('ه'),
            'ؤ' => out.push('و'),
            'ئ' => out.push('ي'),
            // the Arabic letters (a fast path: the general test below is a table search)
            '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => out.push(c),
            c if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
            c if c.is_ascii() => {}
            c if c.is_alphanumeric() => out.extend(c.to_lowercase().filter(|c| c.is_alphanumeric())),
            _ => {}
        }
    }
}

/// The terms of a query word or phrase, through the same steps as the indexed text.
pub fn query_terms(query: &str) -> Vec<String> {
    terms(query, &[(0, query.len())]).into_iter().map(|t| t.form).collect()
}

/// The terms of a text joined by spaces: what the index column holds.
pub fn index_text(terms: &[Term]) -> String {
    let mut s = String::with_capacity(terms.iter().map(|t| t.form.len() + 1).sum());
    for (i, t) in terms.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(&t.form);
    }
    s
}

/// Byte offsets of code-point offsets: `cp_to_byte(text)[i]` is where character `i` starts
/// (and the last entry is `text.len()`).
pub fn char_starts(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alef_forms_harakat_tatweel_and_clitics_fold_to_one_term() {
        for variant in ["أرمينيا", "ارمينيا", "وأرمينيا", "لأرمينيا", "أرمـينيا", "أَرْمِينِيَا"]
        {
            assert_eq!(query_terms(variant), ["ارمينيا"], "{variant}");
        }
        assert_eq!(query_terms("المدفعيّة"), query_terms("مدفعيه"));
        assert_eq!(query_terms("CNN، ١٣٥!"), ["cnn", "135"]);
    }

    #[test]
    fn the_fast_fold_is_the_search_key_normaliser() {
        let analysis = Normalizer::analysis();
        for word in [
            "القاعدة",
            "مسؤول",
            "رئيس",
            "CNN",
            "Ünïcode",
            "ΣΟΦΙΑ",
            "١٣٥",
            "ﻷن",
            "مؤسسةٌ",
            "x-19",
            "ŉ",
            "İstanbul",
        ] {
            let word = analysis.normalize_str(word);
            let mut fast = String::new();
            fold(&word, &mut fast);
            let slow: String = Normalizer::search_key()
                .normalize_str(&word)
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect();
            assert_eq!(fast, slow, "{word}");
        }
    }

    #[test]
    fn terms_map_back_to_the_original_words() {
        let text = "قال: «وبالمدفعيةِ» ثم ١٣٥";
        let t = terms(text, &[(0, text.len())]);
        let words: Vec<&str> = t.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(words, ["قال", "وبالمدفعيةِ", "ثم", "١٣٥"]);
    }

    #[test]
    fn bad_ranges_are_ignored_not_a_panic() {
        let text = "أرمينيا";
        assert!(terms(text, &[(1, 3), (5, 2), (0, 999)]).is_empty());
    }
}
