package dev.switchboard.chat.slack;

import dev.switchboard.api.AdapterException;
import dev.switchboard.chat.slack.SlackWebApi.Posted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The bot's outbound Web API calls, one ordered lane per channel, each lane worked by its own virtual thread.
 * Within a lane calls go out one at a time, at most {@link SlackSettings#messagesPerSecond()} per second, in the
 * order they were submitted. A 429 waits its {@code Retry-After}; a 5xx or network failure is retried after a
 * capped, jittered backoff; a refusal fails at once. After {@link SlackSettings#sendAttempts()} tries or
 * {@link SlackSettings#sendTimeout()} the caller gets an {@link AdapterException} and {@code onFailure} hears why:
 * nothing is dropped silently.
 *
 * <p>Thread-safe. {@link #submit} blocks its caller until the work is done or failed.
 */
final class ChannelQueue {
    static final int MAX_WAITING_PER_CHANNEL = 1_000;

    /** One Web API call of a delivery; {@code what} names it in errors ("chat.postMessage to C123"). */
    record Step(String what, Supplier<ApiOutcome<Posted>> call) {}

    private static final class Work {
        final List<Step> steps;
        final long deadline;
        final CompletableFuture<List<Posted>> done = new CompletableFuture<>();

        Work(List<Step> steps, long deadline) {
            this.steps = steps;
            this.deadline = deadline;
        }
    }

    private final class Lane implements Runnable {
        final String channel;
        final LinkedBlockingQueue<Work> waiting = new LinkedBlockingQueue<>(MAX_WAITING_PER_CHANNEL);
        long nextCallAt = Long.MIN_VALUE;
        volatile Work current;

        Lane(String channel) {
            this.channel = channel;
        }

        @Override
        public void run() {
            try {
                while (!closed) {
                    Work work = waiting.poll(1, TimeUnit.SECONDS);
                    if (work != null && !work.done.isDone()) {
                        current = work;
                        deliver(work);
                        current = null;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                Work interrupted = current;
                if (interrupted != null) {
                    interrupted.done.completeExceptionally(new AdapterException(
                            "the Slack adapter stopped while posting to " + channel));
                }
                failAll(this, "the Slack adapter stopped before the message was posted");
            }
        }

        private void deliver(Work work) throws InterruptedException {
            List<Posted> results = new ArrayList<>();
            for (Step step : work.steps) {
                String failure = attempt(step, work, results);
                if (failure != null) {
                    onFailure.accept(failure);
                    work.done.completeExceptionally(new AdapterException(failure));
                    return;
                }
            }
            work.done.complete(results);
        }

        /** Runs one step to its end; null when done, else why it failed. */
        private String attempt(Step step, Work work, List<Posted> results) throws InterruptedException {
            String last = "no attempt was made";
            for (int tries = 1; tries <= settings.sendAttempts(); tries++) {
                if (nextCallAt != Long.MIN_VALUE) {
                    long wait = nextCallAt - ticker.nanoTime();
                    if (wait > 0) {
                        ticker.sleep(Duration.ofNanos(wait));
                    }
                }
                if (ticker.nanoTime() - work.deadline > 0) {
                    return step.what() + " was not done within " + settings.sendTimeout() + " (" + last + ")";
                }
                long calledAt = ticker.nanoTime();
                nextCallAt = calledAt + interval;
                ApiOutcome<Posted> outcome = step.call().get();
                switch (outcome) {
                    case ApiOutcome.Done<Posted> d -> {
                        results.add(d.value());
                        return null;
                    }
                    case ApiOutcome.Refused<Posted> r -> {
                        return step.what() + " failed: " + r.error();
                    }
                    case ApiOutcome.RateLimited<Posted> r -> {
                        last = "rate limited by Slack, Retry-After " + r.retryAfter().toSeconds() + " s";
                        nextCallAt = Math.max(nextCallAt, ticker.nanoTime() + r.retryAfter().toNanos());
                    }
                    case ApiOutcome.Unavailable<Posted> u -> {
                        last = u.reason();
                        nextCallAt = Math.max(nextCallAt, ticker.nanoTime() + backoff.delay(tries).toNanos());
                    }
                }
            }
            return step.what() + " failed after " + settings.sendAttempts() + " attempts (" + last + ")";
        }
    }

    private final SlackSettings settings;
    private final Ticker ticker;
    private final Backoff backoff;
    private final Consumer<String> onFailure;
    private final long interval;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final Map<String, Thread> workers = new ConcurrentHashMap<>();
    private final AtomicLong accepted = new AtomicLong();
    private volatile boolean closed;

    ChannelQueue(SlackSettings settings, Ticker ticker, Backoff backoff, Consumer<String> onFailure) {
        this.settings = settings;
        this.ticker = ticker;
        this.backoff = backoff;
        this.onFailure = onFailure;
        this.interval = (long) Math.ceil(1e9 / settings.messagesPerSecond());
    }

    /** Runs {@code steps} in order in {@code channel}'s lane; returns what each posted. */
    List<Posted> submit(String channel, List<Step> steps) {
        if (closed) {
            throw new AdapterException("the Slack adapter is stopped; cannot post to " + channel);
        }
        Work work = new Work(List.copyOf(steps), ticker.nanoTime() + settings.sendTimeout().toNanos());
        Lane lane = lanes.computeIfAbsent(channel, this::open);
        if (!lane.waiting.offer(work)) {
            String why = "the outbound queue for " + channel + " is full (" + MAX_WAITING_PER_CHANNEL
                    + " messages waiting); Slack is unreachable or too slow";
            onFailure.accept(why);
            throw new AdapterException(why);
        }
        accepted.incrementAndGet();
        if (closed) {
            failAll(lane, "the Slack adapter stopped before the message was posted");
        }
        try {
            // The lane enforces the deadline in its own time; this bound only guards against a stuck call.
            return work.done.get(settings.sendTimeout().toMillis() + 35_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof AdapterException a ? a
                    : new AdapterException("posting to " + channel + " failed", e.getCause());
        } catch (TimeoutException e) {
            work.done.cancel(false);
            String why = "posting to " + channel + " did not finish within " + settings.sendTimeout();
            onFailure.accept(why);
            throw new AdapterException(why);
        } catch (InterruptedException e) {
            work.done.cancel(false);
            Thread.currentThread().interrupt();
            throw new AdapterException("interrupted while posting to " + channel, e);
        }
    }

    /** Messages waiting in all lanes; for health pages and tests. */
    int waiting() {
        return lanes.values().stream().mapToInt(lane -> lane.waiting.size()).sum();
    }

    /** Deliveries accepted into a lane since start; lets tests hand over work in a known order. */
    long accepted() {
        return accepted.get();
    }

    /** Stops every lane; work not yet posted fails with an {@link AdapterException}. Idempotent. */
    void close() {
        closed = true;
        workers.values().forEach(Thread::interrupt);
        for (Thread worker : workers.values()) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Lane open(String channel) {
        Lane lane = new Lane(channel);
        workers.put(channel, Thread.ofVirtual().name("slack-out-" + channel).start(lane));
        return lane;
    }

    private static void failAll(Lane lane, String why) {
        Work work;
        while ((work = lane.waiting.poll()) != null) {
            work.done.completeExceptionally(new AdapterException(why + " (" + lane.channel + ")"));
        }
    }
}
