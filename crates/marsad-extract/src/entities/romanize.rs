//! A readable romanisation of Arabic names that the knowledge base does not know.
//!
//! Arabic script leaves short vowels out, so no letter-by-letter romanisation can be exact. A
//! name is therefore read word by word, and the first that applies of these gives each word:
//!
//! 1. a compound first name the knowledge base spells (`given-names.tsv`, then
//!    `name-words.tsv`): `عبد الرحمن` →
//!    `Abdul Rahman`, `نور الدين` → `Nour al-Din`;
//! 2. the particles of names: `بن` → `bin`, `بنت` → `bint`, `ابن` → `Ibn`, `أبو` → `Abu`,
//!    `أبي` → `Abi`, `أم` → `Umm`, `آل` → `Al`, `الله` → `Allah`;
//! 3. the compounds the file does not list, on their usual English pattern: `عبد` + a word with
//!    the article → `Abdul` + that word without it (`عبد النور` → `Abdul Nour`), X + `الدين` →
//!    X `al-Din`, X + `الله` → X`allah` in one word (`نصر الله` → `Nasrallah`);
//! 4. after the first word, a word with the article is a family name: `al-` and the spelling of
//!    the first name without it (`علي الحسن` → `Ali al-Hassan`) or with it (`الطيب`, a Maghrebi
//!    first name, `Taieb`: `عمر الطيب` → `Omar al-Taieb`);
//! 5. a first name the file spells (`خالد` → `Khaled`), in any place of the name: family names
//!    that are first names too take the same spelling (`رضا عيسى` → `Rida Issa`);
//!    5b. a family name or another word of names that is not a first name, as
//!    `data/kb/name-words.tsv` spells it (`الجبوري` → `al-Jubouri`, `شيخ` → `Sheikh`; two
//!    words too: `آل ثاني` → `Al Thani`);
//! 6. the joined `عبدال...` as in 3 (`عبدالنور` → `Abdul Nour`);
//! 7. a first word with the article whose rest is an Arabic first name (`الحسن` → `al-Hassan`);
//! 8. the letters, below.
//!
//! The letters are read as a reader recognises them ([`transliterate`]): consonants as in common
//! English usage (ش sh, خ kh, ج j, ث th, ذ dh, غ gh, ق q), the article as `al-` whatever letter
//! follows (no assimilation to the sun letters: `al-Rashid`, not `ar-Rashid`), و and ي as the
//! vowels u and i between consonants and as w and y elsewhere, a final ي after a consonant as i
//! and a final وي after one as awi (the nisba: `الزوي` → `al-Zawi`), ة as a, an initial ع left
//! out but before a consonant, where it sounds a (`عبد` → `Abd`). In a word known to be Arabic (after the article or a particle of
//! names), two consonants at its start take an a between them, since an Arabic word never
//! begins with two (`الجبوري` → `al-Jaburi`, `الوسلاتي` → `al-Waslati`), and such a word of four
//! letters shaped CايC is the participle CāyiC (`الفايد` → `al-Fayed`; not in a word that may be
//! foreign: `راين` is Ryan). Words are capitalised, the article is not but at the start of the
//! name. The result depends on the name and the knowledge base only.
//!
//! ```
//! use marsad_extract::entities::romanize;
//! use marsad_kb::Kb;
//! let kb = Kb::builtin();
//! assert_eq!(romanize("خالد عمرو", kb), "Khaled Amr");
//! assert_eq!(romanize("رضا عيسى", kb), "Rida Issa");
//! assert_eq!(romanize("عبد البصير سالانغي", kb), "Abdul Basir Salanghi");
//! assert_eq!(romanize("ميلود الزوي", kb), "Miloud al-Zwai");
//! assert_eq!(romanize("محمد الجبوري", kb), "Mohammed al-Jubouri");
//! assert_eq!(romanize("علاء بريك", kb), "Alaa Brik");
//! assert_eq!(romanize("باشينيان", kb), "Bashinyan");
//! assert_eq!(romanize("تلول الصفا", kb), "Tlul al-Safa");
//! ```

use marsad_kb::Kb;
use marsad_text::{Normalizer, key};

/// The romanisation of an Arabic name (normalised or not) with the English spellings of the
/// first names `kb` knows; Latin words are kept.
pub fn romanize(name: &str, kb: &Kb) -> String {
    let written: Vec<String> = name.split_whitespace().map(clean).filter(|w| !w.is_empty()).collect();
    let keys: Vec<String> =
        written.iter().map(|w| key(&Normalizer::analysis().normalize_str(w)).into_owned()).collect();
    let mut out: Vec<String> = Vec::new();
    let mut arabic_next = false;
    let mut i = 0;
    while i < written.len() {
        let (piece, used, particle) = name_word(&written, &keys, i, arabic_next, kb);
        out.push(piece);
        arabic_next = particle;
        i += used;
    }
    capitalize_first(out.join(" "))
}

