//! Documents from JSON records, metadata fields and their precedence.

use std::path::PathBuf;

use marsad_doc::{Date, Document, Format, Metadata, Source};
use serde_json::{Map, Value};

use crate::manifest::{Hit, ManifestSet};
use crate::{SkipReason, Skipped, html};

/// Metadata field names and the aliases accepted for them (records and manifests alike).
pub(crate) const PUBLISHED: &[&str] = &["published", "publication_date", "date"];
pub(crate) const TITLE: &[&str] = &["title", "headline"];
pub(crate) const OUTLET: &[&str] = &["outlet", "source", "site"];
pub(crate) const URL: &[&str] = &["url", "link"];
pub(crate) const BYLINE: &[&str] = &["byline", "author"];

/// Puts the metadata of `from` where `target` has none: what is there already outranks it.
/// (`from.notes` are the caller's to handle.)
pub(crate) fn fill_missing(target: &mut Metadata, from: &Metadata) {
    fn fill<T: Clone>(slot: &mut Option<T>, value: &Option<T>) {
        if slot.is_none() {
            slot.clone_from(value);
        }
    }
    fill(&mut target.published, &from.published);
    fill(&mut target.title, &from.title);
    fill(&mut target.outlet, &from.outlet);
    fill(&mut target.url, &from.url);
    fill(&mut target.byline, &from.byline);
    for (key, value) in &from.extra {
        target.extra.entry(key.clone()).or_insert_with(|| value.clone());
    }
}

/// The date part of `YYYY-MM-DD`, `YYYY/MM/DD`, or a timestamp starting with one (the date
/// as written, not converted to another time zone); other ISO 8601 forms as jiff reads them.
pub(crate) fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| b[range].iter().all(u8::is_ascii_digit);
    if b.len() >= 10
        && digits(0..4)
        && matches!(b[4], b'-' | b'/')
        && b[7] == b[4]
        && digits(5..7)
        && digits(8..10)
        && (b.len() == 10 || matches!(b[10], b'T' | b't' | b' '))
    {
        let year = text[0..4].parse().ok()?;
        let month = text[5..7].parse().ok()?;
        let day = text[8..10].parse().ok()?;
        return Date::new(year, month, day).ok();
    }
    text.parse().ok()
}

/// Where an input came from, for documents and skip records.
#[derive(Clone, Debug)]
pub(crate) struct Origin {
    /// The path as given or found; `None` for standard input.
    pub path: Option<String>,
    /// Absolute, lexically normalised path, for manifest matching.
    pub abs: Option<PathBuf>,
    /// The document id of a single-article input, and the prefix of JSON Lines fallback ids.
    pub stem: String,
}

impl Origin {
    pub(crate) fn stdin() -> Origin {
        Origin { path: None, abs: None, stem: "stdin".to_string() }
    }

    pub(crate) fn display(&self) -> &str {
        self.path.as_deref().unwrap_or("<stdin>")
    }

    pub(crate) fn skipped(&self, reason: SkipReason) -> Skipped {
        Skipped { input: self.display().to_string(), path: self.path.clone(), line: None, reason }
    }

    pub(crate) fn skipped_line(&self, line: u64, reason: SkipReason) -> Skipped {
        Skipped {
            input: format!("{}:{line}", self.display()),
            path: self.path.clone(),
            line: Some(line),
            reason,
        }
    }
}

/// Where a record sits in its input.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Place {
    /// The whole input (a `.json` file holding one object).
    Whole,
    /// A JSON Lines line (1-based).
    Line(u64),
    /// An element of a JSON array (1-based).
    Element(u64),
}

impl Place {
    pub(crate) fn skipped(self, origin: &Origin, reason: SkipReason) -> Skipped {
        match self {
            Place::Whole => origin.skipped(reason),
            Place::Line(line) => origin.skipped_line(line, reason),
            Place::Element(n) => Skipped {
                input: format!("{}#{n}", origin.display()),
                path: origin.path.clone(),
                line: None,
                reason,
            },
        }
    }

    fn fallback_id(self, origin: &Origin) -> String {
        match self {
            Place::Whole => origin.stem.clone(),
            Place::Line(n) | Place::Element(n) => format!("{}:{n}", origin.stem),
        }
    }

    fn line(self) -> Option<u64> {
        match self {
            Place::Line(n) => Some(n),
            Place::Whole | Place::Element(_) => None,
        }
    }
}

/// What every document needs from the run: limits, defaults and manifests.
pub(crate) struct Ctx {
    pub default_published: Option<Date>,
    pub limit: u64,
    pub manifests: ManifestSet,
}

