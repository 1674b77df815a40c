//! The event layer's word tables (`data/events/*.tsv`), normalised and keyed like the text they
//! are matched against.
//!
//! Entries are phrases of one or more words. A text word matches an entry word when one of its
//! forms equals it: without proclitics (the stem), without conjunctions, or whole; each of
//! these as it is, without a tanween alif (قصفا → قصف) or without a pronoun suffix (نفته →
//! نفت, مسؤوليتها → مسؤولية: a ت before the suffix is a ة).

use std::borrow::Cow;
use std::sync::LazyLock;

use marsad_kb::names::key;
use marsad_text::Normalizer;
use marsad_text::key::{folds, key_eq};
use rustc_hash::{FxHashMap, FxHashSet};

use super::Category;
use crate::lexicon::{columns, tsv_rows};

const TRIGGERS: &str = include_str!("../../../../data/events/triggers.tsv");
const MODES: &str = include_str!("../../../../data/events/modes.tsv");
const MARKERS: &str = include_str!("../../../../data/events/markers.tsv");
const REGISTERS: &str = include_str!("../../../../data/events/registers.tsv");
const ROLES: &str = include_str!("../../../../data/events/roles.tsv");

pub use crate::lexicon::LexiconError;

/// Whether a trigger is a verb or a noun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pos {
    Verb,
    Noun,
}

/// A trigger entry of `triggers.tsv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trigger {
    /// The phrase as written in the table (for explanations).
    pub phrase: String,
    /// `None` for a phrase that is not an event and blocks its words (جرائم الحرب).
    pub category: Option<Category>,
    pub mode: String,
    /// Which trigger speaks for its clause (higher wins).
    pub rank: u8,
    pub pos: Pos,
    /// Not when the first word carries the preposition ل (purpose: لوقف إطلاق النار).
    pub no_lam: bool,
    /// Keys of which one must follow in the clause (حمل ... مسؤولية).
    pub with: Vec<String>,
    /// Keys none of which may stand within the six words after it (يستضيف 650 ألف لاجئ,
    /// استضافة كأس العالم: hosting refugees or a tournament is no meeting).
    pub without: Vec<String>,
    /// Up to two words may stand between the first word and the rest (أطلقت الشرطة النار).
    pub gap: bool,
    /// A verb whose `with=` word may not follow it directly unless it carries an object
    /// pronoun: the one it is done to stands between (حمّل الجيش الحوثيين مسؤولية, تحمله
    /// مسؤولية blame; تحمّل المسؤولية, لتحمل مسؤوليته bear it).
    pub apart: bool,
    /// With the article it still tells a new act, never one told before (ألقت القبض).
    pub fresh: bool,
    /// Its first word only as written with ة: with ه it is a participle and a pronoun
    /// (مهاجمه is his striker, ملاحقه his pursuer), not the verbal noun.
    pub taa: bool,
    /// Only with a party named in its clause, as actor or target: what must be done by no
    /// one in particular (يجب إيلاء اهتمام بطريقة الحفظ) is an opinion, not a demand.
    pub party: bool,
    /// Not written with ب and the article: an adverb (بالضرورة, necessarily), where بضرورة
    /// asks for what is necessary.
    pub no_bi_al: bool,
    /// Only with a place or a country named after it in its clause: taking or reaching one
    /// (ضم القرم, وصلت إلى بغداد), not a cast or a figure (المسلسل ضم 80 شخصية, وصلت
    /// الحرارة إلى 15 درجة).
    pub place: bool,
    /// An inquiry only where its words say so (`تحقيق في`, `تحقيق جنائي`, `فتح تحقيقا`,
    /// with the article, or closing its clause): otherwise it is achieving something
    /// (`تحقيق الفوز`, `تحقيق أكبر قدر من`).
    pub inquiry: bool,
    /// Not with the article, unless ب follows: a participle that is a noun of people when
    /// definite (`المتهمين` are the defendants; `متهمين بالتدخل` and `المتهمين بارتكاب` tell
    /// an accusation).
    pub indefinite: bool,
    /// Only with a word of armed force (`registers.tsv`) besides its own, in its sentence or
    /// the one before: a word of fighting that is as often an ordinary one (`تقدمها` is its
    /// advance and what it offers, `التصدي` repelling and tackling, `تصفية` killing and
    /// liquidation).
    pub armed: bool,
    /// A verb in the first person plural (ندعو, نطالب): its subject is the speaker, whose
    /// words it opens, never a party named after it (`ندعو الولايات المتحدة إلى` asks the
    /// United States).
    pub we: bool,
    /// A participle that goes on describing its subject's act (داعيا, متهما, منددا): a party
    /// right after it is whom the act is aimed at, never who acts.
    pub adverbial: bool,
    /// Not with the article: with it the word is a noun of another sense (`الطلب` is demand for
    /// goods, `التحقق` verification), where the same letters without it may be the verb.
    pub no_article: bool,
    /// A verb in the third person masculine singular (دعا, اتهم, يطالب; derived from the
    /// table by [`Lexicon::mark_masculine`]): a country whose name takes the feminine cannot
    /// be its subject.
    pub masculine: bool,
}

