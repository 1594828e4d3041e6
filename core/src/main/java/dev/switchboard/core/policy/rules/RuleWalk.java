package dev.switchboard.core.policy.rules;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.policy.Decision;
import dev.switchboard.api.policy.RateLimit;
import dev.switchboard.core.policy.condition.Compiled;
import dev.switchboard.core.policy.condition.Facts;
import dev.switchboard.core.policy.condition.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation of the rules for one request, recording a step per rule considered: restrict rules, then allow
 * rules, then (once allowed) approve, confirm and limit rules. {@link RulePolicy} derives every answer from it, so
 * decisions, confirmations, limits and explanations always agree. One per request.
 */
final class RuleWalk {
    /** What the walk found; {@code confirmation} and {@code limit} are null when none applies or it was denied. */
    record Result(Explanation explanation, String confirmation, RateLimit limit) {}

    private final List<Rule> rules;
    private final CommandConfirmations confirmations;
    private final Principal principal;
    private final Invocation invocation;
    private final ConversationRef conversation;
    private final String command;
    private final List<String> steps = new ArrayList<>();
    private Facts facts;

    RuleWalk(List<Rule> rules, CommandConfirmations confirmations, Principal principal, Invocation invocation,
            ConversationRef conversation) {
        this.rules = rules;
        this.confirmations = confirmations;
        this.principal = principal;
        this.invocation = invocation;
        this.conversation = conversation;
        this.command = invocation.commandId();
    }

    Result run() {
        if (RulePolicy.ALWAYS_ALLOWED.contains(command)) {
            return finish(Decision.allow(RulePolicy.BUILT_IN_RULE), null, null);
        }
        if (command.equals("explain") && principal.known()) {
            // Known users may always ask why; the answer is about their own requests only.
            return finish(Decision.allow(RulePolicy.EXPLAIN_RULE), null, null);
        }
        if (RulePolicy.ANSWERS.contains(command) && principal.known()) {
            return finish(Decision.allow(RulePolicy.ANSWER_RULE), null, null);
        }
        for (Rule rule : rules) {
            if (rule instanceof Rule.Restrict restrict && restricts(restrict) instanceof Decision.Deny deny) {
                return finish(deny, null, null);
            }
        }
        facts = facts();
        Decision allowed = null;
        for (Rule rule : rules) {
            if (rule instanceof Rule.Allow allow && considered(allow, allow.scope(), "allows")) {
                allowed = Decision.allow(allow.text());
                break;
            }
        }
        if (allowed == null) {
            String reason = principal.known()
                    ? "no policy rule lets " + principal.id() + " run " + command + " here"
                    : !principal.verified() ? account() + " is not verified by its platform, so it has guest rights"
                            + " only; identify (NickServ/SASL on IRC) or use a platform that verifies you"
                    : "you are not a known user; ask an admin to add " + account() + " to users";
            return finish(Decision.deny(reason, RulePolicy.DEFAULT_DENY), null, null);
        }
        Decision decision = allowed;
        for (Rule rule : rules) {
            if (rule instanceof Rule.Approve a && considered(a, a.scope(), "needs " + a.count() + " approval(s)"
                    + " within " + compact(a.ttl()))) {
                decision = new Decision.RequireApproval(a.text(), a.by().stream().map(Audience::toString).toList(),
                        a.count(), a.ttl(), a.announce());
                break;
            }
        }
        String confirmation = null;
        for (Rule rule : rules) {
            if (rule instanceof Rule.Confirm c && considered(c, c.scope(), "asks for confirmation")) {
                confirmation = c.text();
                break;
            }
        }
        if (confirmation == null) {
            confirmation = commandConfirmation();
        }
        RateLimit limit = null;
        for (Rule rule : rules) {
            if (rule instanceof Rule.Limit l && considered(l, l.scope(), "counts against " + l.count()
                    + " run(s) per " + compact(l.per()) + " for each user")) {
                limit = new RateLimit(l.text(), l.source(), l.count(), l.per());
                break;
            }
        }
        return finish(decision, confirmation, limit);
    }

