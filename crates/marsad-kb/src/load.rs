//! Building a [`Kb`] from its files.

use marsad_text::{Normalizer, tokenize};

use crate::matcher::TYPO_PREFIX;
use crate::names::{deletions, key, letter_count, nisba_forms, skeleton};
use crate::table::{Row, Table};
use crate::{
    AliasKind, AliasRef, EntityType, Entry, EntryId, GivenName, Kb, KbError, Kind, Office, Sources,
    TYPO_MIN_LETTERS, Title, TitleKind,
};

/// Members of the Arab League (ISO 3166-1 alpha-2), and Palestine: their names are Arabic,
/// not transliterations, so no loose key is made for them.
const ARAB_COUNTRIES: &[&str] = &[
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA", "SO",
    "SD", "SY", "TN", "AE", "YE", "EH",
];

/// Last words of names that are not family names: of compound first names (يار الله, نور
/// الدين), and the ordinals of monarchs and popes (محمد السادس, عبد الله الثاني).
pub const NOT_FAMILY_NAMES: &[&str] = &[
    "الله",
    "الدين",
    "الرحمن",
    "الرحيم",
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
    "عشر",
];

/// Words that make one family name with the word next to them: a particle before it (برونو
/// لو مير: the family name is لو مير, and مير alone is someone else, مير سراج ريساني), or a
/// suffix written apart after it (جاويش أوغلو, خطيب زاده: أوغلو alone is every Turkish -oğlu).
/// A family name alone that has one is the two words. So is a patronymic ([`PATRONYMIC`]).
const FAMILY_PARTICLES: &[&str] = &["لو", "لا", "دي", "دو", "دا", "ديل", "دل", "فان", "فون", "ال", "ابو"];
/// "Son of" before a father's first name at the end of a name (محمد بن سلمان, أحمد بن دغر,
/// أسامة بن لادن): news name the person by the two words (بن سلمان); the father's name alone
/// is anyone's first name (سلمان is the king, سلطان a footballer).
const PATRONYMIC: &[&str] = &["بن", "ابن"];
const FAMILY_SUFFIXES: &[&str] = &["اوغلو", "زاده"];
/// Names of Latin letters, as initials are written (جي دي فانس: J. D., not the particle دي).
const INITIALS: &[&str] = &["جي", "جيه", "جاي", "اي", "بي", "سي", "دي", "اف", "ام", "ان", "تي", "اس", "كي"];

/// Countries whose people are named family name first, in their own order as in Arabic news
/// (`كيم جونغ أون`, Kim Jong Un, is `كيم` alone; `شي جين بينغ` is `شي`).
const FAMILY_FIRST_COUNTRIES: &[&str] =
    &["country:china", "country:taiwan", "country:north-korea", "country:south-korea"];

/// An English name in the Korean romanisation, family name first and the given name joined with
/// a hyphen (`Ban Ki-moon`, `Moon Jae-in`): the name of a Korean whose row names no country of
/// [`FAMILY_FIRST_COUNTRIES`] (a Secretary-General acts for the UN).
pub(crate) fn korean_romanisation(name_en: &str) -> bool {
    let capitalised = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.all(|c| c.is_ascii_lowercase())
    };
    match name_en.split(' ').collect::<Vec<_>>().as_slice() {
        [family, given] => {
            capitalised(family)
                && given.split_once('-').is_some_and(|(a, b)| {
                    capitalised(a) && !b.is_empty() && b.chars().all(|c| c.is_ascii_lowercase())
                })
        }
        _ => false,
    }
}

