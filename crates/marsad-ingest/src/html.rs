//! Main-content extraction from HTML pages: trafilatura first, dom_smoothie as the fallback,
//! and a block-aware HTML-to-text step so that paragraphs come out one per line.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};

use trafilatura::dom::{Document as Dom, NodeId};

use crate::SkipReason;
use crate::record::{fill_missing, parse_date};
use marsad_doc::Metadata;

/// Below this many characters trafilatura's answer comes from its baseline fallback, which
/// glues paragraphs together; dom_smoothie is then asked too.
const FULL_ARTICLE_CHARS: usize = 250;

/// An article has at least this many words in all...
const MIN_ARTICLE_WORDS: usize = 10;
/// ...and at least one line (paragraph) this long: navigation menus and footers are made of
/// short lines.
const MIN_PARAGRAPH_WORDS: usize = 6;

/// Both extractors recurse over the DOM; a deeply nested page must not overflow the caller's
/// stack, so extraction runs on a thread with a large one.
const EXTRACT_STACK: usize = 256 * 1024 * 1024;

/// The main text of a page, its metadata, and which extractor produced it.
#[derive(Debug)]
pub(crate) struct Article {
    pub text: String,
    pub fields: Metadata,
    pub note: String,
}

/// Pages nested deeper than this are not extracted: parsing and dom_smoothie take time
/// quadratic in the depth (10,000 levels: seconds; 100,000: many minutes), and article pages
/// come nowhere near it.
pub(crate) const MAX_NESTING: usize = 1000;

/// Extracts the article of an HTML page. Extractor panics become
/// [`SkipReason::ExtractorFailed`].
pub(crate) fn extract(html: &str) -> Result<Article, SkipReason> {
    if nesting_exceeds(html, MAX_NESTING) {
        return Err(SkipReason::TooDeep { limit: MAX_NESTING });
    }
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("marsad-html".to_string())
            .stack_size(EXTRACT_STACK)
            .spawn_scoped(scope, || extract_here(html));
        match worker {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|payload| Err(SkipReason::ExtractorFailed(panic_text(&*payload)))),
            // No thread to be had: extract here rather than lose the page.
            Err(_) => catch_unwind(AssertUnwindSafe(|| extract_here(html)))
                .unwrap_or_else(|payload| Err(SkipReason::ExtractorFailed(panic_text(&*payload)))),
        }
    })
}

fn panic_text(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        format!("the extractor crashed: {s}")
    } else if let Some(s) = payload.downcast_ref::<String>() {
        format!("the extractor crashed: {s}")
    } else {
        "the extractor crashed".to_string()
    }
}

fn extract_here(html: &str) -> Result<Article, SkipReason> {
    let (traf_text, mut fields, traf_problem) =
        match trafilatura::extract(html, &trafilatura::Options::default()) {
            Ok(result) => {
                let mut text = html_to_text(&result.content_html);
                if text.is_empty() {
                    text = plain_to_lines(&result.content_text);
                }
                (text, trafilatura_fields(&result.metadata), None)
            }
            Err(e) => (String::new(), Metadata::default(), Some(e.to_string())),
        };
    if traf_text.chars().count() >= FULL_ARTICLE_CHARS {
        return Ok(Article {
            text: traf_text,
            fields,
            note: "html: main content by trafilatura".to_string(),
        });
    }
    if let Some((text, smoothie_fields)) = dom_smoothie_extract(html) {
        fill_missing(&mut fields, &smoothie_fields);
        if is_article(&text) {
            let why = match traf_problem {
                Some(problem) => format!("trafilatura failed: {problem}"),
                None => "trafilatura found too little".to_string(),
            };
            return Ok(Article { text, fields, note: format!("html: main content by dom_smoothie ({why})") });
        }
    }
    if is_article(&traf_text) {
        return Ok(Article {
            text: traf_text,
            fields,
            note: "html: main content by trafilatura".to_string(),
        });
    }
    Err(SkipReason::NoArticle)
}

fn dom_smoothie_extract(html: &str) -> Option<(String, Metadata)> {
    let mut readability = dom_smoothie::Readability::new(html, None, None).ok()?;
    let article = readability.parse().ok()?;
    let mut text = html_to_text(&article.content);
    if text.is_empty() {
        text = plain_to_lines(&article.text_content);
    }
    let fields = Metadata {
        published: article.published_time.as_deref().and_then(parse_date),
        title: non_empty(&article.title),
        outlet: article.site_name.as_deref().and_then(non_empty),
        url: article.url.as_deref().and_then(non_empty),
        byline: article.byline.as_deref().and_then(non_empty),
        ..Metadata::default()
    };
    Some((text, fields))
}

