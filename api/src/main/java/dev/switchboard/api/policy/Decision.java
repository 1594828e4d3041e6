package dev.switchboard.api.policy;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What policy decided. Every case names the rule that decided ({@code "policy.yaml:12 allow deploy.*"}, or
 * {@code "default deny"}), so every decision can be explained and audited.
 */
public sealed interface Decision {
    String rule();

    static Decision allow(String rule) {
        return new Allow(rule);
    }

    static Decision deny(String reason) {
        return new Deny(reason, "fail closed");
    }

    static Decision deny(String reason, String rule) {
        return new Deny(reason, rule);
    }

    /** The command may run now. */
    record Allow(String rule) implements Decision {
        public Allow {
            Objects.requireNonNull(rule, "rule");
        }
    }

    /** The command may not run; {@code reason} is safe to show to the user. */
    record Deny(String reason, String rule) implements Decision {
        public Deny {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(rule, "rule");
        }
    }

    /**
     * The command may run once {@code count} eligible people other than the requester approved it within
     * {@code ttl}. {@code approvers} are audience entries ({@code group:sre}, {@code user:bob}); {@code announce} are
     * conversations ({@code web:#approvals}) told about every new request.
     */
    record RequireApproval(String rule, List<String> approvers, int count, Duration ttl, List<String> announce)
            implements Decision {
        public RequireApproval {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(ttl, "ttl");
            approvers = List.copyOf(approvers);
            announce = List.copyOf(announce);
        }

        public RequireApproval(String rule, List<String> approvers, int count, Duration ttl) {
            this(rule, approvers, count, ttl, List.of());
        }
    }
}
