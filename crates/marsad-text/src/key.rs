//! The exact comparison key of names and words, and a keyed view of a whole text.
//!
//! Text and knowledge base go through the same normalised view; on top of it the key folds
//! ة → ه, ؤ → و, ئ → ي and lowercases Latin, so that `الأرمينية` and `الارمينيه` compare equal.
//! Every fold but a few non-ASCII capitals keeps a character's UTF-8 length, so a document can
//! be keyed once ([`keyed_view`]) and each word's key read from it at the word's own byte range
//! ([`crate::Normalized::key_of`]) instead of being folded, and often copied, word by word.

use std::borrow::Cow;

/// The exact comparison key of a normalised word: ة → ه, ؤ → و, ئ → ي, Latin lowercased.
///
/// ```
/// use marsad_text::key;
/// assert_eq!(key("الارمينية"), "الارمينيه");
/// assert_eq!(key("NATO"), "nato");
/// assert_eq!(key("باكو"), "باكو");
/// ```
pub fn key(word: &str) -> Cow<'_, str> {
    if !needs_key(word) {
        return Cow::Borrowed(word);
    }
    // the byte-level fold, which copies the runs between folds whole; a few capitals change
    // length and are folded character by character
    Cow::Owned(keyed_view(word).unwrap_or_else(|| key_by_chars(word)))
}

/// Whether `key(word) == k`, without making the key: the words of most checks are no key's
/// fold, and of the others most differ from `k` early.
///
/// ```
/// use marsad_text::key::key_eq;
/// assert!(key_eq("الارمينية", "الارمينيه"));
/// assert!(key_eq("NATO", "nato"));
/// assert!(!key_eq("NATO", "nat"));
/// ```
pub fn key_eq(word: &str, k: &str) -> bool {
    if !needs_key(word) {
        return word == k;
    }
    let mut rest = k.chars();
    let mut next_is = |c: char| rest.next() == Some(c);
    let same = word.chars().all(|c| match c {
        'ة' => next_is('ه'),
        'ؤ' => next_is('و'),
        'ئ' => next_is('ي'),
        c if is_upper(c) => c.to_lowercase().all(&mut next_is),
        c => next_is(c),
    });
    same && rest.next().is_none()
}

/// [`key`], folding character by character.
fn key_by_chars(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'ة' => out.push('ه'),
            'ؤ' => out.push('و'),
            'ئ' => out.push('ي'),
            c if is_upper(c) => out.extend(c.to_lowercase()),
            c => out.push(c),
        }
    }
    out
}

/// Whether [`key`] changes the character `c` (an unchanged character keys to itself, so that
/// a word whose first character is one keys to a text starting with that character).
pub fn folds(c: char) -> bool {
    matches!(c, 'ة' | 'ؤ' | 'ئ') || is_upper(c)
}

/// Whether [`key`] changes `word`: [`folds`] over its characters, reading ASCII and
/// the Arabic block (two bytes each, U+0600..U+06FF) byte by byte without decoding.
fn needs_key(word: &str) -> bool {
    let b = word.as_bytes();
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        if x < 0x80 {
            if x.is_ascii_uppercase() {
                return true;
            }
            i += 1;
        } else if (0xD8..=0xDB).contains(&x) && i + 1 < b.len() {
            // ة U+0629, ؤ U+0624, ئ U+0626
            if x == 0xD8 && matches!(b[i + 1], 0xA4 | 0xA6 | 0xA9) {
                return true;
            }
            i += 2;
        } else {
            return word.get(i..).is_some_and(|rest| rest.chars().any(folds));
        }
    }
    false
}

/// `char::is_uppercase` without the Unicode table lookup for ASCII and Arabic letters, which
/// are most of what is keyed.
#[inline]
fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
        false
    } else {
        c.is_uppercase()
    }
}

