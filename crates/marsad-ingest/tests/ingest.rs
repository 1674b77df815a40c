//! End-to-end tests of the input stream: every format, every bad input, folders, manifests.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use marsad_ingest::{
    Date, Document, Format, IGNORED_HIDDEN, Inputs, Item, ManifestError, Options, SkipReason, Skipped,
};
use tempfile::TempDir;

const ARABIC: &str = "قالت وزارة الدفاع إن القوات ردت على الهجوم.\n";

fn read(paths: &[PathBuf], options: Options) -> Vec<Item> {
    Inputs::new(paths, options).unwrap().collect()
}

fn read_one(path: &Path) -> Item {
    let mut items = read(&[path.to_path_buf()], Options::default());
    assert_eq!(items.len(), 1, "{items:#?}");
    items.remove(0)
}

fn doc(item: &Item) -> &Document {
    match item {
        Item::Document(doc) => doc,
        Item::Skipped(skip) => panic!("expected a document, got skipped {skip}"),
    }
}

fn skipped(item: &Item) -> &Skipped {
    match item {
        Item::Skipped(skip) => skip,
        Item::Document(doc) => panic!("expected a skip, got document {}", doc.id),
    }
}

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, bytes).unwrap();
    path
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn ids(items: &[Item]) -> Vec<String> {
    items
        .iter()
        .map(|item| match item {
            Item::Document(doc) => doc.id.clone(),
            Item::Skipped(skip) => format!("skipped {}", skip.input),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Plain text

#[test]
fn text_file_is_kept_exactly() {
    let dir = TempDir::new().unwrap();
    let content = "العنوان\r\n\r\nالفقرة الأولى  \n\u{a0}الثانية";
    let path = write(dir.path(), "000_b587ee3253eb2d41.txt", content);
    let item = read_one(&path);
    let doc = doc(&item);
    assert_eq!(doc.id, "000_b587ee3253eb2d41");
    assert_eq!(doc.text, content);
    assert_eq!(doc.source.path.as_deref(), Some(path.to_str().unwrap()));
    assert_eq!(doc.source.format, Format::Text);
    assert_eq!(doc.source.line, None);
    assert!(doc.meta.notes.is_empty(), "{:?}", doc.meta.notes);
}

#[test]
fn utf8_bom_is_dropped() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "a.txt", [b"\xEF\xBB\xBF", ARABIC.as_bytes()].concat());
    assert_eq!(doc(&read_one(&path)).text, ARABIC);
}

#[test]
fn invalid_utf8_is_skipped_with_offset() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "bad.txt", b"hello \xC3\x28 world, plain ASCII otherwise");
    let item = read_one(&path);
    let skip = skipped(&item);
    assert_eq!(skip.reason, SkipReason::InvalidUtf8 { offset: 6 });
    assert_eq!(skip.input, path.to_str().unwrap());
    assert_eq!(
        skip.reason.to_string(),
        "not valid UTF-8 (first invalid byte at offset 6) and not recognisable as windows-1256 Arabic"
    );
}

#[test]
fn windows_1256_arabic_is_decoded() {
    let dir = TempDir::new().unwrap();
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(ARABIC);
    let path = write(dir.path(), "legacy.txt", &bytes);
    let item = read_one(&path);
    let doc = doc(&item);
    assert_eq!(doc.text, ARABIC);
    assert_eq!(doc.meta.notes, vec!["decoded from windows-1256"]);
}

#[test]
fn utf16_with_bom_is_decoded() {
    let dir = TempDir::new().unwrap();
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for unit in ARABIC.encode_utf16() {
        le.extend_from_slice(&unit.to_le_bytes());
        be.extend_from_slice(&unit.to_be_bytes());
    }
    for (name, bytes, note) in
        [("le.txt", le, "decoded from UTF-16LE"), ("be.txt", be, "decoded from UTF-16BE")]
    {
        let path = write(dir.path(), name, bytes);
        let item = read_one(&path);
        assert_eq!(doc(&item).text, ARABIC);
        assert_eq!(doc(&item).meta.notes, vec![note]);
    }
}

#[test]
fn empty_and_blank_files_are_skipped() {
    let dir = TempDir::new().unwrap();
    for (name, content) in [("empty.txt", ""), ("blank.txt", " \n\t\r\n\u{a0}\n")] {
        let path = write(dir.path(), name, content);
        let item = read_one(&path);
        assert_eq!(skipped(&item).reason, SkipReason::Empty);
        assert_eq!(skipped(&item).reason.to_string(), "empty (no text)");
    }
}

#[test]
fn binary_file_is_skipped() {
    let dir = TempDir::new().unwrap();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
    for name in ["image.txt", "image.png", "image.jsonl"] {
        let path = write(dir.path(), name, png);
        let item = read_one(&path);
        assert_eq!(skipped(&item).reason, SkipReason::Binary, "{name}");
        assert_eq!(skipped(&item).reason.to_string(), "binary content, not text");
    }
}

#[test]
fn missing_path_is_skipped() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("nowhere.txt");
    let item = read_one(&path);
    assert_eq!(skipped(&item).reason, SkipReason::NotFound);
    assert_eq!(skipped(&item).to_string(), format!("{}: not found", path.display()));
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_skipped() {
    // Root reads any file whatever its permissions, so the failures are made with what stops
    // root too: a socket cannot be opened as a file (ENXIO), and no path leads through a file
    // (ENOTDIR).
    let dir = TempDir::new().unwrap();
    let socket = dir.path().join("socket.txt");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let item = read_one(&socket);
    match &skipped(&item).reason {
        SkipReason::Unreadable(message) => assert!(message.ends_with("(os error 6)"), "{message}"),
        other => panic!("{other:?}"),
    }
    assert!(skipped(&item).reason.to_string().starts_with("cannot be read: "));
    assert_eq!(skipped(&item).input, socket.to_str().unwrap());

    let file = write(dir.path(), "file.txt", ARABIC);
    let item = read_one(&file.join("child.txt"));
    match &skipped(&item).reason {
        SkipReason::Unreadable(message) => assert!(message.ends_with("(os error 20)"), "{message}"),
        other => panic!("{other:?}"),
    }
}

#[cfg(unix)]
#[test]
fn file_without_read_permission_is_skipped() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "secret.txt", ARABIC);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::File::open(&path).is_ok() {
        // Root: `unreadable_file_is_skipped` covers the same path.
        eprintln!("skipped: running with privileges that read any file (root)");
        return;
    }
    let item = read_one(&path);
    match &skipped(&item).reason {
        SkipReason::Unreadable(message) => assert!(message.ends_with("(os error 13)"), "{message}"),
        other => panic!("{other:?}"),
    }
}

