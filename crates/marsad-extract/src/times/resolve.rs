//! Placing what a time expression says on the calendar: against the publication date, or the
//! day the context is about, at the granularity the text gives.
//!
//! Choices, all deliberate:
//! - a weekday alone is the last such day on or before the day of writing (news reports what
//!   happened), the next on or after it in a sentence about the future ("سيعقد ... الثلاثاء");
//!   with "الماضي" strictly before, with "المقبل" strictly after;
//! - a day or month without a year is the last one on or before the day of writing, unless it
//!   falls within the next two months ("اللقاء المقرر في 7 ديسمبر", written on 25 November);
//!   "الجاري/الحالي" is the current month or year, "الماضي/المنصرم" the last one before;
//! - with no publication date, nothing is invented: a year-less date is `XXXX-12-07`, a weekday
//!   `XXXX-WXX-2`, a relative day `XXXX-XX-XX`;
//! - a weekday written beside an explicit date that is not its weekday: the date is kept and the
//!   conflict recorded;
//! - a time with a zone is converted to UTC with that zone's rules on that date; a time without
//!   one stays local.

use icu_calendar::Date as IcuDate;
use icu_calendar::Iso;
use icu_calendar::cal::Hijri;
use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;
use jiff::{Span, ToSpan};

use super::scan::{AgoUnit, Clock, DayRef, DaySpec, Explicit, Spec};
use super::tables::{DayPart, Holiday, Period, Relation};
use super::timex::Timex;

/// What a value was resolved against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The text gives it whole (a date with its year).
    Explicit,
    /// Relative to the publication date.
    Published,
    /// Relative to another expression of the text.
    Context,
}

impl Anchor {
    /// The name used in records.
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Explicit => "explicit",
            Anchor::Published => "published",
            Anchor::Context => "context",
        }
    }
}

/// What an expression is resolved against.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Ctx {
    pub published: Option<Date>,
    /// The last day the text placed on the calendar before this expression (in its paragraph).
    pub context_day: Option<Date>,
    /// The last date of any granularity the text gave, to place a year-less Hijri date near.
    pub anchor_day: Option<Date>,
    /// The sentence speaks of the future (سيعقد, من المقرر).
    pub future: bool,
    /// The year was taken from another expression (يناير ونوفمبر 2021).
    pub year_from_context: bool,
}

/// A resolved value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Resolved {
    pub value: Timex,
    pub anchor: Anchor,
    pub conflict: Option<String>,
}

/// Days ahead of the day of writing that a year-less date may still be (a scheduled event).
const LOOKAHEAD_DAYS: i32 = 62;

