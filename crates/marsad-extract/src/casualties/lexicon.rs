//! The casualty layer's word tables (`data/casualties/*.tsv`), normalised and keyed like the
//! text they are matched against.

use std::sync::LazyLock;

use marsad_kb::names::key;
use marsad_text::Normalizer;
use rustc_hash::FxHashMap;

use super::{Kind, Population};
use crate::lexicon::{columns, tsv_rows};

const NOUNS: &str = include_str!("../../../../data/casualties/nouns.tsv");
const TRIGGERS: &str = include_str!("../../../../data/casualties/triggers.tsv");
const MARKERS: &str = include_str!("../../../../data/casualties/markers.tsv");
const GROUPS: &str = include_str!("../../../../data/casualties/groups.tsv");
const GENDERS: &str = include_str!("../../../../data/casualties/genders.tsv");

pub use crate::lexicon::LexiconError;

/// What a counted noun says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Noun {
    /// The kind the noun carries by itself (قتيل), or `None` for a person noun (جندي).
    pub kind: Option<Kind>,
    /// `None` for آخرين: the population of the figure before it.
    pub population: Option<Population>,
    pub plural: bool,
    /// A household or a family (عائلة, أسرة): several people of unknown number, read as a
    /// plural (مقتل عائلة كاملة is a claim without a count, not one person killed).
    pub group: bool,
    /// An institution whose people are counted out of it (جيش, شرطة: 3 من الجيش): a
    /// singular that never names one person.
    pub body: bool,
}

/// Where a trigger stands relative to the number it governs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Trigger {
    pub kind: Kind,
    /// It may come before the number (مقتل 49).
    pub before: bool,
    /// It may come after the number and its noun (4 جنود قتلوا).
    pub after: bool,
    /// Only without the article: with it, it is another word (الأسر is "the families",
    /// أسر "capture").
    pub indefinite: bool,
    /// Only with people named: a counted noun of people or من and people (خسارة 71 من
    /// قواتها; not a team's خسارة 3 - 1).
    pub people: bool,
    /// Only after the preposition ب (أودى بحياة 5 أشخاص; not تهدد حياة المدنيين).
    pub bi: bool,
    /// Only with من after it in its clause: what the people suffer from (يعانون من أعراض
    /// الاختناق; not يعاني سكانها أوضاعا إنسانية سيئة).
    pub min: bool,
    /// Only with على right after it (القضاء على 71 إرهابيا; not القضاء العسكري, the military
    /// judiciary).
    pub ala: bool,
    /// Only with ضحية right after it (راح ضحيتها 57 قتيلا; not راح ناشطون يتداولون الفيديو,
    /// "went on").
    pub victim: bool,
}

/// The role of a marker word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    Ranks,
    Cumulative,
    Both,
    War,
    /// Fighters of the other side as a reporter names them (مسلحين، متمردين، إرهابيين،
    /// انتحاريين، مهاجمين): an armed group's people, not a country's.
    Hostile,
    /// A body's seat (ومقره لندن): the place after it is not where the people were hit.
    Seat,
    /// A strike or an attack (قصف, غارات, هجوم): the nisba adjective after it names the
    /// attacker, not the people hit (قصف روسي).
    Attack,
    /// The means or the hands of the harm (برصاص, بنيران, على يد): the party named after it
    /// did the harm, it is not whose the people hit are (برصاص الاحتلال الإسرائيلي).
    Agent,
    /// A word of place (في, شمال, أنحاء): a country named after it is where it happened,
    /// elsewhere an actor (التحالف بقيادة السعودية).
    Place,
    /// A meeting or an agreement named after a place (قمة طهران, محادثات جنيف, اتفاق
    /// سوتشي): the place right after it is not where the people were hit.
    Named,
    /// Where a force stands (مواقع, تجمعات, ثكنة, رتل): the force named after it is whose
    /// people a figure later in the sentence counts, when it names no side.
    Site,
    /// A definite noun that names again a body of the article (الحلف, التنظيم): the body of
    /// this subtype named last before it.
    Back(&'static str),
    /// An illness (اكتئاب, كوليرا): people struck with it are patients, not casualties.
    Illness,
    /// A wound or a symptom of harm (جروح, حروق, تسمم): people who suffer from it (يعانون من)
    /// are hurt.
    Injury,
    /// A massacre, a slaughter, a chemical weapon or suffocation (مجزرة, ذبح, السارين,
    /// اختنقوا): the people of no stated population it killed or wounded are civilians.
    Atrocity,
    /// Protesters or protests (المحتجين, مظاهرات): the sentence tells of a crackdown, not of
    /// fighting between sides.
    Protest,
}

