-- Written for both H2 2.x and PostgreSQL 15+: only standard types and syntax both accept.

-- The pages sent from chat (escalate <alert|group> [service]): one row per dedup key, replaced when it is paged
-- again, deleted once the service took the resolve. service is the configured name (pagerduty); exactly one of
-- group_id and fingerprint says what the page is about.
CREATE TABLE alert_pages (
    dedup_key   VARCHAR     NOT NULL PRIMARY KEY,
    service     VARCHAR     NOT NULL,
    group_id    VARCHAR(64),
    fingerprint VARCHAR,
    paged_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    paged_by    VARCHAR     NOT NULL,
    CONSTRAINT alert_pages_about_one CHECK ((group_id IS NULL) <> (fingerprint IS NULL))
);
-- A restart loads them oldest first.
CREATE INDEX alert_pages_at ON alert_pages (paged_at, dedup_key);
