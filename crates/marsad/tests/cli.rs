//! `marsad` through its command line: records, exit codes, the run summary, bad input.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn marsad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_marsad"))
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> Output {
    marsad().args(args).output().expect("marsad runs")
}

fn records(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON record per line"))
        .collect()
}

/// Slices a record's text by code-point offsets, as consumers in Python or JavaScript do.
fn slice(record: &Value, start: u64, end: u64) -> String {
    let text = record["text"].as_str().unwrap();
    text.chars().skip(start as usize).take((end - start) as usize).collect()
}

/// Every span of a record lies inside its text, content and debris do not overlap, and
/// spans do not start or end with white space.
fn check_offsets(record: &Value) {
    let n = record["text"].as_str().unwrap().chars().count() as u64;
    let spans = |field: &str| -> Vec<(u64, u64)> {
        record[field]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap()))
            .collect()
    };
    let paragraphs = spans("paragraphs");
    let debris = spans("debris");
    for &(s, e) in paragraphs.iter().chain(&debris).chain(&spans("sentences")) {
        assert!(s < e && e <= n, "span {s}..{e} outside a text of {n} characters in {}", record["id"]);
        let t = slice(record, s, e);
        assert_eq!(t.trim(), t, "span {s}..{e} is not trimmed: {t:?}");
    }
    for &(ps, pe) in &paragraphs {
        for &(ds, de) in &debris {
            assert!(pe <= ds || de <= ps, "paragraph {ps}..{pe} overlaps debris {ds}..{de}");
        }
    }
}

#[test]
fn the_bundled_corpus_gives_one_record_per_article_in_order() {
    let out = run(&["extract", repo().join("examples/corpus").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let recs = records(&out.stdout);
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "000_b587ee3253eb2d41",
            "001_d67965d036683f9b",
            "002_99d1a8828afe04f7",
            "003_6b2d5fff41c62f6f",
            "004_b5f0c4ca6264197a"
        ]
    );
    for r in &recs {
        check_offsets(r);
        assert_eq!(r["language"], "ar");
        // dates come from the seeds.jsonl manifest next to the files
        assert_eq!(r["published_from"], "metadata");
        for list in ["entities", "times", "events", "casualties"] {
            assert!(r[list].is_array(), "{list} is a list");
        }
        // the text is the file, unchanged
        let file = repo().join("examples/corpus").join(format!("{}.txt", r["id"].as_str().unwrap()));
        assert_eq!(r["text"].as_str().unwrap(), fs::read_to_string(file).unwrap());
    }
    assert_eq!(recs[0]["published"], "2022-09-16");
    assert_eq!(
        slice(
            &recs[3],
            recs[3]["debris"][0]["start"].as_u64().unwrap(),
            recs[3]["debris"][0]["end"].as_u64().unwrap()
        ),
        "Sorry, you need to enable JavaScript to visit this website."
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("5 articles (5 ar)"), "{stderr}");
    assert!(stderr.contains("every input was read"), "{stderr}");
    assert!(stderr.contains("seeds.jsonl (5 entries, found in folder)"), "{stderr}");
}

#[test]
fn without_metadata_the_date_is_recognised_in_the_text() {
    let out = run(&["extract", "--no-auto-metadata", repo().join("examples/corpus").to_str().unwrap()]);
    let recs = records(&out.stdout);
    // "أمس الخميس 15 سبتمبر 2022" and the date line "الثلاثاء 2022/09/13"
    assert_eq!(recs[0]["published"], "2022-09-16");
    assert_eq!(recs[0]["published_from"], "text");
    assert_eq!(recs[1]["published"], "2022-09-13");
    assert_eq!(recs[2]["published"], Value::Null);
    assert_eq!(recs[2]["published_from"], Value::Null);
    // the manifest was not read as articles: it is reported, and the run says so
    assert_eq!(recs.len(), 5);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("seeds.jsonl: a metadata manifest"));
}

#[test]
fn published_on_the_command_line_fills_what_metadata_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(&file, "قال رئيس الوزراء إن المحادثات ستستمر الأسبوع المقبل في العاصمة.").unwrap();
    let out = run(&["extract", "--published", "2022-09-13", file.to_str().unwrap()]);
    let recs = records(&out.stdout);
    assert_eq!(recs[0]["published"], "2022-09-13");
    assert_eq!(recs[0]["published_from"], "metadata");
}

