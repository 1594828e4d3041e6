package dev.switchboard.core.policy.rules;

import dev.switchboard.api.chat.ConversationRef;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A checked rule, one record per kind. {@link #text()} is how decisions and explanations name it:
 * {@code policy.yaml:3:5 allow deploy.* to group:sre}.
 */
sealed interface Rule {
    List<String> commands();

    String source();

    String text();

    default boolean covers(String commandId) {
        return commands().stream().anyMatch(pattern -> commandMatches(pattern, commandId));
    }

    /** Lets its scope run its commands. */
    record Allow(List<String> commands, Scope scope, String source) implements Rule {
        public String text() {
            return source + " allow " + String.join(", ", commands) + scope.text();
        }
    }

    /** Confines its commands, for everyone, to its channels (when any) and to verified accounts (when set). */
    record Restrict(List<String> commands, List<String> channels, boolean verified, String source) implements Rule {
        public String text() {
            return source + " restrict " + String.join(", ", commands)
                    + (channels.isEmpty() ? "" : " to " + String.join(", ", channels))
                    + (verified ? " verified" : "");
        }

        boolean permitsChannel(ConversationRef conversation) {
            String where = (conversation.platform() + ":" + conversation.id()).toLowerCase(Locale.ROOT);
            return channels.isEmpty() || channels.stream().map(c -> c.toLowerCase(Locale.ROOT))
                    .anyMatch(c -> c.endsWith("*") ? where.startsWith(c.substring(0, c.length() - 1)) : where.equals(c));
        }
    }

    /** Makes its commands wait for {@code count} approvals by {@code by} within {@code ttl}. */
    record Approve(List<String> commands, Scope scope, List<Audience> by, int count, Duration ttl,
            List<String> announce, String source) implements Rule {
        public String text() {
            return source + " approve " + String.join(", ", commands) + scope.text() + " by "
                    + String.join(", ", by.stream().map(Audience::toString).toList());
        }
    }

    /** Makes the requester confirm its commands. */
    record Confirm(List<String> commands, Scope scope, String source) implements Rule {
        public String text() {
            return source + " confirm " + String.join(", ", commands) + scope.text();
        }
    }

    /** At most {@code count} runs of its commands per {@code per} for each user. */
    record Limit(List<String> commands, Scope scope, int count, Duration per, String rate, String source)
            implements Rule {
        public String text() {
            return source + " limit " + String.join(", ", commands) + scope.text() + " rate " + rate;
        }
    }

    static boolean commandMatches(String pattern, String commandId) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith(".*")) {
            return commandId.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(commandId);
    }
}
