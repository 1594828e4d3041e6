package dev.switchboard.core.policy.rules;

import dev.switchboard.core.policy.condition.Compiled;
import dev.switchboard.core.policy.condition.Condition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Checks {@link RuleSpec}s against the known groups and users, collecting every problem rather than the first. */
final class RuleChecker {
    private static final Pattern COMMAND = Pattern.compile("\\*|[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)*(\\.\\*)?");
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_-]*:[^\\s*]*\\*?");

    private final Set<String> knownGroups;
    private final Set<String> knownUsers;
    private final List<RuleProblem> problems = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();

    RuleChecker(Set<String> knownGroups, Set<String> knownUsers) {
        this.knownGroups = new TreeSet<>(knownGroups);
        this.knownUsers = new TreeSet<>(knownUsers);
    }

    List<RuleProblem> problems() {
        return List.copyOf(problems);
    }

    List<Rule> rules() {
        return List.copyOf(rules);
    }

    void check(RuleSpec spec) {
        int before = problems.size();
        String word = spec.kind().name().toLowerCase(java.util.Locale.ROOT);
        if (spec.commands().isEmpty()) {
            problem(spec, word + ": needs at least one command pattern, like deploy.service, deploy.* or *");
        }
        for (String command : spec.commands()) {
            if (command == null || !COMMAND.matcher(command).matches()) {
                problem(spec, word + ": '" + command + "' is not a command pattern; expected a dotted lower-case id"
                        + " like deploy.service, optionally ending in .*, or *");
            }
        }
        Rule rule = switch (spec.kind()) {
            case ALLOW -> checkAllow(spec);
            case RESTRICT -> checkRestrict(spec);
        };
        if (problems.size() == before) {
            shadowedBy(rule).ifPresent(earlier -> problem(spec, "this allow rule can never match: " + earlier.source()
                    + " already allows the same commands to the same people with no when"));
            rules.add(rule);
        }
    }

    private Rule checkAllow(RuleSpec spec) {
        if (!spec.channels().isEmpty()) {
            problem(spec, "channels: only restrict rules take channels; add a restrict rule for these commands");
        }
        List<Audience> audience = new ArrayList<>();
        for (String entry : spec.to()) {
            audience(spec, entry).ifPresent(audience::add);
        }
        if (spec.to().isEmpty()) {
            audience.add(new Audience.Everyone());
        }
        Condition when = null;
        if (spec.when() != null) {
            switch (Condition.parse(spec.when())) {
                case Compiled.Parsed parsed -> when = parsed.condition();
                case Compiled.Rejected rejected -> problem(spec, "when: " + rejected.describe());
            }
        }
        return new Rule(spec.kind(), spec.commands(), List.copyOf(audience), when, List.of(), spec.source());
    }

    private Rule checkRestrict(RuleSpec spec) {
        if (!spec.to().isEmpty() || spec.when() != null) {
            problem(spec, "restrict: takes no to or when; it applies to everyone, so write allow rules for who");
        }
        if (spec.channels().isEmpty()) {
            problem(spec, "restrict: needs channels, the conversations where these commands may run,"
                    + " like slack:#deploys or web:*");
        }
        for (String channel : spec.channels()) {
            if (channel == null || !CHANNEL.matcher(channel).matches() || channel.endsWith(":")) {
                problem(spec, "channels: '" + channel + "' is not platform:conversation; expected something like"
                        + " slack:#deploys, or web:* for every conversation on a platform");
            }
        }
        return new Rule(spec.kind(), spec.commands(), List.of(), null, spec.channels(), spec.source());
    }

    private Optional<Audience> audience(RuleSpec spec, String entry) {
        if ("everyone".equals(entry)) {
            return Optional.of(new Audience.Everyone());
        }
        if ("guests".equals(entry)) {
            return Optional.of(new Audience.Guests());
        }
        if (entry != null && entry.startsWith("group:") && entry.length() > "group:".length()) {
            String name = entry.substring("group:".length());
            if (knownGroups.contains(name)) {
                return Optional.of(new Audience.Group(name));
            }
            problem(spec, "to: unknown group '" + name + "'" + suggestion(name, knownGroups, "groups"));
            return Optional.empty();
        }
        if (entry != null && entry.startsWith("user:") && entry.length() > "user:".length()) {
            String id = entry.substring("user:".length());
            if (knownUsers.contains(id)) {
                return Optional.of(new Audience.User(id));
            }
            problem(spec, "to: unknown user '" + id + "'" + suggestion(id, knownUsers, "users"));
            return Optional.empty();
        }
        problem(spec, "to: '" + entry + "' is not one of group:<name>, user:<id>, guests or everyone");
        return Optional.empty();
    }

    private Optional<Rule> shadowedBy(Rule rule) {
        if (rule.kind() != RuleSpec.Kind.ALLOW) {
            return Optional.empty();
        }
        return rules.stream().filter(earlier -> earlier.kind() == RuleSpec.Kind.ALLOW && earlier.when() == null
                && new HashSet<>(earlier.commands()).equals(new HashSet<>(rule.commands()))
                && new HashSet<>(earlier.audience()).equals(new HashSet<>(rule.audience()))).findFirst();
    }

    private static String suggestion(String name, Set<String> known, String what) {
        if (known.isEmpty()) {
            return "; no " + what + " are configured";
        }
        Optional<String> close = known.stream().filter(k -> k.startsWith(name) || name.startsWith(k)
                || distance(k, name) <= 2).min(Comparator.comparingInt(k -> distance(k, name)));
        return close.map(k -> "; did you mean '" + k + "'?")
                .orElseGet(() -> "; known " + what + " are " + String.join(", ", known));
    }

    /** Levenshtein distance; names are short, so the quadratic cost does not matter. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private void problem(RuleSpec spec, String message) {
        problems.add(new RuleProblem(spec.source(), message));
    }
}
