package dev.switchboard.alerts.memory;

import dev.switchboard.api.alert.AlertPages;
import dev.switchboard.testkit.contract.AlertPagesContract;

/** The alert-pages contract on {@link InMemoryAlertPages}, a fresh store per test. */
class InMemoryAlertPagesTest extends AlertPagesContract {
    private final InMemoryAlertPages pages = new InMemoryAlertPages();

    @Override
    protected AlertPages pages() {
        return pages;
    }
}
