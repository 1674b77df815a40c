//! Article cleaning: telling article content from scraping debris in text as scraped.
//!
//! The cleaner works line by line. Each line is matched, on its normalised form, against the
//! rules in `data/cleaning/rules.toml` (script notices, reading-time widgets, "read more" and
//! "you may also like" blocks, CMS leftovers, footers, tags, source links), then structural
//! rules look at the article as a whole: repeated lines (captions), photo credits, separators,
//! hashtag rows, related-article headlines between paragraphs, and stories a crawler appended
//! after the article. What remains is content: a title, then paragraphs typed as lede, body,
//! heading, dateline or byline. Content and debris never overlap, and every span indexes the
//! original text.
//!
//! ```
//! use marsad_extract::clean::{Cleaner, DebrisReason};
//!
//! let text = "عنوان الخبر\n\nقتل 21 عنصرا في كمين نصبه مسلحو التنظيم في المحافظة ليل الاثنين.\n\nاقرأ المزيد";
//! let cleaned = Cleaner::builtin().clean(text, None);
//! assert_eq!(cleaned.title.unwrap().text, "عنوان الخبر");
//! assert_eq!(cleaned.paragraphs.len(), 1);
//! assert_eq!(cleaned.debris[0].reason, DebrisReason::ReadMore);
//! ```

mod header;
mod lines;
mod rules;
mod tail;

use std::sync::LazyLock;

use marsad_text::{Normalized, Normalizer, Segmenter, Span};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::HashSet;

use crate::dates::DateTables;
use crate::lexicon;
use header::Credits;
use lines::{Line, trim_span};
use rules::{Position, Rules, SpanMode};
pub use rules::{RuleError, RuleFile};

const RULES: &str = include_str!("../../../../data/cleaning/rules.toml");
const CONNECTIVES: &str = include_str!("../../../../data/cleaning/connectives.txt");
const LEDE_VERBS: &str = include_str!("../../../../data/cleaning/lede-verbs.txt");
const SOURCES: &str = include_str!("../../../../data/cleaning/sources.tsv");

/// Why a stretch of text is debris rather than article content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DebrisReason {
    /// "Please enable JavaScript" and similar notices.
    ScriptNotice,
    /// Reading-time widgets.
    ReadingTime,
    /// "Read more" / "read also" links and headings.
    ReadMore,
    /// "You may also like", "more from", related-article headlines.
    RelatedTeaser,
    /// Template or CMS field leftovers.
    CmsLeftover,
    /// Photo captions (repeated lines, photo credits).
    Caption,
    /// Rows of hashtags.
    Hashtags,
    /// Share buttons.
    Share,
    /// App, subscription and copyright footers.
    Footer,
    /// Lines of dashes or stars separating the article from a footer.
    Separator,
    /// Keyword tags glued after the article.
    Tags,
    /// "Link to the story" lines.
    SourceLink,
    /// A source credit opening the text ("عين اليوم – بنغازي").
    SourceCredit,
    /// A whole story appended after the article by a crawler.
    AppendedStory,
    /// A second copy of a paragraph of the article.
    Duplicate,
}

impl DebrisReason {
    /// The name used in records.
    pub fn as_str(self) -> &'static str {
        match self {
            DebrisReason::ScriptNotice => "script-notice",
            DebrisReason::ReadingTime => "reading-time",
            DebrisReason::ReadMore => "read-more",
            DebrisReason::RelatedTeaser => "related-teaser",
            DebrisReason::CmsLeftover => "cms-leftover",
            DebrisReason::Caption => "caption",
            DebrisReason::Hashtags => "hashtags",
            DebrisReason::Share => "share",
            DebrisReason::Footer => "footer",
            DebrisReason::Separator => "separator",
            DebrisReason::Tags => "tags",
            DebrisReason::SourceLink => "source-link",
            DebrisReason::SourceCredit => "source-credit",
            DebrisReason::AppendedStory => "appended-story",
            DebrisReason::Duplicate => "duplicate",
        }
    }

    /// The reason named `name` in a rule file.
    pub fn parse(name: &str) -> Option<DebrisReason> {
        const ALL: [DebrisReason; 15] = [
            DebrisReason::ScriptNotice,
            DebrisReason::ReadingTime,
            DebrisReason::ReadMore,
            DebrisReason::RelatedTeaser,
            DebrisReason::CmsLeftover,
            DebrisReason::Caption,
            DebrisReason::Hashtags,
            DebrisReason::Share,
            DebrisReason::Footer,
            DebrisReason::Separator,
            DebrisReason::Tags,
            DebrisReason::SourceLink,
            DebrisReason::SourceCredit,
            DebrisReason::AppendedStory,
            DebrisReason::Duplicate,
        ];
        ALL.into_iter().find(|r| r.as_str() == name)
    }
}

