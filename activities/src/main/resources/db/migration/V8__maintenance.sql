-- Maintenance mode (runbook "Maintenance Windows"), one row, so every API replica honours it.
CREATE TABLE maintenance (
    id          INTEGER      NOT NULL PRIMARY KEY,
    active      BOOLEAN      NOT NULL,
    reason      VARCHAR(500),
    changed_by  VARCHAR(200),
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
