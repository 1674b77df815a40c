//! Mentions in one block of text (a title or a paragraph): names the knowledge base knows, and
//! the patterns that name what it does not (a title before a person, a head before a place or
//! an organisation, a nisba after the head of a national body).

use std::cell::RefCell;
use std::rc::Rc;

use marsad_kb::names::key;
use marsad_kb::{AliasKind, EntityType, EntryId, Kb, Keyed, Kind, TitleKind, WordKeys};
use marsad_text::{AnalysedToken, FormTable, Normalized, Proclitic, Span, TokenKind, is_letter, prefetch};
use rustc_hash::FxHashSet;

use crate::attribution::{Cues, Role};

use super::Tagger;
use super::tables::{OrgHead, Phrases, PlaceHead, Tables};

/// What a mention refers to, before mentions are grouped into entities.
#[derive(Clone, Debug)]
pub(super) enum Referent {
    /// An entry of the knowledge base.
    Kb(EntryId),
    /// A national body named by its head and its country (`وزارة الدفاع الأرمينية`); the
    /// country is `None` when the text does not say, and `regime` when it says "النظام"
    /// without saying whose.
    /// `known` is the knowledge base's own entry for that body, when it has one.
    Body { head: &'static OrgHead, country: Option<EntryId>, regime: bool, known: Option<EntryId> },
    /// A place named with a head that is part of its name (`محافظة X`): the template and the
    /// place it is built on, a known one or the key of the name; `own` when the name is a
    /// place of its own, not the one the name without its head is (`تل واسط`).
    Headed { template: &'static str, base: Option<EntryId>, name: String, own: bool },
    /// Something the knowledge base does not know, by the key of its words.
    Unknown(String),
}

/// A mention found in a block.
#[derive(Clone, Debug)]
pub(super) struct Cand {
    /// First token (index into the block's tokens).
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    pub etype: EntityType,
    pub referent: Referent,
    pub rule: &'static str,
    /// Among mentions of the same length, the higher rank wins.
    pub rank: u8,
    /// A person's family name alone, matched by the knowledge base: it may be someone else
    /// the article names in full.
    pub short: bool,
}

/// A token with the keys the rules compare.
pub(super) struct W<'f> {
    pub kind: TokenKind,
    /// The form's keys (`heads`: without clitics, without conjunction, as written; `tail`:
    /// as written) and what the knowledge base knows of it, shared by every token of the form.
    pub form: &'f WordKeys,
    /// The form's [`WordKeys::heads_filter`], kept beside the token's other facts.
    pub heads_filter: u64,
    /// A function word or a common word: not a name by itself.
    pub common: bool,
    /// The country it is the nisba adjective of (words only).
    pub nisba: Option<EntryId>,
    /// Starts with a conjunction (a new item of a list, a new clause).
    pub conj: bool,
    /// Starts with a preposition (بواشنطن): not the second term of a construct.
    pub prep: bool,
    /// Written with a final ى (على, إلى): never the name علي.
    pub maksura: bool,
    /// Written آل (family of), with its madda: not the Korean إل of كيم يونغ إل.
    pub al_family: bool,
    /// Written أبو or أم, with or without the hamza, or either after the conjunction و: a
    /// kunya, not the Latin letter إم (the mark [`KUNYA`] is of the key, which folds إم into
    /// ام).
    pub kunya: bool,
    /// Written with tanween (ميدانيًا): an adverb or an indefinite noun, not a name.
    pub tanween: bool,
    /// Which of a Latin word's letters are capitals ([`marsad_kb::capitals_mask`]): an
    /// abbreviation's must be (FAN, not fan; LeT, not Let).
    caps: u32,
    pub new_line: bool,
    /// A hyphen or a hashtag's sign joining two words of a name ([`marsad_kb::joins_name_words`]).
    joiner: bool,
    /// Where a mention starting here starts (after a conjunction or a preposition that can be
    /// cut off cleanly).
    pub start: usize,
    pub span: Span,
    /// A function word ([`FUNCTION_WORDS`]).
    function: bool,
    /// Which of the [`mark_of`] words it is.
    marks: u8,
    /// Which heads start a phrase of each table.
    starts: Starts,
    /// The role of the first head that is a word of the cue table ([`Cues::of_keys`]): a
    /// verb of saying or a source word frames a name after it.
    cue: Option<Role>,
    /// The cue is a body or a person of no name (`body` or `person` in the cue table:
    /// مجموعة, ضابط).
    body: bool,
}

/// For each table the rules look words up in, which of a form's heads start one of its
/// phrases or names (bit k for `heads[k]`): the lookups of the others would find nothing, and
/// most words start none.
#[derive(Clone, Copy, Debug, Default)]
struct Starts {
    org_heads: u8,
    place_heads: u8,
    org_patterns: u8,
    /// First names ([`Kb::starts_given_name`]).
    given: u8,
    /// The word as written, without its article, starts an organisation pattern (a definite
    /// head: `المركز الإعلامي للمقاومة`).
    definite_org_pattern: bool,
    /// A head, with or without its article, is a unit's (`الكتيبة`, `لواء`: [`Detector::units`]).
    unit_head: bool,
}

impl Starts {
    /// The bits of the heads for which `starts` holds (a head past the eighth always has its
    /// bit: it is looked up).
    fn of(heads: &[String], starts: impl Fn(&str) -> bool) -> u8 {
        heads
            .iter()
            .enumerate()
            .fold(0, |bits, (k, h)| if k >= 8 || starts(h) { bits | 1 << k.min(7) } else { bits })
    }
}

/// What the rules read of a word form besides its keys: whether it is a function word, which
/// of its heads start a phrase of each table, its role in the cue table.
#[derive(Clone, Copy, Debug)]
struct Facts {
    function: bool,
    marks: u8,
    starts: Starts,
    cue: Option<Role>,
    body: bool,
    /// Starts with a conjunction, with a preposition (the fields of [`W`] of those names).
    conj: bool,
    prep: bool,
    /// [`clitic_cut`] (the segmentation and the normalised word are the form's).
    cut: usize,
    /// An ordinary noun with a possessive pronoun ([`possessed_common`]).
    possessed: bool,
}

/// What the rules read of a word form: its keys and [`Facts`]; computed once per form and
/// thread.
#[derive(Debug)]
pub(super) struct Form {
    keys: WordKeys,
    facts: Facts,
}

impl Form {
    fn new(kb: &Kb, t: &AnalysedToken, normalized: &str) -> Form {
        let keys = kb.word_keys(t, normalized);
        let tables = Tables::builtin();
        let heads = &keys.heads;
        let starts = Starts {
            org_heads: Starts::of(heads, |h| tables.org_heads.starts(h)),
            place_heads: Starts::of(heads, |h| tables.place_heads.starts(h)),
            org_patterns: Starts::of(heads, |h| tables.org_patterns.starts(h)),
            given: Starts::of(heads, |h| kb.starts_given_name(h)),
            definite_org_pattern: keys
                .tail
                .strip_prefix("ال")
                .is_some_and(|bare| tables.org_patterns.starts(bare)),
            unit_head: heads.iter().any(|h| tables.units.heads.contains(h.strip_prefix("ال").unwrap_or(h))),
        };
        let function = heads.iter().any(|h| FUNCTION_KEYS.contains(h.as_str()));
        let marks = heads.iter().fold(0, |bits, h| bits | mark_of(h));
        let cues = Cues::builtin();
        let cue_word = heads.iter().find_map(|h| cues.of_keys(t.token.kind, h, h));
        let (cue, body) = (cue_word.map(|c| c.role), cue_word.is_some_and(|c| c.body));
        let (mut conj, mut prep) = (false, false);
        if let Some(s) = t.segmentation {
            for (p, _) in s.proclitics() {
                conj |= matches!(p, Proclitic::Wa | Proclitic::Fa);
                prep |= matches!(p, Proclitic::Bi | Proclitic::Li | Proclitic::Ka);
            }
        }
        let cut = clitic_cut(t, normalized);
        let possessed = t.token.kind == TokenKind::Arabic && possessed_common(kb, t.stem(normalized));
        Form { keys, facts: Facts { function, marks, starts, cue, body, conj, prep, cut, possessed } }
    }
}

/// Whether `word`, a word without its proclitics as normalised (ة kept apart from ه), is an
/// ordinary noun with a possessive pronoun: `نظيره`, `نظيرتها`, `حكومته`, `قواتهم`, the noun
/// one that annotated news hardly ever put inside a name (`common-words.txt`, not the
/// ordinary words: سلام, نبي and موشي are names' too, سلامه, نبيه, موشيه), and the word no
/// first name. It ends no name (`دونالد ترامب نظيره`).
fn possessed_common(kb: &Kb, word: &str) -> bool {
    if kb.given_name(&marsad_text::key(word)).is_some() {
        return false;
    }
    ["هما", "هم", "هن", "ها", "ه"].iter().any(|suffix| {
        let Some(stem) = word.strip_suffix(suffix) else { return false };
        if stem.chars().count() < 3 {
            return false;
        }
        // (a feminine noun takes ت before the pronoun: حكومته is حكومة)
        let feminine = stem.strip_suffix('ت').map(|s| format!("{s}ة"));
        std::iter::once(stem).chain(feminine.as_deref()).any(|s| kb.rarely_in_names(&marsad_text::key(s)))
    })
}

/// Runs `f` with the forms of the tokens of `blocks` (one after the other in one slice), from
/// the thread's table of forms (for one knowledge base at a time): every token of a form
/// reads the one value, borrowed while `f` runs.
pub(super) fn with_forms<R>(
    kb: &Kb,
    blocks: &[&[AnalysedToken]],
    normalized: &str,
    f: impl FnOnce(&[&Form]) -> R,
) -> R {
    thread_local! {
        static FORMS: RefCell<FormTable<Form>> = const { RefCell::new(FormTable::new()) };
    }
    FORMS.with(|cache| match cache.try_borrow_mut() {
        Ok(mut cache) => {
            cache.keep_for(kb.id());
            let ids = cache.fill_blocks(blocks, |t| Form::new(kb, t, normalized));
            let forms: Vec<&Form> = ids.into_iter().map(|id| cache.get(id)).collect();
            f(&forms)
        }
        // re-entered from inside the cache (not done here): compute without it
        Err(_) => {
            let owned: Vec<Form> =
                blocks.iter().flat_map(|b| b.iter()).map(|t| Form::new(kb, t, normalized)).collect();
            let forms: Vec<&Form> = owned.iter().collect();
            f(&forms)
        }
    })
}

impl std::ops::Deref for W<'_> {
    type Target = WordKeys;

    fn deref(&self) -> &WordKeys {
        self.form
    }
}

impl Keyed for W<'_> {
    fn word_keys(&self) -> &WordKeys {
        self.form
    }

    fn new_line(&self) -> bool {
        self.new_line
    }

    fn joiner(&self) -> bool {
        self.joiner
    }
}

impl W<'_> {
    fn word(&self) -> bool {
        self.kind == TokenKind::Arabic
    }

    /// A verb of saying, without a preposition (وذكر, قال): a name right after it is its
    /// subject.
    pub(super) fn says(&self) -> bool {
        self.word() && self.cue == Some(Role::Speech) && !self.prep
    }

    /// Not a word a name goes on with: punctuation, a number, a function word (إن, إلى).
    pub(super) fn ends_name(&self) -> bool {
        !self.word() || self.function
    }

    /// A preposition by itself (في, من, إلى).
    pub(super) fn preposition(&self) -> bool {
        self.word() && self.function && PREPOSITION_KEYS.contains(self.tail.as_str())
    }

    /// Whether one of its heads is one of the words of `mark` ([`mark_of`]).
    fn is(&self, mark: u8) -> bool {
        self.marks & mark != 0
    }

    /// The heads whose bit is set in `bits` (see [`Starts`]), in order.
    fn heads_in(&self, bits: u8) -> impl Iterator<Item = &String> {
        self.heads.iter().enumerate().filter(move |(k, _)| bits >> (*k).min(7) & 1 != 0).map(|(_, h)| h)
    }
}

/// Words for a company, a newspaper, a channel or a shop, keyed (ة → ه): a family name alone
/// right after one is the brand's (شركة فوكس; not after a plural: شركات بريغوزين are his).
/// So is one after a missile, or after the plural of a weapon or a craft: the model's
/// (صواريخ كروز, دبابات أبرامز, مقاتلات رافال; a plane in the singular may be someone's:
/// طائرة ترامب).
const BRAND_HEADS: [&str; 22] = [
    "شركه",
    "صحيفه",
    "جريده",
    "قناه",
    "وكاله",
    "مجله",
    "مصرف",
    "بنك",
    "مطعم",
    "فندق",
    "متجر",
    "مجموعه",
    "علامه",
    "صاروخ",
    "صواريخ",
    "طائرات",
    "مقاتلات",
    "دبابات",
    "مدرعات",
    "قاذفات",
    "مروحيات",
    "غواصات",
];

