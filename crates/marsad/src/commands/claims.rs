//! `marsad claims`: the casualty claim ledger as a readable table.

use std::io::{self, Write};

use marsad_store::{ClaimFilter, ledger};

use crate::cli::ClaimsArgs;
use crate::commands::open_existing;

pub fn run(args: &ClaimsArgs) -> anyhow::Result<()> {
    let store = open_existing(&args.db.db)?;
    let filter = ClaimFilter {
        entity: args.entity.clone(),
        from: args.from.clone(),
        to: args.to.clone(),
        kind: args.kind.clone(),
    };
    let groups = ledger::build(store.claims(&filter)?);
    let mut out = io::stdout().lock();
    if groups.is_empty() {
        writeln!(io::stderr(), "claims: no casualty figure matches")?;
    }
    out.write_all(ledger::render(&groups).as_bytes())?;
    Ok(())
}
