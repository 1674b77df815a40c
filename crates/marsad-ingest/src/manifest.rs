//! Metadata manifests: JSON Lines (`{"file": ..., "published": ...}`) or TSV/CSV with a
//! `file` column, mapping input files to publication dates, titles, outlets and URLs.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::fs::File;
use std::io::BufReader;
use std::path::{Component, Path, PathBuf};

use serde_json::{Map, Value};

use crate::ManifestError;
use crate::lines::{BoundedLines, Line};
use crate::record::{BYLINE, OUTLET, PUBLISHED, TITLE, URL, parse_date, take, take_fields};
use marsad_doc::Metadata;

/// Names of the column (or JSON key) that names the file an entry describes.
const KEY: &[&str] = &["file", "path", "filename", "file_name"];

/// Manifest lines are short; a longer one is an error, not a reason to buffer it.
const LINE_LIMIT: u64 = 1024 * 1024;

/// What a manifest says about one file.
#[derive(Debug)]
pub(crate) struct Entry {
    pub fields: Metadata,
    /// Problems with this entry's values (an unparsable date), for the document's notes.
    pub notes: Vec<String>,
}

/// A manifest entry that applies to an input, and the manifest it comes from.
pub(crate) struct Hit<'a> {
    pub entry: &'a Entry,
    pub manifest: &'a str,
}

/// How a manifest is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    Jsonl,
    Tsv,
    Csv,
}

/// A manifest line that could not be used.
#[derive(Debug)]
pub(crate) struct Problem {
    pub line: u64,
    pub message: String,
    /// Whether it makes an explicit manifest unusable (a line that does not parse). A
    /// duplicate entry does not: it is reported and the manifest used.
    pub fatal: bool,
}

impl Problem {
    fn fatal(line: u64, message: String) -> Problem {
        Problem { line, message, fatal: true }
    }
}

#[derive(Debug)]
pub(crate) struct Manifest {
    pub display: String,
    /// The folder its relative paths start from (absolute, normalised).
    dir: PathBuf,
    /// Found among the inputs: applies only below its folder, matched by relative path or
    /// bare file name. An explicit manifest applies everywhere and also matches file stems.
    automatic: bool,
    entries: Vec<Entry>,
    /// The manifest line of each entry.
    lines: Vec<u64>,
    by_key: HashMap<String, usize>,
    /// `None` when two entries share the name: a bare name then matches neither.
    by_name: HashMap<String, Option<usize>>,
    by_stem: HashMap<String, Option<usize>>,
}

impl Manifest {
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Adds the entry of manifest line `line`. A key met before keeps its first entry, as in
    /// a lookup table read top to bottom; the later one is reported.
    fn add(&mut self, key: &str, entry: Entry, line: u64) -> Result<(), Problem> {
        let key = normalize_key(key);
        if key.is_empty() {
            return Err(Problem::fatal(line, "empty file name".to_string()));
        }
        if let Some(&used) = self.by_key.get(&key) {
            let message =
                format!("duplicate entry for {key:?} (the entry on line {} is used)", self.lines[used]);
            return Err(Problem { line, message, fatal: false });
        }
        let index = self.entries.len();
        self.entries.push(entry);
        self.lines.push(line);
        let name = key.rsplit('/').next().unwrap_or(&key).to_string();
        // The same stem as the document id of a file of that name.
        let stem = crate::sniff::stem(&name);
        for (map, k) in [(&mut self.by_name, name), (&mut self.by_stem, stem)] {
            map.entry(k).and_modify(|slot| *slot = None).or_insert(Some(index));
        }
        self.by_key.insert(key, index);
        Ok(())
    }

    fn unique(map: &HashMap<String, Option<usize>>, key: &str) -> Option<usize> {
        map.get(key).copied().flatten()
    }

