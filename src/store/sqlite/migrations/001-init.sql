-- Marquee SQLite schema, version 1.
-- Offsets (char_start, char_end, sentence_start, sentence_end) are UTF-16 code-unit indices into
-- documents.text (JavaScript string indices), never SQLite character positions.

CREATE TABLE documents (
  id            TEXT PRIMARY KEY,
  text_hash     TEXT NOT NULL UNIQUE,
  raw_hash      TEXT,
  title         TEXT NOT NULL,
  source        TEXT,
  url           TEXT,
  date          TEXT,
  date_source   TEXT,
  author        TEXT,
  language      TEXT,
  path          TEXT,
  text          TEXT NOT NULL,
  added_at      TEXT NOT NULL,
  duplicate_of  TEXT REFERENCES documents(id),
  minhash       TEXT -- JSON array of integers
);
CREATE INDEX documents_raw_hash ON documents(raw_hash);
CREATE INDEX documents_date ON documents(date);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of);

CREATE TABLE sentences (
  id          INTEGER PRIMARY KEY,
  doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx         INTEGER NOT NULL,
  char_start  INTEGER NOT NULL,
  char_end    INTEGER NOT NULL,
  text        TEXT NOT NULL,
  UNIQUE (doc_id, idx)
);

-- Full-text index over sentence text; external content (the text is stored once, in sentences).
CREATE VIRTUAL TABLE sentences_fts USING fts5(
  text,
  content = 'sentences',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

-- MinHash LSH band keys of canonical documents (near-duplicate detection).
CREATE TABLE lsh_bands (
  band    TEXT NOT NULL,
  doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY (band, doc_id)
) WITHOUT ROWID;

CREATE TABLE entities (
  id              TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  type            TEXT NOT NULL,
  subtype         TEXT,
  mention_count   INTEGER NOT NULL DEFAULT 0,
  document_count  INTEGER NOT NULL DEFAULT 0
);

-- kind 'name': a full alias ("Sofia Carson"); kind 'token': one word of an alias ("carson"),
-- used for surname matching and typeahead. alias_key is resolve/normalize.ts aliasKey().
CREATE TABLE entity_aliases (
  entity_id  TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('name', 'token')),
  alias_key  TEXT NOT NULL,
  alias      TEXT NOT NULL,
  PRIMARY KEY (entity_id, kind, alias_key)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_alias_key ON entity_aliases(alias_key, kind, entity_id);

CREATE TABLE mentions (
  doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  char_start  INTEGER NOT NULL,
  char_end    INTEGER NOT NULL,
  entity_id   TEXT NOT NULL REFERENCES entities(id),
  text        TEXT NOT NULL,
  PRIMARY KEY (doc_id, char_start, char_end, entity_id)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions(entity_id, doc_id);

CREATE TABLE claims (
  id               TEXT PRIMARY KEY,
  doc_id           TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  predicate        TEXT NOT NULL,
  subject_id       TEXT NOT NULL REFERENCES entities(id),
  object_id        TEXT REFERENCES entities(id),
  object_value     TEXT,
  object_datatype  TEXT,
  qualifiers       TEXT NOT NULL DEFAULT '{}', -- JSON object
  modality         TEXT NOT NULL,
  confidence       REAL NOT NULL,
  char_start       INTEGER NOT NULL,
  char_end         INTEGER NOT NULL,
  sentence_start   INTEGER NOT NULL,
  sentence_end     INTEGER NOT NULL,
  extractor        TEXT NOT NULL,
  CHECK ((object_id IS NULL) <> (object_value IS NULL))
);
CREATE INDEX claims_predicate ON claims(predicate);
CREATE INDEX claims_subject ON claims(subject_id);
CREATE INDEX claims_object ON claims(object_id);
CREATE INDEX claims_doc ON claims(doc_id, char_start);

-- Entity-resolution decisions, per document (for `marquee explain`).
CREATE TABLE resolutions (
  doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  entity_id  TEXT NOT NULL,
  method     TEXT NOT NULL,
  score      REAL NOT NULL,
  record     TEXT NOT NULL, -- JSON ResolutionRecord
  PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;
CREATE INDEX resolutions_entity ON resolutions(entity_id);
