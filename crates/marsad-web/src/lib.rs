//! `marsad serve`: the HTTP API and the web UI over a corpus database.
//!
//! - [`router`]: the axum application: the JSON API under `/api` (described by the OpenAPI 3
//!   document served at `/api/openapi.json`, kept in `assets/openapi.json`) and the UI at `/`
//!   (plain HTML, CSS and JavaScript from `assets/`, embedded in the binary: no network, no
//!   build step).
//! - [`serve`]: binds an address and serves until Ctrl-C.
//! - [`demo_database`]: the bundled sample corpus ingested into a new database
//!   (`marsad serve --demo`).
//!
//! Reads go through a small pool of connections (SQLite, or PostgreSQL for a `postgres://`
//! database), each query on a blocking thread;
//! writes (`POST /api/ingest`, behind a bearer token) through one writer connection. Every
//! error is JSON with its HTTP status, and a panic in a handler becomes a 500, never a dropped
//! connection. JSON responses escape `<`, `>` and `&` (`\u003c`...), so that no article text
//! can be read as markup even by a client that sniffs; the UI builds its DOM with
//! `textContent` only, under a Content-Security-Policy that allows no inline script.

#![deny(unsafe_code)]

mod api;
mod assets;
pub mod error;
mod ingest;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use marsad_store::{Corpus, Interrupter, StoreError};
use serde::Serialize;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;

pub use error::ApiError;
pub use ingest::{DEMO_CORPUS, IngestReport, demo_database};

/// The largest request body accepted by `POST /api/ingest` unless configured otherwise.
pub const DEFAULT_MAX_BODY: usize = 16 << 20;

/// How the server is set up.
#[derive(Clone, Debug)]
pub struct Config {
    /// The corpus database.
    pub db: PathBuf,
    /// The bearer token `POST /api/ingest` requires; None: ingest is refused.
    pub token: Option<String>,
    /// The largest ingest body, in bytes.
    pub max_body: usize,
    /// Read connections (concurrent queries).
    pub readers: usize,
    /// The longest a request may take before it is answered 503.
    pub timeout: Duration,
}

impl Config {
    /// Defaults for a database.
    pub fn new(db: impl Into<PathBuf>) -> Config {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Config {
            db: db.into(),
            token: None,
            max_body: DEFAULT_MAX_BODY,
            readers: (cores * 2).clamp(2, 16),
            timeout: Duration::from_secs(60),
        }
    }
}

/// What can stop the server from starting.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error(
        "no database at {0} (create one with `marsad ingest PATH --db {0}`, or try `marsad serve --demo`)"
    )]
    NoDatabase(String),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// What the handlers share.
pub struct AppState {
    readers: Vec<Mutex<Box<dyn Corpus>>>,
    next: AtomicUsize,
    writer: Mutex<Box<dyn Corpus>>,
    token: Option<String>,
    max_body: usize,
    timeout: Duration,
    extractor: OnceLock<marsad_extract::Extractor>,
    /// `/api/stats`, kept for a few seconds (counting the mentions reads the whole table).
    stats: Mutex<Option<(std::time::Instant, serde_json::Value)>>,
}

impl AppState {
    /// Opens the database (an SQLite file, which must exist, or a PostgreSQL URL) with its
    /// connections.
    pub fn open(config: &Config) -> Result<AppState, ServeError> {
        let postgres = config.db.to_str().is_some_and(marsad_store::url::is_postgres_url);
        if !postgres && !config.db.is_file() {
            return Err(ServeError::NoDatabase(config.db.display().to_string()));
        }
        let writer = marsad_store::open_corpus(&config.db, false)?;
        let readers = (0..config.readers.max(1))
            .map(|_| marsad_store::open_corpus(&config.db, false).map(Mutex::new))
            .collect::<Result<_, _>>()?;
        Ok(AppState {
            readers,
            next: AtomicUsize::new(0),
            writer: Mutex::new(writer),
            token: config.token.clone().filter(|t| !t.is_empty()),
            max_body: config.max_body,
            timeout: config.timeout,
            extractor: OnceLock::new(),
            stats: Mutex::new(None),
        })
    }

    /// Runs `f` with a free read connection (waiting for one when all are busy).
    fn with_reader<T>(&self, f: impl FnOnce(&dyn Corpus) -> Result<T, ApiError>) -> Result<T, ApiError> {
        let n = self.readers.len();
        let first = self.next.fetch_add(1, Ordering::Relaxed) % n;
        for i in 0..n {
            if let Ok(store) = self.readers[(first + i) % n].try_lock() {
                return f(store.as_ref());
            }
        }
        // a connection whose holder panicked is still a good connection
        let store = self.readers[first].lock().unwrap_or_else(|e| e.into_inner());
        f(store.as_ref())
    }

    fn extractor(&self) -> &marsad_extract::Extractor {
        self.extractor.get_or_init(|| marsad_extract::Extractor::new(marsad_extract::Options::default()))
    }
}

