package dev.switchboard.chat.xmpp;

import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a line said in a room is addressed to the bot, and strips the address once. A line is addressed
 * when it starts with the command prefix ({@code !status}) or, with mentions on, names the bot's room nick first
 * ({@code switchboard: status}, {@code switchboard, status}, {@code @switchboard status}; the nick is matched
 * case-insensitively). Direct messages are always addressed; a prefix there is stripped too, out of habit.
 * Immutable and thread-safe.
 *
 * @param prefix the command prefix, or null for none
 * @param nick the bot's room nick
 * @param mentions whether mentions address the bot
 */
record Addressing(String prefix, String nick, boolean mentions) {

    static Addressing of(XmppSettings settings) {
        return new Addressing(settings.commandPrefix(), settings.roomNick(), settings.answerMentions());
    }

    /** The command in a room line without its address, or empty when the line is not addressed to the bot. */
    Optional<String> inRoom(String line) {
        String text = line.strip();
        if (prefix != null && text.startsWith(prefix)) {
            return Optional.of(text.substring(prefix.length()).strip());
        }
        if (!mentions) {
            return Optional.empty();
        }
        String rest = text.startsWith("@") ? afterNick(text.substring(1), true) : afterNick(text, false);
        return Optional.ofNullable(rest);
    }

    /** The command in a direct message: the whole line, without a leading prefix if it has one. */
    String direct(String line) {
        String text = line.strip();
        return prefix != null && text.startsWith(prefix) ? text.substring(prefix.length()).strip() : text;
    }

    /** What follows the nick at the start of {@code text}, or null if the nick is not there as a whole word. */
    private String afterNick(String text, boolean atSign) {
        if (text.length() < nick.length()
                || !text.substring(0, nick.length()).toLowerCase(Locale.ROOT).equals(nick.toLowerCase(Locale.ROOT))) {
            return null;
        }
        String rest = text.substring(nick.length());
        if (rest.startsWith(":") || rest.startsWith(",")) {
            return rest.substring(1).strip();
        }
        // "@nick status" needs no punctuation; a bare "nick status" would catch ordinary talk about the bot.
        if (atSign && (rest.isEmpty() || Character.isWhitespace(rest.charAt(0)))) {
            return rest.strip();
        }
        return null;
    }
}
