//! The input stream: opening each planned input, deciding its format, and turning it into
//! documents and skip records.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use flate2::bufread::MultiGzDecoder;
use marsad_doc::{Format, Metadata};
use serde_json::Value;

use crate::decode::{self, Bom, SNIFF_LEN};
use crate::lines::{BoundedLines, Line};
use crate::manifest::absolute;
use crate::plan::{self, Planned};
use crate::record::{Ctx, Origin, Place, malformed};
use crate::sniff::{self, Kind, kind_from_name};
use crate::{Item, ManifestError, ManifestInfo, Options, Progress, SkipReason, html};

const READ_BUFFER: usize = 64 * 1024;

type Reader = Box<dyn BufRead + Send>;

/// The articles of a list of inputs, in order: an iterator of [`Item`]s.
///
/// Building it walks the folders (keeping paths only), loads the metadata manifests and sums
/// the file sizes; reading happens as the iterator is advanced. It is `Send`, so it can run
/// on a reader thread while [`Inputs::progress`] is watched from another.
pub struct Inputs {
    plan: std::vec::IntoIter<Planned>,
    current: Option<Current>,
    ctx: Ctx,
    forced: Option<Kind>,
    stdin: Option<Box<dyn Read + Send>>,
    stdin_used: bool,
    ignored: BTreeMap<String, u64>,
    manifests: Vec<ManifestInfo>,
    inputs: usize,
    progress: Progress,
}

impl std::fmt::Debug for Inputs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inputs")
            .field("remaining", &self.plan.len())
            .field("ignored", &self.ignored)
            .field("manifests", &self.manifests)
            .field("progress", &self.progress)
            .finish_non_exhaustive()
    }
}

/// A multi-article input being read.
struct Current {
    stream: Stream,
    /// Where the progress counter stood when the file was opened, and the file's size.
    account: Option<(u64, u64)>,
}

enum Stream {
    Lines(JsonlStream),
    Values(ValuesStream),
}

impl Inputs {
    /// Plans a run over `paths`: files, folders (walked recursively, in file-name order,
    /// hidden entries skipped) and `-` for standard input; no paths at all means standard
    /// input. Inputs that cannot be read are not errors here: they come out as
    /// [`Item::Skipped`] in their place.
    ///
    /// # Errors
    ///
    /// A manifest in [`Options::manifests`] that cannot be read or parsed.
    pub fn new(paths: &[PathBuf], options: Options) -> Result<Inputs, ManifestError> {
        let plan = plan::build(paths, &options)?;
        let inputs = plan.items.iter().filter(|p| !matches!(p, Planned::Skip(_))).count();
        Ok(Inputs {
            plan: plan.items.into_iter(),
            current: None,
            ctx: Ctx {
                default_published: options.published,
                limit: options.max_article_bytes,
                manifests: plan.manifests,
            },
            forced: options.format.map(Kind::from),
            stdin: None,
            stdin_used: false,
            ignored: plan.ignored,
            manifests: plan.infos,
            inputs,
            progress: Progress { total: plan.total_bytes, read: Arc::new(AtomicU64::new(0)) },
        })
    }

    /// Reads standard input (`-`) from `reader` instead of the process's standard input.
    pub fn with_stdin(mut self, reader: impl Read + Send + 'static) -> Inputs {
        self.stdin = Some(Box::new(reader));
        self
    }

    /// A handle on reading progress, usable from another thread.
    pub fn progress(&self) -> Progress {
        self.progress.clone()
    }

    /// Files met in folder walks and not read, by lower-case extension (`""` for none).
    pub fn ignored(&self) -> &BTreeMap<String, u64> {
        &self.ignored
    }

    /// The metadata manifests in use: explicit ones first, then those found among the inputs.
    pub fn manifests(&self) -> &[ManifestInfo] {
        &self.manifests
    }

    /// How many inputs (files, pipes, standard input) the run will read.
    pub fn input_count(&self) -> usize {
        self.inputs
    }

    /// Counts a whole file as read, however much of it was: skipped files and files that
    /// broke off must still bring the progress to its total.
    fn settle(&self, start: u64, size: u64) {
        let target = start.saturating_add(size);
        let now = self.progress.read.load(Ordering::Relaxed);
        if now < target {
            self.progress.read.fetch_add(target - now, Ordering::Relaxed);
        }
    }