/// The running query of a request, interrupted when the request is dropped before it is
/// answered (the client went away, or the request timed out): a blocking thread cannot be
/// cancelled, but the database can stop its statement (SQLite at once; PostgreSQL's server
/// when it gets the cancel request), which frees the connection.
struct InterruptOnDrop {
    running: Arc<Mutex<Option<Interrupter>>>,
    armed: bool,
}

impl Drop for InterruptOnDrop {
    fn drop(&mut self) {
        if self.armed
            && let Some(handle) = self.running.lock().unwrap_or_else(|e| e.into_inner()).take()
        {
            handle.interrupt();
        }
    }
}

/// Runs a read on a blocking thread.
async fn read<T: Send + 'static>(
    state: &Arc<AppState>,
    f: impl FnOnce(&dyn Corpus) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let state = state.clone();
    let (started, limit) = (std::time::Instant::now(), state.timeout);
    let mut guard = InterruptOnDrop { running: Arc::new(Mutex::new(None)), armed: true };
    let running = guard.running.clone();
    let result = tokio::task::spawn_blocking(move || {
        state.with_reader(|store| {
            *running.lock().unwrap_or_else(|e| e.into_inner()) = store.interrupter();
            let out = f(store);
            *running.lock().unwrap_or_else(|e| e.into_inner()) = None;
            out
        })
    })
    .await;
    guard.armed = false;
    // the time limit's layer polls the read before its clock, so a read that ended before it
    // was polled (its thread descheduled) would be answered however late: past the limit, it
    // is answered 503 all the same
    if started.elapsed() > limit {
        return Err(ApiError::new(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            "the request took longer than the server's time limit",
        ));
    }
    result
        .map_err(|e| ApiError::internal(format!("internal error (a bug in marsad, please report it): {e}")))?
}

/// A JSON response whose `<`, `>` and `&` are escaped (they only occur inside strings in
/// JSON, where `\u003c` means the same).
pub(crate) fn json_bytes<T: Serialize + ?Sized>(status: StatusCode, value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(bytes) => {
            let mut response = Response::new(Body::from(escape_json(bytes)));
            *response.status_mut() = status;
            response
                .headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json; charset=utf-8"));
            response
        }
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, format!("cannot write JSON: {e}")).into_response(),
    }
}

/// `<`, `>` and `&` of serialised JSON as `\u` escapes.
pub(crate) fn escape_json(bytes: Vec<u8>) -> Vec<u8> {
    if !bytes.iter().any(|b| matches!(b, b'<' | b'>' | b'&')) {
        return bytes;
    }
    let mut out = Vec::with_capacity(bytes.len() + 64);
    for b in bytes {
        match b {
            b'<' => out.extend_from_slice(b"\\u003c"),
            b'>' => out.extend_from_slice(b"\\u003e"),
            b'&' => out.extend_from_slice(b"\\u0026"),
            b => out.push(b),
        }
    }
    out
}

/// The application: API and UI.
pub fn router(state: Arc<AppState>) -> Router {
    // no request body is larger than an ingest may be (the ingest route checks its own limit
    // first, with a clearer message); a body sent to a read endpoint is not read at all
    let body_limit = state.max_body.saturating_add(64 << 10);
    let api = api::routes(state);
    Router::new()
        .merge(assets::routes())
        .nest("/api", api)
        .fallback(|| async {
            ApiError::not_found("no such page (the API is under /api, see /api/openapi.json)")
        })
        .layer(CatchPanicLayer::custom(|panic: Box<dyn std::any::Any + Send>| {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            ApiError::internal(format!("internal error (a bug in marsad, please report it): {message}"))
                .into_response()
        }))
        .layer(RequestBodyLimitLayer::new(body_limit))
        // outside the layers above, so that their answers (413, and 503 from the API's time
        // limit) are JSON too
        .layer(axum::middleware::map_response(api::json_errors))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("x-frame-options"),
            HeaderValue::from_static("DENY"),
        ))
}

/// Serves `config.db` on `addr` until Ctrl-C or SIGTERM; `ready` is called with the bound address (port
/// 0 picks a free one).
pub fn serve(config: &Config, addr: SocketAddr, ready: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    let state = Arc::new(AppState::open(config)?);
    let app = router(state);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let listener =
            tokio::net::TcpListener::bind(addr).await.map_err(|source| ServeError::Bind { addr, source })?;
        ready(listener.local_addr()?);
        axum::serve(listener, app).with_graceful_shutdown(stop_signal()).await?;
        Ok(())
    })
}

/// Ctrl-C, or (on Unix) SIGTERM: either stops the server cleanly, so that the demo's
/// temporary database is removed.
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_output_escapes_markup() {
        let v = serde_json::json!({"t": "<script>alert(1)</script> & co"});
        let bytes = escape_json(serde_json::to_vec(&v).unwrap());
        let s = String::from_utf8(bytes).unwrap();
        assert!(!s.contains('<') && !s.contains('&'), "{s}");
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }
}
