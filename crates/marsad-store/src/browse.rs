//! Read-side queries for browsing the corpus (the web API of `marsad serve`): pages of
//! articles, events and entities with filters, one article's stored record with the global ids
//! of its entities, one entity with the articles that mention it.
//!
//! Every list is a [`Page`]: the total that matches, and at most [`MAX_PAGE`] items from an
//! offset. Dates are compared as the ledger compares them: a period (`2022-09`) is after
//! `from = 2022-09-01` when its end is, and before `to = 2022-09` when its start is; an event
//! without a date is placed at its article's publication date.
//!
//! ```
//! use marsad_store::SqliteStore;
//! use marsad_store::browse::{ArticleFilter, Browse};
//! let dir = tempfile::tempdir().unwrap();
//! let store = SqliteStore::open(&dir.path().join("marsad.db")).unwrap();
//! let page = store.articles(&ArticleFilter::default()).unwrap();
//! assert_eq!((page.total, page.items.len()), (0, 0));
//! ```

use serde::Serialize;

use crate::db::{Backend, Db, Row, Value, args};
use crate::read::{entity_ids, nocase_equal};
use crate::{SqlStore, StoreError};

/// The most items a page holds (a larger `limit` is lowered to it).
pub const MAX_PAGE: usize = 500;

/// Which slice of a list to return.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paging {
    /// Items to skip.
    pub offset: usize,
    /// Items to return (1..=[`MAX_PAGE`]).
    pub limit: usize,
}

impl Default for Paging {
    fn default() -> Paging {
        Paging { offset: 0, limit: 50 }
    }
}

impl Paging {
    fn limit(&self) -> i64 {
        self.limit.clamp(1, MAX_PAGE) as i64
    }
    fn offset(&self) -> i64 {
        self.offset.min(i64::MAX as usize) as i64
    }
}

/// A page of a list.
#[derive(Clone, Debug, Serialize)]
pub struct Page<T> {
    /// How many items match, in all.
    pub total: u64,
    pub offset: usize,
    /// The page size used (after lowering to [`MAX_PAGE`]).
    pub limit: usize,
    pub items: Vec<T>,
}

/// Which articles to list (newest first).
#[derive(Clone, Debug, Default)]
pub struct ArticleFilter {
    /// Published on or after (YYYY-MM-DD).
    pub from: Option<String>,
    /// Published on or before (a prefix: `2022-09` is the whole month).
    pub to: Option<String>,
    /// Of this outlet (case-insensitive).
    pub outlet: Option<String>,
    /// Mentioning this entity: its id in the database, knowledge-base id, or name.
    pub entity: Option<String>,
    /// With an event of this category (FIGHT...).
    pub category: Option<String>,
    /// With a casualty claim of this kind (killed...).
    pub kind: Option<String>,
    pub paging: Paging,
}

/// An article in a list.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ArticleSummary {
    /// The article's id in the database (stable until the article is replaced).
    pub id: i64,
    pub key: String,
    pub doc_id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// Length of the text in code points.
    pub chars: u64,
    pub entities: u64,
    pub events: u64,
    pub claims: u64,
}

/// One stored article.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct StoredArticle {
    pub id: i64,
    pub key: String,
    pub doc_id: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// The record as `marsad extract` wrote it (JSON, text included).
    pub record: String,
    /// The database id of each of the record's entities: (record id `e1`, entity id).
    pub entity_ids: Vec<(String, i64)>,
}

/// An entity of the database (merged across articles).
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct EntityRef {
    /// Its id in the database; None for a party that is a bare name.
    pub id: Option<i64>,
    pub name: String,
    pub name_ar: Option<String>,
    pub kb: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub subtype: Option<String>,
    /// Knowledge-base id of its country (places).
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// Which entities to list (most mentioned first).
#[derive(Clone, Debug, Default)]
pub struct EntityFilter {
    /// A part of the English or Arabic name, or a knowledge-base id.
    pub q: Option<String>,
    /// PERSON, ORG, GPE or LOC.
    pub kind: Option<String>,
    pub paging: Paging,
}

/// An entity in a list.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EntitySummary {
    #[serde(flatten)]
    pub entity: EntityRef,
    /// Articles that mention it.
    pub articles: u64,
}

