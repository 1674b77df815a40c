//! `marsad search`: ranked full-text search of the corpus database.

use std::io::{self, IsTerminal, Write};

use marsad_store::SearchQuery;

use crate::cli::SearchArgs;
use crate::commands::{UsageError, open_existing};

pub fn run(args: &SearchArgs) -> anyhow::Result<()> {
    let store = open_existing(&args.db.db)?;
    let query = SearchQuery {
        text: args.query.clone(),
        from: args.from.clone(),
        to: args.to.clone(),
        outlet: args.outlet.clone(),
        entity: args.entity.clone(),
        category: args.category.clone(),
        kind: args.kind.clone(),
        limit: args.limit,
    };
    let hits = store.search(&query).map_err(|e| match e {
        marsad_store::StoreError::Query(m) => anyhow::Error::from(UsageError(m)),
        e => e.into(),
    })?;
    let mut out = io::stdout().lock();
    let bold = io::stdout().is_terminal();
    let (open, close) = if bold { ("\x1b[1m", "\x1b[0m") } else { ("**", "**") };
    for hit in &hits {
        if args.json {
            let v = serde_json::json!({
                "key": hit.key,
                "id": hit.doc_id,
                "title": hit.title,
                "outlet": hit.outlet,
                "published": hit.published,
                "score": hit.score,
                "snippet": {
                    "start": hit.snippet.start,
                    "end": hit.snippet.end,
                    "text": hit.snippet.text,
                    "highlights": hit.snippet.highlights.iter().map(|(s, e)| [s, e]).collect::<Vec<_>>(),
                },
            });
            writeln!(out, "{v}")?;
        } else {
            writeln!(
                out,
                "{:.2}  {}  {}  {}  [{}]",
                hit.score,
                hit.published.as_deref().unwrap_or("----------"),
                hit.outlet.as_deref().unwrap_or("-"),
                hit.title.as_deref().unwrap_or(""),
                hit.doc_id
            )?;
            writeln!(out, "      {}", hit.snippet.marked(open, close).replace('\n', " "))?;
        }
    }
    if hits.is_empty() && !args.json {
        writeln!(io::stderr(), "search: no article matches")?;
    }
    Ok(())
}
