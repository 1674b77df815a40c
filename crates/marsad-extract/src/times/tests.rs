use jiff::civil::date;
use marsad_text::{Normalizer, Segmenter, analyse};

use super::*;

/// The expressions of a whole normalised text as one paragraph.
fn find_in(norm: &marsad_text::Normalized<'_>, published: Option<Date>) -> Vec<TimeExpr> {
    let tokens: Vec<_> = analyse(norm, norm.full_span(), Segmenter::builtin()).collect();
    find(norm, &[&tokens], published)
}

/// The expressions of `text` written on `published`, as `(text, value)` pairs.
fn times(text: &str, published: Option<Date>) -> Vec<(String, String)> {
    let norm = Normalizer::analysis().normalize(text);
    find_in(&norm, published)
        .into_iter()
        .map(|t| (t.span.slice(text).to_string(), t.value.to_string()))
        .collect()
}

fn one(text: &str, published: Date) -> (String, String) {
    let mut all = times(text, Some(published));
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    all.remove(0)
}

fn value(text: &str, published: Date) -> String {
    one(text, published).1
}

const TUE: fn() -> Date = || date(2022, 9, 13);

#[test]
fn explicit_dates_in_every_naming_system() {
    let p = TUE();
    assert_eq!(value("في 13 سبتمبر 2022", p), "2022-09-13");
    assert_eq!(value("في 13 أيلول 2022", p), "2022-09-13");
    assert_eq!(value("في 1 جانفي 2022", p), "2022-01-01");
    assert_eq!(value("في 7 أوت 2021", p), "2021-08-07");
    assert_eq!(value("في 28 أيلول/سبتمبر 2015", p), "2015-09-28");
    assert_eq!(value("منذ هجوم 14 أكتوبر/ تشرين الأول", date(2018, 2, 24)), "2017-10-14");
    assert_eq!(
        one("إصابته في 17 أكتوبر (تشرين الأول). وبحسب", date(2020, 10, 24)),
        ("17 أكتوبر (تشرين الأول)".into(), "2020-10-17".into())
    );
    assert_eq!(value("في 5 اغسطس 2022", p), "2022-08-05");
    assert_eq!(value("في 5 أوغسطس 2022", p), "2022-08-05");
    assert_eq!(value("عام 2022م", p), "2022");
}

#[test]
fn numeric_dates() {
    let p = TUE();
    assert_eq!(value("الثلاثاء 2022/09/13", p), "2022-09-13");
    assert_eq!(value("في 13-9-2022", p), "2022-09-13");
    assert_eq!(value("في ١٣/٩/٢٠٢٢", p), "2022-09-13");
}

#[test]
fn weekdays_and_relative_days() {
    let p = TUE();
    assert_eq!(value("وقالت الوزارة الثلاثاء إن", p), "2022-09-13");
    assert_eq!(value("وقالت الوزارة الخميس إن", p), "2022-09-08");
    assert_eq!(value("منذ الثلاثاء الماضي", p), "2022-09-06");
    assert_eq!(value("يعقد الخميس المقبل", p), "2022-09-15");
    assert_eq!(value("وقال أمس إن", p), "2022-09-12");
    assert_eq!(value("وقال أمس الأول إن", p), "2022-09-11");
    assert_eq!(value("ويعقد غدا", p), "2022-09-14");
    assert_eq!(one("نشرت أمس الخميس 15 سبتمبر 2022، خبرا", date(2022, 9, 16)).1, "2022-09-15");
    assert_eq!(value("منذ الثلاثاء الماضي 13 سبتمبر 2022، أسفر", date(2022, 9, 16)), "2022-09-13");
    // "اليوم الجمعة" written on a Saturday: the weekday is the better witness
    assert_eq!(value("قتلوا اليوم الجمعة عندما", date(2015, 8, 1)), "2015-07-31");
    // a sentence about the future looks ahead
    assert_eq!(value("وسيعقد المجلس اجتماعا الخميس", p), "2022-09-15");
}

#[test]
fn parts_of_the_day() {
    let p = TUE();
    assert_eq!(value("دارت فجر الثلاثاء", p), "2022-09-13TMO");
    assert_eq!(value("وتواصلت صباح الثلاثاء", p), "2022-09-13TMO");
    assert_eq!(value("اندلعت الليلة الماضية", p), "2022-09-12TNI");
    assert_eq!(value("كمين ليل الاثنين في", p), "2022-09-12TNI");
    assert_eq!(value("مساء الخميس الماضي", date(2018, 7, 22)), "2018-07-19TEV");
    assert_eq!(value("في الساعات الأولى من صباح السبت", date(2018, 2, 24)), "2018-02-24TMO");
    assert_eq!(value("منذ ليل الخميس-الجمعة", date(2015, 8, 9)), "2015-08-06TNI");
    assert_eq!(value("مساء أمس", date(2015, 8, 11)), "2015-08-10TEV");
    assert_eq!(value("صباح اليوم", date(2018, 8, 25)), "2018-08-25TMO");
    // a bare adverb takes the day in context; "ليلا" the night before it
    assert_eq!(
        times("قتل 12 شخصا أمس الأربعاء في غارات وقعت صباحا", Some(date(2015, 7, 23)))[1].1,
        "2015-07-22TMO"
    );
    assert_eq!(times("اجتماعا الثلاثاء، وأن باشينيان اتصل ببوتين ليلاً", Some(TUE()))[1].1, "2022-09-12TNI");
}

