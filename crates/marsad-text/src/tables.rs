//! The data files under `data/text/`, compiled in and parsed on first use.
//!
//! Every file has one entry a line; `#` starts a comment and blank lines are skipped, so the
//! files can carry their own header saying what they are and where they come from.

/// Arabic presentation forms and their base letters (`CODE<TAB>replacement`).
pub(crate) const PRESENTATION_FORMS: &str = include_str!("../../../data/text/presentation-forms.txt");

/// Whole words whose first letters look like proclitics but belong to the word.
pub(crate) const CLITIC_GUARDS: &str = include_str!("../../../data/text/clitic-guards.txt");

/// Function words shorter than three letters that may still follow a conjunction.
pub(crate) const CLITIC_SHORT_STEMS: &str = include_str!("../../../data/text/clitic-short-stems.txt");

/// Dotted abbreviations whose final dot may end a sentence (`ت.غ`, `ق.م`), without that dot.
pub(crate) const SENTENCE_FINAL_ABBREVIATIONS: &str =
    include_str!("../../../data/text/sentence-final-abbreviations.txt");

/// The entries of a data file: each line up to its first `#`, trimmed, blank lines skipped.
pub(crate) fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(|line| line.split('#').next().unwrap_or("").trim()).filter(|entry| !entry.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let data = "# header\n\nالف  # a comment\n  وزير\n#only comment\n";
        assert_eq!(entries(data).collect::<Vec<_>>(), ["الف", "وزير"]);
    }

    #[test]
    fn every_presentation_form_line_parses() {
        for entry in entries(PRESENTATION_FORMS) {
            let (code, replacement) = entry.split_once('\t').expect(entry);
            let cp = u32::from_str_radix(code, 16).expect(entry);
            assert!((0xFB50..=0xFDFF).contains(&cp) || (0xFE70..=0xFEFE).contains(&cp), "{entry}");
            assert!(!replacement.trim().is_empty(), "{entry}");
        }
    }
}
