//! The run summary: what was read, what was skipped and why, how fast.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Duration;

use marsad_ingest::{ManifestInfo, Skipped};
use serde::Serialize;

/// How many skipped inputs the summary on standard error lists before abbreviating.
const LIST_SKIPPED: usize = 20;

/// One input that did not become a record.
#[derive(Clone, Debug, Serialize)]
pub struct SkippedEntry {
    pub input: String,
    pub reason: String,
}

impl From<&Skipped> for SkippedEntry {
    fn from(s: &Skipped) -> Self {
        SkippedEntry { input: s.input.clone(), reason: s.reason.to_string() }
    }
}

/// Counters of a run.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// Records written.
    pub articles: u64,
    /// Bytes of article text processed.
    pub text_bytes: u64,
    /// Inputs (files, JSON Lines records) that did not become records.
    pub skipped: Vec<SkippedEntry>,
    /// Records per language.
    pub languages: BTreeMap<String, u64>,
    /// Records per source of their publication date (`metadata`, `text`, `unknown`).
    pub published: BTreeMap<&'static str, u64>,
    /// Metadata manifests used.
    #[serde(skip)]
    pub manifests: Vec<ManifestInfo>,
    /// Files met in folders whose type marsad does not read, per extension.
    pub ignored: BTreeMap<String, u64>,
    /// Wall-clock time.
    #[serde(serialize_with = "seconds")]
    pub elapsed: Duration,
}

fn seconds<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64())
}

impl Summary {
    /// Whether every input was read.
    pub fn complete(&self) -> bool {
        self.skipped.is_empty()
    }

    /// The human-readable summary (several lines, for standard error).
    pub fn render(&self, command: &str) -> String {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        let mut out = String::new();
        let langs: Vec<String> = self.languages.iter().map(|(l, n)| format!("{n} {l}")).collect();
        let _ = writeln!(
            out,
            "marsad {command}: {} articles{} in {:.2} s ({:.0} articles/s, {:.1} MB/s of text)",
            self.articles,
            if langs.is_empty() { String::new() } else { format!(" ({})", langs.join(", ")) },
            secs,
            self.articles as f64 / secs,
            self.text_bytes as f64 / 1e6 / secs,
        );
        if self.articles > 0 {
            let p: Vec<String> = self.published.iter().map(|(k, n)| format!("{n} {k}")).collect();
            let _ = writeln!(out, "  publication dates: {}", p.join(", "));
        }
        for m in &self.manifests {
            let how = if m.automatic { "found in folder" } else { "given" };
            let _ = writeln!(out, "  metadata: {} ({} entries, {how})", m.path, m.entries);
        }
        if !self.ignored.is_empty() {
            let total: u64 = self.ignored.values().sum();
            let per: Vec<String> = self
                .ignored
                .iter()
                .map(|(e, n)| match e.as_str() {
                    "" => format!("no extension {n}"),
                    marsad_ingest::IGNORED_HIDDEN => format!("hidden {n}"),
                    ext => format!(".{ext} {n}"),
                })
                .collect();
            let _ = writeln!(
                out,
                "  ignored {total} file{} in folders that marsad does not read ({})",
                plural(total as usize),
                per.join(", ")
            );
        }
        if self.skipped.is_empty() {
            let _ = writeln!(out, "  every input was read");
        } else {
            let _ = writeln!(out, "  skipped {} input{}:", self.skipped.len(), plural(self.skipped.len()));
            for s in self.skipped.iter().take(LIST_SKIPPED) {
                let _ = writeln!(out, "    {}: {}", s.input, s.reason);
            }
            if self.skipped.len() > LIST_SKIPPED {
                let _ = writeln!(
                    out,
                    "    ... and {} more (--report FILE lists them all)",
                    self.skipped.len() - LIST_SKIPPED
                );
            }
        }
        out
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_lists_what_was_skipped() {
        let mut s = Summary {
            articles: 3,
            text_bytes: 3000,
            elapsed: Duration::from_millis(500),
            ..Default::default()
        };
        s.languages.insert("ar".into(), 3);
        s.published.insert("metadata", 2);
        s.published.insert("unknown", 1);
        s.skipped.push(SkippedEntry { input: "a/b.txt".into(), reason: "empty (no text)".into() });
        let text = s.render("extract");
        assert!(text.starts_with("marsad extract: 3 articles (3 ar) in 0.50 s (6 articles/s"), "{text}");
        assert!(text.contains("publication dates: 2 metadata, 1 unknown"));
        assert!(text.contains("skipped 1 input:\n    a/b.txt: empty (no text)"));
        assert!(!s.complete());
    }

    #[test]
    fn ignored_files_are_counted_by_kind() {
        let mut s = Summary::default();
        s.ignored.insert("md".into(), 2);
        s.ignored.insert(marsad_ingest::IGNORED_HIDDEN.into(), 1);
        s.ignored.insert(String::new(), 1);
        let text = s.render("extract");
        assert!(text.contains("ignored 4 files in folders that marsad does not read ("), "{text}");
        assert!(
            text.contains(".md 2") && text.contains("hidden 1") && text.contains("no extension 1"),
            "{text}"
        );
    }

    #[test]
    fn long_skip_lists_are_abbreviated() {
        let mut s = Summary::default();
        for i in 0..25 {
            s.skipped.push(SkippedEntry { input: format!("f{i}"), reason: "not found".into() });
        }
        let text = s.render("extract");
        assert!(text.contains("... and 5 more"));
        assert!(!text.contains("f24"));
    }
}
