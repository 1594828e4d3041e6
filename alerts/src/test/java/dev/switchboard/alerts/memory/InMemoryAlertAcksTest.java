package dev.switchboard.alerts.memory;

import dev.switchboard.api.alert.AlertAcks;
import dev.switchboard.testkit.contract.AlertAcksContract;

/** The alert-acks contract on {@link InMemoryAlertAcks}, a fresh store per test. */
class InMemoryAlertAcksTest extends AlertAcksContract {
    private final InMemoryAlertAcks acks = new InMemoryAlertAcks();

    @Override
    protected AlertAcks acks() {
        return acks;
    }
}
