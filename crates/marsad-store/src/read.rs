//! Reading events, claims and parties back, on any [`Db`]: the rows the exports, the claim
//! ledger, merged events and the web UI are made of.

use crate::db::{Backend, Db, Row, ToValue, Value, args};
use crate::terms::query_terms;
use crate::{ClaimFilter, ClaimRow, EventRow, Party, Stats, StoreError};

/// A party read back: entity columns, else the bare name.
pub(crate) fn read_party(
    db: &dyn Db,
    entity: Option<i64>,
    name: Option<String>,
) -> Result<Option<Party>, StoreError> {
    match (entity, name) {
        (Some(id), _) => db.row(
            "SELECT name, name_ar, kb, type, country, lat, lon, subtype FROM entities WHERE id = ?1",
            args![id],
            |r| {
                let lat: Option<f64> = r.get(5)?;
                let lon: Option<f64> = r.get(6)?;
                Ok(Party {
                    name: r.get(0)?,
                    name_ar: r.get(1)?,
                    kb: r.get(2)?,
                    kind: r.get(3)?,
                    country: r.get(4)?,
                    coordinates: lat.zip(lon),
                    subtype: r.get(7)?,
                })
            },
        ),
        (None, Some(name)) => Ok(Some(Party { name, ..Party::default() })),
        (None, None) => Ok(None),
    }
}

/// Claims of the query `sql` (its columns in the order of [`CLAIM_COLUMNS`]).
pub(crate) fn claim_rows(
    db: &dyn Db,
    sql: &str,
    params: &[&dyn ToValue],
) -> Result<Vec<ClaimRow>, StoreError> {
    let raw: Vec<RawClaim> = db.rows(sql, params, |r| {
        Ok(RawClaim {
            article_key: r.get(0)?,
            doc_id: r.get(1)?,
            outlet: r.get(2)?,
            published: r.get(3)?,
            count: r.get(4)?,
            qualifier: r.get(5)?,
            kind: r.get(6)?,
            population: r.get(7)?,
            side_entity: r.get(8)?,
            side: r.get(9)?,
            claimant_entity: r.get(10)?,
            claimant: r.get(11)?,
            reported_by: r.get(12)?,
            date: r.get(13)?,
            cumulative: r.get(14)?,
            event: r.get(15)?,
            evidence: r.get(16)?,
            places: r.get(17)?,
            event_type: r.get(18)?,
        })
    })?;
    raw.into_iter()
        .map(|c| {
            let reported: Vec<i64> =
                c.reported_by.as_deref().and_then(|s| serde_json::from_str(s).ok()).unwrap_or_default();
            let mut reported_by = Vec::with_capacity(reported.len());
            for id in reported {
                if let Some(p) = read_party(db, Some(id), None)? {
                    reported_by.push(p.name);
                }
            }
            Ok(ClaimRow {
                article_key: c.article_key,
                doc_id: c.doc_id,
                outlet: c.outlet,
                published: c.published,
                count: c.count.map(|n| n.max(0) as u64),
                qualifier: c.qualifier,
                kind: c.kind,
                population: c.population,
                side: read_party(db, c.side_entity, c.side)?,
                claimant: read_party(db, c.claimant_entity, c.claimant)?,
                reported_by,
                date: c.date,
                cumulative: c.cumulative,
                event: c.event,
                places: c
                    .places
                    .as_deref()
                    .map(|s| s.split(',').filter_map(|id| id.trim().parse().ok()).collect())
                    .unwrap_or_default(),
                event_type: c.event_type,
                evidence: c.evidence,
            })
        })
        .collect()
}

/// The query of event rows ([`event_row`]); a WHERE clause and an order follow.
pub(crate) const EVENT_SELECT: &str =
    "SELECT ev.id, a.id, a.key, a.doc_id, a.outlet, a.published, ev.local, ev.type, ev.mode, ev.date,
         ev.modality, ev.negated, ev.claimant_entity, ev.claimant,
         substr(a.text, ev.evidence_start + 1, ev.evidence_end - ev.evidence_start)
     FROM events ev JOIN articles a ON a.id = ev.article";

/// An event with its parties and claims, from a row of [`EVENT_SELECT`].
pub(crate) fn event_row(db: &dyn Db, r: &dyn Row) -> Result<EventRow, StoreError> {
    let event: i64 = r.get(0)?;
    let mut row = EventRow {
        article_key: r.get(2)?,
        doc_id: r.get(3)?,
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
        claimant: read_party(db, r.get(12)?, r.get(13)?)?,
        reported_by: Vec::new(),
        evidence: r.get(14)?,
        claims: Vec::new(),
    };
    let roles = event_roles(db, event, |entity, name| read_party(db, entity, name))?;
    (row.actors, row.targets, row.locations, row.reported_by) =
        (roles.actors, roles.targets, roles.locations, roles.reported_by);
    row.claims = claim_rows(
        db,
        &format!(
            "SELECT {CLAIM_COLUMNS} FROM claims c JOIN articles a ON a.id = c.article
             LEFT JOIN events ev ON ev.id = c.event WHERE c.event = ?1 ORDER BY c.ordinal"
        ),
        args![event],
    )?;
    Ok(row)
}

