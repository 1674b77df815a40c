//! Numbers in Arabic news text: digits, words, vague counts and duals, with their qualifier
//! and unit, ready for a later stage to turn into claims ("نحو 6500 شخص", "خمسة آلاف قتيل",
//! "عشرات الجرحى", "مقتل جنديين").
//!
//! [`NumberParser::find`] reads a [`Normalized`] view and reports every [`NumberExpr`] in order,
//! with spans of the original text. Everything it knows is data under `data/numbers/`:
//!
//! - `cardinals.tsv`: number words in every case and spelling (واحد … تسعة, أحد عشر, عشرون,
//!   مائة/مئة, مئتان, ثلاثمائة, ألف/آلاف/ألفا/ألفين, مليون, مليار, نصف);
//! - `vague.tsv`: vague counts and their ranges (بضعة 3..9, عشرات 20..99, آلاف 2000..9999);
//! - `ordinals.tsv`: ordinals for days, hours and ranks (السادس, الحادية عشرة, الحادي والعشرون);
//! - `duals.tsv`: dual nouns that count two and are not spelled like their plural (جنديين);
//! - `units.tsv`: what a number measures (%, بالمئة, يوما, كيلومترات, دولار);
//! - `qualifiers.tsv`: نحو, أكثر من, على الأقل, حتى...;
//! - `contexts.tsv`: words that make a number an age (العمر), a year (عام, خريف, هـ) or an
//!   hour (الساعة);
//! - `not-nouns.txt`: function words that are never the counted noun;
//! - and the month names of `data/time/months.tsv` (13 سبتمبر is a date).
//!
//! # What is reported
//!
//! - Digits: `135`, `6,500` (a comma and groups of three are thousands), `2.5` and `19,45`
//!   (decimals, reported as [`Quantity::Decimal`]); `6.500` is thousands unless a scale word
//!   follows (`6.500 مليون` = 6,500,000). A decimal before a scale word is whole
//!   (`2.5 مليون` = 2,500,000).
//! - Words and mixed forms: `خمسة وعشرون`, `مائة وخمسون`, `خمسة آلاف`, `ثلاثين ألفا`, `30 ألف`,
//!   `6 آلاف و196`, `240 ألفا و831`, `مليون ونصف`, `نصف مليون`. Proclitics on the first word
//!   (وخمسة, بخمسة) stay in the span.
//! - Vague counts as ranges, never as guesses: `عشرات` = 20..=99, `عشرات الآلاف` = 20,000..=99,999.
//! - Duals: `جنديين` = 2, the word being the counted noun; `يومين` = 2 days.
//! - Ranges of digits: `15-20` = 15..=20.
//!
//! Not reported: ordinals (`ordinal` reads them; the scanner skips them so that عشر in
//! الحادي عشر is not ten), dates and clock times written with `/`, `:` or two `-`
//! (`2022/09/13`, `06:00`, `2022-09-13`), model names (`F-16`, `إس-300`, `كوفيد-19`: digits
//! glued to a Latin word or hyphenated to a word), numbers whose value exceeds a `u64` (skipped
//! whole, not in part), and a lone نصف (half of something, not a count). Not recognised:
//! definite cardinals after their noun (الجنود الخمسة), ranges in words (بين 10 و20 gives two
//! numbers), fractions other than نصف and ربع of a scale.
//!
//! # Context
//!
//! - The [`Qualifier`]: a phrase right before the number (نحو, أكثر من, ما لا يقل عن), or
//!   right after the number, its unit or its noun (على الأقل, تقريبا, أو أكثر).
//! - The [`Unit`]: the words right after the number (`44 يوما`, `90 بالمئة`, `43%`,
//!   `100 كيلومتر مربع`). A duration is an [age](Unit::Age) after a word of age within three
//!   tokens (يبلغ من العمر 13 عاما, بعمر 8 سنوات), before "من العمر"/"من عمره", or in
//!   parentheses in years (`(13 عاما)`). A day 1..31 in digits before a month name is a
//!   [date](Unit::Date) (`13 سبتمبر`). A four-digit number 1900..2100 is a [year](Unit::Year)
//!   after a year word or a month (عام 2020, خريف 2020, سبتمبر 2022), before م/ميلادي, or when
//!   it has no qualifier and no counted noun (منذ 2020،): consumers must not read years as
//!   counts; 1300..1500 before هـ is a Hijri year. A number up to 24 after الساعة is an
//!   [hour](Unit::Clock). A number right after a word of age (عمره 13, تحت سن 18) is an age.
//! - The counted noun: the Arabic word right after the number when there is no unit, unless it
//!   is a function word (`إلى 963 ولا` has none) or a number word; after "من", a definite or
//!   possessed noun (`المئات من القتلى`, `49 من جنودها`). Whether the noun is a person is the
//!   consumer's question. The noun of 1 and 2 written as adjectives after it (جندي واحد) is
//!   before the number and is not looked for.
//!
//! ```
//! use marsad_text::Normalizer;
//! use marsad_text::numbers::{NumberForm, NumberParser, Qualifier, Quantity};
//!
//! let text = "أسفرت الحرب عن مقتل نحو 6500 شخص، وخلّفت عشرات الجرحى و5 آلاف و196 نازحا.";
//! let norm = Normalizer::analysis().normalize(text);
//! let found = NumberParser::builtin().find(&norm, norm.full_span());
//! assert_eq!(found.len(), 3);
//! assert_eq!(found[0].value, Quantity::Exact(6500));
//! assert_eq!(found[0].qualifier, Qualifier::About);
//! assert_eq!(found[0].noun_span.map(|s| s.slice(text)), Some("شخص"));
//! assert_eq!(found[1].value, Quantity::Range { lo: 20, hi: 99 });
//! assert_eq!(found[2].value, Quantity::Exact(5196));
//! assert_eq!(found[2].form, NumberForm::Mixed);
//! assert_eq!(found[2].span.slice(text), "5 آلاف و196");
//! ```