#[test]
fn times_of_day_with_zones() {
    let p = TUE();
    let all = times("لوقف إطلاق النار ابتداء من الساعة التاسعة بتوقيت موسكو (06:00 ت.غ)", Some(p));
    let values: Vec<&str> = all.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(values, ["2022-09-13T06:00Z", "2022-09-13T06:00Z"]);
    let all = times("إن \"فجر الثلاثاء في الدقيقة الخامسة (الاثنين 20:05 ت.غ) شنّت أذربيجان", Some(p));
    let values: Vec<&str> = all.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(values, ["2022-09-12T20:05Z", "2022-09-12T20:05Z"]);
    assert_eq!(
        value("وقع الهجوم الساعة 21,00 (20,00 ت غ) من الخميس", date(2018, 7, 22)),
        "2018-07-19T20:00Z"
    );
    assert_eq!(value("عند الساعة 19,45 من السبت قام رجل", date(2015, 7, 26)), "2015-07-25T19:45");
    assert_eq!(value("تبدأ الساعة 16:00", p), "2022-09-13T16:00");
}

#[test]
fn periods_seasons_decades_and_years() {
    let p = TUE();
    assert_eq!(value("والأسبوع الماضي، اتهمت", p), "2022-W36");
    assert_eq!(value("هذا الأسبوع", date(2015, 8, 9)), "2015-W32");
    assert_eq!(value("خلال الشهر الماضي", date(2016, 11, 2)), "2016-10");
    assert_eq!(value("مطلع الشهر الجاري، عقدت", date(2022, 11, 25)), "2022-11");
    assert_eq!(value("وقال في وقت سابق الشهر الحالي", date(2020, 10, 24)), "2020-10");
    assert_eq!(value("العام الماضي", date(2015, 8, 4)), "2014");
    assert_eq!(value("هذا العام", date(2018, 4, 1)), "2018");
    assert_eq!(value("بنهاية العام", date(2018, 5, 2)), "2018");
    assert_eq!(value("في أوائل عام 2018", p), "2018");
    assert_eq!(value("في أواخر فبراير", date(2022, 11, 25)), "2022-02");
    assert_eq!(value("في خريف 2020 الحرب", p), "2020-FA");
    assert_eq!(value("في خريف العام 2020 حول", p), "2020-FA");
    assert_eq!(value("الصيف الماضي", date(2015, 8, 1)), "2014-SU");
    // a season in the year of writing, or the year before or after it
    assert_eq!(one("خلال صيف العام الماضي وأصابت", date(2018, 5, 6)).0, "صيف العام الماضي");
    assert_eq!(value("خلال صيف العام الماضي وأصابت", date(2018, 5, 6)), "2017-SU");
    assert_eq!(value("في خريف هذا العام، عن", date(2018, 5, 20)), "2018-FA");
    assert_eq!(value("بحلول الخريف من هذا العام.", date(2018, 4, 28)), "2018-FA");
    assert_eq!(value("في صيف العام المقبل.", date(2018, 3, 25)), "2019-SU");
    assert_eq!(value("قتيل مطلع التسعينات، تواجهت", p), "199X");
    assert_eq!(value("مطلع التسعينيات من القرن الماضي", p), "199X");
    assert_eq!(value("منذ 2020، وجهت", p), "2020");
    assert_eq!(value("في العام 2020 التي", p), "2020");
    assert_eq!(value("قبل قرابة 7 سنوات", date(2018, 2, 24)), "2011");
    assert_eq!(value("قبل عامين", date(2018, 2, 24)), "2016");
    assert_eq!(value("قبل ثلاثة أيام", p), "2022-09-10");
}

#[test]
fn months_and_year_less_dates() {
    let p = date(2022, 11, 25);
    assert_eq!(value("في 7 ديسمبر لن يعقد", p), "2022-12-07");
    assert_eq!(value("في 12 نوفمبر الجاري، أجرى", p), "2022-11-12");
    assert_eq!(value("كما حصل في سبتمبر، حين", p), "2022-09");
    assert_eq!(value("السادس من أكتوبر علييف", p), "2022-10-06");
    assert_eq!(value("في 27 سبتمبر (أيلول) المنصرم", date(2020, 10, 24)), "2020-09-27");
    assert_eq!(value("فجر يوم 17 أكتوبر المنصرم", date(2016, 11, 2)), "2016-10-17TMO");
    assert_eq!(value("في 30 آذار/مارس الماضي", date(2018, 10, 12)), "2018-03-30");
    assert_eq!(value("شهر يوليو", date(2015, 8, 1)), "2015-07");
    // a date or month up to two months ahead is coming, across the new year too
    assert_eq!(value("تبدأ في 1 يناير", date(2021, 12, 3)), "2022-01-01");
    assert_eq!(value("وقع في 1 مارس", date(2021, 12, 3)), "2021-03-01");
    assert_eq!(value("تبدأ في يناير", date(2021, 12, 3)), "2022-01");
    assert_eq!(value("في مارس", date(2021, 12, 3)), "2021-03");
    assert_eq!(value("في ديسمبر", date(2021, 12, 3)), "2021-12");
    // the year of the next expression is shared
    let all = times("في نوفمبر 2020، وكذلك في يناير ونوفمبر 2021", Some(p));
    let values: Vec<&str> = all.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(values, ["2020-11", "2021-01", "2021-11"]);
    // so is the relation, and along a chain
    let pair = times("بين سبتمبر ويناير الماضيين", Some(date(2015, 7, 21)));
    let values: Vec<&str> = pair.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(values, ["2014-09", "2015-01"]);
    let chain = times("خلال أشهر أكتوبر ونوفمبر وديسمبر 2013", Some(date(2014, 12, 30)));
    let values: Vec<&str> = chain.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(values, ["2013-10", "2013-11", "2013-12"]);
    // the conjunction on the first word is not part of the expression
    assert_eq!(all[2].0, "نوفمبر 2021");
    assert_eq!(one("وأمس الخميس قال", date(2022, 9, 16)).0, "أمس الخميس");
}

