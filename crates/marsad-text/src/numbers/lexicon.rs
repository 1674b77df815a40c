//! The tables of `data/numbers/` (and the month names of `data/time/months.tsv`), parsed once
//! into one map from a normalised word to everything it can be.
//!
//! One map, not one per table: every Arabic token of a document is looked up once, and almost
//! all of them are in no table at all, so a single miss is the whole cost of a word that is not
//! a number.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Qualifier, TimeUnit, Unit};
use crate::tables::entries;
use crate::{Normalizer, TokenKind, tokenize};

const CARDINALS: &str = include_str!("../../../../data/numbers/cardinals.tsv");
const VAGUE: &str = include_str!("../../../../data/numbers/vague.tsv");
const ORDINALS: &str = include_str!("../../../../data/numbers/ordinals.tsv");
const DUALS: &str = include_str!("../../../../data/numbers/duals.tsv");
const UNITS: &str = include_str!("../../../../data/numbers/units.tsv");
const QUALIFIERS: &str = include_str!("../../../../data/numbers/qualifiers.tsv");
const CONTEXTS: &str = include_str!("../../../../data/numbers/contexts.tsv");
const NOT_NOUNS: &str = include_str!("../../../../data/numbers/not-nouns.txt");
/// Shared with the time layer: a number before a month name is a day of the month.
const MONTHS: &str = include_str!("../../../../data/time/months.tsv");

/// What a cardinal word contributes to a number; see `cardinals.tsv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Card {
    Zero,
    Unit(u8),
    Teen(u8),
    Ten,
    Tens(u8),
    Hundred(u16),
    Scale(u64, ScaleForm),
    /// The denominator of نصف (2) and ربع (4).
    Fraction(u8),
}

/// The grammatical number of a scale word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ScaleForm {
    /// ألف, ألفا: 1 alone, the unit of a multiplier after a number.
    One,
    /// ألفان, ألفين: 2 alone, never after a number.
    Two,
    /// آلاف: after a number (6 آلاف) or a vague count (عشرات الآلاف).
    Many,
}

/// What an ordinal word contributes; see `ordinals.tsv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ordinal {
    Unit(u8),
    Head(u8),
    Ten,
    Tens(u8),
}

/// A reading of a word and the bytes of proclitics in front of it (0 for the word as listed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Sense<T> {
    pub value: T,
    pub prefix: u8,
}

/// A unit phrase starting with some word: the words after the first, and the unit.
#[derive(Clone, Debug)]
pub(super) struct UnitPhrase {
    pub rest: Box<[Box<str>]>,
    pub unit: Unit,
}

/// Everything a normalised word can be.
#[derive(Clone, Debug, Default)]
pub(super) struct Senses {
    pub cardinal: Option<Sense<Card>>,
    /// A vague count: the range it stands for.
    pub vague: Option<Sense<(u64, u64)>>,
    pub ordinal: Option<Sense<Ordinal>>,
    /// A dual noun: `None` for a counted noun, or the unit it measures.
    pub dual: Option<Sense<Option<Unit>>>,
    pub month: bool,
    /// Unit phrases starting with this word, longest first.
    pub units: Vec<UnitPhrase>,
    pub age: bool,
    pub age_adjacent: bool,
    pub year_before: bool,
    pub year_after: bool,
    pub hijri_after: bool,
    pub clock_before: bool,
    pub designator: bool,
    /// A function word (as listed, no proclitics): never a counted noun.
    pub not_noun: bool,
}

/// A qualifier phrase, its words normalised.
#[derive(Clone, Debug)]
pub(super) struct QualifierPhrase {
    pub words: Box<[Box<str>]>,
    pub qualifier: Qualifier,
    pub before: bool,
    pub after: bool,
}

/// The parsed tables.
#[derive(Debug, Default)]
pub(super) struct Lexicon {
    pub words: FxHashMap<Box<str>, Senses>,
    /// Longest first.
    pub qualifiers: Vec<QualifierPhrase>,
}

/// Proclitics a number word can carry, in the order Arabic writes them: a conjunction, then a
/// preposition. (The future particle and the article are not number prefixes; the article is
/// listed in the tables where it is used: العشرات, الآلاف.)
const CONJUNCTIONS: [&str; 3] = ["", "و", "ف"];
const PREPOSITIONS: [&str; 4] = ["", "ب", "ل", "ك"];

/// Proclitic pairs allowed on the first word of a qualifier phrase (وأكثر من, بنحو, ولنحو).
pub(super) const QUALIFIER_PREFIXES: [&str; 10] = ["و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"];

