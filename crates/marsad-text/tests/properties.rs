//! Properties of the text layer over arbitrary Unicode and over Arabic-looking noise.

use marsad_text::{
    CharOffsets, Normalized, Normalizer, Segmenter, Span, TokenKind, sentences, tokenize, tokenize_within,
};
use proptest::prelude::*;
use proptest::sample::select;

/// Characters that exercise every rule: letters with and without hamza seats, harakat, tatweel,
/// bidi and format marks, spaces, digits of three scripts, Arabic separators, presentation
/// forms (ligatures and spacing harakat), quotes, terminators, line breaks and Latin.
const ARABIC_NOISE: &[char] = &[
    'ا', 'أ', 'إ', 'آ', 'ٱ', 'ب', 'ت', 'ة', 'ث', 'ج', 'د', 'ذ', 'ر', 'س', 'ش', 'ع', 'ف', 'ق', 'ك', 'ل', 'م',
    'ن', 'ه', 'و', 'ي', 'ى', 'ء', 'ؤ', 'ئ', 'ک', 'ی', 'ھ', 'ۀ', 'ە', '\u{064B}', '\u{064C}', '\u{064E}',
    '\u{064F}', '\u{0650}', '\u{0651}', '\u{0652}', '\u{0653}', '\u{0654}', '\u{0655}', '\u{0670}',
    '\u{06D6}', '\u{0610}', '\u{08F0}', 'ـ', '_', '_', '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}',
    '\u{200F}', '\u{061C}', '\u{202B}', '\u{202C}', '\u{2067}', '\u{2069}', '\u{FEFF}', '\u{00AD}',
    '\u{00A0}', '\u{2009}', '\u{202F}', '\u{3000}', ' ', ' ', ' ', '\n', '\r', '\t', '\u{2029}', '٠', '٣',
    '٩', '۱', '۴', '0', '5', '9', '٫', '٬', '٪', '\u{FEFB}', '\u{FEF5}', '\u{FDF2}', '\u{FDFA}', '\u{FE70}',
    '\u{FE71}', '\u{FE8D}', '\u{FE91}', '\u{FB8E}', '\u{FC5E}', '\u{FD3E}', '.', '.', '!', '?', '؟', '…',
    '،', '؛', ',', ':', '/', '-', '"', '"', '«', '»', '“', '”', '\'', '(', ')', '%', '#', 'a', 'Z', 'İ', 'ß',
    'é', '\u{0301}', 'Σ', '😀', '\u{FE0F}',
];

fn arabic_noise() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![10 => select(ARABIC_NOISE), 1 => any::<char>()], 0..80)
        .prop_map(String::from_iter)
}

fn any_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..40).prop_map(String::from_iter)
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![3 => arabic_noise(), 1 => any_text()]
}

/// Two offsets up to a little past `len`, in order.
fn span_in(len: usize, a: usize, b: usize) -> Span {
    let (a, b) = (a % (len + 3), b % (len + 3));
    Span::new(a.min(b), a.max(b))
}

fn presets() -> [Normalizer; 2] {
    [Normalizer::analysis(), Normalizer::search_key()]
}

fn on_boundaries(text: &str, span: Span) -> bool {
    span.end() <= text.len() && text.is_char_boundary(span.start()) && text.is_char_boundary(span.end())
}

fn check_alignment(norm: &Normalized<'_>) -> Result<(), TestCaseError> {
    let original = norm.original();
    let mut last = Span::empty(0);
    for b in 0..norm.text().len() {
        let a = norm.alignment(b);
        prop_assert!(on_boundaries(original, a), "alignment of {b} = {a} off boundaries");
        prop_assert!(!a.is_empty(), "normalised byte {b} aligned to nothing");
        prop_assert!(a.start() >= last.start() && a.end() >= last.end(), "not monotonic at {b}");
        last = a;
    }
    Ok(())
}

