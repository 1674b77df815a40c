//! Reading articles into marsad.
//!
//! [`Inputs`] turns a list of paths (files, folders, `-` for standard input) into an ordered
//! stream of [`Item`]s: each is either a [`Document`] or a [`Skipped`] record naming the input
//! (and line, for JSON Lines) that did not become a document, with a user-facing
//! [`SkipReason`]. Nothing is dropped silently: the only inputs that produce no item are files
//! met during a folder walk whose extension marsad does not read and hidden files and folders
//! (both counted in [`Inputs::ignored`]), and metadata manifests (listed in
//! [`Inputs::manifests`]). A folder named as an input in which nothing is read is itself
//! reported ([`SkipReason::EmptyFolder`]).
//!
//! Formats: plain text (`.txt`; UTF-8, UTF-16 with a byte-order mark, or windows-1256 Arabic),
//! HTML pages (`.html`, `.htm`; main content found by `trafilatura`, with `dom_smoothie` as
//! the fallback), JSON Lines (`.jsonl`, `.ndjson`, one article per line, read line by line),
//! JSON (`.json`: one article object, an array of them read element by element, or JSON
//! Lines, told apart by the content), any of these gzip-compressed, and standard input
//! (format sniffed). Files named explicitly with another extension are sniffed.
//!
//! Memory stays bounded: JSON Lines and JSON arrays are streamed with each record capped,
//! single articles are capped at [`Options::max_article_bytes`] (checked from the file size
//! before reading), and a folder walk keeps only the list of paths.
//!
//! ```no_run
//! use marsad_ingest::{Inputs, Item, Options};
//!
//! let inputs = Inputs::new(&["corpus/".into()], Options::default())?;
//! for item in inputs {
//!     match item {
//!         Item::Document(doc) => println!("{}: {} bytes", doc.id, doc.text.len()),
//!         Item::Skipped(skip) => eprintln!("skipped {skip}"),
//!     }
//! }
//! # Ok::<(), marsad_ingest::ManifestError>(())
//! ```

mod decode;
mod html;
mod inputs;
mod json;
mod lines;
mod manifest;
mod plan;
mod record;
mod sniff;

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

pub use inputs::Inputs;
pub use marsad_doc::{Date, Document, Format, Metadata, Source};

/// The key under which [`Inputs::ignored`] counts hidden files and folders (names starting
/// with `.`) met in folder walks; a hidden folder counts once and is not entered. No
/// extension can be mistaken for it: what follows the last dot of a name counts as its
/// extension only when it holds no white space, and this key does.
pub const IGNORED_HIDDEN: &str = "* hidden";

/// The default cap on a single article (a text file, an HTML page, one JSON Lines record).
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 16 * 1024 * 1024;

/// How inputs are read.
#[derive(Clone, Debug)]
pub struct Options {
    /// Publication date for articles that carry none (neither in their own fields nor in a
    /// manifest).
    pub published: Option<Date>,
    /// Read every input in this format instead of deciding by extension or content.
    /// Compression is still detected from the content, and folder walks then read files of
    /// every extension (hidden ones aside).
    pub format: Option<Format>,
    /// Larger single articles are skipped ([`SkipReason::TooLarge`]); for JSON Lines this
    /// caps each line, and for a `.json` file each record (array element), not the file.
    pub max_article_bytes: u64,
    /// Follow symbolic links to folders during a walk (loops are reported as
    /// [`SkipReason::DirectoryLoop`]). Symbolic links to files are always read.
    pub follow_links: bool,
    /// Metadata manifests that apply to every input (`--metadata`).
    pub manifests: Vec<PathBuf>,
    /// Load manifests found among the inputs (in walked folders or named explicitly) and
    /// apply each to the files of its folder and below.
    pub auto_manifests: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            published: None,
            format: None,
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            follow_links: false,
            manifests: Vec::new(),
            auto_manifests: true,
        }
    }
}

