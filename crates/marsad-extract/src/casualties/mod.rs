//! Casualty claims: who was killed, wounded, missing, captured or displaced, how many, on whose
//! side, and who says so.
//!
//! The layer reads each sentence of the title and paragraphs. A claim starts from a number of
//! the number layer ([`NumberParser::find_in_tokens`] over the article's tokens: digits, words,
//! vague counts, duals) that is a
//! count of people hit, or from a casualty word followed by people and no number
//! (`مقتل عسكريين أذريين لم تحدد عددهم`, `خسائر في صفوف العسكريين`). All words live in
//! `data/casualties/` ([`lexicon`]); words are matched on their keyed, clitic-free forms.
//!
//! Rules, in the order they apply to a number:
//! - **not a count of people** (`rule` none): a number with a unit (`44 يوما`, `100 كيلومتر
//!   مربع`, a year, a date, an age, money), a decimal, zero, or a counted noun that is neither
//!   a person (`13 منزلا`, `ثماني سيارات`) nor a casualty word;
//! - **kind** (`noun`): the counted noun says it (`135 قتيلًا`, `20 مصابا`; `قتيلا وجريحا`
//!   is `casualties`); else (`after`) a trigger right after the noun (`4 جنود قتلوا`); else
//!   (`before`) the nearest trigger before the number in the same clause (`مقتل 49 جنديا`,
//!   `وإصابة 37 آخرين`, `ارتفع عدد القتلى إلى 30`); no trigger, no claim (troop sizes);
//! - **count and qualifier**: an exact figure keeps the number layer's qualifier; a vague
//!   count (`عشرات الجرحى`) has count null and qualifier `unspecified`;
//! - **population**: the noun's (military `جنود عسكريين مقاتلين عناصر قوات`, civilian
//!   `مدنيين أطفال نساء سكان`), or the noun after `من` (`قتيلا من الجيش`); `آخرين` takes the
//!   population and side of the figure before it;
//! - **side**: a nisba adjective after the noun (`عسكريين أذريين`, `مراهق روسي`), a name after
//!   `من` or `في صفوف` (`135 جنديًّا من أرمينيا`, `في صفوف القوات الأرمينية`), a possessive
//!   on the noun (`71 من قواتها`: the claimant's own side), `من الجانبين` (`both`); armed
//!   forces, ministries and capitals stand for their country; with none of these, the force
//!   whose positions the sentence says were hit (`استهدفوا أحد المواقع التي كان يتجمع فيها
//!   عناصر التمرد الحوثي ... ما أدى إلى سقوط تسعة قتلى`: site words in `markers.tsv`), for a
//!   figure that does not name its people as civilians or persons, who are then its fighters;
//!   what all or most of them were said to be after them (`أغلبهم إيرانيون`); fighters of
//!   "the militia" or of a side named as the enemy, the article's armed group; else the
//!   claimant's own forces or the one army named before soldiers, both sides in fighting, and
//!   the fallbacks: where it happened (for people not said to be soldiers), the claimant's
//!   country, where it happened, the article's country (`side_rule` tells which);
//! - **cases** are of civilians when they are abductions, disappearances or detentions (the
//!   vocabulary of human-rights documentation), unless the victims are named otherwise;
//! - **lists** (`list`): a figure after another one, linked by a comma, a subset word or a
//!   conjunction (`بينهم 680 طفلا، و371 امرأة`, `9 أفراد من الفرقة الأولى و 12 فردا`), takes
//!   its kind; a trigger governs only the first figure after it; one person named in such a
//!   list (`وامرأة حامل`) is a figure of one;
//! - **cases** (`cases`): a figure of cases of what befell people (`197 حالة اختطاف`, `167
//!   حالة إخفاء قسري`);
//! - **one** (`one`): a trigger and a singular person noun, or أحد (`مقتل جندي`, `بقتل أحد
//!   عسكرييها`);
//! - **claimant** and **reported_by**: from [`crate::attribution`] (verbs of saying before or
//!   after the figure, "according to", pronouns, statements, unnamed sources, carry-over in
//!   the paragraph); paragraphs with no source between two quoting the same statement or
//!   report go on with it (`between`); `claimant_rule` says which rule;
//! - **date**, by the day: the sentence's time nearest the figure (not `منذ 2010`, since when; not a year
//!   a superlative or a comparison spans, `أكثر المعارك ضراوة هذا العام`; not the day
//!   something was said, `وذكر المرصد، الثلاثاء، أن 21 عنصرا قتلوا ليل الاثنين`), else the
//!   paragraph's last before it, else the day of saying, else the day the title or lede
//!   names, else none; for a running total, the publication date when its time starts a
//!   period (`منذ 2015`) or when no sentence or paragraph dates it, and the record's
//!   `date_anchor` says which; **cumulative**: a running-total word
//!   before the number (`ليصل العدد الإجمالي ... إلى 963`, `ارتفع`, `منذ`);
//! - **one claim per (figure, kind, claimant)** in an article, for the same people (`5
//!   انتحاريين` and `5 من المهاجمين` are two claims, and so are the items of one list); a figure
//!   of the title repeated in the body is the body's claim;
//! - **sport**: in a sentence the event layer reads as sport ([`crate::events::Found`]), a
//!   player's injury and a goal snatched (`إصابة المهاجم البرازيلي`, `خطف هدف الفوز في الدقيقة
//!   90`) are no claims: the extractor drops wounded and captured figures there that count no
//!   people (`أصيب 20 شخصا بجروح إثر تحطم أحد المدرجات` stays).

pub mod lexicon;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::cell::RefCell;

use marsad_kb::{EntityType, EntryId, Kb};
use marsad_text::numbers::{NumberExpr, NumberParser, Qualifier, Quantity};
use marsad_text::{AnalysedToken, FormTable, Normalized, Span, TokenKind};

use self::lexicon::{Lexicon, Marker, entry_key};
pub use crate::attribution::Party;
use crate::attribution::{self, Attributor, Cues, Gender, Role, Word};

/// A token that may name a casualty (a trigger or a noun of a kind: [`Finder::look_up`]).
const CASUALTY_WORD: u8 = 1;
/// A token that may say who speaks (a cue other than a complementiser): the attribution of
/// later sentences may depend on it.
const SPEAKING_WORD: u8 = 2;
/// A verb "include" (تشمل): a sentence may say what the figures before it do not count.
const INCLUDE_WORD: u8 = 4;
use crate::entities::{Entity, UNIT_RULE};
use crate::events::DateFrom;
use crate::times::{Anchor, TimeExpr, Timex};

/// What happened to the people counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Killed,
    Wounded,
    Missing,
    Captured,
    Displaced,
    /// Killed and wounded together, not split.
    Casualties,
}

impl Kind {
    /// The name in records.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Killed => "killed",
            Kind::Wounded => "wounded",
            Kind::Missing => "missing",
            Kind::Captured => "captured",
            Kind::Displaced => "displaced",
            Kind::Casualties => "casualties",
        }
    }

    /// The kind named `s` in records and data files.
    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "killed" => Kind::Killed,
            "wounded" => Kind::Wounded,
            "missing" => Kind::Missing,
            "captured" => Kind::Captured,
            "displaced" => Kind::Displaced,
            "casualties" => Kind::Casualties,
            _ => return None,
        })
    }
}

/// Who the people counted are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Population {
    Military,
    Civilian,
    Unspecified,
}

impl Population {
    /// The name in records.
    pub fn as_str(self) -> &'static str {
        match self {
            Population::Military => "military",
            Population::Civilian => "civilian",
            Population::Unspecified => "unspecified",
        }
    }

    /// The population named `s` in records and data files.
    pub fn parse(s: &str) -> Option<Population> {
        Some(match s {
            "military" => Population::Military,
            "civilian" => Population::Civilian,
            "unspecified" => Population::Unspecified,
            _ => return None,
        })
    }
}

/// One casualty claim. Spans index the original text.
#[derive(Clone, Debug, PartialEq)]
pub struct Casualty {
    /// `None` when the text gives no figure, or only a vague one (`عشرات`).
    pub count: Option<u64>,
    /// `exact`, `about`, `at_least`, `more_than`, `at_most`, `unspecified`.
    pub qualifier: &'static str,
    pub kind: Kind,
    pub population: Population,
    pub side: Option<Party>,
    pub claimant: Option<Party>,
    /// How the side was found: `clause` (its own words: a nisba, a force, `في صفوف`; or the
    /// figure before it in the same sentence, whose side a list or آخرين carries),
    /// `said-after` (`أغلبهم إيرانيون`),
    /// `others` (others of the figure before), `sufferer` (the subject of تكبد), `site` (the
    /// force whose positions were hit), `article-group` (fighters named as the other side:
    /// the article's armed group), `speaker-own` (`قواتها`: the speaker's), `possessor`,
    /// `claimant-force` (soldiers of the claimant's force or country), `paragraph-army`
    /// (soldiers, after the one army their paragraph, else the article, names), `war` (both sides of
    /// fighting), then the fallbacks `place` (where it happened; first for people not said to
    /// be soldiers), `claimant-country`, `article-country`; `none`.
    pub side_rule: &'static str,
    /// How the claimant was found ([`crate::attribution::Cue::rule`], `carried` from the
    /// paragraph's statement, or `none`); `anonymous` for an unnamed source.
    pub claimant_rule: &'static str,
    /// Indexes of the news agencies that report the claim.
    pub reported_by: Vec<usize>,
    /// The TIMEX3 value of when the people were hit, by the day ([`Finder::claim_date`]), or
    /// of a running total's end ([`Finder::total_date`]).
    pub date: Option<String>,
    /// Where the date comes from: the claim's sentence, the paragraph before it (`context`),
    /// the title or lede (`opening`), the publication date (a running total's end).
    pub date_from: Option<DateFrom>,
    pub cumulative: bool,
    /// The clause: from the trigger (or number) to the counted noun.
    pub evidence: Span,
    /// The rule that gave the kind: `noun`, `after`, `before`, `list`, `one`, `no-count`.
    pub rule: &'static str,
    /// The counted noun, keyed (جنود, مدنيين), to tell figures of different people apart;
    /// `جنود اخرين` for more of them (خمسة جنود آخرين).
    pub noun: Option<String>,
}

/// The article as the layer reads it.
pub struct Article<'a> {
    pub norm: &'a Normalized<'a>,
    /// All content tokens, in text order.
    pub tokens: &'a [AnalysedToken],
    /// Sentence spans of the title and paragraphs, in text order.
    pub sentences: &'a [Span],
    /// Paragraph (and title) spans, in text order: a claimant carries over within one.
    pub blocks: &'a [Span],
    /// The title's span, when there is one.
    pub title: Option<Span>,
    pub entities: &'a [Entity],
    /// The entity index of each token, `None` outside mentions
    /// ([`crate::attribution::entity_of_tokens`] of `tokens` and `entities`).
    pub entity_of: &'a [Option<usize>],
    pub times: &'a [TimeExpr],
    /// The publication date, when known: the end of a period that runs since a time (`منذ
    /// 2015`).
    pub published: Option<jiff::civil::Date>,
    pub kb: &'a Kb,
}

/// A time's value by the day: a part or a time of a day is its day (`2022-09-13TMO` is
/// `2022-09-13`), anything else as it is.
fn day_of(value: &Timex) -> String {
    match value {
        Timex::DayPart(d, _) | Timex::DateTime { date: d, .. } => d.to_string(),
        // a range by its end (من 13 إلى 15 سبتمبر: the period's end)
        Timex::Range(_, end) => day_of(end),
        other => other.to_string(),
    }
}

/// Whether the words say since the start of something (`منذ بدء الحرب الأهلية في 2011`, `منذ
/// بداية العام`, `منذ اندلاع النزاع`): a period that runs until the day of writing; not since
/// an event of a day (`منذ هجوم 14 أكتوبر الذي قتل فيه 52 مدنيا`: the dead of that attack).
fn since_start<'w>(words: impl Iterator<Item = &'w str>) -> bool {
    let mut since = false;
    for w in words {
        if since && ["بدء", "بداية", "اندلاع", "انطلاق", "مطلع"].contains(&w.trim_start_matches("ال"))
        {
            return true;
        }
        since = matches!(w, "منذ" | "ومنذ");
    }
    false
}

/// Whether `words` (a sentence's, as written) tell of a window of the last hours or days,
/// which ends at the day of writing: `خلال الساعات الماضية`, `خلال الـ24 ساعة الماضية`, `في
/// الساعات الأخيرة`, `على مدى اليومين الماضيين`, `خلال الأيام الثلاثة الماضية`.
/// (`الأربع والعشرين ساعة` has its number in words.)
fn recent_window(text: &str) -> bool {
    let mark = |c: &char| matches!(c, '\u{064B}'..='\u{0652}' | 'ـ');
    // most sentences name no hours nor days (diacritics are rare: the text is copied only
    // when it has some)
    let plain: Cow<'_, str> = if text.chars().any(|c| mark(&c)) {
        Cow::Owned(text.chars().filter(|c| !mark(c)).collect())
    } else {
        Cow::Borrowed(text)
    };
    if !(plain.contains("ساع") || plain.contains("يوم") || plain.contains("يام")) {
        return false;
    }
    let fold = |w: &str| -> String {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .chars()
            .filter(|c| !mark(c))
            .map(|c| match c {
                'أ' | 'إ' | 'آ' => 'ا',
                'ة' => 'ه',
                _ => c,
            })
            .collect()
    };
    let lead = |w: &str| {
        let w = fold(w);
        matches!(w.strip_prefix('و').unwrap_or(&w), "خلال" | "في" | "طيله" | "طوال" | "مدي" | "مدى")
    };
    let unit =
        |w: &str| matches!(fold(w).as_str(), "الساعات" | "ساعه" | "ساعات" | "اليومين" | "يومين" | "الايام");
    let past =
        |w: &str| matches!(fold(w).as_str(), "الماضيه" | "الاخيره" | "الماضيين" | "الاخيرين" | "المنصرمه");
    let words: Vec<&str> = plain.split_whitespace().collect();
    // (not the last days of something, `في الأيام الأخيرة من الحصار`, `الساعات الأخيرة لحكمه`,
    // unless punctuation ends the window: `خلال الأيام القليلة الماضية، لقي فيها`)
    let of_something = |w: &str| {
        w == "من"
            || w.starts_with("لل")
            || (w.starts_with('ل') && (w.ends_with('ه') || w.ends_with("ها") || w.ends_with("هم")))
    };
    words.iter().enumerate().any(|(i, w)| {
        unit(w)
            && words[i + 1..].iter().take(3).position(|v| past(v)).is_some_and(|p| {
                words[i + 1 + p].ends_with(|c: char| !c.is_alphanumeric())
                    || words.get(i + 2 + p).is_none_or(|next| !of_something(&fold(next)))
            })
            && words[i.saturating_sub(4)..i].iter().any(|v| lead(v))
    })
}

/// Superlatives before منذ (`الأسوأ منذ`, `أعنف هجوم منذ`): "the worst since", no running
/// total; normalised, without the article.
const SUPERLATIVES: &[&str] = &["اسوا", "اعنف", "اكبر", "اشد", "اعلي", "اعلى", "ادمي", "ادمى", "اخطر", "اول"];

/// Verbs of happening, recording or causing that, after لم or لن, say the harm did not come
/// to pass (`لم تسجل أي إصابات`, `لم يسفر الهجوم عن سقوط قتلى`, `لم يصب أحد`), without
/// their conjunction.
const NO_HARM_VERBS: &[&str] = &[
    "تسجل", "يسجل", "تقع", "يقع", "تسفر", "يسفر", "ترد", "يرد", "تسقط", "يسقط", "يصب", "تصب", "يصاب", "تصاب",
    "يقتل", "تقتل", "تخلف", "يخلف", "توقع", "يوقع",
];

/// The smallest figure that, told again in an article, is taken for the same people.
const SAME_FIGURE_MIN: u64 = 10;

/// The casualty claims of an article, in text order.
pub fn find(article: &Article<'_>) -> Vec<Casualty> {
    Finder::new(article, Lexicon::builtin()).run()
}

struct Finder<'a> {
    a: &'a Article<'a>,
    lex: &'a Lexicon,
    /// Entity index of each content token, by token index.
    entity_of: &'a [Option<usize>],
    /// The country the article mentions most (itself or through its places).
    article_country: Option<Party>,
    /// The two countries the article mentions most.
    main_countries: Vec<Party>,
    /// The armed group the article mentions most: whose fighters `مسلحين` and `متمردين` are.
    article_group: Option<Party>,
    /// What the lexicon says of each content token's form, by token index ([`Looked`]; empty
    /// while the finder is being made): the rules ask it of the same words over and over.
    looked: Vec<Looked>,
}

/// What the lexicon says of a word form: its relevance ([`CASUALTY_WORD`], [`SPEAKING_WORD`]),
/// noun, trigger and marker ([`Finder::noun_of`], [`Finder::trigger_of`],
/// [`Finder::marker_of`]). Worked out once per form and thread, where looking the words up
/// again in every rule was a good part of the layer's time.
#[derive(Clone, Copy, Debug)]
struct Looked {
    relevance: u8,
    noun: Option<(lexicon::Noun, bool)>,
    trigger: Option<lexicon::Trigger>,
    marker: Option<Marker>,
}

impl<'a> Finder<'a> {
    fn new(a: &'a Article<'a>, lex: &'a Lexicon) -> Finder<'a> {
        let entity_of = a.entity_of;
        let mut f = Finder {
            a,
            lex,
            entity_of,
            article_country: None,
            main_countries: Vec::new(),
            article_group: None,
            looked: Vec::new(),
        };
        // a town or a province says where things happen more than a country's name, often
        // an actor's (السعودية in the war in Yemen; روسيا وتركيا وإيران talking about إدلب):
        // its mentions count twice
        let mut votes: Vec<(EntryId, usize)> = Vec::new();
        for i in 0..a.entities.len() {
            if let Some(c) = f.country_id(i) {
                let place = f.kb_entry(i).is_some_and(|e| f.a.kb.entry(e).kind == marsad_kb::Kind::Place);
                let n = a.entities[i].mentions.len() * if place { 2 } else { 1 };
                match votes.iter_mut().find(|(v, _)| *v == c) {
                    Some((_, total)) => *total += n,
                    None => votes.push((c, n)),
                }
            }
        }
        // the first mentioned wins a tie
        f.article_country = votes.iter().rev().max_by_key(|(_, n)| *n).map(|&(c, _)| f.country(c));
        let mut ranked = votes.clone();
        ranked.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        f.main_countries = ranked.iter().take(2).map(|&(c, _)| f.country(c)).collect();
        // a tie goes to a group named as itself over one named as another's patron ("حركة
        // الشباب الموالية لتنظيم القاعدة"), then to the first mentioned
        f.article_group = a
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.etype == EntityType::Org && e.subtype.as_deref() == Some("armed-group"))
            .rev()
            .max_by_key(|(_, e)| {
                (e.mentions.len(), !e.mentions.first().is_some_and(|m| f.after_preposition(m.span)))
            })
            .map(|(i, _)| Party::Entity(i));
        f.looked = f.look_up();
        f
    }

    /// Whether a mention carries a preposition or follows a word that does (`لتنظيم القاعدة`).
    fn after_preposition(&self, span: Span) -> bool {
        // the token holding the mention's start (a hashtag may hold it: #القاعدة)
        let k = self.a.tokens.partition_point(|t| t.token.span.end() <= span.start());
        let prep = |t: &AnalysedToken| t.has(marsad_text::Proclitic::Li) || t.has(marsad_text::Proclitic::Bi);
        // the word before, a hashtag sign skipped (لتنظيم #القاعدة)
        let before = self.a.tokens[..k.min(self.a.tokens.len())]
            .iter()
            .rev()
            .find(|t| t.token.kind != TokenKind::Punct);
        self.a.tokens.get(k).is_some_and(prep) || before.is_some_and(prep)
    }

    /// The country an entity is or lies in (a GPE or a place).
    fn country_id(&self, i: usize) -> Option<EntryId> {
        if !matches!(self.entity_type(i), EntityType::Gpe | EntityType::Loc) {
            return None;
        }
        let id = self.kb_entry(i)?;
        let entry = self.a.kb.entry(id);
        if entry.subtype == "country" { Some(id) } else { entry.country }
    }

    /// The one country the sentence's places are in; not a body's seat (`وقال المرصد،
    /// ومقره لندن، إن`) nor a meeting's place (`قمة طهران`).
    fn sentence_country(&self, words: &[Word]) -> Option<Party> {
        let mut found: Option<EntryId> = None;
        for (i, w) in words.iter().enumerate() {
            let Some(e) = w.entity else {
                // a word of place with a country's nisba is that country's part of it (على
                // الأراضي السورية, على الضفة التشادية من بحيرة تشاد)
                let territory =
                    i.checked_sub(1).is_some_and(|k| self.marker(&words[k]) == Some(Marker::Place));
                let country = territory
                    .then(|| self.a.kb.nisba(&w.stem))
                    .flatten()
                    .filter(|&c| self.a.kb.entry(c).subtype == "country");
                if let Some(c) = country {
                    if found.is_some_and(|f| f != c) {
                        return None;
                    }
                    found = Some(c);
                }
                continue;
            };
            if words[i.saturating_sub(2)..i].iter().any(|v| self.marker(v) == Some(Marker::Seat)) {
                continue;
            }
            // "بعد يوم من قمة طهران": a meeting's place, not where it happened
            let start = (0..=i).rev().take_while(|&k| words[k].entity == Some(e)).last().unwrap_or(i);
            if start.checked_sub(1).is_some_and(|k| self.marker(&words[k]) == Some(Marker::Named)) {
                continue;
            }
            // a country's name is where it happened after a word of place (في اليمن, شمال
            // سوريا), else it is an actor (التحالف بقيادة السعودية); a town is a place
            let first = i == 0 || words[i - 1].entity != Some(e);
            let country_name =
                self.kb_entry(e).is_some_and(|k| self.a.kb.entry(k).kind == marsad_kb::Kind::Country);
            if country_name
                && first
                && !i.checked_sub(1).is_some_and(|k| self.marker(&words[k]) == Some(Marker::Place))
            {
                continue;
            }
            if let Some(c) = self.country_id(e) {
                if found.is_some_and(|f| f != c) {
                    return None;
                }
                found = Some(c);
            }
        }
        found.map(|c| self.country(c))
    }

    /// The country a claimant speaks for: a country, a national body, a capital, a person
    /// of a country; `None` for an international body or an unknown name.
    fn national(&self, p: &Party) -> Option<Party> {
        let &Party::Entity(i) = p else { return None };
        if let Some(c) = self.body_country(i) {
            return Some(self.country(c));
        }
        let id = self.kb_entry(i)?;
        let entry = self.a.kb.entry(id);
        if entry.subtype == "country" {
            return Some(Party::Entity(i));
        }
        let national =
            entry.etype == EntityType::Person || entry.etype == EntityType::Gpe || state_body(&entry.subtype);
        if national { entry.country.map(|c| self.country(c)) } else { None }
    }

