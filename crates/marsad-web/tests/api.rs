//! The HTTP API on the bundled sample corpus: every endpoint, with good and bad input.
//!
//! The requests go through the whole application (router, layers, limits) in process.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use marsad_web::{AppState, Config, router};
use serde_json::{Value, json};
use tower::ServiceExt;

/// The demo database, built once, copied for each test that writes.
fn demo_db() -> &'static Path {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| {
        let (dir, db, report) = marsad_web::demo_database().expect("demo database");
        assert_eq!(report.added, 5, "{report:?}");
        let keep = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("api-demo-{}.db", std::process::id()));
        std::fs::copy(&db, &keep).unwrap();
        drop(dir);
        keep
    })
}

fn app_with(config: Config) -> Router {
    router(Arc::new(AppState::open(&config).expect("open")))
}

fn app() -> Router {
    static APP: OnceLock<Router> = OnceLock::new();
    APP.get_or_init(|| app_with(Config::new(demo_db()))).clone()
}

/// A copy of the demo database, for a test that writes, and its configuration.
fn writable(token: Option<&str>) -> (tempfile::TempDir, Router) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    std::fs::copy(demo_db(), &db).unwrap();
    let mut config = Config::new(&db);
    config.token = token.map(String::from);
    (dir, app_with(config))
}

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    raw: Vec<u8>,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.raw)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.raw)))
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.raw).into_owned()
    }
    /// An error answer: JSON with the status inside.
    fn error(&self, status: StatusCode) -> String {
        assert_eq!(self.status, status, "{}", self.text());
        assert!(self.content_type().starts_with("application/json"), "{}", self.content_type());
        let v = self.json();
        assert_eq!(v["error"]["status"], status.as_u16(), "{v}");
        v["error"]["message"].as_str().unwrap().to_string()
    }
    fn content_type(&self) -> String {
        self.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_string()
    }
}

async fn send(app: &Router, request: Request<Body>) -> Reply {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let raw = response.into_body().collect().await.unwrap().to_bytes().to_vec();
    Reply { status, headers, raw }
}

async fn get(app: &Router, uri: &str) -> Reply {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn ok(app: &Router, uri: &str) -> Value {
    let r = get(app, uri).await;
    assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.text());
    assert!(r.content_type().starts_with("application/json"), "{uri}");
    r.json()
}

