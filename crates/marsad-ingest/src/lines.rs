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

    /// Numbers the lines from `before + 1` on, for an input whose first lines were read
    /// elsewhere.
    pub(crate) fn count_lines_before(&mut self, before: u64) {
        self.lines += before;
    }

    pub(crate) fn next_line(&mut self) -> io::Result<Option<Line<'_>>> {
        self.buf.clear();
        // Bytes of the line, including a `\r` that may turn out to be part of the terminator.
        let mut size: u64 = 0;
        let mut last = None;
        let mut overflow = false;
        let mut any = false;
        // One byte of room for that `\r`: whether it is the end of the line is known only
        // when the `\n` (or the end of the input) comes.
        let room = self.limit.saturating_add(1);
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
            last = chunk.last().copied().or(last);
            if !overflow {
                if self.buf.len() + chunk.len() > room {
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
        // A `\r` before the `\n` (or at the very end) is part of the terminator, not of the
        // line: it counts neither toward the limit nor in the reported size.
        if last == Some(b'\r') {
            size -= 1;
            self.buf.pop();
        }
        if overflow || self.buf.len() > self.limit {
            return Ok(Some(Line::TooLong(size)));
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
    fn carriage_return_is_not_part_of_the_line() {
        // A line of exactly the limit ended by `\r\n` fits; an overlong one's size leaves the
        // `\r` out, as it leaves the `\n` out.
        let out = collect(b"abcde\r\n0123456789\r\nabcdef\r\nxyz\r", 5);
        assert_eq!(out, vec![Ok(b"abcde".to_vec()), Err(10), Err(6), Ok(b"xyz".to_vec())]);
    }

    #[test]
    fn empty_input_has_no_lines() {
        assert!(collect(b"", 5).is_empty());
        assert_eq!(collect(b"\n", 5), vec![Ok(vec![])]);
    }
}
