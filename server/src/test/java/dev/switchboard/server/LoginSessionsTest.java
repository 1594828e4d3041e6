package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Browser sessions last while used, end after 12 idle hours, and are bounded in number. */
class LoginSessionsTest {
    private final MutableClock clock = new MutableClock();
    private final LoginSessions sessions = new LoginSessions(clock, Duration.ofHours(12), 3);

    @Test
    void aSessionStaysAliveWhileItIsUsed() {
        String token = sessions.open("alice");
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofHours(11));
            assertThat(sessions.user(token)).hasValue("alice");
        }
    }

    @Test
    void aSessionEndsAfterTwelveIdleHours() {
        String token = sessions.open("alice");

        clock.advance(Duration.ofHours(12).plusSeconds(1));

        assertThat(sessions.user(token)).isEmpty();
    }

    @Test
    void tokensAreLongRandomAndUnguessable() {
        String one = sessions.open("alice");
        String two = sessions.open("alice");

        assertThat(one).hasSize(43).isNotEqualTo(two);
        assertThat(sessions.user(one.substring(1))).isEmpty();
        assertThat(sessions.user(null)).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedSessionIsDroppedBeyondTheBound() {
        String first = sessions.open("alice");
        String second = sessions.open("bob");
        sessions.open("carol");
        sessions.user(first);

        sessions.open("dave");

        assertThat(sessions.user(first)).hasValue("alice");
        assertThat(sessions.user(second)).isEmpty();
    }

    @Test
    void loggingOutEndsTheSession() {
        String token = sessions.open("alice");

        sessions.close(token);

        assertThat(sessions.user(token)).isEmpty();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
