//! Line reading with a cap on line length: an overlong line is skipped (its length counted)
//! without ever being held in memory.

use std::io::{self, BufRead};

/// One line, without its `\n` or `\r\n`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line<'a> {
    Text(&'a [u8]),
    /// Longer than the cap; the size excludes the line terminator.
    TooLong(u64),
}

pub(crate) struct BoundedLines<R> {
    inner: R,
    limit: usize,
    buf: Vec<u8>,
    lines: u64,
}

impl<R: BufRead> BoundedLines<R> {
    pub(crate) fn new(inner: R, limit: u64) -> Self {
        BoundedLines { inner, limit: usize::try_from(limit).unwrap_or(usize::MAX), buf: Vec::new(), lines: 0 }
    }

    /// Lines returned so far; after an error, the broken line is `lines() + 1`.
    pub(crate) fn lines(&self) -> u64 {
        self.lines
    }

    pub(crate) fn next_line(&mut self) -> io::Result<Option<Line<'_>>> {
        self.buf.clear();
        let mut size: u64 = 0;
        let mut overflow = false;
        let mut any = false;
        loop {
            let available = match self.inner.fill_buf() {
                Ok(available) => available,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                if !any {
                    return Ok(None);
                }
                break;
            }
            any = true;
            let (chunk, used, found) = match memchr::memchr(b'\n', available) {
                Some(at) => (&available[..at], at + 1, true),
                None => (available, available.len(), false),
            };
            size += chunk.len() as u64;
            if !overflow {
                if self.buf.len() + chunk.len() > self.limit {
                    overflow = true;
                    // Give the memory back: the line is not going to be used.
                    self.buf = Vec::new();
                } else {
                    self.buf.extend_from_slice(chunk);
                }
            }
            self.inner.consume(used);
            if found {
                break;
            }
        }
        self.lines += 1;
        if overflow {
            // A `\r` before the `\n` is part of the terminator, not of the line.
            return Ok(Some(Line::TooLong(size)));
        }
        if self.buf.last() == Some(&b'\r') {
            self.buf.pop();
        }
        Ok(Some(Line::Text(&self.buf)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(input: &[u8], limit: u64) -> Vec<Result<Vec<u8>, u64>> {
        // A tiny buffer makes lines span many fill_buf calls.
        let reader = io::BufReader::with_capacity(3, input);
        let mut lines = BoundedLines::new(reader, limit);
        let mut out = Vec::new();
        while let Some(line) = lines.next_line().unwrap() {
            out.push(match line {
                Line::Text(t) => Ok(t.to_vec()),
                Line::TooLong(n) => Err(n),
            });
        }
        out
    }

    #[test]
    fn splits_and_caps() {
        let out = collect(b"ab\r\n0123456789\n\nlast", 5);
        assert_eq!(out, vec![Ok(b"ab".to_vec()), Err(10), Ok(vec![]), Ok(b"last".to_vec())]);
    }

    #[test]
    fn empty_input_has_no_lines() {
        assert!(collect(b"", 5).is_empty());
        assert_eq!(collect(b"\n", 5), vec![Ok(vec![])]);
    }
}
