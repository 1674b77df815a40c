//! Stories a crawler appended after the article.
//!
//! Some crawls end each article with the ledes of other, unrelated stories ("latest news"
//! blocks). They carry their own casualty figures, so leaving them in would attribute those
//! figures to the article. They are recognised by shape, not by outlet: the article's own
//! closing paragraphs continue its discourse (they open with a conjunction or a connective),
//! while each appended story opens like a news lede (a reporting verb, a dateline, a weekday set
//! off by commas) and shares little vocabulary with the article.

use std::collections::HashSet;

use marsad_text::Segmenter;

use super::{Cleaner, Doc, LineState};

/// Indices of the lines that are appended stories.
pub(super) fn appended_stories(cleaner: &Cleaner, doc: &Doc<'_>, state: &[LineState]) -> Vec<usize> {
    let (text, lines) = (doc.text, &doc.lines);
    let cfg = cleaner.structure();
    let content: Vec<usize> =
        (0..lines.len()).filter(|&i| state[i].content.is_some() && !state[i].title).collect();
    if content.len() < cfg.appended_min_run + 2 {
        return Vec::new();
    }
    let key_of = |i: usize| doc.content_key(&state[i], i);
    // the trailing run of paragraphs that do not continue the article (never the first one)
    let mut run: Vec<(usize, String, usize)> = Vec::new();
    for &i in content[1..].iter().rev() {
        let (key, words) = key_of(i);
        if words < 6 || cleaner.continues(&key) {
            break;
        }
        run.push((i, key, words));
    }
    run.reverse();
    if run.len() < cfg.appended_min_run {
        return Vec::new();
    }
    // the contrast that makes the run stand out: the article's own paragraphs continue its
    // discourse. A round-up written in bare verbs ("أدانت فرنسا...", "دعت قطر...") has no such
    // contrast, and its closing paragraphs are its own.
    // (prose only: list items and headings neither continue nor break the discourse)
    let body: Vec<usize> = content[1..]
        .iter()
        .copied()
        .take_while(|&i| i < run[0].0)
        .filter(|&i| key_of(i).1 >= 6 && !super::is_list_item(lines[i].trim.slice(text)))
        .collect();
    let continuing = body.iter().filter(|&&i| cleaner.continues(&key_of(i).0)).count();
    if continuing == 0 || (continuing as f32) < cfg.appended_article_continuing_share * body.len() as f32 {
        return Vec::new();
    }
    // the article's vocabulary: everything before the run
    let seg = cleaner.segmenter();
    let mut article: HashSet<String> = HashSet::new();
    for &i in content.iter().take_while(|&&i| i < run[0].0) {
        article.extend(stems(seg, &key_of(i).0));
    }
    // a paragraph of another story opens like a lede and shares little with the article (a
    // round-up of reactions, or an interview told in bare verbs, shares the article's words)
    let foreign: Vec<bool> = run
        .iter()
        .map(|(_, key, words)| {
            let own = stems(seg, key);
            let shared = own.iter().filter(|s| article.contains(*s)).count();
            cleaner.opens_like_lede(key, *words)
                && (own.is_empty() || (shared as f32) < cfg.appended_keep_overlap * own.len() as f32)
        })
        .collect();
    let n_foreign = foreign.iter().filter(|&&f| f).count();
    if n_foreign < cfg.appended_min_run || (n_foreign as f32) < cfg.appended_min_lede_share * run.len() as f32
    {
        return Vec::new();
    }
    // the cut starts at the first foreign paragraph
    let Some(start) = foreign.iter().position(|&f| f) else {
        return Vec::new();
    };
    run[start..].iter().map(|(i, _, _)| *i).collect()
}

/// Distinct word stems of a key, for comparing vocabularies: proclitics removed, words of at
/// least four letters (particles and short function words do not count), cut to their first
/// four letters so that inflected forms meet (الفلسطينيين and فلسطينيا, الإسرائيلي and
/// إسرائيلية).
pub(super) fn stems(seg: &Segmenter, key: &str) -> HashSet<String> {
    key.split(|c: char| !super::rules::is_word_char(c) || c.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .map(|w| seg.segment(w).stem_str(w))
        .filter(|s| s.chars().count() >= 4)
        .map(|s| s.chars().take(4).collect())
        .collect()
}
