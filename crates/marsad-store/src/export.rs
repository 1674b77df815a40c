//! Exports of the stored corpus, written through the [`Store`] trait (any backend).
//!
//! - [`Format::Jsonl`]: the stored records, one per line, as `marsad extract` wrote them.
//! - [`Format::AcledCsv`]: one row per event that ACLED would code (violence, protests,
//!   agreements, arrests, territorial changes), mapped by `data/store/acled.tsv`; columns
//!   [`ACLED_HEADER`] then per-side claim columns [`CLAIM_HEADER`].
//! - [`Format::PloverJson`]: one PLOVER event per line (every category, statements included),
//!   with actors, recipients, locations, claims and the evidence text.
//! - [`Format::Geojson`]: a FeatureCollection with one Point per event located at a place of
//!   the knowledge base that has coordinates (countries have none: an event placed only in a
//!   country is left out).
//!
//! Only asserted events that are not negated are exported as ACLED rows and GeoJSON points
//! (ACLED codes what happened); PLOVER JSON carries every event with its `modality` and
//! `negated`.

use std::io::Write;
use std::sync::LazyLock;

use marsad_kb::Kb;
use serde_json::{Value, json};

use crate::{ClaimRow, EventRow, Party, Store, StoreError};

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    AcledCsv,
    PloverJson,
    Geojson,
}

/// The ACLED columns, in ACLED's names and order.
pub const ACLED_HEADER: [&str; 16] = [
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "time_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
];

/// marsad's columns after ACLED's: the largest killed figure claimed for actor1's side, for
/// actor2's side and for civilians, every linked claim as text, and where the event comes from.
pub const CLAIM_HEADER: [&str; 7] =
    ["actor1_killed", "actor2_killed", "civilians_killed", "wounded", "claims", "article", "event_id"];

/// What an export wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportStats {
    /// Records, rows, events or features written.
    pub written: u64,
    /// Events read but not exported (not an ACLED event, not asserted, not located).
    pub left_out: u64,
}

/// Writes the store's content in `format` to `out`.
pub fn export(store: &dyn Store, format: Format, out: &mut dyn Write) -> Result<ExportStats, StoreError> {
    let mut stats = ExportStats::default();
    match format {
        Format::Jsonl => store.for_each_record(&mut |line| {
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
            stats.written += 1;
            Ok(())
        })?,
        Format::AcledCsv => {
            let header: Vec<&str> = ACLED_HEADER.iter().chain(CLAIM_HEADER.iter()).copied().collect();
            write_csv_row(out, &header)?;
            store.for_each_event(&mut |ev| {
                match acled_row(&ev) {
                    Some(row) => {
                        let fields: Vec<&str> = row.iter().map(String::as_str).collect();
                        write_csv_row(out, &fields)?;
                        stats.written += 1;
                    }
                    None => stats.left_out += 1,
                }
                Ok(())
            })?
        }
        Format::PloverJson => store.for_each_event(&mut |ev| {
            serde_json::to_writer(&mut *out, &plover(&ev)).map_err(std::io::Error::from)?;
            out.write_all(b"\n")?;
            stats.written += 1;
            Ok(())
        })?,
        Format::Geojson => {
            out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")?;
            store.for_each_event(&mut |ev| {
                match feature(&ev) {
                    Some(f) => {
                        if stats.written > 0 {
                            out.write_all(b",\n")?;
                        } else {
                            out.write_all(b"\n")?;
                        }
                        serde_json::to_writer(&mut *out, &f).map_err(std::io::Error::from)?;
                        stats.written += 1;
                    }
                    None => stats.left_out += 1,
                }
                Ok(())
            })?;
            out.write_all(b"\n]}\n")?;
        }
    }
    out.flush()?;
    Ok(stats)
}

/// One CSV row (RFC 4180: fields with a comma, quote or line break are quoted).
fn write_csv_row(out: &mut dyn Write, fields: &[&str]) -> std::io::Result<()> {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        if f.contains([',', '"', '\n', '\r']) {
            out.write_all(b"\"")?;
            out.write_all(f.replace('"', "\"\"").as_bytes())?;
            out.write_all(b"\"")?;
        } else {
            out.write_all(f.as_bytes())?;
        }
    }
    out.write_all(b"\r\n")
}

/// The ACLED mapping table: (PLOVER type, mode or `*`) -> (event type, sub-event type).
static ACLED: LazyLock<Vec<[String; 4]>> = LazyLock::new(|| {
    include_str!("../../../data/store/acled.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .filter_map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c.len() == 4).then(|| [c[0].into(), c[1].into(), c[2].into(), c[3].into()])
        })
        .collect()
});

