//! The corpus database through the command line (issue 6): `ingest` (idempotent, replacing,
//! surviving kill -9), `search`, `claims`, `export`, `stories`, `events`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

mod common;
use common::feed;

fn marsad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_marsad"))
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seeds() -> String {
    repo().join("examples/corpus").display().to_string()
}

fn run(args: &[&str]) -> Output {
    marsad().args(args).output().expect("marsad runs")
}

fn ok(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn db_in(dir: &Path) -> String {
    dir.join("marsad.db").display().to_string()
}

fn count(db: &str, sql: &str) -> i64 {
    rusqlite::Connection::open(db).unwrap().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn ingesting_the_seeds_twice_is_a_no_op_and_a_changed_article_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(dir.path());
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for f in std::fs::read_dir(repo().join("examples/corpus")).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, corpus.join(f.file_name().unwrap())).unwrap();
    }
    let corpus = corpus.display().to_string();
    let first = run(&["ingest", &corpus, "--db", &db]);
    ok(&first);
    let stderr = String::from_utf8_lossy(&first.stderr);
    assert!(stderr.contains("5 added, 0 replaced, 0 unchanged"), "{stderr}");
    let tables = ["articles", "entities", "mentions", "events", "claims", "event_roles", "sketches"];
    let sizes = |db: &str| tables.map(|t| count(db, &format!("SELECT count(*) FROM {t}")));
    let before = sizes(&db);
    assert_eq!(before[0], 5);
    assert!(before[3] > 20 && before[4] > 5, "events and claims are stored: {before:?}");

    let again = run(&["ingest", &corpus, "--db", &db]);
    ok(&again);
    assert!(String::from_utf8_lossy(&again.stderr).contains("0 added, 0 replaced, 5 unchanged"));
    assert_eq!(sizes(&db), before);

    // one article edited: replaced, the others untouched
    let path = Path::new(&corpus).join("002_99d1a8828afe04f7.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}\nوأضاف المتحدث أن الوضع هادئ.")).unwrap();
    let third = run(&["ingest", &corpus, "--db", &db]);
    ok(&third);
    assert!(String::from_utf8_lossy(&third.stderr).contains("0 added, 1 replaced, 4 unchanged"));
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 5);
    assert_eq!(count(&db, "SELECT count(*) FROM runs WHERE status = 'complete'"), 3);
    assert_eq!(count(&db, "SELECT count(*) FROM articles WHERE text LIKE '%الوضع هادئ%'"), 1);
    let edited = sizes(&db);

    // an article another version of marsad extracted is extracted again (its run says which)
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE runs SET marsad_version = '0.0.0-older' WHERE id = (SELECT run FROM articles WHERE text LIKE '%الوضع هادئ%')",
            [],
        )
        .unwrap();
    let upgraded = run(&["ingest", &corpus, "--db", &db]);
    ok(&upgraded);
    assert!(String::from_utf8_lossy(&upgraded.stderr).contains("0 added, 1 replaced, 4 unchanged"));
    // and --reextract extracts every one again, changed or not
    let forced = run(&["ingest", &corpus, "--db", &db, "--reextract"]);
    ok(&forced);
    assert!(String::from_utf8_lossy(&forced.stderr).contains("0 added, 5 replaced, 0 unchanged"));
    assert_eq!(sizes(&db), edited);
    let after = run(&["ingest", &corpus, "--db", &db]);
    assert!(String::from_utf8_lossy(&after.stderr).contains("0 added, 0 replaced, 5 unchanged"));
}

