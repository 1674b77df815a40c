//! The JSON API (`/api/...`); `assets/openapi.json` describes it for clients.

use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use bytes::Bytes;
use marsad_store::browse::{ArticleFilter, EntityFilter, EventFilter, MAX_PAGE, Paging};
use marsad_store::export::Format;
use marsad_store::ledger::{self, Note};
use marsad_store::{
    ClaimFilter, ClaimRow, Corpus, MergedEventSummary, Party, SearchQuery, StoryFilter, StorySummary,
};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::{ApiError, AppState, ingest, json_bytes, read};

/// The most search hits one request returns (each hit costs a snippet).
pub const MAX_HITS: usize = 100;
/// The deepest offset a list accepts (deep pages are slow; filter instead).
pub const MAX_OFFSET: usize = 1_000_000;
/// The longest text parameter (a query, a name), in characters.
pub const MAX_PARAM_CHARS: usize = 500;

pub fn routes(state: Arc<AppState>) -> Router {
    let ingest_route = post(ingest::handler)
        .layer(DefaultBodyLimit::max(state.max_body))
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), ingest::require_token));
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/stats", get(stats))
        .route("/articles", get(articles))
        .route("/articles/{id}", get(article))
        .route("/search", get(search))
        .route("/entities", get(entities))
        .route("/entities/{id}", get(entity))
        .route("/events", get(events))
        .route("/claims", get(claims))
        .route("/stories", get(stories))
        .route("/stories/{id}", get(story))
        .route("/export/{format}", get(export))
        // reads are answered 503 past the time limit (their statement is interrupted); an
        // ingest is not, since it would still be written after the answer said it failed
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            state.timeout,
        ))
        .route("/ingest", ingest_route)
        .fallback(|| async { ApiError::not_found("no such endpoint (see /api/openapi.json)") })
        .with_state(state)
}

/// Query parameters, a malformed or unknown one answered 400 in JSON.
pub struct Params<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Params<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(v)) => Ok(Params(v)),
            Err(e) => Err(ApiError::bad_request(e.body_text())),
        }
    }
}

/// A path parameter, a malformed one answered 400 in JSON.
pub struct Id(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Id {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match Path::<String>::from_request_parts(parts, state).await {
            Ok(Path(v)) => Ok(Id(v)),
            Err(e) => Err(ApiError::bad_request(e.body_text())),
        }
    }
}

/// Errors that axum or a layer answered in plain text (405, 413, 408...) become JSON like
/// the others.
pub async fn json_errors(response: Response) -> Response {
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let (parts, body) = response.into_parts();
    let text = axum::body::to_bytes(body, 4096).await.unwrap_or_default();
    let text = String::from_utf8_lossy(&text);
    let message = if text.trim().is_empty() {
        status.canonical_reason().unwrap_or("error").to_string()
    } else {
        text.trim().to_string()
    };
    let mut out = ApiError::new(status, message).into_response();
    for (name, value) in parts.headers.iter() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            out.headers_mut().insert(name.clone(), value.clone());
        }
    }
    out
}

fn ok<T: serde::Serialize>(value: &T) -> Response {
    json_bytes(StatusCode::OK, value)
}

/// A text parameter: empty is absent, long is refused, and so are control characters (a NUL
/// cannot reach SQLite).
fn text(value: Option<String>, name: &str) -> Result<Option<String>, ApiError> {
    match value.map(|v| v.trim().to_string()).filter(|v| !v.is_empty()) {
        Some(v) if v.chars().count() > MAX_PARAM_CHARS => {
            Err(ApiError::bad_request(format!("{name}: longer than {MAX_PARAM_CHARS} characters")))
        }
        Some(v) if v.chars().any(|c| c.is_control()) => {
            Err(ApiError::bad_request(format!("{name}: control characters are not allowed")))
        }
        v => Ok(v),
    }
}

/// A date parameter: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn date(value: Option<String>, name: &str) -> Result<Option<String>, ApiError> {
    let Some(v) = text(value, name)? else { return Ok(None) };
    let b = v.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let fine = match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    };
    if fine {
        Ok(Some(v))
    } else {
        Err(ApiError::bad_request(format!("{name}: expected YYYY, YYYY-MM or YYYY-MM-DD, got {v:?}")))
    }
}