    fn run(&self) -> Vec<Casualty> {
        // claims are read in sentences with a word of casualties only: an article without one
        // has none, and the sentences after its last one (or after the last that may say what
        // the figures do not count) are read only for the statement that follows its last
        // claims ([`between_statements`])
        if !self.looked.iter().any(|l| l.relevance & CASUALTY_WORD != 0) {
            return Vec::new();
        }
        let Some(last_casualty) =
            self.looked.iter().rposition(|l| l.relevance & (CASUALTY_WORD | INCLUDE_WORD) != 0)
        else {
            return Vec::new();
        };
        // how many sentences spoke up to the last word of casualties, once past it
        let mut spoken_by_then: Option<usize> = None;
        let mut out: Vec<Casualty> = Vec::new();
        let barrier = |w: &Word| self.trigger(w).is_some() || self.kind_noun(w).is_some();
        let mut attributor = Attributor::new(self.a.entities, self.a.kb).with_barrier(&barrier);
        // the people of the last figure, and its paragraph: "وأصيب خمسة آخرون" in the next
        // sentence means more of them
        let mut last: Option<(usize, Population, Option<Party>, bool)> = None;
        // the body each person was named with (person entity -> body entity), first naming first
        let mut affiliations: Vec<(usize, usize)> = Vec::new();
        // the sentences that say who speaks, in text order, with their first and last cue; and
        // the claims no one speaks for, with their paragraph and how many of those sentences
        // come before them
        let mut spoken: Vec<Spoken> = Vec::new();
        let mut unclaimed: Vec<(usize, usize, usize)> = Vec::new();
        // the times that tell when something was said, by index ([`Attribution::frames_saying`])
        let mut said = vec![false; self.a.times.len()];
        for &sentence in self.a.sentences {
            // a sentence with no word of casualties and no one speaking in it changes nothing
            let range = attribution::sentence_range(self.a.tokens, sentence);
            if range.start > last_casualty {
                let by_then = *spoken_by_then.get_or_insert(spoken.len());
                if spoken.len() > by_then {
                    break;
                }
            }
            let relevant =
                self.looked.get(range.clone()).unwrap_or_default().iter().fold(0, |a, l| a | l.relevance);
            if relevant == 0 {
                continue;
            }
            let block = self.a.blocks.iter().position(|s| s.contains(sentence)).unwrap_or(usize::MAX);
            let words =
                attribution::words(self.a.norm, self.a.tokens, self.a.entities, self.entity_of, range);
            if words.is_empty() {
                continue;
            }
            let attribution = attributor.sentence(&words, block);
            // (the times are in text order: those of the sentence, not all the article's)
            let first = self.a.times.partition_point(|t| t.span.start() < sentence.start());
            for (k, t) in self.a.times.iter().enumerate().skip(first) {
                if t.span.start() >= sentence.end() {
                    break;
                }
                if sentence.contains(t.span) {
                    // (the word the time starts in, after a proclitic too: بالأمس)
                    let at = words.partition_point(|w| w.span.end() <= t.span.start());
                    said[k] = attribution.frames_saying(&words, at);
                }
            }
            if let (Some(first), Some(last)) = (attribution.cues.first(), attribution.cues.last()) {
                let document = |c: &attribution::Cue| {
                    c.rule.starts_with("statement") && {
                        // the statement's noun: the cue itself, or the subject of its verb
                        let at = if c.role == attribution::Role::Statement { c.at } else { c.at + 1 };
                        words.get(at).is_some_and(|w| Cues::builtin().is_document(w))
                    }
                };
                spoken.push(Spoken {
                    block,
                    first: (first.claimant.clone(), document(first)),
                    last: (last.claimant.clone(), document(last)),
                });
            }
            for &(p, b) in &attribution.affiliations {
                if !affiliations.iter().any(|&(q, _)| q == p) {
                    affiliations.push((p, b));
                }
            }
            // "ولا تشمل هذه الأرقام أفراد الشرطة والجيش": the figures just told are of civilians
            if relevant & INCLUDE_WORD != 0 && self.excludes_forces(&words) {
                for o in out.iter_mut().rev().take(4) {
                    if o.population == Population::Unspecified
                        && o.count.is_some()
                        && self.just_told(o, block)
                    {
                        o.population = Population::Civilian;
                    }
                }
            }
            if relevant & CASUALTY_WORD == 0 {
                continue;
            }
            let time = self.a.times.iter().zip(&said).find(|(t, said)| sentence.contains(t.span) && !**said);
            let date_of_total = match time {
                Some((t, _)) => self.total_date(t),
                None => self.untimed_total_date(sentence, &said),
            };
            let mut found = self.numbered(sentence, &words, &out);
            // a figure right after the people ("قتلت القوات 4 مسلحين") is the number's claim
            let uncounted: Vec<Found> = self
                .uncounted(&words)
                .into_iter()
                .filter(|u| u.count.is_some() || !found.iter().any(|n| n.at > u.at && n.at <= u.end_word + 3))
                // "عشرات القتلى في صفوف": the vague figure's claim
                .filter(|u| {
                    u.count.is_some()
                        || !found.iter().any(|n| {
                            n.evidence.start() <= u.evidence.start() && u.evidence.start() < n.evidence.end()
                        })
                })
                .collect();
            found.extend(uncounted);
            found.extend(self.one_among_the(&words));
            found.sort_by_key(|c| c.at);
            let singles = self.single_items(&words, &found);
            found.extend(singles);
            found.sort_by_key(|c| c.evidence.start());
            // (clashes with protesters are no war: a figure of them is the place's people; a
            // war the sentence names still is: تحولت المظاهرات إلى حرب خلفت 350 ألف قتيل)
            // (clashes with protesters, the protesters named within four words after them)
            let with_protesters = |k: usize| {
                matches!(
                    words[k].stem.strip_prefix("ال").unwrap_or(&words[k].stem),
                    "اشتباكات" | "مواجهات" | "معارك" | "قتال"
                ) && words[k + 1..].iter().take(4).any(|w| self.marker(w) == Some(Marker::Protest))
            };
            let war =
                (0..words.len()).any(|k| self.marker(&words[k]) == Some(Marker::War) && !with_protesters(k));
            let atrocity = words.iter().any(|w| self.is_marked(w, Marker::Atrocity));
            let protest = words.iter().any(|w| self.marker(w) == Some(Marker::Protest));
            let place = self.sentence_country(&words);
            // a running total told in this sentence: the others, the list items and the figures
            // of no number joined to it after it are of the same period ("وقتل 116 فلسطينيا منذ
            // 30 آذار/مارس الماضي، وأصيب الآلاف"; "وصل عدد المصابين إلى 16 ألف مدني، بينهم
            // 1655 طفلا")
            let mut total_before = false;
            for mut c in found {
                if Self::rate(&words, &c) {
                    continue;
                }
                if c.kind == Kind::Missing && Self::lost_lives(&words, &c) {
                    c.kind = Kind::Killed;
                }
                if c.kind == Kind::Missing && self.lost_something(&words, &c) {
                    continue;
                }
                // struck with an illness: "إصابة المراهقين بالاكتئاب", "إصابة 10 أشخاص بالكوليرا",
                // "أصيبت الطفلة بحالة إغماء"
                let struck = |k: usize, w: &Word| {
                    let ill = |w: &Word| self.marker(w) == Some(Marker::Illness);
                    (w.bare.starts_with('ب') && ill(w))
                        || (matches!(w.bare.as_ref(), "بارتفاع" | "بانخفاض")
                            && words.get(c.end_word + 2 + k).is_some_and(|v| v.bare == "ضغط"))
                        || (matches!(w.bare.as_ref(), "بحاله" | "بحالات" | "بارتفاع" | "بانخفاض")
                            && words.get(c.end_word + 2 + k).is_some_and(ill))
                };
                if c.kind == Kind::Wounded
                    && words[c.end_word + 1..]
                        .iter()
                        .take(2)
                        .take_while(|w| !w.is_stop())
                        .enumerate()
                        .any(|(k, w)| struck(k, w))
                {
                    continue;
                }
                // what did not happen: "دون سقوط قتلى في صفوف المدنيين", "تشير إلى عدم مقتل
                // مدنيين", "قرارها بعدم اعتقال أربعة رجال"
                let first = words.partition_point(|w| w.span.start() < c.evidence.start());
                // (and what was only attempted, or is to be avoided: "إدانته بمحاولة قتل ستة
                // آخرين", "لتجنب أي إصابات للمدنيين")
                // (and what is to be prevented: منع سقوط الطفل; not what was not prevented, فشلت
                // القوات في منع مقتل 20 شخصا)
                let failed = |k: usize| {
                    words[k.saturating_sub(5)..k]
                        .iter()
                        .any(|w| matches!(w.stem.as_ref(), "فشل" | "فشلت" | "تفشل" | "يفشل" | "عجز" | "عجزت"))
                };
                let negator = |k: usize| {
                    (words[k].stem == "منع" && !failed(k))
                        || matches!(words[k].bare.as_ref(), "دون" | "بدون" | "عدم" | "بعدم" | "دونما" | "لا")
                        || matches!(
                            words[k].stem.as_ref(),
                            "محاوله"
                                | "محاولات"
                                | "محاولتين"
                                | "تجنب"
                                | "تجنبا"
                                | "تفادي"
                                | "تفاديا"
                                | "تحسبا"
                                | "خشيه"
                                | "خوفا"
                                | "شروع"
                        )
                };
                // past a word of falling, happening or being before the dead (دون سقوط قتلى, دون
                // وقوع, ولا يوجد ضحايا), or أي (لتجنب أي إصابات)
                let falling = |k: usize| {
                    self.trigger(&words[k]).is_some()
                        || words[k].stem == "وقوع"
                        || matches!(words[k].bare.as_ref(), "اي" | "يوجد" | "توجد")
                };
                // what someone denies (نفى وزير الدفاع الإسرائيلي، افيغدور ليبرمان، الأحد، مقتل
                // مدنيين): the verb of denial governs the clause, across the appositions
                let denied = words[..first]
                    .iter()
                    .rev()
                    .take(10)
                    .take_while(|w| {
                        // (a denial of responsibility for the dead of an attack, or of causing a
                        // death, is no denial of them: نفت الجماعة مسؤوليتها عن الهجوم الذي أسفر
                        // عن مقتل 12, نفى مستشفى التسبب في وفاة سائح)
                        // (nor past a verb of saying or a complementiser: نفى المتحدث صحة
                        // التقارير، مؤكدا أن 3 جنود فقط أصيبوا)
                        !w.is_hard_stop()
                            && self.trigger(w).is_none()
                            && Cues::builtin().get(w).is_none()
                            && !matches!(
                                w.bare.as_ref(),
                                "مؤكدا" | "موكدا" | "مضيفا" | "مشيرا" | "موضحا" | "لكن" | "بل"
                            )
                            && !w.stem.starts_with("مسووليه")
                            && !w.stem.starts_with("مسووليت")
                            && !matches!(w.stem.as_ref(), "تسبب" | "التسبب" | "تورط" | "التورط")
                            && !matches!(w.bare.as_ref(), "الذي" | "التي" | "الذين" | "اللذين")
                    })
                    .any(|w| matches!(w.stem.as_ref(), "نفي" | "نفت" | "ينفي" | "تنفي" | "نفوا" | "ينفون"));
                // (or a verb of happening, recording or causing, negated: "لم تسجل أي إصابات
                // في صفوف قوات الأمن", "ولم يسفر الهجوم عن سقوط قتلى")
                let negated = words[first.saturating_sub(5)..first].iter().enumerate().any(|(k, w)| {
                    let at = first.saturating_sub(5) + k;
                    matches!(w.bare.as_ref(), "لم" | "لن")
                        && words.get(at + 1).is_some_and(|v| NO_HARM_VERBS.contains(&v.bare.as_ref()))
                        // (not past a new clause: لم تسجل إصابات بين الجنود وقتل 3 مسلحين)
                        && !words[at + 1..first].iter().any(|v| v.is_stop())
                        && !words.get(at + 2..=first).is_some_and(|clause| {
                            clause.iter().any(|v| {
                                (v.wa && self.trigger(v).is_some()) || matches!(v.bare.as_ref(), "بينما" | "فيما")
                            })
                        })
                        // (not "not only" nor "but": لم تسفر فقط عن إصابة المدنيين، بل; لم يسفر
                        // الهجوم إلا عن إصابة 3 أشخاص)
                        && !words[at + 1..].iter().take(8).any(|v| matches!(v.bare.as_ref(), "فقط" | "فحسب" | "الا" | "سوي" | "سوى"))
                });
                if (first >= 1 && negator(first - 1))
                    || (first >= 2 && falling(first - 1) && negator(first - 2))
                    || negated
                    // (the attempt at it: الشروع في قتل)
                    || (first >= 2 && words[first - 1].bare == "في" && negator(first - 2))
                    || foreseen(&words, first)
                    || denied
                {
                    continue;
                }
                // people charged with a crime that kills, its name after them: "وجهت لثلاثة
                // رجال تهمة القتل غير العمد" (not "اعتقل بتهمة قتل 3 جنود": a figure of
                // people killed, alleged)
                let charged = c.rule == "after"
                    && words.get(c.end_word + 1..).is_some_and(|after| {
                        after.windows(2).take(3).take_while(|p| !p[0].is_stop()).any(|p| {
                            matches!(p[0].stem.as_ref(), "تهمه" | "تهم" | "التهمه" | "التهم")
                                && self.trigger(&p[1]).is_some()
                        })
                    });
                if charged {
                    continue;
                }
                // dead of an illness or of old age, told after them in the sentence: no
                // casualty of violence ("توفي 23 شخصا نتيجة الإصابة بالفيروس", "بعد معاناة مع
                // مرض سرطان البروستاتا", "عن عمر ناهز 55 عاما")
                if c.kind == Kind::Killed && self.died_naturally(&words, c.end_word) {
                    continue;
                }
                // how the side was found (told in the record: `side_rule`)
                let mut side_rule = if c.side.is_some() { "clause" } else { "none" };
                if c.others
                    && let Some((b, population, side, hostile)) = &last
                    && *b == block
                {
                    if c.population == Population::Unspecified {
                        c.population = *population;
                    }
                    if c.side.is_none() && side.is_some() {
                        c.side = side.clone();
                        side_rule = "others";
                    }
                    c.hostile |= *hostile;
                }
                // what they were, said after them, for a figure with no number of its own too
                if c.population == Population::Unspecified
                    && let Some(p) = self.said_to_be(&words, c.end_word)
                {
                    c.population = p;
                }
                // whose they were, said after them ("أغلبهم إيرانيون")
                if c.side.is_none()
                    && let Some(p) = self.said_to_be_of(&words, c.end_word)
                {
                    c.side = Some(p);
                    side_rule = "said-after";
                }
                // the displaced are civilians (تشريد 2,6 مليون، فرار الملايين من قراهم);
                // fighters who flee a front retreat, they are not displaced (فرار عناصرها من
                // الجبهات)
                if c.kind == Kind::Displaced && c.population == Population::Military {
                    continue;
                }
                if c.kind == Kind::Displaced && c.population == Population::Unspecified {
                    c.population = Population::Civilian;
                }
                // the losses someone suffered are theirs: "تكبدت ميليشيات الحوثي عشرات القتلى"
                if !c.own_side
                    && let Some((side, force)) = self.sufferer(
                        &words,
                        words.partition_point(|w| w.span.start() < c.evidence.start()),
                        false,
                    )
                {
                    c.side = Some(side);
                    side_rule = "sufferer";
                    c.hostile = false;
                    if force && c.population == Population::Unspecified {
                        c.population = Population::Military;
                    }
                }
                // the force whose positions were hit; a figure with no people named is of its
                // fighters (and so are the others after it: "وإصابة 24 آخرين")
                if c.side.is_none()
                    && !c.hostile
                    && !c.own_side
                    && !self.names_people(&words, c.evidence)
                    && let Some(side) = self.site_side(
                        &words,
                        words.partition_point(|w| w.span.start() < c.evidence.start()),
                        c.noun.is_none() && c.population == Population::Unspecified,
                    )
                {
                    c.side = Some(side);
                    side_rule = "site";
                    if c.noun.is_none() && c.population == Population::Unspecified {
                        c.population = Population::Military;
                    }
                }
                // the victims of a massacre or of a chemical weapon are civilians ("مجزرة مدرسة
                // كولومباين التي أودت بحياة 13 شخصا", "سبعين شخصا اختنقوا حتى الموت"), unless
                // they are a force's losses, which the rules above have made military
                if c.population == Population::Unspecified
                    && !c.hostile
                    && matches!(c.kind, Kind::Killed | Kind::Wounded | Kind::Casualties)
                    && atrocity
                {
                    c.population = Population::Civilian;
                }
                // and so are the people hit in protests, of no force named (`وقتل 15 شخصا خلال
                // مظاهرات خرجت الجمعة`, `أسفرت الاحتجاجات السلمية عن مقتل 5 أشخاص`); not in a
                // war the protests became
                if c.population == Population::Unspecified
                    && !c.hostile
                    && !war
                    && side_rule != "war"
                    && matches!(c.kind, Kind::Killed | Kind::Wounded | Kind::Casualties | Kind::Captured)
                    && protest
                    // (nor a force's people named after the figure: `إصابة 40 فردا من قوات الأمن
                    // في مواجهات مع بعض المحتجين`)
                    && !words[c.end_word + 1..].iter().take(4).any(|w| {
                        self.noun(w).is_some_and(|(n, _)| n.population == Some(Population::Military))
                    })
                {
                    c.population = Population::Civilian;
                }
                last = Some((block, c.population, c.side.clone(), c.hostile));
                // children or women among the wounded (or the dead) told just before: they were
                // civilians ("هناك 20 قتيلا و 40 جريحا في الغارة" then "هناك 30 طفلا بين الجرحى")
                if let Some(kind) = self.among_the(&words, &c) {
                    let near =
                        out.iter_mut().rev().take(4).find(|o| {
                            o.kind == kind && o.count.is_none_or(|n| c.count.is_some_and(|k| k < n))
                        });
                    if let Some(o) = near
                        && o.population == Population::Unspecified
                        && self.just_told(o, block)
                    {
                        o.population = Population::Civilian;
                    }
                }
                // the speaker's gender, where their verb tells it (قالت, أعلن)
                let cue = attribution.cue_at(c.at);
                let speaker = cue
                    .and_then(|cue| words.get(cue.at))
                    .and_then(|w| Cues::builtin().get(w))
                    .and_then(|w| w.gender);
                let (claimant, claimant_rule) = match cue {
                    Some(cue) => (cue.claimant.clone(), cue.rule),
                    None if attribution.carried.is_some() => (attribution.carried.clone(), "carried"),
                    None => {
                        unclaimed.push((out.len(), block, spoken.len()));
                        (None, "none")
                    }
                };
                // fighters named as the other side (مسلحين، متمردين، إرهابيين) are the armed
                // group's, not the claimant's nor the place's: the article's group, else unknown
                // fighters of "the militia" or "the organisation" that no name before tells
                // (مقتل خمسة عناصر من الميليشيات): the article's armed group's
                // (the group word right after من or a word of members: عناصر من الميليشيات,
                // مقاتلي التنظيم; not its fire or its hands: برصاص الميليشيات, على يد الجماعة;
                // and never civilians)
                if c.side.is_none()
                    && !c.hostile
                    && c.population != Population::Civilian
                    && words.get(c.end_word..).is_some_and(|from| {
                        from.windows(2).take(3).take_while(|p| !p[1].is_stop()).any(|p| {
                            self.marker(&p[1]) == Some(Marker::Back("armed-group"))
                                && (p[0].bare == "من"
                                    || matches!(
                                        p[0].stem.as_ref(),
                                        "عناصر" | "مقاتلي" | "مسلحي" | "افراد" | "صفوف" | "اعضاء"
                                    ))
                        })
                    })
                {
                    c.hostile = true;
                }
                let hostile = c.side.is_none() && c.hostile;
                if hostile {
                    c.side = self.article_group.clone();
                    side_rule = if c.side.is_some() { "article-group" } else { "none" };
                }
                let serves = claimant.as_ref().and_then(|p| self.serves(p, &affiliations));
                if c.side.is_none() && c.own_side && !hostile {
                    // the speaker's, or the body's they speak for, when the pronoun can stand
                    // for them
                    let noun = &words[c.end_word.min(words.len() - 1)];
                    c.side = match claimant.as_ref().map(|p| (p, self.served(p, &affiliations))) {
                        Some((_, Some(body))) => {
                            self.pronoun_fits(&words, noun, body, None).then(|| self.side_of(body))
                        }
                        Some((p, None)) => {
                            let fits = match p {
                                Party::Entity(e) => self.pronoun_fits(&words, noun, *e, speaker),
                                _ => true,
                            };
                            fits.then(|| self.country_of_party(p))
                        }
                        None => None,
                    };
                    if c.side.is_some() {
                        side_rule = "speaker-own";
                    }
                    // whoever the sentence says suffered the losses ("وخسرت ميليشيات الحوثي
                    // المئات عناصرها"), when the speaker cannot be whose they are
                    if c.side.is_none()
                        && let Some((side, _)) = self.sufferer(
                            &words,
                            words.partition_point(|w| w.span.start() < c.evidence.start()),
                            true,
                        )
                    {
                        c.side = Some(side);
                        side_rule = "sufferer";
                    }
                    // no one speaks: the body or country named last before them owns them
                    // ("أقدمت ميليشيا الحوثي على قتل أحد عناصرها", "باكستان التي تشير إلى أن
                    // الآلاف من مواطنيها قد قتلوا")
                    if c.side.is_none() {
                        c.side = self.possessor(
                            &words,
                            words.partition_point(|w| w.span.start() < c.evidence.start()),
                            c.end_word,
                        );
                        if c.side.is_some() {
                            side_rule = "possessor";
                        }
                    }
                }
                // whose people, when the clause does not say: the claimant's own soldiers, or the
                // one army named before them; both sides in fighting; where it happened (people
                // not said to be soldiers); the claimant's country; where it happened; the
                // article's country
                // (a speaker unknown to the knowledge base speaks for the country of the state
                // body they serve: "المتحدث باسم الشرطة التشادية بول مانغا")
                let own_country = claimant.as_ref().and_then(|p| {
                    self.national(p).or_else(|| {
                        self.served(p, &affiliations).and_then(|body| self.national(&Party::Entity(body)))
                    })
                });
                if c.side.is_none() && c.population == Population::Military && !hostile {
                    c.side = serves.or_else(|| own_country.clone());
                    if c.side.is_some() {
                        side_rule = "claimant-force";
                    }
                }
                // soldiers no one names the side of, after the one army the paragraph (else the
                // article) has named
                // ("قال الجيش الإسرائيلي إن عبوة ناسفة انفجرت قرب دورية" then "لكن مراسل
                // العربية قال إن ثلاثة جنود أصيبوا"): that army's
                if c.side.is_none()
                    && c.population == Population::Military
                    && !hostile
                    && let Some(e) = self.paragraph_army(block, c.evidence.start())
                {
                    c.side = Some(self.side_of(e));
                    side_rule = "paragraph-army";
                }
                // (not people hit by one side's fire: أصيب 900 برصاص الاحتلال خلال المواجهات
                // are the other side's, where they were)
                if c.side.is_none()
                    && c.population == Population::Unspecified
                    && war
                    && !self.hit_by_agent(&words, c.end_word)
                {
                    c.side = Some(Party::Both);
                    side_rule = "war";
                }
                // a foreign government's figure (the US on Syria) is not of its own people
                let own_country = own_country.filter(|p| self.main_countries.contains(p));
                if !hostile && c.side.is_none() {
                    (c.side, side_rule) = match (place.clone(), own_country) {
                        (Some(p), _) if c.population != Population::Military => (Some(p), "place"),
                        (_, Some(p)) => (Some(p), "claimant-country"),
                        (Some(p), None) => (Some(p), "place"),
                        (None, None) => match self.article_country.clone() {
                            Some(p) => (Some(p), "article-country"),
                            None => (None, "none"),
                        },
                    };
                }
                if total_before && !c.cumulative && (c.others || c.rule == "list" || c.count.is_none()) {
                    c.cumulative = true;
                }
                total_before |= c.cumulative;
                let (date, date_from) = if c.cumulative {
                    date_of_total.clone()
                } else {
                    self.claim_date(sentence, c.evidence, &said)
                };
                out.push(Casualty {
                    count: c.count,
                    qualifier: c.qualifier,
                    kind: c.kind,
                    population: c.population,
                    side: c.side,
                    side_rule,
                    claimant,
                    claimant_rule,
                    reported_by: attribution.reported_by.clone(),
                    date,
                    date_from,
                    cumulative: c.cumulative,
                    evidence: c.evidence,
                    rule: c.rule,
                    noun: c.noun,
                });
            }
        }
        between_statements(&mut out, &unclaimed, &spoken);
        self.dedup(out)
    }

