package dev.switchboard.api.command;

import java.util.Objects;

/**
 * A named lock taken while a command's job runs. {@code template} names the lock from the arguments
 * ({@code deploy:{service}:{env}}); a second caller either waits in the queue or is refused, as {@code mode} says.
 */
public record LockSpec(String template, Mode mode) {
    /** What happens to a second caller while the lock is held. */
    public enum Mode { QUEUE, REFUSE }

    public LockSpec {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(mode, "mode");
    }
}
