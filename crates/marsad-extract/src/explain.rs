//! Events and casualty claims rendered as readable lines, and the reasons behind each, for a
//! user asking "why?" (`marsad extract --explain`) and for the golden tests.
//!
//! ```text
//! v3 FIGHT/shelling 2022-09-13 | actors: Azerbaijan | targets: Armenia | at: Jermuk | «شنّت أذربيجان قصفا ...»
//!   why: trigger «قصفا» (triggers.tsv: قصف, rank 2) won its clause; mode from «بالمدفعية» (modes.tsv); date: sentence
//! 135 killed military Armenia | claimant: Nikol Pashinyan | 2022-09-13 | event: v3 | rule: noun | «135 جنديًّا»
//!   why: the counted noun says what happened to them
//! ```

use std::fmt::Write;

use crate::casualties::{Casualty, Party};
use crate::events::{Event, Modality};
use crate::extract::Extraction;
use crate::wire::event_id;

/// The name of a party: the entity's English name, a country's name, or `both`.
fn name(p: &Party, ex: &Extraction) -> String {
    match p {
        Party::Entity(i) => ex.entities.get(*i).map_or_else(|| format!("e{}", i + 1), |e| e.name.clone()),
        Party::Name(n) => n.clone(),
        Party::Both => "both".to_string(),
    }
}

fn names(ps: &[Party], ex: &Extraction) -> String {
    ps.iter().map(|p| name(p, ex)).collect::<Vec<_>>().join(", ")
}

/// Text of a span of `text`, on one line.
fn quoted(text: &str, span: marsad_text::Span) -> String {
    let s = text.get(span.range()).unwrap_or("");
    format!("«{}»", s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// One line for an event.
pub fn event_line(i: usize, e: &Event, text: &str, ex: &Extraction) -> String {
    let mut line = format!("{} {}/{}", event_id(i), e.category.as_str(), e.mode);
    if let Some(d) = &e.date {
        let _ = write!(line, " {d}");
    }
    if !e.actors.is_empty() {
        let _ = write!(line, " | actors: {}", names(&e.actors, ex));
    }
    if !e.targets.is_empty() {
        let _ = write!(line, " | targets: {}", names(&e.targets, ex));
    }
    if !e.locations.is_empty() {
        let at: Vec<String> =
            e.locations.iter().filter_map(|&l| ex.entities.get(l)).map(|x| x.name.clone()).collect();
        let _ = write!(line, " | at: {}", at.join(", "));
    }
    if let Some(c) = &e.claimant {
        let _ = write!(line, " | claimant: {}", name(c, ex));
    }
    if !e.reported_by.is_empty() {
        let r: Vec<String> = e.reported_by.iter().map(|&r| name(&Party::Entity(r), ex)).collect();
        let _ = write!(line, " | reported_by: {}", r.join(", "));
    }
    if e.modality != Modality::Asserted {
        let _ = write!(line, " | {}", e.modality.as_str());
    }
    if e.negated {
        line.push_str(" | negated");
    }
    let _ = write!(line, " | {}", quoted(text, e.evidence));
    line
}

/// Why an event is there, in one line.
pub fn event_reason(e: &Event, text: &str) -> String {
    let x = &e.explanation;
    let mut why = match x.rule {
        "reference" => format!(
            "trigger {} (triggers.tsv: {}) refers to what happened after a preposition of time, and nothing else in the sentence is an event",
            quoted(text, e.trigger),
            x.entry
        ),
        _ => format!(
            "trigger {} (triggers.tsv: {}, rank {}) won its clause",
            quoted(text, e.trigger),
            x.entry,
            x.rank
        ),
    };
    if !x.outranked.is_empty() {
        let _ = write!(why, " over {}", x.outranked.join(", "));
    }
    if let Some((w, s)) = &x.refined_by {
        let _ = write!(why, "; mode from {} (modes.tsv: {w})", quoted(text, *s));
    }
    for (role, s) in &x.markers {
        let _ = write!(why, "; {role}: {}", quoted(text, *s));
    }
    if let Some(d) = e.date_from {
        let _ = write!(why, "; date: {}", d.as_str());
    }
    if let Some(l) = e.locations_from.filter(|&l| l != crate::events::LocationsFrom::Clause) {
        let _ = write!(why, "; locations: {}", l.as_str());
    }
    why
}

/// One line for a casualty claim.
pub fn claim_line(c: &Casualty, event: Option<usize>, text: &str, ex: &Extraction) -> String {
    let count = c.count.map_or_else(|| "?".to_string(), |n| n.to_string());
    let mut line = format!("{count} {} {}", c.kind.as_str(), c.population.as_str());
    if c.qualifier != "exact" {
        let _ = write!(line, " ({})", c.qualifier);
    }
    if let Some(s) = &c.side {
        let _ = write!(line, " {}", name(s, ex));
    }
    if let Some(cl) = &c.claimant {
        let _ = write!(line, " | claimant: {}", name(cl, ex));
    }
    if !c.reported_by.is_empty() {
        let r: Vec<String> = c.reported_by.iter().map(|&r| name(&Party::Entity(r), ex)).collect();
        let _ = write!(line, " | reported_by: {}", r.join(", "));
    }
    if let Some(d) = &c.date {
        let _ = write!(line, " | {d}");
    }
    if c.cumulative {
        line.push_str(" | cumulative");
    }
    if let Some(v) = event {
        let _ = write!(line, " | event: {}", event_id(v));
    }
    let _ = write!(line, " | rule: {} | {}", c.rule, quoted(text, c.evidence));
    line
}

/// Why a casualty claim is there, in one line.
pub fn claim_reason(c: &Casualty) -> &'static str {
    match c.rule {
        "noun" => "the counted noun says what happened to them (data/casualties/nouns.tsv)",
        "after" => "a casualty verb right after the figure says what happened (data/casualties/triggers.tsv)",
        "before" => {
            "the nearest casualty word before the figure in its clause says what happened (data/casualties/triggers.tsv)"
        }
        "no-count" => {
            "a casualty word before people in the plural, with no figure (data/casualties/triggers.tsv)"
        }
        _ => "see the casualty layer's rules (crates/marsad-extract/src/casualties)",
    }
}

/// How a claim's side was found, in words.
pub fn side_reason(c: &Casualty) -> &'static str {
    match c.side_rule {
        "clause" => "its own words name whose people they are (a nisba, a force, في صفوف)",
        "others" => "others of the figure told before them",
        "said-after" => "what most or all of them were, said after them (أغلبهم إيرانيون)",
        "sufferer" => "the subject of the verb of losses (تكبد, خسر)",
        "site" => "the force whose positions were hit",
        "article-group" => "fighters named as the other side: the armed group the article names",
        "speaker-own" => "their own people, as the speaker says (قواتها, عناصرها)",
        "possessor" => "the body or country named last before their pronoun",
        "claimant-force" => "soldiers of the claimant's force or country",
        "paragraph-army" => "soldiers, after the one army their paragraph (else the article) names",
        "war" => "people of no stated side in fighting: both sides",
        "claimant-country" => "no side stated: the claimant's country",
        "place" => "no side stated: the country where it happened",
        "article-country" => "no side stated: the article's country",
        _ => "not found",
    }
}

