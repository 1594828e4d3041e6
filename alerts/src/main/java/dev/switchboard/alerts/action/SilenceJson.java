package dev.switchboard.alerts.action;

import dev.switchboard.api.alert.Silence;
import dev.switchboard.api.alert.SilenceMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Reads a silence as Alertmanager's v2 API describes it ({@code id, status.state, matchers[{name, value, isRegex,
 * isEqual}], startsAt, endsAt, createdBy, comment}); {@code isEqual} defaults to true, as in the API. Throws
 * {@link IllegalArgumentException} or {@link NullPointerException} for a description missing a required field.
 * Stateless.
 */
final class SilenceJson {
    private SilenceJson() {}

    static Silence read(JsonNode node) {
        List<SilenceMatcher> matchers = new ArrayList<>();
        for (JsonNode matcher : required(node, "matchers")) {
            boolean regex = required(matcher, "isRegex").asBoolean();
            JsonNode isEqual = matcher.get("isEqual");
            boolean equal = isEqual == null || isEqual.isNull() || isEqual.asBoolean();
            SilenceMatcher.Op op = regex
                    ? equal ? SilenceMatcher.Op.REGEX : SilenceMatcher.Op.NOT_REGEX
                    : equal ? SilenceMatcher.Op.EQUAL : SilenceMatcher.Op.NOT_EQUAL;
            matchers.add(new SilenceMatcher(required(matcher, "name").asString(),
                    required(matcher, "value").asString(), op));
        }
        Silence.State state = Silence.State.valueOf(
                required(required(node, "status"), "state").asString().toUpperCase(Locale.ROOT));
        return new Silence(required(node, "id").asString(), state, matchers,
                Instant.parse(required(node, "startsAt").asString()),
                Instant.parse(required(node, "endsAt").asString()),
                optional(node, "createdBy"), optional(node, "comment"));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }
}
