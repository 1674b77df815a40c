//! Tokens with their clitic analysis: the stream every later layer (times, entities, events)
//! reads, made once per article.
//!
//! An [`AnalysedToken`] is a [`Token`] and, for an Arabic word, its [`Segmentation`]. It gives
//! the forms lexicons are written in: [`AnalysedToken::bare`] (without a conjunction:
//! وأرمينيا → أرمينيا), [`AnalysedToken::core`] (without conjunction and preposition, the
//! article kept: للعراق → العراق) and [`AnalysedToken::stem`] (every proclitic off:
//! والعراق → عراق).
//!
//! ```
//! use marsad_text::{Normalizer, Segmenter, analysis::analyse};
//!
//! let text = "وقال للعراق وأرمينيا";
//! let norm = Normalizer::analysis().normalize(text);
//! let tokens: Vec<_> = analyse(&norm, norm.full_span(), Segmenter::builtin()).collect();
//! let n = norm.text();
//! assert_eq!(tokens[1].core(n), "العراق");
//! assert_eq!(tokens[1].stem(n), "عراق");
//! assert_eq!(tokens[2].bare(n), "ارمينيا");
//! // where the word starts without its conjunction, in the original text
//! assert_eq!(&text[tokens[2].start_without_conjunction(&norm)..tokens[2].token.span.end()], "أرمينيا");
//! ```

use std::borrow::Cow;

use crate::{Normalized, Proclitic, Segmentation, Segmenter, Span, Token, TokenKind, tokenize_within};

/// A token with its clitic analysis.
#[derive(Clone, Copy, Debug)]
pub struct AnalysedToken {
    /// The token (original and normalised spans, kind).
    pub token: Token,
    /// For Arabic words: the proclitics and the stem.
    pub segmentation: Option<Segmentation>,
    /// A 128-bit fingerprint of the form (normalised text, kind, segmentation): tokens of the
    /// same form have the same one, and the thread's ids of forms ([`crate::forms`]) are keyed
    /// by it.
    pub form: u128,
    /// The id of the form in the thread's interner, once [`crate::assign_form_ids`] gave it:
    /// tables of what a form alone determines ([`crate::FormTable`]) read their values there.
    /// Not part of the token's value (equality leaves it out).
    pub(crate) form_id: crate::forms::FormStamp,
    /// Bytes of the normalised token before its [`bare`](AnalysedToken::bare) form and
    /// before its [`stem`](AnalysedToken::stem) (0 where the form is the whole token): worked
    /// out once at analysis, as every stage asks for them.
    bare_from: u8,
    stem_from: u8,
}

/// The tokens of `within` (a span of the original text) with their clitic analysis.
pub fn analyse<'n>(
    norm: &'n Normalized<'n>,
    within: Span,
    segmenter: &'n Segmenter,
) -> impl Iterator<Item = AnalysedToken> + 'n {
    tokenize_within(norm, within).map(move |token| {
        let text = token.norm_str(norm);
        let segmentation = (token.kind == TokenKind::Arabic).then(|| segmenter.segment(text));
        // the start of a form if it is a non-empty rest of the token, else 0 (the whole token)
        let from = |start: usize| {
            text.get(start..)
                .filter(|rest| !rest.is_empty())
                .and_then(|_| u8::try_from(start).ok())
                .unwrap_or(0)
        };
        let conjunctions = segmentation.map_or(0, |s| {
            s.proclitics().take_while(|(p, _)| p.is_conjunction()).last().map_or(0, |(_, r)| r.end)
        });
        let stem = segmentation.map_or(0, |s| {
            debug_assert_eq!(s.stem().end, text.len());
            s.stem().start
        });
        AnalysedToken {
            token,
            segmentation,
            form: crate::forms::fingerprint(text, token.kind, segmentation),
            form_id: crate::forms::FormStamp::default(),
            bare_from: from(conjunctions),
            stem_from: from(stem),
        }
    })
}