#[cfg(target_os = "linux")]
#[test]
fn read_error_is_skipped() {
    // Reading one's own memory at address 0 fails with EIO, even for root.
    let path = PathBuf::from("/proc/self/mem");
    if !path.exists() {
        return;
    }
    let item = read_one(&path);
    match &skipped(&item).reason {
        // The wording comes from the C library; the error number is what is stable.
        SkipReason::Unreadable(message) => assert!(message.ends_with("(os error 5)"), "{message}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn oversized_file_is_skipped_without_reading() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("huge.txt");
    // Sparse: 200 MB of nothing on disk; reading it would fill memory with NULs.
    fs::File::create(&path).unwrap().set_len(200 * 1024 * 1024).unwrap();
    let inputs = Inputs::new(std::slice::from_ref(&path), Options::default()).unwrap();
    let progress = inputs.progress();
    let items: Vec<Item> = inputs.collect();
    assert_eq!(items.len(), 1);
    assert_eq!(
        skipped(&items[0]).reason,
        SkipReason::TooLarge { size: Some(200 * 1024 * 1024), limit: 16 * 1024 * 1024 }
    );
    assert_eq!(skipped(&items[0]).reason.to_string(), "too large (200 MiB; the limit is 16 MiB)");
    assert_eq!(progress.bytes_read(), progress.total_bytes());
}

#[test]
fn size_limit_applies_to_html_and_streams() {
    let dir = TempDir::new().unwrap();
    let page =
        write(dir.path(), "page.html", format!("<html><body><p>{}</p></body></html>", "ن".repeat(100)));
    let options = Options { max_article_bytes: 64, ..Options::default() };
    let items = read(&[page], options.clone());
    assert!(matches!(skipped(&items[0]).reason, SkipReason::TooLarge { size: Some(_), limit: 64 }));
    let items: Vec<Item> = Inputs::new(&["-".into()], options)
        .unwrap()
        .with_stdin(std::io::Cursor::new(vec![b'a'; 100]))
        .collect();
    assert_eq!(skipped(&items[0]).reason, SkipReason::TooLarge { size: None, limit: 64 });
    assert_eq!(skipped(&items[0]).input, "<stdin>");
    assert_eq!(skipped(&items[0]).reason.to_string(), "too large (more than the 64 bytes limit)");
}

// ---------------------------------------------------------------------------------------
// JSON Lines

#[test]
fn jsonl_malformed_line_in_the_middle() {
    let dir = TempDir::new().unwrap();
    let content = concat!(
        "{\"id\": \"a\", \"text\": \"نص أول\"}\n",
        "{\"id\": \"b\", \"text\": \"نص ثان\"}\r\n",
        "{\"id\": \"c\", \"text\": \"مقطوع\n",
        "\n",
        "   \n",
        "{\"text\": \"نص رابع\", \"published\": null}\n",
        "{\"id\": \"e\"}\n",
        "[1, 2]\n",
        "{\"id\": \"g\", \"text\": \"  \"}\n",
        "{\"id\": \"h\", \"text\": \"بلا سطر أخير\"}",
    );
    let path = write(dir.path(), "batch.jsonl", content);
    let items = read(std::slice::from_ref(&path), Options::default());
    let p = path.to_str().unwrap();
    assert_eq!(
        ids(&items),
        vec![
            "a".to_string(),
            "b".to_string(),
            format!("skipped {p}:3"),
            "batch:6".to_string(),
            format!("skipped {p}:7"),
            format!("skipped {p}:8"),
            format!("skipped {p}:9"),
            "h".to_string(),
        ]
    );
    assert_eq!(doc(&items[0]).source.line, Some(1));
    assert_eq!(doc(&items[0]).source.format, Format::Jsonl);
    assert_eq!(doc(&items[1]).text, "نص ثان");
    assert_eq!(doc(&items[3]).source.line, Some(6));
    assert_eq!(doc(&items[3]).source.display(), format!("{p}:6"));
    let bad = skipped(&items[2]);
    assert_eq!(bad.line, Some(3));
    assert!(
        matches!(&bad.reason, SkipReason::MalformedJson { message } if message.contains("EOF while parsing a string")),
        "{:?}",
        bad.reason
    );
    assert!(bad.reason.to_string().starts_with("malformed JSON: "));
    assert_eq!(skipped(&items[4]).reason, SkipReason::NoText);
    assert_eq!(
        skipped(&items[4]).reason.to_string(),
        "record has neither a \"text\" nor an \"html\" string field"
    );
    assert_eq!(
        skipped(&items[5]).reason.to_string(),
        "malformed JSON: expected a JSON object, found an array"
    );
    assert_eq!(skipped(&items[6]).reason, SkipReason::Empty);
    assert_eq!(doc(&items[7]).source.line, Some(10));
}

#[test]
fn jsonl_fields_dates_and_extra() {
    let dir = TempDir::new().unwrap();
    let content = concat!(
        "{\"id\": \"AL-1\", \"text\": \"نص\", \"published\": \"2018-02-18T23:10:00+03:00\", ",
        "\"outlet\": \"Al Arabiya\", \"title\": \"عنوان\", \"url\": \"http://x/1\", \"category\": \"culture\"}\n",
        "{\"id\": 7, \"text\": [\"فقرة أولى\", \"فقرة ثانية\"], \"published\": \"الخميس الماضي\"}\n",
        "{\"id\": \"n\", \"text\": \"نص\", \"published\": 20180218, \"tags\": [\"a\"]}\n",
    );
    let path = write(dir.path(), "x.jsonl", content);
    let items = read(&[path], Options::default());
    let first = doc(&items[0]);
    assert_eq!(first.id, "AL-1");
    assert_eq!(first.meta.published, Some(date("2018-02-18")));
    assert_eq!(first.meta.outlet.as_deref(), Some("Al Arabiya"));
    assert_eq!(first.meta.title.as_deref(), Some("عنوان"));
    assert_eq!(first.meta.url.as_deref(), Some("http://x/1"));
    assert_eq!(first.meta.extra.get("category").and_then(|v| v.as_str()), Some("culture"));
    assert_eq!(first.meta.extra.len(), 1);
    assert!(first.meta.notes.is_empty());

    let second = doc(&items[1]);
    assert_eq!(second.id, "7");
    assert_eq!(second.text, "فقرة أولى\nفقرة ثانية");
    assert_eq!(second.meta.published, None);
    assert_eq!(second.meta.notes, vec!["unparsable published date \"الخميس الماضي\" (ignored)"]);
    let third = doc(&items[2]);
    assert_eq!(third.meta.published, None);
    assert_eq!(third.meta.notes, vec!["unparsable published date 20180218 (ignored)"]);
    assert!(third.meta.extra.contains_key("tags"));
}

#[test]
fn jsonl_overlong_line_is_skipped_and_reading_goes_on() {
    let dir = TempDir::new().unwrap();
    let long = format!("{{\"id\": \"long\", \"text\": \"{}\"}}", "x".repeat(500));
    let content =
        format!("{{\"id\": \"a\", \"text\": \"قصير\"}}\n{long}\n{{\"id\": \"c\", \"text\": \"قصير\"}}\n");
    let path = write(dir.path(), "x.jsonl", content);
    let items = read(std::slice::from_ref(&path), Options { max_article_bytes: 100, ..Options::default() });
    assert_eq!(doc(&items[0]).id, "a");
    assert_eq!(skipped(&items[1]).input, format!("{}:2", path.display()));
    assert_eq!(skipped(&items[1]).reason, SkipReason::TooLarge { size: Some(long.len() as u64), limit: 100 });
    assert_eq!(doc(&items[2]).id, "c");
}

#[test]
fn jsonl_html_record_is_extracted() {
    let dir = TempDir::new().unwrap();
    let page = fs::read_to_string(fixture("article_ar.html")).unwrap();
    let record = serde_json::json!({"id": "p1", "html": page, "title": "عنوان السجل"});
    let path = write(dir.path(), "pages.jsonl", format!("{record}\n"));
    let items = read(&[path], Options::default());
    let d = doc(&items[0]);
    assert_eq!(d.source.format, Format::Jsonl);
    // The record's own title outranks the page's; the page fills what the record lacks.
    assert_eq!(d.meta.title.as_deref(), Some("عنوان السجل"));
    assert_eq!(d.meta.published, Some(date("2022-09-13")));
    assert_eq!(d.text.lines().count(), 5, "{}", d.text);
    assert_eq!(d.meta.notes, vec!["html: main content by trafilatura"]);
}

#[test]
fn gzip_jsonl_is_streamed() {
    let dir = TempDir::new().unwrap();
    let content: String = (1..=3).map(|i| format!("{{\"id\": \"r{i}\", \"text\": \"نص {i}\"}}\n")).collect();
    let gz = gzip(content.as_bytes());
    let named = write(dir.path(), "batch.jsonl.gz", &gz);
    let items = read(&[named], Options::default());
    assert_eq!(ids(&items), vec!["r1", "r2", "r3"]);
    assert_eq!(doc(&items[2]).source.line, Some(3));
    // Unknown name, gzip magic: decompressed, then sniffed.
    let unnamed = write(dir.path(), "batch.bin", &gz);
    assert_eq!(ids(&read(&[unnamed], Options::default())), vec!["r1", "r2", "r3"]);
}

#[test]
fn truncated_gzip_reports_the_broken_line_and_stops() {
    let dir = TempDir::new().unwrap();
    let content: String = (1..=3000)
        .map(|i| format!("{{\"id\": \"r{i}\", \"text\": \"خبر رقم {i} عن {}\"}}\n", i * 7919 % 1000))
        .collect();
    let gz = gzip(content.as_bytes());
    let path = write(dir.path(), "cut.jsonl.gz", &gz[..gz.len() / 2]);
    let items = read(std::slice::from_ref(&path), Options::default());
    let (last, docs) = items.split_last().unwrap();
    assert!(docs.len() > 10, "only {} records before the break", docs.len());
    for (i, item) in docs.iter().enumerate() {
        assert_eq!(doc(item).id, format!("r{}", i + 1));
    }
    let skip = skipped(last);
    assert_eq!(skip.line, Some(docs.len() as u64 + 1));
    assert_eq!(skip.input, format!("{}:{}", path.display(), docs.len() + 1));
    match &skip.reason {
        SkipReason::Corrupt(message) => {
            assert!(message.starts_with("gzip data is corrupt or truncated"))
        }
        other => panic!("{other:?}"),
    }
    assert!(skip.reason.to_string().ends_with("; the rest of this input was not read"));
}

#[test]
fn corrupt_gzip_text_is_skipped() {
    let dir = TempDir::new().unwrap();
    let mut gz = gzip(ARABIC.repeat(50).as_bytes());
    let middle = gz.len() / 2;
    gz[middle] ^= 0xFF;
    gz[middle + 1] ^= 0xFF;
    let path = write(dir.path(), "a.txt.gz", &gz);
    let item = read_one(&path);
    assert!(matches!(skipped(&item).reason, SkipReason::Corrupt(_)), "{item:?}");
}

#[test]
fn empty_jsonl_file_is_reported() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "none.jsonl", "\n\n");
    assert_eq!(skipped(&read_one(&path)).reason, SkipReason::Empty);
}

