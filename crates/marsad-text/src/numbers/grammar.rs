//! The grammar of numbers over a slice of tokens: digits, words and both, with scales,
//! remainders, vague counts and ordinals.
//!
//! Arabic writes a number from its largest part down, joining the parts with و, except that
//! units come before tens (خمسة وعشرون = 5 + 20) and teens are two words without و
//! (خمسة عشر = 15):
//!
//! ```text
//! number    = multiplier [scale [larger scale]...] [و (fraction | number below the scale)]
//!           | scale-word (ألف = 1000, ألفان = 2000) | fraction scale (نصف مليون)
//! multiplier = digits | hundreds [و below-100] | unit(3..9) مائة [و below-100] | below-100
//! below-100 = unit [عشر | و tens] | teen-head عشر | عشرة | tens
//! ```
//!
//! Values are computed in `u128` with saturating arithmetic: a number whose value does not fit
//! a `u64` (or that is not whole after its scale: 2.1234567 مليون) ends up at [`INVALID`] and
//! the scanner skips it whole, rather than reporting a part of it.

use super::lexicon::{Card, Lexicon, Ordinal, ScaleForm, Senses};
use crate::{Span, TokenKind};

/// A value that does not fit, or is not whole: saturating arithmetic keeps it there.
pub(super) const INVALID: u128 = u128::MAX;

/// A token as the grammar sees it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Tok<'a> {
    pub kind: TokenKind,
    /// Normalised text.
    pub text: &'a str,
    /// In the original text.
    pub span: Span,
    /// In the normalised text (adjacency: `a.norm.end() == b.norm.start()`).
    pub norm: Span,
    /// A line break separates the token from the previous one: numbers do not run across.
    pub new_line: bool,
    pub senses: Option<&'a Senses>,
}

/// How a word may join the part of the number before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Join {
    /// The first word of a number: any proclitic (وخمسة, بخمسة, لثلاثة).
    Any,
    /// Straight after the previous word, without proclitic: عشر in خمسة عشر, آلاف in خمسة آلاف.
    Bare,
    /// After the conjunction و, written on the word (وعشرون) or apart (و 196, و196).
    Wa,
}

/// A value that may still need a scale to be whole: 2.5 (25/10), نصف (1/2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Ratio {
    pub num: u128,
    pub den: u128,
}

impl Ratio {
    pub(super) fn whole(num: u128) -> Ratio {
        Ratio { num, den: 1 }
    }

    /// The value times `scale`, when that is whole; [`INVALID`] otherwise.
    fn times(self, scale: u64) -> u128 {
        let product = self.num.saturating_mul(u128::from(scale));
        if product == INVALID || self.den == 0 || !product.is_multiple_of(self.den) {
            INVALID
        } else {
            product / self.den
        }
    }
}

/// The readings of a digit token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Digits {
    /// As an integer, plain or with thousands separators (6,500).
    pub int: Option<u128>,
    /// As a decimal (2.5, 19,45). `6.500` has both readings: see [`parse_digits`].
    pub dec: Option<Ratio>,
}

/// The most digits read: 10^38 still fits a `u128`. Longer runs are not numbers anyone counts.
const MAX_DIGITS: usize = 38;

