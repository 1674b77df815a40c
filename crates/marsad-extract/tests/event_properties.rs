//! Properties of the event layer on arbitrary input: it never panics, every event's evidence
//! and trigger are ranges of the original text on character boundaries, the trigger lies in
//! the evidence, roles index the article's entities, and claims link only to existing events.

use marsad_doc::{Document, Format, Metadata, Source};
use marsad_extract::casualties::Party;
use marsad_extract::wire::Record;
use marsad_extract::{Extractor, Options};
use proptest::prelude::*;

/// Arabic-biased text: trigger words, markers, names, clitics, punctuation and arbitrary
/// characters.
fn fragments() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "قصف",
        "قصفا",
        "اشتباكات",
        "شنت",
        "أذربيجان",
        "أرمينيا",
        "الأمر الذي نفته باكو",
        "اتهمت",
        "وزارة الدفاع",
        "دعت",
        "وقف إطلاق النار",
        "لوقف",
        "تعتزم",
        "سيعقد",
        "لن يُعقد",
        "لم",
        "إذا",
        "هجوم",
        "انتحاري",
        "غارات",
        "جوية",
        "منذ اندلاع",
        "هذا",
        "الهجوم",
        "تواصل",
        "مع",
        "هاتفيا",
        "اعتُقل",
        "ُ",
        "خطفهُم",
        "على يد",
        "على أيدي",
        "من قبل",
        "من جانب",
        "تم",
        "جرى إلقاء",
        "ألقي القبض",
        "غزو",
        "لقطر",
        "قتل",
        "في",
        "عن",
        "حسب رويترز",
        "قالت",
        "إن",
        "مقتل 49 جنديا",
        "فجر الثلاثاء",
        "13 سبتمبر 2022",
        "،",
        ".",
        ":",
        "\"",
        "«",
        "»",
        "\n",
        " ",
        "ـ",
        "ّ",
        "ً",
        "و",
        "ل",
        "ب",
        "ال",
        "ة",
        "x",
        "٣",
    ]);
    prop::collection::vec(
        prop_oneof![
            4 => pieces.prop_map(str::to_string),
            1 => any::<char>().prop_map(|c| c.to_string()),
        ],
        0..60,
    )
    .prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn events_stay_in_the_text(text in fragments()) {
        let doc = Document {
            id: "p".into(),
            source: Source { path: None, format: Format::Text, line: None },
            text: text.clone(),
            meta: Metadata { published: Some("2022-09-16".parse().unwrap()), ..Metadata::default() },
        };
        let ex = Extractor::new(Options::default()).extract(&doc);
        for e in &ex.events {
            for s in [e.evidence, e.trigger] {
                prop_assert!(s.start() <= s.end() && s.end() <= text.len());
                prop_assert!(text.is_char_boundary(s.start()) && text.is_char_boundary(s.end()));
            }
            prop_assert!(!e.evidence.is_empty());
            prop_assert!(e.evidence.contains(e.trigger));
            for p in e.actors.iter().chain(&e.targets).chain(&e.claimant) {
                if let Party::Entity(i) = p {
                    prop_assert!(*i < ex.entities.len());
                }
            }
            prop_assert!(e.locations.iter().chain(&e.reported_by).all(|&i| i < ex.entities.len()));
        }
        prop_assert_eq!(ex.claim_events.len(), ex.casualties.len());
        prop_assert!(ex.claim_events.iter().flatten().all(|&v| v < ex.events.len()));
        // the record's offsets are code points within the text
        let record = Record::new(&doc, &ex);
        let chars = text.chars().count();
        for e in &record.events {
            prop_assert!(e.evidence.start <= e.evidence.end && e.evidence.end <= chars);
        }
    }
}