/// The parties of an event by role, in the order they were written.
pub(crate) struct Roles<T> {
    pub actors: Vec<T>,
    pub targets: Vec<T>,
    pub locations: Vec<T>,
    pub reported_by: Vec<T>,
}

/// The parties of `event`, each made by `party` from its entity id, else its name.
pub(crate) fn event_roles<T>(
    db: &dyn Db,
    event: i64,
    mut party: impl FnMut(Option<i64>, Option<String>) -> Result<Option<T>, StoreError>,
) -> Result<Roles<T>, StoreError> {
    let rows: Vec<(String, Option<i64>, Option<String>)> = db.rows(
        "SELECT role, entity, name FROM event_roles WHERE event = ?1 ORDER BY rowid",
        args![event],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let mut roles =
        Roles { actors: Vec::new(), targets: Vec::new(), locations: Vec::new(), reported_by: Vec::new() };
    for (role, entity, name) in rows {
        let Some(p) = party(entity, name)? else { continue };
        match role.as_str() {
            "actor" => roles.actors.push(p),
            "target" => roles.targets.push(p),
            "location" => roles.locations.push(p),
            _ => roles.reported_by.push(p),
        }
    }
    Ok(roles)
}

/// The columns of a claim query (`c` claims, `a` articles, `ev` events).
pub(crate) const CLAIM_COLUMNS: &str =
    "a.key, a.doc_id, a.outlet, a.published, c.count, c.qualifier, c.kind, c.population,
    c.side_entity, c.side, c.claimant_entity, c.claimant, c.reported_by, c.date, c.cumulative, ev.local,
    substr(a.text, c.evidence_start + 1, c.evidence_end - c.evidence_start),
    (SELECT group_concat(r.entity ORDER BY r.rowid) FROM event_roles r JOIN entities pe ON pe.id = r.entity
     WHERE r.event = c.event AND r.role = 'location' AND coalesce(pe.subtype, '') != 'country'),
    ev.type";

struct RawClaim {
    article_key: String,
    doc_id: String,
    outlet: Option<String>,
    published: Option<String>,
    count: Option<i64>,
    qualifier: String,
    kind: String,
    population: String,
    side_entity: Option<i64>,
    side: Option<String>,
    claimant_entity: Option<i64>,
    claimant: Option<String>,
    reported_by: Option<String>,
    date: Option<String>,
    cumulative: bool,
    event: Option<String>,
    evidence: String,
    places: Option<String>,
    event_type: Option<String>,
}

/// The ids of the entities a user names: an id of the database (digits), else an English
/// or Arabic name or a knowledge-base id. The name is bound, never spliced into the SQL;
/// every test is an index look-up (the normalised name through the exact keys of the four
/// entity types, not a pattern).
pub(crate) fn entity_ids(db: &dyn Db, name: &str) -> Result<Vec<i64>, StoreError> {
    if let Ok(id) = name.parse::<i64>() {
        return Ok(vec![id]);
    }
    // no name holds a NUL, and PostgreSQL takes none in a text
    if name.contains('\0') {
        return Ok(Vec::new());
    }
    let key = query_terms(name).join(" ");
    let keys: Vec<String> =
        ["PERSON", "ORG", "GPE", "LOC"].iter().map(|t| format!("name:{t}:{key}")).collect();
    let sql = format!(
        "SELECT id FROM entities WHERE {} OR kb = ?1 OR name_ar = ?1 OR key IN (?2, ?3, ?4, ?5)",
        nocase_equal(db, "name", "CAST(?1 AS TEXT)")
    );
    db.rows(&sql, args![name, keys[0], keys[1], keys[2], keys[3]], |r| r.get(0))
}

/// `column = value` with ASCII letters of either case equal (the English names of entities
/// and outlets): SQLite's `NOCASE`, PostgreSQL's `lower()` (its indexes are on `lower(...)`).
pub(crate) fn nocase_equal(db: &dyn Db, column: &str, value: &str) -> String {
    match db.backend() {
        Backend::Sqlite => format!("{column} = {value} COLLATE NOCASE"),
        Backend::Postgres => format!("lower({column}) = lower({value})"),
    }
}

/// The casualty claims matching `filter` ([`crate::Store::claims`]).
pub(crate) fn claims(db: &dyn Db, f: &ClaimFilter) -> Result<Vec<ClaimRow>, StoreError> {
    let ids = match f.entity.as_deref() {
        Some(name) => Some(entity_ids(db, name)?),
        None => None,
    };
    let mut sql = format!(
        "SELECT {CLAIM_COLUMNS} FROM claims c JOIN articles a ON a.id = c.article
         LEFT JOIN events ev ON ev.id = c.event WHERE 1 = 1"
    );
    match &ids {
        Some(_) => sql.push_str(&format!(
            " AND (c.side_entity IN rarray(?5) OR c.claimant_entity IN rarray(?5) OR {}
               OR (c.side = 'both' AND EXISTS (SELECT 1 FROM mentions ae
                   WHERE ae.article = a.id AND ae.entity IN rarray(?5))))",
            nocase_equal(db, "c.side", "CAST(?4 AS TEXT)")
        )),
        None => sql.push_str(" AND CAST(?4 AS TEXT) IS NULL"),
    }
    // a period overlaps --from when its end does: 2022-09 is after --from 2022-09-01
    sql.push_str(" AND (CAST(?1 AS TEXT) IS NULL OR coalesce(c.date, a.published) || '~' >= ?1)");
    // a date ends at its end: 2022-09 is before --to 2022-09-30 and --to 2022-09
    sql.push_str(
        " AND (CAST(?2 AS TEXT) IS NULL OR substr(coalesce(c.date, a.published), 1, length(?2)) <= ?2)",
    );
    sql.push_str(" AND (CAST(?3 AS TEXT) IS NULL OR c.kind = ?3)");
    sql.push_str(
        " ORDER BY coalesce(c.date, a.published) NULLS FIRST, a.published NULLS FIRST, a.id, c.ordinal",
    );
    match &ids {
        Some(ids) => claim_rows(db, &sql, args![f.from, f.to, f.kind, f.entity, Value::Ints(ids)]),
        None => claim_rows(db, &sql, args![f.from, f.to, f.kind, f.entity]),
    }
}