/// The family name alone of a full name (its keys): the last word, with the particle before it
/// or the word a suffix follows ([`FAMILY_PARTICLES`]). None for a name written family name
/// first: its first word is one syllable that begins many names and words (`كيم`, `بارك`,
/// `تشانغ` of بيونغ تشانغ), and names the person alone only in an article that names them in
/// full (the entity layer links it there).
fn family_name(words: &[String], family_first: bool) -> Option<Vec<String>> {
    if family_first {
        return None;
    }
    let (last, rest) = words.split_last()?;
    let before = rest.last()?;
    // the end of a compound first name (معين عبد الملك, عادل عبد المهدي): الملك alone is "the
    // king", السلام "peace", and عبد الملك alone anyone's first name
    if before == "عبد" {
        return None;
    }
    let initials = rest.len() >= 2 && INITIALS.contains(&rest[rest.len() - 2].as_str());
    let particle =
        (FAMILY_PARTICLES.contains(&before.as_str()) || PATRONYMIC.contains(&before.as_str())) && !initials;
    if rest.len() >= 2 && (particle || FAMILY_SUFFIXES.contains(&last.as_str())) {
        return Some(vec![before.clone(), last.clone()]);
    }
    if FAMILY_SUFFIXES.contains(&last.as_str()) || particle {
        // the whole name is the particle or suffix and one word: no shorter form
        return None;
    }
    Some(vec![last.clone()])
}

/// The offices of a role column: each `|`-separated role with its years in brackets (`2018-`,
/// `2006-2007, 2012-2020`, `2014`; `d. 2024`, the year of death, ends an office of unknown
/// start).
pub(crate) fn offices(role: &str) -> Vec<Office> {
    const HEADS: &[&str] = &[
        "President",
        "Prime Minister",
        "Head of Government",
        "Head of State",
        "Chancellor of Germany",
        "King",
        "Queen",
        "Emir",
        "Sultan",
        "Supreme Leader",
        "Crown Prince",
        "Pope",
        "Secretary-General of the United Nations",
        "UN Secretary-General",
        "Acting President",
        "Leader",
        "Founder",
        "Caliph",
    ];
    let mut out = Vec::new();
    for part in role.split('|').map(str::trim) {
        let head = HEADS.iter().any(|h| {
            part.strip_prefix(h).is_some_and(|rest| rest.starts_with([' ', '(']) || rest.is_empty())
        }) && !part.starts_with("President of the Senate");
        let b = part.as_bytes();
        let year_at = |i: usize| -> Option<i32> {
            let d = b.get(i..i + 4)?;
            let before = i.checked_sub(1).and_then(|j| b.get(j)).is_some_and(u8::is_ascii_digit);
            let after = b.get(i + 4).is_some_and(u8::is_ascii_digit);
            (d.iter().all(u8::is_ascii_digit) && !before && !after)
                .then(|| d.iter().fold(0, |y, &c| y * 10 + i32::from(c - b'0')))
        };
        let mut i = 0;
        while i < b.len() {
            let Some(from) = year_at(i) else {
                i += 1;
                continue;
            };
            // a year of death (`Leader of the Gülen movement (d. 2024)`): in office until then
            if part[..i].ends_with("d. ") {
                out.push(Office { from: 0, to: Some(from), head });
                i += 4;
                continue;
            }
            i += 4;
            // a dash (or an en dash: three bytes in UTF-8), then maybe the last year
            let dash = if b.get(i) == Some(&b'-') {
                1
            } else if part.get(i..).is_some_and(|r| r.starts_with('–')) {
                '–'.len_utf8()
            } else {
                0
            };
            let to = if dash == 0 {
                Some(from)
            } else {
                i += dash;
                let to = year_at(i);
                if to.is_some() {
                    i += 4;
                }
                to
            };
            out.push(Office { from, to, head });
        }
    }
    out
}

/// The fewest letters a name needs for its loose key to be indexed.
const LOOSE_MIN_LETTERS: usize = 5;
/// The fewest letters its loose key needs, the definite article (as written) left out.
const LOOSE_MIN_SKELETON: usize = 4;
/// The letters a one-word name counts for its typos: the definite article counts for one, not
/// two (the article and five letters made too many ordinary words one letter off a name:
/// الاسكواش, "squash", off الإسكوا; العصائر, القاطرة, البلطان). `article`: the name is written
/// with it (ألمانيا, keyed المانيا, is not).
fn typo_letters(name: &str, article: bool) -> usize {
    match name.strip_prefix("ال") {
        Some(rest) if article => letter_count(rest) + 1,
        _ => letter_count(name),
    }
}

