package dev.switchboard.chat.irc;

import dev.switchboard.api.reply.Block;
import dev.switchboard.api.reply.Button;
import dev.switchboard.api.reply.PlainText;
import dev.switchboard.api.reply.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Reply} as IRC lines: plain text, buttons as numbered commands to type
 * ({@code 1) approve 7f3a: type "approve 7f3a"}), every line at most {@code maxLineBytes} UTF-8 bytes, split at
 * spaces where possible and never inside a character. Control characters IRC cannot carry (CR, LF, NUL) never
 * reach a line; blank lines are dropped because IRC cannot send an empty message. Stateless and thread-safe.
 */
final class IrcText {
    private IrcText() {}

    static List<String> lines(Reply reply, int maxLineBytes) {
        List<String> lines = new ArrayList<>();
        for (Block block : reply.blocks()) {
            String text = switch (block) {
                case Block.Buttons b -> buttons(b);
                case Block.Text t -> t.text();
                case Block.Code c -> c.text();
                case Block.Fields f -> PlainText.render(new Reply(List.of(f)));
                case Block.Table t -> PlainText.render(new Reply(List.of(t)));
                case Block.File f -> PlainText.render(new Reply(List.of(f)));
            };
            for (String line : text.split("\r\n|\r|\n", -1)) {
                String clean = line.replace('\t', ' ').replaceAll("[\\x00-\\x1f\\x7f]", "").stripTrailing();
                if (!clean.isBlank()) {
                    lines.addAll(split(clean, maxLineBytes));
                }
            }
        }
        return lines;
    }

    private static String buttons(Block.Buttons buttons) {
        List<String> options = new ArrayList<>();
        int n = 1;
        for (Button b : buttons.buttons()) {
            options.add(n++ + ") " + b.label() + ": type \"" + b.command() + "\"");
        }
        return String.join("\n", options);
    }

    /** Splits one line into pieces of at most {@code maxBytes} UTF-8 bytes, preferring to break at a space. */
    static List<String> split(String line, int maxBytes) {
        List<String> pieces = new ArrayList<>();
        String rest = line;
        while (utf8Length(rest) > maxBytes) {
            int fit = fittingChars(rest, maxBytes);
            int space = rest.lastIndexOf(' ', fit);
            int cut = space > 0 ? space : fit;
            pieces.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }

    /** How many chars of {@code text} fit in {@code maxBytes}, never ending between a surrogate pair (at least one char). */
    private static int fittingChars(String text, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            i += Character.charCount(cp);
        }
        return i == 0 ? Character.charCount(text.codePointAt(0)) : i;
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
