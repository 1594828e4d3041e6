package dev.switchboard.core.command;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the {@link CommandSet} in force. A reload {@linkplain #replace replaces} it atomically; readers take
 * {@link #current()} once per message. Thread-safe.
 */
public final class ActiveCommands {
    private final AtomicReference<CommandSet> current;

    public ActiveCommands(CommandSet initial) {
        this.current = new AtomicReference<>(initial);
    }

    public CommandSet current() {
        return current.get();
    }

    /** Swaps in a new set and returns the one it replaced. */
    public CommandSet replace(CommandSet next) {
        return current.getAndSet(next);
    }
}
