//! The server over a PostgreSQL database: the sample corpus posted to `POST /api/ingest` of a
//! server on SQLite and of one on PostgreSQL, then every read endpoint asked the same
//! questions of both: the answers are the same (search ranks and the schema version aside).
//!
//! It needs a server: `MARSAD_PG_URL` names a database in which the test makes its own
//! schema. Without it the test skips, saying so; with `MARSAD_REQUIRE_PG` set (CI), a missing
//! server fails it.
#![cfg(feature = "postgres")]

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use marsad_web::{AppState, Config, router};
use serde_json::{Value, json};
use tower::ServiceExt;

/// A database URL whose search path is a new, empty schema of this test's own, or None
/// (the test skips) without a server.
fn fresh(test: &str) -> Option<String> {
    marsad_store::test_database(&format!("marsad_web_{test}"))
}

async fn send(app: &Router, request: Request<Body>) -> (StatusCode, Vec<u8>) {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    (status, response.into_body().collect().await.unwrap().to_bytes().to_vec())
}

async fn get(app: &Router, uri: &str) -> Vec<u8> {
    let (status, body) = send(app, Request::get(uri).body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{uri}: {}", String::from_utf8_lossy(&body));
    body
}

fn app(db: &str) -> Router {
    let mut config = Config::new(db);
    config.token = Some("tok".into());
    config.readers = 2;
    router(Arc::new(AppState::open(&config).expect("open")))
}

/// The servers are made as `marsad serve` makes them, before its runtime starts (the
/// PostgreSQL client runs one of its own, which cannot start inside another's async code).
#[test]
fn every_read_endpoint_answers_as_on_sqlite() {
    let Some(url) = fresh("parity") else { return };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("w.db");
    drop(marsad_store::SqliteStore::open(&file).unwrap());
    // the server opens a corpus that exists (an empty one here, as the SQLite file is)
    drop(marsad_store::PostgresStore::connect(&url).unwrap());
    let (lite, pg) = (app(file.to_str().unwrap()), app(&url));
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(answers(&lite, &pg));
}

async fn answers(lite: &Router, pg: &Router) {
    // the sample corpus, with its publication dates, as JSON Lines
    let body: String = marsad_web::DEMO_CORPUS
        .iter()
        .filter(|(name, _)| name.ends_with(".txt"))
        .enumerate()
        .map(|(i, (name, text))| {
            json!({"id": name, "text": text, "published": format!("2020-10-{:02}", 10 + i), "outlet": "Feed"})
                .to_string()
                + "\n"
        })
        .collect();
    for app in [lite, pg] {
        let request = Request::post("/api/ingest")
            .header(header::CONTENT_TYPE, "application/x-ndjson")
            .header(header::AUTHORIZATION, "Bearer tok")
            .body(Body::from(body.clone()))
            .unwrap();
        let (status, reply) = send(app, request).await;
        assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&reply));
        let reply: Value = serde_json::from_slice(&reply).unwrap();
        assert_eq!(reply["added"], 5, "{reply}");
    }
    let q = "%D9%82%D8%B5%D9%81"; // قصف
    for uri in [
        "/api/articles?limit=50".to_string(),
        "/api/articles?entity=Armenia&from=2020-10-11".to_string(),
        "/api/articles/2".to_string(),
        "/api/entities?limit=100".to_string(),
        "/api/entities?q=armen".to_string(),
        "/api/entities/country:armenia".to_string(),
        "/api/events?limit=100".to_string(),
        "/api/events?entity=Azerbaijan&category=FIGHT".to_string(),
        "/api/claims".to_string(),
        "/api/claims?entity=Armenia&kind=killed".to_string(),
        "/api/stories".to_string(),
        "/api/export/jsonl".to_string(),
        "/api/export/acled-csv".to_string(),
        "/api/export/geojson".to_string(),
        format!("/api/search?q={q}&limit=3&outlet=feed"),
    ] {
        let (l, p) = (get(lite, &uri).await, get(pg, &uri).await);
        if uri.starts_with("/api/search") {
            // the same hits, whatever their order and scores
            let keys = |b: &[u8]| {
                let v: Value = serde_json::from_slice(b).unwrap();
                let mut k: Vec<String> = v["hits"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|h| h["key"].as_str().unwrap().to_string())
                    .collect();
                k.sort();
                k
            };
            assert_eq!(keys(&l).len(), 3, "{uri}");
            assert_eq!(keys(&l), keys(&p), "{uri}");
            continue;
        }
        assert!(l.len() > 20, "{uri}: {}", String::from_utf8_lossy(&l));
        assert_eq!(String::from_utf8_lossy(&l), String::from_utf8_lossy(&p), "{uri}");
    }
    let stats = |b: Vec<u8>| {
        let mut v: Value = serde_json::from_slice(&b).unwrap();
        v.as_object_mut().unwrap().remove("schema_version");
        v
    };
    assert_eq!(stats(get(lite, "/api/stats").await), stats(get(pg, "/api/stats").await));
}
