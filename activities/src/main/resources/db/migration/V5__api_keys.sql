-- API keys: the SHA-256 of each key, never the key (docs/security.md).
CREATE TABLE api_keys (
    id          VARCHAR(16)  NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    roles       VARCHAR(100) NOT NULL,
    key_sha256  VARCHAR(64)  NOT NULL,
    created_by  VARCHAR(200),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