/// Per article: key, hash and the number of rows of each kind; what a complete ingest gives.
fn content(db: &str) -> Vec<(String, Vec<u8>, i64, i64, i64, i64)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT key, hash,
                (SELECT sum(json_array_length(spans)) FROM mentions m WHERE m.article = a.id),
                (SELECT count(*) FROM events e WHERE e.article = a.id),
                (SELECT count(*) FROM claims c WHERE c.article = a.id),
                (SELECT count(*) FROM mentions x WHERE x.article = a.id)
             FROM articles a ORDER BY key",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_kill_during_ingest_loses_nothing_committed_and_the_next_run_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let n = 240;
    let input = feed(dir.path(), n);
    let db = db_in(dir.path());

    // kill -9 once some batches are committed and before the end
    let committed = common::ingest_then_kill(&input, &db, || {
        if !Path::new(&db).exists() {
            return 0;
        }
        rusqlite::Connection::open(&db)
            .and_then(|c| c.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0)))
            .unwrap_or(0)
    });
    let after_kill = count(&db, "SELECT count(*) FROM articles");
    assert!(after_kill >= committed && after_kill < n as i64, "killed mid-run: {after_kill} of {n}");
    assert_eq!(
        count(&db, "SELECT count(*) FROM runs WHERE status = 'running'"),
        1,
        "the killed run stays open"
    );
    // what is there is whole: every stored article has its rows (batches are transactions)
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    drop(conn);

    let rerun = run(&["ingest", &input, "--db", &db, "--batch", "8"]);
    ok(&rerun);
    assert_eq!(
        count(&db, "SELECT count(*) FROM runs WHERE status = 'interrupted'"),
        1,
        "the next run closes it"
    );
    assert_eq!(count(&db, "SELECT count(*) FROM runs WHERE status = 'running'"), 0);
    let stderr = String::from_utf8_lossy(&rerun.stderr);
    assert!(
        stderr.contains(&format!("{} added, 0 replaced, {after_kill} unchanged", n as i64 - after_kill)),
        "{stderr}"
    );

    // the same as one uninterrupted run
    let clean = dir.path().join("clean.db").display().to_string();
    ok(&run(&["ingest", &input, "--db", &clean, "--batch", "64"]));
    assert_eq!(content(&db), content(&clean));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    let fk: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 0);
    conn.execute("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')", []).unwrap();
    // the index finds every article exactly once
    let found = ok(&run(&["search", "أرمينيا", "--db", &db, "--limit", "1000", "--json"]));
    let keys: std::collections::BTreeSet<String> = found
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["key"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(keys.len(), found.lines().count());
    assert!(keys.len() as i64 >= (n / 5) as i64, "the articles naming Armenia are found: {}", keys.len());
}