#[test]
fn json_object_and_array() {
    let dir = TempDir::new().unwrap();
    let one = write(dir.path(), "one.json", "{\n  \"text\": \"نص\",\n  \"published\": \"2020-10-24\"\n}\n");
    let many = write(
        dir.path(),
        "many.json",
        "[{\"id\": \"x\", \"text\": \"نص\"}, {\"text\": \"نص\"}, {\"title\": \"بلا نص\"}]",
    );
    let broken = write(dir.path(), "broken.json", "{\n\"text\": \"نص\",\n");
    let lines = write(dir.path(), "lines.json", "{\"text\": \"أ\"}\n{\"text\": \"ب\"}\n");
    let items = read(&[one, many.clone(), broken, lines], Options::default());
    assert_eq!(
        ids(&items),
        vec![
            "one".to_string(),
            "x".to_string(),
            "many:2".to_string(),
            format!("skipped {}#3", many.display()),
            format!("skipped {}", dir.path().join("broken.json").display()),
            "lines:1".to_string(),
            "lines:2".to_string(),
        ]
    );
    assert_eq!(doc(&items[0]).meta.published, Some(date("2020-10-24")));
    assert_eq!(skipped(&items[3]).reason, SkipReason::NoText);
    assert!(
        skipped(&items[4]).reason.to_string().contains("(line 3, column 0)"),
        "{}",
        skipped(&items[4]).reason
    );
}

// ---------------------------------------------------------------------------------------
// HTML

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

#[test]
fn arabic_html_page_paragraph_per_line() {
    let item = read_one(&fixture("article_ar.html"));
    let d = doc(&item);
    assert_eq!(d.id, "article_ar");
    assert_eq!(d.source.format, Format::Html);
    let lines: Vec<&str> = d.text.lines().collect();
    assert_eq!(lines.len(), 5, "{}", d.text);
    assert!(lines[0].starts_with("أعلنت وزارة الدفاع الأرمينية"));
    assert!(lines[1].starts_with("وقالت الوزارة في بيان"));
    assert!(lines[4].ends_with("خلال الساعات الأولى من سريانه."));
    for boilerplate in ["الرئيسية", "اقرأ أيضا", "جميع الحقوق محفوظة", "سياسة الخصوصية"]
    {
        assert!(!d.text.contains(boilerplate), "{boilerplate} leaked into the text");
    }
    assert_eq!(d.meta.title.as_deref(), Some("اشتباكات حدودية بين أرمينيا وأذربيجان"));
    assert_eq!(d.meta.published, Some(date("2022-09-13")));
    assert_eq!(d.meta.outlet.as_deref(), Some("أخبار مرصد"));
    assert_eq!(d.meta.byline.as_deref(), Some("مراسل الشؤون الدولية"));
    assert_eq!(d.meta.url.as_deref(), Some("https://news.example.com/world/2022/09/13/border-clashes"));
    assert_eq!(d.meta.notes, vec!["html: main content by trafilatura"]);
}

#[test]
fn short_html_page_falls_back_to_dom_smoothie() {
    let dir = TempDir::new().unwrap();
    // Under trafilatura's size threshold its baseline glues blocks together; dom_smoothie
    // keeps them apart.
    let page = "<html><head><title>t</title></head><body><article>\
        <h2>عنوان فرعي للخبر</h2>\
        <p>قال المتحدث باسم الجيش إن القوات صدت هجوما على مواقعها الليلة الماضية.</p>\
        <ul><li>بند أول في القائمة</li><li>بند ثان في القائمة</li></ul>\
        </article></body></html>";
    let path = write(dir.path(), "short.html", page);
    let item = read_one(&path);
    let d = doc(&item);
    assert_eq!(
        d.text,
        "عنوان فرعي للخبر\nقال المتحدث باسم الجيش إن القوات صدت هجوما على مواقعها الليلة الماضية.\nبند أول في القائمة\nبند ثان في القائمة"
    );
    assert_eq!(d.meta.notes, vec!["html: main content by dom_smoothie (trafilatura found too little)"]);
}

