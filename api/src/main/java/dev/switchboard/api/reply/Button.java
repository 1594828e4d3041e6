package dev.switchboard.api.reply;

import java.util.Objects;

/**
 * A clickable button. A click is exactly the same as the clicking user typing {@code command}: it goes through
 * the whole pipeline, so it is authorised and audited as that user.
 */
public record Button(String label, String command, Style style) {
    /** How prominent the button is; platforms without styles ignore it. */
    public enum Style { DEFAULT, PRIMARY, DANGER }

    public Button {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(command, "command");
        style = style == null ? Style.DEFAULT : style;
    }

    public static Button of(String label, String command) {
        return new Button(label, command, Style.DEFAULT);
    }
}
