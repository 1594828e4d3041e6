package dev.switchboard.app.wiring;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.policy.Decision;
import dev.switchboard.api.policy.Policy;
import dev.switchboard.config.PolicyRule;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.config.UserConfig;
import dev.switchboard.core.policy.InterimPolicy;
import dev.switchboard.core.policy.rules.RulePolicy;
import dev.switchboard.core.policy.rules.RuleSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The policy a configuration asks for: the ordered {@code allow} and {@code restrict} rules of its {@code policy:}
 * section (default deny), or, when there is no such section, the interim policy (known users may run everything,
 * guests only a few read-only built-ins). Rule kinds this version cannot enforce are refused by
 * {@link UnenforcedSettings} before this is asked.
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
        public boolean mayApprove(Principal principal, List<String> approvers) {
            return policy.get().mayApprove(principal, approvers);
        }

        @Override
        public List<String> reasons(Principal principal, Invocation invocation, ConversationRef conversation) {
            return policy.get().reasons(principal, invocation, conversation);
        }
    }

    public static Built of(SwitchboardConfig config) {
        if (config.policy().isEmpty()) {
            return new Built.Ready(new InterimPolicy());
        }
        List<RuleSpec> rules = new ArrayList<>();
        for (PolicyRule rule : config.policy()) {
            switch (rule.kind()) {
                case "allow" -> rules.add(RuleSpec.allow(rule.source(), rule.commands(), strings(rule, "to"),
                        (String) rule.settings().get("when")));
                case "restrict" -> rules.add(RuleSpec.restrict(rule.source(), rule.commands(),
                        strings(rule, "channels")));
                default -> { } // refused earlier by UnenforcedSettings
            }
        }
        Set<String> groups = new HashSet<>();
        Set<String> users = new HashSet<>();
        for (UserConfig user : config.users()) {
            users.add(user.id());
            groups.addAll(user.groups());
        }
        return switch (RulePolicy.build(rules, groups, users)) {
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