/// Where an entity is mentioned: one article and its mention spans.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EntityMentions {
    pub article: i64,
    pub doc_id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// The mentions: code-point spans of the article text and the rule that found each.
    pub spans: Vec<(usize, usize, Option<String>)>,
    /// The text around the first mention.
    pub context: String,
    /// Code-point offset of `context` in the article text.
    pub context_start: usize,
}

/// Which events to list (by date).
#[derive(Clone, Debug, Default)]
pub struct EventFilter {
    /// Dated on or after (an undated event counts at its article's publication date).
    pub from: Option<String>,
    /// Dated on or before (a prefix).
    pub to: Option<String>,
    /// PLOVER category (FIGHT...), case-insensitive.
    pub category: Option<String>,
    /// Mode (shelling...).
    pub mode: Option<String>,
    /// With this entity as actor, target, location, claimant or reporting agency: its id in
    /// the database, knowledge-base id, or name.
    pub entity: Option<String>,
    /// Located at this place (id, knowledge-base id or name).
    pub place: Option<String>,
    /// Of this article.
    pub article: Option<i64>,
    /// Only events located at a place with coordinates.
    pub located: bool,
    /// Latest first.
    pub newest_first: bool,
    pub paging: Paging,
}

/// An event with its parties.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EventSummary {
    pub id: i64,
    pub article: i64,
    pub doc_id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// The record's id (v3).
    pub local: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub mode: String,
    pub date: Option<String>,
    pub modality: Option<String>,
    pub negated: bool,
    pub actors: Vec<EntityRef>,
    pub targets: Vec<EntityRef>,
    pub locations: Vec<EntityRef>,
    pub claimant: Option<EntityRef>,
    pub reported_by: Vec<EntityRef>,
    pub evidence: String,
    pub evidence_start: usize,
    pub evidence_end: usize,
    pub trigger_start: Option<usize>,
    pub trigger_end: Option<usize>,
    pub rule: Option<String>,
    /// Casualty claims linked to the event.
    pub claims: u64,
}

/// A value and how many rows have it (outlets, categories).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Count {
    pub value: String,
    pub count: u64,
}

/// Read-side queries over a corpus database.
pub trait Browse {
    /// A page of articles, newest first.
    fn articles(&self, filter: &ArticleFilter) -> Result<Page<ArticleSummary>, StoreError>;
    /// One article with its record; None when there is no such id.
    fn article(&self, id: i64) -> Result<Option<StoredArticle>, StoreError>;
    /// The id of the article stored under `key`.
    fn article_id(&self, key: &str) -> Result<Option<i64>, StoreError>;
    /// A page of entities, most mentioned first.
    fn entities(&self, filter: &EntityFilter) -> Result<Page<EntitySummary>, StoreError>;
    /// One entity by its id in the database or its knowledge-base id.
    fn entity(&self, id: &str) -> Result<Option<EntitySummary>, StoreError>;
    /// The articles mentioning an entity, newest first.
    fn entity_mentions(&self, id: i64, paging: Paging) -> Result<Page<EntityMentions>, StoreError>;
    /// A page of events, by date.
    fn events(&self, filter: &EventFilter) -> Result<Page<EventSummary>, StoreError>;
    /// Outlets with their article counts.
    fn outlets(&self) -> Result<Vec<Count>, StoreError>;
    /// Event categories with their counts.
    fn categories(&self) -> Result<Vec<Count>, StoreError>;
}

/// An event's date, else its article's publication date. The article is read only for an
/// event without a date (coalesce stops at its first value), so that filtering and sorting
/// events reads the events alone (joining every event to its article row cost a second per
/// page on the bench corpus).
const EVENT_DATE: &str = "coalesce(ev.date, (SELECT published FROM articles WHERE id = ev.article), '')";

const ENTITY_COLUMNS: &str = "e.id, e.name, e.name_ar, e.kb, e.type, e.subtype, e.country, e.lat, e.lon";

fn entity_ref(r: &dyn Row, at: usize) -> Result<EntityRef, StoreError> {
    Ok(EntityRef {
        id: Some(r.get(at)?),
        name: r.get(at + 1)?,
        name_ar: r.get(at + 2)?,
        kb: r.get(at + 3)?,
        kind: r.get(at + 4)?,
        subtype: r.get(at + 5)?,
        country: r.get(at + 6)?,
        lat: r.get(at + 7)?,
        lon: r.get(at + 8)?,
    })
}