#[test]
fn search_claims_and_exports_on_the_seeds() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(dir.path());
    ok(&run(&["ingest", &seeds(), "--db", &db]));

    // search: marks and clitics folded, snippet from the original text
    let out = ok(&run(&["search", "المدفعية", "--db", &db, "--json"]));
    let hits: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!hits.is_empty());
    for hit in &hits {
        let snippet = hit["snippet"]["text"].as_str().unwrap();
        let start = hit["snippet"]["start"].as_u64().unwrap() as usize;
        for h in hit["snippet"]["highlights"].as_array().unwrap() {
            let (s, e) = (h[0].as_u64().unwrap() as usize, h[1].as_u64().unwrap() as usize);
            let word: String = snippet.chars().skip(s - start).take(e - s).collect();
            assert!(word.contains("مدفعي"), "highlight {word:?} in {snippet:?}");
        }
    }
    let none = run(&["search", "«»", "--db", &db]);
    assert_eq!(none.status.code(), Some(2), "a query with no word is a usage error");
    let missing = run(&["search", "x", "--db", &dir.path().join("none.db").display().to_string()]);
    assert_eq!(missing.status.code(), Some(2));

    // stories: 001 and 004 (published the same day) share AFP paragraphs; 000, three days
    // later, reports the same shelling of Armenian positions (a merged event of both)
    let stories = ok(&run(&["stories", "--db", &db, "--json"]));
    let stories: Vec<Value> = stories.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(stories.len(), 1, "{stories:?}");
    let id = stories[0]["id"].to_string();
    let story = ok(&run(&["stories", &id, "--db", &db, "--json"]));
    let story: Value = serde_json::from_str(&story).unwrap();
    let ids: Vec<&str> =
        story["articles"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["001_d67965d036683f9b", "004_b5f0c4ca6264197a", "000_b587ee3253eb2d41"]);
    let link = &story["links"][0];
    assert_eq!(link["kind"], "reuse");
    assert!(link["paragraphs"].as_array().unwrap().len() >= 2, "{link}");
    let readable = ok(&run(&["stories", "--db", &db]));
    assert!(readable.contains("3 articles  2022-09-13 to 2022-09-16"), "{readable}");
    assert!(ok(&run(&["stories", &id, "--db", &db])).contains("shared text:"));
    assert_eq!(run(&["stories", "999", "--db", &db]).status.code(), Some(2));
    // events merged across the three
    let events = ok(&run(&["events", "--db", &db, "--json"]));
    assert_eq!(events.lines().count(), 3, "{events}");
    for l in events.lines() {
        let v: Value = serde_json::from_str(l).unwrap();
        assert!(v["articles"].as_u64().unwrap() >= 2);
    }
    let first: Value = serde_json::from_str(events.lines().next().unwrap()).unwrap();
    assert!(ok(&run(&["events", &first["id"].to_string(), "--db", &db])).contains("reports"));

    // the ledger
    let ledger = ok(&run(&["claims", "--entity", "Armenia", "--db", &db]));
    assert!(ledger.contains("== Armenia - killed (military)"), "{ledger}");

    // exports
    let csv = dir.path().join("events.csv");
    ok(&run(&["export", "--format", "acled-csv", "--db", &db, "-o", csv.to_str().unwrap()]));
    if Command::new("python3").arg("--version").output().is_ok() {
        let script = "import csv,sys\n\
            rows=list(csv.reader(open(sys.argv[1],newline='',encoding='utf-8')))\n\
            h=rows[0]\n\
            assert h[:16]==['event_date','event_type','sub_event_type','actor1','actor2','country','admin1','location','latitude','longitude','geo_precision','time_precision','source','source_scale','notes','fatalities'], h\n\
            assert len(rows)>1\n\
            assert all(len(r)==len(h) for r in rows), 'ragged rows'\n\
            types={'Battles','Explosions/Remote violence','Violence against civilians','Protests','Riots','Strategic developments'}\n\
            assert all(r[1] in types for r in rows[1:])\n\
            assert all(r[15].isdigit() for r in rows[1:])\n\
            print(len(rows)-1)\n";
        let py = Command::new("python3").args(["-c", script, csv.to_str().unwrap()]).output().unwrap();
        assert!(py.status.success(), "python csv: {}", String::from_utf8_lossy(&py.stderr));
    } else {
        eprintln!("skipped the python csv check: python3 is not available");
    }
    let geo = ok(&run(&["export", "--format", "geojson", "--db", &db]));
    let geo: Value = serde_json::from_str(&geo).expect("GeoJSON is JSON");
    assert_eq!(geo["type"], "FeatureCollection");
    let features = geo["features"].as_array().unwrap();
    assert!(!features.is_empty());
    for f in features {
        assert_eq!(f["type"], "Feature");
        assert_eq!(f["geometry"]["type"], "Point");
        let c = f["geometry"]["coordinates"].as_array().unwrap();
        let (lon, lat) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
        assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
        assert!(f["properties"]["event_type"].is_string());
    }
    let records = ok(&run(&["export", "--format", "jsonl", "--db", &db]));
    let extracted = ok(&run(&["extract", &seeds()]));
    assert_eq!(records, extracted, "the stored records are what extract writes");
    let plover = ok(&run(&["export", "--format", "plover-json", "--db", &db]));
    for l in plover.lines() {
        let v: Value = serde_json::from_str(l).unwrap();
        assert!(v["event_type"].is_string() && v["event_text"].is_string());
    }
}