/// What a paragraph of content is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParagraphKind {
    /// The standfirst or first paragraph.
    Lede,
    /// A body paragraph.
    Body,
    /// A section heading or subtitle.
    Heading,
    /// A dateline (`يريفان -`, `دبي، الإمارات العربية المتحدة (CNN)--`) or a date line.
    Dateline,
    /// The author line.
    Byline,
}

impl ParagraphKind {
    /// The name used in records.
    pub fn as_str(self) -> &'static str {
        match self {
            ParagraphKind::Lede => "lede",
            ParagraphKind::Body => "body",
            ParagraphKind::Heading => "heading",
            ParagraphKind::Dateline => "dateline",
            ParagraphKind::Byline => "byline",
        }
    }
}

/// A paragraph of article content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Its extent in the original text (trimmed).
    pub span: Span,
    /// What it is.
    pub kind: ParagraphKind,
}

/// A stretch of text recognised as debris.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Debris {
    /// Its extent in the original text (trimmed).
    pub span: Span,
    /// Why it is debris.
    pub reason: DebrisReason,
    /// The rule that recognised it (a rule id from the rule file, or `structure/...`).
    pub rule: String,
}

/// The article's headline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Title {
    /// The headline text (from the metadata when given, else from the text).
    pub text: String,
    /// Where it stands in the text, when it does.
    pub span: Option<Span>,
}

/// The cleaned structure of an article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// The headline.
    pub title: Option<Title>,
    /// Content paragraphs, in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Debris, in text order.
    pub debris: Vec<Debris>,
    /// The outlet named by a source credit or dateline (`(CNN)`, `عين اليوم –`), if any.
    pub outlet: Option<String>,
}

/// Recognises content and debris in scraped article text. Build once, share across threads.
#[derive(Debug)]
pub struct Cleaner {
    normalizer: Normalizer,
    segmenter: &'static Segmenter,
    rules: Rules,
    dates: DateTables,
    connectives: Vec<String>,
    lede_verbs: std::collections::HashSet<String>,
    subjectless: std::collections::HashSet<String>,
    credits: Credits,
}

static BUILTIN: LazyLock<Cleaner> = LazyLock::new(|| {
    Cleaner::from_toml(RULES).expect("the rule file shipped in data/cleaning is valid (tested)")
});

/// What the cleaner decided about one line.
#[derive(Clone, Debug, Default)]
struct LineState {
    /// The part of the line that is still content (None: the line is blank or all debris).
    content: Option<Span>,
    /// Kind assigned to the content part.
    kind: Option<ParagraphKind>,
    /// A dateline cut from the start of the content (content too, of its own kind).
    dateline: Option<Span>,
    /// The content line is the title.
    title: bool,
}

/// One document being cleaned: its text, normalised view and lines.
struct Doc<'a> {
    text: &'a str,
    norm: &'a Normalized<'a>,
    lines: Vec<Line>,
}

impl Doc<'_> {
    /// The key and word count of the content left on line `i` (the line's own key when nothing
    /// was cut from it).
    fn content_key(&self, state: &LineState, i: usize) -> (Cow<'_, str>, usize) {
        let line = &self.lines[i];
        match state.content {
            Some(span) if span != line.trim => {
                let k = lines::keyed(self.norm, span);
                (Cow::Owned(k.key), k.words)
            }
            _ => (Cow::Borrowed(line.key.as_str()), line.words),
        }
    }
}

/// Debris found so far. Debris is only ever cut from what is still content (a whole line, its
/// start or its end), so content and debris never overlap and no text is lost in between.
#[derive(Default)]
struct DebrisFound {
    found: Vec<Debris>,
}

