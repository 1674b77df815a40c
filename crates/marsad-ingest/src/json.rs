//! Finding where a JSON value ends without parsing it, so that a `.json` file is read one
//! record at a time (the elements of an array, one object, or JSON Lines) with each record
//! capped, never the whole file.

use std::io::{self, BufRead};

/// Tracks strings, escapes and nesting depth: enough to tell where a value that opens with
/// `{`, `[` or `"` ends. Brackets are not matched by kind; the parser catches that.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Lexer {
    depth: u64,
    in_string: bool,
    escape: bool,
}

impl Lexer {
    /// Feeds the next byte; true when it ends the value.
    pub(crate) fn feed(&mut self, b: u8) -> bool {
        if self.in_string {
            if self.escape {
                self.escape = false;
            } else if b == b'\\' {
                self.escape = true;
            } else if b == b'"' {
                self.in_string = false;
                return self.depth == 0;
            }
            return false;
        }
        match b {
            b'"' => self.in_string = true,
            b'{' | b'[' => self.depth += 1,
            b'}' | b']' => {
                self.depth = self.depth.saturating_sub(1);
                return self.depth == 0;
            }
            _ => {}
        }
        false
    }

    /// Inside a string.
    pub(crate) fn in_string(&self) -> bool {
        self.in_string
    }
}

/// The white space JSON allows between values.
pub(crate) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// A place in the input: byte offset (0-based), line and column (1-based, in bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pos {
    pub offset: u64,
    pub line: u64,
    pub column: u64,
}

#[derive(Debug)]
struct Tracker {
    offset: u64,
    line: u64,
    line_start: u64,
}

impl Tracker {
    fn advance(&mut self, bytes: &[u8]) {
        if let Some(last) = memchr::memrchr(b'\n', bytes) {
            self.line += memchr::memchr_iter(b'\n', bytes).count() as u64;
            self.line_start = self.offset + last as u64 + 1;
        }
        self.offset += bytes.len() as u64;
    }

    fn pos(&self) -> Pos {
        Pos { offset: self.offset, line: self.line, column: self.offset - self.line_start + 1 }
    }
}

/// One value as read by [`JsonReader::value`].
#[derive(Debug)]
pub(crate) struct Captured {
    /// Its bytes; `None` when it is longer than the limit (then not kept).
    pub bytes: Option<Vec<u8>>,
    /// Its length in bytes, kept or not.
    pub size: u64,
    /// False when the input ended before the value did (inside a string, an object or an
    /// array, or before it began).
    pub complete: bool,
    /// Where it starts.
    pub start: Pos,
    /// It spans more than one line.
    pub multiline: bool,
}

/// Reads JSON structure from a buffered reader, keeping track of the position.
pub(crate) struct JsonReader<R> {
    inner: R,
    at: Tracker,
}

impl<R: BufRead> JsonReader<R> {
    pub(crate) fn new(inner: R) -> Self {
        JsonReader { inner, at: Tracker { offset: 0, line: 1, line_start: 0 } }
    }

    pub(crate) fn pos(&self) -> Pos {
        self.at.pos()
    }

    pub(crate) fn into_inner(self) -> R {
        self.inner
    }

    fn fill(inner: &mut R) -> io::Result<&[u8]> {
        loop {
            match inner.fill_buf() {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
                // Asked again to hand out the buffer (the borrow checker cannot see that the
                // first answer could be returned); a filled buffer is not read into again.
                Ok(_) => break,
            }
        }
        inner.fill_buf()
    }

    /// The next byte, not consumed.
    pub(crate) fn peek(&mut self) -> io::Result<Option<u8>> {
        Ok(Self::fill(&mut self.inner)?.first().copied())
    }

    /// Consumes the byte [`JsonReader::peek`] returned.
    pub(crate) fn bump(&mut self, byte: u8) {
        self.at.advance(&[byte]);
        self.inner.consume(1);
    }

    /// Skips a UTF-8 byte-order mark; columns are then counted from after it, as an editor
    /// counts them.
    pub(crate) fn skip_bom(&mut self) -> io::Result<()> {
        for &byte in b"\xEF\xBB\xBF" {
            if self.peek()? != Some(byte) {
                return Ok(());
            }
            self.bump(byte);
        }
        self.at.line_start = self.at.offset;
        Ok(())
    }

