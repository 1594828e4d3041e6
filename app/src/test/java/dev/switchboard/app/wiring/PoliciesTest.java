package dev.switchboard.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.policy.Decision;
import dev.switchboard.api.policy.Policy;
import dev.switchboard.api.policy.RateLimit;
import dev.switchboard.config.CommandChecker;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.LoadResult;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.core.builtin.Builtins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoliciesTest {
    private static final String HEAD = """
            users:
              - { id: alice, accounts: ["web:alice"], groups: [developers] }
              - { id: bob, accounts: ["web:bob"], groups: [sre] }
              - { id: erin, accounts: ["web:erin"], groups: [sre] }
            commands:
              - id: deploy.service
                templates: ["deploy {service} to {env}"]
                action: { shell: { argv: ["/bin/echo", "{service}", "{env}"] } }
            """;
    private static final Principal ALICE = new Principal("alice", Set.of("developers"), true, true);
    private static final ConversationRef OPS = ConversationRef.of("web", "#ops");

    @TempDir
    Path dir;

    private SwitchboardConfig load(String yaml) throws IOException {
        Path file = dir.resolve("switchboard.yaml");
        Files.writeString(file, yaml);
        LoadResult result = new ConfigLoader().load(file, CommandChecker.NONE);
        assertThat(result).isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) result).config();
    }

    private static Policies.Built of(SwitchboardConfig config) {
        List<CommandSpec> known = new ArrayList<>(config.commands());
        known.addAll(Builtins.specs());
        return Policies.of(config, known);
    }

    private static Invocation deploy(SwitchboardConfig config, String env) {
        return new Invocation(config.commands().getFirst(), Map.of("service", "web", "env", env), "deploy");
    }

    @Test
    void withoutAPolicySectionOnlyTheBuiltInRulesAllowAnything() throws IOException {
        SwitchboardConfig config = load(HEAD);
        Policy policy = ((Policies.Built.Ready) of(config)).policy();

        assertThat(policy.decide(ALICE, deploy(config, "staging"), OPS)).isEqualTo(Decision.deny(
                "no policy rule lets alice run deploy.service here", "default deny"));
        assertThat(policy.decide(ALICE, new Invocation(Builtins.specs().getFirst(), Map.of(), "help"), OPS))
                .isInstanceOf(Decision.Allow.class);
    }

    @Test
    void everyRuleKindIsReadFromTheConfigAndEnforced() throws IOException {
        SwitchboardConfig config = load(HEAD + """
                policy:
                  - { allow: ["deploy.*"], to: ["group:developers"] }
                  - { approve: ["deploy.*"], when: "env == 'prod'", by: ["group:sre"], count: 2, ttl: 15m,
                      to: ["group:developers"], announce: ["web:#approvals"] }
                  - { confirm: ["deploy.*"], when: "env == 'prod'" }
                  - { limit: ["deploy.*"], rate: "5/10m" }
                  - { restrict: ["deploy.*"], verified: true }
                """);
        Policy policy = ((Policies.Built.Ready) of(config)).policy();
        Invocation prod = deploy(config, "prod");

        assertThat(policy.decide(ALICE, prod, OPS)).isEqualTo(new Decision.RequireApproval(
                "switchboard.yaml:11:5 approve deploy.* to group:developers when env == 'prod' by group:sre",
                List.of("group:sre"), 2, Duration.ofMinutes(15), List.of("web:#approvals")));
        assertThat(policy.confirmation(ALICE, prod, OPS))
                .contains("switchboard.yaml:13:5 confirm deploy.* when env == 'prod'");
        assertThat(policy.rateLimit(ALICE, prod, OPS)).contains(new RateLimit(
                "switchboard.yaml:14:5 limit deploy.* rate 5/10m", "switchboard.yaml:14:5", 5, Duration.ofMinutes(10)));
        assertThat(policy.decide(new Principal("alice", Set.of("developers"), true, false), prod, OPS))
                .isInstanceOf(Decision.Deny.class);
        assertThat(policy.mayApprove(new Principal("bob", Set.of("sre"), true, true), List.of("group:sre"))).isTrue();
    }

    @Test
    void ruleProblemsNameTheirFileLineAndColumn() throws IOException {
        SwitchboardConfig config = load(HEAD + """
                policy:
                  - { allow: ["deploy.*"] }
                  - { limit: ["deploy.*"], rate: "5 per 10m" }
                  - { approve: ["deploy.*"], by: ["group:sre"], count: 3 }
                """);

        assertThat(of(config)).isEqualTo(new Policies.Built.Rejected(List.of(
                "switchboard.yaml:11:5: policy: rate: '5 per 10m' is not N/duration; expected a count and a period"
                        + " like 5/10m, 30/1h or 1/30s (units ms, s, m, h, d)",
                "switchboard.yaml:12:5: policy: count: 3 approvals are needed but only 2 configured users can"
                        + " approve under group:sre (bob, erin), so it could never be approved; lower count or add"
                        + " approvers")));
    }
}
