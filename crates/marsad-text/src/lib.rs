//! The Arabic text layer of marsad.
//!
//! Everything here is pure computation on strings (no I/O) and every result points back to the
//! original text through byte [`Span`]s. The modules follow the order a document goes through:
//!
//! - [`span`]: [`Span`], a byte range of an original text.
//! - [`normalize`]: [`Normalizer`] builds a [`Normalized`] view (harakat, tatweel and bidi marks
//!   removed, alef forms, digits and presentation forms folded) aligned byte by byte with the
//!   original.
//! - [`token`]: [`tokenize`] splits a normalised view into [`Token`]s (Arabic words, other words,
//!   numbers, punctuation, symbols) carrying both their original and normalised spans.
//! - [`clitic`]: [`Segmenter`] splits Arabic proclitics (و ف ب ل ك س ال) off a word, guarded by a
//!   lexicon of words that only look prefixed (آلاف, الجزائر, وزير...).
//! - [`sentence`]: [`sentences`] splits a view into sentences, aware of Arabic punctuation,
//!   quotations, decimals and abbreviations.
//! - [`analysis`]: [`AnalysedToken`]s, tokens with their clitic analysis, the stream later layers
//!   read.
//! - [`numbers`]: [`NumberParser`] reads numbers in digits and words, vague counts, duals, with
//!   their qualifiers and units.
//! - [`offsets`]: [`CharOffsets`] turns byte offsets into code point offsets for the JSON output.
//!
//! ```
//! use marsad_text::{Normalizer, TokenKind, segment, sentences, tokenize};
//!
//! let text = "وقالت وزارة الدفاع إن 49 جنديًّا قُتلوا. وأضافت أنها «تحتفظ بحق الرد».";
//! let norm = Normalizer::analysis().normalize(text);
//! let words: Vec<&str> = tokenize(&norm)
//!     .filter(|t| t.kind == TokenKind::Arabic)
//!     .map(|t| t.norm_str(&norm))
//!     .collect();
//! assert_eq!(words[..4], ["وقالت", "وزارة", "الدفاع", "ان"]);
//! // the stem of وقالت, but وزارة is a word of its own
//! assert_eq!(segment(words[0]).stem_str(words[0]), "قالت");
//! assert_eq!(segment(words[1]).stem_str(words[1]), "وزارة");
//! let spans = sentences(&norm, norm.full_span());
//! assert_eq!(spans.len(), 2);
//! assert_eq!(spans[1].slice(text), "وأضافت أنها «تحتفظ بحق الرد».");
//! ```

#![deny(unsafe_code)]
#![warn(missing_docs)]

pub mod analysis;
mod chars;
pub mod clitic;
pub mod forms;
pub mod key;
pub mod normalize;
pub mod numbers;
pub mod offsets;
pub mod sentence;
pub mod span;
mod tables;
pub mod token;

pub use analysis::{AnalysedToken, analyse};
pub use chars::is_letter;
pub use clitic::{Candidates, Proclitic, Segmentation, Segmenter, segment};
pub use forms::{FORM_IDS, FormTable, assign_form_ids, prefetch};
pub use key::key;
pub use normalize::{Normalized, Normalizer};
pub use numbers::{NumberExpr, NumberForm, NumberParser, Qualifier, Quantity, TimeUnit, Unit};
pub use offsets::CharOffsets;
pub use sentence::sentences;
pub use span::Span;
pub use token::{Token, TokenKind, Tokens, tokenize, tokenize_within};
