package dev.switchboard.api.action;

import dev.switchboard.api.action.ActionFactory.Problem;
import dev.switchboard.api.command.ArgTemplate;
import dev.switchboard.api.command.CommandSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A helper for {@link ActionFactory} authors. Reads an action's raw settings (as written in YAML) into typed values, collecting every problem instead of
 * stopping at the first. A getter returns null when the setting is absent or wrong; the problem is recorded.
 * Not thread-safe: one reader per {@code configure} call.
 */
public final class ActionSettings {
    private static final Pattern COMMAND_ARG =
            Pattern.compile("\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*(?:=[^}]*|\\.\\.\\.)?\\s*}");

    private final Map<String, Object> settings;
    private final Set<String> declaredArgs;
    private final List<Problem> problems = new ArrayList<>();

    public ActionSettings(Map<String, Object> settings, CommandSpec command) {
        this.settings = settings;
        this.declaredArgs = declaredArgs(command);
    }

    /** The argument names the command's templates declare ({@code {env}}, {@code {version=latest}}, {@code {rest...}}). */
    public static Set<String> declaredArgs(CommandSpec command) {
        Set<String> names = new LinkedHashSet<>();
        for (String template : command.templates()) {
            Matcher m = COMMAND_ARG.matcher(template);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    public void problem(String setting, String message) {
        problems.add(new Problem(setting, message));
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public void rejectUnknown(Set<String> known) {
        for (String key : settings.keySet()) {
            if (!known.contains(key)) {
                problem(key, "unknown setting; expected one of " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    public Set<String> declaredArgs() {
        return declaredArgs;
    }

    public Object raw(String key) {
        return settings.get(key);
    }

    public boolean has(String key) {
        return settings.get(key) != null;
    }

    public String string(String key) {
        Object value = settings.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        problem(key, "expected text, got " + describe(value));
        return null;
    }

    public List<String> stringList(String key) {
        Object value = settings.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            problem(key, "expected a list of strings, got " + describe(value));
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item instanceof String || item instanceof Number || item instanceof Boolean) {
                out.add(String.valueOf(item));
            } else {
                problem(key + "[" + i + "]", "expected a string, got " + describe(item));
                out.add(null);
            }
        }
        return out;
    }

    public Map<String, String> stringMap(String key) {
        Object value = settings.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problem(key, "expected a map of name: value, got " + describe(value));
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                out.put(String.valueOf(k), String.valueOf(v));
            } else {
                problem(key + "." + k, "expected a string, got " + describe(v));
            }
        });
        return out;
    }

    public Boolean bool(String key) {
        Object value = settings.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        problem(key, "expected true or false, got " + describe(value));
        return null;
    }

    public Integer integer(String key, int min, int max) {
        Object value = settings.get(key);
        return value == null ? null : integerValue(key, value, min, max);
    }

    public List<Integer> integerList(String key, int min, int max) {
        Object value = settings.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problem(key, "expected a non-empty list of whole numbers from " + min + " to " + max);
            return null;
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Integer n = integerValue(key + "[" + i + "]", list.get(i), min, max);
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    private Integer integerValue(String path, Object value, int min, int max) {
        Long n = switch (value) {
            case Integer i -> (long) i;
            case Long l -> l;
            case Short s -> (long) s;
            case String s when s.strip().matches("-?\\d{1,10}") -> Long.parseLong(s.strip());
            default -> null;
        };
        if (n == null || n < min || n > max) {
            problem(path, "expected a whole number from " + min + " to " + max + ", got " + describe(value));
            return null;
        }
        return n.intValue();
    }

    /**
     * Parses a template over the command's arguments; a syntax error or a name the command does not declare is a
     * problem at {@code path}. The template text is not repeated in the message (it may hold a resolved secret).
     */
    public ArgTemplate template(String path, String source) {
        return template(path, source, declaredArgs, "an argument of this command");
    }

    /** As {@link #template(String, String)}, over the given names ({@code what} says what they are). */
    public ArgTemplate template(String path, String source, Set<String> allowed, String what) {
        ArgTemplate template;
        try {
            template = ArgTemplate.parse(source);
        } catch (IllegalArgumentException e) {
            problem(path, withoutSource(e.getMessage()));
            return null;
        }
        for (String name : template.names()) {
            if (!allowed.contains(name)) {
                problem(path, "{" + name + "} is not " + what + "; "
                        + (allowed.isEmpty() ? "there are none" : "expected one of " + braced(allowed)));
                return null;
            }
        }
        return template;
    }

    private static String withoutSource(String message) {
        int cut = message.indexOf(" in '");
        return cut < 0 ? message : message.substring(0, cut);
    }

    private static String braced(Set<String> names) {
        return String.join(", ", names.stream().map(n -> "{" + n + "}").toList());
    }

    public static String describe(Object value) {
        return switch (value) {
            case null -> "nothing";
            case Map<?, ?> m -> "a map";
            case List<?> l -> "a list";
            case String s -> "text";
            case Boolean b -> b.toString();
            case Number n -> n.toString();
            default -> value.getClass().getSimpleName();
        };
    }
}
