//! Finding the knowledge base's names in an analysed token stream.

use marsad_text::{AnalysedToken, TokenKind};

use crate::names::{deletions, key, letter_count, skeleton, within_one_edit};
use crate::{AliasKind, AliasRef, EntryId, Kb, TYPO_MIN_LETTERS};

/// How a name was matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum How {
    /// Letter for letter (after normalisation).
    Exact,
    /// By the loose key of a foreign name (a transliteration variant).
    Loose,
    /// One letter off a long name.
    Typo,
}

/// One entry a matched name may denote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The entry.
    pub entry: EntryId,
    /// How the name names it.
    pub kind: AliasKind,
    /// How it was matched.
    pub how: How,
    /// The name is one word spelled like a common word: take it only with support from the
    /// context.
    pub ambiguous: bool,
}

/// A name found in the token stream.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    /// The first token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The entries it may denote (several when places share a name), in data order.
    pub candidates: Vec<Candidate>,
}

/// Typos are looked for after this many letters.
pub(crate) const TYPO_PREFIX: usize = 3;

/// The comparison keys of one token: computed once per token by [`token_keys`] and shared by
/// [`Kb::find_keyed`] and the callers' own rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenKeys {
    /// Forms the first word of a name is looked up under: without clitics, without
    /// conjunction, as written (deduplicated; empty for tokens that are not words).
    pub heads: Vec<String>,
    /// The form a later word of a name is compared under: as written.
    pub tail: String,
    /// Whether a name may start here (an Arabic or Latin word).
    pub word: bool,
    /// An Arabic word: transliteration variants are looked for only in those.
    pub arabic: bool,
    /// A line break comes before it: names do not run across lines.
    pub new_line: bool,
}

/// The keys of each of `tokens` (whose normalised forms index `normalized`).
pub fn token_keys(tokens: &[AnalysedToken], normalized: &str) -> Vec<TokenKeys> {
    tokens
        .iter()
        .map(|t| {
            let word = matches!(t.token.kind, TokenKind::Arabic | TokenKind::Word);
            let tail = key(t.norm_str(normalized)).into_owned();
            let mut heads = Vec::with_capacity(3);
            if word {
                for form in [t.core(normalized).as_ref(), t.bare(normalized)] {
                    let k = key(form);
                    if !heads.iter().any(|h: &String| *h == k) {
                        heads.push(k.into_owned());
                    }
                }
                if !heads.contains(&tail) {
                    heads.push(tail.clone());
                }
            }
            let arabic = t.token.kind == TokenKind::Arabic;
            TokenKeys { heads, tail, word, arabic, new_line: t.token.starts_line() }
        })
        .collect()
}

impl Kb {
    /// Every name of the knowledge base in `tokens` (whose normalised forms index
    /// `normalized`), left to right, longest first, none overlapping. Exact names first; where
    /// none starts at a token, the loose key of foreign names; then one-letter typos of long
    /// one-word names.
    pub fn find(&self, tokens: &[AnalysedToken], normalized: &str) -> Vec<Match> {
        self.find_keyed(&token_keys(tokens, normalized))
    }

