//! The extraction record as written to JSON Lines (`docs/CONTRACT.md` in the shared material):
//! wire types kept apart from the domain types, with offsets converted from bytes to Unicode
//! code points at this edge.

use marsad_doc::Document;
use marsad_text::{CharOffsets, Span, TokenKind};
use serde::Serialize;

use crate::casualties::{Casualty, Party};
use crate::events::Event;
use crate::extract::Extraction;

/// One record: an article and everything extracted from it.
#[derive(Debug, Serialize)]
pub struct Record<'a> {
    pub id: &'a str,
    pub source: SourceRecord<'a>,
    pub outlet: Option<&'a str>,
    pub published: Option<String>,
    pub published_from: Option<&'static str>,
    pub text: &'a str,
    pub title: Option<TitleRecord<'a>>,
    pub paragraphs: Vec<ParagraphRecord>,
    pub debris: Vec<DebrisRecord<'a>>,
    pub entities: Vec<EntityRecord<'a>>,
    pub times: Vec<TimeRecord<'a>>,
    pub events: Vec<EventRecord>,
    pub casualties: Vec<CasualtyRecord>,
    // fields beyond the contract
    pub language: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet_from: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_evidence: Option<EvidenceRecord<'a>>,
    pub sentences: Vec<SpanRecord>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<TokenRecord<'a>>>,
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    pub metadata: &'a serde_json::Map<String, serde_json::Value>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub notes: &'a [String],
}

#[derive(Debug, Serialize)]
pub struct SourceRecord<'a> {
    pub path: Option<&'a str>,
    pub format: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
}

#[derive(Debug, Serialize)]
pub struct TitleRecord<'a> {
    pub text: &'a str,
    pub start: Option<usize>,
    pub end: Option<usize>,
}

#[derive(Debug, Serialize)]
pub struct ParagraphRecord {
    pub start: usize,
    pub end: usize,
    pub kind: &'static str,
}

#[derive(Debug, Serialize)]
pub struct DebrisRecord<'a> {
    pub start: usize,
    pub end: usize,
    pub reason: &'static str,
    pub rule: &'a str,
}

#[derive(Debug, Serialize)]
pub struct SpanRecord {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Serialize)]
pub struct EvidenceRecord<'a> {
    pub start: usize,
    pub end: usize,
    pub rule: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conflict: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct TokenRecord<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: &'static str,
    pub norm: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub proclitics: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stem: Option<&'a str>,
}

/// An entity with its mentions.
#[derive(Debug, Serialize)]
pub struct EntityRecord<'a> {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub name: &'a str,
    pub name_ar: &'a str,
    pub kb: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtype: Option<&'a str>,
    pub mentions: Vec<MentionRecord>,
}

/// A mention of an entity, with the rule that found it.
#[derive(Debug, Serialize)]
pub struct MentionRecord {
    pub start: usize,
    pub end: usize,
    pub rule: &'static str,
}

/// A resolved time expression.
#[derive(Debug, Serialize)]
pub struct TimeRecord<'a> {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub value: String,
    pub anchor: &'static str,
    /// The pattern that found it.
    pub rule: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conflict: Option<&'a str>,
}

/// A typed event; `actors`, `targets`, `claimant` and `reported_by` are entity ids (`e1`), or an
/// English name for a country the article names only by an adjective; `locations` are entity
/// ids.
#[derive(Debug, Serialize)]
pub struct EventRecord {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub mode: String,
    pub date: Option<String>,
    pub actors: Vec<String>,
    pub targets: Vec<String>,
    pub locations: Vec<String>,
    pub claimant: Option<String>,
    pub reported_by: Vec<String>,
    pub negated: bool,
    pub evidence: SpanRecord,
    // fields beyond the contract
    /// `asserted`, `future` (planned, expected) or `hypothetical` (a condition, a possibility):
    /// only asserted events are reported as having happened.
    pub modality: &'static str,
    /// Where the date comes from: `sentence`, `context` (earlier in the paragraph) or
    /// `published` (the publication date).
    pub date_anchor: Option<&'static str>,
    /// Where the locations come from: `clause` (its own clause) or `sentence` (elsewhere in
    /// its sentence); null when it has none.
    pub location_anchor: Option<&'static str>,
    /// The trigger word or phrase.
    pub trigger: SpanRecord,
    /// The rule that made the event: `trigger`, `killing`, `casualty-report`.
    pub rule: &'static str,
}

