//! Writing articles through the API (`POST /api/ingest`, behind a bearer token) and the demo
//! database (`marsad serve --demo`).
//!
//! A body is one article (a JSON object with `text` or `html`, and optionally `id`, `title`,
//! `published`, `outlet`, `url`: the fields of a JSON Lines input of `marsad extract`), a JSON
//! array of them, JSON Lines (`application/x-ndjson`), plain text (`text/plain`, one article)
//! or an HTML page (`text/html`). Articles are read by `marsad-ingest` and extracted as by
//! `marsad ingest`, and written in one transaction; each is keyed `api:` + its id, so posting
//! the same article again changes nothing and posting it changed replaces it.

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use marsad_extract::wire::Record;
use marsad_ingest::{Document, Format, Inputs, Item, Options};
use marsad_store::{Article, ContentHash, Corpus, Elsewhere, Identity, RunStatus, SqliteStore};
use serde::Serialize;

use crate::{ApiError, AppState, json_bytes};

/// The sample corpus bundled with marsad (`examples/corpus`): file name and content.
pub const DEMO_CORPUS: &[(&str, &str)] = &[
    ("000_b587ee3253eb2d41.txt", include_str!("../../../examples/corpus/000_b587ee3253eb2d41.txt")),
    ("001_d67965d036683f9b.txt", include_str!("../../../examples/corpus/001_d67965d036683f9b.txt")),
    ("002_99d1a8828afe04f7.txt", include_str!("../../../examples/corpus/002_99d1a8828afe04f7.txt")),
    ("003_6b2d5fff41c62f6f.txt", include_str!("../../../examples/corpus/003_6b2d5fff41c62f6f.txt")),
    ("004_b5f0c4ca6264197a.txt", include_str!("../../../examples/corpus/004_b5f0c4ca6264197a.txt")),
    ("seeds.jsonl", include_str!("../../../examples/corpus/seeds.jsonl")),
];

/// What an ingest did.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct IngestReport {
    pub added: u64,
    pub replaced: u64,
    pub unchanged: u64,
    /// Inputs that were not read or extracted, and why.
    pub skipped: Vec<SkippedInput>,
    /// The articles written or found unchanged.
    pub articles: Vec<IngestedArticle>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct SkippedInput {
    pub input: String,
    pub reason: String,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct IngestedArticle {
    pub id: Option<i64>,
    pub doc_id: String,
    pub key: String,
}

/// Writes the bundled sample corpus into a new database in a temporary folder; the folder
/// (and the database) is removed when the returned guard is dropped.
pub fn demo_database() -> Result<(tempfile::TempDir, PathBuf, IngestReport), crate::ServeError> {
    let dir = tempfile::Builder::new().prefix("marsad-demo-").tempdir()?;
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus)?;
    for (name, text) in DEMO_CORPUS {
        std::fs::write(corpus.join(name), text)?;
    }
    let db = dir.path().join("demo.db");
    let mut store = SqliteStore::open(&db)?;
    let extractor = marsad_extract::Extractor::new(marsad_extract::Options::default());
    let inputs =
        Inputs::new(&[corpus], Options::default()).map_err(|e| std::io::Error::other(e.to_string()))?;
    let report = write(&mut store, &extractor, inputs, "demo:", "demo")
        .map_err(|e| std::io::Error::other(e.message))?;
    Ok((dir, db, report))
}

/// Refuses a request without the configured bearer token (before its body is read).
pub async fn require_token(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let Some(expected) = state.token.as_deref() else {
        return ApiError::new(
            StatusCode::FORBIDDEN,
            "ingest is disabled: start marsad serve with --token or MARSAD_TOKEN set",
        )
        .into_response_json();
    };
    let given = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match given {
        None => {
            ApiError::new(StatusCode::UNAUTHORIZED, "a bearer token is needed (Authorization: Bearer TOKEN)")
                .into_response_json()
        }
        Some(t) if !same(t.as_bytes(), expected.as_bytes()) => {
            ApiError::new(StatusCode::FORBIDDEN, "wrong token").into_response_json()
        }
        Some(_) => next.run(request).await,
    }
}

