package dev.switchboard.alerts.action;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The explanation a service gave in an error body, short and safe to show: the named fields of a JSON body (strings,
 * or arrays of strings) joined, else the body's first line; cut to {@value #LIMIT} characters, with every secret
 * given replaced by {@code ***} in case the service echoes it. Stateless.
 */
final class RefusalText {
    static final int LIMIT = 300;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RefusalText() {}

    static String of(String body, List<String> secrets, String... fields) {
        String text = extract(body == null ? "" : body, fields);
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                text = text.replace(secret, "***");
            }
        }
        text = text.strip();
        if (text.isEmpty()) {
            return "no explanation given";
        }
        return text.length() <= LIMIT ? text : text.substring(0, LIMIT) + "…";
    }

    private static String extract(String body, String... fields) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null && root.isString()) {
                return root.asString();
            }
            if (root != null && root.isObject()) {
                List<String> parts = new ArrayList<>();
                for (String field : fields) {
                    JsonNode value = root.get(field);
                    if (value != null && value.isString()) {
                        parts.add(value.asString());
                    } else if (value != null && value.isArray()) {
                        value.forEach(item -> parts.add(item.isString() ? item.asString() : item.toString()));
                    } else if (value != null && value.isObject()) {
                        value.properties().forEach(entry -> parts.add(entry.getKey() + ": "
                                + (entry.getValue().isString() ? entry.getValue().asString() : entry.getValue())));
                    }
                }
                if (!parts.isEmpty()) {
                    return String.join("; ", parts);
                }
            }
        } catch (JacksonException notJson) {
            // Alertmanager and proxies answer some errors in plain text; fall through to the first line.
        }
        return body.lines().findFirst().orElse("");
    }
}
