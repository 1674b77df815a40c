//! The cleaning rules: their configuration (a TOML file, documented field by field and with
//! unknown fields rejected) and their compiled, ready-to-match form.

use rustc_hash::FxHashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use marsad_text::Normalizer;
use regex::{Regex, RegexSet};
use serde::Deserialize;

use super::DebrisReason;
use crate::lexicon;

/// The rule file as written (see `data/cleaning/rules.toml` for the meaning of each field).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// Line rules, tried in order.
    #[serde(default, rename = "rule")]
    pub rules: Vec<RuleConfig>,
    /// Parameters of the structural rules.
    pub structure: StructureConfig,
}

/// One line rule as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleConfig {
    /// Stable identifier, reported with every piece of debris the rule marks.
    pub id: String,
    /// The debris reason (`read-more`, `footer`, ...).
    pub reason: String,
    /// The whole line equals one of these (leading/trailing punctuation ignored).
    #[serde(default)]
    pub exact: Vec<String>,
    /// The line starts with one of these.
    #[serde(default)]
    pub prefix: Vec<String>,
    /// The line contains one of these.
    #[serde(default)]
    pub contains: Vec<String>,
    /// Regular expressions on the normalised line.
    #[serde(default)]
    pub regex: Vec<String>,
    /// The rule applies only to lines of at most this many words.
    pub max_words: Option<usize>,
    /// Where in the article the rule applies.
    #[serde(default, rename = "where")]
    pub position: Position,
    /// What becomes debris when the rule fires.
    #[serde(default)]
    pub span: SpanMode,
    /// Short unpunctuated lines right after the line are debris too.
    #[serde(default)]
    pub opens_block: bool,
}

/// Where in the article a rule applies.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Position {
    /// Anywhere.
    #[default]
    Any,
    /// Only on the last content line.
    Last,
    /// Only after the last paragraph of prose.
    Tail,
}

impl Position {
    const ALL: [Position; 3] = [Position::Any, Position::Last, Position::Tail];
}

/// Which part of a line a rule marks as debris.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum SpanMode {
    /// The whole line.
    #[default]
    Line,
    /// From the match to the end of the line.
    MatchToEnd,
}

/// Parameters of the structural rules (each documented in the rule file).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StructureConfig {
    pub repeated_line_min_words: usize,
    pub caption_credit: Vec<String>,
    pub caption_max_words: usize,
    pub separator: String,
    pub hashtags_min_share: f32,
    pub related_headline_min_words: usize,
    pub related_headline_max_words: usize,
    pub related_headline_min_punctuated_share: f32,
    pub related_headline_after_body: usize,
    pub related_headline_subheading_overlap: f32,
    pub prose_min_words: usize,
    pub prose_any_words: usize,
    pub title_max_words: usize,
    pub byline_markers: Vec<String>,
    pub byline_marker_max_words: usize,
    pub byline_max_words: usize,
    pub lede_min_words: usize,
    pub heading_max_unpunctuated_words: usize,
    pub heading_max_words: usize,
    pub question_heading_max_words: usize,
    pub dateline_min_following_words: usize,
    pub appended_min_run: usize,
    pub appended_paragraph_min_words: usize,
    pub appended_min_lede_share: f32,
    pub appended_lede_min_words: usize,
    pub appended_keep_overlap: f32,
    pub appended_article_continuing_share: f32,
    pub lede_subjectless: Vec<String>,
}

impl StructureConfig {
    /// Checks the values that the algorithms rely on.
    fn validate(&self) -> Result<(), RuleError> {
        let invalid = |field: &'static str, why: &'static str| Err(RuleError::Invalid { field, why });
        for (field, share) in [
            ("hashtags_min_share", self.hashtags_min_share),
            ("related_headline_min_punctuated_share", self.related_headline_min_punctuated_share),
            ("related_headline_subheading_overlap", self.related_headline_subheading_overlap),
            ("appended_min_lede_share", self.appended_min_lede_share),
            ("appended_keep_overlap", self.appended_keep_overlap),
            ("appended_article_continuing_share", self.appended_article_continuing_share),
        ] {
            if !(0.0..=1.0).contains(&share) {
                return invalid(field, "a share must lie between 0 and 1");
            }
        }
        for (field, n) in [
            ("appended_min_run", self.appended_min_run),
            ("appended_paragraph_min_words", self.appended_paragraph_min_words),
            ("repeated_line_min_words", self.repeated_line_min_words),
            ("prose_min_words", self.prose_min_words),
            ("prose_any_words", self.prose_any_words),
            ("related_headline_min_words", self.related_headline_min_words),
        ] {
            if n == 0 {
                return invalid(field, "must be at least 1");
            }
        }
        if self.related_headline_min_words > self.related_headline_max_words {
            return invalid("related_headline_min_words", "exceeds related_headline_max_words");
        }
        Ok(())
    }
}

