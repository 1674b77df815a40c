//! One test per rule, on sentences of the seed articles (examples/corpus/) or written like
//! them.

use marsad_doc::{Document, Format, Metadata, Source};

use super::{Casualty, Kind, Party, Population};
use crate::{Extraction, Extractor, Options};

fn extract(text: &str) -> Extraction {
    let doc = Document {
        id: "t".into(),
        source: Source { path: None, format: Format::Text, line: None },
        text: text.into(),
        meta: Metadata::default(),
    };
    Extractor::new(Options::default()).extract(&doc)
}

/// The claims as (count, kind, population) with the evidence text.
fn claims(text: &str) -> Vec<(Option<u64>, Kind, Population)> {
    extract(text).casualties.iter().map(|c| (c.count, c.kind, c.population)).collect()
}

/// The English name of a party.
fn name(ex: &Extraction, p: Option<&Party>) -> Option<String> {
    match p? {
        Party::Entity(i) => Some(ex.entities[*i].name.clone()),
        Party::Name(n) => Some(n.clone()),
        Party::Both => Some("both".into()),
    }
}

fn only(ex: &Extraction) -> &Casualty {
    assert_eq!(ex.casualties.len(), 1, "{:?}", ex.casualties);
    &ex.casualties[0]
}

#[test]
fn noun_gives_the_kind_and_tanween_is_read() {
    let text = "تعرضت عدة مواقع أرمينية لقصف أذري أسفر عن سقوط 135 قتيلًا من الجيش الأرميني.";
    let ex = extract(text);
    let c = only(&ex);
    assert_eq!((c.count, c.kind, c.population), (Some(135), Kind::Killed, Population::Military));
    assert_eq!(c.rule, "noun");
    assert_eq!(name(&ex, c.side.as_ref()).as_deref(), Some("Armenia"));
    assert!(c.evidence.slice(text).contains("135 قتيلًا"));
}

#[test]
fn trigger_before_the_number() {
    assert_eq!(
        claims("وأفادت مصادر أمنية عراقية أمس الثلاثاء بمقتل 24 مدنيا وإصابة 37 آخرين في مدينة بعقوبة."),
        [(Some(24), Kind::Killed, Population::Civilian), (Some(37), Kind::Wounded, Population::Civilian)]
    );
}

#[test]
fn trigger_after_the_noun() {
    assert_eq!(
        claims("وقال الجيش إن خمسة جنود قتلوا وفقد 15 آخرون في المعارك."),
        [(Some(5), Kind::Killed, Population::Military), (Some(15), Kind::Missing, Population::Military)]
    );
}

#[test]
fn no_trigger_no_claim() {
    // troop sizes, vehicles, houses, durations, ages and years are not casualties
    assert!(claims("ونشرت روسيا 2000 جندي في الإقليم لمدة خمس سنوات.").is_empty());
    assert!(claims("استمرت الحرب 44 يوما عام 2020.").is_empty());
    assert_eq!(
        claims("وأشارت إلى مقتل 18 مدنيا وتدمير 13 منزلا وإحراق ثماني سيارات."),
        [(Some(18), Kind::Killed, Population::Civilian)]
    );
    assert_eq!(
        claims("وأعلنت أذربيجان وفاة مراهق روسي يبلغ من العمر 13 عاماً بعد إصابته.").len(),
        0,
        "13 is an age"
    );
}

#[test]
fn vague_counts_have_no_figure() {
    let ex = extract("وقتل 51 شخصا وجرح مئات آخرون منذ مساء الخميس في كابل.");
    let got: Vec<_> = ex.casualties.iter().map(|c| (c.count, c.kind, c.qualifier)).collect();
    assert_eq!(got, [(Some(51), Kind::Killed, "exact"), (None, Kind::Wounded, "unspecified")]);
}

#[test]
fn qualifiers_come_from_the_number_layer() {
    let ex = extract("حين سقط 286 شخصاً على الأقل في مواجهات على الحدود، وأسفرت الحرب عن مقتل نحو 6500 شخص.");
    let got: Vec<_> = ex.casualties.iter().map(|c| (c.count, c.qualifier)).collect();
    assert_eq!(got, [(Some(286), "at_least"), (Some(6500), "about")]);
}

#[test]
fn killed_and_wounded_together_are_casualties() {
    assert_eq!(
        claims("وقالت وكالة سبأ إن هناك 88 قتيلا وجريحا بينهم نساء وأطفال."),
        [(Some(88), Kind::Casualties, Population::Unspecified)]
    );
}

#[test]
fn dual_nouns_count_two() {
    assert_eq!(
        claims("وقتل جنديان آخران في تبادل لإطلاق النار."),
        [(Some(2), Kind::Killed, Population::Military)]
    );
}

