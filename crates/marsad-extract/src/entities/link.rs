//! Grouping mentions into entities, and naming them.

use std::cell::RefCell;

use marsad_kb::names::skeleton;
use marsad_kb::{EntityType, EntryId, Kb, TitleKind};
use marsad_text::{Normalized, Span};
use rustc_hash::FxHashMap;

use super::detect::{Cand, Referent, W};
use super::{Entity, Mention, org_english, romanize};

/// A mention on its way to an entity.
struct Draft {
    span: Span,
    etype: EntityType,
    referent: Referent,
    rule: &'static str,
    /// The keys of its words.
    words: Vec<String>,
    /// A family name alone, matched by the knowledge base.
    short: bool,
    /// For a province or district named with its head word, the name without it (السويداء
    /// for محافظة السويداء): the bare name in the same article means the province.
    bare: Option<String>,
    /// For a province or district of the knowledge base named with its head word, its one
    /// word of name as written, looked for alone in the article ([`bare_names`]).
    written: Option<String>,
    /// For a person named in two words or more, the last as written (none when it carries a
    /// conjunction): no preposition is cut from a word inside a name (كومو of أندرو كومو is
    /// not ك + ومو, بالدوين not ب + الدوين).
    family: Option<String>,
}

impl Draft {
    /// The word of a person's name that names them alone: the last (the family name), or the
    /// first for a person of the knowledge base named family name first (`كيم` of `كيم جونغ
    /// أون`).
    fn family_word(&self, kb: &Kb) -> Option<&String> {
        match self.referent {
            Referent::Kb(e) if kb.entry(e).family_first => self.words.first(),
            _ => self.family.as_ref().or(self.words.last()),
        }
    }

    /// Whether `word` is the family word of this person ([`Draft::family_word`]), as written or
    /// keyed (بيركامب or يركامب: a rule that reads the word alone may have cut its first
    /// letter).
    fn has_family_word(&self, kb: &Kb, word: &str) -> bool {
        match self.referent {
            Referent::Kb(e) if kb.entry(e).family_first => self.words.first().is_some_and(|f| f == word),
            _ => self.family.as_deref() == Some(word) || self.words.last().is_some_and(|l| l == word),
        }
    }
}