/// One element of the input stream.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// An article that was read.
    Document(Document),
    /// An input (or JSON Lines record) that did not become an article.
    Skipped(Skipped),
}

/// An input that did not become a [`Document`], and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Skipped {
    /// Where: `path`, `path:line` (JSON Lines), `path#n` (n-th element of a JSON array),
    /// `<stdin>` or `<stdin>:line`.
    pub input: String,
    /// The path as given or found in a folder; `None` for standard input.
    pub path: Option<String>,
    /// The 1-based line number, for JSON Lines records and manifest lines.
    pub line: Option<u64>,
    /// Why it was skipped.
    pub reason: SkipReason,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.input, self.reason)
    }
}

/// Why an input was skipped; the `Display` text is meant for the user.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SkipReason {
    /// The path does not exist.
    #[error("not found")]
    NotFound,
    /// A symbolic link whose target does not exist.
    #[error("broken symbolic link (its target does not exist)")]
    BrokenLink,
    /// The operating system refused to open or read it.
    #[error("cannot be read: {0}")]
    Unreadable(String),
    /// Not a regular file (a socket or a device found in a folder).
    #[error("not a regular file")]
    NotRegularFile,
    /// No text at all, or only white space.
    #[error("empty (no text)")]
    Empty,
    /// NUL bytes, or many control characters near the start.
    #[error("binary content, not text")]
    Binary,
    /// NUL bytes placed as in UTF-16 text, which without a byte-order mark is not read.
    #[error("binary content or UTF-16 text without a byte-order mark (convert it to UTF-8)")]
    BinaryOrUtf16,
    /// Neither UTF-8 nor recognisable windows-1256 Arabic. The offset is from the start of
    /// the file, or of the line for JSON Lines.
    #[error(
        "not valid UTF-8 (first invalid byte at offset {offset}) and not recognisable as windows-1256 Arabic"
    )]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: u64,
    },
    /// Declared (by a byte-order mark) in an encoding it does not follow, or in one that
    /// cannot be used here.
    #[error("{0}")]
    Undecodable(String),
    /// Over [`Options::max_article_bytes`].
    #[error("{}", too_large(*size, *limit))]
    TooLarge {
        /// The size, when known without reading it all.
        size: Option<u64>,
        /// The limit in force.
        limit: u64,
    },
    /// A JSON Lines record (or JSON file) that does not parse.
    #[error("malformed JSON: {message}")]
    MalformedJson {
        /// The parser's message.
        message: String,
    },
    /// A JSON record without a `text` or `html` string.
    #[error("record has neither a \"text\" nor an \"html\" string field")]
    NoText,
    /// An HTML page in which neither extractor found an article.
    #[error("no article found in the HTML page (trafilatura and dom_smoothie found no main text)")]
    NoArticle,
    /// An HTML page nested too deeply to be parsed in reasonable time.
    #[error("HTML nested more than {limit} levels deep: not extracted (pathological page)")]
    TooDeep {
        /// The nesting limit.
        limit: usize,
    },
    /// An HTML extractor crashed on this page.
    #[error("HTML extraction failed: {0}")]
    ExtractorFailed(String),
    /// A symbolic link leading back to a folder above it.
    #[error("symbolic link loop (leads back to {ancestor}); not followed")]
    DirectoryLoop {
        /// The folder the link leads back to.
        ancestor: String,
    },
    /// A symbolic link to a folder met while following links is off.
    #[error("symbolic link to a folder; not followed (following links is off)")]
    LinkNotFollowed,
    /// Compressed data that is corrupt or truncated, or a read error part-way; the items
    /// before this point were produced.
    #[error("{0}; the rest of this input was not read")]
    Corrupt(String),
    /// A metadata manifest met as an input while automatic manifests are off.
    #[error(
        "a metadata manifest, not articles (automatic manifests are off; give it as a metadata file to use it)"
    )]
    Manifest,
    /// A manifest line that could not be used (the rest of the manifest still applies).
    #[error("metadata manifest entry ignored: {0}")]
    BadManifestEntry(String),
    /// A folder named as an input in which nothing is read: it is empty, or holds only
    /// files that are ignored, hidden or metadata manifests.
    #[error("{}", empty_folder(ignored, *manifests))]
    EmptyFolder {
        /// What was not read, counted as in [`Inputs::ignored`].
        ignored: BTreeMap<String, u64>,
        /// How many metadata manifests it holds.
        manifests: u64,
    },
}

