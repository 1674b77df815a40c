//! The knowledge base of marsad: countries, places, organisations and people with their Arabic
//! names, first names and titles, and the matching of those names in analysed Arabic text.
//!
//! The data is versioned under `data/kb/` (formats in `data/kb/FORMAT.md`, sources in
//! `NOTICE`) and compiled into the binary. [`Kb::builtin`] loads it once; [`Kb::from_sources`]
//! loads any other set of files with the same formats and reports every problem as a
//! [`KbError`] with its file and line.
//!
//! Names are matched on the analysed token stream ([`marsad_text::AnalysedToken`]): the first
//! word of a name is looked up without its clitics (وأرمينيا, للعراق, بالولايات المتحدة), the
//! others as written; transliteration variants of foreign names go through a loose key
//! ([`names::skeleton`]) and long names tolerate one typo ([`names::within_one_edit`]); see
//! [`Kb::find`].
//!
//! ```
//! use marsad_kb::{Kb, Sources, EntityType};
//! use marsad_text::{Normalizer, Segmenter, analyse};
//!
//! let kb = Kb::from_sources(&Sources {
//!     countries: "id\tname_en\tiso2\tnames_ar\tnisba\tdemonyms\tcapital\tregime\n\
//!                 country:armenia\tArmenia\tAM\tأرمينيا|أرمينية\tأرميني|أرمني\tأرمن\t\t\n",
//!     people: "id\tname_en\tnames_ar\tcountry\trole\n\
//!              person:antony-blinken\tAntony Blinken\tأنتوني بلينكن\t\t\n",
//!     ..Sources::default()
//! })
//! .unwrap();
//! let text = "وقال أنتوني بلينكين إن أرمينيا";
//! let norm = Normalizer::analysis().normalize(text);
//! let tokens: Vec<_> = analyse(&norm, norm.full_span(), Segmenter::builtin()).collect();
//! let found = kb.find(&tokens, norm.text());
//! let names: Vec<&str> = found.iter().map(|m| kb.entry(m.candidates[0].entry).name_en.as_str()).collect();
//! assert_eq!(names, ["Antony Blinken", "Armenia"]);
//! assert_eq!(kb.entry(found[1].candidates[0].entry).etype, EntityType::Gpe);
//! let nisba = kb.nisba("الارمنيه").unwrap();
//! assert_eq!(kb.entry(nisba).name_en, "Armenia");
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod load;
pub use load::NOT_FAMILY_NAMES;
mod matcher;
pub mod names;
mod table;
#[cfg(test)]
mod tests;
mod words;

use std::fmt;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

pub use matcher::{Candidate, How, Match};
pub use words::{Keyed, TokenKeys, WordKeys, joins_name_words, word_filter};

/// A problem in a knowledge-base file.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    /// The header line lacks columns.
    #[error("{file}: the header lacks the column(s) {missing}")]
    Header {
        /// The file.
        file: &'static str,
        /// The missing columns.
        missing: String,
    },
    /// A row is malformed.
    #[error("{file}:{line}: {message}")]
    Row {
        /// The file.
        file: &'static str,
        /// The line, from 1.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Where an entry comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `countries.tsv`.
    Country,
    /// `places.tsv`.
    Place,
    /// `orgs.tsv`.
    Org,
    /// `people.tsv`.
    Person,
}

/// The entity types of the extraction record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// A person.
    Person,
    /// An organisation.
    Org,
    /// A place with a government or a population.
    Gpe,
    /// Other named geography.
    Loc,
}

