//! Stories a crawler appended after the article.
//!
//! Some crawls end each article with the ledes of other, unrelated stories ("latest news"
//! blocks). They carry their own casualty figures, so leaving them in would attribute those
//! figures to the article. They are recognised by shape, not by outlet:
//!
//! - the article's own paragraphs continue its discourse (they open with a conjunction or a
//!   connective), so the suspects are the trailing run of paragraphs that do not; and that
//!   contrast must exist (an article told in bare verbs gives no evidence);
//! - each appended story opens like a news lede (a reporting verb with its subject, a dateline
//!   naming a news source, a weekday set off by commas);
//! - and it is about something else: it shares little vocabulary with the article (title
//!   included), and the suspects share little with each other (two teasers may cover the same
//!   event, but not most of them), whereas the reactions that close an article (دعت موسكو...،
//!   طالبت باريس...) share the article's words and each other's.

use std::borrow::Cow;
use std::collections::HashSet;

use marsad_text::Segmenter;

use super::{Cleaner, Doc, LineState, Title};

/// Indices of the lines that are appended stories.
pub(super) fn appended_stories(
    cleaner: &Cleaner,
    doc: &Doc<'_>,
    state: &[LineState],
    title: Option<&Title>,
) -> Vec<usize> {
    let cfg = cleaner.structure();
    let lines = &doc.lines;
    let content: Vec<usize> =
        (0..lines.len()).filter(|&i| state[i].content.is_some() && !state[i].title).collect();
    if content.len() < cfg.appended_min_run + 2 {
        return Vec::new();
    }
    let keys: Vec<(Cow<'_, str>, usize)> = content.iter().map(|&i| doc.content_key(&state[i], i)).collect();

    // the trailing run of paragraphs that do not continue the article (never the first one);
    // short lines (a trailing caption) neither extend nor break it
    let mut run: Vec<usize> = Vec::new(); // positions in `content`
    for pos in (1..content.len()).rev() {
        let (key, words) = &keys[pos];
        if *words < cfg.appended_paragraph_min_words {
            if run.is_empty() {
                continue;
            }
            break;
        }
        if cleaner.continues(key) {
            break;
        }
        run.push(pos);
    }
    run.reverse();
    let Some(&run_start) = run.first() else { return Vec::new() };
    if run.len() < cfg.appended_min_run {
        return Vec::new();
    }

    // the contrast that makes the run stand out: the article's own paragraphs of prose continue
    // its discourse (list items and headings neither continue nor break it)
    let body: Vec<usize> = (1..run_start)
        .filter(|&pos| keys[pos].1 >= cfg.appended_paragraph_min_words)
        .filter(|&pos| !super::is_list_item(lines[content[pos]].trim.slice(doc.text)))
        .collect();
    let continuing = body.iter().filter(|&&pos| cleaner.continues(&keys[pos].0)).count();
    if continuing == 0 || (continuing as f32) < cfg.appended_article_continuing_share * body.len() as f32 {
        return Vec::new();
    }

    // the article's vocabulary: its title and everything before the run
    let seg = cleaner.segmenter();
    let mut article: HashSet<String> = title
        .map(|t| stems(seg, &crate::lexicon::phrase_key(cleaner.normalizer(), &t.text)))
        .unwrap_or_default();
    for (key, _) in &keys[..run_start] {
        article.extend(stems(seg, key));
    }
    let run_stems: Vec<HashSet<String>> = run.iter().map(|&pos| stems(seg, &keys[pos].0)).collect();
    let share_of = |own: &HashSet<String>, other: &dyn Fn(&String) -> bool| {
        if own.is_empty() { 0.0 } else { own.iter().filter(|s| other(s)).count() as f32 / own.len() as f32 }
    };
    // appended stories are about different things: the typical suspect shares little with the
    // others (two teasers on the same event may), while closing reactions share a lot
    let mut with_others: Vec<f32> = (0..run.len())
        .map(|k| {
            share_of(&run_stems[k], &|s| {
                run_stems.iter().enumerate().any(|(j, other)| j != k && other.contains(s))
            })
        })
        .collect();
    with_others.sort_by(f32::total_cmp);
    if with_others[with_others.len() / 2] >= cfg.appended_keep_overlap {
        return Vec::new();
    }
    let foreign: Vec<bool> = run
        .iter()
        .enumerate()
        .map(|(k, &pos)| {
            let (key, words) = &keys[pos];
            cleaner.opens_like_lede(key, *words)
                && share_of(&run_stems[k], &|s| article.contains(s)) < cfg.appended_keep_overlap
        })
        .collect();
    let n_foreign = foreign.iter().filter(|&&f| f).count();
    if n_foreign < cfg.appended_min_run || (n_foreign as f32) < cfg.appended_min_lede_share * run.len() as f32
    {
        return Vec::new();
    }
    // the cut starts at the first foreign paragraph: what follows it was appended with it
    let Some(first) = foreign.iter().position(|&f| f) else { return Vec::new() };
    run[first..].iter().map(|&pos| content[pos]).collect()
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