#[test]
fn side_from_a_nisba_and_a_claim_without_a_number() {
    let ex = extract("وأسفرت الاشتباكات عن مقتل عسكريين أذريين لم تحدّد عددهم.");
    let c = only(&ex);
    assert_eq!(
        (c.count, c.kind, c.population, c.qualifier),
        (None, Kind::Killed, Population::Military, "unspecified")
    );
    assert_eq!(name(&ex, c.side.as_ref()).as_deref(), Some("Azerbaijan"));
}

#[test]
fn losses_in_the_ranks() {
    let ex = extract("وأضاف البيان أن القصف الأرمني أسفر عن خسائر في صفوف العسكريين الأذريين.");
    let c = only(&ex);
    assert_eq!((c.count, c.kind, c.population), (None, Kind::Casualties, Population::Military));
    assert_eq!(name(&ex, c.side.as_ref()).as_deref(), Some("Azerbaijan"));
}

#[test]
fn possessive_means_the_claimants_own_side() {
    let ex = extract("وأعلنت أذربيجان خسارة 71 من قواتها خلال هذه الاشتباكات.");
    let c = only(&ex);
    assert_eq!((c.count, c.population), (Some(71), Population::Military));
    assert_eq!(name(&ex, c.side.as_ref()).as_deref(), Some("Azerbaijan"));
    assert_eq!(name(&ex, c.claimant.as_ref()).as_deref(), Some("Azerbaijan"));
}

#[test]
fn claimant_after_according_to() {
    let text = "أسفر القصف عن سقوط 135 قتيلًا من الجيش الأرميني بحسب تصريحات أدلى بها رئيس الوزراء الأرميني، نيكول باشينيان.";
    let ex = extract(text);
    assert_eq!(name(&ex, only(&ex).claimant.as_ref()).as_deref(), Some("Nikol Pashinyan"));
}

#[test]
fn claimant_carries_over_in_the_paragraph() {
    let ex = extract(
        "أعلن رئيس الوزراء الأرميني نيكول باشينيان استمرار العمليات القتالية على الحدود، وأشار إلى مقتل 49 جنديا خلال المعارك.",
    );
    let c = only(&ex);
    assert_eq!(name(&ex, c.claimant.as_ref()).as_deref(), Some("Nikol Pashinyan"));
    // soldiers of no stated side are the claimant's country's
    assert_eq!(name(&ex, c.side.as_ref()).as_deref(), Some("Armenia"));
}

#[test]
fn a_news_agency_reports() {
    let ex = extract("وقتل 29 جنديا أوكرانيا خلال الشهر الماضي، حسب رويترز.");
    let c = only(&ex);
    assert_eq!(c.reported_by.len(), 1);
    assert_eq!(ex.entities[c.reported_by[0]].name, "Reuters");
    assert_eq!(name(&ex, c.side.as_ref()).as_deref(), Some("Ukraine"));
}

#[test]
fn fighting_totals_count_both_sides() {
    let ex = extract("وارتفع عدد ضحايا النزاع بين أرمينيا وأذربيجان إلى أكثر من 200.");
    let c = only(&ex);
    assert_eq!((c.count, c.kind, c.qualifier), (Some(200), Kind::Killed, "more_than"));
    assert_eq!(c.side, Some(Party::Both));
    assert!(c.cumulative);
}

#[test]
fn running_totals_are_cumulative() {
    let ex = extract("وقالت وزارة الدفاع إن 36 من مقاتليها لقوا حتفهم. وقتل 65 مدنياً منذ اندلاع المعارك.");
    let got: Vec<_> = ex.casualties.iter().map(|c| (c.count, c.cumulative)).collect();
    assert_eq!(got, [(Some(36), false), (Some(65), true)]);
}

#[test]
fn a_figure_told_twice_is_one_claim() {
    let text = "سقط 135 جنديًّا من أرمينيا في الاشتباكات.\n\nوأسفر القصف عن سقوط 135 قتيلًا بحسب رئيس الوزراء الأرميني نيكول باشينيان.";
    let ex = extract(text);
    let c = only(&ex);
    assert_eq!(name(&ex, c.claimant.as_ref()).as_deref(), Some("Nikol Pashinyan"));
}

#[test]
fn the_sentence_date_is_the_claims() {
    let ex = extract("منشور في 2020-10-25\n\nوقتل 131 مدنيا في 28 أيلول/سبتمبر 2015 في غارة.");
    let c = only(&ex);
    assert_eq!(c.date.as_deref(), Some("2015-09-28"));
}

#[test]
fn spans_index_the_original_text_and_odd_input_does_not_panic() {
    let text = "\u{feff}قُتِلَ ٣ جنود، وأُصيب ٥ آخرون.";
    let ex = extract(text);
    assert_eq!(ex.casualties.len(), 2);
    for c in &ex.casualties {
        assert!(text.is_char_boundary(c.evidence.start()) && text.is_char_boundary(c.evidence.end()));
    }
    for odd in ["", "مقتل", "135", "مقتل 0 جندي", "من من من 5 من", "،،، قتل ،،، 3"]
    {
        let _ = extract(odd);
    }
}
