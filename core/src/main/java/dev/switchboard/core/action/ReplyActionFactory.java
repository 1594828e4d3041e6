package dev.switchboard.core.action;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.action.ActionFactory;
import dev.switchboard.api.action.ActionResult;
import dev.switchboard.api.command.ActionSpec;
import dev.switchboard.api.command.ArgTemplate;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.reply.Reply;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code reply} action kind: answers with {@code text}, an {@link ArgTemplate} filled from the command's
 * arguments (secret ones shown as {@code ***}).
 *
 * <pre>{@code
 * action:
 *   reply: { text: "Runbook for {service}: https://wiki.example/runbooks/{service}" }
 * }</pre>
 *
 * Stateless and thread-safe.
 */
public final class ReplyActionFactory implements ActionFactory {
    /** A placeholder in a command template: {@code {name}}, {@code {name=default}} or {@code {name...}}. */
    private static final Pattern TEMPLATE_ARG = Pattern.compile("\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*(=[^}]*|\\.\\.\\.)?}");

    @Override
    public String kind() {
        return "reply";
    }

    @Override
    public Configured configure(ActionSpec spec, CommandSpec command) {
        List<Problem> problems = new ArrayList<>();
        for (String setting : spec.settings().keySet()) {
            if (!setting.equals("text")) {
                problems.add(new Problem(setting, "unknown setting; the reply action takes only text"));
            }
        }
        Object text = spec.settings().get("text");
        ArgTemplate template = null;
        if (text == null) {
            problems.add(new Problem("text", "required: the text to answer with, e.g. \"deployed {service}\""));
        } else if (!(text instanceof String source)) {
            problems.add(new Problem("text", "expected a string, got " + describe(text)));
        } else {
            try {
                template = ArgTemplate.parse(source);
                Set<String> known = argumentsOf(command);
                for (String name : template.names()) {
                    if (!known.contains(name)) {
                        problems.add(new Problem("text", "{" + name + "} is not an argument of " + command.id()
                                + (known.isEmpty() ? ", which has none" : "; expected one of " + String.join(", ", known))));
                    }
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("text", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            return new Configured.Rejected(problems);
        }
        ArgTemplate ready = template;
        Action action = (request, context) -> ActionResult.ok(Reply.text(ready.expand(request.invocation().redactedArgs())));
        return new Configured.Ready(action);
    }

    private static Set<String> argumentsOf(CommandSpec command) {
        Set<String> names = new LinkedHashSet<>();
        for (String template : command.templates()) {
            Matcher m = TEMPLATE_ARG.matcher(template);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        names.addAll(new java.util.TreeSet<>(command.args().keySet()));
        return names;
    }

    private static String describe(Object value) {
        return switch (value) {
            case List<?> l -> "a list";
            case java.util.Map<?, ?> m -> "a map";
            default -> value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " " + value;
        };
    }
}
