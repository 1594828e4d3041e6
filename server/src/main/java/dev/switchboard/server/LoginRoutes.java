package dev.switchboard.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login, logout and "who am I" for the browser pages: {@code POST /login} (form fields {@code user},
 * {@code password}) sets the session cookie and redirects to {@code /chat/}; {@code POST /logout} ends the session;
 * {@code GET /session} answers {@code {"user":"alice","passwordRequired":true}} or 401. POSTs must come from a page
 * of this server (same {@code Origin} as {@code Host}), on top of the SameSite=Strict cookie.
 */
final class LoginRoutes {
    static final String COOKIE = "switchboard_session";
    private static final Logger log = LoggerFactory.getLogger(LoginRoutes.class);
    private static final String FAILED = "login failed: unknown user or wrong password";
    private static final int MAX_FIELD = 256;

    private final Authenticator authenticator;
    private final LoginSessions sessions;

    LoginRoutes(Authenticator authenticator, LoginSessions sessions) {
        this.authenticator = authenticator;
        this.sessions = sessions;
    }

    void register(RoutesConfig routes) {
        routes.get("/login", ctx -> ctx.redirect("/chat/", HttpStatus.SEE_OTHER));
        routes.post("/login", this::login);
        routes.post("/logout", this::logout);
        routes.get("/session", this::session);
    }

    /** The logged-in user of the request's session cookie, if any. */
    Optional<String> user(String cookie) {
        return sessions.user(cookie);
    }

    private void login(Context ctx) {
        requireSameOrigin(ctx.header("Origin"), ctx.header("Host"));
        String user = field(ctx.formParam("user"));
        String password = field(ctx.formParam("password"));
        Optional<String> account = user.isEmpty() || user.length() > MAX_FIELD || password.length() > MAX_FIELD
                ? Optional.empty()
                : authenticator.authenticate(user, password);
        if (account.isEmpty()) {
            log.info("web login failed for '{}'", printable(user));
            ctx.status(HttpStatus.UNAUTHORIZED).contentType("application/json")
                    .result(JsonText.object(Map.of("error", FAILED)));
            return;
        }
        String token = sessions.open(account.get());
        ctx.cookie(new Cookie(COOKIE, token, "/", -1, secure(ctx), true, null, SameSite.STRICT));
        log.info("web login of {}", printable(account.get()));
        ctx.redirect("/chat/", HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        requireSameOrigin(ctx.header("Origin"), ctx.header("Host"));
        sessions.close(ctx.cookie(COOKIE));
        ctx.cookie(new Cookie(COOKIE, "", "/", 0, secure(ctx), true, null, SameSite.STRICT));
        ctx.redirect("/chat/", HttpStatus.SEE_OTHER);
    }

    private void session(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        Optional<String> user = sessions.user(ctx.cookie(COOKIE));
        user.ifPresent(u -> body.put("user", u));
        body.put("passwordRequired", authenticator.passwordRequired());
        ctx.status(user.isPresent() ? HttpStatus.OK : HttpStatus.UNAUTHORIZED).contentType("application/json")
                .result(JsonText.object(body));
    }

    /**
     * Refuses a request whose {@code Origin} is not this server; a missing Origin counts as foreign unless
     * {@code allowMissing} (non-browser clients of the WebSocket send none, and cannot be tricked into sending
     * a cookie).
     */
    static boolean sameOrigin(String origin, String host, boolean allowMissing) {
        if (origin == null || origin.isBlank()) {
            return allowMissing;
        }
        if (host == null) {
            return false;
        }
        try {
            String authority = URI.create(origin.trim()).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void requireSameOrigin(String origin, String host) {
        if (!sameOrigin(origin, host, false)) {
            throw new ForbiddenResponse("request refused: it must come from a page of this server "
                    + "(the Origin header is missing or names another site)");
        }
    }

    /** Secure cookies whenever the browser talks TLS (directly or through a proxy that says so). */
    private static boolean secure(Context ctx) {
        return "https".equals(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    private static String field(String value) {
        return value == null ? "" : value;
    }

    /** A user-typed name made safe for one log line. */
    private static String printable(String text) {
        String clipped = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return clipped.replaceAll("\\p{Cntrl}", "?");
    }
}
