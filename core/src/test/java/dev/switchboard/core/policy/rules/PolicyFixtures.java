package dev.switchboard.core.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.command.ActionSpec;
import dev.switchboard.api.command.ArgSpec;
import dev.switchboard.api.command.ArgType;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.identity.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Principals, commands, invocations and a build that must succeed, shared by the rule policy tests. */
final class PolicyFixtures {
    static final Map<String, Set<String>> DIRECTORY = Map.of("alice", Set.of("developers"), "bob", Set.of("sre"),
            "carol", Set.of(), "root", Set.of("ops"), "erin", Set.of("sre"));
    static final Set<String> GROUPS = Set.of("developers", "sre", "ops");
    static final Set<String> USERS = DIRECTORY.keySet();
    static final Principal ALICE = new Principal("alice", Set.of("developers"), true, true);
    static final Principal BOB = new Principal("bob", Set.of("sre"), true, true);
    static final Principal CAROL = new Principal("carol", Set.of(), true, true);
    static final Principal ERIN = new Principal("erin", Set.of("sre"), true, true);
    static final Principal GUEST = Principal.guest("web:mallory", true);

    static final CommandSpec DEPLOY = command("deploy.service", "deploy {service} {version=latest} to {env}", null);
    static final CommandSpec LOGIN = new CommandSpec("db.login", List.of("login {password}"),
            Map.of("password", new ArgSpec("password", new ArgType.Text(50), true, "")), "", List.of(), null,
            null, null, new ActionSpec("shell", Map.of()), null);
    /** Every command the rules are checked against. */
    static final List<CommandSpec> COMMANDS = List.of(command("help", "help", null), command("whoami", "whoami", null),
            command("explain", "explain {request...}", null), command("ping", "ping", null),
            command("status", "status", null), command("status.jobs", "status jobs", null), DEPLOY,
            command("deploy.db.migrate", "migrate {db} in {env}", null), command("db.drop", "drop {db}", null), LOGIN);
    static final KnownNames KNOWN = KnownNames.of(DIRECTORY, COMMANDS);

    private PolicyFixtures() {}

    static CommandSpec command(String id, String template, String confirm) {
        return new CommandSpec(id, List.of(template), Map.of(), "", List.of(), confirm, null, null,
                new ActionSpec("shell", Map.of()), id.startsWith("deploy") ? "commands.yaml:9:5" : null);
    }

    static Invocation invocation(String commandId, Map<String, String> args) {
        CommandSpec spec = COMMANDS.stream().filter(c -> c.id().equals(commandId)).findFirst()
                .orElseGet(() -> command(commandId, commandId.replace('.', ' '), null));
        return new Invocation(spec, args, commandId.replace('.', ' '));
    }

    static Invocation invocation(String commandId) {
        return invocation(commandId, Map.of());
    }

    static RulePolicy.Built build(RuleSpec... rules) {
        return RulePolicy.build(List.of(rules), KNOWN);
    }

    static RulePolicy ready(RuleSpec... rules) {
        RulePolicy.Built built = build(rules);
        assertThat(built).isInstanceOf(RulePolicy.Built.Ready.class);
        return ((RulePolicy.Built.Ready) built).policy();
    }
}
