//! Bytes to text: byte-order marks, UTF-8, UTF-16, windows-1256 Arabic, binary detection.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1256};

use crate::SkipReason;

/// How much of the start of an input is looked at to decide its format, and for control
/// characters.
pub(crate) const SNIFF_LEN: usize = 8 * 1024;

/// Text decoded from an input, with a note when it was not plain UTF-8.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    pub note: Option<String>,
}

/// Which byte-order mark an input starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Bom {
    Utf8,
    Utf16Le,
    Utf16Be,
}

pub(crate) fn bom(bytes: &[u8]) -> Option<Bom> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        Some(Bom::Utf8)
    } else if bytes.starts_with(b"\xFF\xFE") {
        Some(Bom::Utf16Le)
    } else if bytes.starts_with(b"\xFE\xFF") {
        Some(Bom::Utf16Be)
    } else {
        None
    }
}

/// Why `bytes` are not text, if they are not: a NUL byte anywhere (named as possibly UTF-16
/// without a byte-order mark when the NULs fall as in UTF-16 text), or more than one byte in
/// ten of the first [`SNIFF_LEN`] a control character that text does not use.
pub(crate) fn binary(bytes: &[u8]) -> Option<SkipReason> {
    let window = &bytes[..bytes.len().min(SNIFF_LEN)];
    if memchr::memchr(0, bytes).is_some() {
        return Some(if looks_like_utf16(window) { SkipReason::BinaryOrUtf16 } else { SkipReason::Binary });
    }
    let controls = window
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F)
        .count();
    (controls * 10 > window.len()).then_some(SkipReason::Binary)
}

/// UTF-16 text has its NULs on one side of the byte pairs only (the high bytes of ASCII
/// characters, spaces among them), and decodes to text without control characters.
fn looks_like_utf16(window: &[u8]) -> bool {
    let window = &window[..window.len() & !1];
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in window.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let encoding = match (even, odd) {
        (0, n) if n > 0 => UTF_16LE,
        (n, 0) if n > 0 => UTF_16BE,
        _ => return false,
    };
    // Even Arabic text has spaces: at least one character in twenty with a NUL byte.
    if (even + odd) * 20 < window.len() / 2 {
        return false;
    }
    let (text, _) = encoding.decode_without_bom_handling(window);
    let mut chars = 0usize;
    let mut bad = 0usize;
    for c in text.chars() {
        chars += 1;
        if c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}')) {
            bad += 1;
        }
    }
    // Allows for a surrogate pair cut at the end of the window.
    bad * 20 <= chars
}

/// Decodes a whole single-article input (text file or HTML page). For HTML, a `charset`
/// declared in the first bytes of the page is honoured when the bytes are not UTF-8.
pub(crate) fn decode(mut bytes: Vec<u8>, html: bool) -> Result<Decoded, SkipReason> {
    let utf8_bom = match bom(&bytes) {
        Some(Bom::Utf16Le) => return decode_utf16(&bytes[2..], UTF_16LE),
        Some(Bom::Utf16Be) => return decode_utf16(&bytes[2..], UTF_16BE),
        Some(Bom::Utf8) => true,
        None => false,
    };
    let start = if utf8_bom { 3 } else { 0 };
    if let Some(reason) = binary(&bytes[start..]) {
        return Err(reason);
    }
    if utf8_bom {
        bytes.drain(..3);
        // Declared UTF-8: no other encoding is tried.
        return String::from_utf8(bytes)
            .map(|text| Decoded { text, note: None })
            .map_err(|e| SkipReason::InvalidUtf8 { offset: 3 + e.utf8_error().valid_up_to() as u64 });
    }
    let (bytes, offset) = match String::from_utf8(bytes) {
        Ok(text) => return Ok(Decoded { text, note: None }),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to() as u64;
            (e.into_bytes(), offset)
        }
    };
    if html && let Some(encoding) = declared_charset(&bytes) {
        // A page that declares UTF-8 but is not is left to the Arabic heuristic below.
        if encoding != UTF_8 {
            let (text, had_errors) = encoding.decode_without_bom_handling(&bytes);
            let mut note = format!("decoded from {} (declared by the page)", encoding.name());
            if had_errors {
                note.push_str("; undecodable bytes replaced by U+FFFD");
            }
            return Ok(Decoded { text: text.into_owned(), note: Some(note) });
        }
    }
    match windows_1256_arabic(&bytes) {
        Some(text) => Ok(Decoded { text, note: Some("decoded from windows-1256".to_string()) }),
        None => Err(SkipReason::InvalidUtf8 { offset }),
    }
}

fn decode_utf16(bytes: &[u8], encoding: &'static Encoding) -> Result<Decoded, SkipReason> {
    match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => {
            Ok(Decoded { text: text.into_owned(), note: Some(format!("decoded from {}", encoding.name())) })
        }
        None => Err(SkipReason::Undecodable(format!(
            "starts with a {} byte-order mark but is not valid {} text",
            encoding.name(),
            encoding.name()
        ))),
    }
}

