package dev.switchboard.testkit;

import dev.switchboard.api.command.ArgType;
import dev.switchboard.api.command.CommandParser;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.command.ParseResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small template parser for the harness's own tests, standing in for the real one: literal words match
 * case-insensitively, {x} takes one token, {x=d} is optional, {x...} takes the rest; suggestions are commands whose
 * first word is within two edits of the first word typed.
 */
final class SimpleParser implements CommandParser {
    private final List<CommandSpec> commands;

    SimpleParser(List<CommandSpec> commands) {
        this.commands = List.copyOf(commands);
    }

    @Override
    public ParseResult parse(String text) {
        List<String> tokens = List.of(text.strip().split("\\s+"));
        ParseResult invalid = null;
        for (CommandSpec c : commands) {
            for (String template : c.templates()) {
                Map<String, String> raw = new LinkedHashMap<>();
                if (!match(List.of(template.split("\\s+")), 0, tokens, 0, raw)) {
                    continue;
                }
                Map<String, String> args = new LinkedHashMap<>();
                ParseResult problem = null;
                for (Map.Entry<String, String> e : raw.entrySet()) {
                    ArgType.Check check = c.arg(e.getKey()).type().check(e.getValue());
                    if (check instanceof ArgType.Check.Accepted a) {
                        args.put(e.getKey(), a.value());
                    } else if (check instanceof ArgType.Check.Rejected r && problem == null) {
                        String shown = c.arg(e.getKey()).secret() ? "***" : e.getValue();
                        problem = new ParseResult.Invalid(c.id(), e.getKey(), shown, r.expected(), usage(template));
                    }
                }
                if (problem == null) {
                    return new ParseResult.Matched(new Invocation(c, args, text));
                }
                invalid = invalid == null ? problem : invalid;
            }
        }
        return invalid != null ? invalid : new ParseResult.NoMatch(text, suggestions(tokens.getFirst()));
    }

    private static boolean match(List<String> parts, int p, List<String> tokens, int t, Map<String, String> args) {
        if (p == parts.size()) {
            return t == tokens.size();
        }
        String part = parts.get(p);
        if (!part.startsWith("{")) {
            return t < tokens.size() && part.equalsIgnoreCase(tokens.get(t)) && match(parts, p + 1, tokens, t + 1, args);
        }
        String inner = part.substring(1, part.length() - 1);
        if (inner.endsWith("...")) {
            if (t >= tokens.size()) {
                return false;
            }
            args.put(inner.substring(0, inner.length() - 3), String.join(" ", tokens.subList(t, tokens.size())));
            return p + 1 == parts.size();
        }
        int eq = inner.indexOf('=');
        String name = eq < 0 ? inner : inner.substring(0, eq);
        if (t < tokens.size()) {
            args.put(name, tokens.get(t));
            if (match(parts, p + 1, tokens, t + 1, args)) {
                return true;
            }
            args.remove(name);
        }
        if (eq >= 0) {
            args.put(name, inner.substring(eq + 1));
            return match(parts, p + 1, tokens, t, args);
        }
        return false;
    }

    private List<String> suggestions(String first) {
        List<String> out = new ArrayList<>();
        for (CommandSpec c : commands) {
            String word = c.templates().getFirst().split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (out.size() < 3 && distance(word, first.toLowerCase(Locale.ROOT)) <= 2 && !word.startsWith("{")) {
                out.add(usage(c.templates().getFirst()));
            }
        }
        return out;
    }

    static String usage(String template) {
        return template.replaceAll("\\{(\\w+)\\.\\.\\.}", "<$1...>").replaceAll("\\{(\\w+)=[^}]*}", "[$1]")
                .replaceAll("\\{(\\w+)}", "<$1>");
    }

    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2) {
            return 3;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                d[i][j] = i == 0 ? j : j == 0 ? i : Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
                        d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
        }
        return d[a.length()][b.length()];
    }
}
