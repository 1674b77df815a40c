//! Events: what happened (or was said, planned, denied), PLOVER-typed, with who did it to whom,
//! where, when, who says so and the clause that reports it.
//!
//! The layer reads each sentence of the title and paragraphs on the article's token stream.
//! All words live in `data/events/` ([`lexicon`]); words are matched on their keyed forms
//! without proclitics, tanween alif or pronoun suffix, phrases word by word (a phrase flagged
//! `gap` lets two words stand after its first: `أطلقت الشرطة النار`); the words that tell the
//! parties their roles (`roles.tsv`: prepositions, agents, words of people hit...) on their
//! normalised forms.
//!
//! Rules, in the order they apply:
//! - **clauses**: a sentence is cut at `، ؛ : . ! ?` and before a boundary word (`حيث`,
//!   `فيما`, `كما`, `الأمر الذي`...). A clause gives at most one event: its triggers
//!   (`triggers.tsv`) compete by rank, the highest wins, the first on a tie. Speech acts govern
//!   what follows them (`اتهمت أذربيجان القوات الأرمينية بشن أعمال تخريبية` is an accusation,
//!   not an attack), agreements outrank talks (`توصلتا إلى اتفاق لوقف إطلاق النار`),
//!   and talks outrank fighting words (`بذلت جهودا لإنهاء الاشتباكات`). A trigger flagged
//!   `nolam` does not count after the preposition ل of purpose (`تتوسط لوقف إطلاق النار` is
//!   mediation, not a ceasefire); one with `with=` needs its companion word in the clause
//!   (`حمّل ... مسؤولية`, `تواصل ... مع`). Blocking phrases (`جرائم الحرب`) consume their words;
//! - **mode**: the trigger's, refined by the first word of `modes.tsv` found in the clause
//!   (`قصف جوي` → air-strike, `هجوم انتحاري` → ASSAULT/suicide-bombing, `تواصل ... هاتفيا` →
//!   phone-call, `انهيار ... وقف إطلاق النار` → FIGHT/ceasefire-violation);
//! - **references**: a noun trigger after a preposition of time (`منذ اندلاع المعارك`, `بعد
//!   المحادثات`, `خلال الاجتماع`) refers to what happened and makes an event only when its
//!   sentence has no other; a definite noun trigger or one after a demonstrative (`الغارة`,
//!   `هذا الهجوم`) is the article's earlier event of the same category when there is one,
//!   unless it is told as a happening of its own: between sides (`القتال الدائر بين القوات
//!   ...`) or after a verb of breaking out (`اندلعت الاشتباكات`);
//! - **one happening**: a noun trigger in the clause after an event of the same category in
//!   the same sentence extends that event, unless its clause opens with `كما` or a boundary
//!   word (`حيث`, `عندما`, `فيما`: a clause of its own) (`تعرضت للقصف، ولا سيما بقذائف الهاون`), and so does
//!   a noun after a speech act, which goes on listing what it asks or blames (`تدعو ... إلى
//!   ممارسة ضبط النفس، والالتزام الصارم بوقف إطلاق النار`);
//! - **title and headings** are not read: they name what the body reports;
//! - **sport**: sports news speaks of attacks, confrontations, meetings, threats and
//!   withdrawals that are moves of a game (`هجوم فريقنا`, `مواجهة كرواتيا ضد فرنسا`, `التقى
//!   الفريق`, `انسحب الفريق من المباراة`). A sentence whose words of sport (`registers.tsv`)
//!   weigh 2 (`مباراة`, `المرمى`, `كرة القدم`; `الدوري` and `المنتخب` weigh 1), or any
//!   sentence of a sports article (three such sentences, a quarter of those read), gives no
//!   event of those categories ([`Category::has_game_sense`]) unless a word other than the
//!   trigger tells of arms or politics (`قذائف`, `مسلحين`, `وزير`, a person of the knowledge
//!   base, a body of state or of arms: `التقى رئيس الفيفا بالرئيس الإيراني حسن روحاني`); in
//!   a sports article such a sentence, with a word of sport or naming no country, gives no
//!   speech act, demand, criticism or sanction either ([`Category::is_said_of_games`]:
//!   `انتقد المدرب`, `أقر غوارديولا`, `طلب النادي`);
//! - **modality**: `future` when a future word stands in the clause (`تعتزم التوجه`,
//!   `المحادثات المرتقبة`), the trigger carries the future prefix (`سيعقد`), or a verb in the
//!   imperfect or a meeting's noun is dated by its sentence after the day of writing
//!   (`وتستضيف الدوحة محادثات السلام الأسبوع المقبل`); `hypothetical`
//!   after a condition before the trigger (`إذا`, `قد تحاول`); **negated** when a negation
//!   stands just before the trigger (`لم`, `لن`; not `لا تزال`), and for a violent event that
//!   the next clause denies (`... الأمر الذي نفته باكو`: the denial is its own STATEMENT event);
//! - **roles**: parties are entities of the article, or countries named by a nisba.
//!   - actor of a verb: the first party right after it (verb-subject order), else the last
//!     before it, else the person named after a title right after it (`دعا وزير الدولة
//!     للشؤون الخارجية الإماراتي، أنور قرقاش`); a person right after a verb or verbal noun of
//!     arrest, detention, abduction or execution is whom it took (`اعتقل إسلام`, `اعتقال
//!     يوجيل`), unless the verb carries its object pronoun (`اختطفها الزعيم`); a verb in the
//!     first person (`ندعو`) has no subject after it; a country whose name takes the
//!     feminine right after a masculine verb is its object (`دعا الهند إلى`);
//!   - actor of a noun: a nisba right after it, first (`العقوبات الأميركية`, `قصفا
//!     إسرائيليا`, `في قصف إسرائيلي`; not of a lasting state, `الحرب السورية`, nor of an
//!     arrest or an execution, whom it befell), else a party before it in the clause (`شنت
//!     أذربيجان قصفا`), a nisba after the words of its means (`هجوم جوي إسرائيلي`), the person
//!     after a title right after a visit (`زيارة ولي العهد السعودي
//!     الأمير محمد بن سلمان`), both sides of `بين X و Y`, who criticism or
//!     accusations come from (`انتقادات من الولايات المتحدة`), the body a delegation right
//!     after the trigger comes from (`زار وفد من مجلس الأمن`); not a party before a violent
//!     noun after `عن` (`تقارير عن هجوم`), or after `في` or `من` with a word of death or
//!     escape by it (`قتل مزارع فلسطيني في قصف`: it was hit), or exposed to it (`تتعرض
//!     لهجوم`: its target); a participle that goes on with its subject's act (`داعيا`,
//!     `متهما`) only a party before it;
//!   - the parties joined by و to the subject act with it (`والتقى باشينيان وعلييف`,
//!     `وتعهد رئيس الوزراء الأرميني نيكول باشينيان والرئيس الأذربيجاني إلهام علييف`,
//!     `الطائرات السورية والروسية`; [`Finder::coordinated`]), and so do those joined to the
//!     sides after `بين` (`بين مصر والسودان وإثيوبيا`); a meeting whose actors are several
//!     takes no object of a speech act as its target;
//!   - a verb with no subject of its own joined to the clause before it (`واعتقلت`, `فأقرت`,
//!     `كما طلب`) shares that clause's: for a speech act its speaker, else the actor of the
//!     sentence's event before it, else the sentence's subject; for fighting only the actor
//!     of the event before (the explanation's marker `subject shared with the clause before`);
//!     such an act is never the lede told again ([`Event::repeated_by`]);
//!   - a place of a kind other than a country or a capital (a town, a district) is no side
//!     of a violent act, neither who acted nor whom it hit (`هجوم كيميائي على مدينة دوما`,
//!     `سيطروا على مديرية القفر`), but where it happened (a target moves so when the
//!     knowledge base or a head word, `مديرية`, makes it a place, and is no region of the
//!     knowledge base); of any act, a town, a village or a camp named as who acted;
//!   - an agent named in the four words after `شنته`, `من قبل`, `من جانب`, `على يد` (up to a
//!     preposition) is the actor;
//!   - a passive (a verb written with its damma, `اعتُقل`, or with `على يد` right after it;
//!     `ألقي القبض`, `يُلقى القبض`; a verbal noun after `تم`, `جرى`) has no subject: its actor
//!     is only such an agent, the first party in the five words after it its target;
//!   - targets follow `على`, `ضد`, `استهدف`, and `مع` for meetings, agreements and fighting;
//!     or are the object of a speech act (`اتهمت أذربيجان القوات الأرمينية`); the place
//!     named right after a noun of invasion, siege or annexation is the place taken (`غزو
//!     العراق`);
//!   - places after `في`, `ب`, `قرب` are locations; a happening that takes place somewhere
//!     ([`Category::takes_place`]) whose clause names no place takes the places (not a
//!     country or a region of the knowledge base) that a place word, or ب on the place,
//!     governs elsewhere in its sentence, outside its parties and outside the clauses of other
//!     events, of something else (`بعد يوم من محادثات أجريت في واشنطن`), of another time, a
//!     source or a person's past (`aside` in `roles.tsv`: `بحسب مراسلنا في حلب`), of a
//!     saying, and before reported speech (`وأضاف أردوغان، خلال مؤتمر في أنقرة، أن ...`)
//!     (`locations_from`: [`LocationsFrom::Sentence`]);
//! - **date**: the clause's time expression, else the sentence's, else the last one earlier in
//!   the paragraph (`context`), else the publication date (`published`); outside the clause, a
//!   time after `منذ` more than a week before the day of writing tells since when a state has
//!   lasted and is passed over (`منذ 2010`), unless a clause of `عندما` follows it or the event
//!   is a war;
//! - **claimant and reporters**: see [`Finder::attribution`].

pub mod lexicon;
#[cfg(test)]
mod tests;

use marsad_kb::names::key;
use marsad_kb::{EntityType, EntryId, Kb, TitleKind};
use std::cell::RefCell;

use marsad_text::{AnalysedToken, FormTable, Normalized, Proclitic, Span, TokenKind};

use self::lexicon::{Forms, Lexicon, Marker, Pos, Refiner, Register, Role, Trigger};
use crate::attribution::{Cues, Role as SpeechRole};
use crate::casualties::Party;
use crate::entities::Entity;
use crate::times::{Anchor, TimeExpr};

/// An event category: PLOVER's, plus STATEMENT and APPEAL (docs/CONTRACT.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Category {
    Agree,
    Consult,
    Support,
    Cooperate,
    Aid,
    Concede,
    Retreat,
    Investigate,
    Demand,
    Disapprove,
    Reject,
    Threaten,
    Protest,
    Mobilize,
    Sanction,
    Coerce,
    Assault,
    Fight,
    Crime,
    Statement,
    Appeal,
}

impl Category {
    const ALL: [(Category, &'static str); 21] = [
        (Category::Agree, "AGREE"),
        (Category::Consult, "CONSULT"),
        (Category::Support, "SUPPORT"),
        (Category::Cooperate, "COOPERATE"),
        (Category::Aid, "AID"),
        (Category::Concede, "CONCEDE"),
        (Category::Retreat, "RETREAT"),
        (Category::Investigate, "INVESTIGATE"),
        (Category::Demand, "DEMAND"),
        (Category::Disapprove, "DISAPPROVE"),
        (Category::Reject, "REJECT"),
        (Category::Threaten, "THREATEN"),
        (Category::Protest, "PROTEST"),
        (Category::Mobilize, "MOBILIZE"),
        (Category::Sanction, "SANCTION"),
        (Category::Coerce, "COERCE"),
        (Category::Assault, "ASSAULT"),
        (Category::Fight, "FIGHT"),
        (Category::Crime, "CRIME"),
        (Category::Statement, "STATEMENT"),
        (Category::Appeal, "APPEAL"),
    ];

    /// The name in records (`FIGHT`).
    pub fn as_str(self) -> &'static str {
        Category::ALL.iter().find(|(c, _)| *c == self).map_or("", |(_, s)| s)
    }

    /// The category named `s` in records and data files.
    ///
    /// ```
    /// use marsad_extract::events::Category;
    /// assert_eq!(Category::parse("FIGHT"), Some(Category::Fight));
    /// assert_eq!(Category::parse("BATTLE"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.iter().find(|(_, n)| *n == s).map(|(c, _)| *c)
    }

    /// A happening that takes place somewhere: force, troops moved or withdrawn, a protest,
    /// a crime (not a saying, a call, a meeting by telephone or an agreement, whose place a
    /// clause names when it matters; nor coercion, which is often a measure taken from afar:
    /// a ban, a seizure of funds).
    pub fn takes_place(self) -> bool {
        matches!(
            self,
            Category::Fight
                | Category::Assault
                | Category::Mobilize
                | Category::Protest
                | Category::Retreat
                | Category::Crime
        )
    }

    /// Force: conventional (FIGHT) or against civilians and unconventional (ASSAULT).
    pub fn is_violent(self) -> bool {
        matches!(self, Category::Fight | Category::Assault)
    }

    /// Whether the words of this category and mode also tell the moves of a game (`هجوم
    /// فريقنا`, `مواجهة كرواتيا ضد فرنسا`, `التقى الفريق`, `يهدد صدارة`, `انسحب الفريق`,
    /// `منع رحيل اللاعب`, `اتفق النادي مع اللاعب`): not an arrest or a detention, nor a speech
    /// act (a club's condemnation is one).
    pub fn has_game_sense(self, mode: &str) -> bool {
        // opening fire, shooting, killing: no game has them (أطلق المهاجم النار)
        const NEVER: [&str; 4] = ["firing", "shooting", "suicide-bombing", "assassination"];
        match self {
            Category::Fight | Category::Assault => !NEVER.contains(&mode),
            // (and a club's or a team's agreement: اتفق النادي مع اللاعب, الفريق مستعد للموسم,
            // the club الاتفاق)
            Category::Mobilize
            | Category::Threaten
            | Category::Retreat
            | Category::Consult
            | Category::Agree => true,
            Category::Coerce => matches!(mode, "ban" | "demolition"),
            _ => false,
        }
    }

    /// Whether clubs, coaches, players and fans do this among themselves, in words or by
    /// their bodies' rules (`انتقد المدرب`, `أقر غوارديولا`, `طلب النادي`, `عقوبات الاتحاد`):
    /// in a sports article, with no word of arms or politics, it is sport. Not an arrest, an
    /// aid, a crime, or violence.
    pub fn is_said_of_games(self) -> bool {
        matches!(
            self,
            Category::Support
                | Category::Cooperate
                | Category::Concede
                | Category::Investigate
                | Category::Demand
                | Category::Disapprove
                | Category::Reject
                | Category::Protest
                | Category::Sanction
                | Category::Statement
                | Category::Appeal
        )
    }
}

/// Whether the text reports the event as done, planned or possible.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modality {
    Asserted,
    /// Planned or expected (`تعتزم التوجه`, `سيعقد`, `المحادثات المرتقبة`).
    Future,
    /// A condition or a possibility (`إذا لم يتوقفوا`, `قد تحاول`).
    Hypothetical,
}

impl Modality {
    /// The name in records.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Future => "future",
            Modality::Hypothetical => "hypothetical",
        }
    }
}

/// Where an event's date comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateFrom {
    /// A time expression of the event's own sentence.
    Sentence,
    /// The last time expression earlier in the paragraph.
    Context,
    /// The publication date.
    Published,
    /// The first day the title or the lede names (casualty claims only: the day the article
    /// reports).
    Opening,
}

impl DateFrom {
    /// The name in records.
    pub fn as_str(self) -> &'static str {
        match self {
            DateFrom::Sentence => "sentence",
            DateFrom::Context => "context",
            DateFrom::Published => "published",
            DateFrom::Opening => "opening",
        }
    }
}

/// Where an event's locations come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocationsFrom {
    /// Places its own clause names.
    Clause,
    /// Places named elsewhere in its sentence, in no clause of another event or of something
    /// else (`قتل 14 مسلحا في محافظة السويداء، في كمين نصبه التنظيم`).
    Sentence,
}

impl LocationsFrom {
    /// The name in records.
    pub fn as_str(self) -> &'static str {
        match self {
            LocationsFrom::Clause => "clause",
            LocationsFrom::Sentence => "sentence",
        }
    }
}

/// The marker of an actor taken from the clause before, where the verb has no subject of its
/// own ([`Explanation::markers`]).
const SHARED_SUBJECT: &str = "subject shared with the clause before";

/// How an event was found, for a user asking "why?".
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    /// The rule: `trigger` (a trigger word won its clause) or `reference` (a noun that refers
    /// to what happened, alone in its sentence: `منذ اندلاع المعارك`).
    pub rule: &'static str,
    /// The trigger entry as written in `triggers.tsv` (or the speech verb).
    pub entry: String,
    /// The trigger's rank.
    pub rank: u8,
    /// The word of `modes.tsv` that refined the mode, and where it is.
    pub refined_by: Option<(String, Span)>,
    /// Markers that set the modality or negation, with where they are.
    pub markers: Vec<(&'static str, Span)>,
    /// Other triggers of the clause that lost to this one.
    pub outranked: Vec<String>,
}

/// One event. Spans index the original text.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub category: Category,
    pub mode: String,
    pub modality: Modality,
    /// Said not to have happened, or denied.
    pub negated: bool,
    pub actors: Vec<Party>,
    pub targets: Vec<Party>,
    /// Indexes of the article's entities where it happened.
    pub locations: Vec<usize>,
    /// Where the locations come from (None: it has none).
    pub locations_from: Option<LocationsFrom>,
    /// TIMEX3 value.
    pub date: Option<String>,
    pub date_from: Option<DateFrom>,
    pub claimant: Option<Party>,
    /// Indexes of the news agencies that report it.
    pub reported_by: Vec<usize>,
    /// The trigger word or phrase.
    pub trigger: Span,
    /// The clause that reports it.
    pub evidence: Span,
    pub explanation: Explanation,
}

impl Event {
    /// Whether `later` tells this event again: same category, mode and date, an actor or a
    /// place named, and no actor, target or place that this one lacks; not an act whose
    /// subject is shared with the clause before it (`كما دعا`: another call by the same
    /// speaker).
    fn repeated_by(&self, later: &Event) -> bool {
        self.category == later.category
            && self.mode == later.mode
            && self.date == later.date
            && self.modality == later.modality
            && !(later.actors.is_empty() && later.locations.is_empty())
            && later.actors.iter().all(|a| self.actors.contains(a))
            && later.targets.iter().all(|t| self.targets.contains(t))
            && later.locations.iter().all(|l| self.locations.contains(l))
            && !later.explanation.markers.iter().any(|(m, _)| *m == SHARED_SUBJECT)
    }
}

