package dev.switchboard.plugin.http;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.action.ActionRequest;
import dev.switchboard.api.action.ActionResult;
import dev.switchboard.api.action.JobContext;
import dev.switchboard.api.command.ArgTemplate;
import dev.switchboard.api.reply.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one configured HTTP request per job and turns the answer into a result: {@link ActionResult.Succeeded}
 * with the reply (the {@code reply} template, or "HTTP code" plus the extracted values) for a success status,
 * {@link ActionResult.Failed} otherwise ("POST /deploy answered 503", "cannot reach host:port: connection refused",
 * "no answer from host:port within 10s", "response has no /data/status"). Cancel or timeout cancels the request.
 * Thread-safe: one instance runs many jobs at once.
 */
public final class HttpAction implements Action {
    static final int MAX_RESPONSE_BYTES = 1 << 20;
    private static final Logger log = LoggerFactory.getLogger(HttpAction.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Extra wait beyond the request timeout, so the client's own timeout normally answers first. */
    private static final Duration MARGIN = Duration.ofSeconds(1);

    private final HttpClient client;
    private final HttpSettings settings;

    HttpAction(HttpClient client, HttpSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public ActionResult run(ActionRequest request, JobContext context) throws InterruptedException {
        Map<String, String> args = request.invocation().args();
        Map<String, String> shownArgs = request.invocation().redactedArgs();
        String what = settings.method() + " " + settings.url().shownPath(shownArgs);
        String host = settings.url().hostAndPort();
        if (context.cancelled()) {
            return ActionResult.failed(what + " was not sent: the job was stopped");
        }
        URI uri;
        switch (settings.url().fill(args)) {
            case UrlTemplate.Filled.Ok ok -> uri = ok.uri();
            case UrlTemplate.Filled.Refused refused -> {
                return ActionResult.failed(what + " was not sent: " + refused.reason());
            }
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(settings.timeout());
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        for (Map.Entry<String, ArgTemplate> header : settings.headers().entrySet()) {
            try {
                builder.header(header.getKey(), header.getValue().expand(args));
            } catch (IllegalArgumentException e) {
                return ActionResult.failed(what + " was not sent: header " + header.getKey()
                        + " would contain characters HTTP does not allow");
            }
        }
        if (settings.body() != null) {
            if (settings.headers().keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                builder.header("Content-Type", "application/json");
            }
            byte[] body = JSON.writeValueAsBytes(settings.body().fill(args));
            builder.method(settings.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            builder.method(settings.method(), HttpRequest.BodyPublishers.noBody());
        }

        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(builder.build(), info -> settings.extract()
                .isEmpty() ? BodySubscribers.replacing(new byte[0]) : new CappedBodySubscriber(MAX_RESPONSE_BYTES));
        context.onCancel(() -> answer.cancel(true));
        HttpResponse<byte[]> response;
        try {
            response = answer.get(settings.timeout().plus(MARGIN).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return ActionResult.failed(ExchangeFailure.noAnswer(host, settings.timeout()));
        } catch (CancellationException e) {
            return ActionResult.failed(what + " was cancelled");
        } catch (ExecutionException e) {
            // Only the exception type: client messages may quote the request URI, query string included.
            log.debug("job {}: {} to {} failed: {}", request.jobId(), what, host, e.getCause().getClass().getName());
            return ActionResult.failed(ExchangeFailure.describe(e, what, host, settings.timeout()));
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        }
        log.debug("job {}: {} answered {}", request.jobId(), what, response.statusCode());
        if (!settings.success(response.statusCode())) {
            return ActionResult.failed(what + " answered " + response.statusCode());
        }
        return reply(response, what, shownArgs);
    }

    private ActionResult reply(HttpResponse<byte[]> response, String what, Map<String, String> shownArgs) {
        Map<String, String> extracted = new LinkedHashMap<>();
        if (!settings.extract().isEmpty()) {
            JsonNode json;
            try {
                json = JSON.readTree(response.body());
            } catch (JacksonException e) {
                json = null;
            }
            if (json == null || json.isMissingNode()) {
                return ActionResult.failed(what + " answered " + response.statusCode() + " but not with JSON ("
                        + response.headers().firstValue("Content-Type").orElse("no content type")
                        + "), so nothing could be extracted");
            }
            for (Map.Entry<String, JsonPointer> e : settings.extract().entrySet()) {
                JsonNode value = json.at(e.getValue());
                if (value.isMissingNode()) {
                    return ActionResult.failed("response has no " + e.getValue());
                }
                extracted.put(e.getKey(), value.isValueNode() ? value.asString() : value.toString());
            }
        }
        if (settings.reply() != null) {
            Map<String, String> values = new LinkedHashMap<>(shownArgs);
            values.putAll(extracted);
            return ActionResult.ok(Reply.text(settings.reply().expand(values)));
        }
        Reply.Builder reply = Reply.builder().text("HTTP " + response.statusCode());
        extracted.forEach(reply::field);
        return ActionResult.ok(reply.build());
    }
}
