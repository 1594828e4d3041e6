package dev.switchboard.chat.irc;

import java.util.Locale;

/**
 * Decides whether a line is addressed to the bot and strips the address once: a channel line counts when it
 * starts with the command prefix ({@code !deploy web}) or with the bot's nick and a colon or comma
 * ({@code switchboard: deploy web}); a private line always counts and loses a prefix or mention if it has one.
 * Nick comparison ignores ASCII case, as IRC does. Immutable and thread-safe.
 */
record Addressing(String prefix, boolean mentions) {

    /** The command text of a channel line, or null when the line is not addressed to {@code nick}. */
    String inChannel(String line, String nick) {
        if (!prefix.isEmpty() && line.startsWith(prefix)) {
            return line.substring(prefix.length()).strip();
        }
        if (mentions && line.length() > nick.length()
                && line.substring(0, nick.length()).toLowerCase(Locale.ROOT).equals(nick.toLowerCase(Locale.ROOT))) {
            char after = line.charAt(nick.length());
            if (after == ':' || after == ',') {
                return line.substring(nick.length() + 1).strip();
            }
        }
        return null;
    }

    /** The command text of a private line: the line itself, without a prefix or mention if it has one. */
    String inPrivate(String line, String nick) {
        String stripped = inChannel(line, nick);
        return stripped == null ? line.strip() : stripped;
    }
}
