//! Recognising time expressions in a stream of tokens.
//!
//! At each token the recogniser tries every pattern (a time of day, a day, a month or date, a
//! period, a season, a decade, a year, "N years ago") and keeps the longest match; the match is
//! a [`Spec`]: what the text says, not yet placed on the calendar (that is [`super::resolve`]'s
//! work). Words are looked up without their conjunction and preposition (وأمس, بنهاية), and
//! every table is data (`data/time/`).

use std::borrow::Cow;
use std::cell::OnceCell;

use jiff::civil::Weekday;
use marsad_text::numbers::NumberParser;
use marsad_text::{AnalysedToken, Normalized, Proclitic, Span, TokenKind};

pub(super) use super::tables::AgoUnit;
use super::tables::{DayPart, Grammar, Holiday, MonthName, Period, Phrases, Relation, Tables};

/// Heads of places named after a date: a date right after one is the place's name.
const PLACE_HEADS: [&str; 8] = ["مدينه", "مدينة", "شارع", "ميدان", "جسر", "كوبري", "حي", "محور"];

/// A token as the recogniser sees it.
#[derive(Debug)]
pub(super) struct Word<'a> {
    pub kind: TokenKind,
    /// The normalised token.
    pub norm: &'a str,
    /// [`Word::core`], made when first asked for (a word with a preposition needs a new string,
    /// and most words are never asked).
    core: OnceCell<Cow<'a, str>>,
    token: &'a AnalysedToken,
    normalized: &'a str,
    /// The token opens a line.
    pub line_start: bool,
}

impl<'a> Word<'a> {
    pub fn new(at: &'a AnalysedToken, norm: &'a Normalized<'a>) -> Word<'a> {
        let n = norm.text();
        Word {
            kind: at.token.kind,
            norm: at.norm_str(n),
            core: OnceCell::new(),
            token: at,
            normalized: n,
            line_start: at.token.starts_line(),
        }
    }

    /// Without a leading conjunction (و, ف).
    pub fn bare(&self) -> &'a str {
        self.token.bare(self.normalized)
    }

    /// The token in the original text.
    pub fn span(&self) -> Span {
        self.token.token.span
    }

    /// The token carries the future proclitic س (سيعقد).
    pub fn future_clitic(&self) -> bool {
        self.token.has(Proclitic::Sa)
    }

    /// Without conjunction and preposition, the article kept (بنهاية → نهاية, للعام → العام).
    pub fn core(&self) -> &str {
        self.core.get_or_init(|| self.token.core(self.normalized))
    }

    fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Arabic | TokenKind::Word)
    }
}

/// A time of day as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Clock {
    pub hour: i8,
    pub minute: i8,
    /// A time zone ("UTC" or an IANA name), when one is written.
    pub zone: Option<&'static str>,
}

/// A date as written, parts missing when the text does not give them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Explicit {
    pub year: Option<i16>,
    pub month: Option<i8>,
    pub day: Option<i8>,
    /// A word placing it relative to the time of writing ("الماضي", "الجاري").
    pub rel: Option<Relation>,
    /// Its year said relative to the year of writing (`من العام الماضي`: -1).
    pub year_rel: Option<i8>,
    /// Islamic calendar.
    pub hijri: bool,
    /// The year is of the other calendar than the month's: the Gregorian year a Hijri month
    /// falls in (`رمضان 2018`), the Hijri year a Gregorian month falls in (`مارس من عام 1439
    /// هـ`).
    pub year_other_calendar: bool,
}

/// What picks out a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum DayRef {
    /// A date written out (its year may be missing).
    Explicit(Explicit),
    /// A weekday, maybe with "الماضي"/"المقبل".
    Weekday { weekday: Weekday, rel: Option<Relation> },
    /// A day relative to the time of writing ("أمس"), maybe with its weekday ("أمس الخميس").
    Relative { offset: i32, weekday: Option<Weekday> },
    /// A named day (a feast).
    Holiday(Holiday),
    /// No day named: the day the context is about ("صباحا" after "أمس الأربعاء").
    Context,
    /// The day just mentioned ("اليوم نفسه"), or a number of days after it.
    Same { offset: i32 },
}

/// A day, with the part of it or the time of day the text gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct DaySpec {
    pub day: DayRef,
    pub part: Option<DayPart>,
    pub clock: Option<Clock>,
    /// A weekday written beside an explicit date (they must agree).
    pub weekday: Option<Weekday>,
    /// A bare "ليلا": the night before the day in context.
    pub night_before: bool,
}

impl DaySpec {
    fn of(day: DayRef) -> DaySpec {
        DaySpec { day, part: None, clock: None, weekday: None, night_before: false }
    }
}

/// What a time expression says, before it is placed on the calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Spec {
    Day(DaySpec),
    /// A month (its year may be missing) or a year-less date's month.
    Month(Explicit),
    Year(i16),
    /// A year of the Hijri calendar (`عام 1439 هـ`, `1438 للهجرة`).
    HijriYear(i16),
    Period {
        period: Period,
        rel: Relation,
    },
    Season {
        code: &'static str,
        year: Option<i16>,
        rel: Option<Relation>,
        /// Its year said relative to the year of writing (`ربيع العام الماضي`: -1).
        year_rel: Option<i8>,
    },
    /// A decade of the 1900s, by its tens (9 for the 1990s).
    Decade(u8),
    Ago {
        amount: i64,
        unit: AgoUnit,
    },
    Range(Box<Spec>, Box<Spec>),
}

impl Spec {
    /// The year `y`, of the Hijri calendar or the Gregorian.
    fn year(y: i16, hijri: bool) -> Spec {
        if hijri { Spec::HijriYear(y) } else { Spec::Year(y) }
    }
}

/// A time expression found: the tokens it covers, what it says, and the pattern that found it.
#[derive(Clone, Debug)]
pub(super) struct Found {
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    pub spec: Spec,
    pub rule: &'static str,
}

/// The recogniser.
pub(super) struct Scanner<'w, 'a> {
    words: &'w [Word<'a>],
    tables: &'static Tables,
    numbers: &'static NumberParser,
    /// The ordinal at each token, read once: several patterns ask for it.
    ordinals: Vec<OnceCell<Option<(u32, usize)>>>,
    /// What each token's form says ([`FormBits`]): a table whose bit is not set is not asked
    /// there.
    forms: Vec<FormBits>,
}

/// What the recogniser reads of a word form alone, looked up once per form and thread.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct FormBits {
    /// The bits of the tables that have a phrase starting with the word (in any of its forms,
    /// [`Scanner::starts_of`]).
    pub starts: u16,
    /// A word some rule starts with by itself ([`Scanner::is_start_word`]).
    pub start_word: bool,
    /// The word puts its sentence in the future.
    pub future: bool,
}