impl EntityType {
    /// `PERSON`, `ORG`, `GPE`, `LOC`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The index of an entry in its knowledge base.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntryId(u32);

impl EntryId {
    /// The position in [`Kb::entries`].
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A country, place, organisation or person.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The stable id (`country:armenia`).
    pub id: String,
    /// The file it comes from.
    pub kind: Kind,
    /// Its entity type.
    pub etype: EntityType,
    /// A finer type (`country`, `city`, `province`, `ministry`, `armed-group`...).
    pub subtype: String,
    /// The English canonical name.
    pub name_en: String,
    /// The usual Arabic name, as written in the data.
    pub name_ar: String,
    /// The country it belongs to.
    pub country: Option<EntryId>,
    /// For a country, its capital.
    pub capital: Option<EntryId>,
    /// Coordinates, when known.
    pub coordinates: Option<(f64, f64)>,
    /// Population, when known.
    pub population: Option<u64>,
    /// Its names are transliterations (a foreign person, place or body), so their loose key is
    /// indexed.
    pub foreign: bool,
    /// A person whose family name comes first (`كيم جونغ أون`, `شي جين بينغ`, `بان كي مون`): the
    /// first word of their names is the one that names them alone, not the last.
    pub family_first: bool,
    /// A person's offices with their years, read from the role (`Prime Minister of Japan
    /// (2006-2007, 2012-2020)`); empty when the role gives no years.
    pub offices: Vec<Office>,
}

/// Places this populous (and capitals, provinces, regions, territories) are prominent.
const PROMINENT_POPULATION: u64 = 100_000;

impl Entry {
    /// Whether news name it often: every country, organisation and person; a capital, a
    /// province, a region or a territory; a town of 100,000 people or more. Prominent entries get
    /// loose and typo matching (not every village: too many are one letter from a word).
    pub fn prominent(&self) -> bool {
        match self.kind {
            Kind::Country | Kind::Org | Kind::Person => true,
            Kind::Place => {
                matches!(self.subtype.as_str(), "capital" | "province" | "region" | "territory")
                    || self.population.is_some_and(|p| p >= PROMINENT_POPULATION)
            }
        }
    }
}

/// A span of years in office.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Office {
    /// The first year.
    pub from: i32,
    /// The last year; `None` while it lasts.
    pub to: Option<i32>,
    /// A head of state or government, a monarch, a pope, the UN's Secretary-General, or the
    /// founder or leader of a movement: news go on naming them by the family name alone long
    /// after (أوباما, القذافي, بن لادن).
    pub head: bool,
}

/// Years after an office ends that news still name its holder by the family name alone
/// (كيري, a Secretary of State until 2017, in 2018).
pub const OFFICE_AFTERGLOW: i32 = 2;

impl Entry {
    /// Whether news of `year` name this person by the family name alone, from what the roles
    /// say: `None` when they give no years; true in an office's years (from the year before
    /// it began, as appointments are announced ahead, to [`OFFICE_AFTERGLOW`] years after it
    /// ended), and any time after a head's office began. `كيم` in 2018 is not Vitaliy Kim, a
    /// governor from 2020; `هيغل` then is Hegel rather than Chuck Hagel, Secretary of Defense
    /// until 2015.
    pub fn named_alone_in(&self, year: i32) -> Option<bool> {
        if self.offices.is_empty() {
            return None;
        }
        Some(self.offices.iter().any(|o| {
            let ended = o.to.is_some_and(|to| year > to + OFFICE_AFTERGLOW);
            (year >= o.from - 1 && !ended) || (o.head && year >= o.from)
        }))
    }

    /// Whether this person heads a state or a government (or a movement) in `year`, or did
    /// lately: from the year before their office to [`OFFICE_AFTERGLOW`] years after it.
    pub fn heads_in(&self, year: i32) -> bool {
        self.offices
            .iter()
            .any(|o| o.head && year >= o.from - 1 && o.to.is_none_or(|to| year <= to + OFFICE_AFTERGLOW))
    }
}

/// How an alias names its entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AliasKind {
    /// One of its names.
    Name,
    /// A province or district named with its head word (`محافظة السويداء`).
    Headed,
    /// A Latin abbreviation (`NATO`).
    Abbreviation,
    /// The people of a country (`الأرمن`).
    Demonym,
    /// A person's family name alone (`باشينيان` for نيكول باشينيان).
    Short,
}