mod grammar;
mod lexicon;
mod scan;
#[cfg(test)]
mod tests;

use std::fmt;
use std::sync::LazyLock;

use self::grammar::{Grammar, Join, Tok};
use self::lexicon::{Lexicon, looked_up};
use self::scan::Step;
use crate::{Normalized, Span, Token, TokenKind, tokenize_within};

/// The value of a number expression.
///
/// ```
/// use marsad_text::numbers::Quantity;
/// assert_eq!(Quantity::Range { lo: 20, hi: 99 }.as_str(), "range");
/// assert_eq!(Quantity::Decimal { mantissa: 35, places: 1 }.as_f64(), 3.5);
/// assert_eq!(Quantity::Exact(7).bounds(), Some((7, 7)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quantity {
    /// A whole number.
    Exact(u64),
    /// A vague count (عشرات = 20..=99) or a range of digits (15-20); bounds included.
    Range {
        /// The smallest value meant.
        lo: u64,
        /// The largest value meant.
        hi: u64,
    },
    /// A decimal without a scale word to make it whole (3.5 كيلومتر, 2.5%): `mantissa` ×
    /// 10^-`places`, kept exact.
    Decimal {
        /// The digits without the decimal mark.
        mantissa: u64,
        /// How many of them follow the mark.
        places: u8,
    },
}

impl Quantity {
    /// The kind for records: `exact`, `range` or `decimal`.
    ///
    /// ```
    /// assert_eq!(marsad_text::numbers::Quantity::Exact(3).as_str(), "exact");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Quantity::Exact(_) => "exact",
            Quantity::Range { .. } => "range",
            Quantity::Decimal { .. } => "decimal",
        }
    }

    /// The smallest and largest whole values meant; `None` for a decimal.
    ///
    /// ```
    /// use marsad_text::numbers::Quantity;
    /// assert_eq!(Quantity::Range { lo: 3, hi: 9 }.bounds(), Some((3, 9)));
    /// assert_eq!(Quantity::Decimal { mantissa: 25, places: 1 }.bounds(), None);
    /// ```
    pub fn bounds(&self) -> Option<(u64, u64)> {
        match *self {
            Quantity::Exact(n) => Some((n, n)),
            Quantity::Range { lo, hi } => Some((lo, hi)),
            Quantity::Decimal { .. } => None,
        }
    }

    /// The value as a float: a decimal's value, a range's middle.
    ///
    /// ```
    /// use marsad_text::numbers::Quantity;
    /// assert_eq!(Quantity::Range { lo: 20, hi: 99 }.as_f64(), 59.5);
    /// ```
    pub fn as_f64(&self) -> f64 {
        match *self {
            Quantity::Exact(n) => n as f64,
            Quantity::Range { lo, hi } => (lo as f64 + hi as f64) / 2.0,
            Quantity::Decimal { mantissa, places } => mantissa as f64 / 10f64.powi(i32::from(places)),
        }
    }
}