/// The keys of the words of a name, tokenised like text.
pub(crate) fn phrase_keys(normalizer: &Normalizer, phrase: &str) -> Vec<String> {
    let norm = normalizer.normalize(phrase);
    // a hyphen between words of a name (`بان كي-مون`) is no word of it: the matcher reads
    // past it in the text ([`crate::joins_name_words`])
    tokenize(&norm).map(|t| key(t.norm_str(&norm)).into_owned()).filter(|w| w != "-").collect()
}

struct Builder<'n> {
    kb: Kb,
    normalizer: &'n Normalizer,
    /// Entries whose country is still a string (resolved at the end): (entry, file, line, id).
    pending_country: Vec<(EntryId, &'static str, usize, String)>,
    pending_capital: Vec<(EntryId, &'static str, usize, String)>,
}

pub(crate) fn load(sources: &Sources<'_>) -> Result<Kb, KbError> {
    let normalizer = Normalizer::analysis();
    let mut b = Builder {
        kb: Kb::default(),
        normalizer: &normalizer,
        pending_country: Vec::new(),
        pending_capital: Vec::new(),
    };
    let words = |src: &str| -> rustc_hash::FxHashSet<String> {
        src.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .flat_map(|l| phrase_keys(&normalizer, l))
            .collect()
    };
    b.kb.outside_names = words(sources.common_words);
    b.kb.common = b.kb.outside_names.clone();
    b.kb.common.extend(words(sources.ordinary_words));
    b.kb.frequent = words(sources.frequent_words);
    b.countries(sources.countries)?;
    b.places(sources.places)?;
    b.orgs(sources.orgs)?;
    b.people(sources.people)?;
    b.resolve()?;
    b.given_names(sources.given_names)?;
    b.index_names(sources)?;
    b.titles(sources.titles)?;
    static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    b.kb.id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    Ok(b.kb)
}

/// What is wrong with the English spelling of a first name, if anything: one spelling in Latin
/// letters (with `-` and `'` inside words), its first letter a capital.
fn english_problem(en: &str) -> Option<&'static str> {
    if en.contains('|') {
        return Some("one spelling per row");
    }
    if !en.chars().all(|c| c == ' ' || c == '-' || c == '\'' || (c.is_alphabetic() && c < '\u{0250}')) {
        return Some("Latin letters, spaces, - and ' only");
    }
    if !en.chars().next().is_some_and(char::is_uppercase) {
        return Some("it starts with a capital");
    }
    if en.contains("  ") || en.ends_with([' ', '-', '\'']) {
        return Some("a space, - or ' between letters only");
    }
    None
}

fn row_error(file: &'static str, row: &Row<'_>, message: impl Into<String>) -> KbError {
    KbError::Row { file, line: row.line, message: message.into() }
}

