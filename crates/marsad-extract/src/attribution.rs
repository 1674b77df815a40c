//! Attribution: who asserts what a sentence reports (the claimant), and which news agencies
//! carry it (reported_by). Shared by the casualty and event layers.
//!
//! The module reads a sentence as [`Word`]s (keyed forms and the entity each word belongs to)
//! and finds its *cues*, from the words of `data/attribution/cues.tsv`:
//! - **speech** (`speech-after`): a verb of saying and the first person, body or country after
//!   it, before a complementiser (`قالت وزارة الدفاع الأرمنية إن`, `وذكر المرصد السوري لحقوق
//!   الإنسان، الثلاثاء، أن`); a body named by a nisba only (`السلطات الأذرية`) speaks for its
//!   country;
//! - **speech** (`speech-before`): with no subject after it, a person or body just before the
//!   verb (`إن مستشفى ريف دمشق التخصصي أكد`);
//! - **a definite noun as subject** (`speech-after` or `anonymous`): a definite noun right
//!   after the verb that is no known name (`وقالت المنظمة`, `وأعلنت الشرطة`) is the subject:
//!   the earlier claimant with that word in its name (`منظمة الصليب الأحمر`), else a speaker
//!   left unnamed; not the pronoun's referent (a time, `وقال الثلاثاء`, is no subject);
//! - **pronoun** (`pronoun`): with no subject at all, the last claimant of the verb's gender in
//!   the paragraph, else in the article (`وأضافت` → the ministry, `وأضاف` → the observatory);
//!   a second verb in a sentence takes the sentence's speaker, named or not (`نقلت ... عن
//!   مسؤولين ... قولهم`);
//! - **relay** (`نقلت X عن Y`): Y claims; when X is no known name, the `عن` is looked for
//!   further on (`ونقلت خدمة «دي إيه إن» الإخبارية عن مسؤولين`), and an unnamed Y leaves the
//!   figure with no claimant rather than an earlier one;
//! - **source** (`source`): "according to" and the name after it (`بحسب تصريحات ... نيكول
//!   باشينيان`, `حسبما أعلنت وزارة الصحة`); a news agency there, or as the subject of a verb of
//!   saying, reports (`reported_by`) and claims only when no one else is named;
//! - **spoken to** an agency: a verb of saying with ل and a news agency after it (`قال
//!   الناطق باسم الشرطة لوكالة فرانس برس إن`, `أفاد مدير المستشفى لسانا`): it reports;
//! - **statement** (`statement`): `بيان`, `بيانات باكو`: the owner after it, else the last
//!   claimant (`وأوضح البيان`);
//! - **anonymous**: an unnamed speaker (`مصدر عسكري`, `مصادر محلية`, `ناشطون`): a cue with no
//!   claimant, so that no earlier claimant is carried over;
//! - `المتحدث باسم الجيش` speaks for the army.
//!
//! A figure is governed by the nearest cue before it in its sentence, else by the nearest one
//! after it (`..., حسبما أعلنت وزارة الصحة`); a sentence with no cue continues the paragraph's
//! last statement (`carried`).

use std::borrow::Cow;
use std::sync::LazyLock;

use marsad_kb::names::key;
use marsad_kb::{EntityType, EntryId, Kb, TitleKind};
use marsad_text::{AnalysedToken, Normalized, Normalizer, Span, TokenKind};
use rustc_hash::FxHashMap;

use crate::entities::Entity;
use crate::lexicon::tsv_rows;

const CUES: &str = include_str!("../../../data/attribution/cues.tsv");

/// A side or a claimant: an entity of the article, a country the article does not name as
/// such (`Armenia` from `الأرمينية`), or both warring sides.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Party {
    /// An index into the article's entities.
    Entity(usize),
    /// An English name.
    Name(String),
    /// Both warring sides (a side only).
    Both,
}

/// A token as the rules see it; its forms borrow from the normalised text (keying copies a
/// word only when it folds a letter).
#[derive(Clone, Debug)]
pub struct Word<'n> {
    pub span: Span,
    pub kind: TokenKind,
    /// Keyed without conjunctions (وأرمينيا → ارمينيا).
    pub bare: Cow<'n, str>,
    /// Keyed without any proclitic (بمقتل → مقتل).
    pub stem: Cow<'n, str>,
    /// The entity whose mention covers the token.
    pub entity: Option<usize>,
    /// The token's index in the tokens the words were made from: what is worked out once per
    /// token of an article (a layer's look-ups of its form) is found by it.
    pub index: usize,
    /// It was written with the conjunction fa (فقالت).
    pub fa: bool,
    /// It was written with the conjunction wa (وإصابة, و116).
    pub wa: bool,
    /// It was written with a preposition li or bi (لوكالة, بوزارة).
    pub prep: bool,
}

impl Word<'_> {
    /// Sentence-internal punctuation that ends a clause.
    pub fn is_stop(&self) -> bool {
        self.kind == TokenKind::Punct
            && [".", "،", ",", "؛", ";", ":", "(", ")", "!", "؟", "?"].contains(&self.bare.as_ref())
    }

    /// A comma, Arabic or Latin.
    pub fn is_comma(&self) -> bool {
        self.kind == TokenKind::Punct && matches!(self.bare.as_ref(), "،" | ",")
    }

    /// A quotation mark (`"`, `«`, `»`, `“`, `”`): words are quoted inside a clause
    /// (`قتل 3 من "الإرهابيين"`).
    pub fn is_quote(&self) -> bool {
        self.kind == TokenKind::Punct && ["\"", "«", "»", "“", "”"].contains(&self.bare.as_ref())
    }

    /// A full stop, a semicolon, a colon or a question mark: punctuation a subject is not
    /// searched past (a comma is: `وذكر المرصد، الثلاثاء، أن`).
    pub fn is_hard_stop(&self) -> bool {
        self.kind == TokenKind::Punct && [".", "؛", ";", ":", "!", "؟", "?"].contains(&self.bare.as_ref())
    }
}

/// The entity index of each token (`None` outside mentions).
pub fn entity_of_tokens(tokens: &[AnalysedToken], entities: &[Entity]) -> Vec<Option<usize>> {
    let mut mentions: Vec<(Span, usize)> =
        entities.iter().enumerate().flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.span, i))).collect();
    mentions.sort_by_key(|(s, _)| s.start());
    // the furthest end of the mentions up to each: a token that starts there or after it
    // overlaps none of them (most tokens), and is spared looking back over them
    let reach: Vec<usize> = mentions
        .iter()
        .scan(0, |r, (m, _)| {
            *r = m.end().max(*r);
            Some(*r)
        })
        .collect();
    let mut before = MentionsBefore::default();
    tokens
        .iter()
        .map(|t| {
            let s = t.token.span;
            let k = before.count(&mentions, s.end(), |(m, _)| m.start());
            if k.checked_sub(1).and_then(|j| reach.get(j)).is_none_or(|&r| r <= s.start()) {
                return None;
            }
            mentions[..k].iter().rev().take(8).find(|(m, _)| m.overlaps(s)).map(|&(_, i)| i)
        })
        .collect()
}

/// How many of a list sorted by start begin before a position, for positions read in text
/// order: the count of the last position moved forward (a token's mentions are a few steps
/// on from the previous token's), a binary search only when a position goes back.
#[derive(Default)]
pub(crate) struct MentionsBefore {
    count: usize,
    last: usize,
}

impl MentionsBefore {
    /// The number of `items` (sorted by `start`) whose start is before `end`.
    pub(crate) fn count<T>(&mut self, items: &[T], end: usize, start: impl Fn(&T) -> usize) -> usize {
        if end < self.last {
            self.count = items.partition_point(|x| start(x) < end);
        } else {
            while items.get(self.count).is_some_and(|x| start(x) < end) {
                self.count += 1;
            }
        }
        self.last = end;
        self.count
    }
}

/// Whether the first letter of token `t`, of a mention of `entity`, is the name's and no
/// preposition (بلير is Blair, not ب + لير; the text layer cannot tell): a mention of a person
/// known to the knowledge base or named in full starts with the word, after its conjunction.
/// Not for a single unknown word, which may be a preposition and a noun the entity layer took
/// for a name (بزوجها), nor for ل with the article (للحوثي), which a mention cannot leave out.
pub fn name_letter(t: &AnalysedToken, norm: &Normalized<'_>, entity: Option<&Entity>) -> bool {
    entity.is_some_and(|e| {
        e.etype == EntityType::Person
            && !(t.has(marsad_text::Proclitic::Li) && t.has(marsad_text::Proclitic::Al))
            && (e.kb.is_some() || e.name_ar.split_whitespace().nth(1).is_some())
            && e.mentions.iter().any(|m| m.span.start() == t.start_without_conjunction(norm))
    })
}

/// The words of `tokens[range]`, with `entity_of` from [`entity_of_tokens`] over `entities`.
pub fn words<'n>(
    norm: &'n Normalized<'_>,
    tokens: &[AnalysedToken],
    entities: &[Entity],
    entity_of: &[Option<usize>],
    range: std::ops::Range<usize>,
) -> Vec<Word<'n>> {
    let tokens = tokens.get(range.clone()).unwrap_or_default();
    range
        .zip(tokens)
        .map(|(i, t)| {
            let entity = entity_of.get(i).copied().flatten();
            word(norm, t, i, entity, entities, |w| norm.key_of(w))
        })
        .collect()
}

/// The word of token `tokens[i]` alone, outside any entity: what a layer looks up once per
/// form. Its keys are made from the word itself, not read in the article's keyed view
/// ([`Normalized::key_of`]), which a layer that reads no sentence then never makes.
pub fn word_alone<'n>(norm: &'n Normalized<'_>, tokens: &[AnalysedToken], i: usize) -> Option<Word<'n>> {
    tokens.get(i).map(|t| word(norm, t, i, None, &[], marsad_text::key))
}

fn word<'n>(
    norm: &'n Normalized<'_>,
    t: &AnalysedToken,
    index: usize,
    entity: Option<usize>,
    entities: &[Entity],
    key: impl Fn(&'n str) -> Cow<'n, str>,
) -> Word<'n> {
    let n = norm.text();
    let (mut fa, mut wa, mut prep) = (false, false, false);
    for (p, _) in t.segmentation.iter().flat_map(|s| s.proclitics()) {
        match p {
            marsad_text::Proclitic::Fa => fa = true,
            marsad_text::Proclitic::Wa => wa = true,
            marsad_text::Proclitic::Li | marsad_text::Proclitic::Bi => prep = true,
            _ => {}
        }
    }
    if prep && name_letter(t, norm, entity.and_then(|e| entities.get(e))) {
        prep = false;
    }
    Word {
        span: t.token.span,
        kind: t.token.kind,
        bare: key(t.bare(n)),
        stem: key(t.stem(n)),
        entity,
        index,
        fa,
        wa,
        prep,
    }
}

/// The token range of a sentence.
pub fn sentence_range(tokens: &[AnalysedToken], sentence: Span) -> std::ops::Range<usize> {
    let lo = tokens.partition_point(|t| t.token.span.start() < sentence.start());
    let hi = tokens.partition_point(|t| t.token.span.start() < sentence.end());
    lo..hi
}

/// The role of a cue word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Speech,
    Source,
    Statement,
    Anonymous,
    Complement,
    OnBehalf,
}

/// Grammatical gender, of a verb's agreement or of a claimant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Masculine,
    Feminine,
}

