package dev.switchboard.core.builtin;

import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.audit.AuditQuery;
import dev.switchboard.api.audit.AuditRecord;
import dev.switchboard.api.audit.AuditStore;
import dev.switchboard.api.command.ArgType;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.reply.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The answers of {@code audit last N} and {@code audit user:alice command:deploy.* since:24h}: the newest matching
 * events as a table. Only known users may read the audit log (policy may narrow that further).
 */
final class AuditAnswers {
    private static final int DEFAULT_LIMIT = 20;
    private static final String FILTERS = "filters are user:ID, command:PATTERN, since:DURATION (30m, 24h, 7d), "
            + "type:TYPE and limit:N (1-100); for example: audit user:alice command:deploy.* since:24h";

    private final AuditStore audit;
    private final Clock clock;

    AuditAnswers(AuditStore audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    Reply last(int n, Principal principal) {
        return principal.known() ? table(audit.query(AuditQuery.last(n)), "The last %d audit events, newest first:")
                : Reply.text("Only known users may read the audit log.");
    }

    Reply search(String filters, Principal principal) {
        if (!principal.known()) {
            return Reply.text("Only known users may read the audit log.");
        }
        String actor = null;
        String command = null;
        Instant since = null;
        Set<AuditEventType> types = EnumSet.noneOf(AuditEventType.class);
        int limit = DEFAULT_LIMIT;
        for (String token : filters.strip().split("\\s+")) {
            int colon = token.indexOf(':');
            String key = colon > 0 ? token.substring(0, colon).toLowerCase(Locale.ROOT) : "";
            String value = colon > 0 ? token.substring(colon + 1) : "";
            if (value.isEmpty()) {
                return refuse(token);
            }
            switch (key) {
                case "user" -> actor = value;
                case "command" -> command = value;
                case "since" -> {
                    if (!(new ArgType.DurationType().check(value) instanceof ArgType.Check.Accepted ok)) {
                        return Reply.text("since:" + value + " is not a duration; " + FILTERS);
                    }
                    since = clock.instant().minus(Duration.parse(ok.value()));
                }
                case "type" -> {
                    try {
                        types.add(AuditEventType.fromWireName(value));
                    } catch (IllegalArgumentException e) {
                        return Reply.text("type:" + value + " is not an audit event type; expected one of "
                                + String.join(", ", EnumSet.allOf(AuditEventType.class).stream()
                                        .map(AuditEventType::wireName).toList()) + ".");
                    }
                }
                case "limit" -> {
                    if (!(new ArgType.Int(1, 100).check(value) instanceof ArgType.Check.Accepted ok)) {
                        return Reply.text("limit:" + value + " is not a whole number from 1 to 100; " + FILTERS);
                    }
                    limit = Integer.parseInt(ok.value());
                }
                default -> {
                    return refuse(token);
                }
            }
        }
        List<AuditRecord> found = audit.query(new AuditQuery(actor, command, types, since, limit));
        return table(found, "%d matching audit events, newest first:");
    }

    private static Reply refuse(String token) {
        return Reply.text("I don't understand \"" + token + "\" in an audit search; " + FILTERS + ".");
    }

    private static final int DETAIL_WIDTH = 100;

    private static Reply table(List<AuditRecord> records, String heading) {
        if (records.isEmpty()) {
            return Reply.text("No audit events match.");
        }
        List<List<String>> rows = new ArrayList<>();
        for (AuditRecord r : records) {
            AuditEvent e = r.event();
            rows.add(List.of(Long.toString(r.seq()), Times.format(e.time()),
                    e.actor() != null ? e.actor() : Objects.requireNonNullElse(e.account(), "system"),
                    e.type().wireName(), Objects.requireNonNullElse(e.commandId(), "-"), detail(e)));
        }
        return Reply.builder()
                .text(String.format(heading, records.size()))
                .table(List.of("seq", "time", "actor", "type", "command", "detail"), rows)
                .build();
    }

    /**
     * The event's details as {@code key=value} words, cut at {@link #DETAIL_WIDTH} characters: why a webhook was
     * refused, which silence was made; {@code status} and {@code httpStatus} first, the rest by name. (Already
     * redacted when recorded.)
     */
    private static String detail(AuditEvent event) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String first : List.of("status", "httpStatus")) {
            if (event.detail().containsKey(first)) {
                ordered.put(first, event.detail().get(first));
            }
        }
        event.detail().forEach(ordered::putIfAbsent);
        StringBuilder words = new StringBuilder();
        ordered.forEach((key, value) -> words.append(words.isEmpty() ? "" : " ").append(key).append('=')
                .append(value.replaceAll("\\s+", " ")));
        return words.length() <= DETAIL_WIDTH ? words.toString() : words.substring(0, DETAIL_WIDTH - 1) + "…";
    }
}
