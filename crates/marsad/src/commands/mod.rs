//! The subcommands.

pub mod extract;
pub mod throughput;

use std::path::PathBuf;

use marsad_ingest::{Format, Inputs, Options};

use crate::cli::{InputArgs, InputFormat};

/// The ingest options and the paths an input-reading command was given.
pub fn open_inputs(args: &InputArgs) -> anyhow::Result<Inputs> {
    let paths: Vec<PathBuf> =
        if args.paths.is_empty() { vec![PathBuf::from("-")] } else { args.paths.clone() };
    let options = Options {
        published: args.published,
        format: args.format.map(|f| match f {
            InputFormat::Text => Format::Text,
            InputFormat::Html => Format::Html,
            InputFormat::Jsonl => Format::Jsonl,
        }),
        max_article_bytes: args.max_article_mib.saturating_mul(1 << 20),
        follow_links: args.follow_links,
        manifests: args.metadata.clone(),
        auto_manifests: !args.no_auto_metadata,
    };
    Ok(Inputs::new(&paths, options)?)
}

/// Sizes the rayon pool.
pub fn configure_threads(jobs: Option<usize>) -> anyhow::Result<()> {
    if let Some(n) = jobs {
        rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global()?;
    }
    Ok(())
}
