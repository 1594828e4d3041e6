package dev.switchboard.plugin.http;

import dev.switchboard.api.action.ActionSettings;
import dev.switchboard.api.action.ActionFactory;
import dev.switchboard.api.command.ActionSpec;
import dev.switchboard.api.command.ArgTemplate;
import dev.switchboard.api.command.ArgType;
import dev.switchboard.api.command.CommandSpec;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import tools.jackson.core.JsonPointer;

/**
 * Builds {@link HttpAction}s from {@code action: http: {...}} settings, validating them at load: {@code method},
 * {@code url} (required; arguments only in the path and query), {@code headers}, {@code body}, {@code timeout},
 * {@code successCodes}, {@code extract} and {@code reply}. Every problem is reported with its setting path; no
 * message repeats a URL or header value, which may hold a resolved secret. All actions share one HTTP client that
 * never follows redirects. Thread-safe.
 */
public final class HttpActionFactory implements ActionFactory {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<String> SETTINGS =
            Set.of("method", "url", "headers", "body", "timeout", "successCodes", "extract", "reply");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> CLIENT_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client;

    public HttpActionFactory() {
        this(HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(DEFAULT_TIMEOUT)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build());
    }

    /** Uses {@code client} for every request; it should not follow redirects (they could carry headers elsewhere). */
    public HttpActionFactory(HttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public String kind() {
        return "http";
    }

    @Override
    public Configured configure(ActionSpec spec, CommandSpec command) {
        ActionSettings in = new ActionSettings(spec.settings(), command);
        in.rejectUnknown(SETTINGS);

        String method = in.has("method") ? in.string("method") : "GET";
        if (method != null && !METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            in.problem("method", "expected one of " + String.join(", ", METHODS));
        }
        UrlTemplate url = null;
        String rawUrl = in.string("url");
        if (!in.has("url")) {
            in.problem("url", "required: the endpoint to call, like https://ci.example.com/job/{name}/build");
        } else if (rawUrl != null && in.template("url", rawUrl) != null) {
            url = UrlTemplate.parse(rawUrl, in);
        }
        Map<String, ArgTemplate> headers = headers(in);
        BodyTemplate body = in.has("body") ? BodyTemplate.read(in.raw("body"), "body", in) : null;
        Duration timeout = timeout(in);
        List<Integer> successCodes = in.integerList("successCodes", 100, 599);
        Map<String, JsonPointer> extract = extract(in);
        ArgTemplate reply = null;
        String rawReply = in.string("reply");
        if (rawReply != null) {
            Set<String> names = new LinkedHashSet<>(in.declaredArgs());
            names.addAll(extract.keySet());
            reply = in.template("reply", rawReply, names, "an argument or an extracted value");
        }

        if (!in.problems().isEmpty()) {
            return new Configured.Rejected(in.problems());
        }
        HttpSettings settings = new HttpSettings(method.toUpperCase(Locale.ROOT), url, headers, body, timeout,
                successCodes == null ? Set.of() : Set.copyOf(successCodes), extract, reply);
        return new Configured.Ready(new HttpAction(client, settings));
    }

    private static Map<String, ArgTemplate> headers(ActionSettings in) {
        Map<String, ArgTemplate> headers = new LinkedHashMap<>();
        Map<String, String> raw = in.stringMap("headers");
        if (raw == null) {
            return headers;
        }
        raw.forEach((name, value) -> {
            String path = "headers." + name;
            if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                in.problem(path, "not a valid header name: use letters, digits and - only");
            } else if (CLIENT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                in.problem(path, "set by the HTTP client itself; remove it");
            } else {
                ArgTemplate template = in.template(path, value);
                if (template != null) {
                    headers.put(name, template);
                }
            }
        });
        return headers;
    }

    private static Duration timeout(ActionSettings in) {
        Object raw = in.raw("timeout");
        Duration timeout = switch (raw) {
            case null -> DEFAULT_TIMEOUT;
            case Integer seconds -> Duration.ofSeconds(seconds);
            case String text -> new ArgType.DurationType().check(text) instanceof ArgType.Check.Accepted(var iso)
                    ? Duration.parse(iso) : null;
            default -> null;
        };
        if (timeout == null || timeout.isZero() || timeout.isNegative() || timeout.compareTo(Duration.ofHours(1)) > 0) {
            in.problem("timeout", "expected a duration from 1ms to 1h, like 10s, 500ms or 2m");
            return DEFAULT_TIMEOUT;
        }
        return timeout;
    }

    private static Map<String, JsonPointer> extract(ActionSettings in) {
        Map<String, JsonPointer> extract = new LinkedHashMap<>();
        Map<String, String> raw = in.stringMap("extract");
        if (raw == null) {
            return extract;
        }
        raw.forEach((name, pointer) -> {
            String path = "extract." + name;
            if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                in.problem(path, "a name for {placeholders}: letters, digits and _, starting with a letter");
            } else if (in.declaredArgs().contains(name)) {
                in.problem(path, "{" + name + "} is already an argument of this command; pick another name");
            } else {
                try {
                    extract.put(name, JsonPointer.compile(pointer));
                } catch (IllegalArgumentException e) {
                    in.problem(path, "expected a JSON Pointer like /data/status");
                }
            }
        });
        return extract;
    }
}