/// Two tokens are equal when their text, place and analysis are: the id of the form is a
/// look-up made easier, the same form's whether given or not.
impl PartialEq for AnalysedToken {
    fn eq(&self, other: &AnalysedToken) -> bool {
        self.token == other.token
            && self.segmentation == other.segmentation
            && self.form == other.form
            && self.bare_from == other.bare_from
            && self.stem_from == other.stem_from
    }
}

impl Eq for AnalysedToken {}

impl AnalysedToken {
    /// The token's normalised text; `normalized` is the view's text ([`Normalized::text`]).
    #[inline]
    pub fn norm_str<'n>(&self, normalized: &'n str) -> &'n str {
        self.token.norm.slice(normalized)
    }

    /// Whether the analysis strips `p`.
    #[inline]
    pub fn has(&self, p: Proclitic) -> bool {
        self.segmentation.is_some_and(|s| s.has(p))
    }

    /// The normalised token from byte `from` of it on.
    #[inline]
    fn rest<'n>(&self, normalized: &'n str, from: u8) -> &'n str {
        let n = self.token.norm;
        normalized.get(n.start() + usize::from(from)..n.end()).unwrap_or("")
    }

    /// The normalised token without its leading conjunctions (وأرمينيا → ارمينيا).
    #[inline]
    pub fn bare<'n>(&self, normalized: &'n str) -> &'n str {
        self.rest(normalized, self.bare_from)
    }

    /// Without conjunctions and prepositions, the article kept (للعراق → العراق,
    /// بنهاية → نهاية): the form definite lexicon entries are written in.
    pub fn core<'n>(&self, normalized: &'n str) -> Cow<'n, str> {
        let word = self.norm_str(normalized);
        match self.segmentation {
            Some(s) if s.proclitics().any(|(p, _)| p.is_preposition()) => s.stem_with_article(word),
            _ => Cow::Borrowed(self.bare(normalized)),
        }
    }

    /// Without any proclitic, the article included (والعراق → عراق).
    #[inline]
    pub fn stem<'n>(&self, normalized: &'n str) -> &'n str {
        self.rest(normalized, self.stem_from)
    }

    /// Where the token starts in the original text once its conjunction is left out
    /// (ونوفمبر → نوفمبر): expressions and mentions start there.
    pub fn start_without_conjunction(&self, norm: &Normalized<'_>) -> usize {
        let conj = usize::from(self.bare_from);
        let t = &self.token;
        if conj == 0 || conj >= t.norm.len() {
            return t.span.start();
        }
        let rest = Span::new(t.norm.start() + conj, t.norm.end());
        norm.to_original(rest).start().max(t.span.start())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Normalizer;

    fn forms(text: &str) -> Vec<(String, String, String)> {
        let norm = Normalizer::analysis().normalize(text);
        let n = norm.text();
        analyse(&norm, norm.full_span(), Segmenter::builtin())
            .map(|t| (t.bare(n).to_string(), t.core(n).into_owned(), t.stem(n).to_string()))
            .collect()
    }

    #[test]
    fn forms_of_a_word() {
        let f = forms("والعراق بالعراق وباكو لباكو وزير 2020");
        let f: Vec<(&str, &str, &str)> =
            f.iter().map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str())).collect();
        assert_eq!(
            f,
            [
                ("العراق", "العراق", "عراق"),
                ("بالعراق", "العراق", "عراق"),
                ("باكو", "باكو", "باكو"),
                ("لباكو", "باكو", "باكو"),
                ("وزير", "وزير", "وزير"),
                ("2020", "2020", "2020"),
            ]
        );
    }

    #[test]
    fn the_start_without_a_conjunction_is_in_the_original() {
        let text = "وَأرمينيا";
        let norm = Normalizer::analysis().normalize(text);
        let t = analyse(&norm, norm.full_span(), Segmenter::builtin()).next().unwrap();
        assert_eq!(&text[t.start_without_conjunction(&norm)..], "أرمينيا");
    }
}
