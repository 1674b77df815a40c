use super::*;
use crate::Normalizer;

/// One line per expression: `span = value qualifier unit [noun]`.
fn show(text: &str) -> Vec<String> {
    let norm = Normalizer::analysis().normalize(text);
    NumberParser::builtin()
        .find(&norm, norm.full_span())
        .iter()
        .map(|n| {
            let mut s = format!("{} = {} {}", n.span.slice(text), n.value, n.form.as_str());
            if let Some(q) = n.qualifier_span {
                s += &format!(" {}({})", n.qualifier.as_str(), q.slice(text));
            }
            if let Some(u) = n.unit {
                let detail = match u {
                    Unit::Duration(t) | Unit::Age(t) => format!("{}:{}", u.as_str(), t.as_str()),
                    _ => u.as_str().to_owned(),
                };
                s += &format!(" {detail}({})", n.unit_span.map_or("", |u| u.slice(text)));
            }
            if let Some(noun) = n.noun_span {
                s += &format!(" [{}]", noun.slice(text));
            }
            s
        })
        .collect()
}

/// Every number of the five seed articles, checked by hand against the text.
#[test]
fn seed_articles() {
    check(
        include_str!("../../../../examples/corpus/000_b587ee3253eb2d41.txt"),
        &[
            "200 = 200 digits more_than(أكثر من)",
            "135 = 135 digits [جنديًّا]",
            "71 = 71 digits",
            "2020 = 2020 digits year()",
            "عدة = 3..=10 vague [مواقع]",
            "13 = 13 digits date(سبتمبر)",
            "2022 = 2022 digits year()",
            "135 = 135 digits [قتيلًا]",
            "71 = 71 digits [قواتها]",
            "2020 = 2020 digits year()",
            "15 = 15 digits date(سبتمبر)",
            "2022 = 2022 digits year()",
            "13 = 13 digits date(سبتمبر)",
            "2022 = 2022 digits year()",
            "2020 = 2020 digits year()",
            "100 = 100 digits more_than(أكثر من) area(كيلومتر مربع)",
        ],
    );
    check(
        include_str!("../../../../examples/corpus/001_d67965d036683f9b.txt"),
        &[
            "49 = 49 digits [جنودها]",
            "49 = 49 digits [جنديا]",
            "عدّة = 3..=10 vague [نقاط]",
            "2020 = 2020 digits year()",
            "30 ألف = 30000 mixed [قتيل]",
            "2020 = 2020 digits year()",
            "2020 = 2020 digits year()",
            "44 = 44 digits duration:day(يوما)",
            "6500 = 6500 digits about(نحو) [شخص]",
        ],
    );
    check(
        include_str!("../../../../examples/corpus/002_99d1a8828afe04f7.txt"),
        &[
            "7 = 7 digits date(ديسمبر)",
            "عدة = 3..=10 vague [مواجهات]",
            "2020 = 2020 digits year()",
            "6500 = 6500 digits more_than(أكثر من) [ضحية]",
            "286 = 286 digits at_least(على الأقل) [شخصاً]",
            "30 ألف = 30000 mixed about(نحو) [شخص]",
            "عدة = 3..=10 vague [مرات]",
            "12 = 12 digits date(نوفمبر)",
            "3 = 3 digits distance(كيلومترات)",
        ],
    );
    check(
        include_str!("../../../../examples/corpus/003_6b2d5fff41c62f6f.txt"),
        &[
            "25 = 25 digits more_than(ما يربو على) duration:year(عاماً)",
            "36 = 36 digits [مقاتليها]",
            "963 = 963 digits",
            "13 = 13 digits age:year(عاماً)",
            "17 = 17 digits date(أكتوبر)",
            "65 = 65 digits [مدنياً]",
            "298 = 298 digits [آخرين]",
            "خمسة آلاف = 5000 words [شخص]",
            "27 = 27 digits date(سبتمبر)",
            "27 = 27 digits date(سبتمبر)",
            "5 آلاف = 5000 mixed about(نحو) [قتيل]",
        ],
    );
    check(
        include_str!("../../../../examples/corpus/004_b5f0c4ca6264197a.txt"),
        &[
            "4 = 4 digits",
            "5 = 5 digits date(أغسطس)",
            "2022 = 2022 digits year()",
            "5 = 5 digits date(أغسطس)",
            "2022 = 2022 digits year()",
            "2020 = 2020 digits year()",
            "2021 = 2021 digits year()",
            "15-16 = 15..=16 digits date(سبتمبر)",
            "2020 = 2020 digits year()",
        ],
    );
}

