//! What the store tests share: records like `marsad extract` writes, and a synthetic corpus
//! of near-duplicates and reused paragraphs.
#![allow(dead_code)]

use marsad_store::{Article, ContentHash, Elsewhere, Identity, RunId, SearchQuery, Store, StoreError};
use serde_json::json;

/// Code-point range of the first occurrence of `needle` in `text`.
pub fn cp(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in the text"));
    let start = text[..at].chars().count();
    (start, start + needle.chars().count())
}

/// A record like `marsad extract` writes, for a two-paragraph article about shelling.
pub fn article(key: &str, id: &str, text: &str, outlet: &str) -> Article {
    let title_end = text.find('\n').unwrap_or(text.len());
    let title = &text[..title_end];
    let body = (title.chars().count() + 1, text.chars().count());
    let armenia = cp(text, "أرمينيا");
    let goris = cp(text, "غوريس");
    let evidence = cp(text, "قصف");
    let killed = text.find("49").map(|_| cp(text, "49"));
    let mut casualties = Vec::new();
    if let Some((s, e)) = killed {
        casualties.push(
            json!({"count": 49, "qualifier": "exact", "kind": "killed", "population": "military",
            "side": "e1", "claimant": null, "reported_by": [], "date": "2022-09-13", "cumulative": false,
            "event": "v1", "evidence": {"start": s, "end": e}}),
        );
    }
    let record = json!({
        "id": id,
        "source": {"path": key, "format": "text"},
        "outlet": outlet,
        "published": "2022-09-13",
        "published_from": "metadata",
        "text": "",
        "title": {"text": title, "start": 0, "end": title.chars().count()},
        "paragraphs": [{"start": body.0, "end": body.1, "kind": "body"}],
        "debris": [],
        "entities": [
            {"id": "e1", "type": "GPE", "name": "Armenia", "name_ar": "أرمينيا", "kb": "country:armenia",
             "mentions": [{"start": armenia.0, "end": armenia.1, "rule": "kb"}]},
            {"id": "e2", "type": "GPE", "name": "Goris", "name_ar": "غوريس", "kb": "place:goris",
             "mentions": [{"start": goris.0, "end": goris.1, "rule": "kb"}]},
            {"id": "e3", "type": "PERSON", "name": "Someone Unknown", "name_ar": "فلان الفلاني", "kb": null,
             "mentions": []},
        ],
        "times": [],
        "events": [{"id": "v1", "type": "FIGHT", "mode": "shelling", "date": "2022-09-13", "actors": ["Azerbaijan"],
            "targets": ["e1"], "locations": ["e2"], "claimant": null, "reported_by": [], "negated": false,
            "evidence": {"start": evidence.0, "end": evidence.1}, "modality": "asserted"}],
        "casualties": casualties,
        "language": "ar",
    });
    let hash = ContentHash::of(&[id, text]);
    Article::new(Identity { key: key.into(), hash }, record.to_string(), text.into()).expect("a valid record")
}

pub const TEXT_A: &str = "قصفٌ على غوريس\nقالت وزارة الدفاع إن أذربيجان شنّت قصفاً مكثّفاً بالمدفعيّة على مدينة غوريس في أرمينيا وقتل 49 جندياً.";
pub const TEXT_B: &str = "اجتماع في موسكو\nوصل الوزيرُ إلى موسكو لبحث الوضع في أرمينيا بعد قصف غوريس أمس.";

/// A record with the given paragraphs (one per line of `text`) and nothing extracted.
pub fn plain(key: &str, text: &str, outlet: &str, published: &str) -> Article {
    let mut paragraphs = Vec::new();
    let mut at = 0usize;
    for line in text.split('\n') {
        let n = line.chars().count();
        paragraphs.push(json!({"start": at, "end": at + n, "kind": "body"}));
        at += n + 1;
    }
    let record = json!({
        "id": key, "source": {"path": key, "format": "text"}, "outlet": outlet, "published": published,
        "text": "", "title": null, "paragraphs": paragraphs,
    });
    Article::new(
        Identity { key: key.into(), hash: ContentHash::of(&[key, text, published]) },
        record.to_string(),
        text.into(),
    )
    .unwrap()
}

/// `n` distinct Arabic-looking words from a seed.
pub fn words(seed: u32, n: usize) -> Vec<String> {
    const LETTERS: [char; 20] =
        ['ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ع', 'غ', 'ق', 'ك', 'م', 'ن'];
    let mut x = seed.wrapping_mul(2_654_435_761).wrapping_add(12_345);
    (0..n)
        .map(|_| {
            (0..4)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 17;
                    x ^= x << 5;
                    LETTERS[(x % 20) as usize]
                })
                .collect()
        })
        .collect()
}

pub fn para(seed: u32, n: usize) -> String {
    words(seed, n).join(" ")
}

pub fn write(store: &mut dyn Store, batch: &[Article]) {
    let run = store.begin_run(&[]).unwrap();
    store.write_batch(run, batch, Elsewhere::default()).unwrap();
    store.end_run(run, marsad_store::RunStatus::Complete).unwrap();
}

