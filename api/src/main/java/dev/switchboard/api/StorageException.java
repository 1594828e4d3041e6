package dev.switchboard.api;

/** The database could not be read or written. Callers that were about to act must refuse (fail closed). */
public class StorageException extends SwitchboardException {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
