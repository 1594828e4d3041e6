package dev.switchboard.chat.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The keep-alive's timing, with a hand-driven clock. */
class KeepAliveTest {
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(60);
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final KeepAlive keepAlive = new KeepAlive(KEEP_ALIVE, nanos::get);

    @Test
    void aQuietConnectionIsPingedOnceAfterKeepAliveAndDeclaredDeadAfterTwoAndAHalfTimesIt() {
        keepAlive.opened();

        advance(Duration.ofSeconds(59));
        assertThat(keepAlive.check()).isEqualTo(new KeepAlive.Step.Wait());
        advance(Duration.ofSeconds(1));
        assertThat(keepAlive.check()).isEqualTo(new KeepAlive.Step.Ping("sb-alive-1"));
        advance(Duration.ofSeconds(30));
        assertThat(keepAlive.check()).isEqualTo(new KeepAlive.Step.Wait());
        advance(Duration.ofSeconds(59));
        assertThat(keepAlive.check()).isEqualTo(new KeepAlive.Step.Wait());
        advance(Duration.ofSeconds(1));
        assertThat(keepAlive.check()).isEqualTo(new KeepAlive.Step.Dead(Duration.ofSeconds(150)));
        // Given up on: no second verdict for the same connection.
        advance(Duration.ofSeconds(100));
        assertThat(keepAlive.check()).isEqualTo(new KeepAlive.Step.Wait());
    }

    @Test
    void anAnsweredPingKeepsTheConnectionAliveAndTheNextSilenceGetsANewPing() {
        keepAlive.opened();
        advance(KEEP_ALIVE);
        assertThat(keepAlive.check()).isEqualTo(new KeepAlive.Step.Ping("sb-alive-1"));
        advance(Duration.ofMillis(20));
        keepAlive.received();

        advance(Duration.ofSeconds(100));
        assertThat(keepAlive.check()).isEqualTo(new KeepAlive.Step.Ping("sb-alive-2"));
        keepAlive.received();
        advance(Duration.ofSeconds(149));
        assertThat(keepAlive.check()).isInstanceOf(KeepAlive.Step.Ping.class);
    }

    @Test
    void steadyTrafficNeverNeedsAPing() {
        keepAlive.opened();
        for (int i = 0; i < 1_000; i++) {
            advance(Duration.ofSeconds(59));
            keepAlive.received();
            assertThat(keepAlive.check()).isEqualTo(new KeepAlive.Step.Wait());
        }
    }

    @Test
    void nothingIsWatchedBetweenConnectionsAndANewConnectionStartsItsSilenceAfresh() {
        assertThat(keepAlive.check()).isEqualTo(new KeepAlive.Step.Wait());
        keepAlive.opened();
        advance(Duration.ofSeconds(100));
        keepAlive.closed();
        advance(Duration.ofSeconds(100));
        assertThat(keepAlive.check()).isEqualTo(new KeepAlive.Step.Wait());

        keepAlive.opened();
        advance(Duration.ofSeconds(149));
        assertThat(keepAlive.check()).isEqualTo(new KeepAlive.Step.Ping("sb-alive-1"));
    }

    @Test
    void whateverTheTickOrderTheVerdictComesWithinATickOfTwoAndAHalfTimesKeepAlive() {
        java.util.Random random = new java.util.Random(42);
        for (int round = 0; round < 200; round++) {
            KeepAlive watched = new KeepAlive(KEEP_ALIVE, nanos::get);
            watched.opened();
            long start = nanos.get();
            long tick = watched.tick().toNanos();
            KeepAlive.Step step;
            int pings = 0;
            do {
                advance(Duration.ofNanos(1 + random.nextLong(tick)));
                step = watched.check();
                pings += step instanceof KeepAlive.Step.Ping ? 1 : 0;
            } while (!(step instanceof KeepAlive.Step.Dead) && nanos.get() - start < KEEP_ALIVE.toNanos() * 5);

            assertThat(step).isInstanceOf(KeepAlive.Step.Dead.class);
            long silent = ((KeepAlive.Step.Dead) step).silent().toNanos();
            assertThat(silent).isBetween(KEEP_ALIVE.toNanos() * 5 / 2, KEEP_ALIVE.toNanos() * 5 / 2 + tick);
            assertThat(pings).isEqualTo(1);
        }
    }

    @Test
    void theHealthLineNamesTheServerAndHowLongItWasSilent() {
        assertThat(KeepAlive.describe("irc.example", 6697, Duration.ofSeconds(150)))
                .isEqualTo("no traffic from irc.example:6697 for 150 s; reconnecting");
        assertThat(KeepAlive.describe("127.0.0.1", 6667, Duration.ofMillis(1_260)))
                .isEqualTo("no traffic from 127.0.0.1:6667 for 1.3 s; reconnecting");
    }

    @Test
    void aKeepAliveOutsideItsRangeIsRefusedSayingWhatIsExpected() {
        IrcSettings settings = IrcSettings.of("irc.example", 6697, "bot", List.of("#ops"));
        assertThat(settings.keepAlive()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.withKeepAlive(Duration.ofMillis(500)).keepAlive()).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> settings.withKeepAlive(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("IRC setting keepAlive is PT0.01S; expected 100 ms to 1 h");
        assertThatThrownBy(() -> settings.withKeepAlive(null)).hasMessageContaining("keepAlive is null");
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