fn flag(value: Option<String>, name: &str) -> Result<bool, ApiError> {
    match value.as_deref().map(str::trim) {
        None | Some("") | Some("0") | Some("false") | Some("no") => Ok(false),
        Some("1") | Some("true") | Some("yes") => Ok(true),
        Some(v) => Err(ApiError::bad_request(format!("{name}: expected true or false, got {v:?}"))),
    }
}

/// The largest `limit` accepted (and lowered to the page size); a larger one is a mistake.
pub const MAX_LIMIT: usize = 10_000;

fn check_limit(limit: usize) -> Result<usize, ApiError> {
    match limit {
        0 => Err(ApiError::bad_request("limit: at least 1")),
        n if n > MAX_LIMIT => Err(ApiError::bad_request(format!("limit: at most {MAX_LIMIT}"))),
        n => Ok(n),
    }
}

fn paging(offset: Option<usize>, limit: Option<usize>, default: usize) -> Result<Paging, ApiError> {
    let offset = offset.unwrap_or(0);
    if offset > MAX_OFFSET {
        return Err(ApiError::bad_request(format!(
            "offset: at most {MAX_OFFSET} (narrow the filters instead)"
        )));
    }
    let limit = check_limit(limit.unwrap_or(default))?;
    Ok(Paging { offset, limit: limit.min(MAX_PAGE) })
}

async fn openapi() -> Response {
    let mut r = Response::new(Body::from(crate::assets::OPENAPI));
    r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json; charset=utf-8"));
    r
}

/// How long `/api/stats` is kept (an ingest through the API clears it at once).
const STATS_TTL: std::time::Duration = std::time::Duration::from_secs(10);

