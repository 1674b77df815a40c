//! The claim ledger: every casualty figure per side, kind and population over time, each with
//! its claimant, outlet and evidence, and a note on how it relates to the figures before it.
//!
//! A figure is read as the range of counts it allows (`49` exactly 49, `more than 200` 201 and
//! up, `about 100` 80 to 120, `at least 286` 286 and up) and has two dates: when it was
//! reported (the article's publication date) and the period it is about (the claim's date:
//! a day, a month, a year). Figures are listed in the order they were reported; each is
//! compared with the earlier figures about the same period (one period contains the other:
//! `2022-09` contains `2022-09-13`):
//!
//! - `first`: none before it for that period;
//! - `update +N`: above every earlier figure for the period: a running total that grew (tolls
//!   of a war are reported as rising totals, so a larger later figure is not a contradiction),
//!   by N over the largest of them as told (`at least 286` after `more than 200`: +86);
//! - `agrees`: its range meets an earlier figure's;
//! - `CONTRADICTS #i`: reported the same day as figure `i` by another claimant, with a figure
//!   that cannot meet it; or below figure `i` for the same period (totals do not fall). Not
//!   when the two figures' events happened in different places (towns, provinces: not
//!   countries), both named, or are of different categories (a protest shot at, an air
//!   strike).
//!
//! An article's figures are compared with other articles' figures only: the figures of one
//! side on one day within one article are its separate incidents or the parts of a toll.
//!
//! ```
//! use marsad_store::ledger::interval;
//! assert_eq!(interval(Some(200), "more_than"), (201, u64::MAX));
//! assert_eq!(interval(Some(49), "exact"), (49, 49));
//! ```

use std::fmt::Write as _;

use crate::ClaimRow;

/// How a figure relates to the earlier ones of its group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    First,
    Agrees,
    /// Above every earlier figure, by this much (its count less the largest earlier count).
    Update(u64),
    /// Cannot be reconciled with the earlier figure at this index of the group.
    Contradicts(usize),
    /// Not comparable with the earlier figures (not used for figures with a count).
    Other,
}

/// One figure of the ledger.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub claim: ClaimRow,
    /// The period the claim is about: its date, else the article's publication date.
    pub date: String,
    /// When it was reported: the article's publication date (else the claim's date).
    pub reported: String,
    pub note: Note,
}

/// The figures of one side, kind and population, in date order.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub side: String,
    pub kind: String,
    pub population: String,
    pub entries: Vec<Entry>,
}

/// The range of counts a figure allows.
pub fn interval(count: Option<u64>, qualifier: &str) -> (u64, u64) {
    let Some(n) = count else { return (0, u64::MAX) };
    match qualifier {
        "exact" => (n, n),
        "about" => (n - n / 5, n + n / 5),
        "at_least" => (n, u64::MAX),
        "more_than" => (n.saturating_add(1), u64::MAX),
        "at_most" => (0, n),
        _ => (0, u64::MAX),
    }
}

