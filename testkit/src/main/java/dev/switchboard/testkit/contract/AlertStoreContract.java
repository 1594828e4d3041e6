package dev.switchboard.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.Alert.Status;
import dev.switchboard.api.alert.AlertQuery;
import dev.switchboard.api.alert.AlertStore;
import dev.switchboard.api.alert.AlertStore.Stored;
import dev.switchboard.api.alert.AlertStore.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AlertStore} must do. Subclasses return the store under test from {@link #store()}; it may be
 * shared with other tests (a database), so every test uses fingerprints of its own and looks only at its own alerts.
 * Times are kept to the millisecond, the precision every store keeps.
 */
public abstract class AlertStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-26T15:31:32.125Z");

    /** The store under test; always the same store within a test. */
    protected abstract AlertStore store();

    private static String fingerprint() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private static Alert alert(String fingerprint, Status status, Instant startsAt, Instant endsAt, Instant received) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", "DiskFull");
        labels.put("instance", "host1:9100");
        labels.put("severity", "critical");
        labels.put("run", fingerprint);
        return new Alert("alertmanager", "am", fingerprint, "DiskFull", "critical", status, labels,
                Map.of("summary", "Disk on host1 is 95% full", "description", "root fs above threshold"),
                "Disk on host1 is 95% full",
                List.of(new Alert.Link("source", "http://127.0.0.1:9090/graph?g0.expr=disk"),
                        new Alert.Link("runbook", "https://runbooks.example/disk")),
                startsAt, endsAt, received);
    }

    private static Alert firing(String fingerprint, Instant startsAt) {
        return alert(fingerprint, Status.FIRING, startsAt, null, startsAt.plusMillis(20));
    }

    private static Alert resolved(String fingerprint, Instant startsAt, Instant endsAt) {
        return alert(fingerprint, Status.RESOLVED, startsAt, endsAt, endsAt.plusMillis(20));
    }

    @Test
    void aNewFiringAlertIsKeptWithEveryFieldAndOneTransition() {
        String fp = fingerprint();
        Alert sent = firing(fp, T0);

        assertThat(store().record(List.of(sent))).isEqualTo(new Stored(1, 0, 0, 0));

        assertThat(store().find(fp)).contains(sent);
        assertThat(store().history(fp)).containsExactly(new Transition(fp, 1, Status.FIRING, T0, T0.plusMillis(20)));
    }

    @Test
    void firingResolvedAndFiringAgainAreThreeTransitions() {
        String fp = fingerprint();
        Instant resolvedAt = T0.plus(Duration.ofMinutes(5));
        Instant again = T0.plus(Duration.ofMinutes(30));

        store().record(List.of(firing(fp, T0)));
        assertThat(store().record(List.of(resolved(fp, T0, resolvedAt)))).isEqualTo(new Stored(0, 1, 0, 0));
        assertThat(store().record(List.of(firing(fp, again)))).isEqualTo(new Stored(1, 0, 0, 0));

        assertThat(store().history(fp)).extracting(Transition::seq, Transition::status, Transition::at)
                .containsExactly(
                        Tuple.tuple(1, Status.FIRING, T0),
                        Tuple.tuple(2, Status.RESOLVED, resolvedAt),
                        Tuple.tuple(3, Status.FIRING, again));
        assertThat(store().find(fp).orElseThrow().startsAt()).isEqualTo(again);
        assertThat(store().find(fp).orElseThrow().endsAt()).isNull();
    }

    @Test
    void aRepeatedNotificationUpdatesTheAlertWithoutATransition() {
        String fp = fingerprint();
        store().record(List.of(firing(fp, T0)));
        Alert base = firing(fp, T0);
        Alert refreshed = new Alert(base.source(), "am-2", fp, base.name(), "warning", Status.FIRING, base.labels(),
                Map.of("summary", "now 99% full"), "now 99% full", List.of(), T0, null, T0.plusSeconds(60));

        assertThat(store().record(List.of(refreshed))).isEqualTo(new Stored(0, 0, 1, 0));

        assertThat(store().find(fp)).contains(refreshed);
        assertThat(store().history(fp)).hasSize(1);
    }

    @Test
    void aLateFiringOfAnAlertThatAlreadyResolvedDoesNotReopenIt() {
        String fp = fingerprint();
        Instant end = T0.plusSeconds(300);
        store().record(List.of(resolved(fp, T0, end)));

        Alert late = alert(fp, Status.FIRING, T0, null, end.plusSeconds(5));
        assertThat(store().record(List.of(late))).isEqualTo(new Stored(0, 0, 0, 1));

        assertThat(store().find(fp).orElseThrow().status()).isEqualTo(Status.RESOLVED);
        assertThat(store().history(fp)).extracting(Transition::status).containsExactly(Status.RESOLVED);
    }

    @Test
    void aLateResolveOfAnEarlierEpisodeDoesNotResolveTheCurrentOne() {
        String fp = fingerprint();
        Instant secondStart = T0.plusSeconds(3600);
        store().record(List.of(firing(fp, T0), resolved(fp, T0, T0.plusSeconds(60)), firing(fp, secondStart)));

        Stored stored = store().record(List.of(resolved(fp, T0, T0.plusSeconds(60))));

        assertThat(stored).isEqualTo(new Stored(0, 0, 0, 1));
        assertThat(store().find(fp).orElseThrow().firing()).isTrue();
        assertThat(store().history(fp)).hasSize(3);
    }

    @Test
    void oneBatchIsAppliedInItsOwnOrder() {
        String fp = fingerprint();
        Instant end = T0.plusSeconds(90);

        Stored stored = store().record(List.of(firing(fp, T0), firing(fp, T0), resolved(fp, T0, end)));

        assertThat(stored).isEqualTo(new Stored(1, 1, 1, 0));
        assertThat(store().find(fp).orElseThrow().endsAt()).isEqualTo(end);
        assertThat(store().history(fp)).extracting(Transition::status)
                .containsExactly(Status.FIRING, Status.RESOLVED);
    }

    @Test
    void aBatchWithAMissingAlertStoresNothing() {
        String fp = fingerprint();
        List<Alert> broken = Arrays.asList(firing(fp, T0), null);

        assertThatThrownBy(() -> store().record(broken)).isInstanceOf(NullPointerException.class);

        assertThat(store().find(fp)).isEmpty();
        assertThat(store().history(fp)).isEmpty();
    }

    @Test
    void anUnknownFingerprintHasNoAlertAndNoHistory() {
        assertThat(store().find(fingerprint())).isEmpty();
        assertThat(store().history(fingerprint())).isEmpty();
        assertThat(store().record(List.of())).isEqualTo(Stored.NOTHING);
    }

    @Test
    void firingListsOnlyFiringAlertsLongestFiringFirst() {
        String newer = fingerprint();
        String older = fingerprint();
        String gone = fingerprint();
        store().record(List.of(firing(newer, T0.plusSeconds(10)), firing(older, T0), firing(gone, T0),
                resolved(gone, T0, T0.plusSeconds(20))));

        assertThat(store().firing()).extracting(Alert::fingerprint)
                .filteredOn(fp -> List.of(newer, older, gone).contains(fp))
                .containsExactly(older, newer);
    }

    @Test
    void queryFiltersByStatusLabelsAndSourceNewestReceivedFirst() {
        String run = fingerprint();
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Alert base = firing(run + i, T0);
            Map<String, String> labels = new LinkedHashMap<>(base.labels());
            labels.put("run", run);
            labels.put("team", i % 2 == 0 ? "sre" : "web");
            alerts.add(new Alert(i == 4 ? "grafana" : "alertmanager", "am", run + i, "DiskFull", null,
                    i == 2 ? Status.RESOLVED : Status.FIRING, labels, Map.of(), null, List.of(), T0,
                    i == 2 ? T0.plusSeconds(1) : null, T0.plusSeconds(i)));
        }
        store().record(alerts);

        AlertQuery ours = AlertQuery.latest(100).withLabel("run", run);
        assertThat(store().query(ours)).extracting(Alert::fingerprint)
                .containsExactly(run + 4, run + 3, run + 2, run + 1, run + 0);
        assertThat(store().query(ours.withLabel("team", "sre").withStatus(Status.FIRING)))
                .extracting(Alert::fingerprint).containsExactly(run + 4, run + 0);
        assertThat(store().query(new AlertQuery(null, "grafana", Map.of("run", run), null, 10)))
                .extracting(Alert::fingerprint).containsExactly(run + 4);
        assertThat(store().query(new AlertQuery(null, null, Map.of("run", run), T0.plusSeconds(3), 10)))
                .extracting(Alert::fingerprint).containsExactly(run + 4, run + 3);
        assertThat(store().query(new AlertQuery(null, null, Map.of("run", run), null, 2)))
                .extracting(Alert::fingerprint).containsExactly(run + 4, run + 3);
    }

    @Test
    void aStormOfTenThousandAlertsInOneBatchIsStoredWhole() {
        Random random = new Random(20261126L);
        String run = fingerprint();
        List<Alert> storm = new ArrayList<>();
        int resolvedCount = 0;
        for (int i = 0; i < 10_000; i++) {
            String fp = run + "-" + i;
            Instant start = T0.plusMillis(random.nextInt(3_600_000));
            if (random.nextInt(10) == 0) {
                storm.add(resolved(fp, start, start.plusSeconds(30)));
                resolvedCount++;
            } else {
                storm.add(firing(fp, start));
            }
        }

        Stored stored = store().record(storm);

        assertThat(stored).isEqualTo(new Stored(10_000 - resolvedCount, resolvedCount, 0, 0));
        Random pick = new Random(7L);
        for (int i = 0; i < 50; i++) {
            Alert sent = storm.get(pick.nextInt(storm.size()));
            assertThat(store().find(sent.fingerprint())).contains(sent);
            assertThat(store().history(sent.fingerprint())).hasSize(1);
        }
    }

    @Test
    void concurrentNotificationsOfOneNewAlertOpenItOnce() throws Exception {
        String fp = fingerprint();

        List<Stored> results = Concurrently.run(8, i -> () -> store().record(List.of(firing(fp, T0))));

        assertThat(results.stream().mapToInt(Stored::opened).sum()).isEqualTo(1);
        assertThat(results.stream().mapToInt(Stored::repeated).sum()).isEqualTo(7);
        assertThat(store().history(fp)).hasSize(1);
    }
}
