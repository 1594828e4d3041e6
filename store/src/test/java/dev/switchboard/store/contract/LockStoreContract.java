package dev.switchboard.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.job.LockStore;
import dev.switchboard.api.store.Storage;
import dev.switchboard.testkit.contract.Concurrently;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every {@link LockStore} must do, on any database shared with other tests and replicas. */
public abstract class LockStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");

    protected abstract Storage storage();

    protected abstract Storage openStorage();

    protected abstract String password();

    private LockStore locks() {
        return storage().locks();
    }

    private static String lockName() {
        return "deploy:web:prod:" + UUID.randomUUID();
    }

    @Test
    void aFreeLockIsTakenAndHeld() {
        String name = lockName();
        assertThat(locks().holder(name)).isEmpty();
        assertThat(locks().tryAcquire(name, 1, T0)).isTrue();
        assertThat(locks().holder(name)).contains(1L);
        assertThat(locks().tryAcquire(name, 2, T0)).isFalse();
        assertThat(locks().holder(name)).contains(1L);
    }

    @Test
    void theHolderCanTakeItsLockAgain() {
        String name = lockName();
        assertThat(locks().tryAcquire(name, 7, T0)).isTrue();
        assertThat(locks().tryAcquire(name, 7, T0.plusSeconds(1))).isTrue();
        assertThat(locks().holder(name)).contains(7L);
    }

    @Test
    void onlyTheHolderCanRelease() {
        String name = lockName();
        locks().tryAcquire(name, 1, T0);
        locks().release(name, 2);
        assertThat(locks().holder(name)).contains(1L);
        assertThat(locks().tryAcquire(name, 2, T0)).isFalse();

        locks().release(name, 1);
        assertThat(locks().holder(name)).isEmpty();
        assertThat(locks().tryAcquire(name, 2, T0)).isTrue();
    }

    @Test
    void releasingAnUnheldLockDoesNothing() {
        String name = lockName();
        locks().release(name, 1);
        assertThat(locks().holder(name)).isEmpty();
    }

    @Test
    void exactlyOneOfManyThreadsTakesALock() throws Exception {
        String name = lockName();
        List<Boolean> taken = Concurrently.run(8, thread -> () -> locks().tryAcquire(name, 100 + thread, T0));

        assertThat(taken).containsOnlyOnce(true);
        assertThat(locks().holder(name)).contains(100L + taken.indexOf(true));
    }

    @Test
    void twoStoragesNeverHoldALockAtOnce() throws Exception {
        String name = lockName();
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger acquisitions = new AtomicInteger();
        try (Storage other = openStorage()) {
            Concurrently.run(4, thread -> () -> {
                LockStore store = thread % 2 == 0 ? locks() : other.locks();
                for (int i = 0; i < 50; i++) {
                    if (store.tryAcquire(name, thread, T0)) {
                        acquisitions.incrementAndGet();
                        most.accumulateAndGet(holders.incrementAndGet(), Math::max);
                        holders.decrementAndGet();
                        store.release(name, thread);
                    }
                }
                return null;
            });
        }
        assertThat(most.get()).isEqualTo(1);
        assertThat(acquisitions.get()).isPositive();
        assertThat(locks().holder(name)).isEmpty();
    }

    @Test
    void aClosedStorageRefusesWithoutRevealingThePassword() {
        Storage other = openStorage();
        String name = lockName();
        other.locks().tryAcquire(name, 1, T0);
        other.close();

        assertThatThrownBy(() -> other.locks().tryAcquire(name, 1, T0)).isInstanceOf(StorageException.class)
                .hasMessageContaining(name).hasMessageNotContaining(password());
        assertThatThrownBy(() -> other.locks().release(name, 1)).isInstanceOf(StorageException.class);
        assertThat(locks().holder(name)).contains(1L);
    }
}