impl fmt::Display for Quantity {
    /// `6500`, `20..=99`, `3.5`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Quantity::Exact(n) => write!(f, "{n}"),
            Quantity::Range { lo, hi } => write!(f, "{lo}..={hi}"),
            Quantity::Decimal { mantissa, places } => {
                let digits = format!("{mantissa:0>width$}", width = usize::from(places) + 1);
                let (int, frac) = digits.split_at(digits.len() - usize::from(places));
                write!(f, "{int}.{frac}")
            }
        }
    }
}

/// How a number is written.
///
/// ```
/// assert_eq!(marsad_text::numbers::NumberForm::Mixed.as_str(), "mixed");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumberForm {
    /// Digits only: `135`, `6,500`, `15-20`.
    Digits,
    /// Words only: `خمسة آلاف`, `مائتين`.
    Words,
    /// Digits with number words: `30 ألف`, `6 آلاف و196`, `2.5 مليون`.
    Mixed,
    /// A vague count: `عشرات`, `بضعة آلاف`.
    Vague,
    /// A dual noun: `جنديين`.
    Dual,
}

impl NumberForm {
    /// The form for records: `digits`, `words`, `mixed`, `vague`, `dual`.
    ///
    /// ```
    /// assert_eq!(marsad_text::numbers::NumberForm::Dual.as_str(), "dual");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            NumberForm::Digits => "digits",
            NumberForm::Words => "words",
            NumberForm::Mixed => "mixed",
            NumberForm::Vague => "vague",
            NumberForm::Dual => "dual",
        }
    }
}

/// How the text qualifies a number.
///
/// ```
/// assert_eq!(marsad_text::numbers::Qualifier::MoreThan.as_str(), "more_than");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// No qualifier.
    #[default]
    Exact,
    /// نحو, حوالي, قرابة, زهاء, تقريبا.
    About,
    /// على الأقل, ما لا يقل عن, أو أكثر.
    AtLeast,
    /// أكثر من, ما يزيد على, ما يربو على, يفوق.
    MoreThan,
    /// أقل من, حتى, ما يصل إلى, بحد أقصى.
    AtMost,
}

impl Qualifier {
    /// The name for records: `exact`, `about`, `at_least`, `more_than`, `at_most`.
    ///
    /// ```
    /// assert_eq!(marsad_text::numbers::Qualifier::AtLeast.as_str(), "at_least");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::AtLeast => "at_least",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtMost => "at_most",
        }
    }
}

/// A unit of time.
///
/// ```
/// assert_eq!(marsad_text::numbers::TimeUnit::Day.as_str(), "day");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimeUnit {
    /// ثانية.
    Second,
    /// دقيقة.
    Minute,
    /// ساعة.
    Hour,
    /// يوم.
    Day,
    /// أسبوع.
    Week,
    /// شهر.
    Month,
    /// عام, سنة.
    Year,
    /// عقد.
    Decade,
    /// قرن.
    Century,
}

impl TimeUnit {
    /// The name for records: `second` … `century`.
    ///
    /// ```
    /// assert_eq!(marsad_text::numbers::TimeUnit::Year.as_str(), "year");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            TimeUnit::Second => "second",
            TimeUnit::Minute => "minute",
            TimeUnit::Hour => "hour",
            TimeUnit::Day => "day",
            TimeUnit::Week => "week",
            TimeUnit::Month => "month",
            TimeUnit::Year => "year",
            TimeUnit::Decade => "decade",
            TimeUnit::Century => "century",
        }
    }
}