/// A cue word's entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueWord {
    pub role: Role,
    pub gender: Option<Gender>,
    /// A verb of relaying (`نقلت`, role `relay` in the table, a [`Role::Speech`] otherwise):
    /// the name after its `عن` is who claims, its subject only passes it on.
    pub relay: bool,
    /// A body or a person of no name (`منظمات`, `ضابط`: roles `body` and `person` in the
    /// table, a [`Role::Anonymous`] otherwise): with the article it is what the text speaks of
    /// (`الجماعات الإسلامية`) or a title (`الطبيب أمين رحمن مجدي`), not a source named before
    /// (`المصادر`).
    pub body: bool,
    /// A body of no name (role `body`: `مجموعة`, `متطوعو`), which the name after it may name
    /// (`متطوعو الدفاع المدني السوري`); a person of no name from a body stays unnamed (`ضابط في
    /// الشرطة`, like `مصدر في وزارة الدفاع`).
    pub collective: bool,
}

/// A row of `cues.tsv` that cannot be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CueError {
    #[error("cues.tsv: row {0:?} has too few columns")]
    Columns(String),
    #[error("cues.tsv: unknown {column} {value:?}")]
    Value { column: &'static str, value: String },
}

/// The cue table, keyed.
#[derive(Debug, Default)]
pub struct Cues {
    words: FxHashMap<String, CueWord>,
}

impl Cues {
    /// The table shipped in `data/attribution/cues.tsv`.
    pub fn builtin() -> &'static Cues {
        static BUILTIN: LazyLock<Cues> =
            LazyLock::new(|| Cues::parse(CUES).expect("data/attribution/cues.tsv loads (tested)"));
        &BUILTIN
    }

    /// Reads the table from its text.
    pub fn parse(src: &str) -> Result<Cues, CueError> {
        let mut words = FxHashMap::default();
        for row in tsv_rows(src).skip(1) {
            if row.len() < 3 {
                return Err(CueError::Columns(row.join("\t")));
            }
            let role = match row[1] {
                "speech" | "relay" => Role::Speech,
                "source" => Role::Source,
                "statement" => Role::Statement,
                "anonymous" | "body" | "person" => Role::Anonymous,
                "complement" => Role::Complement,
                "on-behalf" => Role::OnBehalf,
                v => return Err(CueError::Value { column: "role", value: v.into() }),
            };
            let gender = match row[2] {
                "m" => Some(Gender::Masculine),
                "f" => Some(Gender::Feminine),
                "-" => None,
                v => return Err(CueError::Value { column: "gender", value: v.into() }),
            };
            let k = key(&Normalizer::analysis().normalize_str(row[0])).into_owned();
            let (body, collective) = (matches!(row[1], "body" | "person"), row[1] == "body");
            words.insert(k, CueWord { role, gender, relay: row[1] == "relay", body, collective });
        }
        Ok(Cues { words })
    }

    /// The cue a word is, looked up without its conjunction; a statement noun also with its
    /// article (البيان); a definite unnamed source (المصدر ذاته) points back to the last
    /// statement, like البيان, but not a definite plural body (الجماعات الإسلامية).
    pub fn get(&self, w: &Word) -> Option<CueWord> {
        self.of_keys(w.kind, &w.bare, &w.stem)
    }

    /// Whether a word names a document (`البيان`, `تقرير`, `حصيلة`), not people the article
    /// quoted before (`المسؤولين`), which [`Cues::get`] also reads as a statement.
    pub fn is_document(&self, w: &Word) -> bool {
        w.kind == TokenKind::Arabic
            && [w.bare.as_ref(), w.stem.as_ref()]
                .iter()
                .any(|k| self.words.get(*k).is_some_and(|c| c.role == Role::Statement))
    }

    /// [`Cues::get`] for a word given by its kind and keys (without conjunctions, without any
    /// proclitic).
    pub fn of_keys(&self, kind: TokenKind, bare: &str, stem: &str) -> Option<CueWord> {
        if kind != TokenKind::Arabic {
            return None;
        }
        if let Some(c) = self.words.get(bare) {
            return Some(*c);
        }
        let c = self.words.get(stem)?;
        match c.role {
            Role::Statement => Some(*c),
            Role::Anonymous if bare.starts_with("ال") && !c.body => Some(CueWord {
                role: Role::Statement,
                gender: None,
                relay: false,
                body: false,
                collective: false,
            }),
            _ => None,
        }
    }
}

/// One cue of a sentence and whom it names.
#[derive(Clone, Debug, PartialEq)]
pub struct Cue {
    /// The index of the cue word in the sentence's words.
    pub at: usize,
    pub role: Role,
    /// Who asserts, `None` for an unnamed speaker.
    pub claimant: Option<Party>,
    /// How the claimant was found: `speech-after`, `speech-before`, `pronoun`, `source`,
    /// `statement` (the owner of a statement named before), `statement-last` (a statement of
    /// no known owner: the last claimant's), `anonymous`.
    pub rule: &'static str,
    /// "According to" (`بحسب`, `حسبما أعلنت`, `على ما أفاد`): it governs the figures of the
    /// clause before it too.
    pub trailing: bool,
}

/// The attribution of one sentence.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attribution {
    /// The cues, in word order.
    pub cues: Vec<Cue>,
    /// The news agencies the sentence cites (entity indexes).
    pub reported_by: Vec<usize>,
    /// The claimant carried over from the paragraph's previous statement, for words no cue
    /// governs.
    pub carried: Option<Party>,
    /// Word indexes of complementisers (`إن`, `أن`): reported content starts after them.
    pub complements: Vec<usize>,
    /// People named right after a body they serve (`المستشار الأمني في حكومة الوفاق الليبية،
    /// هاشم بشر`): (person, body), entity indexes.
    pub affiliations: Vec<(usize, usize)>,
}

impl Attribution {
    /// Whether the sentence is reported speech (it has a cue of its own).
    pub fn is_reported(&self) -> bool {
        !self.cues.is_empty()
    }

    /// The cue governing the word at `i`: an "according to" after it in the same reported
    /// clause (no complementiser between), else the nearest cue before it, else the nearest
    /// after it.
    pub fn cue_at(&self, i: usize) -> Option<&Cue> {
        let after = self.cues.iter().find(|c| c.at > i);
        if let Some(c) = after
            && c.trailing
            && !self.complements.iter().any(|&k| k > i && k < c.at)
        {
            return Some(c);
        }
        self.cues.iter().rev().find(|c| c.at <= i).or(after)
    }

    /// Whether the word at `i` (of `words`, the sentence's) tells when something was said,
    /// not what was said: it lies between a verb of saying and the complementiser that opens
    /// what is said (`وذكر المرصد السوري، الثلاثاء، أن 21 عنصرا قتلوا ليل الاثنين`), or in
    /// the clause of an "according to" verb (`حسبما أوردته مصادر إعلامية اليوم السبت`), with
    /// no full stop between. A verb of saying with no complementiser (`أعلن الجيش الثلاثاء
    /// مقتل 3 جنود`) frames nothing: what it announces may be of the same day.
    pub fn frames_saying(&self, words: &[Word], i: usize) -> bool {
        self.cues.iter().any(|c| {
            let verb = c.role == Role::Speech || (c.trailing && c.role != Role::Source);
            if !verb || c.at >= i || words.get(c.at + 1..i).is_none_or(|w| w.iter().any(Word::is_hard_stop)) {
                return false;
            }
            // (the complementiser of this verb: before the next one's, and no verbal أن after
            // بعد or قبل)
            let next = self.cues.iter().find(|d| d.at > c.at).map_or(usize::MAX, |d| d.at);
            let opened = self.complements.iter().find(|&&k| k > c.at).filter(|&&k| {
                k < next
                    && !matches!(
                        words[k - 1].bare.as_ref(),
                        "قبل" | "بعد" | "منذ" | "حتي" | "حتى" | "دون" | "بدون"
                    )
            });
            match opened {
                Some(&k) => i < k,
                None => c.trailing && !words[c.at + 1..i].iter().any(Word::is_stop),
            }
        })
    }

    /// The claimant of a figure at word `i`.
    pub fn claimant_at(&self, i: usize) -> Option<&Party> {
        match self.cue_at(i) {
            Some(c) => c.claimant.as_ref(),
            None => self.carried.as_ref(),
        }
    }
}

/// Reads the sentences of one article in order, carrying claimants over.
pub struct Attributor<'a> {
    entities: &'a [Entity],
    kb: &'a Kb,
    cues: &'a Cues,
    block: usize,
    /// The paragraph's last claimant.
    last: Option<Party>,
    /// The last claimant of each gender, in the paragraph and in the article.
    last_m: Option<Party>,
    last_f: Option<Party>,
    article_m: Option<Party>,
    article_f: Option<Party>,
    /// The article's last claimant.
    article: Option<Party>,
    /// The article's last person to claim (for `وأكدت وزيرة الدولة لشؤون الإعلام أن`).
    article_person: Option<Party>,
    /// The claimants named so far, latest last (a few dozen at most: one per cue), for a
    /// definite noun that refers back to one by its head (`وأضافت الوزارة`).
    recent: Vec<Party>,
    /// The words of the mentions read so far (without the article), with their entity.
    heads: FxHashMap<String, Vec<usize>>,
    /// The owner of the last statement of each noun (`تقرير للأمم المتحدة`), for `التقرير`
    /// later.
    owners: Vec<(String, Party)>,
    /// Words a subject is not searched past (the caller's content words: a casualty trigger
    /// in `أعلن مساء السبت مقتل عشرة إرهابيين من بوكو حرام`).
    barrier: Option<&'a dyn Fn(&Word) -> bool>,
}