    fn find_file(&self, given: &str, abs: Option<&Path>) -> Option<&Entry> {
        let rel = abs.and_then(|abs| abs.strip_prefix(&self.dir).ok());
        if self.automatic && rel.is_none() {
            return None;
        }
        let name = abs
            .and_then(Path::file_name)
            .or_else(|| Path::new(given).file_name())
            .map(|n| n.to_string_lossy().into_owned());
        let index = rel
            .and_then(|rel| self.by_key.get(&path_key(rel)).copied())
            .or_else(|| (!self.automatic).then(|| self.by_key.get(&normalize_key(given)).copied()).flatten())
            .or_else(|| name.as_deref().and_then(|n| Self::unique(&self.by_name, n)))
            .or_else(|| {
                if self.automatic {
                    return None;
                }
                let name = name.as_deref()?;
                let stem = crate::sniff::stem(name);
                Self::unique(&self.by_stem, &stem)
            })?;
        self.entries.get(index)
    }

    fn find_record(&self, id: &str, container: Option<&Path>) -> Option<&Entry> {
        if self.automatic && !container.is_some_and(|c| c.starts_with(&self.dir)) {
            return None;
        }
        let key = normalize_key(id);
        let index = self
            .by_key
            .get(&key)
            .copied()
            .or_else(|| Self::unique(&self.by_name, &key))
            .or_else(|| Self::unique(&self.by_stem, &key))?;
        self.entries.get(index)
    }
}

/// All manifests of a run.
#[derive(Debug, Default)]
pub(crate) struct ManifestSet {
    explicit: Vec<Manifest>,
    automatic: Vec<Manifest>,
}

impl ManifestSet {
    pub(crate) fn push(&mut self, manifest: Manifest) {
        if manifest.automatic {
            self.automatic.push(manifest);
        } else {
            self.explicit.push(manifest);
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.explicit.is_empty() && self.automatic.is_empty()
    }

    /// Orders automatic manifests nearest-first: a deeper folder's manifest says more
    /// precisely what its files are.
    pub(crate) fn finish(&mut self) {
        self.automatic.sort_by_key(|m| Reverse(m.dir.components().count()));
    }

    /// Entries for a file, explicit manifests first (in the order given), then automatic
    /// ones nearest-first.
    pub(crate) fn for_file<'a>(&'a self, given: &str, abs: Option<&Path>) -> Vec<Hit<'a>> {
        self.hits(|m| m.find_file(given, abs))
    }

    /// Entries for a JSON record, matched by its `id`.
    pub(crate) fn for_record<'a>(&'a self, id: &str, container: Option<&Path>) -> Vec<Hit<'a>> {
        self.hits(|m| m.find_record(id, container))
    }

    fn hits<'a>(&'a self, find: impl Fn(&'a Manifest) -> Option<&'a Entry>) -> Vec<Hit<'a>> {
        self.explicit
            .iter()
            .chain(&self.automatic)
            .filter_map(|m| find(m).map(|entry| Hit { entry, manifest: &m.display }))
            .collect()
    }
}

/// An absolute, lexically normalised path (`.` and `..` resolved without touching the file
/// system), so that paths given in different ways compare equal.
pub(crate) fn absolute(path: &Path) -> Option<PathBuf> {
    let abs = std::path::absolute(path).ok()?;
    let mut out = PathBuf::new();
    for component in abs.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    Some(out)
}

fn path_key(rel: &Path) -> String {
    let parts: Vec<_> = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect();
    parts.join("/")
}

fn normalize_key(key: &str) -> String {
    let mut key = key.trim().replace('\\', "/");
    while let Some(rest) = key.strip_prefix("./") {
        key = rest.to_string();
    }
    key
}

/// The manifest shape a file name announces, when it can be a manifest at all.
pub(crate) fn shape_by_name(name: &str) -> Option<Shape> {
    let lower = name.to_ascii_lowercase();
    match lower.rsplit_once('.').map(|(_, ext)| ext) {
        Some("jsonl" | "ndjson") => Some(Shape::Jsonl),
        Some("tsv") => Some(Shape::Tsv),
        Some("csv") => Some(Shape::Csv),
        _ => None,
    }
}