    /// One claim per (figure, kind, claimant); a title figure repeated in the body is dropped.
    fn dedup(&self, claims: Vec<Casualty>) -> Vec<Casualty> {
        let in_title = |c: &Casualty| self.a.title.is_some_and(|t| t.contains(c.evidence));
        let mut out: Vec<Casualty> = Vec::with_capacity(claims.len());
        for (i, c) in claims.iter().enumerate() {
            let same = |o: &Casualty| o.count == c.count && o.kind == c.kind;
            if c.count.is_some() && in_title(c) && claims[i + 1..].iter().any(|o| same(o) && !in_title(o)) {
                continue;
            }
            // the same figure of the same people: not "5 انتحاريين" and "5 من المهاجمين"
            let compatible = |o: &Casualty| {
                (o.noun == c.noun || o.noun.is_none() || c.noun.is_none())
                    && (o.population == c.population
                        || o.population == Population::Unspecified
                        || c.population == Population::Unspecified)
            };
            // the items of one list are different people, whatever their figures (وفردين من
            // الفرقة التاسعة، وفردين من الفرقة العاشرة)
            let listed = |o: &Casualty| {
                (c.rule == "list" || o.rule == "list")
                    && self.a.sentences.iter().any(|s| s.contains(o.evidence) && s.contains(c.evidence))
            };
            // uncounted others are other people than any told before ("كما قتل وجرح آخرون" after
            // "راح ضحيتها عشرات القتلى")
            let others = c.count.is_none() && c.noun.as_deref().is_some_and(|n| n.starts_with("اخر"));
            // a family hit is those people, not a figure told of others ("مقتل أسرة كاملة"
            // before "حصد أرواح مئات الضحايا"): it is told again with its own noun only
            let family =
                |o: &Casualty| o.noun.as_deref().and_then(|n| self.lex.noun(n)).is_some_and(|(n, _)| n.group);
            let compatible = |o: &Casualty| compatible(o) && (o.noun == c.noun || !(family(o) || family(c)));
            let dup = out.iter().position(|o| {
                !others
                    && same(o)
                    && compatible(o)
                    && !listed(o)
                    && (o.claimant == c.claimant || o.claimant.is_none() || c.claimant.is_none())
                    && (c.count.is_some() || (o.population == c.population && o.side == c.side))
            });
            match dup {
                // the same figure told twice: keep who claims it
                Some(k) if out[k].claimant.is_none() && c.claimant.is_some() => {
                    let (side, side_rule, population) =
                        (out[k].side.clone(), out[k].side_rule, out[k].population);
                    out[k] = c.clone();
                    if out[k].side.is_none() && side.is_some() {
                        out[k].side = side;
                        out[k].side_rule = side_rule;
                    }
                    if out[k].population == Population::Unspecified {
                        out[k].population = population;
                    }
                }
                // told again with the people described as civilians: "23 شخصا قتلوا في الغارات،
                // بينهم نساء وأطفال" after "لقي 23 شخصا مصرعهم" (not as soldiers: a retelling
                // names the shooter, "مقتل شاب برصاص شرطي", more often than the dead)
                Some(k) => {
                    if out[k].population == Population::Unspecified && c.population == Population::Civilian {
                        out[k].population = c.population;
                    }
                }
                None => out.push(c.clone()),
            }
        }
        out
    }

    /// What the lexicon says of each token ([`Looked`]): a matter of its form alone, looked
    /// up once per form and thread. Made while [`Finder::looked`] is empty, so that the
    /// look-ups below compute what they are asked.
    fn look_up(&self) -> Vec<Looked> {
        thread_local! {
            static FORMS: RefCell<FormTable<Looked>> = const { RefCell::new(FormTable::new()) };
        }
        let none = Looked { relevance: 0, noun: None, trigger: None, marker: None };
        let of = |i: usize| {
            attribution::word_alone(self.a.norm, self.a.tokens, i).map_or(none, |w| {
                let w = &w;
                let (noun, trigger) = (self.noun_of(w), self.trigger_of(w));
                // a trigger or a noun of a kind ([`Finder::kind_noun`])
                let casualty = trigger.is_some() || noun.is_some_and(|(n, _)| n.kind.is_some());
                let speaking = Cues::builtin().get(w).is_some_and(|c| c.role != Role::Complement);
                let include = Self::is_include(w);
                Looked {
                    relevance: (u8::from(casualty) * CASUALTY_WORD)
                        | (u8::from(speaking) * SPEAKING_WORD)
                        | (u8::from(include) * INCLUDE_WORD),
                    noun,
                    trigger,
                    marker: self.marker_of(w),
                }
            })
        };
        FORMS.with(|cache| match cache.try_borrow_mut() {
            Ok(mut cache) => {
                cache.keep_for(std::ptr::from_ref(self.lex) as usize as u64);
                cache.fill_map(self.a.tokens, |i, _| of(i), |_, v| *v)
            }
            Err(_) => (0..self.a.tokens.len()).map(of).collect(),
        })
    }

    /// The marker role of a word.
    fn marker(&self, w: &Word) -> Option<Marker> {
        match self.looked.get(w.index) {
            Some(l) => l.marker,
            None => self.marker_of(w),
        }
    }

    /// [`Finder::marker`], looked up.
    fn marker_of(&self, w: &Word) -> Option<Marker> {
        self.lex.markers.get(w.bare.as_ref()).or_else(|| self.lex.markers.get(w.stem.as_ref())).copied()
    }

    /// The force whose positions the sentence says were hit before the claim whose evidence
    /// starts at `from` ("استهدفوا أحد المواقع التي كان يتجمع فيها عناصر التمرد الحوثي ... ما
    /// أدى إلى سقوط تسعة قتلى", "استهدفت تجمعات لقوات حكومة الوفاق", "هجوم على معسكر للجيش
    /// الهندي في كشمير، نجم عنه مقتل ستة جنود").
    ///
    /// The site word is at most 25 words before the claim, in the same happening: not before a
    /// word that opens another (`ردا على هجوم`, `غداة مواجهات`, `عقب`, `إثر`, `بعد`), nor
    /// before a casualty word or a figure (another claim's) unless the claim names no people
    /// of its own (`across`: "سقوط تسعة قتلى وإصابة 24 آخرين" are the same people). The force
    /// follows it in its clause: an army, a state's force or body, an armed group, or an armed
    /// group's adjective (not a people's: `تجمعا لآلاف الفلسطينيين` is a crowd); the clause
    /// ends at the attacker (`تعرض موقع باروا العسكري لهجوم من قبل جماعة بوكو حرام`). The site
    /// word tells the target from the actor, who is named as freely before the verb as after
    /// it. A website (`موقع قناة العالم`, `مواقع التواصل`) is no site: the singular is one
    /// when it is military or someone's (`موقعا عسكريا`, `موقعا للانقلابيين`).
    fn site_side(&self, words: &[Word], from: usize, across: bool) -> Option<Party> {
        let is_site = |j: usize| {
            let w = &words[j];
            let site = self.is_marked(w, Marker::Site);
            let next = words.get(j + 1);
            let singular = matches!(w.stem.as_ref(), "موقع" | "موقعا");
            site && !next.is_some_and(|v| {
                matches!(v.stem.as_ref(), "تواصل" | "الكترونيه" | "اخباريه" | "رسمي" | "انترنت")
                    || matches!(v.bare.as_ref(), "التواصل" | "الالكترونيه" | "الاخباريه" | "الرسمي" | "الانترنت")
            }) && (!singular || next.is_some_and(|v| v.stem.starts_with("عسكري") || v.bare.starts_with("ل")))
        };
        let site = (from.saturating_sub(25)..from.min(words.len()))
            .rev()
            .take_while(|&j| {
                let w = &words[j];
                !w.is_hard_stop()
                    && !matches!(w.bare.as_ref(), "ردا" | "غداه" | "عقب" | "اثر" | "بعد")
                    && (across || (w.kind != TokenKind::Number && self.trigger(w).is_none()))
            })
            .find(|&j| is_site(j))?;
        words[site + 1..from]
            .iter()
            .take(8)
            .take_while(|v| !v.is_stop() && !matches!(v.bare.as_ref(), "قبل" | "يد" | "بواسطه"))
            .find_map(|v| {
                if let Some(e) = v.entity {
                    let force = self.entities_subtype(e).is_some_and(|t| {
                        state_body(t) || matches!(t, "armed-group" | "faction-forces" | "faction-government")
                    });
                    return force.then(|| self.side_of(e));
                }
                let group = self.lex.groups.contains_key(v.bare.as_ref())
                    || self.lex.groups.contains_key(v.stem.as_ref());
                self.nisba(v).filter(|_| group).map(|c| self.country(c))
            })
    }

    /// The verb after a list of forces the people are of, beyond the short complement's eight
    /// words (`488 عنصرا من منتسبي قوات الامن العراقية وقوات البيشمركة وقوات المهام الخاصة
    /// والحشد الشعبي قتلوا`): the list starts with من and its words are forces named, military
    /// nouns and joins, with at most three others (`منتسبي`, `المهام الخاصة`). Anything else
    /// is another clause's verb (`ثمانية أشخاص من عائلة واحدة ينتمون إلى تنظيم ... سيحاكمون
    /// بتهمة قتل`).
    fn after_forces(&self, words: &[Word], from: usize) -> Option<(usize, lexicon::Trigger)> {
        if words.get(from).is_none_or(|w| w.bare != "من") {
            return None;
        }
        let mut others = 0;
        for (d, w) in words[from..].iter().enumerate().take(16).skip(1) {
            if w.is_stop() || w.kind == TokenKind::Number {
                return None;
            }
            if let Some(t) = self.trigger(w) {
                return (d >= 8 && t.after).then_some((d, t));
            }
            let military = self.noun(w).is_some_and(|(n, _)| n.population == Some(Population::Military));
            if w.entity.is_none() && !military && w.bare != "و" {
                others += 1;
                if others > 3 {
                    return None;
                }
            }
        }
        None
    }

    /// Whether the words of a claim's evidence name its people as civilians or as persons
    /// (`بمقتل مدنيين اثنين`, `قتل 96 شخصا`), who are not a force's fighters.
    fn names_people(&self, words: &[Word], evidence: Span) -> bool {
        words.iter().filter(|w| evidence.contains(w.span)).any(|w| {
            self.noun(w).is_some_and(|(n, _)| {
                n.kind.is_none()
                    && matches!(n.population, Some(Population::Civilian | Population::Unspecified))
            })
        })
    }

    /// Whether the dead counted at `end` died of an illness or of old age, as the ten words
    /// after them say (before the sentence ends or another figure): an illness word with ب or
    /// within three words of a word of cause (بالدفتيريا, بسبب الكوليرا, نتيجة الإصابة
    /// بالفيروس, بعد معاناة مع مرض), or عن عمر ناهز. Not an illness word alone (وسط قلق is
    /// concern).
    fn died_naturally(&self, words: &[Word], end: usize) -> bool {
        let after: Vec<&Word> = words[(end + 1).min(words.len())..]
            .iter()
            .take(10)
            .take_while(|w| !w.is_hard_stop() && w.kind != TokenKind::Number)
            .collect();
        let cause = |w: &Word| {
            matches!(
                w.stem.as_ref(),
                "جراء" | "نتيجه" | "بسبب" | "سبب" | "اثر" | "معاناه" | "صراع" | "متاثرا"
            )
        };
        let ill = after.iter().enumerate().any(|(k, w)| {
            self.marker(w) == Some(Marker::Illness)
                && (w.bare.starts_with('ب') || after[k.saturating_sub(3)..k].iter().any(|v| cause(v)))
        });
        ill || after.windows(2).any(|p| p[0].stem == "عمر" && p[1].stem.starts_with("ناهز"))
    }

    /// Fighters of the other side (مسلحين، متمردا، الإرهابيين).
    fn is_hostile(&self, w: &Word) -> bool {
        self.is_marked(w, Marker::Hostile)
    }

    /// Whether the people counted at `end` are fighters of the other side: named so
    /// (مسلحين), or described so by an adjective right after them (`14 من العناصر المتشددة`,
    /// `عنصرين إرهابيين`) or after من and a noun (`10 مقاتلين آخرين من المجموعة الإرهابية`),
    /// past آخرين. Not an adjective further on, which describes something else (`قتل 3 جنود
    /// في هجوم إرهابي`).
    fn hostile_people(&self, words: &[Word], end: usize) -> bool {
        let Some(w) = words.get(end) else { return false };
        if self.is_hostile(w) {
            return true;
        }
        if !self.noun(w).is_some_and(|(n, _)| n.kind.is_none() && n.population.is_some()) {
            return false;
        }
        let adjective = |k: usize| words.get(k).is_some_and(|v| !v.wa && self.is_hostile(v));
        let mut k = end + 1;
        if words
            .get(k)
            .is_some_and(|v| self.noun(v).is_some_and(|(n, _)| n.kind.is_none() && n.population.is_none()))
        {
            k += 1;
        }
        if adjective(k) {
            return true;
        }
        if words.get(k).is_none_or(|v| v.bare != "من") {
            return false;
        }
        // the people may be quoted: `71 شخصا من "التكفيريين"`
        let k = k + 1 + usize::from(words.get(k + 1).is_some_and(Word::is_quote));
        adjective(k)
            || (words.get(k).is_some_and(|v| v.kind == TokenKind::Arabic && !v.is_stop()) && adjective(k + 1))
    }

    /// Whether an Arabic word is a marker of this role, with or without its tanween alif
    /// (متمردا, موقعا).
    fn is_marked(&self, w: &Word, role: Marker) -> bool {
        w.kind == TokenKind::Arabic
            && (self.marker(w) == Some(role)
                || w.stem.strip_suffix('ا').is_some_and(|s| self.lex.markers.get(s) == Some(&role)))
    }

    fn trigger(&self, w: &Word) -> Option<lexicon::Trigger> {
        match self.looked.get(w.index) {
            Some(l) => l.trigger,
            None => self.trigger_of(w),
        }
    }

    /// [`Finder::trigger`], looked up.
    fn trigger_of(&self, w: &Word) -> Option<lexicon::Trigger> {
        let t = self
            .lex
            .triggers
            .get(w.bare.as_ref())
            .or_else(|| self.lex.triggers.get(w.stem.as_ref()))
            .copied()?;
        if t.indefinite || t.bi {
            // what the word has before its stem: بال in بالأسر, ب in بحياة
            let proclitics = w.bare.strip_suffix(w.stem.as_ref()).unwrap_or("");
            // الأسر, بالأسر: the families, not capture
            if t.indefinite && (proclitics.ends_with("ال") || proclitics.ends_with("لل")) {
                return None;
            }
            // بحياة, not بالحياة (للالتحاق بالحياة العسكرية: life, not a death)
            if t.bi && (!proclitics.starts_with('ب') || proclitics.ends_with("ال")) {
                return None;
            }
        }
        Some(t)
    }

    /// The kind of the trigger at `j`, read with the one joined to it before: killed and
    /// wounded together are one figure of both (`مقتل وإصابة 12 جنديا`, `قتل وجرح 30 شخصا`,
    /// `كما قتل وجرح آخرون`), not of the wounded alone. Not when the first verb may have a
    /// figure or people of its own before it in the clause (`أن 4 جنود قتلوا وأصيب 15`, `نحو 25
    /// من ميليشيات الحوثي وقوات موالية للرئيس المخلوع علي صالح قتلوا وأصيب 15 آخرون`: two
    /// figures).
    fn paired_kind(&self, words: &[Word], j: usize, kind: Kind) -> Kind {
        let pair = |a: Kind, b: Kind| {
            matches!((a, b), (Kind::Killed, Kind::Wounded) | (Kind::Wounded, Kind::Killed))
        };
        let Some(first) = j.checked_sub(1) else { return kind };
        // two plural verbs with people after them share them, whoever did it: "3 مسلحين قتلوا
        // وجرحوا 4 جنود"
        let plural = words[j].bare.ends_with("وا") && words[first].bare.ends_with("وا");
        let joined = words[j].wa
            && self.trigger(&words[first]).is_some_and(|t| t.before && pair(t.kind, kind))
            && (plural
                || !words[first.saturating_sub(12)..=first]
                    .iter()
                    .rev()
                    .skip(1)
                    // (back to its clause's start: "أسر أحد عناصر الحوثيين فيما قتل وجرح العشرات")
                    .take_while(|v| !v.is_stop() && !opens_clause(v))
                    .any(|v| v.kind == TokenKind::Number || self.noun(v).is_some()));
        if joined { Kind::Casualties } else { kind }
    }

    /// The kind of a verb after its figure, killed or wounded, or either when the other is
    /// joined by أو, or by و in the plural of the same people: "73 ألف طفل قتلوا أو جرحوا"
    /// and "قتلوا وأصيبوا" are casualties; "10 أشخاص قتلوا وأصيب 37 آخرون" are not (the
    /// singular verb has people of its own).
    fn killed_or_wounded(&self, words: &[Word], j: usize, kind: Kind) -> Kind {
        let pair =
            |b: Kind| matches!((kind, b), (Kind::Killed, Kind::Wounded) | (Kind::Wounded, Kind::Killed));
        // past an idiom's second word: "لقوا مصرعهم أو أصيبوا"
        let j = if words.get(j + 1).is_some_and(|v| v.bare.ends_with("هم") && self.trigger(v).is_some()) {
            j + 1
        } else {
            j
        };
        let (other, at) = match words.get(j + 1) {
            Some(v) if v.bare == "او" => (words.get(j + 2), j + 2),
            Some(v) if v.wa && v.bare.ends_with("وا") => (Some(v), j + 1),
            _ => (None, j),
        };
        // a verb with people of its own after it did it to them ("3 مسلحين قتلوا وجرحوا 4 جنود")
        if !self.people_after(words, at)
            && other.and_then(|v| self.trigger(v)).is_some_and(|t| t.after && pair(t.kind))
        {
            Kind::Casualties
        } else {
            kind
        }
    }

    /// Whether people of their own follow the verb at `j` (a figure, or a noun of people): it
    /// did something to them, it is not what befell the people before it.
    fn people_after(&self, words: &[Word], j: usize) -> bool {
        words.get(j + 1).is_some_and(|v| {
            v.kind == TokenKind::Number || self.noun(v).is_some_and(|(n, _)| n.kind.is_none())
        })
    }

    /// Whether the verb at `j` did something to people of its own ([`Finder::people_after`]),
    /// by itself or with the plural verb joined to it: "3 مسلحين قتلوا وجرحوا 4 جنود" (the
    /// gunmen killed and wounded the soldiers).
    fn acts_on_people(&self, words: &[Word], j: usize) -> bool {
        self.people_after(words, j)
            || words.get(j + 1).is_some_and(|v| {
                v.wa && v.bare.ends_with("وا") && self.trigger(v).is_some() && self.people_after(words, j + 1)
            })
    }

    /// The date of the running totals of a sentence whose first time expression is `t`: its
    /// value, or, when it starts a period that runs until the article was written (`منذ 2015`,
    /// `منذ عام 2014`, `منذ العام 2011`, `ترتفع حصيلة القتلى منذ 30 آذار/مارس الماضي إلى
    /// 204`), the period's end, the publication date (none when unknown): the dead a total
    /// counts since then were not all killed then. Not a period since an event (`منذ هجوم 14
    /// أكتوبر`, which names when the people died); and a figure of no total keeps the time,
    /// when what killed them began (`منذ الثلاثاء الماضي 13 سبتمبر 2022، أسفر عن سقوط 135
    /// قتيلا`).
    fn total_date(&self, t: &TimeExpr) -> (Option<String>, Option<DateFrom>) {
        let before = self.a.norm.original().get(..t.span.start()).unwrap_or_default();
        let last: Vec<&str> = before.split_whitespace().rev().take(6).collect();
        // a range's end (خلال الفترة من 21 مارس 2015 إلى 31 مارس 2018)
        let value = day_of(&self.period_end(t).unwrap_or(t).value);
        if self.after_since(t) || since_start(last.into_iter().rev()) {
            self.published()
        } else {
            (Some(value), Some(DateFrom::Sentence))
        }
    }

    /// The date of the running totals of `sentence`, which names no time: the publication
    /// date for a total since the start of something (`قُتل 65 مدنياً منذ اندلاع المعارك`: the
    /// period runs until the day of writing), else the date of a claim ([`Finder::claim_date`])
    /// from its sentence or paragraph, else the publication date: a total the opening does
    /// not date runs until the day of writing (`كما قتل في الفترة ذاتها 142 مدنيا`, after the
    /// ambush of `ليل الاثنين` the lede told of).
    fn untimed_total_date(&self, sentence: Span, said: &[bool]) -> (Option<String>, Option<DateFrom>) {
        let text = self.a.norm.original().get(sentence.range()).unwrap_or_default();
        if since_start(text.split_whitespace()) {
            return self.published();
        }
        match self.claim_date(sentence, sentence, said) {
            (Some(_), Some(DateFrom::Opening)) | (None, _) if self.a.published.is_some() => self.published(),
            dated => dated,
        }
    }