/// Words some rule starts with by themselves (besides numbers and the words of the tables).
const START_WORDS: &[&str] = &[
    "من",
    "بين",
    "الساعة",
    "عام",
    "العام",
    "سنة",
    "السنة",
    "قبل",
    "يوم",
    "نهار",
    "عامي",
    "العامين",
    "سنتي",
    "السنتين",
    "اعوام",
    "الاعوام",
    "سنوات",
    "السنوات",
    "منذ",
];

/// The dual of the words for a year, in construct (عامي, سنتي) or definite (العامين, السنتين):
/// two years follow, joined by و (`عامي 1990 و1991`, `بين العامين 2015 و2016`).
const TWO_YEARS: &[&str] = &["عامي", "العامين", "سنتي", "السنتين"];

/// The words for a year before its number (`عام 2015`, `السنة 2015`), normalised.
const YEAR_WORDS: &[&str] = &["عام", "العام", "سنة", "السنة"];

/// Heads of a list of years (`الأعوام 2014 و2015 و2016`), normalised.
const YEARS: &[&str] = &["اعوام", "الاعوام", "سنوات", "السنوات"];

/// The last Hijri year a text may name (1500 AH begins in 2076).
const LAST_HIJRI_YEAR: i16 = 1500;

/// How many years a range of bare years may span (`بين 2014 و2016`, `من 2011 إلى 2014`): more
/// is likely two counts.
const MAX_YEAR_SPAN: i16 = 100;