impl<'a> Attributor<'a> {
    pub fn new(entities: &'a [Entity], kb: &'a Kb) -> Attributor<'a> {
        Attributor {
            entities,
            kb,
            cues: Cues::builtin(),
            block: usize::MAX,
            last: None,
            last_m: None,
            last_f: None,
            article_m: None,
            article_f: None,
            article: None,
            article_person: None,
            recent: Vec::new(),
            heads: FxHashMap::default(),
            owners: Vec::new(),
            barrier: None,
        }
    }

    /// Stops subject searches at the words `barrier` accepts.
    pub fn with_barrier(mut self, barrier: &'a dyn Fn(&Word) -> bool) -> Attributor<'a> {
        self.barrier = Some(barrier);
        self
    }

    /// The cue of word `i`: the table's, or a verb of saying with the pronoun that takes up
    /// `ما` before it (`بحسب ما أكدته ثلاثة مصادر`, `وفق ما ذكره المرصد`), which the table has
    /// without the pronoun.
    fn cue_at(&self, words: &[Word], i: usize) -> Option<CueWord> {
        self.cues.get(words.get(i)?).or_else(|| self.resumptive_cue(words, i))
    }

    fn resumptive_cue(&self, words: &[Word], i: usize) -> Option<CueWord> {
        let before = words.get(i.checked_sub(1)?)?;
        if !matches!(before.bare.as_ref(), "ما" | "حسبما" | "وفقما" | "كما") {
            return None;
        }
        let w = words.get(i)?;
        let verb = w.bare.strip_suffix("ها").or_else(|| w.bare.strip_suffix('ه'))?;
        self.cues.of_keys(w.kind, verb, verb).filter(|c| c.role == Role::Speech)
    }

    fn is_barrier(&self, w: &Word) -> bool {
        self.barrier.is_some_and(|b| b(w))
    }

    /// The attribution of the next sentence, in paragraph `block` (a claimant carries over
    /// within a paragraph only; a pronoun may reach back to earlier paragraphs).
    pub fn sentence(&mut self, words: &[Word], block: usize) -> Attribution {
        if block != self.block {
            self.block = block;
            self.last = None;
            self.last_m = None;
            self.last_f = None;
        }
        let mut out = Attribution { carried: self.last.clone(), ..Attribution::default() };
        // the words of each mention (منظمة in منظمة الصليب الأحمر, الداخلية in وزارة
        // الداخلية), for a definite noun that refers back to its entity (وقالت المنظمة)
        for w in words {
            if let Some(e) = w.entity
                && w.kind == TokenKind::Arabic
            {
                let head = w.stem.strip_prefix("ال").unwrap_or(&w.stem);
                match self.heads.get_mut(head) {
                    Some(es) if !es.contains(&e) => es.push(e),
                    Some(_) => {}
                    None => {
                        self.heads.insert(head.to_string(), vec![e]);
                    }
                }
            }
        }
        let mut i = 0;
        while i < words.len() {
            let w = &words[i];
            let Some(cue) = self.cue_at(words, i) else {
                i += 1;
                continue;
            };
            // a negated verb of saying asserts nothing and names no speaker to go on with
            // (`ولم تعلن أي جهة مسؤوليتها`)
            if cue.role == Role::Speech
                && i.checked_sub(1).is_some_and(|k| matches!(words[k].bare.as_ref(), "لم" | "لن"))
            {
                i += 1;
                continue;
            }
            match cue.role {
                Role::Complement => {
                    out.complements.push(i);
                    i += 1;
                }
                Role::Speech | Role::Source | Role::Statement => {
                    // a statement's owner follows it closely (بيان وزارة الدفاع, بيان صادر عن
                    // الوزارة), not as the subject of a clause of its own (حصيلة الاشتباكات
                    // التي شهدتها العاصمة طرابلس)
                    let reach = if cue.role == Role::Statement { 4 } else { 10 };
                    let (mut subject, mut skip) = self.subject_after(words, i + 1, reach, &mut out);
                    // "ونقلت المصادر عن المستشار الأمني ... هاشم بشر": who is relayed claims
                    if cue.relay && words.get(skip).is_some_and(|v| v.bare == "عن") {
                        if let Subject::Agency(e) = subject
                            && !out.reported_by.contains(&e)
                        {
                            out.reported_by.push(e);
                        }
                        let (source, end) = self.subject_after(words, skip + 1, 10, &mut out);
                        // a statement with no owner after عن names no one either
                        if !matches!(source, Subject::None | Subject::Statement) {
                            (subject, skip) = (source, end);
                        }
                    } else if cue.relay
                        && matches!(subject, Subject::None)
                        && let Some(an) = (i + 1..words.len())
                            .take(12)
                            .take_while(|&k| !self.ends_relayer(words, k))
                            .find(|&k| words[k].bare == "عن")
                    {
                        // "ونقلت خدمة «دي إيه إن» الإخبارية عن مسؤولين": an unknown relayer; who
                        // is relayed claims, else no one named does (not an earlier claimant)
                        (subject, skip) = match self.subject_after(words, an + 1, 10, &mut out) {
                            (Subject::None | Subject::Statement, _) => (Subject::Anonymous, an + 1),
                            found => found,
                        };
                    }
                    // a claim of responsibility asserts a deed, not the figures told with it
                    // (أعلن تنظيم الدولة الإسلامية مسؤوليته عنها ... وأسفرت عن مقتل 130 شخصا)
                    if cue.role == Role::Speech
                        && !matches!(subject, Subject::None)
                        && words.get(skip..(skip + 2).min(words.len())).is_some_and(|after| {
                            after
                                .iter()
                                .any(|v| v.stem.starts_with("مسووليه") || v.stem.starts_with("مسووليت"))
                        })
                    {
                        i = skip;
                        continue;
                    }
                    // a subject just before the verb comes first (وكان الجيش قد أكد الخبر)
                    let before = (cue.role == Role::Speech && matches!(subject, Subject::None))
                        .then(|| self.subject_before(words, i))
                        .flatten();
                    if before.is_none()
                        && cue.role == Role::Speech
                        && matches!(subject, Subject::None)
                        && let Some(unnamed) = words.get(i + 1).and_then(|v| self.unnamed_subject(v))
                    {
                        (subject, skip) = (unnamed, i + 2);
                    }
                    let mut found = match subject {
                        Subject::Named(p) => Some((Some(p), "speech-after")),
                        Subject::Anonymous => Some((None, "anonymous")),
                        Subject::Agency(e) => {
                            if !out.reported_by.contains(&e) {
                                out.reported_by.push(e);
                            }
                            // "نقلت وكالة الأنباء عن وزارة الصحة": the source after عن
                            match self.subject_after(words, skip, 10, &mut out).0 {
                                Subject::Named(p) if words.get(skip).is_some_and(|v| v.bare == "عن") => {
                                    Some((Some(p), "speech-after"))
                                }
                                _ => Some((Some(Party::Entity(e)), "agency")),
                            }
                        }
                        // "بحسب حصيلة رسمية": an official figure of no named owner
                        Subject::Statement if words.get(i + 2).is_some_and(official) => {
                            Some((None, "anonymous"))
                        }
                        // "وقال التقرير": the owner of the last report, else the last claimant
                        Subject::Statement => match self.owner_of(&words[i + 1]) {
                            Some(p) => Some((Some(p), "statement")),
                            None => self.earlier(None).map(|p| (Some(p), "statement-last")),
                        },
                        Subject::None => None,
                    };
                    // the agency spoken to carries it (`قال الناطق باسم الشرطة لوكالة فرانس برس
                    // إن`, `أفاد مدير المستشفى لسانا`)
                    if cue.role == Role::Speech
                        && let Some(e) = words[skip.max(i + 1).min(words.len())..]
                            .iter()
                            .take(3)
                            .take_while(|v| !v.is_stop())
                            .find(|v| v.prep && v.bare.starts_with('ل'))
                            .and_then(|v| v.entity)
                            .filter(|&e| self.is_agency(e))
                        && !out.reported_by.contains(&e)
                    {
                        out.reported_by.push(e);
                    }
                    if cue.role == Role::Source {
                        found = found.map(|(p, r)| (p, if r == "speech-after" { "source" } else { r }));
                    }
                    if found.is_none() && cue.role == Role::Speech {
                        found = before.map(|p| (Some(p), "speech-before"));
                    }
                    if found.is_none() && cue.role == Role::Speech && self.anonymous_before(words, i) {
                        // "وكان مسؤول بمجلس شورى مقاتلي درنة قد صرح": a speaker of no name
                        found = Some((None, "anonymous"));
                    }
                    if found.is_none()
                        && cue.role == Role::Statement
                        && let Some(last) = out.cues.last()
                    {
                        // "وذكر مصدران أمنيان أن الحصيلة بلغت": the sentence's own speaker
                        found = Some((last.claimant.clone(), "statement"));
                    }
                    if found.is_none()
                        && cue.role != Role::Source
                        && let Some(last) = out.cues.last()
                    {
                        // a second verb of the sentence with no subject (نقلت ... عن مسؤولين
                        // قولهم): the sentence's speaker, named or not
                        let rule = if last.claimant.is_some() { "pronoun" } else { "anonymous" };
                        found = Some((last.claimant.clone(), rule));
                    }
                    if found.is_none()
                        && cue.role == Role::Speech
                        && i.checked_sub(1)
                            .is_some_and(|k| matches!(words[k].bare.as_ref(), "ما" | "حسبما" | "وفقما"))
                        && self.unknown_construct_subject(words, i + 1)
                    {
                        // "وفق ما أفادت هيئات الإسعاف": an unknown body says it, not an earlier
                        // claimant
                        found = Some((None, "anonymous"));
                    }
                    if found.is_none()
                        && cue.role == Role::Speech
                        && let Some(p) = self.opening_subject(words, i, cue.gender)
                    {
                        // "وتبنت حركة الشباب مسؤولية الهجمات، إذ قالت": the sentence's subject
                        found = Some((Some(p), "pronoun"));
                    }
                    if found.is_none()
                        && cue.role == Role::Statement
                        && words.get(i + 1).is_some_and(official)
                    {
                        found = Some((None, "anonymous"));
                    }
                    if found.is_none() && cue.role == Role::Statement && self.unowned_statement(words, i) {
                        // "حسب حصيلة جديدة": a statement of no owner named, not one told before
                        found = Some((None, "anonymous"));
                    }
                    if found.is_none() && cue.role != Role::Source {
                        // no subject named: the verb's pronoun, or the statement's owner
                        let gender = if cue.role == Role::Speech { cue.gender } else { None };
                        found = self.earlier(gender).map(|p| (Some(p), "pronoun"));
                    }
                    if let Some((claimant, rule)) = found {
                        if let Some(p) = &claimant {
                            self.remember(p.clone());
                            // "وثق تقرير حديث للأمم المتحدة": whose report it is
                            if rule == "speech-after"
                                && let Some(n) = words[i + 1..skip.max(i + 1)]
                                    .iter()
                                    .find(|v| self.cues.get(v).is_some_and(|c| c.role == Role::Statement))
                            {
                                let noun = Self::statement_noun(n);
                                self.owners.retain(|(k, _)| *k != noun);
                                self.owners.push((noun, p.clone()));
                            }
                        }
                        let before = i.checked_sub(1).map(|k| words[k].bare.as_ref());
                        let trailing = cue.role == Role::Source
                            || matches!(before, Some("ما" | "حسبما" | "وفقما" | "كما"))
                            || self.cues.get(w).is_some_and(|_| matches!(w.bare.as_ref(), "حسبما" | "وفقما"));
                        out.cues.push(Cue { at: i, role: cue.role, claimant, rule, trailing });
                    }
                    i = skip.max(i + 1);
                }
                _ => i += 1,
            }
        }
        // an agency claims only when no one else is named in the sentence
        if out.cues.iter().any(|c| c.rule != "agency" && c.claimant.is_some()) {
            out.cues.retain(|c| c.rule != "agency");
        }
        if let Some(c) = out.cues.iter().rev().find_map(|c| c.claimant.clone()) {
            self.last = Some(c);
        } else if out.cues.iter().any(|c| c.rule == "anonymous") {
            self.last = None;
        }
        out
    }

    /// The claimant a verb with no subject refers to: the last one of its gender in the
    /// paragraph, then in the article, then the last one of any gender.
    fn earlier(&self, gender: Option<Gender>) -> Option<Party> {
        let by_gender = match gender {
            Some(Gender::Masculine) => self.last_m.clone().or_else(|| self.article_m.clone()),
            Some(Gender::Feminine) => self.last_f.clone().or_else(|| self.article_f.clone()),
            None => None,
        };
        by_gender.or_else(|| self.last.clone()).or_else(|| self.article.clone())
    }

    /// A statement noun without its article (التقرير → تقرير).
    fn statement_noun(w: &Word) -> String {
        w.stem.strip_prefix("ال").unwrap_or(&w.stem).to_string()
    }

    /// The owner of the last statement named by the same noun.
    fn owner_of(&self, w: &Word) -> Option<Party> {
        let noun = Self::statement_noun(w);
        self.owners.iter().rev().find(|(k, _)| *k == noun).map(|(_, p)| p.clone())
    }

    fn remember(&mut self, p: Party) {
        self.recent.retain(|q| *q != p);
        self.recent.push(p.clone());
        if let Party::Entity(i) = p
            && self.entities[i].etype == EntityType::Person
        {
            self.article_person = Some(p.clone());
        }
        self.last = Some(p.clone());
        self.article = Some(p.clone());
        match self.gender(&p) {
            Gender::Masculine => {
                self.last_m = Some(p.clone());
                self.article_m = Some(p);
            }
            Gender::Feminine => {
                self.last_f = Some(p.clone());
                self.article_f = Some(p);
            }
        }
    }

    /// The grammatical gender of a claimant: a country, a body named by a feminine noun
    /// (وزارة، الحكومة، الشرطة، منظمة) or a plural (السلطات), a person with a woman's first
    /// name (جمانة غنيمات) is feminine; another person, a masculine body (المرصد، الجيش)
    /// masculine.
    pub fn gender(&self, p: &Party) -> Gender {
        let Party::Entity(i) = p else { return Gender::Feminine };
        let e = &self.entities[*i];
        match e.etype {
            // a woman's first name (جمانة غنيمات), else a man
            EntityType::Person => {
                let first = e.name_ar.split_whitespace().next().unwrap_or("");
                let first = Normalizer::analysis().normalize_str(first);
                if self.kb.given_name(&key(&first)).is_some_and(|g| g.female) {
                    Gender::Feminine
                } else {
                    Gender::Masculine
                }
            }
            EntityType::Gpe | EntityType::Loc => Gender::Feminine,
            EntityType::Org => {
                let first = e.name_ar.split_whitespace().next().unwrap_or("");
                let first = first.strip_prefix("ال").unwrap_or(first);
                if first.ends_with('ة') || first.ends_with("ات") {
                    Gender::Feminine
                } else {
                    Gender::Masculine
                }
            }
        }
    }

    fn is_agency(&self, e: usize) -> bool {
        self.entities[e].subtype.as_deref() == Some("agency")
    }

    fn kb_entry(&self, e: usize) -> Option<EntryId> {
        self.entities[e].kb.as_deref().and_then(|id| self.kb.by_id(id))
    }

    /// A country as a party: its entity in the article, else its English name.
    fn country(&self, c: EntryId) -> Party {
        let entry = self.kb.entry(c);
        match self.entities.iter().position(|e| e.kb.as_deref() == Some(entry.id.as_str())) {
            Some(i) => Party::Entity(i),
            None => Party::Name(entry.name_en.clone()),
        }
    }

    /// An entity as a claimant: a capital speaks for its country (بيانات باكو).
    fn claimant_of(&self, e: usize) -> Party {
        if let Some(id) = self.kb_entry(e) {
            let entry = self.kb.entry(id);
            if entry.subtype == "capital"
                && let Some(c) = entry.country
            {
                return self.country(c);
            }
        }
        Party::Entity(e)
    }

    fn nisba(&self, w: &Word) -> Option<EntryId> {
        if w.kind != TokenKind::Arabic {
            return None;
        }
        self.kb.nisba(&w.bare).or_else(|| self.kb.nisba(&w.stem))
    }

    /// Whether an entity can speak: a person, a body, a country or a capital (not a city, a
    /// province or a place: `قال حاكم ولاية فاراه` is said by the governor).
    fn can_speak(&self, e: usize) -> bool {
        match self.entities[e].etype {
            EntityType::Person => true,
            // not a platform others post on (في سلسلة تغريدات عبر تويتر: who tweets speaks)
            EntityType::Org => self.entities[e].subtype.as_deref() != Some("platform"),
            EntityType::Loc => false,
            EntityType::Gpe => self
                .kb_entry(e)
                .is_some_and(|id| matches!(self.kb.entry(id).subtype.as_str(), "country" | "capital")),
        }
    }

    /// The words of the mention of entity `e` that starts at `j`: where it ends.
    fn mention_end(words: &[Word], j: usize, e: usize) -> usize {
        let mut k = j + 1;
        while k < words.len() && words[k].entity == Some(e) {
            k += 1;
        }
        k
    }

    /// The subject after a cue at `from`: the first person, body or country within ten
    /// words, stopping at the caller's barrier words, at a complementiser, another cue, a number or a full stop; a person
    /// named right after a body or a title (`المتحدث باسم وزارة الدفاع محمد ردمانش`, `حاكم
    /// ولاية فاراه، عبد البصير سالانغي`) is preferred; a nisba names the country only when
    /// no name follows (السلطات الأذرية). Returns where the subject ends.
    fn subject_after(
        &self,
        words: &[Word],
        from: usize,
        reach: usize,
        out: &mut Attribution,
    ) -> (Subject, usize) {
        // an outlet's correspondent (أفاد مراسل "سكاي نيوز عربية", مراسل العربية): the outlet
        // named right after, else a speaker of no name; never a name further on in the clause
        // (أفاد مراسل العربية بمقتل ... من الميليشيات is not the militia's word)
        // (our correspondent, مراسلنا, is the outlet's own: no one named; a place after him is
        // where he is: مراسلنا في جبهة الحديدة)
        // (unless he relays someone: أورد مراسلنا نقلا عن وزارة الصحة العراقية)
        let relays = || words.iter().skip(from + 1).take(4).any(|w| matches!(w.bare.as_ref(), "نقلا" | "عن"));
        if words.get(from).is_some_and(|v| v.kind == TokenKind::Arabic && v.stem.starts_with("مراسل"))
            && !relays()
        {
            let ours = words[from].bare.ends_with("نا");
            for k in from + 1..(from + 4).min(words.len()) {
                if ours || words[k].is_stop() || words[k].bare == "في" {
                    break;
                }
                if let Some(e) = words[k].entity.filter(|&e| self.entities[e].etype == EntityType::Org) {
                    let end = Self::mention_end(words, k, e);
                    let subject =
                        if self.is_agency(e) { Subject::Agency(e) } else { Subject::Named(Party::Entity(e)) };
                    return (subject, end);
                }
            }
            return (Subject::Anonymous, from + 1);
        }
        let mut agency = None;
        let mut nisba = None;
        let mut anonymous = false;
        // an outlet of a name the layers do not know (وأوردت صحيفة "لوبكر نخرشتين" المحلية,
        // قالت صحيفة أميركية): no one named, not its country nor an earlier speaker; one they
        // know is its entity (صحيفة نيويورك تايمز), one that speaks for a party is that party
        // (قناة "المسيرة" المتحدثة باسم الحوثيين); not an owner's (حسبما أورد موقع الوزارة)
        let outlet = words.get(from).is_some_and(|v| {
            v.kind == TokenKind::Arabic
                && v.entity.is_none()
                && !v.prep
                && !v.bare.starts_with("ال")
                && OUTLET_HEADS.contains(&v.stem.as_ref())
        }) && words.get(from + 1).is_some_and(|v| v.is_quote() || !v.bare.starts_with("ال"));
        // a body of no name (متطوعو الدفاع المدني): unnamed unless a name follows
        let mut collective = false;
        // an office without a name and without a country (وزيرة الدولة لشؤون الإعلام): the
        // person the article has quoted last
        let titled = self.title_at(words, from);
        // (the preposition of "according to" is its own: `استنادا إلى وزارة الصحة`)
        let after_source = from
            + usize::from(
                from > 0 && self.cues.get(&words[from - 1]).is_some_and(|c| c.role == Role::Source),
            );
        // the last name a preposition governed
        let mut governed_last = None;
        let mut end = from;
        let mut j = from;
        while j < words.len() && j < from + reach {
            let v = &words[j];
            if v.is_hard_stop() || v.kind == TokenKind::Number || self.is_barrier(v) {
                break;
            }
            if let Some(e) = v.entity {
                let k = Self::mention_end(words, j, e);
                // after a title and its nisba, a name other than a person's is whom the holder
                // acts on, not who speaks (`واتهم وزير الخارجية الأميركي إيران`): the nisba's
                // country speaks
                // (not the post's: السفيرة الأمريكية لدى الأمم المتحدة، نيكي هيلي)
                let post = j > from && matches!(words[j - 1].bare.as_ref(), "لدي" | "في");
                if titled
                    && nisba.is_some()
                    && !v.prep
                    && !post
                    && self.entities[e].etype != EntityType::Person
                {
                    break;
                }
                // a name a preposition governs is where it was said or whom to, not who says
                // it ([`governed_name`])
                // (and a name joined by و to one governed: `مع بوتين وأردوغان`)
                let body = self.entities[e].etype == EntityType::Org;
                let joined =
                    v.wa && j > 0 && words[j - 1].entity.is_some() && words[j - 1].entity == governed_last;
                let governed = joined
                    || governed_name(
                        j,
                        after_source,
                        body,
                        self.entities[e].etype == EntityType::Person,
                        |g| words[g].entity.is_some(),
                        |g| words[g].bare.clone(),
                    );
                if governed {
                    governed_last = Some(e);
                    j = k;
                    end = k;
                    continue;
                }
                if v.prep && self.is_agency(e) {
                    // told to an agency ("قال لوكالة رويترز"): it reports, the speaker is
                    // still to come
                    agency.get_or_insert(e);
                    if !out.reported_by.contains(&e) {
                        out.reported_by.push(e);
                    }
                    j = k;
                    end = k;
                    continue;
                }
                // a statement's owner after it: "تقرير حديث للأمم المتحدة", "بيان لوزارة الدفاع"
                let owner = v.prep
                    && !self.is_agency(e)
                    && words[from..j]
                        .iter()
                        .any(|w| self.cues.get(w).is_some_and(|c| c.role == Role::Statement));
                // "وفقاً لسور غول": the source's name comes with its ل
                let source_li = j == from
                    && from > 0
                    && self.cues.get(&words[from - 1]).is_some_and(|c| c.role == Role::Source);
                if !self.can_speak(e) || (v.prep && !owner && !source_li) {
                    j = k;
                    end = k;
                    continue;
                }
                if anonymous
                    && !words[from..j]
                        .iter()
                        .any(|w| self.cues.get(w).map(|c| c.role) == Some(Role::OnBehalf))
                {
                    // "مصدر في وزارة الدفاع": still unnamed
                    return (Subject::Anonymous, k);
                }
                if self.entities[e].etype != EntityType::Person
                    && let Some((p, pk)) = self.person_after(words, k)
                {
                    if !self.is_agency(e) {
                        out.affiliations.push((p, e));
                    }
                    return (Subject::Named(Party::Entity(p)), pk);
                }
                if self.is_agency(e) {
                    return (Subject::Agency(e), k);
                }
                return (Subject::Named(self.claimant_of(e)), k);
            }
            // "وفقاً لمصادر طبية فلسطينية": unnamed sources, with the ل of "according to"
            // (not whose they are: وفقاً لتقارير الأمم المتحدة)
            let source_li = j == from
                && v.prep
                && from > 0
                && self.cues.get(&words[from - 1]).is_some_and(|c| c.role == Role::Source)
                && words.get(j + 1).is_none_or(|w| w.entity.is_none());
            if source_li
                && v.kind == TokenKind::Arabic
                && self.cues.of_keys(v.kind, &v.stem, &v.stem).is_some_and(|c| c.role == Role::Anonymous)
            {
                anonymous = true;
            }
            if j == from && is_media(words, j) {
                // "بحسب الإعلام الفرنسي", "قالت الصحافة الإسرائيلية": the press of a country
                // is no one named, not the country
                anonymous = true;
            }
            let cue = self.cue_at(words, j);
            match cue.map(|c| c.role) {
                Some(Role::Complement | Role::Speech | Role::Source) => break,
                Some(Role::Anonymous) if j <= from + 2 && cue.is_some_and(|c| c.collective) => {
                    collective = true
                }
                Some(Role::Anonymous) if j <= from + 2 => anonymous = true,
                Some(Role::Statement) if j == from && v.bare.starts_with("ال") && !v.prep => {
                    // "وأوضح البيان": the statement of the last claimant
                    return (Subject::Statement, j + 1);
                }
                _ => {}
            }
            if nisba.is_none()
                && !anonymous
                && !collective
                && !outlet
                && let Some(c) = self.nisba(v)
                // (not a nisba a preposition governs: `في مؤتمر مع نظيره الصيني`)
                && !governed_name(j, after_source, false, false, |g| words[g].entity.is_some(), |g| words[g].bare.clone())
            {
                nisba = Some(self.country(c));
            }
            j += 1;
            end = j;
        }
        if anonymous || collective {
            return (Subject::Anonymous, end);
        }
        if titled && nisba.is_none() {
            // (else an office holder left unnamed, not an earlier claimant nor the agency the
            // words were told to: وقال مدير عام الصحة في محافظة عدن، الخضر لصور، إن)
            return match &self.article_person {
                Some(p) if agency.is_none() => (Subject::Named(p.clone()), end),
                _ => (Subject::Anonymous, end),
            };
        }
        match (nisba, agency) {
            (Some(p), _) => (Subject::Named(p), end),
            (None, Some(e)) => (Subject::Agency(e), end),
            (None, None) if outlet => (Subject::Anonymous, end),
            (None, None) => (Subject::None, from),
        }
    }

    /// Where the search for the `عن` of a relay stops (`ونقلت الصحيفة أن الجيش أعلن عن`
    /// has none): a full stop, a figure, another verb of saying or "according to", a
    /// complementiser, unless it is a quoted name's (`«دي إيه إن»`).
    fn ends_relayer(&self, words: &[Word], k: usize) -> bool {
        let v = &words[k];
        v.is_hard_stop()
            || v.kind == TokenKind::Number
            || self.cues.get(v).is_some_and(|c| match c.role {
                Role::Speech | Role::Source => true,
                Role::Complement => !words.get(k + 1).is_some_and(Word::is_quote),
                _ => false,
            })
    }

    /// A definite noun right after the verb that names no one the layers know (`وقالت
    /// الشرطة`, `وأضافت الوزارة`): the earlier claimant whose name it heads (وزارة الصحة),
    /// the last one for `الأخير`, else a speaker left unnamed; not the pronoun's referent,
    /// which a verb with a subject of its own does not have. `None` for a word that is no
    /// such subject: a time (`وقال الثلاثاء`), a preposition, a cue.
    fn unnamed_subject(&self, v: &Word) -> Option<Subject> {
        v.bare.strip_prefix("ال")?;
        let head = v.stem.strip_prefix("ال").unwrap_or(&v.stem);
        if v.kind != TokenKind::Arabic
            || v.prep
            || v.entity.is_some()
            || head.chars().count() < 3
            // a plural or dual in the object case is no subject (وأبلغ الصحفيين أن)
            || head.ends_with("ين")
            || self.cues.get(v).is_some()
            || crate::times::opens_time(&v.bare)
        {
            return None;
        }
        if matches!(head, "اخير" | "اخيره") {
            return self.last.clone().map(Subject::Named);
        }
        let named = self.heads.get(head);
        let heads = |p: &Party| {
            let Party::Entity(e) = *p else { return false };
            named.is_some_and(|es| es.contains(&e))
        };
        Some(self.recent.iter().rev().find(|p| heads(p)).cloned().map_or(Subject::Anonymous, Subject::Named))
    }

    /// Whether the words at `at` are a noun of no known name with a definite complement (`هيئات
    /// الإسعاف`, `فرق الإنقاذ`): a subject, not a preposition (`خلال المؤتمر`) nor a time.
    fn unknown_construct_subject(&self, words: &[Word], at: usize) -> bool {
        // nouns that work as prepositions (a time word is told by the time tables)
        const PREPOSITIONS: &[&str] = &[
            "خلال",
            "عقب",
            "بعد",
            "قبل",
            "اثناء",
            "عبر",
            "حول",
            "امام",
            "لدى",
            "منذ",
            "عند",
            "وسط",
            "ضمن",
            "نقلا",
            "نهار",
        ];
        let (Some(head), Some(complement)) = (words.get(at), words.get(at + 1)) else { return false };
        head.kind == TokenKind::Arabic
            && complement.kind == TokenKind::Arabic
            && head.entity.is_none()
            && !head.prep
            && !head.bare.starts_with("ال")
            && head.bare.chars().count() >= 3
            && !PREPOSITIONS.contains(&head.bare.as_ref())
            && self.cues.get(head).is_none()
            && !crate::times::opens_time(&head.bare)
            && complement.bare.starts_with("ال")
            && !crate::times::opens_time(&complement.bare)
    }

    /// Whether the statement word at `i` is indefinite and owned by no one the sentence names:
    /// after "according to", with the article on neither it nor the word after it, and no name
    /// or verb of saying in the three words after it (`بحسب حصيلة جديدة`, `وفق تقرير أولي
    /// للشرطة`; not `بيان الجيش`, `حصيلة جديدة لوزارة الصحة`, `حصيلة أعلنها التلفزيون`, nor
    /// `في بيان`, which the verb before it owns).
    fn unowned_statement(&self, words: &[Word], i: usize) -> bool {
        let w = &words[i];
        let source_before = i
            .checked_sub(1)
            .is_some_and(|k| self.cues.get(&words[k]).is_some_and(|c| c.role == Role::Source));
        source_before
            && !w.prep
            && !w.bare.starts_with("ال")
            && words.get(i + 1).is_none_or(|v| !v.bare.starts_with("ال"))
            && !words[i + 1..(i + 4).min(words.len())].iter().any(|v| {
                v.entity.is_some()
                    || self.cues.get(v).is_some_and(|c| matches!(c.role, Role::Speech | Role::Statement))
            })
    }

    /// The subject of the verb that opens the sentence, named right after it (`وتبنت حركة
    /// الشباب مسؤولية الهجمات، إذ قالت في بيان`) or after a title (`وندد وزير الإعلام اليمني،
    /// معمر الإرياني، ... وقال`), for a later verb of saying with no subject of its own when
    /// their genders agree: it goes on speaking, before any earlier claimant.
    fn opening_subject(&self, words: &[Word], at: usize, gender: Option<Gender>) -> Option<Party> {
        let verb = words.first()?;
        if verb.kind != TokenKind::Arabic
            || verb.entity.is_some()
            || verb.prep
            || self.cues.get(verb).is_some()
        {
            return None;
        }
        // a hashtag's sign before the name (وتبنت #حركة_الشباب)
        let j = if words.get(1).is_some_and(|w| w.bare == "#") { 2 } else { 1 };
        let subject = words.get(j)?;
        // (or a person after a title: وندد وزير الإعلام اليمني، معمر الإرياني ... وقال; with
        // no one named, the country of the title's nisba, for whom its holder speaks: واتهم
        // وزير الخارجية الأميركي إيران ... وقال is the United States')
        let (e, end) = match subject.entity.filter(|_| !subject.prep && subject.kind == TokenKind::Arabic) {
            Some(e) => (e, Self::mention_end(words, j, e)),
            None if self.title_at(words, j) => match self.holder_named(words, j) {
                Some(found) => found,
                None => return self.title_country(words, j, at),
            },
            None => return None,
        };
        if !self.can_speak(e) || end >= at {
            return None;
        }
        let p = self.claimant_of(e);
        gender.is_none_or(|g| self.gender(&p) == g).then_some(p)
    }

    /// The person named after the title at `at`, past the words of its body or country
    /// (`وزير الإعلام اليمني، معمر الإرياني`, `قائد شرطة تورونتو، مارك سوندرز`), and where the
    /// name ends; not someone the titled person acts on (`الرئيس المصري نظيره الفرنسي إيمانويل
    /// ماكرون`: whom he received).
    fn holder_named(&self, words: &[Word], at: usize) -> Option<(usize, usize)> {
        let (n, _) = self.title_len(words, at)?;
        for k in at + n..(at + n + 6).min(words.len()) {
            let w = &words[k];
            if let Some(e) = w.entity.filter(|&e| self.entities[e].etype == EntityType::Person) {
                return Some((e, Self::mention_end(words, k, e)));
            }
            if w.is_hard_stop()
                || w.stem.starts_with("نظير")
                || self.title_at(words, k)
                || self.cues.get(w).is_some()
            {
                return None;
            }
        }
        None
    }

    /// The country of the nisba right after the title at `at` (`وزير الخارجية الأميركي`), when
    /// it ends before `before`: the holder speaks for it, whatever the verb's gender.
    fn title_country(&self, words: &[Word], at: usize, before: usize) -> Option<Party> {
        let (n, _) = self.title_len(words, at)?;
        let w = words.get(at + n).filter(|w| at + n < before && w.entity.is_none() && !w.prep)?;
        self.nisba(w).map(|country| self.country(country))
    }

    /// Whether a title or a role of the knowledge base starts at `at` (`وزير الإعلام`).
    fn title_at(&self, words: &[Word], at: usize) -> bool {
        words.get(at).is_some_and(|v| v.kind == TokenKind::Arabic)
            && self
                .title_len(words, at)
                .is_some_and(|(_, kind)| matches!(kind, TitleKind::Title | TitleKind::Role))
    }

    /// The longest title of the knowledge base starting at `at`: its length in words and kind.
    fn title_len(&self, words: &[Word], at: usize) -> Option<(usize, TitleKind)> {
        let v = words.get(at)?;
        self.kb.title(&v.bare, |k| words.get(at + 1 + k).map(|w| w.bare.as_ref())).map(|(n, t)| (n, t.kind))
    }

    /// A person named within five words after `from`, before a complementiser or a full stop.
    fn person_after(&self, words: &[Word], from: usize) -> Option<(usize, usize)> {
        for j in from..(from + 5).min(words.len()) {
            let v = &words[j];
            if v.is_hard_stop()
                || self.is_barrier(v)
                || self.cues.get(v).is_some_and(|c| c.role != Role::OnBehalf)
            {
                return None;
            }
            if let Some(e) = v.entity
                && self.entities[e].etype == EntityType::Person
            {
                return Some((e, Self::mention_end(words, j, e)));
            }
        }
        None
    }

    /// Whether the verb of saying at `at` has a speaker of no name before it, after كان in
    /// its clause (`وكان مسؤول بمجلس شورى مقاتلي درنة قد صرح`), opening the clause (`لكن
    /// مراسل "العربية" قال`), or right before it (`تقارير تحدثت عن`).
    fn anonymous_before(&self, words: &[Word], at: usize) -> bool {
        let unnamed = |v: &Word| self.cues.get(v).is_some_and(|c| c.role == Role::Anonymous);
        (at.saturating_sub(8)..at).any(|k| {
            matches!(words[k].bare.as_ref(), "كان" | "كانت")
                && words.get(k + 1).is_some_and(unnamed)
                && !words[k + 1..at].iter().any(Word::is_stop)
        }) || (at.saturating_sub(4)..at).any(|k| {
            // a speaker of no name opening the clause just before the verb: "لكن مراسل
            // "العربية" قال لاحقا" (not the speaker of the sentence before)
            let opens = k == 0
                || words[k - 1].is_stop()
                || matches!(words[k - 1].bare.as_ref(), "لكن" | "ولكن" | "بينما" | "فيما" | "حين" | "اذ");
            opens
                && unnamed(&words[k])
                && !words[k].bare.starts_with("ال")
                && !words[k + 1..at]
                    .iter()
                    .any(|v| v.is_stop() || self.cues.get(v).is_some_and(|c| c.role != Role::Anonymous))
        }) || at.checked_sub(1).is_some_and(|k| {
            // an unnamed speaker the verb describes: "في أعقاب تقارير تحدثت عن وفاة شخصين"
            unnamed(&words[k]) && !words[k].bare.starts_with("ال")
        })
    }

    /// A person, body or country just before a verb of saying (`إن المرصد السوري أكد`,
    /// `وكان جيش النيجر قد أعلن`, `وكانت كل من أرمينيا وأذربيجان أعلنت`): within four words,
    /// not after a preposition, the auxiliaries `كان` and `قد` and a comma before them skipped
    /// (`قوات حكومة الوفاق، كانت أعلنت`); or the topic of `أما X ... فقالت`.
    fn subject_before(&self, words: &[Word], at: usize) -> Option<Party> {
        if words[at].fa
            && let Some(k) = words[..at].iter().rposition(|w| w.bare == "اما")
            && let Some(e) = words.get(k + 1).and_then(|w| w.entity)
            && self.can_speak(e)
        {
            return Some(if self.is_agency(e) { Party::Entity(e) } else { self.claimant_of(e) });
        }
        let is_auxiliary = |w: &Word| matches!(w.bare.as_ref(), "كان" | "كانت" | "قد");
        let mut at = at;
        while at > 0 && is_auxiliary(&words[at - 1]) {
            at -= 1;
            if at > 0 && words[at - 1].bare == "،" {
                at -= 1;
            }
        }
        for k in (at.saturating_sub(4)..at).rev() {
            let v = &words[k];
            if v.is_stop() || self.cues.get(v).is_some_and(|c| c.role != Role::Complement) {
                return None;
            }
            if let Some(e) = v.entity {
                if !self.can_speak(e) || self.is_agency(e) {
                    return None;
                }
                // the mention's first word must not carry a preposition (في وزارة الدفاع)
                let mut first = k;
                while first > 0 && words[first - 1].entity == Some(e) {
                    first -= 1;
                }
                let w = &words[first];
                if w.stem != w.bare && !w.bare.starts_with("ال") {
                    return None;
                }
                if first > 0
                    && ["في", "من", "علي", "الي", "عن", "مع"].contains(&words[first - 1].bare.as_ref())
                {
                    return None;
                }
                return Some(self.claimant_of(e));
            }
        }
        None
    }
}

