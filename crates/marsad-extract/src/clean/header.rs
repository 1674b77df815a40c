//! Source credits and datelines at the top of an article.
//!
//! A credit that *starts* with a news source (`عين اليوم – بنغازي (ليبيا)`, `رويترز- بنغازي:`) is
//! scraping debris: the page template's attribution. A dateline that starts with a place
//! (`يريفان -`, `دبي، الإمارات العربية المتحدة (CNN)--`, `واشنطن/ دبي-رويترز`) is article
//! content, typed `dateline`.

use std::ops::Range;

use marsad_text::Normalizer;
use regex::Regex;

use crate::lexicon;

/// A credit or dateline found at the start of a line key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct HeaderMatch {
    /// Byte range of the line key.
    pub range: Range<usize>,
    /// The outlet it names, if the source is an outlet.
    pub outlet: Option<String>,
    /// Whether it names a news source at all.
    pub agency: bool,
}

#[derive(Debug)]
pub(crate) struct Credits {
    /// (normalised surface, canonical name, is an outlet)
    sources: Vec<(String, String, bool)>,
    credit: Regex,
    paren_dateline: Regex,
    dash_dateline: Regex,
    dateline_line: Regex,
}

/// A run of one to three words made of letters (a place name). Arabic and Latin letters only:
/// the datelines of Arabic news name places in these two scripts, and `\p{L}` (every script)
/// compiles to a larger automaton (with it, building the cleaner took about a third more
/// instructions under callgrind: 79M against 105M).
const PLACE: &str = r"[\p{Arabic}\p{Latin}\p{M}]+(?:\s[\p{Arabic}\p{Latin}\p{M}]+){0,2}";

impl Credits {
    pub fn new(normalizer: &Normalizer, sources_tsv: &str) -> Credits {
        let mut sources: Vec<(String, String, bool)> = lexicon::tsv_rows(sources_tsv)
            .filter_map(|row| {
                let key = lexicon::phrase_key(normalizer, row.first()?);
                let canonical = row.get(1)?.to_string();
                let outlet = row.get(2).is_some_and(|k| *k == "outlet");
                (!key.is_empty()).then_some((key, canonical, outlet))
            })
            .collect();
        sources.sort_by_key(|(k, _, _)| std::cmp::Reverse(k.len()));
        let alt = sources.iter().map(|(k, _, _)| regex::escape(k)).collect::<Vec<_>>().join("|");
        let dash = r"[-–—]";
        // SOURCE – PLACE (COUNTRY):    (the whole credit, nothing else or a colon after it)
        let credit =
            Regex::new(&format!(r"^(?P<src>{alt})\s*{dash}+\s*{PLACE}(?:\s*\([^)]{{1,30}}\))?\s*(?::\s*|$)"))
                .expect("credit pattern is built from escaped names");
        // [PLACE، PLACE] (SOURCE)--
        let paren_dateline = Regex::new(&format!(
            r"^(?:{PLACE}\s*(?:[،,]\s*{PLACE}(?:\s[\p{{Arabic}}\p{{Latin}}\p{{M}}]+){{0,2}}\s*)?)?\((?P<src>{alt})\)\s*(?:{dash}\s*)+"
        ))
        .expect("dateline pattern is built from escaped names");
        // PLACE[/ PLACE] - [SOURCE[:-]]
        let dash_dateline = Regex::new(&format!(
            r"^{PLACE}(?:\s*/\s*{PLACE})?\s*{dash}+\s*(?:\(?(?P<src>{alt})\)?\s*(?:[-–—:]\s*)?)?"
        ))
        .expect("dateline pattern is built from escaped names");
        // a short line that is only a dateline: places with slashes or dashes, maybe a source
        let dateline_line = Regex::new(&format!(
            r"^{PLACE}(?:\s*[/،,]\s*{PLACE})*\s*(?:{dash}|/)\s*(?:{PLACE}|\(?(?:{alt})\)?)[\p{{Arabic}}\p{{Latin}}\p{{M}}\s/،,-]*$"
        ))
        .expect("dateline-line pattern is built from escaped names");
        Credits { sources, credit, paren_dateline, dash_dateline, dateline_line }
    }

    fn source(&self, key: &str) -> Option<&(String, String, bool)> {
        self.sources.iter().find(|(k, _, _)| k == key)
    }

