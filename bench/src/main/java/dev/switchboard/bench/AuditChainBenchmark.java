package dev.switchboard.bench;

import dev.switchboard.api.audit.AuditChain;
import dev.switchboard.api.audit.AuditEvent;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of chaining one audit event: {@link AuditChain#hash} (canonical JSON plus SHA-256) for the two events
 * every command writes, and the canonical JSON alone, to show how the cost splits. Per event, single thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AuditChainBenchmark {
    private final AuditEvent received = AuditEvents.received(1);
    private final AuditEvent finished = AuditEvents.finished(2);
    private long seq;

    @Benchmark
    public String hashReceived() {
        return AuditChain.hash(AuditChain.GENESIS, ++seq, received);
    }

    @Benchmark
    public String hashFinished() {
        return AuditChain.hash(AuditChain.GENESIS, ++seq, finished);
    }

    @Benchmark
    public String canonicalJsonReceived() {
        return AuditChain.canonicalJson(++seq, received);
    }
}