/// A refiner of `modes.tsv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refiner {
    pub word: String,
    /// The events it refines: a category, and a mode or any.
    pub applies: Vec<(Category, Option<String>)>,
    pub category: Category,
    pub mode: String,
    /// Its line order: the first listed wins.
    pub order: usize,
}

/// Modes of a lasting state or of a hold on ground, which a refiner of a whole category leaves
/// as they are: a siege by land, sea and air (حصارا بريا وبحريا وجويا) is a siege, not an air
/// strike, and a war with air strikes is a war. A refiner that names the mode still applies.
const LASTING: &[&str] = &[
    "siege",
    "war",
    "civil-war",
    "insurgency",
    "annexation",
    "seize",
    "recapture",
    "advance",
    "invasion",
    "military-intervention",
];

/// Whether `mode` is one of a lasting state or of a hold on ground ([`LASTING`]).
pub(crate) fn lasting(mode: &str) -> bool {
    LASTING.contains(&mode)
}

impl Refiner {
    /// Whether it refines an event of this category and mode.
    pub fn applies_to(&self, category: Category, mode: &str) -> bool {
        self.applies.iter().any(|(c, m)| {
            *c == category
                && match m.as_deref() {
                    Some(m) => m == mode,
                    None => !LASTING.contains(&mode),
                }
        })
    }
}

/// The role of a marker of `markers.tsv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    Future,
    /// Wanting, hoping or seeking before the trigger (يريدون السلام ووقف إطلاق النار, يأمل في
    /// تشكيل حكومة): what is wanted has not happened; after it (رحبت بالهدف الذي تسعى إليه)
    /// it says nothing of the trigger.
    Intent,
    Negation,
    Hypothetical,
    Possibility,
    Still,
    Boundary,
    Reference,
    Onset,
    Demonstrative,
    /// After the verbal noun تحقيق: it is an inquiry (في, مع, بشأن, جنائي, مستقل).
    Inquiry,
    /// Before the verbal noun تحقيق: it is an inquiry (فتح, إجراء, لجنة, نتائج).
    InquiryFrame,
}

/// What a word of `roles.tsv` tells of the parties around it (the file documents each).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Preposition,
    Target,
    With,
    Place,
    OnsetVerb,
    Witness,
    Named,
    Venue,
    HitNoun,
    HitVerb,
    TitleEnd,
    Building,
    Agent,
    By,
    Hand,
    Passive,
    Responsible,
    Figure,
    Befell,
    Killed,
    Masculine,
    Exposed,
    Aside,
}

