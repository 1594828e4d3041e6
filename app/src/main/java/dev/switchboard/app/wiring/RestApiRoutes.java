package dev.switchboard.app.wiring;

import dev.switchboard.alerts.routing.AlertRouter;
import dev.switchboard.api.IdGenerator;
import dev.switchboard.api.audit.AuditLog;
import dev.switchboard.api.policy.Policy;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.core.command.ActiveCommands;
import dev.switchboard.core.identity.UserDirectory;
import dev.switchboard.server.HttpServer;
import dev.switchboard.server.rest.AlertGroups;
import dev.switchboard.server.rest.ApiGate;
import dev.switchboard.server.rest.ApiToken;
import dev.switchboard.server.rest.ApiTokens;
import dev.switchboard.server.rest.RestApi;
import dev.switchboard.store.JdbcStorage;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Mounts the REST API ({@code /api/v1/...}) on the HTTP server: the API tokens of {@code server.apiTokens} (read at
 * start; changing them needs a restart), each acting as its user as the users, commands and policy in force see
 * them (so a reload that removes the user or changes the policy applies at once), over the durable alert and
 * incident stores and, when alerts are routed, the router's groups.
 */
final class RestApiRoutes {
    private RestApiRoutes() {}

    /** @param router the alert router, or null when no alerts are configured (the API then lists no groups) */
    static void mount(HttpServer http, SwitchboardConfig config, Policy policy, ActiveCommands commands,
            Supplier<UserDirectory> users, AuditLog audit, JdbcStorage storage, AlertRouter router, Clock clock,
            IdGenerator ids) {
        ApiTokens tokens = new ApiTokens(config.server().apiTokens().stream()
                .map(t -> new ApiToken(t.name(), t.user(), t.sha256())).toList());
        ApiGate gate = new ApiGate(policy, commands::current, id -> users.get().principal(id));
        http.api(new RestApi(tokens, gate, audit, clock, ids)
                .alerts(storage.alerts(), router == null ? AlertGroups.NONE : new RouterGroups(router))
                .incidents(storage.incidents()));
    }
}
