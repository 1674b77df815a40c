//! The per-article pipeline: a [`Document`] in, an [`Extraction`] out. Stateless and
//! thread-safe, so that articles can be processed in parallel.

use std::time::{Duration, Instant};

use marsad_doc::Document;
use marsad_text::{Normalized, Normalizer, Segmentation, Span, Token, TokenKind, sentences, tokenize_within};

use crate::clean::{Cleaned, Cleaner};
use crate::language::{self, Language};
use crate::published::{self, Published};
use crate::times::TimeExpr;

/// What to compute beyond the record's required fields.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Keep every token of the content (with its normalised form and proclitics) in the
    /// extraction.
    pub tokens: bool,
}

/// Everything extracted from one article.
#[derive(Clone, Debug)]
pub struct Extraction {
    /// The article's language.
    pub language: Language,
    /// Its publication date, with provenance.
    pub published: Option<Published>,
    /// Title, paragraphs, debris.
    pub cleaned: Cleaned,
    /// Sentences of the title and paragraphs, in text order.
    pub sentences: Vec<Span>,
    /// Dates and times of the title and paragraphs, resolved (Arabic articles only).
    pub times: Vec<TimeExpr>,
    /// Tokens of the title and paragraphs (only when [`Options::tokens`] is set).
    pub tokens: Vec<AnalysedToken>,
    /// The normalised view's text, which the tokens' normalised spans index (only when
    /// [`Options::tokens`] is set).
    pub normalized: Option<String>,
}

/// A token with its clitic analysis. Its normalised form is a slice of
/// [`Extraction::normalized`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AnalysedToken {
    /// The token (original and normalised spans, kind).
    pub token: Token,
    /// For Arabic words: the proclitics and the stem.
    pub segmentation: Option<Segmentation>,
}

impl AnalysedToken {
    /// The token's normalised text, given the extraction's normalised text.
    pub fn norm_str<'n>(&self, normalized: &'n str) -> &'n str {
        self.token.norm.slice(normalized)
    }
}

/// Runs the per-article pipeline.
#[derive(Debug)]
pub struct Extractor {
    cleaner: &'static Cleaner,
    options: Options,
}

impl Extractor {
    /// An extractor with the shipped rules and lexicons.
    pub fn new(options: Options) -> Extractor {
        Extractor { cleaner: Cleaner::builtin(), options }
    }

    /// Extracts one article. Never fails: whatever the text, a record comes out.
    pub fn extract(&self, doc: &Document) -> Extraction {
        self.extract_timed(doc).0
    }

    /// Extracts one article and says how long each stage took (for throughput measurement).
    pub fn extract_timed(&self, doc: &Document) -> (Extraction, StageTimes) {
        let mut times = StageTimes::default();
        let normalizer = self.cleaner.normalizer();
        // one normalised view serves cleaning and the text layer
        let t = Instant::now();
        let norm = normalizer.normalize(&doc.text);
        times.text = t.elapsed();

        let t = Instant::now();
        let cleaned = self.cleaner.clean_normalized(&norm, doc.meta.title.as_deref());
        times.clean = t.elapsed();

        let content = content_spans(&cleaned);
        let t = Instant::now();
        let language = language::identify(&doc.text, &content);
        let published = published::find(doc, &norm, &cleaned, self.cleaner);
        times.metadata = t.elapsed();

        let t = Instant::now();
        let mut sentence_spans = Vec::new();
        let mut tokens = Vec::new();
        let mut normalized = None;
        for &span in &content {
            sentence_spans.extend(sentences(&norm, span));
        }
        if self.options.tokens {
            tokens = analyse_tokens(&norm, &content, self.cleaner);
            normalized = Some(norm.text().to_string());
        }
        times.text += t.elapsed();

        let t = Instant::now();
        let time_exprs = if language.is_arabic() {
            crate::times::find(&norm, &content, published.as_ref().map(|p| p.date), self.cleaner.segmenter())
        } else {
            Vec::new()
        };
        times.times = t.elapsed();
        (
            Extraction {
                language,
                published,
                cleaned,
                sentences: sentence_spans,
                times: time_exprs,
                tokens,
                normalized,
            },
            times,
        )
    }
}

/// Time spent in each stage of one extraction.
#[derive(Clone, Copy, Debug, Default)]
pub struct StageTimes {
    /// Cleaning (content versus debris).
    pub clean: Duration,
    /// Language identification and the publication date.
    pub metadata: Duration,
    /// The text layer: normalisation, sentences, and tokens with clitics when asked.
    pub text: Duration,
    /// Dates and times.
    pub times: Duration,
}

impl std::ops::AddAssign for StageTimes {
    fn add_assign(&mut self, other: StageTimes) {
        self.clean += other.clean;
        self.metadata += other.metadata;
        self.text += other.text;
        self.times += other.times;
    }
}

/// Title and paragraph spans in text order.
fn content_spans(cleaned: &Cleaned) -> Vec<Span> {
    let mut spans: Vec<Span> = cleaned.title.iter().filter_map(|t| t.span).collect();
    spans.extend(cleaned.paragraphs.iter().map(|p| p.span));
    spans.sort();
    spans
}

fn analyse_tokens(norm: &Normalized<'_>, content: &[Span], cleaner: &Cleaner) -> Vec<AnalysedToken> {
    let segmenter = cleaner.segmenter();
    let mut out = Vec::new();
    for &span in content {
        out.extend(tokenize_within(norm, span).map(|token| AnalysedToken {
            token,
            segmentation: (token.kind == TokenKind::Arabic).then(|| segmenter.segment(token.norm_str(norm))),
        }));
    }
    out
}

/// A normaliser like the one extraction uses, for callers that need to compare text the same
/// way (search keys, lexicons).
pub fn normalizer() -> &'static Normalizer {
    Cleaner::builtin().normalizer()
}