/// Calls `f` with each stored record, in JSON, in ingestion order.
pub(crate) fn for_each_record(
    db: &dyn Db,
    f: &mut dyn FnMut(String) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    // streamed: `f` writes the record out, and runs no statement
    db.scan_each("SELECT record, text FROM articles ORDER BY id", args![], |row| {
        let record: Vec<u8> = row.get(0)?;
        let text: String = row.get(1)?;
        f(crate::splice_text(&crate::article::decompress(&record)?, &text))
    })
}

/// Calls `f` with each stored event, with its parties and claims, in ingestion order.
pub(crate) fn for_each_event(
    db: &dyn Db,
    f: &mut dyn FnMut(EventRow) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    each_event_row(db, EVENT_SELECT, |r| f(event_row(db, r)?))
}

/// Events a page of PostgreSQL's takes ([`each_event_row`]).
const EVENT_PAGE: i64 = 2000;

/// Calls `f` with each row of `select` (a query of events `ev` with neither a filter nor an
/// order; its first columns the event's id and its article's) in ingestion order: by article,
/// then event. SQLite streams the rows; PostgreSQL reads a query's rows before the first
/// callback (which may run statements of its own), so it reads them a page at a time, by key,
/// not a corpus of events at once.
pub(crate) fn each_event_row(
    db: &dyn Db,
    select: &str,
    mut f: impl FnMut(&dyn Row) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    match db.backend() {
        Backend::Sqlite => db.for_each(&format!("{select} ORDER BY ev.article, ev.id"), args![], f),
        Backend::Postgres => {
            let page = format!(
                "{select} WHERE (ev.article, ev.id) > (?1, ?2) ORDER BY ev.article, ev.id LIMIT {EVENT_PAGE}"
            );
            let mut after = (i64::MIN, i64::MIN);
            loop {
                let mut rows = 0;
                let from = after;
                db.for_each(&page, args![from.0, from.1], |r| {
                    rows += 1;
                    after = (r.get(1)?, r.get(0)?);
                    f(r)
                })?;
                if rows < EVENT_PAGE {
                    return Ok(());
                }
            }
        }
    }
}

/// Sizes of the database.
pub(crate) fn stats(db: &dyn Db) -> Result<Stats, StoreError> {
    let count = |table: &str| -> Result<u64, StoreError> {
        Ok(db.value::<i64>(&format!("SELECT count(*) FROM {table}"), args![])?.max(0) as u64)
    };
    let mentions = match db.backend() {
        Backend::Sqlite => "SELECT coalesce(sum(json_array_length(spans)), 0) FROM mentions",
        Backend::Postgres => {
            "SELECT CAST(coalesce(sum(json_array_length(CAST(spans AS json))), 0) AS BIGINT) FROM mentions"
        }
    };
    Ok(Stats {
        articles: count("articles")?,
        entities: count("entities")?,
        mentions: db.value::<i64>(mentions, args![])?.max(0) as u64,
        events: count("events")?,
        claims: count("claims")?,
        runs: count("runs")?,
    })
}
