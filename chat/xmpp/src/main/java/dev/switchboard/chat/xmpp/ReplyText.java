package dev.switchboard.chat.xmpp;

import dev.switchboard.api.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Reply} as the plain-text message bodies XMPP shows: {@link Reply#plainText()} (buttons become numbered
 * commands to type), split into parts of at most {@code max} characters. Splits fall on the last line break in a
 * part, else the last space, else anywhere but inside a surrogate pair; nothing but the break itself is dropped.
 */
final class ReplyText {
    private ReplyText() {}

    static List<String> parts(Reply reply, int max) {
        return split(reply.plainText(), max);
    }

    static List<String> split(String text, int max) {
        if (max < 2) {
            throw new IllegalArgumentException("max must be at least 2 characters, got " + max);
        }
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            int skip = 1;
            if (cut <= 0) {
                cut = rest.lastIndexOf(' ', max);
            }
            if (cut <= 0) {
                cut = Character.isHighSurrogate(rest.charAt(max - 1)) ? max - 1 : max;
                skip = 0;
            }
            parts.add(rest.substring(0, cut));
            rest = rest.substring(cut + skip);
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return List.copyOf(parts);
    }
}
