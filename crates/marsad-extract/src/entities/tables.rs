//! The entity layer's own tables (`data/kb/org-heads.tsv`, `place-heads.tsv`,
//! `org-patterns.tsv`, `unit-words.tsv`), normalised into phrase indexes and word sets.

use std::sync::LazyLock;

use marsad_kb::EntityType;
use marsad_kb::names::key;
use marsad_text::{Normalizer, tokenize};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::lexicon::tsv_rows;

/// A head of a national body's name (`وزارة الدفاع`, `الجيش`, `قوات`).
#[derive(Clone, Debug)]
pub struct OrgHead {
    /// The keys of its words.
    pub words: Vec<String>,
    pub subtype: &'static str,
    /// English name; the country is added (`Ministry of Defence (Armenia)`, `Armed Forces of
    /// Armenia`).
    pub en: &'static str,
    /// A name without a country (`وزارة الداخلية`).
    pub alone: bool,
}

/// A head that opens an organisation's name (`حركة`, `وكالة`, `مستشفى`).
#[derive(Clone, Debug)]
pub struct OrgPattern {
    /// A place alone after it names an organisation (`شرطة كابل`, `مستشفى سامراء`); after
    /// other heads it does not (`جبهة قره باغ` is the Karabakh front).
    pub place: bool,
}

/// How a place head relates to the name after it.
#[derive(Clone, Debug)]
pub struct PlaceHead {
    /// The head is part of the name (`محافظة السويداء`).
    pub part: bool,
    /// The head is part of a name that is a place of its own (`تل واسط`), never the place
    /// the rest of it names.
    pub compound: bool,
    /// It introduces a list (`بلدات غوريس وسوتك`).
    pub plural: bool,
    pub etype: EntityType,
    /// The English template for a name with a `part` head (`{name} Governorate`).
    pub en: &'static str,
    /// The phrase names what a place holds or is for, not a place (`مخيم اللاجئين`, the
    /// refugee camp): kind `none`.
    pub none: bool,
}

/// The words of military units' names (`data/kb/unit-words.tsv`), by their keys.
#[derive(Debug, Default)]
pub struct UnitWords {
    /// `كتيبه`, `لواء`, `فرقه` (without the article).
    pub heads: FxHashSet<String>,
    /// `الرابعه`, `الاولي`.
    pub ordinals: FxHashSet<String>,
    /// `الامنيه`: between a head and an ordinal.
    pub adjectives: FxHashSet<String>,
    /// `مشاه`, `مدرع`: after the number.
    pub kinds: FxHashSet<String>,
}

/// Phrases by the keys of their words, longest first.
pub struct Phrases<T> {
    by_first: FxHashMap<String, Vec<(Vec<String>, T)>>,
}

impl<T> Phrases<T> {
    fn new(entries: impl IntoIterator<Item = (Vec<String>, T)>) -> Phrases<T> {
        let mut by_first: FxHashMap<String, Vec<(Vec<String>, T)>> = FxHashMap::default();
        for (mut words, value) in entries {
            if words.is_empty() {
                continue;
            }
            let first = words.remove(0);
            by_first.entry(first).or_default().push((words, value));
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|(tail, _)| std::cmp::Reverse(tail.len()));
        }
        Phrases { by_first }
    }

    /// Whether a phrase starts with `first`: where none does, [`Phrases::longest`] finds none.
    pub fn starts(&self, first: &str) -> bool {
        self.by_first.contains_key(first)
    }

    /// The longest phrase starting with `first` and going on with `next(0)`...: its length in
    /// words and value.
    pub fn longest<'w>(&self, first: &str, next: impl Fn(usize) -> Option<&'w str>) -> Option<(usize, &T)> {
        self.by_first
            .get(first)?
            .iter()
            .find(|(tail, _)| tail.iter().enumerate().all(|(k, w)| next(k) == Some(w.as_str())))
            .map(|(tail, v)| (tail.len() + 1, v))
    }
}

pub struct Tables {
    pub org_heads: Phrases<OrgHead>,
    pub place_heads: Phrases<PlaceHead>,
    pub org_patterns: Phrases<OrgPattern>,
    pub units: UnitWords,
}