#[test]
fn html_page_without_article_is_skipped() {
    let dir = TempDir::new().unwrap();
    let page = "<html><head><title>الصفحة غير موجودة</title></head><body><header><nav><ul>\
        <li><a href=\"/\">الرئيسية</a></li><li><a href=\"/world\">العالم</a></li>\
        <li><a href=\"/sport\">رياضة</a></li></ul></nav></header>\
        <footer><p>جميع الحقوق محفوظة © 2022</p><a href=\"/privacy\">سياسة الخصوصية</a></footer>\
        </body></html>";
    let path = write(dir.path(), "404.html", page);
    let item = read_one(&path);
    assert_eq!(skipped(&item).reason, SkipReason::NoArticle);
    assert_eq!(
        skipped(&item).reason.to_string(),
        "no article found in the HTML page (trafilatura and dom_smoothie found no main text)"
    );
    let empty = write(dir.path(), "empty.html", "<html><body></body></html>");
    assert_eq!(skipped(&read_one(&empty)).reason, SkipReason::NoArticle);
}

#[test]
fn html_in_windows_1256_declared_by_the_page() {
    let dir = TempDir::new().unwrap();
    let page = fs::read_to_string(fixture("article_ar.html"))
        .unwrap()
        .replace("<meta charset=\"utf-8\">", "<meta charset=\"windows-1256\">");
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&page);
    let path = write(dir.path(), "legacy.htm", &bytes);
    let item = read_one(&path);
    let d = doc(&item);
    assert_eq!(d.text.lines().count(), 5);
    assert_eq!(
        d.meta.notes,
        vec!["decoded from windows-1256 (declared by the page)", "html: main content by trafilatura"]
    );
}

// ---------------------------------------------------------------------------------------
// Standard input and sniffing

fn read_stdin(bytes: Vec<u8>) -> Vec<Item> {
    Inputs::new(&[], Options::default()).unwrap().with_stdin(std::io::Cursor::new(bytes)).collect()
}

#[test]
fn stdin_is_sniffed() {
    let text = read_stdin(ARABIC.as_bytes().to_vec());
    assert_eq!(doc(&text[0]).id, "stdin");
    assert_eq!(doc(&text[0]).source.path, None);
    assert_eq!(doc(&text[0]).source.display(), "<stdin>");
    assert_eq!(doc(&text[0]).text, ARABIC);

    let jsonl = read_stdin(b"  {\"text\": \"a\"}\nnot json\n".to_vec());
    assert_eq!(doc(&jsonl[0]).id, "stdin:1");
    assert_eq!(skipped(&jsonl[1]).input, "<stdin>:2");
    assert_eq!(skipped(&jsonl[1]).path, None);

    let page = fs::read(fixture("article_ar.html")).unwrap();
    let html = read_stdin(page.clone());
    assert_eq!(doc(&html[0]).source.format, Format::Html);
    assert_eq!(doc(&html[0]).text.lines().count(), 5);

    let gz = read_stdin(gzip(&page));
    assert_eq!(doc(&gz[0]).source.format, Format::Html);
    assert_eq!(doc(&gz[0]).meta.notes[0], "decompressed (gzip)");

    let empty = read_stdin(Vec::new());
    assert_eq!(skipped(&empty[0]).input, "<stdin>");
    assert_eq!(skipped(&empty[0]).reason, SkipReason::Empty);
}

#[test]
fn explicit_unknown_extension_is_sniffed() {
    let dir = TempDir::new().unwrap();
    let md = write(dir.path(), "notes.md", ARABIC);
    let dat = write(dir.path(), "records.dat", "{\"id\": \"r\", \"text\": \"نص\"}\n");
    let items = read(&[md, dat], Options::default());
    assert_eq!(doc(&items[0]).source.format, Format::Text);
    assert_eq!(doc(&items[0]).id, "notes");
    assert_eq!(doc(&items[1]).id, "r");
}

#[test]
fn forced_format() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "x.jsonl", "{\"text\": \"a\"}\n");
    let items = read(&[path], Options { format: Some(Format::Text), ..Options::default() });
    assert_eq!(doc(&items[0]).text, "{\"text\": \"a\"}\n");
}

// ---------------------------------------------------------------------------------------
// Folders