impl DebrisFound {
    fn record(&mut self, span: Span, reason: DebrisReason, rule: &str) {
        if !span.is_empty() {
            self.found.push(Debris { span, reason, rule: rule.to_string() });
        }
    }

    /// Everything still content on the line, its dateline included, becomes debris.
    fn line(&mut self, text: &str, st: &mut LineState, reason: DebrisReason, rule: &str) {
        let region = match (st.dateline, st.content) {
            (Some(d), Some(c)) => d.cover(c),
            (Some(s), None) | (None, Some(s)) => s,
            (None, None) => return,
        };
        self.record(trim_span(text, region), reason, rule);
        st.content = None;
        st.dateline = None;
    }

    /// The content up to `end` (a credit opening the line) becomes debris.
    fn prefix(&mut self, text: &str, st: &mut LineState, end: usize, reason: DebrisReason, rule: &str) {
        let Some(c) = st.content else { return };
        let end = end.clamp(c.start(), c.end());
        self.record(trim_span(text, Span::new(c.start(), end)), reason, rule);
        let rest = trim_span(text, Span::new(end, c.end()));
        st.content = (!rest.is_empty()).then_some(rest);
    }

    /// The content from `start` to its end (tags glued after the last sentence) becomes debris.
    fn suffix(&mut self, text: &str, st: &mut LineState, start: usize, reason: DebrisReason, rule: &str) {
        let Some(c) = st.content else { return };
        let start = start.clamp(c.start(), c.end());
        self.record(trim_span(text, Span::new(start, c.end())), reason, rule);
        let rest = trim_span(text, Span::new(c.start(), start));
        st.content = (!rest.is_empty()).then_some(rest);
    }
}

