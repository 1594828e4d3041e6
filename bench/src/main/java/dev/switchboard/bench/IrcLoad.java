package dev.switchboard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

/**
 * Load on an IRC bot from {@link IrcLoadUser}s sending {@code echo <token>} and timing the answer that carries the
 * token back. Three shapes, each bounded in count and time: {@link #closed} (each user waits for its answer before
 * the next command), {@link #open} (a fixed schedule regardless of answers; latency counts from the scheduled time,
 * so a stall is charged to every command it delays) and {@link #burst} (everything at once, then count answers).
 * While a run lasts, two queue lengths are sampled every millisecond (the bot's outbound IRC lines and the engine's
 * dispatcher queue), to show where commands wait. One run at a time; not thread-safe. {@link #close()} disconnects.
 */
final class IrcLoad implements AutoCloseable {
    /** Where users talk to the bot: all in one channel with the prefix, or each privately. */
    enum Where {
        CHANNEL, DM;

        String target(String botNick, String channel) {
            return this == CHANNEL ? channel : botNick;
        }

        String command(String token) {
            return this == CHANNEL ? "!echo " + token : "echo " + token;
        }
    }

    /**
     * One run's figures. {@code lost} were not answered within the run's wait; {@code perSecond} is answers per
     * second over the measured window; {@code queueMean}/{@code queueMax} are the bot's outbound IRC lines and
     * {@code dispatchMean}/{@code dispatchMax} messages waiting in the engine's dispatcher, sampled each millisecond.
     */
    record Result(String scenario, int sent, int answered, int lost, int unmatched, double perSecond,
            LatencySummary latency, Duration elapsed, double queueMean, int queueMax, double dispatchMean,
            int dispatchMax) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: sent %d, answered %d, lost %d, unmatched %d, %.0f replies/s in %d ms;"
                    + " latency %s; bot outbound lines mean %.1f max %d; dispatcher queue mean %.1f max %d", scenario,
                    sent, answered, lost, unmatched, perSecond, elapsed.toMillis(), latency, queueMean, queueMax,
                    dispatchMean, dispatchMax);
        }
    }

    private final List<IrcLoadUser> users = new ArrayList<>();
    private final String botNick;
    private final String channel;
    private final IntSupplier outboundLines;
    private final IntSupplier dispatcherQueue;
    private final Duration answerWait;
    private int runs;
    private volatile IrcLoadRun current = new IrcLoadRun(0, 1, 1);

    private IrcLoad(String botNick, String channel, IntSupplier outboundLines, IntSupplier dispatcherQueue,
            Duration answerWait) {
        this.botNick = botNick;
        this.channel = channel;
        this.outboundLines = outboundLines;
        this.dispatcherQueue = dispatcherQueue;
        this.answerWait = answerWait;
    }

    /**
     * Connects {@code n} users named {@code <nickPrefix><i>} and joins each to {@code channel}.
     *
     * @param outboundLines the bot's outbound IRC lines not yet confirmed, sampled during runs
     * @param dispatcherQueue messages waiting in the engine's dispatcher, sampled during runs
     * @param answerWait how long a command may go unanswered before it counts as lost
     */
    static IrcLoad connect(String host, int port, int n, String nickPrefix, String botNick, String channel,
            IntSupplier outboundLines, IntSupplier dispatcherQueue, Duration answerWait) throws InterruptedException {
        IrcLoad load = new IrcLoad(botNick, channel, outboundLines, dispatcherQueue, answerWait);
        try {
            for (int i = 0; i < n; i++) {
                IrcLoadUser user = IrcLoadUser.connect(host, port, nickPrefix + i, botNick,
                        (text, nanos) -> load.current.reply(text, nanos), Duration.ofSeconds(10));
                load.users.add(user);
                user.join(channel, Duration.ofSeconds(10));
            }
            return load;
        } catch (RuntimeException | InterruptedException e) {
            load.close();
            throw e;
        }
    }

    /** Disconnects every user. */
    @Override
    public void close() {
        users.forEach(IrcLoadUser::close);
    }

    /** {@code n} users, each sending its next command as soon as the previous one is answered, for {@code time}. */
    Result closed(Where where, int n, Duration time, int maxCommands) throws InterruptedException {
        IrcLoadRun run = begin(maxCommands, n);
        String target = where.target(botNick, channel);
        AtomicInteger lostWaiting = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + time.toNanos();
        CountDownLatch done = new CountDownLatch(n);
        try (Sampler sampler = new Sampler()) {
            for (int u = 0; u < n; u++) {
                int user = u;
                Thread.ofVirtual().name("closed-" + u).start(() -> {
                    try {
                        while (System.nanoTime() < end) {
                            int i = run.next();
                            if (i < 0) {
                                return;
                            }
                            users.get(user).say(target, where.command(run.sent(i, user, System.nanoTime())));
                            if (!run.awaitAnswer(user, answerWait)) {
                                lostWaiting.incrementAndGet();
                                return; // a late answer would be taken for the next command's: stop this user
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await(time.plus(answerWait).plusSeconds(5).toNanos(), TimeUnit.NANOSECONDS);
            long stop = Math.min(System.nanoTime(), end);
            double seconds = (stop - start) / 1e9;
            return finish(run, "closed loop, " + n + " users, " + where, sampler,
                    run.answeredBetween(start, stop) / seconds, Duration.ofNanos(stop - start));
        }
    }

    /** {@code rate} commands per second for {@code time}, round robin over {@code n} users, on schedule. */
    Result open(Where where, int n, int rate, Duration time) throws InterruptedException {
        int total = (int) Math.max(1, rate * time.toMillis() / 1000);
        IrcLoadRun run = begin(total, n);
        String target = where.target(botNick, channel);
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        try (Sampler sampler = new Sampler()) {
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
            for (int i = run.next(); i >= 0; i = run.next()) {
                long scheduled = start + i * period;
                for (long wait = scheduled - System.nanoTime(); wait > 0; wait = scheduled - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                users.get(i % n).say(target, where.command(run.sent(i, i % n, scheduled)));
            }
            long sentAll = System.nanoTime();
            waitForAnswers(run, total);
            long last = Math.max(run.lastAnswer(), sentAll);
            return finish(run, "open loop, " + rate + "/s over " + n + " users, " + where, sampler,
                    run.answered() / ((last - start) / 1e9), Duration.ofNanos(last - start));
        }
    }

    /** {@code total} commands sent at once by {@code n} users (one write each); time until the last answer. */
    Result burst(Where where, int n, int total) throws InterruptedException {
        IrcLoadRun run = begin(total, n);
        String target = where.target(botNick, channel);
        List<List<String>> perUser = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            perUser.add(new ArrayList<>());
        }
        try (Sampler sampler = new Sampler()) {
            long start = System.nanoTime();
            for (int i = run.next(); i >= 0; i = run.next()) {
                perUser.get(i % n).add(where.command(run.sent(i, i % n, start)));
            }
            CountDownLatch written = new CountDownLatch(n);
            for (int u = 0; u < n; u++) {
                int user = u;
                Thread.ofVirtual().name("burst-" + u).start(() -> {
                    try {
                        users.get(user).sayAll(target, perUser.get(user));
                    } finally {
                        written.countDown();
                    }
                });
            }
            written.await(answerWait.toNanos(), TimeUnit.NANOSECONDS);
            waitForAnswers(run, total);
            long last = run.answered() == 0 ? System.nanoTime() : run.lastAnswer();
            return finish(run, "burst of " + total + " from " + n + " users, " + where, sampler,
                    run.answered() / ((last - start) / 1e9), Duration.ofNanos(last - start));
        }
    }

    private IrcLoadRun begin(int capacity, int n) {
        if (n < 1 || n > users.size()) {
            throw new IllegalArgumentException("a run needs 1 to " + users.size() + " users, not " + n);
        }
        IrcLoadRun run = new IrcLoadRun(++runs, capacity, n);
        current = run;
        return run;
    }

    /** Waits until every command is answered, or no answer came for {@code answerWait}. */
    private void waitForAnswers(IrcLoadRun run, int total) throws InterruptedException {
        int seen = -1;
        long quietSince = System.nanoTime();
        while (run.answered() < total && System.nanoTime() - quietSince < answerWait.toNanos()) {
            if (run.answered() != seen) {
                seen = run.answered();
                quietSince = System.nanoTime();
            }
            Thread.sleep(1); // polling a counter: the waiting is bounded by answerWait without progress
        }
    }

    private Result finish(IrcLoadRun run, String scenario, Sampler sampler, double perSecond, Duration elapsed)
            throws InterruptedException {
        sampler.close();
        long[] latencies = run.latencies();
        return new Result(scenario, run.sent(), run.answered(), run.sent() - run.answered(), run.unmatched(),
                perSecond, LatencySummary.of(latencies, latencies.length), elapsed, sampler.queueMean(),
                sampler.queueMax, sampler.dispatchMean(), sampler.dispatchMax);
    }

    /** Samples the two queue lengths every millisecond on a daemon thread until closed. */
    private final class Sampler implements AutoCloseable {
        private final Thread thread;
        private volatile boolean running = true;
        private long samples;
        private long queueSum;
        private long dispatchSum;
        private int queueMax;
        private int dispatchMax;

        Sampler() {
            thread = Thread.ofPlatform().daemon().name("queue-sampler").start(() -> {
                while (running) {
                    int queued = outboundLines.getAsInt();
                    int waiting = dispatcherQueue.getAsInt();
                    samples++;
                    queueSum += queued;
                    dispatchSum += waiting;
                    queueMax = Math.max(queueMax, queued);
                    dispatchMax = Math.max(dispatchMax, waiting);
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
            });
        }

        double queueMean() {
            return samples == 0 ? 0 : (double) queueSum / samples;
        }

        double dispatchMean() {
            return samples == 0 ? 0 : (double) dispatchSum / samples;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(1_000);
        }
    }
}
