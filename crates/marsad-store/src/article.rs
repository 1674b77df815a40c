//! An article ready to be stored: its record, its identity, its content hash and its
//! search terms, all computed outside the writer (in the extraction workers) so that the one
//! writer thread only writes.

use sha2::{Digest, Sha256};

use crate::StoreError;
use crate::record::Record;
use crate::sketch::Sketch;
use crate::sketch::term_hash;
use crate::terms::each_term;
use marsad_text::Normalizer;

/// The first byte of a record compressed with LZ4 (the size of the JSON follows, then the
/// block). Records of databases written before were raw deflate streams, whose first byte
/// cannot be 0x06 (its bits 1-2 would be block type 3, which deflate reserves), so both read.
const LZ4: u8 = 0x06;

/// Compresses a stored record (records are three times their text in JSON; compressed, a
/// fraction of it) with LZ4: the workers pay for it, and a record costs a few microseconds
/// (deflate at its fastest cost a tenth of the ingest, most of it in setting up the
/// compressor for each record).
pub fn compress(json: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(1 + json.len() / 2);
    out.push(LZ4);
    out.extend_from_slice(&lz4_flex::compress_prepend_size(json));
    out
}

/// Reads a stored record back: LZ4 ([`compress`]) or deflate (databases written before).
pub fn decompress(stored: &[u8]) -> Result<String, StoreError> {
    let bad = |m: String| StoreError::Record { key: String::new(), message: format!("stored record: {m}") };
    let bytes = match stored.split_first() {
        Some((&LZ4, block)) => {
            // the announced size is checked before anything is allocated for it
            let size = block.get(..4).map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
            if size > 255 * block.len() + 64 {
                return Err(bad(format!("announces {size} bytes for {} compressed", block.len())));
            }
            lz4_flex::decompress_size_prepended(block).map_err(|e| bad(e.to_string()))?
        }
        _ => {
            use std::io::Read;
            let mut v = Vec::new();
            flate2::read::DeflateDecoder::new(stored).read_to_end(&mut v).map_err(|e| bad(e.to_string()))?;
            v
        }
    };
    String::from_utf8(bytes).map_err(|e| bad(e.to_string()))
}

/// What identifies the input an article came from, and what its content was.
///
/// The key is stable across runs (a canonical path, plus the record id for inputs holding many
/// articles); the hash says whether the article changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    /// Where the article comes from: re-ingesting the same key replaces the article when its
    /// hash differs and is a no-op when it does not.
    pub key: String,
    /// A hash of everything extraction reads: text and metadata.
    pub hash: ContentHash,
}

/// SHA-256 of an article's input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ContentHash(pub [u8; 32]);

impl ContentHash {
    /// Hashes the given fields, each length-prefixed (so that `("ab", "c")` and `("a", "bc")`
    /// differ).
    ///
    /// ```
    /// use marsad_store::ContentHash;
    /// assert_ne!(ContentHash::of(&["ab", "c"]), ContentHash::of(&["a", "bc"]));
    /// assert_eq!(ContentHash::of(&["x"]), ContentHash::of(&["x"]));
    /// ```
    pub fn of(fields: &[&str]) -> ContentHash {
        let mut h = Sha256::new();
        for f in fields {
            h.update((f.len() as u64).to_le_bytes());
            h.update(f.as_bytes());
        }
        ContentHash(h.finalize().into())
    }

    /// The hash of everything extraction reads of a document: its id, format, text and
    /// metadata. Every way into the store (`marsad ingest`, the web API's ingest) keys
    /// articles by it, so that the same input is the same article whichever way it came.
    pub fn of_document(doc: &marsad_doc::Document) -> ContentHash {
        let published = doc.meta.published.map(|d| d.to_string()).unwrap_or_default();
        let extra = serde_json::to_string(&doc.meta.extra).unwrap_or_default();
        ContentHash::of(&[
            &doc.id,
            doc.source.format.as_str(),
            &doc.text,
            doc.meta.title.as_deref().unwrap_or(""),
            doc.meta.outlet.as_deref().unwrap_or(""),
            &published,
            doc.meta.url.as_deref().unwrap_or(""),
            doc.meta.byline.as_deref().unwrap_or(""),
            &extra,
        ])
    }

    /// The hash as lowercase hexadecimal.
    pub fn hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// An article with everything the store writes for it.
#[derive(Clone, Debug)]
pub struct Article {
    /// Identity and content hash.
    pub identity: Identity,
    /// The parsed record (its `text` is the article text).
    pub record: Record,
    /// The record as JSON with an empty `text` (the text is stored once, in its own column;
    /// [`crate::splice_text`] puts it back), compressed ([`compress`]).
    pub record_deflated: Vec<u8>,
    /// Index text of the title.
    pub index_title: String,
    /// Index text of the body (paragraphs).
    pub index_body: String,
    /// MinHash sketch of the body and its paragraphs (near-duplicates, text reuse).
    pub sketch: Sketch,
    /// Per entity of the record: the key merging it across articles (knowledge-base id, else
    /// type and normalised Arabic name).
    pub entity_keys: Vec<String>,
    /// Per entity of the record: its mentions as JSON `[[start, end, rule], ...]`.
    pub mention_spans: Vec<String>,
}

/// The search terms of an article, gathered by a caller that has analysed its text already
/// ([`Article::from_record`]): its title's terms, then its body's, paragraph after paragraph.
#[derive(Clone, Debug, Default)]
pub struct IndexTerms {
    title: String,
    body: String,
    /// Per body term: where it starts in the text (bytes), and the hash the sketch takes.
    starts: Vec<usize>,
    hashes: Vec<u64>,
}

impl IndexTerms {
    /// Adds a term of the title.
    pub fn push_title(&mut self, form: &str) {
        push_term(&mut self.title, form);
    }

