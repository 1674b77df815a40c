//! Property tests of the time layer.
//!
//! - Whatever the text (noise, or fragments of real time expressions in any order, with or
//!   without a publication date), nothing panics and every expression is a non-empty span on
//!   char boundaries inside the text, in order, none overlapping.
//! - Round trips: a calendar date written in any of the forms Arabic news uses (day, month in
//!   any naming system and year; numeric forms with `/` and `-`; Arabic-Indic digits; the
//!   weekday in front; the month paired with its other name) resolves to that date, anchored
//!   on the text itself, with no conflict.
//! - Relative days: "أمس", "الثلاثاء الماضي", "الخميس المقبل", a bare weekday and a year-less
//!   date land where the calendar says, whatever the publication date.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use marsad_extract::times::{self, Anchor, TimeExpr};
use marsad_text::{Normalizer, Segmenter, analyse};
use proptest::prelude::*;

const MONTHS: &str = include_str!("../../../data/time/months.tsv");
const WEEKDAYS: &str = include_str!("../../../data/time/weekdays.tsv");

/// (spelling, month, ambiguous) rows of a table.
fn rows(table: &'static str) -> Vec<Vec<&'static str>> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
        .collect()
}

fn month_names(month: i8) -> Vec<&'static str> {
    rows(MONTHS).into_iter().filter(|r| r[1].parse::<i8>() == Ok(month)).map(|r| r[0]).collect()
}

fn weekday_name(wd: Weekday) -> &'static str {
    rows(WEEKDAYS)
        .into_iter()
        .find(|r| r[1].parse::<i8>() == Ok(wd.to_monday_one_offset()))
        .map(|r| r[0])
        .expect("every weekday has a name")
}

fn find(text: &str, published: Option<Date>) -> Vec<TimeExpr> {
    let norm = Normalizer::analysis().normalize(text);
    let tokens: Vec<_> = analyse(&norm, norm.full_span(), Segmenter::builtin()).collect();
    times::find(&norm, &[&tokens], published)
}

fn arabic_indic(s: &str) -> String {
    s.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0x0660 + d).unwrap_or(c),
            None => c,
        })
        .collect()
}

const FRAGMENTS: &[&str] = &[
    "فجر",
    "صباح",
    "مساء",
    "ليل",
    "الثلاثاء",
    "الخميس",
    "الماضي",
    "المقبل",
    "أمس",
    "الأول",
    "اليوم",
    "غدا",
    "الليلة",
    "الساعة",
    "التاسعة",
    "بتوقيت",
    "موسكو",
    "ت.غ",
    "(",
    ")",
    "/",
    "-",
    "،",
    ".",
    "من",
    "إلى",
    "في",
    "منذ",
    "قبل",
    "عام",
    "العام",
    "سنوات",
    "أيام",
    "خريف",
    "مطلع",
    "أواخر",
    "التسعينيات",
    "الشهر",
    "الجاري",
    "الأسبوع",
    "سبتمبر",
    "أيلول",
    "تشرين",
    "الثاني",
    "آب",
    "مارس",
    "رمضان",
    "هـ",
    "م",
    "عيد",
    "الفطر",
    "يوم",
    "الموافق",
    "نفسه",
    "السادس",
    "عشر",
    "13",
    "2022",
    "0",
    "99999999999",
    "20:05",
    "06:00",
    "2022/09/13",
    "13-9-2022",
    "١٣",
    "٢٠٢٢",
    "31",
    "29",
    "\n",
    " ",
    "\u{64e}",
    "\u{200f}",
];

fn fragments() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40).prop_map(|v| v.join(" "))
}

fn any_date() -> impl Strategy<Value = Date> {
    (1950i16..2060, 1i8..=12, 1i8..=31).prop_filter_map("a real date", |(y, m, d)| Date::new(y, m, d).ok())
}

