//! Span-level evaluation, CoNLL style: an entity counts when its first and last words and its
//! type are all right.

use std::fmt::Write as _;

use marsad_kb::Kb;

use crate::corpus::Prepared;
use crate::{Entity, EntityType, Model, Tag, entities};

/// True positives, false positives and false negatives of one type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Entities found with the right span and type.
    pub tp: usize,
    /// Entities found that are not in the gold data.
    pub fp: usize,
    /// Gold entities not found.
    pub fn_: usize,
}

impl Counts {
    /// Precision, recall and F1 (0 when undefined).
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.tp + self.fp == 0 { 0.0 } else { self.tp as f64 / (self.tp + self.fp) as f64 };
        let r = if self.tp + self.fn_ == 0 { 0.0 } else { self.tp as f64 / (self.tp + self.fn_) as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        (p, r, f)
    }

    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// Counts per entity type.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    per_type: [Counts; 4],
}

impl Scores {
    /// Adds a sentence: gold and predicted tags over the same words.
    pub fn add(&mut self, gold: &[Tag], predicted: &[Tag]) {
        self.add_entities(&entities(gold), &entities(predicted));
    }

    /// Adds a sentence: gold and predicted entities over the same words.
    pub fn add_entities(&mut self, g: &[Entity], p: &[Entity]) {
        for e in p {
            if g.contains(e) {
                self.per_type[crate::type_index(e.etype)].tp += 1;
            } else {
                self.per_type[crate::type_index(e.etype)].fp += 1;
            }
        }
        for e in g {
            if !p.contains(e) {
                self.per_type[crate::type_index(e.etype)].fn_ += 1;
            }
        }
    }

    /// The counts of a type.
    pub fn of(&self, t: EntityType) -> Counts {
        self.per_type[crate::type_index(t)]
    }

    /// The counts over `types`, summed (micro average).
    pub fn micro(&self, types: &[EntityType]) -> Counts {
        let mut c = Counts::default();
        for &t in types {
            c.add(self.of(t));
        }
        c
    }

    /// A table of P/R/F1 per type of `types` and micro-averaged over them; `names` renames
    /// types in the table (LOC shown as `GPE+LOC`).
    pub fn report(&self, types: &[EntityType], names: &[(EntityType, &str)]) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<10} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}",
            "type", "gold", "pred", "tp", "P", "R", "F1"
        );
        let line = |out: &mut String, name: &str, c: Counts| {
            let (p, r, f) = c.prf();
            let _ = writeln!(
                out,
                "{:<10} {:>6} {:>6} {:>6} {:>7.2} {:>7.2} {:>7.2}",
                name,
                c.tp + c.fn_,
                c.tp + c.fp,
                c.tp,
                100.0 * p,
                100.0 * r,
                100.0 * f
            );
        };
        for &t in types {
            let name = names.iter().find(|(x, _)| *x == t).map_or(t.as_str(), |(_, n)| n);
            line(&mut out, name, self.of(t));
        }
        line(&mut out, "micro", self.micro(types));
        out
    }
}

/// Where a sentence's found entities differ from the gold ones, for reading errors: the
/// sentence (numbered from 1) and its words, then one line per difference: a gold name missed
/// (`-`), a name found that the gold data does not have (`+`), a name found over the gold
/// span with another type (`~`). Nothing when they agree.
///
/// ```
/// use marsad_kb::EntityType;
/// use marsad_ner::Entity;
/// use marsad_ner::eval::differences;
/// let words: Vec<String> = ["زار", "ماكرون", "موسكو"].map(String::from).into();
/// let person = Entity { start: 1, end: 2, etype: EntityType::Person };
/// let place = Entity { start: 2, end: 3, etype: EntityType::Loc };
/// let org = Entity { start: 2, end: 3, etype: EntityType::Org };
/// assert_eq!(differences(0, &words, &[person, place], &[person, place]), "");
/// assert_eq!(
///     differences(6, &words, &[person, place], &[org]),
///     "#7 زار ماكرون موسكو\n  - PERSON: ماكرون\n  ~ LOC as ORG: موسكو\n\n"
/// );
/// ```
pub fn differences(index: usize, words: &[String], gold: &[Entity], found: &[Entity]) -> String {
    let name = |e: &Entity| words.get(e.start..e.end).map(|w| w.join(" ")).unwrap_or_default();
    let same_span = |a: &Entity, b: &Entity| a.start == b.start && a.end == b.end;
    let mut lines = Vec::new();
    for g in gold.iter().filter(|g| !found.contains(g)) {
        match found.iter().find(|f| same_span(f, g)) {
            Some(f) => lines.push(format!("~ {} as {}: {}", g.etype.as_str(), f.etype.as_str(), name(g))),
            None => lines.push(format!("- {}: {}", g.etype.as_str(), name(g))),
        }
    }
    for f in found.iter().filter(|f| !gold.iter().any(|g| same_span(f, g))) {
        lines.push(format!("+ {}: {}", f.etype.as_str(), name(f)));
    }
    let mut out = String::new();
    if !lines.is_empty() {
        let _ = writeln!(out, "#{} {}", index + 1, words.join(" "));
        for line in lines {
            let _ = writeln!(out, "  {line}");
        }
        out.push('\n');
    }
    out
}

/// Tags of GPE made LOC (for a corpus whose LOC covers both).
pub fn gpe_as_loc(tags: &[Tag]) -> Vec<Tag> {
    tags.iter()
        .map(|&t| match t {
            Tag::B(EntityType::Gpe) => Tag::B(EntityType::Loc),
            Tag::I(EntityType::Gpe) => Tag::I(EntityType::Loc),
            t => t,
        })
        .collect()
}

/// The tags the model gives the words of a prepared sentence.
pub fn tag_words(model: &Model, prepared: &Prepared, kb: &Kb) -> Vec<Tag> {
    let tags = model.tag(&prepared.tokens, &prepared.normalized, kb);
    prepared.back(&tags)
}