/// Whether a `.jsonl`/`.tsv`/`.csv` file is a manifest: its first non-empty line is a JSON
/// object with a `file` (or `path`) string and no `text`/`html`, or a header row with a
/// `file` column. Only that line is read.
pub(crate) fn detect(path: &Path) -> Option<Shape> {
    let shape = shape_by_name(&path.file_name()?.to_string_lossy())?;
    let file = File::open(path).ok()?;
    let mut lines = BoundedLines::new(BufReader::new(file), LINE_LIMIT);
    loop {
        let Ok(Some(Line::Text(line))) = lines.next_line() else {
            return None;
        };
        let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let yes = match shape {
            Shape::Jsonl => matches!(
                serde_json::from_slice::<Value>(line),
                Ok(Value::Object(map)) if is_entry_object(&map)
            ),
            Shape::Tsv | Shape::Csv => {
                let header = split_row(&String::from_utf8_lossy(line), shape);
                key_column(&header).is_some()
            }
        };
        return yes.then_some(shape);
    }
}

fn has_key(map: &Map<String, Value>, names: &[&str]) -> bool {
    map.keys().any(|k| names.iter().any(|n| k.eq_ignore_ascii_case(n)))
}

fn is_entry_object(map: &Map<String, Value>) -> bool {
    let names_file = map.iter().any(|(k, v)| v.is_string() && KEY.iter().any(|n| k.eq_ignore_ascii_case(n)));
    names_file && !has_key(map, &["text", "html"])
}

fn key_column(header: &[String]) -> Option<usize> {
    header.iter().position(|h| KEY.iter().any(|k| h.eq_ignore_ascii_case(k)))
}

/// Loads a manifest. Lines that cannot be used are returned as problems (an explicit manifest
/// turns the first into an error; an automatic one reports them and goes on).
pub(crate) fn load(
    path: &Path,
    display: &str,
    automatic: bool,
) -> Result<(Manifest, Vec<Problem>), ManifestError> {
    let read_error =
        |e: std::io::Error| ManifestError::Read { path: display.to_string(), message: e.to_string() };
    let abs = absolute(path).ok_or_else(|| ManifestError::Read {
        path: display.to_string(),
        message: "cannot resolve the path".to_string(),
    })?;
    let mut manifest = Manifest {
        display: display.to_string(),
        dir: abs.parent().map(Path::to_path_buf).unwrap_or_default(),
        automatic,
        entries: Vec::new(),
        lines: Vec::new(),
        by_key: HashMap::new(),
        by_name: HashMap::new(),
        by_stem: HashMap::new(),
    };
    let file = File::open(path).map_err(read_error)?;
    let mut lines = BoundedLines::new(BufReader::new(file), LINE_LIMIT);
    let mut problems = Vec::new();
    let mut shape = path.file_name().and_then(|n| shape_by_name(&n.to_string_lossy()));
    let mut table = Table { header: None, display };
    // A CSV record can span lines inside quotes.
    let mut records = Records::default();
    loop {
        let line_no = lines.lines() + 1;
        let line = match lines.next_line().map_err(read_error)? {
            None => break,
            Some(Line::TooLong(size)) => {
                problems.push(Problem::fatal(line_no, format!("line too long ({size} bytes)")));
                continue;
            }
            Some(Line::Text(line)) => line,
        };
        let line = if line_no == 1 { line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line) } else { line };
        let line = String::from_utf8_lossy(line);
        if !records.is_pending() && line.trim().is_empty() {
            continue;
        }
        let shape = *shape.get_or_insert_with(|| {
            if line.trim_start().starts_with('{') {
                Shape::Jsonl
            } else if line.contains('\t') {
                Shape::Tsv
            } else {
                Shape::Csv
            }
        });
        match shape {
            Shape::Jsonl => {
                if let Err(problem) =
                    jsonl_entry(&line, line_no).and_then(|(key, entry)| manifest.add(&key, entry, line_no))
                {
                    problems.push(problem);
                }
            }
            Shape::Tsv => table.row(line_no, split_row(&line, shape), &mut manifest, &mut problems)?,
            Shape::Csv => {
                for record in records.push(line_no, line.into_owned()) {
                    table.record(record, &mut manifest, &mut problems)?;
                }
            }
        }
    }
    for record in records.finish() {
        table.record(record, &mut manifest, &mut problems)?;
    }
    if !automatic && let Some(first) = problems.iter().find(|p| p.fatal) {
        return Err(ManifestError::Malformed {
            path: display.to_string(),
            line: first.line,
            message: first.message.clone(),
        });
    }
    Ok((manifest, problems))
}

