package dev.switchboard.testkit;

import static dev.switchboard.api.audit.AuditEventType.DENIED;
import static dev.switchboard.api.audit.AuditEventType.FINISHED;
import static dev.switchboard.api.audit.AuditEventType.RECEIVED;
import static dev.switchboard.api.audit.AuditEventType.STARTED;
import static dev.switchboard.testkit.Commands.command;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.command.ActionSpec;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.core.policy.rules.KnownNames;
import dev.switchboard.core.policy.rules.RulePolicy;
import dev.switchboard.core.policy.rules.RuleSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The DESIGN.md §3 example policy, as the people in the room experience it. */
class PolicyTranscriptTest {
    private final ChatTestHarness chat = ChatTestHarness.builder()
            .policy(((RulePolicy.Built.Ready) RulePolicy.build(List.of(
                    RuleSpec.allow("policy.yaml:2:5", List.of("deploy.*"), List.of("group:developers"),
                            "env != 'prod'"),
                    RuleSpec.allow("policy.yaml:3:5", List.of("deploy.*"), List.of("group:sre"), null),
                    RuleSpec.restrict("policy.yaml:4:5", List.of("deploy.*"), List.of("web:#deploys"))),
                    KnownNames.of(Map.of("alice", Set.of("developers"), "bob", Set.of("sre")), List.of(
                            new CommandSpec("deploy.service", List.of("deploy {service} to {env}"), Map.of(), "",
                                    List.of(), null, null, null, new ActionSpec("reply", Map.of()), null)))))
                    .policy())
            .command(command("deploy.service").template("deploy {service} to {env}")
                    .enumArg("service", "web", "billing").enumArg("env", "staging", "prod")
                    .reply("deployed {service} to {env}"))
            .build()
            .user("alice", "developers")
            .user("bob", "sre");

    @AfterEach
    void close() {
        chat.close();
    }

    @Test
    void aDeveloperDeploysToStagingButNotToProdAndTheDenialNamesNoSecretsAndIsAudited() {
        chat.as("alice").in("#deploys").says("deploy web to staging");
        chat.as("alice").in("#deploys").says("deploy web to prod");

        assertThat(chat.transcript("#deploys")).containsExactly(
                "alice: deploy web to staging",
                "bot: deployed web to staging",
                "alice: deploy web to prod",
                "bot: Denied: no policy rule lets alice run deploy.service here (ref 000002)");
        assertThat(chat.audit()).extracting(AuditEvent::type)
                .containsExactly(RECEIVED, STARTED, FINISHED, RECEIVED, DENIED);
        assertThat(chat.audit().getLast().rule()).isEqualTo("default deny");
    }

    @Test
    void anSreDeploysToProdButOnlyFromTheDeploysChannel() {
        chat.as("bob").in("#deploys").says("deploy web to prod");
        chat.as("bob").in("#random").says("deploy web to prod");

        assertThat(chat.transcript("#deploys")).containsExactly("bob: deploy web to prod", "bot: deployed web to prod");
        assertThat(chat.transcript("#random")).last().asString()
                .startsWith("bot: Denied: deploy.service may only run in web:#deploys");
    }

    @Test
    void aStrangerMayAskForHelpButRunsNothing() {
        chat.as("mallory").in("#deploys").says("deploy web to staging");
        chat.as("mallory").in("#deploys").says("whoami");

        assertThat(chat.transcript("#deploys").get(1))
                .startsWith("bot: Denied: you are not a known user; ask an admin to add web:mallory to users");
        assertThat(chat.transcript("#deploys").get(3)).contains("mallory");
    }

    @Test
    void helpListsOnlyWhatTheCallerMayRun() {
        chat.as("mallory").says("help");
        chat.as("alice").says("help");

        List<String> lines = chat.transcript();
        assertThat(lines.get(1)).contains("help", "whoami").doesNotContain("deploy", "ping", "jobs", "audit");
        assertThat(lines.get(3)).contains("deploy <service> to <env>", "help", "whoami")
                .doesNotContain("ping", "audit");
    }

    @Test
    void withoutAPolicySectionAGuestIsShownOnlyTheGuestCommands() {
        try (ChatTestHarness open = ChatTestHarness.builder()
                .command(command("deploy.service").template("deploy {service}").reply("deployed {service}"))
                .build().user("alice", "developers")) {
            open.as("mallory").says("help");
            open.as("alice").says("help");

            assertThat(open.transcript().get(1)).contains("help", "whoami", "ping", "version")
                    .doesNotContain("deploy", "jobs", "cancel", "audit");
            assertThat(open.transcript().get(3)).contains("deploy <service>", "jobs", "audit");
        }
    }

    @Test
    void aDeveloperCanAskWhyAProdDeployIsRefusedRuleByRule() {
        chat.as("alice").in("#deploys").says("explain deploy web to prod");
        chat.as("mallory").in("#deploys").says("explain deploy web to prod");

        assertThat(chat.transcript("#deploys").get(1)).startsWith(
                        "bot: \"deploy web to prod\" is deploy.service; for alice in web:#deploys:")
                .contains("policy.yaml:2:5 allow deploy.* to group:developers when env != 'prod': skipped")
                .contains("alice is not in group sre")
                .endsWith("denied by default deny: no policy rule lets alice run deploy.service here");
        assertThat(chat.transcript("#deploys").get(3)).startsWith("bot: Denied: you are not a known user");
    }
}
