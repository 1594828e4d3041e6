package dev.switchboard.bench;

import dev.switchboard.alerts.memory.InMemoryAlertStore;
import dev.switchboard.alerts.webhook.HookAnswer;
import dev.switchboard.alerts.webhook.HookListener;
import dev.switchboard.alerts.webhook.ReceiverConfig;
import dev.switchboard.alerts.webhook.WebhookAuth;
import dev.switchboard.alerts.webhook.WebhookReceivers;
import dev.switchboard.api.alert.AlertStore;
import dev.switchboard.store.JdbcStorage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The webhook's share of a storm without HTTP: {@link WebhookReceivers#handle} on an Alertmanager payload of
 * {@value #PER_PAYLOAD} alerts (bearer check, JSON parse, normalisation, {@link AlertStore#record} in one
 * transaction). {@code newAlerts} sends fresh fingerprints every time (inserts, as in a storm); {@code repeatedAlerts}
 * the same payload again (Alertmanager's re-sends: updates); {@code parseOnly} stores in memory, so it is the
 * parsing and classifying alone. Scores are alerts per second; the store is a {@link BenchDatabase}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WebhookIntakeBenchmark {
    static final int PER_PAYLOAD = 100;
    private static final String TOKEN = "bench-webhook-token-0000";
    private static final Map<String, String> HEADERS = Map.of("Authorization", "Bearer " + TOKEN,
            "Content-Type", "application/json");

    @Param({"h2"})
    public String store;

    private BenchDatabase database;
    private JdbcStorage storage;
    private WebhookReceivers jdbc;
    private WebhookReceivers memory;
    private byte[] repeated;
    private long batch;

    @Setup
    public void open() {
        database = BenchDatabase.open(store);
        System.out.println();
        System.out.println("# store: " + database.description());
        storage = JdbcStorage.open(database.settings());
        jdbc = receivers(storage.alerts());
        memory = receivers(new InMemoryAlertStore());
        repeated = payload("repeated");
    }

    @TearDown
    public void close() {
        storage.close();
        database.close();
    }

    @Benchmark
    @OperationsPerInvocation(PER_PAYLOAD)
    public HookAnswer newAlerts() {
        return accepted(jdbc.handle("alertmanager", null, HEADERS, payload("b" + batch++)));
    }

    @Benchmark
    @OperationsPerInvocation(PER_PAYLOAD)
    public HookAnswer repeatedAlerts() {
        return accepted(jdbc.handle("alertmanager", null, HEADERS, repeated));
    }

    @Benchmark
    @OperationsPerInvocation(PER_PAYLOAD)
    public HookAnswer parseOnly() {
        return accepted(memory.handle("alertmanager", null, HEADERS, repeated));
    }

    static WebhookReceivers receivers(AlertStore alerts) {
        return new WebhookReceivers(List.of(ReceiverConfig.alertmanager("alertmanager",
                new WebhookAuth.Bearer(TOKEN))), alerts, Clock.systemUTC(), HookListener.NONE);
    }

    static byte[] payload(String run) {
        return StormPayloads.of(run, PER_PAYLOAD, PER_PAYLOAD, Instant.parse("2026-11-26T12:00:00Z"))
                .payloads().getFirst();
    }

    /** Fails the benchmark rather than measure a refusal. */
    private static HookAnswer accepted(HookAnswer answer) {
        if (answer.status() != 200) {
            throw new IllegalStateException("the webhook refused the payload: " + answer.status() + " "
                    + answer.body());
        }
        return answer;
    }
}
