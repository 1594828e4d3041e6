package dev.switchboard.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the shape of {@code policy:} (its meaning is the policy engine's): an ordered list of rules, each with
 * exactly one kind key naming the commands it covers, plus the settings that kind takes.
 */
final class PolicyReader {
    private static final List<String> KINDS = List.of("allow", "approve", "restrict", "confirm", "limit");
    private static final List<String> SETTINGS = List.of("to", "when", "by", "count", "ttl", "announce", "channels",
            "verified", "rate");
    private static final Map<String, List<String>> TAKES = Map.of(
            "allow", List.of("to", "when"),
            "approve", List.of("to", "when", "by", "count", "ttl", "announce"),
            "restrict", List.of("channels", "verified"),
            "confirm", List.of("to", "when"),
            "limit", List.of("to", "when", "rate"));
    private static final Map<String, String> REQUIRES = Map.of("approve", "by", "limit", "rate");

    private PolicyReader() {}

    static List<PolicyRule> read(Optional<Cursor> section) {
        List<PolicyRule> rules = new ArrayList<>();
        if (section.isEmpty() || section.get().isNull()) {
            return rules;
        }
        List<String> keys = Stream.concat(KINDS.stream(), SETTINGS.stream()).toList();
        for (Cursor item : section.get().items("an ordered list of rules, like - { allow: [\"help\"] }")
                .orElse(List.of())) {
            item.fields(keys).flatMap(PolicyReader::rule).ifPresent(rules::add);
        }
        return rules;
    }

    private static Optional<PolicyRule> rule(Fields f) {
        List<String> kinds = KINDS.stream().filter(f::has).toList();
        if (kinds.size() != 1) {
            f.map().error("expected exactly one of " + String.join(", ", KINDS) + ", got "
                    + (kinds.isEmpty() ? "none" : String.join(" and ", kinds) + "; write them as separate rules"));
            return Optional.empty();
        }
        String kind = kinds.getFirst();
        Optional<List<String>> commands = f.get(kind).flatMap(c -> c.strings(true).filter(list -> {
            if (list.isEmpty()) {
                c.error("expected at least one command id or pattern, like deploy.*");
            }
            return !list.isEmpty();
        }));
        String required = REQUIRES.get(kind);
        if (required != null) {
            f.required(required, "'" + required + "', which " + kind + " rules need");
        }
        if (kind.equals("restrict") && !f.has("verified")) {
            f.required("channels", "'channels', which restrict rules need unless they say verified: true");
        }
        Map<String, Object> settings = new HashMap<>();
        boolean ok = true;
        for (String key : SETTINGS) {
            Optional<Cursor> value = f.get(key);
            if (value.isEmpty()) {
                continue;
            }
            if (!TAKES.get(kind).contains(key)) {
                value.get().error("does not apply to " + kind + " rules; they take " + String.join(", ",
                        TAKES.get(kind)));
                ok = false;
                continue;
            }
            Optional<Object> setting = setting(key, value.get());
            setting.ifPresent(v -> settings.put(key, v));
            ok &= setting.isPresent();
        }
        return commands.isPresent() && ok
                ? Optional.of(new PolicyRule(kind, commands.get(), settings, f.map().mark().toString()))
                : Optional.empty();
    }

    private static Optional<Object> setting(String key, Cursor value) {
        return switch (key) {
            case "to", "by", "channels", "announce" -> value.strings(true).map(list -> list);
            case "verified" -> value.bool().map(b -> b);
            case "count" -> value.integer(1, 100).map(Long::intValue);
            case "ttl" -> value.duration().map(d -> d);
            default -> value.string().map(s -> s);
        };
    }
}
