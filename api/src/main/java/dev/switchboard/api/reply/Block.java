package dev.switchboard.api.reply;

import java.util.List;
import java.util.Objects;

/** One part of a {@link Reply}. Text is plain: renderers escape it for their platform. */
public sealed interface Block {

    /** A paragraph of plain text. */
    record Text(String text) implements Block {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Preformatted output, shown in a monospace box. */
    record Code(String text) implements Block {
        public Code {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Label/value pairs, such as a job's status and timing. */
    record Fields(List<Field> fields) implements Block {
        public Fields {
            fields = List.copyOf(fields);
        }
    }

    /** A label and its value. */
    record Field(String label, String value) {
        public Field {
            Objects.requireNonNull(label, "label");
            value = value == null ? "" : value;
        }
    }

    /** A table with a header row; every row has as many cells as there are headers. */
    record Table(List<String> headers, List<List<String>> rows) implements Block {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != headers.size()) {
                    throw new IllegalArgumentException("row " + row + " has " + row.size() + " cells, expected "
                            + headers.size());
                }
            }
        }
    }

    /** Buttons; each click arrives as the button's command, typed by the user who clicked. */
    record Buttons(List<Button> buttons) implements Block {
        public Buttons {
            buttons = List.copyOf(buttons);
        }
    }

    /**
     * A document attached as a file where the platform takes files ({@link
     * dev.switchboard.api.chat.Capabilities#files()}: Slack, Mattermost), such as an incident's postmortem; other
     * platforms show its name and its text inline, like {@link Code}.
     *
     * @param name the file name shown and offered for download, such as {@code INC-3-postmortem.md}
     * @param mediaType its media type, such as {@code text/markdown}
     * @param content the file's text
     */
    record File(String name, String mediaType, String content) implements Block {
        public File {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(content, "content");
            if (name.isBlank()) {
                throw new IllegalArgumentException("a file needs a name");
            }
        }
    }
}
