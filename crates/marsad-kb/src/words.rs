//! The keys of a word form and what the knowledge base knows of it, computed once per distinct
//! form and thread.
//!
//! News repeats its words: a few tens of thousands of forms make up nearly every token of a
//! day of articles. [`Kb::token_keys`] keeps each form's keys in a table of the thread (for
//! one knowledge base at a time) indexed by the form's id ([`marsad_text::FormTable`]), so
//! that the keys, the guards, the skeletons and the typo candidates of a form are computed
//! once, and a token costs one read of the table.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::{Arc, OnceLock};

use marsad_text::{AnalysedToken, FormTable, TokenKind};

use crate::matcher::TYPO_PREFIX;
use crate::names::{deletions, key, letter_count, skeleton, within_one_edit};
use crate::{AliasRef, EntryId, Kb, TYPO_MIN_LETTERS};

/// One bit of 64 for `word`, picked by its [`crate::word_hash`]: the bits of a few words
/// together are a filter that a word whose bit is not among them is none of (see
/// [`WordKeys::heads_filter`]).
pub fn word_filter(word: &str) -> u64 {
    1 << (crate::word_hash(word) >> 58)
}

/// The keys of one word form and the knowledge base's facts about it.
#[derive(Clone, Debug)]
pub struct WordKeys {
    /// Forms the first word of a name is looked up under: without clitics, without
    /// conjunction, as written (deduplicated; empty for tokens that are not words).
    pub heads: Vec<String>,
    /// The form a later word of a name is compared under: as written.
    pub tail: String,
    /// The [`crate::word_hash`] of `tail`, which the phrases of names compare first.
    pub(crate) tail_hash: u64,
    /// The [`word_filter`] bits of the heads together: a word none of whose bits a set of
    /// names has is none of them, told without reading its heads.
    pub heads_filter: u64,
    /// Whether a name may start here (an Arabic or Latin word).
    pub word: bool,
    /// An Arabic word: transliteration variants are looked for only in those.
    pub arabic: bool,
    /// One of the heads is a common word of the knowledge base ([`Kb::is_common_word`]).
    pub common: bool,
    /// The country one of the heads is a nisba adjective of (Arabic words only).
    pub nisba: Option<EntryId>,
    /// One of the heads starts a title, role, honorific or kin particle ([`Kb::title`]).
    pub title_start: bool,
    /// The lists of exact names the heads start ([`crate::PhraseIndex::list_of`]), in the
    /// order of the heads; empty when none does. The matcher reads only those: most words
    /// start no name, and of those that do, most start one under one head only.
    pub(crate) exact_lists: Box<[u32]>,
    /// The loose keys of the word without clitics and as written, when a foreign name may
    /// start with one of them (an Arabic word, no guard).
    pub(crate) loose_heads: Option<[String; 2]>,
    /// The loose key as written (Arabic words), for later words of a foreign name: computed
    /// when first read ([`WordKeys::tail_skeleton`]), since only the words after one that may
    /// start a foreign name are read under it, where computing it for every form cost more
    /// than a tenth of [`Kb::word_keys`].
    tail_skeleton: OnceLock<String>,
    /// The names this word is one letter off (long one-word names), in data order.
    pub(crate) typos: Vec<AliasRef>,
}

impl WordKeys {
    /// The loose key of the word as written (Arabic words; empty for others).
    pub(crate) fn tail_skeleton(&self) -> &str {
        self.tail_skeleton.get_or_init(|| if self.arabic { skeleton(&self.tail) } else { String::new() })
    }
}

/// Two forms' keys are equal when their keys and facts are: the hash and the loose key of the
/// word as written follow from them (the loose key whether it was computed yet or not).
impl PartialEq for WordKeys {
    fn eq(&self, other: &WordKeys) -> bool {
        let WordKeys {
            heads,
            tail,
            tail_hash: _,
            heads_filter: _,
            word,
            arabic,
            common,
            nisba,
            title_start,
            exact_lists,
            loose_heads,
            tail_skeleton: _,
            typos,
        } = self;
        *heads == other.heads
            && *tail == other.tail
            && *word == other.word
            && *arabic == other.arabic
            && *common == other.common
            && *nisba == other.nisba
            && *title_start == other.title_start
            && *exact_lists == other.exact_lists
            && *loose_heads == other.loose_heads
            && *typos == other.typos
    }
}

