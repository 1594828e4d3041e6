package dev.switchboard.core.policy.rules;

import dev.switchboard.api.command.ArgType;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.core.policy.condition.Compiled;
import dev.switchboard.core.policy.condition.Condition;
import dev.switchboard.core.policy.condition.Facts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks each {@link RuleSpec} on its own against the {@link KnownNames}, collecting every problem rather than the
 * first; {@link RuleConflicts} then checks the rules against each other. One per build; not thread-safe.
 */
final class RuleChecker {
    static final Duration DEFAULT_TTL = Duration.ofMinutes(30);
    private static final Pattern COMMAND = Pattern.compile("\\*|[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)*(\\.\\*)?");
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_-]*:[^\\s*]*\\*?");
    private static final Pattern RATE = Pattern.compile("(\\d{1,6})/(\\S+)");

    private final KnownNames known;
    private final List<RuleProblem> problems = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();

    RuleChecker(KnownNames known) {
        this.known = known;
    }

    List<RuleProblem> problems() {
        return List.copyOf(problems);
    }

    List<Rule> rules() {
        return List.copyOf(rules);
    }

    void check(RuleSpec spec) {
        int before = problems.size();
        String word = spec.kind().name().toLowerCase(Locale.ROOT);
        if (spec.commands().isEmpty()) {
            problem(spec, word + ": needs at least one command pattern, like deploy.service, deploy.* or *");
        }
        for (String command : spec.commands()) {
            if (command == null || !COMMAND.matcher(command).matches()) {
                problem(spec, word + ": '" + command + "' is not a command pattern; expected a dotted lower-case id"
                        + " like deploy.service, optionally ending in .*, or *");
            } else if (known.commands().stream().noneMatch(c -> Rule.commandMatches(command, c.id()))) {
                problem(spec, word + ": '" + command + "' matches no known command" + Closest.to(command,
                        known.commands().stream().map(CommandSpec::id).toList())
                        .map(k -> "; did you mean '" + k + "'?").orElse(""));
            }
        }
        misplaced(spec);
        Rule rule = switch (spec.kind()) {
            case ALLOW -> new Rule.Allow(spec.commands(), scope(spec, new Audience.Everyone()), spec.source());
            case RESTRICT -> restrict(spec);
            case APPROVE -> approve(spec);
            case CONFIRM -> new Rule.Confirm(spec.commands(), scope(spec, new Audience.Anyone()), spec.source());
            case LIMIT -> limit(spec);
        };
        if (problems.size() == before) {
            whenNames(spec, rule);
        }
        if (problems.size() == before) {
            rules.add(rule);
        }
    }

    /** Settings the rule's kind does not take are refused rather than silently ignored. */
    private void misplaced(RuleSpec spec) {
        RuleSpec.Kind kind = spec.kind();
        if (!spec.channels().isEmpty() && kind != RuleSpec.Kind.RESTRICT) {
            problem(spec, "channels: only restrict rules take channels; add a restrict rule for these commands");
        }
        if (spec.verified() && kind != RuleSpec.Kind.RESTRICT) {
            problem(spec, "verified: only restrict rules take verified; add a restrict rule for these commands");
        }
        if (kind == RuleSpec.Kind.RESTRICT && (!spec.to().isEmpty() || spec.when() != null)) {
            problem(spec, "restrict: takes no to or when; it applies to everyone, so write allow rules for who");
        }
        if (kind != RuleSpec.Kind.APPROVE && (!spec.by().isEmpty() || spec.count() != null || spec.ttl() != null
                || !spec.announce().isEmpty())) {
            problem(spec, "by, count, ttl and announce: only approve rules take them");
        }
        if (kind != RuleSpec.Kind.LIMIT && spec.rate() != null) {
            problem(spec, "rate: only limit rules take a rate");
        }
    }

    private Scope scope(RuleSpec spec, Audience byDefault) {
        if (spec.kind() == RuleSpec.Kind.RESTRICT) {
            return new Scope(List.of(new Audience.Everyone()), null, false);
        }
        List<Audience> audience = new ArrayList<>();
        for (String entry : spec.to()) {
            audience("to", spec, entry, true).ifPresent(audience::add);
        }
        Condition when = null;
        if (spec.when() != null) {
            switch (Condition.parse(spec.when())) {
                case Compiled.Parsed parsed -> when = parsed.condition();
                case Compiled.Rejected rejected -> problem(spec, "when: " + rejected.describe());
            }
        }
        return spec.to().isEmpty() ? new Scope(List.of(byDefault), when, false)
                : new Scope(audience, when, !audience.equals(List.of(byDefault)));
    }

    private Rule restrict(RuleSpec spec) {
        if (spec.channels().isEmpty() && !spec.verified()) {
            problem(spec, "restrict: needs channels, the conversations where these commands may run,"
                    + " like slack:#deploys or web:*, or verified: true");
        }
        for (String channel : spec.channels()) {
            if (channel == null || !CHANNEL.matcher(channel).matches() || channel.endsWith(":")) {
                problem(spec, "channels: '" + channel + "' is not platform:conversation; expected something like"
                        + " slack:#deploys, or web:* for every conversation on a platform");
            }
        }
        return new Rule.Restrict(spec.commands(), spec.channels(), spec.verified(), spec.source());
    }

    private Rule approve(RuleSpec spec) {
        Scope scope = scope(spec, new Audience.Anyone());
        List<Audience> by = new ArrayList<>();
        if (spec.by().isEmpty()) {
            problem(spec, "by: approve rules need by, who may approve, like group:sre or user:bob");
        }
        for (String entry : spec.by()) {
            audience("by", spec, entry, false).ifPresent(by::add);
        }
        int count = spec.count() == null ? 1 : spec.count();
        if (count < 1) {
            problem(spec, "count: " + count + " approvals is not a number of people; expected 1 or more");
        }
        Duration ttl = spec.ttl() == null ? DEFAULT_TTL : spec.ttl();
        if (ttl.isNegative() || ttl.isZero()) {
            problem(spec, "ttl: a request must wait some time for approval; expected a duration like 30m");
        }
        for (String conversation : spec.announce()) {
            if (conversation == null || !CHANNEL.matcher(conversation).matches() || conversation.endsWith(":")
                    || conversation.endsWith("*")) {
                problem(spec, "announce: '" + conversation + "' is not platform:conversation; expected one"
                        + " conversation like web:#approvals or slack:#deploys");
            }
        }
        if (!spec.by().isEmpty() && by.size() == spec.by().size() && count >= 1) {
            ApproverCount.check(spec, by, scope, count, known).ifPresent(m -> problem(spec, m));
        }
        return new Rule.Approve(spec.commands(), scope, by, count, ttl, spec.announce(), spec.source());
    }

    private Rule limit(RuleSpec spec) {
        Scope scope = scope(spec, new Audience.Anyone());
        Matcher m = spec.rate() == null ? null : RATE.matcher(spec.rate().strip());
        int count = 0;
        Duration per = Duration.ZERO;
        if (spec.rate() == null) {
            problem(spec, "rate: limit rules need a rate, like 5/10m (at most 5 runs in 10 minutes per user)");
        } else if (m.matches() && new ArgType.DurationType().check(m.group(2))
                instanceof ArgType.Check.Accepted(String iso)) {
            count = Integer.parseInt(m.group(1));
            per = Duration.parse(iso);
            if (count < 1 || per.isZero()) {
                problem(spec, "rate: '" + spec.rate() + "' allows nothing; expected at least 1 run in a period"
                        + " longer than zero, like 5/10m");
            }
        } else {
            problem(spec, "rate: '" + spec.rate() + "' is not N/duration; expected a count and a period like 5/10m,"
                    + " 30/1h or 1/30s (units ms, s, m, h, d)");
        }
        return new Rule.Limit(spec.commands(), scope, Math.max(count, 1), per.isZero() ? Duration.ofSeconds(1) : per,
                spec.rate() == null ? "" : spec.rate().strip(), spec.source());
    }

    private Optional<Audience> audience(String field, RuleSpec spec, String entry, boolean guestsAllowed) {
        if ("everyone".equals(entry)) {
            return Optional.of(new Audience.Everyone());
        }
        if ("guests".equals(entry) && guestsAllowed) {
            return Optional.of(new Audience.Guests());
        }
        if ("guests".equals(entry)) {
            problem(spec, field + ": guests cannot approve; name groups or users, like group:sre");
            return Optional.empty();
        }
        if (entry != null && entry.startsWith("group:") && entry.length() > "group:".length()) {
            String name = entry.substring("group:".length());
            if (known.groups().contains(name)) {
                return Optional.of(new Audience.Group(name));
            }
            problem(spec, field + ": unknown group '" + name + "'" + Closest.suggestion(name, known.groups(), "groups"));
            return Optional.empty();
        }
        if (entry != null && entry.startsWith("user:") && entry.length() > "user:".length()) {
            String id = entry.substring("user:".length());
            if (known.users().contains(id)) {
                return Optional.of(new Audience.User(id));
            }
            problem(spec, field + ": unknown user '" + id + "'" + Closest.suggestion(id, known.users(), "users"));
            return Optional.empty();
        }
        problem(spec, field + ": '" + entry + "' is not one of group:<name>, user:<id>"
                + (guestsAllowed ? ", guests" : "") + " or everyone");
        return Optional.empty();
    }

    /** A name a {@code when} reads that no covered command has would never be set: almost surely a typo. */
    private void whenNames(RuleSpec spec, Rule rule) {
        Condition when = switch (rule) {
            case Rule.Allow a -> a.scope().when();
            case Rule.Approve a -> a.scope().when();
            case Rule.Confirm c -> c.scope().when();
            case Rule.Limit l -> l.scope().when();
            case Rule.Restrict r -> null;
        };
        if (when == null) {
            return;
        }
        List<CommandSpec> covered = known.coveredBy(rule);
        Set<String> arguments = new TreeSet<>();
        covered.forEach(c -> arguments.addAll(KnownNames.argumentNames(c)));
        for (String name : when.names()) {
            if (!Facts.CONTEXT_NAMES.contains(name) && !arguments.contains(name)) {
                problem(spec, "when: '" + name + "' is neither an argument of " + describe(covered)
                        + " nor one of user, channel, platform, command, so it is never set"
                        + Closest.to(name, arguments).map(k -> "; did you mean '" + k + "'?").orElse(""));
            }
        }
    }

    private static String describe(List<CommandSpec> commands) {
        List<String> ids = commands.stream().map(CommandSpec::id).toList();
        return ids.size() <= 5 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 5)) + " or "
                + (ids.size() - 5) + " more commands";
    }

    private void problem(RuleSpec spec, String message) {
        problems.add(new RuleProblem(spec.source(), message));
    }
}