/// The first words of a tribe's name, which name its land after a head of place (`منطقة البو
/// عيثة`, `مديرية بني قيس`), as keys.
const TRIBAL: [&str; 2] = ["البو", "بني"];

/// Whether the word has the article (its first head has no clitic: `للفنانة` is definite).
fn definite(w: &W<'_>) -> bool {
    w.heads.first().unwrap_or(&w.tail).starts_with("ال")
}

/// The words some rules look for by themselves (bits of [`W::is`], see [`mark_of`]): whether
/// a form is one of them is worked out once per form, where comparing every token's heads
/// with them was a good part of the rules' time.
const NIZAM: u8 = 1;
const GHAYR: u8 = 1 << 1;
const BI_ISM: u8 = 1 << 2;
const WA_HUWA: u8 = 1 << 3;
const KUNYA: u8 = 1 << 4;
/// A preposition with a pronoun (`به`, `عنها`, `عليهم`): after a word, it makes the word an
/// adjective or a verb of the phrase (`الرئيس اليمني المعترف به دوليا`), not a name.
const PRONOUN_PREP: u8 = 1 << 5;

/// The bit of a head among the marked words (0 for the others). A `match` on the literals
/// compares a head with the few of its length only, without a call per word.
fn mark_of(head: &str) -> u8 {
    match head {
        "النظام" => NIZAM,
        "غير" => GHAYR,
        "باسم" => BI_ISM,
        "وهو" | "وهي" => WA_HUWA,
        "ابو" | "ام" => KUNYA,
        "به" | "بها" | "بهم" | "بهما" | "عنه" | "عنها" | "عنهم" | "عليه" | "عليها" | "عليهم" | "فيه"
        | "فيها" | "منه" | "منها" | "اليه" | "اليها" | "له" | "لها" | "لهم" => {
            PRONOUN_PREP
        }
        _ => 0,
    }
}

/// Adjectives of rank or standing that follow another in the name of an official body
/// (keys): المفوضية الوطنية العليا, الهيئة العليا المستقلة, المجلس الاستشاري الأعلى.
const RANK_ADJECTIVES: [&str; 12] = [
    "العليا",
    "الاعلي",
    "المستقله",
    "المستقل",
    "الوطنيه",
    "الوطني",
    "الساميه",
    "السامي",
    "الدائمه",
    "الدائم",
    "الاتحاديه",
    "الاتحادي",
];

/// Adjectives that describe a body by its relation to another, keyed (ة → ه, ؤ → و, as the
/// words' `tail` is): `المنظمة التابعة للأمم
/// المتحدة`, `الموقع الرسمي للجيش`, `الشركة المشغلة للطريق` are descriptions, not names.
pub(super) const RELATIONAL: &[&str] = &[
    "التابع",
    "التابعه",
    "الموالي",
    "المواليه",
    "المنظمه",
    "المشغله",
    "المشغل",
    "المناهض",
    "المناهضه",
    "العابره",
    "المسوول",
    "المسووله",
    "الرسمي",
    "الرسميه",
    "المكلف",
    "المكلفه",
    "المعني",
    "المعنيه",
];

/// Words that never belong to a name: particles, prepositions, pronouns, auxiliaries.
const FUNCTION_WORDS: &[&str] = &[
    "في",
    "من",
    "على",
    "الي",
    "عن",
    "مع",
    "بين",
    "حول",
    "خلال",
    "بعد",
    "قبل",
    "منذ",
    "حتي",
    "عند",
    "لدي",
    "ضد",
    "عبر",
    "نحو",
    "دون",
    "تحت",
    "فوق",
    "امام",
    "وراء",
    "التي",
    "الذي",
    "الذين",
    "اللذين",
    "اللتين",
    "اللواتي",
    "ان",
    "انه",
    "انها",
    "لكن",
    "ثم",
    "او",
    "ام",
    "قد",
    "لم",
    "لن",
    "لا",
    "ما",
    "ماذا",
    "هل",
    "كان",
    "كانت",
    "ليس",
    "ليست",
    "يكون",
    "تكون",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "هو",
    "هي",
    "هم",
    "هن",
    "نحن",
    "انا",
    "انت",
    "كل",
    "بعض",
    "غير",
    "اي",
    "اذا",
    "لو",
    "كما",
    "حيث",
    "بينما",
    "لان",
    "امس",
    "اليوم",
    "غدا",
    "الان",
    "ايضا",
    "وقال",
    "قال",
    "قالت",
    "اعلن",
    "اعلنت",
    "اكد",
    "اكدت",
    "اضاف",
    "اضافت",
    "باسم",
    "عليه",
    "عليها",
    "فيه",
    "فيها",
    "منه",
    "منها",
    "له",
    "لها",
    "به",
    "بها",
    "الا",
    "سوي",
    "يوم",
    "عام",
    "شهر",
    "مساء",
    "صباح",
];

/// [`FUNCTION_WORDS`] as keys.
static FUNCTION_KEYS: std::sync::LazyLock<rustc_hash::FxHashSet<String>> =
    std::sync::LazyLock::new(|| FUNCTION_WORDS.iter().map(|w| key(w).into_owned()).collect());

/// The prepositions of [`FUNCTION_WORDS`] (those listed before its relative pronouns), as keys.
static PREPOSITION_KEYS: std::sync::LazyLock<rustc_hash::FxHashSet<String>> =
    std::sync::LazyLock::new(|| {
        FUNCTION_WORDS.iter().take_while(|w| **w != "التي").map(|w| key(w).into_owned()).collect()
    });

fn is_function_word(w: &W<'_>) -> bool {
    w.function
}

/// Where tanween (U+064B to U+064D) is in the original text of `tokens`: the byte offsets, in
/// order. Those are the only characters written D9 8B to D9 8D in UTF-8 (D9 only ever leads a
/// character), and bytes 8B to 8D are rare in Arabic text, so one search of the block's text
/// for them answers for every token (most blocks have none).
fn tanween_in(tokens: &[AnalysedToken], norm: &Normalized<'_>) -> Vec<usize> {
    let lo = tokens.iter().map(|t| t.token.span.start()).min().unwrap_or(0);
    let hi = tokens.iter().map(|t| t.token.span.end()).max().unwrap_or(0);
    let bytes = norm.original().as_bytes().get(lo..hi).unwrap_or_default();
    memchr::memchr3_iter(0x8B, 0x8C, 0x8D, bytes)
        .filter(|&i| i > 0 && bytes[i - 1] == 0xD9)
        .map(|i| lo + i - 1)
        .collect()
}

/// Whether the last letter of `written` is ى (U+0649). Most words end with a letter of the
/// basic Arabic block, read from their last two bytes (D8 A1..BF and D9 81..8A; ى is D9 89).
fn ends_with_maksura(written: &str) -> bool {
    match written.as_bytes() {
        [.., 0xD9, 0x89] => true,
        [.., 0xD8, 0xA1..=0xBF] | [.., 0xD9, 0x81..=0x8A] => false,
        _ => written.trim_end_matches(|c: char| !is_letter(c)).ends_with('ى'),
    }
}

/// The words of a block, from the tokens and their forms.
fn words<'f>(tokens: &[AnalysedToken], forms: &[&'f Form], norm: &Normalized<'_>) -> Vec<W<'f>> {
    // the forms lie scattered in the thread's table: each is fetched a few words ahead
    const AHEAD: usize = 4;
    for f in forms.iter().take(AHEAD) {
        prefetch(*f);
    }
    let tanween = tanween_in(tokens, norm);
    tokens
        .iter()
        .zip(forms)
        .enumerate()
        .map(
            |(
                i,
                (
                    t,
                    &&Form {
                        ref keys,
                        facts: Facts { function, marks, starts, cue, body, conj, prep, cut, possessed },
                    },
                ),
            )| {
                if let Some(f) = forms.get(i + AHEAD) {
                    prefetch(*f);
                }
                let written = t.token.text(norm);
                let span = t.token.span;
                W {
                    kind: t.token.kind,
                    common: keys.common || function || possessed,
                    nisba: keys.nisba,
                    heads_filter: keys.heads_filter,
                    form: keys,
                    conj,
                    prep,
                    maksura: ends_with_maksura(written),
                    caps: if t.token.kind == TokenKind::Word { marsad_kb::capitals_mask(written) } else { 0 },
                    al_family: written == "آل",
                    kunya: matches!(
                        written.strip_prefix('و').unwrap_or(written),
                        "أبو" | "ابو" | "أم" | "ام"
                    ),
                    tanween: !tanween.is_empty() && {
                        let at = tanween.partition_point(|&p| p < span.start());
                        tanween.get(at).is_some_and(|&p| p < span.end())
                    },
                    new_line: t.token.starts_line(),
                    joiner: marsad_kb::joins_name_words(tokens, i, norm.text()),
                    start: mention_start(t, cut, norm),
                    span,
                    function,
                    marks,
                    starts,
                    cue,
                    body,
                }
            },
        )
        .collect()
}

/// Where a mention starting at `t` starts: after its conjunctions and prepositions when what
/// remains is the word as written (وبأرمينيا → أرمينيا), else after its conjunction only
/// (للأمم: the preposition and the article share a letter). `cut` is [`clitic_cut`] of its form.
fn mention_start(t: &AnalysedToken, cut: usize, norm: &Normalized<'_>) -> usize {
    if cut == 0 {
        return t.token.span.start();
    }
    let rest = Span::new(t.token.norm.start() + cut, t.token.norm.end());
    norm.to_original(rest).start().max(t.token.span.start())
}

/// How many bytes of the normalised word `t` the clitics a mention leaves out take (see
/// [`mention_start`]); 0 when none are left out, or when they would leave nothing. It depends on
/// the form only (its segmentation and normalised word), so it is worked out once per form.
fn clitic_cut(t: &AnalysedToken, normalized: &str) -> usize {
    let Some(s) = t.segmentation else { return 0 };
    let word = t.norm_str(normalized);
    let mut cut = 0;
    for (p, range) in s.proclitics() {
        if p == Proclitic::Al || p == Proclitic::Sa {
            break;
        }
        if p == Proclitic::Li && word.get(range.end..).is_some_and(|rest| rest.starts_with('ل')) {
            // ل + (ا)ل: the article lost its alef, the preposition stays
            break;
        }
        cut = range.end;
    }
    if cut >= word.len() { 0 } else { cut }
}

/// The keys of the words after `i` on its line (`k` = 0 is the next word), for phrase lookups.
fn tail_of<'w>(w: &'w [W<'_>], i: usize) -> impl Fn(usize) -> Option<&'w str> + 'w {
    move |k| w.get(i + 1 + k).filter(|t| !t.new_line).map(|t| t.tail.as_str())
}

/// The rules over one block.
pub(super) struct Detector<'a> {
    kb: &'a Kb,
    tables: &'static Tables,
    pub w: Vec<W<'a>>,
    /// The knowledge base's matches, by first token.
    kb_at: Vec<Option<marsad_kb::Match>>,
    /// Tokens inside a title or role phrase (`وزير الدفاع الأرميني`): no body is named there.
    in_title: Vec<bool>,
    /// The title or role phrase starting at each token (its length and kind).
    titles: Vec<Option<(usize, TitleKind)>>,
    /// What the statistical tagger found.
    tagged: Vec<marsad_ner::Entity>,
    /// What the block knows of its article ([`Season`]).
    season: Rc<Season>,
}

/// Titles of trades outside politics and war (their English in `titles.tsv`): the knowledge
/// base's people are statesmen, officials and fighters.
const TRADES: &[&str] = &[
    "Artist",
    "Attacker",
    "Blogger",
    "Businessman",
    "Businesswoman",
    "Child",
    "Coach",
    "Columnist",
    "Correspondent",
    "Elderly man",
    "Elderly woman",
    "Historian",
    "Journalist",
    "Man of letters",
    "Media figure",
    "Novelist",
    "Nurse",
    "Paramedic",
    "Photographer",
    "Photojournalist",
    "Player",
    "Poet",
    "Singer",
    "Settler",
    "Writer",
    "Young man",
    "Young woman",
];

