package dev.switchboard.app.cli;

import picocli.CommandLine.Command;

/** Placeholder; filled in by its own change. */
@Command(name = "shell", description = "Not available yet.")
public final class ShellCommand implements Runnable {
    @Override
    public void run() {
        System.err.println("not available yet");
    }
}
