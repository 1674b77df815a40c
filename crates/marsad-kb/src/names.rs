//! Keys under which names are compared.
//!
//! Text and knowledge base go through the same [`Normalizer::analysis`] view (hamza seats,
//! alef maksura, harakat). On top of it:
//!
//! - [`key`]: the exact key. ة → ه, ؤ → و, ئ → ي, Latin lowercased: `الأرمينية` and
//!   `الارمينيه` are one key. Spellings that differ by a real letter stay apart.
//! - [`skeleton`]: the loose key of a foreign name, for transliteration variants. Long vowels
//!   (ا و ي) after the first letter and doubled letters are dropped, and the letters Arabic
//!   writes for one foreign sound are merged: g as ج غ ق ك, z as ز ذ, s/th as س ث, t as ت ط.
//!   `بلينكن`/`بلينكين`, `شويجو`/`شويغو`, `أوزبكستان`/`أوزباكستان`, `بلومبرج`/`بلومبيرغ` share
//!   a skeleton; Arabic names never go through it.
//! - [`deletions`]: every form with one letter removed, for one-letter typos in long names
//!   (`أذربيحان`).
//!
//! [`Normalizer::analysis`]: marsad_text::Normalizer::analysis

use marsad_text::is_letter;
pub use marsad_text::key;

/// The loose key of a foreign name written in Arabic letters (see the module documentation).
/// Words are keyed one by one; Latin words are returned lowercased.
///
/// ```
/// use marsad_kb::names::skeleton;
/// assert_eq!(skeleton("بلينكن"), skeleton("بلينكين"));
/// assert_eq!(skeleton("شويجو"), skeleton("شويغو"));
/// assert_eq!(skeleton("اوزبكستان"), skeleton("اوزباكستان"));
/// assert_eq!(skeleton("بلومبرج"), skeleton("بلومبيرغ"));
/// assert_ne!(skeleton("ماكرون"), skeleton("مكرم"));
/// ```
pub fn skeleton(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut last: Option<char> = None;
    for (i, c) in key(word).chars().enumerate() {
        let mapped = match c {
            'ا' | 'و' | 'ي' | 'ى' | 'آ' | 'ء' if i > 0 => continue,
            'ا' | 'آ' | 'ء' => 'ا',
            'ه' if i > 0 => 'ه',
            c => loose_letter(c),
        };
        if last == Some(mapped) {
            continue;
        }
        out.push(mapped);
        last = Some(mapped);
    }
    out
}

/// The letter a transliteration may spell `c` with, read as one: ج غ ق ك گ, ت ط, ز ذ, س ث
/// (the alef forms, ة and ى are folded by the keys already).
fn loose_letter(c: char) -> char {
    match c {
        'ج' | 'غ' | 'ق' | 'گ' => 'ك',
        'ط' => 'ت',
        'ذ' => 'ز',
        'ث' => 'س',
        c => c,
    }
}

/// A keyed word with the letters a transliteration spells either way read as one
/// ([`skeleton`] drops its vowels too); two names this close ([`within_one_edit`]) are one
/// spelled two ways.
///
/// ```
/// use marsad_kb::names::{loose_fold, within_one_edit};
/// assert!(within_one_edit(&loose_fold("فرانسا"), &loose_fold("فرنسا")));
/// assert!(within_one_edit(&loose_fold("سيرغي"), &loose_fold("سيرجي")));
/// // بغاستون shares باكستان's skeleton, two edits away
/// assert!(!within_one_edit(&loose_fold("بغاستون"), &loose_fold("باكستان")));
/// ```
pub fn loose_fold(word: &str) -> String {
    word.chars().map(loose_letter).collect()
}

/// Every form of `word` with one character removed (for typo-tolerant lookup).
///
/// ```
/// use marsad_kb::names::deletions;
/// let d: Vec<String> = deletions("abc").collect();
/// assert_eq!(d, ["bc", "ac", "ab"]);
/// ```
pub fn deletions(word: &str) -> impl Iterator<Item = String> + '_ {
    word.char_indices().map(move |(i, c)| {
        let mut s = String::with_capacity(word.len());
        s.push_str(&word[..i]);
        s.push_str(&word[i + c.len_utf8()..]);
        s
    })
}

/// Whether `a` and `b` are at most one edit apart (insertion, deletion, substitution or the
/// swap of two neighbouring letters).
///
/// ```
/// use marsad_kb::names::within_one_edit;
/// assert!(within_one_edit("اذربيجان", "اذربيحان"));
/// assert!(within_one_edit("اوزبكستان", "اوزباكستان"));
/// assert!(!within_one_edit("اذربيجان", "ارمينيا"));
/// ```
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if prefix == short.len() {
        return true;
    }
    if short.len() == long.len() {
        // one substitution, or one swap of neighbours
        let rest_equal = |from: usize| short[from..] == long[from..];
        rest_equal(prefix + 1)
            || (prefix + 1 < short.len()
                && short[prefix] == long[prefix + 1]
                && short[prefix + 1] == long[prefix]
                && rest_equal(prefix + 2))
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// The forms of a nisba adjective (masculine singular, without article): feminine, plurals,
/// duals, each with and without the article; keys.
///
/// ```
/// use marsad_kb::names::nisba_forms;
/// let forms = nisba_forms("ارميني");
/// for f in ["ارميني", "الارمينيه", "الارمينيين", "ارمينيون", "الارمينيات"] {
///     assert!(forms.iter().any(|x| x == f), "{f}");
/// }
/// ```
pub fn nisba_forms(masculine: &str) -> Vec<String> {
    let m = key(masculine).into_owned();
    let mut forms = Vec::with_capacity(16);
    for suffix in ["", "ه", "ون", "ين", "ات", "ان", "تان", "تين"] {
        let f = format!("{m}{suffix}");
        forms.push(format!("ال{f}"));
        forms.push(f);
    }
    forms
}

/// How many letters a key has (characters that are letters).
pub fn letter_count(word: &str) -> usize {
    word.chars().filter(|&c| is_letter(c)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skeletons_keep_arabic_consonants_apart() {
        assert_ne!(skeleton("حلب"), skeleton("خلب"));
        assert_eq!(skeleton("ناجورنو"), skeleton("ناغورني"));
        assert_eq!(skeleton("ذكير"), skeleton("زاكر"));
    }

    #[test]
    fn one_edit() {
        assert!(within_one_edit("بلينكن", "بلينكين"));
        assert!(within_one_edit("abcd", "abdc"));
        assert!(within_one_edit("abc", "abc"));
        assert!(!within_one_edit("abcd", "badc"));
        assert!(!within_one_edit("abc", "abcde"));
    }
}
