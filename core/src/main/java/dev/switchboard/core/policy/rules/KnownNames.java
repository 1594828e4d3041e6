package dev.switchboard.core.policy.rules;

import dev.switchboard.api.command.CommandSpec;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What rules are checked against at load time: the configured users with their groups, and every command that can
 * run (configured, built-in and plugin commands). Immutable.
 *
 * @param groupsByUser each configured user id with its groups
 * @param commands every known command
 */
public record KnownNames(Map<String, Set<String>> groupsByUser, List<CommandSpec> commands) {
    private static final Pattern TEMPLATE_ARG = Pattern.compile("\\{\\s*([A-Za-z][A-Za-z0-9_]*)");

    public KnownNames {
        Map<String, Set<String>> users = new TreeMap<>();
        groupsByUser.forEach((user, groups) -> users.put(user, Set.copyOf(groups)));
        groupsByUser = java.util.Collections.unmodifiableMap(users);
        commands = List.copyOf(commands);
    }

    public static KnownNames of(Map<String, Set<String>> groupsByUser, Collection<CommandSpec> commands) {
        return new KnownNames(groupsByUser, List.copyOf(commands));
    }

    Set<String> users() {
        return groupsByUser.keySet();
    }

    Set<String> groups() {
        Set<String> groups = new TreeSet<>();
        groupsByUser.values().forEach(groups::addAll);
        return groups;
    }

    /** The known commands a rule covers, in id order. */
    List<CommandSpec> coveredBy(Rule rule) {
        return commands.stream().filter(c -> rule.covers(c.id()))
                .sorted(java.util.Comparator.comparing(CommandSpec::id)).toList();
    }

    /** A command's argument names: the declared ones and every {@code {name}} in its templates. */
    static Set<String> argumentNames(CommandSpec command) {
        Set<String> names = new TreeSet<>(command.args().keySet());
        for (String template : command.templates()) {
            Matcher m = TEMPLATE_ARG.matcher(template);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
