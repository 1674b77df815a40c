//! Reading the training and evaluation corpora, and turning their sentences into marsad's
//! token stream.
//!
//! - [`read_newsfane`]: NewsFANE Gold (`token<TAB>TAG` per line, a line holding a lone tab
//!   between sentences, fine classes mapped by a [`LabelMap`]). NewsFANE is segmented in the
//!   Penn Arabic Treebank manner: the proclitics و ف ب ل ك and the pronoun enclitics (ه, ها,
//!   هم, ي, نا...) are tokens of their own (`و من جانب ه قال`). [`rejoin_clitics`] writes them
//!   back onto their words (`ومن جانبه قال`), as articles write them, so that training sees the
//!   tokens marsad sees.
//! - [`read_anercorp`]: ANERcorp (`token TAG`, a blank line between sentences; PERS, LOC, ORG,
//!   MISC). PERS becomes PERSON, ORG stays ORG, LOC is kept as LOC (scored against GPE ∪ LOC,
//!   see [`crate::eval`]) and MISC is dropped.
//! - [`Prepared`]: a sentence's words written out as text, normalised, tokenised and segmented
//!   by marsad-text, with the map from tokens back to words; tags go from words to tokens
//!   ([`Prepared::project`]) and back ([`Prepared::back`]).

use marsad_text::{AnalysedToken, Normalizer, Segmenter, analyse};

use crate::labels::LabelMap;
use crate::{EntityType, NerError, Tag};

/// A sentence as a corpus gives it: its words and their tags.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Labelled {
    /// The words, as the corpus writes them (bidi marks removed).
    pub words: Vec<String>,
    /// One tag per word.
    pub tags: Vec<Tag>,
}