/// Reads a digit token (ASCII digits, with `,` or `.` between digits).
///
/// - no separator: an integer;
/// - `,` followed by groups of exactly three digits (6,500, 1,234,567): thousands;
/// - `.` followed by groups of three, twice or more (1.234.567): thousands;
/// - a single `.` and exactly three digits (6.500) is ambiguous, thousands in the Maghreb and
///   in European style, a decimal elsewhere: both readings are kept, and the number grammar
///   takes the decimal before a scale word (6.500 مليون = 6,500,000) and thousands otherwise
///   (6.500 قتيل = 6,500: a count of people with three decimals makes no sense);
/// - any other single separator (2.5, 19,45, 2,5): a decimal;
/// - mixed separators: the last one is the decimal mark, the others group thousands
///   (1,234.5 or 1.234,5);
/// - anything else (13.9.2022, a date) is not a number.
pub(super) fn parse_digits(s: &str) -> Option<Digits> {
    let mut groups: Vec<&str> = Vec::new();
    let mut seps: Vec<char> = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if c == ',' || c == '.' {
            groups.push(s.get(start..i)?);
            seps.push(c);
            start = i + 1;
        } else if !c.is_ascii_digit() {
            return None;
        }
    }
    groups.push(s.get(start..)?);
    if groups.iter().any(|g| g.is_empty()) || groups.iter().map(|g| g.len()).sum::<usize>() > MAX_DIGITS {
        return None;
    }
    let concat = |gs: &[&str]| -> Option<u128> { gs.concat().parse().ok() };
    // Thousands groups: a first group of one to three digits not starting with 0, then threes.
    let grouped = |gs: &[&str]| {
        gs.split_first().is_some_and(|(first, rest)| {
            (1..=3).contains(&first.len()) && !first.starts_with('0') && rest.iter().all(|g| g.len() == 3)
        })
    };
    let decimal = |gs: &[&str]| -> Option<Ratio> {
        let places = u32::try_from(gs.last()?.len()).ok()?;
        Some(Ratio { num: concat(gs)?, den: 10u128.checked_pow(places)? })
    };
    let Some((&first, _)) = seps.split_first() else {
        return Some(Digits { int: Some(concat(&groups)?), dec: None });
    };
    if seps.iter().all(|&c| c == first) {
        if grouped(&groups) {
            let int = concat(&groups);
            let ambiguous = seps.len() == 1 && first == '.';
            return Some(Digits { int, dec: if ambiguous { decimal(&groups) } else { None } });
        }
        if seps.len() == 1 {
            return Some(Digits { int: None, dec: Some(decimal(&groups)?) });
        }
        return None;
    }
    // Mixed: the last separator is the decimal mark, all others the other one.
    let (&mark, others) = seps.split_last()?;
    let (_, int_groups) = groups.split_last()?;
    if others.iter().all(|&c| c != mark) && grouped(int_groups) {
        return Some(Digits { int: None, dec: Some(decimal(&groups)?) });
    }
    None
}

/// A number read from the tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Num {
    /// Whole (`den` 1) unless a decimal without a scale.
    pub value: Ratio,
    /// The token after the number.
    pub end: usize,
    pub digits: bool,
    pub words: bool,
}

/// The grammar over one slice of tokens.
pub(super) struct Grammar<'g, 'a> {
    pub lex: &'g Lexicon,
    pub t: &'g [Tok<'a>],
    /// Accept a part without its و: callers of the word APIs often strip conjunctions
    /// (مائة خمسون for مائة وخمسون, الحادي العشرين for الحادي والعشرين).
    pub lenient: bool,
}

