package dev.switchboard.server.rest;

import dev.switchboard.api.IdGenerator;
import dev.switchboard.api.alert.AlertStore;
import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.audit.AuditLog;
import dev.switchboard.api.incident.IncidentStore;
import dev.switchboard.server.JsonText;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only REST API under {@value #PREFIX}, mounted by {@link dev.switchboard.server.HttpServer#api}:
 * <pre>
 * RestApi api = new RestApi(tokens, gate, audit, clock, ids)
 *         .alerts(alertStore, alertGroups)
 *         .incidents(incidentStore);
 * </pre>
 * Every request must carry {@code Authorization: Bearer <token>}: none (or another scheme) is 401 with
 * {@code WWW-Authenticate: Bearer}; a token that matches no configured hash is 401 with the same text whatever was
 * wrong. The token's user must then be allowed by {@link ApiGate} to run the endpoint's read command
 * ({@code alerts} for alerts and groups, {@code incidents} for incidents), else 403 with the reason. Every request
 * is audited: refused ones as {@code denied}, answered ones as {@code received} with the HTTP status, both with
 * {@code channel=api}, the token's name as the account {@code api:<name>} and {@code api:v1} as the conversation;
 * the token itself is never recorded. An audit log that cannot be written is logged and the read still answered,
 * as read-only commands are in chat. Errors are JSON {@code {"error": "..."}}; a failure is 500 with a reference
 * id, never a stack trace. Configure before the server starts; thread-safe afterwards.
 */
public final class RestApi {
    public static final String PREFIX = "/api/v1";
    private static final Logger log = LoggerFactory.getLogger(RestApi.class);
    private static final int MAX_AUDITED_TEXT = 500;

    private final ApiTokens tokens;
    private final ApiGate gate;
    private final AuditLog audit;
    private final Clock clock;
    private final IdGenerator ids;
    private AlertEndpoints alerts;
    private GroupEndpoints groups;
    private IncidentEndpoints incidents;

    public RestApi(ApiTokens tokens, ApiGate gate, AuditLog audit, Clock clock, IdGenerator ids) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** Serves {@code /alerts}, {@code /alerts/{fingerprint}}, {@code /alert-groups} and {@code /alert-groups/{id}}. */
    public RestApi alerts(AlertStore store, AlertGroups alertGroups) {
        this.alerts = new AlertEndpoints(store, alertGroups);
        this.groups = new GroupEndpoints(alertGroups);
        return this;
    }

    /** Serves {@code /incidents}, {@code /incidents/{id}} and {@code /incidents/{id}/postmortem}. */
    public RestApi incidents(IncidentStore store) {
        this.incidents = new IncidentEndpoints(store);
        return this;
    }

    /** Adds the routes; called once by the HTTP server while it configures Javalin. */
    public void mount(RoutesConfig routes) {
        if (alerts != null) {
            routes.get(PREFIX + "/alerts", ctx -> serve(ctx, "alerts", alerts::list));
            routes.get(PREFIX + "/alerts/{fingerprint}", ctx -> serve(ctx, "alerts", alerts::one));
            routes.get(PREFIX + "/alert-groups", ctx -> serve(ctx, "alerts", groups::list));
            routes.get(PREFIX + "/alert-groups/{id}", ctx -> serve(ctx, "alerts", groups::one));
        }
        if (incidents != null) {
            routes.get(PREFIX + "/incidents", ctx -> serve(ctx, "incidents", incidents::list));
            routes.get(PREFIX + "/incidents/{id}", ctx -> serve(ctx, "incidents", incidents::one));
            routes.get(PREFIX + "/incidents/{id}/postmortem", ctx -> serve(ctx, "incidents", incidents::postmortem));
        }
        // Added last, so it answers only what no endpoint above did.
        routes.get(PREFIX + "/<rest>", ctx -> send(ctx, ApiAnswer.error(404, "there is no endpoint GET "
                + clipped(ctx.path()) + "; expected one of " + endpoints() + " (see docs/api.md)")));
    }

    private String endpoints() {
        List<String> served = new ArrayList<>();
        if (alerts != null) {
            served.addAll(List.of("/alerts", "/alerts/{fingerprint}", "/alert-groups", "/alert-groups/{id}"));
        }
        if (incidents != null) {
            served.addAll(List.of("/incidents", "/incidents/{id}", "/incidents/{id}/postmortem"));
        }
        return served.isEmpty() ? "none (alerts and incidents are not enabled)"
                : String.join(", ", served.stream().map(path -> PREFIX + path).toList());
    }

    private void serve(Context ctx, String commandId, Function<ApiRequest, ApiAnswer> endpoint) {
        String correlationId = ids.next();
        String line = clipped(ctx.method() + " " + ctx.path()
                + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
        String presented = bearer(ctx.header("Authorization"));
        if (presented == null) {
            record(denied(correlationId, line, commandId, null, null, "no API token", "api token"));
            ctx.header("WWW-Authenticate", "Bearer realm=\"switchboard\"");
            send(ctx, ApiAnswer.error(401, ApiErrors.NO_TOKEN));
            return;
        }
        Optional<ApiToken> token = tokens.match(presented);
        if (token.isEmpty()) {
            record(denied(correlationId, line, commandId, null, null, "unknown API token", "api token"));
            ctx.header("WWW-Authenticate", "Bearer realm=\"switchboard\", error=\"invalid_token\"");
            send(ctx, ApiAnswer.error(401, ApiErrors.BAD_TOKEN));
            return;
        }
        ApiToken caller = token.get();
        switch (gate.decide(caller.user(), commandId, line)) {
            case ApiGate.Verdict.Refused refused -> {
                record(denied(correlationId, line, commandId, caller.user(), caller.name(), refused.reason(),
                        refused.rule()));
                if (refused.status() == 401) {
                    ctx.header("WWW-Authenticate", "Bearer realm=\"switchboard\", error=\"invalid_token\"");
                }
                send(ctx, ApiAnswer.error(refused.status(), refused.reason()));
            }
            case ApiGate.Verdict.Granted granted -> {
                ApiAnswer answer = answer(ctx, endpoint, correlationId);
                record(event(AuditEventType.RECEIVED, correlationId, line, commandId, granted.principal().id(),
                        caller.name()).rule(granted.rule()).detail("status", answer.status()));
                send(ctx, answer);
            }
        }
    }

    private ApiAnswer answer(Context ctx, Function<ApiRequest, ApiAnswer> endpoint, String correlationId) {
        try {
            return endpoint.apply(new ApiRequest(ctx.pathParamMap(), ctx.queryParamMap()));
        } catch (ApiProblem problem) {
            return ApiAnswer.error(problem.status(), problem.getMessage());
        } catch (RuntimeException e) {
            log.error("{} {} failed (ref {})", ctx.method(), ctx.path(), correlationId, e);
            Map<String, String> body = new LinkedHashMap<>();
            body.put("error", "something went wrong (ref " + correlationId + ")");
            body.put("ref", correlationId);
            return new ApiAnswer(500, ApiAnswer.JSON, JsonText.object(body));
        }
    }

    /** The token of {@code Bearer <token>} (scheme in any case), or null when there is none. */
    static String bearer(String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (value.length() <= 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return null;
        }
        String token = value.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    private AuditEvent.Builder denied(String correlationId, String line, String commandId, String actor,
            String tokenName, String reason, String rule) {
        return event(AuditEventType.DENIED, correlationId, line, commandId, actor, tokenName).rule(rule)
                .detail("reason", reason);
    }

    private AuditEvent.Builder event(AuditEventType type, String correlationId, String line, String commandId,
            String actor, String tokenName) {
        return AuditEvent.builder(type, clock.instant()).correlationId(correlationId).actor(actor)
                .account(tokenName == null ? null : "api:" + tokenName)
                .conversation(ApiGate.CONVERSATION.toString()).text(line).commandId(commandId)
                .detail("channel", "api").detail("token", tokenName);
    }

    private void record(AuditEvent.Builder event) {
        try {
            audit.record(event.build());
        } catch (RuntimeException e) {
            log.error("could not audit an API request; answering it anyway, as it only reads", e);
        }
    }

    private static void send(Context ctx, ApiAnswer answer) {
        ctx.status(answer.status()).contentType(answer.contentType()).header("Cache-Control", "no-store")
                .result(answer.body());
    }

    private static String clipped(String text) {
        String shown = text.length() > MAX_AUDITED_TEXT ? text.substring(0, MAX_AUDITED_TEXT) + "…" : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
