//! `marsad events`: events merged across articles (one happening reported by several
//! articles and outlets) and, with an id, every report of one.

use std::io::{self, Write};

use clap::Args;
use marsad_store::MergedEventFilter;

use crate::cli::DbArgs;
use crate::commands::{UsageError, open_existing, query_error};

#[derive(Debug, Args)]
pub struct EventsArgs {
    /// Show this merged event with each of its reports.
    #[arg(value_name = "ID")]
    pub id: Option<i64>,

    #[command(flatten)]
    pub db: DbArgs,

    /// Events on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// Events on or before this date.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,

    /// Only this PLOVER category (FIGHT, ASSAULT, PROTEST...).
    #[arg(long, value_name = "CATEGORY")]
    pub category: Option<String>,

    /// Events reported by at least this many articles.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub min_articles: u64,

    /// At most this many events (0: all).
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,

    /// One JSON object per event.
    #[arg(long)]
    pub json: bool,
}

fn list(v: &[String]) -> String {
    if v.is_empty() { "-".into() } else { v.join(", ") }
}

pub fn run(args: &EventsArgs) -> anyhow::Result<()> {
    let store = open_existing(&args.db.db)?;
    let mut out = io::stdout().lock();
    if let Some(id) = args.id {
        let Some(ev) = store.merged_event(id).map_err(query_error)? else {
            return Err(UsageError(format!("no merged event {id} in {}", args.db.db.display())).into());
        };
        writeln!(
            out,
            "event {id}: {} {} {}{}, {} reports",
            ev.kind,
            ev.mode,
            ev.first.as_deref().unwrap_or("?"),
            match (&ev.first, &ev.last) {
                (Some(f), Some(l)) if f != l => format!(" to {l}"),
                _ => String::new(),
            },
            ev.members.len()
        )?;
        for m in &ev.members {
            let names = |v: &[marsad_store::Party]| v.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
            writeln!(
                out,
                "\n  {} {} [{}] {}",
                m.published.as_deref().unwrap_or("----------"),
                m.outlet.as_deref().unwrap_or("-"),
                m.doc_id,
                m.local
            )?;
            writeln!(
                out,
                "    actors {}; targets {}; at {}; claimant {}",
                list(&names(&m.actors)),
                list(&names(&m.targets)),
                list(&names(&m.locations)),
                m.claimant.as_ref().map_or("-", |p| p.name.as_str())
            )?;
            for c in &m.claims {
                writeln!(
                    out,
                    "    claim: {} {} {} {}",
                    c.qualifier,
                    c.count.map_or("some".into(), |n| n.to_string()),
                    c.kind,
                    c.population
                )?;
            }
            writeln!(out, "    «{}»", m.evidence.split_whitespace().collect::<Vec<_>>().join(" "))?;
        }
        return Ok(());
    }
    let filter = MergedEventFilter {
        from: args.from.clone(),
        to: args.to.clone(),
        category: args.category.clone(),
        min_articles: args.min_articles,
        limit: args.limit,
    };
    let events = store.merged_events(&filter).map_err(query_error)?;
    if events.is_empty() && !args.json {
        writeln!(io::stderr(), "events: no merged event matches")?;
    }
    for e in &events {
        if args.json {
            let v = serde_json::json!({
                "id": e.id, "type": e.kind, "mode": e.mode, "first": e.first, "last": e.last,
                "events": e.events, "articles": e.articles, "actors": e.actors, "targets": e.targets,
                "places": e.places, "outlets": e.outlets, "claimants": e.claimants,
            });
            writeln!(out, "{v}")?;
        } else {
            writeln!(
                out,
                "#{:<6} {} {:<8} {:<14} {:>2} articles  at {}",
                e.id,
                e.first.as_deref().unwrap_or("?"),
                e.kind,
                e.mode,
                e.articles,
                list(&e.places)
            )?;
            writeln!(
                out,
                "        actors {}; targets {}; outlets {}; claimants {}",
                list(&e.actors),
                list(&e.targets),
                list(&e.outlets),
                list(&e.claimants)
            )?;
        }
    }
    Ok(())
}
