//! Named entities: people, organisations, countries and cities, other places, found in the
//! title and paragraphs, typed, linked to the knowledge base where it knows them, and grouped
//! so that every mention of one entity in the article points to one record.
//!
//! Mentions come from (see `detect`):
//! - names of the knowledge base ([`marsad_kb::Kb::find`]: clitics, transliteration variants,
//!   typos), a one-word name spelled like a common word only after a place head;
//! - national bodies: a head and a nisba or a country (`وزارة الدفاع الأرمينية`, `الجيش
//!   الأذري`, `جيش النيجر`, `قوات النظام السوري`), ministries alone (`وزارة الداخلية`);
//! - a government named for its country (`النظام السوري` is Syria);
//! - places after a head (`محافظة X`, `مدينة X`, `بلدات X وY وZ`);
//! - organisations after a head (`حركة X`, `وكالة X للأنباء`);
//! - people after a title or role (`وزير الدفاع الأرميني X`, `المتحدث باسم وزارة الدفاع X`)
//!   or starting with a first name (`علاء بريك`).
//!
//! Overlapping candidates are settled by length and strength; then mentions are grouped
//! (`link`): one entry of the knowledge base, one body of one country, one unknown name; a
//! family name alone joins the person named in full elsewhere in the article (`باشينيان` →
//! `نيكول باشينيان`), and is looked for everywhere once the full name is known; so is the
//! bare name of a province named with its head (`فاراه` after `ولاية فاراه`).
//!
//! ```
//! use marsad_extract::entities;
//! use marsad_kb::{EntityType, Kb, Sources};
//! use marsad_text::{Normalizer, Segmenter, analyse};
//!
//! let kb = Kb::from_sources(&Sources {
//!     countries: "id\tname_en\tiso2\tnames_ar\tnisba\tdemonyms\tcapital\tregime\n\
//!                 country:armenia\tArmenia\tAM\tأرمينيا\tأرميني|أرمني\t\t\t\n",
//!     titles: "title\tkind\ten\nرئيس الوزراء\trole\tPrime Minister\n",
//!     ..Sources::default()
//! })
//! .unwrap();
//! let text = "قال رئيس الوزراء الأرميني نيكول باشينيان إن وزارة الدفاع الأرمينية... وأضاف باشينيان";
//! let norm = Normalizer::analysis().normalize(text);
//! let tokens: Vec<_> = analyse(&norm, norm.full_span(), Segmenter::builtin()).collect();
//! let found = entities::find(&norm, &[&tokens], &kb);
//! let summary: Vec<(&str, &str, usize)> =
//!     found.iter().map(|e| (e.etype.as_str(), e.name.as_str(), e.mentions.len())).collect();
//! assert_eq!(summary, [("PERSON", "Nikul Bashinyan", 2), ("ORG", "Ministry of Defence (Armenia)", 1)]);
//! ```

mod detect;
mod english;
mod link;
mod romanize;
mod tables;
#[cfg(test)]
mod tests;

use marsad_kb::{EntityType, Kb};
use marsad_text::{AnalysedToken, Normalized, Span};

pub use english::org_english;
pub use link::{UNIT, UNIT_RULE};
pub use romanize::{romanize, transliterate};

/// An entity of the article with all its mentions.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// PERSON, ORG, GPE or LOC.
    pub etype: EntityType,
    /// The English name: the knowledge base's, one made from a pattern (`Ministry of Defence
    /// (Armenia)`, `X Governorate`), or a romanisation of the Arabic.
    pub name: String,
    /// The Arabic name: the knowledge base's, or the longest mention.
    pub name_ar: String,
    /// The knowledge-base id, when the entity is known.
    pub kb: Option<String>,
    /// A finer type (`country`, `city`, `ministry`, `armed-forces`...), when known.
    pub subtype: Option<String>,
    /// Where it is mentioned, in text order.
    pub mentions: Vec<Mention>,
}

/// A mention of an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The mention in the original text, clitics left out where they can be cut off.
    pub span: Span,
    /// The rule that found it (`kb`, `body`, `regime`, `place-head`, `org-head`, `title`,
    /// `given-name`, `apposition`, `tagger`; and in linking `short-name`, `first-word`,
    /// `bare-name`).
    pub rule: &'static str,
}

/// The entities of the `blocks` (the analysed tokens of the title and of each paragraph) of a
/// normalised text, in order of first mention.
pub fn find(norm: &Normalized<'_>, blocks: &[&[AnalysedToken]], kb: &Kb) -> Vec<Entity> {
    find_with(norm, blocks, kb, None, None)
}

/// The statistical tagger and what it must not take for a name.
#[derive(Clone, Copy, Debug)]
pub struct Tagger<'a> {
    /// The model ([`marsad_ner::Model::builtin`] in extraction).
    pub model: &'a marsad_ner::Model,
    /// Spans of the original text that are not names whatever the model says: the article's
    /// dates and times (a month such as نيسان).
    pub not_names: &'a [Span],
}

/// [`find`], with the statistical tagger's names as weak candidates where the rules find
/// nothing, and the year of publication when known: a family name alone names a person of the
/// knowledge base only in the years their roles put them in the news, unless the article names
/// them in full or with a title (كيم in 2018 is not Vitaliy Kim, a governor from 2020).
pub fn find_with(
    norm: &Normalized<'_>,
    blocks: &[&[AnalysedToken]],
    kb: &Kb,
    tagger: Option<Tagger<'_>>,
    year: Option<i32>,
) -> Vec<Entity> {
    let not_names = tagger.as_ref().map_or(&[][..], |t| t.not_names);
    detect::with_forms(kb, blocks, norm.text(), |forms| {
        let mut detectors = Vec::with_capacity(blocks.len());
        let mut rest = forms;
        for &tokens in blocks {
            let (block_forms, after) = rest.split_at(tokens.len().min(rest.len()));
            rest = after;
            detectors.push(detect::Detector::new(kb, tokens, block_forms, norm, tagger));
        }
        let season = std::rc::Rc::new(detect::Season::of(kb, &detectors, year));
        let mut detected = Vec::with_capacity(blocks.len());
        for mut d in detectors {
            d.set_season(season.clone());
            let cands = detect::resolve(d.detect());
            detected.push((d.w, cands));
        }
        link::link(norm, &detected, kb, not_names)
    })
}
