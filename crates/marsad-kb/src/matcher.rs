//! Finding the knowledge base's names in an analysed token stream.

use marsad_text::AnalysedToken;

use crate::names::{letter_count, loose_fold, within_one_edit};
use crate::words::Keyed;
use crate::{AliasKind, AliasRef, EntryId, Kb};

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

impl Kb {
    /// Every name of the knowledge base in `tokens` (whose normalised forms index
    /// `normalized`), left to right, longest first, none overlapping. Exact names first; where
    /// none starts at a token, the loose key of foreign names; then one-letter typos of long
    /// one-word names.
    pub fn find(&self, tokens: &[AnalysedToken], normalized: &str) -> Vec<Match> {
        self.find_keyed(&self.token_keys(tokens, normalized))
    }

    /// [`Kb::find`] on the tokens' keys ([`Kb::token_keys`]), for callers that compare the keys
    /// themselves too. Match positions index `keys`.
    pub fn find_keyed<K: Keyed>(&self, keys: &[K]) -> Vec<Match> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < keys.len() {
            if !keys[i].word_keys().word {
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

    fn exact_at<K: Keyed>(&self, keys: &[K], i: usize) -> Option<Match> {
        let own = keys[i].word_keys();
        if own.exact_lists.is_empty() {
            return None;
        }
        let after =
            |k: usize| word_after(keys, i, k).filter(|&j| !keys[j].new_line()).map(|j| keys[j].word_keys());
        let next = |k: usize| after(k).map(|w| w.tail.as_str());
        let second = after(0).map(|w| w.tail_hash);
        let mut best: Option<Match> = None;
        // only the heads that start a name (the others would find nothing)
        for &list in &own.exact_lists {
            for (len, alias) in self.names.matches_in(Some(list), second, next) {
                add(&mut best, i, name_end(keys, i, len), alias, How::Exact);
            }
        }
        best
    }

    fn loose_at<K: Keyed>(&self, keys: &[K], i: usize) -> Option<Match> {
        // loose keys are made only for Arabic words that may start a foreign name: the word
        // without its clitics, and as written
        let own = keys[i].word_keys().loose_heads.as_ref()?;
        // the next three words at most (on the stack: this runs at many words)
        let mut later: [&str; 3] = [""; 3];
        let mut count = 0;
        let words = (0..later.len())
            .map_while(|k| word_after(keys, i, k))
            .map(|j| &keys[j])
            .take_while(|k| k.word_keys().word && !k.new_line());
        for (slot, k) in later.iter_mut().zip(words) {
            *slot = k.word_keys().tail_skeleton();
            count += 1;
        }
        let later = &later[..count];
        let next = |n: usize| later.get(n).copied();
        let mut best: Option<Match> = None;
        let wk = keys[i].word_keys();
        // the word whose key each of `own` is: the word without its clitics, and as written
        let spelled = [wk.heads.first().map_or(wk.tail.as_str(), String::as_str), wk.tail.as_str()];
        for (head, word) in own.iter().zip(spelled) {
            for (len, alias) in self.loose.matches(head, next) {
                if self.spelled_near(alias.entry, word) {
                    add(&mut best, i, name_end(keys, i, len), alias, How::Loose);
                }
            }
        }
        best
    }

    /// Whether `word` is at most one edit from the first word of one of the names of `entry`,
    /// the letters transliterations spell either way read as one ([`loose_fold`]): a loose key
    /// alone joins too many words (بالقوارير and بلغاريا, بأوغستين and باكستان share theirs).
    fn spelled_near(&self, entry: EntryId, word: &str) -> bool {
        let word = loose_fold(word);
        self.names_of(entry)
            .iter()
            .any(|n| n.first().is_some_and(|first| within_one_edit(&word, &loose_fold(first))))
    }

    fn typo_at<K: Keyed>(&self, keys: &[K], i: usize) -> Option<Match> {
        let mut best: Option<Match> = None;
        for alias in &keys[i].word_keys().typos {
            add(&mut best, i, i + 1, alias, How::Typo);
        }
        best
    }
}

impl Kb {
    /// Words that are one letter or a transliteration away from a name without being one: a
    /// nisba (إسرائيلي is not إسرائيل), a first name, a common or frequent word (الأخوات is
    /// not الإخوان).
    pub(crate) fn guarded(&self, head: &str) -> bool {
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

/// The position of the `k`-th word after the one at `i` (`k` = 0 is the next), past the
/// hyphens that join words of a name ([`Keyed::joiner`]).
fn word_after<K: Keyed>(keys: &[K], i: usize, k: usize) -> Option<usize> {
    let mut j = i;
    for _ in 0..=k {
        j += 1;
        if keys.get(j)?.joiner() {
            j += 1;
        }
    }
    (j < keys.len()).then_some(j)
}

/// One past the last token of a name of `len` words starting at `i`.
fn name_end<K: Keyed>(keys: &[K], i: usize, len: usize) -> usize {
    match len {
        0 | 1 => i + 1,
        _ => word_after(keys, i, len - 2).map_or(i + len, |j| j + 1),
    }
}

/// Keeps the longest match (in tokens); adds candidates of the same extent (once per entry).
fn add(best: &mut Option<Match>, start: usize, end: usize, alias: &AliasRef, how: How) {
    let candidate = Candidate { entry: alias.entry, kind: alias.kind, how, ambiguous: alias.ambiguous };
    match best {
        Some(m) if m.end > end => {}
        Some(m) if m.end == end => {
            if !m.candidates.iter().any(|c| c.entry == alias.entry) {
                m.candidates.push(candidate);
            }
        }
        _ => *best = Some(Match { start, end, candidates: vec![candidate] }),
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
