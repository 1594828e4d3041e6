package dev.switchboard.api.command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A string with {@code {name}} placeholders filled from a command's arguments, as used in action settings
 * ({@code argv: ["./deploy.sh", "{service}"]}) and lock names ({@code deploy:{service}:{env}}). {@code {{} } and
 * {@code {}} } stand for literal braces. Parse once at load with {@link #parse}; it rejects unbalanced braces.
 */
public final class ArgTemplate {
    private final String source;
    private final List<String> parts; // even indexes: literal text; odd indexes: argument names

    private ArgTemplate(String source, List<String> parts) {
        this.source = source;
        this.parts = parts;
    }

    /** Parses a template; throws {@link IllegalArgumentException} with the column of the problem. */
    public static ArgTemplate parse(String source) {
        List<String> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("{{}", i) || source.startsWith("{}}", i)) {
                literal.append(source.charAt(i + 1));
                i += 3;
            } else if (c == '{') {
                int end = source.indexOf('}', i);
                String name = end < 0 ? "" : source.substring(i + 1, end).strip();
                if (end < 0 || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                    throw new IllegalArgumentException("column " + (i + 1) + ": expected {argument} with a name made of "
                            + "letters, digits and _, in '" + source + "'");
                }
                parts.add(literal.toString());
                parts.add(name);
                literal.setLength(0);
                i = end + 1;
            } else if (c == '}') {
                throw new IllegalArgumentException("column " + (i + 1) + ": '}' without '{' in '" + source + "'");
            } else {
                literal.append(c);
                i++;
            }
        }
        parts.add(literal.toString());
        return new ArgTemplate(source, List.copyOf(parts));
    }

    /** The argument names the template uses, in order of first use. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 1; i < parts.size(); i += 2) {
            names.add(parts.get(i));
        }
        return names;
    }

    /** Fills the placeholders; a name missing from {@code args} becomes the empty string. */
    public String expand(Map<String, String> args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            out.append(i % 2 == 0 ? parts.get(i) : args.getOrDefault(parts.get(i), ""));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return source;
    }
}