/// What a number measures, when the words after it (or its context) say so.
///
/// ```
/// use marsad_text::numbers::{TimeUnit, Unit};
/// assert_eq!(Unit::Age(TimeUnit::Year).as_str(), "age");
/// assert!(!Unit::Money.is_time());
/// assert!(Unit::Year.is_time());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// `%`, في المئة, بالمئة.
    Percent,
    /// A length of time: 44 يوما, 3 سنوات.
    Duration(TimeUnit),
    /// An age: يبلغ من العمر 13 عاما, (13 عاما).
    Age(TimeUnit),
    /// كيلومتر, كلم, متر, ميل.
    Distance,
    /// كيلومتر مربع, هكتار, دونم.
    Area,
    /// طن, كيلوغرام.
    Weight,
    /// دولار, يورو, ليرة...; the unit span says which currency.
    Money,
    /// The number is a year: عام 2020, منذ 2020.
    Year,
    /// The number is a day of the month: 13 سبتمبر; the unit span is the month name.
    Date,
    /// The number is an hour of the day: الساعة 9 صباحا; the unit span is الساعة.
    Clock,
    /// The number names a model or a type: إف 16, إس 400, سو 24; the unit span is the
    /// letters before it.
    Designation,
}

impl Unit {
    /// The name for records: `percent`, `duration`, `age`, `distance`, `area`, `weight`,
    /// `money`, `year`, `date`, `clock`, `designation` (the time unit of a duration or an age is
    /// [`TimeUnit::as_str`]).
    ///
    /// ```
    /// assert_eq!(marsad_text::numbers::Unit::Percent.as_str(), "percent");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Unit::Percent => "percent",
            Unit::Duration(_) => "duration",
            Unit::Age(_) => "age",
            Unit::Distance => "distance",
            Unit::Area => "area",
            Unit::Weight => "weight",
            Unit::Money => "money",
            Unit::Year => "year",
            Unit::Date => "date",
            Unit::Clock => "clock",
            Unit::Designation => "designation",
        }
    }

    /// Whether the number places or measures time (a duration, an age, a year, a date, an
    /// hour): not a count of anything.
    ///
    /// ```
    /// use marsad_text::numbers::{TimeUnit, Unit};
    /// assert!(Unit::Duration(TimeUnit::Day).is_time());
    /// ```
    pub fn is_time(&self) -> bool {
        matches!(self, Unit::Duration(_) | Unit::Age(_) | Unit::Year | Unit::Date | Unit::Clock)
    }
}

/// A number found in a text, with its context. Spans index the original text.
///
/// ```
/// use marsad_text::Normalizer;
/// use marsad_text::numbers::{NumberParser, Qualifier, Quantity};
///
/// let text = "حين سقط 286 شخصاً على الأقل في مواجهات";
/// let norm = Normalizer::analysis().normalize(text);
/// let found = NumberParser::builtin().find(&norm, norm.full_span());
/// let n = &found[0];
/// assert_eq!(n.span.slice(text), "286");
/// assert_eq!(n.value, Quantity::Exact(286));
/// assert_eq!(n.qualifier, Qualifier::AtLeast);
/// assert_eq!(n.qualifier_span.map(|s| s.slice(text)), Some("على الأقل"));
/// assert_eq!(n.noun_span.map(|s| s.slice(text)), Some("شخصاً"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NumberExpr {
    /// The number itself: digits and/or words, scale words and remainders included
    /// ("6 آلاف و196", "ثلاثين ألفا", "مليون ونصف"), proclitics of its first word too
    /// (وخمسة). For a dual, the dual noun (and a cardinal repeating it: جنديين اثنين).
    pub span: Span,
    /// The value.
    pub value: Quantity,
    /// How it is written.
    pub form: NumberForm,
    /// The qualifier; [`Qualifier::Exact`] when there is none.
    pub qualifier: Qualifier,
    /// Where the qualifier is written.
    pub qualifier_span: Option<Span>,
    /// What the number measures, when the text says so.
    pub unit: Option<Unit>,
    /// Where the unit is written (for a year or a date from context, the marker or month
    /// after the number when there is one).
    pub unit_span: Option<Span>,
    /// The counted noun after the number ("جنديا", "قتيلا", "شخصا"); for a dual, the noun
    /// itself. Only when there is no unit.
    pub noun_span: Option<Span>,
}