impl ApiError {
    fn into_response_json(self) -> Response {
        axum::response::IntoResponse::into_response(self)
    }
}

/// Compares two tokens in time that depends on their lengths only.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `POST /api/ingest`.
pub async fn handler(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body = body.map_err(|e| {
        let status = e.status();
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(status, format!("the body is larger than the limit ({} bytes)", state.max_body))
        } else {
            ApiError::new(status, e.body_text())
        }
    })?;
    let mime = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
        .unwrap_or_default();
    let format = match mime.as_str() {
        "application/json" | "application/x-ndjson" | "application/jsonl" | "application/ndjson" => {
            Format::Jsonl
        }
        "text/plain" => Format::Text,
        "text/html" => Format::Html,
        _ => {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!(
                    "Content-Type {mime:?}: send application/json (an article or an array), application/x-ndjson, text/plain or text/html"
                ),
            ));
        }
    };
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::bad_request("the body is empty"));
    }
    let body = if format == Format::Jsonl { as_lines(&body)? } else { body.to_vec() };
    let max = state.max_body as u64;
    let st = state.clone();
    let report = tokio::task::spawn_blocking(move || {
        let options = Options {
            format: Some(format),
            max_article_bytes: max,
            auto_manifests: false,
            ..Options::default()
        };
        let inputs = Inputs::new(&[PathBuf::from("-")], options)
            .map_err(|e| ApiError::internal(e.to_string()))?
            .with_stdin(Cursor::new(body));
        let extractor = st.extractor();
        // a writer whose last ingest panicked may hold half a batch: rolled back, not
        // committed with the next
        let mut store = st.writer.lock().unwrap_or_else(|e| {
            let mut store = e.into_inner();
            store.abandon();
            st.writer.clear_poison();
            store
        });
        let written = write(store.as_mut(), extractor, inputs, "api:", "api");
        *st.stats.lock().unwrap_or_else(|e| e.into_inner()) = None;
        written
    })
    .await
    .map_err(|e| ApiError::internal(format!("internal error (a bug in marsad, please report it): {e}")))??;
    let status = if report.articles.is_empty() { StatusCode::BAD_REQUEST } else { StatusCode::OK };
    if status == StatusCode::BAD_REQUEST {
        let why: Vec<String> = report.skipped.iter().map(|s| format!("{}: {}", s.input, s.reason)).collect();
        let body = serde_json::json!({
            "error": {"status": 400, "message": format!("no article could be read: {}", why.join("; "))},
            "skipped": report.skipped,
        });
        return Ok(json_bytes(status, &body));
    }
    Ok(json_bytes(status, &report))
}

/// A JSON body as JSON Lines: a whole object or array becomes one line per article; anything
/// else is taken as lines already (a line that is not JSON is reported by the reader).
fn as_lines(body: &[u8]) -> Result<Vec<u8>, ApiError> {
    match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(serde_json::Value::Array(items)) => {
            if items.is_empty() {
                return Err(ApiError::bad_request("the array holds no article"));
            }
            let mut out = Vec::with_capacity(body.len());
            for item in items {
                serde_json::to_writer(&mut out, &item).map_err(|e| ApiError::internal(e.to_string()))?;
                out.push(b'\n');
            }
            Ok(out)
        }
        Ok(v @ serde_json::Value::Object(_)) => {
            let mut out = serde_json::to_vec(&v).map_err(|e| ApiError::internal(e.to_string()))?;
            out.push(b'\n');
            Ok(out)
        }
        Ok(_) => Err(ApiError::bad_request("expected a JSON object (an article) or an array of them")),
        Err(e) => {
            // JSON Lines parse as a whole only when there is one line
            if body.iter().filter(|&&b| b == b'\n').count() == 0 || e.is_eof() {
                Err(ApiError::bad_request(format!("malformed JSON: {e}")))
            } else {
                Ok(body.to_vec())
            }
        }
    }
}

