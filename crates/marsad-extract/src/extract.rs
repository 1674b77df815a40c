//! The per-article pipeline: a [`Document`] in, an [`Extraction`] out. Stateless and
//! thread-safe, so that articles can be processed in parallel.

use std::ops::Range;
use std::time::{Duration, Instant};

use marsad_doc::Document;
use marsad_kb::Kb;
pub use marsad_text::AnalysedToken;
use marsad_text::{Normalizer, Span, analyse, sentences};

use crate::casualties::Casualty;
use crate::clean::{Cleaned, Cleaner};
use crate::entities::Entity;
use crate::events::Event;
use crate::language::{self, Language};
use crate::published::{self, Published};
use crate::times::TimeExpr;

/// What to put in the extraction beyond the record's required fields.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Keep the normalised text, so that the tokens' normalised forms can be written out.
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
    /// People, organisations and places of the title and paragraphs (Arabic articles only).
    pub entities: Vec<Entity>,
    /// Casualty claims (Arabic articles only); their parties index [`Extraction::entities`].
    pub casualties: Vec<Casualty>,
    /// Events (Arabic articles only), in text order; their parties index
    /// [`Extraction::entities`].
    pub events: Vec<Event>,
    /// For each casualty claim, the index in [`Extraction::events`] of the event it belongs to
    /// (see [`link_claims`]).
    pub claim_events: Vec<Option<usize>>,
    /// Tokens of the title and paragraphs with their clitic analysis, in text order: the one
    /// token stream every layer reads.
    pub tokens: Vec<AnalysedToken>,
    /// For each content span (title, paragraphs) in text order, its range in
    /// [`Extraction::tokens`].
    pub blocks: Vec<Range<usize>>,
    /// The normalised view's text, which the tokens' normalised spans index (only when
    /// [`Options::tokens`] is set).
    pub normalized: Option<String>,
}

/// Runs the per-article pipeline.
#[derive(Debug)]
pub struct Extractor {
    cleaner: &'static Cleaner,
    kb: &'static Kb,
    options: Options,
}