    /// [`Kb::find`] on the tokens' keys ([`token_keys`]), for callers that compare the keys
    /// themselves too. Match positions index `keys`.
    pub fn find_keyed(&self, keys: &[TokenKeys]) -> Vec<Match> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < keys.len() {
            if !keys[i].word {
                i += 1;
                continue;
            }
            let found =
                self.exact_at(keys, i).or_else(|| self.loose_at(keys, i)).or_else(|| self.typo_at(keys, i));
            match found {
                Some(m) => {
                    i = m.end;
                    out.push(m);
                }
                None => i += 1,
            }
        }
        out
    }

    fn exact_at(&self, keys: &[TokenKeys], i: usize) -> Option<Match> {
        let next = |k: usize| keys.get(i + 1 + k).filter(|t| !t.new_line).map(|t| t.tail.as_str());
        let mut best: Option<Match> = None;
        for head in &keys[i].heads {
            for (len, alias) in self.names.matches(head, next) {
                add(&mut best, i, len, alias, How::Exact);
            }
        }
        best
    }

    fn loose_at(&self, keys: &[TokenKeys], i: usize) -> Option<Match> {
        let k = &keys[i];
        if !k.arabic || k.heads.iter().any(|h| self.guarded(h)) {
            return None;
        }
        // the word without its clitics, and as written; loose keys are made only for words
        // that may start a foreign name
        let own = [skeleton(&k.heads[0]), skeleton(&k.tail)];
        if !own.iter().any(|s| self.loose.starts_with(s)) {
            return None;
        }
        let later: Vec<String> = keys[i + 1..]
            .iter()
            .take(3)
            .take_while(|k| k.word && !k.new_line)
            .map(|k| skeleton(&k.tail))
            .collect();
        let next = |n: usize| later.get(n).map(String::as_str);
        let mut best: Option<Match> = None;
        for head in &own {
            for (len, alias) in self.loose.matches(head, next) {
                add(&mut best, i, len, alias, How::Loose);
            }
        }
        best
    }

    fn typo_at(&self, keys: &[TokenKeys], i: usize) -> Option<Match> {
        let mut best: Option<Match> = None;
        for head in &keys[i].heads {
            // a typo is looked for in the word without its clitics (لإجباره is not لامباره),
            // after its first letters
            let with_clitics = keys[i].heads.len() > 1 && *head == keys[i].tail;
            if with_clitics || letter_count(head) < TYPO_MIN_LETTERS {
                continue;
            }
            let prefix_end = head.char_indices().nth(TYPO_PREFIX).map_or(head.len(), |(b, _)| b);
            if !self.typo_prefixes.contains(&head[..prefix_end]) || self.guarded(head) {
                continue;
            }
            let later = deletions(head).skip(TYPO_PREFIX);
            for variant in std::iter::once(head.clone()).chain(later) {
                for (name, alias) in self.typos.get(&variant).into_iter().flatten() {
                    if within_one_edit(name, head) {
                        add(&mut best, i, 1, alias, How::Typo);
                    }
                }
            }
        }
        best
    }
}

impl Kb {
    /// Words that are one letter or a transliteration away from a name without being one: a
    /// nisba (إسرائيلي is not إسرائيل), a first name, a common or frequent word (الأخوات is
    /// not الإخوان).
    fn guarded(&self, head: &str) -> bool {
        self.nisba.contains_key(head)
            || self.given.contains_key(head)
            || self.common.contains(head)
            || self.frequent.contains(head)
            || definite_plural(head)
    }
}

/// A definite sound plural or dual (الأمميون, الغارتين): an Arabic noun or adjective, never a
/// transliterated name (whose loose key it may share: الأمميون ~ ألمانيا).
fn definite_plural(head: &str) -> bool {
    head.starts_with("ال") && letter_count(head) >= 6 && (head.ends_with("ون") || head.ends_with("ين"))
}

/// Keeps the longest match; adds candidates of the same length (once per entry).
fn add(best: &mut Option<Match>, start: usize, len: usize, alias: &AliasRef, how: How) {
    let candidate = Candidate { entry: alias.entry, kind: alias.kind, how, ambiguous: alias.ambiguous };
    match best {
        Some(m) if m.end - m.start > len => {}
        Some(m) if m.end - m.start == len => {
            if !m.candidates.iter().any(|c| c.entry == alias.entry) {
                m.candidates.push(candidate);
            }
        }
        _ => *best = Some(Match { start, end: start + len, candidates: vec![candidate] }),
    }
}

#[cfg(test)]
mod guard_tests {
    #[test]
    fn definite_plurals_are_not_names() {
        assert!(super::definite_plural("الامميون"));
        assert!(super::definite_plural("الغارتين"));
        assert!(!super::definite_plural("الغارديان"));
        assert!(!super::definite_plural("بوتين"));
    }
}
