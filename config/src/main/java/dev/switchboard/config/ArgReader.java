package dev.switchboard.config;

import dev.switchboard.api.command.ArgSpec;
import dev.switchboard.api.command.ArgType;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one declared argument ({@code env: { type: enum, values: [staging, prod] }}) into an {@link ArgSpec}.
 * Keys that belong to another type ({@code regex} on an enum) are errors rather than silently ignored.
 */
final class ArgReader {
    static final List<String> TYPES = List.of("string", "int", "duration", "bool", "enum", "pattern");
    private static final List<String> KEYS = List.of("type", "values", "regex", "min", "max", "maxLength", "secret",
            "help");
    private static final Map<String, String> ONLY_FOR = Map.of("values", "enum", "regex", "pattern", "min", "int",
            "max", "int", "maxLength", "string");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private ArgReader() {}

    static Optional<ArgSpec> read(String name, Cursor arg) {
        if (!NAME.matcher(name).matches()) {
            arg.error("argument names are made of letters, digits and _, starting with a letter");
            return Optional.empty();
        }
        Optional<Fields> fields = arg.fields(KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> type = f.get("type").map(c -> c.oneOf("type", TYPES)).orElse(Optional.of("string"));
        boolean ok = true;
        for (var only : ONLY_FOR.entrySet()) {
            Optional<Cursor> key = f.get(only.getKey());
            if (key.isPresent() && type.isPresent() && !type.get().equals(only.getValue())) {
                key.get().error("applies only to type " + only.getValue() + ", not " + type.get());
                ok = false;
            }
        }
        boolean secret = f.get("secret").flatMap(Cursor::bool).orElse(false);
        String help = f.get("help").flatMap(Cursor::string).orElse("");
        Optional<ArgType> argType = type.flatMap(t -> type(t, f));
        return ok ? argType.map(t -> new ArgSpec(name, t, secret, help)) : Optional.empty();
    }

    private static Optional<ArgType> type(String type, Fields f) {
        return switch (type) {
            case "string" -> Optional.of(new ArgType.Text(f.get("maxLength").map(c -> c.integer(1, 10_000))
                    .orElse(Optional.of(200L)).orElse(200L).intValue()));
            case "int" -> integer(f);
            case "duration" -> Optional.of(new ArgType.DurationType());
            case "bool" -> Optional.of(new ArgType.Bool());
            case "enum" -> f.required("values", "the allowed values, like values: [staging, prod]")
                    .flatMap(ArgReader::values);
            default -> f.required("regex", "a regular expression the whole value must match")
                    .flatMap(ArgReader::pattern);
        };
    }

    private static Optional<ArgType> integer(Fields f) {
        Optional<Long> min = f.get("min").map(c -> c.integer(Long.MIN_VALUE, Long.MAX_VALUE))
                .orElse(Optional.of(Long.MIN_VALUE));
        Optional<Long> max = f.get("max").map(c -> c.integer(Long.MIN_VALUE, Long.MAX_VALUE))
                .orElse(Optional.of(Long.MAX_VALUE));
        if (min.isEmpty() || max.isEmpty()) {
            return Optional.empty();
        }
        if (min.get() > max.get()) {
            f.get("max").orElseThrow().error("max " + max.get() + " is less than min " + min.get());
            return Optional.empty();
        }
        return Optional.of(new ArgType.Int(min.get(), max.get()));
    }

    private static Optional<ArgType> values(Cursor c) {
        return c.strings(false).flatMap(values -> {
            if (values.isEmpty()) {
                c.error("expected at least one value");
                return Optional.empty();
            }
            Set<String> seen = new HashSet<>();
            for (String v : values) {
                if (!seen.add(v.toLowerCase(Locale.ROOT))) {
                    c.error("'" + v + "' is listed twice (values match case-insensitively)");
                    return Optional.empty();
                }
            }
            return Optional.of(new ArgType.Enum(values));
        });
    }

    private static Optional<ArgType> pattern(Cursor c) {
        return c.string().flatMap(regex -> {
            try {
                return Optional.of(new ArgType.PatternType(Pattern.compile(regex)));
            } catch (PatternSyntaxException e) {
                c.error("invalid regular expression: " + e.getDescription() + " at index " + e.getIndex());
                return Optional.empty();
            }
        });
    }
}
