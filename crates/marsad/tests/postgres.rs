//! `--db postgresql://...` through the command line: the seeds (and, with the shared
//! material, `corpus/real`) ingested into SQLite and PostgreSQL give the same claim ledger,
//! search hits, stories, merged events and exports, byte for byte (search ranks aside:
//! PostgreSQL has no bm25); a second ingest is a no-op.
//!
//! They need a server: `MARSAD_PG_URL` names a database in which each test makes its own
//! schema. Without it they skip, saying so; with `MARSAD_REQUIRE_PG` set (CI), a missing
//! server fails them.
#![cfg(feature = "postgres")]

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

mod common;

fn marsad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_marsad")).args(args).output().expect("marsad runs")
}

fn ok(args: &[&str]) -> (String, String) {
    let out = marsad(args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "marsad {args:?}: {stderr}");
    (String::from_utf8_lossy(&out.stdout).into_owned(), stderr)
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A database URL whose search path is a new, empty schema of this test's own, or None
/// (the test skips) without a server.
fn fresh(test: &str) -> Option<String> {
    marsad_store::test_database(&format!("marsad_cli_{test}"))
}

/// Hits of a search, by article key, in key order.
fn hit_keys(json_lines: &str) -> Vec<String> {
    let mut keys: Vec<String> = json_lines
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["key"].as_str().unwrap().to_string())
        .collect();
    keys.sort();
    keys
}

/// Ingests `inputs` into both backends and compares what every read command prints.
fn same_answers(test: &str, inputs: &[&str]) {
    let Some(url) = fresh(test) else { return };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("marsad.db").display().to_string();
    for db in [&file, &url] {
        let mut args = vec!["ingest", "-q"];
        args.extend(inputs);
        args.extend(["--db", db.as_str()]);
        ok(&args);
    }
    let read = |db: &str| -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut run = |name: &str, args: &[&str]| {
            let mut all = args.to_vec();
            all.extend(["--db", db]);
            out.push((name.to_string(), ok(&all).0));
        };
        run("claims", &["claims"]);
        run("claims of Armenia", &["claims", "--entity", "Armenia", "--from", "2020-09-01"]);
        run("stories", &["stories"]);
        run("events", &["events", "--min-articles", "1", "--limit", "0", "--json"]);
        for format in ["jsonl", "acled-csv", "plover-json", "geojson"] {
            run(format, &["export", "--format", format]);
        }
        for query in ["قصف", "\"وزارة الدفاع\"", "أرمينيا -تركيا", "موسكو OR سوريا"]
        {
            let hits = hit_keys(&ok(&["search", query, "--json", "--limit", "1000", "--db", db]).0);
            out.push((format!("search {query}"), hits.join("\n")));
        }
        out
    };
    let (lite, pg) = (read(&file), read(&url));
    for ((name, l), (_, p)) in lite.iter().zip(&pg) {
        assert!(!l.trim().is_empty(), "{name}: SQLite printed nothing");
        assert_eq!(l, p, "{name} differs between SQLite and PostgreSQL");
    }
    // again: nothing to do
    let mut args = vec!["ingest"];
    args.extend(inputs);
    args.extend(["--db", url.as_str()]);
    let (_, stderr) = ok(&args);
    assert!(stderr.contains(" 0 added, 0 replaced"), "{stderr}");
    if let Some(password) = password_of(&url) {
        assert!(!stderr.contains(&format!(":{password}@")), "no password shown: {stderr}");
    }
}

/// The password of a URL (`postgresql://user:password@host/db`).
fn password_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let credentials = rest.split_once('@')?.0;
    credentials.split_once(':').map(|(_, p)| p).filter(|p| !p.is_empty())
}

#[test]
fn a_database_without_a_corpus_is_refused_by_reading_commands_and_left_alone() {
    let Some(url) = fresh("empty") else { return };
    // each is refused: the one before made nothing in the database
    for args in [vec!["claims"], vec!["search", "قصف"], vec!["export", "--format", "jsonl"]] {
        let mut all = args.clone();
        all.extend(["--db", url.as_str()]);
        let out = marsad(&all);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("no marsad corpus"), "{stderr}");
    }
    // an ingest makes the corpus, which they then read
    ok(&["ingest", "-q", &repo().join("examples/corpus").display().to_string(), "--db", &url]);
    assert!(ok(&["claims", "--db", &url]).0.contains("killed"));
}

