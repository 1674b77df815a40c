//! The time layer's tables, loaded from `data/time/` and normalised like the text.

use std::sync::LazyLock;

use jiff::civil::Weekday;
use marsad_text::Normalizer;
use rustc_hash::FxHashMap;

use crate::lexicon;

/// Part of the day, as TIMEX3 writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }

    fn parse(code: &str) -> Option<DayPart> {
        Some(match code {
            "MO" => DayPart::Morning,
            "AF" => DayPart::Afternoon,
            "EV" => DayPart::Evening,
            "NI" => DayPart::Night,
            _ => return None,
        })
    }
}

/// How a word places a day, month or period relative to the time of writing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Relation {
    Past,
    Next,
    Current,
    Same,
}

/// A calendar period named with a relation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    Week,
    Month,
    Year,
}

/// How a named day's date is found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holiday {
    Hijri { month: u8, day: u8 },
    Gregorian { month: i8, day: i8 },
    Easter { offset: i32 },
}

/// A part-of-day phrase: its code (None for "early", which names no part) and use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayPartWord {
    pub part: Option<DayPart>,
    /// Opens a phrase naming a day ("فجر الثلاثاء", "مساء الخميس").
    pub head: bool,
    /// Stands alone after a verb ("صباحا"; "مساءً", which also heads a day).
    pub adverb: bool,
}

/// A relative-day phrase ("أمس", "الليلة الماضية").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RelativeDay {
    pub offset: i32,
    pub part: Option<DayPart>,
}

/// A month name (of the Gregorian calendar, or of the Hijri in `hijri_months`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthName {
    pub month: i8,
    /// Also an ordinary word: a Gregorian month needs a day, a year, a pair or a temporal word
    /// next to it; a Hijri month without a day needs شهر, a year or a word of relation.
    pub ambiguous: bool,
}

/// The words of a phrase after its first, and the phrase's value.
type Tail<T> = (Box<[String]>, T);

/// Phrases of one or more normalised words, looked up by their first word, longest first.
#[derive(Debug)]
pub struct Phrases<T> {
    /// By first word: the rest of each phrase and its value, longest first.
    by_first: FxHashMap<String, Vec<Tail<T>>>,
    /// The most words a phrase has.
    pub max_words: usize,
    /// This table's bit in [`Tables::starts`].
    pub bit: u16,
}

impl<T: Copy> Phrases<T> {
    fn new(bit: u16, entries: impl IntoIterator<Item = (String, T)>) -> Phrases<T> {
        let mut by_first: FxHashMap<String, Vec<Tail<T>>> = FxHashMap::default();
        let mut max_words = 1;
        for (key, value) in entries {
            let mut words = key.split(' ').filter(|w| !w.is_empty()).map(str::to_string);
            let Some(first) = words.next() else { continue };
            let rest: Box<[String]> = words.collect();
            max_words = max_words.max(rest.len() + 1);
            let list = by_first.entry(first).or_default();
            // the first entry of a phrase wins
            if !list.iter().any(|(r, _)| *r == rest) {
                list.push((rest, value));
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
        }
        Phrases { by_first, max_words, bit }
    }

    /// The first words of the phrases.
    fn first_words(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(String::as_str)
    }

    /// The value of the phrase made of exactly `words`.
    pub fn get(&self, words: &[&str]) -> Option<T> {
        let (first, rest) = words.split_first()?;
        let list = self.by_first.get(*first)?;
        list.iter()
            .find(|(r, _)| r.len() == rest.len() && r.iter().zip(rest).all(|(a, b)| a == b))
            .map(|&(_, v)| v)
    }

    /// The longest phrase that starts with `first` and goes on with the words that `next(k)`
    /// gives (`k` = 0 for the word after the first; `None` ends the text): its value and how
    /// many words it takes. Allocates nothing.
    pub fn longest<'w>(&self, first: &str, next: impl Fn(usize) -> Option<&'w str>) -> Option<(T, usize)> {
        let list = self.by_first.get(first)?;
        list.iter()
            .find(|(rest, _)| rest.iter().enumerate().all(|(k, w)| next(k) == Some(w.as_str())))
            .map(|(rest, v)| (*v, rest.len() + 1))
    }
}

