package dev.switchboard.bench;

import dev.switchboard.api.chat.Capabilities;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.core.chat.ChatGateway;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A chat platform that delivers nothing and costs nothing: every reply and edit is counted and acknowledged at once,
 * so benchmarks measure Switchboard, not a network. {@link #expect} arms a countdown for a burst. Thread-safe.
 */
public final class CountingGateway implements ChatGateway {
    private static final Capabilities CAPABILITIES = new Capabilities(true, true, false, false, 4_000, true);

    private final AtomicLong replies = new AtomicLong();
    private volatile CountDownLatch awaited = new CountDownLatch(0);

    @Override
    public MessageRef say(ConversationRef to, Reply reply) {
        long n = replies.incrementAndGet();
        awaited.countDown();
        return new MessageRef(to, Long.toString(n));
    }

    @Override
    public MessageRef edit(MessageRef message, Reply reply) {
        replies.incrementAndGet();
        awaited.countDown();
        return message;
    }

    @Override
    public Capabilities capabilities(String platform) {
        return CAPABILITIES;
    }

    /** Replies and edits so far. */
    public long replies() {
        return replies.get();
    }

    /** Starts counting down from {@code n} replies; {@link #await} then waits for them. */
    public void expect(int n) {
        awaited = new CountDownLatch(n);
    }

    /** Waits until the expected replies arrived; false if the timeout passed first. */
    public boolean await(Duration timeout) throws InterruptedException {
        return awaited.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