pub(super) fn resolve(spec: &Spec, ctx: &Ctx) -> Option<Resolved> {
    // a date whose year is said relative to the year of writing (`مارس من العام الماضي`):
    // that year, and the date relative to publication
    let year_of_writing = |ex: &Explicit| {
        let offset = ex.year_rel.filter(|_| ex.year.is_none() && !ex.hijri)?;
        let year = ctx.published?.year().checked_add(i16::from(offset))?;
        Some(Explicit { year: Some(year), year_rel: None, ..*ex })
    };
    let placed = match spec {
        Spec::Month(ex) => year_of_writing(ex).map(Spec::Month),
        Spec::Day(d @ DaySpec { day: DayRef::Explicit(ex), .. }) => {
            year_of_writing(ex).map(|ex| Spec::Day(DaySpec { day: DayRef::Explicit(ex), ..*d }))
        }
        _ => None,
    };
    if let Some(placed) = placed {
        return resolve(&placed, ctx).map(|r| Resolved { anchor: Anchor::Published, ..r });
    }
    // a year of the other calendar than the month's: the year of the month's own calendar
    // that puts the month there
    let own_calendar = |ex: &Explicit| -> Option<Option<Explicit>> {
        if !ex.year_other_calendar {
            return None;
        }
        let year = own_calendar_year(ex);
        Some(year.map(|y| Explicit { year: Some(y), year_other_calendar: false, ..*ex }))
    };
    let converted = match spec {
        Spec::Month(ex) => own_calendar(ex).map(|ex| ex.map(Spec::Month)),
        Spec::Day(d @ DaySpec { day: DayRef::Explicit(ex), .. }) => {
            own_calendar(ex).map(|ex| ex.map(|ex| Spec::Day(DaySpec { day: DayRef::Explicit(ex), ..*d })))
        }
        _ => None,
    };
    if let Some(converted) = converted {
        return resolve(&converted?, ctx);
    }
    let explicit = |value| Resolved { value, anchor: Anchor::Explicit, conflict: None };
    let published = |value| Resolved { value, anchor: Anchor::Published, conflict: None };
    match spec {
        Spec::Day(d) => day(d, ctx),
        Spec::Month(ex) => month(ex, ctx),
        Spec::Year(y) => Some(explicit(Timex::Year(*y))),
        // the Gregorian days from its 1 Muharram to the eve of the next year's
        Spec::HijriYear(y) => {
            let (first, last) = hijri_year_days(i32::from(*y))?;
            Some(explicit(Timex::Range(Box::new(Timex::Date(first)), Box::new(Timex::Date(last)))))
        }
        Spec::Decade(d) => Some(explicit(Timex::Decade(190 + i16::from(*d)))),
        Spec::Season { code, year: Some(y), .. } => Some(explicit(Timex::Season(*y, code))),
        // the season of the year of writing, or of the year before or after it
        Spec::Season { code, year: None, year_rel: Some(offset), .. } => {
            Some(published(Timex::Season(ctx.published?.year().checked_add(i16::from(*offset))?, code)))
        }
        Spec::Season { code, year: None, rel, year_rel: None } => {
            let p = ctx.published?;
            Some(published(Timex::Season(season_year(code, *rel, p), code)))
        }
        Spec::Period { period, rel } => {
            let p = ctx.published?;
            let step = match rel {
                Relation::Past => -1,
                Relation::Next => 1,
                Relation::Current | Relation::Same => 0,
            };
            let value = match period {
                Period::Week => {
                    let d = p.checked_add((7 * step).days()).ok()?;
                    let w = d.iso_week_date();
                    Timex::Week(w.year(), w.week())
                }
                Period::Month => {
                    let d = p.first_of_month().checked_add(step.months()).ok()?;
                    Timex::Month(d.year(), d.month())
                }
                Period::Year => Timex::Year(p.year().checked_add(step as i16)?),
            };
            Some(published(value))
        }
        Spec::Ago { amount, unit } => {
            let p = ctx.published?;
            let n = *amount;
            // a count read from the text may be beyond any span: nothing, not a panic
            let value = match unit {
                AgoUnit::Year => Timex::Year(p.year().checked_sub(i16::try_from(n).ok()?)?),
                AgoUnit::Month => {
                    let d = p.first_of_month().checked_sub(Span::new().try_months(n).ok()?).ok()?;
                    Timex::Month(d.year(), d.month())
                }
                AgoUnit::Week => {
                    let w = p.checked_sub(Span::new().try_weeks(n).ok()?).ok()?.iso_week_date();
                    Timex::Week(w.year(), w.week())
                }
                AgoUnit::Day => Timex::Date(p.checked_sub(Span::new().try_days(n).ok()?).ok()?),
            };
            Some(published(value))
        }
        Spec::Range(a, b) => {
            let a = resolve(a, ctx)?;
            // a year-less last day is placed with the first, not on its own: "25-28 يناير"
            // written on 25 November starts 61 days ahead and ends in the same January
            let b = match (&**b, a.value.day()) {
                (Spec::Day(d @ DaySpec { day: DayRef::Explicit(ex), .. }), Some(start))
                    if ex.year.is_none() =>
                {
                    let ex = Explicit { year: (!ex.hijri).then_some(start.year()), ..*ex };
                    let ctx = Ctx { anchor_day: Some(start), ..*ctx };
                    day(&DaySpec { day: DayRef::Explicit(ex), ..*d }, &ctx)?
                }
                (b, _) => resolve(b, ctx)?,
            };
            // from the first day of the first to the last of the second, when they are
            // ranges themselves (two Hijri years)
            let (from, to) = (a.value.first(), b.value.last());
            Some(Resolved {
                value: Timex::Range(Box::new(from), Box::new(to)),
                anchor: a.anchor,
                conflict: None,
            })
        }
    }
}

