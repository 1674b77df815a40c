//! English names for organisations the knowledge base does not know.
//!
//! An organisation found by its head (`مركز X`, `منظمة X`, `مديرية X`) is named in English with
//! the words of `data/kb/org-words.tsv`, in English order, rather than romanised: `مركز
//! المعلومات والتأهيل لحقوق الإنسان` → `Information and Training Center for Human Rights`,
//! `مديرية صحة الأنبار` → `Al Anbar Health Directorate`, `المركز الوطني للمعلومات` → `National
//! Center for Information`.
//!
//! A name is read as an Arabic noun phrase: the head noun, its adjectives, the nouns of its
//! construct (joined by و), places and proper names; then, after ل, a complement read the same
//! way. English puts the construct and the adjectives before the head (`Health Directorate`,
//! `National Center`), a place or a proper name first of all (`Al Anbar`, without `Governorate`), and the complement
//! after it (`for Human Rights`). A word that is neither in the table, nor a place of the
//! knowledge base, nor a proper name (a word the knowledge base does not know as common) makes
//! the whole name fall back to its romanisation: half a translation reads worse than none.
//! One swap of two neighbouring letters in a long word is forgiven (`الملعومات`).

use std::sync::LazyLock;

use marsad_kb::{Kb, Kind};
use marsad_text::{AnalysedToken, Normalizer, Proclitic, Segmenter, analyse, key};
use rustc_hash::FxHashMap;

use super::romanize;
use crate::lexicon::tsv_rows;

const ORG_WORDS: &str = include_str!("../../../../data/kb/org-words.tsv");

/// What a word of a name is in English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pos {
    Noun,
    Adj,
}

type Table = FxHashMap<String, (&'static str, Pos)>;

/// The table: the keyed stems of one or two words (joined by a space) to their English.
static WORDS: LazyLock<Table> = LazyLock::new(|| {
    tsv_rows(ORG_WORDS)
        .skip(1)
        .filter(|r| r.len() >= 3 && !r[0].is_empty())
        .filter_map(|r| {
            let pos = match r[2] {
                "noun" => Pos::Noun,
                "adj" => Pos::Adj,
                _ => return None,
            };
            let stems: Vec<String> = analysed(r[0], None).into_iter().map(|(s, _, _)| s).collect();
            (!stems.is_empty()).then(|| (stems.join(" "), (r[1], pos)))
        })
        .collect()
});

/// The keyed stems of the words of `text` (without proclitics or the article), with whether
/// each had و and ل (see [`read_word`]).
fn analysed(text: &str, table: Option<&Table>) -> Vec<(String, bool, bool)> {
    let norm = Normalizer::analysis().normalize(text);
    analyse(&norm, norm.full_span(), Segmenter::builtin())
        .map(|t| read_word(&t, norm.text(), table))
        .collect()
}

/// A token's keyed stem and whether it had و and ل; a word `table` knows whole is not split
/// (وحدة, وكالة).
fn read_word(t: &AnalysedToken, normalized: &str, table: Option<&Table>) -> (String, bool, bool) {
    let whole = key(t.norm_str(normalized)).into_owned();
    let stem = key(t.stem(normalized)).into_owned();
    if stem != whole && table.is_some_and(|w| w.contains_key(&whole)) {
        (whole, false, false)
    } else {
        (stem, t.has(Proclitic::Wa), t.has(Proclitic::Li))
    }
}

/// A word of the name, read.
#[derive(Clone, Debug)]
struct Unit {
    en: String,
    /// A noun, an adjective, or a place or proper name (`None`).
    pos: Option<Pos>,
    /// After و.
    and: bool,
    /// After ل: a complement starts.
    to: bool,
    /// A place of the knowledge base.
    place: bool,
}

/// The entry for `stem`: as written, as the masculine of a feminine adjective (وطنية), or
/// with two neighbouring letters swapped back in a long word.
fn look_up(stem: &str) -> Option<(&'static str, Pos)> {
    let table = &*WORDS;
    if let Some(&e) = table.get(stem) {
        return Some(e);
    }
    if let Some(m) = stem.strip_suffix('ه')
        && let Some(&(en, Pos::Adj)) = table.get(m)
    {
        return Some((en, Pos::Adj));
    }
    let chars: Vec<char> = stem.chars().collect();
    if chars.len() < 6 {
        return None;
    }
    let mut found = None;
    for i in 1..chars.len() - 1 {
        let mut c = chars.clone();
        c.swap(i, i + 1);
        if let Some(&e) = table.get(&c.into_iter().collect::<String>()) {
            // two readings: neither
            if found.is_some() {
                return None;
            }
            found = Some(e);
        }
    }
    found
}

/// The English name of the organisation named `written`, or `None` when a word of it cannot
/// be read (see the module documentation).
pub fn org_english(written: &str, kb: &Kb) -> Option<String> {
    let table = &*WORDS;
    let norm = Normalizer::analysis().normalize(written);
    let tokens: Vec<_> = analyse(&norm, norm.full_span(), Segmenter::builtin()).collect();
    if tokens.is_empty() || tokens.len() > 10 {
        return None;
    }
    let places = kb.find(&tokens, norm.text());
    let stems: Vec<(String, bool, bool)> =
        tokens.iter().map(|t| read_word(t, norm.text(), Some(table))).collect();
    let mut units: Vec<Unit> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let (stem, and, to) = &stems[i];
        let (and, to) = (*and, *to);
        // two words the table names together (حقوق الإنسان)
        if let Some((next, _, false)) = stems.get(i + 1)
            && let Some(&(en, pos)) = table.get(&format!("{stem} {next}"))
        {
            units.push(Unit { en: en.to_string(), pos: Some(pos), and, to, place: false });
            i += 2;
            continue;
        }
        if let Some((en, pos)) = look_up(stem) {
            units.push(Unit { en: en.to_string(), pos: Some(pos), and, to, place: false });
            i += 1;
            continue;
        }
        if i > 0
            && let Some(m) = places.iter().find(|m| m.start == i)
            && let Some(c) = m.candidates.iter().find(|c| !c.ambiguous)
            && matches!(kb.entry(c.entry).kind, Kind::Place | Kind::Country)
        {
            // the place as a modifier: Al Anbar, not Al Anbar Governorate
            let name = &kb.entry(c.entry).name_en;
            let short = [" Governorate", " Province", " District", " Region", " Oblast"]
                .iter()
                .find_map(|s| name.strip_suffix(s))
                .unwrap_or(name);
            units.push(Unit { en: short.to_string(), pos: None, and, to, place: true });
            i = m.end;
            continue;
        }
        // a proper name, never the head and never a common word
        if i == 0 || kb.is_common_word(stem) || stem.chars().count() < 3 {
            return None;
        }
        // a foreign name is not cut at a letter that looks like a preposition (برنستون,
        // بالوشستان): only و comes off
        let proper = romanize(tokens[i].bare(norm.text()), kb);
        if proper.is_empty() {
            return None;
        }
        units.push(Unit { en: proper, pos: None, and, to, place: false });
        i += 1;
    }
    let name = phrase(&units)?;
    Some(name)
}

