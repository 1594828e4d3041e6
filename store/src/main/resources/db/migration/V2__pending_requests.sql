-- Written for both H2 2.x and PostgreSQL 15+: only standard types and syntax both accept.

-- Confirmations and approvals waiting for a person (DESIGN.md section 2.2), kept across restarts.
-- The original message is stored column by column so it is replayed exactly; shown_args is a JSON object in the
-- order the arguments were shown, approvers a JSON array. kind and state are lower-case enum names.
CREATE TABLE pending_requests (
    id             VARCHAR     NOT NULL PRIMARY KEY,
    kind           VARCHAR(20) NOT NULL,
    correlation_id VARCHAR     NOT NULL,
    event_id       VARCHAR     NOT NULL,
    user_platform  VARCHAR     NOT NULL,
    user_id        VARCHAR     NOT NULL,
    user_display   VARCHAR     NOT NULL,
    user_verified  BOOLEAN     NOT NULL,
    conv_platform  VARCHAR     NOT NULL,
    conv_id        VARCHAR     NOT NULL,
    conv_thread    VARCHAR,
    text           VARCHAR     NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    direct         BOOLEAN     NOT NULL,
    requester_id   VARCHAR     NOT NULL,
    command_id     VARCHAR     NOT NULL,
    shown_args     VARCHAR     NOT NULL,
    args_hash      VARCHAR     NOT NULL,
    rule           VARCHAR     NOT NULL,
    approvers      VARCHAR     NOT NULL,
    required       INTEGER     NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    state          VARCHAR(20) NOT NULL,
    note           VARCHAR,
    CONSTRAINT pending_requests_one_per_kind UNIQUE (correlation_id, kind)
);
-- pending() and expiring() read the waiting requests oldest first.
CREATE INDEX pending_requests_state ON pending_requests (state, created_at);

-- Approvals given, one per approver and request (the key makes a second vote impossible); seq keeps their order.
CREATE TABLE pending_votes (
    request_id  VARCHAR NOT NULL REFERENCES pending_requests (id),
    approver_id VARCHAR NOT NULL,
    account     VARCHAR NOT NULL,
    voted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    seq         INTEGER NOT NULL,
    PRIMARY KEY (request_id, approver_id)
);
