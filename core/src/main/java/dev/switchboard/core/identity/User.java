package dev.switchboard.core.identity;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A configured Switchboard user: an id, the platform accounts that are this person ({@code slack:T01/U123},
 * {@code web:alice}) and the groups they belong to. Immutable.
 */
public record User(String id, List<String> accounts, Set<String> groups) {
    public User {
        Objects.requireNonNull(id, "id");
        accounts = List.copyOf(accounts);
        groups = Set.copyOf(groups);
    }
}
