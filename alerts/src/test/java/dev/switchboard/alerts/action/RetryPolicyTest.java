package dev.switchboard.alerts.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void waitsDoubleUpToTheCapWithAtMostHalfOfEachWaitBeingJitter() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1_000), Duration.ZERO);
        long[] full = {100, 200, 400, 800, 1_000, 1_000, 1_000, 1_000, 1_000};
        Random random = new Random(42);
        for (int run = 0; run < 500; run++) {
            for (int retry = 1; retry <= full.length; retry++) {
                long wait = policy.backoff(retry, random).toMillis();
                assertThat(wait).as("retry %d", retry).isBetween(full[retry - 1] / 2, full[retry - 1]);
            }
        }
    }

    @Test
    void jitterSpreadsReplicasApart() {
        RetryPolicy policy = RetryPolicy.defaults();
        Random random = new Random(1);
        assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> policy.backoff(3, random)).distinct())
                .hasSizeGreaterThan(10);
    }

    @Test
    void unboundedOrBackwardsPoliciesAreRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessage("maxAttempts must be between 1 and 10, got 0");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO))
                .hasMessageStartingWith("backoffs must be 0 or more, with maxBackoff at least firstBackoff");
    }
}