/// `word` with every proclitic combination in front of it, and the prefix length in bytes;
/// the word itself first. As in the clitic segmenter, a word of fewer than three letters takes
/// no proclitic (وست is not و + ست), and ل before the article is written لل (للعشرات).
fn with_proclitics(word: &str) -> Vec<(String, u8)> {
    let mut out = vec![(word.to_owned(), 0)];
    let definite = word.starts_with("ال");
    if !definite && word.chars().count() < 3 {
        return out;
    }
    for conj in CONJUNCTIONS {
        for prep in PREPOSITIONS {
            if conj.is_empty() && prep.is_empty() {
                continue;
            }
            let form = if definite && prep == "ل" {
                format!("{conj}ل{}", word.strip_prefix('ا').unwrap_or(word))
            } else {
                format!("{conj}{prep}{word}")
            };
            // the proclitics' bytes (ل + ال drops the article's alef, so not form − word)
            let prefix = u8::try_from(conj.len() + prep.len()).unwrap_or(u8::MAX);
            out.push((form, prefix));
        }
    }
    out
}

/// The fields of a TSV entry, trimmed.
fn fields(entry: &str) -> Vec<&str> {
    entry.split('\t').map(str::trim).filter(|f| !f.is_empty()).collect()
}

fn norm(s: &str) -> String {
    Normalizer::analysis().normalize_str(s.trim())
}

/// The words of a phrase as the tokenizer cuts them (كم2 → كم + 2, % alone).
fn phrase_words(phrase: &str) -> Box<[Box<str>]> {
    let normalized = Normalizer::analysis().normalize(phrase);
    tokenize(&normalized).map(|t| Box::<str>::from(t.norm_str(&normalized))).collect()
}

pub(super) fn parse_card(f: &[&str]) -> Option<Card> {
    let value: u64 = f.get(2)?.parse().ok()?;
    let small = |max: u64| u8::try_from(value).ok().filter(|&v| u64::from(v) <= max);
    Some(match *f.get(1)? {
        "zero" if value == 0 => Card::Zero,
        "unit" => Card::Unit(small(9).filter(|&v| v >= 1)?),
        "teen" => Card::Teen(small(2).filter(|&v| v >= 1)?),
        "ten" if value == 10 => Card::Ten,
        "tens" if value.is_multiple_of(10) => Card::Tens(small(90).filter(|&v| v >= 20)?),
        "hundred" if value.is_multiple_of(100) && (100..=900).contains(&value) => {
            Card::Hundred(u16::try_from(value).ok()?)
        }
        "scale" if value >= 10 => Card::Scale(
            value,
            match *f.get(3)? {
                "one" => ScaleForm::One,
                "two" => ScaleForm::Two,
                "many" => ScaleForm::Many,
                _ => return None,
            },
        ),
        "fraction" => Card::Fraction(small(4).filter(|&v| v == 2 || v == 4)?),
        _ => return None,
    })
}

pub(super) fn parse_vague(f: &[&str]) -> Option<(u64, u64)> {
    let lo: u64 = f.get(1)?.parse().ok()?;
    let hi: u64 = f.get(2)?.parse().ok()?;
    (lo <= hi).then_some((lo, hi))
}

pub(super) fn parse_ordinal(f: &[&str]) -> Option<Ordinal> {
    let value: u8 = f.get(2)?.parse().ok()?;
    Some(match *f.get(1)? {
        "unit" if (1..=10).contains(&value) => Ordinal::Unit(value),
        "head" if (1..=9).contains(&value) => Ordinal::Head(value),
        "ten" if value == 10 => Ordinal::Ten,
        "tens" if value.is_multiple_of(10) && (20..=90).contains(&value) => Ordinal::Tens(value),
        _ => return None,
    })
}

pub(super) fn parse_unit(name: &str) -> Option<Unit> {
    let time = |t| Some(Unit::Duration(t));
    match name {
        "percent" => Some(Unit::Percent),
        "second" => time(TimeUnit::Second),
        "minute" => time(TimeUnit::Minute),
        "hour" => time(TimeUnit::Hour),
        "day" => time(TimeUnit::Day),
        "week" => time(TimeUnit::Week),
        "month" => time(TimeUnit::Month),
        "year" => time(TimeUnit::Year),
        "decade" => time(TimeUnit::Decade),
        "century" => time(TimeUnit::Century),
        "distance" => Some(Unit::Distance),
        "area" => Some(Unit::Area),
        "weight" => Some(Unit::Weight),
        "money" => Some(Unit::Money),
        _ => None,
    }
}

pub(super) fn parse_dual(f: &[&str]) -> Option<Option<Unit>> {
    match *f.get(1)? {
        "noun" => Some(None),
        other => parse_unit(other).map(Some),
    }
}

