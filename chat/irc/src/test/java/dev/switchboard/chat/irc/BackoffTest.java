package dev.switchboard.chat.irc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysDoubleUpToTheCapAndStayInItsUpperHalf() {
        Random random = new Random(7);
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), random::nextDouble);
        long[] caps = {1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000};
        for (int round = 0; round < 200; round++) {
            for (int attempt = 1; attempt <= caps.length; attempt++) {
                long delay = backoff.delay(attempt).toMillis();
                assertThat(delay).as("attempt %d", attempt).isBetween(caps[attempt - 1] / 2, caps[attempt - 1]);
            }
        }
        assertThat(backoff.delay(1_000_000).toMillis()).isBetween(30_000L, 60_000L);
    }

    @Test
    void jitterSpreadsBotsThatReconnectTogether() {
        Random random = new Random(11);
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), random::nextDouble);
        assertThat(java.util.stream.IntStream.range(0, 50).mapToLong(i -> backoff.delay(3).toMillis()).distinct().count())
                .isGreaterThan(20);
    }
}
