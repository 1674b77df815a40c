//! The SQLite store through its trait: migrations, idempotent and replacing writes, global
//! entities, search with original-text snippets, exports.

use marsad_store::export::{ACLED_HEADER, Format, export};
use marsad_store::schema::LATEST;
use marsad_store::{
    Article, ClaimFilter, ContentHash, Elsewhere, Identity, SearchQuery, SqliteStore, Store, StoreError,
};
use serde_json::json;

mod common;
use common::*;

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

/// The search index's `automerge` setting as stored (None: FTS5's default, 4).
fn automerge(store: &SqliteStore) -> Option<i64> {
    use rusqlite::OptionalExtension;
    store
        .connection()
        .query_row("SELECT v FROM article_fts_config WHERE k = 'automerge'", [], |r| r.get(0))
        .optional()
        .unwrap()
}

#[test]
fn a_database_of_version_3_has_its_search_index_merged_16_segments_at_a_time_when_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.db");
    {
        let old = SqliteStore::open_at_version(&path, 3).unwrap();
        assert_eq!(old.schema_version().unwrap(), 3);
        // an article and its search index row, as the version-3 writer wrote them
        let a = article("a.txt", "a", TEXT_A, "X");
        let conn = old.connection();
        conn.execute(
            "INSERT INTO articles (id, key, doc_id, source_format, outlet, hash, text, record) VALUES (1, ?1, ?2, 'text', ?3, x'00', ?4, ?5)",
            rusqlite::params![a.identity.key, a.record.id, a.record.outlet, a.record.text, a.record_deflated],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO article_fts (rowid, title, body) VALUES (1, ?1, ?2)",
            rusqlite::params![a.index_title, a.index_body],
        )
        .unwrap();
        assert_eq!(automerge(&old), None);
    }
    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST);
    assert_eq!(automerge(&store), Some(16));
    // the index written before the migration is searched, and written to, as before
    let run = store.begin_run(&[]).unwrap();
    store.write_batch(run, &[article("b.txt", "b", TEXT_B, "Y")], Elsewhere::default()).unwrap();
    store.end_run(run, marsad_store::RunStatus::Complete).unwrap();
    let found = |text: &str| -> Vec<String> {
        let q = SearchQuery { text: text.into(), limit: 10, ..SearchQuery::default() };
        let mut ids: Vec<String> = store.search(&q).unwrap().into_iter().map(|h| h.doc_id).collect();
        ids.sort();
        ids
    };
    assert_eq!(found("مدفعية"), ["a"]);
    assert_eq!(found("موسكو"), ["b"]);
    assert_eq!(found("غوريس"), ["a", "b"]);
    // a new database has the setting too
    let (_dir, new) = open();
    assert_eq!(automerge(&new), Some(16));
}

#[test]
fn a_database_of_version_4_loses_its_times_and_debris_tables_and_keeps_them_in_its_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.db");
    let a = article("a.txt", "a", TEXT_A, "X");
    {
        let old = SqliteStore::open_at_version(&path, 4).unwrap();
        let conn = old.connection();
        // an article with a time and a piece of debris, as the version-4 writer wrote them
        let mut record: serde_json::Value =
            serde_json::from_str(&marsad_store::article::decompress(&a.record_deflated).unwrap()).unwrap();
        record["times"] = json!([{"start": 0, "end": 3, "type": "DATE", "value": "2022-09-13",
            "anchor": "published", "rule": "r"}]);
        record["debris"] = json!([{"start": 4, "end": 6, "reason": "share", "rule": "d"}]);
        let packed = marsad_store::article::compress(record.to_string().as_bytes());
        conn.execute(
            "INSERT INTO articles (id, key, doc_id, source_format, hash, text, record) VALUES (1, ?1, 'a', 'text', x'00', ?2, ?3)",
            rusqlite::params![a.identity.key, a.record.text, packed],
        )
        .unwrap();
        conn.execute_batch(
            "INSERT INTO times (article, start, end, type, value, anchor, rule) VALUES (1, 0, 3, 'DATE', '2022-09-13', 'published', 'r');
             INSERT INTO debris (article, start, end, reason, rule) VALUES (1, 4, 6, 'share', 'd');",
        )
        .unwrap();
    }
    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST);
    let tables: i64 = store
        .connection()
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name IN ('times', 'debris', 'times_article', 'debris_article')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 0);
    // the record still has them
    let record = &records(&store)[0];
    assert_eq!(record["times"][0]["value"], "2022-09-13");
    assert_eq!(record["debris"][0]["reason"], "share");
    assert_eq!(record["text"], TEXT_A);
    // and the migrated database is written to (a replaced article) as a new one
    let run = store.begin_run(&[]).unwrap();
    let changed = article("a.txt", "a", TEXT_B, "X");
    let stats = store.write_batch(run, &[changed], Elsewhere::default()).unwrap();
    assert_eq!(stats.replaced, 1);
    store.end_run(run, marsad_store::RunStatus::Complete).unwrap();
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
    write_twice_then_change(&mut store);
    let orphans: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM mentions WHERE article NOT IN (SELECT id FROM articles)", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(orphans, 0);
}

