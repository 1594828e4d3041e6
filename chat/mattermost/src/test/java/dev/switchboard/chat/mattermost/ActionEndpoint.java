package dev.switchboard.chat.mattermost;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stands in for the server module: a JDK HttpServer on 127.0.0.1 that mounts {@link MattermostChatAdapter#handleAction}
 * at {@code /mattermost/actions} and writes its answer, as Switchboard's HTTP surface will.
 */
final class ActionEndpoint implements AutoCloseable {
    private final HttpServer http;
    private final AtomicReference<MattermostChatAdapter> adapter = new AtomicReference<>();

    ActionEndpoint() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/mattermost/actions", exchange -> {
            try (exchange) {
                HttpAnswer answer = adapter.get().handleAction(exchange.getRequestBody().readAllBytes());
                byte[] body = answer.bodyBytes();
                exchange.getResponseHeaders().add("Content-Type", answer.contentType());
                exchange.sendResponseHeaders(answer.status(), body.length);
                exchange.getResponseBody().write(body);
            }
        });
        http.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/mattermost/actions");
    }

    void serve(MattermostChatAdapter target) {
        adapter.set(target);
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
