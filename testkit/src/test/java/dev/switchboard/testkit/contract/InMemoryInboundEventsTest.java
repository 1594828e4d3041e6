package dev.switchboard.testkit.contract;

import dev.switchboard.api.chat.InboundEvents;
import dev.switchboard.core.chat.InMemoryInboundEvents;

/** The inbound-events contract on {@link InMemoryInboundEvents} (here, not in core, to avoid a module cycle). */
class InMemoryInboundEventsTest extends InboundEventsContract {
    private final InMemoryInboundEvents events = new InMemoryInboundEvents();

    @Override
    protected InboundEvents events() {
        return events;
    }
}