#[test]
fn ranges() {
    assert_eq!(value("قمة شنغهاي في سمرقند (15-16 سبتمبر)", TUE()), "2022-09-15/2022-09-16");
    assert_eq!(value("من 13 إلى 15 سبتمبر", TUE()), "2022-09-13/2022-09-15");
}

#[test]
fn hijri_dates_and_feasts() {
    assert_eq!(value("في 15 رمضان 1443 هـ", TUE()), "2022-04-16");
    assert_eq!(value("في عيد الفطر", date(2022, 5, 3)), "2022-05-02");
    assert_eq!(value("يوم أحد السعف", date(2017, 4, 10)), "2017-04-09");
}

#[test]
fn without_a_publication_date_no_year_is_invented() {
    let v: Vec<String> = times("في 7 ديسمبر لن يعقد، وقال الثلاثاء", None).into_iter().map(|t| t.1).collect();
    assert_eq!(v, ["XXXX-12-07", "XXXX-WXX-2"]);
    let v: Vec<String> = times("قبيل عيد الميلاد المجيد", None).into_iter().map(|t| t.1).collect();
    assert_eq!(v, ["XXXX-12-25"]);
    // a feast of a calendar that moves against the Gregorian one cannot be placed at all
    assert!(times("في عيد الفطر", None).is_empty());
}

#[test]
fn a_word_both_heading_a_day_and_standing_alone() {
    // "مساء" heads a day where one follows, and is an adverb where none does
    assert_eq!(value("وقع الهجوم مساء الخميس", TUE()), "2022-09-08TEV");
    let all = times("قال الجيش الخميس إن الهجوم وقع مساءً قرب الحدود", Some(TUE()));
    assert_eq!(all[1], ("مساءً".into(), "2022-09-08TEV".into()));
}

#[test]
fn years_timex_cannot_write_are_dropped() {
    assert!(times("منذ قبل 30000 عام", Some(TUE())).is_empty());
}

#[test]
fn a_year_closing_a_plans_name_is_no_time() {
    let p = TUE();
    for text in [
        "في إطار رؤية المملكة 2030، أطلقت الحكومة البرنامج",
        "وقال الوزير إن بلاده تدعم بقوة #رؤية_السعودية_2030 ونريد أن نكون جزءا منها",
        "ضمن برنامج التحول الوطني 2020.",
        "تحت عنوان \"رؤية 2030\" للإصلاح",
    ] {
        assert!(times(text, Some(p)).is_empty(), "{text}: {:?}", times(text, Some(p)));
    }
    // a year that follows the plan's name with a preposition is the plan's time
    assert_eq!(value("أطلق البرنامج في 2016", p), "2016");
    assert_eq!(value("أطلقت المملكة رؤيتها في 2016.", p), "2016");
    assert_eq!(value("وتسعى إلى جمع 200 مليار دولار من برنامج الخصخصة بحلول 2020", p), "2020");
    // a bare year after other words stays a year
    assert_eq!(value("وقعت المعارك في الموصل 2016، وقتل فيها كثيرون", p), "2016");
}

#[test]
fn a_weekday_that_disagrees_with_its_date_is_recorded() {
    let norm = Normalizer::analysis().normalize("يوم الجمعة 13 سبتمبر 2022");
    let found = find_in(&norm, Some(TUE()));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].value.to_string(), "2022-09-13");
    assert!(found[0].conflict.is_some());
}

#[test]
fn not_times() {
    let p = TUE();
    for text in [
        "استمرت 44 يوما",
        "قتل 2020 شخصا",
        "مارس الجيش ضغوطا كبيرة",
        "قال أحد عناصر الأمن",
        "منذ عقود",
        "يبلغ من العمر 13 عاماً",
        "3 كيلومترات على طول الحدود",
        "70 في المئة",
        "معارك متواصلة لليوم الخامس على التوالي",
        "في اليوم الأول من المعارك",
    ] {
        assert!(times(text, Some(p)).is_empty(), "{text}: {:?}", times(text, Some(p)));
    }
}

/// Every spelling of `data/time/months.tsv`, in every naming system, with a day and a year.
#[test]
fn every_month_spelling_of_the_table() {
    let table = include_str!("../../../../data/time/months.tsv");
    let mut checked = 0;
    for line in table.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let month: u8 = cols[1].parse().unwrap();
        let text = format!("وقع الهجوم في 9 {} 2019 حسب المصادر", cols[0]);
        assert_eq!(value(&text, TUE()), format!("2019-{month:02}-09"), "{text}");
        // and without a year, a month alone after في
        let text = format!("وكان ذلك في {} الماضي", cols[0]);
        let expected = if month < 9 { format!("2022-{month:02}") } else { format!("2021-{month:02}") };
        assert_eq!(value(&text, TUE()), expected, "{text}");
        checked += 1;
    }
    assert!(checked >= 50, "only {checked} spellings");
}