    /// The time that ends the period `t` starts, written as a second time after إلى or حتى
    /// (`في الفترة من 21 مارس 2015 إلى 31 مارس 2018`): a figure over a period is dated at its
    /// end.
    fn period_end(&self, t: &TimeExpr) -> Option<&'a TimeExpr> {
        let text = self.a.norm.original();
        let next = self.a.times.iter().find(|u| u.span.start() >= t.span.end())?;
        let between = text.get(t.span.end()..next.span.start())?.trim();
        let between = between.strip_prefix('و').unwrap_or(between);
        matches!(between, "إلى" | "الى" | "حتى" | "لغاية").then_some(next)
    }

    /// Whether the time `t` follows منذ (`منذ 2015`, `منذ عام 2014`, `ومنذ العام 2011`): it
    /// starts a period.
    fn after_since(&self, t: &TimeExpr) -> bool {
        let before = self.a.norm.original().get(..t.span.start()).unwrap_or_default();
        let mut words = before.split_whitespace().rev();
        let since = |w: Option<&str>| matches!(w, Some("منذ" | "ومنذ"));
        let last = words.next();
        since(last) || (matches!(last, Some("عام" | "العام" | "سنة" | "السنة")) && since(words.next()))
    }

    /// The date of a claim that is no running total, its figure's words `evidence` in
    /// `sentence`, and where it comes from: the time of the sentence nearest to the figure
    /// (not one of saying, [`crate::attribution::Attribution::frames_saying`]; nor a year a
    /// superlative or a comparison spans, [`Finder::compared_within`]) that does not start a
    /// period long before the day of writing
    /// (`منذ 2010`, `المقسمة منذ 1947` tell since when, not when people were hit), else the
    /// last such time earlier in the paragraph (the day the paragraph tells of: `قتل 4 جنود
    /// فجر الثلاثاء. وأصيب 3 آخرون`), else the sentence's day of saying, else the first day the
    /// article's first two blocks name
    /// (the title and the lede, or with no title the lede and the paragraph after it: the day
    /// the article reports; the lede alone when there is no title dated 4 fewer real-dev
    /// claims right), else none. A claim is dated by the day: a part or a time of a day gives
    /// the day (`فجر الثلاثاء`: that Tuesday), a range its end; so does a period written as two
    /// times (`من 21 مارس 2015 إلى 31 مارس 2018`, [`Finder::period_end`]).
    fn claim_date(
        &self,
        sentence: Span,
        evidence: Span,
        said: &[bool],
    ) -> (Option<String>, Option<DateFrom>) {
        let times = || self.a.times.iter().zip(said).filter(|(_, said)| !**said).map(|(t, _)| t);
        let dated = |t: &TimeExpr| !self.since_long_ago(t) && !self.compared_within(t);
        // (the nearest to the figure: `لمقتل عشرات الفلسطينيين ... أمس الاثنين` after `اليوم
        // الثلاثاء`; measured on the bench, right for 25 of 33 claims it changed)
        let distance = |t: &TimeExpr| {
            if t.span.end() <= evidence.start() {
                evidence.start() - t.span.end()
            } else {
                t.span.start().saturating_sub(evidence.end())
            }
        };
        if let Some(t) = times().filter(|t| sentence.contains(t.span) && dated(t)).min_by_key(|t| distance(t))
        {
            let t = self.period_end(t).unwrap_or(t);
            return (Some(day_of(&t.value)), Some(DateFrom::Sentence));
        }
        // a window of the last hours or days ends at the day it was told of (`أعلن الجيش أمس
        // أن 4 جنود قتلوا خلال الأربع والعشرين ساعة الماضية`), else at the day of writing
        // (`قتل 25 شخصا خلال الساعات الماضية`)
        let text = self.a.norm.original().get(sentence.range()).unwrap_or_default();
        let block = self.a.blocks.iter().find(|b| b.contains(sentence));
        let earlier_in_block = |t: &&TimeExpr| {
            block.is_some_and(|b| b.contains(t.span)) && t.span.end() <= sentence.start() && dated(t)
        };
        let context = times().rev().find(earlier_in_block);
        if recent_window(text) {
            if let Some(t) = self.a.times.iter().find(|t| sentence.contains(t.span) && dated(t)) {
                return (Some(day_of(&t.value)), Some(DateFrom::Sentence));
            }
            // (or the paragraph's, a day of saying too: `أعلن الجيش الأحد أن القتال اشتد.
            // وأضاف أن 4 جنود قتلوا خلال الساعات الماضية`)
            if let Some(t) = self.a.times.iter().rev().find(earlier_in_block) {
                return (Some(day_of(&t.value)), Some(DateFrom::Context));
            }
            if self.a.published.is_some() {
                return self.published();
            }
        }
        if let Some(t) = context {
            return (Some(day_of(&t.value)), Some(DateFrom::Context));
        }
        // the day the statement was made, when the sentence names no other
        if let Some(t) = self.a.times.iter().find(|t| sentence.contains(t.span) && dated(t)) {
            return (Some(day_of(&t.value)), Some(DateFrom::Sentence));
        }
        // the first day the article's opening tells of that is no day of saying, not after the
        // day of writing (a plan), else its day of saying (news tells what was said the day it
        // happened)
        let published = self.a.published;
        let opening = |t: &&TimeExpr| {
            self.a.blocks.iter().take(2).any(|b| b.contains(t.span))
                && dated(t)
                && t.value.day().is_some_and(|d| published.is_none_or(|p| d <= p))
        };
        if let Some(t) = times().find(opening).or_else(|| self.a.times.iter().find(opening)) {
            return (Some(day_of(&t.value)), Some(DateFrom::Opening));
        }
        // not the publication date: news tells of the day before as often as of its own
        // (measured on the real-dev gold: right for 2 of 41 claims it dated)
        (None, None)
    }

    /// Whether `t` starts a period (`منذ`) more than a week before the day of writing; a
    /// year, month or season also a few words after منذ in its clause (`الأسوأ منذ حرب 2020`,
    /// `منذ اندلاع الحرب عام 2011`), unless a clause of when follows it (`منذ مارس 2015،
    /// عندما قتل 20 شخصا`).
    fn since_long_ago(&self, t: &TimeExpr) -> bool {
        let text = self.a.norm.original();
        // (a year, month or season a few words after منذ: منذ حرب تموز 2006, منذ اندلاع الحرب
        // عام 2011, within its clause)
        let since_period = || {
            let before = text.get(..t.span.start()).unwrap_or_default();
            matches!(t.value, Timex::Year(_) | Timex::Decade(_) | Timex::Month(..) | Timex::Season(..))
                && before
                    .split_whitespace()
                    .rev()
                    .take(4)
                    .take_while(|w| !w.ends_with(['،', ',', '.']))
                    .any(|w| matches!(w, "منذ" | "ومنذ"))
        };
        // (not the time of the clause after it: منذ مارس 2015، عندما قتل 20 شخصا)
        let when = || {
            let after = text.get(t.span.end()..).unwrap_or_default();
            after
                .trim_start_matches([' ', '،', ','])
                .split_whitespace()
                .next()
                .is_some_and(|w| matches!(w, "عندما" | "حين" | "حينما"))
        };
        (self.after_since(t) || since_period()) && !when() && t.begins_long_before(self.a.published)
    }

    /// Whether `t` is a year, month or season a superlative compares within, a few words
    /// after it in its clause (`في إحدى أكثر المعارك ضراوة هذا العام`, `أعنف هجوم في 2017`):
    /// the span of the comparison, not when people were hit.
    fn compared_within(&self, t: &TimeExpr) -> bool {
        let before = self.a.norm.original().get(..t.span.start()).unwrap_or_default();
        // the last words of its clause before it, nearest first
        let last: Vec<&str> =
            before.split_whitespace().rev().take(5).take_while(|w| !w.ends_with(['،', ',', '.'])).collect();
        // (أكثر before من is "more than": `وقتل أكثر من 100 شخص هذا العام`; nor the ordinal
        // اول, `الأسبوع الأول من هذا الشهر`)
        let superlative = |j: usize| {
            let key: String =
                last[j].chars().map(|c| if matches!(c, 'أ' | 'إ' | 'آ') { 'ا' } else { c }).collect();
            let key = key.strip_prefix('و').unwrap_or(&key);
            let key = key.strip_prefix("ال").unwrap_or(key);
            (key == "اكثر" && j.checked_sub(1).is_none_or(|n| last[n] != "من"))
                || (key != "اول" && SUPERLATIVES.contains(&key))
        };
        // (a year said relative to the day of writing, `هذا العام`: `أكبر عملية نزوح كانت في
        // الربع الأول 2018` dates the act the superlative names)
        let compared = t.anchor == Anchor::Published
            && matches!(t.value, Timex::Year(_) | Timex::Month(..) | Timex::Season(..))
            && (0..last.len()).any(superlative);
        // (the base of a comparison: `مقارنة بالعام الماضي`)
        let base =
            last.iter().take(2).any(|w| matches!(*w, "مقارنة" | "بالمقارنة" | "مقارنةً" | "قياسا" | "قياساً"));
        compared || base
    }

    /// The publication date as a claim's date.
    fn published(&self) -> (Option<String>, Option<DateFrom>) {
        match self.a.published {
            Some(d) => (Some(d.to_string()), Some(DateFrom::Published)),
            None => (None, None),
        }
    }

    /// Whether من follows the word at `i` in its clause (a trigger's `min` need), and what
    /// follows it is harm: people suffer from wounds, burns or a gas's symptoms (يعانون من
    /// أعراض الاختناق, من جروح) or from an attack (من الهجوم المزعوم), not from an illness or the symptoms a text has described
    /// (يعاني شخص من جميع الأعراض المذكورة سابقا), nor from hunger or want (يعاني نحو 8.4
    /// مليون شخص من انعدام أمن غذائي, من أزمة نقص المياه).
    fn min_follows(&self, words: &[Word], i: usize) -> bool {
        let clause = || words[i + 1..].iter().take(6).take_while(|v| !v.is_stop());
        let Some(at) = clause().position(|v| v.bare == "من") else { return false };
        let what = || clause().skip(at + 1).take(3).map(|v| self.marker(v));
        !what().any(|m| m == Some(Marker::Illness))
            && what().any(|m| matches!(m, Some(Marker::Injury | Marker::Atrocity | Marker::Attack)))
    }

    /// Whether the trigger at `i` has what its entry needs after it in its clause: من
    /// somewhere ([`lexicon::Trigger::min`]), على right after it ([`lexicon::Trigger::ala`]),
    /// ضحية right after it ([`lexicon::Trigger::victim`]).
    fn needs_follow(&self, t: &lexicon::Trigger, words: &[Word], i: usize) -> bool {
        // أسر before definite people is their families (أسر الأطفال الملتحقين ببرامج التأهيل,
        // أسر الضحايا), not their capture
        let families = t.indefinite && words.get(i + 1).is_some_and(|v| v.bare.starts_with("ال"));
        // lives saved or protected are no lives lost (أن تنقذ أرواح خمسة أطفال); not a
        // killing by someone named for saving (جيش الإنقاذ)
        let saved = i >= 1
            && matches!(words[i].stem.as_ref(), "ارواح" | "حياه")
            && matches!(
                words[i - 1].stem.as_ref(),
                "انقاذ"
                    | "ينقذ"
                    | "تنقذ"
                    | "انقذ"
                    | "انقذت"
                    | "ينقذون"
                    | "حمايه"
                    | "يحمي"
                    | "تحمي"
            );
        !families
            && !saved
            && (!t.min || self.min_follows(words, i))
            && (!t.ala || words.get(i + 1).is_some_and(|v| v.bare == "علي"))
            && (!t.victim || words.get(i + 1).is_some_and(|v| v.stem.starts_with("ضحي")))
    }

    /// Whether the figure `c` is a rate, not a happening: a time unit after كل or an adverb
    /// of frequency in the four words after it (`يقتل صحفي واحد كل أسبوع`, `مقتل عشرة
    /// أشخاص يوميا`). (What a step is taken to prevent, `تجنبا لوقوع خسائر`, is the
    /// `negator` of [`Finder::run`].)
    fn rate(words: &[Word], c: &Found) -> bool {
        const UNITS: [&str; 6] = ["يوم", "اسبوع", "شهر", "عام", "سنه", "ساعه"];
        // (the adverbs: يومي is also "on the two days", يومي الخميس والجمعة)
        const RATES: [&str; 4] = ["يوميا", "اسبوعيا", "شهريا", "سنويا"];
        let after: Vec<&Word> =
            words.iter().skip(c.end_word + 1).take(4).take_while(|w| !w.is_stop()).collect();
        after.iter().enumerate().any(|(k, w)| {
            RATES.contains(&w.bare.as_ref())
                || (w.bare == "كل" && after.get(k + 1).is_some_and(|u| UNITS.contains(&u.bare.as_ref())))
        })
    }

    fn noun(&self, w: &Word) -> Option<(lexicon::Noun, bool)> {
        match self.looked.get(w.index) {
            Some(l) => l.noun,
            None => self.noun_of(w),
        }
    }

    /// [`Finder::noun`], looked up.
    fn noun_of(&self, w: &Word) -> Option<(lexicon::Noun, bool)> {
        if w.kind != TokenKind::Arabic {
            return None;
        }
        // a word without clitics is its own stem (most words): it is looked up once
        self.lex.noun(&w.stem).or_else(|| if w.bare == w.stem { None } else { self.lex.noun(&w.bare) })
    }

    /// The country a nisba adjective names (الأرمينية, هنود, روسي, عراقيا), or the armed
    /// group (حوثيا, الحوثيين: `groups.tsv`).
    fn nisba(&self, w: &Word) -> Option<EntryId> {
        if w.kind != TokenKind::Arabic {
            return None;
        }
        let kb = self.a.kb;
        kb.nisba(&w.bare)
            .or_else(|| kb.nisba(&w.stem))
            .or_else(|| kb.nisba_with_tanween(&w.stem))
            .or_else(|| self.lex.groups.get(w.bare.as_ref()).and_then(|id| kb.by_id(id)))
    }

    /// The entity a word names: its mention's; for a definite noun that names again a body
    /// of the article (`الحلف`, `التنظيم`: markers `back-*`), the body of that subtype last
    /// named with that noun before it: in its name (`حلف شمال الأطلسي`) or right before it
    /// (`تنظيم داعش`). `التنظيم` after `تنظيم داعش` and `قوات سوريا الديمقراطية` is the
    /// Islamic State, though the Kurdish-led forces were named last.
    fn entity_of(&self, w: &Word) -> Option<usize> {
        if let Some(e) = w.entity {
            // a unit named by its number or ordinal (`الفرقة الأمنية الأولى`) is a part of a
            // side, not a side: whose forces it is are said elsewhere, or not at all (and so
            // where the article gives the unit's name too: `(كتيبة ثوار طرابلس)`)
            let in_unit =
                self.a.entities.get(e).is_some_and(|x| {
                    x.mentions.iter().any(|m| m.rule == UNIT_RULE && m.span.contains(w.span))
                });
            return (!in_unit).then_some(e);
        }
        let Some(Marker::Back(subtype)) = self.marker(w) else { return None };
        let head = w.stem.as_ref();
        let text = self.a.norm.original();
        let keyed = |word: &str| self.a.norm.key_of(word).ends_with(head);
        let named_with_head = |m: Span| {
            text.get(m.start()..m.end()).and_then(|t| t.split_whitespace().next()).is_some_and(keyed)
                || text.get(..m.start()).and_then(|t| t.split_whitespace().next_back()).is_some_and(keyed)
        };
        let at = w.span.start();
        self.a
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.subtype.as_deref() == Some(subtype))
            .filter_map(|(i, e)| {
                let m = e.mentions.iter().rev().find(|m| m.span.start() < at && named_with_head(m.span))?;
                Some((m.span.start(), i))
            })
            .max()
            .map(|(_, i)| i)
    }

    fn entity_type(&self, i: usize) -> EntityType {
        self.a.entities[i].etype
    }

    fn kb_entry(&self, i: usize) -> Option<EntryId> {
        self.a.entities[i].kb.as_deref().and_then(|id| self.a.kb.by_id(id))
    }

    /// A country as a party: its entity in the article, else its English name.
    fn country(&self, c: EntryId) -> Party {
        let entry = self.a.kb.entry(c);
        match self.a.entities.iter().position(|e| e.kb.as_deref() == Some(entry.id.as_str())) {
            Some(i) => Party::Entity(i),
            None => Party::Name(entry.name_en.clone()),
        }
    }

    /// The side an entity stands for: a country itself; the country of its armed forces,
    /// ministries, police, government and capital; any other body itself (an armed group, or
    /// one side of a divided country: `faction-government`, `faction-forces`).
    fn side_of(&self, i: usize) -> Party {
        if let Some(id) = self.kb_entry(i) {
            let entry = self.a.kb.entry(id);
            let national = state_body(&entry.subtype)
                || entry.subtype == "capital"
                || (entry.etype == EntityType::Gpe && entry.subtype != "country");
            if national && let Some(c) = entry.country {
                return self.country(c);
            }
        } else if let Some(c) = self.body_country(i) {
            return self.country(c);
        }
        Party::Entity(i)
    }

    /// The country of a state's body the knowledge base does not list, named with a nisba
    /// (`الشرطة التشادية`: the Police of Chad, a body of Chad).
    fn body_country(&self, i: usize) -> Option<EntryId> {
        let entity = &self.a.entities[i];
        if entity.kb.is_some() || !entity.subtype.as_deref().is_some_and(state_body) {
            return None;
        }
        entry_key(&entity.name_ar).split_whitespace().skip(1).find_map(|w| self.a.kb.nisba(w))
    }

    /// The side of the body a person serves, named with them (`المستشار الأمني في حكومة
    /// الوفاق الليبية، هاشم بشر` speaks for the Government of National Accord, not for
    /// Libya, which both of its sides share): a state's body, an army or an armed group of the
    /// knowledge base, or a state's body named with a nisba ([`Finder::body_country`]); not a
    /// newsroom, a monitor or an international body.
    fn serves(&self, p: &Party, affiliations: &[(usize, usize)]) -> Option<Party> {
        self.served(p, affiliations).map(|body| self.side_of(body))
    }

    /// The entity of the body [`Finder::serves`] finds.
    fn served(&self, p: &Party, affiliations: &[(usize, usize)]) -> Option<usize> {
        let &Party::Entity(i) = p else { return None };
        let &(_, body) = affiliations.iter().find(|&&(q, _)| q == i)?;
        if self.body_country(body).is_some() {
            return Some(body);
        }
        let entry = self.a.kb.entry(self.kb_entry(body)?);
        (state_body(&entry.subtype)
            || matches!(entry.subtype.as_str(), "faction-government" | "faction-forces" | "armed-group"))
        .then_some(body)
    }

    /// Whether the possessive pronoun of `noun` can stand for entity `e` by its gender: `ها`
    /// for a body whose name a feminine noun heads (وزارة, قوات, ميليشيا) or a country, not
    /// for a man nor a body headed by a masculine noun ("أعلن جيش الفتح ... مقتل العشرات من
    /// عناصرها": the regime's forces named before, not the army that speaks); `ه` the other
    /// way round. The head is the word the entity's mention starts with in the sentence,
    /// else its Arabic name's first word; a head of no known gender fits either. A person is
    /// of the gender of their verb (`speaker`: "قالت أنجيلا ميركل إن 12 من مواطنيها", not
    /// "قال السفير ... إن أمريكا حزينة لمقتل أحد مواطنيها"), either when no verb tells.
    fn pronoun_fits(&self, words: &[Word], noun: &Word, e: usize, speaker: Option<Gender>) -> bool {
        let bare = noun.bare.as_ref();
        let feminine_pronoun = bare.ends_with("ها");
        let masculine_pronoun = bare.ends_with('ه') && !feminine_pronoun;
        if !feminine_pronoun && !masculine_pronoun {
            return true;
        }
        let entity = &self.a.entities[e];
        match entity.etype {
            EntityType::Person => match speaker {
                Some(Gender::Feminine) => feminine_pronoun,
                Some(Gender::Masculine) => masculine_pronoun,
                None => true,
            },
            EntityType::Org => {
                let head = match words.iter().find(|w| w.entity == Some(e)) {
                    Some(w) => self.lex.feminine_head(&w.bare),
                    None => {
                        let first = entity.name_ar.split_whitespace().next().unwrap_or("");
                        self.lex.feminine_head(&entry_key(first))
                    }
                };
                head.is_none_or(|feminine| feminine == feminine_pronoun)
            }
            _ => true,
        }
    }

    fn country_of_party(&self, p: &Party) -> Party {
        match p {
            Party::Entity(i) => self.side_of(*i),
            other => other.clone(),
        }
    }

    /// Claims that start from a number.
    /// The figures of a sentence. `earlier`: the claims of the sentences before it.
    fn numbered(&self, sentence: Span, words: &[Word], earlier: &[Casualty]) -> Vec<Found> {
        // the article's tokens, not the sentence tokenised again
        let range = attribution::sentence_range(self.a.tokens, sentence);
        let tokens = self.a.tokens[range].iter().map(|t| &t.token);
        let numbers = NumberParser::builtin().find_in_tokens(self.a.norm, tokens);
        let mut out: Vec<Found> = Vec::new();
        // the number each claim of `out` was read from
        let mut read_from: Vec<usize> = Vec::new();
        for (k, num) in numbers.iter().enumerate() {
            if let Some(mut c) = self.claim_of_number(num, words, out.last()) {
                // the same figure told again is of the same people: "حصيلة قتلى القصف ...
                // بلغت 57 قتيلا فيما أصيب أكثر من 100 آخرين" after "مجزرة راح ضحيتها 57 قتيلا
                // بينهم 12 طفلا" (and so are the others after it); not a small figure, which
                // another happening may well have too
                if c.population == Population::Unspecified
                    && c.count.is_some_and(|n| n >= SAME_FIGURE_MIN)
                    && let Some(o) = earlier.iter().rev().find(|o| {
                        o.count == c.count && o.kind == c.kind && o.population != Population::Unspecified
                    })
                {
                    c.population = o.population;
                }
                out.push(c);
                read_from.push(k);
            }
            if k >= 1 {
                merge_range(&mut out, &mut read_from, k, range_of(&numbers[k - 1], num, words));
            }
        }
        out
    }

    fn claim_of_number(&self, num: &NumberExpr, words: &[Word], previous: Option<&Found>) -> Option<Found> {
        if num.unit.is_some() {
            return None;
        }
        let (count, qualifier) = match num.value {
            Quantity::Exact(0) | Quantity::Decimal { .. } => return None,
            Quantity::Exact(n) => (Some(n), num.qualifier.as_str()),
            Quantity::Range { .. } => (None, "unspecified"),
        };
        // a year or a day of a date ("وولد عام 1857 وتوفي عام 1922"), not a figure with a
        // qualifier the time layer took for a year ("وجرح أكثر من 2000 في ذكرى النكبة")
        if num.qualifier == Qualifier::Exact && self.a.times.iter().any(|t| t.span.contains(num.span)) {
            return None;
        }
        let first = words.iter().position(|w| w.span.end() > num.span.start())?;
        // "one" after a noun that is no people's describes it (قبيلة طوارق واحدة: one tribe),
        // it counts no one; after people it counts them (شخص واحد), after a casualty word or a
        // preposition it is a count (مقتل واحد من, إصابة واحد)
        if num.value == Quantity::Exact(1)
            && matches!(words[first].bare.as_ref(), "واحد" | "واحده" | "واحدا")
            && first.checked_sub(1).is_some_and(|j| {
                // (feminine, or after a noun with a preposition: في يوم واحد, في هجوم واحد; not
                // after a nisba, مقيم مصري واحد, nor after أن: أن واحدا من الضحايا)
                let prev = &words[j];
                let governed = prev.prep
                    || j.checked_sub(1)
                        .is_some_and(|i| matches!(words[i].bare.as_ref(), "في" | "من" | "خلال"));
                prev.kind == TokenKind::Arabic
                    && !prev.is_stop()
                    && self.trigger(prev).is_none()
                    && self.noun(prev).is_none()
                    && self.nisba(prev).is_none()
                    && !matches!(prev.bare.as_ref(), "من" | "الي" | "علي" | "عن" | "في" | "و" | "ان" | "انه")
                    && (words[first].bare == "واحده" || governed)
            })
        {
            return None;
        }
        // the base of a rate (106 حالات من بين كل 100 ألف شخص, 111 جريمة قتل لكل 100 ألف
        // شخص): no people counted
        // (not "all": مصرع كل 157 شخصا كانوا على متنها)
        let per = |j: usize| {
            words[j].bare == "لكل"
                || (words[j].bare == "كل" && j >= 1 && matches!(words[j - 1].bare.as_ref(), "بين" | "من"))
        };
        if first.checked_sub(1).is_some_and(per) {
            return None;
        }
        // a match's score ("فوز أوروغواي على البرتغال 2 - 1"): a range goes up, and is read
        // as one by the number layer
        let dash = |w: &Word| matches!(w.bare.as_ref(), "-" | "–");
        let number = |w: &Word| w.kind == TokenKind::Number;
        let after = words.iter().position(|w| w.span.start() >= num.span.end());
        if after.is_some_and(|d| dash(&words[d]) && words.get(d + 1).is_some_and(number))
            || (first >= 2 && dash(&words[first - 1]) && number(&words[first - 2]))
        {
            return None;
        }
        // a number of time units named before it: "على مدى السنوات الـ 49 الماضية", "خلال
        // الساعات الـ24"
        let unit = |w: &Word| {
            matches!(
                w.bare.as_ref(),
                "السنوات"
                    | "الاعوام"
                    | "الشهور"
                    | "الاشهر"
                    | "الاسابيع"
                    | "الايام"
                    | "الساعات"
                    | "الدقائق"
            )
        };
        let before = &words[..first];
        // everyone there, out of whom some were hit: "واصابة آخر من ضمن 10 ارهابيين", "من
        // أصل خمسة جنود" (no word of death or wounds before it, nor a list, is this figure's;
        // a verb after it is: "7 أطفال من ضمن 25 شخصا قتلوا")
        let out_of = before.len() >= 2 && Self::out_of(words, before.len() - 2);
        let article = |w: &Word| matches!(w.bare.as_ref(), "ال" | "الـ");
        if before.last().is_some_and(unit)
            || (before.last().is_some_and(article) && before.len() >= 2 && unit(&before[before.len() - 2]))
        {
            return None;
        }
        // an age ("بين الفئة العمرية 15 و29 عاما", "في سن 10") and the whole of a rate ("وفاة
        // شخص من كل عشرة أشخاص")
        let age = |w: &Word| matches!(w.bare.as_ref(), "العمريه" | "سن" | "السن" | "اعمار");
        let rate = before.len() >= 2
            && before[before.len() - 2].bare == "من"
            && before[before.len() - 1].bare == "كل";
        if before.last().is_some_and(age) || rate {
            return None;
        }
        let mut last = words.iter().rposition(|w| w.span.start() < num.span.end())?;
        if let Some(q) = num.qualifier_span.filter(|q| q.start() >= num.span.end()) {
            last = last.max(words.iter().rposition(|w| w.span.start() < q.end()).unwrap_or(last));
        }
        // the counted noun: the number layer's, else the word after من
        let mut noun_at = match num.noun_span {
            Some(s) => words.iter().rposition(|w| w.span.start() < s.end()),
            None if num.form == marsad_text::numbers::NumberForm::Dual => Some(last),
            None => None,
        };
        // the numeral two is a dual with no noun of its own: "مقتل اثنين منهم" counts them
        let numeral_two = matches!(words[last].stem.as_ref(), "اثنين" | "اثنان" | "اثنتين" | "اثنتان");
        if numeral_two && words.get(last + 1).is_some_and(|w| matches!(w.bare.as_ref(), "منهم" | "منهن"))
        {
            noun_at = Some(last + 1);
        }
        if noun_at.is_none() && words.get(last + 1).is_some_and(|w| w.bare == "من") {
            // the people may be quoted: "3 من \"الإرهابيين\""
            let k = last + 2 + usize::from(words.get(last + 2).is_some_and(Word::is_quote));
            noun_at = Some(k).filter(|&k| k < words.len());
        }
        // a year after في, منذ, بحلول, حتى or خلال, a verb in the singular after it (a figure's
        // verb agrees in the plural: "20 قتلوا"), which the time layer leaves to the words
        // after it ("تفجير شاحنة في كابول في 2017 قتل فيه أكثر من 150 شخصا")
        let singular_verb = |w: &Word| {
            matches!(
                w.bare.as_ref(),
                "قتل"
                    | "قتلت"
                    | "اصيب"
                    | "جرح"
                    | "سقط"
                    | "لقي"
                    | "وقع"
                    | "وقعت"
                    | "شهد"
                    | "شهدت"
            )
        };
        if words.get(last + 1).is_some_and(singular_verb)
            && count.is_some_and(|n| (1900..=2100).contains(&n))
            && num.qualifier == Qualifier::Exact
            && first >= 1
            && matches!(words[first - 1].bare.as_ref(), "في" | "منذ" | "بحلول" | "حتى" | "خلال")
        {
            return None;
        }
        // a word after و starts the next item, not the counted noun ("مقتل 64 واصابة 74")
        if noun_at.is_some_and(|k| k > last && (words[k].wa || words[k].fa)) {
            noun_at = None;
        }
        // "صدموا اثنتين منها" (of the planes): منها stands for things, not people (منهم)
        if noun_at.is_none() && words.get(last + 1).is_some_and(|w| w.bare == "منها") {
            return None;
        }
        // "أسفرت عن مقتل 16 منهم": of the people named before, in the sentence (مواقع وتعزيزات
        // حوثية): their population, or the group or country of a nisba
        let mut antecedent = None;
        // ("بلغ 10 منهم ثمانية في قوات الأمن": of whom eight, a subset that follows)
        if let Some(k) = noun_at.filter(|&k| matches!(words[k].bare.as_ref(), "منهم" | "منهن")) {
            noun_at = None;
            let subset_follows = words.get(k + 1).is_some_and(Self::is_count);
            antecedent = (first.saturating_sub(15)..first)
                .rev()
                .take_while(|&j| !subset_follows && !words[j].is_hard_stop())
                .find_map(|j| {
                    let w = &words[j];
                    let people = self.noun(w).and_then(|(n, _)| n.population.filter(|_| n.kind.is_none()));
                    // the force they serve, named after them (رتل لعناصر تنظيم داعش), or their
                    // country's nisba (هجوم على جنود أميركيين ... أدى إلى مقتل اثنين منهم)
                    let force = || {
                        let next = words.get(j + 1)?;
                        if let Some(c) = self.nisba(next) {
                            return Some(self.country(c));
                        }
                        let e = next.entity?;
                        matches!(
                            self.entities_subtype(e),
                            Some("armed-group" | "armed-forces" | "faction-forces")
                        )
                        .then(|| self.side_of(e))
                    };
                    people.map(|p| (p, force())).or_else(|| {
                        let c = self.nisba(w)?;
                        let group = self.lex.groups.contains_key(w.bare.as_ref());
                        // the people it qualifies (جنود أميركيين)
                        let qualified = j
                            .checked_sub(1)
                            .and_then(|p| self.noun(&words[p]))
                            .and_then(|(n, _)| n.population.filter(|_| n.kind.is_none()));
                        let population = match qualified {
                            Some(p) => p,
                            None if group => Population::Military,
                            None => Population::Unspecified,
                        };
                        Some((population, Some(self.country(c))))
                    })
                });
        }
        let noun = noun_at.and_then(|k| self.noun(&words[k]));
        let mut nisba_side = antecedent.as_ref().and_then(|(_, side)| side.clone());
        // "26 حوثيا": the people of an armed group are its fighters
        let mut group_people = false;
        // "من الطرفين" in place of the people
        let mut of_both_sides = false;
        // the people are a من-complement ("22 من المدنيين"): where it is
        let mut partitive = noun_at.filter(|&k| {
            k > last
                && (words[k - 1].bare == "من"
                    || (k >= 2 && words[k - 1].is_quote() && words[k - 2].bare == "من"))
        });
        if let Some(k) = noun_at
            && noun.is_none()
        {
            let w = &words[k];
            // cases of what befell people: "197 حالة اختطاف", "167 حالة إخفاء قسري", "550
            // حالة قتل"; not a disease's (حالة إصابة is an infection, حالة وفاة its deaths)
            if matches!(w.bare.as_ref(), "حاله" | "حالات")
                && let Some(v) = words.get(k + 1).filter(|v| !v.wa)
                && let Some(t) = self.trigger(v).filter(|t| {
                    matches!(t.kind, Kind::Captured | Kind::Missing)
                        || (t.kind == Kind::Killed && v.stem == "قتل")
                })
            {
                // whom it befell: "نفذتها سلطات الاحتلال بحق فلسطينيين", not the authorities
                let victims = words[k + 2..]
                    .iter()
                    .take(8)
                    .take_while(|v| !v.is_stop() && v.kind != TokenKind::Number)
                    .position(|v| v.bare == "بحق")
                    .and_then(|j| words.get(k + 3 + j));
                let side = victims.and_then(|v| self.nisba(v)).map(|c| self.country(c));
                // abduction, disappearance and detention counted as cases are the vocabulary of
                // human-rights documentation (a report's "حالة إخفاء قسري", "حالة احتجاز
                // تعسفي"): its victims are civilians unless named otherwise; a killing's cases
                // say nothing of who was killed
                let population =
                    victims.and_then(|v| self.noun(v)).and_then(|(n, _)| n.population).unwrap_or(
                        if t.kind == Kind::Killed { Population::Unspecified } else { Population::Civilian },
                    );
                return Some(self.finish(
                    num,
                    count,
                    qualifier,
                    t.kind,
                    population,
                    words,
                    first,
                    k + 1,
                    side,
                    false,
                    "cases",
                    previous,
                ));
            }
            if let Some(t) = self.trigger(w).filter(|t| t.after) {
                // the verb follows the number directly: "1003 لقوا مصرعهم"
                return Some(self.finish(
                    num,
                    count,
                    qualifier,
                    t.kind,
                    Population::Unspecified,
                    words,
                    first,
                    k,
                    None,
                    false,
                    "after",
                    previous,
                ));
            } else if let Some(c) = self.nisba(w) {
                // a people: "1332 عراقيا", "6 فلسطينيين"
                nisba_side = Some(self.country(c));
                group_people = self.lex.groups.contains_key(w.bare.as_ref());
            } else if let Some(e) = w.entity.filter(|&e| {
                partitive.is_some()
                    && matches!(
                        self.entities_subtype(e),
                        Some("armed-group" | "armed-forces" | "faction-forces")
                    )
            }) {
                // members of a force named after من: "قتل 27 من كتائب حزب الله"
                nisba_side = Some(self.side_of(e));
                group_people = true;
            } else if partitive.is_some()
                && (self.marker(w) == Some(Marker::Both)
                    || (matches!(num.value, Quantity::Range { .. })
                        && (w.bare.ends_with("هم") || w.bare.ends_with("هن"))))
            {
                // no people after من: of both sides ("إصابة العشرات من الطرفين", "مقتل 15 من
                // الجانبين"), or, after a vague count, whence: their homes ("فرار الملايين من
                // قراهم"; not "بعشرات المليارات من الدولارات", "ملايين من النحل")
                if self.marker(w) == Some(Marker::Both) {
                    nisba_side = Some(Party::Both);
                    of_both_sides = true;
                }
                noun_at = None;
                partitive = None;
            } else {
                return None;
            }
        }
        // a people named before the numeral that follows them (one and two follow their
        // noun): "مقتل فلسطينيين اثنين", "مواطن سوري واحد"
        if noun.is_none()
            && nisba_side.is_none()
            && (numeral_two || matches!(words[first].bare.as_ref(), "واحد" | "واحدا"))
            && let Some(prev) = first.checked_sub(1).map(|j| &words[j])
            && let Some(c) = self.nisba(prev)
        {
            nisba_side = Some(self.country(c));
            group_people = self.lex.groups.contains_key(prev.bare.as_ref());
        }
        let end = noun_at.unwrap_or(last);
        let (noun, own) = noun.map_or((None, false), |(n, own)| (Some(n), own));
        // kind
        let mut rule = "noun";
        // hostages killed (`قتل رهينتين`, `مقتل رهينة`): the word of death right before them
        // says what befell them (not إعدام, no casualty word: a sentence to death is no death)
        let captives_killed = || {
            first
                .checked_sub(1)
                .and_then(|j| self.trigger(&words[j]))
                .is_some_and(|t| t.before && t.kind == Kind::Killed)
        };
        let kind = match noun.and_then(|n| n.kind) {
            Some(Kind::Captured) if captives_killed() => {
                rule = "before";
                Kind::Killed
            }
            Some(k) => {
                // "قتيلا وجريحا": one figure of both; not "4 قتلى وأربعة جرحى", nor a dual
                // with its own figure ("11 قتيلا وجريحين")
                let next = words[end + 1..].iter().find(|w| w.bare != "و");
                let wounded_too = k == Kind::Killed
                    && next.is_some_and(|w| {
                        w.kind == TokenKind::Arabic
                            && (w.wa || words[end + 1].bare == "و")
                            && self.noun(w).is_some_and(|(n, _)| n.kind == Some(Kind::Wounded))
                            && !self.is_dual(w)
                    });
                if wounded_too { Kind::Casualties } else { k }
            }
            None => {
                // after the noun, its qualifier and a short complement (21 عنصرا على الأقل من
                // قوات النظام والمسلحين الموالين لها قتلوا), or a list of forces after من (488
                // عنصرا من منتسبي قوات الامن العراقية وقوات البيشمركة وقوات المهام الخاصة
                // والحشد الشعبي قتلوا)
                let from = end.max(last) + 1;
                // not past a verb joined by و to people of its own: "مقتل 2 من المحتجين و3 من
                // عناصر الشرطة وجرح آخرين" (the wounded are others, the 3 are of the list)
                let own_people = |j: usize| self.acts_on_people(words, j);
                // a verb after many people agrees with them: plural (قتلوا, قتلن), the idiom's
                // plural pronoun (لقوا مصرعهم, لقين مصرعهن), the masculine plural participle
                // (مصابون)
                let agrees = |v: &Word| {
                    count.is_none_or(|n| n < 3) || ["وا", "هم", "ون", "ن"].iter().any(|e| v.bare.ends_with(e))
                };
                let near = words[from..]
                    .iter()
                    .take(8)
                    .enumerate()
                    .take_while(|&(d, w)| {
                        // a word that opens a clause of its own: "تظاهر الآلاف عند الحدود حيث
                        // قتل تسعة فلسطينيين" (the thousands demonstrated)
                        let next_item = w.wa && self.trigger(w).is_some() && own_people(from + d);
                        !w.is_stop() && !opens_clause(w) && w.kind != TokenKind::Number && !next_item
                    })
                    // a verbal noun after a preposition is what they did or are accused of,
                    // not what befell them ("15 شخصا سعوديا شاركوا في قتل خاشقجي", "متهمين
                    // بقتل"); not after li, what they were exposed to ("تعرض 21 آخرين للقتل")
                    // and not a verb with people of its own after it, whom the figure's people
                    // did it to ("3 انتحاريين قتلوا 18 شخصا": the bombers killed)
                    .filter(|&(d, w)| {
                        let governed = d >= 1
                            && matches!(words[from + d - 1].bare.as_ref(), "في" | "على" | "عن" | "الى");
                        let accused = w.prep && w.bare.starts_with('ب');
                        !(governed || accused || own_people(from + d))
                    })
                    // many people's verb after them agrees with them (21 عنصرا ... قتلوا, لقوا
                    // مصرعهم), or follows their noun right away (1400 فلسطيني أصيب): a singular
                    // form further on is another clause's or a verbal noun ("أرسلت 100 من قواتها
                    // إلى المنطقة للتحقيق في محاولة قتل جاسوس")
                    .find_map(|(d, w)| {
                        // (قد and لقد do not part them: "28 شخص قد قتل")
                        let right_after =
                            words[from..from + d].iter().all(|v| matches!(v.bare.as_ref(), "قد" | "لقد"));
                        self.trigger(w)
                            .filter(|t| t.after && (agrees(w) || right_after || !t.before))
                            .map(|t| (d, t))
                    });
                // a complement's subject set off by a comma from its verb: "إن أكثر من 140
                // عنصرا من ميليشيا الحوثي، لقوا مصرعهم"
                let past_comma = || {
                    // the figure's first word, its qualifier's when it is written before it
                    let lead = num
                        .qualifier_span
                        .filter(|q| q.start() < num.span.start())
                        .and_then(|q| words.iter().position(|w| w.span.end() > q.start()))
                        .unwrap_or(first);
                    if lead.checked_sub(1).is_none_or(|j| !matches!(words[j].bare.as_ref(), "ان" | "بان"))
                    {
                        return None;
                    }
                    let d = words[from..]
                        .iter()
                        .take(8)
                        .position(|w| w.is_stop() || opens_clause(w) || w.kind == TokenKind::Number)?;
                    // only the people's complement before the comma ("من ميليشيا الحوثي
                    // الانقلابية", "من إحدى العزل بقبائل طوق صنعاء"), no verb of their own with
                    // its complement ("هاجموا القرية ليلا", "وصلوا إلى المدينة")
                    let own_verb = |w: &Word| {
                        (w.entity.is_none() && w.bare.ends_with("وا"))
                            || matches!(w.bare.as_ref(), "الى" | "في" | "علي" | "على" | "عن" | "داخل")
                    };
                    let complement = !words[from..from + d].iter().any(own_verb);
                    if !words[from + d].is_comma() || !complement {
                        return None;
                    }
                    // the verb, or its idiom's second word (لقوا مصرعهم), in the plural of many
                    // people ("قتل معظمهم", "قتل منهم 12" tell of some of them)
                    let verb = words.get(from + d + 1)?;
                    if verb.wa || verb.fa {
                        return None;
                    }
                    (from + d + 1..(from + d + 3).min(words.len()))
                        .take_while(|&j| !words[j].is_stop())
                        .find_map(|j| {
                            self.trigger(&words[j])
                                .filter(|t| t.after && agrees(&words[j]) && !own_people(j))
                                .map(|t| (j - from, t))
                        })
                };
                let after = near.or_else(|| self.after_forces(words, from)).or_else(past_comma);
                // "30 طفلا بين الجرحى": among the wounded
                // "60 شخصا بين جريح وقتيل": killed and wounded
                let among = (words.get(from).is_some_and(|w| w.bare == "بين"))
                    .then(|| words.get(from + 1).and_then(|w| self.kind_noun(w)))
                    .flatten()
                    .map(|k| match words.get(from + 2).filter(|w| w.wa).and_then(|w| self.kind_noun(w)) {
                        Some(other) if other != k => Kind::Casualties,
                        _ => k,
                    });
                let after = after.or(among.map(|kind| {
                    (
                        0,
                        lexicon::Trigger {
                            kind,
                            before: false,
                            after: true,
                            indefinite: false,
                            people: false,
                            bi: false,
                            min: false,
                            ala: false,
                            victim: false,
                        },
                    )
                }));
                // a trigger governs the first figure after it; a later one is an item of a list
                // ("قتل 11 من عناصر داعش و10 مدنيين") or nothing ("الذي شنه 200 مسلح")
                let floor = previous.map_or(0, |p| p.end_word + 1).min(first);
                // some words are casualty words only with the people named (خسارة 71 من
                // قواتها, not a team's خسارة 1 - 3)
                let people_named = noun.is_some() || nisba_side.is_some() || partitive.is_some();
                let before = (floor..first)
                    .rev()
                    .take(9)
                    .take_while(|&j| !words[j].is_stop())
                    .find_map(|j| {
                        let w = &words[j];
                        self.trigger(w)
                            .filter(|t| {
                                t.before && (people_named || !t.people) && self.needs_follow(t, words, j)
                            })
                            .map(|t| self.paired_kind(words, j, t.kind))
                            .or_else(|| self.kind_noun(w))
                    })
                    .filter(|_| !out_of);
                match (after, before) {
                    (Some((0, t)), _) if !t.before => {
                        rule = "after";
                        self.killed_or_wounded(words, from, t.kind)
                    }
                    (_, Some(k)) => {
                        rule = "before";
                        k
                    }
                    (Some((d, t)), None) => {
                        rule = "after";
                        self.killed_or_wounded(words, from + d, t.kind)
                    }
                    (None, None) => match previous.filter(|p| !out_of && self.listed(p, words, first)) {
                        // an item of a list: "قتل 142 مدنيا بينهم 38 طفلا، و116 شخصا"
                        Some(p) => {
                            rule = "list";
                            p.kind
                        }
                        None => return None,
                    },
                }
            }
        };
        let population = noun.and_then(|n| n.population);
        let others = noun.is_some() && population.is_none();
        let mut population = population.unwrap_or(Population::Unspecified);
        if group_people && population == Population::Unspecified {
            population = Population::Military;
        }
        if let Some((p, _)) = antecedent {
            population = p;
        }
        // "بعض القتلى من المدنيين وعددهم 232 شخصا": the people whose number it is
        if population == Population::Unspecified
            && first >= 1
            && matches!(words[first - 1].bare.as_ref(), "عددهم" | "عددهن")
        {
            population = words[first.saturating_sub(5)..first - 1]
                .iter()
                .rev()
                .take_while(|w| !w.is_stop())
                .find_map(|w| {
                    self.noun(w).and_then(|(n, _)| n.population).filter(|&p| p != Population::Unspecified)
                })
                .unwrap_or(population);
        }
        // people among a figure's people are of its population: "إن 29 مدنيا قتلوا في غارات
        // جوية، من بينهم 17 شخصا في بلدة دوما"
        if population == Population::Unspecified
            && rule == "list"
            && let Some(p) = previous
            && words.get(p.end_word + 1..first).is_some_and(|b| b.iter().any(Self::is_subset))
        {
            population = p.population;
        }
        // after the noun: من + people, a nisba, a name
        let bare_figure = noun_at.is_none() && nisba_side.is_none();
        let mut side = nisba_side;
        let tail: Vec<&Word> = words[end + 1..]
            .iter()
            .take(6)
            .take_while(|w| !w.is_stop() && w.kind != TokenKind::Number)
            .collect();
        let mut j = 0;
        while j < tail.len() && side.is_none() {
            let w = tail[j];
            if w.bare == "من" || self.marker(w) == Some(Marker::Ranks) || w.bare == "في" {
                j += 1;
                continue;
            }
            // who did the harm is named after its means or hands, not whose the people were
            // (برصاص الاحتلال الإسرائيلي, بنيران القوات, على يد مسلحين)
            if self.names_agent(&words[end + 1..], j, true) {
                break;
            }
            // fighters of the other side, then people after و who are not: two sides, and
            // what follows is the second people's ("سبعة من المسلحين وجنديان هنديان": the
            // soldiers are India's, not the militants); people of one side go on sharing it
            // ("7 من ضباط وأفراد الحرس", "100 من أفراد البحرية والمدنيين الأميركيين")
            if w.wa
                && !self.is_hostile(w)
                && self.noun(w).is_some_and(|(n, _)| n.kind.is_none())
                && (words.get(end).is_some_and(|v| self.is_hostile(v))
                    || tail[..j].iter().any(|v| self.is_hostile(v)))
            {
                break;
            }
            if let Some(e) = self.entity_of(w) {
                // "من الجيش الأرميني", "في صفوف القوات", and a construct: "عدد عناصر داعش"
                let construct = j >= 1 && self.noun(tail[j - 1]).is_some_and(|(n, _)| n.kind.is_none());
                if matches!(self.entity_type(e), EntityType::Gpe | EntityType::Org)
                    && (j == 0
                        || construct
                        || tail[..j].iter().any(|v| v.bare == "من" || self.marker(v) == Some(Marker::Ranks)))
                {
                    if construct
                        && population == Population::Unspecified
                        && let Some((n, _)) = self.noun(tail[j - 1])
                    {
                        population = n.population.unwrap_or(population);
                    }
                    side = Some(self.side_of(e));
                    // قتيلا من الجيش الأرميني
                    self.forces_are_military(e, &mut population);
                }
                break;
            }
            // the adjective of a strike names the attacker (see `names_attacker`)
            let attacker = j >= 1 && self.names_attacker(tail[j - 1], w);
            if attacker && self.nisba(w).is_some() {
                break;
            }
            if let Some(c) = self.nisba(w) {
                side = Some(self.country(c));
                // "844 قتيلا من العراقيين المدنيين": the adjective after the people
                if population == Population::Unspecified
                    && let Some(adj) = tail.get(j + 1).filter(|a| !a.wa)
                    && let Some((n, _)) = self.noun(adj).filter(|(n, _)| n.kind.is_none())
                {
                    population = n.population.unwrap_or(population);
                }
                break;
            }
            // a construct or an adjective right after a noun of no population: "ثلاثة رجال
            // شرطة", "أربعة أشخاص مدنيين"; الأمن after such a noun makes them security forces
            // (رجال الأمن, أفراد الأمن; the word alone is no noun of people: انعدام الأمن, مجلس
            // الأمن)
            if j == 0 && noun_at.is_some() && population == Population::Unspecified && !w.wa {
                if let Some((n, _)) = self.noun(w).filter(|(n, _)| n.kind.is_none())
                    && let Some(p) = n.population.filter(|&p| p != Population::Unspecified)
                {
                    population = p;
                } else if w.bare == "الامن" {
                    population = Population::Military;
                }
            }
            // the members of a family are its people, whatever the noun said (أفراد is
            // mostly said of forces): "قتل 5 أفراد من عائلة واحدة", "ثلاثة من أفراد العائلة"
            if let Some((n, _)) = self.noun(w).filter(|(n, _)| n.group)
                && j == 0
                && noun_at.is_some()
                && !w.wa
            {
                population = n.population.unwrap_or(population);
            }
            if let Some((n, _)) = self.noun(w)
                && j <= 1
                && (population == Population::Unspecified || n.group)
                && tail[..j].iter().any(|v| v.bare == "من")
            {
                population = n.population.unwrap_or(population);
                partitive = Some(end + 1 + j);
            }
            if j >= 3 {
                break;
            }
            j += 1;
        }
        // "22 من المدنيين والمقاتلين", "27 شخصا من المدنيين والطلاب العسكريين": people of
        // both kinds
        if let Some(m) = partitive
            && population != Population::Unspecified
            && self
                .coordinated_population(words, m)
                .is_some_and(|p| p != population && p != Population::Unspecified)
        {
            population = Population::Unspecified;
        }
        // "وإصابة 37 آخرين", "قتل 29 جنديا وأصيب 175": the people of the figure before
        let mut hostile_before = false;
        if (others || bare_figure)
            && let Some(p) = previous
        {
            // "قتل 5 إرهابيين، وقتل 3 آخرين", not a figure far after
            hostile_before = p.hostile && first <= p.end_word + 12;
            // "أصيب 40 آخرون الكثير منهم مدنيون": people of mixed kinds, told so after them
            if population == Population::Unspecified && !mixed(words, end) {
                population = p.population;
            }
            side = side.or_else(|| p.side.clone());
        }
        // who is among the people: "بينهم 12 طفلا", "بينهم نساء وأطفال", after their verb and
        // a comma too ("23 شخصا قتلوا في الغارات، بينهم نساء وأطفال"), not past another figure
        let comma = |w: &Word| matches!(w.bare.as_ref(), "،" | ",");
        let among = words[end + 1..]
            .iter()
            .take(8)
            .take_while(|w| (!w.is_stop() || comma(w)) && w.kind != TokenKind::Number)
            .position(Self::is_subset)
            .and_then(|k| {
                let at = end + 2 + k;
                let counted = words.get(at).is_some_and(Self::is_count);
                let at = at + usize::from(counted);
                words.get(at).filter(|v| v.kind == TokenKind::Arabic).map(|v| (v, counted, at))
            });
        // women and children among them: civilians ("57 قتيلا بينهم 12 طفلا"); not with
        // fighters listed beside them ("25 شخصا بينهم مدنيون وعناصر قوات موالية للحكومة")
        // (an item of the list: after و, or after بالإضافة إلى, إلى جانب; the list ends at a
        // preposition: "بينهم أطفال ونساء جراء قصف الجيش" names who shelled, not who died)
        const LIST_ENDS: [&str; 10] =
            ["في", "جراء", "اثر", "بعد", "خلال", "عند", "بسبب", "نتيجه", "قرب", "علي"];
        let fighters_beside = |at: usize| {
            let list = words[at + 1..].iter().take(6).take_while(|w| {
                !w.is_stop() && w.kind != TokenKind::Number && !LIST_ENDS.contains(&w.bare.as_ref())
            });
            let mut after_ila = false;
            for w in list {
                let item = w.wa || after_ila;
                if item && self.noun(w).is_some_and(|(n, _)| n.population == Some(Population::Military)) {
                    return true;
                }
                after_ila = w.bare == "الي";
            }
            false
        };
        if population == Population::Unspecified
            && let Some((v, counted, at)) = among
            && self
                .noun(v)
                .is_some_and(|(n, _)| n.population == Some(Population::Civilian) && (n.plural || counted))
            && !fighters_beside(at)
        {
            population = Population::Civilian;
        }
        if population == Population::Unspecified
            && let Some(p) = self.said_to_be(words, end)
        {
            population = p;
        }
        // attackers among them: the dead of both sides ("30 شخصا بينهم خمسة انتحاريين")
        if side.is_none()
            && population == Population::Unspecified
            && let Some((v, _, _)) = among
            && self.is_hostile(v)
        {
            side = Some(Party::Both);
        }
        // whose ranks, before the figure: "ليصل العدد الإجمالي للخسائر البشرية في صفوف القوات
        // الأرمينية إلى 963"
        if side.is_none()
            && let Some(r) = words[..first]
                .iter()
                .rev()
                .take(10)
                .take_while(|w| !w.is_stop())
                .position(|w| self.marker(w) == Some(Marker::Ranks))
        {
            let r = first - 1 - r;
            side = self.ranks_of(&words[r + 1..first], &mut population, false);
        }
        // "وبلغ عدد القتلى من الشرطة 7": the people named before the figure, after the
        // casualty noun it counts
        if population == Population::Unspecified
            && noun_at.is_none()
            && first >= 3
            && words[first - 2].bare == "من"
            && self.kind_noun(&words[first - 3]).is_some()
            && let Some((n, _)) = self.noun(&words[first - 1]).filter(|(n, _)| n.kind.is_none())
        {
            population = n.population.unwrap_or(population);
        }
        // "6500 ضحية من الجانبين": in the figure's own clause; before the figure, for people
        // of no stated kind ("حصيلة القتلى، سواء من التنظيم والنظام أو المدنيين، إلى 610")
        // (سواء من: "whichever of", not على حد سواء: "alike")
        let both_before = || {
            population == Population::Unspecified
                && (first.saturating_sub(10)..first).rev().take_while(|&k| !words[k].is_hard_stop()).any(
                    |k| {
                        self.marker(&words[k]) == Some(Marker::Both)
                            || (words[k].bare == "سواء" && words.get(k + 1).is_some_and(|v| v.bare == "من"))
                    },
                )
        };
        if side.is_none()
            && !own
            && (tail.iter().any(|w| self.marker(w) == Some(Marker::Both)) || both_before())
        {
            side = Some(Party::Both);
        }
        // the two sides whose fighters were just counted: "أن 8 على الأقل من مسلحي التنظيم قتلوا،
        // فضلا عن إصابة العشرات من الطرفين"
        if of_both_sides
            && population == Population::Unspecified
            && previous.is_some_and(|p| p.population == Population::Military && first <= p.end_word + 12)
        {
            population = Population::Military;
        }
        let mut found = self
            .finish(num, count, qualifier, kind, population, words, first, end, side, own, rule, previous);
        found.hostile |= hostile_before;
        found.others = others && previous.is_none();
        Some(found)
    }

    /// The population of a people noun coordinated after the one at `m` ("من المدنيين
    /// والمقاتلين"), an adjective after it included ("والطلاب العسكريين": military).
    fn coordinated_population(&self, words: &[Word], m: usize) -> Option<Population> {
        let v = words.get(m + 1).filter(|v| v.wa && v.kind == TokenKind::Arabic)?;
        let (n, _) = self.noun(v).filter(|(n, _)| n.kind.is_none())?;
        let mut p = n.population?;
        if let Some(adj) = words.get(m + 2).filter(|a| !a.wa && !a.is_stop())
            && let Some((a, _)) = self.noun(adj)
            && let Some(ap) = a.population.filter(|&ap| ap != Population::Unspecified)
        {
            p = ap;
        }
        Some(p)
    }

    /// One person named as an item of a list after a figure: "بينهم أربعة أطفال وامرأة
    /// حامل", "بينهم فتاة بحالة حرجة", "وفرد من المباحث العامة".
    fn single_items(&self, words: &[Word], found: &[Found]) -> Vec<Found> {
        let mut out: Vec<Found> = Vec::new();
        for (q, w) in words.iter().enumerate() {
            let linked =
                w.wa || q.checked_sub(1).is_some_and(|p| Self::is_subset(&words[p]) || words[p].bare == "و");
            if !linked || w.kind != TokenKind::Arabic {
                continue;
            }
            let Some((n, _)) = self.noun(w) else { continue };
            // an institution is none of its people (عناصر من الجيش والشرطة)
            if n.kind.is_some() || n.population.is_none() || n.plural || n.body || self.is_dual(w) {
                continue;
            }
            // the figure before it, unless a figure already counts this word
            if found.iter().any(|f| f.at <= q && q <= f.end_word) {
                continue;
            }
            let Some(p) =
                out.iter().chain(found.iter()).filter(|f| f.end_word < q).max_by_key(|f| f.end_word)
            else {
                continue;
            };
            if p.count.is_none() || !self.listed(p, words, q) {
                continue;
            }
            // the attacker among the dead is not of the side of the others (بينهم الانتحاري)
            let hostile = self.is_hostile(w);
            let item = Found {
                at: q,
                end_word: q,
                noun: Some(w.stem.to_string()),
                count: Some(1),
                qualifier: "exact",
                kind: p.kind,
                population: n.population.unwrap_or(Population::Unspecified),
                side: if hostile { None } else { p.side.clone() },
                own_side: p.own_side && !hostile,
                hostile,
                cumulative: p.cumulative,
                evidence: w.span,
                rule: "list",
                others: false,
            };
            out.push(item);
        }
        out
    }

    /// Lives (أرواحهم, حياتهم): what people who lost them lost.
    fn lives(w: &Word) -> bool {
        w.bare.starts_with("ارواح") || w.bare.starts_with("حيات")
    }

    /// Whether the people of a claim "lost their lives" (100 طفل فقدوا أرواحهم): they were
    /// killed, not missing.
    fn lost_lives(words: &[Word], c: &Found) -> bool {
        let lost =
            |w: &Word| w.stem.starts_with("فقد") || matches!(w.bare.as_ref(), "فقدوا" | "فقدن" | "يفقدون");
        let after = &words[(c.end_word + 1).min(words.len())..];
        after.windows(2).take(8).take_while(|p| !p[0].is_stop()).any(|p| lost(&p[0]) && Self::lives(&p[1]))
            || words.windows(2).any(|p| c.evidence.contains(p[0].span) && lost(&p[0]) && Self::lives(&p[1]))
    }

    /// A figure of the missing that says what the people lost (فقد: to lose, and to go
    /// missing): "فقدان نحو مليون شخص لوظائفهم", "وفقد عدد كبير من الأسر كل شيء", "فقدان أكثر
    /// من ثلاثة ملايين طفل يمني حقهم في التعليم", "قد فقدوا وضع الحماية المؤقتة".
    fn lost_something(&self, words: &[Word], c: &Found) -> bool {
        let lost = words.iter().filter(|w| c.evidence.contains(w.span)).any(|w| w.stem.starts_with("فقد"));
        // what they lost, after the people (and their nisba): a noun with li, all, a right
        let what = lost
            && words[c.end_word + 1..].iter().take(2).take_while(|w| !w.is_stop()).any(|w| {
                (w.prep && w.bare.starts_with('ل') && !w.bare.starts_with("لل"))
                    || matches!(w.bare.as_ref(), "كل" | "حق" | "حقهم" | "حقوقهم" | "وظائفهم" | "الوظائف")
            });
        // the people, then the verb they lost something with, its object right after it (250
        // ألف مهاجر ... قد فقدوا وضع الحماية المؤقتة); not the people who went missing (فقدوا
        // في البحر, فقدوا منذ, فقد أثرهم)
        let object = || {
            let after = &words[(c.end_word + 1).min(words.len())..];
            let Some(v) = after.iter().take(8).take_while(|w| !w.is_stop()).position(|w| {
                w.kind == TokenKind::Arabic && matches!(w.bare.as_ref(), "فقدوا" | "فقدن" | "يفقدون" | "فقدا")
            }) else {
                return false;
            };
            // (what they lost is a thing of theirs, with its pronoun: منازلهم, أطرافهم,
            // آباءهم; or a status or a right: وضع, حق; not a place or a time: قبالة سواحل
            // ليبيا, الأحد)
            after.get(v + 1).is_some_and(|o| {
                o.kind == TokenKind::Arabic
                    && !o.bare.starts_with("اثر")
                    && !Self::lives(o)
                    && (o.bare.ends_with("هم")
                        || o.bare.ends_with("هن")
                        || matches!(
                            o.stem.as_ref(),
                            "وضع" | "حق" | "حقوق" | "صفه" | "جنسيه" | "وظائف" | "عمل"
                        ))
            })
        };
        what || (c.kind == Kind::Missing && object())
    }

    /// Whether a claim was told in paragraph `block` or the one before it.
    fn just_told(&self, o: &Casualty, block: usize) -> bool {
        self.a
            .blocks
            .iter()
            .position(|b| b.contains(o.evidence))
            .is_some_and(|b| b == block || b + 1 == block)
    }

    /// One person said to be among the dead or the wounded: "من بين القتلى ضابط برتبة
    /// نقيب" (an officer among the dead).
    fn one_among_the(&self, words: &[Word]) -> Vec<Found> {
        let mut out = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if w.bare != "بين" {
                continue;
            }
            let Some(kind) = words.get(i + 1).and_then(|v| self.kind_noun(v)) else { continue };
            if !matches!(kind, Kind::Killed | Kind::Wounded) {
                continue;
            }
            let Some(person) = words.get(i + 2) else { continue };
            let Some((n, _)) = self.noun(person) else { continue };
            if n.kind.is_some() || n.plural || self.is_dual(person) {
                continue;
            }
            let Some(population) = n.population else { continue };
            let start = if i > 0 && words[i - 1].bare == "من" { i - 1 } else { i };
            out.push(Found {
                at: start,
                end_word: i + 2,
                noun: Some(person.stem.to_string()),
                count: Some(1),
                qualifier: "exact",
                kind,
                population,
                side: None,
                own_side: false,
                hostile: self.is_hostile(person),
                cumulative: false,
                evidence: Span::new(words[start].span.start(), person.span.end()),
                rule: "among",
                others: false,
            });
        }
        out
    }

    /// Whether a noun is a dual (جريحين, جنديان): a figure of its own.
    fn is_dual(&self, w: &Word) -> bool {
        (w.stem.ends_with("ين") || w.stem.ends_with("ان"))
            && !self.lex.nouns.contains_key(w.stem.as_ref())
            && self.noun(w).is_some_and(|(n, _)| !n.plural)
    }

    /// Whether the number at word `first` is the next item of a list after the figure
    /// `previous`: "بينهم 38 طفلا", "، و116 من قوات النظام", "9 أفراد من الفرقة الأولى و 12
    /// فردا": only a comma, a subset word (بينهم، منهم) or a conjunction, after at most a
    /// short من-complement of the previous noun.
    fn listed(&self, previous: &Found, words: &[Word], first: usize) -> bool {
        let Some(between) = words.get(previous.end_word + 1..first) else { return false };
        let mut rest = between;
        // the previous noun's complement: "من الفرقة الأمنية الأولى", "من عناصر داعش"
        if rest.first().is_some_and(|w| !w.is_stop() && !w.wa && w.bare != "و") {
            // up to the next comma or و, a parenthesis included: "من الفرقة الأمنية الأولى
            // (كتيبة ثوار طرابلس)،"
            let mut n = 0;
            let mut depth = 0usize;
            while let Some(w) = rest.get(n) {
                match w.bare.as_ref() {
                    "(" => depth += 1,
                    ")" => depth = depth.saturating_sub(1),
                    _ if depth == 0 && (w.is_stop() || w.bare == "و" || w.wa || Self::is_subset(w)) => break,
                    _ => {}
                }
                n += 1;
            }
            if n > 10 {
                return false;
            }
            rest = &rest[n..];
        }
        let coordinated = words[first].wa || rest.last().is_some_and(|w| w.bare == "و");
        let subset = rest.iter().any(Self::is_subset);
        (coordinated || subset)
            && rest.iter().all(|w| matches!(w.bare.as_ref(), "،" | "," | "و" | "من") || Self::is_subset(w))
    }

    /// Whether the words at `k` say "out of" a figure: من أصل، من ضمن، من مجموع and a number
    /// (not من أصل إيراني, of Iranian origin).
    fn out_of(words: &[Word], k: usize) -> bool {
        words.get(k).is_some_and(|v| v.bare == "من")
            && words.get(k + 1).is_some_and(|u| matches!(u.bare.as_ref(), "اصل" | "ضمن" | "مجموع"))
            && words.get(k + 2).is_some_and(Self::is_count)
    }

    /// A figure in digits or in words (12, أربعة, ثلاثة آلاف).
    fn is_count(w: &Word) -> bool {
        w.kind == TokenKind::Number
            || (w.kind == TokenKind::Arabic && {
                // keyed words end in ه where the lexicon has ة (اربعه)
                let word = w.bare.strip_suffix('ه').map_or_else(|| w.bare.to_string(), |s| format!("{s}ة"));
                NumberParser::builtin().cardinal(&[&word]).is_some()
            })
    }

    /// "بينهم", "من بينهم", "منهم": a subset of the figure before follows.
    fn is_subset(w: &Word) -> bool {
        matches!(w.stem.as_ref(), "بينهم" | "منهم" | "بينهن" | "منهن")
            || matches!(w.bare.as_ref(), "بينهم" | "منهم" | "بينهن" | "منهن")
    }

    /// The kind of the people a civilian figure is said to be among, right after it: "30 طفلا
    /// بين الجرحى" (the wounded), "بين القتلى" (the dead).
    fn among_the(&self, words: &[Word], c: &Found) -> Option<Kind> {
        if c.population != Population::Civilian || c.count.is_none() {
            return None;
        }
        let at = words.partition_point(|w| w.span.start() < c.evidence.end());
        let (between, noun) = (words.get(at)?, words.get(at + 1)?);
        if between.bare != "بين" {
            return None;
        }
        self.kind_noun(noun).filter(|&k| matches!(k, Kind::Killed | Kind::Wounded))
    }

    /// What the people of a figure ending at word `end` were, said after them: "1120 من
    /// الأشخاص الذين قتلوا في العراق الشهر الماضي، كانوا من المدنيين"; "وقتل آخر، قالت
    /// السلطات الهندية إنه مقاتل"; "أسفر عن مقتل 12 شخصا ... جميعهم من المدنيين" (all of them:
    /// what most of them were, معظمهم من قوات الأمن, is not what they all were).
    fn said_to_be(&self, words: &[Word], end: usize) -> Option<Population> {
        let comma = |w: &Word| matches!(w.bare.as_ref(), "،" | ",");
        let k = words
            .get(end + 1..)?
            .iter()
            .take(12)
            .take_while(|w| (!w.is_stop() || comma(w)) && w.kind != TokenKind::Number)
            .position(|w| {
                matches!(
                    w.bare.as_ref(),
                    "كانوا" | "كن" | "انه" | "انهم" | "انها" | "انهن" | "جميعهم" | "كلهم"
                )
            })?;
        let v = words.get(end + 2 + k..)?.iter().take(2).find(|v| v.bare != "من")?;
        self.noun(v).filter(|(n, _)| n.kind.is_none()).and_then(|(n, _)| n.population)
    }

    /// Whose people most or all of a figure ending at word `end` were, said after them (26
    /// شخصا قتلوا في الهجوم، أغلبهم إيرانيون; جميعهم من الجنسية المصرية): the country of the nisba
    /// after أغلبهم, معظمهم, غالبيتهم, جميعهم or كلهم (with من or not), within the sentence.
    fn said_to_be_of(&self, words: &[Word], end: usize) -> Option<Party> {
        let comma = |w: &Word| matches!(w.bare.as_ref(), "،" | ",");
        let after = words.get(end + 1..)?;
        let k = after
            .iter()
            .take(12)
            .take_while(|w| (!w.is_stop() || comma(w)) && w.kind != TokenKind::Number)
            .position(|w| {
                matches!(w.bare.as_ref(), "اغلبهم" | "معظمهم" | "غالبيتهم" | "جميعهم" | "كلهم" | "اكثرهم")
            })?;
        // (من and the word nationality skipped: جميعهم من الجنسية المصرية)
        let v = after
            .get(k + 1..)?
            .iter()
            .take(3)
            .find(|v| !matches!(v.bare.as_ref(), "من" | "الجنسيه" | "جنسيه" | "جنسيات" | "الجنسيات"))?;
        self.nisba(v).map(|c| self.country(c))
    }

    /// A verb "include" (تشمل، يتضمن).
    fn is_include(w: &Word) -> bool {
        matches!(w.bare.as_ref(), "تشمل" | "يشمل" | "تتضمن" | "يتضمن")
    }

    /// The sentence says that the figures do not count the forces: "ولا تشمل هذه الأرقام أفراد
    /// الشرطة والجيش الأفغانيين" (a negated "include", the figures as its subject, a noun of
    /// soldiers or police after it).
    fn excludes_forces(&self, words: &[Word]) -> bool {
        let figures =
            |w: &Word| matches!(w.bare.as_ref(), "الارقام" | "الحصيله" | "الاعداد" | "الاحصاءات" | "الاحصائيات");
        words.windows(2).enumerate().any(|(i, pair)| {
            matches!(pair[0].bare.as_ref(), "لا" | "لم")
                && Self::is_include(&pair[1])
                && words[i + 2..].iter().take(3).any(figures)
                && words[i + 2..].iter().take(10).take_while(|w| !w.is_stop()).any(|w| {
                    self.noun(w)
                        .is_some_and(|(n, _)| n.kind.is_none() && n.population == Some(Population::Military))
                })
        })
    }

    /// A noun that carries a kind (القتلى, الجرحى) standing before a number.
    fn kind_noun(&self, w: &Word) -> Option<Kind> {
        self.noun(w).and_then(|(n, _)| n.kind)
    }

    #[allow(clippy::too_many_arguments)]
    fn finish(
        &self,
        num: &NumberExpr,
        count: Option<u64>,
        qualifier: &'static str,
        kind: Kind,
        population: Population,
        words: &[Word],
        first: usize,
        end: usize,
        side: Option<Party>,
        own_side: bool,
        rule: &'static str,
        previous: Option<&Found>,
    ) -> Found {
        // evidence: from the nearest trigger before (within the clause), or the one it is
        // joined to (قتل وجرح), to the noun
        let mut start = num.span.start();
        for j in (0..first).rev().take(9).take_while(|&j| !words[j].is_stop()) {
            if let Some(t) = self.trigger(&words[j]).filter(|t| self.needs_follow(t, words, j)) {
                let paired = self.paired_kind(words, j, t.kind) != t.kind;
                start = words[if paired { j - 1 } else { j }].span.start();
                break;
            }
        }
        let mut stop = words.get(end).map_or(num.span.end(), |w| w.span.end()).max(num.span.end());
        if let Some(q) = num.qualifier_span {
            start = start.min(q.start());
            stop = stop.max(q.end());
        }
        // a figure a toll reaches (إلى just before it) is a running total when the toll rose
        // or reached it, however long its subject (ارتفعت الحصيلة المؤقتة للأمطار الغزيرة التي
        // هطلت الأسبوع الماضي على غرب اليابان إلى 179 قتيلا; عدد القتلى في صفوف المتمردين وصل
        // إلى أكثر من 30)
        // (or before its qualifier: إلى أكثر من 30, إلى نحو 60); not إلى of a cause (أدى إلى
        // مقتل عشرات الجنود), and not a bound (قتل ما يصل إلى 99 مدنيا: up to 99)
        let opens = num.qualifier_span.map_or(num.span.start(), |q| q.start().min(num.span.start()));
        let opening = words.iter().position(|w| w.span.end() > opens).unwrap_or(first);
        let to_total = opening.checked_sub(1).is_some_and(|j| words[j].bare == "الي");
        let bound = opening >= 3 && words[opening - 3].bare == "ما";
        let reach = |w: &Word| {
            matches!(w.stem.as_ref(), "وصل" | "وصلت" | "يصل" | "تصل" | "بلغ" | "بلغت" | "يبلغ" | "تبلغ")
        };
        let rise = |w: &Word| self.marker(w) == Some(Marker::Cumulative) || reach(w);
        // the verb that raised or brought the toll to the figure: within six words of إلى, or
        // further with the toll's noun between (الحصيلة المؤقتة للأمطار ... إلى 179, عدد
        // القتلى في صفوف المتمردين ... وصل إلى 30)
        let toll = |w: &Word| matches!(w.stem.as_ref(), "عدد" | "حصيله" | "اعداد" | "حصيلتها" | "حصيلته");
        let to_total = to_total && !bound && {
            let before = &words[..opening.saturating_sub(1)];
            // (past a comma with the toll's noun between: وارتفعت بذلك حصيلة القتلى ... خلال
            // الأسابيع السبعة الأخيرة، سواء من التنظيم والنظام أو المدنيين إلى 610 قتيلا)
            let clause = before.iter().rev().take_while(|w| !w.is_stop()).count();
            before.iter().rev().take(20).take_while(|w| !w.is_hard_stop()).enumerate().any(|(d, w)| {
                rise(w) && ((d < 6 && d < clause) || before[before.len() - d..].iter().any(toll))
            })
        };
        // (not "the worst since": اشتباكات هي الأسوأ منذ حرب 2020, الأكثر دموية منذ)
        // (أكثر only with its article: أكثر من 240 is "more than")
        let superlative = |w: &Word| {
            SUPERLATIVES.contains(&w.stem.strip_prefix("ال").unwrap_or(&w.stem)) || w.bare == "الاكثر"
        };
        let marks_total = |k: usize| {
            // (so far: وتسبب الهجوم حتى الآن بمقتل أكثر من 1220 مدنيا; not "not so far": لم
            // تتبن أي جهة حتى الآن الهجوم)
            let so_far = words[k].bare == "الان"
                && k >= 1
                && matches!(words[k - 1].bare.as_ref(), "حتي" | "حتى")
                && !words[k.saturating_sub(5)..k]
                    .iter()
                    .any(|v| matches!(v.bare.as_ref(), "لم" | "لا" | "لن"));
            so_far
                || self.marker(&words[k]) == Some(Marker::Cumulative)
                    && !(words[k].bare.ends_with("منذ")
                        && words[k.saturating_sub(4)..k].iter().any(superlative))
        };
        let cumulative = to_total
            || (0..first)
                .rev()
                .take(12)
                .take_while(|&k| !words[k].is_stop())
                .chain((end + 1..words.len()).take(5).take_while(|&k| !words[k].is_stop()))
                .any(marks_total);
        // who the people are (جنود, مدنيين), not what befell them (قتلى) nor آخرين; with
        // آخرين after it when they are more of them (خمسة جنود آخرين: five other soldiers, not
        // the five soldiers of an earlier sentence), unless they are others than the figure
        // before them in the sentence (قتل 4 أشخاص وأصيب 30 شخصا آخرين)
        let others = |w: &Word| self.noun(w).is_some_and(|(n, _)| n.kind.is_none() && n.population.is_none());
        let noun = words
            .get(end)
            .filter(|w| self.noun(w).is_some_and(|(n, _)| n.kind.is_none() && n.population.is_some()))
            .map(|w| {
                let mut noun = w.stem.strip_suffix('ا').unwrap_or(&w.stem).to_string();
                if previous.is_none() && words.get(end + 1).is_some_and(others) {
                    noun.push_str(" اخرين");
                }
                noun
            });
        Found {
            at: first,
            end_word: end.max(first),
            noun,
            count,
            qualifier,
            kind,
            population,
            side,
            own_side,
            hostile: self.hostile_people(words, end),
            cumulative,
            evidence: Span::new(start, stop),
            rule,
            others: false,
        }
    }

    /// Claims without a number: a casualty word followed by people in the plural or by
    /// "في صفوف" (مقتل عسكريين أذريين, خسائر في صفوف العسكريين).
    fn uncounted(&self, words: &[Word]) -> Vec<Found> {
        let mut out = Vec::new();
        // the people at `k` are counted out of a figure after them: "آخر من ضمن 10 ارهابيين"
        let out_of_after = |k: usize| Self::out_of(words, k + 1);
        for (i, w) in words.iter().enumerate() {
            let Some(t) = self.trigger(w).filter(|t| t.before && self.needs_follow(t, words, i)) else {
                continue;
            };
            // mourning or praying for souls (حدادا على أرواح مرتبات الأمن) tells of the dead
            // again, not of a toll
            if w.stem == "ارواح" && i > 0 && words[i - 1].bare == "علي" {
                continue;
            }
            // a place named after what is done there (مركز احتجاز الأطفال المهاجرين, سجن
            // اعتقال, معسكرات الاحتجاز): no one is taken here
            if i > 0
                && matches!(
                    words[i - 1].stem.as_ref(),
                    "مركز"
                        | "مراكز"
                        | "معسكر"
                        | "معسكرات"
                        | "مرفق"
                        | "مرافق"
                        | "منشاه"
                        | "منشات"
                        | "سجن"
                        | "سجون"
                )
            {
                continue;
            }
            // without losses: "دون خسائر في صفوف المدنيين", "بدون وقوع إصابات"
            if words[..i]
                .iter()
                .rev()
                .take(2)
                .any(|v| matches!(v.stem.as_ref(), "دون" | "دونما") || v.bare == "بلا")
            {
                continue;
            }
            let Some(next) = words.get(i + 1) else { continue };
            let mut k = i + 1;
            let ranks = next.bare == "في"
                && words.get(i + 2).is_some_and(|v| self.marker(v) == Some(Marker::Ranks))
                || self.marker(next) == Some(Marker::Ranks);
            if ranks {
                k = if self.marker(next) == Some(Marker::Ranks) { i + 2 } else { i + 3 };
            }
            // one person: "مقتل جندي", "بقتل أحد عسكرييها"
            let one = !ranks && matches!(next.bare.as_ref(), "احد" | "احدى" | "احدي");
            if one {
                k = i + 2;
            }
            // a fighter jet falls (سقوط مقاتلة إسرائيلية); a fighter dies (مصرع مقاتلة بريطانية)
            let jet = matches!(w.stem.as_ref(), "سقوط" | "اسقاط")
                && words
                    .get(k)
                    .is_some_and(|v| matches!(v.stem.as_ref(), "مقاتله" | "مقاتلتين" | "مقاتلتان"));
            // one more of the people before: "قتل جندي وأصيب آخر", "وقتل آخر، قالت السلطات";
            // two more: "قتل ثلاثة مدنيين وأصيب آخران"; more, uncounted: "وأصيب آخرون حين
            // أطلقت الشرطة النار" (the nominative plural: the subject of the verb), "وقتل
            // بعضهم في الهجوم"; not "قتل آخر جندي" (the last soldier)
            // (after a verb: "إصابات بعضهم حرجة" describes the wounded of a figure before)
            let verb = matches!(w.stem.as_ref(), "قتل" | "جرح" | "اصيب" | "اعتقل" | "اسر" | "خطف" | "اختطف");
            let some = !ranks && !one && verb && matches!(next.bare.as_ref(), "بعضهم" | "بعضهن");
            // some of a people: "وقتل بعض الأجانب"
            let some_of = !ranks
                && !one
                && verb
                && next.bare == "بعض"
                && words
                    .get(i + 2)
                    .and_then(|v| self.noun(v))
                    .is_some_and(|(n, _)| n.kind.is_none() && n.plural && n.population.is_some());
            if some_of {
                k = i + 2;
            }
            // a number of a people, uncounted: "مقتل عدد من الجنود", "اختطاف عدد آخر من
            // المدنيين", "عدد كبير من المسلحين"
            let number_of = (!ranks && !one && !some_of && next.bare == "عدد")
                .then(|| {
                    let described = words[i + 2..]
                        .iter()
                        .take(2)
                        .take_while(|v| {
                            matches!(v.bare.as_ref(), "كبير" | "اخر" | "قليل" | "غير" | "محدد" | "محدود")
                        })
                        .count();
                    let at = i + 2 + described;
                    words.get(at).filter(|v| v.bare == "من").map(|_| at + 1)
                })
                .flatten()
                .filter(|&j| {
                    words
                        .get(j)
                        .and_then(|v| self.noun(v))
                        .is_some_and(|(n, _)| n.kind.is_none() && n.plural && n.population.is_some())
                });
            if let Some(j) = number_of {
                k = j;
            }
            // a force named first is the killer, the people after it the killed: "قتل قوات
            // الأمن الأطفال وصحافيين" (the verbal noun's subject, then its object)
            let civilian = |v: &Word| {
                self.noun(v)
                    .is_some_and(|(n, _)| n.kind.is_none() && n.population == Some(Population::Civilian))
            };
            let force_first = words
                .get(k)
                .and_then(|v| self.noun(v))
                .is_some_and(|(n, _)| n.kind.is_none() && n.population == Some(Population::Military));
            let mut agent_first = false;
            if force_first
                && let Some(j) = (k + 1..(k + 3).min(words.len()))
                    .find(|&j| !words[j].wa && words[j].bare.starts_with("ال") && civilian(&words[j]))
            {
                k = j;
                agent_first = true;
            }
            let mut another = false;
            // indefinite people after ب are what it is tied to or cites, not who was hit
            // (ارتبط هذا النزوح بشخص محمد علي, بالاستشهاد بنساء); the definite are whom it
            // befell (لحقت الإصابة بالجندي)
            let tied = |v: &&Word| v.prep && v.bare.starts_with('ب') && !v.bare.starts_with("بال");
            let (population, plural, own) =
                match words.get(k).filter(|v| !jet && !tied(v)).and_then(|v| self.noun(v)) {
                    _ if some => {
                        another = true;
                        (None, true, false)
                    }
                    // the family, with the article, is more often a line of kings or an
                    // institution than people hit (سقوط الأسرة السادسة)
                    Some((n, _)) if n.group && words[k].bare.starts_with("ال") => {
                        continue;
                    }
                    // an institution is not one person hit (إصابة الشرطة)
                    Some((n, _)) if n.body => continue,
                    Some((n, own)) if n.kind.is_none() && n.population.is_some() => {
                        (n.population, n.plural, own)
                    }
                    Some((n, _))
                        if n.kind.is_none()
                        && n.population.is_none()
                        && !ranks
                        && !one
                        // indefinite as written: not الآخر, بالآخر; the dual in the
                        // nominative only (آخرين is as often a plural)
                        && matches!(words[k].bare.as_ref(), "اخر" | "اخران" | "اخرون")
                        && words.get(k + 1).is_none_or(|v| {
                            v.is_stop()
                                || v.wa
                                || matches!(
                                    v.bare.as_ref(),
                                    "في" | "بجروح" | "جراء" | "اثر" | "خلال" | "حين" | "عندما"
                                )
                                // out of everyone there: "واصابة آخر من ضمن 10 ارهابيين"
                                || out_of_after(k)
                        }) =>
                    {
                        another = true;
                        (None, words[k].bare == "اخرون", false)
                    }
                    _ if ranks => (None, true, false),
                    // a people in the plural, uncounted: "مقتل فلسطينيين", "وفاة فلسطينيين";
                    // indefinite, in the oblique: with the article they are a whole people
                    // spoken of (أرواح الفلسطينيين, قتل الفلسطينيين بدم بارد), in the
                    // nominative the subject that acts (اعتقل الأمريكيون صدام حسين); not lost
                    // goods (خسارة سوريين لأملاكهم); a singular nisba is as often the adjective of
                    // a noun before (إصابة روسية)
                    None if !one
                        && !jet
                        && !matches!(w.stem.as_ref(), "خساره" | "خسائر")
                        // (not what any attack might do: "سترد على أي هجمات تؤدي إلى إصابة
                        // أميركيين"; not a charge or a demand: "متهما بقتل إسرائيليين", "وقف
                        // قتل فلسطينيين")
                        && !words[i.saturating_sub(8)..i].iter().any(|v| v.bare == "اي")
                        && !w.prep
                        && !i.checked_sub(1).is_some_and(|p| {
                            matches!(words[p].stem.as_ref(), "وقف" | "ايقاف" | "منع" | "عدم" | "لوقف")
                        })
                        && words.get(k).is_some_and(|v| {
                            !v.prep
                                && !v.bare.starts_with("ال")
                                && v.bare.ends_with("ين")
                                && self.nisba(v).is_some()
                        })
                        // (a number after them counts them: "مقتل فلسطينيين اثنين")
                        && words.get(k + 1).is_none_or(|v| !Self::is_count(v)) =>
                    {
                        (None, true, false)
                    }
                    _ => continue,
                };
            if !ranks && number_of.is_none() && !agent_first && k != i + 1 + usize::from(one || some_of) {
                continue;
            }
            // "مقتل المجندين الثلاثة": a definite number after the definite people counts them
            let definite_count = words
                .get(k + 1)
                .filter(|_| plural && words[k].bare.starts_with("ال"))
                .and_then(|v| v.bare.strip_prefix("ال"))
                .and_then(|n| {
                    let n = n.strip_suffix('ه').map_or_else(|| n.to_string(), |s| format!("{s}ة"));
                    NumberParser::builtin().cardinal(&[&n])
                })
                .filter(|&(v, used)| used == 1 && v >= 2)
                .map(|(v, _)| v);
            // a people's plural and dual are written alike (فلسطينيين); one of the two after
            // them (أحدهما, إصابتهما) makes it the dual: "وفاة فلسطينيين السبت أحدهما صحفي"
            let two = words.get(k).and_then(|v| self.nisba(v)).is_some()
                && words[k + 1..]
                    .iter()
                    .take(8)
                    .take_while(|v| !v.is_hard_stop())
                    .any(|v| v.bare.ends_with("هما") && !v.bare.ends_with("منهما"));
            let count = if another && words[k].bare == "اخران" || two {
                Some(2)
            } else if one || (!plural && !self.is_dual(&words[k])) {
                Some(1)
            } else {
                definite_count
            };
            if !plural && count.is_none() {
                continue;
            }
            // a figure right after ("مقتل جنود عددهم 5") is the number's claim
            let mut population = population.unwrap_or(Population::Unspecified);
            // parentheses do not end the clause: "في صفوف العسكريين (الأذريين)"; a time clause
            // does, whose subject is the shooter ("وأصيب آخرون حين أطلقت الشرطة النار")
            let clause =
                words[k..].iter().filter(|v| v.bare != "(" && v.bare != ")").take(4).take_while(|v| {
                    !v.is_stop() && v.kind != TokenKind::Number && !matches!(v.bare.as_ref(), "حين" | "عندما")
                });
            let side = self.ranks_of(clause, &mut population, true);
            // people of both kinds: "إصابة عدد من أفراد الشرطة والمدنيين"
            if number_of.is_some()
                && population != Population::Unspecified
                && (self.coordinated_population(words, k))
                    .or_else(|| self.coordinated_population(words, k + 1))
                    .is_some_and(|p| p != population && p != Population::Unspecified)
            {
                population = Population::Unspecified;
            }
            let end = words[k..]
                .iter()
                .take(if out_of_after(k) { 1 } else { 4 })
                .take_while(|v| !v.is_stop())
                .last()
                .map_or(w.span.end(), |v| v.span.end());
            // killed and wounded together (قتل وجرح آخرون): the pair's evidence starts at its first verb
            let kind = self.paired_kind(words, i, t.kind);
            let from = if kind == t.kind { i } else { i - 1 };
            // one person "at least" (لقي شخص على الأقل مصرعه)
            let at_least = words.get(k + 1).is_some_and(|v| v.bare == "علي")
                && words.get(k + 2).is_some_and(|v| v.bare == "الاقل");
            out.push(Found {
                at: i,
                end_word: k,
                noun: words.get(k).map(|v| v.stem.strip_suffix('ا').unwrap_or(&v.stem).to_string()),
                count,
                qualifier: match count {
                    Some(_) if at_least => "at_least",
                    Some(_) => "exact",
                    None => "unspecified",
                },
                kind,
                population,
                side,
                own_side: own || (ranks && words.get(k).is_some_and(|v| v.bare.ends_with("نا"))),
                hostile: words.get(k).is_some_and(|v| self.is_hostile(v)),
                cumulative: false,
                evidence: Span::new(words[from].span.start(), end),
                rule: if count.is_some() { "one" } else { "no-count" },
                others: another,
            });
        }
        out.extend(self.one_said_hit(words));
        out.extend(self.dead_in_the_ranks(words));
        out
    }

    /// The dead or the wounded, with no figure, in someone's ranks: "هناك قتلى وجرحى في صفوف
    /// الحوثيين", "سقوط قتلى في صفوف القوات الأرمينية". The casualty noun is indefinite and
    /// plural (not "عدد القتلى في صفوف الجيش", whose figure follows).
    fn dead_in_the_ranks(&self, words: &[Word]) -> Vec<Found> {
        let mut out = Vec::new();
        let indefinite_kind = |w: &Word| {
            self.noun(w)
                .filter(|(n, _)| n.plural && !w.stem.starts_with("ال") && !w.bare.starts_with("ال"))
                .and_then(|(n, _)| n.kind)
        };
        let mut i = 0;
        while i < words.len() {
            let Some(first) = indefinite_kind(&words[i]) else {
                i += 1;
                continue;
            };
            // "قتلى وجرحى": both
            let (kind, mut k) = match words.get(i + 1).filter(|v| v.wa).and_then(&indefinite_kind) {
                Some(other) if other != first => (Kind::Casualties, i + 2),
                _ => (first, i + 1),
            };
            if words.get(k).is_some_and(|v| v.bare == "في") {
                k += 1;
            }
            if !words.get(k).is_some_and(|v| self.marker(v) == Some(Marker::Ranks)) {
                i += 1;
                continue;
            }
            let mut population = Population::Unspecified;
            let clause = words[k + 1..]
                .iter()
                .filter(|v| v.bare != "(" && v.bare != ")")
                .take(4)
                .take_while(|v| !v.is_stop() && v.kind != TokenKind::Number);
            let side = self.ranks_of(clause, &mut population, true);
            // the evidence runs to the clause's last word read (في صفوف القوات الأرمينية)
            let end = k + words[k + 1..].iter().take(4).take_while(|v| !v.is_stop()).count();
            out.push(Found {
                at: i,
                end_word: end,
                noun: None,
                count: None,
                qualifier: "unspecified",
                kind,
                population,
                // fighters named as the other side in whose ranks they fell (سقوط قتلى بصفوف
                // الإرهابيين): the armed group's, not the army the article names
                hostile: side.is_none() && words.get(k + 1).is_some_and(|v| self.is_hostile(v)),
                side,
                own_side: words[k].bare.ends_with("نا"),
                cumulative: false,
                evidence: Span::new(words[i].span.start(), words[end].span.end()),
                rule: "no-count",
                others: false,
            });
            i = k + 1;
        }
        out
    }

    /// One person said to be hit, the verb after: "أعلنت القوة أن جنديا عاملا في الحلف قتل".
    /// The noun is indefinite and singular (its tanween alif written) right after the
    /// complementiser, and the verb follows within four words of the clause.
    fn one_said_hit(&self, words: &[Word]) -> Vec<Found> {
        let mut out = Vec::new();
        for (i, w) in words.iter().enumerate().skip(1) {
            if words[i - 1].bare != "ان" || !w.stem.ends_with('ا') {
                continue;
            }
            // the alif of tanween, not of a pronoun (جيشها قتل: its army killed)
            let Some((n, _)) = self.noun(w).filter(|&(n, own)| n.kind.is_none() && !n.plural && !own) else {
                continue;
            };
            let Some(population) = n.population else { continue };
            let verb = words[i + 1..]
                .iter()
                .enumerate()
                .take(4)
                .take_while(|(_, v)| !v.is_stop() && !v.wa && v.kind != TokenKind::Number && v.bare != "ان")
                .find_map(|(j, v)| self.trigger(v).filter(|t| t.after).map(|t| (i + 1 + j, v, t)));
            let Some((j, v, t)) = verb else { continue };
            // not a new clause (أطلق النار فقتل مدنيين: the soldier killed) nor a verb with
            // people or a figure as its object
            let object = words.get(j + 1).is_some_and(|o| {
                o.kind == TokenKind::Number
                    || self.noun(o).is_some()
                    || matches!(o.bare.as_ref(), "احد" | "احدي")
            });
            // a verb in the plural has more people than the one (رجلا وامرأتين أصيبوا)
            if v.wa || v.fa || object || v.bare.ends_with("وا") {
                continue;
            }
            // the body the one serves in, between the noun and the verb: "جنديا عاملا في الحلف"
            let side = words[i + 1..j].windows(2).find_map(|pair| {
                let e = self.entity_of(&pair[1]).filter(|&e| {
                    matches!(
                        self.entities_subtype(e),
                        Some("armed-group" | "armed-forces" | "faction-forces" | "alliance" | "police")
                    )
                })?;
                matches!(pair[0].bare.as_ref(), "في" | "من").then(|| self.side_of(e))
            });
            out.push(Found {
                at: i,
                end_word: i,
                noun: Some(w.stem.strip_suffix('ا').unwrap_or(&w.stem).to_string()),
                count: Some(1),
                qualifier: "exact",
                kind: t.kind,
                population,
                side,
                own_side: false,
                hostile: self.is_hostile(w),
                cumulative: false,
                evidence: Span::new(w.span.start(), v.span.end()),
                rule: "one",
                others: false,
            });
        }
        out
    }

    /// Whether the nisba adjective `w` after `prev` names an attacker: `prev` is a strike or
    /// an attack (markers.tsv: attack), whose adjective it is (same definiteness): "قتل 29
    /// مدنيا في قصف روسي", "جراء القصف التركي" (a Russian or Turkish strike: Syrians were
    /// killed).
    fn names_attacker(&self, prev: &Word, w: &Word) -> bool {
        let definite = |x: &Word| x.bare.starts_with("ال");
        !w.wa && self.marker(prev) == Some(Marker::Attack) && definite(prev) == definite(w)
    }

    /// Whether the means or the hands of the harm follow the figure's words ending at `end`,
    /// within its clause (`أصيب 900 آخرين برصاص الاحتلال`, `على يد مسلحين`).
    fn hit_by_agent(&self, words: &[Word], end: usize) -> bool {
        let after = words.get(end + 1..).unwrap_or_default();
        // (bullets or fire alone tell one side's harm, not both sides': `أصيب 491 بالرصاص الحي
        // خلال المواجهات`)
        (0..after.len().min(4))
            .take_while(|&j| !after[j].is_stop())
            .any(|j| self.names_agent(after, j, false))
    }

    /// Whether `words[j]` is the means or the hands of the harm, with `party` a party named
    /// after it: `برصاص الاحتلال الإسرائيلي`, `بنيران القوات التركية`, `على يد مسلحين`,
    /// `بأيدي عناصر` (the hand only after على or ب: `أصيب في اليد` is where; the bullets
    /// alone name no one: `قتل بالرصاص الحي خلال المواجهات`).
    fn names_agent(&self, words: &[Word], j: usize, party: bool) -> bool {
        let w = &words[j];
        if self.marker(w) != Some(Marker::Agent) {
            return false;
        }
        let hand = matches!(w.stem.as_ref(), "يد" | "ايدي" | "ايادي");
        if hand && !(w.prep || j.checked_sub(1).is_some_and(|p| words[p].bare == "علي")) {
            return false;
        }
        !party
            || words[j + 1..].iter().take(3).take_while(|v| !v.is_stop()).any(|v| {
                self.entity_of(v).is_some()
                    || self.nisba(v).is_some()
                    || self.is_hostile(v)
                    || self.noun(v).is_some_and(|(n, _)| n.population == Some(Population::Military))
            })
    }

    /// Whose ranks `words` name (`في صفوف القوات الأرمينية`, `مقتل عسكريين أذريين`): the side
    /// of the first country or body, or of the first nisba, which ends the reading; a noun of
    /// people before it gives the population when none is known, and with `forces` so does
    /// the body when it is an army or a police force.
    fn ranks_of<'w, 'n: 'w>(
        &self,
        words: impl IntoIterator<Item = &'w Word<'n>>,
        population: &mut Population,
        forces: bool,
    ) -> Option<Party> {
        let mut prev: Option<&Word> = None;
        for v in words {
            if prev.is_some_and(|p| self.names_attacker(p, v)) && self.nisba(v).is_some() {
                return None;
            }
            prev = Some(v);
            if let Some(e) = self.entity_of(v)
                && matches!(self.entity_type(e), EntityType::Gpe | EntityType::Org)
            {
                if forces {
                    self.forces_are_military(e, population);
                }
                return Some(self.side_of(e));
            }
            if let Some(c) = self.nisba(v) {
                return Some(self.country(c));
            }
            if let Some((n, _)) = self.noun(v)
                && *population == Population::Unspecified
            {
                *population = n.population.unwrap_or(*population);
            }
        }
        None
    }

    /// Who suffered the losses told from `from` on: the subject of تكبد (with `lost`, or of
    /// خسر: the losses whose owner nothing else tells, since خسر loses ground, wars and
    /// tourists as well) before them in the clause, a body or a country named right after the
    /// verb (`وتكبدت ميليشيات الحوثي عشرات القتلى`) or right before it (`أن ميليشيات الحوثي
    /// تكبدت أكثر من 120 قتيلاً`), with whether it is a force. Not the verbal noun with a
    /// pronoun (`عقب تكبدها خسائر`), whose owner is further back.
    fn sufferer(&self, words: &[Word], from: usize, lost: bool) -> Option<(Party, bool)> {
        let verbs: &[&str] = if lost {
            &["تكبد", "يتكبد", "تتكبد", "خسر", "يخسر", "تخسر"]
        } else {
            &["تكبد", "يتكبد", "تتكبد"]
        };
        let verb = (from.saturating_sub(10)..from.min(words.len()))
            .rev()
            .take_while(|&j| !words[j].is_hard_stop())
            .find(|&j| {
                let stem = words[j].stem.as_ref();
                verbs.iter().any(|v| {
                    stem.strip_prefix(v).is_some_and(|rest| matches!(rest, "" | "ت" | "وا" | "ون" | "ان"))
                })
            })?;
        let subject = |j: usize| -> Option<usize> {
            let e = words.get(j)?.entity?;
            matches!(self.a.entities[e].etype, EntityType::Gpe | EntityType::Org).then_some(e)
        };
        let e = subject(verb + 1).or_else(|| verb.checked_sub(1).and_then(subject))?;
        Some((self.side_of(e), self.is_force(e)))
    }

    /// Whom the possessive pronoun of the people at `noun` stands for, when no one speaks
    /// of them as their own: the body or country named last before `from` in its clause
    /// (a relative clause goes on with it: `باكستان، التي تشير إلى أن الآلاف من
    /// مواطنيها`), within twelve words. `ها` and `ه` stand for a body or a country; `هم`
    /// for a people named in the plural (`الحوثيين ... أحد عناصرهم`), not a man's
    /// (`الخطيب الحوثي ... الآباء إلى قتل أطفالهم`). A place owns no fighters.
    fn possessor(&self, words: &[Word], from: usize, noun: usize) -> Option<Party> {
        let plural = words.get(noun)?.bare.ends_with("هم");
        let mut j = from.min(words.len());
        let mut seen = 0;
        while j > 0 && seen < 12 {
            j -= 1;
            seen += 1;
            let w = &words[j];
            if w.is_stop() {
                let relative = w.bare == "،" || w.bare == ",";
                if relative
                    && words.get(j + 1).is_some_and(|v| matches!(v.bare.as_ref(), "التي" | "الذي" | "الذين"))
                {
                    continue;
                }
                return None;
            }
            let Some(e) = w.entity else { continue };
            let entity = &self.a.entities[e];
            let national = entity.etype == EntityType::Gpe && entity.subtype.as_deref() == Some("country");
            if !(entity.etype == EntityType::Org || national) {
                return None;
            }
            if plural && !(w.bare.ends_with("ين") || w.bare.ends_with("ون")) {
                return None;
            }
            return Some(self.side_of(e));
        }
        None
    }

    /// People of an army, a police force or an armed group are military (its fighters), when
    /// nothing said otherwise.
    fn forces_are_military(&self, e: usize, population: &mut Population) {
        if *population == Population::Unspecified && self.is_force(e) {
            *population = Population::Military;
        }
    }

    /// The one regular army (or a divided country's side's forces) named in paragraph `block`
    /// before `before`, when exactly one is; else the one named in the article before it.
    fn paragraph_army(&self, block: usize, before: usize) -> Option<usize> {
        // the armies named within a span before `before`
        let armies = |within: Span| {
            self.a.entities.iter().enumerate().filter(move |(_, e)| {
                matches!(e.subtype.as_deref(), Some("armed-forces" | "faction-forces"))
                    && e.mentions.iter().any(|m| within.contains(m.span) && m.span.end() <= before)
            })
        };
        let para = *self.a.blocks.get(block)?;
        let within = if armies(para).next().is_some() { para } else { Span::new(0, before) };
        let mut named = armies(within);
        let (first, _) = named.next()?;
        named.next().is_none().then_some(first)
    }

    /// Whether entity `e` is an army, a police force or an armed group.
    fn is_force(&self, e: usize) -> bool {
        matches!(self.entities_subtype(e), Some("armed-forces" | "faction-forces" | "police" | "armed-group"))
    }

    fn entities_subtype(&self, e: usize) -> Option<&str> {
        self.a.entities[e].subtype.as_deref()
    }
}