/// Recognises numbers in normalised Arabic text; see the [module documentation](self).
///
/// ```
/// use marsad_text::numbers::NumberParser;
/// let numbers = NumberParser::builtin();
/// assert_eq!(numbers.cardinal(&["خمسة", "الاف"]), Some((5000, 2)));
/// assert_eq!(numbers.ordinal(&["الحادي", "والعشرين", "من"]), Some((21, 2)));
/// ```
#[derive(Debug)]
pub struct NumberParser {
    lex: Lexicon,
}

impl NumberParser {
    /// The parser with the tables of `data/numbers/`, loaded on first use.
    ///
    /// ```
    /// let numbers = marsad_text::numbers::NumberParser::builtin();
    /// assert_eq!(numbers.cardinal(&["مئتين"]), Some((200, 1)));
    /// ```
    pub fn builtin() -> &'static NumberParser {
        static BUILTIN: LazyLock<NumberParser> = LazyLock::new(|| NumberParser { lex: Lexicon::load() });
        &BUILTIN
    }

    /// Every number expression in `within` (a span of the original text) of the normalised
    /// view, in order. Expressions do not overlap.
    ///
    /// ```
    /// use marsad_text::Normalizer;
    /// use marsad_text::numbers::{NumberParser, Quantity, TimeUnit, Unit};
    /// let text = "استمرت الحرب 44 يوما، وقُتل 65 مدنياً وجُرح 298 آخرين منذ عام 2020";
    /// let norm = Normalizer::analysis().normalize(text);
    /// let found = NumberParser::builtin().find(&norm, norm.full_span());
    /// let values: Vec<_> = found.iter().map(|n| (n.value, n.unit)).collect();
    /// assert_eq!(values, [
    ///     (Quantity::Exact(44), Some(Unit::Duration(TimeUnit::Day))),
    ///     (Quantity::Exact(65), None),
    ///     (Quantity::Exact(298), None),
    ///     (Quantity::Exact(2020), Some(Unit::Year)),
    /// ]);
    /// assert_eq!(found[1].noun_span.map(|s| s.slice(text)), Some("مدنياً"));
    /// ```
    pub fn find(&self, norm: &Normalized<'_>, within: Span) -> Vec<NumberExpr> {
        // Arabic news averages about ten bytes a token: one allocation, rarely a second.
        let mut toks: Vec<Tok<'_>> = Vec::with_capacity(norm.to_normalized(within).len() / 8 + 8);
        toks.extend(tokenize_within(norm, within).map(|t| self.tok(norm, &t)));
        self.scan(&toks)
    }

    /// The number expressions of text already tokenised: `tokens` are consecutive tokens of
    /// `norm` (a sentence of an article's token stream), and the result is what
    /// [`NumberParser::find`] gives over their range, without tokenising again.
    ///
    /// ```
    /// use marsad_text::numbers::NumberParser;
    /// use marsad_text::{Normalizer, tokenize};
    /// let norm = Normalizer::analysis().normalize("قتل 65 مدنياً وجرح 298 آخرين");
    /// let tokens: Vec<_> = tokenize(&norm).collect();
    /// let numbers = NumberParser::builtin();
    /// assert_eq!(numbers.find_in_tokens(&norm, &tokens), numbers.find(&norm, norm.full_span()));
    /// ```
    pub fn find_in_tokens<'t>(
        &self,
        norm: &Normalized<'_>,
        tokens: impl IntoIterator<Item = &'t Token>,
    ) -> Vec<NumberExpr> {
        let tokens = tokens.into_iter();
        let mut toks: Vec<Tok<'_>> = Vec::with_capacity(tokens.size_hint().0);
        toks.extend(tokens.map(|t| self.tok(norm, t)));
        self.scan(&toks)
    }

    fn tok<'n>(&'n self, norm: &'n Normalized<'_>, t: &Token) -> Tok<'n> {
        let text = t.norm_str(norm);
        Tok {
            kind: t.kind,
            text,
            span: t.span,
            norm: t.norm,
            new_line: t.starts_line(),
            senses: if looked_up(t.kind) { self.lex.get(text) } else { None },
        }
    }

    fn scan(&self, toks: &[Tok<'_>]) -> Vec<NumberExpr> {
        let grammar = Grammar { lex: &self.lex, t: toks, lenient: false };
        let mut found = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            i = match grammar.step(i) {
                Step::Found(expr, next) => {
                    found.push(expr);
                    next.max(i + 1)
                }
                Step::Skip(next) => next.max(i + 1),
                Step::Nothing => i + 1,
            };
        }
        found
    }

    /// The value of a cardinal at the start of `words` (normalised with the analysis
    /// normaliser, one token each), and how many words it takes. Digits count (`30`, `ألف`);
    /// vague counts, duals and ordinals do not (التاسعة is an ordinal). The conjunction between
    /// parts may be kept (وعشرون) or already stripped (عشرون): callers often pass words
    /// without their proclitics.
    ///
    /// ```
    /// use marsad_text::numbers::NumberParser;
    /// let numbers = NumberParser::builtin();
    /// assert_eq!(numbers.cardinal(&["خمسة", "وعشرون", "قتيلا"]), Some((25, 2)));
    /// assert_eq!(numbers.cardinal(&["240", "الفا", "و", "831"]), Some((240_831, 4)));
    /// assert_eq!(numbers.cardinal(&["مليون", "ونصف"]), Some((1_500_000, 2)));
    /// assert_eq!(numbers.cardinal(&["التاسعة"]), None);
    /// assert_eq!(numbers.cardinal(&["عشرات"]), None);
    /// ```
    pub fn cardinal(&self, words: &[&str]) -> Option<(u64, usize)> {
        let toks = self.word_toks(words);
        let grammar = Grammar { lex: &self.lex, t: &toks, lenient: true };
        let num = grammar.number(0, Join::Any, None)?;
        Some((scan::whole(&num)?, num.end))
    }

    /// The value of an ordinal at the start of `words` (normalised, one token each), and how
    /// many words it takes: السادس → 6, الحادي عشر → 11, الحادي والعشرين → 21 (or
    /// الحادي العشرين, the conjunction stripped), الساعة الواحدة → 1.
    ///
    /// ```
    /// use marsad_text::numbers::NumberParser;
    /// let numbers = NumberParser::builtin();
    /// assert_eq!(numbers.ordinal(&["السادس", "من"]), Some((6, 1)));
    /// assert_eq!(numbers.ordinal(&["الحادية", "عشرة"]), Some((11, 2)));
    /// assert_eq!(numbers.ordinal(&["الحادي", "والعشرين"]), Some((21, 2)));
    /// assert_eq!(numbers.ordinal(&["خمسة"]), None);
    /// ```
    pub fn ordinal(&self, words: &[&str]) -> Option<(u32, usize)> {
        let toks = self.word_toks(words);
        let grammar = Grammar { lex: &self.lex, t: &toks, lenient: true };
        grammar.ordinal(0)
    }

    /// Tokens for the word APIs.
    fn word_toks<'a>(&'a self, words: &[&'a str]) -> Vec<Tok<'a>> {
        words
            .iter()
            .map(|&text| {
                let kind = if text.starts_with(|c: char| c.is_ascii_digit()) {
                    TokenKind::Number
                } else {
                    TokenKind::Arabic
                };
                Tok {
                    kind,
                    text,
                    span: Span::default(),
                    norm: Span::default(),
                    new_line: false,
                    senses: self.lex.get(text),
                }
            })
            .collect()
    }
}