impl Labelled {
    /// How many words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the sentence has no word.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Sentence-final punctuation, where a corpus without sentence breaks is cut.
const FINAL_PUNCT: [&str; 4] = [".", "؟", "?", "!"];

/// A corpus file with no sentence break at all is cut after sentence-final punctuation.
fn cut_at_final_punctuation(sentences: Vec<Labelled>) -> Vec<Labelled> {
    if sentences.len() != 1 {
        return sentences;
    }
    let mut out = Vec::new();
    let mut cur = Labelled::default();
    for s in sentences {
        for (w, t) in s.words.into_iter().zip(s.tags) {
            let last = FINAL_PUNCT.contains(&w.as_str()) && t == Tag::O;
            cur.words.push(w);
            cur.tags.push(t);
            if last {
                out.push(std::mem::take(&mut cur));
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A word without the bidi marks and spaces around it.
fn clean(word: &str) -> &str {
    word.trim_matches(|c: char| c.is_whitespace() || matches!(c, '\u{200E}' | '\u{200F}' | '\u{FEFF}'))
}

/// Builds tags from (prefix, class) pairs the CoNLL way: a chunk starts at `B-X` or at an
/// `I-X` that does not continue an `X`; `map` gives the type of a class (`None`: O).
struct TagBuilder {
    prev: Option<String>,
}

impl TagBuilder {
    fn push(&mut self, bio: Option<(char, &str)>, etype: Option<EntityType>) -> Tag {
        let Some((prefix, class)) = bio else {
            self.prev = None;
            return Tag::O;
        };
        let continues = prefix == 'I' && self.prev.as_deref() == Some(class);
        self.prev = Some(class.to_string());
        match etype {
            None => Tag::O,
            Some(t) if continues => Tag::I(t),
            Some(t) => Tag::B(t),
        }
    }
}

/// `B-X` / `I-X` → ('B', X); `O` → None; anything else → Err.
fn split_tag(tag: &str) -> Result<Option<(char, &str)>, String> {
    if tag == "O" || tag.is_empty() {
        return Ok(None);
    }
    match tag.split_once('-') {
        Some(("B", class)) if !class.is_empty() => Ok(Some(('B', class))),
        Some(("I", class)) if !class.is_empty() => Ok(Some(('I', class))),
        _ => Err(format!("tag {tag:?} is not O, B-X or I-X")),
    }
}

/// Reads NewsFANE Gold: `token<TAB>TAG` lines, sentences separated by a line with a lone tab
/// (or an empty line); fine classes mapped by `labels` (an unknown class is an error).
pub fn read_newsfane(file: &str, src: &str, labels: &LabelMap) -> Result<Vec<Labelled>, NerError> {
    let src = src.strip_prefix('\u{FEFF}').unwrap_or(src);
    let mut sentences = Vec::new();
    let mut cur = Labelled::default();
    let mut builder = TagBuilder { prev: None };
    let err = |line: usize, message: String| NerError::Line { file: file.to_string(), line, message };
    for (i, raw) in src.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        let (token, tag) = line.split_once('\t').unwrap_or((line, ""));
        let (token, tag) = (clean(token), tag.trim());
        if token.is_empty() {
            if !tag.is_empty() && tag != "O" {
                return Err(err(i + 1, format!("an empty token tagged {tag}")));
            }
            if !cur.is_empty() {
                sentences.push(std::mem::take(&mut cur));
            }
            builder.prev = None;
            continue;
        }
        let bio = split_tag(tag).map_err(|m| err(i + 1, m))?;
        let etype = match bio {
            Some((_, class)) => labels
                .get(class)
                .ok_or_else(|| err(i + 1, format!("class {class:?} is not in the label map")))?,
            None => None,
        };
        // NewsFANE writes some quotation marks as a lone hamza
        let token = if token == "ء" { "\"" } else { token };
        cur.words.push(token.to_string());
        cur.tags.push(builder.push(bio, etype));
    }
    if !cur.is_empty() {
        sentences.push(cur);
    }
    Ok(cut_at_final_punctuation(sentences))
}

/// Reads ANERcorp: `token TAG` lines (the tag after the last space), a blank line between
/// sentences. PERS → PERSON, ORG → ORG, LOC → LOC, MISC → O.
pub fn read_anercorp(file: &str, src: &str) -> Result<Vec<Labelled>, NerError> {
    let src = src.strip_prefix('\u{FEFF}').unwrap_or(src);
    let mut sentences = Vec::new();
    let mut cur = Labelled::default();
    let mut builder = TagBuilder { prev: None };
    let err = |line: usize, message: String| NerError::Line { file: file.to_string(), line, message };
    for (i, raw) in src.lines().enumerate() {
        let line = raw.trim_end_matches('\r').trim();
        if line.is_empty() {
            if !cur.is_empty() {
                sentences.push(std::mem::take(&mut cur));
            }
            builder.prev = None;
            continue;
        }
        let Some((token, tag)) = line.rsplit_once([' ', '\t']) else {
            return Err(err(i + 1, "expected `token TAG`".into()));
        };
        let token = clean(token);
        let bio = split_tag(tag.trim()).map_err(|m| err(i + 1, m))?;
        let etype = match bio {
            Some((_, "PERS" | "PER")) => Some(EntityType::Person),
            Some((_, "ORG")) => Some(EntityType::Org),
            Some((_, "LOC")) => Some(EntityType::Loc),
            Some((_, "MISC")) | None => None,
            Some((_, other)) => return Err(err(i + 1, format!("unknown class {other:?}"))),
        };
        if token.is_empty() {
            continue;
        }
        cur.words.push(token.to_string());
        cur.tags.push(builder.push(bio, etype));
    }
    if !cur.is_empty() {
        sentences.push(cur);
    }
    Ok(cut_at_final_punctuation(sentences))
}

/// Proclitics NewsFANE writes as words of their own.
const PROCLITICS: [&str; 5] = ["و", "ف", "ب", "ل", "ك"];

/// Pronoun enclitics NewsFANE writes as words of their own (كم and كما are left out: as words
/// they are "how many" and "as").
const ENCLITICS: [&str; 9] = ["ه", "ها", "هما", "هم", "هن", "ي", "ن", "نا", "ني"];

fn is_arabic_word(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c) && c != '\u{0640}')
}

/// Writes NewsFANE's split clitics back onto their words, as running text has them:
/// `و من جانب ه` → `ومن جانبه`, `ل الامم` → `للامم`, `حارة نا` → `حارتنا`. A proclitic joins
/// the next Arabic word of two letters or more; an enclitic joins the Arabic word before it
/// (a proclitic included: `ل ه` → `له`). The merged word keeps the tag of its content word,
/// except that a clitic opening an entity (`B-X` before `I-X`) keeps the `B`.
pub fn rejoin_clitics(s: &Labelled) -> Labelled {
    // enclitics, backwards onto the previous word
    let mut words: Vec<String> = Vec::with_capacity(s.len());
    let mut tags: Vec<Tag> = Vec::with_capacity(s.len());
    for (w, &t) in s.words.iter().zip(&s.tags) {
        if ENCLITICS.contains(&w.as_str())
            && let Some(prev) = words.last_mut()
            && is_arabic_word(prev)
        {
            if let Some(stem) = prev.strip_suffix('ة') {
                *prev = format!("{stem}ت");
            }
            prev.push_str(w);
            continue;
        }
        words.push(w.clone());
        tags.push(t);
    }
    // proclitics, forwards onto the next word (right to left, so that و ب X → وبX)
    let mut out_words: Vec<String> = Vec::with_capacity(words.len());
    let mut out_tags: Vec<Tag> = Vec::with_capacity(words.len());
    for (w, t) in words.into_iter().zip(tags).rev() {
        if PROCLITICS.contains(&w.as_str())
            && let (Some(next), Some(next_tag)) = (out_words.last_mut(), out_tags.last_mut())
            && is_arabic_word(next)
            && next.chars().count() >= 2
        {
            *next = if w == "ل" && next.starts_with("ال") {
                // ل + ال is written لل
                format!("ل{}", &next["ا".len()..])
            } else {
                format!("{w}{next}")
            };
            if let (Tag::B(a), Tag::I(b)) = (t, *next_tag)
                && a == b
            {
                *next_tag = Tag::B(a);
            }
            continue;
        }
        out_words.push(w);
        out_tags.push(t);
    }
    out_words.reverse();
    out_tags.reverse();
    Labelled { words: out_words, tags: out_tags }
}

/// A sentence's words written out as text (one space between words) and analysed by
/// marsad-text like an article: the token stream the tagger reads, and which word each token
/// comes from.
#[derive(Clone, Debug)]
pub struct Prepared {
    /// The text, words joined by spaces.
    pub original: String,
    /// Its normalised view's text ([`marsad_text::Normalized::text`]).
    pub normalized: String,
    /// The analysed tokens (their normalised spans index `normalized`).
    pub tokens: Vec<AnalysedToken>,
    /// For each token, the word it comes from.
    pub word_of: Vec<usize>,
    /// How many words.
    pub words: usize,
}

impl Prepared {
    /// Writes out and analyses `words`.
    pub fn new<S: AsRef<str>>(words: &[S]) -> Prepared {
        let mut original = String::new();
        let mut starts = Vec::with_capacity(words.len());
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                original.push(' ');
            }
            starts.push(original.len());
            original.push_str(w.as_ref());
        }
        let norm = Normalizer::analysis().normalize(&original);
        let tokens: Vec<AnalysedToken> = analyse(&norm, norm.full_span(), Segmenter::builtin()).collect();
        let word_of = tokens
            .iter()
            .map(|t| starts.partition_point(|&s| s <= t.token.span.start()).saturating_sub(1))
            .collect();
        let normalized = norm.text().to_string();
        Prepared { original, normalized, tokens, word_of, words: words.len() }
    }

