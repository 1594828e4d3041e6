package dev.switchboard.alerts.routing;

import static dev.switchboard.alerts.routing.TestAlerts.INCIDENTS;
import static dev.switchboard.alerts.routing.TestAlerts.OPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.chat.ConversationRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Route selection: first match wins unless it continues; the default route takes what nobody took. */
class RoutesTest {
    private static final Instant T0 = Instant.parse("2026-11-05T10:00:00Z");
    private static final ConversationRef DB = ConversationRef.of("irc", "#db");
    private static final ConversationRef FALLBACK = ConversationRef.of("web", "#alerts");

    private static Route route(String name, String matchers, ConversationRef to, boolean proceed) {
        List<LabelMatcher> parsed = matchers.isEmpty() ? List.of()
                : java.util.Arrays.stream(matchers.split(";")).map(LabelMatcher::parse).toList();
        return Route.of(name, parsed, List.of(to), GroupBy.labels("alertname")).withContinue(proceed);
    }

    private final Routes routes = new Routes(List.of(
            route("critical", "severity=critical", INCIDENTS, true),
            route("database", "team=db", DB, false),
            route("eu", "cluster=~eu-.*;team!=db", OPS, false),
            route("never", "team=db", OPS, false)),
            route("default", "", FALLBACK, false));

    private record Case(Alert alert, List<String> routes) {}

    @Test
    void routesAreChosenInOrderWithContinueAndDefault() {
        Case[] cases = {
            new Case(TestAlerts.firing(T0, "A", "severity", "warning", "team", "db"), List.of("database")),
            new Case(TestAlerts.firing(T0, "A", "severity", "critical", "team", "db"), List.of("critical", "database")),
            new Case(TestAlerts.firing(T0, "A", "severity", "critical"), List.of("critical")),
            new Case(TestAlerts.firing(T0, "A", "cluster", "eu-1"), List.of("eu")),
            new Case(TestAlerts.firing(T0, "A", "cluster", "us-1"), List.of("default")),
            new Case(TestAlerts.firing(T0, "A", "cluster", "eu-1", "severity", "critical"), List.of("critical", "eu")),
        };
        for (Case c : cases) {
            assertThat(routes.select(c.alert())).as(c.alert().labels().toString())
                    .extracting(Route::name).isEqualTo(c.routes());
        }
    }

    @Test
    void matchersSeeTheAlertNameEvenWithoutAnAlertnameLabel() {
        Alert generic = new Alert("generic", "shop", "fp1", "CheckoutErrors", "critical", Alert.Status.FIRING,
                java.util.Map.of("service", "checkout"), java.util.Map.of(), null, List.of(), T0, null, T0);
        Route byName = route("checkout", "alertname=CheckoutErrors;severity=critical", OPS, false);
        assertThat(byName.matches(generic)).isTrue();
    }

    @Test
    void badRoutesAreRefusedNamingTheRoute() {
        assertThatThrownBy(() -> Route.of("r1", List.of(), List.of(), GroupBy.nothing()))
                .hasMessageContaining("route r1 sends to no conversation");
        assertThatThrownBy(() -> Route.of("r1", List.of(), List.of(OPS), GroupBy.nothing())
                .withTiming(Duration.ofSeconds(-1), Duration.ofMinutes(5), Duration.ofHours(4)))
                .hasMessageContaining("route r1 has groupWait PT-1S; expected zero or more");
        assertThatThrownBy(() -> Route.of("r1", List.of(), List.of(OPS), GroupBy.nothing())
                .withTiming(Duration.ZERO, Duration.ZERO, Duration.ofHours(4)))
                .hasMessageContaining("groupInterval PT0S; expected a positive duration");
        assertThatThrownBy(() -> Route.of("bad name", List.of(), List.of(OPS), GroupBy.nothing()))
                .hasMessageContaining("route name 'bad name'");
        assertThatThrownBy(() -> new Routes(List.of(), route("default", "team=db", OPS, false)))
                .hasMessageContaining("takes no matchers");
        assertThatThrownBy(() -> new Routes(List.of(route("a", "", OPS, false), route("a", "", DB, false)),
                route("default", "", OPS, false))).hasMessageContaining("two alert routes are named a");
    }

    @Test
    void groupByPicksLabelValuesAllLabelsOrNothing() {
        var labels = java.util.Map.of("alertname", "A", "cluster", "eu-1", "pod", "p1");
        assertThat(GroupBy.fromConfig(List.of("alertname", "cluster", "zone")).groupLabels(labels))
                .containsExactly(java.util.Map.entry("alertname", "A"), java.util.Map.entry("cluster", "eu-1"));
        assertThat(GroupBy.fromConfig(List.of("...")).groupLabels(labels)).isEqualTo(labels);
        assertThat(GroupBy.fromConfig(List.of()).groupLabels(labels)).isEmpty();
    }
}
