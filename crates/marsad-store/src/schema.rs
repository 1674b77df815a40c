//! The SQLite schema, as a list of migrations.
//!
//! `PRAGMA user_version` holds how many migrations a database has had; opening a database runs
//! the missing ones, each in its own transaction with the version bump, so that a database is
//! always at one version or the next, never in between. A database whose version is higher
//! than [`LATEST`] was written by a newer marsad and is refused, not guessed at.
//!
//! Offsets (`start`, `end`) are code points into `articles.text`, as in the records.

/// Marks a SQLite file as a marsad database (`PRAGMA application_id`, "mrsd").
pub const APPLICATION_ID: i64 = 0x6d72_7364;

/// The migrations, in order; migration `i` brings a database from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: articles and their extractions
    r#"
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    ended TEXT,
    status TEXT NOT NULL,              -- running | complete | failed | interrupted (killed: marked by the next run)
    marsad_version TEXT NOT NULL,
    inputs TEXT NOT NULL,              -- JSON array of the paths given
    seen INTEGER NOT NULL DEFAULT 0,
    added INTEGER NOT NULL DEFAULT 0,
    replaced INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,          -- canonical source path (+ '#' + record id for feeds)
    doc_id TEXT NOT NULL,
    source_path TEXT,
    source_format TEXT NOT NULL,
    source_line INTEGER,
    outlet TEXT,
    published TEXT,
    published_from TEXT,
    language TEXT,
    hash BLOB NOT NULL,                -- SHA-256 of text and metadata
    title TEXT,
    text TEXT NOT NULL,
    record BLOB NOT NULL,              -- the JSON record with "text":"" (the text is above), deflated
    run INTEGER REFERENCES runs(id)
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,          -- 'kb:' + knowledge-base id, else 'name:' + type + ':' + normalised Arabic name
    kb TEXT,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    name_ar TEXT NOT NULL,
    subtype TEXT,
    country TEXT,                      -- knowledge-base id of the country (places)
    lat REAL,
    lon REAL
);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
CREATE INDEX entities_kb ON entities(kb);
CREATE TABLE mentions (
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local TEXT NOT NULL,               -- the record's entity id (e1)
    entity INTEGER NOT NULL REFERENCES entities(id),
    spans TEXT NOT NULL,               -- the entity's mentions in the article: JSON [[start, end, rule], ...]
    PRIMARY KEY (article, local)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions(entity);
CREATE TABLE times (
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    anchor TEXT NOT NULL,
    rule TEXT
);
CREATE INDEX times_article ON times(article);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local TEXT NOT NULL,               -- the record's id (v1)
    type TEXT NOT NULL,
    mode TEXT NOT NULL,
    date TEXT,
    modality TEXT,
    negated INTEGER NOT NULL,
    claimant_entity INTEGER REFERENCES entities(id),
    claimant TEXT,                     -- a name, when the claimant is not an entity of the record
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    trigger_start INTEGER,
    trigger_end INTEGER,
    rule TEXT,
    UNIQUE (article, local)
);
CREATE INDEX events_type ON events(type, date);
CREATE TABLE event_roles (
    event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role TEXT NOT NULL,                -- actor | target | location | reported_by
    entity INTEGER REFERENCES entities(id),
    name TEXT                          -- when the party is not an entity of the record
);
CREATE INDEX event_roles_event ON event_roles(event);
CREATE INDEX event_roles_entity ON event_roles(entity);
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,          -- position in the record's casualties
    count INTEGER,
    qualifier TEXT NOT NULL,
    kind TEXT NOT NULL,
    population TEXT NOT NULL,
    side_entity INTEGER REFERENCES entities(id),
    side TEXT,                         -- 'both', or a name that is not an entity of the record
    claimant_entity INTEGER REFERENCES entities(id),
    claimant TEXT,
    reported_by TEXT,                  -- JSON array of entity ids (entities.id)
    date TEXT,
    cumulative INTEGER NOT NULL,
    event INTEGER REFERENCES events(id) ON DELETE SET NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    rule TEXT
);
CREATE INDEX claims_article ON claims(article);
CREATE INDEX claims_kind ON claims(kind, date);
CREATE INDEX claims_side ON claims(side_entity);
CREATE TABLE debris (
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    reason TEXT NOT NULL,
    rule TEXT
);
CREATE INDEX debris_article ON debris(article);
"#,
    // 2: the full-text index over normalised terms (see `terms`): contentless, since snippets
    // are made from the original text; bm25 weights the title above the body. The terms are
    // letters and digits joined by single spaces, already folded, so the plain `ascii`
    // tokenizer splits them exactly (unicode61 would too, at twice the cost: its character
    // tables have nothing left to do).
    r#"