async fn post(app: &Router, token: Option<&str>, mime: &str, body: impl Into<Body>) -> Reply {
    let mut b = Request::post("/api/ingest").header(header::CONTENT_TYPE, mime);
    if let Some(t) = token {
        b = b.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    send(app, b.body(body.into()).unwrap()).await
}

fn enc(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[tokio::test]
async fn openapi_describes_every_route() {
    let app = app();
    let doc = ok(&app, "/api/openapi.json").await;
    assert_eq!(doc["openapi"], "3.1.0");
    let paths: Vec<&str> = doc["paths"].as_object().unwrap().keys().map(String::as_str).collect();
    for p in [
        "/api/openapi.json",
        "/api/stats",
        "/api/articles",
        "/api/articles/{id}",
        "/api/search",
        "/api/entities",
        "/api/entities/{id}",
        "/api/events",
        "/api/claims",
        "/api/export/{format}",
        "/api/ingest",
    ] {
        assert!(paths.contains(&p), "{p} is not described");
    }
    // and every path described answers (GETs with their required parameters)
    for p in &paths {
        let uri = p
            .replace("{id}", "1")
            .replace("{format}", "jsonl")
            .replace("/api/search", "/api/search?q=%D8%A3%D8%B1%D9%85%D9%8A%D9%86%D9%8A%D8%A7");
        let r = if *p == "/api/ingest" {
            post(&app, None, "application/json", "{}").await
        } else {
            get(&app, &uri).await
        };
        assert_ne!(r.status, StatusCode::NOT_FOUND, "{uri}");
        assert_ne!(r.status, StatusCode::METHOD_NOT_ALLOWED, "{uri}");
    }
}

#[tokio::test]
async fn stats_count_the_sample_corpus() {
    let s = ok(&app(), "/api/stats").await;
    assert_eq!(s["articles"], 5);
    assert!(s["events"].as_u64().unwrap() > 10, "{s}");
    assert!(s["categories"].as_array().unwrap().iter().any(|c| c["value"] == "FIGHT"), "{s}");
    assert_eq!(s["ingest_enabled"], false);
}

#[tokio::test]
async fn articles_are_listed_filtered_and_paged() {
    let app = app();
    let all = ok(&app, "/api/articles").await;
    assert_eq!(all["total"], 5);
    let dates: Vec<&str> =
        all["items"].as_array().unwrap().iter().map(|a| a["published"].as_str().unwrap()).collect();
    assert_eq!(dates, ["2022-11-25", "2022-09-16", "2022-09-13", "2022-09-13", "2020-10-24"]);

    assert_eq!(ok(&app, "/api/articles?from=2022-09-14").await["total"], 2);
    assert_eq!(ok(&app, "/api/articles?to=2022-09").await["total"], 4);
    assert_eq!(ok(&app, "/api/articles?from=2021&to=2022-09-13").await["total"], 2);
    assert_eq!(ok(&app, "/api/articles?entity=country:armenia").await["total"], 5);
    assert_eq!(ok(&app, "/api/articles?entity=nobody-at-all").await["total"], 0);
    assert!(ok(&app, "/api/articles?kind=killed").await["total"].as_u64().unwrap() >= 2);
    let page = ok(&app, "/api/articles?offset=1&limit=2").await;
    assert_eq!((page["total"].as_u64(), page["items"].as_array().unwrap().len()), (Some(5), 2));
    assert_eq!(page["items"][0]["published"], "2022-09-16");
    // a page size above the limit is lowered, not refused
    assert_eq!(ok(&app, "/api/articles?limit=10000").await["limit"], 500);
    get(&app, "/api/articles?limit=10001").await.error(StatusCode::BAD_REQUEST);

    for (uri, needle) in [
        ("/api/articles?from=yesterday", "from"),
        ("/api/articles?to=2022-13-45x", "to"),
        ("/api/articles?limit=0", "limit"),
        ("/api/articles?limit=-1", "limit"),
        ("/api/articles?limit=abc", "limit"),
        ("/api/articles?offset=99999999999", "offset"),
        ("/api/articles?sort=title", "sort"),
    ] {
        let message = get(&app, uri).await.error(StatusCode::BAD_REQUEST);
        assert!(message.contains(needle), "{uri}: {message}");
    }
    let long = "x".repeat(600);
    get(&app, &format!("/api/articles?outlet={long}")).await.error(StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn an_article_comes_with_its_record() {
    let app = app();
    let list = ok(&app, "/api/articles?from=2022-09-13&to=2022-09-13&limit=5").await;
    let id = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["doc_id"] == "001_d67965d036683f9b")
        .map(|a| a["id"].as_i64().unwrap())
        .unwrap();
    let a = ok(&app, &format!("/api/articles/{id}")).await;
    assert_eq!(a["doc_id"], "001_d67965d036683f9b");
    let r = &a["record"];
    let text = r["text"].as_str().unwrap();
    assert!(text.contains("أرمينيا"));
    assert!(!r["paragraphs"].as_array().unwrap().is_empty());
    // offsets are code points of the text
    let chars: Vec<char> = text.chars().collect();
    let e = r["entities"].as_array().unwrap().iter().find(|e| e["kb"] == "country:armenia").unwrap();
    let m = &e["mentions"][0];
    let (s, en) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
    let mention: String = chars[s..en].iter().collect();
    assert!(mention.contains("أرمين") || mention.contains("ارمين"), "{mention}");
    // each record entity has its database id
    let eid = a["entity_ids"][e["id"].as_str().unwrap()].as_i64().unwrap();
    let entity = ok(&app, &format!("/api/entities/{eid}")).await;
    assert_eq!(entity["entity"]["kb"], "country:armenia");

    get(&app, "/api/articles/999999").await.error(StatusCode::NOT_FOUND);
    get(&app, "/api/articles/abc").await.error(StatusCode::BAD_REQUEST);
    get(&app, "/api/articles/99999999999999999999999").await.error(StatusCode::BAD_REQUEST);
    get(&app, "/api/articles/%FF%FE").await.error(StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn search_finds_with_highlighted_snippets() {
    let app = app();
    let r = ok(&app, &format!("/api/search?q={}", enc("قصف"))).await;
    let hits = r["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    for h in hits {
        let s = &h["snippet"];
        let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
        assert_eq!(s["text"].as_str().unwrap().chars().count() as u64, end - start);
        let highlights = s["highlights"].as_array().unwrap();
        assert!(!highlights.is_empty(), "{h}");
        for hl in highlights {
            assert!(hl[0].as_u64().unwrap() >= start && hl[1].as_u64().unwrap() <= end);
        }
        assert!(h["id"].as_i64().is_some());
    }
    let narrowed = ok(&app, &format!("/api/search?q={}&from=2022-11-01&limit=1", enc("أذربيجان"))).await;
    assert_eq!(narrowed["hits"].as_array().unwrap().len(), 1);
    assert_eq!(narrowed["hits"][0]["published"], "2022-11-25");
    let phrase = ok(&app, &format!("/api/search?q={}", enc("\"وزارة الدفاع\" -روسيا"))).await;
    assert!(phrase["hits"].is_array());

    get(&app, "/api/search").await.error(StatusCode::BAD_REQUEST);
    get(&app, "/api/search?q=").await.error(StatusCode::BAD_REQUEST);
    let m = get(&app, &format!("/api/search?q={}", enc("!!! ..."))).await.error(StatusCode::BAD_REQUEST);
    assert!(m.contains("nothing to search"), "{m}");
    get(&app, &format!("/api/search?q={}", "a".repeat(501))).await.error(StatusCode::BAD_REQUEST);
    get(&app, "/api/search?q=x&limit=0").await.error(StatusCode::BAD_REQUEST);
    // FTS syntax in the query is taken as words, never as syntax
    for q in ["NEAR(a b)", "\"", "a OR", "-", "title:x", "*", "a AND (b"] {
        let r = get(&app, &format!("/api/search?q={}", enc(q))).await;
        assert!(r.status == StatusCode::OK || r.status == StatusCode::BAD_REQUEST, "{q}: {}", r.text());
    }
}

#[tokio::test]
async fn entities_are_listed_and_shown_with_mentions_events_and_claims() {
    let app = app();
    let list = ok(&app, "/api/entities?limit=10").await;
    let counts: Vec<u64> =
        list["items"].as_array().unwrap().iter().map(|e| e["articles"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "most mentioned first: {counts:?}");
    let armenia = list["items"].as_array().unwrap().iter().find(|e| e["kb"] == "country:armenia");
    assert_eq!(armenia.unwrap_or_else(|| panic!("{list}"))["articles"], 5);
    let found = ok(&app, &format!("/api/entities?q={}", enc("باشينيان"))).await;
    assert_eq!(found["items"][0]["kb"], "person:nikol-pashinyan", "{found}");
    assert_eq!(ok(&app, "/api/entities?type=PERSON&q=Armenia").await["total"], 0);
    get(&app, "/api/entities?offset=-3").await.error(StatusCode::BAD_REQUEST);

    let e = ok(&app, "/api/entities/country:armenia?limit=2").await;
    assert_eq!(e["entity"]["name"], "Armenia");
    assert_eq!(e["mentions"]["total"], 5);
    assert_eq!(e["mentions"]["items"].as_array().unwrap().len(), 2);
    let m = &e["mentions"]["items"][0];
    assert!(!m["context"].as_str().unwrap().is_empty());
    assert!(e["events"]["total"].as_u64().unwrap() > 0);
    let groups = e["claims"]["groups"].as_array().unwrap();
    assert!(groups.iter().any(|g| g["side"] == "Armenia"), "{}", e["claims"]);

    get(&app, "/api/entities/country:atlantis").await.error(StatusCode::NOT_FOUND);
    get(&app, "/api/entities/123456789").await.error(StatusCode::NOT_FOUND);
    get(&app, &format!("/api/entities/{}", "x".repeat(600))).await.error(StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn events_make_a_filterable_timeline() {
    let app = app();
    let all = ok(&app, "/api/events?limit=500").await;
    let total = all["total"].as_u64().unwrap();
    assert!(total > 10);
    let items = all["items"].as_array().unwrap();
    assert_eq!(items.len() as u64, total);
    let dates: Vec<String> = items
        .iter()
        .map(|e| e["date"].as_str().or(e["published"].as_str()).unwrap_or("").to_string())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "by date");

    let fights = ok(&app, "/api/events?category=fight&limit=500").await;
    assert!(fights["total"].as_u64().unwrap() > 0);
    assert!(fights["items"].as_array().unwrap().iter().all(|e| e["type"] == "FIGHT"));
    let armenia = ok(&app, "/api/events?entity=country:armenia").await["total"].as_u64().unwrap();
    assert!(armenia > 0 && armenia <= total);
    let located = ok(&app, "/api/events?located=true&limit=500").await;
    for e in located["items"].as_array().unwrap() {
        assert!(e["locations"].as_array().unwrap().iter().any(|l| l["lat"].is_number()), "{e}");
    }
    let sept = ok(&app, "/api/events?from=2022-09-01&to=2022-09-30&limit=500").await;
    for e in sept["items"].as_array().unwrap() {
        let d = e["date"].as_str().or(e["published"].as_str()).unwrap();
        assert!(d.starts_with("2022-09"), "{d}");
    }
    let desc = ok(&app, "/api/events?order=desc&limit=1").await;
    assert_eq!(desc["items"][0]["id"], items.last().unwrap()["id"]);
    let one = items[0]["article"].as_i64().unwrap();
    let of_one = ok(&app, &format!("/api/events?article={one}&limit=500")).await;
    assert!(of_one["items"].as_array().unwrap().iter().all(|e| e["article"] == one));

    get(&app, "/api/events?order=sideways").await.error(StatusCode::BAD_REQUEST);
    get(&app, "/api/events?located=maybe").await.error(StatusCode::BAD_REQUEST);
    get(&app, "/api/events?article=x").await.error(StatusCode::BAD_REQUEST);
    get(&app, "/api/events?from=2022-9-1").await.error(StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_claim_ledger_has_armenias_figures_and_flags_contradictions() {
    let app = app();
    let ledger = ok(&app, "/api/claims?entity=Armenia").await;
    let groups = ledger["groups"].as_array().unwrap();
    let g = groups
        .iter()
        .find(|g| g["side"] == "Armenia" && g["kind"] == "killed" && g["population"] == "military")
        .unwrap_or_else(|| panic!("{ledger}"));
    let figures: Vec<u64> =
        g["entries"].as_array().unwrap().iter().map(|e| e["count"].as_u64().unwrap()).collect();
    // 49 first (Pashinyan, 13 September), 135 later (16 September), a running total
    let at = |n: u64| figures.iter().position(|&f| f == n).unwrap_or_else(|| panic!("{n} in {figures:?}"));
    assert!(at(49) < at(135), "{figures:?}");
    let e = &g["entries"][at(135)];
    assert_eq!(e["note"]["kind"], "update");
    assert_eq!(e["note"]["delta"], 86);
    assert!(e["article"].as_i64().is_some());
    assert!(e["evidence"].as_str().unwrap().contains("135"));
    // contradictions point at entries of their group
    for c in ledger["contradictions"].as_array().unwrap() {
        let g = &groups[c["group"].as_u64().unwrap() as usize];
        assert_eq!(g["entries"][c["entry"].as_u64().unwrap() as usize]["note"]["kind"], "contradicts");
    }
    let killed = ok(&app, "/api/claims?kind=killed&from=2022-09-01&to=2022-09-30").await;
    assert!(!killed["groups"].as_array().unwrap().is_empty());
    get(&app, "/api/claims?from=13/09/2022").await.error(StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn stories_group_the_seed_articles_that_share_agency_copy() {
    let app = app();
    let list = ok(&app, "/api/stories").await;
    let stories = list["stories"].as_array().unwrap();
    // seeds 001 and 004 share AFP paragraphs, and 000 reports the same shelling three days
    // later: one story of three articles
    let s = stories.iter().find(|s| s["articles"].as_u64() == Some(3)).unwrap_or_else(|| panic!("{list}"));
    let id = s["id"].as_i64().unwrap();
    let story = ok(&app, &format!("/api/stories/{id}")).await;
    let keys: Vec<&str> =
        story["articles"].as_array().unwrap().iter().map(|a| a["key"].as_str().unwrap()).collect();
    assert!(["000_", "001_", "004_"].iter().all(|a| keys.iter().any(|k| k.contains(a))), "{keys:?}");
    assert!(story["articles"].as_array().unwrap().iter().all(|a| a["id"].as_i64().is_some()));
    let link = &story["links"][0];
    assert_eq!(link["kind"], "reuse");
    assert!(!link["paragraphs"].as_array().unwrap().is_empty(), "{story}");
    // filters, unknown and bad ids
    assert!(ok(&app, "/api/stories?from=2030-01-01").await["stories"].as_array().unwrap().is_empty());
    assert!(ok(&app, "/api/stories?min_articles=4").await["stories"].as_array().unwrap().is_empty());
    get(&app, "/api/stories/999999").await.error(StatusCode::NOT_FOUND);
    get(&app, "/api/stories/abc").await.error(StatusCode::BAD_REQUEST);
    get(&app, "/api/stories?from=yesterday").await.error(StatusCode::BAD_REQUEST);
    get(&app, "/api/stories?colour=red").await.error(StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn exports_stream_every_format() {
    let app = app();
    let r = get(&app, "/api/export/jsonl").await;
    assert_eq!(r.status, StatusCode::OK);
    let text = r.text();
    let lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 5);
    assert!(r.headers[header::CONTENT_DISPOSITION].to_str().unwrap().contains("attachment"));
    let geo: Value = serde_json::from_slice(&get(&app, "/api/export/geojson").await.raw).unwrap();
    assert_eq!(geo["type"], "FeatureCollection");
    let csv = get(&app, "/api/export/acled-csv").await;
    assert!(csv.text().starts_with("event_date,event_type"));
    assert!(csv.content_type().starts_with("text/csv"));
    let plover = get(&app, "/api/export/plover-json").await.text();
    assert!(plover.lines().count() > 10);
    get(&app, "/api/export/xlsx").await.error(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn ingest_needs_the_token() {
    // no token configured: refused
    let app = app();
    post(&app, Some("anything"), "application/json", r#"{"text":"x"}"#).await.error(StatusCode::FORBIDDEN);
    let (_dir, app) = writable(Some("s3cret"));
    let r = post(&app, None, "application/json", r#"{"text":"x"}"#).await;
    r.error(StatusCode::UNAUTHORIZED);
    assert_eq!(r.headers[header::WWW_AUTHENTICATE], "Bearer");
    post(&app, Some("s3cre"), "application/json", r#"{"text":"x"}"#).await.error(StatusCode::FORBIDDEN);
    post(&app, Some("s3cret-and-more"), "application/json", r#"{"text":"x"}"#)
        .await
        .error(StatusCode::FORBIDDEN);
    let basic = Request::post("/api/ingest")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::AUTHORIZATION, "Basic czNjcmV0")
        .body(Body::from("{}"))
        .unwrap();
    send(&app, basic).await.error(StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn ingest_refuses_bad_bodies_in_json() {
    let (_dir, app) = writable(Some("tok"));
    let t = Some("tok");
    for body in ["{oops", "[]", "42", "\"text\"", "{\"text\": 5}", "{\"title\":\"no text\"}", "   "] {
        let m = post(&app, t, "application/json", body).await.error(StatusCode::BAD_REQUEST);
        assert!(!m.is_empty(), "{body}");
    }
    post(&app, t, "application/x-ndjson", "not json\n{also not\n").await.error(StatusCode::BAD_REQUEST);
    post(&app, t, "application/pdf", "%PDF").await.error(StatusCode::UNSUPPORTED_MEDIA_TYPE);
    // a body over the limit (16 MiB by default) is refused before it is read whole
    let huge = vec![b'a'; marsad_web::DEFAULT_MAX_BODY + 1024];
    let m = post(&app, t, "text/plain", huge).await.error(StatusCode::PAYLOAD_TOO_LARGE);
    assert!(m.contains("larger"), "{m}");
    // nothing was written
    assert_eq!(ok(&app, "/api/stats").await["articles"], 5);
}

#[tokio::test]
async fn a_small_body_limit_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    std::fs::copy(demo_db(), &db).unwrap();
    let mut config = Config::new(&db);
    config.token = Some("t".into());
    config.max_body = 1000;
    let app = app_with(config);
    let body = json!({"text": "ن".repeat(1000)}).to_string();
    post(&app, Some("t"), "application/json", body).await.error(StatusCode::PAYLOAD_TOO_LARGE);
    // far over it, the server-wide limit answers first, in JSON too
    let body = json!({"text": "ن".repeat(100_000)}).to_string();
    post(&app, Some("t"), "application/json", body).await.error(StatusCode::PAYLOAD_TOO_LARGE);
    // and a body sent to a read endpoint is refused the same way when too large, ignored otherwise
    let big = Request::get("/api/stats")
        .header(header::CONTENT_LENGTH, 200_000)
        .body(Body::from(vec![b'x'; 200_000]))
        .unwrap();
    send(&app, big).await.error(StatusCode::PAYLOAD_TOO_LARGE);
    let small = Request::get("/api/stats").body(Body::from("x")).unwrap();
    assert_eq!(send(&app, small).await.status, StatusCode::OK);
}

const XSS: &str = "<script>alert(1)</script>";

#[tokio::test]
async fn ingested_markup_comes_back_escaped() {
    let (_dir, app) = writable(Some("tok"));
    let text = format!(
        "قالت وزارة الدفاع الأرمنية إن قصفا أذربيجانيا على بلدة غوريس أسفر عن مقتل 3 جنود. {XSS} <img src=x onerror=alert(2)> <b>&amp;</b>\n\nوأضافت الوزارة في بيان أن القصف استمر حتى الصباح."
    );
    let article = json!({"id": "xss-1", "title": format!("عنوان {XSS}"), "published": "2022-09-14", "outlet": "<i>Outlet</i>", "text": text});
    let r = post(&app, Some("tok"), "application/json; charset=utf-8", article.to_string()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(!r.text().contains('<'));
    let report = r.json();
    assert_eq!(report["added"], 1, "{report}");
    let id = report["articles"][0]["id"].as_i64().unwrap();
    assert_eq!(report["articles"][0]["key"], "api:xss-1");

    let raw = get(&app, &format!("/api/articles/{id}")).await;
    assert_eq!(raw.status, StatusCode::OK);
    let body = raw.text();
    assert!(
        !body.contains("<script") && !body.contains("<img") && !body.contains('<') && !body.contains('>')
    );
    assert!(body.contains("\\u003cscript\\u003e"));
    assert_eq!(raw.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    let record = &raw.json()["record"];
    assert_eq!(record["text"], text.as_str(), "the text comes back as it was, only escaped in JSON");
    assert_eq!(record["outlet"], "<i>Outlet</i>");

    // search, list and export carry it escaped too
    let s = get(&app, &format!("/api/search?q={}", enc("script"))).await;
    assert!(!s.text().contains('<'));
    assert!(!get(&app, "/api/articles?limit=10").await.text().contains('<'));
    assert!(!get(&app, "/api/export/jsonl").await.text().contains('<'));

    // the same article again changes nothing; changed, it is replaced
    let again = post(&app, Some("tok"), "application/json", article.to_string()).await.json();
    assert_eq!((again["added"].as_u64(), again["unchanged"].as_u64()), (Some(0), Some(1)));
    let mut changed = article.clone();
    changed["text"] = json!(format!("{text} تحديث"));
    let replaced = post(&app, Some("tok"), "application/json", changed.to_string()).await.json();
    assert_eq!(replaced["replaced"], 1);
    assert_eq!(ok(&app, "/api/stats").await["articles"], 6);
}

#[tokio::test]
async fn a_batch_is_written_with_its_bad_lines_reported() {
    let (_dir, app) = writable(Some("tok"));
    let lines = [
        json!({"id": "b1", "text": "قتل خمسة مدنيين في قصف على مدينة حلب أمس.", "published": "2021-03-02"}).to_string(),
        "{broken".to_string(),
        json!({"id": "b2", "html": "<html><body><article><p>أعلنت وزارة الصحة مقتل عشرة أشخاص في غارة جوية على إدلب.</p></article></body></html>"}).to_string(),
    ];
    let r = post(&app, Some("tok"), "application/x-ndjson", lines.join("\n")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let v = r.json();
    assert_eq!(v["added"], 2, "{v}");
    assert_eq!(v["skipped"].as_array().unwrap().len(), 1, "{v}");
    assert!(v["skipped"][0]["input"].as_str().unwrap().contains(":2"), "{v}");
    // an array, and plain text
    let arr = json!([{"id": "c1", "text": "نص أول"}, {"id": "c2", "text": "نص ثان"}]).to_string();
    assert_eq!(post(&app, Some("tok"), "application/json", arr).await.json()["added"], 2);
    let plain = post(&app, Some("tok"), "text/plain", "خبر قصير عن اشتباكات في الحدود.").await.json();
    assert_eq!(plain["added"], 1, "{plain}");
    assert_eq!(ok(&app, "/api/stats").await["articles"], 10);
}

#[tokio::test]
async fn errors_are_json_everywhere() {
    let app = app();
    get(&app, "/api/nothing-here").await.error(StatusCode::NOT_FOUND);
    get(&app, "/nothing-here").await.error(StatusCode::NOT_FOUND);
    let r = send(&app, Request::post("/api/articles").body(Body::empty()).unwrap()).await;
    r.error(StatusCode::METHOD_NOT_ALLOWED);
    let r = send(&app, Request::delete("/api/ingest").body(Body::empty()).unwrap()).await;
    r.error(StatusCode::METHOD_NOT_ALLOWED);
    // odd query strings never make a 500
    for q in [
        "%FF",
        "limit=%00",
        "entity=a%00b",
        "outlet=%00",
        "q=%00x",
        "place=%01",
        "from=%F0%9F%92%A3",
        "a=b=c&&&",
        "entity=%27%3B%20DROP%20TABLE%20articles%3B--",
        "q=%E2%80%8F",
    ] {
        for path in ["/api/articles", "/api/events", "/api/entities", "/api/claims", "/api/search"] {
            let r = get(&app, &format!("{path}?{q}")).await;
            assert!(r.status.is_success() || r.status == StatusCode::BAD_REQUEST, "{path}?{q}: {}", r.text());
            let _ = r.json();
        }
    }
    assert_eq!(ok(&app, "/api/stats").await["articles"], 5);
}

#[tokio::test]
async fn the_ui_is_served_from_the_binary_with_a_strict_policy() {
    let app = app();
    let r = get(&app, "/").await;
    assert_eq!(r.status, StatusCode::OK);
    let html = r.text();
    assert!(html.contains("dir=\"rtl\"") && html.contains("lang=\"ar\""));
    assert!(!html.contains("http://") && !html.contains("https://"), "nothing from elsewhere");
    let csp = r.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    for asset in ["/assets/app.js", "/assets/i18n.js", "/assets/world.js", "/assets/app.css", "/favicon.svg"]
    {
        let r = get(&app, asset).await;
        assert_eq!(r.status, StatusCode::OK, "{asset}");
        assert!(!r.raw.is_empty());
    }
    // the scripts never write markup from data
    let js = get(&app, "/assets/app.js").await.text();
    assert!(
        !js.contains("innerHTML") && !js.contains("insertAdjacentHTML") && !js.contains("document.write")
    );
}

#[tokio::test]
async fn reads_past_the_time_limit_are_503_in_json_and_ingest_is_not_cut() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    std::fs::copy(demo_db(), &db).unwrap();
    let mut config = Config::new(&db);
    config.token = Some("t".into());
    config.timeout = std::time::Duration::ZERO;
    let app = app_with(config);
    get(&app, "/api/events?limit=500").await.error(StatusCode::SERVICE_UNAVAILABLE);
    let r = post(&app, Some("t"), "text/plain", "خبر قصير عن اشتباكات على الحدود.").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
}
