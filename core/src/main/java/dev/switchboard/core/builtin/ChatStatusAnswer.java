package dev.switchboard.core.builtin;

import dev.switchboard.api.chat.AdapterHealth;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.core.identity.UserDirectory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The answer of {@code chat status}: each chat platform's connection state, since when, and its last error
 * (redacted, one line, capped), for admins only (members of {@code admins.groups}); anyone else is told who may.
 * Policy must still allow the command ({@code allow: ["chat.status"]}): this answer narrows it to admins. Reads the
 * platforms' health on every call; thread-safe.
 */
final class ChatStatusAnswer {
    private static final int MAX_ERROR_CHARS = 200;

    private final Supplier<Map<String, AdapterHealth>> health;
    private final Supplier<UserDirectory> directory;
    private final UnaryOperator<String> redact;
    private final Clock clock;

    ChatStatusAnswer(Supplier<Map<String, AdapterHealth>> health, Supplier<UserDirectory> directory,
            UnaryOperator<String> redact, Clock clock) {
        this.health = health;
        this.directory = directory;
        this.redact = redact;
        this.clock = clock;
    }

    Reply answer(Principal caller) {
        UserDirectory users = directory.get();
        if (!users.isAdmin(caller)) {
            return Reply.text("Only admins may see the chat platforms' status ("
                    + (users.adminGroups().isEmpty() ? "no admin groups are configured under admins.groups"
                            : "members of " + String.join(", ", users.adminGroups().stream().sorted().toList()))
                    + ").");
        }
        Map<String, AdapterHealth> platforms = health.get();
        if (platforms.isEmpty()) {
            return Reply.text("No chat platforms are reported to me.");
        }
        List<List<String>> rows = new ArrayList<>();
        platforms.forEach((platform, h) -> rows.add(List.of(platform, h.state().name().toLowerCase(Locale.ROOT),
                since(h), error(h.lastError()))));
        return Reply.builder().table(List.of("platform", "state", "since", "last error"), rows).build();
    }

    private String since(AdapterHealth h) {
        if (h.since() == null) {
            return "-";
        }
        Duration ago = Duration.between(h.since(), clock.instant());
        return Times.format(h.since()) + (ago.isNegative() ? "" : " (" + Times.format(ago) + " ago)");
    }

    private String error(String lastError) {
        if (lastError == null || lastError.isBlank()) {
            return "-";
        }
        String error = redact.apply(lastError).replaceAll("\\s+", " ").strip();
        return error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS) + "…" : error;
    }
}