/// A folder holding one input of every bad kind next to good ones.
fn bad_inputs(dir: &Path) {
    fs::write(dir.join("01-good.txt"), "أعلنت وزارة الدفاع مقتل ثلاثة جنود في هجوم على نقطة تفتيش.").unwrap();
    fs::write(dir.join("02-empty.txt"), "").unwrap();
    fs::write(dir.join("03-binary.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3]).unwrap();
    fs::write(dir.join("04-latin1.txt"), b"caf\xe9 cr\xe8me br\xfbl\xe9e, un texte en latin-1").unwrap();
    let mut jsonl = fs::File::create(dir.join("05-articles.jsonl")).unwrap();
    writeln!(jsonl, r#"{{"id": "j1", "text": "قتل خمسة مدنيين في قصف على البلدة صباح اليوم.", "published": "2018-05-02"}}"#).unwrap();
    writeln!(jsonl, r#"{{"id": "j2", "text": "unterminated"#).unwrap();
    writeln!(jsonl, r#"{{"id": "j3", "title": "no text"}}"#).unwrap();
    writeln!(jsonl, r#"{{"id": "j4", "text": "The ministry said three soldiers were killed in an attack on a checkpoint.", "published": "2018-05-02"}}"#).unwrap();
    fs::write(dir.join("06-notes.md"), "# not an input").unwrap();
    fs::write(
        dir.join("07-page.html"),
        "<html><head><title>x</title></head><body><nav>menu</nav></body></html>",
    )
    .unwrap();
}

#[test]
fn bad_input_is_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    bad_inputs(dir.path());
    let missing = dir.path().join("missing.txt");
    let out = run(&["extract", dir.path().to_str().unwrap(), missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "some inputs were skipped");
    let recs = records(&out.stdout);
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["01-good", "j1", "j4"]);
    assert_eq!(recs[2]["language"], "en");
    for r in &recs {
        check_offsets(r);
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    for expected in [
        "skipped 7 inputs",
        "02-empty.txt: empty (no text)",
        "03-binary.txt: binary content, not text",
        "04-latin1.txt: not valid UTF-8",
        "05-articles.jsonl:2: malformed JSON",
        "05-articles.jsonl:3: record has neither",
        "07-page.html: no article found",
        "missing.txt: not found",
        "ignored 1 file in folders that marsad does not read (.md 1)",
    ] {
        assert!(stderr.contains(expected), "summary lacks {expected:?}:\n{stderr}");
    }
}

#[test]
fn the_report_lists_every_skipped_input() {
    let dir = tempfile::tempdir().unwrap();
    bad_inputs(dir.path());
    let report = dir.path().join("report.json");
    let out =
        run(&["extract", "--quiet", "--report", report.to_str().unwrap(), dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&fs::read(&report).unwrap()).unwrap();
    assert_eq!(report["articles"], 3);
    assert_eq!(report["skipped"].as_array().unwrap().len(), 6);
    // quiet: no summary, but what was lost is still said
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("articles/s"), "{stderr}");
    assert_eq!(stderr.lines().filter(|l| l.starts_with("marsad: skipped")).count(), 6, "{stderr}");
}

#[test]
fn usage_errors_exit_with_2() {
    let out = run(&["extract", "--published", "13/09/2022", "x.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
    let out = run(&["extract", "--metadata", "/nonexistent/manifest.tsv", "x.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read metadata file"));
    let out = run(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn standard_input_is_read() {
    let mut child = marsad()
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            "الثلاثاء 2022/09/13\nيريفان - أعلن رئيس الوزراء الأرميني استمرار العمليات القتالية على الحدود."
                .as_bytes(),
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["id"], "stdin");
    assert_eq!(recs[0]["source"]["path"], Value::Null);
    assert_eq!(recs[0]["published"], "2022-09-13");
    let kinds: Vec<&str> =
        recs[0]["paragraphs"].as_array().unwrap().iter().map(|p| p["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["dateline", "dateline", "lede"]);
}

#[test]
fn output_is_the_same_whatever_the_number_of_threads() {
    let shared = repo().join("../shared/corpus/real");
    let input = if shared.is_dir() { shared } else { repo().join("examples/corpus") };
    let one = run(&["extract", "-j", "1", input.to_str().unwrap()]);
    let two = run(&["extract", "-j", "2", input.to_str().unwrap()]);
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn records_go_to_a_file_with_tokens_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("out.jsonl");
    let seed = repo().join("examples/corpus/001_d67965d036683f9b.txt");
    let out = run(&["extract", "--tokens", "-o", out_file.to_str().unwrap(), seed.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let recs = records(&fs::read(&out_file).unwrap());
    let tokens = recs[0]["tokens"].as_array().unwrap();
    let and_russia = tokens.iter().find(|t| t["norm"] == "وقالت").unwrap();
    assert_eq!(and_russia["proclitics"], serde_json::json!(["و"]));
    assert_eq!(and_russia["stem"], "قالت");
    let start = and_russia["start"].as_u64().unwrap();
    assert_eq!(slice(&recs[0], start, and_russia["end"].as_u64().unwrap()), "وقالت");
}

#[test]
fn a_closed_output_stops_the_run_quietly() {
    // more records than the output buffer holds (about 3 MB of JSON), so that the closed pipe is
    // met in the middle of the run, not at the final flush
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    let line = r#"{"text": "قال الرئيس الأرميني نيكول باشينيان في يريفان إن الاشتباكات مع أذربيجان أسفرت عن مقتل 49 جنديا.", "published": "2022-09-13"}"#;
    std::fs::write(&feed, format!("{line}\n").repeat(3000)).unwrap();
    let mut child = marsad()
        .args(["extract", feed.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // read nothing and close the pipe, like `| head -0`
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn an_html_page_gives_its_article_title_and_date() {
    let page = repo().join("crates/marsad-ingest/tests/fixtures/article_ar.html");
    let out = run(&["extract", page.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 1);
    let r = &recs[0];
    check_offsets(r);
    assert_eq!(r["source"]["format"], "html");
    assert_eq!(r["title"]["text"], "اشتباكات حدودية بين أرمينيا وأذربيجان");
    assert_eq!(r["published"], "2022-09-13");
    assert_eq!(r["published_from"], "metadata");
    let text = r["text"].as_str().unwrap();
    // the page's navigation is not in the extracted text; its paragraphs are
    assert!(!text.contains("اتصل بنا"), "{text}");
    assert!(r["paragraphs"].as_array().unwrap().len() >= 4, "{r:#}");
}

#[test]
fn output_that_cannot_be_written_fails_the_run_with_3() {
    if !Path::new("/dev/full").exists() {
        eprintln!("skipped: no /dev/full here");
        return;
    }
    let out = run(&["extract", "-o", "/dev/full", repo().join("examples/corpus").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write the records"));
    // an output file that cannot be created is the user's to fix
    let out = run(&[
        "extract",
        "-o",
        "/nonexistent/dir/out.jsonl",
        repo().join("examples/corpus").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
}
