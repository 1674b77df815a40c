//! TIMEX3 values: what a resolved time expression denotes, at the granularity the text gives.

use std::fmt;

use jiff::civil::{Date, Weekday};

use super::tables::DayPart;

/// A resolved time value. `Display` writes the TIMEX3 form (`2022-09-13`, `2022-09`, `2022`,
/// `XXXX-12-07`, `2022-09-12T20:05Z`, `2022-09-12TNI`, `199X`, `2020-FA`, `2022-W36`,
/// `2022-09-15/2022-09-16`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Timex {
    /// A day.
    Date(Date),
    /// A part of a day.
    DayPart(Date, DayPart),
    /// A time of day; `utc` when it is universal time (converted from a named zone or written
    /// in UTC), else local time as written.
    DateTime { date: Date, hour: i8, minute: i8, utc: bool },
    /// A month.
    Month(i16, i8),
    /// A year.
    Year(i16),
    /// A decade, by its first year / 10 (199 for the 1990s).
    Decade(i16),
    /// A season of a year (`SP`, `SU`, `FA`, `WI`).
    Season(i16, &'static str),
    /// An ISO week.
    Week(i16, i8),
    /// A day of a month whose year cannot be known.
    UnknownYearDay(i8, i8),
    /// A month whose year cannot be known.
    UnknownYearMonth(i8),
    /// A weekday whose date cannot be known (no publication date).
    UnknownWeek(Weekday),
    /// A day that cannot be placed (a relative day with no publication date).
    Unknown,
    /// From the first to the second, inclusive.
    Range(Box<Timex>, Box<Timex>),
}

impl Timex {
    /// Whether the value names a time of day (TIMEX3 type TIME) rather than a date.
    pub fn is_time(&self) -> bool {
        match self {
            Timex::DayPart(..) | Timex::DateTime { .. } => true,
            Timex::Range(a, _) => a.is_time(),
            _ => false,
        }
    }

    /// A day inside the value (the middle of a month, the middle of a year), to place a date
    /// that lacks its year near it.
    pub fn approximate_day(&self) -> Option<Date> {
        match self {
            Timex::Month(y, m) => Date::new(*y, *m, 15).ok(),
            Timex::Year(y) => Date::new(*y, 7, 1).ok(),
            Timex::Range(a, _) => a.approximate_day(),
            other => other.day(),
        }
    }

    /// Whether TIMEX3 can write the value: years of four digits, 1 to 9999 ("قبل 30000 عام"
    /// resolves to no such year, and is dropped rather than written as `-27978`).
    pub fn representable(&self) -> bool {
        let year_ok = |y: i16| (1..=9999).contains(&y);
        match self {
            Timex::Date(d) | Timex::DayPart(d, _) | Timex::DateTime { date: d, .. } => year_ok(d.year()),
            Timex::Month(y, _) | Timex::Year(y) | Timex::Season(y, _) | Timex::Week(y, _) => year_ok(*y),
            Timex::Decade(d) => (0..=999).contains(d),
            Timex::Range(a, b) => a.representable() && b.representable(),
            Timex::UnknownYearDay(..)
            | Timex::UnknownYearMonth(_)
            | Timex::UnknownWeek(_)
            | Timex::Unknown => true,
        }
    }

    /// The first day the value covers, when it is a day, a week, a month or a year (or a range
    /// starting with one).
    pub fn first_day(&self) -> Option<Date> {
        match self {
            Timex::Month(y, m) => Date::new(*y, *m, 1).ok(),
            Timex::Year(y) => Date::new(*y, 1, 1).ok(),
            Timex::Week(y, w) => {
                jiff::civil::ISOWeekDate::new(*y, *w, jiff::civil::Weekday::Monday).ok().map(|d| d.date())
            }
            Timex::Range(a, _) => a.first_day(),
            other => other.day(),
        }
    }

    /// The first part of a range (the value itself otherwise).
    pub fn first(self) -> Timex {
        match self {
            Timex::Range(a, _) => *a,
            other => other,
        }
    }

    /// The last part of a range (the value itself otherwise).
    pub fn last(self) -> Timex {
        match self {
            Timex::Range(_, b) => *b,
            other => other,
        }
    }

    /// The day the value falls on, when it names one.
    pub fn day(&self) -> Option<Date> {
        match self {
            Timex::Date(d) | Timex::DayPart(d, _) | Timex::DateTime { date: d, .. } => Some(*d),
            Timex::Range(a, _) => a.day(),
            _ => None,
        }
    }
}

impl fmt::Display for Timex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Timex::Date(d) => write!(f, "{d}"),
            Timex::DayPart(d, p) => write!(f, "{d}T{}", p.code()),
            Timex::DateTime { date, hour, minute, utc } => {
                write!(f, "{date}T{hour:02}:{minute:02}{}", if *utc { "Z" } else { "" })
            }
            Timex::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Timex::Year(y) => write!(f, "{y:04}"),
            Timex::Decade(d) => write!(f, "{d:03}X"),
            Timex::Season(y, s) => write!(f, "{y:04}-{s}"),
            Timex::Week(y, w) => write!(f, "{y:04}-W{w:02}"),
            Timex::UnknownYearDay(m, d) => write!(f, "XXXX-{m:02}-{d:02}"),
            Timex::UnknownYearMonth(m) => write!(f, "XXXX-{m:02}"),
            Timex::UnknownWeek(w) => write!(f, "XXXX-WXX-{}", w.to_monday_one_offset()),
            Timex::Unknown => write!(f, "XXXX-XX-XX"),
            Timex::Range(a, b) => write!(f, "{a}/{b}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn timex3_forms() {
        let d = date(2022, 9, 13);
        assert_eq!(Timex::Date(d).to_string(), "2022-09-13");
        assert_eq!(Timex::DayPart(d, DayPart::Night).to_string(), "2022-09-13TNI");
        assert_eq!(
            Timex::DateTime { date: d, hour: 6, minute: 0, utc: true }.to_string(),
            "2022-09-13T06:00Z"
        );
        assert_eq!(
            Timex::DateTime { date: d, hour: 19, minute: 45, utc: false }.to_string(),
            "2022-09-13T19:45"
        );
        assert_eq!(Timex::Month(2022, 2).to_string(), "2022-02");
        assert_eq!(Timex::Decade(199).to_string(), "199X");
        assert_eq!(Timex::Season(2020, "FA").to_string(), "2020-FA");
        assert_eq!(Timex::Week(2022, 36).to_string(), "2022-W36");
        assert_eq!(Timex::UnknownYearDay(12, 7).to_string(), "XXXX-12-07");
        assert!(Timex::Year(2022).representable());
        assert!(!Timex::Year(-27978).representable());
        assert!(!Timex::Month(10000, 1).representable());
        assert!(!Timex::Range(Box::new(Timex::Year(9999)), Box::new(Timex::Year(10000))).representable());
        assert_eq!(Timex::UnknownWeek(Weekday::Tuesday).to_string(), "XXXX-WXX-2");
        let range =
            Timex::Range(Box::new(Timex::Date(date(2022, 9, 15))), Box::new(Timex::Date(date(2022, 9, 16))));
        assert_eq!(range.to_string(), "2022-09-15/2022-09-16");
        assert!(Timex::DayPart(d, DayPart::Morning).is_time());
        assert!(!Timex::Date(d).is_time());
    }
}
