package dev.switchboard.config;

import java.util.List;
import java.util.Objects;

/**
 * A person: their internal id, the platform accounts that are them ({@code slack:T01/U123}, {@code web:alice}),
 * their groups, and optionally the web chat password (null when they have none). {@link #toString()} hides it.
 */
public record UserConfig(String id, List<String> accounts, List<String> groups, String password) {
    public UserConfig {
        Objects.requireNonNull(id, "id");
        accounts = List.copyOf(accounts);
        groups = List.copyOf(groups);
    }

    @Override
    public String toString() {
        return "UserConfig[id=" + id + ", accounts=" + accounts + ", groups=" + groups + ", password="
                + (password == null ? null : "***") + "]";
    }
}