/// How a title introduces a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TitleKind {
    /// The name follows directly (`الرئيس`, `العقيد`).
    Title,
    /// A role, maybe followed by its organisation or country before the name (`وزير الدفاع`).
    Role,
    /// A courtesy word (`السيد`, `الشيخ`).
    Honorific,
    /// A kinship particle inside a name (`بن`, `أبو`, `آل`).
    Kin,
}

/// A title or role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Title {
    /// How it introduces a name.
    pub kind: TitleKind,
    /// The English role, empty for honorifics and particles.
    pub en: String,
}

/// A first name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GivenName {
    /// An Arabic name (or a foreign one in Arabic letters).
    pub arabic: bool,
    /// A name given to women only (`gender` f): a verb agrees with its bearer in the feminine.
    pub female: bool,
}

/// The text of the data files, one per file of `data/kb/` (empty for a file not given).
#[derive(Clone, Copy, Debug, Default)]
pub struct Sources<'a> {
    /// `countries.tsv`.
    pub countries: &'a str,
    /// `places.tsv`.
    pub places: &'a str,
    /// `orgs.tsv`.
    pub orgs: &'a str,
    /// `people.tsv`.
    pub people: &'a str,
    /// `given-names.tsv`.
    pub given_names: &'a str,
    /// `titles.tsv`.
    pub titles: &'a str,
    /// `common-words.txt`: words so frequent as ordinary words that a one-word name spelled
    /// like them is only taken with support from its context.
    pub common_words: &'a str,
    /// `frequent-words.txt`: word forms frequent in news; none of them is taken for a typo or
    /// a transliteration variant of a name.
    pub frequent_words: &'a str,
    /// `ordinary-words.txt`: frequent words that news use as ordinary words (they take the
    /// article, possessive suffixes, a verb's persons); like common words, a one-word name
    /// spelled like one (القاعدة, فتح, سلام) needs support from its context.
    pub ordinary_words: &'a str,
}

/// The words of a phrase after its first, the hash of the second word ([`word_hash`], `0` for
/// a phrase of one word), and its value.
type Tail<T> = (Box<[String]>, u64, T);

/// The hash of a phrase's second word, compared before the word itself: the phrases starting
/// with a frequent word (قوات, وزارة, محافظة) are a few hundred, and most of them are told
/// apart from the text's next word without reading their words.
pub(crate) fn word_hash(word: &str) -> u64 {
    std::hash::BuildHasher::hash_one(&rustc_hash::FxBuildHasher, word)
}

/// A phrase index: the first word's key, then the keys of the other words, longest first.
///
/// The phrases of one first word are a list with an id ([`PhraseIndex::list_of`]), which a
/// word form's cached keys keep: a token then reads its phrases without hashing its word
/// ([`PhraseIndex::matches_in`]).
#[derive(Debug)]
pub(crate) struct PhraseIndex<T> {
    by_first: FxHashMap<String, u32>,
    lists: Vec<Vec<Tail<T>>>,
}

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        PhraseIndex { by_first: FxHashMap::default(), lists: Vec::new() }
    }
}

impl<T: Clone> PhraseIndex<T> {
    pub(crate) fn insert(&mut self, words: Vec<String>, value: T) {
        let mut words = words.into_iter();
        let Some(first) = words.next() else { return };
        let tail: Box<[String]> = words.collect();
        let second = tail.first().map_or(0, |w| word_hash(w));
        let lists = &mut self.lists;
        let id = *self.by_first.entry(first).or_insert_with(|| {
            lists.push(Vec::new());
            u32::try_from(lists.len() - 1).expect("fewer than 2³² first words")
        });
        let list = &mut self.lists[id as usize];
        let at = list.partition_point(|(t, _, _)| t.len() >= tail.len());
        list.insert(at, (tail, second, value));
    }

    /// Whether some phrase starts with `first`.
    pub(crate) fn starts_with(&self, first: &str) -> bool {
        self.by_first.contains_key(first)
    }

