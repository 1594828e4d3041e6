package dev.switchboard.bench;

import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditRecord;
import dev.switchboard.api.audit.AuditStore;
import dev.switchboard.store.JdbcStorage;
import java.util.ArrayList;
import java.util.List;
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
 * The store's share of a command's cost: {@link AuditStore#append} straight on the JDBC store, without the
 * group-committing log or the pipeline. One event per transaction is what a lone caller pays per audit record; 100
 * per transaction is what group commit buys under load. Scores are events per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuditAppendBenchmark {
    private static final int BATCH = 100;

    @Param({"h2", "postgres"})
    public String store;

    private BenchDatabase database;
    private JdbcStorage storage;
    private List<AuditEvent> one;
    private List<AuditEvent> batch;

    @Setup
    public void open() {
        database = BenchDatabase.open(store);
        System.out.println();
        System.out.println("# store: " + database.description());
        storage = JdbcStorage.open(database.settings());
        one = List.of(AuditEvents.received(1));
        batch = new ArrayList<>(BATCH);
        for (int i = 1; i <= BATCH; i++) {
            batch.add(AuditEvents.nth(i));
        }
    }

    @TearDown
    public void close() {
        storage.close();
        database.close();
    }

    @Benchmark
    public List<AuditRecord> appendOne() {
        return storage.audit().append(one);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<AuditRecord> appendBatchOf100() {
        return storage.audit().append(batch);
    }
}