pub(super) fn parse_qualifier(f: &[&str]) -> Option<(Qualifier, bool, bool)> {
    let qualifier = match *f.get(1)? {
        "about" => Qualifier::About,
        "more_than" => Qualifier::MoreThan,
        "at_least" => Qualifier::AtLeast,
        "at_most" => Qualifier::AtMost,
        _ => return None,
    };
    let (before, after) = match *f.get(2)? {
        "before" => (true, false),
        "after" => (false, true),
        "both" => (true, true),
        _ => return None,
    };
    Some((qualifier, before, after))
}

/// The roles of `contexts.tsv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    Age,
    AgeAdjacent,
    YearBefore,
    YearAfter,
    HijriAfter,
    ClockBefore,
    Designator,
}

pub(super) fn parse_role(f: &[&str]) -> Option<Role> {
    match *f.get(1)? {
        "age" => Some(Role::Age),
        "age-adjacent" => Some(Role::AgeAdjacent),
        "year-before" => Some(Role::YearBefore),
        "year-after" => Some(Role::YearAfter),
        "hijri-after" => Some(Role::HijriAfter),
        "clock-before" => Some(Role::ClockBefore),
        "designator" => Some(Role::Designator),
        _ => None,
    }
}

/// The rows of a table.
pub(super) fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    entries(data).map(fields).filter(|f| !f.is_empty())
}

/// The raw tables, for the tests that check every line parses.
#[cfg(test)]
pub(super) const TABLES: [(&str, &str); 8] = [
    ("cardinals.tsv", CARDINALS),
    ("vague.tsv", VAGUE),
    ("ordinals.tsv", ORDINALS),
    ("duals.tsv", DUALS),
    ("units.tsv", UNITS),
    ("qualifiers.tsv", QUALIFIERS),
    ("contexts.tsv", CONTEXTS),
    ("not-nouns.txt", NOT_NOUNS),
];

/// Whether every row of table `name` parses (for the tests).
#[cfg(test)]
pub(super) fn row_parses(name: &str, f: &[&str]) -> bool {
    match name {
        "cardinals.tsv" => parse_card(f).is_some(),
        "vague.tsv" => parse_vague(f).is_some(),
        "ordinals.tsv" => parse_ordinal(f).is_some(),
        "duals.tsv" => parse_dual(f).is_some(),
        "units.tsv" => f.get(1).and_then(|u| parse_unit(u)).is_some(),
        "qualifiers.tsv" => parse_qualifier(f).is_some(),
        "contexts.tsv" => parse_role(f).is_some(),
        "not-nouns.txt" => f.len() == 1,
        _ => false,
    }
}

impl Lexicon {
    pub(super) fn load() -> Lexicon {
        let mut lex = Lexicon::default();
        // Words as listed first, then their prefixed forms, so that a listed word is never
        // shadowed by another read with a proclitic (واحد is "one", not و + أحد).
        for pass in [false, true] {
            for f in rows(CARDINALS) {
                if let (Some(word), Some(card)) = (f.first(), parse_card(&f)) {
                    lex.add(word, pass, |s, p| set(&mut s.cardinal, card, p));
                }
            }
            for f in rows(VAGUE) {
                if let (Some(word), Some(range)) = (f.first(), parse_vague(&f)) {
                    lex.add(word, pass, |s, p| set(&mut s.vague, range, p));
                }
            }
            for f in rows(ORDINALS) {
                if let (Some(word), Some(ord)) = (f.first(), parse_ordinal(&f)) {
                    lex.add(word, pass, |s, p| set(&mut s.ordinal, ord, p));
                }
            }
            for f in rows(DUALS) {
                if let (Some(word), Some(what)) = (f.first(), parse_dual(&f)) {
                    lex.add(word, pass, |s, p| set(&mut s.dual, what, p));
                    lex.add(&format!("ال{}", norm(word)), pass, |s, p| set(&mut s.dual, what, p));
                }
            }
            for f in rows(MONTHS) {
                // The first word is enough: "كانون" is a month whatever follows it.
                let Some(word) = f.first().and_then(|w| w.split_whitespace().next()) else { continue };
                lex.add(word, pass, |s, _| s.month = true);
            }
            for f in rows(CONTEXTS) {
                if let (Some(word), Some(role)) = (f.first(), parse_role(&f)) {
                    lex.add(word, pass, |s, _| match role {
                        Role::Age => s.age = true,
                        Role::AgeAdjacent => s.age_adjacent = true,
                        Role::YearBefore => s.year_before = true,
                        Role::YearAfter => s.year_after = true,
                        Role::HijriAfter => s.hijri_after = true,
                        Role::ClockBefore => s.clock_before = true,
                        Role::Designator => s.designator = true,
                    });
                }
            }
        }
        for f in rows(NOT_NOUNS) {
            if let Some(word) = f.first() {
                lex.words.entry(norm(word).into()).or_default().not_noun = true;
            }
        }
        lex.load_units();
        lex.load_qualifiers();
        lex
    }

