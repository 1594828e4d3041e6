package dev.switchboard.api.chat;

import java.util.Objects;

/**
 * A user as the platform knows them. {@code id} is the platform's stable user id ({@code "T01/U123"} on Slack, the
 * login name on the web chat) and is the only thing identity is ever based on; {@code displayName} is for showing
 * and may be anything the user typed. {@code verified} says whether the platform authenticated this id (Slack: yes;
 * IRC without services: no).
 */
public record PlatformUser(String platform, String id, String displayName, boolean verified) {
    public PlatformUser {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(id, "id");
        displayName = displayName == null ? id : displayName;
    }

    /** The account key used in config: {@code platform:id}, e.g. {@code web:alice}. */
    public String key() {
        return platform + ":" + id;
    }

    @Override
    public String toString() {
        return key();
    }
}