impl Role {
    fn parse(value: &str) -> Option<Role> {
        Some(match value {
            "preposition" => Role::Preposition,
            "target" => Role::Target,
            "with" => Role::With,
            "place" => Role::Place,
            "onset-verb" => Role::OnsetVerb,
            "witness" => Role::Witness,
            "named" => Role::Named,
            "venue" => Role::Venue,
            "hit-noun" => Role::HitNoun,
            "hit-verb" => Role::HitVerb,
            "title-end" => Role::TitleEnd,
            "building" => Role::Building,
            "agent" => Role::Agent,
            "by" => Role::By,
            "hand" => Role::Hand,
            "passive" => Role::Passive,
            "responsible" => Role::Responsible,
            "figure" => Role::Figure,
            "befell" => Role::Befell,
            "killed" => Role::Killed,
            "masculine" => Role::Masculine,
            "exposed" => Role::Exposed,
            "aside" => Role::Aside,
            _ => return None,
        })
    }

    pub(crate) fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// What a word of `registers.tsv` says of its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Register {
    /// A word of sport, of this weight (2: sport alone; 1: sport beside another).
    Game(u8),
    /// A word of armed force, weapons or casualties.
    Armed,
    /// A word of government and diplomacy.
    State,
}

/// Phrases keyed by their first word; the other words follow, longest phrase first.
#[derive(Debug)]
pub struct Phrases<V> {
    map: FxHashMap<String, Vec<(Vec<String>, V)>>,
}

impl<V> Default for Phrases<V> {
    fn default() -> Self {
        Phrases { map: FxHashMap::default() }
    }
}

impl<V> Phrases<V> {
    fn insert(&mut self, phrase: &str, value: V) {
        let mut words = phrase.split_whitespace().map(entry_key);
        let Some(first) = words.next() else { return };
        let rest: Vec<String> = words.collect();
        let list = self.map.entry(first).or_default();
        list.push((rest, value));
        list.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
    }

    /// The phrases whose first word is one of `forms`, longest first.
    pub fn starting(&self, forms: &Forms<'_>) -> Option<&[(Vec<String>, V)]> {
        forms.find_map(|f| self.map.get(f)).map(Vec::as_slice)
    }

    /// The values of the one-word phrase `word` (a key of the table).
    pub fn alone(&self, word: &str) -> impl Iterator<Item = &V> {
        self.map.get(word).into_iter().flatten().filter(|(rest, _)| rest.is_empty()).map(|(_, v)| v)
    }

    /// How many first words there are.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// The three tables, keyed.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub triggers: Phrases<Trigger>,
    pub refiners: FxHashMap<String, Refiner>,
    pub markers: Phrases<Marker>,
    /// The `sequel` phrases of `markers.tsv`, each as its words' keys: opening a sentence,
    /// they move on to another happening (في غضون ذلك). Apart from the markers, whose first
    /// words every form is looked up for: في and من are too frequent for that.
    pub sequels: Vec<Vec<String>>,
    /// The words of `registers.tsv`.
    pub registers: Phrases<Register>,
    /// The words of `roles.tsv`, normalised (not keyed), each with its roles as bits.
    roles: FxHashMap<String, u32>,
    /// Every word a phrase of the triggers, the markers or the registers starts with, and
    /// every refiner: a form none of whose keys is one needs none of the tables' look-ups
    /// (most forms).
    firsts: FxHashSet<String>,
}

/// The key of a data entry: analysis-normalised, then keyed (ة → ه, ؤ → و, ئ → ي).
pub(crate) fn entry_key(word: &str) -> String {
    key(&Normalizer::analysis().normalize_str(word.trim())).into_owned()
}

/// The forms a normalised text word is looked up under, keyed: itself, without a tanween alif,
/// without a pronoun suffix (a ت left before it tried as the ة it was: مسؤوليتها → مسؤولية).
/// The suffix is taken off the unkeyed word, so that a ة is never read as the pronoun ه.
#[derive(Clone, Debug)]
pub struct Forms<'w> {
    forms: [Option<Cow<'w, str>>; 4],
}