impl Cleaner {
    /// The cleaner with the rules shipped in `data/cleaning/`.
    pub fn builtin() -> &'static Cleaner {
        &BUILTIN
    }

    /// A cleaner with the rules in `toml_src` (same shape as `data/cleaning/rules.toml`) and
    /// the shipped lexicons.
    pub fn from_toml(toml_src: &str) -> Result<Cleaner, RuleError> {
        let normalizer = Normalizer::analysis();
        let file: RuleFile = toml::from_str(toml_src)?;
        let subjectless =
            file.structure.lede_subjectless.iter().map(|w| lexicon::phrase_key(&normalizer, w)).collect();
        let rules = Rules::compile(file, &normalizer)?;
        let dates = DateTables::builtin(&normalizer);
        let credits = Credits::new(&normalizer, SOURCES);
        Ok(Cleaner {
            connectives: lexicon::phrase_list(&normalizer, CONNECTIVES),
            lede_verbs: lexicon::word_set(&normalizer, LEDE_VERBS),
            subjectless,
            segmenter: Segmenter::builtin(),
            rules,
            dates,
            credits,
            normalizer,
        })
    }

    /// The date tables the cleaner uses (shared with the publication-date finder).
    pub fn dates(&self) -> &DateTables {
        &self.dates
    }

    /// The normaliser the cleaner compares text with.
    pub fn normalizer(&self) -> &Normalizer {
        &self.normalizer
    }

    /// Cleans one article. `meta_title` is the headline given by the source's metadata, if
    /// any: when the text opens with it, that line becomes the title span.
    pub fn clean(&self, text: &str, meta_title: Option<&str>) -> Cleaned {
        self.clean_normalized(&self.normalizer.normalize(text), meta_title)
    }

    /// Cleans one article given its normalised view (made with [`Cleaner::normalizer`]), for
    /// callers that go on using the view.
    pub fn clean_normalized(&self, norm: &Normalized<'_>, meta_title: Option<&str>) -> Cleaned {
        let doc = Doc { text: norm.original(), norm, lines: lines::split_lines(norm) };
        let (text, lines) = (doc.text, &doc.lines);
        let s = &self.rules.structure;
        let mut state: Vec<LineState> = lines
            .iter()
            .map(|l| LineState { content: (!l.is_blank()).then_some(l.trim), ..Default::default() })
            .collect();
        let mut debris = DebrisFound::default();
        let prose: Vec<bool> = lines.iter().map(|l| self.is_prose(text, l)).collect();
        let first_prose = prose.iter().position(|&p| p);
        let first_content = lines.iter().position(|l| !l.is_blank());

        // 1. line rules that apply anywhere
        let mut openers: Vec<(usize, DebrisReason, &str)> = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            if line.is_blank() {
                continue;
            }
            let Some((rule, m)) = self.rules.lines.find(&line.key, line.words, &[Position::Any]) else {
                continue;
            };
            match rule.span {
                SpanMode::Line => debris.line(text, &mut state[i], rule.reason, &rule.id),
                SpanMode::MatchToEnd => {
                    let start = line.orig_span(norm, m.start..line.key.len()).start();
                    debris.suffix(text, &mut state[i], start, rule.reason, &rule.id);
                }
            }
            // a heading above the lede ("شارك", "الأكثر قراءة" in a page header) opens no block
            if rule.opens_block && state[i].content.is_none() && first_prose.is_some_and(|p| i > p) {
                openers.push((i, rule.reason, &rule.id));
            }
        }

        // 2. structural rules on single lines
        let mut repeated: FxHashMap<&str, usize> = FxHashMap::default();
        for (i, line) in lines.iter().enumerate() {
            if state[i].content.is_some() && line.words >= s.cfg.repeated_line_min_words {
                *repeated.entry(line.key.as_str()).or_default() += 1;
            }
        }
        let mut last_separator = None;
        for (i, line) in lines.iter().enumerate() {
            if state[i].content != Some(line.trim) {
                continue;
            }
            let st = &mut state[i];
            if s.separator.is_match(&line.key) {
                debris.line(text, st, DebrisReason::Separator, "structure/separator");
                last_separator = Some(i);
            } else if is_hashtag_row(line.trim.slice(text), s.cfg.hashtags_min_share) {
                debris.line(text, st, DebrisReason::Hashtags, "structure/hashtag-row");
            } else if let Some(seen) = repeated.get_mut(line.key.as_str()).filter(|n| **n >= 2) {
                // prose duplicated by the scraper, or a headline repeated at the bottom of the
                // page: the first copy is content; a repeated caption is debris everywhere
                let keep_first = prose[i] || Some(i) == first_content;
                if !keep_first || *seen == usize::MAX {
                    let (reason, rule) = if prose[i] || *seen == usize::MAX {
                        (DebrisReason::Duplicate, "structure/duplicate-paragraph")
                    } else {
                        (DebrisReason::Caption, "structure/repeated-line")
                    };
                    debris.line(text, st, reason, rule);
                }
                if keep_first {
                    *seen = usize::MAX;
                }
            } else if line.words <= s.cfg.caption_max_words
                && !prose[i]
                && s.caption_credit.is_match(&line.key)
                && !self.opens_like_lede_verb(&line.key)
            {
                debris.line(text, st, DebrisReason::Caption, "structure/photo-credit");
            }
        }

        // 3. a footer after a separator near the end
        if let Some(sep) = last_separator {
            let after: Vec<usize> = (sep + 1..lines.len()).filter(|&i| state[i].content.is_some()).collect();
            if after.len() <= 2 && !after.iter().any(|&i| prose[i]) {
                for i in after {
                    debris.line(text, &mut state[i], DebrisReason::Footer, "structure/after-separator");
                }
            }
        }

        // 4. rules that apply to the last content line (tags or links glued after the article)
        //    and after the last paragraph of prose (links to the site's sections)
        let last = (0..lines.len()).rev().find(|&i| state[i].content.is_some());
        let last_prose = (0..lines.len()).rev().find(|&i| prose[i] && state[i].content.is_some());
        for i in last_prose.map_or(0, |p| p)..lines.len() {
            let line = &lines[i];
            if state[i].content.is_none() {
                continue;
            }
            let positions: &[Position] = match (Some(i) == last, last_prose.is_none_or(|lp| i > lp)) {
                (true, true) => &[Position::Last, Position::Tail],
                (true, false) => &[Position::Last],
                (false, true) => &[Position::Tail],
                (false, false) => continue,
            };
            if let Some((rule, m)) = self.rules.lines.find(&line.key, line.words, positions) {
                match rule.span {
                    SpanMode::Line => debris.line(text, &mut state[i], rule.reason, &rule.id),
                    SpanMode::MatchToEnd => {
                        let start = line.orig_span(norm, m.start..line.key.len()).start();
                        debris.suffix(text, &mut state[i], start, rule.reason, &rule.id);
                    }
                }
            }
        }

        // 5. blocks of teaser headlines under a "read more" / "related" heading; each line is
        //    walked once (a block that swallowed the next opener's lines walked them already)
        let mut walked = 0;
        for &(opener, reason, rule) in &openers {
            if opener < walked {
                continue;
            }
            let block_rule = format!("{rule}/block");
            // at the tail (no article paragraph follows) everything short after it is a teaser
            let at_tail = last_prose.is_none_or(|lp| opener > lp);
            walked = opener + 1;
            while walked < lines.len() {
                let (i, line) = (walked, &lines[walked]);
                if state[i].content.is_some() {
                    if self.is_headline_like(text, line)
                        || (at_tail && line.words <= s.cfg.related_headline_max_words)
                    {
                        debris.line(text, &mut state[i], reason, &block_rule);
                    } else {
                        break;
                    }
                }
                walked += 1;
            }
        }

        // 6. title, source credits and datelines at the top
        let title = self.find_title(&doc, &mut state, meta_title);
        let outlet = self.top_of_article(&doc, &mut state, &mut debris, &prose);

        // 7. related-article headlines between body paragraphs
        self.related_headlines(&doc, &mut state, &mut debris, &prose);

        // 8. stories appended after the article
        for i in tail::appended_stories(self, &doc, &state, title.as_ref()) {
            debris.line(text, &mut state[i], DebrisReason::AppendedStory, "structure/appended-story");
        }

        // 9. what the remaining content is
        self.assign_kinds(&doc, &mut state, &prose);

        let mut paragraphs = Vec::new();
        for st in &state {
            if let Some(dl) = st.dateline {
                paragraphs.push(Paragraph { span: dl, kind: ParagraphKind::Dateline });
            }
            if let (Some(span), false) = (st.content, st.title) {
                paragraphs.push(Paragraph { span, kind: st.kind.unwrap_or(ParagraphKind::Body) });
            }
        }
        let mut debris = debris.found;
        debris.sort_by_key(|d| d.span);
        Cleaned { title, paragraphs, debris, outlet }
    }

    /// A line that reads like article prose rather than a heading or a teaser.
    fn is_prose(&self, text: &str, line: &Line) -> bool {
        let cfg = &self.rules.structure.cfg;
        (line.words >= cfg.prose_min_words && ends_sentence(line.trim.slice(text)))
            || line.words >= cfg.prose_any_words
    }

    /// A line that reads like a headline: short enough, no sentence punctuation at its end.
    fn is_headline_like(&self, text: &str, line: &Line) -> bool {
        let s = line.trim.slice(text);
        line.words >= 1
            && line.words <= self.rules.structure.cfg.related_headline_max_words
            && !ends_sentence(s)
            && !is_list_item(s)
    }

    fn find_title(&self, doc: &Doc<'_>, state: &mut [LineState], meta_title: Option<&str>) -> Option<Title> {
        let lines = &doc.lines;
        let first = (0..lines.len()).find(|&i| state[i].content.is_some());
        if let Some(meta) = meta_title.map(str::trim).filter(|t| !t.is_empty()) {
            let meta_key = lexicon::phrase_key(&self.normalizer, meta);
            let span = first.filter(|&i| {
                rules::strip_edge_punct(&lines[i].key) == rules::strip_edge_punct(&meta_key)
                    && state[i].content == Some(lines[i].trim)
            });
            if let Some(i) = span {
                state[i].title = true;
            }
            return Some(Title { text: meta.to_string(), span: span.map(|i| lines[i].trim) });
        }
        let i = first?;
        let line = &lines[i];
        let s = line.trim.slice(doc.text);
        let has_more = (i + 1..lines.len()).any(|j| state[j].content.is_some());
        let looks_like_title = has_more
            && line.words <= self.rules.structure.cfg.title_max_words
            && state[i].content == Some(line.trim)
            && s.chars().any(rules::is_word_char)
            && !ends_with_period(s)
            && !is_list_item(s)
            && !self.has_byline_marker(&line.key, line.words)
            && self.dates.date_line(&line.key).is_none()
            && self.credits.credit(&line.key).is_none()
            && !self.credits.dateline_line(&line.key)
            && self.inline_dateline(&line.key).is_none();
        if !looks_like_title {
            return None;
        }
        state[i].title = true;
        Some(Title { text: s.to_string(), span: Some(line.trim) })
    }

    /// Source credits (debris) and datelines (content) in the lines before the body; the
    /// outlet a credit or dateline names.
    fn top_of_article(
        &self,
        doc: &Doc<'_>,
        state: &mut [LineState],
        debris: &mut DebrisFound,
        prose: &[bool],
    ) -> Option<String> {
        let mut outlet = None;
        let mut prose_seen = 0;
        for (i, line) in doc.lines.iter().enumerate() {
            if state[i].content.is_none() || state[i].title {
                continue;
            }
            if state[i].content == Some(line.trim) {
                if let Some(credit) = self.credits.credit(&line.key) {
                    let end = line.orig_span(doc.norm, credit.range.clone()).end();
                    outlet = outlet.or(credit.outlet);
                    debris.prefix(
                        doc.text,
                        &mut state[i],
                        end,
                        DebrisReason::SourceCredit,
                        "structure/source-credit",
                    );
                } else if let Some(dl) = self.inline_dateline(&line.key) {
                    let span = trim_span(doc.text, line.orig_span(doc.norm, dl.range.clone()));
                    outlet = outlet.or(dl.outlet);
                    let rest = trim_span(doc.text, Span::new(span.end(), line.trim.end()));
                    if rest.is_empty() || span.is_empty() {
                        state[i].kind = Some(ParagraphKind::Dateline);
                    } else {
                        state[i].dateline = Some(span);
                        state[i].content = Some(rest);
                    }
                }
            }
            if prose[i] {
                prose_seen += 1;
                if prose_seen >= 2 {
                    break;
                }
            }
        }
        outlet
    }

    /// A dateline opening a line key, unless what precedes the dash is the start of a
    /// sentence (`قال مصدر عسكري - إن...`).
    fn inline_dateline(&self, key: &str) -> Option<header::HeaderMatch> {
        let dl = self.credits.inline_dateline(key, self.rules.structure.cfg.dateline_min_following_words)?;
        let first = key.split([' ', '،', ',']).next().unwrap_or("");
        if dl.agency || !(self.lede_verbs.contains(first) || self.continues(key)) { Some(dl) } else { None }
    }

    /// Headline-like lines between body paragraphs: links to related articles.
    fn related_headlines(
        &self,
        doc: &Doc<'_>,
        state: &mut [LineState],
        debris: &mut DebrisFound,
        prose: &[bool],
    ) {
        let (text, lines) = (doc.text, &doc.lines);
        let cfg = &self.rules.structure.cfg;
        let content: Vec<usize> =
            (0..lines.len()).filter(|&i| state[i].content.is_some() && !state[i].title).collect();
        let long: Vec<usize> =
            content.iter().copied().filter(|&i| lines[i].words >= cfg.prose_min_words).collect();
        if long.is_empty() {
            return;
        }
        let punctuated = long.iter().filter(|&&i| ends_sentence(lines[i].trim.slice(text))).count();
        if (punctuated as f32) < cfg.related_headline_min_punctuated_share * long.len() as f32 {
            return;
        }
        // whether prose follows each content line: one backward pass
        let mut prose_follows = vec![false; content.len()];
        for pos in (0..content.len().saturating_sub(1)).rev() {
            prose_follows[pos] = prose_follows[pos + 1] || prose[content[pos + 1]];
        }
        let mut prose_seen = 0;
        for (pos, &i) in content.iter().enumerate() {
            let line = &lines[i];
            if prose[i] {
                prose_seen += 1;
                continue;
            }
            let s = line.trim.slice(text);
            let candidate = prose_seen >= cfg.related_headline_after_body
                // a teaser headline sits between paragraphs, never at the end of the article
                && prose_follows[pos]
                && state[i].content == Some(line.trim)
                && line.words >= cfg.related_headline_min_words
                && line.words <= cfg.related_headline_max_words
                && !ends_sentence(s)
                && !s.ends_with([':', '：'])
                && !is_list_item(s)
                // "وأضاف: ..." or "وفي الهجوم: ..." continues the article, whatever its punctuation
                && !self.continues(&line.key);
            if !candidate {
                continue;
            }
            // a subheading announces what follows; a link to another story does not
            let own = tail::stems(self.segmenter, &line.key);
            let next: HashSet<String> = content[pos + 1..]
                .iter()
                .take(2)
                .flat_map(|&j| tail::stems(self.segmenter, &lines[j].key))
                .collect();
            let shared = own.iter().filter(|s| next.contains(*s)).count();
            let subheading = !own.is_empty()
                && shared as f32 >= cfg.related_headline_subheading_overlap * own.len() as f32;
            if !subheading {
                debris.line(text, &mut state[i], DebrisReason::RelatedTeaser, "structure/related-headline");
            }
        }
    }

    fn assign_kinds(&self, doc: &Doc<'_>, state: &mut [LineState], prose: &[bool]) {
        let (text, lines) = (doc.text, &doc.lines);
        let cfg = &self.rules.structure.cfg;
        let content: Vec<usize> =
            (0..lines.len()).filter(|&i| state[i].content.is_some() && !state[i].title).collect();
        let first_body = content.iter().position(|&i| prose[i]);
        let mut lede_given = false;
        for (pos, &i) in content.iter().enumerate() {
            if state[i].kind.is_some() {
                continue;
            }
            let line = &lines[i];
            let span = state[i].content.unwrap_or(line.trim);
            let s = span.slice(text);
            let words = if span == line.trim { line.words } else { s.split_whitespace().count() };
            let in_header = first_body.is_none_or(|b| pos < b);
            let is_dateline = self.dates.date_line(&line.key).is_some()
                || (in_header && self.credits.dateline_line(&line.key));
            let kind = if is_dateline {
                ParagraphKind::Dateline
            } else if in_header && self.is_byline(&line.key, words) {
                ParagraphKind::Byline
            } else if words >= cfg.lede_min_words
                && (ends_sentence(s) || words > cfg.heading_max_unpunctuated_words || in_header)
            {
                if lede_given {
                    ParagraphKind::Body
                } else {
                    lede_given = true;
                    ParagraphKind::Lede
                }
            } else if (words <= cfg.heading_max_words && !ends_with_period(s))
                || (words <= cfg.question_heading_max_words && s.ends_with(['؟', '?', ':']))
                || (!ends_sentence(s) && words <= cfg.heading_max_unpunctuated_words)
            {
                ParagraphKind::Heading
            } else if lede_given {
                ParagraphKind::Body
            } else {
                lede_given = true;
                ParagraphKind::Lede
            };
            state[i].kind = Some(kind);
        }
    }

    /// Whether a short header line is an author line: a byline marker (`بقلم`, `كتب`...)
    /// opening it, or a few words with no digit or punctuation (a name).
    fn is_byline(&self, key: &str, words: usize) -> bool {
        let s = &self.rules.structure;
        if self.has_byline_marker(key, words) {
            return true;
        }
        (2..=s.cfg.byline_max_words).contains(&words)
            && !key.chars().any(|c| {
                c.is_ascii_digit() || matches!(c, ':' | '.' | '،' | ',' | '؟' | '?' | '!' | '-' | '/')
            })
    }

    /// Whether a short line opens with a byline marker (`بقلم`, `كتب`...).
    fn has_byline_marker(&self, key: &str, words: usize) -> bool {
        let s = &self.rules.structure;
        let first = key.split([' ', ':']).next().unwrap_or("");
        s.byline_markers.iter().any(|m| m == first) && words <= s.cfg.byline_marker_max_words
    }

    /// Whether a paragraph continues the article (opens with a conjunction or a connective)
    /// rather than starting a new story.
    pub(crate) fn continues(&self, key: &str) -> bool {
        let key = key.trim_start_matches(|c: char| !rules::is_word_char(c));
        let Some(first) = key.split([' ', '،', ',']).next() else { return true };
        if first.is_empty() {
            return true;
        }
        if self.segmenter.segment(first).proclitics().any(|(p, _)| p.is_conjunction()) {
            return true;
        }
        self.connectives.iter().any(|c| {
            key.strip_prefix(c.as_str())
                .is_some_and(|rest| rest.chars().next().is_none_or(|ch| !rules::is_word_char(ch)))
        })
    }

    /// Whether a paragraph opens with a reporting verb followed by its subject.
    fn opens_like_lede_verb(&self, key: &str) -> bool {
        let key = key.trim_start_matches(|c: char| !rules::is_word_char(c));
        let mut words = key.split([' ', '،', ',']).filter(|w| !w.is_empty());
        let first = words.next().unwrap_or("");
        let second = words.next().unwrap_or("");
        self.lede_verbs.contains(first) && !self.subjectless.contains(second)
    }

    /// Whether a paragraph opens like a news lede (for appended-story detection): a reporting
    /// verb with its subject, a dateline naming a news source, or a weekday set off by commas.
    pub(crate) fn opens_like_lede(&self, key: &str, words: usize) -> bool {
        if words < self.rules.structure.cfg.appended_lede_min_words {
            return false;
        }
        if self.opens_like_lede_verb(key) {
            return true;
        }
        let key = key.trim_start_matches(|c: char| !rules::is_word_char(c) && c != '(');
        if self.inline_dateline(key).is_some_and(|d| d.agency) {
            return true;
        }
        let head_end = key.match_indices(' ').nth(19).map_or(key.len(), |(i, _)| i);
        self.dates.has_comma_weekday(&key[..head_end])
    }

    /// The date that a line holding only a date (within `span` of the original) gives.
    pub(crate) fn date_line_in(&self, norm: &Normalized<'_>, span: Span) -> Option<crate::dates::DateLine> {
        self.dates.date_line(&lines::keyed(norm, span).key)
    }

    /// A publication date implied by a day-relative date (`أمس الخميس 15 سبتمبر 2022`) in
    /// `span` of the original, with the span of the expression.
    pub(crate) fn relative_publication_in(
        &self,
        norm: &Normalized<'_>,
        span: Span,
    ) -> Option<(Span, jiff::civil::Date)> {
        if !self.dates.may_hold_relative_publication(span.slice(norm.original())) {
            return None;
        }
        let line = lines::keyed(norm, span);
        let (range, date) = self.dates.relative_publication(&line.key)?;
        Some((trim_span(norm.original(), line.orig_span(norm, range)), date))
    }

    pub(crate) fn segmenter(&self) -> &'static Segmenter {
        self.segmenter
    }

    pub(crate) fn structure(&self) -> &rules::StructureConfig {
        &self.rules.structure.cfg
    }
}

