//! A statistical named-entity tagger for Arabic news: finds the people, organisations and
//! places no gazetteer lists.
//!
//! The tagger is an averaged structured perceptron over BIO tags of the project's four entity
//! types ([`EntityType`]: PERSON, ORG, GPE, LOC), decoded with Viterbi under the BIO
//! constraints (an `I-X` only after `B-X` or `I-X`). It reads marsad's own analysed token stream
//! ([`AnalysedToken`]): the features of a token ([`features`]) come from its clitic analysis
//! (word without conjunction and preposition, stem, proclitics, affixes of the stem, shape), a
//! window of two tokens on each side and, when the model was trained with them, the knowledge
//! base ([`Kb`]: names found by [`Kb::find`], nisba adjectives, first names, titles, common
//! words).
//!
//! The weights are data: `data/ner/model.bin`, produced by the `train-ner` binary of this crate
//! from the NewsFANE corpus (CC BY-SA 3.0, see the repository's `NOTICE`), loaded by
//! [`Model::builtin`]. Training and tagging go through the same path: a corpus sentence is
//! written out as text, normalised, tokenised and segmented by marsad-text exactly like an
//! article ([`corpus::Prepared`]), so that the features seen in training are the features seen
//! at run time.
//!
//! ```
//! use marsad_kb::{EntityType, Kb};
//! use marsad_ner::{Model, Tag, entities};
//! use marsad_text::{Normalizer, Segmenter, analyse};
//!
//! let text = "وقال الرئيس الأرميني نيكول باشينيان في يريفان";
//! let norm = Normalizer::analysis().normalize(text);
//! let tokens: Vec<_> = analyse(&norm, norm.full_span(), Segmenter::builtin()).collect();
//! let kb = Kb::default();
//! let tags = Model::builtin().tag(&tokens, norm.text(), &kb);
//! assert_eq!(tags.len(), tokens.len());
//! for e in entities(&tags) {
//!     let span = tokens[e.start].token.span.cover(tokens[e.end - 1].token.span);
//!     println!("{} {}", e.etype, span.slice(text));
//! }
//! ```

#![deny(unsafe_code)]
#![warn(missing_docs)]

pub mod corpus;
pub mod eval;
pub mod features;
mod forms;
pub mod kbdir;
pub mod labels;
mod model;
#[cfg(test)]
mod tests;
pub mod train;

use std::fmt;

pub use marsad_kb::{EntityType, Kb};
pub use marsad_text::AnalysedToken;
pub use model::{Model, ModelInfo};

/// What can go wrong reading a corpus, a label table or a model.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    /// A line of a corpus or table is malformed.
    #[error("{file}:{line}: {message}")]
    Line {
        /// The file (or a description of the source).
        file: String,
        /// The line, from 1.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The bytes are not a model this version reads.
    #[error("not a marsad NER model: {0}")]
    Format(String),
    /// Reading or writing failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// The number of BIO labels: O, then B and I of each of the four entity types.
pub const LABELS: usize = 1 + 2 * TYPES.len();

/// The entity types in label order.
pub const TYPES: [EntityType; 4] = [EntityType::Person, EntityType::Org, EntityType::Gpe, EntityType::Loc];

/// The BIO tag of one token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tag {
    /// Outside any entity.
    O,
    /// The first token of an entity.
    B(EntityType),
    /// A later token of an entity.
    I(EntityType),
}

pub(crate) fn type_index(t: EntityType) -> usize {
    match t {
        EntityType::Person => 0,
        EntityType::Org => 1,
        EntityType::Gpe => 2,
        EntityType::Loc => 3,
    }
}

impl Tag {
    /// The label index: 0 for O, 1 + 2·type for B, 2 + 2·type for I.
    pub fn index(self) -> usize {
        match self {
            Tag::O => 0,
            Tag::B(t) => 1 + 2 * type_index(t),
            Tag::I(t) => 2 + 2 * type_index(t),
        }
    }

    /// The tag of a label index (O for an index out of range).
    pub fn from_index(i: usize) -> Tag {
        match i {
            1..LABELS => {
                let t = TYPES[(i - 1) / 2];
                if i % 2 == 1 { Tag::B(t) } else { Tag::I(t) }
            }
            _ => Tag::O,
        }
    }

    /// The entity type, unless O.
    pub fn etype(self) -> Option<EntityType> {
        match self {
            Tag::O => None,
            Tag::B(t) | Tag::I(t) => Some(t),
        }
    }

    /// Whether `self` may follow `prev` (`None`: the sentence start): an `I-X` continues a `B-X`
    /// or an `I-X`.
    pub fn may_follow(self, prev: Option<Tag>) -> bool {
        match self {
            Tag::I(t) => matches!(prev, Some(Tag::B(p) | Tag::I(p)) if p == t),
            _ => true,
        }
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tag::O => f.write_str("O"),
            Tag::B(t) => write!(f, "B-{t}"),
            Tag::I(t) => write!(f, "I-{t}"),
        }
    }
}

/// An entity found by the tagger: tokens `start..end` and its type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Entity {
    /// The first token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Its type.
    pub etype: EntityType,
}

/// The entities of a tag sequence, CoNLL style: an entity starts at a `B-X`, or at an `I-X`
/// that does not continue an entity of type X, and runs over the `I-X` that follow.
///
/// ```
/// use marsad_kb::EntityType::*;
/// use marsad_ner::{Entity, Tag, entities};
/// let tags = [Tag::B(Person), Tag::I(Person), Tag::O, Tag::I(Gpe), Tag::B(Gpe)];
/// assert_eq!(
///     entities(&tags),
///     [
///         Entity { start: 0, end: 2, etype: Person },
///         Entity { start: 3, end: 4, etype: Gpe },
///         Entity { start: 4, end: 5, etype: Gpe },
///     ]
/// );
/// ```
pub fn entities(tags: &[Tag]) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    let mut open = false;
    for (i, &tag) in tags.iter().enumerate() {
        match tag {
            Tag::O => open = false,
            Tag::I(t) if open && out.last().is_some_and(|e| e.etype == t && e.end == i) => {
                if let Some(e) = out.last_mut() {
                    e.end = i + 1;
                }
            }
            Tag::B(t) | Tag::I(t) => {
                out.push(Entity { start: i, end: i + 1, etype: t });
                open = true;
            }
        }
    }
    out
}
