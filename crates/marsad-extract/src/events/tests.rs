//! The event rules on sentences like those of the corpus.
