package dev.switchboard.core.identity;

import dev.switchboard.api.identity.Principal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The configured users by id, and the groups whose members administer Switchboard ({@code admins.groups}): what a
 * built-in needs to answer for another user ({@code explain --user bob ...}). Immutable and thread-safe; a config
 * reload builds a new one.
 */
public record UserDirectory(List<User> users, Set<String> adminGroups) {
    /** No users and no admins: nobody may act for anyone else. */
    public static final UserDirectory EMPTY = new UserDirectory(List.of(), Set.of());

    public UserDirectory {
        users = List.copyOf(users);
        adminGroups = Set.copyOf(adminGroups);
    }

    /**
     * The user {@code id} as policy would see them asking from a verified account of theirs, or empty if no user
     * has that id.
     */
    public Optional<Principal> principal(String id) {
        return users.stream().filter(u -> u.id().equals(Objects.requireNonNull(id, "id"))).findFirst()
                .map(u -> new Principal(u.id(), u.groups(), true, true));
    }

    /** Whether {@code principal} is a known user in one of the admin groups. */
    public boolean isAdmin(Principal principal) {
        return principal.known() && adminGroups.stream().anyMatch(principal::inGroup);
    }

    /** Every user id, sorted. */
    public List<String> ids() {
        return users.stream().map(User::id).sorted().toList();
    }
}