/// `not_names` are spans of the text that hold no name (time expressions: `8 ماي 1945`).
pub(super) fn link(
    norm: &Normalized<'_>,
    blocks: &[(Vec<W<'_>>, Vec<Cand>)],
    kb: &Kb,
    not_names: &[Span],
) -> Vec<Entity> {
    let text = norm.original();
    let place_heads = &super::tables::Tables::builtin().place_heads;
    // the words the article writes with no clitic (made when first asked)
    let written = std::cell::OnceCell::new();
    let written_alone = |word: &str| {
        written
            .get_or_init(|| {
                blocks
                    .iter()
                    .flat_map(|(w, _)| w.iter())
                    .filter(|t| t.heads.first() == Some(&t.tail))
                    .map(|t| t.tail.as_str())
                    .collect::<rustc_hash::FxHashSet<&str>>()
            })
            .contains(word)
    };
    let mut drafts: Vec<Draft> = Vec::new();
    for (w, cands) in blocks {
        for c in cands {
            let words: Vec<String> =
                w[c.first..c.end].iter().map(|t| t.heads.first().unwrap_or(&t.tail).clone()).collect();
            let bare = match &c.referent {
                Referent::Headed { name, own: false, .. } => Some(name.clone()),
                Referent::Kb(e)
                    if matches!(kb.entry(*e).subtype.as_str(), "province" | "district")
                        && words.len() > 1 =>
                {
                    Some(words[1..].join(" "))
                }
                _ => None,
            };
            // a province the knowledge base knows, named after a head word (`صلاح الدين` has
            // none: الدين is not the province), by its name as written (the knowledge base
            // read `ولاية فاراه` whole, and فاراه alone is not ف + اراه)
            let headed = matches!(&c.referent, Referent::Kb(e)
                    if matches!(kb.entry(*e).subtype.as_str(), "province" | "district"))
                && c.end - c.first == 2
                && w[c.first].heads.iter().any(|h| place_heads.longest(h, |_| None).is_some());
            let written = headed.then(|| w[c.first + 1].tail.clone());
            // a name in apposition to its title carries no clitic: a first letter read as one
            // is the name's (الشاعرة فتيحة بن قاسم, المخرج كوينتن تارانتينو); so does a name
            // of the knowledge base that is the word as written, or the word after its
            // conjunction (كيري is John Kerry, not ك + يري; وكيري is و + كيري)
            let first = &w[c.first];
            let start = match &c.referent {
                _ if c.rule == "title" => first.span.start(),
                Referent::Kb(e) if first.start != first.span.start() => {
                    let names = kb.names_of(*e);
                    let is_name = |word: &str| names.iter().any(|n| n.iter().any(|x| x == word));
                    let bare = first.tail.strip_prefix(['و', 'ف']).filter(|_| first.conj);
                    // a transliteration the knowledge base matched as written (فرانسا is France,
                    // not ف + رانسا)
                    let loose_as_written = || {
                        let word = skeleton(&first.tail);
                        let rest = skeleton(first.heads.first().map_or("", String::as_str));
                        let loose =
                            |k: &str| names.iter().any(|n| n.first().is_some_and(|x| skeleton(x) == k));
                        c.end - c.first == 1 && loose(&word) && !loose(&rest)
                    };
                    if is_name(&first.tail) || loose_as_written() {
                        first.span.start()
                    } else if bare.is_some_and(is_name) {
                        after_conjunction(text, first.span.start()).min(first.start)
                    } else {
                        first.start
                    }
                }
                // a person's first name as written, whose first letter is no preposition
                // (لوكاس, بيرند: not ل + وكاس, ب + يرند); a name the tagger found whose first
                // letter is its own
                Referent::Unknown(_) if first.start != first.span.start() => {
                    let person =
                        (c.etype == EntityType::Person).then(|| given_name_as_written(first, text, kb));
                    let tagged = || {
                        (c.rule == "tagger")
                            .then(|| letter_not_clitic(first, c.end - c.first > 1, text, kb, &written_alone))
                    };
                    person.flatten().or_else(|| tagged().flatten()).unwrap_or(first.start)
                }
                _ => first.start,
            };
            let last = &w[c.end - 1];
            let family = (c.etype == EntityType::Person && c.end - c.first > 1 && !last.conj)
                .then(|| last.tail.clone());
            drafts.push(Draft {
                span: Span::new(start, last.span.end()),
                etype: c.etype,
                referent: c.referent.clone(),
                rule: c.rule,
                words,
                short: c.short,
                bare,
                written,
                family,
            });
        }
    }
    // a family name alone whose first letter is another hamza's than the name's (أبي is "my
    // father"; Shinzo Abe is آبي)
    drafts.retain(|d| !(d.short && hamza_differs(d, text, kb)));
    resolve_regime(&mut drafts, kb);
    family_names(text, blocks, &mut drafts, kb, not_names);
    bare_names(text, blocks, &mut drafts, kb);
    first_words(text, blocks, &mut drafts, kb);
    drafts.sort_by_key(|d| d.span.start());

    // group
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    for (i, d) in drafts.iter().enumerate() {
        let key = group_key(d, &drafts, kb, text);
        match index.get(&key) {
            Some(&g) => groups[g].1.push(i),
            None => {
                index.insert(key.clone(), groups.len());
                groups.push((key, vec![i]));
            }
        }
    }

    groups
        .into_iter()
        .map(|(_, members)| {
            let group: Vec<&Draft> = members.iter().map(|&i| &drafts[i]).collect();
            let etype = group_type(&group);
            // named after its most specific mention: a known entry, then a body whose
            // country is said; a family name alone that the knowledge base knows is
            // someone else's when the article names its own bearer in full (محمد الجبوري is
            // not Salim al-Jabouri); of equally specific ones, one of the group's type
            let named = group
                .iter()
                .copied()
                .min_by_key(|d| {
                    let rank = match &d.referent {
                        _ if d.short => 3,
                        Referent::Kb(_) | Referent::Body { known: Some(_), .. } => 0,
                        Referent::Body { country: Some(_), .. } => 1,
                        _ => 2,
                    };
                    (rank, d.etype != etype)
                })
                .unwrap_or(group[0]);
            let longest = members
                .iter()
                .map(|&i| drafts[i].span.slice(text))
                .max_by_key(|s| s.chars().count())
                .unwrap_or_default();
            let (name, name_ar, kb_id, subtype) = naming(named, longest, kb);
            Entity {
                etype,
                name,
                name_ar,
                kb: kb_id,
                subtype,
                mentions: members
                    .iter()
                    .map(|&i| Mention { span: drafts[i].span, rule: drafts[i].rule })
                    .collect(),
            }
        })
        .collect()
}

/// "قوات النظام" without saying whose: the country whose government the article calls
/// "النظام X". And "النظام X" itself is that government where the article names the
/// government (`الحكومة السورية`), else the country.
fn resolve_regime(drafts: &mut [Draft], kb: &Kb) {
    let country = drafts.iter().find_map(|d| match (&d.referent, d.rule) {
        (Referent::Kb(e), "regime") => Some(*e),
        _ => None,
    });
    let government = |c: EntryId| {
        drafts.iter().find_map(|d| match &d.referent {
            Referent::Kb(e) | Referent::Body { known: Some(e), .. }
                if kb.entry(*e).subtype == "government" && kb.entry(*e).country == Some(c) =>
            {
                Some(*e)
            }
            _ => None,
        })
    };
    let governments: Vec<Option<EntryId>> = drafts
        .iter()
        .map(|d| match (&d.referent, d.rule) {
            (Referent::Kb(c), "regime") => government(*c),
            _ => None,
        })
        .collect();
    for (d, g) in drafts.iter_mut().zip(governments) {
        if let Some(g) = g {
            d.referent = Referent::Kb(g);
            d.etype = EntityType::Org;
        }
        if let Referent::Body { country: c @ None, regime: true, .. } = &mut d.referent {
            *c = country;
        }
    }
}

/// The key a mention is grouped under. A one-word unknown person whose word ends (or starts)
/// another person's name joins that person.
fn group_key(d: &Draft, all: &[Draft], kb: &Kb, text: &str) -> String {
    // an organisation followed by a known name in brackets (`جهاز المخابرات الأوكراني (إس بي
    // يو)`) is that name
    if d.etype == EntityType::Org && !matches!(d.referent, Referent::Kb(_)) {
        let after = text.get(d.span.end()..).unwrap_or("");
        let gap = after.len() - after.trim_start().len();
        if after[gap..].starts_with('(') {
            let open = d.span.end() + gap + 1;
            if let Some(o) = all.iter().find(|o| {
                o.etype == EntityType::Org
                    && matches!(o.referent, Referent::Kb(_))
                    && text.get(open..o.span.start()).is_some_and(|g| g.trim().is_empty())
            }) {
                return group_key(o, all, kb, text);
            }
        }
    }
    // a place spelled like a province named in full elsewhere in the article is the province
    if d.bare.is_none() && matches!(d.etype, EntityType::Gpe) {
        let name = d.words.join(" ");
        if let Some(p) = all.iter().find(|o| o.bare.as_deref() == Some(name.as_str())) {
            return group_key(p, all, kb, text);
        }
    }
    // a family name that ends the name of someone the article names in full
    // (unless the article names the entry itself in full: `ترودو` is Justin Trudeau beside
    // جاستين ترودو and صوفي غريغوار ترودو; and not a name only the tagger read, which may run
    // two names together: وصف كومي ترامب)
    let named_in_full = || {
        matches!(d.referent, Referent::Kb(e)
            if all.iter().any(|o| !o.short && matches!(o.referent, Referent::Kb(x) if x == e)))
    };
    if d.short
        && !named_in_full()
        && let Some(o) = all.iter().find(|o| {
            !o.short
                && o.etype == EntityType::Person
                && o.words.len() > 1
                && o.rule != "tagger"
                && d.words.last().is_some_and(|w| o.has_family_word(kb, w))
        })
    {
        return group_key(o, all, kb, text);
    }
    match &d.referent {
        Referent::Kb(e) => format!("kb:{}", kb.entry(*e).id),
        Referent::Body { known: Some(e), .. } => format!("kb:{}", kb.entry(*e).id),
        Referent::Body { head, country: None, .. } => {
            // `وزارة الخارجية` alone in an article that names one country's ministry of
            // foreign affairs is that ministry
            let mut owners: Vec<String> = all
                .iter()
                .filter(|o| match &o.referent {
                    Referent::Body { head: h, country: Some(_), .. } => h.en == head.en,
                    // a known body named with the same head (وزارة الدفاع الأذربيجانية)
                    Referent::Kb(e) => kb
                        .names_of(*e)
                        .iter()
                        .any(|n| n.len() == head.words.len() + 1 && n.starts_with(&head.words)),
                    _ => false,
                })
                .map(|o| group_key(o, all, kb, text))
                .collect();
            owners.sort_unstable();
            owners.dedup();
            match owners.as_slice() {
                [one] => one.clone(),
                _ => format!("body:{}:?", head.en),
            }
        }
        Referent::Body { head, country: Some(c), known: None, .. }
            if let Some(o) = all.iter().find(|o| {
                matches!(&o.referent, Referent::Body { head: h, country: Some(oc), known: Some(_), .. }
                    if h.en == head.en && oc == c)
            }) =>
        {
            // the same body named where the knowledge base knows it (قوات النظام, of Syria
            // by the article's النظام السوري, is قوات النظام السوري)
            group_key(o, all, kb, text)
        }
        Referent::Body { head, country, .. } => {
            format!("body:{}:{}", head.en, country.map_or("?".to_string(), |c| kb.entry(c).id.clone()))
        }
        Referent::Headed { template, base, name, .. } => match base {
            Some(b) => format!("headed:{template}:{}", kb.entry(*b).id),
            None => format!("headed:{template}:{name}"),
        },
        Referent::Unknown(k) if d.etype == EntityType::Person && d.words.len() == 1 => {
            // a person of the knowledge base first (كيم beside كيم جونغ أون, though the
            // tagger reads كيم هاك-سونغ before it)
            let word = &d.words[0];
            let full = |known: bool| {
                all.iter().find(|o| {
                    o.etype == EntityType::Person
                        && o.words.len() > 1
                        && (!known || matches!(o.referent, Referent::Kb(_)))
                        && (o.words.last() == Some(word)
                            || o.words.first() == Some(word)
                            || o.family.as_ref() == Some(word))
                })
            };
            let full = full(true).or_else(|| full(false));
            match full {
                Some(o) => group_key(o, all, kb, text),
                None => unknown_key(k),
            }
        }
        // a word the tagger takes for a body or a place that is the family name of someone
        // the article names in full is that person (أوزيل after مسعود أوزيل, مولر after
        // روبرت مولر, though the tagger found the full name too); not a definite word, which
        // the names of clubs and parties are (الأهلي, of a player's transfer للأهلي read as
        // his name)
        Referent::Unknown(k) if d.rule == "tagger" && d.words.len() == 1 && !d.words[0].starts_with("ال") =>
        {
            let word = &d.words[0];
            // (a full name only the tagger read is one when it starts with a first name:
            // not وتابعت فيتش)
            let full = |by_rule: bool| {
                all.iter().find(|o| {
                    o.etype == EntityType::Person
                        && (o.rule != "tagger") == by_rule
                        && o.words.len() > 1
                        && (by_rule || kb.given_name(&o.words[0]).is_some())
                        && o.has_family_word(kb, word)
                })
            };
            match full(true).or_else(|| full(false)) {
                Some(o) => group_key(o, all, kb, text),
                None => unknown_key(k),
            }
        }
        Referent::Unknown(k) => unknown_key(k),
    }
}

/// The key of a name the knowledge base does not know: its words alone, whatever type each
/// mention was given, and with or without the article (منطقة كشكول, حي الكشكول). One name in
/// one article names one thing (the tagger may type the same unknown name a person in one
/// sentence and a place in the next: بيونسيه, ماستونغ); its type is settled for the whole
/// group ([`group_type`]).
fn unknown_key(k: &str) -> String {
    let k = k.strip_prefix("ال").filter(|rest| rest.chars().count() >= 3).unwrap_or(k);
    format!("unknown:{k}")
}

/// The type of a group of mentions: that of its first mention a rule found (the tagger's type
/// of a word that names a person elsewhere may be wrong); when the tagger found them all, that
/// of its longest mentions when they agree and some are shorter (روبرت مولر beside مولر),
/// else the type it gave most often, the earliest of those tied.
fn group_type(members: &[&Draft]) -> EntityType {
    if let Some(d) = members.iter().find(|d| d.rule != "tagger") {
        return d.etype;
    }
    let longest = members.iter().map(|d| d.words.len()).max().unwrap_or(0);
    let mut longest_types = members.iter().filter(|d| d.words.len() == longest).map(|d| d.etype);
    if let Some(t) = longest_types.next()
        && longest > 1
        && members.iter().any(|d| d.words.len() < longest)
        && longest_types.all(|u| u == t)
    {
        return t;
    }
    let count = |t: EntityType| members.iter().filter(|d| d.etype == t).count();
    // `max_by_key` keeps the last of equals: the members are reversed so that it is the earliest
    members.iter().rev().map(|d| d.etype).max_by_key(|&t| count(t)).unwrap_or(EntityType::Person)
}

/// Where a name the tagger found starts when the one letter cut off its first word as a
/// preposition (ب, ك; ل before a name of several words) is the name's own first letter: at
/// that letter. So it is when what is left does not start with the article, is no first name,
/// no common or frequent word nor the start of a name of the knowledge base, and the article
/// never writes it alone (بيرغمان is not ب + يرغمان, كيتنغ not ك + يتنغ, لوكاس هيرنانديز not
/// ل + وكاس; لواينستين beside واينستين is ل + واينستين, لدونالد ترامب ل + دونالد). `None`
/// when the cut stands.
fn letter_not_clitic(
    first: &W<'_>,
    several: bool,
    text: &str,
    kb: &Kb,
    written_alone: &dyn Fn(&str) -> bool,
) -> Option<usize> {
    let cut = text.get(first.span.start()..first.start)?;
    let cut = if first.conj { cut.strip_prefix(['و', 'ف']).unwrap_or(cut) } else { cut };
    let letter = match cut {
        "ب" | "ك" => true,
        "ل" => several,
        _ => false,
    };
    let rest = first.heads.first()?;
    (letter
        && !rest.starts_with("ال")
        && kb.given_name(rest).is_none()
        && !kb.is_common_word(rest)
        && !kb.is_known_word(rest)
        && !written_alone(rest))
    .then(|| first.start - cut.len())
}

/// Where a person's name starts when its first word, cut as a preposition and a name, is a
/// first name as written and not once cut (لوكاس, بيرند, برنارد; ولوكاس is و + لوكاس): at the
/// word, after its conjunction. `None` when the cut stands (لمحمد is ل + محمد).
fn given_name_as_written(first: &W<'_>, text: &str, kb: &Kb) -> Option<usize> {
    let cut = first.heads.first()?;
    if kb.given_name(cut).is_some() {
        return None;
    }
    let whole = first.heads.iter().skip(1).find(|h| kb.given_name(h).is_some())?;
    let start = first.span.start();
    Some(if first.conj && !whole.starts_with(['و', 'ف']) {
        after_conjunction(text, start).min(first.start)
    } else {
        start
    })
}

/// Whether a family name alone of the knowledge base starts with a long alef (آ) where the
/// name as the knowledge base spells it has a hamza on or under the alef (أ, إ), or the other
/// way round; the bare ا that outlets write for any of them, and أ for إ (إردوغان,
/// أردوغان), are no difference: أبي is "my father" or a kunya, Shinzo Abe آبي.
fn hamza_differs(d: &Draft, text: &str, kb: &Kb) -> bool {
    let Referent::Kb(e) = d.referent else { return false };
    if d.words.len() != 1 {
        return false;
    }
    let entry = kb.entry(e);
    let words: Vec<&str> = entry.name_ar.split_whitespace().collect();
    let own = if entry.family_first { words.first() } else { words.last() };
    let Some(own) = own.and_then(|w| w.chars().next()) else { return false };
    let Some(written) = d.span.slice(text).chars().next() else { return false };
    let hamza = |c: char| matches!(c, 'أ' | 'إ');
    (own == 'آ' && hamza(written)) || (hamza(own) && written == 'آ')
}

/// Where a word starting at byte `start` of `text` goes on after its conjunction (و or ف)
/// and the marks written on it.
fn after_conjunction(text: &str, start: usize) -> usize {
    let mut chars = text.get(start..).unwrap_or("").char_indices();
    match chars.next() {
        Some((_, 'و' | 'ف')) => chars
            .find(|(_, ch)| !matches!(ch, '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}'))
            .map_or(text.len(), |(k, _)| start + k),
        _ => start,
    }
}

/// A family name alone (`باشينيان`) wherever it is not already part of a mention nor of a
/// time expression, once the article names the person in full.
fn family_names(
    text: &str,
    blocks: &[(Vec<W<'_>>, Vec<Cand>)],
    drafts: &mut Vec<Draft>,
    kb: &Kb,
    not_names: &[Span],
) {
    let mut names: Vec<(String, usize)> = Vec::new();
    // family names that are first names or ordinary words too (عمر of خالد عمر, بشر of هاشم
    // بشر): the person's only where a person stands
    let mut guarded: Vec<(String, usize)> = Vec::new();
    for (i, d) in drafts.iter().enumerate() {
        if d.etype != EntityType::Person || d.words.len() < 2 {
            continue;
        }
        let Some(last) = d.family_word(kb).cloned() else { continue };
        // not a nisba (أبو عمر المصري: المصري alone is anyone Egyptian), nor the son's name of
        // a kunya of two words (أبو الطب: الطب is medicine)
        let kunya = d.words.len() == 2 && matches!(d.words[0].as_str(), "ابو" | "ام");
        // nor an ordinal or the end of a compound first name (الثاني of عبد الله الثاني:
        // الفريق الثاني is the second team)
        if last.chars().count() < 3
            || kb.nisba(&last).is_some()
            || kunya
            || marsad_kb::NOT_FAMILY_NAMES.contains(&last.as_str())
            || names.iter().chain(&guarded).any(|(n, _)| *n == last)
        {
            continue;
        }
        if kb.is_common_word(&last) || kb.given_name(&last).is_some() {
            guarded.push((last, i));
        } else {
            names.push((last, i));
        }
    }
    let plain = names.len();
    // a person stands right after a verb of saying (وذكر عمر:), or after a title of one word
    // (not a role: المتهم, الطفل), a nisba between them or not (المستشار بشر, الرئيس
    // الأفغاني غني), when no word of a name goes on after it (قال عمر البشير is someone
    // else); after a title, not a preposition either (الرئيس كان في, الرئيس زاد من: a verb)
    let titled = |w: &W<'_>| {
        w.heads.iter().any(|h| {
            kb.title(h, |_| None)
                .is_some_and(|(len, t)| len == 1 && matches!(t.kind, TitleKind::Title | TitleKind::Honorific))
        })
    };
    let person_slot = |w: &[W<'_>], k: usize| {
        let next = w.get(k + 1).filter(|n| !n.new_line);
        let ends = next.is_none_or(W::ends_name);
        let before = |back: usize| k.checked_sub(back).map(|x| &w[x]).filter(|_| !w[k].new_line);
        let after_title = before(1).is_some_and(&titled)
            || before(1).is_some_and(|p| p.nisba.is_some() && !p.new_line) && before(2).is_some_and(&titled);
        let says = before(1).is_some_and(W::says);
        ends && !w[k].conj && (says || after_title && !next.is_some_and(W::preposition))
    };
    // one pass over the words for both lists (the guarded names come after the others)
    names.extend(guarded);
    let covering = drafts.iter().map(|d| d.span);
    let found = alone(text, blocks, covering, &names, |w, k, p| p < plain || person_slot(w, k));
    // (not a word of a longer date: `8 ماي 1945` where the article names Theresa May)
    let in_date = |t: Span| not_names.iter().any(|n| n.contains(t) && *n != t);
    for (owner, t) in found.into_iter().filter(|(_, t)| !in_date(*t)) {
        let owner = &drafts[owner];
        let words = owner.words.clone();
        let referent = match &owner.referent {
            Referent::Unknown(_) => Referent::Unknown(words.join(" ")),
            other => other.clone(),
        };
        drafts.push(Draft {
            span: t,
            etype: EntityType::Person,
            referent,
            rule: "short-name",
            words,
            short: false,
            bare: None,
            written: None,
            family: owner.family.clone(),
        });
    }
}

/// The name of a province or district the article names with its head word (`فاراه` after
/// `ولاية فاراه`) wherever it stands alone, not already part of a mention: the article goes on
/// to say `من فاراه`, `فوق فاراه`. Known to the knowledge base (a place found by its head
/// alone may be a misreading: `جزيرة شبه`), one word, and not a common word.
fn bare_names(text: &str, blocks: &[(Vec<W<'_>>, Vec<Cand>)], drafts: &mut Vec<Draft>, kb: &Kb) {
    let mut names: Vec<(String, usize)> = Vec::new();
    for (i, d) in drafts.iter().enumerate() {
        let Some(bare) = d.written.as_ref() else { continue };
        let usable =
            bare.chars().count() >= 3 && !kb.is_common_word(bare) && !names.iter().any(|(n, _)| n == bare);
        if usable {
            names.push((bare.clone(), i));
        }
    }
    for (owner, span) in alone(text, blocks, drafts.iter().map(|d| d.span), &names, |_, _, _| true) {
        let owner = &drafts[owner];
        drafts.push(Draft {
            span,
            etype: owner.etype,
            referent: owner.referent.clone(),
            rule: "bare-name",
            words: owner.bare.iter().cloned().collect(),
            short: false,
            bare: owner.bare.clone(),
            written: None,
            family: None,
        });
    }
}

/// The words of `blocks` that none of the `covering` spans (the mentions found already)
/// covers and whose key is one of `names`, with the draft that name belongs to, where `accept`
/// (the block's words, the word's index, the name's place in `names`) agrees.
fn alone(
    text: &str,
    blocks: &[(Vec<W<'_>>, Vec<Cand>)],
    covering: impl Iterator<Item = Span>,
    names: &[(String, usize)],
    accept: impl Fn(&[W<'_>], usize, usize) -> bool,
) -> Vec<(usize, Span)> {
    if names.is_empty() {
        return Vec::new();
    }
    let mut covered: Vec<Span> = covering.collect();
    covered.sort_unstable_by_key(|s| s.start());
    // mentions do not overlap one another, so their ends are sorted too
    let is_covered = |t: Span| {
        let after = covered.partition_point(|s| s.end() <= t.start());
        covered.get(after).is_some_and(|s| s.start() < t.end())
    };
    // the names' filter bits: a word whose heads have none of them is none of the names, told
    // from a number the word carries, where reading its heads (scattered in memory) for their
    // lengths was a cache miss a word
    let filter = names.iter().fold(0u64, |bits, (n, _)| bits | marsad_kb::word_filter(n));
    // each name's place in `names`, the first listed kept for a name listed twice: a word's
    // heads are looked up, not compared with every name (an article names many people)
    let place: FxHashMap<&str, usize> =
        names.iter().enumerate().rev().map(|(p, (n, _))| (n.as_str(), p)).collect();
    let mut out = Vec::new();
    for (w, _) in blocks {
        for (k, t) in w.iter().enumerate() {
            if t.heads_filter & filter == 0 {
                continue;
            }
            // the names first: few words are one of them (the three tests are independent)
            // the first name listed that one of the heads is
            let Some((p, (name, owner))) =
                t.heads.iter().filter_map(|h| place.get(h.as_str())).min().map(|&p| (p, &names[p]))
            else {
                continue;
            };
            if is_covered(t.span) || !accept(w, k, p) {
                continue;
            }
            // the word as written is the name: no clitic to leave out, whatever the segmenter
            // made of its first letter (فاراه is not ف + اراه, بابل not ب + ابل)
            // (after its conjunction only, when the rest as written is the name: وكومو)
            let start = if t.tail == *name {
                t.span.start()
            } else if t.conj && t.tail.strip_prefix(['و', 'ف']) == Some(name.as_str()) {
                after_conjunction(text, t.span.start())
            } else {
                t.start
            };
            out.push((*owner, Span::new(start, t.span.end())));
        }
    }
    out
}

/// The first word of an organisation's name alone (`المرصد` after `المرصد السوري لحقوق
/// الإنسان`, `التحالف` after `التحالف العربي`), once the article names it in full: a definite
/// noun that starts the name of one organisation only, not the head of a national body
/// (`الجيش`), and not qualified by an adjective of its own (`التحالف الدولي` is another).
fn first_words(text: &str, blocks: &[(Vec<W<'_>>, Vec<Cand>)], drafts: &mut Vec<Draft>, kb: &Kb) {
    let tables = super::tables::Tables::builtin();
    let mut names: Vec<(String, Option<usize>)> = Vec::new();
    for (i, d) in drafts.iter().enumerate() {
        if d.etype != EntityType::Org
            || d.words.len() < 2
            || d.rule == "regime"
            || matches!(d.referent, Referent::Body { .. })
        {
            continue;
        }
        let first = &d.words[0];
        if !first.starts_with("ال")
            || first.chars().count() < 5
            || tables.org_heads.longest(first, |_| None).is_some()
        {
            continue;
        }
        match names.iter_mut().find(|(n, _)| n == first) {
            // two organisations start with this word: it names neither; one named in full and
            // shorter (المرصد السوري لحقوق الإنسان, المرصد السوري) is one, unless the word is an
            // ordinary one too (المعارضة, of المعارضة السورية and المعارضة السورية المسلحة)
            Some((_, owner))
                if owner.is_some_and(|o| {
                    let same_entry =
                        matches!((&drafts[o].referent, &d.referent), (Referent::Kb(a), Referent::Kb(b)) if a == b);
                    let one_body = same_entry && !kb.is_common_word(first);
                    drafts[o].words != d.words && !one_body
                }) =>
            {
                *owner = None;
            }
            Some(_) => {}
            None => names.push((first.clone(), Some(i))),
        }
    }
    let names: Vec<(String, usize)> = names.into_iter().filter_map(|(n, o)| Some((n, o?))).collect();
    // not qualified by an adjective of its own
    let unqualified = |w: &[W<'_>], k: usize, _: usize| {
        !w.get(k + 1).is_some_and(|n| !n.new_line && n.tail.starts_with("ال") && !n.conj && !n.prep)
    };
    // a word the tagger found alone, the first word of a name in full, is that name too
    // (`الاتحاد` after `الاتحاد الأوروبي`): it covers no word here, and it goes where the
    // first word is found in its place (not where an adjective of its own follows)
    let aside = |d: &Draft| {
        d.rule == "tagger"
            && matches!(d.referent, Referent::Unknown(_))
            && d.words.len() == 1
            && names.iter().any(|(n, _)| *n == d.words[0])
    };
    let found = alone(text, blocks, drafts.iter().filter(|d| !aside(d)).map(|d| d.span), &names, unqualified);
    let replaced = |d: &Draft| aside(d) && found.iter().any(|(_, span)| span.overlaps(d.span));
    let replaced: Vec<bool> = drafts.iter().map(replaced).collect();
    for &(owner, span) in &found {
        let owner = &drafts[owner];
        drafts.push(Draft {
            span,
            etype: EntityType::Org,
            referent: owner.referent.clone(),
            rule: "first-word",
            words: owner.words.clone(),
            short: false,
            bare: None,
            written: None,
            family: None,
        });
    }
    // the tagger's word the first word replaced is no mention of its own
    let mut at = 0;
    drafts.retain(|_| {
        at += 1;
        !replaced.get(at - 1).copied().unwrap_or(false)
    });
}

/// The subtype of a military or security unit found by its number or ordinal.
pub const UNIT: &str = "military-unit";

/// The rule of the mentions of a unit by its number or ordinal (`الكتيبة 155`).
pub const UNIT_RULE: &str = "unit";

/// English name, Arabic name, knowledge-base id, subtype.
fn naming(d: &Draft, longest: &str, kb: &Kb) -> (String, String, Option<String>, Option<String>) {
    let country_name = |c: Option<EntryId>| c.map(|c| kb.entry(c).name_en.clone());
    match &d.referent {
        Referent::Kb(e) | Referent::Body { known: Some(e), .. } => {
            let entry = kb.entry(*e);
            (
                entry.name_en.clone(),
                entry.name_ar.clone(),
                Some(entry.id.clone()),
                Some(entry.subtype.clone()),
            )
        }
        Referent::Body { head, country, .. } => {
            let name = match (head.en.strip_suffix(" of"), country_name(*country)) {
                (Some(stem), Some(c)) => format!("{stem} of {c}"),
                (None, Some(c)) => format!("{} ({c})", head.en),
                (Some(stem), None) => stem.to_string(),
                (None, None) => head.en.to_string(),
            };
            (name, longest.to_string(), None, Some(head.subtype.to_string()))
        }
        Referent::Headed { template, base, name, .. } => {
            let base_name = match base {
                Some(b) => kb.entry(*b).name_en.clone(),
                None => {
                    let r = readable(name, &d.words, kb);
                    // (the article inside a name after the head's word: Tall al-Qarqur)
                    match r.strip_prefix("Al-") {
                        Some(rest) if !template.starts_with("{name}") => format!("al-{rest}"),
                        _ => r,
                    }
                }
            };
            (template.replace("{name}", &base_name), longest.to_string(), None, None)
        }
        Referent::Unknown(_) => {
            let english = (d.etype == EntityType::Org)
                .then(|| remembered(|n| &mut n.english, kb, longest, || org_english(longest, kb)))
                .flatten();
            // a unit by its number (`الكتيبة 155`) is known to be one
            let subtype = (d.rule == UNIT_RULE).then(|| UNIT.to_string());
            (english.unwrap_or_else(|| readable(longest, &d.words, kb)), longest.to_string(), None, subtype)
        }
    }
}

/// A romanisation of `written`; of the mention's normalised words when the written form gives
/// none (a presentation-form ligature such as ﷴ); the text itself as a last resort.
fn readable(written: &str, words: &[String], kb: &Kb) -> String {
    let romanized = |name: &str| remembered(|n| &mut n.romanized, kb, name, || romanize(name, kb));
    let r = romanized(written);
    if !r.trim().is_empty() {
        return r;
    }
    let r = romanized(&words.join(" "));
    if !r.trim().is_empty() { r } else { written.to_string() }
}

/// Names already romanised and organisations' English names already made, kept by the thread
/// for one knowledge base at a time: the names an article does not find in the knowledge base
/// come back in other articles, and making them is the costliest step of linking.
#[derive(Default)]
struct Remembered {
    owner: u64,
    romanized: FxHashMap<String, String>,
    english: FxHashMap<String, Option<String>>,
}

/// How many names of each kind a thread remembers before it starts afresh.
const REMEMBERED: usize = 20_000;

thread_local! {
    static REMEMBERED_NAMES: RefCell<Remembered> = RefCell::new(Remembered::default());
}

/// `make()`, the value of `name` in the map `which` picks, remembered for the next time.
fn remembered<V: Clone>(
    which: impl Fn(&mut Remembered) -> &mut FxHashMap<String, V>,
    kb: &Kb,
    name: &str,
    make: impl FnOnce() -> V,
) -> V {
    let known = REMEMBERED_NAMES.with(|r| {
        let mut r = r.try_borrow_mut().ok()?;
        if r.owner != kb.id() {
            *r = Remembered { owner: kb.id(), ..Remembered::default() };
        }
        which(&mut r).get(name).cloned()
    });
    if let Some(v) = known {
        return v;
    }
    let v = make();
    REMEMBERED_NAMES.with(|r| {
        if let Ok(mut r) = r.try_borrow_mut() {
            let map = which(&mut r);
            if map.len() >= REMEMBERED {
                map.clear();
            }
            map.insert(name.to_string(), v.clone());
        }
    });
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(etype: EntityType, rule: &'static str, words: &[&str]) -> Draft {
        Draft {
            span: Span::new(0, 1),
            etype,
            referent: Referent::Unknown(words.join(" ")),
            rule,
            words: words.iter().map(|w| w.to_string()).collect(),
            short: false,
            bare: None,
            written: None,
            family: None,
        }
    }

    #[test]
    fn a_group_takes_the_type_a_rule_gave_then_its_longest_mention_then_the_most_given() {
        use EntityType::{Gpe, Org, Person};
        let ty = |ds: &[Draft]| group_type(&ds.iter().collect::<Vec<_>>());
        // a rule's type beats any number of the tagger's
        let ds = [
            draft(Org, "tagger", &["ايتا"]),
            draft(Org, "tagger", &["ايتا"]),
            draft(Gpe, "pattern", &["ايتا"]),
        ];
        assert_eq!(ty(&ds), Gpe);
        // a full name beats the family name alone
        let ds = [
            draft(Org, "tagger", &["مولر"]),
            draft(Org, "tagger", &["مولر"]),
            draft(Person, "tagger", &["روبرت", "مولر"]),
        ];
        assert_eq!(ty(&ds), Person);
        // else the type given most often; of types given as often, the earliest
        let ds = [
            draft(Person, "tagger", &["ايتا"]),
            draft(Org, "tagger", &["ايتا"]),
            draft(Org, "tagger", &["ايتا"]),
        ];
        assert_eq!(ty(&ds), Org);
        let ds = [draft(Gpe, "tagger", &["ماستونغ"]), draft(Person, "tagger", &["ماستونغ"])];
        assert_eq!(ty(&ds), Gpe);
        let ds = [draft(Person, "tagger", &["ماستونغ"]), draft(Gpe, "tagger", &["ماستونغ"])];
        assert_eq!(ty(&ds), Person);
    }

    #[test]
    fn one_unknown_name_is_one_group_whatever_its_types() {
        let kb = Kb::builtin();
        let a = draft(EntityType::Person, "tagger", &["ماستونغ"]);
        let b = draft(EntityType::Gpe, "tagger", &["ماستونغ"]);
        let all = [a, b];
        assert_eq!(group_key(&all[0], &all, kb, "ماستونغ"), group_key(&all[1], &all, kb, "ماستونغ"));
        // with or without the article
        let all = [
            draft(EntityType::Gpe, "place-head", &["الكشكول"]),
            draft(EntityType::Gpe, "place-head", &["كشكول"]),
        ];
        assert_eq!(group_key(&all[0], &all, kb, ""), group_key(&all[1], &all, kb, ""));
        // not a word of two letters after it (الحي is not حي)
        assert_ne!(unknown_key("الحي"), unknown_key("حي"));
    }
}
