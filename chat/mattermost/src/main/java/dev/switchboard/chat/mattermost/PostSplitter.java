package dev.switchboard.chat.mattermost;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a Markdown message that is longer than a post may be into posts of at most {@code max} characters, in
 * order. It cuts after a line break when there is one in the second half of the window, else at a space, else
 * anywhere but inside a surrogate pair. A code block cut in two is closed at the end of one post and opened again
 * at the start of the next, so both halves still show as code. Stateless.
 */
final class PostSplitter {
    private PostSplitter() {}

    static List<String> split(String message, int max) {
        if (message.length() <= max) {
            return List.of(message);
        }
        int longestFence = longestFenceIn(message);
        // Room for "\n" + fence to close a block in this part; given up if a freak fence would eat the post.
        int fenceReserve = longestFence == 0 || 4 * (longestFence + 1) > max ? 0 : longestFence + 1;
        List<String> parts = new ArrayList<>();
        String rest = message;
        String carried = null;
        while (!rest.isEmpty()) {
            String prefix = carried == null ? "" : carried + "\n";
            if (prefix.length() + rest.length() <= max) {
                parts.add(prefix + rest);
                break;
            }
            int budget = max - prefix.length() - fenceReserve;
            int cut = cutPoint(rest, budget);
            String part = prefix + rest.substring(0, cut);
            rest = rest.substring(cut);
            if (rest.startsWith("\n") || rest.startsWith(" ")) {
                rest = rest.substring(1);
            }
            carried = fenceReserve == 0 ? null : openFenceAtEnd(part);
            parts.add(carried == null ? part : part + "\n" + carried);
        }
        return parts;
    }

    private static int cutPoint(String text, int budget) {
        int newline = text.lastIndexOf('\n', budget);
        if (newline > budget / 2) {
            return newline;
        }
        int space = text.lastIndexOf(' ', budget);
        if (space > budget / 2) {
            return space;
        }
        return Character.isHighSurrogate(text.charAt(budget - 1)) ? budget - 1 : budget;
    }

    /** The fence of a code block still open at the end of {@code text}, or null. */
    static String openFenceAtEnd(String text) {
        String open = null;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            int ticks = leadingBackticks(trimmed);
            if (ticks < 3) {
                continue;
            }
            if (open == null) {
                open = "`".repeat(ticks);
            } else if (ticks >= open.length() && trimmed.length() == ticks) {
                open = null;
            }
        }
        return open;
    }

    private static int longestFenceIn(String text) {
        int longest = 0;
        for (String line : text.split("\n", -1)) {
            int ticks = leadingBackticks(line.strip());
            if (ticks >= 3) {
                longest = Math.max(longest, ticks);
            }
        }
        return longest;
    }

    private static int leadingBackticks(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == '`') {
            n++;
        }
        return n;
    }
}
