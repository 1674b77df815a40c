//! Finding number expressions in a token stream, and reading their context: qualifiers before
//! and after, the unit or counted noun after, ages, years and days of the month.

use super::grammar::{Grammar, Join, Num, Ratio, Tok, parse_digits};
use super::lexicon::{Card, QUALIFIER_PREFIXES};
use super::{NumberExpr, NumberForm, Qualifier, Quantity, TimeUnit, Unit};
use crate::{Segmenter, Span, TokenKind};

/// What the scanner does at a token.
pub(super) enum Step {
    /// An expression, and the token to go on from.
    Found(NumberExpr, usize),
    /// Tokens that are not quantities (an ordinal, a date, a number too large): go on from
    /// here.
    Skip(usize),
    Nothing,
}

/// Pronoun suffixes that make a word after "من" a partitive noun (49 من جنودها).
const POSSESSIVES: [&str; 6] = ["هما", "ها", "هم", "هن", "نا", "كم"];

/// A qualifier found next to a number.
#[derive(Clone, Copy, Debug)]
struct Found {
    qualifier: Qualifier,
    span: Span,
    /// The first token of the phrase (before) or the token after it (after).
    edge: usize,
}

impl Grammar<'_, '_> {
    /// The expression starting at token `i`, if any.
    pub(super) fn step(&self, i: usize) -> Step {
        let Some(tok) = self.t.get(i) else { return Step::Nothing };
        match tok.kind {
            TokenKind::Number => {
                if self.is_designation(i) {
                    return Step::Skip(i + 1);
                }
                self.digit_pattern(i).unwrap_or_else(|| self.cardinal_at(i))
            }
            TokenKind::Arabic => {
                let Some(senses) = tok.senses else { return Step::Nothing };
                // Ordinals first: عشر in الحادي عشر is not ten.
                if senses.ordinal.is_some()
                    && let Some((_, end)) = self.ordinal(i)
                {
                    return Step::Skip(end);
                }
                if senses.cardinal.is_some() {
                    let step = self.cardinal_at(i);
                    if !matches!(step, Step::Nothing) {
                        return step;
                    }
                }
                if senses.vague.is_some()
                    && let Some((lo, hi, end)) = self.vague(i)
                {
                    return match (u64::try_from(lo), u64::try_from(hi)) {
                        (Ok(lo), Ok(hi)) => {
                            self.expr(i, end, Quantity::Range { lo, hi }, NumberForm::Vague, None)
                        }
                        _ => Step::Skip(end),
                    };
                }
                if let Some(dual) = senses.dual {
                    // جنديين اثنين: the cardinal after the dual repeats it
                    let end = match self.card(i + 1, Join::Bare) {
                        Some((Card::Unit(2), k)) => k,
                        _ => i + 1,
                    };
                    return self.expr(i, end, Quantity::Exact(2), NumberForm::Dual, Some(dual.value));
                }
                Step::Nothing
            }
            _ => Step::Nothing,
        }
    }

    /// A cardinal (digits, words or both) at `i`.
    fn cardinal_at(&self, i: usize) -> Step {
        let Some(num) = self.number(i, Join::Any, None) else { return Step::Nothing };
        let Some(value) = quantity(num.value) else { return Step::Skip(num.end) };
        let form = match (num.digits, num.words) {
            (true, true) => NumberForm::Mixed,
            (true, false) => NumberForm::Digits,
            _ => NumberForm::Words,
        };
        self.expr(i, num.end, value, form, None)
    }

    /// Digits glued to a Latin word or joined to a word by a hyphen name a model, not a
    /// quantity: F16, F-16, إس-300, كوفيد-19. (Digits glued to an Arabic word before them are
    /// a number with a proclitic or the article: و71, الـ13, ب5.)
    fn is_designation(&self, i: usize) -> bool {
        let (Some(tok), Some(prev)) = (self.t.get(i), i.checked_sub(1).and_then(|k| self.t.get(k))) else {
            return false;
        };
        if !adjacent(prev, tok) {
            return false;
        }
        if prev.kind == TokenKind::Word {
            return true;
        }
        let word = i.checked_sub(2).and_then(|k| self.t.get(k));
        is_dash(prev.text)
            && word
                .is_some_and(|w| matches!(w.kind, TokenKind::Word | TokenKind::Arabic) && adjacent(w, prev))
    }