/// Two versions of one article in one batch: the second replaces the first, and only its
/// sketch and buckets are stored (the first's were written under the same id).
#[test]
fn an_article_changed_within_one_batch_keeps_only_its_last_version() {
    let changed = TEXT_A.replace("بالمدفعيّة على مدينة غوريس", "بالطائرات المسيّرة على مواقع قرب غوريس");
    let buckets = |store: &SqliteStore| -> Vec<i64> {
        let mut stmt =
            store.connection().prepare("SELECT bucket FROM sketch_buckets ORDER BY bucket").unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
    };
    let (_dir, mut store) = open();
    let run = store.begin_run(&[]).unwrap();
    let batch = [article("a.txt", "a", TEXT_A, "X"), article("a.txt", "a", &changed, "X")];
    let stats = store.write_batch(run, &batch, Elsewhere::default()).unwrap();
    store.commit().unwrap();
    assert_eq!((stats.added, stats.replaced), (1, 1));
    assert_eq!(store.stats().unwrap().articles, 1);
    let (_dir2, mut alone) = open();
    let run2 = alone.begin_run(&[]).unwrap();
    alone.write_batch(run2, &[article("a.txt", "a", &changed, "X")], Elsewhere::default()).unwrap();
    alone.commit().unwrap();
    assert!(!buckets(&alone).is_empty());
    assert_eq!(buckets(&store), buckets(&alone));
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
    search_checks(&store);
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
    // both articles report the shelling of Goris on 2022-09-13: one merged event, one row
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert!(
        csv.contains(
            "Explosions/Remote violence,Shelling/artillery/missile attack,Azerbaijan,Armenia,Armenia,,Goris"
        ),
        "{csv}"
    );
    let row: Vec<&str> = csv.lines().nth(1).unwrap().split(',').collect();
    assert_eq!(row[12], "X; Y", "source: both outlets");
    assert_eq!(row[15], "49", "fatalities");
    assert_eq!(row[header.iter().position(|h| *h == "article").unwrap()], "a.txt; b.txt");
    assert_eq!(row[header.iter().position(|h| *h == "reports").unwrap()], "2");

    let mut geo = Vec::new();
    export(&store, Format::Geojson, &mut geo).unwrap();
    let geo: serde_json::Value = serde_json::from_slice(&geo).unwrap();
    assert_eq!(geo["type"], "FeatureCollection");
    let features = geo["features"].as_array().unwrap();
    assert_eq!(features.len(), 1);
    assert_eq!(features[0]["properties"]["reports"], 2);
    let lonlat = features[0]["geometry"]["coordinates"].as_array().unwrap();
    assert!((46.0..47.0).contains(&lonlat[0].as_f64().unwrap()), "longitude first: {lonlat:?}");
}