/// Extracts the documents of `inputs` and writes them in one transaction.
fn write(
    store: &mut dyn Corpus,
    extractor: &marsad_extract::Extractor,
    inputs: Inputs,
    prefix: &str,
    run_name: &str,
) -> Result<IngestReport, ApiError> {
    let mut report = IngestReport::default();
    let mut batch = Vec::new();
    let mut keys = Vec::new();
    let mut elsewhere = Elsewhere::default();
    for item in inputs {
        match item {
            Item::Skipped(s) => {
                elsewhere.skipped += 1;
                report.skipped.push(SkippedInput { input: s.input.clone(), reason: s.reason.to_string() });
            }
            Item::Document(doc) => {
                let input = doc.source.display();
                match article(extractor, &doc, prefix) {
                    Ok(a) => {
                        keys.push((doc.id.clone(), a.identity.key.clone()));
                        batch.push(a);
                    }
                    Err(reason) => {
                        elsewhere.skipped += 1;
                        report.skipped.push(SkippedInput { input, reason });
                    }
                }
            }
        }
    }
    if batch.is_empty() {
        return Ok(report);
    }
    let run = store.begin_run(&[run_name.to_string()])?;
    let stats = match store.write_batch(run, &batch, elsewhere) {
        Ok(s) => s,
        Err(e) => {
            let _ = store.end_run(run, RunStatus::Failed);
            return Err(e.into());
        }
    };
    store.end_run(run, RunStatus::Complete)?;
    report.added = stats.added;
    report.replaced = stats.replaced;
    report.unchanged = stats.unchanged;
    for (doc_id, key) in keys {
        let id = marsad_store::browse::Browse::article_id(&*store, &key)?;
        report.articles.push(IngestedArticle { id, doc_id, key });
    }
    Ok(report)
}

/// One document extracted and made ready to be written (an extraction that panics is
/// reported, not fatal).
fn article(extractor: &marsad_extract::Extractor, doc: &Document, prefix: &str) -> Result<Article, String> {
    let json = catch_unwind(AssertUnwindSafe(|| {
        let extraction = extractor.extract(doc);
        let mut record = Record::new(doc, &extraction);
        record.text = "";
        serde_json::to_string(&record)
    }))
    .map_err(|_| "internal error while extracting (a bug in marsad, please report it)".to_string())?
    .map_err(|e| format!("record: {e}"))?;
    let identity = identity(doc, prefix);
    Article::new(identity, json, doc.text.clone()).map_err(|e| e.to_string())
}

/// The key (`prefix` + document id) and the content hash of everything extraction reads.
fn identity(doc: &Document, prefix: &str) -> Identity {
    Identity { key: format!("{prefix}{}", doc.id), hash: ContentHash::of_document(doc) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn tokens_compare_whole() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"abcd"));
        assert!(!same(b"", b"a"));
    }

    #[test]
    fn json_bodies_become_lines() {
        assert_eq!(as_lines(b"{\n \"text\": \"x\"\n}").unwrap(), b"{\"text\":\"x\"}\n");
        assert_eq!(
            as_lines(b"[{\"text\":\"a\"},{\"text\":\"b\"}]").unwrap(),
            b"{\"text\":\"a\"}\n{\"text\":\"b\"}\n"
        );
        assert_eq!(
            as_lines(b"{\"text\":\"a\"}\n{\"text\":\"b\"}\n").unwrap(),
            b"{\"text\":\"a\"}\n{\"text\":\"b\"}\n"
        );
        assert!(as_lines(b"{oops").is_err());
        assert!(as_lines(b"[]").is_err());
        assert!(as_lines(b"42").is_err());
    }

    #[test]
    fn the_demo_corpus_is_the_examples_folder() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let embedded: Vec<&str> = DEMO_CORPUS.iter().map(|(f, _)| *f).collect();
        assert_eq!(files, embedded);
        for (name, text) in DEMO_CORPUS {
            assert_eq!(std::fs::read_to_string(dir.join(name)).unwrap(), *text);
        }
    }
}
