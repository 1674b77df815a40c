//! Calendar tables (month names in every naming system used by Arabic media, weekdays) and the
//! few date patterns the cleaner and the publication-date finder need: a date line
//! (`الثلاثاء 2022/09/13`) and a day-relative lede date (`أمس الخميس 15 سبتمبر 2022`).
//!
//! Everything here works on normalised line keys (see [`crate::lexicon::phrase_key`]).

use jiff::civil::{Date, Weekday};
use marsad_text::Normalizer;
use regex::Regex;

use crate::lexicon;

const MONTHS: &str = include_str!("../../../data/time/months.tsv");
const WEEKDAYS: &str = include_str!("../../../data/time/weekdays.tsv");

/// Month and weekday names, and the patterns built from them.
#[derive(Debug)]
pub struct DateTables {
    months: Vec<(String, i8)>,
    weekdays: Vec<(String, Weekday)>,
    /// `WEEKDAY? DATE` filling a whole line.
    date_line: Regex,
    /// `أمس|اليوم WEEKDAY DD MONTH YYYY` anywhere in a line.
    relative: Regex,
    /// A weekday set off by commas: `، الثلاثاء،` (a lede's day mention).
    comma_weekday: Regex,
}

impl DateTables {
    /// The tables shipped in `data/time/`.
    pub fn builtin(normalizer: &Normalizer) -> DateTables {
        let months: Vec<(String, i8)> = lexicon::tsv_rows(MONTHS)
            .filter_map(|row| {
                let month: i8 = row.get(1)?.parse().ok()?;
                Some((lexicon::phrase_key(normalizer, row.first()?), month))
            })
            .collect();
        let weekdays: Vec<(String, Weekday)> = lexicon::tsv_rows(WEEKDAYS)
            .filter_map(|row| {
                let iso: i8 = row.get(1)?.parse().ok()?;
                let day = Weekday::from_monday_one_offset(iso).ok()?;
                Some((lexicon::phrase_key(normalizer, row.first()?), day))
            })
            .collect();
        let alt = |names: Vec<&String>| {
            let mut names: Vec<&String> = names;
            // longest first so that "تشرين الأول" wins over a shorter overlapping name
            names.sort_by_key(|n| std::cmp::Reverse(n.len()));
            names.iter().map(|n| regex::escape(n)).collect::<Vec<_>>().join("|")
        };
        let month_alt = alt(months.iter().map(|(n, _)| n).collect());
        let weekday_alt = alt(weekdays.iter().map(|(n, _)| n).collect());
        // a textual date: 15 سبتمبر 2022, optionally with "(أيلول)" and a trailing م
        let textual = format!(
            r"(?P<d>\d{{1,2}})\s+(?:من\s+)?(?P<m>{month_alt})(?:\s*[(/]\s*(?:{month_alt})\s*\)?)?\s*[،,]?\s+(?:عام\s+)?(?P<y>\d{{4}})(?:\s*م)?\b"
        );
        let numeric = r"(?P<ny>\d{4})\s*[/.-]\s*(?P<nm>\d{1,2})\s*[/.-]\s*(?P<nd>\d{1,2})|(?P<rd>\d{1,2})\s*[/.-]\s*(?P<rm>\d{1,2})\s*[/.-]\s*(?P<ry>\d{4})";
        let date_line = Regex::new(&format!(
            r"^(?:(?:يوم\s+)?(?P<w>{weekday_alt})\s*[،,-]?\s*)?(?:{textual}|{numeric})(?:\s*[-|،,]?\s*(?:\d{{1,2}}:\d{{2}}(?:\s*(?:ص|م|am|pm))?)?)?\s*$"
        ))
        .expect("date-line pattern is built from escaped table entries");
        let relative = Regex::new(&format!(
            r"(?:^|\s)(?P<rel>امس|اليوم)\s+(?:(?:الماضي|الاول)\s+)?(?P<w>{weekday_alt})\s*[،,]?\s*(?:الموافق\s+|في\s+)?{textual}"
        ))
        .expect("relative-date pattern is built from escaped table entries");
        let comma_weekday = Regex::new(&format!(
            r"[،,]\s*(?:(?:مساء|صباح|فجر|ليل|ليلة|ظهر|يوم)\s+)?(?:{weekday_alt})\s*[،,]"
        ))
        .expect("weekday pattern is built from escaped table entries");
        DateTables { months, weekdays, date_line, relative, comma_weekday }
    }

    fn month(&self, key: &str) -> Option<i8> {
        self.months.iter().find(|(n, _)| n == key).map(|&(_, m)| m)
    }

    fn weekday(&self, key: &str) -> Option<Weekday> {
        self.weekdays.iter().find(|(n, _)| n == key).map(|&(_, d)| d)
    }

    fn textual_date(&self, caps: &regex::Captures<'_>) -> Option<Date> {
        let day: i8 = caps.name("d")?.as_str().parse().ok()?;
        let month = self.month(caps.name("m")?.as_str())?;
        let year: i16 = caps.name("y")?.as_str().parse().ok()?;
        Date::new(year, month, day).ok()
    }

