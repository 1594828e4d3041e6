package dev.switchboard.core.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.command.ActionSpec;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.identity.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Principals, invocations and a build that must succeed, shared by the rule policy tests. */
final class PolicyFixtures {
    static final Set<String> GROUPS = Set.of("developers", "sre", "ops");
    static final Set<String> USERS = Set.of("alice", "bob", "carol", "root");
    static final Principal ALICE = new Principal("alice", Set.of("developers"), true, true);
    static final Principal BOB = new Principal("bob", Set.of("sre"), true, true);
    static final Principal CAROL = new Principal("carol", Set.of(), true, true);
    static final Principal GUEST = Principal.guest("web:mallory", true);

    private PolicyFixtures() {}

    static Invocation invocation(String commandId, Map<String, String> args) {
        CommandSpec spec = new CommandSpec(commandId, List.of(commandId.replace('.', ' ')), Map.of(), "", List.of(),
                null, null, null, new ActionSpec("shell", Map.of()), null);
        return new Invocation(spec, args, commandId.replace('.', ' '));
    }

    static Invocation invocation(String commandId) {
        return invocation(commandId, Map.of());
    }

    static RulePolicy ready(RuleSpec... rules) {
        RulePolicy.Built built = RulePolicy.build(List.of(rules), GROUPS, USERS);
        assertThat(built).isInstanceOf(RulePolicy.Built.Ready.class);
        return ((RulePolicy.Built.Ready) built).policy();
    }
}
