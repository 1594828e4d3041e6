package dev.switchboard.core.incident;

import dev.switchboard.api.incident.Incident;
import dev.switchboard.api.incident.Incident.Role;
import dev.switchboard.api.incident.TimelineEntry;
import dev.switchboard.api.incident.TimelineEntry.Kind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders an incident's postmortem as Markdown: summary, impact window, timeline, participants, commands run and
 * follow-ups (notes that start with {@code follow-up:} or {@code todo:}). Deterministic: the same incident and
 * timeline always give the same text (times in UTC, participants in order of first appearance), so it can be
 * pinned by a golden file. Pure and thread-safe.
 */
public final class PostmortemDocument {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final List<String> FOLLOW_UP_PREFIXES = List.of("follow-up:", "followup:", "todo:");

    private PostmortemDocument() {}

    public static String render(Incident incident, List<TimelineEntry> timeline) {
        StringBuilder md = new StringBuilder();
        md.append("# Postmortem ").append(incident.id()).append(": ").append(incident.title()).append("\n\n");
        summary(md, incident);
        impact(md, incident);
        md.append("## Timeline\n\n| Time | Who | What | Details |\n|---|---|---|---|\n");
        for (TimelineEntry e : timeline) {
            md.append("| ").append(time(e.at())).append(" | ").append(cell(who(e))).append(" | ")
                    .append(e.kind().wireName()).append(" | ").append(cell(e.text())).append(" |\n");
        }
        md.append('\n');
        participants(md, incident, timeline);
        list(md, "Commands run", timeline.stream().filter(e -> e.kind() == Kind.COMMAND)
                .map(e -> time(e.at()) + " " + who(e) + ": " + e.text()).toList(), "- None.");
        followUps(md, timeline);
        return md.toString();
    }

    private static void summary(StringBuilder md, Incident incident) {
        md.append("## Summary\n\n");
        md.append(incident.summary() != null ? incident.summary() : "No summary was given.").append("\n\n");
        md.append("| Field | Value |\n|---|---|\n");
        row(md, "Severity", incident.severity().wireName());
        row(md, "Status", incident.status().wireName());
        for (Role role : Role.values()) {
            String holder = incident.roles().get(role);
            row(md, capitalised(role.wireName()), holder == null ? "-" : holder);
        }
        row(md, "Declared in", incident.conversation().toString());
        if (incident.room() != null) {
            row(md, "Room", incident.room().toString());
        }
        md.append('\n');
    }

    private static void impact(StringBuilder md, Incident incident) {
        md.append("## Impact window\n\n");
        if (incident.resolvedAt() == null) {
            md.append("From ").append(time(incident.declaredAt())).append(" (declared); still open.\n\n");
        } else {
            md.append("From ").append(time(incident.declaredAt())).append(" (declared) to ")
                    .append(time(incident.resolvedAt())).append(" (resolved): ")
                    .append(duration(Duration.between(incident.declaredAt(), incident.resolvedAt()))).append(".\n\n");
        }
    }

    private static void participants(StringBuilder md, Incident incident, List<TimelineEntry> timeline) {
        Map<String, List<String>> people = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            String holder = incident.roles().get(role);
            if (holder != null) {
                people.computeIfAbsent(holder, k -> new ArrayList<>()).add(role.wireName());
            }
        }
        for (TimelineEntry e : timeline) {
            if (e.who() != null) {
                people.computeIfAbsent(e.who(), k -> new ArrayList<>());
            }
        }
        List<String> lines = new ArrayList<>();
        people.forEach((who, roles) -> lines.add(who + (roles.isEmpty() ? "" : " (" + String.join(", ", roles) + ")")));
        list(md, "Participants", lines, "- None.");
    }

    private static void followUps(StringBuilder md, List<TimelineEntry> timeline) {
        List<String> items = new ArrayList<>();
        for (TimelineEntry e : timeline) {
            if (e.kind() != Kind.NOTE) {
                continue;
            }
            String lower = e.text().toLowerCase(Locale.ROOT);
            FOLLOW_UP_PREFIXES.stream().filter(lower::startsWith).findFirst().ifPresent(prefix ->
                    items.add("[ ] " + e.text().substring(prefix.length()).strip() + " (" + who(e) + ")"));
        }
        list(md, "Follow-ups", items, "- None recorded (notes starting with \"follow-up:\" are listed here).");
    }

    private static void list(StringBuilder md, String heading, List<String> items, String none) {
        md.append("## ").append(heading).append("\n\n");
        if (items.isEmpty()) {
            md.append(none).append('\n');
        }
        items.forEach(item -> md.append("- ").append(item).append('\n'));
        md.append('\n');
    }

    private static void row(StringBuilder md, String field, String value) {
        md.append("| ").append(field).append(" | ").append(cell(value)).append(" |\n");
    }

    private static String who(TimelineEntry e) {
        return e.who() == null ? "switchboard" : e.who();
    }

    /** One table cell: pipes would end it and newlines would end the row. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    static String time(Instant at) {
        return TIME.format(at);
    }

    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh %02dm %02ds", s / 3600, s % 3600 / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }
}
