package dev.switchboard.app.wiring;

import dev.switchboard.alerts.webhook.HookAnswer;
import dev.switchboard.alerts.webhook.ReceiverConfig;
import dev.switchboard.alerts.webhook.ReceiverKind;
import dev.switchboard.alerts.webhook.WebhookReceivers;
import dev.switchboard.server.HttpServer;
import dev.switchboard.server.RawPost;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Mounts the webhook receivers' HTTP entries. Every receiver is reachable at {@code POST /hooks/{kind}/{name}};
 * besides, {@code POST /hooks/alertmanager} and {@code POST /hooks/grafana} reach the default receiver of that
 * kind (see {@link WebhookReceivers#handle}). The server passes headers and raw bytes (it refuses bodies over
 * {@link HttpServer#MAX_POST_BYTES} with 413 first); the receivers check size, authentication and shape. Each
 * request is handled by the receivers current at that moment, so a config reload's new tokens apply at once.
 */
final class AlertRoutes {
    static final String PREFIX = "/hooks/";

    private AlertRoutes() {}

    /**
     * @param mounted the receivers whose paths are served (those configured at start)
     * @param current the receivers that handle each request (swapped by a reload)
     */
    static void mount(HttpServer http, List<ReceiverConfig> mounted, Supplier<WebhookReceivers> current) {
        Set<ReceiverKind> kinds = new LinkedHashSet<>();
        for (ReceiverConfig receiver : mounted) {
            String kind = receiver.kind().wireName();
            http.post(PREFIX + kind + "/" + receiver.name(),
                    (headers, body) -> answer(current.get().handle(kind, receiver.name(), headers, body)));
            kinds.add(receiver.kind());
        }
        for (ReceiverKind kind : kinds) {
            if (kind != ReceiverKind.GENERIC) {
                http.post(PREFIX + kind.wireName(),
                        (headers, body) -> answer(current.get().handle(kind.wireName(), null, headers, body)));
            }
        }
    }

    private static RawPost.Answer answer(HookAnswer answer) {
        return new RawPost.Answer(answer.status(), HookAnswer.CONTENT_TYPE, answer.body());
    }
}