/// Prepositions, as words of their own, after which a name is not the subject of a verb of
/// saying (keyed): where it was said or to whom (`أعلن حظر إرسال العمالة كلياً إلى الكويت`,
/// `في مؤتمر صحفي مع نظيره الروسي`); `في` and `من` see [`governs_name`].
const GOVERNING: &[&str] = &["الي", "علي", "مع", "ضد", "حول", "نحو", "بين", "لدي", "قرب", "داخل"];

/// Words whose people, bodies or speakers `في` or `من` after them belongs to (keyed): the
/// country or body named next owns them (`السلطات في بوركينا فاسو`, `وكالة الأنباء الرسمية
/// في كوريا الشمالية`, `النيابة العامة في السعودية`, `مسؤولون في إقليم ناغورنو قره باغ`,
/// `كل من فرنسا وألمانيا`).
const OWNING: &[&str] = &[
    "السلطات",
    "سلطات",
    "الحكومه",
    "حكومه",
    "الشرطه",
    "الرسميه",
    "الانباء",
    "العامه",
    "مسوول",
    "مسوولون",
    "مسوولين",
    "مصدر",
    "مصادر",
    "كل",
];

/// Whether the preposition `prep` (a word of its own, keyed), after the word `before`, keeps
/// the name after it from being the subject of a verb of saying: `عن` never does (who is
/// quoted: `نقل التلفزيون عن وزارة الدفاع`); `في` and `من` only before a name that is no
/// body (`قال مسؤول في وزارة الخارجية` is the ministry's word, `قال في موسكو` is where) and
/// not after a word that they tie the name to ([`OWNING`]). Shared by the casualty and
/// event layers.
pub(crate) fn governs_name(prep: &str, before: Option<&str>, body: bool) -> bool {
    if GOVERNING.contains(&prep) {
        return true;
    }
    matches!(prep, "في" | "من") && !body && !before.is_some_and(|b| OWNING.contains(&b))
}