impl Extractor {
    /// An extractor with the shipped rules and lexicons.
    pub fn new(options: Options) -> Extractor {
        Extractor { cleaner: Cleaner::builtin(), kb: Kb::builtin(), options }
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
        // room for the tokens up front: grown by doubling, the vector was copied over and over
        // (a token of news takes about ten bytes of text; a sixth keeps regrowth rare)
        let content_bytes: usize = content.iter().map(Span::len).sum();
        let mut tokens = Vec::with_capacity(content_bytes / 6 + 16);
        let mut blocks = Vec::with_capacity(content.len());
        for &span in &content {
            sentence_spans.extend(sentences(&norm, span));
            let start = tokens.len();
            tokens.extend(analyse(&norm, span, self.cleaner.segmenter()));
            blocks.push(start..tokens.len());
        }
        // every later layer keeps what it derives from a form alone in a table indexed by the
        // form's id: the ids are looked up here once, rather than by each layer for itself
        marsad_text::assign_form_ids(&mut tokens);
        let normalized = self.options.tokens.then(|| norm.text().to_string());
        times.text += t.elapsed();

        let t = Instant::now();
        let time_exprs = if language.is_arabic() {
            let paragraphs: Vec<&[AnalysedToken]> = blocks.iter().map(|r| &tokens[r.clone()]).collect();
            crate::times::find(&norm, &paragraphs, published.as_ref().map(|p| p.date))
        } else {
            Vec::new()
        };
        times.times = t.elapsed();

        let t = Instant::now();
        let entities = if language.is_arabic() {
            let paragraphs: Vec<&[AnalysedToken]> = blocks.iter().map(|r| &tokens[r.clone()]).collect();
            let not_names: Vec<Span> = time_exprs.iter().map(|t| t.span).collect();
            let tagger =
                crate::entities::Tagger { model: marsad_ner::Model::builtin(), not_names: &not_names };
            let year = published.as_ref().map(|p| i32::from(p.date.year()));
            crate::entities::find_with(&norm, &paragraphs, self.kb, Some(tagger), year)
        } else {
            Vec::new()
        };
        times.entities = t.elapsed();

        let t = Instant::now();
        // which entity each token names: casualties and events both read it
        let entity_of = if language.is_arabic() {
            crate::attribution::entity_of_tokens(&tokens, &entities)
        } else {
            Vec::new()
        };
        let mut casualties = if language.is_arabic() {
            crate::casualties::find(&crate::casualties::Article {
                norm: &norm,
                tokens: &tokens,
                sentences: &sentence_spans,
                blocks: &content,
                title: cleaned.title.as_ref().and_then(|t| t.span),
                entities: &entities,
                entity_of: &entity_of,
                times: &time_exprs,
                published: published.as_ref().map(|p| p.date),
                kb: self.kb,
            })
        } else {
            Vec::new()
        };
        times.casualties = t.elapsed();

        let t = Instant::now();
        let events = if language.is_arabic() {
            // the title and headings name what the body reports
            let mut skip: Vec<Span> = cleaned.title.iter().filter_map(|t| t.span).collect();
            skip.extend(cleaned.paragraphs.iter().filter(|p| p.kind.as_str() == "heading").map(|p| p.span));
            crate::events::find_all(&crate::events::Article {
                norm: &norm,
                tokens: &tokens,
                sentences: &sentence_spans,
                blocks: &content,
                entities: &entities,
                entity_of: &entity_of,
                times: &time_exprs,
                kb: self.kb,
                published: published.as_ref().map(|p| p.date.to_string()),
                skip: &skip,
            })
        } else {
            crate::events::Found::default()
        };
        let crate::events::Found { events, sporting } = events;
        // a sentence of sport (no word of arms or politics in it: اعتقال 90 مشجعا is an
        // arrest) injures players and snatches goals (إصابة المهاجم البرازيلي, خطف هدف الفوز
        // في الدقيقة 90): its wounded and captured are no claims, unless it counts people
        // (أصيب 20 شخصا بجروح إثر تحطم أحد المدرجات)
        casualties.retain(|c| {
            !(matches!(c.kind, crate::casualties::Kind::Wounded | crate::casualties::Kind::Captured)
                && c.noun.is_none()
                && sporting.iter().any(|s| s.contains(c.evidence)))
        });
        let claim_events = link_claims(&casualties, &events, &sentence_spans);
        times.events = t.elapsed();
        (
            Extraction {
                language,
                published,
                cleaned,
                sentences: sentence_spans,
                times: time_exprs,
                entities,
                casualties,
                events,
                claim_events,
                tokens,
                blocks,
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
    /// People, organisations and places.
    pub entities: Duration,
    /// Casualty claims.
    pub casualties: Duration,
    /// Events, and linking claims to them.
    pub events: Duration,
}

impl std::ops::AddAssign for StageTimes {
    fn add_assign(&mut self, other: StageTimes) {
        self.clean += other.clean;
        self.metadata += other.metadata;
        self.text += other.text;
        self.times += other.times;
        self.entities += other.entities;
        self.casualties += other.casualties;
        self.events += other.events;
    }
}

/// The event each casualty claim belongs to: the first event whose evidence overlaps the
/// claim's, else the first event of the claim's sentence (a claim of a sentence without events
/// belongs to none).
///
/// ```
/// use marsad_extract::extract::link_claims;
/// let no_claims: Vec<marsad_extract::casualties::Casualty> = Vec::new();
/// assert!(link_claims(&no_claims, &[], &[]).is_empty());
/// ```
pub fn link_claims(claims: &[Casualty], events: &[Event], sentences: &[Span]) -> Vec<Option<usize>> {
    claims
        .iter()
        .map(|c| {
            events.iter().position(|e| e.evidence.overlaps(c.evidence)).or_else(|| {
                let s = sentences.iter().find(|s| s.contains(c.evidence))?;
                events.iter().position(|e| s.contains(e.evidence))
            })
        })
        .collect()
}

/// Title and paragraph spans in text order.
fn content_spans(cleaned: &Cleaned) -> Vec<Span> {
    let mut spans: Vec<Span> = cleaned.title.iter().filter_map(|t| t.span).collect();
    spans.extend(cleaned.paragraphs.iter().map(|p| p.span));
    spans.sort();
    spans
}

/// A normaliser like the one extraction uses, for callers that need to compare text the same
/// way (search keys, lexicons).
pub fn normalizer() -> &'static Normalizer {
    Cleaner::builtin().normalizer()
}

/// The extraction of a text given as a plain-text article without metadata (for the tests of
/// the layers).
#[cfg(test)]
pub(crate) fn extract_text(text: &str) -> Extraction {
    extract_on(text, None)
}

/// The extraction of a plain-text article published on `published` (`2022-09-13`), when given
/// (for the tests of the layers).
#[cfg(test)]
pub(crate) fn extract_on(text: &str, published: Option<&str>) -> Extraction {
    let doc = Document {
        id: "t".into(),
        source: marsad_doc::Source { path: None, format: marsad_doc::Format::Text, line: None },
        text: text.into(),
        meta: marsad_doc::Metadata {
            published: published.map(|p| p.parse().expect("a date")),
            ..marsad_doc::Metadata::default()
        },
    };
    Extractor::new(Options::default()).extract(&doc)
}
