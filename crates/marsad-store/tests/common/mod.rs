//! What the store tests share: records like `marsad extract` writes, and a synthetic corpus
//! of near-duplicates and reused paragraphs.
#![allow(dead_code)]

use marsad_store::{Article, ContentHash, Elsewhere, Identity, Store};
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
