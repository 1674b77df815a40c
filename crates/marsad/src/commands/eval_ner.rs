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

use std::io::Write;

use anyhow::Context;
use marsad_extract::{entities, times};
use marsad_kb::{EntityType, Kb};
use marsad_ner::corpus::read_anercorp;
use marsad_ner::eval::{Scores, differences, gpe_as_loc};
use marsad_ner::{Entity, entities as bio_entities};
use marsad_text::{AnalysedToken, Normalizer, Segmenter, Span, analyse};

use crate::cli::EvalNerArgs;

/// The corpus's types: one place type.
fn corpus_type(t: EntityType) -> EntityType {
    match t {
        EntityType::Gpe => EntityType::Loc,
        t => t,
    }
}

pub fn run(args: &EvalNerArgs) -> anyhow::Result<()> {
    let path = &args.conll;
    let src = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let sentences = read_anercorp(&path.display().to_string(), &src)?;
    let kb = Kb::builtin();
    let mut predicted: Vec<Vec<Entity>> = vec![Vec::new(); sentences.len()];
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
            let mut r = Vec::with_capacity(sentence.words.len());
            for (k, token) in sentence.words.iter().enumerate() {
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
        // as in extraction: the tagger does not take a date or time for a name
        let not_names: Vec<Span> = times::find(&norm, &blocks, None).iter().map(|t| t.span).collect();
        for e in entities::find_with(
            &norm,
            &blocks,
            kb,
            tagger.map(|model| entities::Tagger { model, not_names: &not_names }),
            None,
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
                    predicted[g * group + line].push(Entity {
                        start: first,
                        end: last + 1,
                        etype: corpus_type(e.etype),
                    });
                }
            }
        }
    }
    let elapsed = started.elapsed();
    let mut scores = Scores::default();
    let mut errors = String::new();
    for (index, (sentence, found)) in sentences.iter().zip(&mut predicted).enumerate() {
        found.sort_unstable();
        found.dedup();
        let gold = bio_entities(&gpe_as_loc(&sentence.tags));
        scores.add_entities(&gold, found);
        if args.errors.is_some() {
            errors.push_str(&differences(index, &sentence.words, &gold, found));
        }
    }
    if let Some(file) = &args.errors {
        std::fs::write(file, errors).with_context(|| format!("cannot write {}", file.display()))?;
    }
    let types = [EntityType::Person, EntityType::Org, EntityType::Loc];
    let micro = scores.micro(&types);

    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{}: {} sentences, {} tokens, {} gold names (PERS, ORG, LOC); {} predicted; {:.2} s ({:.1} MB/s)",
        path.display(),
        sentences.len(),
        sentences.iter().map(|s| s.words.len()).sum::<usize>(),
        micro.tp + micro.fn_,
        micro.tp + micro.fp,
        elapsed.as_secs_f64(),
        bytes as f64 / 1e6 / elapsed.as_secs_f64().max(1e-9),
    )?;
    writeln!(out, "span level, exact match; LOC = predicted GPE or LOC; MISC ignored:")?;
    write!(out, "{}", scores.report(&types, &[(EntityType::Person, "PERS"), (EntityType::Loc, "LOC")]))?;
    Ok(())
}
