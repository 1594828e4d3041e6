package dev.switchboard.core.builtin;

import dev.switchboard.api.command.ArgSpec;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.reply.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The answers of {@code help} (an index with one line per command) and {@code help <command>} (the details). */
final class HelpAnswer {
    private HelpAnswer() {}

    /** {@code gated} names the commands that may need someone's approval first; they are marked in the index. */
    static Reply answer(List<CommandSpec> commands, String query, java.util.function.Predicate<String> gated) {
        if (query == null || query.isBlank()) {
            return index(commands, "Here is what I can do:", true, gated);
        }
        List<CommandSpec> found = find(commands, query.strip());
        if (found.isEmpty()) {
            return Reply.text("I don't know a command \"" + query.strip() + "\". Type help to see what I can do.");
        }
        if (found.size() > 1) {
            return index(found, "Several commands match \"" + query.strip() + "\":", true, gated);
        }
        return details(found.getFirst());
    }

    private static Reply index(List<CommandSpec> commands, String heading, boolean footer,
            java.util.function.Predicate<String> gated) {
        if (commands.isEmpty()) {
            return Reply.text("I have no commands yet.");
        }
        StringBuilder text = new StringBuilder(heading);
        for (CommandSpec c : commands) {
            text.append("\n  ").append(Usage.usages(c).getFirst());
            if (!c.help().isBlank()) {
                text.append(" — ").append(c.help());
            }
            if (gated.test(c.id())) {
                text.append(" (may need approval)");
            }
        }
        if (footer) {
            text.append("\nType help <command> for details, e.g. help ").append(firstWord(commands.getFirst())).append('.');
        }
        return Reply.text(text.toString());
    }

    private static Reply details(CommandSpec c) {
        StringBuilder text = new StringBuilder(c.id());
        if (!c.help().isBlank()) {
            text.append(" — ").append(c.help());
        }
        text.append("\nUsage:");
        Usage.usages(c).forEach(u -> text.append("\n  ").append(u));
        Map<String, String> defaults = Usage.arguments(c);
        if (!defaults.isEmpty()) {
            text.append("\nArguments:");
            defaults.forEach((name, dflt) -> {
                ArgSpec arg = c.arg(name);
                text.append("\n  ").append(name).append(": ").append(arg.type().expected());
                if (dflt != null) {
                    text.append(" (default ").append(dflt.isEmpty() ? "empty" : dflt).append(')');
                }
                if (arg.secret()) {
                    text.append(" (secret, never shown)");
                }
                if (!arg.help().isBlank()) {
                    text.append(" — ").append(arg.help());
                }
            });
        }
        if (!c.examples().isEmpty()) {
            text.append("\nExamples:");
            c.examples().forEach(e -> text.append("\n  ").append(e));
        }
        return Reply.text(text.toString());
    }

    /** By id first, then by the words a template starts with, then by id prefix ({@code deploy} → deploy.*). */
    private static List<CommandSpec> find(List<CommandSpec> commands, String query) {
        String q = query.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        for (CommandSpec c : commands) {
            if (c.id().equalsIgnoreCase(q)) {
                return List.of(c);
            }
        }
        List<CommandSpec> found = new ArrayList<>();
        for (CommandSpec c : commands) {
            boolean byWords = c.templates().stream().anyMatch(t -> (literalPrefix(t) + " ").startsWith(q + " "));
            if (byWords || c.id().startsWith(q + ".")) {
                found.add(c);
            }
        }
        return found;
    }

    /** The literal words a template starts with, lower case: {@code "deploy"} for {@code deploy {service} to {env}}. */
    private static String literalPrefix(String template) {
        List<String> words = new ArrayList<>();
        for (String word : template.strip().split("\\s+")) {
            if (word.contains("{")) {
                break;
            }
            words.add(word.toLowerCase(Locale.ROOT));
        }
        return String.join(" ", words);
    }

    private static String firstWord(CommandSpec c) {
        String prefix = literalPrefix(c.templates().getFirst());
        return prefix.isEmpty() ? c.id() : prefix.split(" ")[0];
    }
}
