//! Properties of the entity layer on arbitrary input, with or without a year of publication: it
//! never panics, every mention is a non-empty range of the original text on character
//! boundaries, mentions of different entities never overlap, and every entity has a name and at
//! least one mention.

use marsad_extract::entities;
use marsad_kb::Kb;
use marsad_text::{Normalizer, Segmenter, analyse};
use proptest::prelude::*;

/// Arabic-biased text: words of the knowledge base, heads, titles, clitics, digits, brackets
/// and arbitrary characters.
fn fragments() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "وزارة الدفاع",
        "الأرمينية",
        "الجيش",
        "الأذري",
        "قوات",
        "باكو",
        "النظام",
        "السوري",
        "محافظة",
        "بلدات",
        "غوريس",
        "وسوتك",
        "مدينة",
        "حركة",
        "المتحدث باسم",
        "العقيد",
        "نيكول",
        "باشينيان",
        "ولبوتين",
        "(",
        ")",
        "إس بي يو",
        "المرصد",
        "جبهة",
        "مستشفى",
        "بن",
        "أبو",
        "كيم",
        "العدل",
        "أبي",
        "سلمان",
        "بيرغمان",
        "بيرند",
        "صواريخ",
        "كروز",
        "المدرب",
        "الحكم",
        "العثماني",
        "ال",
        "و",
        "ل",
        "ب",
        "ً",
        "ّ",
        "ـ",
        "\n",
        " ",
        "،",
        ".",
        "123",
        "٣",
        "ى",
        "ة",
        "a",
        "\u{200f}",
    ]);
    prop::collection::vec(prop_oneof![4 => pieces.prop_map(str::to_string), 1 => "\\PC{0,3}"], 0..40)
        .prop_map(|v| v.join(" "))
}

fn check(text: &str, year: Option<i32>) -> Result<(), TestCaseError> {
    let norm = Normalizer::analysis().normalize(text);
    let tokens: Vec<_> = analyse(&norm, norm.full_span(), Segmenter::builtin()).collect();
    let found = entities::find_with(
        &norm,
        &[&tokens],
        Kb::builtin(),
        Some(entities::Tagger { model: marsad_ner::Model::builtin(), not_names: &[] }),
        year,
    );
    let mut spans = Vec::new();
    for (i, e) in found.iter().enumerate() {
        prop_assert!(!e.mentions.is_empty());
        prop_assert!(!e.name.is_empty());
        for m in &e.mentions {
            let (s, t) = (m.span.start(), m.span.end());
            prop_assert!(s < t && t <= text.len(), "{s}..{t} in {}", text.len());
            prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(t));
            spans.push((s, t, i));
        }
    }
    spans.sort();
    for w in spans.windows(2) {
        prop_assert!(w[0].1 <= w[1].0 || w[0].2 == w[1].2, "mentions overlap: {:?}", w);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arabic_fragments(text in fragments(), year in prop::option::of(1900..2100i32)) {
        check(&text, year)?;
    }

    #[test]
    fn any_unicode(text in "\\PC{0,200}", year in prop::option::of(1900..2100i32)) {
        check(&text, year)?;
    }
}