#[test]
fn folder_walk_is_sorted_and_skips_hidden() {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("corpus");
    // Created out of order on purpose.
    for name in ["b.txt", "sub/z.txt", "a.txt", "sub/a.txt", "a0/x.txt", ".hidden.txt", ".git/c.txt"] {
        write(&root, name, ARABIC);
    }
    write(&root, "readme.md", "# notes");
    write(&root, "scan.pdf", "%PDF");
    write(&root, "photo.PNG", "png");
    write(&root, "LICENSE", "text");
    let inputs = Inputs::new(std::slice::from_ref(&root), Options::default()).unwrap();
    let ignored = inputs.ignored().clone();
    let progress = inputs.progress();
    assert_eq!(inputs.input_count(), 5);
    let items: Vec<Item> = inputs.collect();
    let paths: Vec<String> = items.iter().map(|item| doc(item).source.path.clone().unwrap()).collect();
    let expected: Vec<String> = ["a.txt", "a0/x.txt", "b.txt", "sub/a.txt", "sub/z.txt"]
        .iter()
        .map(|p| root.join(p).to_string_lossy().into_owned())
        .collect();
    assert_eq!(paths, expected);
    // `.hidden.txt`, and `.git` counted once (not entered).
    assert_eq!(
        ignored.into_iter().collect::<Vec<_>>(),
        vec![
            (String::new(), 1),
            (IGNORED_HIDDEN.to_string(), 2),
            ("md".to_string(), 1),
            ("pdf".to_string(), 1),
            ("png".to_string(), 1)
        ]
    );
    assert_eq!(progress.total_bytes(), 5 * ARABIC.len() as u64);
    assert_eq!(progress.bytes_read(), progress.total_bytes());
    // Deterministic: a second run gives the same order.
    let again: Vec<String> =
        read(&[root], Options::default()).iter().map(|item| doc(item).source.path.clone().unwrap()).collect();
    assert_eq!(again, expected);
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_reported_and_the_walk_goes_on() {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("corpus");
    write(&root, "a/1.txt", ARABIC);
    write(&root, "b/2.txt", ARABIC);
    std::os::unix::fs::symlink(&root, root.join("a/loop")).unwrap();
    std::os::unix::fs::symlink(root.join("missing"), root.join("a/broken.txt")).unwrap();
    let options = Options { follow_links: true, ..Options::default() };
    let items = read(std::slice::from_ref(&root), options);
    let a = root.join("a");
    assert_eq!(
        ids(&items),
        vec![
            "1".to_string(),
            format!("skipped {}", a.join("broken.txt").display()),
            format!("skipped {}", a.join("loop").display()),
            "2".to_string(),
        ]
    );
    assert_eq!(skipped(&items[1]).reason, SkipReason::BrokenLink);
    assert_eq!(
        skipped(&items[2]).reason,
        SkipReason::DirectoryLoop { ancestor: root.to_string_lossy().into_owned() }
    );
    assert!(skipped(&items[2]).reason.to_string().starts_with("symbolic link loop (leads back to "));

    // Not following links: the folder link is reported, not entered.
    let items = read(&[root], Options::default());
    assert_eq!(skipped(&items[2]).reason, SkipReason::LinkNotFollowed);
    assert_eq!(items.len(), 4);
}

// ---------------------------------------------------------------------------------------
// Manifests

fn seeds_folder(dir: &Path) -> PathBuf {
    let root = dir.join("seeds");
    write(&root, "000_b587ee3253eb2d41.txt", ARABIC);
    write(&root, "001_d67965d036683f9b.txt", ARABIC);
    write(&root, "sub/002_99d1a8828afe04f7.txt", ARABIC);
    write(
        &root,
        "seeds.jsonl",
        concat!(
            "{\"file\": \"000_b587ee3253eb2d41.txt\", \"published\": \"2022-09-16\", \"note\": \"from the text\"}\n",
            "{\"file\": \"001_d67965d036683f9b.txt\", \"published\": \"2022-09-13\", \"title\": \"عنوان\"}\n",
            "{\"file\": \"002_99d1a8828afe04f7.txt\", \"published\": \"2022-11-25\"}\n",
            "not json\n",
        ),
    );
    root
}

#[test]
fn manifest_is_found_in_a_walked_folder() {
    let dir = TempDir::new().unwrap();
    let root = seeds_folder(dir.path());
    let inputs = Inputs::new(std::slice::from_ref(&root), Options::default()).unwrap();
    let manifest = root.join("seeds.jsonl").to_string_lossy().into_owned();
    assert_eq!(inputs.manifests().len(), 1);
    assert_eq!(inputs.manifests()[0].path, manifest);
    assert_eq!(inputs.manifests()[0].entries, 3);
    assert!(inputs.manifests()[0].automatic);
    let items: Vec<Item> = inputs.collect();
    assert_eq!(
        ids(&items),
        vec![
            "000_b587ee3253eb2d41".to_string(),
            "001_d67965d036683f9b".to_string(),
            format!("skipped {manifest}:4"),
            "002_99d1a8828afe04f7".to_string(),
        ]
    );
    let first = doc(&items[0]);
    assert_eq!(first.meta.published, Some(date("2022-09-16")));
    assert_eq!(first.meta.extra.get("note").and_then(|v| v.as_str()), Some("from the text"));
    assert_eq!(first.meta.notes, vec![format!("metadata from manifest {manifest}")]);
    assert_eq!(doc(&items[1]).meta.title.as_deref(), Some("عنوان"));
    // Matched below the manifest's folder by bare file name.
    assert_eq!(doc(&items[3]).meta.published, Some(date("2022-11-25")));
    assert!(matches!(skipped(&items[2]).reason, SkipReason::BadManifestEntry(_)));
}

#[test]
fn manifest_named_among_explicit_inputs_applies_to_its_folder() {
    let dir = TempDir::new().unwrap();
    let root = seeds_folder(dir.path());
    // As a shell glob would list them: the manifest sorts after the files.
    let paths = vec![root.join("000_b587ee3253eb2d41.txt"), root.join("seeds.jsonl")];
    let items = read(&paths, Options::default());
    assert_eq!(doc(&items[0]).meta.published, Some(date("2022-09-16")));
    assert!(matches!(skipped(&items[1]).reason, SkipReason::BadManifestEntry(_)));
    assert_eq!(items.len(), 2);
}

#[test]
fn manifest_with_auto_manifests_off_is_reported() {
    let dir = TempDir::new().unwrap();
    let root = seeds_folder(dir.path());
    let items = read(std::slice::from_ref(&root), Options { auto_manifests: false, ..Options::default() });
    assert_eq!(doc(&items[0]).meta.published, None);
    let manifest = items
        .iter()
        .find_map(|item| match item {
            Item::Skipped(skip) => Some(skip),
            Item::Document(_) => None,
        })
        .unwrap();
    assert_eq!(manifest.reason, SkipReason::Manifest);
    assert_eq!(manifest.input, root.join("seeds.jsonl").to_string_lossy());
}

#[test]
fn real_seeds_folder_copy() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/seeds");
    if !seeds.is_dir() {
        eprintln!("skipped: {} is not available", seeds.display());
        return;
    }
    let dir = TempDir::new().unwrap();
    let copy = dir.path().join("seeds");
    fs::create_dir(&copy).unwrap();
    for entry in fs::read_dir(&seeds).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), copy.join(entry.file_name())).unwrap();
    }
    let inputs = Inputs::new(&[copy], Options::default()).unwrap();
    assert_eq!(inputs.manifests()[0].entries, 5);
    let items: Vec<Item> = inputs.collect();
    assert_eq!(items.len(), 5);
    let expected = ["2022-09-16", "2022-09-13", "2022-11-25", "2020-10-24", "2022-09-13"];
    for (item, published) in items.iter().zip(expected) {
        let d = doc(item);
        assert_eq!(d.meta.published, Some(date(published)), "{}", d.id);
        assert_eq!(d.text, fs::read_to_string(seeds.join(format!("{}.txt", d.id))).unwrap());
    }
}

const INDEX_TSV: &str = "file\toutlet\tpublication_date\ttitle\turl\tsource_repo\tnotes\n\
    001.txt\tSky News Arabia\t2018-09-11\tداعش يباغت قوات النظام\thttps://example.com/1\tantcorpus\tcontains NBSP\n\
    002.txt\tAl Arabiya\tnot a date\tعنوان ثان\t\t\t\n";

#[test]
fn explicit_tsv_manifest() {
    let dir = TempDir::new().unwrap();
    let real = dir.path().join("real");
    write(&real, "001.txt", ARABIC);
    write(&real, "002.txt", ARABIC);
    write(&real, "003.txt", ARABIC);
    let index = write(&real, "INDEX.tsv", INDEX_TSV);
    let inputs = Inputs::new(
        std::slice::from_ref(&real),
        Options { manifests: vec![index.clone()], published: Some(date("2019-01-01")), ..Options::default() },
    )
    .unwrap();
    assert_eq!(inputs.manifests()[0].entries, 2);
    assert!(!inputs.manifests()[0].automatic);
    // The manifest inside the walked folder is in use, so neither read nor ignored.
    assert!(inputs.ignored().is_empty(), "{:?}", inputs.ignored());
    let items: Vec<Item> = inputs.collect();
    assert_eq!(items.len(), 3);
    let first = doc(&items[0]);
    assert_eq!(first.meta.outlet.as_deref(), Some("Sky News Arabia"));
    assert_eq!(first.meta.published, Some(date("2018-09-11")));
    assert_eq!(first.meta.title.as_deref(), Some("داعش يباغت قوات النظام"));
    assert_eq!(first.meta.url.as_deref(), Some("https://example.com/1"));
    assert_eq!(first.meta.extra.get("source_repo").and_then(|v| v.as_str()), Some("antcorpus"));
    assert_eq!(first.meta.extra.get("notes").and_then(|v| v.as_str()), Some("contains NBSP"));
    let second = doc(&items[1]);
    // An unparsable manifest date leaves the field to the run's default, with notes.
    assert_eq!(second.meta.published, Some(date("2019-01-01")));
    let index = index.to_string_lossy();
    assert_eq!(
        second.meta.notes,
        vec![
            format!("manifest {index}: unparsable published date \"not a date\" (ignored)"),
            format!("metadata from manifest {index}"),
            "published: default date given for the run".to_string(),
        ]
    );
    assert_eq!(doc(&items[2]).meta.published, Some(date("2019-01-01")));
    assert_eq!(doc(&items[2]).meta.title, None);
}