    /// When the whole line is a date (with an optional weekday and time), the date and the
    /// weekday written with it.
    pub fn date_line(&self, key: &str) -> Option<DateLine> {
        // a date line is short and has digits: most lines are rejected without the regex
        if key.len() > 80 || !key.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        let caps = self.date_line.captures(key)?;
        let date = if caps.name("d").is_some() {
            self.textual_date(&caps)?
        } else if let Some(y) = caps.name("ny") {
            let y: i16 = y.as_str().parse().ok()?;
            let m: i8 = caps.name("nm")?.as_str().parse().ok()?;
            let d: i8 = caps.name("nd")?.as_str().parse().ok()?;
            Date::new(y, m, d).ok()?
        } else {
            let y: i16 = caps.name("ry")?.as_str().parse().ok()?;
            let m: i8 = caps.name("rm")?.as_str().parse().ok()?;
            let d: i8 = caps.name("rd")?.as_str().parse().ok()?;
            Date::new(y, m, d).ok()?
        };
        let weekday = caps.name("w").and_then(|w| self.weekday(w.as_str()));
        Some(DateLine { date, weekday })
    }

    /// A publication date implied by `أمس الخميس 15 سبتمبر 2022` (the day after) or
    /// `اليوم الثلاثاء 13 سبتمبر 2022` (that day) in a line; the key range of the expression.
    /// The weekday must agree with the date, or the expression proves nothing.
    pub fn relative_publication(&self, key: &str) -> Option<(std::ops::Range<usize>, Date)> {
        if !(key.contains("امس") || key.contains("اليوم")) {
            return None;
        }
        for caps in self.relative.captures_iter(key) {
            let Some(date) = self.textual_date(&caps) else {
                continue;
            };
            let Some(weekday) = caps.name("w").and_then(|w| self.weekday(w.as_str())) else {
                continue;
            };
            if date.weekday() != weekday {
                continue;
            }
            let published = match caps.name("rel").map(|m| m.as_str()) {
                Some("امس") => match date.tomorrow() {
                    Ok(next) => next,
                    Err(_) => continue,
                },
                _ => date,
            };
            let whole = caps.get(0)?;
            let start = caps.name("rel").map_or(whole.start(), |m| m.start());
            return Some((start..whole.end(), published));
        }
        None
    }

    /// A cheap test on original text: whether it may hold a day-relative publication date
    /// (it names yesterday or today), so that most paragraphs need no key.
    pub fn may_hold_relative_publication(&self, original: &str) -> bool {
        original.contains("مس") || original.contains("ليوم")
    }

    /// Whether a weekday set off by commas occurs in `key` (`قال ...، الأحد، إن`).
    pub fn has_comma_weekday(&self, key: &str) -> bool {
        self.comma_weekday.is_match(key)
    }
}

/// A line that is only a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateLine {
    /// The date written.
    pub date: Date,
    /// The weekday written before it, if any.
    pub weekday: Option<Weekday>,
}

impl DateLine {
    /// Whether the weekday written, if any, is the date's own.
    pub fn weekday_agrees(&self) -> bool {
        self.weekday.is_none_or(|w| w == self.date.weekday())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn tables() -> (Normalizer, DateTables) {
        let n = Normalizer::analysis();
        let t = DateTables::builtin(&n);
        (n, t)
    }

    #[test]
    fn date_lines() {
        let (n, t) = tables();
        let key = |s: &str| lexicon::phrase_key(&n, s);
        let dl = t.date_line(&key("الثلاثاء 2022/09/13")).unwrap();
        assert_eq!(dl.date, date(2022, 9, 13));
        assert_eq!(dl.weekday, Some(Weekday::Tuesday));
        assert_eq!(t.date_line(&key("13-9-2022")).unwrap().date, date(2022, 9, 13));
        assert_eq!(t.date_line(&key("١٥ سبتمبر ٢٠٢٢")).unwrap().date, date(2022, 9, 15));
        assert_eq!(t.date_line(&key("الأحد 17 أكتوبر (تشرين الأول) 2021م")).unwrap().date, date(2021, 10, 17));
        // a sentence with a date in it is not a date line
        assert!(t.date_line(&key("وقع الهجوم في 13 سبتمبر 2022 على الحدود")).is_none());
        // an impossible date is not a date
        assert!(t.date_line(&key("2022/02/30")).is_none());
        // a year is four digits, not the start of a longer number
        assert!(t.date_line(&key("15 سبتمبر 20223")).is_none());
        assert_eq!(t.date_line(&key("15 سبتمبر 2022م")).unwrap().date, date(2022, 9, 15));
    }

    #[test]
    fn yesterday_with_weekday_gives_the_next_day() {
        let (n, t) = tables();
        let key = lexicon::phrase_key(&n, "نشرت صحيفة “بولتيكو“، أمس الخميس 15 سبتمبر 2022، خبرًا");
        let (range, published) = t.relative_publication(&key).unwrap();
        assert_eq!(published, date(2022, 9, 16));
        assert!(key[range].starts_with("امس"));
    }

    #[test]
    fn a_weekday_that_disagrees_proves_nothing() {
        let (n, t) = tables();
        // 15 September 2022 was a Thursday, not a Friday
        let key = lexicon::phrase_key(&n, "أمس الجمعة 15 سبتمبر 2022");
        assert!(t.relative_publication(&key).is_none());
    }

    #[test]
    fn comma_weekday() {
        let (n, t) = tables();
        assert!(t.has_comma_weekday(&lexicon::phrase_key(&n, "رحب مصدر سعودي مسؤول، الجمعة، بما")));
        assert!(t.has_comma_weekday(&lexicon::phrase_key(&n, "انتقد نصرالله، مساء الثلاثاء، ما")));
        assert!(!t.has_comma_weekday(&lexicon::phrase_key(&n, "يوم الجمعة الماضي")));
    }
}
