//! The SQLite store through its trait: migrations, idempotent and replacing writes, global
//! entities, search with original-text snippets, exports.

use marsad_store::export::{ACLED_HEADER, Format, export};
use marsad_store::schema::LATEST;
use marsad_store::{
    Article, ClaimFilter, ContentHash, Elsewhere, Identity, SearchQuery, SqliteStore, Store, StoreError,
};
use serde_json::json;

/// Code-point range of the first occurrence of `needle` in `text`.
fn cp(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in the text"));
    let start = text[..at].chars().count();
    (start, start + needle.chars().count())
}

/// A record like `marsad extract` writes, for a two-paragraph article about shelling.
fn article(key: &str, id: &str, text: &str, outlet: &str) -> Article {
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

const TEXT_A: &str = "قصفٌ على غوريس\nقالت وزارة الدفاع إن أذربيجان شنّت قصفاً مكثّفاً بالمدفعيّة على مدينة غوريس في أرمينيا وقتل 49 جندياً.";
const TEXT_B: &str = "اجتماع في موسكو\nوصل الوزيرُ إلى موسكو لبحث الوضع في أرمينيا بعد قصف غوريس أمس.";

fn open() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("t.db")).unwrap();
    (dir, store)
}

/// A new database holding articles `a` (TEXT_A) and `b` (TEXT_B), written in one batch.
fn open_with_two_articles() -> (tempfile::TempDir, SqliteStore) {
    let (dir, mut store) = open();
    let run = store.begin_run(&[]).unwrap();
    store
        .write_batch(
            run,
            &[article("a.txt", "a", TEXT_A, "X"), article("b.txt", "b", TEXT_B, "Y")],
            Elsewhere::default(),
        )
        .unwrap();
    (dir, store)
}

#[test]
fn a_new_database_is_at_the_latest_schema() {
    let (_dir, store) = open();
    assert_eq!(store.schema_version().unwrap(), LATEST);
}

#[test]
fn an_older_database_is_migrated_and_keeps_its_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        // a database of the first schema version, with an article in it
        let old = SqliteStore::open_at_version(&path, 1).unwrap();
        assert_eq!(old.schema_version().unwrap(), 1);
        old.connection()
            .execute(
                "INSERT INTO articles (key, doc_id, source_format, hash, text, record) VALUES ('k', 'd', 'text', x'00', 'نص', '{}')",
                [],
            )
            .unwrap();
    }
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST);
    assert_eq!(store.stats().unwrap().articles, 1);
}

#[test]
fn a_newer_database_is_refused_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    drop(SqliteStore::open(&path).unwrap());
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(&format!("PRAGMA user_version = {}", LATEST + 1))
        .unwrap();
    let err = SqliteStore::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::TooNew { found, .. } if found == LATEST + 1), "{err}");
    assert!(err.to_string().contains("newer than this marsad supports"), "{err}");
}

#[test]
fn another_applications_database_or_a_non_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); PRAGMA user_version = 1;")
        .unwrap();
    assert!(matches!(SqliteStore::open(&path), Err(StoreError::NotMarsad { .. })));
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"this is not a database, just some text that is long enough to have a header....")
        .unwrap();
    assert!(SqliteStore::open(&junk).is_err());
}

