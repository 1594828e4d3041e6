package dev.switchboard.app.cli;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.command.ParseResult;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.policy.Decision;
import dev.switchboard.api.policy.Policy;
import dev.switchboard.config.UserConfig;
import dev.switchboard.core.command.CommandSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code switchboard policy explain --user alice [--channel web:#ops] [-c FILE] "deploy web to prod"}: loads the
 * configuration exactly as {@code check} does, parses the text as that user would type it, and prints each rule the
 * policy considered and the decision. Exit 0 when the user may run it (possibly after approval), 1 when denied,
 * 2 when the input is bad (invalid configuration, unknown user or channel, text that is no command).
 */
@Command(name = "explain", description = {"Explain, rule by rule, whether a user may run a command.",
        "Exit 0: allowed (or allowed after approval); 1: denied; 2: bad input (config, user, channel or text)."})
public final class PolicyExplainCommand implements Callable<Integer> {
    static final int ALLOWED = 0;
    static final int DENIED = 1;
    static final int BAD_INPUT = 2;

    @Option(names = {"-c", "--config"}, defaultValue = "switchboard.yaml",
            description = "The configuration file (YAML); default: ${DEFAULT-VALUE}.")
    Path config;

    @Option(names = "--user", required = true, description = "The user id from the users: section, like alice.")
    String user;

    @Option(names = "--channel", defaultValue = "web:#general",
            description = "Where the user would type it, platform:conversation; default: ${DEFAULT-VALUE}.")
    String channel;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The command as the user would type it.")
    List<String> words;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConversationRef where;
        try {
            where = ConversationRef.parse(channel);
        } catch (IllegalArgumentException e) {
            err.println("--channel: " + e.getMessage());
            return BAD_INPUT;
        }
        return switch (ConfigCheck.of(config)) {
            case ConfigCheck.Result.Invalid invalid -> {
                invalid.errors().forEach(err::println);
                err.println(config + " is not valid (" + invalid.errors().size() + (invalid.errors().size() == 1
                        ? " error" : " errors") + "), so there is no policy to explain; see switchboard check.");
                yield BAD_INPUT;
            }
            case ConfigCheck.Result.Valid valid -> {
                Optional<Principal> principal = principal(valid.config().users());
                if (principal.isEmpty()) {
                    List<String> ids = valid.config().users().stream().map(UserConfig::id).sorted().toList();
                    err.println("--user: there is no user '" + user + "' in " + config + "; "
                            + (ids.isEmpty() ? "its users: section is empty" : "the users are " + String.join(", ", ids))
                            + ".");
                    yield BAD_INPUT;
                }
                yield explain(String.join(" ", words).strip(), principal.get(), where, valid, out, err);
            }
        };
    }

    private Optional<Principal> principal(List<UserConfig> users) {
        return users.stream().filter(u -> u.id().equals(user)).findFirst()
                .map(u -> new Principal(u.id(), java.util.Set.copyOf(u.groups()), true, true));
    }

    private static int explain(String text, Principal who, ConversationRef where, ConfigCheck.Result.Valid valid,
            PrintWriter out, PrintWriter err) {
        CommandSet commands = valid.commands();
        Policy policy = valid.policy();
        return switch (commands.parser().parse(text)) {
            case ParseResult.Matched m -> {
                Invocation invocation = m.invocation();
                out.println(shown(invocation) + " is " + invocation.commandId() + "; for " + who.id() + " in " + where
                        + ":");
                policy.reasons(who, invocation, where).forEach(line -> out.println("  " + line));
                Decision decision = policy.decide(who, invocation, where);
                out.println(switch (decision) {
                    case Decision.Allow a -> "decision: allowed (" + a.rule() + ")";
                    case Decision.Deny d -> "decision: denied (" + d.rule() + "): " + d.reason();
                    case Decision.RequireApproval r -> "decision: allowed after " + r.count() + " approval(s) by "
                            + String.join(", ", r.approvers()) + " (" + r.rule() + ")";
                });
                yield decision instanceof Decision.Deny ? DENIED : ALLOWED;
            }
            case ParseResult.Invalid i -> {
                err.println("\"" + text + "\" would not run: " + i.argument() + " '" + i.value() + "' is not valid for "
                        + i.commandId() + "; expected " + i.expected() + "."
                        + (i.usage() == null ? "" : "\nUsage: " + i.usage()));
                yield BAD_INPUT;
            }
            case ParseResult.NoMatch n -> {
                List<String> suggestions = commands.suggestions(n, id -> policy.shows(who, id));
                err.println("\"" + text + "\" is not a command " + who.id() + " could run: it matches no template."
                        + (suggestions.isEmpty() ? " Run switchboard check to list the commands."
                        : " Did you mean:\n  " + String.join("\n  ", suggestions)));
                yield BAD_INPUT;
            }
            case ParseResult.Ambiguous a -> {
                err.println("\"" + text + "\" matches several commands: " + String.join(", ", a.candidates()) + ".");
                yield BAD_INPUT;
            }
        };
    }

    /** The text as typed, or, when it has secret arguments, its command and masked arguments instead. */
    private static String shown(Invocation invocation) {
        boolean secret = invocation.args().keySet().stream().anyMatch(a -> invocation.command().arg(a).secret());
        return secret ? invocation.commandId() + " " + invocation.redactedArgs() : "\"" + invocation.text() + "\"";
    }
}