/// 420 articles: random texts, every eleventh from the 200th on a near-duplicate of the
/// article 200 before it (its last two paragraphs), every other fifth from the 150th on
/// reusing the first paragraph of the article 150 before it, edited (both found after the
/// writer has read the stored buckets into its filter).
pub fn corpus() -> Vec<Article> {
    let duplicate = |i: u32| i.is_multiple_of(11) && i >= 200;
    let first = |i: u32| if duplicate(i) { 5000 + i } else { 1000 + i };
    let texts: Vec<String> = (0..420u32)
        .map(|i| {
            if duplicate(i) {
                let j = i - 200;
                format!("{}\n{}\n{}", para(first(i), 30), para(2000 + j, 45), para(3000 + j, 25))
            } else if i.is_multiple_of(5) && i >= 150 {
                let mut reused = words(first(i - 150), 30);
                reused[7] = "تعديل".into();
                format!("{}\n{}\n{}", para(first(i), 30), reused.join(" "), para(3000 + i, 25))
            } else {
                format!("{}\n{}\n{}", para(first(i), 30), para(2000 + i, 45), para(3000 + i, 25))
            }
        })
        .collect();
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| plain(&format!("k{i:03}"), t, "Feed", &format!("2022-09-{:02}", 1 + i % 20)))
        .collect()
}

/// Writes articles A and B in a run, the same batch again (nothing changes), then A changed
/// (replaced, its claim gone, its old words no longer found); returns the run, still open.
/// Each backend then checks that no row of the old version is left.
pub fn write_twice_then_change(store: &mut dyn Store) -> RunId {
    let run = store.begin_run(&["x".into()]).unwrap();
    let batch = [article("a.txt", "a", TEXT_A, "Test News"), article("b.txt", "b", TEXT_B, "Other")];
    let first = store.write_batch(run, &batch, Elsewhere::default()).unwrap();
    assert_eq!((first.added, first.replaced, first.unchanged), (2, 0, 0));
    let before = store.stats().unwrap();
    assert_eq!((before.articles, before.events, before.claims, before.entities), (2, 2, 1, 3));
    let again = store.write_batch(run, &batch, Elsewhere::default()).unwrap();
    assert_eq!((again.added, again.replaced, again.unchanged), (0, 0, 2));
    assert_eq!(store.stats().unwrap(), before);
    // the same key with another text: replaced, with all its rows (the claim is gone)
    let changed = article("a.txt", "a", &TEXT_A.replace("وقتل 49 جندياً", "دون ضحايا"), "Test News");
    let third = store.write_batch(run, &[changed], Elsewhere::default()).unwrap();
    assert_eq!((third.added, third.replaced), (0, 1));
    let after = store.stats().unwrap();
    assert_eq!((after.articles, after.events, after.claims), (2, 2, 0));
    // the old text is no longer found
    let q = SearchQuery { text: "جندي".into(), limit: 10, ..SearchQuery::default() };
    assert!(store.search(&q).unwrap().is_empty());
    run
}

/// Search over articles A and B: marks, alef forms and clitics folded, snippets mapped to
/// the original text, phrases, exclusions, OR, the title weighing more, and every filter.
pub fn search_checks(store: &dyn Store) {
    let search = |text: &str| {
        store.search(&SearchQuery { text: text.into(), limit: 10, ..SearchQuery::default() }).unwrap()
    };
    // المدفعية without its marks and article finds بالمدفعيّة
    let hits = search("مدفعية");
    assert_eq!(hits.len(), 1);
    let hit = &hits[0];
    assert_eq!(hit.doc_id, "a");
    let (s, e) = hit.snippet.highlights[0];
    let original: String = TEXT_A.chars().skip(s).take(e - s).collect();
    assert_eq!(original, "بالمدفعيّة");
    assert!(hit.snippet.marked("[", "]").contains("[بالمدفعيّة]"), "{}", hit.snippet.marked("[", "]"));
    // alef forms: ارمينيا finds أرمينيا in both; the title weighs more (غوريس is A's title)
    assert_eq!(search("ارمينيا").len(), 2);
    assert_eq!(search("غوريس")[0].doc_id, "a");
    // a phrase, an exclusion, OR
    assert_eq!(search("\"قصفا مكثفا\"").len(), 1);
    assert_eq!(search("\"مكثفا قصفا\"").len(), 0);
    assert_eq!(search("أرمينيا -موسكو").len(), 1);
    assert_eq!(search("موسكو OR بالمدفعية").len(), 2);
    // filters
    let filtered =
        |f: SearchQuery| store.search(&SearchQuery { text: "أرمينيا".into(), limit: 10, ..f }).unwrap().len();
    assert_eq!(filtered(SearchQuery { kind: Some("killed".into()), ..SearchQuery::default() }), 1);
    assert_eq!(filtered(SearchQuery { outlet: Some("y".into()), ..SearchQuery::default() }), 1);
    assert_eq!(filtered(SearchQuery { category: Some("fight".into()), ..SearchQuery::default() }), 2);
    assert_eq!(filtered(SearchQuery { entity: Some("Goris".into()), ..SearchQuery::default() }), 2);
    assert_eq!(filtered(SearchQuery { entity: Some("غوريس".into()), ..SearchQuery::default() }), 2);
    assert_eq!(filtered(SearchQuery { entity: Some("Nowhere".into()), ..SearchQuery::default() }), 0);
    assert_eq!(filtered(SearchQuery { from: Some("2022-09-14".into()), ..SearchQuery::default() }), 0);
    assert_eq!(filtered(SearchQuery { to: Some("2022-09".into()), ..SearchQuery::default() }), 2);
    // a quote in a term cannot break out of it
    assert!(store.search(&SearchQuery { text: "it's".into(), limit: 10, ..SearchQuery::default() }).is_ok());
    // a query of punctuation only is an error, not a crash
    assert!(matches!(
        store.search(&SearchQuery { text: "«»!".into(), limit: 10, ..SearchQuery::default() }),
        Err(StoreError::Query(_))
    ));
}

/// Every stored record, parsed, in ingestion order.
pub fn records(store: &dyn Store) -> Vec<serde_json::Value> {
    let mut records = Vec::new();
    store
        .for_each_record(&mut |r| {
            records.push(serde_json::from_str(&r).expect("a stored record is JSON"));
            Ok(())
        })
        .unwrap();
    records
}