/// Pronoun suffixes a verb or noun may carry, longest first.
const SUFFIXES: [&str; 5] = ["هما", "هم", "ها", "نا", "ه"];

impl<'w> Forms<'w> {
    /// The forms of `word` (normalised with the analysis normaliser, not keyed).
    pub fn of(word: &'w str) -> Forms<'w> {
        let mut forms: [Option<Cow<'w, str>>; 4] = [Some(key(word)), None, None, None];
        let long = |s: &str| s.chars().count() >= 3;
        if let Some(s) = word.strip_suffix('ا').filter(|s| long(s)) {
            forms[1] = Some(key(s));
        }
        if let Some(stem) = SUFFIXES.iter().find_map(|suf| word.strip_suffix(suf)).filter(|s| long(s)) {
            // the noun before the verb: سيطرتها is سيطرة + ها before it is سيطرت + ها
            if let Some(t) = stem.strip_suffix('ت') {
                forms[2] = Some(Cow::Owned(key(&format!("{t}ه")).into_owned()));
                forms[3] = Some(key(stem));
            } else {
                forms[2] = Some(key(stem));
            }
        }
        Forms { forms }
    }

    /// Whether one of the forms of `word` is `k`: `Forms::of(word).contains(k)`, without
    /// making the forms (the check of a phrase's later words, at every trigger word).
    pub fn have(word: &str, k: &str) -> bool {
        // every form starts with the word's first character, keyed: most words of a text differ
        // from `k` there
        if let (Some(a), Some(b)) = (word.chars().next(), k.chars().next())
            && a != b
            && !folds(a)
        {
            return false;
        }
        if key_eq(word, k) {
            return true;
        }
        let long = |s: &str| s.chars().count() >= 3;
        if word.strip_suffix('ا').filter(|s| long(s)).is_some_and(|s| key_eq(s, k)) {
            return true;
        }
        match SUFFIXES.iter().find_map(|suf| word.strip_suffix(suf)).filter(|s| long(s)) {
            // (the key of a word and ه is the word's key and ه)
            Some(stem) => match stem.strip_suffix('ت') {
                Some(t) => k.strip_suffix('ه').is_some_and(|kt| key_eq(t, kt)) || key_eq(stem, k),
                None => key_eq(stem, k),
            },
            None => false,
        }
    }

    /// The first form for which `f` gives something.
    pub fn find_map<'a, T>(&'a self, mut f: impl FnMut(&'a str) -> Option<T>) -> Option<T> {
        self.forms.iter().flatten().find_map(|s| f(s))
    }

    /// Whether one of the forms is `key`.
    pub fn contains(&self, key: &str) -> bool {
        self.forms.iter().flatten().any(|s| s == key)
    }
}

fn category(file: &'static str, value: &str) -> Result<Category, LexiconError> {
    Category::parse(value).ok_or_else(|| LexiconError::Value { file, column: "type", value: value.into() })
}

impl Lexicon {
    /// The tables shipped in `data/events/`, loaded on first use.
    pub fn builtin() -> &'static Lexicon {
        static BUILTIN: LazyLock<Lexicon> = LazyLock::new(|| {
            // the files ship with the binary and a test loads them: a broken file is a build bug
            let mut lex = Lexicon::parse(TRIGGERS, MODES, MARKERS).expect("data/events loads (tested)");
            lex.add_registers(REGISTERS).expect("data/events/registers.tsv loads (tested)");
            lex.add_roles(ROLES).expect("data/events/roles.tsv loads (tested)");
            lex
        });
        &BUILTIN
    }

    /// Reads the three tables from their text.
    pub fn parse(triggers: &str, modes: &str, markers: &str) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::default();
        for row in tsv_rows(triggers).skip(1) {
            let f = columns("triggers.tsv", row, 6)?;
            let cat = match f[1] {
                "-" => None,
                c => Some(category("triggers.tsv", c)?),
            };
            let rank = f[3].parse::<u8>().map_err(|_| LexiconError::Value {
                file: "triggers.tsv",
                column: "rank",
                value: f[3].into(),
            })?;
            let pos = match f[4] {
                "verb" => Pos::Verb,
                "noun" => Pos::Noun,
                v => {
                    return Err(LexiconError::Value { file: "triggers.tsv", column: "pos", value: v.into() });
                }
            };
            let mut trigger = Trigger {
                phrase: f[0].to_string(),
                category: cat,
                mode: f[2].to_string(),
                rank,
                pos,
                no_lam: false,
                with: Vec::new(),
                without: Vec::new(),
                gap: false,
                apart: false,
                fresh: false,
                taa: false,
                party: false,
                no_bi_al: false,
                place: false,
                inquiry: false,
                indefinite: false,
                armed: false,
                we: false,
                adverbial: false,
                no_article: false,
                masculine: false,
            };
            for flag in f[5].split(',').map(str::trim).filter(|s| !s.is_empty() && *s != "-") {
                let set = match flag {
                    "nolam" => &mut trigger.no_lam,
                    "gap" => &mut trigger.gap,
                    "apart" => &mut trigger.apart,
                    "fresh" => &mut trigger.fresh,
                    "taa" => &mut trigger.taa,
                    "party" => &mut trigger.party,
                    "nobial" => &mut trigger.no_bi_al,
                    "place" => &mut trigger.place,
                    "inquiry" => &mut trigger.inquiry,
                    "indef" => &mut trigger.indefinite,
                    "armed" => &mut trigger.armed,
                    "we" => &mut trigger.we,
                    "adverbial" => &mut trigger.adverbial,
                    "noart" => &mut trigger.no_article,
                    _ => match (flag.strip_prefix("with="), flag.strip_prefix("without=")) {
                        (Some(words), _) => {
                            trigger.with.extend(words.split('|').map(entry_key));
                            continue;
                        }
                        (None, Some(words)) => {
                            trigger.without.extend(words.split('|').map(entry_key));
                            continue;
                        }
                        (None, None) => {
                            return Err(LexiconError::Value {
                                file: "triggers.tsv",
                                column: "flags",
                                value: flag.into(),
                            });
                        }
                    },
                };
                *set = true;
            }
            // a flag of verbs on a noun, or of nouns on a verb, would do nothing
            if ((trigger.we || trigger.apart) && pos != Pos::Verb) || (trigger.adverbial && pos != Pos::Noun)
            {
                return Err(LexiconError::Value {
                    file: "triggers.tsv",
                    column: "flags",
                    value: f[5].into(),
                });
            }
            lex.triggers.insert(f[0], trigger);
        }
        for (order, row) in tsv_rows(modes).skip(1).enumerate() {
            let f = columns("modes.tsv", row, 4)?;
            let mut applies = Vec::new();
            for a in f[1].split(',').map(str::trim) {
                let (c, m) = match a.split_once('/') {
                    Some((c, m)) => (c, Some(m.to_string())),
                    None => (a, None),
                };
                applies.push((category("modes.tsv", c)?, m));
            }
            let refiner = Refiner {
                word: f[0].to_string(),
                applies,
                category: category("modes.tsv", f[2])?,
                mode: f[3].to_string(),
                order,
            };
            lex.refiners.entry(entry_key(f[0])).or_insert(refiner);
        }
        for row in tsv_rows(markers).skip(1) {
            let f = columns("markers.tsv", row, 2)?;
            if f[1] == "sequel" {
                lex.sequels.push(f[0].split_whitespace().map(entry_key).collect());
                continue;
            }
            let role = match f[1] {
                "future" => Marker::Future,
                "intent" => Marker::Intent,
                "negation" => Marker::Negation,
                "hypothetical" => Marker::Hypothetical,
                "possibility" => Marker::Possibility,
                "still" => Marker::Still,
                "boundary" => Marker::Boundary,
                "reference" => Marker::Reference,
                "onset" => Marker::Onset,
                "demonstrative" => Marker::Demonstrative,
                "inquiry" => Marker::Inquiry,
                "inquiry-frame" => Marker::InquiryFrame,
                v => {
                    return Err(LexiconError::Value { file: "markers.tsv", column: "role", value: v.into() });
                }
            };
            lex.markers.insert(f[0], role);
        }
        lex.mark_masculine();
        lex.firsts = (lex.triggers.map.keys().chain(lex.markers.map.keys()).chain(lex.refiners.keys()))
            .cloned()
            .collect();
        Ok(lex)
    }