/// ACLED's event type and sub-event type of a PLOVER category and mode, if ACLED codes it.
///
/// ```
/// use marsad_store::export::acled_type;
/// assert_eq!(acled_type("FIGHT", "shelling"), Some(("Explosions/Remote violence", "Shelling/artillery/missile attack")));
/// assert_eq!(acled_type("FIGHT", "armed-clash"), Some(("Battles", "Armed clash")));
/// assert_eq!(acled_type("CONSULT", "meeting"), None);
/// ```
pub fn acled_type(kind: &str, mode: &str) -> Option<(&'static str, &'static str)> {
    let table: &'static [[String; 4]] = &ACLED;
    let exact = table.iter().find(|r| r[0] == kind && r[1] == mode);
    let any = || table.iter().find(|r| r[0] == kind && r[1] == "*");
    exact.or_else(any).map(|r| (r[2].as_str(), r[3].as_str()))
}

/// Whether an event is reported as having happened.
fn happened(ev: &EventRow) -> bool {
    !ev.negated && ev.modality.as_deref().is_none_or(|m| m == "asserted")
}

/// The event's date as ACLED gives it (a day) and its time precision (1 day, 2 a few days or a
/// week, 3 a month or only the publication date).
fn acled_date(ev: &EventRow) -> (String, u8) {
    let date = ev.date.as_deref().unwrap_or("");
    let day = |s: &str| {
        s.len() >= 10
            && s.as_bytes()[4] == b'-'
            && s.as_bytes()[7] == b'-'
            && s[..10].bytes().filter(u8::is_ascii_digit).count() == 8
    };
    if day(date) {
        let precision = if date.contains('/') { 2 } else { 1 };
        return (date[..10].to_string(), precision);
    }
    if date.len() == 7 && date.as_bytes()[4] == b'-' && date[..4].bytes().all(|b| b.is_ascii_digit()) {
        return (format!("{date}-01"), 3);
    }
    match ev.published.as_deref() {
        Some(p) if day(p) => (p[..10].to_string(), if date.is_empty() { 3 } else { 2 }),
        _ => (String::new(), 3),
    }
}

/// English name of a knowledge-base country id.
fn country_name(id: &str) -> Option<String> {
    let kb = Kb::builtin();
    kb.by_id(id).map(|e| kb.entry(e).name_en.clone())
}

/// The place to put an event at: the first location with coordinates, else the first.
fn place(ev: &EventRow) -> Option<&Party> {
    ev.locations.iter().find(|l| l.coordinates.is_some()).or(ev.locations.first())
}

/// ACLED's geographic precision: 1 a town, 2 a region or district, 3 a country or less.
fn geo_precision(p: Option<&Party>) -> &'static str {
    match p {
        Some(p) if p.kb.as_deref().is_some_and(|k| k.starts_with("country:")) => "3",
        Some(p) if p.coordinates.is_some() => match p.subtype.as_deref() {
            Some("city" | "town" | "village" | "neighbourhood" | "neighborhood" | "camp") | None => "1",
            _ => "2",
        },
        _ => "3",
    }
}

/// The largest count of the claims that `keep` selects.
fn largest(claims: &[ClaimRow], keep: impl Fn(&ClaimRow) -> bool) -> Option<u64> {
    claims.iter().filter(|c| keep(c)).filter_map(|c| c.count).max()
}

fn same_party(a: Option<&Party>, b: Option<&Party>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => match (&a.kb, &b.kb) {
            (Some(x), Some(y)) => x == y,
            _ => a.name.eq_ignore_ascii_case(&b.name),
        },
        _ => false,
    }
}

/// A claim as one line of text.
fn claim_text(c: &ClaimRow) -> String {
    let count = c.count.map_or("some".to_string(), |n| n.to_string());
    let mut s = format!("{} {count} {} {}", c.qualifier, c.kind, c.population);
    if let Some(side) = &c.side {
        s.push_str(&format!(" ({})", side.name));
    }
    if let Some(cl) = &c.claimant {
        s.push_str(&format!(" per {}", cl.name));
    }
    s
}