#[test]
fn explicit_manifest_matches_by_stem_anywhere() {
    let dir = TempDir::new().unwrap();
    let index = write(
        dir.path(),
        "meta/index.csv",
        "path,date,headline\n\"001.txt\",2018-09-11,\"عنوان, مع فاصلة\"\n",
    );
    let elsewhere = write(dir.path(), "other/001.html.txt", ARABIC);
    let renamed = write(dir.path(), "other/001.md", ARABIC);
    let items = read(&[elsewhere, renamed], Options { manifests: vec![index], ..Options::default() });
    assert_eq!(doc(&items[0]).meta.published, None, "stem 001.html is not 001");
    assert_eq!(doc(&items[1]).meta.published, Some(date("2018-09-11")));
    assert_eq!(doc(&items[1]).meta.title.as_deref(), Some("عنوان, مع فاصلة"));
}

#[test]
fn real_index_tsv() {
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real");
    if !real.is_dir() {
        eprintln!("skipped: {} is not available", real.display());
        return;
    }
    let inputs = Inputs::new(
        &[real.join("001.txt")],
        Options { manifests: vec![real.join("INDEX.tsv")], ..Options::default() },
    )
    .unwrap();
    assert_eq!(inputs.manifests()[0].entries, 60);
    let items: Vec<Item> = inputs.collect();
    let d = doc(&items[0]);
    assert_eq!(d.meta.outlet.as_deref(), Some("Sky News Arabia"));
    assert_eq!(d.meta.published, Some(date("2018-09-11")));
    assert!(d.meta.extra.contains_key("conflict_area"));
}

#[test]
fn bad_explicit_manifest_is_a_usage_error() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("missing.tsv");
    let err =
        Inputs::new(&[], Options { manifests: vec![missing.clone()], ..Options::default() }).unwrap_err();
    assert!(matches!(err, ManifestError::Read { .. }));
    assert!(err.to_string().starts_with(&format!("cannot read metadata file {}: ", missing.display())));

    let no_key = write(dir.path(), "m.tsv", "name\tdate\na.txt\t2020-01-01\n");
    let err = Inputs::new(&[], Options { manifests: vec![no_key], ..Options::default() }).unwrap_err();
    assert!(matches!(err, ManifestError::NoFileColumn { .. }), "{err}");

    let bad_line = write(dir.path(), "m.jsonl", "{\"file\": \"a.txt\"}\n{oops\n");
    let err = Inputs::new(&[], Options { manifests: vec![bad_line], ..Options::default() }).unwrap_err();
    assert!(matches!(err, ManifestError::Malformed { line: 2, .. }), "{err}");

    let articles = write(dir.path(), "articles.jsonl", "{\"id\": \"a\", \"text\": \"نص\"}\n");
    let err = Inputs::new(&[], Options { manifests: vec![articles], ..Options::default() }).unwrap_err();
    assert!(err.to_string().contains("an article record, not a manifest entry"), "{err}");
}

#[test]
fn precedence_record_then_manifest_then_default() {
    let dir = TempDir::new().unwrap();
    let manifest = write(
        dir.path(),
        "meta.jsonl",
        concat!(
            "{\"file\": \"a\", \"published\": \"2001-01-01\", \"outlet\": \"manifest outlet\", \"title\": \"manifest title\"}\n",
            "{\"file\": \"b\", \"outlet\": \"manifest outlet\"}\n",
            "{\"file\": \"plain.txt\", \"published\": \"2003-03-03\"}\n",
        ),
    );
    let records = write(
        dir.path(),
        "in/records.jsonl",
        concat!(
            "{\"id\": \"a\", \"text\": \"نص\", \"published\": \"2020-02-02\"}\n",
            "{\"id\": \"b\", \"text\": \"نص\"}\n",
            "{\"id\": \"c\", \"text\": \"نص\", \"outlet\": null}\n",
        ),
    );
    let plain = write(dir.path(), "in/plain.txt", ARABIC);
    let other = write(dir.path(), "in/other.txt", ARABIC);
    let items = read(
        &[records, plain, other],
        Options { manifests: vec![manifest], published: Some(date("1999-09-09")), ..Options::default() },
    );
    let a = doc(&items[0]);
    assert_eq!(a.meta.published, Some(date("2020-02-02")), "record beats manifest");
    assert_eq!(a.meta.outlet.as_deref(), Some("manifest outlet"), "manifest fills gaps");
    assert_eq!(a.meta.title.as_deref(), Some("manifest title"));
    let b = doc(&items[1]);
    assert_eq!(b.meta.published, Some(date("1999-09-09")), "default comes last");
    assert_eq!(b.meta.outlet.as_deref(), Some("manifest outlet"));
    let c = doc(&items[2]);
    assert_eq!(c.meta.published, Some(date("1999-09-09")));
    assert_eq!(c.meta.outlet, None);
    assert_eq!(c.meta.notes, vec!["published: default date given for the run"]);
    assert_eq!(doc(&items[3]).meta.published, Some(date("2003-03-03")));
    assert_eq!(doc(&items[4]).meta.published, Some(date("1999-09-09")));
}

#[test]
fn page_metadata_outranks_manifest() {
    let dir = TempDir::new().unwrap();
    let page = write(dir.path(), "page.html", fs::read(fixture("article_ar.html")).unwrap());
    let manifest =
        write(dir.path(), "m.csv", "file,date,outlet,category\npage.html,2000-01-01,Manifest Outlet,world\n");
    let items = read(&[page], Options { manifests: vec![manifest], ..Options::default() });
    let d = doc(&items[0]);
    assert_eq!(d.meta.published, Some(date("2022-09-13")));
    assert_eq!(d.meta.outlet.as_deref(), Some("أخبار مرصد"));
    assert_eq!(d.meta.extra.get("category").and_then(|v| v.as_str()), Some("world"));
}

#[test]
fn progress_counts_compressed_bytes() {
    let dir = TempDir::new().unwrap();
    let content: String =
        (1..=200).map(|i| format!("{{\"id\": \"r{i}\", \"text\": \"نص {i}\"}}\n")).collect();
    let gz = write(dir.path(), "x.jsonl.gz", gzip(content.as_bytes()));
    let txt = write(dir.path(), "y.txt", ARABIC);
    let size = fs::metadata(&gz).unwrap().len() + ARABIC.len() as u64;
    let mut inputs = Inputs::new(&[gz, txt], Options::default()).unwrap();
    let progress = inputs.progress();
    assert_eq!(progress.total_bytes(), size);
    assert_eq!(progress.bytes_read(), 0);
    assert!(inputs.next().is_some());
    assert!(progress.bytes_read() > 0);
    assert_eq!(inputs.count(), 200);
    assert_eq!(progress.bytes_read(), size);
}

// ---------------------------------------------------------------------------------------
// Nothing lost without a word