/// Whether a name whose first word is `at` stands after a preposition that governs it
/// ([`governs_name`]) within the three words before it, from word `from` on; `keyed` gives
/// a word's keyed form. A person's name is not governed past another name (the holder named
/// after the place of his post: `المبعوث الأممي إلى اليمن مارتن غريفيث`).
pub(crate) fn governed_name<'k>(
    at: usize,
    from: usize,
    body: bool,
    person: bool,
    named: impl Fn(usize) -> bool,
    keyed: impl Fn(usize) -> Cow<'k, str>,
) -> bool {
    let mut g = at;
    while g > from && g + 3 > at {
        g -= 1;
        if person && named(g) {
            return false;
        }
        let before = (g > 0).then(|| keyed(g - 1));
        if governs_name(&keyed(g), before.as_deref(), body) {
            return true;
        }
    }
    false
}

enum Subject {
    Named(Party),
    Agency(usize),
    Anonymous,
    /// A statement without its owner (`البيان`).
    Statement,
    None,
}

/// Nouns an outlet's name follows (`صحيفة`, `قناة`, `موقع`), keyed; not a country's
/// television, radio or agency (`التلفزيون الرسمي الكاميروني`), which speaks for its state.
const OUTLET_HEADS: &[&str] = &["صحيفه", "جريده", "مجله", "قناه", "موقع", "شبكه"];

