package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.chat.mattermost.FakeMattermost;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert groups across a restart and a config reload, on a real Switchboard: a group posted to Mattermost (a local
 * fake that keeps its posts while Switchboard restarts) is edited, not posted again, when its alert resolves after
 * the restart; a reload of {@code alerts:} takes new tokens and routes at once while the groups already posted keep
 * their messages, and a broken {@code alerts:} section keeps the last good one.
 */
class AlertStateE2ETest {
    private static final String TOKEN = "e2e-alertmanager-token-0123";
    private static final String NEW_TOKEN = "e2e-alertmanager-token-4567";

    @TempDir
    Path dir;

    @Test
    void aResolveAfterARestartEditsTheMattermostMessagePostedBeforeIt() throws Exception {
        try (FakeMattermost mattermost = new FakeMattermost(); TestServer server = TestServer.prepare(dir, "open")) {
            String ops = mattermost.channel("ops");
            server.writeFile("am-token", TOKEN + "\n");
            server.writeFile("mm-token", FakeMattermost.TOKEN + "\n");
            server.editConfig(text -> text.replace("    login: open\n", "    login: open\n"
                    + "  mattermost: { serverUrl: \"" + mattermost.url() + "\", websocketUrl: \""
                    + mattermost.websocketUrl() + "\", botToken: \"${file:mm-token}\", reconnectMin: 100ms,"
                    + " reconnectMax: 1s }\n") + "\n" + alerts("mattermost:" + ops));
            server.restart();

            assertThat(hook(server, TOKEN, payload("alertmanager-firing.json")).statusCode()).isEqualTo(200);
            await().atMost(WebChatClient.WAIT).until(() -> shown(mattermost, ops).size() == 1);
            String postId = mattermost.posts(ops).getFirst().id();
            server.close();

            server.restart();
            assertThat(hook(server, TOKEN, payload("alertmanager-resolved.json")).statusCode()).isEqualTo(200);

            await().atMost(WebChatClient.WAIT).until(() -> shown(mattermost, ops).getFirst().contains("RESOLVED"));
            assertThat(shown(mattermost, ops)).as("the resolve edits the message posted before the restart")
                    .hasSize(1);
            assertThat(mattermost.posts(ops)).extracting(FakeMattermost.Post::id).containsExactly(postId);
        }
    }

    @Test
    void aReloadAppliesNewTokensAndRoutesKeepsPostedGroupsAndABrokenAlertsSectionKeepsTheLastGoodOne()
            throws Exception {
        try (TestServer server = TestServer.prepare(dir, "open")) {
            server.writeFile("am-token", TOKEN + "\n");
            server.editConfig(text -> text + "\n" + alerts("web:#alerts"));
            server.restart();
            try (WebChatClient carol = server.connect("carol").join("#admins");
                    WebChatClient alerts = server.connect("alice").join("#alerts");
                    WebChatClient db = server.connect("bob").join("#db")) {
                assertThat(hook(server, TOKEN, payload("alertmanager-firing.json")).statusCode()).isEqualTo(200);
                WebChatClient.Message disk = alerts.awaitPosted("DiskFull");

                server.writeFile("am-token", NEW_TOKEN + "\n");
                server.overwriteConfig(server.configText().replace("  defaultRoute:", "  routes:\n"
                        + "    - { name: db, match: { team: db }, to: [\"web:#db\"], groupWait: 100ms }\n"
                        + "  defaultRoute:"));
                carol.awaitPosted("Configuration reloaded");

                assertThat(hook(server, TOKEN, payload("alertmanager-firing.json")).statusCode())
                        .as("the old token is refused at once").isEqualTo(403);
                String dbAlert = payload("alertmanager-firing.json").replace("DiskFull", "DbSlow")
                        .replace("\"job\": \"node\"", "\"job\": \"node\", \"team\": \"db\"")
                        .replace("10fd2ebfb5d5241b", "2222222222222222");
                assertThat(hook(server, NEW_TOKEN, dbAlert).statusCode()).isEqualTo(200);
                db.awaitPosted("DbSlow");
                assertThat(hook(server, NEW_TOKEN, payload("alertmanager-resolved.json")).statusCode())
                        .isEqualTo(200);
                assertThat(alerts.awaitLatest(disk.id(), "RESOLVED")).as("the group posted before the reload"
                        + " keeps its message").contains("DiskFull");

                server.overwriteConfig(server.configText().replace("match: { team: db }",
                        "matchers: ['team=~\"db-(\"']"));
                assertThat(carol.awaitPosted("rejected").latest()).contains("alerts.routes[0].matchers[0]")
                        .contains("regular expression");
                assertThat(hook(server, NEW_TOKEN, dbAlert.replace("DbSlow", "DbSlower")
                        .replace("2222222222222222", "3333333333333333")).statusCode()).isEqualTo(200);
                db.awaitPosted("DbSlower");
                assertThat(alerts.messagesIn("#alerts")).noneMatch(m -> m.latest().contains("DbSlow"));
            }
        }
    }

    private static String alerts(String to) {
        return """
                alerts:
                  receivers:
                    - { name: alertmanager, kind: alertmanager, auth: { bearer: "${file:am-token}" } }
                  defaultRoute: { to: ["%s"], groupBy: [alertname], groupWait: 100ms, groupInterval: 200ms }
                  budget: { postsPerSecond: 20, burst: 5, maxDelay: 5s }
                """.formatted(to);
    }

    private static List<String> shown(FakeMattermost mattermost, String channel) {
        return mattermost.shownIn(channel).stream().filter(text -> text.contains("DiskFull")).toList();
    }

    private static HttpResponse<String> hook(TestServer server, String token, String body) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/hooks/alertmanager")).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String payload(String name) {
        try (InputStream in = AlertStateE2ETest.class.getClassLoader().getResourceAsStream("e2e/alerts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