/// What the rules of a block know of their article, for the family names alone of people of the
/// knowledge base ([`Detector::out_of_season`]).
#[derive(Debug, Default)]
pub(super) struct Season {
    /// The year of publication.
    year: Option<i32>,
    /// People the article names in full somewhere.
    named: FxHashSet<EntryId>,
    /// People whose family name alone the article has, who are not named in full, and whose
    /// roles put them out of the news in its year ([`marsad_kb::Entry::named_alone_in`]).
    dormant: FxHashSet<EntryId>,
}

impl Season {
    /// The season of the article whose blocks these are, published in `year`.
    pub fn of(kb: &Kb, detectors: &[Detector<'_>], year: Option<i32>) -> Season {
        let mut season = Season { year, ..Season::default() };
        for c in detectors.iter().flat_map(|d| d.kb_at.iter().flatten()).flat_map(|m| &m.candidates) {
            let e = kb.entry(c.entry);
            if e.kind != Kind::Person {
                continue;
            }
            if c.kind != AliasKind::Short {
                season.named.insert(c.entry);
            } else if year.is_some_and(|y| e.named_alone_in(y) == Some(false)) {
                season.dormant.insert(c.entry);
            }
        }
        let named = &season.named;
        season.dormant.retain(|e| !named.contains(e));
        season
    }
}

impl<'a> Detector<'a> {
    /// The detector of a block: its tokens and their forms ([`with_forms`]).
    pub fn new(
        kb: &'a Kb,
        tokens: &[AnalysedToken],
        forms: &[&'a Form],
        norm: &Normalized<'_>,
        tagger: Option<Tagger<'_>>,
    ) -> Detector<'a> {
        let w = words(tokens, forms, norm);
        let matches = kb.find_keyed(&w);
        let mut kb_at = vec![None; w.len()];
        let not_names = tagger.as_ref().map_or(&[][..], |t| t.not_names);
        let tagged = tagger.map_or_else(Vec::new, |t| {
            let tags = t.model.tag_with_matches(tokens, norm.text(), kb, &matches);
            let overlaps = |e: &marsad_ner::Entity| {
                let span = tokens[e.start].token.span.cover(tokens[e.end - 1].token.span);
                t.not_names.iter().any(|n| n.start() < span.end() && span.start() < n.end())
            };
            marsad_ner::entities(&tags).into_iter().filter(|e| !overlaps(e)).collect()
        });
        // a person's name alone inside a time expression of more words is a word of the date:
        // `8 ماي 1945` is the 8th of May (ماي in the Maghreb), not Theresa May (the month
        // alone, `اجتماع بين ماي ووزرائها`, may be her)
        let in_date = |m: &marsad_kb::Match| {
            let span = tokens[m.start].token.span;
            m.end == m.start + 1
                && m.candidates.iter().all(|c| kb.entry(c.entry).kind == Kind::Person)
                && not_names.iter().any(|n| n.contains(span) && *n != span)
        };
        let matches: Vec<marsad_kb::Match> = matches.into_iter().filter(|m| !in_date(m)).collect();
        for m in matches {
            let at = m.start;
            kb_at[at] = Some(m);
        }
        let in_title = vec![false; w.len()];
        let titles = (0..w.len())
            .map(|i| {
                let t = w.get(i).filter(|t| t.word() && t.title_start)?;
                t.heads.iter().find_map(|h| kb.title(h, tail_of(&w, i)).map(|(len, t)| (len, t.kind)))
            })
            .collect();
        Detector { kb, tables: Tables::builtin(), w, kb_at, in_title, titles, tagged, season: Rc::default() }
    }

    /// Tells the block what it needs of its article ([`Season::of`]), before
    /// [`Detector::detect`].
    pub fn set_season(&mut self, season: Rc<Season>) {
        self.season = season;
    }

    /// Whether `c`, matched at `at`, is the family name alone of a person of the knowledge
    /// base that the article's season says is not theirs, with no title before it: a person
    /// the article does not name in full and whose roles put them out of that year's news
    /// (كيم in 2018 is Kim Jong Un or someone else, not Vitaliy Kim, a governor from 2020;
    /// هيغل then is Hegel, not Chuck Hagel; غصن الزيتون an olive branch, not Fayez Ghosn, a
    /// minister until 2014); or one word that is an ordinary word with the article (العدل,
    /// الأحمر, المالكي), for someone who is not heading a state or a government then (الأسد
    /// in 2018 is): the word itself, or a namesake's (وزير الداخلية والعدل, علمها الأحمر,
    /// العقيد تركي المالكي). After the title of a trade, the name is never theirs, dated or
    /// not ([`Detector::trade_before`]), unless the article names them in full.
    fn out_of_season(&self, c: &marsad_kb::Candidate, at: usize, one_word: bool) -> bool {
        let e = self.kb.entry(c.entry);
        if c.kind != AliasKind::Short || e.kind != Kind::Person {
            return false;
        }
        // (the name after a trade is another's in any season: المدرب لومير is no minister)
        if self.trade_before(at) && !self.season.named.contains(&c.entry) {
            return true;
        }
        let Some(year) = self.season.year else { return false };
        if self.titled(at) {
            return false;
        }
        self.season.dormant.contains(&c.entry)
            || (one_word
                && self.definite_ordinary(at)
                && !self.season.named.contains(&c.entry)
                && !e.heads_in(year))
    }

    fn tail<'s>(&'s self, i: usize) -> impl Fn(usize) -> Option<&'s str> + 's {
        tail_of(&self.w, i)
    }

    fn nisba_at(&self, i: usize) -> Option<EntryId> {
        self.w.get(i).filter(|w| !w.new_line)?.nisba
    }

    /// A country or a capital (or another populated place) named at `i` by the knowledge base:
    /// its country and where the name ends.
    fn country_at(&self, i: usize) -> Option<(EntryId, usize)> {
        let m = self.kb_at.get(i)?.as_ref()?;
        let c = m.candidates.iter().find(|c| !c.ambiguous)?;
        let e = self.kb.entry(c.entry);
        match e.kind {
            Kind::Country => Some((c.entry, m.end)),
            Kind::Place if e.subtype == "capital" => Some((e.country?, m.end)),
            _ => None,
        }
    }

    /// Every candidate mention of the block.
    pub fn detect(&mut self) -> Vec<Cand> {
        let mut out = Vec::new();
        self.titles_in_use();
        self.kb_names(&mut out);
        self.bodies(&mut out);
        self.regime(&mut out);
        self.headed_places(&mut out);
        self.org_patterns(&mut out);
        self.units(&mut out);
        self.titled_people(&mut out);
        self.appositive_people(&mut out);
        self.named_people(&mut out);
        self.tagger(&mut out);
        self.extend_titled(&mut out);
        self.extend_lineage(&mut out);
        out
    }

    /// A person's name goes on through the links of its lineage: `بن`, `ابن` or `بنت` and a
    /// father's name, `آل` and a family's (`محمد بن عيد آل ثاني`, `عبد الله بن فرحان آل سعود`),
    /// as long as the word after the particle is a first name or no common word (after آل,
    /// any word but a particle), and no mention of a place or a body starts there. After
    /// `بن ...`, one family name may close the chain (`زيد بن رعد الحسين`, where the knowledge
    /// base knows `زيد بن رعد`; for its people, only a family name it knows them by).
    fn extend_lineage(&self, out: &mut [Cand]) {
        // (آل as written: إل is a word of a Korean name; not أبو or أم, which start a name,
        // nor ابنة, keyed as ابنه: his son)
        let link = |k: usize| {
            self.w.get(k).is_some_and(|w| {
                !w.new_line
                    && !w.conj
                    && !w.prep
                    && (w.tail != "ال" || w.al_family)
                    && !matches!(w.tail.as_str(), "ابو" | "ام" | "ابنه")
            }) && self.kin_at(k)
        };
        // the words of a first name at `k` (عبد الملك is one name)
        let given_len = |k: usize| {
            let w = &self.w[k];
            w.heads_in(w.starts.given)
                .filter_map(|h| self.kb.given_name_at(h, self.tail(k)))
                .map(|(n, _)| n)
                .max()
                .unwrap_or(1)
        };
        // (not a word with tanween: بنت مسجدًا is "she built a mosque"; not عبد alone, the
        // first half of a compound name)
        let name_word = |k: usize| {
            self.w.get(k).is_some_and(|w| {
                w.word()
                    && !w.new_line
                    && !w.conj
                    && !w.prep
                    && !w.tanween
                    && (w.tail != "عبد" || given_len(k) > 1)
                    && self.title_at(k).is_none()
                    && self.nisba_at(k).is_none()
                    && (!w.common || self.first_name_at(k))
            })
        };
        for i in 0..out.len() {
            let (first, mut end) = (out[i].first, out[i].end);
            // (a name after a link is a father's, inside someone else's name: طلال of الوليد
            // بن طلال بن عبدالعزيز)
            if out[i].etype != EntityType::Person || (first > 0 && link(first - 1)) {
                continue;
            }
            // another mention a rule found there: a place or a body; for the family name that
            // closes a chain, a person the knowledge base knows too (محمد بن زايد الحريري:
            // الحريري is someone else; after بن, a known name is the father's: عبد العزيز of
            // عبد العزيز بن سعود بن نايف بن عبد العزيز)
            let ruled = |a: usize, b: usize, people: bool, out: &[Cand]| {
                out.iter().enumerate().any(|(j, c)| {
                    j != i
                        && c.rank > TAGGER
                        && (c.etype != EntityType::Person
                            || (people && matches!(c.referent, Referent::Kb(_))))
                        && c.first < b
                        && a < c.end
                })
            };
            // (the word after آل is a family's name, whatever else it means: آل ثاني, آل الشيخ)
            let family = |k: usize| self.w[k].al_family;
            let named = |k: usize| {
                name_word(k + 1)
                    || (family(k)
                        && !self.kin_at(k + 1)
                        && self.w.get(k + 1).is_some_and(|w| {
                            w.word() && !w.new_line && !w.conj && !w.prep && !is_function_word(w)
                        }))
            };
            // the knowledge base's person takes a family (محمد بن نايف آل سعود) but no more
            // fathers than it knows: `الحسين بن عبد الله بن الحسن بن علي بن سينا` is Avicenna,
            // not the crown prince of Jordan
            // (a person a rule reads from a first name, over the span the knowledge base
            // matched, is that person)
            let entry = |c: &Cand| match c.referent {
                Referent::Kb(e) => Some(e),
                _ => None,
            };
            let known = entry(&out[i])
                .or_else(|| {
                    out.iter()
                        .filter(|c| c.etype == EntityType::Person && c.first == first && c.end == end)
                        .find_map(entry)
                })
                .map(|e| self.kb.names_of(e));
            // and the family it knows, if it knows one (خالد بن أحمد آل الشيخ is not Khalid bin
            // Ahmed Al Khalifa)
            let their_family = |k: usize| {
                known.is_none_or(|names| {
                    let mut known_families = names
                        .iter()
                        .flat_map(|n| n.windows(2))
                        .filter(|p| p[0] == "ال")
                        .map(|p| &p[1])
                        .peekable();
                    known_families.peek().is_none()
                        || known_families.any(|f| self.w.get(k + 1).is_some_and(|w| w.tail == *f))
                })
            };
            while link(end) && ((family(end) && their_family(end)) || known.is_none()) && named(end) {
                // (`named` found the word after the particle)
                let next = end + 1 + given_len(end + 1);
                if ruled(end, next, false, out) {
                    break;
                }
                end = next;
            }
            // the family name that closes a chain of fathers (زيد بن رعد الحسين)
            let patronym = (first + 1..end).any(|k| link(k) && !family(k));
            let closing =
                |k: usize| known.is_none_or(|names| names.iter().any(|n| n.last() == Some(&self.w[k].tail)));
            if patronym
                && !(first + 1..end).any(family)
                && self.w.get(end).is_some_and(|w| w.tail.starts_with("ال"))
                && name_word(end)
                && closing(end)
                && !ruled(end, end + 1, true, out)
            {
                end += 1;
            }
            if end > out[i].end {
                out[i].end = end;
                if let Referent::Unknown(_) = out[i].referent {
                    out[i].referent = Referent::Unknown(self.key_of(first, end));
                }
            }
        }
    }