/// Every Hijri month of `data/time/hijri-months.tsv` with a day and a year, against the Umm
/// al-Qura calendar (1 Ramadan 1443 = 2 April 2022; 1 Muharram 1444 = 30 July 2022).
#[test]
fn every_hijri_month_of_the_table() {
    let table = include_str!("../../../../data/time/hijri-months.tsv");
    let first_of_1443 = date(2021, 8, 9);
    for line in table.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let month: i64 = cols[1].parse().unwrap();
        let got: Date = value(&format!("في 1 {} 1443 هـ", cols[0]), TUE()).parse().unwrap();
        // Hijri months are 29 or 30 days long: month m starts 29.5 × (m - 1) days in, give or take
        let days = (got - first_of_1443).get_days() as i64;
        let expected = (month - 1) * 59 / 2;
        assert!((days - expected).abs() <= 1, "{}: {got} is day {days}, expected about {expected}", cols[0]);
    }
    assert_eq!(value("في 1 رمضان 1443 هـ", TUE()), "2022-04-02");
    assert_eq!(value("في 1 محرم 1444 هجرية", TUE()), "2022-07-30");
}

#[test]
fn maghrebi_and_moroccan_months_in_running_text() {
    let p = TUE();
    assert_eq!(value("يوم 14 جويلية 2022 بتونس", p), "2022-07-14");
    assert_eq!(value("منذ 3 فيفري 2022", p), "2022-02-03");
    assert_eq!(value("في 20 أفريل 2022", p), "2022-04-20");
    assert_eq!(value("في 8 ماي 2022", p), "2022-05-08");
    assert_eq!(value("في 5 جوان 2022", p), "2022-06-05");
    assert_eq!(value("في 11 شتنبر 2022", p), "2022-09-11");
    assert_eq!(value("في 6 نونبر 2021", p), "2021-11-06");
    assert_eq!(value("في 2 دجنبر 2021", p), "2021-12-02");
    // a month name that is also a word counts only with a date around it
    assert!(times("ماي الحبيبة", Some(p)).is_empty());
    assert!(times("زار آب البلدة", Some(p)).is_empty());
}

#[test]
fn universal_time_alone() {
    let p = TUE();
    assert_eq!(one("وفي 20:05 ت.غ بدأ", p), ("20:05 ت.غ".into(), "2022-09-13T20:05Z".into()));
    assert_eq!(value("عند الساعة 06:00 بتوقيت غرينتش", p), "2022-09-13T06:00Z");
}

#[test]
fn every_expression_says_what_anchored_it() {
    let norm = Normalizer::analysis().normalize("في 13 سبتمبر 2022 قال أمس إن الهجوم وقع صباحا");
    let found = find_in(&norm, Some(TUE()));
    let anchors: Vec<(&str, Anchor)> = found.iter().map(|t| (t.rule, t.anchor)).collect();
    assert_eq!(
        anchors,
        [("date", Anchor::Explicit), ("relative-day", Anchor::Published), ("part-of-day", Anchor::Context)]
    );
    let kinds: Vec<&str> = found.iter().map(|t| t.kind()).collect();
    assert_eq!(kinds, ["DATE", "DATE", "TIME"]);
}

#[test]
fn a_huge_count_of_units_ago_is_nothing_rather_than_a_panic() {
    for text in ["قبل 999999 شهر", "قبل عشرة ملايين يوم", "قبل مليار أسبوع", "قبل مليار شهر"]
    {
        for p in [TUE(), Date::MIN, Date::MAX] {
            assert!(times(text, Some(p)).is_empty(), "{text} on {p}");
        }
    }
    // before year 1: a value TIMEX3 cannot write, dropped
    assert!(times("قبل 999999 يوم", Some(TUE())).is_empty());
    // within the calendar, still counted
    assert_eq!(value("قبل 1000 يوم", TUE()), "2019-12-18");
}

#[test]
fn a_range_does_not_straddle_two_years() {
    // 25 January 2023 is 61 days after 25 November 2022: the whole range is coming
    assert_eq!(value("في 25-28 يناير", date(2022, 11, 25)), "2023-01-25/2023-01-28");
    assert_eq!(value("من 25 إلى 28 يناير", date(2022, 11, 25)), "2023-01-25/2023-01-28");
    // a month later in the year before the one with the year is of the year before
    let all = times("من 13 ديسمبر إلى 15 يناير 2022", Some(TUE()));
    let values: Vec<&str> = all.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(values, ["2021-12-13", "2022-01-15"]);
}

/// A date whose year is said relative to the year of writing (`من العام الماضي`) is in that
/// year, not the month's nearest.
#[test]
fn a_date_in_the_year_before_or_after_the_year_of_writing() {
    let p = date(2018, 6, 10);
    assert_eq!(
        one("حكمت عليه في مارس من العام الماضي.", p),
        ("مارس من العام الماضي".into(), "2017-03".into())
    );
    assert_eq!(value("في 5 ديسمبر من العام الماضي", p), "2017-12-05");
    assert_eq!(value("في ديسمبر/كانون الأول من العام الماضي", p), "2017-12");
    assert_eq!(value("في يناير من العام المقبل", p), "2019-01");
    assert_eq!(value("في مارس من هذا العام", p), "2018-03");
    // the era's year stays the date's own
    assert_eq!(value("في مارس من عام 2015", p), "2015-03");
    // shared by the dates before it, as a year written out is
    let values = |text: &str| times(text, Some(p)).into_iter().map(|(_, v)| v).collect::<Vec<_>>();
    assert_eq!(values("في يناير ونوفمبر من العام الماضي"), ["2017-01", "2017-11"]);
    assert_eq!(values("من 13 مارس إلى 15 أبريل من العام الماضي"), ["2017-03-13", "2017-04-15"]);
    assert_eq!(values("من 13 ديسمبر إلى 15 يناير من العام الجاري"), ["2017-12-13", "2018-01-15"]);
    // a month name that is also a word is a month with it
    assert_eq!(values("وشهد آب من العام الماضي"), ["2017-08"]);
}

