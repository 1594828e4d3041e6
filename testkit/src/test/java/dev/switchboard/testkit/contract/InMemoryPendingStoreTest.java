package dev.switchboard.testkit.contract;

import dev.switchboard.api.approval.PendingStore;
import dev.switchboard.core.approval.InMemoryPendingStore;

/**
 * The pending-store contract on {@link InMemoryPendingStore}, a fresh store per test. It lives here rather than in
 * core because testkit depends on core: core's tests cannot use testkit without a module cycle.
 */
class InMemoryPendingStoreTest extends PendingStoreContract {
    private final InMemoryPendingStore store = new InMemoryPendingStore();

    @Override
    protected PendingStore store() {
        return store;
    }
}