    fn header_match(&self, caps: &regex::Captures<'_>) -> HeaderMatch {
        let src = caps.name("src").and_then(|m| self.source(m.as_str()));
        HeaderMatch {
            range: caps.get(0).map_or(0..0, |m| m.range()),
            outlet: src.filter(|s| s.2).map(|s| s.1.clone()),
            agency: src.is_some(),
        }
    }

    /// A source credit opening the line (debris).
    pub fn credit(&self, key: &str) -> Option<HeaderMatch> {
        self.credit.captures(key).map(|c| self.header_match(&c))
    }

    /// A dateline opening a paragraph of prose (content): the range to cut off as its own
    /// dateline paragraph. A place-dash dateline must be followed by a sentence of at least
    /// `min_following_words` words (the caller rules out places that open a sentence).
    pub fn inline_dateline(&self, key: &str, min_following_words: usize) -> Option<HeaderMatch> {
        let caps = self.paren_dateline.captures(key).or_else(|| {
            let caps = self.dash_dateline.captures(key)?;
            let rest_words = key[caps.get(0)?.end()..].split_whitespace().count();
            (rest_words >= min_following_words).then_some(caps)
        })?;
        Some(self.header_match(&caps))
    }

    /// Whether a short line is only a dateline (`واشنطن/ دبي-رويترز`).
    pub fn dateline_line(&self, key: &str) -> bool {
        key.split_whitespace().count() <= 6 && self.dateline_line.is_match(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCES: &str = include_str!("../../../../data/cleaning/sources.tsv");

    fn credits() -> (Normalizer, Credits) {
        let n = Normalizer::analysis();
        let c = Credits::new(&n, SOURCES);
        (n, c)
    }

    #[test]
    fn source_first_credits_are_found() {
        let (n, c) = credits();
        let key = lexicon::phrase_key(&n, "عين اليوم – بنغازي (ليبيا)");
        let m = c.credit(&key).unwrap();
        assert_eq!(m.range, 0..key.len());
        assert_eq!(m.outlet.as_deref(), Some("Ain Alyoum"));
        let key = lexicon::phrase_key(&n, "رويترز- بنغازي: قال مسعفون ومسؤولون عسكريون إن عشرة جنود");
        let m = c.credit(&key).unwrap();
        assert_eq!(&key[m.range.clone()], "رويترز- بنغازي: ");
        assert_eq!(m.outlet, None);
        assert!(m.agency);
        // a place-first dateline is not a credit
        assert!(c.credit(&lexicon::phrase_key(&n, "واشنطن/ دبي-رويترزالشرق")).is_none());
    }

    #[test]
    fn datelines_are_found() {
        let (n, c) = credits();
        let key = lexicon::phrase_key(
            &n,
            "دبي، الإمارات العربية المتحدة (CNN)-- أعلن المتحدث باسم الجيش المصري العقيد تامر الرفاعي",
        );
        let m = c.inline_dateline(&key, 6).unwrap();
        assert_eq!(&key[m.range.clone()], "دبي، الامارات العربية المتحدة (cnn)-- ");
        assert_eq!(m.outlet.as_deref(), Some("CNN Arabic"));
        let key =
            lexicon::phrase_key(&n, "(CNN)-- أكدت القوات الأمريكية في أفغانستان، الأحد، أن قائد تنظيم داعش");
        assert!(c.inline_dateline(&key, 6).is_some());
        let key =
            lexicon::phrase_key(&n, "يريفان - أعلن رئيس الوزراء الأرميني نيكول باشينيان استمرار العمليات");
        let m = c.inline_dateline(&key, 6).unwrap();
        assert_eq!(&key[m.range.clone()], "يريفان - ");
        assert!(!m.agency);
        // a sentence is not a dateline
        let key = lexicon::phrase_key(&n, "قال رئيس أذربيجان إلهام علييف، الجمعة، إن اللقاء المقرر لن يعقد");
        assert!(c.inline_dateline(&key, 6).is_none());
        assert!(c.dateline_line(&lexicon::phrase_key(&n, "واشنطن/ دبي-رويترزالشرق")));
        assert!(!c.dateline_line(&lexicon::phrase_key(&n, "قصف وقتلى")));
    }
}
