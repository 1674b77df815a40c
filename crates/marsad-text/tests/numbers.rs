//! Properties of the number layer: no panic on any input, spans on char boundaries, and round
//! trips of every number below a billion rendered as digits, grouped digits, Arabic words and
//! digits with scale words.

use marsad_text::numbers::{NumberForm, NumberParser, Quantity};
use marsad_text::{Normalizer, Span};
use proptest::prelude::*;
use proptest::sample::select;

/// Grammatical case of a rendered number: the nominative (اثنان, عشرون) or the accusative and
/// genitive, which share their forms (اثنين, عشرين).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Case {
    Nominative,
    Oblique,
}

/// How to render a number in words.
#[derive(Clone, Copy, Debug)]
struct Style {
    case: Case,
    /// مئة rather than مائة.
    short_hundred: bool,
}

const UNITS: [&str; 10] = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"];
const TENS_NOM: [&str; 10] =
    ["", "عشرة", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"];
const TENS_OBL: [&str; 10] =
    ["", "عشرة", "عشرين", "ثلاثين", "أربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين"];
/// The first part of ثلاثمائة … تسعمائة.
const HUNDRED_STEMS: [&str; 10] = ["", "", "", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثمان", "تسع"];

fn unit(n: u64, style: Style) -> &'static str {
    match (n, style.case) {
        (2, Case::Oblique) => "اثنين",
        _ => UNITS.get(n as usize).copied().unwrap_or(""),
    }
}

fn tens(n: u64, style: Style) -> &'static str {
    let table = if style.case == Case::Nominative { &TENS_NOM } else { &TENS_OBL };
    table.get(n as usize).copied().unwrap_or("")
}

/// 1..=99 in words, masculine.
fn below_hundred(n: u64, style: Style) -> String {
    match n {
        1..=9 => unit(n, style).to_owned(),
        10 => "عشرة".to_owned(),
        11 => "أحد عشر".to_owned(),
        12 if style.case == Case::Nominative => "اثنا عشر".to_owned(),
        12 => "اثني عشر".to_owned(),
        13..=19 => format!("{} عشر", unit(n - 10, style)),
        _ if n.is_multiple_of(10) => tens(n / 10, style).to_owned(),
        _ => format!("{} و{}", unit(n % 10, style), tens(n / 10, style)),
    }
}

fn hundreds(h: u64, style: Style) -> String {
    let hundred = if style.short_hundred { "مئة" } else { "مائة" };
    match (h, style.case) {
        (1, _) => hundred.to_owned(),
        (2, Case::Nominative) => if style.short_hundred { "مئتان" } else { "مائتان" }.to_owned(),
        (2, Case::Oblique) => if style.short_hundred { "مئتين" } else { "مائتين" }.to_owned(),
        _ => format!("{}{hundred}", HUNDRED_STEMS.get(h as usize).copied().unwrap_or("")),
    }
}

/// 1..=999 in words.
fn below_thousand(n: u64, style: Style) -> String {
    let (h, r) = (n / 100, n % 100);
    match (h, r) {
        (0, _) => below_hundred(r, style),
        (_, 0) => hundreds(h, style),
        _ => format!("{} و{}", hundreds(h, style), below_hundred(r, style)),
    }
}

/// The forms of a scale word: singular, accusative singular, dual nominative and oblique,
/// plural.
struct Scale {
    one: &'static str,
    one_acc: &'static str,
    two_nom: &'static str,
    two_obl: &'static str,
    many: &'static str,
}

const THOUSAND: Scale =
    Scale {
        one: "ألف", one_acc: "ألفا", two_nom: "ألفان", two_obl: "ألفين", many: "آلاف"
    };
const MILLION: Scale =
    Scale {
        one: "مليون", one_acc: "مليونا", two_nom: "مليونان", two_obl: "مليونين", many: "ملايين"
    };

/// `m` (1..=999) times a scale, with the counted scale word agreeing with the last part of
/// `m`: ثلاثة آلاف, أحد عشر ألفا, مائة ألف, مئتا ألف, مائة ألف وألف.
fn scaled(m: u64, scale: &Scale, style: Style) -> String {
    let two = if style.case == Case::Nominative { scale.two_nom } else { scale.two_obl };
    match (m, m % 100) {
        (1, _) => scale.one.to_owned(),
        (2, _) => two.to_owned(),
        (3..=10, _) => format!("{} {}", below_thousand(m, style), scale.many),
        (200, _) => {
            let construct = match (style.short_hundred, style.case) {
                (true, Case::Nominative) => "مئتا",
                (true, Case::Oblique) => "مئتي",
                (false, Case::Nominative) => "مائتا",
                (false, Case::Oblique) => "مائتي",
            };
            format!("{construct} {}", scale.one)
        }
        (_, 0) => format!("{} {}", below_thousand(m, style), scale.one),
        (_, 1) => format!("{} و{}", scaled(m - 1, scale, style), scale.one),
        (_, 2) => format!("{} و{two}", scaled(m - 2, scale, style)),
        (_, 3..=10) => format!("{} {}", below_thousand(m, style), scale.many),
        _ => format!("{} {}", below_thousand(m, style), scale.one_acc),
    }
}

