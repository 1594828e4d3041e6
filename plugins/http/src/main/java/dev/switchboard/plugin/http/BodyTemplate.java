package dev.switchboard.plugin.http;

import dev.switchboard.api.action.ActionSettings;
import dev.switchboard.api.command.ArgTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request body as written in YAML (maps, lists, strings, numbers, booleans, null) whose string leaves are
 * templates over the command's arguments. {@link #fill} gives plain Java values for Jackson to encode, so every
 * argument value ends up a properly escaped JSON string. Map keys are literal. Immutable.
 */
sealed interface BodyTemplate {

    /** The body with the placeholders filled: maps, lists, strings, numbers, booleans and nulls. */
    Object fill(Map<String, String> args);

    record JsonObject(Map<String, BodyTemplate> fields) implements BodyTemplate {
        public Object fill(Map<String, String> args) {
            Map<String, Object> out = new LinkedHashMap<>();
            fields.forEach((name, value) -> out.put(name, value.fill(args)));
            return out;
        }
    }

    record JsonArray(List<BodyTemplate> items) implements BodyTemplate {
        public Object fill(Map<String, String> args) {
            List<Object> out = new ArrayList<>();
            items.forEach(item -> out.add(item.fill(args)));
            return out;
        }
    }

    record JsonString(ArgTemplate template) implements BodyTemplate {
        public Object fill(Map<String, String> args) {
            return template.expand(args);
        }
    }

    /** A number, boolean or null, sent as written. */
    record JsonScalar(Object value) implements BodyTemplate {
        public Object fill(Map<String, String> args) {
            return value;
        }
    }

    /** Reads the YAML value at {@code path}; problems go to {@code in}, and the result is then meaningless. */
    static BodyTemplate read(Object raw, String path, ActionSettings in) {
        return switch (raw) {
            case null -> new JsonScalar(null);
            case Map<?, ?> map -> {
                Map<String, BodyTemplate> fields = new LinkedHashMap<>();
                map.forEach((key, value) -> fields.put(String.valueOf(key),
                        read(value, path + "." + key, in)));
                yield new JsonObject(fields);
            }
            case List<?> list -> {
                List<BodyTemplate> items = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    items.add(read(list.get(i), path + "[" + i + "]", in));
                }
                yield new JsonArray(items);
            }
            case String text -> new JsonString(orEmpty(in.template(path, text)));
            case Number n -> new JsonScalar(n);
            case Boolean b -> new JsonScalar(b);
            default -> {
                in.problem(path, "expected a map, list, text, number, true/false or null, got "
                        + ActionSettings.describe(raw));
                yield new JsonScalar(null);
            }
        };
    }

    private static ArgTemplate orEmpty(ArgTemplate template) {
        return template != null ? template : ArgTemplate.parse("");
    }
}
