package dev.switchboard.core.builtin;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.command.ParseResult;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.policy.Policy;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.core.command.ActiveCommands;
import dev.switchboard.core.command.CommandSet;
import dev.switchboard.core.identity.UserDirectory;
import java.util.List;
import java.util.function.Supplier;

/**
 * The answer of {@code explain <request>}: why the caller may or may not run the request here, rule by rule,
 * without running it. An admin (a member of {@code admins.groups}) may ask for another user with
 * {@code explain --user bob <request>}; anyone else asking for someone else is refused with the reason. Secret
 * arguments of the explained request are shown masked. Thread-safe.
 */
final class ExplainAnswer {
    private final ActiveCommands commands;
    private final Policy policy;
    private final Supplier<UserDirectory> directory;

    ExplainAnswer(ActiveCommands commands, Policy policy, Supplier<UserDirectory> directory) {
        this.commands = commands;
        this.policy = policy;
        this.directory = directory;
    }

    /** @param forUser the user id after {@code --user}, or null to explain for the caller */
    Reply answer(String request, String forUser, Principal caller, ConversationRef where) {
        String text = request.strip();
        if (text.equals("--user") || text.startsWith("--user ")) {
            return Reply.text("Usage: explain --user <user> <command as they would type it>, for example: "
                    + "explain --user bob deploy web to prod");
        }
        Principal subject = caller;
        if (forUser != null && !forUser.equals(caller.id())) {
            UserDirectory users = directory.get();
            if (!users.isAdmin(caller)) {
                return Reply.text("Only admins may explain for another user (" + admins(users) + "). Type explain "
                        + "without --user to see what you may run.");
            }
            var other = users.principal(forUser);
            if (other.isEmpty()) {
                return Reply.text("There is no user " + forUser + "; the configured users are "
                        + String.join(", ", users.ids()) + ".");
            }
            subject = other.get();
        }
        CommandSet set = commands.current();
        Principal who = subject;
        return switch (set.parser().parse(text)) {
            case ParseResult.Matched m -> Reply.builder()
                    .text(shown(m.invocation()) + " is " + m.invocation().commandId() + "; for " + who.id()
                            + (who == caller ? "" : " (as if from a verified account)") + " in " + where + ":")
                    .code(String.join("\n", policy.reasons(who, m.invocation(), where)))
                    .build();
            case ParseResult.Invalid i -> Reply.text("\"" + text + "\" would not run: " + i.argument() + " \""
                    + i.value() + "\" is not valid; expected " + i.expected() + ".");
            case ParseResult.NoMatch n -> noMatch(text, set.suggestions(n, id -> shows(who, id)));
            case ParseResult.Ambiguous a -> Reply.text("\"" + text + "\" matches several commands: "
                    + String.join(", ", a.candidates()) + ".");
        };
    }

    private static Reply noMatch(String text, List<String> suggestions) {
        String said = "\"" + text + "\" is not a command I know, so there is nothing to explain.";
        return Reply.text(suggestions.isEmpty() ? said + " Type help to see what you may run."
                : said + " Did you mean:\n  " + String.join("\n  ", suggestions));
    }

    private boolean shows(Principal principal, String commandId) {
        try {
            return policy.shows(principal, commandId);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String admins(UserDirectory users) {
        return users.adminGroups().isEmpty() ? "no admin groups are configured under admins.groups"
                : "members of " + String.join(", ", users.adminGroups().stream().sorted().toList());
    }

    /** The request as typed, or, when it has secret arguments, its command and masked arguments instead. */
    private static String shown(Invocation invocation) {
        boolean secret = invocation.args().keySet().stream().anyMatch(a -> invocation.command().arg(a).secret());
        return secret ? invocation.commandId() + " " + invocation.redactedArgs() : "\"" + invocation.text() + "\"";
    }
}
