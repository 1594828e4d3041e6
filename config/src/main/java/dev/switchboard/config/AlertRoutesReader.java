package dev.switchboard.config;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.config.AlertRouteConfig.Matcher;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the routing part of {@code alerts:}: {@code routes}, {@code defaultRoute}, {@code budget} and
 * {@code alertmanager}. A route is {@code { name, match: {label: value}, matchers: ['cluster=~"eu-.*"'], to:
 * ["web:#alerts"], groupBy: [alertname], groupWait: 30s, groupInterval: 5m, repeatInterval: 4h, quietHours: {...},
 * continue: false }}; the default route has no {@code name}, {@code match}, {@code matchers} nor {@code continue}.
 * Problems are reported where written.
 */
final class AlertRoutesReader {
    private static final List<String> ROUTE_KEYS = List.of("name", "match", "matchers", "to", "groupBy", "groupWait",
            "groupInterval", "repeatInterval", "quietHours", "continue");
    private static final List<String> DEFAULT_KEYS = List.of("to", "groupBy", "groupWait", "groupInterval",
            "repeatInterval", "quietHours");

    private AlertRoutesReader() {}

    static List<AlertRouteConfig> routes(Optional<Cursor> section) {
        List<AlertRouteConfig> routes = new ArrayList<>();
        if (section.isEmpty() || section.get().isNull()) {
            return routes;
        }
        for (Cursor item : section.get().items("a list of routes, like - { name: critical, match: { severity: "
                + "critical }, to: [\"slack:#incidents\"] }").orElse(List.of())) {
            item.fields(ROUTE_KEYS).flatMap(f -> route(item, f, f.required("name", "the route's name, like critical")
                    .flatMap(Cursor::nonBlank))).ifPresent(routes::add);
        }
        return routes;
    }

    static Optional<AlertRouteConfig> fallback(Cursor c) {
        return c.fields(DEFAULT_KEYS).flatMap(f -> route(c, f, Optional.of(AlertsConfig.DEFAULT_ROUTE)));
    }

