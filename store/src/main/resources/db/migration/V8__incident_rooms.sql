-- Written for both H2 2.x and PostgreSQL 15+: only standard types and syntax both accept.

-- An incident's dedicated conversation, created when it was declared (incidents.rooms in the config): its platform
-- and the platform's id for it. Both null when the incident has no room (not configured, or the platform refused).
ALTER TABLE incidents ADD COLUMN room_platform VARCHAR(40);
ALTER TABLE incidents ADD COLUMN room_conversation VARCHAR;
