//! Tagging with scores summed once per word form.
//!
//! Most features of a token read one token only: its own word, or one neighbour's. The weights
//! of those are summed once per word form and kept in a per-thread [`FormTable`] (for one model
//! and knowledge base at a time): what the form scores by itself, and what it adds to the
//! tokens one and two places after and before it. The feature reading the shapes of three
//! tokens is summed once per triple of shapes (there are a thousand). A token then costs five
//! additions of score rows, one for its shapes, and the lookups of the few features that read
//! what the knowledge base found around it (names, titles). The scores are exactly those of
//! [`Model::decode`] over [`crate::features::extract`] (integer additions wrap, so their order
//! does not matter); a test holds the two together.

use std::cell::RefCell;

use marsad_kb::{Kb, Match};
use marsad_text::{AnalysedToken, FormTable, TokenKind, prefetch};

use crate::LABELS;
use crate::features::{
    Atoms, Gazetteer, SHAPES, Scratch, after_features, after2_features, before_features, before2_features,
    form_atoms, gazetteer_context_features, match_atoms, own_features, shapes_feature, title_atoms,
};
use crate::model::Model;

/// The rows of a form's scores: its own features, and those of the tokens one place after it
/// (which read it as the previous token), one place before it, two places after it and two
/// places before it. A row added costs less than a feature looked up in the model's table
/// (whose slots are mostly out of the processor's cache).
const OWN: usize = 0;
const AS_PREVIOUS: usize = 1;
const AS_NEXT: usize = 2;
const AS_SECOND_PREVIOUS: usize = 3;
const AS_SECOND_NEXT: usize = 4;

type Scores = [[i32; LABELS]; 5];

/// How many tokens ahead of the one scored the rows of a form are fetched: a sentence's forms
/// lie scattered in the table of forms, and a token reads the rows of the two after it.
const AHEAD: usize = 4;

/// The rows of the shapes feature, by the shapes of the previous token, the token and the next
/// one (`(m1 · (SHAPES + 1) + a) · (SHAPES + 1) + p1`).
const SHAPE_ROWS: usize = (SHAPES + 1) * (SHAPES + 1) * (SHAPES + 1);

/// A word form's atoms, keys and summed scores.
#[derive(Debug)]
struct Form {
    /// Its shape ([`Atoms::shape`]): what the features reading several tokens need of its
    /// lexical atoms.
    shape: u8,
    /// Its knowledge-base key as written (titles go on with it).
    written: Box<str>,
    /// Its core key, where a title starts with it.
    title_start: Option<Box<str>>,
    scores: Scores,
}

#[derive(Debug)]
struct Cache {
    forms: FormTable<Form>,
    /// The scores of the edges (before the first token and after the last).
    edge: Scores,
    /// The shapes feature's scores ([`SHAPE_ROWS`]).
    shapes: Vec<[i32; LABELS]>,
    owner: Option<u64>,
    scratch: Scratch,
    /// The atoms of a sentence's tokens (reused).
    atoms: Vec<Atoms>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache {
        forms: FormTable::new(),
        edge: [[0; LABELS]; 5],
        shapes: Vec::new(),
        owner: None,
        scratch: Scratch::default(),
        atoms: Vec::new(),
    });
}

#[inline]
fn add_row(acc: &mut [i32; LABELS], row: &[i32; LABELS]) {
    for (a, r) in acc.iter_mut().zip(row) {
        *a = a.wrapping_add(*r);
    }
}

impl Model {
    /// Adds the weights of feature `h` (if the model has it) to `acc`.
    #[inline]
    pub(crate) fn add_weights(&self, acc: &mut [i32; LABELS], h: u64) {
        if let Some(w) = self.weights(h) {
            for (a, x) in acc.iter_mut().zip(w) {
                *a = a.wrapping_add(i32::from(*x));
            }
        }
    }

    /// The summed scores of the single-token features of a token with atoms `a`.
    fn form_scores(&self, a: &Atoms, gaz: bool) -> Scores {
        let mut s = [[0; LABELS]; 5];
        for kb_part in [false, true] {
            if kb_part && !gaz {
                break;
            }
            own_features(a, kb_part, &mut |h| self.add_weights(&mut s[OWN], h));
            before_features(a, kb_part, &mut |h| self.add_weights(&mut s[AS_PREVIOUS], h));
            after_features(a, kb_part, &mut |h| self.add_weights(&mut s[AS_NEXT], h));
        }
        before2_features(a, &mut |h| self.add_weights(&mut s[AS_SECOND_PREVIOUS], h));
        after2_features(a, &mut |h| self.add_weights(&mut s[AS_SECOND_NEXT], h));
        s
    }

    /// The shapes feature's scores for every triple of shapes ([`SHAPE_ROWS`]).
    fn shape_scores(&self) -> Vec<[i32; LABELS]> {
        let mut rows = vec![[0; LABELS]; SHAPE_ROWS];
        for (k, row) in rows.iter_mut().enumerate() {
            let n = SHAPES + 1;
            let (m1, a, p1) = (k / (n * n), k / n % n, k % n);
            self.add_weights(row, shapes_feature(m1 as u8, a as u8, p1 as u8));
        }
        rows
    }