impl<'a> Grammar<'_, 'a> {
    /// The token at `i` when it continues what came before (no line break in between).
    #[inline]
    pub(super) fn cont(&self, i: usize) -> Option<&Tok<'a>> {
        self.t.get(i).filter(|t| !t.new_line)
    }

    /// The reading `pick` of the word at `i` joined as `join` says, and the token after it.
    fn word<T: Copy>(
        &self,
        i: usize,
        join: Join,
        pick: impl Fn(&Senses) -> Option<(T, u8)>,
    ) -> Option<(T, usize)> {
        let bare =
            |tok: &Tok<'_>| tok.senses.and_then(&pick).filter(|&(_, prefix)| prefix == 0).map(|(v, _)| v);
        match join {
            Join::Any => self.t.get(i)?.senses.and_then(&pick).map(|(v, _)| (v, i + 1)),
            Join::Bare => bare(self.cont(i)?).map(|v| (v, i + 1)),
            Join::Wa => {
                let tok = self.cont(i)?;
                if tok.text == "و" {
                    return bare(self.cont(i + 1)?).map(|v| (v, i + 2));
                }
                if let Some(rest) = tok.text.strip_prefix('و')
                    && let Some(v) = self.lex.get(rest).and_then(&pick).filter(|&(_, p)| p == 0)
                {
                    return Some((v.0, i + 1));
                }
                if self.lenient { bare(tok).map(|v| (v, i + 1)) } else { None }
            }
        }
    }

    /// A cardinal word at `i`.
    pub(super) fn card(&self, i: usize, join: Join) -> Option<(Card, usize)> {
        self.word(i, join, |s| s.cardinal.map(|c| (c.value, c.prefix)))
    }

    /// An ordinal word at `i`.
    fn ord(&self, i: usize, join: Join) -> Option<(Ordinal, usize)> {
        self.word(i, join, |s| s.ordinal.map(|o| (o.value, o.prefix)))
    }

    /// A digit token at `i`: first in the number, or after و.
    fn digits(&self, i: usize, join: Join) -> Option<(Digits, usize)> {
        let number = |k: usize, tok: Option<&Tok<'_>>| {
            tok.filter(|t| t.kind == TokenKind::Number).and_then(|t| parse_digits(t.text)).map(|d| (d, k))
        };
        match join {
            Join::Any => number(i + 1, self.t.get(i)),
            Join::Bare => None,
            Join::Wa => match self.cont(i) {
                Some(tok) if tok.text == "و" => number(i + 2, self.cont(i + 1)),
                tok if self.lenient => number(i + 1, tok),
                _ => None,
            },
        }
    }

    /// A scale word straight after the multiplier (خمسة آلاف, 30 ألف, 240 ألفا): not a dual.
    fn scale_after(&self, i: usize) -> Option<(u64, usize)> {
        match self.card(i, Join::Bare)? {
            (Card::Scale(s, ScaleForm::One | ScaleForm::Many), k) => Some((s, k)),
            _ => None,
        }
    }

    /// A cardinal number at `i`, below `limit` when given (the remainder after a scale).
    pub(super) fn number(&self, i: usize, join: Join, limit: Option<u128>) -> Option<Num> {
        let mut num = Num { value: Ratio::whole(0), end: i, digits: false, words: false };
        // The first part, and the scale it is multiplied by.
        let (mut total, mut unit, mut j);
        // The whole multiplier of the scale, when there is one (مائة in مائة ألف).
        let mut mult = None;
        if let Some((d, k)) = self.digits(i, join) {
            num.digits = true;
            let Some((s, k2)) = self.scale_after(k) else {
                num.value = match (d.int, d.dec) {
                    (Some(n), _) => Ratio::whole(n),
                    (None, Some(dec)) => dec,
                    (None, None) => return None,
                };
                num.end = k;
                return bounded(num, limit);
            };
            // before a scale, the decimal reading of 6.500 (6.5 million)
            let ratio = d.dec.or(d.int.map(Ratio::whole))?;
            mult = d.int.filter(|_| d.dec.is_none());
            num.words = true;
            (total, unit, j) = (ratio.times(s), u128::from(s), k2);
        } else {
            let (card, k) = self.card(i, join)?;
            num.words = true;
            match card {
                Card::Scale(s, ScaleForm::One) => (total, unit, j) = (u128::from(s), u128::from(s), k),
                Card::Scale(s, ScaleForm::Two) => (total, unit, j) = (2 * u128::from(s), u128::from(s), k),
                Card::Scale(_, ScaleForm::Many) => return None,
                Card::Fraction(den) => {
                    // نصف مليون, ربع مليون
                    let (s, k2) = self.scale_after(k)?;
                    let ratio = Ratio { num: 1, den: u128::from(den) };
                    (total, unit, j) = (ratio.times(s), u128::from(s), k2);
                }
                _ => {
                    let (value, k) = self.small(i, join)?;
                    let Some((s, k2)) = self.scale_after(k) else {
                        num.value = Ratio::whole(value);
                        num.end = k;
                        return bounded(num, limit);
                    };
                    (total, unit, j) = (value.saturating_mul(u128::from(s)), u128::from(s), k2);
                    mult = Some(value);
                }
            }
        }
        // مائة ألف وألف (101,000), مائتا ألف وألفان (202,000): Arabic adds the one or two
        // thousands of a round hundred as a scale word of its own.
        if let Some(m) = mult
            && m >= 100
            && m.is_multiple_of(100)
            && let Some((Card::Scale(s, form @ (ScaleForm::One | ScaleForm::Two)), k)) =
                self.card(j, Join::Wa)
            && u128::from(s) == unit
        {
            let count = if form == ScaleForm::Two { 2 } else { 1 };
            total = total.saturating_add(count * unit);
            j = k;
        }
        // A larger scale straight after: ألف مليون (a thousand million).
        while let Some((s, k)) = self.scale_after(j) {
            if u128::from(s) <= total {
                break;
            }
            total = total.saturating_mul(u128::from(s));
            unit = unit.saturating_mul(u128::from(s));
            j = k;
        }
        // مليون ونصف, or a smaller number after و: 6 آلاف و196, ألف وخمسمائة.
        if let Some((Card::Fraction(den), k)) = self.card(j, Join::Wa) {
            if unit.is_multiple_of(u128::from(den)) {
                total = total.saturating_add(unit / u128::from(den));
                j = k;
            }
        } else if let Some(rest) = self.number(j, Join::Wa, Some(unit)) {
            total = total.saturating_add(rest.value.num);
            j = rest.end;
            num.digits |= rest.digits;
            num.words |= rest.words;
        }
        num.value = Ratio::whole(total);
        num.end = j;
        bounded(num, limit)
    }

    /// A number below a thousand in words.
    fn small(&self, i: usize, join: Join) -> Option<(u128, usize)> {
        let (card, j) = self.card(i, join)?;
        match card {
            Card::Zero => (join == Join::Any).then_some((0, j)),
            Card::Hundred(h) => Some(self.plus_below_hundred(u128::from(h), j)),
            // ثلاث مائة, written in two words
            Card::Unit(u @ 3..=9) => match self.card(j, Join::Bare) {
                Some((Card::Hundred(100), k)) => Some(self.plus_below_hundred(u128::from(u) * 100, k)),
                _ => self.below_hundred(card, j),
            },
            _ => self.below_hundred(card, j),
        }
    }

    /// `hundreds` and the part below a hundred after و, if any.
    fn plus_below_hundred(&self, hundreds: u128, j: usize) -> (u128, usize) {
        match self.card(j, Join::Wa).and_then(|(card, k)| self.below_hundred(card, k)) {
            Some((rest, k)) => (hundreds + rest, k),
            None => (hundreds, j),
        }
    }

    /// A number below a hundred starting with `card`, whose word ends before `j`.
    fn below_hundred(&self, card: Card, j: usize) -> Option<(u128, usize)> {
        match card {
            Card::Unit(u) => {
                if let Some((Card::Ten, k)) = self.card(j, Join::Bare) {
                    return Some((u128::from(u) + 10, k));
                }
                if let Some((Card::Tens(tens), k)) = self.card(j, Join::Wa) {
                    return Some((u128::from(u) + u128::from(tens), k));
                }
                Some((u128::from(u), j))
            }
            Card::Teen(u) => match self.card(j, Join::Bare) {
                Some((Card::Ten, k)) => Some((u128::from(u) + 10, k)),
                _ => None,
            },
            Card::Ten => Some((10, j)),
            Card::Tens(tens) => Some((u128::from(tens), j)),
            _ => None,
        }
    }

    /// A vague count at `i` (عشرات, بضعة آلاف, عشرات الآلاف): its range and the token after.
    pub(super) fn vague(&self, i: usize) -> Option<(u128, u128, usize)> {
        let sense = self.t.get(i)?.senses?.vague?;
        let (mut lo, mut hi) = (u128::from(sense.value.0), u128::from(sense.value.1));
        let mut j = i + 1;
        while let Some((s, k)) = self.scale_after(j) {
            let s = u128::from(s);
            lo = lo.saturating_mul(s);
            hi = hi.saturating_mul(s).saturating_add(s - 1);
            j = k;
        }
        Some((lo, hi, j))
    }

    /// An ordinal at `i` (السادس, الحادي عشر, الحادي والعشرون) and the token after it.
    pub(super) fn ordinal(&self, i: usize) -> Option<(u32, usize)> {
        let (ord, j) = self.ord(i, Join::Any)?;
        match ord {
            Ordinal::Unit(u @ 1..=9) | Ordinal::Head(u) => {
                if let Some((Ordinal::Ten, k)) = self.ord(j, Join::Bare) {
                    return Some((u32::from(u) + 10, k));
                }
                if let Some((Ordinal::Tens(tens), k)) = self.ord(j, Join::Wa) {
                    return Some((u32::from(u) + u32::from(tens), k));
                }
                matches!(ord, Ordinal::Unit(_)).then_some((u32::from(u), j))
            }
            Ordinal::Unit(u) | Ordinal::Tens(u) => Some((u32::from(u), j)),
            Ordinal::Ten => None,
        }
    }
}