    private Decision restricts(Rule.Restrict rule) {
        if (!rule.covers(command)) {
            steps.add(rule.text() + ": skipped, it does not cover " + command);
            return null;
        }
        if (!rule.permitsChannel(conversation)) {
            steps.add(rule.text() + ": denies, " + conversation + " is not one of its channels");
            return Decision.deny(command + " may only run in " + String.join(", ", rule.channels()), rule.text());
        }
        if (rule.verified() && !principal.verified()) {
            steps.add(rule.text() + ": denies, " + account() + " is not verified");
            return Decision.deny(command + " needs an account the platform verifies; " + account()
                    + " is not verified (" + howToVerify() + ")", rule.text());
        }
        steps.add(rule.text() + ": passed, " + (rule.channels().isEmpty() ? "" : conversation
                + " is one of its channels" + (rule.verified() ? " and " : "")) + (rule.verified()
                ? account() + " is verified" : ""));
        return null;
    }

    /** Adds the step for a rule with a scope; true when it applies. */
    private boolean considered(Rule rule, Scope scope, String effect) {
        if (!rule.covers(command)) {
            steps.add(rule.text() + ": skipped, it does not cover " + command);
            return false;
        }
        Scope.Match match = scope.match(principal, facts, this::redact);
        steps.add(rule.text() + ": " + (match.holds() ? effect : "skipped") + (match.why().isEmpty() ? ""
                : ", " + match.why()));
        return match.holds();
    }

    private String commandConfirmation() {
        Compiled compiled = confirmations.compiled(invocation.command());
        if (compiled == null) {
            return null;
        }
        String text = CommandConfirmations.ruleText(invocation.command(), compiled);
        if (!(compiled instanceof Compiled.Parsed parsed)) {
            // Checked at load, so this is a command registered without the check: asking is the safe side.
            steps.add(text + ": asks for confirmation, its condition does not parse");
            return text;
        }
        Verdict verdict = parsed.condition().evaluate(facts);
        steps.add(text + ": " + (verdict.value() ? "asks for confirmation" : "skipped") + ", when "
                + redact(verdict.explanation()));
        return verdict.value() ? text : null;
    }

    private Facts facts() {
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
        values.put("command", command);
        return Facts.of(values);
    }

    /** Explanations are shown to users and audited, so a secret a {@code when} read must not appear in them. */
    private String redact(String explanation) {
        String shown = explanation;
        for (Map.Entry<String, String> arg : invocation.args().entrySet()) {
            boolean secret = invocation.command().arg(arg.getKey()).secret();
            if (secret && arg.getValue() != null && !arg.getValue().isEmpty()) {
                shown = shown.replace(arg.getValue(), "***");
            }
        }
        return shown;
    }

    private Result finish(Decision decision, String confirmation, RateLimit limit) {
        steps.add(switch (decision) {
            case Decision.Allow allow -> "allowed by " + allow.rule();
            case Decision.Deny deny -> "denied by " + deny.rule() + ": " + deny.reason();
            case Decision.RequireApproval approval -> "needs " + approval.count() + " approval(s) from "
                    + String.join(", ", approval.approvers()) + " by " + approval.rule();
        });
        return new Result(new Explanation(decision, steps), confirmation, limit);
    }

    /** The account a denial names: the guest's platform account, or the known user on this platform. */
    private String account() {
        String id = principal.id();
        return id.startsWith("guest:") ? id.substring("guest:".length()) : conversation.platform() + ":" + id;
    }

    private String howToVerify() {
        return conversation.platform().equalsIgnoreCase("irc")
                ? "identify with NickServ/SASL, or use the web chat"
                : "sign in to " + conversation.platform() + " with a verified account, or use the web chat";
    }

    /** A period as written in config: {@code 30m}, {@code 1h}, {@code 45s}. */
    static String compact(java.time.Duration d) {
        long millis = d.toMillis();
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (millis % sizes[i] == 0) {
                return millis / sizes[i] + units[i];
            }
        }
        return millis + "ms";
    }
}
