package dev.switchboard.app.wiring;

import dev.switchboard.chat.web.WebChatAdapter;
import dev.switchboard.chat.web.WebChatSession;
import dev.switchboard.server.WsBridge;
import java.util.function.Consumer;

/** Connects the server's authenticated WebSockets to the web chat adapter, which knows nothing of HTTP. */
final class WebChatBridge implements WsBridge {
    private final WebChatAdapter web;

    WebChatBridge(WebChatAdapter web) {
        this.web = web;
    }

    @Override
    public void opened(String sessionId, String user, Consumer<String> sender) {
        web.connect(new Session(sessionId, user, sender));
    }

    @Override
    public void text(String sessionId, String text) {
        web.receive(sessionId, text);
    }

    @Override
    public void closed(String sessionId) {
        web.disconnect(sessionId);
    }

    private record Session(String id, String user, Consumer<String> sender) implements WebChatSession {
        @Override
        public void send(String jsonFrame) {
            sender.accept(jsonFrame);
        }
    }
}
