package dev.switchboard.bench;

import dev.switchboard.api.command.ActionSpec;
import dev.switchboard.api.command.ArgSpec;
import dev.switchboard.api.command.ArgType;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.command.LockSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The commands of {@code examples/demo.yaml} written as {@link CommandSpec}s, so the parser benchmark runs on a
 * realistic catalog without the config module. Templates, argument types and examples are the file's; the action
 * settings are left out because parsing never looks at them.
 */
public final class DemoCommands {
    private static final ArgSpec SERVICE = new ArgSpec("service",
            new ArgType.Enum(List.of("web", "billing", "search")), false, "which service");

    private DemoCommands() {}

    public static List<CommandSpec> specs() {
        return List.of(
                command("status", List.of("status", "status {service}"), Map.of("service", SERVICE),
                        List.of("status", "status billing"), null, "shell"),
                command("deploy.service", List.of("deploy {service} {version=latest} to {env}"), Map.of(
                        "service", SERVICE,
                        "env", new ArgSpec("env", new ArgType.Enum(List.of("staging", "prod")), false, null),
                        "version", new ArgSpec("version", new ArgType.PatternType(
                                Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+|latest")), false, "a release")),
                        List.of("deploy web to staging", "deploy billing 1.4.2 to prod"),
                        new LockSpec("deploy:{service}:{env}", LockSpec.Mode.REFUSE), "shell"),
                command("logs.tail", List.of("logs {service}", "logs {service} {lines}"), Map.of(
                        "service", SERVICE, "lines", new ArgSpec("lines", new ArgType.Int(1, 200), false, null)),
                        List.of("logs web", "logs search 50"), null, "shell"),
                command("scale.service", List.of("scale {service} to {replicas}", "scale {service} {replicas}"),
                        Map.of("service", SERVICE,
                                "replicas", new ArgSpec("replicas", new ArgType.Int(0, 20), false, null)),
                        List.of("scale web to 4", "scale billing 2"),
                        new LockSpec("scale:{service}", LockSpec.Mode.QUEUE), "shell"),
                command("echo", List.of("echo {text...}"), Map.of(), List.of("echo hello ops"), null, "reply"),
                command("runbook", List.of("runbook {topic}"), Map.of("topic", new ArgSpec("topic",
                        new ArgType.Enum(List.of("deploys", "incidents", "oncall")), false, null)),
                        List.of("runbook deploys"), null, "reply"),
                command("selfcheck", List.of("selfcheck"), Map.of(), List.of("selfcheck"), null, "http"));
    }

    private static CommandSpec command(String id, List<String> templates, Map<String, ArgSpec> args,
            List<String> examples, LockSpec lock, String kind) {
        return new CommandSpec(id, templates, args, id, examples, null, lock, Duration.ofSeconds(30),
                new ActionSpec(kind, Map.of()), "examples/demo.yaml");
    }
}