/// The rows of a TSV/CSV manifest: the header first, then entries.
struct Table<'a> {
    header: Option<Header>,
    display: &'a str,
}

impl Table<'_> {
    fn row(
        &mut self,
        line: u64,
        row: Vec<String>,
        manifest: &mut Manifest,
        problems: &mut Vec<Problem>,
    ) -> Result<(), ManifestError> {
        match &self.header {
            None => match Header::new(row) {
                Some(h) => self.header = Some(h),
                None => return Err(ManifestError::NoFileColumn { path: self.display.to_string() }),
            },
            Some(h) => {
                let added = h.entry(row).map_err(|message| Problem::fatal(line, message));
                if let Err(problem) = added.and_then(|(key, entry)| manifest.add(&key, entry, line)) {
                    problems.push(problem);
                }
            }
        }
        Ok(())
    }

    fn record(
        &mut self,
        record: Record,
        manifest: &mut Manifest,
        problems: &mut Vec<Problem>,
    ) -> Result<(), ManifestError> {
        match record {
            Record::Row(line, text) => self.row(line, split_row(&text, Shape::Csv), manifest, problems),
            Record::Unterminated(line, why) => {
                let message = format!(
                    "unterminated quoted field (no closing quote {why}); the next line is read as a new row"
                );
                problems.push(Problem::fatal(line, message));
                Ok(())
            }
        }
    }
}

/// A CSV record put together from lines, or a line whose quote is never closed.
#[derive(Debug, PartialEq, Eq)]
enum Record {
    /// The record's first line, and its text.
    Row(u64, String),
    /// The line that opens a quote no later line closes, and how far it was looked for.
    Unterminated(u64, &'static str),
}

/// Joins the lines of CSV records that continue inside quotes. An odd number of quotes in a
/// line opens or closes a quoted field (doubled quotes inside one come in pairs), so only the
/// new line is counted. A record is held only up to [`LINE_LIMIT`]: past it, or at the end of
/// the input, its first line is reported and reading resumes at the line after it.
#[derive(Debug, Default)]
struct Records {
    /// The lines of the record being put together: the first opens a quote, the others
    /// hold an even number of quotes each (an odd one would have closed it).
    pending: Vec<(u64, String)>,
    size: usize,
}

impl Records {
    fn is_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    fn push(&mut self, line: u64, text: String) -> Vec<Record> {
        let mut out = Vec::new();
        self.feed(line, text, &mut out);
        out
    }

    fn finish(&mut self) -> Vec<Record> {
        let mut out = Vec::new();
        self.give_up("before the end of the file", &mut out);
        out
    }

    fn feed(&mut self, line: u64, text: String, out: &mut Vec<Record>) {
        let odd = text.bytes().filter(|&b| b == b'"').count() % 2 == 1;
        if self.pending.is_empty() {
            if text.trim().is_empty() {
                return;
            }
            if odd {
                self.size = text.len();
                self.pending.push((line, text));
            } else {
                out.push(Record::Row(line, text));
            }
            return;
        }
        self.size += text.len() + 1;
        self.pending.push((line, text));
        if odd {
            let lines = std::mem::take(&mut self.pending);
            let first = lines[0].0;
            let joined: Vec<String> = lines.into_iter().map(|(_, text)| text).collect();
            out.push(Record::Row(first, joined.join("\n")));
        } else if self.size as u64 > LINE_LIMIT {
            self.give_up("within 1 MiB", out);
        }
    }

    /// Reports the pending record's first line and reads the lines after it again. They
    /// hold an even number of quotes each, so each comes out as a row at once: every line is
    /// read again at most once, and nothing stays pending.
    fn give_up(&mut self, why: &'static str, out: &mut Vec<Record>) {
        let mut lines = std::mem::take(&mut self.pending).into_iter();
        let Some((first, _)) = lines.next() else {
            return;
        };
        self.size = 0;
        out.push(Record::Unterminated(first, why));
        for (line, text) in lines {
            self.feed(line, text, out);
        }
    }
}

fn jsonl_entry(line: &str, line_no: u64) -> Result<(String, Entry), Problem> {
    let problem = |message: &str| Problem::fatal(line_no, message.to_string());
    let mut map = match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(map)) => map,
        Ok(_) => return Err(problem("not a JSON object")),
        Err(e) => return Err(problem(&format!("malformed JSON: {e}"))),
    };
    if has_key(&map, &["text", "html"]) {
        return Err(problem("has a \"text\" or \"html\" field: an article record, not a manifest entry"));
    }
    let key = match take(&mut map, KEY) {
        Some(Value::String(key)) if !key.trim().is_empty() => key,
        _ => return Err(problem("no \"file\" (or \"path\") field naming the file")),
    };
    let mut notes = Vec::new();
    let mut fields = take_fields(&mut map, &mut notes);
    fields.extra = map;
    Ok((key, Entry { fields, notes }))
}