    /// Adds a term of the body, starting at byte `start` of the text.
    pub fn push_body(&mut self, form: &str, start: usize) {
        push_term(&mut self.body, form);
        self.starts.push(start);
        self.hashes.push(term_hash(form));
    }
}

impl Article {
    /// Builds an article from a record serialised with an empty `text` field and the text
    /// itself.
    pub fn new(identity: Identity, record_json: String, text: String) -> Result<Article, StoreError> {
        let mut record: Record = serde_json::from_str(&record_json)
            .map_err(|e| StoreError::Record { key: identity.key.clone(), message: e.to_string() })?;
        record.text = text;
        Ok(Article::from_record(identity, record, record_json, None))
    }

    /// An article of a record the caller has already (`marsad ingest` converts the
    /// extractor's own, rather than parsing the JSON it serialised): `record` is `record_json`
    /// parsed, with its `text` put back. `terms`, when given, are the search terms as
    /// [`crate::terms::terms`] finds them: the terms of the record's title span, then those of
    /// each of its paragraphs in the record's order, each the
    /// [`crate::terms::push_analysed_form`] of a token of the analysis normaliser's view (what
    /// extraction analysed already, rather than normalising and segmenting the text a second
    /// time). A record with neither title span nor paragraphs has its whole text indexed, its
    /// terms found here, as they are when none are given.
    pub fn from_record(
        identity: Identity,
        record: Record,
        record_json: String,
        given: Option<IndexTerms>,
    ) -> Article {
        let title_cp = match &record.title {
            Some(t) => t.start.zip(t.end),
            None => None,
        };
        // the byte offsets of the title's and paragraphs' ends, in one pass over the text
        let mut cps: Vec<usize> = record.paragraphs.iter().flat_map(|p| [p.start, p.end]).collect();
        cps.extend(title_cp.iter().flat_map(|&(s, e)| [s, e]));
        let bytes = byte_offsets(&record.text, &cps);
        let title_span = title_cp.map(|_| (bytes[bytes.len() - 2], bytes[bytes.len() - 1]));
        let body: Vec<(usize, usize)> = if record.paragraphs.is_empty() && title_span.is_none() {
            vec![(0, record.text.len())]
        } else {
            bytes.chunks_exact(2).take(record.paragraphs.len()).map(|b| (b[0], b[1])).collect()
        };
        let terms = match given {
            Some(terms) if !(record.paragraphs.is_empty() && title_span.is_none()) => terms,
            _ => {
                // one normalisation of the text for the title and the body
                let norm = Normalizer::analysis().normalize(&record.text);
                let mut terms = IndexTerms::default();
                if let Some(span) = title_span {
                    each_term(&norm, &[span], |form, _, _| terms.push_title(form));
                }
                each_term(&norm, &body, |form, start, _| terms.push_body(form, start));
                terms
            }
        };
        let sketch = sketch_of(&terms.starts, &terms.hashes, &body);
        let (index_title, index_body) = (terms.title, terms.body);
        let record_deflated = compress(record_json.as_bytes());
        let entity_keys = record.entities.iter().map(crate::sql::entity_key).collect();
        let mention_spans = record
            .entities
            .iter()
            .map(|e| {
                let spans: Vec<(usize, usize, Option<&str>)> =
                    e.mentions.iter().map(|m| (m.start, m.end, m.rule.as_deref())).collect();
                serde_json::to_string(&spans).unwrap_or_else(|_| "[]".into())
            })
            .collect();
        Article {
            identity,
            record,
            record_deflated,
            index_title,
            index_body,
            sketch,
            entity_keys,
            mention_spans,
        }
    }
}

/// The byte offsets in `text` of code point offsets (past the end: the text's length), in one
/// pass over the text whatever their order.
fn byte_offsets(text: &str, cps: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..cps.len()).collect();
    order.sort_unstable_by_key(|&i| cps[i]);
    let mut out = vec![text.len(); cps.len()];
    let mut chars = text.char_indices().map(|(b, _)| b);
    let (mut at, mut next) = (0, chars.next());
    for i in order {
        while at < cps[i] && next.is_some() {
            next = chars.next();
            at += 1;
        }
        out[i] = next.unwrap_or(text.len());
    }
    out
}

/// Appends a term to an index text (terms separated by single spaces).
fn push_term(out: &mut String, form: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(form);
}