/// Why a rule set could not be built.
#[derive(Debug, thiserror::Error)]
pub enum RuleError {
    /// The TOML did not parse or did not have the expected shape.
    #[error("cleaning rules: {0}")]
    Toml(#[from] toml::de::Error),
    /// A regular expression did not compile.
    #[error("cleaning rule {id}: bad regex {pattern:?}: {source}")]
    Regex { id: String, pattern: String, source: regex::Error },
    /// An unknown debris reason.
    #[error("cleaning rule {id}: unknown reason {reason:?}")]
    Reason { id: String, reason: String },
    /// The phrase automaton could not be built.
    #[error("cleaning rule {id}: {source}")]
    Automaton { id: String, source: aho_corasick::BuildError },
    /// A structural parameter out of its range.
    #[error("cleaning rules: structure.{field}: {why}")]
    Invalid { field: &'static str, why: &'static str },
}

/// A line rule's identity and conditions (its phrases live in the shared [`Matchers`]).
#[derive(Debug)]
pub(crate) struct LineRule {
    pub id: String,
    pub reason: DebrisReason,
    pub max_words: Option<usize>,
    pub span: SpanMode,
    pub opens_block: bool,
}

/// Where a rule matched inside a line key (byte range of the key).
pub(crate) type KeyRange = std::ops::Range<usize>;

/// All rules' matchers merged, so that a line is scanned once whatever the number of rules:
/// exact phrases in a hash map, substrings in one Aho-Corasick automaton, regular expressions
/// in one `RegexSet`.
#[derive(Debug)]
struct Matchers {
    exact: FxHashMap<String, Vec<usize>>,
    /// The longest exact phrase: longer lines need no lookup.
    exact_max_len: usize,
    /// (phrase, rule), by the phrase's first character: a line is compared with the phrases
    /// that start as it does, not with all of them (most start with one of a few letters,
    /// all with the same lead byte in Arabic).
    prefix: FxHashMap<char, Vec<(String, usize)>>,
    contains: Option<AhoCorasick>,
    /// automaton pattern index -> rule
    contains_rule: Vec<usize>,
    /// The word limit of the `contains` rules, when they all have one: longer lines need no scan.
    contains_max_words: Option<usize>,
    regex_set: RegexSet,
    /// (rule, regex), in the order of `regex_set`
    regex: Vec<(usize, Regex)>,
}

/// The line rules, compiled: their matchers are grouped by the position where the rules apply,
/// so that a line is only scanned for the rules that can apply to it.
#[derive(Debug)]
pub(crate) struct LineRules {
    pub rules: Vec<LineRule>,
    /// Matchers of the rules for each [`Position`], in the order of [`Position::ALL`].
    matchers: Vec<Matchers>,
}

impl LineRules {
    fn compile(configs: Vec<RuleConfig>, normalizer: &Normalizer) -> Result<LineRules, RuleError> {
        let mut rules = Vec::with_capacity(configs.len());
        let mut by_position: Vec<Vec<(usize, &RuleConfig)>> = vec![Vec::new(); Position::ALL.len()];
        for (idx, cfg) in configs.iter().enumerate() {
            let reason = DebrisReason::parse(&cfg.reason)
                .ok_or_else(|| RuleError::Reason { id: cfg.id.clone(), reason: cfg.reason.clone() })?;
            let slot = Position::ALL.iter().position(|p| *p == cfg.position).unwrap_or(0);
            by_position[slot].push((idx, cfg));
            rules.push(LineRule {
                id: cfg.id.clone(),
                reason,
                max_words: cfg.max_words,
                span: cfg.span,
                opens_block: cfg.opens_block,
            });
        }
        let matchers = by_position
            .into_iter()
            .map(|group| Matchers::compile(&group, normalizer))
            .collect::<Result<_, _>>()?;
        Ok(LineRules { rules, matchers })
    }