    /// A name after a title ends where the tagger's name that starts with it ends, when that
    /// is further: the rule stops at a word it cannot tell from a common one (`رئيس النادي
    /// محمود الخطيب`, `رئيس اللجنة جان فرنسوا كارينسو`), the tagger reads on.
    fn extend_titled(&self, out: &mut [Cand]) {
        for i in 0..out.len() {
            if out[i].rule != "title" {
                continue;
            }
            let (first, end) = (out[i].first, out[i].end);
            let further = out
                .iter()
                .filter(|t| {
                    t.rank == TAGGER && t.etype == EntityType::Person && t.first == first && t.end > end
                })
                .map(|t| t.end)
                .max();
            // never over another rule's mention (أنجيلا ميركل: ميركل is the knowledge base's)
            let ruled = |e: usize| out.iter().any(|c| c.rank > TAGGER && c.first < e && end < c.end);
            if let Some(end) = further.filter(|&e| !ruled(e)) {
                out[i].end = end;
                out[i].referent = Referent::Unknown(self.key_of(first, end));
            }
        }
    }

    /// Names the statistical tagger finds ([`marsad_ner`]): weak candidates that only fill
    /// what the rules left, without function or common words at their edges, and never a
    /// common word alone.
    fn tagger(&self, out: &mut Vec<Cand>) {
        for e in &self.tagged {
            let (mut first, mut end) = (e.start, e.end.min(self.w.len()));
            let edge =
                |k: usize| !self.w[k].word() || is_function_word(&self.w[k]) || self.title_at(k).is_some();
            // a kunya starts the name it is part of (أبو فارس, وأبو السكر, أم كلثوم)
            let kunya =
                |k: usize| e.etype == EntityType::Person && k + 1 < end && self.w[k].kunya && self.kin_at(k);
            while first < end && edge(first) && !kunya(first) {
                first += 1;
            }
            // a family name spelled like an ordinary word stays right after a first name
            let family = |k: usize| k > first && self.ordinary_family_name(k);
            while end > first && (edge(end - 1) || (self.w[end - 1].common && !family(end - 1))) {
                end -= 1;
            }
            // (nor a kunya left alone: أبو and a common word)
            if first >= end || (end == first + 1 && self.w[first].kunya) {
                continue;
            }
            // a speaker left unnamed is no name (وقال مصدران إن, مصادر أمنية), nor a person
            // a body's word heads (فريق موللر); a body may be (مجموعة تشاليك)
            if self.w[first].cue == Some(Role::Anonymous)
                && (!self.w[first].body || e.etype == EntityType::Person)
            {
                continue;
            }
            if (first..end).all(|k| self.w[k].common || self.nisba_at(k).is_some()) {
                continue;
            }
            // nor a word alone spelled like an adjective in an adjective's place (الرئيس
            // الشيشاني)
            if e.etype == EntityType::Person
                && end == first + 1
                && self.adjective_position(first)
                && self.adjective_like(first).is_some()
            {
                continue;
            }
            if (first + 1..end).any(|k| self.w[k].new_line) || (first..end).any(|k| self.w[k].tanween) {
                continue;
            }
            if end == first + 1
                && matches!(e.etype, EntityType::Gpe | EntityType::Loc)
                && self.adverb_of_nisba(first)
            {
                continue;
            }
            // (a family name alone out of season is someone else's)
            let dormant = |c: &marsad_kb::Candidate| self.out_of_season(c, first, end == first + 1);
            let referent = match self.kb_at[first].as_ref() {
                Some(m) if m.end == end => {
                    match m.candidates.iter().find(|c| self.kb.entry(c.entry).etype == e.etype && !dormant(c))
                    {
                        Some(c) => Referent::Kb(c.entry),
                        None => Referent::Unknown(self.key_of(first, end)),
                    }
                }
                _ => Referent::Unknown(self.key_of(first, end)),
            };
            out.push(Cand {
                first,
                end,
                etype: e.etype,
                referent,
                rule: "tagger",
                rank: TAGGER,
                short: false,
            });
        }
    }

    /// Whether word `k` is a country's nisba made an adverb or an indefinite accusative, its
    /// tanween unwritten (الحوثيين المدعومين إيرانيا, وفدا أميركيا, مفبركة قطريا): no name of the
    /// knowledge base, nor the first word of its country's name.
    fn adverb_of_nisba(&self, k: usize) -> bool {
        let w = &self.w[k];
        if self.kb_at[k].is_some() {
            return false;
        }
        // (the word without its conjunction or preposition: وإيرانيا)
        let word = w.heads.first().unwrap_or(&w.tail);
        word.strip_suffix('ا')
            .filter(|a| a.ends_with('ي'))
            .and_then(|adjective| self.kb.nisba(adjective))
            .is_some_and(|c| !self.kb.names_of(c).iter().any(|n| n.first().is_some_and(|f| f == word)))
    }

    /// Marks the tokens of title and role phrases, with the nisba that qualifies a role.
    fn titles_in_use(&mut self) {
        let mut i = 0;
        while i < self.w.len() {
            let Some((len, kind)) = self.title_at(i) else {
                i += 1;
                continue;
            };
            let mut end = i + len;
            if kind == TitleKind::Role && self.nisba_at(end).is_some() {
                end += 1;
            }
            for k in i..end {
                self.in_title[k] = true;
            }
            i = end;
        }
    }

    /// Whether the word at `k` is a word of a title or role phrase (`وزير العدل`), not a
    /// kinship particle or an honorific (`أبو`, `آل`, `الشيخ`).
    fn in_office(&self, k: usize) -> bool {
        (k.saturating_sub(4)..=k).any(|j| {
            self.title_at(j)
                .is_some_and(|(len, kind)| j + len > k && matches!(kind, TitleKind::Title | TitleKind::Role))
        })
    }

    /// Whether the word at `i` is spelled like a definite adjective: `Some(true)` for a nisba
    /// of the knowledge base (الإنجليزي), `Some(false)` for an ordinary word (الأحمر: أحمر is
    /// one; so is سيسي, and الرئيس السيسي is a name: the caller weighs a title before it),
    /// `None` otherwise. The word lists hold words without the article, which a word's keys
    /// keep.
    fn adjective_like(&self, i: usize) -> Option<bool> {
        let w = self.w.get(i).filter(|w| !w.new_line && definite(w))?;
        if w.nisba.is_some() {
            return Some(true);
        }
        let bare = self.without_article(i)?;
        if self.kb.nisba(bare).is_some() {
            return Some(true);
        }
        self.kb.is_common_word(bare).then_some(false)
    }

    /// Whether the word at `i` is shaped like a definite nisba adjective: the article, then at
    /// least three letters and a final ي (العثماني, الشيشاني; as are many family names:
    /// الحريري).
    fn nisba_shaped(&self, i: usize) -> bool {
        self.without_article(i).is_some_and(|bare| bare.ends_with('ي') && bare.chars().count() >= 4)
    }

    /// The word at `i`, as written without its clitics, without its article: `None` when it
    /// has none.
    fn without_article(&self, i: usize) -> Option<&str> {
        let w = &self.w[i];
        w.heads.first().unwrap_or(&w.tail).strip_prefix("ال")
    }

    /// Whether the word at `i`, as written without its clitics, is an ordinary word with the
    /// article (العدل, الأحمر).
    fn definite_ordinary(&self, i: usize) -> bool {
        self.without_article(i).is_some_and(|bare| self.kb.is_common_word(bare))
    }

    /// Whether the word at `i` may be an adjective of the word before it: it has no
    /// proclitic, and the word before is a word of the same line, not a function word, and
    /// definite when it is (القوات السعودية, دعم مالي).
    fn adjective_position(&self, i: usize) -> bool {
        let Some(w) = self.w.get(i) else { return false };
        if i == 0 || w.new_line || w.conj || w.prep || w.tail != *w.heads.first().unwrap_or(&w.tail) {
            return false;
        }
        let prev = &self.w[i - 1];
        // after a quoted name ("فوكس سينما" السعودية) and after غير (غير السعودية)
        if prev.kind == TokenKind::Punct && matches!(prev.tail.as_str(), "\"" | "”" | "»" | ")") {
            return definite(w);
        }
        if prev.is(GHAYR) {
            return true;
        }
        if !prev.word() || is_function_word(prev) {
            return false;
        }
        definite(w) == definite(prev)
    }

    /// The title or role phrase starting at `i`: its length and kind.
    fn title_at(&self, i: usize) -> Option<(usize, TitleKind)> {
        self.titles.get(i).copied().flatten()
    }

    /// Whether the word at `i` is a kinship particle (بن, آل, أبو...).
    fn kin_at(&self, i: usize) -> bool {
        self.title_at(i) == Some((1, TitleKind::Kin))
    }

    /// Whether a title or role phrase (of at most four words) ends right before `i`.
    fn titled(&self, i: usize) -> bool {
        (i.saturating_sub(4)..i).any(|j| self.title_at(j).is_some_and(|(len, _)| j + len == i))
    }

    /// Whether a word of a trade outside politics and war ends right before `i` (المدرب,
    /// اللاعب, المطرب, الروائي: [`TRADES`]): the name after it is not a statesman's or a
    /// fighter's, whom the knowledge base holds.
    fn trade_before(&self, i: usize) -> bool {
        (i.saturating_sub(4)..i).any(|j| {
            self.title_at(j).is_some_and(|(len, _)| j + len == i)
                && self.w[j].heads.iter().any(|h| {
                    self.kb
                        .title(h, self.tail(j))
                        .is_some_and(|(len, t)| j + len == i && TRADES.contains(&t.en.as_str()))
                })
        })
    }

