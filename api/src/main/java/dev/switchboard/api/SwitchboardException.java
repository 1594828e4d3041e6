package dev.switchboard.api;

/**
 * The one unchecked root of Switchboard's exceptions. Thrown for bugs and broken infrastructure only; expected
 * outcomes (a command that does not parse, a denial, a failed script) are values, never exceptions.
 *
 * <p>Messages must never contain secrets: no tokens, passwords or URLs with credentials. Add context when wrapping:
 * {@code "while running job " + id}.
 */
public class SwitchboardException extends RuntimeException {
    public SwitchboardException(String message) {
        super(message);
    }

    public SwitchboardException(String message, Throwable cause) {
        super(message, cause);
    }
}