/// Whether the word at `at` is the press at large (`الإعلام الفرنسي`, `الصحافة`, `الصحف`): a
/// source, never a party; an outlet is named by its own entity (`صحيفة "لوموند"`), and a
/// country's television or radio (`التلفزيون الرسمي الكاميروني`), its official media or a
/// party's (`الإعلام الرسمي السوري`, `الإعلام الحربي`, `الإعلام التابع للحزب`) are their
/// owner's voice, not the press at large.
fn is_media(words: &[Word], at: usize) -> bool {
    let w = &words[at];
    w.kind == TokenKind::Arabic
        && w.entity.is_none()
        && matches!(w.stem.strip_prefix("ال").unwrap_or(&w.stem), "اعلام" | "صحافه" | "صحف")
        && !words.get(at + 1).is_some_and(|v| matches!(v.bare.as_ref(), "الرسمي" | "الحربي" | "التابع"))
}

/// "Official" after a statement's noun (`حصيلة رسمية`, `بيان رسمي`; words are keyed, ة → ه):
/// a figure of no named owner, not the last speaker's.
fn official(w: &Word) -> bool {
    matches!(w.bare.as_ref(), "رسميه" | "رسمي")
}

#[cfg(test)]
mod mentions_before_tests {
    use super::MentionsBefore;
    use proptest::prelude::*;

