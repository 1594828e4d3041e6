package dev.switchboard.testkit.contract;

import dev.switchboard.api.chat.OutboxStore;
import dev.switchboard.core.chat.InMemoryOutboxStore;

/** The outbox-store contract on {@link InMemoryOutboxStore} (here, not in core, to avoid a module cycle). */
class InMemoryOutboxStoreTest extends OutboxStoreContract {
    private final InMemoryOutboxStore store = new InMemoryOutboxStore();

    @Override
    protected OutboxStore store() {
        return store;
    }
}
