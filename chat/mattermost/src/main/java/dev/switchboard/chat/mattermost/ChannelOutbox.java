package dev.switchboard.chat.mattermost;

import dev.switchboard.api.AdapterException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Outbound REST calls, one FIFO lane per channel, so a channel's posts keep their order while channels do not wait
 * for each other. Each lane has its own {@link TokenBucket} and is drained by one virtual thread while it has work.
 *
 * <p>A {@link Delivery} is the calls of one {@code send} or {@code edit}, made in order. A call answered 429 is
 * repeated after the server's {@code Retry-After}; a 5xx or network error is retried with capped, jittered backoff
 * up to {@code maxAttempts}; any other 4xx fails the delivery at once. A delivery not done by its deadline fails.
 * Nothing is dropped silently: every delivery's future completes, with the server's answers or an
 * {@link AdapterException} saying why, and every failure is also reported to {@code onFailure} (for health).
 *
 * <p>Thread-safe.
 */
final class ChannelOutbox {
    private static final Logger log = LoggerFactory.getLogger(ChannelOutbox.class);

    /** The calls of one send; {@code done} completes with each call's answer body, in order. */
    static final class Delivery {
        final CompletableFuture<List<JsonNode>> done = new CompletableFuture<>();
        private final String channel;
        private final List<Supplier<RestResult>> calls;
        private final long deadline;

        private Delivery(String channel, List<Supplier<RestResult>> calls, long deadline) {
            this.channel = channel;
            this.calls = calls;
            this.deadline = deadline;
        }
    }

    private final class Lane {
        final Deque<Delivery> waiting = new ArrayDeque<>();
        final TokenBucket bucket = new TokenBucket(postsPerSecond, burst, nanoTime);
        int queuedCalls;
        boolean draining;
    }

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final double postsPerSecond;
    private final int burst;
    private final int maxQueued;
    private final int maxAttempts;
    private final Duration timeout;
    private final Backoff retry;
    private final LongSupplier nanoTime;
    private final Consumer<String> onFailure;
    private volatile String closedReason;

    ChannelOutbox(MattermostSettings settings, Backoff retry, LongSupplier nanoTime, Consumer<String> onFailure) {
        this.postsPerSecond = settings.postsPerSecond();
        this.burst = settings.burst();
        this.maxQueued = settings.maxQueuedPosts();
        this.maxAttempts = settings.maxAttempts();
        this.timeout = settings.sendTimeout();
        this.retry = retry;
        this.nanoTime = nanoTime;
        this.onFailure = onFailure;
    }

    /** Queues {@code calls} for {@code channel}; fails at once when the outbox is closed or the lane is full. */
    Delivery enqueue(String channel, List<Supplier<RestResult>> calls) {
        Delivery delivery = new Delivery(channel, List.copyOf(calls), nanoTime.getAsLong() + timeout.toNanos());
        Lane lane = lanes.computeIfAbsent(channel, c -> new Lane());
        synchronized (lane) {
            if (closedReason != null) {
                throw new AdapterException(closedReason);
            }
            if (lane.queuedCalls + calls.size() > maxQueued) {
                String why = "the outbound queue for Mattermost channel " + channel + " is full (" + lane.queuedCalls
                        + " posts waiting); the server is unreachable or too slow";
                onFailure.accept(why);
                throw new AdapterException(why);
            }
            lane.queuedCalls += calls.size();
            lane.waiting.addLast(delivery);
            if (!lane.draining) {
                lane.draining = true;
                Thread.ofVirtual().name("mattermost-out-" + channel).start(() -> drain(lane));
            }
        }
        return delivery;
    }

    /** Calls waiting or in progress, over all channels. */
    int queuedCalls() {
        int sum = 0;
        for (Lane lane : lanes.values()) {
            synchronized (lane) {
                sum += lane.queuedCalls;
            }
        }
        return sum;
    }

    /** Fails every waiting delivery with {@code reason} and refuses new ones; calls in flight end at their next wait. */
    void close(String reason) {
        closedReason = reason;
        closed.countDown();
        for (Lane lane : lanes.values()) {
            synchronized (lane) {
                lane.waiting.forEach(d -> d.done.completeExceptionally(new AdapterException(reason)));
                lane.waiting.clear();
                lane.queuedCalls = 0;
            }
        }
    }

    private void drain(Lane lane) {
        while (true) {
            Delivery next;
            synchronized (lane) {
                next = lane.waiting.pollFirst();
                if (next == null) {
                    lane.draining = false;
                    return;
                }
            }
            try {
                next.done.complete(deliver(lane, next));
            } catch (AdapterException e) {
                onFailure.accept(e.getMessage());
                next.done.completeExceptionally(e);
            } catch (RuntimeException e) {
                log.error("bug while posting to Mattermost channel {}", next.channel, e);
                next.done.completeExceptionally(new AdapterException("could not post to Mattermost channel "
                        + next.channel + " (internal error)", e));
            } finally {
                synchronized (lane) {
                    lane.queuedCalls = Math.max(0, lane.queuedCalls - next.calls.size());
                }
            }
        }
    }

    private List<JsonNode> deliver(Lane lane, Delivery delivery) {
        List<JsonNode> answers = new ArrayList<>();
        for (Supplier<RestResult> call : delivery.calls) {
            answers.add(attempt(lane, delivery, call, answers.size(), delivery.calls.size()));
        }
        return answers;
    }

    private JsonNode attempt(Lane lane, Delivery delivery, Supplier<RestResult> call, int index, int count) {
        String part = count == 1 ? "a post" : "part " + (index + 1) + " of " + count;
        int failures = 0;
        // Bounded: each pass either returns, throws, or waits, and the deadline ends the waiting.
        while (true) {
            long bucketWait;
            synchronized (lane) {
                bucketWait = lane.bucket.nanosUntilToken();
                if (bucketWait == 0) {
                    lane.bucket.take();
                }
            }
            if (bucketWait > 0) {
                pause(delivery, Duration.ofNanos(bucketWait), part, "its turn under the channel's rate");
                continue;
            }
            switch (call.get()) {
                case RestResult.Ok ok -> {
                    return ok.body();
                }
                case RestResult.RateLimited limited -> {
                    log.info("Mattermost rate-limited {} to channel {}; waiting {}", part, delivery.channel, limited.retryAfter());
                    pause(delivery, limited.retryAfter(), part, "the server's rate limit");
                }
                case RestResult.Unavailable down -> {
                    failures++;
                    if (failures >= maxAttempts) {
                        throw new AdapterException("could not post " + part + " to Mattermost channel "
                                + delivery.channel + " after " + failures + " attempts: " + down.why());
                    }
                    log.warn("{} to Mattermost channel {} failed (attempt {}): {}", part, delivery.channel, failures,
                            down.why());
                    pause(delivery, retry.delay(failures), part, "a retry after: " + down.why());
                }
                case RestResult.Refused refused -> throw new AdapterException("Mattermost refused " + part
                        + " to channel " + delivery.channel + ": " + refused.why());
            }
        }
    }

    /** Waits {@code wait}, failing the delivery instead if that would pass its deadline or the outbox closes. */
    private void pause(Delivery delivery, Duration wait, String part, String waitingFor) {
        long left = delivery.deadline - nanoTime.getAsLong();
        if (wait.toNanos() > left) {
            throw new AdapterException("could not post " + part + " to Mattermost channel " + delivery.channel
                    + " within " + timeout + " (was waiting for " + waitingFor + ")");
        }
        try {
            if (closed.await(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new AdapterException(closedReason);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdapterException("interrupted while posting to Mattermost channel " + delivery.channel, e);
        }
    }
}
