package dev.switchboard.api.incident;

import dev.switchboard.api.chat.ConversationRef;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One incident as last stored. Immutable; changes are new copies ({@code with...}) that a store accepts only at the
 * {@code revision} it holds (optimistic locking).
 *
 * @param id {@code INC-<number>}, given by the store
 * @param roles who holds which role; always has a {@link Role#COMMANDER}
 * @param conversation where it was declared; commands there apply to it and are put on its timeline
 * @param room its dedicated conversation, created when it was declared; null when it has none. Commands there count
 *     as run in its conversation
 * @param resolvedAt null until resolved
 * @param summary the resolve summary; null until resolved with one
 * @param revision how many times it was stored (1 when declared); a store refuses a change made from an older one
 */
public record Incident(String id, String title, Severity severity, Status status, Map<Role, String> roles,
        ConversationRef conversation, ConversationRef room, Instant declaredAt, Instant resolvedAt, String summary,
        int revision) {

    /** The prefix of every incident id. */
    public static final String ID_PREFIX = "INC-";

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(declaredAt, "declaredAt");
        if (roles == null || !roles.containsKey(Role.COMMANDER)) {
            throw new IllegalArgumentException("an incident always has a commander");
        }
        roles = Collections.unmodifiableMap(new EnumMap<>(roles));
    }

    /** An incident without a dedicated room. */
    public Incident(String id, String title, Severity severity, Status status, Map<Role, String> roles,
            ConversationRef conversation, Instant declaredAt, Instant resolvedAt, String summary, int revision) {
        this(id, title, severity, status, roles, conversation, null, declaredAt, resolvedAt, summary, revision);
    }

    /** How bad: {@code sev1} is the worst. */
    public enum Severity {
        SEV1, SEV2, SEV3, SEV4;

        /** {@code sev2}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@code sev2}, {@code SEV2} or {@code 2}; empty for anything else. */
        public static Optional<Severity> parse(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            for (Severity s : values()) {
                if (t.equals(s.wireName()) || t.equals(s.wireName().substring(3))) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    /** Where the response stands; only {@link #RESOLVED} is closed. */
    public enum Status {
        DECLARED, INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Status> parse(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            for (Status s : values()) {
                if (t.equals(s.wireName())) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    /** The roles of an incident's response. */
    public enum Role {
        COMMANDER, COMMS, SCRIBE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Role> parse(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            for (Role r : values()) {
                if (t.equals(r.wireName())) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }
    }

    /** {@code INC-<number>}. */
    public static String id(long number) {
        return ID_PREFIX + number;
    }

    /** The number in {@code INC-42} (any case); empty if {@code id} is not an incident id. */
    public static OptionalLong number(String id) {
        if (id == null || id.length() <= ID_PREFIX.length()
                || !id.regionMatches(true, 0, ID_PREFIX, 0, ID_PREFIX.length())) {
            return OptionalLong.empty();
        }
        String digits = id.substring(ID_PREFIX.length());
        if (digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long n = Long.parseLong(digits);
        return n > 0 ? OptionalLong.of(n) : OptionalLong.empty();
    }

    public String commander() {
        return roles.get(Role.COMMANDER);
    }

    public boolean open() {
        return status != Status.RESOLVED;
    }

    /**
     * Whether a command typed in {@code where} is typed in this incident's conversation or its room (threads of
     * either count as the same conversation).
     */
    public boolean workedIn(ConversationRef where) {
        return same(conversation, where) || (room != null && same(room, where));
    }

    private static boolean same(ConversationRef a, ConversationRef b) {
        return a.platform().equals(b.platform()) && a.id().equals(b.id());
    }

    /** The same incident with its dedicated room. */
    public Incident withRoom(ConversationRef r) {
        return new Incident(id, title, severity, status, roles, conversation, Objects.requireNonNull(r, "room"),
                declaredAt, resolvedAt, summary, revision);
    }

    public Incident withStatus(Status s) {
        return new Incident(id, title, severity, s, roles, conversation, room, declaredAt, resolvedAt, summary,
                revision);
    }

    public Incident withSeverity(Severity s) {
        return new Incident(id, title, s, status, roles, conversation, room, declaredAt, resolvedAt, summary,
                revision);
    }

    public Incident withRole(Role role, String user) {
        Map<Role, String> changed = new EnumMap<>(roles);
        changed.put(role, Objects.requireNonNull(user, "user"));
        return new Incident(id, title, severity, status, changed, conversation, room, declaredAt, resolvedAt, summary,
                revision);
    }

    /** Resolved at {@code at} with {@code summary} (null for none). */
    public Incident resolved(Instant at, String summary) {
        return new Incident(id, title, severity, Status.RESOLVED, roles, conversation, room, declaredAt,
                Objects.requireNonNull(at, "at"), summary, revision);
    }
}