/// A day, with its part or time.
fn day(d: &DaySpec, ctx: &Ctx) -> Option<Resolved> {
    let (date, anchor) = match d.day {
        DayRef::Explicit(ex) => match explicit_day(&ex, ctx)? {
            Placed::Day(date, anchor) => (date, anchor),
            Placed::Unknown(value) => {
                return Some(Resolved { value, anchor: Anchor::Published, conflict: None });
            }
        },
        DayRef::Weekday { weekday, rel } => match ctx.published {
            Some(p) => (weekday_near(p, weekday, rel, ctx.future)?, Anchor::Published),
            None => {
                return Some(Resolved {
                    value: Timex::UnknownWeek(weekday),
                    anchor: Anchor::Published,
                    conflict: None,
                });
            }
        },
        DayRef::Relative { offset, weekday } => {
            let Some(p) = ctx.published else {
                return Some(Resolved { value: Timex::Unknown, anchor: Anchor::Published, conflict: None });
            };
            // relative to the day of writing, as TimeML reads them ("الليلة الماضية" in a wire
            // story reprinted the next day is the reprint's night before: the text cannot say)
            let base = p.checked_add(offset.days()).ok()?;
            // "اليوم الجمعة" written on a Saturday: the weekday is the better witness
            let date = match weekday {
                Some(wd) if base.weekday() != wd => nearest_weekday(base, wd, p, offset > 0)?,
                _ => base,
            };
            (date, Anchor::Published)
        }
        DayRef::Holiday(h) => match (h, ctx.published) {
            (_, Some(p)) => (holiday(h, p)?, Anchor::Published),
            // Christmas is on 25 December whatever the year
            (Holiday::Gregorian { month, day }, None) => {
                let value = Timex::UnknownYearDay(month, day);
                return Some(Resolved { value, anchor: Anchor::Published, conflict: None });
            }
            (_, None) => return None,
        },
        DayRef::Context => match (ctx.context_day, ctx.published) {
            (Some(c), _) => (c, Anchor::Context),
            (None, Some(p)) => (p, Anchor::Published),
            (None, None) => {
                return Some(Resolved { value: Timex::Unknown, anchor: Anchor::Context, conflict: None });
            }
        },
        DayRef::Same { offset } => (ctx.context_day?.checked_add(offset.days()).ok()?, Anchor::Context),
    };
    let conflict = d
        .weekday
        .filter(|wd| *wd != date.weekday())
        .map(|wd| format!("{wd:?} is written next to {date}, a {:?}; the date is kept", date.weekday()));
    let (date, part) = if d.night_before {
        (date.checked_sub(1.days()).ok()?, Some(DayPart::Night))
    } else {
        (date, d.part)
    };
    let value = match (d.clock, part) {
        (Some(clock), _) => clock_time(date, clock)?,
        (None, Some(part)) => Timex::DayPart(date, part),
        (None, None) => Timex::Date(date),
    };
    Some(Resolved { value, anchor, conflict })
}

/// Where a written date falls.
enum Placed {
    Day(Date, Anchor),
    /// Its year cannot be known.
    Unknown(Timex),
}

