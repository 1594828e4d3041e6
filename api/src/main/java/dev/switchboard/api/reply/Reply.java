package dev.switchboard.api.reply;

import java.util.ArrayList;
import java.util.List;

/**
 * A platform-neutral message: an ordered list of blocks. Immutable; build one with {@link #text} or
 * {@link #builder()}.
 */
public record Reply(List<Block> blocks) {
    public Reply {
        blocks = List.copyOf(blocks);
    }

    public static Reply text(String text) {
        return new Reply(List.of(new Block.Text(text)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The reply as plain text, buttons as numbered commands; what a text-only platform shows. */
    public String plainText() {
        return PlainText.render(this);
    }

    /** Assembles a reply block by block. */
    public static final class Builder {
        private final List<Block> blocks = new ArrayList<>();

        public Builder text(String text) {
            blocks.add(new Block.Text(text));
            return this;
        }

        public Builder code(String text) {
            blocks.add(new Block.Code(text));
            return this;
        }

        public Builder fields(List<Block.Field> fields) {
            blocks.add(new Block.Fields(fields));
            return this;
        }

        public Builder field(String label, String value) {
            if (!blocks.isEmpty() && blocks.getLast() instanceof Block.Fields(List<Block.Field> existing)) {
                List<Block.Field> more = new ArrayList<>(existing);
                more.add(new Block.Field(label, value));
                blocks.set(blocks.size() - 1, new Block.Fields(more));
            } else {
                blocks.add(new Block.Fields(List.of(new Block.Field(label, value))));
            }
            return this;
        }

        public Builder table(List<String> headers, List<List<String>> rows) {
            blocks.add(new Block.Table(headers, rows));
            return this;
        }

        public Builder buttons(Button... buttons) {
            blocks.add(new Block.Buttons(List.of(buttons)));
            return this;
        }

        public Builder add(Block block) {
            blocks.add(block);
            return this;
        }

        public Reply build() {
            return new Reply(blocks);
        }
    }
}
