package dev.switchboard.chat.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    @Test
    void delaysDoubleFromTheMinimumAndStayInTheUpperHalfOfEachStep() {
        Random random = new Random(7);
        for (int attempt = 0; attempt < 6; attempt++) {
            long step = 1_000L << attempt;
            for (int i = 0; i < 200; i++) {
                assertThat(backoff.delay(attempt, random).toMillis()).isBetween(step / 2, step);
            }
        }
    }

    @Test
    void delaysNeverExceedTheMaximumHoweverManyAttemptsFailed() {
        Random random = new Random(11);
        for (int attempt : new int[] {6, 7, 30, 31, 62, 1_000, Integer.MAX_VALUE}) {
            assertThat(backoff.delay(attempt, random)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
        }
    }

    @Test
    void jitterSpreadsAdaptersThatFailedTogether() {
        Random random = new Random(3);
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> backoff.delay(4, random)).distinct().count();
        assertThat(distinct).isGreaterThan(40);
    }
}
