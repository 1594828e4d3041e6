package dev.switchboard.core.chat;

import dev.switchboard.api.AdapterException;
import dev.switchboard.api.chat.Capabilities;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.reply.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chat platform for outbox tests: numbers posted messages {@code m1, m2, ...}, shows what each message says now,
 * and can be taken down (every send and edit then throws {@link AdapterException}). Thread-safe.
 */
final class FlakyPlatform implements ChatGateway {
    private final Map<String, String> shown = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();
    private int attempts;
    private boolean down;

    synchronized void down(boolean down) {
        this.down = down;
    }

    /** Every accepted call in order: {@code say m1 hello}, {@code edit m1 50%}. */
    synchronized List<String> log() {
        return List.copyOf(log);
    }

    /** The messages as the users see them now, in the order they were posted. */
    synchronized List<String> transcript() {
        return List.copyOf(shown.values());
    }

    /** Calls made, accepted or not. */
    synchronized int attempts() {
        return attempts;
    }

    @Override
    public synchronized MessageRef say(ConversationRef to, Reply reply) {
        attempts++;
        if (down) {
            throw new AdapterException("platform unavailable (HTTP 503)");
        }
        String id = "m" + (shown.size() + 1);
        shown.put(id, reply.plainText());
        log.add("say " + id + " " + reply.plainText());
        return new MessageRef(to, id);
    }

    @Override
    public synchronized MessageRef edit(MessageRef message, Reply reply) {
        attempts++;
        if (down) {
            throw new AdapterException("platform unavailable (HTTP 503)");
        }
        if (!shown.containsKey(message.messageId())) {
            throw new AdapterException("no message " + message.messageId());
        }
        shown.put(message.messageId(), reply.plainText());
        log.add("edit " + message.messageId() + " " + reply.plainText());
        return message;
    }

    @Override
    public Capabilities capabilities(String platform) {
        return new Capabilities(true, true, true, false, 4000, true);
    }
}
