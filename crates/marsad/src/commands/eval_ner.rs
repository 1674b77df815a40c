//! `marsad eval-ner`: the entity layer scored on a named-entity corpus in CoNLL form
//! (`token TAG` per line, a blank line between sentences, BIO tags), such as the ANERcorp test
//! split.
//!
//! The running text is rebuilt from the tokens (one sentence per line, tokens joined by
//! spaces; `--sentences N` consecutive sentences make one article, so that the layer links
//! names across sentences as it does in an article), the entity layer runs on it as on any
//! article's paragraphs, and every mention is mapped back to the tokens it covers. Scores are
//! CoNLL-style: a predicted span counts when its tokens and type are exactly the gold ones.
//! ORG and PERSON map to ORG and PERS; GPE and LOC both to LOC (the corpus has one place
//! type); MISC is not predicted and not scored.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Context;
use marsad_extract::entities;
use marsad_kb::{EntityType, Kb};
use marsad_text::{AnalysedToken, Normalizer, Segmenter, Span, analyse};

use crate::cli::EvalNerArgs;

/// A sentence: its tokens and their gold tags.
struct Sentence {
    tokens: Vec<String>,
    tags: Vec<String>,
}

fn read(path: &std::path::Path) -> anyhow::Result<Vec<Sentence>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut out = Vec::new();
    let mut current = Sentence { tokens: Vec::new(), tags: Vec::new() };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_start_matches('\u{feff}').trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.tokens.is_empty() {
                out.push(std::mem::replace(&mut current, Sentence { tokens: Vec::new(), tags: Vec::new() }));
            }
            continue;
        }
        let (token, tag) = line
            .rsplit_once(['\t', ' '])
            .with_context(|| format!("{}:{}: expected `token TAG`", path.display(), n + 1))?;
        let token = token.trim().trim_start_matches(['\u{200e}', '\u{200f}']);
        if token.is_empty() {
            continue;
        }
        current.tokens.push(token.to_string());
        current.tags.push(tag.trim().to_string());
    }
    if !current.tokens.is_empty() {
        out.push(current);
    }
    Ok(out)
}

/// Spans (sentence, first token, end token, type) of BIO tags; types other than PERS, ORG and
/// LOC are left out.
fn gold_spans(s: usize, tags: &[String], out: &mut Vec<(usize, usize, usize, String)>) {
    let mut i = 0;
    while i < tags.len() {
        let Some(typ) = tags[i].strip_prefix("B-").or_else(|| tags[i].strip_prefix("I-")) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < tags.len() && tags[j].strip_prefix("I-") == Some(typ) {
            j += 1;
        }
        let typ = match typ {
            "PER" | "PERS" | "PERSON" => "PERS",
            "ORG" => "ORG",
            "LOC" | "GPE" => "LOC",
            _ => "",
        };
        if !typ.is_empty() {
            out.push((s, i, j, typ.to_string()));
        }
        i = j;
    }
}

fn corpus_type(t: EntityType) -> &'static str {
    match t {
        EntityType::Person => "PERS",
        EntityType::Org => "ORG",
        EntityType::Gpe | EntityType::Loc => "LOC",
    }
}

