//! Trains the named-entity tagger on NewsFANE and writes the model.
//!
//! ```text
//! cargo run --release -p marsad-ner --bin train-ner -- \
//!     --newsfane ../shared/corpus/ner/NewsFANE_Gold_2014_170K.txt --out data/ner/model.bin \
//!     [--kb-dir data/kb] [--dev-split]
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use marsad_kb::Kb;
use marsad_ner::corpus::{Labelled, Overlap, Prepared, read_anercorp, read_newsfane, rejoin_clitics};
use marsad_ner::eval::{Scores, tag_words};
use marsad_ner::features::Gazetteer;
use marsad_ner::kbdir::{self, KbDir};
use marsad_ner::labels::LabelMap;
use marsad_ner::train::{Example, TrainOptions, train};
use marsad_ner::{Model, TYPES};

#[derive(Parser, Debug)]
#[command(about = "Train marsad's named-entity tagger on NewsFANE")]
struct Args {
    /// NewsFANE Gold (token<TAB>TAG).
    #[arg(long)]
    newsfane: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "data/ner/model.bin")]
    out: PathBuf,
    /// A knowledge-base folder (data/kb): its names, nisba adjectives, first names and titles
    /// become features when all its files are there.
    #[arg(long)]
    kb_dir: Option<PathBuf>,
    /// The fine class → type table (default: the one built in, data/ner/newsfane-labels.tsv).
    #[arg(long)]
    labels: Option<PathBuf>,
    /// First train on 90% of the sentences and report scores on the other 10%.
    #[arg(long)]
    dev_split: bool,
    /// Which tenth of the blocks of sentences is held out with --dev-split (0-9).
    #[arg(long, default_value_t = 9)]
    dev_fold: usize,
    /// With --dev-split, print this many dev sentences the model gets wrong.
    #[arg(long, default_value_t = 0)]
    show_errors: usize,
    /// Passes over the data.
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    epochs: usize,
    /// The fewest occurrences a feature needs.
    #[arg(long, default_value_t = TrainOptions::default().min_count)]
    min_count: u32,
    /// Leave out the NewsFANE sentences that repeat the text of this ANERcorp-format file
    /// (NewsFANE holds most of ANERcorp: pass ANERcorp's test split to score on it fairly).
    #[arg(long)]
    exclude: Vec<PathBuf>,
    /// The share of features dropped from each sentence at each pass.
    #[arg(long, default_value_t = TrainOptions::default().dropout)]
    dropout: f64,
    /// Keep NewsFANE's split clitics as tokens (an ablation).
    #[arg(long)]
    no_rejoin: bool,
}

/// Sentences in blocks of this many go to the dev set one block in ten, so that dev sentences
/// come from across the corpus but rarely share an article with training sentences.
const DEV_BLOCK: usize = 50;

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train-ner: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A sentence with its entities: `[gold|predicted]`, one bracket per word that differs.
fn show(s: &Labelled, predicted: &[marsad_ner::Tag]) -> String {
    let mut out = String::new();
    for ((w, g), p) in s.words.iter().zip(&s.tags).zip(predicted) {
        if g == p {
            if *g == marsad_ner::Tag::O {
                out.push_str(&format!("{w} "));
            } else {
                out.push_str(&format!("{w}/{g} "));
            }
        } else {
            out.push_str(&format!("[{w} {g}|{p}] "));
        }
    }
    out
}