/// The English of a noun phrase (see the module documentation).
fn phrase(units: &[Unit]) -> Option<String> {
    let (head, rest) = units.split_first()?;
    if head.pos != Some(Pos::Noun) {
        return None;
    }
    let complement = rest.iter().position(|u| u.to).unwrap_or(rest.len());
    let (own, mut after) = rest.split_at(complement);
    // a complement that is a place alone goes first, as a modifier: المركز الإعلامي للغوطة →
    // Ghouta Media Center, as مركز الغوطة الإعلامي
    let mut names: Vec<&str> = Vec::new();
    if let [place] = after
        && place.place
    {
        names.push(&place.en);
        after = &[];
    }
    let mut adjectives: Vec<&str> = Vec::new();
    let mut construct: Vec<String> = Vec::new();
    for u in own {
        match u.pos {
            Some(Pos::Adj) => adjectives.push(&u.en),
            Some(Pos::Noun) => {
                if u.and && !construct.is_empty() {
                    construct.push("and".to_string());
                } else if u.and {
                    return None;
                }
                construct.push(u.en.clone());
            }
            None => names.push(&u.en),
        }
    }
    let mut out: Vec<String> = names.iter().map(|s| (*s).to_string()).collect();
    // the adjective nearest the noun stays nearest it: الهيئة الطبية الدولية → International
    // Medical Commission
    out.extend(adjectives.iter().rev().map(|s| (*s).to_string()));
    out.extend(construct);
    out.push(head.en.clone());
    if !after.is_empty() {
        let mut rest = after.to_vec();
        rest[0].to = false;
        out.push("for".to_string());
        out.push(phrase(&rest)?);
    }
    Some(out.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en(name: &str) -> Option<String> {
        org_english(name, Kb::builtin())
    }

    #[test]
    fn construct_and_complement_in_english_order() {
        assert_eq!(
            en("مركز المعلومات والتأهيل لحقوق الإنسان").as_deref(),
            Some("Information and Training Center for Human Rights")
        );
        assert_eq!(en("المركز الوطني للمعلومات").as_deref(), Some("National Center for Information"));
        assert_eq!(en("مديرية صحة الأنبار").as_deref(), Some("Al Anbar Health Directorate"));
        // a place as the complement is a modifier too
        assert_eq!(en("المركز الإعلامي للغوطة").as_deref(), Some("Ghouta Media Center"));
        assert_eq!(en("مركز الغوطة الإعلامي").as_deref(), Some("Ghouta Media Center"));
        assert_eq!(en("الهيئة الطبية الدولية").as_deref(), Some("International Medical Commission"));
    }

    #[test]
    fn a_swapped_pair_of_letters_in_a_long_word_is_forgiven() {
        assert_eq!(
            en("مركز الملعومات والتأهيل لحقوق الإنسان").as_deref(),
            Some("Information and Training Center for Human Rights")
        );
    }

    #[test]
    fn proper_names_and_places_come_first() {
        assert_eq!(en("شرطة كابل").as_deref(), Some("Kabul Police"));
        let saba = en("وكالة سبأ للأنباء").unwrap();
        assert!(saba.starts_with('S') && saba.ends_with(" Agency for News"), "{saba}");
    }

    #[test]
    fn every_row_of_the_table_is_read() {
        let rows: Vec<Vec<&str>> = tsv_rows(ORG_WORDS).skip(1).collect();
        for r in &rows {
            assert!(r.len() >= 3 && matches!(r[2], "noun" | "adj"), "org-words.tsv: {r:?}");
        }
        assert_eq!(WORDS.len(), rows.len(), "two rows of org-words.tsv share a key");
    }

    #[test]
    fn unreadable_names_are_left_to_romanisation() {
        // a common word the table does not know
        assert_eq!(en("مركز يقول"), None);
        // an adjective cannot head a name
        assert_eq!(en("الوطني"), None);
        assert_eq!(en(""), None);
    }
}