    fn open_file(&self, path: &Path, size: Option<u64>) -> Opened {
        let display = path.to_string_lossy().into_owned();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let origin = Origin {
            path: Some(display),
            // Only manifests need it, and it costs a system call.
            abs: if self.ctx.manifests.is_empty() { None } else { absolute(path) },
            stem: sniff::stem(&name),
        };
        let (named, gz) = kind_from_name(&name);
        let kind = self.forced.or(named);
        let single = matches!(kind, Some(Kind::Text | Kind::Html | Kind::Json));
        if let Some(size) = size
            && !gz
            && single
            && size > self.ctx.limit
        {
            return Opened::skip(&origin, self.too_large(Some(size)));
        }
        let file = match File::open(path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Opened::skip(&origin, SkipReason::NotFound);
            }
            Err(e) => return Opened::skip(&origin, SkipReason::Unreadable(e.to_string())),
        };
        let counted = Counting { inner: file, read: Arc::clone(&self.progress.read) };
        self.open_stream(Box::new(counted), origin, kind)
    }

    fn too_large(&self, size: Option<u64>) -> SkipReason {
        SkipReason::TooLarge { size, limit: self.ctx.limit }
    }

    /// Detects compression, decides the format, and reads.
    fn open_stream(&self, raw: Box<dyn Read + Send>, origin: Origin, kind: Option<Kind>) -> Opened {
        let mut raw = BufReader::with_capacity(READ_BUFFER, raw);
        let (prefix, error) = read_prefix(&mut raw);
        if let Some(e) = error {
            return Opened::skip(&origin, SkipReason::Unreadable(e.to_string()));
        }
        let raw: Reader =
            Box::new(BufReader::with_capacity(READ_BUFFER, Prefixed::new(prefix.clone(), None, raw)));
        let (reader, prefix, kind, compressed) = if prefix.starts_with(&[0x1F, 0x8B]) {
            let mut decoder = BufReader::with_capacity(READ_BUFFER, MultiGzDecoder::new(raw));
            let (inner, error) = read_prefix(&mut decoder);
            let inner_kind = decoder
                .get_ref()
                .header()
                .and_then(|h| h.filename())
                .and_then(|n| kind_from_name(&String::from_utf8_lossy(n)).0);
            let reader: Reader =
                Box::new(BufReader::with_capacity(READ_BUFFER, Prefixed::new(inner.clone(), error, decoder)));
            (reader, inner, kind.or(inner_kind), true)
        } else {
            (raw, prefix, kind, false)
        };
        let kind = kind.unwrap_or_else(|| sniff::sniff(&prefix));
        match kind {
            Kind::Text | Kind::Html => self.single(reader, &origin, kind, compressed),
            Kind::Jsonl | Kind::Json => {
                if let Some(reason) = json_precheck(&prefix) {
                    return Opened::skip(&origin, reason);
                }
                if kind == Kind::Json {
                    self.json(reader, origin, compressed)
                } else {
                    Opened::Stream(Stream::Lines(JsonlStream::new(
                        reader,
                        origin,
                        compressed,
                        self.ctx.limit,
                    )))
                }
            }
        }
    }

    /// Reads a whole input of at most the size limit.
    fn read_limited(&self, reader: Reader, compressed: bool) -> Result<Vec<u8>, SkipReason> {
        let mut bytes = Vec::new();
        let limit = self.ctx.limit;
        match reader.take(limit.saturating_add(1)).read_to_end(&mut bytes) {
            Ok(_) if bytes.len() as u64 > limit => Err(self.too_large(None)),
            Ok(_) => Ok(bytes),
            Err(e) if compressed => Err(SkipReason::Corrupt(gzip_message(&e))),
            Err(e) => Err(SkipReason::Unreadable(e.to_string())),
        }
    }

    fn single(&self, reader: Reader, origin: &Origin, kind: Kind, compressed: bool) -> Opened {
        let bytes = match self.read_limited(reader, compressed) {
            Ok(bytes) => bytes,
            Err(reason) => return Opened::skip(origin, reason),
        };
        match self.single_document(bytes, origin, kind, compressed) {
            Ok(doc) => Opened::Item(Item::Document(doc)),
            Err(reason) => Opened::skip(origin, reason),
        }
    }

    fn single_document(
        &self,
        bytes: Vec<u8>,
        origin: &Origin,
        kind: Kind,
        compressed: bool,
    ) -> Result<marsad_doc::Document, SkipReason> {
        if bytes.is_empty() {
            return Err(SkipReason::Empty);
        }
        let is_html = kind == Kind::Html;
        let decoded = decode::decode(bytes, is_html)?;
        if decoded.text.trim().is_empty() {
            return Err(SkipReason::Empty);
        }
        let mut meta = Metadata::default();
        if compressed {
            meta.notes.push("decompressed (gzip)".to_string());
        }
        meta.notes.extend(decoded.note);
        if !is_html {
            return Ok(self.ctx.single_document(origin, Format::Text, decoded.text, meta));
        }
        let article = html::extract(&decoded.text)?;
        meta.notes.push(article.note);
        // What the page says about itself outranks manifests (see `Ctx::finish`).
        article.fields.fill_meta(&mut meta);
        Ok(self.ctx.single_document(origin, Format::Html, article.text, meta))
    }

    /// A `.json` file: one object, an array of objects, or (despite the name) JSON Lines.
    fn json(&self, reader: Reader, origin: Origin, compressed: bool) -> Opened {
        let mut bytes = match self.read_limited(reader, compressed) {
            Ok(bytes) => bytes,
            Err(reason) => return Opened::skip(&origin, reason),
        };
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Opened::skip(&origin, SkipReason::Empty);
        }
        match serde_json::from_slice::<Value>(&bytes) {
            Ok(Value::Array(values)) => {
                if values.is_empty() {
                    return Opened::skip(&origin, SkipReason::Empty);
                }
                Opened::Stream(Stream::Values(ValuesStream { values: values.into_iter(), index: 0, origin }))
            }
            Ok(value) => Opened::Item(self.ctx.record_item(value, &origin, Place::Whole)),
            Err(e) if e.to_string().starts_with("trailing characters") => {
                let reader: Reader = Box::new(Cursor::new(bytes));
                Opened::Stream(Stream::Lines(JsonlStream::new(reader, origin, compressed, self.ctx.limit)))
            }
            Err(e) => {
                if let Err(utf8) = std::str::from_utf8(&bytes) {
                    return Opened::skip(
                        &origin,
                        SkipReason::InvalidUtf8 { offset: utf8.valid_up_to() as u64 },
                    );
                }
                Opened::skip(&origin, malformed(&e))
            }
        }
    }
}