/// The letter-by-letter romanisation of an Arabic name (see the module docs); Latin words are
/// kept.
///
/// ```
/// use marsad_extract::entities::transliterate;
/// assert_eq!(transliterate("علاء بريك"), "Ala Brik");
/// assert_eq!(transliterate("عبد القادر"), "Abd al-Qadr");
/// assert_eq!(transliterate("البدوي"), "Al-Badawi");
/// ```
pub fn transliterate(name: &str) -> String {
    let words: Vec<String> =
        name.split_whitespace().map(|w| letters(&clean(w), false)).filter(|w| !w.is_empty()).collect();
    capitalize_first(words.join(" "))
}

/// `data/kb/name-words.tsv`: words of names that are not first names, keyed, with their usual
/// English spelling.
static NAME_WORDS: std::sync::LazyLock<rustc_hash::FxHashMap<String, String>> =
    std::sync::LazyLock::new(|| {
        include_str!("../../../../data/kb/name-words.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .skip(1)
            .filter_map(|l| l.split_once('\t'))
            .map(|(w, en)| {
                (key(&Normalizer::analysis().normalize_str(w.trim())).into_owned(), en.trim().to_string())
            })
            .collect()
    });

/// The usual English spelling of a word of names that is not a first name, by its key.
fn name_words(key: &str) -> Option<&'static str> {
    NAME_WORDS.get(key).map(String::as_str)
}

/// The particles of names and their English.
const PARTICLES: &[(&str, &str)] = &[
    ("بن", "bin"),
    ("بنت", "bint"),
    ("ابن", "Ibn"),
    ("ابو", "Abu"),
    ("ابي", "Abi"),
    ("ام", "Umm"),
    ("ال", "Al"),
];

/// The English of the word(s) at `i`: (text, words used, whether the next word is surely
/// Arabic).
fn name_word(written: &[String], keys: &[String], i: usize, arabic: bool, kb: &Kb) -> (String, usize, bool) {
    let given = |k: &str| kb.given_english(k).map(str::to_string);
    // 1. compounds the file spells, the longest first
    for len in [3, 2] {
        if i + len <= keys.len() {
            let words = keys[i..i + len].join(" ");
            if let Some(en) = given(&words).or_else(|| name_words(&words).map(str::to_string)) {
                return (en, len, false);
            }
        }
    }
    let k = keys[i].as_str();
    // 2. particles
    if let Some((_, en)) = PARTICLES.iter().find(|(p, _)| *p == k) {
        return (en.to_string(), 1, true);
    }
    if k == "الله" {
        return ("Allah".to_string(), 1, false);
    }
    let single = |j: usize, arabic: bool| given(&keys[j]).unwrap_or_else(|| letters(&written[j], arabic));
    // 3. compounds on their pattern
    if k == "عبد" {
        if let Some(rest) =
            keys.get(i + 1).and_then(|n| n.strip_prefix("ال")).filter(|r| r.chars().count() >= 2)
        {
            let core = given(rest).unwrap_or_else(|| core_letters(&written[i + 1], true));
            return (format!("Abdul {core}"), 2, false);
        }
        return ("Abd".to_string(), 1, true);
    }
    match keys.get(i + 1).map(String::as_str) {
        Some("الدين") => return (format!("{} al-Din", single(i, true)), 2, false),
        Some("الله") => {
            let first = single(i, true);
            let joined = if first.ends_with('a') { "llah" } else { "allah" };
            return (format!("{first}{joined}"), 2, false);
        }
        _ => {}
    }
    // 4. after the first word, a word with the article is a family name (علي الحسن →
    // al-Hassan, though الحسن alone is the Maghrebi first name Hassan)
    if i > 0
        && let Some(rest) = k.strip_prefix("ال").filter(|r| r.chars().count() >= 3)
    {
        let bare = given(rest).filter(|_| kb.given_name(rest).is_some_and(|g| g.arabic));
        if let Some(en) = bare.or_else(|| given(k).filter(|en| !en.starts_with("Al"))) {
            return (format!("al-{en}"), 1, false);
        }
    }
    // 5. one word
    if let Some(en) = given(k) {
        return (en, 1, false);
    }
    // 5b. a family name or another word of names with its usual spelling (الجبوري →
    // al-Jubouri, شيخ → Sheikh)
    if let Some(en) = name_words(k) {
        return (en.to_string(), 1, false);
    }
    // 6. the joined عبدال...
    if let Some(rest) = k.strip_prefix("عبدال").filter(|r| r.chars().count() >= 2) {
        let core = given(rest).unwrap_or_else(|| {
            let w: String = written[i].chars().skip(5).collect();
            letters(&w, true)
        });
        return (format!("Abdul {core}"), 1, false);
    }
    // 7. a first name with the article, first
    if let Some(rest) = k.strip_prefix("ال").filter(|r| r.chars().count() >= 3)
        && kb.given_name(rest).is_some_and(|g| g.arabic)
        && let Some(en) = given(rest)
    {
        return (format!("al-{en}"), 1, false);
    }
    // 8. letters
    (letters(&written[i], arabic), 1, false)
}