/// A sentence that says who speaks: its paragraph, and the claimants of its first and its
/// last cue, each with whether the cue quotes a document (`وأورد البيان`, `وأضاف التقرير`).
struct Spoken {
    block: usize,
    first: (Option<Party>, bool),
    last: (Option<Party>, bool),
}

/// Paragraphs with no source of their own between two paragraphs quoting the same statement
/// or report go on with it (`وأورد البيان أنه ... قتل مدنيان` / `وفي الأول من تشرين الثاني
/// قتل ثلاثة مدنيين` / `وأضاف البيان أن ...`): their figures are its owner's, when the
/// statement resumes within [`STATEMENT_GAP`] paragraphs and no one else speaks between. A
/// person's words around a paragraph do not make it theirs: reporters set background there
/// (`واندلعت الاشتباكات ... في أواخر يوليو الماضي`).
fn between_statements(claims: &mut [Casualty], unclaimed: &[(usize, usize, usize)], spoken: &[Spoken]) {
    for &(c, block, k) in unclaimed {
        let (Some(before), Some(after)) = (k.checked_sub(1).map(|k| &spoken[k]), spoken.get(k)) else {
            continue;
        };
        let ((claimant, document), (resumed, document_again)) = (&before.last, &after.first);
        // an unnamed source earlier in the paragraph keeps its figures unnamed
        if before.block < block
            && after.block.saturating_sub(before.block) <= STATEMENT_GAP
            && *document
            && *document_again
            && claimant.is_some()
            && claimant == resumed
        {
            claims[c].claimant = claimant.clone();
            claims[c].claimant_rule = "between";
        }
    }
}