    /// The tags of the tokens from the tags of the words: a word's first token takes its tag,
    /// its other tokens continue it.
    pub fn project(&self, word_tags: &[Tag]) -> Vec<Tag> {
        let mut out = Vec::with_capacity(self.tokens.len());
        let mut last_word = usize::MAX;
        for &w in &self.word_of {
            let tag = word_tags.get(w).copied().unwrap_or(Tag::O);
            out.push(match tag {
                Tag::B(t) if w == last_word => Tag::I(t),
                tag => tag,
            });
            last_word = w;
        }
        out
    }

    /// The tags of the words from the tags of the tokens: a word takes the first tag other
    /// than O among its tokens (O when it has none).
    pub fn back(&self, token_tags: &[Tag]) -> Vec<Tag> {
        let mut out = vec![Tag::O; self.words];
        let mut seen = vec![false; self.words];
        for (&w, &tag) in self.word_of.iter().zip(token_tags) {
            if let (Some(slot), Some(done)) = (out.get_mut(w), seen.get_mut(w))
                && !*done
                && tag != Tag::O
            {
                *slot = tag;
                *done = true;
            }
        }
        out
    }
}

/// The texts of a corpus as windows of letters, to find which sentences of another corpus
/// repeat them: NewsFANE holds most of ANERcorp, so a model scored on ANERcorp's test split must
/// be trained without the NewsFANE sentences that repeat it.
///
/// Sentences are compared on their letters and digits only (normalised, keyed like names,
/// spaces and punctuation dropped), by windows of [`Overlap::WINDOW`] characters.
#[derive(Clone, Debug, Default)]
pub struct Overlap {
    windows: rustc_hash::FxHashSet<u64>,
}

impl Overlap {
    /// Characters per window.
    pub const WINDOW: usize = 40;

    fn letters<S: AsRef<str>>(words: &[S]) -> Vec<char> {
        let mut out = Vec::new();
        for w in words {
            let n = Normalizer::analysis().normalize_str(w.as_ref());
            for c in marsad_kb::names::key(&n).chars() {
                if c.is_alphanumeric() {
                    out.push(c);
                }
            }
        }
        out
    }

    fn hash(window: &[char]) -> u64 {
        window.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &c| (h ^ u64::from(c)).wrapping_mul(0x100_0000_01b3))
    }

    /// The windows of `sentences`.
    pub fn new<S: AsRef<str>>(sentences: &[Vec<S>]) -> Overlap {
        let mut windows = rustc_hash::FxHashSet::default();
        for s in sentences {
            let letters = Overlap::letters(s);
            for w in letters.windows(Overlap::WINDOW) {
                windows.insert(Overlap::hash(w));
            }
        }
        Overlap { windows }
    }

    /// Which of `sentences` repeat the texts: a sentence sharing a window with them, or a
    /// sentence too short for a window between two that do.
    pub fn repeated<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<bool> {
        let mut flags: Vec<Option<bool>> = sentences
            .iter()
            .map(|s| {
                let letters = Overlap::letters(s);
                (letters.len() >= Overlap::WINDOW).then(|| {
                    letters.windows(Overlap::WINDOW).any(|w| self.windows.contains(&Overlap::hash(w)))
                })
            })
            .collect();
        let decided: Vec<Option<bool>> = flags.clone();
        for i in 0..flags.len() {
            if flags[i].is_none() {
                let before = decided[..i].iter().rev().find_map(|f| *f).unwrap_or(false);
                let after = decided[i + 1..].iter().find_map(|f| *f).unwrap_or(false);
                flags[i] = Some(before && after);
            }
        }
        flags.into_iter().map(|f| f.unwrap_or(false)).collect()
    }
}
