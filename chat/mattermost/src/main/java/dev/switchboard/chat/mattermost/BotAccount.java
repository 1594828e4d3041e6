package dev.switchboard.chat.mattermost;

import java.util.Objects;

/** The bot's own Mattermost account, as {@code GET /api/v4/users/me} reports it. */
public record BotAccount(String id, String username) {
    public BotAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
    }
}
