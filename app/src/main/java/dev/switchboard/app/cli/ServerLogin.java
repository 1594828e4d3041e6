package dev.switchboard.app.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Talks to a Switchboard server's login routes like the browser page does: {@code GET /session} (is a password
 * needed?) and {@code POST /login} with the server's own {@code Origin}, which answers with the
 * {@code switchboard_session} cookie. Expected failures are values; the password never appears in a message.
 * Thread-safe (the HTTP client is).
 */
final class ServerLogin {
    static final String COOKIE = "switchboard_session";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** What {@code GET /session} said about the server. */
    sealed interface Probe {
        record Reachable(boolean passwordRequired) implements Probe {}

        record Unreachable(String message) implements Probe {}
    }

    /** What {@code POST /login} gave: the {@code Cookie} header value to send, or why not. */
    sealed interface Login {
        record LoggedIn(String cookie) implements Login {}

        record Failed(String message) implements Login {}
    }

    private final HttpClient http;
    private final URI base;
    private final ObjectMapper json;

    /** {@code base} is {@code scheme://host:port} as {@link #base(String)} returns it. */
    ServerLogin(HttpClient http, URI base, ObjectMapper json) {
        this.http = http;
        this.base = base;
        this.json = json;
    }

    /** {@code http(s)://host[:port]} of a URL the user typed (path ignored), or null if it is not one. */
    static URI base(String url) {
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return null;
            }
            return URI.create(scheme + "://" + uri.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The WebSocket address of the web chat on this server. */
    URI chatSocket() {
        return URI.create((base.getScheme().equals("https") ? "wss" : "ws") + "://" + base.getRawAuthority()
                + "/chat/ws");
    }

    Probe probe() {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(base.resolve("/session")).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Probe.Unreachable("cannot reach " + base
                    + " (is the server running? start it with ./switchboard demo)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe.Unreachable("interrupted while contacting " + base);
        }
        JsonNode body = null;
        try {
            body = json.readTree(response.body());
        } catch (JacksonException e) {
            // handled below: not a Switchboard answer
        }
        JsonNode required = body == null ? null : body.get("passwordRequired");
        if ((response.statusCode() != 200 && response.statusCode() != 401) || required == null) {
            return new Probe.Unreachable(base + " does not look like a Switchboard server (GET /session answered HTTP "
                    + response.statusCode() + ")");
        }
        return new Probe.Reachable(required.asBoolean());
    }

    Login login(String user, String password) {
        String form = "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/login")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base.toString())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Login.Failed("cannot reach " + base + " to log in: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Login.Failed("interrupted while logging in to " + base);
        }
        int status = response.statusCode();
        if (status == 401) {
            return new Login.Failed("login failed for '" + user + "' at " + base + ": unknown user or wrong password"
                    + " (a web chat user needs an account web:" + user + " in the server's users)");
        }
        if (status == 403) {
            return new Login.Failed("the server at " + base + " refused the login from this origin; use the URL the"
                    + " server itself is reached at (the same host and port)");
        }
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(COOKIE + "="))
                .map(c -> c.split(";", 2)[0])
                .filter(c -> c.length() > COOKIE.length() + 1)
                .findFirst()
                .<Login>map(Login.LoggedIn::new)
                .orElseGet(() -> new Login.Failed("login at " + base + " gave no session (HTTP " + status + ")"));
    }
}