#[test]
fn the_seeds_give_the_same_answers_in_sqlite_and_postgresql() {
    same_answers("seeds", &[&repo().join("examples/corpus").display().to_string()]);
}

#[test]
fn the_real_corpus_gives_the_same_answers_in_sqlite_and_postgresql() {
    let real = repo().join("../shared/corpus/real");
    if !real.is_dir() {
        assert!(std::env::var_os("MARSAD_REQUIRE_SHARED").is_none(), "../shared/corpus/real is missing");
        eprintln!("skipped: ../shared/corpus/real is absent");
        return;
    }
    same_answers(
        "real",
        &[&repo().join("examples/corpus").display().to_string(), &real.display().to_string()],
    );
}

#[test]
fn a_server_that_cannot_be_reached_is_an_error_naming_it_without_its_password() {
    let out = marsad(&["claims", "--db", "postgresql://someone:s3cret@127.0.0.1:1/nowhere"]);
    assert_eq!(out.status.code(), Some(2), "a usage error");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("PostgreSQL"), "{stderr}");
    assert!(!stderr.contains("s3cret"), "{stderr}");
}

/// kill -9 during an ingest into PostgreSQL: what was committed stays, whole; the next run
/// marks the killed one interrupted, adds the rest, and the corpus is the same as that of one
/// uninterrupted run (into SQLite: every record of the export, byte for byte).
#[test]
fn a_kill_during_ingest_loses_nothing_committed_and_the_next_run_completes_it() {
    let Some(url) = fresh("killed") else { return };
    let dir = tempfile::tempdir().unwrap();
    let n = 240;
    let input = common::feed(dir.path(), n);
    let mut watch = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let count =
        |c: &mut postgres::Client, sql: &str| -> i64 { c.query_one(sql, &[]).map(|r| r.get(0)).unwrap_or(0) };
    // the tables may not exist yet: none counted then; the server rolls back what was open
    let committed =
        common::ingest_then_kill(&input, &url, || count(&mut watch, "SELECT count(*) FROM articles"));
    let after_kill = count(&mut watch, "SELECT count(*) FROM articles");
    assert!(after_kill >= committed && after_kill < n as i64, "killed mid-run: {after_kill} of {n}");
    assert_eq!(count(&mut watch, "SELECT count(*) FROM runs WHERE status = 'running'"), 1);
    // its session ends on the server soon after its connection closed
    let alive =
        "SELECT count(*) FROM pg_stat_activity WHERE pid IN (SELECT pid FROM runs WHERE status = 'running')";
    let started = Instant::now();
    while count(&mut watch, alive) > 0 && started.elapsed() < Duration::from_secs(300) {
        std::thread::sleep(Duration::from_millis(20));
    }

    let (_, stderr) = ok(&["ingest", &input, "--db", &url, "--batch", "8"]);
    let added = n as i64 - after_kill;
    assert!(stderr.contains(&format!("{added} added, 0 replaced, {after_kill} unchanged")), "{stderr}");
    assert_eq!(count(&mut watch, "SELECT count(*) FROM runs WHERE status = 'interrupted'"), 1);
    assert_eq!(count(&mut watch, "SELECT count(*) FROM runs WHERE status = 'running'"), 0);

    let clean = dir.path().join("clean.db").display().to_string();
    ok(&["ingest", &input, "--db", &clean, "--batch", "64", "-q"]);
    for format in ["jsonl", "acled-csv"] {
        let (pg, lite) = (
            ok(&["export", "--format", format, "--db", &url]).0,
            ok(&["export", "--format", format, "--db", &clean]).0,
        );
        assert_eq!(pg.lines().count(), lite.lines().count(), "{format}");
        assert!(pg == lite, "{format}: the export differs from that of one uninterrupted run");
    }
    assert_eq!(count(&mut watch, "SELECT count(*) FROM articles"), n as i64);
}
