//! The `marsad` command.

mod alloc;
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
/// system allocator (measured with callgrind on the bench corpus; see the README). Asked as
/// `malloc` where that aligns enough ([`alloc::Allocator`]).
#[global_allocator]
static ALLOCATOR: alloc::Allocator = alloc::Allocator;

/// mimalloc's option `purge_delay`: its index in `mi_option_t` of mimalloc v3 (the version
/// libmimalloc-sys builds by default, which names only some options); a test checks that the
/// index holds the option's default.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// The allocator keeps the memory freed instead of giving it back to the system.
///
/// mimalloc gives it back after a second by default. The pipeline frees and allocates again
/// blocks of every size all the time (an article's tokens, words and records), and memory given
/// back comes again as fresh pages that the kernel clears on their first write. Measured when
/// the process still had transparent huge pages (before [`no_huge_pages`]), so that a fault
/// cleared 2 MiB: on the bench corpus, one thread, some 4,000 page faults in 10,000 articles
/// and most of the system time. Kept, the memory is used again: the faults are those of its
/// first use, and the peak stays that of the work (then 231 MiB on the whole bench corpus, one
/// thread, against 214 when it is given back). For the batch commands only: a server keeps the
/// default, and gives back what a burst of requests took.
#[allow(unsafe_code)]
fn keep_freed_memory() {
    // SAFETY: `mi_option_set` stores a number in mimalloc's table of options; it is called
    // in `main` before any other thread is started that could read the table.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}

/// The process's memory comes in pages of 4 KiB, not as transparent huge pages.
///
/// mimalloc asks the kernel for huge pages (2 MiB) on the regions it reserves, which Linux
/// grants where transparent huge pages are on or `madvise`d. The kernel clears a huge page
/// whole on its first write, and the batch commands write their tables sparsely as they grow
/// (the forms of every layer, the knowledge base's indexes): on 10,000 bench articles, one
/// thread, 115 huge pages, 230 MiB cleared where 4 KiB pages clear some 190 MB. On a virtual
/// machine clearing fresh memory is slow and uneven: in seven runs of each, alternated
/// (`throughput` of the first 10,000 bench articles, `-j 1`), the system time was 0.32–0.54 s
/// with huge pages and 0.09–0.18 s without, the user time 3.56–3.77 s and 3.60–3.83 s (more
/// misses of the address cache), the whole extraction 8.1–8.4 MB/s and 8.6–8.9, the peak
/// memory 251–264 MiB and 200–207 MiB. On the whole bench corpus the fresh pages are a
/// smaller share and the speed the same within the noise (`docs/PERFORMANCE.md`). A server
/// keeps the kernel's default, as it keeps mimalloc's (see [`keep_freed_memory`]).
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
fn no_huge_pages() {
    // SAFETY: `prctl(PR_SET_THP_DISABLE, 1)` sets a flag of the process that the kernel reads
    // when it maps memory on a fault; no memory of the program is passed or changed. A kernel
    // that does not know the call refuses it, which leaves the default.
    let _ = unsafe { libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0) };
}

#[cfg(not(target_os = "linux"))]
fn no_huge_pages() {}

/// Exit status when some inputs were skipped.
const EXIT_SKIPPED: u8 = 1;
/// Exit status for usage errors (clap uses it for its own errors too).
const EXIT_USAGE: u8 = 2;
/// Exit status when the run failed: output that could not be written, an internal error.
const EXIT_FAILED: u8 = 3;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if !matches!(cli.command, Command::Serve(_)) {
        keep_freed_memory();
        no_huge_pages();
    }
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

#[cfg(test)]
mod tests {
    /// The index of `purge_delay` holds its default (a second), unless the environment set it.
    #[test]
    #[allow(unsafe_code)]
    fn the_purge_delay_option_is_where_it_is_set() {
        // SAFETY: `mi_option_get` reads a number from mimalloc's table of options
        let delay = unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        assert!(delay == 1000 || std::env::var_os("MIMALLOC_PURGE_DELAY").is_some(), "{delay}");
    }

    /// After the call the kernel reports huge pages off for the process.
    #[cfg(target_os = "linux")]
    #[test]
    #[allow(unsafe_code)]
    fn huge_pages_are_turned_off() {
        // SAFETY: `prctl` with these arguments sets or reads a flag of the process; the test
        // clears it first (a parent process may have set it, and children inherit it)
        let flag = || unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) };
        assert_eq!(unsafe { libc::prctl(libc::PR_SET_THP_DISABLE, 0, 0, 0, 0) }, 0);
        assert_eq!(flag(), 0);
        super::no_huge_pages();
        assert_eq!(flag(), 1);
    }
}