proptest! {
    // 600 cases unless PROPTEST_CASES asks for a longer hunt.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(600),
        ..ProptestConfig::default()
    })]

    #[test]
    fn normalisation_is_idempotent(text in text()) {
        for n in presets() {
            let once = n.normalize(&text);
            let twice = n.normalize(once.text());
            prop_assert_eq!(twice.text(), once.text());
            prop_assert!(twice.is_unchanged());
            prop_assert_eq!(n.normalize_str(&text), once.text());
            prop_assert!(n.is_normalized(once.text()));
        }
    }

    #[test]
    fn alignment_is_monotonic_and_on_boundaries(text in text()) {
        for n in presets() {
            check_alignment(&n.normalize(&text))?;
        }
    }

    #[test]
    fn offsets_convert_totally_and_round_trip(text in text(), a in 0usize..200, b in 0usize..200) {
        for n in presets() {
            let norm = n.normalize(&text);
            let (nlen, olen) = (norm.text().len(), text.len());
            // any span, even off boundaries or past the end
            let to_orig = norm.to_original(span_in(nlen, a, b));
            prop_assert!(on_boundaries(&text, to_orig), "{to_orig} off boundaries");
            let to_norm = norm.to_normalized(span_in(olen, a, b));
            prop_assert!(on_boundaries(norm.text(), to_norm), "{to_norm} off boundaries");
            // spans on normalised char boundaries survive a round trip
            let bounds: Vec<usize> =
                norm.text().char_indices().map(|(i, _)| i).chain([nlen]).collect();
            let (i, j) = (a % bounds.len(), b % bounds.len());
            let s = Span::new(bounds[i.min(j)], bounds[i.max(j)]);
            // (an empty span inside the expansion of one character has no original twin)
            if !s.is_empty() {
                let back = norm.to_normalized(norm.to_original(s));
                prop_assert!(back.contains(s), "{s} -> {} -> {back}", norm.to_original(s));
            }
        }
    }

    #[test]
    fn tokens_are_ordered_disjoint_and_clean(text in text(), a in 0usize..200, b in 0usize..200) {
        let norm = Normalizer::analysis().normalize(&text);
        let mut last_norm = 0;
        let mut last_orig = Span::empty(0);
        for t in tokenize(&norm) {
            prop_assert!(!t.norm.is_empty());
            prop_assert!(t.norm.start() >= last_norm, "token {} overlaps", t.norm);
            // Disjoint in the original too, unless one original character expanded into several
            // words (ﷺ): those tokens share its range.
            let shares_a_char = t.span.start() < last_orig.end()
                && norm.alignment(t.norm.start()) == norm.alignment(last_norm.saturating_sub(1));
            prop_assert!(
                t.span.start() >= last_orig.end() || shares_a_char,
                "token {} overlaps {} in the original", t.span, last_orig
            );
            prop_assert!(t.span.start() >= last_orig.start() && t.span.end() >= last_orig.end());
            prop_assert!(on_boundaries(norm.text(), t.norm));
            prop_assert!(on_boundaries(&text, t.span));
            prop_assert!(!t.norm_str(&norm).chars().any(char::is_whitespace));
            prop_assert!(!t.text(&norm).is_empty());
            last_norm = t.norm.end();
            last_orig = t.span;
        }
        let within = span_in(text.len(), a, b);
        let range = norm.to_normalized(within);
        for t in tokenize_within(&norm, within) {
            prop_assert!(range.contains(t.norm));
        }
    }

    #[test]
    fn sentences_are_ordered_disjoint_and_trimmed(text in text(), a in 0usize..200, b in 0usize..200) {
        let norm = Normalizer::analysis().normalize(&text);
        for within in [norm.full_span(), span_in(text.len(), a, b)] {
            let mut last = 0;
            for s in sentences(&norm, within) {
                prop_assert!(!s.is_empty());
                prop_assert!(s.start() >= last, "sentence {s} overlaps");
                prop_assert!(on_boundaries(&text, s));
                let slice = s.slice(&text);
                prop_assert!(!slice.starts_with(char::is_whitespace), "{slice:?} not trimmed");
                prop_assert!(!slice.ends_with(char::is_whitespace), "{slice:?} not trimmed");
                last = s.end();
            }
        }
    }

    #[test]
    fn segmentations_concatenate_back(text in text()) {
        let norm = Normalizer::analysis().normalize(&text);
        let words = tokenize(&norm)
            .filter(|t| t.kind == TokenKind::Arabic)
            .map(|t| t.norm_str(&norm))
            .chain([text.as_str()]);
        for word in words {
            let mut first = true;
            for seg in Segmenter::builtin().candidates(word) {
                let mut rebuilt = String::new();
                for (_, r) in seg.proclitics() {
                    rebuilt.push_str(&word[r]);
                }
                rebuilt.push_str(seg.stem_str(word));
                prop_assert_eq!(&rebuilt, word);
                if first {
                    prop_assert_eq!(seg, Segmenter::builtin().segment(word));
                    first = false;
                }
            }
            prop_assert!(!first, "no candidate for {word:?}");
        }
    }

    #[test]
    fn char_offsets_agree_with_counting(text in text()) {
        let offsets = CharOffsets::new(&text);
        for (b, _) in text.char_indices() {
            prop_assert_eq!(offsets.char_index(b), text[..b].chars().count());
        }
        prop_assert_eq!(offsets.char_index(text.len()), text.chars().count());
        prop_assert_eq!(offsets.char_index(text.len() + 5), text.chars().count());
        for b in 0..text.len() {
            // inside a character: that character's index
            let start = (0..=b).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            prop_assert_eq!(offsets.char_index(b), text[..start].chars().count());
        }
    }
}

/// The seed articles, as shipped in the repository.
const SEEDS: [&str; 5] = [
    include_str!("../../../examples/corpus/000_b587ee3253eb2d41.txt"),
    include_str!("../../../examples/corpus/001_d67965d036683f9b.txt"),
    include_str!("../../../examples/corpus/002_99d1a8828afe04f7.txt"),
    include_str!("../../../examples/corpus/003_6b2d5fff41c62f6f.txt"),
    include_str!("../../../examples/corpus/004_b5f0c4ca6264197a.txt"),
];

#[test]
fn seeds_hold_the_same_properties() {
    for text in SEEDS {
        for n in presets() {
            let norm = n.normalize(text);
            check_alignment(&norm).map_err(|e| e.to_string()).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(n.normalize(norm.text()).text(), norm.text());
        }
        let norm = Normalizer::analysis().normalize(text);
        let tokens: Vec<_> = tokenize(&norm).collect();
        assert!(tokens.windows(2).all(|w| w[0].span.end() <= w[1].span.start()));
        let spans = sentences(&norm, norm.full_span());
        assert!(spans.windows(2).all(|w| w[0].end() <= w[1].start()));
    }
}