fn check(text: &str, expected: &[&str]) {
    assert_eq!(show(text), expected, "in {text:?}");
}

#[test]
fn digits_with_qualifiers_and_nouns() {
    check("أسفر عن مقتل نحو 6500 شخص", &["6500 = 6500 digits about(نحو) [شخص]"]);
    check("خلّفت أكثر من 6500 ضحية من الجانبين", &["6500 = 6500 digits more_than(أكثر من) [ضحية]"]);
    check("حين سقط 286 شخصاً على الأقل في مواجهات", &["286 = 286 digits at_least(على الأقل) [شخصاً]"]);
    check("ما أسفر عن سقوط نحو 30 ألف شخص.", &["30 ألف = 30000 mixed about(نحو) [شخص]"]);
    check("وبعد حرب أولى أسفرت عن 30 ألف قتيل مطلع التسعينات", &["30 ألف = 30000 mixed [قتيل]"]);
    check(
        "قُتل 65 مدنياً وجُرح 298 آخرين منذ اندلاع المعارك",
        &["65 = 65 digits [مدنياً]", "298 = 298 digits [آخرين]"],
    );
    check(
        "ارتفع عدد ضحايا النزاع إلى أكثر من 200 ولا تزال الأوضاع متوترة",
        &["200 = 200 digits more_than(أكثر من)"],
    );
    check("ليصل العدد الإجمالي للخسائر إلى 963.", &["963 = 963 digits"]);
    check("وأشار إلى مقتل 49 جنديا خلال المعارك", &["49 = 49 digits [جنديا]"]);
    check("تعلن مقتل 49 من جنودها", &["49 = 49 digits [جنودها]"]);
    check("سقط 135 جنديًّا من أرمينيا، و71 من أذربيجان", &["135 = 135 digits [جنديًّا]", "71 = 71 digits"]);
    check("قُتل 140عنصرا", &["140 = 140 digits [عنصرا]"]);
    check("قتل ٤٩ جندياً", &["٤٩ = 49 digits [جندياً]"]);
}

#[test]
fn thousands_separators_and_decimals() {
    check("سقوط 6,500 ضحية", &["6,500 = 6500 digits [ضحية]"]);
    check("نزوح 1,234,567 شخصا", &["1,234,567 = 1234567 digits [شخصا]"]);
    check("قتل 6.500 شخص", &["6.500 = 6500 digits [شخص]"]);
    check("خسائر بقيمة 2.5 مليون دولار", &["2.5 مليون = 2500000 mixed money(دولار)"]);
    check("نزوح 2,5 مليون شخص", &["2,5 مليون = 2500000 mixed [شخص]"]);
    check("نزوح 6.500 مليون شخص", &["6.500 مليون = 6500000 mixed [شخص]"]);
    check("نسبة 3.5 في المئة", &["3.5 = 3.5 digits percent(في المئة)"]);
    check("بلغ المعدل 19,45 نقطة", &["19,45 = 19.45 digits [نقطة]"]);
    check("٢٫٥ مليون نازح", &["٢٫٥ مليون = 2500000 mixed [نازح]"]);
}

