package dev.switchboard.core.policy.rules;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.core.policy.condition.Condition;
import java.util.List;
import java.util.Locale;

/**
 * A checked rule. {@code when} is null when the rule has none; {@code audience} is never empty (no {@code to}
 * means everyone). {@link #text()} is how decisions name it: {@code policy.yaml:3:5 allow deploy.* to group:sre}.
 */
record Rule(RuleSpec.Kind kind, List<String> commands, List<Audience> audience, Condition when,
        List<String> channels, String source) {

    String text() {
        return switch (kind) {
            case ALLOW -> source + " allow " + String.join(", ", commands)
                    + (audience.equals(List.of(new Audience.Everyone())) ? "" : " to " + join(audience))
                    + (when == null ? "" : " when " + when);
            case RESTRICT -> source + " restrict " + String.join(", ", commands) + " to "
                    + String.join(", ", channels);
        };
    }

    boolean covers(String commandId) {
        return commands.stream().anyMatch(pattern -> commandMatches(pattern, commandId));
    }

    boolean permitsChannel(ConversationRef conversation) {
        String where = (conversation.platform() + ":" + conversation.id()).toLowerCase(Locale.ROOT);
        return channels.stream().map(c -> c.toLowerCase(Locale.ROOT)).anyMatch(c -> c.endsWith("*")
                ? where.startsWith(c.substring(0, c.length() - 1)) : where.equals(c));
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

    private static String join(List<Audience> audience) {
        return String.join(", ", audience.stream().map(Audience::toString).toList());
    }
}
