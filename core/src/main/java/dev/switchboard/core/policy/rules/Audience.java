package dev.switchboard.core.policy.rules;

import dev.switchboard.api.identity.Principal;

/** Who an allow rule is for: one {@code to} entry, checked. */
sealed interface Audience {
    boolean includes(Principal principal);

    /** Why {@code principal} is not included, as a clause: {@code alice is not in group sre}. */
    String excludes(Principal principal);

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
}