#[test]
fn words_and_scales() {
    check("أسفر عن مقتل خمسة آلاف شخص على الأرجح", &["خمسة آلاف = 5000 words [شخص]"]);
    check("قتل ثلاثين ألفا من المدنيين", &["ثلاثين ألفا = 30000 words [المدنيين]"]);
    check("بلغ 240 ألفا و831 قتيلا", &["240 ألفا و831 = 240831 mixed [قتيلا]"]);
    check("قتل 6 آلاف و196 شخصا", &["6 آلاف و196 = 6196 mixed [شخصا]"]);
    check("قتل 6 آلاف و 196 شخصا", &["6 آلاف و 196 = 6196 mixed [شخصا]"]);
    check("نزوح مليون ونصف شخص", &["مليون ونصف = 1500000 words [شخص]"]);
    check("نزوح نصف مليون شخص", &["نصف مليون = 500000 words [شخص]"]);
    check("قتل مئتين من عناصرها", &["مئتين = 200 words [عناصرها]"]);
    check("قتل مائتين وخمسين شخصا", &["مائتين وخمسين = 250 words [شخصا]"]);
    check("مائة وخمسون جنديا", &["مائة وخمسون = 150 words [جنديا]"]);
    check("خمسة وعشرون قتيلا", &["خمسة وعشرون = 25 words [قتيلا]"]);
    check("ألف وخمسمائة أسير", &["ألف وخمسمائة = 1500 words [أسير]"]);
    check("أحد عشر ألفا", &["أحد عشر ألفا = 11000 words"]);
    check("إحدى عشرة غارة", &["إحدى عشرة = 11 words [غارة]"]);
    check("اثنا عشر جنديا", &["اثنا عشر = 12 words [جنديا]"]);
    check("اثنتي عشرة طائرة", &["اثنتي عشرة = 12 words [طائرة]"]);
    check("ثلاثة عشر قتيلا", &["ثلاثة عشر = 13 words [قتيلا]"]);
    check("ثلاث مائة صاروخ", &["ثلاث مائة = 300 words [صاروخ]"]);
    check("ثلاثمئة ألف نازح", &["ثلاثمئة ألف = 300000 words [نازح]"]);
    check("مئتا ألف لاجئ", &["مئتا ألف = 200000 words [لاجئ]"]);
    check("نزوح ألفي شخص", &["ألفي = 2000 words [شخص]"]);
    check("مليون ومئتا ألف نازح", &["مليون ومئتا ألف = 1200000 words [نازح]"]);
    check("بتكلفة ألف مليون دولار", &["ألف مليون = 1000000000 words money(دولار)"]);
    check("خمسة مليارات دولار", &["خمسة مليارات = 5000000000 words money(دولار)"]);
    check("عشرة آلاف", &["عشرة آلاف = 10000 words"]);
    check("مئة ألف وألف", &["مئة ألف وألف = 101000 words"]);
}

#[test]
fn proclitics_stay_in_the_span() {
    check("وخمسة جنود", &["وخمسة = 5 words [جنود]"]);
    check("بخمسة صواريخ", &["بخمسة = 5 words [صواريخ]"]);
    check("لثلاثة أيام", &["لثلاثة = 3 words duration:day(أيام)"]);
    check("وأكثر من 100 قتيل", &["100 = 100 digits more_than(وأكثر من) [قتيل]"]);
    check("بنحو 40 مليار دولار", &["40 مليار = 40000000000 mixed about(بنحو) money(دولار)"]);
    check("ولنحو عشرين يوما", &["عشرين = 20 words about(ولنحو) duration:day(يوما)"]);
}