    private static Optional<AlertRouteConfig> route(Cursor at, Fields f, Optional<String> name) {
        List<Matcher> matchers = new ArrayList<>();
        boolean ok = name.isPresent();
        if (f.has("match")) {
            for (var entry : f.get("match").flatMap(m -> m.entries("a map of label to value, like { severity: "
                    + "critical }")).orElse(List.of())) {
                Optional<String> value = entry.getValue().string();
                ok &= value.isPresent() && add(entry.getValue(), matchers, () -> Matcher.equal(
                        entry.getKey().key(), value.get()));
            }
        }
        if (f.has("matchers")) {
            Cursor list = f.get("matchers").orElseThrow();
            for (Cursor item : list.items("a list of matchers, like ['cluster=~\"eu-.*\"']").orElse(List.of())) {
                Optional<String> text = item.string();
                ok &= text.isPresent() && add(item, matchers, () -> Matcher.parse(text.get()));
            }
        }
        List<ConversationRef> to = new ArrayList<>();
        Optional<Cursor> toNode = f.required("to", "the conversations to post to, like [\"web:#alerts\"]");
        for (Cursor item : toNode.flatMap(c -> c.items("a list of conversations, like [\"web:#alerts\"]"))
                .orElse(List.of())) {
            Optional<ConversationRef> ref = item.string().flatMap(t -> ServiceSectionsReader.conversation(item, t));
            ok &= ref.isPresent();
            ref.ifPresent(to::add);
        }
        List<String> groupBy = f.get("groupBy").flatMap(c -> c.strings(false))
                .orElse(AlertRouteConfig.DEFAULT_GROUP_BY);
        Duration wait = f.get("groupWait").flatMap(Cursor::duration).orElse(AlertRouteConfig.DEFAULT_GROUP_WAIT);
        Duration interval = ChatReader.positive(f, "groupInterval", AlertRouteConfig.DEFAULT_GROUP_INTERVAL);
        Duration repeat = ChatReader.positive(f, "repeatInterval", AlertRouteConfig.DEFAULT_REPEAT_INTERVAL);
        Optional<Cursor> quietNode = f.get("quietHours").filter(c -> !c.isNull());
        Optional<AlertRouteConfig.QuietHours> quiet = quietNode.flatMap(QuietHoursReader::read);
        ok &= quietNode.isEmpty() || quiet.isPresent();
        boolean proceed = ChatReader.bool(f, "continue", false);
        if (!ok || toNode.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AlertRouteConfig(name.get(), matchers, to, groupBy, wait, interval, repeat,
                    quiet.orElse(null), proceed));
        } catch (IllegalArgumentException e) {
            f.get("name").or(() -> toNode).orElse(at).error(e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean add(Cursor at, List<Matcher> matchers, Supplier<Matcher> make) {
        try {
            matchers.add(make.get());
            return true;
        } catch (IllegalArgumentException e) {
            at.error(e.getMessage());
            return false;
        }
    }

    static AlertsConfig.Budget budget(Optional<Cursor> section) {
        AlertsConfig.Budget base = AlertsConfig.Budget.DEFAULT;
        if (section.isEmpty() || section.get().isNull()) {
            return base;
        }
        Optional<Fields> fields = section.get().fields(List.of("postsPerSecond", "burst", "maxDelay"));
        if (fields.isEmpty()) {
            return base;
        }
        Fields f = fields.get();
        double perSecond = f.get("postsPerSecond").flatMap(c -> c.number(0.01, 1_000)).orElse(base.postsPerSecond());
        int burst = (int) ChatReader.whole(f, "burst", 1, 100, base.burst());
        Duration maxDelay = f.get("maxDelay").flatMap(Cursor::duration).orElse(base.maxDelay());
        return new AlertsConfig.Budget(perSecond, burst, maxDelay);
    }

    /**
     * {@code alertmanager: { url, auth }}: an http(s) URL without credentials, and optionally
     * {@code auth: { bearer: ref }} or {@code auth: { user, password: ref }}.
     */
    static Optional<AlertmanagerApiConfig> alertmanager(Optional<Cursor> section) {
        if (section.isEmpty() || section.get().isNull()) {
            return Optional.empty();
        }
        return section.get().fields(List.of("url", "auth")).flatMap(f -> {
            Optional<AlertmanagerApiConfig.Auth> auth = f.get("auth").filter(c -> !c.isNull())
                    .map(AlertRoutesReader::alertmanagerAuth).orElse(Optional.of(new AlertmanagerApiConfig.Auth.None()));
            return f.required("url", "Alertmanager's base URL, like http://alertmanager:9093/")
                    .flatMap(c -> c.nonBlank().flatMap(text -> {
                        try {
                            URI url = new URI(text.strip());
                            HttpUrls.check("alerts.alertmanager.url", url);
                            return Optional.of(url);
                        } catch (URISyntaxException | IllegalArgumentException e) {
                            c.error("expected Alertmanager's http(s) base URL without credentials, like "
                                    + "http://alertmanager:9093/, got " + (text.contains("@")
                                            ? "a URL with credentials" : c.shown()));
                            return Optional.empty();
                        }
                    })).flatMap(url -> auth.map(a -> new AlertmanagerApiConfig(url, a)));
        });
    }

    private static Optional<AlertmanagerApiConfig.Auth> alertmanagerAuth(Cursor c) {
        Optional<Fields> fields = c.fields(List.of("bearer", "user", "password"));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        if (f.has("bearer") == (f.has("user") || f.has("password"))) {
            c.error("expected either { bearer: \"${env:NAME}\" } or { user: NAME, password: \"${env:NAME}\" }");
            return Optional.empty();
        }
        if (f.has("bearer")) {
            return f.get("bearer").flatMap(t -> t.secret("the Alertmanager token"))
                    .map(AlertmanagerApiConfig.Auth.Bearer::new);
        }
        Optional<String> user = f.required("user", "the user name").flatMap(Cursor::nonBlank);
        Optional<String> password = f.required("password", "the password as ${env:NAME} or ${file:/path}")
                .flatMap(p -> p.secret("the Alertmanager password"));
        if (user.isEmpty() || password.isEmpty()) {
            return Optional.empty();
        }
        if (user.get().contains(":")) {
            f.get("user").orElseThrow().error("expected a user name without ':'");
            return Optional.empty();
        }
        return Optional.of(new AlertmanagerApiConfig.Auth.Basic(user.get().strip(), password.get()));
    }
}