#[test]
fn near_duplicates_reused_paragraphs_and_stories_are_found_across_batches() {
    let (_dir, mut store) = open();
    let wire = words(1, 40);
    // the wire paragraph, edited: two words changed, one dropped
    let mut edited = wire.clone();
    edited[10] = "تعديل".into();
    edited[30] = "اخر".into();
    edited.remove(20);
    let wire2 = para(2, 35);
    let x = format!("{}\n{}\n{}\n{}", para(10, 12), wire.join(" "), para(11, 25), wire2);
    let y = format!("{}\n{}\n{}\n{}", para(20, 28), edited.join(" "), wire2, para(21, 40));
    // x again with its first paragraph rewritten: a near-duplicate
    let w = format!("{}\n{}\n{}\n{}", para(30, 12), wire.join(" "), para(11, 25), wire2);
    write(&mut store, &[plain("x", &x, "AFP", "2022-09-13")]);
    // later batches find the stored articles through the buckets
    write(
        &mut store,
        &[plain("y", &y, "Asharq", "2022-09-14"), plain("z", &para(40, 120), "Other", "2022-09-13")],
    );
    write(
        &mut store,
        &[
            plain("w", &w, "Reuters", "2022-09-15"),
            plain("late", &x.replace(&para(10, 12), &para(50, 12)), "AFP", "2022-10-30"),
        ],
    );

    let links = store.links("x").unwrap();
    let kinds: Vec<(&str, &str, &str)> =
        links.iter().map(|l| (l.a.as_str(), l.b.as_str(), l.kind.as_str())).collect();
    assert!(kinds.contains(&("x", "y", "reuse")), "{links:?}");
    assert!(kinds.contains(&("x", "w", "duplicate")), "{links:?}");
    assert!(kinds.contains(&("x", "late", "duplicate")), "{links:?}");
    let reuse = links.iter().find(|l| l.b == "y").unwrap();
    let pairs: Vec<(u16, u16)> = reuse.paragraphs.iter().map(|p| (p.0, p.1)).collect();
    assert_eq!(pairs, [(1, 1), (3, 2)], "the edited wire paragraph and the copied one: {reuse:?}");
    assert!(store.links("z").unwrap().is_empty(), "an unrelated article is linked to nothing");

    // one story: x, y (two shared paragraphs, a day apart), w (near-duplicate); not the copy
    // published six weeks later (a story spans at most a week), not the unrelated article
    let stories = store.stories(&marsad_store::StoryFilter::default()).unwrap();
    assert_eq!(stories.len(), 1, "{stories:?}");
    let s = &stories[0];
    assert_eq!(s.articles, 3);
    assert_eq!((s.first.as_deref(), s.last.as_deref()), (Some("2022-09-13"), Some("2022-09-15")));
    assert_eq!(s.outlets, ["AFP", "Asharq", "Reuters"]);
    let story = store.story(s.id).unwrap().unwrap();
    let keys: Vec<&str> = story.articles.iter().map(|a| a.key.as_str()).collect();
    assert_eq!(keys, ["x", "y", "w"]);
    assert!(story.links.len() >= 2);
    assert!(store.story(s.id + 1000).unwrap().is_none());
    // filters
    let none = marsad_store::StoryFilter { from: Some("2022-09-16".into()), ..Default::default() };
    assert!(store.stories(&none).unwrap().is_empty());
    let big = marsad_store::StoryFilter { min_articles: 4, ..Default::default() };
    assert!(store.stories(&big).unwrap().is_empty());
    assert!(matches!(
        store.stories(&marsad_store::StoryFilter { from: Some("soon".into()), ..Default::default() }),
        Err(StoreError::Query(_))
    ));

    // y replaced by an unrelated text: it leaves the story, its links are gone
    write(&mut store, &[plain("y", &para(60, 90), "Asharq", "2022-09-14")]);
    assert!(!store.links("x").unwrap().iter().any(|l| l.b == "y" || l.a == "y"));
    let s = &store.stories(&marsad_store::StoryFilter::default()).unwrap()[0];
    assert_eq!(s.articles, 2);
    assert_eq!(s.last.as_deref(), Some("2022-09-15"));
}

/// An article whose one event is given.
fn with_event(
    key: &str,
    outlet: &str,
    published: &str,
    event: serde_json::Value,
    place: (&str, &str, &str),
) -> Article {
    let text = format!("قصف على {}\n{}", place.1, para(100 + key.bytes().map(u32::from).sum::<u32>(), 30));
    let record = json!({
        "id": key, "source": {"path": key, "format": "text"}, "outlet": outlet, "published": published,
        "text": "", "title": null, "paragraphs": [{"start": 0, "end": text.chars().count(), "kind": "body"}],
        "entities": [
            {"id": "e1", "type": "GPE", "name": place.0, "name_ar": place.1, "kb": place.2, "mentions": []},
            {"id": "e2", "type": "GPE", "name": "Azerbaijan", "name_ar": "أذربيجان", "kb": "country:azerbaijan", "mentions": []},
            {"id": "e3", "type": "PERSON", "name": "Nikol Pashinyan", "name_ar": "نيكول باشينيان", "kb": null, "mentions": []},
        ],
        "events": [event],
        "casualties": [],
    });
    Article::new(Identity { key: key.into(), hash: ContentHash::of(&[key, &text]) }, record.to_string(), text)
        .unwrap()
}

fn fight(mode: &str, date: Option<&str>, negated: bool) -> serde_json::Value {
    json!({"id": "v1", "type": "FIGHT", "mode": mode, "date": date, "actors": ["e2"], "targets": [],
        "locations": ["e1"], "claimant": "e3", "negated": negated, "evidence": {"start": 0, "end": 3}})
}