#[test]
fn writing_the_same_batch_twice_changes_nothing_and_a_changed_article_is_replaced() {
    let (_dir, mut store) = open();
    let run = store.begin_run(&["x".into()]).unwrap();
    let batch = [article("a.txt", "a", TEXT_A, "Test News"), article("b.txt", "b", TEXT_B, "Other")];
    let first = store.write_batch(run, &batch, Elsewhere::default()).unwrap();
    assert_eq!((first.added, first.replaced, first.unchanged), (2, 0, 0));
    let before = store.stats().unwrap();
    assert_eq!((before.articles, before.events, before.claims), (2, 2, 1));
    let again = store.write_batch(run, &batch, Elsewhere::default()).unwrap();
    assert_eq!((again.added, again.replaced, again.unchanged), (0, 0, 2));
    assert_eq!(store.stats().unwrap(), before);

    // the same key with another text: replaced, with all its rows (the claim is gone)
    let changed = article("a.txt", "a", &TEXT_A.replace("وقتل 49 جندياً", "دون ضحايا"), "Test News");
    let third = store.write_batch(run, &[changed], Elsewhere::default()).unwrap();
    assert_eq!((third.added, third.replaced), (0, 1));
    let after = store.stats().unwrap();
    assert_eq!((after.articles, after.events, after.claims), (2, 2, 0));
    let orphans: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM mentions WHERE article NOT IN (SELECT id FROM articles)", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(orphans, 0);
    // the old text is no longer found
    let q = SearchQuery { text: "جندي".into(), limit: 10, ..SearchQuery::default() };
    assert!(store.search(&q).unwrap().is_empty());
}

#[test]
fn entities_are_merged_across_articles_by_kb_id_or_normalised_name() {
    let (_dir, store) = open_with_two_articles();
    // Armenia, Goris, the unknown person: three entities for six record entities
    assert_eq!(store.stats().unwrap().entities, 3);
    let goris: (Option<f64>, Option<String>) = store
        .connection()
        .query_row("SELECT lat, country FROM entities WHERE kb = 'place:goris'", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert!(goris.0.is_some_and(|lat| (39.0..40.0).contains(&lat)), "Goris has its coordinates: {goris:?}");
    assert_eq!(goris.1.as_deref(), Some("country:armenia"));
}

#[test]
fn search_folds_marks_alef_forms_and_clitics_and_maps_snippets_to_the_original() {
    let (_dir, store) = open_with_two_articles();
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
    // a query of punctuation only is an error, not a crash
    assert!(matches!(
        store.search(&SearchQuery { text: "«»!".into(), limit: 10, ..SearchQuery::default() }),
        Err(StoreError::Query(_))
    ));
}

#[test]
fn claims_come_back_with_their_source_and_evidence() {
    let (_dir, mut store) = open();
    let run = store.begin_run(&[]).unwrap();
    store.write_batch(run, &[article("a.txt", "a", TEXT_A, "Test News")], Elsewhere::default()).unwrap();
    let claims =
        store.claims(&ClaimFilter { entity: Some("Armenia".into()), ..ClaimFilter::default() }).unwrap();
    assert_eq!(claims.len(), 1);
    let c = &claims[0];
    assert_eq!((c.count, c.kind.as_str(), c.outlet.as_deref()), (Some(49), "killed", Some("Test News")));
    assert_eq!(c.side.as_ref().map(|s| s.name.as_str()), Some("Armenia"));
    assert_eq!(c.evidence, "49");
    assert!(
        store
            .claims(&ClaimFilter { entity: Some("Azerbaijan".into()), ..ClaimFilter::default() })
            .unwrap()
            .is_empty()
    );
}

#[test]
fn exports_carry_every_record_and_the_located_events() {
    let (_dir, store) = open_with_two_articles();
    let mut out = Vec::new();
    export(&store, Format::Jsonl, &mut out).unwrap();
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["text"], TEXT_A, "the text is put back into the record");

    let mut csv = Vec::new();
    export(&store, Format::AcledCsv, &mut csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    assert_eq!(&header[..16], &ACLED_HEADER);
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(
        csv.contains(
            "Explosions/Remote violence,Shelling/artillery/missile attack,Azerbaijan,Armenia,Armenia,,Goris"
        ),
        "{csv}"
    );

    let mut geo = Vec::new();
    export(&store, Format::Geojson, &mut geo).unwrap();
    let geo: serde_json::Value = serde_json::from_slice(&geo).unwrap();
    assert_eq!(geo["type"], "FeatureCollection");
    let features = geo["features"].as_array().unwrap();
    assert_eq!(features.len(), 2);
    let lonlat = features[0]["geometry"]["coordinates"].as_array().unwrap();
    assert!((46.0..47.0).contains(&lonlat[0].as_f64().unwrap()), "longitude first: {lonlat:?}");
}