#[test]
fn vague_counts_are_ranges() {
    check("سقوط عشرات القتلى والجرحى", &["عشرات = 20..=99 vague [القتلى]"]);
    check("بضعة أشخاص", &["بضعة = 3..=9 vague [أشخاص]"]);
    check("عدة مرات", &["عدة = 3..=10 vague [مرات]"]);
    check("قتل المئات من المدنيين", &["المئات = 200..=999 vague [المدنيين]"]);
    check("نزوح آلاف العائلات", &["آلاف = 2000..=9999 vague [العائلات]"]);
    check("نزوح عشرات الآلاف من السكان", &["عشرات الآلاف = 20000..=99999 vague [السكان]"]);
    check("مئات الآلاف", &["مئات الآلاف = 200000..=999999 vague"]);
    check("بضعة آلاف", &["بضعة آلاف = 3000..=9999 vague"]);
    check("بضع مئات", &["بضع مئات = 300..=999 vague"]);
    check("ملايين الدولارات", &["ملايين = 2000000..=9999999 vague money(الدولارات)"]);
    check("يقتل بالعشرات", &["بالعشرات = 20..=99 vague"]);
    check("لعدة أيام", &["لعدة = 3..=10 vague duration:day(أيام)"]);
}

#[test]
fn duals_count_two() {
    check("أدى إلى مقتل جنديين", &["جنديين = 2 dual [جنديين]"]);
    check("إصابة جنديين اثنين", &["جنديين اثنين = 2 dual [جنديين]"]);
    check("قتل لجنديين", &["لجنديين = 2 dual [لجنديين]"]);
    check("مقتل الطفلين", &["الطفلين = 2 dual [الطفلين]"]);
    check("بعد يومين", &["يومين = 2 dual duration:day(يومين)"]);
    check("منذ عامين", &["عامين = 2 dual duration:year(عامين)"]);
    // plural and dual are spelled alike: not a dual
    check("مقتل مدنيين", &[] as &[&str]);
    check("عسكريين أذريين", &[] as &[&str]);
}

#[test]
fn units() {
    check("يبلغ من العمر 13 عاماً", &["13 = 13 digits age:year(عاماً)"]);
    check("البالغ عمره 13 عاما", &["13 = 13 digits age:year(عاما)"]);
    check("الطفل محمد (13 عاما) قتل", &["13 = 13 digits age:year(عاما)"]);
    check("طفل في الـ13 من عمره", &["13 = 13 digits age:year(عمره)"]);
    check("تمتد على 3 كيلومترات", &["3 = 3 digits distance(كيلومترات)"]);
    check("مساحة 100 كيلومتر مربع", &["100 = 100 digits area(كيلومتر مربع)"]);
    check("مساحة 360 كم2", &["360 = 360 digits area(كم2)"]);
    check("90 بالمئة", &["90 = 90 digits percent(بالمئة)"]);
    check("43%", &["43 = 43 digits percent(%)"]);
    check("نسبة 43 % من", &["43 = 43 digits percent(%)"]);
    check("استمرت 44 يوما", &["44 = 44 digits duration:day(يوما)"]);
    check("خلال الـ24 ساعة الماضية", &["24 = 24 digits duration:hour(ساعة)"]);
    check("منذ 3 سنوات", &["3 = 3 digits duration:year(سنوات)"]);
    check("نحو 5 أطنان", &["5 = 5 digits about(نحو) weight(أطنان)"]);
    check("منذ عام 2020", &["2020 = 2020 digits year()"]);
    check("في خريف 2020 الحرب الثانية", &["2020 = 2020 digits year()"]);
    check("في 2020 م", &["2020 = 2020 digits year(م)"]);
    check("مقتل 2000 شخص", &["2000 = 2000 digits [شخص]"]);
    check("منذ أكثر من 2000 عام", &["2000 = 2000 digits more_than(أكثر من) duration:year(عام)"]);
    check("في 13 سبتمبر 2022", &["13 = 13 digits date(سبتمبر)", "2022 = 2022 digits year()"]);
    check("(15-16 سبتمبر)", &["15-16 = 15..=16 digits date(سبتمبر)"]);
}

#[test]
fn ranges_dates_and_times() {
    check("قتل 15-20 شخصا", &["15-20 = 15..=20 digits [شخصا]"]);
    check("الثلاثاء 2022/09/13", &[] as &[&str]);
    check("الساعة 06:00 ت.غ", &[] as &[&str]);
    check("في 2022-09-13 قتل", &[] as &[&str]);
    check("في 13.9.2022", &[] as &[&str]);
}