#[test]
fn events_are_merged_across_articles_on_category_mode_day_and_place() {
    let (_dir, mut store) = open();
    let goris = ("Goris", "غوريس", "place:goris");
    let jermuk = ("Jermuk", "جيرموك", "place:jermuk");
    write(
        &mut store,
        &[
            with_event("a", "AFP", "2022-09-13", fight("shelling", Some("2022-09-13"), false), goris),
            // the next day's report of the same shelling, dated by its publication only
            with_event("b", "Asharq", "2022-09-14", fight("artillery", None, false), goris),
        ],
    );
    write(
        &mut store,
        &[
            // a generic mode: the same happening
            with_event("c", "Reuters", "2022-09-13", fight("attack", Some("2022-09-12TNI"), false), goris),
            // another place, another mode, another week, negated: each its own
            with_event("d", "AFP", "2022-09-13", fight("shelling", Some("2022-09-13"), false), jermuk),
            with_event("e", "AFP", "2022-09-13", fight("air-strike", Some("2022-09-13"), false), goris),
            with_event("f", "AFP", "2022-09-25", fight("shelling", Some("2022-09-25"), false), goris),
            with_event("g", "AFP", "2022-09-13", fight("shelling", Some("2022-09-13"), true), goris),
        ],
    );
    let several = marsad_store::MergedEventFilter { min_articles: 2, ..Default::default() };
    let merged = store.merged_events(&several).unwrap();
    assert_eq!(merged.len(), 1, "{merged:?}");
    let all = store.merged_events(&marsad_store::MergedEventFilter::default()).unwrap();
    assert_eq!(all.len(), 4, "the negated event is not merged: {all:?}");
    let m = &merged[0];
    assert_eq!((m.kind.as_str(), m.mode.as_str(), m.articles, m.events), ("FIGHT", "shelling", 3, 3));
    assert_eq!((m.first.as_deref(), m.last.as_deref()), (Some("2022-09-12"), Some("2022-09-14")));
    assert_eq!(m.outlets, ["AFP", "Reuters", "Asharq"]);
    assert_eq!(m.places, ["Goris"]);
    assert_eq!(m.claimants, ["Nikol Pashinyan"]);
    let full = store.merged_event(m.id).unwrap().unwrap();
    let keys: Vec<&str> = full.members.iter().map(|e| e.article_key.as_str()).collect();
    assert_eq!(keys, ["a", "c", "b"]);
    // every event is exported once: the merged one and the five that stand alone (or alone
    // in their merged event)
    let mut n = 0;
    store
        .for_each_merged_event(&mut |m| {
            n += 1;
            assert!(m.members.len() == 3 || m.members.len() == 1);
            Ok(())
        })
        .unwrap();
    assert_eq!(n, 5);
    // the articles of the merged event make a story
    let stories = store.stories(&marsad_store::StoryFilter::default()).unwrap();
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0].articles, 3);
    let f = marsad_store::MergedEventFilter { category: Some("assault".into()), ..several };
    assert!(store.merged_events(&f).unwrap().is_empty());
}

#[test]
fn a_database_of_version_2_is_linked_when_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.db");
    let wire = para(1, 60);
    let batch = [
        plain("x", &format!("{}\n{wire}", para(2, 20)), "AFP", "2022-09-13"),
        plain("y", &format!("{wire}\n{}", para(3, 20)), "Asharq", "2022-09-13"),
    ];
    {
        let mut old = SqliteStore::open_at_version(&path, 2).unwrap();
        // written by the version-2 writer: only the tables it had
        let conn = old.connection();
        for (i, a) in batch.iter().enumerate() {
            conn.execute(
                "INSERT INTO articles (id, key, doc_id, source_format, outlet, published, hash, text, record) VALUES (?1, ?2, ?2, 'text', ?3, ?4, x'00', ?5, ?6)",
                rusqlite::params![i as i64 + 1, a.identity.key, a.record.outlet, a.record.published, a.record.text, a.record_deflated],
            )
            .unwrap();
        }
        let _ = &mut old;
    }
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST);
    let links = store.links("x").unwrap();
    assert_eq!(links.len(), 1, "{links:?}");
    assert_eq!(links[0].kind, "duplicate");
    assert_eq!(store.stories(&marsad_store::StoryFilter::default()).unwrap().len(), 1);
}

#[test]
fn a_run_left_running_is_marked_interrupted_by_the_next() {
    let (_dir, mut store) = open();
    let killed = store.begin_run(&["a".into()]).unwrap();
    let next = store.begin_run(&["a".into()]).unwrap();
    let status = |id: i64| -> String {
        store.connection().query_row("SELECT status FROM runs WHERE id = ?1", [id], |r| r.get(0)).unwrap()
    };
    assert_eq!(status(killed.0), "interrupted");
    assert_eq!(status(next.0), "running");
}

