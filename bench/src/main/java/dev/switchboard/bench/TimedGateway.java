package dev.switchboard.bench;

import dev.switchboard.api.chat.Capabilities;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.chat.MessageSink;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.core.chat.ChatGateway;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A {@link ChatGateway} that times every post and edit it forwards: how long the engine's reply waits inside the
 * adapter (for IRC: queueing, the rate limit, writing, and the {@code PING}/{@code PONG} that confirms the batch).
 * Keeps the last {@value #KEPT} durations; {@link #takeSummary()} summarises and forgets them. Thread-safe.
 */
final class TimedGateway implements ChatGateway {
    private static final int KEPT = 1 << 20;

    private final ChatGateway delegate;
    private final AtomicLongArray nanos = new AtomicLongArray(KEPT);
    private final AtomicInteger count = new AtomicInteger();
    private final Map<ConversationRef, Long> accepted = new ConcurrentHashMap<>();
    private final AtomicLongArray engineNanos = new AtomicLongArray(KEPT);
    private final AtomicInteger engineCount = new AtomicInteger();

    /**
     * Wraps the sink the adapter delivers to, noting when each conversation's latest message was handed over, so
     * {@link #takeEngineSummary()} can tell how long the engine took until it replied there (exact when each
     * conversation has one command in flight: private messages in a closed loop).
     */
    MessageSink noting(MessageSink sink) {
        return message -> {
            accepted.put(message.conversation(), System.nanoTime());
            sink.accept(message);
        };
    }

    TimedGateway(ChatGateway delegate) {
        this.delegate = delegate;
    }

    @Override
    public MessageRef say(ConversationRef to, Reply reply) {
        long start = System.nanoTime();
        Long handedOver = accepted.remove(to);
        if (handedOver != null) {
            int i = engineCount.getAndIncrement();
            if (i < KEPT) {
                engineNanos.set(i, start - handedOver);
            }
        }
        try {
            return delegate.say(to, reply);
        } finally {
            record(System.nanoTime() - start);
        }
    }

    @Override
    public MessageRef edit(MessageRef message, Reply reply) {
        long start = System.nanoTime();
        try {
            return delegate.edit(message, reply);
        } finally {
            record(System.nanoTime() - start);
        }
    }

    @Override
    public Capabilities capabilities(String platform) {
        return delegate.capabilities(platform);
    }

    /** The durations recorded since the last call, summarised. */
    synchronized LatencySummary takeSummary() {
        int n = Math.min(count.getAndSet(0), KEPT);
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = nanos.get(i);
        }
        return LatencySummary.of(values, n);
    }

    /** Hand-over to the engine until its reply reached the gateway, since the last call, summarised. */
    synchronized LatencySummary takeEngineSummary() {
        int n = Math.min(engineCount.getAndSet(0), KEPT);
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = engineNanos.get(i);
        }
        return LatencySummary.of(values, n);
    }

    private void record(long duration) {
        int i = count.getAndIncrement();
        if (i < KEPT) {
            nanos.set(i, duration);
        }
    }
}