pub fn run(args: &EvalNerArgs) -> anyhow::Result<()> {
    let sentences = read(&args.conll)?;
    let kb = Kb::builtin();
    let mut gold = Vec::new();
    for (s, sentence) in sentences.iter().enumerate() {
        gold_spans(s, &sentence.tags, &mut gold);
    }
    let mut predicted: Vec<(usize, usize, usize, String)> = Vec::new();
    let group = args.sentences.max(1);
    let tagger = (!args.no_tagger).then(marsad_ner::Model::builtin);
    let started = std::time::Instant::now();
    let mut bytes = 0usize;
    for (g, chunk) in sentences.chunks(group).enumerate() {
        // the article: one sentence per line; each token's byte range
        let mut text = String::new();
        let mut ranges: Vec<Vec<(usize, usize)>> = Vec::with_capacity(chunk.len());
        let mut lines: Vec<Span> = Vec::with_capacity(chunk.len());
        for sentence in chunk {
            let line_start = text.len();
            let mut r = Vec::with_capacity(sentence.tokens.len());
            for (k, token) in sentence.tokens.iter().enumerate() {
                if k > 0 {
                    text.push(' ');
                }
                r.push((text.len(), text.len() + token.len()));
                text.push_str(token);
            }
            lines.push(Span::new(line_start, text.len()));
            text.push('\n');
            ranges.push(r);
        }
        bytes += text.len();
        let norm = Normalizer::analysis().normalize(&text);
        let blocks: Vec<Vec<AnalysedToken>> =
            lines.iter().map(|&span| analyse(&norm, span, Segmenter::builtin()).collect()).collect();
        let blocks: Vec<&[AnalysedToken]> = blocks.iter().map(Vec::as_slice).collect();
        for e in entities::find_with(
            &norm,
            &blocks,
            kb,
            tagger.map(|model| entities::Tagger { model, not_names: &[] }),
        ) {
            for m in &e.mentions {
                // the sentence and the tokens the mention overlaps
                let Some(line) =
                    lines.iter().position(|l| l.start() <= m.span.start() && m.span.end() <= l.end())
                else {
                    continue;
                };
                let r = &ranges[line];
                let first = r.iter().position(|&(_, end)| end > m.span.start());
                let last = r.iter().rposition(|&(start, _)| start < m.span.end());
                if let (Some(first), Some(last)) = (first, last)
                    && first <= last
                {
                    predicted.push((g * group + line, first, last + 1, corpus_type(e.etype).to_string()));
                }
            }
        }
    }
    let elapsed = started.elapsed();
    predicted.sort();
    predicted.dedup();

    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{}: {} sentences, {} tokens, {} gold names (PERS, ORG, LOC); {} predicted; {:.2} s ({:.1} MB/s)",
        args.conll.display(),
        sentences.len(),
        sentences.iter().map(|s| s.tokens.len()).sum::<usize>(),
        gold.len(),
        predicted.len(),
        elapsed.as_secs_f64(),
        bytes as f64 / 1e6 / elapsed.as_secs_f64().max(1e-9),
    )?;
    writeln!(out, "{:8} {:>7} {:>7} {:>7}   {:>6} {:>6} {:>6}", "type", "P", "R", "F1", "tp", "fp", "fn")?;
    let mut per_type: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for t in ["LOC", "ORG", "PERS"] {
        let g: Vec<_> = gold.iter().filter(|x| x.3 == t).collect();
        let p: Vec<_> = predicted.iter().filter(|x| x.3 == t).collect();
        let tp = p.iter().filter(|x| g.contains(x)).count();
        per_type.insert(t, (tp, p.len() - tp, g.len() - tp));
    }
    let micro = per_type.values().fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
    for (t, &(tp, fp, fn_)) in per_type.iter().chain(std::iter::once((&"micro", &micro))) {
        let p = tp as f64 / (tp + fp).max(1) as f64;
        let r = tp as f64 / (tp + fn_).max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        writeln!(out, "{t:8} {p:7.3} {r:7.3} {f:7.3}   {tp:6} {fp:6} {fn_:6}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_spans() {
        let tags: Vec<String> = ["B-PERS", "I-PERS", "O", "B-LOC", "B-LOC", "I-ORG", "B-MISC", "I-LOC"]
            .map(String::from)
            .to_vec();
        let mut out = Vec::new();
        gold_spans(0, &tags, &mut out);
        let spans: Vec<(usize, usize, &str)> = out.iter().map(|(_, a, b, t)| (*a, *b, t.as_str())).collect();
        // an I- without its B- opens a span, as conlleval does
        assert_eq!(spans, [(0, 2, "PERS"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG"), (7, 8, "LOC")]);
    }
}
