package dev.switchboard.config;

import dev.switchboard.api.chat.ConversationRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code security:}: {@code redact} (regular expressions, each compiled here so a bad one is reported at its
 * line), {@code breakGlass.groups} (groups some configured user is in) and {@code breakGlass.announce}
 * (conversations on known platforms), and {@code confirmations.ttl}. Every key is optional.
 */
final class SecurityReader {
    private SecurityReader() {}

    static SecurityConfig read(Optional<Cursor> section, List<UserConfig> users) {
        Optional<Fields> f = section.flatMap(c -> c.fields(List.of("redact", "breakGlass", "confirmations")));
        List<Pattern> redact = f.flatMap(x -> x.get("redact")).map(SecurityReader::patterns).orElse(List.of());
        SecurityConfig.BreakGlass breakGlass = f.flatMap(x -> x.get("breakGlass")).filter(c -> !c.isNull())
                .map(c -> breakGlass(c, users)).orElse(SecurityConfig.BreakGlass.NONE);
        SecurityConfig.Confirmations confirmations = f.flatMap(x -> x.get("confirmations")).filter(c -> !c.isNull())
                .flatMap(c -> c.fields(List.of("ttl")))
                .flatMap(x -> x.get("ttl")).flatMap(SecurityReader::positive)
                .map(SecurityConfig.Confirmations::new).orElse(SecurityConfig.Confirmations.DEFAULT);
        return new SecurityConfig(redact, breakGlass, confirmations);
    }

    private static List<Pattern> patterns(Cursor list) {
        List<Pattern> patterns = new ArrayList<>();
        if (list.isNull()) {
            return patterns;
        }
        for (Cursor item : list.items("a list of regular expressions, like [\"AKIA[0-9A-Z]{16}\"]").orElse(List.of())) {
            item.string().flatMap(regex -> compile(item, regex)).ifPresent(patterns::add);
        }
        return patterns;
    }

    private static Optional<Pattern> compile(Cursor item, String regex) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            item.error("invalid regular expression " + item.shown() + ": " + e.getDescription()
                    + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
            return Optional.empty();
        }
        if (pattern.matcher("").matches()) {
            item.error("the regular expression " + item.shown() + " matches empty text, so it would mask "
                    + "between every character; make it match at least one character");
            return Optional.empty();
        }
        return Optional.of(pattern);
    }

    private static SecurityConfig.BreakGlass breakGlass(Cursor section, List<UserConfig> users) {
        Optional<Fields> f = section.fields(List.of("groups", "announce"));
        Set<String> known = new TreeSet<>();
        users.forEach(u -> known.addAll(u.groups()));
        List<String> groups = new ArrayList<>();
        f.flatMap(x -> x.get("groups")).ifPresent(c -> c.strings(false).ifPresent(names -> {
            List<Cursor> items = c.items("a list of groups").orElseThrow();
            for (int i = 0; i < names.size(); i++) {
                if (known.contains(names.get(i))) {
                    groups.add(names.get(i));
                } else {
                    items.get(i).error("unknown group " + items.get(i).shown() + "; " + (known.isEmpty()
                            ? "no configured user is in any group"
                            : "groups of configured users are " + String.join(", ", known))
                            + Spelling.hint(names.get(i), known));
                }
            }
        }));
        List<ConversationRef> announce = new ArrayList<>();
        f.flatMap(x -> x.get("announce")).ifPresent(c -> c.strings(false).ifPresent(texts -> {
            List<Cursor> items = c.items("a list of conversations").orElseThrow();
            for (int i = 0; i < texts.size(); i++) {
                ServiceSectionsReader.conversation(items.get(i), texts.get(i)).ifPresent(announce::add);
            }
        }));
        return new SecurityConfig.BreakGlass(groups, announce);
    }

    private static Optional<Duration> positive(Cursor c) {
        return c.duration().filter(d -> {
            if (d.isZero()) {
                c.error("expected a duration longer than zero, like 2m");
            }
            return !d.isZero();
        });
    }
}