fn party(db: &dyn Db, entity: Option<i64>, name: Option<String>) -> Result<Option<EntityRef>, StoreError> {
    match (entity, name) {
        (Some(id), _) => {
            db.row(&format!("SELECT {ENTITY_COLUMNS} FROM entities e WHERE e.id = ?1"), args![id], |r| {
                entity_ref(r, 0)
            })
        }
        (None, Some(name)) => Ok(Some(EntityRef { name, ..EntityRef::default() })),
        (None, None) => Ok(None),
    }
}

/// A count that cannot be negative.
fn count_at(r: &dyn Row, i: usize) -> Result<u64, StoreError> {
    Ok(r.get::<i64>(i)?.max(0) as u64)
}

/// Runs a count and a page query sharing their filter's parameters; the page query takes
/// the limit and the offset after them.
fn page<T>(
    db: &dyn Db,
    count_sql: &str,
    page_sql: &str,
    params: &[Value<'_>],
    paging: Paging,
    mut row: impl FnMut(&dyn Row) -> Result<T, StoreError>,
) -> Result<Page<T>, StoreError> {
    let mut total = 0i64;
    db.query_values(count_sql, params, &mut |r| {
        total = r.get(0)?;
        Ok(())
    })?;
    let (limit, offset) = (paging.limit(), paging.offset());
    let mut all = params.to_vec();
    all.extend([Value::Int(limit), Value::Int(offset)]);
    let mut items = Vec::new();
    db.query_values(page_sql, &all, &mut |r| {
        items.push(row(r)?);
        Ok(())
    })?;
    Ok(Page { total: total.max(0) as u64, offset: paging.offset, limit: limit as usize, items })
}

/// A filter's WHERE clause, built with numbered parameters.
#[derive(Default)]
struct Where<'a> {
    sql: String,
    params: Vec<Value<'a>>,
}

impl<'a> Where<'a> {
    /// Adds `clause`, where `?` stands for the next parameter (given in order).
    fn add(&mut self, clause: &str, values: &[Value<'a>]) {
        let mut out = String::new();
        for (i, piece) in clause.split('?').enumerate() {
            if i > 0 {
                out.push_str(&format!("?{}", self.params.len() + i));
            }
            out.push_str(piece);
        }
        self.params.extend_from_slice(values);
        self.sql.push_str(" AND ");
        self.sql.push_str(&out);
    }
    fn next(&self) -> usize {
        self.params.len() + 1
    }
}

impl<C: Db> Browse for SqlStore<C> {
    fn articles(&self, f: &ArticleFilter) -> Result<Page<ArticleSummary>, StoreError> {
        let db = self.db();
        let entity = f.entity.as_deref().map(|name| entity_ids(db, name)).transpose()?;
        let mut w = Where::default();
        if let Some(from) = &f.from {
            w.add("a.published >= ?", &[Value::Text(from)]);
        }
        if let Some(to) = &f.to {
            w.add("substr(a.published, 1, length(?)) <= ?", &[Value::Text(to), Value::Text(to)]);
        }
        if let Some(o) = &f.outlet {
            w.add(&nocase_equal(db, "a.outlet", "?"), &[Value::Text(o)]);
        }
        if let Some(c) = &f.category {
            w.add(
                "EXISTS (SELECT 1 FROM events e WHERE e.article = a.id AND e.type = upper(CAST(? AS TEXT)))",
                &[Value::Text(c)],
            );
        }
        if let Some(k) = &f.kind {
            w.add(
                "EXISTS (SELECT 1 FROM claims c WHERE c.article = a.id AND c.kind = lower(CAST(? AS TEXT)))",
                &[Value::Text(k)],
            );
        }
        if let Some(ids) = &entity {
            w.add(
                "EXISTS (SELECT 1 FROM mentions m WHERE m.article = a.id AND m.entity IN rarray(?))",
                &[Value::Ints(ids)],
            );
        }
        let n = w.next();
        page(
            db,
            &format!("SELECT count(*) FROM articles a WHERE 1 = 1{}", w.sql),
            &format!(
                "SELECT a.id, a.key, a.doc_id, a.title, a.outlet, a.published, length(a.text),
                    (SELECT count(*) FROM mentions m WHERE m.article = a.id),
                    (SELECT count(*) FROM events e WHERE e.article = a.id),
                    (SELECT count(*) FROM claims c WHERE c.article = a.id)
                 FROM articles a WHERE 1 = 1{}
                 ORDER BY a.published DESC NULLS LAST, a.id DESC LIMIT ?{n} OFFSET ?{}",
                w.sql,
                n + 1
            ),
            &w.params,
            f.paging,
            |r| {
                Ok(ArticleSummary {
                    id: r.get(0)?,
                    key: r.get(1)?,
                    doc_id: r.get(2)?,
                    title: r.get(3)?,
                    outlet: r.get(4)?,
                    published: r.get(5)?,
                    chars: count_at(r, 6)?,
                    entities: count_at(r, 7)?,
                    events: count_at(r, 8)?,
                    claims: count_at(r, 9)?,
                })
            },
        )
    }

