package dev.switchboard.chat.web;

import dev.switchboard.api.reply.Block;
import dev.switchboard.api.reply.Button;
import dev.switchboard.api.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a reply into messages of at most {@code max} characters of content, keeping block order. A text or code
 * block longer than that is cut into several blocks of the same kind; a fields, table or buttons block that alone
 * is too long is shown as its plain text, cut the same way; a file stays whole. Nothing is dropped.
 */
final class ReplyParts {
    private ReplyParts() {}

    /** Always returns at least one reply (an empty reply stays one empty message). */
    static List<Reply> split(Reply reply, int max) {
        List<Reply> parts = new ArrayList<>();
        List<Block> current = new ArrayList<>();
        int size = 0;
        for (Block block : reply.blocks()) {
            for (Block piece : pieces(block, max)) {
                int pieceSize = size(piece);
                if (!current.isEmpty() && size + pieceSize > max) {
                    parts.add(new Reply(current));
                    current = new ArrayList<>();
                    size = 0;
                }
                current.add(piece);
                size += pieceSize;
            }
        }
        parts.add(new Reply(current));
        return parts;
    }

    private static List<Block> pieces(Block block, int max) {
        // A file is downloaded whole, so it is never cut; it may make its message longer than max.
        if (size(block) <= max || block instanceof Block.File) {
            return List.of(block);
        }
        return switch (block) {
            case Block.Text t -> chunks(t.text(), max).stream().<Block>map(Block.Text::new).toList();
            case Block.Code c -> chunks(c.text(), max).stream().<Block>map(Block.Code::new).toList();
            case Block.Fields f -> asCode(block, max);
            case Block.Table t -> asCode(block, max);
            case Block.Buttons b -> asCode(block, max);
            case Block.File f -> List.of(f);
        };
    }

    private static List<Block> asCode(Block block, int max) {
        String plain = new Reply(List.of(block)).plainText();
        return chunks(plain, max).stream().<Block>map(Block.Code::new).toList();
    }

    private static List<String> chunks(String text, int max) {
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + max);
            // never cut a surrogate pair in half
            if (end < text.length() && end - 1 > start && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            chunks.add(text.substring(start, end));
            start = end;
        }
        return chunks;
    }

    static int size(Block block) {
        return switch (block) {
            case Block.Text t -> t.text().length();
            case Block.Code c -> c.text().length();
            case Block.Fields f -> f.fields().stream().mapToInt(x -> x.label().length() + x.value().length() + 2).sum();
            case Block.Table t -> t.headers().stream().mapToInt(String::length).sum()
                    + t.rows().stream().flatMap(List::stream).mapToInt(s -> s.length() + 2).sum();
            case Block.Buttons b -> b.buttons().stream().mapToInt(ReplyParts::size).sum();
            case Block.File f -> f.name().length() + 1 + f.content().length();
        };
    }

    private static int size(Button button) {
        return button.label().length() + button.command().length();
    }
}