    /// Digits joined by `/`, `:` or `-` without spaces: dates and clock times are skipped
    /// (2022/09/13, 06:00, 2022-09-13 are not quantities), and `15-20` is a range.
    fn digit_pattern(&self, i: usize) -> Option<Step> {
        let a = self.t.get(i)?;
        let sep = self.t.get(i + 1).filter(|s| s.kind == TokenKind::Punct && adjacent(a, s))?;
        let b = self.t.get(i + 2).filter(|b| b.kind == TokenKind::Number && adjacent(sep, b))?;
        let chained = |k: usize| {
            let (Some(prev), Some(s), Some(n)) = (self.t.get(k - 1), self.t.get(k), self.t.get(k + 1)) else {
                return false;
            };
            s.text == sep.text && adjacent(prev, s) && n.kind == TokenKind::Number && adjacent(s, n)
        };
        match sep.text {
            "/" | ":" => {
                let mut end = i + 3;
                while chained(end) {
                    end += 2;
                }
                Some(Step::Skip(end))
            }
            dash if is_dash(dash) => {
                if chained(i + 3) {
                    return Some(Step::Skip(i + 5));
                }
                let lo = parse_digits(a.text).and_then(|d| d.int).and_then(|n| u64::try_from(n).ok());
                let hi = parse_digits(b.text).and_then(|d| d.int).and_then(|n| u64::try_from(n).ok());
                match (lo, hi) {
                    (Some(lo), Some(hi)) if lo < hi => {
                        Some(self.expr(i, i + 3, Quantity::Range { lo, hi }, NumberForm::Digits, None))
                    }
                    _ => Some(Step::Skip(i + 3)),
                }
            }
            _ => None,
        }
    }

