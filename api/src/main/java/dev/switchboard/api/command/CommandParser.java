package dev.switchboard.api.command;

/**
 * Turns text into a {@link ParseResult} against a fixed set of commands. Thread-safe and immutable: a config
 * reload builds a new parser. Never throws for any input text.
 */
@FunctionalInterface
public interface CommandParser {
    ParseResult parse(String text);
}