#[test]
fn ordinals_are_not_counts() {
    check("الساعة التاسعة بتوقيت موسكو", &[] as &[&str]);
    check("القرن التاسع عشر", &[] as &[&str]);
    check("في الحادي والعشرين من سبتمبر", &[] as &[&str]);
    check("الحرب الثانية", &[] as &[&str]);
    check("الساعة الحادية عشرة", &[] as &[&str]);
    check("أحد عسكرييها", &[] as &[&str]);
}

#[test]
fn qualifiers() {
    check("قرابة 300 قتيل", &["300 = 300 digits about(قرابة) [قتيل]"]);
    check("حوالى 300 قتيل", &["300 = 300 digits about(حوالى) [قتيل]"]);
    check("زهاء 300 قتيل", &["300 = 300 digits about(زهاء) [قتيل]"]);
    check("ما يقرب من 300 قتيل", &["300 = 300 digits about(ما يقرب من) [قتيل]"]);
    check("300 قتيل تقريبا", &["300 = 300 digits about(تقريبا) [قتيل]"]);
    check("ما يزيد على 300 قتيل", &["300 = 300 digits more_than(ما يزيد على) [قتيل]"]);
    check("ما يربو عن 300 قتيل", &["300 = 300 digits more_than(ما يربو عن) [قتيل]"]);
    check("أزيد من 300 قتيل", &["300 = 300 digits more_than(أزيد من) [قتيل]"]);
    check("ما لا يقل عن 300 قتيل", &["300 = 300 digits at_least(ما لا يقل عن) [قتيل]"]);
    check("لا تقل عن 300", &["300 = 300 digits at_least(لا تقل عن)"]);
    check("على الأقل 300 قتيل", &["300 = 300 digits at_least(على الأقل) [قتيل]"]);
    check("300 قتيل أو أكثر", &["300 = 300 digits at_least(أو أكثر) [قتيل]"]);
    check("أقل من 300 قتيل", &["300 = 300 digits at_most(أقل من) [قتيل]"]);
    check("ما يصل إلى 300 قتيل", &["300 = 300 digits at_most(ما يصل إلى) [قتيل]"]);
    check("300 شخص بحد أقصى", &["300 = 300 digits at_most(بحد أقصى) [شخص]"]);
    check("عدد القتلى 300 تقريبا", &["300 = 300 digits about(تقريبا)"]);
}

#[test]
fn overflow_is_skipped_whole() {
    check("18446744073709551615 شخصا", &["18446744073709551615 = 18446744073709551615 digits [شخصا]"]);
    check("18446744073709551616 شخصا", &[] as &[&str]);
    check("99999999999 مليار دولار", &[] as &[&str]);
    check("ملايين الملايين الملايين الملايين", &[] as &[&str]);
    check(&"9".repeat(60), &[] as &[&str]);
}