fn meets(a: (u64, u64), b: (u64, u64)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

/// Whether two claim dates are about the same period: one contains the other
/// (`2022-09` and `2022-09-13TMO`).
fn same_period(a: &str, b: &str) -> bool {
    let day = |d: &str| d.get(..10).unwrap_or(d).to_string();
    let (a, b) = (day(a), day(b));
    !a.is_empty() && !b.is_empty() && (a.starts_with(&b) || b.starts_with(&a))
}

/// Groups the claims (figures without a count are left out) and notes each figure.
pub fn build(claims: Vec<ClaimRow>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for claim in claims.into_iter().filter(|c| c.count.is_some()) {
        let side = match claim.side.as_ref() {
            Some(p) if p.name == "both" && p.kb.is_none() => "both sides".to_string(),
            Some(p) => p.name.clone(),
            None => "(unknown side)".to_string(),
        };
        let date = claim.date.clone().or_else(|| claim.published.clone()).unwrap_or_default();
        let reported = claim.published.clone().unwrap_or_else(|| date.clone());
        let entry = Entry { claim, date, reported, note: Note::Other };
        match groups
            .iter_mut()
            .find(|g| g.side == side && g.kind == entry.claim.kind && g.population == entry.claim.population)
        {
            Some(g) => g.entries.push(entry),
            None => groups.push(Group {
                side,
                kind: entry.claim.kind.clone(),
                population: entry.claim.population.clone(),
                entries: vec![entry],
            }),
        }
    }
    for g in &mut groups {
        g.entries.sort_by(|a, b| (&a.reported, &a.date).cmp(&(&b.reported, &b.date)));
        for i in 0..g.entries.len() {
            g.entries[i].note = note(&g.entries[..i], &g.entries[i]);
        }
    }
    groups.sort_by(|a, b| (&a.side, &a.kind, &a.population).cmp(&(&b.side, &b.kind, &b.population)));
    groups
}

fn note(earlier: &[Entry], e: &Entry) -> Note {
    let me = interval(e.claim.count, &e.claim.qualifier);
    // an article's own figures are not compared: several figures of one side on one day in one
    // article are its incidents or the parts of a toll (`9 أفراد` of one unit, `وفردين` of
    // another), not one source telling another figure
    let period: Vec<(usize, (u64, u64), &Entry)> = earlier
        .iter()
        .enumerate()
        .filter(|(_, o)| o.claim.article_key != e.claim.article_key && same_period(&o.date, &e.date))
        .map(|(i, o)| (i, interval(o.claim.count, &o.claim.qualifier), o))
        .collect();
    // figures of events in different places (not countries) are of different happenings: the
    // day's toll of one town does not contradict another town's; nor does a toll of an air
    // strike that of a protest shot at (events of different categories)
    let apart = |o: &Entry| {
        let places = !o.claim.places.is_empty()
            && !e.claim.places.is_empty()
            && !o.claim.places.iter().any(|p| e.claim.places.contains(p));
        let kinds = matches!((&o.claim.event_type, &e.claim.event_type), (Some(a), Some(b)) if a != b);
        places || kinds
    };
    let Some(low) = period.iter().map(|p| p.1.0).max() else { return Note::First };
    // the largest figure told before, as told (`about 6500` is 6500, not its lower bound)
    let told = period.iter().filter_map(|p| p.2.claim.count).max().unwrap_or(0);
    let clash = |p: &&(usize, (u64, u64), &Entry)| {
        p.2.reported == e.reported && !meets(me, p.1) && p.2.claim.claimant != e.claim.claimant && !apart(p.2)
    };
    if let Some(p) = period.iter().find(clash) {
        return Note::Contradicts(p.0);
    }
    let count = e.claim.count.unwrap_or(0);
    if me.0 > low && count > told {
        return Note::Update(count - told);
    }
    if period.iter().any(|p| meets(me, p.1)) {
        return Note::Agrees;
    }
    match period.iter().filter(|p| me.1 < p.1.0 && !apart(p.2)).max_by_key(|p| p.1.0) {
        Some(p) => Note::Contradicts(p.0),
        None => Note::Other,
    }
}

/// A figure as read: `more than 200`.
pub fn figure(c: &ClaimRow) -> String {
    let n = c.count.map_or_else(|| "?".to_string(), |n| n.to_string());
    match c.qualifier.as_str() {
        "exact" => n,
        "about" => format!("about {n}"),
        "at_least" => format!("at least {n}"),
        "more_than" => format!("more than {n}"),
        "at_most" => format!("at most {n}"),
        _ => format!("{n}?"),
    }
}

/// The ledger as a readable table, a block per group.
pub fn render(groups: &[Group]) -> String {
    let mut out = String::new();
    for g in groups {
        let _ = writeln!(out, "== {} - {} ({})", g.side, g.kind, g.population);
        let _ = writeln!(
            out,
            "{:<3} {:<10} {:<13} {:>22}  {:<24} {:<30} {:<16} evidence",
            "#", "reported", "about", "figure", "claimant", "source", "note"
        );
        for (i, e) in g.entries.iter().enumerate() {
            let c = &e.claim;
            let claimant = c.claimant.as_ref().map_or("-", |p| p.name.as_str());
            let source = match (&c.outlet, c.reported_by.first()) {
                (Some(o), Some(agency)) => format!("{o} via {agency} [{}]", c.doc_id),
                (Some(o), None) => format!("{o} [{}]", c.doc_id),
                (None, Some(agency)) => format!("{agency} [{}]", c.doc_id),
                (None, None) => format!("[{}]", c.doc_id),
            };
            let note = match &e.note {
                Note::First => "first".to_string(),
                Note::Other => String::new(),
                Note::Agrees => "agrees".to_string(),
                Note::Update(d) => format!("update +{d}"),
                Note::Contradicts(j) => format!("CONTRADICTS #{}", j + 1),
            };
            let total = if c.cumulative { " (total)" } else { "" };
            let evidence: String = c.evidence.split_whitespace().collect::<Vec<_>>().join(" ");
            let evidence: String = evidence.chars().take(90).collect();
            let _ = writeln!(
                out,
                "#{:<2} {:<10} {:<13} {:>22}  {:<24} {:<30} {:<16} «{evidence}»",
                i + 1,
                e.reported,
                e.date,
                format!("{}{total}", figure(c)),
                clip(claimant, 24),
                clip(&source, 30),
                note
            );
        }
        out.push('\n');
    }
    out
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n { s.to_string() } else { s.chars().take(n - 1).chain(['…']).collect() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Party;

    fn claim(count: u64, qualifier: &str, about: &str, reported: &str, claimant: &str) -> ClaimRow {
        ClaimRow {
            article_key: format!("{claimant} {reported} {count}"),
            doc_id: "d".into(),
            outlet: Some("O".into()),
            published: Some(reported.into()),
            count: Some(count),
            qualifier: qualifier.into(),
            kind: "killed".into(),
            population: "military".into(),
            side: Some(Party { name: "Armenia".into(), ..Party::default() }),
            claimant: Some(Party { name: claimant.into(), ..Party::default() }),
            reported_by: vec![],
            date: Some(about.into()),
            cumulative: false,
            event: None,
            places: vec![],
            event_type: None,
            evidence: "...".into(),
        }
    }

    /// The figures of the first group with their notes.
    fn notes(groups: &[Group]) -> Vec<(u64, &Note)> {
        groups[0].entries.iter().map(|e| (e.claim.count.unwrap_or(0), &e.note)).collect()
    }

    #[test]
    fn rising_totals_are_updates_and_a_falling_or_clashing_figure_is_a_contradiction() {
        let groups = build(vec![
            claim(135, "exact", "2022-09-13", "2022-09-16", "Pashinyan"),
            claim(49, "exact", "2022-09-13TMO", "2022-09-13", "Pashinyan"),
            claim(200, "more_than", "2022-09", "2022-09-20", "Pashinyan"),
            claim(286, "at_least", "2022-09", "2022-11-25", "MoD"),
            claim(40, "exact", "2022-09-13", "2022-09-13", "Baku"),
            claim(100, "exact", "2022-09", "2022-12-05", "Someone"),
            claim(300, "about", "2022-09", "2022-11-25", "Agency"),
            claim(7, "exact", "2020-10-01", "2020-10-02", "Other war"),
        ]);
        assert_eq!(groups.len(), 1);
        let notes = notes(&groups);
        assert_eq!(
            notes,
            [
                (7, &Note::First),
                (40, &Note::First),
                (49, &Note::Contradicts(1)),
                (135, &Note::Update(86)),
                (200, &Note::Update(65)),
                (286, &Note::Update(86)),
                (300, &Note::Agrees),
                (100, &Note::Contradicts(5)),
            ]
        );
        let table = render(&groups);
        assert!(table.contains("more than 200"), "{table}");
        assert!(table.contains("update +86"), "{table}");
        assert!(table.contains("CONTRADICTS #6"), "{table}");
    }

    #[test]
    fn an_update_is_told_from_the_figures_as_told_and_a_rounded_figure_it_meets_agrees() {
        let groups = build(vec![
            claim(5000, "exact", "2020-10-23", "2020-10-24", "Putin"),
            claim(6500, "about", "2020", "2022-09-13", "AFP"),
            claim(6500, "more_than", "2020", "2022-11-25", "AFP"),
        ]);
        let notes: Vec<&Note> = groups[0].entries.iter().map(|e| &e.note).collect();
        // about 6500 (5200 to 7800) is 1500 above 5000 as told; more than 6500 meets it
        assert_eq!(notes, [&Note::First, &Note::Update(1500), &Note::Agrees]);
    }

    #[test]
    fn an_articles_own_figures_do_not_contradict_each_other() {
        let in_article = |count: u64| ClaimRow {
            article_key: "a".into(),
            ..claim(count, "exact", "2017-05-27", "2017-05-27", "Hashem")
        };
        // one article's toll by unit (9, 2 and 1), then another article's 20 and 6
        let groups = build(vec![
            in_article(9),
            in_article(2),
            in_article(1),
            claim(20, "exact", "2017-05-27", "2017-05-28", "X"),
            claim(6, "exact", "2017-05-27", "2017-05-29", "Z"),
        ]);
        let notes = notes(&groups);
        assert_eq!(
            notes,
            [
                (9, &Note::First),
                (2, &Note::First),
                (1, &Note::First),
                // above the 9 another article told
                (20, &Note::Update(11)),
                // a total that fell: below 20, the largest figure told before it
                (6, &Note::Contradicts(3)),
            ]
        );
    }

    #[test]
    fn figures_of_events_in_different_places_do_not_contradict() {
        let at = |count: u64, claimant: &str, places: Vec<i64>| ClaimRow {
            places,
            ..claim(count, "exact", "2018-05-14", "2018-05-14", claimant)
        };
        let groups = build(vec![
            at(16, "A", vec![1]),
            at(3, "B", vec![2]),
            at(2, "C", vec![1, 3]),
            at(1, "D", vec![]),
        ]);
        let notes = notes(&groups);
        // 3 in another town than 16's; 2 where 16 was; 1 with no place said
        assert_eq!(
            notes,
            [(16, &Note::First), (3, &Note::Other), (2, &Note::Contradicts(0)), (1, &Note::Contradicts(0))]
        );
    }

    #[test]
    fn figures_of_events_of_different_categories_do_not_contradict() {
        let of = |count: u64, claimant: &str, kind: Option<&str>| ClaimRow {
            event_type: kind.map(str::to_string),
            ..claim(count, "exact", "2018-05-14", "2018-05-14", claimant)
        };
        // protesters shot (16), an air strike (2), then a figure of the same protest (3)
        let groups =
            build(vec![of(16, "A", Some("PROTEST")), of(2, "B", Some("FIGHT")), of(3, "C", Some("PROTEST"))]);
        let notes = notes(&groups);
        assert_eq!(notes, [(16, &Note::First), (2, &Note::Other), (3, &Note::Contradicts(0))]);
    }
}