impl Ctx {
    /// Lower-precedence metadata: manifest entries (nearest first), then the default date.
    pub(crate) fn finish(&self, meta: &mut Metadata, hits: Vec<Hit<'_>>) {
        for hit in hits {
            fill_missing(meta, &hit.entry.fields);
            for note in &hit.entry.notes {
                meta.notes.push(format!("manifest {}: {note}", hit.manifest));
            }
            meta.notes.push(format!("metadata from manifest {}", hit.manifest));
        }
        if meta.published.is_none()
            && let Some(date) = self.default_published
        {
            meta.published = Some(date);
            meta.notes.push("published: default date given for the run".to_string());
        }
    }

    /// A document for a single-article input (text file, HTML page, standard input).
    pub(crate) fn single_document(
        &self,
        origin: &Origin,
        format: Format,
        text: String,
        mut meta: Metadata,
    ) -> Document {
        let hits = match &origin.path {
            Some(path) => self.manifests.for_file(path, origin.abs.as_deref()),
            None => Vec::new(),
        };
        self.finish(&mut meta, hits);
        Document {
            id: origin.stem.clone(),
            source: Source { path: origin.path.clone(), format, line: None },
            text,
            meta,
        }
    }

    /// One JSON Lines line. `None` for a blank line.
    pub(crate) fn line_item(&self, bytes: &[u8], origin: &Origin, line: u64) -> Option<crate::Item> {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        let place = Place::Line(line);
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                return Some(crate::Item::Skipped(
                    place.skipped(origin, SkipReason::InvalidUtf8 { offset: e.valid_up_to() as u64 }),
                ));
            }
        };
        Some(match serde_json::from_str::<Value>(text) {
            Ok(value) => self.record_item(value, origin, place),
            Err(e) => crate::Item::Skipped(place.skipped(origin, malformed(&e))),
        })
    }

    /// One JSON record (a line, a `.json` file, an array element).
    pub(crate) fn record_item(&self, value: Value, origin: &Origin, place: Place) -> crate::Item {
        match self.record_document(value, origin, place) {
            Ok(doc) => crate::Item::Document(doc),
            Err(reason) => crate::Item::Skipped(place.skipped(origin, reason)),
        }
    }

    fn record_document(&self, value: Value, origin: &Origin, place: Place) -> Result<Document, SkipReason> {
        let mut map = match value {
            Value::Object(map) => map,
            other => {
                return Err(SkipReason::MalformedJson {
                    message: format!("expected a JSON object, found {}", kind_of(&other)),
                });
            }
        };
        let own_id = match take(&mut map, &["id"]) {
            Some(Value::String(id)) if !id.trim().is_empty() => Some(id),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(Value::Null) | None => None,
            Some(other) => {
                map.insert("id".to_string(), other);
                None
            }
        };
        let text = take(&mut map, &["text"]).and_then(text_value);
        let page = take(&mut map, &["html"]).and_then(text_value);
        let mut meta = Metadata::default();
        let fields = take_fields(&mut map, &mut meta.notes);
        let mut page_fields = None;
        let text = match (text, page) {
            (Some(text), page) => {
                if page.is_some() {
                    meta.notes.push("record has both text and html: text used".to_string());
                }
                text
            }
            (None, Some(page)) => {
                let article = html::extract(&page)?;
                meta.notes.push(article.note);
                page_fields = Some(article.fields);
                article.text
            }
            (None, None) => return Err(SkipReason::NoText),
        };
        if text.trim().is_empty() {
            return Err(SkipReason::Empty);
        }
        // The record's own fields first, then what the page says about itself.
        fill_missing(&mut meta, &fields);
        if let Some(page_fields) = &page_fields {
            fill_missing(&mut meta, page_fields);
        }
        for (key, value) in map {
            meta.extra.entry(key).or_insert(value);
        }
        let hits = match &own_id {
            Some(id) => self.manifests.for_record(id, origin.abs.as_deref()),
            None => Vec::new(),
        };
        self.finish(&mut meta, hits);
        Ok(Document {
            id: own_id.unwrap_or_else(|| place.fallback_id(origin)),
            source: Source { path: origin.path.clone(), format: Format::Jsonl, line: place.line() },
            text,
            meta,
        })
    }
}

/// A `text`/`html` value: a string, or an array of strings (paragraphs, joined by `\n`).
fn text_value(value: Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s),
        Value::Array(items) => {
            let parts: Option<Vec<String>> = items
                .into_iter()
                .map(|item| match item {
                    Value::String(s) => Some(s),
                    _ => None,
                })
                .collect();
            parts.map(|parts| parts.join("\n"))
        }
        _ => None,
    }
}