#[test]
fn folder_with_nothing_to_read_is_reported() {
    let dir = TempDir::new().unwrap();
    let empty = dir.path().join("empty");
    fs::create_dir_all(empty.join("sub")).unwrap();
    let docs = dir.path().join("docs");
    write(&docs, "README.md", "# notes");
    write(&docs, "sub/notes.md", "# notes");
    write(&docs, ".DS_Store", "\0\0");
    let meta = dir.path().join("meta");
    write(&meta, "seeds.jsonl", "{\"file\": \"a.txt\", \"published\": \"2020-01-01\"}\n");
    let hidden = dir.path().join(".cache");
    write(&hidden, "a.txt", ARABIC);
    let items = read(&[empty.clone(), docs.clone(), meta.clone(), hidden], Options::default());
    let reasons: Vec<(String, String)> = items
        .iter()
        .map(|item| match item {
            Item::Skipped(skip) => (skip.input.clone(), skip.reason.to_string()),
            Item::Document(doc) => (doc.id.clone(), String::new()),
        })
        .collect();
    assert_eq!(
        reasons,
        vec![
            (
                empty.to_string_lossy().into_owned(),
                "folder holds no file marsad reads (no files in it)".to_string()
            ),
            (
                docs.to_string_lossy().into_owned(),
                "folder holds no file marsad reads (3 ignored: .md 2, hidden 1)".to_string()
            ),
            (
                meta.to_string_lossy().into_owned(),
                "folder holds no file marsad reads (only 1 metadata manifest)".to_string()
            ),
            // A hidden folder named explicitly is read.
            ("a".to_string(), String::new()),
        ]
    );
    assert_eq!(skipped(&items[0]).path.as_deref(), Some(empty.to_str().unwrap()));
}

#[test]
fn duplicate_manifest_entries_are_reported() {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("corpus");
    write(&root, "a.txt", ARABIC);
    write(
        &root,
        "seeds.jsonl",
        concat!(
            "{\"file\": \"a.txt\", \"published\": \"2020-01-01\"}\n",
            "{\"file\": \"b.txt\", \"published\": \"2020-02-02\"}\n",
            "{\"file\": \"./a.txt\", \"published\": \"2021-01-01\"}\n",
        ),
    );
    let items = read(std::slice::from_ref(&root), Options::default());
    assert_eq!(items.len(), 2, "{items:#?}");
    assert_eq!(doc(&items[0]).meta.published, Some(date("2020-01-01")));
    let dup = skipped(&items[1]);
    assert_eq!(dup.input, format!("{}:3", root.join("seeds.jsonl").display()));
    assert_eq!(dup.line, Some(3));
    assert_eq!(
        dup.reason.to_string(),
        "metadata manifest entry ignored: duplicate entry for \"a.txt\" (the entry on line 1 is used)"
    );

    // An explicit manifest with a duplicate is still used, and the duplicate reported.
    let csv = write(dir.path(), "m.csv", "file,date\na.txt,2019-09-09\nb.txt,2019-01-01\na.txt,2018-08-08\n");
    let items = read(&[root.join("a.txt")], Options { manifests: vec![csv.clone()], ..Options::default() });
    assert_eq!(items.len(), 2, "{items:#?}");
    assert_eq!(skipped(&items[0]).input, format!("{}:4", csv.display()));
    assert_eq!(
        skipped(&items[0]).reason,
        SkipReason::BadManifestEntry(
            "duplicate entry for \"a.txt\" (the entry on line 2 is used)".to_string()
        )
    );
    assert_eq!(doc(&items[1]).meta.published, Some(date("2019-09-09")));
}

#[test]
fn csv_manifest_unterminated_quote_costs_one_row() {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("corpus");
    write(&root, "a.txt", ARABIC);
    write(&root, "b.txt", ARABIC);
    let manifest = write(
        &root,
        "meta.csv",
        "file,title,published\na.txt,\"He said \"\"hi,2020-01-01\nb.txt,second,2020-02-02\n",
    );
    let inputs = Inputs::new(std::slice::from_ref(&root), Options::default()).unwrap();
    assert_eq!(inputs.manifests()[0].entries, 1);
    let items: Vec<Item> = inputs.collect();
    assert_eq!(items.len(), 3, "{items:#?}");
    assert_eq!(doc(&items[0]).meta.published, None);
    assert_eq!(doc(&items[1]).meta.published, Some(date("2020-02-02")));
    assert_eq!(skipped(&items[2]).input, format!("{}:2", manifest.display()));
    assert_eq!(
        skipped(&items[2]).reason.to_string(),
        "metadata manifest entry ignored: unterminated quoted field (no closing quote before the end of \
         the file); the next line is read as a new row"
    );
}

#[test]
fn csv_manifest_unterminated_quote_in_a_large_manifest() {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("corpus");
    write(&root, "a39999.txt", ARABIC);
    let mut csv = String::from("file,title,published\na0.txt,\"He said \"\"hi,2020-01-01\n");
    for i in 1..40_000 {
        csv.push_str(&format!("a{i}.txt,title number {i},2020-01-01\n"));
    }
    let manifest = write(&root, "meta.csv", csv);
    let started = std::time::Instant::now();
    let inputs = Inputs::new(std::slice::from_ref(&root), Options::default()).unwrap();
    let elapsed = started.elapsed();
    assert_eq!(inputs.manifests()[0].entries, 39_999);
    let items: Vec<Item> = inputs.collect();
    assert_eq!(items.len(), 2, "{items:#?}");
    assert_eq!(doc(&items[0]).meta.published, Some(date("2020-01-01")));
    assert_eq!(skipped(&items[1]).input, format!("{}:2", manifest.display()));
    assert_eq!(
        skipped(&items[1]).reason.to_string(),
        "metadata manifest entry ignored: unterminated quoted field (no closing quote within 1 MiB); the \
         next line is read as a new row"
    );
    // Linear: well under a second even unoptimised (it was quadratic: seconds).
    assert!(elapsed.as_secs() < 5, "{elapsed:?}");
}

#[test]
fn manifest_stems_follow_document_ids() {
    let dir = TempDir::new().unwrap();
    // The document id of `001.txt.gz` is `001`: its manifest entry matches by that stem.
    let manifest =
        write(dir.path(), "meta.jsonl", "{\"file\": \"001.txt.gz\", \"published\": \"2018-09-11\"}\n");
    let renamed = write(dir.path(), "other/001.md", ARABIC);
    let items = read(&[renamed], Options { manifests: vec![manifest], ..Options::default() });
    assert_eq!(doc(&items[0]).id, "001");
    assert_eq!(doc(&items[0]).meta.published, Some(date("2018-09-11")));
}

// ---------------------------------------------------------------------------------------
// .json files of many records

fn records(n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("{{\"id\": \"r{i}\", \"text\": \"نص رقم {i}\"}}")).collect()
}

fn limited(bytes: u64) -> Options {
    Options { max_article_bytes: bytes, ..Options::default() }
}

#[test]
fn json_file_of_many_records_is_not_capped_as_a_whole() {
    let dir = TempDir::new().unwrap();
    let recs = records(20);
    let expected: Vec<String> = (1..=20).map(|i| format!("r{i}")).collect();
    let lines = write(dir.path(), "lines.json", recs.join("\n") + "\n");
    let array = write(dir.path(), "array.json", format!("[\n  {}\n]\n", recs.join(",\n  ")));
    let gz = write(dir.path(), "array.json.gz", gzip(format!("[{}]", recs.join(",")).as_bytes()));
    for path in [lines, array, gz] {
        assert!(fs::metadata(&path).unwrap().len() > 100 || path.extension().unwrap() == "gz");
        let items = read(std::slice::from_ref(&path), limited(100));
        assert_eq!(ids(&items), expected, "{}", path.display());
    }
}

