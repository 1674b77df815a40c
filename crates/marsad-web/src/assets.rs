//! The web UI: plain HTML, CSS and JavaScript, embedded in the binary (no network, no build
//! step). `index.html` loads `app.css`, `i18n.js` (the Arabic and English labels), `world.js`
//! (a coarse world outline for the map) and `app.js` (the pages, drawn with `textContent`
//! and SVG elements, never with markup built from data).

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use axum::routing::get;

/// The OpenAPI 3 description of the API.
pub const OPENAPI: &str = include_str!("../assets/openapi.json");

const INDEX: &str = include_str!("../assets/index.html");
const APP_JS: &str = include_str!("../assets/app.js");
const I18N_JS: &str = include_str!("../assets/i18n.js");
const WORLD_JS: &str = include_str!("../assets/world.js");
const APP_CSS: &str = include_str!("../assets/app.css");
const FAVICON: &str = include_str!("../assets/favicon.svg");

/// No inline script or style, nothing from elsewhere: even text that slipped into markup
/// could not run.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

fn asset(body: &'static str, mime: &'static str) -> Response {
    let mut r = Response::new(Body::from(body));
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    r
}

pub fn routes() -> Router {
    Router::new()
        .route("/", get(|| async { asset(INDEX, "text/html; charset=utf-8") }))
        .route("/assets/app.js", get(|| async { asset(APP_JS, "text/javascript; charset=utf-8") }))
        .route("/assets/i18n.js", get(|| async { asset(I18N_JS, "text/javascript; charset=utf-8") }))
        .route("/assets/world.js", get(|| async { asset(WORLD_JS, "text/javascript; charset=utf-8") }))
        .route("/assets/app.css", get(|| async { asset(APP_CSS, "text/css; charset=utf-8") }))
        .route("/favicon.svg", get(|| async { asset(FAVICON, "image/svg+xml") }))
}