/// Two bare years as a range after بين or من, and the years of a list after their plural,
/// each of its own; a count stays a count.
#[test]
fn ranges_and_lists_of_bare_years() {
    let p = date(2018, 5, 10);
    let all = |text: &str| -> Vec<(String, String)> { times(text, Some(p)) };
    assert_eq!(all("وحكم البلاد من 1977 إلى 1988."), [("من 1977 إلى 1988".into(), "1977/1988".into())]);
    assert_eq!(
        all("رئيسا منذ عام 2002 حتى 2011، وكان"),
        [("منذ عام 2002 حتى 2011".into(), "2002/2011".into())]
    );
    assert_eq!(all("خلال الحرب فيما بين 1994 و2000."), [("بين 1994 و2000".into(), "1994/2000".into())]);
    // after a word of a period, whatever follows
    assert_eq!(
        all("وشهدت الفترة بين 2014 و2016 معارك عنيفة."),
        [("بين 2014 و2016".into(), "2014/2016".into())]
    );
    assert_eq!(
        all("في الأعوام 2014 و2015 و2016 قتل المئات."),
        [
            ("الأعوام 2014".into(), "2014".into()),
            ("2015".into(), "2015".into()),
            ("2016".into(), "2016".into())
        ]
    );
    // no range of counts: a counted noun after the second number, a word of counting before
    let range = |text: &str| all(text).into_iter().any(|(_, v)| v.contains('/'));
    assert!(!range("وارتفع عددهم من 1950 إلى 2010 شخصا"));
    assert!(!range("وارتفع عدد القتلى من 1950 إلى 2010."));
    assert!(all("ما بين 1950 و2000 مقاتل").is_empty());
    // a list's years in order, each after the one before it (out of order, they may be
    // counts); a comma ends a range
    assert!(all("في الأعوام 2013 و2011 و2015 قتل المئات.").is_empty());
    assert!(!range("من 2011 إلى ، 2014."));
}

/// A Hijri year is the Gregorian days from its first of Muharram to the eve of the next
/// year's (Umm al-Qura), not a Gregorian year of the same number.
#[test]
fn hijri_years_are_their_gregorian_days() {
    let p = date(2018, 5, 10);
    assert_eq!(one("وقعت في عام 1439 هـ وتكررت", p), ("عام 1439 هـ".into(), "2017-09-21/2018-09-10".into()));
    // the era joined to the year, and said in words
    assert_eq!(one("في 1438هـ، ثم", p), ("1438هـ".into(), "2016-10-02/2017-09-20".into()));
    assert_eq!(one("في سنة 1437 للهجرة.", p), ("سنة 1437 للهجرة".into(), "2015-10-14/2016-10-01".into()));
    assert_eq!(value("منذ 1440 هجرية", p), "2018-09-11/2019-08-30");
    // an earlier year with its era (a year of fewer digits is no year without one)
    assert_eq!(
        one("السيوطي المتوفى سنة 911 للهجرة، في", p),
        ("سنة 911 للهجرة".into(), "1505-06-14/1506-06-02".into())
    );
    assert_eq!(times("وبلغ عدد القتلى 911 شخصا", Some(p)), []);
    // two Hijri years after بين: from the first day of the first to the last of the second
    assert_eq!(
        one("قتل 5 مسلحين بين عامي 1435 و1436 هـ، وفي", p),
        ("بين عامي 1435 و1436 هـ".into(), "2013-11-04/2015-10-13".into())
    );
    // a Gregorian year stays one, and هجرة (emigration) after a year is no era
    assert_eq!(value("في عام 2016م", p), "2016");
    assert_eq!(one("وفي عام 1948 هجرة الفلسطينيين", p), ("عام 1948".into(), "1948".into()));
    assert_eq!(value("بين عامي 2014 و2015", p), "2014/2015");
    // the era of a year a Hijri date cannot have reached is no era (illegal migration)
    assert_eq!(one("وفي عام 2015 للهجرة غير الشرعية", p), ("عام 2015".into(), "2015".into()));
    // a Gregorian era after the second of two years is the range's
    assert_eq!(one("بين عامي 2014 و2015م", p).0, "بين عامي 2014 و2015م");
    // a Hijri year names no day: `اليوم نفسه` after it is not its 1 Muharram
    let after = times("عام 1439 هـ، وفي اليوم نفسه", Some(p));
    assert!(after.iter().all(|(_, v)| v != "2017-09-21"), "{after:?}");
}