fn explicit_day(ex: &Explicit, ctx: &Ctx) -> Option<Placed> {
    let (m, d) = (ex.month?, ex.day?);
    if ex.hijri {
        let date = match ex.year {
            Some(y) => hijri_to_date(i32::from(y), m as u8, d as u8)?,
            None => nearest_hijri(m as u8, d as u8, ctx.anchor_day.or(ctx.published)?)?,
        };
        let anchor = if ex.year.is_some() {
            if ctx.year_from_context { Anchor::Context } else { Anchor::Explicit }
        } else if ctx.anchor_day.is_some() {
            Anchor::Context
        } else {
            Anchor::Published
        };
        return Some(Placed::Day(date, anchor));
    }
    if let Some(y) = ex.year {
        let anchor = if ctx.year_from_context { Anchor::Context } else { Anchor::Explicit };
        return Some(Placed::Day(Date::new(y, m, d).ok()?, anchor));
    }
    let Some(p) = ctx.published else {
        return Some(Placed::Unknown(Timex::UnknownYearDay(m, d)));
    };
    let in_year = |y: i16| Date::new(y, m, d).ok();
    // the nearest year before or after `y` that has the day (29 February: up to eight years)
    let before = |y: i16| (1..=8).find_map(|k| in_year(y - k));
    let after = |y: i16| (1..=8).find_map(|k| in_year(y + k));
    let date = match ex.rel {
        Some(Relation::Current | Relation::Same) => in_year(p.year())?,
        Some(Relation::Past) => {
            let this = in_year(p.year());
            match this {
                Some(t) if t < p => t,
                _ => before(p.year())?,
            }
        }
        Some(Relation::Next) => match in_year(p.year()) {
            Some(t) if t > p => t,
            _ => after(p.year())?,
        },
        // the last such day, unless the next one is at most LOOKAHEAD_DAYS ahead (across the
        // new year too: "1 يناير" written on 3 December is four weeks ahead)
        None => {
            let soon = |t: &Date| (*t - p).get_days() <= LOOKAHEAD_DAYS;
            match (in_year(p.year() + 1), in_year(p.year())) {
                (Some(t), _) if soon(&t) => t,
                (_, Some(t)) if t <= p || soon(&t) => t,
                _ => before(p.year())?,
            }
        }
    };
    Some(Placed::Day(date, Anchor::Published))
}

/// The year of its own calendar of a month (or a day) whose year is written in the other: of a
/// Hijri month, the Hijri year in which the month (or its day) falls within the Gregorian year
/// (the first, when it falls twice in it); of a Gregorian month, the Gregorian year in which its
/// day lies within the Hijri year, or for a month the one with most of its days in it.
fn own_calendar_year(ex: &Explicit) -> Option<i16> {
    let (y, m) = (ex.year?, ex.month?);
    if ex.hijri {
        let hy = hijri_year_of(Date::new(y, 7, 1).ok()?)?;
        let day = ex.day.map_or(Some(1), |d| u8::try_from(d).ok())?;
        let falls =
            (hy - 1..=hy + 1).find(|&h| hijri_to_date(h, m as u8, day).is_some_and(|d| d.year() == y))?;
        return i16::try_from(falls).ok();
    }
    let (first, last) = hijri_year_days(i32::from(y))?;
    let mut years = [first.year(), last.year()].into_iter();
    match ex.day {
        Some(day) => years.find(|&gy| Date::new(gy, m, day).is_ok_and(|d| first <= d && d <= last)),
        // the month with the most of its days in the Hijri year
        None => {
            let inside = |gy: i16| -> i32 {
                let Ok(start) = Date::new(gy, m, 1) else { return 0 };
                let (from, to) = (start.max(first), start.last_of_month().min(last));
                if to < from { 0 } else { (to - from).get_days() + 1 }
            };
            // (on a tie, the earlier)
            years.max_by_key(|&gy| (inside(gy), -gy)).filter(|&gy| inside(gy) > 0)
        }
    }
}

/// A month of the Hijri calendar without its day: the Gregorian days from its first to its
/// last. Its year is written, or relative to the year of writing (`رمضان من العام الماضي`:
/// the month as it begins in the Gregorian year before), or is that of the last such month
/// before the day of writing or of the next, as for a Gregorian month ([`month`]); in a
/// sentence of the future, the coming one.
fn hijri_month(ex: &Explicit, ctx: &Ctx) -> Option<Resolved> {
    let m = u8::try_from(ex.month?).ok()?;
    let (year, anchor) = match (ex.year, ex.year_rel) {
        (Some(y), _) => {
            (i32::from(y), if ctx.year_from_context { Anchor::Context } else { Anchor::Explicit })
        }
        (None, Some(offset)) => {
            let y = ctx.published?.year().checked_add(i16::from(offset))?;
            let ex = Explicit { year: Some(y), year_rel: None, year_other_calendar: true, ..*ex };
            (i32::from(own_calendar_year(&ex)?), Anchor::Published)
        }
        (None, None) => {
            let p = ctx.published?;
            let (py, pm) = hijri_month_of(p)?;
            let y = match ex.rel {
                Some(Relation::Current | Relation::Same) => py,
                Some(Relation::Past) => py - i32::from(m >= pm),
                Some(Relation::Next) => py + i32::from(m <= pm),
                // in a sentence of the future, the coming one (this one included)
                None if ctx.future => py + i32::from(m < pm),
                None => {
                    let ahead = (i32::from(m) - i32::from(pm)).rem_euclid(12);
                    match ahead {
                        1 | 2 if m > pm => py,
                        1 | 2 => py + 1,
                        _ if m <= pm => py,
                        _ => py - 1,
                    }
                }
            };
            (y, Anchor::Published)
        }
    };
    let first = hijri_to_date(year, m, 1)?;
    let next = if m == 12 { hijri_to_date(year + 1, 1, 1)? } else { hijri_to_date(year, m + 1, 1)? };
    let last = next.yesterday().ok()?;
    let value = Timex::Range(Box::new(Timex::Date(first)), Box::new(Timex::Date(last)));
    Some(Resolved { value, anchor, conflict: None })
}

