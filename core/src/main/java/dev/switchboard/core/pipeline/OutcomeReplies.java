package dev.switchboard.core.pipeline;

import dev.switchboard.api.command.ParseResult;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.reply.Button;
import dev.switchboard.api.reply.Reply;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns every {@link Outcome} into the short, human reply the user sees; {@link Outcome.Ignored} gets none.
 * Stateless and thread-safe. Texts typed by the user are echoed shortened and on one line.
 */
public final class OutcomeReplies {
    /** The longest echo of the user's text in a reply. */
    static final int ECHO_LIMIT = 80;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** The reply for an outcome, or empty when nothing should be said. */
    public Optional<Reply> render(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Replied r -> Optional.of(r.reply());
            case Outcome.Ignored i -> Optional.empty();
            case Outcome.NoMatch n -> Optional.of(noMatch(n));
            case Outcome.Ambiguous a -> Optional.of(Reply.text("\"" + echo(a.text()) + "\" matches more than one command: "
                    + String.join(", ", a.candidates()) + ". Type help <command> to see how each is used."));
            case Outcome.Invalid i -> Optional.of(Reply.text(invalid(i.problem())));
            case Outcome.Denied d -> Optional.of(Reply.text("Denied: " + d.reason() + " (ref " + d.ref() + ")"));
            case Outcome.PendingConfirmation p -> Optional.of(Reply.builder()
                    .text("This will run " + p.summary() + ". To go ahead, type yes " + p.code() + " before "
                            + TIME.format(p.expires()) + "; to call it off, type no " + p.code() + ".")
                    .buttons(new Button("Yes, run it", "yes " + p.code(), Button.Style.PRIMARY),
                            new Button("No", "no " + p.code(), Button.Style.DEFAULT))
                    .build());
            case Outcome.PendingApproval p -> Optional.of(Reply.builder()
                    .text(p.summary())
                    .buttons(new Button("Approve", "approve " + p.approvalId(), Button.Style.PRIMARY),
                            new Button("Deny", "deny " + p.approvalId(), Button.Style.DANGER))
                    .build());
            case Outcome.Accepted a -> Optional.of(ack(a));
            case Outcome.Completed c -> Optional.of(c.reply());
            case Outcome.Failed f -> Optional.of(Reply.text(capitalize(f.message()) + " (ref " + f.ref() + ")."));
        };
    }

    /** The ack for a job that is still running, with a button to cancel it. */
    public Reply ack(Outcome.Accepted accepted) {
        return Reply.builder()
                .text("⏳ " + accepted.summary())
                .buttons(new Button("Cancel", "cancel " + accepted.jobId(), Button.Style.DANGER))
                .build();
    }

    private static Reply noMatch(Outcome.NoMatch n) {
        String said = "I don't know \"" + echo(n.text()) + "\".";
        if (n.suggestions().isEmpty()) {
            return Reply.text(said + " Type help to see what I can do.");
        }
        StringBuilder text = new StringBuilder(said).append(" Did you mean:");
        n.suggestions().forEach(s -> text.append("\n  ").append(s));
        return Reply.text(text.toString());
    }

    /** An invalid without a command is about the message as a whole; its expected text is the explanation. */
    private static String invalid(ParseResult.Invalid p) {
        if (p.commandId() == null) {
            return capitalize(p.expected());
        }
        StringBuilder text = new StringBuilder();
        text.append(p.argument()).append(" \"").append(echo(p.value())).append("\" is not valid for ")
                .append(p.commandId()).append(": expected ").append(p.expected()).append('.');
        if (p.usage() != null && !p.usage().isBlank()) {
            text.append("\nUsage: ").append(p.usage());
        }
        return text.toString();
    }

    /** The user's text on one line, control characters as spaces, cut to {@link #ECHO_LIMIT} characters. */
    static String echo(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), ECHO_LIMIT + 1));
        for (int i = 0; i < text.length() && out.length() < ECHO_LIMIT; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        String line = out.toString().strip();
        return text.length() > ECHO_LIMIT ? line + "…" : line;
    }

    private static String capitalize(String s) {
        if (s == null || s.isEmpty()) {
            return "Something went wrong";
        }
        String trimmed = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        return Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
    }
}