/// A unit of "N units ago".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgoUnit {
    Day,
    Week,
    Month,
    Year,
}

/// The small word lists of the grammar (`data/time/grammar.toml`), normalised.
#[derive(Debug, Default)]
pub struct Grammar {
    pub month_context: Vec<String>,
    pub after_year: Vec<String>,
    pub count_lead: Vec<String>,
    pub plan_names: Vec<String>,
    pub plan_breaks: Vec<String>,
    pub background_lead: Vec<String>,
    pub ago_qualifiers: Vec<String>,
    pub future: Vec<String>,
    pub joiners: Vec<String>,
    pub zone_lead: Vec<String>,
    /// (form, unit, how many the form counts alone: 2 for a dual, else 0)
    pub ago_units: Vec<(String, AgoUnit, i64)>,
}

impl Grammar {
    pub fn has(list: &[String], word: &str) -> bool {
        list.iter().any(|w| w == word)
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct GrammarFile {
    month_context: Vec<String>,
    after_year: Vec<String>,
    count_lead: Vec<String>,
    plan_names: Vec<String>,
    plan_breaks: Vec<String>,
    background_lead: Vec<String>,
    ago_qualifiers: Vec<String>,
    future: Vec<String>,
    joiners: Vec<String>,
    zone_lead: Vec<String>,
    ago_unit: Vec<AgoUnitFile>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AgoUnitFile {
    unit: String,
    forms: Vec<String>,
    duals: Vec<String>,
}

/// Every table of the time layer.
#[derive(Debug)]
pub struct Tables {
    pub grammar: Grammar,
    pub months: Phrases<MonthName>,
    pub hijri_months: Phrases<MonthName>,
    pub weekdays: Phrases<Weekday>,
    pub day_parts: Phrases<DayPartWord>,
    pub relative_days: Phrases<RelativeDay>,
    pub modifiers: Phrases<Relation>,
    pub periods: Phrases<Period>,
    pub boundaries: Phrases<()>,
    pub seasons: Phrases<&'static str>,
    pub decades: Phrases<u8>,
    pub zones: Phrases<&'static str>,
    pub holidays: Phrases<Holiday>,
    /// For every word that starts a phrase of some table, the tables' bits: one lookup per
    /// token tells which tables are worth asking there.
    starts: FxHashMap<String, u16>,
}

const MONTHS: &str = include_str!("../../../../data/time/months.tsv");
const HIJRI_MONTHS: &str = include_str!("../../../../data/time/hijri-months.tsv");
const WEEKDAYS: &str = include_str!("../../../../data/time/weekdays.tsv");
const DAY_PARTS: &str = include_str!("../../../../data/time/parts-of-day.tsv");
const RELATIVE_DAYS: &str = include_str!("../../../../data/time/relative-days.tsv");
const MODIFIERS: &str = include_str!("../../../../data/time/modifiers.tsv");
const PERIODS: &str = include_str!("../../../../data/time/periods.tsv");
const BOUNDARIES: &str = include_str!("../../../../data/time/boundaries.tsv");
const SEASONS: &str = include_str!("../../../../data/time/seasons.tsv");
const DECADES: &str = include_str!("../../../../data/time/decades.tsv");
const ZONES: &str = include_str!("../../../../data/time/time-zones.tsv");
const HOLIDAYS: &str = include_str!("../../../../data/time/holidays.tsv");
const GRAMMAR: &str = include_str!("../../../../data/time/grammar.toml");

static TABLES: LazyLock<Tables> = LazyLock::new(|| Tables::load(&Normalizer::analysis()));

impl Tables {
    /// The tables shipped in `data/time/`.
    pub fn builtin() -> &'static Tables {
        &TABLES
    }

    fn load(n: &Normalizer) -> Tables {
        let key = |s: &str| lexicon::phrase_key(n, s);
        // leaked once at start-up: the tables live as long as the program and hand out &'static str
        let leak = |s: &str| -> &'static str { Box::leak(s.to_string().into_boxed_str()) };
        let rows = |src: &'static str| lexicon::tsv_rows(src).filter(|r| r.len() >= 2 && !r[0].is_empty());
        let grammar = load_grammar(n);
        let mut tables = Tables {
            grammar,
            months: Phrases::new(
                1 << 0,
                rows(MONTHS).filter_map(|r| {
                    let month = r[1].parse().ok()?;
                    Some((key(r[0]), MonthName { month, ambiguous: r.get(3) == Some(&"ambiguous") }))
                }),
            ),
            hijri_months: Phrases::new(
                1 << 1,
                rows(HIJRI_MONTHS).filter_map(|r| {
                    let month = r[1].parse().ok()?;
                    Some((key(r[0]), MonthName { month, ambiguous: r.get(2) == Some(&"ambiguous") }))
                }),
            ),
            weekdays: Phrases::new(
                1 << 2,
                rows(WEEKDAYS).filter_map(|r| {
                    let iso: i8 = r[1].parse().ok()?;
                    Some((key(r[0]), Weekday::from_monday_one_offset(iso).ok()?))
                }),
            ),
            day_parts: Phrases::new(1 << 3, {
                // a word may be listed as a head and as an adverb (مساء): one entry with both
                let mut merged: Vec<(String, DayPartWord)> = Vec::new();
                for r in rows(DAY_PARTS) {
                    let (k, part, kind) = (key(r[0]), DayPart::parse(r[1]), r.get(2).copied());
                    let (head, adverb) = (kind == Some("head"), kind == Some("adverb"));
                    match merged.iter_mut().find(|(m, w)| *m == k && w.part == part) {
                        Some((_, w)) => {
                            w.head |= head;
                            w.adverb |= adverb;
                        }
                        None => merged.push((k, DayPartWord { part, head, adverb })),
                    }
                }
                merged
            }),
            relative_days: Phrases::new(
                1 << 4,
                rows(RELATIVE_DAYS).filter_map(|r| {
                    let offset = r[1].parse().ok()?;
                    Some((key(r[0]), RelativeDay { offset, part: r.get(2).and_then(|c| DayPart::parse(c)) }))
                }),
            ),
            modifiers: Phrases::new(
                1 << 5,
                rows(MODIFIERS).filter_map(|r| {
                    let rel = match r[1] {
                        "past" => Relation::Past,
                        "next" => Relation::Next,
                        "current" => Relation::Current,
                        "same" => Relation::Same,
                        _ => return None,
                    };
                    Some((key(r[0]), rel))
                }),
            ),
            periods: Phrases::new(
                1 << 6,
                rows(PERIODS).filter_map(|r| {
                    let p = match r[1] {
                        "week" => Period::Week,
                        "month" => Period::Month,
                        "year" => Period::Year,
                        _ => return None,
                    };
                    Some((key(r[0]), p))
                }),
            ),
            boundaries: Phrases::new(1 << 7, rows(BOUNDARIES).map(|r| (key(r[0]), ()))),
            seasons: Phrases::new(1 << 8, rows(SEASONS).map(|r| (key(r[0]), leak(r[1])))),
            decades: Phrases::new(
                1 << 9,
                rows(DECADES).filter_map(|r| Some((key(r[0]), r[1].parse().ok()?))),
            ),
            zones: Phrases::new(1 << 10, rows(ZONES).map(|r| (key(r[0]), leak(r[1])))),
            holidays: Phrases::new(
                1 << 11,
                rows(HOLIDAYS).filter_map(|r| {
                    let month: i32 = r.get(2)?.parse().ok()?;
                    let day: i32 = r.get(3)?.parse().ok()?;
                    let h = match r[1] {
                        "hijri" => Holiday::Hijri { month: month as u8, day: day as u8 },
                        "gregorian" => Holiday::Gregorian { month: month as i8, day: day as i8 },
                        "easter" => Holiday::Easter { offset: day },
                        _ => return None,
                    };
                    Some((key(r[0]), h))
                }),
            ),
            starts: FxHashMap::default(),
        };
        tables.index_first_words();
        tables
    }

    fn index_first_words(&mut self) {
        let mut starts: FxHashMap<String, u16> = FxHashMap::default();
        let mut add = |bit: u16, words: &mut dyn Iterator<Item = &str>| {
            for w in words {
                *starts.entry(w.to_string()).or_default() |= bit;
            }
        };
        add(self.months.bit, &mut self.months.first_words());
        add(self.hijri_months.bit, &mut self.hijri_months.first_words());
        add(self.weekdays.bit, &mut self.weekdays.first_words());
        add(self.day_parts.bit, &mut self.day_parts.first_words());
        add(self.relative_days.bit, &mut self.relative_days.first_words());
        add(self.modifiers.bit, &mut self.modifiers.first_words());
        add(self.periods.bit, &mut self.periods.first_words());
        add(self.boundaries.bit, &mut self.boundaries.first_words());
        add(self.seasons.bit, &mut self.seasons.first_words());
        add(self.decades.bit, &mut self.decades.first_words());
        add(self.zones.bit, &mut self.zones.first_words());
        add(self.holidays.bit, &mut self.holidays.first_words());
        self.starts = starts;
    }

    /// The bits of the tables that have a phrase starting with `word`.
    pub fn starts(&self, word: &str) -> u16 {
        self.starts.get(word).copied().unwrap_or(0)
    }
}

fn load_grammar(n: &Normalizer) -> Grammar {
    // the file ships with the binary and a test parses it: a broken file is a build-time bug
    let file: GrammarFile = toml::from_str(GRAMMAR).expect("data/time/grammar.toml parses (tested)");
    let list = |l: &[String]| l.iter().map(|w| lexicon::phrase_key(n, w)).collect::<Vec<_>>();
    let mut ago_units = Vec::new();
    for u in &file.ago_unit {
        let unit = match u.unit.as_str() {
            "day" => AgoUnit::Day,
            "week" => AgoUnit::Week,
            "month" => AgoUnit::Month,
            _ => AgoUnit::Year,
        };
        ago_units.extend(list(&u.forms).into_iter().map(|f| (f, unit, 0)));
        ago_units.extend(list(&u.duals).into_iter().map(|f| (f, unit, 2)));
    }
    Grammar {
        month_context: list(&file.month_context),
        after_year: list(&file.after_year),
        count_lead: list(&file.count_lead),
        plan_names: list(&file.plan_names),
        plan_breaks: list(&file.plan_breaks),
        background_lead: list(&file.background_lead),
        ago_qualifiers: list(&file.ago_qualifiers),
        future: list(&file.future),
        joiners: list(&file.joiners),
        zone_lead: list(&file.zone_lead),
        ago_units,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load_and_normalise() {
        let t = Tables::builtin();
        assert_eq!(t.months.get(&["تشرين", "الاول"]).map(|m| m.month), Some(10));
        assert!(t.months.get(&["اب"]).is_some_and(|m| m.ambiguous));
        assert_eq!(t.weekdays.get(&["الاثنين"]), Some(Weekday::Monday));
        assert_eq!(t.relative_days.get(&["امس", "الاول"]).map(|r| r.offset), Some(-2));
        assert_eq!(t.hijri_months.get(&["ذي", "الحجة"]).map(|m| m.month), Some(12));
        assert!(t.hijri_months.get(&["صفر"]).is_some_and(|m| m.ambiguous));
        assert!(t.hijri_months.get(&["شوال"]).is_some_and(|m| !m.ambiguous));
        assert_eq!(t.zones.get(&["ت.غ"]), Some("UTC"));
        assert_eq!(t.decades.get(&["التسعينات"]), Some(9));
        assert!(t.months.max_words >= 2);
        assert!(Grammar::has(&t.grammar.joiners, "الي"), "إلى is normalised");
        assert!(t.grammar.ago_units.iter().any(|(f, u, n)| f == "عامين" && *u == AgoUnit::Year && *n == 2));
    }
}
