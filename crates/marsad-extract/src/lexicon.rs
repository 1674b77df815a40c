//! Loading the versioned data files under `data/` (word lists, tables, rules).
//!
//! The files are compiled into the binary with `include_str!` so that marsad runs with no data
//! directory to install; this module parses them. Every entry is normalised with the same
//! [`Normalizer`] the text goes through, so data authors write Arabic naturally (hamzas,
//! harakat) and matching still works.

use marsad_text::Normalizer;

/// A table row that cannot be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LexiconError {
    /// A row has fewer columns than the header names.
    #[error("{file}: row {row:?} has too few columns")]
    Columns { file: &'static str, row: String },
    /// A value is not one of its column's vocabulary.
    #[error("{file}: unknown {column} {value:?}")]
    Value { file: &'static str, column: &'static str, value: String },
}

/// The row if it has at least `n` columns.
pub(crate) fn columns<'a>(
    file: &'static str,
    row: Vec<&'a str>,
    n: usize,
) -> Result<Vec<&'a str>, LexiconError> {
    if row.len() < n {
        return Err(LexiconError::Columns { file, row: row.join("\t") });
    }
    Ok(row)
}

/// Lines of a data file with comments (`#` at the start of a line) and blank lines removed.
pub(crate) fn data_lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The key under which phrases are compared: normalised, ASCII-lowercased, whitespace runs
/// collapsed to one space, trimmed.
pub(crate) fn phrase_key(normalizer: &Normalizer, phrase: &str) -> String {
    collapse_spaces(&normalizer.normalize_str(phrase))
}

/// Collapses whitespace runs to a single space, trims, and lowercases ASCII letters.
pub(crate) fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.make_ascii_lowercase();
    out
}

/// Every whitespace-separated word of a data file, normalised (for word lists written several
/// to a line).
pub(crate) fn word_set(normalizer: &Normalizer, src: &str) -> std::collections::HashSet<String> {
    data_lines(src)
        .flat_map(str::split_whitespace)
        .map(|w| phrase_key(normalizer, w))
        .filter(|w| !w.is_empty())
        .collect()
}

/// One phrase per line, normalised.
pub(crate) fn phrase_list(normalizer: &Normalizer, src: &str) -> Vec<String> {
    data_lines(src).map(|l| phrase_key(normalizer, l)).filter(|l| !l.is_empty()).collect()
}

/// Tab-separated rows (comment lines skipped), each split into its fields.
pub(crate) fn tsv_rows(src: &str) -> impl Iterator<Item = Vec<&str>> {
    data_lines(src).map(|l| l.split('\t').map(str::trim).collect())
}

/// Whether a word of scheduling (مقرر, المقرر, مقررة, المقررة: what is set for a day) is a
/// rapporteur, before `next` and `after` (the two words after it, without conjunctions, as
/// the analysis normaliser writes them, ة as ة or ه): before الأمم, الأممي, لجنة, or الخاص not
/// followed by a word with ب (`مقرر الأمم المتحدة الخاص`, `المقرر الخاص للأمم المتحدة`; not
/// `الموعد المقرر الخاص بالانتخابات`). The time layer and the event layer both ask it.
pub(crate) fn rapporteur(word: &str, next: &str, after: Option<&str>) -> bool {
    let fold = |w: &str| w.replace('ة', "ه");
    let scheduled = matches!(fold(word).as_str(), "مقرر" | "المقرر" | "مقرره" | "المقرره");
    let next = fold(next);
    scheduled
        && (matches!(next.as_str(), "الامم" | "الاممي" | "الامميه" | "لجنه" | "اللجنه")
            || (matches!(next.as_str(), "الخاص" | "الخاصه") && !after.is_some_and(|a| a.starts_with('ب'))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_normalised_like_text() {
        let n = Normalizer::analysis();
        assert_eq!(phrase_key(&n, "  إقرأ   أيضاً "), phrase_key(&n, "اقرأ ايضا"));
        assert_eq!(phrase_key(&n, "Read  MORE"), "read more");
    }

    #[test]
    fn comments_and_blanks_are_skipped() {
        let src = "# header\n\nقال قالت\n  # indented comment\nأعلن\n";
        let n = Normalizer::analysis();
        let words = word_set(&n, src);
        assert_eq!(words.len(), 3);
        assert!(words.contains(&phrase_key(&n, "أعلن")));
    }

    #[test]
    fn a_rapporteur_is_told_from_what_is_scheduled() {
        assert!(rapporteur("مقرر", "الامم", Some("المتحده")));
        assert!(rapporteur("المقرر", "الخاص", Some("للامم")));
        assert!(!rapporteur("المقرر", "الخاص", Some("بالانتخابات")));
        assert!(!rapporteur("مقرر", "الثلاثاء", None));
        assert!(!rapporteur("الاجتماع", "الامم", None));
    }
}
