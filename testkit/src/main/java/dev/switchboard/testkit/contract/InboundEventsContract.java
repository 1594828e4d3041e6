package dev.switchboard.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.chat.InboundEvents;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link InboundEvents} must do. Subclasses return the store under test; it may be shared with other
 * tests (a database), so every test uses event ids of its own.
 */
public abstract class InboundEventsContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.125Z");

    /** The store under test; the same store within a test. */
    protected abstract InboundEvents events();

    private static String uniqueId() {
        return "Ev" + UUID.randomUUID();
    }

    @Test
    void anEventIsClaimedTheFirstTimeOnlyAndNeverAgain() {
        String id = uniqueId();

        assertThat(events().firstTime("slack", id, T0)).isTrue();
        assertThat(events().firstTime("slack", id, T0)).isFalse();
        assertThat(events().firstTime("slack", id, T0.plusSeconds(30))).isFalse();
    }

    @Test
    void theSameEventIdOnAnotherPlatformIsAnotherEvent() {
        String id = uniqueId();

        assertThat(events().firstTime("slack", id, T0)).isTrue();
        assertThat(events().firstTime("mattermost", id, T0)).isTrue();
    }

    @Test
    void ofManyReplicasClaimingOneEventAtOnceExactlyOneWins() throws Exception {
        String id = uniqueId();

        List<Boolean> wins = Concurrently.run(16, i -> () -> events().firstTime("slack", id, T0));

        assertThat(wins).containsOnlyOnce(true);
    }

    @Test
    void forgottenEventsCanBeClaimedAgainWhileNewerOnesStayClaimed() {
        // Long before any other test's events, so forgetting touches only these.
        Instant old = Instant.parse("2001-01-01T00:00:00Z");
        String stale = uniqueId();
        String recent = uniqueId();
        events().firstTime("web", stale, old);
        events().firstTime("web", recent, old.plusSeconds(3600));

        assertThat(events().forgetBefore(old.plusSeconds(60))).isEqualTo(1);
        assertThat(events().firstTime("web", recent, T0)).isFalse();
        assertThat(events().firstTime("web", stale, T0)).isTrue();
    }
}
