package dev.switchboard.core.policy.rules;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.policy.Decision;
import dev.switchboard.api.policy.Policy;
import dev.switchboard.core.policy.condition.Facts;
import dev.switchboard.core.policy.condition.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The configured policy: {@code allow} and {@code restrict} rules in order, default deny. Built only from rules
 * that passed {@link #build}; immutable and thread-safe.
 *
 * <p>A decision is made in three steps. {@code help} and {@code whoami} are always allowed, guests included.
 * Then every restrict rule covering the command must list the conversation among its channels. Then the first
 * allow rule covering the command, whose {@code to} includes the principal and whose {@code when} holds over the
 * invocation's arguments and the context names {@code user}, {@code channel}, {@code platform} and
 * {@code command}, allows. Otherwise the command is denied with a reason that says what to ask for.
 */
public final class RulePolicy implements Policy {
    /** The rule that lets everyone learn what they may do and who they are. */
    public static final String BUILT_IN_RULE = "built-in: help and whoami are always allowed";
    public static final String EXPLAIN_RULE = "built-in: known users may always explain their own requests";
    /** The rule named when nothing allowed. */
    public static final String DEFAULT_DENY = "default deny";
    private static final Set<String> ALWAYS_ALLOWED = Set.of("help", "whoami");

    private final List<Rule> rules;

    private RulePolicy(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** What {@link #build} made of the rules: a policy, or every problem found. */
    public sealed interface Built {
        /** Every rule was valid. */
        record Ready(RulePolicy policy) implements Built {
            public Ready {
                Objects.requireNonNull(policy, "policy");
            }
        }

        /** At least one rule was invalid; {@code problems} lists all of them, in rule order. */
        record Rejected(List<RuleProblem> problems) implements Built {
            public Rejected {
                problems = List.copyOf(problems);
            }
        }
    }

    /**
     * Checks {@code rules} (in order; none null) against the configured group names and user ids. Never throws for
     * bad rules: they come back as {@link Built.Rejected}.
     */
    public static Built build(List<RuleSpec> rules, Set<String> knownGroups, Set<String> knownUsers) {
        RuleChecker checker = new RuleChecker(knownGroups, knownUsers);
        rules.forEach(checker::check);
        List<RuleProblem> problems = checker.problems();
        return problems.isEmpty() ? new Built.Ready(new RulePolicy(checker.rules())) : new Built.Rejected(problems);
    }

    @Override
    public Decision decide(Principal principal, Invocation invocation, ConversationRef conversation) {
        return explain(principal, invocation, conversation).decision();
    }

    /** The decision with one step per rule considered; {@link #decide} returns exactly its decision. */
    @Override
    public List<String> reasons(Principal principal, Invocation invocation, ConversationRef conversation) {
        return explain(principal, invocation, conversation).steps();
    }

    public Explanation explain(Principal principal, Invocation invocation, ConversationRef conversation) {
        String command = invocation.commandId();
        List<String> steps = new ArrayList<>();
        if (ALWAYS_ALLOWED.contains(command)) {
            return finish(steps, Decision.allow(BUILT_IN_RULE));
        }
        if (command.equals("explain") && principal.known()) {
            // Known users may always ask why; the answer is about their own requests only.
            return finish(steps, Decision.allow(EXPLAIN_RULE));
        }
        for (Rule rule : rules) {
            if (rule.kind() != RuleSpec.Kind.RESTRICT) {
                continue;
            }
            if (!rule.covers(command)) {
                steps.add(rule.text() + ": skipped, it does not cover " + command);
            } else if (rule.permitsChannel(conversation)) {
                steps.add(rule.text() + ": passed, " + conversation + " is one of its channels");
            } else {
                steps.add(rule.text() + ": denies, " + conversation + " is not one of its channels");
                return finish(steps, Decision.deny(command + " may only run in " + String.join(", ", rule.channels()),
                        rule.text()));
            }
        }
        Facts facts = facts(principal, invocation, conversation);
        for (Rule rule : rules) {
            if (rule.kind() != RuleSpec.Kind.ALLOW) {
                continue;
            }
            if (!rule.covers(command)) {
                steps.add(rule.text() + ": skipped, it does not cover " + command);
            } else if (rule.audience().stream().noneMatch(a -> a.includes(principal))) {
                steps.add(rule.text() + ": skipped, " + String.join(" and ",
                        rule.audience().stream().map(a -> a.excludes(principal)).toList()));
            } else if (rule.when() == null) {
                steps.add(rule.text() + ": allows");
                return finish(steps, Decision.allow(rule.text()));
            } else {
                Verdict verdict = rule.when().evaluate(facts);
                String shown = redact(verdict.explanation(), invocation);
                if (!verdict.value()) {
                    steps.add(rule.text() + ": skipped, when " + shown);
                } else {
                    steps.add(rule.text() + ": allows, when " + shown);
                    return finish(steps, Decision.allow(rule.text()));
                }
            }
        }
        String reason = principal.known()
                ? "no policy rule lets " + principal.id() + " run " + command + " here"
                : "you are not a known user; ask an admin to add " + account(principal) + " to users";
        return finish(steps, Decision.deny(reason, DEFAULT_DENY));
    }

    /**
     * Whether {@code commandId} should appear in {@code principal}'s help: some allow rule covers it and includes
     * the principal, ignoring {@code when} and channels (those depend on the arguments and the conversation).
     */
    @Override
    public boolean shows(Principal principal, String commandId) {
        return visible(principal, commandId);
    }

    public boolean visible(Principal principal, String commandId) {
        return ALWAYS_ALLOWED.contains(commandId) || (commandId.equals("explain") && principal.known()) || rules.stream().anyMatch(rule -> rule.kind() == RuleSpec.Kind.ALLOW
                && rule.covers(commandId) && rule.audience().stream().anyMatch(a -> a.includes(principal)));
    }

    private static Facts facts(Principal principal, Invocation invocation, ConversationRef conversation) {
        Map<String, String> values = new HashMap<>();
        invocation.args().forEach((name, value) -> {
            if (name != null && value != null) {
                values.put(name, value);
            }
        });
        // The context wins over a same-named argument, so a user cannot type their way into user == 'root'.
        values.put("user", principal.id());
        values.put("channel", conversation.platform() + ":" + conversation.id());
        values.put("platform", conversation.platform());
        values.put("command", invocation.commandId());
        return Facts.of(values);
    }

    /** Explanations are shown to users and audited, so a secret a {@code when} read must not appear in them. */
    private static String redact(String explanation, Invocation invocation) {
        String shown = explanation;
        for (Map.Entry<String, String> arg : invocation.args().entrySet()) {
            boolean secret = invocation.command().arg(arg.getKey()).secret();
            if (secret && arg.getValue() != null && !arg.getValue().isEmpty()) {
                shown = shown.replace(arg.getValue(), "***");
            }
        }
        return shown;
    }

    private static Explanation finish(List<String> steps, Decision decision) {
        steps.add(switch (decision) {
            case Decision.Allow allow -> "allowed by " + allow.rule();
            case Decision.Deny deny -> "denied by " + deny.rule() + ": " + deny.reason();
            case Decision.RequireApproval approval -> "needs approval by " + approval.rule();
        });
        return new Explanation(decision, steps);
    }

    private static String account(Principal principal) {
        String id = principal.id();
        return id.startsWith("guest:") ? id.substring("guest:".length()) : id;
    }
}
