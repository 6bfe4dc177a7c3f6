-- Current state of every mission, written by its workflow (one row per mission).
CREATE TABLE missions (
    mission_id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    title              VARCHAR(500) NOT NULL,
    risk               VARCHAR(16)  NOT NULL,
    status             VARCHAR(32)  NOT NULL,
    current_checkpoint VARCHAR(32),
    requested_by       VARCHAR(200) NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    -- State version of the workflow that wrote the row; older writes never replace newer ones.
    version            BIGINT       NOT NULL,
    -- The mission JSON exactly as GET /missions/{id} returns it.
    document           TEXT         NOT NULL
);

CREATE INDEX missions_status_created_idx ON missions (status, created_at);

-- Append-only evidence log. A stream is a mission id, or budget:<name>.
-- prev_hash and hash carry the per-stream SHA-256 chain.
CREATE TABLE evidence_events (
    id          VARCHAR(200) NOT NULL PRIMARY KEY,
    stream      VARCHAR(160) NOT NULL,
    seq         BIGINT       NOT NULL,
    mission_id  VARCHAR(64),
    type        VARCHAR(64)  NOT NULL,
    actor       VARCHAR(200),
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    data        TEXT         NOT NULL,
    prev_hash   VARCHAR(64),
    hash        VARCHAR(64),
    recorded_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT evidence_events_stream_seq_uq UNIQUE (stream, seq)
);

CREATE INDEX evidence_events_mission_idx ON evidence_events (mission_id, seq);