    /// The first rule (in file order) that matches `key`, a normalised line key of `words`
    /// words, among the rules of the given positions; and where it matched.
    pub fn find(&self, key: &str, words: usize, positions: &[Position]) -> Option<(&LineRule, KeyRange)> {
        let mut best: Option<(usize, KeyRange)> = None;
        for (slot, position) in Position::ALL.iter().enumerate() {
            if !positions.contains(position) {
                continue;
            }
            self.matchers[slot].find(key, words, |idx, range| {
                let r = &self.rules[idx];
                if r.max_words.is_none_or(|max| words <= max) && best.as_ref().is_none_or(|(b, _)| idx < *b) {
                    best = Some((idx, range));
                }
            });
        }
        best.map(|(idx, range)| (&self.rules[idx], range))
    }
}

impl Matchers {
    fn compile(group: &[(usize, &RuleConfig)], normalizer: &Normalizer) -> Result<Matchers, RuleError> {
        let key = |p: &String| lexicon::phrase_key(normalizer, p);
        let mut exact: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut prefix: FxHashMap<char, Vec<(String, usize)>> = FxHashMap::default();
        let mut contains = Vec::new();
        let mut contains_rule = Vec::new();
        let mut contains_max_words = Some(0);
        let mut regex = Vec::new();
        for &(idx, cfg) in group {
            if !cfg.contains.is_empty() {
                contains_max_words = contains_max_words.zip(cfg.max_words).map(|(a, b)| a.max(b));
            }
            for p in &cfg.exact {
                exact.entry(strip_edge_punct(&key(p)).to_string()).or_default().push(idx);
            }
            for p in cfg.prefix.iter().map(key) {
                if let Some(first) = p.chars().next() {
                    prefix.entry(first).or_default().push((p, idx));
                }
            }
            for p in cfg.contains.iter().map(key).filter(|p| !p.is_empty()) {
                contains.push(p);
                contains_rule.push(idx);
            }
            for pattern in &cfg.regex {
                let re = Regex::new(pattern).map_err(|source| RuleError::Regex {
                    id: cfg.id.clone(),
                    pattern: pattern.clone(),
                    source,
                })?;
                regex.push((idx, re));
            }
        }
        let contains = if contains.is_empty() {
            None
        } else {
            Some(
                // a DFA without prefilter: Arabic phrases all start with the same few lead
                // bytes (0xD8, 0xD9), which defeats the SIMD prefilter on Arabic text
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .kind(Some(AhoCorasickKind::DFA))
                    .prefilter(false)
                    .build(&contains)
                    .map_err(|source| RuleError::Automaton { id: "contains".into(), source })?,
            )
        };
        let regex_set = RegexSet::new(regex.iter().map(|(_, re)| re.as_str()))
            .map_err(|source| RuleError::Regex { id: "regex set".into(), pattern: String::new(), source })?;
        let exact_max_len = exact.keys().map(String::len).max().unwrap_or(0);
        Ok(Matchers {
            exact,
            exact_max_len,
            prefix,
            contains,
            contains_rule,
            contains_max_words,
            regex_set,
            regex,
        })
    }

    /// Offers every (rule, key range) that matches `key`, a key of `words` words.
    fn find(&self, key: &str, words: usize, mut offer: impl FnMut(usize, KeyRange)) {
        let stripped = strip_edge_punct(key);
        if stripped.len() <= self.exact_max_len
            && let Some(rules) = self.exact.get(stripped)
        {
            for &idx in rules {
                offer(idx, 0..key.len());
            }
        }
        let phrases = key.chars().next().and_then(|c| self.prefix.get(&c)).map_or(&[][..], Vec::as_slice);
        for (p, idx) in phrases {
            if let Some(rest) = key.strip_prefix(p.as_str())
                && rest.chars().next().is_none_or(|c| !is_word_char(c))
            {
                offer(*idx, 0..p.len());
            }
        }
        if let Some(ac) = &self.contains
            && self.contains_max_words.is_none_or(|max| words <= max)
        {
            for found in ac.find_iter(key) {
                offer(self.contains_rule[found.pattern().as_usize()], found.start()..found.end());
            }
        }
        if self.regex.is_empty() {
            return;
        }
        for i in self.regex_set.matches(key).iter() {
            let (idx, re) = &self.regex[i];
            if let Some(caps) = re.captures(key)
                && let Some(g) = caps.get(1).or_else(|| caps.get(0))
            {
                offer(*idx, g.start()..g.end());
            }
        }
    }
}

/// Strips punctuation and spaces from both ends of a key (so "اقرأ أيضا:" equals "اقرأ أيضا").
pub(crate) fn strip_edge_punct(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || (!is_word_char(c) && c != '#'))
}

/// Whether a character belongs to a word (a letter or a digit), with Arabic letters and ASCII
/// decided by range: `char::is_alphanumeric` takes a slow table lookup for Arabic.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{0660}'..='\u{0669}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}'
        | '\u{06F0}'..='\u{06FC}')
        || c.is_alphanumeric()
}

/// Structural parameters with their patterns compiled.
#[derive(Debug)]
pub(crate) struct Structure {
    pub cfg: StructureConfig,
    pub caption_credit: RegexSet,
    pub separator: Regex,
    /// `cfg.byline_markers`, normalised.
    pub byline_markers: Vec<String>,
}