/// A word without harakat and tatweel.
fn clean(w: &str) -> String {
    w.chars().filter(|c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | 'ـ')).collect()
}

fn capitalize_first(mut s: String) -> String {
    if let Some(first) = s.chars().next() {
        let upper: String = first.to_uppercase().collect();
        s.replace_range(..first.len_utf8(), &upper);
    }
    s
}

fn is_consonant_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}') && !matches!(c, 'ا' | 'و' | 'ي' | 'ى' | 'أ' | 'إ' | 'آ' | 'ة')
}

/// A word's letters romanised, with its article; `arabic` when the word is known to be Arabic.
fn letters(w: &str, arabic: bool) -> String {
    let chars: Vec<char> = w.chars().collect();
    if chars.iter().all(|c| c.is_ascii()) {
        return w.to_string();
    }
    let (article, rest): (&str, &[char]) = match chars.as_slice() {
        ['ا' | 'أ' | 'إ', 'ل', rest @ ..] if rest.len() >= 2 => ("al-", rest),
        // ل + ال: للأنباء
        ['ل', 'ل', rest @ ..] if rest.len() >= 2 => ("lil-", rest),
        all => ("", all),
    };
    let core: String = rest.iter().collect();
    format!("{article}{}", core_letters(&core, arabic || !article.is_empty()))
}

