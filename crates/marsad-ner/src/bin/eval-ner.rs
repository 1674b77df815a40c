//! Scores a tagger model on ANERcorp, the tagger alone (no knowledge-base post-processing):
//! span level, exact match, CoNLL style. ANERcorp's LOC is scored against GPE ∪ LOC, its MISC
//! is ignored.
//!
//! ```text
//! cargo run --release -p marsad-ner --bin eval-ner -- --model data/ner/model.bin \
//!     --anercorp ../shared/corpus/ner/ANERCorp_CamelLab_test.txt [--kb-dir data/kb] [--errors FILE]
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use marsad_kb::{EntityType, Kb};
use marsad_ner::corpus::{Prepared, read_anercorp};
use marsad_ner::eval::{Scores, differences, gpe_as_loc};
use marsad_ner::kbdir::{self, KbDir};
use marsad_ner::{Model, entities};

#[derive(Parser, Debug)]
#[command(about = "Score marsad's named-entity tagger on ANERcorp")]
struct Args {
    /// The model file.
    #[arg(long, default_value = "data/ner/model.bin")]
    model: PathBuf,
    /// ANERcorp (token TAG, blank line between sentences).
    #[arg(long)]
    anercorp: PathBuf,
    /// The knowledge-base folder, for a model trained with knowledge-base features.
    #[arg(long)]
    kb_dir: Option<PathBuf>,
    /// Write every sentence where the tagger and the corpus differ to this file
    /// ([`marsad_ner::eval::differences`]).
    #[arg(long, value_name = "FILE")]
    errors: Option<PathBuf>,
}

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("eval-ner: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Args) -> Result<(), String> {
    let bytes = std::fs::read(&args.model).map_err(|e| format!("{}: {e}", args.model.display()))?;
    let model = Model::from_bytes(&bytes).map_err(|e| e.to_string())?;
    let info = model.info();
    let kb = match &args.kb_dir {
        Some(dir) => match kbdir::load(dir)? {
            KbDir::Loaded(kb) => *kb,
            KbDir::Incomplete(missing) => {
                eprintln!(
                    "knowledge base {} incomplete (missing {}): not used",
                    dir.display(),
                    missing.join(", ")
                );
                Kb::default()
            }
        },
        None => Kb::default(),
    };
    if info.gazetteer && kb.entries().is_empty() {
        eprintln!(
            "warning: the model was trained with knowledge-base features but no knowledge base is given"
        );
    }
    let src =
        std::fs::read_to_string(&args.anercorp).map_err(|e| format!("{}: {e}", args.anercorp.display()))?;
    let sentences = read_anercorp(&args.anercorp.display().to_string(), &src).map_err(|e| e.to_string())?;
    let prepared: Vec<Prepared> = sentences.iter().map(|s| Prepared::new(&s.words)).collect();
    let bytes_of_text: usize = prepared.iter().map(|p| p.original.len() + 1).sum();
    let tokens: usize = prepared.iter().map(|p| p.tokens.len()).sum();

    let t = Instant::now();
    let tagged: Vec<Vec<marsad_ner::Tag>> =
        prepared.iter().map(|p| model.tag(&p.tokens, &p.normalized, &kb)).collect();
    let elapsed = t.elapsed();

    let mut scores = Scores::default();
    let mut errors = String::new();
    for (index, ((s, p), tags)) in sentences.iter().zip(&prepared).zip(&tagged).enumerate() {
        let (gold, found) = (entities(&gpe_as_loc(&s.tags)), entities(&gpe_as_loc(&p.back(tags))));
        scores.add_entities(&gold, &found);
        if args.errors.is_some() {
            errors.push_str(&differences(index, &s.words, &gold, &found));
        }
    }
    if let Some(file) = &args.errors {
        std::fs::write(file, errors).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    println!(
        "model {}: {} features, knowledge-base features: {}",
        args.model.display(),
        info.features,
        info.gazetteer
    );
    println!(
        "ANERcorp {}: {} sentences, {} words, {} marsad tokens; tagged in {:.2?} ({:.1} MB/s, {:.0} ktokens/s, one thread)",
        args.anercorp.display(),
        sentences.len(),
        sentences.iter().map(|s| s.len()).sum::<usize>(),
        tokens,
        elapsed,
        bytes_of_text as f64 / 1e6 / elapsed.as_secs_f64(),
        tokens as f64 / 1e3 / elapsed.as_secs_f64(),
    );
    println!("span level, exact match; LOC = predicted GPE or LOC; MISC ignored:");
    print!(
        "{}",
        scores.report(
            &[EntityType::Person, EntityType::Org, EntityType::Loc],
            &[(EntityType::Loc, "LOC(+GPE)")]
        )
    );
    Ok(())
}