    /// The expression made of tokens `start..end` and its context. `dual` is the reading of a
    /// dual noun (`Some(None)` for a counted noun, `Some(Some(unit))` for a unit).
    fn expr(
        &self,
        start: usize,
        end: usize,
        value: Quantity,
        form: NumberForm,
        dual: Option<Option<Unit>>,
    ) -> Step {
        let (Some(first), Some(last)) = (self.t.get(start), self.t.get(end.saturating_sub(1))) else {
            return Step::Nothing;
        };
        let mut e = NumberExpr {
            span: first.span.cover(last.span),
            value,
            form,
            qualifier: Qualifier::Exact,
            qualifier_span: None,
            unit: None,
            unit_span: None,
            noun_span: None,
        };
        let before = self.qualifier_before(start);
        // the unit, or a month after a day
        let mut after_unit = end;
        if let Some(what) = dual {
            match what {
                Some(unit) => (e.unit, e.unit_span) = (Some(unit), Some(first.span)),
                None => e.noun_span = Some(first.span),
            }
        } else if let Some((unit, k)) = self.unit_at(end) {
            e.unit = Some(unit);
            e.unit_span = self.cover(end, k);
            after_unit = k;
        } else if form == NumberForm::Digits && is_day(value) && self.is_month(end) {
            e.unit = Some(Unit::Date);
            e.unit_span = self.cover(end, end + 1);
        }
        // ages and hours
        let context_start = before.map_or(start, |q| q.edge);
        let just_before = context_start.checked_sub(1).filter(|_| self.cont(context_start).is_some());
        let senses_before = just_before.and_then(|k| self.t.get(k)).and_then(|t| t.senses);
        if let Some(Unit::Duration(time)) = e.unit {
            let in_parens = time == TimeUnit::Year
                && start.checked_sub(1).is_some_and(|k| self.is_text(k, "("))
                && self.is_text(after_unit, ")");
            let adjacent_age = time == TimeUnit::Year && senses_before.is_some_and(|s| s.age_adjacent);
            if self.age_before(context_start)
                || adjacent_age
                || in_parens
                || self.age_after(after_unit).is_some()
            {
                e.unit = Some(Unit::Age(time));
            }
        } else if e.unit.is_none() {
            if let Some(k) = self.age_after(end) {
                // في الـ13 من عمره
                e.unit = Some(Unit::Age(TimeUnit::Year));
                e.unit_span = self.cover(k - 1, k);
                after_unit = k;
            } else if senses_before.is_some_and(|s| s.age) {
                // عمره 13, تحت سن 18
                e.unit = Some(Unit::Age(TimeUnit::Year));
                e.unit_span = just_before.and_then(|k| self.cover(k, k + 1));
            } else if senses_before.is_some_and(|s| s.clock_before)
                && matches!(value, Quantity::Exact(0..=24))
                && before.is_none()
            {
                e.unit = Some(Unit::Clock);
                e.unit_span = just_before.and_then(|k| self.cover(k, k + 1));
            } else if senses_before.is_some_and(|s| s.designator)
                && before.is_none()
                && form == NumberForm::Digits
            {
                // إف 16, إس 400: a model, not a count
                e.unit = Some(Unit::Designation);
                e.unit_span = just_before.and_then(|k| self.cover(k, k + 1));
            }
        }
        // a qualifier after the number or its unit, the counted noun, a qualifier after it
        let mut after = self.qualifier_after(after_unit);
        if e.unit.is_none()
            && after.is_none()
            && form != NumberForm::Dual
            && let Some(k) = self.noun_at(start, end, form)
        {
            e.noun_span = self.t.get(k).map(|t| t.span);
            after = self.qualifier_after(k + 1);
        }
        // years
        let marker = self.cont(end).and_then(|t| t.senses);
        if e.unit.is_none()
            && self.is_year(start, end, value, 1300..=1500)
            && marker.is_some_and(|s| s.hijri_after)
        {
            e.unit = Some(Unit::Year);
            e.unit_span = self.cover(end, end + 1);
            after_unit = end + 1;
            e.noun_span = None;
        }
        if e.unit.is_none() && self.is_year(start, end, value, 1900..=2100) {
            let year_after = marker;
            if self.year_before(start) {
                e.unit = Some(Unit::Year);
            } else if year_after.is_some_and(|s| s.year_after) {
                e.unit = Some(Unit::Year);
                e.unit_span = self.cover(end, end + 1);
                after_unit = end + 1;
            } else if before.is_none() && after.is_none() && e.noun_span.is_none() {
                e.unit = Some(Unit::Year);
            }
            if e.unit == Some(Unit::Year) {
                e.noun_span = None;
            }
        }
        if let Some(q) = before.or(after) {
            e.qualifier = q.qualifier;
            e.qualifier_span = Some(q.span);
        }
        let next = end.max(after_unit).max(after.map_or(0, |q| q.edge));
        Step::Found(e, next)
    }

    /// The original span of tokens `from..to`.
    fn cover(&self, from: usize, to: usize) -> Option<Span> {
        let first = self.t.get(from)?;
        let last = self.t.get(to.checked_sub(1)?)?;
        Some(first.span.cover(last.span))
    }

    fn is_text(&self, i: usize, text: &str) -> bool {
        self.t.get(i).is_some_and(|t| t.text == text)
    }

    /// A unit phrase at `i` (same line), the longest first, and the token after it.
    fn unit_at(&self, i: usize) -> Option<(Unit, usize)> {
        let senses = self.cont(i)?.senses?;
        senses.units.iter().find_map(|phrase| {
            let matches = phrase
                .rest
                .iter()
                .enumerate()
                .all(|(k, w)| self.cont(i + 1 + k).is_some_and(|t| *t.text == **w));
            matches.then_some((phrase.unit, i + 1 + phrase.rest.len()))
        })
    }