impl Iterator for Inputs {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(current) = &mut self.current {
                let item = match &mut current.stream {
                    Stream::Lines(lines) => lines.next_item(&self.ctx),
                    Stream::Values(values) => values.next_item(&self.ctx),
                };
                if item.is_some() {
                    return item;
                }
                if let Some((start, size)) = current.account {
                    self.settle(start, size);
                }
                self.current = None;
            }
            let (opened, account) = match self.plan.next()? {
                Planned::Skip(skipped) => return Some(Item::Skipped(skipped)),
                Planned::File { path, size } => {
                    let start = self.progress.read.load(Ordering::Relaxed);
                    (self.open_file(&path, size), size.map(|size| (start, size)))
                }
                Planned::Stdin => {
                    let reader = match (self.stdin.take(), self.stdin_used) {
                        (Some(reader), _) => reader,
                        // Standard input named twice: the second time it is at its end.
                        (None, true) => Box::new(io::empty()),
                        (None, false) => Box::new(io::stdin()),
                    };
                    self.stdin_used = true;
                    (self.open_stream(reader, Origin::stdin(), self.forced), None)
                }
            };
            match opened {
                Opened::Item(item) => {
                    if let Some((start, size)) = account {
                        self.settle(start, size);
                    }
                    return Some(item);
                }
                Opened::Stream(stream) => self.current = Some(Current { stream, account }),
            }
        }
    }
}

enum Opened {
    Item(Item),
    Stream(Stream),
}