/// The article as the layer reads it.
pub struct Article<'a> {
    pub norm: &'a Normalized<'a>,
    /// All content tokens, in text order.
    pub tokens: &'a [AnalysedToken],
    /// Sentence spans of the title and paragraphs, in text order.
    pub sentences: &'a [Span],
    /// Paragraph (and title) spans, in text order.
    pub blocks: &'a [Span],
    pub entities: &'a [Entity],
    /// The entity index of each token, `None` outside mentions
    /// ([`crate::attribution::entity_of_tokens`] of `tokens` and `entities`).
    pub entity_of: &'a [Option<usize>],
    pub times: &'a [TimeExpr],
    pub kb: &'a Kb,
    /// The publication date (TIMEX3), when known.
    pub published: Option<String>,
    /// Spans not to read for events: the title and headings (they name what the body
    /// reports).
    pub skip: &'a [Span],
}

/// The events of an article, in text order.
pub fn find(article: &Article<'_>) -> Vec<Event> {
    find_all(article).events
}

/// What the layer finds in an article.
#[derive(Debug, Default)]
pub struct Found {
    /// The events, in text order.
    pub events: Vec<Event>,
    /// The sentences read as sport (`registers.tsv`) that no word of arms or politics
    /// brings back to the news (`أُصيب المهاجم في الشوط الأول` is a player's injury).
    pub sporting: Vec<Span>,
}

/// The events of an article, and its sentences of sport.
pub fn find_all(article: &Article<'_>) -> Found {
    find_with(article, Lexicon::builtin())
}

/// [`find_all`] with the given tables.
pub fn find_with(article: &Article<'_>, lex: &'static Lexicon) -> Found {
    if article.tokens.is_empty() {
        return Found::default();
    }
    Finder::new(article, lex).run()
}

/// `كان` and its forms, after which a subject comes before its verb (وكان الرئيس أعلن).
const KANA: [&str; 4] = ["كان", "كانت", "كانوا", "كانا"];

/// Complementisers with the pronoun of a subject (`أنه`, `بأنها`): `قال الجيش إنه قصف` tells
/// of the speaker's own act. Not the dual: `وأعلن المرصد أنهما استهدفا` tells of two others.
const THAT_IT: [&str; 6] = ["انه", "انها", "انهم", "بانه", "بانها", "بانهم"];

/// Verbs of what must be (`يجب`, `يتعين`, `ينبغي`): their pronoun is of the matter, not a
/// speaker's (`إنه يتعين`), and what they say is a demand.
const MODALS: [&str; 3] = ["يجب", "يتعين", "ينبغي"];

/// Nouns of armed men, their arms and their bodies, as the analysis view writes them (ة kept), which the name after them owns or
/// names (`مقاتلات التحالف`, `مسلحو داعش`, `عناصر الحوثي`, `تنظيم الدولة الإسلامية`): as a
/// violent verb's subject, the name is who acts.
const FORCE_NOUNS: [&str; 30] = [
    "عناصر",
    "مسلحو",
    "مسلحي",
    "مقاتلو",
    "مقاتلي",
    "افراد",
    "قوات",
    "جنود",
    "ميليشيات",
    "مليشيات",
    "ميليشيا",
    "مليشيا",
    "طائرات",
    "طائرة",
    "مقاتلات",
    "طيران",
    "اباتشي",
    "مروحيات",
    "دبابات",
    "مدفعية",
    "وحدات",
    "كتائب",
    "تنظيم",
    "جماعة",
    "حركة",
    "حزب",
    "جبهة",
    "فصيل",
    "فصائل",
    "قوة",
];

/// A token as the rules see it: its keyed forms.
struct Word<'n> {
    span: Span,
    kind: TokenKind,
    /// Without any proclitic (بالقصف → قصف), normalised.
    stem: &'n str,
    /// Without conjunctions (والقصف → القصف).
    bare: &'n str,
    /// As written, normalised.
    whole: &'n str,
    /// It carries the article ال.
    definite: bool,
    /// It carries the preposition ل.
    li: bool,
    /// It carries the preposition ب.
    bi: bool,
    /// It carries the future prefix س.
    sa: bool,
    /// It carries a preposition (ب ل ك).
    prep: bool,
    entity: Option<usize>,
    /// What the tables say of it.
    entries: Entries<'n>,
}

/// What the tables say of one word: the phrases it may start, its refiner, its role as a
/// marker of saying, its roles in `roles.tsv` and the country it is the nisba of. Looked up
/// once per word form, and kept by the thread across articles.
#[derive(Clone, Copy, Default)]
struct Entries<'l> {
    triggers: Option<&'l [(Vec<String>, Trigger)]>,
    markers: Option<&'l [(Vec<String>, Marker)]>,
    refiner: Option<&'l Refiner>,
    speech: Option<SpeechRole>,
    registers: Option<&'l [(Vec<String>, Register)]>,
    /// The roles of its stem and of its bare form in `roles.tsv` ([`Lexicon::roles_of`]).
    stem_roles: u32,
    bare_roles: u32,
    /// The country it is the nisba of ([`Finder::nisba`]).
    nisba: Option<EntryId>,
}

impl<'l> Entries<'l> {
    fn of(w: &Word<'_>, lex: &'l Lexicon, cues: &Cues, kb: &Kb) -> Entries<'l> {
        let roles = Entries {
            stem_roles: lex.roles_of(w.stem),
            bare_roles: lex.roles_of(w.bare),
            ..Entries::default()
        };
        if w.kind != TokenKind::Arabic {
            return roles;
        }
        let (bare, stem) = (key(w.bare), key(w.stem));
        let mut e = Entries { nisba: kb.nisba(&bare).or_else(|| kb.nisba(&stem)), ..roles };
        // a word whose article the stem has lost is no verb in the imperfect (آليتهم is not ال
        // + يتهم); a verbal noun is (التوصل, with the verb's entry توصل)
        let article_cut = w.bare != w.stem && w.bare.starts_with("ال") && w.stem.starts_with('ي');
        for k in w.keys() {
            let forms = Forms::of(k);
            if !lex.may_start(&forms) {
                continue;
            }
            let verbs_only = |list: &&[(Vec<String>, Trigger)]| list.iter().all(|(_, t)| t.pos == Pos::Verb);
            e.triggers = e.triggers.or_else(|| {
                lex.triggers.starting(&forms).filter(|list| !(article_cut && k == w.stem && verbs_only(list)))
            });
            e.markers = e.markers.or_else(|| lex.markers.starting(&forms));
            e.refiner = e.refiner.or_else(|| forms.find_map(|f| lex.refiners.get(f)));
            e.registers = e.registers.or_else(|| lex.registers.starting(&forms));
        }
        e.speech = cues.of_keys(w.kind, &bare, &stem).map(|c| c.role);
        e
    }
}

impl Word<'_> {
    /// The distinct keyed forms, most stripped first.
    fn keys(&self) -> impl Iterator<Item = &str> {
        let (stem, bare, whole) = (self.stem, self.bare, self.whole);
        std::iter::once(stem).chain((bare != stem).then_some(bare)).chain((whole != bare).then_some(whole))
    }

    /// Whether one of its forms is `k`.
    fn is(&self, k: &str) -> bool {
        self.kind == TokenKind::Arabic
            && (self.keys().any(|w| w == k) || self.keys().any(|w| Forms::have(w, k)))
    }

    /// Whether its stem has `role` in `roles.tsv`.
    fn stem_is(&self, role: Role) -> bool {
        self.entries.stem_roles & role.bit() != 0
    }

    /// Whether its bare form (without conjunctions) has `role` in `roles.tsv`.
    fn bare_is(&self, role: Role) -> bool {
        self.entries.bare_roles & role.bit() != 0
    }

    fn is_stop(&self) -> bool {
        self.kind == TokenKind::Punct
            && matches!(self.whole, "." | "،" | "," | "؛" | ";" | ":" | "!" | "؟" | "?")
    }

    fn is_comma(&self) -> bool {
        self.kind == TokenKind::Punct && matches!(self.whole, "،" | ",")
    }

    /// It carries the conjunction و (`وعلييف`; not the و of a word's own, `وزير`).
    fn joined(&self) -> bool {
        self.whole.starts_with('و') && self.bare != self.whole
    }

    /// أن, إن and their forms with a pronoun (أنه, أنها): what follows is what someone says.
    fn is_that(&self) -> bool {
        matches!(self.stem, "ان" | "انه" | "انها")
    }
}

/// A trigger found in a clause.
struct Hit<'l> {
    /// Word index of its first and after its last word.
    at: usize,
    end: usize,
    trigger: &'l Trigger,
    /// The words standing inside a `gap` phrase (الشرطة of أطلقت الشرطة النار): not the
    /// trigger's, so they may be its parties.
    gap: usize,
    /// The trigger's rank, lowered for a reference (منذ اندلاع المعارك).
    rank: u8,
    /// A definite noun, or one after a demonstrative: it may refer back.
    anaphoric: bool,
}

/// The kinds of place that may stand for a government and act (`واشنطن شنت غارات`); a
/// place of any other kind (a town, a district, a region) is where an act happened.
const ACTING_PLACES: [&str; 2] = ["country", "capital"];

/// Places that act in no event at all (a town hosts the displaced, it does not meet them).
const SETTLEMENTS: [&str; 4] = ["town", "village", "neighbourhood", "camp"];

/// Whether an entity is one of politics or war: a person of the knowledge base (its people
/// are figures of politics and war), or a body of state, of arms or between states.
fn tells_of_state(e: &Entity) -> bool {
    const BODIES: [&str; 12] = [
        "armed-group",
        "armed-forces",
        "government",
        "ministry",
        "intelligence",
        "parliament",
        "police",
        "alliance",
        "faction-government",
        "faction-forces",
        "international",
        "party",
    ];
    match e.etype {
        EntityType::Person => e.kb.is_some(),
        EntityType::Org => e.kb.is_some() && e.subtype.as_deref().is_some_and(|s| BODIES.contains(&s)),
        _ => false,
    }
}

/// What a sentence's words tell of its register.
#[derive(Default)]
struct Tenor {
    /// The weight of its words of sport.
    game: u8,
    /// Its words of armed force or of government, and the names of figures and bodies of
    /// politics and war: they tell of real violence or politics.
    real: Vec<Span>,
    /// Its words of armed force alone (for triggers flagged `armed`).
    armed: Vec<Span>,
}

struct Finder<'a> {
    a: &'a Article<'a>,
    words: Vec<Word<'a>>,
    lex: &'static Lexicon,
    /// The people the article names after a title and a nisba (`الرئيس الأميركي دونالد
    /// ترامب`): the title's words, the country and the person, for the title and nisba alone
    /// elsewhere (`الرئيس الأميركي`), who is that person, not the country.
    titled: Vec<(String, EntryId, usize)>,
}

/// The categories whose acts are done with someone: after مع stands their target.
const WITH_CATEGORIES: [Category; 3] = [Category::Consult, Category::Agree, Category::Fight];

/// Words after a title and a nisba that make them another holder than the one the article
/// names (`الرئيس الأميركي السابق`, `الراحل`, `المنتخب`), normalised.
const OTHER_HOLDERS: [&str; 8] =
    ["السابق", "السابقه", "الاسبق", "الراحل", "الراحله", "المنتخب", "المنتخبه", "المقبل"];

/// Modes whose verb acts on people: a person right after the verb is whom it was done to
/// (`اعتقل إسلام في يوليو` is Islam arrested, `اعتقلت الشرطة مشتبها به يدعى رافي` Ravi).
const PATIENT_MODES: [&str; 4] = ["arrest", "detention", "abduction", "execution"];
/// Modes of taking a place: the place right after the noun is the place taken (غزو العراق).
const TAKING_MODES: [&str; 3] = ["invasion", "siege", "annexation"];
/// The damma, the vowel of the passive's first syllables (`اعتُقل`, `أُلقي`, `خُطف`).
const DAMMA: char = '\u{64f}';

/// Verbs that say an act took place, normalised: a relative clause they open after a trigger
/// tells of the trigger's own act ([`Finder::in_relative_clause`]).
const HAPPENING_VERBS: [&str; 14] = [
    "وقع",
    "وقعت",
    "جري",
    "جرت",
    "حدث",
    "حدثت",
    "بدا",
    "بدات",
    "اندلع",
    "اندلعت",
    "نفذ",
    "نفذت",
    "استهدف",
    "استهدفت",
];

/// The relative pronouns, which open a clause of their own ([`Finder::in_relative_clause`]).
const RELATIVE_PRONOUNS: [&str; 9] =
    ["الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي"];

/// How many letters the first word of a hit's trigger has, as the table writes it (its verb
/// without pronoun).
fn verb_letters(h: &Hit<'_>) -> usize {
    h.trigger.phrase.split(' ').next().unwrap_or("").chars().count()
}

/// Whether `c` is a letter of the Arabic alphabet (not a vowel mark, not the tatweel).
fn is_arabic_letter(c: char) -> bool {
    ('\u{621}'..='\u{63a}').contains(&c) || ('\u{641}'..='\u{64a}').contains(&c)
}