fn empty_folder(ignored: &BTreeMap<String, u64>, manifests: u64) -> String {
    let mut parts = Vec::new();
    let total: u64 = ignored.values().sum();
    if total > 0 {
        // Extensions first, hidden entries last.
        let (hidden, extensions): (Vec<_>, Vec<_>) =
            ignored.iter().partition(|(key, _)| *key == IGNORED_HIDDEN);
        let per: Vec<String> = extensions
            .into_iter()
            .chain(hidden)
            .map(|(key, n)| match key.as_str() {
                "" => format!("no extension {n}"),
                IGNORED_HIDDEN => format!("hidden {n}"),
                ext => format!(".{ext} {n}"),
            })
            .collect();
        parts.push(format!("{total} ignored: {}", per.join(", ")));
    }
    if manifests > 0 {
        let what = format!("{manifests} metadata manifest{}", if manifests == 1 { "" } else { "s" });
        parts.push(if total == 0 { format!("only {what}") } else { what });
    }
    if parts.is_empty() {
        parts.push("no files in it".to_string());
    }
    format!("folder holds no file marsad reads ({})", parts.join("; "))
}

fn too_large(size: Option<u64>, limit: u64) -> String {
    match size {
        Some(size) => format!("too large ({}; the limit is {})", human_bytes(size), human_bytes(limit)),
        None => format!("too large (more than the {} limit)", human_bytes(limit)),
    }
}

/// `1536` → `1.5 KiB`; exact multiples print without a fraction.
pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["KiB", "MiB", "GiB", "TiB", "PiB"];
    if n < 1024 {
        return format!("{n} bytes");
    }
    let mut value = n as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if value.fract() == 0.0 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// A metadata manifest that could not be used; a usage error, reported before any input is
/// read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ManifestError {
    /// The file could not be opened or read.
    #[error("cannot read metadata file {path}: {message}")]
    Read {
        /// The manifest path.
        path: String,
        /// The operating system's message.
        message: String,
    },
    /// A line or row that does not parse or has no file name.
    #[error("metadata file {path}, line {line}: {message}")]
    Malformed {
        /// The manifest path.
        path: String,
        /// The 1-based line number.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// A TSV/CSV header without a `file` (`path`, `filename`) column.
    #[error("metadata file {path}: no \"file\" column in the header (also accepted: \"path\", \"filename\")")]
    NoFileColumn {
        /// The manifest path.
        path: String,
    },
}

/// A metadata manifest in use, for the run summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManifestInfo {
    /// The manifest path.
    pub path: String,
    /// How many entries (files) it describes.
    pub entries: usize,
    /// Found among the inputs rather than given explicitly.
    pub automatic: bool,
}

/// A cheap, cloneable view of reading progress, readable from another thread while the
/// [`Inputs`] iterator runs.
#[derive(Clone, Debug)]
pub struct Progress {
    total: u64,
    read: Arc<AtomicU64>,
}

impl Progress {
    /// Total size of the file inputs, known when [`Inputs`] was built (standard input and
    /// pipes are not included).
    pub fn total_bytes(&self) -> u64 {
        self.total
    }

    /// Bytes of file inputs consumed so far (compressed bytes for gzip files; a skipped file
    /// counts as consumed). Reaches [`Progress::total_bytes`] at the end, unless files
    /// changed in between.
    pub fn bytes_read(&self) -> u64 {
        self.read.load(Ordering::Relaxed)
    }
}
