package dev.switchboard.api.command;

import java.util.List;

/** What parsing a line of text produced. Every case is an expected outcome, so none is an exception. */
public sealed interface ParseResult {

    /** Exactly one command matched and every argument checked out. */
    record Matched(Invocation invocation) implements ParseResult {}

    /** No command matched; up to three commands the user may have meant, as usage lines. */
    record NoMatch(String text, List<String> suggestions) implements ParseResult {
        public NoMatch {
            suggestions = List.copyOf(suggestions);
        }
    }

    /** More than one command matched; the candidates' ids. Config validation makes this rare. */
    record Ambiguous(String text, List<String> candidates) implements ParseResult {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * A command matched by its words, but an argument is wrong: which argument, the value given (already redacted if
     * the argument is secret), what was expected, and the command's usage.
     */
    record Invalid(String commandId, String argument, String value, String expected, String usage)
            implements ParseResult {}
}
