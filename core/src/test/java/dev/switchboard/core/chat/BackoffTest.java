package dev.switchboard.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), new SplittableRandom(3));

    @Test
    void waitsDoubleWithJitterBetweenHalfAndAllOfTheStep() {
        for (int attempt = 1; attempt <= 6; attempt++) {
            long step = 1000L << (attempt - 1);
            for (int i = 0; i < 200; i++) {
                assertThat(backoff.after(attempt).toMillis()).as("attempt %d", attempt).isBetween(step / 2, step);
            }
        }
    }

    @Test
    void waitsAreCappedEvenAfterVeryManyAttempts() {
        for (int attempt = 7; attempt < 10_000; attempt += 97) {
            assertThat(backoff.after(attempt)).isBetween(Duration.ofSeconds(30), Duration.ofMinutes(1));
        }
    }

    @Test
    void jitterSpreadsRetriesOut() {
        assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> backoff.after(5)).distinct().count())
                .isGreaterThan(10);
    }

    @Test
    void aMaximumBelowTheFirstWaitIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1), new SplittableRandom()))
                .hasMessage("backoff needs 0 < first <= max, got first PT5S, max PT1S");
    }
}