/// The letters of a word without its article, capitalised.
fn core_letters(w: &str, arabic: bool) -> String {
    let letters: Vec<char> = w.chars().collect();
    let rest: &[char] = match letters.as_slice() {
        ['ا' | 'أ' | 'إ', 'ل', rest @ ..] if rest.len() >= 2 => rest,
        all => all,
    };
    let mut out = String::new();
    let n = rest.len();
    for (i, &c) in rest.iter().enumerate() {
        let prev = i.checked_sub(1).map(|k| rest[k]);
        let next = rest.get(i + 1).copied();
        let between_consonants =
            prev.is_some_and(is_consonant_letter) && next.is_none_or(is_consonant_letter);
        // the nisba in -awi: a final وي after a consonant
        let final_wi =
            n >= 3 && i == n - 2 && c == 'و' && rest[n - 1] == 'ي' && prev.is_some_and(is_consonant_letter);
        if final_wi {
            out.push_str("awi");
            break;
        }
        let piece: &str = match c {
            'ا' | 'أ' | 'إ' | 'آ' | 'ى' => "a",
            'ب' => "b",
            'ت' => "t",
            'ث' => "th",
            'ج' => "j",
            'ح' | 'ه' => "h",
            'خ' => "kh",
            'د' => "d",
            'ذ' => "dh",
            'ر' => "r",
            'ز' => "z",
            'س' | 'ص' => "s",
            'ش' => "sh",
            'ض' => "d",
            'ط' => "t",
            'ظ' => "z",
            'ع' if i == 0 => "",
            'ع' | 'ء' | 'ؤ' | 'ئ' => "'",
            'غ' => "gh",
            'ف' => "f",
            'ق' => "q",
            'ك' => "k",
            'ل' => "l",
            'م' => "m",
            'ن' => "n",
            'ة' => "a",
            'و' if between_consonants => "u",
            'و' => "w",
            'ي' if between_consonants => "i",
            'ي' => "y",
            _ => "",
        };
        // "عبد": an initial ع before a consonant sounds a
        if c == 'ع' && i == 0 && next.is_some_and(is_consonant_letter) {
            out.push('a');
        }
        // an Arabic word does not begin with two consonants (an initial و or ي is one)
        if arabic
            && i == 1
            && is_consonant_letter(c)
            && rest[0] != 'ع'
            && (is_consonant_letter(rest[0]) || matches!(rest[0], 'و' | 'ي'))
        {
            out.push('a');
        }
        // the participle CāyiC: الفايد → al-Fayed
        if arabic
            && c == 'ي'
            && n == 4
            && i == 2
            && rest[1] == 'ا'
            && is_consonant_letter(rest[0])
            && is_consonant_letter(rest[3])
        {
            out.push_str("ye");
            continue;
        }
        out.push_str(piece);
    }
    capitalize_first(out.trim_matches('\'').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        assert_eq!(transliterate("أبح شيخ"), "Abh Shikh");
        assert_eq!(transliterate("توروسيان"), "Turusyan");
        assert_eq!(transliterate("للأنباء"), "Lil-Anba");
        assert_eq!(transliterate("السويداء"), "Al-Swyda");
        assert_eq!(transliterate("الزوي"), "Al-Zawi");
        assert_eq!(transliterate("الجبوري"), "Al-Jaburi");
        assert_eq!(transliterate("الوسلاتي"), "Al-Waslati");
        // not in a word that may be foreign (راين: Ryan)
        assert_eq!(transliterate("فايد"), "Fayd");
        assert_eq!(transliterate("الفايد"), "Al-Fayed");
        assert_eq!(transliterate("العبيدي"), "Al-Abidi");
        assert_eq!(transliterate("برونو"), "Brunu");
        assert_eq!(transliterate("CNN"), "CNN");
        assert_eq!(transliterate(""), "");
        assert_eq!(transliterate("ـ"), "");
    }

    #[test]
    fn every_row_of_name_words_is_read() {
        let rows = include_str!("../../../../data/kb/name-words.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        // the header is not a row; no two rows share a key
        assert_eq!(NAME_WORDS.len(), rows - 1);
        assert!(NAME_WORDS.values().all(|en| !en.is_empty() && en.is_ascii()), "{NAME_WORDS:?}");
    }

    #[test]
    fn names() {
        let kb = Kb::builtin();
        for (arabic, english) in [
            ("خالد عمرو", "Khaled Amr"),
            ("خالد عمر", "Khaled Omar"),
            ("رضا عيسى", "Rida Issa"),
            ("عبد البصير سالانغي", "Abdul Basir Salanghi"),
            ("ميلود الزوي", "Miloud al-Zwai"),
            // family names and other name words spelled by name-words.tsv; letters for the rest
            ("عبد القادر شيخ كبير", "Abdul Qadir Sheikh Kabir"),
            ("سيد ظفر هاشمي", "Sayed Zafar Hashemi"),
            ("آل ثاني", "Al Thani"),
            ("صالح الوسلاتي", "Saleh al-Waslati"),
            ("محمد", "Mohammed"),
            ("أحمد عبد الله", "Ahmed Abdullah"),
            ("عبدالله حمود", "Abdullah Hamoud"),
            ("عبد الرحمن", "Abdul Rahman"),
            ("نور الدين", "Nour al-Din"),
            ("يوسف إسماعيل", "Youssef Ismail"),
            ("حسين", "Hussein"),
            ("مصطفى", "Mustafa"),
            ("صالح الجبوري", "Saleh al-Jubouri"),
            ("منصور المنصور", "Mansour al-Mansour"),
            ("الحسن", "Hassan"),
            ("علي الحسن", "Ali al-Hassan"),
            ("عمر الطيب", "Omar al-Taieb"),
            ("أبو حليقة", "Abu Haliqa"),
            ("جون", "John"),
            ("دونالد", "Donald"),
            ("فلاديمير", "Vladimir"),
            ("إيمانويل", "Emmanuel"),
            ("نيكول", "Nikol"),
            // a compound the file does not list, on its pattern
            ("عبد النور", "Abdul Nour"),
            ("عبدالنور", "Abdul Nour"),
            ("فضل الدين", "Fadl al-Din"),
        ] {
            assert_eq!(romanize(arabic, kb), english, "{arabic}");
        }
    }

    #[test]
    fn without_english_spellings() {
        let kb = Kb::default();
        assert_eq!(romanize("خالد عمرو", &kb), "Khald Amru");
        assert_eq!(romanize("عبد البصير", &kb), "Abdul Basir");
        assert_eq!(romanize("صلاح الدين", &kb), "Salah al-Din");
        assert_eq!(romanize("نصر الله", &kb), "Nasrallah");
        assert_eq!(romanize("بن غشير", &kb), "Bin Ghashir");
    }
}