/// The most paragraphs from a statement to its resumption for the paragraphs between to be
/// read as its own.
const STATEMENT_GAP: usize = 3;

/// A state's body of the knowledge base (its army, a ministry, its police...): it stands for
/// its country.
fn state_body(subtype: &str) -> bool {
    matches!(subtype, "armed-forces" | "ministry" | "police" | "government" | "security" | "intelligence")
}

/// A claim before its claimant, date and reporters are known.
#[derive(Clone, Debug)]
struct Found {
    /// The index of its first word in the sentence (for its claimant).
    at: usize,
    /// The index of its last word (the counted noun).
    end_word: usize,
    /// The counted noun, keyed, without its tanween alif.
    noun: Option<String>,
    count: Option<u64>,
    qualifier: &'static str,
    kind: Kind,
    population: Population,
    side: Option<Party>,
    /// The people are the claimant's own (قواتها, في صفوفنا).
    own_side: bool,
    /// The people are fighters of the other side (مسلحين، متمردين: `hostile` in markers.tsv).
    hostile: bool,
    cumulative: bool,
    evidence: Span,
    rule: &'static str,
    /// "وأصيب خمسة آخرون" with no figure before it in its sentence: the people of the last
    /// figure of the paragraph's sentence before.
    others: bool,
}

/// Whether the people counted at `end` are said, right after, to be mostly or many of one
/// kind (`معظمهم من المسلحين`, `الكثير منهم مدنيون`): not of one population with the people
/// of the figure before them.
fn mixed(words: &[Word], end: usize) -> bool {
    let after = words.get(end + 1..).unwrap_or_default();
    let after: Vec<&Word> = after.iter().take(4).take_while(|w| !w.is_hard_stop()).collect();
    after.iter().enumerate().any(|(k, w)| {
        matches!(w.bare.as_ref(), "معظمهم" | "اغلبهم" | "غالبيتهم" | "جلهم")
            || (w.bare == "منهم"
                && k >= 1
                && matches!(after[k - 1].bare.as_ref(), "الكثير" | "العديد" | "كثير" | "عدد" | "بعض"))
    })
}

