package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.app.wiring.Startup;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Getting in: password login, the socket's login check, and a port that is already taken. */
class LoginE2ETest {
    @TempDir
    Path dir;

    @Test
    void aWrongPasswordIsRefusedAndTheChatSocketNeedsALogin() {
        try (TestServer server = TestServer.start(dir, "password")) {
            HttpResponse<String> wrong = BrowserHttp.login(server.port(), "alice", "not-the-password");

            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("login failed: unknown user or wrong password")
                    .doesNotContain(TestServer.PASSWORD);
            assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
            assertThatThrownBy(() -> BrowserHttp.openSocket(server.port(), Optional.empty(),
                    new WebSocket.Listener() {}).join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                            .isEqualTo(401));

            try (WebChatClient alice = WebChatClient.connect(server.port(), "alice", TestServer.PASSWORD)) {
                assertThat(alice.join("#ops").ask("ping", "pong")).isEqualTo("pong");
            }
        }
    }

    @Test
    void aPortInUseIsRefusedNamingThePortAndHowToChangeIt() throws Exception {
        TestServer server = TestServer.prepare(dir, "open");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Startup startup = server.boot(OptionalInt.of(taken.getLocalPort()));

            assertThat(startup).isInstanceOfSatisfying(Startup.Refused.class, refused ->
                    assertThat(String.join("\n", refused.reasons()))
                            .contains("port " + taken.getLocalPort(), "already in use", "--port", "server.port")
                            .doesNotContain("Exception"));
        }
        // the refused start closed what it had opened: the same database starts cleanly
        server.restart();
        server.close();
    }
}
