package dev.switchboard.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.websocket.WsCloseStatus;
import io.javalin.websocket.WsConnectContext;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser WebSocket endpoint: refuses the upgrade (401) without a live session cookie and (403) from a page of
 * another site, then forwards open, text and close to a {@link WsBridge}.
 */
final class ChatSocket {
    private static final Logger log = LoggerFactory.getLogger(ChatSocket.class);

    private final LoginRoutes login;
    private final WsBridge bridge;
    private final Set<String> opened = ConcurrentHashMap.newKeySet();

    ChatSocket(LoginRoutes login, WsBridge bridge) {
        this.login = login;
        this.bridge = bridge;
    }

    void register(RoutesConfig routes, String path) {
        routes.wsBeforeUpgrade(path, ctx -> {
            if (login.user(ctx.cookie(LoginRoutes.COOKIE)).isEmpty()) {
                throw new UnauthorizedResponse("log in first: POST /login, then open the WebSocket with the cookie");
            }
            if (!LoginRoutes.sameOrigin(ctx.header("Origin"), ctx.header("Host"), true)) {
                throw new ForbiddenResponse("WebSocket refused: the page is not from this server");
            }
        });
        routes.ws(path, ws -> {
            ws.onConnect(this::opened);
            ws.onMessage(ctx -> {
                if (opened.contains(ctx.sessionId())) {
                    guarded("text", () -> bridge.text(ctx.sessionId(), ctx.message()));
                }
            });
            ws.onClose(ctx -> {
                if (opened.remove(ctx.sessionId())) {
                    guarded("close", () -> bridge.closed(ctx.sessionId()));
                }
            });
            ws.onError(ctx -> log.debug("web socket {} failed", ctx.sessionId(), ctx.error()));
        });
    }

    private void opened(WsConnectContext ctx) {
        Optional<String> user = login.user(ctx.cookie(LoginRoutes.COOKIE));
        if (user.isEmpty()) {
            // The session ended between the upgrade check and now.
            ctx.closeSession(WsCloseStatus.POLICY_VIOLATION, "log in first");
            return;
        }
        ctx.enableAutomaticPings();
        Consumer<String> sender = frame -> {
            synchronized (ctx) {
                if (ctx.session.isOpen()) {
                    ctx.send(frame);
                }
            }
        };
        opened.add(ctx.sessionId());
        guarded("open", () -> bridge.opened(ctx.sessionId(), user.get(), sender));
    }

    private static void guarded(String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.error("the web socket bridge failed on {}", what, e);
        }
    }
}
