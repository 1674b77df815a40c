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
use crate::json::{JsonReader, Pos};
use crate::lines::{BoundedLines, Line};
use crate::manifest::absolute;
use crate::plan::{self, Planned};
use crate::record::{Ctx, Origin, Place, malformed_at};
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
    Lines(Box<JsonlStream>),
    Array(ArrayStream),
}

impl Inputs {
    /// Plans a run over `paths`: files, folders (walked recursively, in file-name order,
    /// hidden entries skipped and counted in [`Inputs::ignored`]) and `-` for standard input;
    /// no paths at all means standard input. Inputs that cannot be read are not errors here:
    /// they come out as [`Item::Skipped`] in their place. A folder that gives nothing to read
    /// is reported as [`SkipReason::EmptyFolder`](crate::SkipReason::EmptyFolder).
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

    /// Entries met in folder walks and not read: files by lower-case extension (`""` for
    /// none), and hidden files and folders (names starting with `.`; a folder counts once and
    /// is not entered) under [`IGNORED_HIDDEN`](crate::IGNORED_HIDDEN).
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
        // A `.json` file may hold many records: each is capped as it is read.
        let single = matches!(kind, Some(Kind::Text | Kind::Html));
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
                    Opened::Stream(Stream::Lines(Box::new(JsonlStream::new(
                        reader,
                        origin,
                        compressed,
                        self.ctx.limit,
                    ))))
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
            Err(e) => Err(read_failure(&e, compressed)),
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
        crate::record::fill_missing(&mut meta, &article.fields);
        Ok(self.ctx.single_document(origin, Format::Html, article.text, meta))
    }

    /// A `.json` file (or content sniffed as one JSON value), decided by its first bytes: an
    /// array, whose elements are read one at a time; objects one per line (JSON Lines despite
    /// the name); or one value. Each record is capped, never the whole file.
    fn json(&self, reader: Reader, origin: Origin, compressed: bool) -> Opened {
        let mut json = JsonReader::new(reader);
        let first = json.skip_bom().and_then(|()| json.skip_space()).and_then(|_| json.peek());
        match first {
            Err(e) => Opened::skip(&origin, read_failure(&e, compressed)),
            Ok(None) => Opened::skip(&origin, SkipReason::Empty),
            Ok(Some(b'[')) => {
                json.bump(b'[');
                Opened::Stream(Stream::Array(ArrayStream {
                    json,
                    origin,
                    compressed,
                    limit: self.ctx.limit,
                    index: 0,
                    state: ArrayState::Open,
                }))
            }
            Ok(Some(first)) => match self.json_value(json, &origin, compressed, first == b'{') {
                Ok(opened) => opened,
                Err(reason) => Opened::skip(&origin, reason),
            },
        }
    }

    /// The value a `.json` file holds, or the JSON Lines it turns out to hold: an object on
    /// one line followed, on another line, by another object.
    fn json_value(
        &self,
        mut json: JsonReader<Reader>,
        origin: &Origin,
        compressed: bool,
        object: bool,
    ) -> Result<Opened, SkipReason> {
        let limit = self.ctx.limit;
        let read = |e: io::Error| read_failure(&e, compressed);
        let value = json.value(limit).map_err(read)?;
        let (newlines, after, next) = if value.complete {
            let newlines = json.skip_space().map_err(read)?;
            (newlines, json.pos(), json.peek().map_err(read)?)
        } else {
            // The input ends inside the value.
            (0, json.pos(), None)
        };
        match next {
            None => match value.bytes {
                Some(bytes) => {
                    let record = parse_json(&bytes, value.start)?;
                    Ok(Opened::Item(self.ctx.record_item(record, origin, Place::Whole)))
                }
                None => Err(self.too_large(value.complete.then_some(value.size))),
            },
            Some(b'{') if object && !value.multiline && newlines > 0 => {
                // JSON Lines: the first line, already read, comes first; the rest is read
                // as lines, numbered on from where it starts.
                let line = value.start.line;
                let first = match value.bytes {
                    Some(bytes) => self.ctx.line_item(&bytes, origin, line),
                    None => {
                        let reason = SkipReason::TooLarge { size: Some(value.size), limit };
                        Some(Item::Skipped(origin.skipped_line(line, reason)))
                    }
                };
                let mut stream = JsonlStream::new(json.into_inner(), origin.clone(), compressed, limit);
                stream.lines.count_lines_before(line + newlines - 1);
                stream.queued = first;
                Ok(Opened::Stream(Stream::Lines(Box::new(stream))))
            }
            Some(_) => Err(SkipReason::MalformedJson {
                message: format!(
                    "unexpected content after the JSON value (line {}, column {})",
                    after.line, after.column
                ),
            }),
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
                    Stream::Array(array) => array.next_item(&self.ctx),
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
        Some(Bom::Utf8) => decode::binary(&prefix[3..]),
        None => decode::binary(prefix),
    }
}

