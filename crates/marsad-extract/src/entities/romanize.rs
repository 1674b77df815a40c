//! A readable romanisation of Arabic names that the knowledge base does not know.
//!
//! Arabic script leaves short vowels out, so no romanisation can be exact; this one aims at what a
//! reader recognises: consonants as in common English usage (ش sh, خ kh, ج j, ث th, ذ dh, غ gh,
//! ق q), the article as `al-`, و and ي as the vowels u and i between consonants and as w and y
//! elsewhere, ة as a, an initial ع left out (`عبد` → `Abd`), words capitalised.
//!
//! ```
//! use marsad_extract::entities::romanize;
//! assert_eq!(romanize("علاء بريك"), "Ala Brik");
//! assert_eq!(romanize("باشينيان"), "Bashinyan");
//! assert_eq!(romanize("عبد القادر"), "Abd al-Qadr");
//! assert_eq!(romanize("تلول الصفا"), "Tlul al-Sfa");
//! ```

/// The romanisation of an Arabic name (normalised or not); Latin words are kept.
pub fn romanize(name: &str) -> String {
    let words: Vec<String> = name.split_whitespace().map(word).filter(|w| !w.is_empty()).collect();
    let mut out = words.join(" ");
    if let Some(first) = out.get(..1) {
        let upper = first.to_uppercase();
        out.replace_range(..1, &upper);
    }
    out
}

fn is_consonant_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}') && !matches!(c, 'ا' | 'و' | 'ي' | 'ى' | 'أ' | 'إ' | 'آ' | 'ة')
}

fn word(w: &str) -> String {
    let letters: Vec<char> =
        w.chars().filter(|c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | 'ـ')).collect();
    if letters.iter().all(|c| c.is_ascii()) {
        return letters.into_iter().collect();
    }
    let (article, rest): (&str, &[char]) = match letters.as_slice() {
        ['ا' | 'أ' | 'إ', 'ل', rest @ ..] if rest.len() >= 2 => ("al-", rest),
        // ل + ال: للأنباء
        ['ل', 'ل', rest @ ..] if rest.len() >= 2 => ("lil-", rest),
        all => ("", all),
    };
    let mut out = String::new();
    for (i, &c) in rest.iter().enumerate() {
        let prev = i.checked_sub(1).map(|k| rest[k]);
        let next = rest.get(i + 1).copied();
        let between_consonants =
            prev.is_some_and(is_consonant_letter) && next.is_none_or(is_consonant_letter);
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
        out.push_str(piece);
    }
    let mut core = out.trim_matches('\'').to_string();
    if let Some(first) = core.get(..1) {
        let upper = first.to_uppercase();
        core.replace_range(..1, &upper);
    }
    format!("{article}{core}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(romanize("أبح شيخ"), "Abh Shikh");
        assert_eq!(romanize("توروسيان"), "Turusyan");
        assert_eq!(romanize("للأنباء"), "Lil-Anba");
        assert_eq!(romanize("السويداء"), "Al-Swyda");
        assert_eq!(romanize("CNN"), "CNN");
        assert_eq!(romanize(""), "");
        assert_eq!(romanize("ـ"), "");
    }
}
