//! The PostgreSQL store against a real server: the schema made and refused, writes
//! idempotent and replacing, a rolled-back transaction leaving nothing, search with Arabic
//! folding, and links, stories and merged events the same as SQLite's for the same articles.
//!
//! They need a server: `MARSAD_PG_URL` names a database (`postgresql://user:pw@host/db`) in
//! which each test makes its own schema. Without it they skip, saying so; with
//! `MARSAD_REQUIRE_PG` set (CI), a missing server fails them.
#![cfg(feature = "postgres")]

use marsad_store::browse::{Browse, EventFilter};
use marsad_store::schema::APPLICATION_ID;
use marsad_store::{ClaimFilter, Elsewhere, PostgresStore, SqliteStore, Store, StoreError, StoryFilter};

mod common;
use common::*;

/// A database URL whose search path is a new, empty schema of this test's own, or None
/// (the test skips) without a server.
fn fresh(test: &str) -> Option<String> {
    marsad_store::test_database(&format!("marsad_test_{test}"))
}

/// A client on the test's schema, for checks the store's API does not offer.
fn client(url: &str) -> postgres::Client {
    postgres::Client::connect(url, postgres::NoTls).unwrap()
}

fn count(url: &str, sql: &str) -> i64 {
    client(url).query_one(sql, &[]).unwrap().get(0)
}

#[test]
fn a_new_database_gets_the_schema_and_another_connection_finds_it() {
    let Some(url) = fresh("schema") else { return };
    let store = PostgresStore::connect(&url).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        marsad_store::PostgresStore::connect(&url).unwrap().schema_version().unwrap()
    );
    assert_eq!(store.stats().unwrap().articles, 0);
    let meta = client(&url).query_one("SELECT application, version FROM marsad_meta", &[]).unwrap();
    assert_eq!(
        (meta.get::<_, i64>(0), meta.get::<_, i64>(1)),
        (APPLICATION_ID, store.schema_version().unwrap())
    );
}

#[test]
fn a_newer_schema_or_tables_of_another_application_are_refused() {
    let Some(url) = fresh("refused") else { return };
    drop(PostgresStore::connect(&url).unwrap());
    client(&url).batch_execute("UPDATE marsad_meta SET version = version + 1").unwrap();
    let err = PostgresStore::connect(&url).unwrap_err();
    assert!(matches!(err, StoreError::TooNewPostgres { .. }), "{err}");
    // the password of the URL is never shown
    assert!(!err.to_string().contains("password"), "{err}");

    let Some(url) = fresh("foreign") else { return };
    client(&url).batch_execute("CREATE TABLE articles (id INT)").unwrap();
    let err = PostgresStore::connect(&url).unwrap_err();
    assert!(matches!(err, StoreError::NotMarsadPostgres { .. }), "{err}");
    // nothing was created beside the foreign table
    assert_eq!(
        count(
            &url,
            "SELECT count(*) FROM pg_tables WHERE tablename = 'marsad_meta' AND schemaname = current_schema()"
        ),
        0
    );
}