/// The ACLED row of an event, if ACLED codes it.
fn acled_row(ev: &EventRow) -> Option<Vec<String>> {
    if !happened(ev) {
        return None;
    }
    let (event_type, sub_event_type) = acled_type(&ev.kind, &ev.mode)?;
    let (date, time_precision) = acled_date(ev);
    let at = place(ev);
    let country = at.and_then(|p| p.country.as_deref()).and_then(country_name).unwrap_or_default();
    let actor1 = ev.actors.first();
    let actor2 = ev.targets.first();
    let killed = |c: &ClaimRow| c.kind == "killed";
    let side1 = largest(&ev.claims, |c| killed(c) && same_party(c.side.as_ref(), actor1));
    let side2 = largest(&ev.claims, |c| killed(c) && same_party(c.side.as_ref(), actor2));
    let civilians = largest(&ev.claims, |c| killed(c) && c.population == "civilian");
    let wounded = largest(&ev.claims, |c| c.kind == "wounded");
    // fatalities: the largest killed figure per side, added up (conservative, like ACLED)
    let mut sides: Vec<(Option<&Party>, u64)> = Vec::new();
    for c in ev.claims.iter().filter(|c| killed(c)) {
        let Some(n) = c.count else { continue };
        match sides
            .iter_mut()
            .find(|(s, _)| same_party(*s, c.side.as_ref()) || (s.is_none() && c.side.is_none()))
        {
            Some((_, m)) => *m = (*m).max(n),
            None => sides.push((c.side.as_ref(), n)),
        }
    }
    let fatalities: u64 = sides.iter().map(|(_, n)| n).sum();
    let num = |n: Option<u64>| n.map_or(String::new(), |n| n.to_string());
    let coord = |f: fn((f64, f64)) -> f64| {
        at.and_then(|p| p.coordinates).map_or(String::new(), |c| format!("{:.5}", f(c)))
    };
    Some(vec![
        date,
        event_type.to_string(),
        sub_event_type.to_string(),
        actor1.map(|p| p.name.clone()).unwrap_or_default(),
        actor2.map(|p| p.name.clone()).unwrap_or_default(),
        country,
        String::new(),
        at.map(|p| p.name.clone()).unwrap_or_default(),
        coord(|c| c.0),
        coord(|c| c.1),
        geo_precision(at).to_string(),
        time_precision.to_string(),
        ev.outlet.clone().unwrap_or_default(),
        String::new(),
        one_line(&ev.evidence),
        fatalities.to_string(),
        num(side1),
        num(side2),
        num(civilians),
        num(wounded),
        ev.claims.iter().map(claim_text).collect::<Vec<_>>().join("; "),
        ev.article_key.clone(),
        ev.local.clone(),
    ])
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn party_json(p: &Party) -> Value {
    json!({
        "name": p.name,
        "name_ar": p.name_ar,
        "kb": p.kb,
        "type": p.kind,
        "country": p.country.as_deref().and_then(country_name),
    })
}

fn claim_json(c: &ClaimRow) -> Value {
    json!({
        "count": c.count,
        "qualifier": c.qualifier,
        "kind": c.kind,
        "population": c.population,
        "side": c.side.as_ref().map(|p| p.name.clone()),
        "claimant": c.claimant.as_ref().map(|p| p.name.clone()),
        "reported_by": c.reported_by,
        "date": c.date,
        "cumulative": c.cumulative,
        "evidence": c.evidence,
    })
}

/// An event in PLOVER's shape (POLECAT field names where they exist).
fn plover(ev: &EventRow) -> Value {
    json!({
        "event_id": format!("{}#{}", ev.article_key, ev.local),
        "event_date": ev.date,
        "story_date": ev.published,
        "event_type": ev.kind,
        "event_mode": ev.mode,
        "negated": ev.negated,
        "modality": ev.modality,
        "actors": ev.actors.iter().map(party_json).collect::<Vec<_>>(),
        "recipients": ev.targets.iter().map(party_json).collect::<Vec<_>>(),
        "locations": ev.locations.iter().map(|p| {
            let mut v = party_json(p);
            v["lat"] = json!(p.coordinates.map(|c| c.0));
            v["lon"] = json!(p.coordinates.map(|c| c.1));
            v
        }).collect::<Vec<_>>(),
        "claimant": ev.claimant.as_ref().map(party_json),
        "reported_by": ev.reported_by.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
        "source": {"outlet": ev.outlet, "article": ev.doc_id, "key": ev.article_key},
        "event_text": ev.evidence,
        "casualties": ev.claims.iter().map(claim_json).collect::<Vec<_>>(),
    })
}

/// A GeoJSON Point feature for a located, asserted event.
fn feature(ev: &EventRow) -> Option<Value> {
    if !happened(ev) {
        return None;
    }
    let at = ev.locations.iter().find(|l| l.coordinates.is_some())?;
    let (lat, lon) = at.coordinates?;
    if !(lat.is_finite() && lon.is_finite()) {
        return None;
    }
    let acled = acled_type(&ev.kind, &ev.mode);
    Some(json!({
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {
            "event_id": format!("{}#{}", ev.article_key, ev.local),
            "event_type": ev.kind,
            "event_mode": ev.mode,
            "acled_event_type": acled.map(|a| a.0),
            "date": ev.date,
            "published": ev.published,
            "location": at.name,
            "location_kb": at.kb,
            "country": at.country.as_deref().and_then(country_name),
            "actors": ev.actors.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
            "targets": ev.targets.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
            "outlet": ev.outlet,
            "article": ev.doc_id,
            "evidence": ev.evidence,
            "claims": ev.claims.iter().map(claim_text).collect::<Vec<_>>(),
        }
    }))
}
