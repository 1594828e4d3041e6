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
}