fn month(ex: &Explicit, ctx: &Ctx) -> Option<Resolved> {
    let m = ex.month?;
    if ex.hijri {
        return hijri_month(ex, ctx);
    }
    if let Some(y) = ex.year {
        let anchor = if ctx.year_from_context { Anchor::Context } else { Anchor::Explicit };
        return Some(Resolved { value: Timex::Month(y, m), anchor, conflict: None });
    }
    let Some(p) = ctx.published else {
        return Some(Resolved {
            value: Timex::UnknownYearMonth(m),
            anchor: Anchor::Published,
            conflict: None,
        });
    };
    let (py, pm) = (p.year(), p.month());
    let y = match ex.rel {
        Some(Relation::Current | Relation::Same) => py,
        Some(Relation::Past) => {
            if m < pm {
                py
            } else {
                py - 1
            }
        }
        Some(Relation::Next) => {
            if m > pm {
                py
            } else {
                py + 1
            }
        }
        // the last such month (this one included), unless the next one is at most two
        // months ahead, across the new year too ("في يناير" written in December)
        None => {
            let ahead = (m - pm).rem_euclid(12);
            match ahead {
                1 | 2 if m > pm => py,
                1 | 2 => py + 1,
                _ if m <= pm => py,
                _ => py - 1,
            }
        }
    };
    Some(Resolved { value: Timex::Month(y, m), anchor: Anchor::Published, conflict: None })
}

/// The weekday `wd` near `p`.
fn weekday_near(p: Date, wd: Weekday, rel: Option<Relation>, future: bool) -> Option<Date> {
    match rel {
        Some(Relation::Past) => p.nth_weekday(-1, wd).ok(),
        Some(Relation::Next) => p.nth_weekday(1, wd).ok(),
        _ if future => {
            if p.weekday() == wd {
                Some(p)
            } else {
                p.nth_weekday(1, wd).ok()
            }
        }
        _ => on_or_before(p, wd),
    }
}

fn on_or_before(p: Date, wd: Weekday) -> Option<Date> {
    if p.weekday() == wd { Some(p) } else { p.nth_weekday(-1, wd).ok() }
}

/// The weekday `wd` nearest `base`, on the side of the day of writing `p` the text points to:
/// not before it for a day to come (`ahead`: "غدا الخميس"), else not after it.
fn nearest_weekday(base: Date, wd: Weekday, p: Date, ahead: bool) -> Option<Date> {
    let after = i32::from(wd.since(base.weekday()));
    let date = base.checked_add((if after <= 3 { after } else { after - 7 }).days()).ok()?;
    if ahead && date < p {
        date.checked_add(7.days()).ok()
    } else if !ahead && date > p {
        date.checked_sub(7.days()).ok()
    } else {
        Some(date)
    }
}

