package dev.switchboard.server;

import dev.switchboard.api.IdGenerator;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.server.rest.RestApi;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.util.JavalinBindException;
import java.net.BindException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switchboard's HTTP server. Built explicitly by the app:
 * <pre>
 * HttpServer server = HttpServer.create(settings, readiness, authenticator)
 *         .webSocket("/chat/ws", bridge)
 *         .start();
 * </pre>
 * Routes: {@code GET /healthz} (always 200 {@code {"status":"alive"}}), {@code GET /readyz} (200 or 503 with the
 * {@link Readiness.Report}), {@code GET /} (redirect to {@code /chat/}), login routes (see {@link LoginRoutes}),
 * the classpath folder {@code /switchboard/web} under {@code /chat/}, the registered WebSockets, each open only
 * to a logged-in browser, and the registered raw POST endpoints ({@link #post}), open to anyone (their handler
 * checks signatures), and the REST API ({@link #api}) under {@code /api/v1}, open to API tokens. Every unexpected
 * exception becomes a generic JSON 500 with a reference id that is logged with the stack; no stack trace ever
 * reaches a response.
 *
 * <p>Configure ({@link #webSocket}, {@link #post}, {@link #api}) before {@link #start}; start and stop from one thread.
 */
public final class HttpServer {
    /** The classpath folder served under {@code /chat/}. */
    public static final String WEB_RESOURCES = "/switchboard/web";
    /** The largest WebSocket text message accepted; larger ones close the socket (status 1009). */
    public static final int MAX_FRAME_BYTES = 64 * 1024;
    /** The largest body a {@link RawPost} endpoint accepts; larger requests get 413. */
    public static final int MAX_POST_BYTES = 1024 * 1024;
    private static final Duration SESSION_IDLE = Duration.ofHours(12);
    private static final int MAX_SESSIONS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    private final ServerSettings settings;
    private final Readiness readiness;
    private final LoginRoutes login;
    private final IdGenerator refs;
    private final Map<String, WsBridge> sockets = new LinkedHashMap<>();
    private final Map<String, RawPost> posts = new LinkedHashMap<>();
    private final Map<String, PrefixPost> prefixPosts = new LinkedHashMap<>();
    private RestApi api;
    private Javalin app;

    private HttpServer(ServerSettings settings, Readiness readiness, LoginRoutes login, IdGenerator refs) {
        this.settings = settings;
        this.readiness = readiness;
        this.login = login;
        this.refs = refs;
    }

    public static HttpServer create(ServerSettings settings, Readiness readiness, Authenticator authenticator) {
        return create(settings, readiness, authenticator, Clock.systemUTC(), IdGenerator.random());
    }

    /** As {@link #create(ServerSettings, Readiness, Authenticator)}, with the clock for session expiry injected. */
    public static HttpServer create(ServerSettings settings, Readiness readiness, Authenticator authenticator,
            Clock clock, IdGenerator refs) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(authenticator, "authenticator");
        LoginSessions sessions = new LoginSessions(clock, SESSION_IDLE, MAX_SESSIONS);
        return new HttpServer(settings, readiness, new LoginRoutes(authenticator, sessions), refs);
    }

    /** Serves a WebSocket at {@code path} (e.g. {@code /chat/ws}) for logged-in browsers, handing it to the bridge. */
    public HttpServer webSocket(String path, WsBridge bridge) {
        if (app != null) {
            throw new IllegalStateException("add WebSockets before start()");
        }
        sockets.put(Objects.requireNonNull(path, "path"), Objects.requireNonNull(bridge, "bridge"));
        return this;
    }

    /**
     * Serves {@code POST path} (e.g. {@code /slack/events}) with the raw request, without login: the handler checks
     * the caller itself (a platform signature). Bodies over {@link #MAX_POST_BYTES} are answered 413.
     */
    public HttpServer post(String path, RawPost handler) {
        if (app != null) {
            throw new IllegalStateException("add POST endpoints before start()");
        }
        if (posts.putIfAbsent(Objects.requireNonNull(path, "path"), Objects.requireNonNull(handler, "handler")) != null) {
            throw new IllegalArgumentException("POST " + path + " is already served");
        }
        return this;
    }

    /**
     * Serves {@code POST} for every path under {@code prefix} (ending in {@code /}, e.g. {@code /hooks/}) with the raw
     * request, without login; the handler is told the rest of the path and answers over-long bodies itself. Paths
     * served by {@link #post} win over a prefix.
     */
    public HttpServer postUnder(String prefix, PrefixPost handler) {
        if (app != null) {
            throw new IllegalStateException("add POST endpoints before start()");
        }
        if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
            throw new IllegalArgumentException("a POST prefix starts and ends with '/', got '" + prefix + "'");
        }
        if (prefixPosts.putIfAbsent(prefix, Objects.requireNonNull(handler, "handler")) != null) {
            throw new IllegalArgumentException("POST " + prefix + "* is already served");
        }
        return this;
    }

    /** Serves the read-only REST API under {@code /api/v1} (see {@link RestApi}); its routes check API tokens. */
    public HttpServer api(RestApi restApi) {
        if (app != null) {
            throw new IllegalStateException("add the REST API before start()");
        }
        if (api != null) {
            throw new IllegalArgumentException("the REST API is already served");
        }
        api = Objects.requireNonNull(restApi, "restApi");
        return this;
    }

    /**
     * Starts listening. Throws {@link SwitchboardException} with a message fit for the operator when the port is
     * taken or the address cannot be bound.
     */
    public HttpServer start() {
        if (app != null) {
            return this;
        }
        Javalin javalin = Javalin.create(this::configure);
        try {
            javalin.start(settings.bind(), settings.port());
        } catch (RuntimeException e) {
            javalin.stop();
            if (e instanceof JavalinBindException || causedBy(e, BindException.class)) {
                throw new SwitchboardException("port " + settings.port() + " on " + settings.bind()
                        + " is already in use; start with --port N or set server.port", e);
            }
            throw new SwitchboardException("could not start the HTTP server on " + settings.bind() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
        app = javalin;
        log.info("HTTP server listening on http://{}:{}/", settings.bind(), port());
        return this;
    }

    /** The port in use once started (the chosen one when the settings said 0). */
    public int port() {
        if (app == null) {
            throw new IllegalStateException("the HTTP server is not started");
        }
        return app.port();
    }

    /** Stops listening and closes all sockets; idempotent. */
    public void stop() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.concurrency.useVirtualThreads = true;
        config.jetty.modifyWebSocketServletFactory(factory -> {
            factory.setMaxTextMessageSize(MAX_FRAME_BYTES);
            factory.setMaxBinaryMessageSize(1024);
            factory.setIdleTimeout(Duration.ofMinutes(5));
        });
        if (HttpServer.class.getResource(WEB_RESOURCES) != null) {
            config.staticFiles.add(files -> {
                files.hostedPath = "/chat";
                files.directory = WEB_RESOURCES;
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "no-cache");
            });
        } else {
            log.warn("no web pages on the classpath at {}; /chat/ will answer 404", WEB_RESOURCES);
        }

        var routes = config.routes;
        routes.before(HttpServer::securityHeaders);
        routes.get("/healthz", ctx -> json(ctx, HttpStatus.OK, Map.of("status", "alive")));
        routes.get("/readyz", this::ready);
        routes.get("/", ctx -> ctx.redirect("/chat/", HttpStatus.FOUND));
        login.register(routes);
        sockets.forEach((path, bridge) -> new ChatSocket(login, bridge).register(routes, path));
        posts.forEach((path, handler) -> routes.post(path, new RawPostRoute(handler, MAX_POST_BYTES)::handle));
        prefixPosts.forEach((prefix, handler) -> routes.post(prefix + "<rest>",
                new RawPostRoute(handler, prefix.length(), MAX_POST_BYTES)::handle));
        if (api != null) {
            api.mount(routes);
        }

        routes.exception(HttpResponseException.class, (e, ctx) ->
                json(ctx, HttpStatus.forStatus(e.getStatus()), Map.of("error", e.getMessage())));
        routes.exception(Exception.class, (e, ctx) -> {
            String ref = refs.next();
            log.error("{} {} failed (ref {})", ctx.method(), ctx.path(), ref, e);
            Map<String, String> body = new LinkedHashMap<>();
            body.put("error", "something went wrong (ref " + ref + ")");
            body.put("ref", ref);
            json(ctx, HttpStatus.INTERNAL_SERVER_ERROR, body);
        });
    }

    private void ready(Context ctx) {
        Readiness.Report report;
        try {
            report = readiness.check();
        } catch (RuntimeException e) {
            String ref = refs.next();
            log.error("the readiness check failed (ref {})", ref, e);
            report = new Readiness.Report(false, Map.of("readiness", "check failed (ref " + ref + ")"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.ready() ? "ready" : "not ready");
        body.put("components", report.components());
        json(ctx, report.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, body);
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Content-Security-Policy",
                "default-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'");
    }

    static void json(Context ctx, HttpStatus status, Map<String, ?> body) {
        ctx.status(status).contentType("application/json").header("Cache-Control", "no-store")
                .result(JsonText.object(body));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
