package dev.switchboard.alerts.memory;

import dev.switchboard.api.alert.AlertGroupStore;
import dev.switchboard.testkit.contract.AlertGroupStoreContract;

/** The alert-group store contract on {@link InMemoryAlertGroupStore}, a fresh store per test. */
class InMemoryAlertGroupStoreTest extends AlertGroupStoreContract {
    private final InMemoryAlertGroupStore store = new InMemoryAlertGroupStore();

    @Override
    protected AlertGroupStore store() {
        return store;
    }
}
