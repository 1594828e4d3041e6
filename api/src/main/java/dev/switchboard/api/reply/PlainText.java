package dev.switchboard.api.reply;

import java.util.ArrayList;
import java.util.List;

/**
 * The reference rendering of a {@link Reply} as plain text, for platforms that show only text (IRC, the terminal
 * shell) and for logs and tests. Buttons become numbered commands the user can type instead.
 */
public final class PlainText {
    private PlainText() {}

    public static String render(Reply reply) {
        List<String> parts = new ArrayList<>();
        for (Block block : reply.blocks()) {
            parts.add(switch (block) {
                case Block.Text t -> t.text();
                case Block.Code c -> c.text();
                case Block.Fields f -> fields(f);
                case Block.Table t -> table(t);
                case Block.Buttons b -> buttons(b);
                case Block.File f -> f.name() + ":\n" + f.content();
            });
        }
        return String.join("\n", parts);
    }

    private static String fields(Block.Fields fields) {
        List<String> lines = new ArrayList<>();
        for (Block.Field f : fields.fields()) {
            lines.add(f.label() + ": " + f.value());
        }
        return String.join("\n", lines);
    }

    private static String table(Block.Table table) {
        int[] widths = new int[table.headers().size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = table.headers().get(i).length();
            for (List<String> row : table.rows()) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(row(table.headers(), widths));
        for (List<String> row : table.rows()) {
            lines.add(row(row, widths));
        }
        return String.join("\n", lines);
    }

    private static String row(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            String cell = cells.get(i);
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cell.length()));
            }
        }
        return line.toString();
    }

    private static String buttons(Block.Buttons buttons) {
        List<String> options = new ArrayList<>();
        int n = 1;
        for (Button b : buttons.buttons()) {
            options.add("[" + n++ + "] " + b.label() + ": type \"" + b.command() + "\"");
        }
        return String.join("\n", options);
    }
}