fn check_spans(text: &str, found: &[TimeExpr]) -> Result<(), TestCaseError> {
    let mut last = 0;
    for t in found {
        prop_assert!(t.span.start() < t.span.end(), "empty span {:?}", t.span);
        prop_assert!(t.span.end() <= text.len());
        prop_assert!(text.is_char_boundary(t.span.start()) && text.is_char_boundary(t.span.end()));
        prop_assert!(t.span.start() >= last, "overlap or disorder at {:?}", t.span);
        last = t.span.end();
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn noise_never_panics(text in "\\PC{0,200}", published in prop::option::of(any_date())) {
        let found = find(&text, published);
        check_spans(&text, &found)?;
    }

    #[test]
    fn fragments_of_time_expressions_never_panic(
        text in fragments(),
        published in prop::option::of(any_date()),
    ) {
        let found = find(&text, published);
        check_spans(&text, &found)?;
        for t in &found {
            // a value always prints, and without a publication date no year comes from nowhere
            let value = t.value.to_string();
            prop_assert!(!value.is_empty());
            if published.is_none() && t.anchor == Anchor::Published {
                prop_assert!(
                    !value.starts_with(|c: char| c.is_ascii_digit()),
                    "{value} for {:?} without a publication date", t.span.slice(&text)
                );
            }
        }
    }

    #[test]
    fn written_dates_round_trip(
        d in any_date(),
        published in any_date(),
        form in 0usize..8,
        pick in any::<prop::sample::Index>(),
    ) {
        let names = month_names(d.month());
        let name = names[pick.index(names.len())];
        let (y, m, day) = (d.year(), d.month(), d.day());
        let written = match form {
            0 => format!("{day} {name} {y}"),
            1 => format!("{y}/{m:02}/{day:02}"),
            2 => format!("{day}-{m}-{y}"),
            3 => format!("{day}/{m}/{y}"),
            4 => arabic_indic(&format!("{day} {name} {y}")),
            5 => format!("{} {day} {name} {y}", weekday_name(d.weekday())),
            6 => {
                // the month paired with a name of another system: "17 أكتوبر (تشرين الأول)"
                let other = names[(pick.index(names.len()) + 1) % names.len()];
                format!("{day} {name} ({other}) {y}")
            }
            _ => format!("{day} {name} {y}م"),
        };
        let text = format!("وقالت المصادر إن الهجوم وقع في {written}، وأسفر عن قتلى.");
        let found = find(&text, Some(published));
        prop_assert_eq!(found.len(), 1, "{} found {:?}", text, found);
        let t = &found[0];
        prop_assert_eq!(t.value.to_string(), d.to_string(), "{}", text);
        prop_assert_eq!(t.anchor, Anchor::Explicit);
        prop_assert!(t.conflict.is_none(), "{}: {:?}", text, t.conflict);
        prop_assert!(t.span.slice(&text).contains(&arabic_indic(&y.to_string()))
            || t.span.slice(&text).contains(&y.to_string()));
    }

    #[test]
    fn days_relative_to_publication(published in any_date(), wd in 1i8..=7) {
        let weekday = Weekday::from_monday_one_offset(wd).unwrap();
        let name = weekday_name(weekday);
        let day = |text: &str| -> Result<Date, TestCaseError> {
            let found = find(text, Some(published));
            prop_assert_eq!(found.len(), 1, "{} found {:?}", text, found);
            prop_assert_eq!(found[0].anchor, Anchor::Published);
            found[0].value.to_string().parse::<Date>().map_err(|e| TestCaseError::fail(format!("{text}: {e}")))
        };
        prop_assert_eq!(day("وقال المتحدث أمس إن")?, published.yesterday().unwrap());

        let past = day(&format!("منذ {name} الماضي"))?;
        prop_assert_eq!(past.weekday(), weekday);
        prop_assert!((1..=7).contains(&(published - past).get_days()), "{past} for {published}");

        let next = day(&format!("يعقد {name} المقبل"))?;
        prop_assert_eq!(next.weekday(), weekday);
        prop_assert!((1..=7).contains(&(next - published).get_days()), "{next} for {published}");

        // a bare weekday in a past-tense report: the last such day, the day of writing included
        let bare = day(&format!("وقالت الوزارة {name} إن"))?;
        prop_assert_eq!(bare.weekday(), weekday);
        prop_assert!((0..=6).contains(&(published - bare).get_days()), "{bare} for {published}");
    }

    #[test]
    fn year_less_dates_land_near_publication(published in any_date(), m in 1i8..=12, d in 1i8..=28) {
        let name = month_names(m)[0];
        let found = find(&format!("وكان ذلك في {d} {name} حين"), Some(published));
        prop_assert_eq!(found.len(), 1);
        let got: Date = found[0].value.to_string().parse().unwrap();
        prop_assert_eq!((got.month(), got.day()), (m, d));
        // the past is preferred; a date at most two months ahead is read as coming
        let ahead = (got - published).get_days();
        prop_assert!((-366..=62).contains(&ahead), "{got} for {published}");
        // and the same day a year later would be too far ahead
        prop_assert!(got.checked_add(1.year()).unwrap() > published.checked_add(62.days()).unwrap());
    }
}