    /// The id of the list of phrases starting with `first`, if any.
    pub(crate) fn list_of(&self, first: &str) -> Option<u32> {
        self.by_first.get(first).copied()
    }

    /// The phrases starting with `first` whose tail matches `next(0)`, `next(1)`..., longest
    /// first: their length in words and value.
    ///
    /// An iterator rather than a vector: the matcher calls this at most words of a text and
    /// most calls find nothing, so an allocation per call was most of its cost.
    pub(crate) fn matches<'w>(
        &self,
        first: &str,
        next: impl Fn(usize) -> Option<&'w str>,
    ) -> impl Iterator<Item = (usize, &T)> {
        let list = self.list_of(first);
        // the next word is hashed only when some phrase starts with `first` (most lookups
        // find none)
        let second = list.and_then(|_| next(0).map(word_hash));
        self.matches_in(list, second, next)
    }

    /// [`PhraseIndex::matches`] of the first word whose list is `list` ([`PhraseIndex::list_of`]),
    /// given the [`word_hash`] of `next(0)`.
    pub(crate) fn matches_in<'w>(
        &self,
        list: Option<u32>,
        second: Option<u64>,
        next: impl Fn(usize) -> Option<&'w str>,
    ) -> impl Iterator<Item = (usize, &T)> {
        let tails = list.and_then(|id| self.lists.get(id as usize)).map_or(&[][..], Vec::as_slice);
        tails
            .iter()
            .filter(move |(tail, hash, _)| {
                tail.is_empty()
                    || (second == Some(*hash)
                        && tail.iter().enumerate().all(|(k, w)| next(k) == Some(w.as_str())))
            })
            .map(|(tail, _, v)| (tail.len() + 1, v))
    }

    /// The first of [`PhraseIndex::matches`] (the longest), without collecting the others.
    pub(crate) fn first_match<'w>(
        &self,
        first: &str,
        next: impl Fn(usize) -> Option<&'w str>,
    ) -> Option<(usize, &T)> {
        self.matches(first, next).next()
    }

    pub(crate) fn len(&self) -> usize {
        self.lists.iter().map(Vec::len).sum()
    }
}

/// An alias in the indexes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct AliasRef {
    pub entry: EntryId,
    pub kind: AliasKind,
    /// A one-word name spelled like a common word.
    pub ambiguous: bool,
}

/// The knowledge base: entries and the indexes that find them in text.
#[derive(Debug, Default)]
pub struct Kb {
    /// Unique to this knowledge base in the process (the word caches are kept per base).
    id: u64,
    entries: Vec<Entry>,
    by_id: FxHashMap<String, EntryId>,
    /// Names by their exact keys.
    names: PhraseIndex<AliasRef>,
    /// Names of foreign entries by their loose keys.
    loose: PhraseIndex<AliasRef>,
    /// One-word names of at least [`TYPO_MIN_LETTERS`] letters, by themselves and each of their
    /// one-letter deletions: (deletion key, the name's key, alias).
    typos: FxHashMap<String, Vec<(String, AliasRef)>>,
    /// The first three letters of the names in `typos`: a word whose first letters are none
    /// of these is no typo of a name (typos are looked for after the third letter).
    typo_prefixes: rustc_hash::FxHashSet<String>,
    /// Where the data writes each abbreviation with capitals (FAN, WHO, LeT, AfD; not dpa), by
    /// entry and key: per word, a bit for each of its first 32 characters that is a capital
    /// ([`capitals_mask`]). As keys they would match English words (fan, Who, Let).
    capitals: FxHashMap<(EntryId, String), Vec<u32>>,
    /// Nisba adjectives in all their forms → country.
    nisba: FxHashMap<String, EntryId>,
    /// Countries whose government news call "النظام": the nisba forms that make "النظام X".
    regime: FxHashMap<String, EntryId>,
    /// The names of each entry, as word keys (by entry index).
    names_of: Vec<Vec<Vec<String>>>,
    /// Organisations by country.
    orgs_by_country: FxHashMap<EntryId, Vec<EntryId>>,
    given: FxHashMap<String, GivenName>,
    given_compounds: PhraseIndex<GivenName>,
    /// The English spelling of first names (one word or a compound), by their keys joined
    /// with a space.
    given_english: FxHashMap<String, String>,
    titles: PhraseIndex<Title>,
    common: rustc_hash::FxHashSet<String>,
    /// The words of `common-words.txt` alone: hardly ever inside a name.
    outside_names: rustc_hash::FxHashSet<String>,
    frequent: rustc_hash::FxHashSet<String>,
}