fn run(args: Args) -> Result<(), String> {
    let started = Instant::now();
    let labels = match &args.labels {
        Some(p) => {
            let src = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
            LabelMap::parse(&p.display().to_string(), &src).map_err(|e| e.to_string())?
        }
        None => LabelMap::builtin(),
    };
    if labels.is_empty() {
        return Err("the label map is empty".into());
    }
    let src =
        std::fs::read_to_string(&args.newsfane).map_err(|e| format!("{}: {e}", args.newsfane.display()))?;
    let mut sentences =
        read_newsfane(&args.newsfane.display().to_string(), &src, &labels).map_err(|e| e.to_string())?;
    if !args.no_rejoin {
        sentences = sentences.iter().map(rejoin_clitics).collect();
    }
    for path in &args.exclude {
        let src = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let other = read_anercorp(&path.display().to_string(), &src).map_err(|e| e.to_string())?;
        let texts: Vec<Vec<String>> = other.into_iter().map(|s| s.words).collect();
        let all: Vec<Vec<String>> = sentences.iter().map(|s| s.words.clone()).collect();
        let repeated = Overlap::new(&texts).repeated(&all);
        let before = sentences.len();
        let mut keep = repeated.iter().map(|r| !r);
        sentences.retain(|_| keep.next().unwrap_or(true));
        eprintln!("left out {} NewsFANE sentences that repeat {}", before - sentences.len(), path.display());
    }
    let words: usize = sentences.iter().map(Labelled::len).sum();
    eprintln!(
        "NewsFANE: {} sentences, {} words (clitics rejoined: {})",
        sentences.len(),
        words,
        !args.no_rejoin
    );

    let kb = match &args.kb_dir {
        None => {
            eprintln!("no --kb-dir: training without knowledge-base features");
            None
        }
        Some(dir) => match kbdir::load(dir)? {
            KbDir::Loaded(kb) => {
                eprintln!("knowledge base {}: {:?}", dir.display(), kb.stats());
                Some(kb)
            }
            KbDir::Incomplete(missing) => {
                eprintln!(
                    "knowledge base {} is incomplete (missing {}): training without knowledge-base features",
                    dir.display(),
                    missing.join(", ")
                );
                None
            }
        },
    };
    let empty = Kb::default();
    let kb_ref: &Kb = kb.as_deref().unwrap_or(&empty);
    let options = TrainOptions {
        epochs: args.epochs,
        min_count: args.min_count,
        gazetteer: kb.is_some(),
        dropout: args.dropout,
        ..TrainOptions::default()
    };

    let t = Instant::now();
    let prepared: Vec<Prepared> = sentences.iter().map(|s| Prepared::new(&s.words)).collect();
    let examples: Vec<Example> = prepared
        .iter()
        .zip(&sentences)
        .map(|(p, s)| {
            let matches = if kb.is_some() { kb_ref.find(&p.tokens, &p.normalized) } else { Vec::new() };
            let g = kb.is_some().then_some(Gazetteer { kb: kb_ref, matches: &matches });
            Example::new(p, &s.tags, g)
        })
        .collect();
    let tokens: usize = examples.iter().map(|e| e.gold.len()).sum();
    eprintln!("analysed into {tokens} marsad tokens, features extracted in {:.2?}", t.elapsed());

    if args.dev_split {
        let is_dev = |i: usize| (i / DEV_BLOCK) % 10 == args.dev_fold;
        let train_set: Vec<Example> =
            examples.iter().enumerate().filter(|(i, _)| !is_dev(*i)).map(|(_, e)| e.clone()).collect();
        let dev: Vec<usize> = (0..sentences.len()).filter(|&i| is_dev(i)).collect();
        eprintln!("dev split: {} training sentences, {} dev sentences", train_set.len(), dev.len());
        let score = |m: &Model| {
            let mut s = Scores::default();
            for &i in &dev {
                s.add(&sentences[i].tags, &tag_words(m, &prepared[i], kb_ref));
            }
            s
        };
        let t = Instant::now();
        let mut each = |epoch: usize, m: &Model| {
            let (_, _, f) = score(m).micro(&TYPES).prf();
            eprintln!("  epoch {epoch:>2}: dev micro F1 {:.2}", 100.0 * f);
        };
        let model = train(&train_set, &options, Some(&mut each));
        eprintln!("trained on 90% in {:.2?} (epoch scores included)", t.elapsed());
        println!("NewsFANE held-out 10% (span level, exact match):");
        print!("{}", score(&model).report(&TYPES, &[]));
        let mut shown = 0;
        for &i in &dev {
            if shown >= args.show_errors {
                break;
            }
            let predicted = tag_words(&model, &prepared[i], kb_ref);
            if predicted != sentences[i].tags {
                shown += 1;
                println!("{}", show(&sentences[i], &predicted));
            }
        }
    }

    let t = Instant::now();
    let model = train(&examples, &options, None);
    let train_time = t.elapsed();
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).map_err(|e| format!("{}: {e}", args.out.display()))?;
    let info = model.info();
    println!(
        "model: {} features, knowledge-base features: {}, {} epochs, trained in {:.2?}; {} bytes written to {}",
        info.features,
        info.gazetteer,
        options.epochs,
        train_time,
        bytes.len(),
        args.out.display()
    );
    println!("total time {:.2?}", started.elapsed());
    Ok(())
}
