-- Written for both H2 2.x and PostgreSQL 15+: only standard types and syntax both accept.

-- Who acked which alert from chat (ack <alert|group>): one row per fingerprint, replaced when someone acks it again.
-- group_id is the alert group the ack named, null when the alert was acked by its fingerprint.
CREATE TABLE alert_acks (
    fingerprint VARCHAR     NOT NULL PRIMARY KEY,
    acked_by    VARCHAR     NOT NULL,
    acked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    group_id    VARCHAR(64)
);
-- alerts mine lists one user's acks, newest first.
CREATE INDEX alert_acks_by ON alert_acks (acked_by, acked_at);
