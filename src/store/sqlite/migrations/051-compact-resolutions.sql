-- Entity-resolution decisions, one row per document (a JSON array of ResolutionRecord) instead of
-- one row per decision: a third of the size, and no per-entity index to maintain on every insert.
-- Merges rewrite the merged entity's id inside the arrays of the documents that mention it.

CREATE TABLE document_resolutions (
  doc_id   TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  records  TEXT NOT NULL -- JSON array of ResolutionRecord, in text order
);

INSERT INTO document_resolutions (doc_id, records)
  SELECT doc_id, json_group_array(json(record))
  FROM (SELECT doc_id, json_set(record, '$.entityId', entity_id) AS record FROM resolutions ORDER BY doc_id, seq)
  GROUP BY doc_id;

DROP TABLE resolutions;
