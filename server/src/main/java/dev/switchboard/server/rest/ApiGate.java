package dev.switchboard.server.rest;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.command.ActionSpec;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.policy.Decision;
import dev.switchboard.api.policy.Policy;
import dev.switchboard.core.command.CommandSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, as the policy would in chat, whether an API token's user may make a request: the request counts as that
 * user running the read command it corresponds to ({@code alerts}, {@code incidents}) from a verified account, in
 * the conversation {@link #CONVERSATION} (so a {@code restrict} rule that names only chat channels keeps the
 * command out of the API too). Fails closed: a policy that throws, or asks for approval (which the API cannot
 * collect), denies. Thread-safe; the users, commands and policy are read afresh for each request, so a reload
 * applies at once.
 */
public final class ApiGate {
    /** Where API requests are said to come from, for policy and the audit log. */
    public static final ConversationRef CONVERSATION = ConversationRef.of("api", "v1");
    private static final Logger log = LoggerFactory.getLogger(ApiGate.class);

    private final Policy policy;
    private final Supplier<CommandSet> commands;
    private final Function<String, Optional<Principal>> users;

    /**
     * @param policy the policy in force
     * @param commands the command set in force; a read command it lacks is judged by its id alone
     * @param users the configured user with an id, as a verified principal; empty when no such user
     */
    public ApiGate(Policy policy, Supplier<CommandSet> commands, Function<String, Optional<Principal>> users) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.users = Objects.requireNonNull(users, "users");
    }

    /** What the gate decided: the request may be answered, or not and why. */
    public sealed interface Verdict {
        /** Answer it: {@code principal} runs {@code invocation}, allowed by {@code rule}. */
        record Granted(Principal principal, Invocation invocation, String rule) implements Verdict {}

        /** Answer 401 (no such user any more) or 403 (policy said no) with {@code reason}; {@code rule} decided. */
        record Refused(int status, String reason, String rule, Principal principal) implements Verdict {}
    }

    /** Whether user {@code userId} may run {@code commandId}; {@code text} is the request line, for the record. */
    public Verdict decide(String userId, String commandId, String text) {
        Optional<Principal> principal = users.apply(userId);
        if (principal.isEmpty()) {
            return new Verdict.Refused(401, ApiErrors.BAD_TOKEN, "api token", null);
        }
        Principal who = principal.get();
        CommandSet set = commands.get();
        CommandSpec spec = set.find(commandId).orElseGet(() -> readCommand(commandId));
        Invocation invocation = new Invocation(spec, Map.of(), text);
        Decision decision;
        try {
            decision = policy.decide(who, invocation, CONVERSATION);
        } catch (RuntimeException e) {
            log.error("policy failed, denying API request {} for {}", commandId, userId, e);
            decision = Decision.deny("authorization is unavailable right now");
        }
        return switch (decision) {
            case Decision.Allow a -> new Verdict.Granted(who, invocation, a.rule());
            case Decision.Deny d -> new Verdict.Refused(403, d.reason(), d.rule(), who);
            case Decision.RequireApproval r -> new Verdict.Refused(403, commandId + " needs approval for "
                    + who.id() + ", which the API cannot ask for; run it in chat", r.rule(), who);
        };
    }

    /** A stand-in for a read command the command set does not declare, so policy can still judge it by id. */
    private static CommandSpec readCommand(String commandId) {
        return new CommandSpec(commandId, List.of(commandId), Map.of(), "read through the REST API", List.of(),
                null, null, null, new ActionSpec("api.read", Map.of()), "REST API");
    }
}
