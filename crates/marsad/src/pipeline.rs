//! Streaming, parallel, ordered processing of an input stream.
//!
//! A reader thread pulls items from the inputs and groups them into batches bounded in count
//! and bytes; a bounded channel keeps at most a few batches in flight, so memory does not grow
//! with the corpus. Each batch is processed in parallel (rayon) and its results come back in
//! input order, so output is deterministic whatever the number of threads.

use std::thread;

use crossbeam_channel::{Receiver, bounded};
use marsad_ingest::{Inputs, Item};
use rayon::prelude::*;

/// Batches close at this many items...
const BATCH_ITEMS: usize = 512;
/// ...or this many bytes of article text.
const BATCH_BYTES: usize = 8 << 20;
/// Batches read ahead of the one being processed.
const READ_AHEAD: usize = 2;

/// Bytes of article text an item carries (for batch sizing and statistics).
pub fn item_bytes(item: &Item) -> usize {
    match item {
        Item::Document(doc) => doc.text.len(),
        Item::Skipped(_) => 0,
    }
}

/// Starts reading `inputs` on a thread of its own; returns the batches in input order.
pub fn read_batches(inputs: Inputs) -> (Receiver<Vec<Item>>, thread::JoinHandle<Inputs>) {
    read_batches_of(inputs, BATCH_ITEMS)
}

/// [`read_batches`] with batches closing at `items` items (and still at [`BATCH_BYTES`]).
pub fn read_batches_of(inputs: Inputs, items: usize) -> (Receiver<Vec<Item>>, thread::JoinHandle<Inputs>) {
    let items = items.max(1);
    let (tx, rx) = bounded(READ_AHEAD);
    let handle = thread::Builder::new()
        .name("marsad-reader".into())
        .spawn(move || {
            let mut inputs = inputs;
            let mut batch = Vec::with_capacity(items);
            let mut bytes = 0;
            for item in inputs.by_ref() {
                bytes += item_bytes(&item);
                batch.push(item);
                if batch.len() >= items || bytes >= BATCH_BYTES {
                    if tx.send(std::mem::take(&mut batch)).is_err() {
                        // the consumer stopped (e.g. its output closed): stop reading
                        return inputs;
                    }
                    bytes = 0;
                }
            }
            if !batch.is_empty() {
                let _ = tx.send(batch);
            }
            inputs
        })
        .expect("spawning the reader thread");
    (rx, handle)
}

/// Processes every batch in parallel with `work`, handing each batch's results, in input
/// order, to `sink`. Stops early when `sink` returns an error.
pub fn run<T, E>(
    batches: Receiver<Vec<Item>>,
    work: impl Fn(Item) -> T + Sync,
    mut sink: impl FnMut(Vec<T>) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
{
    for batch in batches {
        let results: Vec<T> = batch.into_par_iter().map(&work).collect();
        sink(results)?;
    }
    Ok(())
}
