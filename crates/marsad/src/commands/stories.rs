//! `marsad stories`: stories (articles about one happening, across outlets) and, with an id,
//! one story's articles, shared paragraphs and merged events.

use std::io::{self, Write};

use clap::Args;
use marsad_store::StoryFilter;

use crate::cli::DbArgs;
use crate::commands::{UsageError, open_existing, query_error};

#[derive(Debug, Args)]
pub struct StoriesArgs {
    /// Show this story: its articles, the paragraphs they share and the events they report.
    #[arg(value_name = "ID")]
    pub id: Option<i64>,

    #[command(flatten)]
    pub db: DbArgs,

    /// Stories still running on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// Stories started on or before this date.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,

    /// Stories of at least this many articles.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub min_articles: u64,

    /// At most this many stories (0: all).
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,

    /// One JSON object per story.
    #[arg(long)]
    pub json: bool,
}

fn one_line(s: &str, max: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > max { format!("{}…", s.chars().take(max).collect::<String>()) } else { s }
}

pub fn run(args: &StoriesArgs) -> anyhow::Result<()> {
    let store = open_existing(&args.db.db)?;
    let mut out = io::stdout().lock();
    if let Some(id) = args.id {
        let Some(story) = store.story(id).map_err(query_error)? else {
            return Err(UsageError(format!("no story {id} in {}", args.db.db.display())).into());
        };
        if args.json {
            let v = serde_json::json!({
                "id": story.summary.id,
                "title": story.summary.title,
                "first": story.summary.first,
                "last": story.summary.last,
                "outlets": story.summary.outlets,
                "articles": story.articles.iter().map(|a| serde_json::json!({
                    "key": a.key, "id": a.doc_id, "title": a.title, "outlet": a.outlet,
                    "published": a.published, "why": a.why,
                })).collect::<Vec<_>>(),
                "links": story.links.iter().map(|l| serde_json::json!({
                    "a": l.a, "b": l.b, "kind": l.kind, "similarity": l.similarity,
                    "paragraphs": l.paragraphs,
                })).collect::<Vec<_>>(),
                "events": story.events.iter().map(|e| serde_json::json!({
                    "id": e.id, "type": e.kind, "mode": e.mode, "first": e.first, "last": e.last,
                    "articles": e.articles, "places": e.places, "actors": e.actors, "targets": e.targets,
                })).collect::<Vec<_>>(),
            });
            writeln!(out, "{v}")?;
            return Ok(());
        }
        let s = &story.summary;
        writeln!(out, "story {}: {}", s.id, one_line(&s.title, 120))?;
        writeln!(
            out,
            "{} to {}, {} articles, outlets: {}",
            s.first.as_deref().unwrap_or("?"),
            s.last.as_deref().unwrap_or("?"),
            s.articles,
            if s.outlets.is_empty() { "-".into() } else { s.outlets.join(", ") }
        )?;
        writeln!(out, "\narticles:")?;
        for a in &story.articles {
            writeln!(
                out,
                "  {}  {:<20} {:<9} {}  [{}]",
                a.published.as_deref().unwrap_or("----------"),
                one_line(a.outlet.as_deref().unwrap_or("-"), 20),
                a.why,
                one_line(a.title.as_deref().unwrap_or(""), 80),
                a.doc_id
            )?;
        }
        if !story.links.is_empty() {
            writeln!(out, "\nshared text:")?;
            for l in &story.links {
                writeln!(
                    out,
                    "  {} ~ {}: {} (similarity {:.2}, {} paragraph{} reused)",
                    l.a,
                    l.b,
                    l.kind,
                    l.similarity,
                    l.paragraphs.len(),
                    if l.paragraphs.len() == 1 { "" } else { "s" }
                )?;
            }
        }
        if !story.events.is_empty() {
            writeln!(out, "\nevents reported by several of its articles:")?;
            for e in &story.events {
                writeln!(
                    out,
                    "  #{} {} {} {}  {} articles  at {}  actors {}",
                    e.id,
                    e.first.as_deref().unwrap_or("?"),
                    e.kind,
                    e.mode,
                    e.articles,
                    if e.places.is_empty() { "-".into() } else { e.places.join(", ") },
                    if e.actors.is_empty() { "-".into() } else { e.actors.join(", ") },
                )?;
            }
        }
        return Ok(());
    }
    let filter = StoryFilter {
        from: args.from.clone(),
        to: args.to.clone(),
        min_articles: args.min_articles,
        limit: args.limit,
    };
    let stories = store.stories(&filter).map_err(query_error)?;
    if stories.is_empty() && !args.json {
        writeln!(io::stderr(), "stories: no story matches (a story needs two linked articles)")?;
    }
    for s in &stories {
        if args.json {
            let v = serde_json::json!({
                "id": s.id, "title": s.title, "first": s.first, "last": s.last,
                "articles": s.articles, "outlets": s.outlets,
            });
            writeln!(out, "{v}")?;
        } else {
            let dates = match (&s.first, &s.last) {
                (Some(f), Some(l)) if f != l => format!("{f} to {l}"),
                (Some(f), _) => f.clone(),
                _ => "undated".into(),
            };
            writeln!(out, "#{:<6} {:>3} articles  {}  {}", s.id, s.articles, dates, one_line(&s.title, 90))?;
            writeln!(
                out,
                "        outlets: {}",
                if s.outlets.is_empty() { "-".into() } else { s.outlets.join(", ") }
            )?;
        }
    }
    Ok(())
}