/// The fewest letters a one-word name needs for a one-letter typo to be tolerated.
pub const TYPO_MIN_LETTERS: usize = 7;

static BUILTIN: LazyLock<Kb> = LazyLock::new(|| {
    Kb::from_sources(&Sources {
        countries: include_str!("../../../data/kb/countries.tsv"),
        places: include_str!("../../../data/kb/places.tsv"),
        orgs: include_str!("../../../data/kb/orgs.tsv"),
        people: include_str!("../../../data/kb/people.tsv"),
        given_names: include_str!("../../../data/kb/given-names.tsv"),
        titles: include_str!("../../../data/kb/titles.tsv"),
        common_words: include_str!("../../../data/kb/common-words.txt"),
        frequent_words: include_str!("../../../data/kb/frequent-words.txt"),
        ordinary_words: include_str!("../../../data/kb/ordinary-words.txt"),
    })
    // the files ship with the binary and a test loads them: a broken file is a build-time bug
    .expect("data/kb loads (tested)")
});

impl Kb {
    /// The knowledge base shipped in `data/kb/`, loaded on first use.
    pub fn builtin() -> &'static Kb {
        &BUILTIN
    }

    /// Loads a knowledge base from the text of its files.
    pub fn from_sources(sources: &Sources<'_>) -> Result<Kb, KbError> {
        load::load(sources)
    }

    /// Every entry, in file order (countries, places, organisations, people).
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry `id` points to.
    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.entries[id.index()]
    }

    /// The entry with the stable id `id` (`country:armenia`).
    pub fn by_id(&self, id: &str) -> Option<EntryId> {
        self.by_id.get(id).copied()
    }

    /// The country a nisba adjective names, given its key with or without the article
    /// (`الارمنيه`, `روسي`, `الامريكيين`).
    pub fn nisba(&self, key: &str) -> Option<EntryId> {
        self.nisba.get(key).copied()
    }

    /// The country whose nisba `key` is, read with its tanween alif (`اسرائيليا`: اسرائيلي).
    pub fn nisba_with_tanween(&self, key: &str) -> Option<EntryId> {
        key.strip_suffix('ا').filter(|s| s.chars().count() >= 3).and_then(|s| self.nisba(s))
    }

    /// The country whose government "النظام" + this nisba names (`السوري`).
    pub fn regime(&self, key: &str) -> Option<EntryId> {
        self.regime.get(key).copied()
    }

    /// Whether `key` is a one-word first name, and of which kind.
    pub fn given_name(&self, key: &str) -> Option<GivenName> {
        self.given.get(key).copied()
    }

    /// A first name at `first` (a key) going on with `next(0)`...: a compound (`نور الدين`) or
    /// one word; its length in words and kind.
    pub fn given_name_at<'w>(
        &self,
        first: &str,
        next: impl Fn(usize) -> Option<&'w str>,
    ) -> Option<(usize, GivenName)> {
        if let Some((len, g)) = self.given_compounds.first_match(first, next) {
            return Some((len, *g));
        }
        self.given_name(first).map(|g| (1, g))
    }

    /// Whether a first name (one word or a compound) starts with `first` (a key): where it
    /// does not, [`Kb::given_name_at`] finds none.
    pub fn starts_given_name(&self, first: &str) -> bool {
        self.given.contains_key(first) || self.given_compounds.starts_with(first)
    }

    /// The usual English spelling of a first name, by its key (one word, `خالد`) or the keys
    /// of a compound's words joined by a space (`عبد الرحمن`, `نور الدين`): `Khaled`,
    /// `Abdul Rahman`, `Nour al-Din`. `None` for a name the file gives no spelling, or no name.
    pub fn given_english(&self, key: &str) -> Option<&str> {
        self.given_english.get(key).map(String::as_str)
    }

    /// Whether `key` is a word so common that a one-word name spelled like it needs context.
    pub fn is_common_word(&self, key: &str) -> bool {
        self.common.contains(key)
    }

    /// Whether `key` is a word that annotated news hardly ever put inside a name
    /// (`common-words.txt`, not `ordinary-words.txt`: جيل and البنا are ordinary words and
    /// family names too).
    pub fn rarely_in_names(&self, key: &str) -> bool {
        self.outside_names.contains(key)
    }

    /// Whether `key` is a word form frequent in news (`frequent-words.txt`), or a name of the
    /// knowledge base starts with it.
    pub fn is_known_word(&self, key: &str) -> bool {
        self.frequent.contains(key) || self.names.starts_with(key)
    }

    /// The longest title starting with `first` (a key) and going on with `next(0)`, ...: its
    /// length in words and the title.
    pub fn title<'w>(&self, first: &str, next: impl Fn(usize) -> Option<&'w str>) -> Option<(usize, &Title)> {
        self.titles.first_match(first, next)
    }

    /// Whether a title, role, honorific or kin particle starts with `first` (a key).
    pub fn starts_title(&self, first: &str) -> bool {
        self.titles.starts_with(first)
    }

    /// An id unique to this knowledge base within the process: caches of what is derived
    /// from it are kept per id.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The capitals of `entry`'s abbreviation keyed `key` (its words' keys joined by a space),
    /// per word ([`capitals_mask`]), when the data writes it with any: the text must write
    /// those letters as capitals too.
    pub fn abbreviation_capitals(&self, entry: EntryId, key: &str) -> Option<&[u32]> {
        self.capitals.get(&(entry, key.to_string())).map(Vec::as_slice)
    }

    /// The names of an entry, each as the keys of its words.
    pub fn names_of(&self, id: EntryId) -> &[Vec<String>] {
        self.names_of.get(id.index()).map_or(&[], Vec::as_slice)
    }

    /// The organisations of a country.
    pub fn orgs_of(&self, country: EntryId) -> &[EntryId] {
        self.orgs_by_country.get(&country).map_or(&[], Vec::as_slice)
    }

    /// Sizes, for reports: entries, exact names, loose names, first names, titles.
    pub fn stats(&self) -> KbStats {
        KbStats {
            entries: self.entries.len(),
            names: self.names.len(),
            loose_names: self.loose.len(),
            nisba_forms: self.nisba.len(),
            given_names: self.given.len(),
            titles: self.titles.len(),
        }
    }
}

/// Sizes of a knowledge base.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KbStats {
    /// Entries.
    pub entries: usize,
    /// Exact name phrases indexed.
    pub names: usize,
    /// Loose name phrases indexed.
    pub loose_names: usize,
    /// Nisba forms indexed.
    pub nisba_forms: usize,
    /// First names.
    pub given_names: usize,
    /// Titles.
    pub titles: usize,
}

/// A bit for each of the first 32 characters of `word` that is a capital letter.
///
/// ```
/// use marsad_kb::capitals_mask;
/// assert_eq!(capitals_mask("AfD"), 0b101);
/// assert_eq!(capitals_mask("dpa"), 0);
/// ```
pub fn capitals_mask(word: &str) -> u32 {
    word.chars().take(32).enumerate().filter(|(_, c)| c.is_uppercase()).fold(0, |m, (i, _)| m | 1 << i)
}