/// A Hijri month without its day is the Gregorian days from its first to its last: with its
/// year, relative to the day of writing, or in the year of writing said after it; without
/// context, a month name that is also a word or a person's is neither.
#[test]
fn hijri_months_without_a_day_are_their_gregorian_days() {
    // written on 26 Ramadan 1439
    let p = date(2018, 6, 10);
    assert_eq!(one("خلال رمضان 1439 هـ،", p), ("رمضان 1439 هـ".into(), "2018-05-16/2018-06-14".into()));
    // a bare year a Hijri date may have reached is Hijri; a later one the Gregorian year the
    // month begins in
    assert_eq!(value("في رمضان 1439 وبعده", p), "2018-05-16/2018-06-14");
    assert_eq!(value("في رمضان 2017 وبعده", p), "2017-05-27/2017-06-24");
    assert_eq!(value("وفي صفر 1440 هـ.", p), "2018-10-10/2018-11-08");
    assert_eq!(value("في شهر صفر 487هـ", p), "1094-02-26/1094-03-26");
    // relative to the day of writing: the last one, the coming one, this one
    assert_eq!(one("منذ شهر رمضان الماضي", p), ("شهر رمضان الماضي".into(), "2017-05-27/2017-06-24".into()));
    assert_eq!(value("حتى شوال المقبل", p), "2018-06-15/2018-07-13");
    assert_eq!(value("في رمضان الجاري", p), "2018-05-16/2018-06-14");
    assert_eq!(value("منذ ذي الحجة،", p), "2017-08-23/2017-09-20");
    // in a sentence of the future, the coming one
    assert_eq!(value("وستعقد الجمعية خلال شهر رمضان", date(2018, 2, 20)), "2018-05-16/2018-06-14");
    assert_eq!(value("وعقدت الجمعية خلال شهر رمضان", date(2018, 2, 20)), "2017-05-27/2017-06-24");
    // the year of writing said after it: the month as it begins in that Gregorian year
    assert_eq!(
        one("في رمضان من العام الماضي قتل", p),
        ("رمضان من العام الماضي".into(), "2017-05-27/2017-06-24".into())
    );
    assert_eq!(one("في رمضان هذا العام،", p), ("رمضان هذا العام".into(), "2018-05-16/2018-06-14".into()));
    // with `من عام`, and a day with a Gregorian year: the day's own Hijri year
    assert_eq!(value("في شهر شوال من عام 1439 هـ", date(2020, 6, 3)), "2018-06-15/2018-07-13");
    assert_eq!(value("وقع الهجوم في 20 محرم 2009.", date(2010, 6, 1)), "2009-01-17");
    // the coming one, written during the month itself
    assert_eq!(value("حتى رمضان المقبل", p), "2019-05-06/2019-06-03");
    // a count after the month is no year
    assert_eq!(one("قتل خلال شهر رمضان 1200 مدني", p).1, "2018-05-16/2018-06-14");
    // the feminine of the year of writing
    assert_eq!(value("خلال شهر رمضان من السنة الماضية", p), "2017-05-27/2017-06-24");
    // names and words: Erdogan, Kadyrov, a defendant, zero, "himself", "this time"
    for text in [
        "نهاية رجب طيب أردوغان السياسية",
        "وأكد رمضان نفسه أن القوات",
        "وكانت حصيلة الضحايا صفر هذه المرة",
        "وقال الرئيس التركي رجب طيب أردوغان إن",
        "وأرسل رسالة إلى رجب طيب أردوغان",
        "وقال رمضان قديروف إن القوات",
        "مواجهات بينهن وبين رمضان. وطالب",
        "ارتفع العدد من صفر إلى مئة",
        "وفي رمضان قتل 20 شخصا",
    ] {
        assert_eq!(times(text, Some(p)), [], "{text}");
    }
    // a month names no day: اليوم نفسه after it is not its first
    let after = times("في شهر رمضان الماضي، وفي اليوم نفسه", Some(p));
    assert!(after.iter().all(|(_, v)| v != "2017-05-27"), "{after:?}");
}