    /// Marks the verbs in the third person masculine singular ([`Trigger::masculine`]): a
    /// first word beginning with ي (يطالب), or one the table also has with the feminine ت
    /// after it (اتهم, اتهمت) or in place of its last long vowel (دعا, دعت; نفى, نفت).
    fn mark_masculine(&mut self) {
        let verbs: FxHashSet<(String, Option<Category>)> = self
            .triggers
            .map
            .iter()
            .flat_map(|(first, list)| {
                list.iter().filter(|(_, t)| t.pos == Pos::Verb).map(|(_, t)| (first.clone(), t.category))
            })
            .collect();
        for (first, list) in &mut self.triggers.map {
            let feminine = |form: String, c| verbs.contains(&(form, c));
            for (_, t) in list.iter_mut().filter(|(_, t)| t.pos == Pos::Verb) {
                // (not a dual: اتفقا beside اتفق)
                let shortened = first
                    .strip_suffix(['ا', 'ي'])
                    .filter(|stem| !verbs.contains(&(stem.to_string(), t.category)))
                    .map(|stem| format!("{stem}ت"));
                t.masculine = first.starts_with('ي')
                    || feminine(format!("{first}ت"), t.category)
                    || shortened.is_some_and(|f| feminine(f, t.category));
            }
        }
    }

