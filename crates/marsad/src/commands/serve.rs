//! `marsad serve`: the web UI and the JSON API over a corpus database (`marsad-web`).

use std::io::Write;

use anyhow::Context;

use crate::cli::ServeArgs;
use crate::commands::UsageError;

pub fn run(args: &ServeArgs) -> anyhow::Result<()> {
    let token = args.token.clone().or_else(|| std::env::var("MARSAD_TOKEN").ok()).filter(|t| !t.is_empty());
    // the demo database lives in a temporary folder, removed when the server stops
    let (_demo, db, what) = if args.demo {
        let (dir, db, report) = marsad_web::demo_database().context("cannot build the demo database")?;
        let what = format!("the sample corpus ({} articles, a temporary database)", report.added);
        (Some(dir), db, what)
    } else {
        if !crate::commands::is_postgres(&args.db.db) && !args.db.db.is_file() {
            return Err(UsageError(format!(
                "no database at {} (create one with `marsad ingest PATH --db {}`, or try `marsad serve --demo`)",
                args.db.db.display(),
                args.db.db.display()
            ))
            .into());
        }
        (None, args.db.db.clone(), crate::commands::db_name(&args.db.db))
    };
    let mut config = marsad_web::Config::new(db);
    config.token = token.clone();
    config.max_body = args.max_body_mib.saturating_mul(1 << 20);
    let mut stderr = std::io::stderr();
    if !args.addr.ip().is_loopback() {
        let _ = writeln!(
            stderr,
            "marsad: warning: listening on {}: the read endpoints are open to anyone who can reach it",
            args.addr
        );
    }
    marsad_web::serve(&config, args.addr, |addr| {
        let _ = writeln!(
            stderr,
            "marsad: serving {what} at http://{addr}/ (API: http://{addr}/api/openapi.json)"
        );
        let _ = writeln!(
            stderr,
            "marsad: ingest (POST /api/ingest) is {}; Ctrl-C stops",
            if token.is_some() {
                "enabled with the bearer token"
            } else {
                "disabled (no --token or MARSAD_TOKEN)"
            }
        );
    })
    .map_err(|e| match e {
        marsad_web::ServeError::Bind { .. } | marsad_web::ServeError::NoDatabase(_) => {
            UsageError(e.to_string()).into()
        }
        e => anyhow::Error::from(e),
    })
}
