package dev.switchboard.app.wiring;

import dev.switchboard.alerts.webhook.HookAnswer;
import dev.switchboard.alerts.webhook.WebhookReceivers;
import dev.switchboard.server.HttpServer;
import dev.switchboard.server.PrefixPost;
import dev.switchboard.server.RawPost;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Serves every {@code POST /hooks/...}: {@code /hooks/{kind}/{name}} reaches that receiver, {@code /hooks/alertmanager}
 * and {@code /hooks/grafana} the default receiver of that kind (see {@link WebhookReceivers#handle}), and anything
 * else gets the receivers' own 404 naming what is not there. A body over {@link HttpServer#MAX_POST_BYTES} is not
 * read, but still goes to the receivers as a declared length over the limit, so it is refused with their 413 and
 * reported (audited) like every other refusal. Each request is handled by the receivers current at that moment, so
 * a config reload's new tokens apply at once.
 */
final class AlertRoutes implements PrefixPost {
    static final String PREFIX = "/hooks/";

    private final Supplier<WebhookReceivers> current;

    private AlertRoutes(Supplier<WebhookReceivers> current) {
        this.current = current;
    }

    /** @param current the receivers that handle each request (swapped by a reload) */
    static void mount(HttpServer http, Supplier<WebhookReceivers> current) {
        http.postUnder(PREFIX, new AlertRoutes(current));
    }

    @Override
    public RawPost.Answer handle(String rest, Map<String, String> headers, byte[] body) {
        int slash = rest.indexOf('/');
        String kind = slash < 0 ? rest : rest.substring(0, slash);
        String name = slash < 0 ? null : rest.substring(slash + 1);
        return answer(current.get().handle(kind, name, headers, body));
    }

    @Override
    public RawPost.Answer tooLarge(String rest, Map<String, String> headers, int maxBytes) {
        Map<String, String> declared = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        declared.putAll(headers);
        // Sent without a length (chunked) it was cut off while read: all that is known is that it is over the limit.
        long length = parse(headers.get("Content-Length"));
        declared.put("Content-Length", String.valueOf(length > maxBytes ? length : Long.MAX_VALUE));
        return handle(rest, declared, new byte[0]);
    }

    private static long parse(String length) {
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static RawPost.Answer answer(HookAnswer answer) {
        return new RawPost.Answer(answer.status(), HookAnswer.CONTENT_TYPE, answer.body());
    }
}