/// Hijri months in a list share the year written after the last, as Gregorian ones do: a month
/// written before an earlier one of the year is of the year before (`بين ذي الحجة ومحرم`).
#[test]
fn hijri_months_in_a_list_share_their_year() {
    let p = date(2020, 6, 3);
    let anchored = |text: &str| -> Vec<(String, String, Anchor)> {
        let norm = Normalizer::analysis().normalize(text);
        find_in(&norm, Some(p))
            .into_iter()
            .map(|t| (t.span.slice(text).into(), t.value.to_string(), t.anchor))
            .collect()
    };
    assert_eq!(
        anchored("في شعبان وشوال 1439 هـ في المدينة"),
        [
            ("شعبان".into(), "2018-04-17/2018-05-15".into(), Anchor::Context),
            ("شوال 1439 هـ".into(), "2018-06-15/2018-07-13".into(), Anchor::Explicit),
        ]
    );
    assert_eq!(times("بين ذي الحجة ومحرم 1440 هـ", Some(p))[0].1, "2018-08-12/2018-09-10");
    assert_eq!(times("في 5 شعبان و20 شوال 1439 هـ", Some(p))[0].1, "2018-04-21");
    // the conjunction on a month of two words, which is too short to be taken off
    assert_eq!(
        times("بين ذي القعدة وذي الحجة 1438 هـ", Some(p)),
        [
            ("ذي القعدة".into(), "2017-07-24/2017-08-22".into()),
            ("ذي الحجة 1438 هـ".into(), "2017-08-23/2017-09-20".into())
        ]
    );
    // a word of relation after the last is shared within one calendar only
    // (written in Shawwal 1441: the coming Dhu al-Qadah, unless it is said past)
    assert_eq!(times("خلال ذي القعدة،", Some(p))[0].1, "2020-06-22/2020-07-21");
    assert_eq!(times("بين ذي القعدة وذي الحجة الماضيين", Some(p))[0].1, "2019-07-04/2019-08-01");
    assert_eq!(times("بين ذي القعدة ويناير الماضيين", Some(p))[0].1, "2020-06-22/2020-07-21");
    // an ambiguous name after a preposition of time counts before other months when the
    // last has its year or a word of relation; names joined by و are no list of months
    assert_eq!(times("في رمضان وشوال الماضيين", Some(p)).len(), 2);
    assert_eq!(times("في رجب وشعبان 1439 هـ", Some(p))[0], ("رجب".into(), "2018-03-18/2018-04-16".into()));
    // after بين too, only before a second month with its year and era
    assert_eq!(
        times("بين رمضان وشوال 1439 هـ", Some(p)),
        [
            ("رمضان".into(), "2018-05-16/2018-06-14".into()),
            ("شوال 1439 هـ".into(), "2018-06-15/2018-07-13".into())
        ]
    );
    // after بين, people's names take words of relation and numbers (the second name alone
    // may still read as a month: the first is never taken for one); and a third month is no
    // list (the middle one is not found: the first would not get the last one's year)
    for text in [
        "بين رجب وشعبان الماضيين",
        "وقعت مشاجرة بين رمضان وشعبان القادمين من الصعيد",
        "لقاء بين رجب وشعبان القادم من إسطنبول",
        "وبلغ الفارق بين رجب ورمضان 2000 صوت",
        "بين رمضان وشوال وذي القعدة 1439 هـ",
        "في رمضان وشوال وذي القعدة 1439 هـ",
    ] {
        let found = times(text, Some(p));
        assert!(!found.iter().any(|(t, _)| t == "رجب" || t == "رمضان"), "{text}: {found:?}");
    }
    for text in [
        "قال محمد رمضان وشعبان عبد الرحيم إن الحفل ناجح.",
        "وقال رجب ورمضان إنهما سيغادران.",
        "التقى أحمد رجب ورمضان صبحي في القاهرة.",
        "في رمضان ورجب طيب أردوغان يزور أنقرة",
        "في رمضان وصفر المونديال",
        "فاز شوال وصفر الفريق",
        "في رمضان وشوال، وبعدهما",
        "جمع اللقاء بين رمضان وشوال في القاهرة",
        "الخلاف بين رجب ورمضان صبحي قديم",
        "بين رمضان وشوال، وبعدهما",
    ] {
        assert_eq!(times(text, Some(p)), [], "{text}");
    }
}

/// The year of writing after a Gregorian month, with or without من; an ambiguous month name
/// counts without من only where something else makes it a month.
#[test]
fn the_year_of_writing_after_a_month() {
    let p = date(2018, 6, 3);
    assert_eq!(
        one("في آذار/مارس العام الماضي، ستغني", p),
        ("آذار/مارس العام الماضي".into(), "2017-03".into())
    );
    assert_eq!(value("في 13 شباط/فبراير العام الماضي.", p), "2017-02-13");
    assert_eq!(value("وفي يونيو هذا العام سجل", p), "2018-06");
    assert_eq!(value("سيحدث في مارس/آذار العام القادم.", p), "2019-03");
    // Theresa May, not May: the election she called last year
    assert_eq!(one("انتخابات مبكرة دعت إليها ماي العام الماضي.", p), ("العام الماضي".into(), "2017".into()));
    assert_eq!(value("في ماي من العام الماضي", p), "2017-05");
    assert_eq!(value("في مارس السنة الماضية", p), "2017-03");
    // like last year, and last year: not the month's year
    let like = times("ارتفعت الأسعار في مارس كالعام الماضي", Some(p));
    assert_eq!(like[0], ("مارس".into(), "2018-03".into()), "{like:?}");
    assert_eq!(times("وأضاف أن مارس هذا الرجل", Some(p)), []);
}

/// A Gregorian month in a Hijri year is the one that falls in it.
#[test]
fn a_gregorian_month_of_a_hijri_year() {
    assert_eq!(value("وتعود الاتفاقية إلى مارس من عام 1439 هـ", date(2018, 6, 10)), "2018-03");
    assert_eq!(value("وتعود الاتفاقية إلى أكتوبر من عام 1439 هـ", date(2018, 6, 10)), "2017-10");
    // September 1439 AH starts on the 21st and ends on the 10th: ten days of each, the earlier
    assert_eq!(value("في سبتمبر من عام 1439 هـ", date(2018, 6, 10)), "2017-09");
}

#[test]
fn a_hijri_date_with_its_year_needs_no_publication_date() {
    let v: Vec<String> = times("في 15 رمضان 1443 هـ", None).into_iter().map(|t| t.1).collect();
    assert_eq!(v, ["2022-04-16"]);
}

#[test]
fn a_part_of_the_day_after_a_time_sets_its_half_of_the_day() {
    let p = TUE();
    assert_eq!(value("الساعة التاسعة مساء", p), "2022-09-13T21:00");
    // Egypt kept UTC+2 all of 2022 and had daylight saving (UTC+3) from April 2023
    assert_eq!(value("الساعة التاسعة والنصف مساء بتوقيت القاهرة", p), "2022-09-13T19:30Z");
    assert_eq!(value("الساعة التاسعة والنصف مساء بتوقيت القاهرة", date(2023, 9, 13)), "2023-09-13T18:30Z");
    assert_eq!(value("الساعة الثالثة بعد ظهر الخميس", p), "2022-09-08T15:00");
    assert_eq!(value("الساعة التاسعة مساء أمس", p), "2022-09-12T21:00");
    // at night, two is before dawn, ten is before midnight, twelve is midnight
    assert_eq!(value("الساعة الثانية ليلا", p), "2022-09-13T02:00");
    assert_eq!(value("الساعة العاشرة ليلا", p), "2022-09-13T22:00");
    assert_eq!(value("الساعة 12 ليلا", p), "2022-09-14T00:00");
    assert_eq!(value("الساعة 12 ظهرا", p), "2022-09-13T12:00");
}