    fn kb_names(&self, out: &mut Vec<Cand>) {
        for m in self.kb_at.iter().flatten() {
            // a word written with tanween is an indefinite noun or an adverb, no name
            // (بيوتاً is houses, not ب + Utah)
            if m.end == m.start + 1 && self.w[m.start].tanween {
                continue;
            }
            // a one-word name spelled like a common word needs support: a head before it
            // (مدينة الأمل, تنظيم القاعدة), or, for an organisation, no definite word after it
            // that it would qualify (القاعدة الجوية is an air base)
            let place_headed = m.start > 0
                && self.head_ends_at(&self.tables.place_heads, |s| s.place_heads, |h| !h.none, m.start);
            let org_headed = m.start > 0
                && self.head_ends_at(&self.tables.org_patterns, |s| s.org_patterns, |_| true, m.start);
            // (and, for a name of three letters without the article, spelled like a verb or
            // a verbal noun, no word it would govern: فتح تحقيق, فتح سفارة, فتح الباب are
            // openings; after such a name only a function word, a new item with و, or a name
            // of the knowledge base that is no ordinary word)
            let known_after =
                |k: usize| self.kb_at[k].as_ref().is_some_and(|n| n.candidates.iter().any(|c| !c.ambiguous));
            let bare_name = m.end == m.start + 1 && {
                let w = &self.w[m.start];
                let name = w.heads.first().unwrap_or(&w.tail);
                !name.starts_with("ال") && name.chars().count() <= 3
            };
            // (كيلو وات is a kilowatt, not the agency وات)
            let unit_before = bare_name
                && m.start > 0
                && matches!(self.w[m.start - 1].tail.as_str(), "كيلو" | "ميغا" | "ميجا" | "جيغا" | "جيجا");
            let free_after = !unit_before
                && self.w.get(m.end).is_none_or(|w| {
                    w.new_line
                        || !w.word()
                        || if bare_name {
                            is_function_word(w) || w.conj || known_after(m.end)
                        } else {
                            !w.tail.starts_with("ال") || self.kb_at[m.end].is_some()
                        }
                });
            // a country's one-word name spelled like an adjective or a word (السعودية,
            // الكاميرون, سورية, مالي) is the country where no noun before it could take it as
            // its adjective (في السعودية, قالت السعودية; not القوات السعودية, دعم مالي)
            let country_here = m.end == m.start + 1 && !self.adjective_position(m.start);
            // a family name alone that a clitic makes a function word (فليس is ف + ليس, not
            // Benflis; فانس is Vance, though انس is a word too) is that word
            let clitic_word = m.end == m.start + 1 && self.w[m.start].function;
            // a family name alone spelled like an adjective, in an adjective's place, is that
            // adjective: a nisba (الرئيس الروسي), or a common word after a word that is no
            // title (الفلفل الأحمر, رابطة الدوري; الرئيس الأسد is Assad); the names of bodies
            // are often adjectives (النادي الأهلي) and keep their reading; and any word shaped
            // like a nisba after a word that is no title (الحكم العثماني, العصر العثماني; رئيس
            // الحكومة العثماني is Othmani)
            // (a title, and the nisba of its country: الرئيس السوري الأسد)
            let title_before = || {
                self.titled(m.start)
                    || (m.start > 0 && self.nisba_at(m.start - 1).is_some() && self.titled(m.start - 1))
            };
            let adjectival = m.end == m.start + 1
                && m.start > 0
                && self.w[m.start - 1].word()
                && self.adjective_position(m.start)
                && (self.adjective_like(m.start).is_some_and(|nisba| nisba || !title_before())
                    || (self.nisba_shaped(m.start) && !title_before()));
            // a body's head is followed by its leader's name (تحالف الصدر), not by an
            // adjective (تحالف إسلامي) nor by a noun that one qualifies (رابطة الدوري الإنجليزي)
            let leader_after_head = org_headed
                && definite(&self.w[m.start])
                && !(self.adjective_position(m.end)
                    && (self.nisba_at(m.end).is_some() || self.adjective_like(m.end).is_some()));
            // a family name alone spelled like a kinship particle, before a first name or a
            // definite word, or after another particle, starts a kunya (علي بن أبي طالب, أبي
            // عمر المهاجر, تمثال أبي الهول: not Shinzo Abe; وقال آبي إن, وشوهد آبي يضحك are)
            let kunya = m.end == m.start + 1
                && self.kin_at(m.start)
                && self.w.get(m.end).is_some_and(|w| {
                    !w.new_line
                        && w.word()
                        && !w.conj
                        && !is_function_word(w)
                        && (definite(w)
                            || self.first_name_at(m.end)
                            || (m.start > 0 && self.kin_at(m.start - 1)))
                });
            // a family name alone after a word for a company, a paper or a shop is the brand
            // (شركة فوكس is not Liam Fox; إدارة ترامب, حكومة نتنياهو are the people's)
            let brand = m.end == m.start + 1
                && m.start > 0
                && self.w[m.start - 1].heads.first().is_some_and(|h| BRAND_HEADS.contains(&h.as_str()));
            // one word spelled nearly like a place or a body right after a first name is the
            // person's family name (أليكس بولاند is no Poland, فلافيا منغوفيا no Mongolia);
            // after و it may be the next item of a list (أليكس وبولندا)
            let after_first_name = m.end == m.start + 1
                && m.start > 0
                && !self.w[m.start].new_line
                && !(self.w[m.start].conj && self.w[m.start].tail.starts_with('و'))
                && self.first_name_at(m.start - 1);
            let tagged_person = after_first_name
                && self
                    .tagged
                    .iter()
                    .any(|t| t.etype == EntityType::Person && t.start < m.start && t.end >= m.end);
            let usable = |c: &&marsad_kb::Candidate| {
                let kind = self.kb.entry(c.entry).kind;
                if c.how != marsad_kb::How::Exact && kind != Kind::Person && after_first_name {
                    return false;
                }
                // and so is a small town's name the tagger reads as the person's with the first
                // name (بول مانغا is no Manga, a town of Burkina Faso); a prominent place stays one
                // (بن سلمان باريس: Paris)
                if after_first_name
                    && kind == Kind::Place
                    && !self.kb.entry(c.entry).prominent()
                    && tagged_person
                {
                    return false;
                }
                // an abbreviation's capitals are written so (FAN, not "fan ID"; AU, not Au;
                // LeT, not Let); dpa has none
                if c.kind == AliasKind::Abbreviation
                    && self.kb.abbreviation_capitals(c.entry, &self.key_of(m.start, m.end)).is_some_and(
                        |caps| {
                            caps.len() != m.end - m.start
                                || caps
                                    .iter()
                                    .zip(&self.w[m.start..m.end])
                                    .any(|(&data, w)| data & !w.caps != 0)
                        },
                    )
                {
                    return false;
                }
                let dormant = self.out_of_season(c, m.start, m.end == m.start + 1);
                let not_family =
                    clitic_word || kunya || dormant || (kind == Kind::Person && (adjectival || brand));
                if c.kind == AliasKind::Short && not_family {
                    return false;
                }
                // a place's head names a place, never a person (مخيم العودة, مدينة الصدر); a
                // body's head may be followed by its leader's name (تحالف الصدر, مجلس الحكيم)
                !c.ambiguous
                    || (place_headed && kind != Kind::Person)
                    || (org_headed && (kind != Kind::Person || leader_after_head))
                    || (kind == Kind::Org && free_after)
                    || (kind == Kind::Country && country_here)
            };
            let Some(chosen) =
                m.candidates.iter().filter(usable).fold(None, |best: Option<&marsad_kb::Candidate>, c| {
                    match best {
                        Some(b) if self.weight(b) >= self.weight(c) => Some(b),
                        _ => Some(c),
                    }
                })
            else {
                continue;
            };
            let e = self.kb.entry(chosen.entry);
            // a town's one-word name qualified by another country's nisba is a common noun
            // (الضفة التشادية is the Chadian shore, not the West Bank)
            if e.kind == Kind::Place
                && m.end == m.start + 1
                && self
                    .nisba_at(m.end)
                    .is_some_and(|c| e.country != Some(c) && self.w[m.end].tail.starts_with("ال"))
            {
                continue;
            }
            let short = chosen.kind == AliasKind::Short;
            if short && self.someone_elses_family_name(chosen.entry, m.start) {
                // a first name and a family name: a person, though not this one, whose name
                // may go on as far as the tagger sees it (أكرم خان دوراني)
                let end = self
                    .tagged
                    .iter()
                    .filter(|e| e.etype == EntityType::Person && e.start == m.start - 1)
                    .map(|e| e.end)
                    .fold(m.end, usize::max);
                // over words as written only (not بتسجيل after عبدالفتاح عسيري)
                let end = (m.end..end)
                    .find(|&k| self.w[k].heads.first() != Some(&self.w[k].tail) || self.w[k].common)
                    .unwrap_or(end);
                out.push(Cand {
                    first: m.start - 1,
                    end,
                    etype: EntityType::Person,
                    referent: Referent::Unknown(self.key_of(m.start - 1, end)),
                    rule: "given-name",
                    rank: 46,
                    short: false,
                });
                continue;
            }
            // a word of a title or role is no name (وزير العدل, مفوضة العدل: not Saif al-Adel)
            if short && (m.start..m.end).any(|k| self.in_office(k)) {
                continue;
            }
            if short && self.inside_another_name(chosen.entry, m.start, m.end) {
                // the tagger's name goes on (its candidate stands)
                continue;
            }
            let rank = if e.kind == Kind::Person { 60 } else { 50 };
            out.push(Cand {
                first: m.start,
                end: m.end,
                etype: e.etype,
                referent: Referent::Kb(chosen.entry),
                rule: "kb",
                rank,
                short,
            });
        }
    }

    /// Whether the word at `k` may be the family name of the first name right before it though
    /// it is spelled like an ordinary word (فرناندو جيل, حسن البنا, هيثم الحسيني): the word as
    /// written, not a clitic and a word (بدر وأنيس, مي فاروق بثوب), no function word, of three
    /// letters or more (not the particle of ديفيد دي خيا), no nisba of a country, and not a
    /// word that is hardly ever a name's (`قال`, `أمس`).
    fn ordinary_family_name(&self, k: usize) -> bool {
        let Some(w) = self.w.get(k) else { return false };
        k > 0
            && !w.new_line
            && self.first_name_at(k - 1)
            && !(w.conj || w.prep || w.function)
            && w.tail.chars().count() >= 3
            && self.nisba_at(k).is_none()
            && self.kb.is_common_word(&w.tail)
            && !self.kb.rarely_in_names(&w.tail)
    }

    /// Whether a first name (one word, or a compound: `عبد الرحمن`, `نور الدين`) starts at `k`.
    fn first_name_at(&self, k: usize) -> bool {
        let Some(w) = self.w.get(k) else { return false };
        w.heads_in(w.starts.given).any(|h| self.kb.given_name_at(h, self.tail(k)).is_some())
    }

    /// Whether the family name alone of `entry` at `start` is someone else's: it follows a first
    /// name on its line (so `start` > 0) that is not one of the entry's own (`فايز كاكار` is
    /// not Hulusi Akar, `أكرم خان دوراني` not Imran Khan; `دونالد #ترمب` is Trump).
    fn someone_elses_family_name(&self, entry: EntryId, start: usize) -> bool {
        let Some(w) = self.w.get(start) else { return false };
        let names = self.kb.names_of(entry);
        // a conjunction starts a new item (وبوتين), unless the family name is the word as
        // written (فانس is not ف + انس)
        let conj = w.conj && !names.iter().any(|n| n.last() == Some(&w.tail));
        if start == 0 || w.new_line || conj {
            return false;
        }
        // a first name as written, with no clitic (لصالح ترامب is "in favour of Trump"), not
        // with a final ى (على بن لادن)
        let p = &self.w[start - 1];
        p.word()
            && !p.maksura
            && p.heads.first() == Some(&p.tail)
            && self.first_name_at(start - 1)
            && !names.iter().any(|n| n.len() > 1 && p.heads.contains(&n[0]))
    }

    /// Whether the family name alone of `entry` at `start..end` is a word of a longer name the
    /// tagger reads there, whose other words are not the entry's own (`فلورينتينو بيريز` is not
    /// Shimon Peres, `شركة فوكس القرن الحادي والعشرين` not Liam Fox, `محمد بن لادن` not Osama
    /// bin Laden); titles, nisbas, function and common words around it do not count (`الرئيس
    /// الأميركي دونالد ترمب` is Trump).
    fn inside_another_name(&self, entry: EntryId, start: usize, end: usize) -> bool {
        // the entry's words by their loose keys (فيدريكا is فيديريكا, غاريد جاريد)
        let names: Vec<String> =
            self.kb.names_of(entry).iter().flatten().map(|x| marsad_kb::names::skeleton(x)).collect();
        let own = |k: usize| {
            let w = &self.w[k];
            w.heads
                .iter()
                .chain(std::iter::once(&w.tail))
                .any(|h| names.contains(&marsad_kb::names::skeleton(h)))
        };
        // (a name of the knowledge base after it with a conjunction starts a new item: وظهر
        // ترامب وكوهين; not every word starting with و or ف: بيرس فاستبيرغ); another person of
        // the knowledge base is a name of its own (واتهم ظريف نتنياهو)
        let known_person = |k: usize| {
            self.kb_at[k].as_ref().is_some_and(|m| {
                m.candidates.iter().any(|c| !c.ambiguous && self.kb.entry(c.entry).kind == Kind::Person)
            })
        };
        let neutral = |k: usize| {
            let w = &self.w[k];
            !w.word()
                || w.common
                || is_function_word(w)
                || w.nisba.is_some()
                || self.in_title[k]
                || (k >= end && w.conj && self.kb_at[k].is_some())
                || known_person(k)
        };
        self.tagged.iter().any(|t| {
            t.start <= start
                && end <= t.end
                && t.end - t.start > end - start
                && (t.start..t.end).filter(|k| !(start..end).contains(k)).any(|k| !neutral(k) && !own(k))
        })
    }

    /// How likely a candidate entry is when several share a name: countries, organisations and
    /// people named in full before family names alone, capitals and provinces and big cities
    /// before villages.
    fn weight(&self, c: &marsad_kb::Candidate) -> u8 {
        let e = self.kb.entry(c.entry);
        match e.kind {
            Kind::Country => 6,
            Kind::Org => 5,
            Kind::Person if c.kind == AliasKind::Short => 3,
            Kind::Person => 5,
            Kind::Place if matches!(e.subtype.as_str(), "capital" | "province") => 5,
            Kind::Place if e.population.is_some_and(|p| p >= 100_000) => 4,
            Kind::Place => 2,
        }
    }

    /// Whether a head of `phrases` (تنظيم, حركة...; مدينة, بلدة...) ends right before `i`;
    /// `bits` picks the heads that start one ([`Starts`]).
    fn head_ends_at<T>(
        &self,
        phrases: &Phrases<T>,
        bits: impl Fn(&Starts) -> u8,
        accept: impl Fn(&T) -> bool,
        i: usize,
    ) -> bool {
        (1..=2.min(i)).any(|len| {
            let s = i - len;
            let w = &self.w[s];
            w.heads_in(bits(&w.starts))
                .any(|h| phrases.longest(h, self.tail(s)).is_some_and(|(l, head)| l == len && accept(head)))
        })
    }

