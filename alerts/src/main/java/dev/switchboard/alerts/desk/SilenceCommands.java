package dev.switchboard.alerts.desk;

import dev.switchboard.alerts.action.Durations;
import dev.switchboard.alerts.action.MatcherSyntax;
import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.AlertDesk.Asker;
import dev.switchboard.api.alert.AlertStore;
import dev.switchboard.api.alert.Silence;
import dev.switchboard.api.alert.SilenceMatcher;
import dev.switchboard.api.alert.SilenceRequest;
import dev.switchboard.api.alert.SilenceResult;
import dev.switchboard.api.alert.Silences;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.reply.Reply;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code silence <group|alert|matchers> for <duration> [reason]} and {@code unsilence <silence id>}, on a real
 * Alertmanager through {@link Silences}. A group is silenced by the labels its alerts share, an alert by its labels,
 * matchers as typed. Thread-safe.
 */
final class SilenceCommands {
    /** The longest silence a chat user may ask for. */
    static final Duration MAX = Duration.ofDays(7);
    static final String NOT_CONFIGURED = "No Alertmanager is configured for silences: set alerts.alertmanager"
            + " (see docs/alerts-and-incidents.md).";
    private static final String USAGE = "Expected silence <group id|fingerprint|matchers> for <duration> [reason],"
            + " like: silence group k3x9pa for 2h deploy in progress, or silence alertname=DiskFull cluster=~\"eu-.*\""
            + " for 30m";
    private static final Pattern SILENCE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Silences silences;
    private final Targets targets;
    private final AlertStore store;
    private final DeskAudit audit;

    SilenceCommands(Silences silences, Targets targets, AlertStore store, DeskAudit audit) {
        this.silences = silences;
        this.targets = targets;
        this.store = store;
        this.audit = audit;
    }

    /** What the words before {@code for} name: a scope, or why there is none. */
    private sealed interface Scoped {}

    /** What to silence, as matchers, described for the reply, with how many firing alerts it covers now. */
    private record Scope(List<SilenceMatcher> matchers, String description, long firing) implements Scoped {}

    /** Why the words name nothing to silence, and what was expected. */
    private record Problem(String message) implements Scoped {}

    Reply silence(String request, Asker asker) {
        if (silences == null) {
            return Reply.text(NOT_CONFIGURED);
        }
        List<String> words = Words.split(request);
        int at = indexOfFor(words);
        if (at <= 0 || at == words.size() - 1) {
            return Reply.text(USAGE);
        }
        String durationText = words.get(at + 1);
        Optional<Duration> duration = ChatDuration.parse(durationText);
        if (duration.isEmpty()) {
            return Reply.text(Words.shown(durationText) + " is not a duration; expected a number with d, h, m or s,"
                    + " like 2h, 30m, 1d or 1h30m");
        }
        if (duration.get().compareTo(MAX) > 0) {
            return Reply.text("A silence from chat may last at most " + Durations.text(MAX) + ", not "
                    + Durations.text(duration.get()) + "; silence again when it ends if it is still needed.");
        }
        Scope what;
        switch (scope(words.subList(0, at))) {
            case Problem(String message) -> {
                return Reply.text(message);
            }
            case Scope scope -> what = scope;
        }
        String reason = audit.redact(String.join(" ", words.subList(at + 2, words.size())));
        SilenceRequest silence = new SilenceRequest(what.matchers(), duration.get(), asker.userId(), reason);
        return switch (silences.create(silence)) {
            case SilenceResult.Silenced(Silence made) -> silenced(made, what, reason, asker);
            case SilenceResult.Refused(String why) -> Reply.text("Alertmanager refused the silence: " + why
                    + ". Nothing was silenced.");
            case SilenceResult.Unavailable(String why) -> Reply.text("Could not create the silence: " + why
                    + ". Nothing was silenced; try again shortly.");
            case SilenceResult.Expired e -> Reply.text("Alertmanager answered oddly; nothing was silenced.");
            case SilenceResult.NotFound n -> Reply.text("Alertmanager answered oddly; nothing was silenced.");
        };
    }

    private Reply silenced(Silence made, Scope what, String reason, Asker asker) {
        String matchers = matchers(made.matchers());
        String warning = audit.record(AuditEventType.SILENCED, "silence", asker, ordered(
                "silenceId", made.id(), "target", what.description(), "matchers", matchers,
                "endsAt", made.endsAt(), "reason", reason.isBlank() ? null : reason));
        String count = what.firing() == 1 ? "1 alert" : what.firing() + " alerts";
        return Reply.builder()
                .text("Silenced " + count + " " + what.description() + " until " + until(made.endsAt()) + " as "
                        + made.id() + ". To lift it: unsilence " + made.id() + warning)
                .field("matchers", matchers)
                .build();
    }

