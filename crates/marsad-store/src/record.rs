//! The extraction record as the store reads it: owned mirrors of the fields of the contract
//! (`docs/CONTRACT.md` in the shared material) that the tables hold.
//!
//! The store reads records, not the extractor's domain types: it depends on the contract only,
//! so a record written by any version of `marsad extract` (or by another tool that follows the
//! contract) can be stored. Fields beyond the contract are optional here.

use serde::Deserialize;

/// One record (`marsad extract` writes one per line). Offsets are code points into `text`.
#[derive(Clone, Debug, Deserialize)]
pub struct Record {
    pub id: String,
    pub source: Source,
    pub outlet: Option<String>,
    pub published: Option<String>,
    #[serde(default)]
    pub published_from: Option<String>,
    #[serde(default)]
    pub text: String,
    pub title: Option<Title>,
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
    #[serde(default)]
    pub debris: Vec<Debris>,
    #[serde(default)]
    pub entities: Vec<Entity>,
    #[serde(default)]
    pub times: Vec<Time>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub casualties: Vec<Casualty>,
    #[serde(default)]
    pub language: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Source {
    pub path: Option<String>,
    pub format: String,
    #[serde(default)]
    pub line: Option<u64>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Title {
    pub text: String,
    pub start: Option<usize>,
    pub end: Option<usize>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub kind: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Debris {
    pub start: usize,
    pub end: usize,
    pub reason: String,
    #[serde(default)]
    pub rule: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Entity {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub name_ar: String,
    pub kb: Option<String>,
    #[serde(default)]
    pub subtype: Option<String>,
    #[serde(default)]
    pub mentions: Vec<Mention>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub rule: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Time {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
    pub anchor: String,
    #[serde(default)]
    pub rule: Option<String>,
}

#[derive(Clone, Copy, Debug, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Event {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub mode: String,
    pub date: Option<String>,
    #[serde(default)]
    pub actors: Vec<String>,
    #[serde(default)]
    pub targets: Vec<String>,
    #[serde(default)]
    pub locations: Vec<String>,
    pub claimant: Option<String>,
    #[serde(default)]
    pub reported_by: Vec<String>,
    #[serde(default)]
    pub negated: bool,
    pub evidence: Span,
    #[serde(default)]
    pub modality: Option<String>,
    #[serde(default)]
    pub trigger: Option<Span>,
    #[serde(default)]
    pub rule: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Casualty {
    pub count: Option<u64>,
    pub qualifier: String,
    pub kind: String,
    pub population: String,
    pub side: Option<String>,
    pub claimant: Option<String>,
    #[serde(default)]
    pub reported_by: Vec<String>,
    pub date: Option<String>,
    #[serde(default)]
    pub cumulative: bool,
    pub event: Option<String>,
    pub evidence: Span,
    #[serde(default)]
    pub rule: Option<String>,
}

impl Record {
    /// The code-point spans of the article's content (title, then paragraphs, in text order);
    /// the whole text when the record has none (a text the cleaner found no paragraph in).
    pub fn content_spans(&self) -> Vec<(usize, usize)> {
        let mut spans: Vec<(usize, usize)> = Vec::with_capacity(self.paragraphs.len() + 1);
        if let Some(Title { start: Some(s), end: Some(e), .. }) = &self.title {
            spans.push((*s, *e));
        }
        spans.extend(self.paragraphs.iter().map(|p| (p.start, p.end)));
        spans.sort_unstable();
        if spans.is_empty() && !self.text.is_empty() {
            spans.push((0, self.text.chars().count()));
        }
        spans
    }
}
