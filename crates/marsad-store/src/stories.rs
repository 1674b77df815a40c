//! Reading what [`crate::link`] built: stories, near-duplicate and reuse pairs, merged events
//! (the [`crate::Store`] methods of the same names, on any [`Db`]).

use crate::db::{Db, ToValue, args};
use crate::link::{day_number, day_string};
use crate::read::{EVENT_SELECT, event_row};
use crate::{
    ArticleLink, MergedEvent, MergedEventFilter, MergedEventSummary, StoreError, Story, StoryArticle,
    StoryFilter, StorySummary,
};

/// The first words of a text, as a title for an article that has none.
fn first_words(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let words: Vec<&str> = line.split_whitespace().take(12).collect();
    words.join(" ")
}

fn limit_of(n: usize) -> i64 {
    if n == 0 { i64::MAX } else { n.min(i64::MAX as usize) as i64 }
}

/// Distinct values, in order.
fn distinct(values: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in values {
        if !v.is_empty() && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// A story's summary and its articles (with their database ids).
type StoryParts = (StorySummary, Vec<(i64, StoryArticle)>);

/// A merged event's row: type, mode, first and last day, events, articles.
type MergedRow = (String, String, Option<i32>, Option<i32>, i64, i64);

pub(crate) fn list_stories(db: &dyn Db, f: &StoryFilter) -> Result<Vec<StorySummary>, StoreError> {
    let from = f.from.as_deref().map(|d| day_number(d).ok_or_else(|| bad_date(d))).transpose()?;
    let to = f.to.as_deref().map(|d| day_number(d).ok_or_else(|| bad_date(d))).transpose()?;
    let ids: Vec<i64> = db.rows(
        "SELECT id FROM stories WHERE articles >= ?1
               AND (CAST(?2 AS BIGINT) IS NULL OR last_day >= ?2) AND (CAST(?3 AS BIGINT) IS NULL OR first_day <= ?3)
             ORDER BY articles DESC, last_day DESC NULLS LAST, id LIMIT ?4",
        args![f.min_articles.max(2) as i64, from, to, limit_of(f.limit)],
        |r| r.get(0),
    )?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some((summary, _)) = story_parts(db, id)? {
            out.push(summary);
        }
    }
    Ok(out)
}

/// A story's summary and its articles.
fn story_parts(db: &dyn Db, id: i64) -> Result<Option<StoryParts>, StoreError> {
    let row: Option<(i64, Option<i32>, Option<i32>)> =
        db.row("SELECT articles, first_day, last_day FROM stories WHERE id = ?1", args![id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    let Some((n, first, last)) = row else { return Ok(None) };
    let articles: Vec<(i64, StoryArticle, String)> = db.rows(
        "SELECT a.id, a.key, a.doc_id, a.title, a.outlet, a.published, sa.why, substr(a.text, 1, 300)
             FROM story_articles sa JOIN articles a ON a.id = sa.article
             WHERE sa.story = ?1 ORDER BY a.published IS NULL, a.published, a.id",
        args![id],
        |r| {
            Ok((
                r.get(0)?,
                StoryArticle {
                    key: r.get(1)?,
                    doc_id: r.get(2)?,
                    title: r.get(3)?,
                    outlet: r.get(4)?,
                    published: r.get(5)?,
                    why: r.get(6)?,
                },
                r.get(7)?,
            ))
        },
    )?;
    let title = articles
        .iter()
        .find_map(|(_, a, _)| a.title.clone().filter(|t| !t.trim().is_empty()))
        .or_else(|| articles.first().map(|(_, _, text)| first_words(text)))
        .unwrap_or_default();
    let summary = StorySummary {
        id,
        title: title.split_whitespace().collect::<Vec<_>>().join(" "),
        first: first.map(day_string),
        last: last.map(day_string),
        articles: n.max(0) as u64,
        outlets: distinct(articles.iter().filter_map(|(_, a, _)| a.outlet.clone())),
    };
    Ok(Some((summary, articles.into_iter().map(|(id, a, _)| (id, a)).collect())))
}

pub(crate) fn read_story(db: &dyn Db, id: i64) -> Result<Option<Story>, StoreError> {
    let Some((summary, articles)) = story_parts(db, id)? else { return Ok(None) };
    let links = link_rows(
        db,
        "SELECT x.key, y.key, l.kind, l.similarity, l.paragraphs FROM article_links l
         JOIN articles x ON x.id = l.a JOIN articles y ON y.id = l.b
         JOIN story_articles sx ON sx.article = l.a JOIN story_articles sy ON sy.article = l.b
         WHERE sx.story = ?1 AND sy.story = ?1 ORDER BY l.a, l.b",
        &id,
    )?;
    let merged: Vec<i64> = db.rows(
        "SELECT em.merged FROM story_articles sa JOIN events e ON e.article = sa.article
             JOIN event_merges em ON em.event = e.id
             WHERE sa.story = ?1 GROUP BY em.merged HAVING count(DISTINCT e.article) >= 2
             ORDER BY count(DISTINCT e.article) DESC, em.merged",
        args![id],
        |r| r.get(0),
    )?;
    let mut events = Vec::with_capacity(merged.len());
    for m in merged {
        if let Some(s) = merged_summary(db, m)? {
            events.push(s);
        }
    }
    Ok(Some(Story { summary, articles: articles.into_iter().map(|(_, a)| a).collect(), links, events }))
}

fn link_rows(db: &dyn Db, sql: &str, param: &dyn ToValue) -> Result<Vec<ArticleLink>, StoreError> {
    let rows: Vec<(String, String, String, f64, String)> =
        db.rows(sql, &[param], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?;
    Ok(rows
        .into_iter()
        .map(|(a, b, kind, similarity, paragraphs)| ArticleLink {
            a,
            b,
            kind,
            similarity,
            paragraphs: serde_json::from_str(&paragraphs).unwrap_or_default(),
        })
        .collect())
}

pub(crate) fn article_links(db: &dyn Db, key: &str) -> Result<Vec<ArticleLink>, StoreError> {
    link_rows(
        db,
        "SELECT x.key, y.key, l.kind, l.similarity, l.paragraphs FROM articles t
         JOIN article_links l ON l.a = t.id OR l.b = t.id
         JOIN articles x ON x.id = l.a JOIN articles y ON y.id = l.b
         WHERE t.key = ?1 ORDER BY l.similarity DESC, l.a, l.b",
        &key,
    )
}

/// A merged event's summary: its parties, places, outlets and claimants over its members.
fn merged_summary(db: &dyn Db, id: i64) -> Result<Option<MergedEventSummary>, StoreError> {
    let row: Option<MergedRow> = db.row(
        "SELECT type, mode, first_day, last_day, events, articles FROM merged_events WHERE id = ?1",
        args![id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
    )?;
    let Some((kind, mode, first, last, events, articles)) = row else { return Ok(None) };
    let names = |role: &str| -> Result<Vec<String>, StoreError> {
        let v: Vec<String> = db.rows("SELECT coalesce(en.name, r.name) FROM event_merges em JOIN event_roles r ON r.event = em.event
                 LEFT JOIN entities en ON en.id = r.entity
                 WHERE em.merged = ?1 AND r.role = ?2 ORDER BY em.event, r.rowid", args![id, role], |r| r.get::<Option<String>>(0))?
            .into_iter()
            .flatten()
            .collect();
        Ok(distinct(v))
    };
    let sources: Vec<(Option<String>, Option<String>)> = db.rows(
        "SELECT a.outlet, coalesce(en.name, e.claimant) FROM event_merges em JOIN events e ON e.id = em.event
             JOIN articles a ON a.id = e.article LEFT JOIN entities en ON en.id = e.claimant_entity
             WHERE em.merged = ?1 ORDER BY a.published NULLS FIRST, a.id, e.id",
        args![id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(Some(MergedEventSummary {
        id,
        kind,
        mode,
        first: first.map(day_string),
        last: last.map(day_string),
        events: events.max(0) as u64,
        articles: articles.max(0) as u64,
        actors: names("actor")?,
        targets: names("target")?,
        places: names("location")?,
        outlets: distinct(sources.iter().filter_map(|s| s.0.clone())),
        claimants: distinct(sources.iter().filter_map(|s| s.1.clone())),
    }))
}

pub(crate) fn list_merged_events(
    db: &dyn Db,
    f: &MergedEventFilter,
) -> Result<Vec<MergedEventSummary>, StoreError> {
    let from = f.from.as_deref().map(|d| day_number(d).ok_or_else(|| bad_date(d))).transpose()?;
    let to = f.to.as_deref().map(|d| day_number(d).ok_or_else(|| bad_date(d))).transpose()?;
    let ids: Vec<i64> = db.rows(
        "SELECT id FROM merged_events WHERE articles >= ?1
               AND (CAST(?2 AS BIGINT) IS NULL OR last_day >= ?2) AND (CAST(?3 AS BIGINT) IS NULL OR first_day <= ?3)
               AND (CAST(?4 AS TEXT) IS NULL OR type = upper(CAST(?4 AS TEXT)))
             ORDER BY articles DESC, events DESC, last_day DESC NULLS LAST, id LIMIT ?5",
        args![f.min_articles.max(1) as i64, from, to, f.category, limit_of(f.limit)],
        |r| r.get(0),
    )?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(s) = merged_summary(db, id)? {
            out.push(s);
        }
    }
    Ok(out)
}

pub(crate) fn read_merged_event(db: &dyn Db, id: i64) -> Result<Option<MergedEvent>, StoreError> {
    let row: Option<(String, String, Option<i32>, Option<i32>)> =
        db.row("SELECT type, mode, first_day, last_day FROM merged_events WHERE id = ?1", args![id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?;
    let Some((kind, mode, first, last)) = row else { return Ok(None) };
    let members = db.rows(
        &format!(
            "{EVENT_SELECT} JOIN event_merges em ON em.event = ev.id WHERE em.merged = ?1
             ORDER BY a.published NULLS FIRST, a.id, ev.id"
        ),
        args![id],
        |r| event_row(db, r),
    )?;
    Ok(Some(MergedEvent {
        id: Some(id),
        kind,
        mode,
        first: first.map(day_string),
        last: last.map(day_string),
        members,
    }))
}

pub(crate) fn each_merged_event(
    db: &dyn Db,
    f: &mut dyn FnMut(MergedEvent) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    // each group once, at its first member (in ingestion order)
    let sql = "SELECT ev.id, ev.article, em.merged, (SELECT min(x.event) FROM event_merges x WHERE x.merged = em.merged)
         FROM events ev LEFT JOIN event_merges em ON em.event = ev.id";
    crate::read::each_event_row(db, sql, |r| {
        let (event, merged, first): (i64, Option<i64>, Option<i64>) = (r.get(0)?, r.get(2)?, r.get(3)?);
        match merged {
            Some(m) if first == Some(event) => {
                if let Some(me) = read_merged_event(db, m)? {
                    f(me)?;
                }
            }
            Some(_) => {}
            None => {
                let row =
                    db.row(&format!("{EVENT_SELECT} WHERE ev.id = ?1"), args![event], |r| event_row(db, r))?;
                if let Some(row) = row {
                    let day = row.date.as_deref().and_then(day_number).map(day_string);
                    f(MergedEvent {
                        id: None,
                        kind: row.kind.clone(),
                        mode: row.mode.clone(),
                        first: day.clone(),
                        last: day,
                        members: vec![row],
                    })?;
                }
            }
        }
        Ok(())
    })
}

fn bad_date(d: &str) -> StoreError {
    StoreError::Query(format!("{d:?} is not a date (YYYY-MM-DD)"))
}
