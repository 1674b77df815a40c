//! The mapping of NewsFANE's fine classes to marsad's entity types, read from
//! `data/ner/newsfane-labels.tsv`.

use rustc_hash::FxHashMap;

use crate::{EntityType, NerError};

/// The mapping shipped with the crate (`data/ner/newsfane-labels.tsv`).
pub const NEWSFANE_LABELS: &str = include_str!("../../../data/ner/newsfane-labels.tsv");

/// Fine class → entity type, or `None` for a class mapped to O.
#[derive(Clone, Debug, Default)]
pub struct LabelMap {
    map: FxHashMap<String, Option<EntityType>>,
}

/// An entity type by its name in the data (`PERSON`, `ORG`, `GPE`, `LOC`), or `O`.
pub fn parse_type(name: &str) -> Option<Option<EntityType>> {
    Some(Some(match name {
        "PERSON" => EntityType::Person,
        "ORG" => EntityType::Org,
        "GPE" => EntityType::Gpe,
        "LOC" => EntityType::Loc,
        "O" => return Some(None),
        _ => return None,
    }))
}

impl LabelMap {
    /// Parses a table: `#` comment lines, a header `class<TAB>type`, then one class a line.
    pub fn parse(file: &str, src: &str) -> Result<LabelMap, NerError> {
        let err = |line: usize, message: String| NerError::Line { file: file.to_string(), line, message };
        let mut map = FxHashMap::default();
        let mut header = false;
        for (i, raw) in src.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let mut cells = line.split('\t').map(str::trim);
            let (class, typ) = (cells.next().unwrap_or(""), cells.next().unwrap_or(""));
            if !header {
                if (class, typ) != ("class", "type") {
                    return Err(err(i + 1, "the header must be class<TAB>type".into()));
                }
                header = true;
                continue;
            }
            let Some(t) = parse_type(typ) else {
                return Err(err(i + 1, format!("type {typ:?} is not PERSON, ORG, GPE, LOC or O")));
            };
            if class.is_empty() {
                return Err(err(i + 1, "empty class".into()));
            }
            if map.insert(class.to_string(), t).is_some() {
                return Err(err(i + 1, format!("class {class} is listed twice")));
            }
        }
        Ok(LabelMap { map })
    }

    /// The mapping shipped with the crate.
    pub fn builtin() -> LabelMap {
        LabelMap::parse("data/ner/newsfane-labels.tsv", NEWSFANE_LABELS).unwrap_or_default()
    }

    /// What the fine class becomes: `None` when the class is unknown, `Some(None)` for O.
    pub fn get(&self, class: &str) -> Option<Option<EntityType>> {
        self.map.get(class).copied()
    }

    /// How many classes are mapped.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether no class is mapped.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}
