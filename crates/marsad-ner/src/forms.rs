//! Tagging with scores summed once per word form.
//!
//! Most features of a token read one token only: its own word, or one neighbour's. The weights
//! of those are summed once per word form and kept in a per-thread [`FormCache`] (for one model
//! and knowledge base at a time): what the form scores by itself, and what it adds to the
//! tokens right after and right before it. A token then costs three additions of score rows
//! and the lookups of the few features that read a token two places away, several tokens
//! (bigrams, shapes) or what the knowledge base found around it (names, titles). The scores are exactly those of
//! [`Model::decode`] over [`crate::features::extract`]; a test holds the two together.

use std::cell::RefCell;
use std::rc::Rc;

use marsad_kb::{Kb, Match};
use marsad_text::{AnalysedToken, FormCache, TokenKind};

use crate::LABELS;
use crate::features::{
    Atoms, Gazetteer, Scratch, after_features, after2_features, before_features, before2_features,
    context_features, form_atoms, match_atoms, own_features, title_atoms,
};
use crate::model::Model;

/// How many forms a thread keeps scores for.
const CACHE_FORMS: usize = 100_000;

/// The rows of a form's scores: its own features, and those of the tokens right after it
/// (which read it as the previous token) and right before it. (The one feature that reads a
/// token two places away, its core, is looked up per token: a row for it would make every
/// form's record larger, and the records' size is what the cache's speed depends on.)
const OWN: usize = 0;
const AS_PREVIOUS: usize = 1;
const AS_NEXT: usize = 2;

type Scores = [[i32; LABELS]; 3];

/// A word form's atoms, keys and summed scores.
#[derive(Debug)]
struct Form {
    /// [`Atoms::context_part`].
    context: (u64, u8),
    /// Its knowledge-base key as written (titles go on with it).
    written: Box<str>,
    /// Its core key, where a title starts with it.
    title_start: Option<Box<str>>,
    scores: Scores,
}

#[derive(Debug)]
struct Cache {
    forms: FormCache<Rc<Form>>,
    /// The scores of the edges (before the first token and after the last).
    edge: Scores,
    owner: Option<u64>,
    scratch: Scratch,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache {
        forms: FormCache::new(CACHE_FORMS),
        edge: [[0; LABELS]; 3],
        owner: None,
        scratch: Scratch::default(),
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
        let mut s = [[0; LABELS]; 3];
        for kb_part in [false, true] {
            if kb_part && !gaz {
                break;
            }
            own_features(a, kb_part, &mut |h| self.add_weights(&mut s[OWN], h));
            before_features(a, kb_part, &mut |h| self.add_weights(&mut s[AS_PREVIOUS], h));
            after_features(a, kb_part, &mut |h| self.add_weights(&mut s[AS_NEXT], h));
        }
        s
    }

    fn form(&self, t: &AnalysedToken, normalized: &str, kb: Option<&Kb>, scratch: &mut Scratch) -> Form {
        let (atoms, written, core) = form_atoms(t, normalized, kb, scratch);
        let title_start = kb
            .filter(|kb| t.token.kind == TokenKind::Arabic && !core.is_empty() && kb.starts_title(&core))
            .map(|_| core);
        Form {
            scores: self.form_scores(&atoms, kb.is_some()),
            context: atoms.context_part(),
            written,
            title_start,
        }
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
            let Cache { forms, edge, owner, scratch } = &mut *cache;
            let id = self.id().wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ kb.map_or(0, Kb::id);
            if *owner != Some(id) {
                forms.keep_for(id);
                *edge = self.form_scores(&Atoms::edge(), gaz);
                *owner = Some(id);
            }
            let ids = forms.ids(sentence, |t| Rc::new(self.form(t, normalized, kb, scratch)));
            let sentence_forms: Vec<Rc<Form>> = ids.into_iter().map(|id| Rc::clone(forms.get(id))).collect();
            Some(self.form_emissions(&sentence_forms, edge, kb.map(|kb| Gazetteer { kb, matches })))
        })
    }

    fn form_emissions(
        &self,
        forms: &[Rc<Form>],
        edge: &Scores,
        gazetteer: Option<Gazetteer<'_>>,
    ) -> Vec<[i32; LABELS]> {
        let n = forms.len();
        let mut atoms: Vec<Atoms> = forms.iter().map(|f| Atoms::from_context_part(f.context)).collect();
        if let Some(g) = gazetteer {
            match_atoms(g, &mut atoms);
            title_atoms(
                g.kb,
                &mut atoms,
                |i| forms.get(i).and_then(|f| f.title_start.as_deref()),
                |i| forms.get(i).map(|f| &*f.written),
            );
        }
        let edge_atoms = Atoms::edge();
        let at =
            |i: usize, back: usize| i.checked_sub(back).and_then(|j| atoms.get(j)).unwrap_or(&edge_atoms);
        let row = |i: Option<usize>, which: usize| {
            i.and_then(|j| forms.get(j)).map_or(&edge[which], |f| &f.scores[which])
        };
        let mut emissions = Vec::with_capacity(n);
        for i in 0..n {
            let mut s = forms[i].scores[OWN];
            add_row(&mut s, row(i.checked_sub(1), AS_PREVIOUS));
            add_row(&mut s, row(Some(i + 1), AS_NEXT));
            let (a, m1, p1) = (&atoms[i], at(i, 1), atoms.get(i + 1).unwrap_or(&edge_atoms));
            before2_features(at(i, 2), &mut |h| self.add_weights(&mut s, h));
            after2_features(atoms.get(i + 2).unwrap_or(&edge_atoms), &mut |h| self.add_weights(&mut s, h));
            context_features(a, m1, p1, false, &mut |h| self.add_weights(&mut s, h));
            if gazetteer.is_some() {
                context_features(a, m1, p1, true, &mut |h| self.add_weights(&mut s, h));
            }
            emissions.push(s);
        }
        emissions
    }
}