impl Opened {
    fn skip(origin: &Origin, reason: SkipReason) -> Opened {
        Opened::Item(Item::Skipped(origin.skipped(reason)))
    }
}

/// Refuses JSON that cannot be read line by line as UTF-8 before any line is tried: binary
/// files would otherwise give one "malformed" report per line.
fn json_precheck(prefix: &[u8]) -> Option<SkipReason> {
    match decode::bom(prefix) {
        Some(Bom::Utf16Le | Bom::Utf16Be) => {
            Some(SkipReason::Undecodable("UTF-16 JSON is not supported; convert it to UTF-8".to_string()))
        }
        Some(Bom::Utf8) => decode::is_binary(&prefix[3..]).then_some(SkipReason::Binary),
        None => decode::is_binary(prefix).then_some(SkipReason::Binary),
    }
}

fn gzip_message(e: &io::Error) -> String {
    format!("gzip data is corrupt or truncated ({e})")
}

/// Reads up to [`SNIFF_LEN`] bytes; a read error is returned beside what was read before it.
fn read_prefix(reader: &mut impl Read) -> (Vec<u8>, Option<io::Error>) {
    let mut prefix = Vec::with_capacity(SNIFF_LEN);
    let error = reader.take(SNIFF_LEN as u64).read_to_end(&mut prefix).err();
    (prefix, error)
}

/// Puts back the bytes read for sniffing, then the error met while reading them (if any),
/// then the rest.
struct Prefixed<R> {
    prefix: Cursor<Vec<u8>>,
    error: Option<io::Error>,
    rest: R,
}

impl<R> Prefixed<R> {
    fn new(prefix: Vec<u8>, error: Option<io::Error>, rest: R) -> Self {
        Prefixed { prefix: Cursor::new(prefix), error, rest }
    }
}

impl<R: Read> Read for Prefixed<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.prefix.read(buf)?;
        if n > 0 || buf.is_empty() {
            return Ok(n);
        }
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        self.rest.read(buf)
    }
}

/// Counts the bytes read from a file into the shared progress counter.
struct Counting<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A JSON Lines input, read one line at a time.
struct JsonlStream {
    lines: BoundedLines<Reader>,
    origin: Origin,
    compressed: bool,
    limit: u64,
    done: bool,
    /// Whether any item came out: an input with none is reported as empty.
    produced: bool,
}

impl JsonlStream {
    fn new(reader: Reader, origin: Origin, compressed: bool, limit: u64) -> Self {
        JsonlStream {
            lines: BoundedLines::new(reader, limit),
            origin,
            compressed,
            limit,
            done: false,
            produced: false,
        }
    }

    fn next_item(&mut self, ctx: &Ctx) -> Option<Item> {
        while !self.done {
            let number = self.lines.lines() + 1;
            let item = match self.lines.next_line() {
                Ok(None) => {
                    self.done = true;
                    (!self.produced).then(|| Item::Skipped(self.origin.skipped(SkipReason::Empty)))
                }
                Ok(Some(Line::TooLong(size))) => Some(Item::Skipped(
                    self.origin
                        .skipped_line(number, SkipReason::TooLarge { size: Some(size), limit: self.limit }),
                )),
                Ok(Some(Line::Text(line))) => {
                    let line =
                        if number == 1 { line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line) } else { line };
                    ctx.line_item(line, &self.origin, number)
                }
                Err(e) => {
                    self.done = true;
                    let message =
                        if self.compressed { gzip_message(&e) } else { format!("read error ({e})") };
                    Some(Item::Skipped(self.origin.skipped_line(number, SkipReason::Corrupt(message))))
                }
            };
            if item.is_some() {
                self.produced = true;
                return item;
            }
        }
        None
    }
}

/// The elements of a JSON array.
struct ValuesStream {
    values: std::vec::IntoIter<Value>,
    index: u64,
    origin: Origin,
}

impl ValuesStream {
    fn next_item(&mut self, ctx: &Ctx) -> Option<Item> {
        let value = self.values.next()?;
        self.index += 1;
        Some(ctx.record_item(value, &self.origin, Place::Element(self.index)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send<T: Send>() {}

    #[test]
    fn inputs_is_send() {
        assert_send::<Inputs>();
    }
}
