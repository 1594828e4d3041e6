package dev.switchboard.plugin.shell;

import dev.switchboard.api.action.ActionRequest;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.command.ActionSpec;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.identity.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds commands and action requests from api records, as the config loader and parser would. */
final class Requests {
    private Requests() {}

    static CommandSpec command(String template, Map<String, Object> settings) {
        return new CommandSpec("test.run", List.of(template), Map.of(), "runs a test script", List.of(), null, null,
                null, new ActionSpec("shell", settings), "test.yaml:1:1");
    }

    static ActionRequest request(CommandSpec command, Map<String, String> args) {
        Invocation invocation = new Invocation(command, args, "run " + String.join(" ", args.values()));
        return new ActionRequest(7, invocation, new Principal("alice", Set.of("sre"), true, true),
                ConversationRef.of("web", "#ops"));
    }
}