    fn form(&self, t: &AnalysedToken, normalized: &str, kb: Option<&Kb>, scratch: &mut Scratch) -> Form {
        let (atoms, written, core) = form_atoms(t, normalized, kb, scratch);
        let title_start = kb
            .filter(|kb| t.token.kind == TokenKind::Arabic && !core.is_empty() && kb.starts_title(&core))
            .map(|_| core);
        Form { scores: self.form_scores(&atoms, kb.is_some()), shape: atoms.shape(), written, title_start }
    }

    /// The label indices of the best sequence for a sentence (as [`Model::decode`] over
    /// [`crate::features::extract`], with the form scores cached).
    pub(crate) fn decode_sentence(
        &self,
        sentence: &[AnalysedToken],
        normalized: &str,
        kb: &Kb,
        matches: &[Match],
    ) -> Option<Vec<usize>> {
        self.sentence_emissions(sentence, normalized, kb, matches).map(|e| self.best_path(&e))
    }

    /// The emission scores of a sentence's tokens, from the cached form scores (as
    /// [`Model::emissions`] over [`crate::features::extract`]); `None` when the thread's cache
    /// is in use.
    pub(crate) fn sentence_emissions(
        &self,
        sentence: &[AnalysedToken],
        normalized: &str,
        kb: &Kb,
        matches: &[Match],
    ) -> Option<Vec<[i32; LABELS]>> {
        let gaz = self.info().gazetteer;
        let kb = gaz.then_some(kb);
        CACHE.with(|cache| {
            let mut cache = cache.try_borrow_mut().ok()?;
            let Cache { forms, edge, shapes, owner, scratch, atoms } = &mut *cache;
            let id = self.id().wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ kb.map_or(0, Kb::id);
            if *owner != Some(id) {
                forms.keep_for(id);
                *edge = self.form_scores(&Atoms::edge(), gaz);
                *shapes = self.shape_scores();
                *owner = Some(id);
            }
            let ids = forms.fill(sentence, |_, t| self.form(t, normalized, kb, scratch));
            let sentence_forms: Vec<&Form> = ids.into_iter().map(|id| forms.get(id)).collect();
            let gazetteer = kb.map(|kb| Gazetteer { kb, matches });
            Some(self.form_emissions(&sentence_forms, edge, shapes, gazetteer, atoms))
        })
    }

    fn form_emissions(
        &self,
        forms: &[&Form],
        edge: &Scores,
        shapes: &[[i32; LABELS]],
        gazetteer: Option<Gazetteer<'_>>,
        atoms: &mut Vec<Atoms>,
    ) -> Vec<[i32; LABELS]> {
        let n = forms.len();
        // the forms lie scattered in the table of forms: the shapes are read a few forms ahead of
        // where they are fetched, and so are the score rows afterwards
        for f in forms.iter().take(AHEAD) {
            prefetch(&f.shape);
        }
        atoms.clear();
        atoms.extend(forms.iter().enumerate().map(|(i, f)| {
            if let Some(ahead) = forms.get(i + AHEAD) {
                prefetch(&ahead.shape);
            }
            Atoms::of_shape(f.shape)
        }));
        for f in forms.iter().take(AHEAD) {
            prefetch(&f.scores);
        }
        if let Some(g) = gazetteer {
            match_atoms(g, atoms);
            title_atoms(
                g.kb,
                atoms,
                |i| forms.get(i).and_then(|f| f.title_start.as_deref()),
                |i| forms.get(i).map(|f| &*f.written),
            );
        }
        let edge_atoms = Atoms::edge();
        let at = |i: Option<usize>| i.and_then(|j| atoms.get(j)).unwrap_or(&edge_atoms);
        let row = |i: Option<usize>, which: usize| {
            i.and_then(|j| forms.get(j)).map_or(&edge[which], |f| &f.scores[which])
        };
        let shape_row = |m1: &Atoms, a: &Atoms, p1: &Atoms| {
            let k = (usize::from(m1.shape()) * (SHAPES + 1) + usize::from(a.shape())) * (SHAPES + 1)
                + usize::from(p1.shape());
            shapes.get(k)
        };
        let mut emissions = Vec::with_capacity(n);
        for i in 0..n {
            if let Some(f) = forms.get(i + AHEAD) {
                prefetch(&f.scores);
            }
            let mut s = forms[i].scores[OWN];
            add_row(&mut s, row(i.checked_sub(1), AS_PREVIOUS));
            add_row(&mut s, row(Some(i + 1), AS_NEXT));
            add_row(&mut s, row(i.checked_sub(2), AS_SECOND_PREVIOUS));
            add_row(&mut s, row(Some(i + 2), AS_SECOND_NEXT));
            let (a, m1, p1) = (&atoms[i], at(i.checked_sub(1)), at(Some(i + 1)));
            match shape_row(m1, a, p1) {
                Some(r) => add_row(&mut s, r),
                None => self.add_weights(&mut s, shapes_feature(m1.shape(), a.shape(), p1.shape())),
            }
            if gazetteer.is_some() {
                gazetteer_context_features(a, m1, p1, &mut |h| self.add_weights(&mut s, h));
            }
            emissions.push(s);
        }
        emissions
    }
}