    /// Skips white space; returns how many line breaks it held.
    pub(crate) fn skip_space(&mut self) -> io::Result<u64> {
        let mut newlines = 0;
        loop {
            let available = Self::fill(&mut self.inner)?;
            let len = available.len();
            let n = available.iter().position(|&b| !is_space(b)).unwrap_or(len);
            newlines += memchr::memchr_iter(b'\n', &available[..n]).count() as u64;
            self.at.advance(&available[..n]);
            self.inner.consume(n);
            if n < len || len == 0 {
                return Ok(newlines);
            }
        }
    }

    /// Reads the value that starts at the next byte (not white space), keeping at most
    /// `limit` bytes of it. A value that is not an object, an array or a string ends at
    /// white space or punctuation; at least one byte is always consumed.
    pub(crate) fn value(&mut self, limit: u64) -> io::Result<Captured> {
        let start = self.at.pos();
        let mut bytes = Some(Vec::new());
        let mut size: u64 = 0;
        let mut lexer = Lexer::default();
        let mut first = true;
        let mut scalar = false;
        loop {
            let available = Self::fill(&mut self.inner)?;
            if available.is_empty() {
                // The end of the input ends a number or a literal, not a string or a container.
                let complete = scalar && !first;
                let multiline = self.at.line > start.line;
                return Ok(Captured { bytes, size, complete, start, multiline });
            }
            let mut end = None;
            for (i, &b) in available.iter().enumerate() {
                if first {
                    first = false;
                    scalar = !matches!(b, b'{' | b'[' | b'"');
                    if scalar {
                        continue;
                    }
                }
                if scalar {
                    if is_space(b) || matches!(b, b',' | b']' | b'}' | b'[' | b'{' | b'"') {
                        end = Some(i);
                        break;
                    }
                } else if lexer.feed(b) {
                    end = Some(i + 1);
                    break;
                }
            }
            let n = end.unwrap_or(available.len());
            size += n as u64;
            if let Some(kept) = &mut bytes {
                if kept.len() as u64 + n as u64 > limit {
                    bytes = None;
                } else {
                    kept.extend_from_slice(&available[..n]);
                }
            }
            self.at.advance(&available[..n]);
            self.inner.consume(n);
            if end.is_some() {
                let multiline = self.at.line > start.line;
                return Ok(Captured { bytes, size, complete: true, start, multiline });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(input: &[u8], limit: u64) -> Vec<(Option<String>, u64, bool, Pos)> {
        // A tiny buffer makes values span many fill_buf calls.
        let mut reader = JsonReader::new(io::BufReader::with_capacity(3, input));
        let mut out = Vec::new();
        loop {
            reader.skip_space().unwrap();
            match reader.peek().unwrap() {
                None => return out,
                Some(b',') => reader.bump(b','),
                Some(_) => {
                    let v = reader.value(limit).unwrap();
                    let text = v.bytes.map(|b| String::from_utf8(b).unwrap());
                    out.push((text, v.size, v.complete, v.start));
                }
            }
        }
    }

    #[test]
    fn values_end_where_they_should() {
        let input = b"{\"a\": \"}\\\"]\"}, [1, [2]],\n  \"s\\\\\", 12.5e3,true {\"b\":\n{}}";
        let out = values(input, 100);
        let texts: Vec<&str> = out.iter().map(|v| v.0.as_deref().unwrap()).collect();
        assert_eq!(texts, ["{\"a\": \"}\\\"]\"}", "[1, [2]]", "\"s\\\\\"", "12.5e3", "true", "{\"b\":\n{}}"]);
        assert!(out.iter().all(|v| v.2));
        assert_eq!(out[2].3, Pos { offset: 27, line: 2, column: 3 });
    }

    #[test]
    fn over_the_limit_is_measured_not_kept() {
        let out = values(b"[\"0123456789\"] \"x", 5);
        assert_eq!(out[0], (None, 14, true, Pos { offset: 0, line: 1, column: 1 }));
        assert_eq!(out[1].0.as_deref(), Some("\"x"));
        assert!(!out[1].2, "the input ends inside the string");
        let out = values(b"12", 5);
        assert_eq!(out[0], (Some("12".to_string()), 2, true, Pos { offset: 0, line: 1, column: 1 }));
    }

    #[test]
    fn stray_closing_bracket_is_consumed() {
        let out = values(b"}]x", 5);
        assert_eq!(out.iter().map(|v| v.0.clone().unwrap()).collect::<Vec<_>>(), ["}", "]x"]);
    }
}
