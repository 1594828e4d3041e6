package dev.switchboard.config;

import dev.switchboard.api.command.ActionSpec;
import dev.switchboard.api.command.ArgSpec;
import dev.switchboard.api.command.ArgTemplate;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.command.LockSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code commands:} into api {@link CommandSpec}s. It checks the shape (ids, types, one action kind, lock
 * syntax); what needs the engine (compiling templates, parsing examples) is left to the {@link CommandChecker}.
 * Remembers each command's config path so the checker's problems can be pointed at the right line.
 */
final class CommandReader {
    private static final List<String> KEYS = List.of("id", "templates", "template", "args", "help", "examples",
            "confirm", "lock", "timeout", "action");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)*");

    /**
     * The commands read, the config path of each command id ({@code deploy.service -> commands[0]}) and where
     * each command starts (whose file tells which {@code commands[0]} is meant).
     */
    record Commands(List<CommandSpec> specs, Map<String, String> pathById, Map<String, Mark> markById) {}

    private final Map<String, String> pathById = new HashMap<>();
    private final Map<String, Mark> idMarks = new HashMap<>();
    private final Map<String, Mark> commandMarks = new HashMap<>();

    Commands read(Optional<Cursor> section) {
        List<CommandSpec> specs = new ArrayList<>();
        if (section.isPresent() && !section.get().isNull()) {
            for (Cursor item : section.get().items("a list of commands, like - { id: hello, template: hello, ... }")
                    .orElse(List.of())) {
                item.fields(KEYS).flatMap(f -> command(item, f)).ifPresent(specs::add);
            }
        }
        return new Commands(List.copyOf(specs), Map.copyOf(pathById), Map.copyOf(commandMarks));
    }

    private Optional<CommandSpec> command(Cursor item, Fields f) {
        Optional<String> id = f.required("id", "a dotted lower-case id, like deploy.service").flatMap(c -> c.string()
                .filter(text -> {
                    if (!ID.matcher(text).matches()) {
                        c.error("expected a dotted lower-case id, like deploy.service, got " + c.shown());
                        return false;
                    }
                    Mark first = idMarks.putIfAbsent(text, c.mark());
                    if (first != null) {
                        c.error("duplicate command id " + c.shown() + " (first at " + first + ")");
                        return false;
                    }
                    pathById.put(text, item.path());
                    commandMarks.put(text, item.mark());
                    return true;
                }));
        Optional<List<String>> templates = templates(f);
        Map<String, ArgSpec> args = new LinkedHashMap<>();
        f.get("args").filter(c -> !c.isNull()).flatMap(c -> c.entries("a map of argument name to its type"))
                .orElse(List.of())
                .forEach(e -> ArgReader.read(e.getKey().key(), e.getValue()).ifPresent(a -> args.put(a.name(), a)));
        String help = f.get("help").flatMap(Cursor::string).orElse("");
        List<String> examples = f.get("examples").flatMap(c -> c.strings(false)).orElse(List.of());
        String confirm = f.get("confirm").flatMap(Cursor::string).orElse(null);
        LockSpec lock = f.get("lock").flatMap(CommandReader::lock).orElse(null);
        Duration timeout = f.get("timeout").flatMap(Cursor::duration).orElse(null);
        Optional<ActionSpec> action = f.required("action", "one action, like shell: { argv: [...] }")
                .flatMap(CommandReader::action);
        if (id.isEmpty() || templates.isEmpty() || action.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CommandSpec(id.get(), templates.get(), args, help, examples, confirm, lock, timeout,
                action.get(), item.mark().toString()));
    }

    private static Optional<List<String>> templates(Fields f) {
        Optional<Cursor> many = f.get("templates");
        Optional<Cursor> one = f.get("template");
        if (many.isPresent() && one.isPresent()) {
            one.get().error("write either template or templates, not both");
            return Optional.empty();
        }
        if (one.isPresent()) {
            one.get().alsoKnownAs(f.map().child("templates[0]"));
            return one.get().string().filter(t -> nonBlank(one.get(), t)).map(List::of);
        }
        if (many.isEmpty()) {
            f.map().diagnostics().error(f.map().mark(), f.map().child("templates"),
                    "missing; expected template: \"...\" or templates: [\"...\"]");
            return Optional.empty();
        }
        Cursor c = many.get();
        return c.strings(false).filter(list -> {
            if (list.isEmpty()) {
                c.error("expected at least one template");
            }
            return !list.isEmpty() && list.stream().allMatch(t -> nonBlank(c, t));
        });
    }

    private static boolean nonBlank(Cursor c, String text) {
        if (text.isBlank()) {
            c.error("expected a template like \"deploy {service} to {env}\", got empty text");
        }
        return !text.isBlank();
    }

    private static Optional<LockSpec> lock(Cursor c) {
        if (c.node() instanceof YamlNode.Mapping) {
            return c.fields(List.of("name", "mode")).flatMap(f -> {
                Optional<String> name = f.required("name", "a lock name like deploy:{service}:{env}")
                        .flatMap(n -> n.string().filter(text -> validLockName(n, text)));
                Optional<String> mode = f.get("mode").map(m -> m.oneOf("lock mode", List.of("queue", "refuse")))
                        .orElse(Optional.of("queue"));
                return name.flatMap(n -> mode.map(m ->
                        new LockSpec(n, m.equals("refuse") ? LockSpec.Mode.REFUSE : LockSpec.Mode.QUEUE)));
            });
        }
        if (c.node() instanceof YamlNode.Scalar s && s.value() instanceof String text) {
            return validLockName(c, text) ? Optional.of(new LockSpec(text, LockSpec.Mode.QUEUE)) : Optional.empty();
        }
        c.error("expected a lock name like \"deploy:{service}:{env}\" or { name: ..., mode: queue|refuse }, got "
                + c.node().describe());
        return Optional.empty();
    }

    private static boolean validLockName(Cursor c, String text) {
        try {
            ArgTemplate.parse(text);
            return !text.isBlank() || fail(c, "expected a lock name, got empty text");
        } catch (IllegalArgumentException e) {
            return fail(c, c.node() instanceof YamlNode.Scalar s && s.secret()
                    ? "invalid lock name: expected {argument} placeholders and balanced braces"
                    : "invalid lock name: " + e.getMessage());
        }
    }

    private static boolean fail(Cursor c, String message) {
        c.error(message);
        return false;
    }

    private static Optional<ActionSpec> action(Cursor c) {
        return c.entries("a map with one action kind, like shell: { argv: [...] }").flatMap(entries -> {
            if (entries.size() != 1) {
                c.error("expected exactly one action kind, like shell: { argv: [...] }, got "
                        + (entries.isEmpty() ? "none" : String.join(", ", entries.stream()
                        .map(e -> e.getKey().key()).toList())));
                return Optional.empty();
            }
            var only = entries.getFirst();
            String kind = only.getKey().key();
            return PlainValues.settings(only.getValue(), "a map of " + kind + " settings")
                    .map(settings -> new ActionSpec(kind, settings));
        });
    }
}
