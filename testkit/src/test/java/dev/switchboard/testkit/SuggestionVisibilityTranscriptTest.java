package dev.switchboard.testkit;

import static dev.switchboard.testkit.Commands.command;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.policy.rules.RuleSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A typo is answered with did-you-mean, but never with a command the caller may not see. */
class SuggestionVisibilityTranscriptTest {
    private static final Commands.Builder DEPLOY = command("deploy.service").template("deploy {service} to {env}")
            .reply("deployed {service} to {env}");
    private static final Commands.Builder REDEPLOY = command("service.redeploy").template("redeploy {service}")
            .reply("redeployed {service}");

    private final ChatTestHarness chat = ChatTestHarness.builder()
            .policy(Rules.policy(Map.of("alice", Set.of("developers"), "bob", Set.of("sre")), List.of(DEPLOY, REDEPLOY),
                    RuleSpec.allow("policy.yaml:2:5", List.of("deploy.service"),
                            List.of("group:developers", "group:sre"), null),
                    RuleSpec.allow("policy.yaml:3:5", List.of("service.redeploy"), List.of("group:sre"), null)))
            .command(DEPLOY)
            .command(REDEPLOY)
            .build()
            .user("alice", "developers")
            .user("bob", "sre");

    @AfterEach
    void close() {
        chat.close();
    }

    @Test
    void aDeveloperWhoMistypesIsNotOfferedACommandOnlySreCanSee() {
        chat.as("alice").says("deplyo web");
        chat.as("bob").says("deplyo web");

        assertThat(chat.transcript()).containsExactly(
                "alice: deplyo web",
                "bot: I don't know \"deplyo web\". Did you mean:\n  deploy <service> to <env>",
                "bob: deplyo web",
                "bot: I don't know \"deplyo web\". Did you mean:\n  deploy <service> to <env>\n  redeploy <service>");
    }

    @Test
    void aGuestIsOfferedNothingTheyMayNotRun() {
        chat.as("mallory").says("deplyo web");

        assertThat(chat.transcript()).containsExactly("mallory: deplyo web",
                "bot: I don't know \"deplyo web\". Type help to see what I can do.");
    }
}