/// The year of a season, relative to `p`: "الصيف الماضي" written in August is last year's.
fn season_year(code: &str, rel: Option<Relation>, p: Date) -> i16 {
    // the month after the season's last (winter ends in February of the next year)
    let ends_before = match code {
        "SP" => 6,
        "SU" => 9,
        "FA" => 12,
        _ => 3,
    };
    let started = match code {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    };
    // January and February are in the winter named by the December before them
    let (y, month) = if code == "WI" && p.month() < 3 { (p.year() - 1, 12) } else { (p.year(), p.month()) };
    match rel {
        Some(Relation::Past) => {
            if code != "WI" && month >= ends_before {
                y
            } else {
                y - 1
            }
        }
        Some(Relation::Next) => {
            if month < started {
                y
            } else {
                y + 1
            }
        }
        _ => y,
    }
}

/// A time of day on `date`, converted to UTC when its zone is known.
fn clock_time(date: Date, clock: Clock) -> Option<Timex> {
    let (date, hour) =
        if clock.hour == 24 { (date.checked_add(1.days()).ok()?, 0) } else { (date, clock.hour) };
    let local = |date: Date, hour, minute, utc| Timex::DateTime { date, hour, minute, utc };
    match clock.zone {
        None => Some(local(date, hour, clock.minute, false)),
        Some("UTC") => Some(local(date, hour, clock.minute, true)),
        Some(zone) => {
            let tz = TimeZone::get(zone).ok()?;
            let zoned = date.at(hour, clock.minute, 0, 0).to_zoned(tz).ok()?;
            let utc = zoned.with_time_zone(TimeZone::UTC);
            Some(local(utc.date(), utc.hour(), utc.minute(), true))
        }
    }
}

/// A feast's date nearest the day of writing (the last one, unless the next is within a week).
fn holiday(h: Holiday, p: Date) -> Option<Date> {
    let candidates: Vec<Date> = match h {
        Holiday::Gregorian { month, day } => {
            (p.year() - 1..=p.year() + 1).filter_map(|y| Date::new(y, month, day).ok()).collect()
        }
        Holiday::Hijri { month, day } => {
            let hy = hijri_year_of(p)?;
            (hy - 1..=hy + 1).filter_map(|y| hijri_to_date(y, month, day)).collect()
        }
        Holiday::Easter { offset } => (p.year() - 1..=p.year() + 1)
            .flat_map(|y| [western_easter(y), orthodox_easter(y)])
            .flatten()
            .filter_map(|e| e.checked_add(offset.days()).ok())
            .collect(),
    };
    let soon = p.checked_add(7.days()).ok()?;
    candidates.iter().copied().filter(|d| *d <= soon).max().or_else(|| candidates.iter().copied().min())
}

fn hijri_to_date(year: i32, month: u8, day: u8) -> Option<Date> {
    let h = IcuDate::try_new_hijri_with_calendar(year, month, day, Hijri::new_umm_al_qura()).ok()?;
    let iso = h.to_calendar(Iso);
    let year = i16::try_from(iso.year().extended_year()).ok()?;
    Date::new(year, iso.month().ordinal as i8, iso.day_of_month().0 as i8).ok()
}

/// The Gregorian days of Hijri year `y`: from its 1 Muharram to the eve of the next year's.
fn hijri_year_days(y: i32) -> Option<(Date, Date)> {
    Some((hijri_to_date(y, 1, 1)?, hijri_to_date(y + 1, 1, 1)?.yesterday().ok()?))
}

fn hijri_year_of(date: Date) -> Option<i32> {
    hijri_month_of(date).map(|(y, _)| y)
}

/// The Hijri year and month of a day.
fn hijri_month_of(date: Date) -> Option<(i32, u8)> {
    let iso = IcuDate::try_new_iso(i32::from(date.year()), date.month() as u8, date.day() as u8).ok()?;
    let h = iso.to_calendar(Hijri::new_umm_al_qura());
    Some((h.year().extended_year(), h.month().ordinal))
}

/// The Hijri date `month`/`day` of the Hijri year nearest `anchor`.
fn nearest_hijri(month: u8, day: u8, anchor: Date) -> Option<Date> {
    let hy = hijri_year_of(anchor)?;
    (hy - 1..=hy + 1)
        .filter_map(|y| hijri_to_date(y, month, day))
        .min_by_key(|d| (*d - anchor).get_days().abs())
}

