//! What the command-line tests share.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A JSON Lines feed of `n` articles made from the seed texts, each with its own id.
pub fn feed(dir: &Path, n: usize) -> String {
    let texts: Vec<String> = (0..5)
        .map(|i| {
            let name = std::fs::read_dir(repo().join("examples/corpus"))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .nth(i)
                .unwrap();
            std::fs::read_to_string(name).unwrap()
        })
        .collect();
    let mut lines = String::new();
    for i in 0..n {
        // the first paragraph only: short articles keep the test fast in a debug build
        let text = &texts[i % 5];
        let cut: String = text.lines().take(4).collect::<Vec<_>>().join("\n");
        let rec = serde_json::json!({"id": format!("a{i:04}"), "text": cut, "published": "2022-09-13", "outlet": "Feed"});
        lines.push_str(&rec.to_string());
        lines.push('\n');
    }
    let path = dir.join("feed.jsonl");
    std::fs::write(&path, lines).unwrap();
    path.display().to_string()
}

/// Starts `marsad ingest INPUT --db DB` in transactions of 8 articles, and kills it (SIGKILL:
/// no destructor, no rollback, no end of run) once `committed` counts 16 articles or more,
/// before its end; returns the count it saw.
pub fn ingest_then_kill(input: &str, db: &str, mut committed: impl FnMut() -> i64) -> i64 {
    let mut child = Command::new(env!("CARGO_BIN_EXE_marsad"))
        .args(["ingest", input, "--db", db, "--batch", "8", "--jobs", "2", "-q"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let seen = loop {
        let done = committed();
        if done >= 16 {
            break done;
        }
        assert!(child.try_wait().unwrap().is_none(), "ingest ended before it could be killed");
        assert!(started.elapsed() < Duration::from_secs(300), "ingest made no progress");
        std::thread::sleep(Duration::from_millis(20));
    };
    child.kill().unwrap();
    child.wait().unwrap();
    seen
}