/// Whether a line (as written: a tag's words are joined by `_`, which the normalised view
/// splits) is mostly `#tags`.
fn is_hashtag_row(line: &str, min_share: f32) -> bool {
    if !line.as_bytes().contains(&b'#') {
        return false;
    }
    let (mut words, mut tags) = (0usize, 0usize);
    for w in line.split_whitespace() {
        words += 1;
        let w = w.trim_start_matches(lines::is_invisible);
        if w.starts_with('#') && w.len() > 1 {
            tags += 1;
        }
    }
    tags >= 2 && tags as f32 / words as f32 >= min_share
}

/// Strips closing quotes, brackets and spaces from the end of a line.
fn strip_closers(s: &str) -> &str {
    s.trim_end_matches(|c: char| {
        c.is_whitespace()
            || lines::is_invisible(c)
            || matches!(c, '"' | '\'' | '»' | '”' | '’' | ')' | ']' | '}' | '“')
    })
}

/// Whether a line ends with sentence punctuation (before any closing quotes or brackets).
fn ends_sentence(s: &str) -> bool {
    strip_closers(s).ends_with(['.', '!', '?', '؟', '…', '。'])
}

/// Whether a line ends with a full stop (a title may end with a question mark, not a period).
fn ends_with_period(s: &str) -> bool {
    let s = strip_closers(s);
    s.ends_with(['.', '。']) && !s.ends_with("..")
}

/// Whether a line is an item of a list (`- `, `• `, `1.`, `2)`).
fn is_list_item(s: &str) -> bool {
    let s = s.trim_start();
    if s.starts_with(['-', '–', '—', '•', '*', '·', '●', '▪']) {
        return true;
    }
    let digits =
        s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit() || ('٠'..='٩').contains(&c)).len();
    digits > 0 && s[digits..].starts_with(['.', ')', '-'])
}

#[cfg(test)]
mod tests;
