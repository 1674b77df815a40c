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

use crate::{ClaimRow, EventRow, MergedEvent, Party, Store, StoreError};

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
/// actor2's side and for civilians, every linked claim as text, where the event comes from
/// (the articles' keys, `; `-separated), its id (`m` and the merged event's number, else the
/// article key and the record's event id) and how many reports were merged into it.
pub const CLAIM_HEADER: [&str; 8] = [
    "actor1_killed",
    "actor2_killed",
    "civilians_killed",
    "wounded",
    "claims",
    "article",
    "event_id",
    "reports",
];

/// Where [`CLAIM_HEADER`] starts in a row.
const CLAIM_HEADER_AT: usize = ACLED_HEADER.len();

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
            store.for_each_merged_event(&mut |m| {
                match combine(&m, true).as_ref().and_then(|ev| acled_row(ev).map(|r| (ev, r))) {
                    Some((ev, mut row)) => {
                        row.push(sources(&m, true).len().to_string());
                        row[CLAIM_HEADER_AT + 6] = merged_id(&m, ev);
                        let fields: Vec<&str> = row.iter().map(String::as_str).collect();
                        write_csv_row(out, &fields)?;
                        stats.written += 1;
                    }
                    None => stats.left_out += m.members.len() as u64,
                }
                Ok(())
            })?
        }
        Format::PloverJson => store.for_each_merged_event(&mut |m| {
            let Some(ev) = combine(&m, false) else { return Ok(()) };
            let mut v = plover(&ev);
            v["event_id"] = json!(merged_id(&m, &ev));
            v["merged_event"] = json!(m.id);
            v["sources"] = Value::Array(
                m.members
                    .iter()
                    .map(|e| {
                        json!({
                            "event_id": format!("{}#{}", e.article_key, e.local),
                            "outlet": e.outlet,
                            "article": e.doc_id,
                            "key": e.article_key,
                            "published": e.published,
                            "event_date": e.date,
                            "claimant": e.claimant.as_ref().map(party_json),
                            "modality": e.modality,
                            "negated": e.negated,
                            "event_text": e.evidence,
                        })
                    })
                    .collect(),
            );
            serde_json::to_writer(&mut *out, &v).map_err(std::io::Error::from)?;
            out.write_all(b"\n")?;
            stats.written += 1;
            Ok(())
        })?,
        Format::Geojson => {
            out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")?;
            store.for_each_merged_event(&mut |m| {
                match combine(&m, true).as_ref().and_then(|ev| feature(ev).map(|f| (ev, f))) {
                    Some((ev, mut f)) => {
                        f["properties"]["event_id"] = json!(merged_id(&m, ev));
                        f["properties"]["merged_event"] = json!(m.id);
                        f["properties"]["reports"] = json!(sources(&m, true).len());
                        if stats.written > 0 {
                            out.write_all(b",\n")?;
                        } else {
                            out.write_all(b"\n")?;
                        }
                        serde_json::to_writer(&mut *out, &f).map_err(std::io::Error::from)?;
                        stats.written += 1;
                    }
                    None => stats.left_out += m.members.len() as u64,
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

/// The members of a merged event that count: those reported as having happened, or all.
fn sources(m: &MergedEvent, happened_only: bool) -> Vec<&EventRow> {
    m.members.iter().filter(|e| !happened_only || happened(e)).collect()
}

/// The id of an exported event: `m` and the merged event's number, else the single report's.
fn merged_id(m: &MergedEvent, ev: &EventRow) -> String {
    match m.id {
        Some(id) => format!("m{id}"),
        None => format!("{}#{}", ev.article_key, ev.local),
    }
}

/// One event row standing for a merged event (its members that happened, or all of them):
/// the first located member's evidence and parties (parties taken from the next members
/// when it has none), every member's claims (per side, the exports take the largest figure,
/// so that outlets repeating one toll do not add up), the outlets and article keys of all,
/// and the merged days as the date.
fn combine(m: &MergedEvent, happened_only: bool) -> Option<EventRow> {
    let members = sources(m, happened_only);
    let rep =
        members.iter().find(|e| e.locations.iter().any(|l| l.coordinates.is_some())).or(members.first())?;
    let mut ev: EventRow = (*rep).clone();
    if members.len() == 1 {
        return Some(ev);
    }
    for e in &members {
        if ev.actors.is_empty() {
            ev.actors = e.actors.clone();
        }
        if ev.targets.is_empty() {
            ev.targets = e.targets.clone();
        }
        if ev.locations.is_empty() {
            ev.locations = e.locations.clone();
        }
    }
    ev.claims = members.iter().flat_map(|e| e.claims.iter().cloned()).collect();
    let mut outlets: Vec<String> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for e in &members {
        if let Some(o) = &e.outlet
            && !outlets.contains(o)
        {
            outlets.push(o.clone());
        }
        if !keys.contains(&e.article_key) {
            keys.push(e.article_key.clone());
        }
    }
    ev.outlet = (!outlets.is_empty()).then(|| outlets.join("; "));
    ev.article_key = keys.join("; ");
    ev.date = match (&m.first, &m.last) {
        (Some(f), Some(l)) if f == l => Some(f.clone()),
        (Some(f), Some(l)) => Some(format!("{f}/{l}")),
        _ => ev.date,
    };
    ev.published = members.iter().filter_map(|e| e.published.clone()).min();
    Some(ev)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn event(key: &str, outlet: &str, killed: u64, located: bool) -> EventRow {
        let place = Party {
            name: "Jermuk".into(),
            kb: Some("place:jermuk".into()),
            coordinates: located.then_some((39.84, 45.67)),
            ..Party::default()
        };
        let claim = ClaimRow {
            article_key: key.into(),
            doc_id: key.into(),
            outlet: Some(outlet.into()),
            published: Some("2022-09-13".into()),
            count: Some(killed),
            qualifier: "exact".into(),
            kind: "killed".into(),
            population: "military".into(),
            side: Some(Party { name: "Armenia".into(), kb: Some("country:am".into()), ..Party::default() }),
            claimant: None,
            reported_by: vec![],
            date: None,
            cumulative: false,
            event: Some("v1".into()),
            places: vec![],
            event_type: None,
            evidence: "e".into(),
        };
        EventRow {
            article_key: key.into(),
            doc_id: key.into(),
            outlet: Some(outlet.into()),
            published: Some("2022-09-13".into()),
            local: "v1".into(),
            kind: "FIGHT".into(),
            mode: "shelling".into(),
            date: Some("2022-09-13".into()),
            modality: None,
            negated: false,
            actors: vec![Party { name: "Azerbaijan".into(), ..Party::default() }],
            targets: vec![],
            locations: vec![place],
            claimant: None,
            reported_by: vec![],
            evidence: "قصف".into(),
            claims: vec![claim],
        }
    }

    #[test]
    fn a_merged_event_is_one_acled_row_with_every_source_and_no_double_count() {
        let m = MergedEvent {
            id: Some(7),
            kind: "FIGHT".into(),
            mode: "shelling".into(),
            first: Some("2022-09-13".into()),
            last: Some("2022-09-13".into()),
            members: vec![
                event("a", "AFP", 49, false),
                event("b", "Asharq", 49, true),
                event("c", "AFP", 50, true),
            ],
        };
        let ev = combine(&m, true).unwrap();
        assert_eq!(ev.outlet.as_deref(), Some("AFP; Asharq"));
        assert_eq!(ev.article_key, "a; b; c");
        assert!(ev.locations[0].coordinates.is_some(), "the located report stands for the event");
        let row = acled_row(&ev).unwrap();
        assert_eq!(row[15], "50", "the largest figure per side, not the sum of the reports");
        assert_eq!(merged_id(&m, &ev), "m7");
    }
}
