package dev.switchboard.app.wiring;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.policy.Decision;
import dev.switchboard.api.policy.Policy;
import dev.switchboard.config.PolicyRule;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.config.UserConfig;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.core.policy.rules.KnownNames;
import dev.switchboard.core.policy.rules.RulePolicy;
import dev.switchboard.core.policy.rules.RuleSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The policy a configuration asks for: the ordered {@code allow}, {@code restrict}, {@code approve},
 * {@code confirm} and {@code limit} rules of its {@code policy:} section, default deny. With no such section only
 * the built-in rules allow anything (help, whoami, and explain for known users).
 */
public final class Policies {
    private Policies() {}

    /** The policy, or every problem with its rules as {@code file:line:col: message} lines. */
    public sealed interface Built {
        record Ready(Policy policy) implements Built {}

        record Rejected(List<String> problems) implements Built {
            public Rejected {
                problems = List.copyOf(problems);
            }
        }
    }

    /** The policy in force, replaced atomically on reload; every question goes to the current one. */
    public static final class Current implements Policy {
        private final AtomicReference<Policy> policy;

        public Current(Policy initial) {
            this.policy = new AtomicReference<>(initial);
        }

        public void replace(Policy next) {
            policy.set(next);
        }

        @Override
        public Decision decide(Principal principal, Invocation invocation, ConversationRef conversation) {
            return policy.get().decide(principal, invocation, conversation);
        }

        @Override
        public boolean shows(Principal principal, String commandId) {
            return policy.get().shows(principal, commandId);
        }

        @Override
        public java.util.Optional<String> confirmation(Principal principal, Invocation invocation,
                ConversationRef conversation) {
            return policy.get().confirmation(principal, invocation, conversation);
        }

        @Override
        public java.util.Optional<dev.switchboard.api.policy.RateLimit> rateLimit(Principal principal,
                Invocation invocation, ConversationRef conversation) {
            return policy.get().rateLimit(principal, invocation, conversation);
        }

        @Override
        public boolean mayNeedApproval(Principal principal, String commandId) {
            return policy.get().mayNeedApproval(principal, commandId);
        }

        @Override
        public boolean mayApprove(Principal principal, List<String> approvers) {
            return policy.get().mayApprove(principal, approvers);
        }

        @Override
        public List<String> reasons(Principal principal, Invocation invocation, ConversationRef conversation) {
            return policy.get().reasons(principal, invocation, conversation);
        }
    }

    /**
     * The policy of {@code config}'s {@code policy:} section, checked against its users and groups and against
     * {@code knownCommands}: every command that can run (configured, built-in and plugin commands, as
     * {@link CommandSets#known} lists them). No section means no rules: only help, whoami and known users' explain
     * are allowed.
     */
    public static Built of(SwitchboardConfig config, Collection<CommandSpec> knownCommands) {
        List<RuleSpec> rules = new ArrayList<>();
        for (PolicyRule rule : config.policy()) {
            String when = (String) rule.settings().get("when");
            List<String> to = strings(rule, "to");
            switch (rule.kind()) {
                case "allow" -> rules.add(RuleSpec.allow(rule.source(), rule.commands(), to, when));
                case "restrict" -> rules.add(RuleSpec.restrict(rule.source(), rule.commands(),
                        strings(rule, "channels"), Boolean.TRUE.equals(rule.settings().get("verified"))));
                case "approve" -> rules.add(RuleSpec.approve(rule.source(), rule.commands(), to, when,
                        strings(rule, "by"), (Integer) rule.settings().get("count"),
                        (Duration) rule.settings().get("ttl"), strings(rule, "announce")));
                case "confirm" -> rules.add(RuleSpec.confirm(rule.source(), rule.commands(), to, when));
                case "limit" -> rules.add(RuleSpec.limit(rule.source(), rule.commands(), to, when,
                        (String) rule.settings().get("rate")));
                default -> throw new IllegalStateException("the config reader let through a '" + rule.kind()
                        + "' rule at " + rule.source());
            }
        }
        Map<String, Set<String>> users = new HashMap<>();
        for (UserConfig user : config.users()) {
            users.put(user.id(), Set.copyOf(user.groups()));
        }
        return switch (RulePolicy.build(rules, KnownNames.of(users, knownCommands))) {
            case RulePolicy.Built.Ready ready -> new Built.Ready(ready.policy());
            case RulePolicy.Built.Rejected rejected -> new Built.Rejected(rejected.problems().stream()
                    .map(p -> p.source() + ": policy: " + p.message()).toList());
        };
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(PolicyRule rule, String key) {
        Object value = rule.settings().get(key);
        return value == null ? List.of() : (List<String>) value;
    }
}
