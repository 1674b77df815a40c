//! Deciding an input's format from its name or its first bytes.

use marsad_doc::Format;

use crate::json::Lexer;

/// How an input is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    Html,
    Jsonl,
    /// One JSON object, or an array of them.
    Json,
}

impl From<Format> for Kind {
    fn from(format: Format) -> Kind {
        match format {
            Format::Text => Kind::Text,
            Format::Html => Kind::Html,
            Format::Jsonl => Kind::Jsonl,
        }
    }
}

/// The kind a file name announces, and whether it ends in `.gz`.
pub(crate) fn kind_from_name(name: &str) -> (Option<Kind>, bool) {
    let lower = name.to_ascii_lowercase();
    let (base, gz) = match lower.strip_suffix(".gz") {
        Some(base) => (base, true),
        None => (lower.as_str(), false),
    };
    let kind = match base.rsplit_once('.').map(|(_, ext)| ext) {
        Some("txt" | "text") => Some(Kind::Text),
        Some("html" | "htm" | "xhtml") => Some(Kind::Html),
        Some("jsonl" | "ndjson") => Some(Kind::Jsonl),
        Some("json") => Some(Kind::Json),
        _ => None,
    };
    (kind, gz)
}

/// The last extension, lower-cased (`""` when there is none), for the ignored-files count.
/// What follows the last dot is not an extension when it holds white space (`Mr. Smith`).
pub(crate) fn extension(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !ext.contains(char::is_whitespace) => {
            ext.to_ascii_lowercase()
        }
        _ => String::new(),
    }
}

/// The file name without `.gz` and without its extension: a text file's document id.
pub(crate) fn stem(name: &str) -> String {
    let base = if name.to_ascii_lowercase().ends_with(".gz") { &name[..name.len() - 3] } else { name };
    match base.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => base.to_string(),
    }
}

/// The format of content with no telling name: JSON if it opens with `{` (JSON Lines, unless
/// the first object goes on past the first line), HTML if it opens with `<` and carries a
/// usual HTML tag, text otherwise.
pub(crate) fn sniff(prefix: &[u8]) -> Kind {
    let body = prefix.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(prefix);
    let Some(start) = body.iter().position(|b| !b.is_ascii_whitespace()) else {
        return Kind::Text;
    };
    let body = &body[start..];
    match body[0] {
        b'{' => object_kind(body),
        b'<' => {
            const MARKERS: [&[u8]; 10] = [
                b"<!doctype html",
                b"<html",
                b"<head",
                b"<body",
                b"<meta",
                b"<title",
                b"<article",
                b"<div",
                b"<p>",
                b"<p ",
            ];
            let lower = body.to_ascii_lowercase();
            if MARKERS.iter().any(|marker| memchr::memmem::find(&lower, marker).is_some()) {
                Kind::Html
            } else {
                Kind::Text
            }
        }
        _ => Kind::Text,
    }
}

/// Content opening with `{`: one JSON value when the first object is still open at the end of
/// the first line (pretty-printed), JSON Lines otherwise. A line that ends inside a string is
/// a broken record (JSON strings hold no line breaks), and a first line longer than what was
/// looked at is a long record.
fn object_kind(body: &[u8]) -> Kind {
    let mut lexer = Lexer::default();
    for &b in body {
        if b == b'\n' {
            return if lexer.in_string() { Kind::Jsonl } else { Kind::Json };
        }
        if lexer.feed(b) {
            return Kind::Jsonl;
        }
    }
    Kind::Jsonl
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(kind_from_name("a.TXT"), (Some(Kind::Text), false));
        assert_eq!(kind_from_name("a.jsonl.gz"), (Some(Kind::Jsonl), true));
        assert_eq!(kind_from_name("a.json.gz"), (Some(Kind::Json), true));
        assert_eq!(kind_from_name("a.gz"), (None, true));
        assert_eq!(kind_from_name("a.md"), (None, false));
        assert_eq!(stem("000_b587ee3253eb2d41.txt"), "000_b587ee3253eb2d41");
        assert_eq!(stem("bench.jsonl.gz"), "bench");
        assert_eq!(stem("README"), "README");
        assert_eq!(stem("a.txt.GZ"), "a");
        assert_eq!(extension("x.PDF"), "pdf");
        assert_eq!(extension(".hidden"), "");
        assert_eq!(extension("notes from Mr. Smith"), "");
        assert_eq!(extension("x.* hidden"), "");
    }

    #[test]
    fn content() {
        assert_eq!(sniff(b"  {\"id\": 1}"), Kind::Jsonl);
        assert_eq!(sniff(b"<!DOCTYPE html><html>"), Kind::Html);
        assert_eq!(sniff(b"<< not html >>"), Kind::Text);
        assert_eq!(sniff("قال".as_bytes()), Kind::Text);
        assert_eq!(sniff(b""), Kind::Text);
    }

    #[test]
    fn pretty_printed_json_is_one_value() {
        assert_eq!(sniff(b"{\n  \"text\": \"a\",\n  \"id\": 1\n}\n"), Kind::Json);
        assert_eq!(sniff(b"\n\n{\"text\": \"a\",\r\n\"id\": 1}"), Kind::Json);
        // A complete first line, or one broken inside a string, is JSON Lines.
        assert_eq!(sniff(b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n"), Kind::Jsonl);
        assert_eq!(sniff(b"{\"text\": \"a}{\n{\"text\": \"b\"}\n"), Kind::Jsonl);
        // A first line longer than what was looked at: JSON Lines with long records.
        assert_eq!(sniff(b"{\"text\": \"aaaaaaaa"), Kind::Jsonl);
    }
}
