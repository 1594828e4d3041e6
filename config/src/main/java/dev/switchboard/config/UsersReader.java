package dev.switchboard.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code users:}. Ids are unique; each account is {@code platform:id} on a known platform and belongs to
 * one user only, since an account resolves to exactly one person.
 */
final class UsersReader {
    private static final List<String> KEYS = List.of("id", "accounts", "groups", "password");

    private final Map<String, Mark> ids = new HashMap<>();
    private final Map<String, String> accountOwners = new HashMap<>();
    private final Map<String, Mark> accountMarks = new HashMap<>();

    List<UserConfig> read(Optional<Cursor> section) {
        List<UserConfig> users = new ArrayList<>();
        if (section.isEmpty() || section.get().isNull()) {
            return users;
        }
        for (Cursor item : section.get().items("a list of users, like - { id: alice, accounts: [\"web:alice\"] }")
                .orElse(List.of())) {
            item.fields(KEYS).flatMap(this::user).ifPresent(users::add);
        }
        return users;
    }

    private Optional<UserConfig> user(Fields f) {
        Optional<String> id = f.required("id", "the user's id, like alice").flatMap(c -> c.string().filter(text -> {
            if (text.isBlank() || text.chars().anyMatch(Character::isWhitespace)) {
                c.error("expected a user id without spaces, like alice, got " + c.shown());
                return false;
            }
            Mark first = ids.putIfAbsent(text, c.mark());
            if (first != null) {
                c.error("duplicate user id " + c.shown() + " (first at " + first + ")");
            }
            return first == null;
        }));
        List<String> accounts = new ArrayList<>();
        f.get("accounts").ifPresent(c -> c.strings(false).ifPresent(texts -> {
            List<Cursor> items = c.items("a list of accounts").orElseThrow();
            for (int i = 0; i < texts.size(); i++) {
                if (account(items.get(i), texts.get(i), id.orElse("?"))) {
                    accounts.add(texts.get(i));
                }
            }
        }));
        List<String> groups = f.get("groups").flatMap(c -> c.strings(false)).orElse(List.of());
        String password = f.get("password").flatMap(Cursor::string).orElse(null);
        return id.map(userId -> new UserConfig(userId, accounts, groups, password));
    }

    private boolean account(Cursor item, String text, String userId) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            item.error("expected platform:id, like web:alice or slack:T01/U123, got " + item.shown());
            return false;
        }
        String platform = text.substring(0, colon);
        if (!ChatConfig.PLATFORMS.contains(platform)) {
            item.error("unknown platform '" + platform + "'; expected one of "
                    + String.join(", ", ChatConfig.PLATFORMS) + Spelling.hint(platform, ChatConfig.PLATFORMS));
            return false;
        }
        String owner = accountOwners.putIfAbsent(text, userId);
        if (owner != null) {
            item.error("account " + item.shown() + " already belongs to user " + owner + " (at "
                    + accountMarks.get(text) + ")");
            return false;
        }
        accountMarks.put(text, item.mark());
        return true;
    }
}