const ORG_HEADS: &str = include_str!("../../../../data/kb/org-heads.tsv");
const PLACE_HEADS: &str = include_str!("../../../../data/kb/place-heads.tsv");
const ORG_PATTERNS: &str = include_str!("../../../../data/kb/org-patterns.tsv");
const UNIT_WORDS: &str = include_str!("../../../../data/kb/unit-words.tsv");

static TABLES: LazyLock<Tables> = LazyLock::new(Tables::load);

/// The keys of the words of a phrase, tokenised like text.
pub fn phrase_keys(phrase: &str) -> Vec<String> {
    let norm = Normalizer::analysis().normalize(phrase);
    tokenize(&norm).map(|t| key(t.norm_str(&norm)).into_owned()).collect()
}

impl Tables {
    pub fn builtin() -> &'static Tables {
        &TABLES
    }

    fn load() -> Tables {
        // leaked once: the tables live as long as the program
        let leak = |s: &str| -> &'static str { Box::leak(s.to_string().into_boxed_str()) };
        let rows = |src: &'static str| tsv_rows(src).skip(1).filter(|r| r.len() >= 2 && !r[0].is_empty());
        Tables {
            org_heads: Phrases::new(rows(ORG_HEADS).map(|r| {
                let head = OrgHead {
                    words: phrase_keys(r[0]),
                    subtype: leak(r[1]),
                    en: leak(r.get(2).copied().unwrap_or("")),
                    alone: r.get(3) == Some(&"yes"),
                };
                (phrase_keys(r[0]), head)
            })),
            place_heads: Phrases::new(rows(PLACE_HEADS).map(|r| {
                let head = PlaceHead {
                    part: matches!(r[1], "part" | "compound"),
                    compound: r[1] == "compound",
                    plural: r.get(2) == Some(&"yes"),
                    etype: if r.get(3) == Some(&"LOC") { EntityType::Loc } else { EntityType::Gpe },
                    en: leak(r.get(4).copied().unwrap_or("")),
                    none: r[1] == "none",
                };
                (phrase_keys(r[0]), head)
            })),
            org_patterns: Phrases::new(
                rows(ORG_PATTERNS)
                    .map(|r| (phrase_keys(r[0]), OrgPattern { place: r.get(2) == Some(&"yes") })),
            ),
            units: rows(UNIT_WORDS).fold(UnitWords::default(), |mut u, r| {
                let set = match r[1] {
                    "head" => &mut u.heads,
                    "ordinal" => &mut u.ordinals,
                    "adjective" => &mut u.adjectives,
                    _ => &mut u.kinds,
                };
                set.extend(phrase_keys(r[0]));
                u
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load() {
        let t = Tables::builtin();
        let words = ["الدفاع"];
        let (len, head) = t.org_heads.longest("وزاره", |k| words.get(k).copied()).unwrap();
        assert_eq!((len, head.en, head.alone), (2, "Ministry of Defence", true));
        let (_, place) = t.place_heads.longest("محافظه", |_| None).unwrap();
        assert!(place.part && place.en == "{name} Governorate");
        assert!(t.place_heads.longest("بلدات", |_| None).unwrap().1.plural);
        let refugees = |k: usize| (k == 0).then_some("اللاجيين");
        assert!(t.place_heads.longest("مخيم", refugees).is_some_and(|(len, h)| len == 2 && h.none));
        assert!(t.org_patterns.longest("حركه", |_| None).is_some());
        assert!(t.org_patterns.longest("مستشفي", |_| None).is_some_and(|(_, p)| p.place));
        assert!(t.org_patterns.longest("جبهه", |_| None).is_some_and(|(_, p)| !p.place));
        let u = &t.units;
        assert!(u.heads.contains("كتيبه") && u.heads.contains("لواء"));
        assert!(u.ordinals.contains("الرابعه") && u.ordinals.contains("الاولي"));
        assert!(u.adjectives.contains("الامنيه") && u.kinds.contains("مشاه"));
    }
}
