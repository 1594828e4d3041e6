package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.e2e.WebChatClient.Message;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken input: shell metacharacters, huge and multi-line messages, failing and flooding scripts, a
 * backend that is down. Every answer says what was wrong; nothing shows a Java exception or stack trace.
 */
class BadInputE2ETest {
    @TempDir
    static Path dir;
    static TestServer server;
    static WebChatClient alice;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir);
        alice = server.connect("alice").join("#bad");
    }

    @AfterAll
    static void stop() {
        alice.close();
        server.close();
    }

    @AfterEach
    void nothingJavaLeaks() {
        alice.assertSawNoJavaInternals();
    }

    @Test
    void shellMetacharactersInAnArgumentAreJustAnInvalidValue() {
        String reply = alice.ask("deploy \"; rm -rf /\" to staging", "not valid");

        assertThat(reply).startsWith("service \"; rm -rf /\" is not valid for deploy.service: expected one of web, billing")
                .endsWith("Usage: deploy <service> to <env>");
        assertThat(alice.ask("jobs", "command|No jobs")).as("no deploy ever ran").doesNotContain("deploy.service");
    }

    @Test
    void commandSubstitutionIsNeverEvaluated() {
        assertThat(alice.ask("echo $(id) `id`", "you said")).isEqualTo("you said: $(id) `id`");
        assertThat(alice.ask("deploy $(id) to staging", "not valid")).startsWith("service \"$(id)\" is not valid");
        assertThat(alice.ask("jobs", "command|No jobs")).as("no deploy ever ran").doesNotContain("deploy.service");
    }

    @Test
    void aSixtyKilobyteMessageIsRefusedAsTooLongForACommand() {
        String reply = alice.ask("x".repeat(60_000), "too long");

        assertThat(reply).isEqualTo("Message too long (60000 characters); commands are at most 4000");
    }

    @Test
    void aFrameOverSixtyFourKilobytesClosesOnlyThatSocketAndTheServerStaysUp() throws Exception {
        try (WebChatClient mallory = server.connect("bob")) {
            mallory.sendRefusedFrame("{\"type\":\"say\",\"room\":\"#bad\",\"text\":\"" + "y".repeat(100_000) + "\"}");

            // 1009 "message too big"; when the server closes while the frame is still being written, the client
            // sees its output closed instead of the close frame: either way the server cut that socket off
            assertThat(mallory.closedBy().get(10, TimeUnit.SECONDS)).matches("(?s)1009.*|error .*closed.*");
        }
        assertThat(alice.ask("ping", "pong")).isEqualTo("pong");
        try (WebChatClient again = server.connect("bob")) {
            assertThat(again.join("#bad").ask("ping", "pong")).isEqualTo("pong");
        }
    }

    @Test
    void aMessageWithNewlinesIsOneMessageNotSeveralCommands() {
        String reply = alice.ask("ping\ndeploy web to staging", ".");

        assertThat(reply).isNotEqualTo("pong").doesNotContain("job");
        assertThat(alice.botMessagesSinceSay()).hasSize(1);
        assertThat(alice.ask("echo one\ntwo", "not valid")).isEqualTo("text \"one two\" is not valid for echo: "
                + "expected text of at most 200 characters without control characters.\nUsage: echo <text...>");
    }

    @Test
    void aScriptThatFailsSaysSoWithItsExitCodeAndOutput() {
        alice.say("broken");
        Message result = alice.awaitBot("❌");

        assertThat(result.latest()).startsWith("❌ broken failed: exited with code 3")
                .contains("checking the target", "the target is broken");
    }

    @Test
    void aFloodOfOutputIsCappedAndTheServerStaysResponsive() {
        try (WebChatClient bob = server.connect("bob").join("#bad")) {
            alice.say("flood");
            assertThat(bob.ask("ping", "pong")).as("answered while the flood runs").isEqualTo("pong");
            bob.assertSawNoJavaInternals();
        }

        String done = alice.awaitBot("✅|❌").latest();
        assertThat(done).startsWith("✅ flood finished").endsWith("1000\n[output truncated: more than 1000 lines]")
                .doesNotContain("flood done");
        Matcher row = Pattern.compile("(\\d+) \\| flood \\| succeeded").matcher(alice.ask("jobs", "flood"));
        assertThat(row.find()).isTrue();
        assertThat(alice.ask("job " + row.group(1), "Job ")).contains("State: succeeded",
                "1000\n[output truncated: more than 1000 lines]");
    }

    @Test
    void anHttpActionWhoseTargetIsDownSaysSoClearly() {
        alice.say("probe");
        Message result = alice.awaitBot("❌");

        assertThat(result.latest()).startsWith("❌ probe failed: ").containsIgnoringCase("connect")
                .doesNotContain("http://");
    }
}