/// The complete, compiled rule set.
#[derive(Debug)]
pub(crate) struct Rules {
    pub lines: LineRules,
    pub structure: Structure,
}

impl Rules {
    pub fn compile(file: RuleFile, normalizer: &Normalizer) -> Result<Rules, RuleError> {
        file.structure.validate()?;
        // credits are written with hamzas; they are matched against normalised lines
        let credits: Vec<String> =
            file.structure.caption_credit.iter().map(|p| normalizer.normalize_str(p)).collect();
        let caption_credit = RegexSet::new(&credits).map_err(|source| RuleError::Regex {
            id: "structure.caption_credit".into(),
            pattern: credits.join(" | "),
            source,
        })?;
        let separator = Regex::new(&file.structure.separator).map_err(|source| RuleError::Regex {
            id: "structure.separator".into(),
            pattern: file.structure.separator.clone(),
            source,
        })?;
        let lines = LineRules::compile(file.rules, normalizer)?;
        let byline_markers =
            file.structure.byline_markers.iter().map(|m| lexicon::phrase_key(normalizer, m)).collect();
        Ok(Rules {
            lines,
            structure: Structure { cfg: file.structure, caption_credit, separator, byline_markers },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(toml_src: &str) -> LineRules {
        #[derive(Deserialize)]
        struct F {
            rule: Vec<RuleConfig>,
        }
        let f: F = toml::from_str(toml_src).unwrap();
        LineRules::compile(f.rule, &Normalizer::analysis()).unwrap()
    }

    fn find<'r>(r: &'r LineRules, key: &str, words: usize) -> Option<(&'r str, KeyRange)> {
        r.find(key, words, &[Position::Any]).map(|(rule, range)| (rule.id.as_str(), range))
    }

    #[test]
    fn exact_ignores_edge_punctuation_and_spelling() {
        let r = rules("[[rule]]\nid = 'x'\nreason = 'read-more'\nexact = ['اقرأ أيضا']");
        let n = Normalizer::analysis();
        for line in ["اقرأ أيضاً:", "إقرأ ايضا", "  اقرأ  أيضا ."] {
            let key = lexicon::phrase_key(&n, line);
            assert!(find(&r, &key, 2).is_some(), "{line}");
        }
        assert!(find(&r, &lexicon::phrase_key(&n, "اقرأ أيضا هذا الخبر"), 4).is_none());
    }

    #[test]
    fn prefix_is_whole_word_and_word_limits_apply() {
        let r = rules("[[rule]]\nid = 'x'\nreason = 'related-teaser'\nprefix = ['المزيد من']\nmax_words = 5");
        assert!(find(&r, "المزيد من دوليات", 3).is_some());
        assert!(find(&r, "المزيد منه", 2).is_none());
        assert!(find(&r, "المزيد من القتلى سقطوا اليوم في المدينة", 7).is_none());
    }

    #[test]
    fn regex_reports_its_group() {
        let r = rules(
            "[[rule]]\nid = 'x'\nreason = 'tags'\nregex = ['(?:^|[.]\\s+)(سمات\\s.*)$']\nspan = 'match-to-end'",
        );
        let key = "وانتهى الاجتماع. سمات بنغازي داعش";
        let (_, m) = find(&r, key, 6).unwrap();
        assert_eq!(&key[m], "سمات بنغازي داعش");
    }

    #[test]
    fn the_first_rule_in_file_order_wins() {
        let r = rules(
            "[[rule]]\nid = 'first'\nreason = 'footer'\ncontains = ['تطبيق']\n\
             [[rule]]\nid = 'second'\nreason = 'read-more'\nexact = ['حمل التطبيق']",
        );
        assert_eq!(find(&r, "حمل التطبيق", 2).unwrap().0, "first");
    }

    #[test]
    fn positions_filter_rules() {
        let r = rules("[[rule]]\nid = 'x'\nreason = 'tags'\nprefix = ['سمات']\nwhere = 'last'");
        assert!(find(&r, "سمات بنغازي", 2).is_none());
        assert!(r.find("سمات بنغازي", 2, &[Position::Last]).is_some());
    }

    #[test]
    fn unknown_fields_and_reasons_are_rejected() {
        assert!(toml::from_str::<RuleConfig>("id='x'\nreason='footer'\nexcat=['a']").is_err());
        let cfg: RuleConfig = toml::from_str("id='x'\nreason='nonsense'").unwrap();
        assert!(matches!(
            LineRules::compile(vec![cfg], &Normalizer::analysis()),
            Err(RuleError::Reason { .. })
        ));
    }
}