#[test]
fn a_relative_day_and_its_weekday_that_disagree_take_the_nearest_such_weekday() {
    // written on Tuesday 13 September 2022: tomorrow is not before it
    assert_eq!(value("يعقد غدا الخميس", TUE()), "2022-09-15");
    // written on Friday 10 March 2023: "the day before yesterday, Thursday" is the 9th
    assert_eq!(value("قال أمس الأول الخميس", date(2023, 3, 10)), "2023-03-09");
    // yesterday Thursday, written on a Tuesday: the Thursday before
    assert_eq!(value("قال أمس الخميس", TUE()), "2022-09-08");
}

#[test]
fn the_twenty_ninth_of_february_without_a_year_is_the_last_leap_day() {
    assert_eq!(value("في 29 فبراير", date(2023, 3, 10)), "2020-02-29");
    assert_eq!(value("في 29 فبراير", TUE()), "2020-02-29");
    assert_eq!(value("في 29 فبراير", date(2024, 1, 10)), "2024-02-29");
    assert_eq!(value("في 29 فبراير الماضي", TUE()), "2020-02-29");
    assert_eq!(value("في 29 فبراير المقبل", TUE()), "2024-02-29");
    assert!(times("في 30 فبراير", Some(TUE())).is_empty());
}

#[test]
fn the_day_after_or_before_is_counted_from_the_day_just_mentioned() {
    let all = times(
        "زار المملكة في الثالث من نوفمبر، وقد أعلن استقالته في اليوم التالي احتجاجا",
        Some(date(2017, 11, 10)),
    );
    let values: Vec<&str> = all.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(values, ["2017-11-03", "2017-11-04"]);
    assert_eq!(all[1].0, "اليوم التالي");
    let all = times("قتل 12 شخصا أمس الأربعاء، وفي اليوم السابق أعلن", Some(date(2015, 7, 23)));
    let values: Vec<&str> = all.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(values, ["2015-07-22", "2015-07-21"]);
    // with no day before it, it is not the day of writing
    assert!(times("وفي اليوم التالي أعلن", Some(TUE())).is_empty());
}

#[test]
fn two_years_named_with_their_dual() {
    let p = date(2018, 5, 1);
    // after بين: the years from the first to the second, whatever their numbers
    assert_eq!(value("ووقعت الحرب بين عامي 1980 و1988.", p), "1980/1988");
    assert_eq!(
        one("الطاعون قتل الملايين بين عامي 1347 و1351.", p),
        ("بين عامي 1347 و1351".into(), "1347/1351".into())
    );
    assert_eq!(value("ما بين العامين 2015 و2016", p), "2015/2016");
    // else each year by itself
    assert_eq!(
        times("وفي عامي 1990 و1991 زار البلاد", Some(p)),
        [("عامي 1990".into(), "1990".into()), ("1991".into(), "1991".into())]
    );
    assert_eq!(
        times("خلال السنتين 1347 و1351", Some(p)),
        [("السنتين 1347".into(), "1347".into()), ("1351".into(), "1351".into())]
    );
    assert_eq!(
        times("في عامي 2014 و2015م", Some(p)),
        [("عامي 2014".into(), "2014".into()), ("2015م".into(), "2015".into())]
    );
    // not two years: a figure, a year and a count after it
    assert_eq!(times("قتل 1351 شخصا و200 آخرون", Some(p)), Vec::<(String, String)>::new());
    assert!(times("في عامي 1990 و1000 جندي", Some(p)).iter().all(|(_, v)| !v.contains("1000")));
}

#[test]
fn a_date_that_names_a_place_is_no_time() {
    assert!(times("وقتل ستة أشخاص في مدينة السادس من أكتوبر غرب القاهرة.", Some(TUE())).is_empty());
    assert!(times("وأغلقت الشرطة جسر 6 أكتوبر وشارع 26 يوليو.", Some(TUE())).is_empty());
    // after any other word it is a date
    assert_eq!(value("وقتل ستة أشخاص في السادس من أكتوبر.", TUE()), "2022-10-06");
}

#[test]
fn a_weekday_of_what_is_scheduled_is_the_next_one() {
    // written on Sunday 17 June 2018: the meeting set for Tuesday is two days later
    let sun = date(2018, 6, 17);
    assert_eq!(value("خلال اجتماع فرنسي ألماني مقرر الثلاثاء قرب برلين.", sun), "2018-06-19");
    assert_eq!(value("في القمة المرتقبة الخميس في بروكسل.", sun), "2018-06-21");
}

#[test]
fn a_rapporteur_is_nothing_scheduled() {
    // written on Sunday 3 June 2018: the rapporteur spoke on the Friday before
    let sun = date(2018, 6, 3);
    assert_eq!(value("وقال مقرر الأمم المتحدة الخاص يوم الجمعة إن إقالتها تبعث برسالة.", sun), "2018-06-01");
}
