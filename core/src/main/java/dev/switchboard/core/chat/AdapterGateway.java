package dev.switchboard.core.chat;

import dev.switchboard.api.chat.Capabilities;
import dev.switchboard.api.chat.ChatAdapter;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.chat.RoomCreator;
import dev.switchboard.api.reply.Reply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ChatGateway} over the registered adapters, one per platform, chosen by the conversation's platform.
 * Thread-safe; adapters may be registered while messages flow. A conversation on a platform without an adapter
 * fails with an {@link UnknownPlatformException} naming the platform.
 */
public final class AdapterGateway implements ChatGateway {
    private final Map<String, ChatAdapter> adapters = new ConcurrentHashMap<>();

    public AdapterGateway() {}

    public AdapterGateway(List<? extends ChatAdapter> adapters) {
        adapters.forEach(this::register);
    }

    /** Adds an adapter; a second adapter for the same platform is a wiring error. */
    public AdapterGateway register(ChatAdapter adapter) {
        ChatAdapter previous = adapters.putIfAbsent(adapter.platform(), adapter);
        if (previous != null && previous != adapter) {
            throw new IllegalArgumentException("an adapter for platform " + adapter.platform() + " is already registered");
        }
        return this;
    }

    @Override
    public MessageRef say(ConversationRef to, Reply reply) {
        return adapter(to.platform()).send(to, reply);
    }

    @Override
    public MessageRef edit(MessageRef message, Reply reply) {
        return adapter(message.conversation().platform()).edit(message, reply);
    }

    @Override
    public Capabilities capabilities(String platform) {
        return adapter(platform).capabilities();
    }

    /** The adapter's {@link ChatAdapter#rooms()}; empty when no adapter is registered for the platform. */
    @Override
    public Optional<RoomCreator> rooms(String platform) {
        ChatAdapter adapter = adapters.get(platform);
        return adapter == null ? Optional.empty() : adapter.rooms();
    }

    private ChatAdapter adapter(String platform) {
        ChatAdapter adapter = adapters.get(platform);
        if (adapter == null) {
            throw new UnknownPlatformException("no chat adapter is enabled for platform " + platform
                    + " (enabled: " + String.join(", ", adapters.keySet().stream().sorted().toList()) + ")");
        }
        return adapter;
    }
}
