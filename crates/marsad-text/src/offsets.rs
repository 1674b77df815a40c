//! Byte offsets to Unicode code point offsets.
//!
//! marsad works in UTF-8 byte offsets; its JSON output counts code points, like Python and
//! JavaScript strings do, so that consumers can slice the text they were given.

/// Converts byte offsets of one text into code point offsets.
///
/// Built once per document in O(n); a lookup reads one checkpoint and counts the characters
/// starting in at most one 64-byte block.
///
/// ```
/// use marsad_text::CharOffsets;
/// let text = "قتل 3";
/// let offsets = CharOffsets::new(text);
/// assert_eq!(offsets.char_index(text.find('3').unwrap()), 4);
/// assert_eq!(offsets.char_index(1), 0); // inside ق
/// assert_eq!(offsets.char_index(100), 5); // past the end: the char count
/// ```
#[derive(Clone, Debug)]
pub struct CharOffsets<'t> {
    text: &'t str,
    /// `checkpoints[k]` is the number of characters starting before byte `k * BLOCK`.
    checkpoints: Vec<usize>,
    chars: usize,
}

const BLOCK: usize = 64;

/// Whether `b` starts a character (is not a UTF-8 continuation byte).
#[inline]
fn starts_char(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// How many characters start in `bytes`: its bytes less its continuation bytes, counted eight
/// at a time (a continuation byte has its high bit set and the next one clear).
#[inline]
fn chars_starting(bytes: &[u8]) -> usize {
    const LOW_BITS: u64 = 0x0101_0101_0101_0101;
    let mut chunks = bytes.chunks_exact(8);
    let mut continuations = 0;
    for chunk in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let w = u64::from_le_bytes(w);
        continuations += ((w >> 7) & !(w >> 6) & LOW_BITS).count_ones() as usize;
    }
    let rest = chunks.remainder();
    bytes.len() - continuations - rest.iter().filter(|&&b| !starts_char(b)).count()
}

impl<'t> CharOffsets<'t> {
    /// Indexes `text`.
    pub fn new(text: &'t str) -> CharOffsets<'t> {
        let mut checkpoints = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut count = 0;
        for block in text.as_bytes().chunks(BLOCK) {
            checkpoints.push(count);
            count += chars_starting(block);
        }
        CharOffsets { text, checkpoints, chars: count }
    }

    /// The text being indexed.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The number of characters in the text.
    pub fn char_count(&self) -> usize {
        self.chars
    }

    /// The index of the character containing byte `byte` (for a char boundary: the number of
    /// characters before it). Past the end: the number of characters.
    pub fn char_index(&self, byte: usize) -> usize {
        let bytes = self.text.as_bytes();
        if byte >= bytes.len() {
            return self.chars;
        }
        let block = byte / BLOCK;
        let base = self.checkpoints.get(block).copied().unwrap_or(self.chars);
        let from = block * BLOCK;
        // Characters starting in from..=byte, minus one: the character containing `byte`.
        let started = chars_starting(&bytes[from..=byte]);
        (base + started).saturating_sub(1)
    }

    /// A byte span as a half-open code point range.
    ///
    /// ```
    /// use marsad_text::{CharOffsets, Span};
    /// let offsets = CharOffsets::new("في كمين قاتل");
    /// assert_eq!(offsets.char_range(Span::new(5, 13)), 3..7);
    /// ```
    pub fn char_range(&self, span: crate::Span) -> std::ops::Range<usize> {
        let start = self.char_index(span.start());
        let end = if span.is_empty() { start } else { self.char_index(span.end()) };
        start..end.max(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_counting_on_every_boundary() {
        let text = "أذربيجان تحادث روسيا ووفد أمريكي إلى أرمينيا.. هل التهدئة ممكنة؟ 🇦🇲 abc\n".repeat(7);
        let offsets = CharOffsets::new(&text);
        for (b, _) in text.char_indices() {
            assert_eq!(offsets.char_index(b), text[..b].chars().count(), "byte {b}");
        }
        assert_eq!(offsets.char_index(text.len()), text.chars().count());
        assert_eq!(offsets.char_count(), text.chars().count());
    }

    proptest::proptest! {
        /// Counted eight bytes at a time, the characters starting in any stretch of a text are
        /// those counted one by one.
        #[test]
        fn chars_are_counted_as_one_by_one(text in "\\PC{0,40}", a in 0usize..200, b in 0usize..200) {
            let bytes = text.as_bytes();
            let (a, b) = (a.min(b).min(bytes.len()), a.max(b).min(bytes.len()));
            let one_by_one = bytes[a..b].iter().filter(|&&x| starts_char(x)).count();
            proptest::prop_assert_eq!(chars_starting(&bytes[a..b]), one_by_one);
        }
    }

    #[test]
    fn empty_text() {
        let offsets = CharOffsets::new("");
        assert_eq!(offsets.char_index(0), 0);
        assert_eq!(offsets.char_index(7), 0);
    }
}