/// How a claim's claimant was found, in words.
pub fn claimant_reason(c: &Casualty) -> &'static str {
    match c.claimant_rule {
        "speech-after" => "the subject of a verb of saying before it (قالت وزارة الدفاع)",
        "speech-before" => "a name just before a verb of saying (إن المرصد السوري أكد)",
        "pronoun" => "a verb of saying with no subject: the last speaker of its gender",
        "source" => "the name after \"according to\" (بحسب, وفقا ل, نقلا عن)",
        "statement" => "the owner of a statement or report (بيان وزارة الدفاع)",
        "statement-last" => "a statement of no owner named: the last speaker's",
        "agency" => "a news agency that tells it and names no one else",
        "anonymous" => "a speaker of no name (مصدر عسكري, مراسلنا)",
        "carried" => "the speaker of an earlier sentence of its paragraph",
        "between" => "a paragraph of no source between two quoting the same statement",
        _ => "no one claims it in the text",
    }
}

/// The events and claims of an article, one line each; with `why`, each followed by the
/// reason for it.
pub fn render(text: &str, ex: &Extraction, why: bool) -> String {
    let mut out = String::new();
    for (i, e) in ex.events.iter().enumerate() {
        out.push_str(&event_line(i, e, text, ex));
        out.push('\n');
        if why {
            let _ = writeln!(out, "  why: {}", event_reason(e, text));
        }
    }
    for (i, c) in ex.casualties.iter().enumerate() {
        let event = ex.claim_events.get(i).copied().flatten();
        out.push_str(&claim_line(c, event, text, ex));
        out.push('\n');
        if why {
            let _ = writeln!(
                out,
                "  why: {}; side: {}; claimant: {}",
                claim_reason(c),
                side_reason(c),
                claimant_reason(c)
            );
        }
    }
    out
}