/// `num` when it is whole and below `limit` (or there is no limit).
fn bounded(num: Num, limit: Option<u128>) -> Option<Num> {
    match limit {
        Some(limit) => (num.value.den == 1 && num.value.num < limit).then_some(num),
        None => Some(num),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(s: &str) -> Option<u128> {
        parse_digits(s).and_then(|d| d.int)
    }

    fn dec(s: &str) -> Option<(u128, u128)> {
        parse_digits(s).and_then(|d| d.dec).map(|r| (r.num, r.den))
    }

    #[test]
    fn digit_readings() {
        assert_eq!(int("135"), Some(135));
        assert_eq!(int("0135"), Some(135));
        assert_eq!(int("6,500"), Some(6500));
        assert_eq!(int("1,234,567"), Some(1_234_567));
        assert_eq!(int("1.234.567"), Some(1_234_567));
        assert_eq!(dec("6,500"), None);
        // ambiguous: both
        assert_eq!(int("6.500"), Some(6500));
        assert_eq!(dec("6.500"), Some((6500, 1000)));
        // decimals
        assert_eq!(int("2.5"), None);
        assert_eq!(dec("2.5"), Some((25, 10)));
        assert_eq!(dec("2,5"), Some((25, 10)));
        assert_eq!(dec("19,45"), Some((1945, 100)));
        assert_eq!(dec("0.500"), Some((500, 1000)));
        assert_eq!(int("0.500"), None);
        assert_eq!(dec("1,234.5"), Some((12345, 10)));
        assert_eq!(dec("1.234,5"), Some((12345, 10)));
        // dates and junk
        assert_eq!(parse_digits("13.9.2022"), None);
        assert_eq!(parse_digits("1,23,4"), None);
        assert_eq!(parse_digits(""), None);
        assert_eq!(parse_digits("1,"), None);
        assert_eq!(parse_digits("12a"), None);
        assert_eq!(parse_digits(&"9".repeat(39)), None);
        assert_eq!(int(&"9".repeat(38)), Some(10u128.pow(38) - 1));
    }

    #[test]
    fn ratio_times_scale() {
        assert_eq!(Ratio { num: 25, den: 10 }.times(1_000_000), 2_500_000);
        assert_eq!(Ratio { num: 1, den: 2 }.times(1_000_000), 500_000);
        assert_eq!(Ratio { num: 21_234_567, den: 10_000_000 }.times(1_000_000), INVALID);
        assert_eq!(Ratio { num: INVALID, den: 1 }.times(1000), INVALID);
    }
}
