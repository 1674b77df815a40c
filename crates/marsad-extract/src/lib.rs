//! Per-article extraction: pure functions from a [`marsad_doc::Document`] to its annotations.
//!
//! - [`clean`]: content versus scraping debris; title, paragraphs and their kinds.
//! - [`published`]: the publication date, from metadata or recognised in the text.
//! - [`language`]: which language an article is in (only Arabic gets Arabic annotations).
//! - [`dates`]: month and weekday tables shared by the date-aware stages.
//! - [`times`]: dates and times found and resolved to TIMEX3 values.
//! - [`entities`]: people, organisations and places, linked to the knowledge base.
//! - [`attribution`]: who claims what a sentence reports, and which agencies carry it.
//! - [`casualties`]: casualty claims: figure, kind, population, side, claimant.
//! - [`events`]: events: PLOVER category and mode, roles, date, claimant, modality, evidence.
//! - [`explain`]: events and claims as readable lines, with the reason for each.
//! - [`extract`]: the pipeline over one document, [`Extractor`].
//! - [`wire`]: the JSON record of `docs/CONTRACT.md`, offsets in code points.
//!
//! ```
//! use marsad_doc::{Document, Format, Metadata, Source};
//! use marsad_extract::{Extractor, Options, wire::Record};
//!
//! let doc = Document {
//!     id: "demo".into(),
//!     source: Source { path: None, format: Format::Text, line: None },
//!     text: "الثلاثاء 2022/09/13\nيريفان - أعلن رئيس الوزراء الأرميني استمرار العمليات القتالية على الحدود.".into(),
//!     meta: Metadata::default(),
//! };
//! let extraction = Extractor::new(Options::default()).extract(&doc);
//! let record = Record::new(&doc, &extraction);
//! assert_eq!(record.published.as_deref(), Some("2022-09-13"));
//! assert_eq!(record.published_from, Some("text"));
//! ```

pub mod attribution;
pub mod casualties;
pub mod clean;
pub mod dates;
pub mod entities;
pub mod events;
pub mod explain;
pub mod extract;
pub mod language;
mod lexicon;
pub mod published;
pub mod times;
pub mod wire;

pub use extract::{Extraction, Extractor, Options, StageTimes};