/// The sketch of a body from its terms (their start offsets and hashes, in the order the
/// paragraphs were read) and its paragraphs' byte ranges (in text order, as the record lists
/// them: a term belongs to the paragraph it starts in).
fn sketch_of(starts: &[usize], hashes: &[u64], paragraphs: &[(usize, usize)]) -> Sketch {
    let mut parts: Vec<(u16, &[u64])> = Vec::with_capacity(paragraphs.len());
    let mut at = 0;
    for (i, &(start, end)) in paragraphs.iter().enumerate() {
        at += starts[at..].iter().take_while(|&&s| s < start).count();
        let n = starts[at..].iter().take_while(|&&s| s < end).count();
        parts.push((i.min(u16::MAX as usize) as u16, &hashes[at..at + n]));
        at += n;
    }
    Sketch::of_hashed(&parts)
}

/// Puts `text` back into a record serialised with an empty `text` field (`"text":""`, as
/// [`Article::record_deflated`] holds it, inflated).
///
/// The first `"text":""` of the JSON is the record's own: every field before it (`id`,
/// `source`, `outlet`, `published`, `published_from`) is either not a string or a string in
/// which a quote is escaped, so the sequence cannot occur inside one of them.
///
/// ```
/// let json = r#"{"id":"a \"text\":\"\"","text":"","title":null}"#;
/// assert_eq!(marsad_store::splice_text(json, "نص"), r#"{"id":"a \"text\":\"\"","text":"نص","title":null}"#);
/// ```
pub fn splice_text(record_json: &str, text: &str) -> String {
    const EMPTY: &str = "\"text\":\"\"";
    match record_json.find(EMPTY) {
        Some(at) => {
            let quoted = serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into());
            let mut s = String::with_capacity(record_json.len() + quoted.len());
            s.push_str(&record_json[..at]);
            s.push_str("\"text\":");
            s.push_str(&quoted);
            s.push_str(&record_json[at + EMPTY.len()..]);
            s
        }
        None => record_json.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_compressed_now_and_deflated_before_both_read_back() {
        let json = r#"{"id":"a","text":"","title":{"text":"قصف على غوريس"}}"#.repeat(20);
        assert_eq!(decompress(&compress(json.as_bytes())).unwrap(), json);
        // a record of a database written with deflate
        use std::io::Write;
        let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(json.as_bytes()).unwrap();
        assert_eq!(decompress(&e.finish().unwrap()).unwrap(), json);
    }

    #[test]
    fn index_texts_and_sketch_are_those_of_the_terms_of_each_part() {
        use crate::terms::{index_text, terms};
        let title = "قصفٌ على غوريس";
        let p1 = "قال وزير الدفاع الأرميني إن القوات الأذربيجانية قصفت مواقع في المدينة الليلة الماضية، وأسفر القصف عن مقتل 49 جندياً.";
        let p2 = "وأضاف أن «الجيشَ» ردّ على مصادر النيران، ولم يُبلَّغ عن إصابات بين المدنيين في البلدات الحدودية حتى الآن.";
        let text = format!("{title}\n\n{p1}\n\n{p2}");
        let cp = |s: &str| text[..text.find(s).unwrap()].chars().count();
        let len = |s: &str| s.chars().count();
        let json = serde_json::json!({
            "id": "a", "source": {"path": null, "format": "txt"}, "outlet": null, "published": null, "text": "",
            "title": {"text": title, "start": 0, "end": len(title)},
            "paragraphs": [
                {"start": cp(p1), "end": cp(p1) + len(p1), "kind": "body"},
                {"start": cp(p2), "end": cp(p2) + len(p2), "kind": "body"}
            ]
        });
        let a = Article::new(
            Identity { key: "k".into(), hash: ContentHash([0; 32]) },
            json.to_string(),
            text.clone(),
        )
        .unwrap();
        let byte = |s: &str| (text.find(s).unwrap(), text.find(s).unwrap() + s.len());
        assert_eq!(a.index_title, index_text(&terms(&text, &[byte(title)])));
        assert_eq!(a.index_title, "قصف علي غوريس");
        assert_eq!(a.index_body, index_text(&terms(&text, &[byte(p1), byte(p2)])));
        let parts = [index_text(&terms(&text, &[byte(p1)])), index_text(&terms(&text, &[byte(p2)]))];
        assert_eq!(a.sketch, Sketch::of(&[(0, &parts[0]), (1, &parts[1])]));
        assert_eq!(a.sketch.paragraphs.len(), 2);
    }

    #[test]
    fn damaged_records_are_errors_not_panics() {
        let good = compress(b"{\"id\":\"x\"}");
        for n in 0..good.len() {
            let _ = decompress(&good[..n]);
        }
        assert!(decompress(&[LZ4, 0xff, 0xff, 0xff, 0x7f, 1, 2, 3]).is_err(), "a huge announced size");
        assert!(decompress(&[LZ4]).is_err());
        assert!(decompress(b"not compressed at all").is_err());
        let mut flipped = good.clone();
        for i in 1..flipped.len() {
            flipped[i] ^= 0x5a;
            let _ = decompress(&flipped);
        }
    }
}
