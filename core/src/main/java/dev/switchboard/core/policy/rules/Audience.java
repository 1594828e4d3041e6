package dev.switchboard.core.policy.rules;

import dev.switchboard.api.identity.Principal;

/** Who a rule is for, or who may approve: one {@code to} or {@code by} entry, checked. */
sealed interface Audience {
    boolean includes(Principal principal);

    /** Why {@code principal} is not included, as a clause: {@code alice is not in group sre}. */
    String excludes(Principal principal);

    /**
     * Every requester, known or guest: what approve, confirm and limit rules without {@code to} apply to, so that a
     * guest an allow rule lets in cannot slip past them.
     */
    record Anyone() implements Audience {
        public boolean includes(Principal principal) {
            return true;
        }

        public String excludes(Principal principal) {
            return "nobody is excluded";
        }

        @Override
        public String toString() {
            return "anyone";
        }
    }

    /** Every known user. */
    record Everyone() implements Audience {
        public boolean includes(Principal principal) {
            return principal.known();
        }

        public String excludes(Principal principal) {
            return principal.id() + " is not a known user";
        }

        @Override
        public String toString() {
            return "everyone";
        }
    }

    /** Every unknown platform account. */
    record Guests() implements Audience {
        public boolean includes(Principal principal) {
            return !principal.known();
        }

        public String excludes(Principal principal) {
            return principal.id() + " is not a guest";
        }

        @Override
        public String toString() {
            return "guests";
        }
    }

    /** The known users in a group. */
    record Group(String name) implements Audience {
        public boolean includes(Principal principal) {
            return principal.known() && principal.inGroup(name);
        }

        public String excludes(Principal principal) {
            return principal.id() + " is not in group " + name;
        }

        @Override
        public String toString() {
            return "group:" + name;
        }
    }

    /** One known user. */
    record User(String id) implements Audience {
        public boolean includes(Principal principal) {
            return principal.known() && principal.id().equals(id);
        }

        public String excludes(Principal principal) {
            return principal.id() + " is not user " + id;
        }

        @Override
        public String toString() {
            return "user:" + id;
        }
    }

    /** An approver entry as {@link dev.switchboard.api.policy.Decision.RequireApproval} carries it; guests never. */
    static java.util.Optional<Audience> approver(String entry) {
        if ("everyone".equals(entry)) {
            return java.util.Optional.of(new Everyone());
        }
        if (entry != null && entry.startsWith("group:") && entry.length() > "group:".length()) {
            return java.util.Optional.of(new Group(entry.substring("group:".length())));
        }
        if (entry != null && entry.startsWith("user:") && entry.length() > "user:".length()) {
            return java.util.Optional.of(new User(entry.substring("user:".length())));
        }
        return java.util.Optional.empty();
    }
}
