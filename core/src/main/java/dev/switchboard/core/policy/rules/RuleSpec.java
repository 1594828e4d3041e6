package dev.switchboard.core.policy.rules;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One policy rule as written in config, not yet checked; {@link RulePolicy#build} checks it. Settings a kind does
 * not take are empty, null or false; the checker refuses them when they are set anyway.
 *
 * @param kind what the rule does
 * @param commands command patterns: {@code deploy.service}, {@code deploy.*} or {@code *}
 * @param to who the rule is for: {@code group:<name>}, {@code user:<id>}, {@code guests}, {@code everyone}; empty
 *     means every known user for allow rules, and every requester, guests included, for approve, confirm and limit
 * @param when a condition the rule also needs, or null
 * @param channels where a restrict rule lets its commands run ({@code slack:#deploys}, {@code web:*})
 * @param verified whether a restrict rule lets only platform-verified accounts run its commands
 * @param by who may approve, for approve rules: {@code group:<name>}, {@code user:<id>} or {@code everyone}
 * @param count how many approvals an approve rule needs, or null for 1
 * @param ttl how long an approve rule's request waits, or null for 30 minutes
 * @param announce conversations an approve rule tells about new requests ({@code web:#approvals})
 * @param rate a limit rule's {@code N/duration} ({@code 5/10m}), as written, or null
 * @param source where it was written ({@code policy.yaml:3:5}), for messages
 */
public record RuleSpec(Kind kind, List<String> commands, List<String> to, String when, List<String> channels,
        boolean verified, List<String> by, Integer count, Duration ttl, List<String> announce, String rate,
        String source) {

    /** What a rule does. */
    public enum Kind {
        /** Lets its audience run its commands. */
        ALLOW,
        /** Confines its commands to its channels, or to verified accounts, for everyone. */
        RESTRICT,
        /** Makes an allowed command wait for approval by other people. */
        APPROVE,
        /** Makes the requester confirm an allowed command before it runs. */
        CONFIRM,
        /** Limits how often each user may run its commands. */
        LIMIT
    }

    public RuleSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        commands = copy(commands);
        to = copy(to);
        channels = copy(channels);
        by = copy(by);
        announce = copy(announce);
        when = when == null || when.isBlank() ? null : when.strip();
    }

    /** A rule with only the settings allow and restrict rules share. */
    public RuleSpec(Kind kind, List<String> commands, List<String> to, String when, List<String> channels,
            String source) {
        this(kind, commands, to, when, channels, false, List.of(), null, null, List.of(), null, source);
    }

    /** An allow rule. */
    public static RuleSpec allow(String source, List<String> commands, List<String> to, String when) {
        return new RuleSpec(Kind.ALLOW, commands, to, when, List.of(), source);
    }

    /** A restrict rule confining its commands to channels. */
    public static RuleSpec restrict(String source, List<String> commands, List<String> channels) {
        return restrict(source, commands, channels, false);
    }

    /** A restrict rule confining its commands to channels (may be empty when verified) and verified accounts. */
    public static RuleSpec restrict(String source, List<String> commands, List<String> channels, boolean verified) {
        return new RuleSpec(Kind.RESTRICT, commands, List.of(), null, channels, verified, List.of(), null, null,
                List.of(), null, source);
    }

    /** An approve rule; {@code count} and {@code ttl} may be null for their defaults. */
    public static RuleSpec approve(String source, List<String> commands, List<String> to, String when,
            List<String> by, Integer count, Duration ttl, List<String> announce) {
        return new RuleSpec(Kind.APPROVE, commands, to, when, List.of(), false, by, count, ttl, announce, null,
                source);
    }

    /** A confirm rule. */
    public static RuleSpec confirm(String source, List<String> commands, List<String> to, String when) {
        return new RuleSpec(Kind.CONFIRM, commands, to, when, List.of(), source);
    }

    /** A limit rule with its rate as written ({@code 5/10m}). */
    public static RuleSpec limit(String source, List<String> commands, List<String> to, String when, String rate) {
        return new RuleSpec(Kind.LIMIT, commands, to, when, List.of(), false, List.of(), null, null, List.of(), rate,
                source);
    }

    private static List<String> copy(List<String> list) {
        // Config may hand over nulls inside lists; the checker reports them, so keep them rather than throw here.
        return list == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }
}
