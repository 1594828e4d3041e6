-- Written for both H2 2.x and PostgreSQL 15+: only standard types and syntax both accept.

-- The alert router's groups (DESIGN.md section 8: alert groups survive a restart), one row per group id. route,
-- platform, conversation, thread and labels (a flat JSON object with sorted keys) are the group's key;
-- message_id is the chat message it was last posted as (null before a post was confirmed); pending says a change
-- still waits to be shown; closed_at is set exactly when the group is closed; last_say_at and last_sent_at are when
-- it was last posted new and last posted or edited (the repeat and group intervals count from them).
CREATE TABLE alert_groups (
    id           VARCHAR(16) NOT NULL PRIMARY KEY,
    route        VARCHAR(64) NOT NULL,
    platform     VARCHAR(40) NOT NULL,
    conversation VARCHAR     NOT NULL,
    thread       VARCHAR,
    labels       VARCHAR     NOT NULL,
    message_id   VARCHAR,
    pending      BOOLEAN     NOT NULL,
    closed       BOOLEAN     NOT NULL,
    opened_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_say_at  TIMESTAMP WITH TIME ZONE,
    last_sent_at TIMESTAMP WITH TIME ZONE,
    closed_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX alert_groups_opened ON alert_groups (opened_at, id);

-- The fingerprints of the alerts each group holds (the alerts themselves are in the alerts table).
CREATE TABLE alert_group_members (
    group_id    VARCHAR(16) NOT NULL,
    fingerprint VARCHAR     NOT NULL,
    PRIMARY KEY (group_id, fingerprint)
);