#[test]
fn json_element_over_the_limit_is_skipped_alone() {
    let dir = TempDir::new().unwrap();
    let big = format!("{{\"id\": \"big\", \"text\": \"{}\"}}", "x".repeat(200));
    let recs = records(2);
    let array = write(dir.path(), "a.json", format!("\u{feff}[{}, {big}, {}]", recs[0], recs[1]));
    let items = read(std::slice::from_ref(&array), limited(100));
    assert_eq!(
        ids(&items),
        vec!["r1".to_string(), format!("skipped {}#2", array.display()), "r2".to_string()]
    );
    assert_eq!(skipped(&items[1]).reason, SkipReason::TooLarge { size: Some(big.len() as u64), limit: 100 });

    let lines = write(dir.path(), "l.json", format!("{big}\n{}\n", recs[1]));
    let items = read(std::slice::from_ref(&lines), limited(100));
    assert_eq!(ids(&items), vec![format!("skipped {}:1", lines.display()), "r2".to_string()]);

    let single = write(dir.path(), "s.json", format!("\n{big}\n\n"));
    let items = read(&[single], limited(100));
    assert_eq!(skipped(&items[0]).reason, SkipReason::TooLarge { size: Some(big.len() as u64), limit: 100 });
}

#[test]
fn json_array_broken_part_way_keeps_what_came_before() {
    let dir = TempDir::new().unwrap();
    let recs = records(3);
    let open = write(dir.path(), "open.json", format!("[{},\n{}", recs[0], recs[1]));
    let items = read(std::slice::from_ref(&open), Options::default());
    assert_eq!(ids(&items), vec!["r1".to_string(), "r2".to_string(), format!("skipped {}", open.display())]);
    assert_eq!(
        skipped(&items[2]).reason.to_string(),
        "malformed JSON: the array is not closed (the input ends after element 2)"
    );

    let bad = write(
        dir.path(),
        "bad.json",
        format!("[{},\n  {{\"text\": oops}},\n{} {}]", recs[0], recs[1], recs[2]),
    );
    let items = read(std::slice::from_ref(&bad), Options::default());
    assert_eq!(
        ids(&items),
        vec![
            "r1".to_string(),
            format!("skipped {}#2", bad.display()),
            "r2".to_string(),
            format!("skipped {}", bad.display())
        ]
    );
    // Positions are the file's, not the element's.
    assert!(
        skipped(&items[1]).reason.to_string().contains("(line 2, column 12)"),
        "{}",
        skipped(&items[1]).reason
    );
    assert!(matches!(skipped(&items[3]).reason, SkipReason::Corrupt(_)));
    assert!(
        skipped(&items[3])
            .reason
            .to_string()
            .starts_with("malformed JSON array: expected ',' or ']' after element 3 (line 3, column"),
        "{}",
        skipped(&items[3]).reason
    );
}

#[test]
fn json_shape_is_decided_by_content() {
    let dir = TempDir::new().unwrap();
    // A pretty-printed object followed by another is not JSON Lines: one report, not one per line.
    let two = write(dir.path(), "two.json", "{\n  \"text\": \"أ\"\n}\n{\"text\": \"ب\"}\n");
    let items = read(std::slice::from_ref(&two), Options::default());
    assert_eq!(items.len(), 1, "{items:#?}");
    assert_eq!(
        skipped(&items[0]).reason.to_string(),
        "malformed JSON: unexpected content after the JSON value (line 4, column 1)"
    );
    // Lines with a broken one among them are JSON Lines.
    let lines = write(dir.path(), "lines.json", "{\"text\": \"أ\"}\n{\"text\": \"ب\"\n\n{\"text\": \"ج\"}\n");
    let items = read(std::slice::from_ref(&lines), Options::default());
    assert_eq!(
        ids(&items),
        vec!["lines:1".to_string(), format!("skipped {}:2", lines.display()), "lines:4".to_string()]
    );
    let empty = write(dir.path(), "empty.json", " [ ] ");
    assert_eq!(skipped(&read_one(&empty)).reason, SkipReason::Empty);
    // Blank lines before and between records keep the line numbers right.
    let spaced =
        write(dir.path(), "spaced.json", "\n\n{\"text\": \"أ\"}\n\n \r\n{\"text\": \"ب\"}\nnot json\n");
    let items = read(std::slice::from_ref(&spaced), Options::default());
    assert_eq!(
        ids(&items),
        vec!["spaced:3".to_string(), "spaced:6".to_string(), format!("skipped {}:7", spaced.display())]
    );
    let number = write(dir.path(), "number.json", "42");
    assert_eq!(
        skipped(&read_one(&number)).reason.to_string(),
        "malformed JSON: expected a JSON object, found a number"
    );
}

#[test]
fn real_bench_prefix_as_json() {
    let bench = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/bench/ant-multisource-2018.jsonl.gz");
    if !bench.is_file() {
        eprintln!("skipped: {} is not available", bench.display());
        return;
    }
    // 1,000 records saved as `.json`, read with a limit far below the file's size.
    let mut text = String::new();
    let file = flate2::read::MultiGzDecoder::new(fs::File::open(&bench).unwrap());
    for line in std::io::BufRead::lines(std::io::BufReader::new(file)).take(1000) {
        text.push_str(&line.unwrap());
        text.push('\n');
    }
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "big.json", &text);
    let items = read(&[path], limited(256 * 1024));
    assert!(text.len() > 1024 * 1024);
    assert_eq!(items.iter().filter(|i| matches!(i, Item::Document(_))).count(), 1000);
}

#[test]
fn pretty_printed_json_is_one_article() {
    let pretty = "{\n  \"id\": \"p\",\n  \"text\": \"نص\",\n  \"published\": \"2020-10-24\"\n}\n";
    let items = read_stdin(pretty.as_bytes().to_vec());
    assert_eq!(ids(&items), vec!["p"]);
    assert_eq!(doc(&items[0]).meta.published, Some(date("2020-10-24")));
    let dir = TempDir::new().unwrap();
    let dat = write(dir.path(), "record.dat", pretty);
    assert_eq!(ids(&read(&[dat], Options::default())), vec!["p"]);
}

#[test]
fn binary_text_is_refused_wherever_the_nul_is() {
    let dir = TempDir::new().unwrap();
    let bom = write(dir.path(), "bom.txt", b"\xEF\xBB\xBFab\0\0\0cd");
    assert_eq!(skipped(&read_one(&bom)).reason, SkipReason::Binary);
    let late = write(dir.path(), "late.txt", [ARABIC.repeat(200).as_bytes(), b"\0tail"].concat());
    assert_eq!(skipped(&read_one(&late)).reason, SkipReason::Binary);
    let utf16: Vec<u8> = ARABIC.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let utf16 = write(dir.path(), "utf16.txt", utf16);
    assert_eq!(
        skipped(&read_one(&utf16)).reason.to_string(),
        "binary content or UTF-16 text without a byte-order mark (convert it to UTF-8)"
    );
}
