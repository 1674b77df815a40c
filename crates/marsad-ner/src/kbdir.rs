//! Loading a knowledge base from a folder of `data/kb`-style files, for the binaries.
//!
//! `common-words.txt` is not read: it is derived from NewsFANE's own tags (words NewsFANE tags
//! O), so features built on it would carry the gold labels of held-out sentences (NewsFANE's
//! dev split, and the part of NewsFANE that repeats ANERcorp's test split) into the scores.
//! `frequent-words.txt` and `ordinary-words.txt` (counted over another news corpus) are read
//! when present: they guard the matcher's loose and typo lookups, so that the names found in
//! training are the names [`Kb::builtin`] finds at run time.

use std::path::Path;

use marsad_kb::{Kb, Sources};

/// The files a knowledge base needs before the tagger uses it.
pub const REQUIRED: [&str; 6] =
    ["countries.tsv", "places.tsv", "orgs.tsv", "people.tsv", "given-names.tsv", "titles.tsv"];

/// What [`load`] found.
#[derive(Debug)]
pub enum KbDir {
    /// Every required file is there and the knowledge base loads.
    Loaded(Box<Kb>),
    /// Some required files are missing (their names).
    Incomplete(Vec<&'static str>),
}

/// Loads the knowledge base of `dir` when all of [`REQUIRED`] exist; an error when the files
/// exist but do not load.
pub fn load(dir: &Path) -> Result<KbDir, String> {
    let missing: Vec<&'static str> = REQUIRED.iter().copied().filter(|f| !dir.join(f).is_file()).collect();
    if !missing.is_empty() {
        return Ok(KbDir::Incomplete(missing));
    }
    let texts: Vec<String> = REQUIRED
        .iter()
        .map(|name| {
            let path = dir.join(name);
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
        })
        .collect::<Result<_, _>>()?;
    let optional = |name: &str| -> Result<String, String> {
        let path = dir.join(name);
        if !path.is_file() {
            return Ok(String::new());
        }
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let (frequent, ordinary) = (optional("frequent-words.txt")?, optional("ordinary-words.txt")?);
    let sources = Sources {
        frequent_words: &frequent,
        ordinary_words: &ordinary,
        countries: &texts[0],
        places: &texts[1],
        orgs: &texts[2],
        people: &texts[3],
        given_names: &texts[4],
        titles: &texts[5],
        ..Sources::default()
    };
    Kb::from_sources(&sources).map(|kb| KbDir::Loaded(Box::new(kb))).map_err(|e| e.to_string())
}
