package dev.switchboard.api.identity;

import java.util.Objects;
import java.util.Set;

/**
 * The internal user behind a platform account, as policy sees them.
 *
 * @param id the configured user id ({@code alice}), or {@code guest:<platform account>} for unknown users
 * @param groups the groups the user belongs to, never null
 * @param known false for an unknown platform account, which gets only the configured guest rights
 * @param verified whether the platform authenticated the account this principal was resolved from
 */
public record Principal(String id, Set<String> groups, boolean known, boolean verified) {
    public Principal {
        Objects.requireNonNull(id, "id");
        groups = Set.copyOf(groups);
    }

    /** The principal of an unknown platform account: no groups, guest rights only. */
    public static Principal guest(String platformAccount, boolean verified) {
        return new Principal("guest:" + platformAccount, Set.of(), false, verified);
    }

    public boolean inGroup(String group) {
        return groups.contains(group);
    }
}
