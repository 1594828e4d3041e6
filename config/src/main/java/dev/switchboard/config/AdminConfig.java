package dev.switchboard.config;

import dev.switchboard.api.chat.ConversationRef;
import java.util.List;

/**
 * Who administers Switchboard: members of {@code groups}, and the {@code conversations} where config-reload errors
 * and other admin notices are said. Both empty by default.
 */
public record AdminConfig(List<String> groups, List<ConversationRef> conversations) {
    public static final AdminConfig DEFAULT = new AdminConfig(List.of(), List.of());

    public AdminConfig {
        groups = List.copyOf(groups);
        conversations = List.copyOf(conversations);
    }
}
