package dev.switchboard.bench;

import dev.switchboard.api.pipeline.Outcome;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The in-process cost of one audited built-in command: {@code ping} through the whole pipeline (reply, audit,
 * identity, parse, authorise, execute), with {@code received} and {@code finished} group-committed to the store
 * before {@code handle} returns. Throughput with 1, 4 and 16 callers (concurrent callers share audit commits), and
 * the latency distribution of a single caller. The store under test is printed at setup.
 */
@State(Scope.Benchmark)
public class PipelineBenchmark {
    @Param({"h2", "postgres"})
    public String store;

    private BenchDatabase database;
    private BenchEngine engine;

    @Setup
    public void start() {
        database = BenchDatabase.open(store);
        System.out.println();
        System.out.println("# store: " + database.description());
        engine = BenchEngine.start(database.settings());
        engine.checkPingIsAnswered();
    }

    @TearDown
    public void stop() {
        engine.close();
        database.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public Outcome throughput1() {
        return engine.handlePing();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(4)
    public Outcome throughput4() {
        return engine.handlePing();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(16)
    public Outcome throughput16() {
        return engine.handlePing();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(1)
    public Outcome latency() {
        return engine.handlePing();
    }
}