/// The key of a whole text when it has the same byte layout as the text (every character
/// keys to a character of the same UTF-8 length), so that the key of any word of the text is
/// the view at the word's byte range; `None` when some character does not (a few non-ASCII
/// capitals, e.g. `İ`).
pub fn keyed_view(text: &str) -> Option<String> {
    // the runs of characters that key to themselves are copied whole, between the folds
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut run, mut i) = (0, 0);
    let fold = |out: &mut String, run: &mut usize, at: usize, len: usize, to: char| {
        out.push_str(text.get(*run..at).unwrap_or_default());
        out.push(to);
        *run = at + len;
    };
    while let Some(&x) = b.get(i) {
        if x < 0x80 {
            if x.is_ascii_uppercase() {
                fold(&mut out, &mut run, i, 1, char::from(x.to_ascii_lowercase()));
            }
            i += 1;
        } else if x == 0xD8 {
            // ة U+0629, ؤ U+0624, ئ U+0626
            match b.get(i + 1) {
                Some(0xA9) => fold(&mut out, &mut run, i, 2, 'ه'),
                Some(0xA4) => fold(&mut out, &mut run, i, 2, 'و'),
                Some(0xA6) => fold(&mut out, &mut run, i, 2, 'ي'),
                _ => {}
            }
            i += 2;
        } else if (0xD9..=0xDB).contains(&x) {
            i += 2;
        } else {
            // other scripts: decode; a capital must lower to one character of its own length
            let c = text.get(i..)?.chars().next()?;
            let n = c.len_utf8();
            if is_upper(c) {
                let mut lower = c.to_lowercase();
                let l = lower.next()?;
                if lower.next().is_some() || l.len_utf8() != n {
                    return None;
                }
                fold(&mut out, &mut run, i, n, l);
            }
            i += n;
        }
    }
    out.push_str(text.get(run..)?);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_view_keys_a_text_in_place() {
        let text = "قالت الوزارة إن NATO والمؤسسة ومسؤول";
        let view = keyed_view(text).unwrap();
        assert_eq!(view, key(text));
        assert_eq!(view.len(), text.len());
    }

    #[test]
    fn capitals_that_change_length_have_no_view() {
        // İ (2 bytes) lowercases to i + a combining dot
        assert_eq!(keyed_view("İstanbul"), None);
        assert_eq!(keyed_view("ÉLYSÉE").as_deref(), Some("élysée"));
    }

    proptest! {
        /// The view, where there is one, is the key of the text, and each character's key
        /// sits at the character's byte range.
        #[test]
        fn the_view_is_the_key_char_by_char(text in "[a-zA-Zé É İ0-9 ةؤئأاهوي,.،]{0,40}") {
            if let Some(view) = keyed_view(&text) {
                prop_assert_eq!(&view, &key_by_chars(&text));
                prop_assert_eq!(&view, &key(&text));
                for (i, c) in text.char_indices() {
                    let mut buf = [0; 4];
                    let k = key(c.encode_utf8(&mut buf)).into_owned();
                    prop_assert_eq!(&view[i..i + c.len_utf8()], k.as_str());
                }
            } else {
                prop_assert!(text.contains('İ'));
            }
        }
    }

    proptest! {
        /// The key of any text is its character-by-character fold, whichever way it is made.
        #[test]
        fn the_key_is_the_fold_char_by_char(text in "\\PC{0,16}") {
            prop_assert_eq!(key(&text), key_by_chars(&text));
        }
    }

    proptest! {
        /// `key_eq` says whether a word keys to a text exactly when comparing the key does: to
        /// its own key, to that key cut short or run on, to any other text.
        #[test]
        fn key_eq_compares_the_key(
            word in "[a-zA-Z İéÉ0-9ةؤئأاهوي]{0,12}",
            other in "[a-zİé0-9هويا]{0,12}",
            cut in 0usize..4,
        ) {
            let k = key(&word).into_owned();
            prop_assert!(key_eq(&word, &k));
            let mut chars: Vec<char> = k.chars().collect();
            if !chars.is_empty() {
                chars.truncate(chars.len().saturating_sub(cut.max(1)));
                let short: String = chars.into_iter().collect();
                prop_assert!(!key_eq(&word, &short));
            }
            let longer = format!("{k}ه");
            prop_assert!(!key_eq(&word, &longer));
            prop_assert_eq!(key_eq(&word, &other), k == other);
        }
    }

    #[test]
    fn keys_fold_only_what_spelling_varies_on() {
        assert_eq!(key("مؤتمر"), "موتمر");
        assert_eq!(key("رئيس"), "رييس");
        assert_eq!(key("CNN"), "cnn");
        assert_eq!(key("İstanbul"), "i̇stanbul");
    }

    proptest::proptest! {
        #[test]
        fn the_byte_scan_agrees_with_the_characters(
            word in "[\\u{0600}-\\u{06FF}a-zA-Z0-9 \\u{00C0}-\\u{024F}\\u{0400}-\\u{04FF}\\u{0750}-\\u{077F}\\u{FB50}-\\u{FDFF}]{0,12}"
        ) {
            proptest::prop_assert_eq!(needs_key(&word), word.chars().any(folds));
        }

        #[test]
        fn the_byte_scan_agrees_on_any_text(word in "\\PC{0,12}") {
            proptest::prop_assert_eq!(needs_key(&word), word.chars().any(folds));
        }
    }

    proptest! {
        /// A word of a normalised text keys the same read from the view as keyed alone.
        #[test]
        fn key_of_a_slice_is_its_key(text in "[a-zA-Z İé0-9ةؤئأاهوي،.]{0,30}", a in 0usize..40, b in 0usize..40) {
            let norm = crate::Normalizer::analysis().normalize(&text);
            let t = norm.text();
            let (a, b) = (a.min(b).min(t.len()), a.max(b).min(t.len()));
            if let Some(word) = t.get(a..b) {
                prop_assert_eq!(norm.key_of(word), key(word));
            }
        }
    }
}
