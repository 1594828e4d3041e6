package dev.switchboard.api.command;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A declared command, as loaded from config or registered by a plugin.
 *
 * @param id dotted lower case ({@code deploy.service}); also the permission name policy matches on
 * @param templates one or more templates ({@code deploy {service} {version=latest} to {env}})
 * @param args declared argument types by name; template arguments not declared here are plain text
 * @param help one line shown in {@code help}
 * @param examples texts that must parse to this command (checked at load)
 * @param confirm a condition under which the user must confirm, or null (evaluated by the policy engine)
 * @param lock a lock held while the job runs, or null
 * @param timeout how long the job may run before it is stopped
 * @param action what runs
 * @param source where it was declared ({@code demo.yaml:42:5}), for error messages; may be null
 */
public record CommandSpec(
        String id, List<String> templates, Map<String, ArgSpec> args, String help, List<String> examples,
        String confirm, LockSpec lock, Duration timeout, ActionSpec action, String source) {

    public CommandSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        templates = List.copyOf(templates);
        args = Map.copyOf(args);
        examples = List.copyOf(examples);
        help = help == null ? "" : help;
        timeout = timeout == null ? Duration.ofMinutes(10) : timeout;
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("command " + id + " has no template");
        }
    }

    /** The declared type of an argument, or plain text when it is not declared. */
    public ArgSpec arg(String name) {
        ArgSpec spec = args.get(name);
        return spec != null ? spec : ArgSpec.text(name);
    }
}