CREATE VIRTUAL TABLE article_fts USING fts5(
    title, body,
    content = '', contentless_delete = 1,
    tokenize = 'ascii'
);
"#,
    // 3: across articles (and the Arabic name of entities indexed, for search filters). MinHash sketches and their LSH buckets (see `sketch`), the
    // near-duplicate and text-reuse pairs they find, stories (clusters of articles about one
    // happening) and events merged across articles. Bucket rows carry no foreign key (it
    // would need an index on `article`): the rows of a replaced article stay and are skipped,
    // its sketch being gone. Days are days since 1970-01-01.
    r#"
-- the index's pending terms are written out once per commit (a batch), not at every MiB:
-- fewer, larger segments to merge
INSERT INTO article_fts (article_fts, rank) VALUES ('hashsize', 67108864);
CREATE INDEX entities_name_ar ON entities(name_ar);
-- the claims of an event (exports, merged events): without it, a scan of every claim per event
CREATE INDEX claims_event ON claims(event);
CREATE TABLE sketches (
    article INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    day INTEGER,                       -- publication day
    sketch BLOB NOT NULL               -- `Sketch::encode`
);
CREATE TABLE sketch_buckets (
    bucket INTEGER NOT NULL,
    article INTEGER NOT NULL,
    PRIMARY KEY (bucket, article)
) WITHOUT ROWID;
CREATE TABLE article_links (
    a INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,   -- the earlier stored (a < b)
    b INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,                -- duplicate | reuse
    similarity REAL NOT NULL,          -- estimated Jaccard similarity of the bodies
    paragraphs TEXT NOT NULL,          -- JSON [[paragraph of a, paragraph of b, similarity], ...]
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX article_links_b ON article_links(b);
CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    articles INTEGER NOT NULL,
    first_day INTEGER,                 -- earliest and latest publication days
    last_day INTEGER
);
CREATE INDEX stories_size ON stories(articles);
CREATE TABLE story_articles (
    article INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story INTEGER NOT NULL,
    why TEXT NOT NULL                  -- duplicate | reuse | event: how it joined
);
CREATE INDEX story_articles_story ON story_articles(story);
CREATE TABLE merged_events (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    mode TEXT NOT NULL,
    first_day INTEGER,                 -- the days the member events are dated on (null: not mergeable)
    last_day INTEGER,
    events INTEGER NOT NULL,
    articles INTEGER NOT NULL
);
CREATE INDEX merged_events_articles ON merged_events(articles);
CREATE TABLE event_merges (
    event INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    merged INTEGER NOT NULL
);
CREATE INDEX event_merges_merged ON event_merges(merged);
CREATE TABLE merged_keys (
    type TEXT NOT NULL,
    entity INTEGER NOT NULL,
    day INTEGER NOT NULL,
    merged INTEGER NOT NULL,
    place INTEGER NOT NULL,            -- 1: a location of the event (2: a country), 0: an actor or target
    PRIMARY KEY (type, entity, day, merged)
) WITHOUT ROWID;
"#,
    // 4: the search index merges its segments 16 at a time, not 4 (FTS5's default). An ingest
    // writes a segment per transaction (`hashsize` above), and merging them four at a time
    // rewrote the index once per four transactions (2% of the writer's time in a bench
    // ingest of 8 transactions, with the pages it wrote again besides); sixteen at a time
    // rewrites it half as often as a corpus grows (log16 rather than log4 levels), at the
    // cost of more segments for a search to read.
    r#"
INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', 16);
"#,
    // 5: no `times` and `debris` tables: nothing read them (a record's times and debris are in
    // its stored JSON, which the exports and the web API read), and writing them was 110,000
    // rows and an index of a bench ingest.
    r#"
DROP TABLE times;
DROP TABLE debris;
"#,
];

/// The schema version this build writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;