/// Legacy Arabic text is recognised by what it decodes to: among the non-ASCII letters,
/// at least four in five must be Arabic. Bytes that are mostly valid UTF-8 with a few bad
/// sequences are damaged UTF-8, not windows-1256, and are refused (decoding them as
/// windows-1256 would turn every Arabic letter into two wrong ones). Returns the decoded text.
fn windows_1256_arabic(bytes: &[u8]) -> Option<String> {
    let mut utf8_chars = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        utf8_chars += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    if utf8_chars > invalid {
        return None;
    }
    let (text, _) = WINDOWS_1256.decode_without_bom_handling(bytes);
    let mut arabic = 0usize;
    let mut other = 0usize;
    for c in text.chars().filter(|c| !c.is_ascii() && c.is_alphabetic()) {
        if ('\u{0600}'..='\u{06FF}').contains(&c) {
            arabic += 1;
        } else {
            other += 1;
        }
    }
    (arabic >= 2 && arabic >= 4 * other).then(|| text.into_owned())
}

/// The encoding named by `charset=` in the first 4 KiB (a `<meta charset>` or
/// `http-equiv` declaration).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower = head.to_ascii_lowercase();
    let at = memchr::memmem::find(&lower, b"charset=")? + b"charset=".len();
    let rest = &head[at..];
    let rest =
        rest.iter().position(|b| !matches!(b, b'"' | b'\'' | b' ')).map_or(&[][..], |start| &rest[start..]);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARABIC: &str = "قالت وزارة الدفاع إن القوات ردت على الهجوم";

    #[test]
    fn utf8_passes_through() {
        let d = decode(ARABIC.as_bytes().to_vec(), false).unwrap();
        assert_eq!(d.text, ARABIC);
        assert!(d.note.is_none());
    }

    #[test]
    fn utf8_bom_is_removed() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(ARABIC.as_bytes());
        assert_eq!(decode(bytes, false).unwrap().text, ARABIC);
    }

    #[test]
    fn windows_1256_arabic_is_decoded() {
        let (bytes, _, _) = WINDOWS_1256.encode(ARABIC);
        let d = decode(bytes.into_owned(), false).unwrap();
        assert_eq!(d.text, ARABIC);
        assert_eq!(d.note.as_deref(), Some("decoded from windows-1256"));
    }

    #[test]
    fn latin1_french_is_refused() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("L'armée a été déployée à côté");
        assert!(matches!(decode(bytes.into_owned(), false), Err(SkipReason::InvalidUtf8 { offset: 5 })));
    }

    #[test]
    fn damaged_utf8_arabic_is_refused() {
        let mut bytes = ARABIC.as_bytes().to_vec();
        bytes.insert(8, 0xFF);
        assert_eq!(decode(bytes, false).unwrap_err(), SkipReason::InvalidUtf8 { offset: 8 });
    }

    #[test]
    fn utf16_with_bom() {
        for (encoding, bom) in [(UTF_16LE, [0xFF, 0xFE]), (UTF_16BE, [0xFE, 0xFF])] {
            let mut bytes = bom.to_vec();
            for unit in ARABIC.encode_utf16() {
                let pair = if encoding == UTF_16LE { unit.to_le_bytes() } else { unit.to_be_bytes() };
                bytes.extend_from_slice(&pair);
            }
            let d = decode(bytes, false).unwrap();
            assert_eq!(d.text, ARABIC);
            assert_eq!(d.note.unwrap(), format!("decoded from {}", encoding.name()));
        }
    }

    #[test]
    fn binary_detection() {
        assert_eq!(binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some(SkipReason::Binary));
        assert_eq!(binary(&[1, 2, 3, 4, 5, b'a']), Some(SkipReason::Binary));
        assert_eq!(binary(ARABIC.as_bytes()), None);
        assert_eq!(binary(b"line one\r\n\tline two\x0c"), None);
        assert_eq!(decode(vec![0, 1, 2], false).unwrap_err(), SkipReason::Binary);
    }

    #[test]
    fn binary_after_a_utf8_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFab\0\0\0cd".to_vec(), false).unwrap_err(), SkipReason::Binary);
    }

    #[test]
    fn nul_anywhere_is_binary() {
        let mut bytes = ARABIC.repeat(1000).into_bytes();
        assert!(bytes.len() > 3 * SNIFF_LEN);
        bytes.extend_from_slice(b"\0\0tail");
        assert_eq!(decode(bytes, false).unwrap_err(), SkipReason::Binary);
    }

    #[test]
    fn utf16_without_bom_is_named() {
        let text = format!("{ARABIC} and some English, 2022.\n");
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let ascii: Vec<u8> = "plain English".encode_utf16().flat_map(u16::to_le_bytes).collect();
        for bytes in [le, be, ascii] {
            let reason = decode(bytes, false).unwrap_err();
            assert_eq!(reason, SkipReason::BinaryOrUtf16);
            assert_eq!(
                reason.to_string(),
                "binary content or UTF-16 text without a byte-order mark (convert it to UTF-8)"
            );
        }
        // NULs on both sides of the byte pairs, or control characters: binary.
        assert_eq!(decode(vec![0, 159, 146, 150, 0, 1, 2, 3], false).unwrap_err(), SkipReason::Binary);
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), false).unwrap_err(), SkipReason::Binary);
    }

    #[test]
    fn html_declared_charset() {
        let page = "<html><head><meta charset=\"windows-1256\"></head><body><p>مرحبا</p></body></html>";
        let (bytes, _, _) = WINDOWS_1256.encode(page);
        let d = decode(bytes.into_owned(), true).unwrap();
        assert_eq!(d.text, page);
        assert_eq!(d.note.as_deref(), Some("decoded from windows-1256 (declared by the page)"));
    }
}
