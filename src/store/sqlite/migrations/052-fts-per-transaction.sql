-- Sentences are added to the full-text index once per outermost transaction (by the store, see
-- SqliteStore.transaction in src/store/sqlite/index.ts) instead of row by row through a trigger:
-- FTS5 writes its pending terms to a new segment at every savepoint, and ingest opens one
-- savepoint per document, so the trigger made one tiny segment (and merge work) per document.
-- The index of an existing database is complete at this point; nothing to rebuild.
DROP TRIGGER IF EXISTS sentences_ai;
