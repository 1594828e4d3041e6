package dev.switchboard.testkit;

import static dev.switchboard.testkit.Commands.command;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.policy.rules.RuleSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An admin may ask why another user may or may not run a command; nobody else may. */
class ExplainForUserTranscriptTest {
    private static final Commands.Builder DEPLOY = command("deploy.service").template("deploy {service} to {env}")
            .enumArg("service", "web", "billing").enumArg("env", "staging", "prod").reply("deployed {service} to {env}");
    private static final Commands.Builder DROP = command("db.drop").template("drop database {name}")
            .reply("dropped {name}");

    private final ChatTestHarness chat = ChatTestHarness.builder()
            .admins("admins")
            .policy(Rules.policy(Map.of("alice", Set.of("developers"), "bob", Set.of("sre"), "carol",
                    Set.of("admins")), List.of(DEPLOY, DROP),
                    RuleSpec.allow("policy.yaml:2:5", List.of("deploy.*"), List.of("group:developers"),
                            "env != 'prod'"),
                    RuleSpec.allow("policy.yaml:3:5", List.of("deploy.*"), List.of("group:sre"), null),
                    RuleSpec.allow("policy.yaml:4:5", List.of("db.drop"), List.of("group:sre"), null)))
            .command(DEPLOY)
            .command(DROP)
            .build()
            .user("alice", "developers")
            .user("bob", "sre")
            .user("carol", "admins");

    @AfterEach
    void close() {
        chat.close();
    }

    @Test
    void anAdminSeesWhyAnotherUserMayOrMayNotRunACommandHere() {
        chat.as("carol").in("#ops").says("explain --user alice deploy web to prod");
        chat.as("carol").in("#ops").says("explain --user bob deploy web to prod");

        assertThat(chat.transcript("#ops").get(1))
                .startsWith("bot: \"deploy web to prod\" is deploy.service; for alice (as if from a verified account) "
                        + "in web:#ops:")
                .contains("alice is not in group sre")
                .endsWith("denied by default deny: no policy rule lets alice run deploy.service here");
        assertThat(chat.transcript("#ops").get(3))
                .startsWith("bot: \"deploy web to prod\" is deploy.service; for bob (as if from a verified account)")
                .contains("allowed by policy.yaml:3:5");
    }

    @Test
    void aNonAdminAskingForAnotherUserIsRefusedWithTheReason() {
        chat.as("alice").says("explain --user bob deploy web to prod");

        assertThat(chat.transcript()).containsExactly("alice: explain --user bob deploy web to prod",
                "bot: Only admins may explain for another user (members of admins). Type explain without --user to "
                        + "see what you may run.");
    }

    @Test
    void anyoneMayNameThemselves() {
        chat.as("alice").says("explain --user alice deploy web to staging");

        assertThat(chat.transcript().get(1))
                .startsWith("bot: \"deploy web to staging\" is deploy.service; for alice in web:#general:")
                .contains("allowed by policy.yaml:2:5");
    }

    @Test
    void anUnknownUserIsNamedWithTheUsersThatExist() {
        chat.as("carol").says("explain --user dave deploy web to prod");

        assertThat(chat.transcript().get(1))
                .isEqualTo("bot: There is no user dave; the configured users are alice, bob, carol.");
    }

    @Test
    void aMistypedRequestIsOfferedOnlyCommandsTheExplainedUserMaySee() {
        chat.as("carol").says("explain --user alice drop databse x");
        chat.as("carol").says("explain --user bob drop databse x");

        assertThat(chat.transcript().get(1)).isEqualTo("bot: \"drop databse x\" is not a command I know, so there "
                + "is nothing to explain. Type help to see what you may run.");
        assertThat(chat.transcript().get(3)).isEqualTo("bot: \"drop databse x\" is not a command I know, so there "
                + "is nothing to explain. Did you mean:\n  drop database <name>");
    }
}
