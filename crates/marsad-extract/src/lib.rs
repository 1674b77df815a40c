//! Per-article extraction.