    /// Heads of national bodies with their country: `وزارة الدفاع الأرمينية`, `الجيش الأرميني`,
    /// `جيش النيجر`, `قوات النظام السوري`, and ministries alone (`وزارة الداخلية`).
    fn bodies(&self, out: &mut Vec<Cand>) {
        for i in 0..self.w.len() {
            if !self.w[i].word() || self.in_title[i] {
                continue;
            }
            let w = &self.w[i];
            let Some((len, head)) =
                w.heads_in(w.starts.org_heads).find_map(|h| self.tables.org_heads.longest(h, self.tail(i)))
            else {
                continue;
            };
            let j = i + len;
            let next_is = |k: usize, mark: u8| self.w.get(k).is_some_and(|w| !w.new_line && w.is(mark));
            // الجيش الأذري (both definite), جيش النيجر (a construct before a country); not
            // قوات روسية (Russian forces, no name)
            let definite_head = head.words.iter().any(|h| h.starts_with("ال"))
                || self.w[i].heads.iter().all(|h| h.starts_with("ال"));
            let definite_nisba =
                |k: usize| self.w.get(k).is_some_and(|w| w.heads.iter().any(|h| h.starts_with("ال")));
            let (end, country, regime) =
                if let Some(c) = self.nisba_at(j).filter(|_| definite_head && definite_nisba(j)) {
                    (j + 1, Some(c), false)
                } else if next_is(j, NIZAM) {
                    match self.nisba_at(j + 1) {
                        Some(c) => (j + 2, Some(c), false),
                        None => (j + 1, None, true),
                    }
                } else if let Some((c, e)) =
                    self.country_at(j).filter(|_| !definite_head && !self.w[j].prep && !self.w[j].conj)
                {
                    (e, Some(c), false)
                } else if head.alone {
                    // وزارة الخارجية بواشنطن: the ministry in that country's capital
                    let located = self
                        .country_at(j)
                        .filter(|_| self.w[j].prep && !self.w[j].conj && self.w[j].tail.starts_with('ب'))
                        .map(|(c, _)| c);
                    (j, located, false)
                } else {
                    continue;
                };
            // the knowledge base's own body of that country, named with a head of the same
            // meaning and a nisba (وزارة الدفاع الأرمنية for وزارة الدفاع الأرمينية, الجيش
            // الأذربيجاني for قوات باكو)
            // (a body of state, not a party named like one, unless named word for word: الجيش
            // اللبناني is the Lebanese Armed Forces, not the Lebanese Forces, a party whose
            // name القوات اللبنانية is; the body named with the text's own head word first)
            let known = country.and_then(|c| {
                let bodies =
                    || self.kb.orgs_of(c).iter().copied().filter(|&o| self.kb.entry(o).subtype != "party");
                let named = |o: EntryId, same_word: bool| {
                    self.kb.names_of(o).iter().any(|n| {
                        n.len() >= 2
                            && n.last().and_then(|w| self.kb.nisba(w)) == Some(c)
                            && (!same_word || self.w[i].heads.iter().any(|h| *h == n[0]))
                            && self
                                .tables
                                .org_heads
                                .longest(&n[0], |k| n.get(k + 1).map(String::as_str))
                                .is_some_and(|(l, h)| l == n.len() - 1 && h.en == head.en)
                    })
                };
                // (any body, a party too, named word for word: القوات اللبنانية is the party)
                let word_for_word = |o: EntryId| {
                    self.kb.names_of(o).iter().any(|n| {
                        n.len() == end - i
                            && n.iter().enumerate().all(|(k, x)| self.w[i + k].heads.iter().any(|h| h == x))
                    })
                };
                self.kb
                    .orgs_of(c)
                    .iter()
                    .copied()
                    .find(|&o| word_for_word(o))
                    .or_else(|| bodies().find(|&o| named(o, true)))
                    .or_else(|| bodies().find(|&o| named(o, false)))
            });
            out.push(Cand {
                first: i,
                end,
                etype: EntityType::Org,
                referent: Referent::Body { head, country, regime, known },
                rule: "body",
                rank: 55,
                short: false,
            });
        }
    }

    /// "النظام السوري": the government named for its country.
    fn regime(&self, out: &mut Vec<Cand>) {
        for i in 0..self.w.len().saturating_sub(1) {
            if !self.w[i].is(NIZAM) {
                continue;
            }
            let w = &self.w[i + 1];
            if w.new_line {
                continue;
            }
            if let Some(c) = w.heads.iter().find_map(|h| self.kb.regime(h)) {
                out.push(Cand {
                    first: i,
                    end: i + 2,
                    etype: EntityType::Gpe,
                    referent: Referent::Kb(c),
                    rule: "regime",
                    rank: 58,
                    short: false,
                });
            }
        }
    }

    /// Whether `w` reads as a preposition (ب, ل, ك) and a word of two letters or more that
    /// annotated news hardly ever put inside a name, no function word (بشن is ب + شن; بان, of
    /// Ban Ki-moon, is not ب + ان).
    fn prep_and_common(&self, w: &W<'_>) -> bool {
        let rest = w.tail.strip_prefix(['ب', 'ل', 'ك']);
        rest.is_some_and(|r| {
            r.chars().count() >= 2 && self.kb.rarely_in_names(r) && !FUNCTION_KEYS.contains(r)
        })
    }

    /// A run of name-like words from `i` (at most `max`): not common words, not function
    /// words, not a new clause, not a title.
    fn name_run(&self, i: usize, max: usize, allow_common_first: bool) -> usize {
        let mut k = i;
        while k < self.w.len() && k - i < max {
            let w = &self.w[k];
            // (a kunya inside the name, with a name word after it, is its family name: علي
            // أبو حليقة)
            let kunya_inside = k > i
                && w.kunya
                && !w.conj
                && self.w.get(k + 1).is_some_and(|n| n.word() && !n.new_line && !n.conj && !n.common);
            if !w.word() || (k > i && (w.conj || w.new_line)) || (self.in_title[k] && !kunya_inside) {
                break;
            }
            let given_len = if w.maksura {
                0
            } else {
                w.heads_in(w.starts.given)
                    .filter_map(|h| self.kb.given_name_at(h, self.tail(k)))
                    .map(|(n, _)| n)
                    .max()
                    .unwrap_or(0)
            };
            let given = given_len > 0;
            // a word of news with a preposition, after the first, ends the name (ماري منيب
            // بمخاطبة السلطات, فهد المولد بجاهزيته); not a first name the preposition is read
            // into (لطفي لبيب, أيمن بهجت), an unknown word (كارل أوف كنوسغارد) or a short
            // one (جان ماري لوبان, اندريس بوني كالزي: ل + وبان, ك + الزي)
            if k > i
                && w.prep
                && !given
                && w.heads
                    .first()
                    .is_some_and(|h| *h != w.tail && h.chars().count() >= 5 && self.kb.is_known_word(h))
            {
                break;
            }
            // nor does one start with a preposition and a common word, however short the word
            // and whether or not the segmenter split it (`ندد الرئيس الأميركي بشن هجمات`: ب + شن)
            if k == i && !given && w.arabic && self.prep_and_common(w) {
                break;
            }
            // a verb in the plural (حاولوا, قالوا, يعملون, وتقولون) never names anyone; after
            // the first word of a name, ت…سون and ي…سون are the English -son (جيف تومسون,
            // سكارليت يوهانسون)
            let bare = w.heads.first().unwrap_or(&w.tail);
            let plural_verb = w.tail.chars().count() >= 5
                && (w.tail.ends_with("وا")
                    || (bare.ends_with("ون")
                        && (bare.starts_with('ي') || bare.starts_with('ت'))
                        && (k == i || !bare.ends_with("سون"))));
            let common = (w.common || w.maksura || plural_verb) && !(given || (k == i && allow_common_first));
            // another name starts here: a person named in full (after the first word), a
            // place, body or country (a family name alone may end this name)
            // (a compound first name the knowledge base also knows as a place starts a name
            // that goes on: صلاح الدين دمرداش; see `named_people`)
            let own_first = k == i && given_len > 1 && self.kb_place_at(k) == Some(k + given_len);
            let other_entity = !own_first
                && self.kb_at[k].as_ref().is_some_and(|m| {
                    m.candidates.iter().any(|c| {
                        let kind = self.kb.entry(c.entry).kind;
                        match kind {
                            Kind::Person => k > i && c.kind != AliasKind::Short,
                            _ => !c.ambiguous,
                        }
                    })
                });
            if common || other_entity || (self.title_at(k).is_some() && !kunya_inside) {
                break;
            }
            // a compound first name is one name of its words (عبد القادر: القادر alone is
            // a common word)
            k += if given_len > 1 && k - i + given_len <= max { given_len } else { 1 };
        }
        // (a kunya the run's bound left without its name is none: محمود عبد الشكور أبو)
        if k > i + 1 && self.w[k - 1].kunya && self.in_title[k - 1] {
            k -= 1;
        }
        k
    }

    /// `محافظة السويداء` (the head is part of the name), `مدينة تعز` (it is not), and lists
    /// after a plural head (`بلدات غوريس وسوتك وجيرموك`).
    fn headed_places(&self, out: &mut Vec<Cand>) {
        for i in 0..self.w.len() {
            if !self.w[i].word() {
                continue;
            }
            let w = &self.w[i];
            let Some((len, head)) = w
                .heads_in(w.starts.place_heads)
                .find_map(|h| self.tables.place_heads.longest(h, self.tail(i)))
            else {
                continue;
            };
            // a phrase of `none` names no place itself, but the knowledge base's camp may follow
            // it (مخيم اللاجئين عين الحلوة); another word is what says which or where (مخيم
            // اللاجئين الفلسطينيين, الجديد, شمال المدينة)
            let named_after = |k: usize| self.kb_place_at(k).is_some();
            if head.none && !named_after(i + len) {
                continue;
            }
            // a place the knowledge base names with its head and more is that place, where it
            // ends (تل أبيب, not `تل أبيب الفلسطينيين`; معسكر alone is Mascara, معسكر الكمب a camp)
            if head.part && self.kb_place_at(i).is_some_and(|end| end > i + len) {
                continue;
            }
            let mut j = i + len;
            while let Some(item) = self.place_item(j, head) {
                let (first, end) = (if head.part { i } else { j }, item.0);
                let populated = |e: EntryId| {
                    matches!(
                        self.kb.entry(e).subtype.as_str(),
                        "city" | "town" | "village" | "capital" | "camp"
                    )
                };
                let referent = match (head.part, item.1) {
                    // (تل واسط: a village of its own, not the province of Wasit)
                    _ if head.compound => Referent::Headed {
                        template: head.en,
                        base: None,
                        name: self.key_of(j, end),
                        own: true,
                    },
                    // إقليم ناغورني قره باغ, محافظة X where X is the province itself
                    (true, Some(base)) if !populated(base) => Referent::Kb(base),
                    (true, base) => {
                        Referent::Headed { template: head.en, base, name: self.key_of(j, end), own: false }
                    }
                    (false, Some(e)) => Referent::Kb(e),
                    (false, None) => Referent::Unknown(self.key_of(j, end)),
                };
                let etype = match item.1 {
                    Some(e) if !head.part => self.kb.entry(e).etype,
                    _ => head.etype,
                };
                out.push(Cand { first, end, etype, referent, rule: "place-head", rank: 48, short: false });
                // a list: "وسوتك وجيرموك"
                if head.plural && self.w.get(end).is_some_and(|w| w.conj && !w.new_line) {
                    j = end;
                    continue;
                }
                break;
            }
        }
    }

    /// Where the name ends when the knowledge base names a place (or a country) starting at `i`.
    fn kb_place_at(&self, i: usize) -> Option<usize> {
        let m = self.kb_at.get(i)?.as_ref()?;
        m.candidates
            .iter()
            .any(|c| matches!(self.kb.entry(c.entry).kind, Kind::Place | Kind::Country))
            .then_some(m.end)
    }

    /// One place name at `j` after a head: a place the knowledge base knows, or a short run of
    /// name-like words. Its end, and the known place.
    fn place_item(&self, j: usize, head: &PlaceHead) -> Option<(usize, Option<EntryId>)> {
        self.w.get(j).filter(|w| w.word() && !w.new_line)?;
        if let Some(m) = self.kb_at[j].as_ref() {
            let e = m.candidates[0].entry;
            let entry = self.kb.entry(e);
            if matches!(entry.kind, Kind::Place | Kind::Country) {
                return Some((m.end, Some(e)));
            }
        }
        // a tribe's place (البو عيثة, بني قيس: its people's name, whose first word is an
        // ordinary word alone) is that word and the name after it
        let max = if head.part { 3 } else { 2 };
        // (not the verb بنى, "he built", whose ى the keys fold into ي)
        let tribal =
            !self.w[j].maksura && self.w[j].heads.first().is_some_and(|h| TRIBAL.contains(&h.as_str()));
        // (its name may be an ordinary word: بني مطر, بني معين; not a function word nor a word
        // with a preposition: مسجد بني بتمويل قطري was built)
        let named = |w: &W<'_>| w.word() && !w.new_line && !w.conj && !w.prep && !is_function_word(w);
        if tribal && self.w.get(j + 1).is_some_and(named) {
            let end = self.name_run(j + 1, max - 1, true);
            return (end > j + 1).then_some((end, None));
        }
        let mut end = self.name_run(j, max, false);
        // a first name after the place's first word that a name word follows starts a person
        // (بحسب حاكم منطقة سوروتش عبدالله جيفتشي); not in a name its head is part of (كنيسة
        // سانت مارتن الأسقفية)
        let name_word = |w: &W<'_>| w.word() && !w.new_line && !w.conj && !w.prep && !w.common;
        if !head.part && end > j + 1 && self.first_name_at(j + 1) && self.w.get(j + 2).is_some_and(name_word)
        {
            end = j + 1;
        }
        (end > j).then_some((end, None))
    }