impl<'w, 'a> Scanner<'w, 'a> {
    /// A scanner over `words` whose forms' bits are known.
    pub fn with_forms(words: &'w [Word<'a>], forms: Vec<FormBits>) -> Scanner<'w, 'a> {
        debug_assert_eq!(words.len(), forms.len());
        Scanner {
            words,
            tables: Tables::builtin(),
            numbers: NumberParser::builtin(),
            ordinals: vec![OnceCell::new(); words.len()],
            forms,
        }
    }

    /// Whether a word is one of [`START_WORDS`] (without its clitics, or as written).
    pub fn is_start_word(w: &Word<'_>) -> bool {
        (w.is_word() && START_WORDS.contains(&w.core())) || START_WORDS.contains(&w.norm)
    }

    /// The table bits of a word: its forms (without clitics, without conjunction, as written)
    /// looked up once each. They depend on the word's form alone.
    pub fn starts_of(w: &Word<'_>) -> u16 {
        if !w.is_word() {
            return 0;
        }
        let tables = Tables::builtin();
        let core = w.core();
        let mut bits = tables.starts(core);
        let bare = w.bare();
        if bare != core {
            bits |= tables.starts(bare);
        }
        if w.norm != bare {
            bits |= tables.starts(w.norm);
        }
        bits
    }

    /// Every time expression, in order, none overlapping.
    pub fn scan(&self) -> Vec<Found> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < self.words.len() {
            match self.expression(i) {
                Some(f) => {
                    i = f.end.max(i + 1);
                    // a date right after the head of a place names the place (مدينة السادس من
                    // أكتوبر, شارع 26 يوليو, جسر 6 أكتوبر, ميدان 23 يوليو): none of its words
                    // is a time
                    if f.first == 0 || !self.is(f.first - 1, &PLACE_HEADS) {
                        found.push(f);
                    }
                }
                None => i += 1,
            }
        }
        found
    }

    /// The longest expression starting at token `i`.
    fn expression(&self, i: usize) -> Option<Found> {
        let w = self.words.get(i)?;
        // a cheap filter: expressions start with a word or a number
        if !(w.is_word() || w.kind == TokenKind::Number) || !self.may_start(i) {
            return None;
        }
        let candidates = [
            self.time_phrase(i),
            self.day_phrase(i).map(|(end, d, rule)| Found { first: i, end, spec: Spec::Day(d), rule }),
            self.range(i),
            self.month_phrase(i),
            self.period(i),
            self.ago(i),
            self.year_phrase(i),
            self.two_years(i),
            self.year_range(i),
        ];
        // the longest wins; on a tie, the earlier pattern
        candidates.into_iter().flatten().fold(None, |best: Option<Found>, f| match &best {
            Some(b) if b.end >= f.end => best,
            _ => Some(f),
        })
    }

    /// Whether an expression may start at token `i` (a word or a number): a number, a word of
    /// a table (a modifier: هذا العام), a word some rule starts with by itself, or a word that a
    /// month name follows closely (an ordinal day: السادس من أكتوبر). Every rule starts with
    /// one of these; the test lets the other words, nearly all of them, go at once.
    fn may_start(&self, i: usize) -> bool {
        self.words.get(i).is_some_and(|w| w.kind == TokenKind::Number)
            || self.forms.get(i).is_some_and(|f| f.starts != 0 || f.start_word)
            || self.month_within(i + 1, 4)
    }

    // ----- token helpers -----

    fn core(&self, i: usize) -> Option<&str> {
        self.words.get(i).filter(|w| w.is_word()).map(Word::core)
    }

    fn norm(&self, i: usize) -> Option<&str> {
        self.words.get(i).map(|w| w.norm)
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        self.core(i).is_some_and(|w| words.contains(&w)) || self.norm(i).is_some_and(|w| words.contains(&w))
    }

    /// Whether token `i` (without its clitics) is in a normalised word list of the grammar.
    fn in_list(&self, i: usize, list: &[String]) -> bool {
        self.core(i).is_some_and(|w| Grammar::has(list, w))
            || self.norm(i).is_some_and(|w| Grammar::has(list, w))
    }

    fn punct(&self, i: usize, chars: &[&str]) -> bool {
        self.words.get(i).is_some_and(|w| w.kind == TokenKind::Punct && chars.contains(&w.norm))
    }

    /// Skips one comma.
    fn skip_comma(&self, i: usize) -> usize {
        if self.punct(i, &["،", ","]) { i + 1 } else { i }
    }

    /// A plain number (digits only).
    fn number(&self, i: usize) -> Option<u32> {
        let w = self.words.get(i)?;
        if w.kind != TokenKind::Number || w.norm.len() > 6 {
            return None;
        }
        w.norm.parse().ok()
    }

    fn year(&self, i: usize) -> Option<i16> {
        let w = self.words.get(i)?;
        if w.kind != TokenKind::Number || w.norm.len() != 4 {
            return None;
        }
        let y: i16 = w.norm.parse().ok()?;
        (1000..=2200).contains(&y).then_some(y)
    }

    /// The longest phrase of `table` at `i`, the first word looked up without its clitics.
    fn phrase<T: Copy>(&self, table: &Phrases<T>, i: usize) -> Option<(T, usize)> {
        if self.forms.get(i).is_none_or(|f| f.starts & table.bit == 0) {
            return None;
        }
        let first = self.words.get(i).filter(|w| w.is_word())?;
        let next = |k: usize| self.words.get(i + 1 + k).filter(|w| w.is_word()).map(|w| w.norm);
        // the longest phrase; on a tie, the head without clitics first
        let mut best: Option<(T, usize)> = None;
        for head in [first.core(), first.bare(), first.norm] {
            if let Some((v, n)) = table.longest(head, next)
                && best.is_none_or(|(_, m)| n > m)
            {
                best = Some((v, n));
            }
        }
        best.map(|(v, n)| (v, i + n))
    }

    /// A feast's name, quotes allowed around its words (أحد "السعف").
    fn holiday(&self, i: usize) -> Option<(Holiday, usize)> {
        if let Some(found) = self.phrase(&self.tables.holidays, i) {
            return Some(found);
        }
        let quote = |k: usize| self.punct(k, &["\"", "«", "»", "“", "”"]);
        let first = if quote(i) { i + 1 } else { i };
        if self.forms.get(first).is_none_or(|f| f.starts & self.tables.holidays.bit == 0) {
            return None;
        }
        let mut words = Vec::new();
        let mut k = i;
        while words.len() < self.tables.holidays.max_words && k < self.words.len() {
            if quote(k) {
                k += 1;
                continue;
            }
            words.push(self.core(k)?);
            k += 1;
            if let Some(h) = self.tables.holidays.get(&words) {
                let end = if quote(k) { k + 1 } else { k };
                return Some((h, end));
            }
        }
        None
    }

    fn modifier(&self, i: usize) -> Option<(Relation, usize)> {
        self.phrase(&self.tables.modifiers, i)
    }

    /// An ordinal in words (السادس, الحادي عشر) with the tokens it takes.
    fn ordinal(&self, i: usize) -> Option<(u32, usize)> {
        *self.ordinals.get(i)?.get_or_init(|| {
            let words: Vec<&str> = (i..(i + 3).min(self.words.len())).map_while(|k| self.core(k)).collect();
            let (value, used) = self.numbers.ordinal(&words)?;
            Some((value, i + used))
        })
    }

    /// Whether a month name starts within `n` tokens from `k`.
    fn month_within(&self, k: usize, n: usize) -> bool {
        let months = self.tables.months.bit | self.tables.hijri_months.bit;
        let end = k.saturating_add(n).min(self.forms.len());
        self.forms.get(k..end).is_some_and(|forms| forms.iter().any(|f| f.starts & months != 0))
    }

    /// A cardinal in words or digits (ثلاثة, 7) with the tokens it takes.
    fn cardinal(&self, i: usize) -> Option<(i64, usize)> {
        if let Some(n) = self.number(i) {
            return Some((i64::from(n), i + 1));
        }
        let words: Vec<&str> = (i..(i + 4).min(self.words.len())).map_while(|k| self.core(k)).collect();
        let (value, used) = self.numbers.cardinal(&words)?;
        Some((i64::try_from(value).ok()?, i + used))
    }

    // ----- dates -----

    /// A Gregorian month name at `i`, with a paired name after it (أكتوبر/تشرين الأول,
    /// 17 أكتوبر (تشرين الأول)); whether the pair was there.
    fn month_name(&self, i: usize) -> Option<(i8, bool, bool, usize)> {
        let (m, mut end) = self.phrase(&self.tables.months, i)?;
        let mut paired = false;
        // "/" or "(" then the other name, ")" closing
        let open = self.punct(end, &["/", "("]);
        let after = if open { end + 1 } else { end };
        if let Some((m2, e2)) = self.phrase(&self.tables.months, after)
            && m2.month == m.month
            && (open || self.words.get(after).is_some_and(|w| !w.line_start))
        {
            paired = open;
            end = if self.punct(e2, &[")"]) { e2 + 1 } else { e2 };
        }
        Some((m.month, m.ambiguous, paired, end))
    }

    /// A year after a date: [،] [عام|سنة|العام] YYYY [م|هـ|هجري|للهجرة], or a Hijri year of
    /// fewer digits with its era (`487 هـ`). An era of the Hijri calendar counts after a year
    /// it may have reached ([`LAST_HIJRI_YEAR`]): `عام 2015 للهجرة غير الشرعية` is of illegal
    /// migration.
    fn date_year(&self, i: usize) -> Option<(i16, bool, usize)> {
        let mut k = self.skip_comma(i);
        if self.is(k, YEAR_WORDS) {
            k += 1;
        }
        const HIJRI_ERA: &[&str] = &["ه", "هجري", "هجرية", "للهجرة"];
        let Some(y) = self.year(k) else {
            // an earlier Hijri year, with its era, right after the date or a year's word
            // (`487 هـ`, `سنة 911 للهجرة`; not `، 300 للهجرة غير الشرعية`)
            let y = self.number(k).filter(|y| {
                (1..1000).contains(y)
                    && !self.punct(i, &["،", ","])
                    && self.is(k + 1, HIJRI_ERA)
                    && !self.is(k + 2, &["غير"])
            })?;
            return Some((i16::try_from(y).ok()?, true, k + 2));
        };
        k += 1;
        let mut hijri = false;
        if self.is(k, &["م", "ميلادي", "ميلادية"]) {
            k += 1;
        } else if y <= LAST_HIJRI_YEAR && self.is(k, HIJRI_ERA) {
            hijri = true;
            k += 1;
        }
        Some((y, hijri, k))
    }

    /// A written date at `i`: numeric, day + month [+ year], ordinal + من + month, Hijri,
    /// or a month alone [+ year]; with a modifier after it.
    fn date(&self, i: usize) -> Option<(Explicit, usize)> {
        if let Some(found) = self.numeric_date(i) {
            return Some(found);
        }
        // the day: a number or an ordinal (السادس من أكتوبر)
        let (day, k) = match self.number(i) {
            Some(n) if (1..=31).contains(&n) => (Some(n as i8), i + 1),
            _ => match self.month_within(i + 1, 4).then(|| self.ordinal(i)).flatten() {
                Some((n, k)) if (1..=31).contains(&n) => {
                    let k = if self.is(k, &["من"]) { k + 1 } else { k };
                    (Some(n as i8), k)
                }
                _ => (None, i),
            },
        };
        if let Some((hm, e)) = self.phrase(&self.tables.hijri_months, k)
            && let Some(found) = self.hijri_date(i, day, hm, e)
        {
            return Some(found);
        }
        let (month, ambiguous, paired, mut end) = self.month_name(k)?;
        let mut ex = Explicit { day, month: Some(month), ..Default::default() };
        if let Some((y, hijri, e, _)) = self.year_after(end) {
            ex.year = Some(y);
            ex.year_other_calendar = hijri;
            end = e;
        }
        let (end, year_of, firm) = self.relation_after(&mut ex, end);
        // a month name that is also a word needs something that makes it a month (the year of
        // writing with من: `دعت إليها ماي العام الماضي` is Theresa May; a firm word of
        // relation: `مارس هذا الرجل` is "this man practised")
        let context = day.is_some()
            || ex.year.is_some()
            || (ex.year_rel.is_some() && year_of)
            || (ex.rel.is_some() && firm)
            || paired
            || i.checked_sub(1).is_some_and(|p| {
                self.in_list(p, &self.tables.grammar.month_context)
                    || self.phrase(&self.tables.boundaries, p).is_some()
            });
        if ambiguous && !context {
            return None;
        }
        Some((ex, end))
    }

    /// The year of a date ending at `end` ([`Scanner::date_year`]), or said with من (`مارس من
    /// عام 2015`, `شوال من عام 1439 هـ`): the year, whether it is Hijri, where it ends, and
    /// whether من said it.
    fn year_after(&self, end: usize) -> Option<(i16, bool, usize, bool)> {
        if let Some((y, hijri, e)) = self.date_year(end) {
            return Some((y, hijri, e, false));
        }
        let (y, hijri, e) = (self.is(end, &["من"]) && self.is(end + 1, YEAR_WORDS))
            .then(|| self.date_year(end + 1))
            .flatten()?;
        Some((y, hijri, e, true))
    }

    /// A date of the Hijri calendar whose month name ends at `e` (the expression starting at
    /// `i`): a day of the month [+ year] (`15 رمضان 1439 هـ`), or the month alone where
    /// something makes it a month: a year or a word of relation after it (`رمضان 1439`,
    /// `رمضان 2018`, `رمضان الماضي`, `رمضان هذا العام`), the word شهر or a boundary (`مطلع`)
    /// before it, or a preposition of time before it (`منذ ذي الحجة`), which for a name that
    /// is also a word or a person's ([`MonthName::ambiguous`]) must be one of time alone and
    /// counts only where no word follows the name (`في رمضان،`; not `إلى رجب طيب أردوغان`,
    /// `بينهن وبين رمضان.`, `من صفر إلى`) or a second month placed by its year or a word of
    /// relation does (`في رجب وشعبان 1439 هـ`); after بين, only a second month with its year
    /// and era (`بين رمضان وشوال 1439 هـ`; see [`Scanner::hijri_list_placed`]).
    fn hijri_date(&self, i: usize, day: Option<i8>, hm: MonthName, e: usize) -> Option<(Explicit, usize)> {
        let mut ex = Explicit { day, month: Some(hm.month), hijri: true, ..Default::default() };
        let mut end = e;
        if let Some((y, hijri, e2)) = self.hijri_month_year(end, day.is_some()) {
            ex.year = Some(y);
            // a year no Hijri date has reached is the Gregorian year the month falls in
            ex.year_other_calendar = !hijri && y > LAST_HIJRI_YEAR;
            end = e2;
        }
        if day.is_some() {
            return Some((ex, end));
        }
        let (end, year_of, firm) = self.relation_after(&mut ex, end);
        let before = i.checked_sub(1);
        let context = ex.year.is_some()
            || (ex.year_rel.is_some() && (year_of || !hm.ambiguous))
            || (ex.rel.is_some() && (firm || !hm.ambiguous))
            || before.is_some_and(|p| self.is(p, &["شهر", "شهري"]))
            || before.is_some_and(|p| {
                if hm.ambiguous {
                    // (not بين, إلى, من: people's names follow them too; بين only before a
                    // second month with its year and era, `بين رمضان وشوال 1439 هـ`)
                    ((self.words.get(end).is_none_or(|w| !w.is_word()) || self.hijri_list_placed(end, false))
                        && (self.phrase(&self.tables.boundaries, p).is_some()
                            || self.is(p, &["في", "خلال", "منذ", "قبل", "بعد", "حتى", "طوال", "طيلة"])))
                        || (self.is(p, &["بين"]) && self.hijri_list_placed(end, true))
                } else {
                    self.in_list(p, &self.tables.grammar.month_context)
                        || self.phrase(&self.tables.boundaries, p).is_some()
                }
            });
        context.then_some((ex, end))
    }

    /// The year written after a Hijri month ending at `end`: its value, whether its era was
    /// written, and where it ends. After a month with its day any year counts; after the month
    /// alone a bare number a Hijri year may be is one where nothing it counts follows (`خلال
    /// شهر رمضان 1200 مدني` counts civilians).
    fn hijri_month_year(&self, end: usize, with_day: bool) -> Option<(i16, bool, usize)> {
        let (y, hijri, e2, of_year) = self.year_after(end)?;
        (with_day
            || hijri
            || y > LAST_HIJRI_YEAR
            || self.is(end, YEAR_WORDS)
            || of_year
            || self.ends_year(e2))
        .then_some((y, hijri, e2))
    }

    /// Whether one Hijri month joined by و follows a month ending at `end` (`وشوال`, `وذي
    /// الحجة`) and has its year or a word of relation only a time takes (`في رمضان وشوال 1439
    /// هـ`, `في رجب وشعبان الماضيين`): two months placed together. With `era`, only a year
    /// written with its era will do (`بين رمضان وشوال 1439 هـ`: after بين, people's names
    /// take words of relation, `بين رمضان وشعبان القادمين من الصعيد`, and numbers, `بين رجب
    /// ورمضان 2000 صوت`). A third month is not a list here: the middle one is not found, so
    /// the first could not take the last one's year.
    fn hijri_list_placed(&self, end: usize, era: bool) -> bool {
        // (no month's name begins with و)
        let joined = |at: usize| {
            self.words
                .get(at)
                .is_some_and(|w| w.norm.starts_with('و'))
                .then(|| self.phrase(&self.tables.hijri_months, at).map(|(_, e)| e))
                .flatten()
        };
        let Some(end) = joined(end) else { return false };
        if joined(end).is_some() {
            return false;
        }
        match self.hijri_month_year(end, false) {
            Some((_, written_era, _)) => written_era || !era,
            None => {
                !era && self
                    .modifier(end)
                    .is_some_and(|(rel, _)| matches!(rel, Relation::Past | Relation::Next))
            }
        }
    }

    /// What places a month ending at `end` relative to the time of writing, put into `ex`: the
    /// year of writing when it has no year ([`Scanner::year_of_writing`]), then a word of
    /// relation (`الماضي`, `المقبل`); where they end, whether the year was said with من
    /// (`ماي من العام الماضي`), and whether the word of relation is one only a time takes
    /// (`الماضي`, `الجاري`; not `هذا`, `نفسه`, which follow names and words too): an ambiguous
    /// name needs one or the other.
    fn relation_after(&self, ex: &mut Explicit, mut end: usize) -> (usize, bool, bool) {
        let mut year_of = false;
        let mut firm = false;
        if ex.year.is_none()
            && let Some((offset, e)) = self.year_of_writing(end)
        {
            ex.year_rel = Some(offset);
            year_of = self.is(end, &["من"]);
            end = e;
        }
        if let Some((rel, e)) = self.modifier(end) {
            firm = match rel {
                Relation::Past | Relation::Next => true,
                Relation::Current => !self.is(end, &["هذا", "هذه"]),
                Relation::Same => false,
            };
            ex.rel = Some(rel);
            end = e;
        }
        (end, year_of, firm)
    }

    /// A year named relative to the year of writing after a date: `من العام الماضي` (-1),
    /// `العام الجاري`, `من هذا العام`, `هذه السنة` (0), `العام المقبل` (+1), with or without
    /// من; with the tokens it takes.
    fn year_of_writing(&self, i: usize) -> Option<(i8, usize)> {
        const YEAR: &[&str] = &["العام", "السنة", "السنه"];
        let with_of = self.is(i, &["من"]);
        let k = if with_of { i + 1 } else { i };
        // without من, the year's word as written or with ل or ب alone (`للعام`, `بالعام`):
        // `كالعام الماضي` is "like last year", `والعام الماضي` another time
        let alone = |w: &str| {
            ["ال", "لل", "بال"].iter().any(|p| w.starts_with(p))
                || matches!(w, "هذا" | "هذه" | "لهذا" | "لهذه")
        };
        if !with_of && !self.norm(k).is_some_and(alone) {
            return None;
        }
        if self.is(k, &["هذا", "هذه"]) && self.is(k + 1, YEAR) {
            return Some((0, k + 2));
        }
        if !self.is(k, YEAR) {
            return None;
        }
        let offset = if self.is(
            k + 1,
            &["الماضي", "الماضية", "المنصرم", "المنصرمة", "السابق", "السابقة", "الفائت", "الفائتة"],
        ) {
            -1
        } else if self.is(k + 1, &["الجاري", "الجارية", "الحالي", "الحالية"]) {
            0
        } else if self.is(k + 1, &["المقبل", "المقبلة", "القادم", "القادمة"]) {
            1
        } else {
            return None;
        };
        Some((offset, k + 2))
    }

    /// 2022/09/13, 13/9/2022, 13-9-2022, 13.9.2022 (as separate tokens or one number token).
    fn numeric_date(&self, i: usize) -> Option<(Explicit, usize)> {
        let parts: Vec<u32>;
        let end;
        let w = self.words.get(i)?;
        if w.kind == TokenKind::Number && w.norm.matches(['.', ',']).count() == 2 {
            parts = w.norm.split(['.', ',']).filter_map(|p| p.parse().ok()).collect();
            end = i + 1;
        } else {
            let a = self.number(i)?;
            let sep = self.norm(i + 1)?;
            if !matches!(sep, "/" | "-" | "." | "–") {
                return None;
            }
            let b = self.number(i + 2)?;
            if self.norm(i + 3) != Some(sep) {
                return None;
            }
            let c = self.number(i + 4)?;
            parts = vec![a, b, c];
            end = i + 5;
        }
        let [a, b, c] = parts[..] else { return None };
        let (y, m, d) = if a >= 1000 {
            (a, b, c)
        } else if c >= 1000 {
            (c, b, a)
        } else {
            return None;
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1000..=2200).contains(&y) {
            return None;
        }
        let ex =
            Explicit { year: Some(y as i16), month: Some(m as i8), day: Some(d as i8), ..Default::default() };
        Some((ex, end))
    }

    /// A month (and maybe a day) as an expression of its own.
    fn month_phrase(&self, i: usize) -> Option<Found> {
        let (ex, end) = self.date(i)?;
        let spec =
            if ex.day.is_some() { Spec::Day(DaySpec::of(DayRef::Explicit(ex))) } else { Spec::Month(ex) };
        Some(Found { first: i, end, spec, rule: if ex.day.is_some() { "date" } else { "month" } })
    }

    /// A range of days: 15-16 سبتمبر, من 13 إلى 15 سبتمبر, بين 13 و15 سبتمبر.
    fn range(&self, i: usize) -> Option<Found> {
        let (first_day, k) = if self.is(i, &["من", "بين"]) {
            let d = self.number(i + 1)?;
            if !(self.is(i + 2, &["الي", "حتي", "و"]) || self.punct(i + 2, &["-", "–"])) {
                return None;
            }
            (d, i + 3)
        } else {
            let d = self.number(i)?;
            if !self.punct(i + 1, &["-", "–", "/"]) {
                return None;
            }
            (d, i + 2)
        };
        let (ex, end) = self.date(k)?;
        let last = ex.day?;
        if !(1..=31).contains(&first_day) || first_day as i8 >= last {
            return None;
        }
        let from = Explicit { day: Some(first_day as i8), ..ex };
        let spec = Spec::Range(
            Box::new(Spec::Day(DaySpec::of(DayRef::Explicit(from)))),
            Box::new(Spec::Day(DaySpec::of(DayRef::Explicit(ex)))),
        );
        Some(Found { first: i, end, spec, rule: "day-range" })
    }

    // ----- days -----

    /// A day: [part of day [من]] [يوم] (weekday [modifier] | relative day [weekday] | feast |
    /// date) [، date] [time], or a part of the day standing alone (صباحا).
    fn day_phrase(&self, i: usize) -> Option<(usize, DaySpec, &'static str)> {
        let mut k = i;
        let mut part = None;
        if let Some((dp, e)) = self.phrase(&self.tables.day_parts, k) {
            if dp.adverb && (!dp.head || !self.names_day(e)) {
                // an adverb standing alone: the day in context
                let mut spec = DaySpec::of(DayRef::Context);
                spec.part = dp.part;
                spec.night_before = dp.part == Some(DayPart::Night);
                return Some((e, spec, "part-of-day"));
            }
            part = dp.part;
            k = e;
            if self.is(k, &["من"]) {
                k += 1;
            }
        }
        if self.is(k, &["يوم", "نهار"]) {
            k += 1;
        }
        let mut spec;
        let rule;
        if let Some((rd, e)) = self.phrase(&self.tables.relative_days, k) {
            // "لليوم الخامس على التوالي", "في اليوم الأول من": a count of days, not today
            if rd.offset == 0 && self.ordinal(e).is_some() {
                return None;
            }
            // "اليوم نفسه": the day just mentioned; "اليوم التالي", "اليوم السابق": the day
            // after it, the day before it
            let same = match self.modifier(e) {
                Some((Relation::Same, e2)) => Some((0, e2)),
                _ if rd.offset == 0 && self.is(e, &["التالي", "التالية"]) => Some((1, e + 1)),
                _ if rd.offset == 0 && self.is(e, &["السابق", "السابقة"]) => Some((-1, e + 1)),
                _ => None,
            };
            if let Some((offset, e2)) = same {
                let mut s = DaySpec::of(DayRef::Same { offset });
                s.part = part.or(rd.part);
                return Some((e2, s, "same-day"));
            }
            let e2 = self.skip_comma(e);
            let (weekday, e) = match self.phrase(&self.tables.weekdays, e2) {
                Some((wd, e3)) => (Some(wd), e3),
                None => (None, e),
            };
            spec = DaySpec::of(DayRef::Relative { offset: rd.offset, weekday });
            spec.part = part.or(rd.part);
            k = e;
            rule = "relative-day";
        } else if let Some((wd, e)) = self.phrase(&self.tables.weekdays, k) {
            k = e;
            // the night between two days: ليل الخميس-الجمعة, ليل الخميس الجمعة
            if part == Some(DayPart::Night) {
                let after = if self.punct(k, &["-", "–", "/"]) { k + 1 } else { k };
                if let Some((_, e2)) = self.phrase(&self.tables.weekdays, after) {
                    k = e2;
                }
            }
            let mut rel = None;
            if let Some((r @ (Relation::Past | Relation::Next), e2)) = self.modifier(k) {
                rel = Some(r);
                k = e2;
            }
            spec = DaySpec::of(DayRef::Weekday { weekday: wd, rel });
            spec.part = part;
            rule = "weekday";
        } else if let Some((h, e)) = self.holiday(k) {
            spec = DaySpec::of(DayRef::Holiday(h));
            spec.part = part;
            k = e;
            rule = "feast";
        } else if let Some((ex, e)) = self.date(k).filter(|(ex, _)| ex.day.is_some()) {
            spec = DaySpec::of(DayRef::Explicit(ex));
            spec.part = part;
            k = e;
            rule = "date";
        } else {
            // no day: a part of the day heading nothing ("مساء الخير", "في وقت مبكر") is nothing
            return None;
        }
        // a date written after the weekday or relative day: "الثلاثاء الماضي 13 سبتمبر 2022"
        let written_weekday = match spec.day {
            DayRef::Weekday { weekday, .. } => Some(weekday),
            DayRef::Relative { weekday, .. } => weekday,
            _ => None,
        };
        if matches!(spec.day, DayRef::Weekday { .. } | DayRef::Relative { .. }) {
            let after = self.skip_comma(k);
            let after =
                if self.is(after, &["الموافق", "الموافقة"]) { after + 1 } else { after };
            if let Some((ex, e)) = self.date(after).filter(|(ex, _)| ex.day.is_some()) {
                spec.day = DayRef::Explicit(ex);
                spec.weekday = written_weekday;
                k = e;
            }
        }
        // "في الدقيقة الخامسة" (the minute after midnight at dawn)
        if self.is(k, &["في"])
            && self.is(k + 1, &["الدقيقة"])
            && let Some((minute, e)) = self
                .ordinal(k + 2)
                .or_else(|| self.cardinal(k + 2).and_then(|(n, e)| Some((u32::try_from(n).ok()?, e))))
            && let Ok(minute) = i8::try_from(minute)
            && minute < 60
        {
            spec.clock = Some(Clock { hour: 0, minute, zone: None });
            k = e;
        }
        // a time of day after the day: "الاثنين 20:05 ت.غ"
        if let Some((clock, e)) = self.clock(k, false) {
            spec.clock = Some(clock);
            k = e;
        }
        Some((k, spec, rule))
    }

    // ----- times of day -----

    /// A time of day: [الساعة] (HH:MM | HH,MM | HH | ordinal hour [و النصف|الربع]) [صباحا|مساء]
    /// [بتوقيت ZONE | ت.غ]. Without "الساعة", digits need a zone after them.
    fn clock(&self, i: usize, allow_bare: bool) -> Option<(Clock, usize)> {
        let has_word = self.is(i, &["الساعة"]);
        let k = if has_word { i + 1 } else { i };
        let (mut hour, mut minute, mut k) =
            if let Some(w) = self.words.get(k).filter(|w| w.kind == TokenKind::Number) {
                if let Some((h, m)) = w.norm.split_once([',', '.']) {
                    (h.parse::<i8>().ok()?, m.parse::<i8>().ok()?, k + 1)
                } else {
                    let h: i8 = w.norm.parse().ok()?;
                    if self.punct(k + 1, &[":"]) {
                        (h, self.number(k + 2)?.try_into().ok()?, k + 3)
                    } else if has_word {
                        (h, 0, k + 1)
                    } else {
                        return None;
                    }
                }
            } else if has_word {
                let (h, e) = self.ordinal(k)?;
                (h as i8, 0, e)
            } else {
                return None;
            };
        if self.is(k, &["والنصف", "ونصف"]) {
            minute = 30;
            k += 1;
        } else if self.is(k, &["والربع", "وربع"]) {
            minute = 15;
            k += 1;
        }
        if !(0..=24).contains(&hour) || !(0..60).contains(&minute) {
            return None;
        }
        // a part of the day after the time: "التاسعة مساء", "الثالثة بعد ظهر الخميس"
        if let Some((dp, e)) = self.phrase(&self.tables.day_parts, k) {
            hour = match dp.part {
                Some(DayPart::Afternoon | DayPart::Evening) if hour < 12 => hour + 12,
                // at night, one to five is before dawn ("الثانية ليلا"), twelve is midnight
                Some(DayPart::Night) if (6..12).contains(&hour) => hour + 12,
                Some(DayPart::Night) if hour == 12 => 24,
                _ => hour,
            };
            // a part that heads a day ("مساء الخميس") is the day's, not the time's
            if !dp.head || !self.names_day(e) {
                k = e;
            }
        }
        let mut zone = None;
        if let Some((z, e)) = self.zone(k) {
            zone = Some(z);
            k = e;
        }
        if !has_word && zone.is_none() && !allow_bare {
            return None;
        }
        Some((Clock { hour, minute, zone }, k))
    }

    /// Whether a day is named at `k`, after a part of the day that heads it (مساء [من] [يوم]
    /// الخميس): the days of [`Self::day_phrase`], without a time after them.
    fn names_day(&self, k: usize) -> bool {
        let k = if self.is(k, &["من"]) { k + 1 } else { k };
        let k = if self.is(k, &["يوم", "نهار"]) { k + 1 } else { k };
        self.phrase(&self.tables.relative_days, k).is_some()
            || self.phrase(&self.tables.weekdays, k).is_some()
            || self.holiday(k).is_some()
            || self.date(k).is_some_and(|(ex, _)| ex.day.is_some())
    }

    /// A time zone: بتوقيت X, بالتوقيت X, ت.غ / ت غ, غرينتش, GMT.
    fn zone(&self, i: usize) -> Option<(&'static str, usize)> {
        // ت.غ written with dots: single letters and punctuation
        if self.norm(i) == Some("ت") {
            let mut k = i + 1;
            if self.punct(k, &["."]) {
                k += 1;
            }
            if self.norm(k) == Some("غ") {
                k += 1;
                if self.punct(k, &["."]) {
                    k += 1;
                }
                return Some(("UTC", k));
            }
        }
        let k = if self.in_list(i, &self.tables.grammar.zone_lead) { i + 1 } else { i };
        if let Some((z, e)) = self.phrase(&self.tables.zones, k) {
            // a bare place name is no time zone: it needs بتوقيت, or to be UTC
            if k > i || z == "UTC" {
                return Some((z, e));
            }
        }
        None
    }

    /// A time expression led by a time of day, with the day after it: "الساعة 21,00 (20,00 ت غ)
    /// من الخميس", "الساعة التاسعة بتوقيت موسكو", "20:05 ت.غ".
    fn time_phrase(&self, i: usize) -> Option<Found> {
        let (clock, mut k) = self.clock(i, false)?;
        let mut spec = DaySpec::of(DayRef::Context);
        spec.clock = Some(clock);
        // a universal time in brackets, then the day: all one expression
        let mut bracketed = None;
        if self.punct(k, &["("])
            && let Some((utc, e)) = self.clock(k + 1, true)
            && utc.zone == Some("UTC")
            && self.punct(e, &[")"])
        {
            bracketed = Some((utc, e + 1));
        }
        let day_at = bracketed.map_or(k, |(_, e)| e);
        let day_at = if self.is(day_at, &["من", "يوم"]) { day_at + 1 } else { day_at };
        if let Some((e, day, _)) = self.day_phrase(day_at).filter(|(_, d, _)| d.day != DayRef::Context) {
            spec.day = day.day;
            spec.part = day.part;
            spec.weekday = day.weekday;
            k = e;
            // "الساعة الحادية عشرة من ليل الخميس-الجمعة (22,00 ت غ)": the bracket after the day
            if bracketed.is_none()
                && self.punct(k, &["("])
                && let Some((utc, e2)) = self.clock(k + 1, true)
                && utc.zone == Some("UTC")
                && self.punct(e2, &[")"])
            {
                bracketed = Some((utc, e2 + 1));
                k = e2 + 1;
            }
            if let Some((utc, _)) = bracketed {
                spec.clock = Some(utc);
            }
        }
        Some(Found { first: i, end: k, spec: Spec::Day(spec), rule: "time-of-day" })
    }

    // ----- periods, seasons, decades, years -----

    fn period(&self, i: usize) -> Option<Found> {
        // مطلع/أواخر + month, period, year or decade: the granularity of what it bounds
        if let Some(((), k)) = self.phrase(&self.tables.boundaries, i) {
            let inner = self
                .month_phrase(k)
                .or_else(|| self.named_period(k))
                .or_else(|| self.year_phrase_at(k, true));
            if let Some(f) = inner {
                return Some(Found { first: i, end: f.end, spec: f.spec, rule: "bounded" });
            }
            // "بنهاية العام": the current one
            if let Some((period @ (Period::Month | Period::Year), e)) = self.phrase(&self.tables.periods, k) {
                return Some(Found {
                    first: i,
                    end: e,
                    spec: Spec::Period { period, rel: Relation::Current },
                    rule: "bounded",
                });
            }
            return None;
        }
        self.named_period(i)
    }

    /// الأسبوع الماضي, هذا العام, صيف 2014, الصيف الماضي, التسعينيات, شهر يوليو.
    fn named_period(&self, i: usize) -> Option<Found> {
        // هذا العام / هذه السنة
        if let Some((Relation::Current, k)) = self.modifier(i)
            && let Some((period, e)) = self.phrase(&self.tables.periods, k)
        {
            return Some(Found {
                first: i,
                end: e,
                spec: Spec::Period { period, rel: Relation::Current },
                rule: "period",
            });
        }
        if let Some((period, k)) = self.phrase(&self.tables.periods, i) {
            // شهر يوليو, شهر أكتوبر
            if period == Period::Month
                && let Some(f) = self.month_phrase(k)
            {
                return Some(Found { first: i, end: f.end, spec: f.spec, rule: "month" });
            }
            if let Some((rel @ (Relation::Past | Relation::Next | Relation::Current), e)) = self.modifier(k) {
                return Some(Found { first: i, end: e, spec: Spec::Period { period, rel }, rule: "period" });
            }
            return None;
        }
        if let Some((code, k)) = self.phrase(&self.tables.seasons, i) {
            if let Some((y, _, e)) = self.date_year(k) {
                return Some(Found {
                    first: i,
                    end: e,
                    spec: Spec::Season { code, year: Some(y), rel: None, year_rel: None },
                    rule: "season",
                });
            }
            if let Some((offset, e)) = self.year_of_writing(k) {
                return Some(Found {
                    first: i,
                    end: e,
                    spec: Spec::Season { code, year: None, rel: None, year_rel: Some(offset) },
                    rule: "season",
                });
            }
            if let Some((rel, e)) = self.modifier(k) {
                return Some(Found {
                    first: i,
                    end: e,
                    spec: Spec::Season { code, year: None, rel: Some(rel), year_rel: None },
                    rule: "season",
                });
            }
            return None;
        }
        if let Some((d, mut k)) = self.phrase(&self.tables.decades, i) {
            if self.is(k, &["من"]) && self.is(k + 1, &["القرن"]) && self.is(k + 2, &["الماضي", "العشرين"])
            {
                k += 3;
            }
            return Some(Found { first: i, end: k, spec: Spec::Decade(d), rule: "decade" });
        }
        None
    }

    /// Two years named with their dual, joined by و: after بين, the years from the first to
    /// the second (`بين عامي 1980 و1988`); else the first year with its head (`عامي 1990`),
    /// the second being a year of its own ([`Scanner::year_phrase_at`]). So too the first of
    /// a list of years after their plural (`الأعوام 2014 و2015 و2016`, `بين أعوام 2012
    /// و2014`), each year of which is one.
    fn two_years(&self, i: usize) -> Option<Found> {
        if !self.number_soon(i) {
            return None;
        }
        let between = self.is(i, &["بين"]);
        let head = i + usize::from(between);
        let dual = self.is(head, TWO_YEARS);
        if !dual && !self.is(head, YEARS) {
            return None;
        }
        let first = self.year(head + 1)?;
        // (two years in order: not `عامي 1990 و1000 جندي`)
        let second =
            self.is(head + 2, &["و"]).then(|| self.year(head + 3)).flatten().filter(|&y| y > first)?;
        // the era after the second year is both years' (`بين عامي 1436 و1437 هـ`)
        let (hijri, end) = match self.date_year(head + 3) {
            Some((_, hijri, end)) => (hijri, end),
            None => (false, head + 4),
        };
        let year = |y| Spec::year(y, hijri);
        if between && dual {
            return Some(Found {
                first: i,
                end,
                spec: Spec::Range(Box::new(year(first)), Box::new(year(second))),
                rule: "year-range",
            });
        }
        Some(Found { first: i, end: head + 2, spec: year(first), rule: "year" })
    }

    /// Two bare years as a range: `بين 2014 و2016`, `من 2011 إلى 2014`, `من عام 2011 حتى
    /// عام 2014`, in order and at most [`MAX_YEAR_SPAN`] apart, with nothing counted after
    /// the second ([`Scanner::ends_year`]) nor a word of counting before (`ارتفع عدد القتلى
    /// من 1200 إلى 1500`).
    fn year_range(&self, i: usize) -> Option<Found> {
        // (the year first: من and بين are among the most frequent words)
        if !self.number_soon(i) {
            return None;
        }
        let between = self.is(i, &["بين"]);
        if !between && !self.is(i, &["من", "منذ"]) {
            return None;
        }
        let named = |k: usize| if self.is(k, YEAR_WORDS) { k + 1 } else { k };
        let mut k = named(i + 1);
        let first = self.year(k)?;
        k += 1;
        // (a count's word may stand a few words before: `ارتفع عدد القتلى من`)
        if (i.saturating_sub(3)..i).any(|p| self.in_list(p, &self.tables.grammar.count_lead)) {
            return None;
        }
        if self.is(k, &["م"]) {
            k += 1;
        }
        let joiner: &[&str] = if between { &["و"] } else { &["الي", "حتي"] };
        if !self.is(k, joiner) {
            return None;
        }
        // (no comma before the second: `من 2011 إلى ، 2014` is no range)
        if self.punct(k + 1, &["،", ","]) {
            return None;
        }
        let (second, hijri, end) = self.date_year(named(k + 1))?;
        if hijri || !(1900..=2100).contains(&first) || second <= first || second - first > MAX_YEAR_SPAN {
            return None;
        }
        // after a word of a period (`الفترة بين 2014 و2016`, `في الفترة ما بين`) they are
        // years whatever follows
        let period = |k: usize| self.is(k, &["الفتره", "فتره", "الفترة", "فترة"]);
        let after_period = i
            .checked_sub(1)
            .is_some_and(|p| period(p) || (self.is(p, &["ما"]) && p.checked_sub(1).is_some_and(period)));
        if !after_period && !self.ends_year(end) {
            return None;
        }
        Some(Found {
            first: i,
            end,
            spec: Spec::Range(Box::new(Spec::Year(first)), Box::new(Spec::Year(second))),
            rule: "year-range",
        })
    }

    /// Whether a number stands one or two tokens after `i` (what every rule of years needs
    /// after its first word).
    fn number_soon(&self, i: usize) -> bool {
        (i + 1..=i + 2).any(|k| self.words.get(k).is_some_and(|w| w.kind == TokenKind::Number))
    }

    /// Whether a bare year may end before token `end`: punctuation, the end, a new line or a
    /// particle follow it, not a word it would count (`2020 قتيلا`).
    fn ends_year(&self, end: usize) -> bool {
        !self.words.get(end).is_some_and(|next| {
            next.is_word()
                && !next.line_start
                && !Grammar::has(&self.tables.grammar.after_year, next.core())
                && next.bare() == next.norm
        })
    }

    /// عام 2020, العام 2020, سنة 2013; a bare year where nothing counted follows it.
    fn year_phrase(&self, i: usize) -> Option<Found> {
        self.year_phrase_at(i, false)
    }

    /// A year; after a word like "مطلع" (`certain`) a bare year needs no further evidence.
    fn year_phrase_at(&self, i: usize, certain: bool) -> Option<Found> {
        if self.is(i, YEAR_WORDS) {
            let (y, hijri, e) = self.date_year(i)?;
            return Some(Found { first: i, end: e, spec: Spec::year(y, hijri), rule: "year" });
        }
        let y = self.year(i)?;
        // a year with its Hijri era after it (`1438هـ`), whatever its number
        if let Some((y, true, end)) = self.date_year(i) {
            return Some(Found { first: i, end, spec: Spec::HijriYear(y), rule: "year" });
        }
        // the second of two years named with their dual (`عامي 1347 و1351`), or a later year
        // of a list after their plural (`الأعوام 2014 و2015 و2016`): a year whatever its
        // number, as the first is
        let (mut k, mut next) = (i, y);
        while k >= 2
            && self.is(k - 1, &["و"])
            && let Some(before) = self.year(k - 2).filter(|&before| before < next)
        {
            (k, next) = (k - 2, before);
        }
        let in_list = k < i && k >= 1 && (self.is(k - 1, YEARS) || (k + 2 == i && self.is(k - 1, TWO_YEARS)));
        if in_list {
            // with its era after it, as the first year's would be (`و2015م`)
            let (y, hijri, end) = self.date_year(i)?;
            return Some(Found { first: i, end, spec: Spec::year(y, hijri), rule: "year" });
        }
        if !(1900..=2100).contains(&y) {
            return None;
        }
        let mut end = i + 1;
        if self.is(end, &["م"]) {
            end += 1;
        }
        if certain {
            return Some(Found { first: i, end, spec: Spec::Year(y), rule: "year" });
        }
        // "ما يقارب 2000 من المعتقلين" counts
        if i.checked_sub(1).is_some_and(|p| self.in_list(p, &self.tables.grammar.count_lead)) {
            return None;
        }
        // "2020 قتيلا" counts; a year is followed by punctuation, the end, or a particle
        if !self.ends_year(end) || self.names_plan(i) {
            return None;
        }
        Some(Found { first: i, end, spec: Spec::Year(y), rule: "year" })
    }

    /// Whether the bare year at `i` closes a plan's name: a noun of `plan_names` stands up to
    /// three words before it with only words between (`رؤية المملكة 2030`, `برنامج التحول الوطني
    /// 2020`, `#رؤية_السعودية_2030`), none of them a preposition or a word of a deadline
    /// (`برنامج الخصخصة بحلول 2020` is a time).
    fn names_plan(&self, i: usize) -> bool {
        let grammar = &self.tables.grammar;
        let mut words = 0;
        for p in (i.saturating_sub(6)..i).rev() {
            if self.in_list(p, &grammar.plan_names) {
                return true;
            }
            if self.in_list(p, &grammar.plan_breaks) || self.in_list(p, &grammar.after_year) {
                return false;
            }
            if self.words[p].is_word() {
                words += 1;
                if words == 3 {
                    return false;
                }
            } else if !self.punct(p, &["_", "\"", "«", "»", "“", "”"]) {
                // the underscores and quotes of a hashtag or a title join its words
                return false;
            }
        }
        false
    }

    /// قبل 7 سنوات, قبل قرابة 7 سنوات, قبل عامين, قبل ثلاثة أيام.
    fn ago(&self, i: usize) -> Option<Found> {
        if !self.is(i, &["قبل"]) {
            return None;
        }
        let mut k = i + 1;
        while self.in_list(k, &self.tables.grammar.ago_qualifiers) && k < i + 4 {
            k += 1;
        }
        let units = &self.tables.grammar.ago_units;
        let (amount, k) = match self.cardinal(k) {
            Some((n, e)) => {
                let unit = self.core(e)?;
                let (_, unit, _) = units.iter().find(|(w, _, dual)| w == unit && *dual == 0)?;
                (Some((n, *unit)), e + 1)
            }
            None => {
                let unit = self.core(k)?;
                let (_, unit, count) = units.iter().find(|(w, _, dual)| w == unit && *dual > 0)?;
                (Some((*count, *unit)), k + 1)
            }
        };
        let (amount, unit) = amount?;
        Some(Found { first: i, end: k, spec: Spec::Ago { amount, unit }, rule: "ago" })
    }
}
