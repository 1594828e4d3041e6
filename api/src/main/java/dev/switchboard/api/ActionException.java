package dev.switchboard.api;

/** An action could not be set up or broke while running (not: the script exited non-zero, which is a result). */
public class ActionException extends SwitchboardException {
    public ActionException(String message) {
        super(message);
    }

    public ActionException(String message, Throwable cause) {
        super(message, cause);
    }
}
