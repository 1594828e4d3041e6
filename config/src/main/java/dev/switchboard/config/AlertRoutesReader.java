package dev.switchboard.config;

import dev.switchboard.alerts.action.AlertmanagerConfig;
import dev.switchboard.alerts.routing.GroupBy;
import dev.switchboard.alerts.routing.LabelMatcher;
import dev.switchboard.alerts.routing.RateBudget;
import dev.switchboard.alerts.routing.Route;
import dev.switchboard.api.chat.ConversationRef;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the routing part of {@code alerts:}: {@code routes}, {@code defaultRoute}, {@code budget} and
 * {@code alertmanager}. A route is {@code { name, match: {label: value}, matchers: ['cluster=~"eu-.*"'], to:
 * ["web:#alerts"], groupBy: [alertname], groupWait: 30s, groupInterval: 5m, repeatInterval: 4h, continue: false }};
 * the default route has no {@code name}, {@code match} nor {@code matchers}. Problems are reported where written.
 */
final class AlertRoutesReader {
    static final String DEFAULT_ROUTE = "default";
    private static final List<String> ROUTE_KEYS = List.of("name", "match", "matchers", "to", "groupBy", "groupWait",
            "groupInterval", "repeatInterval", "continue");
    private static final List<String> DEFAULT_KEYS = List.of("to", "groupBy", "groupWait", "groupInterval",
            "repeatInterval");

    private AlertRoutesReader() {}

    static List<Route> routes(Optional<Cursor> section) {
        List<Route> routes = new ArrayList<>();
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

    static Optional<Route> fallback(Cursor c) {
        return c.fields(DEFAULT_KEYS).flatMap(f -> route(c, f, Optional.of(DEFAULT_ROUTE)));
    }

    private static Optional<Route> route(Cursor at, Fields f, Optional<String> name) {
        List<LabelMatcher> matchers = new ArrayList<>();
        boolean ok = name.isPresent();
        if (f.has("match")) {
            for (var entry : f.get("match").flatMap(m -> m.entries("a map of label to value, like { severity: "
                    + "critical }")).orElse(List.of())) {
                Optional<String> value = entry.getValue().string();
                ok &= value.isPresent() && add(entry.getValue(), matchers, () -> LabelMatcher.equal(
                        entry.getKey().key(), value.get()));
            }
        }
        if (f.has("matchers")) {
            Cursor list = f.get("matchers").orElseThrow();
            for (Cursor item : list.items("a list of matchers, like ['cluster=~\"eu-.*\"']").orElse(List.of())) {
                Optional<String> text = item.string();
                ok &= text.isPresent() && add(item, matchers, () -> LabelMatcher.parse(text.get()));
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
        GroupBy groupBy = f.get("groupBy").flatMap(c -> c.strings(false)).map(GroupBy::fromConfig)
                .orElse(GroupBy.labels("alertname"));
        Duration wait = f.get("groupWait").flatMap(Cursor::duration).orElse(Route.DEFAULT_GROUP_WAIT);
        Duration interval = ChatReader.positive(f, "groupInterval", Route.DEFAULT_GROUP_INTERVAL);
        Duration repeat = ChatReader.positive(f, "repeatInterval", Route.DEFAULT_REPEAT_INTERVAL);
        boolean proceed = ChatReader.bool(f, "continue", false);
        if (!ok || toNode.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Route(name.get(), matchers, to, groupBy, wait, interval, repeat, null, proceed));
        } catch (IllegalArgumentException e) {
            f.get("name").or(() -> toNode).orElse(at).error(e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean add(Cursor at, List<LabelMatcher> matchers, java.util.function.Supplier<LabelMatcher> make) {
        try {
            matchers.add(make.get());
            return true;
        } catch (IllegalArgumentException e) {
            at.error(e.getMessage());
            return false;
        }
    }

    static RateBudget budget(Optional<Cursor> section) {
        if (section.isEmpty() || section.get().isNull()) {
            return RateBudget.ONE_PER_SECOND;
        }
        Optional<Fields> fields = section.get().fields(List.of("postsPerSecond", "burst", "maxDelay"));
        if (fields.isEmpty()) {
            return RateBudget.ONE_PER_SECOND;
        }
        Fields f = fields.get();
        RateBudget base = RateBudget.ONE_PER_SECOND;
        double perSecond = f.get("postsPerSecond").flatMap(c -> c.number(0.01, 1_000)).orElse(base.postsPerSecond());
        int burst = (int) ChatReader.whole(f, "burst", 1, 100, base.burst());
        Duration maxDelay = f.get("maxDelay").flatMap(Cursor::duration).orElse(base.maxDelay());
        return new RateBudget(perSecond, burst, maxDelay);
    }

    /** {@code alertmanager: { url }}: an http(s) URL without credentials; parsed and validated only. */
    static Optional<AlertmanagerConfig> alertmanager(Optional<Cursor> section) {
        if (section.isEmpty() || section.get().isNull()) {
            return Optional.empty();
        }
        return section.get().fields(List.of("url")).flatMap(f -> f.required("url", "Alertmanager's base URL, like "
                + "http://alertmanager:9093/").flatMap(c -> c.nonBlank().flatMap(text -> {
                    try {
                        return Optional.of(AlertmanagerConfig.of(new URI(text.strip())));
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        c.error("expected Alertmanager's http(s) base URL without credentials, like "
                                + "http://alertmanager:9093/, got " + (text.contains("@") ? "a URL with credentials"
                                        : c.shown()));
                        return Optional.empty();
                    }
                })));
    }
}
