package dev.switchboard.api;

/** A chat platform could not be reached or refused a request. */
public class AdapterException extends SwitchboardException {
    public AdapterException(String message) {
        super(message);
    }

    public AdapterException(String message, Throwable cause) {
        super(message, cause);
    }
}