/// Western Easter Sunday (the anonymous Gregorian algorithm).
fn western_easter(y: i16) -> Option<Date> {
    let y = i32::from(y);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(y as i16, month as i8, day as i8).ok()
}

/// Orthodox Easter Sunday (Meeus's Julian algorithm, moved to the Gregorian calendar).
fn orthodox_easter(y: i16) -> Option<Date> {
    let yy = i32::from(y);
    let a = yy % 4;
    let b = yy % 7;
    let c = yy % 19;
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    // Julian to Gregorian: 13 days in the 1900s and 2000s
    Date::new(y, month as i8, day as i8).ok()?.checked_add(13.days()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn easter() {
        assert_eq!(western_easter(2017), Some(date(2017, 4, 16)));
        assert_eq!(orthodox_easter(2017), Some(date(2017, 4, 16)));
        assert_eq!(western_easter(2022), Some(date(2022, 4, 17)));
        assert_eq!(orthodox_easter(2022), Some(date(2022, 4, 24)));
    }

    #[test]
    fn hijri() {
        // 1 Ramadan 1443 (Umm al-Qura) was 2 April 2022
        assert_eq!(hijri_to_date(1443, 9, 15), Some(date(2022, 4, 16)));
        assert_eq!(hijri_year_of(date(2022, 4, 16)), Some(1443));
        // Ashura near December 2011
        let d = nearest_hijri(1, 10, date(2011, 12, 1)).unwrap();
        assert!(d >= date(2011, 12, 4) && d <= date(2011, 12, 7), "{d}");
    }

    #[test]
    fn weekdays_look_back_unless_the_sentence_looks_ahead() {
        let tue = date(2022, 9, 13);
        assert_eq!(weekday_near(tue, Weekday::Tuesday, None, false), Some(tue));
        assert_eq!(weekday_near(tue, Weekday::Thursday, None, false), Some(date(2022, 9, 8)));
        assert_eq!(weekday_near(tue, Weekday::Thursday, None, true), Some(date(2022, 9, 15)));
        assert_eq!(weekday_near(tue, Weekday::Tuesday, Some(Relation::Past), false), Some(date(2022, 9, 6)));
        assert_eq!(weekday_near(tue, Weekday::Tuesday, Some(Relation::Next), false), Some(date(2022, 9, 20)));
    }

    #[test]
    fn zones_convert_with_their_rules() {
        let d = date(2022, 9, 13);
        let moscow = clock_time(d, Clock { hour: 9, minute: 0, zone: Some("Europe/Moscow") }).unwrap();
        assert_eq!(moscow.to_string(), "2022-09-13T06:00Z");
        let yerevan = clock_time(d, Clock { hour: 0, minute: 5, zone: Some("Asia/Yerevan") }).unwrap();
        assert_eq!(yerevan.to_string(), "2022-09-12T20:05Z");
        let local = clock_time(d, Clock { hour: 19, minute: 45, zone: None }).unwrap();
        assert_eq!(local.to_string(), "2022-09-13T19:45");
    }

    #[test]
    fn seasons() {
        assert_eq!(season_year("SU", Some(Relation::Past), date(2015, 8, 1)), 2014);
        assert_eq!(season_year("SU", Some(Relation::Past), date(2015, 10, 1)), 2015);
        assert_eq!(season_year("FA", None, date(2020, 10, 1)), 2020);
    }

    #[test]
    fn a_winter_is_named_by_the_year_of_its_december() {
        // in January 2023 the winter of 2022 (December 2022 to February 2023) is under way
        let jan = date(2023, 1, 15);
        assert_eq!(season_year("WI", Some(Relation::Past), jan), 2021);
        assert_eq!(season_year("WI", Some(Relation::Current), jan), 2022);
        assert_eq!(season_year("WI", Some(Relation::Next), jan), 2023);
        let dec = date(2022, 12, 20);
        assert_eq!(season_year("WI", Some(Relation::Past), dec), 2021);
        assert_eq!(season_year("WI", Some(Relation::Current), dec), 2022);
        assert_eq!(season_year("WI", Some(Relation::Next), dec), 2023);
        assert_eq!(season_year("WI", Some(Relation::Past), date(2023, 3, 10)), 2022);
    }
}
