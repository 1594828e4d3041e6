package dev.switchboard.alerts.action;

import dev.switchboard.api.alert.Silence;
import dev.switchboard.api.alert.SilenceMatcher;
import dev.switchboard.api.alert.SilenceRequest;
import dev.switchboard.api.alert.SilenceResult;
import dev.switchboard.api.alert.Silences;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link Silences} on a real Alertmanager through its v2 API: {@code POST /api/v2/silences} (starting now, ending
 * after the requested duration, {@code createdBy} the Switchboard user, the comment the reason and "via
 * Switchboard"), {@code GET /api/v2/silence/<id>} and {@code DELETE /api/v2/silence/<id>}. Matchers and duration
 * are checked before anything is sent ({@link MatcherSyntax#problem}, {@link AlertmanagerConfig#maxDuration()}).
 * One attempt per call, so a silence is never created twice; an unreachable or failing Alertmanager is
 * {@link SilenceResult.Unavailable}, a 4xx {@link SilenceResult.Refused} with Alertmanager's message. Messages name
 * the Alertmanager by scheme, host and port and never hold its credentials. Thread-safe.
 */
public final class AlertmanagerSilences implements Silences {
    static final String VIA = "via Switchboard";
    /** Alertmanager's silence ids are UUIDs; anything else cannot exist and must not reach the URL path. */
    private static final Pattern SILENCE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final AlertmanagerConfig config;
    private final HttpClient http;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public AlertmanagerSilences(AlertmanagerConfig config, Clock clock) {
        this(config, HttpClient.newBuilder().connectTimeout(config.timeout()).build(), clock);
    }

    public AlertmanagerSilences(AlertmanagerConfig config, HttpClient http, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The comment Alertmanager shows for a silence asked for because of {@code reason} (may be blank). */
    static String comment(String reason) {
        return reason.isBlank() ? "silenced " + VIA : reason + " (" + VIA + ")";
    }

    @Override
    public SilenceResult create(SilenceRequest request) {
        Optional<String> problem = MatcherSyntax.problem(request.matchers());
        if (problem.isPresent()) {
            return new SilenceResult.Refused(problem.get());
        }
        if (request.duration().compareTo(config.maxDuration()) > 0) {
            return new SilenceResult.Refused("a silence may last at most " + Durations.text(config.maxDuration())
                    + ", not " + Durations.text(request.duration()));
        }
        Instant startsAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant endsAt = startsAt.plus(request.duration());
        String comment = comment(request.reason());
        ObjectNode body = json.createObjectNode();
        var matchers = body.putArray("matchers");
        for (SilenceMatcher matcher : request.matchers()) {
            matchers.addObject().put("name", matcher.name()).put("value", matcher.value())
                    .put("isRegex", matcher.op().regex()).put("isEqual", matcher.op().equal());
        }
        body.put("startsAt", startsAt.toString()).put("endsAt", endsAt.toString())
                .put("createdBy", request.createdBy()).put("comment", comment);
        HttpRequest.Builder post = request("/api/v2/silences").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        return switch (call(post)) {
            case Answer.Reply(int status, String answer) when status / 100 == 2 -> {
                String id = text(answer, "silenceID");
                yield id == null
                        ? new SilenceResult.Unavailable(config.where() + " answered without a silence id")
                        : new SilenceResult.Silenced(new Silence(id, Silence.State.ACTIVE, request.matchers(),
                                startsAt, endsAt, request.createdBy(), comment));
            }
            case Answer.Reply(int status, String answer) -> refusal("refused the silence", status, answer);
            case Answer.Failed(String reason) -> new SilenceResult.Unavailable(reason);
        };
    }

    @Override
    public SilenceResult find(String id) {
        if (!SILENCE_ID.matcher(id).matches()) {
            return new SilenceResult.NotFound(id);
        }
        return switch (call(request("/api/v2/silence/" + id).GET())) {
            case Answer.Reply(int status, String answer) when status / 100 == 2 -> parse(answer)
                    .<SilenceResult>map(SilenceResult.Silenced::new)
                    .orElseGet(() -> new SilenceResult.Unavailable(
                            config.where() + " answered with a silence it did not describe fully"));
            case Answer.Reply(int status, String answer) when status == 404 -> new SilenceResult.NotFound(id);
            case Answer.Reply(int status, String answer) -> refusal("refused to show the silence", status, answer);
            case Answer.Failed(String reason) -> new SilenceResult.Unavailable(reason);
        };
    }

    @Override
    public SilenceResult expire(String id) {
        if (!SILENCE_ID.matcher(id).matches()) {
            return new SilenceResult.NotFound(id);
        }
        return switch (call(request("/api/v2/silence/" + id).DELETE())) {
            case Answer.Reply(int status, String answer) when status / 100 == 2 -> new SilenceResult.Expired(id);
            case Answer.Reply(int status, String answer) when status == 404 || says(answer, "silence not found") ->
                    new SilenceResult.NotFound(id);
            case Answer.Reply(int status, String answer) when says(answer, "already expired") ->
                    new SilenceResult.Expired(id);
            case Answer.Reply(int status, String answer) -> refusal("refused to expire the silence", status, answer);
            case Answer.Failed(String reason) -> new SilenceResult.Unavailable(reason);
        };
    }

    /** One HTTP exchange: Alertmanager's answer, or why there was none. */
    private sealed interface Answer {
        record Reply(int status, String body) implements Answer {}

        record Failed(String reason) implements Answer {}
    }

    private HttpRequest.Builder request(String path) {
        URI url = ServiceUrls.resolve(config.baseUrl(), path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(config.timeout())
                .header("Accept", "application/json");
        config.auth().header().ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    private Answer call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer.Reply(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            return new Answer.Failed(config.where() + " did not answer within " + Durations.text(config.timeout()));
        } catch (ConnectException e) {
            return new Answer.Failed(config.where() + " could not be reached (connection refused)");
        } catch (IOException e) {
            return new Answer.Failed(config.where() + " could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer.Failed("interrupted while calling " + config.where());
        }
    }

    /**
     * Alertmanager 0.25 answers an expire of an unknown silence with 500 "silence not found", and of an expired one
     * with an "already expired" error, instead of 404 and 200; read the body so neither looks like an outage.
     */
    private static boolean says(String body, String phrase) {
        return body != null && body.toLowerCase(java.util.Locale.ROOT).contains(phrase);
    }

    private SilenceResult refusal(String what, int status, String body) {
        String why = RefusalText.of(body, List.of(config.auth().secret()), "message", "error");
        if (status == 401 || status == 403) {
            return new SilenceResult.Refused(config.where() + " refused Switchboard's credentials (" + status + ")");
        }
        if (status >= 500) {
            return new SilenceResult.Unavailable(config.where() + " failed (" + status + "): " + why);
        }
        return new SilenceResult.Refused(config.where() + " " + what + " (" + status + "): " + why);
    }

    private String text(String body, String field) {
        try {
            JsonNode value = json.readTree(body).get(field);
            return value != null && value.isString() && !value.asString().isBlank() ? value.asString() : null;
        } catch (JacksonException | IllegalArgumentException unreadable) {
            return null;
        }
    }

    private Optional<Silence> parse(String body) {
        try {
            return Optional.of(SilenceJson.read(json.readTree(body)));
        } catch (JacksonException | IllegalArgumentException | NullPointerException unreadable) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "AlertmanagerSilences[" + config + "]";
    }
}