    /// Adds a reading of `word` (`prefixed` false) or of its forms with proclitics (true).
    fn add(&mut self, word: &str, prefixed: bool, mut apply: impl FnMut(&mut Senses, u8)) {
        let word = norm(word);
        if word.is_empty() {
            return;
        }
        for (form, prefix) in with_proclitics(&word) {
            if (prefix > 0) == prefixed {
                apply(self.words.entry(form.into()).or_default(), prefix);
            }
        }
    }

    fn load_units(&mut self) {
        let mut seen = FxHashSet::default();
        for f in rows(UNITS) {
            let (Some(phrase), Some(unit)) = (f.first(), f.get(1).and_then(|u| parse_unit(u))) else {
                continue;
            };
            let words = phrase_words(phrase);
            let Some((first, rest)) = words.split_first() else { continue };
            let mut firsts = vec![first.to_string()];
            // the definite form of one-word Arabic units: ملايين الدولارات
            if rest.is_empty() && first.chars().next().is_some_and(|c| ('\u{0621}'..='\u{064A}').contains(&c))
            {
                firsts.push(format!("ال{first}"));
            }
            for first in firsts {
                if !seen.insert((first.clone(), rest.to_vec())) {
                    continue;
                }
                let senses = self.words.entry(first.into()).or_default();
                senses.units.push(UnitPhrase { rest: rest.into(), unit });
                senses.units.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
            }
        }
    }

    fn load_qualifiers(&mut self) {
        let mut seen = FxHashSet::default();
        for f in rows(QUALIFIERS) {
            let (Some(phrase), Some((qualifier, before, after))) = (f.first(), parse_qualifier(&f)) else {
                continue;
            };
            let words = phrase_words(phrase);
            if words.is_empty() || !seen.insert(words.clone()) {
                continue;
            }
            self.qualifiers.push(QualifierPhrase { words, qualifier, before, after });
        }
        self.qualifiers.sort_by_key(|q| std::cmp::Reverse(q.words.len()));
    }

    /// The readings of a normalised word.
    #[inline]
    pub(super) fn get(&self, word: &str) -> Option<&Senses> {
        self.words.get(word)
    }
}

/// Sets a reading unless the word already has one of that kind (listed words come first).
fn set<T>(slot: &mut Option<Sense<T>>, value: T, prefix: u8) {
    if slot.is_none() {
        *slot = Some(Sense { value, prefix });
    }
}

/// Whether `kind` is a token kind that can be a table word.
#[inline]
pub(super) fn looked_up(kind: TokenKind) -> bool {
    matches!(kind, TokenKind::Arabic | TokenKind::Symbol | TokenKind::Word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_line_parses() {
        for (name, data) in TABLES {
            let mut n = 0;
            for f in rows(data) {
                assert!(row_parses(name, &f), "{name}: {f:?}");
                n += 1;
            }
            assert!(n > 0, "{name} is empty");
        }
    }

    #[test]
    fn proclitic_forms() {
        let forms: Vec<String> = with_proclitics("العشرات").into_iter().map(|(f, _)| f).collect();
        assert!(forms.contains(&"للعشرات".to_owned()));
        assert!(forms.contains(&"بالعشرات".to_owned()));
        assert!(forms.contains(&"وللعشرات".to_owned()));
        assert_eq!(with_proclitics("ست").len(), 1);
        assert!(with_proclitics("خمسة").iter().any(|(f, p)| f == "وبخمسة" && *p == 4));
    }

    #[test]
    fn listed_words_win_over_prefixed_readings() {
        let lex = Lexicon::load();
        // واحد is "one", not و + أحد
        let one = lex.get("واحد").and_then(|s| s.cardinal);
        assert_eq!(one, Some(Sense { value: Card::Unit(1), prefix: 0 }));
        assert_eq!(lex.get("وخمسة").and_then(|s| s.cardinal).map(|s| s.prefix), Some(2));
        assert!(lex.get("الدولارات").is_some_and(|s| !s.units.is_empty()));
        assert!(lex.get("لعام").is_some_and(|s| s.year_before));
        assert!(lex.get("سبتمبر").is_some_and(|s| s.month));
        assert!(lex.get("كانون").is_some_and(|s| s.month));
    }
}