impl EventRecord {
    fn new(i: usize, e: &Event, offsets: &CharOffsets) -> EventRecord {
        let span = |s: Span| {
            let r = offsets.char_range(s);
            SpanRecord { start: r.start, end: r.end }
        };
        EventRecord {
            id: event_id(i),
            kind: e.category.as_str(),
            mode: e.mode.clone(),
            date: e.date.clone(),
            actors: e.actors.iter().map(party).collect(),
            targets: e.targets.iter().map(party).collect(),
            locations: e.locations.iter().map(|&l| entity_id(l)).collect(),
            claimant: e.claimant.as_ref().map(party),
            reported_by: e.reported_by.iter().map(|&r| entity_id(r)).collect(),
            negated: e.negated,
            evidence: span(e.evidence),
            modality: e.modality.as_str(),
            date_anchor: e.date_from.map(|d| d.as_str()),
            location_anchor: e.locations_from.map(|l| l.as_str()),
            trigger: span(e.trigger),
            rule: e.explanation.rule,
        }
    }
}

/// The id of the article's `i`th event in records.
pub fn event_id(i: usize) -> String {
    format!("v{}", i + 1)
}

/// A casualty claim; `side`, `claimant` and `reported_by` are entity ids (`e1`), or an English
/// name for a country the article names only by an adjective, or `both`.
#[derive(Debug, Serialize)]
pub struct CasualtyRecord {
    pub count: Option<u64>,
    pub qualifier: String,
    pub kind: String,
    pub population: String,
    pub side: Option<String>,
    pub claimant: Option<String>,
    pub reported_by: Vec<String>,
    pub date: Option<String>,
    /// Where the date comes from: `sentence` (the claim's own), `context` (the paragraph
    /// before it), `opening` (the day the title or lede names), `published` (the publication
    /// date, a running total's end); null when it has none.
    pub date_anchor: Option<&'static str>,
    pub cumulative: bool,
    pub event: Option<String>,
    pub evidence: SpanRecord,
    /// The rule that gave the claim its kind (`noun`, `before`, `after`, `list`, `no-count`).
    pub rule: &'static str,
    /// How the claimant was found (`speech-after`, `speech-before`, `pronoun`, `source`,
    /// `statement`, `agency`, `anonymous`, `carried`, `none`).
    pub claimant_rule: &'static str,
    /// How the side was found ([`Casualty::side_rule`]).
    pub side_rule: &'static str,
}

/// The id of the article's `i`th entity in records.
pub fn entity_id(i: usize) -> String {
    format!("e{}", i + 1)
}

/// A party as written in records.
pub fn party(p: &Party) -> String {
    match p {
        Party::Entity(i) => entity_id(*i),
        Party::Name(name) => name.clone(),
        Party::Both => "both".to_string(),
    }
}

impl CasualtyRecord {
    fn new(c: &Casualty, event: Option<usize>, offsets: &CharOffsets) -> CasualtyRecord {
        let r = offsets.char_range(c.evidence);
        CasualtyRecord {
            count: c.count,
            qualifier: c.qualifier.to_string(),
            kind: c.kind.as_str().to_string(),
            population: c.population.as_str().to_string(),
            side: c.side.as_ref().map(party),
            claimant: c.claimant.as_ref().map(party),
            reported_by: c.reported_by.iter().map(|&i| entity_id(i)).collect(),
            date: c.date.clone(),
            date_anchor: c.date_from.map(|d| d.as_str()),
            cumulative: c.cumulative,
            event: event.map(event_id),
            evidence: SpanRecord { start: r.start, end: r.end },
            rule: c.rule,
            claimant_rule: c.claimant_rule,
            side_rule: c.side_rule,
        }
    }
}

impl<'a> Record<'a> {
    /// The record as one line of JSON (without its line break), in a buffer sized for it at
    /// once: a record is about 2.7 times its article's text (the text, its paragraphs and
    /// what was found in it), and a buffer grown from 128 bytes was copied over about five
    /// times an article (24,000 reallocations on 5,000 bench articles).
    pub fn to_json(&self) -> Result<Vec<u8>, serde_json::Error> {
        let mut out = Vec::with_capacity(self.text.len() * 3 + 1024);
        serde_json::to_writer(&mut out, self)?;
        Ok(out)
    }