impl Builder<'_> {
    /// Adds an entry; checks the id's form and uniqueness.
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        file: &'static str,
        row: &Row<'_>,
        id: &str,
        kind: Kind,
        etype: EntityType,
        subtype: &str,
        name_en: &str,
        name_ar: &str,
    ) -> Result<EntryId, KbError> {
        let prefix = match kind {
            Kind::Country => "country:",
            Kind::Place => "place:",
            Kind::Org => "org:",
            Kind::Person => "person:",
        };
        let slug_ok = id.strip_prefix(prefix).is_some_and(|s| {
            !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        });
        if !slug_ok {
            return Err(row_error(file, row, format!("id {id:?} is not {prefix}slug (a-z, 0-9, -)")));
        }
        if name_en.is_empty() || name_ar.is_empty() {
            return Err(row_error(file, row, format!("{id}: name_en and names_ar are required")));
        }
        let entry_id = EntryId(u32::try_from(self.kb.entries.len()).expect("fewer than 2^32 entries"));
        if self.kb.by_id.insert(id.to_string(), entry_id).is_some() {
            return Err(row_error(file, row, format!("id {id} is used twice")));
        }
        self.kb.entries.push(Entry {
            id: id.to_string(),
            kind,
            etype,
            subtype: subtype.to_string(),
            name_en: name_en.to_string(),
            name_ar: name_ar.to_string(),
            country: None,
            capital: None,
            coordinates: None,
            population: None,
            offices: Vec::new(),
            // a person with no country is taken for an international figure with a
            // transliterated name; a country decides otherwise (resolve)
            foreign: kind == Kind::Person,
            family_first: kind == Kind::Person && korean_romanisation(name_en),
        });
        Ok(entry_id)
    }

    fn countries(&mut self, src: &str) -> Result<(), KbError> {
        const FILE: &str = "countries.tsv";
        if src.is_empty() {
            return Ok(());
        }
        let t =
            Table::parse(FILE, src, &["id", "name_en", "iso2", "names_ar", "nisba", "demonyms", "capital"])?;
        let (id, en, iso2, ar, nisba, demonyms, capital, regime) = (
            t.col("id"),
            t.col("name_en"),
            t.col("iso2"),
            t.col("names_ar"),
            t.col("nisba"),
            t.col("demonyms"),
            t.col("capital"),
            t.col("regime"),
        );
        for row in &t.rows {
            let first_ar = row.list(ar).next().unwrap_or("");
            let e = self.add(
                FILE,
                row,
                row.get(id),
                Kind::Country,
                EntityType::Gpe,
                "country",
                row.get(en),
                first_ar,
            )?;
            let code = row.get(iso2).to_ascii_uppercase();
            self.kb.entries[e.index()].foreign = !ARAB_COUNTRIES.contains(&code.as_str());
            for adjective in row.list(nisba) {
                let masculine = phrase_keys(self.normalizer, adjective).join(" ");
                for form in nisba_forms(&masculine) {
                    self.kb.nisba.entry(form).or_insert(e);
                }
                if !row.get(regime).is_empty() {
                    self.kb.regime.insert(format!("ال{masculine}"), e);
                }
            }
            for people in row.list(demonyms) {
                let k = phrase_keys(self.normalizer, people).join(" ");
                self.kb.nisba.entry(format!("ال{k}")).or_insert(e);
                self.kb.nisba.entry(k).or_insert(e);
            }
            if !row.get(capital).is_empty() {
                self.pending_capital.push((e, FILE, row.line, row.get(capital).to_string()));
            }
        }
        Ok(())
    }

    fn places(&mut self, src: &str) -> Result<(), KbError> {
        const FILE: &str = "places.tsv";
        if src.is_empty() {
            return Ok(());
        }
        let t = Table::parse(FILE, src, &["id", "type", "subtype", "name_en", "names_ar", "country"])?;
        let (id, typ, sub, en, ar, country, lat, lon, pop) = (
            t.col("id"),
            t.col("type"),
            t.col("subtype"),
            t.col("name_en"),
            t.col("names_ar"),
            t.col("country"),
            t.col("lat"),
            t.col("lon"),
            t.col("population"),
        );
        for row in &t.rows {
            let etype = match row.get(typ) {
                "GPE" => EntityType::Gpe,
                "LOC" => EntityType::Loc,
                other => return Err(row_error(FILE, row, format!("type {other:?} is neither GPE nor LOC"))),
            };
            let first_ar = row.list(ar).next().unwrap_or("");
            let e =
                self.add(FILE, row, row.get(id), Kind::Place, etype, row.get(sub), row.get(en), first_ar)?;
            let entry = &mut self.kb.entries[e.index()];
            entry.coordinates = row.get(lat).parse().ok().zip(row.get(lon).parse().ok());
            entry.population = row.get(pop).parse().ok();
            if !row.get(country).is_empty() {
                self.pending_country.push((e, FILE, row.line, row.get(country).to_string()));
            }
        }
        Ok(())
    }

    fn orgs(&mut self, src: &str) -> Result<(), KbError> {
        const FILE: &str = "orgs.tsv";
        if src.is_empty() {
            return Ok(());
        }
        let t = Table::parse(FILE, src, &["id", "subtype", "name_en", "names_ar", "country"])?;
        let (id, sub, en, ar, country) =
            (t.col("id"), t.col("subtype"), t.col("name_en"), t.col("names_ar"), t.col("country"));
        for row in &t.rows {
            let first_ar = row.list(ar).next().unwrap_or("");
            let e = self.add(
                FILE,
                row,
                row.get(id),
                Kind::Org,
                EntityType::Org,
                row.get(sub),
                row.get(en),
                first_ar,
            )?;
            if !row.get(country).is_empty() {
                self.pending_country.push((e, FILE, row.line, row.get(country).to_string()));
            }
        }
        Ok(())
    }

    fn people(&mut self, src: &str) -> Result<(), KbError> {
        const FILE: &str = "people.tsv";
        if src.is_empty() {
            return Ok(());
        }
        let t = Table::parse(FILE, src, &["id", "name_en", "names_ar", "country"])?;
        let (id, en, ar, country, role) =
            (t.col("id"), t.col("name_en"), t.col("names_ar"), t.col("country"), t.col("role"));
        for row in &t.rows {
            let first_ar = row.list(ar).next().unwrap_or("");
            let e = self.add(
                FILE,
                row,
                row.get(id),
                Kind::Person,
                EntityType::Person,
                row.get(role),
                row.get(en),
                first_ar,
            )?;
            self.kb.entries[e.index()].offices = offices(row.get(role));
            if !row.get(country).is_empty() {
                self.pending_country.push((e, FILE, row.line, row.get(country).to_string()));
            }
        }
        Ok(())
    }

    /// Resolves countries and capitals; marks foreign entries.
    fn resolve(&mut self) -> Result<(), KbError> {
        for (e, file, line, id) in std::mem::take(&mut self.pending_country) {
            let Some(c) = self.kb.by_id(&id).filter(|c| self.kb.entries[c.index()].kind == Kind::Country)
            else {
                return Err(KbError::Row {
                    file,
                    line,
                    message: format!("country {id} is not in countries.tsv"),
                });
            };
            let foreign = self.kb.entries[c.index()].foreign;
            let entry = &mut self.kb.entries[e.index()];
            entry.country = Some(c);
            entry.foreign = foreign;
            if entry.kind == Kind::Person && FAMILY_FIRST_COUNTRIES.contains(&id.as_str()) {
                entry.family_first = true;
            }
            if entry.kind == Kind::Org {
                self.kb.orgs_by_country.entry(c).or_default().push(e);
            }
        }
        for (e, file, line, id) in std::mem::take(&mut self.pending_capital) {
            let Some(p) = self.kb.by_id(&id).filter(|p| self.kb.entries[p.index()].kind == Kind::Place)
            else {
                return Err(KbError::Row {
                    file,
                    line,
                    message: format!("capital {id} is not in places.tsv"),
                });
            };
            self.kb.entries[e.index()].capital = Some(p);
        }
        Ok(())
    }

    /// Indexes the Arabic names (and abbreviations) of every entry.
    fn index_names(&mut self, sources: &Sources<'_>) -> Result<(), KbError> {
        let files: [(&'static str, &str, &[&str]); 4] = [
            ("countries.tsv", sources.countries, &["names_ar"]),
            ("places.tsv", sources.places, &["names_ar"]),
            ("orgs.tsv", sources.orgs, &["names_ar", "abbr"]),
            ("people.tsv", sources.people, &["names_ar"]),
        ];
        let mut shorts: std::collections::BTreeMap<Vec<String>, Vec<EntryId>> =
            std::collections::BTreeMap::new();
        for (file, src, columns) in files {
            if src.is_empty() {
                continue;
            }
            let t = Table::parse(file, src, &["id"])?;
            let (id, head) = (t.col("id"), t.col("head"));
            for row in &t.rows {
                let e = self.kb.by_id(row.get(id)).expect("every row became an entry");
                let heads: Vec<Vec<String>> =
                    row.list(head).map(|h| phrase_keys(self.normalizer, h)).collect();
                for &column in columns {
                    for name in row.list(t.col(column)) {
                        let words = phrase_keys(self.normalizer, name);
                        if words.is_empty() {
                            continue;
                        }
                        let kind = if column == "abbr" {
                            let masks: Vec<u32> = name.split_whitespace().map(crate::capitals_mask).collect();
                            if masks.len() == words.len() && masks.iter().any(|&m| m != 0) {
                                self.kb.capitals.insert((e, words.join(" ")), masks);
                            }
                            AliasKind::Abbreviation
                        } else if heads.iter().any(|h| words.len() > h.len() && words.starts_with(h)) {
                            AliasKind::Headed
                        } else {
                            AliasKind::Name
                        };
                        let family_first = self.kb.entries[e.index()].family_first;
                        let family = (file == "people.tsv" && words.len() > 1)
                            .then(|| family_name(&words, family_first))
                            .flatten()
                            .filter(|f| {
                                let w = &f[f.len() - 1];
                                (f.len() > 1 || letter_count(w) >= 3)
                                    && !(f.len() == 1 && self.kb.given.contains_key(w))
                                    && !NOT_FAMILY_NAMES.contains(&w.as_str())
                            });
                        // which words carry the article, read as written: the keys fold
                        // أ إ آ into ا, and ألمانيا or إليزابيث have none
                        let raw: Vec<&str> = name.split_whitespace().collect();
                        let article: Vec<bool> = if raw.len() == words.len() {
                            raw.iter().map(|r| r.starts_with("ال")).collect()
                        } else {
                            words.iter().map(|w| w.starts_with("ال")).collect()
                        };
                        self.index_alias(e, kind, words, &article);
                        if let Some(f) = family {
                            shorts.entry(f).or_default().push(e);
                        }
                    }
                }
            }
        }
        // family names alone, once per person; a full name of another entry wins over them
        for (words, people) in shorts {
            let mut seen = Vec::new();
            for e in people {
                if !seen.contains(&e) {
                    seen.push(e);
                    self.index_alias(e, AliasKind::Short, words.clone(), &[]);
                }
            }
        }
        Ok(())
    }

    /// Indexes one name of `entry`; `article` says which of its words carry the definite
    /// article (as written; a word left out has none).
    fn index_alias(&mut self, entry: EntryId, kind: AliasKind, words: Vec<String>, article: &[bool]) {
        if kind != AliasKind::Short {
            if self.kb.names_of.len() <= entry.index() {
                self.kb.names_of.resize(self.kb.entries.len(), Vec::new());
            }
            self.kb.names_of[entry.index()].push(words.clone());
        }
        // a name spelled like a common word, or like a nisba (أرمينية is also "Armenian")
        let ambiguous =
            words.len() == 1 && (self.kb.common.contains(&words[0]) || self.kb.nisba.contains_key(&words[0]));
        let alias = AliasRef { entry, kind, ambiguous };
        let e = &self.kb.entries[entry.index()];
        // variants and typos are tolerated for what news name often, not for every village
        let prominent = e.prominent();
        let letters: usize = words.iter().map(|w| letter_count(w)).sum();
        // a one-word place name is too easily another word's loose twin (سالانغي ~ سالونيك)
        let loose_kind = e.kind != Kind::Place || words.len() > 1;
        // a family name alone is matched as written: its loose twins are too many (فردين ~
        // فاردانيان)
        let fuzzy = kind != AliasKind::Abbreviation && kind != AliasKind::Short;
        if prominent && loose_kind && e.foreign && fuzzy && letters >= LOOSE_MIN_LETTERS {
            let skeletons: Vec<String> = words.iter().map(|w| skeleton(w)).collect();
            // the article is no evidence: الكونغو and الجناج share the loose key الكنك, and
            // اليابان is البن ("the coffee")
            let evidence = |(k, s): (usize, &String)| match s.strip_prefix("ال") {
                Some(rest) if article.get(k).copied().unwrap_or(false) => letter_count(rest),
                _ => letter_count(s),
            };
            if skeletons.iter().enumerate().map(evidence).sum::<usize>() >= LOOSE_MIN_SKELETON {
                self.kb.loose.insert(skeletons, alias);
            }
        }
        // typos only in the names of countries, capitals, provinces and regions, people and
        // organisations: a town's name is too often one letter from an ordinary word
        let typo_kind = e.kind != Kind::Place
            || matches!(e.subtype.as_str(), "capital" | "province" | "region" | "territory");
        if prominent
            && typo_kind
            && words.len() == 1
            && typo_letters(&words[0], article.first().copied().unwrap_or(false)) >= TYPO_MIN_LETTERS
            && fuzzy
        {
            let name = words[0].clone();
            self.kb.typo_prefixes.insert(name.chars().take(TYPO_PREFIX).collect());
            for variant in std::iter::once(name.clone()).chain(deletions(&name)) {
                self.kb.typos.entry(variant).or_default().push((name.clone(), alias));
            }
        }
        self.kb.names.insert(words, alias);
    }

    fn given_names(&mut self, src: &str) -> Result<(), KbError> {
        const FILE: &str = "given-names.tsv";
        if src.is_empty() {
            return Ok(());
        }
        let t = Table::parse(FILE, src, &["name", "origin"])?;
        let (name, origin, english) = (t.col("name"), t.col("origin"), t.col("english"));
        let gender = t.col("gender");
        for row in &t.rows {
            let arabic = match row.get(origin) {
                "arabic" => true,
                "foreign" => false,
                other => {
                    return Err(row_error(
                        FILE,
                        row,
                        format!("origin {other:?} is neither arabic nor foreign"),
                    ));
                }
            };
            let female = match row.get(gender) {
                "f" => true,
                "m" | "" => false,
                other => {
                    return Err(row_error(FILE, row, format!("gender {other:?} is neither m, f nor empty")));
                }
            };
            let given = GivenName { arabic, female };
            let words = phrase_keys(self.normalizer, row.get(name));
            let en = row.get(english);
            if !en.is_empty() {
                if let Some(problem) = english_problem(en) {
                    return Err(row_error(FILE, row, format!("english {en:?}: {problem}")));
                }
                let k = words.join(" ");
                match self.kb.given_english.get(&k) {
                    Some(other) if other != en => {
                        return Err(row_error(
                            FILE,
                            row,
                            format!("english {en:?}: {} is spelled {other:?} on another row", row.get(name)),
                        ));
                    }
                    Some(_) => {}
                    None => {
                        self.kb.given_english.insert(k, en.to_string());
                    }
                }
            }
            if let [single] = words.as_slice() {
                self.kb.given.entry(single.clone()).or_insert(given);
            } else if words.len() > 1 {
                // a compound (عبد الرحمن, نور الدين) is a name as a whole: its words alone are
                // not names (الدين, الله); عبد opens a name whatever follows it
                if words[0] == "عبد" {
                    self.kb.given.entry(words[0].clone()).or_insert(given);
                }
                self.kb.given_compounds.insert(words, given);
            }
        }
        Ok(())
    }

    fn titles(&mut self, src: &str) -> Result<(), KbError> {
        const FILE: &str = "titles.tsv";
        if src.is_empty() {
            return Ok(());
        }
        let t = Table::parse(FILE, src, &["title", "kind", "en"])?;
        let (title, kind, en) = (t.col("title"), t.col("kind"), t.col("en"));
        for row in &t.rows {
            let k = match row.get(kind) {
                "title" => TitleKind::Title,
                "role" => TitleKind::Role,
                "honorific" => TitleKind::Honorific,
                "kin" => TitleKind::Kin,
                other => {
                    return Err(row_error(
                        FILE,
                        row,
                        format!("kind {other:?} is not title, role, honorific or kin"),
                    ));
                }
            };
            let words = phrase_keys(self.normalizer, row.get(title));
            if !words.is_empty() {
                self.kb.titles.insert(words, Title { kind: k, en: row.get(en).to_string() });
            }
        }
        Ok(())
    }
}