/// The three tables, keyed.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub nouns: FxHashMap<String, Noun>,
    pub triggers: FxHashMap<String, Trigger>,
    pub markers: FxHashMap<String, Marker>,
    /// Adjectives of armed groups (حوثيا, الحوثيين), to knowledge-base ids.
    pub groups: FxHashMap<String, String>,
    /// The grammatical gender of words that head a body's name (جيش, ميليشيا), keyed
    /// without the article: true for feminine.
    pub feminine: FxHashMap<String, bool>,
}

/// The key of a data entry: analysis-normalised, then keyed (ة → ه, ؤ → و, ئ → ي).
pub(super) fn entry_key(word: &str) -> String {
    key(&Normalizer::analysis().normalize_str(word.trim())).into_owned()
}

/// Data rows after the header line (the first row).
fn rows(src: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv_rows(src).skip(1)
}

fn kind(file: &'static str, value: &str) -> Result<Kind, LexiconError> {
    Kind::parse(value).ok_or_else(|| LexiconError::Value { file, column: "kind", value: value.into() })
}

impl Lexicon {
    /// The tables shipped in `data/casualties/`, loaded on first use.
    pub fn builtin() -> &'static Lexicon {
        static BUILTIN: LazyLock<Lexicon> = LazyLock::new(|| {
            // the files ship with the binary and a test loads them: a broken file is a build bug
            let mut lex = Lexicon::parse(NOUNS, TRIGGERS, MARKERS).expect("data/casualties loads (tested)");
            lex.groups = Lexicon::parse_groups(GROUPS).expect("data/casualties/groups.tsv loads (tested)");
            lex.feminine =
                Lexicon::parse_genders(GENDERS).expect("data/casualties/genders.tsv loads (tested)");
            lex
        });
        &BUILTIN
    }

    /// Reads the three tables from their text.
    pub fn parse(nouns: &str, triggers: &str, markers: &str) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::default();
        for row in rows(nouns) {
            let f = columns("nouns.tsv", row, 4)?;
            let kind = match f[1] {
                "-" => None,
                k => Some(kind("nouns.tsv", k)?),
            };
            let population = match f[2] {
                "others" => None,
                p => Some(Population::parse(p).ok_or_else(|| LexiconError::Value {
                    file: "nouns.tsv",
                    column: "population",
                    value: p.into(),
                })?),
            };
            let (plural, group, body) = match f[3] {
                "pl" => (true, false, false),
                "sg" => (false, false, false),
                "group" => (true, true, false),
                "body" => (false, false, true),
                v => {
                    return Err(LexiconError::Value { file: "nouns.tsv", column: "number", value: v.into() });
                }
            };
            lex.nouns.insert(entry_key(f[0]), Noun { kind, population, plural, group, body });
        }
        for row in rows(triggers) {
            let f = columns("triggers.tsv", row, 3)?;
            let (before, after) = match f[2] {
                "before" => (true, false),
                "after" => (false, true),
                "both" => (true, true),
                v => {
                    return Err(LexiconError::Value {
                        file: "triggers.tsv",
                        column: "position",
                        value: v.into(),
                    });
                }
            };
            let mut t = Trigger {
                kind: kind("triggers.tsv", f[1])?,
                before,
                after,
                indefinite: false,
                people: false,
                bi: false,
                min: false,
                ala: false,
                victim: false,
            };
            for need in f.get(3).copied().unwrap_or("-").split('+') {
                match need {
                    "-" | "" => {}
                    "indefinite" => t.indefinite = true,
                    "people" => t.people = true,
                    "bi" => t.bi = true,
                    "min" => t.min = true,
                    "ala" => t.ala = true,
                    "victim" => t.victim = true,
                    v => {
                        return Err(LexiconError::Value {
                            file: "triggers.tsv",
                            column: "needs",
                            value: v.into(),
                        });
                    }
                }
            }
            lex.triggers.insert(entry_key(f[0]), t);
        }
        for row in rows(markers) {
            let f = columns("markers.tsv", row, 2)?;
            let role = match f[1] {
                "ranks" => Marker::Ranks,
                "cumulative" => Marker::Cumulative,
                "both" => Marker::Both,
                "war" => Marker::War,
                "hostile" => Marker::Hostile,
                "seat" => Marker::Seat,
                "attack" => Marker::Attack,
                "agent" => Marker::Agent,
                "place" => Marker::Place,
                "named" => Marker::Named,
                "site" => Marker::Site,
                "illness" => Marker::Illness,
                "injury" => Marker::Injury,
                "atrocity" => Marker::Atrocity,
                "protest" => Marker::Protest,
                "back-alliance" => Marker::Back("alliance"),
                "back-armed-group" => Marker::Back("armed-group"),
                v => {
                    return Err(LexiconError::Value { file: "markers.tsv", column: "role", value: v.into() });
                }
            };
            lex.markers.insert(entry_key(f[0]), role);
        }
        Ok(lex)
    }

    /// Reads `groups.tsv`: every form of each adjective, keyed, to its group's id.
    pub fn parse_groups(src: &str) -> Result<FxHashMap<String, String>, LexiconError> {
        let mut out = FxHashMap::default();
        for row in rows(src) {
            let f = columns("groups.tsv", row, 2)?;
            let m = entry_key(f[0]);
            for suffix in ["", "ه", "ين", "ون", "ا"] {
                out.insert(format!("{m}{suffix}"), f[1].to_string());
                out.insert(format!("ال{m}{suffix}"), f[1].to_string());
            }
        }
        Ok(out)
    }

    /// Reads `genders.tsv`: each head, keyed, to whether it is feminine.
    pub fn parse_genders(src: &str) -> Result<FxHashMap<String, bool>, LexiconError> {
        let mut out = FxHashMap::default();
        for row in rows(src) {
            let f = columns("genders.tsv", row, 2)?;
            let feminine = match f[1] {
                "feminine" => true,
                "masculine" => false,
                v => {
                    return Err(LexiconError::Value {
                        file: "genders.tsv",
                        column: "gender",
                        value: v.into(),
                    });
                }
            };
            out.insert(entry_key(f[0]), feminine);
        }
        Ok(out)
    }

    /// Whether a keyed word that heads a body's name is feminine (`Some(true)`: وزاره,
    /// القوات, ميليشيا), masculine (`Some(false)`: الجيش, حزب) or of no known gender.
    pub fn feminine_head(&self, word: &str) -> Option<bool> {
        let word = word.strip_prefix("ال").filter(|w| w.chars().count() >= 2).unwrap_or(word);
        self.feminine
            .get(word)
            .copied()
            .or_else(|| (word.ends_with('ه') || word.ends_with("ات")).then_some(true))
    }

    /// The noun a keyed word is a form of, and whether it carried a possessive suffix
    /// (قواتها, مقاتليها): tried as it is, without a tanween alif (قتيلا), and without a
    /// possessive suffix (a construct form in ي takes back its ن: مقاتلي → مقاتلين).
    pub fn noun(&self, word: &str) -> Option<(Noun, bool)> {
        if let Some(n) = self.nouns.get(word) {
            return Some((*n, false));
        }
        // every ending tried below ends in ا, ن, م or ه: a word ending otherwise (most words)
        // is no other form of a noun, and is spared the ten comparisons of its end
        if !matches!(word.chars().next_back(), Some('ا' | 'ن' | 'م' | 'ه')) {
            return None;
        }
        if let Some(stripped) = word.strip_suffix('ا').filter(|s| s.chars().count() >= 3)
            && let Some(n) = self.nouns.get(stripped)
        {
            return Some((*n, false));
        }
        // one buffer for the forms made by adding a letter, allocated at the first of them
        // (most words end with none of the suffixes and need none)
        let mut buf = String::new();
        let with = |buf: &mut String, stem: &str, ending: &str| {
            buf.clear();
            buf.push_str(stem);
            buf.push_str(ending);
        };
        // a dual the number layer counted (جنديان, طفلتين): the singular
        for (suffix, ending) in [("تان", "ه"), ("تين", "ه"), ("ان", ""), ("ين", "")] {
            if let Some(stem) = word.strip_suffix(suffix).filter(|s| s.chars().count() >= 3) {
                with(&mut buf, stem, ending);
                if let Some(n) = self.nouns.get(buf.as_str()).filter(|n| !n.plural || n.group) {
                    return Some((*n, false));
                }
            }
        }
        for suffix in ["هما", "هم", "ها", "نا", "ه"] {
            let Some(stem) = word.strip_suffix(suffix).filter(|s| s.chars().count() >= 3) else { continue };
            if let Some(n) = self.nouns.get(stem) {
                return Some((*n, true));
            }
            if stem.ends_with('ي') {
                with(&mut buf, stem, "ن");
                if let Some(n) = self.nouns.get(buf.as_str()) {
                    return Some((*n, true));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_tables_load() {
        let lex = Lexicon::parse(NOUNS, TRIGGERS, MARKERS).unwrap();
        assert!(lex.nouns.len() > 80);
        let groups = Lexicon::parse_groups(GROUPS).unwrap();
        assert_eq!(groups.get(&entry_key("حوثيا")).map(String::as_str), Some("org:houthis"));
        assert_eq!(groups.get(&entry_key("الحوثيين")).map(String::as_str), Some("org:houthis"));
        assert_eq!(lex.triggers.get(&entry_key("مقتل")).map(|t| t.kind), Some(Kind::Killed));
        assert_eq!(lex.markers.get(&entry_key("صفوف")), Some(&Marker::Ranks));
        let lex = Lexicon::builtin();
        let gender = |w: &str| lex.feminine_head(&entry_key(w));
        assert_eq!(gender("الجيش"), Some(false));
        assert_eq!(gender("وزارة"), Some(true));
        assert_eq!(gender("القوات"), Some(true));
        assert_eq!(gender("ميليشيا"), Some(true));
        assert_eq!(gender("الأمم"), Some(true));
        assert_eq!(gender("الحوثي"), None);
        assert!(Lexicon::parse_genders("word\tgender\nجيش\tneuter\n").is_err());
    }

    #[test]
    fn noun_forms() {
        let lex = Lexicon::builtin();
        let k = |w: &str| entry_key(w);
        assert_eq!(lex.noun(&k("قتيلًا")).map(|(n, _)| n.kind), Some(Some(Kind::Killed)));
        let (soldiers, own) = lex.noun(&k("مقاتليها")).unwrap();
        assert_eq!((soldiers.population, own), (Some(Population::Military), true));
        assert_eq!(lex.noun(&k("قواتها")).map(|(_, own)| own), Some(true));
        assert_eq!(lex.noun(&k("منزلا")), None);
    }

    #[test]
    fn bad_rows_are_typed_errors() {
        let err = Lexicon::parse("word\tkind\tpopulation\tnumber\nقتيل\tdead\tunspecified\tsg\n", "", "");
        assert!(matches!(err, Err(LexiconError::Value { column: "kind", .. })));
        let err = Lexicon::parse("", "word\tkind\tposition\nقتل\tkilled\n", "");
        assert!(matches!(err, Err(LexiconError::Columns { .. })));
    }
}