    /// The record of `doc` and its extraction.
    pub fn new(doc: &'a Document, ex: &'a Extraction) -> Record<'a> {
        let offsets = CharOffsets::new(&doc.text);
        let cp = |b: usize| offsets.char_index(b);
        let span = |s: Span| SpanRecord { start: cp(s.start()), end: cp(s.end()) };
        let cleaned = &ex.cleaned;
        let (outlet, outlet_from) = match (&doc.meta.outlet, &cleaned.outlet) {
            (Some(o), _) => (Some(o.as_str()), None),
            (None, Some(o)) => (Some(o.as_str()), Some("text")),
            (None, None) => (None, None),
        };
        Record {
            id: &doc.id,
            source: SourceRecord {
                path: doc.source.path.as_deref(),
                format: doc.source.format.as_str(),
                line: doc.source.line,
            },
            outlet,
            published: ex.published.as_ref().map(|p| p.date.to_string()),
            published_from: ex.published.as_ref().map(|p| p.from.as_str()),
            text: &doc.text,
            title: cleaned.title.as_ref().map(|t| TitleRecord {
                text: &t.text,
                start: t.span.map(|s| cp(s.start())),
                end: t.span.map(|s| cp(s.end())),
            }),
            paragraphs: cleaned
                .paragraphs
                .iter()
                .map(|p| ParagraphRecord {
                    start: cp(p.span.start()),
                    end: cp(p.span.end()),
                    kind: p.kind.as_str(),
                })
                .collect(),
            debris: cleaned
                .debris
                .iter()
                .map(|d| DebrisRecord {
                    start: cp(d.span.start()),
                    end: cp(d.span.end()),
                    reason: d.reason.as_str(),
                    rule: &d.rule,
                })
                .collect(),
            entities: ex
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| EntityRecord {
                    id: entity_id(i),
                    kind: e.etype.as_str(),
                    name: &e.name,
                    name_ar: &e.name_ar,
                    kb: e.kb.as_deref(),
                    subtype: e.subtype.as_deref(),
                    mentions: e
                        .mentions
                        .iter()
                        .map(|m| {
                            let r = offsets.char_range(m.span);
                            MentionRecord { start: r.start, end: r.end, rule: m.rule }
                        })
                        .collect(),
                })
                .collect(),
            times: ex
                .times
                .iter()
                .map(|t| {
                    let r = offsets.char_range(t.span);
                    TimeRecord {
                        start: r.start,
                        end: r.end,
                        kind: t.kind(),
                        value: t.value.to_string(),
                        anchor: t.anchor.as_str(),
                        rule: t.rule,
                        conflict: t.conflict.as_deref(),
                    }
                })
                .collect(),
            events: ex.events.iter().enumerate().map(|(i, e)| EventRecord::new(i, e, &offsets)).collect(),
            casualties: ex
                .casualties
                .iter()
                .enumerate()
                .map(|(i, c)| CasualtyRecord::new(c, ex.claim_events.get(i).copied().flatten(), &offsets))
                .collect(),
            language: &ex.language.code,
            outlet_from,
            published_evidence: ex.published.as_ref().and_then(|p| {
                let range = offsets.char_range(p.evidence?);
                Some(EvidenceRecord {
                    start: range.start,
                    end: range.end,
                    rule: p.rule?,
                    conflict: p.conflict.as_deref(),
                })
            }),
            sentences: ex.sentences.iter().map(|&s| span(s)).collect(),
            tokens: ex.normalized.as_deref().map(|normalized| {
                ex.tokens
                    .iter()
                    .map(|t| {
                        let norm = t.norm_str(normalized);
                        TokenRecord {
                            start: cp(t.token.span.start()),
                            end: cp(t.token.span.end()),
                            kind: token_kind(t.token.kind),
                            norm,
                            proclitics: t
                                .segmentation
                                .map(|s| s.proclitics().map(|(_, r)| &norm[r]).collect())
                                .unwrap_or_default(),
                            stem: t.segmentation.map(|s| s.stem_str(norm)),
                        }
                    })
                    .collect()
            }),
            metadata: &doc.meta.extra,
            notes: &doc.meta.notes,
        }
    }
}

/// The name of a token kind in records.
fn token_kind(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::Arabic => "arabic",
        TokenKind::Word => "word",
        TokenKind::Number => "number",
        TokenKind::Punct => "punct",
        TokenKind::Symbol => "symbol",
    }
}
