package dev.switchboard.testkit.contract;

import dev.switchboard.api.incident.IncidentStore;
import dev.switchboard.core.incident.InMemoryIncidentStore;

/** The incident-store contract on {@link InMemoryIncidentStore}, a fresh store per test. */
class InMemoryIncidentStoreTest extends IncidentStoreContract {
    private final InMemoryIncidentStore store = new InMemoryIncidentStore();

    @Override
    protected IncidentStore store() {
        return store;
    }
}