    Reply unsilence(String request, Asker asker) {
        if (silences == null) {
            return Reply.text(NOT_CONFIGURED);
        }
        List<String> words = Words.split(request);
        if (words.size() != 1) {
            return Reply.text("Expected unsilence <silence id>, like: unsilence 4f1c2d3e-5a6b-47c8-9d0e-1f2a3b4c5d6e"
                    + " (the id is in the reply to silence)");
        }
        String id = words.getFirst();
        if (!SILENCE_ID.matcher(id).matches()) {
            return Reply.text(Words.shown(id) + " is not a silence id; expected the id from the reply to silence,"
                    + " like 4f1c2d3e-5a6b-47c8-9d0e-1f2a3b4c5d6e");
        }
        String matchers = silences.find(id) instanceof SilenceResult.Silenced(Silence kept)
                ? matchers(kept.matchers()) : null;
        return switch (silences.expire(id)) {
            case SilenceResult.Expired e -> {
                String warning = audit.record(AuditEventType.UNSILENCED, "unsilence", asker,
                        ordered("silenceId", id, "matchers", matchers));
                yield Reply.text("Expired silence " + id + (matchers == null ? "" : " (" + matchers + ")")
                        + "; the alerts it muted notify again." + warning);
            }
            case SilenceResult.NotFound n -> Reply.text("Alertmanager knows no silence " + id + ". Silence ids are"
                    + " in the reply to silence.");
            case SilenceResult.Refused(String why) -> Reply.text("Alertmanager refused to expire silence " + id
                    + ": " + why);
            case SilenceResult.Unavailable(String why) -> Reply.text("Could not expire silence " + id + ": " + why
                    + ". It still mutes its alerts; try again shortly.");
            case SilenceResult.Silenced s -> Reply.text("Alertmanager answered oddly; silence " + id
                    + " may still be active.");
        };
    }

    /** The matchers the words name, or what is wrong with them. */
    private Scoped scope(List<String> words) {
        String text = String.join(" ", words);
        if (text.startsWith("{") || text.contains("=") || text.contains("!~")) {
            return switch (MatcherSyntax.parse(text)) {
                case MatcherSyntax.Parsed.Invalid(String message) -> new Problem("Those matchers are not valid: "
                        + message + ". " + USAGE);
                case MatcherSyntax.Parsed.Matchers(List<SilenceMatcher> matchers) -> MatcherSyntax.problem(matchers)
                        .<Scoped>map(p -> new Problem("That silence would not work: " + p + "."))
                        .orElseGet(() -> new Scope(matchers, "matching " + matchers(matchers),
                                store.firing().stream().filter(matching(matchers)).count()));
            };
        }
        Targets.Read read = targets.read(words);
        if (!read.rest().isEmpty()) {
            return new Problem("I read " + Words.shown(String.join(" ", read.rest())) + " as extra; " + USAGE);
        }
        return switch (read.target()) {
            case Target.Missing(String message) -> new Problem(message);
            case Target.One(Alert alert) -> alert.labels().isEmpty()
                    ? new Problem("Alert " + alert.fingerprint() + " has no labels to silence it by.")
                    : new Scope(equal(alert.labels()), "(alert " + alert.fingerprint() + ", " + alert.name() + ")",
                            alert.firing() ? 1 : 0);
            case Target.Group group -> {
                Map<String, String> common = group.commonLabels();
                if (common.isEmpty()) {
                    yield new Problem("The alerts in group " + group.id() + " share no label, so one silence cannot"
                            + " cover them; silence by matchers instead, like: silence alertname=DiskFull for 2h");
                }
                yield new Scope(equal(common), "in group " + group.id(), group.firing());
            }
        };
    }

    /** One {@code name="value"} matcher per label, sorted by name: exactly this label set. */
    private static List<SilenceMatcher> equal(Map<String, String> labels) {
        return new TreeMap<>(labels).entrySet().stream()
                .map(label -> SilenceMatcher.equal(label.getKey(), label.getValue())).toList();
    }

    /** True for alerts the matchers select, as Alertmanager reads them (anchored, a missing label is empty). */
    static Predicate<Alert> matching(List<SilenceMatcher> matchers) {
        List<Predicate<Alert>> each = matchers.stream().map(m -> {
            Pattern pattern = m.op().regex() ? Pattern.compile(m.value()) : null;
            return (Predicate<Alert>) alert -> {
                String value = alert.labels().getOrDefault(m.name(), "");
                boolean hit = pattern != null ? pattern.matcher(value).matches() : value.equals(m.value());
                return hit == m.op().equal();
            };
        }).toList();
        return alert -> each.stream().allMatch(p -> p.test(alert));
    }

    private static int indexOfFor(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).equalsIgnoreCase("for")) {
                return i;
            }
        }
        return -1;
    }

    private String until(Instant end) {
        Instant now = audit.clock().instant();
        return end.isBefore(now.plus(Duration.ofHours(20))) ? CLOCK.format(end) : DATE.format(end);
    }

    static String matchers(List<SilenceMatcher> matchers) {
        return matchers.stream().map(SilenceMatcher::toString).collect(Collectors.joining(" "));
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
