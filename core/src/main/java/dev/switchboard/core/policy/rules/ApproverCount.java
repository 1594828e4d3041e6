package dev.switchboard.core.policy.rules;

import dev.switchboard.api.identity.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether an approve rule's {@code count} can ever be reached by the configured users its {@code by} names,
 * remembering that a requester never approves their own request.
 */
final class ApproverCount {
    private ApproverCount() {}

    static Optional<String> check(RuleSpec spec, List<Audience> by, Scope scope, int count, KnownNames known) {
        List<String> eligible = known.groupsByUser().entrySet().stream()
                .filter(user -> by.stream().anyMatch(a -> a.includes(principal(user))))
                .map(Map.Entry::getKey).toList();
        String under = String.join(", ", spec.by());
        if (count > eligible.size()) {
            return Optional.of("count: " + count + " approvals are needed but only " + eligible.size()
                    + " configured " + (eligible.size() == 1 ? "user" : "users") + " can approve under " + under
                    + (eligible.isEmpty() ? "" : " (" + String.join(", ", eligible) + ")")
                    + ", so it could never be approved; lower count or add approvers");
        }
        return known.groupsByUser().entrySet().stream()
                .filter(user -> eligible.contains(user.getKey()))
                .filter(user -> scope.audience().stream().anyMatch(a -> a.includes(principal(user))))
                .filter(user -> count > eligible.size() - 1).findFirst()
                .map(user -> "count: " + count + " approvals are needed but when " + user.getKey()
                        + " asks only " + (eligible.size() - 1) + " other configured "
                        + (eligible.size() - 1 == 1 ? "user" : "users") + " can approve under " + under
                        + " (nobody approves their own request), so their requests could never be approved;"
                        + " lower count, add approvers, or narrow the rule's to");
    }

    private static Principal principal(Map.Entry<String, java.util.Set<String>> user) {
        return new Principal(user.getKey(), user.getValue(), true, true);
    }
}
