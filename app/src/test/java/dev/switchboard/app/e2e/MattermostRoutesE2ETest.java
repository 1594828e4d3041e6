package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Switchboard with {@code chat.mattermost} pointing at a Mattermost server that cannot be reached, buttons on: it
 * starts, lists Mattermost in {@code /readyz}, and mounts {@code POST /mattermost/actions}, which takes a click
 * carrying the callback secret and refuses one without it. (The round trip of a command and a click through a fake
 * Mattermost is in {@link ChatPlatformsE2EIT}.)
 */
class MattermostRoutesE2ETest {
    private static final String SECRET = "e2e-callback-secret-0123456789";

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.prepare(dir, "open");
        server.writeFile("mm-token", "e2efakemattermosttoken\n");
        server.writeFile("mm-callback", SECRET + "\n");
        server.editConfig(text -> text.replace("    login: open\n", "    login: open\n"
                + "  mattermost: { serverUrl: \"http://127.0.0.1:" + TestServer.DEAD_PORT + "\","
                + " botToken: \"${file:mm-token}\", callbackUrl: \"http://127.0.0.1:9/mattermost/actions\","
                + " callbackSecret: \"${file:mm-callback}\", reconnectMin: 100ms, reconnectMax: 500ms }\n"));
        server.restart();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aClickWithTheCallbackSecretIsTakenAndOneWithoutItIsRefusedWith401() throws Exception {
        HttpResponse<String> right = click(SECRET);
        HttpResponse<String> wrong = click("not-the-secret-at-all-0000");

        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).contains("ping");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain(SECRET);
    }

    @Test
    void readinessListsMattermostWithoutMakingSwitchboardUnready() {
        await().atMost(WebChatClient.WAIT).untilAsserted(() -> {
            HttpResponse<String> ready = BrowserHttp.get(server.port(), "/readyz");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).containsPattern("\"mattermost\":\"(connecting|reconnecting|failed)[^\"]*\"")
                    .doesNotContain("e2efakemattermosttoken");
        });
    }

    private static HttpResponse<String> click(String secret) throws Exception {
        String body = "{\"user_id\":\"u1alice000000000000000000a\",\"channel_id\":\"c1ops0000000000000000000000\","
                + "\"post_id\":\"p1post000000000000000000000\",\"trigger_id\":\"t-" + secret.length() + "\","
                + "\"context\":{\"command\":\"ping\",\"secret\":\"" + secret + "\"}}";
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/mattermost/actions")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