fn trafilatura_fields(meta: &trafilatura::Metadata) -> Metadata {
    Metadata {
        published: meta.date.and_then(|d| parse_date(&d.to_string())),
        title: non_empty(&meta.title),
        outlet: non_empty(&meta.sitename),
        url: non_empty(&meta.url),
        byline: non_empty(&meta.author),
        ..Metadata::default()
    }
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

fn is_article(text: &str) -> bool {
    text.split_whitespace().count() >= MIN_ARTICLE_WORDS
        && text.lines().any(|line| line.split_whitespace().count() >= MIN_PARAGRAPH_WORDS)
}

/// Elements that never have content.
const VOID: &[&[u8]] = &[
    b"area",
    b"base",
    b"basefont",
    b"bgsound",
    b"br",
    b"col",
    b"command",
    b"embed",
    b"frame",
    b"hr",
    b"img",
    b"input",
    b"keygen",
    b"link",
    b"meta",
    b"param",
    b"source",
    b"track",
    b"wbr",
];

/// Elements whose end tag may be left out: the parser closes them itself, so they do not
/// pile up.
const SELF_CLOSING: &[&[u8]] = &[
    b"html",
    b"head",
    b"body",
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"tr",
    b"td",
    b"th",
    b"thead",
    b"tbody",
    b"tfoot",
    b"option",
    b"optgroup",
    b"rb",
    b"rt",
    b"rtc",
    b"rp",
    b"colgroup",
    b"caption",
];

/// Elements whose content is raw text, not markup.
const RAW_TEXT: &[&[u8]] = &[b"script", b"style", b"textarea", b"title", b"xmp"];

/// Whether the page's elements nest deeper than `limit`, estimated in one pass over the
/// tags (open minus close), before the page is given to a parser.
fn nesting_exceeds(html: &str, limit: usize) -> bool {
    let b = html.as_bytes();
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(offset) = memchr::memchr(b'<', &b[at..]) {
        let start = at + offset + 1;
        if b[start..].starts_with(b"!--") {
            at = memchr::memmem::find(&b[start..], b"-->").map_or(b.len(), |end| start + end + 3);
            continue;
        }
        let closing = b.get(start) == Some(&b'/');
        let name_start = start + usize::from(closing);
        let name_end = b[name_start..]
            .iter()
            .position(|c| !c.is_ascii_alphanumeric())
            .map_or(b.len(), |end| name_start + end);
        if name_end == name_start {
            // "a < b", "<!DOCTYPE", "<?xml": not an element.
            at = start;
            continue;
        }
        let name = b[name_start..name_end].to_ascii_lowercase();
        let tag_end = memchr::memchr(b'>', &b[name_end..]).map_or(b.len(), |end| name_end + end);
        at = (tag_end + 1).min(b.len());
        let nests = !VOID.contains(&name.as_slice()) && !SELF_CLOSING.contains(&name.as_slice());
        if closing {
            if nests {
                depth = depth.saturating_sub(1);
            }
        } else if RAW_TEXT.contains(&name.as_slice()) {
            at = raw_text_end(b, at, &name);
        } else if nests && b.get(tag_end.wrapping_sub(1)) != Some(&b'/') {
            depth += 1;
            if depth > limit {
                return true;
            }
        }
    }
    false
}

/// Where the raw text of a `<script>` (or similar) starting at `from` ends: after its
/// closing tag, or at the end of the page.
fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(offset) = memchr::memmem::find(&b[at..], b"</") {
        let start = at + offset + 2;
        let end = start + name.len();
        if b.get(start..end).is_some_and(|n| n.eq_ignore_ascii_case(name)) {
            return memchr::memchr(b'>', &b[end..]).map_or(b.len(), |gt| end + gt + 1);
        }
        at = start;
    }
    b.len()
}

/// How an element affects line structure.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Starts and ends a line (paragraphs, headings, list items...).
    Block,
    /// Ends the current line (`<br>`).
    Break,
    /// Separated from its neighbours by a space (table cells).
    Cell,
    /// Keeps its line breaks.
    Pre,
    /// Not text (scripts, styles).
    Hidden,
    Inline,
}

fn role(tag: &str) -> Role {
    match tag {
        "address" | "article" | "aside" | "blockquote" | "body" | "caption" | "center" | "dd"
        | "details" | "dialog" | "div" | "dl" | "dt" | "fieldset" | "figcaption" | "figure"
        | "footer" | "form" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "header" | "hgroup"
        | "li" | "main" | "nav" | "ol" | "p" | "section" | "summary" | "table" | "tbody"
        | "thead" | "tfoot" | "tr" | "ul"
        // trafilatura's own element names, in case they survive into its HTML output
        | "head" | "list" | "item" | "quote" | "row" => Role::Block,
        "br" | "hr" | "lb" => Role::Break,
        "td" | "th" | "cell" => Role::Cell,
        "pre" => Role::Pre,
        "script" | "style" | "noscript" | "template" | "svg" | "math" => Role::Hidden,
        _ => Role::Inline,
    }
}

