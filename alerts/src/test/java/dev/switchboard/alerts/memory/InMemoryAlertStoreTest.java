package dev.switchboard.alerts.memory;

import dev.switchboard.api.alert.AlertStore;
import dev.switchboard.testkit.contract.AlertStoreContract;

/** The alert-store contract on {@link InMemoryAlertStore}, a fresh store per test. */
class InMemoryAlertStoreTest extends AlertStoreContract {
    private final InMemoryAlertStore store = new InMemoryAlertStore();

    @Override
    protected AlertStore store() {
        return store;
    }
}