    fn article(&self, id: i64) -> Result<Option<StoredArticle>, StoreError> {
        let db = self.db();
        let row = db.row(
            "SELECT key, doc_id, outlet, published, record, text FROM articles WHERE id = ?1",
            args![id],
            |r| {
                let stored = StoredArticle {
                    id,
                    key: r.get(0)?,
                    doc_id: r.get(1)?,
                    outlet: r.get(2)?,
                    published: r.get(3)?,
                    record: String::new(),
                    entity_ids: Vec::new(),
                };
                Ok((stored, r.get::<Vec<u8>>(4)?, r.get::<String>(5)?))
            },
        )?;
        let Some((mut stored, record, text)) = row else { return Ok(None) };
        stored.record = crate::splice_text(&crate::article::decompress(&record)?, &text);
        stored.entity_ids =
            db.rows("SELECT local, entity FROM mentions WHERE article = ?1", args![id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        Ok(Some(stored))
    }

    fn article_id(&self, key: &str) -> Result<Option<i64>, StoreError> {
        if key.contains('\0') {
            return Ok(None);
        }
        self.db().row("SELECT id FROM articles WHERE key = ?1", args![key], |r| r.get(0))
    }

    fn entities(&self, f: &EntityFilter) -> Result<Page<EntitySummary>, StoreError> {
        let db = self.db();
        let mut w = Where::default();
        let q = f.q.as_deref().map(str::trim).filter(|q| !q.is_empty() && !q.contains('\0'));
        let like =
            q.map(|q| format!("%{}%", q.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")));
        if let (Some(q), Some(like)) = (q, &like) {
            // SQLite's LIKE ignores the case of ASCII letters; PostgreSQL's ILIKE does
            let op = match db.backend() {
                Backend::Sqlite => "LIKE",
                Backend::Postgres => "ILIKE",
            };
            w.add(
                &format!("(e.name {op} ? ESCAPE '\\' OR e.name_ar {op} ? ESCAPE '\\' OR e.kb = ?)"),
                &[Value::Text(like), Value::Text(like), Value::Text(q)],
            );
        }
        if let Some(k) = &f.kind {
            w.add("e.type = upper(CAST(? AS TEXT))", &[Value::Text(k)]);
        }
        let n = w.next();
        page(
            db,
            &format!("SELECT count(*) FROM entities e WHERE 1 = 1{}", w.sql),
            &format!(
                "SELECT {ENTITY_COLUMNS}, (SELECT count(*) FROM mentions m WHERE m.entity = e.id) AS n
                 FROM entities e WHERE 1 = 1{} ORDER BY n DESC, e.id LIMIT ?{n} OFFSET ?{}",
                w.sql,
                n + 1
            ),
            &w.params,
            f.paging,
            |r| Ok(EntitySummary { entity: entity_ref(r, 0)?, articles: count_at(r, 9)? }),
        )
    }

    fn entity(&self, id: &str) -> Result<Option<EntitySummary>, StoreError> {
        if id.contains('\0') {
            return Ok(None);
        }
        let (sql, key) = match id.parse::<i64>() {
            Ok(n) => ("e.id = ?1", Value::Int(n)),
            Err(_) => ("e.kb = ?1", Value::Text(id)),
        };
        self.db().row(
            &format!(
                "SELECT {ENTITY_COLUMNS}, (SELECT count(*) FROM mentions m WHERE m.entity = e.id)
                 FROM entities e WHERE {sql} ORDER BY e.id LIMIT 1"
            ),
            args![key],
            |r| Ok(EntitySummary { entity: entity_ref(r, 0)?, articles: count_at(r, 9)? }),
        )
    }

    fn entity_mentions(&self, id: i64, paging: Paging) -> Result<Page<EntityMentions>, StoreError> {
        let db = self.db();
        let mut p = page(
            db,
            "SELECT count(*) FROM mentions m WHERE m.entity = ?1",
            "SELECT a.id, a.doc_id, a.title, a.outlet, a.published, m.spans
             FROM mentions m JOIN articles a ON a.id = m.article WHERE m.entity = ?1
             ORDER BY a.published DESC NULLS LAST, a.id DESC LIMIT ?2 OFFSET ?3",
            &[Value::Int(id)],
            paging,
            |r| {
                let spans: String = r.get(5)?;
                Ok(EntityMentions {
                    article: r.get(0)?,
                    doc_id: r.get(1)?,
                    title: r.get(2)?,
                    outlet: r.get(3)?,
                    published: r.get(4)?,
                    spans: serde_json::from_str(&spans).unwrap_or_default(),
                    context: String::new(),
                    context_start: 0,
                })
            },
        )?;
        const AROUND: usize = 60;
        for m in &mut p.items {
            if let Some(&(s, e, _)) = m.spans.first() {
                let from = s.saturating_sub(AROUND);
                let len = (e.saturating_sub(from) + AROUND).min(1000);
                m.context = db.value(
                    "SELECT substr(text, ?2 + 1, ?3) FROM articles WHERE id = ?1",
                    args![m.article, from, len],
                )?;
                m.context_start = from;
            }
        }
        Ok(p)
    }

    fn events(&self, f: &EventFilter) -> Result<Page<EventSummary>, StoreError> {
        let db = self.db();
        let entity = f.entity.as_deref().map(|name| entity_ids(db, name)).transpose()?;
        let place = f.place.as_deref().map(|name| entity_ids(db, name)).transpose()?;
        let mut w = Where::default();
        // a period overlaps `from` when its end does: 2022-09 is after from = 2022-09-01
        if let Some(from) = &f.from {
            w.add(&format!("{EVENT_DATE} || '~' >= ?"), &[Value::Text(from)]);
        }
        if let Some(to) = &f.to {
            w.add(&format!("substr({EVENT_DATE}, 1, length(?)) <= ?"), &[Value::Text(to), Value::Text(to)]);
        }
        if let Some(c) = &f.category {
            w.add("ev.type = upper(CAST(? AS TEXT))", &[Value::Text(c)]);
        }
        if let Some(m) = &f.mode {
            w.add("ev.mode = ?", &[Value::Text(m)]);
        }
        if let Some(a) = f.article {
            w.add("ev.article = ?", &[Value::Int(a)]);
        }
        if let Some(ids) = &entity {
            // IN (subquery) is computed once, from the roles of these entities (EXISTS per event
            // was planned as a scan of every role of a frequent entity for each event)
            w.add(
                "(ev.claimant_entity IN rarray(?)
                   OR ev.id IN (SELECT r.event FROM event_roles r WHERE r.entity IN rarray(?)))",
                &[Value::Ints(ids), Value::Ints(ids)],
            );
        }
        if let Some(ids) = &place {
            w.add(
                "ev.id IN (SELECT r.event FROM event_roles r WHERE r.entity IN rarray(?) AND r.role = 'location')",
                &[Value::Ints(ids)],
            );
        }
        if f.located {
            w.sql.push_str(
                " AND ev.id IN (SELECT r.event FROM entities e JOIN event_roles r ON r.entity = e.id
                   WHERE e.lat IS NOT NULL AND r.role = 'location')",
            );
        }
        let order = if f.newest_first { "DESC" } else { "" };
        let n = w.next();
        // the page's ids first (events alone), then each event with its article
        let ids = page(
            db,
            &format!("SELECT count(*) FROM events ev WHERE 1 = 1{}", w.sql),
            &format!(
                "SELECT ev.id FROM events ev WHERE 1 = 1{}
                 ORDER BY {EVENT_DATE} {order}, ev.id {order} LIMIT ?{n} OFFSET ?{}",
                w.sql,
                n + 1
            ),
            &w.params,
            f.paging,
            |r| r.get::<i64>(0),
        )?;
        let mut items = Vec::with_capacity(ids.items.len());
        for id in &ids.items {
            let row = db.row(
                "SELECT ev.id, a.id, a.doc_id, a.title, a.outlet, a.published, ev.local, ev.type, ev.mode,
                    ev.date, ev.modality, ev.negated, ev.claimant_entity, ev.claimant,
                    substr(a.text, ev.evidence_start + 1, ev.evidence_end - ev.evidence_start),
                    ev.evidence_start, ev.evidence_end, ev.trigger_start, ev.trigger_end, ev.rule,
                    -- by article first: claims have no index on their event
                    (SELECT count(*) FROM claims c WHERE c.article = ev.article AND c.event = ev.id)
                 FROM events ev JOIN articles a ON a.id = ev.article WHERE ev.id = ?1",
                args![id],
                |r| {
                    let claimant: (Option<i64>, Option<String>) = (r.get(12)?, r.get(13)?);
                    let opt_at = |i: usize| -> Result<Option<usize>, StoreError> {
                        Ok(r.get::<Option<i64>>(i)?.map(|n| n.max(0) as usize))
                    };
                    Ok((
                        claimant,
                        EventSummary {
                            id: r.get(0)?,
                            article: r.get(1)?,
                            doc_id: r.get(2)?,
                            title: r.get(3)?,
                            outlet: r.get(4)?,
                            published: r.get(5)?,
                            local: r.get(6)?,
                            kind: r.get(7)?,
                            mode: r.get(8)?,
                            date: r.get(9)?,
                            modality: r.get(10)?,
                            negated: r.get(11)?,
                            actors: Vec::new(),
                            targets: Vec::new(),
                            locations: Vec::new(),
                            claimant: None,
                            reported_by: Vec::new(),
                            evidence: r.get(14)?,
                            evidence_start: count_at(r, 15)? as usize,
                            evidence_end: count_at(r, 16)? as usize,
                            trigger_start: opt_at(17)?,
                            trigger_end: opt_at(18)?,
                            rule: r.get(19)?,
                            claims: count_at(r, 20)?,
                        },
                    ))
                },
            )?;
            let Some(((entity, name), mut ev)) = row else { continue };
            ev.claimant = party(db, entity, name)?;
            let roles = crate::read::event_roles(db, ev.id, |entity, name| party(db, entity, name))?;
            (ev.actors, ev.targets, ev.locations, ev.reported_by) =
                (roles.actors, roles.targets, roles.locations, roles.reported_by);
            items.push(ev);
        }
        Ok(Page { total: ids.total, offset: ids.offset, limit: ids.limit, items })
    }

    fn outlets(&self) -> Result<Vec<Count>, StoreError> {
        counts(
            self.db(),
            "SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY 2 DESC, 1",
        )
    }

    fn categories(&self) -> Result<Vec<Count>, StoreError> {
        counts(self.db(), "SELECT type, count(*) FROM events GROUP BY type ORDER BY 2 DESC, 1")
    }
}

fn counts(db: &dyn Db, sql: &str) -> Result<Vec<Count>, StoreError> {
    db.rows(sql, args![], |r| Ok(Count { value: r.get(0)?, count: count_at(r, 1)? }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SqliteStore;

    #[test]
    fn where_numbers_its_parameters_in_order() {
        let mut w = Where::default();
        w.add("a = ?", &[Value::Text("x")]);
        w.add("substr(b, 1, length(?)) <= ?", &[Value::Int(1), Value::Int(2)]);
        assert_eq!(w.sql, " AND a = ?1 AND substr(b, 1, length(?2)) <= ?3");
        assert_eq!(w.next(), 4);
        assert_eq!(w.params, vec![Value::Text("x"), Value::Int(1), Value::Int(2)]);
    }

    #[test]
    fn an_empty_database_has_empty_pages_and_no_article() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(&dir.path().join("m.db")).unwrap();
        let events = store
            .events(&EventFilter {
                entity: Some("Armenia".into()),
                place: Some("7".into()),
                located: true,
                from: Some("2022".into()),
                to: Some("2023".into()),
                category: Some("fight".into()),
                paging: Paging { offset: 10, limit: 100_000 },
                ..EventFilter::default()
            })
            .unwrap();
        assert_eq!((events.total, events.limit), (0, MAX_PAGE));
        assert!(store.article(1).unwrap().is_none());
        assert!(store.entity("country:armenia").unwrap().is_none());
        let ents =
            store.entities(&EntityFilter { q: Some("50%_\\".into()), ..EntityFilter::default() }).unwrap();
        assert_eq!(ents.total, 0);
        assert!(store.outlets().unwrap().is_empty());
        let nul = ArticleFilter { entity: Some("a\0b".into()), ..ArticleFilter::default() };
        assert_eq!(store.articles(&nul).unwrap().total, 0);
    }
}
