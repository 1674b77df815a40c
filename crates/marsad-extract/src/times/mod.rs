//! Dates and times in Arabic news: found in the text and resolved to TIMEX3 values against the
//! publication date.
//!
//! Gregorian months in every naming system used by Arabic media, often side by side
//! (`17 أكتوبر (تشرين الأول)` is one date), Hijri dates, numeric dates, weekdays with and
//! without "الماضي"/"المقبل", days relative to the day of writing (`أمس الخميس` is one date),
//! parts of the day, times with their zone (`الساعة التاسعة بتوقيت موسكو (06:00 ت.غ)`), periods
//! (`الأسبوع الماضي`, `مطلع الشهر الجاري`), seasons, decades, years, day ranges, feasts, and
//! "N years ago". Every expression carries its span, its value, what anchored it, and the
//! pattern that found it.
//!
//! ```
//! use jiff::civil::date;
//! use marsad_extract::times;
//! use marsad_text::{Normalizer, Segmenter, analyse};
//!
//! let text = "قصفت القوات مواقع حدودية فجر الثلاثاء، بعد اشتباكات اندلعت الليلة الماضية.";
//! let norm = Normalizer::analysis().normalize(text);
//! let tokens: Vec<_> = analyse(&norm, norm.full_span(), Segmenter::builtin()).collect();
//! let found = times::find(&norm, &[&tokens], Some(date(2022, 9, 13)));
//! let values: Vec<String> = found.iter().map(|t| t.value.to_string()).collect();
//! assert_eq!(values, ["2022-09-13TMO", "2022-09-12TNI"]);
//! ```

mod resolve;
mod scan;
mod tables;
mod timex;

use jiff::civil::Date;
use std::cell::RefCell;

use marsad_text::{AnalysedToken, FormTable, Normalized, Span, TokenKind};

pub use resolve::Anchor;
pub use timex::Timex;

use resolve::{Ctx, resolve};
use scan::{DayRef, Explicit, FormBits, Found, Scanner, Spec, Word};

/// What each word's form says ([`FormBits`]), looked up once per form and thread.
fn form_bits(tokens: &[AnalysedToken], words: &[Word<'_>]) -> Vec<FormBits> {
    thread_local! {
        static FORMS: RefCell<FormTable<FormBits>> = const { RefCell::new(FormTable::new()) };
    }
    let of = |w: &Word<'_>| FormBits {
        starts: Scanner::starts_of(w),
        start_word: Scanner::is_start_word(w),
        future: is_future(w),
    };
    FORMS.with(|cache| match cache.try_borrow_mut() {
        Ok(mut cache) => {
            cache.fill_map(tokens, |i, _| words.get(i).map_or(FormBits::default(), of), |_, v| *v)
        }
        Err(_) => words.iter().map(of).collect(),
    })
}

/// A time expression of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeExpr {
    /// Where it is in the original text.
    pub span: Span,
    /// What it denotes.
    pub value: Timex,
    /// What the value was resolved against.
    pub anchor: Anchor,
    /// The pattern that found it (`weekday`, `date`, `relative-day`, `time-of-day`...).
    pub rule: &'static str,
    /// What disagrees with the value (a weekday that is not the date's), when something does.
    pub conflict: Option<String>,
}

impl TimeExpr {
    /// Whether what it denotes begins more than a week before `day` (the day of writing): a
    /// time after منذ that long before tells since when a state has lasted, not when a thing
    /// happened (`منذ 2010`; `منذ الثلاثاء الماضي` starts what is reported).
    pub fn begins_long_before(&self, day: Option<jiff::civil::Date>) -> bool {
        day.zip(self.value.first_day()).is_some_and(|(day, first)| {
            first.checked_add(jiff::ToSpan::days(7)).is_ok_and(|week_later| week_later < day)
        })
    }

    /// TIMEX3 type: `TIME` for a time of day or a part of a day, else `DATE`.
    pub fn kind(&self) -> &'static str {
        if self.value.is_time() { "TIME" } else { "DATE" }
    }
}

/// Whether a keyed word may open a time expression (`الثلاثاء`, `اليوم`, `مساء`): other
/// layers tell a time after a verb from its subject (`وقال الثلاثاء` names no one).
pub(crate) fn opens_time(word: &str) -> bool {
    tables::Tables::builtin().starts(word) != 0
}

