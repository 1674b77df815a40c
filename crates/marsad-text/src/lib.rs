//! The Arabic text layer of marsad.
//!
//! Everything here is pure computation on strings (no I/O) and every result points back to the
//! original text through byte [`Span`]s.

mod span;

pub use span::Span;