async fn stats(State(state): State<Arc<AppState>>) -> Result<Response, ApiError> {
    if let Some((at, v)) = state.stats.lock().unwrap_or_else(|e| e.into_inner()).as_ref()
        && at.elapsed() < STATS_TTL
    {
        return Ok(ok(v));
    }
    let ingest = state.token.is_some();
    let v = read(&state, move |s| {
        let st = s.stats()?;
        Ok(json!({
            "articles": st.articles, "entities": st.entities, "mentions": st.mentions,
            "events": st.events, "claims": st.claims, "runs": st.runs,
            "schema_version": s.schema_version()?,
            "outlets": s.outlets()?, "categories": s.categories()?,
            "ingest_enabled": ingest,
            "max_page": MAX_PAGE,
        }))
    })
    .await?;
    *state.stats.lock().unwrap_or_else(|e| e.into_inner()) = Some((std::time::Instant::now(), v.clone()));
    Ok(ok(&v))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticleParams {
    from: Option<String>,
    to: Option<String>,
    outlet: Option<String>,
    entity: Option<String>,
    category: Option<String>,
    kind: Option<String>,
    offset: Option<usize>,
    limit: Option<usize>,
}

async fn articles(
    State(state): State<Arc<AppState>>,
    Params(p): Params<ArticleParams>,
) -> Result<Response, ApiError> {
    let filter = ArticleFilter {
        from: date(p.from, "from")?,
        to: date(p.to, "to")?,
        outlet: text(p.outlet, "outlet")?,
        entity: text(p.entity, "entity")?,
        category: text(p.category, "category")?,
        kind: text(p.kind, "kind")?,
        paging: paging(p.offset, p.limit, 50)?,
    };
    let page = read(&state, move |s| Ok(s.articles(&filter)?)).await?;
    Ok(ok(&page))
}

fn parse_id(id: &str, what: &str) -> Result<i64, ApiError> {
    id.parse::<i64>().map_err(|_| ApiError::bad_request(format!("{what} id: expected a number, got {id:?}")))
}

async fn article(State(state): State<Arc<AppState>>, Id(id): Id) -> Result<Response, ApiError> {
    let n = parse_id(&id, "article")?;
    let stored = read(&state, move |s| Ok(s.article(n)?)).await?;
    let Some(a) = stored else { return Err(ApiError::not_found(format!("no article {n}"))) };
    let record: Value = serde_json::from_str(&a.record)
        .map_err(|e| ApiError::internal(format!("stored record of article {n}: {e}")))?;
    let ids: serde_json::Map<String, Value> = a.entity_ids.into_iter().map(|(k, v)| (k, json!(v))).collect();
    Ok(ok(&json!({
        "id": a.id, "key": a.key, "doc_id": a.doc_id, "outlet": a.outlet, "published": a.published,
        "entity_ids": ids, "record": record,
    })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SearchParams {
    q: Option<String>,
    from: Option<String>,
    to: Option<String>,
    outlet: Option<String>,
    entity: Option<String>,
    category: Option<String>,
    kind: Option<String>,
    limit: Option<usize>,
}

async fn search(
    State(state): State<Arc<AppState>>,
    Params(p): Params<SearchParams>,
) -> Result<Response, ApiError> {
    let Some(q) = text(p.q, "q")? else { return Err(ApiError::bad_request("q: a query is needed")) };
    let limit = check_limit(p.limit.unwrap_or(20))?;
    let query = SearchQuery {
        text: q,
        from: date(p.from, "from")?,
        to: date(p.to, "to")?,
        outlet: text(p.outlet, "outlet")?,
        entity: text(p.entity, "entity")?,
        category: text(p.category, "category")?,
        kind: text(p.kind, "kind")?,
        limit: limit.min(MAX_HITS),
    };
    let hits = read(&state, move |s| {
        let hits = s.search(&query)?;
        let mut out = Vec::with_capacity(hits.len());
        for h in hits {
            out.push(json!({
                "id": s.article_id(&h.key)?, "key": h.key, "doc_id": h.doc_id, "title": h.title,
                "outlet": h.outlet, "published": h.published, "score": h.score,
                "snippet": {
                    "start": h.snippet.start, "end": h.snippet.end, "text": h.snippet.text,
                    "highlights": h.snippet.highlights,
                },
            }));
        }
        Ok(out)
    })
    .await?;
    Ok(ok(&json!({"hits": hits, "limit": limit.min(MAX_HITS)})))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntityParams {
    q: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    offset: Option<usize>,
    limit: Option<usize>,
}

async fn entities(
    State(state): State<Arc<AppState>>,
    Params(p): Params<EntityParams>,
) -> Result<Response, ApiError> {
    let filter = EntityFilter {
        q: text(p.q, "q")?,
        kind: text(p.kind, "type")?,
        paging: paging(p.offset, p.limit, 50)?,
    };
    let page = read(&state, move |s| Ok(s.entities(&filter)?)).await?;
    Ok(ok(&page))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageParams {
    offset: Option<usize>,
    limit: Option<usize>,
}

async fn entity(
    State(state): State<Arc<AppState>>,
    Id(id): Id,
    Params(p): Params<PageParams>,
) -> Result<Response, ApiError> {
    let paging = paging(p.offset, p.limit, 50)?;
    if id.chars().count() > MAX_PARAM_CHARS || id.chars().any(|c| c.is_control()) {
        return Err(ApiError::bad_request("entity id: too long, or control characters"));
    }
    let v = read(&state, move |s| {
        let Some(e) = s.entity(&id)? else { return Err(ApiError::not_found(format!("no entity {id:?}"))) };
        let Some(eid) = e.entity.id else { return Err(ApiError::internal("entity without an id")) };
        let mentions = s.entity_mentions(eid, paging)?;
        let events = s.events(&EventFilter {
            entity: Some(eid.to_string()),
            paging: Paging { offset: 0, limit: 100 },
            ..EventFilter::default()
        })?;
        let name = e.entity.kb.clone().unwrap_or_else(|| e.entity.name.clone());
        let claims = s.claims(&ClaimFilter { entity: Some(name), ..ClaimFilter::default() })?;
        Ok(json!({"entity": e, "mentions": mentions, "events": events, "claims": ledger_json(s, claims)?}))
    })
    .await?;
    Ok(ok(&v))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventParams {
    from: Option<String>,
    to: Option<String>,
    category: Option<String>,
    mode: Option<String>,
    entity: Option<String>,
    place: Option<String>,
    article: Option<i64>,
    located: Option<String>,
    order: Option<String>,
    offset: Option<usize>,
    limit: Option<usize>,
}

async fn events(
    State(state): State<Arc<AppState>>,
    Params(p): Params<EventParams>,
) -> Result<Response, ApiError> {
    let newest_first = match p.order.as_deref() {
        None | Some("") | Some("asc") => false,
        Some("desc") => true,
        Some(o) => return Err(ApiError::bad_request(format!("order: asc or desc, got {o:?}"))),
    };
    let filter = EventFilter {
        from: date(p.from, "from")?,
        to: date(p.to, "to")?,
        category: text(p.category, "category")?,
        mode: text(p.mode, "mode")?,
        entity: text(p.entity, "entity")?,
        place: text(p.place, "place")?,
        article: p.article,
        located: flag(p.located, "located")?,
        newest_first,
        paging: paging(p.offset, p.limit, 100)?,
    };
    let page = read(&state, move |s| Ok(s.events(&filter)?)).await?;
    Ok(ok(&page))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoryParams {
    from: Option<String>,
    to: Option<String>,
    min_articles: Option<u64>,
    limit: Option<usize>,
}

fn story_summary_json(s: &StorySummary) -> Value {
    json!({
        "id": s.id, "title": s.title, "first": s.first, "last": s.last,
        "articles": s.articles, "outlets": s.outlets,
    })
}

fn merged_event_json(e: &MergedEventSummary) -> Value {
    json!({
        "id": e.id, "category": e.kind, "mode": e.mode, "first": e.first, "last": e.last,
        "events": e.events, "articles": e.articles, "actors": e.actors, "targets": e.targets,
        "places": e.places, "outlets": e.outlets, "claimants": e.claimants,
    })
}

/// Stories: articles about one happening across outlets (near-duplicates, reused paragraphs,
/// a shared merged event), newest first.
async fn stories(
    State(state): State<Arc<AppState>>,
    Params(p): Params<StoryParams>,
) -> Result<Response, ApiError> {
    let limit = check_limit(p.limit.unwrap_or(50))?.min(MAX_PAGE);
    let filter = StoryFilter {
        from: date(p.from, "from")?,
        to: date(p.to, "to")?,
        min_articles: p.min_articles.unwrap_or(2).max(2),
        limit,
    };
    let list = read(&state, move |s| Ok(s.stories(&filter)?)).await?;
    let items: Vec<Value> = list.iter().map(story_summary_json).collect();
    Ok(ok(&json!({"stories": items, "limit": limit})))
}

/// One story: its articles (with how each joined), the text they share and the events they
/// report together.
async fn story(State(state): State<Arc<AppState>>, Id(id): Id) -> Result<Response, ApiError> {
    let n = parse_id(&id, "story")?;
    let found = read(&state, move |s| Ok(s.story(n)?)).await?;
    let Some(st) = found else { return Err(ApiError::not_found(format!("no story {n}"))) };
    let keys: Vec<String> = st.articles.iter().map(|a| a.key.clone()).collect();
    let ids = read(&state, move |s| {
        keys.iter().map(|k| Ok((k.clone(), s.article_id(k)?))).collect::<Result<HashMap<_, _>, ApiError>>()
    })
    .await?;
    let articles: Vec<Value> = st
        .articles
        .iter()
        .map(|a| {
            json!({
                "id": ids.get(&a.key).copied().flatten(), "key": a.key, "doc_id": a.doc_id, "title": a.title,
                "outlet": a.outlet, "published": a.published, "why": a.why,
            })
        })
        .collect();
    let links: Vec<Value> = st
        .links
        .iter()
        .map(|l| {
            let paragraphs: Vec<Value> =
                l.paragraphs.iter().map(|(a, b, sim)| json!({"a": a, "b": b, "similarity": sim})).collect();
            json!({"a": l.a, "b": l.b, "kind": l.kind, "similarity": l.similarity, "paragraphs": paragraphs})
        })
        .collect();
    let events: Vec<Value> = st.events.iter().map(merged_event_json).collect();
    Ok(ok(&json!({
        "story": story_summary_json(&st.summary), "articles": articles, "links": links, "events": events,
    })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimParams {
    entity: Option<String>,
    from: Option<String>,
    to: Option<String>,
    kind: Option<String>,
}

async fn claims(
    State(state): State<Arc<AppState>>,
    Params(p): Params<ClaimParams>,
) -> Result<Response, ApiError> {
    let filter = ClaimFilter {
        entity: text(p.entity, "entity")?,
        from: date(p.from, "from")?,
        to: date(p.to, "to")?,
        kind: text(p.kind, "kind")?,
    };
    let v = read(&state, move |s| ledger_json(s, s.claims(&filter)?)).await?;
    Ok(ok(&v))
}

fn party_json(p: &Option<Party>) -> Value {
    match p {
        None => Value::Null,
        Some(p) => json!({"name": p.name, "name_ar": p.name_ar, "kb": p.kb, "type": p.kind}),
    }
}

/// The ledger (`marsad claims`) as JSON: groups of figures with their notes, and the
/// contradictions listed apart.
fn ledger_json(s: &dyn Corpus, claims: Vec<ClaimRow>) -> Result<Value, ApiError> {
    let mut ids: HashMap<String, Option<i64>> = HashMap::new();
    let groups = ledger::build(claims);
    let mut out = Vec::with_capacity(groups.len());
    let mut contradictions = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        let mut entries = Vec::with_capacity(g.entries.len());
        for (i, e) in g.entries.iter().enumerate() {
            let c = &e.claim;
            let article = match ids.get(&c.article_key) {
                Some(id) => *id,
                None => {
                    let id = s.article_id(&c.article_key)?;
                    ids.insert(c.article_key.clone(), id);
                    id
                }
            };
            let note = match &e.note {
                Note::First => json!({"kind": "first"}),
                Note::Agrees => json!({"kind": "agrees"}),
                Note::Update(d) => json!({"kind": "update", "delta": d}),
                Note::Contradicts(j) => {
                    contradictions.push(json!({"group": gi, "entry": i, "contradicts": j}));
                    json!({"kind": "contradicts", "entry": j})
                }
                Note::Other => json!({"kind": "other"}),
            };
            entries.push(json!({
                "reported": e.reported, "date": e.date, "figure": ledger::figure(c),
                "count": c.count, "qualifier": c.qualifier, "cumulative": c.cumulative,
                "kind": c.kind, "population": c.population,
                "side": party_json(&c.side), "claimant": party_json(&c.claimant),
                "outlet": c.outlet, "reported_by": c.reported_by,
                "article": article, "doc_id": c.doc_id, "event": c.event,
                "evidence": c.evidence, "note": note,
            }));
        }
        out.push(json!({"side": g.side, "kind": g.kind, "population": g.population, "entries": entries}));
    }
    Ok(json!({"groups": out, "contradictions": contradictions}))
}

/// A `Write` that sends what is written, in chunks, to a response body.
struct ChannelWriter {
    tx: tokio::sync::mpsc::Sender<Result<Bytes, std::io::Error>>,
    buf: Vec<u8>,
    escape: bool,
}

const CHUNK: usize = 64 << 10;

impl ChannelWriter {
    fn send(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK));
        let chunk = if self.escape { crate::escape_json(chunk) } else { chunk };
        self.tx
            .blocking_send(Ok(Bytes::from(chunk)))
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::BrokenPipe, "the client went away"))
    }
}

impl Write for ChannelWriter {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= CHUNK {
            self.send()?;
        }
        Ok(data.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.send()
    }
}

async fn export(State(state): State<Arc<AppState>>, Id(format): Id) -> Result<Response, ApiError> {
    let (fmt, mime, file) = match format.as_str() {
        "jsonl" => (Format::Jsonl, "application/x-ndjson", "marsad.jsonl"),
        "acled-csv" => (Format::AcledCsv, "text/csv; charset=utf-8", "marsad-acled.csv"),
        "plover-json" => (Format::PloverJson, "application/x-ndjson", "marsad-plover.jsonl"),
        "geojson" => (Format::Geojson, "application/geo+json", "marsad.geojson"),
        other => {
            return Err(ApiError::not_found(format!(
                "no export format {other:?} (jsonl, acled-csv, plover-json, geojson)"
            )));
        }
    };
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(8);
    let errors = tx.clone();
    let state = state.clone();
    tokio::task::spawn_blocking(move || {
        let mut w = ChannelWriter { tx, buf: Vec::with_capacity(CHUNK), escape: fmt != Format::AcledCsv };
        let done = state.with_reader(|s| {
            marsad_store::export::export(s, fmt, &mut w)?;
            Ok(())
        });
        if let Err(e) = done {
            // the status is sent already: cut the body short so that the client sees a failure
            let _ = errors.blocking_send(Err(std::io::Error::other(e.message)));
        }
    });
    let stream = futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx));
    let mut r = Response::new(Body::from_stream(stream));
    r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{file}\"")) {
        r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(r.into_response())
}