/// A link by article keys: a, b, kind, paragraphs.
type KeyedLink = (String, String, String, String);

/// Every link and story of a database, by article key.
fn linked(store: &SqliteStore) -> (Vec<KeyedLink>, Vec<Vec<String>>) {
    let conn = store.connection();
    let links = conn
        .prepare(
            "SELECT x.key, y.key, l.kind, l.paragraphs FROM article_links l
             JOIN articles x ON x.id = l.a JOIN articles y ON y.id = l.b ORDER BY x.key, y.key",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut stories: Vec<Vec<String>> = Vec::new();
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM stories")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .flatten()
        .collect();
    for id in ids {
        let mut keys: Vec<String> = conn
            .prepare(
                "SELECT a.key FROM story_articles s JOIN articles a ON a.id = s.article WHERE s.story = ?1",
            )
            .unwrap()
            .query_map([id], |r| r.get(0))
            .unwrap()
            .flatten()
            .collect();
        keys.sort();
        stories.push(keys);
    }
    stories.sort();
    (links, stories)
}

#[test]
fn transactions_of_several_batches_and_the_bucket_filter_link_as_batch_by_batch() {
    let corpus = corpus();
    // one transaction per batch of 20, the store opened again for each (so it never reads the
    // buckets into a filter: every bucket is looked up)
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one.db");
    for batch in corpus.chunks(20) {
        let mut store = SqliteStore::open(&one).unwrap();
        write(&mut store, batch);
    }
    // one store, transactions of 100 articles, the filter read after 256 articles
    let grouped = dir.path().join("grouped.db");
    let mut store = SqliteStore::open(&grouped).unwrap();
    store.set_commit_every(100);
    let run = store.begin_run(&[]).unwrap();
    let reader = SqliteStore::open(&grouped).unwrap();
    let stored = || -> i64 {
        reader.connection().query_row("SELECT count(*) FROM articles", [], |r| r.get(0)).unwrap()
    };
    for (i, batch) in corpus.chunks(20).enumerate() {
        store.write_batch(run, batch, Elsewhere::default()).unwrap();
        // what another connection sees: the committed transactions only
        assert_eq!(stored(), (20 * (i as i64 + 1)) / 100 * 100, "after batch {i}");
    }
    store.end_run(run, marsad_store::RunStatus::Complete).unwrap();
    assert_eq!(stored(), 420);

    let expected = linked(&SqliteStore::open(&one).unwrap());
    let (links, stories) = linked(&store);
    assert_eq!((&links, &stories), (&expected.0, &expected.1));
    // every pair the corpus was made with is found, before the filter and after it
    let kind = |a: u32, b: u32| {
        links.iter().find(|l| l.0 == format!("k{a:03}") && l.1 == format!("k{b:03}")).map(|l| l.2.as_str())
    };
    for i in 150..420u32 {
        if i.is_multiple_of(11) && i >= 200 {
            assert!(kind(i - 200, i).is_some(), "k{i} copies two paragraphs of k{}: {links:?}", i - 200);
        } else if i.is_multiple_of(5) {
            assert_eq!(kind(i - 150, i), Some("reuse"), "k{i} reuses a paragraph of k{}: {links:?}", i - 150);
        }
    }
    assert!(links.iter().filter(|l| l.2 == "duplicate" && l.1.as_str() > "k300").count() >= 5, "{links:?}");
    let conn = store.connection();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    conn.execute("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')", []).unwrap();
}

#[test]
fn buckets_written_by_another_connection_are_found_by_a_writer_holding_a_filter() {
    let corpus = corpus();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut store = SqliteStore::open(&path).unwrap();
    // 300 articles: the store has read the buckets into its filter
    for batch in corpus[..300].chunks(50) {
        write(&mut store, batch);
    }
    // another connection stores an article...
    let wire = para(7000, 60);
    let text = |own: u32| format!("{}\n{wire}", para(own, 30));
    write(&mut SqliteStore::open(&path).unwrap(), &[plain("other", &text(7001), "Other", "2022-09-05")]);
    // ...which this one finds: its filter, made before, is dropped
    write(&mut store, &[plain("mine", &text(7002), "Mine", "2022-09-05")]);
    let links = store.links("mine").unwrap();
    assert!(links.iter().any(|l| l.a == "other" && l.kind == "reuse"), "{links:?}");
}