/// `n` (below a billion) in Arabic words.
fn words(n: u64, style: Style) -> String {
    if n == 0 {
        return "صفر".to_owned();
    }
    let (millions, thousands, rest) = (n / 1_000_000, n / 1000 % 1000, n % 1000);
    let mut parts = Vec::new();
    if millions > 0 {
        parts.push(scaled(millions, &MILLION, style));
    }
    if thousands > 0 {
        parts.push(scaled(thousands, &THOUSAND, style));
    }
    if rest > 0 {
        parts.push(below_thousand(rest, style));
    }
    parts.join(" و")
}

/// `n` with a comma between groups of three digits.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `n` as digits and a scale word: 240 ألفا و831, 6 آلاف و196, 30 ألف.
fn mixed(n: u64, spaced: bool) -> String {
    let (high, rest) = (n / 1000, n % 1000);
    if high == 0 {
        return n.to_string();
    }
    let scale = match high % 100 {
        3..=10 => "آلاف",
        11..=99 => "ألفا",
        _ => "ألف",
    };
    match (rest, spaced) {
        (0, _) => format!("{high} {scale}"),
        (_, true) => format!("{high} {scale} و {rest}"),
        (_, false) => format!("{high} {scale} و{rest}"),
    }
}

/// The single expression found in `text`, which must cover all of it.
fn only_number(text: &str) -> Result<Quantity, TestCaseError> {
    let norm = Normalizer::analysis().normalize(text);
    let found = NumberParser::builtin().find(&norm, norm.full_span());
    prop_assert_eq!(found.len(), 1, "{:?} gave {:?}", text, found);
    prop_assert_eq!(found[0].span, Span::new(0, text.len()), "{:?}: span {}", text, found[0].span);
    Ok(found[0].value)
}

fn round_trips(n: u64, style: Style) -> Result<(), TestCaseError> {
    let text = words(n, style);
    prop_assert_eq!(only_number(&text)?, Quantity::Exact(n), "{}", text);
    // the word API, on the normalised words
    let normalized = Normalizer::analysis().normalize_str(&text);
    let ws: Vec<&str> = normalized.split(' ').collect();
    prop_assert_eq!(NumberParser::builtin().cardinal(&ws), Some((n, ws.len())), "{}", text);
    prop_assert_eq!(only_number(&n.to_string())?, Quantity::Exact(n));
    prop_assert_eq!(only_number(&grouped(n))?, Quantity::Exact(n), "{}", grouped(n));
    for spaced in [false, true] {
        let text = mixed(n, spaced);
        prop_assert_eq!(only_number(&text)?, Quantity::Exact(n), "{}", text);
    }
    Ok(())
}

fn style() -> impl Strategy<Value = Style> {
    (any::<bool>(), any::<bool>()).prop_map(|(nominative, short_hundred)| Style {
        case: if nominative { Case::Nominative } else { Case::Oblique },
        short_hundred,
    })
}

/// Words and characters the number layer reacts to, to build Arabic-looking noise.
const PIECES: &[&str] = &[
    "خمسة",
    "وخمسة",
    "آلاف",
    "الآلاف",
    "ألف",
    "ألفا",
    "ألفين",
    "مليون",
    "ونصف",
    "نصف",
    "عشر",
    "عشرة",
    "أحد",
    "إحدى",
    "اثنا",
    "الحادي",
    "والعشرين",
    "عشرات",
    "بضعة",
    "مئات",
    "مائة",
    "مئتا",
    "وعشرون",
    "و",
    "نحو",
    "أكثر",
    "من",
    "على",
    "الأقل",
    "ما",
    "لا",
    "يقل",
    "عن",
    "عاما",
    "العمر",
    "(",
    ")",
    "%",
    "بالمئة",
    "في",
    "المئة",
    "كيلومتر",
    "مربع",
    "سبتمبر",
    "عام",
    "جنديين",
    "اثنين",
    "يومين",
    "قتيلا",
    "جنديا",
    "2020",
    "135",
    "6,500",
    "2.5",
    "6.500",
    "19,45",
    "0",
    "99999999999999999999",
    "/",
    ":",
    "-",
    "،",
    ".",
    "\n",
    " ",
    " ",
    " ",
    "٣",
    "٫",
    "٬",
    "\u{064B}",
    "\u{0651}",
    "ـ",
    "\u{200F}",
    "ﻻ",
    "ى",
    "أ",
];

fn arabic_noise() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![8 => select(PIECES).prop_map(str::to_owned), 1 => any::<char>().prop_map(String::from)],
        0..40,
    )
    .prop_map(|pieces| pieces.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..60).prop_map(String::from_iter)
}

fn on_boundaries(text: &str, span: Span) -> bool {
    span.end() <= text.len() && text.is_char_boundary(span.start()) && text.is_char_boundary(span.end())
}

