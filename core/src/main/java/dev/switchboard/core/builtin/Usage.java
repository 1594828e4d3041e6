package dev.switchboard.core.builtin;

import dev.switchboard.api.command.CommandSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Usage lines from templates: {@code {x}} becomes {@code <x>}, {@code {x=d}} becomes {@code [x]}, {@code {x...}}
 * becomes {@code <x...>}. A stand-in until the template parser's own {@code CommandCatalog.usages} is wired here.
 */
final class Usage {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)(\\.\\.\\.|=([^}]*))?}");

    private Usage() {}

    static List<String> usages(CommandSpec command) {
        return command.templates().stream().map(Usage::usage).toList();
    }

    /** The arguments of all templates in order of first use, each with its default (null when required). */
    static Map<String, String> arguments(CommandSpec command) {
        Map<String, String> args = new LinkedHashMap<>();
        for (String template : command.templates()) {
            Matcher m = PLACEHOLDER.matcher(template);
            while (m.find()) {
                args.putIfAbsent(m.group(1), m.group(3));
            }
        }
        return args;
    }

    static String usage(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String suffix = m.group(2);
            String shown = suffix == null ? "<" + name + ">"
                    : suffix.equals("...") ? "<" + name + "...>" : "[" + name + "]";
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString();
    }
}
