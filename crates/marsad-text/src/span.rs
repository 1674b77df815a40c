//! Byte spans into an original text.

use std::fmt;
use std::ops::Range;

/// A half-open byte range `[start, end)` into a text.
///
/// The fields are private so that `start <= end` always holds. Spans produced by marsad
/// always index the *original* text of a document and lie on `char` boundaries; views that
/// transform the text (see [`crate::Normalized`]) convert their own offsets back before handing
/// out a `Span`.
///
/// ```
/// use marsad_text::Span;
/// let text = "قصف وقتلى";
/// let span = Span::new(0, 6);
/// assert_eq!(span.slice(text), "قصف");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// Creates a span.
    ///
    /// # Panics
    /// When `start > end`: that is a bug in the caller, never a property of the input.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} is after its end {end}");
        Span { start, end }
    }

    /// An empty span at `offset`.
    #[inline]
    pub fn empty(offset: usize) -> Span {
        Span { start: offset, end: offset }
    }

    /// The first byte.
    #[inline]
    pub fn start(&self) -> usize {
        self.start
    }

    /// One past the last byte.
    #[inline]
    pub fn end(&self) -> usize {
        self.end
    }

    /// Length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers nothing.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span as a `Range`, for slicing.
    #[inline]
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The text the span covers, or `""` when the span does not fit `text` (or does not lie
    /// on `char` boundaries): slicing never panics.
    #[inline]
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.range()).unwrap_or("")
    }

    /// Whether the two spans share at least one byte.
    #[inline]
    pub fn overlaps(&self, other: Span) -> bool {
        self.start.max(other.start) < self.end.min(other.end)
    }

    /// Whether `other` lies inside `self`.
    #[inline]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(&self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// The span moved right by `delta` bytes (for spans computed on a slice of a text).
    #[inline]
    pub fn offset(&self, delta: usize) -> Span {
        Span { start: self.start + delta, end: self.end + delta }
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_is_total() {
        let text = "قصف";
        assert_eq!(Span::new(0, 2).slice(text), "ق");
        // inside a two-byte letter: not a char boundary
        assert_eq!(Span::new(1, 2).slice(text), "");
        // past the end
        assert_eq!(Span::new(0, 100).slice(text), "");
    }

    #[test]
    fn overlap_is_strict() {
        assert!(Span::new(0, 5).overlaps(Span::new(4, 9)));
        assert!(!Span::new(0, 5).overlaps(Span::new(5, 9)));
        assert!(!Span::empty(3).overlaps(Span::new(0, 9)));
    }

    #[test]
    #[should_panic(expected = "after its end")]
    fn inverted_span_is_a_bug() {
        let _ = Span::new(3, 2);
    }
}
