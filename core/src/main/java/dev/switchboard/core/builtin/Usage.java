package dev.switchboard.core.builtin;

import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.core.command.CommandCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What help shows about a command's arguments. Usage lines come from the template parser itself
 * ({@link CommandCatalog#usages}), so help and error messages always agree.
 */
final class Usage {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)(\\.\\.\\.|=([^}]*))?}");

    private Usage() {}

    static List<String> usages(CommandSpec command) {
        return CommandCatalog.usages(command);
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
}