/// The serde message without its position (reported as the line), column kept.
pub(crate) fn malformed(e: &serde_json::Error) -> SkipReason {
    malformed_at(e, 1, 1)
}

/// The serde message with the position moved to the input's: the parsed bytes start at
/// `line` and `column` (1-based). The line is given when it is not the first.
pub(crate) fn malformed_at(e: &serde_json::Error, line: u64, column: u64) -> SkipReason {
    let full = e.to_string();
    if e.line() == 0 {
        return SkipReason::MalformedJson { message: full };
    }
    let position = format!(" at line {} column {}", e.line(), e.column());
    let message = full.strip_suffix(&position).unwrap_or(&full);
    let (line, column) = if e.line() == 1 {
        (line, (column + e.column() as u64).saturating_sub(1))
    } else {
        (line + e.line() as u64 - 1, e.column() as u64)
    };
    let message = if line > 1 {
        format!("{message} (line {line}, column {column})")
    } else {
        format!("{message} (column {column})")
    };
    SkipReason::MalformedJson { message }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Removes the first key matching one of `aliases` (case-insensitively) and returns its value.
pub(crate) fn take(map: &mut Map<String, Value>, aliases: &[&str]) -> Option<Value> {
    for alias in aliases {
        let key = map.keys().find(|key| key.eq_ignore_ascii_case(alias)).cloned();
        if let Some(key) = key {
            return map.remove(&key);
        }
    }
    None
}

/// Takes the metadata fields out of `map` (the rest stays for `extra`). An unusable value
/// leaves the field empty, with a note (the caller says where it comes from).
pub(crate) fn take_fields(map: &mut Map<String, Value>, notes: &mut Vec<String>) -> Metadata {
    let mut fields = Metadata::default();
    match take(map, PUBLISHED) {
        None | Some(Value::Null) => {}
        Some(Value::String(raw)) if raw.trim().is_empty() => {}
        Some(Value::String(raw)) => match parse_date(&raw) {
            Some(date) => fields.published = Some(date),
            None => notes.push(format!("unparsable published date {raw:?} (ignored)")),
        },
        Some(other) => notes.push(format!("unparsable published date {other} (ignored)")),
    }
    fields.title = take_string(map, TITLE);
    fields.outlet = take_string(map, OUTLET);
    fields.url = take_string(map, URL);
    fields.byline = take_string(map, BYLINE);
    fields
}

/// A string field; a value of another type is left in the map (it ends up in `extra`).
fn take_string(map: &mut Map<String, Value>, aliases: &[&str]) -> Option<String> {
    for alias in aliases {
        let Some(key) = map.keys().find(|key| key.eq_ignore_ascii_case(alias)).cloned() else {
            continue;
        };
        match map.get(&key) {
            Some(Value::String(_)) => {
                if let Some(Value::String(s)) = map.remove(&key) {
                    let s = s.trim();
                    if !s.is_empty() {
                        return Some(s.to_string());
                    }
                }
            }
            Some(Value::Null) => {
                map.remove(&key);
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = |s| parse_date(s).map(|d: Date| d.to_string());
        assert_eq!(d("2022-09-13").as_deref(), Some("2022-09-13"));
        assert_eq!(d(" 2022-09-13T23:30:00Z").as_deref(), Some("2022-09-13"));
        assert_eq!(d("2022-09-13T08:30:00+03:00").as_deref(), Some("2022-09-13"));
        assert_eq!(d("2022/09/13 08:30").as_deref(), Some("2022-09-13"));
        assert_eq!(d("20220913").as_deref(), Some("2022-09-13"));
        assert_eq!(d("2022-02-30"), None);
        assert_eq!(d("13 سبتمبر 2022"), None);
        assert_eq!(d(""), None);
    }

    #[test]
    fn fields_and_aliases() {
        let Value::Object(mut map) = serde_json::json!({
            "headline": "عنوان", "date": "2020-10-24", "source": "سكاي", "category": "world",
            "url": 5
        }) else {
            unreachable!()
        };
        let mut notes = Vec::new();
        let f = take_fields(&mut map, &mut notes);
        assert_eq!(f.title.as_deref(), Some("عنوان"));
        assert_eq!(f.outlet.as_deref(), Some("سكاي"));
        assert_eq!(f.published.map(|d| d.to_string()).as_deref(), Some("2020-10-24"));
        assert_eq!(f.url, None);
        assert!(notes.is_empty());
        assert_eq!(map.len(), 2, "category and the non-string url stay: {map:?}");
    }
}
