package dev.switchboard.core.command;

import static org.assertj.core.api.Assertions.fail;

import dev.switchboard.api.command.ActionSpec;
import dev.switchboard.api.command.ArgSpec;
import dev.switchboard.api.command.ArgType;
import dev.switchboard.api.command.CommandSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Test fixture: builds command specs with the api records and compiles them. */
final class Commands {
    private final String id;
    private final List<String> templates;
    private final Map<String, ArgSpec> args = new HashMap<>();
    private final List<String> examples = new ArrayList<>();

    private Commands(String id, String... templates) {
        this.id = id;
        this.templates = List.of(templates);
    }

    static Commands command(String id, String... templates) {
        return new Commands(id, templates);
    }

    Commands arg(ArgSpec arg) {
        args.put(arg.name(), arg);
        return this;
    }

    Commands examples(String... texts) {
        examples.addAll(Arrays.asList(texts));
        return this;
    }

    CommandSpec spec() {
        return new CommandSpec(id, templates, args, "help for " + id, examples, null, null, null,
                new ActionSpec("reply", Map.of()), id + ".yaml:1:1");
    }

    static ArgSpec oneOf(String name, String... values) {
        return new ArgSpec(name, new ArgType.Enum(List.of(values)), false, "");
    }

    static ArgSpec number(String name, long min, long max) {
        return new ArgSpec(name, new ArgType.Int(min, max), false, "");
    }

    static ArgSpec matching(String name, String regex) {
        return new ArgSpec(name, new ArgType.PatternType(Pattern.compile(regex)), false, "");
    }

    static ArgSpec duration(String name) {
        return new ArgSpec(name, new ArgType.DurationType(), false, "");
    }

    static ArgSpec flag(String name) {
        return new ArgSpec(name, new ArgType.Bool(), false, "");
    }

    static ArgSpec secret(String name) {
        return new ArgSpec(name, new ArgType.PatternType(Pattern.compile("[A-Za-z0-9]{8,}")), true, "");
    }

    static CommandCatalog compiled(CommandSpec... specs) {
        return switch (CommandCatalog.compile(List.of(specs))) {
            case Compilation.Compiled c -> c.catalog();
            case Compilation.Rejected r -> fail("expected the commands to compile, got " + r.problems());
        };
    }

    static List<TemplateProblem> problems(CommandSpec... specs) {
        return switch (CommandCatalog.compile(List.of(specs))) {
            case Compilation.Compiled c -> fail("expected problems, but the commands compiled");
            case Compilation.Rejected r -> r.problems();
        };
    }

    /** A catalog built without the cross-checks, to reach outcomes a validated config never produces. */
    static CommandCatalog unchecked(CommandSpec... specs) {
        List<CompiledCommand> commands = new ArrayList<>();
        for (CommandSpec spec : specs) {
            List<Template> templates = new ArrayList<>();
            for (int i = 0; i < spec.templates().size(); i++) {
                templates.add(((TemplateSyntax.Result.Parsed) TemplateSyntax.read(spec.templates().get(i), i))
                        .template());
            }
            commands.add(new CompiledCommand(spec, templates));
        }
        return new CommandCatalog(commands);
    }

    /** The demo commands of DESIGN.md §3 and a few more, covering every argument kind. */
    static CommandCatalog demo() {
        return compiled(
                command("deploy.service", "deploy {service} {version=latest} to {env}")
                        .arg(oneOf("service", "web", "billing", "search"))
                        .arg(oneOf("env", "staging", "prod"))
                        .arg(matching("version", "[0-9]+\\.[0-9]+\\.[0-9]+|latest"))
                        .examples("deploy web 1.4.2 to staging", "deploy search to prod").spec(),
                command("status.service", "status {service}", "status of {service}")
                        .arg(oneOf("service", "web", "billing", "search")).spec(),
                command("scale.service", "scale {service} to {count}")
                        .arg(oneOf("service", "web", "billing", "search")).arg(number("count", 1, 20)).spec(),
                command("logs.tail", "logs {service} {lines=100} {since=1h}")
                        .arg(oneOf("service", "web", "billing", "search")).arg(number("lines", 1, 5000))
                        .arg(duration("since")).spec(),
                command("echo", "echo {message...}").spec(),
                command("login", "login {user} {token}").arg(secret("token")).spec(),
                command("maintenance", "maintenance {on}").arg(flag("on")).spec(),
                command("help", "help {topic=all}").spec());
    }
}
