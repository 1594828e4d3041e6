package dev.switchboard.chat.slack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side of Slack: {@code /slack/events} (JSON) and {@code /slack/interactions} (a form whose
 * {@code payload} field is JSON). The signature is checked on the raw bytes before anything is parsed. Payloads go
 * to {@code handler} as {@code ("events_api", payload)} or {@code ("interactive", payload)}, the same kinds Socket
 * Mode envelopes have. Slack retries a request not answered within three seconds (header
 * {@code X-Slack-Retry-Num}); a retry is handed on like the first try, and its unchanged {@code event_id} lets the
 * dispatcher drop it. Thread-safe.
 */
final class SlackHttpEndpoint {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final RequestSignature signature;
    private final BiConsumer<String, JsonNode> handler;

    /** @param signature null when no signing secret is configured: every request is then refused */
    SlackHttpEndpoint(RequestSignature signature, BiConsumer<String, JsonNode> handler) {
        this.signature = signature;
        this.handler = handler;
    }

    HttpAnswer events(Map<String, String> headers, byte[] body, boolean ready) {
        Optional<HttpAnswer> refused = refuse(headers, body);
        if (refused.isPresent()) {
            return refused.get();
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(body);
        } catch (JacksonException e) {
            return HttpAnswer.refuse(400, "the body is not JSON; expected a Slack Events API payload");
        }
        String type = InboundEvents.text(payload, "type");
        if ("url_verification".equals(type)) {
            String challenge = InboundEvents.text(payload, "challenge");
            return challenge == null ? HttpAnswer.refuse(400, "url_verification without a challenge")
                    : HttpAnswer.json(JSON.createObjectNode().put("challenge", challenge).toString());
        }
        if (!ready) {
            // Slack retries later; by then the adapter knows who the bot is.
            return HttpAnswer.refuse(503, "the Slack adapter is starting; try again shortly");
        }
        handler.accept("events_api", payload);
        return HttpAnswer.ok();
    }

    HttpAnswer interactions(Map<String, String> headers, byte[] body, boolean ready) {
        Optional<HttpAnswer> refused = refuse(headers, body);
        if (refused.isPresent()) {
            return refused.get();
        }
        String form = new String(body, StandardCharsets.UTF_8);
        String json = null;
        for (String pair : form.split("&")) {
            if (pair.startsWith("payload=")) {
                json = URLDecoder.decode(pair.substring("payload=".length()), StandardCharsets.UTF_8);
            }
        }
        if (json == null) {
            return HttpAnswer.refuse(400, "no payload field; expected a form with payload=<JSON> from Slack");
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(json);
        } catch (JacksonException e) {
            return HttpAnswer.refuse(400, "the payload field is not JSON; expected a Slack interaction payload");
        }
        if (!ready) {
            return HttpAnswer.refuse(503, "the Slack adapter is starting; try again shortly");
        }
        handler.accept("interactive", payload);
        return HttpAnswer.ok();
    }

    private Optional<HttpAnswer> refuse(Map<String, String> headers, byte[] body) {
        if (signature == null) {
            return Optional.of(HttpAnswer.refuse(404, "Slack HTTP events are not enabled here: no signing secret "
                    + "is configured for the Slack adapter"));
        }
        return signature.problem(headers, body).map(why -> HttpAnswer.refuse(401, "refused: " + why));
    }
}
