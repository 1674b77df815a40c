//! The publication date (document creation time): from metadata when the source gives it,
//! else recognised in the article's own text, with the evidence span.

use jiff::civil::Date;
use marsad_doc::Document;
use marsad_text::{Normalized, Span};

use crate::clean::{Cleaned, Cleaner, ParagraphKind};

/// Where a publication date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PublishedFrom {
    /// `--published`, a JSON Lines field, a metadata manifest, or the HTML page.
    Metadata,
    /// Recognised in the text.
    Text,
}

impl PublishedFrom {
    /// The name used in records.
    pub fn as_str(self) -> &'static str {
        match self {
            PublishedFrom::Metadata => "metadata",
            PublishedFrom::Text => "text",
        }
    }
}

/// A publication date and its provenance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Published {
    /// The date.
    pub date: Date,
    /// Where it came from.
    pub from: PublishedFrom,
    /// For a date recognised in the text: the expression that gave it.
    pub evidence: Option<Span>,
    /// For a date recognised in the text: which pattern (`date-line`, `yesterday-weekday`...).
    pub rule: Option<&'static str>,
    /// What disagrees with the date (a weekday written next to it that is not its own): the
    /// explicit date is kept and the conflict recorded.
    pub conflict: Option<String>,
}

/// How many content paragraphs from the top a date line may stand (further down, a line with
/// only a date is more likely a list item or a caption than the publication date).
const DATE_LINE_WINDOW: usize = 6;

/// The publication date of `doc`, given its normalised view and cleaned structure.
pub fn find(
    doc: &Document,
    norm: &Normalized<'_>,
    cleaned: &Cleaned,
    cleaner: &Cleaner,
) -> Option<Published> {
    if let Some(date) = doc.meta.published {
        return Some(Published {
            date,
            from: PublishedFrom::Metadata,
            evidence: None,
            rule: None,
            conflict: None,
        });
    }
    // a line that is only a date, near the top: the page's own date line
    for p in cleaned.paragraphs.iter().take(DATE_LINE_WINDOW) {
        if p.kind != ParagraphKind::Dateline {
            continue;
        }
        if let Some(dl) = cleaner.date_line_in(norm, p.span) {
            let conflict = (!dl.weekday_agrees())
                .then(|| format!("the weekday written is not that of {} ({:?})", dl.date, dl.date.weekday()));
            return Some(Published {
                date: dl.date,
                from: PublishedFrom::Text,
                evidence: Some(p.span),
                rule: Some("date-line"),
                conflict,
            });
        }
    }
    // "أمس الخميس 15 سبتمبر 2022": yesterday was that date, so it was published the day after
    let title = cleaned.title.as_ref().and_then(|t| t.span);
    for span in title.into_iter().chain(cleaned.paragraphs.iter().map(|p| p.span)) {
        if let Some((evidence, date)) = cleaner.relative_publication_in(norm, span) {
            return Some(Published {
                date,
                from: PublishedFrom::Text,
                evidence: Some(evidence),
                rule: Some("relative-weekday-date"),
                conflict: None,
            });
        }
    }
    None
}
