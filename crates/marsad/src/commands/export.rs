//! `marsad export`: the corpus database as JSON Lines, ACLED-style CSV, PLOVER JSON or GeoJSON.

use std::fs::File;
use std::io::{self, BufWriter, Write};

use anyhow::Context;
use marsad_store::export::{Format, export};

use crate::cli::{ExportArgs, ExportFormat};
use crate::commands::{UsageError, open_existing};

pub fn run(args: &ExportArgs) -> anyhow::Result<()> {
    let store = open_existing(&args.db.db)?;
    let format = match args.format {
        ExportFormat::Jsonl => Format::Jsonl,
        ExportFormat::AcledCsv => Format::AcledCsv,
        ExportFormat::PloverJson => Format::PloverJson,
        ExportFormat::Geojson => Format::Geojson,
    };
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) if path.as_os_str() != "-" => Box::new(BufWriter::new(
            File::create(path).map_err(|e| UsageError(format!("cannot create {}: {e}", path.display())))?,
        )),
        _ => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let stats = export(&*store, format, &mut out).context("export failed")?;
    if args.output.is_some() {
        eprintln!(
            "export: {} written, {} events left out (see the README for what each format keeps)",
            stats.written, stats.left_out
        );
    }
    Ok(())
}
