package dev.switchboard.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.alert.AlertPages;
import dev.switchboard.api.alert.AlertPages.Page;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AlertPages} must do. Subclasses return the store under test from {@link #pages()}; it may be
 * shared with other tests (a database), so every test uses dedup keys of its own and looks only at those in
 * {@link AlertPages#all()}; the test that saves more than {@link AlertPages#MAX_PAGES} removes them again.
 */
public abstract class AlertPagesContract {
    private static final Instant T0 = Instant.parse("2026-11-26T15:31:32.125Z");

    /** The store under test; always the same store within a test. */
    protected abstract AlertPages pages();

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private List<Page> mine(String... keys) {
        Set<String> wanted = Set.of(keys);
        return pages().all().stream().filter(page -> wanted.contains(page.dedupKey())).toList();
    }

    @Test
    void aSavedPageIsListedWithServiceTargetWhoAndWhen() {
        String group = unique("switchboard-group-");
        String alert = unique("switchboard-alert-");
        Page aboutGroup = Page.ofGroup(group, "pagerduty", "k3x9pa", T0, "alice");
        Page aboutAlert = Page.ofAlert(alert, "opsgenie", "fp0a1b2c", T0.plusSeconds(1), "bob");

        pages().save(aboutGroup);
        pages().save(aboutAlert);

        assertThat(mine(group, alert)).containsExactly(aboutGroup, aboutAlert);
    }

    @Test
    void pagingTheSameKeyAgainReplacesTheEarlierPage() {
        String key = unique("switchboard-group-");

        pages().save(Page.ofGroup(key, "pagerduty", "k3x9pa", T0, "alice"));
        Page again = Page.ofGroup(key, "opsgenie", "k3x9pa", T0.plusSeconds(60), "bob");
        pages().save(again);

        assertThat(mine(key)).containsExactly(again);
    }

    @Test
    void aRemovedPageIsGoneAndRemovingAnUnknownKeyDoesNothing() {
        String kept = unique("switchboard-alert-");
        String removed = unique("switchboard-alert-");
        pages().save(Page.ofAlert(kept, "pagerduty", "fp1", T0, "carol"));
        pages().save(Page.ofAlert(removed, "pagerduty", "fp2", T0, "carol"));

        pages().remove(removed);
        pages().remove(unique("never-paged-"));

        assertThat(mine(kept, removed)).extracting(Page::dedupKey).containsExactly(kept);
    }

    @Test
    void pagesAreListedOldestFirstThenByKey() {
        String newest = unique("a-");
        String oldest = unique("z-");
        String tiedFirst = unique("m-") + "1";
        String tiedSecond = tiedFirst.substring(0, tiedFirst.length() - 1) + "2";

        pages().save(Page.ofGroup(newest, "pagerduty", "g1", T0.plusSeconds(30), "dave"));
        pages().save(Page.ofGroup(tiedSecond, "pagerduty", "g2", T0.plusSeconds(10), "dave"));
        pages().save(Page.ofGroup(oldest, "pagerduty", "g3", T0, "dave"));
        pages().save(Page.ofGroup(tiedFirst, "pagerduty", "g4", T0.plusSeconds(10), "dave"));

        assertThat(mine(newest, oldest, tiedFirst, tiedSecond)).extracting(Page::dedupKey)
                .containsExactly(oldest, tiedFirst, tiedSecond, newest);
    }

    @Test
    void timesAreKeptToTheMillisecond() {
        String key = unique("switchboard-alert-");
        Instant at = Instant.parse("2026-11-26T15:31:32.987Z").truncatedTo(ChronoUnit.MILLIS);

        pages().save(Page.ofAlert(key, "pagerduty", "fp3", at, "erin"));

        assertThat(mine(key)).singleElement().extracting(Page::at).isEqualTo(at);
    }

    @Test
    void beyondTheLimitTheOldestPagesAreListed() {
        // Older than every other test's pages, so these fill the list whatever else the shared store holds.
        Instant longAgo = Instant.parse("2001-01-01T00:00:00Z");
        String prefix = unique("many-");
        List<String> keys = new ArrayList<>();
        try {
            for (int i = 0; i <= AlertPages.MAX_PAGES; i++) {
                String key = prefix + String.format("%05d", i);
                keys.add(key);
                pages().save(Page.ofAlert(key, "pagerduty", "fp" + i, longAgo.plusSeconds(i), "frank"));
            }

            List<Page> all = pages().all();

            assertThat(all).hasSize(AlertPages.MAX_PAGES);
            assertThat(all.getFirst().dedupKey()).isEqualTo(keys.getFirst());
            assertThat(all.getLast().dedupKey()).isEqualTo(keys.get(AlertPages.MAX_PAGES - 1));
            assertThat(all).extracting(Page::dedupKey).doesNotContain(keys.getLast());
        } finally {
            keys.forEach(pages()::remove);
        }
    }
}