/// A read that failed before anything of the input was produced.
fn read_failure(e: &io::Error, compressed: bool) -> SkipReason {
    if compressed { SkipReason::Corrupt(gzip_message(e)) } else { SkipReason::Unreadable(e.to_string()) }
}

/// A read that failed part-way through an input.
fn broke_off(e: &io::Error, compressed: bool) -> SkipReason {
    SkipReason::Corrupt(if compressed { gzip_message(e) } else { format!("read error ({e})") })
}

/// A record's bytes parsed, or why they do not parse; positions are the input's (the bytes
/// start at `start`).
fn parse_json(bytes: &[u8], start: Pos) -> Result<Value, SkipReason> {
    serde_json::from_slice(bytes).map_err(|e| match std::str::from_utf8(bytes) {
        Err(utf8) => SkipReason::InvalidUtf8 { offset: start.offset + utf8.valid_up_to() as u64 },
        Ok(_) => malformed_at(&e, start.line, start.column),
    })
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
    /// An item to give before reading on: the first line, when it was read before this
    /// stream was set up.
    queued: Option<Item>,
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
            queued: None,
        }
    }

    fn next_item(&mut self, ctx: &Ctx) -> Option<Item> {
        if let Some(item) = self.queued.take() {
            self.produced = true;
            return Some(item);
        }
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
                    Some(Item::Skipped(self.origin.skipped_line(number, broke_off(&e, self.compressed))))
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

/// Where the reading of a JSON array stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ArrayState {
    /// After the `[`.
    Open,
    /// After an element.
    Element,
    /// After a `,`.
    Comma,
    Done,
}

/// The elements of a JSON array, read one at a time, each capped at the article limit.
struct ArrayStream {
    json: JsonReader<Reader>,
    origin: Origin,
    compressed: bool,
    limit: u64,
    /// Elements read so far.
    index: u64,
    state: ArrayState,
}

impl ArrayStream {
    fn next_item(&mut self, ctx: &Ctx) -> Option<Item> {
        if self.state == ArrayState::Done {
            return None;
        }
        match self.step(ctx) {
            Ok(item) => item,
            Err(e) => {
                self.state = ArrayState::Done;
                Some(Item::Skipped(self.origin.skipped(broke_off(&e, self.compressed))))
            }
        }
    }

    fn step(&mut self, ctx: &Ctx) -> io::Result<Option<Item>> {
        loop {
            self.json.skip_space()?;
            let at = self.json.pos();
            let next = self.json.peek()?;
            let whole = |reason| Ok(Some(Item::Skipped(self.origin.skipped(reason))));
            match (self.state, next) {
                (ArrayState::Done, _) => return Ok(None),
                (_, None) => {
                    self.state = ArrayState::Done;
                    let message =
                        format!("the array is not closed (the input ends after element {})", self.index);
                    return whole(SkipReason::MalformedJson { message });
                }
                (_, Some(b']')) => {
                    // A comma before the `]` is let pass.
                    self.json.bump(b']');
                    self.state = ArrayState::Done;
                    self.json.skip_space()?;
                    let after = self.json.pos();
                    if self.json.peek()?.is_some() {
                        let message = format!(
                            "unexpected content after the JSON array (line {}, column {})",
                            after.line, after.column
                        );
                        return whole(SkipReason::MalformedJson { message });
                    }
                    return if self.index == 0 { whole(SkipReason::Empty) } else { Ok(None) };
                }
                (ArrayState::Element, Some(b',')) => {
                    self.json.bump(b',');
                    self.state = ArrayState::Comma;
                }
                (ArrayState::Element, Some(_)) => {
                    self.state = ArrayState::Done;
                    return whole(SkipReason::Corrupt(format!(
                        "malformed JSON array: expected ',' or ']' after element {} (line {}, column {})",
                        self.index, at.line, at.column
                    )));
                }
                (_, Some(_)) => return Ok(Some(self.element(ctx)?)),
            }
        }
    }

    fn element(&mut self, ctx: &Ctx) -> io::Result<Item> {
        self.index += 1;
        let place = Place::Element(self.index);
        let value = self.json.value(self.limit)?;
        self.state = if value.complete { ArrayState::Element } else { ArrayState::Done };
        let reason = match value.bytes {
            None => SkipReason::TooLarge { size: value.complete.then_some(value.size), limit: self.limit },
            Some(bytes) => match parse_json(&bytes, value.start) {
                Ok(record) => return Ok(ctx.record_item(record, &self.origin, place)),
                Err(reason) => reason,
            },
        };
        Ok(Item::Skipped(place.skipped(&self.origin, reason)))
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