    fn is_month(&self, i: usize) -> bool {
        self.cont(i).and_then(|t| t.senses).is_some_and(|s| s.month)
    }

    /// A word of age up to three tokens before `start`, within the clause.
    fn age_before(&self, start: usize) -> bool {
        (start.saturating_sub(3)..start)
            .rev()
            .map_while(|k| self.t.get(k))
            .take_while(|t| t.kind != TokenKind::Punct)
            .any(|t| t.senses.is_some_and(|s| s.age))
    }

    /// "من العمر", "من عمره" at `i`: the token after it.
    fn age_after(&self, i: usize) -> Option<usize> {
        self.cont(i).filter(|t| t.text == "من")?;
        self.cont(i + 1).and_then(|t| t.senses).filter(|s| s.age).map(|_| i + 2)
    }

    /// A four-digit number (or range) in `years`, in digits.
    fn is_year(
        &self,
        start: usize,
        end: usize,
        value: Quantity,
        years: std::ops::RangeInclusive<u64>,
    ) -> bool {
        let in_range = match value {
            Quantity::Exact(y) => years.contains(&y),
            Quantity::Range { lo, hi } => years.contains(&lo) && years.contains(&hi),
            Quantity::Decimal { .. } => false,
        };
        in_range
            && self.t.get(start..end).is_some_and(|toks| {
                toks.iter()
                    .filter(|t| t.kind == TokenKind::Number)
                    .all(|t| t.text.len() == 4 && t.text.bytes().all(|b| b.is_ascii_digit()))
            })
    }

    /// A year word or a month name right before `start` (عام 2020, سبتمبر 2022).
    fn year_before(&self, start: usize) -> bool {
        if self.t.get(start).is_none_or(|t| t.new_line) {
            return false;
        }
        start
            .checked_sub(1)
            .and_then(|k| self.t.get(k))
            .and_then(|t| t.senses)
            .is_some_and(|s| s.year_before || s.month)
    }

    /// The counted noun right after the number at `i`, from `start`: the next Arabic word
    /// unless it is a function word or a number word; after "من", a definite or possessed noun
    /// (المئات من القتلى, 49 من جنودها).
    ///
    /// Only a vague count takes a definite noun (عشرات القتلى, آلاف العائلات): after an exact
    /// number the noun is indefinite (135 جنديا, 30 ألف قتيل), and a definite word is something
    /// else (القرار 2254 الصادر, في 2020 الحرب). واحد and اثنان follow their noun as adjectives
    /// (شخص واحد, جنديان اثنان): the word after them is not theirs.
    fn noun_at(&self, start: usize, i: usize, form: NumberForm) -> Option<usize> {
        let tok = self.cont(i).filter(|t| t.kind == TokenKind::Arabic)?;
        if self.is_number_word(tok) || tok.senses.is_some_and(|s| s.month) {
            return None;
        }
        if !self.not_noun(tok.text) {
            let adjectival = form == NumberForm::Words
                && i == start + 1
                && matches!(
                    self.t.get(start).and_then(|t| t.senses).and_then(|s| s.cardinal).map(|c| c.value),
                    Some(Card::Unit(1 | 2))
                );
            let direct = !adjectival && (form == NumberForm::Vague || !is_definite(tok.text));
            return direct.then_some(i);
        }
        if tok.text != "من" {
            return None;
        }
        let noun = self.cont(i + 1).filter(|t| t.kind == TokenKind::Arabic)?;
        let word = noun.text;
        let possessed =
            POSSESSIVES.iter().find_map(|s| word.strip_suffix(s)).filter(|base| base.chars().count() >= 2);
        let partitive = match possessed {
            Some(base) => !self.not_noun(base),
            None => word.starts_with("ال"),
        };
        (partitive && !self.is_number_word(noun) && !self.not_noun(word)).then_some(i + 1)
    }

    fn is_number_word(&self, tok: &Tok<'_>) -> bool {
        tok.senses.is_some_and(|s| s.cardinal.is_some() || s.vague.is_some() || s.ordinal.is_some())
    }

