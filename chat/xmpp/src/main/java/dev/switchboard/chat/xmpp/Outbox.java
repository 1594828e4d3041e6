package dev.switchboard.chat.xmpp;

import dev.switchboard.api.AdapterException;
import dev.switchboard.api.chat.ConversationRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The replies not yet confirmed by the server, oldest first: one entry per message part. A reply is added whole
 * or not at all. An entry is written once per connection and leaves when the server acknowledged it (XEP-0198
 * stream management) or, on servers without acknowledgements, as soon as it was written. After a reconnect
 * {@link #rewind} makes every unacknowledged entry due again, so a broken connection delays replies but does not
 * drop them (a part whose acknowledgement was lost is sent twice). Bounded; thread-safe.
 */
final class Outbox {
    /** One message body for one conversation; {@code stanzaId} becomes the XMPP message id. */
    record Part(ConversationRef to, String stanzaId, String body) {}

    private static final class Entry {
        final Part part;
        boolean written;

        Entry(Part part) {
            this.part = part;
        }
    }

    private final int capacity;
    private final List<Entry> entries = new ArrayList<>();

    Outbox(int capacity) {
        this.capacity = capacity;
    }

    /** Queues all parts of one reply, or none and throws when they do not fit. */
    synchronized void add(List<Part> reply) {
        if (entries.size() + reply.size() > capacity) {
            throw new AdapterException("the XMPP outbox is full (" + entries.size() + " of " + capacity
                    + " message parts wait for the connection); this reply to " + reply.getFirst().to()
                    + " was not queued");
        }
        reply.forEach(part -> entries.add(new Entry(part)));
    }

    /** The oldest part not yet written on this connection; null when there is none. */
    synchronized Part nextToWrite() {
        for (Entry entry : entries) {
            if (!entry.written) {
                return entry.part;
            }
        }
        return null;
    }

    /** Records that {@code part} was written: it stays until {@link #acknowledged} if {@code awaitAck}. */
    synchronized void written(Part part, boolean awaitAck) {
        if (awaitAck) {
            entries.stream().filter(e -> e.part == part).forEach(e -> e.written = true);
        } else {
            acknowledged(part);
        }
    }

    /** The server confirmed {@code part}; a no-op when it is gone already. */
    synchronized void acknowledged(Part part) {
        entries.removeIf(e -> e.part == part);
    }

    /** A new connection: everything not acknowledged is written again, in the original order. */
    synchronized void rewind() {
        entries.forEach(e -> e.written = false);
    }

    synchronized int size() {
        return entries.size();
    }
}
