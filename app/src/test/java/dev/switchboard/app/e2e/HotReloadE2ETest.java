package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing the config of a running server: a good change takes effect, a bad one is refused and explained to admins. */
class HotReloadE2ETest {
    private static final String HELLO = """
              - id: hello
                templates: ["hello"]
                help: Greet whoever asks
                examples: ["hello"]
                action:
                  reply: { text: "hello from the reloaded config" }
            """;

    @TempDir
    Path dir;

    @Test
    void aNewCommandWorksAfterAnEditAndABrokenEditKeepsTheLastGoodConfigAndTellsTheAdmins() {
        try (TestServer server = TestServer.start(dir);
                WebChatClient carol = server.connect("carol").join("#admins");
                WebChatClient alice = server.connect("alice").join("#ops")) {
            assertThat(alice.ask("hello", "I don't know")).startsWith("I don't know \"hello\"");

            server.writeConfig("open", HELLO);

            assertThat(carol.awaitPosted("Configuration reloaded").latest()).contains("10 commands");
            assertThat(alice.ask("hello", "hello from")).isEqualTo("hello from the reloaded config");

            server.writeConfig("open", HELLO.replace("help:", "helpp:") + HELLO.replace("hello", "bye"));

            String rejected = carol.awaitPosted("rejected").latest();
            assertThat(rejected).startsWith("⚠️ The changed configuration was rejected; the last good one stays in force.")
                    .containsPattern("switchboard\\.yaml:\\d+:\\d+: commands\\[9\\]\\.helpp: ");
            assertThat(alice.ask("hello", "hello from")).isEqualTo("hello from the reloaded config");
            assertThat(alice.ask("bye", "I don't know")).as("nothing of the rejected file is in force")
                    .startsWith("I don't know \"bye\"");
            assertThat(BrowserHttp.get(server.port(), "/readyz").body()).contains("last change rejected");
            alice.assertSawNoJavaInternals();
            carol.assertSawNoJavaInternals();
        }
    }

    @Test
    void aPolicyEditTakesEffectIsAuditedWithItsHashAndABadPolicyKeepsTheLastGoodOne() {
        try (TestServer server = TestServer.start(dir);
                WebChatClient carol = server.connect("carol").join("#admins");
                WebChatClient alice = server.connect("alice").join("#ops")) {
            assertThat(alice.ask("echo hi", "you said")).isEqualTo("you said: hi");
            String allowAll = "  - { allow: [\"*\"] }\n";

            server.overwriteConfig(server.configText().replace(allowAll,
                    "  - { allow: [\"*\"], to: [\"group:admins\"] }\n  - { allow: [\"help\", \"audit\"] }\n"));

            carol.awaitPosted("Configuration reloaded");
            assertThat(alice.ask("echo hi", "Denied")).startsWith("Denied: no policy rule lets alice run echo here");
            assertThat(alice.ask("audit type:policy_reloaded", "policy_reloaded")).contains("policy_reloaded");

            server.overwriteConfig(server.configText().replace("group:admins", "group:admns"));

            assertThat(carol.awaitPosted("rejected").latest()).contains("unknown group 'admns'");
            assertThat(alice.ask("echo hi", "Denied")).as("the last good policy stays").startsWith("Denied:");
            assertThat(carol.ask("echo still mine", "you said")).isEqualTo("you said: still mine");
        }
    }
}
