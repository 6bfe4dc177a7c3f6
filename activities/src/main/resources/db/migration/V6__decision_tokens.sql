-- Decision tokens for approvals by Temporal signal: the SHA-256 of each, never the token.
CREATE TABLE decision_tokens (
    token_sha256  VARCHAR(64)  NOT NULL PRIMARY KEY,
    mission_id    VARCHAR(64)  NOT NULL,
    checkpoint    VARCHAR(16)  NOT NULL,
    verdict       VARCHAR(16)  NOT NULL,
    actor         VARCHAR(200) NOT NULL,
    issued_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    redeemed_by   VARCHAR(100),
    redeemed_at   TIMESTAMP WITH TIME ZONE
);