    fn key_of(&self, first: usize, end: usize) -> String {
        self.w[first..end]
            .iter()
            .map(|w| w.heads.first().unwrap_or(&w.tail).as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// `حركة X`, `وكالة X للأنباء`, `منظمة شنغهاي`: a head and the words of the name after it,
    /// at least one of which is a name (known to the knowledge base, or not an ordinary word).
    /// A known organisation inside (`وكالة أنباء تاس`) is the referent.
    fn org_patterns(&self, out: &mut Vec<Cand>) {
        for i in 0..self.w.len() {
            if !self.w[i].word() || self.in_title[i] {
                continue;
            }
            // the knowledge base knows the name that starts with the head (حركة طالبان)
            if self.kb_at[i].is_some() {
                continue;
            }
            let w = &self.w[i];
            // the head with the article names an organisation only in a descriptive name (see
            // below): `المركز الإعلامي للمقاومة`
            let (len, pattern, definite_head) = match w
                .heads_in(w.starts.org_patterns)
                .find_map(|h| self.tables.org_patterns.longest(h, self.tail(i)))
            {
                Some((len, pattern)) => (len, pattern, false),
                None => {
                    // (most words start none: no lookup for them)
                    if !w.starts.definite_org_pattern {
                        continue;
                    }
                    let Some((len, pattern)) = w
                        .tail
                        .strip_prefix("ال")
                        .and_then(|bare| self.tables.org_patterns.longest(bare, self.tail(i)))
                    else {
                        continue;
                    };
                    (len, pattern, true)
                }
            };
            let j = i + len;
            let mut k = j;
            let mut named = false;
            let mut known_org = None;
            let mut after_place = false;
            let mut coordinated = false;
            // the name stopped before a body it belongs to (above)
            let mut affiliated = false;
            while k < self.w.len() && k - j < 4 {
                let w = &self.w[k];
                // a word with tanween is no part of a name (جبهة الشريجة تواصلا للمعارك)
                if !w.word() || w.new_line || is_function_word(w) || w.tanween {
                    break;
                }
                // a second ordinary noun of the construct goes on with it (مركز المعلومات
                // والتأهيل لحقوق الإنسان); a name after و is another entity
                if k > j && w.conj {
                    let definite = w.heads.first().is_some_and(|h| h.starts_with("ال"));
                    let opens_name = w.heads.iter().any(|h| {
                        let bare = h.strip_prefix("ال").unwrap_or(h);
                        self.tables.org_patterns.longest(bare, |_| None).is_some()
                            || self.tables.org_heads.longest(h, |_| None).is_some()
                    });
                    if coordinated
                        || !definite
                        || opens_name
                        || self.kb_at[k].is_some()
                        || self.nisba_at(k).is_some()
                    {
                        break;
                    }
                    coordinated = true;
                }
                // a first name after two words of the name, the last definite, starts the
                // person the body is said of (حزب العمال المعارض جيريمي كوربن), and so does
                // one right after the head and a definite word (مجلس المحافظة عيد عماش
                // الكربولي); after a title it is the body's namesake (مستشفى الملك فهد), and
                // so is one right after the head (مؤسسة محمد بن راشد). A first name spelled
                // like a common word is none (شركة عبد اللطيف جميل موتورز).
                let first_name = self.first_name_at(k) && !w.common;
                if (k > j + 1 || (k == j + 1 && self.title_at(j).is_none()))
                    && first_name
                    && !w.tail.starts_with("ال")
                    && self.w[k - 1].tail.starts_with("ال")
                {
                    break;
                }
                // after a place, the name goes on only with a definite adjective or a
                // complement (منظمة شنغهاي للتعاون), not with a verb (جبهة قره باغ تشتعل)
                if after_place && !(w.tail.starts_with("ال") || w.tail.starts_with("لل")) {
                    break;
                }
                if after_place {
                    named = true;
                }
                if let Some(m) = self.kb_at[k].as_ref() {
                    let e = m.candidates[0].entry;
                    match self.kb.entry(e).kind {
                        // a body the name is said to belong to or serve, after an indefinite
                        // word, is another body (جماعة مسلحة مؤيدة لحكومة الوفاق, قناة
                        // تلفزيونية تابعة للحوثيين): the name ends before it; after a definite
                        // word it is the name's complement (اللجنة الدولية للصليب الأحمر) or
                        // the body itself said with its part (هيئة حقوق الإنسان التابعة للأمم
                        // المتحدة)
                        // (not after a place: مكتب جنيف للأمم المتحدة is the body's own office)
                        Kind::Org
                            if k > j
                                && !after_place
                                && w.prep
                                && w.tail.starts_with('ل')
                                && !definite(&self.w[k - 1]) =>
                        {
                            affiliated = true;
                            break;
                        }
                        Kind::Org => {
                            known_org = Some(e);
                            k = m.end;
                            break;
                        }
                        Kind::Place | Kind::Country => {
                            after_place = true;
                            named |= pattern.place;
                            k = m.end;
                            continue;
                        }
                        Kind::Person => break,
                    }
                }
                named |= !w.common && self.nisba_at(k).is_none();
                k += 1;
            }
            // trailing ordinary words are not part of the name (للأنباء is, and so is the
            // definite noun after it: لحقوق الإنسان)
            let complement_of = |x: usize| {
                x > j
                    && self.w[x - 1].tail.starts_with('ل')
                    && !self.w[x].conj
                    && self.w[x].heads.first().is_some_and(|h| h.starts_with("ال"))
            };
            while k > j
                && known_org.is_none()
                && self.w[k - 1].common
                && !self.w[k - 1].tail.starts_with('ل')
                && !complement_of(k - 1)
            {
                k -= 1;
            }
            // a definite head, a definite adjective and a complement with ل: a descriptive
            // name of ordinary words (المركز الإعلامي للمقاومة, المكتب الإعلامي للحوثيين), and
            // not the body in its complement (المركز الإعلامي لحزب الله is not Hezbollah)
            if definite_head {
                let w = |x: usize| &self.w[x];
                let adjective_at = |x: usize| {
                    w(x).tail.starts_with("ال")
                        && !w(x).conj
                        && w(x).nisba.is_none()
                        && !RELATIONAL.contains(&w(x).tail.as_str())
                };
                // one definite adjective, or two where the second is one of rank or standing
                // (المفوضية الوطنية العليا للانتخابات, الهيئة العليا المستقلة للانتخابات), then
                // the complement: not a noun of the clause (الشرطة الغاز المسيل للدموع)
                let ranked = |x: usize| RANK_ADJECTIVES.contains(&w(x).tail.as_str());
                let adjectives =
                    if k >= j + 3 && adjective_at(j) && adjective_at(j + 1) && ranked(j + 1) { 2 } else { 1 };
                let complement = j + adjectives;
                // الجبهة الشرقية للغوطة is a front line, not a group
                let descriptive = k > complement
                    && w(i).tail != "الجبهه"
                    && adjective_at(j)
                    && w(complement).tail.starts_with("لل")
                    && !w(complement).conj;
                if !descriptive {
                    continue;
                }
                named = true;
                known_org = None;
                // the complement and at most its adjective (للطب الشرعي, للجيش اليمني), not
                // a name after it (اللجنة المنظمة للاحتجاجات خالد البطش), nor the object of
                // the verb before (أعلنت المفوضية العليا للانتخابات النتائج, الهيئة العامة
                // للاستثمار الضوء): an adjective with the ending of one (a nisba, ي, or ة:
                // للمنشآت الصغيرة, للقوات المسلحة)
                let adjective = complement + 1 < k
                    && w(complement + 1).tail.starts_with("ال")
                    && (w(complement + 1).nisba.is_some() || w(complement + 1).tail.ends_with(['ي', 'ه']))
                    && !w(complement + 1).conj
                    && !RELATIONAL.contains(&w(complement + 1).tail.as_str());
                k = complement + 1 + usize::from(adjective);
            }
            // a word with a possessive pronoun is no name: موقع غرقها is where it sank, not a
            // website (unless the knowledge base knows it: جامعة بنها)
            let possessive = k > j
                && known_org.is_none()
                && self.kb_at[j].is_none()
                && ["ها", "هم", "هما", "هن"].iter().any(|p| self.w[j].tail.ends_with(p));
            // what is left before the body it belongs to is a description, unless a definite
            // word names it (قناة فضائية مؤيدة لـ...; but قناة المسيرة تابعة لـ...)
            let description = affiliated && !self.w[j..k].iter().any(definite);
            if k > j && (named || known_org.is_some()) && !possessive && !description {
                out.push(Cand {
                    first: i,
                    end: k,
                    etype: EntityType::Org,
                    referent: known_org.map_or_else(|| Referent::Unknown(self.key_of(i, k)), Referent::Kb),
                    rule: "org-head",
                    rank: 46,
                    short: false,
                });
            }
        }
    }

    /// A military or security unit by its number or ordinal (`data/kb/unit-words.tsv`):
    /// `الكتيبة 155 مشاة`, `اللواء 35`, `السرية 42`, `الفرقة الرابعة`, `الفرقة الأمنية
    /// الأولى`. A head followed by a name is left to the other rules (`اللواء خليفة حفتر` is a
    /// rank, `لواء التوحيد` a named brigade); a number of four digits is a year.
    fn units(&self, out: &mut Vec<Cand>) {
        let units = &self.tables.units;
        let is = |set: &rustc_hash::FxHashSet<String>, k: usize| {
            self.w.get(k).is_some_and(|w| w.word() && !w.new_line && w.heads.iter().any(|h| set.contains(h)))
        };
        for i in 0..self.w.len() {
            let w = &self.w[i];
            if !w.starts.unit_head || !w.word() || self.in_title[i] {
                continue;
            }
            let next = self.w.get(i + 1).filter(|n| !n.new_line);
            let end = match next {
                Some(n) if n.kind == TokenKind::Number => {
                    // (ASCII digits: as many bytes as characters)
                    if n.span.end() - n.span.start() > 3 {
                        continue;
                    }
                    i + 2 + usize::from(is(&units.kinds, i + 2))
                }
                _ if is(&units.ordinals, i + 1) => i + 2,
                _ if is(&units.adjectives, i + 1) && is(&units.ordinals, i + 2) => i + 3,
                _ => continue,
            };
            out.push(Cand {
                first: i,
                end,
                etype: EntityType::Org,
                referent: Referent::Unknown(self.key_of(i, end)),
                rule: super::UNIT_RULE,
                rank: 46,
                short: false,
            });
        }
    }

    /// A title, the role's organisation or country, then a name: `وزير الدفاع الأرميني X`,
    /// `المتحدث باسم وزارة الدفاع الأرمينية X`, `العقيد X`.
    fn titled_people(&self, out: &mut Vec<Cand>) {
        let mut i = 0;
        while i < self.w.len() {
            let Some((len, kind)) = self.title_at(i) else {
                i += 1;
                continue;
            };
            if kind == TitleKind::Kin {
                i += 1;
                continue;
            }
            let mut k = i + len;
            // the role word heads the word after it, which is not the name
            let mut headed = false;
            // الرئيس الأذربيجاني, وزير الدفاع الأرميني: the nisba qualifies the title
            if self.nisba_at(k).is_some() {
                k += 1;
            }
            if kind == TitleKind::Role {
                // the role's body or country: باسم وزارة الدفاع الأرمينية, رئيس وزراء أرمينيا
                if self.w.get(k).is_some_and(|w| w.is(BI_ISM)) {
                    k += 1;
                }
                if let Some(end) = self.body_or_country_end(k) {
                    k = end;
                } else if len == 1 && k == i + 1 && !definite(&self.w[i]) {
                    // a role word without its article heads the word after it, which says
                    // what it heads (مدير المرصد, رئيس الحكومة): that word is no name; an
                    // indefinite one (رئيس دير مار اليان) starts a chain whose end is unknown
                    match self.w.get(k) {
                        Some(w) if w.word() && !w.new_line && !w.conj && definite(w) => {
                            headed = true;
                            k += 1;
                            // and its adjectives (محافظ البنك المركزي, مستشار الأمن القومي)
                            while self.w.get(k).is_some_and(|v| {
                                definite(v) && !is_function_word(v) && self.adjective_position(k)
                            }) {
                                k += 1;
                            }
                        }
                        _ => {
                            i = k.max(i + 1);
                            continue;
                        }
                    }
                }
                // adjectives of the body: قائد الشرطة المحلية شيش بول فايد
                let end = k;
                while k < end + 2 && self.definite_adjective_at(k) {
                    k += 1;
                }
            }
            // another title may follow (الرئيس الأمريكي الجنرال ...)
            if let Some((l2, _)) = self.title_at(k) {
                k += l2;
            }
            // a person the knowledge base knows is its own mention
            let known_person =
                self.kb_at.get(k).and_then(|m| m.as_ref()).is_some_and(|m| {
                    m.candidates.iter().any(|c| self.kb.entry(c.entry).kind == Kind::Person)
                });
            if known_person {
                i = k;
                continue;
            }
            // a name between commas after the title's body (وقال محافظ نينوى، علي الحمدي، إن):
            // a first name, and a comma after the name
            let comma = |k: usize| self.w.get(k).is_some_and(|v| matches!(v.tail.as_str(), "،" | ","));
            if comma(k) && self.first_name_at(k + 1) {
                let run = self.name_run(k + 1, 4, false);
                let family = run < k + 5 && self.ordinary_family_name(run) && self.nisba_shaped(run);
                let run = if family { run + 1 } else { run };
                if run >= k + 3 && comma(run) {
                    k += 1;
                }
            }
            let mut end = self.name_run(k, 4, false);
            // after a title, a first name takes a family name spelled like an ordinary word with
            // the article (مدير المستشفى هيثم الحسيني, الطبيب محمد البنا) where the tagger sees
            // one person there, or where it is shaped like a nisba, as family names so often are
            // (الوزير علي الحمدي: علي is also on, misspelt, and the tagger reads it so)
            if end > k
                && end < k + 4
                && self.w.get(end).is_some_and(definite)
                && self.ordinary_family_name(end)
                && (self.nisba_shaped(end)
                    || self
                        .tagged
                        .iter()
                        .any(|e| e.etype == EntityType::Person && e.start <= k && end < e.end))
            {
                end += 1;
            }
            // a name in apposition to the title is no definite noun after a conjunction or a
            // preposition (الرئيس التركي والحكومة, مدير الهيئة الوطنية للاستخبارات; a name may
            // start with a letter read as one: فاتن),
            // and has no preposition with a pronoun after it (الرئيس اليمني المعترف به)
            // after what a role word heads, the name has no clitic at all (رئيس النادي
            // وشاهدت)
            let apposed = self.w.get(k).is_some_and(|w| !((w.conj || w.prep) && (headed || definite(w))))
                && self.w.get(end).is_none_or(|w| w.new_line || !w.is(PRONOUN_PREP));
            // one ordinary word with the article after the title's nisba is another adjective
            // of the title (الرئيس التركي الإسلامي المحافظ), not a family name
            let adjective = end == k + 1
                && k > 0
                && self.nisba_at(k - 1).is_some()
                && definite(&self.w[k])
                && self.definite_ordinary(k);
            if end > k && apposed && !adjective {
                out.push(Cand {
                    first: k,
                    end,
                    etype: EntityType::Person,
                    referent: Referent::Unknown(self.key_of(k, end)),
                    rule: "title",
                    rank: 45,
                    short: false,
                });
                i = end;
            } else {
                i = k.max(i + 1);
            }
        }
    }

    /// A definite common word in the position of an adjective (المحلية, الأمنية), not a
    /// country's nisba (that names the body's country).
    fn definite_adjective_at(&self, k: usize) -> bool {
        self.w.get(k).is_some_and(|w| {
            w.common
                && !is_function_word(w)
                && w.nisba.is_none()
                && w.tail.starts_with("ال")
                && self.title_at(k).is_none()
                && self.adjective_position(k)
        })
    }

    /// A name between a verb of saying (or `وفقا ل`, `حسب`) and an apposition that says who
    /// the person is: `وفقاً لسور غول، قائد بالجيش الأفغاني`, `وقال عبد القادر شيخ كبير، وهو
    /// مسعف`, `كما صرح سيد ظفر هاشمي المتحدث باسم الرئيس`. The frame delimits the name, so
    /// its words may be common words (غول, كبير); it may not start with a word of the cue
    /// table, so that `قال مصدر أمني، وهو ضابط` names no one.
    fn appositive_people(&self, out: &mut Vec<Cand>) {
        for i in 1..self.w.len() {
            let (prev, w) = (&self.w[i - 1], &self.w[i]);
            if !w.word() || w.new_line || w.conj || !prev.word() {
                continue;
            }
            // a verb of saying before the name, or a source word before ل + the name
            let framed = match prev.cue {
                Some(Role::Source) => true,
                Some(Role::Speech) => !w.prep,
                _ => false,
            };
            if !framed || w.cue.is_some() {
                continue;
            }
            let mut end = i;
            while end < self.w.len() && end - i < 4 {
                let v = &self.w[end];
                let other_entity = self.kb_at[end].as_ref().is_some_and(|m| {
                    m.candidates.iter().any(|c| !c.ambiguous && self.kb.entry(c.entry).kind != Kind::Person)
                });
                if !v.word()
                    || (end > i && (v.conj || v.prep || v.new_line))
                    || v.tanween
                    || is_function_word(v)
                    || other_entity
                    || self.title_at(end).is_some()
                {
                    break;
                }
                end += 1;
            }
            if end < i + 2 || w.tail.starts_with("ال") {
                continue;
            }
            let comma = self.w.get(end).is_some_and(|v| matches!(v.tail.as_str(), "،" | ","));
            let apposition = if comma {
                self.title_at(end + 1).is_some() || self.w.get(end + 1).is_some_and(|v| v.is(WA_HUWA))
            } else {
                self.title_at(end).is_some_and(|(_, kind)| kind == TitleKind::Role)
            };
            if !apposition {
                continue;
            }
            // a word of the name is a first name, or not a common word, or the tagger sees a
            // person there; else (سور غول) only a comma and an apposition delimit it, and no
            // word has the article (قيصر الغناء، المطرب is not a name)
            let name_like = |k: usize| !self.w[k].common || self.first_name_at(k);
            let tagged =
                self.tagged.iter().any(|e| e.etype == EntityType::Person && e.start < end && i < e.end);
            let plain = (i..end).any(name_like) || tagged;
            let delimited = comma && apposition && (i..end).all(|k| !self.w[k].tail.starts_with("ال"));
            if !(plain || delimited) {
                continue;
            }
            // a common noun in ة or with a pronoun at its end starts the apposition the table
            // lacks (سهير محمد علي سكرتيرة الفنانة, مازن السديري والده); a family name with
            // the article stays (محمد خليفة المبارك)
            while plain && end > i + 2 && {
                let v = &self.w[end - 1];
                !name_like(end - 1) && !v.tail.starts_with("ال") && v.tail.ends_with('ه')
            } {
                end -= 1;
            }
            out.push(Cand {
                first: i,
                end,
                etype: EntityType::Person,
                referent: Referent::Unknown(self.key_of(i, end)),
                rule: "apposition",
                rank: 47,
                short: false,
            });
        }
    }

    /// Where a body (a name of the knowledge base, or a head of a national body with its
    /// country) or a country starting at `k` ends.
    fn body_or_country_end(&self, k: usize) -> Option<usize> {
        if let Some(m) = self.kb_at.get(k)?.as_ref() {
            return Some(m.end);
        }
        let w = self.w.get(k)?;
        let (len, _) =
            w.heads_in(w.starts.org_heads).find_map(|h| self.tables.org_heads.longest(h, self.tail(k)))?;
        let j = k + len;
        if self.nisba_at(j).is_some() {
            return Some(j + 1);
        }
        self.country_at(j).map(|(_, e)| e).or(Some(j))
    }

    /// People named without a title: a first name and at least one more name word
    /// (`علاء بريك`, `فلاديمير X`), or a kunya (`أبو بكر البغدادي`).
    fn named_people(&self, out: &mut Vec<Cand>) {
        let mut i = 0;
        while i < self.w.len() {
            let w = &self.w[i];
            let given = w.word()
                && !self.in_title[i]
                && w.heads_in(w.starts.given).any(|h| {
                    self.kb.given_name_at(h, self.tail(i)).is_some_and(|(len, _)| len > 1 || !w.common)
                });
            let kunya = w.word() && w.is(KUNYA);
            if !(given || kunya) {
                i += 1;
                continue;
            }
            let end = self.name_run(i, 4, kunya);
            // a compound first name that is also a place of the knowledge base is a person's
            // only with another name after it (صلاح الدين دمرداش, not في صلاح الدين أمس)
            let place_first = self.kb_place_at(i).map_or(0, |end| end - i);
            let least = if place_first > 1 { i + place_first + 1 } else { i + 2 };
            // (nor before a noun with its pronoun: وصلاح الدين هويتنا)
            let owned = |k: usize| {
                self.w
                    .get(k)
                    .is_some_and(|w| ["تنا", "تها", "تهم", "تكم"].iter().any(|p| w.tail.ends_with(p)))
            };
            if end >= least && !(place_first > 1 && owned(i + place_first)) {
                out.push(Cand {
                    first: i,
                    end,
                    etype: EntityType::Person,
                    referent: Referent::Unknown(self.key_of(i, end)),
                    rule: "given-name",
                    // a first name and another name word outweigh a place spelled like one of
                    // them (كولن كال: Colin, not Cologne)
                    rank: 46,
                    short: false,
                });
                i = end;
            } else {
                i += 1;
            }
        }
    }
}

/// Candidates below this rank (a head and unknown words, a first name and unknown words) only
/// take what stronger candidates left.
const WEAK: u8 = 45;

/// The rank of the statistical tagger's candidates: below every rule.
const TAGGER: u8 = 30;

/// Keeps the best of overlapping candidates: strong ones first (the longer, then the higher
/// rank, then the earlier), then weak ones where they fit.
pub(super) fn resolve(mut cands: Vec<Cand>) -> Vec<Cand> {
    cands.sort_by(|a, b| {
        (b.rank >= WEAK)
            .cmp(&(a.rank >= WEAK))
            .then((b.rank > TAGGER).cmp(&(a.rank > TAGGER)))
            .then((b.end - b.first).cmp(&(a.end - a.first)))
            .then(b.rank.cmp(&a.rank))
            .then(a.first.cmp(&b.first))
    });
    let mut taken: Vec<Cand> = Vec::with_capacity(cands.len());
    for c in cands {
        if taken.iter().all(|t| c.end <= t.first || t.end <= c.first) {
            taken.push(c);
        }
    }
    taken.sort_by_key(|c| c.first);
    taken
}

#[cfg(test)]
mod form_facts {
    use marsad_text::{Normalizer, Segmenter, analyse};

    use super::*;

    #[test]
    fn marks_are_the_words_the_rules_look_for() {
        let marks: Vec<u8> = ["النظام", "غير", "باسم", "وهو", "وهي", "ابو", "ام", "به", "عليها"]
            .iter()
            .map(|w| mark_of(w))
            .collect();
        assert_eq!(marks, [NIZAM, GHAYR, BI_ISM, WA_HUWA, WA_HUWA, KUNYA, KUNYA, PRONOUN_PREP, PRONOUN_PREP]);
        for other in ["نظام", "النظامي", "اب", "", "x"] {
            assert_eq!(mark_of(other), 0, "{other}");
        }
    }

    #[test]
    fn the_clitic_cut_leaves_the_word_as_written() {
        let norm = Normalizer::analysis().normalize("وبأرمينيا للأمم الجيش أرمينيا");
        let tokens: Vec<_> = analyse(&norm, norm.full_span(), Segmenter::builtin()).collect();
        let n = norm.text();
        let rest: Vec<&str> = tokens.iter().map(|t| &t.norm_str(n)[clitic_cut(t, n)..]).collect();
        // the conjunction and the preposition go; the preposition whose ل the article shares
        // stays, and so does the article
        assert_eq!(rest[0], rest[3]);
        assert_eq!(rest[1], tokens[1].norm_str(n));
        assert_eq!(rest[2], tokens[2].norm_str(n));
        assert_eq!(clitic_cut(&tokens[3], n), 0);
    }
}
