//! The document model shared by every marsad stage.
//!
//! A [`Document`] is one article as it entered the system: its identifier, where it was read
//! from, its text exactly as read (for a plain-text file: the file's content, unchanged apart
//! from a byte-order mark), and whatever metadata came with it. Later stages never modify the
//! text: every annotation they produce is a span into [`Document::text`].
//!
//! ```
//! use marsad_doc::{Document, Format, Metadata, Source};
//!
//! let doc = Document {
//!     id: "000".into(),
//!     source: Source { path: Some("corpus/000.txt".into()), format: Format::Text, line: None },
//!     text: "أذربيجان تحادث روسيا".into(),
//!     meta: Metadata::default(),
//! };
//! assert_eq!(doc.source.display(), "corpus/000.txt");
//! ```

use std::fmt;

pub use jiff::civil::Date;

/// One article.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The input file's stem, or the `id` field of a JSON Lines record.
    pub id: String,
    /// Where the article was read from.
    pub source: Source,
    /// The article text. For a plain-text input this is the input exactly as read (a leading
    /// byte-order mark aside); for HTML it is the text extracted from the page.
    pub text: String,
    /// Metadata that came with the article (never guessed from its text: that is the
    /// extractor's job, and it records where each value came from).
    pub meta: Metadata,
}

/// Where an article was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The path as the user gave it (or as found under a folder they gave); `None` for
    /// standard input.
    pub path: Option<String>,
    /// How the input was parsed.
    pub format: Format,
    /// For JSON Lines: the 1-based line number of the record.
    pub line: Option<u64>,
}

impl Source {
    /// A short human-readable location: `path`, `path:line`, or `<stdin>`.
    pub fn display(&self) -> String {
        let path = self.path.as_deref().unwrap_or("<stdin>");
        match self.line {
            Some(line) => format!("{path}:{line}"),
            None => path.to_string(),
        }
    }
}

/// The input formats marsad reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text, one article per input.
    Text,
    /// An HTML page; the article is found by a main-content extractor.
    Html,
    /// JSON Lines, one article per line (`text` or `html` field), optionally gzip-compressed.
    Jsonl,
}

impl Format {
    /// The name used in records and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Metadata supplied with an article: by the user (`--published`), by a JSON Lines record,
/// by a metadata manifest next to the files, or by the HTML page itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    /// Publication date (document creation time).
    pub published: Option<Date>,
    /// Headline, when the source gives one apart from the text.
    pub title: Option<String>,
    /// Publishing outlet.
    pub outlet: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Author line, when the source gives one apart from the text (HTML pages).
    pub byline: Option<String>,
    /// Other fields of a JSON Lines record or manifest row, kept as they were.
    pub extra: serde_json::Map<String, serde_json::Value>,
    /// How the input was turned into text, when that was not plain UTF-8 reading
    /// (e.g. "decoded from windows-1256", "html: main content by dom_smoothie").
    pub notes: Vec<String>,
}
