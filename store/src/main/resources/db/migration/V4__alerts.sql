-- Written for both H2 2.x and PostgreSQL 15+: only standard types and syntax both accept.

-- Alerts received from webhooks (DESIGN.md section 7), one row per fingerprint holding the alert as last received.
-- status is firing or resolved; labels and annotations are flat JSON objects with sorted keys; links is a JSON
-- array of {"title","url"}; ends_at is null while an alert fires with no known end; transitions counts the rows
-- of alert_transitions for the fingerprint (the next one gets transitions + 1).
CREATE TABLE alerts (
    fingerprint VARCHAR     NOT NULL PRIMARY KEY,
    source      VARCHAR(40) NOT NULL,
    receiver    VARCHAR     NOT NULL,
    name        VARCHAR     NOT NULL,
    severity    VARCHAR,
    status      VARCHAR(10) NOT NULL,
    labels      VARCHAR,
    annotations VARCHAR,
    summary     VARCHAR,
    links       VARCHAR,
    starts_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at     TIMESTAMP WITH TIME ZONE,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    transitions INTEGER     NOT NULL
);
-- firing() lists firing alerts by start; query() lists by time of receipt, newest first.
CREATE INDEX alerts_status_start ON alerts (status, starts_at);
CREATE INDEX alerts_received ON alerts (received_at);

-- Every change of an alert's status, in order: firing, resolved, firing again. at is the alert's start for firing
-- and its end for resolved.
CREATE TABLE alert_transitions (
    fingerprint VARCHAR     NOT NULL,
    seq         INTEGER     NOT NULL,
    status      VARCHAR(10) NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (fingerprint, seq)
);