/// Whether the figure whose evidence starts at word `first` is what something may, will or
/// would cause, or what someone threatens, not what happened: a verb of result in the future
/// (`ستؤدي إلى نزوح 340 ألف شخص`, `كان سيؤدي إلى قتل مدنيين`) or in the imperfect after قد,
/// لن, سوف or أن (`قد يسفر عن مقتل مئات الآلاف`, `يمكن أن تؤدي إلى وفاة مدنيين`, `مخاوف من
/// أن يؤدي العنف إلى تشريد 1000 عائلة`, `سيودي بحياة آلاف المدنيين`), its subject between
/// it and the preposition; or a verb or noun of threatening with ب (`تهدد باحتجاز سفينة`,
/// `التهديد بقتل الشرطية`). A result verb in the imperfect alone is a headline's present
/// (`غارة تسفر عن مقتل 10 مدنيين`): what happened.
fn foreseen(words: &[Word], first: usize) -> bool {
    const RESULT: [&str; 8] = ["يودي", "تودي", "يسفر", "تسفر", "يتسبب", "تتسبب", "يخلف", "تخلف"];
    const MODAL: [&str; 4] = ["قد", "لن", "سوف", "ان"];
    let Some(head) = words.get(first) else { return false };
    let threatened = head.prep && head.bare.starts_with('ب');
    let governed = threatened
        || first
            .checked_sub(1)
            .and_then(|k| words.get(k))
            .is_some_and(|w| matches!(w.bare.as_ref(), "الي" | "عن" | "في"));
    if !governed {
        return false;
    }
    words[..first.saturating_sub(usize::from(!threatened))]
        .iter()
        .enumerate()
        .rev()
        .take(4)
        .take_while(|(_, w)| !w.is_stop())
        .any(|(j, w)| {
            let verb = w.bare.as_ref();
            let threat = threatened
                && matches!(
                    w.stem.as_ref(),
                    "يهدد" | "تهدد" | "هدد" | "هددت" | "يهددون" | "هددوا" | "تهديد" | "تهديدات"
                );
            let future = verb.strip_prefix('س').is_some_and(|v| RESULT.contains(&v));
            threat
                || future
                || (RESULT.contains(&verb)
                    && j.checked_sub(1)
                        .and_then(|k| words.get(k))
                        .is_some_and(|m| MODAL.contains(&m.bare.as_ref())))
        })
}