    proptest! {
        /// The running count agrees with a binary search for any order of positions.
        #[test]
        fn agrees_with_a_binary_search(
            mut starts in prop::collection::vec(0usize..200, 0..40),
            ends in prop::collection::vec(0usize..220, 0..60),
        ) {
            starts.sort_unstable();
            let mut before = MentionsBefore::default();
            for end in ends {
                let expected = starts.partition_point(|&s| s < end);
                prop_assert_eq!(before.count(&starts, end, |&s| s), expected);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_text as extract;

    /// For each sentence, the claimant of its first number (or of its last word) by name.
    fn claimants(text: &str) -> Vec<Option<String>> {
        let ex = extract(text);
        let norm = crate::extract::normalizer().normalize(text);
        let entity_of = entity_of_tokens(&ex.tokens, &ex.entities);
        let mut at = Attributor::new(&ex.entities, Kb::builtin());
        let mut out = Vec::new();
        for &s in &ex.sentences {
            let block =
                ex.blocks.iter().position(|b| ex.tokens[b.clone()].iter().any(|t| s.contains(t.token.span)));
            let ws = words(&norm, &ex.tokens, &ex.entities, &entity_of, sentence_range(&ex.tokens, s));
            let a = at.sentence(&ws, block.unwrap_or(0));
            let i = ws.iter().position(|w| w.kind == TokenKind::Number).unwrap_or(ws.len().saturating_sub(1));
            out.push(a.claimant_at(i).map(|p| match p {
                Party::Entity(e) => ex.entities[*e].name.clone(),
                Party::Name(n) => n.clone(),
                Party::Both => "both".into(),
            }));
        }
        out
    }

    #[test]
    fn an_outlets_correspondent_speaks_for_it_and_for_no_one_further_on() {
        // bench (Sky News Arabia, 2018): the outlet named after its correspondent
        let c = claimants("وأفاد مراسل سكاي نيوز عربية بمقتل 5 فلسطينيين برصاص إسرائيلي.");
        assert_eq!(c, [Some("Sky News Arabia".into())]);
        // bench (Al Arabiya, 2018): not the militia named in the clause
        let c = claimants(
            "وأفاد مراسل \"العربية\" بوقوع اشتباكات عنيفة بين ميليشيات الحوثي وقوات الجيش أدت إلى مقتل 12 عنصرا.",
        );
        assert!(c[0].as_deref() != Some("Houthis"), "{c:?}");
        // our correspondent at a front is no place's word (bench, 2018)
        let c = claimants("وأفاد مراسلنا في جبهة الحديدة بمقتل نحو 90 من ميليشيات الحوثي.");
        assert_eq!(c, [None]);
        // whom he relays claims (bench, 2018)
        let c = claimants(
            "وأسفر الانفجار عن سقوط 5 قتلى على الأقل، على ما أورد مراسلنا نقلا عن وزارة الصحة العراقية.",
        );
        assert!(c[0].as_deref().is_some_and(|n| n.contains("Health")), "{c:?}");
    }

    #[test]
    fn shipped_cues_load_and_bad_rows_are_errors() {
        let cues = Cues::parse(CUES).unwrap();
        assert!(cues.words.len() > 80);
        assert!(matches!(Cues::parse("word\trole\tgender\nقال\tsays\tm\n"), Err(CueError::Value { .. })));
        assert!(matches!(Cues::parse("word\trole\tgender\nقال\tspeech\n"), Err(CueError::Columns(_))));
    }

    #[test]
    fn a_definite_source_points_back_and_a_definite_body_does_not() {
        let cues = Cues::parse(CUES).unwrap();
        let sources = cues.of_keys(TokenKind::Arabic, "المصادر", "مصادر");
        assert_eq!(sources.map(|c| c.role), Some(Role::Statement));
        assert_eq!(cues.of_keys(TokenKind::Arabic, "الجماعات", "جماعات"), None);
        let bodies = cues.of_keys(TokenKind::Arabic, "منظمات", "منظمات");
        assert_eq!(bodies.map(|c| (c.role, c.body)), Some((Role::Anonymous, true)));
    }

    #[test]
    fn subject_after_the_verb_across_commas() {
        let c = claimants(
            "وذكر المرصد السوري لحقوق الإنسان، الثلاثاء، أن 21 عنصرا على الأقل من قوات النظام قتلوا في كمين.",
        );
        assert_eq!(c, [Some("Syrian Observatory for Human Rights".into())]);
    }

    #[test]
    fn a_name_a_preposition_governs_does_not_speak() {
        // whom it was said with, where: not the speaker, who stands before the verb
        let c = claimants(
            "وكان الرئيس الفلبيني رودريغو دوتيرتي أعلن في مؤتمر مع نظيره الصيني شي جين بينغ مقتل 5 عمال.",
        );
        assert_eq!(c, [Some("Rodrigo Duterte".into())]);
        let c = claimants("وأعلن المتحدث خلال زيارة إلى الكويت مقتل 5 عمال.");
        assert_eq!(c, [None]);
        // a body after في is the speaker's
        let c = claimants("وقال وزير الدفاع في حكومة الوفاق الليبية إن 5 جنود قتلوا.");
        assert_eq!(c, [Some("Government of National Accord".into())]);
        // a country's authorities after في speak for it; "according to" keeps its إلى
        let c = claimants("وأفادت السلطات في بوركينا فاسو بمقتل 5 جنود.");
        assert_eq!(c, [Some("Burkina Faso".into())]);
        let c = claimants("وقتل 5 جنود استنادا إلى وزارة الدفاع الروسية.");
        assert_eq!(c, [Some("Ministry of Defence (Russia)".into())]);
    }

    #[test]
    fn who_is_relayed_claims_and_a_statement_owner_follows_closely() {
        // "نقلت X عن Y": Y claims, past the toll's clause that names the capital
        let c = claimants(
            "ونقلت المصادر عن المستشار الأمني في حكومة الوفاق الليبية، هاشم بشر، ارتفاع حصيلة الاشتباكات التي \
             شهدتها العاصمة طرابلس إلى 52 قتيلا.",
        );
        assert!(c[0].as_deref().is_some_and(|n| n.starts_with("Hashem")), "{c:?}");
        // the toll is not the capital's
        let c = claimants("وارتفعت حصيلة الاشتباكات التي شهدتها العاصمة الليبية طرابلس إلى 52 قتيلا.");
        assert_eq!(c, [None]);
        // an agency that relays reports; the one it quotes claims
        let c = claimants("ونقلت وكالة رويترز عن وزارة الصحة الليبية أن 11 شخصا قتلوا.");
        assert!(c[0].as_deref().is_some_and(|n| n.contains("Health")), "{c:?}");
    }

    #[test]
    fn a_verb_of_saying_with_the_pronoun_of_ma_is_a_cue() {
        // 016 in the real corpus: the sources claim, not France where two of them are
        let c = claimants("قتل 28 شخصا على الأقل، بحسب ما أكدته ثلاثة مصادر أمنية، اثنان منها في فرنسا.");
        assert_eq!(c, [None]);
        let c = claimants("قتل 11 شخصا في الهجوم، بحسب ما أعلنته وزارة الصحة الليبية.");
        assert!(c[0].as_deref().is_some_and(|n| n.contains("Health")), "{c:?}");
    }

    #[test]
    fn an_unknown_relayer_passes_on_who_it_quotes_not_an_earlier_claimant() {
        // 041 in the real corpus: the service is unknown, the officials unnamed
        let c = claimants(
            "ووفقا لإحصاءات وكالة رويترز، قتل 29 جنديا أوكرانيا. ونقلت خدمة «دي إيه إن» الإخبارية التابعة \
             للانفصاليين عن مسؤولين في الحركة الانفصالية أمس قولهم إن «22 من المدنيين لقوا مصرعهم».",
        );
        assert_eq!(c, [Some("Reuters".into()), None]);
        // a named source after عن claims, past the quoted name's إن
        let c = claimants("ونقلت خدمة «دي إيه إن» الإخبارية عن وزارة الصحة الليبية أن 11 شخصا قتلوا.");
        assert!(c[0].as_deref().is_some_and(|n| n.contains("Health")), "{c:?}");
        // not the عن of the reported clause: the army that announces claims
        let c = claimants("ونقلت الصحيفة أن الجيش السوداني أعلن عن مقتل 12 مسلحا.");
        assert!(c[0].as_deref().is_some_and(|n| n.contains("Sudan")), "{c:?}");
    }

    #[test]
    fn a_definite_noun_after_the_verb_is_its_subject_not_a_pronoun() {
        // the noun heads an earlier claimant's name: that claimant
        // (past a later feminine claimant, whom the pronoun would take)
        let c = claimants(
            "قتل عدد من الأطفال في هجوم على حافلة، حسب منظمة الصليب الأحمر. وقالت وزارة الصحة اليمنية إن 5 \
             قتلوا. وقالت المنظمة إن 30 شخصا أصيبوا.",
        );
        assert_eq!(c[2].as_deref(), Some("International Committee of the Red Cross"), "{c:?}");
        // a subject just before the verb comes first; a plural object is no subject
        let c = claimants("وكان الجيش السوداني قد أكد الخبر، مشيرا إلى مقتل 12 مسلحا.");
        assert!(c[0].as_deref().is_some_and(|n| n.contains("Sudan")), "{c:?}");
        let c = claimants(
            "وقال المتحدث باسم الشرطة نصرت رحيمي إن الانفجار وقع قرب السفارة. وأبلغ الصحفيين أن 12 شخصا قتلوا.",
        );
        assert!(c[1].as_deref().is_some_and(|n| n.contains("Nusrat")), "{c:?}");
        // a body no one named: unnamed, not the last woman quoted (a feminine verb)
        let c =
            claimants("وقالت المستشارة الألمانية أنجيلا ميركل إن الهجوم مفزع. وقالت الشرطة إن 3 أشخاص أصيبوا.");
        assert_eq!(c, [Some("Angela Merkel".into()), None]);
        // a time after the verb is no subject: the pronoun still refers back
        let c = claimants("وقالت أنجيلا ميركل إن الهجوم مفزع. وقالت الثلاثاء إن 3 أشخاص أصيبوا.");
        assert_eq!(c, [Some("Angela Merkel".into()), Some("Angela Merkel".into())]);
    }

    #[test]
    fn an_office_without_a_name_is_the_person_quoted_last() {
        let c = claimants(
            "وجاء إعلان الحكومة على لسان المتحدثة الرسمية باسمها، جمانة غنيمات، قائلة إن 4 عناصر قتلوا. \
             وأكدت وزيرة الدولة لشؤون الإعلام أن الأجهزة الأمنية ألقت القبض على 5 إرهابيين.",
        );
        assert_eq!(c.len(), 2, "{c:?}");
        assert!(c.iter().all(|n| n.as_deref().is_some_and(|n| n.starts_with("Jumana"))), "{c:?}");
        // with a country, the office is that country's
        let c = claimants("وقال وزير الخارجية الروسي إن 3 جنود قتلوا.");
        assert_eq!(c, [Some("Russia".to_string())]);
        // بين is "between" far more often than "he showed"; بينت is a verb
        assert!(Cues::builtin().of_keys(TokenKind::Arabic, "بين", "بين").is_none());
        assert!(Cues::builtin().of_keys(TokenKind::Arabic, "بينت", "بينت").is_some());
    }

    #[test]
    fn speech_verb_after_the_figure() {
        let c = claimants("وقتل 11 شخصا في الهجوم، حسبما أعلنت وزارة الصحة الليبية.");
        assert_eq!(c.len(), 1);
        assert!(c[0].as_deref().is_some_and(|n| n.contains("Health")), "{c:?}");
    }

    #[test]
    fn pronoun_subject_takes_the_last_claimant_of_its_gender() {
        let c = claimants(
            "وقالت وزارة الدفاع الأرمنية إن 49 جنديا قتلوا. وقال المرصد إن القصف مستمر. وأضافت أن 12 جنديا أصيبوا.",
        );
        assert_eq!(c[2].as_deref(), Some("Ministry of Defence (Armenia)"), "{c:?}");
    }

    #[test]
    fn claimant_carries_over_within_a_paragraph_only() {
        let c = claimants(
            "وذكر المرصد السوري لحقوق الإنسان أن 21 عنصرا قتلوا. وقتل 8 مسلحين في الكمين.\n\nوقتل 3 مدنيين في قصف.",
        );
        assert_eq!(c[1].as_deref(), Some("Syrian Observatory for Human Rights"));
        assert_eq!(c[2], None);
    }

    #[test]
    fn who_claims_responsibility_does_not_claim_the_figures() {
        let c = claimants(
            "أعلن تنظيم الدولة الإسلامية مسؤوليته عن الهجوم الانتحاري الذي قتل 14 مسلحا من قوات النظام السوري في جنوبي سوريا.",
        );
        assert_eq!(c[0], None, "{c:?}");
        // the same verb with the figures is a claim (أعلن ... أن)
        let c = claimants("أعلن تنظيم الدولة الإسلامية أن 14 جنديا قتلوا في الهجوم.");
        assert_eq!(c[0].as_deref(), Some("Islamic State"), "{c:?}");
    }

    #[test]
    fn anonymous_sources_have_no_claimant_and_stop_the_carry_over() {
        let c = claimants("وقال المرصد السوري إن 5 قتلوا. وأفاد مصدر أمني بمقتل 3 جنود.");
        assert_eq!(c[1], None, "{c:?}");
    }

    #[test]
    fn an_agency_reports_and_claims_only_alone() {
        let text = "وقال وزير الداخلية الصومالي لوكالة رويترز إن 5 من المهاجمين قتلوا.";
        let ex = extract(text);
        let c = claimants(text);
        assert_ne!(c[0].as_deref(), Some("Reuters"), "{c:?} {:?}", ex.entities);
        let c = claimants("وقتل 29 جنديا أوكرانيا، بحسب رويترز.");
        assert_eq!(c[0].as_deref(), Some("Reuters"));
    }

    #[test]
    fn unnamed_sources_of_a_country_and_platforms_are_no_claimants() {
        // bench (2018): sources with their preposition are still unnamed, whatever their
        // nationality
        let c = claimants("وقتل فلسطيني وأصيب 3 آخرون، وفقا لمصادر طبية فلسطينية.");
        assert_eq!(c, [None]);
        let c = claimants("وقتل 5 مدنيين في غارة على البلدة، وفقا لمصادر محلية سورية.");
        assert_eq!(c, [None]);
        // reports of someone named are theirs (bench, BBC Arabic, 2018-06-17)
        let c = claimants("وتسبب الوباء في مقتل 2000 شخص، وفقاً لتقارير الأمم المتحدة.");
        assert_eq!(c[0].as_deref(), Some("United Nations"), "{c:?}");
        // a titled speaker named after his body (bench, Sky News Arabia, 2018-07-23)
        let c = claimants("وكان قائد شرطة تورونتو، مارك سوندرز، قال في مؤتمر صحفي، إن 14 شخصا أصيبوا بجروح.");
        assert!(c[0].as_deref().is_some_and(|n| n.starts_with("Mark")), "{c:?}");
        // whom a titled subject received does not speak for him
        let c = claimants("واستقبل الرئيس المصري نظيره الفرنسي إيمانويل ماكرون، وقال إن 3 جنود قتلوا.");
        assert_ne!(c[0].as_deref(), Some("Emmanuel Macron"), "{c:?}");
        // bench (Sky News Arabia, 2018-05-22): who tweets claims, not Twitter
        let c = claimants(
            "وندد وزير الإعلام اليمني، معمر الإرياني، بمقتل 5 مدنيين في مأرب، وقال في سلسلة تغريدات عبر \"تويتر\": \"أدين المجزرة\".",
        );
        assert_eq!(c[0].as_deref(), Some("Muammar al-Eryani"), "{c:?}");
    }

    #[test]
    fn an_unknown_outlet_or_unnamed_reports_speak_for_no_one_named_before() {
        // bench (Al Arabiya, 2018-07-20): the newspaper, not the police quoted before
        let c = claimants(
            "وقالت الشرطة الألمانية إن المهاجم اعتقل. وأوردت صحيفة \"لوبكر نخرشتين\" المحلية، أن 14 شخصا أصيبوا.",
        );
        assert_eq!(c[1], None, "{c:?}");
        // a known outlet after its head is still who says it
        let c = claimants("وذكرت صحيفة نيويورك تايمز أن 14 شخصا أصيبوا.");
        assert_eq!(c[0].as_deref(), Some("The New York Times"), "{c:?}");
        // bench (Sky News Arabia, 2018-09-08): the ministry's website is the ministry's word
        let c = claimants("أعلنت وزارة الداخلية في البحرين القبض على 14 إيرانيا، حسبما أورد موقع الوزارة.");
        assert_eq!(c[0].as_deref(), Some("Ministry of Interior"), "{c:?}");
        // bench (BBC Arabic, 2018-02-18): unnamed reports, not Iran named before
        let c = claimants(
            "وقالت إيران إن الاحتجاجات انتهت. جاء ذلك في أعقاب تقارير تحدثت عن وفاة شخصين في السجن.",
        );
        assert_eq!(c[1], None, "{c:?}");
    }

    #[test]
    fn the_press_of_a_country_is_no_one_named() {
        // bench (Al Arabiya, 2018-03-24): "the French media" is not France
        let c = claimants("وبحسب الاعلام الفرنسي، قتل شخصا بداخل السيارة وأصاب السائق.");
        assert_eq!(c, [None]);
        let c = claimants("وقالت الصحافة الإسرائيلية إن 3 جنود قتلوا.");
        assert_eq!(c, [None]);
        // official media are their owner's voice
        let c = claimants("وقال الإعلام الحربي السوري إن 3 جنود قتلوا.");
        assert_ne!(c, [None]);
        // a minister of information is still who speaks
        let c = claimants("وقالت وزارة الإعلام اليمنية إن 3 جنود قتلوا.");
        assert_eq!(c[0].as_deref(), Some("Ministry of Information (Yemen)"), "{c:?}");
    }

    #[test]
    fn nisba_body_speaks_for_its_country() {
        let c = claimants("وأعلنت السلطات الأذرية خسارة 71 من قواتها.");
        assert_eq!(c[0].as_deref(), Some("Azerbaijan"));
    }

    #[test]
    fn the_statement_and_the_same_source_point_back() {
        let text = "بالمقابل، اتّهمت وزارة الدفاع الأذرية القوات الأرمنية بشنّ أعمال تخريبية.\n\nوأضاف البيان أنّ القصف أسفر عن 3 قتلى.\n\nوقال المرصد السوري إن القصف مستمر. وأشار المصدر ذاته إلى مقتل 5 مدنيين.";
        let c = claimants(text);
        assert_eq!(c[1].as_deref(), Some("Ministry of Defense (Azerbaijan)"), "{c:?}");
        assert_eq!(c[3].as_deref(), Some("Syrian Observatory for Human Rights"), "{c:?}");
    }

    #[test]
    fn the_subject_is_not_searched_past_the_callers_barrier() {
        let text = "وكان جيش النيجر قد أعلن مساء السبت مقتل عشرة إرهابيين من بوكو حرام.";
        let ex = extract(text);
        let norm = crate::extract::normalizer().normalize(text);
        let entity_of = entity_of_tokens(&ex.tokens, &ex.entities);
        let ws = words(&norm, &ex.tokens, &ex.entities, &entity_of, 0..ex.tokens.len());
        let barrier = |w: &Word| w.bare == "مقتل";
        let mut at = Attributor::new(&ex.entities, Kb::builtin()).with_barrier(&barrier);
        let a = at.sentence(&ws, 0);
        let i = ws.iter().position(|w| w.bare == "عشره").unwrap_or(0);
        let got = a.claimant_at(i).map(|p| match p {
            Party::Entity(e) => ex.entities[*e].name.clone(),
            other => format!("{other:?}"),
        });
        assert!(got.as_deref().is_some_and(|n| n.contains("Niger")), "{got:?}");
    }

    #[test]
    fn according_to_takes_its_source_with_the_li() {
        let c = claimants("قتل ثلاثة رجال شرطة، وفقاً للجيش الأفغاني في الولاية.");
        assert_eq!(c[0].as_deref(), Some("Afghan National Army"), "{c:?}");
        // but a body after another verb's ل is who is addressed, not who speaks
        let c = claimants("وقال مسؤول للجيش الأفغاني إن 3 قتلوا.");
        assert_ne!(c[0].as_deref(), Some("Afghan National Army"), "{c:?}");
    }

    #[test]
    fn the_report_is_its_owners() {
        let c = claimants(
            "وثق تقرير حديث للأمم المتحدة عن جنوب السودان جرائم مروعة.\n\nوقال متحدث باسم جيش جنوب السودان إن الجيش لم يتسلم التقرير.\n\nوقال التقرير إن بعض القتلى من المدنيين وعددهم 232 شخصا.",
        );
        assert_eq!(c[2].as_deref(), Some("United Nations"), "{c:?}");
    }

    #[test]
    fn a_country_or_a_body_before_the_verb_past_an_auxiliary() {
        let c = claimants(
            "وكانت كل من أرمينيا وأذربيجان أعلنت في وقت سابق أن الاشتباكات أسفرت عن مقتل 5 عسكريين أذريين.",
        );
        assert_eq!(c[0].as_deref(), Some("Azerbaijan"), "{c:?}");
        let c = claimants(
            "يذكر أن قوات حكومة الوفاق الليبية، كانت أعلنت السبت أن 11 من عناصرها قتلوا في الاشتباكات.",
        );
        assert!(c[0].is_some(), "{c:?}");
    }

    #[test]
    fn acknowledging_is_saying_and_two_unnamed_sources_are_unnamed() {
        let c = claimants(
            "أقر التحالف الدولي بقيادة الولايات المتحدة، الجمعة، بمقتل تسعة مدنيين إضافيين في ضربات جوية.",
        );
        assert!(c[0].is_some(), "{c:?}");
        let c = claimants("وقال المرصد السوري إن 5 قتلوا. وذكر مصدران أمنيان أمس أن الحصيلة بلغت 27 قتيلا.");
        assert_eq!(c[1], None, "{c:?}");
    }

    #[test]
    fn a_verb_with_no_subject_goes_on_with_the_subject_that_opens_its_sentence() {
        // 007: Al-Shabaab claims the attacks and speaks on, not the ministry of the sentence
        // before
        let c = claimants(
            "وقالت وزارة الأمن الصومالية إن قوات الأمن قتلت 5 من المهاجمين. وتبنت #حركة_الشباب مسؤولية الهجمات، \
             إذ قالت في بيان إن مقاتليها أوقعوا 20 قتيلا.",
        );
        assert_eq!(c[1].as_deref(), Some("Al-Shabaab"), "{c:?}");
        // a verb of the other gender is not its subject's
        let c = claimants(
            "وقالت وزارة الأمن الصومالية إن قوات الأمن قتلت 5 من المهاجمين. وتبنت #حركة_الشباب مسؤولية الهجمات، \
             وقال إن 20 قتلوا.",
        );
        assert_ne!(c[1].as_deref(), Some("Al-Shabaab"), "{c:?}");
    }

    #[test]
    fn according_to_an_unknown_body_is_not_an_earlier_claimant() {
        // 013: the ambulance services, not the Houthis of the sentence before
        let c = claimants(
            "واتهم الحوثيون التحالف العربي بشن الغارة. لقي 23 شخصا على الأقل مصرعهم في غارات جوية على حفل زفاف، \
             وفق ما أفادت هيئات الإسعاف.",
        );
        assert_eq!(c[1], None, "{c:?}");
        // a time or a preposition after the verb leaves its pronoun to an earlier speaker
        let c = claimants("وقال المرصد السوري إن 5 قتلوا. وقتل 3 آخرون، حسبما أفاد مساء الأحد.");
        assert_eq!(c[1].as_deref(), Some("Syrian Observatory for Human Rights"), "{c:?}");
        for time in ["صباح اليوم", "فجر الأحد", "مطلع الشهر", "ليل السبت"] {
            let c = claimants(&format!("وقال المرصد السوري إن 5 قتلوا. وقتل 3 آخرون، حسبما أفاد {time}."));
            assert_eq!(c[1].as_deref(), Some("Syrian Observatory for Human Rights"), "{time}: {c:?}");
        }
        let c = claimants("وقال المرصد السوري إن 5 قتلوا. وقتل 3 آخرون، حسبما أفاد خلال المؤتمر.");
        assert_eq!(c[1].as_deref(), Some("Syrian Observatory for Human Rights"), "{c:?}");
    }

    #[test]
    fn unnamed_organisations_do_not_speak_for_an_earlier_claimant() {
        // rights organisations are no one named, and not the speaker of the sentence before
        let c = claimants(
            "وقال الرئيس دانيال أورتيغا إن المعارضة تشن أعمالا عدائية.\n\
             وتقول منظمات حقوقية إن أكثر من 300 شخص قتلوا خلال التظاهرات المنددة بالحكومة.",
        );
        assert!(c[0].is_some(), "{c:?}");
        assert_eq!(c[1], None, "{c:?}");
        let c = claimants(
            "وقال الرئيس ترامب إن الأسد سيدفع الثمن.\n\
             وتحدثت جماعات إغاثة طبية عن سقوط 40 قتيلا بالغاز السام.",
        );
        assert!(c[0].is_some(), "{c:?}");
        assert_eq!(c[1], None, "{c:?}");
    }

    #[test]
    fn a_negated_verb_of_saying_names_no_speaker() {
        // 016: "no party has claimed it" is not the government of the paragraph before
        // speaking again
        let c = claimants(
            "وقتل ستة مهاجمين، بحسب الحكومة البوركينية.\nولم تعلن أي جهة مسؤوليتها عن الهجوم الذي قتل فيه 19 شخصا.",
        );
        assert_eq!(c[1], None, "{c:?}");
        // not negated: the pronoun goes on with the government
        let c = claimants(
            "وقتل ستة مهاجمين، بحسب الحكومة البوركينية.\nوأعلنت مسؤوليتها عن الهجوم الذي قتل فيه 19 شخصا.",
        );
        assert_eq!(c[1].as_deref(), Some("Government of Burkina Faso"), "{c:?}");
    }

    #[test]
    fn an_official_toll_of_no_named_owner_is_unnamed() {
        // 016: "according to an official toll" is not the French presidency quoted before
        let c = claimants(
            "من جهتها أفادت الرئاسة الفرنسية أن الرعايا يجب أن يتبعوا تعليمات السفارة.\n\
             وأدت الهجمات إلى مقتل 133 شخصا خلال 80 هجوما بحسب حصيلة رسمية.",
        );
        assert_eq!(c[1], None, "{c:?}");
        // a statement named without "official" is still the last speaker's
        let c = claimants(
            "من جهتها أفادت الرئاسة الفرنسية أن الرعايا يجب أن يتبعوا تعليمات السفارة.\n\
             وأدت الهجمات إلى مقتل 133 شخصا بحسب البيان.",
        );
        assert!(c[1].is_some(), "{c:?}");
    }

    #[test]
    fn a_speaker_of_no_name_is_no_earlier_claimant() {
        // corpus sentences: an unnamed officer told an agency, a body of no name, a new tally
        let c = claimants(
            "وقالت وزارة الدفاع العراقية إن 5 جنود قتلوا.\n\
             وقال ضابط برتبة عقيد في الشرطة لوكالة فرانس برس إن 15 شخصا قتلوا.",
        );
        assert_eq!(c[1], None, "{c:?}");
        let c = claimants(
            "وقالت وزارة الدفاع العراقية إن 5 جنود قتلوا.\n\
             وأعلنت خلية الإعلام الحربي مقتل 28 إرهابيا في الأنبار.",
        );
        assert_eq!(c[1], None, "{c:?}");
        let c = claimants(
            "وقال وزير الصحة فايز كاكار إن 120 جريحا في المستشفيات.\n\
             وتسبب الاعتداء بمقتل 22 شخصا حسب حصيلة جديدة.",
        );
        assert_eq!(c[1], None, "{c:?}");
        // a body of no name that a name after it names is that name; with the article, a
        // person's word is a title, not the source named before
        let c = claimants("وقال متطوعو الدفاع المدني السوري إن القصف على بلدة المرج خلف 24 قتيلا.");
        assert_eq!(c, [Some("White Helmets (Syrian Civil War)".into())]);
        let c = claimants(
            "وقال الحاكم عبد البصير سالانغي إن 300 مسلح قتلوا.\n\
             وقال الطبيب أمين رحمن مجدي إن 28 جثة نقلت إلى المستشفى.",
        );
        // (the doctor himself; the layers name him by his first name only)
        assert!(c[1].as_deref().is_some_and(|n| n.starts_with("Amin")), "{c:?}");
        // a tally whose owner is told after it is that owner's
        let c = claimants("وقتل 20 شخصا بحسب حصيلة أعلنها الجيش الكاميروني.");
        assert_eq!(c, [Some("Armed Forces of Cameroon".into())]);
    }

    #[test]
    fn an_office_holder_or_a_source_of_no_name_is_no_earlier_claimant() {
        // held-out corpus sentences: an office whose holder the layers do not know, a
        // source of no name before its verb
        let c = claimants(
            "وقالت وكالة سبأ إن 5 قتلوا.\n\
             وقال مدير عام الصحة في محافظة عدن، الخضر لصور، إن 57 مدنيا قتلوا.",
        );
        assert_eq!(c, [Some("Saba News Agency".into()), None]);
        let c = claimants(
            "وقال الجيش الإسرائيلي إن طائرة استهدفت مجموعة من عناصر حماس.\n\
             وكانت مصادر طبية فلسطينية أعلنت أن شخصين قتلا.",
        );
        assert_eq!(c[1], None, "{c:?}");
        // a named subject before the verb still speaks
        let c = claimants("وكان الجيش الإسرائيلي قد أعلن أن 3 جنود أصيبوا.");
        assert_eq!(c, [Some("Israel Defense Forces".into())]);
    }
}