impl<'a> Finder<'a> {
    fn new(a: &'a Article<'a>, lex: &'static Lexicon) -> Finder<'a> {
        let n = a.norm.text();
        let speech = Cues::builtin();
        // what the tables say of a word depends on its form alone: one look-up per form, kept
        // per thread across articles (news repeats its words)
        thread_local! {
            static FORMS: RefCell<FormTable<Entries<'static>>> = const { RefCell::new(FormTable::new()) };
        }
        FORMS.with_borrow_mut(|cache| {
            // (the nisbas are the knowledge base's)
            let lexicon = std::ptr::from_ref(lex) as usize as u64;
            cache.keep_for(lexicon.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a.kb.id());
            let mut words: Vec<Word<'a>> = a
                .tokens
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let s = t.token.span;
                    let entity = a.entity_of.get(i).copied().flatten();
                    // a name's first letter is no preposition (بلير)
                    let named = crate::attribution::name_letter(t, a.norm, entity.map(|e| &a.entities[e]));
                    Word {
                        span: s,
                        kind: t.token.kind,
                        stem: t.stem(n),
                        bare: t.bare(n),
                        whole: t.norm_str(n),
                        definite: t.has(Proclitic::Al),
                        li: !named && t.has(Proclitic::Li),
                        bi: !named && t.has(Proclitic::Bi),
                        sa: t.has(Proclitic::Sa),
                        prep: !named
                            && (t.has(Proclitic::Li) || t.has(Proclitic::Bi) || t.has(Proclitic::Ka)),
                        entity,
                        entries: Entries::default(),
                    }
                })
                .collect();
            // the entries of every token's form in one pass over the table of forms, read at
            // the form ids the text layer gave the tokens; a form that is not Arabic has none
            // ([`Entries::of`])
            let entries = cache.fill_map(
                a.tokens,
                |i, _| words.get(i).map_or_else(Entries::default, |w| Entries::of(w, lex, speech, a.kb)),
                |_, e| *e,
            );
            for (w, e) in words.iter_mut().zip(entries) {
                w.entries = e;
            }
            let mut finder = Finder { a, words, lex, titled: Vec::new() };
            finder.titled = finder.titled_people();
            finder
        })
    }

    fn run(&self) -> Found {
        let mut out: Vec<Event> = Vec::new();
        // the sentences read, as word ranges, and what each tells of its register
        let state: Vec<bool> = self.a.entities.iter().map(tells_of_state).collect();
        let read: Vec<(Span, usize, usize, Tenor)> = self
            .a
            .sentences
            .iter()
            .filter(|&&sentence| !self.a.skip.iter().any(|s| s.contains(sentence)))
            .map(|&sentence| {
                let lo = self.words.partition_point(|w| w.span.start() < sentence.start());
                let hi = self.words.partition_point(|w| w.span.start() < sentence.end());
                (sentence, lo, hi, self.tenor(lo, hi, &state))
            })
            .collect();
        // a sports article: several sentences of sport, a good part of those read
        let sporting = read.iter().filter(|r| r.3.game >= 2).count();
        let sports_article = sporting >= 3 && sporting * 4 >= read.len();
        let sporting: Vec<Span> = read
            .iter()
            .filter(|r| (r.3.game >= 2 || sports_article) && r.3.real.is_empty())
            .map(|r| r.0)
            .collect();
        for (k, (sentence, lo, hi, tenor)) in read.iter().enumerate() {
            let (sentence, lo, hi) = (*sentence, *lo, *hi);
            // a sentence without a word that starts a trigger has no event: its clauses and
            // who speaks in it need not be worked out (most sentences of an article)
            if lo >= hi || self.words[lo..hi].iter().all(|w| w.entries.triggers.is_none()) {
                continue;
            }
            let game = tenor.game >= 2 || sports_article;
            // what is said in a sports article is sport when the sentence has a word of sport
            // or names no country or city (`وانتقد المشجعون إدارة النادي`; not `اتهام لندن
            // موسكو بالوقوف وراء تسميم الجاسوس`)
            let said_of_games = sports_article
                && (tenor.game >= 1
                    || !self.words[lo..hi]
                        .iter()
                        .any(|w| w.entity.is_some_and(|e| self.a.entities[e].etype == EntityType::Gpe)));
            // words of arms in this sentence or the one before (كما واصلوا تقدمهم, after the
            // sentence that names the fighters)
            let before = k.checked_sub(1).map_or(&[][..], |j| &read[j].3.armed[..]);
            for (event, anaphoric) in self.sentence(sentence, lo, hi, [before, &tenor.armed]) {
                // the moves of a game (هجوم فريقنا, مواجهة كرواتيا ضد فرنسا, التقى الفريق),
                // unless another word than the trigger tells of arms or politics (`تفجير
                // المفاجأة` is no bombing)
                // in a sports article, with no such word, what is said is said of the game too
                // (أقر غوارديولا بأن فريقه لم يكن في أفضل حالاته, the fans' criticism of a coach):
                // an arrest or a shooting there is still one
                if game
                    && (event.category.has_game_sense(&event.mode)
                        || (said_of_games && event.category.is_said_of_games()))
                    && !tenor.real.iter().any(|&w| !event.trigger.contains(w))
                {
                    continue;
                }
                // هذا الهجوم, الغارة: the article's earlier event of the same category, told on
                let same = |e: &Event| {
                    e.category == event.category || (e.category.is_violent() && event.category.is_violent())
                };
                if anaphoric && out.iter().any(same) {
                    continue;
                }
                // the lede told again in the body: same act, same day, no new party or place;
                // not after a word that moves on to another happening (في غضون ذلك، شنت طائرات
                // التحالف غارات: more strikes, elsewhere)
                if out.iter().any(|e| e.repeated_by(&event))
                    && !self.lex.sequels.iter().any(|phrase| self.follows(lo, hi, phrase))
                {
                    continue;
                }
                out.push(event);
            }
        }
        self.place_happenings(&mut out, &read);
        Found { events: out, sporting }
    }

    /// Locations for the happenings whose clause names no place ([`Category::takes_place`]):
    /// the places elsewhere in the sentence that a place word governs (في, قرب, بمدينة; not a
    /// country or a region), that are no party of the event and lie in no clause of another
    /// event, of something else, of another time or a source, or of a saying (`قتل 21 عنصرا في
    /// محافظة السويداء، في كمين نصبه التنظيم`).
    /// (Taking the locations of the last such happening earlier in the paragraph was measured
    /// and left out: on the real-dev gold it gave 4 right places for 13 wrong ones, a
    /// paragraph often moving from town to town.)
    fn place_happenings(&self, events: &mut [Event], read: &[(Span, usize, usize, Tenor)]) {
        for k in 0..events.len() {
            let e = &events[k];
            if !e.category.takes_place() || !e.locations.is_empty() {
                continue;
            }
            let Some(&(_, lo, hi, _)) = read.iter().find(|r| r.0.contains(e.evidence)) else {
                continue;
            };
            let party = |x: usize| e.actors.iter().chain(&e.targets).any(|p| *p == Party::Entity(x));
            // a place a place word governs (of any kind)
            let place_at = |i: usize, clo: usize| {
                self.words[i].entity.is_some_and(|x| {
                    matches!(self.a.entities[x].etype, EntityType::Gpe | EntityType::Loc)
                        && self.governed_by(i, clo, |w| w.bare_is(Role::Place), true)
                })
            };
            let clauses = self.clauses(lo, hi);
            let own = clauses
                .iter()
                .find(|&&(clo, chi)| (clo..chi).any(|i| e.evidence.contains(self.words[i].span)));
            // the clause says where, though the place was read as a party (`اشتباكات بين
            // القوات الأذربيجانية وقوات أرمنية في إقليم ناغورنو قره باغ`)
            if own.is_some_and(|&(clo, chi)| (clo..chi).any(|i| place_at(i, clo))) {
                continue;
            }
            // what is reported after أن: the clauses before it frame the saying (`وأضاف
            // أردوغان، خلال مؤتمر في أنقرة، أن المسلحين أطلقوا قذائف`), where it was said
            let reported = own.is_some_and(|&(clo, _)| self.words[clo].is_that());
            let akin = |c: Category| c == e.category || (c.is_violent() && e.category.is_violent());
            let mut places: Vec<usize> = Vec::new();
            for &(clo, chi) in &clauses {
                if reported && own.is_some_and(|&(own_lo, _)| clo < own_lo) {
                    continue;
                }
                // a clause of another event, or one that tells of something else (`بعد يوم من
                // محادثات أجريت في واشنطن`), is not where this one happened; one that tells of
                // the same kind of act may be (`وذلك خلال مواجهات على الحدود الشرقية لقطاع غزة`);
                // nor one that tells of another time, a source or a person's past (`قبل ساعات
                // من افتتاح السفارة في القدس`, `بحسب مراسلنا في حلب`, `المولود في الموصل`), or
                // where something was said (`وأضاف الوزير للصحافيين في برلين`)
                let other = (clo..chi).any(|i| {
                    events.iter().any(|o| o.evidence.contains(self.words[i].span))
                        || self.words[i].bare_is(Role::Aside)
                        || self.words[i].entries.speech.is_some()
                        || self.words[i].entries.triggers.is_some()
                            && self
                                .trigger_at(i, chi)
                                .and_then(|h| h.trigger.category)
                                .is_some_and(|c| !akin(c))
                });
                if other {
                    continue;
                }
                // a place word before it, or ب on the place itself (`بمدينة`; not ل or ك:
                // `بيان لمحافظة حلب` is whose statement)
                let placed = |i: usize| {
                    self.words[i].bi || (clo..i).rev().take(2).any(|k| self.words[k].bare_is(Role::Place))
                };
                for i in clo..chi {
                    let Some(x) = self.words[i].entity else { continue };
                    // not a country (as in a clause), nor a region of the knowledge base
                    // (الشرق الأوسط, أوروبا, دارفور): too wide to say where
                    if !matches!(self.a.entities[x].subtype.as_deref(), Some("country" | "region"))
                        && matches!(self.a.entities[x].etype, EntityType::Gpe | EntityType::Loc)
                        && !party(x)
                        && !places.contains(&x)
                        && placed(i)
                    {
                        places.push(x);
                    }
                }
            }
            if !places.is_empty() {
                events[k].locations = places;
                events[k].locations_from = Some(LocationsFrom::Sentence);
            }
        }
    }

    /// What the words `lo..hi` tell of their sentence's register (`registers.tsv`); `state`
    /// says of each entity of the article whether it [`tells_of_state`].
    fn tenor(&self, lo: usize, hi: usize, state: &[bool]) -> Tenor {
        let mut tenor = Tenor::default();
        let mut i = lo;
        while i < hi {
            // a known figure of politics or war, or a body of state or of arms, is named
            if self.words[i].entity.is_some_and(|e| state.get(e).copied().unwrap_or(false)) {
                tenor.real.push(self.words[i].span);
            }
            let found = self.words[i]
                .entries
                .registers
                .and_then(|list| list.iter().find(|(rest, _)| self.follows(i + 1, hi, rest)));
            let Some((rest, register)) = found else {
                i += 1;
                continue;
            };
            match register {
                Register::Game(w) => tenor.game = tenor.game.saturating_add(*w),
                Register::Armed | Register::State => {
                    let last = self.words[i + rest.len()].span;
                    let span = Span::new(self.words[i].span.start(), last.end());
                    tenor.real.push(span);
                    if *register == Register::Armed {
                        tenor.armed.push(span);
                    }
                }
            }
            i += 1 + rest.len();
        }
        tenor
    }

    /// The clauses of the words `lo..hi`, as word ranges. A name set off by commas (an
    /// apposition: `وزير الدفاع الأذري، ذكير خسنوف، هاتفيا`) does not cut its clause.
    fn clauses(&self, lo: usize, hi: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = lo;
        let mut i = lo;
        while i < hi {
            let w = &self.words[i];
            if w.is_comma() {
                let next = (i + 1..hi).find(|&k| self.words[k].is_stop()).unwrap_or(hi);
                let named = next > i + 1
                    && next < hi
                    && self.words[next].is_comma()
                    && self.words[i + 1..next].iter().all(|v| v.entity.is_some());
                if named {
                    i = next + 1;
                    continue;
                }
            }
            if w.is_stop() {
                if i > start {
                    out.push((start, i));
                }
                start = i + 1;
            } else if i > start
                && let Some((Marker::Boundary, _)) = self.marker_at(i, hi)
            {
                out.push((start, i));
                start = i;
            }
            i += 1;
        }
        if hi > start {
            out.push((start, hi));
        }
        out
    }

    /// Whether the words `from..to` between a negation and its trigger are the verb whose
    /// object the trigger is, then at most أي or a pronoun of whom it is aimed at (لا تنفذ أي
    /// عمليات, لم توجه إليه اتهامات): a present or jussive verb, named after no one, that does
    /// not stop, suffice or rule out (لم تتوقف الاشتباكات, لم تكتف بالقصف, لم يستبعد شن هجوم).
    fn negated_verb(&self, from: usize, to: usize) -> bool {
        let Some(verb) = self.words.get(from) else { return false };
        to > from
            && to - from <= 3
            && verb.kind == TokenKind::Arabic
            && verb.entity.is_none()
            && verb.whole.starts_with(['ي', 'ت', 'ن'])
            && verb.whole.chars().count() >= 3
            && !Self::affirms(verb)
            && self.words[from + 1..to].iter().all(|w| {
                matches!(
                    w.stem,
                    "اي" | "لاي"
                        | "اليه"
                        | "اليها"
                        | "اليهم"
                        | "له"
                        | "لها"
                        | "لهم"
                        | "عليه"
                        | "عليها"
                        | "عليهم"
                )
            })
    }

    /// A verb of stopping, sufficing or ruling out, whose negation affirms what follows (لم
    /// تتوقف الغارات: the raids went on).
    fn affirms(w: &Word<'_>) -> bool {
        ["توقف", "يتوقف", "تتوقف", "يكتف", "تكتف", "يستبعد", "تستبعد", "ينقطع", "تنقطع", "يهدا", "تهدا"]
            .iter()
            .any(|a| w.whole.trim_start_matches(['و', 'ف']).starts_with(a) || w.stem.starts_with(a))
    }

    /// The marker phrase starting at word `i` (before `hi`), and the index after it.
    fn marker_at(&self, i: usize, hi: usize) -> Option<(Marker, usize)> {
        let list = self.words[i].entries.markers?;
        list.iter()
            .find(|(rest, _)| self.follows(i + 1, hi, rest))
            .map(|(rest, role)| (*role, i + 1 + rest.len()))
    }

    /// The role of the one-word marker `w`, if it is one.
    fn marker(&self, i: usize) -> Option<Marker> {
        self.marker_at(i, i + 1).map(|(m, _)| m)
    }

    /// Whether the words from `i` (before `hi`) are `rest`.
    fn follows(&self, i: usize, hi: usize, rest: &[String]) -> bool {
        i + rest.len() <= hi && rest.iter().zip(&self.words[i..]).all(|(k, w)| w.is(k))
    }

    /// Whether a party is an armed force: an army, an armed group, a police, a faction's forces.
    fn armed(&self, p: &Party) -> bool {
        const ARMED: [&str; 4] = ["armed-forces", "armed-group", "police", "faction-forces"];
        matches!(p, Party::Entity(e) if self.a.entities[*e].subtype.as_deref().is_some_and(|s| ARMED.contains(&s)))
    }

    /// Whether the word at `i` is the verbal noun of a violent act, a trigger of one word
    /// (`اقتحام`, `قصف`), outside a name.
    fn violent_noun(&self, i: usize) -> bool {
        let w = &self.words[i];
        w.entity.is_none()
            && w.entries.triggers.is_some_and(|list| {
                list.iter().any(|(rest, t)| {
                    rest.is_empty() && t.pos == Pos::Noun && t.category.is_some_and(Category::is_violent)
                })
            })
    }

    /// The trigger phrase starting at word `i`, longest first; blocking phrases included.
    /// A `gap` phrase lets up to two words of its clause stand between its first word and the
    /// rest (`أطلقت الشرطة النار`, `أطلق عليه النار`).
    fn trigger_at(&self, i: usize, hi: usize) -> Option<Hit<'a>> {
        let list = self.words[i].entries.triggers?;
        // a word of a person's name, or inside a body's, is no act (دان كوتس, مجلس التعاون
        // الخليجي, مكتب التحقيقات); a body's first word may be (قمة مجموعة العشرين)
        if let Some(e) = self.words[i].entity {
            let inside = i > 0 && self.words[i - 1].entity == Some(e);
            match self.a.entities[e].etype {
                EntityType::Person => return None,
                EntityType::Org if inside => return None,
                _ => {}
            }
        }
        // written with ه, not ة (مهاجمه; مهاجمته is the verbal noun with its pronoun): a
        // `taa` phrase does not start here
        let ha = || {
            let written = self.written_bare(i);
            written.ends_with('ه') && !written.ends_with("ته")
        };
        list.iter().filter(|(_, trigger)| !(trigger.taa && ha())).find_map(|(rest, trigger)| {
            let gaps = if trigger.gap && !rest.is_empty() { 2 } else { 0 };
            (0..=gaps)
                .take_while(|&g| g == 0 || (i + g < hi && !self.words[i + g].is_stop()))
                .find(|&g| self.follows(i + 1 + g, hi, rest))
                .map(|g| Hit {
                    at: i,
                    end: i + 1 + g + rest.len(),
                    gap: g,
                    trigger,
                    rank: trigger.rank,
                    anaphoric: false,
                })
        })
    }

    /// A noun trigger after a preposition of time only refers to what happened (`منذ اندلاع
    /// المعارك`); after a demonstrative or with the article it may refer back (`هذا الهجوم`),
    /// unless it is `fresh` (`ألقت الشرطة القبض`) or told as a happening of its own
    /// ([`Finder::told_anew`]).
    fn situate(&self, h: &mut Hit<'_>, clo: usize, chi: usize) {
        if h.trigger.pos != Pos::Noun {
            return;
        }
        let before = |k: usize| (h.at >= clo + k).then(|| self.marker(h.at - k)).flatten();
        let reference = before(1) == Some(Marker::Reference)
            || (before(1) == Some(Marker::Onset) && before(2) == Some(Marker::Reference));
        // and so does a noun after a demonstrative: it does not speak for a clause that
        // tells something new (وتحقق البعثة في هذه الاتهامات is an investigation)
        if reference || before(1) == Some(Marker::Demonstrative) {
            h.rank = h.rank.min(1);
        }
        h.anaphoric = before(1) == Some(Marker::Demonstrative)
            || (self.words[h.at].definite && !h.trigger.fresh && !self.told_anew(h, clo, chi));
    }

    /// Whether a word of armed force stands in the sentence of `h` or the one before, besides
    /// the trigger's own words (`armed`: [`Tenor::armed`]).
    fn armed_besides(&self, h: &Hit<'_>, armed: [&[Span]; 2]) -> bool {
        let own = self.words[h.at].span.cover(self.words[h.end - 1].span);
        armed.iter().copied().flatten().any(|&s| !own.contains(s))
    }

    /// Whether the verb هاجم here attacks with words: a person named in its clause, no word
    /// of armed force in its sentence or the one before besides the verb, and no building or
    /// place after it (`هاجم الرئيس الأمريكي، دونالد ترامب، رئيس شبكة سي إن إن`, `وكان بومبيو
    /// هاجم القيادة الإيرانية`; not `هاجم ثلاثة أشخاص مسلحين بالبنادق مسجدا`, `هاجم أنصار
    /// مادورو مقر البرلمان`).
    fn verbal_attack(&self, h: &Hit<'_>, clo: usize, chi: usize, armed: [&[Span]; 2]) -> bool {
        if h.trigger.pos != Pos::Verb
            || !matches!(h.trigger.phrase.as_str(), "هاجم" | "هاجمت" | "هاجموا" | "يهاجم" | "تهاجم")
        {
            return false;
        }
        !self.armed_besides(h, armed)
            && !self.words[h.end.min(chi)..chi].iter().any(|w| w.stem_is(Role::Building))
            && self.words[clo..chi]
                .iter()
                .any(|w| w.entity.is_some_and(|e| self.a.entities[e].etype == EntityType::Person))
    }

    /// Whether the definite noun trigger `h` (in the clause `clo..chi`) is told as a happening
    /// of its own: with the sides it is between, `بين` within two words after it (`والمعارك
    /// مستمرة بين داعش والنظام`, `القتال الدائر بين القوات`), or after a verb of breaking out,
    /// `قد` aside (`وكانت قد اندلعت الاشتباكات`, `تجدد القصف`).
    fn told_anew(&self, h: &Hit<'_>, clo: usize, chi: usize) -> bool {
        let w = &self.words;
        if (h.end..chi.min(h.end + 2)).any(|k| w[k].bare == "بين") {
            return true;
        }
        let mut k = h.at;
        while k > clo {
            k -= 1;
            if w[k].bare != "قد" {
                return w[k].kind == TokenKind::Arabic && w[k].stem_is(Role::OnsetVerb);
            }
        }
        false
    }

    /// The events of one sentence (words `lo..hi`), each with whether it may refer back to an
    /// earlier one.
    /// `armed` are the words of armed force of the sentence before and of this one
    /// ([`Tenor::armed`]).
    fn sentence(&self, sentence: Span, lo: usize, hi: usize, armed: [&[Span]; 2]) -> Vec<(Event, bool)> {
        let clauses = self.clauses(lo, hi);
        let speech = self.attribution(lo, hi);
        let mut events: Vec<(Event, Pos, bool)> = Vec::new();
        let mut previous_denied: Option<usize> = None;
        for &(clo, chi) in &clauses {
            // triggers of the clause, blocking phrases consuming their words
            let mut hits: Vec<Hit<'a>> = Vec::new();
            let mut i = clo;
            while i < chi {
                match self.trigger_at(i, chi) {
                    Some(mut h) => {
                        i = h.end;
                        if h.trigger.category.is_some() && self.admissible(&h, clo, chi, armed) {
                            self.situate(&mut h, clo, chi);
                            hits.push(h);
                        }
                    }
                    None => i += 1,
                }
            }
            // a meeting or a visit that an attack aims at is the attack's target, not a
            // happening of its own: the attack's word is a word of targeting, or stands at
            // most one word before one, which the meeting follows right after a preposition
            // (`هجوم على لقاء`), with at most one word between after a verb (`اعتداء يستهدف
            // الجمعة لقاء انتخابيا`, `الاعتداء قد استهدف لقاء`); not `اشتباكات على هامش
            // الاجتماع`, nor `اقتحموا المكان للاحتجاج على زيارته`
            let aims_at = |a: &Hit<'_>, k: usize| {
                matches!(a.trigger.category, Some(Category::Fight | Category::Assault))
                    && (a.at == k || (a.end <= k && k - a.end <= 1))
            };
            let aimed: Vec<bool> = hits
                .iter()
                .map(|h| {
                    h.trigger.category == Some(Category::Consult)
                        && h.trigger.pos == Pos::Noun
                        && (h.at.saturating_sub(2).max(clo)..h.at).any(|k| {
                            let w = &self.words[k];
                            w.bare_is(Role::Target)
                                && (k + 1 == h.at || !w.bare_is(Role::Preposition))
                                && hits.iter().any(|a| aims_at(a, k))
                        })
                })
                .collect();
            let mut aimed = aimed.into_iter();
            hits.retain(|_| !aimed.next().unwrap_or(false));
            let Some((_, best)) = hits.iter().enumerate().max_by_key(|(k, h)| {
                // on a tie, a specific act before a generic one (استهدف أكثر التفجيرات دموية)
                (h.rank, h.trigger.mode != "attack", std::cmp::Reverse(*k))
            }) else {
                continue;
            };
            let Some(mut category) = best.trigger.category else { continue };
            let mut mode = best.trigger.mode.clone();
            // the mode's refiner: the first listed in modes.tsv
            let mut refined_by = None;
            let mut order = usize::MAX;
            for w in &self.words[clo..chi] {
                if let Some(r) = w.entries.refiner
                    && r.order < order
                    && r.applies_to(category, &mode)
                {
                    order = r.order;
                    refined_by = Some((r.word.clone(), w.span, r.category, r.mode.clone()));
                }
            }
            if let Some((_, _, c, m)) = &refined_by {
                category = *c;
                mode = m.clone();
            }
            // (a refiner that names the target, موقع or كنيسة, leaves the mode an attack; one
            // that names the means, جوي or مفخخة, does not)
            if mode == "attack" && self.verbal_attack(best, clo, chi, armed) {
                category = Category::Disapprove;
                mode = "criticism".into();
            }
            let (modality, negated, markers) = self.modality(clo, chi, best);
            let trigger = Span::new(self.words[best.at].span.start(), self.words[best.end - 1].span.end());
            let evidence = Span::new(self.words[clo].span.start(), self.words[chi - 1].span.end());
            let (claimant, reported_by) = speech.of(best.at);
            let (mut actors, targets, locations) = self.roles(clo, chi, best, category);
            // the speaker of the clause before, and the actor of the sentence's event before it,
            // for the two rules below
            let spoke = || {
                speech.said.iter().rev().find(|(i, p)| *i < clo && p.is_some()).and_then(|(_, p)| p.clone())
            };
            let acted = || {
                events
                    .last()
                    .filter(|(e, _, _)| e.evidence.end() <= self.words[clo].span.start())
                    .and_then(|(e, _, _)| e.actors.first().cloned())
            };
            // a participle that goes on from the clause before it (`وكان الرئيس الفلبيني رودريغو
            // دوتيرتي أعلن حظر ...، داعياً جميع العمال إلى العودة`) is its subject's act: the
            // speaker of that clause, else the actor of its event, else its subject
            // (not a participle with the article: `المتهمة بفبركة` is the accused)
            if best.trigger.adverbial
                && !self.words[best.at].definite
                && actors.is_empty()
                && clo > lo
                && let Some(p) = spoke().or_else(acted).or_else(|| self.main_subject(lo, clo))
            {
                actors.push(p);
            }
            // a verb joined to the clause before it with no subject of its own (`وصادرت كل
            // أنواع الإغاثة واعتقلت المواطنين`, `كما طلب الثلاثاء من إدارته`) shares that
            // clause's subject: for a speech act, the speaker of the clause before (`قالت
            // الوزارة إن ...، ودعت`), else the actor of the sentence's event before it, else
            // the sentence's subject; for fighting, only the actor of the event before (who
            // speaks of fighting did not fight: `قال المتحدث ... وسيطرت على مواقع`); not an
            // outlet, nor a town, nor for a trigger that wants a party named in its own
            // clause (`ويجب الحفاظ عليها`)
            let mut shared_subject = None;
            if best.trigger.pos == Pos::Verb
                && !best.trigger.we
                && !best.trigger.party
                && actors.is_empty()
                && clo > lo
                && !self.passive(best)
                && self.joined_verb(best.at, clo)
            {
                let shared = if category.is_violent() {
                    acted()
                } else if best.rank >= 5 || category == Category::Statement {
                    spoke().or_else(acted).or_else(|| self.main_subject(lo, clo))
                } else {
                    acted().or_else(spoke).or_else(|| self.main_subject(lo, clo))
                };
                if let Some(p) = shared
                    && !targets.contains(&p)
                    && !self.outlet(&p)
                    && !self.settlement(&p)
                {
                    actors.push(p);
                    shared_subject = Some(self.words[best.at].span);
                }
            }
            // who speaks of fighting is not its actor (أعلن باشينيان استمرار العمليات القتالية),
            // nor is an outlet of what it reports (`قالت صحيفة هآرتس إنه سيقدم تسجيلات ... كجزء
            // من الاتفاق`); one who announces a step of its own takes it (`وكانت واشنطن أعلنت عن
            // عقوبات جديدة`, `قال الفاتيكان إنه سيجري تحقيقا`)
            // (nor of what a passive tells, `سيتم استئناف المفاوضات`, nor of what it says
            // after a bare complementiser: `قال X إن المفاوضات ستستأنف`, where `إنه سيجري
            // تحقيقا` is its own)
            // (the first complementiser after the nearest verb of saying before it: not the أن
            // of `أعلن الرئيس أنه يعتزم أن يعقد اجتماعا`, nor `قبل أن`)
            let cue = speech.said.iter().rev().map(|(c, _)| *c).find(|&c| c < best.at);
            let told = cue.is_some_and(|c| {
                (c + 1..best.at)
                    .find(|&k| {
                        matches!(
                            self.words[k].bare,
                            "ان" | "بان" | "انه" | "انها" | "انهم" | "بانه" | "بانها"
                        ) && !matches!(
                            self.words[k - 1].bare,
                            "قبل" | "بعد" | "منذ" | "حين" | "الي" | "دون" | "رغم" | "حتي" | "يجب"
                        )
                    })
                    .is_some_and(|k| matches!(self.words[k].bare, "ان" | "بان"))
            });
            // (unless it says it did it itself: `وكانت واشنطن قد أعلنت أنها قتلت عشرات المسلحين
            // في ضربات جوية`)
            let own = cue.is_some_and(|c| (c + 1..best.at).any(|k| THAT_IT.contains(&self.words[k].bare)));
            // one who says it did the act is its actor, where the clause after its verb of
            // saying starts with the pronoun (`وكان الجيش الأميركي، أوضح الخميس، أنه نفذ ضربة
            // جوية`): the act's verb right after it, or a verb of doing and the act's noun
            if actors.is_empty()
                && own
                && !self.passive(best)
                && let Some(p) = claimant.clone().filter(|p| !self.outlet(p))
            {
                let k = best.at.saturating_sub(match best.trigger.pos {
                    Pos::Verb => 1,
                    Pos::Noun => 2,
                });
                let doing = |w: &Word| {
                    matches!(
                        w.bare,
                        "نفذ"
                            | "نفذت"
                            | "شن"
                            | "شنت"
                            | "اجري"
                            | "اجرت"
                            | "وجه"
                            | "وجهت"
                            | "عقد"
                            | "عقدت"
                            | "قام"
                            | "قامت"
                    )
                };
                let opens = |k: usize| THAT_IT.contains(&self.words[k].bare);
                // (an arrest or an abduction with no one after its verb may be the speaker's
                // own, in the passive: `قالت إنها اعتقلت بسبب المشاركة في مظاهرة`, `يزعم أنه
                // اختطف من قبل جماعة`)
                // (and a violent act a speaker of no armed force tells so is the impersonal
                // passive: `وقالت وزارة الصحة إنه قتل 5 أشخاص`)
                let undergone = (PATIENT_MODES.contains(&best.trigger.mode.as_str())
                    && self.words.get(best.end).is_none_or(|w| {
                        w.kind != TokenKind::Arabic
                            || w.bare_is(Role::Preposition)
                            || matches!(w.bare, "بسبب" | "بتهمة" | "لمدة" | "منذ" | "خلال" | "عقب" | "بعد")
                    }))
                    || (category.is_violent() && best.trigger.pos == Pos::Verb && !self.armed(&p));
                // (a verb of what must be, whose pronoun is of the matter, is the speaker's
                // demand only of someone named: `إنه يتعين على إسرائيل ضبط`, not `إنه يتعين
                // اتخاذ جميع التدابير`, `أعتقد بأنه يجب علينا`)
                let modal =
                    targets.is_empty() && MODALS.iter().any(|m| self.words[best.at].stem.starts_with(m));
                let said_own = k > 0
                    && !undergone
                    && !modal
                    && match best.trigger.pos {
                        Pos::Verb => opens(k) || (self.words[k].bare == "قد" && opens(k - 1)),
                        Pos::Noun => opens(k) && doing(&self.words[k + 1]),
                    };
                if said_own {
                    actors.push(p);
                }
            }
            if best.trigger.pos == Pos::Noun
                && best.rank < 5
                && ((category.is_violent() && !own)
                    || claimant.as_ref().is_some_and(|p| self.outlet(p))
                    || told
                    || self.passive(best))
                && actors.len() == 1
                && actors.first() == claimant.as_ref()
            {
                actors.clear();
            }
            if best.trigger.party && actors.is_empty() && targets.is_empty() {
                continue;
            }
            let (date, date_from, time) = self.date(sentence, evidence, trigger, &mode);
            // an act its sentence dates after the day of writing is yet to come (`وتستضيف
            // الدوحة محادثات السلام الأسبوع المقبل`, `قمته مع بوتين الاثنين القادم`): told by a
            // verb in the imperfect, or a meeting named by its noun; a verb in the past tells
            // what was done about it (`رفضت دعوة لحضور اجتماع منتصف أبريل المقبل`)
            let imperfect = || best.trigger.pos == Pos::Verb && self.imperfect(&best.trigger.phrase);
            let meeting = best.trigger.pos == Pos::Noun && category == Category::Consult;
            let (modality, mut markers) = match time {
                Some(t)
                    if modality == Modality::Asserted
                        && evidence.contains(t.span)
                        && self.after_publication(t)
                        && (meeting || imperfect()) =>
                {
                    let mut markers = markers;
                    markers.push(("future", t.span));
                    (Modality::Future, markers)
                }
                _ => (modality, markers),
            };
            if let Some(span) = shared_subject {
                markers.push((SHARED_SUBJECT, span));
            }
            let outranked =
                hits.iter().filter(|h| h.at != best.at).map(|h| h.trigger.phrase.clone()).collect();
            let event = Event {
                category,
                mode,
                modality,
                negated,
                actors,
                targets,
                locations_from: (!locations.is_empty()).then_some(LocationsFrom::Clause),
                locations,
                date,
                date_from,
                claimant,
                reported_by,
                trigger,
                evidence,
                explanation: Explanation {
                    rule: if best.rank <= 1 { "reference" } else { "trigger" },
                    entry: best.trigger.phrase.clone(),
                    rank: best.rank,
                    refined_by: refined_by.map(|(w, s, _, _)| (w, s)),
                    markers,
                    outranked,
                },
            };
            let boundary = matches!(self.marker_at(clo, chi), Some((Marker::Boundary, _)));
            // a denial right after a reported act: the act is denied
            if event.category == Category::Statement && event.mode == "denial" && boundary {
                previous_denied = events.len().checked_sub(1);
            }
            // كما opens a new happening, and so does a clause of its own after a boundary word
            // (، عندما شن تنظيم داعش سلسلة هجمات; حيث وقعت عملية انتحارية; وهو ما أدى إلى قتال)
            let also = self.words[clo].bare == "كما" || boundary;
            if let Some((last, _, _)) = events.last_mut()
                && best.trigger.pos == Pos::Noun
                && best.rank > 1
                && !also
                && (last.category == event.category
                    || (last.category.is_violent() && event.category.is_violent())
                    // the list of what a speech act asks or blames goes on after a comma
                    // (، والالتزام بوقف إطلاق النار)
                    || (last.explanation.rank >= 5
                        && best.rank < 5
                        && best.at <= clo + 3
                        && self.a.tokens[clo].has(Proclitic::Wa)))
            {
                // the same happening told on: a noun after an event of the same category
                last.evidence = last.evidence.cover(event.evidence);
                // whose means it names, where the first said only what it amounted to (مجزرة
                // راح ضحيتها 57 قتيلا، وأصيب 225 آخرون في قصف عنيف: a shelling)
                let generic = matches!(last.mode.as_str(), "attack" | "massacre");
                let means = matches!(
                    event.mode.as_str(),
                    "shelling"
                        | "artillery"
                        | "mortar"
                        | "missile-strike"
                        | "air-strike"
                        | "drone-strike"
                        | "barrel-bomb"
                        | "bombing"
                        | "car-bomb"
                        | "suicide-bombing"
                        | "chemical-attack"
                );
                if last.category.is_violent() && event.category.is_violent() && generic && means {
                    last.category = event.category;
                    last.mode = event.mode;
                    last.explanation.refined_by = Some((event.explanation.entry, event.trigger));
                }
                continue;
            }
            events.push((event, best.trigger.pos, best.anaphoric));
        }
        if let Some(k) = previous_denied
            && let Some((e, _, _)) = events.get_mut(k)
            && e.category.is_violent()
        {
            e.negated = true;
        }
        // references to what happened: only when nothing else in the sentence is an event
        let reported = events.iter().any(|(e, _, _)| e.explanation.rank > 1);
        events
            .into_iter()
            .filter(|(e, _, _)| !reported || e.explanation.rank > 1)
            .map(|(e, _, anaphoric)| (e, anaphoric))
            .collect()
    }

    /// Whether a trigger's flags allow it here: `nolam` not after the ل of purpose, on the
    /// word (لوقف إطلاق النار) or before it (للتوصل إلى معاهدة); `indef` not with the article
    /// (المتهمين) unless what is charged follows with ب (المتهمين بارتكاب); `armed` only with a
    /// word of armed force besides its own in its sentence or the one before (`armed`: عززت
    /// القوات تقدمها, not الخدمات التي تقدمها); `with=` only with its companion word later in
    /// the clause; `without=` not with one of its words within the six after it (its subject may
    /// come first), before any phrase with ب or its `with=` word; `noart` not with the article;
    /// `apart` not with its `with=` word right after it, unless it carries an object pronoun.
    fn admissible(&self, h: &Hit<'_>, clo: usize, chi: usize, armed: [&[Span]; 2]) -> bool {
        if h.trigger.armed && !self.armed_besides(h, armed) {
            return false;
        }
        if h.trigger.no_article && self.words[h.at].definite {
            return false;
        }
        if h.trigger.no_lam {
            let w = &self.words;
            let purpose = w[h.at].li
                || (h.at > clo && w[h.at - 1].li)
                || (h.at > clo + 1 && matches!(w[h.at - 1].bare, "الي" | "علي") && w[h.at - 2].li);
            if purpose {
                return false;
            }
        }
        if h.trigger.no_bi_al && self.words[h.at].bi && self.words[h.at].definite {
            return false;
        }
        // the name of a charge, with the article (بتهمة التمرد, تهمة القتل العمد): what someone
        // is charged with, not something that happened (بتهمة قتل 3 جنود tells a killing)
        if h.trigger.pos == Pos::Noun
            && self.words[h.at].definite
            && h.at >= 1
            && matches!(self.words[h.at - 1].stem, "تهمة" | "تهم" | "تهمتي" | "تهمتين")
        {
            return false;
        }
        // المتهمين بارتكاب جرائم is still "accused of" (ب as written: بشن is not cut, شن being
        // short)
        if h.trigger.indefinite
            && self.words[h.at].definite
            && !self.words.get(h.end).is_some_and(|w| w.bi || w.whole.starts_with('ب'))
        {
            return false;
        }
        if h.trigger.place
            && !self.words[h.end..chi].iter().any(|w| {
                w.entity
                    .is_some_and(|e| matches!(self.a.entities[e].etype, EntityType::Gpe | EntityType::Loc))
            })
        {
            return false;
        }
        if h.trigger.inquiry && !self.inquiry(h, clo, chi) {
            return false;
        }
        // (the words before a phrase with ب: أقر الرئيس بأن خطة الحكومة فشلت admits, أقرت
        // الحكومة خطة approves)
        if !h.trigger.without.is_empty()
            && self.words[h.end..chi]
                .iter()
                .take(6)
                .take_while(|w| !w.bi && !w.whole.starts_with("بأن") && !w.whole.starts_with("بان"))
                // (nor past its companion word: تحقق النيابة في نتائج الانتخابات)
                .take_while(|w| !h.trigger.with.iter().any(|k| w.is(k)))
                .any(|w| h.trigger.without.iter().any(|k| w.is(k)))
        {
            return false;
        }
        // (`apart`: تحمّل المسؤولية bears it; حمّل X مسؤولية, تحمله مسؤولية, and حمّل مسؤولية
        // الاشتباكات للسلطات الأذرية with the one blamed named after ل, blame)
        if h.trigger.apart
            && !self.has_object_pronoun(h)
            && self.words.get(h.end).is_some_and(|w| h.end < chi && h.trigger.with.iter().any(|k| w.is(k)))
            && !(h.end + 1..chi).any(|k| {
                // (a party, or a body with its nisba: للسلطات الأذرية; not a purpose, لحماية
                // الفلسطينيين)
                let w = &self.words[k];
                let body =
                    matches!(w.stem, "سلطات" | "حكومة" | "قوات" | "جيش" | "نظام" | "ميليشيات" | "جماعة");
                w.li && (w.entity.is_some()
                    || w.entries.nisba.is_some()
                    || (body && self.words.get(k + 1).is_some_and(|n| n.entries.nisba.is_some())))
            })
        {
            return false;
        }
        h.trigger.with.is_empty()
            || self.words[h.end..chi].iter().any(|w| h.trigger.with.iter().any(|k| w.is(k)))
    }

    /// Whether the punctuation at `i` opens a quotation within the clause ending at `chi`: « or
    /// “, or " with a word of the clause after it (a closing " ends what it quotes).
    fn opens_quote(&self, i: usize, chi: usize) -> bool {
        match self.words[i].bare {
            "«" | "“" => true,
            "\"" => self.words.get(i + 1).is_some_and(|w| i + 1 < chi && w.kind != TokenKind::Punct),
            _ => false,
        }
    }

    /// Whether the verbal noun تحقيق here is an inquiry, not achieving something: with the
    /// article (`التحقيق`, `للتحقيق`); closing its clause (`قيد التحقيق.`, not before an
    /// opening quote: `تحقيق "الاستقرار"`, nor with the ل of purpose: `لتحقيقها.`); followed by a word
    /// of inquiry (`تحقيق في`, `تحقيقا مستقلا`, `تحقيق أجرته اللجنة`); or after one of its
    /// frames, up to six words before (`فتحت شرطة الولاية تحقيقا`, `إجراء تحقيق`, `لجنة
    /// تحقيق`).
    /// `تحقيق الفوز`, `لتحقيق أكبر قدر من`, `تحقيق ذلك` achieve.
    fn inquiry(&self, h: &Hit<'_>, clo: usize, chi: usize) -> bool {
        let has = |i: usize, role: Marker| {
            self.words[i]
                .entries
                .markers
                .is_some_and(|list| list.iter().any(|(rest, r)| *r == role && self.follows(i + 1, chi, rest)))
        };
        // (closing its clause with the ل of purpose, it is achieving: لتحقيقها)
        let closes = !self.words[h.at].li
            && (h.end >= chi
                || (self.words[h.end].kind == TokenKind::Punct && !self.opens_quote(h.end, chi)));
        self.words[h.at].definite
            || closes
            || has(h.end, Marker::Inquiry)
            || (clo.max(h.at.saturating_sub(6))..h.at).any(|i| has(i, Marker::InquiryFrame))
    }

    /// Modality, negation and the markers that set them.
    fn modality(
        &self,
        clo: usize,
        chi: usize,
        best: &Hit<'_>,
    ) -> (Modality, bool, Vec<(&'static str, Span)>) {
        let mut future = false;
        let mut hypothetical = false;
        let mut negated = false;
        let mut markers = Vec::new();
        // the future prefix on the trigger or on the verb before it (سيعقد ... اجتماعا)
        if let Some(w) = self.words[clo..=best.at].iter().find(|w| w.sa) {
            future = true;
            markers.push(("future", w.span));
        }
        // the purpose of launching it (لشن هجوم عسكري لاستعادة إدلب, لتنفيذ هجمات): intended,
        // to come (لشن is one word to the segmenter: شن is too short to cut)
        let launching = |w: &Word<'_>| (w.li && matches!(w.stem, "تنفيذ" | "قيام")) || w.bare == "لشن";
        if !future && best.at > clo && launching(&self.words[best.at - 1]) {
            future = true;
            markers.push(("future", self.words[best.at - 1].span));
        }
        // a noun, then its verb of being held or starting in the future, past the names that
        // complete it (اجتماع منظمة التعاون الإسلامي سيعقد الجمعة, محادثات ستبدأ في سبتمبر);
        // not what a thing made will do (الاتفاق سيوفر, نتيجة التحقيق ستعلن)
        const HELD: &[&str] = &[
            "يعقد",
            "تعقد",
            "ينعقد",
            "تنعقد",
            "يتم",
            "تتم",
            "يجري",
            "تجري",
            "يبدا",
            "تبدا",
            "ينطلق",
            "تنطلق",
            "يسري",
            "تسري",
            "يحصل",
            "تحصل",
            "يقام",
            "تقام",
        ];
        if !future
            && best.trigger.pos == Pos::Noun
            && let Some(w) = self.words[best.end.min(chi)..chi].iter().take(6).find(|w| w.entity.is_none())
            && w.sa
            && HELD.contains(&w.stem)
        {
            future = true;
            markers.push(("future", w.span));
        }
        let mut i = clo;
        while i < chi {
            let Some((role, end)) = self.marker_at(i, chi) else {
                i += 1;
                continue;
            };
            let span = Span::new(self.words[i].span.start(), self.words[end - 1].span.end());
            match role {
                // (not a rapporteur: `وقال مقرر الأمم المتحدة الخاص`)
                Marker::Future
                    if !self.words.get(i + 1).is_some_and(|n| {
                        crate::lexicon::rapporteur(
                            self.words[i].bare,
                            n.bare,
                            self.words.get(i + 2).map(|a| a.bare),
                        )
                    }) =>
                {
                    future = true;
                    markers.push(("future", span));
                }
                Marker::Future => {}
                // right before the trigger, or past a verb of undergoing and أي (لم يتعرض لأي
                // قصف جوي), or past the verb whose object the trigger is, with أي or a pronoun
                // of whom it is aimed at (لا تنفذ أي عمليات عسكرية, لم توجه إليه اتهامات); not
                // a verb of stopping, sufficing or ruling out, whose negation affirms (لم تتوقف
                // الاشتباكات, لم يستبعد شن هجوم)
                Marker::Negation
                    if end <= best.at
                        && (best.at == end
                            || (best.at - end == 1 && !Self::affirms(&self.words[end]))
                            || self.words[end..best.at]
                                .iter()
                                .all(|w| matches!(w.stem, "يتعرض" | "تتعرض" | "يتعرضوا" | "اي" | "لاي"))
                            || self.negated_verb(end, best.at)) =>
                {
                    negated = true;
                    markers.push(("negation", span));
                    future |= self.words[i].bare == "لن";
                }
                Marker::Intent if i < best.at => {
                    future = true;
                    markers.push(("future", span));
                }
                Marker::Hypothetical if i < best.at => {
                    hypothetical = true;
                    markers.push(("hypothetical", span));
                }
                // قد تحاول, not وقد تواصل (and indeed he contacted)
                Marker::Possibility
                    if i < best.at
                        && self.words[i].whole == "قد"
                        && self.words.get(end).is_some_and(|w| w.whole.starts_with(['ي', 'ت', 'ن'])) =>
                {
                    hypothetical = true;
                    markers.push(("hypothetical", span));
                }
                _ => {}
            }
            i = end;
        }
        // a condition governs what it promises (إذا لم يتوقفوا فسوف نواصل)
        let modality = if hypothetical {
            Modality::Hypothetical
        } else if future {
            Modality::Future
        } else {
            Modality::Asserted
        };
        (modality, negated, markers)
    }

    /// [`Finder::titled`]: each person whose first mention in a place stands after a title and
    /// a nisba (a comma between them and the name allowed).
    fn titled_people(&self) -> Vec<(String, EntryId, usize)> {
        let mut out: Vec<(String, EntryId, usize)> = Vec::new();
        for (i, w) in self.words.iter().enumerate() {
            let Some(e) = w.entity else { continue };
            if self.a.entities[e].etype != EntityType::Person
                || (i > 0 && self.words[i - 1].entity == Some(e))
            {
                continue;
            }
            let n = if i > 0 && self.words[i - 1].is_comma() { i - 1 } else { i };
            let Some(at) = n.checked_sub(1) else { continue };
            let (Some(country), Some(title)) = (self.nisba(&self.words[at]), self.title_before(at)) else {
                continue;
            };
            if !out.iter().any(|(t, c, p)| *t == title && *c == country && *p == e) {
                out.push((title, country, e));
            }
        }
        out
    }

    /// The words of a title or role of the knowledge base that ends right before word `end`
    /// (`الرئيس`, `رئيس الوزراء`), keyed and joined by spaces.
    fn title_before(&self, end: usize) -> Option<String> {
        let from = end.saturating_sub(3);
        let keys: Vec<_> = self.words[from..end].iter().map(|w| self.a.norm.key_of(w.bare)).collect();
        let start = (from..end).find(|&j| {
            let w = &self.words[j];
            w.kind == TokenKind::Arabic
                && w.entity.is_none()
                && !w.prep
                && self
                    .a
                    .kb
                    .title(&keys[j - from], |k| keys.get(j - from + 1 + k).map(|w| w.as_ref()))
                    .is_some_and(|(len, t)| {
                        j + len == end && matches!(t.kind, TitleKind::Title | TitleKind::Role)
                    })
        })?;
        Some(keys[start - from..].join(" "))
    }

    /// The party the word at `i` stands for ([`Finder::party`]); a nisba after a title is the
    /// one person the article names with that title and nisba (`الرئيس الأميركي` is Donald
    /// Trump where the article calls him `الرئيس الأميركي دونالد ترامب`), not the country.
    fn party_at(&self, i: usize) -> Option<Party> {
        let w = &self.words[i];
        // (not a former, late or elected holder: الرئيس الأميركي السابق)
        let other_holder = || {
            self.words[i + 1..]
                .iter()
                .find(|v| !v.is_comma())
                .is_some_and(|v| OTHER_HOLDERS.contains(&v.bare))
                || self.holder_follows(i, self.words.len())
        };
        if w.entity.is_none()
            && let Some(country) = self.nisba(w)
            && !other_holder()
            && let Some(title) = self.title_before(i)
        {
            let mut people = self.titled.iter().filter(|(t, c, _)| *t == title && *c == country).map(|x| x.2);
            if let (Some(p), None) = (people.next(), people.next()) {
                return Some(Party::Entity(p));
            }
        }
        self.party(w)
    }

    /// The subject of the clause `lo..clo` that a participle after it goes on from, or a verb
    /// with no subject of its own joined to it (`واعتقلت`, `كما طلب`): a person
    /// named in its first eight words (`وتقدم المحامي هاني جاد للمحكمة بالفيديو، متهماً`,
    /// `أكد مفتي مصر الدكتور شوقي علام ...، مطالبا`), else a party named in its first three
    /// (`أعلن الجيش الأميركي`), no preposition governing either, before any `أن`; not the
    /// body of a title whose holder is left unnamed (`واعتبر المبعوث الأممي ... الاستيطان
    /// الإسرائيلي، داعياً`), nor a place.
    fn main_subject(&self, lo: usize, clo: usize) -> Option<Party> {
        let end = clo.min(lo + 8);
        let end = (lo..end).find(|&i| self.words[i].is_that()).unwrap_or(end);
        let free = |i: usize| {
            self.words[i].kind == TokenKind::Arabic
                && !self.governed_by(i, lo, |w| w.bare_is(Role::Preposition), true)
        };
        let person = (lo..end).find(|&i| {
            free(i) && self.words[i].entity.is_some_and(|e| self.a.entities[e].etype == EntityType::Person)
        });
        if let Some(i) = person {
            return self.party_at(i);
        }
        (lo..end.min(lo + 3))
            .filter(|&i| free(i) && self.words[i].entity.is_some())
            .filter_map(|i| self.party_at(i))
            .find(|p| !matches!(self.etype(p), Some(EntityType::Loc)))
    }

    /// The subject named before the verb at word `verb`, in the sentence from `lo`: a name
    /// (not a place) that ends right before it, `قد` aside, and stands where a subject does: at
    /// the sentence's start, after its conjunction, or after `كان` (`وكان الرئيس الفلبيني
    /// رودريغو دوتيرتي أعلن`, `روسيا قد أعلنت`), a place it is in set off between them (`وكان
    /// الجيش الأميركي في واشنطن، أوضح`); not the object of a word before it (`بعد لقائه بوتين
    /// أعلن ماكرون`).
    fn subject_before_verb(&self, lo: usize, verb: usize) -> Option<usize> {
        let mut end = verb;
        while end > lo && self.words[end - 1].bare == "قد" {
            end -= 1;
        }
        if end <= lo {
            return None;
        }
        // (set off by a comma, with where the subject is: `وكان الجيش الأميركي، أوضح`, `وكان
        // الجيش الأميركي في واشنطن، أوضح`)
        let comma = self.words[end - 1].is_comma() && end >= lo + 2;
        if comma {
            end -= 1;
            let place = self.words[end - 1]
                .entity
                .filter(|&p| matches!(self.a.entities[p].etype, EntityType::Gpe | EntityType::Loc));
            let mut k = end;
            while place.is_some() && k > lo && self.words[k - 1].entity == place {
                k -= 1;
            }
            if place.is_some() && k > lo + 1 && self.words[k - 1].bare == "في" {
                end = k - 1;
            }
        }
        let e = self.words[end - 1].entity?;
        // (a place before a comma is a dateline, `بغداد، أعلنت الوزارة`, not a subject)
        if self.a.entities[e].etype == EntityType::Loc
            || (comma && self.a.entities[e].etype == EntityType::Gpe)
        {
            return None;
        }
        let mut start = end - 1;
        while start > lo && self.words[start - 1].entity == Some(e) {
            start -= 1;
        }
        // a title and its nisba before the name (وكان الرئيس الفلبيني رودريغو دوتيرتي)
        loop {
            let w = start.checked_sub(1).filter(|&k| k >= lo).map(|k| &self.words[k]);
            if w.is_some_and(|w| w.entity.is_none() && !w.prep && self.nisba(w).is_some()) {
                start -= 1;
                continue;
            }
            match self.title_before(start).map(|t| t.split(' ').count()) {
                Some(n) if start >= lo + n => start -= n,
                _ => break,
            }
        }
        if self.words[start].prep {
            return None;
        }
        let opens = start == lo || KANA.contains(&self.words[start - 1].bare);
        opens.then_some(e)
    }

    /// Whether a party is an outlet (agency, newspaper, broadcaster, website, platform).
    fn outlet(&self, p: &Party) -> bool {
        matches!(p, Party::Entity(e) if matches!(
            self.a.entities[*e].subtype.as_deref(),
            Some("agency" | "newspaper" | "broadcaster" | "website" | "platform")
        ))
    }

    /// Whether a party is a place below a country: a city, a town, a district (a capital
    /// may stand for its government only where it is named, not where a subject is assumed).
    fn settlement(&self, p: &Party) -> bool {
        matches!(p, Party::Entity(e) if matches!(self.a.entities[*e].etype, EntityType::Gpe | EntityType::Loc)
            && self.a.entities[*e].subtype.as_deref() != Some("country"))
    }

    /// Whether the verb at `at` opens the clause from `clo` joined to what goes before: with
    /// و or ف on it (`واعتقلت`, `فأقرت`), or after `كما` or `ثم` (`كما طلب`), `قد` aside.
    fn joined_verb(&self, at: usize, clo: usize) -> bool {
        let mut k = at;
        while k > clo && self.words[k - 1].bare == "قد" {
            k -= 1;
        }
        let w = &self.words[k];
        let conj = self.a.tokens[k].has(Proclitic::Wa) || self.a.tokens[k].has(Proclitic::Fa);
        (k == clo && conj && w.bare != w.whole)
            || (k == clo + 1 && matches!(self.words[clo].whole, "كما" | "وكما" | "ثم"))
    }

    /// The parties of `parties` joined by و to the one whose mention covers word `i`, in the
    /// clause `clo..chi`, those before it (nearest first) and those after it: each name right
    /// after the last one's mention, its و on the name or on a title and nisbas before it
    /// (`روسيا وتركيا وإيران`, `نيكول باشينيان والرئيس الأذربيجاني إلهام علييف`; the holder
    /// of a title named after its body, `مون وزعيم كوريا الشمالية، كيم جونغ أون`), and the
    /// names or nisbas right before its own و (`أرمينيا وأذربيجان` when the subject found is
    /// the second, `الطائرات السورية والروسية`; not past a title with the و, `... والرئيس
    /// التركي أردوغان`). Not past any other word (`قصفت أذربيجان وقتلت القوات الأرمينية` joins two
    /// verbs, not two parties), nor from or to a name a preposition governs (`التصدي لروسيا
    /// والصين`, `شركات مثل أمازون وغوغل التابعة لشركة ألفابيت وفيسبوك`).
    fn coordinated(
        &self,
        i: usize,
        clo: usize,
        chi: usize,
        parties: &[(usize, Party)],
    ) -> (Vec<Party>, Vec<Party>) {
        const MOST: usize = 12;
        let party_at = |k: usize| parties.iter().find(|(j, _)| *j == k).map(|(_, p)| p.clone());
        let entity_start = |k: usize| {
            let e = self.words[k].entity;
            let mut start = k;
            while start > clo && e.is_some() && self.words[start - 1].entity == e {
                start -= 1;
            }
            start
        };
        let mention_end = |k: usize| {
            let e = self.words[k].entity;
            let mut end = k + 1;
            while end < chi && e.is_some() && self.words[end].entity == e {
                end += 1;
            }
            end
        };
        // a preposition, not the first letter of the name (بروناي, بولندا; but للسعودية is ل
        // and the article, its name's span starting at the ل)
        let prep = |k: usize| {
            let t = &self.a.tokens[k];
            self.words[k].prep
                && (t.has(Proclitic::Li) && t.has(Proclitic::Al)
                    || !self.words[k].entity.is_some_and(|e| {
                        let start = t.start_without_conjunction(self.a.norm);
                        self.a.entities[e].mentions.iter().any(|m| m.span.start() == start)
                    }))
        };
        let (mut before, mut after) = (Vec::new(), Vec::new());
        if prep(entity_start(i)) {
            return (before, after);
        }
        // the first word of the name a conjunction at `k` joins: `k` itself, or the first word
        // after a title and nisbas starting there, or the holder of that title named after the
        // body it belongs to
        let name_from = |k: usize| -> Option<usize> {
            if self.words[k].entity.is_some() || self.nisba(&self.words[k]).is_some() {
                return Some(k);
            }
            let mut j = self.title_end(k, chi)?;
            while j < chi && self.words[j].entity.is_none() && self.nisba(&self.words[j]).is_some() {
                j += 1;
            }
            if j >= chi || self.words[j].entity.is_none() {
                return None;
            }
            let body = mention_end(j);
            let holder = (body..chi.min(body + 2))
                .find(|&h| !self.words[h].is_comma())
                .filter(|&h| self.person_word(&self.words[h]) && !self.words[h].prep);
            Some(holder.unwrap_or(j))
        };
        let mut at = i;
        while after.len() < MOST {
            let k = mention_end(at);
            if k >= chi || !self.words[k].joined() || prep(k) {
                break;
            }
            let Some(j) = name_from(k) else { break };
            let Some(p) = party_at(j) else { break };
            after.push(p);
            at = j;
        }
        let mut start = entity_start(i);
        while before.len() < MOST {
            if start <= clo
                || !self.words[start].joined()
                || (self.words[start - 1].entity.is_none() && self.nisba(&self.words[start - 1]).is_none())
            {
                break;
            }
            let first = entity_start(start - 1);
            if prep(first) {
                break;
            }
            let Some(p) = party_at(first) else { break };
            before.push(p);
            start = first;
        }
        (before, after)
    }

    /// Whether a person is named as the holder of the title whose nisba stands at `i`, in the
    /// words after it before `end`: past commas and the names of the post (`وزير الدفاع
    /// الأذري، ذكير خسنوف`, `السفير الروسي لدى الأمم المتحدة، فاسيلي نبينزيا`), not past any
    /// other word (`واتهم الرئيس الأمريكي إيران بدعم الرئيس السوري بشار الأسد`).
    fn holder_follows(&self, i: usize, end: usize) -> bool {
        let mut post = false;
        // a word other than a nisba seen since `i`
        let mut other = false;
        for v in self.words.iter().take(end.min(i + 8)).skip(i + 1) {
            if v.is_stop() && !v.is_comma() {
                return false;
            }
            match v.entity {
                Some(_) if self.person_word(v) => return true,
                // (the post's place or body: لدى الأمم المتحدة, في موسكو)
                Some(_) if post => {}
                Some(_) => return false,
                // another title's nisba, past a word of its own: its holder is another's (التقى
                // الرئيس الأمريكي الرئيس السوري بشار الأسد; not الزعيم القبرصي التركي مصطفى
                // أكينجي, one title of two nisbas)
                None if self.nisba(v).is_some() => {
                    if other {
                        return false;
                    }
                }
                // a title, an adjective, the title's body (الملك, الأمير, الجديد, للتجارة
                // الدولية), a hashtag's sign, a bracket (الإماراتي (أنور قرقاش)); no other word
                None if v.is_comma() || matches!(v.bare, "#" | "(") => post = false,
                None if matches!(v.bare, "لدي" | "في") => post = true,
                None if v.bare.starts_with("ال") || v.bare.starts_with("لل") => other = true,
                None => return false,
            }
        }
        false
    }

    /// Where the title starting at word `at` ends, when one does (before `chi`).
    fn title_end(&self, at: usize, chi: usize) -> Option<usize> {
        if at >= chi {
            return None;
        }
        let keys: Vec<_> = (at..chi.min(at + 8)).map(|k| self.a.norm.key_of(self.words[k].bare)).collect();
        let (n, title) = self.a.kb.title(&keys[0], |k| keys.get(1 + k).map(|w| w.as_ref()))?;
        matches!(title.kind, marsad_kb::TitleKind::Title | marsad_kb::TitleKind::Role).then_some(at + n)
    }

    /// Whether word `v` is (part of) a mention of a person.
    fn person_word(&self, v: &Word<'_>) -> bool {
        v.entity.is_some_and(|e| self.a.entities[e].etype == EntityType::Person)
    }

    /// The party a word stands for: its entity, or the country of a nisba.
    fn party(&self, w: &Word<'_>) -> Option<Party> {
        if let Some(e) = w.entity {
            return Some(Party::Entity(e));
        }
        self.nisba(w).map(|c| self.country(c))
    }

    /// Whether the violent noun at `at` tells what befell the party at `i` before it, not what
    /// it did: the noun comes after عن (`تقارير عن هجوم`), or after في or من with a word of
    /// death or escape between them (`قتل شخصان في انفجار`, `نجا من هجوم`).
    /// Not when the party is responsible for it (`روسيا مسؤولة عن الاعتداء`), nor when the
    /// word of death has a figure right after it, its object (`قتل ما يصل إلى 99 مدنيا في
    /// مجزرة`: the party killed).
    fn befell(&self, i: usize, at: usize, clo: usize) -> bool {
        let Some(k) = at.checked_sub(1) else { return false };
        match self.words[k].bare {
            "عن" => !k.checked_sub(1).is_some_and(|j| self.words[j].stem_is(Role::Responsible)),
            // the word of death after the party, or before it (`نجا الفنان الأفغاني من هجوم`);
            // قتل before the party only written passive or with nothing after the party
            // (`قتل مزارع فلسطيني في قصف`; `قتل الجيش الروسي مدنيين في قصف`: it killed)
            "في" | "من" => {
                // nothing but the party's own name between it and the preposition
                let last_before = (i + 1..k).all(|j| self.same_entity(i, j));
                (i.saturating_sub(3).max(clo)..k).any(|d| {
                    let w = &self.words[d];
                    let befell = w.stem_is(Role::Befell)
                        || (w.stem_is(Role::Killed) && (d > i || last_before || self.written_passive(d, 3)));
                    befell
                        && !self
                            .words
                            .get(d + 1)
                            .is_some_and(|w| w.kind == TokenKind::Number || w.stem_is(Role::Figure))
                })
            }
            _ => false,
        }
    }

    /// Whether the party at `i` is who speaks, in the clause from `clo`, of what the trigger at
    /// `at` tells: a verb of saying before it, and a complementiser with its own subject between
    /// it and the trigger (`وقال الأمين العام للأمم المتحدة أنطونيو غوتيريش إن أي عملية
    /// عسكرية`, `وقال نائب المحافظ طاهر عبد الله إن رجلين مسلحين دخلا المبنى بعد أن أطلقا
    /// النار`): the speaker is not the subject of what is said. Not `إنه`, `إنها`, whose
    /// pronoun may be the speaker (`وقالت الوزارة إنها قصفت`), nor a subject that is the
    /// speaker's own, a word with a pronoun as written in its first two words (`إن بلاده
    /// قررت`, `أن إحدى دباباته أطلقت النار`, `إن مقاتلينا قصفوا`), nor the أن of `بعد أن`; a
    /// demand in what is said (`قال بارنييه إن الأولوية يجب أن`) is the speaker's, and so is a
    /// fight a force tells of with no other party in it.
    fn speaker(&self, i: usize, (clo, chi): (usize, usize), at: usize, violent: bool) -> bool {
        const BEFORE_VERBAL_AN: &[&str] =
            &["بعد", "قبل", "منذ", "دون", "بدون", "الي", "علي", "من", "عن", "في", "ل"];
        if MODALS.contains(&self.words[at].stem) {
            return false;
        }
        let own =
            |k: usize| ["ه", "ها", "هم", "هما", "نا", "كم"].iter().any(|p| self.written_bare(k).ends_with(p));
        // a force that tells of a fight with no other party but places named in what it says
        // (up to the clause's end `chi`) fought it (وأعلن الجيش الإسرائيلي أن الطائرات قصفت, وقال الجيش
        // السوري إن وحدات الجيش استعادت; not وقالت حماس إن شخصا قتل برصاص القوات الإسرائيلية)
        let armed = violent && self.words[i].entity.is_some_and(|e| self.armed(&Party::Entity(e)));
        let said = (clo..i).any(|k| self.words[k].entries.speech == Some(SpeechRole::Speech));
        said && (i + 1..at).any(|k| {
            matches!(self.words[k].bare, "ان" | "بان")
                && k + 1 < at
                && !BEFORE_VERBAL_AN.contains(&self.words[k - 1].bare)
                && !(k + 1..(k + 3).min(at)).any(own)
                && (!armed
                    || (k + 1..chi).any(|j| {
                        j != at
                            && self.party(&self.words[j]).is_some_and(|p| {
                                !matches!(self.etype(&p), Some(EntityType::Gpe | EntityType::Loc))
                            })
                    }))
        })
    }

    /// Word `i` as written ([`Finder::written`]), without the vowel marks at its end: a
    /// pronoun or ة is read off its last letters (مهاجمه, دباباته).
    fn written_bare(&self, i: usize) -> &str {
        self.written(&self.words[i]).trim_end_matches(|c: char| ('\u{064B}'..='\u{0652}').contains(&c))
    }

    /// Whether words `i` and `j` name the same entity.
    fn same_entity(&self, i: usize, j: usize) -> bool {
        self.words[j].entity.is_some() && self.words[j].entity == self.words[i].entity
    }

    /// Whether the party at `i` was exposed to the violent noun at `at`: the noun carries ل
    /// and a word of exposure (`exposed` in roles.tsv) stands before the noun, either earlier
    /// in the clause than the party with no أن between them (`تعرضت مواقع أرمينية لقصف`,
    /// `وتعرض موكب وزير الداخلية الليبي فتحي باشاغا لإطلاق نار`), or soon after the party
    /// (`العاصمة واغادوغو تتعرض لهجوم`, `ماكين الذي تعرض للتعذيب`; not `وحذرت الأمم المتحدة من
    /// تعرض المدنيين لهجمات`, where the party speaks of others).
    fn exposed(&self, i: usize, at: usize, clo: usize) -> bool {
        // no أن between (`وقالت روسيا إن الطائرة تعرضت لإطلاق نار`: the speaker)
        let that = |k: usize| self.words[k].is_that();
        // after the party: its own words, or at most two others that are no preposition
        // (`ماكين الذي تعرض`, `الفلسطينيين المصابين تعرضوا`; not `حذرت الأمم المتحدة من تعرض`)
        let close = |d: usize| {
            let between = (i + 1..d).filter(|&j| !self.same_entity(i, j));
            between.clone().count() <= 2
                && between.clone().all(|j| !self.words[j].bare_is(Role::Preposition) && !that(j))
        };
        self.words[at].li
            && (clo..at).any(|d| {
                self.words[d].stem_is(Role::Exposed)
                    && if d < i { !(d..i).any(that) } else { d > i && close(d) }
            })
    }

    /// The country a word is the nisba of (الأمريكي, الإسرائيلية).
    fn nisba(&self, w: &Word<'_>) -> Option<EntryId> {
        if w.kind != TokenKind::Arabic {
            return None;
        }
        w.entries.nisba
    }

    /// A country as a party: its entity in the article, else its English name.
    fn country(&self, c: EntryId) -> Party {
        let entry = self.a.kb.entry(c);
        match self.a.entities.iter().position(|e| e.kb.as_deref() == Some(entry.id.as_str())) {
            Some(i) => Party::Entity(i),
            None => Party::Name(entry.name_en.clone()),
        }
    }

    fn etype(&self, p: &Party) -> Option<EntityType> {
        match p {
            Party::Entity(i) => Some(self.a.entities[*i].etype),
            _ => Some(EntityType::Gpe),
        }
    }

    /// Whether word `i`, a verb of `verb_letters` letters, as written carries a damma on one
    /// of its first four letters after its proclitics, not its last: a verb in the passive
    /// (`اعتُقل`, `أُلقي`, `اختُطف`, `استُهدف`), where the active has fathas. A damma further on
    /// is a pronoun's (`اعتقلتهُم`, `خطفهُم`). Not for a word that may be an imperfect
    /// (`يُقاتل` is active; so the past passives `نُشرت`, `تُوفي` are missed).
    fn written_passive(&self, i: usize, verb_letters: usize) -> bool {
        let w = &self.words[i];
        if w.kind != TokenKind::Arabic || w.stem.starts_with(['ي', 'ت', 'ن']) {
            return false;
        }
        let original = self.written(w);
        if !original.contains(DAMMA) {
            return false;
        }
        let proclitics = w.whole.chars().count().saturating_sub(w.stem.chars().count());
        let mut letters = 0usize;
        for c in original.chars() {
            if c == DAMMA {
                // on a letter of the verb before its last (`خطفهُم`: a pronoun's)
                return letters > proclitics && letters < proclitics + verb_letters.min(5);
            }
            if is_arabic_letter(c) {
                letters += 1;
            }
        }
        false
    }

    /// A word as the original text writes it (its vowel marks kept).
    fn written(&self, w: &Word<'_>) -> &str {
        self.a.norm.original().get(w.span.range()).unwrap_or("")
    }

    /// Whether the trigger tells what was done, its doer untold: a verb written as a passive
    /// ([`Finder::written_passive`]); a verbal noun after `تم` or `جرى` (`تم اعتقال`); or
    /// `القبض` after the passive of ألقى, written with its ي (`ألقي القبض`, where the active
    /// is `ألقى`), with a damma (`أُلقي`), or as the imperfect passive `يُلقى`.
    fn passive(&self, h: &Hit<'_>) -> bool {
        match h.trigger.pos {
            // a verb whose doer follows as a hand (`اعتقل على أيدي الحرس الثوري`)
            Pos::Verb => {
                self.written_passive(h.at, verb_letters(h)) || (h.end + 1..h.end + 3).any(|k| self.by_hand(k))
            }
            Pos::Noun => {
                let Some(mut k) = h.at.checked_sub(1) else { return false };
                // جرى إلقاء القبض: the auxiliary before إلقاء
                if self.words[k].bare == "القاء" && k > 0 {
                    k -= 1;
                }
                let before = &self.words[k];
                if before.bare_is(Role::Passive) {
                    return true;
                }
                let last = || self.written(before).chars().rev().find(|&c| is_arabic_letter(c));
                match before.bare {
                    "القي" => self.written_passive(k, 4) || last() == Some('ي'),
                    "يلقي" => last() == Some('ى'),
                    _ => false,
                }
            }
        }
    }

    /// Whether the trigger is a verb that carries an object pronoun (`اختطفها`, `اعتقلته`):
    /// the word goes on after the table's verb with ه, هم, ها...
    fn has_object_pronoun(&self, h: &Hit<'_>) -> bool {
        const PRONOUNS: [&str; 5] = ["ه", "ها", "هم", "هما", "هن"];
        let stem = self.words[h.at].stem;
        h.trigger.pos == Pos::Verb
            && stem.chars().count() > verb_letters(h)
            && PRONOUNS.iter().any(|p| stem.ends_with(p))
    }

    /// The person named after a title or role that stands right after a verb trigger or the
    /// noun of a visit (`دعا وزير الدولة للشؤون الخارجية الإماراتي، أنور قرقاش، إلى`): within
    /// eight words after the title, before a preposition (but `لدى` and the post's body: لدى
    /// الأمم المتحدة), a number or punctuation other than a comma or a bracket, and not under
    /// a preposition itself (`وطلبت المحامية الخاصة لترامب`).
    fn holder_after_title<'p>(
        &self,
        best: &Hit<'_>,
        chi: usize,
        parties: &'p [(usize, Party)],
    ) -> Option<&'p (usize, Party)> {
        // (a visit's too: `زيارة ولي العهد السعودي الأمير محمد بن سلمان` is his)
        let visit = best.trigger.pos == Pos::Noun && best.trigger.mode == "visit";
        if !(best.trigger.pos == Pos::Verb || visit) || best.trigger.we || best.end >= chi {
            return None;
        }
        let from = self.title_end(best.end, chi)?;
        let stop = (from..chi.min(from + 8))
            .find(|&k| {
                let w = &self.words[k];
                w.kind == TokenKind::Number
                    || (w.kind == TokenKind::Punct && !matches!(w.bare, "،" | "," | "(" | ")"))
                    || (w.bare_is(Role::Preposition)
                        && w.entity.is_none()
                        // (not the post's: المندوبة الأمريكية لدى الأمم المتحدة، نيكي هيلي)
                        && !(w.bare == "لدي" && self.words.get(k + 1).is_some_and(|n| n.entity.is_some())))
            })
            .unwrap_or(chi.min(from + 8));
        parties.iter().find(|(i, p)| {
            (from..stop).contains(i) && !self.words[*i].prep && self.etype(p) == Some(EntityType::Person)
        })
    }

    /// Whether the trigger is a verb in the third person masculine singular ([`Trigger::masculine`])
    /// where a verb stands: an imperfect (يطالب), or a past one that opens its clause or
    /// follows its conjunction or particle (`وطالب`, `كما دعا`, `قد اتهم`); after a preposition
    /// or a noun the same word is a verbal noun (`بناء على طلب الكويت`, `مقابل تعهد`).
    fn masculine_verb(&self, h: &Hit<'_>, clo: usize) -> bool {
        const BEFORE_A_VERB: [&str; 10] =
            ["قد", "لقد", "كما", "ثم", "حيث", "فيما", "بينما", "عندما", "اذ", "لكن"];
        h.trigger.masculine
            && (h.trigger.phrase.starts_with('ي')
                || h.at == clo
                || self.words[h.at].whole != self.words[h.at].bare
                || BEFORE_A_VERB.contains(&self.words[h.at - 1].bare))
    }

    /// Whether party `p`, named by its name at word `i`, is a country whose name takes the
    /// feminine (most: روسيا, الهند, الولايات المتحدة; not those of `masculine` in roles.tsv,
    /// العراق, لبنان).
    fn feminine_country(&self, i: usize, p: &Party) -> bool {
        let w = &self.words[i];
        // by its name, not by a nisba or a body, which agree with the noun they describe or
        // start with (دعا العاهل الأردني, سيطر النظام السوري)
        let by_name = |e: &Entity| e.mentions.iter().any(|m| m.span.contains(w.span) && m.rule == "kb");
        matches!(p, Party::Entity(e) if w.entity == Some(*e) && by_name(&self.a.entities[*e])
            && self.a.entities[*e].subtype.as_deref() == Some("country"))
            && !w.bare_is(Role::Masculine)
    }

    /// Whether word `k` is يد or أيدي after على: the hand of who did it (`على يد داعش`).
    fn by_hand(&self, k: usize) -> bool {
        self.after_word(k, "علي", Role::Hand)
    }

    /// Whether word `k` has `role` in `roles.tsv` and the word before it is `before` (`على
    /// يد`, `من قبل`).
    fn after_word(&self, k: usize, before: &str, role: Role) -> bool {
        k > 0 && self.words.get(k).is_some_and(|w| w.bare_is(role)) && self.words[k - 1].bare == before
    }

    /// Whether a word that is `word` stands one or two words before word `i` (في مدينة كنجة,
    /// على مواقع أرمينية), or, with `clitic`, the word carries a preposition (بمدينة).
    fn governed_by(&self, i: usize, clo: usize, word: impl Fn(&Word<'_>) -> bool, clitic: bool) -> bool {
        (clitic && self.words[i].prep) || (clo..i).rev().take(2).any(|k| word(&self.words[k]))
    }

    /// Whether the party at word `i` (a place named, or by its nisba: `مدن فرنسية`; a body's
    /// seat: `شهد مجلس الشيوخ تصويتا`) is where the event at word `at` was seen, not who did
    /// it: a verb of witnessing right before it, a word between at most (شهدت تركيا هجوما,
    /// ويشهد شمال بوركينا فاسو هجمات), or right after its name (إن فرنسا شهدت هجوما), within
    /// the clause that starts at `clo`; and no clause of its own between the verb and the
    /// event (`تشهد تركيا أزمة منذ أن هاجمت روسيا أوكرانيا`: Turkey saw the crisis, not the
    /// attack).
    fn witnessed(&self, i: usize, clo: usize, at: usize) -> bool {
        let witness = |k: usize| self.words[k].stem_is(Role::Witness);
        let entity = self.words[i].entity;
        let name_end =
            (i..at).take_while(|&k| entity.is_some() && self.words[k].entity == entity).last().unwrap_or(i);
        let verb = (clo.max(i.saturating_sub(2))..i)
            .rev()
            .find(|&k| witness(k))
            .or_else(|| (name_end + 1 < at && witness(name_end + 1)).then_some(name_end + 1));
        verb.is_some_and(|v| {
            (v.min(i)..at).all(|k| !matches!(self.words[k].stem, "ان" | "انه" | "انها" | "حين" | "عندما"))
        })
    }

    /// Actors, targets and locations of the event whose trigger is `best` in the clause.
    fn roles(
        &self,
        clo: usize,
        chi: usize,
        best: &Hit<'_>,
        category: Category,
    ) -> (Vec<Party>, Vec<Party>, Vec<usize>) {
        // the parties of the clause, each once, with the word where it first stands
        let mut parties: Vec<(usize, Party)> = Vec::new();
        // the places meetings named after them were held in (قمة هلسنكي)
        let mut venues: Vec<usize> = Vec::new();
        // where the nisba of a title right after a verb stands, its subject (واتهم وزير الخارجية
        // الأميركي إيران)
        // (with no person named as its holder)
        let subject_title = (best.trigger.pos == Pos::Verb && !best.trigger.we)
            .then(|| self.title_end(best.end, chi))
            .flatten()
            .filter(|&k| {
                k < chi
                    && self.words[k].entity.is_none()
                    && self.nisba(&self.words[k]).is_some()
                    && !self.holder_follows(k, chi)
            });
        for i in clo..chi {
            if (best.at..best.end).contains(&i) && !(best.at + 1..best.at + 1 + best.gap).contains(&i) {
                continue;
            }
            // a nisba before a name modifies what it follows (وزير الدفاع الأذري، ذكير خسنوف):
            // the name is the party; after a title, only a person named as its holder takes
            // the nisba's place (`واتهم وزير الخارجية الأميركي إيران`: Iran is whom the United
            // States accused)
            let w = &self.words[i];
            if w.entity.is_none()
                && self.words[i + 1..chi.min(i + 4)].iter().any(|v| v.entity.is_some())
                && subject_title != Some(i)
            {
                continue;
            }
            // the place a meeting or an agreement is named after (قمة هلسنكي, اتفاق سوتشي,
            // قمة سنغافورة) is no party; a meeting's is where it is held. A country the
            // parties named there start with is a party (محادثات إيران والقوى الكبرى, اتفاق
            // الإمارات مع إسرائيل)
            let noun = i.checked_sub(1).map(|k| &self.words[k]);
            let venue = noun.is_some_and(|n| n.stem_is(Role::Venue));
            let named = venue || noun.is_some_and(|n| n.stem_is(Role::Named));
            let named_after = w.entity.filter(|&e| {
                let entity = &self.a.entities[e];
                // (the next word that is not the country's own: و joined to it, or مع)
                let more_parties = || {
                    entity.subtype.as_deref() == Some("country")
                        && (i + 1..chi).find(|&k| self.words[k].entity != Some(e)).is_some_and(|k| {
                            let v = &self.words[k];
                            v.joined() || v.stem == "مع"
                        })
                };
                named && matches!(entity.etype, EntityType::Gpe | EntityType::Loc) && !more_parties()
            });
            if let Some(e) = named_after {
                if venue && !venues.contains(&e) {
                    venues.push(e);
                }
                continue;
            }
            if let Some(p) = self.party_at(i)
                && !parties.iter().any(|(_, q)| *q == p)
            {
                parties.push((i, p));
            }
        }
        let mut actors: Vec<Party> = Vec::new();
        let mut targets: Vec<Party> = Vec::new();
        let mut locations: Vec<usize> = Vec::new();
        // مع marks a target only for meeting, agreeing and fighting with someone
        let with = WITH_CATEGORIES.contains(&category);
        let targeting = |w: &Word<'_>| w.bare_is(Role::Target) || (with && w.bare_is(Role::With));
        for (i, p) in &parties {
            let i = *i;
            // the country of a place just named, joined with ب: "في سمرقند بأوزبكستان" (not
            // another country governed by the verb: "نددت فرنسا في نيويورك بروسيا")
            let country_of_place = || {
                let entry = |e: usize| self.a.entities[e].kb.as_deref().and_then(|id| self.a.kb.by_id(id));
                self.words[i].bi
                    && i > clo
                    && self.words[i - 1].entity.is_some_and(|l| {
                        locations.contains(&l)
                            && matches!(p, Party::Entity(c) if entry(*c).is_some()
                                && entry(l).and_then(|l| self.a.kb.entry(l).country) == entry(*c))
                    })
            };
            if let Party::Entity(e) = p
                && matches!(self.a.entities[*e].etype, EntityType::Gpe | EntityType::Loc)
                && ((self.governed_by(i, clo, |w| w.bare_is(Role::Place), true)
                    && self.a.entities[*e].subtype.as_deref() != Some("country"))
                    || (i < best.at && self.words[i].entity.is_some() && self.witnessed(i, clo, best.at))
                    || country_of_place())
            {
                locations.push(*e);
                continue;
            }
            // not على of على يد: who acted (`على يد داعش`); مع only for meeting, agreeing and
            // fighting with someone, not for blaming or asking (`اتهمت إسرائيل إيران بتغذية
            // العنف على حدودها مع قطاع غزة`)
            if i > best.at && self.governed_by(i, clo, targeting, false) && !self.by_hand(i - 1) {
                targets.push(p.clone());
            }
        }
        // a meeting named after the place it was held in, unless the clause says where it was
        // held (قمة شنغهاي في سمرقند: the summit of the Shanghai Cooperation Organisation)
        if locations.is_empty() {
            locations = venues;
        }
        // a party whose people the clause says were hit before the trigger of violence is a
        // target (not of a speech act: حمّل باشينيان المسؤولية blames another): after
        // a noun of the hit people, or before their verb, with no أن between (a reporter's
        // أن: ذكرت شبكة CNN أن ...)
        let that = |k: usize| self.words[k].is_that();
        let hit = |i: usize| {
            let noun = (clo.max(i.saturating_sub(6))..i)
                .rev()
                .take_while(|&k| !that(k))
                .any(|k| self.words[k].stem_is(Role::HitNoun));
            let verb = (i + 1..best.at.min(i + 10))
                .take_while(|&k| !that(k))
                .any(|k| self.words[k].stem_is(Role::HitVerb));
            noun || verb
        };
        let violent = matches!(category, Category::Fight | Category::Assault);
        // a place: of the type, or where the event happened
        let placed = |p: &Party| {
            matches!(self.etype(p), Some(EntityType::Loc))
                || locations.iter().any(|l| *p == Party::Entity(*l))
        };
        for (i, p) in &parties {
            if violent
                && *i < best.at
                && (hit(*i) || self.exposed(*i, best.at, clo))
                && !targets.contains(p)
                && !placed(p)
            {
                targets.push(p.clone());
            }
        }
        let free = |i: usize| !self.governed_by(i, clo, |w| w.bare_is(Role::Preposition), true);
        // the place named right after a noun of taking places is the place taken (غزو العراق,
        // حصار قطر, ضم القرم, شاركت في غزو العراق), not who took it; a nisba is who took it
        // (الغزو الأمريكي), and so is the place named before the one taken with ل (غزو
        // الولايات المتحدة للعراق, ضم روسيا لشبه جزيرة القرم)
        let right_after = |i: usize| i == best.end && !self.words[i].prep;
        if best.trigger.pos == Pos::Noun && TAKING_MODES.contains(&best.trigger.mode.as_str()) {
            // the word after the name or word right after the noun (الغزو الأمريكي للعراق,
            // غزو نابليون لإسبانيا), when it carries ل
            let entity = self.words.get(best.end).and_then(|w| w.entity);
            let after_name = (best.end..chi)
                .take_while(|&j| entity.is_some() && self.words[j].entity == entity)
                .last()
                .map_or(best.end + 1, |j| j + 1);
            let li = (after_name < chi && self.words[after_name].li).then_some(after_name);
            let taken = li.and_then(|j| parties.iter().find(|(i, _)| *i == j));
            // not when a place taken with ل follows, named or not (ضم المغرب لمنطقة الصحراء)
            let named = parties.iter().find(|(i, p)| {
                right_after(*i) && self.etype(p) == Some(EntityType::Gpe) && entity.is_some() && li.is_none()
            });
            if let Some((_, p)) = taken.or(named)
                && !targets.contains(p)
            {
                targets.push(p.clone());
            }
        }
        // a party right after a title is the body the title belongs to (الأمين العام للأمم
        // المتحدة, رئيس المجلس العسكري, مندوب روسيا), when the title stands where the subject
        // does, right after the verb or before it: who speaks, never whom it is said to (not
        // `في اجتماع مع الأمين العام لحلف الناتو`, whose body is met)
        let owner = |i: usize| {
            i > clo && (i <= best.end + 3 || i < best.at) && self.words[i - 1].bare_is(Role::TitleEnd)
        };
        // (and not a town: see the end; for a violent act, no place of the knowledge base but
        // a country or a capital, and for any act, no town, village or neighbourhood, nor a
        // place the layers found by its head alone: وتستضيف بلدة تل رفعت, في محيط قرى تل
        // واسط والزيارة)
        let town = |p: &Party| {
            matches!(p, Party::Entity(e) if matches!(self.a.entities[*e].etype, EntityType::Gpe | EntityType::Loc)
            && match self.a.entities[*e].subtype.as_deref() {
                Some(s) => (violent && !ACTING_PLACES.contains(&s)) || SETTLEMENTS.contains(&s),
                None => self.a.entities[*e].kb.is_none(),
            })
        };
        let usable =
            |p: &Party| !targets.contains(p) && !matches!(self.etype(p), Some(EntityType::Loc)) && !town(p);
        let passive = self.passive(best);
        // a verb with an object pronoun (اختطفها) has its object: a person after it is its subject
        let patient = PATIENT_MODES.contains(&best.trigger.mode.as_str()) && !self.has_object_pronoun(best);
        // the agent of a noun (هجوم شنته طالبان, من قبل), named in the four words after its
        // word (`تم تدميرها من قبل قوات التحالف بعد سيطرة الميليشيات الحوثية`: the coalition is
        // no entity, and the Houthis further on did not), not as a place
        let agent_at = |k: usize| {
            // the agent's phrase ends at a preposition other than من (`شنتها بلاده إلى جانب
            // فرنسا`: France is beside)
            let end = (k + 1..chi.min(k + 5))
                .find(|&j| self.words[j].bare_is(Role::Preposition) && self.words[j].bare != "من")
                .unwrap_or(chi.min(k + 5));
            parties.iter().find(|(i, p)| {
                (k + 1..end).contains(i)
                    && usable(p)
                    && !self.governed_by(*i, clo, |w| w.bare_is(Role::Place), false)
            })
        };
        let agent = (best.end..chi).find(|&k| {
            self.words[k].bare_is(Role::Agent)
                || (self.after_word(k, "من", Role::By)
                    // من جانب واحد is unilaterally
                    && self.words.get(k + 1).is_none_or(|n| n.bare != "واحد"))
        });
        if let Some((_, p)) = agent.and_then(agent_at) {
            actors.push(p.clone());
        }
        // a delegation right after the trigger is the body it comes from (زار وفد من مجلس
        // الأمن الدولي ميانمار, لقاء وفد حماس, زيارة وفد أمني مصري)
        if actors.is_empty()
            && self.words.get(best.end).is_some_and(|w| w.stem == "وفد")
            && let Some((_, p)) = agent_at(best.end)
        {
            actors.push(p.clone());
        }
        // the agent of a passive or a noun after على يد, على أيدي (`اعتُقل على أيدي الحرس
        // الثوري`; not `على يد سائق في الهند`); not when a word of people hit stands
        // between, whose killing the agent did (`بيان إدانة ... مقتل خاشقجي على يد عملاء`)
        let hand = (passive || best.trigger.pos == Pos::Noun)
            .then(|| {
                (best.end..chi)
                    .take_while(|&k| !self.words[k].stem_is(Role::HitNoun))
                    .find(|&k| self.by_hand(k))
            })
            .flatten();
        if actors.is_empty()
            && let Some((_, p)) = hand.and_then(agent_at)
        {
            actors.push(p.clone());
        }
        // an invitation from someone is theirs (جاء الاجتماع بدعوة من روسيا)
        if actors.is_empty()
            && matches!(self.words[best.at].stem, "دعوه" | "دعوة")
            && self.words.get(best.end).is_some_and(|w| w.bare == "من")
            && let Some((_, p)) = parties.iter().find(|(i, p)| *i == best.end + 1 && usable(p))
        {
            actors.push(p.clone());
        }
        // and so are criticism, accusations and condemnation from someone, من right after
        // the noun or its qualifiers, no other preposition between (تلقى انتقادات واسعة من,
        // لا توجد إدانة من السلطة الفلسطينية; not انتقاداته في تغريداته من بروكسل)
        if actors.is_empty()
            && best.trigger.pos == Pos::Noun
            && category == Category::Disapprove
            && let Some(m) = (best.end..chi.min(best.end + 3))
                .take_while(|&k| self.words[k].bare == "من" || !self.words[k].bare_is(Role::Preposition))
                .find(|&k| self.words[k].bare == "من")
            && let Some((_, p)) = parties.iter().find(|(i, p)| *i == m + 1 && usable(p))
        {
            actors.push(p.clone());
        }
        // كل من X و Y after a verb: its subjects, listed (دعت كل من الولايات المتحدة
        // وبريطانيا وفرنسا وإيطاليا إلى ...)
        if actors.is_empty()
            && best.trigger.pos == Pos::Verb
            && self.words.get(best.end).is_some_and(|w| w.stem == "كل")
            && self.words.get(best.end + 1).is_some_and(|w| w.bare == "من")
        {
            for (k, (i, p)) in parties.iter().filter(|(i, _)| *i > best.end + 1).enumerate() {
                let w = &self.words[*i];
                if k > 0 && !w.joined() {
                    break;
                }
                actors.push(p.clone());
            }
        }
        // بين X و Y: both sides
        let mut between_towns: Vec<usize> = Vec::new();
        if actors.is_empty()
            && let Some(b) =
                self.words[best.end..chi].iter().position(|w| w.bare == "بين").map(|k| best.end + k)
        {
            // (not a place where they fight: `الاشتباكات بين الجماعات المسلحة في طرابلس`)
            let sides: Vec<&(usize, Party)> =
                parties.iter().filter(|(i, p)| *i > b && !placed(p) && !town(p)).take(2).collect();
            actors.extend(sides.iter().map(|(_, p)| p.clone()));
            // and every party joined to them by و (`بين مصر والسودان وإثيوبيا`, `بين رئيس جنوب
            // السودان سلفا كير ووزير الخارجية المصري سامح شكري`)
            if let Some((last, _)) = sides.last() {
                for q in self.coordinated(*last, clo, chi, &parties).1 {
                    if !actors.contains(&q) && !placed(&q) && !town(&q) {
                        actors.push(q);
                    }
                }
            }
            // the towns named there are where the fighting is (`بين الجيش والميليشيات شرق
            // مديرية حيس`, `بين محافظتي لحج وتعز`)
            between_towns.extend(parties.iter().filter(|(i, p)| *i > b && town(p)).filter_map(
                |(_, p)| match p {
                    Party::Entity(e) => Some(*e),
                    _ => None,
                },
            ));
        }
        // whom a violent verb hit, named after its subject of no name
        let mut hit_object: Option<Party> = None;
        // a passive has no subject: who acted is only an agent named (`اعتُقل على يد ...`)
        if actors.is_empty() && !passive {
            // the body of a title after the verb speaks through it (دعا الأمين العام للأمم
            // المتحدة): the subject, unless the title's holder is named after it (للأمم
            // المتحدة أنطونيو غوتيريش)
            let after = parties
                .iter()
                .find(|(i, p)| *i >= best.end && *i <= best.end + 4 && (free(*i) || owner(*i)) && usable(p))
                .map(|found| {
                    let (i, _) = found;
                    let holder = || {
                        parties.iter().find(|(k, p)| {
                            *k > *i && *k <= *i + 4 && free(*k) && self.etype(p) == Some(EntityType::Person)
                        })
                    };
                    if owner(*i) { holder().unwrap_or(found) } else { found }
                });
            let before = parties.iter().rev().find(|(i, p)| {
                // (where it stands last before the trigger: `رئيس أذربيجان ... إن أذربيجان
                // مستعدة` is Azerbaijan's own word too)
                let last = (*i..best.at).rev().find(|&k| self.party(&self.words[k]).as_ref() == Some(p));
                *i < best.at
                    && (free(*i) || owner(*i))
                    && usable(p)
                    && !self.speaker(last.unwrap_or(*i), (clo, chi), best.at, violent)
            });
            // the place that saw it stands where its subject would: no one before it acted
            // (`أيام كانت تشهد فيها إيران احتجاجات` after `حديث روحاني`)
            let before = before.filter(|(i, _)| !self.witnessed(*i, clo, best.at));
            let named = |(i, _): &&(usize, Party)| self.words[*i].entity.is_some();
            // the subject inside a gap phrase (أطلق الجيش الإسرائيلي النار)
            let inside = parties.iter().find(|(i, p)| *i > best.at && *i <= best.at + best.gap && usable(p));
            // a person right after a verb that acts on people is its object (اعتقلت الشرطة
            // is the police arresting, اعتقل إسلام is Islam arrested)
            let after = after.filter(|(_, p)| !(patient && self.etype(p) == Some(EntityType::Person)));
            // a country whose name takes the feminine, right after a masculine verb, is not its
            // subject but its object (دعا الهند إلى, وطالب روسيا بالتدخل)
            let after = after.filter(|(i, p)| {
                !(*i == best.end && self.masculine_verb(best, clo) && self.feminine_country(*i, p))
            });
            // a verb in the plural carries its subject (`كما اتهموا القوات الأوكرانية`): the name
            // after it is its object
            // (not `تدعوا الحكومة`, تدعو misspelt: a table verb ending in و)
            let after = after.filter(|_| {
                !(best.trigger.pos == Pos::Verb
                    && self.words[best.at].bare.ends_with("وا")
                    && !best.trigger.phrase.split(' ').next().is_some_and(|v| v.ends_with('و')))
            });
            // a violent verb's subject of no name stands between it and a named party (`وتقاتل
            // جماعات انفصالية مسلحة القوات الهندية`, `قصفت طائرة أخرى موقعا للانقلابيين
            // الحوثيين`): the party is whom it hit, not who hit (a nisba still qualifies the
            // subject: `قصفت الطائرات الحربية الروسية`)
            // (not the owner of the subject's noun: `قصفت مقاتلات التحالف العربي`, `هاجم أحد
            // عناصر داعش`, `دمر طيران واباتشي تحالف دعم الشرعية`; nor the body of a title, `اقتحم
            // وزير الزراعة وعضو الكنيست`; nor a party joined to the subject: `صدت قوات الجيش
            // الوطني والمقاومة الشعبية`)
            let force = |w: &Word| FORCE_NOUNS.contains(&w.stem) || matches!(w.bare, "احد" | "احدي");
            let placed_between = |i: usize| {
                (best.end..i).any(|k| self.words[k].prep || self.words[k].bare_is(Role::Preposition))
            };
            let pronoun_subject = |i: usize| self.has_object_pronoun(best) && !placed_between(i);
            let hit_after = after.filter(|(i, _)| {
                let i = *i;
                violent
                    && best.trigger.pos == Pos::Verb
                    && best.gap == 0
                    // (a verb with its object pronoun has its subject after it: `لغم زرعته
                    // ميليشيا الحوثي`, `التي اختطفها كيم جونغ إل`; not a noun with its
                    // possessive before على, `فرضوا سيطرتهم على العاصمة اليمنية صنعاء`)
                    && !pronoun_subject(i)
                    && self.words[i].entity.is_some()
                    && i >= best.end + 2
                    && !self.words[i].joined()
                    && self.words[i - 1].bare != "و"
                    && !owner(i)
                    && self.title_before(i).is_none()
                    && !(best.end..i).all(|k| force(&self.words[k]))
                    && (best.end..i)
                        .any(|k| self.words[k].entity.is_none() && self.words[k].kind == TokenKind::Arabic)
            });
            hit_object = hit_after.map(|(_, p)| p.clone());
            let after = after.filter(|_| hit_after.is_none());
            // a verb in the first person (ندعو) is the speaker's: no one after it is its subject
            let (inside, after) = if best.trigger.we { (None, None) } else { (inside, after) };
            // a title right after a verb, its holder named further on than a subject is looked
            // for (دعا وزير الدولة للشؤون الخارجية الإماراتي، أنور قرقاش، إلى): the holder, when
            // no subject stands before the verb (`وكانت ميركل قد انتقدت وزير الدولة للشؤون
            // الخارجية الإيطالي ماتيو سالفيني` is Merkel's), and not the person a verb acting
            // on people took (اعتقلت الكاتبة والناشطة، نوف)
            let titled = self.holder_after_title(best, chi, &parties);
            // the nisba right after a noun, with its tanween alif too (قصفا إسرائيليا)
            // (not of a lasting state, where it is the place, الحرب السورية; nor of an arrest or
            // an execution, where it is whom it befell, اعتقال فلسطينيين)
            let nisba_after = (best.trigger.pos == Pos::Noun
                && best.end < chi
                && !lexicon::lasting(&best.trigger.mode)
                && !PATIENT_MODES.contains(&best.trigger.mode.as_str()))
            .then(|| {
                let w = &self.words[best.end];
                let tanween = || self.a.kb.nisba_with_tanween(&self.a.norm.key_of(w.stem));
                (w.entity.is_none() && !w.prep)
                    .then(|| self.nisba(w).or_else(tanween))
                    .flatten()
                    .map(|c| (best.end, self.country(c)))
            })
            .flatten()
            .filter(|(_, p)| usable(p));
            let subject = match best.trigger.pos {
                // subject-verb right before it (إن أذربيجان قصفت), else verb-subject with a name
                // (a nisba after the verb qualifies its object: قصفت مواقع أرمنية)
                Pos::Verb => inside
                    .or(before.filter(|(i, _)| best.at - *i <= 2))
                    .or(after.filter(named))
                    .or(before)
                    .or(after)
                    .or(titled.filter(|_| !patient)),
                // a party before it, not one it befell ([`Finder::befell`]: `تقارير عن هجوم`,
                // `شخصان قتلا في انفجار`); else a party right after it (the nisba after a
                // noun of a lasting state: `الحرب السورية`), a nisba after the words of its
                // means
                Pos::Noun if best.trigger.adverbial => before,
                // the person after a title right after a visit is its visitor, before anyone
                // standing before it (`استقبل الرئيس العراقي برهم صالح خلال زيارة رئيس الوزراء
                // الكندي جاستن ترودو إلى بغداد` is Trudeau's visit)
                // (`holder_after_title` finds none after any other noun)
                Pos::Noun if titled.is_some() => titled,
                // a nisba right after the noun is whose act it is, before a party named
                // before it (`تأثر الاقتصاد الإيراني بالعقوبات الأميركية على إيران`, `في قصف
                // إسرائيلي`)
                Pos::Noun if nisba_after.is_some() => nisba_after.as_ref(),
                Pos::Noun => {
                    before.filter(|(i, _)| !(violent && self.befell(*i, best.at, clo))).or_else(|| {
                        after
                            .filter(|(i, _)| *i == best.end)
                            .or_else(|| {
                                // a nisba after a violent noun and the words of its means (هجمات
                                // جوية روسية, القصف بالصواريخ الإسرائيلية); not after the words
                                // of whom it was done to (طرد السفير الإسرائيلي)
                                let means = (best.end..chi.min(best.end + 2))
                                    .take_while(|&k| {
                                        violent
                                            && self.words[k].entity.is_none()
                                            // a word of means (جوي, صاروخي), not one naming
                                            // what was hit (مواقع, الجيش: `attack`)
                                            && self.words[k]
                                                .entries
                                                .refiner
                                                .is_some_and(|r| !matches!(r.mode.as_str(), "attack" | "shooting" | ""))
                                    })
                                    .count();
                                parties.iter().find(|(i, p)| {
                                    *i == best.end + means
                                        && !self.words[*i].prep
                                        && self.words[*i].entity.is_none()
                                        && usable(p)
                                })
                            })
                    })
                }
            };
            if let Some((i, p)) = subject {
                actors.push(p.clone());
                // and the parties joined to it by و (`والتقى باشينيان وعلييف`, `وتعهد رئيس
                // الوزراء الأرميني نيكول باشينيان والرئيس الأذربيجاني إلهام علييف`)
                // (in the order of the text); for a noun, only a subject that stands after it
                // or before it with at most three words outside names between (`تخوض أذربيجان
                // وأرمينيا عدة مواجهات`), not the subject of another verb further back (`إن
                // ماكرون وعلييف يأملان ... في أعقاب قمة براغ`)
                let near = best.trigger.pos == Pos::Verb
                    || *i > best.at
                    || (*i..best.at).filter(|&k| self.words[k].entity.is_none()).count() <= 3;
                let (before, after) =
                    if near { self.coordinated(*i, clo, chi, &parties) } else { (Vec::new(), Vec::new()) };
                let keep = |q: &Party, actors: &[Party]| usable(q) && !placed(q) && !actors.contains(q);
                for q in before {
                    if keep(&q, &actors) {
                        actors.insert(0, q);
                    }
                }
                for q in after {
                    if keep(&q, &actors) {
                        actors.push(q);
                    }
                }
            }
        }
        if let Some(p) = hit_object
            && !targets.contains(&p)
            && !actors.contains(&p)
        {
            targets.push(p);
        }
        // the object of a speech act or a verb: اتهمت أذربيجان القوات الأرمينية (not of a
        // meeting whose parties are its actors: `والتقى باشينيان وعلييف في بروكسل برعاية
        // الاتحاد الأوروبي`)
        if targets.is_empty()
            && !(category == Category::Consult && actors.len() > 1)
            && matches!(
                category,
                Category::Disapprove
                    | Category::Appeal
                    | Category::Demand
                    | Category::Consult
                    | Category::Threaten
            )
            && let Some((_, p)) = parties.iter().find(|(i, p)| {
                *i > best.at
                    && !owner(*i)
                    && !self.governed_by(*i, clo, |w| w.bare == "لدي", false)
                    && !actors.contains(p)
                    && !locations.iter().any(|l| *p == Party::Entity(*l))
            })
        {
            targets.push(p.clone());
        }
        // whom a passive or a verb acting on people names right after it (`اعتُقل إسلام`,
        // `أُلقي القبض على ...`, `اعتقلت الشرطة مشتبها به يدعى رافي`): the first party from
        // the word after the trigger to four words further, free or after على, not a place;
        // for a verbal noun, its person right after it (اعتقال يوجيل, إعدام سليمان الحلبي,
        // تحدثت الصحف عن اعتقال نافالني)
        let reach = if passive || best.trigger.pos == Pos::Verb { 4 } else { 0 };
        if (passive || patient)
            && let Some((_, p)) = parties.iter().find(|(i, p)| {
                *i >= best.end
                    && *i <= best.end + reach
                    && (free(*i) || right_after(*i) || self.governed_by(*i, clo, |w| w.bare == "علي", false))
                    && (passive || self.etype(p) == Some(EntityType::Person))
                    && !placed(p)
                    && !actors.contains(p)
            })
            && !targets.contains(p)
        {
            targets.push(p.clone());
        }
        // a town, a district or a region does not fight, nor is it fought: named as a side of
        // a violent act (`بين الخوخة وحيس`, `معركة الحديدة`, `هجوم كيميائي على مدينة دوما`,
        // `سيطروا على مديرية القفر`), it is where the act happened; a country or a capital may
        // stand for its government (`واشنطن`), and so may a place of no known kind
        let mut moved = between_towns;
        let mut take_towns = |p: &Party| match p {
            Party::Entity(e) if town(p) => {
                moved.push(*e);
                false
            }
            _ => true,
        };
        actors.retain(&mut take_towns);
        // (a target only when the knowledge base knows the place or a head word names it, as
        // `مديرية القفر`: a name the tagger alone read as a place is as often no place at all)
        // (and only for a violent act: a town threatened, blamed, called on or met stays whom
        // it is said to, `هددت تركيا بمهاجمة بلدة منبج`; nor a region, too wide to say where)
        let known_place = |e: usize| {
            let entity = &self.a.entities[e];
            (entity.kb.is_some() || entity.mentions.iter().any(|m| m.rule == "place-head"))
                && entity.subtype.as_deref() != Some("region")
        };
        targets.retain(|p| !(violent && matches!(p, Party::Entity(e) if known_place(*e))) || take_towns(p));
        for e in moved {
            if !locations.contains(&e) {
                locations.push(e);
            }
        }
        targets.retain(|t| !actors.contains(t));
        (actors, targets, locations)
    }

    /// The date of an event: its clause's time, its sentence's, the paragraph's last before
    /// it, or the publication date. A time in a relative clause after the trigger dates what
    /// that clause tells, not the event (`وشنت الطائرات غارات على البلدة التي استعادها الجيش
    /// في أغسطس 2016`), when the time is written with its year; a relative day there (`أمس`)
    /// or a year-less date may still be the sentence's own, said at its end. Outside the clause,
    /// a time after `منذ` long before the day of writing tells since when a state has lasted,
    /// not when the event happened ([`Finder::since_long_ago`]), unless the event is a war (of
    /// mode `mode`). With the date, the time expression of the sentence that gave it, if one did.
    fn date(
        &self,
        sentence: Span,
        evidence: Span,
        trigger: Span,
        mode: &str,
    ) -> (Option<String>, Option<DateFrom>, Option<&'a TimeExpr>) {
        // a war's start is its date (`حرب أهلية ... منذ عام 2013`)
        let lasting = matches!(mode, "war" | "civil-war" | "insurgency");
        let times = self.a.times;
        let written_in_relative =
            |t: &TimeExpr| t.anchor == Anchor::Explicit && self.in_relative_clause(trigger, t.span);
        if let Some(t) =
            times.iter().find(|t| evidence.contains(t.span) && !written_in_relative(t)).or_else(|| {
                times.iter().find(|t| {
                    sentence.contains(t.span)
                        && !written_in_relative(t)
                        && (lasting || !self.since_long_ago(t))
                })
            })
        {
            return (Some(t.value.to_string()), Some(DateFrom::Sentence), Some(t));
        }
        let block = self.a.blocks.iter().find(|b| b.contains(sentence));
        if let Some(b) = block
            && let Some(t) = times.iter().rev().find(|t| {
                b.contains(t.span) && t.span.end() <= sentence.start() && (lasting || !self.since_long_ago(t))
            })
        {
            return (Some(t.value.to_string()), Some(DateFrom::Context), None);
        }
        match &self.a.published {
            Some(p) => (Some(p.clone()), Some(DateFrom::Published), None),
            None => (None, None, None),
        }
    }

    /// Whether a time outside an event's clause tells since when a state has lasted, not
    /// when the event happened: after `منذ`, and more than a week before the day of writing
    /// (`منذ 2010`, `ومنذ العام 1989`, `منذ 30 آذار/مارس الماضي` in an article of October;
    /// `منذ الثلاثاء الماضي` starts what is reported). A war is dated by its start all the same
    /// ([`Finder::date`]); so is an act whose own clause says since when (`ويشن الجيش منذ 11
    /// يوليو حملة قصف`, `فرضت عليها حصارا منذ العام 2013`: a campaign or a siege started then;
    /// measured: applied in the clause too, the real-dev gold lost a date).
    fn since_long_ago(&self, t: &TimeExpr) -> bool {
        let first = self.words.partition_point(|w| w.span.start() < t.span.start());
        let after = self.words.partition_point(|w| w.span.start() < t.span.end());
        // `منذ مارس 2015، عندما قتل 20 شخصا`: the time of the clause after it
        let when = self.words[after..]
            .iter()
            .find(|w| !w.is_comma())
            .is_some_and(|w| matches!(w.bare, "عندما" | "حين" | "حينما"));
        let since = first > 0 && self.words[first - 1].bare == "منذ" && !when;
        since && t.begins_long_before(self.published_day())
    }

    /// Whether the verb of the trigger entry `phrase` is in the imperfect: ي first (يستضيف),
    /// or ت first where the table has no feminine past beside it (تستضيف; تعهد is past, for
    /// the table also has تعهدت, and تبنى beside تبنت). Not ن first: نفى, نفذ, نشر are past,
    /// and "we do" is for quotes.
    fn imperfect(&self, phrase: &str) -> bool {
        let word = lexicon::entry_key(phrase.split(' ').next().unwrap_or(phrase));
        if word.starts_with('ي') {
            return true;
        }
        if !word.starts_with('ت') || word.ends_with('ت') || word.ends_with("وا") {
            return false;
        }
        let verb = |w: &str| self.lex.triggers.alone(w).any(|t| t.pos == Pos::Verb);
        let weak = word.strip_suffix(['ي', 'ا']).map(|stem| format!("{stem}ت"));
        !verb(&format!("{word}ت")) && !weak.is_some_and(|w| verb(&w))
    }

    /// Whether the time `t`, said relative to the day of writing (`غدا`, `الأسبوع المقبل`; not
    /// a date written out, `موازنة عام 2019` was approved, nor one whose year another gave),
    /// starts after it.
    fn after_publication(&self, t: &TimeExpr) -> bool {
        if t.anchor != Anchor::Published {
            return false;
        }
        self.published_day().zip(t.value.first_day()).is_some_and(|(p, first)| first > p)
    }

    /// The day of writing, when known.
    fn published_day(&self) -> Option<jiff::civil::Date> {
        self.a.published.as_deref().and_then(|p| p.get(..10)?.parse().ok())
    }

    /// Whether `at` lies in a relative clause opened after `trigger` (a relative pronoun
    /// between them, and no punctuation between the pronoun and `at`) that tells of something
    /// else: not one right after the trigger, nor one whose verb says the trigger's act took
    /// place (`في الهجوم الذي وقع في 12 أغسطس 2016`).
    fn in_relative_clause(&self, trigger: Span, at: Span) -> bool {
        if at.start() < trigger.end() {
            return false;
        }
        let lo = self.words.partition_point(|w| w.span.start() < trigger.end());
        let hi = self.words.partition_point(|w| w.span.start() < at.start());
        let words = &self.words[lo..hi];
        words.iter().rposition(|w| RELATIVE_PRONOUNS.contains(&w.bare)).is_some_and(|p| {
            p > 0
                && !words.get(p + 1).is_some_and(|v| HAPPENING_VERBS.contains(&v.bare))
                && !words[p + 1..].iter().any(|w| w.kind == TokenKind::Punct)
        })
    }

    /// Who says what the sentence (words `lo..hi`) reports, and which agencies report it.
    ///
    /// A verb or noun of saying (`قالت`, `أعلنت`, `في بيان`; the casualty layer's table,
    /// `data/casualties/markers.tsv`) makes the first person, body or country within ten
    /// words after it (before `إن`, `أن`) the claimant of what follows it; an "according to" word (`بحسب`,
    /// `وفقا لـ`, `نقلا عن`) makes the name after it the claimant of the whole sentence. A news
    /// agency is who reports (`reported_by`), and the claimant only when no one else is named.
    ///
    /// This is the one place the event layer decides attribution, so that it can move to a
    /// module shared with the casualty layer.
    fn attribution(&self, lo: usize, hi: usize) -> Attribution {
        let mut said: Vec<(usize, Option<Party>)> = Vec::new();
        let mut source: Option<Party> = None;
        let mut reported: Vec<usize> = Vec::new();
        for i in lo..hi {
            let w = &self.words[i];
            if w.kind != TokenKind::Arabic {
                continue;
            }
            let Some(role @ (SpeechRole::Speech | SpeechRole::Source)) = w.entries.speech else {
                continue;
            };
            // a subject named before the verb (`وكان الرئيس الفلبيني رودريغو دوتيرتي أعلن حظر
            // إرسال العمالة إلى الكويت`): no name after it is the speaker
            let mut subject = (role == SpeechRole::Speech).then(|| self.subject_before_verb(lo, i)).flatten();
            // a title's nisba with no person named after it: the country its holder speaks for
            // (`واتهم وزير الخارجية الأميركي إيران`: the United States, not Iran)
            let mut titled_country = None;
            let title_end = self.title_end(i + 1, hi);
            let mut passed = None;
            let mut body = None;
            for (k, v) in self.words[i + 1..hi].iter().enumerate().take(10) {
                if subject.is_some() {
                    break;
                }
                // the claimant stands before what is claimed (قالت الوزارة في بيان إن ...)
                if (v.is_stop() && !v.is_comma()) || matches!(v.bare, "ان" | "انه" | "انها" | "بان")
                {
                    break;
                }
                let at = i + 1 + k;
                // and before the violent act it tells of: a name after its verbal noun is
                // whose act it is (`وبثت مواقع التواصل الاجتماعي اقتحام الجيش الليبي لمنزل`),
                // not who tells it; a noun of a title's body is no such act (`قائد عمليات`)
                if self.violent_noun(at)
                    && !self.words[at - 1].bare_is(Role::TitleEnd)
                    && !matches!(self.words[at - 1].bare, "اركان" | "وزارة" | "مجلس")
                {
                    break;
                }
                if let Some(e) = v.entity
                    && self.a.entities[e].etype != EntityType::Loc
                {
                    // a name a preposition governs is whom it is said to or where (`قال
                    // لإذاعة الجيش`, `في العاصمة التركية، أنقرة`, `إلى الكويت`), not who says
                    // it; an agency told it reports it (`قال لوكالة رويترز`), and the name
                    // after "according to" comes with its ل (`وفقا لوزارة الصحة`)
                    let agency = self.a.entities[e].subtype.as_deref() == Some("agency");
                    let org = self.a.entities[e].etype == EntityType::Org;
                    // (a ل of the body a title or a statement belongs to is no preposition:
                    // `أفاد المتحدث العسكري للقوات المسلحة المصرية`, `وقال بيان للقصر الملكي`)
                    let near = || at.saturating_sub(2).max(i + 1)..at;
                    let titled = v.li && near().any(|j| self.words[j].bare_is(Role::TitleEnd));
                    let owned = v.li
                        && (titled
                            || near().any(|j| self.words[j].entries.speech == Some(SpeechRole::Statement)));
                    // (a title's body speaks unless its holder is named after it: `قال الأمين
                    // العام للأمم المتحدة أنطونيو غوتيريس`)
                    if titled && passed != Some(e) {
                        body.get_or_insert(e);
                        passed = Some(e);
                        continue;
                    }
                    // (a preposition of its own: [`crate::attribution::governed_name`]; not
                    // the إلى of `استنادا إلى`)
                    let from = i + 1 + usize::from(role == SpeechRole::Source);
                    let prep_word = || {
                        crate::attribution::governed_name(
                            at,
                            from,
                            org,
                            self.a.entities[e].etype == EntityType::Person,
                            |g| self.words[g].entity.is_some(),
                            |g| self.a.norm.key_of(self.words[g].bare),
                        )
                    };
                    // (and the rest of a name found governed, `لافروف` after `مع نظيره الروسي
                    // سيرغي`, and a name joined by و to it, `بين أرمينيا وأذربيجان`)
                    let joined = v.joined() && passed.is_some() && self.words[at - 1].entity == passed;
                    let governed = passed == Some(e)
                        || joined
                        || (v.prep && role == SpeechRole::Speech && !owned)
                        || prep_word();
                    if governed {
                        passed = Some(e);
                        if agency && !reported.contains(&e) {
                            reported.push(e);
                        }
                        continue;
                    }
                    subject = Some(e);
                    break;
                }
                // (the title standing as the verb's subject, right after it: not `قال في اتصال
                // مع الرئيس الروسي`)
                if title_end == Some(at) && self.nisba(v).is_some() && !self.holder_follows(at, hi) {
                    titled_country = self.party_at(at);
                    break;
                }
            }
            if body.is_some() && subject.is_none_or(|s| self.a.entities[s].etype != EntityType::Person) {
                subject = body;
            }
            let agency = subject.filter(|&e| self.a.entities[e].subtype.as_deref() == Some("agency"));
            if let Some(e) = agency
                && !reported.contains(&e)
            {
                reported.push(e);
            }
            let claimant = subject.filter(|_| agency.is_none()).map(Party::Entity).or(titled_country);
            match role {
                SpeechRole::Source => {
                    if source.is_none() {
                        source = claimant;
                    }
                }
                _ => said.push((i, claimant)),
            }
        }
        let agency = reported.first().map(|&e| Party::Entity(e));
        Attribution { said, source, agency, reported }
    }
}

/// The attribution of one sentence.
struct Attribution {
    /// Verbs of saying (word index) and their subjects.
    said: Vec<(usize, Option<Party>)>,
    /// The name after "according to".
    source: Option<Party>,
    /// The first reporting agency as a party.
    agency: Option<Party>,
    reported: Vec<usize>,
}

impl Attribution {
    /// The claimant and reporters of what stands at word `at`.
    fn of(&self, at: usize) -> (Option<Party>, Vec<usize>) {
        let said = self.said.iter().rev().filter(|(i, _)| *i < at).find_map(|(_, p)| p.clone());
        (said.or_else(|| self.source.clone()).or_else(|| self.agency.clone()), self.reported.clone())
    }
}