/// What two numbers in a row are to each other: the ends of a range in words ("ما بين 6 و
/// 10 أشخاص", "بين 270 و330 ألف سوري", "ما بين 110 مدنيين و150 مدنيا"), or the ends of a
/// range of ages ("تتراوح أعمارهم بين 18 و25").
enum Pair {
    /// A range: its low end's value, in the high end's scale when only that one has a word of
    /// scale ("بين 270 و330 ألف" is from 270,000), and where each end stands.
    Range {
        low: u64,
        low_span: Span,
        high_span: Span,
    },
    Ages,
    None,
}

/// Whether `low` and `high`, numbers in a row, are the ends of a range: بين (or ما بين, not
/// من بين: among) right before the low end, و right before the high end, nothing but the
/// low end's own noun between.
fn range_of(low: &NumberExpr, high: &NumberExpr, words: &[Word]) -> Pair {
    let (Quantity::Exact(a), Quantity::Exact(b)) = (low.value, high.value) else { return Pair::None };
    let at = |s: Span| words.iter().position(|w| w.span.end() > s.start());
    let (Some(lo_first), Some(hi_first)) = (at(low.span), at(high.span)) else { return Pair::None };
    let lo_end = low.noun_span.unwrap_or(low.span);
    let Some(lo_last) = words.iter().rposition(|w| w.span.start() < lo_end.end()) else { return Pair::None };
    let joined = (words.get(lo_last + 1).is_some_and(|w| w.bare == "و") && hi_first == lo_last + 2)
        || (hi_first == lo_last + 1 && words[hi_first].wa);
    let between = lo_first >= 1
        && words[lo_first - 1].bare == "بين"
        && (lo_first < 2 || words[lo_first - 2].bare != "من");
    if !(joined && between) {
        return Pair::None;
    }
    // a low end with a noun of its own is a range only with a noun after the high end too
    // ("بين 110 مدنيين و150 مدنيا"; not "بين 12 قتيلا و 40 مصابا", said of the claims)
    if low.noun_span.is_some() && high.noun_span.is_none() {
        return Pair::None;
    }
    // a unit after the high end is the low end's too ("بين 14 و30 عاما"), and a range of ages
    // or of years is no figure of people
    let ages = high.unit.is_some()
        || words[lo_first.saturating_sub(4)..lo_first - 1].iter().any(|w| {
            w.stem.starts_with("اعمار")
                || w.stem.starts_with("عمر")
                || matches!(w.bare.as_ref(), "سن" | "السن")
        });
    if ages {
        return Pair::Ages;
    }
    let scale = |n: &NumberExpr| {
        let last = words.iter().rposition(|w| w.span.start() < n.span.end()).unwrap_or(0);
        let first = at(n.span).unwrap_or(last);
        words[first..=last].iter().find_map(|w| match w.stem.trim_end_matches('ا') {
            "الف" | "الاف" => Some(1_000u64),
            "مليون" | "ملايين" => Some(1_000_000),
            "مليار" | "مليارات" => Some(1_000_000_000),
            _ => None,
        })
    };
    let low_value = match (scale(low), scale(high)) {
        (None, Some(f)) if a.saturating_mul(f) < b => a * f,
        _ => a,
    };
    if low_value >= b {
        return Pair::None;
    }
    Pair::Range { low: low_value, low_span: low.span, high_span: high.noun_span.unwrap_or(high.span) }
}

/// Makes the claims read from the numbers `k - 1` and `k` (`read_from` says which claim of
/// `out` came from which number) one claim when they are the ends of a range ([`range_of`]):
/// at least the low end, of the kind and people said, its evidence spanning both ends; the
/// ends of a range of ages are no claims at all.
fn merge_range(out: &mut Vec<Found>, read_from: &mut Vec<usize>, k: usize, pair: Pair) {
    let find = |read_from: &[usize], n: usize| read_from.iter().position(|&m| m == n);
    match pair {
        Pair::None => {}
        Pair::Ages => {
            for n in [k, k - 1] {
                if let Some(i) = find(read_from, n) {
                    out.remove(i);
                    read_from.remove(i);
                }
            }
        }
        Pair::Range { low, low_span, high_span } => {
            let (lo, hi) = (find(read_from, k - 1), find(read_from, k));
            // the low end's claim when it has one (its people and kind are told first), else
            // the high end's
            let Some(keep) = lo.or(hi) else { return };
            if let (Some(lo), Some(hi)) = (lo, hi)
                && (out[lo].kind != out[hi].kind || out[lo].population != out[hi].population)
            {
                return;
            }
            let high_end_word = hi.map(|h| out[h].end_word);
            let c = &mut out[keep];
            c.count = Some(low);
            c.qualifier = "at_least";
            let start = c.evidence.start().min(low_span.start());
            let end = c.evidence.end().max(high_span.end());
            c.evidence = Span::new(start, end);
            c.end_word = c.end_word.max(high_end_word.unwrap_or(0));
            if let (Some(_), Some(hi)) = (lo, hi) {
                out.remove(hi);
                read_from.remove(hi);
            }
        }
    }
}

/// A word that opens a clause of its own (حيث, بينما, فيما, عندما, حين, لكن): a casualty word
/// on one side of it does not count the people on the other.
fn opens_clause(w: &Word) -> bool {
    matches!(w.bare.as_ref(), "حيث" | "بينما" | "فيما" | "عندما" | "حين" | "لكن")
}