impl Eq for WordKeys {}

/// The keys of one token: its form's [`WordKeys`] (shared by every token of that form) and
/// whether a line break comes before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenKeys {
    /// The form's keys and facts.
    pub form: Arc<WordKeys>,
    /// A line break comes before it: names do not run across lines.
    pub new_line: bool,
    /// A hyphen or a hashtag's sign that joins the two words around it ([`joins_name_words`]).
    pub joiner: bool,
}

/// Whether token `i` is a hyphen written between two Arabic words with no space (`كيم
/// جونغ-أون`, `بان كي-مون`), or a hashtag's sign on the second of two Arabic words
/// (`المملكة العربية #السعودية`, a habit of some newsrooms): the two are words of one name,
/// matched as if a space stood there.
pub fn joins_name_words(tokens: &[AnalysedToken], i: usize, normalized: &str) -> bool {
    // (one byte compared first, not the token's text: this runs for every token of every article)
    let Some(t) = tokens.get(i).filter(|t| t.token.norm.len() == 1) else {
        return false;
    };
    let (Some(prev), Some(next)) = (i.checked_sub(1).and_then(|p| tokens.get(p)), tokens.get(i + 1)) else {
        return false;
    };
    let between = prev.token.kind == TokenKind::Arabic && next.token.kind == TokenKind::Arabic;
    match normalized.as_bytes().get(t.token.norm.start()) {
        Some(b'-') => {
            between
                && prev.token.norm.end() == t.token.norm.start()
                && t.token.norm.end() == next.token.norm.start()
        }
        Some(b'#') => {
            between
                && prev.token.norm.end() < t.token.norm.start()
                && t.token.norm.end() == next.token.norm.start()
                // a space, not a line, between the words
                && !normalized.get(prev.token.norm.end()..t.token.norm.start()).is_some_and(|g| g.contains('\n'))
        }
        _ => false,
    }
}

/// A token as the matcher reads it ([`Kb::find_keyed`]): its form's keys and facts, and whether
/// a line break comes before it. Callers that keep their own view of each token match on it
/// directly.
pub trait Keyed {
    /// The keys and facts of the token's form.
    fn word_keys(&self) -> &WordKeys;
    /// A line break comes before it: names do not run across lines.
    fn new_line(&self) -> bool;
    /// A hyphen or a hashtag's sign joining two words of a name ([`joins_name_words`]): names
    /// run across it.
    fn joiner(&self) -> bool {
        false
    }
}

impl Keyed for TokenKeys {
    fn word_keys(&self) -> &WordKeys {
        &self.form
    }

    fn new_line(&self) -> bool {
        self.new_line
    }

    fn joiner(&self) -> bool {
        self.joiner
    }
}

impl std::ops::Deref for TokenKeys {
    type Target = WordKeys;

    fn deref(&self) -> &WordKeys {
        &self.form
    }
}

thread_local! {
    static CACHE: RefCell<FormTable<Arc<WordKeys>>> = const { RefCell::new(FormTable::new()) };
}

impl Kb {
    /// The keys of each of `tokens` (whose normalised forms index `normalized`).
    pub fn token_keys(&self, tokens: &[AnalysedToken], normalized: &str) -> Vec<TokenKeys> {
        CACHE.with(|cache| match cache.try_borrow_mut() {
            Ok(mut cache) => {
                cache.keep_for(self.id);
                cache.fill_map(
                    tokens,
                    |_, t| Arc::new(self.word_keys(t, normalized)),
                    |i, form| TokenKeys {
                        form: Arc::clone(form),
                        new_line: tokens.get(i).is_some_and(|t| t.token.starts_line()),
                        joiner: joins_name_words(tokens, i, normalized),
                    },
                )
            }
            // re-entered from inside the cache (not done here): compute without it
            Err(_) => tokens
                .iter()
                .enumerate()
                .map(|(i, t)| TokenKeys {
                    form: Arc::new(self.word_keys(t, normalized)),
                    new_line: t.token.starts_line(),
                    joiner: joins_name_words(tokens, i, normalized),
                })
                .collect(),
        })
    }

