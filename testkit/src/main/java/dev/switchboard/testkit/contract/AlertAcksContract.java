package dev.switchboard.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.alert.AlertAcks;
import dev.switchboard.api.alert.AlertAcks.Ack;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AlertAcks} must do. Subclasses return the store under test from {@link #acks()}; it may be
 * shared with other tests (a database), so every test uses fingerprints and user ids of its own.
 */
public abstract class AlertAcksContract {
    private static final Instant T0 = Instant.parse("2026-11-26T15:31:32.125Z");

    /** The store under test; always the same store within a test. */
    protected abstract AlertAcks acks();

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void anAckIsFoundByFingerprintWithWhoWhenAndWhichGroup() {
        String fingerprint = unique("fp");
        String alice = unique("alice");

        acks().record(List.of(new Ack(fingerprint, alice, T0, "k3x9pa")));

        assertThat(acks().find(fingerprint)).contains(new Ack(fingerprint, alice, T0, "k3x9pa"));
        assertThat(acks().find(unique("other"))).isEmpty();
    }

    @Test
    void ackingAgainReplacesWhoOwnsTheAlert() {
        String fingerprint = unique("fp");
        String alice = unique("alice");
        String bob = unique("bob");

        acks().record(List.of(new Ack(fingerprint, alice, T0, "k3x9pa")));
        acks().record(List.of(new Ack(fingerprint, bob, T0.plusSeconds(60), null)));

        assertThat(acks().find(fingerprint)).contains(new Ack(fingerprint, bob, T0.plusSeconds(60), null));
        assertThat(acks().byUser(alice, 10)).isEmpty();
        assertThat(acks().byUser(bob, 10)).extracting(Ack::fingerprint).containsExactly(fingerprint);
    }

    @Test
    void byUserListsNewestFirstUpToTheLimit() {
        String carol = unique("carol");
        String first = unique("a");
        String second = unique("b");
        String third = unique("c");

        acks().record(List.of(new Ack(first, carol, T0, null), new Ack(second, carol, T0.plusSeconds(1), "g1")));
        acks().record(List.of(new Ack(third, carol, T0.plusSeconds(2), "g1")));

        assertThat(acks().byUser(carol, 10)).extracting(Ack::fingerprint).containsExactly(third, second, first);
        assertThat(acks().byUser(carol, 2)).extracting(Ack::fingerprint).containsExactly(third, second);
    }

    @Test
    void theSameFingerprintTwiceInOneCallKeepsTheLastAck() {
        String fingerprint = unique("fp");
        String dave = unique("dave");
        String erin = unique("erin");

        acks().record(List.of(new Ack(fingerprint, dave, T0, null), new Ack(fingerprint, erin, T0, "g2")));

        assertThat(acks().find(fingerprint).orElseThrow().by()).isEqualTo(erin);
    }

    @Test
    void timesAreKeptToTheMillisecond() {
        String fingerprint = unique("fp");
        Instant at = Instant.parse("2026-11-26T15:31:32.987Z").truncatedTo(ChronoUnit.MILLIS);

        acks().record(List.of(new Ack(fingerprint, unique("frank"), at, null)));

        assertThat(acks().find(fingerprint).orElseThrow().at()).isEqualTo(at);
    }
}