    /// Whether `word`, without its proclitics, is a function word (ولا, وفي, والتي).
    fn not_noun(&self, word: &str) -> bool {
        let listed = |w: &str| self.lex.get(w).is_some_and(|s| s.not_noun);
        if listed(word) {
            return true;
        }
        let seg = Segmenter::builtin().segment(word);
        !seg.is_whole() && (listed(seg.stem_str(word)) || listed(&seg.stem_with_article(word)))
    }

    /// A qualifier phrase ending right before token `start`, longest first.
    fn qualifier_before(&self, start: usize) -> Option<Found> {
        if self.t.get(start).is_none_or(|t| t.new_line) {
            return None;
        }
        self.lex.qualifiers.iter().filter(|q| q.before).find_map(|q| {
            let first = start.checked_sub(q.words.len())?;
            self.phrase_at(first, &q.words)?;
            Some(Found { qualifier: q.qualifier, span: self.cover(first, start)?, edge: first })
        })
    }

    /// A qualifier phrase starting at token `i` (same line).
    fn qualifier_after(&self, i: usize) -> Option<Found> {
        self.cont(i)?;
        self.lex.qualifiers.iter().filter(|q| q.after).find_map(|q| {
            let end = self.phrase_at(i, &q.words)?;
            Some(Found { qualifier: q.qualifier, span: self.cover(i, end)?, edge: end })
        })
    }

    /// Whether `words` are written from token `i` on (the first may carry a proclitic, the
    /// others follow on the same line): the token after them.
    fn phrase_at(&self, i: usize, words: &[Box<str>]) -> Option<usize> {
        let (head, rest) = words.split_first()?;
        let first = self.t.get(i)?;
        let head_matches = *first.text == **head
            || QUALIFIER_PREFIXES.iter().any(|p| first.text.strip_prefix(p).is_some_and(|w| w == &**head));
        let rest_matches =
            rest.iter().enumerate().all(|(k, w)| self.cont(i + 1 + k).is_some_and(|t| *t.text == **w));
        (head_matches && rest_matches).then_some(i + words.len())
    }
}

/// Whether `word` carries the article, after a conjunction or a preposition or not (القتلى,
/// والقتلى, بالقتلى, للقتلى).
fn is_definite(word: &str) -> bool {
    let word = word.strip_prefix(['و', 'ف']).unwrap_or(word);
    let word = word.strip_prefix(['ب', 'ك']).unwrap_or(word);
    word.starts_with("ال") || word.starts_with("لل")
}

/// A hyphen or a dash between numbers (15-20, 15–20).
fn is_dash(text: &str) -> bool {
    matches!(text, "-" | "\u{2010}" | "\u{2011}" | "\u{2012}" | "\u{2013}")
}

/// Whether two tokens touch in the normalised text.
fn adjacent(a: &Tok<'_>, b: &Tok<'_>) -> bool {
    a.norm.end() == b.norm.start()
}

/// A day of the month: 1..=31, or a range of days.
fn is_day(value: Quantity) -> bool {
    match value {
        Quantity::Exact(d) => (1..=31).contains(&d),
        Quantity::Range { lo, hi } => (1..=31).contains(&lo) && (1..=31).contains(&hi),
        Quantity::Decimal { .. } => false,
    }
}

/// The quantity of a number read by the grammar, when it fits.
fn quantity(value: Ratio) -> Option<Quantity> {
    if value.den == 1 {
        return u64::try_from(value.num).ok().map(Quantity::Exact);
    }
    let places = u8::try_from(value.den.checked_ilog10()?).ok()?;
    Some(Quantity::Decimal { mantissa: u64::try_from(value.num).ok()?, places })
}

/// The value of a number read by the word APIs (whole only).
pub(super) fn whole(num: &Num) -> Option<u64> {
    (num.value.den == 1).then(|| u64::try_from(num.value.num).ok()).flatten()
}