/// Runs the parser on `text` and checks the invariants of what it finds.
fn check_invariants(text: &str) -> Result<(), TestCaseError> {
    let norm = Normalizer::analysis().normalize(text);
    let parser = NumberParser::builtin();
    let found = parser.find(&norm, norm.full_span());
    let mut last_end = 0;
    for n in &found {
        prop_assert!(on_boundaries(text, n.span), "{:?}: {}", text, n.span);
        prop_assert!(!n.span.is_empty());
        prop_assert!(n.span.start() >= last_end, "overlap in {:?}", text);
        last_end = n.span.end();
        for span in [n.qualifier_span, n.unit_span, n.noun_span].into_iter().flatten() {
            prop_assert!(on_boundaries(text, span), "{:?}: {}", text, span);
        }
        if let Some((lo, hi)) = n.value.bounds() {
            prop_assert!(lo <= hi);
        }
        if n.form == NumberForm::Dual {
            prop_assert_eq!(n.value, Quantity::Exact(2));
        }
    }
    // any sub-span, and the word APIs on the normalised words
    let half = text.char_indices().nth(text.chars().count() / 2).map_or(0, |(i, _)| i);
    let _ = parser.find(&norm, Span::new(half, text.len() + 5));
    let words: Vec<&str> = norm.text().split_whitespace().collect();
    for k in 0..words.len() {
        let _ = parser.cardinal(&words[k..]);
        let _ = parser.ordinal(&words[k..]);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000),
        ..ProptestConfig::default()
    })]

    #[test]
    fn numbers_below_a_billion_round_trip(n in 0u64..1_000_000_000, style in style()) {
        round_trips(n, style)?;
    }

    #[test]
    fn small_numbers_round_trip(n in 0u64..20_000, style in style()) {
        round_trips(n, style)?;
    }

    #[test]
    fn no_panic_on_arabic_noise(text in arabic_noise()) {
        check_invariants(&text)?;
    }

    #[test]
    fn no_panic_on_any_text(text in any_text()) {
        check_invariants(&text)?;
    }

    #[test]
    fn large_digits_fit_or_are_skipped(n in any::<u64>(), extra in 0u32..3) {
        let text = format!("{n}{}", "0".repeat(extra as usize));
        let norm = Normalizer::analysis().normalize(&text);
        let found = NumberParser::builtin().find(&norm, norm.full_span());
        match u64::try_from(u128::from(n) * 10u128.pow(extra)) {
            Ok(v) => prop_assert_eq!(found.first().map(|n| n.value), Some(Quantity::Exact(v))),
            Err(_) => prop_assert!(found.is_empty()),
        }
    }
}

#[test]
fn edge_values_round_trip() {
    let styles = [
        Style { case: Case::Nominative, short_hundred: false },
        Style { case: Case::Oblique, short_hundred: true },
    ];
    let mut values: Vec<u64> = (0..=1_200).collect();
    values.extend([
        1_999,
        2_000,
        2_001,
        2_002,
        3_000,
        10_000,
        10_001,
        11_000,
        12_000,
        99_999,
        100_000,
        100_001,
        101_000,
        102_000,
        200_000,
        202_000,
        201_001,
        999_999,
        1_000_000,
        1_000_001,
        1_001_000,
        1_500_000,
        2_000_000,
        2_000_002,
        2_200_000,
        3_000_000,
        11_000_000,
        100_000_000,
        101_101_101,
        200_200_200,
        999_999_999,
    ]);
    for n in values {
        for style in styles {
            if let Err(e) = round_trips(n, style) {
                panic!("{n}: {e}");
            }
        }
    }
}

#[test]
fn renderer_writes_real_arabic() {
    let nom = Style { case: Case::Nominative, short_hundred: false };
    let obl = Style { case: Case::Oblique, short_hundred: true };
    assert_eq!(words(3_000, nom), "ثلاثة آلاف");
    assert_eq!(words(11_000, nom), "أحد عشر ألفا");
    assert_eq!(words(100_000, nom), "مائة ألف");
    assert_eq!(words(2_000, nom), "ألفان");
    assert_eq!(words(2_000, obl), "ألفين");
    assert_eq!(words(200_000, obl), "مئتي ألف");
    assert_eq!(words(101_000, nom), "مائة ألف وألف");
    assert_eq!(words(1_525, nom), "ألف وخمسمائة وخمسة وعشرون");
    assert_eq!(words(240_831, obl), "مئتين وأربعين ألفا وثمانمئة وواحد وثلاثين");
    assert_eq!(mixed(6_196, false), "6 آلاف و196");
    assert_eq!(mixed(240_831, false), "240 ألفا و831");
    assert_eq!(grouped(1_234_567), "1,234,567");
}

#[test]
fn the_same_text_with_an_offset_gives_the_same_values() {
    let text = "قتل نحو 6500 شخص و30 ألفا و12 جنديا";
    let padded = format!("عنوان\n\n{text}");
    let values = |t: &str| {
        let norm = Normalizer::analysis().normalize(t);
        NumberParser::builtin().find(&norm, norm.full_span()).iter().map(|n| n.value).collect::<Vec<_>>()
    };
    assert_eq!(values(text), values(&padded));
}
