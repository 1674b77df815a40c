//! Character classes shared by the normaliser, the tokeniser and the sentence splitter.
//!
//! The crate is dependency-free, so these are hand-written range tests rather than Unicode
//! property tables; each one only has to be right for the characters that reach it (the
//! normaliser has already folded or deleted the rest).

/// An Arabic-script letter as it can appear after normalisation: the Arabic block letters
/// (hamza to yeh, the extended letters of Persian, Urdu, Kurdish..., the small waw and yeh of
/// Quranic spelling), Arabic Supplement and the letters of Arabic Extended-A. Tatweel, harakat,
/// digits and signs are not letters.
#[inline]
pub(crate) fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0620}'..='\u{063F}'
        | '\u{0641}'..='\u{064A}'
        | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06E5}'..='\u{06E6}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08C9}')
}

/// A letter: `char::is_alphabetic` with fast paths for ASCII and the Arabic letters (which
/// it otherwise looks up in a slow table). Harakat are not letters.
#[inline]
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
        is_arabic_letter(c)
    } else {
        c.is_alphabetic()
    }
}

/// A letter of the basic Arabic block (hamza to ghain, feh to yeh): letters for every Unicode
/// property the code asks about.
#[inline]
fn is_basic_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
}

/// Exactly `char::is_alphabetic`, with fast paths for ASCII and the basic Arabic letters (which
/// it otherwise looks up in a slow table: a few hundred instructions a letter).
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphabetic() } else { is_basic_arabic_letter(c) || c.is_alphabetic() }
}

/// Exactly `char::is_alphanumeric`, with the fast paths of [`is_alphabetic`].
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { is_basic_arabic_letter(c) || c.is_alphanumeric() }
}

/// A combining mark that the normaliser keeps (Latin accents in decomposed text, variation
/// selectors...): it belongs to the token before it rather than starting one.
#[inline]
pub(crate) fn is_combining_mark(c: char) -> bool {
    // Most calls ask about a space or an ASCII character ending a token.
    if c < '\u{0300}' {
        return false;
    }
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{05BF}'
        | '\u{05C1}'..='\u{05C2}'
        | '\u{05C4}'..='\u{05C5}'
        | '\u{05C7}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08CA}'..='\u{08E1}'
        | '\u{08E3}'..='\u{08FF}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// How many line breaks `c` stands for: a paragraph separator counts as a blank line.
/// `\r` counts as one; callers skip the `\n` of a `\r\n` pair themselves.
#[inline]
pub(crate) fn line_breaks(c: char) -> u32 {
    match c {
        '\n' | '\r' | '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{2028}' => 1,
        '\u{2029}' => 2,
        _ => 0,
    }
}

/// Punctuation as opposed to symbols: the characters that structure text (stops, commas,
/// quotes, brackets, dashes) in the scripts marsad meets.
#[inline]
pub(crate) fn is_punctuation(c: char) -> bool {
    matches!(c,
        '!' | '"' | '\'' | '(' | ')' | ',' | '-' | '.' | '/' | ':' | ';' | '?'
        | '[' | '\\' | ']' | '_' | '{' | '}'
        | '\u{00A1}' | '\u{00A7}' | '\u{00AB}' | '\u{00B6}' | '\u{00B7}' | '\u{00BB}'
        | '\u{00BF}'
        | '\u{055A}'..='\u{055F}'
        | '\u{0589}'..='\u{058A}'
        | '\u{05BE}' | '\u{05C0}' | '\u{05C3}' | '\u{05C6}' | '\u{05F3}'..='\u{05F4}'
        | '\u{0609}'..='\u{060A}'
        | '\u{060C}'..='\u{060D}'
        | '\u{061B}'
        | '\u{061D}'..='\u{061F}'
        // A tatweel that survived normalisation stands alone, used as a dash ("بغداد ـ").
        | '\u{0640}'
        | '\u{066D}'
        | '\u{06D4}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{2E00}'..='\u{2E7F}'
        | '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3014}'..='\u{301F}'
        | '\u{FD3E}'..='\u{FD3F}'
        | '\u{FE10}'..='\u{FE19}'
        | '\u{FE30}'..='\u{FE52}'
        | '\u{FE54}'..='\u{FE61}'
        | '\u{FE63}'
        | '\u{FE68}'
        | '\u{FE6A}'..='\u{FE6B}'
        | '\u{FF01}'..='\u{FF03}'
        | '\u{FF05}'..='\u{FF0A}'
        | '\u{FF0C}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF1B}'
        | '\u{FF1F}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF3D}'
        | '\u{FF3F}'
        | '\u{FF5B}'
        | '\u{FF5D}'
        | '\u{FF5F}'..='\u{FF65}')
}

/// The character before byte `at` in `text`, if any (`at` must be a char boundary).
#[inline]
pub(crate) fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at).and_then(|s| s.chars().next_back())
}

/// The character starting at byte `at` in `text`, if any.
#[inline]
pub(crate) fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|s| s.chars().next())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_letter_classes_agree_with_the_standard_library_on_every_char() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn arabic_letters_exclude_tatweel_marks_and_digits() {
        for c in "ءابتثجحخدذرزسشصضطظعغفقكلمنهويةىئؤپچژگکی".chars() {
            assert!(is_arabic_letter(c), "{c} U+{:04X}", c as u32);
        }
        for c in "ـًٌٍَُِّْٰ٠٩٫،؛؟a1 ".chars() {
            assert!(!is_arabic_letter(c), "{c} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn punctuation_covers_arabic_and_quotes() {
        for c in "،؛؟«»“”\"'.…-–—()[]ـ٭".chars() {
            assert!(is_punctuation(c), "{c}");
        }
        for c in "#%@$€+=<>".chars() {
            assert!(!is_punctuation(c), "{c}");
        }
    }
}