/// Finds and resolves the time expressions of the `paragraphs` (the analysed tokens of the
/// title and of each paragraph, in text order) of a normalised text. `published` is the
/// publication date, when known.
pub fn find(
    norm: &Normalized<'_>,
    paragraphs: &[&[AnalysedToken]],
    published: Option<Date>,
) -> Vec<TimeExpr> {
    let mut out = Vec::new();
    let tables = tables::Tables::builtin();
    // the day the narrative is about: per paragraph, so that a time in one paragraph is not
    // placed on a day named in another; the document's last day serves "اليوم نفسه"
    let mut doc_day = None;
    // the last date of any granularity, to place a year-less Hijri date near it
    let mut anchor_day = None;
    for &tokens in paragraphs {
        let words: Vec<Word<'_>> = tokens.iter().map(|t| Word::new(t, norm)).collect();
        let forms = form_bits(tokens, &words);
        let future: Vec<bool> = forms.iter().map(|f| f.future).collect();
        let mut found = Scanner::with_forms(&words, forms).scan();
        let inherited = inherit_years(&words, &mut found);
        let mut paragraph_day: Option<Date> = None;
        let mut resolved: Vec<Option<(resolve::Resolved, &Found)>> = Vec::with_capacity(found.len());
        for (k, f) in found.iter().enumerate() {
            let same_day = matches!(&f.spec, Spec::Day(d) if matches!(d.day, DayRef::Same { .. }));
            let ctx = Ctx {
                published,
                context_day: if same_day { paragraph_day.or(doc_day) } else { paragraph_day },
                anchor_day: paragraph_day.or(anchor_day),
                future: sentence_is_future(&words, &future, f.first),
                year_from_context: inherited.contains(&k),
            };
            let r = resolve(&f.spec, &ctx).filter(|r| r.value.representable());
            let background = f.first > 0
                && words[f.first - 1].kind == TokenKind::Arabic
                && tables::Grammar::has(&tables.grammar.background_lead, words[f.first - 1].core());
            // a Hijri year or month is a range of days, but names no day of its own: a
            // year-less date after it is placed near its middle, and no day of the narrative
            // starts with it
            let hijri_span = |spec: &Spec| match spec {
                Spec::HijriYear(_) => true,
                Spec::Month(ex) => ex.hijri,
                _ => false,
            };
            let names_no_day = match &f.spec {
                Spec::Range(a, _) => hijri_span(a),
                spec => hijri_span(spec),
            };
            if let Some(r) = &r {
                let middle = || {
                    let (first, last) = (r.value.first_day()?, r.value.clone().last().day()?);
                    first.checked_add(jiff::Span::new().days((last - first).get_days() / 2)).ok()
                };
                let approximate = if names_no_day { middle() } else { r.value.approximate_day() };
                if let Some(d) = approximate {
                    anchor_day = Some(d);
                }
                if let Some(day) = r.value.day().filter(|_| !background && !names_no_day) {
                    paragraph_day = Some(day);
                    doc_day = Some(day);
                }
            }
            resolved.push(r.map(|r| (r, f)));
        }
        adopt_universal_time(&words, &mut resolved);
        for (r, f) in resolved.into_iter().flatten() {
            let span = Span::new(
                start_of(&tokens[f.first], &words[f.first], f, norm),
                words[f.end - 1].span().end(),
            );
            out.push(TimeExpr { span, value: r.value, anchor: r.anchor, rule: f.rule, conflict: r.conflict });
        }
    }
    out
}

/// Where an expression starts in the original text: after the conjunction of its first word,
/// also where the segmenter left it on a word too short to take it off (`وذي القعدة`: the
/// month table has such names with it, and no month's name begins with و).
fn start_of(token: &AnalysedToken, word: &Word<'_>, f: &Found, norm: &Normalized<'_>) -> usize {
    let start = token.start_without_conjunction(norm);
    let hijri_month = explicit(&f.spec).is_some_and(|ex| ex.hijri && ex.day.is_none());
    let attached = word.norm.strip_prefix('و').filter(|rest| !rest.is_empty() && word.bare() == word.norm);
    match attached {
        Some(rest) if hijri_month && start == token.token.span.start() => {
            let n = token.token.norm;
            norm.to_original(Span::new(n.end() - rest.len(), n.end())).start().max(start)
        }
        _ => start,
    }
}

/// A token that puts its sentence in the future.
fn is_future(w: &Word<'_>) -> bool {
    w.kind == TokenKind::Arabic
        && (w.future_clitic() || tables::Grammar::has(&tables::Tables::builtin().grammar.future, w.core()))
}

