package dev.switchboard.testkit;

import static dev.switchboard.testkit.Commands.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Secrets stay out of what a job shows, even when its action is careless enough to print them: the value of a
 * secret argument and a configured secret are masked in the ack, the progress edits, the result, the job views and
 * every audit event. (The user's own line is theirs; only the bot's lines are checked.)
 */
class JobRedactionTranscriptTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String TOKEN = "s.Xy12345";
    private static final String PASSWORD = "hunter2";

    private final JobActions actions = new JobActions();
    private final ChatTestHarness chat = ChatTestHarness.builder()
            .jobSettings(ChatTestHarness.quickAck())
            .secrets(Set.of(PASSWORD))
            .actions(actions)
            .command(command("vault.login").template("vault login {token}").secretArg("token")
                    .action("gated", Map.of("output", List.of("logging in with {token}"),
                            "reply", "logged in with {token}")))
            .command(command("announce").template("announce {words...}")
                    .action("gated", Map.of("output", List.of("announcing: {words}"), "reply", "announced {words}")))
            .build().user("alice", "developers");

    @AfterEach
    void stop() {
        actions.release();
        chat.close();
    }

    @Test
    void aSecretArgumentIsMaskedInTheAckProgressResultAndAuditLog() {
        chat.as("alice").says("vault login " + TOKEN);

        assertThat(chat.transcript().getLast()).isEqualTo("bot: ⏳ vault login *** is running as job 1"
                + "\n[1] Cancel: type \"cancel 1\"");
        await().atMost(BOUND).until(() -> chat.edits().stream().anyMatch(e -> e.contains("logging in with")));
        actions.release();
        await().atMost(BOUND).until(() -> chat.transcript().get(1).startsWith("bot: logged in"));
        chat.as("alice").says("job 1");
        chat.as("alice").says("audit last 10");

        assertThat(chat.transcript().get(1)).isEqualTo("bot: logged in with ***");
        assertThat(chat.edits()).contains("m1: ⏳ vault login *** is running (job 1, 0s)\nlogging in with ***\n"
                + "[1] Cancel: type \"cancel 1\"");
        assertThat(chat.transcript().get(3)).startsWith("bot: Job 1: vault login ***\n")
                .endsWith("logging in with ***");
        assertNowhereButTheUsersOwnLine(TOKEN);
    }

    @Test
    void aConfiguredSecretIsMaskedInTheAckProgressResultAndAuditLog() {
        chat.as("alice").says("announce the password is " + PASSWORD);

        assertThat(chat.transcript().getLast()).isEqualTo("bot: ⏳ announce the password is *** is "
                + "running as job 1\n[1] Cancel: type \"cancel 1\"");
        await().atMost(BOUND).until(() -> chat.edits().stream().anyMatch(e -> e.contains("announcing")));
        actions.release();
        await().atMost(BOUND).until(() -> chat.transcript().get(1).startsWith("bot: announced"));
        chat.as("alice").says("job 1");
        chat.as("alice").says("jobs mine");

        assertThat(chat.transcript().get(1)).isEqualTo("bot: announced the password is ***");
        assertThat(chat.edits()).contains("m1: ⏳ announce the password is *** is running (job 1, 0s)\n"
                + "announcing: the password is ***\n[1] Cancel: type \"cancel 1\"");
        assertNowhereButTheUsersOwnLine(PASSWORD);
    }

    @Test
    void aQuickJobsOwnReplyIsMaskedToo() {
        actions.release();

        chat.as("alice").says("vault login " + TOKEN);
        chat.as("alice").says("announce hunter2 is out");

        assertThat(chat.transcript()).containsExactly("alice: vault login " + TOKEN, "bot: logged in with ***",
                "alice: announce hunter2 is out", "bot: announced *** is out");
        assertNowhereButTheUsersOwnLine(TOKEN);
        assertNowhereButTheUsersOwnLine(PASSWORD);
    }

    @Test
    void explainingACommandWithASecretArgumentShowsAndAuditsItMasked() {
        chat.as("alice").says("explain vault login " + TOKEN);

        assertThat(chat.transcript().get(1)).startsWith("bot: vault.login {token=***} is vault.login; for alice");
        assertNowhereButTheUsersOwnLine(TOKEN);
    }

    private void assertNowhereButTheUsersOwnLine(String secret) {
        assertThat(chat.adapter().lines()).filteredOn(l -> l.speaker().equals("bot"))
                .allSatisfy(l -> assertThat(l.text()).doesNotContain(secret));
        assertThat(chat.edits()).allSatisfy(e -> assertThat(e).doesNotContain(secret));
        assertThat(chat.audit()).isNotEmpty().allSatisfy(e -> assertThat(e.toString()).doesNotContain(secret));
    }
}