    /// Reads `registers.tsv` into the tables.
    pub fn add_registers(&mut self, registers: &str) -> Result<(), LexiconError> {
        for row in tsv_rows(registers).skip(1) {
            let f = columns("registers.tsv", row, 3)?;
            let bad = |column: &'static str, v: &str| LexiconError::Value {
                file: "registers.tsv",
                column,
                value: v.into(),
            };
            let register = match (f[1], f[2]) {
                ("game", "1") => Register::Game(1),
                ("game", "2") => Register::Game(2),
                ("game", w) => return Err(bad("weight", w)),
                ("armed", "-") => Register::Armed,
                ("state", "-") => Register::State,
                ("armed" | "state", w) => return Err(bad("weight", w)),
                (r, _) => return Err(bad("register", r)),
            };
            self.registers.insert(f[0], register);
        }
        self.firsts.extend(self.registers.map.keys().cloned());
        Ok(())
    }

    /// Reads `roles.tsv` into the tables.
    pub fn add_roles(&mut self, roles: &str) -> Result<(), LexiconError> {
        for row in tsv_rows(roles).skip(1) {
            let f = columns("roles.tsv", row, 2)?;
            let role = Role::parse(f[1]).ok_or_else(|| LexiconError::Value {
                file: "roles.tsv",
                column: "role",
                value: f[1].into(),
            })?;
            let word = Normalizer::analysis().normalize_str(f[0]);
            *self.roles.entry(word).or_default() |= role.bit();
        }
        Ok(())
    }

    /// Whether `word` (normalised, as the text's words are read) has `role` in `roles.tsv`
    /// (the event layer reads the roles of a word's form once: [`Lexicon::roles_of`]).
    #[cfg(test)]
    pub fn is(&self, word: &str, role: Role) -> bool {
        self.roles_of(word) & role.bit() != 0
    }

    /// The roles `word` has in `roles.tsv`, as bits ([`Role::bit`]).
    pub fn roles_of(&self, word: &str) -> u32 {
        self.roles.get(word).copied().unwrap_or(0)
    }

    /// Whether one of `forms` starts a phrase of the tables, or is a refiner:
    /// when not, none of the tables has anything under them.
    pub fn may_start(&self, forms: &Forms<'_>) -> bool {
        forms.find_map(|f| self.firsts.contains(f).then_some(())).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_roles_load_normalised() {
        let mut lex = Lexicon::default();
        lex.add_roles(ROLES).unwrap();
        // على is read as the normaliser writes it
        assert!(lex.is("علي", Role::Target) && lex.is("علي", Role::Preposition));
        assert!(!lex.is("مع", Role::Target) && lex.is("مع", Role::With));
        assert!(lex.is("ايدي", Role::Hand));
        assert!(Lexicon::default().add_roles("word\trole\nفي\tnowhere\n").is_err());
    }

    #[test]
    fn shipped_tables_load() {
        let lex = Lexicon::parse(TRIGGERS, MODES, MARKERS).unwrap();
        assert!(lex.triggers.len() > 300);
        let hits = lex.triggers.starting(&Forms::of("اشتباكات")).unwrap();
        assert_eq!(hits[0].1.category, Some(Category::Fight));
        assert_eq!(lex.refiners.get(&entry_key("انتحاري")).map(|r| r.category), Some(Category::Assault));
    }

    #[test]
    fn registers_load_with_their_weights() {
        let lex = Lexicon::builtin();
        let first = |w: &str| lex.registers.starting(&Forms::of(&entry_key(w))).map(|l| l[0].clone());
        assert_eq!(first("مباراة"), Some((vec![], Register::Game(2))));
        assert_eq!(first("الدوري"), None, "entries are keyed without the article");
        // دوري alone weighs 1; دوري أبطال, longer, comes first and weighs 2
        let league = lex.registers.starting(&Forms::of(&entry_key("دوري"))).unwrap();
        assert_eq!(league[0], (vec![entry_key("ابطال")], Register::Game(2)));
        assert!(league.contains(&(vec![], Register::Game(1))));
        assert_eq!(first("كرة"), Some((vec![entry_key("القدم")], Register::Game(2))));
        assert_eq!(first("قذائف"), Some((vec![], Register::Armed)));
        assert_eq!(first("وزارة"), Some((vec![], Register::State)));
        let mut lex = Lexicon::default();
        let head = "phrase\tregister\tweight\n";
        let err = lex.add_registers(&format!("{head}مباراة\tgame\t3\n"));
        assert!(matches!(err, Err(LexiconError::Value { column: "weight", .. })));
        let err = lex.add_registers(&format!("{head}مباراة\tsport\t2\n"));
        assert!(matches!(err, Err(LexiconError::Value { column: "register", .. })));
        let err = lex.add_registers(&format!("{head}قصف\tarmed\t1\n"));
        assert!(matches!(err, Err(LexiconError::Value { column: "weight", .. })));
    }

    #[test]
    fn no_marker_hides_another_behind_its_article() {
        // a text word is looked up without its article first: a marker `X` would hide the
        // marker `الX` of another role (امر, a frame of inquiry, hid الأمر الذي, a boundary)
        let lex = Lexicon::builtin();
        for (first, list) in &lex.markers.map {
            let Some(bare) = first.strip_prefix("ال") else { continue };
            if let Some(other) = lex.markers.map.get(bare) {
                let roles = |l: &[(Vec<String>, Marker)]| l.iter().map(|e| e.1).collect::<Vec<_>>();
                assert_eq!(roles(other), roles(list), "{bare} hides {first}");
            }
        }
    }

    #[test]
    fn masculine_verbs_are_derived_from_the_table() {
        let lex = Lexicon::builtin();
        let masculine = |word: &str| {
            let list = lex.triggers.map.get(&entry_key(word)).expect(word);
            list.iter().find(|(rest, t)| rest.is_empty() && t.pos == Pos::Verb).expect(word).1.masculine
        };
        // with ي, beside the feminine with ت, or with ت in place of the last long vowel
        for word in ["يطالب", "اتهم", "طالب", "دعا", "نفى"] {
            assert!(masculine(word), "{word}");
        }
        // the feminine, the plural and the dual (اتفقا beside اتفق) are not
        for word in ["اتهمت", "دعت", "تطالب", "اتهموا", "اتفقا"] {
            assert!(!masculine(word), "{word}");
        }
    }

    #[test]
    fn longest_phrase_first() {
        let lex = Lexicon::builtin();
        let hits = lex.triggers.starting(&Forms::of("وقف")).unwrap();
        assert!(hits.windows(2).all(|w| w[0].0.len() >= w[1].0.len()));
        assert!(hits.iter().any(|(rest, _)| *rest == [entry_key("لاطلاق"), entry_key("النار")]));
    }

    #[test]
    fn word_forms() {
        let f = Forms::of("نفته");
        assert!(f.contains("نفت"));
        assert!(Forms::of("مسؤوليتها").contains(&entry_key("مسؤولية")));
        // a ة is not the pronoun ه: سيطرة is not سيطر + ه
        assert!(!Forms::of("سيطرة").contains("سيطر"));
        assert!(Forms::of("سيطرتها").contains(&entry_key("سيطرة")));
        assert!(Forms::of("قصفا").contains("قصف"));
        // short words keep their letters
        assert!(!Forms::of("له").contains("ل"));
    }

    proptest::proptest! {
        /// `Forms::have` is `Forms::of(..).contains(..)`: for words with and without the
        /// suffixes and endings the forms cut, against their own forms and other words.
        #[test]
        fn have_is_contains_of_the_forms(
            stem in "[اتةهؤئبسطرقصفنميو]{0,6}",
            ending in proptest::sample::select(vec!["", "ا", "ه", "ها", "هم", "هما", "نا", "ته", "تها", "ة"]),
            other in "[اتهويبسطرقصفنم]{0,7}",
        ) {
            let word = format!("{stem}{ending}");
            let forms = Forms::of(&word);
            for f in forms.forms.iter().flatten() {
                proptest::prop_assert!(Forms::have(&word, f), "{} {}", word, f);
            }
            proptest::prop_assert_eq!(Forms::have(&word, &other), forms.contains(&other));
        }
    }

    #[test]
    fn bad_rows_are_typed_errors() {
        let head = "phrase\ttype\tmode\trank\tpos\tflags\n";
        let err = Lexicon::parse(&format!("{head}قصف\tBATTLE\tshelling\t2\tnoun\t-\n"), "", "");
        assert!(matches!(err, Err(LexiconError::Value { column: "type", .. })));
        let err = Lexicon::parse(&format!("{head}قصف\tFIGHT\tshelling\n"), "", "");
        assert!(matches!(err, Err(LexiconError::Columns { .. })));
        let err = Lexicon::parse(&format!("{head}قصف\tFIGHT\tshelling\t2\tnoun\tsometimes\n"), "", "");
        assert!(matches!(err, Err(LexiconError::Value { column: "flags", .. })));
        // a flag of verbs on a noun, or of nouns on a verb
        let err = Lexicon::parse(&format!("{head}دعوة\tAPPEAL\tappeal\t5\tnoun\twe\n"), "", "");
        assert!(matches!(err, Err(LexiconError::Value { column: "flags", .. })));
        let err = Lexicon::parse(&format!("{head}دعا\tAPPEAL\tappeal\t5\tverb\tadverbial\n"), "", "");
        assert!(matches!(err, Err(LexiconError::Value { column: "flags", .. })));
    }
}
