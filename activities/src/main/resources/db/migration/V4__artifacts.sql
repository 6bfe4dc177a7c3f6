-- Content a mission produced that is too large for a workflow history or an event: planned
-- diffs, audit packs. Keyed by the SHA-256 of the bytes, so storing twice is storing once.
CREATE TABLE artifacts (
    sha256      VARCHAR(64)  NOT NULL PRIMARY KEY,
    mission_id  VARCHAR(64),
    kind        VARCHAR(32)  NOT NULL,
    media_type  VARCHAR(100) NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    content     BYTEA        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);

CREATE INDEX artifacts_mission_idx ON artifacts (mission_id, kind);
