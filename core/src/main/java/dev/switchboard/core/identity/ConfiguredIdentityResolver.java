package dev.switchboard.core.identity;

import dev.switchboard.api.chat.PlatformUser;
import dev.switchboard.api.identity.IdentityResolver;
import dev.switchboard.api.identity.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves platform accounts against the configured users: a <em>verified</em> account listed under a user becomes
 * that user's principal ({@code known}, with the user's groups); any other account becomes {@link Principal#guest}.
 * An account the platform does not vouch for (a plain IRC nick, which anyone can take) is never a known user, even if
 * it is listed: otherwise whoever grabs the nick would get the user's rights (DESIGN.md §6). Immutable and
 * thread-safe; a config reload builds a new one.
 */
public final class ConfiguredIdentityResolver implements IdentityResolver {
    private final Map<String, User> byAccount;

    /** @throws IllegalArgumentException if one account is listed under two users */
    public ConfiguredIdentityResolver(List<User> users) {
        Map<String, User> map = new HashMap<>();
        for (User user : users) {
            for (String account : user.accounts()) {
                User previous = map.putIfAbsent(account, user);
                if (previous != null && !previous.id().equals(user.id())) {
                    throw new IllegalArgumentException("account " + account + " is listed under both user "
                            + previous.id() + " and user " + user.id() + "; an account can belong to one user only");
                }
            }
        }
        this.byAccount = Map.copyOf(map);
    }

    @Override
    public Principal resolve(PlatformUser account) {
        User user = byAccount.get(account.key());
        if (user == null || !account.verified()) {
            return Principal.guest(account.key(), account.verified());
        }
        return new Principal(user.id(), user.groups(), true, account.verified());
    }
}
