package dev.switchboard.alerts.action;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.Escalation;
import dev.switchboard.api.alert.EscalationResult;
import dev.switchboard.api.alert.Escalations;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link Escalations} through the PagerDuty Events API v2: one {@code POST} of
 * {@code {routing_key, event_action, dedup_key, payload, links, client}} per call, {@code event_action} being
 * {@code trigger}, {@code acknowledge} or {@code resolve}. 202 is {@link EscalationResult.Sent} (with the dedup key
 * PagerDuty confirms), 400 and other 4xx {@link EscalationResult.Rejected} with PagerDuty's message, 429 and 5xx
 * retried per {@link RetryPolicy} (honouring {@code Retry-After}) and then {@link EscalationResult.Unavailable}.
 * Thread-safe; the routing key never appears in a result, a log line or {@link #toString()}.
 */
public final class PagerDutyEscalation implements Escalations {
    static final String CLIENT = "Switchboard";
    /** PagerDuty's limit on {@code payload.summary}. */
    static final int SUMMARY_LIMIT = 1024;
    private static final String SERVICE = "PagerDuty";

    private final PagerDutyConfig config;
    private final RetryingSender sender;
    private final JsonMapper json = JsonMapper.builder().build();

    /** Calls PagerDuty with a new HTTP client, real sleeps and a random jitter. */
    public PagerDutyEscalation(PagerDutyConfig config) {
        this(config, HttpClient.newBuilder().connectTimeout(config.timeout()).build(), Sleeper.SYSTEM,
                Clock.systemUTC(), RandomGenerator.getDefault());
    }

    /** For tests and shared clients: every collaborator given. */
    public PagerDutyEscalation(PagerDutyConfig config, HttpClient http, Sleeper sleeper, Clock clock,
            RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.sender = new RetryingSender(SERVICE, http, config.retry(), sleeper, clock, random);
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public EscalationResult trigger(Escalation escalation) {
        ObjectNode event = event("trigger", escalation.dedupKey());
        ObjectNode payload = event.putObject("payload");
        payload.put("summary", cut(escalation.summary(), SUMMARY_LIMIT));
        payload.put("source", escalation.source());
        payload.put("severity", escalation.severity().wireName());
        putIfPresent(payload, "component", escalation.component());
        putIfPresent(payload, "group", escalation.group());
        putIfPresent(payload, "class", escalation.eventClass());
        if (!escalation.details().isEmpty()) {
            ObjectNode details = payload.putObject("custom_details");
            escalation.details().forEach(details::put);
        }
        if (!escalation.links().isEmpty()) {
            ArrayNode links = event.putArray("links");
            for (Alert.Link link : escalation.links()) {
                links.addObject().put("href", link.url()).put("text", link.title());
            }
        }
        return send(event, escalation.dedupKey());
    }

    @Override
    public EscalationResult acknowledge(String dedupKey, String actor) {
        // The Events API records no actor; the audit log keeps who acknowledged.
        return send(event("acknowledge", dedupKey), dedupKey);
    }

    @Override
    public EscalationResult resolve(String dedupKey, String actor) {
        return send(event("resolve", dedupKey), dedupKey);
    }

    private ObjectNode event(String action, String dedupKey) {
        Objects.requireNonNull(dedupKey, "dedupKey");
        ObjectNode event = json.createObjectNode();
        event.put("routing_key", config.routingKey());
        event.put("event_action", action);
        event.put("dedup_key", dedupKey);
        event.put("client", CLIENT);
        return event;
    }

    private EscalationResult send(ObjectNode event, String dedupKey) {
        HttpRequest request = HttpRequest.newBuilder(config.eventsUrl())
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(event)))
                .build();
        String action = event.get("event_action").asString();
        return switch (sender.send(request)) {
            case RetryingSender.Delivery.Answered(int status, String body) when status / 100 == 2 ->
                    new EscalationResult.Sent(confirmedKey(body, dedupKey));
            case RetryingSender.Delivery.Answered(int status, String body) -> new EscalationResult.Rejected(
                    "PagerDuty rejected the " + action + " event (" + status + "): "
                            + RefusalText.of(body, List.of(config.routingKey()), "message", "errors"));
            case RetryingSender.Delivery.GaveUp(String reason) -> new EscalationResult.Unavailable(reason);
        };
    }

    /** The dedup key PagerDuty answers with: the one sent, or the one it generated had none been sent. */
    private String confirmedKey(String body, String sent) {
        try {
            JsonNode key = json.readTree(body).get("dedup_key");
            return key != null && key.isString() && !key.asString().isBlank() ? key.asString() : sent;
        } catch (JacksonException | IllegalArgumentException unreadable) {
            return sent;
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }

    @Override
    public String toString() {
        return "PagerDutyEscalation[" + config + "]";
    }
}
