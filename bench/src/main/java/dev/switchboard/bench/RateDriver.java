package dev.switchboard.bench;

import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.MessageSink;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.core.chat.Dispatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives {@code ping} through an in-process engine at a fixed rate, and in bursts.
 *
 * <p>Steady: one pacer thread releases command {@code i} at {@code start + i / rate} to a small pool of virtual
 * threads, each of which runs it through the pipeline (durable audit included). Latency is measured from the
 * scheduled time, not the actual start, so a stall that delays later commands counts against them (no coordinated
 * omission). Burst: all commands are handed to the engine's dispatcher at once, and the time until every one is
 * answered is measured by counting replies. Both are bounded in count and time.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.switchboard.bench.RateDriver --store h2 --rate 1000 --seconds 30</pre>
 */
public final class RateDriver {
    private static final Map<String, String> DEFAULTS = Map.of("store", "h2", "rate", "1000", "seconds", "30",
            "warmup", "5", "workers", "8", "burst", "10000", "runs", "3", "mode", "both");

    /** What a steady run achieved. {@code failed} counts commands not answered with a reply. */
    public record Steady(LatencySummary latency, LatencySummary service, double achievedRate, int failed) {}

    /** What a burst achieved: how long until {@code answered} of {@code sent} were answered. */
    public record Burst(int sent, long answered, long refused, Duration elapsed, boolean complete) {
        double perSecond() {
            return answered / (elapsed.toNanos() / 1e9);
        }
    }

    private RateDriver() {}

    public static void main(String[] args) throws InterruptedException {
        DriverOptions options = DriverOptions.parse(args, DEFAULTS);
        String mode = options.text("mode");
        try (BenchDatabase database = BenchDatabase.open(options.text("store"));
                BenchEngine engine = BenchEngine.start(database.settings())) {
            engine.checkPingIsAnswered();
            System.out.printf("store: %s; %d cores; %s%n", database.description(),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
            if (!mode.equals("burst")) {
                runSteady(engine, options);
            }
            if (!mode.equals("steady")) {
                runBursts(engine, options);
            }
        }
    }

    private static void runSteady(BenchEngine engine, DriverOptions options) throws InterruptedException {
        int rate = options.number("rate");
        int workers = options.number("workers");
        steady(engine, rate, options.number("warmup"), workers);
        for (int run = 1; run <= options.number("runs"); run++) {
            Steady result = steady(engine, rate, options.number("seconds"), workers);
            System.out.printf(Locale.ROOT, "steady run %d: target %d/s for %ds, achieved %.0f/s, failed %d%n"
                    + "  latency (from scheduled time): %s%n  service time (from actual start): %s%n", run, rate,
                    options.number("seconds"), result.achievedRate(), result.failed(), result.latency(),
                    result.service());
        }
    }

    private static void runBursts(BenchEngine engine, DriverOptions options) throws InterruptedException {
        burst(engine, Math.min(1_000, options.number("burst")), Duration.ofSeconds(60));
        for (int run = 1; run <= options.number("runs"); run++) {
            Burst b = burst(engine, options.number("burst"), Duration.ofSeconds(120));
            System.out.printf(Locale.ROOT, "burst run %d: %d sent, %d answered (%d of them refused as overloaded) "
                    + "in %d ms = %.0f replies/s%s%n", run, b.sent(), b.answered(), b.refused(),
                    b.elapsed().toMillis(), b.perSecond(), b.complete() ? "" : " (INCOMPLETE: timed out)");
        }
    }

    /** Sends {@code rate * seconds} pings at a fixed rate from {@code workers} virtual threads. */
    public static Steady steady(BenchEngine engine, int rate, int seconds, int workers) throws InterruptedException {
        int total = Math.max(1, rate * seconds);
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long[] latency = new long[total];
        long[] service = new long[total];
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, Thread.ofVirtual().name("driver-", 0).factory());
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * period;
            for (long wait = scheduled - System.nanoTime(); wait > 0; wait = scheduled - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            pool.execute(() -> {
                long began = System.nanoTime();
                Outcome outcome = engine.handlePing();
                long ended = System.nanoTime();
                latency[index] = ended - scheduled;
                service[index] = ended - began;
                if (!(outcome instanceof Outcome.Replied)) {
                    failed.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            throw new IllegalStateException("the steady run did not finish within " + (seconds + 60) + " s");
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Steady(LatencySummary.of(latency, total), LatencySummary.of(service, total), total / elapsed,
                failed.get());
    }

    /** Hands {@code n} pings to the dispatcher at once and waits (at most {@code timeout}) for all answers. */
    public static Burst burst(BenchEngine engine, int n, Duration timeout) throws InterruptedException {
        List<InboundMessage> messages = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            messages.add(engine.ping());
        }
        MessageSink sink = engine.sink();
        long refusedBefore = sink instanceof Dispatcher d ? d.refused() : 0;
        long repliesBefore = engine.gateway().replies();
        engine.gateway().expect(n);
        long start = System.nanoTime();
        messages.forEach(sink::accept);
        boolean complete = engine.gateway().await(timeout);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long refused = sink instanceof Dispatcher d ? d.refused() - refusedBefore : 0;
        return new Burst(n, engine.gateway().replies() - repliesBefore, refused, elapsed, complete);
    }
}