/// Whether the word at `k` (مقرر, المقرر) is a rapporteur, not what is scheduled
/// ([`crate::lexicon::rapporteur`]).
fn rapporteur(words: &[Word<'_>], k: usize) -> bool {
    let bare = |j: usize| words.get(j).map(|w| w.bare());
    bare(k + 1).is_some_and(|next| crate::lexicon::rapporteur(words[k].bare(), next, bare(k + 2)))
}

/// Whether the sentence holding token `at`, up to it, speaks of the future.
fn sentence_is_future(words: &[Word<'_>], future: &[bool], at: usize) -> bool {
    for k in (0..at).rev() {
        let w = &words[k];
        if w.kind == TokenKind::Punct && matches!(w.norm, "." | "!" | "?" | "؟") {
            return false;
        }
        // (not the rapporteur: مقرر الأمم المتحدة الخاص, المقرر الخاص)
        if future[k] && !rapporteur(words, k) {
            return true;
        }
        if w.line_start {
            return false;
        }
    }
    false
}

/// A year-less month or date followed by one with a year ("في يناير ونوفمبر 2021", "من 13
/// سبتمبر إلى 15 أكتوبر 2022") takes that year, or the year before when its month comes later
/// in the year; one followed by a month or date placed by a word of relation takes the
/// relation ("بين سبتمبر ويناير الماضيين": both past). Returns the indices of the expressions
/// that took a year.
fn inherit_years(words: &[Word<'_>], found: &mut [Found]) -> Vec<usize> {
    let joiners = &tables::Tables::builtin().grammar.joiners;
    let mut inherited = Vec::new();
    for k in (0..found.len().saturating_sub(1)).rev() {
        let between = &words[found[k].end..found[k + 1].first];
        if between.len() > 2 || !between.iter().all(|w| tables::Grammar::has(joiners, w.norm)) {
            continue;
        }
        let next = explicit(&found[k + 1].spec).copied();
        // Hijri months share their year the same way (`في شعبان وشوال 1439 هـ`), and a
        // Gregorian year written after a Hijri month too (`في شعبان وشوال 2018`)
        if let Some(next) = next.filter(|ex| ex.hijri && ex.year.is_some())
            && let Some(ex) = explicit_mut(&mut found[k].spec)
            && ex.hijri
            && ex.year.is_none()
            && ex.year_rel.is_none()
            && ex.rel.is_none()
        {
            let earlier_year =
                !next.year_other_calendar && ex.month.zip(next.month).is_some_and(|(m, n)| m > n);
            ex.year = next.year.map(|y| if earlier_year { y - 1 } else { y });
            ex.year_other_calendar = next.year_other_calendar;
            inherited.push(k);
            continue;
        }
        let Some(year) = explicit_year(&found[k + 1].spec) else {
            // a year said relative to the year of writing is shared the same way (`في يناير
            // ونوفمبر من العام الماضي`)
            if let Some(next) = next.filter(|ex| ex.year.is_none() && !ex.hijri)
                && let Some(offset) = next.year_rel
                && let Some(ex) = explicit_mut(&mut found[k].spec)
                && ex.year.is_none()
                && ex.year_rel.is_none()
                && ex.rel.is_none()
                && !ex.hijri
            {
                let earlier_year = ex.month.zip(next.month).is_some_and(|(m, n)| m > n);
                ex.year_rel = Some(if earlier_year { offset - 1 } else { offset });
                continue;
            }
            // (within one calendar: `بين شوال ورمضان الماضيين`)
            if let Some(next) = next.filter(|ex| ex.rel.is_some())
                && let Some(ex) = explicit_mut(&mut found[k].spec)
                && ex.year.is_none()
                && ex.rel.is_none()
                && ex.hijri == next.hijri
            {
                ex.rel = next.rel;
            }
            continue;
        };
        let next_month = next.and_then(|ex| ex.month);
        let Some(ex) = explicit_mut(&mut found[k].spec) else { continue };
        if ex.year.is_none() && ex.year_rel.is_none() && !ex.hijri {
            // written in order: a later month before the one with the year is of the year
            // before ("من 13 ديسمبر إلى 15 يناير 2022")
            let earlier_year = ex.month.zip(next_month).is_some_and(|(m, next)| m > next);
            ex.year = Some(if earlier_year { year - 1 } else { year });
            inherited.push(k);
        }
    }
    inherited.reverse();
    inherited
}

/// The written month or date of an expression.
fn explicit(spec: &Spec) -> Option<&Explicit> {
    match spec {
        Spec::Month(ex) => Some(ex),
        Spec::Day(d) => match &d.day {
            DayRef::Explicit(ex) => Some(ex),
            _ => None,
        },
        _ => None,
    }
}

fn explicit_mut(spec: &mut Spec) -> Option<&mut Explicit> {
    match spec {
        Spec::Month(ex) => Some(ex),
        Spec::Day(d) => match &mut d.day {
            DayRef::Explicit(ex) => Some(ex),
            _ => None,
        },
        _ => None,
    }
}

fn explicit_year(spec: &Spec) -> Option<i16> {
    explicit(spec).filter(|ex| !ex.hijri && !ex.year_other_calendar).and_then(|ex| ex.year)
}

/// A local day or time followed by the universal time in brackets ("فجر الثلاثاء في الدقيقة
/// الخامسة (الاثنين 20:05 ت.غ)") takes the bracketed value: it says the same instant exactly.
fn adopt_universal_time(words: &[Word<'_>], resolved: &mut [Option<(resolve::Resolved, &Found)>]) {
    for k in 0..resolved.len().saturating_sub(1) {
        let (Some((_, f)), Some((next, g))) = (&resolved[k], &resolved[k + 1]) else { continue };
        let bracketed = g.first == f.end + 1 && words.get(f.end).is_some_and(|w| w.norm == "(");
        if !bracketed || !matches!(next.value, Timex::DateTime { utc: true, .. }) {
            continue;
        }
        let value = next.value.clone();
        if let Some((r, _)) = &mut resolved[k]
            && r.value.day().is_some()
            && !matches!(r.value, Timex::DateTime { utc: true, .. })
        {
            r.value = value;
        }
    }
}

#[cfg(test)]
mod tests;
