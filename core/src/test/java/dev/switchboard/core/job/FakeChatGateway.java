package dev.switchboard.core.job;

import dev.switchboard.api.AdapterException;
import dev.switchboard.api.chat.Capabilities;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.core.chat.ChatGateway;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A chat gateway that records what was said and edited. Edits can be made to fail a number of times. */
final class FakeChatGateway implements ChatGateway {
    record Said(ConversationRef to, Reply reply) {
        String text() {
            return reply.plainText();
        }
    }

    record Edit(MessageRef message, Reply reply, long atNanos) {
        String text() {
            return reply.plainText();
        }
    }

    private final List<Said> said = new CopyOnWriteArrayList<>();
    private final List<Edit> edits = new CopyOnWriteArrayList<>();
    private final AtomicInteger failEdits = new AtomicInteger();
    private final AtomicInteger messageIds = new AtomicInteger(100);
    private volatile boolean editsSupported = true;

    void editsSupported(boolean supported) {
        editsSupported = supported;
    }

    void failNextEdits(int count) {
        failEdits.set(count);
    }

    @Override
    public MessageRef say(ConversationRef to, Reply reply) {
        said.add(new Said(to, reply));
        return new MessageRef(to, "m" + messageIds.incrementAndGet());
    }

    @Override
    public MessageRef edit(MessageRef message, Reply reply) {
        if (failEdits.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new AdapterException("platform said 503");
        }
        edits.add(new Edit(message, reply, System.nanoTime()));
        return message;
    }

    @Override
    public Capabilities capabilities(String platform) {
        return new Capabilities(true, editsSupported, editsSupported, false, 4000, true);
    }

    List<Said> said() {
        return List.copyOf(said);
    }

    List<String> saidTexts() {
        return said.stream().map(Said::text).toList();
    }

    List<Edit> edits() {
        return List.copyOf(edits);
    }
}
