package dev.switchboard.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.audit.AuditQuery;
import dev.switchboard.api.audit.AuditRecord;
import dev.switchboard.api.audit.AuditStore;
import dev.switchboard.api.audit.VerifyResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GroupCommitAuditLogTest {
    private static AuditEvent event(String actor, int n) {
        return AuditEvent.builder(AuditEventType.RECEIVED, Instant.parse("2026-11-05T10:00:00Z"))
                .actor(actor).text("ping " + n).build();
    }

    /** Counts appends around an in-memory store. */
    private static class CountingStore implements AuditStore {
        final InMemoryAuditStore inner = new InMemoryAuditStore();
        final AtomicInteger appends = new AtomicInteger();

        public List<AuditRecord> append(List<AuditEvent> events) {
            appends.incrementAndGet();
            return inner.append(events);
        }

        public List<AuditRecord> read(long fromSeq, int limit) { return inner.read(fromSeq, limit); }
        public List<AuditRecord> query(AuditQuery q) { return inner.query(q); }
        public Optional<AuditRecord> head() { return inner.head(); }
    }

    @Test
    void manyThreadsGetTheirOwnRecordsInOneValidChainWithFewerTransactions() throws Exception {
        CountingStore store = new CountingStore();
        int threads = 32;
        int each = 300;
        Set<Long> seqs = ConcurrentHashMap.newKeySet();
        try (var log = new GroupCommitAuditLog(store); var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String actor = "user" + t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        AuditRecord r = log.record(event(actor, i));
                        assertThat(r.event().actor()).isEqualTo(actor);
                        assertThat(r.event().text()).isEqualTo("ping " + i);
                        seqs.add(r.seq());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertThat(seqs).hasSize(threads * each);
        assertThat(AuditVerification.verify(store)).isInstanceOf(VerifyResult.Intact.class)
                .isEqualTo(new VerifyResult.Intact(threads * each, store.head().orElseThrow().hash()));
        assertThat(store.appends.get()).isLessThan(threads * each);
    }

    @Test
    void eachCallersEventsStayInTheOrderTheyWereRecorded() {
        InMemoryAuditStore store = new InMemoryAuditStore();
        try (var log = new GroupCommitAuditLog(store)) {
            for (int i = 0; i < 50; i++) {
                log.record(event("alice", i));
            }
        }
        assertThat(store.all().stream().map(r -> r.event().text()).toList())
                .isEqualTo(java.util.stream.IntStream.range(0, 50).mapToObj(i -> "ping " + i).toList());
    }

    @Test
    void aFailingBatchFailsEveryCallerWaitingOnIt() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AuditStore failing = new CountingStore() {
            @Override
            public List<AuditRecord> append(List<AuditEvent> events) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new StorageException("disk full");
            }
        };
        int callers = 20;
        try (var log = new GroupCommitAuditLog(failing); var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Throwable>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    try {
                        log.record(event("alice", n));
                        return null;
                    } catch (StorageException e) {
                        return e;
                    }
                }));
            }
            entered.await();
            release.countDown();
            List<Throwable> failures = new ArrayList<>();
            for (Future<Throwable> r : results) {
                failures.add(r.get());
            }
            assertThat(failures).hasSize(callers).allSatisfy(e ->
                    assertThat(e).isInstanceOf(StorageException.class).hasMessageContaining("disk full"));
        }
    }

    @Test
    void aStoreThatThrowsSomethingElseStillFailsCallersWithAStorageException() {
        AuditStore broken = new CountingStore() {
            @Override
            public List<AuditRecord> append(List<AuditEvent> events) {
                throw new IllegalStateException("driver bug");
            }
        };
        try (var log = new GroupCommitAuditLog(broken)) {
            assertThatThrownBy(() -> log.record(event("alice", 1))).isInstanceOf(StorageException.class);
        }
    }

    @Test
    void aClosedLogRefusesNewEvents() {
        var log = new GroupCommitAuditLog(new InMemoryAuditStore());
        log.close();
        assertThatThrownBy(() -> log.record(event("alice", 1)))
                .isInstanceOf(StorageException.class).hasMessageContaining("closed");
    }

    @Test
    void aHungStoreFailsCallersAfterTheCommitTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        AuditStore hung = new CountingStore() {
            @Override
            public List<AuditRecord> append(List<AuditEvent> events) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new StorageException("interrupted");
            }
        };
        var log = new GroupCommitAuditLog(hung, 512, Duration.ofMillis(200));
        assertThatThrownBy(() -> log.record(event("alice", 1)))
                .isInstanceOf(StorageException.class).hasMessageContaining("did not commit");
        never.countDown();
        log.close();
    }

    @Test
    void sustainsTenThousandEventsPerSecondWithAFastStore() throws Exception {
        InMemoryAuditStore store = new InMemoryAuditStore();
        int total = 40_000;
        long start;
        long elapsed;
        try (var log = new GroupCommitAuditLog(store); var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            log.record(event("warmup", 0));
            start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                String actor = "u" + t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < total / 64; i++) {
                        log.record(event(actor, i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            elapsed = System.nanoTime() - start;
        }
        double perSecond = total / (elapsed / 1e9);
        assertThat(perSecond).as("events/s").isGreaterThan(10_000);
        assertThat(store.all().stream().map(r -> r.event().actor()).collect(Collectors.toSet())).hasSize(65);
    }
}