    /// The keys and facts of a token's form, computed ([`Kb::token_keys`] caches them).
    pub fn word_keys(&self, t: &AnalysedToken, normalized: &str) -> WordKeys {
        let word = matches!(t.token.kind, TokenKind::Arabic | TokenKind::Word);
        let arabic = t.token.kind == TokenKind::Arabic;
        let written = t.norm_str(normalized);
        let tail = key(written).into_owned();
        let mut heads = Vec::with_capacity(3);
        if word {
            // most words have no clitics, and their core and bare forms are the word as
            // written: a form keyed already (the same text has the same key) is not keyed again
            let core = t.core(normalized);
            let bare = t.bare(normalized);
            let core_key = keyed(&core, written, &tail);
            let bare_key = (bare != &*core).then(|| keyed(bare, written, &tail));
            for k in std::iter::once(core_key).chain(bare_key) {
                if !heads.iter().any(|h: &String| *h == k) {
                    heads.push(k.into_owned());
                }
            }
            if !heads.contains(&tail) {
                heads.push(tail.clone());
            }
        }
        let common = heads.iter().any(|h| self.is_common_word(h));
        let nisba = if arabic { heads.iter().find_map(|h| self.nisba(h)) } else { None };
        let title_start = heads.iter().any(|h| self.titles.starts_with(h));
        let exact_lists = heads.iter().filter_map(|h| self.names.list_of(h)).collect();
        let tail_skeleton = OnceLock::new();
        let loose_heads = (arabic && !heads.iter().any(|h| self.guarded(h)))
            .then(|| {
                let loose_tail = skeleton(&tail);
                let own = if heads[0] == tail { loose_tail.clone() } else { skeleton(&heads[0]) };
                // computed here: kept for the word's later reads
                let _ = tail_skeleton.set(loose_tail.clone());
                [own, loose_tail]
            })
            .filter(|own| own.iter().any(|s| self.loose.starts_with(s)));
        let typos = self.typos_of(&heads, &tail);
        WordKeys {
            heads_filter: heads.iter().fold(0, |bits, h| bits | word_filter(h)),
            heads,
            tail_hash: crate::word_hash(&tail),
            tail,
            word,
            arabic,
            common,
            nisba,
            title_start,
            exact_lists,
            loose_heads,
            tail_skeleton,
            typos,
        }
    }

    /// The long one-word names `heads` are one letter off: a typo is looked for in the word
    /// without its clitics (لإجباره is not لامباره), after its first letters.
    fn typos_of(&self, heads: &[String], tail: &str) -> Vec<AliasRef> {
        // a word has no more letters than characters, which are counted for less than its
        // letters are told apart (most words are shorter than that)
        let short =
            |head: &str| head.chars().count() < TYPO_MIN_LETTERS || letter_count(head) < TYPO_MIN_LETTERS;
        let mut out: Vec<AliasRef> = Vec::new();
        for head in heads {
            let with_clitics = heads.len() > 1 && *head == tail;
            if with_clitics || short(head) {
                continue;
            }
            let prefix_end = head.char_indices().nth(TYPO_PREFIX).map_or(head.len(), |(b, _)| b);
            if !self.typo_prefixes.contains(&head[..prefix_end]) || self.guarded(head) {
                continue;
            }
            let later = deletions(head).skip(TYPO_PREFIX);
            for variant in std::iter::once(head.clone()).chain(later) {
                for (name, alias) in self.typos.get(&variant).into_iter().flatten() {
                    if within_one_edit(name, head) && !out.iter().any(|a| a.entry == alias.entry) {
                        out.push(*alias);
                    }
                }
            }
        }
        out
    }
}

/// The key of `form`, a form of the word `written` whose key is `tail`: the text as written
/// is not keyed again.
fn keyed<'a>(form: &'a str, written: &str, tail: &'a str) -> Cow<'a, str> {
    if form == written { Cow::Borrowed(tail) } else { key(form) }
}
