package dev.switchboard.core.policy.rules;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.policy.Decision;
import dev.switchboard.api.policy.Policy;
import dev.switchboard.api.policy.RateLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The configured policy: {@code allow}, {@code restrict}, {@code approve}, {@code confirm} and {@code limit} rules
 * in order, default deny. Built only from rules that passed {@link #build}; immutable and thread-safe.
 *
 * <p>A decision is made in steps. {@code help} and {@code whoami} are always allowed, guests included, and known
 * users may always {@code explain} and answer parked requests ({@code yes}, {@code no}, {@code approve},
 * {@code deny}, {@code approvals}; the request checks who may act on it). Then every restrict rule covering the command must list the conversation among
 * its channels (when it has any) and, when it says {@code verified}, the account must be verified by its platform.
 * Then the first allow rule covering the command, whose {@code to} includes the principal and whose {@code when}
 * holds over the invocation's arguments and the context names {@code user}, {@code channel}, {@code platform} and
 * {@code command}, allows; otherwise the command is denied with a reason that says what to ask for. Once allowed,
 * the first approve rule that applies the same way turns the decision into {@link Decision.RequireApproval}. The
 * first confirm rule that applies, or else the command's own {@code confirm:}, is the {@link #confirmation}; the
 * first limit rule that applies is the {@link #rateLimit}. Approve, confirm and limit rules without {@code to}
 * apply to every requester, guests included.
 */
public final class RulePolicy implements Policy {
    /** The rule that lets everyone learn what they may do and who they are. */
    public static final String BUILT_IN_RULE = "built-in: help and whoami are always allowed";
    public static final String EXPLAIN_RULE = "built-in: known users may always explain their own requests";
    /** The rule that lets known users act on parked requests; each request checks who may act on it. */
    public static final String ANSWER_RULE = "built-in: known users may always answer confirmations and approval"
            + " requests (each request checks who may act on it)";
    /** Built-ins every known user may run: the request they act on decides who may. */
    static final Set<String> ANSWERS = Set.of("yes", "no", "approve", "deny", "approvals");
    /** The rule named when nothing allowed. */
    public static final String DEFAULT_DENY = "default deny";
    static final Set<String> ALWAYS_ALLOWED = Set.of("help", "whoami");

    private final List<Rule> rules;
    private final CommandConfirmations confirmations = new CommandConfirmations();

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
     * Checks {@code rules} (in order; none null) on their own and against each other, and against the configured
     * users, groups and known commands. Never throws for bad rules: they come back as {@link Built.Rejected}. No
     * rules at all is valid: everything but the built-in rules is denied.
     */
    public static Built build(List<RuleSpec> rules, KnownNames known) {
        RuleChecker checker = new RuleChecker(known);
        rules.forEach(checker::check);
        List<RuleProblem> problems = new ArrayList<>(checker.problems());
        problems.addAll(RuleConflicts.check(checker.rules(), known));
        return problems.isEmpty() ? new Built.Ready(new RulePolicy(checker.rules())) : new Built.Rejected(problems);
    }

    @Override
    public Decision decide(Principal principal, Invocation invocation, ConversationRef conversation) {
        return walk(principal, invocation, conversation).explanation().decision();
    }

    /** The decision with one step per rule considered; {@link #decide} returns exactly its decision. */
    @Override
    public List<String> reasons(Principal principal, Invocation invocation, ConversationRef conversation) {
        return explain(principal, invocation, conversation).steps();
    }

    public Explanation explain(Principal principal, Invocation invocation, ConversationRef conversation) {
        return walk(principal, invocation, conversation).explanation();
    }

    /**
     * The first confirm rule that applies, or the command's own {@code confirm:} when it holds; empty when the
     * request is denied or nothing asks.
     */
    @Override
    public Optional<String> confirmation(Principal principal, Invocation invocation, ConversationRef conversation) {
        return Optional.ofNullable(walk(principal, invocation, conversation).confirmation());
    }

    /** The first limit rule that applies, keyed by its source; empty when the request is denied or none applies. */
    @Override
    public Optional<RateLimit> rateLimit(Principal principal, Invocation invocation, ConversationRef conversation) {
        return Optional.ofNullable(walk(principal, invocation, conversation).limit());
    }

    /**
     * Whether a known principal is one of {@code approvers}: {@code everyone}, {@code group:<name>} or
     * {@code user:<id>}. Guests never approve. Whether they asked for the request themselves is the caller's check.
     */
    @Override
    public boolean mayApprove(Principal principal, List<String> approvers) {
        return principal.known() && approvers.stream().map(Audience::approver).flatMap(Optional::stream)
                .anyMatch(a -> a.includes(principal));
    }

    /**
     * Whether {@code commandId} should appear in {@code principal}'s help: some allow rule covers it and includes
     * the principal, ignoring {@code when} and channels (those depend on the arguments and the conversation).
     */
    @Override
    public boolean shows(Principal principal, String commandId) {
        return visible(principal, commandId);
    }

    @Override
    public boolean mayNeedApproval(Principal principal, String commandId) {
        return rules.stream().anyMatch(rule -> rule instanceof Rule.Approve approve && approve.covers(commandId)
                && approve.scope().audience().stream().anyMatch(a -> a.includes(principal)));
    }

    public boolean visible(Principal principal, String commandId) {
        return ALWAYS_ALLOWED.contains(commandId)
                || ((commandId.equals("explain") || ANSWERS.contains(commandId)) && principal.known())
                || rules.stream().anyMatch(rule -> rule instanceof Rule.Allow allow && allow.covers(commandId)
                        && allow.scope().audience().stream().anyMatch(a -> a.includes(principal)));
    }

    private RuleWalk.Result walk(Principal principal, Invocation invocation, ConversationRef conversation) {
        return new RuleWalk(rules, confirmations, principal, invocation, conversation).run();
    }
}
