//! The `marsad` command.

mod cli;
mod commands;
mod memory;
mod pipeline;
mod summary;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};
use commands::extract::Ended;

/// The allocator: the pipeline makes many small short-lived allocations (token vectors, keys,
/// records), which mimalloc's per-thread free lists serve in fewer instructions than the
/// system allocator (measured with callgrind on the bench corpus; see the README).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit status when some inputs were skipped.
const EXIT_SKIPPED: u8 = 1;
/// Exit status for usage errors (clap uses it for its own errors too).
const EXIT_USAGE: u8 = 2;
/// Exit status when the run failed: output that could not be written, an internal error.
const EXIT_FAILED: u8 = 3;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "marsad: {e:#}");
            let usage = e.downcast_ref::<commands::UsageError>().is_some();
            ExitCode::from(if usage { EXIT_USAGE } else { EXIT_FAILED })
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => match commands::extract::run(&args)? {
            Ended::OutputClosed => Ok(ExitCode::SUCCESS),
            Ended::Done(summary) => {
                if !args.quiet {
                    let _ = std::io::stderr().write_all(summary.render("extract").as_bytes());
                } else {
                    // quiet still reports what was lost
                    for s in &summary.skipped {
                        let _ = writeln!(std::io::stderr(), "marsad: skipped {}: {}", s.input, s.reason);
                    }
                }
                Ok(if summary.complete() { ExitCode::SUCCESS } else { ExitCode::from(EXIT_SKIPPED) })
            }
        },
        Command::Ingest(args) => {
            let summary = commands::ingest::run(&args)?;
            if !args.quiet {
                let _ = std::io::stderr().write_all(summary.render().as_bytes());
            } else {
                for s in &summary.skipped {
                    let _ = writeln!(std::io::stderr(), "marsad: skipped {}: {}", s.input, s.reason);
                }
            }
            Ok(if summary.complete() { ExitCode::SUCCESS } else { ExitCode::from(EXIT_SKIPPED) })
        }
        Command::Search(args) => {
            commands::search::run(&args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export(args) => {
            commands::export::run(&args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Claims(args) => {
            commands::claims::run(&args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Stories(args) => {
            commands::stories::run(&args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Events(args) => {
            commands::events::run(&args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Throughput(args) => {
            commands::throughput::run(&args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve(args) => {
            commands::serve::run(&args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::EvalNer(args) => {
            commands::eval_ner::run(&args)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
