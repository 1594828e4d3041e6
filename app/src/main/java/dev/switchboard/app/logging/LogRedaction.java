package dev.switchboard.app.logging;

import dev.switchboard.core.redact.Redactor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The redactors every log line passes through. Process-wide because logback creates its converters itself: each
 * running server {@linkplain #add adds} its redactor (configured secret values and patterns) and removes it when it
 * stops; the built-in patterns always apply, also before any server started and in the command-line tools.
 * Thread-safe.
 */
public final class LogRedaction {
    private static final Redactor BUILT_IN = Redactor.none();
    private static final List<Redactor> ACTIVE = new CopyOnWriteArrayList<>();

    private LogRedaction() {}

    /** Masks what {@code redactor} masks in every log line from now on, until the returned handle is closed. */
    public static AutoCloseable add(Redactor redactor) {
        ACTIVE.add(redactor);
        return () -> ACTIVE.remove(redactor);
    }

    /**
     * The text with every active redactor's secrets and every built-in pattern masked; if redaction itself breaks,
     * the text is withheld rather than logged unmasked.
     */
    static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        try {
            String out = text;
            for (Redactor redactor : ACTIVE) {
                out = redactor.redact(out);
            }
            return BUILT_IN.redact(out);
        } catch (RuntimeException e) {
            return "(log text withheld: redaction failed with " + e.getClass().getSimpleName() + ")";
        }
    }
}