#[test]
fn word_apis() {
    let p = NumberParser::builtin();
    assert_eq!(p.ordinal(&["السادس"]), Some((6, 1)));
    assert_eq!(p.ordinal(&["الحادي", "عشر"]), Some((11, 2)));
    assert_eq!(p.ordinal(&["الحادي", "والعشرين"]), Some((21, 2)));
    assert_eq!(p.ordinal(&["الحادي", "العشرين"]), Some((21, 2)));
    assert_eq!(p.ordinal(&["التاسعة"]), Some((9, 1)));
    assert_eq!(p.ordinal(&["الثانية", "عشرة"]), Some((12, 2)));
    assert_eq!(p.ordinal(&["الواحدة"]), Some((1, 1)));
    assert_eq!(p.ordinal(&["الثلاثين"]), Some((30, 1)));
    assert_eq!(p.ordinal(&["الحادي", "والثلاثين"]), Some((31, 2)));
    assert_eq!(p.ordinal(&["الاولي"]), Some((1, 1)));
    assert_eq!(p.ordinal(&["الحادي"]), None);
    assert_eq!(p.ordinal(&["عشر"]), None);
    assert_eq!(p.ordinal(&[]), None);
    assert_eq!(p.cardinal(&["التاسعة"]), None);
    assert_eq!(p.cardinal(&["خمسة", "الاف"]), Some((5000, 2)));
    assert_eq!(p.cardinal(&["ثلاثة"]), Some((3, 1)));
    assert_eq!(p.cardinal(&["7"]), Some((7, 1)));
    assert_eq!(p.cardinal(&["مائة", "خمسون"]), Some((150, 2)));
    assert_eq!(p.cardinal(&["2.5"]), None);
    assert_eq!(p.cardinal(&["2.5", "مليون"]), Some((2_500_000, 2)));
    assert_eq!(p.cardinal(&[]), None);
}

#[test]
fn models_clock_hours_and_hijri_years() {
    check("طائرات F-16 و F16", &[] as &[&str]);
    check("منظومة إس-300", &[] as &[&str]);
    // the letters written apart from the number
    check("مقاتلة إف 16", &["16 = 16 digits designation(إف)"]);
    check(
        "منظومة إس 400 وقاذفات بي 52",
        &["400 = 400 digits designation(إس)", "52 = 52 digits designation(بي)"],
    );
    check("دبابات تي 72", &["72 = 72 digits designation(تي)"]);
    check("جائحة كوفيد-19", &[] as &[&str]);
    check("الساعة 9 صباحا", &["9 = 9 digits clock(الساعة)"]);
    check("عام 1444 هـ", &["1444 = 1444 digits year(هـ)"]);
    check("الطفل البالغ 13 عاما", &["13 = 13 digits age:year(عاما)"]);
    check("البالغة مدته 5 سنوات", &["5 = 5 digits duration:year(سنوات)"]);
    check("عمره 13 فقط", &["13 = 13 digits age:year(عمره)"]);
    check("تحت سن 18", &["18 = 18 digits age:year(سن)"]);
}

#[test]
fn separate_numbers_stay_separate() {
    check("بين 5 آلاف و6 آلاف", &["5 آلاف = 5000 mixed", "6 آلاف = 6000 mixed"]);
    check("ثلاثة وأربعة", &["ثلاثة = 3 words", "وأربعة = 4 words"]);
    check("بين 100 و200 قتيل", &["100 = 100 digits", "200 = 200 digits [قتيل]"]);
    check("5 آلاف قتيل و12 جريحا", &["5 آلاف = 5000 mixed [قتيل]", "12 = 12 digits [جريحا]"]);
}

#[test]
fn what_is_not_a_counted_noun() {
    // 1 and 2 follow their noun
    check("وقُتل في الهجوم شخص واحد وأصيب اثنان آخران", &["واحد = 1 words", "اثنان = 2 words"]);
    check("اثنان من الجنود", &["اثنان = 2 words [الجنود]"]);
    // after an exact number the counted noun is indefinite
    check("القرار 2254 الصادر عن مجلس الأمن", &["2254 = 2254 digits"]);
    check("نزوح آلاف العائلات", &["آلاف = 2000..=9999 vague [العائلات]"]);
    // function words and what follows casualty figures
    check("أصيب 5 بجروح", &["5 = 5 digits"]);
    check("لقي 12 حتفهم", &["12 = 12 digits"]);
    check("إصابة العشرات بجروح", &["العشرات = 20..=99 vague"]);
    check(
        "ولقي أكثر من مئة شخص حتفهم، بينهم 25 طفلا",
        &["مئة = 100 words more_than(أكثر من) [شخص]", "25 = 25 digits [طفلا]"],
    );
    check("وصل عددهم إلى 36 من بينهم", &["36 = 36 digits"]);
}
