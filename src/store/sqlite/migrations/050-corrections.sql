-- Corrections (issue #9): the audit log of manual edits (merge, split, rename, retract, assert),
-- kept apart from ingested data so it survives re-ingest and can be replayed into a fresh database.
-- IF NOT EXISTS: src/store/sqlite/corrections.ts also runs this file on databases whose
-- user_version passed 50 before it existed.

CREATE TABLE IF NOT EXISTS corrections (
  id         TEXT PRIMARY KEY,            -- cor_…
  seq        INTEGER NOT NULL UNIQUE,     -- order of application
  op         TEXT NOT NULL CHECK (op IN ('merge', 'split', 'rename', 'retract', 'assert')),
  payload    TEXT NOT NULL,               -- JSON CorrectionOp (curate/corrections.ts)
  who        TEXT NOT NULL,
  at         TEXT NOT NULL,               -- ISO timestamp
  why        TEXT,
  undo       TEXT,                        -- JSON snapshot needed to undo (merge, split, rename)
  undone_at  TEXT,
  undone_by  TEXT
);
CREATE INDEX IF NOT EXISTS corrections_op ON corrections(op, undone_at);

-- Claims hidden from facts, answers and pages: retracted claims, and claims of undone assertions.
-- The store's claim queries can filter with
--   NOT EXISTS (SELECT 1 FROM retracted_claims r WHERE r.claim_id = c.id)
CREATE VIEW IF NOT EXISTS retracted_claims AS
  SELECT json_extract(payload, '$.claimId') AS claim_id, id AS correction_id
    FROM corrections WHERE op = 'retract' AND undone_at IS NULL
  UNION ALL
  SELECT json_extract(payload, '$.claimId') AS claim_id, id AS correction_id
    FROM corrections WHERE op = 'assert' AND undone_at IS NOT NULL;
