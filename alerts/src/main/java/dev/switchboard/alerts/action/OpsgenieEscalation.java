package dev.switchboard.alerts.action;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.Escalation;
import dev.switchboard.api.alert.EscalationResult;
import dev.switchboard.api.alert.Escalations;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link Escalations} through the Opsgenie Alert API v2, authenticated with {@code Authorization: GenieKey <key>}:
 * trigger is {@code POST /v2/alerts} with the dedup key as {@code alias} (Opsgenie keeps one open alert per alias),
 * acknowledge and resolve are {@code POST /v2/alerts/<alias>/acknowledge} and {@code /close} with
 * {@code identifierType=alias}, recording the Switchboard user as {@code user}. Severities map to priorities
 * critical P1, error P2, warning P3, info P5. 202 is {@link EscalationResult.Sent} (Opsgenie then processes the
 * request asynchronously), other 4xx {@link EscalationResult.Rejected} with Opsgenie's message, 429 and 5xx retried
 * per {@link RetryPolicy} and then {@link EscalationResult.Unavailable}. Thread-safe; the key never appears in a
 * result, a log line or {@link #toString()}.
 */
public final class OpsgenieEscalation implements Escalations {
    static final int MESSAGE_LIMIT = 130;
    static final int DESCRIPTION_LIMIT = 15_000;
    static final String SOURCE = "Switchboard";
    private static final String SERVICE = "Opsgenie";

    private final OpsgenieConfig config;
    private final RetryingSender sender;
    private final JsonMapper json = JsonMapper.builder().build();

    /** Calls Opsgenie with a new HTTP client, real sleeps and a random jitter. */
    public OpsgenieEscalation(OpsgenieConfig config) {
        this(config, HttpClient.newBuilder().connectTimeout(config.timeout()).build(), Sleeper.SYSTEM,
                Clock.systemUTC(), RandomGenerator.getDefault());
    }

    /** For tests and shared clients: every collaborator given. */
    public OpsgenieEscalation(OpsgenieConfig config, HttpClient http, Sleeper sleeper, Clock clock,
            RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.sender = new RetryingSender(SERVICE, http, config.retry(), sleeper, clock, random);
    }

    @Override
    public String service() {
        return SERVICE;
    }

    /** The Opsgenie priority for {@code severity}. */
    static String priority(Escalation.Severity severity) {
        return switch (severity) {
            case CRITICAL -> "P1";
            case ERROR -> "P2";
            case WARNING -> "P3";
            case INFO -> "P5";
        };
    }

    @Override
    public EscalationResult trigger(Escalation escalation) {
        ObjectNode alert = json.createObjectNode();
        alert.put("message", PagerDutyEscalation.cut(escalation.summary(), MESSAGE_LIMIT));
        alert.put("alias", escalation.dedupKey());
        alert.put("description", PagerDutyEscalation.cut(description(escalation), DESCRIPTION_LIMIT));
        alert.put("priority", priority(escalation.severity()));
        alert.put("source", SOURCE);
        alert.put("entity", escalation.source());
        ArrayNode tags = alert.putArray("tags").add("switchboard").add(escalation.severity().wireName());
        if (escalation.eventClass() != null && !escalation.eventClass().isBlank()) {
            tags.add(escalation.eventClass());
        }
        if (!escalation.details().isEmpty()) {
            ObjectNode details = alert.putObject("details");
            escalation.details().forEach(details::put);
        }
        return send(ServiceUrls.resolve(config.apiUrl(), "/v2/alerts"), alert, "create", escalation.dedupKey());
    }

    @Override
    public EscalationResult acknowledge(String dedupKey, String actor) {
        return follow(dedupKey, "acknowledge", actor, "acknowledged from chat via Switchboard");
    }

    @Override
    public EscalationResult resolve(String dedupKey, String actor) {
        return follow(dedupKey, "close", actor, "resolved from chat via Switchboard");
    }

    private EscalationResult follow(String dedupKey, String action, String actor, String note) {
        Objects.requireNonNull(dedupKey, "dedupKey");
        ObjectNode body = json.createObjectNode();
        body.put("source", SOURCE);
        body.put("note", note);
        if (actor != null && !actor.isBlank()) {
            body.put("user", actor);
        }
        String alias = URLEncoder.encode(dedupKey, StandardCharsets.UTF_8).replace("+", "%20");
        URI url = ServiceUrls.resolve(config.apiUrl(), "/v2/alerts/" + alias + "/" + action + "?identifierType=alias");
        return send(url, body, action, dedupKey);
    }

    private static String description(Escalation escalation) {
        StringBuilder text = new StringBuilder(escalation.summary());
        for (Alert.Link link : escalation.links()) {
            text.append('\n').append(link.title()).append(": ").append(link.url());
        }
        return text.toString();
    }

    private EscalationResult send(URI url, ObjectNode body, String action, String dedupKey) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(config.timeout())
                .header("Authorization", "GenieKey " + config.apiKey())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        return switch (sender.send(request)) {
            case RetryingSender.Delivery.Answered(int status, String answer) when status / 100 == 2 ->
                    new EscalationResult.Sent(dedupKey);
            case RetryingSender.Delivery.Answered(int status, String answer) when status == 401 || status == 403 ->
                    new EscalationResult.Rejected("Opsgenie refused the API key (" + status + "): "
                            + RefusalText.of(answer, List.of(config.apiKey()), "message"));
            case RetryingSender.Delivery.Answered(int status, String answer) -> new EscalationResult.Rejected(
                    "Opsgenie rejected the " + action + " request (" + status + "): "
                            + RefusalText.of(answer, List.of(config.apiKey()), "message", "errors"));
            case RetryingSender.Delivery.GaveUp(String reason) -> new EscalationResult.Unavailable(reason);
        };
    }

    @Override
    public String toString() {
        return "OpsgenieEscalation[" + config + "]";
    }
}