/// Column positions of a TSV/CSV manifest.
struct Header {
    names: Vec<String>,
    key: usize,
    published: Option<usize>,
    title: Option<usize>,
    outlet: Option<usize>,
    url: Option<usize>,
    byline: Option<usize>,
}

impl Header {
    fn new(names: Vec<String>) -> Option<Header> {
        let find = |aliases: &[&str]| {
            aliases.iter().find_map(|a| names.iter().position(|n| n.eq_ignore_ascii_case(a)))
        };
        Some(Header {
            key: key_column(&names)?,
            published: find(PUBLISHED),
            title: find(TITLE),
            outlet: find(OUTLET),
            url: find(URL),
            byline: find(BYLINE),
            names,
        })
    }

    fn entry(&self, row: Vec<String>) -> Result<(String, Entry), String> {
        let cell = |i: Option<usize>| {
            i.and_then(|i| row.get(i)).map(|s| s.trim()).filter(|s| !s.is_empty()).map(str::to_string)
        };
        let key = cell(Some(self.key)).ok_or("row without a file name")?;
        let mut notes = Vec::new();
        let published = cell(self.published).and_then(|raw| {
            let date = parse_date(&raw);
            if date.is_none() {
                notes.push(format!("unparsable published date {raw:?} (ignored)"));
            }
            date
        });
        let used = [Some(self.key), self.published, self.title, self.outlet, self.url, self.byline];
        let mut extra = Map::new();
        for (i, name) in self.names.iter().enumerate() {
            if used.contains(&Some(i)) || name.is_empty() {
                continue;
            }
            if let Some(value) = cell(Some(i)) {
                extra.insert(name.clone(), Value::String(value));
            }
        }
        let fields = Metadata {
            published,
            title: cell(self.title),
            outlet: cell(self.outlet),
            url: cell(self.url),
            byline: cell(self.byline),
            extra,
            notes: Vec::new(),
        };
        Ok((key, Entry { fields, notes }))
    }
}

/// Splits a row: CSV with RFC 4180 quoting; TSV on tabs, a cell wrapped in quotes unwrapped.
fn split_row(row: &str, shape: Shape) -> Vec<String> {
    if shape == Shape::Tsv {
        return row
            .split('\t')
            .map(|cell| {
                let trimmed = cell.trim();
                match trimmed.strip_prefix('"').and_then(|c| c.strip_suffix('"')) {
                    Some(inner) => inner.replace("\"\"", "\""),
                    None => trimmed.to_string(),
                }
            })
            .collect();
    }
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = row.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    cell.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                cell.push(c);
            }
        } else {
            match c {
                '"' => quoted = true,
                ',' => cells.push(std::mem::take(&mut cell).trim().to_string()),
                _ => cell.push(c),
            }
        }
    }
    cells.push(cell.trim().to_string());
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quoting() {
        assert_eq!(
            split_row("a,\"b, c\",\"say \"\"hi\"\"\",", Shape::Csv),
            vec!["a", "b, c", "say \"hi\"", ""]
        );
        assert_eq!(split_row("a\t\"b\"\t c ", Shape::Tsv), vec!["a", "b", "c"]);
    }

    #[test]
    fn keys_are_normalised() {
        assert_eq!(normalize_key(" ./a\\b.txt "), "a/b.txt");
    }

    #[test]
    fn absolute_resolves_dots() {
        let a = absolute(Path::new("/x/./y/../z")).unwrap();
        assert_eq!(a, PathBuf::from("/x/z"));
    }
}
