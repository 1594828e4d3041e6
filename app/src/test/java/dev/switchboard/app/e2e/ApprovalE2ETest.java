package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-person approval and confirmation through the real web chat, with the policy written in the config file: a
 * developer's prod deploy waits for an admin, survives a restart of the server, and runs for the developer once
 * approved.
 */
class ApprovalE2ETest {
    private static final String RULES = """
            policy:
              - { allow: ["*"] }
              - { approve: ["deploy.*"], when: "env == 'prod'", to: ["group:developers"], by: ["group:admins"],
                  ttl: 30m, announce: ["web:#approvals"] }
              - { confirm: ["scale.*"], when: "replicas == '0'" }
            """;

    @TempDir
    Path dir;

    @Test
    void aProdDeployWaitsForAnAdminAcrossARestartAndThenRunsForTheDeveloper() {
        try (TestServer server = serverWith(RULES)) {
            String id;
            try (WebChatClient alice = server.connect("alice").join("#deploys");
                    WebChatClient bob = server.connect("bob").join("#approvals")) {
                String asked = alice.ask("deploy web to prod", "asks to run");
                assertThat(asked).startsWith("alice asks to run deploy.service service=web env=prod #")
                        .contains("It needs 1 approval from group:admins");
                id = idIn(asked);

                assertThat(alice.ask("approve " + id, "Denied")).startsWith("Denied: you cannot approve your own request");
                assertThat(bob.ask("approve " + id, "Denied"))
                        .startsWith("Denied: you are not one of the approvers of " + id + " (group:admins)");
            }

            server.close();
            server.restart();

            try (WebChatClient alice = server.connect("alice").join("#deploys");
                    WebChatClient carol = server.connect("carol").join("#approvals")) {
                assertThat(carol.ask("approvals", "Waiting for your approval")).contains(id, "alice");
                assertThat(carol.ask("approve " + id, "Approved")).startsWith("Approved " + id + ": deploy.service")
                        .endsWith("now runs for alice in web:#deploys.");
                assertThat(alice.awaitPosted("deployed web to prod").latest()).contains("deployed web to prod");
                carol.assertSawNoJavaInternals();
            }
        }
    }

    @Test
    void scalingToZeroRunsOnlyAfterTheRequesterSaysYes() {
        try (TestServer server = serverWith(RULES);
                WebChatClient alice = server.connect("alice").join("#ops")) {
            String asked = alice.ask("scale web to 0", "To go ahead");
            Matcher code = Pattern.compile("type yes (\\d{4})").matcher(asked);
            assertThat(code.find()).as(asked).isTrue();

            String done = alice.ask("yes " + code.group(1), "deployed web to 0 replicas");

            assertThat(done).contains("deployed web to 0 replicas");
        }
    }

    private TestServer serverWith(String rules) {
        TestServer server = TestServer.prepare(dir, "open");
        String config = server.configText();
        int start = config.indexOf("policy:");
        int end = config.indexOf("\nplugins:");
        server.overwriteConfig(config.substring(0, start) + rules + config.substring(end));
        server.restart();
        return server;
    }

    private static String idIn(String text) {
        Matcher m = Pattern.compile("approve ([a-z0-9]{6})").matcher(text);
        assertThat(m.find()).as("an approval id in: " + text).isTrue();
        return m.group(1);
    }
}