/// Text of an HTML fragment, one block (paragraph, heading, list item...) per line, white
/// space collapsed inside lines, no empty lines.
pub(crate) fn html_to_text(html: &str) -> String {
    enum Step {
        Enter(NodeId),
        Leave(Role),
    }
    let dom = Dom::parse(html);
    let top = dom.body().unwrap_or_else(|| dom.root());
    let mut out = Lines::default();
    // An explicit stack: pages can nest deeper than recursion would allow.
    let mut stack = vec![Step::Enter(top)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(id) => {
                if dom.is_text(id) {
                    out.text(&dom.text_content(id));
                    continue;
                }
                if !dom.is_element(id) {
                    continue;
                }
                let role = role(dom.tag_name(id));
                match role {
                    Role::Hidden => continue,
                    Role::Break => {
                        out.end_line();
                        continue;
                    }
                    Role::Block => out.end_line(),
                    Role::Cell => out.space(),
                    Role::Pre => {
                        out.end_line();
                        out.pre += 1;
                    }
                    Role::Inline => {}
                }
                stack.push(Step::Leave(role));
                stack.extend(dom.child_nodes(id).into_iter().rev().map(Step::Enter));
            }
            Step::Leave(role) => match role {
                Role::Block => out.end_line(),
                Role::Cell => out.space(),
                Role::Pre => {
                    out.end_line();
                    out.pre = out.pre.saturating_sub(1);
                }
                Role::Hidden | Role::Break | Role::Inline => {}
            },
        }
    }
    out.finish()
}

/// Plain text from an extractor, one non-empty line per paragraph, white space collapsed.
fn plain_to_lines(text: &str) -> String {
    let mut out = Lines { pre: 1, ..Lines::default() };
    out.text(text);
    out.finish()
}

/// Builds text line by line with HTML's white-space rules.
#[derive(Default)]
struct Lines {
    out: String,
    line: String,
    pending_space: bool,
    /// Inside `<pre>`: newlines end lines.
    pre: usize,
}

impl Lines {
    fn text(&mut self, text: &str) {
        for c in text.chars() {
            if c == '\n' && self.pre > 0 {
                self.end_line();
            } else if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C') {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.line.is_empty() {
                    self.line.push(' ');
                }
                self.pending_space = false;
                self.line.push(c);
            }
        }
    }

    fn space(&mut self) {
        self.pending_space = true;
    }

    fn end_line(&mut self) {
        if !self.line.is_empty() {
            if !self.out.is_empty() {
                self.out.push('\n');
            }
            self.out.push_str(&self.line);
            self.line.clear();
        }
        self.pending_space = false;
    }

    fn finish(mut self) -> String {
        self.end_line();
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_lines() {
        let html = "<h2>عنوان</h2><p>سطر  أول<br>سطر\nثان</p><ul><li>بند</li><li>بند <b>آخر</b></li></ul>\
                    <table><tr><td>خلية</td><td>أخرى</td></tr></table><script>var x;</script>";
        assert_eq!(html_to_text(html), "عنوان\nسطر أول\nسطر ثان\nبند\nبند آخر\nخلية أخرى");
    }

    #[test]
    fn inline_markup_does_not_split_words() {
        assert_eq!(html_to_text("<p>ال<b>قوات</b> ردت</p>"), "القوات ردت");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}نص{}", "<div>".repeat(5_000), "</div>".repeat(5_000));
        assert_eq!(html_to_text(&html), "نص");
    }

    #[test]
    fn nesting_estimate() {
        let deep = format!("{}x{}", "<div>".repeat(1001), "</div>".repeat(1001));
        assert!(nesting_exceeds(&deep, 1000));
        assert!(!nesting_exceeds(&deep, 1001));
        // Closed, void, self-closing, optional-end and scripted tags do not pile up.
        let flat = format!(
            "<!DOCTYPE html><html><body>{}</body></html>",
            "<div><p>a<br><img src=x/><li>b<td>c</div><span/><!-- <div><div> --><script>if (a<b) { '<div>' }</SCRIPT>".repeat(5000)
        );
        assert!(!nesting_exceeds(&flat, 3));
        assert!(nesting_exceeds("<div><div><div><div>", 3));
    }

    #[test]
    fn deeply_nested_page_is_refused_quickly() {
        let html = format!("<html><body>{}<p>نص</p></body></html>", "<div>".repeat(100_000));
        assert_eq!(extract(&html).unwrap_err(), SkipReason::TooDeep { limit: MAX_NESTING });
    }

    #[test]
    fn plain_text_is_normalised() {
        assert_eq!(plain_to_lines("  a  b \n\n\n c\t"), "a b\nc");
    }
}