#[test]
fn writing_the_same_batch_twice_changes_nothing_and_a_changed_article_is_replaced() {
    let Some(url) = fresh("idempotent") else { return };
    let mut store = PostgresStore::connect(&url).unwrap();
    let run = write_twice_then_change(&mut store);
    store.end_run(run, marsad_store::RunStatus::Complete).unwrap();
    // every row of the old version is gone, the search index's too
    assert_eq!(
        count(&url, "SELECT count(*) FROM mentions WHERE article NOT IN (SELECT id FROM articles)"),
        0
    );
    assert_eq!(count(&url, "SELECT count(*) FROM article_search"), 2);
    // the run's end vacuumed the tables (rows just written are slow to read until then)
    let vacuumed = "SELECT count(*) FROM pg_stat_user_tables
         WHERE schemaname = current_schema() AND relname = 'article_search' AND last_vacuum IS NOT NULL";
    let t = std::time::Instant::now();
    while count(&url, vacuumed) == 0 && t.elapsed() < std::time::Duration::from_secs(10) {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(count(&url, vacuumed), 1);
    let runs = client(&url).query_one("SELECT status, seen, unchanged FROM runs", &[]).unwrap();
    assert_eq!(
        (runs.get::<_, String>(0), runs.get::<_, i64>(1), runs.get::<_, i64>(2)),
        ("complete".into(), 5, 2)
    );
}

#[test]
fn a_transaction_not_committed_leaves_nothing_and_the_next_run_marks_it_interrupted() {
    let Some(url) = fresh("killed") else { return };
    let mut store = PostgresStore::connect(&url).unwrap();
    write(&mut store, &[article("a.txt", "a", TEXT_A, "X")]);
    {
        // a writer keeping its transaction open for 100 articles, then gone (a kill closes
        // its connection: the server rolls the transaction back)
        let mut writer = PostgresStore::connect(&url).unwrap();
        writer.set_commit_every(100);
        let run = writer.begin_run(&[]).unwrap();
        writer.write_batch(run, &[article("b.txt", "b", TEXT_B, "Y")], Elsewhere::default()).unwrap();
        assert_eq!(store.stats().unwrap().articles, 1, "a reader does not see the open transaction");
    }
    let stats = store.stats().unwrap();
    assert_eq!((stats.articles, stats.events), (1, 1));
    // the killed writer's session ends on the server soon after its connection closed
    let alive =
        "SELECT count(*) FROM pg_stat_activity WHERE pid IN (SELECT pid FROM runs WHERE status = 'running')";
    let t = std::time::Instant::now();
    while count(&url, alive) > 0 && t.elapsed() < std::time::Duration::from_secs(10) {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // another ingest running meanwhile is not taken for killed
    let mut other = PostgresStore::connect(&url).unwrap();
    let running = other.begin_run(&[]).unwrap();
    let mut next = PostgresStore::connect(&url).unwrap();
    let run = next.begin_run(&[]).unwrap();
    let statuses = || -> Vec<String> {
        client(&url)
            .query("SELECT status FROM runs ORDER BY id", &[])
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect()
    };
    assert_eq!(statuses(), ["complete", "interrupted", "running", "running"]);
    next.end_run(run, marsad_store::RunStatus::Complete).unwrap();
    other.end_run(running, marsad_store::RunStatus::Complete).unwrap();
    assert_eq!(statuses(), ["complete", "interrupted", "complete", "complete"]);
}

#[test]
fn search_folds_marks_alef_forms_and_clitics_and_maps_snippets_to_the_original() {
    let Some(url) = fresh("search") else { return };
    let mut store = PostgresStore::connect(&url).unwrap();
    write(&mut store, &[article("a.txt", "a", TEXT_A, "X"), article("b.txt", "b", TEXT_B, "Y")]);
    search_checks(&store);
}

#[test]
fn claims_events_and_browsing_read_back_what_was_written() {
    let Some(url) = fresh("read") else { return };
    let mut store = PostgresStore::connect(&url).unwrap();
    write(&mut store, &[article("a.txt", "a", TEXT_A, "X"), article("b.txt", "b", TEXT_B, "Y")]);
    let claims =
        store.claims(&ClaimFilter { entity: Some("armenia".into()), ..ClaimFilter::default() }).unwrap();
    assert_eq!(claims.len(), 1);
    assert_eq!((claims[0].count, claims[0].evidence.as_str()), (Some(49), "49"));
    assert_eq!(claims[0].places.len(), 1, "Goris, the place of the claim's event");
    let events =
        store.events(&EventFilter { place: Some("Goris".into()), ..EventFilter::default() }).unwrap();
    assert_eq!(events.total, 2);
    assert_eq!(events.items[0].locations[0].name, "Goris");
    let entities =
        store.entities(&marsad_store::browse::EntityFilter { q: Some("ARMEN".into()), ..Default::default() });
    assert_eq!(entities.unwrap().items[0].entity.name, "Armenia", "names match whatever their case");
}

/// PostgreSQL's text takes no NUL: a text with one is stored with U+FFFD in its place (its
/// offsets unchanged), not refused with the whole transaction.
#[test]
fn a_nul_in_a_text_is_stored_as_a_replacement_character() {
    let Some(url) = fresh("nul") else { return };
    let mut store = PostgresStore::connect(&url).unwrap();
    let text = TEXT_A.replace("على غوريس", "على\0غوريس");
    write(&mut store, &[article("a.txt", "a", &text, "X")]);
    let record = &records(&store)[0];
    let stored = record["text"].as_str().unwrap();
    assert_eq!(stored, text.replace('\0', "\u{FFFD}"));
    assert_eq!(stored.chars().count(), text.chars().count());
    let claims = store.claims(&ClaimFilter::default()).unwrap();
    assert_eq!(claims[0].evidence, "49", "offsets still point at the figure");
}

/// The same corpus in SQLite and PostgreSQL: the same near-duplicates, reuse links and
/// stories, the writer having read the stored buckets into its filter halfway.
#[test]
fn links_and_stories_are_those_of_sqlite() {
    let Some(url) = fresh("links") else { return };
    let corpus = corpus();
    let dir = tempfile::tempdir().unwrap();
    let mut lite = SqliteStore::open(&dir.path().join("t.db")).unwrap();
    let mut pg = PostgresStore::connect(&url).unwrap();
    for store in [&mut lite as &mut dyn Store, &mut pg] {
        store.set_commit_every(120);
        for batch in corpus.chunks(50) {
            let run = store.begin_run(&[]).unwrap();
            store.write_batch(run, batch, Elsewhere::default()).unwrap();
        }
        store.commit().unwrap();
    }
    let mut found = 0;
    for a in &corpus {
        let key = &a.identity.key;
        let (l, p) = (lite.links(key).unwrap(), pg.links(key).unwrap());
        assert_eq!(l, p, "links of {key}");
        found += l.len();
    }
    assert!(found > 50, "the corpus has links: {found}");
    let all = StoryFilter { min_articles: 2, ..StoryFilter::default() };
    let (ls, ps) = (lite.stories(&all).unwrap(), pg.stories(&all).unwrap());
    assert!(!ls.is_empty());
    assert_eq!(ls, ps);
    assert_eq!(lite.stats().unwrap(), pg.stats().unwrap());
}

/// Events merged across articles: the same in both backends.
#[test]
fn merged_events_are_those_of_sqlite() {
    let Some(url) = fresh("merged") else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut lite = SqliteStore::open(&dir.path().join("t.db")).unwrap();
    let mut pg = PostgresStore::connect(&url).unwrap();
    let texts = [TEXT_A, TEXT_B, TEXT_A, TEXT_B];
    let batch: Vec<_> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            article(&format!("{i}.txt"), &i.to_string(), &format!("{t} {i}"), &format!("Outlet {i}"))
        })
        .collect();
    for store in [&mut lite as &mut dyn Store, &mut pg] {
        write(store, &batch[..2]);
        write(store, &batch[2..]);
    }
    let all = marsad_store::MergedEventFilter { min_articles: 1, ..Default::default() };
    let (l, p) = (lite.merged_events(&all).unwrap(), pg.merged_events(&all).unwrap());
    assert!(l.iter().any(|m| m.articles == 4), "the four shelling events merge: {l:?}");
    assert_eq!(l, p);
    for m in &l {
        assert_eq!(lite.merged_event(m.id).unwrap(), pg.merged_event(m.id).unwrap());
    }
    let (mut le, mut pe) = (Vec::new(), Vec::new());
    lite.for_each_event(&mut |e| {
        le.push(e);
        Ok(())
    })
    .unwrap();
    pg.for_each_event(&mut |e| {
        pe.push(e);
        Ok(())
    })
    .unwrap();
    assert_eq!(le.len(), 4);
    assert_eq!(le, pe);
}
